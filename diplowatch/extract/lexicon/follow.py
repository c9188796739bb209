"""Two frames of German, Dutch and Greek, added to their lexicons: bare 'followed' as a
pro-verb (follow_verbs.py: the finite verb ``follow`` and the words a time adverbial beside it
is made of, ``time_word``), and the demonstrative that opens 'Das sagte der Minister' (said_this.py:
``said_this``), and the step taken ('den Schritt vollzogen', 'deden hetzelfde': ``step_noun``
beside a ``take_verb``, follow_verbs.py). Entries are folded; '*' = prefix."""

FOLLOW: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {
        "said_this": ("das", "dies"),
        # 'kamen Frankreich und Belgien hinzu' (joined): the stem, its particle ending the clause
        "join_stem": ("kam", "kamen", "kommt", "kommen"), "join_particle": ("hinzu", "dazu"),
        "join_verb": ("hinzugekommen", "dazugekommen", "hinzukam", "hinzukamen", "dazukam",
                      "dazukamen"),
        "step_noun": ("den schritt", "denselben schritt", "dasselbe", "das gleiche"),
        "take_verb": ("vollzog*", "vollzieh*", "getan", "tat", "taten", "tut", "tun",
                      "gegangen", "ging", "gingen", "geht", "gehen", "unternahm*", "unternommen"),
        "follow": ("folgte", "folgten", "folgt"),
        "time_word": ("woche*", "tag", "tage", "tagen", "monat*", "jahr", "jahre", "jahren", "spater",
                      "kurz", "darauf", "danach", "bald", "wenig*", "im", "am", "ein", "eine", "einen",
                      "einem", "einer", "zwei", "drei", "auch", "ebenfalls", "schon", "dann", "januar",
                      "februar", "marz", "april", "mai", "juni", "juli", "august", "september",
                      "oktober", "november", "dezember"),
    },
    "nl": {
        "said_this": ("dat", "dit"),
        "step_noun": ("de stap", "dezelfde stap", "hetzelfde"),
        "take_verb": ("zet", "zette", "zetten", "gezet", "nam", "namen", "neemt", "genomen",
                      "deed", "deden", "doet", "gedaan"),
        "follow": ("volgde", "volgden", "volgt"),
        "time_word": ("week", "weken", "dag", "dagen", "maand", "maanden", "jaar", "jaren", "later",
                      "kort", "daarna", "daarop", "snel", "al", "ook", "toen", "een", "in", "op",
                      "twee", "drie", "januari", "februari", "maart", "april", "mei", "juni", "juli",
                      "augustus", "september", "oktober", "november", "december"),
    },
    "el": {
        "step_noun": ("το βημα", "το ιδιο", "το ιδιο βημα"),
        "take_verb": ("εκανε", "εκαναν", "κανει", "κανουν", "εχει κανει", "εχουν κανει",
                      "προχωρησε", "προχωρησαν", "προχωρα", "προχωρουν", "εκανα"),
        "follow": ("ακολουθησε", "ακολουθησαν"),
        "time_word": ("λιγο", "λιγες", "λιγους", "αργοτερα", "μετα", "ημερα", "ημερες", "εβδομαδα",
                      "εβδομαδες", "μηνα", "μηνες", "χρονο", "χρονια", "συντομα", "επισης", "στη",
                      "στις", "στον", "τον", "τη", "την", "το", "μια", "ενα", "δυο", "τρεις"),
    },
}
