"""End to end: real webhooks over HTTP into the real app under uvicorn, replies out to emulated providers.

Nothing is mocked inside the process: the app stores the webhook, answers 200, runs the flow in the
background, and its outbox sender calls the Telegram and Twilio emulators over 127.0.0.1. Every test runs
on SQLite and on PostgreSQL. The last test runs `voordeur serve` as a real process and kills it with
SIGKILL between storing a message and answering it, to prove that a restart answers it exactly once.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from flows import catalogue
from storage.models import InboundMessage, OutboxMessage
from tests.conftest import fixture_json
from tests.e2e_support import (
    SMS_NUMBER,
    WHATSAPP_NUMBER,
    Database,
    ServeProcess,
    Stack,
    channel_settings,
    clean_environment,
    free_port,
    post_twilio,
    running_stack,
    wait_for,
)
from tests.emulators.telegram_api import TelegramEmulator
from tests.emulators.twilio_api import TwilioEmulator

pytestmark = pytest.mark.e2e

SMS_PERSON = "+31612345678"  # From of sms_inbound.json and sms_inbound_stop.json
WHATSAPP_PERSON = "whatsapp:+31611122233"  # From of whatsapp_inbound_text.json
TELEGRAM_CHAT = 5550001  # chat of message_text.json

# Latencies are recorded and printed, not asserted (speed is measured in bench/), except where a delay of
# a whole idle poll (1 s) is the symptom of a lost wake-up: there the bound is the check.
LOST_WAKEUP_SECONDS = 1.0
# How long to keep watching for a message that must not come (the sender polls every second).
QUIET_WATCH_SECONDS = 1.5
# Long enough for the outbox sender to finish the empty round that follows a send (a few ms).

MENU_LABELS = ["Hulp vragen", "Hulp bieden", "Uitleg", "Stoppen"]
MENU_KEYS = ["ask", "offer", "info", "stop"]


def numbered(key: str) -> str:
    """A Dutch text with the menu as numbered lines, as SMS and WhatsApp show it."""
    lines = [f"{index} {label}" for index, label in enumerate(MENU_LABELS, start=1)]
    return "\n".join([catalogue.render(key, "nl"), *lines])


# The shape of the conversation matters here: a first contact is answered by TWO messages without
# choices, the welcome and then the first onboarding question (the name). The menu with its choices
# (numbered lines on SMS and WhatsApp, an inline keyboard on Telegram) comes when someone sends MENU,
# after onboarding, or with START after STOP. Tests that need choices send MENU after the first contact.
WELCOME_TEXT = catalogue.render("welcome", "nl")
ASK_NAME_TEXT = catalogue.render("ask_name", "nl")
FIRST_CONTACT = [WELCOME_TEXT, ASK_NAME_TEXT]
FIRST_CONTACT_KEYS = ["welcome", "ask_name"]
MENU_TEXT = catalogue.render("menu", "nl")
MENU_NUMBERED = numbered("menu")
STOP_TEXT = catalogue.render("stop_confirmed", "nl")
START_NUMBERED = numbered("start_confirmed")
INFO_TEXT = catalogue.render("info", "nl")


def greeting(provider: str, name: str) -> dict[str, Any]:
    """A real-format fixture whose text is a plain greeting. These tests are about delivery (once,
    in order, retried, stopped); a first message that asks for something is answered with one more
    message ("your request is kept"), which tests/test_golden.py and the understanding tests cover."""
    data = copy.deepcopy(fixture_json(provider, name))
    if provider == "telegram":
        data["message"]["text"] = "Hallo"
    else:
        data["Body"] = "Hallo"
    return data


# Timings measured in this run (webhook 200 → provider emulator), for the report at the end.
MEASURED: dict[str, list[float]] = {}


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
            reporter.write_line(f"e2e {name}: " + ", ".join(f"{value * 1000:.0f} ms" for value in values))


@pytest.fixture
def stack(
    database_url: str, telegram_api: tuple[TelegramEmulator, str], twilio_api: tuple[TwilioEmulator, str]
) -> Iterator[Stack]:
    with running_stack(database_url, telegram_api, twilio_api) as running:
        yield running


# --- helpers --------------------------------------------------------------------------------------------


def sms_form(body: str, sid: str, base: str = "sms_inbound.json") -> dict[str, str]:
    form = {key: str(value) for key, value in fixture_json("twilio", base).items()}
    form.update(Body=body, MessageSid=sid, SmsMessageSid=sid, SmsSid=sid)
    return form


def telegram_text(text: str, update_id: int) -> dict[str, Any]:
    """The fixture's text message (same chat and user) with another text, update and message id."""
    update = copy.deepcopy(greeting("telegram", "message_text.json"))
    update["update_id"] = update_id
    update["message"]["message_id"] = update_id % 100_000
    update["message"]["text"] = text
    return update


def twilio_creates(emulator: TwilioEmulator, to: str) -> list[Any]:
    return [r for r in emulator.requests("Messages.create") if r.params.get("To") == to]


def telegram_sends(emulator: TelegramEmulator, chat_id: int) -> list[Any]:
    return [r for r in emulator.requests("sendMessage") if r.params.get("chat_id") == chat_id]


def latency_since(answered_at: float, requests: list[Any], what: str, count: int = 1) -> float:
    """Seconds from our 200 to the emulator's successful answer to the reply's send; with `count`, to
    the last of a reply of that many messages (the whole answer, not just its first message)."""
    delivered = [r for r in requests if r.status in (200, 201)]
    assert len(delivered) >= count, f"{len(delivered)} of {count} successful sends for {what}"
    latency = float(delivered[count - 1].received_at - answered_at)
    MEASURED.setdefault(what, []).append(latency)
    return latency


def assert_ok_twiml(response: httpx.Response) -> None:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/xml")
    assert "<Response/>" in response.text


def only_row(db: Database, *where: Any) -> OutboxMessage:
    rows = db.outbox(*where)
    assert len(rows) == 1, [(r.id, r.channel, r.text_key, r.status) for r in rows]
    return rows[0]


# --- 1. a reply on every channel within a second -------------------------------------------------------


def wait_sender_idle(stack: Stack, count: int) -> None:
    """Wait until `count` outbox rows are sent. A webhook arriving during the sender's next (empty)
    round must still be answered at once: the sender clears its wake-up before each round (see
    test_a_reply_committed_during_an_empty_sender_round_is_still_sent_at_once)."""
    wait_for(lambda: len([r for r in stack.db.outbox() if r.status == "sent"]) >= count, 5, f"{count} sent")


def test_each_channel_gets_the_welcome_within_a_second(stack: Stack) -> None:
    # Each channel: the first contact is answered by the welcome and the name question (2 messages,
    # both within the bound), then MENU by the menu with its choices as that channel shows them.
    # SMS
    response = stack.sms(greeting("twilio", "sms_inbound.json"))
    answered = time.time()
    assert_ok_twiml(response)
    messages = stack.twilio.wait_for_messages(2, to=SMS_PERSON, timeout=5)
    latency_since(answered, twilio_creates(stack.twilio, SMS_PERSON), "sms", 2)
    assert [(m["from"], m["to"]) for m in messages] == [(SMS_NUMBER, SMS_PERSON)] * 2
    assert [m["body"] for m in messages] == FIRST_CONTACT
    wait_sender_idle(stack, 2)
    response = stack.sms(sms_form("MENU", "SM" + "a" * 32))
    answered = time.time()
    assert_ok_twiml(response)
    messages = stack.twilio.wait_for_messages(3, to=SMS_PERSON, timeout=5)
    latency_since(answered, twilio_creates(stack.twilio, SMS_PERSON)[2:], "sms_menu")
    assert messages[2]["body"] == MENU_NUMBERED
    wait_sender_idle(stack, 3)

    # WhatsApp: both ends carry the whatsapp: prefix.
    response = stack.sms(greeting("twilio", "whatsapp_inbound_text.json"))
    answered = time.time()
    assert_ok_twiml(response)
    messages = stack.twilio.wait_for_messages(2, to=WHATSAPP_PERSON, timeout=5)
    latency_since(answered, twilio_creates(stack.twilio, WHATSAPP_PERSON), "whatsapp", 2)
    assert [(m["from"], m["to"]) for m in messages] == [(WHATSAPP_NUMBER, WHATSAPP_PERSON)] * 2
    assert [m["body"] for m in messages] == FIRST_CONTACT
    wait_sender_idle(stack, 5)
    response = stack.sms(sms_form("MENU", "SM" + "b" * 32, base="whatsapp_inbound_text.json"))
    answered = time.time()
    assert_ok_twiml(response)
    messages = stack.twilio.wait_for_messages(3, to=WHATSAPP_PERSON, timeout=5)
    latency_since(answered, twilio_creates(stack.twilio, WHATSAPP_PERSON)[2:], "whatsapp_menu")
    assert messages[2]["body"] == MENU_NUMBERED
    wait_sender_idle(stack, 6)

    # Telegram: no keyboard on the first contact; the menu's choices are an inline keyboard, not
    # numbered lines.
    response = stack.telegram_update(greeting("telegram", "message_text.json"))
    answered = time.time()
    assert response.status_code == 200, response.text
    sent = stack.telegram.wait_for_messages(2, chat_id=TELEGRAM_CHAT, timeout=5)
    latency_since(answered, telegram_sends(stack.telegram, TELEGRAM_CHAT), "telegram", 2)
    assert [m["chat"]["id"] for m in sent] == [TELEGRAM_CHAT] * 2
    assert [m["text"] for m in sent] == FIRST_CONTACT
    assert [m.get("reply_markup") for m in sent] == [None, None]
    wait_sender_idle(stack, 8)
    response = stack.telegram_update(telegram_text("MENU", 870000101))
    answered = time.time()
    assert response.status_code == 200, response.text
    sent = stack.telegram.wait_for_messages(3, chat_id=TELEGRAM_CHAT, timeout=5)
    latency_since(answered, telegram_sends(stack.telegram, TELEGRAM_CHAT)[2:], "telegram_menu")
    assert sent[2]["text"] == MENU_TEXT
    keyboard = sent[2]["reply_markup"]["inline_keyboard"]
    assert [button["text"] for row in keyboard for button in row] == MENU_LABELS
    assert [button["callback_data"] for row in keyboard for button in row] == MENU_KEYS

    # Nothing went anywhere else, and every reply went through the outbox and is recorded as sent.
    assert len(stack.twilio.messages()) == 6
    assert len(stack.telegram.messages()) == 3
    wait_sender_idle(stack, 9)
    rows = stack.db.outbox()
    assert sorted(r.channel for r in rows) == ["sms"] * 3 + ["telegram"] * 3 + ["whatsapp"] * 3
    for channel in ("sms", "whatsapp", "telegram"):
        assert [(r.status, r.attempts, r.text_key) for r in rows if r.channel == channel] == [
            ("sent", 1, key) for key in [*FIRST_CONTACT_KEYS, "menu"]
        ]
    twilio_sids = {m["sid"] for m in stack.twilio.messages()}
    assert {r.provider_id for r in rows if r.channel != "telegram"} == twilio_sids


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_reply_committed_during_an_empty_sender_round_is_still_sent_at_once(stack: Stack) -> None:
    """Deterministic version of a race seen on SQLite: a row lock (PostgreSQL) holds the sender's round
    in `expire_claims` while a webhook is stored and its reply committed; then the round goes on."""
    held_id, other_identity = stack.db.add_expiring_claim("+31600000009", seconds=1.0)
    with stack.db.engine.connect() as lock:
        lock.execute(select(OutboxMessage.id).where(OutboxMessage.id == held_id).with_for_update())
        wait_for(
            lambda: stack.db.waiting_on_lock("UPDATE outbox"), 5, "the sender's round to wait for the lock"
        )
        response = stack.sms(greeting("twilio", "sms_inbound.json"))
        answered = time.time()
        assert_ok_twiml(response)
        wait_for(lambda: stack.db.outbox(OutboxMessage.identity_id != other_identity), 5, "the reply row")
        lock.rollback()  # the round goes on
    # The whole first-contact reply (welcome, name question), in order.
    stack.twilio.wait_for_messages(2, to=SMS_PERSON, timeout=5)
    assert stack.twilio.sent_texts(SMS_PERSON) == FIRST_CONTACT
    latency = latency_since(answered, twilio_creates(stack.twilio, SMS_PERSON), "sms_after_empty_round", 2)
    assert latency < LOST_WAKEUP_SECONDS, "sent on the wake-up, not after the idle poll"


# --- 2. duplicate webhooks -----------------------------------------------------------------------------


def test_duplicate_webhooks_get_exactly_one_reply(stack: Stack) -> None:
    sms = greeting("twilio", "sms_inbound.json")
    update = greeting("telegram", "message_text.json")
    # Twice at once (a retry racing the first delivery), then once more after the reply went out.
    assert_ok_twiml(stack.sms(sms))
    assert_ok_twiml(stack.sms(sms))
    assert stack.telegram_update(update).status_code == 200
    assert stack.telegram_update(update).status_code == 200
    # One reply is two messages here (welcome, name question): see FIRST_CONTACT.
    stack.twilio.wait_for_messages(2, to=SMS_PERSON, timeout=5)
    stack.telegram.wait_for_messages(2, chat_id=TELEGRAM_CHAT, timeout=5)
    assert_ok_twiml(stack.sms(sms))
    assert stack.telegram_update(update).status_code == 200

    time.sleep(QUIET_WATCH_SECONDS)
    assert stack.twilio.sent_texts(SMS_PERSON) == FIRST_CONTACT
    assert stack.telegram.sent_texts(TELEGRAM_CHAT) == FIRST_CONTACT
    assert len(stack.twilio.requests("Messages.create")) == 2
    assert len(stack.telegram.requests("sendMessage")) == 2
    assert len(stack.db.inbound()) == 2
    assert len(stack.db.outbox()) == 4


# --- 3. rate limited, then accepted --------------------------------------------------------------------


def test_twilio_429_is_retried_after_retry_after_and_sent_once(stack: Stack) -> None:
    stack.twilio.fail_next(1, 429, retry_after=1)
    assert_ok_twiml(stack.sms(greeting("twilio", "sms_inbound.json")))

    # The welcome meets the 429; the name question waits behind it (one message at a time per address,
    # in order) and goes out once, right after the welcome's retry.
    stack.twilio.wait_for_messages(2, to=SMS_PERSON, timeout=10)
    wait_for(lambda: len([r for r in stack.db.outbox() if r.status == "sent"]) == 2, 5, "outbox rows sent")
    time.sleep(QUIET_WATCH_SECONDS)

    creates = twilio_creates(stack.twilio, SMS_PERSON)
    assert [r.status for r in creates] == [429, 201, 201]
    assert creates[1].received_at - creates[0].received_at >= 0.9  # Retry-After: 1 was honoured
    assert [r.params["Body"] for r in creates] == [WELCOME_TEXT, *FIRST_CONTACT]
    assert stack.twilio.sent_texts(SMS_PERSON) == FIRST_CONTACT
    row = only_row(stack.db, OutboxMessage.text_key == "welcome")
    assert (row.status, row.attempts) == ("sent", 2)
    assert row.provider_id == stack.twilio.messages(SMS_PERSON)[0]["sid"]
    row = only_row(stack.db, OutboxMessage.text_key == "ask_name")
    assert (row.status, row.attempts) == ("sent", 1)


def test_telegram_429_is_retried_after_retry_after_and_sent_once(stack: Stack) -> None:
    stack.telegram.fail_next(1, 429, retry_after=1)
    assert stack.telegram_update(greeting("telegram", "message_text.json")).status_code == 200

    # As for Twilio: the welcome is retried, the name question follows it once.
    stack.telegram.wait_for_messages(2, chat_id=TELEGRAM_CHAT, timeout=10)
    wait_for(lambda: len([r for r in stack.db.outbox() if r.status == "sent"]) == 2, 5, "outbox rows sent")
    time.sleep(QUIET_WATCH_SECONDS)

    sends = telegram_sends(stack.telegram, TELEGRAM_CHAT)
    assert [r.status for r in sends] == [429, 200, 200]
    assert sends[1].received_at - sends[0].received_at >= 0.9  # retry_after 1 was honoured
    assert [r.params["text"] for r in sends] == [WELCOME_TEXT, *FIRST_CONTACT]
    assert stack.telegram.sent_texts(TELEGRAM_CHAT) == FIRST_CONTACT
    row = only_row(stack.db, OutboxMessage.text_key == "welcome")
    assert (row.status, row.attempts) == ("sent", 2)
    assert row.provider_id == str(stack.telegram.messages(TELEGRAM_CHAT)[0]["message_id"])
    row = only_row(stack.db, OutboxMessage.text_key == "ask_name")
    assert (row.status, row.attempts) == ("sent", 1)


# --- 4. inline button -------------------------------------------------------------------------------------


def test_callback_query_is_answered_and_its_choice_followed(stack: Stack) -> None:
    # The first contact has no buttons (welcome, name question); MENU brings the inline keyboard.
    assert stack.telegram_update(greeting("telegram", "message_text.json")).status_code == 200
    stack.telegram.wait_for_messages(2, chat_id=TELEGRAM_CHAT, timeout=5)
    wait_sender_idle(stack, 2)
    assert stack.telegram_update(telegram_text("MENU", 870000101)).status_code == 200
    menu = stack.telegram.wait_for_messages(3, chat_id=TELEGRAM_CHAT, timeout=5)[2]
    assert menu["text"] == MENU_TEXT
    assert [b["callback_data"] for row in menu["reply_markup"]["inline_keyboard"] for b in row] == MENU_KEYS
    wait_sender_idle(stack, 3)

    # The fixture's tap, moved to the chat that got the menu, on the menu's "Uitleg" button.
    update = copy.deepcopy(fixture_json("telegram", "callback_query.json"))
    query = update["callback_query"]
    query["from"] = {"id": TELEGRAM_CHAT, "is_bot": False, "first_name": "Ria", "language_code": "nl"}
    query["message"]["chat"] = menu["chat"]
    query["message"]["message_id"] = menu["message_id"]
    query["message"]["text"] = menu["text"]
    query["message"]["reply_markup"] = menu["reply_markup"]
    query["data"] = "info"
    response = stack.telegram_update(update)
    answered = time.time()
    assert response.status_code == 200, response.text

    # "Uitleg" is answered by the info text and the menu again (2 messages).
    messages = stack.telegram.wait_for_messages(5, chat_id=TELEGRAM_CHAT, timeout=5)
    latency_since(answered, telegram_sends(stack.telegram, TELEGRAM_CHAT)[3:], "telegram_callback", 2)
    assert messages[3]["text"] == INFO_TEXT
    assert messages[4]["text"] == MENU_TEXT
    assert messages[4]["reply_markup"] == menu["reply_markup"]
    answers = stack.telegram.wait_for_requests(1, "answerCallbackQuery", timeout=5)
    assert [a.params["callback_query_id"] for a in answers] == [query["id"]]
    assert all(a.status == 200 for a in answers)
    assert len(stack.telegram.messages()) == 5


# --- 5. opting out -----------------------------------------------------------------------------------------


def test_twilio_opt_out_stops_the_identity(stack: Stack) -> None:
    stack.twilio.opt_out(SMS_PERSON)
    assert_ok_twiml(stack.sms(greeting("twilio", "sms_inbound.json")))

    stack.twilio.wait_for_requests(1, "Messages.create", timeout=5)
    row = wait_for(lambda: [r for r in stack.db.outbox() if r.status == "failed"], 5, "the send to fail")[0]
    assert row.error == "twilio:21610"
    assert row.attempts == 1
    identity = wait_for(
        lambda: (i := stack.db.identity("sms", SMS_PERSON)) is not None and i.stopped_at is not None and i,
        5,
        "the address to be stopped",
    )
    assert identity.stop_reason

    # Another message from the opted-out number: stored and handled, but nothing is sent to it.
    assert_ok_twiml(stack.sms(sms_form("hallo", "SM" + "1" * 32)))
    stack.db.wait_processed("SM" + "1" * 32)
    time.sleep(QUIET_WATCH_SECONDS)
    assert [r.status for r in stack.twilio.requests("Messages.create")] == [400]
    assert stack.twilio.messages() == []
    # The name question queued behind the refused welcome is cancelled, never sent.
    assert [(r.text_key, r.status) for r in stack.db.outbox()] == [
        ("welcome", "failed"),
        ("ask_name", "cancelled"),
    ]


def test_stop_confirms_once_silences_and_start_resumes(stack: Stack) -> None:
    # First contact: welcome and name question (2 messages). START answers with the menu's choices.
    assert_ok_twiml(stack.sms(greeting("twilio", "sms_inbound.json")))
    stack.twilio.wait_for_messages(2, to=SMS_PERSON, timeout=5)

    assert_ok_twiml(stack.sms(fixture_json("twilio", "sms_inbound_stop.json")))
    stack.twilio.wait_for_messages(3, to=SMS_PERSON, timeout=5)
    stop_sid = fixture_json("twilio", "sms_inbound_stop.json")["MessageSid"]
    stack.db.wait_processed(stop_sid)
    identity = stack.db.identity("sms", SMS_PERSON)
    assert identity is not None and identity.stopped_at is not None

    assert_ok_twiml(stack.sms(sms_form("hallo", "SM" + "2" * 32)))
    stack.db.wait_processed("SM" + "2" * 32)
    time.sleep(QUIET_WATCH_SECONDS)
    assert stack.twilio.sent_texts(SMS_PERSON) == [*FIRST_CONTACT, STOP_TEXT]

    response = stack.sms(sms_form("START", "SM" + "3" * 32))
    answered = time.time()
    assert_ok_twiml(response)
    stack.twilio.wait_for_messages(4, to=SMS_PERSON, timeout=5)
    latency_since(answered, twilio_creates(stack.twilio, SMS_PERSON)[3:], "sms_start")
    time.sleep(QUIET_WATCH_SECONDS)
    assert stack.twilio.sent_texts(SMS_PERSON) == [*FIRST_CONTACT, STOP_TEXT, START_NUMBERED]
    identity = stack.db.identity("sms", SMS_PERSON)
    assert identity is not None and identity.stopped_at is None
    assert all(r.status == "sent" for r in stack.db.outbox())


# --- 6. status callbacks ----------------------------------------------------------------------------------


def test_status_callback_records_delivery(stack: Stack) -> None:
    # The first contact is two messages; the callback is for the first (the welcome) only.
    assert_ok_twiml(stack.sms(greeting("twilio", "whatsapp_inbound_text.json")))
    message = stack.twilio.wait_for_messages(2, to=WHATSAPP_PERSON, timeout=5)[0]
    request = stack.twilio.requests("Messages.create")[0]
    wait_for(lambda: len([r for r in stack.db.outbox() if r.status == "sent"]) == 2, 5, "outbox rows sent")
    row = only_row(stack.db, OutboxMessage.text_key == "welcome")
    assert row.provider_id == message["sid"]
    # The StatusCallback names the row (?o=id) under PUBLIC_BASE_URL, which is this app.
    assert request.params["StatusCallback"] == f"{stack.url}/webhooks/twilio/status?o={row.id}"
    assert row.delivery_status is None

    answer = stack.twilio.set_status(message["sid"], "delivered")
    assert answer is not None
    assert answer.status_code == 200, answer.text
    row = only_row(stack.db, OutboxMessage.text_key == "welcome")
    assert (row.delivery_status, row.delivery_error, row.status) == ("delivered", None, "sent")
    assert row.delivery_updated_at is not None
    other = only_row(stack.db, OutboxMessage.text_key == "ask_name")
    assert (other.delivery_status, other.status) == (None, "sent")


def test_undelivered_21610_callback_stops_the_address(stack: Stack) -> None:
    # Both first-contact messages are sent before the welcome's callback says undelivered.
    assert_ok_twiml(stack.sms(greeting("twilio", "sms_inbound.json")))
    message = stack.twilio.wait_for_messages(2, to=SMS_PERSON, timeout=5)[0]
    wait_for(lambda: len([r for r in stack.db.outbox() if r.status == "sent"]) == 2, 5, "outbox rows sent")

    answer = stack.twilio.set_status(message["sid"], "undelivered", error_code=21610)
    assert answer is not None and answer.status_code == 200, answer
    row = only_row(stack.db, OutboxMessage.text_key == "welcome")
    assert (row.delivery_status, row.delivery_error) == ("undelivered", "21610")
    identity = stack.db.identity("sms", SMS_PERSON)
    assert identity is not None and identity.stopped_at is not None

    assert_ok_twiml(stack.sms(sms_form("hallo", "SM" + "4" * 32)))
    stack.db.wait_processed("SM" + "4" * 32)
    time.sleep(QUIET_WATCH_SECONDS)
    assert len(stack.twilio.requests("Messages.create")) == 2


# --- 7. crash between storing and answering, with real processes -----------------------------------------


def test_killed_process_answers_after_restart_exactly_once(
    database_url: str,
    telegram_api: tuple[TelegramEmulator, str],
    twilio_api: tuple[TwilioEmulator, str],
    tmp_path: Path,
) -> None:
    twilio, twilio_url = twilio_api
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    base_env = clean_environment(
        DATABASE_URL=database_url,
        VOORDEUR_QUIET_HOURS="",
        VOORDEUR_LOG_FORMAT="json",
        **channel_settings(telegram_api[0], telegram_api[1], twilio, twilio_url, url),
    )
    workdir = tmp_path / "cwd"  # no .env here
    workdir.mkdir()
    form = greeting("twilio", "sms_inbound.json")
    db = Database(database_url)
    processes: list[ServeProcess] = []
    try:
        first = ServeProcess(
            port,
            {**base_env, "VOORDEUR_FAILPOINT": "kill_after_inbound_commit"},
            workdir,
            tmp_path / "first.log",
        )
        processes.append(first)
        first.wait_healthy()
        with httpx.Client(timeout=10.0) as client:
            try:
                response: httpx.Response | None = post_twilio(client, url, url, twilio.auth_token, form)
            except httpx.TransportError:
                response = None
        assert response is None, f"the failpoint did not fire: answered {response.status_code}"
        assert first.wait(10) == -9, first.output()

        inbound = db.inbound()
        assert [(r.channel, r.provider_id, r.processed_at) for r in inbound] == [
            ("sms", form["MessageSid"], None)
        ]
        assert db.outbox() == []
        assert twilio.requests() == []

        second = ServeProcess(port, base_env, workdir, tmp_path / "second.log")
        processes.append(second)
        started = time.monotonic()
        second.wait_healthy()
        # The whole first-contact reply: welcome and name question.
        twilio.wait_for_messages(2, to=SMS_PERSON, timeout=10)
        MEASURED.setdefault("recovery_after_restart", []).append(time.monotonic() - started)
        assert twilio.sent_texts(SMS_PERSON) == FIRST_CONTACT

        # Twilio retries the webhook whose connection dropped: accepted, not answered twice.
        with httpx.Client(timeout=10.0) as client:
            assert_ok_twiml(post_twilio(client, url, url, twilio.auth_token, form))
        time.sleep(QUIET_WATCH_SECONDS)
        assert twilio.sent_texts(SMS_PERSON) == FIRST_CONTACT
        assert len(twilio.requests("Messages.create")) == 2
        (row,) = db.inbound(InboundMessage.provider_id == form["MessageSid"])
        assert row.processed_at is not None
        assert [(r.status, r.attempts, r.text_key) for r in db.outbox()] == [
            ("sent", 1, key) for key in FIRST_CONTACT_KEYS
        ]

        # A graceful stop within 15 s (the exit status itself is checked in the next test).
        second.terminate()
        second.wait(15)
        assert "runtime stopped" in second.output()
    finally:
        for process in processes:
            process.kill()
        db.close()


def test_serve_exits_0_on_sigterm(
    database_url: str,
    telegram_api: tuple[TelegramEmulator, str],
    twilio_api: tuple[TwilioEmulator, str],
    tmp_path: Path,
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = clean_environment(
        DATABASE_URL=database_url,
        VOORDEUR_QUIET_HOURS="",
        **channel_settings(telegram_api[0], telegram_api[1], twilio_api[0], twilio_api[1], url),
    )
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    process = ServeProcess(port, env, workdir, tmp_path / "serve.log")
    try:
        process.wait_healthy()
        with httpx.Client(timeout=10.0) as client:
            assert_ok_twiml(
                post_twilio(
                    client, url, url, twilio_api[0].auth_token, greeting("twilio", "sms_inbound.json")
                )
            )
        twilio_api[0].wait_for_messages(2, to=SMS_PERSON, timeout=5)  # welcome and name question
        process.terminate()
        code = process.wait(15)
        assert "runtime stopped" in process.output()
        assert code == 0, f"exit status {code}"
    finally:
        process.kill()
