"""The inbox in a real browser (Debian's Chromium, Playwright) against `voordeur serve` with the
emulated providers: search scoped by neighbourhood, a MENS alert from a webhook on an open console
within 5 seconds, assignment / notes / labels / canned replies, a deactivated colleague refused on their
next click, the lock-out attack leaving the real user able to log in; screenshots of every page at 1400
and 390 pixels wide (kept in the test's tmp dir, and in VOORDEUR_SCREENSHOTS when set)."""

# ruff: noqa: F811  (the fixtures `console` and `browser` come from test_console)
from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path
from typing import Any

import httpx
import pyotp
import pytest
from sqlalchemy import select

from storage.models import StaffAccount
from tests.browser.test_console import (  # noqa: F401  (fixtures)
    BUURTVERBINDER,
    COORDINATOR,
    PASSWORD,
    RESIDENT,
    TOTP,
    WAIT,
    Console,
    _log_in,
    browser,
    console,
)

pytestmark = pytest.mark.e2e
WIDTHS = (1400, 390)


def shoot(page: Any, console: Console, name: str) -> None:
    """The page at both widths, full length; copied to VOORDEUR_SCREENSHOTS to be looked at."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        keep(page, console, f"{name}-{width}")
    page.set_viewport_size({"width": 1400, "height": 900})


def keep(page: Any, console: Console, name: str) -> None:
    """A full-length screenshot in the test's tmp dir, and in VOORDEUR_SCREENSHOTS when set."""
    path = console.artifacts / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    target = os.environ.get("VOORDEUR_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / path.name)


def test_search_alerts_teamwork_and_screenshots(console: Console, browser: Any) -> None:
    sid = console.sms_from_resident("Mijn wasmachine lekt, wie kan helpen?")
    console.db.wait_processed(sid, timeout=WAIT)
    anna = _log_in(browser, console, COORDINATOR[0], width=1400)
    shoot(anna, console, "queue")

    # Search finds Truus by a word of her message.
    anna.fill("header input[name=q]", "wasmachine")
    anna.press("header input[name=q]", "Enter")
    anna.wait_for_selector("#found-messages")
    assert anna.locator("#found-messages", has_text="Truus").count() == 1
    shoot(anna, console, "search")

    # A MENS from Truus (through the Twilio webhook) shows on the open console within 5 seconds.
    anna.goto(console.url + "/staff/conversations")
    shoot(anna, console, "conversations")
    anna.wait_for_timeout(3500)  # the first poll has told the page where the alerts stand
    started = time.monotonic()
    console.sms_from_resident("MENS")
    anna.wait_for_selector("#live-alerts .live-alert.urgent", timeout=5000)
    seen_after = time.monotonic() - started
    assert seen_after < 5.0
    assert "Truus" in anna.locator("#live-alerts").inner_text()
    print(f"MENS alert visible after {seen_after:.2f} s")
    shoot(anna, console, "live-alert")

    # A canned reply for the tenant, in Dutch and English.
    anna.goto(console.url + "/staff/canned")
    anna.fill("#title", "Terugbellen")
    anna.fill("#body_nl", "Dag {naam}, ik bel je vandaag nog.")
    anna.fill("#body_en", "Hi {name}, I will call you today.")
    anna.click("#canned-form button[type=submit]")
    anna.wait_for_selector("#canned-list >> text=Terugbellen")
    shoot(anna, console, "canned")

    # Assignment, a note, a label, the canned reply sent: all there after a reload.
    anna.goto(f"{console.url}/staff/people/{console.resident_id}")
    anna.click("#assign-me")
    anna.wait_for_selector(".flash")
    anna.fill("#note-body", "Wasmachine lekt; @anna bel morgen terug.")
    anna.click("#add-note")
    anna.wait_for_selector(".flash")
    anna.fill("#label-name", "terugbellen")
    anna.click("#add-label")
    anna.wait_for_selector(".flash")
    anna.click("#takeover")
    anna.wait_for_selector("#message-form")
    anna.click("a.canned-link")
    anna.wait_for_selector("#text")
    assert anna.input_value("#text") == "Dag Truus, ik bel je vandaag nog."
    anna.click("#send")
    anna.wait_for_selector(".flash")
    sent = console.twilio.wait_for_messages(1, to=RESIDENT, timeout=WAIT)
    assert sent[-1]["body"].startswith("Dag Truus, ik bel je vandaag nog.")
    anna.reload()
    assert anna.locator("#assign-to option[selected]").inner_text().startswith("Anna Jansen")
    assert anna.locator("#notes", has_text="bel morgen terug").count() == 1
    assert anna.locator("button.chip", has_text="terugbellen").count() == 1
    assert anna.locator("#chat-log", has_text="Dag Truus, ik bel je vandaag nog.").count() == 1
    shoot(anna, console, "person")
    anna.goto(console.url + "/staff/conversations?mine=1")
    assert anna.locator("#conversation-rows li", has_text="Truus").count() == 1
    anna.goto(f"{console.url}/staff/requests/{console.request_id}")
    shoot(anna, console, "request")
    anna.goto(f"{console.url}/staff/people/{console.resident_id}/block")
    shoot(anna, console, "block")
    anna.goto(console.url + "/staff/notifications")
    shoot(anna, console, "notifications")

    # Bas (Bloemhof) finds nothing of Truus.
    bas = _log_in(browser, console, BUURTVERBINDER[0], width=1400)
    bas.goto(console.url + "/staff/search?q=wasmachine")
    assert bas.locator("#no-results").count() == 1
    assert "Truus" not in bas.locator("main").inner_text()
    shoot(bas, console, "search-buurtverbinder")
    bas.goto(console.url + "/staff/")
    shoot(bas, console, "queue-buurtverbinder")

    # Anna deactivates Bas: his open page is refused on his next click.
    anna.goto(console.url + "/staff/accounts")
    shoot(anna, console, "accounts")
    anna.click(f"text={BUURTVERBINDER[1]}")
    shoot(anna, console, "account")
    anna.click("#deactivate")
    anna.wait_for_selector(".flash")
    # His open page polls: it lands on the login page by itself within seconds; any click does too.
    bas.wait_for_url(console.url + "/staff/login", timeout=8000)
    bas.goto(console.url + "/staff/conversations")
    assert bas.url == console.url + "/staff/login"
    off = console.db._all(select(StaffAccount).where(StaffAccount.email == BUURTVERBINDER[0]))
    assert off[0].active is False


def test_the_lock_out_attack_leaves_the_real_user_able_to_log_in(console: Console, browser: Any) -> None:
    """Twenty wrong passwords from this address, five of them on Anna's account; then Anna logs in with
    her password and code through the form."""
    anna = _log_in(browser, console, COORDINATOR[0], width=1400)  # sets up her second factor
    anna.context.close()
    with httpx.Client(base_url=console.url) as attacker:
        for n in range(20):
            email = COORDINATOR[0] if n >= 15 else f"nobody{n}@voordeur.test"
            form = attacker.get("/staff/login")
            csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
            assert csrf is not None
            refused = attacker.post(
                "/staff/login",
                data={"csrf": csrf.group(1), "email": email, "password": "guess", "code": "123456"},
                timeout=30,
            )
            assert refused.status_code == 401
    started = time.monotonic()
    page = _log_in(browser, console, COORDINATOR[0], width=390)
    took = time.monotonic() - started
    assert page.url == console.url + "/staff/"
    print(f"the real user logged in {took:.1f} s after the attack")
    shoot(page, console, "after-attack")
    login = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    login.goto(console.url + "/staff/login")
    shoot(login, console, "login")
    assert TOTP[COORDINATOR[0]] and pyotp.TOTP(TOTP[COORDINATOR[0]]).now()
    assert PASSWORD
