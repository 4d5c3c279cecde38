"""WhatsApp's 24-hour window: outside it a scheduled message goes as an approved template, else by SMS
when the person has an SMS number, else it waits (the staff queue sees it) until they write on WhatsApp
again. Through the real runtime, sender and Twilio adapter; Twilio's Messages API mocked with respx."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest
import respx

from bot.channels.base import InboundMessage
from bot.delivery.whatsapp_window import MARGIN, WINDOW, Template, parse_templates, window_open
from bot.effects.scheduling import SEND_TEXT
from bot.runtime import Runtime
from bot.settings import SettingsError
from flows.types import Event
from storage import outbox, schedule, whatsapp_templates
from storage.inbox import identity_for
from storage.models import Identity
from tests.conftest import FixedClock, fixture_json, make_settings
from tests.dbutil import outbox_rows

SID = "AC00000000000000000000000000000001"
BASE = "https://twilio.test"
MESSAGES_URL = f"{BASE}/2010-04-01/Accounts/{SID}/Messages.json"
SMS_NUMBER = "+3197010000001"
WHATSAPP_NUMBER = "whatsapp:+3197010000002"
PERSON = "+31612345678"
CALLBACK = "https://voordeur.test/webhooks/twilio/status"
CONTENT_SID = "HX0123456789abcdef0123456789abcdef"
TEMPLATES = {"match_found": {"content_sid": CONTENT_SID, "variables": ["name", "when"]}}
PARAMS = {"name": "Ria", "category": "boodschappen", "when": "morgen om 10 uur"}
BODY = (
    "Goed nieuws! Ria uit de buurt helpt je met boodschappen, morgen om 10 uur. "
    "Stuur hier een bericht, ik geef het door. Je nummer blijft geheim."
)


@pytest.fixture
async def twilio_runtime(database_url: str, clock: FixedClock) -> AsyncIterator[Runtime]:
    settings = make_settings(
        database_url,
        TWILIO_ACCOUNT_SID=SID,
        TWILIO_AUTH_TOKEN="test-auth-token",
        TWILIO_SMS_NUMBER=SMS_NUMBER,
        TWILIO_WHATSAPP_NUMBER=WHATSAPP_NUMBER,
        TWILIO_API_BASE_URL=BASE,
        PUBLIC_BASE_URL="https://voordeur.test",
        VOORDEUR_WHATSAPP_TEMPLATES=json.dumps(TEMPLATES),
    )
    instance = Runtime(settings, clock=clock)
    yield instance
    await instance.close()


def form_of(request: httpx.Request) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(request.content.decode()).items()}


def created() -> httpx.Response:
    return httpx.Response(201, json=fixture_json("twilio", "messages_create_response_201.json"))


async def whatsapp_person(
    runtime: Runtime, clock: FixedClock, *, wrote_ago: timedelta, sms: bool = False
) -> int:
    """A person who last wrote on WhatsApp `wrote_ago`; with `sms`, they also have an SMS number."""
    async with runtime.sessions() as session, session.begin():
        identity = await identity_for(session, "whatsapp", PERSON, clock())
        identity.last_inbound_at = clock() - wrote_ago
        if sms:
            session.add(
                Identity(
                    person_id=identity.person_id, channel="sms", address="+31687654321", created_at=clock()
                )
            )
        return identity.person_id


async def reminder_goes_out(
    runtime: Runtime, clock: FixedClock, person_id: int, text_key: str = "match_found"
) -> None:
    """A scheduled event that sends `text_key` to the person now, run and handed to the sender."""
    async with runtime.sessions() as session, session.begin():
        payload = {"text_key": text_key, "params": PARAMS}
        schedule.schedule(session, SEND_TEXT, clock(), clock(), person_id=person_id, payload=payload)
    assert await runtime.engine.run_due_events() == 1
    await runtime.sender.send_due()


@respx.mock
async def test_inside_the_window_a_scheduled_message_is_free_text(
    twilio_runtime: Runtime, clock: FixedClock
) -> None:
    route = respx.post(MESSAGES_URL).mock(return_value=created())
    who = await whatsapp_person(twilio_runtime, clock, wrote_ago=timedelta(hours=23))
    await reminder_goes_out(twilio_runtime, clock, who)
    [row] = await outbox_rows(twilio_runtime)
    assert form_of(route.calls.last.request) == {
        "To": f"whatsapp:{PERSON}",
        "From": WHATSAPP_NUMBER,
        "Body": BODY,
        "StatusCallback": f"{CALLBACK}?o={row.id}",
    }
    assert (row.status, row.channel) == ("sent", "whatsapp")


@respx.mock
async def test_outside_the_window_a_message_with_a_template_goes_as_that_template(
    twilio_runtime: Runtime, clock: FixedClock
) -> None:
    route = respx.post(MESSAGES_URL).mock(return_value=created())
    who = await whatsapp_person(twilio_runtime, clock, wrote_ago=timedelta(hours=25), sms=True)
    await reminder_goes_out(twilio_runtime, clock, who)
    [row] = await outbox_rows(twilio_runtime)
    form = form_of(route.calls.last.request)
    assert form == {
        "To": f"whatsapp:{PERSON}",
        "From": WHATSAPP_NUMBER,
        "ContentSid": CONTENT_SID,
        "ContentVariables": json.dumps({"1": "Ria", "2": "morgen om 10 uur"}),
        "StatusCallback": f"{CALLBACK}?o={row.id}",
    }
    assert "Body" not in form
    assert (row.status, row.channel) == ("sent", "whatsapp"), "a template wins over SMS"


@respx.mock
async def test_outside_the_window_without_a_template_it_goes_by_sms(
    twilio_runtime: Runtime, clock: FixedClock
) -> None:
    route = respx.post(MESSAGES_URL).mock(return_value=created())
    who = await whatsapp_person(twilio_runtime, clock, wrote_ago=timedelta(days=3), sms=True)
    await reminder_goes_out(twilio_runtime, clock, who, "menu")
    [row] = await outbox_rows(twilio_runtime)
    assert form_of(route.calls.last.request) == {
        "To": "+31687654321",
        "From": SMS_NUMBER,
        "Body": "Wat wil je doen?",
        "StatusCallback": f"{CALLBACK}?o={row.id}",
    }
    assert (row.status, row.channel) == ("sent", "sms")


@respx.mock
async def test_outside_the_window_with_neither_it_waits_for_the_person_to_write_again(
    twilio_runtime: Runtime, clock: FixedClock
) -> None:
    route = respx.post(MESSAGES_URL).mock(return_value=created())
    who = await whatsapp_person(twilio_runtime, clock, wrote_ago=timedelta(hours=25))
    await reminder_goes_out(twilio_runtime, clock, who, "menu")
    clock.advance(hours=1)
    await twilio_runtime.sender.send_due()
    assert route.calls.call_count == 0
    [row] = await outbox_rows(twilio_runtime)
    assert (row.status, row.attempts, row.error) == (outbox.WAITING_WINDOW, 0, outbox.WINDOW_NO_TEMPLATE)
    async with twilio_runtime.sessions() as session:
        [waiting] = await outbox.waiting_for_window(session)
    assert (waiting.id, waiting.person_id, waiting.text_key) == (row.id, who, "menu")
    assert waiting.last_inbound_at == clock() - timedelta(hours=26)

    # The person writes on WhatsApp: the window is open again and the waiting message goes out.
    await twilio_runtime.engine.store(
        InboundMessage(
            channel="whatsapp", provider_id="SMwrote", address=PERSON, event=Event(kind="text", text="hoi")
        )
    )
    await twilio_runtime.sender.send_due()
    assert form_of(route.calls.last.request) == {
        "To": f"whatsapp:{PERSON}",
        "From": WHATSAPP_NUMBER,
        "Body": "Wat wil je doen?",
        "StatusCallback": f"{CALLBACK}?o={row.id}",
    }
    [row] = await outbox_rows(twilio_runtime)
    assert row.status == "sent"
    async with twilio_runtime.sessions() as session:
        assert await outbox.waiting_for_window(session) == []


@respx.mock
async def test_a_template_whose_parameters_are_missing_is_not_sent_half_filled(
    twilio_runtime: Runtime, clock: FixedClock
) -> None:
    route = respx.post(MESSAGES_URL).mock(return_value=created())
    who = await whatsapp_person(twilio_runtime, clock, wrote_ago=timedelta(hours=30))
    async with twilio_runtime.sessions() as session, session.begin():
        identity = await identity_for(session, "whatsapp", PERSON, clock())
        outbox.enqueue(
            session,
            person_id=who,
            identity_id=identity.id,
            channel="whatsapp",
            text_key="match_found",
            body="(rendered)",
            choices=[],
            params={"name": "Ria"},
            now=clock(),
            scheduled=True,
        )
    await twilio_runtime.sender.send_due()
    assert route.calls.call_count == 0
    assert [row.status for row in await outbox_rows(twilio_runtime)] == [outbox.WAITING_WINDOW]


def test_the_window_is_24_hours_from_the_last_message_minus_a_margin() -> None:
    wrote = datetime(2026, 11, 23, 10, 0).astimezone()
    assert not window_open(None, wrote)
    assert window_open(wrote, wrote + WINDOW - MARGIN - timedelta(seconds=1))
    assert not window_open(wrote, wrote + WINDOW - MARGIN)


def test_template_variables_follow_the_placeholders_in_order() -> None:
    template = Template(CONTENT_SID, ("when", "name"))
    assert template.fill({"name": "Ria", "when": "morgen", "x": "y"}) == {"1": "morgen", "2": "Ria"}
    assert template.fill({"name": "Ria"}) is None
    assert Template(CONTENT_SID).fill(None) == {}


def test_templates_from_json_or_a_toml_file(tmp_path: Path) -> None:
    assert parse_templates("") == {}
    assert parse_templates(json.dumps(TEMPLATES)) == {"match_found": Template(CONTENT_SID, ("name", "when"))}
    toml = tmp_path / "templates.toml"
    toml.write_text(f'[match_found]\ncontent_sid = "{CONTENT_SID}"\nvariables = ["name", "when"]\n')
    assert parse_templates(str(toml)) == {"match_found": Template(CONTENT_SID, ("name", "when"))}


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("{nope", "not valid JSON"),
        ('{"menu": {"content_sid": "SM123"}}', "menu: content_sid"),
        (json.dumps({"menu": {"content_sid": CONTENT_SID, "variables": "name"}}), "menu: variables"),
        ("/no/such/templates.toml", "no such file"),
    ],
)
def test_a_wrong_template_setting_is_one_line_naming_it(value: str, says: str) -> None:
    with pytest.raises(SettingsError) as raised:
        make_settings("sqlite:///x.db", VOORDEUR_WHATSAPP_TEMPLATES=value)
    message = str(raised.value)
    assert "VOORDEUR_WHATSAPP_TEMPLATES" in message and says in message and "\n" not in message


def test_the_scheduler_batch_setting_is_bounded() -> None:
    assert make_settings("sqlite:///x.db").voordeur_scheduler_batch == 50
    assert make_settings("sqlite:///x.db", VOORDEUR_SCHEDULER_BATCH="7").voordeur_scheduler_batch == 7
    with pytest.raises(SettingsError, match="VOORDEUR_SCHEDULER_BATCH"):
        make_settings("sqlite:///x.db", VOORDEUR_SCHEDULER_BATCH="0")


@respx.mock
async def test_outside_the_window_a_synced_approved_template_is_used(
    twilio_runtime: Runtime, clock: FixedClock
) -> None:
    """`voordeur whatsapp templates sync` recorded an approved template for the weekly check-in: the
    check-in reaches a mantelzorger who has not written for days, in her language, as that template."""
    route = respx.post(MESSAGES_URL).mock(return_value=created())
    who = await whatsapp_person(twilio_runtime, clock, wrote_ago=timedelta(days=6))
    synced = "HX" + "ab" * 16
    async with twilio_runtime.sessions() as session, session.begin():
        await whatsapp_templates.record(
            session, "care_checkin", "nl", synced, "approved", "Hoe gaat het ... {{1}}?", clock()
        )
        await whatsapp_templates.record(
            session, "care_checkin", "en", "HX" + "cd" * 16, "pending", "How ... {{1}}?", clock()
        )
        payload = {"text_key": "care_checkin", "params": {"name": "Jan"}}
        schedule.schedule(session, SEND_TEXT, clock(), clock(), person_id=who, payload=payload)
    assert await twilio_runtime.engine.run_due_events() == 1
    await twilio_runtime.sender.send_due()
    form = form_of(route.calls.last.request)
    assert (form["ContentSid"], form["ContentVariables"]) == (synced, json.dumps({"1": "Jan"}))
    [row] = await outbox_rows(twilio_runtime)
    assert (row.status, row.channel) == ("sent", "whatsapp")


@respx.mock
async def test_a_template_not_yet_approved_is_not_used(twilio_runtime: Runtime, clock: FixedClock) -> None:
    route = respx.post(MESSAGES_URL).mock(return_value=created())
    who = await whatsapp_person(twilio_runtime, clock, wrote_ago=timedelta(days=6))
    async with twilio_runtime.sessions() as session, session.begin():
        await whatsapp_templates.record(
            session, "care_checkin", "nl", "HX" + "ab" * 16, "pending", "Hoe ... {{1}}?", clock()
        )
        payload = {"text_key": "care_checkin", "params": {"name": "Jan"}}
        schedule.schedule(session, SEND_TEXT, clock(), clock(), person_id=who, payload=payload)
    assert await twilio_runtime.engine.run_due_events() == 1
    await twilio_runtime.sender.send_due()
    assert route.calls.call_count == 0
    [row] = await outbox_rows(twilio_runtime)
    assert (row.status, row.error) == (outbox.WAITING_WINDOW, outbox.WINDOW_TEMPLATE_NOT_APPROVED)
