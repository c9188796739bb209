"""Finds mentions of states, entities, capitals, leaders and bodies in a token list.

The data file (diplowatch/data/gazetteer/gazetteer.json, built by build_gazetteer.py) maps
space-joined folded token keys to (kind, codes, case). Keys are loaded into a token trie; each
text token offers several keys (surface, pymorphy3 lemmas for ru/uk, a light stem for inflected
languages) and the longest match wins.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .morph import analyse, morph_lang
from .normalize import stem
from .tokens import Token

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "gazetteer.json"
STEM_LANGS = {"ru", "uk", "pl", "sr", "de", None}
_END = "\0"
MAX_KEY_TOKENS = 8


@dataclass(slots=True)
class Mention:
    start: int  # token index
    end: int  # exclusive
    kind: str  # state | entity | territory | capital | adj | person | org
    codes: tuple[str, ...]
    text: str


@lru_cache(maxsize=1)
def load_trie() -> dict:
    data = json.loads(DATA_FILE.read_text("utf-8"))
    trie: dict = {}
    for key, (kind, codes, case, lower) in data["keys"].items():
        node = trie
        for part in key.split(" "):
            node = node.setdefault(part, {})
        node[_END] = (kind, tuple(codes), case, lower)
    return trie


def token_keys(tok: Token, lang: str | None) -> tuple[str, ...]:
    keys = [tok.f]
    mlang = morph_lang(lang)
    if mlang and tok.f[:1].isalpha() and not tok.f.isascii():
        keys.extend(analyse(tok.text.lower(), mlang)[0])
    if lang in STEM_LANGS and len(tok.f) > 4:
        keys.append(stem(tok.f))
    return tuple(dict.fromkeys(keys))


def find_mentions(tokens: list[Token], lang: str | None) -> list[Mention]:
    """Longest gazetteer matches, left to right. Names must start with a capital letter unless
    the curated form is lower case (adjectives, 'талибы') or the text has no case at all."""
    trie = load_trie()
    keys = [token_keys(t, lang) for t in tokens]
    letters = "".join(t.text for t in tokens[:60])
    caseless = letters.islower() or letters.isupper()
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        hit = _longest(trie, tokens, keys, i, caseless)
        if hit is None:
            i += 1
            continue
        end, (kind, codes, _case, _lower) = hit
        out.append(Mention(i, end, kind, codes, " ".join(t.text for t in tokens[i:end])))
        i = end
    return out


def _longest(trie: dict, tokens: list[Token], keys: list[tuple[str, ...]], i: int,
             caseless: bool):
    need_lower = not (caseless or tokens[i].text[:1].isupper())
    best = None
    frontier = [trie]
    j = i
    while frontier and j < len(tokens) and j - i < MAX_KEY_TOKENS:
        nxt = [node[k] for node in frontier for k in keys[j] if k in node]
        j += 1
        for node in nxt:
            entry = node.get(_END)
            if entry and _case_ok(entry[2], tokens[i:j]) and (entry[3] or not need_lower):
                best = (j, entry)
        frontier = nxt
    return best


def _case_ok(case: str | None, toks: list[Token]) -> bool:
    if case is None:
        return True
    surface = "".join(t.text for t in toks)
    return surface == case.replace(" ", "") or (surface.isupper() and len(surface) > 3)
