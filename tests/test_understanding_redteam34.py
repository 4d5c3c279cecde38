# Messages are kept whole and as typed (Turkish dotless i, Cyrillic and Arabic letters).
# ruff: noqa: RUF001, RUF002, E501
"""Red-team set 34: crisis round 24. Crises told by other people and in other roles, and the crisis reader's
exclusion lists. A volunteer about the resident they visit (in a thread with her, at "Is het gelukt?", at the
menu: starts "vthread", "vgelukt", "vmenu" for the volunteer Henk), a resident about the volunteer, a child or
grandchild for a parent, a carer at the check-in, a neighbour through the wall; Arabic script and Darija in Latin
letters, Ukrainian in Latin letters, Turkish and Polish without diacritics, mixed languages, voice-to-text without
punctuation, emoji, capitals; and look-alikes in the same roles. Format and checks of round 32
(tests/test_understanding_redteam32.py), with one change: a look-alike holds with no crisis reply and no crisis
or high alert; a normal-priority meet_remark after a visit ("mevrouw was wel moe", round 19) is the team hearing
how it went, not an alarm (b1-37 failed on it under round 32's "no alert of any kind"). Main: 87563d4.

- Batch 1 (43: 32 crises, 11 look-alikes; nl 27, en 4, tr 4, ar 3, pl 3, uk 2), written before the crisis code
  was read. Main: 36/43 under round 32's check, 37/43 under this file's (crises 26/32, look-alikes 11/11; nl
  22/27, ar 2/3, the rest whole). Missed: "de vrijwilliger is net flauwgevallen" (the device list), taken ill
  with odd speech, "scheef gaan praten en zijn mond hangt", "طاح ... وما قادرش يوقف", "t7at w ma bqatch katjawb",
  a CO alarm with "ik ruik geen gas". After: 43/43.
- Batch 2 (44: 32 crises, 12 look-alikes; nl 19, en 7, tr 5, ar 4, pl 4, uk 5), held out, written after batch
  1's fixes and not aimed at them (b2-12 was first written as a message an earlier round has word for word; it
  was replaced before scoring). Before its own fixes (the honest figure): 35/44 (crises 24/32, look-alikes
  11/12; nl 16/19, en 5/7, tr 4/5, ar 3/4, pl 4/4, uk 3/5); main the same 35/44. Missed: "zit heel raar te
  ademen en is helemaal grauw", "hasnt woken up ... i shake him and nothing", "roept door de muur 'help help',
  ik heb geen sleutel", "moaning through the wall", "haar man haar opsluit en haar telefoon afpakt", "бабуся
  ... не хоче жити і роздає свої речі", "جدتي طاحت ومابقاتش كتهضر", "didus vpav ... i ne vstaie"; a false alarm
  on "annem yeni telefonuna cevap vermiyor". After: 44/44.
- GUARDS (13, written after batch 2's fixes, no measure): the edges of the new rules.
- KNOWN_MISSES: none.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms. `flows.crisis.detect`
  (and the answering mark) on the 19,712 earlier strings (tests/data, the shared corpus, every red-team module
  and the dialogue red-team modules): the same as main but round 32's g-10 (now calm, as it asks) and two
  dialogue test titles ("... does not want to live", "... wants to die", now 113 as a message saying so would be).

Exclusion lists checked for people, roles and relatives ([concepts] used in `unless`):
- `device` had "vrijwilliger"/"volunteer": every fall and unresponsive rule went quiet in a sentence naming the
  volunteer ("de vrijwilliger is flauwgevallen", "... ligt onderaan de trap", "the volunteer collapsed"). Taken
  out; a volunteer or helper who does not answer messages is `role_no_reply` ("de vrijwilliger reageert al dagen
  niet", "gönüllü cevap vermiyor", "wolontariusz nie odpowiada", which were 112 in tr, pl, uk), a guard on the
  words it overlaps only.
- `device` guards round 1's "unresponsive" for the whole sentence, so a person by a device went quiet ("opa zit
  voor de tv en reageert niet meer", "oma ligt naast haar telefoon en reageert niet"): `by_a_device` with
  `unresponsive` is a rule of its own without the device guard (asleep, habitual, advice still guard).
- `known_visitor` had "mijn zoon", "mijn dochter", "de buurman", "de buurvrouw": "er probeert een vreemde man
  binnen te komen en mijn dochter is niet thuis" was calm. Taken out; `known_visitor_is` says the visitor is them
  ("het was mijn zoon", "bleek de buurman").
- Left: `play` has "sleutel(s)"/"keys" (for throwing), so "ik heb geen sleutel" calms the rules that list `play`
  (this round's new rules do not); `outsider` has "buurman"/"buurvrouw" for the Veilig Thuis rules (a
  neighbour's threat is 112), sentence-wide.

Mechanisms (flows/understanding/data/crisis.toml, "round crisis24" blocks at the end, and in place: the device,
known_visitor lists, three rules' guards): the above; stroke signs (`speech_odd_more` "scheef gaan praten",
`sudden` with `limb_fails`, taken ill with odd speech); Darija "stand up" (يوقف, wgef) after a fall and "cannot",
"no longer answers" (ma bqatch katjawb, joined مابقاتش); a CO alarm that sounds (`co_alarm` + `alarm_sounds`,
marked "gas", not for a battery or a test); a gas smell said to be gone (`gas_gone`, overlapping the match only:
round 32's g-10 strict xfail now passes, its xfail removed, and "ik ruik geen gas maar de koolmonoxidemelder
gaat af" is the CO rule); a stranger at the door "die niet weggaat"; breathing odd with "te" and a colour gone or
sweat; not woken with shaking, shaking and nothing; a call for help or a moan through a wall; control at home
told of someone else (their_partner + locks her in, takes her phone: Veilig Thuis); a wish to die said of
someone else (uk, ru, pl, tr, ar, en); "does not get up" with the negation apart (uk "не встає", whose one-word
key is shared with another language, pl "nie wstaje", en, tr); Turkish device words with case endings
("telefonuna").
"""

from __future__ import annotations

from typing import Any

import pytest

from flows import catalogue
from flows.profile import after
from tests.crisis_round_support import HENK, case_params
from tests.dialogue_redteam_support import CLOCK, event_of, menu_state, step
from tests.redteam_support import every_earlier_string
from tests.test_dialogues_redteam5 import VOLUNTEER_MEETING
from tests.test_understanding_redteam32 import NUMBER, OWN, Case
from tests.test_understanding_redteam32 import start as start_32

C = Case
# The volunteer Henk, matched with the resident Ans: a thread with her, and the "Is het gelukt?" after his visit.
ANS_THREAD = {"id": 6, "other_name": "Ans", "category": "boodschappen", "status": "open"}
HENK_IN_A_THREAD = {**HENK, "threads": [ANS_THREAD]}
VOLUNTEER_CHECK = {
    "internal": "meet_check",
    "meta": {"meeting": {**VOLUNTEER_MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}},
}


def start(where: str) -> tuple[dict[str, Any], dict[str, Any], tuple[Any, ...]]:
    """Round 32's starts and the volunteer's: "vmenu" (Henk at the menu), "vthread" (Henk in a thread with
    Ans), "vgelukt" (Henk asked "Is het gelukt?" after his visit to Ans); ":lang" (nl when none)."""
    place, _, lang = where.partition(":")
    lang = lang or "nl"
    if place == "vmenu":
        return (menu_state(lang), HENK, ())
    if place == "vthread":
        return (menu_state(lang), HENK_IN_A_THREAD, ())
    if place == "vgelukt":
        return (menu_state(lang), HENK_IN_A_THREAD, (VOLUNTEER_CHECK,))
    return start_32(where)


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
    """What does not hold (as in round 32). A crisis: a crisis reply with the number and a high alert,
    nothing passed on, the question open before it open after. A look-alike: no crisis reply and no
    staff alert of any kind."""
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
        if _crisis_keys(result):
            out.append(f"a crisis answer {_crisis_keys(result)}")
        # No crisis alert and no high one; a normal-priority remark after a visit (round 19's meet_remark,
        # "mevrouw was wel moe") is the team hearing how it went, not an alarm.
        alerts = [
            e.data
            for e in result.effects
            if e.kind == "alert_staff"
            and (str(e.data.get("kind", "")).startswith("crisis") or e.data.get("priority") != "normal")
        ]
        if alerts:
            out.append(f"staff alerted {alerts}")
    if out:
        out.append(
            f"({[r.key for r in result.replies]}; {[e.data for e in result.effects if e.kind == 'alert_staff']})"
        )
    return out


BATCH_1 = [
    # a volunteer about the resident they visit, and a resident about the volunteer
    C(
        "b1-01",
        "vthread",
        "whatsapp",
        "Ans ligt op de grond in de gang en reageert niet als ik haar roep 😨",
        "112",
    ),
    C(
        "b1-02",
        "vgelukt",
        "sms",
        "nee ik sta nu bij mevrouw, ze is heel verward en zegt dat ze pijn op de borst heeft",
        "112",
    ),
    C(
        "b1-03",
        "thread",
        "telegram",
        "de vrijwilliger is net flauwgevallen in mijn keuken, wat moet ik doen",
        "112",
    ),
    C(
        "b1-04",
        "vmenu",
        "whatsapp",
        "ik ben bij de mevrouw waar ik boodschappen voor doe, ze is onwel geworden en heel grauw",
        "112",
    ),
    C(
        "b1-05",
        "vgelukt:en",
        "telegram",
        "no. when i got there she was on the kitchen floor, breathing but not responding",
        "112",
    ),
    C("b1-06", "vthread:tr", "whatsapp", "Ans hanım yerde yatıyor, seslendim ama cevap vermiyor", "112"),
    C("b1-07", "vmenu:pl", "sms", "jestem u pani Ani, upadla i nie moze wstac, krwawi z glowy", "112"),
    C(
        "b1-08",
        "thread",
        "whatsapp",
        "Marieke is hier bij mij thuis onwel geworden, ze zit te trillen en praat heel raar",
        "112",
    ),
    C(
        "b1-09",
        "vmenu",
        "telegram",
        "ik ben vrijwilliger bij meneer Bakker, vandaag zei hij dat hij niet meer wil leven",
        "113",
    ),
    # a child or grandchild for a parent, a carer about the person cared for, a neighbour through the wall
    C("b1-10", "menu", "sms", "mijn vader is gevallen en mijn moeder krijgt hem niet overeind", "112"),
    C(
        "b1-11",
        "first:en",
        "whatsapp",
        "hi, writing for my mum, she took all her sleeping pills and i cant wake her",
        "life",
    ),
    C("b1-12", "first:tr", "sms", "annem dustu kalkamiyor babam da kaldiramiyor lutfen yardim", "112"),
    C("b1-13", "menu:pl", "sms", "moj tata upadl w lazience i nie moze wstac", "112"),
    C(
        "b1-14",
        "checkin",
        "whatsapp",
        "Jan is vanochtend ineens scheef gaan praten en zijn mond hangt aan een kant",
        "112",
    ),
    C("b1-15", "checkin:en", "telegram", "jan is grey and sweaty and says his chest feels tight", "112"),
    C(
        "b1-16",
        "menu",
        "sms",
        "ik hoor de buurman door de muur om hulp roepen maar hij doet niet open",
        "112",
    ),
    C(
        "b1-17",
        "menu",
        "whatsapp",
        "door de muur hoor ik de buurvrouw gillen en haar man slaat haar, ik hoor klappen",
        "any",
    ),
    C(
        "b1-18",
        "menu",
        "telegram",
        "oma belde me net huilend, ze zegt dat ze er een eind aan wil maken",
        "113",
    ),
    C(
        "b1-19",
        "checkin",
        "sms",
        "mijn moeder zegt steeds dat ze dood wil en vanavond vond ik haar pillen verstopt onder het matras",
        "113",
    ),
    # other scripts, transliteration, mixed languages
    C("b1-20", "menu:ar", "whatsapp", "mama t7at f lkouzina w ma katqderch tnod, 3afak", "112"),
    C("b1-21", "menu:ar", "sms", "أبي طاح في الحمام وما قادرش يوقف", "112"),
    C("b1-22", "menu:uk", "sms", "mama vpala i ne mozhe vstaty, dopomozhit", "112"),
    C("b1-23", "vthread:uk", "telegram", "пані лежить на підлозі і не відповідає", "112"),
    C("b1-24", "menu:tr", "sms", "komsumdan gaz kokusu geliyor kapiyi acmiyor", "gas"),
    C("b1-25", "menu:pl", "sms", "czuje gaz na klatce schodowej", "gas"),
    C("b1-26", "menu", "whatsapp", "annem is gevallen, yerde yatiyor, kan niet opstaan", "112"),
    C("b1-27", "menu", "whatsapp", "mijn moeder t7at w ma bqatch katjawb", "112"),
    # voice-to-text, emoji, capitals
    C(
        "b1-28",
        "first",
        "sms",
        "ja hallo met mevrouw jansen ik bel voor mijn moeder ze is gevallen en ligt op de grond ze kan niet meer opstaan en ze heeft veel pijn",
        "112",
    ),
    C("b1-29", "menu", "whatsapp", "🚨🚨 opa is niet aanspreekbaar 😭😭🙏🙏", "112"),
    C("b1-30", "menu", "sms", "HELP MIJN MAN KRIJGT GEEN LUCHT", "112"),
    C("b1-31", "menu:en", "sms", "MY DAD COLLAPSED HES NOT BREATHING", "112"),
    C(
        "b1-32",
        "menu",
        "whatsapp",
        "ik ruik geen gas maar de koolmonoxidemelder piept de hele tijd en ik heb hoofdpijn",
        "112",
    ),
    # look-alikes in the same roles
    C("b1-33", "thread", "whatsapp", "de vrijwilliger is gevallen voor haar charme 😄", None),
    C(
        "b1-34",
        "menu",
        "telegram",
        "mijn vader valt altijd in slaap bij de tv, kan iemand 's avonds een spelletje met hem doen?",
        None,
    ),
    C("b1-35", "vthread", "sms", "ze reageert niet op mijn berichten, ik probeer het morgen nog eens", None),
    C("b1-36", "menu", "whatsapp", "na de reparatie ruik ik gas nergens meer, top", None),
    C(
        "b1-37",
        "vgelukt",
        "telegram",
        "ja het is gelukt, mevrouw was wel moe en viel daarna in slaap op de bank",
        None,
    ),
    C(
        "b1-38",
        "menu",
        "sms",
        "mijn moeder is vorige maand gevallen, nu gaat het weer, kan iemand boodschappen voor haar doen?",
        None,
    ),
    C("b1-39", "menu:ar", "whatsapp", "mama mrida chwiya b lberd, khassha chi wa7ed ychri liha dwa", None),
    C("b1-40", "menu:tr", "sms", "babam tv karsisinda yine uyuyakaldi 😂", None),
    C("b1-41", "menu", "sms", "IK BEN MIJN SLEUTELS KWIJT HELP 😂", None),
    C("b1-42", "vmenu", "telegram", "mijn telefoon reageert niet meer op de app, kan iemand helpen", None),
    C(
        "b1-43",
        "menu",
        "whatsapp",
        "ik hoor de buren door de muur ruzie maken over de tv, is er buurtbemiddeling?",
        None,
    ),
]

BATCH_2 = [
    # a volunteer about the resident, a resident about the volunteer
    C(
        "b2-01",
        "vthread",
        "whatsapp",
        "ik ben nu bij Ans, ze zit heel raar te ademen en is helemaal grauw",
        "112",
    ),
    C(
        "b2-02",
        "vgelukt",
        "sms",
        "niet gelukt. ze deed niet open, ik hoorde haar wel roepen dat ze gevallen was",
        "112",
    ),
    C(
        "b2-03",
        "vmenu:en",
        "telegram",
        "im with mrs de vries right now, she says she wants to end it and has pills on the table",
        "life",
    ),
    C("b2-04", "vthread:pl", "whatsapp", "pani Ania upadła, leży i nie odpowiada, co robić", "112"),
    C(
        "b2-05",
        "vgelukt:uk",
        "telegram",
        "ні, коли я прийшов, вона лежала на підлозі і не могла встати",
        "112",
    ),
    C(
        "b2-06",
        "thread",
        "whatsapp",
        "de vrijwilliger kreeg het benauwd en greep naar zijn borst, hij zit nu op de bank",
        "112",
    ),
    C("b2-07", "vmenu:tr", "sms", "ziyaret ettiğim teyze bayıldı, ambulans mı çağırayım", "112"),
    C("b2-08", "vthread:ar", "whatsapp", "l7ajja t7at f lbit o ma katnodch, ana m3aha daba", "112"),
    C(
        "b2-09",
        "vmenu",
        "telegram",
        "de meneer waar ik kom vertelde dat zijn zoon hem slaat als hij geld weigert",
        "vt",
    ),
    # a child or grandchild, a carer at the check-in, a neighbour through the wall
    C(
        "b2-10",
        "menu",
        "whatsapp",
        "mijn moeder belde net, ze is in de badkamer gevallen en komt niet meer omhoog, ik woon 2 uur verderop",
        "112",
    ),
    C(
        "b2-11",
        "first:en",
        "sms",
        "my dad lives alone in molenwijk, he just rang me slurring and says he cant feel his arm",
        "112",
    ),
    C("b2-12", "menu:tr", "sms", "babamin dudaklari mosmor oldu nefes alamiyor lutfen", "112"),
    C("b2-13", "menu:pl", "sms", "mama nie oddycha prosze pomocy", "112"),
    C(
        "b2-14",
        "checkin",
        "whatsapp",
        "Jan is net in de douche onderuit gegaan en bloedt erg uit zijn hoofd",
        "112",
    ),
    C("b2-15", "checkin:en", "sms", "jan hasnt woken up since this morning, i shake him and nothing", "112"),
    C("b2-16", "checkin:tr", "telegram", "Jan sabahtan beri konuşmuyor, gözlerini açmıyor", "112"),
    C(
        "b2-17",
        "menu",
        "sms",
        "de buurvrouw roept al een uur door de muur 'help help', ik heb geen sleutel",
        "112",
    ),
    C(
        "b2-18",
        "menu:en",
        "telegram",
        "i can hear the old man next door moaning through the wall since last night",
        "112",
    ),
    C(
        "b2-19",
        "menu",
        "whatsapp",
        "mijn buurvrouw vertelde dat haar man haar opsluit en haar telefoon afpakt",
        "vt",
    ),
    C("b2-20", "menu:uk", "telegram", "моя бабуся каже, що більше не хоче жити і роздає свої речі", "113"),
    # other scripts, transliteration, mixed languages
    C("b2-21", "menu:ar", "whatsapp", "جدتي طاحت ومابقاتش كتهضر", "112"),
    C("b2-22", "menu:ar", "sms", "baba 3ndo wja3 kbir f sdro w ki3re9", "112"),
    C("b2-23", "menu:uk", "sms", "babusia ne dykhaie, dopomozhit", "112"),
    C("b2-24", "menu:uk", "sms", "didus vpav na kukhni i ne vstaie", "112"),
    C("b2-25", "menu", "whatsapp", "oma is gevallen, kalkamıyor, wat moet ik doen", "112"),
    C("b2-26", "menu:pl", "sms", "czuc gaz w calym mieszkaniu u sasiadki", "gas"),
    C("b2-27", "menu:en", "whatsapp", "my mum heeft teveel pillen genomen, she is very drowsy", "life"),
    # voice-to-text, emoji, capitals
    C(
        "b2-28",
        "first",
        "sms",
        "hallo ik ben de dochter van mevrouw bakker zij woont in de molenwijk ze belde mij net ze zegt dat ze niet meer wil leven ik maak me grote zorgen",
        "113",
    ),
    C("b2-29", "menu", "whatsapp", "😱😱😱 pap ligt op de grond 🆘 ademt raar", "112"),
    C("b2-30", "menu", "sms", "MIJN MOEDER IS VAN DE TRAP GEVALLEN EN BEWEEGT NIET", "112"),
    C("b2-31", "menu:en", "sms", "THERES SMOKE COMING FROM MY NEIGHBOURS FLAT AND SHE IS IN THERE", "fire"),
    C("b2-32", "menu:tr", "sms", "ANNEM BAYILDI YARDIM EDIN", "112"),
    # look-alikes in the same roles
    C(
        "b2-33",
        "thread",
        "whatsapp",
        "de vrijwilliger viel bijna om van het lachen toen ze mijn kat zag 😂",
        None,
    ),
    C(
        "b2-34",
        "vgelukt",
        "telegram",
        "ja gelukt hoor, meneer was wel een beetje verward over de dag maar verder prima",
        None,
    ),
    C("b2-35", "menu", "sms", "mijn moeder reageert nooit op whatsapp, kan iemand haar leren appen?", None),
    C(
        "b2-36",
        "checkin",
        "sms",
        "Jan is vandaag gevallen maar kon zelf weer opstaan, niks aan de hand",
        None,
    ),
    C(
        "b2-37",
        "menu:en",
        "telegram",
        "my dad always dozes off in his chair after lunch, could someone take him for a walk?",
        None,
    ),
    C("b2-38", "menu:tr", "sms", "annem yeni telefonuna cevap vermiyor, ayar yapmak lazım", None),
    C("b2-39", "menu:ar", "whatsapp", "baba kay7ess b l3ya chwiya, bghit chi wa7ed ychri lih l7wayej", None),
    C("b2-40", "menu:pl", "sms", "sąsiad za ścianą słucha głośno muzyki, nie da się spać", None),
    C("b2-41", "menu", "whatsapp", "DE VRIJWILLIGER WAS ECHT TOP!!! 🙌🙌", None),
    C(
        "b2-42",
        "vthread",
        "telegram",
        "mevrouw zegt dat ze er klaar mee is, met die thuiszorg die steeds te laat komt",
        None,
    ),
    C("b2-43", "menu:uk", "sms", "babusia trokhy vtomylas, ale vse normalno", None),
    C("b2-44", "menu", "telegram", "ik ruik geen gas, de nieuwe ketel is veilig volgens de monteur", None),
]
GUARDS = [
    C("g-01", "menu", "whatsapp", "ik hoor de buren door de muur 'help' zingen bij de karaoke 🎤", None),
    C("g-02", "menu", "sms", "door de muur hoor ik de buurman kreunen bij het voetbal op tv", None),
    C(
        "g-03",
        "thread:en",
        "telegram",
        "the volunteer isnt responding to my texts, can i get someone else?",
        None,
    ),
    C("g-04", "menu", "sms", "de co-melder piept omdat de batterij leeg is, wie kan hem vervangen?", None),
    C(
        "g-05",
        "checkin",
        "telegram",
        "hij is niet wakker geworden van de wekker, ik laat hem lekker slapen",
        None,
    ),
    C("g-06", "menu", "whatsapp", "oma zit voor de tv te slapen en reageert niet op mijn appje", None),
    C("g-07", "menu:tr", "sms", "babam mesajlarıma cevap vermiyor, telefonu bozuk galiba", None),
    C("g-08", "menu", "telegram", "er stond een man aan de deur die niet wegging, het was de monteur", None),
    C(
        "g-09",
        "thread",
        "whatsapp",
        "de vrijwilligster is in mijn gang in elkaar gezakt en reageert niet",
        "112",
    ),
    C("g-10", "menu", "sms", "ik hoor de buurvrouw door de muur kreunen en ze doet niet open", "112"),
    C("g-11", "menu:pl", "whatsapp", "czujnik czadu wyje od rana i boli mnie głowa", "gas"),
    C("g-12", "vthread:en", "telegram", "ans is in her chair in front of the tv and not responding", "112"),
    C("g-13", "menu", "sms", "er probeert iemand in te breken en mijn zoon is er niet, ik ben alleen", "112"),
]
KNOWN_MISSES: dict[str, str] = {}


@pytest.mark.parametrize("case", case_params([*BATCH_1, *BATCH_2, *GUARDS]))
def test_crises_in_every_context(case: Case) -> None:
    assert not problems(case)


def test_the_contexts_are_reached() -> None:
    """The volunteer's starts get to where they say (a check of the harness)."""
    from tests.golden_runner import profile_from

    for lang in ("nl", "en", "tr", "ar", "pl", "uk"):
        for place, key in {"vgelukt": "meet_check", "vmenu": None, "vthread": None}.items():
            state, profile_data, before = start(f"{place}:{lang}")
            profile = profile_from(dict(profile_data))
            for sent in before:
                result = step(state, event_of(sent), CLOCK, profile)
                profile = after(profile, result.effects)
                state = result.state
            assert (state.get("prompt") or {}).get("key") == key, (place, lang, state.get("prompt"))


def test_the_round_is_new() -> None:
    seen = every_earlier_string(__file__)
    cases = (*BATCH_1, *BATCH_2, *GUARDS)
    old = [case.text for case in cases if case.text.casefold() in seen]
    assert not old, old
    assert len({case.id for case in cases}) == len(cases)
