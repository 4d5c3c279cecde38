"""A request changed after it was sent, through the engine and the database (dialogue round 15,
flows/request_change.py, `change_request` in bot/effects/requests.py): the request row changes, invited
volunteers who did not answer yet see the changed invitation (and their buttons still answer it), a matched
neighbour is told and asked whether it still suits, and a request that is not the person's own or no longer
open is never changed."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.runtime import Runtime
from storage import requests
from storage.models import HelpRequest
from tests.community import ASK_BOODSCHAPPEN, keys_for, say
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows
from tests.test_matchmaking import REQUESTER, invitations, the_request, volunteers

ASK = ("hallo", "Ria", "7391 AB", "ja", *ASK_BOODSCHAPPEN)  # "morgen om 10 uur"


def _local_hour(request: HelpRequest) -> int:
    return datetime.fromisoformat(str(request.when["start"])).hour


async def test_invited_volunteers_see_the_changed_request_and_can_still_answer(
    runtime: Runtime, clock: FixedClock
) -> None:
    helpers = await volunteers(runtime, clock, 3)
    await say(runtime, REQUESTER, *ASK)
    before = await the_request(runtime)
    assert _local_hour(before) == 10
    await say(runtime, REQUESTER, "het wordt 11 uur in plaats van 10")
    assert (await keys_for(runtime, before.person_id))[-1] == "request_change_confirm"
    assert _local_hour(await the_request(runtime)) == 10, "nothing changes before the yes"
    await say(runtime, REQUESTER, "ja")
    request = await the_request(runtime)
    assert _local_hour(request) == 11 and request.when_start is not None
    assert request.when_start.astimezone(UTC).hour == 10  # 11:00 in Amsterdam, winter time
    assert set((await invitations(runtime)).values()) == {"asked"}, "still the same invitations"
    for helper in helpers:
        assert (await keys_for(runtime, helper))[-2:] == ["invite_changed", "invite"]
    changed = [r for r in await outbox_rows(runtime) if r.text_key == "invite" and r.person_id == helpers[0]]
    assert "11:00" in changed[-1].body
    await say(runtime, "+31610000000", "1")  # the changed invitation's yes
    request = await the_request(runtime)
    assert (request.status, request.matched_person_id) == ("matched", helpers[0])


async def test_a_matched_neighbour_is_asked_whether_the_new_time_still_suits(
    runtime: Runtime, clock: FixedClock
) -> None:
    helpers = await volunteers(runtime, clock, 1)
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, "+31610000000", "1")
    await say(runtime, REQUESTER, "menu", "ik wil er nog bij zeggen dat ik een rollator heb")
    await say(runtime, REQUESTER, "ja")
    request = await the_request(runtime)
    assert request.status == "matched" and "rollator" in request.description
    assert (await keys_for(runtime, helpers[0]))[-1] == "match_changed"
    told = [r for r in await outbox_rows(runtime) if r.text_key == "match_changed"][-1]
    assert "rollator" in told.body and "Ria" in told.body
    assert (await keys_for(runtime, request.person_id))[-2] == "request_change_done_matched"
    await say(runtime, "+31610000000", "prima, dat past nog")  # the answer goes to Ria through the thread
    assert (await keys_for(runtime, request.person_id))[-1] == "relay"


async def test_a_no_to_the_read_back_changes_nothing(runtime: Runtime, clock: FixedClock) -> None:
    helpers = await volunteers(runtime, clock, 1)
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, REQUESTER, "kan het ook woensdag?", "nee")
    assert _local_hour(await the_request(runtime)) == 10
    assert "invite_changed" not in await keys_for(runtime, helpers[0])


def _row(status: str = "open", person_id: int = 7) -> HelpRequest:
    now = datetime(2026, 11, 23, 9, tzinfo=UTC)
    when = {"kind": "flexible", "start": None, "zone": None, "daypart": None, "recurrence": None}
    return HelpRequest(
        id=1,
        person_id=person_id,
        category="klusjes",
        description="lamp",
        when=when,
        neighbourhood="molenwijk",
        urgent=False,
        visibility="helper",
        status=status,
        created_at=now,
        updated_at=now,
    )


def test_only_the_owner_changes_an_open_request() -> None:
    now = datetime(2026, 11, 23, 10, tzinfo=UTC)
    assert requests.change(_row(person_id=8), 7, {"description": "anders"}, now) == ()
    assert requests.change(_row(status="done"), 7, {"description": "anders"}, now) == ()
    row = _row()
    assert requests.change(row, 7, {"description": "lamp", "neighbourhood": "bloemhof"}, now) == (
        "neighbourhood",
    )
    assert (row.neighbourhood, row.updated_at) == ("bloemhof", now)
