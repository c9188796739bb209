"""The real `diplowatch` process: commands, exit codes, and errors that read well."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

import pytest

RSS = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>MFA</title>'
       b"<item><guid>n1</guid><title>Statement on Abkhazia</title><link>https://mfa.example/1</link>"
       b"<description>Nicaragua has recognized the independence of Abkhazia and South Ossetia."
       b"</description><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>"
       b"<item><guid>n2</guid><title>Visit</title><link>https://mfa.example/2</link>"
       b"<description>The minister met the delegation.</description></item></channel></rss>")


async def cli(*args: str, env: dict[str, str], stdin: bytes = b"", cwd: Path) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "diplowatch", *args, cwd=cwd, env={**os.environ, **env},
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(stdin), timeout=90)
    return proc.returncode, out.decode(), err.decode()


@pytest.fixture
def setup(tmp_path, feed_server):
    feed_server.set_content("/mfa.xml", RSS, content_type="application/rss+xml")
    (tmp_path / "sources.toml").write_text(
        f'[[sources]]\nname = "mfa"\nkind = "rss"\nurl = "{feed_server.url("/mfa.xml")}"\n'
        'official = true\n'
        f'[[sources]]\nname = "down"\nkind = "rss"\nurl = "{feed_server.url("/missing.xml")}"\n')
    env = {"DIPLOWATCH_DB": str(tmp_path / "d.db"), "DIPLOWATCH_ALLOW_PRIVATE_NETWORKS": "1",
           "DIPLOWATCH_SOURCES": str(tmp_path / "sources.toml"), "DIPLOWATCH_LOG_LEVEL": "WARNING"}
    env.pop("DIPLOWATCH_TELEGRAM_TOKEN", None)
    return env, tmp_path


async def test_poll_search_sources_list(setup):
    env, cwd = setup
    code, out, err = await cli("poll", "--once", env=env, cwd=cwd)
    assert code == 1  # one source failed
    assert "mfa                  2 new" in out and "down                 FAILED: HTTP 404" in out
    assert "Traceback" not in err
    code, out, _ = await cli("search", "abkhazia", env=env, cwd=cwd)
    assert code == 0 and "2026-11-24" in out and "[mfa]" in out and "https://mfa.example/1" in out
    code, out, _ = await cli("sources", "list", env=env, cwd=cwd)
    assert "failing ×1: HTTP 404" in out
    code, out, _ = await cli("poll", "--once", "--source", "mfa", env=env, cwd=cwd)
    assert code == 0 and "not modified (304)" in out
    code, _, err = await cli("poll", "--once", "--source", "nope", env=env, cwd=cwd)
    assert code == 1 and "No source named 'nope'" in err


async def test_console_chat_and_alert(setup):
    env, cwd = setup
    script = b"/subscribe abkhazia\n/recognized abkhazia\n!rec:list:date:abkhazia:0\n/subscribe nowhere\n/frob\n"
    code, out, err = await cli("poll", "--once", "--source", "mfa", env=env, cwd=cwd)
    code, out, err = await cli("run", env=env, cwd=cwd, stdin=script)
    assert code == 0, err
    assert "Subscribed: recognitions of Abkhazia" in out
    assert "Recognized by 5 UN member states" in out
    assert "Nicaragua — since" in out  # the full list (a button) has Nicaragua (2008, the seed)
    assert 'Unknown entity "nowhere"' in out and "Unknown command /frob" in out
    assert "Traceback" not in err


async def test_console_chat_greets_hints_and_saves_files_where_told(setup):
    env, cwd = setup
    files = cwd / "charts"
    script = b"hello\nhelp\n/timeline kosovo\n"
    code, out, err = await cli("run", "--files", str(files), env={**env, "DIPLOWATCH_LOG_LEVEL": "INFO"},
                               cwd=cwd, stdin=script)
    assert code == 0, err
    assert out.startswith("diplowatch console chat") and "/help" in out.splitlines()[0]
    assert "Commands start with a slash" in out and "Unknown command /hello" not in out
    assert "/subscribe" in out  # 'help' without the slash is still /help
    assert (files / "timeline-kosovo.png").read_bytes()[:4] == b"\x89PNG"
    assert f"(saved {files / 'timeline-kosovo.png'})" in out
    assert not list(cwd.glob("*.png"))  # nothing written into the working directory
    assert "apscheduler" not in err and "Adding job" not in err  # quiet logs at INFO


@pytest.mark.parametrize(("var", "value", "says"), [
    ("DIPLOWATCH_SEND_RATE", "fast", "DIPLOWATCH_SEND_RATE='fast' must be a number"),
    ("DIPLOWATCH_ADMIN_IDS", "@me", "is not a numeric Telegram user id"),
    ("DIPLOWATCH_SOURCES", "/no/such.toml", "no such file"),
])
async def test_config_errors_one_line_no_traceback(setup, var, value, says):
    env, cwd = setup
    code, out, err = await cli("poll", "--once", env={**env, var: value}, cwd=cwd)
    assert code == 2 and says in err and "Traceback" not in err
    assert err.count("\n") == 1


async def test_broken_sources_file_names_line(setup):
    env, cwd = setup
    (cwd / "bad.toml").write_text('[[sources]]\nname = "x"\nkind = "rss"\nurl = "gopher://x"\n')
    code, _, err = await cli("sources", "list", env={**env, "DIPLOWATCH_SOURCES": str(cwd / "bad.toml")},
                             cwd=cwd)
    assert code == 2 and "bad.toml: [[sources]] #1 (line 1): url 'gopher://x' must be an http(s) URL" in err


async def test_extract_contract(setup):
    env, cwd = setup
    lines = [{"id": 1, "text": "North Korea has recognized the Donetsk People's Republic."},
             {"id": "b", "text": "Berlin will never recognize Abkhazia, the foreign minister said.", "lang": "en"},
             {"id": 3, "text": "The weather was fine."}]
    stdin = "".join(json.dumps(x) + "\n" for x in lines).encode() + b"not json\n"
    code, out, _ = await cli("extract", env=env, cwd=cwd, stdin=stdin)
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and [r["id"] for r in rows[:3]] == [1, "b", 3]
    assert [(e["actor"], e["target"], e["act"]) for e in rows[0]["events"]] == [("KP", "donetsk-pr", "recognize")]
    assert [(e["actor"], e["act"]) for e in rows[1]["events"]] == [("DE", "reject")]
    assert rows[2]["events"] == [] and "error" in rows[3]
    assert 0 < rows[0]["events"][0]["confidence"] <= 1 and rows[0]["events"][0]["evidence"]


async def test_ledger_export_import_timeline(setup):
    env, cwd = setup
    code, csv_text, _ = await cli("export", "--format", "csv", env=env, cwd=cwd)
    assert code == 0 and csv_text.startswith("actor,target,act,date,date_precision,source_url,note")
    (cwd / "ledger.csv").write_text(csv_text)
    code, out, _ = await cli("ledger", "import", str(cwd / "ledger.csv"), env=env, cwd=cwd)
    assert code == 0 and "Imported 0 act(s)" in out
    (cwd / "bad.csv").write_text(csv_text.splitlines()[0] + "\nZZ,XK,recognize,2008-02-17,day,https://x.example,\n")
    code, _, err = await cli("ledger", "import", str(cwd / "bad.csv"), env=env, cwd=cwd)
    assert code == 1 and "line 2" in err and "Traceback" not in err
    code, out, _ = await cli("timeline", "kosovo", "-o", str(cwd / "k.png"), env=env, cwd=cwd)
    assert code == 0 and (cwd / "k.png").read_bytes().startswith(b"\x89PNG")
    code, _, err = await cli("timeline", "atlantis", "-o", str(cwd / "a.png"), env=env, cwd=cwd)
    assert code == 1 and 'Unknown entity "atlantis"' in err
    code, _, err = await cli("timeline", "narnia", "-o", str(cwd / "a.png"), env=env, cwd=cwd)
    assert "diplowatch timeline kosovo" in err and "/recognized" not in err  # a terminal's hint
    code, _, err = await cli("timeline", "kosovo", "-o", str(cwd / "k.jpg"), env=env, cwd=cwd)
    assert code == 1 and "name the file .png" in err and not (cwd / "k.jpg").exists()


async def test_map_writes_a_png_and_refuses_bad_input(setup):
    env, cwd = setup
    code, out, _ = await cli("map", "palestine", "-o", str(cwd / "p.png"), env=env, cwd=cwd)
    assert code == 0 and out.strip() == f"Wrote {cwd / 'p.png'}: State of Palestine"
    assert (cwd / "p.png").read_bytes().startswith(b"\x89PNG")
    code, _, err = await cli("map", "narnia", "-o", str(cwd / "n.png"), env=env, cwd=cwd)
    assert code == 1 and "diplowatch map kosovo -o kosovo.png" in err and "Traceback" not in err
    code, _, err = await cli("map", "kosovo", "-o", str(cwd / "k.svg"), env=env, cwd=cwd)
    assert code == 1 and "the map is a PNG image" in err and not (cwd / "k.svg").exists()


async def test_reprocess_twice_changes_nothing(setup):
    env, cwd = setup
    await cli("poll", "--once", "--source", "mfa", env=env, cwd=cwd)
    code, first, _ = await cli("reprocess", env=env, cwd=cwd)
    code, second, _ = await cli("reprocess", env=env, cwd=cwd)
    assert code == 0 and "Reprocessed 2 statements: 0 new events, 0 retracted" in second


async def test_opml_import(setup):
    env, cwd = setup
    (cwd / "feeds.opml").write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="Kremlin news" type="rss" xmlUrl="http://en.kremlin.ru/events/president/news/feed"/>'
        '<outline text="Bad" type="rss" xmlUrl="ftp://x.example/feed"/></body></opml>')
    code, out, _ = await cli("sources", "import", str(cwd / "feeds.opml"), env=env, cwd=cwd)
    assert code == 0 and "Imported 1 feed(s):\n  kremlin-news  http://en.kremlin.ru/" in out
    assert "Skipped 1:\n  ftp://x.example/feed" in out and "must be an http(s) URL" in out
    code, out, _ = await cli("sources", "list", env=env, cwd=cwd)
    assert "kremlin-news" in out
    code, out, _ = await cli("sources", "remove", "kremlin-news", env=env, cwd=cwd)
    assert code == 0 and "Removed source kremlin-news" in out
    code, _, err = await cli("sources", "remove", "kremlin-news", env=env, cwd=cwd)
    assert code == 1 and "No source named 'kremlin-news'. See the list with: diplowatch sources list" in err


async def test_version_and_the_help_of_a_command_group(setup):
    env, cwd = setup
    code, out, _ = await cli("--version", env=env, cwd=cwd)
    assert code == 0 and out.startswith("diplowatch ")
    code, out, _ = await cli("ledger", env=env, cwd=cwd)
    assert code == 2 and "usage: diplowatch ledger" in out and "import" in out
    code, out, _ = await cli("sources", env=env, cwd=cwd)
    assert code == 2 and "usage: diplowatch sources" in out and "remove" in out


def test_a_reader_that_goes_away_is_no_error(setup):
    """'diplowatch export | head': the pipe closes early; no BrokenPipeError, exit 0."""
    import subprocess

    env, cwd = setup
    script = (f'"{sys.executable}" -m diplowatch export --format json | head -c 100 >/dev/null; '
              'echo "${PIPESTATUS[0]}"')
    done = subprocess.run(["bash", "-c", script], cwd=cwd, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=90)
    assert done.stdout.strip() == "0" and "BrokenPipe" not in done.stderr, done.stderr


async def test_control_characters_never_reach_the_terminal(setup, feed_server):
    """A title carrying ESC/OSC sequences (retitle the window, clear the screen) is printed
    without them by poll, search and the console chat."""
    env, cwd = setup
    hostile = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>MFA</title><item>'
               b"<guid>x1</guid><title>Kosovo \x1b]0;pwned\x07recognized \x1b[2J\x9bnow</title>"
               b"<link>https://mfa.example/x1</link><description>Togo recognized Kosovo."
               b"</description></item></channel></rss>")
    feed_server.set_content("/mfa.xml", hostile, content_type="application/rss+xml")
    outputs = [await cli("poll", "--once", "--source", "mfa", env=env, cwd=cwd),
               await cli("search", "kosovo", env=env, cwd=cwd),
               await cli("sources", "list", env=env, cwd=cwd),
               await cli("status", env=env, cwd=cwd),
               await cli("run", env=env, cwd=cwd, stdin=b"/search kosovo\n")]
    searched = outputs[1][1]
    assert "Kosovo" in searched and "now" in searched
    for _code, out, err in outputs:
        assert not any(c in out + err for c in "\x1b\x07\x9b"), (out, err)


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
async def test_stopping_during_a_poll_is_quiet(tmp_path, signal_name):
    """Ctrl-C or SIGTERM while polls wait on a silent server: no CancelledError traceback."""
    import signal

    writers = []

    async def silent(reader, writer):  # accepts, then never answers
        writers.append(writer)
        await reader.read()  # until the client goes
        writer.close()

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    (tmp_path / "s.toml").write_text("".join(
        f'[[sources]]\nname = "slow{n}"\nkind = "rss"\nurl = "http://127.0.0.1:{port}/{n}"\n'
        for n in range(3)))
    env = {**os.environ, "DIPLOWATCH_DB": str(tmp_path / "d.db"),
           "DIPLOWATCH_SOURCES": str(tmp_path / "s.toml"), "DIPLOWATCH_LOG_LEVEL": "INFO",
           "DIPLOWATCH_ALLOW_PRIVATE_NETWORKS": "1"}
    env.pop("DIPLOWATCH_TELEGRAM_TOKEN", None)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "diplowatch", "run", cwd=tmp_path, env=env,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    try:
        line = await asyncio.wait_for(proc.stderr.readline(), timeout=60)
        assert b"monitor started" in line
        await asyncio.sleep(1.5)  # the first polls are in flight, waiting on the server
        proc.send_signal(getattr(signal, signal_name))
        _, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    finally:
        if proc.returncode is None:
            proc.kill()
        server.close()
        for writer in writers:  # an open server-side socket warns when the loop closes
            writer.close()
        await asyncio.sleep(0)
    assert b"Traceback" not in err and b"CancelledError" not in err, err.decode()
    # Ctrl-C: 130, as a shell expects; SIGTERM ends the console chat by its default action
    assert proc.returncode == (130 if signal_name == "SIGINT" else -15), proc.returncode
