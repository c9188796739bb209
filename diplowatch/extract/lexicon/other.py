"""German and Polish cue words (folded: accents removed). '*' = prefix; spaces = phrase."""

_DE = {
    # "erkenne": Konjunktiv I of reported speech ("Bukarest erkenne das Kosovo nicht an")
    "trigger": ("anerkenn*", "anerkann*", "anzuerkennen", "aberkenn*", "erkennt", "erkenne", "erkannte",
                "erkannten", "erkennen"),
    "trigger_not": ("anerkennenswert*",),
    "noun": ("anerkennung*", "aberkennung*"),
    "future": ("wird anerkennen", "werden anerkennen", "wird * anerkennen"),
    "passive": ("anerkannt",),
    "by": ("von", "durch"),
    "neg": ("nicht", "nie", "niemals", "kein*", "weder", "lehnt*", "abgelehnt", "verweiger*"),
    # after the noun, the participle of refusal ends the clause: 'hat eine Anerkennung … abgelehnt'
    "neg_after": ("nicht", "nie", "weder", "noch", "kein*", "abgelehnt", "ausgeschlossen",
                  "verweigert"),
    "refusal": ("abgelehnt", "ausgeschlossen", "verweigert"),
    # Konjunktiv I in reported speech keeps the mood: 'wolle/werde anerkennen' intends
    "modal": ("wird", "werden", "wollen", "will", "wolle", "wollte*", "werde", "konnte*", "kann",
              "konnen",
              "soll*", "muss*", "mussen", "plan*", "beabsichtig*", "absicht*", "bereit",
              "erwag*", "pruf*", "angekundigt", "ankundig*", "kunftig", "vorschlag*",
              "initiative", "idee", "wenn", "falls", "bald", "demnachst", "mochte*", "hoff*",
              "abwartend*", "zu wollen"),
    "call": ("fordert*", "forderte*", "aufgefordert", "aufruf*", "rief* auf", "appell*",
             "dräng*", "drang*", "bitte*", "ersuch*"),
    "withdraw": ("zuruckzieh*", "zuruckgezogen", "zieht", "zog", "widerruf*", "aberkenn*",
                 "aussetz*", "setzt* aus", "annull*", "einfrier*", "rucknahme", "entzieh*",
                 "entzog*", "zuruck", "ruckgangig", "zuruckgenommen", "zurucknehm*",
                 "zuruckzunehmen", "zuruckzuziehen", "widerrief*", "aufgehoben", "aufheb*",
                 "aufzuheben", "hob", "hoben", "hebt", "ausgesetzt", "auszusetzen"),
    "speech": ("sagte", "sagt", "erklar*", "teilte* mit", "betont*", "verkundet*", "gab*",
               "bekannt", "zufolge", "laut", "bestatig*", "bekraftig*",
               "ausserte", "ausserten", "geaussert"),  # not 'ausser*': 'außer' (apart from)
    "first_person": ("wir", "unser*", "uns", "ich"),
    "pronoun": ("sein land", "das land", "dieses land", "die regierung", "er", "sie", "es"),
    "after": ("nach", "wie", "neben", "nachdem", "ebenso wie", "zusammen mit", "nach dem vorbild"),
    "block": ("von", "vom", "in", "im", "aus", "zu", "zum", "zur", "mit", "gegen", "zwischen",
              "fur", "uber", "auf", "an", "am", "bei", "durch", "gegenuber", "der", "des"),
    "gov": ("regierung*", "bundesregierung", "prasident*", "premierminister*",
            "ministerprasident*", "minister*", "aussenminister*", "aussenministerium",
            "kanzler*", "regierungschef*", "fuhrung", "staatschef*", "sprecher*",
            "parlament"),
    "generic": ("lander", "staaten", "nationen", "regierungen", "welt", "niemand", "andere",
                "viele", "mehrheit", "gemeinschaft", "westen"),
    "breaks": ("aber", "jedoch", "doch", "obwohl", "wahrend", "wenn", "weil", "sondern"),
    "comp": ("dass", "welche*", "wo"),
    "conj": ("und", "sowie", "oder"),
    "other": ("genozid*", "volkermord*", "annexion*", "annektier*", "wahl*", "ergebnis*",
              "referend*", "souveranitat uber", "teil", "territori*", "verdienst*", "preis", "preise*",
              "terror*", "fehler*", "recht*"),
    "indep": ("unabhang*", "souveran*", "staat*", "eigenstaat*", "republik*"),
    "sever": ("abbr*", "brach*", "bricht", "gebrochen", "abgebrochen", "abzubrechen", "brechen"),
    "ties": ("beziehungen", "bande"),
    "one_china": ("ein-china", "ein china", "einen china"),
    "mutual": ("gegenseitig*", "wechselseitig*"),
    "anaphor_act": ("ebenfalls getan",),
    # 'als unabhängige Staaten anerkannt': the predicate of the object before the participle
    "predicative": ("als",),
}

_PL = {
    "trigger": ("uzna*", "uznaj*"),
    "trigger_not": ("uznaniow*", "uznany za winn*"),
    "noun": ("uznani*",),
    "future": ("uzna", "uznaja", "uznamy", "uznam", "bedzie uznawac", "beda uznawac",
               "uznalby", "uznalaby"),
    "passive": ("uznany", "uznana", "uznane", "uznani", "uznanych"),
    "by": ("przez",),
    "neg": ("nie", "nigdy", "ani", "zadn*", "odrzuc*", "odmaw*", "odmow*"),
    "neg_after": ("ani",),
    "modal": ("konieczn*", "potrzebn*", "bedzie", "beda", "moze", "moga", "mogloby", "mogl*", "powin*", "musi*",
              "planuj*", "plan*", "zamierz*", "zamiar*", "gotow*", "rozwaz*", "rozpatr*",
              "propoz*", "projekt*", "inicjatyw*", "pomysl*", "jesli", "jezeli", "gdyby",
              "wkrotce", "chce", "chca", "oczekuj*", "spodziew*"),
    "call": ("wezwal*", "wzywa*", "apel*", "zaapel*", "prosi*", "poprosi*", "zada*",
             "nacisk*", "namaw*"),
    "withdraw": ("wycof*", "cofn*", "cofa*", "odwol*", "uniewazn*", "zawiesz*", "zawiesi*",
                 "zamroz*", "zerwal*", "zrywa*"),
    "speech": ("powiedzial*", "oswiadczy*", "oswiadcz*", "oglosil*", "oglasza*",
               "stwierdzil*", "podkreslil*", "zapewnil*", "wedlug", "poinformowal*",
               "potwierdzil*", "zaznaczyl*", "przekazal*"),
    "first_person": ("my", "nasz", "nasza", "nasze", "nas", "ja", "uznajemy", "uznamy",
                     "uznalismy", "bedziemy"),
    "pronoun": ("jego kraj", "kraj", "panstwo", "rzad", "on", "ona", "oni", "ono"),
    "after": ("po", "za", "jak", "podobnie jak", "obok", "oprocz", "w slad za",
              "tuz po"),
    "block": ("w", "we", "na", "z", "ze", "do", "od", "dla", "o", "przy", "nad", "pod",
              "miedzy", "przeciw*", "przez", "bez", "niz", "ku", "u", "wobec"),
    "gov": ("rzad*", "prezydent*", "premier*", "minister*", "msz", "szef*", "przywodc*",
            "wladz*", "kancelari*", "rzecznik*", "dyplomacj*", "parlament*", "sejm*",
            "przedstawiciel*"),
    "generic": ("kraje", "krajow", "panstwa", "panstw", "narody", "swiat", "nikt", "inne",
                "wiele", "wiekszosc", "spolecznosc", "zachod", "ktore"),
    "breaks": ("ale", "jednak", "chociaz", "choc", "mimo", "podczas gdy", "gdy", "jesli",
               "bo", "poniewaz", "a"),
    "comp": ("ze", "który", "ktory", "ktora", "ktore", "ktorzy", "gdzie", "aby", "zeby"),
    "conj": ("i", "oraz", "a takze", "lub", "albo"),
    "other": ("ludobojstw*", "genocyd*", "aneksj*", "wybor*", "wynik*", "referend*",
              "suwerennosc nad", "czesc*", "terytori*", "zaslug*", "nagrod*", "terror*",
              "blad*", "prawo*", "paszport*", "dokument*", "dyplom*", "wyrok*"),
    "indep": ("niepodleg*", "suweren*", "panstw*", "republik*"),
    "sever": ("zerw*", "zrywa*"),
    "ties": ("stosunki", "relacje", "wiezi"),
    "one_china": ("jednych chin", "jedne chiny"),
    "mutual": ("wzajemn*",),
    "anaphor_act": ("zrobil* to samo", "podjel* taka sama decyzje", "poszl* w jej slady"),
    # 'uznają' is the present of uznawać and the future of uznać: the present beside these
    "aspect_pair": ("uznaja",), "process": ("trwa", "w toku", "toczy sie"),
    "present": ("obecnie", "nadal", "wciaz", "dzis", "dzisiaj", "aktualnie", "do dzis",
                "do dzisiaj", "do tej pory", "od lat"),
}

# Separable verbs (stem second, particle at the end of the clause): 'setzt die Anerkennung
# aus', 'nahm seine Anerkennung zurück', 'fror die Anerkennung ein', 'rief Ghana auf, …'.
SEPARABLE = {"de": {
    "withdraw": (("setzt", "setzte", "setzten", "setzen", "nimmt", "nahm", "nahmen", "nehmen",
                  "zieht", "zog", "zogen", "ziehen", "friert", "fror", "froren", "hebt", "hob",
                  "hoben", "heben"), ("aus", "zuruck", "ein", "auf")),
    "call": (("ruft", "rief", "riefen", "rufen", "fordert", "forderte", "forderten"), ("auf",)),
    # 'schließt eine Anerkennung aus' (rules out): a refusal ('lehnt … ab' is a negator by
    # its stem alone, in the lexicon)
    "neg": (("schliesst", "schloss", "schlossen", "schliessen"), ("aus",)),
}}
# Konjunktiv II of 'werden' folds to the indicative past 'wurde' (passive): only the written
# umlaut tells 'Norwegen würde Palästina anerkennen' (a hypothetical) from a fact.
SURFACE_MODAL = {"de": frozenset({"würde", "würden", "würdest", "würdet"})}

LEX = {"de": _DE, "pl": _PL}
