"""The provider emulators, driven by the real clients (python-telegram-bot, twilio), over real sockets.

If these pass, the end-to-end tests can trust that what the app sees from the emulators is what it would
see from Telegram and Twilio, including the failures.
"""

from __future__ import annotations

import datetime as dtm
import json
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import telegram
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import EndPointNotFound, Forbidden, InvalidToken, RetryAfter, TimedOut
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from tests.emulators.server import ServerThread, run_asgi
from tests.emulators.telegram_api import TelegramEmulator, TelegramFault
from tests.emulators.twilio_api import TwilioEmulator

pytestmark = pytest.mark.e2e

ALICE = 111222333
BOB = 444555666


@dataclass
class Receiver:
    """A tiny app standing in for ours, to catch what the emulators POST (webhooks, status callbacks)."""

    calls: list[tuple[dict[str, str], bytes, str]] = field(default_factory=list)

    async def endpoint(self, request: Request) -> PlainTextResponse:
        self.calls.append((dict(request.headers), await request.body(), str(request.url)))
        return PlainTextResponse("ok")

    @property
    def app(self) -> Starlette:
        return Starlette(routes=[Route("/{path:path}", self.endpoint, methods=["POST"])])


# ----- server helper --------------------------------------------------------------------------------------


def test_run_asgi_serves_on_a_free_port_and_stops() -> None:
    app = Starlette(routes=[Route("/ping", lambda _: PlainTextResponse("pong"))])
    with run_asgi(app) as url, run_asgi(app) as other:
        assert url.startswith("http://127.0.0.1:")
        assert url != other
        assert httpx.get(f"{url}/ping").text == "pong"
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/ping")


def test_run_asgi_runs_lifespan_when_asked() -> None:
    events: list[str] = []

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        events.append("startup")
        yield
        events.append("shutdown")

    with run_asgi(Starlette(lifespan=lifespan), lifespan="on"):
        assert events == ["startup"]
    assert events == ["startup", "shutdown"]


def test_failed_lifespan_startup_raises() -> None:
    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        raise RuntimeError("database unreachable")
        yield

    with (
        pytest.raises(RuntimeError, match="startup"),
        ServerThread(Starlette(lifespan=lifespan), lifespan="on"),
    ):
        pass


# ----- Telegram ------------------------------------------------------------------------------------------


@pytest.fixture
def tg() -> Iterator[tuple[TelegramEmulator, str]]:
    emulator = TelegramEmulator()
    with run_asgi(emulator.app) as url:
        yield emulator, url


@asynccontextmanager
async def bot_for(url: str, token: str) -> AsyncIterator[telegram.Bot]:
    async with telegram.Bot(token, base_url=f"{url}/bot") as bot:
        yield bot


async def test_telegram_send_message_with_keyboard(tg: tuple[TelegramEmulator, str]) -> None:
    emulator, url = tg
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Ja", callback_data="yes")]])
    async with bot_for(url, emulator.token) as bot:
        assert bot.username == "voordeur_test_bot"
        first = await bot.send_message(ALICE, "Hallo buur", reply_markup=keyboard)
        second = await bot.send_message(ALICE, "Nog iets")
        other = await bot.send_message(BOB, "Hoi Bob")

    assert (first.message_id, second.message_id, other.message_id) == (1, 2, 1)
    assert first.chat.id == ALICE and first.chat.type == "private"
    assert first.text == "Hallo buur"
    assert first.reply_markup == keyboard
    assert first.from_user is not None and first.from_user.is_bot
    assert emulator.sent_texts(ALICE) == ["Hallo buur", "Nog iets"]
    assert emulator.sent_texts() == ["Hallo buur", "Nog iets", "Hoi Bob"]
    sent = emulator.requests("sendMessage")[0]
    assert sent.params["chat_id"] == ALICE
    assert sent.params["reply_markup"] == {"inline_keyboard": [[{"text": "Ja", "callback_data": "yes"}]]}
    assert emulator.token not in sent.path
    assert emulator.requests()[0].endpoint == "getMe"


async def test_telegram_accepts_a_json_body_and_answers_parseable_messages(
    tg: tuple[TelegramEmulator, str],
) -> None:
    emulator, url = tg
    markup = {"inline_keyboard": [[{"text": "Nee", "callback_data": "no"}]]}
    async with httpx.AsyncClient() as client:
        answer = await client.post(
            f"{url}/bot{emulator.token}/sendMessage",
            json={"chat_id": BOB, "text": "42", "reply_markup": markup},
        )
    payload = answer.json()
    assert answer.status_code == 200 and payload["ok"] is True
    async with bot_for(url, emulator.token) as bot:
        message = telegram.Message.de_json(payload["result"], bot)
    assert message.text == "42"  # a numeric text stays text
    assert message.reply_markup == InlineKeyboardMarkup.de_json(markup, None)
    assert emulator.messages(BOB)[0]["reply_markup"] == markup


async def test_telegram_callback_answer_edit_and_webhook(tg: tuple[TelegramEmulator, str]) -> None:
    emulator, url = tg
    async with bot_for(url, emulator.token) as bot:
        assert await bot.answer_callback_query("cbq-1", text="Genoteerd") is True
        sent = await bot.send_message(
            ALICE, "Kies", reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("A", callback_data="a")]])
        )
        edited = await bot.edit_message_reply_markup(ALICE, sent.message_id, reply_markup=None)
        assert await bot.set_webhook("https://voordeur.example/telegram", secret_token="s3cret") is True
        info = await bot.get_webhook_info()
        assert await bot.delete_webhook() is True
        cleared = await bot.get_webhook_info()

    assert emulator.requests("answerCallbackQuery")[0].params == {
        "callback_query_id": "cbq-1",
        "text": "Genoteerd",
    }
    assert isinstance(edited, telegram.Message) and edited.reply_markup is None
    assert "reply_markup" not in emulator.messages(ALICE)[0]
    assert info.url == "https://voordeur.example/telegram" and info.pending_update_count == 0
    assert cleared.url == "" and emulator.webhook is None


async def test_telegram_scripted_429_then_success(
    tg: tuple[TelegramEmulator, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # PTB 22.2+ warns when RetryAfter.retry_after is an int; with filterwarnings=error that warning would
    # replace the exception, so opt in to timedelta like the app's tests must.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    emulator, url = tg
    emulator.fail_next(1, status=429, retry_after=3)
    async with bot_for(url, emulator.token) as bot:  # getMe is not a send: it does not consume the fault
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(ALICE, "eerste poging")
        await bot.send_message(ALICE, "tweede poging")

    assert caught.value.retry_after == dtm.timedelta(seconds=3)
    assert emulator.sent_texts() == ["tweede poging"]
    assert [r.status for r in emulator.requests("sendMessage")] == [429, 200]
    assert emulator.pending_faults() == []


async def test_telegram_blocked_chat_is_forbidden(tg: tuple[TelegramEmulator, str]) -> None:
    emulator, url = tg
    emulator.block(ALICE)
    async with bot_for(url, emulator.token) as bot:
        for _ in range(2):  # a rule, not a one-off
            with pytest.raises(Forbidden, match="bot was blocked by the user"):
                await bot.send_message(ALICE, "Hallo?")
        await bot.send_message(BOB, "Hallo Bob")
        emulator.unblock(ALICE)
        await bot.send_message(ALICE, "Weer terug")

    assert emulator.sent_texts(ALICE) == ["Weer terug"]
    assert emulator.sent_texts(BOB) == ["Hallo Bob"]


async def test_telegram_planned_403_for_one_method_only(tg: tuple[TelegramEmulator, str]) -> None:
    emulator, url = tg
    emulator.plan(TelegramFault(status=403, method="answerCallbackQuery"))
    async with bot_for(url, emulator.token) as bot:
        await bot.send_message(ALICE, "niet geraakt")
        with pytest.raises(Forbidden):
            await bot.answer_callback_query("cbq-2")
    assert emulator.sent_texts() == ["niet geraakt"]


async def test_telegram_slow_answer_times_out_but_is_delivered(tg: tuple[TelegramEmulator, str]) -> None:
    emulator, url = tg
    emulator.delay_next(0.6)
    async with bot_for(url, emulator.token) as bot:
        with pytest.raises(TimedOut):
            await bot.send_message(ALICE, "traag", read_timeout=0.2)
        delivered = await emulator.wait_for_messages_async(1, ALICE, timeout=5)
    assert [m["text"] for m in delivered] == ["traag"]


async def test_telegram_rejects_wrong_token_and_unknown_method(tg: tuple[TelegramEmulator, str]) -> None:
    emulator, url = tg
    with pytest.raises(InvalidToken, match="rejected"):
        async with bot_for(url, "999:WRONG"):
            pass
    async with bot_for(url, emulator.token) as bot:
        with pytest.raises(EndPointNotFound):
            await bot.do_api_request("sendTelepathy", api_kwargs={"chat_id": ALICE})
    async with httpx.AsyncClient() as client:
        answer = await client.post(f"{url}/bot999:WRONG/getMe")
    assert answer.status_code == 401
    assert answer.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}


async def test_telegram_send_update_reaches_the_webhook(tg: tuple[TelegramEmulator, str]) -> None:
    emulator, url = tg
    receiver = Receiver()
    update = {
        "update_id": 7,
        "message": {"message_id": 3, "date": 1, "chat": {"id": ALICE, "type": "private"}, "text": "hoi"},
    }
    with run_asgi(receiver.app) as app_url:
        async with bot_for(url, emulator.token) as bot:
            await bot.set_webhook(f"{app_url}/webhook/telegram", secret_token="s3cret")
        answer = emulator.send_update(update)
    assert answer.status_code == 200
    headers, body, _ = receiver.calls[0]
    assert headers["x-telegram-bot-api-secret-token"] == "s3cret"
    assert json.loads(body) == update


# ----- Twilio --------------------------------------------------------------------------------------------

TO = "+31612345678"
OTHER = "+31687654321"
SENDER = "+3197010000001"
FIXTURES = Path("/work/shared/fixtures/twilio")


@pytest.fixture
def tw() -> Iterator[tuple[TwilioEmulator, str]]:
    emulator = TwilioEmulator(templates={"HX0001": "Hoi {{1}}, hoe gaat het?"})
    with run_asgi(emulator.app) as url:
        yield emulator, url


def make_client(url: str, sid: str, token: str) -> Client:
    client = Client(sid, token)
    client.api.base_url = url
    return client


@pytest.fixture
def client(tw: tuple[TwilioEmulator, str]) -> Iterator[Client]:
    emulator, url = tw
    client = make_client(url, emulator.account_sid, emulator.auth_token)
    yield client
    session = getattr(client.http_client, "session", None)
    if session is not None:
        session.close()


def test_twilio_create_message(tw: tuple[TwilioEmulator, str], client: Client) -> None:
    emulator, _ = tw
    message = client.messages.create(
        to=TO, from_=SENDER, body="Welkom bij Voordeur!", status_callback="https://voordeur.example/status"
    )
    assert message.sid is not None and message.sid.startswith("SM") and len(message.sid) == 34
    int(message.sid[2:], 16)
    assert message.status == "queued"
    assert (message.to, message.from_, message.body) == (TO, SENDER, "Welkom bij Voordeur!")
    assert isinstance(message.date_created, dtm.datetime) and message.date_created.tzinfo is not None
    assert message.date_sent is None and message.num_segments == "1"
    assert message.account_sid == emulator.account_sid

    stored = emulator.messages(TO)
    assert [m["sid"] for m in stored] == [message.sid] and stored[0]["status"] == "sent"
    assert emulator.sent_texts() == ["Welkom bij Voordeur!"]
    params = emulator.requests("Messages.create")[0].params
    assert params == {
        "To": TO,
        "From": SENDER,
        "Body": "Welkom bij Voordeur!",
        "StatusCallback": "https://voordeur.example/status",
    }
    fetched = client.messages(message.sid).fetch()
    assert fetched.status == "sent" and isinstance(fetched.date_sent, dtm.datetime)


def test_twilio_whatsapp_template_and_ucs2_segments(tw: tuple[TwilioEmulator, str], client: Client) -> None:
    emulator, _ = tw
    template = client.messages.create(
        to=f"whatsapp:{TO}",
        from_=f"whatsapp:{SENDER}",
        content_sid="HX0001",
        content_variables=json.dumps({"1": "Henk"}),
    )
    long_emoji = client.messages.create(to=TO, from_=SENDER, body="🙏" * 71)
    assert template.body == "Hoi Henk, hoe gaat het?"
    assert emulator.sent_texts(f"whatsapp:{TO}") == ["Hoi Henk, hoe gaat het?"]
    assert emulator.requests("Messages.create")[0].params["ContentSid"] == "HX0001"
    assert long_emoji.num_segments == "2"


def test_twilio_list_filters_and_pages(tw: tuple[TwilioEmulator, str], client: Client) -> None:
    emulator, _ = tw
    for body in ("een", "twee"):
        client.messages.create(to=TO, from_=SENDER, body=body)
    client.messages.create(to=OTHER, from_=SENDER, body="ander")

    today = dtm.datetime.now(dtm.UTC)
    assert [m.body for m in client.messages.list(to=TO)] == ["twee", "een"]  # newest first
    # page_size=1 makes the SDK follow next_page_uri
    assert [m.body for m in client.messages.list(to=TO, page_size=1)] == ["twee", "een"]
    assert len(client.messages.list(from_=SENDER)) == 3
    assert len(client.messages.list(to=TO, date_sent_after=today - dtm.timedelta(minutes=5))) == 2
    assert client.messages.list(to=TO, date_sent_after=today + dtm.timedelta(days=1)) == []
    assert len(client.messages.list(date_sent=today.date().isoformat())) == 3
    assert emulator.requests("Messages.list")[0].params == {"To": TO}


def test_twilio_scripted_429_then_success(tw: tuple[TwilioEmulator, str], client: Client) -> None:
    emulator, url = tw
    emulator.fail_next(1, status=429, retry_after=2)
    with pytest.raises(TwilioRestException) as caught:
        client.messages.create(to=TO, from_=SENDER, body="eerste poging")
    assert (caught.value.status, caught.value.code) == (429, 20429)
    client.messages.create(to=TO, from_=SENDER, body="tweede poging")
    assert emulator.sent_texts() == ["tweede poging"]

    emulator.fail_next(1, status=429, retry_after=2)
    answer = httpx.post(
        f"{url}/2010-04-01/Accounts/{emulator.account_sid}/Messages.json",
        data={"To": TO, "From": SENDER, "Body": "x"},
        auth=(emulator.account_sid, emulator.auth_token),
    )
    assert answer.headers["retry-after"] == "2"
    assert answer.json() == json.loads(FIXTURES.joinpath("error_429.json").read_text())


def test_twilio_opted_out_recipient_and_server_error(tw: tuple[TwilioEmulator, str], client: Client) -> None:
    emulator, _ = tw
    emulator.opt_out(TO)
    with pytest.raises(TwilioRestException) as opted_out:
        client.messages.create(to=TO, from_=SENDER, body="Hallo")
    assert (opted_out.value.status, opted_out.value.code) == (400, 21610)
    assert opted_out.value.msg.endswith("Attempt to send to unsubscribed recipient")
    client.messages.create(to=OTHER, from_=SENDER, body="Hallo ander")

    emulator.fail_next(1, status=500)
    with pytest.raises(TwilioRestException) as server_error:
        client.messages.create(to=OTHER, from_=SENDER, body="pech")
    assert (server_error.value.status, server_error.value.code) == (500, 20500)
    assert emulator.sent_texts() == ["Hallo ander"]
    assert [r.status for r in emulator.requests("Messages.create")] == [400, 201, 500]


def test_twilio_rejects_wrong_credentials(tw: tuple[TwilioEmulator, str]) -> None:
    emulator, url = tw
    wrong = make_client(url, emulator.account_sid, "not-the-token")
    try:
        with pytest.raises(TwilioRestException) as caught:
            wrong.messages.create(to=TO, from_=SENDER, body="Hallo")
        with pytest.raises(TwilioException, match="Unable to fetch page"):  # what the SDK raises for lists
            wrong.messages.list(to=TO)
    finally:
        wrong.http_client.session.close()  # type: ignore[attr-defined]
    assert (caught.value.status, caught.value.code) == (401, 20003)
    assert emulator.messages() == []


def test_twilio_validates_required_fields_and_unknown_sid(
    tw: tuple[TwilioEmulator, str], client: Client
) -> None:
    emulator, url = tw
    endpoint = f"{url}/2010-04-01/Accounts/{emulator.account_sid}/Messages.json"
    auth = (emulator.account_sid, emulator.auth_token)
    cases = [
        ({"From": SENDER, "Body": "x"}, 21604),
        ({"To": TO, "Body": "x"}, 21603),
        ({"To": TO, "From": SENDER}, 21602),
        ({"To": "0612", "From": SENDER, "Body": "x"}, 21211),
    ]
    for form, code in cases:
        answer = httpx.post(endpoint, data=form, auth=auth)
        assert (answer.status_code, answer.json()["code"]) == (400, code), form
    with pytest.raises(TwilioRestException) as caught:
        client.messages("SM" + "0" * 32).fetch()
    assert (caught.value.status, caught.value.code) == (404, 20404)
    assert emulator.messages() == []


def test_twilio_slow_answer_times_out_but_is_accepted(tw: tuple[TwilioEmulator, str]) -> None:
    emulator, url = tw
    emulator.delay_next(0.6)
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(
            f"{url}/2010-04-01/Accounts/{emulator.account_sid}/Messages.json",
            data={"To": TO, "From": SENDER, "Body": "traag"},
            auth=(emulator.account_sid, emulator.auth_token),
            timeout=0.2,
        )
    assert [m["body"] for m in emulator.wait_for_messages(1, TO, timeout=5)] == ["traag"]


def test_twilio_status_callback_is_signed(tw: tuple[TwilioEmulator, str], client: Client) -> None:
    emulator, _ = tw
    receiver = Receiver()
    with run_asgi(receiver.app) as app_url:
        callback = f"{app_url}/webhooks/twilio/status"
        message = client.messages.create(to=TO, from_=SENDER, body="Hallo", status_callback=callback)
        answer = emulator.set_status(message.sid, "undelivered", error_code=21610)
    assert answer is not None and answer.status_code == 200
    headers, body, received_url = receiver.calls[0]
    form = dict(httpx.QueryParams(body.decode()))
    assert form["MessageStatus"] == "undelivered" and form["ErrorCode"] == "21610" and form["To"] == TO
    assert RequestValidator(emulator.auth_token).validate(received_url, form, headers["x-twilio-signature"])
    assert emulator.messages()[0]["status"] == "undelivered"


async def test_twilio_async_wait(tw: tuple[TwilioEmulator, str]) -> None:
    emulator, url = tw
    async with httpx.AsyncClient(auth=(emulator.account_sid, emulator.auth_token)) as http:
        await http.post(
            f"{url}/2010-04-01/Accounts/{emulator.account_sid}/Messages.json",
            data={"To": TO, "From": SENDER, "Body": "async"},
        )
    assert [m["body"] for m in await emulator.wait_for_messages_async(1, timeout=2)] == ["async"]
    with pytest.raises(TimeoutError):
        await emulator.wait_for_messages_async(2, timeout=0.2)
