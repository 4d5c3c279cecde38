"""End to end: one help request asked, matched and relayed, through real signed webhooks.

The real app runs under uvicorn between the Telegram and Twilio emulators (as in tests/test_e2e.py).
A volunteer on Telegram is already in the database: onboarded, offering "boodschappen" in Molenwijk.
A resident on SMS onboards and asks for help by signed Twilio webhooks, one message at a time, each
sent only after the previous reply arrived. The volunteer's invitation arrives on Telegram with inline
buttons, the volunteer taps yes (a callback query), both hear of the match, and messages are relayed both
ways; neither the resident's number nor the volunteer's chat id is ever in a text. SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import copy
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.runtime import Runtime
from flows import catalogue
from storage.models import HelpRequest, OutboxMessage, ThreadMessage
from tests.community import add_person
from tests.conftest import FixedClock, fixture_json, make_settings
from tests.e2e_support import Stack, running_stack, wait_for
from tests.emulators.telegram_api import TelegramEmulator
from tests.emulators.twilio_api import TwilioEmulator

pytestmark = pytest.mark.e2e

RESIDENT_SMS = "+31612345678"  # From of sms_inbound.json
VOLUNTEER_CHAT = 5550002  # the chat of callback_query.json
# How long a step may take before the test calls the reply lost. Not a speed check: the latencies are
# recorded and printed (speed is measured in bench/, never asserted).
STEP_TIMEOUT = 10.0

# The resident's side of the conversation: what they send, and the text keys of the bot's answer
# (tests/golden/onboarding.json and ask.json show the texts). Each answer is waited for in full.
RESIDENT_STEPS: list[tuple[str, list[str]]] = [
    ("hallo", ["welcome", "ask_name"]),
    ("Ria", ["name_thanks", "ask_neighbourhood"]),
    ("7391 AB", ["neighbourhood_thanks", "consent_question"]),
    ("ja", ["consent_thanks", "menu"]),
    ("1", ["ask_category"]),  # Hulp vragen
    ("1", ["ask_description"]),  # Boodschappen
    ("melk en brood halen", ["ask_when"]),
    ("morgen om 10 uur", ["when_understood", "ask_where"]),
    ("1", ["ask_urgency"]),  # in my neighbourhood
    ("2", ["ask_visibility"]),  # not urgent
    ("1", ["ask_summary"]),  # only the helper
    ("1", ["ask_sent"]),  # send
]
FROM_RESIDENT = "Kun je donderdag om 10 uur?"
FROM_VOLUNTEER = "Ja hoor, ik kom donderdag om 10 uur langs."

MEASURED: dict[str, list[float]] = {}
_ids = iter(range(1, 1_000_000))


# --- fixtures -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def report_timings(request: pytest.FixtureRequest) -> Iterator[None]:
    """After the module: print the webhook → emulator latencies measured (past output capturing)."""
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None or not MEASURED:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        for name, values in MEASURED.items():
            shown = ", ".join(f"{value * 1000:.0f} ms" for value in values)
            reporter.write_line(f"e2e matching {name}: {shown}")


@pytest.fixture
def volunteer(database_url: str) -> int:
    """Henk on Telegram, onboarded and offering groceries in Molenwijk, written with a Runtime of its
    own on the same database before the app starts. Returns his person id."""

    async def register() -> int:
        runtime = Runtime(make_settings(database_url))
        try:
            return await add_person(
                runtime,
                FixedClock(datetime.now(UTC)),
                str(VOLUNTEER_CHAT),
                "Henk",
                "molenwijk",
                offers=("boodschappen",),
                channel="telegram",
            )
        finally:
            await runtime.close()

    return asyncio.run(register())


@pytest.fixture
def stack(
    database_url: str,
    volunteer: int,
    telegram_api: tuple[TelegramEmulator, str],
    twilio_api: tuple[TwilioEmulator, str],
) -> Iterator[Stack]:
    # An invitation (and a match, a relayed message) is a message nobody just asked for: it waits for
    # the end of quiet hours (default 21:00-09:00 Amsterdam). Off here, so the test runs at any hour.
    with running_stack(database_url, telegram_api, twilio_api, VOORDEUR_QUIET_HOURS="") as running:
        yield running


# --- helpers --------------------------------------------------------------------------------------------


def sms(stack: Stack, body: str) -> float:
    """The resident sends an SMS (a signed webhook); returns when our 200 came."""
    form = {key: str(value) for key, value in fixture_json("twilio", "sms_inbound.json").items()}
    sid = f"SM{next(_ids):032x}"
    form.update(Body=body, MessageSid=sid, SmsMessageSid=sid, SmsSid=sid)
    response = stack.sms(form)
    answered = time.time()
    assert response.status_code == 200, response.text
    return answered


def telegram(stack: Stack, update: dict[str, Any]) -> float:
    response = stack.telegram_update(update)
    answered = time.time()
    assert response.status_code == 200, response.text
    return answered


def volunteer_text(text: str) -> dict[str, Any]:
    number = 880_000_000 + next(_ids)
    user = {"id": VOLUNTEER_CHAT, "is_bot": False, "first_name": "Henk", "language_code": "nl"}
    chat = {"id": VOLUNTEER_CHAT, "first_name": "Henk", "type": "private"}
    message = {"message_id": number % 100_000, "from": user, "chat": chat, "date": int(time.time())}
    return {"update_id": number, "message": {**message, "text": text}}


def volunteer_tap(on: dict[str, Any], data: str) -> dict[str, Any]:
    """The fixture's button tap, moved to the volunteer's chat and the message `on` that holds it."""
    update = copy.deepcopy(fixture_json("telegram", "callback_query.json"))
    update["update_id"] = 880_000_000 + next(_ids)
    query = update["callback_query"]
    query["from"] = {"id": VOLUNTEER_CHAT, "is_bot": False, "first_name": "Henk", "language_code": "nl"}
    for field in ("chat", "message_id", "text", "reply_markup"):
        query["message"][field] = on[field]
    query["data"] = data
    return update


def resident_texts(stack: Stack) -> list[str]:
    return stack.twilio.sent_texts(RESIDENT_SMS)


def volunteer_texts(stack: Stack) -> list[str]:
    return stack.telegram.sent_texts(VOLUNTEER_CHAT)


def latency(what: str, answered: float, requests: list[Any], count: int) -> float:
    """Seconds from our 200 to the last of the reply's `count` successful sends at the emulator."""
    delivered = [r for r in requests if r.status in (200, 201)]
    assert len(delivered) >= count, f"{len(delivered)} of {count} sends for {what}"
    seconds = float(delivered[count - 1].received_at - answered)
    MEASURED.setdefault(what, []).append(seconds)
    return seconds


def twilio_sends_since(stack: Stack, before: int) -> list[Any]:
    creates = [r for r in stack.twilio.requests("Messages.create") if r.params.get("To") == RESIDENT_SMS]
    return creates[before:]


def telegram_sends_since(stack: Stack, before: int) -> list[Any]:
    sends = [r for r in stack.telegram.requests("sendMessage") if r.params.get("chat_id") == VOLUNTEER_CHAT]
    return sends[before:]


def keys(stack: Stack, channel: str) -> list[str]:
    return [row.text_key for row in stack.db.outbox(OutboxMessage.channel == channel)]


def buttons(message: dict[str, Any]) -> list[tuple[str, str]]:
    rows = message["reply_markup"]["inline_keyboard"]
    return [(button["text"], button["callback_data"]) for row in rows for button in row]


# --- the test ------------------------------------------------------------------------------------------


def test_help_request_is_matched_and_relayed_through_the_emulators(stack: Stack, volunteer: int) -> None:
    # 1. The resident onboards and asks, one SMS at a time, each after the whole previous answer arrived.
    expected_keys: list[str] = []
    for text, reply_keys in RESIDENT_STEPS:
        before = len(resident_texts(stack))
        answered = sms(stack, text)
        stack.twilio.wait_for_messages(before + len(reply_keys), to=RESIDENT_SMS, timeout=STEP_TIMEOUT)
        expected_keys += reply_keys
        assert keys(stack, "sms") == expected_keys, f"after {text!r}: {resident_texts(stack)[before:]}"
        latency("resident_step", answered, twilio_sends_since(stack, before), len(reply_keys))
    texts = resident_texts(stack)
    assert texts[:2] == [catalogue.render("welcome", "nl"), catalogue.render("ask_name", "nl")]
    assert texts[2] == "Dag Ria!"
    assert texts[4] == "Fijn, je woont in Molenwijk."
    assert texts[7].startswith(catalogue.render("menu", "nl") + "\n1 Hulp vragen\n")
    assert texts[-1] == catalogue.render("ask_sent", "nl")
    answered_send = answered  # our 200 to the resident's last "1" (send)

    # 2. The volunteer's invitation arrives on Telegram with yes/no/later buttons for this request.
    with Session(stack.db.engine) as session:
        (request,) = session.scalars(select(HelpRequest))
        assert (request.category, request.neighbourhood, request.description, request.urgent) == (
            "boodschappen",
            "molenwijk",
            "melk en brood halen",
            False,
        )
        request_id = request.id
    (invitation,) = stack.telegram.wait_for_messages(1, chat_id=VOLUNTEER_CHAT, timeout=STEP_TIMEOUT)
    latency("invitation_after_send", answered_send, telegram_sends_since(stack, 0), 1)
    assert re.fullmatch(
        r"Hulpvraag in Molenwijk: boodschappen, .+\. melk en brood halen\. Kun je helpen\?",
        invitation["text"],
    ), invitation["text"]
    assert buttons(invitation) == [
        ("Ja, ik help", f"invite:{request_id}:yes"),
        ("Nee", f"invite:{request_id}:no"),
        ("Nu niet", f"invite:{request_id}:later"),
    ]
    invite_row = stack.db.outbox(OutboxMessage.channel == "telegram")[0]
    assert (invite_row.text_key, invite_row.scheduled) == ("invite", True)  # subject to quiet hours

    # 3. Henk taps yes: Ria hears "Goed nieuws!" by SMS, then where they will meet; Henk "Top, dank
    # je!" on Telegram.
    update = volunteer_tap(invitation, f"invite:{request_id}:yes")
    before_sms, before_tg = len(resident_texts(stack)), len(volunteer_texts(stack))
    answered = telegram(stack, update)
    stack.twilio.wait_for_messages(before_sms + 2, to=RESIDENT_SMS, timeout=STEP_TIMEOUT)
    stack.telegram.wait_for_messages(before_tg + 1, chat_id=VOLUNTEER_CHAT, timeout=STEP_TIMEOUT)
    latency("match_to_resident", answered, twilio_sends_since(stack, before_sms), 1)
    latency("yes_to_volunteer", answered, telegram_sends_since(stack, before_tg), 1)
    good_news, where = resident_texts(stack)[-2:]
    assert where.startswith("Spreek een tijd en plek af met Henk."), where
    assert good_news.startswith("Goed nieuws! Henk uit de buurt helpt je met boodschappen, "), good_news
    thanks = volunteer_texts(stack)[-1]
    assert thanks.startswith("Top, dank je! Jij helpt Ria met boodschappen, "), thanks
    assert stack.telegram.messages(VOLUNTEER_CHAT)[-1].get("reply_markup") is None
    answers = stack.telegram.wait_for_requests(1, "answerCallbackQuery", timeout=STEP_TIMEOUT)
    assert [(a.params["callback_query_id"], a.status) for a in answers] == [
        (update["callback_query"]["id"], 200)
    ]

    # 4. Relay, resident → volunteer: Ria hears once that it was passed on; Henk gets it on Telegram.
    before_sms, before_tg = len(resident_texts(stack)), len(volunteer_texts(stack))
    answered = sms(stack, FROM_RESIDENT)
    stack.twilio.wait_for_messages(before_sms + 1, to=RESIDENT_SMS, timeout=STEP_TIMEOUT)
    stack.telegram.wait_for_messages(before_tg + 1, chat_id=VOLUNTEER_CHAT, timeout=STEP_TIMEOUT)
    latency("relay_to_volunteer", answered, telegram_sends_since(stack, before_tg), 1)
    assert volunteer_texts(stack)[-1] == f"Bericht van Ria: {FROM_RESIDENT}"
    assert resident_texts(stack)[-1] == catalogue.render("relay_sent", "nl", {"name": "Henk"})

    # 5. Relay, volunteer → resident, by SMS.
    before_sms, before_tg = len(resident_texts(stack)), len(volunteer_texts(stack))
    answered = telegram(stack, volunteer_text(FROM_VOLUNTEER))
    stack.twilio.wait_for_messages(before_sms + 1, to=RESIDENT_SMS, timeout=STEP_TIMEOUT)
    # Henk's words name a day and hour to come by: passed on, then "Zal ik er een afspraak van maken?"
    # (flows/meetings.py `proposed_in_words`, session 27).
    stack.telegram.wait_for_messages(before_tg + 2, chat_id=VOLUNTEER_CHAT, timeout=STEP_TIMEOUT)
    latency("relay_to_resident", answered, twilio_sends_since(stack, before_sms), 1)
    assert resident_texts(stack)[-1] == f"Bericht van Henk: {FROM_VOLUNTEER}"
    assert volunteer_texts(stack)[-2] == catalogue.render("relay_sent", "nl", {"name": "Ria"})
    assert volunteer_texts(stack)[-1].startswith("Zal ik er een afspraak van maken, donderdag")

    # Everything is handled and sent: no message is still on its way, so the counts below are final.
    wait_for(lambda: all(r.processed_at for r in stack.db.inbound()), STEP_TIMEOUT, "every inbound handled")
    wait_for(lambda: all(r.status == "sent" for r in stack.db.outbox()), STEP_TIMEOUT, "every reply sent")
    assert keys(stack, "sms") == [*expected_keys, "match_found", "meet_where", "relay_sent", "relay"]
    assert keys(stack, "telegram") == ["invite", "invite_won", "relay", "relay_sent", "meet_said_offer"]
    assert len(resident_texts(stack)) == len(keys(stack, "sms"))
    assert len(volunteer_texts(stack)) == len(keys(stack, "telegram"))
    assert {m["to"] for m in stack.twilio.messages()} == {RESIDENT_SMS}
    assert {m["chat"]["id"] for m in stack.telegram.messages()} == {VOLUNTEER_CHAT}

    # The logbook holds both messages; nobody's number or chat id is in anything either side received.
    with Session(stack.db.engine) as session:
        logbook = [
            (m.sender_id, m.body) for m in session.scalars(select(ThreadMessage).order_by(ThreadMessage.id))
        ]
    resident = stack.db.identity("sms", RESIDENT_SMS)
    assert resident is not None
    assert logbook == [(resident.person_id, FROM_RESIDENT), (volunteer, FROM_VOLUNTEER)]
    bodies = [r.params.get("Body", "") for r in stack.twilio.requests("Messages.create")]
    bodies += [r.params.get("text", "") for r in stack.telegram.requests("sendMessage")]
    bodies += [
        label
        for m in stack.telegram.messages()
        if m.get("reply_markup")
        for pair in buttons(m)
        for label in pair
    ]
    assert len(bodies) >= len(RESIDENT_STEPS) + 7
    for secret in (RESIDENT_SMS, RESIDENT_SMS.removeprefix("+31"), str(VOLUNTEER_CHAT)):
        assert not [body for body in bodies if secret in body], secret
