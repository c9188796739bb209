"""Frames that decide the roles around a trigger, per language, one table per construction:
who acts (causal prepositions, lists a generic subject names, 'following the example of',
'apart from'), which act a pro-verb repeats ('did so'), other senses of the target ('as part
of', claims) and the Taipei → Beijing switch ('shifted', 'still').

Entries are folded; '*' = prefix; spaces = phrase; a language without an entry has no frame.
"""

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
           "последовал* примеру", "последовал* их примеру", "примеру * последовал*",
           "примеру последовал*", "её примеру последовал*", "их примеру последовал*"),
    "uk": ("зробив це", "зробила це", "зробили це", "це зробив", "це зробила", "це зробили",
           "цей крок", "такий самий крок", "такий же крок", "аналогічне рішення",
           "таке саме рішення", "наслідува* приклад", "наслідува* її приклад",
           "наслідува* їхній приклад", "приклад * наслідува*", "її приклад наслідува*",
           "їхній приклад наслідува*"),
    "pl": ("zrobi* to", "to zrobi*", "uczyni* to", "to uczyni*", "ten krok", "taki sam krok",
           "taka sama decyzj*", "posz* w slady", "posz* w ich slady", "w slady * posz*",
           "w jej slady posz*", "w ich slady posz*"),
    "sr": ("ucinil* to", "to ucinil*", "uradil* isto", "isti korak", "ovaj korak", "taj korak",
           "istu odluku", "учинил* то", "то учинил*", "урадил* исто", "исти корак",
           "овај корак", "тај корак", "исту одлуку"),
}

# Causal prepositions before a nominal act (``cause``): 'cut ties because of the recognition',
# 'zbog priznanja', 'из-за признания'. The main clause's subject reacts; it does not act.
# Thanks and welcome (``reacts``): 'Vučić thanked him for the decision to withdraw the
# recognition' — a subject before such a verb reacts to the act, it is not its actor.
REACTS: dict[str, tuple[str, ...]] = {
    "en": ("thank*", "grateful", "welcom*", "prais*", "commend*", "applaud*"),
    "de": ("dankt*", "bedankt*", "begrusst*", "lobt*", "kritisier*", "verurteil*", "bedauer*"),
    "es": ("agradec*", "felicit*", "saluda*", "celebr*"),
    "fr": ("remerci*", "salue*", "felicit*"), "it": ("ringrazi*", "elogi*", "plaud*"),
    "pt": ("agradec*", "saud*", "elogi*"),
    # Slavic: also condemnation and protest ('Грузия осудила признание Абхазии': Georgia reacts)
    "ru": ("поблагодари*", "благодари*", "приветств*", "осуди*", "осужда*", "протестова*",
           "опротестова*", "раскритикова*", "критикова*", "критику*"),
    "uk": ("подякува*", "дякує", "дякую", "привіта*", "вітає", "засуди*", "засуджу*",
           "протестува*", "опротестува*", "розкритикува*", "критикува*", "критику*"),
    "pl": ("podziekowa*", "dziekuj*", "z zadowoleniem", "potepi*", "potepia*", "skrytykowa*",
           "krytykowa*", "krytykuj*", "zaprotestowa*", "protestowa*", "protestuj*"),
    "sr": ("zahvali*", "захвали*", "pozdravi*", "поздрави*", "osudi*", "осуди*", "osudj*",
           "осуђ*", "kritikova*", "критикова*", "protestova*", "протестова*"),
}
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

# Openers of a list a generic subject is equated with: a copula after the clause (``copula``)
# and 'including' / 'such as' (``including``).
COPULA: dict[str, tuple[str, ...]] = {
    "en": ("are", "were", "is", "include", "includes", "included", "comprise*", "consist* of"),
    "de": ("sind", "waren", "ist", "gehoren", "zahlen", "umfass*"),
    "es": ("son", "fueron", "es", "figuran", "incluye*", "comprende*"),
    "fr": ("sont", "etaient", "est", "figurent", "comprend*", "inclut"),
    "it": ("sono", "erano", "figurano", "comprende*", "include*"),
    "pt": ("sao", "foram", "figuram", "inclui*", "compreende*"),
    "ru": ("являются", "это", "стали", "включает", "включают"),
    "uk": ("є", "це", "стали", "включає", "включають"), "pl": ("to", "sa", "byly", "obejmuj*"),
    "sr": ("su", "jesu", "су", "јесу", "obuhvata*", "обухвата*"),
}
INCLUDING: dict[str, tuple[str, ...]] = {
    "en": ("including", "such as", "among them", "among which", "notably", "namely",
           "most recently", "the latest being", "the most recent being", "most notably"),
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

# 'following the example of', 'followed by': a background actor, like 'after' (added to each
# ``after``).
EXAMPLE: dict[str, tuple[str, ...]] = {
    "en": ("following the example of", "following the lead of", "in the footsteps of",
           "followed by"),
    "de": ("nach dem beispiel", "dem beispiel von", "nach dem vorbild von", "gefolgt von"),
    "es": ("siguiendo el ejemplo de", "a ejemplo de", "siguiendo los pasos de", "seguido de",
           "seguida de", "seguido por", "seguida por"),
    "fr": ("suivant l'exemple de", "a l'exemple de", "sur les traces de", "dans le sillage de",
           "suivi de", "suivie de", "suivi par", "suivie par"),
    "it": ("seguendo l'esempio di", "seguendo l'esempio del", "seguendo l'esempio della",
           "seguendo l'esempio dell'", "sull'esempio di", "sulle orme di", "seguit* da",
           "seguit* dal", "seguit* dalla"),
    "pt": ("seguindo o exemplo de", "seguindo o exemplo do", "seguindo o exemplo da",
           "a exemplo de", "a exemplo do", "a exemplo da", "seguid* de", "seguid* do",
           "seguid* da", "seguid* pel*"),
    "ru": ("по примеру", "следуя примеру"), "uk": ("за прикладом", "слідом за прикладом"),
    "pl": ("idac za przykladem", "za przykladem", "sladem"),
    "sr": ("po uzoru na", "по узору на", "sledeci primer", "следећи пример"),
}

# 'apart from A and B, only C recognizes…': A and B are background actors (``after``).
APART_FROM: dict[str, tuple[str, ...]] = {
    "en": ("apart from", "aside from", "except", "except for", "besides"),
    "de": ("ausser", "abgesehen von"), "es": ("aparte de", "excepto", "salvo"),
    "fr": ("hormis", "a part", "excepte", "sauf"), "it": ("a parte", "eccetto", "tranne"),
    "pt": ("alem de", "exceto", "salvo"), "ru": ("за исключением",), "uk": ("за винятком",),
    "pl": ("poza", "z wyjatkiem"), "sr": ("osim", "осим", "pored", "поред"),
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

# Continuation (``still``): 'still recognizes Taiwan' is no switch.
STILL: dict[str, tuple[str, ...]] = {
    "en": ("still", "continue*", "remain*"), "de": ("noch", "weiterhin", "nach wie vor"),
    "es": ("todavia", "aun", "sigue*", "siguen"), "fr": ("encore", "toujours", "continue*"),
    "it": ("ancora", "continua*"), "pt": ("ainda", "continua*"),
    "ru": ("ещё", "еще", "по-прежнему", "продолжа*"), "uk": ("досі", "ще", "продовжу*"),
    "pl": ("nadal", "wciaz", "wciąż"), "sr": ("jos", "још", "i dalje", "и даље"),
}

# Establishing (or restoring) diplomatic relations (``establish``): with a partially
# recognized entity it is a recognition (ties.py). ``establish_self`` words hold the word for
# ties in themselves (建交, 수교); ``establish`` verbs need a ties word beside them.
ESTABLISH: dict[str, tuple[str, ...]] = {
    "en": ("establish*", "restor*", "re-establish*", "reestablish*"),
    "zh": ("建立", "恢复", "恢復"),
    "ko": ("수립*", "맺*", "맺었*", "정상화*"),
    "ar": ("اقام*", "تقيم", "يقيم", "باقام*", "واقام*", "لاقام*", "استئناف", "استانف*"),
    "he": ("כוננ*", "כינון", "לכונן", "וכוננ*", "חידש*", "חידוש"),
    "tr": ("kurdu", "kurdular", "kurduğunu", "kurdugunu", "kurma", "kurması", "kurmasi",
           "kurulması", "kurulmasi", "kuruldu", "kurmuştu", "kurmustu"),
}
ESTABLISH_SELF: dict[str, tuple[str, ...]] = {
    "zh": ("建交", "复交", "復交"), "ko": ("수교*", "국교 수립*", "국교를 수립*"),
}
