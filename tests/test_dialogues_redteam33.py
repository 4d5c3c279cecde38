# ruff: noqa: RUF001
"""Red team of whole conversations, round 33: status questions, wishes in words, and left misses.

A resident asking after her request with the kind of help in it; a check-in rhythm asked for by someone who
is no registered carer; a menu number with a hedge at the urgency question, a menu number in a sentence;
round 32's two strict xfails in new words; corrections in the middle (another day, for whom, the wrong
neighbourhood) that must keep what was said. Replayed at the golden clock (Monday 23 November 2026, 10:00
UTC) with round 10's language check, round 19's note check and round 11's draft check.

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (e34e4ab).
- Batch 1 (BATCH_1, 28 dialogues; nl 14, en 3, tr 2, pl 4, uk 3, ar 2; written before reading the flows):
  main 84/106, 10/28. Fixture errors were mended before that score (the where question after "dinsdag",
  the urgency key "this_week"); five messages were reworded after it because other rounds held them word for
  word. One expectation changed by decision (below: the other requests told beside "none of that kind").
  After 105/106, 27/28 (one strict xfail).
- Batch 2 (BATCH_2, 24 dialogues, held out: written before any fix; nl 12, en 3, tr 2, pl 2, uk 2, ar 3):
  before any fix (the honest figure) 57/76, 7/24; after 75/76, 23/24 (one strict xfail).
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What the bot did, and does now (mechanisms; data in blocks marked "round dialogue33"):
- "hoe staat het met mijn aanvraag voor de tuin?", "any news on my shopping request?", "bahçe isteğim ne
  durumda?", "is er nou al iemand voor de hond?" started a new request (formulieren for "aanvraag"); a
  status question that named a kind told every request. Now `intent._own_request_asked_after` (a word of
  news with one's own request: commands.toml [status_question] news/own/request/own_request, no "?"
  needed) and `_kind_status_asked` (already or found, someone, a kind named, no word of asking for help now:
  .asks) read MIJN VRAGEN's status; the phrase test also tries the text with its fillers ("hoe" is one).
  `my_requests.status` tells only the requests of the kind named (`intent.kinds_asked_after` leaves the
  question's own words out first); none of that kind: "Ik zie geen open vraag voor de tuin." and, at the
  menu, "Wil je nu hulp vragen voor tuin?" (a yes begins that request at what is needed).
- "kunt u mij voortaan elke twee weken vragen hoe het gaat" from someone who is no carer was a new request:
  carer.toml [checkins_self] has "voortaan" before how often. Decided: the MANTELZORG registration is the
  kind question ("Voor wie zorg je?"); "nee, het is voor mezelf, ik woon alleen" there
  ([dialogue33_not_a_carer]) tells kindly that these questions are for carers and offers a neighbour who
  comes by or calls (yes: a gezelschap request; care.py step `not_a_carer`, conversation `_goto`).
- "oh sorry, het is voor mijn moeder, niet voor mij" at the time or urgency question was not understood:
  [dialogue33_for_whom] goes where round 12's helper wish goes (`ask._wish`): added to the request's words,
  the open question again; with where she lives said, round 22's place reading stays first.
- "verkeerde wijk, ik woon in de Molenwijk" at the consent question was the consent asked again, and at the
  menu not understood: [dialogue33_wrong_neighbourhood] changes the wijk (onboarding
  `neighbourhood_named`, now shared with own_facts' moves); nothing else is asked again.
- Round 32's "ik ben terug uit Turkije, kan weer" (paused): `conversation._back_and_helping` resumes when a
  paused volunteer is back from somewhere ([dialogue33_back_from]) and a part says RESUME or "kan weer"
  ([dialogue33_can_again]); round 32's strict xfail is lifted.

Decided: "1 maar het hoeft niet" at the urgency question reads today (1 is "Vandaag nog"; the hedge does
not undo the choice), "2, ale nie musi być" this week; "nummer 4 weken later" at the menu is the stop (4 is
"Stoppen"; both held on main). Asked after a kind with none of it open, her other open requests are told
too (round 7 asks it: she may remember the kind of one otherwise).

Known misses (strict xfails): the Ukrainian "не зараз, можливо наступного тижня" keeps no week (an undecided
later carries no words); "1 if possible, but no worries" at the urgency question is not understood.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    INVITE,
    RIA,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
    score,
)
from tests.test_dialogues_redteam10 import first, in_own_language
from tests.test_dialogues_redteam11 import draft_check
from tests.test_dialogues_redteam19 import check as note_check
from tests.test_dialogues_redteam32 import counter, paused, vol

D = Dialogue
MISS = ["not_understood", "*_again"]
# Ria's own open requests: the hedge (open, nobody yet) and the shopping (a neighbour helps).
GARDEN = {
    "id": 12,
    "category": "tuin",
    "description": "heg knippen",
    "when": {"kind": "asap"},
    "status": "open",
}
SHOPPING = {
    "id": 14,
    "category": "boodschappen",
    "description": "melk en brood",
    "when": {"kind": "asap"},
    "status": "matched",
}
SHOPPING_OPEN = {**SHOPPING, "status": "open"}
NOT_A_REQUEST = ["ask_category", "ask_description", "ask_when"]


def check(expect: dict[str, Any], result: Any) -> list[str]:
    """Round 10's (every text in the person's language, nothing asked again), round 19's (the note kept
    with an invitation's answer) and round 11's (the request being asked: `draft`, `draft_says`)."""
    return in_own_language(expect, result) + note_check(expect, result) + draft_check(expect, result)


def L(lang: str) -> dict[str, Any]:
    return menu_state(lang)


def own(lang: str, **expect: Any) -> dict[str, Any]:
    """A turn wholly in `lang`, and no miss."""
    return {"lang": lang, **expect, "not_keys": [*MISS, *expect.get("not_keys", ())]}


def with_requests(*requests: dict[str, Any]) -> dict[str, Any]:
    return {**RIA, "open_requests": list(requests)}


def status(lang: str, key: str, says: list[str], not_says: list[str] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    """How her request of that kind stands: no new request begun."""
    return own(
        lang,
        keys=[key],
        says=says,
        not_says=list(not_says),
        not_keys=NOT_A_REQUEST,
        no_effect=["create_request"],
    )


def none_of_kind(lang: str, *says: str) -> dict[str, Any]:
    """No open request of that kind: said kindly, with the offer to ask for it (nothing begun yet).
    Decided after batch 1's fixes: her other open requests may be told beside it (round 7 asks that)."""
    return own(
        lang,
        keys=["request_status_none_kind", "request_status_ask_kind"],
        says=list(says),
        not_keys=[*NOT_A_REQUEST, "menu"],
        no_effect=["create_request"],
    )


def asked_for(lang: str, category: str) -> dict[str, Any]:
    """A yes to that offer: the request of that kind begins at what is needed."""
    return own(lang, keys=["ask_description"], draft={"category": category})


# The request, step by step (Ria, Molenwijk; Monday 23 November 2026): boodschappen, "melk halen",
# Tuesday; then the urgency question.
TO_URGENCY = (
    ({"command": "menu"}, {}),
    ("1", {"keys": ["ask_category"]}),
    ("1", {"keys": ["ask_description"]}),
    ("melk halen bij de Jumbo", {"keys": ["ask_when"]}),
    ("dinsdag", {"keys": ["ask_where"]}),
    ("1", {"keys": ["ask_urgency"]}),
)
TO_SUMMARY = (*TO_URGENCY, ("3", {"keys": ["ask_visibility"]}), ("1", {"keys": ["ask_summary"]}))


def moved(lang: str, day: str, *keys: str) -> dict[str, Any]:
    """A day corrected: the new day read back, the rest kept."""
    return own(lang, keys=list(keys), says=[day], draft_says={"description": "melk"}, again_ok=True)


BATCH_1 = [
    # Status questions with the kind of help in them
    D(
        "nl: 'hoe staat het met mijn aanvraag voor de tuin?' is the garden's status",
        (
            (
                "hoe staat het met mijn aanvraag voor de tuin?",
                status("nl", "request_status_open", ["heg"], ["melk"]),
            ),
        ),
        profile=with_requests(GARDEN, SHOPPING),
    ),
    D(
        "nl: 'is er al iemand gevonden voor de boodschappen?' is the shopping's status",
        (
            (
                "is er al iemand gevonden voor de boodschappen?",
                status("nl", "request_status_matched", ["melk"], ["heg"]),
            ),
        ),
        profile=with_requests(GARDEN, SHOPPING),
    ),
    D(
        "nl: 'kunt u even navragen hoe het met mijn aanvraag staat' is the status",
        (
            (
                "kunt u even navragen hoe het met mijn aanvraag staat",
                status("nl", "request_status_open", ["heg"]),
            ),
        ),
        profile=with_requests(GARDEN),
    ),
    D(
        "nl: asking after shopping with only the garden open: said so, and offered",
        (
            ("is er al iemand voor mijn boodschappen?", none_of_kind("nl", "boodschappen")),
            ("ja, graag zelfs", asked_for("nl", "boodschappen")),
        ),
        profile=with_requests(GARDEN),
    ),
    D(
        "nl: in the middle of a new request, the garden's status, then the question again",
        (
            ({"command": "menu"}, {}),
            ("1", {"keys": ["ask_category"]}),
            ("1", {"keys": ["ask_description"]}),
            ("melk halen bij de Jumbo", {"keys": ["ask_when"]}),
            (
                "hoe staat het trouwens met mijn vraag voor de tuin?",
                {
                    "keys": ["request_status_open", "ask_when*"],
                    "says": ["heg"],
                    "no_effect": ["create_request"],
                    "draft_says": {"description": "melk"},
                },
            ),
        ),
        profile=with_requests(GARDEN),
    ),
    D(
        "en: 'any news on my shopping request?' is the shopping's status",
        (("any news on my shopping request?", status("en", "request_status_matched", ["melk"], ["heg"])),),
        state=L("en"),
        profile=with_requests(GARDEN, SHOPPING),
    ),
    D(
        "en: no open request at all: 'has anyone been found for my garden yet?' said so, and offered",
        (
            ("has anyone been found for my garden yet?", none_of_kind("en")),
            ("yes please", asked_for("en", "tuin")),
        ),
        state=L("en"),
        profile=with_requests(),
    ),
    D(
        "tr: 'bahçe isteğim ne durumda?' is the garden's status",
        (("bahçe isteğim ne durumda?", status("tr", "request_status_open", ["heg"], ["melk"])),),
        state=L("tr"),
        profile=with_requests(GARDEN, SHOPPING),
    ),
    D(
        "pl: 'czy ktoś już się zgłosił do moich zakupów?' is the shopping's status",
        (
            (
                "czy ktoś już się zgłosił do moich zakupów?",
                status("pl", "request_status_open", ["melk"], ["heg"]),
            ),
        ),
        state=L("pl"),
        profile=with_requests(GARDEN, SHOPPING_OPEN),
    ),
    D(
        "ar: 'هل وجدتم أحدا لطلب التسوق؟' is the shopping's status",
        (("هل وجدتم أحدا لطلب التسوق؟", status("ar", "request_status_matched", ["melk"], ["heg"])),),
        state=L("ar"),
        profile=with_requests(GARDEN, SHOPPING),
    ),
    D(
        "uk: 'є новини щодо мого запиту про покупки?' is the shopping's status",
        (("є новини щодо мого запиту про покупки?", status("uk", "request_status_open", ["melk"], ["heg"])),),
        state=L("uk"),
        profile=with_requests(SHOPPING_OPEN, GARDEN),
    ),
    # A check-in rhythm asked for by someone who is no registered carer
    D(
        "nl: not a carer, 'kunt u mij voortaan elke twee weken vragen hoe het gaat': no request",
        (
            (
                "kunt u mij voortaan elke twee weken vragen hoe het gaat",
                own("nl", not_keys=NOT_A_REQUEST, no_effect=["create_request"]),
            ),
            (
                "nee hoor, het is voor mezelf, ik woon alleen",
                own(
                    "nl",
                    not_keys=[*NOT_A_REQUEST, "care_relation", "care_hours", "care_who"],
                    no_effect=["care_register", "create_request"],
                ),
            ),
        ),
        profile=dict(RIA),
    ),
    D(
        "en: not a carer, 'could you check in on me every other week?': no request",
        (
            (
                "could you check in on me every other week?",
                own("en", not_keys=NOT_A_REQUEST, no_effect=["create_request"]),
            ),
        ),
        state=L("en"),
        profile=dict(RIA),
    ),
    # The urgency question answered with a number and a hedge; a menu number in a sentence
    D(
        "nl: '1 maar het hoeft niet' at the urgency question reads today",
        (
            *TO_URGENCY,
            ("1 maar het hoeft niet", own("nl", keys=["ask_visibility"], draft={"urgency": "today"})),
        ),
    ),
    D(
        "pl: '2, ale nie musi być' at the urgency question reads this week",
        (
            ({"command": "menu"}, {}),
            ("1", {"keys": ["ask_category"]}),
            ("1", {"keys": ["ask_description"]}),
            ("mleko, chleb i masło", {"keys": ["ask_when"]}),
            ("we wtorek", {"keys": ["ask_where"]}),
            ("1", {"keys": ["ask_urgency"]}),
            ("2, ale nie musi być", own("pl", keys=["ask_visibility"], draft={"urgency": "this_week"})),
        ),
        state=L("pl"),
    ),
    D(
        "nl: 'nummer 4 weken later' at the menu is the stop",
        (
            ({"command": "menu"}, {"keys": ["menu"]}),
            ("nummer 4 weken later", own("nl", keys=["stop_confirmed"], effect=["set_stopped"])),
        ),
    ),
    # Round 32's strict xfails, in new words
    D(
        "nl late: paused, 'ik ben terug uit Polen, ik kan weer helpen' resumes",
        (("ik ben terug uit Polen, ik kan weer helpen", own("nl", effect=["resume_offer"])),),
        profile=paused("nl"),
    ),
    D(
        "uk invite: 'не зараз, можливо наступного тижня' keeps the week",
        ((INVITE, {"keys": ["invite"]}), ("не зараз, можливо наступного тижня", counter("uk", "наступного"))),
        state=L("uk"),
        profile=vol("uk"),
        gap="'можливо' (maybe) makes it an undecided later (round 23's rule), and a later answer carries no "
        "words for the resident: the week said is lost",
    ),
    # Repair instead of reset
    D(
        "nl: 'nee wacht, niet dinsdag maar woensdag' at the urgency question moves the day only",
        (
            *TO_URGENCY,
            (
                "nee wacht, niet dinsdag hoor maar woensdag",
                moved("nl", "woensdag 25 november", "ask_urgency"),
            ),
            ("3", {"keys": ["ask_visibility"]}),
            ("1", own("nl", keys=["ask_summary"], says=["melk", "woensdag 25 november"])),
        ),
    ),
    D(
        "nl: 'oh sorry, het is voor mijn moeder, niet voor mij' at the time question keeps the request",
        (
            ({"command": "menu"}, {}),
            ("1", {"keys": ["ask_category"]}),
            ("1", {"keys": ["ask_description"]}),
            ("melk halen bij de Jumbo", {"keys": ["ask_when"]}),
            (
                "oh sorry, het is voor mijn moeder, niet voor mij",
                own(
                    "nl",
                    not_keys=["ask_category", "ask_description"],
                    draft={"category": "boodschappen"},
                    again_ok=True,
                ),
            ),
            ("morgen", {"keys": ["ask_where"]}),
            ("1", {"keys": ["ask_urgency"]}),
            ("3", {"keys": ["ask_visibility"]}),
            ("1", own("nl", keys=["ask_summary"], says=["melk", "moeder"])),
        ),
    ),
    D(
        "nl onboarding: 'verkeerde wijk, ik woon in de Molenwijk' at the consent question corrects the wijk",
        (
            ("hallo", {"restart_ok": True}),
            ("Wim", {"keys": ["ask_neighbourhood"]}),
            ("2", {"keys": ["consent_question"]}),
            (
                "verkeerde wijk, ik woon in de Molenwijk",
                own(
                    "nl", keys=["consent_question"], says=["Molenwijk"], not_keys=["ask_name"], again_ok=True
                ),
            ),
        ),
        state=first(),
        profile={},
    ),
    D(
        "nl menu: 'verkeerde wijk, ik woon in de Molenwijk' changes the wijk only",
        (
            (
                "verkeerde wijk hoor, ik woon in de Molenwijk",
                own(
                    "nl",
                    says=["Molenwijk"],
                    not_keys=NOT_A_REQUEST,
                    effect_has={"update_profile": {"neighbourhood": "molenwijk"}},
                ),
            ),
        ),
        profile={**RIA, "neighbourhood": "bloemhof"},
    ),
    D(
        "nl summary: 'oh wacht, het is niet voor dinsdag maar voor woensdag' reads the summary back changed",
        (
            *TO_SUMMARY,
            (
                "oh wacht, het is niet voor dinsdag maar voor woensdag",
                moved("nl", "woensdag 25 november", "ask_summary"),
            ),
        ),
    ),
    D(
        "en: 'sorry, not Tuesday, I meant Wednesday' at the urgency question",
        (
            ({"command": "menu"}, {}),
            ("1", {"keys": ["ask_category"]}),
            ("1", {"keys": ["ask_description"]}),
            ("milk, bread and jam", {"keys": ["ask_when"]}),
            ("tuesday", {"keys": ["ask_where"]}),
            ("1", {"keys": ["ask_urgency"]}),
            (
                "sorry, not Tuesday, I meant Wednesday",
                own("en", keys=["ask_urgency"], says=["wednesday 25 november"], again_ok=True),
            ),
        ),
        state=L("en"),
    ),
    D(
        "tr: 'pardon, salı değil çarşamba' at the urgency question",
        (
            ({"command": "menu"}, {}),
            ("1", {"keys": ["ask_category"]}),
            ("1", {"keys": ["ask_description"]}),
            ("süt, ekmek ve peynir", {"keys": ["ask_when"]}),
            ("salı", {"keys": ["ask_where"]}),
            ("1", {"keys": ["ask_urgency"]}),
            (
                "pardon, salı değil çarşamba",
                own("tr", keys=["ask_urgency"], says=["25 kasım"], again_ok=True),
            ),
        ),
        state=L("tr"),
    ),
    D(
        "pl: 'przepraszam, to dla mojej mamy, nie dla mnie' at the time question keeps the request",
        (
            ({"command": "menu"}, {}),
            ("1", {"keys": ["ask_category"]}),
            ("1", {"keys": ["ask_description"]}),
            ("mleko, chleb i masło", {"keys": ["ask_when"]}),
            (
                "przepraszam, to dla mojej mamy, nie dla mnie",
                own(
                    "pl",
                    not_keys=["ask_category", "ask_description"],
                    draft={"category": "boodschappen"},
                    again_ok=True,
                ),
            ),
        ),
        state=L("pl"),
    ),
    D(
        "uk: 'ой, не вівторок, а середа' at the urgency question",
        (
            ({"command": "menu"}, {}),
            ("1", {"keys": ["ask_category"]}),
            ("1", {"keys": ["ask_description"]}),
            ("молоко і хліб", {"keys": ["ask_when"]}),
            ("вівторок", {"keys": ["ask_where"]}),
            ("1", {"keys": ["ask_urgency"]}),
            (
                "ой, не вівторок, а середа",
                own("uk", keys=["ask_urgency"], says=["25 листопада"], again_ok=True),
            ),
        ),
        state=L("uk"),
    ),
    D(
        "ar: 'آسف، ليس الثلاثاء بل الأربعاء' at the summary",
        (
            ({"command": "menu"}, {}),
            ("1", {"keys": ["ask_category"]}),
            ("1", {"keys": ["ask_description"]}),
            ("حليب وخبز", {"keys": ["ask_when"]}),
            ("الثلاثاء", {"keys": ["ask_where"]}),
            ("1", {"keys": ["ask_urgency"]}),
            ("3", {"keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"]}),
            ("آسف، ليس الثلاثاء بل الأربعاء", own("ar", keys=["ask_summary"], says=["25"], again_ok=True)),
        ),
        state=L("ar"),
    ),
]

# Batch 2, held out: written before any fix, other people and wordings, the same abilities.
LAMP = {
    "id": 16,
    "category": "klusjes",
    "description": "lamp ophangen",
    "when": {"kind": "asap"},
    "status": "open",
}
DOG = {
    "id": 17,
    "category": "huisdieren",
    "description": "hond uitlaten",
    "when": {"kind": "asap"},
    "status": "matched",
}
RIDE = {
    "id": 18,
    "category": "vervoer",
    "description": "naar het ziekenhuis",
    "when": {"kind": "asap"},
    "status": "open",
}


def to_urgency(lang: str, what: str, day: str) -> tuple[tuple[Any, dict[str, Any]], ...]:
    return (
        ({"command": "menu"}, {}),
        ("1", {"keys": ["ask_category"]}),
        ("1", {"keys": ["ask_description"]}),
        (what, {"keys": ["ask_when"]}),
        (day, {"keys": ["ask_where"]}),
        ("1", {"keys": ["ask_urgency"]}),
    )


def to_summary(lang: str, what: str, day: str) -> tuple[tuple[Any, dict[str, Any]], ...]:
    return (
        *to_urgency(lang, what, day),
        ("3", {"keys": ["ask_visibility"]}),
        ("1", {"keys": ["ask_summary"]}),
    )


BATCH_2 = [
    D(
        "nl: 'weet u al of er iemand komt voor mijn klusje?' is the odd job's status",
        (
            (
                "weet u al of er iemand komt voor mijn klusje?",
                status("nl", "request_status_open", ["lamp"], ["heg"]),
            ),
        ),
        profile=with_requests(GARDEN, LAMP),
    ),
    D(
        "nl: 'is mijn vraag over de hond al opgepakt?' is the dog's status",
        (
            (
                "is mijn vraag over de hond al opgepakt?",
                status("nl", "request_status_matched", ["hond"], ["heg"]),
            ),
        ),
        profile=with_requests(GARDEN, DOG),
    ),
    D(
        "nl: 'hebben jullie al een chauffeur voor mijn ritje naar het ziekenhuis?' is the ride's status",
        (
            (
                "hebben jullie al een chauffeur voor mijn ritje naar het ziekenhuis?",
                status("nl", "request_status_open", ["ziekenhuis"], ["heg"]),
            ),
        ),
        profile=with_requests(GARDEN, RIDE),
    ),
    D(
        "nl: 'is er nou al iemand voor de hond?' with only the garden open: said so, and offered",
        (
            ("is er nou al iemand voor de hond?", none_of_kind("nl")),
            ("ja hoor", asked_for("nl", "huisdieren")),
        ),
        profile=with_requests(GARDEN),
    ),
    D(
        "nl: 'hoe staat het eigenlijk met mijn hulpvraag?' with none open: said so, no request begun",
        (
            (
                "hoe staat het eigenlijk met mijn hulpvraag?",
                own("nl", not_keys=NOT_A_REQUEST, no_effect=["create_request"]),
            ),
        ),
        profile=with_requests(),
    ),
    D(
        "en: 'did anyone pick up my gardening request?' is the garden's status",
        (
            (
                "did anyone pick up my gardening request?",
                status("en", "request_status_open", ["heg"], ["melk"]),
            ),
        ),
        state=L("en"),
        profile=with_requests(GARDEN, SHOPPING),
    ),
    D(
        "en: 'any update on my dog walking request?' with only the garden open: said so, and offered",
        (
            ("any update on my dog walking request?", none_of_kind("en")),
            ("yes", asked_for("en", "huisdieren")),
        ),
        state=L("en"),
        profile=with_requests(GARDEN),
    ),
    D(
        "tr: 'alışveriş için birini buldunuz mu?' is the shopping's status",
        (("alışveriş için birini buldunuz mu?", status("tr", "request_status_matched", ["melk"], ["heg"])),),
        state=L("tr"),
        profile=with_requests(GARDEN, SHOPPING),
    ),
    D(
        "pl: 'co z moją prośbą o pomoc w ogrodzie?' is the garden's status",
        (("co z moją prośbą o pomoc w ogrodzie?", status("pl", "request_status_open", ["heg"], ["melk"])),),
        state=L("pl"),
        profile=with_requests(GARDEN, SHOPPING),
    ),
    D(
        "ar: 'ما أخبار طلبي بخصوص الحديقة؟' is the garden's status",
        (("ما أخبار طلبي بخصوص الحديقة؟", status("ar", "request_status_open", ["heg"], ["melk"])),),
        state=L("ar"),
        profile=with_requests(GARDEN, SHOPPING),
    ),
    D(
        "uk: 'вже когось знайшли для мого саду?' is the garden's status",
        (("вже когось знайшли для мого саду?", status("uk", "request_status_open", ["heg"], ["melk"])),),
        state=L("uk"),
        profile=with_requests(GARDEN, SHOPPING),
    ),
    D(
        "nl: not a carer, 'wilt u mij elke maand vragen hoe het met me gaat?': no request",
        (
            (
                "wilt u mij elke maand vragen hoe het met me gaat?",
                own("nl", not_keys=NOT_A_REQUEST, no_effect=["create_request"]),
            ),
        ),
        profile=dict(RIA),
    ),
    D(
        "tr: not a carer, 'bana her hafta nasıl olduğumu sorar mısınız?': no request",
        (
            (
                "bana her hafta nasıl olduğumu sorar mısınız?",
                own("tr", not_keys=NOT_A_REQUEST, no_effect=["create_request"]),
            ),
        ),
        state=L("tr"),
        profile=dict(RIA),
    ),
    D(
        "nl: '2 maar geen haast hoor' at the urgency question reads this week",
        (
            *to_urgency("nl", "de vuilnisbakken buiten zetten", "donderdag"),
            ("2 maar geen haast hoor", own("nl", keys=["ask_visibility"], draft={"urgency": "this_week"})),
        ),
    ),
    D(
        "en: '1 if possible, but no worries' at the urgency question reads today",
        (
            *to_urgency("en", "a loaf and six eggs", "thursday"),
            ("1 if possible, but no worries", own("en", keys=["ask_visibility"], draft={"urgency": "today"})),
        ),
        state=L("en"),
        gap="a menu number with an English hedge after it ('if possible, but no worries') is not understood "
        "at the urgency question (the Dutch '1 maar het hoeft niet' is); not examined within the time box",
    ),
    D(
        "nl: 'nr 4 graag' at the menu is the stop",
        (
            ({"command": "menu"}, {"keys": ["menu"]}),
            ("nr 4 graag", own("nl", keys=["stop_confirmed"], effect=["set_stopped"])),
        ),
    ),
    D(
        "nl late: paused, 'ben weer thuis uit Marokko, ik kan weer' resumes",
        (("ben weer thuis uit Marokko, ik kan weer", own("nl", effect=["resume_offer"])),),
        profile=paused("nl"),
    ),
    D(
        "nl: 'sorry ik bedoel donderdag, niet dinsdag' at the urgency question moves the day only",
        (
            *to_urgency("nl", "melk halen bij de Lidl", "dinsdag"),
            ("sorry ik bedoel donderdag, niet dinsdag", moved("nl", "donderdag 26 november", "ask_urgency")),
        ),
    ),
    D(
        "nl: 'o nee, het is voor mijn buurvrouw, niet voor mezelf' at the urgency question keeps the request",
        (
            *to_urgency("nl", "melk halen bij de Lidl", "dinsdag"),
            (
                "o nee, het is voor mijn buurvrouw, niet voor mezelf",
                own(
                    "nl",
                    not_keys=["ask_category", "ask_description"],
                    draft={"category": "boodschappen"},
                    again_ok=True,
                ),
            ),
            ("3", {"keys": ["ask_visibility"]}),
            ("1", own("nl", keys=["ask_summary"], says=["melk", "buurvrouw"])),
        ),
    ),
    D(
        "nl menu: 'ik sta in de verkeerde wijk, het moet Bloemhof zijn' changes the wijk only",
        (
            (
                "ik sta in de verkeerde wijk, het moet Bloemhof zijn",
                own(
                    "nl",
                    says=["Bloemhof"],
                    not_keys=NOT_A_REQUEST,
                    effect_has={"update_profile": {"neighbourhood": "bloemhof"}},
                ),
            ),
        ),
        profile=dict(RIA),
    ),
    D(
        "nl onboarding: 'oeps, foute wijk, het is Bloemhof' at the consent question",
        (
            ("goedemorgen", {"restart_ok": True}),
            ("Truus", {"keys": ["ask_neighbourhood"]}),
            ("1", {"keys": ["consent_question"]}),
            (
                "oeps, foute wijk, het is Bloemhof",
                own("nl", keys=["consent_question"], says=["Bloemhof"], not_keys=["ask_name"], again_ok=True),
            ),
        ),
        state=first(),
        profile={},
    ),
    D(
        "uk: 'вибачте, не на вівторок, а на четвер' at the summary",
        (
            *to_summary("uk", "ліки з аптеки", "вівторок"),
            (
                "вибачте, не на вівторок, а на четвер",
                own("uk", keys=["ask_summary"], says=["26 листопада"], again_ok=True),
            ),
        ),
        state=L("uk"),
    ),
    D(
        "pl: 'nie, pomyliłam się, środa a nie wtorek' at the summary",
        (
            *to_summary("pl", "leki z apteki", "wtorek"),
            (
                "nie, pomyliłam się, środa a nie wtorek",
                own("pl", keys=["ask_summary"], says=["25 listopada"], again_ok=True),
            ),
        ),
        state=L("pl"),
    ),
    D(
        "ar: 'عفوا، الطلب لأمي وليس لي' at the time question keeps the request",
        (
            ({"command": "menu"}, {}),
            ("1", {"keys": ["ask_category"]}),
            ("1", {"keys": ["ask_description"]}),
            ("دواء من الصيدلية القريبة", {"keys": ["ask_when"]}),
            (
                "عفوا، الطلب لأمي وليس لي",
                own(
                    "ar",
                    not_keys=["ask_category", "ask_description"],
                    draft={"category": "boodschappen"},
                    again_ok=True,
                ),
            ),
        ),
        state=L("ar"),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    assert repeated_messages(__file__, [*BATCH_1, *BATCH_2]) == []


def figures(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    return score(dialogues, check)
