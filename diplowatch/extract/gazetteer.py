"""Finds mentions of states, entities, capitals, leaders and bodies in a token list.

The data file (diplowatch/data/gazetteer/gazetteer.json, built by build_gazetteer.py) maps
space-joined folded token keys to (kind, codes, case). Keys are loaded into a token trie; each
text token offers several keys (surface, pymorphy3 lemmas for ru/uk, a light stem for inflected
languages) and the longest match wins.

``lookup_typed`` serves the other direction: a whole name a user typed on its own ("dpr",
"north korea", "Абхазию") → its (kind, code) pairs, from the same data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import trie_file
from .morph import analyse, morph_lang
from .names_am import clitic_keys
from .names_ec import name_keys
from .normalize import clean_text, stem
from .tokens import Token, tokenize
from .trie_file import END as _END

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "gazetteer.json"
TYPED_FILE = DATA_FILE.with_name("typed.json")  # names only lookup_typed reads (build_gazetteer)
TRIE_FILE = DATA_FILE.with_name("gazetteer.trie")  # the keys' trie, ready to load (trie_file)
STEM_LANGS = {"ru", "uk", "pl", "sr", "de", None}
MAX_KEY_TOKENS = 16  # Chinese names are one token per character (北塞浦路斯土耳其共和国)
MAX_TYPED_CHARS = 200
_ARTICLES = frozenset({"the", "la", "le", "el", "die", "der"})


@dataclass(slots=True)
class Mention:
    start: int  # token index
    end: int  # exclusive
    kind: str  # state | entity | territory | capital | adj | person | org
    codes: tuple[str, ...]
    text: str


@lru_cache(maxsize=1)
def _load_data() -> dict:
    return json.loads(DATA_FILE.read_text("utf-8"))


@lru_cache(maxsize=1)
def load_trie() -> dict:
    """The keys' token trie: the saved one if it was made from this gazetteer.json, else built."""
    saved = trie_file.load(TRIE_FILE, DATA_FILE.read_bytes())
    return saved if saved is not None else trie_file.build(_load_data()["keys"])


def token_keys(tok: Token, lang: str | None) -> tuple[str, ...]:
    return _keys(tok.f, tok.text, lang)


@lru_cache(maxsize=1 << 16)  # the words of a language repeat: each one's keys are worked out once
def _keys(f: str, text: str, lang: str | None) -> tuple[str, ...]:
    keys = [f]
    mlang = morph_lang(lang)
    if mlang and f[:1].isalpha() and not f.isascii():
        keys.extend(analyse(text.lower(), mlang)[0])
    if lang in STEM_LANGS and len(f) > 4:
        keys.append(stem(f))
    keys.extend(name_keys(f, lang))  # case endings of bg cs el hu ro nl sq ka hy names
    keys.extend(clitic_keys(f, lang))  # ar he ko tr prefixes, particles, suffixes
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
        for node in nxt:  # keys run from the most literal (as written) to the least
            entry = node.get(_END)
            if entry and _case_ok(entry[2], tokens[i:j]) and (entry[3] or not need_lower):
                best = (j, entry)
                break
        frontier = nxt
    return best


def _case_ok(case: str | None, toks: list[Token]) -> bool:
    if case is None:
        return True
    surface = "".join(t.text for t in toks)
    if "'" in surface and "'" not in case:
        surface = surface.split("'", 1)[0]  # Turkish suffix after the name: "KKTC'yi"
    return surface == case.replace(" ", "") or (surface.isupper() and len(surface) > 3)


# --- names typed on their own ------------------------------------------------------------------


@lru_cache(maxsize=1)
def typed_index() -> dict[str, tuple[str, tuple[str, ...], str | None]]:
    """Folded key → (kind, codes, case form or None) of every name lookup_typed knows: the
    gazetteer's keys and typed.json's names, each also as typed_key would read it."""
    index = {key: (kind, tuple(codes), case)
             for key, (kind, codes, case, _lower) in _load_data()["keys"].items()}
    for key, (kind, codes) in json.loads(TYPED_FILE.read_text("utf-8")).items():
        index.setdefault(key, (kind, tuple(codes), None))
    for key, entry in list(index.items()):
        # pycountry writes "Об’єднані": typed text gets a plain apostrophe, inside the word
        words = [w for w in key.replace(" ’ ", "'").split(" ") if _is_word(w)]
        for form in (words, words[1:] if len(words) > 1 and words[0] in _ARTICLES else words):
            if form:
                index.setdefault(" ".join(form), entry)
    return index


def lookup_typed(name: str) -> list[tuple[str, str]]:
    """(kind, code) pairs of the gazetteer name that ``name`` is, as a whole; [] if none.

    For what people type in commands, not running text: case never matters ("dpr" finds the
    abbreviation DPR, "usa" finds USA), punctuation and a leading article are ignored ("the
    Gambia", "Kosovo?"), "Korea, Republic of" reads as "Republic of Korea", inflected forms are
    found as find_mentions finds them ("Абхазию", "Südossetien"), and names the extractor
    leaves alone in running text are known too (typed.json: "Чад", "Puerto Rico").
    "ЛДНР" gives two pairs: the caller decides what several codes mean.
    """
    index = typed_index()
    variants = _typed_variants(name)
    for tokens in variants:
        entry = index.get(" ".join(t.f for t in tokens))
        if entry is not None:
            return [(entry[0], code) for code in entry[1]]
    cyrillic = any("а" <= ch <= "я" or ch in "іїєґ" for ch in name.lower())
    for tokens in variants:
        for lang in ("ru", "uk") if cyrillic else (None,):
            hit = _longest(load_trie(), tokens, [token_keys(t, lang) for t in tokens], 0, True)
            if hit is not None and hit[0] == len(tokens):
                return [(hit[1][0], code) for code in hit[1][1]]
    return []


def typed_key(name: str) -> str:
    """``name`` as one key: folded words, punctuation and a leading article dropped."""
    words = [t for t in tokenize(clean_text(name[:MAX_TYPED_CHARS])) if _is_word(t.f)]
    return " ".join(t.f for t in _drop_article(words))


def _typed_variants(name: str) -> list[list[Token]]:
    """Token lists to try, most literal first: as typed ("U.S."), turned around a comma as the
    gazetteer indexes pycountry's "Moldova, Republic of", words only, without an article."""
    text = clean_text(name[:MAX_TYPED_CHARS])
    texts = [text]
    if ", " in text:
        head, tail = text.split(", ", 1)
        texts.append(f"{tail} {head}")
    out = []
    for tokens in map(tokenize, texts):
        words = [t for t in tokens if _is_word(t.f)]
        out += [tokens, words, _drop_article(words)]
    unique = {" ".join(t.f for t in v): v for v in out if v}
    return list(unique.values())


def _is_word(folded: str) -> bool:
    return folded[:1].isalnum() or folded == "'s"


def _drop_article(words: list[Token]) -> list[Token]:
    return words[1:] if len(words) > 1 and words[0].f in _ARTICLES else words
