# ruff: noqa: RUF001
"""Red team of whole conversations, round 22: residents asking for help, read in context.

Whole requests through `flows.conversation.step` at the golden clock (Monday 23 November 2026, 10:00
UTC), mostly in Dutch, some in English, Turkish, Arabic, Polish and Ukrainian, as people write them: the
answer to another question than the one asked, a correction of an earlier answer at a later question, a
second request at the summary, a day named to move the request, a question about who may help, cancelling
with a reason ("laat maar, mijn zoon doet het al"), back the next day ("hallo, hoe zit het met mijn
vraag?"), for a parent elsewhere, voice to text without punctuation. Each must be read in context, the
open question repaired instead of restarted, and the request sent right (`create_request`: what, when,
where, urgency, who may see it). A question asked again as not understood is a miss too (`no_repair`).

Figures (turns as expected / turns, dialogues fully as expected; by language: turns, dialogues). "Main"
is the branch point (34289b4), scored with this file as it stands.
- Batch 1 (BATCH_1, 30 dialogues: nl 24, en 2, tr 1, ar 1, pl 1, uk 1), written before studying the code:
  main 125/155, 11/30 (nl 103/128 9/24; en 7/9 1/2; tr 5/6 0/1; ar 3/4 0/1; pl 1/1 1/1; uk 6/7 0/1).
  Corrected before any fix: a known person's own neighbourhood is where (the where question is not asked).
  After its fixes: 154/155, 29/30 (one strict xfail).
- Batch 2 (BATCH_2, 23 dialogues, held out: nl 14, en 2, tr 2, ar 1, pl 2, uk 2): main 97/116, 6/23;
  before its own fixes (the honest figure) 109/116, 17/23 (nl 62/67 9/14; en 11/11 2/2; tr 8/8 2/2; ar
  6/8 0/1; pl 9/9 2/2; uk 13/13 2/2). First measured as 112/116, 19/23: two expectations of a second
  request at the summary were too weak (they let it be added to the first one's words, which loses it)
  and were made strict before fixing. After: 116/116, 23/23.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What changed (mechanisms):
- A day said as a change at a later question keeps the hour agreed, as for a request already sent
  (flows/ask.py `_time_combined`, `_named_time` through `time_changed`): "kan het ook woensdag?" at the
  summary or the urgency question, "oh wacht, het is niet dinsdag maar donderdag", "toch liever om 11
  uur" (the day kept); Turkish "perşembe değil cuma" is Friday ("değil" before more words, LAST_PART).
- A neighbourhood's name is no kind of help ("nee in de Bloemhof bedoel ik" was the garden, by "bloem";
  flows/categories.py with flows/places.py `name_words`); a place told at a later question after a word
  of place ("het is bij mijn vader in de Akkers") is where (ask.py `_place_told`, places.py `named_in`).
- Another request before this one is sent ("en kan er ook iemand mijn gras maaien?", "and could someone
  also walk my dog?"): kept, this one goes on, the other asked as soon as this one is sent (ask.py
  `_another_request`, texts ask_next_noted, ask_next_start); "en de vuilniszakken naar buiten" (no one
  asked, no time of its own) still goes on with this one.
- "kan het ook iemand uit de Bloemhof zijn?": answered (faq topic nearby; a neighbourhood's name is
  `wijknaam` in its phrases), and the open question again.
- Cancelling with its reason at any question of a request, also without a mark or with words between
  ("laat maar mijn zoon doet het al", "ach laat ook maar mijn dochter komt morgen toch", Polish,
  Ukrainian, Arabic): conversation.py `_cancelled_with_reason`, conversation.toml [round22_cancel_lead],
  [round22_done_otherwise].
- "hallo, hoe zit het met mijn vraag?", "is mijn vraag al verstuurd?", "al iets gehoord over de
  boodschappen?" are MIJN VRAGEN (commands.toml); in the middle of a request with nothing sent: that it is
  not sent yet (ask_not_sent_yet), then the open question.

Known miss (strict xfail): "het is de Albert Heijn niet de Jumbo" at the summary (words of the
description swapped) gets "Wat wil je aanpassen?", a repair, but the new words are not put in.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    RIA,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
    score,
)

D = Dialogue
NEW: dict[str, Any] = {}
MISS = ["not_understood", "*_again"]
SUMMARY = {"keys": ["ask_summary"], "not_keys": [*MISS, "ask_when", "ask_description", "ask_category"]}
ASK_WHEN = {"keys": ["ask_when"], "not_keys": MISS}
ASK_URGENCY = {"keys": ["ask_urgency"], "not_keys": MISS}
ASK_VISIBILITY = {"keys": ["ask_visibility"], "not_keys": MISS}
# Another request said at the summary is neither a miss nor added to this one's words.
NOT_MERGED = [*MISS, "description_added"]
CANCELLED = {"keys": ["ask_cancelled"], "no_effect": ["create_request"], "not_keys": MISS}
BLOEMHOF_RIA = {**RIA, "neighbourhood": "bloemhof"}

# From the menu: ask for help, shopping ("1", "1"), what ("boodschappen bij de Jumbo"), when (Tuesday 10:00).
TUESDAY_10 = "2026-11-24T10:00:00+01:00"
WEDNESDAY_10 = "2026-11-25T10:00:00+01:00"
THURSDAY_10 = "2026-11-26T10:00:00+01:00"


def to_urgency(what: str, when: str) -> tuple[tuple[Any, dict[str, Any]], ...]:
    """From the menu to the urgency question: ask, shopping, `what`, `when` (a known person's own
    neighbourhood is where; the where question is not asked)."""
    return (("1", {}), ("1", {}), (what, ASK_WHEN), (when, ASK_URGENCY))


def to_visibility(what: str, when: str) -> tuple[tuple[Any, dict[str, Any]], ...]:
    return (*to_urgency(what, when), ("maakt me niks uit", ASK_VISIBILITY))


def to_summary(what: str, when: str) -> tuple[tuple[Any, dict[str, Any]], ...]:
    return (*to_visibility(what, when), ("alleen diegene die komt helpen", SUMMARY))


def sent(**items: Any) -> dict[str, Any]:
    """The request created, carrying `items` (dotted paths)."""
    return {"effect": ["create_request"], "effect_has": {"create_request": items}, "not_keys": MISS}


def no_repair(expect: dict[str, Any], result: Any) -> list[str]:
    """A question asked again as not understood ("Dat begreep ik niet helemaal. ...") is a miss too."""
    if expect.get("repair_ok"):
        return []
    leads = [r.lead for r in result.replies if r.lead and r.lead.startswith("repair_")]
    return [f"asked again as not understood ({leads})"] if leads else []


def lang(code: str, **more: Any) -> dict[str, Any]:
    """A turn answered in `code`, plus `more`."""
    return {**more, "state": {**more.get("state", {}), "lang": code}}


# Ria's request out: groceries on Tuesday 24 November at 10:00 (the clock is Monday 23 November, 10:00).
OPEN = {
    "id": 12,
    "category": "boodschappen",
    "description": "boodschappen doen bij de Jumbo",
    "when": {
        "kind": "moment",
        "start": TUESDAY_10,
        "zone": "Europe/Amsterdam",
        "daypart": None,
        "recurrence": None,
    },
    "status": "open",
}
WITH_OPEN = {**RIA, "open_requests": [OPEN]}


BATCH_1 = [
    # --- the known misses --------------------------------------------------------------------------------
    D(
        "visibility: 'kan het ook iemand uit de Bloemhof zijn?' is answered, the place stays",
        (
            *to_visibility("boodschappen bij de Jumbo", "dinsdag 10 uur"),
            ("kan het ook iemand uit de Bloemhof zijn?", ASK_VISIBILITY),
            ("ok dan alleen wie helpt", SUMMARY),
            ("ja", sent(neighbourhood="molenwijk", visibility="helper")),
        ),
    ),
    D(
        "visibility sms: 'mag iemand van de bloemhof ook' no question mark",
        (
            *to_visibility("melk en eieren van de Plus", "dinsdag 10 uur"),
            ("mag iemand van de bloemhof ook helpen", ASK_VISIBILITY),
        ),
    ),
    D(
        "summary: a second request keeps the first and starts the second after",
        (
            *to_summary("boodschappen bij de Jumbo", "dinsdag 10 uur"),
            ("en kan er ook iemand mijn gras maaien?", {"keys": ["ask_summary"], "not_keys": NOT_MERGED}),
            (
                "ja",
                {
                    **sent(category="boodschappen", description="boodschappen bij de Jumbo"),
                    "keys": ["ask_next_start"],
                },
            ),
        ),
    ),
    D(
        "summary: the second request is asked after the first is sent",
        (
            *to_summary("boodschappen bij de Jumbo", "dinsdag 10 uur"),
            ("en kan er ook iemand mijn gras maaien?", {"not_keys": NOT_MERGED}),
            ("verstuur maar", {**sent(category="boodschappen"), "keys": ["ask_when"]}),
            ("zaterdag", ASK_URGENCY),
            ("maakt me niks uit", ASK_VISIBILITY),
            ("alleen diegene die komt helpen", SUMMARY),
            ("ja", sent(category="tuin")),
        ),
    ),
    D(
        "summary: 'kan het ook woensdag?' keeps 10:00",
        (
            *to_summary("boodschappen bij de Jumbo", "dinsdag 10 uur"),
            (
                "kan het ook op woensdag?",
                {"keys": ["ask_summary"], "says": ["woensdag", "10:00"], "not_keys": MISS},
            ),
            ("ja", sent(**{"when.start": WEDNESDAY_10})),
        ),
    ),
    D(
        "urgency: 'kan het ook woensdag?' keeps 10:00 and asks the urgency again",
        (
            *to_urgency("boodschappen bij de Jumbo", "dinsdag 10 uur"),
            (
                "kan het eventueel ook woensdag?",
                {"keys": ["ask_urgency"], "says": ["woensdag", "10:00"], "not_keys": MISS},
            ),
        ),
    ),
    D(
        "visibility: 'of liever woensdag' keeps 10:00",
        (
            *to_visibility("boodschappen bij de Jumbo", "dinsdag 10 uur"),
            (
                "of liever woensdag",
                {"keys": ["ask_visibility"], "says": ["woensdag", "10:00"], "not_keys": MISS},
            ),
        ),
    ),
    # --- corrections of an earlier answer at a later question -------------------------------------------
    D(
        "visibility: 'oh wacht, het is niet dinsdag maar donderdag' keeps 10:00",
        (
            *to_visibility("boodschappen bij de Jumbo", "dinsdag 10 uur"),
            (
                "oh wacht, het is niet dinsdag maar donderdag",
                {"keys": ["ask_visibility"], "says": ["donderdag", "10:00"], "not_keys": MISS},
            ),
            ("alleen diegene die komt helpen", SUMMARY),
            ("ja", sent(**{"when.start": THURSDAY_10})),
        ),
    ),
    D(
        "urgency: 'nee in de Bloemhof bedoel ik' moves the place",
        (
            *to_urgency("boodschappen bij de Jumbo", "dinsdag 10 uur"),
            (
                "nee in de Bloemhof bedoel ik",
                {"keys": ["ask_urgency"], "says": ["Bloemhof"], "not_keys": MISS},
            ),
            ("maakt me niks uit", ASK_VISIBILITY),
            ("alleen diegene die komt helpen", SUMMARY),
            ("ja", sent(neighbourhood="bloemhof")),
        ),
    ),
    D(
        "summary: 'o nee het moet bij de Albert Heijn' changes the description",
        (
            *to_summary("boodschappen bij de Jumbo", "dinsdag 10 uur"),
            (
                "o nee sorry, het is de Albert Heijn niet de Jumbo",
                {"says": ["Albert Heijn"], "not_keys": MISS},
            ),
        ),
        gap="words of the description swapped ('X niet Y') are not read: the summary offers 'Wat wil je"
        " aanpassen?', a repair, but the new shop is not put in; which words X are is not known without a"
        " parse of the sentence",
    ),
    D(
        "visibility: 'toch om 11 uur' moves the hour only",
        (
            *to_visibility("boodschappen bij de Jumbo", "dinsdag 10 uur"),
            (
                "toch liever om 11 uur",
                {"keys": ["ask_visibility"], "says": ["dinsdag", "11:00"], "not_keys": MISS},
            ),
        ),
    ),
    # --- several facts at once, then only the missing asked ---------------------------------------------
    D(
        "first message: what, when and where; only what is missing is asked",
        (
            (
                "Goedemorgen, kan er zaterdagochtend iemand mijn heg knippen? Ik woon in de Bloemhof."
                " Niet dringend hoor",
                {"not_keys": [*MISS, "ask_when", "ask_where", "ask_category", "ask_urgency"]},
            ),
        ),
    ),
    D(
        "first message: what and when; the place of her own neighbourhood",
        (
            ("wie kan er morgenmiddag met mij naar het ziekenhuis", SUMMARY),
            (
                "jazeker graag",
                sent(category="vervoer", neighbourhood="molenwijk", **{"when.kind": "daypart"}),
            ),
        ),
    ),
    # --- a different question answered ------------------------------------------------------------------
    D(
        "when question answered with the place: the place kept, the time asked again",
        (
            ("1", {}),
            ("1", {}),
            ("brood en melk halen bij de Lidl", ASK_WHEN),
            ("bij mij thuis in de Bloemhof", {"keys": ["ask_when*"], "not_keys": ["not_understood"]}),
            ("donderdag 10 uur 's ochtends", {"not_keys": [*MISS, "ask_where"]}),
        ),
    ),
    D(
        "urgency question answered with a time: the time noted, urgency asked again",
        (
            *to_urgency("boodschappen bij de Jumbo", "dinsdag"),
            ("om 10 uur graag", {"keys": ["ask_urgency"], "says": ["10:00"], "not_keys": ["not_understood"]}),
        ),
    ),
    # --- silent, back later -----------------------------------------------------------------------------
    D(
        "back at the urgency question: 'hallo, hoe zit het met mijn vraag?'",
        (
            *to_urgency("boodschappen bij de Jumbo", "dinsdag 10 uur"),
            ("hallo, hoe zit het met mijn vraag?", {"keys": ["ask_urgency"], "not_keys": ["not_understood"]}),
        ),
    ),
    D(
        "a request out: 'hallo, hoe zit het met mijn vraag?' tells its status",
        (("hallo, hoe zit het nou met mijn vraag?", {"keys": ["request_status_open"], "not_keys": MISS}),),
        profile=WITH_OPEN,
    ),
    # --- cancelling -------------------------------------------------------------------------------------
    D(
        "when question: 'laat maar, mijn zoon doet het al'",
        (
            ("1", {}),
            ("1", {}),
            ("boodschappen bij de Jumbo", ASK_WHEN),
            ("laat maar, mijn zoon doet het al", CANCELLED),
        ),
    ),
    D(
        "summary: 'hoeft niet meer mijn buurvrouw gaat al'",
        (
            *to_summary("boodschappen bij de Jumbo", "dinsdag 10 uur"),
            ("hoeft niet meer mijn buurvrouw gaat al", CANCELLED),
        ),
    ),
    D(
        "request out: 'laat maar mijn zoon doet het al' asks which to cancel",
        (
            (
                "laat maar mijn zoon doet het al 👍",
                {"keys": ["cancel_request_question"], "no_effect": ["cancel_request"]},
            ),
            ("ja", {"keys": ["request_cancelled"]}),
        ),
        profile=WITH_OPEN,
    ),
    # --- on behalf of someone ---------------------------------------------------------------------------
    D(
        "for her mother in the Molenwijk: the request is for the Molenwijk",
        (
            (
                "kan er iemand boodschappen doen voor mijn moeder, ze woont in de Molenwijk",
                {"not_keys": [*MISS, "ask_where", "ask_category"]},
            ),
        ),
        profile=BLOEMHOF_RIA,
    ),
    D(
        "at the urgency question: 'voor mijn moeder, ze woont in de Molenwijk'",
        (
            ("1", {}),
            ("1", {}),
            ("boodschappen voor mijn moeder", ASK_WHEN),
            ("vrijdag", ASK_URGENCY),
            (
                "o ja het is voor mijn moeder, ze woont in de Molenwijk",
                {**ASK_URGENCY, "says": ["Molenwijk"]},
            ),
            ("deze week", ASK_VISIBILITY),
            ("ook het buurtteam", SUMMARY),
            ("ja", sent(neighbourhood="molenwijk", visibility="helper_and_staff")),
        ),
        profile=BLOEMHOF_RIA,
    ),
    # --- voice to text ----------------------------------------------------------------------------------
    D(
        "voice to text, no punctuation: shopping on Thursday",
        (
            (
                "hallo ik wilde even vragen of er iemand is die mij donderdag kan helpen met de"
                " boodschappen want ik kan zelf niet zo goed lopen op het moment",
                {"not_keys": [*MISS, "ask_category", "ask_when"]},
            ),
        ),
    ),
    D(
        "voice to text: correction spoken inside the answer",
        (
            ("1", {}),
            ("1", {}),
            ("boodschappen bij de Jumbo", ASK_WHEN),
            (
                "dinsdag om 10 uur nee wacht woensdag om 10 uur",
                {"says": ["woensdag", "10:00"], "not_keys": MISS},
            ),
        ),
    ),
    # --- other languages --------------------------------------------------------------------------------
    D(
        "en: a shelf this weekend in Bloemhof",
        (
            (
                "hi could someone help me put up a shelf this weekend? i live in bloemhof",
                lang("en", not_keys=[*MISS, "ask_category", "ask_when", "ask_where"]),
            ),
        ),
        state=menu_state("en"),
    ),
    D(
        "en summary: 'and could someone also walk my dog?' keeps the first",
        (
            ("1", {}),
            ("1", {}),
            ("milk and bread from the Jumbo", lang("en", **ASK_WHEN)),
            ("tuesday at 10am please", lang("en", **ASK_URGENCY)),
            ("doesn't matter", lang("en", **ASK_VISIBILITY)),
            ("only the helper", lang("en", **SUMMARY)),
            ("and could someone also walk my dog?", lang("en", keys=["ask_summary"], not_keys=NOT_MERGED)),
            (
                "yes please send it",
                lang(
                    "en",
                    **sent(category="boodschappen", description="milk and bread from the Jumbo"),
                    keys=["ask_next_start"],
                ),
            ),
        ),
        state=menu_state("en"),
    ),
    D(
        "tr visibility: 'perşembe değil cuma' keeps the hour",
        (
            ("1", {}),
            ("1", {}),
            ("ekmek ve peynir", lang("tr", **ASK_WHEN)),
            ("perşembe saat 10", lang("tr", **ASK_URGENCY)),
            ("fark etmez", lang("tr", **ASK_VISIBILITY)),
            (
                "pardon perşembe değil cuma",
                lang("tr", keys=["ask_visibility"], says=["10:00"], not_keys=MISS),
            ),
        ),
        state=menu_state("tr"),
    ),
    D(
        "ar when: 'no need, my son will do it' cancels",
        (
            ("1", {}),
            ("1", {}),
            ("خبز وحليب", lang("ar", **ASK_WHEN)),
            ("خلاص ما في داعي، ابني رح يساعدني", lang("ar", **CANCELLED)),
        ),
        state=menu_state("ar"),
    ),
    D(
        "pl: for my mother, she lives in the Molenwijk",
        (
            (
                "czy ktoś może zrobić zakupy dla mojej mamy w piątek? mieszka w Molenwijk",
                lang("pl", not_keys=[*MISS, "ask_category", "ask_where"]),
            ),
        ),
        state=menu_state("pl"),
        profile=BLOEMHOF_RIA,
    ),
    D(
        "uk summary: 'а можна в середу?' keeps 10:00",
        (
            ("1", {}),
            ("1", {}),
            ("хліб, молоко і сир", lang("uk", **ASK_WHEN)),
            ("у вівторок о 10", lang("uk", **ASK_URGENCY)),
            ("неважливо", lang("uk", **ASK_VISIBILITY)),
            ("тільки хто допомагає", lang("uk", **SUMMARY)),
            ("а можна в середу?", lang("uk", keys=["ask_summary"], says=["10:00"], not_keys=MISS)),
        ),
        state=menu_state("uk"),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, no_repair)


# Batch 2, held out: written after batch 1's fixes, other people and wordings, scored before its own fixes.
BATCH_2 = [
    D(
        "visibility: 'mag het ook iemand uit een andere wijk zijn'",
        (
            *to_visibility("wc-rol en koffie van de Aldi", "woensdagmiddag"),
            ("mag het ook iemand uit een andere wijk zijn", ASK_VISIBILITY),
        ),
    ),
    D(
        "summary: 'oja en mijn kat moet ook gevoerd worden volgende week'",
        (
            *to_summary("een pak melk en aardappels", "vrijdag om 2 uur"),
            (
                "oja en mijn kat moet ook gevoerd worden volgende week",
                {"keys": ["ask_summary"], "not_keys": NOT_MERGED},
            ),
            (
                "1",
                {
                    **sent(category="boodschappen", description="een pak melk en aardappels"),
                    "keys": ["ask_next_start"],
                    "not_keys": ["ask_category"],
                },
            ),
        ),
    ),
    D(
        "summary: 'kan het ook donderdag' keeps 14:00, then sent on Thursday",
        (
            *to_summary("een pak melk en aardappels", "vrijdag om 2 uur"),
            (
                "kan het ook donderdag",
                {"keys": ["ask_summary"], "says": ["donderdag", "14:00"], "not_keys": MISS},
            ),
            ("ja is goed", sent(**{"when.start": "2026-11-26T14:00:00+01:00"})),
        ),
    ),
    D(
        "urgency: 'ik bedoel zaterdag, niet vrijdag' keeps 14:00",
        (
            *to_urgency("een pak melk en aardappels", "vrijdag om 2 uur"),
            ("ik bedoel zaterdag, niet vrijdag", {"keys": ["ask_urgency"], "says": ["zaterdag", "14:00"]}),
        ),
    ),
    D(
        "visibility: 'het is trouwens in de Oude Haven bij mijn zus'",
        (
            *to_visibility("gordijnen ophangen", "zaterdag"),
            (
                "het is trouwens in de Oude Haven bij mijn zus",
                {"keys": ["ask_visibility"], "says": ["Oude Haven"]},
            ),
            ("ook het buurtteam", SUMMARY),
            ("klopt", sent(neighbourhood="oude_haven", visibility="helper_and_staff")),
        ),
    ),
    D(
        "first message with what, when, urgency: only who may see it asked or read back",
        (
            (
                "ik zoek iemand die morgenochtend mijn vuilnis kan buitenzetten, het is best dringend",
                {"not_keys": [*MISS, "ask_when", "ask_category", "ask_urgency"]},
            ),
        ),
    ),
    D(
        "urgency answered with the place: the place kept, urgency asked again",
        (
            *to_urgency("een pak melk en aardappels", "vrijdag om 2 uur"),
            ("het is bij mijn vader in de Akkers", {"keys": ["ask_urgency"], "says": ["Akkers"]}),
        ),
    ),
    D(
        "back at the visibility question: 'goedemorgen, is mijn vraag al verstuurd?'",
        (
            *to_visibility("een pak melk en aardappels", "vrijdag om 2 uur"),
            ("goedemorgen, is mijn vraag al verstuurd?", {"keys": ["ask_visibility"]}),
        ),
    ),
    D(
        "back at the menu with a request out: 'hoi, al iets gehoord over de boodschappen?'",
        (
            (
                "hoi, al iets gehoord over de boodschappen?",
                {"keys": ["request_status_open"], "not_keys": MISS},
            ),
        ),
        profile=WITH_OPEN,
    ),
    D(
        "summary: 'nee hoeft toch niet meer, buurman heeft het al gedaan'",
        (
            *to_summary("een pak melk en aardappels", "vrijdag om 2 uur"),
            ("nee hoeft toch niet meer, buurman heeft het al gedaan", CANCELLED),
        ),
    ),
    D(
        "urgency: 'ach laat ook maar mijn dochter komt morgen toch' cancels",
        (
            *to_urgency("een pak melk en aardappels", "vrijdag om 2 uur"),
            ("ach laat ook maar mijn dochter komt morgen toch", CANCELLED),
        ),
    ),
    D(
        "for her father, who lives in the Oude Haven",
        (
            (
                "mijn vader woont in de oude haven en heeft hulp nodig met zijn tuin, kan iemand zaterdag?",
                {"not_keys": [*MISS, "ask_where", "ask_category"]},
            ),
            ("ja prima", sent(neighbourhood="oude_haven", category="tuin")),
        ),
    ),
    D(
        "voice to text: a long request with a correction inside, no punctuation",
        (
            (
                "ja hallo met mevrouw Jansen ik zou graag iemand willen die woensdag met mij naar de"
                " tandarts gaat nee dinsdag bedoel ik om half 11",
                {"not_keys": [*MISS, "ask_category", "ask_when"], "says": ["dinsdag", "10:30"]},
            ),
        ),
    ),
    D(
        "voice to text at the when question: 'volgende week maandag rond een uur of 3'",
        (
            ("1", {}),
            ("1", {}),
            ("boodschappen bij de Jumbo en de drogist", ASK_WHEN),
            ("volgende week maandag rond een uur of 3", {"says": ["30 november", "15:00"], "not_keys": MISS}),
        ),
    ),
    D(
        "en: 'actually not tuesday, thursday' at the visibility question",
        (
            ("1", {}),
            ("1", {}),
            ("bread and some fruit", lang("en", **ASK_WHEN)),
            ("tuesday 11am", lang("en", **ASK_URGENCY)),
            ("this week", lang("en", **ASK_VISIBILITY)),
            ("oh wait actually not tuesday, thursday", lang("en", keys=["ask_visibility"], says=["11:00"])),
        ),
        state=menu_state("en"),
    ),
    D(
        "en: 'never mind, my neighbour is doing it' at the urgency question",
        (
            ("1", {}),
            ("1", {}),
            ("bread and some fruit", lang("en", **ASK_WHEN)),
            ("tuesday 11am", lang("en", **ASK_URGENCY)),
            ("never mind, my neighbour is doing it", lang("en", **CANCELLED)),
        ),
        state=menu_state("en"),
    ),
    D(
        "tr: for my mother, she lives in the Bloemhof",
        (
            (
                "annem için cuma günü market alışverişi yapacak biri lazım, Bloemhof'ta oturuyor",
                lang("tr", not_keys=[*MISS, "ask_category"]),
            ),
        ),
        state=menu_state("tr"),
    ),
    D(
        "tr summary: 'çarşamba da olur mu?' keeps 10:00",
        (
            ("1", {}),
            ("1", {}),
            ("süt ve ekmek", lang("tr", **ASK_WHEN)),
            ("salı günü saat 10", lang("tr", **ASK_URGENCY)),
            ("fark etmez", lang("tr", **ASK_VISIBILITY)),
            ("sadece yardım edecek kişi", lang("tr", **SUMMARY)),
            ("çarşamba da olur mu?", lang("tr", keys=["ask_summary"], says=["10:00"], not_keys=MISS)),
        ),
        state=menu_state("tr"),
    ),
    D(
        "ar: a second request at the summary, the first sent",
        (
            ("1", {}),
            ("1", {}),
            ("خبز وحليب", lang("ar", **ASK_WHEN)),
            ("الثلاثاء الساعة 10", lang("ar", **ASK_URGENCY)),
            ("لا يهم", lang("ar", **ASK_VISIBILITY)),
            ("فقط من يساعد", lang("ar", **SUMMARY)),
            ("وممكن كمان حد يساعدني في الحديقة؟", lang("ar", keys=["ask_summary"], not_keys=NOT_MERGED)),
            (
                "نعم",
                lang("ar", **sent(category="boodschappen", description="خبز وحليب"), keys=["ask_next_start"]),
            ),
        ),
        state=menu_state("ar"),
    ),
    D(
        "pl: 'nie wtorek tylko środa' at the urgency question keeps 10:00",
        (
            ("1", {}),
            ("1", {}),
            ("chleb, mleko i masło", lang("pl", **ASK_WHEN)),
            ("wtorek o 10", lang("pl", **ASK_URGENCY)),
            (
                "przepraszam, jednak nie wtorek tylko środa",
                lang("pl", keys=["ask_urgency"], says=["10:00"], not_keys=MISS),
            ),
        ),
        state=menu_state("pl"),
    ),
    D(
        "pl: 'już nie trzeba, sąsiadka mi pomoże' cancels",
        (
            ("1", {}),
            ("1", {}),
            ("chleb, mleko i masło", lang("pl", **ASK_WHEN)),
            ("już nie trzeba, sąsiadka mi pomoże", lang("pl", **CANCELLED)),
        ),
        state=menu_state("pl"),
    ),
    D(
        "uk: 'а може хтось із Bloemhof?' at the visibility question",
        (
            ("1", {}),
            ("1", {}),
            ("хліб і яйця", lang("uk", **ASK_WHEN)),
            ("у четвер о 10 ранку", lang("uk", **ASK_URGENCY)),
            ("неважливо", lang("uk", **ASK_VISIBILITY)),
            ("а чи може це бути хтось із Bloemhof?", lang("uk", keys=["ask_visibility"], not_keys=MISS)),
        ),
        state=menu_state("uk"),
    ),
    D(
        "uk: 'вже не треба, син допоможе' at the summary cancels",
        (
            ("1", {}),
            ("1", {}),
            ("хліб і яйця", lang("uk", **ASK_WHEN)),
            ("у четвер о 10 ранку", lang("uk", **ASK_URGENCY)),
            ("неважливо", lang("uk", **ASK_VISIBILITY)),
            ("тільки той хто допомагає", lang("uk", **SUMMARY)),
            ("вже не треба, син допоможе", lang("uk", **CANCELLED)),
        ),
        state=menu_state("uk"),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, no_repair)


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    assert repeated_messages(__file__, [*BATCH_1, *BATCH_2]) == []


def figures(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    return score(dialogues, no_repair)
