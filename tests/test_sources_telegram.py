"""telegram.parse on channel preview pages. Pure, in memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplowatch.models import SourceError
from diplowatch.sources import telegram
from tests.fakes.feed_server import render_channel_page

PAGES = Path(__file__).parent / "data" / "telegram"
BASE = "https://t.me/s/chan"


def parse(data: bytes) -> telegram.ParsedChannel:
    return telegram.parse(data, source="chan", base_url=BASE)


def test_page_without_history_has_no_preview() -> None:
    with pytest.raises(SourceError) as refused:
        parse((PAGES / "no_preview.html").read_bytes())
    assert str(refused.value) == (
        "channel @closed_channel_example has no public web preview (its owner has turned it off"
        " or it is restricted): add the statements' other source, such as the site or a feed"
    )


def test_a_page_that_is_no_telegram_page_says_what_the_url_should_be() -> None:
    with pytest.raises(SourceError) as refused:
        parse(b"<html><body><h1>Welcome to nginx!</h1></body></html>")
    assert str(refused.value) == (
        "not a Telegram channel preview page: the URL should look like https://t.me/s/<channel>"
    )


def test_edited_post_keeps_its_key_and_changes_its_hash() -> None:
    (before,) = parse(render_channel_page("chan", [(7, "Первоначальный текст")])).statements
    (after,) = parse(render_channel_page("chan", [(7, "Исправленный текст")])).statements
    assert before.key == after.key == "post:chan/7"
    assert before.content_hash != after.content_hash


def test_posts_come_out_oldest_first_whatever_the_page_order() -> None:
    page = parse(render_channel_page("Chan", [(12, "c"), (10, "a"), (11, "b")]))
    assert [st.key for st in page.statements] == ["post:chan/10", "post:chan/11", "post:chan/12"]
    assert page.post_ids == [10, 11, 12]
    assert page.channel == "chan"


def test_a_page_without_a_more_link_has_no_cursor() -> None:
    # t.me leaves the link out on the page holding a channel's oldest posts
    page = render_channel_page("chan", [(40, "x"), (41, "y")]).replace(
        b"tme_messages_more", b"other"
    )
    assert parse(page).before is None
    assert parse(render_channel_page("chan", [(40, "x"), (41, "y")])).before == 40


def test_empty_history() -> None:
    page = parse(render_channel_page("chan", []))
    assert (page.statements, page.post_ids, page.before) == ([], [], None)


def test_escaped_ampersands_in_links_are_unescaped() -> None:
    page = render_channel_page("chan", [(5, "text")]).replace(
        b'href="https://t.me/chan/5"', b'href="https://mirror.example/chan/5?single&amp;embed=1"'
    )
    assert parse(page).statements[0].url == "https://mirror.example/chan/5?single&embed=1"


def test_relative_permalink_is_made_absolute() -> None:
    page = render_channel_page("chan", [(5, "text")]).replace(
        b'href="https://t.me/chan/5"', b'href="/chan/5"'
    )
    assert parse(page).statements[0].url == "https://t.me/chan/5"


def test_line_breaks_and_long_titles() -> None:
    text = "Первая строка " + "очень " * 40 + "длинная\nВторая строка"
    statement = parse(render_channel_page("chan", [(1, text)])).statements[0]
    assert statement.text.split("\n")[1] == "Вторая строка"
    assert len(statement.title) <= telegram.TITLE_CHARS
    assert statement.title.endswith("…")


def test_malformed_post_ids_are_skipped() -> None:
    page = render_channel_page("chan", [(3, "ok")]).replace(
        b'js-message_history">',
        b'js-message_history"><div class="tgme_widget_message" data-post="chan/abc">bad</div>',
    )
    assert parse(page).post_ids == [3]
