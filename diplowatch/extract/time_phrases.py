"""English time adverbials ('in 2008', 'on 17 February', 'weeks later', 'a year earlier'):
what may follow a gapped remnant (gapping.py) or a trailing background actor (roles.py)
without opening a clause of its own."""

from __future__ import annotations

from .sentence import Sentence

_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                   "sunday"})
_RELATIVE = frozenset({"later", "earlier", "afterwards", "after", "before", "ago"})
_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})
_FILLERS = frozenset({"in", "on", "at", "of", "a", "an", "the", "early", "late", "mid", "next",
                      "same", "two", "three", "four", "five", "six", "shortly", "soon", "just", "only",
                      "few", "several", "some", "that", "this", "last"})
_TIME_REACH = 6
_ENDS = frozenset({",", ";", ".", ")", ":", "—", "–"})


def time_phrase(sent: Sentence, k: int) -> int:
    """The index after a time adverbial starting at k ('in 2008', 'on 17 February', 'weeks
    later', 'a year earlier', 'the next day'), or k when none starts there."""
    if sent.lang not in (None, "en"):
        return k
    end, dated, n = k, False, len(sent.tokens)
    for j in range(k, min(n, k + _TIME_REACH)):
        tok = sent.tokens[j]
        word = tok.f
        if tok.text.isdigit() or word in _MONTHS or word in _DAYS or word in _RELATIVE:
            dated = True
        elif word in _UNITS:
            dated = dated or j > k
        elif not (word in _FILLERS and tok.text.islower()):
            break
        end = j + 1
    # a phrase that ends before its date ('in the') or on a filler is no time adverbial
    while end > k and sent.tokens[end - 1].f in _FILLERS and not sent.tokens[end - 1].text.isdigit():
        end -= 1
    return end if dated and end > k else k


def remnant_end(sent: Sentence, k: int) -> bool:
    """Nothing but punctuation, the end, or another remnant's 'and' after a time phrase."""
    return k >= len(sent.tokens) or sent.tokens[k].text in _ENDS or sent.has(k, "conj")


def dated_before(sent: Sentence, k: int) -> bool:
    """A time phrase ends right before token k ('in 2017 and…', 'weeks later and…')."""
    if k < 1 or sent.lang not in (None, "en"):
        return False
    word = sent.tokens[k - 1]
    return word.text.isdigit() or word.f in _MONTHS or word.f in _DAYS or word.f in _RELATIVE
