"""Cue-word lexicons per language, compiled for fast token tagging.

A lexicon field lists words ('not'), prefixes ('recogni*') and phrases ('call on',
'vie* pas'); ``tag_tokens`` marks each token with the fields it belongs to. The entries are
assembled in tables.py and compiled in compiled.py.
"""

from .compiled import Lexicon, get_lexicon, tag_tokens
from .tables import FIELDS, HEDGES, RAW

__all__ = ["FIELDS", "HEDGES", "RAW", "Lexicon", "get_lexicon", "tag_tokens"]
