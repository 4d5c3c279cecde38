"""Operator commands (bot/cli/operator.py, `voordeur check` and `voordeur telegram ...`).

Telegram is mocked with respx (what setWebhook receives is asserted field by field) and, once, served by
the Telegram emulator through the real command line. `check` runs against a migrated database on both
backends, an unreachable one, an empty one and one behind. No test output may hold a secret.
"""

from __future__ import annotations

import io
import json
import logging
import os
import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import respx
from alembic import command
from alembic.script import ScriptDirectory

from bot.cli import main as cli
from bot.cli import operator
from bot.settings import Settings
from storage import migrate
from tests.conftest import make_settings
from tests.emulators.server import run_asgi
from tests.emulators.telegram_api import TelegramEmulator

TOKEN = "987654321:AAH-sEcReTpArToFtHeToKeN_0123456789xyz"
TOKEN_SECRET_PART = TOKEN.split(":", 1)[1]
WEBHOOK_SECRET = "wh-secret_ZYXWVU9876543210"
TWILIO_SID = "AC0123456789abcdef0123456789abcdef"
TWILIO_TOKEN = "twilio-auth-token-0123456789abcdef"
DB_PASSWORD = "db-pass-Qw3rty"
PUBLIC = "https://voordeur.example.nl"
TELEGRAM_API = "https://api.telegram.org/bot"
SECRETS = (TOKEN, TOKEN_SECRET_PART, WEBHOOK_SECRET, TWILIO_TOKEN, DB_PASSWORD)
NO_TWILIO = {
    "TWILIO_ACCOUNT_SID": "",
    "TWILIO_AUTH_TOKEN": "",
    "TWILIO_SMS_NUMBER": "",
    "TWILIO_WHATSAPP_NUMBER": "",
}
LEAKY_PREFIXES = ("TELEGRAM_", "TWILIO_", "VOORDEUR_")
LEAKY_NAMES = ("PUBLIC_BASE_URL", "DATABASE_URL")


def channels(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "TWILIO_ACCOUNT_SID": TWILIO_SID,
        "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
        "TWILIO_SMS_NUMBER": "+3197010000001",
        "TWILIO_WHATSAPP_NUMBER": "whatsapp:+3197010000002",
        "PUBLIC_BASE_URL": PUBLIC,
    }
    values.update(overrides)
    return values


def configured(database_url: str = "sqlite:///unused.db", **overrides: Any) -> Settings:
    return make_settings(database_url, **channels(**overrides))


def assert_no_secret(output: str) -> None:
    for secret in SECRETS:
        assert secret not in output, f"a secret leaked into the output:\n{output}"


def form(request: httpx.Request) -> dict[str, Any]:
    """The parameters PTB sent: form-encoded, with lists and booleans as JSON."""
    params: dict[str, Any] = {}
    for key, value in parse_qsl(request.content.decode()):
        params[key] = json.loads(value) if value[:1] in ("[", "{") or value in ("true", "false") else value
    return params


def heads() -> list[str]:
    return list(ScriptDirectory.from_config(migrate.alembic_config("sqlite:///x.db")).get_heads())


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# --- telegram set-webhook ----------------------------------------------------------------------------


@pytest.mark.parametrize("drop_pending", [False, True])
async def test_set_webhook_registers_url_secret_and_our_update_types(drop_pending: bool) -> None:
    out = io.StringIO()
    with respx.mock(assert_all_called=True) as mock:
        route = mock.post(f"{TELEGRAM_API}{TOKEN}/setWebhook").respond(json={"ok": True, "result": True})
        code = await operator.set_telegram_webhook(configured(), out, drop_pending=drop_pending)
    assert code == 0, out.getvalue()
    (call,) = route.calls
    sent = form(call.request)
    assert sent["url"] == f"{PUBLIC}/webhooks/telegram"
    assert sent["secret_token"] == WEBHOOK_SECRET
    assert sent["allowed_updates"] == ["message", "edited_message", "callback_query", "my_chat_member"]
    assert sent["drop_pending_updates"] is drop_pending
    assert "max_connections" not in sent
    text = out.getvalue()
    assert f"{PUBLIC}/webhooks/telegram" in text
    assert ("dropped" if drop_pending else "kept") in text
    assert_no_secret(text)


async def test_set_webhook_passes_max_connections_and_uses_the_configured_api_base() -> None:
    out = io.StringIO()
    base = "http://127.0.0.1:9/bot"
    with respx.mock(assert_all_called=True) as mock:
        route = mock.post(f"{base}{TOKEN}/setWebhook").respond(json={"ok": True, "result": True})
        code = await operator.set_telegram_webhook(
            configured(TELEGRAM_API_BASE_URL=base), out, max_connections=80
        )
    assert code == 0, out.getvalue()
    assert form(route.calls[0].request)["max_connections"] == "80"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"PUBLIC_BASE_URL": "", **NO_TWILIO}, "PUBLIC_BASE_URL"),
        ({"TELEGRAM_BOT_TOKEN": "", "TELEGRAM_WEBHOOK_SECRET": ""}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_WEBHOOK_SECRET": "has spaces and é"}, "TELEGRAM_WEBHOOK_SECRET"),
    ],
)
async def test_set_webhook_refuses_an_incomplete_configuration_without_calling_telegram(
    overrides: dict[str, str], message: str
) -> None:
    out = io.StringIO()
    with respx.mock(assert_all_called=False) as mock:
        route = mock.post(url__regex=r".*/setWebhook$").respond(json={"ok": True, "result": True})
        code = await operator.set_telegram_webhook(configured(**overrides), out)
    assert code == 2
    assert not route.called
    assert message in out.getvalue()
    assert_no_secret(out.getvalue())


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(401, json={"ok": False, "error_code": 401, "description": "Unauthorized"}),
        httpx.Response(400, json={"ok": False, "error_code": 400, "description": "Bad Request: bad url"}),
        httpx.ConnectError(f"cannot reach {TELEGRAM_API}{TOKEN}/setWebhook"),
    ],
    ids=["unauthorized", "bad_request", "unreachable"],
)
async def test_set_webhook_failure_exits_1_and_shows_no_token(answer: httpx.Response | Exception) -> None:
    out = io.StringIO()
    with respx.mock() as mock:
        route = mock.post(f"{TELEGRAM_API}{TOKEN}/setWebhook")
        if isinstance(answer, Exception):
            route.mock(side_effect=answer)
        else:
            route.mock(return_value=answer)
        code = await operator.set_telegram_webhook(configured(), out, timeout=2)
    assert code == 1
    assert "setWebhook failed" in out.getvalue()
    assert_no_secret(out.getvalue())


# --- telegram webhook-info ---------------------------------------------------------------------------


def webhook_info(url: str, **extra: Any) -> dict[str, Any]:
    return {
        "ok": True,
        "result": {"url": url, "has_custom_certificate": False, "pending_update_count": 3, **extra},
    }


async def test_webhook_info_matching_the_configuration_exits_0() -> None:
    out = io.StringIO()
    body = webhook_info(
        f"{PUBLIC}/webhooks/telegram",
        allowed_updates=["message", "edited_message", "callback_query", "my_chat_member"],
        max_connections=40,
        last_error_date=1_790_000_000,
        last_error_message="Wrong response from the webhook: 502 Bad Gateway",
    )
    with respx.mock(assert_all_called=True) as mock:
        mock.post(f"{TELEGRAM_API}{TOKEN}/getWebhookInfo").respond(json=body)
        code = await operator.telegram_webhook_info(configured(), out)
    text = out.getvalue()
    assert code == 0, text
    assert "pending updates        3" in text
    assert "502 Bad Gateway" in text
    assert "matches this configuration" in text
    assert_no_secret(text)


@pytest.mark.parametrize(
    "result",
    [
        webhook_info(""),
        webhook_info("https://old.example.nl/webhooks/telegram"),
        webhook_info(f"{PUBLIC}/webhooks/telegram", allowed_updates=["message"]),
    ],
    ids=["none", "other_url", "other_updates"],
)
async def test_webhook_info_differing_from_the_configuration_exits_1(result: dict[str, Any]) -> None:
    out = io.StringIO()
    with respx.mock() as mock:
        mock.post(f"{TELEGRAM_API}{TOKEN}/getWebhookInfo").respond(json=result)
        code = await operator.telegram_webhook_info(configured(), out)
    assert code == 1
    assert "voordeur telegram set-webhook" in out.getvalue()
    assert_no_secret(out.getvalue())


# --- the command line, end to end against the Telegram emulator -----------------------------------------


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[pytest.MonkeyPatch]:
    """No setting from the developer's shell or a `.env`: the command runs in an empty directory.
    `cli.main` configures logging for the process; the root logger is put back afterwards."""
    for name in list(os.environ):
        if name.startswith(LEAKY_PREFIXES) or name in LEAKY_NAMES:
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield monkeypatch
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


def test_cli_set_webhook_then_webhook_info_against_the_emulator(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    emulator = TelegramEmulator(token=TOKEN)
    with run_asgi(emulator.app) as url:
        for name, value in channels(TELEGRAM_API_BASE_URL=f"{url}/bot").items():
            clean_env.setenv(name, value)
        clean_env.setenv("DATABASE_URL", "sqlite:///never-created.db")

        assert cli.main(["telegram", "webhook-info"]) == 1  # nothing registered yet
        assert cli.main(["telegram", "set-webhook", "--drop-pending"]) == 0
        registered = emulator.webhook
        assert cli.main(["telegram", "webhook-info"]) == 0
    assert registered is not None
    assert registered["url"] == f"{PUBLIC}/webhooks/telegram"
    assert registered["secret_token"] == WEBHOOK_SECRET
    assert registered["drop_pending_updates"] is True
    assert registered["allowed_updates"] == list(operator.ALLOWED_UPDATES)
    captured = capsys.readouterr()
    assert "matches this configuration" in captured.out
    assert_no_secret(captured.out + captured.err)
    # Operator commands do not migrate (nor create) the database.
    assert not Path("never-created.db").exists()


# --- check ---------------------------------------------------------------------------------------------


def test_check_a_configured_setup_exits_0_and_lists_what_each_provider_must_call(database_url: str) -> None:
    out = io.StringIO()
    code = operator.run_check(out, configured(database_url))
    text = out.getvalue()
    assert code == 0, text
    assert "channels: telegram, sms, whatsapp" in text
    assert f"webhook URL                  {PUBLIC}/webhooks/telegram" in text
    assert text.count(f"inbound message URL (POST)   {PUBLIC}/webhooks/twilio/messages") == 2
    assert text.count(f"status callback URL (POST)   {PUBLIC}/webhooks/twilio/status") == 2
    assert f"migration revision: {', '.join(heads())} (head, up to date)" in text
    assert "reachable: " + ("SQLite" if database_url.startswith("sqlite") else "PostgreSQL") in text
    assert "TWILIO_AUTH_TOKEN            set (" in text
    assert "TELEGRAM_BOT_TOKEN           987654321:*** (hidden)" in text
    assert text.rstrip().splitlines()[-1].startswith("result: ok")
    assert_no_secret(text)


def test_check_unreachable_database_exits_1_within_the_timeout_and_hides_the_password() -> None:
    url = f"postgresql+psycopg://voordeur:{DB_PASSWORD}@127.0.0.1:{closed_port()}/voordeur"
    out = io.StringIO()
    started = time.monotonic()
    code = operator.run_check(out, configured(url), db_timeout=2)
    elapsed = time.monotonic() - started
    text = out.getvalue()
    assert code == 1, text
    assert elapsed < 5, elapsed
    assert "unreachable" in text
    assert "PROBLEM  DATABASE_URL: database unreachable" in text
    assert "postgresql+psycopg://voordeur:***@127.0.0.1" in text
    assert_no_secret(text)


def test_check_silent_database_is_bounded_by_the_timeout() -> None:
    """A server that accepts the connection but never answers (a hung proxy) must not hang `check`."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        port = listener.getsockname()[1]
        out = io.StringIO()
        started = time.monotonic()
        code = operator.run_check(
            out, configured(f"postgresql+psycopg://voordeur@127.0.0.1:{port}/voordeur"), db_timeout=1
        )
        elapsed = time.monotonic() - started
    assert code == 1, out.getvalue()
    assert elapsed < 4, elapsed
    assert "unreachable" in out.getvalue()


def test_check_missing_sqlite_file_is_a_problem_and_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    out = io.StringIO()
    assert operator.run_check(out, configured(f"sqlite:///{path}")) == 1
    assert "does not exist" in out.getvalue()
    assert not path.exists()


def test_check_empty_and_behind_databases_exit_1(tmp_path: Path, sqlite_template: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    out = io.StringIO()
    assert operator.run_check(out, configured(f"sqlite:///{empty}")) == 1
    assert "migrations: the database is empty; run `voordeur db upgrade`" in out.getvalue()

    behind = tmp_path / "behind.db"
    shutil.copyfile(sqlite_template, behind)
    command.downgrade(migrate.alembic_config(f"sqlite:///{behind}"), "-1")
    out = io.StringIO()
    assert operator.run_check(out, configured(f"sqlite:///{behind}")) == 1
    assert "(behind: code expects" in out.getvalue()
    assert "migrations: behind; run `voordeur db upgrade`" in out.getvalue()


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"VOORDEUR_FAILPOINT": "kill_after_inbound_commit"}, "PROBLEM  VOORDEUR_FAILPOINT"),
        ({"TELEGRAM_WEBHOOK_SECRET": "with space"}, "PROBLEM  TELEGRAM_WEBHOOK_SECRET"),
        ({"VOORDEUR_SEND_TIMEOUT": 300}, "PROBLEM  VOORDEUR_SEND_TIMEOUT"),
        ({"PUBLIC_BASE_URL": "http://voordeur.example.nl"}, "WARNING  PUBLIC_BASE_URL is not https"),
        ({"PUBLIC_BASE_URL": "https://voordeur.example.nl:8080"}, "WARNING  PUBLIC_BASE_URL port 8080"),
        ({"VOORDEUR_SIMULATOR": True}, "WARNING  VOORDEUR_SIMULATOR is on"),
    ],
)
def test_check_reviews_combinations_a_start_would_accept(
    overrides: dict[str, Any], expected: str, sqlite_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "db.db"
    shutil.copyfile(sqlite_template, path)
    out = io.StringIO()
    code = operator.run_check(out, configured(f"sqlite:///{path}", **overrides))
    assert expected in out.getvalue()
    assert code == (1 if expected.startswith("PROBLEM") else 0), out.getvalue()


def test_cli_check_lists_every_wrong_setting_and_never_echoes_a_value(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clean_env.setenv("DATABASE_URL", "mysql://somewhere/voordeur")
    clean_env.setenv("VOORDEUR_QUIET_HOURS", "late")
    # A token pasted into the wrong variable must not be printed back.
    clean_env.setenv("TWILIO_SMS_NUMBER", TWILIO_TOKEN)
    assert cli.main(["check"]) == 1
    captured = capsys.readouterr()
    assert "setting DATABASE_URL:" in captured.out
    assert "setting VOORDEUR_QUIET_HOURS:" in captured.out
    assert "setting TWILIO_SMS_NUMBER:" in captured.out
    assert_no_secret(captured.out + captured.err)


def test_cli_check_configured_from_a_dotenv_file(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sqlite_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "voordeur.db"
    shutil.copyfile(sqlite_template, path)
    values = {**channels(), "DATABASE_URL": f"sqlite:///{path}"}
    Path(".env").write_text("".join(f"{name}={value}\n" for name, value in values.items()))
    assert cli.main(["check"]) == 0
    captured = capsys.readouterr()
    assert "result: ok" in captured.out
    assert_no_secret(captured.out + captured.err)


def test_every_command_answers_help(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["check"], ["telegram"], ["telegram", "set-webhook"], ["telegram", "webhook-info"]):
        with pytest.raises(SystemExit) as exit_info:
            cli.main([*argv, "--help"])
        assert exit_info.value.code == 0
    assert "--drop-pending" in capsys.readouterr().out


def test_the_deploy_guide_describes_every_setting_in_env_example() -> None:
    """docs/deploy.md's settings reference keeps up with .env.example (a new setting needs a line there)."""
    root = Path(__file__).resolve().parents[1]
    names = [
        line.split("=", 1)[0].lstrip("# ").strip()
        for line in (root / ".env.example").read_text(encoding="utf-8").splitlines()
        if "=" in line and line.lstrip("# ").split("=", 1)[0].strip().isupper()
    ]
    guide = (root / "docs" / "deploy.md").read_text(encoding="utf-8")
    reference = guide[guide.index("## 8. Settings reference") : guide.index("## 9. Operating")]
    assert names
    assert [name for name in names if f"`{name}`" not in reference] == []
