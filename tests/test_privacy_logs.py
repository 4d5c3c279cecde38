"""Logs and metrics never carry phone numbers, chat ids, names or message texts (issue 5, AVG).

A whole conversation runs through the real app with log capture: Rozemarijn onboards by SMS, asks for
groceries, Hendrikus (Telegram) taps yes, they write to each other through the bot, exchange numbers and
close; Jozefien (WhatsApp) onboards and writes a crisis message; webhooks are refused (bad signature, bad
secret, group chat, malformed update) and delivery callbacks arrive; the outbox sender sends every reply
to respx-mocked Telegram and Twilio APIs, including failures whose provider answers quote the number
(403 blocked, 429, 21610). Logging is set up as production does it (`bot.logs.configure`, JSON) at DEBUG,
and every record is also rendered through `JsonFormatter` and `TextFormatter`.

Then no phone number in any format (+31687654329, 31687654329, 0687654329, 687654329,
whatsapp:+31687654329, %2B31687654329), no Telegram chat id, no first name and no message text (what people
wrote, and every reply the bot sent) may appear in a log message, a formatted line, an exception text or
what the production handler wrote; nor in `/metrics`.
"""

from __future__ import annotations

import io
import itertools
import json
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
import respx
from sqlalchemy import select
from twilio.request_validator import RequestValidator

from bot import logs
from bot.runtime import Runtime
from bot.web.app import create_app
from storage.models import OutboxMessage
from tests.community import add_person
from tests.conftest import FixedClock, fixture_json, make_settings
from tests.test_web import (
    CHANNEL_SETTINGS,
    MESSAGES,
    PUBLIC_BASE_URL,
    SECRET,
    STATUS,
    TELEGRAM,
    TELEGRAM_API,
    TWILIO_SID,
    TWILIO_TOKEN,
)

INTERNAL_BASE = "http://internal:8080"
TWILIO_MESSAGES_API = f"http://twilio.test/2010-04-01/Accounts/{TWILIO_SID}/Messages.json"

RESIDENT = "+31687654329"  # Rozemarijn, SMS
WHATSAPP = "+31611223344"  # Jozefien, WhatsApp
VOLUNTEER_CHAT = 918273645  # Hendrikus, Telegram
NAMES = ("Rozemarijn", "Hendrikus", "Jozefien")

# What people write. Short answers ("ja", "1", "menu") are left out of the search: they occur in any log.
DESCRIPTION = "beschuit en hagelslag voor mijn buurvrouw"
RESIDENT_SAYS = "Kun je donderdag rond tienen bij de achterdeur aanbellen?"
VOLUNTEER_SAYS = "Prima Rozemarijn, ik neem ook verse stroopwafels mee"
CRISIS = "ik wil niet meer leven sinds mijn man weg is"
REFUSED_TEXT = "Dit geheime bericht had een verkeerde handtekening"
GROUP_TEXT = "Groepsbericht over de zieke buurman van Hendrikus"
WRITTEN = (DESCRIPTION, RESIDENT_SAYS, VOLUNTEER_SAYS, CRISIS, REFUSED_TEXT, GROUP_TEXT)

_ids = itertools.count(1)


def phone_forms(number: str) -> list[str]:
    """A Dutch mobile number the ways it can be written: E.164, without +, national, subscriber, prefixed."""
    assert number.startswith("+31")
    subscriber = number[3:]
    return [
        number,
        number[1:],
        "0" + subscriber,
        subscriber,
        f"whatsapp:{number}",
        "%2B" + number[1:],
        f"0{subscriber[0]}-{subscriber[1:]}",
        f"+31 {subscriber[0]} {subscriber[1:]}",
    ]


def secrets_of_the_people() -> list[str]:
    needles = [*phone_forms(RESIDENT), *phone_forms(WHATSAPP), str(VOLUNTEER_CHAT), *NAMES, *WRITTEN]
    return needles


FRAGMENT = 12  # a message text also leaks in part: any 12 characters of it in a row


def fragments(text: str) -> list[str]:
    return [text[i : i + FRAGMENT] for i in range(max(1, len(text) - FRAGMENT + 1))]


def leaks(text: str, needles: list[str]) -> list[str]:
    """The needles found in `text`; a written message counts when any fragment of it is found."""
    lowered = text.lower()
    found = [needle for needle in needles if needle.lower() in lowered]
    for written in WRITTEN:
        parts = [part for part in fragments(written) if part.lower() in lowered]
        if parts:
            found.append(f"part of {written[:20]!r}...: {parts[0]!r}")
    return found


def test_the_search_finds_every_form() -> None:
    needles = secrets_of_the_people()
    for line in (
        "sent to 0687654329",
        "to=31687654329",
        "whatsapp:+31611223344 said",
        "chat 918273645",
        "From=%2B31687654329",
        "HENDRIKUS",
        "CONTEXT: JSON data, line 1: ...sinds mijn man weg is",
    ):
        assert leaks(line, needles), line
    assert leaks("send outbox_id=12 channel=sms outcome=sent attempt=1", needles) == []


# --- log capture as production configures it ------------------------------------------------------------


@dataclass
class Captured:
    caplog: pytest.LogCaptureFixture
    stream: io.StringIO  # what the production handler (bot.logs.configure, JSON) wrote

    def rendered(self, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
        """(where, text) for every record: message, exception, JSON line, text line; then the lines the
        production handler wrote. Records of the loggers in `skip` are left out."""
        json_formatter, text_formatter = logs.JsonFormatter(), logs.TextFormatter()
        out: list[tuple[str, str]] = []
        for record in self.caplog.records:
            if record.name in skip:
                continue
            where = f"{record.name}:{record.lineno}"
            out.append((f"{where} message", record.getMessage()))
            if record.exc_info:
                out.append((f"{where} exception", text_formatter.formatException(record.exc_info)))
            out.append((f"{where} json", json_formatter.format(record)))
            out.append((f"{where} text", text_formatter.format(record)))
        for number, line in enumerate(self.stream.getvalue().splitlines()):
            if json.loads(line)["logger"] not in skip:
                out.append((f"production handler line {number}", line))
        return out


@pytest.fixture
def captured(caplog: pytest.LogCaptureFixture) -> Iterator[Captured]:
    """Production logging (`bot.logs.configure("json")`) at DEBUG, plus pytest's capture on the root."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    noisy = ("httpx", "httpcore", "twilio", "telegram", "apscheduler", "uvicorn.access")
    saved_noisy = {name: logging.getLogger(name).level for name in noisy}
    logs.configure("json", logging.DEBUG)
    [handler] = root.handlers
    stream = io.StringIO()
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(stream)
    for kept in saved_handlers:
        root.addHandler(kept)
    caplog.set_level(logging.DEBUG)
    try:
        yield Captured(caplog, stream)
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name, level in saved_noisy.items():
            logging.getLogger(name).setLevel(level)


# --- the app with mocked providers -----------------------------------------------------------------------


@dataclass
class Providers:
    router: respx.MockRouter
    telegram_mode: str = "ok"  # ok, blocked
    twilio_answers: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # queued error answers
    sent_sids: list[str] = field(default_factory=list)

    def telegram_send(self, request: httpx.Request) -> httpx.Response:
        payload = json.loads(request.content) if request.content.startswith(b"{") else {}
        if self.telegram_mode == "blocked":
            return httpx.Response(
                403,
                json={
                    "ok": False,
                    "error_code": 403,
                    "description": "Forbidden: bot was blocked by the user",
                },
            )
        chat_id = int(payload.get("chat_id", VOLUNTEER_CHAT))
        message = {
            "message_id": next(_ids),
            "date": 1763892000,
            "chat": {"id": chat_id, "type": "private", "first_name": "Hendrikus"},
            "text": payload.get("text", ""),
        }
        return httpx.Response(200, json={"ok": True, "result": message})

    def twilio_send(self, request: httpx.Request) -> httpx.Response:
        if self.twilio_answers:
            status, body = self.twilio_answers.pop(0)
            return httpx.Response(status, json=body, headers={"Retry-After": "1"} if status == 429 else {})
        created = fixture_json("twilio", "messages_create_response_201.json")
        sid = f"SM{next(_ids):032x}"
        self.sent_sids.append(sid)
        form = dict(httpx.QueryParams(request.content.decode()))
        created.update(sid=sid, to=form.get("To", ""), body=form.get("Body", ""))
        return httpx.Response(201, json=created)


@dataclass
class App:
    runtime: Runtime
    client: httpx.AsyncClient
    providers: Providers
    clock: FixedClock

    async def settle(self) -> None:
        """Run every step the webhooks set off, then send every reply that is due."""
        for _ in range(10):
            await self.runtime.background_done()
            await self.runtime.engine.settle()
            if await self.runtime.sender.send_due() == 0:
                return

    async def sms(self, text: str, sender: str = RESIDENT, *, whatsapp: bool = False) -> None:
        sid = f"SM{next(_ids):032x}"
        form = {
            **fixture_json("twilio", "whatsapp_inbound_text.json" if whatsapp else "sms_inbound.json"),
            "Body": text,
            "From": f"whatsapp:{sender}" if whatsapp else sender,
            "MessageSid": sid,
            "SmsMessageSid": sid,
            "SmsSid": sid,
        }
        if whatsapp:
            form.update(ProfileName="Jozefien", WaId=sender[1:])
        response = await self.post_twilio(MESSAGES, form)
        assert response.status_code == 200, response.text
        self.clock.advance(seconds=20)
        await self.settle()

    async def post_twilio(
        self, path: str, form: dict[str, str], *, signature: str | None = None
    ) -> httpx.Response:
        if signature is None:
            signature = RequestValidator(TWILIO_TOKEN).compute_signature(PUBLIC_BASE_URL + path, form)
        return await self.client.post(
            path,
            content=urlencode(form).encode(),
            headers={"content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature},
        )

    async def post_telegram(self, update: dict[str, Any], *, secret: str = SECRET) -> httpx.Response:
        return await self.client.post(
            TELEGRAM,
            content=json.dumps(update).encode(),
            headers={"content-type": "application/json", "x-telegram-bot-api-secret-token": secret},
        )

    async def telegram(self, text: str, chat_id: int = VOLUNTEER_CHAT) -> None:
        update = fixture_json("telegram", "message_text.json")
        update["update_id"] = 880_000_000 + next(_ids)
        update["message"].update(
            text=text, chat={"id": chat_id, "type": "private", "first_name": "Hendrikus"}
        )
        update["message"]["from"].update(id=chat_id, first_name="Hendrikus", last_name="Zonnebloem")
        assert (await self.post_telegram(update)).status_code == 200
        self.clock.advance(seconds=20)
        await self.settle()

    async def tap(self, data: str, chat_id: int = VOLUNTEER_CHAT) -> None:
        update = fixture_json("telegram", "callback_query.json")
        update["update_id"] = 880_000_000 + next(_ids)
        query = update["callback_query"]
        query["data"] = data
        query["from"].update(id=chat_id, first_name="Hendrikus")
        query["message"]["chat"].update(id=chat_id, first_name="Hendrikus")
        assert (await self.post_telegram(update)).status_code == 200
        self.clock.advance(seconds=20)
        await self.settle()

    async def outbox(self) -> list[OutboxMessage]:
        async with self.runtime.sessions() as session:
            return list((await session.execute(select(OutboxMessage).order_by(OutboxMessage.id))).scalars())

    async def keys(self, person_id: int) -> list[str]:
        return [row.text_key for row in await self.outbox() if row.person_id == person_id]


@pytest.fixture
async def app(database_url: str, clock: FixedClock) -> AsyncIterator[App]:
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as router:
        providers = Providers(router)
        router.post(f"{TELEGRAM_API}/sendMessage").mock(side_effect=providers.telegram_send)
        router.post(f"{TELEGRAM_API}/answerCallbackQuery").respond(json={"ok": True, "result": True})
        router.post(TWILIO_MESSAGES_API).mock(side_effect=providers.twilio_send)
        runtime = Runtime(make_settings(database_url, **CHANNEL_SETTINGS), clock=clock)
        transport = httpx.ASGITransport(app=create_app(runtime))
        await runtime.start(worker=False)  # logs "runtime started"; the test drives the sender itself
        try:
            async with httpx.AsyncClient(transport=transport, base_url=INTERNAL_BASE) as client:
                yield App(runtime, client, providers, clock)
        finally:
            await runtime.stop()


# --- the conversation ---------------------------------------------------------------------------------


async def full_conversation(app: App) -> None:
    """Onboarding, a request, a match, relays both ways, numbers shared, closed; then the rough edges."""
    volunteer = await add_person(
        app.runtime,
        app.clock,
        str(VOLUNTEER_CHAT),
        "Hendrikus",
        "molenwijk",
        offers=("boodschappen",),
        channel="telegram",
    )
    # Rozemarijn onboards by SMS and asks for groceries.
    for text in ("Hallo, ik ben Rozemarijn", "Rozemarijn", "7391 AB", "ja"):
        await app.sms(text)
    for text in ("menu", "1", "1", DESCRIPTION, "morgen om 10 uur", "1", "2", "1", "1"):
        await app.sms(text)
    invitation = [row for row in await app.outbox() if row.person_id == volunteer][-1]
    assert invitation.choices, invitation.text_key
    await app.tap(invitation.choices[0][0])  # "Ja, ik help"
    resident = next(row.person_id for row in await app.outbox() if row.channel == "sms")
    assert (await app.keys(resident))[-2:] == ["match_found", "meet_where"]

    # Through the bot, both ways; then numbers exchanged and the conversation closed.
    await app.sms(RESIDENT_SAYS)
    await app.telegram(VOLUNTEER_SAYS)
    await app.sms("DEEL NUMMER")
    await app.telegram("deel nummer")
    bodies = " ".join(row.body for row in await app.outbox())
    assert RESIDENT in bodies, "the number was shared in a message (and must still not be logged)"
    assert "Rozemarijn" in bodies and RESIDENT_SAYS in bodies and VOLUNTEER_SAYS in bodies
    await app.telegram("KLAAR")

    # Jozefien onboards on WhatsApp and writes a crisis message.
    for text in ("hallo", "Jozefien", CRISIS):
        await app.sms(text, WHATSAPP, whatsapp=True)

    # Refused and dropped webhooks carrying personal data.
    form = {**fixture_json("twilio", "sms_inbound.json"), "From": RESIDENT, "Body": REFUSED_TEXT}
    assert (await app.post_twilio(MESSAGES, form, signature="bm90IHZhbGlk")).status_code == 403
    update = fixture_json("telegram", "message_text.json")
    update["message"].update(text=REFUSED_TEXT, chat={"id": VOLUNTEER_CHAT, "type": "private"})
    assert (await app.post_telegram(update, secret="wrong")).status_code == 403
    group = fixture_json("telegram", "group_message.json")
    group["message"]["text"] = GROUP_TEXT
    group["message"]["from"].update(id=VOLUNTEER_CHAT, first_name="Hendrikus")
    assert (await app.post_telegram(group)).status_code == 200
    broken = fixture_json("telegram", "message_text.json")
    broken["message"].update(text=["Rozemarijn", RESIDENT], chat={"id": VOLUNTEER_CHAT, "type": "private"})
    assert (await app.post_telegram(broken)).status_code == 400
    assert (await app.post_twilio(MESSAGES, {"From": RESIDENT, "Body": REFUSED_TEXT})).status_code == 400

    # Delivery callbacks for a message to Rozemarijn.
    sid = app.providers.sent_sids[0]
    status = {
        **fixture_json("twilio", "status_delivered.json"),
        "MessageSid": sid,
        "SmsSid": sid,
        "To": RESIDENT,
    }
    assert (await app.post_twilio(STATUS, status)).status_code == 200

    # Sends that fail, with provider answers that quote the number: 429, then 21610; Telegram blocked.
    app.providers.twilio_answers += [
        (429, fixture_json("twilio", "error_429.json")),
        (
            400,
            {
                **fixture_json("twilio", "error_21610.json"),
                "message": f"Attempt to send to unsubscribed recipient {RESIDENT}",
            },
        ),
    ]
    await app.sms("menu")
    app.clock.advance(minutes=5)
    await app.settle()
    app.providers.telegram_mode = "blocked"
    await app.telegram("menu")
    keys = {row.error for row in await app.outbox() if row.error}
    assert {"twilio:21610", "telegram:forbidden"} <= keys, keys
    # The volunteer blocks the bot.
    blocked = fixture_json("telegram", "my_chat_member_blocked.json")
    blocked["my_chat_member"]["chat"].update(id=VOLUNTEER_CHAT, first_name="Hendrikus")
    blocked["my_chat_member"]["from"].update(id=VOLUNTEER_CHAT, first_name="Hendrikus")
    assert (await app.post_telegram(blocked)).status_code == 200


# Loggers known to leak at DEBUG, each with a strict xfail test below; the conversation test skips them.
KNOWN_LEAKY_LOGGERS: frozenset[str] = frozenset()


def found_leaks(captured: Captured, needles: list[str], *, skip: frozenset[str] = frozenset()) -> list[Any]:
    found = []
    for where, text in captured.rendered(skip=skip):
        hits = leaks(text, needles)
        if hits:
            found.append((where, hits, text[:300]))
    return found


async def test_a_full_conversation_leaves_no_personal_data_in_logs_or_metrics(
    app: App, captured: Captured
) -> None:
    await full_conversation(app)
    # Every reply the bot sent is a message text too (names, relayed words, the shared number).
    needles = secrets_of_the_people() + [row.body for row in await app.outbox() if len(row.body) >= 12]
    records = captured.caplog.records
    assert len(records) >= 50, "the conversation was logged"
    assert any(r.name == "voordeur.outbox" and r.levelno == logging.INFO for r in records), "sends logged"
    assert any(r.name == "voordeur.webhooks" for r in records), "webhooks were logged"
    assert any(r.name == "bot.channels.telegram" for r in records), "a failed Telegram send was logged"
    assert '"outbox_id"' in captured.stream.getvalue(), "the production handler wrote JSON with ids"
    assert found_leaks(captured, needles, skip=KNOWN_LEAKY_LOGGERS) == []

    metrics = (await app.client.get("/metrics")).text
    assert "voordeur_inbound_messages_total" in metrics
    assert 'voordeur_send_failures_total{channel="sms",reason="twilio:21610"}' in metrics
    assert leaks(metrics, needles) == []


async def test_debug_logging_of_the_sqlite_driver_leaks_nothing(
    request: pytest.FixtureRequest, database_url: str, app: App, captured: Captured
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("aiosqlite is the SQLite driver")
    for text in ("Hallo, ik ben Rozemarijn", "Rozemarijn", "7391 AB", "ja"):
        await app.sms(text)
    needles = secrets_of_the_people()
    assert found_leaks(captured, needles) == []


async def test_a_crashing_flow_step_leaves_no_message_text_in_the_logs(
    app: App, captured: Captured, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A flow bug on odd input: the engine logs the exception. Its text must not quote the message."""
    from bot import engine

    real_step = engine.step

    def step_with_a_bug(state: Any, event: Any, now: Any, profile: Any) -> Any:
        if event.text.startswith("Mijn nummer"):
            int(event.text)  # a bug as Python makes them: ValueError quoting the input
        return real_step(state, event, now, profile)

    monkeypatch.setattr(engine, "step", step_with_a_bug)
    await app.sms("Hallo, ik ben Rozemarijn")
    secret = f"Mijn nummer is {RESIDENT[3:]} en ik heet Rozemarijn"
    await app.sms(secret)
    if not [r for r in captured.caplog.records if r.getMessage() == "flow step failed"]:
        pytest.fail("the crash was not logged: this test no longer tests anything")
    assert found_leaks(captured, [*secrets_of_the_people(), secret], skip=KNOWN_LEAKY_LOGGERS) == []


async def test_a_database_error_on_a_webhook_leaves_no_message_text_in_the_exception(
    request: pytest.FixtureRequest, database_url: str, app: App, captured: Captured
) -> None:
    """What uvicorn logs for a 500 ('Exception in ASGI application' with the traceback) must not quote
    the message. PostgreSQL refuses NUL in JSONB (see tests/test_properties.py) and its error quotes the
    JSON it was given."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite stores NUL; no database error to look at")
    form = {
        **fixture_json("twilio", "whatsapp_inbound_button.json"),
        "From": f"whatsapp:{WHATSAPP}",
        "Body": CRISIS,
        "ButtonText": CRISIS,
        "ButtonPayload": "checkin:\x00heavy",
    }
    try:
        response = await app.post_twilio(MESSAGES, form)
    except Exception:
        logging.getLogger("uvicorn.error").exception("Exception in ASGI application")
    else:
        assert response.status_code < 500
    assert found_leaks(captured, secrets_of_the_people(), skip=KNOWN_LEAKY_LOGGERS) == []
