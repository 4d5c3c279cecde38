"""Red-team set 21 ("reading round 21"): held-out reading of how people really text, in every context:
SMS Dutch of older and hurried writers (no punctuation, all capitals, shorthand and chat words: "morg",
"vndg", "vnd", "ff", "aub", "svp", "idd", "nie", "okidoki", "jup", "nope", "nee hoor", "tuurlijk"; words
run together: "morgenmiddag2uur", "DINSDAGOCHTEND"; voice-dictation run-ons; hours as words: "half
drie", "kwart voor elf", "twee uur s middags"), first messages with greetings, an age and a life story
before the ask, and code-switching: Dutch words inside Turkish, Arabic (script and Darija in Latin
letters), Polish and English messages ("yarın boodschappen doen lazım", "potrzebuję pomocy z
formulieren od gemeente") and Turkish, Arabic or English words inside Dutch ones ("... inshallah
morgen", "salam, ik zoek iemand ...", "... she is 80 and lives alone"); emoji as answers (👍, 👎, 🙏, 🛒
beside a word) on WhatsApp and Telegram only (the README: SMS has no emoji). Three look-alikes (a phone
that fell, "ik schrik me dood van die brief", a fall down the stairs with nothing broken) are marked
`"crisis": false`. None is word for word in an earlier round (`every_earlier_string`).
The language the bot answers in is the person's: every first message and any_state message of the set
is also checked for `Reading.lang` (the language its sentence is built in: "yarın boodschappen doen
lazım" is Turkish, "ik heb hulp nodig bij de formulieren ... inshallah morgen" Dutch).

Held out, before the fixes (as the reader was when each batch was scored):
- Batch 1 (rt21a, 108), written before the word lists were studied: 93/108 (86.1 %), no false alarm (two
  look-alikes, quiet). 19 messages first written were word for word in earlier rounds (short answers
  mostly: "GOEDENAVOND", "TWEE", "okidoki", "👍👍", "tuurlijk", "prima hoor", "🛒", "molenwyk"), and three
  of their rewordings too; all were reworded before this figure was taken.
  Per context: first_message 31/36, menu 4/6, ask_when 15/19, invitation 18/20, ask_urgency 1/3,
  consent 6/6, checkin 6/6, ask_category 5/5, name 3/3, any_state 3/3, neighbourhood 1/1.
  Per language: nl 74/88, tr 8/8, ar 5/5, pl 3/4, en 3/3. The language of all 39 first-message and
  any_state messages was told right (code-switched ones included).
  One expectation was against the reader's convention and was corrected after scoring: Polish "w
  weekend" (singular) in an offer is "this weekend", as Dutch "in het weekend"; "w weekendy" is
  "weekends" (dev-first-066). By it batch 1 read 94/108.
  What failed was SMS shorthand for times and negation ("morg", "vndg", "vnd", "maakt nie uit", "ZO SNEL
  ALS T KAN" read as Sunday), an hour glued to a word ("morgenmiddag2uur", also told Darija by its
  digit), a reason clause's day taken as the choice ("donderdag ... want woensdag heb ik de kapper"),
  "NU NIET MORG WEL" without its time, and thinking aloud before a yes ("ff kijken ja kan wel na half
  vier").
- Batch 2 (rt21b, 58), written after batch 1's fixes and not aimed at them: 46/58 (79.3 %), one false
  alarm: its one look-alike ("ik ben weer eens van de trap gevallen maar gelukkig niks gebroken wel hulp
  nodig met de was") read 112. Two messages first written were in earlier rounds ("JAZEKER", "HEEFT GEEN
  HAAST") and were reworded before scoring.
  Per context: first_message 17/22, invitation 5/9, ask_when 8/11, menu 4/4, ask_urgency 2/2,
  ask_category 2/2, checkin 3/3, consent 2/2, any_state 2/2, name 1/1. Per language: nl 35/42, tr 4/5,
  ar 3/4, pl 4/5, en 0/2. The language of all 24 first-message and any_state messages was told right.
  Five expectations were against earlier rounds' conventions and were corrected after scoring (the
  reader was right): "een middag bij haar zitten" is no time (a lone part-of-day noun inside a message,
  times.toml [strict]); "vanaf maandag" is "after monday" ("vanaf" is "after" in times.toml); "I'm free
  most evenings" is "evening" (round 19: a plural part of day without a daily task stays the part of
  day); "ik ben er pas om vier uur" is "16:00" (round 18: "pas om" is the hour itself); Arabic "بعد
  العصر" alone in an invitation is "afternoon only" (round 18: a part of day alone is a limit). By them
  batch 2 read 51/58 (87.9 %).
  The honest generalisation figure is 46/58 as written, 51/58 by the conventions: the shorthand
  mechanism carried over (no batch-2 miss was shorthand); what failed was the false alarm, Dutch "of" /
  "anders" inside a Polish and an English answer, a Turkish hour with its ending ("saat ikide"), "kan nu
  niet" (not now) read as a no, two kinds offered as examples, and "na het eten".
After: batch 1 108/108, batch 2 56/58 (the two known misses below), no false alarm, every language told
right. ../shared/understanding/dev.jsonl 328/328, crises 27/27, 0 false alarms, before and after.
Earlier texts (7,634 readings: the corpora of tests/data, the shared corpus, every earlier red-team
module's SET, CASES and FAMILIES, the crisis files read at first_message, checkin and any_state), read
before the first fix and after each batch: none changed. One mechanism tried was taken back for that:
"na het eten" as evening changed an earlier round's "s middags na het eten" (the afternoon, after lunch).

Mechanisms:
- SMS shorthand written out (flows/understanding/shorthand.py, data/shorthand.toml, used by
  reading.read): in a message told Dutch, shorthand that stands for one word and is no word of its own
  ("morg", "mrg", "vndg", "vnd", "vnv", "ovm", "nie", "nt", "ff", "mn", "zn", "wnr", "mss", "idd", "ipv",
  "gwn", "iemd", "t" but not "t/m") is written out and the message read again; an hour glued to the word
  before it is set apart ("morgenmiddag2uur", "om3uur"). That reading is taken when it keeps every key
  the words as typed gave (a key that says nothing was read, "unclear", may go) and raises no crisis;
  crisis, names and neighbourhoods are read on the words as typed. So every reader (times, urgency,
  yes/no, invitation, intents, check-in) gets the shorthand without lists of it, and a lexicon that lists
  a shorthand itself keeps its reading ("k wil dood gwn" keeps its distress, Darija "mn" its meaning).
- Language (language.py): a word with an hour glued to it ("morgenmiddag2uur") is no Darija digit word.
- Times (times.toml [strict], time_compose, time_words): "wel" right after a time keeps it from a
  negation before it ("NU NIET MORG WEL", "vandaag niet zaterdag wel"); a clause that gives a reason
  ("want", "omdat", "because", "çünkü", "bo", "бо", "لأن") after a time was said says why, not when, to
  the sentence's end; "zo snel (als) t kan" is asap (no Sunday); Dutch "of", "anders", "ofwel" join two
  times in a message of another language (English keeps "of": "the 3rd of december"); Turkish hours
  with the locative ending ("ikide", "dörtte", "onda").
- Invitations (answers.read_invitation, invitation.toml): a message that opens by thinking aloud ([pondering]:
  "ff kijken", "even nadenken", "moment", "let me see", "bir bakayım", "chwileczkę", "хвилинку") is read by
  the answer after it, and stays a later when none follows ("ff kijken, ik laat het morgen weten"); after a
  no, an SMS run-on that ends in "wel" turns to its time ("NEE VANDAAG NIET ZATERDAG WEL" is a later,
  saturday; "nee, ik ben vrijdag wel op vakantie" stays a no), and a weekday followed by "wel" is no
  excluded day; "kan nu niet", "lukt nu even niet" are "nu niet", a later ("kan morgen niet" stays a no).
- Phrase matching (lexmatch.Lexicon): of two phrases that cover as many words, the one written out wins
  over one with a wildcard ("kan nu niet" over "kan * niet").
- Crisis (crisis.toml): "gebroken" / "broken" after a fall is a rule of its own, unless the injury is said
  not to be there ("gelukkig niks gebroken", "nothing broken"); groaning, a leg that will not move and a
  fall with no getting up are other rules and still give 112 ("hij is gevallen, niks gebroken zegt hij
  maar hij kreunt de hele tijd").

Decisions:
- The shorthand is written out for Dutch only and as a second reading, not before every reader: a
  message told another language keeps its words ("nie" is Polish for no), and the reading as typed wins
  whenever the written-out one would lose what it read. Words with two meanings stay out ("dr" is dokter
  or der, "ok", "wl", "kn").
- The crisis reader was not given the shorthand: its lists hold their own short spellings ("er nie meer
  zijn", "wil nt"); the written-out reading never adds a crisis.
- Emoji: an emoji beside a word or alone answers as the earlier rounds read them (👍 yes, 👎 no, 🛒 with a
  word is groceries); 🙏 in a message is please or thanks and adds nothing; no emoji was put in an SMS.
- The language to answer in is the one the message's sentence is built in, not the one its nouns come
  from ("hi, I need someone to help me with the boodschappen" is English, "dzień dobry, potrzebuję
  pomocy z formulieren od gemeente" Polish).

Known misses (`KNOWN`, strict xfail): two kinds offered as examples ("bijv boodschappen of een
wandelingetje": the reader takes the first; one category key cannot hold both), and "wel na het eten" (after
lunch or after dinner: without a part of day it is read as no time, see above). Seen while writing the
families, outside the set: an invitation answered with times alone and no answer word, "vandaag niet,
zaterdag wel", reads no answer (before and after; with "nee" before it, it is a later with saturday).
"""

# Messages are kept whole and as typed (Turkish dotless i, Arabic letters, emoji).
# ruff: noqa: RUF001, RUF002, E501

from __future__ import annotations

from typing import Any

import pytest

from flows.understanding import read
from flows.understanding.corpus import Case, score
from tests.redteam_support import NOW, as_cases, assert_case_reads, assert_family_reads, every_earlier_string

# (id, context, lang, channel, text, expect) in the corpus format of ../shared/understanding/README.md;
# rt21a: the first batch, written before the word lists were studied; rt21b: the second, written after
# the first batch's fixes and not aimed at them.
SET: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    (
        "rt21a-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "goedemiddag, ik ben 79 en woon alleen sinds mijn man overleed. kan er iemand dinsdag met me mee naar de huisarts",
        {"intent": "ask", "category": "vervoer", "when": "tuesday"},
    ),
    (
        "rt21a-nl-first_message-02",
        "first_message",
        "nl",
        "sms",
        "morg boodschappen nodig wie kan ff helpen aub",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow"},
    ),
    (
        "rt21a-nl-first_message-03",
        "first_message",
        "nl",
        "sms",
        "vndg nog iemand die mn kliko aan de straat kan zetten",
        {"intent": "ask", "category": "klusjes", "when": "today"},
    ),
    (
        "rt21a-nl-first_message-04",
        "first_message",
        "nl",
        "sms",
        "KAN ER IEMAND MORGENMIDDAG2UUR MIJN HOND UITLATEN",
        {"intent": "ask", "category": "huisdieren", "when": "tomorrow 14:00"},
    ),
    (
        "rt21a-nl-first_message-05",
        "first_message",
        "nl",
        "whatsapp",
        "hallo ik ben mevrouw de graaf ik ben 88 jaar en ik kan niet meer goed lopen mijn dochter woont ver weg en ik heb eigenlijk iemand nodig die donderdag met mij naar het ziekenhuis gaat om half elf",
        {"intent": "ask", "category": "vervoer", "when": "thursday 10:30"},
    ),
    (
        "rt21a-nl-first_message-06",
        "first_message",
        "nl",
        "sms",
        "goeiemorgen ik heb een brief van de belasting gekregen en snap er niks van kan iemand helpen svp",
        {"intent": "ask", "category": "formulieren"},
    ),
    (
        "rt21a-nl-first_message-07",
        "first_message",
        "nl",
        "sms",
        "wie kan zaterdagochtend mijn heg snoeien alvast bedankt",
        {"intent": "ask", "category": "tuin", "when": "saturday morning"},
    ),
    (
        "rt21a-nl-first_message-08",
        "first_message",
        "nl",
        "whatsapp",
        "Ik wil graag helpen met boodschappen doen voor ouderen in de wijk 👍",
        {"intent": "offer", "category": "boodschappen"},
    ),
    (
        "rt21a-nl-first_message-09",
        "first_message",
        "nl",
        "sms",
        "mijn computer doet het niet meer en mn kleinzoon is op vakantie kan iemand vnd nog kijken",
        {"intent": "ask", "category": "computer", "when": "today"},
    ),
    (
        "rt21a-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "DAG IK BEN JAN. MIJN VROUW IS OPGENOMEN EN IK ZIT DE HELE DAG ALLEEN. IS ER IEMAND VOOR EEN PRAATJE",
        {"intent": "ask", "category": "gezelschap"},
    ),
    (
        "rt21a-nl-first_message-11",
        "first_message",
        "nl",
        "whatsapp",
        "Goedemorgen! Ik ben 86, mijn knie is geopereerd en ik mag niet autorijden. Wie brengt mij volgende week woensdag naar de fysio?",
        {"intent": "ask", "category": "vervoer", "when": "next wednesday"},
    ),
    (
        "rt21a-nl-first_message-12",
        "first_message",
        "nl",
        "sms",
        "ik wil me opgeven als vrijwilliger ik heb een auto en ben vaak thuis",
        {"intent": "offer", "category": "vervoer"},
    ),
    (
        "rt21a-nl-first_message-13",
        "first_message",
        "nl",
        "sms",
        "hoi wie kan mij helpen met mijn tuin opruimen voor de winter",
        {"intent": "ask", "category": "tuin"},
    ),
    (
        "rt21a-nl-first_message-14",
        "first_message",
        "nl",
        "whatsapp",
        "Kan iemand mn kat eten geven dit weekend? ben weg 🙏",
        {"intent": "ask", "category": "huisdieren", "when": "this weekend"},
    ),
    (
        "rt21a-nl-first_message-15",
        "first_message",
        "nl",
        "sms",
        "goeienavond allemaal",
        {"intent": "greeting"},
    ),
    (
        "rt21a-nl-first_message-16",
        "first_message",
        "nl",
        "sms",
        "STOP AUB GEEN SMSJES MEER",
        {"intent": "stop"},
    ),
    (
        "rt21a-nl-first_message-17",
        "first_message",
        "nl",
        "sms",
        "kan ik iemand bellen ipv dit getyp",
        {"intent": "human"},
    ),
    (
        "rt21a-nl-first_message-18",
        "first_message",
        "nl",
        "sms",
        "wnr is de koffieochtend in het buurthuis",
        {"intent": "activity"},
    ),
    (
        "rt21a-nl-first_message-19",
        "first_message",
        "nl",
        "sms",
        "weet iemand waar de voedselbank zit hier",
        {"intent": "service_question"},
    ),
    (
        "rt21a-nl-first_message-20",
        "first_message",
        "nl",
        "sms",
        "mn telefoon is gevallen en nu doet t scherm raar wie kan kijken",
        {"intent": "ask", "category": "computer", "crisis": False},
    ),
    (
        "rt21a-nl-first_message-21",
        "first_message",
        "nl",
        "sms",
        "ik schrik me dood van die brief van het cjib, wie helpt me ermee",
        {"intent": "ask", "category": "formulieren", "crisis": False},
    ),
    (
        "rt21a-nl-first_message-22",
        "first_message",
        "nl",
        "sms",
        "goedendag ik heb morgen om kwart voor elf een afspraak bij de oogarts en mag daarna niet zelf fietsen wie kan mij brengen",
        {"intent": "ask", "category": "vervoer", "when": "tomorrow 10:45"},
    ),
    (
        "rt21a-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "merhaba, yarın boodschappen doen lazım, kim yardım edebilir",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow"},
    ),
    (
        "rt21a-nl-first_message-23",
        "first_message",
        "nl",
        "whatsapp",
        "ik heb hulp nodig bij de formulieren van de gemeente inshallah morgen",
        {"intent": "ask", "category": "formulieren", "when": "tomorrow"},
    ),
    (
        "rt21a-nl-first_message-24",
        "first_message",
        "nl",
        "whatsapp",
        "salam, ik zoek iemand die mijn moeder kan helpen met haar DigiD, ze spreekt geen nederlands",
        {"intent": "ask", "category": "computer"},
    ),
    (
        "rt21a-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "السلام عليكم، أحتاج مساعدة في boodschappen غدا",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow"},
    ),
    (
        "rt21a-pl-first_message-01",
        "first_message",
        "pl",
        "whatsapp",
        "dzień dobry, potrzebuję pomocy z formulieren od gemeente",
        {"intent": "ask", "category": "formulieren"},
    ),
    (
        "rt21a-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "hi, I need someone to help me with the boodschappen tomorrow please",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow"},
    ),
    (
        "rt21a-nl-first_message-25",
        "first_message",
        "nl",
        "telegram",
        "hey ik ben nieuw in de buurt en wil graag helpen, anything is fine 🙂",
        {"intent": "offer"},
    ),
    (
        "rt21a-ar-first_message-02",
        "first_message",
        "ar",
        "whatsapp",
        "salam khouya, bghit chi wa7ed y3awni f boodschappen ghedda",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow"},
    ),
    (
        "rt21a-tr-first_message-02",
        "first_message",
        "tr",
        "whatsapp",
        "annemin perşembe huisarts afspraakı var, onunla gidebilecek biri var mı",
        {"intent": "ask", "category": "vervoer", "when": "thursday"},
    ),
    (
        "rt21a-tr-first_message-03",
        "first_message",
        "tr",
        "sms",
        "slm abi ben Ahmet, vrijwilliger olmak istiyorum, arabam var",
        {"intent": "offer", "category": "vervoer"},
    ),
    (
        "rt21a-pl-first_message-02",
        "first_message",
        "pl",
        "sms",
        "czesc, moge pomagac w tuin w weekend",
        {"intent": "offer", "category": "tuin", "when": "this weekend"},
    ),
    (
        "rt21a-en-first_message-02",
        "first_message",
        "en",
        "whatsapp",
        "Hello, my dad needs a lift to the ziekenhuis on friday, he doesn't speak English or Dutch well",
        {"intent": "ask", "category": "vervoer", "when": "friday"},
    ),
    (
        "rt21a-nl-first_message-26",
        "first_message",
        "nl",
        "whatsapp",
        "Hallo, mijn oma heeft hulp nodig met haar laptop, she is 80 and lives alone",
        {"intent": "ask", "category": "computer"},
    ),
    (
        "rt21a-ar-first_message-03",
        "first_message",
        "ar",
        "whatsapp",
        "مرحبا، أريد أن أساعد كvrijwilliger في الحديقة",
        {"intent": "offer", "category": "tuin"},
    ),
    ("rt21a-nl-menu-01", "menu", "nl", "sms", "ik wil hulp vragen graag", {"intent": "ask"}),
    ("rt21a-nl-menu-02", "menu", "nl", "sms", "twee aub", {"intent": "offer"}),
    (
        "rt21a-nl-menu-03",
        "menu",
        "nl",
        "sms",
        "ik zoek hulp met boodschappen morg",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow"},
    ),
    (
        "rt21a-nl-menu-04",
        "menu",
        "nl",
        "sms",
        "1 boodschappen vndg",
        {"intent": "ask", "category": "boodschappen", "when": "today"},
    ),
    (
        "rt21a-tr-menu-01",
        "menu",
        "tr",
        "whatsapp",
        "yardım lazım, klusjes var evde",
        {"intent": "ask", "category": "klusjes"},
    ),
    ("rt21a-nl-menu-05", "menu", "nl", "whatsapp", "ik wil helpen 🙋", {"intent": "offer"}),
    ("rt21a-nl-ask_when-01", "ask_when", "nl", "sms", "morgenmiddag2uur", {"when": "tomorrow 14:00"}),
    ("rt21a-nl-ask_when-02", "ask_when", "nl", "sms", "DINSDAGOCHTEND GRAAG", {"when": "tuesday morning"}),
    ("rt21a-nl-ask_when-03", "ask_when", "nl", "sms", "half drie is goed", {"when": "14:30"}),
    ("rt21a-nl-ask_when-04", "ask_when", "nl", "sms", "kwart voor elf morgen", {"when": "tomorrow 10:45"}),
    ("rt21a-nl-ask_when-05", "ask_when", "nl", "sms", "vrijdag twee uur s middags", {"when": "friday 14:00"}),
    ("rt21a-nl-ask_when-06", "ask_when", "nl", "sms", "maakt nie uit hoor", {"when": "flexible"}),
    ("rt21a-nl-ask_when-07", "ask_when", "nl", "sms", "asap aub", {"when": "asap"}),
    ("rt21a-nl-ask_when-08", "ask_when", "nl", "sms", "volgnde week ergens", {"when": "next week"}),
    ("rt21a-nl-ask_when-09", "ask_when", "nl", "sms", "donderdagg", {"when": "thursday"}),
    (
        "rt21a-nl-ask_when-10",
        "ask_when",
        "nl",
        "sms",
        "morgen na de middag ofzo",
        {"when": "tomorrow afternoon"},
    ),
    (
        "rt21a-nl-ask_when-11",
        "ask_when",
        "nl",
        "sms",
        "woensdag rond een uur of tien",
        {"when": "wednesday 10:00"},
    ),
    (
        "rt21a-nl-ask_when-12",
        "ask_when",
        "nl",
        "whatsapp",
        "ja dat zou dan donderdag moeten zijn want woensdag heb ik de kapper",
        {"when": "thursday"},
    ),
    ("rt21a-nl-ask_when-13", "ask_when", "nl", "sms", "vndmiddag", {"when": "today afternoon"}),
    ("rt21a-nl-ask_when-14", "ask_when", "nl", "sms", "ZO SNEL ALS T KAN AUB", {"when": "asap"}),
    (
        "rt21a-tr-ask_when-01",
        "ask_when",
        "tr",
        "whatsapp",
        "morgen öğleden sonra olur",
        {"when": "tomorrow afternoon"},
    ),
    (
        "rt21a-en-ask_when-01",
        "ask_when",
        "en",
        "whatsapp",
        "next week maandag is good",
        {"when": "next monday"},
    ),
    ("rt21a-ar-ask_when-01", "ask_when", "ar", "whatsapp", "غدا om 10 uur", {"when": "tomorrow 10:00"}),
    ("rt21a-pl-ask_when-01", "ask_when", "pl", "sms", "jutro om 3 uur", {"when": "tomorrow 15:00"}),
    (
        "rt21a-nl-ask_when-15",
        "ask_when",
        "nl",
        "sms",
        "elke dinsdag om tien uur s ochtends",
        {"when": "every tuesday 10:00"},
    ),
    ("rt21a-nl-invitation-01", "invitation", "nl", "sms", "jup ik ga", {"answer": "yes"}),
    ("rt21a-nl-invitation-02", "invitation", "nl", "whatsapp", "okidoki 😊", {"answer": "yes"}),
    ("rt21a-nl-invitation-03", "invitation", "nl", "sms", "nee hoor sorry", {"answer": "no"}),
    ("rt21a-nl-invitation-04", "invitation", "nl", "sms", "tuurlijk kom ik", {"answer": "yes"}),
    ("rt21a-nl-invitation-05", "invitation", "nl", "whatsapp", "👍👍👍", {"answer": "yes"}),
    ("rt21a-nl-invitation-06", "invitation", "nl", "whatsapp", "👎 sorry hoor", {"answer": "no"}),
    ("rt21a-nl-invitation-07", "invitation", "nl", "sms", "nope", {"answer": "no"}),
    (
        "rt21a-nl-invitation-08",
        "invitation",
        "nl",
        "sms",
        "JA HOOR MAAR PAS NA TWEEEN",
        {"answer": "yes", "condition": "after 14:00"},
    ),
    (
        "rt21a-nl-invitation-09",
        "invitation",
        "nl",
        "sms",
        "ff kijken ja kan wel na half vier",
        {"answer": "yes", "condition": "after 15:30"},
    ),
    ("rt21a-nl-invitation-10", "invitation", "nl", "whatsapp", "yes ik kom 👍", {"answer": "yes"}),
    (
        "rt21a-nl-invitation-11",
        "invitation",
        "nl",
        "sms",
        "oke maar niet voor elven",
        {"answer": "yes", "condition": "after 11:00"},
    ),
    (
        "rt21a-tr-invitation-01",
        "invitation",
        "tr",
        "whatsapp",
        "tamam abi, yarın gelirim",
        {"answer": "yes", "condition": "tomorrow"},
    ),
    ("rt21a-nl-invitation-12", "invitation", "nl", "whatsapp", "oke inshallah kom ik", {"answer": "yes"}),
    ("rt21a-nl-invitation-13", "invitation", "nl", "sms", "idd ik kan wel", {"answer": "yes"}),
    ("rt21a-nl-invitation-14", "invitation", "nl", "sms", "sorry lukt mij nie", {"answer": "no"}),
    ("rt21a-nl-invitation-15", "invitation", "nl", "sms", "doe ik graag", {"answer": "yes"}),
    (
        "rt21a-pl-invitation-01",
        "invitation",
        "pl",
        "whatsapp",
        "tak, kan morgen",
        {"answer": "yes", "condition": "tomorrow"},
    ),
    (
        "rt21a-nl-invitation-16",
        "invitation",
        "nl",
        "whatsapp",
        "sure, maar alleen in het weekend",
        {"answer": "yes", "condition": "this weekend only"},
    ),
    (
        "rt21a-nl-invitation-17",
        "invitation",
        "nl",
        "sms",
        "NU NIET MORG WEL",
        {"answer": "later", "condition": "tomorrow"},
    ),
    (
        "rt21a-ar-invitation-01",
        "invitation",
        "ar",
        "whatsapp",
        "wakha, nji ghedda inchallah",
        {"answer": "yes", "condition": "tomorrow"},
    ),
    ("rt21a-nl-consent-01", "consent", "nl", "sms", "okidoki hoor", {"answer": "yes"}),
    ("rt21a-nl-consent-02", "consent", "nl", "sms", "JA HOOR PRIMA DAT", {"answer": "yes"}),
    ("rt21a-nl-consent-03", "consent", "nl", "sms", "nee liever nie", {"answer": "no"}),
    ("rt21a-nl-consent-04", "consent", "nl", "whatsapp", "👍🏻 dank u", {"answer": "yes"}),
    ("rt21a-nl-consent-05", "consent", "nl", "sms", "waarom moet dat eigenlijk", {"answer": "question"}),
    ("rt21a-nl-consent-06", "consent", "nl", "sms", "tuurlijk mag dat", {"answer": "yes"}),
    ("rt21a-nl-checkin-01", "checkin", "nl", "sms", "prima hoor dank je", {"answer": "good"}),
    (
        "rt21a-nl-checkin-02",
        "checkin",
        "nl",
        "sms",
        "ZWAAR. IK KAN NIET MEER",
        {"answer": "heavy", "distress": True},
    ),
    ("rt21a-nl-checkin-03", "checkin", "nl", "whatsapp", "gaat goed 👍", {"answer": "good"}),
    ("rt21a-nl-checkin-04", "checkin", "nl", "whatsapp", "elhamdulillah goed", {"answer": "good"}),
    ("rt21a-nl-checkin-05", "checkin", "nl", "sms", "valt wel mee", {"answer": "okay"}),
    ("rt21a-tr-checkin-01", "checkin", "tr", "whatsapp", "iyi, sağol 🙏", {"answer": "good"}),
    ("rt21a-nl-ask_urgency-01", "ask_urgency", "nl", "sms", "vndg nog aub", {"urgency": "today"}),
    ("rt21a-nl-ask_urgency-02", "ask_urgency", "nl", "sms", "deze week ergens", {"urgency": "this_week"}),
    ("rt21a-nl-ask_urgency-03", "ask_urgency", "nl", "sms", "maakt nie uit", {"urgency": "any"}),
    ("rt21a-nl-ask_category-01", "ask_category", "nl", "sms", "bodschappen", {"category": "boodschappen"}),
    (
        "rt21a-nl-ask_category-02",
        "ask_category",
        "nl",
        "sms",
        "formulier invullen",
        {"category": "formulieren"},
    ),
    ("rt21a-nl-ask_category-03", "ask_category", "nl", "whatsapp", "🛒 graag", {"category": "boodschappen"}),
    ("rt21a-nl-ask_category-04", "ask_category", "nl", "sms", "computr", {"category": "computer"}),
    ("rt21a-nl-ask_category-05", "ask_category", "nl", "sms", "onze hond", {"category": "huisdieren"}),
    ("rt21a-nl-name-01", "name", "nl", "sms", "IK BEN RIA", {"name": "Ria"}),
    ("rt21a-nl-name-02", "name", "nl", "sms", "zeg maar truus", {"name": "Truus"}),
    ("rt21a-nl-name-03", "name", "nl", "sms", "mevr. kok", {"name": "mevrouw Kok"}),
    ("rt21a-nl-any_state-01", "any_state", "nl", "sms", "ff met een mens praten aub", {"intent": "human"}),
    (
        "rt21a-tr-any_state-01",
        "any_state",
        "tr",
        "whatsapp",
        "türkçe yazabilir misiniz",
        {"intent": "language", "language": "tr"},
    ),
    (
        "rt21a-nl-any_state-02",
        "any_state",
        "nl",
        "sms",
        "kan t ook in het engels",
        {"intent": "language", "language": "en"},
    ),
    (
        "rt21a-nl-neighbourhood-01",
        "neighbourhood",
        "nl",
        "sms",
        "de molewijk",
        {"neighbourhood": "Molenwijk"},
    ),
    (
        "rt21b-nl-first_message-01",
        "first_message",
        "nl",
        "sms",
        "GOEDEMORGEN MET MEVROUW SMIT. IK HEB EEN NIEUWE BRIL NODIG EN MOET DONDERDAG OM KWART OVER TWEE BIJ DE OPTICIEN ZIJN. WIE RIJDT",
        {"intent": "ask", "category": "vervoer", "when": "thursday 14:15"},
    ),
    (
        "rt21b-nl-first_message-02",
        "first_message",
        "nl",
        "sms",
        "hallo mijn naam is henk ik ben 90 en mijn gras staat heel hoog kan er iemand komen maaien deze week",
        {"intent": "ask", "category": "tuin", "when": "this week"},
    ),
    (
        "rt21b-nl-first_message-03",
        "first_message",
        "nl",
        "whatsapp",
        "ja hallo met ans ik wou vragen of er iemand is die mij kan helpen met mijn mobiel want ik krijg de whatsapp niet aan de praat",
        {"intent": "ask", "category": "computer"},
    ),
    (
        "rt21b-nl-first_message-04",
        "first_message",
        "nl",
        "sms",
        "wie kan er woensdagmiddag voor me naar de apotheek medicijnen ophalen",
        {"intent": "ask", "category": "boodschappen", "when": "wednesday afternoon"},
    ),
    (
        "rt21b-nl-first_message-05",
        "first_message",
        "nl",
        "sms",
        "kan er iemnd een lamp ophangen bij mij in de gang",
        {"intent": "ask", "category": "klusjes"},
    ),
    (
        "rt21b-nl-first_message-06",
        "first_message",
        "nl",
        "whatsapp",
        "Hoi 👋 ik heb zaterdags tijd en wil graag iets doen voor de buurt, bijv boodschappen of een wandelingetje met iemand",
        {"intent": "offer", "when": "every saturday"},
    ),
    (
        "rt21b-nl-first_message-07",
        "first_message",
        "nl",
        "sms",
        "goedenmiddag ik ben een mantelzorger van mijn moeder en zoek iemand die een middag bij haar kan zitten zodat ik even weg kan",
        {"intent": "ask", "category": "gezelschap"},
    ),
    (
        "rt21b-nl-first_message-08",
        "first_message",
        "nl",
        "sms",
        "BEDANKT VOOR DE HULP VORIGE WEEK. NU IS MIJN KRAAN KAPOT. KAN ER WEER IEMAND KOMEN",
        {"intent": "ask", "category": "klusjes"},
    ),
    (
        "rt21b-nl-first_message-09",
        "first_message",
        "nl",
        "whatsapp",
        "ik ben van de belastingdienst een blauwe envelop gekregen en ik begrijp het niet goed, graag hulp 🙏",
        {"intent": "ask", "category": "formulieren"},
    ),
    (
        "rt21b-nl-first_message-10",
        "first_message",
        "nl",
        "sms",
        "is er in de buurt een wandelclubje voor ouderen",
        {"intent": "activity"},
    ),
    (
        "rt21b-nl-first_message-11",
        "first_message",
        "nl",
        "sms",
        "ik wil graag met iemand praten van jullie kunnen jullie mij bellen",
        {"intent": "human"},
    ),
    (
        "rt21b-nl-first_message-12",
        "first_message",
        "nl",
        "sms",
        "mijn kleindochter zei dat ik hier moest sms en. ik kan de poes niet meer verzorgen ik lig in het ziekenhuis vanaf maandag",
        {"intent": "ask", "category": "huisdieren", "when": "after monday"},
    ),
    (
        "rt21b-nl-first_message-13",
        "first_message",
        "nl",
        "sms",
        "ik ben weer eens van de trap gevallen maar gelukkig niks gebroken wel hulp nodig met de was",
        {"intent": "ask", "crisis": False},
    ),
    (
        "rt21b-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "iyi gunler, babam icin rollator lazim ve perşembe ziekenhuis randevusu var, biri götürebilir mi",
        {"intent": "ask", "category": "vervoer", "when": "thursday"},
    ),
    (
        "rt21b-tr-first_message-02",
        "first_message",
        "tr",
        "sms",
        "merhaba belediyeden mektup geldi anlamadım, brief invullen yardım lazım",
        {"intent": "ask", "category": "formulieren"},
    ),
    (
        "rt21b-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "مرحبا، أمي تحتاج أحد يساعدها في de tuin يوم السبت",
        {"intent": "ask", "category": "tuin", "when": "saturday"},
    ),
    (
        "rt21b-ar-first_message-02",
        "first_message",
        "ar",
        "whatsapp",
        "salam 3alikom, khouti, bghit n3awen f lboodschappen dyal nass lkbar",
        {"intent": "offer", "category": "boodschappen"},
    ),
    (
        "rt21b-pl-first_message-01",
        "first_message",
        "pl",
        "whatsapp",
        "Dzień dobry, mam problem z DigiD i nie rozumiem listu z gemeente. Czy ktoś może pomóc jutro?",
        {"intent": "ask", "category": "formulieren", "when": "tomorrow"},
    ),
    (
        "rt21b-pl-first_message-02",
        "first_message",
        "pl",
        "sms",
        "czesc szukam kogos kto pomoze mi w sobote z boodschappen",
        {"intent": "ask", "category": "boodschappen", "when": "saturday"},
    ),
    (
        "rt21b-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "hey! new in the wijk, would love to help out with anything, I'm free most evenings 😊",
        {"intent": "offer", "when": "evening"},
    ),
    (
        "rt21b-nl-first_message-14",
        "first_message",
        "nl",
        "whatsapp",
        "Mijn vader (87) woont alleen en is een beetje lonely sinds mama er niet meer is. Is er iemand die af en toe langs wil gaan?",
        {"intent": "ask", "category": "gezelschap"},
    ),
    (
        "rt21b-nl-first_message-15",
        "first_message",
        "nl",
        "whatsapp",
        "wallah ik weet niet meer hoe dat formulier van het uwv moet, kan iemand helpen",
        {"intent": "ask", "category": "formulieren"},
    ),
    ("rt21b-nl-menu-01", "menu", "nl", "sms", "IK WIL GRAAG HULP", {"intent": "ask"}),
    ("rt21b-nl-menu-02", "menu", "nl", "sms", "hulp bieden svp", {"intent": "offer"}),
    ("rt21b-tr-menu-01", "menu", "tr", "whatsapp", "yardım etmek istiyorum 🙋\u200d♀️", {"intent": "offer"}),
    ("rt21b-nl-menu-03", "menu", "nl", "sms", "stoppen graag", {"intent": "stop"}),
    (
        "rt21b-nl-ask_when-01",
        "ask_when",
        "nl",
        "sms",
        "VOLGENDE WEEK DINSDAG HALF ELF",
        {"when": "next tuesday 10:30"},
    ),
    (
        "rt21b-nl-ask_when-02",
        "ask_when",
        "nl",
        "sms",
        "liefst vrijdag tegen tweeën",
        {"when": "friday 14:00"},
    ),
    (
        "rt21b-nl-ask_when-03",
        "ask_when",
        "nl",
        "sms",
        "donderdags om de week",
        {"when": "every other thursday"},
    ),
    (
        "rt21b-nl-ask_when-04",
        "ask_when",
        "nl",
        "sms",
        "maandagmiddag na drieën",
        {"when": "monday after 15:00"},
    ),
    ("rt21b-nl-ask_when-05", "ask_when", "nl", "sms", "t liefst vandaag nog", {"when": "today"}),
    (
        "rt21b-nl-ask_when-06",
        "ask_when",
        "nl",
        "whatsapp",
        "euhm ja ik denk zaterdag of anders zondag",
        {"when": "saturday or sunday"},
    ),
    ("rt21b-nl-ask_when-07", "ask_when", "nl", "sms", "weet ik nog nie", {"unclear": True}),
    ("rt21b-nl-ask_when-08", "ask_when", "nl", "sms", "OM ELF UUR S OCHTENDS", {"when": "11:00"}),
    ("rt21b-tr-ask_when-01", "ask_when", "tr", "whatsapp", "cuma günü saat ikide", {"when": "friday 14:00"}),
    (
        "rt21b-pl-ask_when-01",
        "ask_when",
        "pl",
        "whatsapp",
        "w piątek po południu, of zaterdag",
        {"when": "friday afternoon or saturday"},
    ),
    (
        "rt21b-en-ask_when-01",
        "ask_when",
        "en",
        "whatsapp",
        "tuesday morning if possible, anders woensdag",
        {"when": "tuesday morning or wednesday"},
    ),
    ("rt21b-nl-invitation-01", "invitation", "nl", "sms", "JAZEKER KOM IK", {"answer": "yes"}),
    (
        "rt21b-nl-invitation-02",
        "invitation",
        "nl",
        "sms",
        "ja is goed hoor maar ik ben er pas om vier uur",
        {"answer": "yes", "condition": "16:00"},
    ),
    ("rt21b-nl-invitation-03", "invitation", "nl", "whatsapp", "helaas deze keer niet 😕", {"answer": "no"}),
    ("rt21b-nl-invitation-04", "invitation", "nl", "sms", "kan nu niet ben op mn werk", {"answer": "later"}),
    ("rt21b-nl-invitation-05", "invitation", "nl", "whatsapp", "Komt goed 👌", {"answer": "yes"}),
    (
        "rt21b-tr-invitation-01",
        "invitation",
        "tr",
        "whatsapp",
        "olur abla, cumartesi sabah gelirim",
        {"answer": "yes", "condition": "saturday morning"},
    ),
    (
        "rt21b-ar-invitation-01",
        "invitation",
        "ar",
        "whatsapp",
        "نعم إن شاء الله، بعد العصر",
        {"answer": "yes", "condition": "afternoon only"},
    ),
    (
        "rt21b-pl-invitation-01",
        "invitation",
        "pl",
        "sms",
        "niestety nie dam rady w tym tygodniu",
        {"answer": "no"},
    ),
    (
        "rt21b-nl-invitation-06",
        "invitation",
        "nl",
        "sms",
        "yes hoor maar wel na het eten",
        {"answer": "yes", "condition": "evening only"},
    ),
    ("rt21b-nl-consent-01", "consent", "nl", "sms", "JA HOOR DAT IS GOED", {"answer": "yes"}),
    ("rt21b-nl-consent-02", "consent", "nl", "whatsapp", "👎🏼", {"answer": "no"}),
    ("rt21b-nl-checkin-01", "checkin", "nl", "sms", "het gaat wel maar ik slaap slecht", {"answer": "okay"}),
    (
        "rt21b-nl-checkin-02",
        "checkin",
        "nl",
        "whatsapp",
        "zwaar 😔 hij herkent me niet meer",
        {"answer": "heavy"},
    ),
    ("rt21b-ar-checkin-01", "checkin", "ar", "whatsapp", "l7amdoulilah mezyan", {"answer": "good"}),
    (
        "rt21b-nl-ask_urgency-01",
        "ask_urgency",
        "nl",
        "sms",
        "heeft geen haast hoor, volgende maand is ook prima",
        {"urgency": "any"},
    ),
    ("rt21b-nl-ask_urgency-02", "ask_urgency", "nl", "sms", "t liefst deze week", {"urgency": "this_week"}),
    (
        "rt21b-nl-ask_category-01",
        "ask_category",
        "nl",
        "sms",
        "vervoer naar t ziekenhuis",
        {"category": "vervoer"},
    ),
    ("rt21b-nl-ask_category-02", "ask_category", "nl", "whatsapp", "🐕 uitlaten", {"category": "huisdieren"}),
    ("rt21b-nl-name-01", "name", "nl", "sms", "DHR DE BOER", {"name": "meneer de Boer"}),
    ("rt21b-nl-any_state-01", "any_state", "nl", "sms", "HOU OP MET SMSEN", {"intent": "stop"}),
    (
        "rt21b-pl-any_state-01",
        "any_state",
        "pl",
        "whatsapp",
        "czy mozna po polsku?",
        {"intent": "language", "language": "pl"},
    ),
]
CASES = as_cases(SET)
# id -> why a message of the set is still missed (a strict expected failure: mended, it must be lifted).
KNOWN: dict[str, str] = {
    "rt21b-nl-first_message-06": "two kinds offered as examples ('bijv boodschappen of een wandelingetje'): the reader "
    "takes the first, one category key cannot hold both",
    "rt21b-nl-invitation-06": "'na het eten' is after lunch or after dinner ('s middags na het eten' is the afternoon "
    "in an earlier round): without a part of day it is read as no time",
}


def test_the_set_is_new_and_its_ids_unique() -> None:
    assert not {case.text.casefold() for case in CASES} & every_earlier_string(__file__)
    assert len({case.id for case in CASES}) == len(CASES)
    assert len({case.text.casefold() for case in CASES}) == len(CASES)
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


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if case.context in ("first_message", "any_state")],
    ids=lambda case: case.id,
)
def test_the_bot_answers_in_the_language_the_message_is_written_in(case: Case) -> None:
    """A first message mixes words of two languages: the one its sentence is built in is the person's
    ("yarın boodschappen doen lazım" is Turkish, "... de formulieren inshallah morgen" Dutch)."""
    assert read(case.context, case.text, now=NOW).lang == case.lang, case.text


def test_no_message_of_the_set_raises_a_crisis_and_all_but_the_known_read_right() -> None:
    result = score(CASES, NOW)
    assert result.false_alarms == 0
    assert result.lookalikes == len([case for case in CASES if case.expect.get("crisis") is False])
    assert result.passed >= len(CASES) - len(KNOWN)


# (context, text, what the reading must hold); None for a key: the reading must not have it. Paraphrases
# and look-alikes of the mechanisms the fixes added, written after them (no measure of generalisation).
FAMILIES: list[tuple[str, str, dict[str, Any]]] = [
    # SMS shorthand written out in a message told Dutch; read as typed where a lexicon lists it.
    (
        "first_message",
        "kan iemand vnv mn hond uitlaten",
        {"intent": "ask", "category": "huisdieren", "when": "today evening"},
    ),
    ("ask_when", "ovm s ochtends", {"when": "day after tomorrow morning"}),
    ("ask_urgency", "vandaag hoeft nie", {"urgency": None}),
    ("ask_when", "ZO SNEL T KAN", {"when": "asap"}),
    ("ask_when", "zo", {"when": "sunday"}),
    ("checkin", "gwn zwaar", {"answer": "heavy"}),
    ("name", "mn naam is Truus", {"name": "Truus"}),
    # An hour glued to the word before it.
    ("ask_when", "vrijdagochtend10uur", {"when": "friday 10:00"}),
    ("first_message", "wie kan zaterdag om3uur mijn kat voeren", {"intent": "ask", "when": "saturday 15:00"}),
    # "wel" after a negated time turns to the time it follows.
    ("invitation", "NEE VANDAAG NIET ZATERDAG WEL", {"answer": "later", "condition": "saturday"}),
    ("invitation", "nee vandaag niet", {"answer": "no", "condition": None}),
    # A reason clause after a time says why, not when.
    ("ask_when", "vrijdag graag, omdat ik dinsdag naar de kapper ga", {"when": "friday"}),
    ("ask_when", "omdat ik dinsdag naar de kapper ga", {"when": "tuesday"}),
    ("ask_when", "saturday because on friday I work", {"when": "saturday"}),
    # Thinking aloud before the answer.
    ("invitation", "even kijken... ja hoor kan zaterdag", {"answer": "yes", "condition": "saturday"}),
    ("invitation", "let me see, no sorry", {"answer": "no"}),
    ("invitation", "ff kijken hoor", {"answer": "later"}),
    ("invitation", "ff kijken, ik laat het morgen weten", {"answer": "later", "condition": None}),
    # Batch 2's mechanisms.
    # A broken bone after a fall is a crisis unless it is said not to be there; other signs still count.
    (
        "first_message",
        "mn man is van de ladder gevallen, gelukkig niets gebroken. wie kan de goot afmaken",
        {"crisis": None},
    ),
    ("first_message", "mijn moeder is gevallen en haar pols is gebroken", {"crisis": "112"}),
    (
        "first_message",
        "hij is gevallen, niks gebroken zegt hij maar hij kreunt de hele tijd",
        {"crisis": "112"},
    ),
    # A Turkish hour with its locative ending.
    ("ask_when", "yarın saat dörtte", {"when": "tomorrow 16:00"}),
    # A phrase written out wins over one as long with a wildcard.
    ("invitation", "lukt nu even niet, sorry", {"answer": "later"}),
    ("invitation", "kan morgen niet, sorry", {"answer": "no"}),
]


def test_the_families_are_not_the_sets_sentences() -> None:
    texts = {case.text.casefold() for case in CASES} | every_earlier_string(__file__)
    assert not {text.casefold() for _, text, _ in FAMILIES} & texts


@pytest.mark.parametrize(("context", "text", "holds"), FAMILIES)
def test_a_family_added_after_the_set_reads_its_paraphrases(
    context: str, text: str, holds: dict[str, object]
) -> None:
    assert_family_reads(context, text, holds)


# (lang, text, when) at "Wanneer?" in a conversation of that language: Dutch words for "or" are read in a
# message of another language too; English keeps "of" as a word of its own.
MIXED_OR: list[tuple[str, str, str]] = [
    ("tr", "cumartesi ya da pazar, anders maandag", "saturday or sunday or monday"),
    ("pl", "jutro rano albo pojutrze, of woensdag", "tomorrow morning or day after tomorrow or wednesday"),
    ("en", "friday, anders saturday", "friday or saturday"),
    ("en", "the 3rd of december", "december 3"),
]


@pytest.mark.parametrize(("lang", "text", "when"), MIXED_OR)
def test_a_dutch_or_joins_two_times_in_another_language(lang: str, text: str, when: str) -> None:
    assert text.casefold() not in every_earlier_string(__file__)
    assert read("ask_when", text, lang=lang, now=NOW).when == when
