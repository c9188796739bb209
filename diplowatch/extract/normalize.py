"""Text cleaning and token folding shared by the gazetteer builder and the extractor.

Everything here is pure and cheap: the extractor runs it on every statement.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Zero-width, bidi controls, soft hyphen, BOM, word joiner: invisible characters that split
# words ("recog\u200bnizes") or reorder text; they never carry meaning for us.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
# Arabic short vowels, shadda and the elongation stroke, Hebrew points: optional marks that
# would split a word in two ('صرّح'); words are matched without them.
_POINTS = re.compile("[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a"
                     "\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_TAG = re.compile(r"<[^<>]{0,2000}>")
_SCRIPT_OPEN = re.compile(r"<(script|style)\b", re.I)
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header|"
    r"footer|hr|dd|dt)\b[^<>]{0,500}>", re.I)
_FOOTNOTE = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed)\]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})


def clean_text(text: str) -> str:
    """Unescape HTML, drop tags and invisible characters, normalise Unicode and spaces."""
    if "<" in text and ">" in text:
        text = _strip_scripts(text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _TAG.sub("", text)  # inline tags (<b>, <a>) may sit inside a word
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    if _POINTS.search(text):
        text = _POINTS.sub("", text)
    text = text.translate(_APOSTROPHES)
    if "[" in text:
        text = _FOOTNOTE.sub("", text)
    return _SPACES.sub(" ", text)


def _strip_scripts(text: str) -> str:
    """Drop <script>/<style> bodies in one left-to-right pass (no regex backtracking)."""
    out, pos = [], 0
    lower = None
    while (m := _SCRIPT_OPEN.search(text, pos)) is not None:
        lower = lower if lower is not None else text.lower()
        out.append(text[pos:m.start()])
        close = lower.find(f"</{m.group(1).lower()}", m.end())
        if close < 0:
            return "".join(out)
        end = lower.find(">", close)
        pos = len(text) if end < 0 else end + 1
    out.append(text[pos:])
    return "".join(out)


HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han characters (tokens.py, lexicon)
HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7af]")


def fold(word: str) -> str:
    """Case- and accent-insensitive key: 'Palästina' → 'palastina', 'Ёлка' → 'елка'."""
    word = word.casefold()
    if word.isascii() or HANGUL_SYLLABLE.match(word):
        return word  # Korean has no accents; decomposing it would split its syllables
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_VOWELS = set("aeiouyаеиоуыэюяіїєj")
_ENDINGS = ("ami", "ach", "ego", "emu", "iej", "ych", "ich", "ama", "ima", "om", "em", "ow", "ej",
            "ym", "im", "es", "en", "ом", "ем", "ой", "ою", "ей", "ам", "ям", "ах", "ях", "ов",
            "ами", "ями", "ама", "има", "ию", "ии", "ія", "ії", "ію", "ой", "ый", "ий", "ая", "яя",
            "ую", "s", "n", "м", "й", "ю",
            # Bulgarian definite articles ('българското', 'руският'), Czech 'českého'
            "ото", "ата", "ите", "ият", "ът", "ят", "eho", "ymi", "imi")
_ENDINGS_LONGEST_FIRST = tuple(sorted(_ENDINGS, key=len, reverse=True))
_MIN_STEM = 4


def stem(word: str) -> str:
    """Light suffix stripper for inflected names (pl, sr, de, ru/uk fallback).

    Strips one consonantal case ending, then trailing vowels, never below four letters:
    'kosowem' → 'kosow', 'srbije' → 'srbij', 'палестину' → 'палестин'. Only ever compared with
    stems of gazetteer names, so over-stemming costs recall of one name, not false matches
    (ambiguous stems are dropped when the gazetteer is built).
    """
    if len(word) <= _MIN_STEM:
        return word
    for end in _ENDINGS_LONGEST_FIRST:
        if word.endswith(end) and len(word) - len(end) >= _MIN_STEM:
            word = word[: -len(end)]
            break
    while len(word) > _MIN_STEM and word[-1] in _VOWELS:
        word = word[:-1]
    return word


_CYR = re.compile(r"[\u0400-\u04ff]")
_UK_ONLY = re.compile(r"[іїєґ]", re.I)
_SR_ONLY = re.compile(r"[ђјљњћџ]", re.I)
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_GEORGIAN = re.compile(r"[\u10a0-\u10ff]")
_ARMENIAN = re.compile(r"[\u0530-\u058f]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_HEBREW = re.compile(r"[\u0590-\u05ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(f"[{HAN}]")
_KANA = re.compile(r"[\u3040-\u30ff]")  # Japanese writes Han characters too: not Chinese
_RU_ONLY = re.compile(r"[ыэё]", re.I)
_TR_LETTERS = re.compile(r"[ığ]")
# Bulgarian has no ы э ё, writes ъ inside words, and suffixes its definite article.
_BG_SIGNS = re.compile(r"\wъ\w|\w(?:ът|ята|ите|ността)\b|\b(?:са|заяви|българ\w*)\b", re.I)


def _bulgarian(sample: str) -> bool:
    return not _RU_ONLY.search(sample) and len(_BG_SIGNS.findall(sample)) >= 2
_LATIN_HINTS = {
    "en": {"the", "and", "of", "has", "recognized", "recognised", "said", "with", "is"},
    "es": {"el", "los", "las", "del", "y", "que", "ha", "por", "su", "reconoce"},
    "fr": {"le", "les", "des", "et", "du", "est", "une", "a", "reconnaît", "au"},
    "de": {"der", "die", "das", "und", "ist", "hat", "nicht", "den", "von", "mit"},
    "pt": {"o", "os", "da", "do", "e", "não", "em", "uma", "ao", "que"},
    "it": {"il", "della", "di", "che", "non", "è", "gli", "una", "dell", "del"},
    "pl": {"i", "się", "w", "na", "nie", "że", "jest", "przez", "oraz", "z"},
    "sr": {"je", "i", "da", "se", "na", "u", "su", "nije", "od", "će"},
    "cs": {"a", "se", "že", "je", "ve", "jsou", "který", "která", "pro", "není", "také"},
    "hu": {"a", "az", "és", "hogy", "nem", "is", "egy", "meg", "szerint", "el"},
    "ro": {"și", "în", "de", "la", "nu", "cu", "pe", "că", "din", "este"},
    "nl": {"de", "het", "een", "en", "van", "is", "niet", "dat", "heeft", "op"},
    "sq": {"e", "të", "në", "dhe", "për", "një", "që", "me", "nga", "nuk"},
    "tr": {"ve", "bir", "bu", "ile", "için", "da", "de", "olarak", "olan", "değil", "ettiğini"},
}
# More frequent words of each language, beyond its hints: a word that is common in the
# document's language is no evidence that a sentence is in another one ('en', 'de' are Dutch
# hints and the commonest Spanish prepositions).
_ALSO_COMMON = {
    "en": {"a", "in", "to", "on", "by", "for", "it", "as", "at", "an", "that", "not", "from"},
    "es": {"de", "en", "la", "a", "con", "un", "una", "se", "no", "es", "para", "al", "lo",
           "como", "sus", "o", "e", "le"},
    "fr": {"de", "la", "en", "un", "à", "pour", "par", "sur", "dans", "ne", "pas", "se", "que",
           "qui", "il", "elle", "son", "sa", "ses", "ce", "avec", "l", "d", "n", "s", "qu"},
    "de": {"ein", "eine", "zu", "im", "in", "auf", "für", "dem", "des", "sich", "als", "an",
           "es", "er", "sie", "auch", "so"},
    "pt": {"de", "a", "com", "para", "por", "no", "na", "um", "se", "dos", "das", "as", "é",
           "nos", "nas", "pelo", "pela", "sua", "seu"},
    "it": {"la", "in", "a", "un", "per", "con", "si", "da", "le", "e", "i", "al", "alla",
           "ha", "lo", "nel", "nella", "sua", "suo"},
    "pl": {"do", "o", "to", "po", "a", "od", "za", "jak", "co", "ze", "ich", "jego"},
    "sr": {"za", "o", "a", "po", "sa", "iz", "kao", "koji", "koja", "ne", "do"},
    "cs": {"v", "na", "o", "i", "z", "s", "k", "do", "od", "po", "za", "to", "jako"},
    "hu": {"be", "ki", "le", "fel", "ez", "azt", "mint", "volt", "van", "csak"},
    "ro": {"a", "o", "un", "se", "al", "ale", "lui", "pentru", "sa", "sau", "ca", "mai"},
    "nl": {"in", "te", "met", "voor", "die", "zijn", "om", "aan", "ook", "als", "door", "bij"},
    "sq": {"i", "u", "se", "ka", "si", "pas", "do", "edhe", "ne", "ai", "ajo"},
    "tr": {"ise", "ki", "çok", "daha", "gibi", "kadar", "sonra", "önce", "her", "en"},
}
LANGS = ("en", "ru", "uk", "es", "fr", "de", "pt", "it", "pl", "sr",
         "bg", "cs", "el", "hu", "ro", "nl", "sq", "ka", "hy", "ar", "he", "zh", "ko", "tr")
# Scripts that name their language on their own (a few letters are enough: Han characters in
# a text with no kana are Chinese; Hangul is Korean).
_SCRIPT_LANGS = ((_GREEK, "el", 10), (_GEORGIAN, "ka", 10), (_ARMENIAN, "hy", 10),
                 (_ARABIC, "ar", 10), (_HEBREW, "he", 10), (_HANGUL, "ko", 4))
_WORD = re.compile(r"\w+")


def guess_lang(text: str, hint: str | None = None) -> str | None:
    """Language code from a hint or from letters and common words; None when unsure."""
    if hint:
        hint = hint.lower().split("-")[0].split("_")[0]
        if hint in LANGS:
            return hint
    sample = text[:4000]
    for script, lang, least in _SCRIPT_LANGS:
        if len(script.findall(sample)) > least:
            return lang
    if len(_HAN.findall(sample)) > 4 and not _KANA.search(sample):
        return "zh"
    if len(_CYR.findall(sample)) > 10:
        if _SR_ONLY.search(sample):
            return "sr"
        if _bulgarian(sample):
            return "bg"
        return "uk" if _UK_ONLY.search(sample) else "ru"
    words = [w.casefold() for w in _WORD.findall(sample)[:600]]
    scores = {lang: sum(w in hints for w in words) for lang, hints in _LATIN_HINTS.items()}
    scores["tr"] += sum(1 for w in words if _TR_LETTERS.search(w))  # ı ğ: Turkish only
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= 2 else None


def _script(text: str) -> str:
    for script, name in ((_CYR, "cyrl"), (_GREEK, "grek"), (_GEORGIAN, "geor"),
                         (_ARMENIAN, "armn"), (_ARABIC, "arab"), (_HEBREW, "hebr"),
                         (_HANGUL, "hang"), (_HAN, "hani")):
        if len(script.findall(text)) > len(text) // 4:
            return name
    return "other"


def sentence_lang(sentence: str, doc_lang: str | None) -> str | None:
    """The language of one sentence of a text in ``doc_lang``: a quotation in another language
    ('a Russian post quoting an English statement') is read with its own lexicon. Switch only
    on clear evidence: another script, or the other language's common words clearly ahead."""
    guess = guess_lang(sentence)
    if guess is None or guess == doc_lang:
        return doc_lang
    if _script(sentence) != _script_of_lang(doc_lang):
        return guess
    words = [w.casefold() for w in _WORD.findall(sentence)[:200]]
    own = _LATIN_HINTS.get(doc_lang or "", set()) | _ALSO_COMMON.get(doc_lang or "", set())
    ours = sum(w in own for w in words)
    theirs = sum(w in _LATIN_HINTS.get(guess, ()) and w not in own for w in words)
    clear = (theirs >= 3 and theirs >= 2 * ours + 1) or (theirs >= 2 and ours == 0)
    return guess if clear else doc_lang


def _script_of_lang(lang: str | None) -> str:
    return {"ru": "cyrl", "uk": "cyrl", "bg": "cyrl", "el": "grek", "ka": "geor",
            "hy": "armn", "ar": "arab", "he": "hebr", "ko": "hang", "zh": "hani"}.get(lang or "",
                                                                                 "other")
