"""Operator commands: `voordeur check`, `voordeur telegram set-webhook` and `voordeur telegram webhook-info`.

The logic lives here, testable without the command line: each command writes plain lines to a text
stream and returns the process exit code. Every line goes through `Redactor`, which replaces the bot
token, the webhook secret, the Twilio auth token and a database password wherever they might appear
(including in a provider's or driver's error message), so the output is safe to paste into a ticket.

`check` exit codes: 0 when everything needed to run is in order (warnings allowed), 1 when something
is not (a wrong setting, the database unreachable within the timeout, migrations behind or unknown).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

import telegram
from pydantic import ValidationError
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from telegram.error import TelegramError
from telegram.request import HTTPXRequest

from bot.settings import Settings

TELEGRAM_WEBHOOK_PATH = "/webhooks/telegram"
TWILIO_MESSAGES_PATH = "/webhooks/twilio/messages"
TWILIO_STATUS_PATH = "/webhooks/twilio/status"
# The update types bot/channels/telegram.py handles (edited messages are received and ignored on
# purpose: see its table). Everything else Telegram would only send to be dropped.
ALLOWED_UPDATES: tuple[str, ...] = ("message", "edited_message", "callback_query", "my_chat_member")
# Telegram accepts webhooks on these ports only, and a secret token of 1-256 of these characters.
TELEGRAM_WEBHOOK_PORTS = frozenset({80, 88, 443, 8443})
_SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_SECRET_NAME = re.compile(r"TOKEN|SECRET|PASSWORD|PASSWD|KEY|AUTH|CREDENTIAL|DSN|_URL$")
DB_TIMEOUT_SECONDS = 5.0
TELEGRAM_TIMEOUT_SECONDS = 15.0
# Per process, from storage/db.py: pool_size=10 plus max_overflow=10 on PostgreSQL.
CONNECTIONS_PER_PROCESS = 20

_DEFAULT_TELEGRAM_API = "https://api.telegram.org/bot"
_DEFAULT_TWILIO_API = "https://api.twilio.com"


# --- never print a secret -----------------------------------------------------------------------------


class Redactor:
    """Replaces every known secret in a line with `***` (defence in depth: we never format one in)."""

    def __init__(self, secrets: Iterable[str | None]) -> None:
        # Longest first, so a secret containing another is replaced whole.
        self._secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def __call__(self, line: str) -> str:
        for secret in self._secrets:
            line = line.replace(secret, "***")
        return line


def settings_secrets(settings: Settings) -> list[str | None]:
    password = make_url(settings.database_url).password
    token = settings.telegram_bot_token
    secrets = [
        token,
        token.split(":", 1)[1] if token and ":" in token else None,
        settings.telegram_webhook_secret,
        settings.twilio_auth_token,
        str(password) if password else None,
    ]
    # Any other setting whose name says it is a secret (one added after this was written).
    for name, info in Settings.model_fields.items():
        alias = info.alias or name.upper()
        value = getattr(settings, name)
        if isinstance(value, str) and _SECRET_NAME.search(alias) and not alias.endswith("_URL"):
            secrets.append(value)
    # Every tenant's tokens and secrets (VOORDEUR_TENANTS_FILE), also those given as env: references.
    secrets.extend(settings.tenants.secrets())
    return secrets


class Output:
    """Lines to a stream, each passed through the redactor."""

    def __init__(self, stream: TextIO, redact: Redactor) -> None:
        self._stream = stream
        self._redact = redact

    def line(self, value: str = "") -> None:
        self._stream.write(self._redact(value) + "\n")
        self._stream.flush()


def mask_secret(value: str | None) -> str:
    return f"set ({len(value)} characters, hidden)" if value else "(not set)"


def mask_bot_token(value: str | None) -> str:
    """The bot id before the colon is public (it is the bot's user id); the rest is the secret."""
    if not value:
        return "(not set)"
    bot_id, colon, _secret = value.partition(":")
    return f"{bot_id}:*** (hidden)" if colon and bot_id.isdigit() else mask_secret(value)


def mask_sid(value: str | None) -> str:
    if not value:
        return "(not set)"
    return f"{value[:2]}…{value[-4:]}" if len(value) > 8 else "***"


def safe_database_url(database_url: str) -> str:
    return make_url(database_url).render_as_string(hide_password=True)


def describe_error(exc: BaseException) -> str:
    """Exception type and its first line; the caller's Output redacts secrets from it. For a wrapped
    driver error (SQLAlchemy's DBAPIError), the driver's own exception, without the wrapper's noise."""
    original = getattr(exc, "orig", None)
    if isinstance(original, BaseException):
        exc = original
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


# --- the URLs providers must call ---------------------------------------------------------------------


def telegram_webhook_url(settings: Settings) -> str | None:
    return f"{settings.public_base_url}{TELEGRAM_WEBHOOK_PATH}" if settings.public_base_url else None


def twilio_messages_url(settings: Settings) -> str | None:
    return f"{settings.public_base_url}{TWILIO_MESSAGES_PATH}" if settings.public_base_url else None


def twilio_status_url(settings: Settings) -> str | None:
    return f"{settings.public_base_url}{TWILIO_STATUS_PATH}" if settings.public_base_url else None


# --- settings -----------------------------------------------------------------------------------------


def load_all(**overrides: object) -> tuple[Settings | None, list[str]]:
    """Settings from the environment / `.env`, or every problem pydantic found (not just the first)."""
    try:
        return Settings(**overrides), []  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            location = error.get("loc") or ()
            name = str(location[0]).upper() if location else ""
            message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
            if name and not message.startswith(name):
                message = f"{name}: {message}"
            # Never echo the rejected value: it may be a token pasted into the wrong variable.
            problems.append(f"setting {message}")
        return None, problems


@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def review_settings(settings: Settings) -> Findings:
    """What pydantic cannot know: combinations that start fine but fail in production."""
    found = Findings()
    base = settings.public_base_url
    if settings.voordeur_failpoint:
        found.problems.append(
            "VOORDEUR_FAILPOINT: testing only, it kills the process on purpose; leave it empty"
        )
    if settings.telegram_enabled:
        secret = settings.telegram_webhook_secret or ""
        if not _SECRET_TOKEN.match(secret):
            found.problems.append(
                "TELEGRAM_WEBHOOK_SECRET: Telegram accepts 1-256 characters A-Z, a-z, 0-9, _ and - only"
            )
        if not base:
            found.problems.append("PUBLIC_BASE_URL: needed to register the Telegram webhook")
    if base:
        parts = urlsplit(base)
        if parts.scheme != "https":
            found.warnings.append(
                "PUBLIC_BASE_URL is not https: Telegram and Twilio need https in production"
            )
        if settings.telegram_enabled and parts.scheme == "https":
            port = parts.port or 443
            if port not in TELEGRAM_WEBHOOK_PORTS:
                found.warnings.append(
                    f"PUBLIC_BASE_URL port {port}: Telegram calls webhooks on 443, 80, 88 or 8443 only"
                )
    for tenant in settings.tenants:
        if tenant.key == "default" or tenant.telegram is None:
            continue
        if not _SECRET_TOKEN.match(tenant.telegram.webhook_secret):
            found.problems.append(
                f"VOORDEUR_TENANTS_FILE: tenant {tenant.key!r} telegram.webhook_secret: Telegram accepts "
                "1-256 characters A-Z, a-z, 0-9, _ and - only"
            )
        if not base:
            found.problems.append("PUBLIC_BASE_URL: needed to register the Telegram webhook")
    if settings.voordeur_simulator:
        found.warnings.append(
            "VOORDEUR_SIMULATOR is on: the simulator pages are public; for the demo, not for production"
        )
    if not settings.enabled_channels() and not any(t.channels() for t in settings.tenants):
        found.warnings.append("no channel is enabled: nobody can write to the bot")
    if settings.voordeur_send_timeout <= 0:
        found.problems.append("VOORDEUR_SEND_TIMEOUT: must be more than 0 seconds")
    elif settings.voordeur_send_timeout >= settings.voordeur_outbox_lease:
        found.problems.append(
            f"VOORDEUR_SEND_TIMEOUT: must stay well under the outbox claim lease "
            f"({settings.voordeur_outbox_lease:.0f} s), or another worker may take over a send in progress"
        )
    if settings.voordeur_max_body_bytes < 4096:
        found.problems.append("VOORDEUR_MAX_BODY_BYTES: under 4096 bytes would refuse ordinary webhooks")
    if settings.database_url.startswith("sqlite"):
        found.warnings.append(
            "DATABASE_URL is SQLite: one process only; use PostgreSQL for several web processes or workers"
        )
    return found


# --- database -----------------------------------------------------------------------------------------


@dataclass
class DatabaseStatus:
    reachable: bool
    error: str | None = None
    server: str | None = None
    max_connections: int | None = None
    current: tuple[str, ...] = ()
    heads: tuple[str, ...] = ()
    known: frozenset[str] = frozenset()
    elapsed_ms: float = 0.0

    @property
    def up_to_date(self) -> bool:
        return self.reachable and bool(self.current) and set(self.current) == set(self.heads)


def _probe(database_url: str, timeout: float) -> DatabaseStatus:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from storage import migrate
    from storage.db import sync_url

    script = ScriptDirectory.from_config(migrate.alembic_config(database_url))
    heads = tuple(script.get_heads())
    known = frozenset(revision.revision for revision in script.walk_revisions())
    url = sync_url(database_url)
    started = time.monotonic()
    if url.get_backend_name() == "sqlite":
        path = url.database or ""
        if path and path != ":memory:" and not Path(path).exists():
            return DatabaseStatus(False, error=f"SQLite file {path} does not exist", heads=heads, known=known)
        connect_args: dict[str, object] = {"timeout": timeout}
    else:
        seconds = max(1, round(timeout))
        connect_args = {"connect_timeout": seconds, "options": f"-c statement_timeout={seconds * 1000}"}
    engine = create_engine(url, poolclass=NullPool, connect_args=connect_args, hide_parameters=True)
    try:
        with engine.connect() as connection:
            if url.get_backend_name() == "sqlite":
                server = "SQLite " + str(connection.execute(text("SELECT sqlite_version()")).scalar_one())
                max_connections = None
            else:
                server = "PostgreSQL " + str(connection.execute(text("SHOW server_version")).scalar_one())
                max_connections = int(connection.execute(text("SHOW max_connections")).scalar_one())
            current = tuple(MigrationContext.configure(connection).get_current_heads())
    finally:
        engine.dispose()
    return DatabaseStatus(
        True,
        server=server,
        max_connections=max_connections,
        current=current,
        heads=heads,
        known=known,
        elapsed_ms=(time.monotonic() - started) * 1000,
    )


def probe_database(database_url: str, timeout: float = DB_TIMEOUT_SECONDS) -> DatabaseStatus:
    """Connect, read the server version and the migration revision, all within `timeout` seconds.

    Runs in a daemon thread: a silent network (a firewall dropping packets) cannot hang the command
    past the timeout, nor keep the process alive afterwards.
    """
    result: list[DatabaseStatus] = []
    failure: list[BaseException] = []
    # Alembic announces its plugins and context at INFO: noise on an operator's terminal.
    logging.getLogger("alembic").setLevel(logging.WARNING)

    def run() -> None:
        try:
            result.append(_probe(database_url, timeout))
        except Exception as exc:
            failure.append(exc)

    worker = threading.Thread(target=run, name="voordeur-check-db", daemon=True)
    worker.start()
    worker.join(timeout + 1.0)
    if result:
        return result[0]
    if failure:
        return DatabaseStatus(False, error=describe_error(failure[0]))
    return DatabaseStatus(False, error=f"no answer within {timeout:.0f} s")


# --- voordeur check -----------------------------------------------------------------------------------


def run_check(
    stream: TextIO,
    settings: Settings | None = None,
    *,
    setting_problems: Sequence[str] = (),
    db_timeout: float = DB_TIMEOUT_SECONDS,
) -> int:
    """Validate every setting, reach the database, show the migration state and the provider URLs."""
    if settings is None:
        out = Output(stream, Redactor([]))
        out.line("voordeur check")
        out.line("settings")
        for problem in setting_problems or ["setting: could not be loaded"]:
            out.line(f"  PROBLEM  {problem}")
        out.line("")
        out.line(f"result: {len(setting_problems) or 1} problem(s); fix the settings and run again")
        return 1

    out = Output(stream, Redactor(settings_secrets(settings)))
    found = review_settings(settings)
    out.line("voordeur check")
    _print_settings(out, settings)

    out.line("")
    out.line("database")
    status = probe_database(settings.database_url, db_timeout)
    _print_database(out, status, found)

    out.line("")
    _print_channels(out, settings)

    out.line("")
    for warning in found.warnings:
        out.line(f"WARNING  {warning}")
    for problem in found.problems:
        out.line(f"PROBLEM  {problem}")
    if found.problems:
        out.line(f"result: {len(found.problems)} problem(s)")
        return 1
    out.line("result: ok" + (f" ({len(found.warnings)} warning(s))" if found.warnings else ""))
    return 0


def _print_settings(out: Output, settings: Settings) -> None:
    quiet = settings.voordeur_quiet_hours or "(none)"
    rows = [
        ("DATABASE_URL", safe_database_url(settings.database_url)),
        ("VOORDEUR_TIMEZONE", settings.voordeur_timezone),
        ("VOORDEUR_QUIET_HOURS", quiet),
        ("PUBLIC_BASE_URL", settings.public_base_url or "(not set)"),
        ("TELEGRAM_BOT_TOKEN", mask_bot_token(settings.telegram_bot_token)),
        ("TELEGRAM_WEBHOOK_SECRET", mask_secret(settings.telegram_webhook_secret)),
        ("TELEGRAM_API_BASE_URL", _api_note(settings.telegram_api_base_url, _DEFAULT_TELEGRAM_API)),
        ("TWILIO_ACCOUNT_SID", mask_sid(settings.twilio_account_sid)),
        ("TWILIO_AUTH_TOKEN", mask_secret(settings.twilio_auth_token)),
        ("TWILIO_SMS_NUMBER", settings.twilio_sms_number or "(not set)"),
        ("TWILIO_WHATSAPP_NUMBER", settings.twilio_whatsapp_number or "(not set)"),
        ("TWILIO_API_BASE_URL", _api_note(settings.twilio_api_base_url, _DEFAULT_TWILIO_API)),
        ("VOORDEUR_SIMULATOR", "on" if settings.voordeur_simulator else "off"),
        ("VOORDEUR_LOG_FORMAT", settings.voordeur_log_format),
        ("VOORDEUR_LOG_LEVEL", settings.voordeur_log_level),
        ("VOORDEUR_MAX_BODY_BYTES", str(settings.voordeur_max_body_bytes)),
        ("VOORDEUR_SEND_TIMEOUT", f"{settings.voordeur_send_timeout:g} s"),
        ("VOORDEUR_SQLITE_SYNCHRONOUS", settings.voordeur_sqlite_synchronous),
        ("VOORDEUR_FAILPOINT", settings.voordeur_failpoint or "(not set)"),
    ]
    # Settings added later than this list: shown too, masked when the name suggests a secret.
    listed = {name for name, _ in rows}
    for name, info in Settings.model_fields.items():
        alias = info.alias or name.upper()
        if alias in listed:
            continue
        value = getattr(settings, name)
        secret = _SECRET_NAME.search(alias) is not None
        rows.append((alias, mask_secret(str(value)) if secret and value else str(value)))
    out.line("settings (valid)")
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        out.line(f"  {name:<{width}}  {value}")


def _api_note(value: str, default: str) -> str:
    return value if value == default else f"{value}  (not the provider's own API: an emulator or proxy?)"


def _print_database(out: Output, status: DatabaseStatus, found: Findings) -> None:
    if not status.reachable:
        out.line(f"  unreachable: {status.error}")
        found.problems.append(f"DATABASE_URL: database unreachable ({status.error})")
        return
    out.line(f"  reachable: {status.server} ({status.elapsed_ms:.0f} ms)")
    if status.max_connections is not None:
        out.line(
            f"  max_connections {status.max_connections}; each voordeur process may open up to "
            f"{CONNECTIONS_PER_PROCESS}, so at most {status.max_connections // CONNECTIONS_PER_PROCESS} "
            "processes (leave room for backups and psql)"
        )
    current = ", ".join(status.current) or "(none)"
    head = ", ".join(status.heads)
    if status.up_to_date:
        out.line(f"  migration revision: {current} (head, up to date)")
    elif not status.current:
        out.line(f"  migration revision: (none; code expects {head})")
        found.problems.append("migrations: the database is empty; run `voordeur db upgrade`")
    elif not set(status.current) <= status.known:
        out.line(f"  migration revision: {current} (unknown to this code, which expects {head})")
        found.problems.append(
            "migrations: the database is at a revision this code does not know (newer code ran on it?)"
        )
    else:
        out.line(f"  migration revision: {current} (behind: code expects {head})")
        found.problems.append("migrations: behind; run `voordeur db upgrade`")


def _print_channels(out: Output, settings: Settings) -> None:
    channels = settings.enabled_channels()
    out.line("channels: " + (", ".join(channels) if channels else "(none enabled)"))
    unset = "(PUBLIC_BASE_URL not set)"
    if settings.telegram_enabled:
        out.line("  telegram")
        out.line(f"    webhook URL                  {telegram_webhook_url(settings) or unset}")
        out.line(f"    allowed updates              {', '.join(ALLOWED_UPDATES)}")
        out.line("    register with                voordeur telegram set-webhook")
    if settings.twilio_enabled:
        for channel, sender in (
            ("sms", settings.twilio_sms_number),
            ("whatsapp", settings.twilio_whatsapp_number),
        ):
            if sender is None:
                continue
            out.line(f"  {channel} (Twilio sender {sender})")
            out.line(f"    inbound message URL (POST)   {twilio_messages_url(settings) or unset}")
            out.line(f"    status callback URL (POST)   {twilio_status_url(settings) or unset}")
        out.line("    Twilio console: set both on the number/sender or its Messaging Service;")
        out.line("    the app also asks for the status callback on every message it sends")
    if settings.voordeur_simulator:
        out.line("  simulator (local only): /simulator")
    if settings.voordeur_tenants_file:
        _print_tenants(out, settings)


def _print_tenants(out: Output, settings: Settings) -> None:
    """Each tenant's front door: all share the webhook URLs above; the secret, bot or number routes."""
    out.line("")
    out.line(f"tenants ({len(settings.tenants)}, VOORDEUR_TENANTS_FILE {settings.voordeur_tenants_file})")
    for tenant in settings.tenants:
        quiet = tenant.quiet_hours or "(none)"
        out.line(f"  {tenant.key}: {tenant.name}")
        out.line(f"    municipality                 {tenant.municipality}")
        out.line(f"    time zone, quiet hours       {tenant.timezone}, {quiet}")
        out.line(f"    channels                     {', '.join(tenant.channels()) or '(none)'}")
        if tenant.telegram is not None:
            out.line(f"    telegram bot token           {mask_bot_token(tenant.telegram.bot_token)}")
            out.line(f"    telegram webhook secret      {mask_secret(tenant.telegram.webhook_secret)}")
        if tenant.twilio is not None:
            out.line(f"    twilio account               {mask_sid(tenant.twilio.account_sid)}")
            for number in tenant.twilio_numbers:
                out.line(f"    twilio sender                {number}")


# --- voordeur telegram ... ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TelegramTarget:
    token: str
    secret: str
    url: str
    api_base_url: str
    tenant: str = "default"


def _telegram_targets(
    settings: Settings, out: Output, *, need_url: bool, tenant: str | None
) -> list[TelegramTarget] | None:
    """The bots to register or inspect: the tenant `tenant`'s, or every tenant's that has Telegram."""
    if tenant is not None and tenant not in settings.tenants:
        out.line(f"voordeur: unknown --tenant {tenant} (known: {', '.join(settings.tenants.keys())})")
        return None
    chosen = [settings.tenants.get(tenant)] if tenant is not None else list(settings.tenants)
    with_bot = [t for t in chosen if t.telegram is not None]
    if not with_bot:
        if tenant is not None and tenant != "default":
            out.line(f"voordeur: tenant {tenant} has no telegram table: its Telegram channel is off")
        else:
            out.line("voordeur: setting TELEGRAM_BOT_TOKEN: not set, the Telegram channel is off")
        return None
    targets = []
    for found in with_bot:
        assert found.telegram is not None
        target = _telegram_target(
            settings,
            out,
            need_url=need_url,
            token=found.telegram.bot_token,
            secret=found.telegram.webhook_secret,
        )
        if target is None:
            return None
        targets.append(
            TelegramTarget(target.token, target.secret, target.url, target.api_base_url, found.key)
        )
    return targets


def _telegram_target(
    settings: Settings, out: Output, *, need_url: bool, token: str, secret: str
) -> TelegramTarget | None:
    url = telegram_webhook_url(settings)
    if need_url and url is None:
        out.line("voordeur: setting PUBLIC_BASE_URL: needed for the webhook URL")
        return None
    if need_url and not _SECRET_TOKEN.match(secret):
        out.line(
            "voordeur: setting TELEGRAM_WEBHOOK_SECRET: Telegram accepts 1-256 characters "
            "A-Z, a-z, 0-9, _ and - only"
        )
        return None
    return TelegramTarget(token, secret, url or "", settings.telegram_api_base_url)


async def _with_bot(target: TelegramTarget, timeout: float) -> tuple[telegram.Bot, HTTPXRequest]:
    """A PTB Bot on its own HTTP client; no getMe (see TelegramAdapter), no polling."""
    request = HTTPXRequest(
        connect_timeout=timeout, read_timeout=timeout, write_timeout=timeout, pool_timeout=timeout
    )
    bot = telegram.Bot(
        target.token, base_url=target.api_base_url, request=request, get_updates_request=request
    )
    await request.initialize()
    return bot, request


async def set_telegram_webhook(
    settings: Settings,
    stream: TextIO,
    *,
    drop_pending: bool = False,
    max_connections: int | None = None,
    timeout: float = TELEGRAM_TIMEOUT_SECONDS,
    tenant: str | None = None,
) -> int:
    """setWebhook: PUBLIC_BASE_URL + /webhooks/telegram, the secret token, the update types we handle;
    for the tenant `tenant`'s bot, or for every tenant's bot (each with its own secret)."""
    out = Output(stream, Redactor(settings_secrets(settings)))
    targets = _telegram_targets(settings, out, need_url=True, tenant=tenant)
    if targets is None:
        return 2
    if max_connections is not None and not 1 <= max_connections <= 100:
        out.line("voordeur: --max-connections must be between 1 and 100")
        return 2
    result = 0
    for target in targets:
        if len(settings.tenants) > 1:
            out.line(f"tenant {target.tenant}")
        result = max(result, await _set_one_webhook(target, out, drop_pending, max_connections, timeout))
    return result


async def _set_one_webhook(
    target: TelegramTarget, out: Output, drop_pending: bool, max_connections: int | None, timeout: float
) -> int:
    bot, request = await _with_bot(target, timeout)
    try:
        await bot.set_webhook(
            url=target.url,
            secret_token=target.secret,
            allowed_updates=list(ALLOWED_UPDATES),
            drop_pending_updates=drop_pending,
            max_connections=max_connections,
        )
    except TelegramError as exc:
        out.line(f"telegram: setWebhook failed: {describe_error(exc)}")
        return 1
    finally:
        await request.shutdown()
    out.line("telegram webhook registered")
    out.line(f"  url               {target.url}")
    out.line(f"  secret token      {mask_secret(target.secret)}")
    out.line(f"  allowed updates   {', '.join(ALLOWED_UPDATES)}")
    out.line(f"  pending updates   {'dropped' if drop_pending else 'kept'}")
    if max_connections is not None:
        out.line(f"  max connections   {max_connections}")
    if urlsplit(target.url).scheme != "https":
        out.line("WARNING  the URL is not https: the real Telegram refuses it")
    return 0


async def telegram_webhook_info(
    settings: Settings,
    stream: TextIO,
    *,
    timeout: float = TELEGRAM_TIMEOUT_SECONDS,
    tenant: str | None = None,
) -> int:
    """getWebhookInfo, compared with what set-webhook would register. 1 when they differ. For the tenant
    `tenant`'s bot, or for every tenant's."""
    out = Output(stream, Redactor(settings_secrets(settings)))
    targets = _telegram_targets(settings, out, need_url=False, tenant=tenant)
    if targets is None:
        return 2
    result = 0
    for target in targets:
        if len(settings.tenants) > 1:
            out.line(f"tenant {target.tenant}")
        result = max(result, await _one_webhook_info(settings, target, out, timeout))
    return result


async def _one_webhook_info(settings: Settings, target: TelegramTarget, out: Output, timeout: float) -> int:
    bot, request = await _with_bot(target, timeout)
    try:
        info = await bot.get_webhook_info()
    except TelegramError as exc:
        out.line(f"telegram: getWebhookInfo failed: {describe_error(exc)}")
        return 1
    finally:
        await request.shutdown()
    out.line("telegram webhook")
    out.line(f"  url                    {info.url or '(none: no webhook set)'}")
    out.line(f"  pending updates        {info.pending_update_count}")
    allowed = (
        ", ".join(info.allowed_updates) if info.allowed_updates else "(all but a few, Telegram's default)"
    )
    out.line(f"  allowed updates        {allowed}")
    if info.max_connections is not None:
        out.line(f"  max connections        {info.max_connections}")
    if info.ip_address:
        out.line(f"  ip address             {info.ip_address}")
    if info.last_error_date is not None:
        out.line(
            f"  last error             {info.last_error_date.isoformat()} {info.last_error_message or ''}"
        )
    if info.last_synchronization_error_date is not None:
        out.line(f"  last sync error        {info.last_synchronization_error_date.isoformat()}")
    expected = telegram_webhook_url(settings)
    differences = []
    if expected is not None and info.url != expected:
        differences.append(f"url is not {expected}")
    if info.allowed_updates and set(info.allowed_updates) != set(ALLOWED_UPDATES):
        differences.append("allowed updates differ")
    if differences:
        out.line("DIFFERS  " + "; ".join(differences) + ": run `voordeur telegram set-webhook`")
        return 1
    out.line(
        "matches this configuration" if expected is not None else "(PUBLIC_BASE_URL not set: not compared)"
    )
    return 0
