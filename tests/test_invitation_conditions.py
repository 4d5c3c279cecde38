"""A volunteer's yes with a condition, as pure flow steps: from the words to the invitation's answer (six
languages), the resident's question about the other time and their Ja / Nee, the notices, the window of a
request without a fixed time, the meeting that follows, and a later "kan pas om 3 uur" on a proposal."""

# Messages are kept as typed (Turkish dotless i, Cyrillic and Arabic letters).
# ruff: noqa: RUF001

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from flows import catalogue
from flows.conversation import step
from flows.dialogue import label_of
from flows.profile import Profile, ThreadSummary
from flows.types import Event, StepResult
from flows.when import AMSTERDAM, When

# Monday 23 November 2026, 11:00 in Amsterdam.
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
THURSDAY_10 = When("moment", datetime(2026, 11, 26, 10, 0, tzinfo=AMSTERDAM)).to_json()
THURSDAY_14 = datetime(2026, 11, 26, 14, 0, tzinfo=AMSTERDAM).isoformat()
RIA = Profile(first_name="Ria", neighbourhood="molenwijk", consented=True)


def menu(lang: str = "nl") -> dict[str, Any]:
    return {"greeted": True, "flow": "menu", "lang": lang, "offered": []}


def internal(command: str, **meta: Any) -> Event:
    return Event(kind="internal", command=command, meta=meta)


def text(value: str) -> Event:
    return Event(kind="text", text=value)


def run(state: dict[str, Any], *events: Event, profile: Profile = RIA) -> list[StepResult]:
    results = []
    for event in events:
        result = step(state, event, NOW, profile)
        state = result.state
        results.append(result)
    return results


def rendered(result: StepResult, lang: str) -> list[str]:
    out = []
    for reply in result.replies:
        body = catalogue.message_with_lead(reply.key, lang, reply.params, lead=reply.lead)
        out.append(body + "".join(f"\n{label_of(choice, lang)}" for choice in reply.choices))
    return out


def invite(when: dict[str, Any] | None = None) -> Event:
    return internal(
        "invite",
        request_id=41,
        category="boodschappen",
        neighbourhood="molenwijk",
        when=when or THURSDAY_10,
        description="melk en brood halen",
        urgent=False,
    )


# --- the volunteer: from their words to the answer ------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words", "window"),
    [
        ("nl", "ja maar pas na 2 uur", {"start": "14:00:00"}),
        ("nl", "ja hoor, liever niet op vrijdag", {"not_days": [4]}),
        ("nl", "kan wel, maar alleen in de ochtend", {"part": "ochtend"}),
        ("en", "yes, but only after 3pm", {"start": "15:00:00"}),
        ("en", "yes but not on thursday", {"not_days": [3]}),
        ("tr", "evet ama cumartesi değil", {"not_days": [5]}),
        ("tr", "evet ama saat 3'ten sonra", {"start": "15:00:00"}),
        ("ar", "نعم لكن بعد 2", {"start": "14:00:00"}),
        # "after the hour 2": the hour word between "after" and the number keeps the "after".
        ("ar", "نعم لكن بعد الساعة 2", {"start": "14:00:00"}),
        ("ar", "نعم، بعد الساعة الثانية", {"start": "14:00:00"}),
        ("ar", "نعم لكن قبل الساعة 5", {"end": "17:00:00"}),
        ("tr", "evet ama 2'den sonra", {"start": "14:00:00"}),
        ("pl", "tak, ale po 14", {"start": "14:00:00"}),
        ("pl", "tak, ale po drugiej", {"start": "14:00:00"}),
        ("uk", "так, але після 2", {"start": "14:00:00"}),
        ("uk", "так, але після другої", {"start": "14:00:00"}),
        ("ar", "نعم لكن ليس يوم الخميس", {"not_days": [3]}),
        ("pl", "tak, ale dopiero po 14", {"start": "14:00:00"}),
        ("pl", "tak, ale nie w czwartek", {"not_days": [3]}),
        ("uk", "так, але тільки після 14:00", {"start": "14:00:00"}),
        ("uk", "так, але не в четвер", {"not_days": [3]}),
    ],
)
def test_a_yes_with_a_time_carries_its_window(lang: str, words: str, window: dict[str, Any]) -> None:
    _, answered = run(menu(lang), invite(), text(words))
    [effect] = answered.effects
    assert effect.kind == "answer_invitation"
    assert effect.data == {"request_id": 41, "answer": "yes", "note": words, "condition": window}
    assert answered.replies == (), "a yes is answered by its outcome: won, taken, or asked"


@pytest.mark.parametrize("words", ["ja maar niet tillen", "ja, als ik mijn zoontje mee mag nemen"])
def test_a_condition_that_is_no_time_is_only_words(words: str) -> None:
    _, answered = run(menu(), invite(), text(words))
    assert answered.effects[0].data == {"request_id": 41, "answer": "yes", "note": words}


@pytest.mark.parametrize("answer", [text("ja"), text("1"), Event(kind="choice", choice="invite:41:yes")])
def test_a_plain_yes_carries_nothing(answer: Event) -> None:
    _, answered = run(menu(), invite(), answer)
    assert answered.effects[0].data == {"request_id": 41, "answer": "yes"}


def test_a_later_keeps_no_window() -> None:
    _, answered = run(menu(), invite(), text("nu niet, vraag het volgende week nog eens"))
    assert answered.effects[0].data["answer"] == "later"
    assert "condition" not in answered.effects[0].data


def test_a_later_with_a_time_that_works_is_a_yes_then() -> None:
    """Dialogue round 23: "nu niet, volgende week wel" offers next week; matching decides on it (the
    resident is asked when it does not suit her time), as for "ja, maar pas volgende week"."""
    _, answered = run(menu(), invite(), text("nu niet, volgende week wel"))
    assert answered.effects[0].data["answer"] == "yes"
    assert answered.effects[0].data["note"] == "nu niet, volgende week wel"
    assert "condition" in answered.effects[0].data


def test_tomorrow_is_read_against_the_moment_of_the_answer() -> None:
    _, answered = run(menu(), invite(), text("ja, morgen om 3 uur"))
    assert answered.effects[0].data["condition"] == {"on": "2026-11-24", "at": "15:00:00"}


# --- the resident decides ---------------------------------------------------------------------------


def condition_event(**changes: Any) -> Event:
    meta = {
        "request_id": 41,
        "volunteer_id": 9,
        "name": "Ans",
        "category": "boodschappen",
        "neighbourhood": "molenwijk",
        "when": THURSDAY_10,
        "description": "melk en brood halen",
        "urgent": False,
        "proposal": THURSDAY_14,
        "note": "ja maar pas na 2 uur",
    }
    return internal("match_condition", **{**meta, **changes})


def test_the_resident_reads_the_other_time_and_the_volunteers_words() -> None:
    [asked] = run(menu(), condition_event())
    assert [reply.key for reply in asked.replies] == ["match_note", "match_condition"]
    assert rendered(asked, "nl") == [
        'Ans schreef erbij: "ja maar pas na 2 uur"',
        "Ans kan je helpen met boodschappen, maar niet donderdag 26 november, 10:00. "
        "Wel donderdag 26 november, 14:00. Is dat goed?\nJa\nNee",
    ]
    assert [choice.key for choice in asked.replies[-1].choices] == ["cond:41:9:yes", "cond:41:9:no"]


@pytest.mark.parametrize("lang", catalogue.LANGUAGES)
def test_the_question_is_asked_in_every_language(lang: str) -> None:
    [asked] = run(menu(lang), condition_event(note=None))
    [question] = rendered(asked, lang)
    assert "Ans" in question and "10:00" in question and "14:00" in question and "{" not in question
    if lang != "nl":
        assert question != rendered(run(menu("nl"), condition_event(note=None))[0], "nl")[0]


@pytest.mark.parametrize(
    ("lang", "yes", "no"),
    [
        ("nl", "ja hoor", "nee liever niet"),
        ("en", "yes that's fine", "no thanks"),
        ("tr", "evet", "hayır"),
        ("ar", "نعم", "لا"),
        ("pl", "tak", "nie"),
        ("uk", "так", "ні"),
    ],
)
def test_the_resident_answers_in_words(lang: str, yes: str, no: str) -> None:
    _, agreed = run(menu(lang), condition_event(), text(yes))
    [effect] = agreed.effects
    assert effect.kind == "condition_answer"
    assert effect.data == {"request_id": 41, "volunteer_id": 9, "answer": "yes", "starts_at": THURSDAY_14}
    assert agreed.replies == (), "Ja is answered by the match itself"
    _, declined = run(menu(lang), condition_event(), text(no))
    assert [e.data["answer"] for e in declined.effects] == ["no"]
    assert [reply.key for reply in declined.replies] == ["match_condition_no"]
    assert "10:00" in rendered(declined, lang)[0]


def test_a_tap_answers_and_the_question_asked_before_comes_back() -> None:
    state = {**menu(), "flow": "ask"}
    state["prompt"] = {"key": "ask_when", "params": {}, "choices": []}
    asked, answered = run(state, condition_event(), Event(kind="choice", choice="cond:41:9:no"))
    assert asked.state["resume_prompt"]["key"] == "ask_when"
    assert [reply.key for reply in answered.replies] == ["match_condition_no", "ask_when"]
    assert answered.state["condition_offers"] == {}


def test_an_old_button_without_the_remembered_time_still_answers() -> None:
    [answered] = run(menu(), Event(kind="choice", choice="cond:41:9:yes"))
    assert answered.effects[0].data == {"request_id": 41, "volunteer_id": 9, "answer": "yes"}


@pytest.mark.parametrize("choice", ["cond:41:9:maybe", "cond:x:9:yes", "cond:41:yes"])
def test_a_forged_button_is_no_answer(choice: str) -> None:
    [result] = run(menu(), Event(kind="choice", choice=choice))
    assert not any(effect.kind == "condition_answer" for effect in result.effects)


# --- notices, and a request without a fixed time -----------------------------------------------------


def test_the_volunteer_hears_what_is_asked_and_how_it_ends() -> None:
    asked, declined = run(
        menu(),
        internal("invite_condition_asked", request_id=41, proposal=THURSDAY_14),
        internal("invite_condition_declined", request_id=41),
    )
    assert rendered(asked, "nl") == [
        "Dank je! Ik vraag of donderdag 26 november, 14:00 ook goed is. Je hoort het snel."
    ]
    assert [reply.key for reply in declined.replies] == ["invite_condition_declined"]
    [closed] = run(menu(), internal("match_condition_closed", request_id=41))
    assert [reply.key for reply in closed.replies] == ["match_condition_closed"]


def test_without_a_fixed_time_the_window_is_the_time_both_sides_read() -> None:
    facts = {
        "request_id": 41,
        "category": "boodschappen",
        "neighbourhood": "molenwijk",
        "when": When("asap").to_json(),
        "thread_id": 3,
        "window": {"start": "14:00:00"},
    }
    [found] = run(menu(), internal("match_found", **facts, name="Ans"))
    assert rendered(found, "nl")[0].startswith(
        "Goed nieuws! Ans uit de buurt helpt je met boodschappen, vanaf 14:00."
    )
    [won] = run(menu("en"), internal("invite_won", **facts, name="Ria"))
    assert "groceries, from 14:00" in rendered(won, "en")[0]


# --- the meeting that follows ------------------------------------------------------------------------

PLAN = {"thread_id": 3, "meeting_id": None, "name": "Ans", "host": "Ria", "host_is_me": True, "centre": ""}
WITH_ANS = Profile(
    first_name="Ria",
    neighbourhood="molenwijk",
    consented=True,
    threads=(ThreadSummary(3, "Ans", "boodschappen", "open"),),
)


def test_an_agreed_other_time_is_proposed_after_where_without_asking_when() -> None:
    _, where = run(menu(), internal("meet_plan", **PLAN, starts_at=THURSDAY_14), text("1"), profile=WITH_ANS)
    [effect] = where.effects
    assert effect.kind == "meet_propose"
    assert datetime.fromisoformat(effect.data["starts_at"]) == datetime.fromisoformat(THURSDAY_14)
    assert rendered(where, "nl")[0].startswith("Je voorstel: donderdag 26 november, 14:00, bij jou thuis.")


def test_an_agreed_time_already_past_is_asked_again() -> None:
    past = datetime(2026, 11, 23, 9, 0, tzinfo=UTC).isoformat()
    _, where = run(menu(), internal("meet_plan", **PLAN, starts_at=past), text("1"), profile=WITH_ANS)
    assert [reply.key for reply in where.replies] == ["meet_when"] and not where.effects


def test_the_volunteers_window_is_said_with_the_when_question() -> None:
    plan = {**PLAN, "window": {"not_days": [4], "start": "14:00:00"}}
    _, where = run(menu(), internal("meet_plan", **plan), text("1"), profile=WITH_ANS)
    assert rendered(where, "nl") == ["Wanneer? Ans kan niet op vrijdag, vanaf 14:00. Noem een dag en tijd."]


# --- later words on a proposal: "kan pas om 3 uur" -----------------------------------------------------

HENK = Profile(
    first_name="Henk",
    neighbourhood="molenwijk",
    consented=True,
    threads=(ThreadSummary(3, "Ria", "boodschappen", "open"),),
)


def proposal(**changes: Any) -> Event:
    facts = {
        "id": 7,
        "thread_id": 3,
        "name": "Ria",
        "host": "Ria",
        "host_is_me": False,
        "centre": "",
        "place_kind": "home",
        "place_text": None,
        "starts_at": datetime(2026, 11, 26, 10, 0, tzinfo=AMSTERDAM).isoformat(),
        "zone": "Europe/Amsterdam",
        "status": "proposed",
        "recurring": False,
        "role": "volunteer",
    }
    return internal("meet_proposal", meeting={**facts, **changes})


@pytest.mark.parametrize(
    ("words", "hour"), [("kan pas om 3 uur", 15), ("ja, maar pas na 2 uur", 14), ("ik kan pas na drieën", 15)]
)
def test_a_time_in_words_on_a_proposal_proposes_it_back_at_the_same_place(words: str, hour: int) -> None:
    _, answered = run(menu(), proposal(), text(words), profile=HENK)
    [effect] = answered.effects
    assert effect.kind == "meet_propose"
    assert effect.data["thread_id"] == 3 and effect.data["meeting_id"] == 7
    assert effect.data["place_kind"] == "home"
    assert datetime.fromisoformat(effect.data["starts_at"]) == datetime(2026, 11, 26, hour, tzinfo=AMSTERDAM)
    assert rendered(answered, "nl") == [
        f"Je voorstel: donderdag 26 november, {hour}:00, bij Ria thuis. Ik vraag Ria of dat past. "
        "Klopt het niet? Stuur AFSPRAAK."
    ]
    assert "prompt" not in answered.state and answered.state["flow"] == "menu"


def test_a_time_in_words_another_day() -> None:
    # A no with another day turned to ("..., vrijdag wel") is a later on that day (reading round 18), as
    # "morgen kan ik wel" was: the same hour on Friday is proposed back.
    _, answered = run(menu(), proposal(), text("donderdag kan ik niet, vrijdag wel"), profile=HENK)
    [effect] = answered.effects
    assert effect.kind == "meet_propose"
    assert datetime.fromisoformat(effect.data["starts_at"]) == datetime(2026, 11, 27, 10, tzinfo=AMSTERDAM)
    # A no alone is words for Ria, not a counter-proposal.
    _, answered = run(menu(), proposal(), text("donderdag kan ik niet, sorry"), profile=HENK)
    assert not any(effect.kind == "meet_propose" for effect in answered.effects)
    _, answered = run(menu(), proposal(), text("ja, maar niet op donderdag"), profile=HENK)
    [effect] = answered.effects
    assert datetime.fromisoformat(effect.data["starts_at"]) == datetime(2026, 11, 27, 10, tzinfo=AMSTERDAM)


@pytest.mark.parametrize("words", ["ja hoor", "kan om 10 uur", "ja, maar niet tillen"])
def test_words_that_suit_the_proposal_are_no_counter_proposal(words: str) -> None:
    _, answered = run(menu(), proposal(), text(words), profile=HENK)
    assert not any(effect.kind == "meet_propose" for effect in answered.effects)


def test_the_question_asked_before_the_proposal_comes_back_after_a_counter() -> None:
    state = {**menu(), "flow": "ask", "prompt": {"key": "ask_when", "params": {}, "choices": []}}
    _, answered = run(state, proposal(), text("kan pas om 3 uur"), profile=HENK)
    assert [reply.key for reply in answered.replies] == ["meet_proposal_sent", "ask_when"]
    assert answered.state["flow"] == "ask"


# --- no answer: one reminder, then the offer lapses ---------------------------------------------------


def reminder_event(**changes: Any) -> Event:
    meta = {**condition_event().meta, **changes}
    meta.pop("note", None)
    return internal("match_condition_reminder", **meta)


def lapsed_event() -> Event:
    meta = {**condition_event().meta}
    meta.pop("note", None)
    return internal("match_condition_lapsed", **meta)


def test_the_reminder_asks_the_same_question_once_more_and_ja_still_answers() -> None:
    _, reminded, agreed = run(menu(), condition_event(), reminder_event(), text("ja"))
    assert rendered(reminded, "nl") == [
        "Nog even: Ans kan je helpen met boodschappen, niet donderdag 26 november, 10:00 maar "
        "donderdag 26 november, 14:00. Is dat goed?\nJa\nNee"
    ]
    [effect] = agreed.effects
    assert effect.data == {"request_id": 41, "volunteer_id": 9, "answer": "yes", "starts_at": THURSDAY_14}


@pytest.mark.parametrize("lang", catalogue.LANGUAGES)
def test_the_reminder_and_the_lapse_are_said_in_every_language(lang: str) -> None:
    _, reminded, lapsed = run(menu(lang), condition_event(note=None), reminder_event(), lapsed_event())
    for result in (reminded, lapsed):
        [body] = rendered(result, lang)
        assert "Ans" in body and "14:00" in body and "10:00" in body and "{" not in body
    [told] = run(menu(lang), internal("invite_condition_lapsed", proposal=THURSDAY_14))
    [volunteer] = rendered(told, lang)
    assert "14:00" in volunteer and "{" not in volunteer
    [late] = rendered(run(menu(lang), internal("match_condition_too_late", request_id=41))[0], lang)
    assert late and "{" not in late


def test_a_lapsed_offer_drops_its_question_and_the_question_before_comes_back() -> None:
    state = {**menu(), "flow": "ask", "prompt": {"key": "ask_when", "params": {}, "choices": []}}
    _, lapsed = run(state, condition_event(), lapsed_event())
    assert [reply.key for reply in lapsed.replies] == ["match_condition_lapsed", "ask_when"]
    assert rendered(lapsed, "nl")[0] == (
        "Je hebt niet gereageerd, dus het voorstel van Ans (donderdag 26 november, 14:00) vervalt. "
        "Ik zoek verder voor donderdag 26 november, 10:00."
    )
    assert lapsed.state["condition_offers"] == {}
    assert lapsed.state["prompt"]["key"] == "ask_when" and "resume_prompt" not in lapsed.state


def test_after_the_lapse_a_typed_ja_is_no_answer_to_the_offer() -> None:
    _, _, typed = run(menu(), condition_event(), lapsed_event(), text("ja"))
    assert not any(effect.kind == "condition_answer" for effect in typed.effects)


def test_a_lapse_of_another_offer_leaves_the_open_question_alone() -> None:
    other = {**condition_event().meta, "volunteer_id": 10}
    other.pop("note")
    _, lapsed = run(menu(), condition_event(), internal("match_condition_lapsed", **other))
    assert [reply.key for reply in lapsed.replies] == ["match_condition_lapsed"]
    assert lapsed.state["prompt"]["key"] == "match_condition"
    assert list(lapsed.state["condition_offers"]) == ["41:9"]


def test_the_volunteer_hears_the_offer_lapsed_and_need_do_nothing() -> None:
    [lapsed] = run(menu(), internal("invite_condition_lapsed", request_id=41, proposal=THURSDAY_14))
    assert rendered(lapsed, "nl") == [
        "De buurtbewoner heeft niet op tijd gereageerd op donderdag 26 november, 14:00. "
        "Je hoeft niets te doen. Dank je dat je wilde helpen!"
    ]


# --- the agreed time outlives a plan that came in the middle of something else -------------------------


def test_an_agreed_time_that_came_during_another_flow_is_kept_for_afspraak() -> None:
    busy = {**menu(), "flow": "ask", "prompt": {"key": "ask_when", "params": {}, "choices": []}}
    later, _, afspraak, _, where = run(
        busy,
        internal("meet_plan", **PLAN, starts_at=THURSDAY_14),
        Event(kind="command", command="menu"),  # done with the other flow
        text("AFSPRAAK"),
        # What AFSPRAAK brings: a plan without the time (bot/effects/meetings.py `manage`).
        internal("meet_plan", **PLAN),
        text("1"),
        profile=WITH_ANS,
    )
    assert [reply.key for reply in later.replies] == ["meet_plan_later"]
    assert later.state["flow"] == "ask"
    assert [effect.kind for effect in afspraak.effects] == ["meet_manage"]
    [effect] = where.effects
    assert effect.kind == "meet_propose"
    assert datetime.fromisoformat(effect.data["starts_at"]) == datetime.fromisoformat(THURSDAY_14)
    assert "3" not in where.state.get("meet_hints", {}), "used once a proposal is sent"


def test_a_plan_left_half_way_keeps_the_agreed_time_too() -> None:
    first, _, again, where = run(
        menu(),
        internal("meet_plan", **PLAN, starts_at=THURSDAY_14),
        Event(kind="command", command="menu"),
        internal("meet_plan", **PLAN),
        text("1"),
        profile=WITH_ANS,
    )
    assert first.replies[0].key == "meet_where"
    assert again.replies[0].key == "meet_where"
    [effect] = where.effects
    assert datetime.fromisoformat(effect.data["starts_at"]) == datetime.fromisoformat(THURSDAY_14)


def test_a_new_time_for_an_existing_meeting_does_not_take_the_old_agreed_time() -> None:
    _, _, again = run(
        menu(),
        internal("meet_plan", **PLAN, starts_at=THURSDAY_14),
        Event(kind="command", command="menu"),
        # After a "Nee" to a proposal: a plan for that meeting asks when afresh.
        internal("meet_plan", **{**PLAN, "meeting_id": 7}),
        profile=WITH_ANS,
    )
    assert again.replies[0].key == "meet_where"
    [when] = run(again.state, text("1"), profile=WITH_ANS)
    assert [reply.key for reply in when.replies] == ["meet_when"] and not when.effects


def test_an_old_button_tapped_during_another_flow_leaves_its_question_open() -> None:
    _, busy = run(menu(), condition_event(), text("menu"))
    busy_state = {**busy.state, "flow": "ask", "prompt": {"key": "ask_when", "params": {}, "choices": []}}
    [answered] = run(busy_state, Event(kind="choice", choice="cond:41:9:yes"))
    assert [effect.kind for effect in answered.effects] == ["condition_answer"]
    assert answered.state["prompt"]["key"] == "ask_when"


@pytest.mark.parametrize("answer", ["yes", "no", "later"])
def test_an_old_invitation_button_tapped_during_another_flow_leaves_its_question_open(answer: str) -> None:
    """The volunteer's own answer too: an invitation's button tapped while asking for help keeps the ask
    flow's open question (before, it was cleared and the next answer was read as a menu choice)."""
    busy_state = {**menu(), "flow": "ask", "prompt": {"key": "ask_when", "params": {}, "choices": []}}
    [answered] = run(busy_state, Event(kind="choice", choice=f"invite:41:{answer}"))
    assert [effect.kind for effect in answered.effects] == ["answer_invitation"]
    assert answered.state["prompt"]["key"] == "ask_when"
