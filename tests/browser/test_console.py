"""The staff console in a real browser: Playwright (Python) drives Debian's system Chromium against the
real `voordeur serve` in a child process, between the emulated Telegram and Twilio APIs.

Covered: log in, see a queued request, take over a resident's conversation and see the message reach
the emulated provider (while the bot stays silent), hand back, a phone intake through to a volunteer's
invitation at the provider, the dashboard's SVG charts (screenshot saved in the test's tmp dir), a
buurtverbinder refused another neighbourhood's person, and a POST with a wrong CSRF token refused.
Staff accounts are made with the real `voordeur staff add`.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from flows.profile import CONSENT_TEXT_KEY, CONSENT_VERSION
from storage.models import (
    Consent,
    Conversation,
    HelpOffer,
    HelpRequest,
    Identity,
    OfferCategory,
    OutboxMessage,
    Person,
)
from tests.conftest import fixture_json
from tests.e2e_support import (
    SMS_NUMBER,
    Database,
    ServeProcess,
    channel_settings,
    clean_environment,
    free_port,
    post_twilio,
    voordeur_command,
)
from tests.emulators.server import run_asgi
from tests.emulators.telegram_api import TelegramEmulator
from tests.emulators.twilio_api import TwilioEmulator

pytestmark = pytest.mark.e2e

CHROMIUM = Path("/usr/bin/chromium")
COORDINATOR = ("coord@voordeur.test", "Anna Jansen", "coordinator", [])
BUURTVERBINDER = ("bas@voordeur.test", "Bas Visser", "buurtverbinder", ["bloemhof"])
PASSWORD = "browser-test-secret"
RESIDENT = "+31612340001"  # Truus, Molenwijk, by SMS, with an unmatched request
VOLUNTEER = "+31612340002"  # Henk, Molenwijk, offers boodschappen, by SMS
QUEUED = "lamp in de gang ophangen"
WAIT = 15.0


def _chromium() -> Path:
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        pytest.skip("no system Chromium: install Debian's `chromium` package (.ci/run does so as root)")
    return CHROMIUM if CHROMIUM.exists() else Path(str(shutil.which("chromium")))


@dataclass
class Console:
    url: str
    twilio: TwilioEmulator
    db: Database
    resident_id: int
    request_id: int
    artifacts: Path

    def sms_from_resident(self, body: str) -> str:
        sid = "SM" + uuid.uuid4().hex
        form = dict(fixture_json("twilio", "sms_inbound.json"))
        form.update(Body=body, From=RESIDENT, To=SMS_NUMBER, MessageSid=sid, SmsMessageSid=sid, SmsSid=sid)
        with httpx.Client(timeout=10.0) as client:
            response = post_twilio(client, self.url, self.url, self.twilio.auth_token, form)
        assert response.status_code == 200
        return sid


def _seed(database_url: str, tenant: str = "default") -> tuple[int, int]:
    """Truus with an unmatched request and Henk, a volunteer, both on SMS in the Molenwijk."""
    db = Database(database_url)
    now = datetime.now(UTC)
    try:
        with Session(db.engine) as session, session.begin():
            ids = []
            for address, name in ((RESIDENT, "Truus"), (VOLUNTEER, "Henk")):
                person = Person(
                    created_at=now,
                    last_active_at=now,
                    language="nl",
                    first_name=name,
                    neighbourhood="molenwijk",
                    tenant=tenant,
                )
                session.add(person)
                session.flush()
                session.add(
                    Identity(
                        person_id=person.id, channel="sms", address=address, created_at=now, tenant=tenant
                    )
                )
                session.add(
                    Conversation(
                        person_id=person.id,
                        state={"greeted": True, "flow": "menu", "lang": "nl", "offered": []},
                        updated_at=now,
                    )
                )
                session.add(
                    Consent(
                        person_id=person.id, version=CONSENT_VERSION, text_key=CONSENT_TEXT_KEY, given_at=now
                    )
                )
                ids.append(person.id)
            session.add(
                HelpOffer(
                    person_id=ids[1],
                    reach="nearby",
                    availability=[],
                    weekly_limit=3,
                    languages=["nl"],
                    created_at=now,
                    updated_at=now,
                )
            )
            session.flush()
            session.add(OfferCategory(person_id=ids[1], category="boodschappen"))
            request = HelpRequest(
                person_id=ids[0],
                category="klusjes",
                description=QUEUED,
                when={"kind": "asap", "start": None, "zone": None, "daypart": None, "recurrence": None},
                neighbourhood="molenwijk",
                urgent=False,
                visibility="helper_and_staff",
                status="unmatched",
                source="chat",
                created_at=now,
                updated_at=now,
            )
            session.add(request)
            session.flush()
            return ids[0], request.id
    finally:
        db.close()


def _staff_add(
    env: dict[str, str], cwd: Path, account: tuple[str, str, str, list[str]], tenant: str = "default"
) -> None:
    email, name, role, neighbourhoods = account
    command = [*voordeur_command(), "staff", "add", "--email", email, "--name", name, "--role", role]
    command += ["--tenant", tenant]
    for key in neighbourhoods:
        command += ["--neighbourhood", key]
    command += ["--phone", "0570-111222"]
    done = subprocess.run(
        command, env=env, cwd=cwd, input=PASSWORD + "\n", capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


@contextlib.contextmanager
def serve_console(
    database_url: str,
    tmp_path: Path,
    tenant: str = "default",
    tenant_toml: str = "",
    accounts: tuple[tuple[str, str, str, list[str]], ...] = (),
) -> Iterator[Console]:
    """`voordeur serve` between the emulators with Truus, Henk and the staff `accounts` (Anna and Bas
    when not given). With `tenant_toml`
    (the body of a `[tenants.<tenant>]` table) the people and staff belong to that tenant of a
    VOORDEUR_TENANTS_FILE, which owns the emulated Twilio account and numbers; otherwise to `default`,
    formed by the contract's channel variables."""
    _chromium()
    TOTP.clear()
    resident_id, request_id = _seed(database_url, tenant)
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    telegram, twilio = TelegramEmulator(), TwilioEmulator()
    with run_asgi(telegram.app) as telegram_url, run_asgi(twilio.app, graceful_timeout=5) as twilio_url:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        channels = channel_settings(telegram, telegram_url, twilio, twilio_url, url)
        if tenant_toml:
            # The tenant of the file owns the emulated Twilio account; the contract's channel variables
            # would form `default` beside it, so they stay unset (the API base URLs remain).
            for name in TENANT_OWNED:
                channels.pop(name)
            tenants_file = tmp_path / "tenants.toml"
            tenants_file.write_text(
                f"[tenants.{tenant}]\n{tenant_toml}\n\n[tenants.{tenant}.twilio]\n"
                f'account_sid = "{twilio.account_sid}"\nauth_token = "{twilio.auth_token}"\n'
                f'sms_number = "{SMS_NUMBER}"\n',
                encoding="utf-8",
            )
            channels["VOORDEUR_TENANTS_FILE"] = str(tenants_file)
        env = clean_environment(
            DATABASE_URL=database_url, VOORDEUR_QUIET_HOURS="", VOORDEUR_LOG_FORMAT="json", **channels
        )
        for account in accounts or (COORDINATOR, BUURTVERBINDER):
            _staff_add(env, workdir, account, tenant)
        server = ServeProcess(port, env, workdir, tmp_path / "serve.log")
        db = Database(database_url)
        try:
            server.wait_healthy()
            yield Console(url, twilio, db, resident_id, request_id, tmp_path)
        finally:
            server.terminate()
            try:
                server.wait(15)
            finally:
                server.kill()
                db.close()


# The contract's channel variables a tenant of the file takes over (serve_console).
TENANT_OWNED = (
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_WEBHOOK_SECRET",
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "TWILIO_SMS_NUMBER",
    "TWILIO_WHATSAPP_NUMBER",
)


@pytest.fixture
def console(database_url: str, tmp_path: Path) -> Iterator[Console]:
    with serve_console(database_url, tmp_path) as running:
        yield running


@pytest.fixture
def browser() -> Iterator[Any]:
    _chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(_chromium()), args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        try:
            yield instance
        finally:
            instance.close()


# The TOTP secrets the coordinators set up on their first log-in, by email (per test: fresh database).
TOTP: dict[str, str] = {}


def _log_in(browser: Any, console: Console, email: str, width: int = 1024, javascript: bool = True) -> Any:
    """Log in through the form; a coordinator (made by `voordeur staff add`, without a second factor)
    sets up TOTP on the page the console sends them to, and types its code on later log-ins."""
    import pyotp

    context = browser.new_context(
        viewport={"width": width, "height": 768}, locale="nl-NL", java_script_enabled=javascript
    )
    page = context.new_page()
    page.set_default_timeout(WAIT * 1000)
    page.goto(console.url + "/staff/")
    assert page.url.endswith("/staff/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    if email in TOTP:
        page.fill("#code", pyotp.TOTP(TOTP[email]).now())
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if page.url.endswith("/staff/account/second-factor"):
        secret = page.locator("#totp-secret").inner_text().strip()
        page.fill("#code", pyotp.TOTP(secret).now())
        page.click("#second-factor-save")
        TOTP[email] = secret
    page.wait_for_url(console.url + "/staff/")
    return page


def test_a_coordinator_works_the_queue_takes_over_hands_back_takes_a_call_and_reads_the_dashboard(
    console: Console, browser: Any
) -> None:
    page = _log_in(browser, console, COORDINATOR[0])

    # The queued request is on the first page, with what the bot did.
    row = page.locator("tr.unmatched-request", has_text=QUEUED)
    assert row.count() == 1
    row.get_by_role("link", name="Truus").click()
    page.wait_for_url(f"{console.url}/staff/people/{console.resident_id}")

    # Take over: the bot stops answering Truus; staff's message reaches her phone, signed.
    page.click("#takeover")
    page.wait_for_selector("#message-form")
    sid = console.sms_from_resident("Hallo? Ik snap het niet meer")
    inbound = console.db.wait_processed(sid, timeout=WAIT)
    assert console.db.outbox(OutboxMessage.inbound_id == inbound.id) == [], "the bot answered while held"
    page.reload()
    assert page.locator("#conversation", has_text="Ik snap het niet meer").count() == 1
    page.fill("#text", "Dag Truus, ik bel je vanmiddag even.")
    page.click("#send")
    page.wait_for_selector(".flash")
    sent = console.twilio.wait_for_messages(1, to=RESIDENT, timeout=WAIT)
    assert sent[-1]["body"] == "Dag Truus, ik bel je vanmiddag even.\n- Anna, Voordeur"

    # Hand back: she hears the bot is back, and the bot answers her again.
    page.click("#handback")
    page.wait_for_selector("#takeover")
    texts = console.twilio.wait_for_messages(2, to=RESIDENT, timeout=WAIT)
    assert "Voordeur-bot" in texts[-1]["body"]
    console.sms_from_resident("menu")
    console.twilio.wait_for_messages(3, to=RESIDENT, timeout=WAIT)

    # Phone intake without a number: Henk, the volunteer, gets the invitation on his phone.
    page.click("text=Telefoon")
    page.fill("#first_name", "Gerda")
    page.select_option("#neighbourhood", "molenwijk")
    page.select_option("#category", "boodschappen")
    page.fill("#description", "boodschappen doen bij de Jumbo")
    page.fill("#when", "morgen om 10 uur")
    page.check("#consent")
    page.click("#intake-submit")
    page.wait_for_selector("#request-status")
    invitation = console.twilio.wait_for_messages(1, to=VOLUNTEER, timeout=WAIT)
    assert "boodschappen doen bij de Jumbo" in invitation[0]["body"]
    page.reload()
    assert page.locator("#bot-did", has_text="Henk").count() == 1

    # The dashboard: charts as inline SVG, a screenshot kept with the test's output.
    page.click("text=Dashboard")
    page.wait_for_selector("svg.chart")
    assert page.locator("svg.chart").count() >= 1
    assert page.locator("svg.chart rect.bar").count() >= 2  # klusjes and boodschappen this week
    assert page.locator("#fig-requests").inner_text() == "2"
    shot = console.artifacts / "dashboard.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    print(f"dashboard screenshot: {shot}")


def test_role_limits_and_csrf_rejection_in_the_browser(console: Console, browser: Any) -> None:
    page = _log_in(browser, console, BUURTVERBINDER[0])
    # Bas works in the Bloemhof: Truus (Molenwijk) and her request are not his to see.
    assert QUEUED not in page.content()
    response = page.goto(f"{console.url}/staff/people/{console.resident_id}")
    assert response is not None and response.status == 404
    response = page.goto(f"{console.url}/staff/requests/{console.request_id}")
    assert response is not None and response.status == 404
    response = page.goto(f"{console.url}/staff/dashboard")
    assert response is not None and response.status == 403

    # A form whose CSRF token was tampered with is refused and changes nothing.
    coordinator = _log_in(browser, console, COORDINATOR[0])
    coordinator.goto(f"{console.url}/staff/people/{console.resident_id}")
    coordinator.eval_on_selector(
        "form[action$='/takeover'] input[name=csrf]", "element => { element.value = 'forged'; }"
    )
    with coordinator.expect_response(lambda r: r.url.endswith("/takeover")) as answer:
        coordinator.click("#takeover")
    assert answer.value.status == 403
    assert coordinator.locator(".error").count() == 1
    coordinator.goto(f"{console.url}/staff/people/{console.resident_id}")
    assert coordinator.locator("#takeover").count() == 1  # still not taken over
