"""The meeting flow as a pure function, and its time rules: next week across DST, reminder times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from flows import meetings
from flows.conversation import step
from flows.profile import Profile, ThreadSummary
from flows.types import Event

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
RIA = Profile(
    first_name="Ria",
    neighbourhood="molenwijk",
    consented=True,
    threads=(ThreadSummary(3, "Henk", "boodschappen", "open"),),
)
MENU: dict[str, Any] = {"greeted": True, "flow": "menu", "lang": "nl", "offered": []}
PLAN = {"thread_id": 3, "meeting_id": None, "name": "Henk", "host": "Ria", "host_is_me": True, "centre": ""}


def internal(command: str, **meta: Any) -> Event:
    return Event(kind="internal", command=command, meta=meta)


def text(value: str) -> Event:
    return Event(kind="text", text=value)


def facts(**changes: Any) -> dict[str, Any]:
    base = {
        "id": 7,
        "thread_id": 3,
        "name": "Henk",
        "host": "Ria",
        "host_is_me": True,
        "centre": "",
        "place_kind": "home",
        "place_text": None,
        "starts_at": "2026-11-28T09:00:00+00:00",
        "zone": "Europe/Amsterdam",
        "status": "agreed",
        "recurring": False,
        "role": "requester",
    }
    return {**base, **changes}


def run(state: dict[str, Any], *events: Event, profile: Profile = RIA) -> list[Any]:
    results = []
    for event in events:
        result = step(state, event, NOW, profile)
        state = result.state
        results.append(result)
    return results


def test_proposing_where_and_when_gives_one_effect_with_the_local_time() -> None:
    *_, last = run(MENU, internal("meet_plan", **PLAN), text("2"), text("zaterdag om 10 uur"))
    [effect] = last.effects
    assert effect.kind == "meet_propose"
    assert effect.data["place_kind"] == "centre"
    assert datetime.fromisoformat(effect.data["starts_at"]) == datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    assert effect.data["zone"] == "Europe/Amsterdam"
    assert [r.key for r in last.replies] == ["meet_proposal_sent"]
    assert last.replies[0].params["when"] == "zaterdag 28 november, 10:00"
    assert last.state["flow"] == "menu" and "meet" not in last.state


@pytest.mark.parametrize("answer", ["zaterdagochtend", "zo snel mogelijk", "elke week", "maakt niet uit"])
def test_a_meeting_needs_one_exact_day_and_time(answer: str) -> None:
    *_, last = run(MENU, internal("meet_plan", **PLAN), text("1"), text(answer))
    assert [r.key for r in last.replies] == ["meet_when_exact"] and not last.effects
    assert last.state["meet"]["step"] == "when"


def test_an_unreadable_time_is_asked_again() -> None:
    *_, last = run(MENU, internal("meet_plan", **PLAN), text("1"), text("weet ik nog niet"))
    assert [r.key for r in last.replies] == ["meet_when_again"] and not last.effects


def test_words_for_the_neighbour_while_asked_where_are_passed_on() -> None:
    *_, last = run(MENU, internal("meet_plan", **PLAN), text("Hoi Henk!"))
    assert [e.kind for e in last.effects] == ["relay"]
    assert last.state["meet"]["step"] == "where", "the question stays open"


def test_planning_ends_when_the_thread_has_ended() -> None:
    started = run(MENU, internal("meet_plan", **PLAN))[-1].state
    closed = Profile(first_name="Ria", neighbourhood="molenwijk", consented=True)
    result = step(started, text("1"), NOW, closed)
    assert result.state["flow"] == "menu" and not result.effects


def test_a_match_in_the_middle_of_another_flow_only_hints() -> None:
    asking = {**MENU, "flow": "ask", "step": "description", "ask": {"category": "klusjes"}}
    [result] = run(asking, internal("meet_plan", **PLAN))
    assert [r.key for r in result.replies] == ["meet_plan_later"]
    assert result.state["flow"] == "ask"


def test_yes_on_a_one_off_offers_weekly_and_a_recurring_one_does_not() -> None:
    one_off = run(MENU, internal("meet_check", meeting=facts()), text("ja"))[-1]
    assert [r.key for r in one_off.replies] == ["meet_thanks", "meet_again"]
    assert [(e.kind, dict(e.data)) for e in one_off.effects] == [
        ("meet_outcome", {"meeting_id": 7, "outcome": "yes"})
    ]
    weekly = run(MENU, internal("meet_check", meeting=facts(recurring=True)), text("ja"))[-1]
    assert [r.key for r in weekly.replies] == ["meet_thanks"]


KOFFIE = {
    "activity_id": 4,
    "on": "2026-11-24",
    "title": "Koffieochtend",
    "start": "10:00",
    "place": "Buurthuis De Molen",
    "neighbourhood": "molenwijk",
    "signed_up": False,
}


def test_an_activity_is_suggested_after_meet_again_is_answered_and_a_yes_signs_up() -> None:
    """One question at a time: "Volgende week weer afspreken?" first, then the activity the bot found;
    "ja leuk" (in the thread with Henk, not words for him) signs up for that date, as AGENDA does."""
    check = internal("meet_check", meeting={**facts(), "activity": KOFFIE})
    *_, asked, answered = run(MENU, check, text("ja"), text("nee dank je"))
    assert [r.key for r in asked.replies] == ["meet_thanks", "meet_again"]
    assert [r.key for r in answered.replies] == ["meet_later_ok", "meet_activity"]
    invitation = answered.replies[-1]
    assert [c.label_key for c in invitation.choices] == ["meet_choice_join", "meet_choice_no_thanks"]
    assert invitation.params["title"] == "Koffieochtend" and invitation.params["time"] == "10:00"
    assert invitation.params["day"] == "dinsdag 24 november"
    joined = step(answered.state, text("ja leuk"), NOW, RIA)
    assert [(e.kind, dict(e.data)) for e in joined.effects] == [
        ("agenda_signup", {"activity_id": 4, "on": "2026-11-24"})
    ]
    assert [r.key for r in joined.replies] == ["agenda_signed_up"]
    again = step(joined.state, text("ja"), NOW, RIA)
    assert not any(e.kind == "agenda_signup" for e in again.effects), "asked once, answered once"


def test_after_a_weekly_meeting_the_activity_comes_at_once_and_a_no_is_fine() -> None:
    check = internal("meet_check", meeting={**facts(recurring=True), "activity": KOFFIE})
    *_, asked = run(MENU, check, text("ja het was gezellig"))
    assert [r.key for r in asked.replies] == ["meet_thanks", "meet_activity"]
    declined = step(asked.state, text("nee hoor, dat is niks voor mij"), NOW, RIA)
    assert [r.key for r in declined.replies] == ["meet_activity_no"] and not declined.effects


def test_a_yes_after_the_activity_began_signs_up_for_nothing() -> None:
    check = internal("meet_check", meeting={**facts(recurring=True), "activity": KOFFIE})
    *_, asked = run(MENU, check, text("ja"))
    late = step(asked.state, text("ja"), datetime(2026, 11, 24, 9, 30, tzinfo=UTC), RIA)
    assert [r.key for r in late.replies] == ["meet_activity_past"] and not late.effects


def test_without_an_activity_nothing_is_suggested() -> None:
    *_, answered = run(MENU, internal("meet_check", meeting=facts()), text("ja"), text("nee"))
    assert [r.key for r in answered.replies] == ["meet_later_ok"]


@pytest.mark.parametrize(
    ("role", "label"), [("requester", "meet_choice_rematch"), ("volunteer", "meet_choice_stop")]
)
def test_no_offers_a_new_time_or_someone_else_without_blame(role: str, label: str) -> None:
    last = run(MENU, internal("meet_check", meeting=facts(role=role)), text("nee"))[-1]
    [question] = [r for r in last.replies if r.choices]
    assert question.key == "meet_not_happened"
    assert [c.label_key for c in question.choices] == ["meet_choice_new_time", label, "meet_choice_leave"]
    again = run(last.state, text("1"))[-1]
    assert [(e.kind, dict(e.data)) for e in again.effects] == [("meet_reschedule", {"meeting_id": 7})]
    other = run(last.state, text("2"))[-1]
    assert [(e.kind, dict(e.data)) for e in other.effects] == [("meet_rematch", {"meeting_id": 7})]


def test_an_old_button_answers_its_own_meeting() -> None:
    [result] = run(MENU, Event(kind="choice", choice="meet:12:yes"))
    assert [(e.kind, dict(e.data)) for e in result.effects] == [
        ("meet_answer", {"meeting_id": 12, "answer": "yes"})
    ]


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("meet:1:yes", True),
        ("meetok:2:no", True),
        ("invite:1:yes", False),
        ("meet:x:y", False),
        ("meet:\u0661\u0662:yes", False),
        ("meet:" + "9" * 19 + ":yes", False),
    ],
)
def test_is_answer(choice: str, expected: bool) -> None:
    assert meetings.is_answer(choice) is expected


def test_the_ask_nudge_comes_once() -> None:
    asking = {
        **MENU,
        "flow": "ask",
        "step": "description",
        "ask": {"category": "klusjes"},
        "prompt": {"key": "ask_description", "params": {}, "choices": []},
    }
    first, second = run(asking, internal("nudge_ask"), internal("nudge_ask"))
    assert [r.key for r in first.replies] == ["meet_nudge_ask", "ask_description"]
    assert second.replies == ()
    assert asking["ask"] == {"category": "klusjes"}, "the stored state is not changed in place"


def test_the_ask_nudge_says_nothing_once_the_person_moved_on() -> None:
    [result] = run(MENU, internal("nudge_ask"))
    assert result.replies == ()


# --- time rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("saturday", "next_saturday"),
    [
        # The Saturday before the last Sunday of March 2027 (summer time starts on the 28th).
        (datetime(2027, 3, 27, 10, 0, tzinfo=AMSTERDAM), datetime(2027, 4, 3, 10, 0, tzinfo=AMSTERDAM)),
        # The Saturday before the last Sunday of October 2027 (winter time starts on the 31st).
        (datetime(2027, 10, 30, 10, 0, tzinfo=AMSTERDAM), datetime(2027, 11, 6, 10, 0, tzinfo=AMSTERDAM)),
    ],
)
def test_weekly_stays_at_ten_local_across_dst(saturday: datetime, next_saturday: datetime) -> None:
    # Compared in UTC: Python compares two times of one zone by their wall clocks only.
    following = meetings.next_week(saturday.astimezone(UTC), AMSTERDAM).astimezone(UTC)
    assert following == next_saturday.astimezone(UTC)
    assert following.astimezone(AMSTERDAM).strftime("%H:%M") == "10:00"
    assert following - saturday.astimezone(UTC) != timedelta(days=7), "a UTC week would move it an hour"


def test_weekly_at_a_time_that_does_not_exist_moves_to_the_real_time_after_it() -> None:
    before = datetime(2027, 3, 21, 2, 30, tzinfo=AMSTERDAM)
    following = meetings.next_week(before, AMSTERDAM)
    assert following.astimezone(UTC) == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    assert following.strftime("%H:%M") == "03:30"


def test_weekly_at_a_time_that_exists_twice_is_the_first_of_the_two() -> None:
    before = datetime(2027, 10, 24, 2, 30, tzinfo=AMSTERDAM)
    following = meetings.next_week(before, AMSTERDAM)
    assert following.astimezone(UTC) == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
    assert following.strftime("%H:%M") == "02:30"


def test_reminders_the_evening_before_and_two_hours_before() -> None:
    start = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    assert meetings.reminder_times(start, AMSTERDAM, True, 2, NOW) == [
        ("evening", datetime(2026, 11, 27, 18, 0, tzinfo=UTC)),
        ("before", datetime(2026, 11, 28, 7, 0, tzinfo=UTC)),
    ]
    assert meetings.reminder_times(start, AMSTERDAM, False, 0, NOW) == []
    assert meetings.reminder_times(start, AMSTERDAM, False, 1, NOW) == [
        ("before", datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    ]


def test_the_evening_reminder_follows_summer_time() -> None:
    start = datetime(2027, 4, 3, 10, 0, tzinfo=AMSTERDAM)
    [(which, due), _] = meetings.reminder_times(start, AMSTERDAM, True, 2, datetime(2027, 3, 29, tzinfo=UTC))
    assert (which, due) == ("evening", datetime(2027, 4, 2, 17, 0, tzinfo=UTC))


def test_no_reminder_in_the_past_or_an_evening_one_after_the_other() -> None:
    tomorrow_morning = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)  # 08:00 local
    late = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # 21:00 local: the evening is gone
    assert [w for w, _ in meetings.reminder_times(tomorrow_morning, AMSTERDAM, True, 2, late)] == ["before"]
    # A meeting at 20:30 with a reminder 2 hours before (18:30 local): 19:00 the day before still comes.
    evening_meeting = datetime(2026, 11, 25, 19, 30, tzinfo=UTC)
    assert [w for w, _ in meetings.reminder_times(evening_meeting, AMSTERDAM, True, 2, NOW)] == [
        "evening",
        "before",
    ]
    # A meeting at 00:30 with a reminder 6 hours before (18:30): the evening one would come after it.
    night = datetime(2026, 11, 25, 23, 30, tzinfo=UTC)
    assert [w for w, _ in meetings.reminder_times(night, AMSTERDAM, True, 6, NOW)] == ["before"]


@pytest.mark.parametrize("said", ["maakt mij niet uit", "zeg jij maar", "doesn't matter", "fark etmez"])
def test_any_place_at_where_is_the_buurthuis_read_back(said: str) -> None:
    """It went to the neighbour as words for them and the question stayed open."""
    plan = {**PLAN, "centre": "Buurthuis De Molen"}
    *_, chosen, proposed = run(MENU, internal("meet_plan", **plan), text(said), text("morgen om 2 uur"))
    assert [r.key for r in chosen.replies] == ["meet_place_any", "meet_when"]
    assert not chosen.effects, "nothing passed on to Henk"
    [effect] = proposed.effects
    assert effect.kind == "meet_propose" and effect.data["place_kind"] == "centre"


@pytest.mark.parametrize(
    ("said", "place"),
    [
        ("niet bij mij thuis maar in het buurthuis", "centre"),
        ("not at my place but at the community centre", "centre"),
        ("bij mij thuis graag", "home"),
        ("ik ben niet thuis dinsdag, dus in het buurthuis", "centre"),
        ("liever niet in het buurthuis", None),
        ("als het maar niet bij mij thuis is", None),
    ],
)
def test_a_place_said_after_not_is_no_place_named(said: str, place: str | None) -> None:
    """ "het maakt niet uit, als het maar niet bij mij thuis is" picked her home."""
    assert meetings.place_in_words(said, {"host_is_me": True, "centre": "Buurthuis De Molen"}) == place


def test_anywhere_but_home_is_the_buurthuis() -> None:
    plan = {**PLAN, "centre": "Buurthuis De Molen"}
    *_, chosen = run(
        MENU, internal("meet_plan", **plan), text("het maakt niet uit, als het maar niet bij mij thuis is")
    )
    assert [r.key for r in chosen.replies] == ["meet_place_any", "meet_when"]
    assert chosen.state["meet"]["place_kind"] == "centre"


# "Is het gelukt?" answered with a weekly wish at another hour (Marieke's meeting: Saturday 14:00): every
# week on the day and at the hour said, in each language; the same day and hour is the plain weekly.
WEEKLY_AT_AN_HOUR = [
    ("nl", "ja! kan ze voortaan elke dinsdag om 3 uur?", {"weekday": 1, "at": "15:00"}),
    ("en", "yes! could she come every Tuesday at 3 pm from now on?", {"weekday": 1, "at": "15:00"}),
    ("tr", "evet! her salı saat 15te gelebilir mi?", {"weekday": 1, "at": "15:00"}),  # noqa: RUF001
    ("pl", "tak! czy może przychodzić w każdy wtorek o 15?", {"weekday": 1, "at": "15:00"}),
    ("uk", "так! чи може вона приходити щовівторка о 15:00?", {"weekday": 1, "at": "15:00"}),  # noqa: RUF001
    ("ar", "نعم! هل يمكنها أن تأتي كل ثلاثاء الساعة 3؟", {"weekday": 1, "at": "15:00"}),
    ("nl", "ja, voortaan elke zaterdag om 11 uur", {"weekday": 5, "at": "11:00"}),
    ("nl", "ja, voortaan elke zaterdag om 2 uur", {}),
]


@pytest.mark.parametrize(("lang", "text", "wish"), WEEKLY_AT_AN_HOUR)
def test_a_weekly_wish_keeps_the_hour_said(lang: str, text: str, wish: dict[str, object]) -> None:
    from tests.dialogue_redteam_support import menu_state, replay_items
    from tests.test_dialogues_redteam10 import CHECK

    _, answered = replay_items([CHECK, text], menu_state(lang), {"first_name": "Ria", "consented": True})
    [weekly] = [effect for effect in answered.effects if effect.kind == "meet_weekly"]
    assert dict(weekly.data) == {"meeting_id": 9, **wish}
    keys = [reply.key for reply in answered.replies]
    assert keys[-1] == ("meet_weekly_day_time_asked" if wish else "meet_weekly_asked")
