"""No leftover personal data (AVG): every place a person's data lives is erased, exported and cleared when
it is no longer needed, from one list (storage/personal_data.py). Both databases.

- the list covers every table and every text or JSON column, and every export section it names exists;
- VERWIJDER MIJ also removes what the team kept about the person (notes, labels, holds) and, for a
  volunteer, their name and number in the resident's conversation and messages;
- EXPORT shows the conversation in progress (the crisis words kept for a few minutes, a change being read
  back), staff notes and labels, the care circle, meetings, sign-ups and reminder preferences;
- retention: the crisis words go after their ten minutes even when no next message comes; processed
  message bodies and finished outbox rows of active people after the retention period; a finished outbox
  row's parameters at once; expired link codes and export links; old care-circle invitations;
- no log record holds the words of a crisis said in pieces or of a request change.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from bot import logs
from bot.runtime import Runtime
from flows import crisis
from storage import exports, personal_data, privacy
from storage.erasure_scrub import _holds_text
from storage.models import (
    Base,
    CircleMember,
    Conversation,
    ExportLink,
    InboundMessage,
    LinkCode,
    OutboxMessage,
    PersonLabel,
    ReminderPreference,
    StaffHold,
    StaffLabel,
    StaffNote,
)
from tests.community import ASK_BOODSCHAPPEN, add_person, say
from tests.conftest import FixedClock
from tests.test_privacy import NUMBER, everything_stored, resident_with_a_match

NOTE = "woont alleen sinds de dood van haar zoon"
INVITED = "+31699887766"
OLD_WORDS = "hallo daar buurman van hiernaast"


async def state_of(runtime: Runtime, person_id: int) -> dict[str, object]:
    async with runtime.sessions() as session:
        row = await session.get(Conversation, person_id)
        return dict(row.state) if row is not None else {}


async def count(runtime: Runtime, model: type[Base], *where: object) -> int:
    async with runtime.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


async def with_team_records(runtime: Runtime, clock: FixedClock, person_id: int) -> None:
    """What the team keeps about a person, and a circle invitation and reminder preference of theirs."""
    async with runtime.sessions() as session, session.begin():
        label = StaffLabel(tenant="default", name="rouw")
        session.add(label)
        await session.flush()
        session.add_all(
            [
                StaffNote(person_id=person_id, body=NOTE, created_at=clock()),
                PersonLabel(person_id=person_id, label_id=label.id),
                StaffHold(person_id=person_id, started_at=clock()),
                ReminderPreference(person_id=person_id, evening=False, hours_before=1, updated_at=clock()),
                CircleMember(
                    owner_id=person_id, channel="sms", address=INVITED, status="invited", created_at=clock()
                ),
            ]
        )


# --- the one list ---------------------------------------------------------------------------------------


def test_every_table_and_text_column_has_its_place() -> None:
    """A feature that stores something new says in storage/personal_data.py what becomes of it."""
    places = {p.table: p for p in personal_data.PLACES}
    for table in Base.metadata.sorted_tables:
        assert (table.name in places) != (table.name in personal_data.OTHER_TABLES), table.name
        if table.name not in places:
            continue
        place = places[table.name]
        texts = {c.name for c in table.columns if _holds_text(c.type) and not c.primary_key}
        assert texts == set(place.personal) | set(place.codes), (
            f"{table.name}: {texts ^ {*place.personal, *place.codes}}"
        )
        assert all(owner in table.columns for owner in place.owner), table.name
    people = Base.metadata.tables["people"]
    for table in Base.metadata.sorted_tables:
        refers = any(fk.column.table is people for fk in table.foreign_keys)
        assert not refers or table.name in places, f"{table.name} names a person and has no place"


def test_every_export_section_the_list_names_exists() -> None:
    for place in personal_data.PLACES:
        assert place.export in exports.SECTIONS or (place.export is None and place.why), place.table


# --- erasure ----------------------------------------------------------------------------------------------


async def test_erasure_removes_what_the_team_kept(runtime: Runtime, clock: FixedClock) -> None:
    resident = await add_person(runtime, clock, NUMBER, "Wilhelmina", "molenwijk", channel="sms")
    await with_team_records(runtime, clock, resident)
    assert NOTE in await everything_stored(runtime) and INVITED in await everything_stored(runtime)
    async with runtime.sessions() as session, session.begin():
        await privacy.erase(session, resident, clock())
    stored = await everything_stored(runtime)
    assert NOTE not in stored and INVITED not in stored
    for model in (StaffNote, PersonLabel, StaffHold, ReminderPreference):
        assert await count(runtime, model, model.person_id == resident) == 0, model.__name__


async def test_erasing_a_volunteer_takes_their_name_out_of_the_residents_records(
    runtime: Runtime, clock: FixedClock
) -> None:
    _resident, volunteer = await resident_with_a_match(runtime, clock)
    stored = await everything_stored(runtime)
    assert "Henk" in stored and "5550001" in stored
    async with runtime.sessions() as session, session.begin():
        await privacy.erase(session, volunteer, clock())
    stored = await everything_stored(runtime)
    assert "Henk" not in stored and "5550001" not in stored


# --- export -----------------------------------------------------------------------------------------------


async def test_export_shows_the_conversation_in_progress_and_what_the_team_kept(
    runtime: Runtime, clock: FixedClock
) -> None:
    resident = await add_person(runtime, clock, NUMBER, "Wilhelmina", "molenwijk", channel="sms")
    await say(runtime, NUMBER, "ik wil niet", channel="sms")
    await with_team_records(runtime, clock, resident)  # a hold: the bot would not read on
    async with runtime.sessions() as session:
        document = await exports.document(session, resident, clock())
    assert document["conversation"][crisis.PIECE]["text"] == "ik wil niet"
    assert [note["text"] for note in document["staff_notes"]] == [NOTE]
    assert document["staff_labels"] == ["rouw"]
    assert [m["address"] for m in document["care_circle"]["invited"]] == [INVITED]
    assert document["reminder_preferences"] == {"evening_before": False, "hours_before": 1}


async def test_a_request_change_left_unanswered_is_not_kept(runtime: Runtime, clock: FixedClock) -> None:
    """Read back, then MENU: the words of the change no longer wait in the state (they did, unused, until
    the next change or a year without messages)."""
    change = "ik wil er nog bij zeggen dat ik een rollator heb"
    resident = await add_person(runtime, clock, NUMBER, "Wilhelmina", "molenwijk", channel="sms")
    await add_person(
        runtime, clock, "5550001", "Henk", "molenwijk", offers=("boodschappen",), channel="telegram"
    )
    await say(runtime, NUMBER, *ASK_BOODSCHAPPEN, "menu", change, channel="sms")
    assert change in str((await state_of(runtime, resident))["change"]), "being read back"
    await say(runtime, NUMBER, "menu", channel="sms")
    assert "change" not in await state_of(runtime, resident)


# --- retention --------------------------------------------------------------------------------------------


async def test_the_crisis_words_go_after_ten_minutes_without_a_next_message(
    runtime: Runtime, clock: FixedClock
) -> None:
    resident = await add_person(runtime, clock, NUMBER, "Wilhelmina", "molenwijk", channel="sms")
    other = await add_person(runtime, clock, "+31611111111", "Els", "molenwijk", channel="sms")
    await say(runtime, NUMBER, "ik wil niet", channel="sms")
    clock.advance(minutes=5)
    await say(runtime, "+31611111111", "de kat van de buren", channel="sms")
    assert (await state_of(runtime, resident))[crisis.PIECE]["text"] == "ik wil niet"  # type: ignore[index]
    assert await runtime.engine.forget_moments() == 0, "within ten minutes the words are still needed"
    clock.advance(minutes=6)
    assert await runtime.engine.forget_moments() == 1
    assert crisis.PIECE not in await state_of(runtime, resident)
    assert crisis.PIECE in await state_of(runtime, other), "Els's words are five minutes old"
    assert (await state_of(runtime, resident)).get("flow") == "menu", "the rest of the state stays"
    assert "ik wil niet" not in str(await state_of(runtime, resident))


async def test_the_nightly_run_takes_the_words_the_minute_runs_missed(
    runtime: Runtime, clock: FixedClock
) -> None:
    """The minute's run looks at recently written conversations only; a piece left while no worker ran
    (a restart of hours) goes at the nightly run."""
    resident = await add_person(runtime, clock, NUMBER, "Wilhelmina", "molenwijk", channel="sms")
    await say(runtime, NUMBER, "ik wil niet", channel="sms")
    clock.advance(hours=3)
    await runtime.engine.expire_old_messages(12)
    assert crisis.PIECE not in await state_of(runtime, resident)


async def test_a_new_piece_written_meanwhile_is_kept(runtime: Runtime, clock: FixedClock) -> None:
    """The job removes the piece it found stale, not one a new message left in between."""
    from storage import retention

    resident = await add_person(runtime, clock, NUMBER, "Wilhelmina", "molenwijk", channel="sms")
    await say(runtime, NUMBER, "ik wil niet", channel="sms")
    clock.advance(minutes=11)
    async with runtime.sessions() as session:
        seen = await retention._moments(session, crisis.PIECE)
    await say(runtime, NUMBER, "de kat van de buren", channel="sms")
    async with runtime.sessions() as session, session.begin():
        await retention._drop_key(session, crisis.PIECE, seen)
    assert "de kat van de buren" in str((await state_of(runtime, resident))[crisis.PIECE])


async def test_retention_clears_old_bodies_of_people_still_active(
    runtime: Runtime, clock: FixedClock
) -> None:
    resident = await add_person(runtime, clock, NUMBER, "Wilhelmina", "molenwijk", channel="sms")
    await say(runtime, NUMBER, OLD_WORDS, channel="sms")
    old_replies = await count(runtime, OutboxMessage, OutboxMessage.person_id == resident)
    async with runtime.sessions() as session, session.begin():
        await session.execute(update(OutboxMessage).values(status="sent"))
    clock.advance(days=400)
    await say(runtime, NUMBER, "menu", channel="sms")
    assert OLD_WORDS in await everything_stored(runtime)
    await runtime.engine.expire_old_messages(12)
    stored = await everything_stored(runtime)
    assert OLD_WORDS not in stored, "a processed body older than the retention period"
    assert "Wilhelmina" in stored, "the profile stays"
    async with runtime.sessions() as session:
        events = [
            e for (e,) in await session.execute(select(InboundMessage.event).order_by(InboundMessage.id))
        ]
        rows = list((await session.execute(select(OutboxMessage))).scalars())
    assert events[0] == {"kind": "expired"} and events[-1]["text"] == "menu"
    assert rows, "the new message's replies stay"
    assert all(row.created_at > clock() - timedelta(days=1) for row in rows), "old sent rows are gone"
    assert old_replies > 0
    async with runtime.sessions() as session, session.begin():
        await session.execute(update(OutboxMessage).values(status="sent"))
    await runtime.engine.expire_old_messages(12)
    async with runtime.sessions() as session:
        finished = list((await session.execute(select(OutboxMessage))).scalars())
    assert finished and all(row.params is None and row.choices == [] for row in finished)
    assert all(row.body for row in finished), "what was sent stays readable for the period"


async def test_retention_clears_expired_codes_links_and_old_invitations(
    runtime: Runtime, clock: FixedClock
) -> None:
    resident = await add_person(runtime, clock, NUMBER, "Wilhelmina", "molenwijk", channel="sms")
    await with_team_records(runtime, clock, resident)
    async with runtime.sessions() as session, session.begin():
        session.add(LinkCode(code="123456", person_id=resident, created_at=clock(), expires_at=clock()))
        session.add(
            ExportLink(token_hash="a" * 64, person_id=resident, created_at=clock(), expires_at=clock())
        )
    clock.advance(days=400)
    async with runtime.sessions() as session, session.begin():
        session.add(
            LinkCode(
                code="654321",
                person_id=resident,
                created_at=clock(),
                expires_at=clock() + timedelta(minutes=9),
            )
        )
    await runtime.engine.expire_old_messages(12)
    assert await count(runtime, LinkCode) == 1 and await count(runtime, ExportLink) == 0
    assert await count(runtime, CircleMember) == 0, "an invitation unanswered for a year"
    assert INVITED not in await everything_stored(runtime)


# --- logs -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("level", [logging.DEBUG])
async def test_no_log_holds_crisis_pieces_or_a_request_change(
    runtime: Runtime, clock: FixedClock, caplog: pytest.LogCaptureFixture, level: int
) -> None:
    words = (
        "ik heb al mijn",
        "pillen ingenomen vannacht",
        "ik wil er nog bij zeggen dat ik een rollator heb",
    )
    resident = await add_person(runtime, clock, NUMBER, "Wilhelmina", "molenwijk", channel="sms")
    await add_person(
        runtime, clock, "5550001", "Henk", "molenwijk", offers=("boodschappen",), channel="telegram"
    )
    with caplog.at_level(level):
        await say(runtime, NUMBER, *ASK_BOODSCHAPPEN, channel="sms")
        await say(runtime, NUMBER, "menu", words[2], "ja", channel="sms")
        await say(runtime, NUMBER, *words[:2], channel="sms")
        clock.advance(minutes=11)
        await runtime.engine.forget_moments()
        await runtime.engine.expire_old_messages(12)
    assert caplog.records, "the run logs something"
    assert "rollator" in str(await everything_stored(runtime)), "the change was made"
    assert resident
    formatted = "\n".join(
        f"{logs.JsonFormatter().format(r)}\n{logs.TextFormatter().format(r)}" for r in caplog.records
    )
    for said in (*words, "melk en brood halen", "Wilhelmina", NUMBER[1:]):
        assert said.lower() not in formatted.lower(), said
