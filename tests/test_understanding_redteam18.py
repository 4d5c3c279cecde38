"""Red-team set 18 ("reading round 18"): held-out reading of the richest keys, in Dutch mostly and English: first
messages and menu answers that carry intent, kind of help and time together (requests, offers such as "ik wil
best helpen met tuinieren op zaterdag", the sociale kaart: schuldhulp, voedselbank, huisarts, Mantelzorglijn,
maatjesproject; the agenda: koffieochtend, wandelgroep, repair café; a person; a greeting), times at "Wanneer?"
and inside first messages in every normal form of ../shared/understanding/README.md (weekdays, parts of day,
"volgende week dinsdag", "overmorgen", "om half 3", "kwart voor 10", "tussen 1 en 3", "na de middag", "voor 9
uur", repeats, dates, "de 12e", "voor 1 mei", "over een uur", "over 2 weken", holidays, two options, asap,
flexible, a change of mind, unclear), and the conditions a volunteer adds to an invitation ("ja, maar niet voor
11 uur", "alleen als het droog is", "ja, zonder tillen"). SMS capitals, typos ("DONDERDG", "volgende weeek"),
fillers, emoji, long polite sentences and short volunteer replies; six look-alikes ("ik word er gek van", "gaat
dood van de honger", "een val gemaakt met de fiets", "I'm dying to", "ik sterf van verveling", "ik val bijna om
van de slaap") are marked `"crisis": false`. None is word for word in an earlier round (`every_earlier_string`).

Held out, before the fixes (as the reader was when each batch was scored):
- Batch 1 (rt18a, 142), written before the word lists were studied: 119/142 (83.8 %), no false alarm (its five
  look-alikes raised none). Three messages first written were word for word in earlier rounds ("volgende week
  dinsdag graag", "om half 3", "ZSM AUB") and were reworded before this figure was taken.
  Per context: first_message 43/50, menu 16/17, ask_when 45/50, invitation 15/25. Per language: nl 96/115,
  en 23/27.
  One expectation was against an earlier round's convention and was corrected after scoring: "ik moet om 3 uur
  weer weg" in an invitation is "before 15:00", not "done before 15:00" (round 8's "ok ik ga wel, maar ik moet
  om 3 uur weer weg"); by it batch 1 read 120/142 (84.5 %), invitation 16/25.
- Batch 2 (rt18b, 52), written after batch 1's fixes and not aimed at them: 45/52 (86.5 %), no false alarm (one
  look-alike, quiet). One message first written was in an earlier round ("liefst begin volgende week") and was
  reworded before scoring.
  Per context: first_message 18/20, menu 8/8, ask_when 13/15, invitation 6/9. Per language: nl 35/41, en 10/11.
  One expectation was corrected after scoring: "... Ik wil graag maatje worden" is an offer of company
  (gezelschap: a maatje is company, and categories.toml lists "maatje" there), not an offer without a kind; it
  stays a miss in the figure (it read as a question for the sociale kaart).
  The honest generalisation figure is 45/52: menus and English carried over almost whole; what failed were a
  second sentence's day taken over the question's ("kan iemand vanavond ...? ik kom pas morgen thuis"), an
  obligation to be home by an hour, a second choice said as "of als dat niet kan", "het middaguur", joining a
  service as its helper, not driving said in English, and "daarna".
After: batch 1 141/142, batch 2 51/52 (the two known misses below), no false alarm. ../shared/understanding/
dev.jsonl 328/328, crises 27/27, 0 false alarms, before and after.
Earlier texts (6,981 readings: the corpora of tests/data, the shared corpus, every red-team module's SET, CASES
and FAMILIES; the crisis file read at first_message, checkin and any_state), read before and after: four
changed, all mended misses. Three falls with the bike in crisis rounds' look-alikes no longer read as bike
repair (round 7's "ik ben gevallen met de fiets ..., wel wat boodschappen nodig" now reads boodschappen: its
known miss is lifted; rounds 4 and 9 check only that they raise no crisis); round 5's "ja maar ik moet om 3 uur
weer thuis zijn voor de kleinkinderen" is "before 15:00" (its known miss lifted). One flow test changed with a
mechanism: tests/test_invitation_conditions.py's "donderdag kan ik niet, vrijdag wel" on a meeting proposal was
words for the other side; it is now a later on Friday, and the same hour on Friday is proposed back, as "morgen
kan ik wel" already was.

Mechanisms (words in flows/understanding/data/*.toml; code only where a rule was missing):
- Times (time_words, time_compose, times): inside a message a weekday's name is forgiven a slip (six letters or
  more, the same first letter, Jaro-Winkler 0.93 to one day of the language, no dictionary word: "DONDERDG",
  "woensdg", "thursdy"; "fridge", "sundae", "zaterdagmarkt" stay as they are); before phrases are matched,
  words that only make a time emphatic are left out (times.toml [strict] softeners: "maakt echt niet uit",
  "really doesn't matter", "niet echt dringend") and a letter stretched inside a word is squeezed to the phrase
  word it stands for ("volgende weeek"); an ordinal written with digits after "op de" / "on the" is a day of
  the month in a message too, unless a noun it counts follows ("op de 3e verdieping"); in a weekly repeat the
  hour says the part of day ("iedere dinsdagochtend om 10 uur" is every tuesday 10:00; "elke ochtend voor 9
  uur" keeps its morning); in a message whose sentences name different days, the day of its one question is
  the day asked for ("kan iemand vanavond ...? ik kom pas morgen thuis" is today evening); "weer thuis zijn"
  with an obligation ("moet") is the time to go ("ik moet om 12 uur weer thuis zijn" is before 12:00; "om 2 uur
  ben ik weer thuis" stays 14:00); "of als dat niet kan", "if that doesn't work" join two choices (their
  negation negates no time); "het middaguur" is 12:00; "a couple of" is two; "wanneer het u schikt" is flexible.
- Invitation conditions (answers.read_invitation, invitation.toml): a negation inside a condition belongs to the
  condition, not the yes ("ja alleen niet zwaar tillen" was a no); a part of day alone is a limit ("wel graag
  voor de middag", "'s middags": "morning only", "afternoon only"); "zonder (zwaar) tillen", "niet te zwaar" are
  no lifting; the weather is a condition of its own, "dry weather only" ("alleen als het droog is", "als het
  niet regent", "as long as it's dry outside", and in the other four languages), a yes when said alone after
  "alleen"; babysitting ("dan pas ik op de kleinkinderen", oppassen) is no "ik pas"; after a no, a clause of its
  own that names another time and turns to it ("..., na het weekend wel", "..., the week after works", "kan ik
  wel") is a later with that time, while "wel" inside a reason stays a no ("nee, ik ben vrijdag wel op
  vakantie"); an answer that opens with "kan" / "can" and holds a time is a yes with it ("kan morgen tussen 2
  en 4"; "kan morgen niet" stays a no); "daarna graag/wel", "afterwards" are a later; "I don't drive", "I'll
  walk" are on foot, and a bike said beside not driving is "by bike, no car" alone.
- Intents (intent.py, intents.toml): a service named only as the place of an errand, after "naar" / "van" /
  "bij", with someone asked and a kind of errand (vervoer, boodschappen) is a request ("kan iemand me elke
  vrijdag naar de dagbesteding brengen", "mijn pakket bij de voedselbank ophalen"; "wie rijdt|brengt|haalt mij"
  asks someone), and so is an offer to take people there ("ik kan wel mensen naar de dagbesteding brengen");
  joining a service as its helper, said by the helper ("ik wil graag maatje worden", "me als vrijwilliger
  aanmelden", "I'd like to volunteer at the food bank") is an offer although the service is named, while
  "zou er een maatje zijn voor mijn vader" and "could someone be a buddy for my dad" are not; "kan ik bij/voor jullie helpen", "maatschappelijke stage",
  "ik kan wel een keer iemand ... rijden" are offers; a practice that takes new people ("een huisarts ... die
  nog nieuwe mensen aanneemt", "is er nog een huisarts") is the sociale kaart.
- Kinds of help (categories.toml idioms): a fall with or off the bike is what happened, not a bike to mend.

Decisions: the round stays in Dutch and English, non-crisis, at the four contexts its keys live in (first_message,
menu, ask_when, invitation). "dry weather only" is a new condition form (flows/conditions.py reads no window
from it, as from "no lifting"; the volunteer's own words still go to the resident). A weekday slip is forgiven
in a message but no other time word: a message is full of words that resemble them. Phrase syntax differs per
reader and was checked for each addition (answers: lexmatch `*`; intents and categories: phrases.py; times:
plain phrases and stems).

Known misses (`KNOWN`, strict xfail) were English "in the mornings" for a dog to walk (the part of day, not
every morning) and "deze week niet, ben op vakantie. daarna graag" (a later without its time); round 19
(tests/test_dialogues_redteam7.py) reads both.
"""

# Messages are kept whole and as typed (emoji).
# ruff: noqa: E501

from __future__ import annotations

from typing import Any

import pytest

from flows.understanding.corpus import Case, score
from tests.redteam_support import NOW, as_cases, assert_case_reads, assert_family_reads, every_earlier_string

# (id, context, lang, channel, text, expect) in the corpus format of ../shared/understanding/README.md;
# rt18a: the first batch, written before the word lists were read; rt18b: the second, written after the
# first batch's fixes and not aimed at them.
SET: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    (
        "rt18a-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "GOEDENDAG IK BEN 84 EN KAN NIET MEER ZELF NAAR DE SUPERMARKT. KAN ER IEMAND DONDERDG VOOR MIJ BOODSCHAPPEN DOEN",
        {"intent": "ask", "category": "boodschappen", "when": "thursday"},
    ),
    (
        "rt18a-nl-first_message-02",
        "first_message",
        "nl",
        "whatsapp",
        "Hoi! Ik wil best helpen met tuinieren op zaterdag 🌱",
        {"intent": "offer", "category": "tuin", "when": "saturday"},
    ),
    (
        "rt18a-nl-first_message-03",
        "first_message",
        "nl",
        "sms",
        "goedemiddag, ik zoek iemand die volgende weeek dinsdag met mij naar het ziekenhuis kan rijden",
        {"intent": "ask", "category": "vervoer", "when": "next tuesday"},
    ),
    (
        "rt18a-nl-first_message-04",
        "first_message",
        "nl",
        "whatsapp",
        "Mijn moeder (91) zit veel alleen. Zou er iemand om de week op woensdag een kopje koffie bij haar willen drinken?",
        {"intent": "ask", "category": "gezelschap", "when": "every other wednesday"},
    ),
    (
        "rt18a-nl-first_message-05",
        "first_message",
        "nl",
        "telegram",
        "kan iemand overmorgen even naar mijn wasmachine kijken, hij lekt",
        {"intent": "ask", "category": "klusjes", "when": "day after tomorrow"},
    ),
    (
        "rt18a-nl-first_message-06",
        "first_message",
        "nl",
        "sms",
        "ik heb een brief van de gemeente over de huurtoeslag die voor 1 december terug moet. wie kan helpen invullen",
        {"intent": "ask", "category": "formulieren", "when": "before december 1"},
    ),
    (
        "rt18a-nl-first_message-07",
        "first_message",
        "nl",
        "whatsapp",
        "Goedemorgen, wie kan mijn hond uitlaten morgen om kwart voor 10? Ik moet naar de tandarts",
        {"intent": "ask", "category": "huisdieren", "when": "tomorrow 09:45"},
    ),
    (
        "rt18a-nl-first_message-08",
        "first_message",
        "nl",
        "sms",
        "Ik ben weduwe en mijn nieuwe telefoon doet raar. Is er iemand die na de middag even langs kan komen",
        {"intent": "ask", "category": "computer", "when": "afternoon"},
    ),
    (
        "rt18a-nl-first_message-09",
        "first_message",
        "nl",
        "whatsapp",
        "ik zou graag vrijwilliger worden, ik kan goed met computers en heb doordeweeks 's avonds tijd",
        {"intent": "offer", "category": "computer", "when": "weekday evenings"},
    ),
    (
        "rt18a-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "ik heb een auto en wil wel mensen rijden naar het ziekenhuis. dinsdag of donderdag kan ik",
        {"intent": "offer", "category": "vervoer", "when": "tuesday or thursday"},
    ),
    (
        "rt18a-nl-first_message-11",
        "first_message",
        "nl",
        "telegram",
        "Hallo, ik wil me aanmelden als vrijwilliger. Klusjes in huis vind ik leuk, ik kan elke week wel iets doen",
        {"intent": "offer", "category": "klusjes", "when": "every week"},
    ),
    (
        "rt18a-nl-first_message-12",
        "first_message",
        "nl",
        "whatsapp",
        "Is de koffieochtend in het buurthuis volgende week donderdag ook? ☕",
        {"intent": "activity", "when": "next thursday"},
    ),
    (
        "rt18a-nl-first_message-13",
        "first_message",
        "nl",
        "sms",
        "wanneer is het repair café? mijn stofzuiger doet het niet meer",
        {"intent": "activity"},
    ),
    (
        "rt18a-nl-first_message-14",
        "first_message",
        "nl",
        "whatsapp",
        "Bestaat er in de Molenwijk een wandelgroep op vrijdagochtend?",
        {"intent": "activity", "when": "friday morning"},
    ),
    (
        "rt18a-nl-first_message-15",
        "first_message",
        "nl",
        "sms",
        "waar kan ik heen met mijn schulden, ik durf de post niet meer open te maken",
        {"intent": "service_question"},
    ),
    (
        "rt18a-nl-first_message-16",
        "first_message",
        "nl",
        "whatsapp",
        "Hoi, weet iemand hoe ik bij de voedselbank kan komen? We redden het niet meer met het geld",
        {"intent": "service_question"},
    ),
    (
        "rt18a-nl-first_message-17",
        "first_message",
        "nl",
        "sms",
        "is er een huisarts in bloemhof die nog nieuwe mensen aanneemt, wij zijn net verhuisd",
        {"intent": "service_question"},
    ),
    (
        "rt18a-nl-first_message-18",
        "first_message",
        "nl",
        "whatsapp",
        "Mijn man heeft dementie en ik ben op. Bij wie kan ik terecht, iemand noemde de Mantelzorglijn?",
        {"intent": "service_question"},
    ),
    (
        "rt18a-nl-first_message-19",
        "first_message",
        "nl",
        "sms",
        "mijn buurman vertelde over een maatjesproject, hoe kom ik daar in",
        {"intent": "service_question"},
    ),
    (
        "rt18a-nl-first_message-20",
        "first_message",
        "nl",
        "whatsapp",
        "Kan ik iemand spreken? Het gaat over mijn moeder en dat typ ik liever niet",
        {"intent": "human"},
    ),
    (
        "rt18a-nl-first_message-21",
        "first_message",
        "nl",
        "sms",
        "GRAAG TERUGGEBELD WORDEN DOOR IEMAND VAN VOORDEUR",
        {"intent": "human"},
    ),
    (
        "rt18a-nl-first_message-22",
        "first_message",
        "nl",
        "whatsapp",
        "Goedenavond allemaal 🙂",
        {"intent": "greeting"},
    ),
    (
        "rt18a-nl-first_message-23",
        "first_message",
        "nl",
        "sms",
        "hallo met mevrouw de Vries, ik weet niet goed hoe dit werkt",
        {"intent": "greeting"},
    ),
    (
        "rt18a-nl-first_message-24",
        "first_message",
        "nl",
        "telegram",
        "wie zijn jullie eigenlijk?",
        {"intent": "greeting"},
    ),
    (
        "rt18a-nl-first_message-25",
        "first_message",
        "nl",
        "whatsapp",
        "Mijn vader moet maandag de 7e om 11 uur naar de oogarts, wie kan hem brengen?",
        {"intent": "ask", "category": "vervoer", "when": "monday 7th 11:00"},
    ),
    (
        "rt18a-nl-first_message-26",
        "first_message",
        "nl",
        "sms",
        "kan er iemand op de 12e mijn formulieren van het uwv nakijken",
        {"intent": "ask", "category": "formulieren", "when": "12th"},
    ),
    (
        "rt18a-nl-first_message-27",
        "first_message",
        "nl",
        "whatsapp",
        "Zoek hulp met mijn tuin, de bladeren moeten weg. Het liefst voor kerst",
        {"intent": "ask", "category": "tuin", "when": "before christmas"},
    ),
    (
        "rt18a-nl-first_message-28",
        "first_message",
        "nl",
        "sms",
        "na kerst wil ik graag hulp met de kast ophangen",
        {"intent": "ask", "category": "klusjes", "when": "after christmas"},
    ),
    (
        "rt18a-nl-first_message-29",
        "first_message",
        "nl",
        "whatsapp",
        "Ik zoek iemand die over 2 weken mijn katten wil voeren, ik ga dan een week weg",
        {"intent": "ask", "category": "huisdieren", "when": "in 2 weeks"},
    ),
    (
        "rt18a-nl-first_message-30",
        "first_message",
        "nl",
        "sms",
        "zou er iemand tussen 1 en 3 mijn boodschappen kunnen brengen, vandaag nog",
        {"intent": "ask", "category": "boodschappen", "when": "today between 13:00 and 15:00"},
    ),
    (
        "rt18a-nl-first_message-31",
        "first_message",
        "nl",
        "whatsapp",
        "wie kan me helpen met DigiD aanvragen? maakt niet uit wanneer",
        {"intent": "ask", "category": "computer", "when": "flexible"},
    ),
    (
        "rt18a-nl-first_message-32",
        "first_message",
        "nl",
        "sms",
        "kan iemand morgenvroeg voor 9 uur de container aan de weg zetten, ik krijg hem niet meer getild",
        {"intent": "ask", "category": "klusjes", "when": "tomorrow before 09:00"},
    ),
    (
        "rt18a-nl-first_message-33",
        "first_message",
        "nl",
        "whatsapp",
        "Ik ben 17 en moet maatschappelijke stage doen, kan ik bij jullie helpen? Liefst op woensdagmiddag",
        {"intent": "offer", "when": "wednesday afternoon"},
    ),
    (
        "rt18a-nl-first_message-34",
        "first_message",
        "nl",
        "sms",
        "Wij (mijn vrouw en ik) willen graag iets doen voor ouderen in de wijk, bijvoorbeeld een praatje maken. In het weekend",
        {"intent": "offer", "category": "gezelschap", "when": "this weekend"},
    ),
    (
        "rt18a-nl-first_message-35",
        "first_message",
        "nl",
        "whatsapp",
        "kan iemand me elke vrijdag naar de dagbesteding brengen? om half 10 moet ik er zijn",
        {"intent": "ask", "category": "vervoer", "when": "every friday 09:30"},
    ),
    (
        "rt18a-nl-first_message-36",
        "first_message",
        "nl",
        "sms",
        "ik ben zo moe van al dat gedoe met de belasting, ik word er gek van. wie helpt mij met de aangifte",
        {"intent": "ask", "category": "formulieren", "crisis": False},
    ),
    (
        "rt18a-nl-first_message-37",
        "first_message",
        "nl",
        "whatsapp",
        "Mijn kat gaat dood van de honger als niemand hem eten geeft terwijl ik in het ziekenhuis lig, kan iemand volgende week komen?",
        {"intent": "ask", "category": "huisdieren", "when": "next week", "crisis": False},
    ),
    (
        "rt18a-nl-first_message-38",
        "first_message",
        "nl",
        "sms",
        "heb vandaag een val gemaakt met de fiets maar gaat wel, kan iemand morgen de boodschappen doen",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow", "crisis": False},
    ),
    (
        "rt18a-nl-menu-01",
        "menu",
        "nl",
        "sms",
        "2. ik wil helpen met boodschappen op maandag",
        {"intent": "offer", "category": "boodschappen", "when": "monday"},
    ),
    (
        "rt18a-nl-menu-02",
        "menu",
        "nl",
        "whatsapp",
        "hulp vragen, voor mijn computer, liefst deze week",
        {"intent": "ask", "category": "computer", "when": "this week"},
    ),
    (
        "rt18a-nl-menu-03",
        "menu",
        "nl",
        "sms",
        "1 ik moet donderdag naar het ziekenhuis om kwart over 2",
        {"intent": "ask", "category": "vervoer", "when": "thursday 14:15"},
    ),
    (
        "rt18a-nl-menu-04",
        "menu",
        "nl",
        "whatsapp",
        "Ik wil graag vrijwilliger worden voor de tuinen, elke maandagochtend",
        {"intent": "offer", "category": "tuin", "when": "every monday morning"},
    ),
    (
        "rt18a-nl-menu-05",
        "menu",
        "nl",
        "sms",
        "wanneer is de wandelgroep deze week",
        {"intent": "activity", "when": "this week"},
    ),
    (
        "rt18a-nl-menu-06",
        "menu",
        "nl",
        "telegram",
        "heeft de gemeente schuldhulp? ik kom niet meer rond",
        {"intent": "service_question"},
    ),
    (
        "rt18a-nl-menu-07",
        "menu",
        "nl",
        "whatsapp",
        "liever praat ik even met een echt persoon",
        {"intent": "human"},
    ),
    ("rt18a-nl-menu-08", "menu", "nl", "sms", "goeiemiddag samen", {"intent": "greeting"}),
    (
        "rt18a-nl-menu-09",
        "menu",
        "nl",
        "whatsapp",
        "Ik wil helpen! Ik kan goed schilderen en heb zaterdag de hele dag",
        {"intent": "offer", "category": "klusjes", "when": "saturday"},
    ),
    (
        "rt18a-nl-menu-10",
        "menu",
        "nl",
        "whatsapp",
        "wanneer is het volgende repair cafe, ik heb een lamp die stuk is",
        {"intent": "activity"},
    ),
    (
        "rt18a-nl-menu-11",
        "menu",
        "nl",
        "sms",
        "is er ergens een koffieochtend op dinsdag",
        {"intent": "activity", "when": "tuesday"},
    ),
    (
        "rt18a-nl-menu-12",
        "menu",
        "nl",
        "whatsapp",
        "hulp met mijn belastingaangifte graag, voor 1 mei moet het binnen zijn",
        {"intent": "ask", "category": "formulieren", "when": "before may 1"},
    ),
    (
        "rt18a-nl-menu-13",
        "menu",
        "nl",
        "sms",
        "iemand die mijn parkiet eten kan geven, volgende week ben ik weg",
        {"intent": "ask", "category": "huisdieren", "when": "next week"},
    ),
    (
        "rt18a-nl-menu-14",
        "menu",
        "nl",
        "telegram",
        "Doet de gemeente aan een maatjesproject? Mijn vader is erg eenzaam sinds mama er niet meer is",
        {"intent": "service_question"},
    ),
    (
        "rt18a-nl-menu-15",
        "menu",
        "nl",
        "whatsapp",
        "ik kan wel een keer iemand naar de huisarts rijden, maar alleen 's ochtends",
        {"intent": "offer", "category": "vervoer", "when": "morning"},
    ),
    (
        "rt18a-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "Hi there! I'd love to volunteer, happy to help with gardening this saturday",
        {"intent": "offer", "category": "tuin", "when": "saturday"},
    ),
    (
        "rt18a-en-first_message-02",
        "first_message",
        "en",
        "whatsapp",
        "hello, could someone drive my mum to her hospital appointment next tuesday at half past ten?",
        {"intent": "ask", "category": "vervoer", "when": "next tuesday 10:30"},
    ),
    (
        "rt18a-en-first_message-03",
        "first_message",
        "en",
        "telegram",
        "Is there a food bank near Oude Haven? Asking for a neighbour",
        {"intent": "service_question"},
    ),
    (
        "rt18a-en-first_message-04",
        "first_message",
        "en",
        "whatsapp",
        "when is the walking group? would like to join this week",
        {"intent": "activity", "when": "this week"},
    ),
    (
        "rt18a-en-first_message-05",
        "first_message",
        "en",
        "sms",
        "Is it possible to speak to an actual human being",
        {"intent": "human"},
    ),
    (
        "rt18a-en-first_message-06",
        "first_message",
        "en",
        "whatsapp",
        "Hey! Who am I talking to?",
        {"intent": "greeting"},
    ),
    (
        "rt18a-en-first_message-07",
        "first_message",
        "en",
        "whatsapp",
        "my laptop keeps freezing, could someone take a look tomorrow between 2 and 4?",
        {"intent": "ask", "category": "computer", "when": "tomorrow between 14:00 and 16:00"},
    ),
    (
        "rt18a-en-first_message-08",
        "first_message",
        "en",
        "telegram",
        "I need help filling in a form for the municipality before friday",
        {"intent": "ask", "category": "formulieren", "when": "before friday"},
    ),
    (
        "rt18a-en-first_message-09",
        "first_message",
        "en",
        "whatsapp",
        "Could anyone walk my dog in the mornings? Broke my ankle 🙈",
        {"intent": "ask", "category": "huisdieren", "when": "every morning"},
    ),
    (
        "rt18a-en-first_message-10",
        "first_message",
        "en",
        "sms",
        "Is there a repair cafe this saturday? my kettle broke",
        {"intent": "activity", "when": "saturday"},
    ),
    (
        "rt18a-en-first_message-11",
        "first_message",
        "en",
        "whatsapp",
        "I'm dying to get my garden sorted before christmas, anyone free to help?",
        {"intent": "ask", "category": "tuin", "when": "before christmas", "crisis": False},
    ),
    (
        "rt18a-en-first_message-12",
        "first_message",
        "en",
        "whatsapp",
        "need someone to help me move a wardrobe, asap if possible",
        {"intent": "ask", "category": "klusjes", "when": "asap"},
    ),
    (
        "rt18a-en-menu-01",
        "menu",
        "en",
        "whatsapp",
        "2 - I can help with shopping on weekday evenings",
        {"intent": "offer", "category": "boodschappen", "when": "weekday evenings"},
    ),
    (
        "rt18a-en-menu-02",
        "menu",
        "en",
        "telegram",
        "ask for help: someone to keep my dad company on thursday afternoon",
        {"intent": "ask", "category": "gezelschap", "when": "thursday afternoon"},
    ),
    (
        "rt18a-nl-ask_when-01",
        "ask_when",
        "nl",
        "sms",
        "liefst volgende weeek dinsdag",
        {"when": "next tuesday"},
    ),
    (
        "rt18a-nl-ask_when-02",
        "ask_when",
        "nl",
        "whatsapp",
        "Overmorgen zou top zijn 👍",
        {"when": "day after tomorrow"},
    ),
    ("rt18a-nl-ask_when-03", "ask_when", "nl", "sms", "om half 3 zou mooi zijn", {"when": "14:30"}),
    ("rt18a-nl-ask_when-04", "ask_when", "nl", "sms", "morgen om kwart voor 10", {"when": "tomorrow 09:45"}),
    (
        "rt18a-nl-ask_when-05",
        "ask_when",
        "nl",
        "whatsapp",
        "ergens tussen 1 en 3 uur 's middags",
        {"when": "between 13:00 and 15:00"},
    ),
    ("rt18a-nl-ask_when-06", "ask_when", "nl", "sms", "na de middag is beter", {"when": "afternoon"}),
    (
        "rt18a-nl-ask_when-07",
        "ask_when",
        "nl",
        "sms",
        "liefst voor 9 uur, daarna komt de thuiszorg",
        {"when": "before 09:00"},
    ),
    (
        "rt18a-nl-ask_when-08",
        "ask_when",
        "nl",
        "whatsapp",
        "gewoon elke week als dat kan",
        {"when": "every week"},
    ),
    (
        "rt18a-nl-ask_when-09",
        "ask_when",
        "nl",
        "sms",
        "om de week op donderdag",
        {"when": "every other thursday"},
    ),
    (
        "rt18a-nl-ask_when-10",
        "ask_when",
        "nl",
        "whatsapp",
        "14 december om half 11",
        {"when": "december 14 10:30"},
    ),
    ("rt18a-nl-ask_when-11", "ask_when", "nl", "sms", "op de 12e graag", {"when": "12th"}),
    (
        "rt18a-nl-ask_when-12",
        "ask_when",
        "nl",
        "whatsapp",
        "ergens voor 1 mei, het is voor de belasting",
        {"when": "before may 1"},
    ),
    ("rt18a-nl-ask_when-13", "ask_when", "nl", "sms", "over een uur ofzo", {"when": "in 1 hour"}),
    ("rt18a-nl-ask_when-14", "ask_when", "nl", "whatsapp", "over 2 weken pas", {"when": "in 2 weeks"}),
    ("rt18a-nl-ask_when-15", "ask_when", "nl", "sms", "na kerst maar", {"when": "after christmas"}),
    (
        "rt18a-nl-ask_when-16",
        "ask_when",
        "nl",
        "whatsapp",
        "dinsdag of donderdag, allebei goed",
        {"when": "tuesday or thursday"},
    ),
    ("rt18a-nl-ask_when-17", "ask_when", "nl", "sms", "ZSM AUB, DE KOELKAST IS LEEG", {"when": "asap"}),
    ("rt18a-nl-ask_when-18", "ask_when", "nl", "whatsapp", "maakt echt niet uit hoor", {"when": "flexible"}),
    (
        "rt18a-nl-ask_when-19",
        "ask_when",
        "nl",
        "sms",
        "donderdag. o nee dan heb ik de fysio. vrijdag dan",
        {"when": "friday"},
    ),
    (
        "rt18a-nl-ask_when-20",
        "ask_when",
        "nl",
        "whatsapp",
        "als het een beetje droog blijft",
        {"unclear": True},
    ),
    (
        "rt18a-nl-ask_when-21",
        "ask_when",
        "nl",
        "sms",
        "weet ik nog niet precies, ik bel mijn dochter eerst",
        {"unclear": True},
    ),
    (
        "rt18a-nl-ask_when-22",
        "ask_when",
        "nl",
        "whatsapp",
        "vrijdagochtend rond een uur of 10",
        {"when": "friday 10:00"},
    ),
    (
        "rt18a-nl-ask_when-23",
        "ask_when",
        "nl",
        "sms",
        "zaterdag in de middag dan",
        {"when": "saturday afternoon"},
    ),
    (
        "rt18a-nl-ask_when-24",
        "ask_when",
        "nl",
        "whatsapp",
        "volgende week woensdagmiddag",
        {"when": "next wednesday afternoon"},
    ),
    (
        "rt18a-nl-ask_when-25",
        "ask_when",
        "nl",
        "sms",
        "morgen tussen 10 en 12 uur",
        {"when": "tomorrow between 10:00 and 12:00"},
    ),
    (
        "rt18a-nl-ask_when-26",
        "ask_when",
        "nl",
        "sms",
        "iedere dinsdagochtend om 10 uur",
        {"when": "every tuesday 10:00"},
    ),
    ("rt18a-nl-ask_when-27", "ask_when", "nl", "whatsapp", "elke dag om 5 uur", {"when": "every day 17:00"}),
    ("rt18a-nl-ask_when-28", "ask_when", "nl", "sms", "over drie dagen", {"when": "in 3 days"}),
    (
        "rt18a-nl-ask_when-29",
        "ask_when",
        "nl",
        "whatsapp",
        "maandag de 7e in de ochtend",
        {"when": "monday 7th morning"},
    ),
    (
        "rt18a-nl-ask_when-30",
        "ask_when",
        "nl",
        "sms",
        "voor de kerst nog graag",
        {"when": "before christmas"},
    ),
    (
        "rt18a-nl-ask_when-31",
        "ask_when",
        "nl",
        "whatsapp",
        "morgen of overmorgen, wat jullie uitkomt",
        {"when": "tomorrow or day after tomorrow"},
    ),
    (
        "rt18a-nl-ask_when-32",
        "ask_when",
        "nl",
        "sms",
        "vandaag nog als het kan, ik heb geen brood meer",
        {"when": "today"},
    ),
    ("rt18a-nl-ask_when-33", "ask_when", "nl", "whatsapp", "na 4 uur ben ik thuis", {"when": "after 16:00"}),
    ("rt18a-nl-ask_when-34", "ask_when", "nl", "sms", "kwart over 11 op vrijdag", {"when": "friday 11:15"}),
    ("rt18a-nl-ask_when-35", "ask_when", "nl", "telegram", "komend weekend schikt", {"when": "this weekend"}),
    (
        "rt18a-nl-ask_when-36",
        "ask_when",
        "nl",
        "whatsapp",
        "vrijdag! nee wacht, dan ben ik naar de kapper. maandag",
        {"when": "monday"},
    ),
    ("rt18a-nl-ask_when-37", "ask_when", "nl", "sms", "s avonds na het eten", {"when": "evening"}),
    ("rt18a-nl-ask_when-38", "ask_when", "nl", "whatsapp", "om de week", {"when": "every other week"}),
    ("rt18a-nl-ask_when-39", "ask_when", "nl", "sms", "wanneer het u schikt", {"when": "flexible"}),
    ("rt18a-nl-ask_when-40", "ask_when", "nl", "sms", "als mijn zoon er niet is", {"unclear": True}),
    ("rt18a-nl-ask_when-41", "ask_when", "nl", "sms", "1 december om 9 uur", {"when": "december 1 09:00"}),
    (
        "rt18a-nl-ask_when-42",
        "ask_when",
        "nl",
        "whatsapp",
        "dinsdagmiddag of anders woensdagochtend",
        {"when": "tuesday afternoon or wednesday morning"},
    ),
    (
        "rt18a-en-ask_when-01",
        "ask_when",
        "en",
        "whatsapp",
        "next tuesday around 10ish",
        {"when": "next tuesday 10:00"},
    ),
    ("rt18a-en-ask_when-02", "ask_when", "en", "sms", "whenever suits, no rush", {"when": "flexible"}),
    ("rt18a-en-ask_when-03", "ask_when", "en", "telegram", "in a couple of hours", {"when": "in 2 hours"}),
    (
        "rt18a-en-ask_when-04",
        "ask_when",
        "en",
        "whatsapp",
        "thursday or friday afternoon",
        {"when": "thursday or friday afternoon"},
    ),
    (
        "rt18a-en-ask_when-05",
        "ask_when",
        "en",
        "whatsapp",
        "after christmas please",
        {"when": "after christmas"},
    ),
    (
        "rt18a-en-ask_when-06",
        "ask_when",
        "en",
        "sms",
        "every other monday at 9",
        {"when": "every other monday 09:00"},
    ),
    (
        "rt18a-en-ask_when-07",
        "ask_when",
        "en",
        "whatsapp",
        "quarter to 3 tomorrow",
        {"when": "tomorrow 14:45"},
    ),
    ("rt18a-en-ask_when-08", "ask_when", "en", "sms", "depends on the weather tbh", {"unclear": True}),
    (
        "rt18a-nl-invitation-01",
        "invitation",
        "nl",
        "sms",
        "ja, maar niet voor 11 uur",
        {"answer": "yes", "condition": "after 11:00"},
    ),
    (
        "rt18a-nl-invitation-02",
        "invitation",
        "nl",
        "whatsapp",
        "alleen als het droog is 🌧️",
        {"answer": "yes", "condition": "dry weather only"},
    ),
    (
        "rt18a-nl-invitation-03",
        "invitation",
        "nl",
        "sms",
        "ja, zonder tillen",
        {"answer": "yes", "condition": "no lifting"},
    ),
    (
        "rt18a-nl-invitation-04",
        "invitation",
        "nl",
        "whatsapp",
        "Ja hoor! Wel pas na half 4",
        {"answer": "yes", "condition": "after 15:30"},
    ),
    (
        "rt18a-nl-invitation-05",
        "invitation",
        "nl",
        "sms",
        "ik kan wel, maar alleen in de middag",
        {"answer": "yes", "condition": "afternoon only"},
    ),
    (
        "rt18a-nl-invitation-06",
        "invitation",
        "nl",
        "whatsapp",
        "deze week lukt niet, na het weekend wel",
        {"answer": "later", "condition": "after this weekend"},
    ),
    (
        "rt18a-nl-invitation-07",
        "invitation",
        "nl",
        "sms",
        "ja hoor, zaterdagochtend kan ik",
        {"answer": "yes", "condition": "saturday morning"},
    ),
    (
        "rt18a-nl-invitation-08",
        "invitation",
        "nl",
        "whatsapp",
        "ja mits ik mijn hond mee mag nemen",
        {"answer": "yes", "condition": "may bring the dog"},
    ),
    (
        "rt18a-nl-invitation-09",
        "invitation",
        "nl",
        "sms",
        "nee, het spijt me, ik lig in het ziekenhuis",
        {"answer": "no"},
    ),
    (
        "rt18a-nl-invitation-10",
        "invitation",
        "nl",
        "whatsapp",
        "nu niet, misschien over 2 weken",
        {"answer": "later", "condition": "in 2 weeks"},
    ),
    (
        "rt18a-nl-invitation-11",
        "invitation",
        "nl",
        "sms",
        "ja maar ik heb geen rijbewijs, ik kom met de fiets",
        {"answer": "yes", "condition": "by bike, no car"},
    ),
    (
        "rt18a-nl-invitation-12",
        "invitation",
        "nl",
        "whatsapp",
        "Ja, tot 4 uur heb ik tijd",
        {"answer": "yes", "condition": "before 16:00"},
    ),
    (
        "rt18a-nl-invitation-13",
        "invitation",
        "nl",
        "sms",
        "prima, wel graag voor de middag",
        {"answer": "yes", "condition": "morning only"},
    ),
    (
        "rt18a-nl-invitation-14",
        "invitation",
        "nl",
        "whatsapp",
        "ja, maar niet op woensdag want dan pas ik op de kleinkinderen",
        {"answer": "yes", "condition": "not wednesday"},
    ),
    (
        "rt18a-nl-invitation-15",
        "invitation",
        "nl",
        "sms",
        "ja alleen niet zwaar tillen ivm mijn rug",
        {"answer": "yes", "condition": "no lifting"},
    ),
    (
        "rt18a-nl-invitation-16",
        "invitation",
        "nl",
        "whatsapp",
        "ik help graag, alleen pas na de kerst",
        {"answer": "yes", "condition": "after christmas"},
    ),
    (
        "rt18a-nl-invitation-17",
        "invitation",
        "nl",
        "sms",
        "JA MAAR DAN WEL OM 10 UUR",
        {"answer": "yes", "condition": "10:00"},
    ),
    (
        "rt18a-nl-invitation-18",
        "invitation",
        "nl",
        "whatsapp",
        "kan morgen tussen 2 en 4",
        {"answer": "yes", "condition": "tomorrow between 14:00 and 16:00"},
    ),
    (
        "rt18a-nl-invitation-19",
        "invitation",
        "nl",
        "sms",
        "ja, als het niet te lang duurt, ik moet om 3 uur weer weg",
        {"answer": "yes", "condition": "before 15:00"},
    ),
    (
        "rt18a-nl-invitation-20",
        "invitation",
        "nl",
        "whatsapp",
        "ja hoor, ik sterf van verveling hier thuis 😅",
        {"answer": "yes", "crisis": False},
    ),
    (
        "rt18a-en-invitation-01",
        "invitation",
        "en",
        "whatsapp",
        "yes, but not before 10",
        {"answer": "yes", "condition": "after 10:00"},
    ),
    (
        "rt18a-en-invitation-02",
        "invitation",
        "en",
        "whatsapp",
        "sure, as long as it's dry outside",
        {"answer": "yes", "condition": "dry weather only"},
    ),
    (
        "rt18a-en-invitation-03",
        "invitation",
        "en",
        "sms",
        "yes but no heavy lifting pls, bad back",
        {"answer": "yes", "condition": "no lifting"},
    ),
    (
        "rt18a-en-invitation-04",
        "invitation",
        "en",
        "whatsapp",
        "not this week sorry, the week after works",
        {"answer": "later", "condition": "next week"},
    ),
    (
        "rt18a-en-invitation-05",
        "invitation",
        "en",
        "telegram",
        "Happy to! Only in the evening though",
        {"answer": "yes", "condition": "evening only"},
    ),
    (
        "rt18b-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "Goedemorgen. Mijn buurvrouw zei dat jullie helpen. Ik moet woensdag 9 december om 10 uur naar het ziekenhuis in Zwolle en heb geen vervoer",
        {"intent": "ask", "category": "vervoer", "when": "december 9 10:00"},
    ),
    (
        "rt18b-nl-first_message-02",
        "first_message",
        "nl",
        "whatsapp",
        "Hallo! Wij hebben een hondje en gaan na nieuwjaar een weekje weg, kan iemand hem uitlaten?",
        {"intent": "ask", "category": "huisdieren", "when": "after new year"},
    ),
    (
        "rt18b-nl-first_message-03",
        "first_message",
        "nl",
        "sms",
        "ik wil graag helpen met boodschappen doen voor ouderen, ik heb dinsdags en donderdags tijd",
        {"intent": "offer", "category": "boodschappen", "when": "every tuesday and thursday"},
    ),
    (
        "rt18b-nl-first_message-04",
        "first_message",
        "nl",
        "whatsapp",
        "Is er deze maand nog een repair café? Mijn naaimachine hapert",
        {"intent": "activity", "when": "this month"},
    ),
    (
        "rt18b-nl-first_message-05",
        "first_message",
        "nl",
        "sms",
        "kan ik iemand spreken over de zorg voor mijn moeder, liefst telefonisch",
        {"intent": "human"},
    ),
    (
        "rt18b-nl-first_message-06",
        "first_message",
        "nl",
        "telegram",
        "Wie helpt mij over 3 weken met verhuizen? Dozen sjouwen enzo",
        {"intent": "ask", "category": "klusjes", "when": "in 3 weeks"},
    ),
    (
        "rt18b-nl-first_message-07",
        "first_message",
        "nl",
        "whatsapp",
        "hoi hoi, ik ben Samira en ik zoek iemand die mijn oma gezelschap houdt op zondagmiddag",
        {"intent": "ask", "category": "gezelschap", "when": "sunday afternoon"},
    ),
    (
        "rt18b-nl-first_message-08",
        "first_message",
        "nl",
        "sms",
        "IK HEB HULP NODIG MET MIJN TELEFOON, HIJ DOET NIKS MEER. LIEFST MORGENOCHTEND",
        {"intent": "ask", "category": "computer", "when": "tomorrow morning"},
    ),
    (
        "rt18b-nl-first_message-09",
        "first_message",
        "nl",
        "whatsapp",
        "Mijn tuin is een oerwoud geworden 😅 kan er iemand na 15 december komen helpen snoeien?",
        {"intent": "ask", "category": "tuin", "when": "after december 15"},
    ),
    (
        "rt18b-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "waar kan ik terecht met vragen over mantelzorg, ik zorg voor mijn man",
        {"intent": "service_question"},
    ),
    (
        "rt18b-nl-first_message-11",
        "first_message",
        "nl",
        "whatsapp",
        "Weet iemand of het maatjesproject nog nieuwe mensen zoekt? Ik wil graag maatje worden",
        {"intent": "offer", "category": "gezelschap"},
    ),
    (
        "rt18b-nl-first_message-12",
        "first_message",
        "nl",
        "sms",
        "wanneer is de wandelgroep in de akkers, en hoe laat",
        {"intent": "activity"},
    ),
    (
        "rt18b-nl-first_message-13",
        "first_message",
        "nl",
        "whatsapp",
        "ik wil me aanmelden als vrijwilliger voor klusjes, maar alleen op zaterdagochtend",
        {"intent": "offer", "category": "klusjes", "when": "saturday morning"},
    ),
    (
        "rt18b-nl-first_message-14",
        "first_message",
        "nl",
        "sms",
        "Goedemiddag, met meneer Bakker. Ik zou graag een keer bezoek willen, ik zie weinig mensen",
        {"intent": "ask", "category": "gezelschap"},
    ),
    (
        "rt18b-nl-first_message-15",
        "first_message",
        "nl",
        "whatsapp",
        "kan iemand vanavond nog even mijn kat eten geven? ik kom pas morgen thuis",
        {"intent": "ask", "category": "huisdieren", "when": "today evening"},
    ),
    (
        "rt18b-nl-first_message-16",
        "first_message",
        "nl",
        "whatsapp",
        "ik val bijna om van de slaap maar wil mijn formulieren voor de zorgtoeslag vandaag nog af hebben, wie helpt",
        {"intent": "ask", "category": "formulieren", "when": "today", "crisis": False},
    ),
    (
        "rt18b-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "Hi, I'm new in Bloemhof and looking for a GP that takes new patients",
        {"intent": "service_question"},
    ),
    (
        "rt18b-en-first_message-02",
        "first_message",
        "en",
        "telegram",
        "Could someone help me set up my new tablet sometime next week?",
        {"intent": "ask", "category": "computer", "when": "next week"},
    ),
    (
        "rt18b-en-first_message-03",
        "first_message",
        "en",
        "whatsapp",
        "Hello! I'd like to offer help with shopping, evenings after 7 work best",
        {"intent": "offer", "category": "boodschappen", "when": "after 19:00"},
    ),
    (
        "rt18b-en-first_message-04",
        "first_message",
        "en",
        "sms",
        "is there a knitting club or anything like that for older ladies",
        {"intent": "activity"},
    ),
    (
        "rt18b-nl-menu-01",
        "menu",
        "nl",
        "sms",
        "1. tuin. voor de kerst graag",
        {"intent": "ask", "category": "tuin", "when": "before christmas"},
    ),
    (
        "rt18b-nl-menu-02",
        "menu",
        "nl",
        "whatsapp",
        "ik wil iets betekenen voor een ander, misschien af en toe iemand naar het ziekenhuis rijden",
        {"intent": "offer", "category": "vervoer"},
    ),
    (
        "rt18b-nl-menu-03",
        "menu",
        "nl",
        "sms",
        "help met de belastingaangifte, heeft geen haast",
        {"intent": "ask", "category": "formulieren", "when": "flexible"},
    ),
    (
        "rt18b-nl-menu-04",
        "menu",
        "nl",
        "whatsapp",
        "komt er volgende week weer een koffieochtend in de Molenwijk?",
        {"intent": "activity", "when": "next week"},
    ),
    (
        "rt18b-nl-menu-05",
        "menu",
        "nl",
        "sms",
        "ik wil graag met iemand van de gemeente praten",
        {"intent": "human"},
    ),
    (
        "rt18b-nl-menu-06",
        "menu",
        "nl",
        "telegram",
        "goedenavond, eerste keer dat ik dit gebruik",
        {"intent": "greeting"},
    ),
    (
        "rt18b-en-menu-01",
        "menu",
        "en",
        "whatsapp",
        "I need someone to walk my dog on saturday morning",
        {"intent": "ask", "category": "huisdieren", "when": "saturday morning"},
    ),
    (
        "rt18b-en-menu-02",
        "menu",
        "en",
        "whatsapp",
        "Offer help: I can fix bikes and small things around the house, weekends",
        {"intent": "offer", "category": "klusjes", "when": "weekends"},
    ),
    (
        "rt18b-nl-ask_when-01",
        "ask_when",
        "nl",
        "sms",
        "donderdagmiddag rond drie uur",
        {"when": "thursday 15:00"},
    ),
    (
        "rt18b-nl-ask_when-02",
        "ask_when",
        "nl",
        "whatsapp",
        "het liefst ergens begin volgende week",
        {"when": "next week"},
    ),
    ("rt18b-nl-ask_when-03", "ask_when", "nl", "sms", "de 3e van de maand", {"when": "3rd of the month"}),
    (
        "rt18b-nl-ask_when-04",
        "ask_when",
        "nl",
        "whatsapp",
        "ergens na 10 uur 's ochtends",
        {"when": "after 10:00"},
    ),
    ("rt18b-nl-ask_when-05", "ask_when", "nl", "sms", "op vrijdag 18 december", {"when": "december 18"}),
    (
        "rt18b-nl-ask_when-06",
        "ask_when",
        "nl",
        "whatsapp",
        "om 11 uur, of als dat niet kan om 2 uur",
        {"when": "11:00 or 14:00"},
    ),
    ("rt18b-nl-ask_when-07", "ask_when", "nl", "sms", "kwart voor 4 morgen", {"when": "tomorrow 15:45"}),
    ("rt18b-nl-ask_when-08", "ask_when", "nl", "whatsapp", "ligt aan het weer eigenlijk", {"unclear": True}),
    (
        "rt18b-nl-ask_when-09",
        "ask_when",
        "nl",
        "sms",
        "elke twee weken op maandag",
        {"when": "every other monday"},
    ),
    (
        "rt18b-nl-ask_when-10",
        "ask_when",
        "nl",
        "whatsapp",
        "morgen rond het middaguur",
        {"when": "tomorrow 12:00"},
    ),
    (
        "rt18b-nl-ask_when-11",
        "ask_when",
        "nl",
        "sms",
        "zaterdag of zondag maakt niet uit",
        {"when": "saturday or sunday"},
    ),
    ("rt18b-nl-ask_when-12", "ask_when", "nl", "telegram", "over een week of drie", {"when": "in 3 weeks"}),
    (
        "rt18b-en-ask_when-01",
        "ask_when",
        "en",
        "whatsapp",
        "sometime after 3 on friday",
        {"when": "friday after 15:00"},
    ),
    ("rt18b-en-ask_when-02", "ask_when", "en", "sms", "the 21st if possible", {"when": "21st"}),
    (
        "rt18b-en-ask_when-03",
        "ask_when",
        "en",
        "whatsapp",
        "not tomorrow, but wednesday morning is great",
        {"when": "wednesday morning"},
    ),
    (
        "rt18b-nl-invitation-01",
        "invitation",
        "nl",
        "sms",
        "ja, maar ik moet om 12 uur weer thuis zijn",
        {"answer": "yes", "condition": "before 12:00"},
    ),
    (
        "rt18b-nl-invitation-02",
        "invitation",
        "nl",
        "whatsapp",
        "Ja leuk! Wel pas vanaf 1 uur",
        {"answer": "yes", "condition": "after 13:00"},
    ),
    (
        "rt18b-nl-invitation-03",
        "invitation",
        "nl",
        "sms",
        "deze week niet, ben op vakantie. daarna graag",
        {"answer": "later", "condition": "next week"},
    ),
    (
        "rt18b-nl-invitation-04",
        "invitation",
        "nl",
        "whatsapp",
        "ja als ik mijn dochter mee mag nemen, ze is 6",
        {"answer": "yes", "condition": "may bring her daughter"},
    ),
    (
        "rt18b-nl-invitation-05",
        "invitation",
        "nl",
        "sms",
        "ja hoor, maar niet in het weekend",
        {"answer": "yes", "condition": "not weekends"},
    ),
    (
        "rt18b-nl-invitation-06",
        "invitation",
        "nl",
        "whatsapp",
        "zeker, als het maar voor de middag is",
        {"answer": "yes", "condition": "morning only"},
    ),
    (
        "rt18b-nl-invitation-07",
        "invitation",
        "nl",
        "sms",
        "ja prima, ik neem mijn eigen gereedschap mee",
        {"answer": "yes"},
    ),
    (
        "rt18b-en-invitation-01",
        "invitation",
        "en",
        "whatsapp",
        "yes, I can do it after 5",
        {"answer": "yes", "condition": "after 17:00"},
    ),
    (
        "rt18b-en-invitation-02",
        "invitation",
        "en",
        "sms",
        "happy to help but I don't drive, I'll walk over",
        {"answer": "yes", "condition": "on foot, no car"},
    ),
]

CASES = as_cases(SET)
# Misreadings left alone, with why.
# Round 19 (tests/test_dialogues_redteam7.py) read both former known misses: "walk my dog in the mornings" is
# every morning (times.toml [plural_part]), "deze week niet, ... daarna graag" a later next week.
KNOWN: dict[str, str] = {}
BATCHES = {"rt18a": 142, "rt18b": 52}
CONTEXTS = frozenset({"first_message", "menu", "ask_when", "invitation"})


def test_the_set_is_new_and_keeps_to_the_round() -> None:
    assert not {case.text.casefold() for case in CASES} & every_earlier_string(__file__)
    assert len({case.id for case in CASES}) == len(CASES) == sum(BATCHES.values())
    assert len({case.text.casefold() for case in CASES}) == len(CASES)
    for batch, size in BATCHES.items():
        assert len([case for case in CASES if case.id.startswith(f"{batch}-")]) == size
        assert {case.context for case in CASES if case.id.startswith(f"{batch}-")} == CONTEXTS
    assert {case.lang for case in CASES} == {"nl", "en"}
    assert not any(case.expect.get("crisis") for case in CASES)  # look-alikes only: "crisis": false
    assert set(KNOWN) <= {case.id for case in CASES}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, id=case.id, marks=pytest.mark.xfail(strict=True, reason=KNOWN[case.id]))
        if case.id in KNOWN
        else pytest.param(case, id=case.id)
        for case in CASES
    ],
)
def test_each_message_reads_as_a_careful_social_worker_would(case: Case) -> None:
    assert_case_reads(case, {})  # a known miss is a strict expected failure: mended, it must be lifted


def test_no_message_of_the_set_raises_a_crisis_and_all_but_the_known_read_right() -> None:
    result = score(CASES, NOW)
    assert result.false_alarms == 0
    assert result.lookalikes == len([case for case in CASES if case.expect.get("crisis") is False])
    assert result.passed >= len(CASES) - len(KNOWN)


# (context, text, what the reading must hold); None for a key: the reading must not have it. Paraphrases
# and look-alikes of the mechanisms the fixes added, written after them (no measure of generalisation).
FAMILIES: list[tuple[str, str, dict[str, Any]]] = [
    # A word that only makes a time emphatic is left out; a stretched letter is squeezed.
    ("ask_when", "het maakt me echt helemaal niks uit", {"when": "flexible"}),
    ("ask_when", "really doesn't matter", {"when": "flexible"}),
    ("ask_when", "niet echt dringend hoor", {"when": "flexible"}),
    ("ask_when", "volgende weeeek woensdag", {"when": "next wednesday"}),
    # A weekday's slip inside a message; other words stay as they are.
    (
        "first_message",
        "kan iemand vrijdg mijn boodschappen halen",
        {"intent": "ask", "category": "boodschappen", "when": "friday"},
    ),
    (
        "first_message",
        "wie kan er zaterdg mijn heg knippen",
        {"intent": "ask", "category": "tuin", "when": "saturday"},
    ),
    ("first_message", "mijn vriendin zit vaak alleen, kan iemand bij haar op bezoek", {"when": None}),
    # "op de 12e" is a day of the month in a message too, unless a noun it counts follows.
    ("first_message", "kan iemand op de 3e mijn ramen lappen", {"intent": "ask", "when": "3rd"}),
    ("first_message", "ik woon op de 2e verdieping en krijg de vuilniszak niet naar beneden", {"when": None}),
    # The hour says the part of day in a weekly repeat.
    ("ask_when", "elke woensdagmiddag om 2 uur", {"when": "every wednesday 14:00"}),
    ("ask_when", "iedere vrijdagochtend graag", {"when": "every friday morning"}),
    # Amounts and words for whenever.
    ("ask_when", "in a couple of days", {"when": "in 2 days"}),
    ("ask_when", "als het jullie schikt", {"when": "flexible"}),
    # A part of day alone in an invitation is a limit.
    ("invitation", "prima, 's middags", {"answer": "yes", "condition": "afternoon only"}),
    ("invitation", "ja, morgenochtend", {"answer": "yes", "condition": "tomorrow morning"}),
    # A negation inside a condition belongs to the condition; "zonder tillen"; the weather.
    ("invitation", "ja hoor, alleen niet te zwaar tillen", {"answer": "yes", "condition": "no lifting"}),
    ("invitation", "ok maar zonder zwaar tillen", {"answer": "yes", "condition": "no lifting"}),
    ("invitation", "ja, als het niet regent", {"answer": "yes", "condition": "dry weather only"}),
    ("invitation", "yes if it doesn't rain", {"answer": "yes", "condition": "dry weather only"}),
    # Babysitting is no "I pass".
    ("invitation", "ja prima, daarna pas ik op mijn kleinzoon", {"answer": "yes", "condition": None}),
    ("invitation", "nee, dan pas ik op de kinderen van mijn zus", {"answer": "no"}),
    ("invitation", "ik pas, sorry", {"answer": "no"}),
    # After a no, another time turned to in a clause of its own is a later.
    ("invitation", "vandaag lukt niet, zaterdag wel", {"answer": "later", "condition": "saturday"}),
    (
        "invitation",
        "can't today, tomorrow afternoon works",
        {"answer": "later", "condition": "tomorrow afternoon"},
    ),
    ("invitation", "nee, ik ben ziek. wel jammer", {"answer": "no", "condition": None}),
    ("invitation", "nee, ik ben vrijdag wel op vakantie", {"answer": "no", "condition": None}),
    ("invitation", "nee. ik ben deze week wel druk", {"answer": "no", "condition": None}),
    ("invitation", "nee, maar zaterdag wel!", {"answer": "later", "condition": "saturday"}),
    # Opening with being able, and a time, is a yes with it; with a negation a no.
    ("invitation", "kan zaterdagochtend", {"answer": "yes", "condition": "saturday morning"}),
    ("invitation", "kan morgen niet", {"answer": "no", "condition": None}),
    # A service named as the place of an errand.
    (
        "first_message",
        "wie kan mijn moeder dinsdag naar de dagbesteding brengen",
        {"intent": "ask", "category": "vervoer", "when": "tuesday"},
    ),
    ("first_message", "wie rijdt mij naar de voedselbank", {"intent": "ask", "category": "vervoer"}),
    ("first_message", "ik zoek een voedselbank in de buurt", {"intent": "service_question"}),
    (
        "first_message",
        "ik kan wel mensen naar de dagbesteding brengen",
        {"intent": "offer", "category": "vervoer"},
    ),
    # Offers: "kan ik bij/voor jullie helpen", a school placement, "ik kan wel iemand rijden".
    ("first_message", "kan ik voor jullie helpen? ik heb veel tijd", {"intent": "offer"}),
    ("first_message", "voor school moet ik een maatschappelijke stage lopen", {"intent": "offer"}),
    (
        "menu",
        "wij kunnen best af en toe iemand naar het ziekenhuis brengen",
        {"intent": "offer", "category": "vervoer"},
    ),
    ("first_message", "kan iemand mij naar het ziekenhuis brengen", {"intent": "ask", "category": "vervoer"}),
    # A doctor that takes new people.
    ("first_message", "zijn er tandartsen die nog nieuwe patiënten aannemen", {"intent": "service_question"}),
    ("first_message", "is er nog een huisarts hier die plek heeft", {"intent": "service_question"}),
    # A fall with the bike is no bike to mend.
    (
        "first_message",
        "mijn man is van zijn fiets gevallen, kan iemand de hond uitlaten",
        {"intent": "ask", "category": "huisdieren"},
    ),
    (
        "first_message",
        "de ketting van mijn fiets is eraf, wie kan helpen",
        {"intent": "ask", "category": "klusjes"},
    ),
    # Batch 2's mechanisms.
    # Back home by an hour with an obligation is the time to go; without one it is the hour.
    (
        "invitation",
        "ok, maar ik moet om 5 uur weer thuis zijn",
        {"answer": "yes", "condition": "before 17:00"},
    ),
    ("invitation", "ja hoor, om 2 uur ben ik weer thuis", {"answer": "yes", "condition": "14:00"}),
    # "als dat niet kan" offers a second choice; its "niet" negates no time.
    ("ask_when", "vrijdag, en als dat niet lukt maandag", {"when": "friday or monday"}),
    ("ask_when", "thursday at 2, or if that doesn't work friday", {"when": "thursday 14:00 or friday"}),
    ("ask_when", "zaterdag tegen het middaguur", {"when": "saturday 12:00"}),
    # In a message whose sentences name different days, the question's day is the one asked for.
    (
        "first_message",
        "Mijn zoon komt zondag. Kan iemand zaterdag mijn gras maaien?",
        {"intent": "ask", "when": "saturday"},
    ),
    (
        "first_message",
        "kan iemand morgen mijn hond uitlaten? vrijdag ben ik weer thuis",
        {"when": "tomorrow"},
    ),
    ("first_message", "ik moet dinsdag naar de dokter. wie kan mij brengen?", {"when": "tuesday"}),
    # Joining a service as a helper is an offer; asking about it stays the sociale kaart.
    ("first_message", "ik wil me als maatje aanmelden", {"intent": "offer"}),
    ("first_message", "I'd like to volunteer at the food bank", {"intent": "offer"}),
    ("first_message", "hoe werkt het maatjesproject precies", {"intent": "service_question"}),
    (
        "first_message",
        "zou er een maatje zijn voor mijn vader, hij is eenzaam",
        {"intent": "service_question"},
    ),
    ("first_message", "could someone be a buddy for my dad", {"intent": "ask"}),
    (
        "first_message",
        "is there a volunteer at the food bank who speaks arabic",
        {"intent": "service_question"},
    ),
    # Not driving: on foot, unless a bike says how.
    ("invitation", "ja, ik rij niet maar kom op de fiets", {"answer": "yes", "condition": "by bike, no car"}),
    ("invitation", "sure, I don't drive so I'll walk", {"answer": "yes", "condition": "on foot, no car"}),
    # "daarna" after a no is a later.
    ("invitation", "vandaag niet, daarna wel", {"answer": "later"}),
]


def test_the_families_are_not_the_sets_sentences() -> None:
    texts = {case.text.casefold() for case in CASES} | every_earlier_string(__file__)
    assert not {text.casefold() for _, text, _ in FAMILIES} & texts


@pytest.mark.parametrize(("context", "text", "holds"), FAMILIES)
def test_a_family_added_after_the_set_reads_its_paraphrases(
    context: str, text: str, holds: dict[str, object]
) -> None:
    assert_family_reads(context, text, holds)
