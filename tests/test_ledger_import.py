"""Ledger CSV import: validation with line numbers, all-or-nothing, streaming a million rows."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from diplowatch import ledger
from diplowatch.models import UserError
from diplowatch.store import open_db

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
DATA = Path(__file__).parent / "data" / "ledger"
HEADER = "actor,target,act,date,date_precision,source_url,note\n"


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "ledger.db")
    yield db
    db.close()


def count_events(db) -> int:
    return db.execute("SELECT count(*) FROM events").fetchone()[0]


@pytest.mark.parametrize("path", sorted(DATA.glob("*.csv")), ids=lambda p: p.name)
def test_hostile_csv_is_rejected_with_its_line(db, path):
    with pytest.raises(ledger.LedgerImportError) as caught:
        ledger.import_csv(db, path, now=NOW, origin="manual")
    assert str(caught.value) + "\n" == path.with_suffix(".expected").read_text()
    assert count_events(db) == 0  # the valid rows before the bad one are not kept either


def test_import_is_all_or_nothing_on_a_seeded_ledger(db):
    ledger.load_seed(db, now=NOW)
    before = count_events(db)
    with pytest.raises(ledger.LedgerImportError):
        ledger.import_csv(db, DATA / "future-date.csv", now=NOW, origin="manual")
    assert count_events(db) == before
    assert db.execute("SELECT name FROM temp.sqlite_master WHERE name = 'ledger_stage'").fetchone() is None


def test_valid_import_applies_and_reimport_is_a_no_op(db):
    ledger.load_seed(db, now=NOW)
    text = HEADER + (
        "BY,donetsk-pr,recognize,2026-01-01,month,https://example.org/by,\n"
        "SY,donetsk-pr,withdraw,2025-12-31,day,https://example.org/sy,\"note, with comma\"\n"
        "CN,abkhazia,reject,,unknown,https://example.org/cn,\n"
    )
    result = ledger.import_csv(db, io.StringIO(text), now=NOW, origin="manual")
    assert (result.rows, result.inserted, result.duplicates, result.pairs) == (3, 3, 0, 3)
    assert result.source == "import"
    status = ledger.status_of(db, "donetsk-pr")
    assert [f.actor for f in status.recognizes] == ["RU", "KP", "BY"] and status.withdrew[0].actor == "SY"
    # an undated reject cannot be placed: it is shown apart as a claim, not as a status
    abkhazia = ledger.summary_of(db, "abkhazia")
    assert abkhazia.status.rejects == [] and [(c.actor, c.act) for c in abkhazia.claims] == [("CN", "reject")]
    again = ledger.import_csv(db, io.StringIO(text), now=NOW, origin="manual")
    assert (again.inserted, again.duplicates) == (0, 3)


def test_import_reads_a_path_with_bom_and_names_the_source(db, tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text(HEADER + "IL,somaliland,recognize,2025-12-26,day,https://example.org/il,\n",
                    encoding="utf-8-sig")
    assert ledger.import_csv(db, path, now=NOW, origin="manual").inserted == 1
    [fact] = ledger.status_of(db, "somaliland").recognizes
    assert (fact.source, fact.origin) == ("extra.csv", "manual")


def test_errors_are_listed_up_to_the_limit(db):
    bad = "".join(f"Z{i % 10},donetsk-pr,recognize,2022-01-01,day,https://example.org/{i},\n" for i in range(50))
    with pytest.raises(ledger.LedgerImportError) as caught:
        ledger.import_csv(db, io.StringIO(HEADER + bad), now=NOW)
    error = caught.value
    assert len(error.errors) == ledger.MAX_IMPORT_ERRORS and error.line == 2
    assert [line for line, _ in error.errors][:3] == [2, 3, 4]
    assert str(error).startswith("Ledger import failed with 20 errors (stopped at the limit), nothing imported:\n")
    assert isinstance(error, UserError)


def test_missing_file_and_bad_origin(db, tmp_path):
    with pytest.raises(UserError, match=r"Cannot read .*nope\.csv: No such file or directory\."):
        ledger.import_csv(db, tmp_path / "nope.csv", now=NOW)
    with pytest.raises(ValueError, match="origin"):
        ledger.import_csv(db, io.StringIO(HEADER), now=NOW, origin="extracted")


def test_not_utf8_is_rejected(db, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(HEADER.encode() + "BY,XK,recognize,2022-01-01,day,https://example.org/é,\n".encode("latin-1"))
    with pytest.raises(ledger.LedgerImportError, match="not UTF-8"):
        ledger.import_csv(db, path, now=NOW)


_IMPORT_AND_MEASURE = textwrap.dedent("""
    import re, sys
    from datetime import UTC, datetime
    from diplowatch import ledger
    from diplowatch.store import open_db
    db = open_db(sys.argv[1])
    try:
        ledger.import_csv(db, sys.argv[2], now=datetime(2026, 3, 1, tzinfo=UTC), origin="manual")
        outcome = "accepted"
    except ledger.LedgerImportError as exc:
        outcome = f"rejected:{exc.line}:{exc.reason}"
    events = db.execute("SELECT count(*) FROM events").fetchone()[0]
    # VmHWM is this process's peak since exec (ru_maxrss would include the forking parent)
    with open("/proc/self/status") as status:
        peak_kib = int(re.search(r"VmHWM:\\s+(\\d+) kB", status.read()).group(1))
    print(outcome, events, peak_kib // 1024, sep="\\n")
""")


def _write_rows(path: Path, n: int, *, bad_last: bool) -> None:
    actors = ("RU", "SY", "KP", "BY", "IR", "VE", "NI", "CU")
    targets = ("donetsk-pr", "luhansk-pr", "abkhazia", "XK", "PS", "EH")
    with path.open("w") as out:
        out.write(HEADER)
        for i in range(n):
            out.write(f"{actors[i % 8]},{targets[i % 6]},{'withdraw' if i % 3 == 0 else 'recognize'},"
                      f"{2000 + i % 25}-{1 + i % 12:02d}-01,month,https://example.org/{i},row {i}\n")
        if bad_last:
            out.write("ZZ,XK,recognize,2020-01-01,day,https://example.org/last,\n")


def _import_and_measure(tmp_path: Path, path: Path) -> tuple[str, str, int]:
    done = subprocess.run([sys.executable, "-c", _IMPORT_AND_MEASURE, str(tmp_path / "m.db"), str(path)],
                          capture_output=True, text=True, timeout=110, check=True)
    outcome, events, peak_mib = done.stdout.split("\n")[:3]
    return outcome, events, int(peak_mib)


# Measured (docs/benchmarks.md): about 45-53 MiB either way; with the stage, its index and the
# merge's sort held in memory (SQLite's temp_store = MEMORY) 133 MiB for the rejected million
# and 111 MiB for the 200,000 merged rows.
PEAK_MIB = 80


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory is read from /proc")
def test_million_row_csv_streams_in_bounded_memory(tmp_path):
    """A 70 MB file whose last row is bad: every row is read and staged, then all rolled back."""
    path = tmp_path / "million.csv"
    _write_rows(path, 1_000_000, bad_last=True)
    outcome, events, peak_mib = _import_and_measure(tmp_path, path)
    assert outcome.startswith("rejected:1000002:unknown actor 'ZZ'")
    assert events == "0"
    assert peak_mib < PEAK_MIB, f"peak RSS {peak_mib} MiB"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory is read from /proc")
def test_a_large_import_is_merged_in_bounded_memory(tmp_path):
    """200,000 good rows staged, compared with the log, sorted and merged into events."""
    path = tmp_path / "large.csv"
    _write_rows(path, 200_000, bad_last=False)
    outcome, events, peak_mib = _import_and_measure(tmp_path, path)
    assert (outcome, events) == ("accepted", "200000")
    assert peak_mib < PEAK_MIB, f"peak RSS {peak_mib} MiB"


def test_the_stage_spills_to_disk_and_the_connection_keeps_temp_in_memory(db):
    from diplowatch.store import import_stage

    def temp_store() -> int:
        return db.execute("PRAGMA temp_store").fetchone()[0]

    assert temp_store() == 2  # MEMORY: the polls' savepoint journals
    with import_stage.bulk_transaction(db):
        assert temp_store() == 1  # FILE
    assert temp_store() == 2
    with pytest.raises(ledger.LedgerImportError):
        ledger.import_csv(db, DATA / "future-date.csv", now=NOW, origin="manual")
    assert temp_store() == 2  # restored after a rollback too


def test_an_import_inside_a_callers_transaction_is_part_of_it(db):
    row = "BY,donetsk-pr,recognize,2026-01-01,month,https://example.org/by,\n"
    with db.atomic():
        assert ledger.import_csv(db, io.StringIO(HEADER + row), now=NOW, origin="manual").inserted == 1
        assert db.execute("PRAGMA temp_store").fetchone()[0] == 2  # cannot change in a transaction
    assert count_events(db) == 1
