"""How previous-release.db was made: run with the code of the release before the 569-row seed.

    git archive <old commit> | tar -x -C /tmp/old
    PYTHONPATH=/tmp/old python tests/data/upgrade/make_previous_release_db.py previous-release.db

It holds the old 431-row seed, one extracted act (with a subscriber, so its alert exists) and
one admin-imported act: the upgrade test checks that the new seed replaces the first and keeps
the others without a new alert.
"""

import io
import sys
from datetime import UTC, datetime

from diplowatch import ledger, pipeline
from diplowatch.models import Statement
from diplowatch.store import chats, open_db

out = sys.argv[1]
db = open_db(out)
ledger.load_seed(db, now=datetime(2026, 6, 1, tzinfo=UTC))
chats.upsert_chat(db, 42, type="private", title="reader", now=datetime(2026, 6, 1, tzinfo=UTC))
chats.add_subscription(db, 42, "all", "", now=datetime(2026, 6, 1, tzinfo=UTC))
batch = [Statement("mfa-test", "guid:1", "https://example.org/1", "",
                   "Nicaragua has recognized the independence of Somaliland.",
                   published_at=datetime(2026, 6, 2, 9, 0, tzinfo=UTC))]
pipeline.ingest(db, batch, now=datetime(2026, 6, 2, 10, 0, tzinfo=UTC))
manual = ("actor,target,act,date,date_precision,source_url,note\n"
          "ET,somaliland,recognize,2026-05-01,day,https://example.org/admin-entry,admin-entered\n")
ledger.import_csv(db, io.StringIO(manual), now=datetime(2026, 6, 3, tzinfo=UTC), origin="manual", source="admin.csv")
db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print(list(db.query("select origin, count(*) n from events group by origin")))
db.close()
