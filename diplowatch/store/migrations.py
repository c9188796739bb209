"""Schema, as sqlite-utils Migrations. Append new migrations; never edit an applied one."""

from __future__ import annotations

import json
import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ..models import speaks_for

migrations = Migrations("diplowatch")


def _run(db: Database, script: str) -> None:
    # executescript() would commit the migration's transaction; run statements one by one
    # (complete_statement keeps a trigger's BEGIN … END body together).
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        db.execute(statement)


@migrations()
def m001_sources_statements(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE sources (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    interval INTEGER NOT NULL,
    lang TEXT,
    official INTEGER NOT NULL DEFAULT 0,
    settings TEXT NOT NULL DEFAULT '{}',
    origin TEXT NOT NULL DEFAULT 'file',
    added_at TEXT,
    etag TEXT,
    last_modified TEXT,
    next_poll_at TEXT,
    last_poll_at TEXT,
    last_ok_at TEXT,
    error_count INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    last_seen_key TEXT,
    paused INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    key TEXT NOT NULL,
    url TEXT,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    lang TEXT,
    published_at TEXT,
    fetched_at TEXT NOT NULL,
    sort_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    forwarded_from TEXT,
    revision INTEGER NOT NULL DEFAULT 0,
    sort_key INTEGER,
    UNIQUE (source, key)
);
CREATE UNIQUE INDEX statements_sort_key ON statements (sort_key);
CREATE INDEX statements_sort ON statements (sort_at DESC, id DESC);
CREATE INDEX statements_source_sort ON statements (source, sort_at DESC);
CREATE INDEX statements_source_hash ON statements (source, content_hash);
CREATE INDEX statements_source_url ON statements (source, url);
CREATE TABLE statement_revisions (
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE INDEX statement_revisions_statement ON statement_revisions (statement_id)
""",
    )
    _run(db, SEARCH_INDEX)


# The FTS index's rowid is the statement's sort_key: (seconds since 2000 of sort_at) << 31 | id.
# FTS5 walks rowids in order, so "newest 20 matching" reads 20 index entries instead of sorting
# every match (see docs/benchmarks.md).
SORT_KEY = "((CAST(strftime('%s', {row}.sort_at) AS INTEGER) - 946684800) * 2147483648 + {row}.id)"
SEARCH_INDEX = f"""
CREATE VIRTUAL TABLE statements_fts USING fts5(
    title, text, content='statements', content_rowid='sort_key',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
    UPDATE statements SET sort_key = {SORT_KEY.format(row="new")} WHERE id = new.id;
    INSERT INTO statements_fts (rowid, title, text)
        VALUES ({SORT_KEY.format(row="new")}, new.title, new.text);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, title, text)
        VALUES ('delete', old.sort_key, old.title, old.text);
END;
CREATE TRIGGER statements_au AFTER UPDATE OF title, text ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, title, text)
        VALUES ('delete', old.sort_key, old.title, old.text);
    INSERT INTO statements_fts (rowid, title, text) VALUES (new.sort_key, new.title, new.text);
END
"""

@migrations()
def m002_events_ledger(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    actor TEXT NOT NULL,
    target TEXT NOT NULL,
    act TEXT NOT NULL,
    statement_id INTEGER REFERENCES statements(id),
    source TEXT,
    source_url TEXT,
    official INTEGER NOT NULL DEFAULT 0,
    evidence TEXT NOT NULL DEFAULT '',
    confidence REAL NOT NULL DEFAULT 1.0,
    reported_at TEXT NOT NULL,
    effective_date TEXT,
    date_precision TEXT NOT NULL DEFAULT 'day',
    origin TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    mention_of INTEGER REFERENCES events(id),
    retracted_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX events_pair ON events (target, actor);
CREATE INDEX events_actor ON events (actor);
CREATE INDEX events_statement ON events (statement_id);
CREATE INDEX events_reported ON events (reported_at DESC);
CREATE TABLE recognitions (
    actor TEXT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    since TEXT,
    since_precision TEXT,
    until TEXT,
    event_id INTEGER REFERENCES events(id),
    PRIMARY KEY (actor, target)
);
CREATE INDEX recognitions_target ON recognitions (target, status)
""",
    )


@migrations()
def m003_chats_outbox(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE chats (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL DEFAULT 'private',
    title TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    inactive_reason TEXT,
    strikes INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    last_sent_at TEXT
);
CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL REFERENCES chats(id) ON UPDATE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (chat_id, kind, value)
);
CREATE INDEX subscriptions_match ON subscriptions (kind, value);
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    event_id INTEGER REFERENCES events(id),
    statement_id INTEGER REFERENCES statements(id),
    created_at TEXT NOT NULL
);
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    alert_id INTEGER NOT NULL REFERENCES alerts(id),
    chat_id INTEGER NOT NULL REFERENCES chats(id) ON UPDATE CASCADE,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    sent_at TEXT,
    message_id INTEGER,
    last_error TEXT,
    UNIQUE (alert_id, chat_id)
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at)
""",
    )


@migrations()
def m004_ledger_positions(db: Database) -> None:
    # sort_key: where an event sits on its pair's timeline (effective date, else report
    # time; a mention inherits its first event's key). held: why an event is kept as
    # evidence without counting for the status (NULL = it counts).
    _run(
        db,
        """
ALTER TABLE events ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN held TEXT;
ALTER TABLE recognitions ADD COLUMN until_precision TEXT;
ALTER TABLE recognitions ADD COLUMN updated_at TEXT;
CREATE INDEX events_timeline ON events (target, actor, sort_key, id);
CREATE INDEX events_sort ON events (sort_key DESC, id DESC)
""",
    )


@migrations()
def m005_delivery_parts(db: Database) -> None:
    # parts_sent: how many parts of a long (split) alert reached the chat, so a restart
    # resumes after them instead of repeating them.
    _run(
        db,
        """
ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_chat_state ON outbox (chat_id, state)
""",
    )


@migrations()
def m006_outbox_by_chat(db: Database) -> None:
    # The sender pages due rows by (chat_id, id), so that each chat's alerts arrive together
    # and merge. outbox_due cannot give that order: every page sorted all due rows (with this
    # index, no sort; see docs/benchmarks.md). next_attempt_at is in the index so rows not yet
    # due are skipped without reading the table.
    _run(db, "CREATE INDEX outbox_by_chat ON outbox (state, chat_id, id, next_attempt_at)")


@migrations()
def m007_search_index_by_batch(db: Database) -> None:
    # store.statements gives each new row its sort key and adds a polled batch to the FTS index
    # in one statement. FTS5 wrote every row it got through the trigger out on its own (a
    # 20-item batch cost 3 times as much). The trigger stays for rows inserted without a sort
    # key (older tools, tests, benchmarks that fill the table directly).
    _run(
        db,
        f"""
DROP TRIGGER statements_ai;
CREATE TRIGGER statements_ai AFTER INSERT ON statements WHEN new.sort_key IS NULL BEGIN
    UPDATE statements SET sort_key = {SORT_KEY.format(row="new")} WHERE id = new.id;
    INSERT INTO statements_fts (rowid, title, text)
        VALUES ({SORT_KEY.format(row="new")}, new.title, new.text);
END
""",
    )


@migrations()
def m008_drop_statements_sort(db: Database) -> None:
    # (sort_at DESC, id DESC) orders exactly as the unique sort_key index does, so the newest
    # statements read that one. The extra index cost a write of its own pages on every poll
    # that stored something, a good part of an ingest's bytes written and CPU (see
    # docs/benchmarks.md).
    _run(db, "DROP INDEX statements_sort")


@migrations()
def m009_provenance_and_follow_ups(db: Database) -> None:
    # provenance: who reported an extracted act (models.PROVENANCES; NULL for seeded and
    # imported acts). Existing extracted events get it from their source as it is configured
    # now. alerts.reply_to: the alert a short follow-up or a correction answers, so that each
    # chat gets it as a reply to the message it got then.
    _run(
        db,
        """
ALTER TABLE events ADD COLUMN provenance TEXT;
ALTER TABLE alerts ADD COLUMN reply_to INTEGER REFERENCES alerts(id);
CREATE INDEX alerts_event ON alerts (event_id);
CREATE INDEX events_held ON events (held, created_at) WHERE held IS NOT NULL
""",
    )
    db.execute("UPDATE events SET provenance = 'media' WHERE origin = 'extracted' AND official = 0")
    official = db.execute(
        "SELECT DISTINCT e.source, s.url, s.settings FROM events e LEFT JOIN sources s ON s.name = e.source"
        " WHERE e.origin = 'extracted' AND e.official = 1"
    ).fetchall()
    for source, url, settings in official:
        state = speaks_for(url, json.loads(settings or "{}").get("state"))
        db.execute(
            "UPDATE events SET provenance = CASE WHEN actor = ? THEN 'official-self'"
            " ELSE 'official-other' END WHERE origin = 'extracted' AND official = 1 AND source IS ?",
            [state, source],
        )


@migrations()
def m010_ledger_revision(db: Database) -> None:
    # Charts are cached until the ledger changes. New events show in max(events.id); the only
    # updates to an event (retracted, held, released, made a mention) bump this counter.
    _run(
        db,
        """
CREATE TABLE ledger_revision (id INTEGER PRIMARY KEY CHECK (id = 1), updates INTEGER NOT NULL);
INSERT INTO ledger_revision (id, updates) VALUES (1, 0);
CREATE TRIGGER events_au_revision AFTER UPDATE OF retracted_at, held, mention_of ON events BEGIN
    UPDATE ledger_revision SET updates = updates + 1 WHERE id = 1;
END
""",
    )


@migrations()
def m011_reviews(db: Database) -> None:
    # An administrator's decision on an extracted act (review buttons, /retract), with the
    # statement text as the extractor read it then: `diplowatch labels export` turns them
    # into labelled eval documents. right_actor/right_act: the value a "wrong actor/act"
    # decision gave. Several decisions on one event are kept (confirmed, later retracted).
    _run(
        db,
        """
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    decision TEXT NOT NULL,
    actor TEXT NOT NULL,
    target TEXT NOT NULL,
    act TEXT NOT NULL,
    right_actor TEXT,
    right_act TEXT,
    reason TEXT NOT NULL DEFAULT '',
    admin_id INTEGER NOT NULL,
    statement_id INTEGER REFERENCES statements(id),
    text TEXT NOT NULL DEFAULT '',
    lang TEXT,
    url TEXT,
    published TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX reviews_event ON reviews (event_id);
CREATE INDEX reviews_statement ON reviews (statement_id)
""",
    )


@migrations()
def m012_source_health(db: Database) -> None:
    # notice: what an otherwise good poll should tell the operator (a listing cut at its cap);
    # failing_since: the first failure of the current run of failures (NULL while healthy);
    # failure_reported_at: when admins were told it is failing (recovery is told once, then NULL)
    _run(
        db,
        """
ALTER TABLE sources ADD COLUMN notice TEXT;
ALTER TABLE sources ADD COLUMN failing_since TEXT;
ALTER TABLE sources ADD COLUMN failure_reported_at TEXT;
UPDATE sources SET failing_since = COALESCE(last_poll_at, last_ok_at) WHERE error_count > 0;
""",
    )


@migrations()
def m013_search_prefix_index(db: Database) -> None:
    # A search word ending in * made FTS5 merge the row lists of every word it begins, however
    # few rows are shown. With prefix indexes for 3 to 6 letters (the shortest prefix a search
    # accepts is 3) such a prefix has its own row list, read newest first like a word. They
    # about double the index's size; longer prefixes still merge (see docs/benchmarks.md). The
    # triggers name the table, so they serve the new one; 'rebuild' reads every statement
    # again (minutes at a million statements, once).
    _run(
        db,
        """
DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5(
    title, text, content='statements', content_rowid='sort_key',
    tokenize='unicode61 remove_diacritics 2', prefix='3 4 5 6'
);
INSERT INTO statements_fts (statements_fts) VALUES ('rebuild')
""",
    )


@migrations()
def m014_chat_language(db: Database) -> None:
    # The language a chat chose with /language; NULL: the user's Telegram language_code decides.
    _run(db, "ALTER TABLE chats ADD COLUMN language TEXT;")


@migrations()
def m015_forum_topics(db: Database) -> None:
    # Forum topics (issue 15): a subscription belongs to the topic it was made in, and its
    # alerts go there. thread_id is Telegram's message_thread_id, 0 for a chat without topics
    # (and a forum's General topic). An outbox row is one (alert, chat, topic): a forum may
    # follow one entity in two topics. UNIQUE constraints cannot be altered in SQLite, so both
    # tables are rebuilt (the outbox once, at its size). inactive_reason: the topic was
    # deleted or closed (NULL: the subscription is live); the chat itself stays active.
    _run(
        db,
        """
CREATE TABLE subscriptions_new (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL REFERENCES chats(id) ON UPDATE CASCADE,
    thread_id INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    inactive_reason TEXT,
    UNIQUE (chat_id, thread_id, kind, value)
);
INSERT INTO subscriptions_new (id, chat_id, kind, value, created_at)
    SELECT id, chat_id, kind, value, created_at FROM subscriptions;
DROP TABLE subscriptions;
ALTER TABLE subscriptions_new RENAME TO subscriptions;
CREATE INDEX subscriptions_match ON subscriptions (kind, value);
CREATE TABLE outbox_new (
    id INTEGER PRIMARY KEY,
    alert_id INTEGER NOT NULL REFERENCES alerts(id),
    chat_id INTEGER NOT NULL REFERENCES chats(id) ON UPDATE CASCADE,
    thread_id INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    sent_at TEXT,
    message_id INTEGER,
    last_error TEXT,
    parts_sent INTEGER NOT NULL DEFAULT 0,
    UNIQUE (alert_id, chat_id, thread_id)
);
INSERT INTO outbox_new (id, alert_id, chat_id, state, attempts, next_attempt_at, sent_at,
                        message_id, last_error, parts_sent)
    SELECT id, alert_id, chat_id, state, attempts, next_attempt_at, sent_at, message_id,
           last_error, parts_sent FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_chat_state ON outbox (chat_id, state);
CREATE INDEX outbox_by_chat ON outbox (state, chat_id, id, next_attempt_at)
""",
    )


@migrations()
def m016_alert_languages(db: Database) -> None:
    # An alert rendered in each language its chats may read (English stays in alerts.text), and
    # the Telegram language of whoever last subscribed the chat, for a chat that never chose one
    # with /language (texts/i18n.py).
    _run(
        db,
        """
ALTER TABLE chats ADD COLUMN telegram_language TEXT;
CREATE TABLE alert_texts (
    alert_id INTEGER NOT NULL REFERENCES alerts(id),
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (alert_id, language)
) WITHOUT ROWID;
""",
    )
