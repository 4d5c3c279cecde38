"""Settings from the environment or a `.env` file, validated once at start-up.

A wrong or missing setting stops start-up with one line that names it (`SettingsError`), never a
stack trace. A channel whose credentials are absent is simply off.
"""

from __future__ import annotations

from datetime import time
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import Field, PrivateAttr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot import checks
from bot import tenants as tenant_config
from bot.delivery.whatsapp_window import Template, parse_templates


class SettingsError(Exception):
    """A setting is wrong or missing; the message names it in one line."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field("sqlite:///voordeur.db", alias="DATABASE_URL")
    voordeur_timezone: str = Field("Europe/Amsterdam", alias="VOORDEUR_TIMEZONE")
    voordeur_quiet_hours: str = Field("21:00-09:00", alias="VOORDEUR_QUIET_HOURS")
    public_base_url: str | None = Field(None, alias="PUBLIC_BASE_URL")

    telegram_bot_token: str | None = Field(None, alias="TELEGRAM_BOT_TOKEN")
    telegram_webhook_secret: str | None = Field(None, alias="TELEGRAM_WEBHOOK_SECRET")
    telegram_api_base_url: str = Field("https://api.telegram.org/bot", alias="TELEGRAM_API_BASE_URL")

    twilio_account_sid: str | None = Field(None, alias="TWILIO_ACCOUNT_SID")
    twilio_auth_token: str | None = Field(None, alias="TWILIO_AUTH_TOKEN")
    twilio_sms_number: str | None = Field(None, alias="TWILIO_SMS_NUMBER")
    twilio_whatsapp_number: str | None = Field(None, alias="TWILIO_WHATSAPP_NUMBER")
    twilio_api_base_url: str = Field("https://api.twilio.com", alias="TWILIO_API_BASE_URL")
    # Twilio's Content API (`voordeur whatsapp templates sync`); an emulator in tests.
    twilio_content_base_url: str = Field("https://content.twilio.com", alias="TWILIO_CONTENT_BASE_URL")

    # Extensions beyond the contract.
    voordeur_simulator: bool = Field(False, alias="VOORDEUR_SIMULATOR")
    voordeur_log_format: Literal["auto", "json", "text"] = Field("auto", alias="VOORDEUR_LOG_FORMAT")
    # debug adds a line per stored message and per delivered send (ids only): a trail for tracing a
    # conversation, off by default (privacy: who wrote when, outside erasure's reach; and CPU).
    voordeur_log_level: Literal["debug", "info", "warning"] = Field("info", alias="VOORDEUR_LOG_LEVEL")
    voordeur_max_body_bytes: int = Field(64 * 1024, alias="VOORDEUR_MAX_BODY_BYTES")
    voordeur_send_timeout: float = Field(15.0, alias="VOORDEUR_SEND_TIMEOUT")
    # serve and worker run on uvloop's event loop when it is installed (uvicorn[standard] brings it):
    # 9-12 % less CPU a message at half load in bench/README.md's session 28 pairs. asyncio is the fallback.
    voordeur_event_loop: Literal["auto", "uvloop", "asyncio"] = Field("auto", alias="VOORDEUR_EVENT_LOOP")
    # Seconds a worker holds a claimed outbox row: after a kill -9 its sends are settled this long later.
    voordeur_outbox_lease: float = Field(120.0, alias="VOORDEUR_OUTBOX_LEASE", ge=10, le=3600)
    voordeur_sqlite_synchronous: str = Field("FULL", alias="VOORDEUR_SQLITE_SYNCHRONOUS")
    # Messages (and the logbook) of someone inactive this long are deleted by the nightly job.
    voordeur_retention_months: int = Field(12, alias="VOORDEUR_RETENTION_MONTHS", ge=1, le=120)
    # Seconds between scheduler ticks, and the most due events one tick runs: after downtime the backlog
    # is caught up in bounded steps, not all at once.
    voordeur_scheduler_batch: int = Field(50, alias="VOORDEUR_SCHEDULER_BATCH", ge=1, le=10000)
    voordeur_scheduler_tick: float = Field(2.0, alias="VOORDEUR_SCHEDULER_TICK", ge=0.05, le=60)
    # Send pacing (bot/delivery/pacing.py): messages per second per Twilio sender number (10 for a Dutch
    # number), per Telegram bot and per Telegram chat. 0 turns pacing off (the provider's 429 still holds).
    voordeur_twilio_mps: float = Field(10.0, alias="VOORDEUR_TWILIO_MPS", ge=0, le=10000)
    voordeur_telegram_mps: float = Field(30.0, alias="VOORDEUR_TELEGRAM_MPS", ge=0, le=10000)
    voordeur_telegram_chat_mps: float = Field(1.0, alias="VOORDEUR_TELEGRAM_CHAT_MPS", ge=0, le=100)
    # WhatsApp templates for messages outside the 24-hour window: JSON or a .json/.toml file path
    # (bot/delivery/whatsapp_window.py).
    voordeur_whatsapp_templates: str = Field("", alias="VOORDEUR_WHATSAPP_TEMPLATES")
    # Several municipalities in one deployment: a TOML file of [tenants.<key>] tables (bot/tenants.py).
    # Without it there is one tenant, `default`, from the contract's variables above.
    voordeur_tenants_file: str | None = Field(None, alias="VOORDEUR_TENANTS_FILE")
    # The console's sign-in through the municipality's own OpenID Connect provider (bot/web/staff/oidc.py);
    # off while the issuer is empty. The provider redirects back to PUBLIC_BASE_URL/staff/login/oidc/callback.
    voordeur_oidc_issuer: str | None = Field(None, alias="VOORDEUR_OIDC_ISSUER")
    voordeur_oidc_client_id: str | None = Field(None, alias="VOORDEUR_OIDC_CLIENT_ID")
    voordeur_oidc_client_secret: str | None = Field(None, alias="VOORDEUR_OIDC_CLIENT_SECRET")
    # A web process that only ingests: webhooks are verified, stored and answered, but this process runs no
    # engine, scheduler or sender; a `voordeur worker` (or another `serve`) on the same database answers
    # them (its engine polls, and on PostgreSQL is woken by NOTIFY). Also how bench/ingest.py measures
    # ingest alone.
    voordeur_ingest_only: bool = Field(False, alias="VOORDEUR_INGEST_ONLY")
    # Testing only: `kill_after_inbound_commit` makes the process kill itself (SIGKILL) right after an
    # inbound message is committed, before its flow step, to prove recovery. Never set in production.
    voordeur_failpoint: str = Field("", alias="VOORDEUR_FAILPOINT")

    @field_validator(
        "public_base_url",
        "telegram_bot_token",
        "telegram_webhook_secret",
        "twilio_account_sid",
        "twilio_auth_token",
        "twilio_sms_number",
        "twilio_whatsapp_number",
        "voordeur_tenants_file",
        "voordeur_oidc_issuer",
        "voordeur_oidc_client_id",
        "voordeur_oidc_client_secret",
        mode="before",
    )
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        """An empty line in `.env` (`TWILIO_SMS_NUMBER=`) means "not set", as in `.env.example`."""
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        if not (value.startswith("sqlite") or value.startswith("postgresql")):
            raise ValueError("must be a sqlite:/// or postgresql+psycopg:// URL")
        return value

    @field_validator("voordeur_timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        return checks.timezone(value)

    @field_validator("voordeur_quiet_hours")
    @classmethod
    def _quiet_hours(cls, value: str) -> str:
        return checks.quiet_hours(value)

    @field_validator("public_base_url", "telegram_api_base_url", "twilio_api_base_url")
    @classmethod
    def _origin(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with https:// (or http:// for a local emulator)")
        return value.rstrip("/") if not value.endswith("/bot") else value

    @field_validator("voordeur_oidc_issuer")
    @classmethod
    def _issuer(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError("must start with https://")
        return value.rstrip("/") if value is not None else None

    @model_validator(mode="after")
    def _oidc_complete(self) -> Settings:
        if self.voordeur_oidc_issuer and not (
            self.voordeur_oidc_client_id and self.voordeur_oidc_client_secret
        ):
            raise ValueError(
                "VOORDEUR_OIDC_CLIENT_ID: set it and VOORDEUR_OIDC_CLIENT_SECRET with the issuer"
            )
        if self.voordeur_oidc_issuer and not self.public_base_url:
            raise ValueError("PUBLIC_BASE_URL: required for the sign-in's redirect (VOORDEUR_OIDC_ISSUER)")
        return self

    @field_validator("twilio_sms_number")
    @classmethod
    def _sms_number(cls, value: str | None) -> str | None:
        return checks.sms_number(value)

    @field_validator("twilio_whatsapp_number")
    @classmethod
    def _whatsapp_number(cls, value: str | None) -> str | None:
        return checks.whatsapp_number(value)

    @field_validator("voordeur_whatsapp_templates")
    @classmethod
    def _templates(cls, value: str) -> str:
        parse_templates(value)
        return value.strip()

    @field_validator("voordeur_sqlite_synchronous")
    @classmethod
    def _synchronous(cls, value: str) -> str:
        if value.upper() not in {"FULL", "NORMAL", "EXTRA"}:
            raise ValueError("must be FULL, EXTRA or NORMAL")
        return value.upper()

    @model_validator(mode="after")
    def _channels_complete(self) -> Settings:
        if self.telegram_bot_token and not self.telegram_webhook_secret:
            raise ValueError("TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_BOT_TOKEN is set")
        if bool(self.twilio_account_sid) != bool(self.twilio_auth_token):
            raise ValueError("TWILIO_AUTH_TOKEN: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together")
        if self.twilio_enabled and not (self.twilio_sms_number or self.twilio_whatsapp_number):
            raise ValueError("TWILIO_SMS_NUMBER: set it or TWILIO_WHATSAPP_NUMBER when Twilio is enabled")
        if self.twilio_enabled and not self.public_base_url:
            raise ValueError("PUBLIC_BASE_URL: required to validate Twilio signatures")
        return self

    _tenants: tenant_config.Tenants | None = PrivateAttr(None)

    @model_validator(mode="after")
    def _load_tenants(self) -> Settings:
        try:
            self._tenants = tenant_config.load(self)
        except tenant_config.TenantError as exc:
            raise ValueError(f"VOORDEUR_TENANTS_FILE: {exc}") from None
        if not self.public_base_url and any(t.twilio for t in self._tenants):
            raise ValueError("PUBLIC_BASE_URL: required to validate Twilio signatures")
        return self

    @property
    def tenants(self) -> tenant_config.Tenants:
        """Every tenant of this deployment (one, `default`, without VOORDEUR_TENANTS_FILE)."""
        assert self._tenants is not None
        return self._tenants

    # Derived facts the rest of the app asks for.
    @property
    def telegram_enabled(self) -> bool:
        return bool(self.telegram_bot_token)

    @property
    def twilio_enabled(self) -> bool:
        return bool(self.twilio_account_sid and self.twilio_auth_token)

    @property
    def sms_enabled(self) -> bool:
        return self.twilio_enabled and bool(self.twilio_sms_number)

    @property
    def whatsapp_enabled(self) -> bool:
        return self.twilio_enabled and bool(self.twilio_whatsapp_number)

    @property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.voordeur_timezone)

    @property
    def quiet_hours(self) -> tuple[time, time] | None:
        if not self.voordeur_quiet_hours:
            return None
        start, end = self.voordeur_quiet_hours.split("-")
        return time.fromisoformat(start), time.fromisoformat(end)

    @property
    def whatsapp_templates(self) -> dict[str, Template]:
        return parse_templates(self.voordeur_whatsapp_templates)

    def enabled_channels(self) -> list[str]:
        channels = []
        if self.telegram_enabled:
            channels.append("telegram")
        if self.sms_enabled:
            channels.append("sms")
        if self.whatsapp_enabled:
            channels.append("whatsapp")
        if self.voordeur_simulator:
            channels.append("simulator")
        return channels


def load_settings(**overrides: Any) -> Settings:
    """Load and validate settings; raise `SettingsError` with one line naming the setting."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        error = exc.errors()[0]
        location = error.get("loc") or ()
        name = str(location[0]).upper() if location else ""
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        if name and not message.startswith(name):
            message = f"{name}: {message}"
        raise SettingsError(f"setting {message}") from None
