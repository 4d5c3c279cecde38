"""Send pacing: each sender (From number, bot, chat) kept at its limit and not above it.

Nothing here waits: a fake clock is stepped by a fake sleep, and the tests read the slots it handed out.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections import Counter
from collections.abc import Awaitable
from typing import TypeVar

import pytest

from bot.channels.base import OutboundMessage, SendResult
from bot.channels.telegram import TelegramAdapter
from bot.channels.twilio import TwilioAdapter
from bot.delivery.pacing import Limit, SendPacer, TokenBucket
from bot.delivery.sender import OutboxSender
from bot.runtime import Runtime
from flows.types import Channel
from storage import outbox
from storage.inbox import identity_for
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows

T = TypeVar("T")


class FakeTime:
    """Virtual time: a sleeper is woken when `run` moves the clock to its wake-up time, soonest first,
    once everything else has run as far as it can. No real waiting, so no timed assertion."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        woken: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + seconds, next(self._order), woken))
        await woken

    async def run(self, *work: Awaitable[T]) -> list[T]:
        tasks = [asyncio.ensure_future(w) for w in work]
        while not all(task.done() for task in tasks):
            for _ in range(50):
                await asyncio.sleep(0)  # let every task run until it sleeps (or waits for the database)
            if self._sleepers:
                at, _, woken = heapq.heappop(self._sleepers)
                self.now = max(self.now, at)
                woken.set_result(None)
            else:
                await asyncio.sleep(0.001)  # a database round trip is under way: no virtual time passes
        return list(await asyncio.gather(*tasks))


def at_most_per_second(times: list[float], limit: int) -> bool:
    """No window [t, t + 1) holds more than `limit` of `times` (the provider's reading of a limit)."""
    ordered = sorted(times)
    return all(sum(1 for u in ordered if t <= u < t + 1.0 - 1e-9) <= limit for t in ordered)


def test_a_bucket_spaces_reservations_at_its_rate_without_a_burst() -> None:
    bucket = TokenBucket(10.0, 1.0, now=0.0)
    waits = [bucket.reserve(0.0) for _ in range(25)]
    assert waits == pytest.approx([k / 10 for k in range(25)])
    assert at_most_per_second(waits, 10)


def test_an_idle_bucket_refills_to_one_token_only() -> None:
    bucket = TokenBucket(10.0, 1.0, now=0.0)
    assert bucket.reserve(0.0) == 0.0
    # A minute of silence earns one send now, not six hundred: the next waits its turn again.
    assert bucket.reserve(60.0) == 0.0
    assert bucket.reserve(60.0) == pytest.approx(0.1)


async def test_each_sender_number_has_its_own_rate() -> None:
    time = FakeTime()
    pacer = SendPacer(clock=time, sleep=time.sleep)
    sent: list[tuple[str, float]] = []

    async def send(number: str) -> None:
        async with pacer.slot((Limit(f"twilio:{number}", 10.0),)):
            sent.append((number, time()))

    start = time()
    await time.run(*(send(number) for number in ["+3197001", "+3197002"] * 20))
    by_number = {n: [t - start for m, t in sent if m == n] for n in ("+3197001", "+3197002")}
    for times in by_number.values():
        assert len(times) == 20
        assert at_most_per_second(times, 10)
        # ... and kept at it: twenty sends take 1.9 s, not more (0.1 s apart, the first at once).
        assert max(times) == pytest.approx(1.9)


async def test_a_chat_waits_a_second_after_its_previous_send_finished() -> None:
    time = FakeTime()
    pacer = SendPacer(clock=time, sleep=time.sleep)
    chat = (Limit("telegram:1:42", 1.0, after_previous=True), Limit("telegram:1", 30.0))
    other = (Limit("telegram:1:43", 1.0, after_previous=True), Limit("telegram:1", 30.0))
    seen: dict[str, float] = {}

    async def scenario() -> None:
        async with pacer.slot(chat):
            seen["started"] = time()
            await time.sleep(0.4)  # the provider took 0.4 s to answer
        seen["finished"] = time()
        async with pacer.slot(other):
            seen["other"] = time()
        async with pacer.slot(chat):
            seen["again"] = time()

    await time.run(scenario())
    assert seen["other"] == pytest.approx(seen["finished"]), "another chat does not wait"
    assert seen["again"] == pytest.approx(seen["finished"] + 1.0)
    assert seen["again"] - seen["started"] == pytest.approx(1.4)


async def test_a_bot_sends_at_most_its_overall_rate_over_many_chats() -> None:
    time = FakeTime()
    pacer = SendPacer(clock=time, sleep=time.sleep)
    times: list[float] = []

    async def send(chat: int) -> None:
        limits = (Limit(f"telegram:1:{chat}", 1.0, after_previous=True), Limit("telegram:1", 30.0))
        async with pacer.slot(limits):
            times.append(time())

    start = time()
    await time.run(*(send(chat) for chat in range(90)))
    offsets = [t - start for t in times]
    assert at_most_per_second(offsets, 30)
    assert max(offsets) == pytest.approx(89 / 30)


async def test_no_limits_or_a_zero_rate_never_wait() -> None:
    time = FakeTime()
    pacer = SendPacer(clock=time, sleep=time.sleep)

    async def sends() -> None:
        for _ in range(5):
            async with pacer.slot(()):
                pass
            async with pacer.slot((Limit("twilio:+3197001", 0.0), Limit("chat", 0.0, after_previous=True))):
                pass

    await time.run(sends())
    assert time.sleeps == []


async def test_a_failed_send_still_counts_for_its_chat() -> None:
    time = FakeTime()
    pacer = SendPacer(clock=time, sleep=time.sleep)
    chat = (Limit("telegram:1:42", 1.0, after_previous=True),)
    seen: list[float] = []

    async def scenario() -> None:
        with pytest.raises(RuntimeError):
            async with pacer.slot(chat):
                raise RuntimeError("network")
        seen.append(time())
        async with pacer.slot(chat):
            seen.append(time())

    await time.run(scenario())
    assert seen[1] - seen[0] == pytest.approx(1.0)


def message(channel: Channel, address: str) -> OutboundMessage:
    return OutboundMessage(outbox_id=1, channel=channel, address=address, text="hoi")


def test_twilio_paces_per_sender_number_so_tenants_are_apart() -> None:
    one = TwilioAdapter("AC1", "t", "+3197001", "+3197009", messages_per_second=10)
    two = TwilioAdapter("AC2", "t", "+3197002", None, messages_per_second=5)
    assert one.pacing(message("sms", "+31611111111")) == (Limit("twilio:+3197001", 10),)
    # The recipient does not matter; the sender does (SMS and WhatsApp have their own numbers).
    assert one.pacing(message("sms", "+31622222222")) == (Limit("twilio:+3197001", 10),)
    assert one.pacing(message("whatsapp", "+31611111111")) == (Limit("twilio:whatsapp:+3197009", 10),)
    assert two.pacing(message("sms", "+31611111111")) == (Limit("twilio:+3197002", 5),)
    assert two.pacing(message("whatsapp", "+31611111111")) == (), "no sender: nothing to pace"
    off = TwilioAdapter("AC1", "t", "+3197001", None, messages_per_second=0)
    assert off.pacing(message("sms", "+31611111111")) == ()


def test_telegram_paces_per_bot_and_per_chat_keyed_by_the_bots_public_id() -> None:
    adapter = TelegramAdapter("123456:SECRET-part", messages_per_second=30, chat_messages_per_second=1)
    limits = adapter.pacing(message("telegram", "777"))
    assert limits == (Limit("telegram:123456:777", 1, after_previous=True), Limit("telegram:123456", 30))
    assert not any("SECRET" in limit.key for limit in limits)
    other_bot = TelegramAdapter("999:x", messages_per_second=30, chat_messages_per_second=0)
    assert other_bot.pacing(message("telegram", "777")) == (Limit("telegram:999", 30),)


class PacedAdapter:
    """Accepts every send, at the fake time it was made; paced at 5 per second for one sender."""

    channels: tuple[Channel, ...] = ("simulator",)

    def __init__(self, time: FakeTime) -> None:
        self.time = time
        self.sent_at: list[float] = []

    def pacing(self, message: OutboundMessage) -> tuple[Limit, ...]:
        return (Limit("simulator:sender", 5.0),)

    async def send(self, message: OutboundMessage) -> SendResult:
        self.sent_at.append(self.time())
        return SendResult("sent", provider_id=f"P{message.outbox_id}")

    async def aclose(self) -> None:
        return None


async def test_the_outbox_sender_sends_a_backlog_at_the_senders_rate(
    runtime: Runtime, clock: FixedClock
) -> None:
    time = FakeTime()
    adapter = PacedAdapter(time)
    sender = OutboxSender(
        runtime.sessions,
        {"simulator": adapter},
        clock=clock,
        pacer=SendPacer(clock=time, sleep=time.sleep),
    )
    async with runtime.sessions() as session, session.begin():
        for n in range(12):
            who = await identity_for(session, "simulator", f"+316000000{n:02d}", clock())
            outbox.enqueue(
                session,
                person_id=who.person_id,
                identity_id=who.id,
                channel="simulator",
                text_key="menu",
                body="hoi",
                choices=[],
                now=clock(),
            )
    start = time()
    assert await time.run(sender.send_due()) == [12]
    offsets = [t - start for t in adapter.sent_at]
    assert at_most_per_second(offsets, 5)
    assert max(offsets) == pytest.approx(11 / 5)
    assert Counter(row.status for row in await outbox_rows(runtime)) == {"sent": 12}
