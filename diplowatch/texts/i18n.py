"""The bot's own languages: gettext catalogues (data/locale/LANG/LC_MESSAGES/diplowatch.po),
read at run time with Babel, and the language of the chat being answered.

The language is the one a chat chose with /language, else the user's Telegram language_code
(ru-RU → ru, de-AT → de), else English. dispatch sets it for the answer (a context variable, so answers
running at the same time do not mix); the pipeline sets it for each rendering of an alert.

The texts modules mark what people read with the usual gettext names, which Babel's extractor
(``make messages``) and tests/test_texts_i18n.py find in the source:

- ``_("...")`` translates now, into the current language;
- ``ngettext("{n} act", "{n} acts", n)`` picks the plural form (Russian and Ukrainian have
  three: 1, 21 · 2–4, 22 · 5–20, 25; Spanish and German two, as English; French two, with 0
  and 1 singular), then ``.format(n=...)``;
- ``pgettext("button", "by name")`` when the same English needs another word elsewhere;
- ``N_("...")`` marks a constant that is translated where it is answered (dispatch
  translates a reply or error that is one message of the catalogue).
"""

from __future__ import annotations

import contextvars
import gettext as _gettext
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ..models import N_, UserError

DEFAULT = "en"
LANGUAGES = {"en": "English", "ru": "Русский", "uk": "Українська", "es": "Español", "fr": "Français",
             "de": "Deutsch"}
DOMAIN = "diplowatch"

_current: contextvars.ContextVar[str] = contextvars.ContextVar("language", default=DEFAULT)


def pick(chosen: str | None, language_code: str | None) -> str:
    """The chat's choice if it is shipped, else Telegram's language_code ('uk', 'ru-RU', 'es-419'
    → its base language), else en."""
    for code in (chosen, (language_code or "").replace("_", "-").split("-")[0].lower()):
        if code in LANGUAGES:
            return code
    return DEFAULT


@contextmanager
def speaking(language: str) -> Iterator[None]:
    token = _current.set(language if language in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _current.reset(token)


def current() -> str:
    return _current.get()


def po_path(language: str):
    return resources.files("diplowatch").joinpath(
        f"data/locale/{language}/LC_MESSAGES/{DOMAIN}.po")


@cache
def translations(language: str) -> _gettext.NullTranslations:
    """One shipped language's catalogue, compiled in memory (fuzzy entries left out);
    English, the source language, answers every message as it is."""
    if language not in LANGUAGES or language == DEFAULT:
        return _gettext.NullTranslations()
    with po_path(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


def in_each_language(render: Callable[[], str]) -> tuple[str, dict[str, str]]:
    """``render()`` in English, and in each other shipped language where it reads otherwise:
    an alert is rendered once per language, not once per chat."""
    with speaking(DEFAULT):
        english = render()
    others = {}
    for language in LANGUAGES:
        if language != DEFAULT:
            with speaking(language):
                others[language] = render()
    return english, {lang: text for lang, text in others.items() if text != english}


def gettext(message: str, language: str | None = None) -> str:
    """``message`` in ``language`` (default: the answer's), or as it is."""
    return translations(language or current()).gettext(message)


def _(message: str) -> str:
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translations(current()).pgettext(context, message)


def error_text(exc: UserError) -> str:
    """A UserError in the language being answered: its template translated, then filled."""
    fields = getattr(exc, "fields", None)
    if not fields:
        return gettext(str(exc))
    return gettext(exc.template).format(**fields)


__all__ = ["DEFAULT", "LANGUAGES", "N_", "_", "current", "error_text", "gettext", "in_each_language", "ngettext",
           "pgettext", "pick", "speaking", "translations"]
