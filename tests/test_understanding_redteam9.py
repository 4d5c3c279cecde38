"""Red-team set 9: 178 messages written for this round about euphemisms and indirect ways of saying that one
wants to die, is in danger, or that someone is in a medical emergency, with their look-alikes (grandma who
died last year, the cat put to sleep, "ik ga dood van de hitte", a film, a funeral, an away-message). Dutch
mostly, some English; older people on SMS, no punctuation; a carer about the person cared for; first
messages, check-ins, any state and answers to another question (menu, ask_when, name). None is word for
word in an earlier round (tests/data/understanding_*.jsonl, tests/test_understanding_redteam*.py).

Held out, before the fixes (crises read with the right number; false alarms on the look-alikes):
- Batch 1 (rt9a, 102: 68 crises, 34 look-alikes), written before the crisis lexicon was read: 41/68, no
  false alarm (nl 35/59, en 6/9). Two messages first written were found word for word in earlier rounds
  and were reworded before this figure was taken.
- Batch 2 (rt9b, 40: 28 crises, 12 look-alikes), written after batch 1's fixes and not tuned to them:
  10/28, no false alarm (nl 9/25, en 1/3). The round's honest measure of generalisation: Dutch euphemisms
  still mostly need a frame no earlier round had (about one in three read right at once).
- Batch 3 (rt9c, 20: 14 crises, 6 look-alikes), written after batch 2's fixes: 4/14, no false alarm (nl
  3/12, en 1/2).
- Batch 4 (rt9d, 16: 12 crises, 4 look-alikes), written after batch 3's fixes: 1/12, no false alarm (nl
  1/10, en 0/2): a coffin chosen, "de laatste reis", "bij de Heer", "de rek is eruit, ik geef het op",
  "ik word liever niet meer wakker", peace with a decision; the round's worst figure, and the plainest
  sign that each new euphemism still needs its own frame.
After: 118/122 (batch 1 66/68, batch 2 26/28, batch 3 14/14, batch 4 12/12), no false alarm on the 56
look-alikes; the four left are in `KNOWN_MISSES`, with why.
`crisis.kinds_in` reads the 7,444 texts of the earlier rounds
and the shared corpus as before (three rules first written fired on an earlier look-alike: "mijn leven is
op dit moment", "moe van het leven van alledag", "het zat om te leven van een klein pensioen"; they were
narrowed before the commit). `FAMILIES` were written after the fixes, knowing the mechanisms (no measure of
generalisation): of their first 35, 4 read wrong at first, 3 of which already did before this round. Two were
fixed ("mag eindelijk naar mijn dochter toe in spanje", "geen uitweg uit dat doolhof"); the pillow "de
neiging om een kussen op zijn gezicht te drukken" reads as 113 (an older rule, and 113 answers before
Veilig Thuis), so the family has another wording; "geen zin meer in het leven van alledag in de stad" still
fires on an older phrase ("geen zin meer in het leven") (as does "in dit leven in de stad", on "pointless" +
"life") and was replaced by "ik ben het zat, dit leven in de stad, ik ga verhuizen naar het dorp".
The 16 written after batch 4's fixes all read right at once. All read right now.

Mechanisms added (crisis.toml, "Round 9"): each a frame of concepts, with guards for the look-alikes:
- Going to a dead loved one (`to_loved_one` + `beyond`): "naar mijn ... toe", "bij mijn vrouw zijn", "see my
  wife again" with a cue that the other is beyond ("daarboven", "eindelijk", "wacht op me", "begraven",
  "passed", not eating any more); a visit, a ride, a hospital, a grave or a country cancels it.
- The last of me (`last_of_me`): "de laatste keer dat je van me hoort", "never hear from me again" (not
  about the bot, not a move); a last night or day with despair (`final_span` + `despair`).
- Life as a whole enough (`enough_of_life`): "het is voor mij mooi geweest", "ik heb het hier wel gezien",
  "klaar mee met alles", "ik kan het leven niet meer aan", "het doek valt voor mij"; whole-clause "het is
  mooi geweest", "ik stap eruit" (`[alone]`), so "het is mooi geweest met de regen" keeps its reading.
- Tired of life itself (`tired_of` + `existence`: "geen zin meer in dit bestaan", "geen reden meer om op
  te staan", "het zo zat, dat leven van mij"), not of the cost of living, a pension or a town.
- Sleeping or resting for good, wished (`wish` + `sleep_forever`: "voorgoed gaan slapen", "eeuwige rust",
  "in mijn slaap mag gaan", "ogen sluiten en nooit meer open doen"); not waking again or tomorrow
  (`wish_not` + `wake_again`, not early, not an alarm); away or stopped for good (`wish` + `away_forever`,
  not noise, not a move).
- No way out, seen or wished (`no_way_out`), not out of forms, a maze or a building.
- A carer afraid of what she will do (`harm_by_me`: "dat ik hem iets aandoe", "straks doe ik hem nog
  wat"), not while lifting or washing, not a snack; the urge to hold a pillow on his face.
- Farewell without the word: when you read this I am gone (`when_you_read` + `gone_already`, not an
  errand); a letter that will explain (`letter_from_me` + `then_they_understand`); "this is goodbye" with
  affairs in order; nothing needed where I am going; not around much longer and made sure of it.
- A burden who finishes it (`burden` + `finish_it`); better gone with a weapon at hand (`better_gone` +
  `lethal_means`); into the sea until I can no more (not a daily swim); locked in after saying she no
  longer wants to; ready to go and off the medicines on purpose.
- Stroke and breathing said plainly: sudden confusion with a limb that fails, no word out of his mouth
  with an odd look (not from surprise or a sore throat), blue round the lips, a hand to the chest.
- After batch 4: one's own coffin or funeral chosen and "it will not be long" (`own_funeral_done` +
  `soon_now`; a gap: a dying person who arranged a funeral may say the same), wanting to be with God or in
  heaven (not church), "de laatste reis", giving up on everything, "liever" as a wish, a carer afraid to
  snap and hurt (`snap` + `hurt_cared_for`), slipping away pale and sweating, peace with a decision and
  "tonight I go", a fall and no sense in what is said, "over for good".

Gaps left: a reunion with someone not said to be dead ("straks ben ik bij mijn Gerrit"), a farewell by tone
alone ("zeg tegen iedereen dat ik van ze hou"), affairs settled with only a notary as sign; and the
generalisation figure itself: every batch written after the fixes found mostly new frames (batch 2 10/28,
batch 3 4/14, batch 4 1/12), so the next unseen Dutch euphemism is more likely missed than read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from flows.understanding.corpus import Case, reading_of, score
from tests.redteam_support import NOW, as_cases, assert_family_reads

DATA = Path(__file__).parent / "data"
TESTS = Path(__file__).parent

# (id, context, lang, channel, text, expect) in the corpus format of ../shared/understanding/README.md;
# rt9a: the first batch, rt9b: the second, written after the first batch's fixes, rt9c: the third.
SET: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    (
        "rt9a-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "ik wil gaan slapen en niet meer wakker worden",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-02",
        "first_message",
        "nl",
        "sms",
        "het is mooi geweest voor mij",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-03",
        "first_message",
        "nl",
        "sms",
        "ik ga naar mijn man toe hij wacht op me daarboven",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-04",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb mijn zaakjes geregeld, de notaris weet alles",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-05",
        "first_message",
        "nl",
        "sms",
        "jullie zijn beter af zonder mij",
        {"crisis": "113"},
    ),
    ("rt9a-nl-first_message-06", "first_message", "nl", "sms", "ik zie geen uitweg meer", {"crisis": "113"}),
    (
        "rt9a-nl-first_message-07",
        "first_message",
        "nl",
        "whatsapp",
        "ik ben er klaar mee, met alles",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-08",
        "first_message",
        "nl",
        "sms",
        "dit is de laatste keer dat je van me hoort",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "ik hoef niet meer zo lang, ik heb het wel gezien hier",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "mag ik nu eindelijk naar mijn Kees toe",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-11",
        "first_message",
        "nl",
        "whatsapp",
        "ik zou het liefst voorgoed gaan slapen",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-12",
        "first_message",
        "nl",
        "sms",
        "ik wil er een punt achter zetten, achter mijn leven",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-13",
        "first_message",
        "nl",
        "sms",
        "het hoeft voor mij allemaal niet meer",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-14",
        "first_message",
        "nl",
        "whatsapp",
        "ik ben op, ik wil er niet meer zijn",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-15",
        "first_message",
        "nl",
        "sms",
        "niemand zal me missen als ik er niet meer ben, dat is beter zo",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-16",
        "first_message",
        "nl",
        "sms",
        "ik wil bij mijn overleden vrouw zijn",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-17",
        "first_message",
        "nl",
        "whatsapp",
        "heb afscheid genomen van mijn kinderen, ze weten het nog niet maar het was de laatste keer",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-18",
        "first_message",
        "nl",
        "sms",
        "ik ben iedereen alleen maar tot last, ik maak er een eind aan",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-19",
        "first_message",
        "nl",
        "sms",
        "mijn testament ligt klaar en mijn pillen ook",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-20",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb genoeg pillen gespaard om in te slapen",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-21",
        "first_message",
        "nl",
        "sms",
        "wil niet meer wakker worden morgen",
        {"crisis": "113"},
    ),
    ("rt9a-nl-first_message-22", "first_message", "nl", "sms", "ik ben het leven moe", {"crisis": "113"}),
    (
        "rt9a-nl-first_message-23",
        "first_message",
        "nl",
        "whatsapp",
        "ik wil niet meer verder, er is niks meer over om voor te leven",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-24",
        "first_message",
        "nl",
        "sms",
        "ik kan het leven niet meer aan",
        {"crisis": "113"},
    ),
    ("rt9a-nl-first_message-25", "first_message", "nl", "sms", "ik stap eruit", {"crisis": "113"}),
    (
        "rt9a-nl-first_message-26",
        "first_message",
        "nl",
        "whatsapp",
        "mijn moeder zegt steeds dat ze naar vader toe wil en nu eet ze niet meer",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-27",
        "first_message",
        "nl",
        "sms",
        "ze wil niet meer eten en zegt dat ze wil sterven",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-28",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vader zegt dat hij zijn geweer pakt en er een eind aan maakt",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-29",
        "first_message",
        "nl",
        "sms",
        "mijn buurvrouw zegt dat ze het niet meer ziet zitten en dat dit haar laatste nacht is",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-30",
        "first_message",
        "nl",
        "sms",
        "ik ben bang dat ik hem iets aandoe, ik ben zo moe van de zorg",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt9a-nl-first_message-31",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb mijn moeder vandaag hard geknepen, ik ben bang dat ik verder ga",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt9a-nl-first_message-32",
        "first_message",
        "nl",
        "sms",
        "mijn man zegt rare dingen en zijn mond hangt scheef",
        {"crisis": "112"},
    ),
    (
        "rt9a-nl-first_message-33",
        "first_message",
        "nl",
        "sms",
        "ik krijg bijna geen lucht meer",
        {"crisis": "112"},
    ),
    (
        "rt9a-nl-first_message-34",
        "first_message",
        "nl",
        "sms",
        "hij is gevallen en reageert niet",
        {"crisis": "112"},
    ),
    (
        "rt9a-nl-first_message-35",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vrouw is ineens heel verward en haar arm doet het niet meer",
        {"crisis": "112"},
    ),
    (
        "rt9a-nl-first_message-36",
        "first_message",
        "nl",
        "sms",
        "ik heb zon druk op mijn borst en het straalt naar mijn arm",
        {"crisis": "112"},
    ),
    (
        "rt9a-nl-first_message-37",
        "first_message",
        "nl",
        "sms",
        "mijn buurman ligt in de tuin en beweegt niet",
        {"crisis": "112"},
    ),
    (
        "rt9a-nl-first_message-38",
        "first_message",
        "nl",
        "sms",
        "mijn man is blauw om zijn lippen en hijgt",
        {"crisis": "112"},
    ),
    (
        "rt9a-nl-first_message-39",
        "first_message",
        "nl",
        "whatsapp",
        "moeder is van de trap gevallen en bloed uit haar hoofd",
        {"crisis": "112"},
    ),
    (
        "rt9a-nl-first_message-40",
        "first_message",
        "nl",
        "sms",
        "opa krijgt geen woord meer uit zijn mond en kijkt raar",
        {"crisis": "112"},
    ),
    (
        "rt9a-nl-first_message-41",
        "first_message",
        "nl",
        "sms",
        "ik kan niet meer opstaan ik lig al sinds vannacht op de badkamervloer",
        {"crisis": "112"},
    ),
    (
        "rt9a-nl-first_message-42",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vrouw is niet wakker te krijgen",
        {"crisis": "112"},
    ),
    (
        "rt9a-nl-first_message-43",
        "first_message",
        "nl",
        "sms",
        "hij heeft al zijn pillen in een keer ingenomen",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-44",
        "first_message",
        "nl",
        "sms",
        "ik stik bijna, kan niet ademen",
        {"crisis": "112"},
    ),
    (
        "rt9a-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "i just want to go to sleep and not wake up",
        {"crisis": "113"},
    ),
    (
        "rt9a-en-first_message-02",
        "first_message",
        "en",
        "sms",
        "honestly everyone would be better off without me around",
        {"crisis": "113"},
    ),
    (
        "rt9a-en-first_message-03",
        "first_message",
        "en",
        "whatsapp",
        "i have put my affairs in order, this is goodbye",
        {"crisis": "113"},
    ),
    (
        "rt9a-en-first_message-04",
        "first_message",
        "en",
        "sms",
        "i cant see a way out anymore",
        {"crisis": "113"},
    ),
    (
        "rt9a-en-first_message-05",
        "first_message",
        "en",
        "whatsapp",
        "i want to be with my late husband",
        {"crisis": "113"},
    ),
    (
        "rt9a-en-first_message-06",
        "first_message",
        "en",
        "sms",
        "my husband is slurring and his face is drooping",
        {"crisis": "112"},
    ),
    (
        "rt9a-en-first_message-07",
        "first_message",
        "en",
        "sms",
        "she collapsed and isnt responding",
        {"crisis": "112"},
    ),
    (
        "rt9a-en-first_message-08",
        "first_message",
        "en",
        "whatsapp",
        "im done with everything, i dont want to be here anymore",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-checkin-01",
        "checkin",
        "nl",
        "sms",
        "zwaar, ik wil eigenlijk niet meer wakker worden",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-checkin-02",
        "checkin",
        "nl",
        "sms",
        "slecht. het is voor mij wel mooi geweest",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-checkin-03",
        "checkin",
        "nl",
        "whatsapp",
        "ik zie het niet meer zitten, ik wil naar mijn vrouw toe",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-checkin-04",
        "checkin",
        "nl",
        "sms",
        "zwaar, ik ben bang dat ik haar iets aandoe als ze weer gaat schreeuwen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt9a-nl-checkin-05",
        "checkin",
        "nl",
        "whatsapp",
        "hij zegt al dagen dat hij dood wil en eet niks meer",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-checkin-06",
        "checkin",
        "nl",
        "sms",
        "gaat niet, mijn man kan ineens niet meer praten en zijn gezicht hangt",
        {"crisis": "112"},
    ),
    (
        "rt9a-nl-checkin-07",
        "checkin",
        "nl",
        "sms",
        "slecht ik krijg slecht lucht en mijn lippen zijn blauw",
        {"crisis": "112"},
    ),
    (
        "rt9a-nl-checkin-08",
        "checkin",
        "nl",
        "sms",
        "ik kan dit niet meer, was er maar een uitweg",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-any_state-01",
        "any_state",
        "nl",
        "sms",
        "dit is mijn laatste berichtje, dag lieverds",
        {"crisis": "113"},
    ),
    ("rt9a-nl-any_state-02", "any_state", "nl", "sms", "ik wil het leven niet meer", {"crisis": "113"}),
    (
        "rt9a-nl-any_state-03",
        "any_state",
        "nl",
        "whatsapp",
        "ik heb alles geregeld voor als ik er straks niet meer ben, vanavond is het zover",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-any_state-04",
        "any_state",
        "nl",
        "sms",
        "mijn vrouw is gevallen ze reageert nergens meer op",
        {"crisis": "112"},
    ),
    ("rt9a-en-any_state-01", "any_state", "en", "sms", "i dont want to wake up tomorrow", {"crisis": "113"}),
    (
        "rt9a-nl-ask_when-01",
        "ask_when",
        "nl",
        "sms",
        "maakt niet uit ik ben er volgende week toch niet meer",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-menu-01",
        "menu",
        "nl",
        "sms",
        "ik hoef geen hulp meer, ik ga naar mijn man",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-name-01",
        "name",
        "nl",
        "sms",
        "doet er niet toe wie ik ben, morgen ben ik er niet meer",
        {"crisis": "113"},
    ),
    (
        "rt9a-nl-first_message-45",
        "first_message",
        "nl",
        "sms",
        "mijn oma is vorig jaar overleden, ik mis haar nog steeds",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-46",
        "first_message",
        "nl",
        "sms",
        "onze kat is vorige week ingeslapen, wie helpt met de tuin",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-47",
        "first_message",
        "nl",
        "sms",
        "ik ga dood van de hitte, kan iemand een ventilator brengen",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-48",
        "first_message",
        "nl",
        "whatsapp",
        "ik ben er even niet, terug op maandag",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-49",
        "first_message",
        "nl",
        "sms",
        "ik moet naar een begrafenis vrijdag, wie rijdt mee",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-50",
        "first_message",
        "nl",
        "sms",
        "ik slaap slecht, ik word elke nacht om 4 uur wakker",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-51",
        "first_message",
        "nl",
        "whatsapp",
        "het is mooi geweest met de regen, eindelijk zon",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-52",
        "first_message",
        "nl",
        "sms",
        "ik ben klaar met de boodschappen, dank je",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-53",
        "first_message",
        "nl",
        "sms",
        "ik zie geen uitweg uit die formulieren van de belasting, wie helpt",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-54",
        "first_message",
        "nl",
        "sms",
        "mijn man is twee jaar geleden overleden, ik zoek gezelschap",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-55",
        "first_message",
        "nl",
        "whatsapp",
        "ik ga naar mijn man toe in het ziekenhuis, kan iemand mij brengen",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-56",
        "first_message",
        "nl",
        "sms",
        "ik heb mijn zaakjes geregeld voor de vakantie, wie geeft de planten water",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-57",
        "first_message",
        "nl",
        "sms",
        "we zagen een film over een man die niet meer wakker werd",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-58",
        "first_message",
        "nl",
        "sms",
        "dit is de laatste keer dat ik om hulp vraag met de computer, beloofd",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-59",
        "first_message",
        "nl",
        "whatsapp",
        "de hond moest ingeslapen worden, ik ben er kapot van",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-60",
        "first_message",
        "nl",
        "sms",
        "ik lees een boek over iemand die uit het leven stapte",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-61",
        "first_message",
        "nl",
        "sms",
        "mijn man zegt rare dingen in zijn slaap, is dat normaal",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-62",
        "first_message",
        "nl",
        "sms",
        "ik krijg geen lucht in mijn fietsband, wie helpt",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-63",
        "first_message",
        "nl",
        "sms",
        "hij is gevallen met de fiets maar het gaat alweer",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-64",
        "first_message",
        "nl",
        "sms",
        "de testament moet naar de notaris, wie brengt me",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-65",
        "first_message",
        "nl",
        "whatsapp",
        "ik stap eruit bij de wandelgroep, mijn knie wil niet meer",
        {"crisis": False},
    ),
    (
        "rt9a-nl-first_message-66",
        "first_message",
        "nl",
        "sms",
        "ik ben het wachten moe, wanneer komt er iemand voor de klusjes",
        {"crisis": False},
    ),
    (
        "rt9a-en-first_message-09",
        "first_message",
        "en",
        "sms",
        "my grandma passed away last year, looking for company",
        {"crisis": False},
    ),
    (
        "rt9a-en-first_message-10",
        "first_message",
        "en",
        "whatsapp",
        "im dying to see the new film",
        {"crisis": False},
    ),
    (
        "rt9a-en-first_message-11",
        "first_message",
        "en",
        "sms",
        "i just want to sleep in on sunday",
        {"crisis": False},
    ),
    (
        "rt9a-en-first_message-12",
        "first_message",
        "en",
        "sms",
        "im done with the shopping thanks",
        {"crisis": False},
    ),
    (
        "rt9a-nl-checkin-09",
        "checkin",
        "nl",
        "sms",
        "goed, ik slaap weer beter en word uitgerust wakker",
        {"crisis": False},
    ),
    (
        "rt9a-nl-checkin-10",
        "checkin",
        "nl",
        "sms",
        "zwaar, de begrafenis van mijn zus was gisteren",
        {"crisis": False},
    ),
    (
        "rt9a-nl-checkin-11",
        "checkin",
        "nl",
        "whatsapp",
        "gaat wel, mijn vrouw mist haar overleden moeder erg",
        {"crisis": False},
    ),
    (
        "rt9a-nl-checkin-12",
        "checkin",
        "nl",
        "sms",
        "moe, ik ben op van het sjouwen maar het gaat",
        {"crisis": False},
    ),
    (
        "rt9a-nl-any_state-05",
        "any_state",
        "nl",
        "sms",
        "ik ben er even niet, stuur morgen maar",
        {"crisis": False},
    ),
    (
        "rt9a-nl-any_state-06",
        "any_state",
        "nl",
        "sms",
        "het gaat voorbij, de griep is bijna weg",
        {"crisis": False},
    ),
    (
        "rt9a-nl-ask_when-02",
        "ask_when",
        "nl",
        "sms",
        "volgende week ben ik er niet, ik ga naar mijn dochter",
        {"crisis": False},
    ),
    ("rt9a-nl-menu-02", "menu", "nl", "sms", "ik hoef geen hulp meer, mijn zoon komt", {"crisis": False}),
    (
        "rt9b-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "ik heb er geen zin meer in, in dit hele bestaan",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-02",
        "first_message",
        "nl",
        "sms",
        "straks ben ik bij mijn Gerrit, dan is het goed",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-03",
        "first_message",
        "nl",
        "whatsapp",
        "mijn spaargeld heb ik al over de kinderen verdeeld, ik heb het niet meer nodig waar ik heen ga",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-04",
        "first_message",
        "nl",
        "sms",
        "ik ga de zee in en zwem door tot ik niet meer kan",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-05",
        "first_message",
        "nl",
        "sms",
        "ik zou willen dat ik gewoon niet meer bestond",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-06",
        "first_message",
        "nl",
        "whatsapp",
        "als jullie dit lezen ben ik al weg",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-07",
        "first_message",
        "nl",
        "sms",
        "wat heeft het nog voor zin om te leven zonder hem",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-08",
        "first_message",
        "nl",
        "sms",
        "de pillen liggen klaar op het nachtkastje, vanavond neem ik ze allemaal",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "laat mij maar gaan, ik wil niet meer behandeld worden, ik wil dood",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-10",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vader zegt dat het beter is als hij er niet meer is en hij heeft de jachtgeweer gepakt",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-11",
        "first_message",
        "nl",
        "sms",
        "ik ben een blok aan ieders been, ik maak het binnenkort af",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-12",
        "first_message",
        "nl",
        "sms",
        "ik wou dat ik er gewoon tussenuit kon piepen voor altijd",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-13",
        "first_message",
        "nl",
        "whatsapp",
        "mijn oma zegt dat ze haar ogen wil sluiten en nooit meer open doen",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-14",
        "first_message",
        "nl",
        "sms",
        "ik ben bang dat ik mijn vrouw iets aandoe, ze blijft maar roepen 's nachts",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt9b-nl-first_message-15",
        "first_message",
        "nl",
        "sms",
        "mijn man ligt in bed en ik krijg hem niet wakker, hij ademt raar",
        {"crisis": "112"},
    ),
    (
        "rt9b-nl-first_message-16",
        "first_message",
        "nl",
        "sms",
        "mijn vrouw pakt naar haar borst en is helemaal wit",
        {"crisis": "112"},
    ),
    (
        "rt9b-nl-first_message-17",
        "first_message",
        "nl",
        "whatsapp",
        "buurman is van de ladder gevallen en zegt niks meer",
        {"crisis": "112"},
    ),
    (
        "rt9b-nl-first_message-18",
        "first_message",
        "nl",
        "sms",
        "mijn moeder praat ineens onzin en haar halve gezicht hangt",
        {"crisis": "112"},
    ),
    (
        "rt9b-nl-first_message-19",
        "first_message",
        "nl",
        "sms",
        "mijn man heeft een bij steek gehad en zijn keel zwelt dicht",
        {"crisis": "112"},
    ),
    (
        "rt9b-en-first_message-01",
        "first_message",
        "en",
        "sms",
        "i wont be around much longer, i have made sure of that",
        {"crisis": "113"},
    ),
    (
        "rt9b-en-first_message-02",
        "first_message",
        "en",
        "whatsapp",
        "tonight i am going to see my wife again, she passed in march",
        {"crisis": "113"},
    ),
    (
        "rt9b-en-first_message-03",
        "first_message",
        "en",
        "sms",
        "my mum keeps saying she wants to go to sleep forever",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-checkin-01",
        "checkin",
        "nl",
        "sms",
        "zwaar. ik hoop dat ik vannacht in mijn slaap mag gaan",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-checkin-02",
        "checkin",
        "nl",
        "sms",
        "slecht, ik denk er steeds aan om er een eind aan te maken",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-checkin-03",
        "checkin",
        "nl",
        "whatsapp",
        "ik kan niet meer, straks doe ik hem nog wat",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt9b-nl-any_state-01",
        "any_state",
        "nl",
        "sms",
        "ik ben het zo zat, dat leven van mij",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-any_state-02",
        "any_state",
        "nl",
        "sms",
        "zeg maar tegen iedereen dat ik van ze hou",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-ask_when-01",
        "ask_when",
        "nl",
        "sms",
        "hoeft niet meer, ik ben er binnenkort niet meer",
        {"crisis": "113"},
    ),
    (
        "rt9b-nl-first_message-20",
        "first_message",
        "nl",
        "sms",
        "mijn vader is vorig jaar ingeslapen in het hospice, ik zoek een maatje om mee te praten",
        {"crisis": False},
    ),
    (
        "rt9b-nl-first_message-21",
        "first_message",
        "nl",
        "sms",
        "straks ben ik bij mijn dochter, dan kan ik haar helpen met verhuizen",
        {"crisis": False},
    ),
    (
        "rt9b-nl-first_message-22",
        "first_message",
        "nl",
        "whatsapp",
        "ik zou willen dat de buurman niet meer bestond met zijn herrie haha",
        {"crisis": False},
    ),
    (
        "rt9b-nl-first_message-23",
        "first_message",
        "nl",
        "sms",
        "als jullie dit lezen ben ik al weg naar de markt, de sleutel ligt onder de mat",
        {"crisis": False},
    ),
    (
        "rt9b-nl-first_message-24",
        "first_message",
        "nl",
        "sms",
        "mijn hond is oud en moet binnenkort ingeslapen worden",
        {"crisis": False},
    ),
    (
        "rt9b-nl-first_message-25",
        "first_message",
        "nl",
        "sms",
        "ik ga dood van de zenuwen voor mijn operatie morgen",
        {"crisis": False},
    ),
    (
        "rt9b-nl-first_message-26",
        "first_message",
        "nl",
        "whatsapp",
        "we hebben de film gezien waarin de moeder sterft, wat een tranen",
        {"crisis": False},
    ),
    (
        "rt9b-en-first_message-04",
        "first_message",
        "en",
        "sms",
        "my husband passed away in 2019, i would like a volunteer for the garden",
        {"crisis": False},
    ),
    (
        "rt9b-nl-checkin-04",
        "checkin",
        "nl",
        "sms",
        "gaat goed, ik heb eindelijk weer eens lekker geslapen",
        {"crisis": False},
    ),
    (
        "rt9b-nl-checkin-05",
        "checkin",
        "nl",
        "sms",
        "zwaar, de uitvaart is donderdag en er moet veel geregeld worden",
        {"crisis": False},
    ),
    (
        "rt9b-nl-any_state-03",
        "any_state",
        "nl",
        "sms",
        "ik ben er even tussenuit, volgende week terug",
        {"crisis": False},
    ),
    (
        "rt9b-nl-ask_when-02",
        "ask_when",
        "nl",
        "sms",
        "binnenkort ben ik er niet, ik ga op vakantie",
        {"crisis": False},
    ),
    (
        "rt9c-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "ik heb geen reden meer om op te staan, laat staan om door te gaan",
        {"crisis": "113"},
    ),
    (
        "rt9c-nl-first_message-02",
        "first_message",
        "nl",
        "sms",
        "ik wil rust, eeuwige rust",
        {"crisis": "113"},
    ),
    (
        "rt9c-nl-first_message-03",
        "first_message",
        "nl",
        "whatsapp",
        "ik wil naar mijn zoon die we vorig jaar begraven hebben",
        {"crisis": "113"},
    ),
    (
        "rt9c-nl-first_message-04",
        "first_message",
        "nl",
        "sms",
        "mijn kinderen krijgen straks een brief van me, dan begrijpen ze het wel",
        {"crisis": "113"},
    ),
    (
        "rt9c-nl-first_message-05",
        "first_message",
        "nl",
        "sms",
        "het doek valt voor mij, ik heb mijn besluit genomen",
        {"crisis": "113"},
    ),
    (
        "rt9c-nl-first_message-06",
        "first_message",
        "nl",
        "whatsapp",
        "ik ben het moe, alles, ik wil dat het stopt voorgoed",
        {"crisis": "113"},
    ),
    (
        "rt9c-nl-first_message-07",
        "first_message",
        "nl",
        "sms",
        "mijn moeder zit al uren in de badkamer en doet niet open, ze zei gisteren dat ze het niet meer wil",
        {"crisis": "113"},
    ),
    (
        "rt9c-nl-first_message-08",
        "first_message",
        "nl",
        "sms",
        "mijn man valt steeds weg en zijn hand tintelt en hij kan niet goed praten",
        {"crisis": "112"},
    ),
    (
        "rt9c-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "mijn vader zit te zweten en heeft pijn in zijn kaak en borst",
        {"crisis": "112"},
    ),
    (
        "rt9c-en-first_message-01",
        "first_message",
        "en",
        "sms",
        "im tired of being a burden, tonight i will finish it",
        {"crisis": "113"},
    ),
    (
        "rt9c-en-first_message-02",
        "first_message",
        "en",
        "whatsapp",
        "mum says she is ready to go and has stopped taking her pills on purpose",
        {"crisis": "113"},
    ),
    (
        "rt9c-nl-checkin-01",
        "checkin",
        "nl",
        "sms",
        "zwaar. ik krijg soms zin om een kussen op zijn gezicht te leggen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt9c-nl-checkin-02",
        "checkin",
        "nl",
        "sms",
        "slecht, ik heb geen puf meer om te leven",
        {"crisis": "113"},
    ),
    (
        "rt9c-nl-any_state-01",
        "any_state",
        "nl",
        "sms",
        "ik ga straks de deur uit en ik kom niet meer terug, zeg de kinderen dat het me spijt",
        {"crisis": "113"},
    ),
    (
        "rt9c-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "ik wil rust, de buren maken zoveel lawaai",
        {"crisis": False},
    ),
    (
        "rt9c-nl-first_message-11",
        "first_message",
        "nl",
        "sms",
        "het doek valt voor ons toneelclubje, we stoppen na dertig jaar",
        {"crisis": False},
    ),
    (
        "rt9c-nl-first_message-12",
        "first_message",
        "nl",
        "whatsapp",
        "ik ga naar het graf van mijn zoon, wie rijdt mee",
        {"crisis": False},
    ),
    (
        "rt9c-nl-first_message-13",
        "first_message",
        "nl",
        "sms",
        "ik heb geen reden meer om naar de wandelgroep te gaan nu mijn knie slecht is",
        {"crisis": False},
    ),
    (
        "rt9c-nl-checkin-03",
        "checkin",
        "nl",
        "sms",
        "goed, mijn moeder is rustig ingeslapen na een lang leven, het afscheid was mooi",
        {"crisis": False},
    ),
    (
        "rt9c-nl-any_state-02",
        "any_state",
        "nl",
        "sms",
        "ik ga straks de deur uit, ik kom pas laat terug",
        {"crisis": False},
    ),
    (
        "rt9d-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "ik heb mijn kist al uitgezocht en betaald, het duurt niet lang meer",
        {"crisis": "113"},
    ),
    (
        "rt9d-nl-first_message-02",
        "first_message",
        "nl",
        "sms",
        "ik ga de laatste reis maken, alleen",
        {"crisis": "113"},
    ),
    (
        "rt9d-nl-first_message-03",
        "first_message",
        "nl",
        "whatsapp",
        "ik wil naar huis, naar boven, bij de Heer",
        {"crisis": "113"},
    ),
    (
        "rt9d-nl-first_message-04",
        "first_message",
        "nl",
        "sms",
        "de rek is eruit, ik geef het op, met alles",
        {"crisis": "113"},
    ),
    (
        "rt9d-nl-first_message-05",
        "first_message",
        "nl",
        "sms",
        "mijn man zegt dat hij morgen niet meer wakker wil worden en hij heeft zijn pillen verzameld",
        {"crisis": "113"},
    ),
    (
        "rt9d-nl-first_message-06",
        "first_message",
        "nl",
        "sms",
        "ik ben bang dat ik een keer doorsla en haar echt pijn doe",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt9d-nl-first_message-07",
        "first_message",
        "nl",
        "sms",
        "mijn vrouw zakt weg, ze is heel wit en zweet en ik krijg geen contact",
        {"crisis": "112"},
    ),
    (
        "rt9d-nl-first_message-08",
        "first_message",
        "nl",
        "whatsapp",
        "buurvrouw ligt al twee dagen niet te reageren in haar stoel",
        {"crisis": "112"},
    ),
    (
        "rt9d-nl-checkin-01",
        "checkin",
        "nl",
        "sms",
        "zwaar, ik word liever niet meer wakker eerlijk gezegd",
        {"crisis": "113"},
    ),
    (
        "rt9d-nl-any_state-01",
        "any_state",
        "nl",
        "sms",
        "ik heb vrede met mijn besluit, vanavond ga ik",
        {"crisis": "113"},
    ),
    (
        "rt9d-en-first_message-01",
        "first_message",
        "en",
        "sms",
        "i just want it all to be over for good",
        {"crisis": "113"},
    ),
    (
        "rt9d-en-first_message-02",
        "first_message",
        "en",
        "whatsapp",
        "my dad fell in the garden and he isnt making any sense",
        {"crisis": "112"},
    ),
    (
        "rt9d-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "mijn kist met oude fotos moet naar zolder, wie helpt",
        {"crisis": False},
    ),
    (
        "rt9d-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "ik ga de laatste reis van het seizoen maken met de ouderenbus",
        {"crisis": False},
    ),
    (
        "rt9d-nl-first_message-11",
        "first_message",
        "nl",
        "sms",
        "de rek is eruit bij mijn oude broek, wie kan naaien",
        {"crisis": False},
    ),
    (
        "rt9d-nl-checkin-02",
        "checkin",
        "nl",
        "sms",
        "gaat goed, ik heb vrede met de verhuizing",
        {"crisis": False},
    ),
]

CASES = as_cases(SET)

# Crises still missed, with why (each is checked to be still missed, so a fix shows).
KNOWN_MISSES = {
    "rt9a-nl-first_message-04": "affairs settled and 'de notaris weet alles' is also what an old person says "
    "after making a will; no second sign",
    "rt9a-nl-menu-01": "'ik ga naar mijn man' says nothing of his being dead; only the history "
    "of the conversation could tell",
    "rt9b-nl-first_message-02": "'straks ben ik bij mijn Gerrit' without a sign that Gerrit is dead reads as "
    "a visit",
    "rt9b-nl-any_state-02": "'zeg tegen iedereen dat ik van ze hou' is a farewell only by its tone",
}


def _earlier_texts() -> set[str]:
    texts: set[str] = set()
    for path in DATA.glob("understanding_*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.add(json.loads(line)["text"].casefold())
    for path in TESTS.glob("test_understanding_redteam*.py"):
        if path.name != Path(__file__).name:
            for text in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8")):
                texts.add(text.casefold())
    return texts


def test_the_set_is_new_and_covers_the_contexts_of_a_crisis() -> None:
    assert not {case.text.casefold() for case in CASES} & _earlier_texts()
    assert len({case.id for case in CASES}) == len(CASES) == 178
    assert len({case.text.casefold() for case in CASES}) == len(CASES)
    crises = [case for case in CASES if case.expect.get("crisis")]
    lookalikes = [case for case in CASES if case.expect.get("crisis") is False]
    assert len(crises) == 122 and len(lookalikes) == 56
    assert {case.expect["crisis"] for case in crises} == {"113", "112", "veilig_thuis"}
    assert {case.context for case in crises} >= {
        "first_message",
        "checkin",
        "any_state",
        "menu",
        "ask_when",
        "name",
    }
    assert set(KNOWN_MISSES) <= {case.id for case in crises}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_message_reads_as_a_careful_social_worker_would(case: Case) -> None:
    # This round is about the crisis reading only: the crisis kind (or none, for a look-alike).
    reading = reading_of(case, NOW)
    wanted = case.expect["crisis"] or None
    if case.id in KNOWN_MISSES:
        assert reading.get("crisis") != wanted, (case.text, reading)
        pytest.xfail(KNOWN_MISSES[case.id])
    assert reading.get("crisis") == wanted, (case.text, wanted, reading)


def test_every_crisis_but_the_known_is_recalled_and_no_look_alike_fires() -> None:
    result = score(CASES, NOW)
    assert result.crises == 122
    assert result.crises_recalled == 122 - len(KNOWN_MISSES)
    assert result.false_alarms == 0


# (context, text, what the reading must hold); None for a key: the reading must not have it. Paraphrases of
# the mechanisms the fixes added, each with look-alikes that must keep their old reading.
FAMILIES: list[tuple[str, str, dict[str, Any]]] = [
    ("first_message", "ik wil zo graag naar mijn vrouw toe, ze wacht daarboven op me", {"crisis": "113"}),
    ("first_message", "mag ik eindelijk naar mijn man toe, ik mis hem zo", {"crisis": "113"}),
    ("first_message", "ik ga naar mijn man toe in het verpleeghuis, wie brengt me", {"crisis": None}),
    (
        "first_message",
        "ik mag eindelijk naar mijn dochter toe in spanje, wie geeft de planten water",
        {"crisis": None},
    ),
    ("first_message", "dit is de laatste keer dat jullie van me horen", {"crisis": "113"}),
    ("first_message", "de laatste keer dat je van me hoorde was in mei, sorry daarvoor", {"crisis": None}),
    ("first_message", "ik heb afscheid genomen, vannacht is mijn laatste nacht", {"crisis": "113"}),
    ("first_message", "mijn laatste nacht in het ziekenhuis, morgen mag ik naar huis", {"crisis": None}),
    ("first_message", "voor mij is het wel mooi geweest, ik hoef niet meer", {"crisis": "113"}),
    ("first_message", "het is mooi geweest met die verbouwing, eindelijk klaar", {"crisis": None}),
    ("first_message", "ik zou het liefst voor altijd gaan slapen", {"crisis": "113"}),
    ("first_message", "ik wil zondag lekker lang slapen", {"crisis": None}),
    ("first_message", "i dont want to wake up again", {"crisis": "113"}),
    (
        "first_message",
        "i dont want to wake up early tomorrow, can the volunteer come later",
        {"crisis": None},
    ),
    ("first_message", "was er maar een uitweg uit dit alles", {"crisis": "113"}),
    ("first_message", "ik zie geen uitweg uit dat doolhof van formulieren", {"crisis": None}),
    ("checkin", "zwaar, ik ben bang dat ik haar wat aandoe", {"crisis": "veilig_thuis"}),
    ("checkin", "zwaar, ik ben bang dat ik hem pijn doe bij het tillen", {"crisis": None}),
    ("first_message", "mijn moeder is ineens verward en haar been doet het niet meer", {"crisis": "112"}),
    ("first_message", "als je dit leest ben ik er niet meer", {"crisis": "113"}),
    ("first_message", "als je dit leest ben ik al weg naar de kapper", {"crisis": None}),
    ("first_message", "ik ben iedereen tot last, ik maak er binnenkort een eind aan", {"crisis": "113"}),
    ("first_message", "ik heb geen zin meer in dit leven", {"crisis": "113"}),
    (
        "first_message",
        "ik ben het zat, dit leven in de stad, ik ga verhuizen naar het dorp",
        {"crisis": None},
    ),
    ("first_message", "het leven is zo duur, ik ben het zat", {"crisis": None}),
    ("first_message", "ik wou dat ik voor altijd weg kon", {"crisis": "113"}),
    ("first_message", "ik wil voor altijd weg uit deze stad, naar het buitenland", {"crisis": None}),
    ("first_message", "ik wil dat het lawaai van de buren voorgoed stopt", {"crisis": None}),
    (
        "first_message",
        "mijn zoon heeft zich opgesloten in zijn kamer, hij zei dat hij niet meer wil leven",
        {"crisis": "113"},
    ),
    ("first_message", "mijn zoon doet niet open, hij slaapt nog denk ik", {"crisis": None}),
    ("first_message", "ik zwem elke ochtend de zee in tot ik niet meer kan, heerlijk", {"crisis": None}),
    ("first_message", "i wont be here much longer, ive made sure", {"crisis": "113"}),
    (
        "checkin",
        "zwaar, soms voel ik de aandrang om een kussen over haar gezicht te doen",
        {"crisis": "veilig_thuis"},
    ),
    ("first_message", "ik wil eeuwige rust", {"crisis": "113"}),
    ("first_message", "ik zoek rust en ruimte, een wandelmaatje", {"crisis": None}),
    (
        "first_message",
        "mijn uitvaart is geregeld en het duurt niet lang meer, ik weet wat ik doe",
        {"crisis": "113"},
    ),
    (
        "first_message",
        "mijn uitvaart is geregeld bij de verzekering, kan iemand de papieren brengen",
        {"crisis": None},
    ),
    ("first_message", "ik wil zo graag naar de hemel, bij mijn Heer", {"crisis": "113"}),
    ("first_message", "ik wil zondag naar de kerk om te bidden bij de Heer, wie rijdt", {"crisis": None}),
    ("first_message", "ik ben bang dat ik ontplof en hem pijn doe", {"crisis": "veilig_thuis"}),
    ("first_message", "ik ben bang dat ik flip als de computer weer vastloopt", {"crisis": None}),
    ("first_message", "opa zakt steeds weg en is lijkbleek", {"crisis": "112"}),
    ("first_message", "de wifi valt steeds weg, wie helpt", {"crisis": None}),
    ("first_message", "my mum slipped in the kitchen and is not making sense", {"crisis": "112"}),
    (
        "first_message",
        "my mum slipped on the ice last winter, now she needs help with shopping",
        {"crisis": None},
    ),
    ("first_message", "ik word liever niet meer wakker", {"crisis": "113"}),
    (
        "first_message",
        "ik word liever niet te vroeg wakker, kan de vrijwilliger om 10 uur komen",
        {"crisis": None},
    ),
    ("first_message", "ik heb mijn besluit genomen, vannacht ga ik", {"crisis": "113"}),
    ("first_message", "ik heb mijn besluit genomen, morgen ga ik naar de markt", {"crisis": None}),
    ("first_message", "i want it all to be over for good", {"crisis": "113"}),
    ("first_message", "the works on our street will be over for good next week", {"crisis": None}),
]


def test_the_families_are_not_the_sets_sentences() -> None:
    assert not {text.casefold() for _, text, _ in FAMILIES} & {case.text.casefold() for case in CASES}


@pytest.mark.parametrize(("context", "text", "holds"), FAMILIES)
def test_a_family_added_after_the_set_reads_its_paraphrases(
    context: str, text: str, holds: dict[str, Any]
) -> None:
    assert_family_reads(context, text, holds)
