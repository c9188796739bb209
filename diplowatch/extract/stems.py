"""Recognition stems: the pre-filter that most statements stop at, and the language a stem
names (for short texts, and for a sentence in another language than its document's)."""

from __future__ import annotations

import re

# Stems of the recognition words; matched against lower-cased text, which is much faster than
# re.IGNORECASE on this alternation (most statements end here: no stem, no event; throughput:
# see docs/benchmarks.md).
PREFILTER = re.compile(
    r"recogn|acknowledg|призна|визна|reconoc|reconoz|reconna|reconnu|anerkenn|anerkann|aberkenn"
    r"|erkenn|erkann|reconhe|riconosc|riconobb|uzna|prizna|taiw|тайван|tajw|tajv|тајван|taip|тайб|тайп"
    r"|erken|recuno|αναγνω|αναγνώ|ismer|njoh|njeh|njih|აღიარ|ღიარებ|ცნო|ճանաչ|tchaj|taïw|taïp|ταϊβ|ταιβ|ტაივან|թայվան"
    r"|عترف|اعتر|تايوان|تايبيه|כיר|הכר|הוכר|טייוואן|טאיוואן|承认|承認|台湾|台灣|臺灣"
    r"|断交|斷交|승인|인정|대만|타이완|단교|tanı|tani|tayvan"
    r"|建交|复交|復交|外交关系|外交關係|수교|외교 관계|외교관계|دبلوماسي|דיפלומטי|diplomatik"
    r"|diplomatic relations|diplomatic ties"
    # Romance 'relations' + 'diplomatic': ties with an entity recognize it (ties.py)
    r"|relaciones diplom|relations diplom|relações diplom|relacoes diplom|relazioni diplom"
    r"|relații diplom|relatii diplom|relaţii diplom|switch(?:ed|es|ing)?(?: [\w']+){0,3} to (?:beijing|china)"
)


def cued(text: str) -> bool:
    return PREFILTER.search(text.lower()) is not None


STEM_LANG = (("reconoc", "es"), ("reconoz", "es"), ("reconna", "fr"), ("reconnu", "fr"),
              ("anerkenn", "de"), ("anerkann", "de"), ("erkenn", "de"), ("reconhe", "pt"),
              ("riconosc", "it"), ("riconobb", "it"), ("uzna", "pl"), ("uzna", "cs"), ("prizna", "sr"),
              ("визна", "uk"), ("призна", "ru"), ("erken", "nl"), ("recuno", "ro"),
              ("αναγνω", "el"), ("αναγνώ", "el"), ("ismer", "hu"), ("njoh", "sq"), ("njeh", "sq"),
              ("njih", "sq"),
              ("აღიარ", "ka"), ("ღიარებ", "ka"), ("ცნო", "ka"), ("ճանաչ", "hy"), ("اعتر", "ar"), ("عترف", "ar"),
              ("הכיר", "he"), ("מכיר", "he"), ("הכרה", "he"), ("הכרת", "he"), ("承认", "zh"),
              ("承認", "zh"), ("승인", "ko"), ("인정", "ko"), ("tanı", "tr"))


def lang_from_stem(text: str) -> str:
    """Short texts defeat the stop-word guesser; the recognition word itself tells (a stem
    two languages share, like Polish and Czech 'uzna', names the first)."""
    low = text.casefold()
    for stem_, lang in STEM_LANG:
        if stem_ in low:
            return lang
    return "en"


def stem_lang(sentence: str, doc_lang: str | None) -> str | None:
    """The language a sentence's recognition word names: the document's when it has the
    document's word, one other language ('Colombia reconoció…' inside English prose), or None
    (no word, or several): then the common-word guess (sentence_lang) decides."""
    low = sentence.casefold()
    langs = {lang for stem_, lang in STEM_LANG if stem_ in low}
    if "recogn" in low or "acknowledg" in low:
        langs.add("en")
    if doc_lang in langs or (doc_lang in ("sr", "bg", "uk") and langs == {"ru"}):
        return doc_lang  # the document's own word ('призна' is Serbian and Bulgarian too)
    return langs.pop() if len(langs) == 1 else None
