"""The sources file: every bad entry stops start-up with one message naming the file line."""

import pytest

from diplowatch.config import ConfigError, load_sources, parse_interval, parse_sources

GOOD = """
[[sources]]
name = "pushilin"
kind = "telegram"
url = "https://t.me/s/pushilindenis"
interval = "5m"
official = true

[[sources]]
name = "mfa"
kind = "html"
url = "https://example.org/press"
item = "article"
link = "a"
"""


def test_sources_parse():
    sources = parse_sources(GOOD, origin="s.toml")
    assert [s.name for s in sources] == ["pushilin", "mfa"]
    assert sources[0].interval == 300 and sources[0].official
    assert sources[1].selectors == {"item": "article", "link": "a"}
    assert sources[0].selectors == {} and sources[0].title == "pushilin"


def test_html_title_is_a_selector_not_a_display_title():
    [src] = parse_sources('[[sources]]\nname = "m"\nkind = "html"\nurl = "https://e.example"\n'
                          'item = "li"\ntitle = "h3"', origin="f")
    assert src.selectors == {"item": "li", "title": "h3"} and src.title == "m"


@pytest.mark.parametrize(("text", "says"), [
    ("[[sources]\nname = 'x'", "line 1"),
    ('[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://a.example/f"\ninterval = "10s"',
     "(line 1): interval '10s' is below the floor of 1m"),
    ('[[sources]]\nname = "a"\nkind = "atom"\nurl = "https://a.example/f"', "kind 'atom' must be one of"),
    ('[[sources]]\nname = "a"\nkind = "rss"\nurl = "file:///etc/passwd"', "must be an http(s) URL"),
    ('[[sources]]\nname = "A B"\nkind = "rss"\nurl = "https://a.example"', "must be a slug"),
    ('[[sources]]\nname = "a"\nkind = "html"\nurl = "https://a.example"', "needs an 'item' CSS selector"),
    ('[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://a.example"\nurll = "x"', "unknown key(s) urll"),
    ('\n\n[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://a.example"\n'
     '[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://b.example"', "#2 (line 7): name 'a' is used twice"),
    ("sources = 3", "must be an array of tables"),
    # a typo in the table name used to give "No sources." silently
    ('[[source]]\nname = "a"\nkind = "rss"\nurl = "https://a.example"',
     "unknown table or key 'source' (did you mean [[sources]]?)"),
    ('interval = "5m"\n[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://a.example"',
     "unknown table or key 'interval'"),
    ('[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://a.example"\nofficial = "false"',
     "official = 'false' must be true or false, without quotes"),
    ('[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://a.example"\nfetch_pages = 1',
     "fetch_pages = 1 must be true or false"),
])
def test_bad_sources_file_says_where_and_how(text, says):
    with pytest.raises(ConfigError) as exc:
        parse_sources(text, origin="my.toml")
    assert str(exc.value).startswith("my.toml") and says in str(exc.value)


def test_unreadable_sources_file(tmp_path):
    path = tmp_path / "s.toml"
    path.write_bytes(b"\xff\xfe garbage")
    with pytest.raises(ConfigError, match="cannot read the sources file"):
        load_sources(path)


def test_bundled_sources_load():
    assert load_sources(None)


@pytest.mark.parametrize(("value", "seconds"), [("90s", 90), ("5m", 300), ("2h", 7200), (120, 120)])
def test_interval(value, seconds):
    assert parse_interval(value) == seconds


def test_source_state_is_a_code_or_an_entity():
    toml = '[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://a.example/"\nstate = "{}"\n'
    assert parse_sources(toml.format("kp"), origin="s.toml")[0].state == "KP"
    assert parse_sources(toml.format("donetsk-pr"), origin="s.toml")[0].state == "donetsk-pr"
    with pytest.raises(ConfigError, match="name the government the source speaks for"):
        parse_sources(toml.format("Narnia"), origin="s.toml")
