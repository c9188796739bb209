"""Fake public channel previews in the t.me/s layout, with the "more" link for paging."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime, timedelta


def render_channel_page(
    channel: str,
    posts: list[tuple[int, str]],
    *,
    title: str = "Channel",
    posted_at: Callable[[int], datetime] = lambda i: (
        datetime(2026, 11, 1, tzinfo=UTC) + timedelta(minutes=i)
    ),
    more: bool = True,
) -> bytes:
    """A channel preview page in the t.me/s layout; ``\\n`` in a post's text becomes <br/>.
    ``more``: the "more" link to older posts, which t.me leaves out on the oldest page."""
    link = ""
    if posts and more:
        oldest = min(i for i, _ in posts)
        link = f'<a class="tme_messages_more js-messages_more" data-before="{oldest}" href="/s/{channel}?before={oldest}"></a>'
    items = "\n".join(_render_post(channel, i, text, posted_at(i)) for i, text in posts)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><main class="tgme_main">'
        f'<div class="tgme_channel_info_header_title"><span dir="auto">{html.escape(title)}</span></div>'
        f'<section class="tgme_channel_history js-message_history">{link}\n{items}</section>'
        "</main></body></html>"
    ).encode()


def _render_post(channel: str, post_id: int, text: str, when: datetime) -> str:
    body = "<br/>".join(html.escape(line) for line in text.split("\n"))
    return (
        '<div class="tgme_widget_message_wrap js-widget_message_wrap">'
        f'<div class="tgme_widget_message js-widget_message" data-post="{channel}/{post_id}">'
        f'<div class="tgme_widget_message_text js-message_text" dir="auto">{body}</div>'
        f'<span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/{channel}/{post_id}">'
        f'<time datetime="{when.isoformat()}" class="time"></time></a></span></div></div>'
    )
