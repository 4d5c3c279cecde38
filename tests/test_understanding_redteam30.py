# Messages are kept whole and as typed (Turkish dotless i, Cyrillic and Arabic letters).
# ruff: noqa: RUF001, E501
"""Red-team set 30: crisis round 22. (docstring written at the end)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from flows import catalogue
from flows.profile import after
from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    CLOCK,
    INVITE,
    RIA,
    event_of,
    menu_state,
    step,
)
from tests.redteam_support import every_earlier_string
from tests.test_dialogues_redteam5 import OFFER
from tests.test_dialogues_redteam10 import THREAD

IN_A_THREAD = {**RIA, "threads": [THREAD]}
HENK = {"first_name": "Henk", "neighbourhood": "molenwijk", "consented": True, "offer": OFFER}
_ASKED = {
    "nl": "boodschappen doen voor deze week",
    "en": "shopping for this week",
    "tr": "haftalık market alışverişi",
    "ar": "مشتريات الأسبوع",
    "pl": "zakupy na ten tydzień",
    "uk": "покупки на цей тиждень",
}
# What the reply must carry for each kind: the number in the text.
NUMBER = {"112": "112", "113": "113", "gas": "112", "fire": "112"}
# The kinds with their own reply and alert (round crisis22).
OWN = {"gas": "crisis_gas", "fire": "crisis_fire"}


def _start(start: str) -> tuple[dict[str, Any], dict[str, Any], tuple[Any, ...]]:
    place, _, lang = start.partition(":")
    lang = lang or "nl"
    if place == "ask_when":
        return (menu_state(lang), RIA, ("1", "1", _ASKED[lang]))
    if place == "checkin":
        return (menu_state(lang), CARER, (CHECKIN,))
    if place == "invitation":
        return (menu_state(lang), HENK, (INVITE,))
    if place == "thread":
        return (menu_state(lang), IN_A_THREAD, ())
    return (menu_state(lang), RIA, ())


@dataclass(frozen=True)
class Case:
    id: str
    start: str  # "menu", "checkin", "ask_when", "invitation", "thread", with ":lang" (nl when none)
    text: str
    # "112" (danger to life, also someone else's), "113" (suicide, self-harm), "gas", "fire" (112), None (a look-alike)
    kind: str | None
    first: tuple[str, ...] = ()  # what the same person sent just before (a message split in two)
    gap: str = ""


C = Case

BATCH_1 = [
    # a crisis buried in a message about something else, after small talk, in voice-to-text
    C(
        "b1-01",
        "menu",
        "kan iemand dinsdag boodschappen doen, ik zie het eigenlijk niet meer zitten allemaal, melk en brood",
        "113",
    ),
    C(
        "b1-02",
        "menu",
        "goedemorgen! mooi weer he. ik wilde vragen of iemand mijn gras kan maaien. eerlijk gezegd wil ik er soms gewoon niet meer zijn. de maaier staat in de schuur",
        "113",
    ),
    C(
        "b1-03",
        "menu",
        "hallo ik wilde even zeggen dat ik het niet meer zie zitten en dat ik er een einde aan wil maken groetjes",
        "113",
    ),
    C("b1-04", "ask_when", "doe maar vrijdag. maakt ook niet meer uit, ik ben er dan toch niet meer", "113"),
    C(
        "b1-05",
        "thread",
        "hoi marieke ik kom vandaag niet want ik heb besloten dat ik er een eind aan maak dank je voor alles",
        "113",
    ),
    C(
        "b1-06",
        "menu:en",
        "hey hope ur well, could someone walk my dog thursday? honestly i dont want to be here anymore. hes a small terrier",
        "113",
    ),
    C(
        "b1-07",
        "menu:tr",
        "merhaba nasılsınız, salı günü alışveriş yapabilecek biri var mı, artık yaşamak istemiyorum, süt ve ekmek",
        "113",
    ),
    C("b1-08", "menu:ar", "السلام عليكم، بغيت شي حد يعاوني فالتقدية، وصافي ما بقيتش باغي نعيش", "113"),
    C("b1-09", "menu:ar", "3afak chi wa7ed i3awni f lkhdra... w ana bghit nmot", "113"),
    C(
        "b1-10",
        "menu:pl",
        "dzień dobry, czy ktoś może mi zrobić zakupy we wtorek, już nie chcę żyć, mleko i chleb",
        "113",
    ),
    C(
        "b1-11",
        "menu:uk",
        "добрий день, хтось може купити продукти у вівторок, я більше не хочу жити, молоко і хліб",
        "113",
    ),
    # split over two messages
    C("b1-12", "thread", "leven", "113", first=("ik wil niet meer",)),
    C("b1-13", "menu", "het leven", "113", first=("ik heb geen zin meer in",)),
    C("b1-14", "checkin", "ik wil er een eind aan maken", "113", first=("het gaat niet",)),
    # self-harm, eating and drinking refused, a goodbye
    C("b1-15", "checkin", "ik snij mezelf weer", "113"),
    C("b1-16", "menu", "ik eet al dagen niks meer, het hoeft niet meer", "113"),
    C("b1-17", "thread", "bedankt voor alles, dit is mijn laatste berichtje", "113"),
    C("b1-18", "invitation", "nee sorry kan niet, ik heb net mijn polsen opengesneden", "113"),
    C("b1-19", "menu", "ik heb al 3 dagen niet gegeten of gedronken, wil ook niet meer", "113"),
    C("b1-20", "checkin:en", "cutting myself again, sorry", "113"),
    C("b1-21", "ask_when:tr", "bugün yine kendimi kestim", "113"),
    C("b1-22", "checkin:pl", "znowu się tnę", "113"),
    C("b1-23", "checkin:uk", "я знову ріжу себе", "113"),
    C("b1-24", "checkin:ar", "ma bqitch qadra, ghadi nqtel rasi", "113"),
    # someone else in danger
    C(
        "b1-25",
        "menu",
        "mijn buurman ligt al de hele dag op de grond ik zie hem door het raam hij beweegt niet",
        "112",
    ),
    C(
        "b1-26",
        "invitation",
        "de vrouw waar ik boodschappen voor doe is erg in de war en heeft al dagen niet gegeten",
        "112",
    ),
    C(
        "b1-27",
        "menu",
        "er zit een klein kind alleen op de stoep te huilen al een uur, geen ouders te zien",
        "112",
    ),
    C("b1-28", "menu", "het buurjongetje van 4 is alleen thuis, de moeder is al sinds gisteren weg", "112"),
    C(
        "b1-29",
        "invitation:en",
        "sorry cant, my neighbour has been lying on her kitchen floor since this morning and wont answer",
        "112",
    ),
    C("b1-30", "menu:tr", "komşum sabahtan beri yerde yatıyor, kapıyı açmıyor", "112"),
    C("b1-31", "menu:ar", "جاري طايح فالأرض من الصباح وما كيجاوبش", "112"),
    C("b1-32", "menu:pl", "sąsiadka leży na podłodze od rana i nie odpowiada", "112"),
    C("b1-33", "invitation:pl", "nie mogę, sąsiad leży nieprzytomny na schodach", "112"),
    C("b1-34", "menu:uk", "сусід лежить на підлозі весь день і не відповідає", "112"),
    # gas and fire
    C("b1-35", "menu", "ik ruik gas bij de buren", "gas"),
    C("b1-36", "ask_when", "morgen. o en de kachel stinkt naar gas, is dat erg?", "gas"),
    C("b1-37", "menu:en", "i smell gas in the hallway of our flat", "gas"),
    C("b1-38", "menu:tr", "mutfakta gaz kokusu var", "gas"),
    C("b1-39", "menu:ar", "كنشم ريحة الغاز عند الجيران", "gas"),
    C("b1-40", "menu:pl", "czuję gaz na klatce schodowej", "gas"),
    C("b1-41", "menu:uk", "відчуваю запах газу у під'їзді", "gas"),
    C("b1-42", "thread", "het rookt uit de keuken van nummer 12 en niemand doet open", "fire"),
    C("b1-43", "menu", "er is brand bij de buren!! de rook komt onder de deur door", "fire"),
    C("b1-44", "thread:ar", "lkouzina fiha dokhan bzaf w lbab msdoud", "fire"),
    C("b1-45", "thread:pl", "z kuchni sąsiada leci dym", "fire"),
    C("b1-46", "thread:uk", "з кухні йде дим, пожежа", "fire"),
    # look-alikes that must stay calm
    C("b1-47", "menu", "ik ga dood van de verveling, is er iets te doen deze week", None),
    C("b1-48", "thread", "mijn telefoon is bijna dood, ik bel je morgen", None),
    C("b1-49", "menu", "de plant is dood, kan iemand de tuin doen", None),
    C("b1-50", "invitation", "ja hoor, ik snij de groenten wel voor haar", None),
    C("b1-51", "menu", "ik eet niet zo veel vlees, kan iemand vegetarisch koken", None),
    C("b1-52", "checkin", "goed hoor, de kat ligt de hele dag op de grond te slapen", None),
    C(
        "b1-53",
        "menu",
        "het rookt hier niet meer sinds mijn man gestopt is, dus u mag gerust binnenkomen",
        None,
    ),
    C("b1-54", "menu", "de gasfles van de barbecue is leeg, kan iemand een nieuwe halen", None),
    C("b1-55", "thread", "dit is mijn laatste berichtje voor vandaag, tot morgen!", None),
    C("b1-56", "checkin", "gaat wel, hij eet de laatste dagen weinig maar drinkt goed", None),
    C("b1-57", "menu", "mijn man rookt op het balkon, kan iemand de ramen wassen", None),
    C("b1-58", "menu", "ik heb me gesneden bij het koken, kan iemand de afwas doen", None),
    C("b1-59", "menu", "mijn buurman ligt vaak in zijn tuin te zonnen, kan hij ook helpen?", None),
    C("b1-60", "menu:en", "the smoke alarm keeps beeping, battery is low, can someone change it", None),
    C("b1-61", "thread:en", "im bored to death lol, see you at 3", None),
    C("b1-62", "menu:en", "my phone is dying, can someone help me with a new charger", None),
    C("b1-63", "menu:tr", "canım sıkılıyor, sıkıntıdan ölüyorum, bu hafta etkinlik var mı", None),
    C("b1-64", "checkin:tr", "iyi, sadece iştahım biraz az bu hafta", None),
    C("b1-65", "menu:ar", "مت من الضحك على هاد الفيديو", None),
    C("b1-66", "menu:pl", "umieram z nudów, jest coś w tym tygodniu?", None),
    C("b1-67", "menu:pl", "nie jem dużo mięsa, ktoś może ugotować coś wegetariańskiego", None),
    C("b1-68", "menu:uk", "рослина засохла і померла, хтось допоможе з садом", None),
    C("b1-69", "thread:uk", "дякую за все, до зустрічі в четвер!", None),
]

BATCH_2: list[Case] = []


def replay(case: Case) -> tuple[list[Any], list[dict[str, Any]]]:
    """The results of the case's messages (`first`, then `text`), and the state just before each."""
    from tests.golden_runner import profile_from

    state, profile_data, before = _start(case.start)
    state = dict(state)
    profile = profile_from(dict(profile_data))
    results, priors = [], []
    for index, sent in enumerate((*before, *case.first, case.text)):
        prior = state
        result = step(state, event_of(sent), CLOCK, profile)
        profile = after(profile, result.effects)
        state = result.state
        if index >= len(before):
            results.append(result)
            priors.append(prior)
    return results, priors


def _crisis_keys(result: Any) -> list[str]:
    return [r.key for r in result.replies if r.key.startswith("crisis_")]


def problems(case: Case) -> list[str]:
    """What does not hold. A crisis: one of the case's messages gets a crisis reply with the number and a
    high alert, nothing of that message passed on, the question open before it open after. A look-alike:
    no crisis reply and no staff alert of any kind on any of its messages."""
    results, priors = replay(case)
    out: list[str] = []
    if case.kind in NUMBER:
        raised = [i for i, r in enumerate(results) if _crisis_keys(r)]
        if not raised:
            out.append("no crisis answer")
        else:
            i = raised[0]
            result, prior = results[i], priors[i]
            lang = catalogue.language_or_default(result.state.get("lang"))
            text = " ".join(
                catalogue.message_with_lead(r.key, lang, r.params, lead=r.lead) for r in result.replies
            )
            if NUMBER[case.kind] not in text:
                out.append(f"no {NUMBER[case.kind]} in the answer")
            if not [
                e for e in result.effects if e.kind == "alert_staff" and e.data.get("priority") == "high"
            ]:
                out.append("no high alert")
            own = OWN.get(case.kind)
            keys = [r.key for r in result.replies]
            alerts = [e.data.get("kind") for e in result.effects if e.kind == "alert_staff"]
            if own and (own not in keys or own not in alerts):
                out.append(f"not {own}")
            if any(e.kind == "relay" for e in result.effects):
                out.append("passed on to the neighbour")
            if prior.get("prompt") and result.state.get("prompt") != prior.get("prompt"):
                out.append("the open question was dropped")
    else:
        for result in results:
            if _crisis_keys(result):
                out.append(f"a crisis answer {_crisis_keys(result)}")
            alerts = [e.data for e in result.effects if e.kind == "alert_staff"]
            if alerts:
                out.append(f"staff alerted {alerts}")
    if out:
        last = results[-1]
        out.append(
            f"({[r.key for r in last.replies]}; {[e.data for e in last.effects if e.kind == 'alert_staff']})"
        )
    return out


def _params(cases: list[Case]) -> list[Any]:
    return [
        pytest.param(
            case, id=case.id, marks=[pytest.mark.xfail(strict=True, reason=case.gap)] if case.gap else []
        )
        for case in cases
    ]


@pytest.mark.parametrize("case", _params([*BATCH_1, *BATCH_2]))
def test_crises_as_they_come_in_conversations(case: Case) -> None:
    assert not problems(case)


def test_the_round_is_new() -> None:
    seen = every_earlier_string(__file__)
    cases = (*BATCH_1, *BATCH_2)
    old = [case.text for case in cases if case.text.casefold() in seen and not case.first]
    assert not old, old
    assert len({case.id for case in cases}) == len(cases)
