"""Red-team set 19: crisis round 15, held out, mostly Dutch across the crisis contexts (first_message, checkin,
any_state, menu, ask_when, invitation, name): older SMS writers (capitals, no punctuation, typos), carers at
check-ins, crises told in the middle of an ordinary request ("kan iemand boodschappen doen, ik lig al sinds
gisteren op de grond"), and a few plain wordings in en/tr/ar/pl/uk; look-alikes built from the same words (pets that
fall, stop breathing or bleed in all six languages, "pijn op de borst van het lachen", "het leven zat met die
telefoon", a fall told as over, a father who hits the table at cards). None is word for word in an earlier round
(`redteam_support.every_earlier_string`, with ../shared/understanding/dev.jsonl); fourteen first wordings that were
not new (twelve in batch 1, two in batch 2) were reworded before any scoring.

Held out, before the fixes (crises read with the right kind; false alarms on the look-alikes):
- Batch 1 (rt19a, 101: 61 crises, 40 look-alikes), written before the lexicon was studied and scored on main:
  58/61 and six false alarms. By kind: 113 19/21, 112 21/22, Veilig Thuis 18/18. By language: nl 41/43, en 5/6,
  tr 3/3, ar 3/3, pl 3/3, uk 3/3. Misses: "stop maar met vragen ik neem straks al mijn pillen in", "mijn buurvrouw
  ligt al uren in de badkamer en doet niet open", "i took all my sleeping pills an hour ago". False alarms: a pet
  that fell and cannot get up in Turkish, Arabic, Polish and Ukrainian (four: the pet guards were Dutch and
  English only), "onze vogel ademt niet meer" (a bird was no animal), "pijn op de borst van het lachen".
- Batch 2 (rt19b, 46: 30 crises, 16 look-alikes), written after batch 1's fixes and not aimed at them: 26/30 and
  one false alarm. By kind: 113 7/10, 112 10/11, Veilig Thuis 9/9. By language: nl 20/24, en 2/2, tr, ar, pl, uk
  1/1 each. Misses: "erover nagedacht om voor de trein te gaan staan", "een doos slaappillen leeg gegeten", "een
  fles whisky en al mijn oxazepam op", "ik ben op de trap gevallen en mijn been ligt helemaal scheef"; the false
  alarm: "ik heb het leven zat met die telefoon". The honest figure: Dutch written after the fixes read 20 in 24
  before its own (round 14: 21/24); the other languages' plain wordings all read, as in rounds 13 and 14.
After: batch 1 60/61, batch 2 29/30, no false alarm on the 56 look-alikes; two known misses (`KNOWN_MISSES`).
(Round 16, tests/test_understanding_redteam20.py: "een fles whisky en al mijn oxazepam op" now reads 113, the whole
supply "op" at a clause's end with drink; batch 2 is 30/30 and one known miss is left.)
(Round 17, tests/test_understanding_redteam22.py: "stop maar met vragen ik neem straks al mijn pillen in" now reads
113, all one's pills taken after telling Voordeur to stop asking; batch 1 is 61/61 and no known miss is left.)

Round 14's gaps, closed by mechanism:
- Engine (`_guarded`): a guard that stands inside a match, before a turn the match runs across, speaks only for
  what came before the turn: "ik slik mijn pillen zoals voorgeschreven maar ik heb er vandaag 30 genomen" reads
  113. A guard that begins at or before the match's start still calms it across the turn ("de hond is gevallen
  maar komt niet meer overeind", "vorig jaar ben ik gevallen maar ik kon niet opstaan"), and so do a time, an
  outcome or a habit said of the whole event (`[turn_guards] whole`: "mijn man viel vorige week maar kon niet
  opstaan"; a probe found it reading 112 before this list). Also "heb ik er ...
  geslikt" (inverted order) joins round 17's overdose of "them".
- "de hond bloedt erg en mijn man ook": a person named elliptically after heavy bleeding (`person_too`: "en mijn
  man ook", "and my husband too") reads 112 with `much_blood`; not "de hond bloedt een beetje en ik ook".
- "ik speel tikkertje met mijn kleinzoon maar hij slaat me steeds haha": a game of tag or a pillow fight named
  (`tag_game`; not "stoeien", which is also said of rough hands) guards the bare abuse, hits-me and someone-at-home-hits rules and speaks across a turn as a pet does (`[turn_guards]
  across`), unless a person at home is named after the turn ("... maar mijn man slaat me" reads Veilig Thuis).
- Pet guards in tr/ar/pl/uk: `pet_animal`, `pet_fell` and `pet_bleeding` have Turkish, Arabic, Polish and Ukrainian
  words (adjacent phrases only for the bleeding, so "pies krwawi mocno i mąż też krwawi" is not calmed by a gap
  reaching the husband's bleeding; it reads nothing, see the gaps); birds ("vogel", "parkiet", "bird") are pets.

Mechanisms added by frame (crisis.toml, "round 19"): chest pain "van het lachen" is an idiom; all one's sleeping
pills taken (`all_my_sleeping_pills` + `took`, not "al mijn pillen", nor fetched at the pharmacy); lying for hours
"in de badkamer/douche/gang" is lying on the floor (and the lying-for-hours rule is now calmed by a pet, sleep or a
joke: "de hond ligt al uren in de gang te slapen"; the older lying-and-still-down rule is calmed by a joke too, as
the new places first made "ik lig al uren in de badkamer met een gezichtsmasker haha" read 112); "erover nagedacht om" / "overwogen om" is an intention, and
"voor de trein te gaan staan/springen" a means; a pack "leeg gegeten/geslikt" is a pack taken (not "een doos bonbons");
a leg or arm that "ligt/staat ... scheef" after a fall; fed up "met die telefoon/computer" is no despair of life. Probing the
new intention found "ik heb erover nagedacht om er een eind aan te maken met de club" reading 113 (as "ik denk
erover om ... met de club" did on main): the intend-and-end-it rule moved after round 17's `end_it_thing` and is
calmed by it by overlap.

Decisions:
- "al mijn pillen" stays the daily medicine (rounds 11-14), so "stop maar met vragen ik neem straks al mijn pillen
  in" is a known miss; "al mijn slaappillen" taken is 113: every sleeping pill one has is not a daily dose.
- Comma clauses are not turns. Tried in the engine (a clause boundary of the same sentence cut a guard before it as
  "maar" does): "de kaarsen zijn uit, er komt rook uit het stopcontact" read 112, but six earlier look-alikes fired
  ("het leven is zo duur, ik ben het zat", "mijn pillen zijn 10 mg, ik heb er vandaag 2 genomen", "alles betaald
  voor de verhuizing, bedankt voor alles!", ...): a comma joins a cause to its effect as often as it separates them.
  Also tried: a source "put out" ("de kaarsen zijn uit") taken out as an idiom; it fired on "de kaarsen zijn
  uitgeblazen, er hangt nog een beetje rook in de kamer", so it was taken back. Both left as a gap.
- A threat to kill over a trivial thing ("hij zei dat hij me vermoordt als ik zijn auto weer kras") stays Veilig
  Thuis: real threats at home are often over trivial things; only a joke or a surprise calms (`late_joke`, `jest`).
- "ik ruik hier gas, is dat normaal bij een nieuwe kookplaat" stays 112: any smell of gas is a call.

Measured as rounds 11-14 did, on the earlier texts: `crisis.kinds_in` on 12,861 strings (the corpus files in
tests/data, ../shared/understanding/dev.jsonl, and every string constant of the earlier understanding, red-team
dialogue and crisis test modules) gives the kinds it gave at the branch point (f3e1fa8) for every one of them. No reply text changed.

Gaps left: a guard in another clause with only a comma still speaks for its sentence ("de kaarsen zijn uit, er komt
rook uit het stopcontact" reads nothing; see the decision); "al mijn oxazepam op" with a bottle of whisky (a bare
"op" at a clause's end is no concept); the elliptic person after a bleeding animal is Dutch and English only
("pies krwawi mocno i mąż też krwawi" reads nothing); the pets of tr/ar/pl/uk are the common words only (no diminutives, no
Moroccan Latin spellings); "ik heb erover nagedacht om eruit te stappen, uit de vereniging" reads 113 through the
bare suicide rule (as "ik denk erover om eruit te stappen, uit de vereniging" does on main); probes that read as on
main and stay open: "ik zag een film over een man die viel maar niet kon opstaan" and "mijn moeder valt vaak maar
komt dan niet meer overeind" read 112.
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
# rt19a: the first batch, written before the lexicon was studied and scored before its fixes; rt19b: the
# second, written after the first batch's fixes and scored before its own.
SET: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    (
        "rt19a-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "IK WIL NIET MEER LEVEN HET HOEFT VOOR MIJ NIET MEER",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-first_message-02",
        "first_message",
        "nl",
        "whatsapp",
        "kan iemand boodschappen doen, ik heb alle pillen al klaargelegd om er vanavond uit te stappen",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-checkin-01",
        "checkin",
        "nl",
        "sms",
        "zwaar ik denk er steeds aan om er zelf een eind aan te maken",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-checkin-02",
        "checkin",
        "nl",
        "whatsapp",
        "3. en ik wil eigenlijk dood, ik zie het niet meer zitten",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-any_state-01",
        "any_state",
        "nl",
        "telegram",
        "sorry even tussendoor ik heb net in mijn arm gesneden",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-menu-01",
        "menu",
        "nl",
        "sms",
        "1 maar eigenlijk wil ik gewoon niet meer wakker worden",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-ask_when-01",
        "ask_when",
        "nl",
        "sms",
        "maakt niet uit want morgen ben ik er toch niet meer ik spring van de flat",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-invitation-01",
        "invitation",
        "nl",
        "whatsapp",
        "nee sorry ik kan niemand helpen ik wil zelfmoord plegen",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-name-01",
        "name",
        "nl",
        "sms",
        "noem me maar niks ik ben er binnenkort niet meer ik maak er een eind aan",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-first_message-03",
        "first_message",
        "nl",
        "sms",
        "mijn vrouw is dood en ik wil haar achterna",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-checkin-03",
        "checkin",
        "nl",
        "whatsapp",
        "mijn moeder zegt elke dag dat ze dood wil en nu heeft ze een mes gepakt",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-first_message-04",
        "first_message",
        "nl",
        "whatsapp",
        "goedemorgen ik heb een hele strip paracetamol ingenomen",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-first_message-05",
        "first_message",
        "nl",
        "sms",
        "ik heb een touw gekocht om mezelf op te hangen",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-any_state-02",
        "any_state",
        "nl",
        "whatsapp",
        "stop maar met vragen ik neem straks al mijn pillen in",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-ask_when-02",
        "ask_when",
        "nl",
        "whatsapp",
        "vandaag nog graag, ik weet niet of ik morgen nog leef, ik wil er niet meer zijn",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-first_message-06",
        "first_message",
        "nl",
        "sms",
        "kan iemand boodschappen doen, ik lig al sinds gisteren op de grond",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-first_message-07",
        "first_message",
        "nl",
        "sms",
        "IK BEN GEVALLEN EN KAN NIET MEER OPSTAAN HELP",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-checkin-04",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar, vader is net gevallen en reageert niet",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-checkin-05",
        "checkin",
        "nl",
        "sms",
        "gaat wel maar mijn man heeft ineens hele erge pijn op zijn borst",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-any_state-03",
        "any_state",
        "nl",
        "whatsapp",
        "wacht even mijn man zakt in elkaar en ademt raar",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-menu-02",
        "menu",
        "nl",
        "sms",
        "1 ik ben gevalen in de gang en kom niet meer overeind",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-ask_when-03",
        "ask_when",
        "nl",
        "whatsapp",
        "nu meteen, de keuken staat in brand",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-invitation-02",
        "invitation",
        "nl",
        "sms",
        "kan niet ik zit bij mevrouw de Vries ze is bewusteloos",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-name-02",
        "name",
        "nl",
        "sms",
        "Riet maar ik heb pijn op de borst en in mijn linkerarm",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-first_message-08",
        "first_message",
        "nl",
        "whatsapp",
        "ER STAAT EEN VREEMDE MAN IN MIJN TUIN MET EEN MES EN HIJ PROBEERT DE DEUR OPEN TE MAKEN",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "mijn vrouw heeft een scheve mond en praat raar sinds vanmorgen",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-checkin-06",
        "checkin",
        "nl",
        "whatsapp",
        "slecht, mijn vader is van de trap gevallen en hij bloed heel erg uit zijn hoofd",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "help er is iemand binnengekomen via de achterdeur en ik zit in de slaapkamer",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-first_message-11",
        "first_message",
        "nl",
        "whatsapp",
        "ik krijg geen lucht meer en mijn lippen worden blauw",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-any_state-04",
        "any_state",
        "nl",
        "sms",
        "de rookmelder gaat en ik zie rook uit de meterkast",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-first_message-12",
        "first_message",
        "nl",
        "whatsapp",
        "mijn buurvrouw ligt al uren in de badkamer en doet niet open, ik hoor haar roepen",
        {"crisis": "112"},
    ),
    (
        "rt19a-nl-first_message-13",
        "first_message",
        "nl",
        "sms",
        "mijn man slaat me als hij gedronken heeft kan iemand helpen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-nl-checkin-07",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar, hij heeft me weer geschopt vannacht",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-nl-checkin-08",
        "checkin",
        "nl",
        "sms",
        "mijn vader die ik verzorg slaat me steeds als ik hem was",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-nl-any_state-05",
        "any_state",
        "nl",
        "whatsapp",
        "ik durf niet naar huis mijn vriend heeft gedreigd me iets aan te doen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-nl-menu-03",
        "menu",
        "nl",
        "sms",
        "1 mijn zoon duwt me omver en pakt mijn geld",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-nl-ask_when-04",
        "ask_when",
        "nl",
        "whatsapp",
        "liefst als mijn man er niet is want hij slaat me",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-nl-invitation-03",
        "invitation",
        "nl",
        "sms",
        "nee ik kan niet weg mijn man sluit me op in huis",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-nl-name-03",
        "name",
        "nl",
        "whatsapp",
        "Fatima. mijn man mishandelt me",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-nl-first_message-14",
        "first_message",
        "nl",
        "whatsapp",
        "mijn ex staat elke avond voor de deur en zegt dat hij me gaat vermoorden",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-nl-checkin-09",
        "checkin",
        "nl",
        "whatsapp",
        "ik heb mijn moeder vandaag geslagen, ik schaam me, ik kan het niet meer",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-nl-first_message-15",
        "first_message",
        "nl",
        "sms",
        "mijn kleinzoon bedreigt me met een mes als ik geen geld geef",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-nl-first_message-16",
        "first_message",
        "nl",
        "whatsapp",
        "mijn partner knijpt mijn keel dicht als hij boos is",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "can someone do my shopping, i have been lying on the floor since last night",
        {"crisis": "112"},
    ),
    (
        "rt19a-en-any_state-01",
        "any_state",
        "en",
        "telegram",
        "i took all my sleeping pills an hour ago",
        {"crisis": "113"},
    ),
    (
        "rt19a-en-checkin-01",
        "checkin",
        "en",
        "whatsapp",
        "hard. my husband hits me when i try to help him",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-en-first_message-02",
        "first_message",
        "en",
        "sms",
        "my wife collapsed and she is not breathing",
        {"crisis": "112"},
    ),
    (
        "rt19a-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "artık yaşamak istemiyorum bu gece kendimi öldüreceğim",
        {"crisis": "113"},
    ),
    (
        "rt19a-tr-first_message-02",
        "first_message",
        "tr",
        "whatsapp",
        "babaannem banyoda düştü kalkamıyor",
        {"crisis": "112"},
    ),
    (
        "rt19a-tr-checkin-01",
        "checkin",
        "tr",
        "whatsapp",
        "kocam beni her akşam dövüyor ve tehdit ediyor",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "أريد أن أنتحر الليلة",
        {"crisis": "113"},
    ),
    (
        "rt19a-ar-first_message-02",
        "first_message",
        "ar",
        "whatsapp",
        "زوجي يضربني كل يوم ويهددني",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-ar-first_message-03",
        "first_message",
        "ar",
        "whatsapp",
        "جدتي سقطت في المطبخ ولا تستطيع النهوض",
        {"crisis": "112"},
    ),
    (
        "rt19a-pl-first_message-01",
        "first_message",
        "pl",
        "sms",
        "chcę się zabić, nie mam już siły",
        {"crisis": "113"},
    ),
    (
        "rt19a-pl-first_message-02",
        "first_message",
        "pl",
        "whatsapp",
        "mój mąż mnie bije kiedy pije",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-pl-first_message-03",
        "first_message",
        "pl",
        "whatsapp",
        "mama upadła i nie może wstać",
        {"crisis": "112"},
    ),
    (
        "rt19a-uk-first_message-01",
        "first_message",
        "uk",
        "telegram",
        "я хочу покінчити з собою сьогодні",
        {"crisis": "113"},
    ),
    (
        "rt19a-uk-first_message-02",
        "first_message",
        "uk",
        "telegram",
        "мій чоловік б'є мене щовечора",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-uk-first_message-03",
        "first_message",
        "uk",
        "telegram",
        "батько впав і не може встати",
        {"crisis": "112"},
    ),
    (
        "rt19a-en-first_message-03",
        "first_message",
        "en",
        "sms",
        "my son pushed me down the stairs again",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19a-en-first_message-04",
        "first_message",
        "en",
        "whatsapp",
        "i want to end my life tonight",
        {"crisis": "113"},
    ),
    (
        "rt19a-nl-first_message-17",
        "first_message",
        "nl",
        "sms",
        "IK GA DOOD VAN DE VERVELING KAN IEMAND KOMEN KAARTEN",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-18",
        "first_message",
        "nl",
        "whatsapp",
        "kan iemand boodschappen doen, ik lig nog ziek op bed met griep",
        {"crisis": False},
    ),
    (
        "rt19a-nl-checkin-10",
        "checkin",
        "nl",
        "sms",
        "zwaar maar ik zie het wel weer zitten na de vakantie",
        {"crisis": False},
    ),
    (
        "rt19a-nl-checkin-11",
        "checkin",
        "nl",
        "whatsapp",
        "gaat wel, vader is vorige maand gevallen maar het gaat nu goed met hem",
        {"crisis": False},
    ),
    (
        "rt19a-nl-any_state-06",
        "any_state",
        "nl",
        "sms",
        "stop maar ik ben er klaar mee met die berichtjes",
        {"crisis": False},
    ),
    (
        "rt19a-nl-menu-04",
        "menu",
        "nl",
        "sms",
        "1 ik wil mijn pillen laten ophalen bij de apotheek",
        {"crisis": False},
    ),
    (
        "rt19a-nl-ask_when-05",
        "ask_when",
        "nl",
        "whatsapp",
        "morgen, dan ben ik er niet, ik ben bij mijn dochter",
        {"crisis": False},
    ),
    (
        "rt19a-nl-invitation-04",
        "invitation",
        "nl",
        "sms",
        "nee ik ben van de trap gevallen vorige week, mijn enkel is nog dik",
        {"crisis": False},
    ),
    ("rt19a-nl-name-04", "name", "nl", "sms", "Truus van der Slaat", {"crisis": False}),
    (
        "rt19a-nl-first_message-19",
        "first_message",
        "nl",
        "whatsapp",
        "mijn kat is van het balkon gevallen en kan niet meer opstaan, wie kan mee naar de dierenarts",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-20",
        "first_message",
        "nl",
        "sms",
        "de hond bijt de postbode steeds, kan iemand hem uitlaten",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-21",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb pijn op de borst van het lachen om de buurman",
        {"crisis": False},
    ),
    (
        "rt19a-nl-checkin-12",
        "checkin",
        "nl",
        "whatsapp",
        "mijn man slaat nergens meer acht op maar verder gaat het",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-22",
        "first_message",
        "nl",
        "sms",
        "ik kan die boel er niet meer bij hebben, het is me te veel met de tuin",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-23",
        "first_message",
        "nl",
        "whatsapp",
        "wie wil met mij naar de film over een man die zichzelf van kant maakt",
        {"crisis": False},
    ),
    (
        "rt19a-nl-any_state-07",
        "any_state",
        "nl",
        "whatsapp",
        "ik wil niet meer gebeld worden op zondag",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-24",
        "first_message",
        "nl",
        "sms",
        "de brandweer heeft gisteren een oefening gehouden bij ons in de flat, veel rook",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-25",
        "first_message",
        "nl",
        "whatsapp",
        "ik ben mijn sleutels kwijt en sta buiten, kan iemand helpen",
        {"crisis": False},
    ),
    (
        "rt19a-nl-checkin-13",
        "checkin",
        "nl",
        "sms",
        "zwaar, hij is zo boos op de huisarts, hij schreeuwt tegen de tv",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-26",
        "first_message",
        "nl",
        "whatsapp",
        "mijn kleinzoon slaat een bal tegen mijn raam, kan iemand praten met zijn ouders",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-27",
        "first_message",
        "nl",
        "sms",
        "ik heb een mes nodig dat scherp is voor het vlees, wie kan mijn messen slijpen",
        {"crisis": False},
    ),
    (
        "rt19a-nl-ask_when-06",
        "ask_when",
        "nl",
        "sms",
        "als ik niet dood moe ben, dus ochtend",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-28",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb me rot geschrokken van de rekening, kan iemand helpen met de brief",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-29",
        "first_message",
        "nl",
        "whatsapp",
        "mijn zus heeft een touw nodig voor de waslijn, wie heeft er een",
        {"crisis": False},
    ),
    (
        "rt19a-nl-invitation-05",
        "invitation",
        "nl",
        "whatsapp",
        "ja maar ik ben doodop na het werk dus pas om 7 uur",
        {"crisis": False},
    ),
    (
        "rt19a-nl-checkin-14",
        "checkin",
        "nl",
        "whatsapp",
        "goed, ze valt wel eens maar staat altijd zelf weer op",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-30",
        "first_message",
        "nl",
        "sms",
        "ik zit al de hele dag op de grond te puzzelen met mijn kleinkind",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-31",
        "first_message",
        "nl",
        "whatsapp",
        "onze vogel ademt niet meer, kan iemand helpen hem te begraven",
        {"crisis": False},
    ),
    (
        "rt19a-nl-first_message-32",
        "first_message",
        "nl",
        "whatsapp",
        "mijn ex-man belt steeds over de alimentatie, hoe los ik dat op",
        {"crisis": False},
    ),
    (
        "rt19a-nl-name-05",
        "name",
        "nl",
        "whatsapp",
        "zeg maar Moord, dat is mijn bijnaam bij het klaverjassen",
        {"crisis": False},
    ),
    (
        "rt19a-en-first_message-05",
        "first_message",
        "en",
        "whatsapp",
        "i'm dying to see the new garden, can someone take me",
        {"crisis": False},
    ),
    (
        "rt19a-en-first_message-06",
        "first_message",
        "en",
        "sms",
        "my dog fell down the stairs and won't get up, need a ride to the vet",
        {"crisis": False},
    ),
    (
        "rt19a-tr-first_message-03",
        "first_message",
        "tr",
        "whatsapp",
        "gülmekten öldüm bu videoya",
        {"crisis": False},
    ),
    (
        "rt19a-tr-first_message-04",
        "first_message",
        "tr",
        "whatsapp",
        "kedim düştü ve kalkamıyor, veteriner lazım",
        {"crisis": False},
    ),
    ("rt19a-ar-first_message-04", "first_message", "ar", "whatsapp", "أموت من الضحك", {"crisis": False}),
    (
        "rt19a-ar-first_message-05",
        "first_message",
        "ar",
        "whatsapp",
        "قطتي سقطت ولا تستطيع النهوض",
        {"crisis": False},
    ),
    (
        "rt19a-pl-first_message-04",
        "first_message",
        "pl",
        "whatsapp",
        "pies upadł i nie może wstać, potrzebuję weterynarza",
        {"crisis": False},
    ),
    ("rt19a-pl-first_message-05", "first_message", "pl", "sms", "umieram z nudów", {"crisis": False}),
    (
        "rt19a-uk-first_message-04",
        "first_message",
        "uk",
        "telegram",
        "собака впала і не може встати",
        {"crisis": False},
    ),
    (
        "rt19a-uk-first_message-05",
        "first_message",
        "uk",
        "telegram",
        "я помираю від сміху",
        {"crisis": False},
    ),
    (
        "rt19b-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "goede middag wil iemand mijn gras maaien ik wil eigenlijk niet meer verder leven",
        {"crisis": "113"},
    ),
    (
        "rt19b-nl-checkin-01",
        "checkin",
        "nl",
        "sms",
        "zwaar. ik heb erover nagedacht om voor de trein te gaan staan",
        {"crisis": "113"},
    ),
    (
        "rt19b-nl-checkin-02",
        "checkin",
        "nl",
        "whatsapp",
        "heel zwaar, mijn vrouw zegt dat ze een eind aan haar leven wil maken en ze heeft de pillen verzameld",
        {"crisis": "113"},
    ),
    (
        "rt19b-nl-any_state-01",
        "any_state",
        "nl",
        "sms",
        "laat maar zitten ik heb de badkuip vol laten lopen en een scheermesje gepakt",
        {"crisis": "113"},
    ),
    (
        "rt19b-nl-menu-01",
        "menu",
        "nl",
        "whatsapp",
        "2 eigenlijk 1 want ik wil niet meer bestaan",
        {"crisis": "113"},
    ),
    (
        "rt19b-nl-ask_when-01",
        "ask_when",
        "nl",
        "sms",
        "niet meer nodig ik heb net een doos slaappillen leeg gegeten",
        {"crisis": "113"},
    ),
    (
        "rt19b-nl-invitation-01",
        "invitation",
        "nl",
        "sms",
        "ik help niet meer ik ben het leven zat en wil slapen en nooit meer wakker worden",
        {"crisis": "113"},
    ),
    (
        "rt19b-nl-name-01",
        "name",
        "nl",
        "whatsapp",
        "Henk, en ik heb zojuist een fles whisky en al mijn oxazepam op",
        {"crisis": "113"},
    ),
    (
        "rt19b-nl-first_message-02",
        "first_message",
        "nl",
        "whatsapp",
        "kan iemand met mijn hond lopen, ik ben op de trap gevallen en mijn been ligt helemaal scheef",
        {"crisis": "112"},
    ),
    (
        "rt19b-nl-checkin-03",
        "checkin",
        "nl",
        "sms",
        "GAAT NIET MOEDER REAGEERT NIET MEER ZE ZIT IN DE STOEL",
        {"crisis": "112"},
    ),
    (
        "rt19b-nl-any_state-02",
        "any_state",
        "nl",
        "whatsapp",
        "het ruikt hier heel sterk naar gas en mijn man is duizelig",
        {"crisis": "112"},
    ),
    (
        "rt19b-nl-menu-02",
        "menu",
        "nl",
        "sms",
        "1 help mijn man krijgt een aanval en schokt helemaal",
        {"crisis": "112"},
    ),
    (
        "rt19b-nl-ask_when-02",
        "ask_when",
        "nl",
        "whatsapp",
        "nu! mijn opa is flauwgevallen en wordt niet wakker",
        {"crisis": "112"},
    ),
    (
        "rt19b-nl-invitation-02",
        "invitation",
        "nl",
        "whatsapp",
        "kan nu niet, er is brand bij de buren en het komt onze kant op",
        {"crisis": "112"},
    ),
    (
        "rt19b-nl-name-02",
        "name",
        "nl",
        "sms",
        "Gerda ik zit op de wc vast ik ben gevallen en kom niet omhoog",
        {"crisis": "112"},
    ),
    (
        "rt19b-nl-first_message-03",
        "first_message",
        "nl",
        "sms",
        "iemand probeert mijn voordeur in te trappen ik ben alleen",
        {"crisis": "112"},
    ),
    (
        "rt19b-nl-checkin-04",
        "checkin",
        "nl",
        "whatsapp",
        "slecht, mijn vader is verward en heeft een scheef gezicht en kan zijn arm niet optillen",
        {"crisis": "112"},
    ),
    (
        "rt19b-nl-first_message-04",
        "first_message",
        "nl",
        "whatsapp",
        "mijn zoon heeft me gisteren tegen de muur gegooid",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19b-nl-checkin-05",
        "checkin",
        "nl",
        "sms",
        "zwaar hij knijpt me en schopt als ik hem in bed help",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19b-nl-any_state-03",
        "any_state",
        "nl",
        "whatsapp",
        "ik kan niet praten mijn man is thuis, hij heeft me net weer in elkaar geslagen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19b-nl-menu-03",
        "menu",
        "nl",
        "sms",
        "1 mijn schoonzoon bedreigt me en ik ben bang",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19b-nl-ask_when-03",
        "ask_when",
        "nl",
        "whatsapp",
        "als mijn dochter weg is, ze slaat me als ze hoort dat ik hulp vraag",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19b-nl-invitation-03",
        "invitation",
        "nl",
        "sms",
        "nee mijn vrouw houdt me binnen en pakt mijn telefoon af",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19b-nl-name-03",
        "name",
        "nl",
        "whatsapp",
        "Anja. mijn ex wil me vermoorden",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19b-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "my husband choked me last night and i am scared to go home",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19b-en-first_message-02",
        "first_message",
        "en",
        "sms",
        "my neighbour fell in the garden and can't get up",
        {"crisis": "112"},
    ),
    (
        "rt19b-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "oğlum bana vuruyor ve emekli maaşımı alıyor",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt19b-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "لا أريد أن أعيش بعد الآن، تعبت من كل شيء",
        {"crisis": "113"},
    ),
    (
        "rt19b-pl-first_message-01",
        "first_message",
        "pl",
        "whatsapp",
        "dziadek ma ból w klatce piersiowej i nie może oddychać",
        {"crisis": "112"},
    ),
    (
        "rt19b-uk-first_message-01",
        "first_message",
        "uk",
        "telegram",
        "я не хочу більше жити, я все вирішила",
        {"crisis": "113"},
    ),
    (
        "rt19b-nl-first_message-05",
        "first_message",
        "nl",
        "sms",
        "ik ga nog dood aan al dat papierwerk kan iemand helpen",
        {"crisis": False},
    ),
    (
        "rt19b-nl-checkin-06",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar, maar hij is gevallen en meteen weer opgestaan, niks aan de hand",
        {"crisis": False},
    ),
    (
        "rt19b-nl-any_state-04",
        "any_state",
        "nl",
        "sms",
        "ik heb het leven zat met die telefoon, ik wil iemand spreken",
        {"crisis": False},
    ),
    (
        "rt19b-nl-menu-04",
        "menu",
        "nl",
        "whatsapp",
        "1 mijn poes is flauwgevallen van de hitte, wie rijdt mee naar de dierenarts",
        {"crisis": False},
    ),
    (
        "rt19b-nl-ask_when-04",
        "ask_when",
        "nl",
        "sms",
        "als ik niet weer aan de pillen zit, de dokter wil dat ik ze om 8 uur neem",
        {"crisis": False},
    ),
    (
        "rt19b-nl-invitation-04",
        "invitation",
        "nl",
        "whatsapp",
        "nee, mijn vrouw heeft me een blauw oog gegeven met badminton haha",
        {"crisis": False},
    ),
    (
        "rt19b-nl-first_message-06",
        "first_message",
        "nl",
        "whatsapp",
        "de rookworst staat op het vuur, wie komt er eten",
        {"crisis": False},
    ),
    (
        "rt19b-nl-first_message-07",
        "first_message",
        "nl",
        "sms",
        "mijn vader slaat op tafel als hij wint met kaarten",
        {"crisis": False},
    ),
    (
        "rt19b-nl-checkin-07",
        "checkin",
        "nl",
        "sms",
        "gaat wel hij bloedt wel eens uit zijn neus maar dat stopt snel",
        {"crisis": False},
    ),
    (
        "rt19b-nl-first_message-08",
        "first_message",
        "nl",
        "whatsapp",
        "ik wil een eind maken aan de rommel op zolder, wie helpt",
        {"crisis": False},
    ),
    (
        "rt19b-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "MIJN MAN IS GEVALLEN MET ZIJN FIETS MAAR IS ZELF WEER OPGESTAAN KAN IEMAND DE FIETS MAKEN",
        {"crisis": False},
    ),
    (
        "rt19b-nl-checkin-08",
        "checkin",
        "nl",
        "whatsapp",
        "goed, al schreeuwt hij soms tegen de buurman over de heg",
        {"crisis": False},
    ),
    (
        "rt19b-en-first_message-03",
        "first_message",
        "en",
        "whatsapp",
        "my cat stopped breathing in her sleep, she was 19",
        {"crisis": False},
    ),
    (
        "rt19b-tr-first_message-02",
        "first_message",
        "tr",
        "whatsapp",
        "köpeğim düştü ve kalkamıyor, yardım lazım veterinere",
        {"crisis": False},
    ),
    (
        "rt19b-pl-first_message-02",
        "first_message",
        "pl",
        "sms",
        "umieram ze śmiechu z tego filmu",
        {"crisis": False},
    ),
    (
        "rt19b-uk-first_message-02",
        "first_message",
        "uk",
        "telegram",
        "кіт впав з дивана і не може встати, потрібен ветеринар",
        {"crisis": False},
    ),
]


CASES = as_cases(SET)
TOTAL = len(SET)
CRISES = sum(1 for row in SET if row[5]["crisis"])

# Known misses (id -> why), strict expected failures.
KNOWN_MISSES: dict[str, str] = {}


def test_the_set_is_new_and_covers_the_contexts_and_languages_of_a_crisis() -> None:
    assert_new_crisis_set(CASES, __file__, total=TOTAL, crises=CRISES, known=KNOWN_MISSES)


@pytest.mark.parametrize("case", crisis_params(CASES, KNOWN_MISSES))
def test_each_message_reads_as_a_careful_social_worker_would(case: Case) -> None:
    assert_crisis_reads(case)


def test_every_crisis_but_the_known_is_recalled_and_no_look_alike_fires() -> None:
    assert_crisis_scores(CASES, CRISES, KNOWN_MISSES)


# Round 14's gaps and this round's fixes, each with paraphrases on both sides of the mechanism.
FAMILIES: list[tuple[str, str, dict[str, Any]]] = [
    # A guard inside a match, before a turn the match runs across, speaks only for what came before the turn.
    (
        "first_message",
        "ik slik mijn pillen zoals voorgeschreven maar ik heb er vandaag 30 genomen",
        {"crisis": "113"},
    ),
    (
        "first_message",
        "ik neem mijn pillen netjes op tijd maar vannacht heb ik er 40 geslikt",
        {"crisis": "113"},
    ),
    ("first_message", "de hond is gevallen maar komt niet meer overeind", {"crisis": None}),
    ("first_message", "vorig jaar ben ik gevallen maar ik kon niet opstaan", {"crisis": None}),
    ("first_message", "mijn man viel vorige week maar kon niet opstaan", {"crisis": None}),
    ("first_message", "mijn man is gevallen vorig jaar maar hij kon niet meer opstaan", {"crisis": None}),
    # The elliptic person after a bleeding animal.
    ("first_message", "de hond bloedt erg en mijn man ook", {"crisis": "112"}),
    ("first_message", "de kat bloedt heel erg en mijn vrouw ook", {"crisis": "112"}),
    ("first_message", "the dog is bleeding badly and my husband too", {"crisis": "112"}),
    ("first_message", "de hond bloedt een beetje en ik ook", {"crisis": None}),
    ("first_message", "de hond bloedt erg", {"crisis": None}),
    # A game of tag named: the hitting is the game's, across a turn too.
    (
        "first_message",
        "ik speel tikkertje met mijn kleinzoon maar hij slaat me steeds haha",
        {"crisis": None},
    ),
    ("first_message", "we houden een kussengevecht en mijn kleinzoon slaat me steeds", {"crisis": None}),
    (
        "first_message",
        "mijn zoon en ik stoeien en hij slaat me hard in mijn gezicht",
        {"crisis": "veilig_thuis"},
    ),
    ("first_message", "mijn man slaat me steeds als hij boos is", {"crisis": "veilig_thuis"}),
    (
        "first_message",
        "ik speel tikkertje met mijn kleinzoon maar mijn man slaat me",
        {"crisis": "veilig_thuis"},
    ),
    # Pet guards in Turkish, Arabic, Polish and Ukrainian.
    ("first_message", "köpeğim düştü ve kalkamıyor", {"crisis": None}),
    ("first_message", "köpeğim kanıyor, veteriner lazım", {"crisis": None}),
    ("first_message", "babam düştü ve kalkamıyor", {"crisis": "112"}),
    ("first_message", "كلبي سقط ولا يستطيع النهوض", {"crisis": None}),
    ("first_message", "كلبي ينزف", {"crisis": None}),
    ("first_message", "kot spadł i nie może wstać", {"crisis": None}),
    ("first_message", "pies krwawi mocno, jedziemy do weterynarza", {"crisis": None}),
    ("first_message", "tata upadł i nie może wstać", {"crisis": "112"}),
    ("first_message", "кіт впав і не може встати", {"crisis": None}),
    ("first_message", "собака кровоточить, потрібен ветеринар", {"crisis": None}),
    ("first_message", "мама впала і не може встати", {"crisis": "112"}),
    # A pet named beside a person in need does not calm them.
    ("first_message", "babam düştü kalkamıyor, köpek havlıyor", {"crisis": "112"}),
    ("first_message", "kocam beni dövüyor, kedim de korkuyor", {"crisis": "veilig_thuis"}),
    ("first_message", "tata nie oddycha, pies leży obok", {"crisis": "112"}),
    ("first_message", "mąż mnie bije, a pies się boi", {"crisis": "veilig_thuis"}),
    ("first_message", "мама впала і не може встати, собака гавкає", {"crisis": "112"}),
    ("first_message", "أمي سقطت ولا تستطيع النهوض والكلب ينبح", {"crisis": "112"}),
    # A bird, a budgie: animals too.
    ("first_message", "mijn parkiet ademt niet meer", {"crisis": None}),
    ("first_message", "mijn parkiet is dood en mijn man ademt niet meer", {"crisis": "112"}),
    # Laughing until one's chest hurts is an idiom.
    ("first_message", "ik had pijn op mijn borst van het lachen", {"crisis": None}),
    ("first_message", "ik heb ineens pijn op de borst", {"crisis": "112"}),
    # All one's sleeping pills taken (not 'al mijn pillen', the daily medicine).
    ("first_message", "i swallowed all my sleeping tablets", {"crisis": "113"}),
    ("first_message", "ik heb al mijn slaappillen ingenomen", {"crisis": "113"}),
    ("first_message", "ik heb al mijn slaappillen opgehaald bij de apotheek", {"crisis": None}),
    ("first_message", "ik heb al mijn pillen ingenomen", {"crisis": None}),
    # Lying for hours in the bathroom or the hall.
    ("first_message", "mijn moeder ligt al sinds vanochtend in de gang", {"crisis": "112"}),
    ("first_message", "de hond ligt al uren in de gang te slapen", {"crisis": None}),
    ("first_message", "ik lig al uren in de badkamer met een gezichtsmasker haha", {"crisis": None}),
    ("first_message", "ik lig al uren op de grond haha kan niet opstaan", {"crisis": "112"}),
    # Batch 2's fixes: thinking it over (not only "denk erover"), a pack eaten empty, a leg lying askew,
    # fed up with a device.
    ("checkin", "ik heb er over nagedacht om voor een trein te springen", {"crisis": "113"}),
    ("first_message", "ik heb een doos bonbons leeg gegeten", {"crisis": None}),
    ("first_message", "ik heb een strip oxazepam leeg gegeten", {"crisis": "113"}),
    ("first_message", "ik ben gevallen en mijn been ligt raar scheef", {"crisis": "112"}),
    ("first_message", "mijn been ligt scheef in het gips maar het geneest goed", {"crisis": None}),
    ("any_state", "ik heb het leven zat met die computer", {"crisis": None}),
    ("any_state", "ik heb het leven zat", {"crisis": "113"}),
    # An intention to end a thing: the intend-and-end-it rule is calmed by a thing ended (round 17's
    # `end_it_thing`), now that "erover nagedacht om" is an intention.
    ("first_message", "ik heb erover nagedacht om er een eind aan te maken met de club", {"crisis": None}),
    ("first_message", "ik denk erover om er een eind aan te maken met de club", {"crisis": None}),
    ("first_message", "ik denk erover om er een eind aan te maken met pillen", {"crisis": "113"}),
    ("first_message", "ik heb erover nagedacht om er een eind aan te maken", {"crisis": "113"}),
]


@pytest.mark.parametrize(("context", "text", "holds"), FAMILIES, ids=[text[:60] for _, text, _ in FAMILIES])
def test_each_paraphrase_of_a_mechanism_reads_as_its_family(
    context: str, text: str, holds: dict[str, Any]
) -> None:
    assert_family_reads(context, text, holds)
