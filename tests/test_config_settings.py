"""Settings: every bad environment value stops start-up with one message naming the variable."""

from pathlib import Path

import pytest

from diplowatch.config import ConfigError, load_settings
from diplowatch.models import AlertPolicy


def test_defaults():
    s = load_settings({})
    assert s.token is None and s.send_rate == 25 and not s.allow_private
    assert s.db_path == Path("./diplowatch.db") and s.admin_ids == frozenset()


def test_values():
    s = load_settings({
        "DIPLOWATCH_TELEGRAM_TOKEN": "123:abc", "DIPLOWATCH_ADMIN_IDS": "12, 34",
        "DIPLOWATCH_ALLOW_PRIVATE_NETWORKS": "1", "DIPLOWATCH_SEND_RATE": "10",
        "DIPLOWATCH_LOG_LEVEL": "debug", "DIPLOWATCH_TELEGRAM_API_URL": "http://127.0.0.1:1/bot",
    })
    assert s.admin_ids == {12, 34} and s.allow_private and s.send_rate == 10
    assert s.log_level == "DEBUG" and s.api_url == "http://127.0.0.1:1/bot"


@pytest.mark.parametrize(("name", "value", "says"), [
    ("DIPLOWATCH_ADMIN_IDS", "12,@alice", "is not a numeric Telegram user id"),
    ("DIPLOWATCH_SEND_RATE", "fast", "messages per second"),
    ("DIPLOWATCH_SEND_RATE", "0", "above 0 and at most 1000"),
    ("DIPLOWATCH_ALLOW_PRIVATE_NETWORKS", "maybe", "must be 1 or 0"),
    ("DIPLOWATCH_LOG_LEVEL", "LOUD", "is not a logging level"),
    ("DIPLOWATCH_TELEGRAM_API_URL", "ftp://x", "is not an http(s) URL"),
    ("DIPLOWATCH_SOURCES", "/nonexistent/sources.toml", "no such file"),
    ("DIPLOWATCH_ALERT_CONFIDENCE", "1.5", "must be a number from 0 to 1"),
    ("DIPLOWATCH_ALERT_CONFIDENCE", "high", "must be a number from 0 to 1"),
    ("DIPLOWATCH_HOLD_MAX", "soon", "must be a duration like 30m"),
    ("DIPLOWATCH_PAID_BROADCAST", "pay", "must be 1 or 0"),
])
def test_bad_env_names_variable(name, value, says):
    with pytest.raises(ConfigError) as exc:
        load_settings({name: value})
    assert name in str(exc.value) and says in str(exc.value)


@pytest.mark.parametrize(("value", "expected"), [
    ("on", True), ("ON", True), ("yes", True), ("True", True), ("1", True),
    ("off", False), ("no", False), ("FALSE", False), ("0", False), ("", False),
])
def test_one_boolean_parser_for_every_flag(value, expected):
    assert load_settings({"DIPLOWATCH_ALLOW_PRIVATE_NETWORKS": value}).allow_private is expected


def test_alert_policy_from_the_environment():
    assert load_settings({}).alert_policy == AlertPolicy(0.8, 6 * 3600)
    policy = load_settings({"DIPLOWATCH_ALERT_CONFIDENCE": "0.9", "DIPLOWATCH_HOLD_MAX": "30m"}).alert_policy
    assert policy == AlertPolicy(0.9, 1800)


def test_paid_broadcasts_are_off_by_default_and_raise_the_default_rate():
    assert load_settings({}).paid_broadcast is False
    paid = load_settings({"DIPLOWATCH_PAID_BROADCAST": "1"})
    assert paid.paid_broadcast and paid.send_rate == 1000  # Telegram's paid limit
    chosen = load_settings({"DIPLOWATCH_PAID_BROADCAST": "on", "DIPLOWATCH_SEND_RATE": "300"})
    assert chosen.paid_broadcast and chosen.send_rate == 300  # a rate set stays the rate
    with pytest.raises(ConfigError, match="at most 1000"):
        load_settings({"DIPLOWATCH_PAID_BROADCAST": "1", "DIPLOWATCH_SEND_RATE": "1001"})
