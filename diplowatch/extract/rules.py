"""From one trigger word to events: scope (scope.py), other readings (other_senses.py),
actor, targets and act.

Confidence: 0.92 for an explicit finite verb with actor and entity in one clause, minus
penalties for what makes a reading less certain (noun or non-finite trigger, pronoun or
cross-sentence actor, carried-over target, background "after X" actor, long distance).
"""

from __future__ import annotations

from .agents import INVERTED, free_order_actors, inverted_actors, passive_agents, possessor
from .assertion import (
    caused,
    denied,
    entity_subject,
    government_speaks,
    names,
    nominative_entity,
    not_yet,
    owned_noun,
    plain_negation,
    pledged,
    territorial_after,
    third_party_speaker,
    unlicensed_infinitive,
    unlicensed_undoing,
)
from .candidates import Found, pairs
from .ergative import ergative_subject
from .gapping import dash_gapped_actors, gapped_actors, undone_later
from .gazetteer import Mention
from .lists import in_member_parenthesis, listed_actors, ranked_head, undone_in_parenthesis
from .other_senses import (
    content_clause,
    generic_noun,
    has_object_noun,
    other_sense_right_after,
    other_sense_right_before,
    topic_noun,
)
from .pro_verbs_en import dual_targets, pronoun_object
from .roles import FREE_ORDER, TARGET_KINDS, Actors, trailing_background
from .romance_syntax import co_actors_after, non_entity_object, romance_actors
from .said_this import said_this
from .scope import Scope, scope_of
from .sentence import Sentence
from .subject_en import described_in_relative, negated_generic, relative_head
from .subject_scan import Scan
from .taiwan import switch_halves, switched_to, taipei_halves
from .targets import carried_targets, clause_targets, state_object

# Tokens after the verb in which a generic subject or agent ('by more than 100 states,
# including…', 'priznale mnoge države, uključujući…') is looked for.
GENERIC_AFTER = 6


def _generic_subject(sent: Sentence, actors: Actors, t: int, hi: int) -> tuple[int | None, Actors]:
    """Where a generic subject ('many states') stands, and the actors left once it is known."""
    generic_at = actors.generic_at
    if generic_at is None:  # 'priznale mnoge države, uključujući…': a subject after the verb
        generic_at = next((k for k in range(t + 1, min(hi, t + GENERIC_AFTER)) if sent.has(k, "generic")),
                          None)
        if generic_at is not None and _from_other_clause(sent, actors, t):
            actors = Actors()  # 'Кремль признаёт, что Абхазию признали лишь пять стран'
    if generic_at is None and not actors.mentions:
        generic_at = ranked_head(sent, t)  # 'The latest to recognize X were A and B'
    return generic_at, actors


def find_actors(doc, sent: Sentence, t: int, hi: int) -> Actors:
    owner = possessor(doc, sent, t)
    if owner:
        return Actors(mentions=owner, how="possessor")
    agents = passive_agents(doc, sent, t, hi)
    if agents:
        return Actors(mentions=agents, how="passive")
    if caused(sent, t):
        return Actors()  # 'cut ties because of the recognition': the subject reacts
    head = relative_head(doc, sent, t)
    if head:
        return Actors(mentions=head)  # 'ties with Syria, which recognised Abkhazia'
    romance = romance_actors(doc, sent, t, hi)
    if romance is not None:
        return romance
    actors = Scan(doc, sent, t).run()
    ergative = ergative_subject(doc, sent, t)
    if ergative:  # Georgian: the ergative is the subject wherever it stands
        return Actors(mentions=ergative, background=actors.background)
    if _reacting(sent, actors, t):
        return Actors()  # 'Vučić thanked him for the decision to withdraw…': the thanker
    generic_at, actors = _generic_subject(sent, actors, t, hi)
    if not actors.mentions and generic_at is not None:
        listed = listed_actors(sent, t, generic_at)
        if listed:
            return Actors(mentions=listed, how="list", background=actors.background)
    if not actors.mentions and sent.lang in INVERTED:
        post = inverted_actors(doc, sent, t, hi)
        if post.mentions:
            post.background, post.entity_group = actors.background, actors.entity_group
            return post
    if not actors.mentions and sent.lang in FREE_ORDER:
        post = free_order_actors(doc, sent, t)
        post.background = actors.background
        post.entity_group = [m for m in actors.entity_group if nominative_entity(sent, m)]
        return post
    return actors


def _from_other_clause(sent: Sentence, actors: Actors, t: int) -> bool:
    """The subject was found before the clause of a verb whose own subject follows it (free
    and inverted word order): the clause has its subject, the generic after the verb."""
    return (sent.lang in FREE_ORDER or sent.lang in INVERTED) and bool(actors.mentions) and all(
        sent.mention_at.get(m.start) is m and sent.clause[m.start] != sent.clause[t]
        for m in actors.mentions)


def _codes(mentions: list[Mention]) -> set[str]:
    return {c for m in mentions for c in m.codes}


def _reacting(sent: Sentence, actors: Actors, t: int) -> bool:
    """A verb of thanks or welcome between the subject found and the trigger."""
    last = actors.mentions[-1] if actors.mentions else None
    if last is None or sent.mention_at.get(last.start) is not last:
        return False
    return any(sent.has(k, "reacts") for k in range(last.end, t))


def analyse(doc, sent: Sentence, t: int) -> list[Found]:
    lo, hi = sent.clause_range(t)
    scope = scope_of(sent, t, lo, hi)
    if in_member_parenthesis(sent, t):
        return []  # 'Palau (recognition withdrawn in 2019)': read with its list member
    if (other_sense_right_after(sent, t, hi) or other_sense_right_before(sent, t, lo)
            or content_clause(sent, t, hi) or topic_noun(sent, t) or non_entity_object(sent, t, hi)):
        return []
    actors = find_actors(doc, sent, t, hi)
    if generic_noun(sent, t, actors):
        return []
    targets = [m for m in clause_targets(sent, t, lo, hi, actors.mentions)
               if not territorial_after(sent, m)]
    targets = _entity_actor(sent, t, hi, actors, targets)
    beijing = None if targets else switched_to(sent, t, hi)
    targets, carried = _targets(doc, sent, t, targets, beijing, lo, hi)
    if scope.call or scope.hedge or (scope.modal and not scope.neg):
        return []
    if (unlicensed_infinitive(sent, t) or unlicensed_undoing(sent, t, lo)
            or (not_yet(sent, t) and not scope.neg)):
        return []
    act = _act(doc, sent, t, scope, actors)
    if beijing is not None and act == "withdraw":
        act = "recognize"  # 'switched': the verb of the switch is no withdrawal of Beijing
    if act is None and denied(sent):
        act = "recognize"  # 'denied that it had not …' is still no act: only recorded below
    if act is None:
        return []
    found = _found(doc, sent, t, act, actors, targets, _confidence(scope, actors, carried))
    if denied(sent):
        doc.denied.update((f.actor, f.target, f.act) for f in found)
        return []
    if found:
        doc.last_act = act if act != "reject" else doc.last_act
    if beijing is not None and act == "recognize":
        found += taipei_halves(found)
    return switch_halves(doc, sent, found, act, lo, hi)


def _entity_actor(sent: Sentence, t: int, hi: int, actors: Actors,
                  targets: list[Mention]) -> list[Mention]:
    """An entity in subject position acts ('Abkhazia recognized…'), but none recognizes
    itself; with a pronoun object ('South Ossetia had recognised them') its targets are
    looked for elsewhere. Returns the targets left."""
    own = pronoun_object(sent, t, hi, targets, actors.entity_group)
    if (not actors.mentions and entity_subject(sent, t, actors.entity_group)
            and (own or not _codes(targets) <= _codes(actors.entity_group))):
        actors.mentions, actors.how = actors.entity_group, "entity"
        return [] if own else targets
    return targets


def _targets(doc, sent: Sentence, t: int, targets: list[Mention], beijing: Mention | None,
             lo: int, hi: int) -> tuple[list[Mention], bool]:
    """The targets of the act, and whether they were carried over from an earlier trigger;
    remembered on ``doc`` for the triggers after it."""
    carried = False
    if beijing is not None:
        targets = [beijing]  # 'moved its recognition to Beijing': the whole switch
    if not targets:
        obj = state_object(sent, t, hi)
        if obj is not None:
            targets = [obj]
        elif not has_object_noun(sent, t, hi):
            targets = dual_targets(doc, sent, t, hi) or _carry(doc, sent, lo)
            carried = bool(targets)
    if targets:
        doc.last_targets, doc.last_sentence = targets, sent.index
    return targets, carried


def _found(doc, sent: Sentence, t: int, act: str, actors: Actors, targets: list[Mention],
           conf: float) -> list[Found]:
    """The actors' events, and (but for a reject) their background actors' at a lower score."""
    found = pairs(actors.mentions, targets, act, conf, sent, t)
    if act != "reject":
        background = actors.background + trailing_background(doc, sent, t)
        found += pairs(background, targets, act, conf - 0.15, sent, t)
        found += pairs(co_actors_after(doc, sent, t), targets, act, conf - 0.05, sent, t)
        if found:  # 'A recognized X in 2008; B in 2011': the same act for the remnants
            gapped = gapped_actors(doc, sent, t, passive=actors.how == "passive")
            found += pairs(gapped, targets, act, conf - 0.1, sent, t)
            found += _undone(sent, t, act, actors.mentions + gapped, background, targets, conf)
        found += pairs(dash_gapped_actors(doc, sent, t), targets, act, conf - 0.1, sent, t)
    return found


def _undone(sent: Sentence, t: int, act: str, members: list[Mention], background: list[Mention],
            targets: list[Mention], conf: float) -> list[Found]:
    """Recognitions later undone: '… but have since withdrawn' (by the subjects, not by the
    background actors), 'Togo (revoked 2019)' (by the member in whose parenthesis it stands)."""
    if act != "recognize":
        return []
    undone = members if undone_later(sent, t) else [
        m for m in members + background if undone_in_parenthesis(sent, m)]
    return pairs(undone, targets, "withdraw", conf - 0.1, sent, t)


def _carry(doc, sent: Sentence, lo: int) -> list[Mention]:
    """The previous trigger's targets if it was close, else the nearest entity group."""
    carried = [m for m in carried_targets(doc, sent, lo) if m.kind in TARGET_KINDS]
    if not carried and doc.last_targets and doc.last_sentence >= sent.index - 1:
        return doc.last_targets
    return carried


def _act(doc, sent: Sentence, t: int, scope: Scope, actors: Actors) -> str | None:
    if scope.neg and owned_noun(sent, t, actors):
        return "withdraw" if scope.withdraw else "recognize"
    if scope.neg:
        if scope.withdraw or scope.pending or not actors.mentions:
            return None
        codes = {c for m in actors.mentions for c in m.codes}
        if actors.how != "first_person" and third_party_speaker(sent, t, codes):
            return None  # another state's words about the actor: a description
        if described_in_relative(sent, t, actors.mentions) or negated_generic(sent, t):
            return None  # 'Spain, which does not recognise Kosovo, …': the journalist's aside
        spoken = actors.how == "first_person" or sent.quoted() or _has_speech(sent, codes) or any(
            _has_speech(doc.sentence(i)) and names(doc.sentence(i), codes)
            for i in (sent.index - 1, sent.index + 1) if 0 <= i < doc.count) or said_this(doc, sent, codes)
        stated = ((government_speaks(sent, actors) and plain_negation(sent, t))
                  or pledged(sent, t, actors))
        return "reject" if spoken or stated else None
    return "withdraw" if scope.withdraw else "recognize"


def _has_speech(sent: Sentence, codes: set[str] | None = None) -> bool:
    """A verb of saying; 'declared independence' is no saying ('Kosovo declared independence
    in 2008. Serbia, Russia and China do not recognize it.' is the journalist's). With the
    actor's ``codes``: not a verb whose subject is another state ('Serbia says Kenya has not
    recognized Kosovo' is Serbia's report, not Kenya's refusal)."""
    return any(sent.has(k, "speech") and not sent.has(k + 1, "indep") and not _of_independence(sent, k)
               and not (codes and _other_speaker(sent, k, codes)) for k in range(len(sent.tokens)))


def _of_independence(sent: Sentence, k: int) -> bool:
    """English 'declaration of independence': a document, no saying."""
    return (sent.lang in (None, "en") and k + 2 < len(sent.tokens) and sent.tokens[k + 1].f == "of"
            and sent.has(k + 2, "indep"))


def _other_speaker(sent: Sentence, k: int, codes: set[str]) -> bool:
    """English: the nearest state named before the verb of saying at k is not the actor."""
    if sent.lang not in (None, "en"):
        return False
    before = [m for m in sent.mentions if m.end <= k and m.kind in ("state", "capital", "adj",
                                                                     "person")]
    return bool(before) and not set(before[-1].codes) & codes and not any(
        set(m.codes) & codes for m in sent.mentions if m.end <= k)


def _confidence(scope: Scope, actors: Actors, carried: bool) -> float:
    conf = 0.92
    if scope.noun:
        conf -= 0.07
    if actors.how in ("pronoun", "first_person"):
        conf -= 0.08
    if actors.distance > 10:
        conf -= 0.1
    if carried:
        conf -= 0.25
    if scope.neg:
        conf -= 0.04
    return conf

