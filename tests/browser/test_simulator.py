"""The demo's simulator page in a real browser (Debian's system Chromium through Playwright).

`voordeur demo` runs as a child process, as a newcomer would start it. On the page: the resident's SMS
phone asks for help with groceries, Henk's Telegram phone gets the invitation and taps yes, the two agree
to meet in three hours, and the demo clock moves two hours forward: the reminder (two hours before) appears
on both phones. Each phone renders as its channel: numbered options on SMS, buttons on Telegram.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flows import catalogue
from tests.browser.test_console import _chromium
from tests.e2e_support import clean_environment, free_port, voordeur_command, wait_for

pytestmark = pytest.mark.e2e

WAIT_MS = 20_000
# The resident's side until the request is sent: first contact (name, neighbourhood 1 = Molenwijk, consent),
# then the menu's ask-for-help with groceries (as tests/community.py ASK_BOODSCHAPPEN).
RESIDENT_LINES = [
    "hallo",
    "Ria",
    "1",
    "ja",
    "1",
    "1",
    "melk en brood halen",
    "morgen om 10 uur",
    "1",
    "2",
    "1",
    "1",
]


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[str]:
    import httpx

    port = free_port()
    log = (tmp_path / "demo.log").open("ab")
    process = subprocess.Popen(
        [*voordeur_command(), "demo", "--port", str(port)],
        env=clean_environment(),
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        if process.poll() is not None:
            raise AssertionError((tmp_path / "demo.log").read_text())
        try:
            return httpx.get(url + "/healthz", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    try:
        wait_for(healthy, 60, "voordeur demo to answer", interval=0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture
def page(demo: str, tmp_path: Path) -> Iterator[Any]:
    from playwright import sync_api

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(_chromium()), args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(WAIT_MS)
        page.goto(demo + "/simulator")
        try:
            yield page
        finally:
            page.screenshot(path=str(tmp_path / "simulator.png"), full_page=True)
            browser.close()


def phone(page: Any, label_start: str) -> Any:
    return page.locator("section.phone", has=page.locator("header", has_text=label_start))


def type_on(phone_el: Any, text: str) -> None:
    before = phone_el.locator(".msg.person").count()
    phone_el.locator("input[name=text]").fill(text)
    phone_el.locator("input[name=text]").press("Enter")
    phone_el.locator(".msg.person").nth(before).wait_for()


def last_bot(phone_el: Any) -> Any:
    return phone_el.locator(".msg.bot").last


def test_a_request_a_match_and_a_reminder_in_the_browser(page: Any) -> None:
    from playwright.sync_api import expect

    resident, henk = phone(page, "Bewoner"), phone(page, "Henk")
    expect(page.locator("#staff-link")).to_have_attribute("href", "/simulator/staff")
    for line in RESIDENT_LINES:
        type_on(resident, line)
        if line == "hallo":
            expect(last_bot(resident)).to_contain_text(catalogue.render("ask_name", "nl")[:20])
    # SMS shows the neighbourhood question with numbered options, no buttons.
    expect(resident.locator(".msg.bot", has_text="1 Molenwijk")).to_have_count(1)
    assert resident.locator(".msg.bot button").count() == 0

    # Henk, on Telegram, sees the invitation with buttons and taps yes.
    invitation = henk.locator(".msg.bot", has_text="melk en brood halen").last
    yes = catalogue.render("invite_yes", "nl")
    invitation.locator("button", has_text=yes).click()
    expect(resident.locator(".msg.bot", has_text="Goed nieuws! Henk")).to_have_count(1)
    expect(last_bot(resident)).to_contain_text(catalogue.render("meet_where", "nl", {"name": "Henk"})[:20])

    # Where and when: at the resident's home, in three hours; Henk confirms with a button.
    type_on(resident, "1")
    expect(last_bot(resident)).to_contain_text(catalogue.render("meet_when", "nl")[:10])
    type_on(resident, "over 3 uur")
    # Three hours from now may fall in the night (22:00-07:00), which the bot asks back: confirm it.
    night = catalogue.render("night_check", "nl", {"when": ""}).strip()[:20]
    fits = catalogue.render("meet_choice_fits", "nl")
    proposal = henk.locator(".msg.bot", has=page.locator("button", has_text=fits))
    deadline = time.monotonic() + 20
    while proposal.count() == 0 and time.monotonic() < deadline:
        if night in last_bot(resident).inner_text():
            type_on(resident, "ja")
            break
        time.sleep(0.2)
    henk.locator(".msg.bot", has=page.locator("button", has_text=fits)).last.locator(
        "button", has_text=fits
    ).click()
    agreed = catalogue.render("meet_agreed", "nl", {"name": "Henk", "when": "", "place": ""})[:15]
    expect(resident.locator(".msg.bot", has_text=agreed)).to_have_count(1)

    # Two hours on the demo clock (the meeting starts on the next whole minute, so one hour falls just
    # short): the reminder two hours before the meeting reaches both phones; the meeting is still ahead.
    reminder = catalogue.render("meet_reminder_soon", "nl", {"clock": "", "name": "", "place": ""})[:12]
    assert resident.locator(".msg.bot", has_text=reminder).count() == 0
    page.locator("#clock button[data-minutes='60']").click()
    expect(page.locator("#ran")).to_contain_text("geplande berichten")
    page.locator("#ran").evaluate("element => { element.textContent = '' }")
    page.locator("#clock button[data-minutes='60']").click()
    expect(page.locator("#ran")).to_contain_text("geplande berichten")
    expect(resident.locator(".msg.bot", has_text=reminder)).to_have_count(1)
    expect(henk.locator(".msg.bot", has_text=reminder)).to_have_count(1)
