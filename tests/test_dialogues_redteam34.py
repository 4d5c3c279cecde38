# ruff: noqa: RUF001, RUF002
"""Red team of whole conversations, round 34: the meeting and after, in every language.

Ria (a resident) matched with Henk, and Henk (a volunteer) with Ans, in Turkish, Arabic (script and Darija in
Latin letters), Polish, Ukrainian, English and some Dutch: "Waar zien jullie elkaar?" answered in words ("bij
mij thuis", "voor de Albert Heijn", "at the library at 2", "u mnie w domu"), an agreed meeting moved or
cancelled in words, the reminder answered ("ja ik kom", "ik ben iets later", "I'm sick"), "Is het gelukt?"
(yes, no, not at home, half), meeting again and the activity nearby (yes, no, "misschien", "elke week?")
and the thanks. Every turn also checks round 10's rule: every reply in the person's own language.

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (e34e4ab).
- Batch 1 (BATCH_1, 27 dialogues, written before reading flows/meetings.py or conversation.py): main
  59/70, 17/27 as first written. Four messages were reworded before that run to be new against earlier
  rounds. By decision after it (below), a move in words is four turns: main 75/82, 21/27. After: 82/82.
- Batch 2 (BATCH_2, 26 dialogues, held out, written before any fix): main 55/64, 18/26 as written; with the
  move decision (the honest figure) 65/76, 20/26. After: 76/76, 26/26.
- Guards (GUARDS, 8 dialogues, written with the fixes): 22/22, 8/8.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What main did, and does now (mechanisms; words appended under "# round dialogue34" in the sections of
flows/understanding/data/conversation.toml):
- "elke week?", "every week?" at "Volgende week weer afspreken?" was asked again; "misschien, weet ik nog
  niet", "maybe later, not sure yet" went to Henk. Now `meetings._again_in_words` (from
  `after_help_in_words`, when no yes/no was read): undecided ([round23_undecided]) is a no for now
  ("Stuur AFSPRAAK"), then a wish to meet again (`wants_again`) is the weekly yes.
- "voor de Albert Heijn" was the place "Heijn": capitalised words before a capitalised place word are
  part of its name (`_name_part`, at most two; not a preposition, article or day: "Morgen Jumbo" is
  "Jumbo"). "przed biblioteką", "qdam lpharmacie", "f dari" were not places: [round23_meeting_places] has
  stems ("bibliotek", "aptek") and Darija/French words; Darija prepositions and homes in Latin letters.
  "przed biblioteką w czwartek o 12" read no time ("przed" is also "before"): the time is read again
  without the place's words.
- "we wtorek jednak nie mogę, może w piątek?", "donderdag lukt me niet meer, zaterdag misschien?" and
  "ana mrida lyoum, ma ne9derch nji" were only passed on: cannot-come words ([dialogue27_cannot_come]
  "lukt ... niet meer", "jednak nie mogę", [meetings21_cannot_come] Darija). After them a question mark
  or a maybe asks another day too, and a message with two days is read clause by clause from the end
  (`_other_day_asked`, `_day_asked_in`): the day asked is kept for the plan at the meeting's hour.
- "yarısını yaptık, gerisi kaldı" (half done) went to Henk: [meet_partly] has its forms in tr, pl, uk, ar.

Decided:
- Moving an agreed meeting in words stays as round 21 made it: the words go to the other one, "Andere tijd
  of afzeggen?" is asked with the day said kept, and the plan asks where before it proposes that day.
  Batch 1 first expected the proposal at once; the dialogues now replay all four turns (`move`).
- "dat lukt me niet", "nie mogę" alone are no cannot-come (a guard each): only with "toch"/"jednak"/"таки"
  (after all) or "niet meer".

Left: none as xfail. Noticed: a move asks "Waar?" again though only the day changed; "Albert Heijn om 3"
as a whole sentence keeps "Albert Heijn" but a lower-case "albert heijn" is "heijn".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    RIA,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
)
from tests.test_dialogues_redteam10 import language_problems
from tests.test_dialogues_redteam25 import round_check as round_25_check

D = Dialogue
MISS = ["not_understood", "*_again"]

# Ria (a resident) matched with Henk (a volunteer), thread 3. Their meeting: Tuesday 24 November, 14:00,
# at Ria's home; THURSDAY the same at Thursday 26 November 14:00. The clock: Monday 23 November, 11:00.
THREAD = {"id": 3, "other_name": "Henk", "category": "boodschappen", "status": "open"}
RIA_T = {**RIA, "threads": [THREAD]}
MEETING = {
    "id": 7,
    "thread_id": 3,
    "name": "Henk",
    "host": "Ria",
    "host_is_me": True,
    "centre": "",
    "place_kind": "home",
    "place_text": None,
    "starts_at": "2026-11-24T13:00:00+00:00",
    "zone": "Europe/Amsterdam",
    "status": "agreed",
    "recurring": False,
    "role": "requester",
}
THURSDAY = {**MEETING, "starts_at": "2026-11-26T13:00:00+00:00"}
PAST = {**MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}
PLAN = {
    "internal": "meet_plan",
    "meta": {
        "thread_id": 3,
        "meeting_id": None,
        "name": "Henk",
        "host": "Ria",
        "host_is_me": True,
        "centre": "",
    },
}
RESCHEDULE = {"internal": "meet_plan", "meta": {**PLAN["meta"], "meeting_id": 7}}
AGREED = {"internal": "meet_agreed", "meta": {"meeting": MEETING}}
AGREED_THURSDAY = {"internal": "meet_agreed", "meta": {"meeting": THURSDAY}}
REMINDER = {"internal": "meet_reminder", "meta": {"which": "evening", "meeting": MEETING}}
SOON = {"internal": "meet_reminder", "meta": {"which": "soon", "meeting": MEETING}}
CHECK = {"internal": "meet_check", "meta": {"meeting": PAST}}
KOFFIE = {
    "activity_id": 4,
    "on": "2026-11-24",
    "title": "Koffieochtend",
    "start": "10:00",
    "place": "Buurthuis De Molen",
    "neighbourhood": "molenwijk",
    "signed_up": False,
}
# "Is het gelukt?" of a weekly meeting with an activity found that week: a yes asks "Doe je mee?".
CHECK_ACTIVITY = {
    "internal": "meet_check",
    "meta": {"meeting": {**PAST, "recurring": True, "activity": KOFFIE}},
}
# Henk (a volunteer) matched with Ans, thread 3: they meet at Ans's home today at 14:00; VCHECK asks him
# "Is het gelukt?" of Saturday's.
OFFER = {
    "categories": ["boodschappen", "klusjes"],
    "reach": "nearby",
    "availability": [[0, "ochtend"], [2, "middag"]],
    "weekly_limit": 2,
    "languages": ["nl"],
}
HENK = {
    "first_name": "Henk",
    "neighbourhood": "molenwijk",
    "consented": True,
    "offer": OFFER,
    "threads": [{"id": 3, "other_name": "Ans", "category": "boodschappen", "status": "open"}],
}
VOLUNTEER_MEETING = {
    **MEETING,
    "name": "Ans",
    "host": "Ans",
    "host_is_me": False,
    "starts_at": "2026-11-23T13:00:00+00:00",
    "role": "volunteer",
}
AGREED_TODAY = {"internal": "meet_agreed", "meta": {"meeting": VOLUNTEER_MEETING}}
VRESCHEDULE = {
    "internal": "meet_plan",
    "meta": {
        "thread_id": 3,
        "meeting_id": 7,
        "name": "Ans",
        "host": "Ans",
        "host_is_me": False,
        "centre": "",
    },
}
VCHECK = {
    "internal": "meet_check",
    "meta": {"meeting": {**VOLUNTEER_MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}},
}


def L(code: str) -> dict[str, Any]:
    return menu_state(code)


def check(expect: dict[str, Any], result: Any) -> list[str]:
    """Round 25's checks (any_keys, any_effect, outcome_any), every reply in the person's language (round
    10), and this round's own: `place_has`, words of the place in a proposed meeting; `place_kind`."""
    problems = round_25_check(expect, result)
    if "lang" in expect:
        problems += language_problems(expect["lang"], result)
    proposals = [e.data for e in result.effects if e.kind == "meet_propose"]
    if "place_has" in expect:
        places = [str(p.get("place_text") or "") for p in proposals]
        if not any(expect["place_has"].lower() in p.lower() for p in places):
            problems.append(f"no meeting place with {expect['place_has']!r} ({proposals})")
    if "place_kind" in expect and not any(p.get("place_kind") == expect["place_kind"] for p in proposals):
        problems.append(f"no meeting place of kind {expect['place_kind']!r} ({proposals})")
    if "moved_to" in expect:
        kept = (result.state.get("meet_moved") or {}).get("starts_at")
        if kept is None or datetime.fromisoformat(kept) != datetime.fromisoformat(expect["moved_to"]):
            problems.append(f"the new time said is not kept: {kept!r}, not {expect['moved_to']!r}")
    return problems


def asks_when(code: str, **more: Any) -> dict[str, Any]:
    """A place understood: the time is asked next, nothing passed on."""
    return {"lang": code, "keys": ["meet_when"], "no_effect": ["relay"], "not_keys": MISS, **more}


def proposed(code: str, starts_at: str, **more: Any) -> dict[str, Any]:
    """A time (and place) proposed to the other one."""
    return {"lang": code, "effect_has": {"meet_propose": {"starts_at": starts_at}}, "not_keys": MISS, **more}


def move(
    text: str, code: str, starts_at: str, plan: dict[str, Any] | None = None
) -> tuple[tuple[Any, dict[str, Any]], ...]:
    """An agreed meeting moved in words, as round 21 decided it: the words go to the other one and the
    bot asks to move or cancel it ("Andere tijd of plek" first), the new day (and hour) said kept; the
    engine's plan for the meeting asks where again and proposes the day said, the meeting's hour kept
    when none was said. Decided after batch 1's first run (it expected the proposal at once)."""
    return (
        (text, {**cannot(code), "no_effect": ["meet_cancel"], "moved_to": starts_at}),
        ("1", {"lang": code, "effect": ["meet_reschedule"], "not_keys": MISS}),
        (plan or RESCHEDULE, {"lang": code, "keys": ["meet_where"]}),
        ("1", proposed(code, starts_at)),
    )


def cannot(code: str) -> dict[str, Any]:
    """Cannot come (ill, something came up): the other told, moving or cancelling offered."""
    return {
        "lang": code,
        "effect": ["relay"],
        "any_keys": ["meet_cannot_come", "meet_said_offer"],
        "not_keys": MISS,
    }


def coming(code: str) -> dict[str, Any]:
    """A yes to the reminder: heard, nothing cancelled or moved."""
    return {
        "lang": code,
        "no_effect": ["meet_cancel", "meet_propose", "meet_reschedule"],
        "not_keys": [*MISS, "meet_cannot_come"],
    }


def late(code: str) -> dict[str, Any]:
    """A bit late: told to the other, not a cancel or a move."""
    return {
        "lang": code,
        "effect": ["relay"],
        "no_effect": ["meet_cancel", "meet_propose"],
        "not_keys": [*MISS, "meet_cannot_come"],
    }


def outcome(code: str, value: str, **more: Any) -> dict[str, Any]:
    """ "Is het gelukt?" answered: recorded, nothing passed on, no miss."""
    return {
        "lang": code,
        **more,
        "effect_has": {**more.get("effect_has", {}), "meet_outcome": {"outcome": value}},
        "no_effect": [*more.get("no_effect", ()), "relay"],
        "not_keys": [*more.get("not_keys", ()), *MISS],
    }


def half(code: str) -> dict[str, Any]:
    """Partly done: recorded, and meeting again for the rest offered."""
    return {
        "lang": code,
        "outcome_any": True,
        "any_keys": ["meet_again", "meet_not_happened", "meet_weekly_asked"],
        "no_effect": ["relay"],
        "not_keys": MISS,
    }


def weekly(code: str) -> dict[str, Any]:
    return {"lang": code, "effect": ["meet_weekly"], "no_effect": ["relay"], "not_keys": MISS}


def not_now(code: str, *no: str) -> dict[str, Any]:
    """No, or maybe, to meeting again or to the activity: nothing asked or signed, no miss."""
    return {"lang": code, "no_effect": ["meet_weekly", "agenda_signup", "relay", *no], "not_keys": MISS}


def joined(code: str) -> dict[str, Any]:
    return {"lang": code, "effect_has": {"agenda_signup": {"activity_id": 4}}, "not_keys": MISS}


def said(code: str, **more: Any) -> dict[str, Any]:
    """Answered in the person's language, no miss."""
    return {"lang": code, "not_keys": MISS, **more}


# Batch 1: written before reading flows/meetings.py, its toml or conversation.py.
BATCH_1 = [
    # "Waar zien jullie elkaar?" answered in words.
    D(
        "nl: 'bij mij thuis' then thursday at 10",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("gewoon bij mij thuis hoor", asks_when("nl")),
            ("donderdagochtend om 10 uur", proposed("nl", "2026-11-26T10:00:00+01:00", place_kind="home")),
        ),
        state=L("nl"),
        profile=RIA_T,
    ),
    D(
        "nl: 'voor de Albert Heijn' is a place elsewhere",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("voor de Albert Heijn", asks_when("nl")),
            ("morgen om 11 uur graag", proposed("nl", "2026-11-24T11:00:00+01:00", place_has="Albert Heijn")),
        ),
        state=L("nl"),
        profile=RIA_T,
    ),
    D(
        "en: 'at the library at 2' is place and time at once",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("at the library at 2", proposed("en", "2026-11-23T14:00:00+01:00", place_has="library")),
        ),
        state=L("en"),
        profile=RIA_T,
    ),
    D(
        "pl: 'u mnie w domu' then wednesday at 3",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("u mnie w domu", asks_when("pl")),
            ("w środę o 15", proposed("pl", "2026-11-25T15:00:00+01:00", place_kind="home")),
        ),
        state=L("pl"),
        profile=RIA_T,
    ),
    D(
        "tr: 'benim evimde olsun' then tomorrow at 3",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("benim evimde olsun", asks_when("tr")),
            ("yarın saat 3te", proposed("tr", "2026-11-24T15:00:00+01:00", place_kind="home")),
        ),
        state=L("tr"),
        profile=RIA_T,
    ),
    D(
        "ar: 'في بيتي' then thursday at 11",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("في بيتي", asks_when("ar")),
            ("يوم الخميس الساعة 11", proposed("ar", "2026-11-26T11:00:00+01:00", place_kind="home")),
        ),
        state=L("ar"),
        profile=RIA_T,
    ),
    D(
        "uk: by the pharmacy on the corner, friday at 10",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("біля аптеки на розі", asks_when("uk")),
            ("у п'ятницю о 10", proposed("uk", "2026-11-27T10:00:00+01:00", place_has="аптеки")),
        ),
        state=L("uk"),
        profile=RIA_T,
    ),
    D(
        "darija: 'f dari' then tomorrow at 4",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("f dari a khouya", asks_when("ar")),
            ("ghedda m3a 4", proposed("ar", "2026-11-24T16:00:00+01:00", place_kind="home")),
        ),
        state=L("ar"),
        profile=RIA_T,
    ),
    # An agreed meeting moved or cancelled in words.
    D(
        "nl: 'ik kan donderdag toch niet, kan het vrijdag?' proposes friday at the same hour",
        (
            (AGREED_THURSDAY, {}),
            *move("ik kan donderdag toch niet, kan het vrijdag?", "nl", "2026-11-27T14:00:00+01:00"),
        ),
        state=L("nl"),
        profile=RIA_T,
    ),
    D(
        "en: 'something came up, can we do Wednesday instead?'",
        (
            (AGREED, {}),
            *move("something came up, can we do Wednesday instead?", "en", "2026-11-25T14:00:00+01:00"),
        ),
        state=L("en"),
        profile=RIA_T,
    ),
    D(
        "tr: 'yarın gelemiyorum, perşembe olur mu?'",
        (
            (AGREED, {}),
            *move("yarın gelemiyorum, perşembe olur mu acaba?", "tr", "2026-11-26T14:00:00+01:00"),
        ),
        state=L("tr"),
        profile=RIA_T,
    ),
    D(
        "uk: not tuesday, wednesday at 16",
        (
            (AGREED, {}),
            *move("на жаль, у вівторок не вийде, давайте в середу о 16", "uk", "2026-11-25T16:00:00+01:00"),
        ),
        state=L("uk"),
        profile=RIA_T,
    ),
    D(
        "pl: 'muszę odwołać nasze spotkanie' cancels or asks to",
        (
            (AGREED, {}),
            (
                "muszę odwołać nasze spotkanie",
                said(
                    "pl",
                    any_effect=["meet_cancel", "relay"],
                    any_keys=["meet_cannot_come", "meet_cancelled", "meet_manage"],
                ),
            ),
        ),
        state=L("pl"),
        profile=RIA_T,
    ),
    # The reminder before, answered.
    D(
        "nl: 'ja ik kom' then 'ik ben iets later'",
        (
            (SOON, {}),
            ("ja hoor ik kom", coming("nl")),
            ("ik ben iets later", late("nl")),
        ),
        state=L("nl"),
        profile=RIA_T,
    ),
    D(
        "en: 'I'm sick' at the evening reminder",
        ((REMINDER, {}), ("sorry, I'm sick", cannot("en"))),
        state=L("en"),
        profile=RIA_T,
    ),
    D(
        "tr: yes coming, then a little late",
        ((SOON, {}), ("evet geliyorum", coming("tr")), ("biraz gecikeceğim", late("tr"))),
        state=L("tr"),
        profile=RIA_T,
    ),
    D(
        "darija: ill, cannot come",
        ((REMINDER, {}), ("ana mrida lyoum, ma ne9derch nji", cannot("ar"))),
        state=L("ar"),
        profile=RIA_T,
    ),
    # "Is het gelukt?" afterwards.
    D(
        "nl: no, she was not home",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("nee, ze was niet thuis", outcome("nl", "no", keys=["meet_not_happened"])),
        ),
        state=L("nl"),
        profile=RIA_T,
    ),
    D(
        "en: yes went well, then 'every week?' asks weekly",
        (
            (CHECK, {}),
            ("yes it went really well", outcome("en", "yes", keys=["meet_again"])),
            ("every week?", weekly("en")),
        ),
        state=L("en"),
        profile=RIA_T,
    ),
    D(
        "tr: half done",
        ((CHECK, {}), ("yarısını yaptık, gerisi kaldı", half("tr"))),
        state=L("tr"),
        profile=RIA_T,
    ),
    D(
        "uk: yes with thanks is a yes",
        ((CHECK, {}), ("так, дякую, все пройшло добре", outcome("uk", "yes"))),
        state=L("uk"),
        profile=RIA_T,
    ),
    D(
        "ar: it did not happen, she was not at home",
        ((CHECK, {}), ("لا، ما صار شي لأنها ما كانت في البيت", outcome("ar", "no"))),
        state=L("ar"),
        profile=RIA_T,
    ),
    # Meeting again, the activity, the thanks.
    D(
        "nl: 'misschien' to meeting again asks nothing",
        ((CHECK, {}), ("ja", {"keys": ["meet_again"]}), ("misschien, weet ik nog niet", not_now("nl"))),
        state=L("nl"),
        profile=RIA_T,
    ),
    D(
        "tr: yes to the activity signs up",
        (
            (CHECK_ACTIVITY, {}),
            ("evet", {"keys": ["meet_activity"]}),
            ("evet, katılmak isterim", joined("tr")),
        ),
        state=L("tr"),
        profile=RIA_T,
    ),
    D(
        "pl: no thanks to the activity",
        ((CHECK_ACTIVITY, {}), ("tak", {"keys": ["meet_activity"]}), ("nie, dziękuję bardzo", not_now("pl"))),
        state=L("pl"),
        profile=RIA_T,
    ),
    D(
        "uk: yes, every week",
        ((CHECK, {}), ("так", {"keys": ["meet_again"]}), ("так, щотижня", weekly("uk"))),
        state=L("uk"),
        profile=RIA_T,
    ),
    D(
        "en: thanks at the end is answered",
        (
            (CHECK, {}),
            ("yes", {"keys": ["meet_again"]}),
            ("no thanks", not_now("en")),
            ("thank you so much for arranging all this", said("en", no_effect=["meet_outcome"])),
        ),
        state=L("en"),
        profile=RIA_T,
    ),
]

# Batch 2, held out: other people and wordings, the same abilities; written before any fix, scored on main.
BATCH_2 = [
    D(
        "nl: 'in de bibliotheek' then wednesday 2",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("in de bibliotheek graag", asks_when("nl")),
            ("woensdag 2 uur middag", proposed("nl", "2026-11-25T14:00:00+01:00", place_has="bibliotheek")),
        ),
        state=L("nl"),
        profile=RIA_T,
    ),
    D(
        "en: 'my place is fine' then thursday at 3",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("my place is fine", asks_when("en")),
            ("Thursday afternoon at 3", proposed("en", "2026-11-26T15:00:00+01:00", place_kind="home")),
        ),
        state=L("en"),
        profile=RIA_T,
    ),
    D(
        "tr: in front of the market, friday at 11",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("marketin önünde buluşalım", asks_when("tr")),
            ("cuma günü 11de", proposed("tr", "2026-11-27T11:00:00+01:00", place_has="market")),
        ),
        state=L("tr"),
        profile=RIA_T,
    ),
    D(
        "ar: at the mosque, tomorrow at 10",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("عند المسجد", asks_when("ar")),
            ("غدا الساعة 10 صباحا", proposed("ar", "2026-11-24T10:00:00+01:00", place_has="المسجد")),
        ),
        state=L("ar"),
        profile=RIA_T,
    ),
    D(
        "pl: in front of the library on thursday at 12, at once",
        (
            (PLAN, {"keys": ["meet_where"]}),
            (
                "przed biblioteką w czwartek o 12",
                proposed("pl", "2026-11-26T12:00:00+01:00", place_has="bibliotek"),
            ),
        ),
        state=L("pl"),
        profile=RIA_T,
    ),
    D(
        "uk: 'у мене вдома' then tomorrow at 15:00",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("краще у мене вдома", asks_when("uk")),
            ("завтра о 15:00", proposed("uk", "2026-11-24T15:00:00+01:00", place_kind="home")),
        ),
        state=L("uk"),
        profile=RIA_T,
    ),
    D(
        "darija: in front of the pharmacy, thursday at 10",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("qdam lpharmacie", asks_when("ar")),
            ("nhar lkhmis m3a 10", proposed("ar", "2026-11-26T10:00:00+01:00", place_has="pharmacie")),
        ),
        state=L("ar"),
        profile=RIA_T,
    ),
    D(
        "pl: not tuesday after all, friday?",
        (
            (AGREED, {}),
            *move("we wtorek jednak nie mogę, może w piątek?", "pl", "2026-11-27T14:00:00+01:00"),
        ),
        state=L("pl"),
        profile=RIA_T,
    ),
    D(
        "ar: not tuesday, wednesday?",
        (
            (AGREED, {}),
            *move("ما أقدر يوم الثلاثاء، ممكن الأربعاء؟", "ar", "2026-11-25T14:00:00+01:00"),
        ),
        state=L("ar"),
        profile=RIA_T,
    ),
    D(
        "en volunteer: not today, tomorrow at the same time",
        (
            (AGREED_TODAY, {}),
            *move(
                "can't make it today after all, could we do tomorrow at the same time?",
                "en",
                "2026-11-24T14:00:00+01:00",
                VRESCHEDULE,
            ),
        ),
        state=L("en"),
        profile=HENK,
    ),
    D(
        "nl: thursday no longer, saturday maybe",
        (
            (AGREED_THURSDAY, {}),
            *move("donderdag lukt me niet meer, zaterdag misschien?", "nl", "2026-11-28T14:00:00+01:00"),
        ),
        state=L("nl"),
        profile=RIA_T,
    ),
    D(
        "tr: I have to cancel the meeting",
        (
            (AGREED, {}),
            (
                "buluşmayı iptal etmem gerekiyor, özür dilerim",
                said(
                    "tr",
                    any_effect=["meet_cancel", "relay"],
                    any_keys=["meet_cannot_come", "meet_cancelled", "meet_manage"],
                ),
            ),
        ),
        state=L("tr"),
        profile=RIA_T,
    ),
    D(
        "en: 'yep, on my way'",
        ((SOON, {}), ("yep, on my way now", coming("en"))),
        state=L("en"),
        profile=RIA_T,
    ),
    D(
        "pl: a bit later, sorry",
        ((SOON, {}), ("będę trochę później, przepraszam", late("pl"))),
        state=L("pl"),
        profile=RIA_T,
    ),
    D(
        "uk: fell ill, cannot come",
        ((REMINDER, {}), ("я захворіла, не зможу прийти", cannot("uk"))),
        state=L("uk"),
        profile=RIA_T,
    ),
    D(
        "ar: yes I will be there",
        ((SOON, {}), ("نعم سأكون هناك", coming("ar"))),
        state=L("ar"),
        profile=RIA_T,
    ),
    D(
        "nl: 'ik ben ziek geworden' at the reminder",
        ((REMINDER, {}), ("ik ben ziek geworden", cannot("nl"))),
        state=L("nl"),
        profile=RIA_T,
    ),
    D(
        "pl volunteer: no, she was not at home",
        ((VCHECK, {}), ("nie, niestety nie było jej w domu", outcome("pl", "no"))),
        state=L("pl"),
        profile=HENK,
    ),
    D(
        "en volunteer: half of it",
        ((VCHECK, {}), ("half of it, we ran out of time", half("en"))),
        state=L("en"),
        profile=HENK,
    ),
    D(
        "darija: yes it went well",
        ((CHECK, {}), ("iyeh, daz mezyan", outcome("ar", "yes"))),
        state=L("ar"),
        profile=RIA_T,
    ),
    D(
        "tr: no, he did not come",
        ((CHECK, {}), ("hayır, o gelmedi", outcome("tr", "no", keys=["meet_not_happened"]))),
        state=L("tr"),
        profile=RIA_T,
    ),
    D(
        "nl: 'elke week?' to meeting again",
        ((CHECK, {}), ("ja", {"keys": ["meet_again"]}), ("elke week?", weekly("nl"))),
        state=L("nl"),
        profile=RIA_T,
    ),
    D(
        "ar: maybe to the activity",
        ((CHECK_ACTIVITY, {}), ("نعم", {"keys": ["meet_activity"]}), ("ربما", not_now("ar"))),
        state=L("ar"),
        profile=RIA_T,
    ),
    D(
        "uk: yes I will come to the activity",
        ((CHECK_ACTIVITY, {}), ("так", {"keys": ["meet_activity"]}), ("так, я прийду", joined("uk"))),
        state=L("uk"),
        profile=RIA_T,
    ),
    D(
        "en: 'maybe later, not sure yet' to meeting again",
        ((CHECK, {}), ("yes", {"keys": ["meet_again"]}), ("maybe later, not sure yet", not_now("en"))),
        state=L("en"),
        profile=RIA_T,
    ),
    D(
        "tr: thanks at the end",
        (
            (CHECK, {}),
            ("evet", {"keys": ["meet_again"]}),
            ("hayır teşekkürler", not_now("tr")),
            ("her şey için çok teşekkür ederim", said("tr", no_effect=["meet_outcome"])),
        ),
        state=L("tr"),
        profile=RIA_T,
    ),
]

# Guards, written with the fixes: what the new readings must leave alone.
PASSED = {
    "effect": ["relay"],
    "not_keys": [*MISS, "meet_cannot_come"],
    "no_effect": ["meet_cancel", "meet_propose"],
}
GUARDS = [
    D(
        "nl: 'dat lukt me niet' about a list is no cannot-come",
        ((AGREED, {}), ("dat lukt me niet, kun jij het lijstje maken?", {**PASSED, "lang": "nl"})),
        state=L("nl"),
        profile=RIA_T,
    ),
    D(
        "pl: 'nie mogę znaleźć klucza' is no cannot-come",
        ((AGREED, {}), ("nie mogę znaleźć klucza, zadzwonię później", {**PASSED, "lang": "pl"})),
        state=L("pl"),
        profile=RIA_T,
    ),
    D(
        "nl: 'Morgen Jumbo om 10': the day is no part of the place's name",
        (
            (PLAN, {"keys": ["meet_where"]}),
            (
                "Morgen Jumbo om 10",
                {
                    **proposed("nl", "2026-11-24T10:00:00+01:00", place_has="Jumbo"),
                    "not_says": ["Morgen Jumbo"],
                },
            ),
        ),
        state=L("nl"),
        profile=RIA_T,
    ),
    D(
        "en: 'in front of the Central Station' keeps the name whole",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("in front of the Central Station", asks_when("en")),
            ("Friday at 11", proposed("en", "2026-11-27T11:00:00+01:00", place_has="Central Station")),
        ),
        state=L("en"),
        profile=RIA_T,
    ),
    D(
        "nl: 'nee, niet elke week' to meeting again asks nothing weekly",
        ((CHECK, {}), ("ja", {"keys": ["meet_again"]}), ("nee, niet elke week", not_now("nl"))),
        state=L("nl"),
        profile=RIA_T,
    ),
    D(
        "en: 'maybe again next week' is no weekly yet",
        ((CHECK, {}), ("yes", {"keys": ["meet_again"]}), ("maybe again next week", not_now("en"))),
        state=L("en"),
        profile=RIA_T,
    ),
    D(
        "tr: 'biraz geç kaldı ama yaptık' at the check is a yes with a remark, not half",
        ((CHECK, {}), ("evet, biraz geç kaldı ama hepsini yaptık", outcome("tr", "yes"))),
        state=L("tr"),
        profile=RIA_T,
    ),
    D(
        "uk: cannot after all on tuesday, thursday?",
        (
            (AGREED, {}),
            *move("у вівторок таки не можу, може в четвер?", "uk", "2026-11-26T14:00:00+01:00"),
        ),
        state=L("uk"),
        profile=RIA_T,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


def test_messages_are_new() -> None:
    assert repeated_messages(__file__, [*BATCH_1, *BATCH_2, *GUARDS]) == []


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)
