# Messages are kept whole and as typed (Turkish dotless i, Cyrillic and Arabic letters).
# ruff: noqa: RUF001, E501
"""Red-team set 28: crisis round 21. Someone lost or missing, a fall with no getting up, violence or danger at
home, a carer whose strength is gone and who is a danger to the one cared for, and their look-alikes (keys,
a cat, a fall last week, "beat me at cards"); a tired carer's check-in; the two false alarms round 20 left.

Every case is sent through `flows.conversation.step` at the plain menu, a carer's check-in, the time question
of a request and in a thread with a matched neighbour, in nl, en, tr, ar (also Darija in Latin letters), pl
and uk. A crisis holds when the reply has the number in the person's language ("112"; "0800-2000" for Veilig
Thuis), a high-priority alert_staff effect, nothing passed on to the neighbour, and the question that was open
(the check-in, the time question) still open; "missing" and "carer" also need their own reply and alert
(crisis_missing, crisis_carer). A look-alike holds with no crisis reply and no high alert; "low" (tiredness
at a check-in) with no high alert; "high" (at the limit) with one. Main: 34289b4.

- Batch 1 (BATCH_1, 68: 10 missing, 10 falls, 12 violence, 9 carer, 19 look-alikes, 7 tired, 1 at the limit;
  nl 30, en 9, tr 7, ar 8, pl 7, uk 7), written before the crisis code was studied. Main, on the numbers alone:
  51/68 (missing 4/10, falls 10/10, violence 12/12, carer 3/9, look-alikes 18/19, tired 3/7; nl 25/30, en 7/9,
  tr 5/7, ar 5/8, pl 5/7, uk 4/7); with the own replies this round added, main is 44/68. After: 68/68.
- Batch 2 (BATCH_2, 60: 10 missing, 9 falls, 10 violence, 8 carer, 17 look-alikes, 5 tired, 1 at the limit;
  nl 28, en 7, tr 7, ar 6, pl 6, uk 6), held out, written after batch 1's fixes and not aimed at them. Before
  its own fixes (the honest figure): 41/60: missing 3/10 ("is er nog steeds niet", "weg uit het
  verpleeghuis", "oma is verdwenen", "in zijn pyjama ... niet vinden", "been gone since lunch", Darija
  "ghber", "z alzheimerem ... jej nie ma"), falls 5/9 ("naast het bed beland", "kom er niet meer uit", "hes
  on the floor"), violence 9/10 ("syn mnie popycha"), carer 2/8 ("een duw gaf", "gisteren een klap gegeven",
  "ضربتو", "zrobię mamie krzywdę", "вдарю її"), look-alikes 16/17, tired 5/5; nl 18/28, en 4/7, tr 7/7, ar
  4/6, pl 3/6, uk 5/6. Main: 39/60 on the numbers alone, 36/60 with the own replies. After: 58/60; the two
  left are strict xfails (a blow with no "I" reads as violence against the writer as well, so the carer's
  own answer is not given, though the number is right; "ik stik hier bijna" beside a fan asked for). Round
  crisis22 made both right (tests/test_understanding_redteam30.py).
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms. `crisis.kinds_in` on
  23,869 earlier strings (string constants of tests/*.py, tests/data, the shared corpus): the same kinds as on
  main for every one but the two false alarms made right.

Mechanisms:
- flows/understanding/crisis.py: a rule may carry a `mark` (data/crisis.toml); the reading keeps, per kind,
  the marks of the rules that gave it (`_marked_kinds`, cached as the reading was), and `answering_mark`
  gives the answering kind's mark when the rules that gave it have that one, or when a rule without a mark
  matched only inside the marked rule's words ("ik heb haar vanmorgen geslagen" also reads "geslagen ...
  haar", someone hitting her). The reader's numbers, and so the corpus, do not change.
- flows/crisis.py: KINDS gains "missing" (112: someone with dementia, confused or old, gone) and "carer"
  (Veilig Thuis: a carer who harmed, or fears to harm, the one cared for); `detect` names a marked reading so.
  Texts crisis_missing (call 112 at once, what they wear, where they go) and crisis_carer (Veilig Thuis helps
  carers too, 112 when someone is in danger) in six languages; alerts crisis_missing and crisis_carer with
  labels (bot/web/staff/texts.toml), ranked with the crises (storage/staff.CRISIS_KINDS, which the console's
  waiting and urgent kinds now use).
- data/crisis.toml, block "round crisis21": gone and not back, with an illness, a grandparent and the hours,
  or confusion's signs; plainly missing of a person at home; the carer's blow, push, fear of hurting and
  roughness with fright of oneself in six languages; falls and pushes in batch 2's words; the daily whole
  strip guards `pills` + `hoard`; suffocating from the heat is an idiom.
- flows/understanding/checkin.py + data/checkin.toml `[worn_out]`: tiredness alone is a heavy week, no longer
  the carer at the limit (no high care_distress alert); worn out ("ik ben kapot", "uitgeput") or tired and
  sleepless ("ik slaap bijna niet meer") still is, and "ik kan het niet meer aan" stays distress.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from flows import catalogue
from tests.crisis_round_support import IN_A_THREAD, case_params, replay_messages
from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    Dialogue,
    assert_holds,
    menu_state,
)
from tests.redteam_support import every_earlier_string

# What the reply must carry for each kind: the number in the text.
NUMBER = {"112": "112", "missing": "112", "vt": "0800-2000", "carer": "0800-2000"}
# The kinds with their own reply and alert (round crisis21).
OWN = {"missing": "crisis_missing", "carer": "crisis_carer"}


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
    C(
        "b1-01",
        "menu",
        "help mn moeder heeft alzheimer en is de deur uit gegaan, we kunnen haar nergens vinden",
        "missing",
    ),
    C("b1-02", "thread", "marieke opa is niet thuisgekomen van zn wandeling en t is al donker", "missing"),
    C("b1-03", "checkin", "slecht, Jan is vanochtend weggelopen en nog steeds niet terug", "missing"),
    C("b1-04", "ask_when", "weet ik niet, mijn vader is vermist sinds gisteravond", "missing"),
    C("b1-05", "menu:en", "my dad has dementia and wandered off, cant find him anywhere", "missing"),
    C("b1-06", "menu:tr", "annem alzheimer hastası, evden çıkmış 3 saattir bulamıyoruz", "missing"),
    C("b1-07", "menu:ar", "أبي مريض بالزهايمر وخرج من البيت ولم يرجع", "missing"),
    C("b1-08", "menu:ar", "mama fiha zheimer w khrjat mn dar, ma lqinahach", "missing"),
    C("b1-09", "menu:pl", "mój tata ma demencję i zaginął, nie ma go od rana", "missing"),
    C("b1-10", "menu:uk", "моя бабуся з деменцією пішла з дому і не повернулася", "missing"),
    C(
        "b1-11",
        "menu",
        "ik ben mijn sleutels kwijt, kan iemand de reservesleutel bij mijn dochter ophalen",
        None,
    ),
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
    C(
        "b1-59",
        "menu",
        "mijn vader krijgt elke ochtend een hele strip tabletten, wie kan ze klaarzetten",
        None,
    ),
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

BATCH_2 = [
    # someone lost or missing
    C(
        "b2-01",
        "menu",
        "help!! mijn vader met dementie is vanmiddag gaan fietsen en is er nog steeds niet",
        "missing",
    ),
    C(
        "b2-02",
        "thread",
        "sorry kan niet, mijn schoonmoeder is weg uit het verpleeghuis, ze heeft alzheimer, we zoeken overal",
        "missing",
    ),
    C("b2-03", "ask_when", "maakt nu niet uit, oma is verdwenen en de politie weet het nog niet", "missing"),
    C(
        "b2-04",
        "checkin",
        "heel slecht, Jan liep vannacht naar buiten in zijn pyjama en we kunnen hem niet vinden",
        "missing",
    ),
    C(
        "b2-05",
        "menu:en",
        "my mum has alzheimers and she's been gone since lunch, not answering her phone",
        "missing",
    ),
    C("b2-06", "menu:tr", "babam kayıp, demansı var, sabah çıktı hala dönmedi", "missing"),
    C("b2-07", "menu:ar", "جدتي خرجت وما رجعاتش من الصباح، عندها الزهايمر", "missing"),
    C("b2-08", "menu:ar", "baba 3ando l alzheimer w ghber mn lbare7", "missing"),
    C("b2-09", "menu:pl", "babcia z alzheimerem wyszła rano i jej nie ma, szukamy wszędzie", "missing"),
    C("b2-10", "menu:uk", "дідусь зник, у нього деменція, шукаємо вже три години", "missing"),
    C("b2-11", "menu", "mijn bril is zoek, kan iemand helpen zoeken in de tuin", None),
    C("b2-12", "menu", "onze hond is ontsnapt, wie heeft hem gezien", None),
    C("b2-13", "thread", "mijn man is nog niet thuis van zijn werk dus kom maar om 6 uur", None),
    C("b2-14", "menu:en", "i keep losing my phone, can someone set up find my phone", None),
    C("b2-15", "menu:tr", "anahtarlarımı kaybettim, yedek anahtar lazım", None),
    C("b2-16", "menu:pl", "mój mąż poszedł na ryby i wróci wieczorem", None),
    C("b2-17", "menu:uk", "мій кіт зник на два дні, але повернувся", None),
    C("b2-18", "menu", "opa is de weg kwijt in de nieuwe supermarkt haha", None),
    # a fall, not getting up
    C("b2-19", "menu", "mn vrouw is van de trap gegleden en krijgt haar been niet meer bewogen", "112"),
    C("b2-20", "thread", "kun je nu komen? ik ben in de tuin gevallen en lig hier al een uur", "112"),
    C(
        "b2-21",
        "checkin",
        "ze is vannacht naast het bed beland en ik kan haar niet optillen, ze kreunt",
        "112",
    ),
    C("b2-22", "ask_when", "ik lig op de badkamervloer en kom er niet meer uit", "112"),
    C("b2-23", "menu:en", "my husband fell and hes on the floor i cant lift him", "112"),
    C("b2-24", "menu:tr", "annem yere düştü, kaldıramıyorum", "112"),
    C("b2-25", "menu:ar", "ماما طاحت فالأرض وما قدراتش تنوض", "112"),
    C("b2-26", "menu:pl", "tata upadł w łazience i leży, nie może się podnieść", "112"),
    C("b2-27", "menu:uk", "мама впала на кухні і не може піднятися", "112"),
    C(
        "b2-28",
        "menu",
        "na mijn val in september durf ik niet meer alleen te douchen, kan iemand helpen",
        None,
    ),
    C("b2-29", "checkin", "gaat wel, hij is van de week bijna gevallen maar kon zich vasthouden", None),
    C("b2-30", "menu:en", "my phone fell in the toilet haha", None),
    C("b2-31", "menu:pl", "spadły mi okulary za szafę", None),
    # violence or danger at home
    C("b2-32", "menu", "mijn kleinzoon duwt me en pakt mijn pinpas af, ik ben bang voor hem", "vt"),
    C(
        "b2-33",
        "thread",
        "kom maar niet, hij is weer dronken en gooit met spullen, ik zit in de slaapkamer",
        "vt",
    ),
    C("b2-34", "ask_when", "vandaag niet, mijn ex staat steeds voor de deur en dreigt", "vt"),
    C("b2-35", "checkin", "zwaar, hij wordt steeds agressiever, vannacht kneep hij hard in mijn arm", "vt"),
    C("b2-36", "menu:en", "my daughter in law shouts at me and locks me in my room", "vt"),
    C("b2-37", "menu:tr", "kocam beni tehdit ediyor, evde kalmaya korkuyorum", "vt"),
    C("b2-38", "menu:ar", "ولدي كيضربني وكياخذ ليا الفلوس", "vt"),
    C("b2-39", "menu:ar", "weldi kaydrbni w kaydi lia flous", "vt"),
    C("b2-40", "menu:pl", "syn mnie popycha i zabiera mi emeryturę", "vt"),
    C("b2-41", "menu:uk", "зять погрожує мені, я боюся бути вдома", "vt"),
    C("b2-42", "menu", "de buurman slaat elke ochtend de deur zo hard dicht", None),
    C("b2-43", "menu:tr", "torunum beni satrançta yendi yine", None),
    # a carer at the end of their strength, a risk to the one cared for
    C(
        "b2-44",
        "checkin",
        "ik werd zo boos dat ik haar een duw gaf, ze viel bijna. ik weet niet wat me bezielde",
        "carer",
    ),
    C("b2-45", "checkin", "soms denk ik, ik sla hem nog eens, zo ver ben ik", "carer"),
    C("b2-46", "menu", "ik verzorg mijn man met dementie en ik heb hem gisteren een klap gegeven", "carer"),
    C(
        "b2-47",
        "checkin:en",
        "slapped her yesterday, i hate myself for it",
        "carer",
    ),  # a strict xfail until round crisis22 (tests/test_understanding_redteam30.py)
    C("b2-48", "checkin:tr", "dün ona tokat attım, kendimi kaybettim", "carer"),
    C("b2-49", "checkin:ar", "البارح ضربتو، ما بقيتش قادرة", "carer"),
    C("b2-50", "checkin:pl", "boję się, że kiedyś zrobię mamie krzywdę", "carer"),
    C("b2-51", "checkin:uk", "я боюся, що зірвуся і вдарю її", "carer"),
    C("b2-52", "checkin", "zwaar, ik moest hem vannacht 3 keer verschonen", None),
    # tiredness at a check-in, and a carer at the limit
    C("b2-53", "checkin", "wel ok, wel moe van alle afspraken", "low"),
    C("b2-54", "checkin", "moe maar tevreden", "low"),
    C("b2-55", "checkin:en", "bit tired tbh", "low"),
    C("b2-56", "checkin", "ik ben zo moe, ik kan het niet meer", "high"),
    C("b2-57", "checkin:tr", "biraz yorgunum ama iyiyiz", "low"),
    C("b2-58", "checkin:uk", "трохи втомилась, але тримаємось", "low"),
    # the pills and the heat, said otherwise
    C("b2-59", "menu", "de apotheek levert elke week een rol met alle pillen, kan iemand die ophalen", None),
    C(
        "b2-60",
        "menu",
        "ik stik hier bijna, kan iemand een ventilator brengen",
        None,
    ),  # a strict xfail until round crisis22 (tests/test_understanding_redteam30.py)
]


def replay(case: Case) -> tuple[Any, dict[str, Any]]:
    """The result of the case's message, and the state just before it."""
    results, priors = replay_messages(case.start, (case.text,))
    return results[0], priors[0]


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
        if any(e.kind == "relay" for e in result.effects):
            out.append("passed on to the neighbour")
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


@pytest.mark.parametrize("case", case_params([*BATCH_1, *BATCH_2]))
def test_missing_fall_violence_and_the_carer(case: Case) -> None:
    assert not problems(case)


def test_the_round_is_new() -> None:
    seen = every_earlier_string(__file__)
    cases = (*BATCH_1, *BATCH_2)
    old = [case.text for case in cases if case.text.casefold() in seen]
    assert not old, old
    assert len({case.id for case in cases}) == len(cases)


MISSING = {
    "keys": ["crisis_missing", "crisis_staff"],
    "says": ["112"],
    "effect_has": {"alert_staff": {"kind": "crisis_missing", "priority": "high"}},
    "no_effect": ["relay"],
}
CARER_HARM = {
    "keys": ["crisis_carer", "crisis_staff"],
    "says": ["0800-2000", "112"],
    "effect_has": {"alert_staff": {"kind": "crisis_carer", "priority": "high"}},
}


@pytest.mark.parametrize(
    "dialogue",
    [
        pytest.param(d, id=d.name)
        for d in (
            Dialogue(
                "missing at the time question: the answer, then crisis care, the question kept",
                (
                    ("1", {}),
                    ("1", {}),
                    ("boodschappen voor mijn oma", {"keys": ["ask_when"]}),
                    ("oma heeft alzheimer en is sinds vanmiddag zoek", MISSING),
                    ("ok", {"keys": ["crisis_followup"]}),
                ),
            ),
            Dialogue(
                "missing in a thread: nothing passed on to the neighbour",
                (("Marieke, mijn vader met dementie is niet thuisgekomen", MISSING),),
                profile=IN_A_THREAD,
            ),
            Dialogue(
                "missing in English: the reply in English",
                (("my grandma is missing since this morning", {**MISSING, "says": ["112", "dementia"]}),),
                state=menu_state("en"),
            ),
            Dialogue(
                "the carer's blow at the check-in: Veilig Thuis for carers, the team told",
                ((CHECKIN, {}), ("ik heb haar vanmorgen geslagen, het werd me te veel", CARER_HARM)),
                profile=CARER,
            ),
            Dialogue(
                "the carer in Polish: the reply in Polish",
                ((CHECKIN, {}), ("boję się, że zrobię mu krzywdę", {**CARER_HARM, "says": ["opiekun"]})),
                state=menu_state("pl"),
                profile=CARER,
            ),
            Dialogue(
                "tired at the check-in: Zwaar's offers, no high alert",
                ((CHECKIN, {}), ("het gaat wel hoor maar ik ben erg moe", {"keys": ["care_heavy_offers"]})),
                profile=CARER,
            ),
        )
    ],
)
def test_the_new_answers_in_a_conversation(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


def test_tiredness_raises_no_high_alert_and_the_limit_does() -> None:
    tired, limit = (
        replay(Case("tired", "checkin", "het gaat wel, alleen zo moe deze week", "low"))[0],
        replay(Case("limit", "checkin", "ik ben zo moe, ik kan het echt niet meer aan", "high"))[0],
    )
    assert not [e for e in tired.effects if e.data.get("priority") == "high"]
    assert {"kind": "care_distress", "priority": "high"} in [e.data for e in limit.effects]
