# Messages are kept whole and as typed (Turkish dotless i, Cyrillic and Arabic letters).
# ruff: noqa: RUF001, RUF002, E501
"""Red-team set 28: crisis round 21. (docstring with figures written at the end)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from flows import catalogue
from flows.profile import after
from tests.dialogue_redteam_support import CARER, CHECKIN, CLOCK, RIA, event_of, menu_state, step
from tests.redteam_support import every_earlier_string
from tests.test_dialogues_redteam10 import THREAD

IN_A_THREAD = {**RIA, "threads": [THREAD]}
_ASKED = {
    "nl": "boodschappen doen voor deze week",
    "en": "shopping for this week",
    "tr": "haftalık market alışverişi",
    "ar": "مشتريات الأسبوع",
    "pl": "zakupy na ten tydzień",
    "uk": "покупки на цей тиждень",
}
# What the reply must carry for each kind: the number in the text.
NUMBER = {"112": "112", "missing": "112", "vt": "0800-2000", "carer": "0800-2000"}
# The kinds with their own reply and alert (round crisis21).
OWN = {"missing": "crisis_missing", "carer": "crisis_carer"}


def _start(start: str) -> tuple[dict[str, Any], dict[str, Any], tuple[Any, ...]]:
    place, _, lang = start.partition(":")
    lang = lang or "nl"
    if place == "ask_when":
        return (menu_state(lang), RIA, ("1", "1", _ASKED[lang]))
    if place == "checkin":
        return (menu_state(lang), CARER, (CHECKIN,))
    if place == "thread":
        return (menu_state(lang), IN_A_THREAD, ())
    return (menu_state(lang), RIA, ())


@dataclass(frozen=True)
class Case:
    id: str
    start: str  # "menu", "checkin", "ask_when", "thread", with ":lang" (nl when none)
    text: str
    # "112", "missing" (112 for someone gone), "vt" (Veilig Thuis), "carer" (a carer's risk to the one cared for), None (a look-alike),
    # "low" (tiredness at a check-in: no high alert), "high" (a carer at their limit: a high distress alert)
    kind: str | None
    gap: str = ""


C = Case

BATCH_1 = [
    # someone lost or missing
    C("b1-01", "menu", "help mn moeder heeft alzheimer en is de deur uit gegaan, we kunnen haar nergens vinden", "missing"),
    C("b1-02", "thread", "marieke opa is niet thuisgekomen van zn wandeling en t is al donker", "missing"),
    C("b1-03", "checkin", "slecht, Jan is vanochtend weggelopen en nog steeds niet terug", "missing"),
    C("b1-04", "ask_when", "weet ik niet, mijn vader is vermist sinds gisteravond", "missing"),
    C("b1-05", "menu:en", "my dad has dementia and wandered off, cant find him anywhere", "missing"),
    C("b1-06", "menu:tr", "annem alzheimer hastası, evden çıkmış 3 saattir bulamıyoruz", "missing"),
    C("b1-07", "menu:ar", "أبي مريض بالزهايمر وخرج من البيت ولم يرجع", "missing"),
    C("b1-08", "menu:ar", "mama fiha zheimer w khrjat mn dar, ma lqinahach", "missing"),
    C("b1-09", "menu:pl", "mój tata ma demencję i zaginął, nie ma go od rana", "missing"),
    C("b1-10", "menu:uk", "моя бабуся з деменцією пішла з дому і не повернулася", "missing"),
    C("b1-11", "menu", "ik ben mijn sleutels kwijt, kan iemand de reservesleutel bij mijn dochter ophalen", None),
    C("b1-12", "menu", "mijn kat is weg sinds gisteren, wie helpt zoeken", None),
    C("b1-13", "thread", "mijn man is weg naar de markt, kom je morgen?", None),
    C("b1-14", "menu:en", "lost my glasses again lol, can someone read a letter for me", None),
    C("b1-15", "menu:tr", "kedim kayboldu, arayan var mı", None),
    C("b1-16", "menu:pl", "zgubiłam portfel w sklepie", None),
    C("b1-17", "menu:uk", "я загубила ключі від квартири", None),
    C("b1-18", "menu", "opa raakt de laatste tijd een beetje de weg kwijt in zijn hoofd", None),
    # a fall, not getting up
    C("b1-19", "menu", "ben gevallen in de badkamer en kan niet meer opstaan", "112"),
    C("b1-20", "checkin", "Jan is uit bed gevallen en ik krijg hem niet overeind", "112"),
    C("b1-21", "thread", "kun je komen mijn man ligt op de grond en komt niet meer overeind", "112"),
    C("b1-22", "ask_when", "sorry ik lig op de vloer kan niet meer omhoog", "112"),
    C("b1-23", "menu:en", "fell in the kitchen cant get up", "112"),
    C("b1-24", "menu:tr", "düştüm kalkamıyorum yardım", "112"),
    C("b1-25", "menu:ar", "طحت فالحمام وما قدرتش نوض", "112"),
    C("b1-26", "menu:ar", "t7t f l7mam w ma qdertch nnod", "112"),
    C("b1-27", "menu:pl", "przewróciłam się i nie mogę wstać", "112"),
    C("b1-28", "menu:uk", "я впала і не можу встати", "112"),
    C("b1-29", "menu", "ik ben vorige week gevallen, gaat nu beter maar boodschappen lukt nog niet", None),
    C("b1-30", "checkin", "gaat wel, Jan is vorige maand gevallen maar loopt nu weer", None),
    C("b1-31", "menu:en", "had a fall last month, all healed now", None),
    C("b1-32", "menu:tr", "geçen hafta düştüm ama şimdi iyiyim", None),
    C("b1-33", "menu:pl", "upadłam w zeszłym tygodniu, już lepiej", None),
    C("b1-34", "menu:uk", "я впала минулого тижня, вже краще", None),
    # violence or danger at home
    C("b1-35", "menu", "mijn zoon slaat me als hij geld wil", "vt"),
    C("b1-36", "menu", "ik durf niet naar huis, mijn man is zo boos", "vt"),
    C("b1-37", "checkin", "Jan wordt agressief en heeft me gisteren geduwd, ik ben bang", "vt"),
    C("b1-38", "thread", "kan niet komen, mijn vriend heeft me weer geslagen", "vt"),
    C("b1-39", "ask_when", "maakt niet uit, mijn kleinzoon pakt steeds mijn geld af en dreigt me", "vt"),
    C("b1-40", "menu:en", "my son hits me and takes my pension", "vt"),
    C("b1-41", "thread:en", "im scared to go home, he said he'd kill me", "vt"),
    C("b1-42", "menu:tr", "oğlum bana vuruyor, eve gitmekten korkuyorum", "vt"),
    C("b1-43", "menu:ar", "زوجي يضربني وأنا خايفة", "vt"),
    C("b1-44", "menu:ar", "rajli kaydrabni w ana khayfa nrj3 l dar", "vt"),
    C("b1-45", "menu:pl", "mąż mnie bije, boję się wracać do domu", "vt"),
    C("b1-46", "menu:uk", "чоловік знову мене вдарив, боюся повертатися додому", "vt"),
    C("b1-47", "menu", "ik durf niet naar huis te fietsen in het donker, kan iemand meelopen", None),
    C("b1-48", "menu:en", "my husband beat me at cards again haha", None),
    # a carer at the end of their strength, a risk to the one cared for
    C("b1-49", "checkin", "ik ben bang dat ik hem iets aandoe, ik kan niet meer", "carer"),
    C("b1-50", "checkin", "ik heb hem vannacht geslagen, ik kon niet meer", "carer"),
    C("b1-51", "checkin", "zwaar. ik heb haar hard vastgepakt en geschreeuwd, ik schrik van mezelf", "carer"),
    C("b1-52", "menu", "ik zorg voor mijn moeder en ik ben bang dat ik haar wat aandoe", "carer"),
    C("b1-53", "checkin:en", "i shook him last night, i'm scared of what i might do", "carer"),
    C("b1-54", "checkin:tr", "ona zarar vermekten korkuyorum, artık dayanamıyorum", "carer"),
    C("b1-55", "checkin:ar", "أخاف أن أؤذيه، لم أعد أتحمل", "carer"),
    C("b1-56", "checkin:pl", "uderzyłam go wczoraj, nie daję już rady", "carer"),
    C("b1-57", "checkin:uk", "я вчора його вдарила, я більше не можу", "carer"),
    C("b1-58", "checkin", "zwaar, ik kon hem vannacht niet tillen en mijn rug doet zeer", None),
    # the two known false alarms, said again
    C("b1-59", "menu", "mijn vader krijgt elke ochtend een hele strip tabletten, wie kan ze klaarzetten", None),
    C("b1-60", "menu", "ik stik van de warmte hier binnen", None),
    # tiredness at a check-in, and a carer at the limit
    C("b1-61", "checkin", "gaat wel, ben alleen erg moe", "low"),
    C("b1-62", "checkin", "best pittig en moe, maar we redden het", "low"),
    C("b1-63", "checkin", "ik kan het echt niet meer aan met hem", "high"),
    C("b1-64", "checkin:en", "ok but so tired", "low"),
    C("b1-65", "checkin:tr", "idare eder ama çok yorgunum", "low"),
    C("b1-66", "checkin:pl", "jakoś leci, ale jestem bardzo zmęczona", "low"),
    C("b1-67", "checkin:uk", "нормально, але я дуже втомилася", "low"),
    C("b1-68", "checkin:ar", "الحمد لله بس تعبانة بزاف", "low"),
]

BATCH_2: list[Case] = []


def replay(case: Case) -> tuple[Any, dict[str, Any]]:
    """The result of the case's message, and the state just before it."""
    from tests.golden_runner import profile_from

    state, profile_data, before = _start(case.start)
    state = dict(state)
    profile = profile_from(dict(profile_data))
    result = None
    for sent in (*before, case.text):
        prior = state
        result = step(state, event_of(sent), CLOCK, profile)
        profile = after(profile, result.effects)
        state = result.state
    return result, prior


def problems(case: Case) -> list[str]:
    result, prior = replay(case)
    keys = [reply.key for reply in result.replies]
    lang = catalogue.language_or_default(result.state.get("lang"))
    text = " ".join(catalogue.message_with_lead(r.key, lang, r.params, lead=r.lead) for r in result.replies)
    crisis = [k for k in keys if k.startswith("crisis_")]
    high = [e for e in result.effects if e.kind == "alert_staff" and e.data.get("priority") == "high"]
    out = []
    if case.kind in NUMBER:
        if not crisis or NUMBER[case.kind] not in text:
            out.append(f"no crisis answer with {NUMBER[case.kind]}")
        if not high:
            out.append("no high alert")
        own = OWN.get(case.kind)
        if own and (own not in keys or not any(e.data.get("kind") == own for e in high)):
            out.append(f"not {own}")
        if prior.get("prompt") and result.state.get("prompt") != prior.get("prompt"):
            out.append("the open question was dropped")
    elif case.kind == "high":
        if not high:
            out.append("no high alert")
    else:
        if crisis:
            out.append("a crisis answer")
        if high:
            out.append(f"a high alert {[e.data for e in high]}")
    if out:
        out.append(f"({keys}; {[e.data for e in result.effects if e.kind == 'alert_staff']})")
    return out


def _params(cases: list[Case]) -> list[Any]:
    return [
        pytest.param(case, id=case.id, marks=[pytest.mark.xfail(strict=True, reason=case.gap)] if case.gap else [])
        for case in cases
    ]


@pytest.mark.parametrize("case", _params([*BATCH_1, *BATCH_2]))
def test_missing_fall_violence_and_the_carer(case: Case) -> None:
    assert not problems(case)


def test_the_round_is_new() -> None:
    seen = every_earlier_string(__file__)
    cases = (*BATCH_1, *BATCH_2)
    old = [case.text for case in cases if case.text.casefold() in seen]
    assert not old, old
    assert len({case.id for case in cases}) == len(cases)
