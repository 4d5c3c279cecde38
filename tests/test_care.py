"""Mantelzorgers and own reminders through the real engine, on SQLite and PostgreSQL: registration,
scheduled check-ins (one pending per person), the trend, staff alerts, reminders that fire, erasure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.effects import care as care_handlers
from bot.effects.mailbox import Touched
from bot.runtime import Runtime
from storage import care, schedule
from storage.models import (
    CareCheckin,
    CareRegistration,
    HelpRequest,
    OutboxMessage,
    Reminder,
    ScheduledEvent,
    StaffAlert,
)
from tests.community import add_person, keys_for, say
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows
from tests.test_privacy import everything_stored

NUMBER = "+31612340000"
REGISTER_MONDAY_TEN = ("MANTELZORG", "Jan", "1", "2", "1", "maandag 10:00")


async def pending(runtime: Runtime, kind: str) -> list[ScheduledEvent]:
    async with runtime.sessions() as session:
        query = (
            select(ScheduledEvent)
            .where(ScheduledEvent.kind == kind, ScheduledEvent.status == "pending")
            .order_by(ScheduledEvent.id)
        )
        return list((await session.execute(query)).scalars())


async def alerts(runtime: Runtime) -> list[tuple[str, str]]:
    async with runtime.sessions() as session:
        rows = (await session.execute(select(StaffAlert).order_by(StaffAlert.id))).scalars()
        return [(row.kind, row.priority) for row in rows]


async def carer(runtime: Runtime, clock: FixedClock) -> int:
    person = await add_person(runtime, clock, NUMBER, "Ria", "molenwijk", channel="sms")
    await say(runtime, NUMBER, *REGISTER_MONDAY_TEN, channel="sms")
    return person


async def next_checkin(runtime: Runtime, clock: FixedClock) -> None:
    """Move the clock to the pending check-in and let it run (and the person's flow answer it)."""
    [event] = await pending(runtime, care.CHECKIN)
    clock.now = event.due_at
    assert await runtime.engine.run_due_events() >= 1
    await runtime.engine.settle()


async def test_registration_is_stored_with_one_checkin_scheduled(runtime: Runtime, clock: FixedClock) -> None:
    person = await carer(runtime, clock)
    assert (await keys_for(runtime, person))[-1] == "care_registered"
    async with runtime.sessions() as session:
        registration = await session.get(CareRegistration, person)
    assert registration is not None
    assert (registration.care_for, registration.relation, registration.hours) == ("Jan", "partner", "8_20")
    assert registration.rhythm == {"freq": "weekly", "at": "10:00", "weekday": 0}
    [event] = await pending(runtime, care.CHECKIN)
    # Monday 30 November 2026, 10:00 in Amsterdam (CET).
    assert (event.person_id, event.due_at) == (person, datetime(2026, 11, 30, 9, 0, tzinfo=UTC))

    # A new rhythm replaces the pending check-in; never two.
    await say(runtime, NUMBER, "MANTELZORG", "1", "2", "donderdag 19:30", channel="sms")
    [event] = await pending(runtime, care.CHECKIN)
    assert event.due_at == datetime(2026, 11, 26, 18, 30, tzinfo=UTC)
    await say(runtime, NUMBER, "MANTELZORG", "1", "3", channel="sms")
    assert await pending(runtime, care.CHECKIN) == [], "never: nothing scheduled"
    await say(runtime, NUMBER, "MANTELZORG", "3", "ja", channel="sms")
    async with runtime.sessions() as session:
        assert await session.get(CareRegistration, person) is None


async def test_weekly_checkins_are_sent_scheduled_answered_and_make_a_trend(
    runtime: Runtime, clock: FixedClock
) -> None:
    person = await carer(runtime, clock)
    await next_checkin(runtime, clock)
    [asked] = await outbox_rows(runtime, *_key("care_checkin"))
    assert asked.scheduled, "a check-in nobody just asked for respects quiet hours"
    assert asked.body.startswith("Hoe gaat het deze week met zorgen voor Jan?")
    [event] = await pending(runtime, care.CHECKIN)
    assert event.due_at == datetime(2026, 12, 7, 9, 0, tzinfo=UTC), "the next one, a week on"
    await say(runtime, NUMBER, "1", channel="sms")
    assert (await keys_for(runtime, person))[-1] == "care_thanks_good"

    await next_checkin(runtime, clock)
    await say(runtime, NUMBER, "2", channel="sms")
    await next_checkin(runtime, clock)
    async with runtime.sessions() as session:
        assert await care.trend(session, person) == ("asked", "okay", "good")
        assert await care.answers(session, person, 5) == ["okay", "good"]
    assert await alerts(runtime) == []
    # The trend is shown back on MANTELZORG.
    await say(runtime, NUMBER, "MANTELZORG", channel="sms")
    rows = await outbox_rows(runtime, *_key("care_status"))
    assert "Laatst: gaat wel, goed." in rows[-1].body


async def test_two_heavy_answers_in_a_row_alert_staff(runtime: Runtime, clock: FixedClock) -> None:
    await carer(runtime, clock)
    await next_checkin(runtime, clock)
    await say(runtime, NUMBER, "Zwaar", "4", channel="sms")
    assert await alerts(runtime) == [], "one heavy week: the offers, no alert yet"
    await next_checkin(runtime, clock)
    await say(runtime, NUMBER, "3", channel="sms")
    assert await alerts(runtime) == [("care_heavy", "high")]
    async with runtime.sessions() as session:
        followups = (await session.execute(select(CareCheckin.followup).order_by(CareCheckin.id))).scalars()
        assert list(followups) == ["none", None]


async def test_heavy_then_good_then_heavy_is_not_in_a_row(runtime: Runtime, clock: FixedClock) -> None:
    await carer(runtime, clock)
    for answer in ("3", "1", "3"):
        await next_checkin(runtime, clock)
        await say(runtime, NUMBER, answer, channel="sms")
    assert await alerts(runtime) == []


async def test_three_checkins_unanswered_alert_staff_once(runtime: Runtime, clock: FixedClock) -> None:
    person = await carer(runtime, clock)
    for _ in range(3):
        await next_checkin(runtime, clock)
    assert await alerts(runtime) == [], "two missed so far (the third is still open)"
    await next_checkin(runtime, clock)
    assert await alerts(runtime) == [("care_silent", "high")]
    await next_checkin(runtime, clock)
    assert await alerts(runtime) == [("care_silent", "high")], "not again every week"
    async with runtime.sessions() as session:
        assert await care.trend(session, person) == ("asked", "missed", "missed", "missed", "missed")
    assert len(await pending(runtime, care.CHECKIN)) == 1


async def test_heavy_offers_a_call_back_and_a_request_on_their_behalf(
    runtime: Runtime, clock: FixedClock
) -> None:
    person = await carer(runtime, clock)
    await next_checkin(runtime, clock)
    await say(runtime, NUMBER, "3", "3", channel="sms")
    assert await alerts(runtime) == [("care_callback", "high")]
    assert (await keys_for(runtime, person))[-1] == "care_callback_ok"

    await next_checkin(runtime, clock)
    await say(runtime, NUMBER, "3", "1", channel="sms")
    assert (await keys_for(runtime, person))[-2:] == ["care_ask_intro", "ask_category"]
    await say(
        runtime, NUMBER, "1", "boodschappen doen", "morgen om 10 uur", "1", "2", "1", "1", channel="sms"
    )
    async with runtime.sessions() as session:
        [request] = (await session.execute(select(HelpRequest))).scalars()
    assert (request.person_id, request.source, request.category) == (person, "care", "boodschappen")
    assert await alerts(runtime) == [("care_callback", "high"), ("care_heavy", "high")]


async def test_a_changed_rhythm_wins_over_a_checkin_already_claimed(
    runtime: Runtime, clock: FixedClock
) -> None:
    await carer(runtime, clock)
    [event] = await pending(runtime, care.CHECKIN)
    clock.now = event.due_at
    async with runtime.sessions() as session, session.begin():
        [claimed] = await schedule.claim_due(session, clock(), limit=10, lease=timedelta(minutes=1))
    # Meanwhile the person changes the rhythm (the claimed event is cancelled, a new one pending).
    await say(runtime, NUMBER, "MANTELZORG", "1", "1", "dinsdag 10:00", channel="sms")
    async with runtime.sessions() as session, session.begin():
        reason = await care_handlers.run_checkin(session, claimed, clock(), Touched())
    assert reason == "superseded"
    [only] = await pending(runtime, care.CHECKIN)
    assert only.due_at == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    async with runtime.sessions() as session:
        assert list((await session.execute(select(CareCheckin))).scalars()) == []


async def test_no_checkin_to_a_stopped_address_and_none_counted_missed(
    runtime: Runtime, clock: FixedClock
) -> None:
    person = await carer(runtime, clock)
    await say(runtime, NUMBER, "STOP", channel="sms")
    for _ in range(4):
        await next_checkin(runtime, clock)
    assert "care_checkin" not in await keys_for(runtime, person)
    assert await alerts(runtime) == []
    assert len(await pending(runtime, care.CHECKIN)) == 1, "still scheduled: START brings them back"


async def test_checkins_keep_the_local_time_across_the_autumn_change(runtime: Runtime) -> None:
    clock = runtime.clock
    assert isinstance(clock, FixedClock)
    clock.now = datetime(2026, 10, 19, 12, 0, tzinfo=UTC)
    await carer(runtime, clock)
    due = []
    for _ in range(2):
        [event] = await pending(runtime, care.CHECKIN)
        due.append(event.due_at)
        await next_checkin(runtime, clock)
    assert due == [datetime(2026, 10, 26, 9, 0, tzinfo=UTC), datetime(2026, 11, 2, 9, 0, tzinfo=UTC)]


async def test_a_reminder_is_set_listed_fired_and_removed(runtime: Runtime, clock: FixedClock) -> None:
    person = await add_person(runtime, clock, NUMBER, "Ria", "molenwijk", channel="sms")
    await say(runtime, NUMBER, "herinner me elke dinsdag 9:00 aan medicijnen ophalen", channel="sms")
    assert (await keys_for(runtime, person))[-1] == "remind_set"
    [event] = await pending(runtime, care.REMINDER)
    assert event.due_at == datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    assert "medicijnen" not in str(event.payload), "the words live in one place only"

    clock.now = event.due_at
    assert await runtime.engine.run_due_events() == 1
    await runtime.engine.settle()
    [fired] = await outbox_rows(runtime, *_key("remind_due"))
    assert (fired.body, fired.scheduled) == ("Herinnering: medicijnen ophalen", True)
    [event] = await pending(runtime, care.REMINDER)
    assert event.due_at == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)

    await say(runtime, NUMBER, "MIJN HERINNERINGEN", channel="sms")
    [listing] = await outbox_rows(runtime, *_key("remind_list"))
    assert [label for _, label in listing.choices] == ["elke dinsdag om 09:00: medicijnen ophalen", "Terug"]
    await say(runtime, NUMBER, "1", "ja", channel="sms")
    assert "remind_deleted" in await keys_for(runtime, person)
    async with runtime.sessions() as session:
        assert list((await session.execute(select(Reminder))).scalars()) == []
    assert await pending(runtime, care.REMINDER) == []
    clock.advance(days=7)
    assert await runtime.engine.run_due_events() == 0


async def test_a_one_off_reminder_fires_once_and_is_gone(runtime: Runtime, clock: FixedClock) -> None:
    await add_person(runtime, clock, NUMBER, "Ria", "molenwijk", channel="sms")
    await say(runtime, NUMBER, "herinner me morgen om 10 uur aan de tandarts", channel="sms")
    [event] = await pending(runtime, care.REMINDER)
    clock.now = event.due_at
    await runtime.engine.run_due_events()
    await runtime.engine.settle()
    assert [row.body for row in await outbox_rows(runtime, *_key("remind_due"))] == [
        "Herinnering: de tandarts"
    ]
    assert await pending(runtime, care.REMINDER) == []
    async with runtime.sessions() as session:
        assert list((await session.execute(select(Reminder))).scalars()) == []


async def test_only_ones_own_reminder_can_be_removed(runtime: Runtime, clock: FixedClock) -> None:
    owner = await add_person(runtime, clock, NUMBER, "Ria", "molenwijk", channel="sms")
    other = await add_person(runtime, clock, "+31699990000", "Els", "molenwijk", channel="sms")
    await say(runtime, NUMBER, "herinner me elke dag om 8 uur aan mijn pillen", channel="sms")
    async with runtime.sessions() as session, session.begin():
        [reminder] = (await session.execute(select(Reminder))).scalars()
        assert reminder.person_id == owner
        assert not await care.remove_reminder(session, other, reminder.id, clock())
    assert len(await pending(runtime, care.REMINDER)) == 1


async def test_my_data_names_care_and_erasure_removes_it(runtime: Runtime, clock: FixedClock) -> None:
    person = await carer(runtime, clock)
    await next_checkin(runtime, clock)
    await say(runtime, NUMBER, "3", "2", channel="sms")
    await say(runtime, NUMBER, "herinner me elke dinsdag 9:00 aan insuline ophalen", channel="sms")
    await say(runtime, NUMBER, "MIJN GEGEVENS", channel="sms")
    [summary] = await outbox_rows(runtime, *_key("care_my_data"))
    assert "mantelzorg voor Jan, 1 keer" in summary.body and "1 herinneringen" in summary.body
    stored = await everything_stored(runtime)
    assert "Jan" in stored and "insuline ophalen" in stored, "the scan can see"

    await say(runtime, NUMBER, "VERWIJDER MIJ", "ja", channel="sms")
    clock.advance(minutes=11)
    await runtime.engine.run_due_events()
    stored = await everything_stored(runtime)
    assert "insuline" not in stored and '"Jan"' not in stored and "Jan " not in stored
    async with runtime.sessions() as session:
        for model in (CareRegistration, CareCheckin, Reminder):
            assert list((await session.execute(select(model))).scalars()) == [], model.__name__
    assert await pending(runtime, care.CHECKIN) == [] and await pending(runtime, care.REMINDER) == []
    assert (await keys_for(runtime, person)) == []


def _key(text_key: str) -> tuple[object, ...]:
    return (OutboxMessage.text_key == text_key,)


async def test_the_export_holds_the_care_data_and_reminders(runtime: Runtime, clock: FixedClock) -> None:
    from storage import exports

    person = await carer(runtime, clock)
    await next_checkin(runtime, clock)
    await say(runtime, NUMBER, "3", "4", channel="sms")
    await say(runtime, NUMBER, "herinner me elke dinsdag 9:00 aan insuline ophalen", channel="sms")
    async with runtime.sessions() as session:
        document = await exports.document(session, person, clock())
    assert document["mantelzorg"]["registration"]["care_for"] == "Jan"
    [checkin] = document["mantelzorg"]["checkins"]
    assert (checkin["answer"], checkin["then_chose"]) == ("heavy", "none")
    assert document["reminders"] == [
        {"text": "insuline ophalen", "when": {"freq": "weekly", "at": "09:00", "weekday": 1}}
    ]


def test_only_well_formed_care_buttons_are_answers() -> None:
    from flows.care import is_answer

    for choice in ("care:12:good", "care:12:heavy", "care_offer::ask", "care_offer:3:none"):
        assert is_answer(choice), choice
    for choice in (
        "care:abc:good",
        "care::good",
        "care:1:2:good",
        "care:" + "9" * 30 + ":good",
        "care:²:good",
    ):
        assert not is_answer(choice), choice
    assert not is_answer("care_offer:12:good") and not is_answer("care:12:ask") and not is_answer(None)


async def test_after_downtime_a_long_late_reminder_is_skipped_and_the_chain_goes_on(
    runtime: Runtime, clock: FixedClock
) -> None:
    await add_person(runtime, clock, NUMBER, "Ria", "molenwijk", channel="sms")
    await say(runtime, NUMBER, "herinner me elke dinsdag 9:00 aan medicijnen ophalen", channel="sms")
    [event] = await pending(runtime, care.REMINDER)
    # The scheduler was down from before 09:00 until 13:00: "medicijnen ophalen" at 13:00 is noise.
    clock.now = event.due_at + care_handlers.REMINDER_GRACE + timedelta(minutes=1)
    assert await runtime.engine.run_due_events() == 1
    await runtime.engine.settle()
    assert await outbox_rows(runtime, *_key("remind_due")) == []
    async with runtime.sessions() as session:
        ran = await session.get(ScheduledEvent, event.id)
    assert ran is not None and (ran.status, ran.reason) == ("done", "late_skipped")
    [following] = await pending(runtime, care.REMINDER)
    assert following.due_at == datetime(2026, 12, 1, 8, 0, tzinfo=UTC), "next Tuesday as usual"

    # Within the grace it still goes out, late.
    clock.now = following.due_at + care_handlers.REMINDER_GRACE - timedelta(minutes=1)
    assert await runtime.engine.run_due_events() == 1
    await runtime.engine.settle()
    assert [r.body for r in await outbox_rows(runtime, *_key("remind_due"))] == [
        "Herinnering: medicijnen ophalen"
    ]


async def test_a_checkin_days_late_is_skipped_not_counted_missed_and_the_next_follows(
    runtime: Runtime, clock: FixedClock
) -> None:
    person = await carer(runtime, clock)
    [event] = await pending(runtime, care.CHECKIN)
    clock.now = event.due_at + care_handlers.CHECKIN_GRACE + timedelta(hours=1)
    assert await runtime.engine.run_due_events() == 1
    await runtime.engine.settle()
    assert await outbox_rows(runtime, *_key("care_checkin")) == []
    [following] = await pending(runtime, care.CHECKIN)
    assert following.due_at == datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    async with runtime.sessions() as session:
        assert await care.trend(session, person) == ()


async def test_after_a_pause_mantelzorg_says_until_when(runtime: Runtime, clock: FixedClock) -> None:
    """Dialogue round 9 (lifted in misses16): the profile's care knows when the check-ins come back,
    read from the pending check-in (due later than the rhythm's next one from when it was planned)."""
    person = await carer(runtime, clock)
    async with runtime.sessions() as session:
        before = await care.summary(session, person)
    assert before is not None and before.resumes_at is None, "no pause: nothing said of one"
    await say(runtime, NUMBER, "kun je me even vier weken niks vragen over de zorg?", channel="sms")
    async with runtime.sessions() as session:
        paused = await care.summary(session, person)
    assert paused is not None
    assert paused.resumes_at == datetime(2026, 12, 21, 9, 0, tzinfo=UTC)
    await say(runtime, NUMBER, "MANTELZORG", channel="sms")
    assert (await keys_for(runtime, person))[-1] == "care_status"
    [status] = [r.body for r in await outbox_rows(runtime, *_key("care_status"))][-1:]
    assert "21 december" in status


async def test_a_pause_in_words_moves_the_next_checkin_and_keeps_the_rhythm(
    runtime: Runtime, clock: FixedClock
) -> None:
    """Dialogue round 9: "kun je me even vier weken niks vragen over de zorg?" is a break from the
    check-ins, not a request; the pending one goes, the next is the first Monday 10:00 from then on."""
    person = await carer(runtime, clock)
    await say(runtime, NUMBER, "kun je me even vier weken niks vragen over de zorg?", channel="sms")
    assert (await keys_for(runtime, person))[-1] == "care_paused"
    [event] = await pending(runtime, care.CHECKIN)
    # Four weeks from Monday 23 November is Monday 21 December, 10:00 in Amsterdam (CET).
    assert event.due_at == datetime(2026, 12, 21, 9, 0, tzinfo=UTC)
    async with runtime.sessions() as session:
        registration = await session.get(CareRegistration, person)
    assert registration is not None
    assert registration.rhythm == {"freq": "weekly", "at": "10:00", "weekday": 0}
    # Asked how long when no length is said; a choice answers it.
    paused = "stop even een paar weken met die vragen over hoe het gaat"
    await say(runtime, NUMBER, paused, "2", channel="sms")
    [event] = await pending(runtime, care.CHECKIN)
    assert event.due_at == datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
