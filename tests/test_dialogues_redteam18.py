# ruff: noqa: RUF001, RUF002
"""Red team of whole conversations, round 18: life events told in a few words.

People tell the bot what happened in their lives and expect what it does for them to change: a
volunteer's holiday ("ik ben twee weken op vakantie"), a carer's own hospital stay or operation, the one
cared for admitted to a nursing home, better again or needing more care, a baby, a new job with less
time, a move (here or out of the municipality), a new number or app, being ill or away on the day of a
meeting. Replayed at the golden clock (Monday 23 November 2026, 10:00 UTC).

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (94ea792).
- Batch 1 (BATCH_1, 31 dialogues; nl 26, en 1, tr 1, pl 1, uk 1, ar 1), measured on main before any
  fix: 12/44, 6/31. After its fixes 44/44, 31/31.
- Batch 2 (BATCH_2, 24 dialogues, held out: written after batch 1's fixes, not looked at while fixing;
  nl 21, en 1, pl 1, tr 1): main 9/29, 4/24; before its own fixes (the honest figure) 22/29, 17/24;
  after 28/29, 23/24. Its misses: being away until a date without a word for away ("ik ben van 1 t/m
  20 december in Turkije"), "ff een maandje weg", "ben griepig" / "lig met griep op bed", "onze dochter
  is geboren!", and Turkish and Polish phrases written without ı and ł (the folding keeps those letters).
- Guards (GUARDS, 7 dialogues, written after batch 2's fixes): main 6/10, 5/7 (the two about a no to
  the pause question, which main never asks); after 10/10, 7/7.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What the bot did before: "Dat begreep ik niet" for nearly all of it; "ik ga verhuizen naar Zwolle" and
"ik heb nu whatsapp" started a help request (klusjes, computer); "ik ben er morgen niet" was only passed
on to the neighbour; at an invitation "ik ben twee weken op vakantie" was a no, and the next invitation
came the next day.

What changed (mechanisms; the words are data in flows/understanding/data/life.toml, the decisions in
flows/life_events.py, hooked at the plain menu and at a check-in in conversation.py `_on_menu`):
- Away, ill, a baby: a volunteer's invitations paused until the end said ("tot vrijdag", "t/m 20
  december", "twee weken", "een maandje"; `until_said` never takes a start, "volgende week geopereerd",
  for an end), else how long is asked with "Niets veranderen" beside the lengths; a carer's check-ins
  the same (`care.paused_result`, the care flow's pause step); an open request pointed to (MIJN
  VRAGEN); nothing to change said so. Being somewhere until a date in the first person ("ik ben ... t/m
  20 december") is an absence too. An invitation answered no with such words: the no and the pause.
- The one cared for admitted (verpleeghuis, ziekenhuis, logeeropvang): the registration shown to ask
  less often or stop, the team told (normal priority); from someone who is no registered carer, the
  offers of help. Better: the registration ("minder vaak vragen?"); not when it is said of oneself
  ("het gaat weer beter met me"). More care: the offers of help (a neighbour, respite care, a call).
- Less time ("nieuwe baan", "minder tijd"): the offer's weekly limit from the count said, read back in
  the offer's summary to confirm; "per maand" is once a week (the lowest there is), said honestly; no
  count: how often is asked.
- Moving still to come: to a neighbourhood here, what to send once moved; to a place that is none of
  ours, that Voordeur is only in the municipality and STOP or VERWIJDER MIJ after the move; a street or
  an unknown "-buurt", or no place: the new postcode after the move. A move already made stays
  flows/own_facts.py's (round 12: "de Bloemenbuurt" is asked, not taken for another town).
- A new number or app: KOPPEL's code made at once (`create_link_code`), led by what it is for; a first
  message from an unknown address that says so hears, after the welcome, how to link the old account.
- In a thread: "ik ben er morgen niet", "I'm sick today" (meetings.cannot_come) ask to move or cancel
  the meeting on the day the words name, before the end they say, or within two days when ill without a
  day; "ik ben er vrijdag niet" leaves Tuesday's meeting alone. An ill or absent volunteer also gets
  "Iemand anders zoeken": the existing `meet_rematch` (thread ended, the request back to matching).
- Not news: a request in the same words ("kan iemand ...", or a kind of help the menu reads with
  confidence) goes first; a wish ("ik zou graag op vakantie"); "ik ben er niet zeker van".

Known misses: none left of the crisis: "ik lig in het ziekenhuis, ik heb pillen geslikt" (a strict xfail
until round crisis19) now gets the safety check about pills (flows/crisis_check.py). Not covered: a volunteer
in a thread who tells of a holiday gets the meeting question but no pause of invitations; a date range's
start ("van 1 t/m 20 december") is not kept, the pause begins now.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    CRISIS,
    INVITE,
    RIA,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
)
from tests.test_dialogues_redteam5 import AGREED, OFFER, VOLUNTEER, VOLUNTEER_MEETING

D = Dialogue
MISS = ["not_understood", "*_again"]
VOL = {"first_name": "Henk", "neighbourhood": "molenwijk", "consented": True, "offer": OFFER}
# Henk in a thread with Ans, their meeting today at 14:00 (the meeting as the volunteer sees it).
VAGREED = {"internal": "meet_agreed", "meta": {"meeting": VOLUNTEER_MEETING}}
RIA_THREAD = {
    **RIA,
    "threads": [{"id": 3, "other_name": "Henk", "category": "boodschappen", "status": "open"}],
}
REQUEST = {
    "id": 5,
    "category": "boodschappen",
    "description": "boodschappen doen",
    "when": {"kind": "asap"},
    "status": "open",
}
WITH_REQUEST = {**RIA, "open_requests": [REQUEST]}
NEW: dict[str, Any] = {}
PAUSED_OFFER = {"effect": ["pause_offer"], "keys": ["offer_paused"], "not_keys": MISS}
PAUSED_CARE = {"effect": ["care_pause"], "keys": ["care_paused"], "not_keys": MISS}
ASKS_OFFER_PAUSE = {"keys": ["life_offer_pause"], "not_keys": MISS, "no_effect": ["pause_offer"]}
ASKS_CARE_PAUSE = {"keys": ["life_care_pause"], "not_keys": MISS, "no_effect": ["care_pause"]}
NO_LIFE = ["life_*", "offer_paused", "care_paused"]

BATCH_1 = [
    D(
        "carer in hospital until Friday: the check-ins paused until then",
        (("ik lig in het ziekenhuis tot vrijdag", PAUSED_CARE),),
        profile=CARER,
    ),
    D(
        "carer operated next week: how long to pause is asked (next week is no end), then '2 weken'",
        (
            ("ik word volgende week geopereerd aan mijn heup", ASKS_CARE_PAUSE),
            ("2 weken", PAUSED_CARE),
        ),
        profile=CARER,
    ),
    D(
        "carer: 'mijn man is opgenomen in het verpleeghuis': the registration to ask less or stop, team told",
        (
            (
                "mijn man is opgenomen in het verpleeghuis",
                {
                    "keys": ["care_status"],
                    "says": ["opgenomen"],
                    "not_keys": MISS,
                    "effect_has": {"alert_staff": {"kind": "care_admitted"}},
                },
            ),
            # Changed in round dialogue35: the news' lead already asked "minder vaak, of stoppen?": Stoppen
            # ends the check-ins at once (MANTELZORG starts them again), not "Wil je stoppen?" again.
            ("3", {"keys": ["care_ended"], "effect": ["care_stop"]}),
        ),
        profile=CARER,
    ),
    D(
        "at the check-in: 'hij is gisteren opgenomen in het verpleeghuis' is news, not a miss",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            ("hij is gisteren opgenomen in het verpleeghuis", {"keys": ["care_status"], "not_keys": MISS}),
        ),
        profile=CARER,
    ),
    D(
        "volunteer: 'ik ben twee weken op vakantie' pauses the invitations two weeks",
        (("ik ben twee weken op vakantie", {**PAUSED_OFFER, "says": ["7 december"]}),),
        profile=VOL,
    ),
    D(
        "volunteer, SMS style: 'ben vanaf morgen 3 weken op vakantie naar spanje'",
        (("ben vanaf morgen 3 weken op vakantie naar spanje", PAUSED_OFFER),),
        profile=VOL,
    ),
    D(
        "volunteer: 'we gaan op vakantie' without a length: how long, then 'tot 14 december'",
        (
            ("we gaan op vakantie!", ASKS_OFFER_PAUSE),
            ("tot 14 december", {**PAUSED_OFFER, "says": ["14 december"]}),
        ),
        profile=VOL,
    ),
    D(
        "volunteer: on holiday without a length, 'niets veranderen' keeps the offer as it is",
        (
            ("ik ga op reis", ASKS_OFFER_PAUSE),
            ("4", {"keys": ["offer_kept"], "no_effect": ["pause_offer"]}),
        ),
        profile=VOL,
    ),
    D(
        "invitation answered 'nee sorry ik ben op vakantie tot 10 december': no, and the pause till then",
        (
            (INVITE, {"keys": ["invite"]}),
            (
                "nee sorry ik ben op vakantie tot 10 december",
                {"effect_has": {"answer_invitation": {"answer": "no"}}, "effect": ["pause_offer"]},
            ),
        ),
        profile=VOL,
    ),
    D(
        "resident in a thread: 'ik ben er morgen niet' (the meeting is tomorrow): move or cancel it",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            ("ik ben er morgen niet", {"effect": ["relay"], "keys": ["meet_cannot_come"]}),
            ("2", {"effect": ["meet_cancel"]}),
        ),
        profile=RIA_THREAD,
    ),
    D(
        "look-alike: 'ik ben er vrijdag niet' while the meeting is on Tuesday: only passed on",
        (
            (AGREED, {}),
            ("ik ben er vrijdag niet hoor", {"effect": ["relay"], "not_keys": ["meet_cannot_come"]}),
        ),
        profile=RIA_THREAD,
    ),
    D(
        "volunteer ill on the day: passed on, move, cancel or someone else; 'iemand anders' rematches",
        (
            (VAGREED, {}),
            (
                "sorry Ans ik ben ziek vandaag 🤒",
                {"effect": ["relay"], "keys": ["meet_cannot_come"], "says": ["Iemand anders zoeken"]},
            ),
            ("3", {"effect": ["meet_rematch"], "keys": ["meet_stopped_helping"]}),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "moving out of the municipality: 'ik ga verhuizen naar Zwolle' is no request for help",
        (("ik ga verhuizen naar Zwolle", {"keys": ["life_moving_away"], "not_keys": ["ask_*", *MISS]}),),
        profile=RIA,
    ),
    D(
        "guard: 'ik woon nu in de Bloemhof' changes the neighbourhood (round 12)",
        (("ik woon nu in de Bloemhof", {"effect": ["update_profile"], "keys": ["neighbourhood_changed"]}),),
        profile=RIA,
    ),
    D(
        "moving within: 'we gaan verhuizen naar de akkers': what to send once moved, nothing changed yet",
        (
            (
                "we gaan verhuizen naar de akkers",
                {"keys": ["life_moving_here"], "no_effect": ["update_profile"], "not_keys": ["ask_*"]},
            ),
        ),
        profile=RIA,
    ),
    D(
        "'dit is mijn nieuwe nummer' from a known person: a link code is made",
        (("dit is mijn nieuwe nummer", {"effect": ["create_link_code"], "not_keys": MISS}),),
        profile=RIA,
    ),
    D(
        "'ik heb nu ook whatsapp': a link code, not a computer question",
        (("ik heb nu ook whatsapp", {"effect": ["create_link_code"], "not_keys": ["ask_*", *MISS]}),),
        profile=RIA,
    ),
    D(
        "a first message 'hallo dit is mijn nieuwe nummer': welcome, and how to link the old account",
        (
            (
                "hallo dit is mijn nieuwe nummer",
                {"keys": ["welcome", "life_link_newcomer"], "restart_ok": True},
            ),
        ),
        state=NEW,
        profile=NEW,
    ),
    D(
        "volunteer: 'ik heb minder tijd nu, maximaal 1 keer per maand': once a week (the lowest), confirmed",
        (
            (
                "ik heb minder tijd nu, maximaal 1 keer per maand",
                {"keys": ["offer_summary"], "says": ["1 keer per week"], "not_keys": MISS},
            ),
            ("ja", {"effect_has": {"save_offer": {"weekly_limit": 1}}}),
        ),
        profile=VOL,
    ),
    D(
        "carer: 'hij gaat hard achteruit, heeft veel meer zorg nodig': the offers of help; 'bel me maar'",
        (
            (
                "mijn man gaat hard achteruit hij heeft veel meer zorg nodig",
                {"keys": ["life_more_care_offers"]},
            ),
            ("bel me maar", {"keys": ["care_callback_ok"], "effect": ["alert_staff"]}),
        ),
        profile=CARER,
    ),
    D(
        "carer: 'jan is weer thuis en het gaat veel beter': ask less often? (the registration)",
        (("jan is weer thuis en het gaat veel beter", {"keys": ["care_status"], "says": ["beter"]}),),
        profile=CARER,
    ),
    D(
        "en volunteer: 'I'm on holiday for two weeks'",
        (("I'm on holiday for two weeks", PAUSED_OFFER),),
        state=menu_state("en"),
        profile=VOL,
    ),
    D(
        # Round dialogue29: the Turkish count is read now, so two weeks, as "ik ben twee weken op vakantie".
        "tr volunteer: 'iki hafta tatildeyim' pauses the invitations two weeks",
        (("iki hafta tatildeyim", PAUSED_OFFER),),
        state=menu_state("tr"),
        profile=VOL,
    ),
    D(
        "pl carer: 'jestem w szpitalu do piątku': the check-ins' pause asked",
        (("jestem w szpitalu do piątku", ASKS_CARE_PAUSE),),
        state=menu_state("pl"),
        profile=CARER,
    ),
    D(
        "uk volunteer: 'я захворіла, не зможу допомагати цього тижня': get well, a pause asked",
        (("я захворіла, не зможу допомагати цього тижня", {"keys": ["life_ill_heard", "life_offer_pause"]}),),
        state=menu_state("uk"),
        profile=VOL,
    ),
    D(
        "ar carer: 'أنا في المستشفى': the check-ins' pause asked",
        (("أنا في المستشفى", ASKS_CARE_PAUSE),),
        state=menu_state("ar"),
        profile=CARER,
    ),
    D(
        "look-alike: the neighbour's holiday with a request: the request, no pause",
        (
            (
                "mijn buurvrouw gaat op vakantie, kan iemand haar planten water geven?",
                {"keys": ["ask_*"], "not_keys": NO_LIFE},
            ),
        ),
        profile=VOL,
    ),
    D(
        "look-alike: 'ik zou graag een keer op vakantie gaan' is a wish",
        (("ik zou graag een keer op vakantie gaan", {"not_keys": NO_LIFE, "no_effect": ["pause_offer"]}),),
        profile=VOL,
    ),
    D(
        "look-alike: 'ik ben er niet zeker van' is no absence",
        (("ik ben er niet zeker van", {"not_keys": NO_LIFE, "no_effect": ["pause_offer"]}),),
        profile=VOL,
    ),
    D(
        "crisis first: 'mijn man ligt in het ziekenhuis en ik wil niet meer leven'",
        (("mijn man ligt in het ziekenhuis en ik wil niet meer leven", CRISIS),),
        profile=CARER,
    ),
    D(
        "resident with a request out, in hospital till Friday: the request pointed to",
        (("ik lig in het ziekenhuis tot vrijdag", {"keys": ["life_requests_note"], "not_keys": MISS}),),
        profile=WITH_REQUEST,
    ),
]

BATCH_2 = [
    D(
        "carer SMS: 'moet maandag het ziekenhuis in voor mn knie ben een week weg'",
        (("moet maandag het ziekenhuis in voor mn knie ben een week weg", PAUSED_CARE),),
        profile=CARER,
    ),
    D(
        "carer: 'Jan gaat volgende week naar de logeeropvang' (respite stay): the registration",
        (("Jan gaat volgende week naar de logeeropvang", {"keys": ["care_status"], "not_keys": MISS}),),
        profile=CARER,
    ),
    D(
        "carer at the check-in: 'hij ligt sinds zondag in het ziekenhuis' is news",
        (
            (CHECKIN, {}),
            ("hij ligt sinds zondag in het ziekenhuis", {"keys": ["care_status"], "not_keys": MISS}),
        ),
        profile=CARER,
    ),
    D(
        "not a carer: 'mijn moeder is opgenomen in het verpleeghuis': what could help",
        (
            (
                "mijn moeder is opgenomen in het verpleeghuis",
                {"keys": ["life_admitted_offers"], "not_keys": MISS},
            ),
        ),
        profile=RIA,
    ),
    D(
        "volunteer: 'Ik ben van 1 t/m 20 december in Turkije' pauses (or asks), no miss",
        (("Ik ben van 1 t/m 20 december in Turkije bij familie", {"keys": ["life_*"], "not_keys": MISS}),),
        profile=VOL,
    ),
    D(
        "volunteer: 'ff een maandje weg hoor' pauses a month",
        (("ff een maandje weg hoor", PAUSED_OFFER),),
        profile=VOL,
    ),
    D(
        "volunteer: 'ben griepig, kan deze week niet helpen': get well and a pause asked",
        (("ben griepig, kan deze week niet helpen", {"keys": ["life_ill_heard"], "not_keys": MISS}),),
        profile=VOL,
    ),
    D(
        "invitation: 'kan niet, lig met griep op bed': no, and a pause asked",
        (
            (INVITE, {}),
            (
                "kan niet, lig met griep op bed",
                {"effect_has": {"answer_invitation": {"answer": "no"}}, "keys": ["life_offer_pause"]},
            ),
        ),
        profile=VOL,
    ),
    D(
        "resident: 'donderdag ben ik niet thuis' with the meeting on Tuesday: only passed on",
        (
            (AGREED, {}),
            ("donderdag ben ik niet thuis", {"effect": ["relay"], "not_keys": ["meet_cannot_come"]}),
        ),
        profile=RIA_THREAD,
    ),
    D(
        "resident: 'morgen ben ik niet thuis, moet naar het ziekenhuis' (meeting tomorrow): move or cancel",
        (
            (AGREED, {}),
            ("morgen ben ik niet thuis, moet naar het ziekenhuis", {"keys": ["meet_cannot_come"]}),
        ),
        profile=RIA_THREAD,
    ),
    D(
        "volunteer in English to Ans: 'so sorry, I'm sick today': move, cancel or someone else",
        (
            (VAGREED, {}),
            ("so sorry, I'm sick today", {"keys": ["meet_cannot_come"], "effect": ["relay"]}),
        ),
        state=menu_state("en"),
        profile=VOLUNTEER,
    ),
    D(
        "moving: 'we verhuizen in januari naar Deventer'",
        (
            (
                "we verhuizen in januari naar Deventer",
                {"keys": ["life_moving_away"], "not_keys": ["ask_*", *MISS]},
            ),
        ),
        profile=RIA,
    ),
    D(
        "moving to the Oude Haven next month: what to send once moved",
        (("volgende maand gaan we verhuizen naar de oude haven", {"keys": ["life_moving_here"]}),),
        profile=RIA,
    ),
    D(
        "'ik heb een nieuwe telefoon met een ander nummer': a link code",
        (("ik heb een nieuwe telefoon met een ander nummer", {"effect": ["create_link_code"]}),),
        profile=RIA,
    ),
    D(
        "'kan ik jullie ook via whatsapp bereiken?': how to link (a link code), not a computer request",
        (("kan ik jullie ook via whatsapp bereiken?", {"not_keys": ["ask_*", *MISS]}),),
        profile=RIA,
    ),
    D(
        "volunteer: 'sinds ik weer werk heb ik minder tijd, 1x per week is genoeg'",
        (
            (
                "sinds ik weer werk heb ik minder tijd, 1x per week is genoeg",
                {"keys": ["offer_summary"], "says": ["1 keer per week"]},
            ),
        ),
        profile=VOL,
    ),
    D(
        "volunteer: 'onze dochter is geboren!' congratulations and a pause asked",
        (("onze dochter is geboren!", {"keys": ["life_baby_heard", "life_offer_pause"]}),),
        profile=VOL,
    ),
    D(
        "carer: 'het gaat beter met mijn man, hij heeft minder zorg nodig'",
        (("het gaat beter met mijn man, hij heeft minder zorg nodig", {"keys": ["care_status"]}),),
        profile=CARER,
    ),
    D(
        "pl volunteer: 'będę na urlopie do 15 grudnia': a pause, no miss",
        (("będę na urlopie do 15 grudnia", {"keys": ["life_*"], "not_keys": MISS}),),
        state=menu_state("pl"),
        profile=VOL,
    ),
    D(
        "tr carer: 'eşim hastanede yatıyor': the registration, no miss",
        (("eşim hastanede yatıyor", {"keys": ["care_status"], "not_keys": MISS}),),
        state=menu_state("tr"),
        profile=CARER,
    ),
    D(
        "look-alike: 'de vakantie was heerlijk!' (back already) is no new absence",
        (("de vakantie was heerlijk!", {"no_effect": ["pause_offer"], "not_keys": ["life_offer_pause"]}),),
        profile=VOL,
    ),
    D(
        "look-alike: 'kan iemand mij naar het ziekenhuis brengen dinsdag?' is a request",
        (("kan iemand mij naar het ziekenhuis brengen dinsdag?", {"keys": ["ask_*"], "not_keys": NO_LIFE}),),
        profile=CARER,
    ),
    D(
        "look-alike: 'ik werk in het verpleeghuis' from a volunteer is no admission",
        (("ik werk in het verpleeghuis", {"not_keys": NO_LIFE, "no_effect": ["alert_staff"]}),),
        profile=VOL,
    ),
    D(
        # Round crisis19: pills swallowed without an amount get the safety check (flows/crisis_check.py); a
        # yes to it is the crisis answer. Until then a strict xfail (no crisis read).
        "crisis first: 'ik lig in het ziekenhuis, ik heb pillen geslikt': the safety check, then the crisis",
        (
            (
                "ik lig in het ziekenhuis, ik heb pillen geslikt",
                {"keys": ["crisis_pills_check"], "says": ["112"], "not_keys": NO_LIFE},
            ),
            ("ja", CRISIS),
        ),
        profile=VOL,
    ),
]

# Written after batch 2's fixes: look-alikes of its mechanisms (being somewhere until a date, a birth).
GUARDS = [
    D(
        "guard: 'ik ben tot 5 uur thuis' is no absence (an hour today is no end of a break)",
        (("ik ben tot 5 uur thuis", {"not_keys": NO_LIFE, "no_effect": ["pause_offer"]}),),
        profile=VOL,
    ),
    D(
        "guard: 'ik ben geboren in 1950' is no baby",
        (("ik ben geboren in 1950", {"not_keys": NO_LIFE}),),
        profile=VOL,
    ),
    D(
        "guard: 'mijn buurman is verhuisd naar Zwolle' is no move of one's own",
        (("mijn buurman is verhuisd naar Zwolle", {"not_keys": NO_LIFE, "no_effect": ["update_profile"]}),),
        profile=RIA,
    ),
    D(
        "guard: 'ik ben tot vrijdag bij mijn dochter, kan iemand mijn kat eten geven?' is a request",
        (
            (
                "ik ben tot vrijdag bij mijn dochter, kan iemand mijn kat eten geven?",
                {"keys": ["ask_*"], "not_keys": NO_LIFE},
            ),
        ),
        profile=VOL,
    ),
    D(
        "guard: a volunteer ill with a meeting in three weeks: passed on, the meeting left alone",
        (
            (
                {
                    "internal": "meet_agreed",
                    "meta": {"meeting": {**VOLUNTEER_MEETING, "starts_at": "2026-12-14T13:00:00+00:00"}},
                },
                {},
            ),
            (
                "ik ben een beetje ziek maar het gaat wel",
                {"effect": ["relay"], "not_keys": ["meet_cannot_come"]},
            ),
        ),
        profile=VOLUNTEER,
    ),
]

# After the guards: a plain no to the pause question keeps everything; a no with a length is the length.
GUARDS += [
    D(
        "carer: operated, then 'nee hoor laat maar' to the pause question: the check-ins as they are",
        (
            ("ik word geopereerd", ASKS_CARE_PAUSE),
            ("nee hoor laat maar", {"keys": ["care_kept"], "no_effect": ["care_pause"]}),
        ),
        profile=CARER,
    ),
    D(
        "volunteer: on a trip, then 'nee, 2 weken': the length, not a no",
        (("ik ga op reis", ASKS_OFFER_PAUSE), ("nee, 2 weken", PAUSED_OFFER)),
        profile=VOL,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue)
