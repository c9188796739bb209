"""Ledger: seed status and ordinals, novelty of reported acts, mentions, confirmation, reprocess."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from diplowatch import ledger
from diplowatch.models import Event, UserError
from diplowatch.names import ENTITIES, display, is_un_member, ordinal_en
from diplowatch.store import open_db

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
DPR = "donetsk-pr"


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "ledger.db")
    ledger.load_seed(db, now=NOW)
    yield db
    db.close()


def statement(db, source: str, *, official: bool = False, n: int = 0) -> int:
    """A stored statement (events reference statements by foreign key)."""
    db.execute(
        "INSERT OR IGNORE INTO sources (name, kind, url, interval, official) VALUES (?, 'rss', ?, 300, ?)",
        [source, f"https://{source}.example/feed", int(official)],
    )
    cursor = db.execute(
        "INSERT INTO statements (source, key, url, fetched_at, sort_at, content_hash)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [source, f"k{n}", f"https://{source}.example/{n}", NOW.isoformat(), NOW.isoformat(), f"h{n}"],
    )
    return int(cursor.lastrowid)


def report(db, events, *, source="news", official=False, at=NOW, n=0, state=None, policy=None):
    sid = statement(db, source, official=official, n=n)
    return ledger.record(
        db, events, statement_id=sid, source=source, source_url=f"https://{source}.example/{n}",
        official=official, reported_at=at, now=max(at, NOW), state=state, policy=policy,
    )


def act(actor, target=DPR, kind="recognize"):
    return Event(actor, target, kind, evidence=f"{actor} {kind}s {target}", confidence=0.9)


# --- seed ------------------------------------------------------------------------------------


def test_seed_status_of_dpr(db):
    status = ledger.status_of(db, DPR)
    assert [(f.actor, f.since) for f in status.recognizes] == [
        ("RU", date(2022, 2, 21)), ("SY", date(2022, 6, 29)), ("KP", date(2022, 7, 13)),
    ]
    assert status.un_count == 3 and status.withdrew == [] and status.rejects == []
    kp = status.recognizes[-1]
    assert kp.source_url.startswith("https://www.aljazeera.com/") and kp.origin == "seed"


def test_seed_is_loaded_once(db):
    assert ledger.load_seed(db, now=NOW + timedelta(days=1)) is None
    assert len(ledger.status_of(db, DPR).recognizes) == 3


def test_malta_counted_once_for_palestine(db):
    status = ledger.status_of(db, "PS")
    malta = [f for f in status.recognizes if f.actor == "MT"]
    assert len(malta) == 1 and malta[0].since == date(1988, 11, 16) and malta[0].since_precision == "day"
    assert len({f.actor for f in status.recognizes}) == len(status.recognizes)


def test_seed_withdrawals_and_undated_rows(db):
    abkhazia = ledger.status_of(db, "abkhazia")
    assert [f.actor for f in abkhazia.withdrew] == ["VU", "TV"]
    assert abkhazia.withdrew[1].until == date(2014, 3, 31)
    assert abkhazia.withdrew[1].since == date(2011, 9, 18)  # the recognition that was withdrawn
    assert abkhazia.un_count == 5  # RU NI VE NR SY; entity actors are not UN members
    taliban = {f.target: f.status for f in ledger.recognized_by(db, "AE", statuses=("recognizes", "withdrew"))}
    assert taliban["AF"] == "withdrew"  # undated recognize, dated withdraw
    sadr = ledger.status_of(db, "EH")
    assert "DM" in {f.actor for f in sadr.withdrew}  # dated recognize, undated withdraw
    taiwan = ledger.status_of(db, "TW")
    assert {"BZ", "VA"} <= {f.actor for f in taiwan.recognizes} and "VA" not in {
        f.actor for f in taiwan.recognizes if f.un_member
    }


def test_recognized_by_and_latest(db):
    assert [f.target for f in ledger.recognized_by(db, "KP")] == ["EH", "PS", DPR, "luhansk-pr"]
    latest = ledger.latest_events(db, 2)
    assert [(e.actor, e.target) for e in latest] == [("IL", "somaliland"), ("SM", "PS")]


# --- live reports ------------------------------------------------------------------------------


def test_new_recognition_has_ordinal_and_earlier(db):
    [change] = report(db, [act("BY")])
    assert change.kind == "new" and change.previous == "unknown"
    assert change.ordinal == 4 and ordinal_en(change.ordinal) == "4th"
    assert change.earlier == [
        ("RU", date(2022, 2, 21), "day"), ("SY", date(2022, 6, 29), "day"), ("KP", date(2022, 7, 13), "day"),
    ]
    assert change.source_url == "https://news.example/0" and change.reported_at == NOW
    assert ledger.status_of(db, DPR).recognizes[-1].since == NOW.date()


def test_repeat_of_a_seeded_act_is_a_mention(db):
    assert report(db, [act("KP"), act("RU"), act("SY")], official=True) == []
    history = ledger.history(db, "KP", DPR)
    assert [e.origin for e in history] == ["seed", "extracted"]
    assert history[1].mention_of == history[0].id


def test_three_mentions_in_a_day_alert_once(db):
    changes = [report(db, [act("BY")], source=f"s{i}", at=NOW + timedelta(hours=i), n=i) for i in range(3)]
    assert [len(c) for c in changes] == [1, 0, 0]
    first, *mentions = ledger.history(db, "BY", DPR)
    assert [m.mention_of for m in mentions] == [first.id, first.id]


def test_repeat_a_month_later_does_not_alert(db):
    report(db, [act("BY")], n=1, at=NOW - timedelta(days=40))
    assert report(db, [act("BY")], source="other", n=2) == []
    assert ledger.status_of(db, DPR).recognizes[-1].since == (NOW - timedelta(days=40)).date()


def test_withdrawal_flips_status_and_count(db):
    [change] = report(db, [act("SY", kind="withdraw")])
    assert (change.kind, change.act, change.remaining, change.previous) == ("new", "withdraw", 2, "recognizes")
    status = ledger.status_of(db, DPR)
    assert [f.actor for f in status.recognizes] == ["RU", "KP"]
    [syria] = status.withdrew
    assert (syria.since, syria.until) == (date(2022, 6, 29), NOW.date())
    assert report(db, [act("SY", kind="withdraw")], source="echo", n=2) == []


def test_media_then_official_confirms_once(db):
    [new] = report(db, [act("BY")], source="media", n=1)
    # another government's official source is no confirmation: only the actor's own
    assert report(db, [act("BY")], source="mfa-rs", official=True, state="RS", n=5) == []
    [confirmed] = report(db, [act("BY")], source="mfa", official=True, state="BY", n=2,
                         at=NOW + timedelta(hours=3))
    assert confirmed.kind == "confirmed" and confirmed.confirms == new.event_id
    assert confirmed.ordinal == 4 and confirmed.official and confirmed.provenance == "official-self"
    assert report(db, [act("BY")], source="mfa2", official=True, state="BY", n=3) == []
    assert report(db, [act("BY")], source="media2", n=4) == []


def test_official_first_report_is_never_confirmed_again(db):
    assert len(report(db, [act("BY")], source="mfa", official=True, n=1)) == 1
    assert report(db, [act("BY")], source="mfa2", official=True, n=2) == []


def test_rejection_is_news_once(db):
    [change] = report(db, [act("CN", kind="reject")])
    assert (change.kind, change.act, change.remaining) == ("new", "reject", 3)
    assert [f.actor for f in ledger.status_of(db, DPR).rejects] == ["CN"]
    assert report(db, [act("CN", kind="reject")], n=2) == []


def test_rejection_after_withdrawal_is_not_news(db):
    assert report(db, [act("TV", "abkhazia", "reject")]) == []
    assert ledger.recognized_by(db, "TV", statuses=("rejects",))[0].target == "abkhazia"


def test_late_echo_of_a_reversed_act_is_a_mention(db):
    report(db, [act("BY")], n=1)
    report(db, [act("BY", kind="withdraw")], n=2, at=NOW + timedelta(days=2))
    assert report(db, [act("BY")], source="late", n=3, at=NOW + timedelta(days=5)) == []
    assert ledger.recognized_by(db, "BY", statuses=("withdrew",))[0].target == DPR


def test_background_history_in_one_statement_is_held(db):
    events = [act("TV", "abkhazia"), act("TV", "abkhazia", "withdraw")]
    assert report(db, events) == []
    held = [e for e in ledger.history(db, "TV", "abkhazia") if e.held]
    assert [(e.act, e.held) for e in held] == [("recognize", "background")]
    assert ledger.recognized_by(db, "TV", statuses=("withdrew",))[0].target == "abkhazia"


def test_taiwan_switch_alerts_on_taiwan_only(db):
    changes = report(db, [act("PY", "TW", "withdraw"), act("PY", "CN")])
    # 10 UN members left of the 11 (Papua New Guinea's 1999 switch back is in the seed)
    assert [(c.target, c.act, c.remaining) for c in changes] == [("TW", "withdraw", 10)]
    assert "CN" in {f.target for f in ledger.recognized_by(db, "PY")}


def test_invalid_events_are_skipped(db):
    bad = [Event("KP", "mars", "recognize"), Event("KP", DPR, "annex"), Event("ZZ", DPR, "recognize"),
           act("AF", "AF")]
    assert report(db, bad) == []
    assert db.execute("SELECT count(*) FROM events WHERE origin = 'extracted'").fetchone()[0] == 0


def test_revised_statement_does_not_duplicate_evidence(db):
    sid = statement(db, "news", n=7)
    kwargs = dict(statement_id=sid, source="news", source_url=None, official=False, reported_at=NOW, now=NOW)
    assert len(ledger.record(db, [act("BY")], **kwargs)) == 1
    assert ledger.record(db, [act("BY")], **kwargs) == []
    assert len(ledger.history(db, "BY", DPR)) == 1


def test_future_report_is_placed_at_now(db):
    sid = statement(db, "news", n=8)
    [change] = ledger.record(db, [act("BY")], statement_id=sid, source="news", source_url=None,
                             official=False, reported_at=NOW + timedelta(days=30), now=NOW)
    assert change.reported_at == NOW


def test_record_joins_the_callers_transaction(db):
    with pytest.raises(RuntimeError), db.atomic():
        report(db, [act("BY")])
        raise RuntimeError("pipeline failed later in the batch")
    assert ledger.history(db, "BY", DPR) == []
    assert ledger.status_of(db, DPR).un_count == 3


# --- reprocess ---------------------------------------------------------------------------------


def test_reprocess_adds_and_retracts_without_alerts_and_is_idempotent(db):
    sid = statement(db, "news", n=9)
    ledger.record(db, [act("BY"), act("BY", "luhansk-pr")], statement_id=sid, source="news",
                  source_url="https://news.example/9", official=False, reported_at=NOW, now=NOW)
    upgraded = [act("BY"), act("BY", "abkhazia")]
    later = NOW + timedelta(days=1)
    first = ledger.reprocess_statement(db, sid, upgraded, now=later)
    assert (first.added, first.retracted, first.kept) == (1, 1, 1)
    assert ledger.reprocess_statement(db, sid, upgraded, now=later) == ledger.ReprocessResult(0, 0, 2)
    assert {f.target for f in ledger.recognized_by(db, "BY")} == {"PS", DPR, "abkhazia"}
    [gone] = [e for e in ledger.history(db, "BY", "luhansk-pr")]
    assert gone.retracted_at == later
    empty = ledger.reprocess_statement(db, sid, [], now=later)
    assert empty.retracted == 2
    assert [f.target for f in ledger.recognized_by(db, "BY")] == ["PS"]
    assert ledger.reprocess_statement(db, sid, [], now=later) == ledger.ReprocessResult(0, 0, 0)


def test_reprocess_of_a_statement_without_events_reads_the_statement(db):
    sid = statement(db, "mfa", official=True, n=10)
    assert ledger.reprocess_statement(db, sid, [act("BY")], now=NOW).added == 1
    [event] = ledger.history(db, "BY", DPR)
    assert event.official and event.source == "mfa" and event.source_url == "https://mfa.example/10"


def test_reprocess_unknown_statement(db):
    with pytest.raises(UserError, match="No statement with id 999"):
        ledger.reprocess_statement(db, 999, [act("BY")], now=NOW)


def test_retracting_a_first_report_keeps_its_mentions(db):
    sid = statement(db, "news", n=11)
    ledger.record(db, [act("BY")], statement_id=sid, source="news", source_url=None,
                  official=False, reported_at=NOW, now=NOW)
    report(db, [act("BY")], source="other", n=12)
    ledger.reprocess_statement(db, sid, [], now=NOW)
    assert [f.actor for f in ledger.status_of(db, DPR).recognizes][-1] == "BY"


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "name"), [
    ("KP", "North Korea"), ("SY", "Syria"), ("RU", "Russia"), ("US", "United States"),
    (DPR, "Donetsk People's Republic"), ("TW", "Taiwan (Republic of China)"),
    ("AF", "Islamic Emirate of Afghanistan (Taliban)"), ("EH", "Sahrawi Arab Democratic Republic"),
    ("zz-unknown", "zz-unknown"),
])
def test_display(code, name):
    assert display(code) == name


def test_display_as_actor_and_in_other_languages():
    assert display("AF", actor=True) == "Afghanistan" and display("TW", actor=True) == "Taiwan"
    assert display("DE", lang="de") == "Deutschland"
    assert display(DPR, lang="it") == "Donetsk People's Republic"  # no Italian names of our own
    assert display(DPR, lang="de") == "Volksrepublik Donezk"  # curated, with its article forms
    assert f"{display(DPR, lang='es'):acc}" == "a la República Popular de Donetsk"
    assert display(DPR, lang="ru") == "Донецкая Народная Республика"  # curated, with its cases
    assert f"{display(DPR, lang='uk'):acc}" == "Донецьку Народну Республіку"
    assert display("RU", lang="ru") == "Россия" and display("KP", lang="uk") == "КНДР"


def test_entities_have_names_and_un_membership_rules():
    assert all(display(code) != code for code in ENTITIES)
    assert sum(map(is_un_member, ["RU", "KP", "TW", "XK", "PS", "EH", "VA", "CK", "NU"])) == 2


@pytest.mark.parametrize(("n", "text"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"),
                                          (12, "12th"), (13, "13th"), (21, "21st"), (102, "102nd"), (111, "111th")])
def test_ordinal_en(n, text):
    assert ordinal_en(n) == text
