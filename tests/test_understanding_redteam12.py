"""Red-team set 12: 112 and Veilig Thuis, in the six languages, as people really write them: an older person on
SMS without punctuation, a carer about the person cared for ("mijn man reageert niet meer als ik hem roep"), a
neighbour ("de buurvrouw doet niet open en de krant ligt er nog"), a stranger at the door, burns, wrong pills, a
diabetic who is confused, choking, bleeding that will not stop; and a partner or grown child who threatens, hits,
locks in or takes money, the person with dementia who hits, a carer afraid of what they will do. About a third
are look-alikes that must raise no crisis ("mijn telefoon is gevallen", "ik viel bijna in slaap", "mijn zoon
slaat altijd de deur dicht", a burn from the oven last week that heals). None is word for word in an earlier
round (`redteam_support.every_earlier_string`, and ../shared/understanding/dev.jsonl).

Held out, before the fixes (crises read with the right kind; false alarms on the look-alikes):
- Batch 1 (rt12a, 96: 65 crises, 31 look-alikes), written before the lexicon was read in detail: 49/65 and three
  false alarms. By language: nl 32/47, en 5/5, tr 3/3, ar 3/4, pl 3/3, uk 3/3. By kind: 112 30/42, veilig_thuis
  19/23. The false alarms, all veilig_thuis in Dutch: a film about a woman hit by her husband, a grandson who
  hits everything with a toy hammer, a father who "dreigt" to sell his car.
- Batch 2 (rt12b, 41: 27 crises, 14 look-alikes), written after batch 1's fixes and not tuned to them: 12/27
  and one false alarm. By language: nl 6/16, en 3/3, tr 1/2, ar 1/2, pl 1/2, uk 0/2. By kind: 112 8/16,
  veilig_thuis 4/11. The false alarm: a Ukrainian grandson who hits a ball against the wall ("б'є м'ячем"). This is
  the honest figure: Dutch wordings written after the fixes were read six in sixteen before their own fixes
  (round 11's was six in fifteen); each new situation (scissors by the bed, blood coughed up, a fuse box smoking,
  savings taken, chairs thrown) needed its own words.
After: batch 1 64/65 (nl 47/47, ar 3/4), batch 2 27/27, no false alarm on the 45 look-alikes; the one left is
in `KNOWN_MISSES`, with why.

Mechanisms added (crisis.toml, "round 12"), concepts with guards that speak for their sentence:
- a neighbour who does not open and the paper or post still there ("ligt er nog", not only "ligt nog").
- a stranger at the door who will not go away; someone come in while the writer hides in a room (not the
  thuiszorg, a fitter); a stranger trying windows ("voelt aan de ramen").
- a scald over the body ("kokend water over haar arm") or a severe burn ("de huid laat los", "grote blaren"), not
  a burn that heals, an old one or the sun.
- medicine taken by mistake or twice (112; not a dose forgotten, nor "twee keer per dag").
- a diabetic (suiker, insuline, hypo) who is confused, clammy, limp or drowsy; not a diet, dementia for years.
- bleeding that "blijft maar komen"; a kitchen on fire in the inverted order ("nu staat de keuken in brand");
  a swallowed button battery or magnets.
- Veilig Thuis: "dat hij me te pakken krijgt"; "ik mag van hem niet meer naar buiten" (a gap, and the rule's span
  16 words); a carer who tied the person cared for to a chair; a carer afraid "dat ik hem een keer sla".
- Guards: a film or book (`media`) for the third-person hitting rules (an own disclosure, "slaat me", still reads
  through the unguarded `abuse`); a toy hammer, "op alles" for "slaat"; a threat to sell, cancel or disinherit
  and "haha" for "dreigt" (a threat to kill still reads through `kill_me`).
- Batch 2: standing with scissors by the bed; rolled out of bed and lying beside it; blood coughed up; something
  smoking in the fuse box (and "rookt" as a guard only for a smoker: "hij rookt", "rookt binnen"); savings taken
  off the account; chairs thrown; pushed against the wall; toilet cleaner swallowed ("een slok ... genomen"); a
  carer "bang voor mezelf" after handling roughly; a mouth slipped (tr), seizures (pl, uk), scalded (uk), a
  pension taken and kept in a room (uk), a knife raised (Darija); meat is no guard for choking any more (only
  raw meat, the butcher); a ball guards hitting in Ukrainian.

Gaps left: a guard in the same sentence still speaks for the whole sentence ("hij rookt binnen en er rookt iets
in de meterkast" is calm); 112 over Veilig Thuis when both read (round 11's); Darija spellings outside the
lexicon's list; a dog that swallowed a battery reads 112 (the older `medical` phrase has no animal guard).

Decisions on two older false alarms:
- "borst doet pijn van het hoesten" was 112; now calm. Chest pain with an everyday cause named as its cause
  (`chest_cause`: "van het hoesten", "door het tillen", "van de griep") no longer fires the chest-and-pain rule:
  pain reproduced by coughing is what triage reads as the chest wall. Safety first for the rest: the cause must be
  said as the pain's cause ("ik hoest niet eens" stays 112), and an alarm sign beside it (a weak or tingling arm,
  sweat, a grey face, breathlessness, pain running to the jaw) fires a new rule the cause does not calm (only a
  jab explains an arm).
- "ik sta bij het spoor te wachten op de trein naar utrecht" was 113; now calm. "sta bij het spoor" (and "ga/loop
  naar het spoor") left the broad `suicide` concept for `at_the_rails`, whose rule a trip in the same sentence
  calms: a train to a place, a delay, a change. Waiting alone is no trip ("ik sta bij het spoor en wacht tot de
  trein komt" stays 113), and a trip in another sentence does not speak for the first.

Measured as round 11 did: `crisis.kinds_in` on the 7,306 texts of the corpus files in tests/data,
../shared/understanding/dev.jsonl and the strings of the earlier red-team and crisis test modules gives the kinds
it gave before this round, every one (neither decision's text was among them).
"""

# Messages are kept whole and as typed (Turkish dotless i, Cyrillic letters).
# ruff: noqa: RUF001, RUF002, E501

from __future__ import annotations

from typing import Any

import pytest

from flows.understanding.corpus import Case
from tests.redteam_support import (
    as_cases,
    assert_crisis_reads,
    assert_crisis_scores,
    assert_family_reads,
    assert_new_crisis_set,
    crisis_params,
)

# (id, context, lang, channel, text, expect) in the corpus format of ../shared/understanding/README.md;
# rt12a: the first batch, written before the lexicon was read and scored before its fixes; rt12b: the second,
# written after the first batch's fixes and scored before its own.
SET: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    (
        "rt12a-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "ben gevallen kan niet meer opstaan lig al sinds vannacht",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-02",
        "first_message",
        "nl",
        "sms",
        "mijn man reageert niet meer als ik hem roep",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-03",
        "first_message",
        "nl",
        "whatsapp",
        "mn moeder praat ineens raar en haar mond hangt scheef",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-04",
        "first_message",
        "nl",
        "sms",
        "hij ademt zo raar en zijn lippen zijn blauw",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-checkin-01",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar. ze is helemaal grauw en zweet en zegt dat het drukt op haar borst",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-05",
        "first_message",
        "nl",
        "sms",
        "de buurvrouw doet niet open en de krant ligt er nog van gisteren",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-06",
        "first_message",
        "nl",
        "whatsapp",
        "er staat een man voor de deur die zegt dat hij van de gemeente is en hij gaat niet weg ik ben bang",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-07",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vrouw heeft kokend water over haar arm gekregen en de huid laat los",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-08",
        "first_message",
        "nl",
        "whatsapp",
        "mijn moeder heeft per ongeluk de pillen van vader genomen, een hele strip",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-checkin-02",
        "checkin",
        "nl",
        "whatsapp",
        "slecht. hij heeft suiker en is nu helemaal verward en klam",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "hij verslikt zich en krijgt geen lucht meer",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "het bloed blijft maar komen uit zijn been het stopt niet",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-11",
        "first_message",
        "nl",
        "whatsapp",
        "mijn man heeft een aanval hij schokt helemaal en reageert niet",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-12",
        "first_message",
        "nl",
        "sms",
        "lig op de grond in de gang kom niet overeind heb net de telefoon kunnen pakken",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-13",
        "first_message",
        "nl",
        "sms",
        "buurman ligt in zijn tuin en beweegt niet",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-14",
        "first_message",
        "nl",
        "whatsapp",
        "vader is van de trap gevallen bloedt uit zijn hoofd en is heel suf",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-checkin-03",
        "checkin",
        "nl",
        "whatsapp",
        "mijn moeder heeft schoonmaakmiddel gedronken wat moet ik doen",
        {"crisis": "112"},
    ),
    ("rt12a-nl-any_state-01", "any_state", "nl", "sms", "ik krijg geen adem meer", {"crisis": "112"}),
    (
        "rt12a-nl-first_message-15",
        "first_message",
        "nl",
        "sms",
        "ze kan ineens haar arm niet meer optillen en praat met dubbele tong",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-checkin-04",
        "checkin",
        "nl",
        "sms",
        "zwaar hij is net flauwgevallen en komt niet bij",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-checkin-05",
        "checkin",
        "nl",
        "whatsapp",
        "slecht, ze heeft sinds vanmorgen pijn op de borst die naar haar kaak trekt",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-ask_when-01",
        "ask_when",
        "nl",
        "sms",
        "nu meteen mijn man is gevallen en ik krijg hem niet omhoog hij is te zwaar",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-invitation-01",
        "invitation",
        "nl",
        "whatsapp",
        "kan niet, mijn vrouw ligt op de grond en reageert niet",
        {"crisis": "112"},
    ),
    ("rt12a-nl-name-01", "name", "nl", "sms", "help mijn man ademt niet meer", {"crisis": "112"}),
    (
        "rt12a-nl-menu-01",
        "menu",
        "nl",
        "sms",
        "de pan stond op het vuur en nu staat de keuken in brand",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-16",
        "first_message",
        "nl",
        "whatsapp",
        "er is iemand binnengekomen via de achterdeur ik zit in de slaapkamer",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-menu-02",
        "menu",
        "nl",
        "whatsapp",
        "er loopt al een uur een vreemde man om mijn huis en hij voelt aan de ramen",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-17",
        "first_message",
        "nl",
        "whatsapp",
        "moeder heeft haar insuline twee keer gespoten en is nu heel slap en wit",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-18",
        "first_message",
        "nl",
        "whatsapp",
        "kleinzoon heeft een knoopbatterij ingeslikt",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-any_state-02",
        "any_state",
        "nl",
        "sms",
        "mijn vrouw zakt in elkaar en praat niet meer",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-ask_when-02",
        "ask_when",
        "nl",
        "whatsapp",
        "nu! mijn vader krijgt geen lucht, hij hapt naar adem",
        {"crisis": "112"},
    ),
    (
        "rt12a-nl-first_message-19",
        "first_message",
        "nl",
        "sms",
        "mn zoon dreigt dat hij me wat aandoet als ik niet betaal",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-nl-first_message-20",
        "first_message",
        "nl",
        "whatsapp",
        "mijn man sluit me op in huis als hij naar zijn werk gaat",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-nl-first_message-21",
        "first_message",
        "nl",
        "whatsapp",
        "mijn dochter pakt steeds mijn pinpas af en neemt geld op en ze schreeuwt als ik er iets van zeg",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-nl-checkin-06",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar, hij heeft me weer geslagen vandaag, door de dementie weet hij niet wat hij doet",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-nl-checkin-07",
        "checkin",
        "nl",
        "whatsapp",
        "ik ben bang dat ik hem iets aandoe, ik heb hem vandaag door elkaar geschud",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-nl-first_message-22",
        "first_message",
        "nl",
        "sms",
        "mijn ex staat steeds bij mijn deur en zegt dat hij me te pakken krijgt",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-nl-first_message-23",
        "first_message",
        "nl",
        "whatsapp",
        "mijn kleinzoon woont bij mij en duwt me als ik niet doe wat hij wil",
        {"crisis": "veilig_thuis"},
    ),
    ("rt12a-nl-any_state-03", "any_state", "nl", "sms", "mijn man schopt me", {"crisis": "veilig_thuis"}),
    (
        "rt12a-nl-invitation-02",
        "invitation",
        "nl",
        "whatsapp",
        "nee sorry, mijn vrouw heeft me vandaag weer gekrabd en geknepen, ik kan haar niet alleen laten",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-nl-first_message-24",
        "first_message",
        "nl",
        "whatsapp",
        "mijn schoonzoon heeft gezegd dat hij me kapot maakt als ik naar de politie ga",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-nl-menu-03",
        "menu",
        "nl",
        "whatsapp",
        "mijn partner houdt me in de gaten en ik mag van hem niet meer naar buiten",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-nl-ask_when-03",
        "ask_when",
        "nl",
        "sms",
        "zo snel mogelijk mijn broer heeft een mes gepakt en bedreigt mij",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-nl-checkin-08",
        "checkin",
        "nl",
        "sms",
        "mijn moeder met dementie bijt en slaat me elke avond bij het wassen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-nl-checkin-09",
        "checkin",
        "nl",
        "whatsapp",
        "ik heb mijn moeder vastgebonden aan de stoel omdat ik het niet meer aankan",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-nl-checkin-10",
        "checkin",
        "nl",
        "whatsapp",
        "ik ben zo boos op hem dat ik bang ben dat ik hem een keer sla",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-nl-name-02",
        "name",
        "nl",
        "sms",
        "mijn zoon slaat me en ik durf niet te zeggen wie ik ben",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "my husband fell in the bathroom and i can't lift him, he's been on the floor an hour",
        {"crisis": "112"},
    ),
    (
        "rt12a-en-first_message-02",
        "first_message",
        "en",
        "whatsapp",
        "mum's face is drooping on one side and she can't lift her arm",
        {"crisis": "112"},
    ),
    (
        "rt12a-en-first_message-03",
        "first_message",
        "en",
        "whatsapp",
        "my son pushed me down the stairs and took my bank card",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-en-any_state-01",
        "any_state",
        "en",
        "sms",
        "someone is trying to get in my front door right now",
        {"crisis": "112"},
    ),
    (
        "rt12a-en-checkin-01",
        "checkin",
        "en",
        "whatsapp",
        "bad week. he hit me again and said he'd kill me if i tell anyone",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "annem düştü kalkamıyor yerde yatıyor",
        {"crisis": "112"},
    ),
    (
        "rt12a-tr-first_message-02",
        "first_message",
        "tr",
        "whatsapp",
        "kocam beni dövüyor ve evden çıkmama izin vermiyor",
        {"crisis": "veilig_thuis"},
    ),
    ("rt12a-tr-menu-01", "menu", "tr", "sms", "babam nefes alamıyor dudakları mor", {"crisis": "112"}),
    (
        "rt12a-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "زوجي يضربني ويهددني بالسكين",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-ar-first_message-02",
        "first_message",
        "ar",
        "whatsapp",
        "mama t7ayhat f l7mam o ma9adrach tnod",
        {"crisis": "112"},
    ),
    (
        "rt12a-ar-first_message-03",
        "first_message",
        "ar",
        "whatsapp",
        "weldi kaydrebni o kay9oul ghadi y9telni",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-ar-any_state-01",
        "any_state",
        "ar",
        "whatsapp",
        "أبي لا يتنفس جيدا ووجهه أزرق",
        {"crisis": "112"},
    ),
    (
        "rt12a-pl-first_message-01",
        "first_message",
        "pl",
        "sms",
        "mąż upadł i nie może wstać, leży od rana",
        {"crisis": "112"},
    ),
    (
        "rt12a-pl-first_message-02",
        "first_message",
        "pl",
        "whatsapp",
        "syn mnie bije i zabiera mi emeryturę",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12a-pl-checkin-01",
        "checkin",
        "pl",
        "whatsapp",
        "mama nie odpowiada, leży i się nie rusza",
        {"crisis": "112"},
    ),
    (
        "rt12a-uk-first_message-01",
        "first_message",
        "uk",
        "whatsapp",
        "мама впала у ванній і не може піднятися",
        {"crisis": "112"},
    ),
    (
        "rt12a-uk-first_message-02",
        "first_message",
        "uk",
        "whatsapp",
        "чоловік знову мене вдарив і каже що вб'є",
        {"crisis": "veilig_thuis"},
    ),
    ("rt12a-uk-any_state-01", "any_state", "uk", "sms", "тато не дихає", {"crisis": "112"}),
    (
        "rt12a-nl-first_message-25",
        "first_message",
        "nl",
        "sms",
        "vorige maand ben ik gevallen nu gaat het weer zoek iemand voor boodschappen",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-26",
        "first_message",
        "nl",
        "whatsapp",
        "gisteren een film gezien over een vrouw die door haar man geslagen werd, wie gaat mee naar de filmclub",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-27",
        "first_message",
        "nl",
        "whatsapp",
        "mijn telefoon is gevallen en het scherm is kapot wie kan helpen",
        {"crisis": False},
    ),
    (
        "rt12a-nl-checkin-11",
        "checkin",
        "nl",
        "whatsapp",
        "goed, ik viel bijna in slaap bij de koffieochtend haha",
        {"crisis": False},
    ),
    (
        "rt12a-nl-checkin-12",
        "checkin",
        "nl",
        "whatsapp",
        "gaat wel, mijn zoon slaat altijd de deur dicht als hij boos is",
        {"crisis": False},
    ),
    (
        "rt12a-nl-checkin-13",
        "checkin",
        "nl",
        "sms",
        "ruzie over de afwas met mijn man verder gaat het goed",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-28",
        "first_message",
        "nl",
        "whatsapp",
        "brandwond van de oven vorige week, geneest goed, wel hulp nodig met koken",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-29",
        "first_message",
        "nl",
        "whatsapp",
        "mijn dochter zegt doe niet open voor colporteurs, klopt dat?",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-30",
        "first_message",
        "nl",
        "whatsapp",
        "mijn moeder ademt zwaar als ze de trap op loopt, kan iemand boodschappen voor haar doen",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-31",
        "first_message",
        "nl",
        "sms",
        "de buurvrouw doet nooit open als ik aanbel ze is doof",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-32",
        "first_message",
        "nl",
        "sms",
        "ik heb mijn tong gebrand aan de soep",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-33",
        "first_message",
        "nl",
        "whatsapp",
        "de krant ligt er nog want de buren zijn op vakantie, kan iemand de planten water geven",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-34",
        "first_message",
        "nl",
        "whatsapp",
        "mijn knie bloedt een beetje van het tuinieren, niks ergs",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-35",
        "first_message",
        "nl",
        "whatsapp",
        "de hond heeft chocola gegeten, weet iemand een dierenarts",
        {"crisis": False},
    ),
    (
        "rt12a-nl-checkin-14",
        "checkin",
        "nl",
        "whatsapp",
        "goed hoor, mijn kleinzoon slaat met zijn speelgoedhamer op alles",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-36",
        "first_message",
        "nl",
        "sms",
        "mijn vader dreigt altijd dat hij zijn auto verkoopt haha",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-37",
        "first_message",
        "nl",
        "whatsapp",
        "ik zit opgesloten in huis door de sneeuw, wie doet boodschappen",
        {"crisis": False},
    ),
    (
        "rt12a-nl-checkin-15",
        "checkin",
        "nl",
        "whatsapp",
        "gaat wel, hij was vandaag wat verward maar dat hoort bij zijn dementie",
        {"crisis": False},
    ),
    (
        "rt12a-nl-ask_when-04",
        "ask_when",
        "nl",
        "sms",
        "na de fysio ik ben vorig jaar gevallen en loop nog slecht",
        {"crisis": False},
    ),
    (
        "rt12a-nl-invitation-03",
        "invitation",
        "nl",
        "whatsapp",
        "ja maar ik ben net met de fiets gevallen, niks ergs, kan pas morgen",
        {"crisis": False},
    ),
    (
        "rt12a-nl-menu-04",
        "menu",
        "nl",
        "whatsapp",
        "1, mijn man kan na zijn val niet meer zelf de trap op, we zoeken hulp met een traplift",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-38",
        "first_message",
        "nl",
        "whatsapp",
        "mijn zus heeft suiker en moet op dieet, wie wil samen koken",
        {"crisis": False},
    ),
    (
        "rt12a-nl-first_message-39",
        "first_message",
        "nl",
        "whatsapp",
        "er stond een onbekende man aan de deur, bleek de glazenwasser te zijn",
        {"crisis": False},
    ),
    ("rt12a-nl-name-03", "name", "nl", "sms", "Riet, die van de valpreventie cursus", {"crisis": False}),
    (
        "rt12a-en-first_message-04",
        "first_message",
        "en",
        "whatsapp",
        "fell asleep in front of the telly again lol, can someone help with shopping",
        {"crisis": False},
    ),
    (
        "rt12a-en-first_message-05",
        "first_message",
        "en",
        "whatsapp",
        "my phone fell in the bath, can someone help me set up a new one",
        {"crisis": False},
    ),
    (
        "rt12a-tr-first_message-03",
        "first_message",
        "tr",
        "whatsapp",
        "geçen ay düştüm ama şimdi iyiyim, alışverişe yardım lazım",
        {"crisis": False},
    ),
    (
        "rt12a-pl-first_message-03",
        "first_message",
        "pl",
        "sms",
        "upadł mi telefon i nie działa",
        {"crisis": False},
    ),
    (
        "rt12a-uk-first_message-03",
        "first_message",
        "uk",
        "sms",
        "телефон впав і не вмикається",
        {"crisis": False},
    ),
    (
        "rt12a-ar-first_message-04",
        "first_message",
        "ar",
        "whatsapp",
        "tilifoun dyali t7 o t9ass, chkoun y3awenni",
        {"crisis": False},
    ),
    (
        "rt12a-nl-checkin-16",
        "checkin",
        "nl",
        "whatsapp",
        "goed, hij verslikte zich even in de koffie maar het ging meteen over",
        {"crisis": False},
    ),
    (
        "rt12b-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "mn vrouw is op de wc in elkaar gezakt en ik krijg de deur niet open",
        {"crisis": "112"},
    ),
    (
        "rt12b-nl-checkin-01",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar. vannacht stond hij met een schaar naast mijn bed en zei dat ik weg moest",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12b-nl-first_message-02",
        "first_message",
        "nl",
        "sms",
        "pa is uit bed gerold en ligt er nu al uren naast hij kan niks",
        {"crisis": "112"},
    ),
    (
        "rt12b-nl-first_message-03",
        "first_message",
        "nl",
        "whatsapp",
        "mijn moeder hoest bloed op en is heel benauwd",
        {"crisis": "112"},
    ),
    (
        "rt12b-nl-any_state-01",
        "any_state",
        "nl",
        "sms",
        "er rookt iets in de meterkast en het stinkt naar verbrand plastic",
        {"crisis": "112"},
    ),
    (
        "rt12b-nl-menu-01",
        "menu",
        "nl",
        "whatsapp",
        "mijn dochter heeft al mijn spaargeld opgenomen en zegt dat ik mijn mond moet houden anders",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12b-nl-first_message-04",
        "first_message",
        "nl",
        "whatsapp",
        "mn zoon van 40 woont weer thuis en gooit met stoelen als hij gedronken heeft",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12b-nl-ask_when-01",
        "ask_when",
        "nl",
        "sms",
        "vandaag nog mijn buurvrouw zit al sinds gisteren op de grond in haar keuken",
        {"crisis": "112"},
    ),
    (
        "rt12b-nl-invitation-01",
        "invitation",
        "nl",
        "whatsapp",
        "kan nu niet mijn man heeft een epileptische aanval en ligt te trekken",
        {"crisis": "112"},
    ),
    (
        "rt12b-nl-first_message-05",
        "first_message",
        "nl",
        "whatsapp",
        "opa heeft zijn hand in de cirkelzaag gehad er spuit bloed uit",
        {"crisis": "112"},
    ),
    (
        "rt12b-nl-checkin-02",
        "checkin",
        "nl",
        "whatsapp",
        "gaat niet. ze slaat me als ik haar wil wassen en vandaag heeft ze me in mijn arm gebeten",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12b-nl-first_message-06",
        "first_message",
        "nl",
        "sms",
        "hulp mijn man zegt niks meer en zijn gezicht hangt aan 1 kant",
        {"crisis": "112"},
    ),
    (
        "rt12b-nl-name-01",
        "name",
        "nl",
        "sms",
        "geen tijd voor namen mijn vader is aan het stikken in een stuk vlees",
        {"crisis": "112"},
    ),
    (
        "rt12b-nl-first_message-07",
        "first_message",
        "nl",
        "whatsapp",
        "mijn schoonzoon schreeuwt en slaat met de deuren en nu heeft hij mijn dochter tegen de muur geduwd",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12b-nl-first_message-08",
        "first_message",
        "nl",
        "whatsapp",
        "moeder is dement en heeft een flinke slok wc-reiniger genomen",
        {"crisis": "112"},
    ),
    (
        "rt12b-nl-checkin-03",
        "checkin",
        "nl",
        "whatsapp",
        "ik ben bang voor mezelf, ik heb hem vanochtend hard aan zijn arm getrokken en tegen hem geschreeuwd",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12b-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "my dad's gone very confused and sweaty, he's diabetic and hasn't eaten",
        {"crisis": "112"},
    ),
    (
        "rt12b-en-any_state-01",
        "any_state",
        "en",
        "whatsapp",
        "grandma took all of grandpa's heart pills by mistake",
        {"crisis": "112"},
    ),
    (
        "rt12b-en-checkin-01",
        "checkin",
        "en",
        "whatsapp",
        "my wife has alzheimer's and she punched me in the face tonight",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12b-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "annem konuşamıyor ağzı kaymış",
        {"crisis": "112"},
    ),
    (
        "rt12b-tr-first_message-02",
        "first_message",
        "tr",
        "whatsapp",
        "oğlum para için beni tehdit ediyor",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12b-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "khouya hezz 3liya lmous",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12b-ar-first_message-02",
        "first_message",
        "ar",
        "whatsapp",
        "أمي طاحت وراسها كيسيل منو الدم",
        {"crisis": "112"},
    ),
    (
        "rt12b-pl-first_message-01",
        "first_message",
        "pl",
        "whatsapp",
        "tata ma drgawki i nie można się z nim dogadać",
        {"crisis": "112"},
    ),
    (
        "rt12b-pl-first_message-02",
        "first_message",
        "pl",
        "sms",
        "były mąż stoi pod drzwiami i grozi że mnie zabije",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12b-uk-first_message-01",
        "first_message",
        "uk",
        "whatsapp",
        "дідусь сильно обпікся окропом",
        {"crisis": "112"},
    ),
    (
        "rt12b-uk-first_message-02",
        "first_message",
        "uk",
        "whatsapp",
        "син забрав мою пенсію і не пускає мене з кімнати",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt12b-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "mijn man is gisteren gevallen maar hij is weer opgestaan en lacht erom",
        {"crisis": False},
    ),
    (
        "rt12b-nl-first_message-10",
        "first_message",
        "nl",
        "whatsapp",
        "de rookmelder piept, batterij leeg denk ik, wie kan hem vervangen",
        {"crisis": False},
    ),
    (
        "rt12b-nl-checkin-04",
        "checkin",
        "nl",
        "whatsapp",
        "goed, ze was boos en gooide haar kussen op de grond, verder rustig",
        {"crisis": False},
    ),
    (
        "rt12b-nl-first_message-11",
        "first_message",
        "nl",
        "whatsapp",
        "ik kijk graag naar politieseries waar ze inbreken, zoek iemand om mee te kijken",
        {"crisis": False},
    ),
    (
        "rt12b-nl-first_message-12",
        "first_message",
        "nl",
        "whatsapp",
        "mijn dochter pakt altijd de laatste koekjes af haha",
        {"crisis": False},
    ),
    (
        "rt12b-nl-first_message-13",
        "first_message",
        "nl",
        "whatsapp",
        "kan iemand helpen, ik heb kokend water nodig voor de thermoskan maar de waterkoker is stuk",
        {"crisis": False},
    ),
    (
        "rt12b-nl-first_message-14",
        "first_message",
        "nl",
        "sms",
        "de buurman ligt in de zon in zijn tuin te slapen",
        {"crisis": False},
    ),
    (
        "rt12b-nl-ask_when-02",
        "ask_when",
        "nl",
        "sms",
        "morgen vandaag komt de diabetesverpleegkundige",
        {"crisis": False},
    ),
    (
        "rt12b-nl-first_message-15",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vrouw houdt me in de gaten met snoepen, ik mag geen koek meer van haar",
        {"crisis": False},
    ),
    (
        "rt12b-en-first_message-02",
        "first_message",
        "en",
        "whatsapp",
        "my husband threatens to cook dinner every sunday haha",
        {"crisis": False},
    ),
    (
        "rt12b-tr-first_message-03",
        "first_message",
        "tr",
        "whatsapp",
        "annem bugün mutfakta düştü ama hemen kalktı, iyi",
        {"crisis": False},
    ),
    (
        "rt12b-pl-first_message-03",
        "first_message",
        "pl",
        "whatsapp",
        "sąsiad ciągle puka do drzwi bo chce pożyczyć cukier",
        {"crisis": False},
    ),
    (
        "rt12b-uk-first_message-03",
        "first_message",
        "uk",
        "whatsapp",
        "онук б'є м'ячем у стіну цілий день",
        {"crisis": False},
    ),
    (
        "rt12b-ar-first_message-03",
        "first_message",
        "ar",
        "whatsapp",
        "bghit chi wa7ed y3awenni f l7emmam, ma kan9derch nod bo7di mn lbanyo",
        {"crisis": False},
    ),
]
CASES = as_cases(SET)
TOTAL = 137
CRISES = 92

KNOWN_MISSES: dict[str, str] = {
    "rt12a-ar-first_message-02": "'t7ayhat' was written as 'she fell' in Darija, but it is no spelling of tah/t7at that could be vouched for (the lexicon has t7at, tay7a, t7et...); adding an unvouched form is guessing, and 'ma9adrach tnod' (cannot get up) alone is also said of someone who needs a hand every day",
}


def test_the_set_is_new_and_covers_the_contexts_and_languages_of_a_crisis() -> None:
    assert_new_crisis_set(
        CASES,
        __file__,
        total=TOTAL,
        crises=CRISES,
        known=KNOWN_MISSES,
        kinds=frozenset({"112", "veilig_thuis"}),
        lookalikes_in_every_language=True,
    )


@pytest.mark.parametrize("case", crisis_params(CASES, KNOWN_MISSES))
def test_each_message_reads_as_a_careful_social_worker_would(case: Case) -> None:
    assert_crisis_reads(case)


def test_every_crisis_but_the_known_is_recalled_and_no_look_alike_fires() -> None:
    assert_crisis_scores(CASES, CRISES, KNOWN_MISSES)


# (context, text, what the reading must hold); None for a key: the reading must not have it. Paraphrases of
# the mechanisms and decisions of this round, with look-alikes that must keep their old reading; written knowing
# the mechanisms (no measure of generalisation).
FAMILIES: list[tuple[str, str, dict[str, Any]]] = [
    ("first_message", "borst doet pijn van het hoesten", {"crisis": None}),
    # A swallowed battery is 112 for a person, not for the dog (session 23: the generic "batterij
    # ingeslikt" phrase had no animal guard; the poison rule has one).
    ("first_message", "de hond heeft een batterij ingeslikt", {"crisis": None}),
    ("first_message", "mijn kleinzoon heeft een batterij ingeslikt", {"crisis": "112"}),
    ("first_message", "mn borst doet zeer van al dat hoesten, wie haalt hoestdrank", {"crisis": None}),
    ("first_message", "borst doet pijn van het hoesten en mijn linkerarm is slap", {"crisis": "112"}),
    ("first_message", "mijn borst doet zo'n pijn, ik hoest niet eens", {"crisis": "112"}),
    ("first_message", "pijn op de borst van het hoesten en ik ben helemaal klam en grauw", {"crisis": "112"}),
    ("first_message", "pijn op de borst die naar mijn linkerarm trekt", {"crisis": "112"}),
    ("first_message", "ik sta bij het spoor te wachten op de trein naar utrecht", {"crisis": None}),
    ("first_message", "ik sta bij het spoor, de trein naar zwolle heeft vertraging", {"crisis": None}),
    ("first_message", "ik sta bij het spoor en wacht tot de trein komt", {"crisis": "113"}),
    (
        "first_message",
        "ik sta bij het spoor. de trein naar utrecht is de laatste die ik zie",
        {"crisis": "113"},
    ),
    ("first_message", "ik loop naar het spoor", {"crisis": "113"}),
    ("first_message", "de buurman doet niet open en de post ligt er nog", {"crisis": "112"}),
    ("first_message", "er staat een man voor de deur die wil niet weg, het is de postbode", {"crisis": None}),
    (
        "first_message",
        "mijn vrouw heeft twee keer haar pillen genomen, ze weet het niet meer",
        {"crisis": "112"},
    ),
    ("first_message", "ik heb per ongeluk mijn pillen vergeten", {"crisis": None}),
    ("first_message", "ik neem twee keer per dag mijn pillen", {"crisis": None}),
    ("first_message", "opa heeft suiker en is in de war en zweet", {"crisis": "112"}),
    ("first_message", "opa heeft suiker, hij is verward door zijn dementie al jaren", {"crisis": None}),
    ("first_message", "kokend water over mijn hand, vorige week, geneest goed", {"crisis": None}),
    ("first_message", "mijn man dreigt me te vermoorden haha", {"crisis": "veilig_thuis"}),
    (
        "first_message",
        "ik zag een film over huiselijk geweld, mijn man slaat me ook",
        {"crisis": "veilig_thuis"},
    ),
    ("first_message", "ik heb de boot vastgebonden aan de steiger", {"crisis": None}),
    ("first_message", "mijn zoon heeft me vastgebonden aan de stoel", {"crisis": "veilig_thuis"}),
    ("first_message", "mijn man rookt in de keuken", {"crisis": None}),
    ("first_message", "er smeult iets achter de wasmachine", {"crisis": None}),
    ("first_message", "mijn zus heeft al haar spaargeld opgenomen voor een reis", {"crisis": None}),
    (
        "checkin",
        "ik ben bang voor mezelf, ik heb haar vandaag door elkaar geschud",
        {"crisis": "veilig_thuis"},
    ),
    ("first_message", "mijn vader verslikte zich in een stuk vlees en stikt bijna", {"crisis": "112"}),
]


@pytest.mark.parametrize(("context", "text", "holds"), FAMILIES, ids=[text[:60] for _, text, _ in FAMILIES])
def test_each_paraphrase_of_a_mechanism_reads_as_its_family(
    context: str, text: str, holds: dict[str, Any]
) -> None:
    assert_family_reads(context, text, holds)
