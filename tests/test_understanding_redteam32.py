# Messages are kept whole and as typed (Turkish dotless i, Cyrillic and Arabic letters).
# ruff: noqa: RUF001, RUF002, E501
"""Red-team set 32: crisis round 23. (Docstring written at the end of the round.)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from flows import catalogue
from flows.profile import after
from tests.crisis_round_support import case_params, start_of
from tests.dialogue_redteam_support import CLOCK, RIA, event_of, menu_state, step
from tests.redteam_support import every_earlier_string
from tests.test_dialogues_redteam5 import MEETING

# What the reply must carry for each kind: one of these numbers in the text.
NUMBER = {
    "112": ("112",),
    "113": ("113",),
    "life": ("112", "113"),  # an overdose or a hint that could be either: a number for the life at stake
    "vt": ("0800-2000",),
    "carer": ("0800-2000",),
    "gas": ("112",),
    "fire": ("112",),
    "any": ("112", "113", "0800-2000"),
}
# The kinds with their own reply and alert (rounds crisis21, crisis22).
OWN = {"gas": "crisis_gas", "fire": "crisis_fire", "carer": "crisis_carer"}

# A greeting in each language, the first message of someone new (the bot then asks the name).
HELLO = {
    "nl": "hallo",
    "en": "hello, i would like some help",
    "tr": "merhaba, yardım istiyorum",
    "ar": "السلام عليكم",
    "pl": "dzień dobry",
    "uk": "добрий день",
}
# What is asked for, with no time in it (the support's "for this week" is read as the time in tr, pl, uk,
# so its "ask_when" start stops at the description there).
ASKED = {
    "nl": "boodschappen doen",
    "en": "shopping",
    "tr": "market alışverişi",
    "ar": "مشتريات",
    "pl": "zakupy",
    "uk": "покупки",
}
NAME = {"nl": "Ria", "en": "Ria", "tr": "Ayşe", "ar": "Fatima", "pl": "Ewa", "uk": "Оксана"}
PAST = {**MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}
CHECK = {"internal": "meet_check", "meta": {"meeting": PAST}}


@dataclass(frozen=True)
class Case:
    id: str
    # "first", "name", "neighbourhood", "consent", "category", "urgency", "gelukt" (the "Is het gelukt?" after
    # a meeting), or the support's "menu", "checkin", "ask_when", "invitation", "thread"; ":lang" (nl when none)
    start: str
    channel: str  # "sms" (plain, often no accents), "whatsapp" (emoji), "telegram"
    text: str
    # "112", "113", "life" (112 or 113), "vt" (Veilig Thuis), "carer" (crisis_carer), "gas", "fire",
    # "any" (any crisis number), None (a look-alike: no crisis answer, no staff alert)
    kind: str | None
    gap: str = ""


C = Case


def start(where: str) -> tuple[dict[str, Any], dict[str, Any], tuple[Any, ...]]:
    """The state, the profile and what is sent first to get to `where`."""
    place, _, lang = where.partition(":")
    lang = lang or "nl"
    onboarding = (HELLO[lang], NAME[lang], "molenwijk")
    if place == "first":
        return ({}, {}, ())
    if place == "name":
        return ({}, {}, onboarding[:1])
    if place == "neighbourhood":
        return ({}, {}, onboarding[:2])
    if place == "consent":
        return ({}, {}, onboarding)
    if place == "category":
        return (menu_state(lang), RIA, ("1",))
    if place == "ask_when":
        return (menu_state(lang), RIA, ("1", "1", ASKED[lang]))
    if place == "urgency":
        return (menu_state(lang), RIA, ("1", "1", ASKED[lang], "zaterdag"))
    if place == "gelukt":
        return (menu_state(lang), RIA, (CHECK,))
    return start_of(where)


def replay(case: Case) -> tuple[Any, dict[str, Any]]:
    """The result of the case's message and the state just before it."""
    from tests.golden_runner import profile_from

    state, profile_data, before = start(case.start)
    state = dict(state)
    profile = profile_from(dict(profile_data))
    prior: dict[str, Any] = state
    result = None
    for sent in (*before, case.text):
        prior = state
        result = step(state, event_of(sent), CLOCK, profile)
        profile = after(profile, result.effects)
        state = result.state
    assert result is not None
    return result, prior


def _crisis_keys(result: Any) -> list[str]:
    return [r.key for r in result.replies if r.key.startswith("crisis_")]


def problems(case: Case) -> list[str]:
    """What does not hold. A crisis: a crisis reply with the number and a high alert, nothing passed on,
    the question open before it open after. A look-alike: no crisis reply and no staff alert of any kind."""
    result, prior = replay(case)
    out: list[str] = []
    if case.kind in NUMBER:
        if not _crisis_keys(result):
            out.append("no crisis answer")
        else:
            lang = catalogue.language_or_default(result.state.get("lang"))
            text = " ".join(
                catalogue.message_with_lead(r.key, lang, r.params, lead=r.lead) for r in result.replies
            )
            if not any(number in text for number in NUMBER[case.kind]):
                out.append(f"no {'/'.join(NUMBER[case.kind])} in the answer")
            if not [e for e in result.effects if e.kind == "alert_staff" and e.data.get("priority") == "high"]:
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
        if _crisis_keys(result):
            out.append(f"a crisis answer {_crisis_keys(result)}")
        alerts = [e.data for e in result.effects if e.kind == "alert_staff"]
        if alerts:
            out.append(f"staff alerted {alerts}")
    if out:
        out.append(
            f"({[r.key for r in result.replies]}; {[e.data for e in result.effects if e.kind == 'alert_staff']})"
        )
    return out


BATCH_1 = [
    # an overloaded mantelzorger, at night
    C(
        "b1-01",
        "checkin",
        "sms",
        "ik trek het niet meer. hij roept de hele nacht en ik ben bang dat ik hem iets aandoe",
        "carer",
    ),
    C(
        "b1-02",
        "menu",
        "whatsapp",
        "het is 3 uur snachts 😩 ik heb hem net weer geslagen, ik sla hem nog eens als hij zo doorgaat",
        "carer",
    ),
    C("b1-03", "checkin", "telegram", "ik ben bang dat ik iets doe waar ik spijt van krijg", "any"),
    C(
        "b1-04",
        "checkin:en",
        "whatsapp",
        "cant do this anymore, i grabbed her arm too hard tonight and she cried 😢",
        "carer",
    ),
    C(
        "b1-05",
        "checkin:tr",
        "sms",
        "artık dayanamıyorum, geceleri ona bağırıyorum, bir gün ona zarar vereceğim diye korkuyorum",
        "carer",
    ),
    C("b1-06", "checkin:pl", "telegram", "nie daję rady, boję się że zrobię mu coś złego", "carer"),
    C(
        "b1-07",
        "urgency",
        "sms",
        "vandaag nog graag, ik kan niet meer, gisteravond heb ik mijn moeder hard in haar arm geknepen",
        "carer",
    ),
    # an elder who fell and cannot get up, told in passing
    C(
        "b1-08",
        "first",
        "sms",
        "goedemiddag ik ben mevrouw de Wit ik ben vanochtend gevallen en lig nog op de vloer kan niet opstaan telefoon lag gelukkig naast me",
        "112",
    ),
    C("b1-09", "name", "telegram", "Joke. ik lig al een tijdje op de grond in de badkamer, kom niet meer overeind", "112"),
    C(
        "b1-10",
        "neighbourhood:en",
        "whatsapp",
        "bloemhof. sorry slow typing, fell in the hallway and cant get up 🙁",
        "112",
    ),
    C("b1-11", "gelukt:uk", "telegram", "ні, не вийшло, я впала вдома і не можу встати", "112"),
    C("b1-12", "category:ar", "whatsapp", "طحت فالكوزينة ومابقيتش قادرة نوض من الأرض", "112"),
    # a neighbour worried for someone else
    C(
        "b1-13",
        "menu",
        "sms",
        "de buurvrouw van 88 heeft al drie dagen de gordijnen dicht en de melk staat nog op de stoep",
        "112",
    ),
    C(
        "b1-14",
        "invitation:tr",
        "whatsapp",
        "yapamam, yaşlı komşum iki gündür kapıyı açmıyor, telefonu da açmıyor, çok endişeliyim",
        "112",
    ),
    # ending life hinted at without the words: goodbyes, things given away, "het hoeft voor mij niet meer"
    C(
        "b1-15",
        "menu",
        "sms",
        "het hoeft voor mij allemaal niet meer. kan iemand mijn kat komen halen, ik wil dat hij een goed huis krijgt",
        "113",
    ),
    C(
        "b1-16",
        "thread",
        "whatsapp",
        "lieve Marieke, je mag mijn fiets en mijn boeken hebben, ik heb ze toch niet meer nodig 🙏 pas goed op jezelf",
        "113",
    ),
    C("b1-17", "consent", "telegram", "ja hoor, maakt niet meer uit, over een week ben ik er toch niet meer", "113"),
    C(
        "b1-18",
        "checkin:en",
        "telegram",
        "i've given my things away to the kids. won't need them where im going",
        "113",
    ),
    C("b1-19", "ask_when:tr", "sms", "fark etmez, yakında burada olmayacağım zaten, herkese veda ettim", "113"),
    C("b1-20", "menu:uk", "telegram", "я роздала свої речі, мені вже нічого не потрібно. прощавайте", "113"),
    C("b1-21", "name:ar", "whatsapp", "smiti fatima... w ma bqitch baghya n3ich", "113"),
    # abuse told sideways
    C(
        "b1-22",
        "menu",
        "sms",
        "mijn zoon pakt elke maand mijn pinpas af en als ik nee zeg duwt hij me tegen de muur",
        "vt",
    ),
    C(
        "b1-23",
        "category",
        "whatsapp",
        "boodschappen.. maar ik mag van mijn man niet alleen de deur uit en hij pakt mijn telefoon af 😔",
        "vt",
    ),
    C("b1-24", "thread:en", "telegram", "sorry about the bruises you saw, my husband gets angry when dinner is late", "vt"),
    C("b1-25", "first:pl", "sms", "dzien dobry, maz znowu mnie uderzyl, ale prosze nikomu nie mowic", "vt"),
    # a medication overdose
    C(
        "b1-26",
        "checkin",
        "whatsapp",
        "mijn moeder heeft per ongeluk haar hele weekdoos pillen ingenomen, ze is heel suf",
        "112",
    ),
    C("b1-27", "menu:en", "sms", "took all my sleeping pills an hour ago", "life"),
    C("b1-28", "urgency:uk", "telegram", "сьогодні. я випила всі таблетки з пачки", "life"),
    # gas, fire, water
    C(
        "b1-29",
        "ask_when",
        "whatsapp",
        "zaterdag. o wacht, het water komt door het plafond en het stopcontact vonkt 😱",
        "112",
    ),
    C("b1-30", "gelukt", "sms", "nee hij kwam niet, en nu ruik ik gas in de gang", "gas"),
    C("b1-31", "neighbourhood:tr", "whatsapp", "molenwijk. binada yangın alarmı çalıyor ve koridorda duman var", "fire"),
    C("b1-32", "invitation:ar", "telegram", "ما نقدرش دابا، كاينة العافية فالعمارة ديالنا", "fire"),
    # look-alikes that must stay calm
    C("b1-33", "menu", "whatsapp", "ik verveel me echt dood hier 😂 wat is er deze week te doen in de wijk", None),
    C("b1-34", "thread", "sms", "Marieke reageert niet, heeft ze mijn bericht wel gezien?", None),
    C("b1-35", "thread", "whatsapp", "ze reageert al twee dagen niet op mijn appjes 🤔 zal ik haar bellen?", None),
    C("b1-36", "checkin", "telegram", "hij is gisteren gevallen maar alles is goed, geen pijn", None),
    C("b1-37", "menu", "sms", "ik val bijna in slaap van die formulieren, kan iemand helpen", None),
    C("b1-38", "thread:en", "telegram", "my phone is dead, will text you from my sons phone", None),
    C(
        "b1-39",
        "menu",
        "telegram",
        "hoe laat is dat programma over zelfmoord vanavond op tv? wil iemand samen kijken",
        None,
    ),
    C("b1-40", "category", "whatsapp", "tuin 🌱 de plantjes gaan dood want ik kan niet meer bukken", None),
    C("b1-41", "invitation:tr", "whatsapp", "evet yardım ederim, sıkıntıdan ölüyordum zaten 😄", None),
    C("b1-42", "consent:pl", "sms", "tak. moj telefon umarl wczoraj, pisze z nowego", None),
    C("b1-43", "urgency:ar", "whatsapp", "ماشي مستعجل، التيليفون ديالي غادي يطفى دابا", None),
    C("b1-44", "gelukt:en", "telegram", "yes it went fine, she fell asleep on the sofa halfway through lol", None),
    C("b1-45", "checkin:uk", "telegram", "все добре, він упав учора, але нічого страшного, вже ходить", None),
    C("b1-46", "gelukt", "whatsapp", "het was gezellig! ze zei nog 'ik wil niet meer naar huis' haha", None),
    C("b1-47", "first", "sms", "goedendag, mijn man is jaren geleden overleden en nu wil ik graag vrijwilliger worden", None),
]

BATCH_2: list[Case] = []
KNOWN_MISSES: dict[str, str] = {}


@pytest.mark.parametrize("case", case_params([*BATCH_1, *BATCH_2]))
def test_crises_in_every_context(case: Case) -> None:
    assert not problems(case)


def test_the_contexts_are_reached() -> None:
    """Each start gets to the question it names (a check of the harness)."""
    expected = {
        "first": None,
        "name": "ask_name",
        "neighbourhood": "ask_neighbourhood",
        "consent": "consent_question",
        "category": "ask_category",
        "urgency": "ask_urgency",
        "gelukt": "meet_check",
        "ask_when": "ask_when",
        "checkin": "care_checkin",
        "invitation": "invite",
    }
    from tests.golden_runner import profile_from

    for lang in HELLO:
        for place, key in expected.items():
            state, profile_data, before = start(f"{place}:{lang}")
            profile = profile_from(dict(profile_data))
            for sent in before:
                result = step(state, event_of(sent), CLOCK, profile)
                profile = after(profile, result.effects)
                state = result.state
            assert (state.get("prompt") or {}).get("key") == key, (place, lang, state.get("prompt"))


def test_the_round_is_new() -> None:
    seen = every_earlier_string(__file__)
    cases = (*BATCH_1, *BATCH_2)
    old = [case.text for case in cases if case.text.casefold() in seen]
    assert not old, old
    assert len({case.id for case in cases}) == len(cases)
