"""Two frames of German, Dutch and Greek, added to their lexicons: bare 'followed' as a
pro-verb (follow_verbs.py: the finite verb ``follow`` and the words a time adverbial beside it
is made of, ``time_word``), and the demonstrative that opens 'Das sagte der Minister' (said_this.py:
``said_this``). Entries are folded; '*' = prefix."""

FOLLOW: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {
        "said_this": ("das", "dies"),
        "follow": ("folgte", "folgten", "folgt"),
        "time_word": ("woche*", "tag", "tage", "tagen", "monat*", "jahr", "jahre", "jahren", "spater",
                      "kurz", "darauf", "danach", "bald", "wenig*", "im", "am", "ein", "eine", "einen",
                      "einem", "einer", "zwei", "drei", "auch", "ebenfalls", "schon", "dann", "januar",
                      "februar", "marz", "april", "mai", "juni", "juli", "august", "september",
                      "oktober", "november", "dezember"),
    },
    "nl": {
        "said_this": ("dat", "dit"),
        "follow": ("volgde", "volgden", "volgt"),
        "time_word": ("week", "weken", "dag", "dagen", "maand", "maanden", "jaar", "jaren", "later",
                      "kort", "daarna", "daarop", "snel", "al", "ook", "toen", "een", "in", "op",
                      "twee", "drie", "januari", "februari", "maart", "april", "mei", "juni", "juli",
                      "augustus", "september", "oktober", "november", "december"),
    },
    "el": {
        "follow": ("ακολουθησε", "ακολουθησαν"),
        "time_word": ("λιγο", "λιγες", "λιγους", "αργοτερα", "μετα", "ημερα", "ημερες", "εβδομαδα",
                      "εβδομαδες", "μηνα", "μηνες", "χρονο", "χρονια", "συντομα", "επισης", "στη",
                      "στις", "στον", "τον", "τη", "την", "το", "μια", "ενα", "δυο", "τρεις"),
    },
}
