"""Red-team set 16 ("reading round 16"): held-out in-context reading of English, Turkish, Arabic (script,
and Moroccan Darija in Latin letters with digits), Polish and Ukrainian (Cyrillic, and Latin letters)
messages in every context, check-in included: greetings, typos, letters left off, Dutch words inside, emoji;
mostly ordinary messages, one crisis per language (a fall, at any_state) and three look-alikes ("this form
is killing me", "gulmekten oldum"). None is word for word in an earlier round (`every_earlier_string`).

Held out, before the fixes (as the reader was when each batch was scored):
- Batch 1 (rt16a, 148), written before the word lists were studied: 129/148 (87.2 %), no false alarm,
  crises 5/5. 25 messages first written were word for word in earlier rounds (short answers mostly: "fark
  etmez", "idare eder", "так собі", "niestety nie moge"), and so was one rewording; all were reworded before
  this figure was taken.
  Per language: en 26/27, tr 25/27, ar 31/35 (script 14/17, Darija in Latin letters 17/18), pl 23/27,
  uk 24/32 (Cyrillic 21/24, Latin letters 3/8).
  Per context: any_state 17/20, ask_category 11/12, ask_urgency 10/11, ask_when 11/14, checkin 13/14,
  consent 13/13, first_message 12/19, invitation 15/16, menu 9/9, name 8/10, neighbourhood 10/10.
- Batch 2 (rt16b, 52), written after batch 1's fixes and not aimed at them: 46/52 (88.5 %), no false alarm
  (one look-alike, no crisis). Two messages first written were in earlier rounds ("ana Youssef", "потрібна
  допомога") and two expectations were wrong as first written ("Mrs Okafor": the title is kept without its
  dot; "a repair café this month" does say "this month"); all four were mended before this figure.
  Per language: en 10/10, tr 8/10, ar 10/12 (script 6/6, Darija in Latin letters 4/6), pl 7/9, uk 11/11
  (Cyrillic 7/7, Latin letters 4/4).
  Per context: any_state 4/6, name 1/4, invitation 4/5, every other context whole (ask_category 4/4,
  ask_urgency 3/3, ask_when 5/5, checkin 7/7, consent 3/3, first_message 9/9, menu 4/4, neighbourhood 2/2).
After: batch 1 148/148, batch 2 52/52, crises 5/5, no false alarm. ../shared/understanding/dev.jsonl
328/328, crises 27/27, 0 false alarms, before and after. Every text of the earlier rounds and corpora (5,197,
read before and after each mechanism) reads as before but for misses mended (round 5's "ghir b chwiya,
l7amdullah" and "... ykhdem lia jnan", round 13's "mab9itch n9dar"; their strict xfails lifted) and crisis
rounds' look-alikes that now also read their request ("potribna dopomoha z pokupkamy").

Mechanisms:
- Ukrainian in Latin letters, systematically (flows/understanding/translit.py `cyrillic`, used by
  reading.read): a message that reads as nothing at its context is read again with each Latin word whose
  slavic key (the crisis reader's `crisis_phrases.slavic_key`) is the key of a Cyrillic word of the lexicons
  written as that word ("dopomoha" -> "допомога"; a stem "покупк*" takes "pokupkamy"); words with a capital
  inside the text (names, places), numbers and words without a Cyrillic match stay as typed. Gate: in a
  Ukrainian conversation one word found is enough; otherwise (a first message, a conversation still in
  Dutch) two words of four letters of key or more that are no Dutch, English or Polish dictionary word.
  The second reading is taken only when it says what the first left unread and raises no crisis (the crisis
  reader keys Ukrainian itself). So every reader (intent, names, yes/no, urgency, times, check-in) gets the
  Latin spellings without lists of them.
- Darija in Latin letters, likewise (`translit.darija`): in a message told Arabic, a Latin word no lexicon
  lists whose Arabizi key (`crisis_phrases.arabizi_key`, three letters or more) is that of a Darija word of
  the lexicons' Arabic sections is respelled as that word ("n9dar" -> "n9der", "n3awn" -> "n3awen"); the
  second reading is taken when it says more than the first (a key more, or a value that goes on) and raises
  no crisis: "mab9itch n9dar" is distress.
- Loneliness said without the word in every language (intents.toml [lonely.*]: "I haven't talked to anyone
  in days", "kimseyle konusmadim", "لم أتحدث مع أحد", "ma hdert m3a 7ta wa7ed", "z nikim nie rozmawialam",
  "ні з ким не розмовляла") points to the sociale kaart as the Dutch does; inside such a phrase "anyone"
  asks for no one and "розмовля*" names no kind (intent._signs).
- Half an hour before an ordinal hour, Polish "wpół do czwartej" and Ukrainian "пів на четверту" (times.toml
  [half_to], time_words._half_to): 3:30, in the afternoon for an appointment as a bare hour. Plain ordinal
  hours ("o trzeciej", "о третій") were read already.
- A kind's words inside a longer phrase of another kind are that phrase's (categories.mentions): "погуляти з
  собакою" is huisdieren, not company.
- A name before the words that close it ([intro.after]) takes its title: "pani Wiesia wystarczy", "Mehmet
  amca derler bana".
- Words: stop (Turkish "aramayın artık", Polish "przestać do mnie pisać", Darija "wa9ef ... messages"),
  menu (Turkish "ana menüye dön"), names (Arabic "ناديني", Darija "ana hwa", Ukrainian "мене кличуть"),
  Polish "mogę" alone as a yes to an invitation, Darija "b chwiya" (so-so) at the check-in, garden
  "jnan", "l7adi9a" (round 5's known miss mended), Ukrainian "говорити з людиною" (a person).

Decisions:
- Three expectations were revised after scoring, each because the reader was right and the expectation
  not: "تعبت بزاف" (rt16a-ar-checkin-02) is distress as an earlier round listed it (Darija "t3bt bzaf"
  is said of being worn out); "może za tydzień" (rt16a-pl-invitation-03) is "in 1 week", as Dutch "over een week";
  "mogę, ale tylko w weekend" (rt16b-pl-invitation-01) to an invitation for one request is "this weekend
  only", as the Dutch and English readings of the same words. The figures above are those scored.
- The respelled readings never add a crisis: a missed Latin-letter crisis is the crisis reader's, which
  matches both spellings by key already.

Still missed (KNOWN_FAMILIES, strict xfail): a Latin-letter Ukrainian message of one telling word in a
conversation not in Ukrainian ("mene klychut Bohdan": "mene" is also a dictionary word elsewhere); Darija
words whose key has two letters ("wa9af": w is a vowel in the key); Darija without a digit word is not told
Arabic and so not respelled ("wqf had lmessages afak").
"""

# Messages are kept whole and as typed (Turkish dotless i, Cyrillic and Arabic letters, emoji).
# ruff: noqa: RUF001, RUF002, E501

from __future__ import annotations

from typing import Any

import pytest

from flows.understanding import CONTEXTS
from flows.understanding.corpus import Case, score
from tests.redteam_support import NOW, as_cases, assert_case_reads, assert_family_reads, every_earlier_string

# (id, context, lang, channel, text, expect) in the corpus format of ../shared/understanding/README.md;
# rt16a: the first batch, rt16b: the second, written after the first batch's fixes.
SET: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    (
        "rt16a-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "hiya, could someone help my mum with her shopping on friday? 🙏",
        {"intent": "ask", "category": "boodschappen", "when": "friday"},
    ),
    (
        "rt16a-en-first_message-02",
        "first_message",
        "en",
        "sms",
        "I haven't talked to anyone in days",
        {"intent": "service_question"},
    ),
    (
        "rt16a-en-first_message-03",
        "first_message",
        "en",
        "telegram",
        "hello, I'd like to sign up as a volunteer in the buurt",
        {"intent": "offer"},
    ),
    (
        "rt16a-en-first_message-04",
        "first_message",
        "en",
        "whatsapp",
        "hi, I've got a letter from the belastingdienst and I don't get it",
        {"intent": "ask", "category": "formulieren"},
    ),
    ("rt16a-en-menu-01", "menu", "en", "whatsapp", "one pls", {"intent": "ask"}),
    ("rt16a-en-menu-02", "menu", "en", "sms", "I want to help out", {"intent": "offer"}),
    (
        "rt16a-en-name-01",
        "name",
        "en",
        "whatsapp",
        "it's Margaret but everyone calls me Peggy",
        {"name": "Peggy"},
    ),
    ("rt16a-en-name-02", "name", "en", "sms", "why do you need my name?", {"not_a_name": True}),
    (
        "rt16a-en-neighbourhood-01",
        "neighbourhood",
        "en",
        "whatsapp",
        "we live in bloemhof, near the school",
        {"neighbourhood": "Bloemhof"},
    ),
    ("rt16a-en-neighbourhood-02", "neighbourhood", "en", "sms", "postcode is 7398 KL", {"postcode": "7398"}),
    ("rt16a-en-consent-01", "consent", "en", "whatsapp", "yeah fine by me 👍", {"answer": "yes"}),
    ("rt16a-en-consent-02", "consent", "en", "sms", "who gets to see this?", {"answer": "question"}),
    (
        "rt16a-en-ask_category-01",
        "ask_category",
        "en",
        "whatsapp",
        "my laptop keeps freezing up every few minutes",
        {"category": "computer"},
    ),
    (
        "rt16a-en-ask_category-02",
        "ask_category",
        "en",
        "telegram",
        "someone to walk with me in the park",
        {"category": "gezelschap"},
    ),
    (
        "rt16a-en-ask_category-03",
        "ask_category",
        "en",
        "whatsapp",
        "this form is killing me 😅",
        {"category": "formulieren", "crisis": False},
    ),
    (
        "rt16a-en-ask_when-01",
        "ask_when",
        "en",
        "whatsapp",
        "thursday afternoon if poss",
        {"when": "thursday afternoon"},
    ),
    ("rt16a-en-ask_when-02", "ask_when", "en", "sms", "at 3 tomorrow", {"when": "tomorrow 15:00"}),
    ("rt16a-en-ask_urgency-01", "ask_urgency", "en", "whatsapp", "no rush at all", {"urgency": "any"}),
    ("rt16a-en-ask_urgency-02", "ask_urgency", "en", "sms", "needs to be today really", {"urgency": "today"}),
    (
        "rt16a-en-invitation-01",
        "invitation",
        "en",
        "whatsapp",
        "sure, but only after 4",
        {"answer": "yes", "condition": "after 16:00"},
    ),
    ("rt16a-en-invitation-02", "invitation", "en", "sms", "sorry can't this time", {"answer": "no"}),
    (
        "rt16a-en-invitation-03",
        "invitation",
        "en",
        "telegram",
        "maybe next week?",
        {"answer": "later", "condition": "next week"},
    ),
    ("rt16a-en-checkin-01", "checkin", "en", "whatsapp", "pretty rough week tbh", {"answer": "heavy"}),
    ("rt16a-en-checkin-02", "checkin", "en", "sms", "not bad, managing", {"answer": "okay"}),
    (
        "rt16a-en-any_state-01",
        "any_state",
        "en",
        "whatsapp",
        "please stop texting me, thanks",
        {"intent": "stop"},
    ),
    (
        "rt16a-en-any_state-02",
        "any_state",
        "en",
        "sms",
        "could I talk to an actual human pls",
        {"intent": "human"},
    ),
    (
        "rt16a-en-any_state-03",
        "any_state",
        "en",
        "whatsapp",
        "I fell in the kitchen and can't get up",
        {"intent": "crisis", "crisis": "112"},
    ),
    (
        "rt16a-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "selamun aleykum, cuma gunu bahcemdeki otlari bicecek biri lazim",
        {"intent": "ask", "category": "tuin", "when": "friday"},
    ),
    (
        "rt16a-tr-first_message-02",
        "first_message",
        "tr",
        "sms",
        "gunlerdir kimseyle konusmadim",
        {"intent": "service_question"},
    ),
    (
        "rt16a-tr-first_message-03",
        "first_message",
        "tr",
        "whatsapp",
        "gonullu olarak yasli komsulara yardim etmek isterim",
        {"intent": "offer"},
    ),
    ("rt16a-tr-menu-01", "menu", "tr", "whatsapp", "ikinci secenek", {"intent": "offer"}),
    ("rt16a-tr-menu-02", "menu", "tr", "sms", "yardima ihtiyacim var", {"intent": "ask"}),
    ("rt16a-tr-name-01", "name", "tr", "whatsapp", "bana Ayse deyin", {"name": "Ayse"}),
    ("rt16a-tr-name-02", "name", "tr", "sms", "adim mi? gerek var mi", {"not_a_name": True}),
    (
        "rt16a-tr-neighbourhood-01",
        "neighbourhood",
        "tr",
        "whatsapp",
        "de akkers'te oturuyorum",
        {"neighbourhood": "De Akkers"},
    ),
    ("rt16a-tr-neighbourhood-02", "neighbourhood", "tr", "sms", "posta kodu 7392 CD", {"postcode": "7392"}),
    ("rt16a-tr-consent-01", "consent", "tr", "whatsapp", "evet kabul ediyorum", {"answer": "yes"}),
    ("rt16a-tr-consent-02", "consent", "tr", "sms", "hayir, kaydetmeyin lutfen", {"answer": "no"}),
    (
        "rt16a-tr-ask_category-01",
        "ask_category",
        "tr",
        "whatsapp",
        "vergi mektubu geldi, doldurmam lazim",
        {"category": "formulieren"},
    ),
    (
        "rt16a-tr-ask_category-02",
        "ask_category",
        "tr",
        "sms",
        "kedime bakacak biri",
        {"category": "huisdieren"},
    ),
    ("rt16a-tr-ask_when-01", "ask_when", "tr", "whatsapp", "pazartesi sabah", {"when": "monday morning"}),
    ("rt16a-tr-ask_when-02", "ask_when", "tr", "sms", "yarin saat 10da", {"when": "tomorrow 10:00"}),
    ("rt16a-tr-ask_urgency-01", "ask_urgency", "tr", "whatsapp", "bugun olmasi lazim", {"urgency": "today"}),
    ("rt16a-tr-ask_urgency-02", "ask_urgency", "tr", "sms", "benim icin fark etmez", {"urgency": "any"}),
    (
        "rt16a-tr-invitation-01",
        "invitation",
        "tr",
        "whatsapp",
        "tamam yardim ederim ama sadece sabahlari",
        {"answer": "yes", "condition": "morning only"},
    ),
    ("rt16a-tr-invitation-02", "invitation", "tr", "sms", "maalesef bu sefer yapamam", {"answer": "no"}),
    (
        "rt16a-tr-invitation-03",
        "invitation",
        "tr",
        "whatsapp",
        "simdi olmaz, belki haftaya",
        {"answer": "later", "condition": "next week"},
    ),
    ("rt16a-tr-checkin-01", "checkin", "tr", "whatsapp", "cok zor bir hafta gecti", {"answer": "heavy"}),
    ("rt16a-tr-checkin-02", "checkin", "tr", "sms", "idare eder iste, ne yapalim", {"answer": "okay"}),
    (
        "rt16a-tr-checkin-03",
        "checkin",
        "tr",
        "whatsapp",
        "iyiyim, bugun torunlarla gulmekten oldum 😂",
        {"answer": "good", "crisis": False},
    ),
    ("rt16a-tr-any_state-01", "any_state", "tr", "whatsapp", "beni aramayin artik", {"intent": "stop"}),
    (
        "rt16a-tr-any_state-02",
        "any_state",
        "tr",
        "sms",
        "gercek bir insanla konusmak istiyorum",
        {"intent": "human"},
    ),
    (
        "rt16a-tr-any_state-03",
        "any_state",
        "tr",
        "whatsapp",
        "Turkce yazin lutfen",
        {"intent": "language", "language": "tr"},
    ),
    (
        "rt16a-tr-any_state-04",
        "any_state",
        "tr",
        "whatsapp",
        "annem banyoda yere dustu, kalkamiyor",
        {"intent": "crisis", "crisis": "112"},
    ),
    (
        "rt16a-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "السلام عليكم، أحتاج مساعدة في التسوق يوم الخميس",
        {"intent": "ask", "category": "boodschappen", "when": "thursday"},
    ),
    (
        "rt16a-ar-first_message-02",
        "first_message",
        "ar",
        "sms",
        "لم أتحدث مع أحد منذ أيام",
        {"intent": "service_question"},
    ),
    ("rt16a-ar-menu-01", "menu", "ar", "whatsapp", "بغيت نعاون الناس", {"intent": "offer"}),
    ("rt16a-ar-name-01", "name", "ar", "whatsapp", "ناديني أمينة", {"name": "أمينة"}),
    (
        "rt16a-ar-neighbourhood-01",
        "neighbourhood",
        "ar",
        "whatsapp",
        "كنسكن ف Oude Haven",
        {"neighbourhood": "Oude Haven"},
    ),
    ("rt16a-ar-consent-01", "consent", "ar", "whatsapp", "نعم موافقة، لا مشكل", {"answer": "yes"}),
    ("rt16a-ar-consent-02", "consent", "ar", "sms", "لا، ما بغيتش", {"answer": "no"}),
    (
        "rt16a-ar-ask_category-01",
        "ask_category",
        "ar",
        "whatsapp",
        "عندي رسالة من الضرائب ما فهمتهاش",
        {"category": "formulieren"},
    ),
    ("rt16a-ar-ask_when-01", "ask_when", "ar", "whatsapp", "غدا فالصباح", {"when": "tomorrow morning"}),
    ("rt16a-ar-ask_urgency-01", "ask_urgency", "ar", "sms", "ماشي مستعجل", {"urgency": "any"}),
    (
        "rt16a-ar-invitation-01",
        "invitation",
        "ar",
        "whatsapp",
        "نعم، بس من بعد الساعة 3",
        {"answer": "yes", "condition": "after 15:00"},
    ),
    ("rt16a-ar-invitation-02", "invitation", "ar", "sms", "لا، سمح ليا", {"answer": "no"}),
    ("rt16a-ar-checkin-01", "checkin", "ar", "whatsapp", "الحمد لله، كلشي مزيان", {"answer": "good"}),
    (
        "rt16a-ar-checkin-02",
        "checkin",
        "ar",
        "sms",
        "تعبت بزاف هاد السيمانة",
        {"answer": "heavy", "distress": True},
    ),
    ("rt16a-ar-any_state-01", "any_state", "ar", "whatsapp", "بغيت نهضر مع شي واحد", {"intent": "human"}),
    (
        "rt16a-ar-any_state-02",
        "any_state",
        "ar",
        "sms",
        "ممكن تكتبوا لي بالعربية من فضلك",
        {"intent": "language", "language": "ar"},
    ),
    (
        "rt16a-ar-any_state-03",
        "any_state",
        "ar",
        "whatsapp",
        "بابا طاح وما قدرش يناض",
        {"intent": "crisis", "crisis": "112"},
    ),
    (
        "rt16a-ar-first_message-03",
        "first_message",
        "ar",
        "whatsapp",
        "salam, bghit chi wa7ed y3awni f les courses ghda",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow"},
    ),
    (
        "rt16a-ar-first_message-04",
        "first_message",
        "ar",
        "whatsapp",
        "bghit n3awn nas f l7ouma",
        {"intent": "offer"},
    ),
    (
        "rt16a-ar-first_message-05",
        "first_message",
        "ar",
        "sms",
        "hadi iyam ma hdert m3a 7ta wa7ed",
        {"intent": "service_question"},
    ),
    ("rt16a-ar-menu-02", "menu", "ar", "sms", "jouj", {"intent": "offer"}),
    ("rt16a-ar-name-02", "name", "ar", "whatsapp", "smiti Nadia", {"name": "Nadia"}),
    (
        "rt16a-ar-neighbourhood-02",
        "neighbourhood",
        "ar",
        "whatsapp",
        "sakna f bloemhof",
        {"neighbourhood": "Bloemhof"},
    ),
    ("rt16a-ar-consent-03", "consent", "ar", "whatsapp", "wakha a khti, ma kayn mochkil", {"answer": "yes"}),
    (
        "rt16a-ar-ask_category-02",
        "ask_category",
        "ar",
        "whatsapp",
        "l ordinateur dyali khasser",
        {"category": "computer"},
    ),
    (
        "rt16a-ar-ask_category-03",
        "ask_category",
        "ar",
        "sms",
        "kelb dyali khasso chi wa7ed ykharjo",
        {"category": "huisdieren"},
    ),
    ("rt16a-ar-ask_when-02", "ask_when", "ar", "whatsapp", "nhar tnin f sba7", {"when": "monday morning"}),
    ("rt16a-ar-ask_when-03", "ask_when", "ar", "sms", "ghda m3a 3", {"when": "tomorrow 15:00"}),
    ("rt16a-ar-ask_urgency-02", "ask_urgency", "ar", "whatsapp", "daba, mosta3jal", {"urgency": "today"}),
    (
        "rt16a-ar-invitation-03",
        "invitation",
        "ar",
        "whatsapp",
        "ah n9dar, walakin ghir f sba7",
        {"answer": "yes", "condition": "morning only"},
    ),
    ("rt16a-ar-invitation-04", "invitation", "ar", "sms", "la, ma n9darch", {"answer": "no"}),
    ("rt16a-ar-checkin-03", "checkin", "ar", "whatsapp", "labas, l7amdollah", {"answer": "good"}),
    ("rt16a-ar-checkin-04", "checkin", "ar", "sms", "s3iba bzaf had simana", {"answer": "heavy"}),
    ("rt16a-ar-any_state-04", "any_state", "ar", "whatsapp", "safi, ma bghitch messages", {"intent": "stop"}),
    (
        "rt16a-ar-any_state-05",
        "any_state",
        "ar",
        "sms",
        "bghit nhder m3a chi bnadem 7a9i9i",
        {"intent": "human"},
    ),
    (
        "rt16a-pl-first_message-01",
        "first_message",
        "pl",
        "whatsapp",
        "dzien dobry, potrzebuje pomocy z zakupami w sobote",
        {"intent": "ask", "category": "boodschappen", "when": "saturday"},
    ),
    (
        "rt16a-pl-first_message-02",
        "first_message",
        "pl",
        "sms",
        "od kilku dni z nikim nie rozmawialam",
        {"intent": "service_question"},
    ),
    (
        "rt16a-pl-first_message-03",
        "first_message",
        "pl",
        "whatsapp",
        "chcialabym zostac wolontariuszka",
        {"intent": "offer"},
    ),
    ("rt16a-pl-menu-01", "menu", "pl", "sms", "dwa", {"intent": "offer"}),
    ("rt16a-pl-menu-02", "menu", "pl", "whatsapp", "potrzebuje pomocy 🙂", {"intent": "ask"}),
    ("rt16a-pl-name-01", "name", "pl", "whatsapp", "jestem Agnieszka, ale mowcie mi Aga", {"name": "Aga"}),
    ("rt16a-pl-name-02", "name", "pl", "sms", "po co wam moje imie?", {"not_a_name": True}),
    (
        "rt16a-pl-neighbourhood-01",
        "neighbourhood",
        "pl",
        "whatsapp",
        "mieszkam w Oude Haven, kolo rynku",
        {"neighbourhood": "Oude Haven"},
    ),
    ("rt16a-pl-neighbourhood-02", "neighbourhood", "pl", "sms", "kod 7394", {"postcode": "7394"}),
    ("rt16a-pl-consent-01", "consent", "pl", "whatsapp", "tak, zgoda", {"answer": "yes"}),
    ("rt16a-pl-consent-02", "consent", "pl", "sms", "nie, nie zgadzam sie na to", {"answer": "no"}),
    ("rt16a-pl-consent-03", "consent", "pl", "whatsapp", "a kto to bedzie czytal?", {"answer": "question"}),
    (
        "rt16a-pl-ask_category-01",
        "ask_category",
        "pl",
        "whatsapp",
        "trzeba skosic trawe w ogrodku",
        {"category": "tuin"},
    ),
    (
        "rt16a-pl-ask_category-02",
        "ask_category",
        "pl",
        "sms",
        "pomoc z wypelnieniem formularza",
        {"category": "formulieren"},
    ),
    ("rt16a-pl-ask_when-01", "ask_when", "pl", "whatsapp", "jutro o trzeciej", {"when": "tomorrow 15:00"}),
    (
        "rt16a-pl-ask_when-02",
        "ask_when",
        "pl",
        "whatsapp",
        "w piątek o wpół do czwartej",
        {"when": "friday 15:30"},
    ),
    ("rt16a-pl-ask_when-03", "ask_when", "pl", "sms", "rano w poniedzialek", {"when": "monday morning"}),
    ("rt16a-pl-ask_urgency-01", "ask_urgency", "pl", "whatsapp", "jeszcze dzisiaj", {"urgency": "today"}),
    ("rt16a-pl-ask_urgency-02", "ask_urgency", "pl", "sms", "obojetnie", {"urgency": "any"}),
    (
        "rt16a-pl-invitation-01",
        "invitation",
        "pl",
        "whatsapp",
        "tak, ale dopiero po 17 bo pracuje",
        {"answer": "yes", "condition": "after 17:00"},
    ),
    ("rt16a-pl-invitation-02", "invitation", "pl", "sms", "niestety tym razem nie moge", {"answer": "no"}),
    (
        "rt16a-pl-invitation-03",
        "invitation",
        "pl",
        "whatsapp",
        "teraz nie, moze za tydzien",
        {"answer": "later", "condition": "in 1 week"},
    ),
    ("rt16a-pl-checkin-01", "checkin", "pl", "whatsapp", "bardzo ciezki tydzien", {"answer": "heavy"}),
    ("rt16a-pl-checkin-02", "checkin", "pl", "sms", "jakos leci, po staremu", {"answer": "okay"}),
    (
        "rt16a-pl-any_state-01",
        "any_state",
        "pl",
        "whatsapp",
        "chce rozmawiac z prawdziwym czlowiekiem",
        {"intent": "human"},
    ),
    ("rt16a-pl-any_state-02", "any_state", "pl", "sms", "prosze przestac do mnie pisac", {"intent": "stop"}),
    (
        "rt16a-pl-any_state-03",
        "any_state",
        "pl",
        "whatsapp",
        "mama upadla w lazience i nie moze wstac",
        {"intent": "crisis", "crisis": "112"},
    ),
    (
        "rt16a-uk-first_message-01",
        "first_message",
        "uk",
        "whatsapp",
        "добрий день, потрібна допомога з покупками в четвер",
        {"intent": "ask", "category": "boodschappen", "when": "thursday"},
    ),
    (
        "rt16a-uk-first_message-02",
        "first_message",
        "uk",
        "sms",
        "я вже кілька днів ні з ким не розмовляла",
        {"intent": "service_question"},
    ),
    (
        "rt16a-uk-first_message-03",
        "first_message",
        "uk",
        "whatsapp",
        "хочу стати волонтером",
        {"intent": "offer"},
    ),
    ("rt16a-uk-menu-01", "menu", "uk", "sms", "два", {"intent": "offer"}),
    ("rt16a-uk-name-01", "name", "uk", "whatsapp", "кличте мене Оля", {"name": "Оля"}),
    (
        "rt16a-uk-neighbourhood-01",
        "neighbourhood",
        "uk",
        "whatsapp",
        "ми живемо в Bloemhof",
        {"neighbourhood": "Bloemhof"},
    ),
    ("rt16a-uk-neighbourhood-02", "neighbourhood", "uk", "sms", "індекс 7391", {"postcode": "7391"}),
    ("rt16a-uk-consent-01", "consent", "uk", "whatsapp", "так, я згодна, зберігайте", {"answer": "yes"}),
    ("rt16a-uk-consent-02", "consent", "uk", "sms", "ні, не треба нічого зберігати", {"answer": "no"}),
    (
        "rt16a-uk-ask_category-01",
        "ask_category",
        "uk",
        "whatsapp",
        "треба допомогти з комп'ютером",
        {"category": "computer"},
    ),
    (
        "rt16a-uk-ask_category-02",
        "ask_category",
        "uk",
        "sms",
        "хтось погуляти з собакою",
        {"category": "huisdieren"},
    ),
    ("rt16a-uk-ask_when-01", "ask_when", "uk", "whatsapp", "завтра о третій", {"when": "tomorrow 15:00"}),
    (
        "rt16a-uk-ask_when-02",
        "ask_when",
        "uk",
        "whatsapp",
        "в суботу о пів на четверту",
        {"when": "saturday 15:30"},
    ),
    (
        "rt16a-uk-ask_when-03",
        "ask_when",
        "uk",
        "sms",
        "в понеділок зранку, якщо можна",
        {"when": "monday morning"},
    ),
    ("rt16a-uk-ask_urgency-01", "ask_urgency", "uk", "whatsapp", "сьогодні, терміново", {"urgency": "today"}),
    ("rt16a-uk-ask_urgency-02", "ask_urgency", "uk", "sms", "не поспішаю", {"urgency": "any"}),
    (
        "rt16a-uk-invitation-01",
        "invitation",
        "uk",
        "whatsapp",
        "так, але тільки після 16",
        {"answer": "yes", "condition": "after 16:00"},
    ),
    (
        "rt16a-uk-invitation-02",
        "invitation",
        "uk",
        "whatsapp",
        "зараз ні, може наступного тижня",
        {"answer": "later", "condition": "next week"},
    ),
    ("rt16a-uk-checkin-01", "checkin", "uk", "whatsapp", "дуже важкий тиждень", {"answer": "heavy"}),
    ("rt16a-uk-checkin-02", "checkin", "uk", "sms", "так собі, як завжди", {"answer": "okay"}),
    (
        "rt16a-uk-any_state-01",
        "any_state",
        "uk",
        "whatsapp",
        "хочу поговорити з живою людиною",
        {"intent": "human"},
    ),
    (
        "rt16a-uk-any_state-02",
        "any_state",
        "uk",
        "sms",
        "пишіть українською, будь ласка",
        {"intent": "language", "language": "uk"},
    ),
    ("rt16a-uk-any_state-03", "any_state", "uk", "whatsapp", "не пишіть мені більше", {"intent": "stop"}),
    (
        "rt16a-uk-any_state-04",
        "any_state",
        "uk",
        "whatsapp",
        "мама впала на кухні і не може встати",
        {"intent": "crisis", "crisis": "112"},
    ),
    (
        "rt16a-uk-first_message-04",
        "first_message",
        "uk",
        "whatsapp",
        "dobryi den, potribna dopomoha z pokupkamy",
        {"intent": "ask", "category": "boodschappen"},
    ),
    ("rt16a-uk-name-02", "name", "uk", "sms", "mene klychut Oksana", {"name": "Oksana"}),
    ("rt16a-uk-consent-03", "consent", "uk", "sms", "tak, zghodna", {"answer": "yes"}),
    ("rt16a-uk-ask_when-04", "ask_when", "uk", "sms", "zavtra o tretii", {"when": "tomorrow 15:00"}),
    ("rt16a-uk-ask_urgency-03", "ask_urgency", "uk", "sms", "ne pospishaiu", {"urgency": "any"}),
    ("rt16a-uk-invitation-03", "invitation", "uk", "sms", "tak, mozhu", {"answer": "yes"}),
    ("rt16a-uk-checkin-03", "checkin", "uk", "sms", "duzhe vazhko", {"answer": "heavy"}),
    ("rt16a-uk-any_state-05", "any_state", "uk", "sms", "ne pyshit meni bilshe", {"intent": "stop"}),
    (
        "rt16b-en-first_message-01",
        "first_message",
        "en",
        "whatsapp",
        "good evening, is there a repair café this month? my toaster died 😂",
        {"intent": "activity", "when": "this month", "crisis": False},
    ),
    (
        "rt16b-en-first_message-02",
        "first_message",
        "en",
        "sms",
        "my neighbour is 90 and needs a lift to the hospital on tuesday",
        {"intent": "ask", "category": "vervoer", "when": "tuesday"},
    ),
    ("rt16b-en-menu-01", "menu", "en", "telegram", "the second one", {"intent": "offer"}),
    ("rt16b-en-name-01", "name", "en", "whatsapp", "Mrs. Okafor is fine", {"name": "Mrs Okafor"}),
    (
        "rt16b-en-consent-01",
        "consent",
        "en",
        "sms",
        "hmm, what happens with my data?",
        {"answer": "question"},
    ),
    (
        "rt16b-en-ask_when-01",
        "ask_when",
        "en",
        "whatsapp",
        "any morning next week",
        {"when": "next week morning"},
    ),
    ("rt16b-en-ask_urgency-01", "ask_urgency", "en", "sms", "whenever suits, really", {"urgency": "any"}),
    (
        "rt16b-en-invitation-01",
        "invitation",
        "en",
        "whatsapp",
        "yes I can do it, no heavy lifting though, bad back",
        {"answer": "yes", "condition": "no lifting"},
    ),
    (
        "rt16b-en-checkin-01",
        "checkin",
        "en",
        "whatsapp",
        "honestly I'm at the end of my rope with him",
        {"answer": "heavy", "distress": True},
    ),
    ("rt16b-en-any_state-01", "any_state", "en", "sms", "back to the main menu", {"intent": "menu"}),
    (
        "rt16b-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "iyi aksamlar, bilgisayarimda DigiD calismiyor, bakabilecek biri var mi?",
        {"intent": "ask", "category": "computer"},
    ),
    (
        "rt16b-tr-first_message-02",
        "first_message",
        "tr",
        "sms",
        "yasli bir teyzeyim, kimse ugramiyor artik",
        {"intent": "service_question"},
    ),
    ("rt16b-tr-menu-01", "menu", "tr", "whatsapp", "yardım etmek istiyorum 😊", {"intent": "offer"}),
    ("rt16b-tr-name-01", "name", "tr", "sms", "Mehmet amca derler bana", {"name": "Mehmet amca"}),
    (
        "rt16b-tr-neighbourhood-01",
        "neighbourhood",
        "tr",
        "whatsapp",
        "oude haven tarafinda oturuyoruz",
        {"neighbourhood": "Oude Haven"},
    ),
    (
        "rt16b-tr-ask_category-01",
        "ask_category",
        "tr",
        "whatsapp",
        "bahcedeki agaclari budamak lazim",
        {"category": "tuin"},
    ),
    (
        "rt16b-tr-ask_when-01",
        "ask_when",
        "tr",
        "sms",
        "carsamba ogleden sonra saat 3 gibi",
        {"when": "wednesday 15:00"},
    ),
    (
        "rt16b-tr-invitation-01",
        "invitation",
        "tr",
        "whatsapp",
        "olur ama ancak aksam 6dan sonra",
        {"answer": "yes", "condition": "after 18:00"},
    ),
    ("rt16b-tr-checkin-01", "checkin", "tr", "sms", "iyiyiz cok sukur", {"answer": "good"}),
    ("rt16b-tr-any_state-01", "any_state", "tr", "whatsapp", "ana menüye dön", {"intent": "menu"}),
    (
        "rt16b-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "مساء الخير، بغيت نتطوع مع الجمعية",
        {"intent": "offer"},
    ),
    (
        "rt16b-ar-ask_category-01",
        "ask_category",
        "ar",
        "sms",
        "خاصني شي واحد يصلح ليا الباب",
        {"category": "klusjes"},
    ),
    (
        "rt16b-ar-ask_when-01",
        "ask_when",
        "ar",
        "whatsapp",
        "نهار الجمعة فالعشية",
        {"when": "friday afternoon"},
    ),
    ("rt16b-ar-consent-01", "consent", "ar", "whatsapp", "واخا، ماشي مشكل", {"answer": "yes"}),
    ("rt16b-ar-checkin-01", "checkin", "ar", "sms", "ماشي مزيان هاد الأيام، صعيبة", {"answer": "heavy"}),
    ("rt16b-ar-any_state-01", "any_state", "ar", "whatsapp", "بغيت نتكلم مع شي موظف", {"intent": "human"}),
    (
        "rt16b-ar-first_message-02",
        "first_message",
        "ar",
        "sms",
        "slm, 3endi bra mn la gemeente ma fhemtha walou",
        {"intent": "ask", "category": "formulieren"},
    ),
    ("rt16b-ar-name-01", "name", "ar", "whatsapp", "ana hwa Youssef", {"name": "Youssef"}),
    (
        "rt16b-ar-ask_urgency-01",
        "ask_urgency",
        "ar",
        "whatsapp",
        "machi mosta3jla, had simana",
        {"urgency": "this_week"},
    ),
    ("rt16b-ar-invitation-01", "invitation", "ar", "sms", "daba la, mn ba3d nchouf", {"answer": "later"}),
    ("rt16b-ar-checkin-02", "checkin", "ar", "whatsapp", "l7amdulilah kolchi mzyan", {"answer": "good"}),
    (
        "rt16b-ar-any_state-02",
        "any_state",
        "ar",
        "whatsapp",
        "wa9ef had les messages 3afak",
        {"intent": "stop"},
    ),
    (
        "rt16b-pl-first_message-01",
        "first_message",
        "pl",
        "whatsapp",
        "czesc, moja mama potrzebuje kogos do towarzystwa, jest bardzo samotna",
        {"intent": "ask", "category": "gezelschap"},
    ),
    ("rt16b-pl-menu-01", "menu", "pl", "sms", "jeden prosze", {"intent": "ask"}),
    ("rt16b-pl-name-01", "name", "pl", "whatsapp", "pani Wiesia wystarczy", {"name": "pani Wiesia"}),
    (
        "rt16b-pl-neighbourhood-01",
        "neighbourhood",
        "pl",
        "sms",
        "Molenwijk, ulica przy parku",
        {"neighbourhood": "Molenwijk"},
    ),
    (
        "rt16b-pl-ask_category-01",
        "ask_category",
        "pl",
        "whatsapp",
        "komputer nie chce sie wlaczyc",
        {"category": "computer"},
    ),
    (
        "rt16b-pl-ask_when-01",
        "ask_when",
        "pl",
        "sms",
        "we wtorek rano, najlepiej o dziewiatej",
        {"when": "tuesday 09:00"},
    ),
    (
        "rt16b-pl-invitation-01",
        "invitation",
        "pl",
        "whatsapp",
        "moge, ale tylko w weekend",
        {"answer": "yes", "condition": "this weekend only"},
    ),
    (
        "rt16b-pl-checkin-01",
        "checkin",
        "pl",
        "whatsapp",
        "ciezko, juz nie mam sily",
        {"answer": "heavy", "distress": True},
    ),
    (
        "rt16b-pl-any_state-01",
        "any_state",
        "pl",
        "sms",
        "wolę po niderlandzku",
        {"intent": "language", "language": "nl"},
    ),
    (
        "rt16b-uk-first_message-01",
        "first_message",
        "uk",
        "whatsapp",
        "привіт, хочу допомагати літнім людям у районі",
        {"intent": "offer"},
    ),
    ("rt16b-uk-menu-01", "menu", "uk", "sms", "мені потрібна допомога, будь ласка", {"intent": "ask"}),
    ("rt16b-uk-consent-01", "consent", "uk", "whatsapp", "а навіщо вам це?", {"answer": "question"}),
    (
        "rt16b-uk-ask_category-01",
        "ask_category",
        "uk",
        "whatsapp",
        "треба заповнити документи з гемеенте",
        {"category": "formulieren"},
    ),
    (
        "rt16b-uk-ask_urgency-01",
        "ask_urgency",
        "uk",
        "sms",
        "цього тижня було б добре",
        {"urgency": "this_week"},
    ),
    ("rt16b-uk-checkin-01", "checkin", "uk", "whatsapp", "та нормально, трохи втомилась", {"answer": "okay"}),
    (
        "rt16b-uk-any_state-01",
        "any_state",
        "uk",
        "whatsapp",
        "можна з оператором поговорити?",
        {"intent": "human"},
    ),
    (
        "rt16b-uk-first_message-02",
        "first_message",
        "uk",
        "sms",
        "pryvit, ya khochu buty volonterom",
        {"intent": "offer"},
    ),
    ("rt16b-uk-ask_when-01", "ask_when", "uk", "sms", "v ponedilok vranci", {"when": "monday morning"}),
    ("rt16b-uk-invitation-01", "invitation", "uk", "sms", "ni, ne mozhu, vybachte", {"answer": "no"}),
    ("rt16b-uk-checkin-02", "checkin", "uk", "sms", "vse dobre, diakuiu", {"answer": "good"}),
]
CASES = as_cases(SET)
# Misreadings left alone, with why.
KNOWN: dict[str, str] = {}
LANGUAGES = {"en", "tr", "ar", "pl", "uk"}


def test_the_set_is_new_and_covers_every_context_in_five_languages() -> None:
    assert not {case.text.casefold() for case in CASES} & every_earlier_string(__file__)
    assert len({case.id for case in CASES}) == len(CASES) == 200
    assert len({(case.context, case.text.casefold()) for case in CASES}) == len(CASES)
    for batch in ("rt16a", "rt16b"):
        cases = [case for case in CASES if case.id.startswith(batch)]
        assert {case.context for case in cases} == set(CONTEXTS)
        assert {case.lang for case in cases} == LANGUAGES
        for lang in LANGUAGES:
            assert len({case.context for case in cases if case.lang == lang}) >= (
                10 if batch == "rt16a" else 6
            )
    assert set(KNOWN) <= {case.id for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_message_reads_as_a_careful_social_worker_would(case: Case) -> None:
    assert_case_reads(case, KNOWN)


def test_every_crisis_is_recalled_and_no_look_alike_fires() -> None:
    result = score(CASES, NOW)
    assert result.crises == len([case for case in CASES if case.expect.get("crisis")])
    assert result.crises_recalled == result.crises
    assert result.false_alarms == 0
    assert result.passed >= len(CASES) - len(KNOWN)


# (context, text, what the reading must hold); None for a key: the reading must not have it. Written after
# the fixes: paraphrases of each mechanism, and look-alikes in Polish and Dutch that must read as before.
FAMILIES: list[tuple[str, str, dict[str, Any]]] = [
    ("first_message", "potribna dopomoha z komp'yuterom", {"intent": "ask", "category": "computer"}),
    ("first_message", "dobryi vechir, khochu dopomahaty susidam", {"intent": "offer"}),
    ("any_state", "bud laska, ne pyshit meni", {"intent": "stop"}),
    ("ask_urgency", "ne terminovo, mozhna nastupnoho tyzhnia", {"urgency": "any"}),
    ("ask_when", "zavtra o piv na p'iatu", {"when": "tomorrow 16:30"}),
    ("ask_when", "pislia obidu v subotu", {"when": "saturday afternoon"}),
    ("checkin", "vse duzhe vazhko", {"answer": "heavy"}),
    ("ask_when", "o wpół do jedenastej", {"when": "10:30"}),
    ("ask_when", "w czwartek o wpół do trzeciej", {"when": "thursday 14:30"}),
    ("ask_when", "у вівторок о пів на другу", {"when": "tuesday 13:30"}),
    ("ask_when", "пів на 5", {"when": "16:30"}),
    ("first_message", "I haven't spoken to anybody all week", {"intent": "service_question"}),
    ("first_message", "nobody ever comes by anymore", {"intent": "service_question"}),
    (
        "first_message",
        "is there anyone who could help me with my garden?",
        {"intent": "ask", "category": "tuin"},
    ),
    ("first_message", "haftalardir kimseyle konusmuyorum", {"intent": "service_question"}),
    ("first_message", "nie mam z kim porozmawiać", {"intent": "service_question"}),
    ("first_message", "ніхто до мене не приходить", {"intent": "service_question"}),
    ("first_message", "немає з ким поговорити", {"intent": "service_question"}),
    ("first_message", "ما عندي مع من نهضر", {"intent": "service_question"}),
    ("first_message", "ma 3andi m3a mn nhder", {"intent": "service_question"}),
    ("ask_category", "wyjść z psem na spacer", {"category": "huisdieren"}),
    ("ask_category", "вигуляти собаку", {"category": "huisdieren"}),
    ("ask_category", "хтось погуляти зі мною", {"category": "gezelschap"}),
    ("checkin", "mab9itch nqdar", {"answer": "heavy", "distress": True}),
    ("invitation", "ah n9dr, ghir mn ba3d l3asr", {"answer": "yes"}),
    ("name", "Ayse teyze derler bana", {"name": "Ayse Teyze"}),
    ("name", "pan Marek wystarczy", {"name": "Pan Marek"}),
    ("any_state", "przestańcie do mnie dzwonić", {"intent": "stop"}),
    ("any_state", "beni bir daha aramayın", {"intent": "stop"}),
    ("any_state", "ana menüye geri dönmek istiyorum", {"intent": "menu"}),
    ("any_state", "khochu hovoryty z liudynoiu", {"intent": "human"}),
    ("ask_category", "l7adi9a dyali", {"category": "tuin"}),
    (
        "first_message",
        "potrzebuje pomocy z zakupami jutro",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow"},
    ),
    ("first_message", "tak mam problem z komputerem", {"intent": "ask", "category": "computer"}),
    ("any_state", "nie mam teraz czasu", {"intent": None, "crisis": None}),
    (
        "first_message",
        "ik heb vandaag nog niemand gezien, kan iemand boodschappen doen",
        {"intent": "ask", "category": "boodschappen"},
    ),
    ("ask_urgency", "no rush, whenever", {"urgency": "any"}),
    ("first_message", "ne mohu vstaty, vpala", {"crisis": "112"}),
]

# Paraphrases the mechanisms do not reach yet, with why.
KNOWN_FAMILIES: list[tuple[str, str, dict[str, Any], str]] = [
    (
        "name",
        "mene klychut Bohdan",
        {"name": "Bohdan"},
        "in a conversation not (yet) in Ukrainian two words must tell Ukrainian in Latin letters, and 'mene' is also a word of the other dictionaries: one word is too few",
    ),
    (
        "any_state",
        "wa9af les messages",
        {"intent": "stop"},
        "'wa9af' has a key of two letters ('kf': w is a vowel in Arabizi keys); keys that short are not respelled, they meet too many words",
    ),
    (
        "any_state",
        "wqf had lmessages afak",
        {"intent": "stop"},
        "without a digit word the message is not told Darija, so it is not respelled, and 'wqf' is not listed",
    ),
]


def test_the_families_are_not_the_sets_sentences() -> None:
    texts = {case.text.casefold() for case in CASES} | every_earlier_string(__file__)
    family_texts = [text for _, text, _ in FAMILIES] + [text for _, text, _, _ in KNOWN_FAMILIES]
    assert not {text.casefold() for text in family_texts} & texts
    assert len({text.casefold() for text in family_texts}) == len(family_texts)


@pytest.mark.parametrize(("context", "text", "holds"), FAMILIES)
def test_a_family_added_after_the_set_reads_its_paraphrases(
    context: str, text: str, holds: dict[str, object]
) -> None:
    assert_family_reads(context, text, holds)


@pytest.mark.parametrize(
    ("context", "text", "holds", "why"),
    [pytest.param(*row, marks=pytest.mark.xfail(reason=row[3], strict=True)) for row in KNOWN_FAMILIES],
)
def test_a_known_miss_is_still_missed(context: str, text: str, holds: dict[str, object], why: str) -> None:
    assert_family_reads(context, text, holds)
