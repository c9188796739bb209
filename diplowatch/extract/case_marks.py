"""Names that their case or particle marks as owners or objects, not as the subject: Chinese
的, Korean particles, the Georgian genitive, the Romanian genitive-dative. Used by
roles.group_status."""

from __future__ import annotations

from .gazetteer import Mention, load_trie
from .sentence import Sentence


def chinese_owner(sent: Sentence, end: int) -> bool:
    """A name before 的 owns the noun after it; only a government noun (外交部) or the act
    itself (的承认) keeps it as the one who acts."""
    return (end + 1 < len(sent.tokens) and sent.tokens[end].text == "的"
            and not sent.has(end + 1, "gov") and not sent.has(end + 1, "trigger"))


# Korean marks its subject with a particle on the name or on the government noun after it
# ('러시아는', '러시아가', '몰타도', '러시아 외무부는'); genitive 의 makes the owner of a
# nominal act ('러시아의 승인').
_KO_SUBJECT = ("은", "는", "이", "가", "께서", "도", "의", "측은", "측이")
_KO_ETC = ("등", "등의")  # '영국, 캐나다 등 150여 개국이': the list ends in 'etc.' and a noun


def korean_subject(sent: Sentence, m: Mention) -> bool:
    last = sent.tokens[m.end - 1].text
    if last.endswith(("와의", "과의")) and last[:-1] not in load_trie():
        return False  # '나우루와의 관계' (the ties with Nauru), but '니카라과의' is a genitive
    if last.endswith(_KO_SUBJECT):
        return True
    if m.end < len(sent.tokens) and sent.tokens[m.end].text in _KO_ETC:
        return True
    for j in range(m.end, min(len(sent.tokens), m.end + 2)):
        if not sent.has(j, "gov"):
            return False
        if sent.tokens[j].text.endswith(_KO_SUBJECT):
            return True
    return False


# Georgian puts the subject in the ergative (-მა/-მ) or the nominative; a name in the
# genitive (-ის, -ისა before და) owns the noun after it ('აფხაზეთის დამოუკიდებლობა') or is
# governed by a postposition ('რუსეთის მიერ', by Russia), unless that noun is a government
# noun standing for the state ('რუსეთის პრეზიდენტმა').
_KA_GENITIVE = ("ის", "ისა")


def georgian_genitive(sent: Sentence, m: Mention) -> bool:
    if not sent.tokens[m.end - 1].text.endswith(_KA_GENITIVE):
        return False
    nxt = m.end
    return not (nxt < len(sent.tokens) and sent.has(nxt, "gov")
                and not sent.tokens[nxt].text.endswith(_KA_GENITIVE))


# Romanian names take the genitive-dative on their head word (Serbiei, Kosovoului, Republicii,
# Nicaraguăi, Statelor Unite); a government noun before it owns it ('Guvernul României').
_RO_OBLIQUE = ("ei", "ului", "ii", "ai", "lor")


def romanian_oblique(sent: Sentence, m: Mention) -> bool:
    first = sent.tokens[m.start]
    if not first.f.endswith(_RO_OBLIQUE) or first.f in load_trie():
        return False
    return not (m.start > 0 and sent.has(m.start - 1, "gov"))
