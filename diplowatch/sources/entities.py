"""A feed's internal DTD subset: character entities are read, anything that could expand is not.

Feeds written by hand or by old CMSs declare ``<!ENTITY nbsp "&#160;">`` so that ``&nbsp;``
is valid XML. Such an entity stands for one or a few characters and cannot refer to anything.
It is substituted here, in one linear pass, and the internal subset is dropped before feedparser
sees the document. Entities referring to entities (billion laughs), long literal values
(quadratic blow-up), external and parameter entities, and any other declaration are refused.
"""

from __future__ import annotations

import re

from diplowatch.models import SourceError

REFUSED = "feed declares XML entities (refused)"
MAX_CHAR_REFS = 4  # per entity: "&#13;&#10;" and the like
_CHAR_REF = rb"&#(?:[0-9]{1,7}|x[0-9a-fA-F]{1,6});"
_NAME = rb"[A-Za-z_:][\w.:-]*"
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+(" + _NAME + rb")([^\[>]*)\[(.*?)\]\s*>", re.S | re.I)
_COMMENT = re.compile(rb"<!--.*?-->", re.S)
_CHAR_ENTITY = re.compile(
    rb"<!ENTITY\s+(" + _NAME + rb")\s+(?:\"((?:" + _CHAR_REF + rb")+)\"|'((?:" + _CHAR_REF
    + rb")+)')\s*>"
)
_ANY_ENTITY = re.compile(rb"<!ENTITY\s+(%\s*)?(" + _NAME + rb")?\s*([^>]*)>", re.I | re.S)
_PREDEFINED = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})


def with_character_entities(data: bytes, prolog: bytes) -> bytes:
    """``data`` with its internal subset's character entities substituted and the subset gone.

    ``prolog`` is everything before the root element. Raises SourceError naming what could
    expand when the subset declares anything else.
    """
    if not _ENTITY_DECL.search(prolog):
        return data
    doctypes = list(_DOCTYPE.finditer(prolog))
    if len(doctypes) != 1 or len(_ENTITY_DECL.findall(prolog)) != _count_in(doctypes[0][3]):
        raise SourceError(f"{REFUSED}: entity declarations outside one internal DTD subset")
    doctype = doctypes[0]
    entities = _character_entities(doctype[3])
    head = prolog[: doctype.start()] + b"<!DOCTYPE " + doctype[1] + doctype[2].rstrip() + b">"
    body = data[len(prolog) :]
    return head + prolog[doctype.end() :] + _substitute(body, entities)


def _count_in(subset: bytes) -> int:
    return len(_ENTITY_DECL.findall(subset))


def _character_entities(subset: bytes) -> dict[bytes, bytes]:
    entities: dict[bytes, bytes] = {}
    rest = _COMMENT.sub(b"", subset)
    for match in _CHAR_ENTITY.finditer(rest):
        value = match[2] or match[3]
        if len(re.findall(_CHAR_REF, value)) > MAX_CHAR_REFS:
            raise SourceError(f"{REFUSED}: entity '{_text(match[1])}' is too long")
        if match[1] not in _PREDEFINED:
            entities[match[1]] = value
    leftover = _CHAR_ENTITY.sub(b"", rest)
    if leftover.strip():
        raise SourceError(f"{REFUSED}: {_why(leftover)}")
    return entities


def _why(leftover: bytes) -> str:
    """What, in the subset's declarations that are not character entities, could expand:
    the most dangerous kind found."""
    reasons = [_kind(declaration) for declaration in _ANY_ENTITY.finditer(leftover)]
    if not reasons:
        return "the DTD holds declarations other than character entities"
    return min(reasons)[1]


def _kind(declaration: re.Match[bytes]) -> tuple[int, str]:
    name, definition = _text(declaration[2] or b"?"), declaration[3]
    if declaration[1]:
        return 0, f"parameter entity '{name}'"
    if re.match(rb"\s*(?:SYSTEM|PUBLIC)\b", definition):
        return 1, f"external entity '{name}'"
    if re.search(rb"[&%]" + _NAME + rb";", definition):
        return 2, f"entity '{name}' refers to other entities"
    return 3, f"entity '{name}' is text, not a character reference"


def _substitute(body: bytes, entities: dict[bytes, bytes]) -> bytes:
    if not entities:
        return body
    names = b"|".join(re.escape(name) for name in sorted(entities, key=len, reverse=True))
    reference = re.compile(rb"&(" + names + rb");")
    # one pass; a value is at most 4 references of 10 bytes, so the result is bounded anyway
    expanded = reference.sub(lambda m: entities[m[1]], body)
    if len(expanded) > 2 * len(body):
        raise SourceError(f"{REFUSED}: its entities would more than double the feed")
    return expanded


def _text(name: bytes) -> str:
    return name.decode("ascii", "replace")[:60]
