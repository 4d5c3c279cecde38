"""Red-team set 14 ("reading round 14"): in-context reading of Dutch everyday (non-crisis) messages in every
context, as older SMS users, WhatsApp users, volunteers and mantelzorgers write them: intent, category and
time in one sentence at the first message and the menu, times said loosely at ask_when, the help described
rather than named at ask_category, titles and refusals at the name, postcodes with letters and landmarks at
the neighbourhood, hesitant yeses, conditions in an invitation, check-ins, and commands in any state. Fillers
("eeh", "nou", "ff"), typos, emoji on WhatsApp, capitals on SMS. None is word for word in an earlier round
(tests/data/understanding_*.jsonl, the shared corpus and every string of the other red-team modules,
`every_earlier_string`).

Held out, before the fixes (as the reader was when each batch was scored):
- Batch 1 (rt14a, 143), written before the word lists were studied: 135/143 (94.4 %), ONE FALSE ALARM ("nou,
  mijn schuurdeur hangt scheef en sluit niet meer": a shed door hanging askew read as a drooping face, 112).
  24 messages first written were word for word in earlier rounds (short answers mostly: "centrum", "HENK",
  "2 graag", "nee liever niet", "HET IS DRINGEND", "terug naar het begin", and the brief's own example
  "goedemiddag, kan er iemand dinsdag met me naar de dokter"), and so were 5 first rewordings; all were
  reworded before this figure was taken.
  first_message 21/24, menu 12/13, ask_when 25/26, ask_category 16/17, invitation 9/10, any_state 8/9,
  name 10/10, neighbourhood 10/10, consent 7/7, ask_urgency 8/8, checkin 9/9.
  One expectation was wrong by the corpus's own convention and was corrected after scoring: an offer's "heb
  alleen in het weekend tijd" was written "weekends"; earlier rounds read an offer's day as said
  (rt3-first-030 "vooral in het weekend" is "this weekend", dev-first-022 "op zaterdag tijd" is "saturday"),
  so it is "this weekend". It stays a miss in the figure above (the reading also added a category).
- Batch 2 (rt14b, 62), written after batch 1's fixes and not aimed at them: 51/62 (82.3 %), no false alarm
  (its one look-alike, "ik heb het gevoel dat ik verzuip", raised none). Five messages first written were in
  earlier rounds ("over een uurtje", "bij het station", "moet dat echt?", "morgen zou fijn zijn", "opnieuw
  beginnen") and were reworded before scoring.
  first_message 8/10, menu 3/6, invitation 1/5, ask_urgency 2/3, checkin 3/4, ask_when 10/10,
  ask_category 7/7, name 4/4, neighbourhood 5/5, consent 3/3, any_state 5/5.
  Three expectations were against earlier rounds' decided readings and were corrected after scoring (no
  code changed for them): "het kan wel even wachten" is this_week, not any (urgency.toml lists "kan wel even
  wachten" there and rt8c-nl-ask_urgency-03 "het kan nog wel even wachten" expects it); a time with "pas
  om" in an invitation is the hour itself, not "after" it ("ja hoor, maar ik ben er pas om 4 uur" is
  "16:00", as tests/test_conditions.py reads "kan pas om 3 uur" "15:00", and the meeting flow proposes that
  hour), and so "ja! ik kan na het werk, rond half 6" is "17:30". By those conventions batch 2 read 54/62
  (87.1 %) before its fixes.
  The honest generalisation figure is 51/62 as written (54/62 by the conventions): the time reader, names,
  neighbourhoods, consent and any-state commands carried over whole; what failed were words for the same
  things said another way (a "koffie-uurtje", "is het mogelijk dat iemand", "ik kom helpen", "deze keer sla
  ik over", "ik lig met griep in bed", "ik verzuip"), the weak spot every reading round finds.
After: batch 1 143/143, batch 2 62/62, no false alarm. ../shared/understanding/dev.jsonl 328/328, crises
27/27, 0 false alarms, before and after.

Mechanisms (words in flows/understanding/data/*.toml; code only where a rule was missing):
- Crisis: "hangt scheef" alone was a 112 phrase (a drooping face); it now needs the mouth or face ("mond
  hangt ... scheef", "hangt zijn mond ... scheef"), so a door, a painting or a shed door is no stroke. An
  English carer's "drowning in it all / in paperwork" is a saying (crisis.toml [idioms]); "my son is
  drowning in the canal" stays 112. `crisis.kinds_in` reads the 11,392 earlier texts (every round's strings
  and corpora) as before.
- Kinds of help (categories.toml [choice]): being retired is no pension paperwork ("ben ... met pensioen",
  an idiom, so "de brief over mijn pensioen" stays formulieren); "alleen" before a time is "only", not
  alone ("heb alleen in het weekend tijd" leant to gezelschap); "ik moet zelf ..." opens the asker's own
  errand, like "zodat ik" ("met mijn hond wandelen, ik moet zelf naar het ziekenhuis" read vervoer).
- A number chosen after fillers ("eeh 2 graag", "nou, de tweede"): categories._numbered leaves out the
  fillers before the number (a number word that is also one, "een", stays).
- Drawn-out hesitations ("eeh", "ehhh", "uhmm", "hmmm", "emm") are folded to the filler the lexicons list
  (text.words), so every reader that knows "eh" knows "eeeh".
- Times: a change of mind that names only an hour or a daypart keeps the day said before it ("vrijdag om 2
  uur, nee toch liever om 3 uur" is friday 15:00, "dinsdagochtend, nee middag" tuesday afternoon); one that
  names a day starts over as before (time_compose.read_time).
- Invitation: an answer that opens with "alleen" / "pas" / "only" and holds a condition is a yes with that
  condition ("alleen 's ochtends", "pas na 3 uur", "alleen niet tillen"); with no condition it reads as
  before (answers.read_invitation). Ill in other words is a no ("lig met griep", "zit met koorts", "ben
  verkouden", not "heb griep gehad maar kan wel"), and so is skipping a turn ("sla ik * over").
- Intents (intents.toml): "me opgeven / inschrijven om te helpen", "ik kom helpen" are offers (not "kan er
  iemand komen helpen", nor "opgeven voor de wandelgroep"); "is het mogelijk dat / om", "bestaat de
  mogelijkheid" ask; a "koffie-uurtje", "theemiddag", "koffie-inloop" is on the agenda; a question about a
  bill or a letter ("een vraag over de rekening van de thuiszorg") is paperwork even when a service of the
  sociale kaart sent it (the paper_help rule), while "een vraag over de voedselbank" stays the sociale kaart;
  "laat maar, stop" is a stop (a whole-message stop phrase): "laat maar" alone stays the cancel command of
  commands.toml, so it is not made a filler (tried first: it broke that command, test_understanding_intent).
- Language: one's own Dutch said to be poor ("mijn Nederlands is niet zo goed", "spreek slecht
  Nederlands") is a not-understood reason (languages.toml), and with one the message may be twice the
  request's word limit, so "kunt u in het Turks schrijven, mijn Nederlands is niet zo goed" is tr.
- Check-in distress: drowning in the care, said as a picture ("ik verzuip", "ik verdrink in", "ga kopje
  onder", "hoofd niet ... boven water", "drowning in").
Earlier rounds' readings (4,721 cases and families of tests/data, the shared corpus and every red-team
module) are unchanged but one: redteam7's look-alike "... daarna is het klaar en ga ik met pensioen" no
longer reads as an ask for formulieren (it asks nothing; its family checks only that it is no crisis).

Decisions: the round stays in Dutch (lang "nl" for every row), non-crisis; a look-alike ("ik verzuip") is
marked `"crisis": false`. Phrase syntax differs per reader and was checked for each addition: the answer
readers (lexmatch: `*` for one to three words, no `[ ]` or `|`), the crisis and check-in readers
(crisis_phrases: `...` for none to three words, no `[ ]` or `|`), the rest (phrases.py: all of it).
Known misses: none; `KNOWN` is empty.
"""

# Messages are kept whole and as typed (emoji).
# ruff: noqa: E501

from __future__ import annotations

from typing import Any

import pytest

from flows.understanding import CONTEXTS
from flows.understanding.corpus import Case, score
from tests.redteam_support import NOW, as_cases, assert_case_reads, assert_family_reads, every_earlier_string

# (id, context, lang, channel, text, expect) in the corpus format of ../shared/understanding/README.md;
# rt14a: the first batch, written before the word lists were read; rt14b: the second, written after the
# first batch's fixes.
SET: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    (
        "rt14a-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "goedemiddag, kan er iemand dinsdag met me mee naar de huisarts? ik loop slecht",
        {"intent": "ask", "category": "vervoer", "when": "tuesday"},
    ),
    (
        "rt14a-nl-first_message-02",
        "first_message",
        "nl",
        "sms",
        "GOEDEMORGEN MIJN HEG MOET NODIG GESNOEID WORDEN KAN IEMAND DAT VOLGENDE WEEK DOEN",
        {"intent": "ask", "category": "tuin", "when": "next week"},
    ),
    (
        "rt14a-nl-first_message-03",
        "first_message",
        "nl",
        "whatsapp",
        "Hoi! Ik ben net met pensioen en wil graag wat voor de buurt doen 😊 vooral op maandag of woensdag",
        {"intent": "offer", "when": "monday or wednesday"},
    ),
    (
        "rt14a-nl-first_message-04",
        "first_message",
        "nl",
        "whatsapp",
        "eeh hallo, mijn laptop wil niet meer opstarten en mijn kleinzoon woont ver weg. kan iemand deze week even kijken?",
        {"intent": "ask", "category": "computer", "when": "this week"},
    ),
    (
        "rt14a-nl-first_message-05",
        "first_message",
        "nl",
        "sms",
        "goedendag. ik heb een brief van de belastingdienst gekregen en snap er niks van",
        {"intent": "ask", "category": "formulieren"},
    ),
    (
        "rt14a-nl-first_message-06",
        "first_message",
        "nl",
        "whatsapp",
        "Wie wil er vrijdagmiddag een bakkie koffie komen doen bij mijn vader? Hij zit veel alleen",
        {"intent": "ask", "category": "gezelschap", "when": "friday afternoon"},
    ),
    (
        "rt14a-nl-first_message-07",
        "first_message",
        "nl",
        "telegram",
        "kan iemand dit weekend mijn katten eten geven? we zijn bij onze dochter",
        {"intent": "ask", "category": "huisdieren", "when": "this weekend"},
    ),
    (
        "rt14a-nl-first_message-08",
        "first_message",
        "nl",
        "sms",
        "is er iemand die morgen mijn medicijnen bij de apotheek wil ophalen",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow"},
    ),
    (
        "rt14a-nl-first_message-09",
        "first_message",
        "nl",
        "whatsapp",
        "Ik heb een auto en rijd graag mensen naar het ziekenhuis, vooral op dinsdag",
        {"intent": "offer", "category": "vervoer", "when": "tuesday"},
    ),
    (
        "rt14a-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "wanneer is de volgende koffieochtend in de wijk",
        {"intent": "activity"},
    ),
    (
        "rt14a-nl-first_message-11",
        "first_message",
        "nl",
        "whatsapp",
        "Loopt de wandelgroep deze week nog? Ik zou graag een keer meelopen",
        {"intent": "activity", "when": "this week"},
    ),
    (
        "rt14a-nl-first_message-12",
        "first_message",
        "nl",
        "sms",
        "ik zou graag iemand van jullie aan de telefoon willen spreken",
        {"intent": "human"},
    ),
    (
        "rt14a-nl-first_message-13",
        "first_message",
        "nl",
        "whatsapp",
        "hallo wie is dit? ik kreeg dit nummer van de huisarts",
        {"intent": "greeting"},
    ),
    (
        "rt14a-nl-first_message-14",
        "first_message",
        "nl",
        "sms",
        "ik zit diep in de schulden en weet niet waar ik moet beginnen",
        {"intent": "service_question"},
    ),
    (
        "rt14a-nl-first_message-15",
        "first_message",
        "nl",
        "whatsapp",
        "mijn moeder van 91 moet donderdag naar de kapper maar ze kan niet meer fietsen. wie rijdt haar?",
        {"intent": "ask", "category": "vervoer", "when": "thursday"},
    ),
    (
        "rt14a-nl-first_message-16",
        "first_message",
        "nl",
        "sms",
        "wie kan er helpen met een kast in elkaar zetten. zaterdagochtend zou mooi zijn",
        {"intent": "ask", "category": "klusjes", "when": "saturday morning"},
    ),
    (
        "rt14a-nl-first_message-17",
        "first_message",
        "nl",
        "whatsapp",
        "Hey, mijn buurvrouw heeft een nieuwe telefoon en krijgt whatsapp er niet op. Kan er iemand langskomen?",
        {"intent": "ask", "category": "computer"},
    ),
    (
        "rt14a-nl-first_message-18",
        "first_message",
        "nl",
        "sms",
        "kan iemand volgende week woensdag met mijn hond wandelen ik moet zelf naar het ziekenhuis",
        {"intent": "ask", "category": "huisdieren", "when": "next wednesday"},
    ),
    (
        "rt14a-nl-first_message-19",
        "first_message",
        "nl",
        "whatsapp",
        "Graag wil ik me aanmelden als vrijwilliger, ik ben handig met computers en tablets",
        {"intent": "offer", "category": "computer"},
    ),
    (
        "rt14a-nl-first_message-20",
        "first_message",
        "nl",
        "telegram",
        "ff een vraag: is hier in de gemeente een voedselbank?",
        {"intent": "service_question"},
    ),
    (
        "rt14a-nl-first_message-21",
        "first_message",
        "nl",
        "sms",
        "goeienavond ik ben veel alleen en zou het fijn vinden als er eens iemand langs komt voor een praatje",
        {"intent": "ask", "category": "gezelschap"},
    ),
    (
        "rt14a-nl-first_message-22",
        "first_message",
        "nl",
        "whatsapp",
        "Ik moet huurtoeslag aanvragen en die formulieren zijn zo ingewikkeld 😩 het moet voor 1 december",
        {"intent": "ask", "category": "formulieren", "when": "before december 1"},
    ),
    (
        "rt14a-nl-first_message-23",
        "first_message",
        "nl",
        "sms",
        "heeft iemand vandaag nog tijd om brood en melk voor me te halen",
        {"intent": "ask", "category": "boodschappen", "when": "today"},
    ),
    (
        "rt14a-nl-first_message-24",
        "first_message",
        "nl",
        "whatsapp",
        "nou, mijn schuurdeur hangt scheef en sluit niet meer. iemand die handig is?",
        {"intent": "ask", "category": "klusjes"},
    ),
    ("rt14a-nl-menu-01", "menu", "nl", "sms", "1 graag", {"intent": "ask"}),
    ("rt14a-nl-menu-02", "menu", "nl", "whatsapp", "Twee! Ik help graag 💪", {"intent": "offer"}),
    ("rt14a-nl-menu-03", "menu", "nl", "sms", "HULP VRAGEN AUB", {"intent": "ask"}),
    ("rt14a-nl-menu-04", "menu", "nl", "sms", "4 alstublieft", {"intent": "stop"}),
    (
        "rt14a-nl-menu-05",
        "menu",
        "nl",
        "whatsapp",
        "ik zoek iemand die morgenochtend mijn gordijnen op kan hangen",
        {"intent": "ask", "category": "klusjes", "when": "tomorrow morning"},
    ),
    (
        "rt14a-nl-menu-06",
        "menu",
        "nl",
        "sms",
        "kan er iemand met me mee naar het gemeentehuis volgende week",
        {"intent": "ask", "category": "vervoer", "when": "next week"},
    ),
    (
        "rt14a-nl-menu-07",
        "menu",
        "nl",
        "telegram",
        "ik wil me opgeven om te helpen, heb alleen in het weekend tijd",
        {"intent": "offer", "when": "this weekend"},
    ),
    (
        "rt14a-nl-menu-08",
        "menu",
        "nl",
        "whatsapp",
        "nou, ik weet het eigenlijk niet zo goed, kan ik iemand bellen?",
        {"intent": "human"},
    ),
    (
        "rt14a-nl-menu-09",
        "menu",
        "nl",
        "sms",
        "wat voor activiteiten zijn er in het buurthuis",
        {"intent": "activity"},
    ),
    (
        "rt14a-nl-menu-10",
        "menu",
        "nl",
        "whatsapp",
        "het gras moet gemaaid, iemand zaterdag?",
        {"intent": "ask", "category": "tuin", "when": "saturday"},
    ),
    ("rt14a-nl-menu-11", "menu", "nl", "sms", "goeiemorgen samen", {"intent": "greeting"}),
    (
        "rt14a-nl-menu-12",
        "menu",
        "nl",
        "whatsapp",
        "ik wil graag hulp met mijn mail op de tablet, liefst vanmiddag",
        {"intent": "ask", "category": "computer", "when": "today afternoon"},
    ),
    ("rt14a-nl-menu-13", "menu", "nl", "sms", "ik hoef geen berichtjes meer van jullie", {"intent": "stop"}),
    (
        "rt14a-nl-ask_category-01",
        "ask_category",
        "nl",
        "sms",
        "mijn printer doet het niet meer sinds gisteren",
        {"category": "computer"},
    ),
    (
        "rt14a-nl-ask_category-02",
        "ask_category",
        "nl",
        "whatsapp",
        "de heg moet gesnoeid",
        {"category": "tuin"},
    ),
    (
        "rt14a-nl-ask_category-03",
        "ask_category",
        "nl",
        "sms",
        "iemand die met me naar het ziekenhuis gaat",
        {"category": "vervoer"},
    ),
    (
        "rt14a-nl-ask_category-04",
        "ask_category",
        "nl",
        "whatsapp",
        "de afvoer van het aanrecht is verstopt",
        {"category": "klusjes"},
    ),
    (
        "rt14a-nl-ask_category-05",
        "ask_category",
        "nl",
        "whatsapp",
        "even een praatje, ik zie zo weinig mensen",
        {"category": "gezelschap"},
    ),
    (
        "rt14a-nl-ask_category-06",
        "ask_category",
        "nl",
        "sms",
        "mijn post, ik snap die brieven niet",
        {"category": "formulieren"},
    ),
    (
        "rt14a-nl-ask_category-07",
        "ask_category",
        "nl",
        "sms",
        "de hond moet uit en ik kan slecht lopen",
        {"category": "huisdieren"},
    ),
    ("rt14a-nl-ask_category-08", "ask_category", "nl", "sms", "eeh 2 graag", {"category": "vervoer"}),
    (
        "rt14a-nl-ask_category-09",
        "ask_category",
        "nl",
        "sms",
        "eeh boodschapen",
        {"category": "boodschappen"},
    ),
    (
        "rt14a-nl-ask_category-10",
        "ask_category",
        "nl",
        "whatsapp",
        "ik wil leren videobellen met mijn kleinkinderen",
        {"category": "computer"},
    ),
    (
        "rt14a-nl-ask_category-11",
        "ask_category",
        "nl",
        "whatsapp",
        "mijn kamerplanten moeten verpot worden 🪴",
        {"category": "tuin"},
    ),
    (
        "rt14a-nl-ask_category-12",
        "ask_category",
        "nl",
        "sms",
        "het schilderij moet opgehangen worden",
        {"category": "klusjes"},
    ),
    (
        "rt14a-nl-ask_category-13",
        "ask_category",
        "nl",
        "whatsapp",
        "iets anders eigenlijk, ik zoek iemand die af en toe voor me kookt",
        {"category": "anders"},
    ),
    (
        "rt14a-nl-ask_category-14",
        "ask_category",
        "nl",
        "sms",
        "de kattenbak verschonen, ik kan niet meer bukken",
        {"category": "huisdieren"},
    ),
    (
        "rt14a-nl-ask_category-15",
        "ask_category",
        "nl",
        "sms",
        "de kliko moet elke week aan de straat",
        {"category": "klusjes"},
    ),
    (
        "rt14a-nl-ask_category-16",
        "ask_category",
        "nl",
        "whatsapp",
        "ik moet naar de fysio en heb geen vervoer",
        {"category": "vervoer"},
    ),
    (
        "rt14a-nl-ask_category-17",
        "ask_category",
        "nl",
        "sms",
        "de boodschappen van de jumbo",
        {"category": "boodschappen"},
    ),
    ("rt14a-nl-ask_when-01", "ask_when", "nl", "sms", "na de middag", {"when": "afternoon"}),
    ("rt14a-nl-ask_when-02", "ask_when", "nl", "whatsapp", "ergens volgende week", {"when": "next week"}),
    ("rt14a-nl-ask_when-03", "ask_when", "nl", "sms", "om half 3", {"when": "14:30"}),
    ("rt14a-nl-ask_when-04", "ask_when", "nl", "sms", "kwart over tien graag", {"when": "10:15"}),
    ("rt14a-nl-ask_when-05", "ask_when", "nl", "whatsapp", "donderdag, nee vrijdag", {"when": "friday"}),
    ("rt14a-nl-ask_when-06", "ask_when", "nl", "sms", "zo snel mogelijk graag", {"when": "asap"}),
    ("rt14a-nl-ask_when-07", "ask_when", "nl", "sms", "maandag voor 10 uur", {"when": "monday before 10:00"}),
    (
        "rt14a-nl-ask_when-08",
        "ask_when",
        "nl",
        "sms",
        "DINSDAG OF WOENSDAG IS GOED",
        {"when": "tuesday or wednesday"},
    ),
    (
        "rt14a-nl-ask_when-09",
        "ask_when",
        "nl",
        "whatsapp",
        "morgen tussen 1 en 3",
        {"when": "tomorrow between 13:00 and 15:00"},
    ),
    ("rt14a-nl-ask_when-10", "ask_when", "nl", "whatsapp", "vanavond na het eten", {"when": "today evening"}),
    ("rt14a-nl-ask_when-11", "ask_when", "nl", "sms", "de 12e om 11 uur", {"when": "12th 11:00"}),
    ("rt14a-nl-ask_when-12", "ask_when", "nl", "sms", "over 2 weekjes", {"when": "in 2 weeks"}),
    (
        "rt14a-nl-ask_when-13",
        "ask_when",
        "nl",
        "whatsapp",
        "iedere vrijdag in de ochtend",
        {"when": "every friday morning"},
    ),
    (
        "rt14a-nl-ask_when-14",
        "ask_when",
        "nl",
        "sms",
        "om de week, op maandag",
        {"when": "every other monday"},
    ),
    ("rt14a-nl-ask_when-15", "ask_when", "nl", "whatsapp", "geen idee eerlijk gezegd", {"unclear": True}),
    ("rt14a-nl-ask_when-16", "ask_when", "nl", "sms", "hangt van het weer af", {"unclear": True}),
    ("rt14a-nl-ask_when-17", "ask_when", "nl", "whatsapp", "maakt me niks uit hoor", {"when": "flexible"}),
    (
        "rt14a-nl-ask_when-18",
        "ask_when",
        "nl",
        "sms",
        "zaterdag rond een uur of elf",
        {"when": "saturday 11:00"},
    ),
    (
        "rt14a-nl-ask_when-19",
        "ask_when",
        "nl",
        "whatsapp",
        "morgenmiddag na vieren",
        {"when": "tomorrow after 16:00"},
    ),
    ("rt14a-nl-ask_when-20", "ask_when", "nl", "sms", "liefst begin volgende week", {"when": "next week"}),
    (
        "rt14a-nl-ask_when-21",
        "ask_when",
        "nl",
        "sms",
        "overmorgen in de ochtend",
        {"when": "day after tomorrow morning"},
    ),
    ("rt14a-nl-ask_when-22", "ask_when", "nl", "whatsapp", "om 10 uur 's ochtends", {"when": "10:00"}),
    (
        "rt14a-nl-ask_when-23",
        "ask_when",
        "nl",
        "whatsapp",
        "eeh vrijdag om 2 uur, nee toch liever om 3 uur",
        {"when": "friday 15:00"},
    ),
    ("rt14a-nl-ask_when-24", "ask_when", "nl", "sms", "morgenvroeg", {"when": "tomorrow morning"}),
    (
        "rt14a-nl-ask_when-25",
        "ask_when",
        "nl",
        "whatsapp",
        "nou, deze week nog als het kan",
        {"when": "this week"},
    ),
    (
        "rt14a-nl-ask_when-26",
        "ask_when",
        "nl",
        "sms",
        "ELKE WOENSDAGMIDDAG GRAAG",
        {"when": "every wednesday afternoon"},
    ),
    ("rt14a-nl-name-01", "name", "nl", "whatsapp", "zeg maar Joke", {"name": "Joke"}),
    ("rt14a-nl-name-02", "name", "nl", "sms", "mevrouw van Dijk", {"name": "mevrouw van Dijk"}),
    (
        "rt14a-nl-name-03",
        "name",
        "nl",
        "whatsapp",
        "Ik heet Cornelis maar iedereen zegt Kees",
        {"name": "Kees"},
    ),
    ("rt14a-nl-name-04", "name", "nl", "sms", "dat zeg ik liever niet via de telefoon", {"not_a_name": True}),
    ("rt14a-nl-name-05", "name", "nl", "sms", "Meneer de Vries graag", {"name": "meneer de Vries"}),
    ("rt14a-nl-name-06", "name", "nl", "whatsapp", "hoezo wil je mijn naam weten", {"not_a_name": True}),
    ("rt14a-nl-name-07", "name", "nl", "whatsapp", "Ans 😊", {"name": "Ans"}),
    ("rt14a-nl-name-08", "name", "nl", "sms", "HENK HIER", {"name": "Henk"}),
    ("rt14a-nl-name-09", "name", "nl", "whatsapp", "noem me maar gewoon Riet", {"name": "Riet"}),
    ("rt14a-nl-name-10", "name", "nl", "sms", "ja hoor dat mag", {"not_a_name": True}),
    ("rt14a-nl-neighbourhood-01", "neighbourhood", "nl", "sms", "7391 AB", {"postcode": "7391"}),
    (
        "rt14a-nl-neighbourhood-02",
        "neighbourhood",
        "nl",
        "whatsapp",
        "centrum hoor",
        {"neighbourhood": "Oude Haven"},
    ),
    ("rt14a-nl-neighbourhood-03", "neighbourhood", "nl", "sms", "bij de grote kerk", {"unknown": True}),
    (
        "rt14a-nl-neighbourhood-04",
        "neighbourhood",
        "nl",
        "whatsapp",
        "ik woon in de molenwijk",
        {"neighbourhood": "Molenwijk"},
    ),
    ("rt14a-nl-neighbourhood-05", "neighbourhood", "nl", "sms", "7397ck", {"postcode": "7397"}),
    (
        "rt14a-nl-neighbourhood-06",
        "neighbourhood",
        "nl",
        "sms",
        "in de akkers",
        {"neighbourhood": "De Akkers"},
    ),
    (
        "rt14a-nl-neighbourhood-07",
        "neighbourhood",
        "nl",
        "whatsapp",
        "naast de Albert Heijn aan het plein",
        {"unknown": True},
    ),
    (
        "rt14a-nl-neighbourhood-08",
        "neighbourhood",
        "nl",
        "sms",
        "mijn postcode is 7395 GH",
        {"postcode": "7395"},
    ),
    (
        "rt14a-nl-neighbourhood-09",
        "neighbourhood",
        "nl",
        "whatsapp",
        "in het centrum, vlakbij de haven",
        {"neighbourhood": "Oude Haven"},
    ),
    ("rt14a-nl-neighbourhood-10", "neighbourhood", "nl", "sms", "ik woon in apeldoorn", {"unknown": True}),
    ("rt14a-nl-consent-01", "consent", "nl", "sms", "ja hoor, dat is goed", {"answer": "yes"}),
    ("rt14a-nl-consent-02", "consent", "nl", "whatsapp", "eh... ja, ok dan", {"answer": "yes"}),
    (
        "rt14a-nl-consent-03",
        "consent",
        "nl",
        "whatsapp",
        "wie kan dat allemaal zien?",
        {"answer": "question"},
    ),
    ("rt14a-nl-consent-04", "consent", "nl", "sms", "nee liever niet eigenlijk", {"answer": "no"}),
    ("rt14a-nl-consent-05", "consent", "nl", "sms", "wat bedoelt u met bewaren?", {"answer": "question"}),
    ("rt14a-nl-consent-06", "consent", "nl", "sms", "JA PRIMA", {"answer": "yes"}),
    ("rt14a-nl-consent-07", "consent", "nl", "whatsapp", "nee, dat wil ik echt niet", {"answer": "no"}),
    (
        "rt14a-nl-ask_urgency-01",
        "ask_urgency",
        "nl",
        "sms",
        "vandaag nog graag als het kan",
        {"urgency": "today"},
    ),
    (
        "rt14a-nl-ask_urgency-02",
        "ask_urgency",
        "nl",
        "whatsapp",
        "nee joh, het heeft geen haast",
        {"urgency": "any"},
    ),
    ("rt14a-nl-ask_urgency-03", "ask_urgency", "nl", "sms", "liefst deze week nog", {"urgency": "this_week"}),
    (
        "rt14a-nl-ask_urgency-04",
        "ask_urgency",
        "nl",
        "sms",
        "HET IS ECHT HEEL DRINGEND",
        {"urgency": "today"},
    ),
    (
        "rt14a-nl-ask_urgency-05",
        "ask_urgency",
        "nl",
        "whatsapp",
        "optie 2 graag, deze week",
        {"urgency": "this_week"},
    ),
    (
        "rt14a-nl-ask_urgency-06",
        "ask_urgency",
        "nl",
        "whatsapp",
        "volgende maand is ook nog prima",
        {"urgency": "any"},
    ),
    (
        "rt14a-nl-ask_urgency-07",
        "ask_urgency",
        "nl",
        "sms",
        "voor het weekend zou wel fijn zijn",
        {"urgency": "this_week"},
    ),
    (
        "rt14a-nl-ask_urgency-08",
        "ask_urgency",
        "nl",
        "sms",
        "eigenlijk zo snel mogelijk, ik heb niks meer in huis",
        {"urgency": "today"},
    ),
    (
        "rt14a-nl-invitation-01",
        "invitation",
        "nl",
        "whatsapp",
        "ja maar pas na 2 uur hoor",
        {"answer": "yes", "condition": "after 14:00"},
    ),
    (
        "rt14a-nl-invitation-02",
        "invitation",
        "nl",
        "sms",
        "alleen 's ochtends",
        {"answer": "yes", "condition": "morning only"},
    ),
    (
        "rt14a-nl-invitation-03",
        "invitation",
        "nl",
        "whatsapp",
        "ja, maar niet tillen ivm mijn rug",
        {"answer": "yes", "condition": "no lifting"},
    ),
    ("rt14a-nl-invitation-04", "invitation", "nl", "sms", "nee sorry, ik ben grieperig", {"answer": "no"}),
    (
        "rt14a-nl-invitation-05",
        "invitation",
        "nl",
        "whatsapp",
        "nu even niet, volgende week wel",
        {"answer": "later", "condition": "next week"},
    ),
    ("rt14a-nl-invitation-06", "invitation", "nl", "whatsapp", "Ja hoor! 👍", {"answer": "yes"}),
    (
        "rt14a-nl-invitation-07",
        "invitation",
        "nl",
        "sms",
        "ja, als het voor vieren klaar is",
        {"answer": "yes", "condition": "done before 16:00"},
    ),
    (
        "rt14a-nl-invitation-08",
        "invitation",
        "nl",
        "sms",
        "helaas, ik zit in het buitenland",
        {"answer": "no"},
    ),
    (
        "rt14a-nl-invitation-09",
        "invitation",
        "nl",
        "sms",
        "JA MAAR IK HEB GEEN AUTO",
        {"answer": "yes", "condition": "on foot, no car"},
    ),
    (
        "rt14a-nl-invitation-10",
        "invitation",
        "nl",
        "whatsapp",
        "ja, ik neem mijn dochter mee als dat mag",
        {"answer": "yes", "condition": "may bring her daughter"},
    ),
    (
        "rt14a-nl-checkin-01",
        "checkin",
        "nl",
        "whatsapp",
        "goed hoor, we hebben een fijne week gehad",
        {"answer": "good"},
    ),
    ("rt14a-nl-checkin-02", "checkin", "nl", "sms", "het gaat z'n gangetje", {"answer": "okay"}),
    (
        "rt14a-nl-checkin-03",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar deze week, hij was erg verward",
        {"answer": "heavy"},
    ),
    (
        "rt14a-nl-checkin-04",
        "checkin",
        "nl",
        "sms",
        "ik kan echt niet meer, ik ben op",
        {"answer": "heavy", "distress": True},
    ),
    ("rt14a-nl-checkin-05", "checkin", "nl", "whatsapp", "prima hoor deze week 👍", {"answer": "good"}),
    ("rt14a-nl-checkin-06", "checkin", "nl", "sms", "MOEILIJK", {"answer": "heavy"}),
    (
        "rt14a-nl-checkin-07",
        "checkin",
        "nl",
        "whatsapp",
        "ik ben kapot, maar het lukt wel",
        {"answer": "okay"},
    ),
    (
        "rt14a-nl-checkin-08",
        "checkin",
        "nl",
        "whatsapp",
        "ik ben helemaal leeg, ik trek dit niet langer",
        {"answer": "heavy", "distress": True},
    ),
    ("rt14a-nl-checkin-09", "checkin", "nl", "sms", "redelijk, de thuiszorg helpt veel", {"answer": "okay"}),
    ("rt14a-nl-any_state-01", "any_state", "nl", "sms", "stop met sms'en aub", {"intent": "stop"}),
    (
        "rt14a-nl-any_state-02",
        "any_state",
        "nl",
        "whatsapp",
        "kan ik met een echt persoon praten",
        {"intent": "human"},
    ),
    ("rt14a-nl-any_state-03", "any_state", "nl", "sms", "terug naar het begin graag", {"intent": "menu"}),
    (
        "rt14a-nl-any_state-04",
        "any_state",
        "nl",
        "whatsapp",
        "kunnen we in het Engels verder?",
        {"intent": "language", "language": "en"},
    ),
    (
        "rt14a-nl-any_state-05",
        "any_state",
        "nl",
        "sms",
        "ik wil niet meer meedoen, haal me van de lijst",
        {"intent": "stop"},
    ),
    (
        "rt14a-nl-any_state-06",
        "any_state",
        "nl",
        "whatsapp",
        "mag ik de buurtverbinder even bellen?",
        {"intent": "human"},
    ),
    (
        "rt14a-nl-any_state-07",
        "any_state",
        "nl",
        "whatsapp",
        "ga maar terug naar het menu",
        {"intent": "menu"},
    ),
    (
        "rt14a-nl-any_state-08",
        "any_state",
        "nl",
        "sms",
        "kunt u in het Turks schrijven, mijn Nederlands is niet zo goed",
        {"intent": "language", "language": "tr"},
    ),
    ("rt14a-nl-any_state-09", "any_state", "nl", "sms", "UITSCHRIJVEN", {"intent": "stop"}),
    (
        "rt14b-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "Goedenavond, mijn man is slecht ter been en moet vrijdag om kwart voor elf bij de oogarts zijn. Wie kan ons rijden? Mvg Tine",
        {"intent": "ask", "category": "vervoer", "when": "friday 10:45"},
    ),
    (
        "rt14b-nl-first_message-02",
        "first_message",
        "nl",
        "whatsapp",
        "Hallo 👋 ik woon hier sinds kort en ken nog niemand. Is er iets van een koffie-uurtje of zo?",
        {"intent": "activity"},
    ),
    (
        "rt14b-nl-first_message-03",
        "first_message",
        "nl",
        "sms",
        "kan iemand mijn grasmat maaien. de maaier heb ik zelf",
        {"intent": "ask", "category": "tuin"},
    ),
    (
        "rt14b-nl-first_message-04",
        "first_message",
        "nl",
        "whatsapp",
        "ik wil graag mijn hulp aanbieden bij het invullen van formulieren, ben oud-belastingadviseur",
        {"intent": "offer", "category": "formulieren"},
    ),
    (
        "rt14b-nl-first_message-05",
        "first_message",
        "nl",
        "telegram",
        "Mijn oma (88) heeft een nieuwe tv en krijgt de zenders niet goed. Kan iemand zaterdag even langs?",
        {"intent": "ask", "category": "computer", "when": "saturday"},
    ),
    (
        "rt14b-nl-first_message-06",
        "first_message",
        "nl",
        "sms",
        "wie kan morgen voor mij naar de Lidl, ik heb een lijstje",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow"},
    ),
    (
        "rt14b-nl-first_message-07",
        "first_message",
        "nl",
        "whatsapp",
        "Goedemorgen! Wij zijn volgende week weg, wie wil onze vissen voeren? 🐠",
        {"intent": "ask", "category": "huisdieren", "when": "next week"},
    ),
    (
        "rt14b-nl-first_message-08",
        "first_message",
        "nl",
        "sms",
        "mijn mail doet raar, ik krijg niks meer binnen",
        {"intent": "ask", "category": "computer"},
    ),
    (
        "rt14b-nl-first_message-09",
        "first_message",
        "nl",
        "whatsapp",
        "is het mogelijk dat iemand met mijn vader gaat wandelen? hij heeft beginnende dementie",
        {"intent": "ask", "category": "gezelschap"},
    ),
    (
        "rt14b-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "wanneer is de volgende bingo in het buurthuis",
        {"intent": "activity"},
    ),
    ("rt14b-nl-menu-01", "menu", "nl", "sms", "nummer een graag", {"intent": "ask"}),
    ("rt14b-nl-menu-02", "menu", "nl", "whatsapp", "ik kom helpen!", {"intent": "offer"}),
    (
        "rt14b-nl-menu-03",
        "menu",
        "nl",
        "sms",
        "ik heb een vraag over de rekening van de thuiszorg",
        {"intent": "ask", "category": "formulieren"},
    ),
    (
        "rt14b-nl-menu-04",
        "menu",
        "nl",
        "whatsapp",
        "Kan iemand mij overmorgen naar de fysio brengen?",
        {"intent": "ask", "category": "vervoer", "when": "day after tomorrow"},
    ),
    ("rt14b-nl-menu-05", "menu", "nl", "sms", "nee laat maar, stop", {"intent": "stop"}),
    (
        "rt14b-nl-menu-06",
        "menu",
        "nl",
        "telegram",
        "ik wil graag met iemand van jullie bellen",
        {"intent": "human"},
    ),
    ("rt14b-nl-ask_category-01", "ask_category", "nl", "sms", "de wasmachine lekt", {"category": "klusjes"}),
    (
        "rt14b-nl-ask_category-02",
        "ask_category",
        "nl",
        "whatsapp",
        "mijn mobiel doet raar",
        {"category": "computer"},
    ),
    (
        "rt14b-nl-ask_category-03",
        "ask_category",
        "nl",
        "sms",
        "brieven van het CAK",
        {"category": "formulieren"},
    ),
    (
        "rt14b-nl-ask_category-04",
        "ask_category",
        "nl",
        "whatsapp",
        "de poes eten geven als ik weg ben",
        {"category": "huisdieren"},
    ),
    (
        "rt14b-nl-ask_category-05",
        "ask_category",
        "nl",
        "sms",
        "onkruid tussen de tegels",
        {"category": "tuin"},
    ),
    (
        "rt14b-nl-ask_category-06",
        "ask_category",
        "nl",
        "whatsapp",
        "iemand die een keer per week langskomt voor de gezelligheid",
        {"category": "gezelschap"},
    ),
    (
        "rt14b-nl-ask_category-07",
        "ask_category",
        "nl",
        "sms",
        "ik moet naar de tandarts in de stad",
        {"category": "vervoer"},
    ),
    (
        "rt14b-nl-ask_when-01",
        "ask_when",
        "nl",
        "sms",
        "dinsdag of donderdagmiddag",
        {"when": "tuesday or thursday afternoon"},
    ),
    (
        "rt14b-nl-ask_when-02",
        "ask_when",
        "nl",
        "whatsapp",
        "half 11 morgenochtend",
        {"when": "tomorrow 10:30"},
    ),
    ("rt14b-nl-ask_when-03", "ask_when", "nl", "sms", "tegen de avond", {"when": "evening"}),
    (
        "rt14b-nl-ask_when-04",
        "ask_when",
        "nl",
        "whatsapp",
        "vanmiddag al als het kan",
        {"when": "today afternoon"},
    ),
    (
        "rt14b-nl-ask_when-05",
        "ask_when",
        "nl",
        "sms",
        "ergens deze week, maakt niet zoveel uit",
        {"when": "this week"},
    ),
    (
        "rt14b-nl-ask_when-06",
        "ask_when",
        "nl",
        "whatsapp",
        "weet ik nog niet, ik moet eerst mijn dochter vragen",
        {"unclear": True},
    ),
    ("rt14b-nl-ask_when-07", "ask_when", "nl", "sms", "op de 3e om half 10", {"when": "3rd 09:30"}),
    ("rt14b-nl-ask_when-08", "ask_when", "nl", "whatsapp", "over een uurtje of zo", {"when": "in 1 hour"}),
    (
        "rt14b-nl-ask_when-09",
        "ask_when",
        "nl",
        "sms",
        "volgende week vrijdag in de middag",
        {"when": "next friday afternoon"},
    ),
    ("rt14b-nl-ask_when-10", "ask_when", "nl", "sms", "na vijven", {"when": "after 17:00"}),
    (
        "rt14b-nl-name-01",
        "name",
        "nl",
        "whatsapp",
        "Mijn naam is Gerrit Jan, maar zeg maar Gert",
        {"name": "Gert"},
    ),
    ("rt14b-nl-name-02", "name", "nl", "sms", "mevr. Bakker", {"name": "mevrouw Bakker"}),
    ("rt14b-nl-name-03", "name", "nl", "sms", "hoeft niet", {"not_a_name": True}),
    ("rt14b-nl-name-04", "name", "nl", "whatsapp", "Wim, de buurman van Truus", {"name": "Wim"}),
    ("rt14b-nl-neighbourhood-01", "neighbourhood", "nl", "sms", "7398 PX", {"postcode": "7398"}),
    (
        "rt14b-nl-neighbourhood-02",
        "neighbourhood",
        "nl",
        "whatsapp",
        "Bloemhof, achter de school",
        {"neighbourhood": "Bloemhof"},
    ),
    ("rt14b-nl-neighbourhood-03", "neighbourhood", "nl", "sms", "vlak bij het station", {"unknown": True}),
    (
        "rt14b-nl-neighbourhood-04",
        "neighbourhood",
        "nl",
        "whatsapp",
        "in de oude haven, boven de bakker",
        {"neighbourhood": "Oude Haven"},
    ),
    ("rt14b-nl-neighbourhood-05", "neighbourhood", "nl", "sms", "ik woon in Deventer", {"unknown": True}),
    ("rt14b-nl-consent-01", "consent", "nl", "whatsapp", "ja, dat vind ik goed hoor", {"answer": "yes"}),
    ("rt14b-nl-consent-02", "consent", "nl", "sms", "moet dat echt bewaard worden?", {"answer": "question"}),
    ("rt14b-nl-consent-03", "consent", "nl", "sms", "nee hoor, liever niet bewaren", {"answer": "no"}),
    (
        "rt14b-nl-ask_urgency-01",
        "ask_urgency",
        "nl",
        "whatsapp",
        "morgen zou wel heel fijn zijn",
        {"urgency": "this_week"},
    ),
    (
        "rt14b-nl-ask_urgency-02",
        "ask_urgency",
        "nl",
        "sms",
        "het kan wel even wachten",
        {"urgency": "this_week"},
    ),
    (
        "rt14b-nl-ask_urgency-03",
        "ask_urgency",
        "nl",
        "sms",
        "liefst vandaag nog, ik heb geen brood meer",
        {"urgency": "today"},
    ),
    (
        "rt14b-nl-invitation-01",
        "invitation",
        "nl",
        "whatsapp",
        "ja! ik kan na het werk, rond half 6",
        {"answer": "yes", "condition": "17:30"},
    ),
    ("rt14b-nl-invitation-02", "invitation", "nl", "sms", "sorry, ik lig met griep in bed", {"answer": "no"}),
    (
        "rt14b-nl-invitation-03",
        "invitation",
        "nl",
        "whatsapp",
        "misschien, ik moet even in mijn agenda kijken",
        {"answer": "later"},
    ),
    (
        "rt14b-nl-invitation-04",
        "invitation",
        "nl",
        "whatsapp",
        "ja hoor, maar ik ben er pas om 4 uur",
        {"answer": "yes", "condition": "16:00"},
    ),
    ("rt14b-nl-invitation-05", "invitation", "nl", "sms", "deze keer sla ik over", {"answer": "no"}),
    (
        "rt14b-nl-checkin-01",
        "checkin",
        "nl",
        "whatsapp",
        "het was een goede week, hij was rustig",
        {"answer": "good"},
    ),
    (
        "rt14b-nl-checkin-02",
        "checkin",
        "nl",
        "sms",
        "wisselend, sommige dagen gaat het beter dan andere",
        {"answer": "okay"},
    ),
    (
        "rt14b-nl-checkin-03",
        "checkin",
        "nl",
        "whatsapp",
        "ik heb het gevoel dat ik verzuip",
        {"answer": "heavy", "distress": True, "crisis": False},
    ),
    ("rt14b-nl-checkin-04", "checkin", "nl", "sms", "zwaar, maar we redden het", {"answer": "heavy"}),
    ("rt14b-nl-any_state-01", "any_state", "nl", "sms", "ik wil hier mee stoppen", {"intent": "stop"}),
    (
        "rt14b-nl-any_state-02",
        "any_state",
        "nl",
        "whatsapp",
        "geef mij maar iemand aan de lijn",
        {"intent": "human"},
    ),
    ("rt14b-nl-any_state-03", "any_state", "nl", "sms", "kan ik opnieuw beginnen", {"intent": "menu"}),
    (
        "rt14b-nl-any_state-04",
        "any_state",
        "nl",
        "whatsapp",
        "in het Pools graag",
        {"intent": "language", "language": "pl"},
    ),
    (
        "rt14b-nl-any_state-05",
        "any_state",
        "nl",
        "whatsapp",
        "spreek je ook Arabisch?",
        {"intent": "language", "language": "ar"},
    ),
]
CASES = as_cases(SET)
# Misreadings left alone, with why.
KNOWN: dict[str, str] = {}
BATCHES = ("rt14a", "rt14b")


def test_the_set_is_new_and_covers_every_context() -> None:
    assert not {case.text.casefold() for case in CASES} & every_earlier_string(__file__)
    assert len({case.id for case in CASES}) == len(CASES) == 205
    assert len({(case.context, case.text.casefold()) for case in CASES}) == len(CASES)
    for batch in BATCHES:
        assert {case.context for case in CASES if case.id.startswith(batch)} == set(CONTEXTS)
    assert {case.lang for case in CASES} == {"nl"}
    assert not any(case.expect.get("crisis") for case in CASES)  # this round is about the rest
    assert set(KNOWN) <= {case.id for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_message_reads_as_a_careful_social_worker_would(case: Case) -> None:
    assert_case_reads(case, KNOWN)


def test_no_message_of_the_set_raises_a_crisis_and_all_but_the_known_read_right() -> None:
    result = score(CASES, NOW)
    assert result.false_alarms == 0
    assert result.passed >= len(CASES) - len(KNOWN)


# (context, text, what the reading must hold); None for a key: the reading must not have it. Paraphrases
# and look-alikes of the mechanisms the fixes added, written after them (no measure of generalisation).
FAMILIES: list[tuple[str, str, dict[str, Any]]] = [
    # Being retired is no pension paperwork; a pension letter still is.
    (
        "first_message",
        "ik ga binnenkort met pensioen en wil graag vrijwilliger worden",
        {"intent": "offer", "category": None},
    ),
    (
        "first_message",
        "ik snap niks van de brief over mijn pensioen",
        {"intent": "ask", "category": "formulieren"},
    ),
    # "Alleen" before a time is "only"; alone at home is still company.
    (
        "first_message",
        "ik wil graag helpen, maar alleen op zaterdag",
        {"intent": "offer", "category": None, "when": "saturday"},
    ),
    ("first_message", "ik zit de hele dag alleen, wie komt er een praatje maken", {"category": "gezelschap"}),
    # The asker's own errand is the reason, not the help.
    (
        "first_message",
        "wie wil mijn poes eten geven, ik moet zelf naar het ziekenhuis",
        {"intent": "ask", "category": "huisdieren"},
    ),
    (
        "first_message",
        "ik moet naar het ziekenhuis, wie kan me brengen",
        {"intent": "ask", "category": "vervoer"},
    ),
    # Fillers before a number that chooses; a number word that is also the article stays.
    ("ask_category", "ehm de 2e", {"category": "vervoer"}),
    ("ask_category", "nou, nummer 5", {"category": "computer"}),
    ("ask_category", "een tuinman", {"category": "tuin"}),
    # A drawn-out hesitation is a filler.
    ("name", "eeeh Bep", {"name": "Bep"}),
    ("consent", "uhhh ja goed", {"answer": "yes"}),
    ("menu", "hmmm 2", {"intent": "offer"}),
    # A correction of the hour or daypart only keeps the day; a new day starts over.
    ("ask_when", "zaterdag om 10 uur, nee wacht om 11 uur", {"when": "saturday 11:00"}),
    ("ask_when", "morgenochtend, nee toch liever middag", {"when": "tomorrow afternoon"}),
    ("ask_when", "dinsdag om 3, nee woensdag", {"when": "wednesday"}),
    # An invitation answered by its limit is a yes with that condition.
    ("invitation", "pas na vieren", {"answer": "yes", "condition": "after 16:00"}),
    (
        "invitation",
        "alleen als ik mijn zoon mee mag nemen",
        {"answer": "yes", "condition": "may bring her son"},
    ),
    ("invitation", "alleen heb ik deze week geen tijd", {"answer": "no", "condition": None}),
    # Signing up to help is an offer; signing up for an activity is not.
    ("first_message", "hoe kan ik me opgeven als vrijwilliger", {"intent": "offer"}),
    ("menu", "ik wil me inschrijven om mee te helpen", {"intent": "offer"}),
    ("first_message", "ik wil me opgeven voor de wandelgroep", {"intent": "activity"}),
    # One's own Dutch said to be poor, beside a language asked for.
    (
        "any_state",
        "mijn nederlands is nog niet zo goed, kan het in het engels",
        {"intent": "language", "language": "en"},
    ),
    (
        "any_state",
        "ik spreek maar weinig nederlands, liever pools alstublieft",
        {"intent": "language", "language": "pl"},
    ),
    # A door or a painting hanging askew is no stroke; a mouth or a face is.
    (
        "first_message",
        "het schilderij in de gang hangt scheef, wie kan het ophangen",
        {"crisis": None, "category": "klusjes"},
    ),
    ("first_message", "mijn vader zijn mond hangt ineens scheef", {"crisis": "112"}),
    ("first_message", "ineens hangt haar gezicht helemaal scheef", {"crisis": "112"}),
    # A coffee or tea hour is on the agenda.
    ("first_message", "hebben jullie ook een theemiddag voor ouderen?", {"intent": "activity"}),
    ("first_message", "wanneer is het koffie-uurtje in het wijkcentrum", {"intent": "activity"}),
    # "Is het mogelijk dat iemand ..." asks.
    (
        "first_message",
        "is het mogelijk om iemand te krijgen die mijn ramen lapt?",
        {"intent": "ask", "category": "klusjes"},
    ),
    (
        "first_message",
        "bestaat er de mogelijkheid dat iemand mijn boodschappen brengt",
        {"intent": "ask", "category": "boodschappen"},
    ),
    # "Ik kom helpen" offers; "kan er iemand komen helpen" asks.
    ("menu", "wij komen graag helpen", {"intent": "offer"}),
    (
        "first_message",
        "kan er iemand komen helpen met de verhuizing",
        {"intent": "ask", "category": "klusjes"},
    ),
    # A question about a bill or a letter is paperwork; about the service itself it is the sociale kaart.
    (
        "first_message",
        "ik heb een vraagje over een factuur van het ziekenhuis",
        {"intent": "ask", "category": "formulieren"},
    ),
    ("first_message", "ik heb een vraag over de voedselbank", {"intent": "service_question"}),
    # "Laat maar" before a command.
    ("any_state", "laat ook maar, stoppen", {"intent": "stop"}),
    ("any_state", "laat maar zitten", {"intent": None}),
    # Ill in other words is a no; an illness that is over is not.
    ("invitation", "helaas, ik zit met koorts thuis", {"answer": "no"}),
    ("invitation", "ik heb griep gehad maar nu kan ik wel weer", {"answer": "yes"}),
    ("invitation", "dit keer sla ik even over", {"answer": "no"}),
    # Drowning in the care is distress, not an emergency; drowning in water is 112.
    ("checkin", "ik ga echt kopje onder met alles", {"answer": "heavy", "distress": True, "crisis": None}),
    (
        "checkin",
        "ik kan mijn hoofd nauwelijks boven water houden",
        {"answer": "heavy", "distress": True, "crisis": None},
    ),
    ("first_message", "mijn kleinzoon verdrinkt in de vijver", {"crisis": "112"}),
    ("checkin", "drowning in paperwork but we manage", {"crisis": None}),
    # The mouth hanging askew said with the verb first is still a stroke sign.
    ("first_message", "opeens hangt zijn mond scheef en hij reageert niet goed", {"crisis": "112"}),
]


def test_the_families_are_not_the_sets_sentences() -> None:
    texts = {case.text.casefold() for case in CASES} | every_earlier_string(__file__)
    assert not {text.casefold() for _, text, _ in FAMILIES} & texts


@pytest.mark.parametrize(("context", "text", "holds"), FAMILIES)
def test_a_family_added_after_the_set_reads_its_paraphrases(
    context: str, text: str, holds: dict[str, object]
) -> None:
    assert_family_reads(context, text, holds)
