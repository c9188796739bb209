"""Build diplowatch/data/dates/months.json from Babel's CLDR data.

Run after changing LOCALES:  python -m diplowatch.sources.build_months  (needs `pip install babel`,
a development dependency: at run time the parsers read the small JSON file, not Babel's
20 MB of locale data.)

The file maps each casefolded month name and abbreviation (format and stand-alone forms, so
both "ноября" and "ноябрь") to its month number; a name two locales give different months
would be left out (none does for these locales).
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "dates" / "months.json"
# The languages the extractor reads (extract/lexicon), Serbian in both scripts.
LOCALES = ("en", "ru", "uk", "sr", "sr_Latn", "pl", "de", "fr", "es", "it", "pt")


def month_names() -> dict[str, dict[str, int]]:
    """{"names": {name: month}, "abbreviations": {abbr: month}} for LOCALES."""
    from babel import Locale

    found: dict[str, dict[str, set[int]]] = {"names": {}, "abbreviations": {}}
    for code in LOCALES:
        months = Locale.parse(code).months
        for context in ("format", "stand-alone"):
            for width, kind in (("wide", "names"), ("abbreviated", "abbreviations")):
                for number, name in months[context][width].items():
                    key = name.casefold().rstrip(".")
                    found[kind].setdefault(key, set()).add(number)
    return {
        kind: {k: next(iter(v)) for k, v in sorted(names.items()) if len(v) == 1}
        for kind, names in found.items()
    }


def main() -> None:
    OUT.write_text(json.dumps(month_names(), ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
