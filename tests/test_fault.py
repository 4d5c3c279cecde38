"""The fault test: the deployment's topology under the faults an attacker or a bad day brings.

PostgreSQL, two `serve --no-worker` web processes and two workers between the Twilio and Telegram
emulators. 200 people (half SMS, half Telegram) send 10 messages each, 2,000 in all; every webhook is
delivered twice (half of the pairs at the same moment to both web processes, the rest one after the
other), 429 and 5xx storms hit both providers, and twice a worker is killed with SIGKILL while sends
are in flight (delayed by the emulator), a fresh worker taking its place.

Afterwards: every inbound message stored once and answered, every reply sent, no Twilio message
accepted twice for one outbox row (the status callback carrying the row's id settles unknown sends),
Telegram duplicates at most the Telegram sends in flight at the kills, nothing left pending. The
figures are printed. Size: VOORDEUR_FAULT_PEOPLE (default 200) and VOORDEUR_FAULT_MESSAGES (10).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import outbox
from storage.models import Identity, InboundMessage, OutboxMessage
from tests.conftest import fixture_json
from tests.e2e_support import TELEGRAM_SECRET, Database, post_telegram, post_twilio, wait_for
from tests.emulators.server import run_asgi
from tests.emulators.telegram_api import TelegramEmulator, TelegramFault
from tests.emulators.twilio_api import TwilioEmulator, TwilioFault
from tests.test_multiprocess import PUBLIC_BASE_URL, Voordeur, processes, start_web, start_worker, twilio_env

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.parametrize("database_url", ["postgresql"], indirect=True),
]

PEOPLE = int(os.environ.get("VOORDEUR_FAULT_PEOPLE", "200"))
MESSAGES = int(os.environ.get("VOORDEUR_FAULT_MESSAGES", "10"))
KILL_AFTER_ROUNDS = (MESSAGES // 3, 2 * MESSAGES // 3)
STORM_AT_ROUND = MESSAGES // 2
LEASE_SECONDS = 30
# Longer than nothing, well under the send timeout even on a loaded machine: the kill finds these sends
# in flight, and no timeout turns them unknown by itself.
DELAY = 3.0
SEND_TIMEOUT = 15
SETTLE_TIMEOUT = 420.0


def sms_form(person: int, round_: int, twilio: TwilioEmulator) -> dict[str, str]:
    form = {key: str(value) for key, value in fixture_json("twilio", "sms_inbound.json").items()}
    sid = f"SM{person:06d}{round_:04d}" + "0" * 22
    form.update(MessageSid=sid, SmsMessageSid=sid, SmsSid=sid, From=f"+316{70000000 + person}")
    form.update(Body="menu", AccountSid=twilio.account_sid)
    return form


def telegram_update(person: int, round_: int) -> dict[str, Any]:
    update = fixture_json("telegram", "message_text.json")
    chat = 8_000_000 + person
    update["update_id"] = 900_000_000 + person * 1000 + round_
    update["message"]["message_id"] = round_ + 1
    update["message"]["from"]["id"] = chat
    update["message"]["chat"]["id"] = chat
    update["message"]["text"] = "menu"
    return update


def deliver_twice(urls: tuple[str, str], send: Any, together: bool) -> list[int]:
    """The same webhook to both web processes: at the same moment, or one after the other."""
    codes: list[int] = []

    def one(url: str) -> None:
        with httpx.Client(timeout=30.0) as client:
            codes.append(send(client, url).status_code)

    if together:
        threads = [threading.Thread(target=one, args=(url,)) for url in urls]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    else:
        for url in urls:
            one(url)
    return codes


def sending_rows(db: Database, channel: str) -> int:
    with Session(db.engine) as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status == outbox.SENDING, OutboxMessage.channel == channel)
            )
            or 0
        )


def settled(db: Database, inbound_total: int) -> bool:
    with Session(db.engine) as session:
        processed = session.scalar(
            select(func.count()).select_from(InboundMessage).where(InboundMessage.processed_at.is_not(None))
        )
        open_rows = session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.status.in_((outbox.PENDING, outbox.SENDING, outbox.UNKNOWN)))
        )
    return processed == inbound_total and open_rows == 0


def test_the_fault_scenario_loses_nothing_and_sends_twice_only_within_the_bound(
    database_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    twilio = TwilioEmulator()
    telegram = TelegramEmulator()
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    db = Database(database_url)
    started = time.monotonic()
    figures: dict[str, float] = {}
    timeouts = 0
    with run_asgi(twilio.app, graceful_timeout=15) as twilio_url, run_asgi(telegram.app) as telegram_url:
        env = twilio_env(
            database_url,
            twilio,
            twilio_url,
            TELEGRAM_BOT_TOKEN=telegram.token,
            TELEGRAM_WEBHOOK_SECRET=TELEGRAM_SECRET,
            TELEGRAM_API_BASE_URL=f"{telegram_url}/bot",
            VOORDEUR_OUTBOX_LEASE=str(LEASE_SECONDS),
            VOORDEUR_SEND_TIMEOUT=str(SEND_TIMEOUT),
            VOORDEUR_TWILIO_MPS="200",
            VOORDEUR_TELEGRAM_MPS="200",
            VOORDEUR_TELEGRAM_CHAT_MPS="0",
        )
        with processes() as running:
            web_urls = (start_web("web1", env, workdir, running), start_web("web2", env, workdir, running))
            twilio.callbacks_to = (PUBLIC_BASE_URL, web_urls[0])
            workers: list[Voordeur] = [
                start_worker("worker1", env, workdir, running),
                start_worker("worker2", env, workdir, running),
            ]
            in_flight_at_kills = 0
            kills: list[int] = []
            killer: threading.Thread | None = None
            answers: Counter[int] = Counter()
            with ThreadPoolExecutor(16) as pool:
                for round_ in range(MESSAGES):
                    if round_ in KILL_AFTER_ROUNDS:
                        # The next sends hang at the providers; the moment they are all in flight, the
                        # oldest worker is killed (during the round, while webhooks keep coming).
                        telegram.plan(*[TelegramFault(None, delay=DELAY, method="sendMessage")] * 5)
                        twilio.plan(*[TwilioFault(None, delay=DELAY)] * 3)
                        victim = workers.pop(0)

                        def kill(victim: Voordeur = victim) -> None:
                            nonlocal in_flight_at_kills
                            deadline = time.monotonic() + 90
                            while telegram.pending_faults() or twilio.pending_faults():
                                if time.monotonic() > deadline:
                                    break
                                time.sleep(0.02)
                            in_flight_at_kills += sending_rows(db, "telegram")
                            victim.signal(signal.SIGKILL)
                            kills.append(victim.wait(10))

                        killer = threading.Thread(target=kill)
                        killer.start()
                    if round_ == STORM_AT_ROUND:
                        twilio.plan(*[TwilioFault(429, retry_after=1)] * 20, *[TwilioFault(503)] * 10)
                        telegram.plan(
                            *[TelegramFault(429, retry_after=1, method="sendMessage")] * 20,
                            *[TelegramFault(502, method="sendMessage")] * 10,
                        )

                    def person_sends(person: int, round_: int = round_) -> list[int]:
                        together = (person + round_) % 2 == 0
                        if person % 2 == 0:
                            form = sms_form(person, round_, twilio)

                            def send(client: httpx.Client, url: str) -> httpx.Response:
                                return post_twilio(client, url, PUBLIC_BASE_URL, twilio.auth_token, form)
                        else:
                            update = telegram_update(person, round_)

                            def send(client: httpx.Client, url: str) -> httpx.Response:
                                return post_telegram(client, url, update)

                        return deliver_twice(web_urls, send, together)

                    for codes in pool.map(person_sends, range(PEOPLE)):
                        answers.update(codes)
                    if killer is not None:
                        killer.join(120)
                        assert kills and kills[-1] == -signal.SIGKILL, kills
                        workers.append(start_worker(f"worker{len(running)}", env, workdir, running))
                        killer = None
            delivered_at = time.monotonic()
            inbound_total = PEOPLE * MESSAGES
            wait_for(lambda: settled(db, inbound_total), SETTLE_TIMEOUT, "every message handled and sent")
            time.sleep(2.0)
            figures["webhooks delivered (twice each)"] = sum(answers.values())
            figures["webhook answers not 200"] = sum(n for code, n in answers.items() if code != 200)
            figures["seconds to deliver"] = delivered_at - started
            figures["seconds until settled"] = time.monotonic() - delivered_at

            with Session(db.engine) as session:
                inbound = session.execute(select(InboundMessage.id, InboundMessage.provider_id)).all()
                rows = session.execute(
                    select(
                        OutboxMessage.id,
                        OutboxMessage.inbound_id,
                        OutboxMessage.status,
                        Identity.channel,
                        Identity.address,
                    ).join(Identity, Identity.id == OutboxMessage.identity_id)
                ).all()
            figures["inbound stored"] = len(inbound)
            figures["replies"] = len(rows)
            assert answers[200] == 2 * inbound_total, answers
            assert len(inbound) == inbound_total, "every inbound stored once"
            assert len({provider for _, provider in inbound}) == inbound_total
            answered = {row.inbound_id for row in rows}
            unanswered = [id_ for id_, _ in inbound if id_ not in answered]
            figures["inbound unanswered"] = len(unanswered)
            statuses = Counter(row.status for row in rows)
            assert statuses == Counter({outbox.SENT: len(rows)}), statuses

            # Twilio: each accepted create names its row in the status callback (`?o=`).
            accepted = Counter(
                parse_qs(urlsplit(r.params["StatusCallback"]).query)["o"][0]
                for r in twilio.requests("Messages.create")
                if r.status == 201
            )
            sms_rows = {str(row.id) for row in rows if row.channel == "sms"}
            figures["twilio accepted"] = sum(accepted.values())
            figures["twilio duplicates"] = sum(n - 1 for n in accepted.values() if n > 1)
            figures["twilio rows lost"] = len(sms_rows - set(accepted))
            # Telegram: per chat, messages delivered against rows sent.
            sent_per_chat = Counter(row.address for row in rows if row.channel == "telegram")
            delivered_per_chat = Counter(str(m["chat"]["id"]) for m in telegram.messages())
            figures["telegram delivered"] = sum(delivered_per_chat.values())
            figures["telegram duplicates"] = sum(
                max(0, delivered_per_chat[chat] - n) for chat, n in sent_per_chat.items()
            )
            figures["telegram rows lost"] = sum(
                max(0, n - delivered_per_chat[chat]) for chat, n in sent_per_chat.items()
            )
            figures["telegram in flight at the kills"] = in_flight_at_kills
            # A send can also become unknown without a kill: a read timeout on a loaded machine.
            timeouts = sum(
                1
                for process in running
                for record in process.log_records()
                if record.get("message") == "send"
                and record.get("channel") == "telegram"
                and record.get("outcome") == "unknown"
            )
            figures["telegram unknown outcomes (timeouts)"] = timeouts
            resent = sum(
                1
                for process in running
                for record in process.log_records()
                if record.get("message") == "resending unknown send"
            )
            figures["resent after an unknown outcome (all channels)"] = resent
    _print(request, figures)
    assert figures["inbound unanswered"] == 0
    assert figures["twilio duplicates"] == 0 and figures["twilio rows lost"] == 0
    assert figures["telegram rows lost"] == 0
    assert figures["telegram duplicates"] <= in_flight_at_kills + timeouts
    db.close()


def _print(request: pytest.FixtureRequest, figures: dict[str, float]) -> None:
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    lines = [
        f"fault test {name}: {value:.1f}" if isinstance(value, float) else f"fault test {name}: {value}"
        for name, value in figures.items()
    ]
    if reporter is None or capture is None:
        print("\n".join(lines))
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        for line in lines:
            reporter.write_line(line)
