"""The crash test's report: problems found in the deliveries, the totals, the table of lives
printed at the end and report.json in the work directory."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from .config import SENDER_MAX_IN_FLIGHT, Life


@dataclass
class Report:
    config: dict
    workdir: str
    lives: list[Life]
    totals: dict
    duplicates_by_kill: dict[int, int]
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems

    def table(self) -> str:
        rows = [("kill", "mode", "up s", "moment", "batch", "stmts", "alerts", "outbox",
                 "sent", "msgs", "dups", "orph", "integrity", "result")]
        for life in self.lives:
            rows.append((
                str(life.index), life.mode, f"{life.up:.1f}", life.moment[:50], life.batch[:22],
                str(life.statements), str(life.alerts), str(life.outbox), str(life.sent),
                str(life.messages), str(self.duplicates_by_kill.get(life.index, 0)),
                str(life.orphans), life.integrity, "ok" if not life.problems else "FAIL",
            ))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                 for r in rows]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def summary(self) -> str:
        t = self.totals
        out = [self.table(), ""]
        width = max(len(k) for k in t)
        for key, value in t.items():
            out.append(f"{key.ljust(width)}  {value}")
        out.append("")
        if self.problems:
            out.append(f"FAIL: {len(self.problems)} problem(s)")
            out += [f"  - {p}" for p in self.problems[:50]]
            if len(self.problems) > 50:
                out.append(f"  … and {len(self.problems) - 50} more")
        else:
            out.append("PASS")
        out.append(f"work directory: {self.workdir}")
        return "\n".join(out)


class Reporting:
    """Chaos's report, built at the end of a run."""

    def _report(self, deliveries: dict, by_kill: dict[int, int], elapsed: float) -> Report:
        kills = sum(1 for life in self.lives if life.mode != "final")
        self._delivery_problems(deliveries)
        self._repeat_problems(deliveries, kills)
        totals = self._totals(deliveries, by_kill, kills, elapsed)
        report = Report(
            config={k: (str(v) if isinstance(v, Path) else v)
                    for k, v in asdict(self.cfg).items()},
            workdir=str(self.workdir), lives=self.lives, totals=totals,
            duplicates_by_kill=by_kill, problems=list(self.problems),
        )
        (self.workdir / "report.json").write_text(json.dumps(
            {"config": report.config, "totals": totals, "problems": report.problems,
             "duplicates_by_kill": by_kill, "lives": [asdict(life) for life in self.lives]},
            indent=2, default=str))
        return report

    def _delivery_problems(self, deliveries: dict) -> None:
        if deliveries["undelivered (chat, alert)"]:
            self.problem(None, f"{deliveries['undelivered (chat, alert)']} (chat, alert) pairs "
                               f"never delivered, e.g. {deliveries['_missing_examples']}")
        if deliveries["duplicates within one life"]:
            self.problem(None, f"{deliveries['duplicates within one life']} duplicate "
                               "deliveries within one life (not caused by a kill)")
        if deliveries["messages not matching any alert"]:
            self.problem(None, f"{deliveries['messages not matching any alert']} messages "
                               f"match no alert, e.g. {deliveries['_unknown_examples']}")
        if deliveries["deliveries to chats not queued"]:
            self.problem(None, f"{deliveries['deliveries to chats not queued']} deliveries to "
                               "a chat with no outbox row for that alert")

    def _repeat_problems(self, deliveries: dict, kills: int) -> None:
        """Repeats within the bound (the sends in flight) and the targets per kill."""
        repeated = deliveries["repeated messages by kill"]
        worst = max(repeated.values(), default=0)
        if worst > SENDER_MAX_IN_FLIGHT:
            self.problem(None, f"a kill caused {worst} repeated messages; at most "
                               f"{SENDER_MAX_IN_FLIGHT} (the sends in flight) can be")
        messages_limit = self.cfg.max_repeated_messages_per_kill
        if messages_limit is not None and sum(repeated.values()) > kills * messages_limit:
            self.problem(None, f"{sum(repeated.values())} repeated messages for {kills} kills "
                               f"(target: at most {messages_limit:g} per kill)")
        limit, dups = self.cfg.max_duplicates_per_kill, deliveries["duplicate deliveries"]
        if limit is not None and dups > kills * limit:
            self.problem(None, f"{dups} duplicate deliveries for {kills} kills "
                               f"(target: at most {limit:g} per kill)")

    def _totals(self, deliveries: dict, by_kill: dict[int, int], kills: int,
                elapsed: float) -> dict:
        assert self.api is not None
        stats = self.api.stats()
        modes = Counter(life.mode for life in self.lives if life.mode != "final")
        batches = Counter(life.batch.split(": ")[-1] for life in self.lives if life.batch)
        final = self.lives[-1]
        return {
            "seed": self.seed,
            "kills": f"{kills} ({', '.join(f'{m} {n}' for m, n in sorted(modes.items()))})",
            "poll/commit batches at kill": dict(batches) or "-",
            "statements published / stored": f"{len(self.world.published)} / {final.statements}",
            "recognitions published": sum(1 for i in self.world.published if i.pair),
            "alerts": final.alerts,
            "outbox rows (chat, alert)": deliveries["outbox rows (chat, alert)"],
            "delivered (chat, alert)": deliveries["delivered (chat, alert)"],
            "undelivered (chat, alert)": deliveries["undelivered (chat, alert)"],
            "messages received by the fake Bot API": stats["messages"],
            **self._repeat_totals(deliveries, by_kill, kills),
            "alerts per message": deliveries["alerts per message"],
            "possibly_delivered rows": deliveries["possibly_delivered rows"],
            "integrity checks ok": f"{self.integrity_ok} / {self.integrity_checks}",
            "orphaned processes after kills": sum(life.orphans for life in self.lives),
            "429 answers / limit violations": f"{stats['rate_limited']} / {stats['violations'] or 0}",
            "subscribers (chats)": len(self.world.subscribers.subs),
            "elapsed": f"{elapsed:.0f}s",
        }

    def _repeat_totals(self, deliveries: dict, by_kill: dict[int, int], kills: int) -> dict:
        dups, limit = deliveries["duplicate deliveries"], self.cfg.max_duplicates_per_kill
        repeated = deliveries["repeated messages by kill"]
        worst = max(repeated.values(), default=0)
        messages_limit = self.cfg.max_repeated_messages_per_kill
        return {
            "duplicate deliveries (chat, alert)": (
                f"{dups} (max {max(by_kill.values(), default=0)} per kill; target ≤ "
                + (f"{kills * limit:g})" if limit is not None else "- )")),
            "repeated messages": (
                f"{sum(repeated.values())} (max {worst} per kill, bound {SENDER_MAX_IN_FLIGHT}; "
                "target ≤ " + (f"{kills * messages_limit:g})" if messages_limit is not None
                               else "- )")),
        }
