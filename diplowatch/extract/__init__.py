"""Recognition-event extraction: ``extract(text, lang=None) -> list[Event]``."""

from .extractor import extract

__all__ = ["extract"]
