"""Checks of setting values shared by the environment settings (bot/settings.py) and the tenants file
(bot/tenants.py): the same value must be accepted or refused with the same words in both places."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

QUIET_HOURS = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")
E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {value!r}") from exc
    return value


def quiet_hours(value: str) -> str:
    if value.strip() and not QUIET_HOURS.match(value.strip()):
        raise ValueError("must look like 21:00-09:00 (or be empty for none)")
    return value.strip()


def sms_number(value: str | None) -> str | None:
    if value is not None and not E164.match(value):
        raise ValueError("must be an E.164 number such as +3197010000001")
    return value


def whatsapp_number(value: str | None) -> str | None:
    if value is not None and not (value.startswith("whatsapp:") and E164.match(value[9:])):
        raise ValueError("must look like whatsapp:+3197010000002")
    return value
