# ruff: noqa: RUF001, E501
"""Red team of whole conversations, round 13: carers' (and others') overload said in their own words,
outside the check-ins (round 9, the check-ins: tests/test_dialogues_redteam9.py).

Replayed through `flows.conversation.step` with the golden transcripts' fixed clock (Monday 23 November
2026, 10:00 UTC); each dialogue is data (tests/dialogue_redteam_support.py). This round's own checks of a
turn (`overload_check`): `offers` (the offers of help, or ZWAAR's for a registered carer, and a staff
alert), `heard` (a kind acknowledgement: the offers or a distress_* text or lead), `calm` (no offers, no
distress or crisis text, no staff alert), `alert` (a staff alert of that priority), `lang`. Most
dialogues start at the menu with Ria, a consented resident who is no registered carer; some with a new
person (`first()`, no profile), Ria as registered carer of Jan (CARER), or in a thread with Henk.

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (a5ebab9):
- Batch 1 (BATCH_1, 37 dialogues, written before reading the flows): main 25/55 turns, 14/37 dialogues;
  after its fixes 55/55, 37/37. On main the look-alikes (7), the crises (4), the two registered carers at
  the menu and Ukrainian held; the rest was the menu (Nederlands "Waarmee zoek je hulp?" or "Dat begreep
  ik niet"), a first message onboarded with no word of it, a thread passed on only, a request with no
  word of the overload, and the offers never reached so their words were a miss or MENS.
- Batch 2 (BATCH_2, 34 held-out dialogues, written after batch 1's fixes, not aimed at them): main 19/48,
  12/34; before its own fixes 37/48, 23/34 (the honest figure); after 46/48, 32/34 (two known gaps,
  below). First scored 38/50, 22/34: one expectation was wrong about the flow (a request with its day
  and a known neighbourhood goes straight to the summary, so one "1" sends it, not three); the figures
  above are of the corrected dialogue. What failed before the fixes: words not listed ("ik zit helemaal
  stuk", "hoe lang ik dit nog volhoud", "ik ben zo op", "ik sta er alleen voor", "k kan t nie meer aan
  met pa", "wordt de zorg voor Jan me te veel"), "stuk" read as a klusje, "misschien later" at the
  offers, a crisis (gap) and "sit with him" (gap).
- Guards (GUARDS, 17 dialogues, with batch 2's fixes; some check new behaviour, so main is low): main
  25/36, 11/16 of the first 16; before batch 2's fixes 36/36, 16/16; 37/37, 17/17 after. One caught a
  false reading of batch 2's first fix ("het wordt me te veel gedoe met die app, mijn dochter helpt me
  wel" got the offers once the request was read without the clauses of overload); the 17th ("ik zorg
  voor mijn kleinkinderen, ik ben moe maar gelukkig") was seen while probing look-alikes after the fixes.

What failed and what changed (mechanisms):
- Outside a check-in the offers came only for a message that says nothing but not coping
  (conversation.py `_distress` / `_distress_alone`) or for a registered carer read as a check-in answer.
  What carers write also says who, the illness, how long, the nights. Now flows/overload.py `said` (pure,
  word lists in conversation.toml "Dialogue round 13") reads a carer's overload: clear words of not
  coping ([cannot_cope], [overload_clear]) beside the one cared for ([overload_relation]) or words of
  caring ([overload_caring]: zorg voor, dementie, Parkinson, kanker, beroerte, al jaren, dag en nacht,
  ...), or words of being worn out ([overload_weary]: moe, slaap slecht, geen tijd voor mezelf,
  schuldig, boos op hem, ...) beside words of caring. A phrase with " ... " allows a few words between
  ("ik slaap al weken slecht"); short clear words count only at a clause's end ([overload_clause_end]:
  "ik ben op" is not "ik ben op vakantie met mijn man", "ik kan niet meer" not "... lopen"); "te veel
  gedoe" is taken out ([overload_not]) and "... maar gelukkig" undoes it ([overload_undone]).
- conversation.py `_overload` (at the menu before `_distress`; in a thread after the message is passed
  on; mid-question where the flow found no answer, `_overload_for_miss`): the offers, now with respite
  care for someone who is no registered carer (`care.distress(respite=True)`), and a normal-priority
  staff alert (`distress`); a registered carer gets ZWAAR's offers (high priority where the check-in
  reader reads her limit, else normal).
- A first message (`_overload_first`, before `first_contact.start`): heard at once after the welcome
  (`distress_heard_onboarding`), the overload kept through onboarding (state `overload_kept`), and when
  onboarding is done the offers instead of the menu, with the alert (`_offers_when_onboarded`). Clear
  words alone ("ik kan het niet meer aan") are heard the same way, with the plain offers.
- Overload and a request in one message (`_overload_with_request`; `_request_with_overload` reads the
  request without the clauses of overload, `overload.request_words`): see Decided.
- The offers in words: "een paar uurtjes vrij", "iemand om mee te praten", "misschien later"
  ([overload_offer_respite], [overload_offer_call], [overload_offer_none], read by
  `care.offer_in_words` after round 9's lists).

Decided:
- Overload with a request ("ik trek het niet meer, kan iemand dinsdag even bij mijn vader zitten"): a
  carer wants the request done, not a choice between menus. The request goes on as any request at the
  menu, led by "Wat naar dat het zo zwaar is. Eerst je vraag." (`distress_heard_request`); the request's
  words are those without the overload (volunteers read "Kan iemand dinsdag even bij mijn vader zitten",
  not that she cannot cope; she sees it in the summary before it goes); staff are told (normal
  priority); once the request is sent "En hoe gaat het met jou? Wat kan jou nog helpen?"
  (`overload_after_request`: respite information, a call back, not now; cancelled: nothing more). In a
  first message the request is kept through onboarding (`distress_heard_request_onboarding`).
- Priority: overload in one's own words is a normal-priority alert (a person looks, the same day); a
  call back asked for is high (care_callback, as after ZWAAR); a crisis is high at once and the crisis
  path stays first: every crisis dialogue (afraid of hurting him, not wanting to be here, after the
  offers) gets the crisis answer, never the offers. For a new person the alert waits until consent is
  asked (it goes with the offers, or when the request goes on); declining consent still gets the offers.
- Respite care is offered to anyone whose words tell of caring for someone; the plain offers (no
  respite) stay for clear words alone.
- A registered carer at her limit with a request in the same message still gets ZWAAR's offers first
  (round 9's `_heavy_in_words(limit=True)` runs before); left as decided there.

Known misses at the round's end, both read since (session 26, the lead): "ik heb hem vandaag geslagen, ik
schrok van mezelf. ik kan niet meer" is Veilig Thuis ("ik heb hem ... geslagen" in crisis.toml
[concepts.i_hit_them]; "bij het schaken" and other games joined [concepts.jest]); "could someone sit with
him on Friday?" is company ("sit with him" in categories.toml [gezelschap.en]).

Noticed and left: MENU in the middle of a request said with overload drops the after-request offers
(the marker goes when the flow leaves the ask flow). "ik word zo boos op die app" at the menu is read
as a computer request (not this round's reading).
"""

from __future__ import annotations

from typing import Any

import pytest

from flows.conversation import new_state
from tests.dialogue_redteam_support import (
    CARER,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    score,
)
from tests.test_dialogues_redteam5 import TO_WHEN, WITH_THREAD

D = Dialogue
MISSES = ["not_understood", "*_again"]
NEW: dict[str, Any] = {}  # a person who has never written before
OFFER_KEYS = ("distress_offers", "care_heavy_offers")


def first(lang: str = "nl") -> dict[str, Any]:
    """The state of someone whose first message has not arrived yet."""
    return new_state(lang)


def L(lang: str) -> dict[str, Any]:
    return menu_state(lang)


def overload_check(expect: dict[str, Any], result: Any) -> list[str]:
    """This round's own items of a turn:

    - `offers`: the offers of help (distress_offers, or ZWAAR's for a registered carer) and a staff alert;
    - `heard`: a kind acknowledgement of the overload (the offers, or any distress_* text or lead);
    - `calm`: no offers, no distress or crisis text, no staff alert;
    - `alert`: a staff alert of that priority;
    - `lang`: the conversation's language after the turn.
    """
    keys = [r.key for r in result.replies] + [r.lead for r in result.replies if r.lead]
    alerts = [e for e in result.effects if e.kind == "alert_staff"]
    problems = []
    if expect.get("offers"):
        if not any(k in OFFER_KEYS for k in keys):
            problems.append("no offers of help")
        if not alerts:
            problems.append("no staff alert with the offers")
    if expect.get("heard") and not any(k in OFFER_KEYS or k.startswith("distress_") for k in keys):
        problems.append("the overload was not acknowledged")
    if expect.get("calm"):
        loud = [k for k in keys if k in OFFER_KEYS or k.startswith(("distress_", "crisis_"))]
        if loud or alerts:
            problems.append(f"not calm: {loud} {[a.data for a in alerts]}")
    if "alert" in expect and not any(a.data.get("priority") == expect["alert"] for a in alerts):
        problems.append(f"no {expect['alert']}-priority staff alert ({[a.data for a in alerts]})")
    if "lang" in expect and result.state.get("lang") != expect["lang"]:
        problems.append(f"lang {result.state.get('lang')!r}, not {expect['lang']!r}")
    if problems:
        problems.append(f"(keys {keys})")
    return problems


OFFERS = {"offers": True, "not_keys": ["ask_category", *MISSES]}
CALM = {"calm": True, "not_keys": MISSES}
CRISIS = {"crisis": True, "not_keys": list(OFFER_KEYS)}
CALLBACK = {"keys": ["care_callback_ok"], "alert": "high", "not_keys": MISSES}
# A request read from the words: the ask flow goes on past the kind of help.
REQUEST = {"keys": ["ask_*"], "not_keys": ["ask_category", *MISSES]}
# Onboarding after a first message, to consent.
ONBOARD = (("Ria", {"keys": ["ask_neighbourhood"]}), ("molenwijk", {"keys": ["consent*"]}))

BATCH_1 = [
    # -- At the menu, someone who is no registered carer: overload with its context.
    D(
        "at the menu: cannot cope with her husband with dementia",
        (("ik kan het niet meer aan met mijn man, hij heeft dementie", OFFERS),),
    ),
    D(
        "at the menu: caring for her mother is too much",
        (("de zorg voor mijn moeder wordt me te veel", OFFERS),),
    ),
    D(
        "at the menu: so tired, caring for years",
        (("ik ben zo moe, ik zorg al jaren voor mijn vrouw", OFFERS),),
    ),
    D(
        "at the menu: weeks without sleep, father with Parkinson's calls every night",
        (("ik slaap al weken slecht, mijn vader met parkinson roept elke nacht", OFFERS),),
    ),
    D(
        "at the menu: no minute for herself since her wife's cancer",
        (("ik heb geen minuut meer voor mezelf sinds mijn vrouw kanker heeft", OFFERS),),
    ),
    D(
        "at the menu: anger and guilt, Alzheimer's (no crisis)",
        (
            (
                "ik word soms zo boos op hem, en dan voel ik me schuldig. hij heeft alzheimer",
                {**OFFERS, "not_keys": ["crisis_*"]},
            ),
        ),
    ),
    D(
        "at the menu: day and night since his stroke, 'ik ben op'",
        (("sinds zijn beroerte zorg ik dag en nacht voor hem, ik ben op", OFFERS),),
    ),
    D("at the menu, SMS style", (("ik kan t nie meer aan me moeder heeft dementie", OFFERS),)),
    # -- A first message: acknowledged, kept through onboarding, then the offers.
    D(
        "first message: cannot cope with her husband with dementia",
        (
            (
                "ik kan het niet meer aan met mijn man, hij heeft dementie",
                {"heard": True, "keys": ["ask_name"], "restart_ok": True},
            ),
            *ONBOARD,
            ("ja", {**OFFERS, "effect": ["record_consent"]}),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "first message: polite, caring for her mother is too much, can you help",
        (
            (
                "Goedemiddag, de zorg voor mijn moeder wordt me te veel. Kunt u mij helpen?",
                {"heard": True, "keys": ["ask_name"], "restart_ok": True},
            ),
            *ONBOARD,
            ("ja", OFFERS),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "first message in English: caring for a wife with Parkinson's, cannot cope",
        (
            (
                "Hi, I look after my wife who has Parkinson's and I can't cope anymore",
                {"heard": True, "keys": ["ask_name"], "restart_ok": True, "lang": "en"},
            ),
            ("John", {"keys": ["ask_neighbourhood"]}),
            ("Bloemhof", {"keys": ["consent*"]}),
            ("yes", {**OFFERS, "lang": "en"}),
        ),
        state=first(),
        profile=NEW,
    ),
    # -- In the middle of asking for help, in a thread, as a registered carer.
    D(
        "at the when-question: the care for her husband is too much; not now, the question again",
        (
            *TO_WHEN,
            ("sorry ik weet het even niet, de zorg voor mijn man wordt me allemaal te veel", OFFERS),
            ("3", {"keys": ["ask_when"]}),
        ),
    ),
    D(
        "in a thread: written to the volunteer, passed on, and the offers",
        (
            (
                "Henk, sorry dat ik niet reageerde. de zorg voor mijn man wordt me te veel",
                {"offers": True, "effect": ["relay"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "registered carer at the menu, outside a check-in: Jan more confused, cannot cope",
        (("het gaat niet goed met mij, Jan wordt steeds verwarder en ik kan het niet meer aan", OFFERS),),
        profile=CARER,
    ),
    D(
        "registered carer at the menu: so tired, hardly sleeps because of Jan",
        (("ik ben zo moe, ik slaap bijna niet meer door Jan", OFFERS),),
        profile=CARER,
    ),
    # -- A request in the same message: the request goes on, acknowledged, staff told.
    D(
        "overload and a request: someone to sit with her father on Tuesday",
        (
            (
                "ik trek het niet meer, kan iemand dinsdag even bij mijn vader zitten",
                {**REQUEST, "heard": True, "alert": "normal"},
            ),
        ),
    ),
    D(
        "overload and a request: shopping for the two of them",
        (
            (
                "mijn vrouw heeft dementie en ik ben kapot. kan er iemand boodschappen voor ons doen?",
                {**REQUEST, "heard": True},
            ),
        ),
    ),
    # -- The offers answered in words.
    D(
        "offers answered: call me",
        (("ik kan het niet meer aan met mijn man", OFFERS), ("ja graag, bel me maar even", CALLBACK)),
    ),
    D(
        "offers answered: a few hours off",
        (
            ("de zorg voor mijn vader wordt me te veel", OFFERS),
            ("een paar uurtjes vrij zou al fijn zijn", {"keys": ["care_respite"], "not_keys": MISSES}),
        ),
    ),
    D(
        "offers answered: a kind no",
        (
            ("ik ben zo moe, ik zorg al jaren voor mijn moeder", OFFERS),
            ("nee hoor, het lucht al op dat ik het zeg", {"keys": ["care_heavy_later"], "not_keys": MISSES}),
        ),
    ),
    D(
        "offers answered with a request: someone with him on Saturday",
        (
            ("ik kan het niet meer aan met mijn man", OFFERS),
            (
                "kan iemand zaterdag bij hem blijven zodat ik naar de kapper kan",
                {"keys": ["ask_*"], "not_keys": MISSES},
            ),
        ),
    ),
    # -- Never lose a crisis.
    D(
        "anger that frightens her: afraid of hurting him",
        (("ik word zo boos op hem, ik ben bang dat ik hem iets aandoe", CRISIS),),
    ),
    D(
        "years of care and not wanting to be here any more",
        (
            (
                "ik zorg al 6 jaar voor mijn man, ik zie het niet meer zitten, soms wil ik er niet meer zijn",
                CRISIS,
            ),
        ),
    ),
    D(
        "first message: dementia, cannot go on, wants to die",
        (("mijn moeder heeft dementie, ik kan niet meer, ik wil dood", {**CRISIS, "restart_ok": True}),),
        state=first(),
        profile=NEW,
    ),
    D(
        "after the offers: thinking of ending it",
        (
            ("ik kan het niet meer aan met mijn man", OFFERS),
            ("eigenlijk denk ik er soms aan om er een eind aan te maken", CRISIS),
        ),
    ),
    # -- Look-alikes: calm, read as what they are.
    D("look-alike: cannot find it any more", (("ik kan het niet meer vinden", CALM),)),
    D(
        "look-alike: husband cannot walk, a request for shopping",
        (("mijn man kan niet meer lopen, kan iemand boodschappen doen?", {**REQUEST, "calm": True}),),
    ),
    D("look-alike: tired, going to sleep", (("ik ben moe, ik ga slapen", CALM),)),
    D("look-alike: too much fuss with the app", (("het wordt me te veel gedoe met die app", CALM),)),
    D(
        "look-alike: her mother cannot manage the household, who can help",
        (
            (
                "mijn moeder kan het huishouden niet meer aan, wie kan helpen?",
                {"calm": True, "keys": ["ask_*"]},
            ),
        ),
    ),
    D("look-alike: dead tired from sport", (("ik ben doodop van het sporten haha", CALM),)),
    D("look-alike in English: tired, off to bed", (("I'm tired, off to bed now", CALM),), state=L("en")),
    # -- Other languages.
    D(
        "English at the menu: looking after dad with dementia is getting too much",
        (("Looking after my dad with dementia is getting too much for me", {**OFFERS, "lang": "en"}),),
        state=L("en"),
    ),
    D(
        "Turkish at the menu: mother's care too heavy, tired",
        (("annemin bakımı bana çok ağır geliyor, artık yoruldum", {**OFFERS, "lang": "tr"}),),
        state=L("tr"),
    ),
    D(
        "Polish at the menu: caring for her husband overwhelms her",
        (("opieka nad mężem mnie przerasta, nie daję już rady", {**OFFERS, "lang": "pl"}),),
        state=L("pl"),
    ),
    D(
        "Ukrainian at the menu: caring for mum exhausts her",
        (("догляд за мамою мене виснажує, я вже не справляюся", {**OFFERS, "lang": "uk"}),),
        state=L("uk"),
    ),
    D(
        "Arabic at the menu: caring for a sick husband is beyond her strength",
        (("رعاية زوجي المريض أصبحت فوق طاقتي، أنا متعبة جدا", {**OFFERS, "lang": "ar"}),),
        state=L("ar"),
    ),
]

# Batch 2, held out: written after batch 1's fixes, not aimed at them, scored before fixing.
TO_DESCRIPTION = (("1", {}), ("1", {"keys": ["ask_description"]}))
AFTER_REQUEST = {"keys": ["ask_sent", "overload_after_request"], "not_keys": MISSES}
CARER_THREAD = {**CARER, "threads": WITH_THREAD["threads"]}

BATCH_2 = [
    D(
        "at the menu: 'ik zit helemaal stuk', father with dementia",
        (("ik zit helemaal stuk, mijn vader met dementie woont nu bij ons", OFFERS),),
    ),
    D(
        "at the menu: does not know how long she can keep it up with her mother",
        (("ik weet niet hoe lang ik dit nog volhoud met mijn moeder", OFFERS),),
    ),
    D(
        "at the menu: MS, does everything alone, 'zo op'",
        (("mijn vrouw heeft ms en ik doe alles alleen, ik ben zo op", OFFERS),),
    ),
    D(
        "at the menu: gets to nothing any more since her husband fell ill",
        (("ik kom nergens meer aan toe sinds mijn man ziek is, het is gewoon te veel", OFFERS),),
    ),
    D(
        "at the menu: cries every day, father no longer knows her",
        (("ik huil elke dag, mijn vader herkent me niet meer en ik sta er alleen voor", OFFERS),),
    ),
    D(
        "at the menu: months without a night's sleep because of her son",
        (("ik heb al maanden geen nacht doorgeslapen door de zorg voor mijn zoon, ik ben uitgeput", OFFERS),),
    ),
    D("SMS: 'k kan t nie meer aan met pa'", (("k kan t nie meer aan met pa", OFFERS),)),
    D("SMS: caring for mum weighs on her", (("zorg voor ma valt me zwaar", OFFERS),)),
    D(
        "registered carer at the menu: Jan walks about at night, she is exhausted",
        (("Jan loopt s nachts rond en slaapt overdag, ik ben kapot", OFFERS),),
        profile=CARER,
    ),
    D(
        "registered carer in a thread: to the volunteer, passed on, and the offers",
        (
            (
                "Henk, fijn dat je kwam. Eerlijk gezegd wordt de zorg voor Jan me te veel",
                {"offers": True, "effect": ["relay"]},
            ),
        ),
        profile=CARER_THREAD,
    ),
    D(
        "at the description question: Parkinson's and a trip to the physio is the description",
        (
            *TO_DESCRIPTION,
            (
                "mijn man heeft parkinson en ik kan niet alles meer alleen, hij moet dinsdag naar de fysio",
                {"not_keys": ["ask_description", *MISSES]},
            ),
        ),
    ),
    D(
        "overload and a request: someone to walk with her mother on Wednesday",
        (
            (
                "ik kan het niet meer alleen, wie wil er woensdag met mijn moeder wandelen?",
                {**REQUEST, "heard": True},
            ),
        ),
    ),
    D(
        "overload and a request, sent: the offers for herself, a call back picked in words",
        (
            (
                "ik ben zo moe van de zorg voor mijn man. Is er iemand die zaterdag de tuin kan doen?",
                {**REQUEST, "heard": True},
            ),
            ("1", AFTER_REQUEST),
            ("bel me maar", CALLBACK),
        ),
    ),
    D(
        "first message: Alzheimer's, too much, someone with him on Friday; kept through onboarding",
        (
            (
                "Goedemorgen, ik zorg voor mijn man met alzheimer en het wordt me te veel. Kan er iemand vrijdag een paar uur bij hem zijn?",
                {"heard": True, "keys": ["ask_name"], "restart_ok": True},
            ),
            *ONBOARD,
            ("ja", {"effect": ["record_consent"], "keys": ["ask_*"], "not_keys": ["ask_category", *MISSES]}),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "first message in Turkish: father's care, exhausted",
        (
            (
                "Merhaba, babamın bakımı tamamen bana kaldı, çok yoruldum",
                {"heard": True, "keys": ["ask_name"], "restart_ok": True, "lang": "tr"},
            ),
            ("Ayşe", {"keys": ["ask_neighbourhood"]}),
            ("7395", {"keys": ["consent*"]}),
            ("evet", {**OFFERS, "lang": "tr"}),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "offers answered: someone to talk to would be nice",
        (
            ("de zorg voor mijn vrouw wordt me te zwaar", OFFERS),
            ("ja, iemand om mee te praten zou fijn zijn", CALLBACK),
        ),
    ),
    D(
        "offers answered: what is respite care?",
        (
            ("ik ben zo moe, ik zorg al jaren voor mijn moeder", OFFERS),
            ("wat is dat, even vrij van zorgen?", {"keys": ["care_respite"], "not_keys": MISSES}),
        ),
    ),
    D(
        "offers answered: maybe later",
        (
            ("ik kan het niet meer aan met mijn vader", OFFERS),
            ("misschien later", {"keys": ["care_heavy_later"], "not_keys": MISSES}),
        ),
    ),
    D(
        "offers answered with the first choice: asking neighbours",
        (
            ("mijn moeder heeft dementie en ik ben op", OFFERS),
            ("1", {"keys": ["care_ask_intro", "ask_category"]}),
        ),
    ),
    # -- Crisis first.
    D(
        "passive wish not to be here, while caring",
        (("soms denk ik, als ik er niet meer was, dan was het ook goed. ik zorg al jaren voor hem", CRISIS),),
    ),
    D(
        "she hit him today and is frightened of herself",
        # Was a known miss: "ik heb hem ... geslagen" (a day between) is the carer's own blow now
        # (crisis.toml [concepts.i_hit_them], session 26).
        (("ik heb hem vandaag geslagen, ik schrok van mezelf. ik kan niet meer", CRISIS),),
    ),
    D(
        "he hits her when he is confused (dementia)",
        (("mijn man heeft dementie en hij slaat mij als hij in de war is", CRISIS),),
    ),
    D(
        "first message: cannot go on, does not want to live",
        (
            (
                "ik zorg voor mijn moeder en ik kan niet meer, ik wil niet meer leven",
                {**CRISIS, "restart_ok": True},
            ),
        ),
        state=first(),
        profile=NEW,
    ),
    # -- Look-alikes.
    D(
        "look-alike: her mother can no longer go to the shop alone (a request)",
        (
            (
                "mijn moeder kan niet meer alleen naar de winkel, wie kan haar helpen?",
                {"calm": True, "keys": ["ask_*"]},
            ),
        ),
    ),
    D(
        "look-alike: a carer's request without overload",
        (
            (
                "ik zorg voor mijn moeder, kan iemand dinsdag boodschappen voor haar doen?",
                {**REQUEST, "calm": True},
            ),
        ),
    ),
    D("look-alike: the care is well arranged, thanks", (("de zorg is goed geregeld hoor, dank je", CALM),)),
    D(
        "look-alike: looking for someone to help her father with the computer",
        (
            (
                "ik ben op zoek naar iemand die mijn vader kan helpen met de computer",
                {**REQUEST, "calm": True},
            ),
        ),
    ),
    D(
        "look-alike: too much shopping to carry alone",
        (
            (
                "te veel boodschappen om alleen te dragen, kan iemand helpen?",
                {"calm": True, "keys": ["ask_*"]},
            ),
        ),
    ),
    D(
        "look-alike: her husband is tired after the operation",
        (("mijn man is erg moe na de operatie", CALM),),
    ),
    # -- Other languages.
    D(
        "English: mum with Alzheimer's, worn out, no day off in months",
        (
            (
                "My mum has Alzheimer's and I'm completely worn out, I haven't had a day off in months",
                {**OFFERS, "lang": "en"},
            ),
        ),
        state=L("en"),
    ),
    D(
        "English: exhausted, could someone sit with him on Friday",
        (
            (
                "I'm exhausted from caring for my husband, could someone sit with him on Friday?",
                {**REQUEST, "heard": True, "lang": "en"},
            ),
        ),
        # Was a known miss: "sit with him" is company for the English category reader now (session 26).
        state=L("en"),
    ),
    D(
        "Polish: mum has dementia, worn out, no time for herself",
        (("Mama ma demencję, jestem wykończona, nie mam czasu dla siebie", {**OFFERS, "lang": "pl"}),),
        state=L("pl"),
    ),
    D(
        "Ukrainian: husband after a stroke, caring alone, very tired",
        (("Чоловік після інсульту, я доглядаю його сама і дуже втомилася", {**OFFERS, "lang": "uk"}),),
        state=L("uk"),
    ),
    D(
        "Arabic: mother with dementia, very tired",
        (("أمي مريضة بالخرف وأنا تعبت كثيرا", {**OFFERS, "lang": "ar"}),),
        state=L("ar"),
    ),
]

# Guards: what the fixes must not break (written with batch 2's fixes).
GUARDS = [
    D("on holiday with her husband is no overload", (("ik ben op vakantie met mijn man", CALM),)),
    D(
        "cannot walk since the stroke, a request for shopping",
        (
            (
                "ik kan niet meer lopen sinds mijn beroerte, kan iemand boodschappen doen?",
                {**REQUEST, "calm": True},
            ),
        ),
    ),
    D("tired, 'maak je geen zorgen'", (("ik ben moe hoor, maak je geen zorgen", CALM),)),
    D(
        "husband ill, someone to walk the dog on Saturday: a request",
        (("mijn man is ziek, kan iemand zaterdag de hond uitlaten?", {**REQUEST, "calm": True}),),
    ),
    D(
        "cannot find the keys, her husband has them",
        (("ik kan het niet meer vinden, mijn man heeft de sleutels", CALM),),
    ),
    D(
        "too much fuss with the app, her daughter helps",
        (("het wordt me te veel gedoe met die app, mijn dochter helpt me wel", CALM),),
    ),
    D(
        "caring for the grandchildren, tired but happy",
        (("ik zorg voor mijn kleinkinderen, ik ben moe maar gelukkig", CALM),),
    ),
    D(
        "tired of the app in English",
        (("I'm so tired of this app, my husband says it's fine", CALM),),
        state=L("en"),
    ),
    D(
        "the request's words without the overload: volunteers read the request only",
        (
            (
                "ik trek het niet meer, kan iemand dinsdag even bij mijn vader zitten",
                {"keys": ["ask_summary"], "not_says": ["trek het"], "says": ["bij mijn vader zitten"]},
            ),
            ("1", {**AFTER_REQUEST, "effect": ["create_request"]}),
            ("3", {"keys": ["care_heavy_later"], "no_effect": ["alert_staff"]}),
        ),
    ),
    D(
        "overload and a request, cancelled: no offers after it",
        (
            (
                "ik trek het niet meer, kan iemand dinsdag even bij mijn vader zitten",
                {"keys": ["ask_summary"]},
            ),
            ("annuleren", {"not_keys": ["overload_after_request"]}),
            ("hallo", {"not_keys": ["overload_after_request"]}),
        ),
    ),
    D(
        "a first message that only says it cannot cope: heard, the plain offers after onboarding",
        (
            ("ik kan het niet meer aan", {"heard": True, "keys": ["ask_name"], "restart_ok": True}),
            *ONBOARD,
            ("ja", OFFERS),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "a first message with overload and a request: onboarding, the request, sent, the offers for herself",
        (
            (
                "mijn vrouw heeft dementie en ik ben kapot. kan er iemand zaterdag boodschappen voor ons doen?",
                {"heard": True, "keys": ["ask_name"], "restart_ok": True},
            ),
            *ONBOARD,
            ("ja", {"keys": ["ask_summary"], "not_keys": MISSES, "alert": "normal"}),
            ("1", AFTER_REQUEST),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "consent declined after a first message of overload: the offers all the same",
        (
            ("de zorg voor mijn moeder wordt me te veel", {"heard": True, "restart_ok": True}),
            *ONBOARD,
            ("nee", {"offers": True, "keys": ["consent_declined"]}),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "registered carer mid-question: ZWAAR's offers, then the question again",
        (
            *TO_WHEN,
            ("de zorg voor Jan wordt me echt te veel", {"keys": ["care_heavy_offers"], "offers": True}),
            ("4", {"keys": ["ask_when"]}),
        ),
        profile=CARER,
    ),
    D(
        "asking neighbours from the carer's offers",
        (
            ("de zorg voor mijn moeder wordt me te veel", OFFERS),
            ("1", {"keys": ["care_ask_intro", "ask_category"]}),
        ),
    ),
    D(
        "too much shopping for her mother: a request, no overload",
        (("te veel boodschappen voor mijn moeder, kan iemand helpen?", {"calm": True, "keys": ["ask_*"]}),),
    ),
    D(
        "a check-in is still read as before",
        (
            (
                {"internal": "care_checkin", "meta": {"checkin_id": 7, "name": "Jan"}},
                {"keys": ["care_checkin"]},
            ),
            ("het gaat wel, ik ben wel moe", {"not_keys": ["distress_offers"]}),
        ),
        profile=CARER,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, overload_check)


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, overload_check)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue, overload_check)


def figures(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    return score(dialogues, overload_check)
