"""The bot's own languages: gettext catalogues (data/locale/LANG/LC_MESSAGES/diplowatch.po),
read at run time with Babel, and the language of the chat being answered.

The language is the one a chat chose with /language, else the user's Telegram language_code
(ru-RU → ru), else English. dispatch sets it for the answer (a context variable, so answers
running at the same time do not mix) and translates what it answers: a whole reply that is a
message of the catalogue, and the templates it formats itself. What the catalogues do not hold
yet stays English (docs/operations.md says which replies are translated).
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources

from babel.messages.pofile import read_po

DEFAULT = "en"
LANGUAGES = {"en": "English", "ru": "Русский", "uk": "Українська"}
DOMAIN = "diplowatch"

# The messages the catalogues translate, by their names in texts (the .po files' msgids are
# their English text). tests/test_texts_i18n.py fails when a catalogue misses one.
TRANSLATED = (
    "START", "INTERNAL_ERROR", "STORAGE_FULL", "STORAGE_READONLY", "TOO_LONG", "STALE_BUTTON",
    "UNKNOWN_COMMAND", "ADMIN_ONLY", "SLOW_DOWN", "BUSY", "GROUP_ADMINS_ONLY",
    "ADMIN_CHECK_FAILED", "HELP_UNKNOWN", "SEARCH_USAGE", "RECOGNIZED_USAGE", "RECOGNIZES_USAGE",
    "TIMELINE_USAGE", "SUBSCRIBE_CHOOSE", "SUBSCRIBE_STATE_USAGE", "SUBSCRIBE_SOURCE_USAGE",
    "SUBSCRIBE_KEYWORD_USAGE", "LANGUAGE_NOW", "LANGUAGE_SET", "LANGUAGE_UNKNOWN",
)

_current: contextvars.ContextVar[str] = contextvars.ContextVar("language", default=DEFAULT)


def pick(chosen: str | None, language_code: str | None) -> str:
    """The chat's choice if it is shipped, else Telegram's language_code ('uk', 'ru-RU'), else en."""
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


@cache
def catalogue(language: str) -> dict[str, str]:
    """msgid → msgstr of one shipped language (empty for English, the source language);
    fuzzy, untranslated and plural entries left out."""
    if language == DEFAULT:
        return {}
    path = resources.files("diplowatch").joinpath(f"data/locale/{language}/LC_MESSAGES/{DOMAIN}.po")
    with path.open("rb") as po:
        parsed = read_po(po, locale=language)
    return {m.id: m.string for m in parsed
            if isinstance(m.id, str) and isinstance(m.string, str) and m.id and m.string
            and not m.fuzzy}


def gettext(message: str, language: str | None = None) -> str:
    """``message`` in ``language`` (default: the answer's), or as it is."""
    return catalogue(language or current()).get(message, message)
