"""Red-team set 11: aimed at the crisis reader's structural limits first, then measured on messages written for
this round. Dutch mostly (older people on SMS without punctuation, carers about the person cared for), a few in
the other languages, and about a third look-alikes that must raise no crisis (a grave visit with a ride asked, a
car hose that leaks, "als de thuiszorg komt hoef ik niet meer te tillen", a pet placed before work, "dood moe").
None is word for word in an earlier round (tests/data/understanding_*.jsonl, ../shared/understanding/dev.jsonl,
tests/test_understanding_redteam*.py).

Engine (crisis.py), for round 10's KNOWN_MISSES:
- Sentences: each word keeps its sentence (split at . ! ? ; and line ends), also through the idioms' removal. A
  guard (`unless`) cancels a rule only when it stands in a sentence the rule's match touches, so a grave in the
  second sentence no longer speaks for the first one's despair. When a rule uses a whole-clause concept
  (`alone`, `[clause_end]`, which stand at no word position), or one derived from it, its guards still speak
  for the whole message ("hoi. ik wil niet meer. stop met de berichten" stays calm).
- Idioms are undone by the words right after them (`[idioms_undone]`): "rather be dead than go" is a saying
  before "to that party", not before "on like this"; "nog liever dood dan" not before "zo verder".
- Subordinate clauses (`[alone_after_clause]`): a whole-clause phrase may end a sentence that opens with a
  subordinator and a subject ("als hij straks naar het verpleeghuis gaat hoef ik ook niet meer"), in the
  inverted order Dutch uses there ("hoef ik", "wil ik"), with or without a comma; not after "als mantelzorger"
  (no subject) nor after a condition for an outing ("als het gaat regenen", "als de cursus klaar is").
- Clause ends (`[clause_end]`): phrases that count when they end a clause ("... voor ik ga.", "ik ga ook
  maar", "... en durf nog niet"), not "voor ik ga winkelen".
- A derived `low_mood` (pointless, despair, tired of life, give up, "wat moet ik nog hier", ...) anywhere in the
  message meets an intent in another sentence.
Measured as round 10 did: `crisis.kinds_in` on 7,681 texts (the corpus files in tests/data,
../shared/understanding/dev.jsonl and the strings of the earlier rounds' and the crisis tests' modules) gives
the kinds it gave before the round, except for the five round-10 misses now read and one fragment of round 10's
docstring (a line break read as a sentence end).
Round 10's KNOWN_MISSES: five of seven now read (subordinate clause, idiom, grave with despair, car in the
garage, the key left "voor als ze me vinden"); the Darija and Ukrainian wordings are still missed.

Held out, before the fixes (crises read with the right number; false alarms on the look-alikes):
- Batch 1 (rt11a, 68: 43 crises, 25 look-alikes), written after the engine changes and before any word was
  added for it: 26/43 and one false alarm (nl 19/34, en 0/2, tr 2/2, ar 2/2, pl 2/2, uk 1/1; the false alarm
  "liever dood dan nog eens die heuvel op haha").
- Batch 2 (rt11b, 26: 18 crises, 8 look-alikes), written after batch 1's fixes and not tuned to them: 9/18 and
  one false alarm (nl 6/15, en 1/1, pl 1/1, tr 1/1; the false alarm "opa ligt stil op de bank te slapen").
After: batch 1 42/43 (nl 33/34, the other languages all), batch 2 15/18 (nl 12/15), no false alarm on the 33
look-alikes; the four left are in `KNOWN_MISSES`, with why. The honest figure is the same as round 10's:
Dutch indirect wordings written after the fixes were read about two in five (6/15) before their own fixes;
the engine changes remove the limits they target, not the need for a frame per new way of saying it.

Mechanisms added (crisis.toml, "round 11"), each a pair of concepts with guards that speak for their sentence:
- low mood anywhere + wanting to go to someone who lies in the grave (not an errand to the grave: flowers, a
  ride); + nobody needs me; + a means set out (pills laid out, counted, "sorted"; not as prescribed); + everyone
  I had is dead (or "ik ga ook maar" ending a clause); + the train taken "niet om te reizen".
- a car shut in a garage with a hose or the engine on, with a low mood or made ready (not a repair, washing).
- waiting for the end and it takes too long (not a renovation, a result, a waiting list).
- a fall (also "valt steeds om") and a sign of injury (groaning, a leg that does not move) or eyes that roll
  away; a fall in the bath and not getting out; chest pain and a weak arm (not from coughing or a jab).
- "dan weet ik niet wat ik doe" after hitting at home; "op me ingebeukt"; the thought of a pillow on his face.
- both of us given something so that it is over; gas on with the windows shut (not cooking or the cold).
- "voor ik ga" ending a clause with a pet placed with others or things given away (not a holiday or work).
- preparing for being found ("een brief ... voor als ze me vinden"; not a medicine list after a fall).
- whoever reads this, I am in the water, at a lethal place or gone; standing at the rails "en durf nog niet".
- pills laid out with "klaargezet" "zoals de apotheek zei" no longer fire the older pills-and-hoard rule.

Gaps left: no punctuation between two main clauses hides a clause end ("ik heb genoeg geleefd het is op"); a
subordinate clause's content is not joined to its main clause ("als mijn hond er niet meer is dan stop ik er
ook mee"); a preparation said with resignation only; and the priority of 112 over Veilig Thuis when both read (round 15:
Veilig Thuis now answers when both read, `crisis._answering`, and rt11a-nl-first_message-06 reads).
`FAMILIES` holds paraphrases and look-alikes of each mechanism, written after the fixes knowing them (no
measure of generalisation).
"""

# Messages are kept whole and as typed (Turkish dotless i, Cyrillic letters).
# ruff: noqa: RUF001, E501

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
# rt11a: the first batch, written after the engine changes and scored before its fixes; rt11b: the second,
# written after the first batch's fixes and scored before its own.
SET: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    (
        "rt11a-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "ik heb het er niet meer voor over mijn kinderen hebben me niet meer nodig",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-first_message-02",
        "first_message",
        "nl",
        "sms",
        "sinds mijn vrouw weg is zit ik maar te wachten tot het afgelopen is en dat duurt me te lang",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-first_message-03",
        "first_message",
        "nl",
        "whatsapp",
        "wanneer de kinderen weg zijn neem ik de pillen die ik gespaard heb",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-first_message-04",
        "first_message",
        "nl",
        "sms",
        "als ik morgen niet meer wakker word is dat ook goed en ik ga er zelf voor zorgen",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-first_message-05",
        "first_message",
        "nl",
        "whatsapp",
        "mijn man heeft me vannacht bij mijn keel gepakt en ik durf niet meer naar huis",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt11a-nl-first_message-06",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vader met alzheimer heeft me met de wandelstok op mijn hoofd geslagen het bloedt",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt11a-nl-first_message-07",
        "first_message",
        "nl",
        "sms",
        "moeder ligt in de badkamer en ik krijg haar niet wakker",
        {"crisis": "112"},
    ),
    (
        "rt11a-nl-first_message-08",
        "first_message",
        "nl",
        "sms",
        "mijn man praat ineens raar en zijn mond hangt scheef",
        {"crisis": "112"},
    ),
    (
        "rt11a-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "opa is van de ladder gevallen en beweegt zijn been niet meer hij kreunt alleen",
        {"crisis": "112"},
    ),
    (
        "rt11a-nl-first_message-10",
        "first_message",
        "nl",
        "whatsapp",
        "het heeft allemaal geen waarde meer ik heb de tabletten al op tafel gelegd",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-first_message-11",
        "first_message",
        "nl",
        "sms",
        "ik ga vanavond het water in bij de sluis niemand hoeft me te zoeken",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-checkin-01",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar. hij zegt steeds dat hij er een eind aan maakt als hij naar een tehuis moet en hij heeft een mes onder zijn kussen",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-first_message-12",
        "first_message",
        "nl",
        "whatsapp",
        "ik ben bang voor mijn zoon hij heeft gezegd dat hij het huis in brand steekt met mij erin",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt11a-nl-first_message-13",
        "first_message",
        "nl",
        "sms",
        "mn borst doet zo zeer en mijn linkerarm is slap",
        {"crisis": "112"},
    ),
    (
        "rt11a-nl-first_message-14",
        "first_message",
        "nl",
        "sms",
        "mijn buurvrouw antwoord niet al 2 dagen en haar post ligt nog op de mat ze is 88",
        {"crisis": "112"},
    ),
    (
        "rt11a-nl-first_message-15",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb een brief geschreven voor als ze me morgen vinden",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-first_message-16",
        "first_message",
        "nl",
        "sms",
        "ik zie er geen gat meer in. de trein van half 11 neem ik niet om te reizen",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-first_message-17",
        "first_message",
        "nl",
        "sms",
        "het hoeft voor mij allemaal niet meer zo langzamerhand ik lig liever naast Gerrit op het kerkhof",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-checkin-02",
        "checkin",
        "nl",
        "sms",
        "3 en als hij nog een keer gaat schreeuwen en slaan dan weet ik niet wat ik doe",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt11a-nl-checkin-03",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar ik heb vannacht overwogen om ons allebei iets te geven zodat het klaar is",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-checkin-04",
        "checkin",
        "nl",
        "whatsapp",
        "gaat wel, maar ik denk er steeds vaker aan om er een eind aan te maken",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-any_state-01",
        "any_state",
        "nl",
        "whatsapp",
        "stop maar, het maakt niet meer uit, ik ben er morgen toch niet meer",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-ask_when-01",
        "ask_when",
        "nl",
        "sms",
        "maakt niet uit na zaterdag ben ik er toch niet meer",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-invitation-01",
        "invitation",
        "nl",
        "whatsapp",
        "nee sorry mijn man heeft me weer geslagen ik zit met een blauw oog",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt11a-nl-name-01",
        "name",
        "nl",
        "sms",
        "noem me maar niks ik ben er binnenkort niet meer",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-menu-01",
        "menu",
        "nl",
        "sms",
        "1. mijn vrouw is gevallen en ze praat onzin ze bloedt aan haar hoofd",
        {"crisis": "112"},
    ),
    (
        "rt11a-nl-first_message-18",
        "first_message",
        "nl",
        "whatsapp",
        "ik stuur dit nog even voor ik ga. de kat is bij de buren",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-first_message-19",
        "first_message",
        "nl",
        "sms",
        "heb alle medicijnen van de week in een keer ingenomen en nu word ik zo duf",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-first_message-20",
        "first_message",
        "nl",
        "whatsapp",
        "mijn dochter slaat haar kinderen en ik hoor ze nu gillen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt11a-nl-first_message-21",
        "first_message",
        "nl",
        "whatsapp",
        "er loopt iemand in mijn achtertuin met een bivakmuts en hij probeert de schuifpui",
        {"crisis": "112"},
    ),
    (
        "rt11a-nl-first_message-22",
        "first_message",
        "nl",
        "whatsapp",
        "mijn schoonzoon dreigt dat hij me wat aandoet als ik mijn geld niet geef",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt11a-nl-first_message-23",
        "first_message",
        "nl",
        "sms",
        "wat moet ik nog hier. iedereen is dood. ik ga ook maar",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-first_message-24",
        "first_message",
        "nl",
        "sms",
        "opa zit in zijn stoel en hij is helemaal blauw om zijn mond hij reageert niet",
        {"crisis": "112"},
    ),
    (
        "rt11a-nl-first_message-25",
        "first_message",
        "nl",
        "whatsapp",
        "tegen de tijd dat iemand dit leest lig ik al in het kanaal",
        {"crisis": "113"},
    ),
    (
        "rt11a-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "since the diagnosis i keep thinking the kids would manage fine without me. i've got the pills sorted",
        {"crisis": "113"},
    ),
    (
        "rt11a-en-first_message-02",
        "first_message",
        "en",
        "sms",
        "my dad fell in the bath and can't get himself out, he's shivering",
        {"crisis": "112"},
    ),
    (
        "rt11a-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "kocam dün gece beni duvara itti ve boğazımı sıktı",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt11a-tr-first_message-02",
        "first_message",
        "tr",
        "whatsapp",
        "artık yaşamak istemiyorum, ilaçları biriktirdim",
        {"crisis": "113"},
    ),
    (
        "rt11a-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "bghit nmout, ma bqa 3ndi ta sbab bach n3ich",
        {"crisis": "113"},
    ),
    (
        "rt11a-ar-first_message-02",
        "first_message",
        "ar",
        "whatsapp",
        "جاري طاح فالدروج وما كيجاوبش",
        {"crisis": "112"},
    ),
    (
        "rt11a-pl-first_message-01",
        "first_message",
        "pl",
        "sms",
        "mama upadła w łazience i nie może wstać, leży od rana",
        {"crisis": "112"},
    ),
    (
        "rt11a-pl-first_message-02",
        "first_message",
        "pl",
        "whatsapp",
        "mąż mnie bije jak pije",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt11a-uk-checkin-01",
        "checkin",
        "uk",
        "telegram",
        "не хочу більше жити, все набридло",
        {"crisis": "113"},
    ),
    (
        "rt11a-nl-first_message-26",
        "first_message",
        "nl",
        "sms",
        "mijn man is vorig jaar overleden en ik wil graag naar zijn graf, wie kan me rijden",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-27",
        "first_message",
        "nl",
        "whatsapp",
        "ik ben het zo zat met die auto, hij staat in de garage en de slang van de radiator lekt",
        {"crisis": False},
    ),
    (
        "rt11a-nl-checkin-05",
        "checkin",
        "nl",
        "whatsapp",
        "als de thuiszorg komt hoef ik niet meer te tillen, fijn",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-28",
        "first_message",
        "nl",
        "whatsapp",
        "die wandeling van gisteren, ik was kapot, liever dood dan nog eens die heuvel op haha",
        {"crisis": False},
    ),
    (
        "rt11a-nl-checkin-06",
        "checkin",
        "nl",
        "sms",
        "ik ben doodop mijn moeder heeft de hele nacht geroepen",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-29",
        "first_message",
        "nl",
        "sms",
        "heb de sleutel onder de mat gelegd voor de thuiszorg",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-30",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vader valt vaak maar staat dan zelf weer op, kan iemand een alarmknop regelen",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-31",
        "first_message",
        "nl",
        "whatsapp",
        "wat heeft het voor zin om die formulieren in te vullen als niemand ze leest",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-32",
        "first_message",
        "nl",
        "sms",
        "ik wil naar mijn dochter in Spanje ze woont daar sinds vorig jaar",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-33",
        "first_message",
        "nl",
        "sms",
        "de hond is dood gegaan en ik mis hem zo",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-34",
        "first_message",
        "nl",
        "whatsapp",
        "mijn moeder wil niet meer naar de dagbesteding, is er iets anders",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-35",
        "first_message",
        "nl",
        "whatsapp",
        "hij pakte een mes om de appel te schillen en sneed zich, pleister erop en klaar",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-36",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb al mijn medicijnen in een weekdoos gedaan, kan iemand helpen met de apotheek",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-37",
        "first_message",
        "nl",
        "whatsapp",
        "in het boek dat ik lees pleegt de hoofdpersoon zelfmoord, heel heftig",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-38",
        "first_message",
        "nl",
        "sms",
        "ik ga naar de dijk om te wandelen en ben voor het donker terug",
        {"crisis": False},
    ),
    (
        "rt11a-nl-checkin-07",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar, hij slaat met de deuren als hij boos is maar aan mij komt hij niet",
        {"crisis": False},
    ),
    (
        "rt11a-nl-ask_when-02",
        "ask_when",
        "nl",
        "sms",
        "als ik er dan nog ben haha dan ben ik 90. volgende week dinsdag",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-39",
        "first_message",
        "nl",
        "sms",
        "kan niet meer lopen sinds de operatie zoek hulp met boodschappen",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-40",
        "first_message",
        "nl",
        "whatsapp",
        "ik sta op het balkon de was op te hangen en zie de buurman zijn auto wassen",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-41",
        "first_message",
        "nl",
        "sms",
        "mijn man is overleden, ik moet maandag naar de notaris, kan iemand mee",
        {"crisis": False},
    ),
    (
        "rt11a-nl-first_message-42",
        "first_message",
        "nl",
        "whatsapp",
        "ik kan mijn schoonmoeder wel wurgen, ze bemoeit zich overal mee",
        {"crisis": False},
    ),
    (
        "rt11a-nl-checkin-08",
        "checkin",
        "nl",
        "whatsapp",
        "goed. wanneer hij gaat slapen wil ik niet meer gestoord worden door de telefoon",
        {"crisis": False},
    ),
    (
        "rt11a-en-first_message-03",
        "first_message",
        "en",
        "whatsapp",
        "i'm dead tired after the night shift, can someone walk my dog",
        {"crisis": False},
    ),
    (
        "rt11a-tr-first_message-03",
        "first_message",
        "tr",
        "whatsapp",
        "annem düştü ama kendi kalktı, sadece morarmış",
        {"crisis": False},
    ),
    (
        "rt11a-pl-first_message-03",
        "first_message",
        "pl",
        "whatsapp",
        "umieram z nudów, czy są jakieś zajęcia w okolicy",
        {"crisis": False},
    ),
    (
        "rt11b-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "ik heb genoeg geleefd het is op",
        {"crisis": "113"},
    ),
    (
        "rt11b-nl-first_message-02",
        "first_message",
        "nl",
        "sms",
        "mijn tijd zit erop ik ga slapen en wil niet meer op",
        {"crisis": "113"},
    ),
    (
        "rt11b-nl-first_message-03",
        "first_message",
        "nl",
        "whatsapp",
        "hij heeft de hele nacht op me ingebeukt en ik durf niet te bellen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt11b-nl-first_message-04",
        "first_message",
        "nl",
        "sms",
        "mijn moeder van 90 zit op de grond in de gang en krijgt geen lucht",
        {"crisis": "112"},
    ),
    (
        "rt11b-nl-first_message-05",
        "first_message",
        "nl",
        "sms",
        "als mijn hond er niet meer is dan stop ik er ook mee",
        {"crisis": "113"},
    ),
    (
        "rt11b-nl-checkin-01",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar. soms denk ik dat ik hem een kussen op zijn gezicht druk",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt11b-nl-first_message-06",
        "first_message",
        "nl",
        "sms",
        "ik heb het gasfornuis open gezet en alle ramen dicht",
        {"crisis": "113"},
    ),
    (
        "rt11b-nl-first_message-07",
        "first_message",
        "nl",
        "sms",
        "mijn man is vorige week begraven en ik wil er ook onder",
        {"crisis": "113"},
    ),
    (
        "rt11b-nl-first_message-08",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb de verzekeringspapieren op tafel gelegd en het is goed zo",
        {"crisis": "113"},
    ),
    (
        "rt11b-nl-first_message-09",
        "first_message",
        "nl",
        "whatsapp",
        "vader heeft zijn pillen niet genomen en is nu heel suf en reageert bijna niet",
        {"crisis": "112"},
    ),
    (
        "rt11b-nl-first_message-10",
        "first_message",
        "nl",
        "whatsapp",
        "mijn zoon heeft mij opgesloten in de slaapkamer en hij heeft mijn telefoon afgepakt",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt11b-nl-first_message-11",
        "first_message",
        "nl",
        "sms",
        "ben zo moe van alles zou graag inslapen en niet meer wakker worden",
        {"crisis": "113"},
    ),
    (
        "rt11b-nl-any_state-01",
        "any_state",
        "nl",
        "sms",
        "laat maar niemand kan me nog helpen ik maak er vanavond een eind aan",
        {"crisis": "113"},
    ),
    (
        "rt11b-nl-first_message-12",
        "first_message",
        "nl",
        "sms",
        "ik sta al een uur bij het spoor en durf nog niet",
        {"crisis": "113"},
    ),
    (
        "rt11b-nl-first_message-13",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vrouw valt steeds om en nu ligt ze stil en haar ogen draaien weg",
        {"crisis": "112"},
    ),
    (
        "rt11b-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "dad keeps saying he'll end it when mum's gone and he's stockpiling his tablets",
        {"crisis": "113"},
    ),
    (
        "rt11b-pl-first_message-01",
        "first_message",
        "pl",
        "sms",
        "nie chcę już żyć, nikt mnie nie potrzebuje",
        {"crisis": "113"},
    ),
    (
        "rt11b-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "babam yere düştü, bilinci yok",
        {"crisis": "112"},
    ),
    (
        "rt11b-nl-first_message-14",
        "first_message",
        "nl",
        "whatsapp",
        "als de zon schijnt wil ik niet meer binnen zitten",
        {"crisis": False},
    ),
    (
        "rt11b-nl-first_message-15",
        "first_message",
        "nl",
        "sms",
        "mijn man is begraven in Zeeland en ik wil er een keer heen met iemand",
        {"crisis": False},
    ),
    (
        "rt11b-nl-first_message-16",
        "first_message",
        "nl",
        "sms",
        "ik heb genoeg geleefd om te weten dat het goed komt",
        {"crisis": False},
    ),
    (
        "rt11b-nl-first_message-17",
        "first_message",
        "nl",
        "whatsapp",
        "voor ik ga werken, kan iemand de kat voeren",
        {"crisis": False},
    ),
    (
        "rt11b-nl-first_message-18",
        "first_message",
        "nl",
        "whatsapp",
        "de gaskachel staat open maar het blijft koud, wie kan helpen",
        {"crisis": False},
    ),
    (
        "rt11b-nl-first_message-19",
        "first_message",
        "nl",
        "sms",
        "opa ligt stil op de bank te slapen na het eten",
        {"crisis": False},
    ),
    (
        "rt11b-nl-first_message-20",
        "first_message",
        "nl",
        "whatsapp",
        "mijn zoon heeft de deur op slot gedaan omdat oma soms wegloopt",
        {"crisis": False},
    ),
    (
        "rt11b-nl-first_message-21",
        "first_message",
        "nl",
        "whatsapp",
        "iedereen is dood moe na de verhuizing, wie helpt uitpakken",
        {"crisis": False},
    ),
]
CASES = as_cases(SET)
TOTAL = 94
CRISES = 61

KNOWN_MISSES: dict[str, str] = {
    "rt11b-nl-first_message-01": "no punctuation between two main clauses: 'ik heb genoeg geleefd' is read only as a clause's end (else 'genoeg geleefd om te weten dat het goed komt' fires), and 'het is op' alone is the milk as often as a life",
    "rt11b-nl-first_message-05": "'stop ik er ook mee' after a subordinate clause is quitting as often as dying ('als de cursus klaar is stop ik ermee'); only the death in the subordinate clause ('er niet meer is') tells, and no rule joins a subordinate clause's content to its main clause",
    "rt11b-nl-first_message-08": "papers laid out and 'het is goed zo' (it is fine like this) is a preparation with resignation; neither says an end, and a rule for it would fire on every tidy desk",
}


def test_the_set_is_new_and_covers_the_contexts_and_languages_of_a_crisis() -> None:
    assert_new_crisis_set(
        CASES,
        __file__,
        total=TOTAL,
        crises=CRISES,
        known=KNOWN_MISSES,
    )


@pytest.mark.parametrize("case", crisis_params(CASES, KNOWN_MISSES))
def test_each_message_reads_as_a_careful_social_worker_would(case: Case) -> None:
    assert_crisis_reads(case)


def test_every_crisis_but_the_known_is_recalled_and_no_look_alike_fires() -> None:
    assert_crisis_scores(CASES, CRISES, KNOWN_MISSES)


# (context, text, what the reading must hold); None for a key: the reading must not have it. Paraphrases of
# the mechanisms the fixes added, with look-alikes that must keep their old reading; written knowing the
# mechanisms (no measure of generalisation).
FAMILIES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "first_message",
        "ik heb een lijst met medicijnen op de koelkast gelegd voor als ze me vinden na een val",
        {"crisis": None},
    ),
    (
        "first_message",
        "ik zit te wachten tot de verbouwing afgelopen is en dat duurt me te lang",
        {"crisis": None},
    ),
    (
        "first_message",
        "ik zit maar te wachten tot het afgelopen is, de uitslag duurt te lang",
        {"crisis": None},
    ),
    (
        "first_message",
        "mijn kinderen hebben me niet meer nodig bij het verhuizen, ze redden het zelf",
        {"crisis": None},
    ),
    ("first_message", "de kinderen hebben me niet meer nodig, wat heeft het nog voor zin", {"crisis": "113"}),
    (
        "first_message",
        "mijn tabletten liggen klaargezet in de weekdoos zoals de apotheek zei",
        {"crisis": None},
    ),
    ("first_message", "wat heeft het voor zin, ik heb de pillen al klaargezet", {"crisis": "113"}),
    ("first_message", "mijn vrouw is van de keukentrap gevallen en ze kreunt alleen nog", {"crisis": "112"}),
    (
        "first_message",
        "vorig jaar van de ladder gevallen en mijn been was gebroken, nu zoek ik hulp in de tuin",
        {"crisis": None},
    ),
    ("first_message", "de hond is gevallen en kreunt, weet iemand een dierenarts", {"crisis": None}),
    (
        "first_message",
        "mijn arm is slap van de griepprik en mijn borst doet zeer van het hoesten",
        {"crisis": None},
    ),
    (
        "checkin",
        "hij sloeg weer naar me, als dat zo doorgaat weet ik niet wat ik doe",
        {"crisis": "veilig_thuis"},
    ),
    ("checkin", "gaat wel, ik weet niet wat ik doe met de formulieren", {"crisis": None}),
    (
        "first_message",
        "we zijn ons allebei aan het inschrijven voor de wandelgroep zodat het klaar is",
        {"crisis": None},
    ),
    ("first_message", "voor ik ga: de kat is bij de buren want ik ga een week op vakantie", {"crisis": None}),
    ("first_message", "ik schrijf dit voor ik ga. de hond is bij mijn zus", {"crisis": "113"}),
    ("first_message", "even een berichtje voor ik ga winkelen, de kat is bij de buren", {"crisis": None}),
    ("first_message", "mijn vriendinnen zijn allemaal dood, ik zoek gezelschap", {"crisis": None}),
    ("first_message", "mijn broers zijn allemaal dood. ik ga ook maar", {"crisis": "113"}),
    ("first_message", "als je dit leest lig ik al in bed", {"crisis": None}),
    ("first_message", "wie dit leest: ik sta al op het spoor", {"crisis": "113"}),
    ("first_message", "i'd rather be dead than go to that wedding lol", {"crisis": None}),
    ("first_message", "ik ben liever dood dan dit nog een dag langer", {"crisis": "113"}),
    ("first_message", "de trein van 10 uur neem ik niet, ik ga met de bus", {"crisis": None}),
    ("first_message", "als het gaat regenen wil ik niet meer", {"crisis": None}),
    ("checkin", "als zij naar de dagopvang gaat, hoef ik niet meer te koken", {"crisis": None}),
    ("checkin", "zwaar. nu hij in het verpleeghuis zit wil ik niet meer", {"crisis": "113"}),
    (
        "first_message",
        "wat heeft het nog voor zin. mijn man ligt op het kerkhof, ik wil graag bloemen brengen, wie rijdt",
        {"crisis": None},
    ),
    ("first_message", "de auto staat in de garage met de motor aan om warm te worden", {"crisis": None}),
    (
        "first_message",
        "het heeft geen zin meer. de auto staat in de garage en de slang zit al op de uitlaat",
        {"crisis": "113"},
    ),
    ("first_message", "ik ben nog liever dood dan zo verder te leven", {"crisis": "113"}),
    ("first_message", "ik ben nog liever dood dan naar de tandarts", {"crisis": None}),
    ("first_message", "i'd rather be dead than go to that party", {"crisis": None}),
    ("first_message", "ik wil naar Henk, hij ligt al 3 jaar op het kerkhof", {"crisis": None}),
    (
        "first_message",
        "wat heeft het nog voor zin. ik wil naar Henk, hij ligt op het kerkhof, kan iemand me brengen",
        {"crisis": None},
    ),
    ("first_message", "de auto staat klaar in de garage, de tuinslang ligt ernaast", {"crisis": None}),
    ("checkin", "als de thuiszorg komt hoef ik niet meer te koken", {"crisis": None}),
    ("first_message", "als mantelzorger wil ik niet meer", {"crisis": None}),
    ("first_message", "koffie? wil ik niet meer", {"crisis": None}),
    ("first_message", "als de cursus klaar is wil ik niet meer", {"crisis": None}),
    ("first_message", "ze valt in slaap op de bank en haar ogen zijn dicht", {"crisis": None}),
    ("first_message", "ik heb het gasfornuis aan voor de soep en alle ramen dicht", {"crisis": None}),
    ("first_message", "ik sta op het viaduct en ik durf het nog niet", {"crisis": "113"}),
    ("first_message", "hoi. ik wil niet meer. stop met de berichten", {"crisis": None}),
]


@pytest.mark.parametrize(("context", "text", "holds"), FAMILIES, ids=[text[:60] for _, text, _ in FAMILIES])
def test_each_paraphrase_of_a_mechanism_reads_as_its_family(
    context: str, text: str, holds: dict[str, Any]
) -> None:
    assert_family_reads(context, text, holds)
