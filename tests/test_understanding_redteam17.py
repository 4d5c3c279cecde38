"""Red-team set 17: crisis round 14, held out, in the six languages: 113 (pills ready, "er een einde aan maken",
"ik leef dan toch niet meer", cutting, a bridge, a knife and "ik wil me wat aandoen", a carer's mother who wants to
end her life), 112 (a fall and no getting up, lying on the floor not responding, chest pain, fire, gas with a
dizzy husband, a seizure, a burglar still inside, blue lips), Veilig Thuis (a husband who hits when drunk, a son
who pushes for money, an ex who threatens, a partner who locks in, "hij zegt dat hij me vermoordt" with no one
named, a carer who hit her mother); and look-alikes built around the same words (pets that fall, bleed or bite,
films, a fall last year told calmly, "ze valt vaak maar staat dan zelf op", "ik ben er klaar mee, ik ga
verhuizen", "ik sterf van de honger", a son angry over his room, sleeping pills fetched from the pharmacy). None
is word for word in an earlier round (`redteam_support.every_earlier_string`, and ../shared/understanding/dev.jsonl).

Held out, before the fixes (crises read with the right kind; false alarms on the look-alikes):
- Batch 1 (rt17a, 107: 65 crises, 42 look-alikes), written before the lexicon was read and scored on main (before
  the gap fixes below): 59/65 and one false alarm. By kind: 113 20/23, 112 21/22, Veilig Thuis 18/20. By language:
  nl 44/50, en 3/3, tr 3/3, ar 3/3, pl 3/3, uk 3/3. The false alarm: a Dutch film "over een man die zijn vrouw
  slaat" (a rule for someone else's partner had no film guard). The misses: "ik leef dan toch niet meer", "ik wil
  zelf niet meer leven", "IK WIL ME WAT AANDOEN", gas smelt "overal", "heeft me vandaag een klap gegeven", "hij zegt
  dat hij me vermoordt als ik het aan iemand vertel".
- Batch 2 (rt17b, 47: 31 crises, 16 look-alikes), written after batch 1's fixes and not aimed at them: 28/31 and one
  false alarm. By kind: 113 11/13, 112 10/10, Veilig Thuis 7/8. By language: nl 21/24, en 2/2, tr 2/2, ar 1/1,
  pl 1/1, uk 1/1. The honest figure: Dutch wordings written after the fixes read 21 in 24 before their own (round
  13: 16/26); the other languages' plain wordings all read. Misses: "hoe ik er een eind aan kan maken", "ik kan
  niet meer verder, dit is mijn laatste berichtje", "dreigt me iets aan te doen"; the false alarm: "mijn zoon slaat
  zijn huiswerk steeds over".
After: batch 1 65/65, batch 2 31/31, no false alarm on the 58 look-alikes; `KNOWN_MISSES` is empty.

Round 13's gaps, closed by mechanism:
- Engine, turns (`[turns]`: "maar", "echter", "but", "however", "ama", "ale", "але", "لكن" ...): a guard said before
  the turn no longer calms a match wholly after it, for every rule: "de kaarsen zijn uit maar er komt rook uit het
  stopcontact" reads 112, "vorig jaar had hij een hartaanval maar nu heeft hij weer pijn op de borst" 112. A guard
  after the turn still calms a match before it ("er komt rook uit de keuken maar ik bak rookworst"), and a guard
  before it a match that begins before it ("de hond is gevallen maar komt niet meer overeind"). Guards that name
  who the sentence is about (`[turn_guards] across`: a pet, an insect, a film, a toddler) still speak across the
  turn, unless a person at home is named after it: "onze kat is lief maar ze krabt me soms" stays calm, "de hond
  slaapt maar mijn man reageert niet meer" reads 112. Why not a clause rule ("a guard calms only its own clause
  unless it names the cause"): a cause is said in another clause without a turn as often as with one ("er komt rook
  uit de keuken, ik bak rookworst"), and which guards are causes is not written down for 370 rules; a turn is the
  writer's own sign that what follows is not explained by what came before.
- Engine, idiom marks (`[idiom_marks]`): "sinds/na ... beroerte/hartaanval/herseninfarct" is still taken out (the
  word reads no stroke), but leaves `since_illness` where it stood, which guards the speech-and-limb, vision-and-
  speech and confusion-and-limb rules: "praat met een dubbele tong sinds haar beroerte en haar arm doet het niet
  meer" is calm; "sinds haar beroerte loopt ze slecht maar nu praat ze met een dubbele tong ..." reads 112.
- "ik wil er een eind aan maken met die ruzie": the bare "er een eind(e) aan maken" forms left `suicide` for
  `end_it_there`, calmed by a thing ended right after it ("met/aan" + a quarrel, the club, the mess: `end_it_thing`,
  by overlap); "met de pillen", "met een touw", "met mijn leven" still read 113.
- "de hond bloedt erg": a bleeding animal (`pet_bleeding`) guards the older bleeding rules by overlap only, so "mijn
  man bloedt erg en de hond blaft" reads 112; likewise an animal that does not respond or breathe with no person
  named in the sentence (`pet_unresponsive`: "de kat is ziek maar ze reageert niet meer", not "de hond ademt niet
  meer en mijn vrouw is flauwgevallen").
- "zoon wordt woedend" over the tablet: a screen (`screen_time`) guards the bare anger rule; anger with a blow or
  things thrown still reads.
- "alles is geregeld, nu kan ik rustig gaan slapen": `calm_next` guards the affairs-and-farewell rule by overlap;
  "... rustig gaan slapen voor altijd" and "... nu kan ik rustig gaan" read 113.
- "hij heeft gezegd dat hij me vermoordt" with no one named: Veilig Thuis (see the decision); a threat of harm said
  ("dreigt me iets aan te doen") joins the same concept; after a named outsider 112 ("de buurman heeft gezegd dat
  hij me vermoordt", "een vreemde man zei ...": the "man" of "vreemde man" is no husband any more).

Mechanisms added by frame (crisis.toml, "round 17"): not living any more at a clause's end ("ik leef dan toch niet
meer", not "ik leef niet meer zo gezond"); "wil zelf (ook) niet meer leven"; "ik wil/ga me wat aandoen" with the
writer as subject (not "hij wil me wat aandoen"); despair with a last message (not "voor vandaag", a flat phone,
"over de boodschappen"); "hoe ik er een eind aan kan maken"; an overdose said of "them" after the pills were named
("heb er net 20 geslikt"; not in mg, over a week, as prescribed); gas smelt "overal", "ruik ik overal gas"; bleeding
that "houdt niet op"; "heeft me vandaag een klap gegeven" by someone at home (not a pat when choking); a film guards
someone else's partner who hits; skipping homework or lunch ("slaat zijn huiswerk over") is an idiom; "dreigt me te
verlaten" is a threat without violence (an older false alarm found by a paraphrase).

Decisions:
- A threat to kill or harm the writer, said ("hij heeft gezegd dat hij me vermoordt", "hij dreigt me iets aan te
  doen") with no one named reads Veilig Thuis, not nothing and not 112: people who are afraid often do not name
  the partner, a named outsider reads 112 (round 13), and the Veilig Thuis reply opens with "Ben je nu in gevaar?
  Bel 112", so the emergency number is not lost; the staff alert says violence, so no one calls back into it.
- After a turn a cause said before it no longer calms: "ik bak rookworst maar er komt veel rook uit de keuken"
  reads 112. The writer says the smoke is more than the cooking explains.
- Despair and a last message read 113 even when the message is addressed to Voordeur ("ik kan het niet meer aan,
  dit is mijn laatste bericht aan voordeur"): a worker asks; only a last message for today, about a thing, or
  with a flat phone is calm.

Measured as rounds 11-13 did, on the earlier texts: `crisis.kinds_in` on 10,704 strings (the corpus files in
tests/data, ../shared/understanding/dev.jsonl, and every string constant of the earlier understanding, red-team,
crisis and dialogue test modules, with the quoted phrases of their docstrings) gives the kinds it gave on main, but
for four intended changes, all quoted in round 13's gaps: "de hond bloedt erg" (112 -> none), "ik wil er een eind
aan maken met die ruzie" (113 -> none), "hij heeft gezegd dat hij me vermoordt" and its fragment "heeft gezegd dat
hij me vermoordt" (none -> Veilig Thuis). No reply text changed.

Gaps left: a match that begins before a turn is still calmed by a guard before it ("ik slik mijn pillen zoals
voorgeschreven maar ik heb er vandaag 30 genomen" reads nothing); a guard in another clause with no turn still
speaks for its sentence ("de kaarsen zijn uit, er komt rook uit het stopcontact" reads nothing); "de hond bloedt erg
en mijn man ook" reads nothing (the man is named after the bleeding, elliptically); "hij zei dat hij me vermoordt als
ik zijn auto weer kras" reads Veilig Thuis (a trivial condition not in `late_joke`); "ik speel tikkertje met mijn
kleinzoon maar hij slaat me steeds haha" reads Veilig Thuis through the older bare `abuse` rule; the animal guards
(`pet_bleeding`, `pet_unresponsive`) are Dutch and English only; "ik ruik hier gas, is dat normaal bij een nieuwe
kookplaat" reads 112, as before.
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
# rt17a: the first batch, written before the lexicon was read and scored before its fixes; rt17b: the second,
# written after the first batch's fixes and scored before its own.
SET: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    (
        "rt17a-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "ik zie het echt niet meer zitten en heb de pillen al klaar liggen",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-first_message-02",
        "first_message",
        "nl",
        "whatsapp",
        "ik wil er niet meer zijn, niemand heeft iets aan mij",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-checkin-01",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar. ik denk er steeds vaker aan om er een einde aan te maken",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-checkin-02",
        "checkin",
        "nl",
        "sms",
        "het gaat niet. als hij straks dood is wil ik ook dood",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-any_state-01",
        "any_state",
        "nl",
        "telegram",
        "laat maar, ik maak er vanavond een einde aan",
        {"crisis": "113"},
    ),
    ("rt17a-nl-menu-01", "menu", "nl", "sms", "IK WIL NIET MEER LEVEN HELP", {"crisis": "113"}),
    (
        "rt17a-nl-ask_when-01",
        "ask_when",
        "nl",
        "sms",
        "het maakt niet uit wanneer, ik leef dan toch niet meer",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-invitation-01",
        "invitation",
        "nl",
        "whatsapp",
        "nee, ik kan niemand helpen, ik wil zelf niet meer leven",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-name-01",
        "name",
        "nl",
        "sms",
        "maakt niet uit hoe je me noemt, ik wil dood",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-first_message-03",
        "first_message",
        "nl",
        "sms",
        "ik wil zelfmoord pleegen",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-first_message-04",
        "first_message",
        "nl",
        "sms",
        "ik hoef nie meer, ik spring d'r voor de trein",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-first_message-05",
        "first_message",
        "nl",
        "whatsapp",
        "ik snij mezelf weer elke avond met een scheermesje",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-first_message-06",
        "first_message",
        "nl",
        "whatsapp",
        "heb net een hele strip slaappillen genomen",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-first_message-07",
        "first_message",
        "nl",
        "whatsapp",
        "mijn moeder zegt steeds dat ze een eind aan haar leven wil maken",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-checkin-03",
        "checkin",
        "nl",
        "whatsapp",
        "mijn vader zegt dat hij niet meer wil leven en hij spaart zijn pillen op",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-first_message-08",
        "first_message",
        "nl",
        "telegram",
        "waarom zou ik nog doorgaan, ik ga van de flat springen",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "IK HEB EEN MES EN IK WIL ME WAT AANDOEN",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-any_state-02",
        "any_state",
        "nl",
        "whatsapp",
        "ik heb net alle pillen van mijn man ingenomen",
        {"crisis": "113"},
    ),
    (
        "rt17a-en-first_message-01",
        "first_message",
        "en",
        "telegram",
        "i dont want to wake up tomorrow, the pills are ready",
        {"crisis": "113"},
    ),
    (
        "rt17a-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "artık yaşamak istemiyorum, kendimi öldüreceğim",
        {"crisis": "113"},
    ),
    (
        "rt17a-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "بغيت نموت، ما بقيتش قادر نعيش",
        {"crisis": "113"},
    ),
    (
        "rt17a-pl-first_message-01",
        "first_message",
        "pl",
        "whatsapp",
        "nie chcę już żyć, tabletki mam już odłożone na dziś",
        {"crisis": "113"},
    ),
    (
        "rt17a-uk-first_message-01",
        "first_message",
        "uk",
        "telegram",
        "я більше не хочу жити, хочу покінчити з собою",
        {"crisis": "113"},
    ),
    (
        "rt17a-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "mijn man is gevallen en komt niet meer overeind",
        {"crisis": "112"},
    ),
    (
        "rt17a-nl-first_message-11",
        "first_message",
        "nl",
        "whatsapp",
        "mijn moeder ligt op de grond en reageert niet",
        {"crisis": "112"},
    ),
    (
        "rt17a-nl-first_message-12",
        "first_message",
        "nl",
        "sms",
        "ik heb zo'n pijn op mijn borst en mijn linkerarm tintelt",
        {"crisis": "112"},
    ),
    (
        "rt17a-nl-checkin-04",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar, hij ligt nu op de badkamervloer en ik krijg hem niet omhoog",
        {"crisis": "112"},
    ),
    (
        "rt17a-nl-any_state-03",
        "any_state",
        "nl",
        "whatsapp",
        "help er is brand in de keuken",
        {"crisis": "112"},
    ),
    ("rt17a-nl-any_state-04", "any_state", "nl", "sms", "HELP MIJN VROUW ADEMT NIET MEER", {"crisis": "112"}),
    (
        "rt17a-nl-menu-02",
        "menu",
        "nl",
        "whatsapp",
        "er staat een vreemde man in mijn tuin met een mes",
        {"crisis": "112"},
    ),
    (
        "rt17a-nl-ask_when-02",
        "ask_when",
        "nl",
        "sms",
        "nu meteen, mijn vader is net flauwgevallen en wordt niet wakker",
        {"crisis": "112"},
    ),
    (
        "rt17a-nl-invitation-02",
        "invitation",
        "nl",
        "whatsapp",
        "kan niet, mijn buurvrouw is gevallen en bloedt heel erg uit haar hoofd",
        {"crisis": "112"},
    ),
    ("rt17a-nl-name-02", "name", "nl", "sms", "help ben gevalle kan nie meer opstaan", {"crisis": "112"}),
    (
        "rt17a-nl-first_message-13",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vader heeft ineens een scheve mond en kan niet meer praten",
        {"crisis": "112"},
    ),
    (
        "rt17a-nl-first_message-14",
        "first_message",
        "nl",
        "sms",
        "er is bij mij ingebroken en die man is nog binnen",
        {"crisis": "112"},
    ),
    (
        "rt17a-nl-first_message-15",
        "first_message",
        "nl",
        "whatsapp",
        "ik ruik overal gas in huis en mijn man is duizelig",
        {"crisis": "112"},
    ),
    (
        "rt17a-nl-first_message-16",
        "first_message",
        "nl",
        "sms",
        "opa is van de trap gevallen en beweegt niet",
        {"crisis": "112"},
    ),
    (
        "rt17a-nl-checkin-05",
        "checkin",
        "nl",
        "whatsapp",
        "hij is vanochtend in elkaar gezakt en ik krijg geen reactie",
        {"crisis": "112"},
    ),
    (
        "rt17a-nl-first_message-17",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vrouw heeft een aanval en blijft maar schokken, ze reageert niet",
        {"crisis": "112"},
    ),
    (
        "rt17a-nl-first_message-18",
        "first_message",
        "nl",
        "sms",
        "hij is heel benauwd en krijgt bijna geen lucht meer",
        {"crisis": "112"},
    ),
    (
        "rt17a-en-first_message-02",
        "first_message",
        "en",
        "whatsapp",
        "my dad collapsed in the garden and isn't breathing",
        {"crisis": "112"},
    ),
    (
        "rt17a-tr-first_message-02",
        "first_message",
        "tr",
        "whatsapp",
        "babam düştü ve kalkamıyor, yardım edin",
        {"crisis": "112"},
    ),
    (
        "rt17a-ar-first_message-02",
        "first_message",
        "ar",
        "whatsapp",
        "أمي طاحت ف الحمام وما قادراش تنوض",
        {"crisis": "112"},
    ),
    (
        "rt17a-pl-first_message-02",
        "first_message",
        "pl",
        "sms",
        "mój mąż upadł i nie oddycha",
        {"crisis": "112"},
    ),
    (
        "rt17a-uk-first_message-02",
        "first_message",
        "uk",
        "telegram",
        "у мами сильний біль у грудях, вона не може дихати",
        {"crisis": "112"},
    ),
    (
        "rt17a-nl-first_message-19",
        "first_message",
        "nl",
        "whatsapp",
        "mijn man slaat me als hij gedronken heeft",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-first_message-20",
        "first_message",
        "nl",
        "whatsapp",
        "mijn zoon duwt me tegen de muur als ik hem geen geld geef",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-checkin-06",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar. hij knijpt me en gisteren heeft hij me geslagen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-checkin-07",
        "checkin",
        "nl",
        "sms",
        "ik ben bang voor mijn vader, hij heeft me weer geschopt",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-any_state-05",
        "any_state",
        "nl",
        "telegram",
        "mijn vriend zit naast me en leest mee, gisteren heeft hij me nog geslagen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-menu-03",
        "menu",
        "nl",
        "whatsapp",
        "mijn ex bedreigt me en zegt dat hij me komt halen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-ask_when-03",
        "ask_when",
        "nl",
        "whatsapp",
        "maakt niet uit, als mijn man er niet is, want hij slaat me",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-invitation-03",
        "invitation",
        "nl",
        "whatsapp",
        "kan niet helpen, mijn partner heeft me opgesloten in huis",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-name-03",
        "name",
        "nl",
        "sms",
        "noem me maar anoniem, mijn man mag dit niet weten, hij mishandelt me",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-first_message-21",
        "first_message",
        "nl",
        "sms",
        "MIJN KLEINZOON PAKT MIJN GELD EN DREIGT ME TE SLAAN",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-first_message-22",
        "first_message",
        "nl",
        "whatsapp",
        "mijn dochter schreeuwt tegen me en heeft me vandaag een klap gegeven",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-first_message-23",
        "first_message",
        "nl",
        "sms",
        "hij zegt dat hij me vermoordt als ik het aan iemand vertel",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-first_message-24",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vrouw met dementie slaat en krabt me elke avond",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-first_message-25",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb mijn moeder geslagen, ik kan het niet meer aan",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-first_message-26",
        "first_message",
        "nl",
        "sms",
        "mijn broer heeft me bij mijn keel gegrepen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-en-first_message-03",
        "first_message",
        "en",
        "telegram",
        "my boyfriend choked me last night and i am scared to go home",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-tr-first_message-03",
        "first_message",
        "tr",
        "whatsapp",
        "kocam beni dövüyor, çok korkuyorum",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-ar-first_message-03",
        "first_message",
        "ar",
        "whatsapp",
        "راجلي كيضربني كل نهار",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-pl-first_message-03",
        "first_message",
        "pl",
        "whatsapp",
        "syn mnie bije i zabiera mi całą emeryturę",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-uk-first_message-03",
        "first_message",
        "uk",
        "telegram",
        "чоловік мене б'є, я боюся йти додому",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17a-nl-checkin-08",
        "checkin",
        "nl",
        "whatsapp",
        "ze valt vaak maar staat dan zelf op",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-27",
        "first_message",
        "nl",
        "whatsapp",
        "ik ben er klaar mee, ik ga verhuizen",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-28",
        "first_message",
        "nl",
        "whatsapp",
        "de hond is gevallen en staat niet meer op, kan iemand mee naar de dierenarts",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-29",
        "first_message",
        "nl",
        "sms",
        "mijn kat ademt zo raar, weet iemand een goede dierenarts",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-30",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb me dood geschrokken van het onweer vannacht",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-31",
        "first_message",
        "nl",
        "whatsapp",
        "die film over een man die zijn vrouw slaat was heftig",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-32",
        "first_message",
        "nl",
        "whatsapp",
        "mijn man is vorig jaar gevallen en kon toen niet opstaan, nu loopt hij met een rollator",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-33",
        "first_message",
        "nl",
        "whatsapp",
        "ik schaam me dood haha, ik ben de sleutels weer kwijt",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-34",
        "first_message",
        "nl",
        "sms",
        "mijn kleinzoon schoot de bal door de ruit van de buren",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-35",
        "first_message",
        "nl",
        "sms",
        "mijn buurman slaat elke ochtend het kleed uit op het balkon",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-36",
        "first_message",
        "nl",
        "whatsapp",
        "het vuur in de open haard brandt lekker, kom je koffie drinken",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-37",
        "first_message",
        "nl",
        "whatsapp",
        "ik sterf van de honger, hoe laat begint de koffieochtend",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-38",
        "first_message",
        "nl",
        "whatsapp",
        "mijn moeder kan niet meer zelf opstaan uit haar stoel, wie helpt ons aan een sta-op-stoel",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-39",
        "first_message",
        "nl",
        "whatsapp",
        "volgende week is er een brandoefening in onze flat",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-40",
        "first_message",
        "nl",
        "sms",
        "ik ben snel buiten adem op de trap, kan iemand mijn boodschappen naar boven brengen",
        {"crisis": False},
    ),
    (
        "rt17a-nl-checkin-09",
        "checkin",
        "nl",
        "whatsapp",
        "goed hoor, hij wordt alleen boos als ik zijn kamer opruim",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-41",
        "first_message",
        "nl",
        "sms",
        "ik heb mijn pillen voor de hele week in een doosje gedaan",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-42",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vader bloedt snel door zijn bloedverdunners, wie brengt hem naar de trombosedienst",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-43",
        "first_message",
        "nl",
        "whatsapp",
        "ik word gek van die computer, ik gooi hem nog eens uit het raam haha",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-44",
        "first_message",
        "nl",
        "sms",
        "de rookmelder piept, kan iemand de batterij vervangen",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-45",
        "first_message",
        "nl",
        "whatsapp",
        "ik wil een eind maken aan de rommel in de schuur, wie helpt",
        {"crisis": False},
    ),
    (
        "rt17a-nl-checkin-10",
        "checkin",
        "nl",
        "whatsapp",
        "gaat wel, hij snurkt zo hard dat ik er gek van word",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-46",
        "first_message",
        "nl",
        "whatsapp",
        "opa vertelt steeds over de oorlog, hoe ze toen op hem schoten",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-47",
        "first_message",
        "nl",
        "whatsapp",
        "ik ben bekaf, ik ga slapen en wil morgen niet te vroeg gewekt worden",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-48",
        "first_message",
        "nl",
        "whatsapp",
        "mijn buurvrouw is vorige week overleden, wie helpt met bloemen voor de begrafenis",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-49",
        "first_message",
        "nl",
        "telegram",
        "die pubquiz was moordend haha",
        {"crisis": False},
    ),
    (
        "rt17a-nl-checkin-11",
        "checkin",
        "nl",
        "whatsapp",
        "de dementie maakt hem soms boos maar hij doet niemand pijn",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-50",
        "first_message",
        "nl",
        "sms",
        "mijn hond bijt steeds in zijn poot, weet iemand raad",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-51",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb slaappillen van de dokter gekregen, kan iemand ze ophalen bij de apotheek",
        {"crisis": False},
    ),
    (
        "rt17a-nl-checkin-12",
        "checkin",
        "nl",
        "sms",
        "goed, hij valt wel eens maar de buren helpen hem dan overeind",
        {"crisis": False},
    ),
    (
        "rt17a-nl-invitation-04",
        "invitation",
        "nl",
        "whatsapp",
        "nee ik kan niet, ik lig er helemaal af met griep",
        {"crisis": False},
    ),
    (
        "rt17a-nl-ask_when-04",
        "ask_when",
        "nl",
        "whatsapp",
        "na de begrafenis van mijn tante, dus vanaf volgende week",
        {"crisis": False},
    ),
    (
        "rt17a-nl-name-04",
        "name",
        "nl",
        "whatsapp",
        "Els, maar iedereen noemt me de brandweer omdat ik overal op af kom",
        {"crisis": False},
    ),
    (
        "rt17a-nl-first_message-52",
        "first_message",
        "nl",
        "whatsapp",
        "ik wil niet meer naar de fysio, die oefeningen zijn zo saai",
        {"crisis": False},
    ),
    (
        "rt17a-nl-invitation-05",
        "invitation",
        "nl",
        "whatsapp",
        "ja hoor, mijn ex heeft de kinderen dit weekend dus ik heb tijd",
        {"crisis": False},
    ),
    (
        "rt17a-nl-checkin-13",
        "checkin",
        "nl",
        "whatsapp",
        "goed, al schreeuwt hij altijd als Ajax scoort",
        {"crisis": False},
    ),
    (
        "rt17a-en-first_message-04",
        "first_message",
        "en",
        "whatsapp",
        "that cake was to die for, thanks for the recipe",
        {"crisis": False},
    ),
    (
        "rt17a-en-first_message-05",
        "first_message",
        "en",
        "sms",
        "my grandma fell last year but she is fine now",
        {"crisis": False},
    ),
    ("rt17a-tr-first_message-04", "first_message", "tr", "whatsapp", "gülmekten öldüm ya", {"crisis": False}),
    (
        "rt17a-ar-first_message-04",
        "first_message",
        "ar",
        "whatsapp",
        "غادي نموت بالضحك على هاد الفيديو",
        {"crisis": False},
    ),
    (
        "rt17a-pl-first_message-04",
        "first_message",
        "pl",
        "whatsapp",
        "umieram z nudów, może jakiś spacer",
        {"crisis": False},
    ),
    (
        "rt17a-uk-first_message-04",
        "first_message",
        "uk",
        "telegram",
        "я вмираю від сміху з цього відео",
        {"crisis": False},
    ),
    (
        "rt17b-nl-first_message-01",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb vannacht op het randje van het dak gezeten en wilde springen",
        {"crisis": "113"},
    ),
    (
        "rt17b-nl-checkin-01",
        "checkin",
        "nl",
        "sms",
        "het is te veel. ik heb erover nagedacht hoe ik er een eind aan kan maken",
        {"crisis": "113"},
    ),
    (
        "rt17b-nl-any_state-01",
        "any_state",
        "nl",
        "telegram",
        "sorry ik kan niet meer verder, dit is mijn laatste berichtje",
        {"crisis": "113"},
    ),
    (
        "rt17b-nl-menu-01",
        "menu",
        "nl",
        "sms",
        "ik heb de slaappillen van mijn moeder opgespaard om ze allemaal in te nemen",
        {"crisis": "113"},
    ),
    (
        "rt17b-nl-ask_when-01",
        "ask_when",
        "nl",
        "whatsapp",
        "doe maar geen moeite, volgende week ben ik er al niet meer",
        {"crisis": "113"},
    ),
    ("rt17b-nl-name-01", "name", "nl", "sms", "naam doet er niet toe, ik wil gewoon dood", {"crisis": "113"}),
    (
        "rt17b-nl-first_message-02",
        "first_message",
        "nl",
        "sms",
        "ik heb me gesneden met een mesje en het houdt niet op",
        {"crisis": "113"},
    ),
    (
        "rt17b-nl-first_message-03",
        "first_message",
        "nl",
        "whatsapp",
        "ik denk de hele dag aan zelfmoord, ik weet niet meer wat ik moet",
        {"crisis": "113"},
    ),
    (
        "rt17b-nl-first_message-04",
        "first_message",
        "nl",
        "sms",
        "wil nie meer leve, t heeft allemaal geen zin",
        {"crisis": "113"},
    ),
    (
        "rt17b-nl-invitation-01",
        "invitation",
        "nl",
        "whatsapp",
        "nee. ik wil liever dood zijn dan nog een dag zo",
        {"crisis": "113"},
    ),
    (
        "rt17b-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "i keep thinking about ending my life",
        {"crisis": "113"},
    ),
    (
        "rt17b-pl-first_message-01",
        "first_message",
        "pl",
        "sms",
        "ciągle myślę o tym, żeby odebrać sobie życie",
        {"crisis": "113"},
    ),
    (
        "rt17b-uk-first_message-01",
        "first_message",
        "uk",
        "telegram",
        "думаю про самогубство щодня",
        {"crisis": "113"},
    ),
    (
        "rt17b-nl-first_message-05",
        "first_message",
        "nl",
        "sms",
        "mijn vrouw is van de ladder gevallen en reageert nergens meer op",
        {"crisis": "112"},
    ),
    (
        "rt17b-nl-checkin-02",
        "checkin",
        "nl",
        "whatsapp",
        "vreselijk, hij ligt op de grond en zijn lippen worden blauw",
        {"crisis": "112"},
    ),
    (
        "rt17b-nl-any_state-02",
        "any_state",
        "nl",
        "sms",
        "SNEL HELP MIJN MAN KRIJGT GEEN ADEM",
        {"crisis": "112"},
    ),
    (
        "rt17b-nl-menu-02",
        "menu",
        "nl",
        "whatsapp",
        "er staat iemand aan mijn deur te rammelen en hij wil naar binnen, ik ben alleen",
        {"crisis": "112"},
    ),
    (
        "rt17b-nl-ask_when-02",
        "ask_when",
        "nl",
        "sms",
        "nu! er komt rook onder de deur van de buren door",
        {"crisis": "112"},
    ),
    (
        "rt17b-nl-invitation-02",
        "invitation",
        "nl",
        "whatsapp",
        "kan niet, mijn vader heeft ineens hevige pijn in zijn borst en zweet heel erg",
        {"crisis": "112"},
    ),
    (
        "rt17b-nl-first_message-06",
        "first_message",
        "nl",
        "sms",
        "oma ligt al sinds vanochtend op de keukenvloer, ze kan niet opstaan",
        {"crisis": "112"},
    ),
    (
        "rt17b-nl-first_message-07",
        "first_message",
        "nl",
        "whatsapp",
        "mijn man is buiten bewustzijn, wat moet ik doen",
        {"crisis": "112"},
    ),
    (
        "rt17b-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "kocam bayıldı, nefes almıyor",
        {"crisis": "112"},
    ),
    (
        "rt17b-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "راجلي طاح وما كيتنفسش",
        {"crisis": "112"},
    ),
    (
        "rt17b-nl-first_message-08",
        "first_message",
        "nl",
        "whatsapp",
        "mijn man heeft me gisteren aan mijn haren door de kamer gesleept",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17b-nl-checkin-03",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar, mijn moeder slaat me als ik haar wil wassen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17b-nl-any_state-03",
        "any_state",
        "nl",
        "sms",
        "hij is weer dronken en dreigt me iets aan te doen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17b-nl-menu-03",
        "menu",
        "nl",
        "whatsapp",
        "mijn schoonzoon heeft mijn pinpas afgepakt en ik mag niemand bellen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17b-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "mijn vriend heeft me gewurgd, ik ben zo bang",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17b-nl-first_message-10",
        "first_message",
        "nl",
        "whatsapp",
        "mn zoon heeft me tegen de grond geslagen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17b-en-first_message-02",
        "first_message",
        "en",
        "telegram",
        "my son pushed me down the stairs",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17b-tr-first_message-02",
        "first_message",
        "tr",
        "whatsapp",
        "oğlum bana vuruyor ve paramı alıyor",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt17b-nl-first_message-11",
        "first_message",
        "nl",
        "whatsapp",
        "ik ga dood van de zenuwen voor die operatie morgen",
        {"crisis": False},
    ),
    (
        "rt17b-nl-checkin-04",
        "checkin",
        "nl",
        "whatsapp",
        "prima, ze valt soms uit haar stoel maar dat is zo opgelost",
        {"crisis": False},
    ),
    (
        "rt17b-nl-first_message-12",
        "first_message",
        "nl",
        "sms",
        "mijn zoon slaat zijn huiswerk steeds over",
        {"crisis": False},
    ),
    (
        "rt17b-nl-first_message-13",
        "first_message",
        "nl",
        "whatsapp",
        "ik ben er klaar mee met die oude auto, ik verkoop hem",
        {"crisis": False},
    ),
    (
        "rt17b-nl-first_message-14",
        "first_message",
        "nl",
        "whatsapp",
        "de kat heeft een muis doodgebeten, wat moet ik ermee",
        {"crisis": False},
    ),
    (
        "rt17b-nl-invitation-03",
        "invitation",
        "nl",
        "whatsapp",
        "ja, maar ik moet eerst mijn man helpen opstaan uit bed",
        {"crisis": False},
    ),
    (
        "rt17b-nl-first_message-15",
        "first_message",
        "nl",
        "whatsapp",
        "mijn vader kijkt elke avond naar die serie over moorden",
        {"crisis": False},
    ),
    (
        "rt17b-nl-ask_when-03",
        "ask_when",
        "nl",
        "sms",
        "maakt niet uit, ik ben er toch altijd",
        {"crisis": False},
    ),
    (
        "rt17b-nl-first_message-16",
        "first_message",
        "nl",
        "whatsapp",
        "mijn man ligt na zijn operatie nog op bed en mag niet opstaan van de dokter",
        {"crisis": False},
    ),
    (
        "rt17b-en-first_message-03",
        "first_message",
        "en",
        "whatsapp",
        "i could kill for a coffee right now",
        {"crisis": False},
    ),
    (
        "rt17b-pl-first_message-02",
        "first_message",
        "pl",
        "whatsapp",
        "babcia upadła w zeszłym roku, teraz już dobrze chodzi",
        {"crisis": False},
    ),
    (
        "rt17b-nl-first_message-17",
        "first_message",
        "nl",
        "whatsapp",
        "mijn buurman heeft gezegd dat hij me helpt met de heg",
        {"crisis": False},
    ),
    (
        "rt17b-nl-checkin-05",
        "checkin",
        "nl",
        "sms",
        "gaat wel, hij is soms verward maar niet agressief",
        {"crisis": False},
    ),
    (
        "rt17b-nl-first_message-18",
        "first_message",
        "nl",
        "whatsapp",
        "de brandweer kwam langs voor een rookmelder, heel aardig",
        {"crisis": False},
    ),
    (
        "rt17b-nl-menu-04",
        "menu",
        "nl",
        "sms",
        "1, ik zoek iemand die mijn moeder naar de huisarts brengt, ze valt snel",
        {"crisis": False},
    ),
    (
        "rt17b-uk-first_message-02",
        "first_message",
        "uk",
        "telegram",
        "кіт впав з дивана, але все добре",
        {"crisis": False},
    ),
]
CASES = as_cases(SET)
TOTAL = 154
CRISES = 96

KNOWN_MISSES: dict[str, str] = {}


def test_the_set_is_new_and_covers_the_contexts_and_languages_of_a_crisis() -> None:
    assert_new_crisis_set(CASES, __file__, total=TOTAL, crises=CRISES, known=KNOWN_MISSES)


@pytest.mark.parametrize("case", crisis_params(CASES, KNOWN_MISSES))
def test_each_message_reads_as_a_careful_social_worker_would(case: Case) -> None:
    assert_crisis_reads(case)


def test_every_crisis_but_the_known_is_recalled_and_no_look_alike_fires() -> None:
    assert_crisis_scores(CASES, CRISES, KNOWN_MISSES)


# (context, text, what the reading must hold); None for a key: the reading must not have it. Paraphrases of
# the mechanisms and decisions of this round, with look-alikes that must keep their old reading; written knowing
# the mechanisms (no measure of generalisation).
FAMILIES: list[tuple[str, str, dict[str, Any]]] = [
    ("first_message", "de kaarsen zijn uit maar er komt rook uit het stopcontact", {"crisis": "112"}),
    ("first_message", "er komt rook uit de keuken maar ik bak rookworst", {"crisis": None}),
    ("first_message", "onze kat is lief maar ze krabt me soms", {"crisis": None}),
    ("first_message", "de hond slaapt maar mijn man reageert niet meer", {"crisis": "112"}),
    ("first_message", "de film was mooi maar mijn man slaat me", {"crisis": "veilig_thuis"}),
    ("first_message", "de hond is gevallen maar komt niet meer overeind", {"crisis": None}),
    ("first_message", "ze valt wel eens maar staat dan zelf weer op", {"crisis": None}),
    ("first_message", "ik wil er een eind aan maken met die ruzie", {"crisis": None}),
    ("first_message", "ik wil er een einde aan maken aan dat gezeur met de buren", {"crisis": None}),
    ("first_message", "ik wil er een eind aan maken", {"crisis": "113"}),
    ("first_message", "ik wil er een eind aan maken met de pillen die ik heb gespaard", {"crisis": "113"}),
    ("first_message", "de hond bloedt erg", {"crisis": None}),
    ("first_message", "onze kat bloedt heel erg aan zijn poot", {"crisis": None}),
    ("first_message", "mijn man bloedt erg en de hond blaft", {"crisis": "112"}),
    (
        "first_message",
        "ze praat met een dubbele tong sinds haar beroerte en haar arm doet het niet meer",
        {"crisis": None},
    ),
    (
        "first_message",
        "sinds zijn herseninfarct is zijn arm slap en praat hij met een dubbele tong",
        {"crisis": None},
    ),
    (
        "first_message",
        "ze praat ineens met een dubbele tong en haar arm doet het niet meer",
        {"crisis": "112"},
    ),
    (
        "first_message",
        "sinds haar beroerte loopt ze slecht maar nu praat ze met een dubbele tong en haar arm doet het niet meer",
        {"crisis": "112"},
    ),
    ("first_message", "mijn zoon wordt woedend als hij niet op de tablet mag", {"crisis": None}),
    ("first_message", "mijn kleinzoon wordt razend als de playstation uit moet", {"crisis": None}),
    ("first_message", "mijn zoon wordt woedend en gooit met stoelen", {"crisis": "veilig_thuis"}),
    ("first_message", "alles is geregeld, nu kan ik rustig gaan slapen", {"crisis": None}),
    ("first_message", "alles is geregeld, nu kan ik rustig gaan slapen voor altijd", {"crisis": "113"}),
    ("first_message", "alles is geregeld, nu kan ik rustig gaan", {"crisis": "113"}),
    ("first_message", "hij heeft gezegd dat hij me vermoordt", {"crisis": "veilig_thuis"}),
    ("first_message", "ze zei dat ze me vermoordt als ik wegga", {"crisis": "veilig_thuis"}),
    ("first_message", "de buurman heeft gezegd dat hij me vermoordt", {"crisis": "112"}),
    ("first_message", "een vreemde man zei dat hij me vermoordt", {"crisis": "112"}),
    ("first_message", "ze zegt dat ze me vermoordt als ik de taart opeet haha", {"crisis": None}),
    (
        "first_message",
        "hij zei dat hij me vermoordt als ik het verklap, het is een verrassingsfeest",
        {"crisis": None},
    ),
    ("first_message", "dan leef ik toch niet meer", {"crisis": "113"}),
    ("first_message", "volgende maand leef ik niet meer", {"crisis": "113"}),
    ("first_message", "ik wil zelf ook niet meer leven", {"crisis": "113"}),
    ("first_message", "ik ga me iets aandoen vannacht", {"crisis": "113"}),
    ("first_message", "hij wil me wat aandoen", {"crisis": None}),
    ("first_message", "ik ruik hier overal gas", {"crisis": "112"}),
    ("first_message", "ik ruik geen gas meer, de monteur is geweest", {"crisis": None}),
    ("first_message", "mijn vriend heeft me gisteravond weer een klap gegeven", {"crisis": "veilig_thuis"}),
    ("first_message", "mijn zoon gaf me een klap op de schouder, goed gedaan", {"crisis": None}),
    ("first_message", "het boek gaat over een vrouw wier man haar slaat", {"crisis": None}),
    ("first_message", "ik zoek uit hoe ik er een einde aan kan maken", {"crisis": "113"}),
    (
        "first_message",
        "ik weet hoe ik er een eind aan kan maken met dat gedoe in de appgroep",
        {"crisis": None},
    ),
    ("first_message", "ik kan niet meer, dit is mijn laatste appje", {"crisis": "113"}),
    (
        "first_message",
        "ik kan niet meer verder met die computer, dit is mijn laatste berichtje erover",
        {"crisis": None},
    ),
    ("first_message", "mijn vriend dreigt me wat aan te doen als ik iets zeg", {"crisis": "veilig_thuis"}),
    ("first_message", "de buurman dreigt me iets aan te doen", {"crisis": "112"}),
    ("first_message", "mijn man dreigt me te verlaten als ik niet stop met roken", {"crisis": None}),
    ("first_message", "mijn dochter slaat de lunch steeds over", {"crisis": None}),
    ("first_message", "mijn man slaat me steeds op mijn hoofd", {"crisis": "veilig_thuis"}),
    (
        "first_message",
        "ik kan niet meer, dit is mijn laatste bericht voor vandaag, ik ga slapen",
        {"crisis": None},
    ),
    (
        "first_message",
        "ik ben zo moe, dit is mijn laatste appje want mijn telefoon is bijna leeg",
        {"crisis": None},
    ),
    ("first_message", "mijn kleinzoon gaf me een klap op mijn rug toen ik me verslikte", {"crisis": None}),
    ("first_message", "mijn man gaf me gisteren een klap in mijn gezicht", {"crisis": "veilig_thuis"}),
    ("first_message", "ik ga me iets leuks aandoen vandaag, een nieuwe jurk", {"crisis": None}),
    ("first_message", "dan leef ik niet meer zo ongezond", {"crisis": None}),
    ("first_message", "ik leef niet meer zo gezond als vroeger", {"crisis": None}),
    ("first_message", "na de kerst leef ik toch niet meer", {"crisis": "113"}),
    ("first_message", "ik kook met gas maar nu ruik ik overal gas", {"crisis": "112"}),
    (
        "first_message",
        "mijn moeder bloedt snel door de bloedverdunners maar nu houdt het niet op met bloeden",
        {"crisis": "112"},
    ),
    ("first_message", "de hond blijft maar bloeden aan zijn poot", {"crisis": None}),
    ("first_message", "de hond heeft mijn man gebeten en hij blijft bloeden", {"crisis": "112"}),
    (
        "first_message",
        "ze heeft gezegd dat ze me vermoordt als ik het verpest met de verrassing",
        {"crisis": None},
    ),
    (
        "first_message",
        "hij heeft gezegd dat hij me vermoordt als ik naar de politie ga",
        {"crisis": "veilig_thuis"},
    ),
    ("first_message", "de kat is ziek maar ze reageert niet meer", {"crisis": None}),
    ("first_message", "mijn hond is oud en hij ademt niet meer", {"crisis": None}),
    ("first_message", "de hond blaft en mijn man reageert niet meer", {"crisis": "112"}),
    ("first_message", "de hond ademt niet meer en mijn vrouw is flauwgevallen", {"crisis": "112"}),
    (
        "first_message",
        "vorig jaar had hij een hartaanval maar nu heeft hij weer pijn op de borst",
        {"crisis": "112"},
    ),
    ("first_message", "annem iyi ama babam düştü ve kalkamıyor", {"crisis": "112"}),
    ("first_message", "ik heb mijn slaappillen gevonden en heb er net 20 geslikt", {"crisis": "113"}),
    ("first_message", "mijn pillen zijn 10 mg, ik heb er vandaag 2 genomen", {"crisis": None}),
    (
        "first_message",
        "de pillen van de dokter, ik heb er 10 genomen deze week zoals voorgeschreven",
        {"crisis": None},
    ),
    ("first_message", "mijn kleinzoon is pas twee maar hij gooit met alles", {"crisis": None}),
    (
        "first_message",
        "mijn kleinzoon is pas twee maar mijn zoon gooit met alles naar me",
        {"crisis": "veilig_thuis"},
    ),
    ("first_message", "ik bak rookworst maar er komt veel rook uit de keuken", {"crisis": "112"}),
    (
        "first_message",
        "ik kan het niet meer aan, dit is mijn laatste bericht aan voordeur",
        {"crisis": "113"},
    ),
    ("first_message", "ik wil er een eind aan maken met een touw", {"crisis": "113"}),
    ("first_message", "ik wil er een eind aan maken met mijn leven", {"crisis": "113"}),
    ("first_message", "hij dreigt me iets aan te doen", {"crisis": "veilig_thuis"}),
]


@pytest.mark.parametrize(("context", "text", "holds"), FAMILIES, ids=[text[:60] for _, text, _ in FAMILIES])
def test_each_paraphrase_of_a_mechanism_reads_as_its_family(
    context: str, text: str, holds: dict[str, Any]
) -> None:
    assert_family_reads(context, text, holds)
