"""Per-sentence analysis shared by the rules: tokens, mentions, cue tags, clauses, grammar."""

from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import Mention, find_mentions
from .lexicon import Lexicon, tag_tokens
from .morph import analyse, morph_lang
from .tokens import Token, tokenize

MAX_TOKENS = 1200  # per sentence (sentences are cut at 1000 characters)
_CLAUSE_PUNCT = {";", ":", "?", "!", "；", "：", "？", "！", "؛", "؟"}
_DASHES = {"—", "–", "--", "-"}


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: list[Token]
    mentions: list[Mention]
    tags: list[set[str]]
    clause: list[int]  # clause id per token
    mention_at: dict[int, Mention] = field(default_factory=dict)  # any covered token → mention
    mention_end: dict[int, Mention] = field(default_factory=dict)  # last token → mention
    lang: str | None = None

    def quoted(self) -> bool:
        """It opens with a quotation mark: someone's own words."""
        return self.text.lstrip()[:1] in {'"', "«", "“", "„"}

    def has(self, i: int, name: str) -> bool:
        return 0 <= i < len(self.tokens) and name in self.tags[i]

    def grams(self, i: int) -> frozenset[str]:
        mlang = morph_lang(self.lang)
        tok = self.tokens[i]
        if not mlang or tok.f.isascii():
            return frozenset()
        return analyse(tok.text.lower(), mlang)[1]

    def clause_range(self, i: int) -> tuple[int, int]:
        cid = self.clause[i]
        lo = i
        while lo > 0 and self.clause[lo - 1] == cid:
            lo -= 1
        hi = i
        while hi + 1 < len(self.tokens) and self.clause[hi + 1] == cid:
            hi += 1
        return lo, hi + 1


def build_sentence(index: int, text: str, start: int, end: int, lang: str | None,
                   lex: Lexicon, *, first: bool = False) -> Sentence:
    tokens = tokenize(text[start:end], start)[:MAX_TOKENS]
    mentions = find_mentions(tokens, lang)
    if first:
        mentions = _drop_dateline(tokens, mentions)
    tags = tag_tokens([t.f for t in tokens], lex)
    sent = Sentence(index, start, end, text[start:end], tokens, mentions, tags,
                    _clauses(tokens, tags, mentions, lang), lang=lang)
    for m in mentions:
        for k in range(m.start, m.end):
            sent.mention_at[k] = m
        sent.mention_end[m.end - 1] = m
    return sent


# Albanian 'së' (the genitive article: 'e pavarësisë së Kosovës') folds to 'se' (that).
_NOT_CLAUSE = {"sq": {"së", "Së"}}
# Georgian contrastive 'კი' after the first words of a clause: ', ცხინვალმა კი … ცნო' (and
# Tskhinvali recognized …) opens a new clause at the comma.
_CONTRAST = {"ka": frozenset({"კი"})}
_CONTRAST_REACH = 3


def _clauses(tokens: list[Token], tags: list[set[str]], mentions: list[Mention],
             lang: str | None = None) -> list[int]:
    inside = {k for m in mentions for k in range(m.start + 1, m.end)}
    keep = _NOT_CLAUSE.get(lang or "", set())
    contrast = _CONTRAST.get(lang or "")
    cid, out = 0, []
    for i, tok in enumerate(tokens):
        # 'а также', 'a także' open a list member, not a clause ('а' alone does); the
        # lexicon's ``nobreak`` phrases are adverbs ('пока признала', so far recognized)
        starts = (({"breaks", "comp"} & tags[i]) and i not in inside and not _mid_phrase(tags, i)
                  and tok.text not in keep and not _demonstrative(tokens, tags, i)
                  and not {"conj^", "nobreak^"} & tags[i]) \
                 or (contrast and _contrast(tokens, i, contrast))
        if starts and i > 0:
            cid += 1
        out.append(cid)
        if tok.text in _CLAUSE_PUNCT:
            cid += 1
    return out


def _contrast(tokens: list[Token], i: int, words: frozenset[str]) -> bool:
    if i == 0 or tokens[i - 1].text != ",":
        return False
    return any(t.text in words for t in tokens[i + 1: i + 1 + _CONTRAST_REACH])


def _demonstrative(tokens: list[Token], tags: list[set[str]], i: int) -> bool:
    """'withdrew that recognition': 'that' determines the noun, it opens no clause."""
    return (tokens[i].f == "that" and 0 < i < len(tokens) - 1 and "withdraw" in tags[i - 1]
            and "noun" in tags[i + 1])


def _mid_phrase(tags: list[set[str]], i: int) -> bool:
    """Inside a multi-word cue such as 'as well as', 'done so' (not its first word)."""
    return any(t + "^" in tags[j] for j in range(max(0, i - 3), i) for t in tags[i])


def _drop_dateline(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """'MOSCOW, Sept. 10 —' or 'TAIPEI, Taiwan — (AP) —': place names there are not actors."""
    if not tokens or not (tokens[0].text.isupper() and len(tokens[0].text) >= 3):
        return mentions
    dash = next((i for i, t in enumerate(tokens[:12]) if t.text in _DASHES), None)
    if dash is None:
        return mentions
    last = max(i for i, t in enumerate(tokens[:16]) if t.text in _DASHES)
    return [m for m in mentions if m.start > last]
