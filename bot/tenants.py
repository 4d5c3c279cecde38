"""Tenants: several municipalities served by one deployment, each with its own front door.

A tenant has its own Telegram bot (token and webhook secret), its own Twilio account and numbers, its
neighbourhoods (a municipality data file), a name that signs its texts ("Voordeur Beekdal"), its time
zone and quiet hours. Inbound messages are routed to a tenant by what received them (the webhook secret
of the bot, the Twilio number they were sent to); everything stored carries the tenant's key, and
nothing is looked up across tenants.

Without `VOORDEUR_TENANTS_FILE` there is exactly one tenant, `default`, built from the contract's
environment variables, so a single-municipality deployment behaves as it always did. With the file,
each `[tenants.<key>]` table is a tenant; the contract's channel variables, when set, still form the
tenant `default` next to them (the file may then not define `default` itself).

A secret in the file may be written `env:NAME`: the value of environment variable NAME, so tokens need
not sit in the file. Mistakes stop start-up with one line naming the tenant and the field.

The registry is process-wide configuration, like the settings: the runtime installs it (`install`), and
code far from the runtime (the matchmaker, a scheduled text) asks `current()`. A key the registry does
not know (rows of a tenant removed from the file) reads as a tenant with default texts and no channels:
nothing can be sent for it, and nothing crosses to another tenant.
"""

from __future__ import annotations

import hmac
import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot import checks
from bot.delivery.quiet_hours import QuietHours
from flows import places

if TYPE_CHECKING:
    from bot.settings import Settings

DEFAULT = "default"
DEFAULT_NAME = "Voordeur"
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_ENV_REF = "env:"


class TenantError(ValueError):
    """A tenant is configured wrongly; the message names the tenant and the field in one line."""


def _resolve(value: Any, what: str) -> Any:
    """`env:NAME` is the value of the environment variable NAME (so a token need not sit in the file)."""
    if isinstance(value, str) and value.startswith(_ENV_REF):
        name = value[len(_ENV_REF) :]
        found = os.environ.get(name, "")
        if not found.strip():
            raise ValueError(f"{what}: environment variable {name} is not set")
        return found.strip()
    return value


class TelegramConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    bot_token: str = Field(min_length=1)
    webhook_secret: str = Field(min_length=1)

    @field_validator("bot_token", "webhook_secret", mode="before")
    @classmethod
    def _env(cls, value: Any) -> Any:
        return _resolve(value, "value")


class TwilioConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    account_sid: str = Field(min_length=1)
    auth_token: str = Field(min_length=1)
    sms_number: str | None = None
    whatsapp_number: str | None = None

    @field_validator("account_sid", "auth_token", "sms_number", "whatsapp_number", mode="before")
    @classmethod
    def _env(cls, value: Any) -> Any:
        value = _resolve(value, "value")
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("sms_number")
    @classmethod
    def _sms(cls, value: str | None) -> str | None:
        return checks.sms_number(value)

    @field_validator("whatsapp_number")
    @classmethod
    def _whatsapp(cls, value: str | None) -> str | None:
        return checks.whatsapp_number(value)

    @model_validator(mode="after")
    def _a_number(self) -> TwilioConfig:
        if not (self.sms_number or self.whatsapp_number):
            raise ValueError("sms_number or whatsapp_number is required")
        return self


class Tenant(BaseModel):
    """One municipality's front door. `municipality` is the key inside its data file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    name: str = DEFAULT_NAME
    municipality: str = places.DEFAULT_MUNICIPALITY
    timezone: str = "Europe/Amsterdam"
    quiet_hours: str = "21:00-09:00"
    # A buurtverbinder gives their akkoord on every new request before volunteers are asked
    # (bot/effects/review.py).
    review_requests: bool = False
    telegram: TelegramConfig | None = None
    twilio: TwilioConfig | None = None

    @field_validator("key")
    @classmethod
    def _key(cls, value: str) -> str:
        if not _KEY.match(value):
            raise ValueError("must be lowercase letters, digits and _ (at most 32), starting with a letter")
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not value.strip() or len(value) > 60:
            raise ValueError("must be 1-60 characters")
        return value.strip()

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        return checks.timezone(value)

    @field_validator("quiet_hours")
    @classmethod
    def _quiet(cls, value: str) -> str:
        return checks.quiet_hours(value)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def quiet(self) -> QuietHours | None:
        if not self.quiet_hours:
            return None
        start, end = self.quiet_hours.split("-")
        return QuietHours(time.fromisoformat(start), time.fromisoformat(end), self.zone)

    @property
    def twilio_numbers(self) -> tuple[str, ...]:
        """The addresses Twilio posts as `To` for this tenant: the SMS number and the whatsapp: one."""
        if self.twilio is None:
            return ()
        return tuple(n for n in (self.twilio.sms_number, self.twilio.whatsapp_number) if n)

    def channels(self) -> list[str]:
        found = ["telegram"] if self.telegram else []
        if self.twilio is not None and self.twilio.sms_number:
            found.append("sms")
        if self.twilio is not None and self.twilio.whatsapp_number:
            found.append("whatsapp")
        return found


@dataclass(frozen=True)
class Tenants:
    """The tenants of this deployment, by key, with the look-ups inbound routing needs."""

    by_key: Mapping[str, Tenant]

    def __post_init__(self) -> None:
        _check_unique(self.by_key.values())

    def __iter__(self) -> Iterator[Tenant]:
        return iter(self.by_key.values())

    def __len__(self) -> int:
        return len(self.by_key)

    def __contains__(self, key: object) -> bool:
        return key in self.by_key

    def keys(self) -> list[str]:
        return list(self.by_key)

    def get(self, key: str) -> Tenant:
        """The tenant `key`; an unknown key reads as default texts without channels (see module doc)."""
        found = self.by_key.get(key)
        return found if found is not None else Tenant(key=key if _KEY.match(key) else DEFAULT)

    def by_telegram_secret(self, given: str) -> Tenant | None:
        """The tenant whose webhook secret equals `given`, compared in constant time against every
        tenant's secret (no early exit, so the timing does not tell which tenant nearly matched)."""
        found = None
        for tenant in self:
            if tenant.telegram is not None and hmac.compare_digest(
                given.encode(), tenant.telegram.webhook_secret.encode()
            ):
                found = tenant
        return found

    def by_twilio_number(self, to: str) -> Tenant | None:
        """The tenant that owns the number a message was sent to (`+31...` or `whatsapp:+31...`)."""
        for tenant in self:
            if to and to in tenant.twilio_numbers:
                return tenant
        return None

    def by_account_sid(self, account_sid: str) -> list[Tenant]:
        return [t for t in self if t.twilio is not None and t.twilio.account_sid == account_sid]

    def municipality_for(self, key: str) -> places.Municipality:
        return places.load_municipality(self.get(key).municipality)

    def secrets(self) -> list[str]:
        """Every token and secret, for the operator's redactor."""
        found: list[str] = []
        for tenant in self:
            if tenant.telegram is not None:
                token = tenant.telegram.bot_token
                found += [token, token.split(":", 1)[-1], tenant.telegram.webhook_secret]
            if tenant.twilio is not None:
                found.append(tenant.twilio.auth_token)
        return found


def _check_unique(tenants: Iterable[Tenant]) -> None:
    """Two tenants may not share a number, a bot token or a webhook secret: routing would be a guess."""
    seen: dict[tuple[str, str], str] = {}

    def claim(kind: str, field: str, value: str | None, tenant: Tenant) -> None:
        if not value:
            return
        other = seen.setdefault((kind, value), tenant.key)
        if other != tenant.key:
            raise TenantError(f"tenant {tenant.key!r} {field}: already used by tenant {other!r}")

    for tenant in tenants:
        if tenant.telegram is not None:
            claim("token", "telegram.bot_token", tenant.telegram.bot_token, tenant)
            claim("secret", "telegram.webhook_secret", tenant.telegram.webhook_secret, tenant)
        if tenant.twilio is not None:
            claim("number", "twilio.sms_number", tenant.twilio.sms_number, tenant)
            claim("number", "twilio.whatsapp_number", tenant.twilio.whatsapp_number, tenant)


def from_settings(settings: Settings) -> Tenant | None:
    """The tenant `default` from the contract's environment variables (None: no channel is set)."""
    telegram = (
        TelegramConfig(bot_token=settings.telegram_bot_token, webhook_secret=settings.telegram_webhook_secret)
        if settings.telegram_bot_token and settings.telegram_webhook_secret
        else None
    )
    twilio = (
        TwilioConfig(
            account_sid=settings.twilio_account_sid,
            auth_token=settings.twilio_auth_token,
            sms_number=settings.twilio_sms_number,
            whatsapp_number=settings.twilio_whatsapp_number,
        )
        if settings.twilio_enabled and settings.twilio_account_sid and settings.twilio_auth_token
        else None
    )
    if (
        telegram is None
        and twilio is None
        and settings.voordeur_tenants_file
        and not settings.voordeur_simulator
    ):
        return None
    return Tenant(
        key=DEFAULT,
        timezone=settings.voordeur_timezone,
        quiet_hours=settings.voordeur_quiet_hours,
        telegram=telegram,
        twilio=twilio,
    )


def load(settings: Settings) -> Tenants:
    """The deployment's tenants: the file's (if set) and `default` from the environment. Raises
    TenantError with one line naming the tenant and field."""
    tenants: dict[str, Tenant] = {}
    if settings.voordeur_tenants_file:
        tenants.update(load_file(Path(settings.voordeur_tenants_file)))
    default = from_settings(settings)
    if default is not None:
        if DEFAULT in tenants:
            raise TenantError(
                "tenant 'default': defined in the file while the contract's channel variables "
                "(TELEGRAM_*, TWILIO_*) also form it; use another key or unset them"
            )
        tenants = {DEFAULT: default, **tenants}
    if not tenants:
        raise TenantError("the file defines no [tenants.<key>] table")
    return Tenants(tenants)


def load_file(path: Path) -> dict[str, Tenant]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise TenantError(f"cannot read {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise TenantError(f"{path.name} is not valid TOML: {exc}") from None
    unknown = set(data) - {"tenants"}
    if unknown:
        raise TenantError(f"{path.name}: unknown top-level key {sorted(unknown)[0]!r} (only [tenants.<key>])")
    tables = data.get("tenants", {})
    tenants: dict[str, Tenant] = {}
    for key, table in tables.items():
        if not isinstance(table, dict):
            raise TenantError(f"tenant {key!r}: must be a table [tenants.{key}]")
        tenants[key] = _tenant(key, dict(table), path.parent)
    _check_unique(tenants.values())
    return tenants


def _tenant(key: str, table: dict[str, Any], folder: Path) -> Tenant:
    data_file = table.pop("municipality_file", None)
    if "municipality" in table:
        raise TenantError(f'tenant {key!r} municipality: write municipality_file = "<data file>.toml"')
    try:
        municipality = _municipality(Path(str(data_file)), folder) if data_file else None
    except (OSError, ValueError, KeyError, tomllib.TOMLDecodeError) as exc:
        raise TenantError(f"tenant {key!r} municipality_file: {exc}") from None
    if municipality is not None:
        table["municipality"] = municipality.key
    try:
        return Tenant(key=key, **table)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error.get("loc", ())) or "?"
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        raise TenantError(f"tenant {key!r} {field}: {message}") from None


def _municipality(path: Path, folder: Path) -> places.Municipality:
    """A data file path is relative to the tenants file; a bare name may also be one in flows/data."""
    if not path.is_absolute() and (folder / path).exists():
        path = folder / path
    return places.load_municipality_file(path)


# --- the process-wide registry ----------------------------------------------------------------------------

_current = Tenants({DEFAULT: Tenant(key=DEFAULT)})


def install(tenants: Tenants) -> None:
    """Make `tenants` this process's registry (the runtime does, at start)."""
    global _current
    _current = tenants


def current() -> Tenants:
    return _current


@contextmanager
def installed(tenants: Tenants) -> Iterator[Tenants]:
    """`install` for a block, restoring the previous registry afterwards (tests)."""
    previous = _current
    install(tenants)
    try:
        yield tenants
    finally:
        install(previous)
