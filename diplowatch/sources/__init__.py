"""Sources: fetching (fetch.py), pure parsers (rss, telegram, html), polling (poll.py)."""

from diplowatch.sources.budget import (
    POOL_PARSER,
    InlineParser,
    ParseRunner,
    PoolParser,
    close_parse_pool,
    parse_in_budget,
)
from diplowatch.sources.fetch import Fetcher, FetchResult, make_client
from diplowatch.sources.fetch_errors import FetchError
from diplowatch.sources.fetched import Fetched
from diplowatch.sources.poll import fetch_source, read_fetched

__all__ = [
    "POOL_PARSER",
    "InlineParser",
    "ParseRunner",
    "PoolParser",
    "Fetched",
    "FetchError",
    "FetchResult",
    "Fetcher",
    "close_parse_pool",
    "fetch_source",
    "make_client",
    "parse_in_budget",
    "read_fetched",
]
