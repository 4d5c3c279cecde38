"""End to end: the care circle, the sociale kaart and the agenda over real signed webhooks, through the
Telegram and Twilio emulators (as tests/test_e2e_matching.py): Henk on Telegram invites a number by
SMS, who accepts by SMS, onboards and asks the social map a question with a typo; a resident on WhatsApp
signs up for an activity. SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from bot.runtime import Runtime
from storage import community
from tests.community import add_person
from tests.conftest import FixedClock, fixture_json, make_settings
from tests.e2e_support import Stack, running_stack
from tests.emulators.telegram_api import TelegramEmulator
from tests.emulators.twilio_api import TwilioEmulator
from tests.test_e2e_matching import VOLUNTEER_CHAT, sms, telegram, volunteer_text

pytestmark = pytest.mark.e2e

INVITEE_SMS = "+31612345678"  # From of sms_inbound.json
WHATSAPP = "+31611122233"  # From of whatsapp_inbound_text.json
STEP_TIMEOUT = 5.0
_ids = iter(range(1, 1_000_000))


@pytest.fixture
def people(database_url: str) -> None:
    """Henk on Telegram and a resident on WhatsApp, both onboarded; the demo's services and activities."""

    async def register() -> None:
        runtime = Runtime(make_settings(database_url))
        clock = FixedClock(datetime.now(UTC))
        try:
            await add_person(runtime, clock, str(VOLUNTEER_CHAT), "Henk", "molenwijk", channel="telegram")
            await add_person(runtime, clock, WHATSAPP, "Fatima", "oude_haven", channel="whatsapp")
            async with runtime.sessions() as session, session.begin():
                await community.seed(session, clock())
        finally:
            await runtime.close()

    asyncio.run(register())


@pytest.fixture
def stack(
    database_url: str,
    people: None,
    telegram_api: tuple[TelegramEmulator, str],
    twilio_api: tuple[TwilioEmulator, str],
) -> Iterator[Stack]:
    with running_stack(database_url, telegram_api, twilio_api, VOORDEUR_QUIET_HOURS="") as running:
        yield running


def whatsapp(stack: Stack, body: str) -> None:
    form = {key: str(value) for key, value in fixture_json("twilio", "whatsapp_inbound_text.json").items()}
    sid = f"SM{next(_ids) + 500_000:032x}"
    form.update(Body=body, MessageSid=sid, SmsMessageSid=sid, SmsSid=sid)
    assert stack.sms(form).status_code == 200


def henk(stack: Stack, text: str, replies: int) -> list[str]:
    before = len(stack.telegram.sent_texts(VOLUNTEER_CHAT))
    telegram(stack, volunteer_text(text))
    stack.telegram.wait_for_messages(before + replies, chat_id=VOLUNTEER_CHAT, timeout=STEP_TIMEOUT)
    return stack.telegram.sent_texts(VOLUNTEER_CHAT)[before:]


def invitee(stack: Stack, text: str, replies: int) -> list[str]:
    before = len(stack.twilio.sent_texts(INVITEE_SMS))
    sms(stack, text)
    stack.twilio.wait_for_messages(before + replies, to=INVITEE_SMS, timeout=STEP_TIMEOUT)
    return stack.twilio.sent_texts(INVITEE_SMS)[before:]


def fatima(stack: Stack, text: str, replies: int) -> list[str]:
    to = f"whatsapp:{WHATSAPP}"
    before = len(stack.twilio.sent_texts(to))
    whatsapp(stack, text)
    stack.twilio.wait_for_messages(before + replies, to=to, timeout=STEP_TIMEOUT)
    return stack.twilio.sent_texts(to)[before:]


def test_circle_social_map_and_agenda_on_three_channels(stack: Stack) -> None:
    # Telegram: Henk invites a number; the choices come as inline buttons.
    henk(stack, "KRING", 1)
    keyboard = stack.telegram.messages(VOLUNTEER_CHAT)[-1]["reply_markup"]["inline_keyboard"]
    assert [b["text"] for row in keyboard for b in row] == [
        "Iemand uitnodigen",
        "Wat ziet mijn kring?",
        "Terug",
    ]
    henk(stack, "1", 1)
    henk(stack, "06 1234 5678", 1)
    [sent] = henk(stack, "1", 1)
    assert sent.startswith("De uitnodiging gaat naar +31612345678.")

    # SMS: the one invitation, numbered; the invitee accepts without being onboarded first.
    stack.twilio.wait_for_messages(1, to=INVITEE_SMS, timeout=STEP_TIMEOUT)
    [invitation] = stack.twilio.sent_texts(INVITEE_SMS)
    assert invitation.startswith("Hallo! Henk vraagt je in de kring bij Voordeur") and invitation.endswith(
        "\n1 Ja, ik doe mee\n2 Nee, liever niet"
    )
    [welcome] = invitee(stack, "1", 1)
    assert welcome.startswith("Fijn! Je hoort voortaan wat er gedeeld wordt.")
    stack.telegram.wait_for_messages(5, chat_id=VOLUNTEER_CHAT, timeout=STEP_TIMEOUT)
    assert stack.telegram.sent_texts(VOLUNTEER_CHAT)[-1] == "+31612345678 doet mee in je kring."

    # SMS: onboarding when they write on their own, then a social-map question with a typo.
    invitee(stack, "hallo", 2)
    invitee(stack, "Ans", 2)
    invitee(stack, "7391 AB", 2)
    invitee(stack, "ja", 2)
    found = invitee(stack, "Waar kan ik terecht voor hulp bij formulirene?", 2)
    assert found[0] == "Hier kun je terecht:"
    assert found[1].startswith("Formulierenbrigade Lindenhoven: hulp bij formulieren")

    # WhatsApp: this week's activities near the Oude Haven, numbered; "1" signs up.
    shown = fatima(stack, "AGENDA", 5)
    assert shown[0] == "Deze week bij jou in de buurt:"
    assert shown[1].startswith("1. ") and shown[4].startswith(
        "Doe je mee? Kies het nummer.\n1 Ik doe mee met 1"
    )
    [signed] = fatima(stack, "1", 1)
    assert signed.startswith("Fijn, je doet mee! ")
