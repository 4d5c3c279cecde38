"""Settings: defaults from the contract, and a wrong setting is one clear line that names it."""

from __future__ import annotations

from datetime import time

import pytest

from bot.settings import SettingsError, load_settings


def settings(**values: object) -> object:
    return load_settings(_env_file=None, **values)


def test_defaults_match_the_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "DATABASE_URL",
        "VOORDEUR_TIMEZONE",
        "VOORDEUR_QUIET_HOURS",
        "TELEGRAM_BOT_TOKEN",
        "TWILIO_ACCOUNT_SID",
        "TWILIO_AUTH_TOKEN",
        "TELEGRAM_API_BASE_URL",
        "TWILIO_API_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    loaded = load_settings(_env_file=None)
    assert loaded.database_url == "sqlite:///voordeur.db"
    assert loaded.voordeur_timezone == "Europe/Amsterdam"
    assert loaded.quiet_hours == (time(21, 0), time(9, 0))
    assert loaded.telegram_api_base_url == "https://api.telegram.org/bot"
    assert loaded.twilio_api_base_url == "https://api.twilio.com"
    assert loaded.enabled_channels() == [] and loaded.voordeur_retention_months == 12


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({"VOORDEUR_TIMEZONE": "Mars/Olympus"}, "VOORDEUR_TIMEZONE"),
        ({"VOORDEUR_QUIET_HOURS": "9pm-9am"}, "VOORDEUR_QUIET_HOURS"),
        ({"TELEGRAM_BOT_TOKEN": "123:abc"}, "TELEGRAM_WEBHOOK_SECRET"),
        ({"TWILIO_ACCOUNT_SID": "AC1"}, "TWILIO_AUTH_TOKEN"),
        ({"TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "t"}, "TWILIO_SMS_NUMBER"),
        (
            {"TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "t", "TWILIO_SMS_NUMBER": "+3197010000001"},
            "PUBLIC_BASE_URL",
        ),
        ({"TWILIO_SMS_NUMBER": "0612345678"}, "TWILIO_SMS_NUMBER"),
        ({"TWILIO_WHATSAPP_NUMBER": "+3197010000002"}, "TWILIO_WHATSAPP_NUMBER"),
        ({"PUBLIC_BASE_URL": "voordeur.example.nl"}, "PUBLIC_BASE_URL"),
        ({"VOORDEUR_RETENTION_MONTHS": "0"}, "VOORDEUR_RETENTION_MONTHS"),
    ],
)
def test_a_wrong_setting_is_one_line_naming_it(values: dict[str, object], named: str) -> None:
    with pytest.raises(SettingsError) as raised:
        settings(**values)
    message = str(raised.value)
    assert named in message and "\n" not in message


def test_empty_values_mean_unset_and_channels_follow_credentials() -> None:
    loaded = load_settings(
        _env_file=None,
        TELEGRAM_BOT_TOKEN="",
        TWILIO_ACCOUNT_SID="AC1",
        TWILIO_AUTH_TOKEN="t",
        TWILIO_SMS_NUMBER="+3197010000001",
        TWILIO_WHATSAPP_NUMBER="",
        PUBLIC_BASE_URL="https://voordeur.example.nl/",
        VOORDEUR_QUIET_HOURS="",
    )
    assert loaded.enabled_channels() == ["sms"]
    assert loaded.public_base_url == "https://voordeur.example.nl"
    assert loaded.quiet_hours is None
