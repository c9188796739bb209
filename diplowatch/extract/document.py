"""One text under analysis: its sentences, analysed when first asked for, and the state its
triggers share (the last targets and act, for carry-over and 'did so'; acts a denial names)."""

from __future__ import annotations

from .coordination import groups
from .gazetteer import Mention
from .lexicon import Lexicon, get_lexicon
from .normalize import sentence_lang
from .sentence import Sentence, build_sentence
from .stems import stem_lang
from .tokens import split_sentences


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
            lang = stem_lang(span, self.lang) or sentence_lang(span, self.lang)
            lex = self.lex if lang == self.lang else get_lexicon(lang or "en")
            sent = build_sentence(i, self.text, start, end, lang, lex, first=i == 0)
            self._sentences[i] = sent
        return sent

    def groups(self, sent: Sentence) -> dict[int, list[Mention]]:
        g = self._groups.get(sent.index)
        if g is None:
            g = self._groups[sent.index] = groups(sent)
        return g
