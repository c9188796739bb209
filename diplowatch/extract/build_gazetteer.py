"""Build diplowatch/data/gazetteer/gazetteer.json (with typed.json, and gazetteer.trie: the same
keys as a trie ready to load) from pycountry and curated.json.

Run after editing curated.json:  python -m diplowatch.extract.build_gazetteer

Every name becomes one or more *keys* (space-joined folded tokens). Besides the surface key,
Cyrillic names get their pymorphy3 lemma key ("Южной Осетии" is found through "южный осетия")
and every name gets a light-stem key (pl/sr/de/ru/uk inflection). When a key points to different
codes, the more literal variant wins (surface > lemma > stem); a tie drops the key as ambiguous.

typed.json holds names the extractor must not look for in running text but that people type on
their own, read only by gazetteer.lookup_typed: stop-listed words ("Чад" is also "fumes") and
the ISO 3166-1 territories ("Puerto Rico", "Гренландия").
"""

from __future__ import annotations

import gettext
import json
import re
from pathlib import Path

from . import trie_file
from .normalize import HANGUL_SYLLABLE, clean_text, fold, stem
from .tokens import tokenize

DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
LOCALES = ("ru", "uk", "es", "fr", "de", "pt", "it", "pl", "sr", "sr@latin",
           "bg", "cs", "el", "hu", "ro", "nl", "sq", "ka", "hy",
           "ar", "he", "zh_CN", "zh_TW", "ko", "tr")
# ISO 3166-1 entries that are neither UN members nor observers (dependencies, territories) and
# the entities that diplowatch treats as recognition targets (EH, TW: curated instead).
NOT_STATES = set(
    ["AS", "AI", "AQ", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "EH", "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE", "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR", "PS", "RE", "SH", "SJ", "SX", "TC", "TF", "TK", "TW", "UM", "VG", "VI", "WF", "YT"]
)
PRIORITY = {"surface": 3, "lemma": 2, "stem": 1}
SECTIONS = (("states", "state"), ("entities", "entity"), ("territories", "territory"),
            ("capitals", "capital"), ("adjectives", "adj"), ("persons", "person"))
KIND_RANK = {"entity": 6, "territory": 5, "state": 4, "capital": 3, "person": 2, "adj": 1, "org": 0}
_CYR = re.compile(r"[\u0400-\u04ff]")


def _key(name: str) -> tuple[str, ...]:
    """The name's folded tokens, cleaned as texts are (’ → ', so "М’янма" is one word)."""
    return tuple(t.f for t in tokenize(clean_text(name)))


def pycountry_names(*, territories: bool = False) -> dict[str, set[str]]:
    """Names of the states in pycountry (with ``territories``: of the NOT_STATES entries)."""
    import pycountry

    names: dict[str, set[str]] = {}
    translators = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[loc])
                   for loc in LOCALES]
    for country in pycountry.countries:
        if (country.alpha_2 in NOT_STATES) != territories:
            continue
        given = [getattr(country, a, None) for a in ("name", "official_name", "common_name")]
        raw = {name for name in given if name is not None}
        found = names.setdefault(country.alpha_2, set())
        for text in raw:
            found.update(_variants(text))
            for tr in translators:
                found.update(_variants(tr.gettext(text)))
    return names


def _variants(name: str) -> set[str]:
    """'Moldova, Republic of' → {'Republic of Moldova', 'Moldova'}; Polish 'X - Y' → {'X'}.

    Some locales spell names in lower case ("república de..."): names are indexed as
    written, and the extractor requires a capital letter unless the curated form is lower case.
    """
    out = set()
    for sep in (", ", " - "):
        if sep in name:
            head, tail = name.split(sep, 1)
            out.add(head)
            if sep == ", ":
                out.add(f"{tail} {head}")
            return out
    out.add(name)
    return out


class _Lemmatizer:
    def __init__(self) -> None:
        import pymorphy3

        self.analyzers = [pymorphy3.MorphAnalyzer(lang="ru"), pymorphy3.MorphAnalyzer(lang="uk")]

    def keys(self, key: tuple[str, ...], name: str) -> set[tuple[str, ...]]:
        words = [t.text for t in tokenize(clean_text(name))]
        out = set()
        for morph in self.analyzers:
            lemmas = []
            for word in words:
                parse = morph.parse(word)[0]
                bad = {"NPRO", "PREP", "CONJ", "PRCL", "Apro"} & set(str(parse.tag).replace(" ", ",").split(","))
                lemmas.append(fold(word) if bad else fold(parse.normal_form))
            out.add(tuple(lemmas))
        return out - {key}


def load_curated() -> dict:
    """curated.json, with the names of each ``curated/*.json`` file (one per language group,
    same sections) appended, files in name order so that every build is the same."""
    curated = json.loads((DATA / "curated.json").read_text("utf-8"))
    for path in sorted((DATA / "curated").glob("*.json")):
        extra = json.loads(path.read_text("utf-8"))
        for section, entries in extra.items():
            if section.startswith("_"):
                continue
            if isinstance(entries, list):
                curated.setdefault(section, []).extend(entries)
            else:
                for code, names in entries.items():
                    curated.setdefault(section, {}).setdefault(code, []).extend(names)
    return curated


# Gender and number of Romance demonyms: the curated list gives one or two forms
# ('venezolano', 'vénézuélien'); 'las autoridades venezolanas', 'les autorités
# vénézuéliennes', 'le autorità venezuelane' need the others. Applied to every one-word
# Latin-script adjective: a form no language has is a key no text contains.
_ROMANCE_ENDINGS = (
    ("ien", ("ienne", "iens", "iennes")), ("ain", ("aine", "ains", "aines")),
    ("ais", ("aise", "aises")), ("ois", ("oise", "oises")), ("és", ("esa", "eses", "esas")),
    ("ês", ("esa", "eses", "esas")), ("ese", ("esi",)), ("o", ("a", "os", "as", "i", "e")),
    ("a", ("as", "e")),
)


def romance_forms(name: str) -> set[str]:
    if " " in name or "-" in name or not name.isalpha() or _CYR.search(name) or name.endswith(
            ("ski", "cki", "ský", "ská", "sko", "cko")):
        return set()
    for end, repl in _ROMANCE_ENDINGS:
        if name.endswith(end) and len(name) > len(end) + 3:
            return {name[: -len(end)] + r for r in repl}
    return set()


class _Table:
    """Keys → entries, filled one name at a time (_put decides who wins a shared key)."""

    def __init__(self, stop_names: list[str]) -> None:
        self.lemmatizer = _Lemmatizer()
        self.entries: dict[tuple[str, ...], dict] = {}
        self.stop = {fold(s) for s in stop_names}
        self.stop_keys = {_key(s) for s in stop_names}  # Chinese names are several tokens

    def _stopped(self, key: tuple[str, ...]) -> bool:
        return len(key) == 1 and key[0] in self.stop

    def add(self, name: str, kind: str, codes: list[str], *, case: bool = False,
            curated: bool = True) -> None:
        """The name's surface key and, unless ``case`` (kept as written), its lemma and stem keys."""
        if " " in name and HANGUL_SYLLABLE.search(name):
            self.add(name.replace(" ", ""), kind, codes, case=case, curated=curated)  # spaced or not
        key = _key(name)
        if not key or self._stopped(key) or key in self.stop_keys:
            return
        lower = not name[:1].isupper()
        _put(self.entries, key, kind, codes, "surface", name if case else None, bonus=int(curated),
             lower=lower)
        if case:
            return
        if _CYR.search(name):
            for lkey in self.lemmatizer.keys(key, name):
                if not self._stopped(lkey):
                    _put(self.entries, lkey, kind, codes, "lemma", None, lower=lower)
        skey = tuple(stem(w) for w in key)
        if skey != key and not self._stopped(skey):
            _put(self.entries, skey, kind, codes, "stem", None, lower=lower)


def build() -> dict:
    curated = load_curated()
    table = _Table(curated["stop"])
    for code, names in sorted(pycountry_names().items()):
        for name in sorted(names):  # a set: sorted, so that every build writes the same file
            table.add(name, "state", [code], curated=False)
    _add_curated(table, curated)
    return _finish(table.entries)


def _add_curated(table: _Table, curated: dict) -> None:
    """The curated sections (with the Romance forms of demonyms), abbreviations and orgs."""
    for section, kind in SECTIONS:
        for code, names in curated[section].items():
            for name in names:
                table.add(name, kind, code.split("+"))
                if kind == "adj":
                    for form in sorted(romance_forms(name) - set(names)):
                        table.add(form, kind, code.split("+"))
    for code, names in curated["abbreviations"].items():
        kind = "state" if len(code) == 2 and code not in ("TW", "EH", "XK", "PS") else "entity"
        for name in names:
            table.add(name, kind, code.split("+"), case=True)
    for name in curated["orgs"]:
        table.add(name, "org", ["ORG"], case=name.isupper() and len(name) <= 5)


def build_typed(keys: dict[str, list]) -> dict[str, list]:
    """typed.json: folded key → [kind, codes] of names ``keys`` (gazetteer.json's) leaves out:
    stop-listed words, names of several places at once ("Congo"), ISO territories."""
    curated = load_curated()
    stopped = {(fold(s),) for s in curated["stop"]}
    named = [("state", code, names) for code, names in pycountry_names().items()]
    named += [(kind, code, names) for section, kind in SECTIONS
              for code, names in curated[section].items()]
    found: dict[tuple[str, ...], dict] = {}
    for kind, code, names in named:
        for key in {_key(name) for name in names} - {()}:
            entry = found.setdefault(key, {"kind": kind, "codes": set()})
            entry["codes"].update(code.split("+"))
            entry["kind"] = max(kind, entry["kind"], key=KIND_RANK.__getitem__)
    table = {key: {"kind": v["kind"], "codes": sorted(v["codes"])} for key, v in found.items()
             if " ".join(key) not in keys and (len(v["codes"]) > 1 or key in stopped)}
    for code, names in sorted(pycountry_names(territories=True).items()):
        for key in sorted({_key(name) for name in names} - {()} - set(table)):
            if " ".join(key) not in keys:
                _put(table, key, "territory", [code], "surface", None)
    return {" ".join(key): [v["kind"], v["codes"]] for key, v in sorted(table.items())
            if not v.get("ambiguous")}


def _put(table: dict, key: tuple[str, ...], kind: str, codes: list[str], how: str,
         case: str | None, *, bonus: int = 0, lower: bool = False) -> None:
    prio = PRIORITY[how] * 10 + (bonus if how == "surface" else 0)
    if how == "surface" and kind in ("state", "entity", "territory"):
        prio += 5  # a real name beats an adjective/capital spelled the same (Ucraina, China)
    entry = table.get(key)
    value = {"kind": kind, "codes": sorted(codes), "prio": prio, "case": case,
             "lower": lower or kind == "adj"}
    if entry is not None and entry["codes"] == value["codes"]:
        if KIND_RANK[kind] > KIND_RANK[entry["kind"]] or prio > entry["prio"]:
            if prio > entry["prio"]:  # outranks whatever made it ambiguous
                entry.pop("ambiguous", None)
            entry["lower"] = entry["lower"] or value["lower"]
            entry.update(kind=max(kind, entry["kind"], key=KIND_RANK.__getitem__),
                         prio=max(prio, entry["prio"]), case=entry["case"] or case)
    elif entry is None or prio > entry["prio"]:
        table[key] = value
    elif prio == entry["prio"]:
        entry["ambiguous"] = True


def _finish(table: dict) -> dict:
    keys = {}
    for key, v in sorted(table.items()):
        if v.get("ambiguous"):
            continue
        keys[" ".join(key)] = [v["kind"], v["codes"], v["case"], v["lower"]]
    return {"version": 1, "keys": keys}


def main() -> None:
    data = build()
    _write(DATA / "gazetteer.json", data)
    print(f"wrote {DATA / 'gazetteer.json'} ({len(data['keys'])} keys)")
    source = (DATA / "gazetteer.json").read_bytes()
    (DATA / "gazetteer.trie").write_bytes(trie_file.dump(trie_file.build(data["keys"]), source))
    print(f"wrote {DATA / 'gazetteer.trie'} (the same keys as a trie, see trie_file.py)")
    typed = build_typed(data["keys"])
    _write(DATA / "typed.json", typed)
    print(f"wrote {DATA / 'typed.json'} ({len(typed)} names)")


def _write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                    "utf-8")


if __name__ == "__main__":
    main()
