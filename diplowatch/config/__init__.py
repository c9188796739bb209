"""Configuration: settings from the environment (settings.py) and the sources file
(sources_file.py); ConfigError carries a fix-it message."""

from diplowatch.config.errors import ConfigError
from diplowatch.config.secrets import TOKEN_RE, redact
from diplowatch.config.settings import ENV_VARS, Settings, load_settings
from diplowatch.config.sources_file import (
    HTML_SELECTORS,
    default_sources_text,
    load_sources,
    parse_interval,
    parse_sources,
    source_from_dict,
)

__all__ = [
    "ENV_VARS",
    "HTML_SELECTORS",
    "TOKEN_RE",
    "ConfigError",
    "Settings",
    "default_sources_text",
    "load_settings",
    "load_sources",
    "parse_interval",
    "parse_sources",
    "redact",
    "source_from_dict",
]
