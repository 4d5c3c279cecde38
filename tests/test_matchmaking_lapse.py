"""A request whose time passes without a helper, through the engine on both databases: no wave after
the time, the request ends once (`expired`) also from the staff queue, the resident hears it once, a
late Ja hears it is not needed, and a Ja in the grace after a moment still matches."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select

from bot.effects.matchmaker import REQUEST_LAPSE
from bot.runtime import Runtime
from storage import staff
from storage.models import HelpRequest, MatchInvitation, ScheduledEvent, StaffAlert
from tests.community import add_person, bodies_for, keys_for, say
from tests.conftest import FixedClock
from tests.dbutil import count
from tests.staff_support import add_account, console_client, log_in, reviewing_tenant
from tests.test_community import ANS, RIA, circle_of_ria_with_ans

REQUESTER = "+31600000001"
# The test clock starts Monday 23 November 2026, 10:00 UTC (11:00 in Amsterdam); "vandaag om 12 uur"
# is 11:00 UTC, an hour after the request.
NOON = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)


def asking(when: str) -> tuple[str, ...]:
    return (
        "hallo",
        "Ria",
        "7391 AB",
        "ja",
        "menu",
        "1",
        "1",
        "melk en brood halen",
        when,
        "1",
        "2",
        "1",
        "1",
    )


async def the_request(runtime: Runtime) -> HelpRequest:
    async with runtime.sessions() as session:
        return (await session.execute(select(HelpRequest))).scalar_one()


async def invitation_rows(runtime: Runtime) -> list[MatchInvitation]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(MatchInvitation))).scalars())


async def lapse_events(runtime: Runtime) -> list[tuple[str, str | None]]:
    async with runtime.sessions() as session:
        query = select(ScheduledEvent).where(ScheduledEvent.kind == REQUEST_LAPSE).order_by(ScheduledEvent.id)
        return [(row.status, row.reason) for row in (await session.execute(query)).scalars()]


async def volunteers(runtime: Runtime, clock: FixedClock, count: int) -> list[int]:
    return [
        await add_person(
            runtime, clock, f"+316100000{i:02d}", f"Vrijwilliger{i}", "molenwijk", offers=("boodschappen",)
        )
        for i in range(count)
    ]


async def until(runtime: Runtime, clock: FixedClock, moment: datetime) -> None:
    """Minute by minute to `moment`, the scheduler's tick running what is due at each."""
    while clock.now < moment:
        clock.now = min(moment, clock.now + timedelta(minutes=1))
        while await runtime.engine.run_due_events():
            pass
        await runtime.engine.settle()


async def test_no_wave_after_the_moment_and_the_request_ends_once(
    runtime: Runtime, clock: FixedClock
) -> None:
    helpers = await volunteers(runtime, clock, 15)
    await say(runtime, REQUESTER, *asking("vandaag om 12 uur"))
    request = await the_request(runtime)
    await until(runtime, clock, NOON + timedelta(minutes=14))
    # Four waves before noon; the one due at 11:05 was not sent, though three volunteers were left.
    invited = await invitation_rows(runtime)
    assert len(invited) == 12 and all(row.asked_at < NOON for row in invited)
    assert (await the_request(runtime)).status == "open", "those asked may still say yes until 11:15"

    await until(runtime, clock, NOON + timedelta(minutes=16))
    request = await the_request(runtime)
    assert request.status == "expired" and request.closed_at is not None
    assert request.closed_at - NOON <= timedelta(minutes=16)
    assert {row.status for row in await invitation_rows(runtime)} == {"expired"}
    assert await lapse_events(runtime) == [("done", "expired")]
    keys = await keys_for(runtime, request.person_id)
    assert keys[-1] == "request_expired" and "no_match" not in keys
    assert (await bodies_for(runtime, request.person_id))[-1] == (
        "Sorry, voor je vraag (boodschappen, maandag 23 november, 12:00) is niemand op tijd gevonden. "
        "De vraag is gestopt. Nog hulp nodig? Stuur MENU en kies Hulp vragen."
    )

    # Hours later nothing more happens: no new wave, no second message.
    await until(runtime, clock, NOON + timedelta(hours=5))
    assert len(await invitation_rows(runtime)) == 12
    assert (await keys_for(runtime, request.person_id)).count("request_expired") == 1

    # A volunteer of the first wave who says yes now hears it is not needed any more; no match.
    first = min(row.person_id for row in await invitation_rows(runtime) if row.wave == 1)
    await say(runtime, f"+316100000{helpers.index(first):02d}", "ja")
    assert (await keys_for(runtime, first))[-1] == "invite_withdrawn"
    request = await the_request(runtime)
    assert (request.status, request.matched_person_id) == ("expired", None)


async def test_a_yes_just_after_the_moment_from_someone_asked_before_still_matches(
    runtime: Runtime, clock: FixedClock
) -> None:
    helpers = await volunteers(runtime, clock, 15)
    await say(runtime, REQUESTER, *asking("vandaag om 12 uur"))
    await until(runtime, clock, NOON + timedelta(minutes=7))
    last_wave = max(row.wave for row in await invitation_rows(runtime))
    late = min(row.person_id for row in await invitation_rows(runtime) if row.wave == last_wave)
    await say(runtime, f"+316100000{helpers.index(late):02d}", "ja")
    request = await the_request(runtime)
    assert (request.status, request.matched_person_id) == ("matched", late)
    assert await lapse_events(runtime) == [("cancelled", "matched")]
    await until(runtime, clock, NOON + timedelta(minutes=30))
    assert "request_expired" not in await keys_for(runtime, request.person_id)


async def test_a_request_in_the_staff_queue_ends_when_its_daypart_is_over(
    runtime: Runtime, clock: FixedClock
) -> None:
    """Nobody offers boodschappen: the staff queue at once; at the end of the afternoon (17:00) the
    request leaves the queue as expired and the resident hears it, after the earlier no_match."""
    await add_person(runtime, clock, "+31610000099", "Klusser", "molenwijk", offers=("klusjes",))
    await say(runtime, REQUESTER, *asking("vanmiddag"))
    request = await the_request(runtime)
    assert request.status == "unmatched"
    scope = staff.Scope(None)
    async with runtime.sessions() as session:
        assert [r.id for r, _ in await staff.unmatched_requests(session, scope)] == [request.id]
    clock.now = datetime(2026, 11, 23, 15, 59, tzinfo=UTC)  # 16:59 in Amsterdam
    await runtime.engine.run_due_events()
    assert (await the_request(runtime)).status == "unmatched"
    await until(runtime, clock, datetime(2026, 11, 23, 16, 1, tzinfo=UTC))
    request = await the_request(runtime)
    assert request.status == "expired" and request.closed_at is not None
    assert (await keys_for(runtime, request.person_id))[-2:] == ["no_match", "request_expired"]
    async with runtime.sessions() as session:
        assert await staff.unmatched_requests(session, scope) == []


async def test_as_soon_as_possible_has_no_lapse_and_a_cancel_stops_it(
    runtime: Runtime, clock: FixedClock
) -> None:
    await volunteers(runtime, clock, 1)
    await say(runtime, REQUESTER, *asking("zo snel mogelijk"))
    assert await lapse_events(runtime) == []
    await say(runtime, REQUESTER, "mijn vragen", "1", "ja")
    await say(runtime, REQUESTER, *asking("morgen om 10 uur")[4:])
    async with runtime.sessions() as session:
        latest = (
            (await session.execute(select(HelpRequest).order_by(HelpRequest.id.desc()))).scalars().first()
        )
    assert latest is not None and latest.status == "open"
    assert await lapse_events(runtime) == [("pending", None)]
    await say(runtime, REQUESTER, "mijn vragen", "1", "ja")
    assert await lapse_events(runtime) == [("cancelled", "cancelled")]


@pytest.fixture
def reviewing() -> Iterator[None]:
    with reviewing_tenant():
        yield


@pytest.fixture
async def client(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with console_client(runtime) as http:
        yield http


async def test_a_request_nobody_approved_in_time_ends_and_the_console_shows_it_expired(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock, reviewing: None
) -> None:
    """The tenant reviews new requests and nobody gave an akkoord before noon: at 12:15 the request
    ends, the resident hears it, no overdue alert follows, and staff read "verlopen"."""
    await volunteers(runtime, clock, 1)
    await say(runtime, REQUESTER, *asking("vandaag om 12 uur"))
    request = await the_request(runtime)
    assert request.status == "review"
    await until(runtime, clock, NOON + timedelta(minutes=16))
    request = await the_request(runtime)
    assert request.status == "expired"
    keys = await keys_for(runtime, request.person_id)
    assert "request_in_review" in keys and keys[-1] == "request_expired"
    await until(runtime, clock, NOON + timedelta(hours=2))
    assert await count(runtime, StaffAlert, StaffAlert.kind == "review_overdue") == 0
    assert await count(runtime, MatchInvitation) == 0
    await add_account(runtime, "mira@example.nl", "buurtverbinder", ["molenwijk"])
    await log_in(client, "mira@example.nl")
    page = await client.get(f"/staff/requests/{request.id}")
    assert "verlopen: niemand op tijd gevonden" in page.text and 'id="approve"' not in page.text


async def test_the_circle_hears_that_nobody_was_found_in_time(runtime: Runtime, clock: FixedClock) -> None:
    """Ria shares her requests with Ans: nobody of the circle (nor a neighbour) took it before noon.
    Ans hears it ended; her old "ik doe het wel" is too late."""
    ria, ans = await circle_of_ria_with_ans(runtime, clock)
    ask = asking("vandaag om 12 uur")[4:]
    await say(runtime, RIA, "KRING", "2", "1", "6", *ask, channel="telegram")
    assert (await keys_for(runtime, ans))[-1] == "circle_request"
    await until(runtime, clock, NOON + timedelta(minutes=16))
    assert (await the_request(runtime)).status == "expired"
    assert (await keys_for(runtime, ria))[-1] == "request_expired"
    assert (await bodies_for(runtime, ans))[-1] == (
        "Voor de hulpvraag van Ria over boodschappen (maandag 23 november, 12:00) is op tijd niemand "
        "gevonden. De vraag is gestopt."
    )
    await say(runtime, ANS, "1", channel="sms")
    assert (await keys_for(runtime, ans))[-1] == "circle_help_late"
