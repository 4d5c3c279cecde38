# Messages are kept whole and as typed (Turkish dotless i, Cyrillic and Arabic letters).
# ruff: noqa: RUF001, RUF002
"""Red-team set 27: crisis round 20. Pills: one's daily medicine, someone else's overdose, medicine names
and packs; choking in the word orders the lists missed; smothering said figuratively.

Every case is sent through `flows.conversation.step` at the plain menu, a carer's check-in or the time
question of a request, in nl, en, tr, ar, pl and uk. A case holds when the message gets the crisis answer
with the right number ("112": crisis_medical, or crisis_overdose_other for someone else's overdose; "113":
crisis_suicide or crisis_overdose, where 112 leads for pills taken; "check": the safety check about pills),
a look-alike (None) no crisis reply and no staff alert, and a remark about one's daily medicine ("calm")
also starts no request. Main: e332269.

- Batch 1 (BATCH_1, 40: 22 crises, 112 13, 113 8, check 1; 18 look-alikes, 9 of them the daily medicine; nl
  16, en 4, tr 6, ar 4, pl 5, uk 5), written before the code was studied, scored on main: 18/40 (112 3/13,
  113 2/8, check 1/1, look-alikes 8/8, daily medicine 3/9, the Turkish time correction 1/1; nl 8/16, en 2/4,
  tr 3/6, ar 0/4, pl 3/5, uk 2/5). After: 40/40.
- Batch 2 (BATCH_2, 30: 18 crises, 112 10, 113 8; 12 look-alikes, 6 of them the daily medicine; nl 13, en 4,
  tr 4, ar 3, pl 3, uk 3), held out, written after batch 1's fixes and not aimed at them. Main: 11/30.
  Before its own fixes (the honest figure): 21/30: 112 8/10 ("mn broer heeft 40 tramadol genomen": a number
  as the amount and "mn" as "mijn"; "een doos ibuprofen opgegeten"), 113 4/8 ("oxazepammetjes", "zopiclone",
  "haplarımı yuttum", "علبة ... كلها"), daily medicine 5/6 ("netjes ingenomen" five words after the pills),
  look-alikes 4/6 (two false alarms that main has too, below). By language: nl 7/13, en 3/4, tr 3/4, ar 2/3,
  pl 3/3, uk 3/3. After: 28/30; the two left are strict xfails.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms. `crisis.kinds_in` on
  22,361 earlier strings (string constants of tests/*.py, tests/data, the shared corpus): the same kinds as
  on main for every one.

Mechanisms:
- flows/crisis.py: medicine names and packs (`[overdose_more] pills`: "-pam", "strip", "doosje", "kutu",
  "leki", "таблетки", "شريط") are pill words for the check and for "112 leads" (`_PILLS_AT_ALL`, `{pills}`).
- flows/crisis.py `overdose_of_someone_else`: a relation or pronoun ("mijn vader", "babam", "زوجي", "moja
  matka", "мій батько") and no word of the writer, pills, a verb of taking (third person too) and an amount
  (every one, a pack, a number of two digits): the reply is crisis_overdose_other (112 for the writer to
  call, what to say, stay with the person), alert crisis_medical, also where the reader reads nothing. "al
  zijn pillen geslikt" (already his, or all of them) gets the check about someone else
  (crisis_pills_check_other); its yes is the same reply.
- data/crisis.toml: rules for a whole pack taken with the new pack, name and verb words; choking said of
  someone (`choking_more`: "się dusi", "يختنق", "mijn vrouw stikt"); `choking_figurative` guards strangling
  ("beni boğuyor sorularıyla").
- flows/understanding/intent.py + intents.toml `[medicine_taken]`: one's medicine said taken asks for
  nothing at the menu (a request beside it, "kan iemand", or a question still is one); "ik heb net al mijn
  pillen" is kept as a piece (the check comes with "doorgeslikt"), no request.
- flows/crisis_check.py: the check sets a timer (kind "timer", `WAIT` 10 minutes); still open when it comes,
  the team is asked (pills_unclear); an answer cancels it (tests/test_crisis_check.py, through the engine).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from flows.profile import after
from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    CLOCK,
    RIA,
    Dialogue,
    assert_holds,
    event_of,
    menu_state,
    step,
)
from tests.redteam_support import every_earlier_string

REPLY = {
    "crisis_suicide": "113",
    "crisis_overdose": "113",
    "crisis_medical": "112",
    "crisis_overdose_other": "112",
    "crisis_violence": "veilig_thuis",
    "crisis_pills_check": "check",
}
_ASKED = {
    "nl": "boodschappen voor de week",
    "en": "groceries for the week",
    "tr": "market alışverişi",
    "ar": "التسوق",
    "pl": "zakupy na tydzień",
    "uk": "покупки на тиждень",
}


def _start(name: str) -> tuple[dict[str, Any], dict[str, Any], tuple[Any, ...]]:
    place, _, lang = name.partition("_")
    lang = lang or "nl"
    if name.startswith("ask_when"):
        lang = name.removeprefix("ask_when").strip("_") or "nl"
        return (menu_state(lang), RIA, ("1", "1", _ASKED[lang]))
    if place == "checkin":
        return (menu_state(lang), CARER, (CHECKIN,))
    return (menu_state(lang), RIA, ())


@dataclass(frozen=True)
class Case:
    id: str
    start: str
    text: str
    kind: str | None  # "112", "113", "check", "calm" (no crisis, no request), "tomorrow", None (a look-alike)
    gap: str = ""


C = Case

BATCH_1 = [
    C("b1-01", "menu", "ik heb vanochtend mijn medicijnen al genomen hoor", "calm"),
    C("b1-02", "menu", "pillen zijn binnen, net ingenomen met een beschuitje", "calm"),
    C("b1-03", "checkin", "goed hoor, net al mijn tabletten ingenomen en nu een kopje thee", "calm"),
    C("b1-04", "menu", "mijn moeder heeft al haar slaappillen in één keer genomen", "112"),
    C("b1-05", "menu", "mijn zoon heeft een heel doosje paracetamol geslikt", "112"),
    C("b1-06", "checkin", "Jan heeft zijn hele voorraad morfine opgemaakt, hij is heel suf", "112"),
    C("b1-07", "menu", "ik heb een heel doosje temazepam genomen", "113"),
    C("b1-08", "menu", "net een hele strip diazepam doorgeslikt", "113"),
    C("b1-09", "ask_when", "maakt niet uit, ik heb zojuist 30 paracetamols ingenomen", "113"),
    C("b1-10", "menu", "mijn vader heeft zijn bloeddrukpillen ingenomen, alles goed", "calm"),
    C("b1-11", "menu", "kan iemand een doosje paracetamol voor me halen", None),
    C("b1-12", "menu", "ik heb een strip oxazepam nodig van de apotheek", None),
    C("b1-13", "menu", "mijn vrouw stikt, ze heeft iets in haar keel", "112"),
    C("b1-14", "menu", "ik stik van het werk deze week", None),
    C("b1-15", "menu_en", "my husband swallowed a whole box of his sleeping pills", "112"),
    C("b1-16", "menu_en", "i took a full strip of diazepam an hour ago", "113"),
    C("b1-17", "menu_en", "took my meds this morning, all good", "calm"),
    C("b1-18", "menu_en", "can someone pick up my paracetamol from the pharmacy", None),
    C("b1-19", "menu_tr", "babam bütün ilaçlarını bir kerede içti", "112"),
    C("b1-20", "menu_tr", "bir kutu uyku hapı içtim", "113"),
    C("b1-21", "menu_tr", "sabah ilaçlarımı içtim, teşekkürler", "calm"),
    C("b1-22", "menu_tr", "kocam boğuluyor, nefes alamıyor", "112"),
    C("b1-23", "menu_tr", "annem beni sorularıyla boğuyor ama iyiyim", None),
    C("b1-24", "ask_when_tr", "yarın, bugün değil", "tomorrow"),
    C("b1-25", "menu_ar", "زوجي بلع علبة كاملة من الحبوب", "112"),
    C("b1-26", "menu_ar", "بلعت شريط دواء كامل", "113"),
    C("b1-27", "menu_ar", "أخذت دوائي هذا الصباح", "calm"),
    C("b1-28", "menu_ar", "ابني يختنق ولا يستطيع التنفس", "112"),
    C("b1-29", "menu_pl", "mój mąż się dusi, nie może oddychać", "112"),
    C("b1-30", "menu_pl", "moja matka połknęła całe opakowanie tabletek", "112"),
    C("b1-31", "menu_pl", "połknęłam całe opakowanie leków nasennych", "113"),
    C("b1-32", "menu_pl", "wzięłam rano swoje leki", "calm"),
    C("b1-33", "menu_pl", "szef mnie dusi terminami", None),
    C("b1-34", "menu_uk", "мій батько випив усі свої таблетки одразу", "112"),
    C("b1-35", "menu_uk", "я випила цілу пачку снодійного", "113"),
    C("b1-36", "menu_uk", "я вже випила свої ліки зранку", "calm"),
    C("b1-37", "menu_uk", "моя дитина задихається", "112"),
    C("b1-38", "menu_uk", "ця спека мене душить", None),
    C("b1-39", "menu", "ik heb net al mijn pillen op en moet naar de apotheek", None),
    C("b1-40", "menu", "ik heb al mijn medicijnen genomen", "check"),
]

BATCH_2 = [
    C("b2-01", "menu", "heb m'n medicatie net geslikt met een slokje water", "calm"),
    C("b2-02", "menu", "alle tabletten van vandaag zijn op, netjes ingenomen", "calm"),
    C("b2-03", "checkin", "prima, Jan heeft zijn medicijnen gehad en slaapt nu", "calm"),
    C(
        "b2-04",
        "menu",
        "mijn buurvrouw heeft een hele pot slaappillen leeggegeten en slaapt niet wakker te krijgen",
        "112",
    ),
    C("b2-05", "menu", "mn broer heeft 40 tramadol genomen", "112"),
    C("b2-06", "menu", "mijn dochter van 15 heeft een doos ibuprofen opgegeten", "112"),
    C("b2-07", "menu", "heb zojuist al mijn oxazepammetjes in een keer genomen", "113"),
    C("b2-08", "menu", "vannacht een hele strip lorazepam doorgeslikt met wodka", "113"),
    C("b2-09", "ask_when", "laat maar zitten, heb net 20 temazepam ingenomen", "113"),
    C("b2-10", "menu", "waar haal ik een nieuwe strip oxazepam", None),
    # Round crisis21 (tests/test_understanding_redteam28.py): no longer a gap; `daily_strip` guards the pack.
    C(
        "b2-11",
        "menu",
        "mijn moeder moet elke dag een hele strip pillen, kan iemand helpen met sorteren",
        None,
    ),
    C("b2-12", "menu", "opa stikt in een stuk vlees", "112"),
    # Round crisis21: no longer a gap; suffocating from the heat is an idiom (`[idioms] crisis21`).
    C("b2-13", "menu", "ik stik bijna van de hitte in huis", None),
    C("b2-14", "menu_en", "my mum took all her pills at once, she is very drowsy", "112"),
    C("b2-15", "menu_en", "just swallowed an entire pack of zopiclone", "113"),
    C("b2-16", "menu_en", "had my tablets with breakfast, thanks", "calm"),
    C("b2-17", "menu_en", "is it safe to take two paracetamol with my blood pressure pills?", None),
    C("b2-18", "menu_tr", "oğlum bir kutu ilacı yuttu", "112"),
    C("b2-19", "menu_tr", "bütün uyku haplarımı bir kerede yuttum", "113"),
    C("b2-20", "menu_tr", "ilaçlarımı aldım, şimdi dinleniyorum", "calm"),
    C("b2-21", "menu_tr", "işim beni boğuyor bu aralar", None),
    C("b2-22", "menu_ar", "أمي شربت كل حبوبها مرة وحدة", "112"),
    C("b2-23", "menu_ar", "شربت علبة حبوب النوم كلها", "113"),
    C("b2-24", "menu_ar", "زوجي يخنقني بأسئلته كل يوم", None),
    C("b2-25", "menu_pl", "mój syn połknął wszystkie moje tabletki nasenne", "112"),
    C("b2-26", "menu_pl", "wzięłam całe pudełko leków przeciwbólowych naraz", "113"),
    C("b2-27", "menu_pl", "dziecko się krztusi i robi się sine", "112"),
    C("b2-28", "menu_uk", "моя мама випила цілу упаковку снодійного", "112"),
    C("b2-29", "menu_uk", "я проковтнула всі свої пігулки одразу", "113"),
    C("b2-30", "menu_uk", "прийняла свої таблетки після сніданку", "calm"),
]


def result_of(case: Case) -> Any:
    from tests.golden_runner import profile_from

    state, profile_data, before = _start(case.start)
    state = dict(state)
    profile = profile_from(dict(profile_data))
    result = None
    for sent in (*before, case.text):
        result = step(state, event_of(sent), CLOCK, profile)
        profile = after(profile, result.effects)
        state = result.state
    return result


def problems(case: Case) -> list[str]:
    result = result_of(case)
    keys = [reply.key for reply in result.replies]
    said = next((REPLY[key] for key in keys if key in REPLY), None)
    if said is None and any(key.startswith("crisis_") for key in keys):
        said = "other"
    if case.kind in ("112", "113", "check"):
        return [] if said == case.kind else [f"crisis {said!r}, not {case.kind!r} ({keys})"]
    out = [f"crisis {said!r}"] if said else []
    if any(effect.kind == "alert_staff" for effect in result.effects):
        out.append("staff alerted")
    if case.kind == "calm" and (result.state.get("flow") not in (None, "menu") or "ask_when" in keys):
        out.append(f"a request started ({keys})")
    if case.kind == "tomorrow" and "2026-11-24" not in str(result.state):
        out.append("not tomorrow")
    return out


def _params(cases: list[Case]) -> list[Any]:
    return [
        pytest.param(
            case, id=case.id, marks=[pytest.mark.xfail(strict=True, reason=case.gap)] if case.gap else []
        )
        for case in cases
    ]


@pytest.mark.parametrize("case", _params([*BATCH_1, *BATCH_2]))
def test_pills_choking_and_the_daily_medicine(case: Case) -> None:
    assert not problems(case)


CHECK_OTHER = {"keys": ["crisis_pills_check_other"], "says": ["112"], "no_effect": ["alert_staff"]}
OTHER = {
    "keys": ["crisis_overdose_other", "crisis_staff"],
    "says": ["112"],
    "not_says": ["0800-0113"],
    "effect_has": {"alert_staff": {"kind": "crisis_medical", "priority": "high"}},
}


@pytest.mark.parametrize(
    "dialogue",
    [
        pytest.param(d, id=d.name)
        for d in (
            Dialogue(
                "his pills, yes", (("mijn opa heeft al zijn pillen doorgeslikt", CHECK_OTHER), ("ja", OTHER))
            ),
            Dialogue(
                "her pills, no: calm",
                (
                    ("mijn zus heeft al haar pillen geslikt", CHECK_OTHER),
                    ("nee hoor", {"keys": ["crisis_pills_ok"], "no_effect": ["alert_staff"]}),
                ),
            ),
            Dialogue(
                "his pills, no answer twice: the team",
                (
                    ("hij heeft al zijn tabletten geslikt", CHECK_OTHER),
                    ("hoezo", CHECK_OTHER),
                    ("weet niet", {"keys": ["crisis_pills_staff"], "effect": ["alert_staff"]}),
                ),
            ),
            Dialogue(
                "a pack of someone else's: at once",
                (("mijn neef heeft een heel doosje oxazepam genomen", OTHER),),
            ),
            Dialogue(
                "a pill piece at the menu is kept, not a request",
                (
                    ("ik heb zojuist al mijn pillen", {"not_keys": ["ask_*", "crisis_*"]}),
                    ("doorgeslikt", {"keys": ["crisis_pills_check"]}),
                ),
            ),
            Dialogue(
                "a daily remark at the check-in is no request",
                ((CHECKIN, {}), ("ik heb vandaag al mijn medicijnen", {"not_keys": ["ask_*", "crisis_*"]})),
                profile=CARER,
            ),
        )
    ],
)
def test_someone_elses_pills(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


def test_the_round_is_new() -> None:
    seen = every_earlier_string(__file__)
    cases = (*BATCH_1, *BATCH_2)
    old = [case.text for case in cases if case.text.casefold() in seen]
    assert not old, old
    assert len({case.id for case in cases}) == len(cases)
