"""Care circle, sociale kaart and agenda through the real engine, on SQLite and PostgreSQL.

People use SMS, WhatsApp and Telegram addresses here, so every flow runs on each channel's identity;
what reaches whom is asserted on the outbox, the one place every message to a person passes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from bot.cli.demo import seed as demo_seed
from bot.runtime import Runtime
from storage import community
from storage.models import (
    Activity,
    ActivitySignup,
    CircleMember,
    HelpRequest,
    MatchInvitation,
    Meeting,
    ScheduledEvent,
    Service,
    StaffAlert,
    Thread,
)
from tests.community import ASK_BOODSCHAPPEN, add_person, bodies_for, keys_for, say
from tests.conftest import FixedClock
from tests.dbutil import count, outbox_rows
from tests.test_privacy import everything_stored

RIA = "5550001"  # Telegram chat
ANS = "+31612345678"  # SMS, new to the bot
HENK = "+31687650001"  # WhatsApp volunteer
SEEDED = 30


async def seeded(runtime: Runtime, clock: FixedClock) -> None:
    async with runtime.sessions() as session, session.begin():
        assert await community.seed(session, clock()) == SEEDED


# --- seed data and staff storage ------------------------------------------------------------------


async def test_seed_loads_twenty_services_and_ten_activities_once(
    runtime: Runtime, clock: FixedClock
) -> None:
    await seeded(runtime, clock)
    async with runtime.sessions() as session, session.begin():
        assert await community.seed(session, clock()) == 0
    assert await count(runtime, Service) == 20
    assert await count(runtime, Activity) == 10
    async with runtime.sessions() as session:
        services = await community.list_services(session)
        neighbourhoods = {s.neighbourhood for s in services}
        activities = await community.list_activities(session)
    assert neighbourhoods == {None, "molenwijk", "oude_haven", "bloemhof", "de_akkers"}
    assert {a.neighbourhood for a in activities} == {"molenwijk", "oude_haven", "bloemhof", "de_akkers"}
    assert all(s.phone.startswith(("0800 ", "085 ")) for s in services), "fictional numbers only"


async def test_staff_storage_creates_updates_and_deletes(runtime: Runtime, clock: FixedClock) -> None:
    async with runtime.sessions() as session, session.begin():
        service = await community.create_service(
            session,
            "belastinghulp",
            {"name": "Belastinghulp", "description": "aangifte", "categories": [], "terms": ["belasting"]},
            clock(),
        )
        activity = await community.create_activity(
            session,
            "schaken",
            {
                "title": "Schaakclub",
                "weekday": 2,
                "start": "19:00",
                "place": "Buurthuis",
                "neighbourhood": "molenwijk",
                "organiser": "Buurthuis",
            },
            clock(),
        )
    async with runtime.sessions() as session, session.begin():
        assert await community.update_service(session, service.id, {"active": False, "key": "x"}, clock())
        assert await community.update_activity(session, activity.id, {"start": "20:00"}, clock())
        assert not await community.update_service(session, 999_999, {"name": "x"}, clock())
    async with runtime.sessions() as session:
        assert await community.list_services(session) == []
        [hidden] = await community.list_services(session, include_inactive=True)
        assert (hidden.key, hidden.active) == ("belastinghulp", False), "the key is not editable"
        [schaken] = await community.list_activities(session)
        assert schaken.start == "20:00"
    async with runtime.sessions() as session, session.begin():
        assert await community.delete_service(session, service.id)
        assert await community.delete_activity(session, activity.id)
    assert await count(runtime, Service) == 0 and await count(runtime, Activity) == 0


async def test_demo_seed_includes_the_community_data(
    runtime: Runtime, clock: FixedClock, database_url: str
) -> None:
    await demo_seed(database_url, clock())
    assert await count(runtime, Service) == 20 and await count(runtime, Activity) == 10


# --- social map -----------------------------------------------------------------------------------


async def test_a_question_with_a_typo_on_sms_gets_the_service_at_once(
    runtime: Runtime, clock: FixedClock
) -> None:
    await seeded(runtime, clock)
    person = await add_person(runtime, clock, ANS, "Ans", "molenwijk", channel="sms")
    await say(runtime, ANS, "Waar kan ik terecht voor hulp bij formulirene?", channel="sms")
    rows = [r for r in await outbox_rows(runtime) if r.person_id == person]
    assert [r.text_key for r in rows] == ["map_found_one", "map_service"]
    assert rows[1].body.startswith("Formulierenbrigade Lindenhoven: hulp bij formulieren")
    assert not any(r.scheduled for r in rows), "an answer to a question, not held for quiet hours"


async def test_only_services_of_the_own_neighbourhood_or_the_whole_municipality(
    runtime: Runtime, clock: FixedClock
) -> None:
    await seeded(runtime, clock)
    person = await add_person(runtime, clock, ANS, "Ans", "de_akkers", channel="whatsapp")
    await say(runtime, ANS, "HULPWIJZER", "computer", channel="whatsapp")
    bodies = await bodies_for(runtime, person)
    assert any(b.startswith("Digihulp De Akkers") for b in bodies)
    assert not any("Oude Haven" in b for b in bodies)


async def test_no_result_offers_a_person_from_the_staff_queue(runtime: Runtime, clock: FixedClock) -> None:
    await seeded(runtime, clock)
    person = await add_person(runtime, clock, RIA, "Ria", "molenwijk", channel="telegram")
    await say(runtime, RIA, "waar kan ik terecht voor mijn paard", channel="telegram")
    assert (await keys_for(runtime, person))[-1] == "map_no_result"
    await say(runtime, RIA, "ja", channel="telegram")
    async with runtime.sessions() as session:
        [alert] = (await session.execute(select(StaffAlert))).scalars()
    assert (alert.kind, alert.person_id) == ("map_no_result", person)


# --- agenda ---------------------------------------------------------------------------------------


async def test_agenda_sign_up_on_whatsapp_and_the_reminder_the_day_before(
    runtime: Runtime, clock: FixedClock
) -> None:
    await seeded(runtime, clock)
    person = await add_person(runtime, clock, HENK, "Henk", "molenwijk", channel="whatsapp")
    await say(runtime, HENK, "AGENDA", channel="whatsapp")
    keys = await keys_for(runtime, person)
    assert keys == ["agenda_intro", "agenda_item", "agenda_item", "agenda_item", "agenda_pick"]
    await say(runtime, HENK, "3", channel="whatsapp")  # Koffieochtend, Tuesday 24 November 10:00
    assert (await keys_for(runtime, person))[-1] == "agenda_signed_up"
    async with runtime.sessions() as session:
        [signup] = (await session.execute(select(ActivitySignup))).scalars()
        activity = await session.get(Activity, signup.activity_id)
        [reminder] = (
            await session.execute(select(ScheduledEvent).where(ScheduledEvent.kind == "agenda_reminder"))
        ).scalars()
        organiser_list = await community.signups_for(session, signup.activity_id, date(2026, 11, 24))
    assert activity is not None and (activity.title, signup.occurs_on) == (
        "Koffieochtend",
        date(2026, 11, 24),
    )
    assert reminder.due_at == datetime(2026, 11, 23, 17, 0, tzinfo=UTC), "18:00 in Amsterdam, the day before"
    assert [(s.person_id, s.first_name) for s in organiser_list] == [(person, "Henk")]

    clock.now = reminder.due_at - timedelta(minutes=1)
    await runtime.engine.run_due_events()
    assert "agenda_reminder" not in await keys_for(runtime, person)
    clock.now = reminder.due_at
    assert await runtime.engine.run_due_events() == 1
    await runtime.engine.settle()
    [sent] = [r for r in await outbox_rows(runtime) if r.text_key == "agenda_reminder"]
    assert sent.scheduled and sent.channel == "whatsapp"
    assert sent.body == "Herinnering: morgen Koffieochtend om 10:00, Buurthuis De Molen. Tot morgen!"


async def test_a_joined_date_offers_cancelling_and_joining_again_reminds_once(
    runtime: Runtime, clock: FixedClock
) -> None:
    await seeded(runtime, clock)
    person = await add_person(runtime, clock, HENK, "Henk", "molenwijk", channel="whatsapp")
    await say(runtime, HENK, "AGENDA", "3", "AGENDA", channel="whatsapp")
    assert (await keys_for(runtime, person)).count("agenda_item_joined") == 1
    pick = [r for r in await outbox_rows(runtime) if r.text_key == "agenda_pick"][-1]
    labels = [label for _, label in pick.choices][:3]
    assert labels == ["Ik doe mee met 1", "Ik doe mee met 2", "Afmelden voor 3"]
    await say(runtime, HENK, "3", channel="whatsapp")
    assert (await bodies_for(runtime, person))[-1] == (
        "Je bent afgemeld voor Koffieochtend op dinsdag 24 november. Toch gaan? Stuur AGENDA."
    )
    async with runtime.sessions() as session:
        [signup] = (await session.execute(select(ActivitySignup))).scalars()
        assert signup.cancelled_at is not None
        assert await community.signups_for(session, signup.activity_id, date(2026, 11, 24)) == []
        [reminder] = (
            await session.execute(select(ScheduledEvent).where(ScheduledEvent.kind == "agenda_reminder"))
        ).scalars()
    assert (reminder.status, reminder.reason) == ("cancelled", "signup_cancelled")

    await say(runtime, HENK, "AGENDA", "3", channel="whatsapp")
    assert (await keys_for(runtime, person))[-1] == "agenda_signed_up"
    assert await count(runtime, ActivitySignup) == 1, "the same row, active again"
    assert await count(runtime, ScheduledEvent, ScheduledEvent.status == "pending") == 1
    clock.now = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    assert await runtime.engine.run_due_events() == 1
    await runtime.engine.settle()
    assert [r.text_key for r in await outbox_rows(runtime)].count("agenda_reminder") == 1


async def test_an_old_join_button_for_a_date_already_joined_changes_nothing(
    runtime: Runtime, clock: FixedClock
) -> None:
    from tests.test_meetings import tap

    await seeded(runtime, clock)
    person = await add_person(runtime, clock, RIA, "Ria", "molenwijk", channel="telegram")
    await say(runtime, RIA, "AGENDA", "3", "AGENDA", channel="telegram")
    await tap(runtime, RIA, "join:2")  # the first list's button; the new list offers "Afmelden voor 3"
    keys = await keys_for(runtime, person)
    assert keys[-1] == "agenda_pick" and "agenda_left" not in keys, "asked again, nothing changed"
    assert await count(runtime, ActivitySignup, ActivitySignup.cancelled_at.is_(None)) == 1
    assert await count(runtime, ScheduledEvent, ScheduledEvent.kind == "agenda_reminder") == 1


async def test_activities_near_for_a_match_follow_up(runtime: Runtime, clock: FixedClock) -> None:
    await seeded(runtime, clock)
    async with runtime.sessions() as session:
        found = await community.activities_near(session, "de_akkers", clock(), limit=3)
    assert len(found) == 3
    assert all(o.activity.neighbourhood in ("de_akkers", "oude_haven", "bloemhof") for o in found)
    assert [o.starts_at for o in found] == sorted(o.starts_at for o in found)
    assert all(o.starts_at > clock() for o in found)


# --- care circle ----------------------------------------------------------------------------------


async def circle_of_ria_with_ans(runtime: Runtime, clock: FixedClock) -> tuple[int, int]:
    """Ria (Telegram) invites Ans by SMS; Ans is new to the bot and says yes."""
    ria = await add_person(runtime, clock, RIA, "Ria", "molenwijk", channel="telegram")
    await say(runtime, RIA, "KRING", "1", "06 1234 5678", "1", channel="telegram")
    async with runtime.sessions() as session:
        [member] = (await session.execute(select(CircleMember))).scalars()
    assert member.member_id is not None and member.status == "invited"
    ans = member.member_id
    assert await keys_for(runtime, ans) == ["circle_invited"], "one message, no welcome or onboarding"
    [invitation] = [r for r in await outbox_rows(runtime) if r.person_id == ans]
    assert invitation.channel == "sms" and "Ria" in invitation.body
    await say(runtime, ANS, "ja", channel="sms")
    assert await keys_for(runtime, ans) == ["circle_invited", "circle_welcome"]
    assert (await keys_for(runtime, ria))[-1] == "circle_member_joined"
    return ria, ans


async def test_inviting_accepting_and_leaving(runtime: Runtime, clock: FixedClock) -> None:
    ria, ans = await circle_of_ria_with_ans(runtime, clock)
    await say(runtime, ANS, "Hallo", channel="sms")
    assert (await keys_for(runtime, ans))[-2:] == ["welcome", "ask_name"], "onboarding only when they write"
    await say(runtime, ANS, "Ans", "overslaan", "overslaan", channel="sms")
    await say(runtime, ANS, "KRING", "3", "1", "1", "Ik kom zaterdag langs.", channel="sms")
    assert (await bodies_for(runtime, ria))[-1] == "Bericht van Ans (je kring): Ik kom zaterdag langs."
    await say(runtime, ANS, "KRING", "3", "1", "2", channel="sms")
    assert (await keys_for(runtime, ans))[-1] == "circle_left"
    assert (await keys_for(runtime, ria))[-1] == "circle_member_left"
    async with runtime.sessions() as session:
        assert (await community.circle_for(session, ria)).members == ()


async def test_refusing_and_removing(runtime: Runtime, clock: FixedClock) -> None:
    ria = await add_person(runtime, clock, RIA, "Ria", "molenwijk", channel="telegram")
    await say(runtime, RIA, "KRING", "1", ANS, "2", channel="telegram")
    async with runtime.sessions() as session:
        [member] = (await session.execute(select(CircleMember))).scalars()
    assert member.channel == "whatsapp"
    await say(runtime, ANS, "nee", channel="whatsapp")
    assert (await keys_for(runtime, ria))[-1] == "circle_member_declined"
    await say(runtime, RIA, "KRING", "1", "0687650009", "1", "KRING", "3", "1", channel="telegram")
    assert (await keys_for(runtime, ria))[-1] == "circle_remove_done"
    async with runtime.sessions() as session:
        statuses = sorted(r.status for r in (await session.execute(select(CircleMember))).scalars())
    assert statuses == ["declined", "removed"]


async def test_invited_by_telegram_name_with_a_code(runtime: Runtime, clock: FixedClock) -> None:
    ria = await add_person(runtime, clock, ANS, "Ria", "molenwijk", channel="sms")
    await say(runtime, ANS, "KRING", "1", "@ans_de_vries", channel="sms")
    body = (await bodies_for(runtime, ria))[-1]
    code = body.rsplit(" ", 1)[-1]
    assert body.startswith("Vraag @ans_de_vries") and code.isdigit() and len(code) == 6
    await say(runtime, "5550077", f"KRING {code}", channel="telegram")
    await say(runtime, "5550077", "1", channel="telegram")
    assert (await keys_for(runtime, ria))[-1] == "circle_member_joined"
    await say(runtime, "5550088", f"KRING {code}", channel="telegram")
    async with runtime.sessions() as session:
        [member] = (await session.execute(select(CircleMember))).scalars()
    assert member.status == "active" and member.code is None, "a code works once"


async def test_an_unshared_request_never_reaches_a_member(runtime: Runtime, clock: FixedClock) -> None:
    _ria, ans = await circle_of_ria_with_ans(runtime, clock)
    henk = await add_person(
        runtime, clock, HENK, "Henk", "molenwijk", offers=("boodschappen",), channel="whatsapp"
    )
    before = len(await outbox_rows(runtime))
    await say(runtime, RIA, *ASK_BOODSCHAPPEN, channel="telegram")
    assert (await keys_for(runtime, henk))[-1] == "invite", "not shared: neighbours are asked at once"
    await say(runtime, HENK, "ja", channel="whatsapp")
    await say(runtime, RIA, "KLAAR", channel="telegram")
    new = (await outbox_rows(runtime))[before:]
    assert [r for r in new if r.person_id == ans] == [], "nothing about the request reached Ans"
    stored = await everything_stored(runtime)
    assert "melk en brood" in stored


async def test_a_shared_request_goes_to_the_circle_first(runtime: Runtime, clock: FixedClock) -> None:
    ria, ans = await circle_of_ria_with_ans(runtime, clock)
    henk = await add_person(
        runtime, clock, HENK, "Henk", "molenwijk", offers=("boodschappen",), channel="whatsapp"
    )
    await say(runtime, RIA, "KRING", "2", "3", "6", channel="telegram")
    assert (await keys_for(runtime, ria))[-1] == "circle_share_saved"
    await say(runtime, RIA, *ASK_BOODSCHAPPEN, channel="telegram")
    assert (await keys_for(runtime, ans))[-1] == "circle_request"
    assert "invite" not in await keys_for(runtime, henk), "the circle first"
    await say(runtime, ANS, "1", channel="sms")
    async with runtime.sessions() as session:
        [request] = (await session.execute(select(HelpRequest))).scalars()
        [thread] = (await session.execute(select(Thread))).scalars()
        pending = await session.execute(
            select(ScheduledEvent).where(
                ScheduledEvent.kind == "circle_first", ScheduledEvent.status == "pending"
            )
        )
    assert (request.status, request.matched_person_id, thread.volunteer_id) == ("matched", ans, ans)
    assert pending.scalars().all() == []
    # The match as for any volunteer (the meeting follow-up may ask on right after it).
    assert "match_found" in await keys_for(runtime, ria)
    assert "invite_won" in await keys_for(runtime, ans)
    assert "invite" not in await keys_for(runtime, henk)


async def test_nobody_of_the_circle_in_time_then_the_neighbours(runtime: Runtime, clock: FixedClock) -> None:
    _ria, ans = await circle_of_ria_with_ans(runtime, clock)
    henk = await add_person(
        runtime, clock, HENK, "Henk", "molenwijk", offers=("boodschappen",), channel="whatsapp"
    )
    await say(runtime, RIA, "KRING", "2", "1", "6", *ASK_BOODSCHAPPEN, channel="telegram")
    assert "invite" not in await keys_for(runtime, henk)
    clock.advance(hours=2, minutes=1)
    await runtime.engine.run_due_events()
    await runtime.engine.settle()
    assert (await keys_for(runtime, henk))[-1] == "invite"
    await say(runtime, HENK, "ja", channel="whatsapp")
    assert (await keys_for(runtime, ans))[-1] == "circle_update_request_matched_at"
    assert (await bodies_for(runtime, ans))[-1] == (
        "Goed nieuws: er helpt iemand Ria met boodschappen, dinsdag 24 november, 10:00."
    )
    await say(runtime, ANS, "1", channel="sms")  # the old "ik doe het wel" button, too late
    assert (await keys_for(runtime, ans))[-1] == "circle_help_late"
    async with runtime.sessions() as session:
        invitations = {r.person_id for r in (await session.execute(select(MatchInvitation))).scalars()}
    assert ans not in invitations


async def test_switching_sharing_off_holds_at_once(runtime: Runtime, clock: FixedClock) -> None:
    _ria, ans = await circle_of_ria_with_ans(runtime, clock)
    await say(runtime, RIA, "KRING", "2", "1", "6", *ASK_BOODSCHAPPEN, channel="telegram")
    await say(runtime, ANS, "nee", channel="sms")
    seen = await keys_for(runtime, ans)
    assert seen[-2:] == ["circle_request", "circle_help_no_thanks"]
    await say(runtime, RIA, "KRING", "2", "2", "6", *ASK_BOODSCHAPPEN, channel="telegram")
    await say(runtime, RIA, "MIJN VRAGEN", "1", "ja", channel="telegram")
    assert await keys_for(runtime, ans) == seen, "the second request and the cancelled first stay private"


async def test_circle_data_is_summarised_and_erased(runtime: Runtime, clock: FixedClock) -> None:
    ria, ans = await circle_of_ria_with_ans(runtime, clock)
    await say(runtime, RIA, "MIJN GEGEVENS", channel="telegram")
    assert (await bodies_for(runtime, ria))[-1].startswith("Ook bewaard: 1 mensen in je kring")
    assert ANS in await everything_stored(runtime)
    await say(runtime, RIA, "VERWIJDER MIJ", "ja", channel="telegram")
    clock.advance(minutes=11)
    await runtime.engine.run_due_events()
    assert await count(runtime, CircleMember) == 0
    stored = await everything_stored(runtime)
    # Ans's own address stays (she is a person of her own now); what Ria typed and did is gone.
    async with runtime.sessions() as session:
        assert (await community.circle_for(session, ans)).joined == ()
    assert "Ria" not in stored


async def test_an_invitee_who_already_uses_the_bot_is_reached_where_they_are(
    runtime: Runtime, clock: FixedClock
) -> None:
    """In the demo every phone is a simulator address; in life someone may use WhatsApp, not SMS."""
    ria = await add_person(runtime, clock, RIA, "Ria", "molenwijk", channel="telegram")
    ans = await add_person(runtime, clock, ANS, "Ans", "bloemhof", channel="simulator")
    await say(runtime, RIA, "KRING", "1", ANS, "1", channel="telegram")
    [invitation] = [r for r in await outbox_rows(runtime) if r.person_id == ans]
    assert (invitation.text_key, invitation.channel) == ("circle_invited", "simulator")
    await say(runtime, ANS, "1", channel="simulator")
    assert (await keys_for(runtime, ria))[-1] == "circle_member_joined"
    assert (await bodies_for(runtime, ria))[-1] == "Ans doet mee in je kring."


async def test_a_check_in_reaches_the_circle_only_when_check_ins_are_shared(
    runtime: Runtime, clock: FixedClock
) -> None:
    from storage import care
    from storage.inbox import post_internal

    ria, ans = await circle_of_ria_with_ans(runtime, clock)

    async def check_in(answer: str) -> None:
        async with runtime.sessions() as session, session.begin():
            checkin = care.new_checkin(session, ria, clock())
            await session.flush()
            data = {"checkin_id": checkin.id, "name": "Jan"}
            await post_internal(session, ria, "care_checkin", data, clock(), key=f"test_checkin:{checkin.id}")
        await runtime.engine.settle()
        await say(runtime, RIA, answer, channel="telegram")

    await say(runtime, RIA, "KRING", "2", "3", "6", channel="telegram")  # requests only
    await check_in("1")
    assert await keys_for(runtime, ans) == ["circle_invited", "circle_welcome"]
    await say(runtime, RIA, "KRING", "2", "5", "6", channel="telegram")  # and check-ins
    await check_in("3")
    assert (await bodies_for(runtime, ans))[-1] == "Ria vertelde hoe het zorgen gaat: zwaar."


async def test_an_agreed_meeting_reaches_the_circle_only_when_meetings_are_shared(
    runtime: Runtime, clock: FixedClock
) -> None:
    _ria, ans = await circle_of_ria_with_ans(runtime, clock)
    henk = await add_person(
        runtime, clock, HENK, "Henk", "molenwijk", offers=("boodschappen",), channel="whatsapp"
    )
    await say(runtime, RIA, "KRING", "2", "4", "6", channel="telegram")  # meetings only
    await say(runtime, RIA, *ASK_BOODSCHAPPEN, channel="telegram")
    assert (await keys_for(runtime, henk))[-1] == "invite", "requests are not shared: neighbours at once"
    await say(runtime, HENK, "ja", channel="whatsapp")
    assert await keys_for(runtime, ans) == ["circle_invited", "circle_welcome"], "no request news"
    await say(runtime, RIA, "1", "zaterdag om 10 uur", channel="telegram")
    assert await keys_for(runtime, ans) == ["circle_invited", "circle_welcome"], "a proposal is not news"
    await say(runtime, HENK, "1", channel="whatsapp")
    assert (await keys_for(runtime, ans))[-1] == "circle_update_meeting"
    news = (await bodies_for(runtime, ans))[-1]
    assert news == "Ria heeft een afspraak: zaterdag 28 november, 10:00, bij Ria thuis."
    assert "Henk" not in news, "the volunteer is not named to the requester's family"


async def test_an_agreed_meeting_stays_private_when_only_requests_are_shared(
    runtime: Runtime, clock: FixedClock
) -> None:
    _ria, ans = await circle_of_ria_with_ans(runtime, clock)
    await add_person(runtime, clock, HENK, "Henk", "molenwijk", offers=("boodschappen",), channel="whatsapp")
    await say(runtime, RIA, "KRING", "2", "3", "6", channel="telegram")  # requests only
    await say(runtime, RIA, *ASK_BOODSCHAPPEN, channel="telegram")
    await say(runtime, ANS, "nee", channel="sms")  # not Ans herself
    clock.advance(hours=2, minutes=1)
    await runtime.engine.run_due_events()
    await runtime.engine.settle()
    await say(runtime, HENK, "ja", channel="whatsapp")
    await say(runtime, RIA, "1", "zaterdag om 10 uur", channel="telegram")
    await say(runtime, HENK, "1", channel="whatsapp")
    async with runtime.sessions() as session:
        [meeting] = (await session.execute(select(Meeting))).scalars()
    assert meeting.status == "agreed"
    assert "circle_update_meeting" not in await keys_for(runtime, ans)
    assert (await keys_for(runtime, ans))[-1] == "circle_update_request_matched_at"
