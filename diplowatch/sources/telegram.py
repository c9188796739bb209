"""Public Telegram channel web previews (``t.me/s/<channel>`` layout) → statements. Pure.

Statements come out in ascending post id order (oldest first, newest last). Service messages
("channel photo updated", pinned notices) are skipped but their ids count for paging. Posts with
only media are kept with empty title and text, so the post id sequence has no holes. A post's
title is the first line of its text, shortened.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from diplowatch.models import SourceError, Statement
from diplowatch.sources.dates import parse_date
from diplowatch.sources.identity import http_url
from diplowatch.sources.plaintext import node_text, one_line, parse_html
from diplowatch.sources.stand_ins import capped, explain

MAX_POSTS = 500
TITLE_CHARS = 100
_FORWARD_PREFIXES = ("Forwarded from", "Переслано от", "Переслано від")


@dataclass
class ParsedChannel:
    statements: list[Statement]  # ascending post id: newest last
    post_ids: list[int] = field(default_factory=list)  # every message on the page, ascending
    before: int | None = None  # cursor for the next older page (?before=)
    title: str = ""
    channel: str | None = None  # as in data-post, lowercased
    notice: str = ""


def parse(
    data: bytes,
    *,
    source: str,
    base_url: str,
    lang: str | None = None,
    content_type: str | None = None,
) -> ParsedChannel:
    """Posts of one channel preview page; SourceError if the page has no public preview."""
    tree = parse_html(data, content_type=content_type)
    history = tree.css_first(".tgme_channel_history")
    if history is None:
        raise SourceError(
            explain(data, content_type=content_type, base_url=base_url, wanted="channel preview")
            or no_preview_reason(tree, base_url)
        )
    posts: dict[int, Statement | None] = {}
    channel = None
    messages = history.css(".tgme_widget_message[data-post]")
    for node in messages[-MAX_POSTS:]:  # page order is oldest first: keep the newest
        ident = _post_ident(node.attributes.get("data-post"))
        if ident is None:
            continue
        channel, post_id = ident
        posts[post_id] = (
            None if _is_service(node) else _post(node, channel, post_id, source, base_url, lang)
        )
    ids = sorted(posts)
    return ParsedChannel(
        statements=[st for pid in ids if (st := posts[pid]) is not None],
        post_ids=ids,
        before=_before_cursor(tree),
        title=_channel_title(tree),
        channel=channel,
        notice=capped(len(messages), MAX_POSTS, "channel page"),
    )


def _post_ident(value: str | None) -> tuple[str, int] | None:
    channel, _, number = (value or "").strip().rpartition("/")
    if not channel or not (number.isascii() and number.isdigit()) or len(number) > 12:
        return None
    return channel.lower(), int(number)


def _is_service(node: LexborNode) -> bool:
    return "service_message" in (node.attributes.get("class") or "").split()


def _post(
    node: LexborNode, channel: str, post_id: int, source: str, base_url: str, lang: str | None
) -> Statement:
    text = node_text(_text_node(node))
    first_line = text.split("\n", 1)[0]
    stamp = node.css_first("a.tgme_widget_message_date time[datetime]") or node.css_first(
        "time[datetime]"
    )
    link = node.css_first("a.tgme_widget_message_date")
    return Statement(
        source=source,
        key=f"post:{channel}/{post_id}",
        url=http_url(link.attributes.get("href") if link else None, base_url),
        title=_shorten(first_line),
        text=text,
        lang=lang,
        published_at=parse_date(stamp.attributes.get("datetime")) if stamp else None,
        forwarded_from=_forwarded_from(node),
    )


def _text_node(node: LexborNode) -> LexborNode | None:
    """The post's own text, not the quoted text of the message it replies to."""
    for candidate in node.css(".tgme_widget_message_text"):
        if not _inside_reply(candidate, node):
            return candidate
    return None


def _inside_reply(candidate: LexborNode, post: LexborNode) -> bool:
    parent = candidate.parent
    while parent is not None and parent.mem_id != post.mem_id:
        if "tgme_widget_message_reply" in (parent.attributes.get("class") or "").split():
            return True
        parent = parent.parent
    return False


def _forwarded_from(node: LexborNode) -> str | None:
    name = node.css_first(".tgme_widget_message_forwarded_from_name")
    if name is None:
        name = node.css_first(".tgme_widget_message_forwarded_from")
    if name is None:
        return None
    text = one_line(node_text(name), limit=200)
    for prefix in _FORWARD_PREFIXES:
        text = text.removeprefix(prefix).strip()
    return text or None


def _shorten(line: str) -> str:
    line = one_line(line, limit=TITLE_CHARS + 1)
    if len(line) <= TITLE_CHARS:
        return line
    return line[: TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"


def _before_cursor(tree: LexborHTMLParser) -> int | None:
    """The "more" link's cursor; None when the page has none (it holds the oldest posts)."""
    more = tree.css_first("a.tme_messages_more[data-before]")
    value = (more.attributes.get("data-before") or "") if more else ""
    if value.isascii() and value.isdigit() and len(value) <= 12:
        return int(value)
    return None


def _channel_title(tree: LexborHTMLParser) -> str:
    node = tree.css_first(".tgme_channel_info_header_title")
    if node is not None:
        return one_line(node_text(node), limit=300)
    meta = tree.css_first('meta[property="og:title"]')
    return one_line(meta.attributes.get("content") or "", limit=300) if meta else ""


def no_preview_reason(tree: LexborHTMLParser, base_url: str) -> str:
    """Why a t.me page shows no posts, and what to do, told apart by the page's shape.

    t.me answers every name with a profile page: an unused name has no title, a bot offers to be
    launched, a group counts members, a channel subscribers; a channel whose page links to its
    preview was given without ``/s/``.
    """
    name = _page_username(tree)
    title = tree.css_first("title")
    heading = node_text(title) if title is not None else ""
    extra = " ".join(node_text(node) for node in tree.css(".tgme_page_extra"))
    preview = tree.css_first('a.tgme_page_context_link[href*="/s/"]')
    if preview is not None and (url := http_url(preview.attributes.get("href"), base_url)):
        return f"this is the profile page of {name}, not its preview: set the URL to {url}"
    if tree.css_first(".tgme_page") is not None and tree.css_first(".tgme_page_title") is None:
        return f"no Telegram account is named {name}: check the channel name in the URL"
    if "Launch @" in heading or "monthly users" in extra:
        return f"{name} is a bot, not a channel: bots publish nothing; add the channel it posts to"
    if "members" in extra:
        return (f"{name} is a group, not a channel: groups have no public web preview; "
                "add a channel or site that publishes the same statements")
    if "subscribers" in extra:
        return (f"channel {name} has no public web preview (its owner has turned it off or it is "
                "restricted): add the statements' other source, such as the site or a feed")
    if "Contact @" in heading:
        return (f"{name} is a person's account, not a channel: only channels have a public web "
                "preview; add the channel this person publishes in")
    return "not a Telegram channel preview page: the URL should look like https://t.me/s/<channel>"


def _page_username(tree: LexborHTMLParser) -> str:
    for node in tree.css('a[href^="tg://resolve?domain="]'):
        domain = (node.attributes.get("href") or "").partition("domain=")[2].partition("&")[0]
        if domain and domain.isascii() and len(domain) <= 64:
            return f"@{domain}"
    return "this name"
