"""Frames that cancel an assertion, per language: denials and rumours (``deny``).

A trigger inside a denial ("denied that it had recognized", "reports that … are false",
"опроверг сообщения о том, что…") asserts neither the act nor a refusal. Kept apart from the
cue lexicons so that every language can add its frame words in one place; a language without
an entry simply has no denial frame. Entries are folded; '*' = prefix; spaces = phrase.
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
    "sr": {"deny": (
        "demant*", "demantova*", "negira*", "lazn*", "glasin*", "netacn*", "neistin*",
        "dezinformac*", "демант*", "негира*", "лажн*", "гласин*", "нетачн*", "неистин*",
        "дезинформац*")},
}

# Pro-verbs that repeat the previous act ("did so", "lo hicieron", "сделали это"), added to
# each lexicon's own ``anaphor_act``: the verb 'do' with its object pronoun or 'the same', and
# the light-verb nouns 'step' / 'decision' with a demonstrative or 'same'.
ANAPHORA: dict[str, tuple[str, ...]] = {
    "en": ("doing so", "did the same", "do the same", "does the same", "taken this step",
           "took this step", "take this step", "taken the step", "took the step",
           "taken that step", "took that step", "taken the same step", "took the same step",
           "the same step", "the same decision", "been done", "was done", "made the same decision", "such a step",
           "followed its lead", "followed their lead", "followed its example", "done likewise",
           "did likewise"),
    "de": ("dies getan", "das getan", "diesen schritt", "denselben schritt", "den gleichen schritt",
           "gleichen schritt", "dieselbe entscheidung", "die gleiche entscheidung", "taten dies",
           "tat dies", "taten das", "tat das", "folgten dem beispiel", "zogen nach", "zog nach"),
    "es": ("lo hizo", "lo hicieron", "lo habia hecho", "lo habian hecho", "lo ha hecho",
           "lo han hecho", "ese paso", "este paso", "el mismo paso", "la misma decision",
           "una decision que tambien", "siguieron el ejemplo", "siguio el ejemplo",
           "hizo lo propio", "hicieron lo propio", "dio el paso", "dado el paso", "dieron el paso",
           "paso similar", "el mismo paso"),
    "fr": ("l' a fait", "l' ont fait", "l' avait fait", "l' avaient fait", "ont fait de meme",
           "a fait de meme", "franchi le pas", "ce pas", "la meme decision", "le meme pas",
           "emboite le pas", "emboitant le pas", "ont suivi", "a suivi"),
    "it": ("lo ha fatto", "lo hanno fatto", "l' ha fatto", "l' hanno fatto", "lo aveva fatto",
           "lo avevano fatto", "questo passo", "lo stesso passo", "la stessa decisione",
           "hanno seguito", "ha seguito"),
    "pt": ("o fez", "o fizeram", "o tinha feito", "o tinham feito", "fizeram o mesmo",
           "esse passo", "este passo", "o mesmo passo", "a mesma decisao", "seguiram o exemplo",
           "seguiu o exemplo"),
    "ru": ("сделал это", "сделала это", "сделали это", "это сделал", "это сделала",
           "это сделали", "сделало это", "это сделало", "этот шаг", "такой же шаг",
           "такое же решение", "аналогичное решение", "аналогичный шаг",
           "последовал* примеру", "последовал* их примеру"),
    "uk": ("зробив це", "зробила це", "зробили це", "це зробив", "це зробила", "це зробили",
           "цей крок", "такий самий крок", "такий же крок", "аналогічне рішення",
           "таке саме рішення", "наслідува* приклад", "наслідува* її приклад",
           "наслідува* їхній приклад"),
    "pl": ("zrobi* to", "to zrobi*", "uczyni* to", "to uczyni*", "ten krok", "taki sam krok",
           "taka sama decyzj*", "posz* w slady", "posz* w ich slady"),  # 'ł' does not fold
    "sr": ("ucinil* to", "to ucinil*", "uradil* isto", "isti korak", "ovaj korak", "taj korak",
           "istu odluku", "учинил* то", "то учинил*", "урадил* исто", "исти корак",
           "овај корак", "тај корак", "исту одлуку"),
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
        "convirti*", "convierte*", "fue", "fueron", "era")},
    "fr": {"inf": ("reconnaitre",), "inf_ok": (
        "decid*", "decision", "premier*", "deuxieme", "troisieme", "quatrieme", "cinquieme",
        "sixieme", "septieme", "huitieme", "neuvieme", "dixieme", "onzieme", "douzieme", "seul*",
        "devenu*", "devient", "deviennent", "etait", "etaient", "fut", "dernier*",
        "continu*", "choisi", "decret*")},
    "it": {"inf": ("riconoscere", "riconoscerla", "riconoscerlo", "riconoscerle",
                   "riconoscerli"), "inf_ok": (
        "decis*", "decide*", "decisione", "prim*", "second*", "terz*", "quart*", "unic*", "ultim*", "continu*", "scelto", "decreto", "nel", "pionier*", "diventat*",
        "diventa*", "fu", "era", "e stat*")},
    "pt": {"inf": ("reconhecer", "reconhece-la", "reconhece-lo", "reconhece-las",
                   "reconhece-los"), "inf_ok": (
        "decidi*", "decisao", "decide*", "primeir*", "segund*", "terceir*", "unic*", "ultim*",
        "continu*", "optou", "decreto", "ao", "pioneir*", "acertou", "erro", "tornou*", "torna*",
        "foi", "foram", "era")},
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
        "jedyn*", "ostatni*", "nadal", "kontynu*", "stal*", "czwart*", "piat*")},
    "sr": {"inf": ("priznati", "priznavati", "признати", "признавати"), "inf_ok": (
        "odluci*", "odlucil*", "odluk*", "одлучи*", "одлучил*", "одлук*", "prv*", "прв*",
        "drug*", "друг*", "jedin*", "једин*", "nastavi*", "настави*", "postal*", "постал*", "postao",
        "постао", "treć*", "трећ*")},
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
    "sr": ("vise ne", "више не", "prestal*", "prestao", "престал*", "престао",
           "prestaje", "престаје"),
}

# The territorial sense after the target (``part_of``): 'recognizes Abkhazia as part of
# Georgia', 'признает Абхазию частью Грузии', 'als Teil Georgiens'.
PART_OF: dict[str, tuple[str, ...]] = {
    "en": ("as part", "as a part", "as an integral", "as integral", "as territory",
           "as a region", "as russian", "as ukrainian", "as georgian", "as azerbaijani",
           "as serbian", "as moroccan", "as chinese", "within the borders", "within its borders"),
    "de": ("als teil", "als bestandteil", "als integral*", "als territorium", "als region"),
    "es": ("como parte", "como territorio", "como region", "parte integral", "parte integrante"),
    "fr": ("comme partie", "comme faisant partie", "comme territoire", "partie integrante",
           "comme une partie", "comme region"),
    "it": ("come parte", "come territorio", "parte integrante", "come regione"),
    "pt": ("como parte", "como territorio", "parte integrante", "como regiao"),
    "ru": ("частью", "как часть", "в составе", "составной частью", "неотъемлемой частью",
           "территорией", "как территорию", "регионом", "субъект*"),
    "uk": ("частиною", "як частину", "у складі", "в складі", "невід'ємною частиною",
           "територією", "як територію", "регіоном"),
    "pl": ("jako czesc", "czescia", "jako terytorium", "integraln*"),
    "sr": ("kao deo", "као део", "kao dio", "sastavni deo", "саставни део", "delom",
           "делом", "u sastavu", "у саставу"),
}

# Extra cue words appended to a lexicon field: verbs that only foresee an act ('a plan that
# foresees Serbia's recognition'); support in the present tense, a stance ('Italy supports the
# recognition'), unlike a perfective 'the Rada supported the recognition' (a vote: an act);
# opposition ('oppose the recognition'), a negation.
EXTRA: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"speech": ("made known", "let it be known", "spokesman", "spokeswoman",
                      "spokesperson"),
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
           "modal": ("предусматрива*", "предусмотр*"), "neg": ("против",)},
    "uk": {"call": ("підтримує", "підтримують", "підтримуємо"),
           "modal": ("передбача*", "передбачит*"), "neg": ("проти",)},
    "pl": {"call": ("popiera", "popieraja", "popieramy", "wspiera", "wspieraja"),
           "modal": ("przewiduj*", "przewidzian*"), "neg": ("sprzeciw*", "przeciw*")},
    "sr": {"call": ("podrzava", "podrzavaju", "подржава", "подржавају"),
           "modal": ("predvi*", "предви*"), "neg": ("protiv", "против", "protive", "противе")},
}

# Causal prepositions before a nominal act (``cause``): 'cut ties because of the recognition',
# 'zbog priznanja', 'из-за признания'. The main clause's subject reacts; it does not act.
CAUSE: dict[str, tuple[str, ...]] = {
    "en": ("because of", "due to", "in response to", "in protest at", "in protest against",
           "in retaliation for", "over the", "over its", "over their"),
    "de": ("wegen", "aufgrund", "als reaktion auf", "aus protest gegen"),
    "es": ("a causa de", "debido a", "en respuesta a", "en protesta por"),
    "fr": ("a cause de", "en raison de", "en reponse a", "en reaction a", "en protestation contre"),
    "it": ("a causa di", "in risposta a", "per protesta contro", "a seguito del"),
    "pt": ("por causa de", "devido a", "em resposta a", "em protesto contra"),
    "ru": ("из-за", "в связи с", "в ответ на", "в знак протеста против"),
    "uk": ("через", "у зв'язку з", "в зв'язку з", "у відповідь на", "на знак протесту проти"),
    "pl": ("z powodu", "w zwiazku z", "w odpowiedzi na", "w protescie przeciw*"),
    "sr": ("zbog", "због", "povodom", "поводом", "kao odgovor na", "као одговор на"),
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

# Continuation (``still``): 'still recognizes Taiwan' is no switch.
STILL: dict[str, tuple[str, ...]] = {
    "en": ("still", "continue*", "remain*"), "de": ("noch", "weiterhin", "nach wie vor"),
    "es": ("todavia", "aun", "sigue*", "siguen"), "fr": ("encore", "toujours", "continue*"),
    "it": ("ancora", "continua*"), "pt": ("ainda", "continua*"),
    "ru": ("ещё", "еще", "по-прежнему", "продолжа*"), "uk": ("досі", "ще", "продовжу*"),
    "pl": ("nadal", "wciaz", "wciąż"), "sr": ("jos", "још", "i dalje", "и даље"),
}

# Claims to a territory and territorial integrity: another sense of recognizing (``other``,
# appended).
CLAIMS: dict[str, tuple[str, ...]] = {
    "en": ("claim", "claims", "integrity"), "de": ("anspruch*", "integritat"),
    "es": ("reivindicaci*", "reclamaci*", "integridad"), "fr": ("revendication*", "integrite"),
    "it": ("rivendicazion*", "pretes*", "integrita"), "pt": ("reivindica*", "integridade"),
    "ru": ("притязани*", "претензи*", "целостност*"), "uk": ("претензі*", "цілісн*"),
    "pl": ("roszczen*", "integralnos*"), "sr": ("pretenzij*", "претензиј*", "integritet*",
                                               "интегритет*"),
}

# Openers of a list a generic subject is equated with: a copula after the clause (``copula``)
# and 'including' / 'such as' (``including``).
COPULA: dict[str, tuple[str, ...]] = {
    "en": ("are", "were", "is", "include", "includes", "included"),
    "de": ("sind", "waren", "ist", "gehoren", "zahlen"), "es": ("son", "fueron", "es", "figuran"),
    "fr": ("sont", "etaient", "est", "figurent"), "it": ("sono", "erano", "figurano"),
    "pt": ("sao", "foram", "figuram"), "ru": ("являются", "это", "стали"),
    "uk": ("є", "це", "стали"), "pl": ("to", "sa", "byly"), "sr": ("su", "jesu", "су", "јесу"),
}
INCLUDING: dict[str, tuple[str, ...]] = {
    "en": ("including", "such as", "among them", "among which", "notably", "namely"),
    "de": ("darunter", "einschliesslich", "namlich", "wie etwa", "so etwa"),
    "es": ("incluidos", "incluidas", "entre ellos", "entre ellas", "como", "entre los que"),
    "fr": ("dont", "notamment", "parmi lesquels", "parmi eux", "comme", "tels que"),
    "it": ("tra cui", "fra cui", "compresi", "come", "tra questi"),
    "pt": ("incluindo", "entre eles", "como", "entre os quais"),
    "ru": ("в том числе", "включая", "среди них", "такие как", "таких как"),
    "uk": ("зокрема", "у тому числі", "в тому числі", "серед них", "включно з", "такі як"),
    "pl": ("w tym", "m.in", "miedzy innymi", "takie jak", "wsrod nich"),
    "sr": ("ukljucujuci", "medu kojima", "kao sto su", "укључујући", "међу којима", "као што су"),
}
# 'apart from A and B, only C recognizes…': A and B are background actors (``after``).
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

# Verbs of moving a recognition ('shifted its recognition to Beijing'): the Taipei → Beijing
# switch when Beijing follows the recognition noun (taiwan.switched_to).
SWITCH: dict[str, tuple[str, ...]] = {
    "en": ("switch*", "shift*", "moved", "move", "moves", "moving", "transferr*", "transfer*"),
    "de": ("verlegt*", "verlagert*", "wechselt*", "gewechselt"),
    "es": ("traslad*", "cambi*", "paso", "pasaron", "transfir*"),
    "fr": ("transfer*", "bascul*", "deplac*"),
    "it": ("trasfer*", "spost*"), "pt": ("transfer*", "mudou", "mudaram", "passou", "passaram"),
    "ru": ("перенес*", "переключ*", "переориентир*"), "uk": ("перенес*", "переключ*"),
    "pl": ("przenios*", "przenies*"), "sr": ("prebac*", "premest*", "пребац*", "премест*"),
}

# 'following the example of': a background actor, like 'after' (added to each ``after``).
EXAMPLE: dict[str, tuple[str, ...]] = {
    "en": ("following the example of", "following the lead of", "in the footsteps of"),
    "de": ("nach dem beispiel", "dem beispiel von", "nach dem vorbild von"),
    "es": ("siguiendo el ejemplo de", "a ejemplo de", "siguiendo los pasos de"),
    "fr": ("suivant l'exemple de", "a l'exemple de", "sur les traces de", "dans le sillage de"),
    "it": ("seguendo l'esempio di", "seguendo l'esempio del", "seguendo l'esempio della",
           "seguendo l'esempio dell'", "sull'esempio di", "sulle orme di"),
    "pt": ("seguindo o exemplo de", "seguindo o exemplo do", "seguindo o exemplo da",
           "a exemplo de", "a exemplo do", "a exemplo da"),
    "ru": ("по примеру", "следуя примеру"), "uk": ("за прикладом", "слідом за прикладом"),
    "pl": ("idac za przykladem", "za przykladem", "sladem"),
    "sr": ("po uzoru na", "по узору на", "sledeci primer", "следећи пример"),
}

APART_FROM: dict[str, tuple[str, ...]] = {
    "en": ("apart from", "aside from", "except", "except for", "besides"),
    "de": ("ausser", "abgesehen von"), "es": ("aparte de", "excepto", "salvo"),
    "fr": ("hormis", "a part", "excepte", "sauf"), "it": ("a parte", "eccetto", "tranne"),
    "pt": ("alem de", "exceto", "salvo"), "ru": ("за исключением",), "uk": ("за винятком",),
    "pl": ("poza", "z wyjatkiem"), "sr": ("osim", "осим", "pored", "поред"),
}
