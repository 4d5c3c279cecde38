# Messages are kept whole and as typed (Turkish dotless i, Cyrillic and Arabic letters).
# ruff: noqa: RUF001, RUF002, E501
"""Red-team set 32: crisis round 23. The people hardest to read, in every context a message can arrive: a
new person's first message, the name, neighbourhood and consent questions, the kinds of help, the time and
urgency questions, the menu, a carer's check-in, a volunteer's invitation, "Is het gelukt?" after a meeting and a
thread with a matched neighbour; nl, en, tr, ar (also Darija in Latin letters), pl, uk; SMS plain (often no
accents), WhatsApp with emoji, Telegram. An overloaded mantelzorger at night, an elder who fell told in passing,
a neighbour worried for someone else, ending life hinted at without the words (things given away, goodbyes,
affairs in order, "het hoeft voor mij niet meer"), abuse told sideways, an overdose, gas, fire, water with
sparks; and look-alikes that must stay calm ("ik verveel me echt dood", "Marieke reageert niet", "hij is
gevallen maar alles is goed", "mijn telefoon is dood", a TV programme about suicide, plants dying).

A crisis holds when its message gets a crisis reply with the number ("112", "113", "0800-2000" for Veilig
Thuis; "life": 112 or 113; "any": one of the three), a high alert_staff effect, nothing passed on to the
neighbour and the question open before it still open; "carer", "gas" and "fire" also need their own reply
and alert. A look-alike holds with no crisis reply and no staff alert of any kind. Main: 563658f.

- Batch 1 (BATCH_1, 47: 32 crises, 15 look-alikes; nl 24, en 7, tr 5, ar 4, pl 3, uk 4), written before the
  crisis code was read. Main: 32/47 (crises 17/32, look-alikes 15/15; nl 18/24, en 5/7, tr 2/5, ar 2/4, pl 2/3,
  uk 3/4). b1-12 was first written as a message an earlier round has word for word (it passed); it was
  replaced by a new wording before scoring. After: 47/47.
- Batch 2 (BATCH_2, 42: 31 crises, 11 look-alikes; nl 21, en 6, tr 3, ar 3, pl 5, uk 4), held out, written
  after batch 1's fixes and not aimed at them. Before its own fixes (the honest figure): 25/42 (crises 14/31,
  look-alikes 11/11; nl 12/21, en 3/6, tr 2/3, ar 1/3, pl 4/5, uk 3/4). Main: 24/42. Missed: a carer's "tik
  gegeven ... herken mezelf niet meer", "kussen gepakt ... geschrokken van mezelf", "pushed mum ... harder than
  i meant", "на межі ... штовхнула маму", "ma b9itch 9adra ... drbt mama" (four read violence or distress, not
  the carer); "uitgegleden ... dat ik niet kan staan"; a neighbour's worry with the letterbox full and the
  light on for days, "hasnt opened his door in 3 days" with a smell, calling heard through the wall; affairs in
  order with a cat handed over, "please keep my cat, i wont be needing anything", "rozdałam ... niedługo mnie
  nie będzie", "yük olmak istemiyorum, yakında giderim", "سامحوني على كلشي، ما بقيتش غادي نزعجكم"; food withheld by
  a daughter, "niet schrikken van mijn gezicht ... slechte bui"; too many morphine patches and slow
  breathing. After: 42/42.
- GUARDS (18, written after batch 2's fixes, no measure): the edges of the new rules. g-10 was a strict xfail
  (fixed in round crisis24, tests/test_understanding_redteam34.py).
- KNOWN_MISSES: none.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms. `flows.crisis.detect` on
  the 13,938 earlier strings (tests/data, the shared corpus, every other red-team module): the same on main for
  every one but "ik heb mijn moeder geslagen, ik kan het niet meer aan" (round 17), which now gets the carer's
  answer (crisis_carer, still Veilig Thuis) instead of the violence answer. Decided: a blow to one's mother with
  "I cannot cope anymore" is the carer at the limit; the reader's number (veilig_thuis) is unchanged.

Mechanisms:
- flows/understanding/crisis.py `_LATIN_RUN`: folding keeps the Polish "ł", and the SMS mending cut words at it
  ("niedługo" became "nied" + "ugo", "nied" mended into Dutch "niet"), so no Polish phrase with "ł" in a word
  could match; the letter is now part of the word.
- data/crisis.toml, blocks "round crisis23" (concepts and rules, appended): a gas smell with words between
  ("nu ruik ik gas in de gang"); smoke in the shared spaces of a block (koridor, klatka, під'їзд, الدروج);
  Darija "l3afya" (fire, also health) only with a place or "kayna" and no blessing; water inside with sparks
  (112); a Darija fall with "no longer able to get up"; an old neighbour with days and closed curtains or milk
  left out, not when known to be away; things given away with "I will not need them", a goodbye or "take care
  of yourself", not with a move, a clear-out or something new; goodbyes said and gone soon; bruises or a face
  not to be frightened of with a partner's anger or mood, not after a fall; a carer at the end of their
  strength who was rough, or who gave a blow with fright of oneself, or who fears to harm in Turkish, Polish,
  Ukrainian, Darija words (marked "carer"); afraid of doing something one would regret, with no one named (113;
  "bang dat" is taken out as an idiom, so the phrases are its rest; not a mistake feared); a fall and unable to
  stand; worry about a neighbour with signs seen from outside; calling heard with no door opened; affairs in
  order with a pet or things handed over; a burden who goes soon; forgiveness or thanks for everything with "I
  will not bother you anymore"; food withheld by someone at home; opioid patches with too many, slow breathing
  with drowsiness, patches or pills (112).

Noticed, left: the support's "ask_when" start (tests/crisis_round_support.py) does not reach the time question
in tr, pl and uk: "haftalık market alışverişi", "zakupy na ten tydzień", "покупки на цей тиждень" are read as a
time only and the description is asked again, so earlier rounds' "ask_when:tr/pl/uk" cases ran at the
description question (this file uses descriptions without a time). A greeting alone in English or Turkish
("hello", "merhaba") keeps a new person's language Dutch.
"""

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
    C(
        "b1-09",
        "name",
        "telegram",
        "Joke. ik lig al een tijdje op de grond in de badkamer, kom niet meer overeind",
        "112",
    ),
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
    C(
        "b1-17",
        "consent",
        "telegram",
        "ja hoor, maakt niet meer uit, over een week ben ik er toch niet meer",
        "113",
    ),
    C(
        "b1-18",
        "checkin:en",
        "telegram",
        "i've given my things away to the kids. won't need them where im going",
        "113",
    ),
    C(
        "b1-19",
        "ask_when:tr",
        "sms",
        "fark etmez, yakında burada olmayacağım zaten, herkese veda ettim",
        "113",
    ),
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
    C(
        "b1-24",
        "thread:en",
        "telegram",
        "sorry about the bruises you saw, my husband gets angry when dinner is late",
        "vt",
    ),
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
    C(
        "b1-31",
        "neighbourhood:tr",
        "whatsapp",
        "molenwijk. binada yangın alarmı çalıyor ve koridorda duman var",
        "fire",
    ),
    C("b1-32", "invitation:ar", "telegram", "ما نقدرش دابا، كاينة العافية فالعمارة ديالنا", "fire"),
    # look-alikes that must stay calm
    C(
        "b1-33",
        "menu",
        "whatsapp",
        "ik verveel me echt dood hier 😂 wat is er deze week te doen in de wijk",
        None,
    ),
    C("b1-34", "thread", "sms", "Marieke reageert niet, heeft ze mijn bericht wel gezien?", None),
    C(
        "b1-35",
        "thread",
        "whatsapp",
        "ze reageert al twee dagen niet op mijn appjes 🤔 zal ik haar bellen?",
        None,
    ),
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
    C(
        "b1-44",
        "gelukt:en",
        "telegram",
        "yes it went fine, she fell asleep on the sofa halfway through lol",
        None,
    ),
    C("b1-45", "checkin:uk", "telegram", "все добре, він упав учора, але нічого страшного, вже ходить", None),
    C("b1-46", "gelukt", "whatsapp", "het was gezellig! ze zei nog 'ik wil niet meer naar huis' haha", None),
    C(
        "b1-47",
        "first",
        "sms",
        "goedendag, mijn man is jaren geleden overleden en nu wil ik graag vrijwilliger worden",
        None,
    ),
]

BATCH_2 = [
    # an overloaded mantelzorger, at night
    C(
        "b2-01",
        "checkin",
        "whatsapp",
        "het is 4 uur en hij is weer aan het schreeuwen 😫 ik heb hem net een tik gegeven, ik herken mezelf niet meer",
        "carer",
    ),
    C(
        "b2-02",
        "menu",
        "sms",
        "ik zorg al 6 jaar voor mijn vrouw en vannacht heb ik een kussen gepakt en ben ik geschrokken van mezelf",
        "carer",
    ),
    C(
        "b2-03",
        "checkin:en",
        "telegram",
        "honestly im losing it. i pushed mum back onto the bed tonight, harder than i meant to",
        "carer",
    ),
    C(
        "b2-04",
        "checkin:uk",
        "telegram",
        "я вже на межі, сьогодні штовхнула маму, боюся що наступного разу буде гірше",
        "carer",
    ),
    C("b2-05", "checkin:ar", "whatsapp", "ma b9itch 9adra, lbare7 drbt mama w ana kanbki 😢", "carer"),
    # an elder who fell, told in passing
    C(
        "b2-06",
        "first",
        "sms",
        "goedenavond. ik wou vragen naar de boodschappendienst. ik zit nu op de grond naast het bed want ik kom niet meer omhoog na het vallen",
        "112",
    ),
    C(
        "b2-07",
        "neighbourhood",
        "telegram",
        "de akkers. sorry dat het lang duurt, ik ben uitgegleden in de keuken en mijn heup doet zo'n pijn dat ik niet kan staan",
        "112",
    ),
    C("b2-08", "consent:pl", "sms", "tak. przewrocilam sie w lazience i nie moge wstac od godziny", "112"),
    C(
        "b2-09",
        "gelukt:tr",
        "whatsapp",
        "hayır gelmedi. ben de banyoda düştüm, yerden kalkamıyorum 😞",
        "112",
    ),
    C("b2-10", "name:uk", "telegram", "Галина. я впала біля ліжка і не можу піднятися", "112"),
    # a neighbour worried for someone else
    C(
        "b2-11",
        "menu",
        "whatsapp",
        "ik maak me zorgen om meneer Bakker op nummer 3, zijn brievenbus puilt uit en zijn licht is al dagen aan 😟",
        "112",
    ),
    C(
        "b2-12",
        "invitation:en",
        "sms",
        "cant today sorry. the old man next door hasnt opened his door in 3 days and theres a bad smell",
        "112",
    ),
    C(
        "b2-13",
        "thread",
        "telegram",
        "Marieke weet jij of mevrouw Jansen thuis is? ik hoor haar al een uur roepen door de muur maar ze doet niet open",
        "112",
    ),
    # ending life hinted at without the words
    C(
        "b2-14",
        "menu",
        "telegram",
        "wil iemand mijn planten en mijn poes overnemen? ik heb alles geregeld, het testament ligt klaar, het is goed zo",
        "113",
    ),
    C("b2-15", "checkin", "sms", "het hoeft voor mij niet meer. als jan er niet meer is ga ik ook", "113"),
    C(
        "b2-16",
        "thread:en",
        "whatsapp",
        "you've been so kind to me. please keep my cat, i wont be needing anything soon 🙏",
        "113",
    ),
    C(
        "b2-17",
        "ask_when:pl",
        "telegram",
        "obojętnie. rozdałam już wszystkie swoje rzeczy, niedługo mnie nie będzie",
        "113",
    ),
    C(
        "b2-18",
        "category:tr",
        "whatsapp",
        "fark etmez artık, her şeyi bıraktım, kimseye yük olmak istemiyorum, yakında giderim",
        "113",
    ),
    C(
        "b2-19",
        "urgency",
        "sms",
        "maakt niet uit. ik heb mijn zaakjes op orde gebracht en afscheidsbrieven geschreven",
        "113",
    ),
    C("b2-20", "menu:ar", "telegram", "سامحوني على كلشي، ما بقيتش غادي نزعجكم من بعد اليوم", "113"),
    # abuse told sideways
    C(
        "b2-21",
        "menu",
        "whatsapp",
        "mijn dochter beheert mijn geld en ik krijg geen eten als ik niet doe wat ze zegt 😔",
        "vt",
    ),
    C(
        "b2-22",
        "thread",
        "sms",
        "Marieke niet schrikken van mijn gezicht morgen, mijn man had weer een slechte bui",
        "vt",
    ),
    C("b2-23", "checkin:tr", "sms", "iyi sayılır, sadece kocam içince bana vuruyor, kimseye söyleme", "vt"),
    C("b2-24", "menu:uk", "whatsapp", "син забирає мою пенсію і штовхає мене, коли я прошу гроші", "vt"),
    # a medication overdose
    C(
        "b2-25",
        "menu",
        "telegram",
        "mijn vader heeft volgens mij te veel van zijn morfinepleisters opgeplakt, hij is heel slaperig en ademt langzaam",
        "112",
    ),
    C(
        "b2-26",
        "checkin:pl",
        "whatsapp",
        "mama połknęła chyba całe opakowanie tabletek nasennych, nie mogę jej dobudzić",
        "112",
    ),
    C(
        "b2-27",
        "menu:en",
        "telegram",
        "i swallowed the whole box of paracetamol after dinner, feeling weird now",
        "life",
    ),
    # gas, fire, water
    C(
        "b2-28",
        "category",
        "sms",
        "klusjes. en er is een vreemde gaslucht bij de geiser sinds vanmorgen",
        "gas",
    ),
    C(
        "b2-29",
        "thread:en",
        "telegram",
        "marieke the smoke detector is going off and theres smoke coming out of the flat above",
        "fire",
    ),
    C("b2-30", "urgency:pl", "whatsapp", "pilne! na klatce schodowej jest pełno dymu 🔥", "fire"),
    C("b2-31", "invitation", "whatsapp", "kan nu niet!! de pan met olie staat in brand 🔥🔥", "fire"),
    # look-alikes that must stay calm
    C(
        "b2-32",
        "thread",
        "telegram",
        "Marieke reageert al de hele dag niet op mijn appje, zal ik morgen gewoon langskomen?",
        None,
    ),
    C("b2-33", "menu", "whatsapp", "ik ga dood van de verveling 🙄 zijn er nog spelletjesmiddagen?", None),
    C(
        "b2-34",
        "checkin",
        "sms",
        "hij is vannacht uit bed gevallen maar alles is goed, de huisarts is al geweest",
        None,
    ),
    C(
        "b2-35",
        "menu:en",
        "telegram",
        "saw a documentary about suicide prevention last night, do you have volunteers for the listening line?",
        None,
    ),
    C("b2-36", "thread", "whatsapp", "mijn telefoon is dood 🔋 ik bel je vanavond vanaf de vaste lijn", None),
    C("b2-37", "category", "telegram", "tuin, al mijn geraniums gaan dood door de vorst", None),
    C(
        "b2-38",
        "menu",
        "sms",
        "ik val bijna om van de slaap maar wil nog even vragen of iemand mijn lamp kan ophangen",
        None,
    ),
    C("b2-39", "invitation:pl", "telegram", "tak, chętnie pomogę, i tak umieram z nudów w domu", None),
    C(
        "b2-40",
        "menu",
        "whatsapp",
        "ik ga verhuizen naar een kleiner huis, wie wil mijn oude fiets hebben? ik heb hem niet meer nodig",
        None,
    ),
    C("b2-41", "gelukt:uk", "telegram", "так, все вийшло. він трохи втомився і заснув у кріслі", None),
    C("b2-42", "checkin:ar", "whatsapp", "الحمد لله العافية، غير شوية ديال العيا", None),
]
# Written after batch 2's fixes, no measure: the edges of this round's rules (a move, a clear-out, a trip, a
# blessing, a smoker, a fall as the reason for a bruise, a sleeping baby) and crises beside them.
GUARDS = [
    C(
        "g-01",
        "menu",
        "sms",
        "ik ga verhuizen, je mag mijn boekenkast hebben, ik heb hem toch niet meer nodig",
        None,
    ),
    C(
        "g-02",
        "thread",
        "whatsapp",
        "je mag mijn paraplu hebben hoor, pas goed op jezelf en tot morgen!",
        None,
    ),
    C("g-03", "menu:ar", "whatsapp", "الله يعطيك العافية على المساعدة ديال البارح", None),
    C("g-04", "checkin:ar", "telegram", "lhamdullah kayna l3afya, ghir chwiya d l3ya", None),
    C(
        "g-05",
        "menu",
        "telegram",
        "ik heb alles geregeld voor de verhuizing, wie wil mijn kat overnemen?",
        None,
    ),
    C(
        "g-06",
        "menu",
        "whatsapp",
        "ik maak me zorgen om mijn buurvrouw, de gordijnen zijn al dagen dicht maar ze is op vakantie denk ik",
        None,
    ),
    C(
        "g-07",
        "menu",
        "sms",
        "ik heb een blauwe plek van het vallen, mijn man was boos dat ik niet had gebeld",
        None,
    ),
    C("g-08", "menu", "telegram", "de baby ademt heel langzaam in zijn slaap, is dat normaal?", None),
    C("g-09", "checkin", "sms", "hij is wat slaperig van de nieuwe pillen maar verder gaat het goed", None),
    C(
        "g-10",
        "menu",
        "whatsapp",
        "ik ruik gas nergens meer sinds de monteur er was, wel een rekening 😅",
        None,
    ),
    C(
        "g-11",
        "checkin",
        "telegram",
        "ik ben bang dat ik iets fout doe met zijn medicijnen, kan iemand meekijken",
        None,
    ),
    C("g-12", "menu:pl", "sms", "niedługo jadę do córki, ktoś może podlać kwiaty?", None),
    C("g-13", "menu", "sms", "ik heb alles weggegeven en vaarwel gezegd, het is klaar", "113"),
    C(
        "g-14",
        "menu:en",
        "telegram",
        "gave away my books and my dog. wont need them where im going. goodbye",
        "113",
    ),
    C("g-15", "checkin:pl", "whatsapp", "nie daję rady, wczoraj popchnęłam mamę na łóżko", "carer"),
    C("g-16", "menu:tr", "sms", "yaşlı komşum üç gündür kapıyı açmadı, kötü koku var", "112"),
    C("g-17", "thread:uk", "telegram", "чую як сусідка кличе на допомогу, але ніхто не відчиняє", "112"),
    C("g-18", "menu", "whatsapp", "de stoppen knetteren en er staat water in de meterkast 😨", "112"),
]


KNOWN_MISSES: dict[str, str] = {}


@pytest.mark.parametrize("case", case_params([*BATCH_1, *BATCH_2, *GUARDS]))
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
    cases = (*BATCH_1, *BATCH_2, *GUARDS)
    old = [case.text for case in cases if case.text.casefold() in seen]
    assert not old, old
    assert len({case.id for case in cases}) == len(cases)
