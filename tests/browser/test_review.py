"""Request review in a real browser: a tenant of the tenants file with `review_requests = true`; Truus
asks for help by SMS through the signed Twilio webhook, one step at a time; Henk, the volunteer who
offers exactly that, gets nothing while the request waits; Truus is told someone looks at it first; Mira,
the Molenwijk's buurtverbinder, finds it in the console's review queue, gives her akkoord, and only then
does Henk's invitation reach the emulated Twilio."""

# ruff: noqa: F811  (the fixture `browser` comes from test_console)
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from flows import catalogue
from storage.models import HelpRequest, MatchInvitation, OutboxMessage
from tests.browser.test_console import (  # noqa: F401  (fixtures)
    RESIDENT,
    VOLUNTEER,
    WAIT,
    Console,
    _log_in,
    browser,
    serve_console,
)
from tests.browser.test_inbox import shoot

pytestmark = pytest.mark.e2e

TENANT = "lindenhoven"
# The tenant's table in the tenants file (serve_console adds its Twilio account: the emulator's).
REVIEWING = 'name = "Voordeur Lindenhoven"\nquiet_hours = ""\nreview_requests = true'
MIRA = ("mira@voordeur.test", "Mira de Vries", "buurtverbinder", ["molenwijk"])
DESCRIPTION = "melk en brood halen bij de Jumbo"
# Truus is greeted and at the menu (tests/browser/test_console.py seeds her): the ask flow's answers.
ASK = ("menu", "1", "1", DESCRIPTION, "morgen om 10 uur", "1", "2", "1", "1")


@pytest.fixture
def reviewing(database_url: str, tmp_path: Path) -> Iterator[Console]:
    with serve_console(database_url, tmp_path, TENANT, REVIEWING, accounts=(MIRA,)) as running:
        yield running


def test_request_review_holds_the_invitation_until_the_akkoord(reviewing: Console, browser: Any) -> None:
    console = reviewing
    henk = console.db.identity("sms", VOLUNTEER)
    assert henk is not None
    for body in ASK:
        console.db.wait_processed(console.sms_from_resident(body), timeout=WAIT)
    asked = console.db._all(select(HelpRequest).where(HelpRequest.description == DESCRIPTION))
    assert [(r.status, r.category, r.reviewed_at) for r in asked] == [("review", "boodschappen", None)]
    request_id = asked[0].id

    # Truus hears that someone looks at her request first; Henk hears nothing, nothing is queued for him.
    told = catalogue.message("request_in_review", "nl", {}, service="Voordeur Lindenhoven")
    console.twilio.wait_until(
        lambda: any(told in m["body"] for m in console.twilio.messages(RESIDENT)), WAIT, "the review notice"
    )
    assert console.db.outbox(OutboxMessage.person_id == henk.person_id) == []
    assert console.db._all(select(MatchInvitation)) == []
    assert console.twilio.messages(to=VOLUNTEER) == []

    # Mira sees it waiting in the review queue, opens it and gives her akkoord.
    mira = _log_in(browser, console, MIRA[0], width=1400)
    waiting = mira.locator("#in-review tr.review-request", has_text=DESCRIPTION)
    assert waiting.count() == 1
    shoot(mira, console, "review-queue")
    waiting.locator(f"a[href='/staff/requests/{request_id}']").click()
    mira.wait_for_url(f"{console.url}/staff/requests/{request_id}")
    assert mira.locator("#review-form").count() == 1
    shoot(mira, console, "review-request")
    assert console.twilio.messages(to=VOLUNTEER) == []  # looking at it is not an akkoord
    mira.click("#approve")
    mira.wait_for_selector(".flash")

    # Now Henk's invitation goes out, with Truus's words; the queue no longer lists the request.
    invitation = console.twilio.wait_for_messages(1, to=VOLUNTEER, timeout=WAIT)
    assert DESCRIPTION in invitation[0]["body"]
    approved = console.db._all(select(HelpRequest).where(HelpRequest.id == request_id))[0]
    assert approved.reviewed_at is not None and approved.status != "review"
    assert len(console.db._all(select(MatchInvitation))) == 1
    mira.goto(console.url + "/staff/")
    assert mira.locator("#in-review tr.review-request", has_text=DESCRIPTION).count() == 0
