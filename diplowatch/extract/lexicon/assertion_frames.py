"""Frames that decide whether a trigger asserts an act, per language, one table per
construction: denials and rumours (``deny``), infinitives and their governors, cessation,
acts not yet in force, conditions, the adjective 'internationally recognized', and extra cue
words for the lexicons' own fields (support, foreseeing, opposition).

A trigger inside a denial ("denied that it had recognized", "reports that … are false",
"опроверг сообщения о том, что…") asserts neither the act nor a refusal. Kept apart from the
cue lexicons so that every language can add its frame words in one place; a language without
an entry simply has no such frame. Entries are folded; '*' = prefix; spaces = phrase.
"""

FRAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"deny": (
        "deny", "denies", "denied", "denying", "denial*", "refut*", "false", "falsely", "untrue",
        "fake", "baseless", "groundless", "unfounded", "rumour*", "rumor*", "no truth",
        "not true", "disinformation", "misinformation", "hoax", "dismissed reports",
        "dismissed claims", "dismissed the report*", "dismissed the claim*", "dismissed as",
        "contradict*")},
    "de": {"deny": (
        "dementier*", "dementi*", "bestreit*", "bestritt*", "bestritten", "falsch*", "gerucht*",
        "nicht wahr", "unwahr*", "haltlos*", "grundlos*", "desinformation", "fake*", "zuruckgewiesen",
        "wies * zuruck")},
    "es": {"deny": (
        "desmint*", "desmient*", "desment*", "nego que", "negaron que", "niega que", "niegan que",
        "falso", "falsa", "falsos", "falsas", "rumor*", "bulo*", "no es cierto", "no es verdad",
        "desinformacion", "infundad*", "carece* de fundamento")},
    "fr": {"deny": (
        "dement*", "dementi*", "a nie", "nie avoir", "nient", "faux", "fausse*", "rumeur*",
        "infox", "pas vrai", "desinformation", "infonde*", "sans fondement")},
    "it": {"deny": (
        "smenti*", "smentit*", "ha negato", "negato", "nega che", "falso", "falsa", "falsi",
        "false", "voci", "indiscrezion*", "non e vero", "disinformazione", "infondat*",
        "priv* di fondamento")},
    "pt": {"deny": (
        "desment*", "desmint*", "negou", "nega que", "negam que", "falso", "falsa", "falsos",
        "falsas", "boato*", "rumor*", "nao e verdade", "desinformacao", "infundad*",
        "sem fundamento")},
    "ru": {"deny": (
        "опроверг*", "опроверж*", "опровер*", "отрица*", "слух*", "фейк*", "ложн*",
        "не соответству* действительности", "дезинформац*", "вымысел", "выдумк*",
        "беспочвенн*", "не соответствует")},
    "uk": {"deny": (
        "спростува*", "спростову*", "спростуван*", "заперечи*", "заперечу*", "запереча*",
        "чутк*", "чутки", "фейк*", "неправдив*", "не відповіда* дійсності", "дезінформац*",
        "вигадк*", "безпідставн*")},
    "pl": {"deny": (
        "zdementowa*", "dementi*", "dementow*", "zaprzecz*", "falszyw*", "plotk*", "nieprawd*",
        "poglosk*", "dezinformac*", "bezpodstawn*")},
    # Georgian: 'false', 'rumours', 'groundless', 'disinformation', 'fake', and თითქოს
    # ('supposedly, as if'), which presents a claim as unverified.
    "ka": {"deny": ("ცრუ*", "ჭორ*", "უსაფუძვლო*", "დეზინფორმაცი*", "ყალბ*", "სიცრუ*",
                    "თითქოს", "სიმართლეს არ შეესაბამება")},
    "sr": {"deny": (
        "demant*", "demantova*", "negira*", "lazn*", "glasin*", "netacn*", "neistin*",
        "dezinformac*", "демант*", "негира*", "лажн*", "гласин*", "нетачн*", "неистин*",
        "дезинформац*", "nije tacn*", "nisu tacn*", "није тачн*", "нису тачн*", "nije istin*",
        "није истин*")},
}

# Infinitives (``inf``: the trigger's infinitive forms, or in English the particle 'to' right
# before it) assert an act only under a governor (``inf_ok``): a decision, a decree, an ordinal
# or 'only' ('the first to recognize'), continuation, or 'became the Nth state to'. Requests,
# needs, drafts and beginnings ('начнут признавать') govern nothing. A refusal (the lexicon's
# ``neg``) still governs: 'refused to recognize' is a reject. A numeral ordinal ('the 139th',
# 'le 150e pays', '11.', '140-й') governs in every language (roles.ORDINAL).
INFINITIVES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"inf": ("to",), "inf_ok": (
        "decid*", "decision*", "voted", "agreed", "first", "second", "third", "fourth",
        "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "last", "latest", "only",
        "next", "moved", "became", "become", "becomes", "continu*", "still", "resolved", "chose",
        "opted", "decree*", "order*", "right", "wrong", "mistake", "justified", "correct")},
    "de": {"inf": ("anzuerkennen", "zu anerkennen"), "inf_ok": (
        "beschloss*", "beschlossen", "entschied*", "entschieden", "entscheidung*", "beschluss*",
        "erste*", "zweite*", "dritte*", "vierte*", "funfte*", "einzige*", "letzte*", "weiterhin",
        "wurde", "war")},
    "es": {"inf": ("reconocer", "reconocerla", "reconocerlo", "reconocerlas", "reconocerlos",
                   "reconocerle"), "inf_ok": (
        "decidi*", "decision", "decide*", "acord*", "resolvi*", "primer*", "segund*", "tercer*",
        "cuart*", "quint*", "sext*", "septim*", "octav*", "noven*", "decim*", "unic*",
        "ultim*", "continu*", "decreto*", "opto", "optaron", "al", "pioner*", "acierto", "error",
        "convirti*", "convierte*", "fue", "fueron", "era", "vuelve a", "volvio a",
        "volvieron a", "ha vuelto a", "acaba de", "acaban de", "acababa de", "acababan de")},
    "fr": {"inf": ("reconnaitre",), "inf_ok": (
        "decid*", "decision", "premier*", "deuxieme", "troisieme", "quatrieme", "cinquieme",
        "sixieme", "septieme", "huitieme", "neuvieme", "dixieme", "onzieme", "douzieme", "seul*",
        "devenu*", "devient", "deviennent", "etait", "etaient", "fut", "dernier*",
        "continu*", "choisi", "decret*", "de nouveau", "a nouveau", "vient de", "viennent de",
        "venait de", "venaient de")},
    "it": {"inf": ("riconoscere", "riconoscerla", "riconoscerlo", "riconoscerle",
                   "riconoscerli"), "inf_ok": (
        "decis*", "decide*", "decisione", "prim*", "second*", "terz*", "quart*", "unic*", "ultim*", "continu*", "scelto", "decreto", "nel", "pionier*", "diventat*",
        "diventa*", "fu", "era", "e stat*", "torna a", "tornato a", "torno a", "di nuovo")},
    "pt": {"inf": ("reconhecer", "reconhece-la", "reconhece-lo", "reconhece-las",
                   "reconhece-los"), "inf_ok": (
        "decidi*", "decisao", "decide*", "primeir*", "segund*", "terceir*", "unic*", "ultim*",
        "continu*", "optou", "decreto", "ao", "pioneir*", "acertou", "erro", "tornou*", "torna*",
        "foi", "foram", "era", "volta a", "voltou a", "voltaram a", "acaba de", "acabam de",
        "acabou de", "acabaram de")},
    "ru": {"inf": ("признать", "признавать"), "inf_ok": (
        "решил*", "решени*", "решает", "решают", "постанов*", "указ*", "первой", "первым",
        "первая", "первый", "второй", "вторым", "третьей", "третьим", "единствен*",
        "последн*", "продолжа*", "продолжи*", "согласил*", "стал*", "четверт*", "пят*")},
    "uk": {"inf": ("визнати", "визнавати"), "inf_ok": (
        "вирішил*", "вирішив", "рішенн*", "ухвалил*", "ухвалив", "постанов*", "указ*",
        "першою", "першим", "перша", "перший", "другою", "другим", "третьою", "єдин*",
        "останн*", "продовжу*", "продовжи*", "погодил*", "стал*", "четверт*", "п'ят*")},
    "pl": {"inf": ("uznac", "uznawac"), "inf_ok": (
        "zdecydowa*", "decyzj*", "postanowi*", "postanowien*", "pierwsz*", "drug*", "trzeci*",
        "jedyn*", "ostatni*", "nadal", "kontynu*", "stal*", "czwart*", "piat*", "kolejn*",
        "nastepn*")},
    "sr": {"inf": ("priznati", "priznavati", "признати", "признавати"), "inf_ok": (
        "odluci*", "odlucil*", "odluk*", "одлучи*", "одлучил*", "одлук*", "prv*", "прв*",
        "drug*", "друг*", "jedin*", "једин*", "nastavi*", "настави*", "postal*", "постал*", "postao",
        "постао", "treć*", "трећ*")},
    # Romanian has the subjunctive 'să' + verb where the others have an infinitive.
    "ro": {"inf": ("sa", "de a", "pentru a"), "inf_ok": (
        "decis", "decide*", "hotarat", "hotarare*", "hotarast*", "decizi*", "primul", "prima",
        "al doilea", "a doua", "singur*", "ultim*", "continua*", "decret*")},
}

# Ceasing to recognize (``cease``) makes the act a withdrawal and cancels the negation that
# 'no longer' / 'больше не' / 'ya no' carries: "Grenada no longer recognizes the SADR".
CESSATION: dict[str, tuple[str, ...]] = {
    "en": ("no longer", "not longer", "stop*", "ceas*", "quit", "not * any longer",
           "not * anymore", "not anymore", "any more"),
    "de": ("nicht mehr", "nicht langer", "nicht weiter", "hort* auf", "aufgehort"),
    "es": ("ya no", "dejo de", "dejaron de", "deja de", "dejan de", "dejado de", "ceso de",
           "no * mas", "no mas"),
    "fr": ("ne * plus", "n' * plus", "cesse* de", "cesse de", "arrete* de", "plus jamais"),
    "it": ("non * piu", "smess* di", "smette* di", "cessat* di", "ha cessato"),
    "pt": ("ja nao", "deixou de", "deixaram de", "deixa de", "deixam de", "nao * mais",
           "cessou de"),
    "ru": ("больше не", "не * больше", "уже не", "перестал*", "перестает", "перестают",
           "прекратил*", "не * более"),
    "uk": ("більше не", "не * більше", "вже не", "перестал*", "перестав", "перестає",
           "перестають", "припинил*", "припинив"),
    "pl": ("juz nie", "nie * juz", "przesta*", "zaprzesta*"),
    "ka": ("აღარ", "შეწყვიტა აღიარება"),  # 'no longer': აღარ აღიარებს
    "sr": ("vise ne", "више не", "prestal*", "prestao", "престал*", "престао",
           "prestaje", "престаје"),
}

# An act that takes effect later, or holds under a condition stated after it (``not_yet``):
# anywhere in the sentence after the trigger.
NOT_YET: dict[str, tuple[str, ...]] = {
    "en": ("will take effect", "to take effect", "take effect on", "will enter into force",
           "will come into force", "if", "unless", "provided that", "on condition that"),
    "de": ("in kraft treten", "wirksam werden", "tritt * in kraft", "wenn", "falls", "sofern"),
    "es": ("entrara en vigor", "surtira efecto", "tendra efecto", "si", "siempre que",
           "a condicion de que"),
    "fr": ("doit prendre effet", "prendra effet", "entrera en vigueur", "si", "a condition que",
           "pourvu que"),
    "it": ("entrera in vigore", "avra effetto", "se", "purche", "a condizione che"),
    "pt": ("entrara em vigor", "tera efeito", "se", "desde que", "com a condicao de"),
    "ru": ("вступит в силу", "вступят в силу", "вступает в силу с", "если", "при условии"),
    "uk": ("набуде чинності", "набудуть чинності", "набуває чинності з", "якщо", "за умови"),
    "pl": ("wejdzie w zycie", "wejda w zycie", "jesli", "jezeli", "pod warunkiem"),
    "sr": ("stupa na snagu", "stupice na snagu", "ступа на снагу", "ступиће на снагу", "ako",
           "ако", "pod uslovom", "под условом"),
}

# Auxiliaries of the passive and the perfect (``aux``): 'the recognition … was revoked', 'die
# Anerkennung … wurde aufgehoben', 'a été retirée', 'fue revocado'. A verb of undoing after a
# recognition noun withdraws it when one of them stands right before it (scope._undone_after).
AUXILIARIES: dict[str, tuple[str, ...]] = {
    "en": ("was", "were", "been", "is", "are", "be", "being", "got", "gets"),
    "de": ("wurde", "wurden", "worden", "ist", "sind", "war", "waren"),
    "es": ("fue", "fueron", "sido", "es", "son", "quedo", "quedaron", "queda"),
    "fr": ("ete", "est", "sont", "fut", "etait"),
    "it": ("stato", "stata", "stati", "state", "fu", "viene", "venne"),
    "pt": ("foi", "foram", "sido"),
    "ru": ("было", "была", "был", "были"), "uk": ("було", "була", "був", "були"),
    "pl": ("zostalo", "zostala", "zostal", "zostaly", "bylo", "byla"),
    "sr": ("je", "su", "bilo", "bila", "bio", "bile", "је", "су", "било", "била", "био"),
    "cs": ("bylo", "byla", "byl", "byly", "je"), "nl": ("werd", "werden", "is", "zijn", "was"),
    "ro": ("fost", "este"),
}

# Conjunctions that open a condition before the act (scope._conditional): the act is
# hypothetical. Portuguese 'se' is left out (it is also the reflexive pronoun).
CONDITION: dict[str, tuple[str, ...]] = {
    "en": ("if", "unless", "were we to", "should we", "were it to"),
    "de": ("wenn", "falls", "sofern"), "es": ("si", "a menos que", "en caso de que"),
    "fr": ("si", "s'il", "s'ils", "a moins que", "au cas ou"), "it": ("se", "qualora"),
    "pt": ("caso", "a menos que"), "ru": ("если", "если бы", "в случае если"),
    "uk": ("якщо", "якби", "у разі якщо"), "pl": ("jesli", "jezeli", "gdyby"),
    "sr": ("ako", "ukoliko", "kad bi", "ако", "уколико", "кад би"),
}

# 'internationally recognized borders': an adjective of borders and governments, no act
# (added to each lexicon's ``trigger_not``; phrases mark every word they cover).
ADJECTIVAL: dict[str, tuple[str, ...]] = {
    "en": ("internationally recogni*", "recogni* border*", "recogni* frontier*",
           "internationally-recogni*"),
    "de": ("international anerkannt*", "anerkannt* grenze*", "volkerrechtlich anerkannt*"),
    "es": ("internacionalmente reconocid*", "reconocid* internacionalmente",
           "fronteras reconocidas"),
    "fr": ("internationalement reconnu*", "reconnu* internationalement", "frontieres reconnues"),
    "it": ("internazionalmente riconosciut*", "riconosciut* a livello internazionale",
           "riconosciut* internazionalmente", "confini riconosciuti"),
    "pt": ("internacionalmente reconhecid*", "reconhecid* internacionalmente",
           "fronteiras reconhecidas"),
    "ru": ("международно признанн*", "международно-признанн*", "признанн* границ*",
           "признанн* мировым сообществом"),
    "uk": ("міжнародно визнан*", "визнан* кордон*"),
    "pl": ("miedzynarodowo uznan*", "uznan* miedzynarodowo", "uznan* granic*"),
    "sr": ("medjunarodno priznat*", "međunarodno priznat*", "medunarodno priznat*",
           "међународно признат*", "priznate granice", "признате границе"),
}

# Extra cue words appended to a lexicon field: verbs that only foresee an act ('a plan that
# foresees Serbia's recognition'); support in the present tense, a stance ('Italy supports the
# recognition'), unlike a perfective 'the Rada supported the recognition' (a vote: an act);
# opposition ('oppose the recognition'), a negation. Slavic verbs of striving, hoping,
# campaigning and opposing ('добивается отзыва признания', 'vodi kampanju za povlačenje
# priznanja', 'se protivi priznanju') make the act a goal, not a fact (``modal``).
EXTRA: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"speech": ("made known", "let it be known", "spokesman", "spokeswoman",
                      "spokesperson", "comment", "commented", "comments", "commenting"),
           "call": ("supports", "support", "supporting", "advocat*"),
           "sever": ("drop*", "abandon*", "ditch*", "cutting"),
           "generic": ("handful", "few", "some", "dozen*", "majority"),
           "modal": ("foresee*", "envisag*", "provide for", "provides for", "provided for",
                     "contemplat*"),
           "neg": ("oppos*",)},
    "de": {"call": ("unterstutzt", "unterstutzen", "befurwortet", "befurworten"),
           "modal": ("vorsieht", "vorsehen", "sieht * vor"), "neg": ("widersetz*", "gegen die")},
    "es": {"call": ("apoya", "apoyan", "respalda", "respaldan"),
           "modal": ("prevé", "preve", "contempla*"), "neg": ("opon*", "opuest*", "opuso")},
    "fr": {"speech": ("fait savoir", "a fait savoir", "avait fait savoir", "porte-parole"),
           "call": ("soutient", "soutiennent", "appuie", "appuient"),
           "modal": ("prevoit", "prevoyant", "envisag*"), "neg": ("oppos*",)},
    "it": {"call": ("sostiene", "sostengono", "appoggia", "appoggiano"),
           "modal": ("prevede", "prevedeva"), "neg": ("oppon*", "oppost*", "oppongono")},
    "pt": {"call": ("apoia", "apoiam"),
           "modal": ("preve", "contempla*"), "neg": ("opoe*", "opor", "opos*")},
    "ru": {"call": ("поддерживает", "поддерживают", "поддерживаем"),
           "modal": ("предусматрива*", "предусмотр*", "ведет кампани*", "ведут кампани*",
                     "стремит*", "стремят*", "надеет*", "надеют*", "борет*", "борют*"),
           "neg": ("против",)},
    "uk": {"call": ("підтримує", "підтримують", "підтримуємо"),
           "modal": ("передбача*", "передбачит*", "домага*", "прагне", "прагнуть",
                     "сподіва*", "бореться", "борються", "веде кампані*", "ведуть кампані*"),
           "neg": ("проти",)},
    "pl": {"call": ("popiera", "popieraja", "popieramy", "wspiera", "wspieraja"),
           "modal": ("przewiduj*", "przewidzian*", "zabiega*", "zabiegaj*", "stara sie o",
                     "staraja sie o", "dazy do", "daza do", "walczy o", "walcza o", "lobbuj*",
                     "prowadzi kampani*", "ma nadzieje", "maja nadzieje"),
           "neg": ("sprzeciw*", "przeciw*")},
    "sr": {"call": ("podrzava", "podrzavaju", "подржава", "подржавају"),
           "modal": ("predvi*", "предви*", "vodi kampanj*", "vode kampanj*", "води кампањ*",
                     "воде кампањ*", "nada se", "se nada", "нада се", "се нада", "protivi se",
                     "se protivi", "противи се", "се противи", "zalaze se", "se zalaze",
                     "залаже се", "се залаже", "bori se", "se bori", "бори се", "се бори"),
           "neg": ("protiv", "против", "protive", "противе")},
    # Albanian: the perfect participle of 'deny' ('ka mohuar'); a campaign ('fushatë') is
    # advocacy; 'akuzoi … se' (accused … of) reports in doubt and, like a call, governs the
    # clause after it (a hedge would reach its own clause only)
    "sq": {"deny": ("mohuar", "mohoj*"), "modal": ("fushat*",), "call": ("akuz*",)},
}
