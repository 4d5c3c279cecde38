# Messages are kept as typed (Turkish dotless i).
# ruff: noqa: RUF001
"""A carer's words at the open check-in that are no plain Goed / Gaat wel / Zwaar (flows/checkin_talk.py).

Found by probing as a mantelzorger (session 28), each a miss or a loss on main before: "ik heb even geen
tijd, vraag het morgen maar", "later", "kan je me voortaan om de week vragen?", "wat is dit voor bericht?"
and "Jan is gisteren gevallen maar hij is weer op de been" got "Dat begreep ik niet helemaal"; "gaat wel.
wie kan er volgende week boodschappen voor ons doen?" recorded the answer and dropped the request; "wie
ben jij eigenlijk?" at the check-in answered and showed the menu, the check-in gone. The flow dialogues run
without a database; the last tests run the timer through the real engine on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.runtime import Runtime
from storage import care
from tests.community import keys_for, say
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows
from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
)
from tests.test_care import NUMBER, _key, carer, next_checkin, pending

AGAIN = {"internal": "care_checkin", "meta": {"checkin_id": 7, "name": "Jan", "key": "care_again:7"}}
ASKED = {"keys": ["care_checkin"]}
NO_MISS = {"not_says": ["begreep ik niet", "did not quite", "anlayamadım", "nie zrozumiał", "не зовсім"]}


def timer_at(hour: str) -> dict[str, object]:
    return {"effect_has": {"schedule_event": {"kind": "timer", "key": "care_again:7", "at": hour}}}


def dialogue(name: str, lang: str, *turns: tuple[object, dict[str, object]]) -> Dialogue:
    return Dialogue(name, ((CHECKIN, ASKED), *turns), state=menu_state(lang), profile=CARER)


LATER = [
    dialogue(
        "nl: vraag het morgen maar",
        "nl",
        (
            "ik heb even geen tijd, vraag het morgen maar",
            {"keys": ["care_again_tomorrow"], **timer_at("2026-11-24T10:00:00+01:00")},
        ),
    ),
    dialogue(
        "nl: later alone",
        "nl",
        ("later", {"keys": ["care_again_later"], **timer_at("2026-11-23T14:00:00+01:00")}),
    ),
    dialogue("nl: straks", "nl", ("Straks!", {"keys": ["care_again_later"]})),
    dialogue("en: ask me tomorrow", "en", ("ask me tomorrow please", {"keys": ["care_again_tomorrow"]})),
    dialogue("tr: yarın sor", "tr", ("şimdi vaktim yok, yarın sor", {"keys": ["care_again_tomorrow"]})),
    dialogue("pl: nie mam czasu", "pl", ("nie mam teraz czasu", {"keys": ["care_again_later"]})),
    dialogue("uk: завтра", "uk", ("зараз немає часу, запитайте завтра", {"keys": ["care_again_tomorrow"]})),
    dialogue(
        "ar: Darija, tomorrow", "ar", ("ما عنديش الوقت دابا، سولني غدا", {"keys": ["care_again_tomorrow"]})
    ),
    # Asked again when the timer comes, and the answer then counts.
    dialogue(
        "the question comes back and is answered",
        "nl",
        ("vraag het morgen maar", {"keys": ["care_again_tomorrow"]}),
        (AGAIN, ASKED),
        ("gaat wel", {"keys": ["care_thanks_okay"], "effect_has": {"care_answer": {"answer": "okay"}}}),
    ),
    # The check-in stays open: answered before the timer, the timer asks nothing.
    dialogue(
        "answered meanwhile: nothing asked again",
        "nl",
        ("later", {"keys": ["care_again_later"]}),
        ("goed", {"keys": ["care_thanks_good"], "effect_has": {"care_answer": {"answer": "good"}}}),
        (AGAIN, {"not_keys": ["care_checkin"]}),
    ),
    dialogue(
        "a newer check-in came first: the old one is not asked again",
        "nl",
        ("later", {"keys": ["care_again_later"]}),
        ({"internal": "care_checkin", "meta": {"checkin_id": 8, "name": "Jan"}}, ASKED),
        (AGAIN, {"not_keys": ["care_checkin"]}),
    ),
]

ABOUT_THE_QUESTION = [
    dialogue(
        "nl: voortaan om de week",
        "nl",
        (
            "kan je me voortaan om de week vragen?",
            {
                "keys": ["care_registered", "care_checkin"],
                "effect_has": {"care_register": {"rhythm.freq": "biweekly"}},
            },
        ),
        ("goed", {"effect_has": {"care_answer": {"answer": "good"}}}),
    ),
    dialogue(
        "nl: this question on Fridays",
        "nl",
        (
            "kun je me deze vraag voortaan op vrijdag sturen?",
            {
                "keys": ["care_registered", "care_checkin"],
                "effect_has": {"care_register": {"rhythm.weekday": 4}},
            },
        ),
    ),
    dialogue(
        "en: every two weeks from now on",
        "en",
        (
            "could you ask me every two weeks from now on?",
            {"keys": ["care_registered"], "effect_has": {"care_register": {"rhythm.freq": "biweekly"}}},
        ),
    ),
    dialogue(
        "nl: wat is dit voor bericht",
        "nl",
        (
            "wat is dit voor bericht?",
            {"keys": ["care_checkin_explained", "care_checkin"], "says": ["maandag"]},
        ),
    ),
    dialogue(
        "nl: hoe vaak",
        "nl",
        ("hoe vaak krijg ik deze vraag?", {"keys": ["care_checkin_explained", "care_checkin"]}),
    ),
    dialogue(
        "en: why", "en", ("why do i get this message?", {"keys": ["care_checkin_explained", "care_checkin"]})
    ),
    dialogue(
        "pl: jak często", "pl", ("jak często dostanę to pytanie?", {"keys": ["care_checkin_explained"]})
    ),
    dialogue(
        "nl: wie ben jij: the check-in again, not the menu",
        "nl",
        ("wie ben jij eigenlijk?", {"keys": ["faq_who", "care_checkin"], "not_keys": ["menu"]}),
    ),
]

NEWS = [
    dialogue(
        "nl: a fall that ended well",
        "nl",
        (
            "Jan is gisteren gevallen maar hij is weer op de been",
            {"keys": ["care_checkin"], "says": ["Dank je dat je het vertelt"], **NO_MISS},
        ),
        ("gaat wel", {"effect_has": {"care_answer": {"answer": "okay"}}}),
    ),
    dialogue(
        "en: news of the day centre",
        "en",
        (
            "he started at the day centre on tuesday, the first day was long",
            {"keys": ["care_checkin"], **NO_MISS},
        ),
    ),
]

WITH_REQUEST = [
    dialogue(
        "nl: gaat wel and a shopping request",
        "nl",
        (
            "gaat wel. wie kan er volgende week boodschappen voor ons doen?",
            {
                "keys": ["care_ask_intro_kept", "ask_summary"],
                "effect_has": {"care_answer": {"answer": "okay"}},
                "says": ["Boodschappen"],
                "not_says": ["gaat wel."],
            },
        ),
    ),
    dialogue(
        "nl: zwaar and someone to sit with him",
        "nl",
        (
            "zwaar. kan er woensdag iemand bij hem zitten?",
            {
                "keys": ["care_ask_intro_kept"],
                "not_keys": ["care_heavy_offers"],
                "effect_has": {"care_answer": {"answer": "heavy"}},
            },
        ),
    ),
    dialogue(
        "nl: goed and the garden",
        "nl",
        (
            "goed! weet je of er iemand is die onze tuin kan doen?",
            {"keys": ["care_ask_intro_kept"], "effect_has": {"care_answer": {"answer": "good"}}},
        ),
    ),
    dialogue(
        "en: okay and shopping",
        "en",
        (
            "so-so. could someone do our shopping next week?",
            {"keys": ["care_ask_intro_kept"], "effect_has": {"care_answer": {"answer": "okay"}}},
        ),
    ),
]

# What must stay as it was: an answer with a story or a complaint is that answer, nothing more.
UNCHANGED = [
    dialogue(
        "nl: good with a story",
        "nl",
        (
            "goed hoor, hij is deze week naar de dagbesteding geweest",
            {"keys": ["care_thanks_good"], "not_keys": ["ask_summary"]},
        ),
    ),
    dialogue(
        "nl: back pain is no request for odd jobs",
        "nl",
        (
            "Het gaat. Mijn rug doet pijn van het tillen",
            {"keys": ["care_thanks_okay"], "not_keys": ["care_ask_intro_kept"]},
        ),
    ),
    dialogue(
        "nl: a day in the answer is no new rhythm",
        "nl",
        (
            "gaat wel, vrijdag moet hij naar het ziekenhuis",
            {"keys": ["care_thanks_okay"], "no_effect": ["care_register"]},
        ),
    ),
    dialogue(
        "nl: zwaar, nobody helps: the offers",
        "nl",
        ("zwaar, ik heb niemand die helpt", {"keys": ["care_heavy_offers"]}),
    ),
    dialogue(
        "nl: a short unclear word is still not understood",
        "nl",
        ("blauw", {"keys": ["care_checkin"], "says": ["begreep ik niet"]}),
    ),
]


# Session 29: thanks alone is no answer (it was recorded as Goed); thanks with an answer, or thanks to God,
# still answers.
THANKS = [
    dialogue(
        "nl: thanks alone, then the answer",
        "nl",
        (
            "dank je",
            {"keys": ["care_checkin"], "no_effect": ["care_answer"], "not_says": ["begreep ik niet"]},
        ),
        ("gaat wel", {"keys": ["care_thanks_okay"], "effect_has": {"care_answer": {"answer": "okay"}}}),
    ),
    dialogue(
        "en: thanks for asking",
        "en",
        ("thanks for asking", {"keys": ["care_checkin"], "no_effect": ["care_answer"]}),
    ),
    dialogue(
        "nl: fine, thanks",
        "nl",
        ("prima hoor, dank je", {"effect_has": {"care_answer": {"answer": "good"}}}),
    ),
    dialogue("tr: thank God", "tr", ("çok şükür", {"effect_has": {"care_answer": {"answer": "good"}}})),
]


@pytest.mark.parametrize(
    "case", as_params(LATER + ABOUT_THE_QUESTION + NEWS + WITH_REQUEST + UNCHANGED + THANKS)
)
def test_words_at_the_checkin(case: Dialogue) -> None:
    assert_holds(case)


async def test_asked_again_tomorrow_through_the_engine_and_answered(
    runtime: Runtime, clock: FixedClock
) -> None:
    person = await carer(runtime, clock)
    await next_checkin(runtime, clock)
    await say(runtime, NUMBER, "ik heb even geen tijd, vraag het morgen maar", channel="sms")
    assert (await keys_for(runtime, person))[-1] == "care_again_tomorrow"
    clock.now += timedelta(days=1)
    assert await runtime.engine.run_due_events() >= 1
    await runtime.engine.settle()
    asked = await outbox_rows(runtime, *_key("care_checkin"))
    assert len(asked) == 2 and asked[-1].scheduled, "the same question once more, as a scheduled message"
    await say(runtime, NUMBER, "3", channel="sms")
    async with runtime.sessions() as session:
        assert await care.answers(session, person, 5) == ["heavy"]
    assert len(await pending(runtime, care.CHECKIN)) == 1, "the rhythm's own next check-in is untouched"


async def test_answered_before_the_timer_nothing_is_asked_again(runtime: Runtime, clock: FixedClock) -> None:
    person = await carer(runtime, clock)
    await next_checkin(runtime, clock)
    await say(runtime, NUMBER, "later", channel="sms")
    await say(runtime, NUMBER, "goed", channel="sms")
    clock.now += timedelta(hours=4)
    assert await runtime.engine.run_due_events() >= 1
    await runtime.engine.settle()
    assert len(await outbox_rows(runtime, *_key("care_checkin"))) == 1
    async with runtime.sessions() as session:
        assert await care.answers(session, person, 5) == ["good"]
