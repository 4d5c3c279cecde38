"""The `voordeur` command (see ../shared/CONTRACT.md for the commands operators rely on)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import uvicorn

from bot.settings import Settings, SettingsError, load_settings

T = TypeVar("T")

log = logging.getLogger("voordeur.cli")

DEMO_DATABASE_URL = "sqlite:///voordeur-demo.db"
# Its own file: a chat and a running demo must not share one database (each would print or show the
# other's messages).
CHAT_DATABASE_URL = "sqlite:///voordeur-chat.db"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="voordeur", description="Voordeur: one front door to neighbourhood help."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser(
        "serve", help="run the web app (webhooks, health, metrics) and, unless --no-worker, the sender"
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--no-worker", action="store_true", help="web only; run `voordeur worker` separately")

    worker = commands.add_parser("worker", help="run the scheduler and the outbox sender only")
    worker.add_argument(
        "--metrics-port",
        type=int,
        default=None,
        help="serve Prometheus metrics of this worker on 127.0.0.1:PORT/metrics (sends, failures, queue)",
    )

    demo = commands.add_parser(
        "demo", help="run on an embedded SQLite file with the local simulator; no credentials"
    )
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8080)

    chat = commands.add_parser(
        "chat",
        help="talk to the bot in this terminal as one person (embedded SQLite with demo data; "
        "every message is printed, nothing is sent to a provider)",
    )
    chat.add_argument("--channel", choices=("sms", "whatsapp", "telegram", "simulator"), default="sms")
    chat.add_argument("--from", dest="from_address", required=True, help="e.g. +31612345678 or a chat id")
    db = commands.add_parser("db", help="database migrations")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="DB_COMMAND")
    db_commands.add_parser("upgrade", help="apply migrations to DATABASE_URL")
    db_commands.add_parser("current", help="show the database's migration revision")

    # Operator commands (bot/cli/operator.py). They print no token or secret, and never migrate.
    tg = commands.add_parser("telegram", help="register and inspect the Telegram webhook")
    tg_commands = tg.add_subparsers(dest="telegram_command", required=True, metavar="TELEGRAM_COMMAND")
    set_webhook = tg_commands.add_parser(
        "set-webhook",
        help="register PUBLIC_BASE_URL/webhooks/telegram with the secret token and our update types",
    )
    set_webhook.add_argument(
        "--drop-pending", action="store_true", help="discard updates Telegram queued meanwhile"
    )
    set_webhook.add_argument(
        "--max-connections", type=int, default=None, help="concurrent connections (1-100; default 40)"
    )
    webhook_info = tg_commands.add_parser(
        "webhook-info", help="show the webhook Telegram has; exit 1 if it differs"
    )
    for telegram_command in (set_webhook, webhook_info):
        telegram_command.add_argument(
            "--tenant",
            default=None,
            help="only this tenant's bot (VOORDEUR_TENANTS_FILE); default: every tenant with Telegram",
        )

    whatsapp = commands.add_parser(
        "whatsapp", help="WhatsApp templates for texts that may open a conversation"
    )
    whatsapp_commands = whatsapp.add_subparsers(
        dest="whatsapp_command", required=True, metavar="WHATSAPP_COMMAND"
    )
    templates = whatsapp_commands.add_parser(
        "templates", help="list the templates (flows/whatsapp_templates.toml) and their state at Twilio"
    )
    templates.add_argument(
        "action",
        nargs="?",
        choices=["list", "sync"],
        default="list",
        help="sync: create missing templates through Twilio's Content API, refresh approval states",
    )

    staff = commands.add_parser("staff", help="staff console accounts")
    staff_commands = staff.add_subparsers(dest="staff_command", required=True, metavar="STAFF_COMMAND")
    add = staff_commands.add_parser(
        "add", help="create a staff account; the password is asked for (or read from stdin's first line)"
    )
    add.add_argument("--email", required=True)
    add.add_argument("--name", required=True, help="full name; the first name signs messages to residents")
    add.add_argument("--role", required=True, choices=["buurtverbinder", "coordinator", "admin"])
    add.add_argument(
        "--neighbourhood",
        action="append",
        default=[],
        help="a neighbourhood key a buurtverbinder works in (repeat for several)",
    )
    add.add_argument("--phone", default=None, help="a number volunteers may call for phone-intake callers")
    add.add_argument(
        "--tenant",
        default="default",
        help="the tenant (municipality, VOORDEUR_TENANTS_FILE) the account works for (default: default)",
    )

    from bot.cli import understand

    understand.add_parser(commands)

    check = commands.add_parser(
        "check",
        help="validate every setting, reach the database, show migrations, channels and provider URLs",
    )
    check.add_argument(
        "--db-timeout", type=float, default=5.0, help="seconds to wait for the database (default 5)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "understand":
        from bot.cli import understand

        return understand.run(args)
    if args.command == "check":
        return _check(args.db_timeout)
    overrides: dict[str, Any] = {}
    if args.command in ("demo", "chat"):
        # No quiet hours in the demo: an invitation at 22:00 would otherwise wait until 09:00.
        overrides = {
            "DATABASE_URL": DEMO_DATABASE_URL if args.command == "demo" else CHAT_DATABASE_URL,
            "VOORDEUR_SIMULATOR": True,
            "VOORDEUR_QUIET_HOURS": "",
        }
        if args.command == "demo" and not os.environ.get("PUBLIC_BASE_URL"):
            # Links the bot sends (EXPORT) point at the demo itself.
            overrides["PUBLIC_BASE_URL"] = f"http://{args.host}:{args.port}"
    try:
        settings = load_settings(**overrides)
    except SettingsError as exc:
        print(f"voordeur: {exc}", file=sys.stderr)
        return 2
    try:
        return _run(args, settings)
    except Exception as exc:
        # A database that cannot be reached (or refuses us) is an operator's setting problem: one line
        # and a non-zero exit, as `voordeur check` says it, not a traceback of the driver's internals.
        if not _is_unreachable(exc):
            raise
        from bot.cli.operator import Redactor, describe_error, settings_secrets

        reason = Redactor(settings_secrets(settings))(describe_error(exc))
        print(f"voordeur: DATABASE_URL: database unreachable ({reason})", file=sys.stderr)
        return 1


def _is_unreachable(exc: BaseException) -> bool:
    """A connection-level failure: refused, unknown host, bad credentials, timeout."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OperationalError | ConnectionError | TimeoutError):
            return True
        if isinstance(current, DBAPIError) and current.connection_invalidated:
            return True
        current = current.__cause__ or current.__context__
    return False


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from bot import logs

    # In a terminal chat the log would interleave with the conversation: warnings only.
    level = logging.getLevelNamesMapping()[settings.voordeur_log_level.upper()]
    logs.configure(settings.voordeur_log_format, logging.WARNING if args.command == "chat" else level)
    if args.command == "db":
        return _db(settings, args.db_command)
    if args.command == "telegram":
        return _telegram(settings, args)
    if args.command == "chat":
        return _chat(settings, args.channel, args.from_address)
    _migrate(settings)
    if args.command == "whatsapp":
        return asyncio.run(_whatsapp_templates(settings, args.action))
    if args.command == "staff":
        return _staff_add(settings, args)
    if args.command == "worker":
        return run_on_loop(settings, _worker(settings, args.metrics_port))
    if args.command == "demo":
        from datetime import UTC, datetime

        from bot.cli.demo import DEMO_COORDINATOR, seed, seed_staff

        asyncio.run(seed(settings.database_url, datetime.now(UTC)))
        asyncio.run(seed_staff(settings.database_url, datetime.now(UTC)))
        print(f"Voordeur demo: open http://{args.host}:{args.port}/simulator", flush=True)
        email, _name, password = DEMO_COORDINATOR
        print(
            f"Staff console: http://{args.host}:{args.port}/staff  (log in as {email}, password {password})",
            flush=True,
        )
        return _serve(settings, args.host, args.port, worker=True)
    return _serve(settings, args.host, args.port, worker=not args.no_worker)


def _chat(settings: Settings, channel: str, address: str) -> int:
    from datetime import UTC, datetime

    from bot.cli import chat
    from bot.cli.demo import seed

    try:
        address = chat.normalise_address(channel, address)
    except chat.AddressError as exc:
        print(f"voordeur: {exc}", file=sys.stderr)
        return 2
    _migrate(settings)
    asyncio.run(seed(settings.database_url, datetime.now(UTC)))
    return chat.main(settings, channel, address)


def _db(settings: Settings, command: str) -> int:
    from storage import migrate

    if command == "upgrade":
        migrate.upgrade(settings.database_url)
        print(migrate.current(settings.database_url))
    else:
        print(migrate.current(settings.database_url))
    return 0


def _check(db_timeout: float) -> int:
    """Every setting problem at once (not only the first), then the database and the provider URLs."""
    from bot import logs
    from bot.cli import operator

    settings, problems = operator.load_all()
    logs.configure(settings.voordeur_log_format if settings is not None else "auto")
    return operator.run_check(sys.stdout, settings, setting_problems=problems, db_timeout=db_timeout)


def _telegram(settings: Settings, args: argparse.Namespace) -> int:
    from bot.cli import operator

    if args.telegram_command == "set-webhook":
        return asyncio.run(
            operator.set_telegram_webhook(
                settings,
                sys.stdout,
                drop_pending=args.drop_pending,
                max_connections=args.max_connections,
                tenant=args.tenant,
            )
        )
    return asyncio.run(operator.telegram_webhook_info(settings, sys.stdout, tenant=args.tenant))


async def _whatsapp_templates(settings: Settings, action: str) -> int:
    from datetime import UTC, datetime

    from bot.delivery import whatsapp_templates as templates
    from storage.db import make_engine, make_sessionmaker

    wordings = templates.load()
    engine = make_engine(settings.database_url)
    sessions = make_sessionmaker(engine)
    try:
        if action == "sync":
            if not settings.twilio_account_sid or not settings.twilio_auth_token:
                print(
                    "voordeur: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are needed to sync", file=sys.stderr
                )
                return 2
            api = templates.ContentApi(
                settings.twilio_content_base_url, settings.twilio_account_sid, settings.twilio_auth_token
            )
            try:
                async with sessions() as session, session.begin():
                    await templates.sync(session, api, wordings, datetime.now(UTC))
            except templates.ContentApiError as exc:
                print(f"voordeur: Twilio Content API: {exc}", file=sys.stderr)
                return 1
            finally:
                await api.aclose()
        async with sessions() as session:
            await templates.print_list(session, wordings, sys.stdout)
    finally:
        await engine.dispose()
    return 0


def _staff_add(settings: Settings, args: argparse.Namespace) -> int:
    import getpass
    from datetime import UTC, datetime

    from bot.web.staff.accounts import AccountError, add

    if sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Password again: ") != password:
            print("voordeur: the passwords differ", file=sys.stderr)
            return 2
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if args.tenant not in settings.tenants:
        known = ", ".join(settings.tenants.keys())
        print(f"voordeur: unknown --tenant {args.tenant} (known: {known})", file=sys.stderr)
        return 2
    try:
        asyncio.run(
            add(
                settings.database_url,
                email=args.email,
                name=args.name,
                role=args.role,
                neighbourhoods=args.neighbourhood,
                password=password,
                phone=args.phone,
                now=datetime.now(UTC),
                tenant=args.tenant,
                municipality=settings.tenants.get(args.tenant).municipality,
            )
        )
    except AccountError as exc:
        print(f"voordeur: {exc}", file=sys.stderr)
        return 2
    print(f"staff account {args.email.strip().lower()} ({args.role}, tenant {args.tenant}) created")
    return 0


def _migrate(settings: Settings) -> None:
    from storage import migrate

    migrate.upgrade(settings.database_url)


def _serve(settings: Settings, host: str, port: int, *, worker: bool) -> int:
    from bot.clock import AdjustableClock
    from bot.runtime import Runtime
    from bot.web.app import create_app

    # With the simulator (the demo) the clock can be moved forward from its page; never in production.
    runtime = (
        Runtime(settings, clock=AdjustableClock(_clock_file(settings.database_url)))
        if settings.voordeur_simulator
        else Runtime(settings)
    )
    app = create_app(runtime, worker=worker)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        lifespan="on",
        log_config=None,
        timeout_graceful_shutdown=10,
        proxy_headers=True,
        server_header=False,
    )
    server = GracefulServer(config)
    run_on_loop(settings, server.serve())
    return 0 if server.started else 1


def run_on_loop(settings: Settings, main: Coroutine[Any, Any, T]) -> T:
    """Run a long-lived process's coroutine on the event loop the settings choose (VOORDEUR_EVENT_LOOP):
    uvloop when installed unless asyncio is asked for. uvicorn installs uvloop only in `Server.run()`,
    which serve does not use (it runs `serve()` itself for its signal handling)."""
    factory: Callable[[], asyncio.AbstractEventLoop] | None = None
    if settings.voordeur_event_loop != "asyncio":
        try:
            import uvloop
        except ImportError:
            if settings.voordeur_event_loop == "uvloop":
                raise
        else:
            factory = uvloop.new_event_loop
    with asyncio.Runner(loop_factory=factory) as runner:
        return runner.run(main)


def _clock_file(database_url: str) -> Path | None:
    """The demo clock's offset lives beside its SQLite file (`voordeur-demo.db.clock`)."""
    scheme, _, path = database_url.partition(":///")
    if not scheme.startswith("sqlite") or not path or path.startswith(":memory:"):
        return None
    return Path(path.split("?", 1)[0] + ".clock")


class GracefulServer(uvicorn.Server):
    """uvicorn re-raises SIGTERM after its clean shutdown, so the process would die by the signal
    (exit 143). A graceful stop is a success: SIGTERM and SIGINT start the shutdown, and we return 0."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, self.handle_exit, signum, None)
        try:
            yield
        finally:
            for signum in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(signum)


async def _worker(settings: Settings, metrics_port: int | None = None) -> int:
    from bot.runtime import Runtime

    if metrics_port is not None:
        # The worker's own counters (sends, failures, latency, queue depth) live in this process.
        from prometheus_client import start_http_server

        from bot.metrics import REGISTRY

        start_http_server(metrics_port, addr="127.0.0.1", registry=REGISTRY)
    runtime = Runtime(settings)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopping.set)
    await runtime.start(worker=True)
    await stopping.wait()
    log.info("worker stopping")
    await runtime.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
