"""/review, its buttons and /retract: administrators decide on held reports (review.py).

Button data: ``rv:<event id>:<op>:<value>:<stamp>``; op c confirm, n not a recognition,
a wrong act, w wrong actor (without a value: offer the values), s next card. Refusals of a
button are the answer to the press (answerCallbackQuery text), not a new message.
"""

from __future__ import annotations

import html
import logging

from .. import review, texts
from ..models import UserError
from ..names.resolve import resolve_actor
from ..texts.i18n import N_, error_text, gettext
from .core import Deps, Reply, Request, callback, command, is_admin, parse_number

log = logging.getLogger(__name__)


@command("review", N_("held reports waiting for a decision, one card at a time"), usage="/review",
         admin=True, details=texts.REVIEW_USAGE)
async def review_command(deps: Deps, request: Request) -> Reply:
    if not request.args:
        return _card(deps, review.next_card(deps.db))
    event_id = parse_number(request.args[0])
    what = request.args[1].lower() if len(request.args) > 2 else ""
    if event_id is None or what not in ("act", "actor"):
        raise UserError(texts.REVIEW_USAGE)
    value = " ".join(request.args[2:])
    value = value.lower() if what == "act" else resolve_actor(value)
    decision = "wrong-act" if what == "act" else "wrong-actor"
    outcome = review.decide(deps.db, event_id, decision, seen=None, value=value,
                            admin_id=request.user_id, now=deps.clock())
    return _after(deps, outcome)


@command("retract", N_("take back an act (corrections go to every chat that got its alert)"),
         usage=N_("/retract EVENT_ID [reason]"), admin=True, details=texts.RETRACT_USAGE)
async def retract_command(deps: Deps, request: Request) -> Reply:
    event_id = parse_number(request.args[0]) if request.args else None
    if event_id is None:
        raise UserError(texts.RETRACT_USAGE)
    outcome = review.retract_event(deps.db, event_id, reason=" ".join(request.args[1:]),
                                   admin_id=request.user_id, now=deps.clock())
    log.info("retracted by admin event=%s user=%s corrections=%d", event_id, request.user_id,
             outcome.alerts)
    return Reply(texts.review_outcome(outcome))


@callback("rv")
async def review_button(deps: Deps, request: Request) -> Reply:
    if not is_admin(deps, request):
        log.warning("review button refused user=%s chat=%s", request.user_id, request.chat_id)
        return Reply("", notice=gettext(texts.REVIEW_ADMINS_ONLY))
    parts = (request.callback or "").split(":")
    event_id = parse_number(parts[1]) if len(parts) == 5 else None
    if event_id is None or parts[2] not in (*review.DECISIONS, "s", "b"):
        return Reply("", notice=gettext(texts.STALE_BUTTON))
    op, value, seen = parts[2], parts[3] or None, parts[4]
    try:
        if op in ("s", "b"):  # the next card; back to this one
            return _card(deps, review.next_card(deps.db, after=event_id - (op == "b")), edit=True)
        if op in ("a", "w") and value is None:
            return _offer(deps, review.current(deps.db, event_id, seen), op)
        outcome = review.decide(deps.db, event_id, review.DECISIONS[op], seen=seen, value=value,
                                admin_id=request.user_id, now=deps.clock())
    except UserError as exc:  # stale, gone, or a value that makes no sense: say so on the button
        return Reply("", notice=error_text(exc))
    log.info("review decision event=%s decision=%s user=%s", event_id, outcome.decision, request.user_id)
    return _after(deps, outcome, edit=True)


def _after(deps: Deps, outcome: review.Outcome, *, edit: bool = False) -> Reply:
    """The decision's outcome, with the next card under it."""
    done = texts.review_outcome(outcome)
    following = _card(deps, review.next_card(deps.db, after=outcome.event["id"]), edit=edit)
    return Reply(f"{done}\n\n{following.text}", following.buttons, edit=edit, notice=html.unescape(done))


def _card(deps: Deps, card: review.Card | None, *, edit: bool = False) -> Reply:
    if card is None:
        return Reply(texts.REVIEW_EMPTY, edit=edit)
    def data(op: str) -> str:
        return texts.callback_data("rv", str(card.event["id"]), op, "", card.stamp)

    labels = texts.REVIEW_BUTTONS
    rows = [[(gettext(label), data(op)) for label, op in row] for row in (labels[:2], labels[2:])]
    if card.waiting > 1:
        rows.append([(gettext(texts.REVIEW_SKIP), data("s"))])
    return Reply(texts.review_card(card), rows, edit=edit)


def _offer(deps: Deps, row: dict, op: str) -> Reply:
    """Wrong act / wrong actor: the card again, asking for the right value."""
    card = review.card_of(deps.db, row)

    def data(value: str) -> str:
        return texts.callback_data("rv", str(row["id"]), op, value, card.stamp)

    if op == "a":
        values, ask = [a for a in review.ACTS if a != row["act"]], gettext(texts.REVIEW_ASK_ACT)
        buttons = [[(value, data(value)) for value in values]]
    else:
        values, ask = review.offered_actors(deps.db, row), gettext(texts.REVIEW_ASK_ACTOR).format(id=row["id"])
        buttons = [[(texts.name(v, actor=True), data(v)) for v in values[i:i + 3]] for i in range(0, len(values), 3)]
    back = texts.callback_data("rv", str(row["id"]), "b", "", card.stamp)
    return Reply(f"{texts.review_card(card)}\n\n{texts.escape(ask)}",
                 [*buttons, [(gettext(texts.REVIEW_BACK), back)]], edit=True)
