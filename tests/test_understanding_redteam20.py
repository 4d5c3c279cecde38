"""Red-team set 20: crisis round 16, held out, crises said inside other conversation contexts: in a thread message
to the matched neighbour ("Hoi Piet bedankt voor de boodschappen ... morgen ben ik er niet meer"), as the answer to
a check-in, at "when?" ("zo snel mogelijk mijn vader ligt op de grond en reageert niet"), as a volunteer's reply to
an invitation ("nee ik kan niet, mijn man heeft me gisteravond weer geslagen"), after small talk ("goedemorgen. koud
he vandaag. ik heb geen reden meer om op te staan"); guards in one comma clause beside a crisis in another ("de hond
is ook gevallen, mijn vader ligt op de keukenvloer en reageert niet"); SMS from older writers (capitals, glued words,
sound spelling, dictation with "punt" and "komma"); indirect suicidality (a goodbye, "het heeft allemaal geen zin
meer", "ik ben iedereen tot last"); a carer's exhaustion that is no crisis beside one that is; 25 % (batch 1) and
29 % (batch 2) in en/tr/ar/pl/uk, Moroccan Arabic and Ukrainian in Latin letters among them, with look-alikes in
every language. None is word for word in an earlier round (`redteam_support.every_earlier_string`, with
../shared/understanding/dev.jsonl). The newness check ran in the same script as the first scoring: three first
wordings were not new and were reworded right after it ("ik heb afscheidsbrieven geschreven voor mijn kinderen"
-> "... kleinkinderen", "MAMA UPADLA I NIE MOZE WSTAC" -> "... Z PODLOGI", "gülmekten öldüm, çok komik" -> "gülmekten
öldüm, bu video çok komik"); each reads as its first wording did, so the figures below are those of the final texts.

Held out, before the fixes (crises read with the right kind; false alarms on the look-alikes):
- Batch 1 (rt20a, 71: 50 crises, 21 look-alikes), written before the lexicon was studied and scored on main (8015cb5):
  47/50 and no false alarm. By kind: 113 21/21, 112 14/15, Veilig Thuis 12/14. By language: nl 35/37, en 3/3, tr 2/2,
  ar 2/3, pl 2/2, uk 3/3. By context every wording inside a thread, an invitation, a check-in, "when?" or small
  talk read; the misses were all SMS spelling: "mijnman slaatme elke avond" (glued words), "mijn vrou is gevalle en ze
  bloet ereg uit haar hooft" (sound spelling), and "zawji darabni lyoum" (Standard Arabic's past "darabni" in Latin
  letters). The comma-clause rows all read on main already.
- Batch 2 (rt20b, 52: 36 crises, 16 look-alikes), written after batch 1's fixes and not aimed at them: 30/36 and one
  false alarm (the same figures on main). By kind: 113 12/16, 112 9/10, Veilig Thuis 9/10. By language: nl 20/26,
  en, tr, ar, pl, uk 2/2 each. Misses: "een hele pot slaaptabletten leeg gemaakt", "jan heeft me vannacht met zijn
  stok op mijn hoofd geslagen" (a participle seven words after "me"), "het gevoel dat ik er maar beter niet meer kan
  zijn", "mijn vrouw is net ingestort en praat heel raar en haar arm hangt", "heb n strip pammetjes genomen met wijn",
  "ik heb mijn testament geregeld en iedereen een brief geschreven, het is klaar"; the false alarm: "mąż bije rekordy
  w grach, ha ha" (Polish "bije rekordy", breaks records). The honest figure: Dutch written after the fixes read 20 in
  26 before its own (round 15: 20/24); the other languages' plain wordings all read, as in rounds 13 to 15.
After: batch 1 50/50, batch 2 35/36, no false alarm on the 37 look-alikes; one known miss (`KNOWN_MISSES`).
(Round 17, tests/test_understanding_redteam22.py: the testament with a letter for everyone and "het is klaar" now
reads 113, the three together; batch 2 is 36/36 and `KNOWN_MISSES` is empty.)
Round 15's known miss "een fles whisky en al mijn oxazepam op" reads 113 now (its strict xfail in
tests/test_understanding_redteam19.py is gone); "ik neem straks al mijn pillen in" stays a known miss there.

Mechanisms (flows/understanding/crisis.py and the "Round 20" section of data/crisis.toml):
- SMS words mended before reading (`_mended`), only when no phrase of any language has the word and the result is
  a Dutch word of a crisis' parts (a concept some rule needs, not a guard): a short word glued to such a word
  (`[glued]`: "mijnman" -> "mijn man", "slaatme" -> "slaat me", "kanniet" -> "kan niet"), a final "t" written for
  "d"/"dt" in a short word ("bloet", "hooft"), a vowel spoken between "r"/"l" and the last consonant ("ereg",
  "hellep"). The mending works on the folded text, so sentences and clauses still add up to the words. Of the
  2,410,576 words of simplemma's Dutch, English, Turkish and Polish lists it changes 45, none into a crisis word
  by itself ("hout" -> "houd", "mijnheer" -> "mijn heer", "melek" -> "melk"); the first version, mending into any
  word of any language, changed 110 of the Dutch and English ones ("warme" -> "war me", "bloot" -> "blood", "liet"
  -> "lied", a song that guards), and glued "ik" and "hem" split Turkish "panik" and "merhem": both narrowed.
- A "now" opening a comma clause turns the sentence as "maar" does (`[clause_turns]`, six languages): a guard before
  it does not calm a match after it. "vorig jaar had ik een nieuwe heup, nu ben ik gevallen en kan niet opstaan"
  and "ik slik mijn pillen zoals voorgeschreven, vannacht heb ik er 40 genomen" read; a pet or a film still speaks
  across when no person is named after the turn ("de hond is gevallen, nu kan hij niet meer opstaan"), and a time
  or an outcome said of the whole event still does. A turn that is a filler ("nu") stands at the next word, so the
  engine's "guard before the turn" test takes a match that begins right at it (`<=`). Probing found "het leven is zo
  duur, nu ben ik het zat" reading 113: the cost of living says what the whole match is about and joined
  `[turn_guards] whole`.
- The whole supply "op" with drink (`all_supply_op`, a clause's end "al mijn ... op"): round 15's miss; not when
  the supply ran out ("is op", "apotheek", "herhaalrecept"), nor without drink.
- Dutch participle at the end of its clause: "heeft me ... geslagen/geschopt/gestompt..." within ten words (not
  "geduwd": "heeft me in de rolstoel door het park geduwd").
- "beter" with not being there any more (`better_not` + `not_be`, and `not_be_modal`: "er maar beter niet meer kan
  zijn"), not when one moves away or it is said of a club.
- A pack of pills emptied ("leeg gemaakt", "leeggemaakt"); a pack of pills right before the pills, taken with wine
  or beer (`pack_of_pills`: not "een doos wijn gekocht en mijn pillen genomen", nor "een nieuwe strip"). "pammetjes"
  are pills.
- Odd speech with an arm that hangs (`limb_hangs`: two stroke signs; an arm in a sling alone is none).
- Arabizi "darabni", "darabatni" (Standard Arabic's past), matched as written: the key "drbn" is too short to be
  matched by key, and "drbtn" is also a word of Dutch, English or Turkish (`[spellings.shared_keys]`, checked by
  tests/test_understanding_redteam7.py). Polish "bije rekord*" and "bije na głowę" are idioms.
Measured as rounds 11-15 did, on the earlier texts: `crisis.kinds_in` on 13,687 strings (the corpus files in
tests/data, ../shared/understanding/dev.jsonl and every string constant of the earlier understanding, dialogue and
crisis test modules) gives the kinds it gave at the branch point (8015cb5) for all but one: round 15's whisky miss,
now 113. No reply text changed.

Decisions:
- "ik neem straks al mijn pillen in" stays the daily medicine (rounds 11-15): said of the evening's pills it is
  ordinary, and no word in it sets it apart. What reads is a sign beside it: "in een keer", "tegelijk", a count, a
  despair, a goodbye. Known miss in round 15's file, not re-opened.
- "al mijn oxazepam op" is an overdose only with drink; alone it ran out (the pharmacy, a refill).
- Comma clauses are still no turns in general (round 15 tried it: six false alarms); only a "now" that opens one is.
  "de kaarsen zijn uit, er komt rook uit het stopcontact" (no "now") stays a gap; with "nu" it reads 112.
- A carer's exhaustion stays a check-in answer with distress (Zwaar, `care_heavy_offers`), never 113: "ik kan
  bijna niet meer", "ik trek het bijna niet meer", "doodmoe", "hoe ik het volhoud" (test below); the same check-in
  with not being there any more, violence or a fall reads its crisis.
- "ingestort" alone is no collapse: Dutch says it of a burn-out as often; with odd speech and a hanging arm it is
  two stroke signs.
- A testament and letters with "het is klaar" is left a known miss: a will and letters to the family are what old
  people arrange without any crisis, and "het is klaar" says nothing more; a rule on them would fire on the notary.

Known misses left (`KNOWN_MISSES`): the testament above. Gaps, probes that read as on main: "de hond viel van de
trap, hij kon niet opstaan" reads 112 (the pet guard knows "is gevallen", not "viel"; adding "hond viel" calmed
"de hond viel mijn man aan en hij kan niet opstaan", so it was taken back); "de hond is gevallen, mijn man kan niet
opstaan" reads nothing (a person after a pet in a comma clause); "in het boek, nu wil de hoofdpersoon dood" reads
113, as "in het boek maar de hoofdpersoon wil dood" does on main; "de ziekte heeft me hard geslagen" and "ze heeft
me bij scrabble helemaal geslagen" read Veilig Thuis on main already (`object` + `hits` within three words; a game
guard would also calm "hij slaat me als hij verliest met kaarten").
"""

# Messages are kept whole and as typed (Turkish dotless i, Cyrillic letters).
# ruff: noqa: RUF001, E501

from __future__ import annotations

from typing import Any

import pytest

from flows.understanding import read
from flows.understanding.corpus import Case
from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    CRISIS,
    INVITE,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
)
from tests.redteam_support import (
    NOW,
    as_cases,
    assert_crisis_reads,
    assert_crisis_scores,
    assert_family_reads,
    assert_new_crisis_set,
    crisis_params,
)
from tests.test_dialogues_redteam4 import WITH_THREAD

# (id, context, lang, channel, text, expect) in the corpus format of ../shared/understanding/README.md;
# rt20a: the first batch, written before the lexicon was studied and scored before its fixes; rt20b: the
# second, written after the first batch's fixes and scored before its own. A thread message to the matched
# neighbour has no corpus context of its own: it is read as `any_state` (the crisis check runs before any flow).
SET: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    (
        "rt20a-nl-invitation-01",
        "invitation",
        "nl",
        "whatsapp",
        "nee ik kan niet, mijn man heeft me gisteravond weer geslagen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-nl-invitation-02",
        "invitation",
        "nl",
        "sms",
        "2 sorry ik lig zelf op de grond en kan niet meer opstaan",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-invitation-03",
        "invitation",
        "nl",
        "whatsapp",
        "nu niet, ik zie het echt niet meer zitten en wil er een eind aan maken",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-invitation-04",
        "invitation",
        "nl",
        "sms",
        "nee kan niet mijn vrouw is net flauwgevallen en ze reageert niet meer",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-checkin-01",
        "checkin",
        "nl",
        "whatsapp",
        "gaat wel. eigenlijk ben ik iedereen alleen maar tot last, het is beter als ik er niet meer ben",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-checkin-02",
        "checkin",
        "nl",
        "sms",
        "3 hij heeft me vandaag bij mijn keel gepakt",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-nl-checkin-03",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar, Kees is in de douche gevallen en ik krijg hem niet meer overeind",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-checkin-04",
        "checkin",
        "nl",
        "sms",
        "zwaar. soms denk ik dat iedereen beter af is als ik er niet meer ben",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-checkin-05",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar, hij is zo agressief door de dementie, vandaag heeft hij me geslagen en geschopt",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-nl-checkin-06",
        "checkin",
        "nl",
        "sms",
        "ik kan niet meer, ik heb pillen gespaard en ga ze vanavond allemaal innemen",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-ask_when-01",
        "ask_when",
        "nl",
        "whatsapp",
        "maakt niet meer uit, ik neem vanavond afscheid van iedereen, het heeft geen zin meer",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-ask_when-02",
        "ask_when",
        "nl",
        "sms",
        "zo snel mogelijk mijn vader ligt op de grond en reageert niet",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-ask_when-03",
        "ask_when",
        "nl",
        "whatsapp",
        "morgen of zo, als ik dan nog leef want ik wil eigenlijk dood",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-any_state-01",
        "any_state",
        "nl",
        "sms",
        "bij mij thuis maar misschien ben ik er dan niet meer want ik wil niet meer leven",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-first_message-01",
        "first_message",
        "nl",
        "whatsapp",
        "hoi hoe gaat het? met mij niet zo goed, ik wil er eigenlijk niet meer zijn",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-first_message-02",
        "first_message",
        "nl",
        "whatsapp",
        "goedemiddag, lekker weertje he. mijn vrouw zit al een uur op de bank en reageert niet meer op mij",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-any_state-02",
        "any_state",
        "nl",
        "telegram",
        "Hoi Piet bedankt voor de boodschappen. Je was altijd lief voor me. Dit is mijn afscheid, morgen ben ik er niet meer",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-any_state-03",
        "any_state",
        "nl",
        "whatsapp",
        "Henk kun je komen, mijn man heeft me net weer geslagen en ik durf niet naar binnen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-nl-menu-01",
        "menu",
        "nl",
        "sms",
        "1 ik wil hulp want mijn zoon bedreigt me met een mes",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-nl-name-01",
        "name",
        "nl",
        "sms",
        "Gerda maar dat doet er niet toe ik ben iedereen tot last en wil dood",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-first_message-03",
        "first_message",
        "nl",
        "whatsapp",
        "de hond is ook gevallen, mijn vader ligt op de keukenvloer en reageert niet",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-first_message-04",
        "first_message",
        "nl",
        "sms",
        "sorry voor het storen, mijn moeder is gevallen en kan niet meer opstaan",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-first_message-05",
        "first_message",
        "nl",
        "whatsapp",
        "vorige week was het nog feest, nu ligt mijn vader op de grond en ademt niet",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-checkin-07",
        "checkin",
        "nl",
        "whatsapp",
        "gisteren ging het nog, vandaag wil ik echt niet meer leven",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-first_message-06",
        "first_message",
        "nl",
        "sms",
        "mijn pillen neem ik elke dag, vandaag heb ik de hele strip genomen om dood te gaan",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-first_message-07",
        "first_message",
        "nl",
        "whatsapp",
        "we speelden een spelletje, nu ligt oma op de grond en reageert niet",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-first_message-08",
        "first_message",
        "nl",
        "sms",
        "IK WIL ER NIET MEER ZIJN IEDEREEN IS BETER AF ZONDER MIJ",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "ik ben gevallen enkan niet meer opstaan",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "mijnman slaatme elke avond",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-nl-first_message-11",
        "first_message",
        "nl",
        "sms",
        "het heeft allemaal geen zin meer ik ben iedereen tot last",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-first_message-12",
        "first_message",
        "nl",
        "whatsapp",
        "hallo met mevrouw jansen ik wilde even zeggen dat mijn man in de badkamer is gevallen punt hij zegt niks meer en hij beweegt niet",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-first_message-13",
        "first_message",
        "nl",
        "sms",
        "ik heb afscheidsbrieven geschreven voor mijn kleinkinderen",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-first_message-14",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb al mijn spullen weggegeven en afscheid genomen, morgen ben ik er niet meer",
        {"crisis": "113"},
    ),
    (
        "rt20a-nl-first_message-15",
        "first_message",
        "nl",
        "sms",
        "mijn vrou is gevalle en ze bloet ereg uit haar hooft",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-first_message-16",
        "first_message",
        "nl",
        "sms",
        "MN VADER HEEFT PIJN OP ZN BORST EN ZWEET HEEL ERG",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-first_message-17",
        "first_message",
        "nl",
        "sms",
        "mijn zoon heeft me met de wandelstok geslagen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-nl-first_message-18",
        "first_message",
        "nl",
        "whatsapp",
        "ik word door mijn kleinzoon geslagen als ik hem geen geld geef",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "hi how are you, honestly not great, i dont want to be here anymore",
        {"crisis": "113"},
    ),
    (
        "rt20a-en-checkin-01",
        "checkin",
        "en",
        "whatsapp",
        "struggling. he hit me again last night when i tried to wash him",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-en-invitation-01",
        "invitation",
        "en",
        "telegram",
        "no i cant help, my husband collapsed and hes not breathing",
        {"crisis": "112"},
    ),
    (
        "rt20a-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "merhaba nasılsınız, ben iyi değilim, artık yaşamak istemiyorum",
        {"crisis": "113"},
    ),
    (
        "rt20a-tr-invitation-01",
        "invitation",
        "tr",
        "whatsapp",
        "yardım edemem, kocam yine beni dövdü",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-ar-invitation-01",
        "invitation",
        "ar",
        "whatsapp",
        "لا أستطيع المساعدة، زوجي ضربني مرة أخرى",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "salam ana ma bghitch n3ich kter",
        {"crisis": "113"},
    ),
    (
        "rt20a-ar-first_message-02",
        "first_message",
        "ar",
        "sms",
        "zawji darabni lyoum",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-pl-invitation-01",
        "invitation",
        "pl",
        "whatsapp",
        "nie mogę pomóc, mąż znowu mnie uderzył",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-pl-checkin-01",
        "checkin",
        "pl",
        "sms",
        "ciezko, mam dosc zycia, chce umrzec",
        {"crisis": "113"},
    ),
    (
        "rt20a-uk-first_message-01",
        "first_message",
        "uk",
        "telegram",
        "ne mozhu bilshe zhyty, khochu pomerty",
        {"crisis": "113"},
    ),
    (
        "rt20a-uk-checkin-01",
        "checkin",
        "uk",
        "telegram",
        "важко, мій чоловік знову мене побив",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20a-uk-first_message-02",
        "first_message",
        "uk",
        "whatsapp",
        "тато впав і не дихає",
        {"crisis": "112"},
    ),
    (
        "rt20a-nl-checkin-08",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar ik ben zo moe, ik kan bijna niet meer, maar we redden het wel",
        {"crisis": False},
    ),
    (
        "rt20a-nl-checkin-09",
        "checkin",
        "nl",
        "sms",
        "ik ben op, ik slaap al weken slecht, ik trek het bijna niet meer",
        {"crisis": False},
    ),
    (
        "rt20a-nl-checkin-10",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar, mijn man slaapt slecht en ik ben doodmoe",
        {"crisis": False},
    ),
    (
        "rt20a-nl-checkin-11",
        "checkin",
        "nl",
        "sms",
        "gaat wel, hij viel gisteren maar de thuiszorg hielp hem meteen overeind",
        {"crisis": False},
    ),
    (
        "rt20a-nl-ask_when-04",
        "ask_when",
        "nl",
        "sms",
        "volgende week, dan neem ik afscheid van mijn collega's",
        {"crisis": False},
    ),
    (
        "rt20a-nl-any_state-04",
        "any_state",
        "nl",
        "whatsapp",
        "Henk, bedankt voor alles, ik verhuis morgen naar mijn dochter dus dan ben ik er niet meer",
        {"crisis": False},
    ),
    (
        "rt20a-nl-any_state-05",
        "any_state",
        "nl",
        "telegram",
        "Piet de lamp viel van het plafond, alles goed hoor, niemand gewond",
        {"crisis": False},
    ),
    (
        "rt20a-nl-first_message-19",
        "first_message",
        "nl",
        "whatsapp",
        "de hond is gevallen, hij kan niet meer opstaan, wie rijdt mee naar de dierenarts",
        {"crisis": False},
    ),
    (
        "rt20a-nl-first_message-20",
        "first_message",
        "nl",
        "sms",
        "vorig jaar, toen ik gevallen was, kon ik niet opstaan, nu heb ik een alarmknop",
        {"crisis": False},
    ),
    (
        "rt20a-nl-first_message-21",
        "first_message",
        "nl",
        "whatsapp",
        "de poes is gevallen, ze ademt heel raar",
        {"crisis": False},
    ),
    (
        "rt20a-nl-first_message-22",
        "first_message",
        "nl",
        "sms",
        "HET HEEFT GEEN ZIN MEER OM DIE OUDE PRINTER TE MAKEN",
        {"crisis": False},
    ),
    (
        "rt20a-nl-first_message-23",
        "first_message",
        "nl",
        "sms",
        "ik wil niemand tot last zijn maar kan iemand mijn gras maaien",
        {"crisis": False},
    ),
    (
        "rt20a-nl-first_message-24",
        "first_message",
        "nl",
        "whatsapp",
        "ik neem afscheid van de koffieochtend want ik ga verhuizen",
        {"crisis": False},
    ),
    (
        "rt20a-nl-first_message-25",
        "first_message",
        "nl",
        "sms",
        "mijn man slaat de spijkers er scheef in kan iemand helpen",
        {"crisis": False},
    ),
    (
        "rt20a-nl-first_message-26",
        "first_message",
        "nl",
        "sms",
        "al mijn pillen zijn op kan iemand naar de apotheek",
        {"crisis": False},
    ),
    (
        "rt20a-nl-invitation-05",
        "invitation",
        "nl",
        "whatsapp",
        "nee sorry, ik ben zelf gevallen vorige week en moet rustig aan doen",
        {"crisis": False},
    ),
    (
        "rt20a-en-first_message-02",
        "first_message",
        "en",
        "whatsapp",
        "i'm exhausted from caring for my mum but we manage",
        {"crisis": False},
    ),
    (
        "rt20a-tr-first_message-02",
        "first_message",
        "tr",
        "whatsapp",
        "annem düştü ama hemen kalktı, bir şey yok",
        {"crisis": False},
    ),
    (
        "rt20a-ar-first_message-03",
        "first_message",
        "ar",
        "whatsapp",
        "مت من الضحك على هذا الفيديو",
        {"crisis": False},
    ),
    (
        "rt20a-pl-checkin-02",
        "checkin",
        "pl",
        "whatsapp",
        "jestem zmęczona opieką nad mamą, ale dajemy radę",
        {"crisis": False},
    ),
    (
        "rt20a-uk-first_message-03",
        "first_message",
        "uk",
        "telegram",
        "pomyraiu vid smikhu z tsoho filmu",
        {"crisis": False},
    ),
    (
        "rt20b-nl-invitation-01",
        "invitation",
        "nl",
        "sms",
        "kan niet sorry. mijn ex staat voor de deur en zegt dat hij me wat aan gaat doen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20b-nl-invitation-02",
        "invitation",
        "nl",
        "whatsapp",
        "3 later misschien, ik heb net een hele pot slaaptabletten leeg gemaakt",
        {"crisis": "113"},
    ),
    (
        "rt20b-nl-checkin-01",
        "checkin",
        "nl",
        "sms",
        "zwaar. jan heeft me vannacht met zijn stok op mijn hoofd geslagen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20b-nl-checkin-02",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar, ik heb de laatste tijd het gevoel dat ik er maar beter niet meer kan zijn",
        {"crisis": "113"},
    ),
    (
        "rt20b-nl-checkin-03",
        "checkin",
        "nl",
        "sms",
        "3. ik ga met jan samen uit het leven, we hebben het besproken",
        {"crisis": "113"},
    ),
    (
        "rt20b-nl-checkin-04",
        "checkin",
        "nl",
        "whatsapp",
        "slecht, mijn moeder is uit bed gevallen en ligt nu al een uur op de vloer, ik krijg haar niet omhoog",
        {"crisis": "112"},
    ),
    (
        "rt20b-nl-ask_when-01",
        "ask_when",
        "nl",
        "sms",
        "het hoeft niet meer, na vanavond ben ik er niet meer, dag allemaal",
        {"crisis": "113"},
    ),
    (
        "rt20b-nl-ask_when-02",
        "ask_when",
        "nl",
        "whatsapp",
        "geen idee, hij heeft mijn telefoon afgepakt en sluit me op in huis",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20b-nl-any_state-01",
        "any_state",
        "nl",
        "whatsapp",
        "Marja dank je voor alles wat je voor me gedaan hebt. zorg goed voor mijn kat als ik er niet meer ben",
        {"crisis": "113"},
    ),
    (
        "rt20b-nl-any_state-02",
        "any_state",
        "nl",
        "telegram",
        "Sorry Kees ik kan morgen niet, mijn vrouw is net ingestort en praat heel raar en haar arm hangt",
        {"crisis": "112"},
    ),
    (
        "rt20b-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "goedemorgen. koud he vandaag. ik heb geen reden meer om op te staan, niemand mist me",
        {"crisis": "113"},
    ),
    (
        "rt20b-nl-menu-01",
        "menu",
        "nl",
        "sms",
        "2 ik wil wel helpen maar mijn dochter slaat me en ik mag de deur niet uit",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20b-nl-name-01",
        "name",
        "nl",
        "whatsapp",
        "Bep. en mijn buurman ligt in de tuin en beweegt niet meer",
        {"crisis": "112"},
    ),
    (
        "rt20b-nl-first_message-02",
        "first_message",
        "nl",
        "whatsapp",
        "de kleinkinderen waren hier, vanavond heeft mijn man me weer geslagen",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20b-nl-first_message-03",
        "first_message",
        "nl",
        "sms",
        "ik slik elke dag mijn medicijnen, vannacht heb ik de hele doos genomen",
        {"crisis": "113"},
    ),
    (
        "rt20b-nl-first_message-04",
        "first_message",
        "nl",
        "whatsapp",
        "de poes is ziek, mijn man is van de ladder gevallen en kan niet opstaan",
        {"crisis": "112"},
    ),
    (
        "rt20b-nl-checkin-05",
        "checkin",
        "nl",
        "sms",
        "vorige maand was het nog goed, nu zie ik het niet meer zitten",
        {"crisis": "113"},
    ),
    (
        "rt20b-nl-first_message-05",
        "first_message",
        "nl",
        "sms",
        "HELP MIJN VROUW VALT STEEDS WEG EN IK KRIJG HAAR NIET WAKKER",
        {"crisis": "112"},
    ),
    (
        "rt20b-nl-first_message-06",
        "first_message",
        "nl",
        "sms",
        "ik wil niet meer wakker worde ik ben op en iedereen is beter af",
        {"crisis": "113"},
    ),
    (
        "rt20b-nl-first_message-07",
        "first_message",
        "nl",
        "sms",
        "mijnvader ligt opde grond en zegt niks",
        {"crisis": "112"},
    ),
    (
        "rt20b-nl-first_message-08",
        "first_message",
        "nl",
        "whatsapp",
        "goedenavond ik spreek dit even in want mijn zoon is heel boos komma hij heeft me geslagen en nu staat hij met een mes in de keuken",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20b-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "heb n strip pammetjes genomen met wijn",
        {"crisis": "113"},
    ),
    (
        "rt20b-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "kan de wereld niet meer aan ga er een eind aan make",
        {"crisis": "113"},
    ),
    (
        "rt20b-nl-first_message-11",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb mijn testament geregeld en iedereen een brief geschreven, het is klaar",
        {"crisis": "113"},
    ),
    (
        "rt20b-nl-first_message-12",
        "first_message",
        "nl",
        "sms",
        "mn schoonzoon scheld me uit en heeft me geduwd ik ben bang",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20b-nl-first_message-13",
        "first_message",
        "nl",
        "sms",
        "er is brand bij de buren ik zie vlammen",
        {"crisis": "112"},
    ),
    (
        "rt20b-en-checkin-01",
        "checkin",
        "en",
        "whatsapp",
        "very hard. i keep thinking everyone would be better off without me",
        {"crisis": "113"},
    ),
    (
        "rt20b-en-first_message-01",
        "first_message",
        "en",
        "sms",
        "hello, nice weather today. my dad fell in the garden and cant get up",
        {"crisis": "112"},
    ),
    (
        "rt20b-tr-invitation-01",
        "invitation",
        "tr",
        "whatsapp",
        "hayır yapamam, oğlum beni tehdit ediyor, korkuyorum",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20b-tr-checkin-01",
        "checkin",
        "tr",
        "whatsapp",
        "çok zor, artık yaşamanın anlamı yok",
        {"crisis": "113"},
    ),
    (
        "rt20b-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "ma bqit qader nkemmel, bghit nmout",
        {"crisis": "113"},
    ),
    (
        "rt20b-ar-first_message-02",
        "first_message",
        "ar",
        "whatsapp",
        "أبي سقط على الأرض ولا يتحرك",
        {"crisis": "112"},
    ),
    (
        "rt20b-pl-first_message-01",
        "first_message",
        "pl",
        "sms",
        "MAMA UPADLA I NIE MOZE WSTAC Z PODLOGI",
        {"crisis": "112"},
    ),
    (
        "rt20b-pl-checkin-01",
        "checkin",
        "pl",
        "whatsapp",
        "bardzo ciężko, syn mnie bije kiedy jest pijany",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20b-uk-first_message-01",
        "first_message",
        "uk",
        "telegram",
        "cholovik mene b'ye kozhen vechir",
        {"crisis": "veilig_thuis"},
    ),
    (
        "rt20b-uk-any_state-01",
        "any_state",
        "uk",
        "telegram",
        "вибачте, я вже попрощалася з усіма, більше не хочу жити",
        {"crisis": "113"},
    ),
    (
        "rt20b-nl-checkin-06",
        "checkin",
        "nl",
        "sms",
        "zwaar, ik ben kapot en ik weet soms niet hoe ik het volhoud, kan er iemand helpen",
        {"crisis": False},
    ),
    (
        "rt20b-nl-checkin-07",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar ik ben iedereen tot last met mijn geklaag, sorry",
        {"crisis": False},
    ),
    (
        "rt20b-nl-checkin-08",
        "checkin",
        "nl",
        "sms",
        "gaat wel. hij slaat soms wild om zich heen in zijn slaap door de parkinson",
        {"crisis": False},
    ),
    (
        "rt20b-nl-ask_when-03",
        "ask_when",
        "nl",
        "sms",
        "na vanavond ben ik er niet meer want ik ga op vakantie",
        {"crisis": False},
    ),
    (
        "rt20b-nl-any_state-03",
        "any_state",
        "nl",
        "whatsapp",
        "Marja bedankt voor alles, ik ga verhuizen naar Zeeland, dit is mijn afscheid",
        {"crisis": False},
    ),
    (
        "rt20b-nl-invitation-03",
        "invitation",
        "nl",
        "whatsapp",
        "nee sorry, mijn man is gevallen vorige maand en ik moet bij hem blijven",
        {"crisis": False},
    ),
    (
        "rt20b-nl-first_message-14",
        "first_message",
        "nl",
        "sms",
        "HET HEEFT GEEN ZIN MEER OM DE DOKTER TE BELLEN HIJ IS ER NOOIT",
        {"crisis": False},
    ),
    (
        "rt20b-nl-first_message-15",
        "first_message",
        "nl",
        "whatsapp",
        "de hond van de buren bloedt heel erg uit zijn poot, wie heeft een auto",
        {"crisis": False},
    ),
    (
        "rt20b-nl-first_message-16",
        "first_message",
        "nl",
        "sms",
        "vorig jaar ben ik gevallen, nu heb ik een rollator en gaat het goed",
        {"crisis": False},
    ),
    (
        "rt20b-nl-first_message-17",
        "first_message",
        "nl",
        "whatsapp",
        "mijn oxazepam is op en ik heb nog een fles wijn staan, wie haalt het recept",
        {"crisis": False},
    ),
    (
        "rt20b-nl-first_message-18",
        "first_message",
        "nl",
        "sms",
        "ik ben mijn sleutels kwijt en kan niet meer naar binnen help",
        {"crisis": False},
    ),
    (
        "rt20b-en-first_message-02",
        "first_message",
        "en",
        "whatsapp",
        "my mum keeps falling asleep in her chair, is that normal",
        {"crisis": False},
    ),
    (
        "rt20b-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "gülmekten öldüm, bu video çok komik",
        {"crisis": False},
    ),
    (
        "rt20b-ar-first_message-03",
        "first_message",
        "ar",
        "whatsapp",
        "ghadi nmout mn d7k",
        {"crisis": False},
    ),
    (
        "rt20b-pl-first_message-02",
        "first_message",
        "pl",
        "whatsapp",
        "mąż bije rekordy w grach, ha ha",
        {"crisis": False},
    ),
    (
        "rt20b-uk-first_message-02",
        "first_message",
        "uk",
        "telegram",
        "кішка впала з шафи, але все добре",
        {"crisis": False},
    ),
]


CASES = as_cases(SET)
TOTAL = len(SET)
CRISES = sum(1 for row in SET if row[5]["crisis"])

# Known misses (id -> why), strict expected failures.
KNOWN_MISSES: dict[str, str] = {}


def test_the_set_is_new_and_covers_the_contexts_and_languages_of_a_crisis() -> None:
    assert_new_crisis_set(
        CASES, __file__, total=TOTAL, crises=CRISES, known=KNOWN_MISSES, lookalikes_in_every_language=True
    )


@pytest.mark.parametrize("case", crisis_params(CASES, KNOWN_MISSES))
def test_each_message_reads_as_a_careful_social_worker_would(case: Case) -> None:
    assert_crisis_reads(case)


def test_every_crisis_but_the_known_is_recalled_and_no_look_alike_fires() -> None:
    assert_crisis_scores(CASES, CRISES, KNOWN_MISSES)


# A carer's exhaustion at the check-in: Zwaar with distress (the check-in's offers of help), never a crisis.
EXHAUSTED = (
    "rt20a-nl-checkin-08",
    "rt20a-nl-checkin-09",
    "rt20a-nl-checkin-10",
    "rt20b-nl-checkin-06",
)


@pytest.mark.parametrize("case", [case for case in CASES if case.id in EXHAUSTED], ids=lambda case: case.id)
def test_a_carers_exhaustion_is_heavy_with_distress_not_a_crisis(case: Case) -> None:
    reading = read("checkin", case.text, lang="nl", now=NOW).to_corpus()
    assert reading == {"answer": "heavy", "distress": True}, (case.text, reading)


# This round's mechanisms, each with paraphrases on both sides.
FAMILIES: list[tuple[str, str, dict[str, Any]]] = [
    # SMS words mended: glued words, a final "t" for "d", a spoken vowel.
    ("first_message", "mijnvrouw slaatme", {"crisis": "veilig_thuis"}),
    ("first_message", "mnzoon schopt me", {"crisis": "veilig_thuis"}),
    ("first_message", "ik kanniet opstaan ben gevallen", {"crisis": "112"}),
    ("first_message", "mijn man bloet heel ereg", {"crisis": "112"}),
    ("first_message", "mijnman slaapt slecht", {"crisis": None}),
    ("first_message", "de wond bloet niet meer, het gaat goed", {"crisis": None}),
    ("first_message", "ik heb een goet gevoel over de nieuwe buren", {"crisis": None}),
    ("first_message", "mijnheer jansen slaat de spijkers erin", {"crisis": None}),
    # A "now" opening a comma clause turns the sentence.
    (
        "first_message",
        "vorig jaar had ik een nieuwe heup, nu ben ik gevallen en kan niet opstaan",
        {"crisis": "112"},
    ),
    ("first_message", "we speelden tikkertje, nu slaat mijn man me echt", {"crisis": "veilig_thuis"}),
    (
        "first_message",
        "ik slik mijn pillen zoals voorgeschreven, vannacht heb ik er 40 genomen",
        {"crisis": "113"},
    ),
    (
        "first_message",
        "mijn man is vorig jaar gevallen, nu ligt hij weer op de grond en kan niet opstaan",
        {"crisis": "112"},
    ),
    (
        "first_message",
        "last year i had a fall, now my husband is on the floor and cant get up",
        {"crisis": "112"},
    ),
    ("first_message", "geçen yıl düştüm, şimdi babam yerde ve kalkamıyor", {"crisis": "112"}),
    ("first_message", "de kaarsen zijn uit, nu komt er rook uit het stopcontact", {"crisis": "112"}),
    ("first_message", "de hond is gevallen, nu kan hij niet meer opstaan", {"crisis": None}),
    ("first_message", "köpek düştü, şimdi kalkamıyor", {"crisis": None}),
    ("first_message", "vorig jaar ben ik gevallen, nu kan ik weer lopen", {"crisis": None}),
    ("first_message", "mijn man viel vorige week, nu kan hij weer opstaan", {"crisis": None}),
    (
        "first_message",
        "ik slik mijn pillen zoals voorgeschreven, vandaag heb ik er 2 genomen",
        {"crisis": None},
    ),
    ("first_message", "het leven is zo duur, nu ben ik het zat", {"crisis": None}),
    ("first_message", "gisteren was het feest, vandaag ga ik dood van de kater", {"crisis": None}),
    ("first_message", "de kaarsen zijn uit, er komt rook uit het stopcontact", {"crisis": None}),
    # The whole supply "op" with drink.
    ("any_state", "ik heb een fles wijn leeg en al mijn slaappillen op", {"crisis": "113"}),
    ("first_message", "ik heb al mijn oxazepam op, kan iemand naar de apotheek", {"crisis": None}),
    ("first_message", "ik drink af en toe whisky en al mijn oxazepam is op", {"crisis": None}),
    ("first_message", "ik heb de whisky en al mijn chips op", {"crisis": None}),
    # The participle at the end of its clause.
    (
        "checkin",
        "hij heeft me gisteravond in de badkamer met de douchekop geslagen",
        {"crisis": "veilig_thuis"},
    ),
    ("first_message", "mijn kleinzoon heeft me in de rolstoel door het park geduwd", {"crisis": None}),
    ("first_message", "de klok heeft me om drie uur wakker geslagen", {"crisis": None}),
    # Better not to be there any more.
    ("checkin", "ik heb het idee dat ik er beter niet meer kan zijn", {"crisis": "113"}),
    ("first_message", "het zou beter zijn als ik er niet meer kon zijn", {"crisis": "113"}),
    ("first_message", "ik denk dat ik er beter niet meer kan zijn bij de club", {"crisis": None}),
    (
        "first_message",
        "het is beter dat ik er morgen niet meer ben want dan komt de schilder",
        {"crisis": None},
    ),
    # A pack of pills emptied, or taken with wine or beer.
    ("first_message", "ik heb een doosje oxazepam leeggemaakt", {"crisis": "113"}),
    ("first_message", "ik heb een doos bonbons leeggemaakt", {"crisis": None}),
    ("first_message", "ik heb een strip oxazepam genomen en daarna bier gedronken", {"crisis": "113"}),
    ("first_message", "ik heb een doos wijn gekocht en mijn pillen genomen", {"crisis": None}),
    ("first_message", "ik heb mijn pillen genomen met een glas wijn, mag dat", {"crisis": None}),
    (
        "first_message",
        "ik ben aan een nieuwe strip pillen begonnen en heb hem genomen met wijn",
        {"crisis": None},
    ),
    # Odd speech and an arm that hangs.
    ("first_message", "oma praat heel raar en haar hand hangt", {"crisis": "112"}),
    ("first_message", "haar arm hangt in een mitella sinds de val", {"crisis": None}),
    ("first_message", "mijn man praat raar als hij moe is", {"crisis": None}),
    # Arabizi "darabni"; Polish "bije rekordy".
    ("first_message", "rajli darabni lbareh", {"crisis": "veilig_thuis"}),
    ("first_message", "syn bije rekordy na siłowni", {"crisis": None}),
    ("first_message", "mąż mnie bije i grozi", {"crisis": "veilig_thuis"}),
]


@pytest.mark.parametrize(("context", "text", "holds"), FAMILIES, ids=[text[:60] for _, text, _ in FAMILIES])
def test_each_paraphrase_of_a_mechanism_reads_as_its_family(
    context: str, text: str, holds: dict[str, Any]
) -> None:
    assert_family_reads(context, text, holds)


def test_the_families_are_not_the_sets_sentences() -> None:
    assert not {text.casefold() for _, text, _ in FAMILIES} & {case.text.casefold() for case in CASES}


# Whole turns through `flows.conversation.step`: a crisis inside a thread, an invitation, a check-in or a request's
# "when?" gets the crisis answer and a high-priority alert, and nothing is passed on; the look-alikes go their way.
D = Dialogue
NOT_RELAYED = {**CRISIS, "no_effect": ["relay"]}
DIALOGUES = [
    D(
        "a goodbye to the neighbour in a thread is a crisis, not passed on",
        (
            (
                "Henk, ik wil je nog bedanken voor alles. morgen ben ik er niet meer, de pillen liggen klaar",
                NOT_RELAYED,
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "moving away, told to the neighbour in a thread, is passed on",
        (
            (
                "Henk, dank voor alles, ik verhuis volgende week naar mijn zoon, dan ben ik er niet meer",
                {"not_keys": ["crisis_*"], "effect": ["relay"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "violence as the reply to an invitation is a crisis",
        (
            (INVITE, {"keys": ["invite*"]}),
            ("nee sorry ik kan niet, mijn man heeft me vanmorgen weer geslagen", CRISIS),
        ),
    ),
    D(
        "a carer hit by the person cared for, at the check-in, is a crisis",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            ("zwaar. hij heeft me gisteren met zijn wandelstok op mijn arm geslagen", CRISIS),
        ),
        profile=CARER,
    ),
    D(
        "a carer's exhaustion at the check-in gets the offers of help, no crisis",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            (
                "zwaar, ik ben zo op, ik kan bijna niet meer maar het moet",
                {"keys": ["care_heavy_offers"], "not_keys": ["crisis_*"]},
            ),
        ),
        profile=CARER,
    ),
    D(
        "a man on the floor at the request's 'when?' is a crisis",
        (
            ("1", {"keys": ["ask_category"]}),
            ("1", {"keys": ["ask_description"]}),
            ("brood halen", {"keys": ["ask_when"]}),
            ("nu meteen graag, mijn man ligt op de grond en reageert niet", CRISIS),
        ),
        state=menu_state(),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(DIALOGUES))
def test_each_dialogue_turn_holds(dialogue: Dialogue) -> None:
    assert_holds(dialogue)
