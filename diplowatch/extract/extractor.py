"""extract(text, lang) → [Event]: the pure entry point of the recognition extractor.

Pipeline: clean → cheap regex pre-filter (no recognition word → []) → sentence split →
per candidate sentence: tokens, gazetteer mentions, cue tags, clauses → one analysis per
trigger word (rules.py) → merge duplicates keeping the highest confidence.
"""

from __future__ import annotations

import re

from ..models import Event
from .calibration import calibrate, features
from .candidates import Found
from .coordination import groups
from .doc import Sentence, build_sentence
from .gazetteer import Mention
from .lexicon import Lexicon, get_lexicon
from .lexicon.asia_mideast import VERB_FINAL
from .normalize import clean_text, guess_lang, sentence_lang
from .roles import ACTOR_KINDS, TARGET_KINDS, Actors
from .rules import analyse, find_actors
from .scope import scope_of
from .tokens import split_sentences

# Stems of the recognition words; matched against lower-cased text, which is about 8 times
# faster than re.IGNORECASE on this alternation (most statements end here: no stem, no event).
PREFILTER = re.compile(
    r"recogn|acknowledg|призна|визна|reconoc|reconoz|reconna|reconnu|anerkenn|anerkann|aberkenn"
    r"|erkenn|erkann|reconhe|riconosc|riconobb|uzna|prizna|taiw|тайван|tajw|tajv|тајван|taip|тайб|тайп"
    r"|erken|recuno|αναγνω|αναγνώ|ismer|njoh|njeh|njih|აღიარ|ცნო|ճանաչ|tchaj|taïw|taïp|ταϊβ|ταιβ|ტაივან|թայվան"
    r"|عترف|اعتر|تايوان|تايبيه|כיר|הכר|הוכר|טייוואן|טאיוואן|承认|承認|台湾|台灣|臺灣"
    r"|断交|斷交|승인|인정|대만|타이완|단교|tanı|tani|tayvan"
)
MAX_TEXT = 2_000_000  # characters; beyond that the tail is ignored
MAX_TRIGGERS = 400  # per text: bounds work on adversarial input
MIN_CONFIDENCE = 0.45
ANAPHORA_REACH = 2  # sentences after an act in which 'did so' can still repeat it
EVIDENCE_CHARS = 300


class Doc:
    """Lazily analysed sentences of one text, plus state shared across triggers."""

    def __init__(self, text: str, lang: str | None, lex: Lexicon) -> None:
        self.text, self.lang, self.lex = text, lang, lex
        self.spans = split_sentences(text)
        self.count = len(self.spans)
        self._sentences: dict[int, Sentence] = {}
        self._groups: dict[int, dict[int, list[Mention]]] = {}
        self.last_targets: list[Mention] = []
        self.last_sentence = -9
        self.last_act = "recognize"  # the act an anaphoric 'did so' repeats
        self.denied: set[tuple[str, str, str]] = set()  # acts a denial frame names

    def sentence(self, i: int) -> Sentence:
        sent = self._sentences.get(i)
        if sent is None:
            start, end = self.spans[i]
            span = self.text[start:end]
            lang = _stem_lang(span, self.lang) or sentence_lang(span, self.lang)
            lex = self.lex if lang == self.lang else get_lexicon(lang or "en")
            sent = build_sentence(i, self.text, start, end, lang, lex, first=i == 0)
            self._sentences[i] = sent
        return sent

    def groups(self, sent: Sentence) -> dict[int, list[Mention]]:
        g = self._groups.get(sent.index)
        if g is None:
            g = self._groups[sent.index] = groups(sent)
        return g


# Languages read since 3 Dec 2026, on few labelled statements: their confidence is capped
# below the default alert threshold (DIPLOWATCH_ALERT_CONFIDENCE, 0.8), so an event that only
# the media report waits for a second source or an admin's review (docs/alerts.md). Lift a
# language from this set when its held-out precision reaches the others' (docs/extraction.md).
PROVISIONAL = frozenset({"ar", "he", "zh", "ko", "tr"})
PROVISIONAL_CAP = 0.75


def extract(text: str, lang: str | None = None) -> list[Event]:
    """Recognition events stated in text, with calibrated confidence (calibration.py)."""
    return [Event(f.actor, f.target, f.act, _evidence(doc, f), _confidence(doc, f, x))
            for doc, f, x in extract_candidates(text, lang)]


def _confidence(doc: Doc, f: Found, inputs: dict[str, float]) -> float:
    conf = calibrate(inputs)
    if doc.sentence(f.sentence).lang in PROVISIONAL:
        conf = min(conf, PROVISIONAL_CAP)
    return round(conf, 3)


def extract_candidates(text: str, lang: str | None = None) -> list[tuple[Doc, Found, dict]]:
    """The events the rules keep, each with the calibration model's inputs."""
    if not text or not isinstance(text, str):
        return []
    text = clean_text(text[:MAX_TEXT])
    if not _cued(text):
        return []
    lang = guess_lang(text, lang) or _lang_from_stem(text)
    doc = Doc(text, lang, get_lexicon(lang))
    found: list[Found] = []
    budget = MAX_TRIGGERS
    follows = 0  # the two sentences after a trigger may say "… took the same decision"
    for i, (start, end) in enumerate(doc.spans):
        if budget <= 0:
            break
        hit = _cued(text[start:end])
        if not (hit or follows):
            continue
        follows = ANAPHORA_REACH if hit else follows - 1
        if _question(text[start:end], lang):
            continue
        sent = doc.sentence(i)
        for t in _triggers(sent):
            budget -= 1
            found.extend(_analyse_one(doc, sent, t))
    return _merge(doc, found)


def _question(sentence: str, lang: str | None) -> bool:
    """'Does Belarus recognize Abkhazia?', '¿Reconoce…?': a question asserts nothing.
    Greek writes its question mark as ';' (U+037E, which NFC turns into ';')."""
    stripped = sentence.strip().rstrip("\"'»”)]")
    marks = ("?", "？", "؟", ";") if lang == "el" else ("?", "？", "؟")
    return (stripped.endswith(marks) or sentence.lstrip().startswith("¿")
            or _QUESTION_WORD.match(sentence.lstrip()) is not None)


# Yes/no questions opened by a particle, often written without a question mark in headlines.
_QUESTION_WORD = re.compile(r"(?:هل|وهل|האם)\s")


def _cued(text: str) -> bool:
    return PREFILTER.search(text.lower()) is not None


_STEM_LANG = (("reconoc", "es"), ("reconoz", "es"), ("reconna", "fr"), ("reconnu", "fr"),
              ("anerkenn", "de"), ("anerkann", "de"), ("erkenn", "de"), ("reconhe", "pt"),
              ("riconosc", "it"), ("riconobb", "it"), ("uzna", "pl"), ("uzna", "cs"), ("prizna", "sr"),
              ("визна", "uk"), ("призна", "ru"), ("erken", "nl"), ("recuno", "ro"),
              ("αναγνω", "el"), ("αναγνώ", "el"), ("ismer", "hu"), ("njoh", "sq"), ("njeh", "sq"),
              ("njih", "sq"),
              ("აღიარ", "ka"), ("ცნო", "ka"), ("ճանաչ", "hy"), ("اعتر", "ar"), ("عترف", "ar"),
              ("הכיר", "he"), ("מכיר", "he"), ("הכרה", "he"), ("הכרת", "he"), ("承认", "zh"),
              ("承認", "zh"), ("승인", "ko"), ("인정", "ko"), ("tanı", "tr"))


def _lang_from_stem(text: str) -> str:
    """Short texts defeat the stop-word guesser; the recognition word itself tells (a stem
    two languages share, like Polish and Czech 'uzna', names the first)."""
    low = text.casefold()
    for stem_, lang in _STEM_LANG:
        if stem_ in low:
            return lang
    return "en"


def _stem_lang(sentence: str, doc_lang: str | None) -> str | None:
    """The language a sentence's recognition word names: the document's when it has the
    document's word, one other language ('Colombia reconoció…' inside English prose), or None
    (no word, or several): then the common-word guess (sentence_lang) decides."""
    low = sentence.casefold()
    langs = {lang for stem_, lang in _STEM_LANG if stem_ in low}
    if "recogn" in low or "acknowledg" in low:
        langs.add("en")
    if doc_lang in langs or (doc_lang in ("sr", "bg", "uk") and langs == {"ru"}):
        return doc_lang  # the document's own word ('призна' is Serbian and Bulgarian too)
    return langs.pop() if len(langs) == 1 else None


def _triggers(sent: Sentence) -> list[int]:
    out = []
    for k in range(len(sent.tokens)):
        if sent.lang == "zh" and not (sent.has(k, "trigger^") or sent.has(k, "sever^")
                                      or sent.has(k, "anaphor_act^")):
            continue  # a Chinese cue is a phrase of characters: its first one is the trigger
        if sent.has(k, "trigger") and not sent.has(k, "trigger_not") or sent.has(k, "anaphor_act^") or (sent.has(k, "sever") and _taiwan_ties(sent, k)):
            out.append(k)
    return out


_PARTNER_BEFORE = VERB_FINAL | {"zh"}  # 'X与台湾断交': the partner before the verb


def _taiwan_ties(sent: Sentence, k: int) -> bool:
    """A break with Taiwan: a severing word with Taiwan and a ties word in its clause ('cut
    diplomatic ties with Taipei'), or with Taiwan as its object, right after it or after a
    preposition ('broke with Taipei', 'cortó con Taiwán', 'a lâché Taïwan')."""
    lo, hi = sent.clause_range(k)
    taiwan = [m.start for m in sent.mentions if "TW" in m.codes and lo <= m.start < hi]
    if taiwan and (any(sent.has(j, "ties") for j in range(lo, hi))
                   or any(k < start <= k + 3 for start in taiwan)):
        return True
    if sent.lang in _PARTNER_BEFORE and any(k - 5 <= start < k for start in taiwan):
        return True  # '与台湾断交', '대만과 단교했다': the partner stands before the verb
    # 'la ruptura de las relaciones que sostenía con Taiwán': the ties noun right after the
    # severing word, Taiwan in the relative clause that describes them
    ties = next((j for j in range(k + 1, min(hi, k + 5)) if sent.has(j, "ties")), None)
    return ties is not None and any(
        "TW" in m.codes and ties < m.start <= ties + 8 for m in sent.mentions)


def _analyse_one(doc: Doc, sent: Sentence, t: int) -> list[Found]:
    if sent.has(t, "trigger"):
        found = analyse(doc, sent, t)
        return found + _mutual(doc, sent, t)
    if sent.has(t, "sever"):
        taiwan = [m for m in sent.mentions if "TW" in m.codes][:1]
        found = [f for f in _special(doc, sent, t, taiwan, "withdraw") if f.actor != "CN"]
        return found + _for_beijing(sent, found)
    if doc.last_sentence < sent.index - ANAPHORA_REACH:
        return []  # 'did so' far from any act repeats nothing
    return _special(doc, sent, t, doc.last_targets, doc.last_act)


def _special(doc: Doc, sent: Sentence, t: int, targets: list[Mention], act: str) -> list[Found]:
    """Severed ties with Taiwan (withdraw TW) and 'X have done so' (repeat the last act)."""
    lo, hi = sent.clause_range(t)
    scope = scope_of(sent, t, lo, hi)
    if scope.call or scope.modal or scope.neg or not targets:
        return []
    actors: Actors = find_actors(doc, sent, t, hi)
    mentions = actors.mentions or actors.entity_group or following_actors(doc, sent, t)
    return [Found(a, tc, act, 0.7, sent.index, t) for m in mentions for a in m.codes
            for tgt in targets for tc in tgt.codes if a != tc]


def following_actors(doc: Doc, sent: Sentence, t: int) -> list[Mention]:
    """'had already taken this step: Sweden and Malta', 'это сделали Никарагуа и Венесуэла':
    the subject after the pro-verb (a list after a colon, or an inverted subject)."""
    k = t
    while k < len(sent.tokens) and (sent.has(k, "anaphor_act") or sent.tokens[k].text in ":—–-"):
        k += 1
    for j in range(k, min(len(sent.tokens), k + 4)):
        m = sent.mention_at.get(j)
        if m is not None:
            group = doc.groups(sent)[m.start]
            return [g for g in group if g.kind in ACTOR_KINDS]
    return []


def _for_beijing(sent: Sentence, found: list[Found]) -> list[Found]:
    """Breaking with Taipei where the sentence names Beijing ('in favour of Beijing',
    'and established ties with the PRC') is the switch: its other half is recognize CN."""
    if not any("CN" in m.codes for m in sent.mentions):
        return []
    return [Found(f.actor, "CN", "recognize", f.confidence - 0.05, f.sentence, f.trigger)
            for f in found if f.actor != "CN"]


_DUAL = frozenset({"two", "both", "оба", "обе", "две", "два", "обидві", "обидва", "дві", "dos",
                   "ambos", "ambas", "deux", "beide", "entrambi", "entrambe", "dois",
                   "duas", "obie", "oba", "dwie", "dwa", "obe", "dve", "dva"})


# Languages whose clauses run long (Arabic chains clauses with و, Chinese with commas): the
# word 'mutual' must stand by the trigger it qualifies.
_MUTUAL_NEAR = frozenset({"ar", "he", "zh", "ko", "tr"})


def _mutual(doc: Doc, sent: Sentence, t: int) -> list[Found]:
    lo, hi = sent.clause_range(t)
    if not any(sent.has(k, "mutual") for k in range(lo, hi)):
        return []
    if sent.lang in _MUTUAL_NEAR and not any(sent.has(k, "mutual")
                                            for k in range(max(lo, t - 3), min(hi, t + 4))):
        return []  # 'اعتراف دمشق بكوسوفو … مسألة الاعتراف المتبادل': another trigger's word
    scope = scope_of(sent, t, lo, hi)
    if scope.call or scope.modal or scope.neg:
        return []
    parties = [m for m in sent.mentions if lo <= m.start < hi
               and (m.kind in TARGET_KINDS or m.kind in ("state", "capital"))]
    codes = list(dict.fromkeys(c for m in parties for c in m.codes))
    if len(codes) < 2 and any(sent.tokens[k].f in _DUAL for k in range(lo, t)):
        # 'the two republics recognized each other': the pair the text spoke of last
        codes = list(dict.fromkeys(c for m in doc.last_targets for c in m.codes))[:2]
    return [Found(a, b, "recognize", 0.8, sent.index, t) for a in codes for b in codes if a != b]


def _merge(doc: Doc, found: list[Found]) -> list[tuple[Doc, Found, dict]]:
    best: dict[tuple[str, str, str], Found] = {}
    for f in found:
        key = (f.actor, f.target, f.act)
        if key in doc.denied:
            continue  # a claim the same text denies is not asserted
        if f.confidence >= MIN_CONFIDENCE and (key not in best or f.confidence > best[key].confidence):
            best[key] = f
    return [(doc, f, _inputs(doc, f, len(best))) for f in best.values()]


def _inputs(doc: Doc, f: Found, n: int) -> dict[str, float]:
    sent = doc.sentence(f.sentence)
    return features(score=min(0.99, f.confidence), act=f.act, lang=sent.lang, actor=f.actor,
                    target=f.target, sentence=f.sentence, events_in_text=n,
                    noun=sent.has(f.trigger, "noun"), quoted=_quoted_sentence(sent.text))


def _quoted_sentence(text: str) -> bool:
    return text.lstrip()[:1] in {'"', "«", "“", "„"}


def _evidence(doc: Doc, f: Found) -> str:
    sent = doc.sentence(f.sentence)
    text = " ".join(sent.text.split())
    if len(text) <= EVIDENCE_CHARS:
        return text
    center = sent.tokens[f.trigger].start - sent.start
    lo = max(0, center - EVIDENCE_CHARS // 2)
    return "…" + text[lo: lo + EVIDENCE_CHARS].strip() + "…"
