"""ConfigError: a configuration problem, with what to do about it in its message."""


class ConfigError(Exception):
    """A configuration problem; the message says what and how to fix it."""
