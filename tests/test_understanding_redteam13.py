"""Red-team set 13 (written as "reading round 11" beside crisis round 11, renumbered at the merge):
in-context reading of ordinary (non-crisis) messages on two weak spots. (a) Turkish,
Arabic (script, and Moroccan Darija in Latin letters with digits), Polish and Ukrainian (Cyrillic, and Latin
letters) residents and volunteers in every context but the check-in: a greeting or "kolay gelsin" before the
point, letters left off (Turkish without ş/ğ/ı, Polish without ł/ą/ę), Dutch words inside ("huisarts'a",
"gemeente", "boodschappen"), emoji. (b) Mantelzorgers at a check-in in all six languages: the answer said
indirectly ("ach, je doet wat je moet doen", "hij was weer de hele nacht onrustig"), in jest ("prima hoor, ik
slaap toch nooit"), at their limit ("ik trek het gewoon niet meer", "nie daje juz rady") against tiredness
that is no distress ("ik ben doodop, maar het gaat"), carer idioms that are no crisis ("ik word er gek van").
None is word for word in an earlier round (tests/data/understanding_*.jsonl and every string of the other
red-team modules, `every_earlier_string`); rt13a-nl-checkin-01 is the sentence of the dialogue red team's
known gap (tests/test_dialogues_redteam.py), taken on purpose.

Held out, before the fixes (as the reader was when each batch was scored):
- Batch 1 (rt13a, 153: 116 of (a), 37 check-ins), written before the word lists were studied: 126/153
  (82.4 %), no false alarm. 20 messages first written were word for word in earlier rounds (short answers
  mostly: "tamam olur", "nhar sebt", "ні, вибачте", "ik kan het niet meer aan"), and so was one rewording;
  all were reworded before this figure was taken.
  (a) 104/116: tr 27/31, ar 26/29, pl 28/28, uk 23/28; any_state 7/11, ask_category 10/11, ask_urgency 8/9,
  first_message 13/16, invitation 12/13, menu 7/8, name 11/12, ask_when 12/12, consent 12/12,
  neighbourhood 12/12.
  (b) checkin 22/37: nl 7/14, en 4/5, tr 3/5, ar 3/4, pl 3/5, uk 2/4.
- Batch 2 (rt13b, 61: 44 of (a), 17 check-ins), written after batch 1's fixes and not aimed at them: 47/61
  (77.0 %), ONE FALSE ALARM ("не горить, можна наступного тижня", it is not burning = no rush, read as a
  fire: 112). Two messages first written were in earlier rounds and were reworded before scoring.
  (a) 38/44: tr 11/11, ar 10/11, pl 8/11, uk 9/11; any_state 2/4, name 2/4, ask_urgency 3/4, invitation
  3/4, every other context whole.
  (b) checkin 9/17: nl 4/6, en 0/2, tr 2/2, ar 0/2, pl 1/2, uk 2/3.
  The honest generalisation figure: the greetings, stop and offer wordings of (a) carried over (tr whole),
  each language's next idiom did not ("mówcie mi", "kteb liya b l3arbiya", "nie chcę dostawać
  wiadomości"); the check-in stayed about half read: carers' words for the limit and for "a bit tired" are
  many, and each batch found new ones.
After: batch 1 153/153, batch 2 61/61, no false alarm. ../shared/understanding/dev.jsonl 328/328, crises
27/27, 0 false alarms, before and after.

Mechanisms (words in flows/understanding/data/*.toml; code only where a rule was missing):
- A greeting in any of the six languages ("merhaba", "kolay gelsin", "السلام عليكم", "dzień dobry",
  "добрий день", "dobryi den") is a filler around a menu number or a whole answer ("merhaba, iki" is 2).
- Beside "I don't understand Dutch", a language asked for in a clause of its own is the one asked for
  ("Hollandaca anlamiyorum, Türkçe yazar misiniz"); before, the named language the person writes in was
  taken for the one not understood (intent.language_asked).
- Turkish question particles that are ordinary words in the conversation's language do not make a
  question: Polish "mi" in "mówcie mi Krysia" (yes_no.toml [question.ordinary]).
- Check-in: a hard night told is a reason, not a judgement (checkin.toml [reasons]: "slaap slecht", "de hele
  nacht onrustig", "uyumadı", "nie spał", "погано сплю"): it is taken out before the labels are read, so
  "gaat wel, maar ik slaap slecht" stays Gaat wel; alone it reads Zwaar; beside a good it makes the middle
  answer ("iyiyim ama uykusuzum"). A good said with an ironic marker is Zwaar ([irony]: "toch nooit", "who
  needs", "wie heeft ... nodig"). After a "but", a whole-clause answer is the conclusion ("doodop, maar het
  gaat"). "Only"/"just" open a "but" clause in six languages ("غير", "тільки", "tylko", "sadece").
  Little tiredness is the middle answer ("wat moe", "a bit tired", "biraz yorgun", "трохи втомилася");
  doing what has to be done is the middle answer ("hoort erbij", "je doet wat je moet doen", "dam radę");
  holding on is weak (beside "важко" the heavy stands, as "we houden ons staande"). Distress got "ga er
  ... aan onderdoor", "sta op knappen", "barely holding", Ukrainian "сил ... немає" with "уже" as a filler.
- Crisis idioms: "не горить" / "nie pali się" (not burning: no rush) are removed before the crisis rules
  (crisis.toml [idioms]); a fire said ("у сусідів горить квартира") is still 112.
- Words where a family was missing: Ukrainian in Latin letters ("mene zvaty", "hochu dopomahaty",
  "komp'yuter", "ne terminovo"), Turkish "benimle gel*" (going along), "mesaj atma", "dur artık", Darija
  "baraka mn les messages", "nqder" (I can), "kteb" (write), Arabic "أريد أن أساعد", Polish "nie dam rady
  ... dźwigać", "nie chcę dostawać wiadomości", Ukrainian "можна просто" before the preferred name.
  tests/test_dialogues_redteam.py's strict xfail on "gaat wel, maar ik slaap slecht" now holds and was lifted.

Still missed (KNOWN_FAMILIES, strict xfail): irony without a marker word ("oh great, another sleepless
night" reads the middle answer, not Zwaar); Darija in Latin letters is matched by its consonants in the
yes/no, urgency and invitation readers but not in the check-in reader, so a spelling not listed ("mab9itch
n9dar") is not read as distress (read since round 16: translit.darija respells it). Ukrainian in Latin
letters is read only where its words were listed: the crisis reader's `slavic_key` is not used by the
intent, category and answer readers (since round 16 a message that reads as nothing is read again in
Cyrillic: translit.cyrillic).
`FAMILIES` holds paraphrases and look-alikes of each mechanism, written after the fixes (no measure of
generalisation).
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
# rt13a: the first batch, rt13b: the second, written after the first batch's fixes.
SET: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    # --- (a) Turkish
    (
        "rt13a-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "merhaba kolay gelsin, annem icin yarin boodschappen yapacak biri var mi",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow"},
    ),
    (
        "rt13a-tr-first_message-02",
        "first_message",
        "tr",
        "whatsapp",
        "selam, gonullu olmak istiyorum, hafta sonlari bos vaktim var",
        {"intent": "offer", "when": "weekends"},
    ),
    (
        "rt13a-tr-first_message-03",
        "first_message",
        "tr",
        "sms",
        "iyi gunler, persembe huisarts'a gitmem lazim, benimle gelebilecek biri var mi",
        {"intent": "ask", "category": "vervoer", "when": "thursday"},
    ),
    (
        "rt13a-tr-first_message-04",
        "first_message",
        "tr",
        "whatsapp",
        "merhaba, gemeente'den bir mektup geldi hic anlamiyorum, yardim edebilir misiniz",
        {"intent": "ask", "category": "formulieren"},
    ),
    ("rt13a-tr-menu-01", "menu", "tr", "whatsapp", "merhaba, iki", {"intent": "offer"}),
    ("rt13a-tr-menu-02", "menu", "tr", "sms", "yardim istiyorum abla", {"intent": "ask"}),
    ("rt13a-tr-name-01", "name", "tr", "whatsapp", "merhaba, benim adım Hatice", {"name": "Hatice"}),
    ("rt13a-tr-name-02", "name", "tr", "sms", "ismim Yusuf", {"name": "Yusuf"}),
    ("rt13a-tr-name-03", "name", "tr", "whatsapp", "neden soruyorsunuz ki?", {"not_a_name": True}),
    (
        "rt13a-tr-neighbourhood-01",
        "neighbourhood",
        "tr",
        "whatsapp",
        "merhaba, biz molenwijkte oturuyoruz",
        {"neighbourhood": "Molenwijk"},
    ),
    ("rt13a-tr-neighbourhood-02", "neighbourhood", "tr", "sms", "posta kodum 7395 AB", {"postcode": "7395"}),
    (
        "rt13a-tr-neighbourhood-03",
        "neighbourhood",
        "tr",
        "whatsapp",
        "bilmiyorum, tren istasyonunun yaninda",
        {"unknown": True},
    ),
    ("rt13a-tr-consent-01", "consent", "tr", "whatsapp", "tamam, olur tabi", {"answer": "yes"}),
    ("rt13a-tr-consent-02", "consent", "tr", "sms", "yok istemiyorum", {"answer": "no"}),
    ("rt13a-tr-consent-03", "consent", "tr", "whatsapp", "bu bilgileri kim gorecek?", {"answer": "question"}),
    (
        "rt13a-tr-ask_category-01",
        "ask_category",
        "tr",
        "whatsapp",
        "alisveris lazim, marketten",
        {"category": "boodschappen"},
    ),
    (
        "rt13a-tr-ask_category-02",
        "ask_category",
        "tr",
        "sms",
        "bilgisayarim bozuldu",
        {"category": "computer"},
    ),
    (
        "rt13a-tr-ask_category-03",
        "ask_category",
        "tr",
        "whatsapp",
        "kopegimi gezdirecek biri lazim",
        {"category": "huisdieren"},
    ),
    (
        "rt13a-tr-ask_when-01",
        "ask_when",
        "tr",
        "whatsapp",
        "yarin ogleden sonra",
        {"when": "tomorrow afternoon"},
    ),
    (
        "rt13a-tr-ask_when-02",
        "ask_when",
        "tr",
        "sms",
        "cumartesi sabah olursa iyi olur",
        {"when": "saturday morning"},
    ),
    ("rt13a-tr-ask_when-03", "ask_when", "tr", "whatsapp", "valla daha bilmiyorum", {"unclear": True}),
    (
        "rt13a-tr-ask_urgency-01",
        "ask_urgency",
        "tr",
        "whatsapp",
        "acil degil, ne zaman olursa",
        {"urgency": "any"},
    ),
    ("rt13a-tr-ask_urgency-02", "ask_urgency", "tr", "sms", "bugun lazim, cok acil", {"urgency": "today"}),
    (
        "rt13a-tr-ask_urgency-03",
        "ask_urgency",
        "tr",
        "whatsapp",
        "bu hafta icinde olsa yeter",
        {"urgency": "this_week"},
    ),
    (
        "rt13a-tr-invitation-01",
        "invitation",
        "tr",
        "whatsapp",
        "olur yardim ederim ama saat 5ten sonra",
        {"answer": "yes", "condition": "after 17:00"},
    ),
    ("rt13a-tr-invitation-02", "invitation", "tr", "sms", "maalesef yapamam", {"answer": "no"}),
    (
        "rt13a-tr-invitation-03",
        "invitation",
        "tr",
        "whatsapp",
        "simdi degil, sonra bakarim",
        {"answer": "later"},
    ),
    ("rt13a-tr-invitation-04", "invitation", "tr", "whatsapp", "🙏 evet gelirim", {"answer": "yes"}),
    ("rt13a-tr-any_state-01", "any_state", "tr", "sms", "dur artik mesaj atma", {"intent": "stop"}),
    (
        "rt13a-tr-any_state-02",
        "any_state",
        "tr",
        "whatsapp",
        "Hollandaca anlamiyorum, Türkçe yazar misiniz",
        {"intent": "language", "language": "tr"},
    ),
    (
        "rt13a-tr-any_state-03",
        "any_state",
        "tr",
        "whatsapp",
        "bir insanla konusmak istiyorum",
        {"intent": "human"},
    ),
    # --- (a) Arabic: script and Darija in Latin letters
    (
        "rt13a-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "السلام عليكم، أحتاج مساعدة في التسوق غدا",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow"},
    ),
    (
        "rt13a-ar-first_message-02",
        "first_message",
        "ar",
        "whatsapp",
        "salam 3afak wach kayn chi wa7ed y3awnni f lbriat dyal gemeente",
        {"intent": "ask", "category": "formulieren"},
    ),
    (
        "rt13a-ar-first_message-03",
        "first_message",
        "ar",
        "sms",
        "السلام عليكم ورحمة الله، أريد أن أساعد الجيران",
        {"intent": "offer"},
    ),
    (
        "rt13a-ar-first_message-04",
        "first_message",
        "ar",
        "whatsapp",
        "slm, bghit n3awen nas dyal l7ouma",
        {"intent": "offer"},
    ),
    ("rt13a-ar-menu-01", "menu", "ar", "whatsapp", "2 عافاك", {"intent": "offer"}),
    ("rt13a-ar-menu-02", "menu", "ar", "whatsapp", "ana bghit chi mosa3ada", {"intent": "ask"}),
    ("rt13a-ar-name-01", "name", "ar", "whatsapp", "اسمي خديجة", {"name": "خديجة"}),
    ("rt13a-ar-name-02", "name", "ar", "sms", "smiti Karim", {"name": "Karim"}),
    ("rt13a-ar-name-03", "name", "ar", "whatsapp", "3lach bghiti smiti?", {"not_a_name": True}),
    (
        "rt13a-ar-neighbourhood-01",
        "neighbourhood",
        "ar",
        "whatsapp",
        "ana sakna f bloemhof",
        {"neighbourhood": "Bloemhof"},
    ),
    ("rt13a-ar-neighbourhood-02", "neighbourhood", "ar", "sms", "salam, 7397", {"postcode": "7397"}),
    (
        "rt13a-ar-neighbourhood-03",
        "neighbourhood",
        "ar",
        "whatsapp",
        "قرب الجامع، ما عرفتش سمية الحي",
        {"unknown": True},
    ),
    ("rt13a-ar-consent-01", "consent", "ar", "whatsapp", "نعم، أنا موافقة", {"answer": "yes"}),
    ("rt13a-ar-consent-02", "consent", "ar", "sms", "la shukran, ma bghitch", {"answer": "no"}),
    ("rt13a-ar-consent-03", "consent", "ar", "whatsapp", "wakha a khti, machi mochkil", {"answer": "yes"}),
    (
        "rt13a-ar-ask_category-01",
        "ask_category",
        "ar",
        "whatsapp",
        "الحديقة محتاجة تنظيف",
        {"category": "tuin"},
    ),
    (
        "rt13a-ar-ask_category-02",
        "ask_category",
        "ar",
        "whatsapp",
        "l'ordinateur ma khdamch",
        {"category": "computer"},
    ),
    ("rt13a-ar-ask_category-03", "ask_category", "ar", "sms", "🌳", {"category": "tuin"}),
    (
        "rt13a-ar-ask_when-01",
        "ask_when",
        "ar",
        "whatsapp",
        "غدا في الصباح إن شاء الله",
        {"when": "tomorrow morning"},
    ),
    ("rt13a-ar-ask_when-02", "ask_when", "ar", "sms", "nhar sebt inchallah", {"when": "saturday"}),
    ("rt13a-ar-ask_when-03", "ask_when", "ar", "whatsapp", "ma3reftch mazal", {"unclear": True}),
    ("rt13a-ar-ask_urgency-01", "ask_urgency", "ar", "whatsapp", "دابا دابا عافاك", {"urgency": "today"}),
    ("rt13a-ar-ask_urgency-02", "ask_urgency", "ar", "whatsapp", "f had simana", {"urgency": "this_week"}),
    (
        "rt13a-ar-invitation-01",
        "invitation",
        "ar",
        "whatsapp",
        "ah nqder ghir mn ba3d 4",
        {"answer": "yes", "condition": "after 16:00"},
    ),
    ("rt13a-ar-invitation-02", "invitation", "ar", "sms", "لا، سمحلي ما نقدرش", {"answer": "no"}),
    ("rt13a-ar-invitation-03", "invitation", "ar", "whatsapp", "machi daba, men b3d", {"answer": "later"}),
    (
        "rt13a-ar-any_state-01",
        "any_state",
        "ar",
        "whatsapp",
        "bghit nhder m3a chi bnadem",
        {"intent": "human"},
    ),
    (
        "rt13a-ar-any_state-02",
        "any_state",
        "ar",
        "whatsapp",
        "ممكن تكتبولي بالعربية من فضلكم",
        {"intent": "language", "language": "ar"},
    ),
    ("rt13a-ar-any_state-03", "any_state", "ar", "sms", "baraka mn les messages", {"intent": "stop"}),
    # --- (a) Polish
    (
        "rt13a-pl-first_message-01",
        "first_message",
        "pl",
        "whatsapp",
        "dzień dobry, mam pytanie, czy ktoś mógłby zrobić zakupy dla mojej mamy w piątek",
        {"intent": "ask", "category": "boodschappen", "when": "friday"},
    ),
    (
        "rt13a-pl-first_message-02",
        "first_message",
        "pl",
        "sms",
        "dzien dobry, chcialbym pomoc sasiadom",
        {"intent": "offer"},
    ),
    (
        "rt13a-pl-first_message-03",
        "first_message",
        "pl",
        "whatsapp",
        "czesc, potrzebuje kogos kto pojdzie ze mna do huisarts jutro",
        {"intent": "ask", "category": "vervoer", "when": "tomorrow"},
    ),
    (
        "rt13a-pl-first_message-04",
        "first_message",
        "pl",
        "whatsapp",
        "witam, czy jest ktos kto zna sie na komputerach? mam problem z DigiD",
        {"intent": "ask", "category": "computer"},
    ),
    ("rt13a-pl-menu-01", "menu", "pl", "sms", "dwa prosze", {"intent": "offer"}),
    ("rt13a-pl-menu-02", "menu", "pl", "whatsapp", "dzien dobry, potrzebuje pomocy", {"intent": "ask"}),
    ("rt13a-pl-name-01", "name", "pl", "whatsapp", "mam na imie Małgosia", {"name": "Małgosia"}),
    ("rt13a-pl-name-02", "name", "pl", "sms", "jestem Piotr", {"name": "Piotr"}),
    ("rt13a-pl-name-03", "name", "pl", "whatsapp", "a po co wam to?", {"not_a_name": True}),
    (
        "rt13a-pl-neighbourhood-01",
        "neighbourhood",
        "pl",
        "whatsapp",
        "mieszkamy w de akkers od roku",
        {"neighbourhood": "De Akkers"},
    ),
    ("rt13a-pl-neighbourhood-02", "neighbourhood", "pl", "sms", "kod pocztowy 7393", {"postcode": "7393"}),
    (
        "rt13a-pl-neighbourhood-03",
        "neighbourhood",
        "pl",
        "whatsapp",
        "nie wiem jak sie nazywa, kolo Albert Heijn",
        {"unknown": True},
    ),
    ("rt13a-pl-consent-01", "consent", "pl", "whatsapp", "tak, zgadzam sie", {"answer": "yes"}),
    ("rt13a-pl-consent-02", "consent", "pl", "sms", "nie zgadzam sie", {"answer": "no"}),
    (
        "rt13a-pl-consent-03",
        "consent",
        "pl",
        "whatsapp",
        "a co bedzie z tymi danymi?",
        {"answer": "question"},
    ),
    (
        "rt13a-pl-ask_category-01",
        "ask_category",
        "pl",
        "whatsapp",
        "potrzebuje pomocy z ogrodem",
        {"category": "tuin"},
    ),
    (
        "rt13a-pl-ask_category-02",
        "ask_category",
        "pl",
        "sms",
        "list z gemeente, nie rozumiem go",
        {"category": "formulieren"},
    ),
    (
        "rt13a-pl-ask_category-03",
        "ask_category",
        "pl",
        "whatsapp",
        "transport do szpitala",
        {"category": "vervoer"},
    ),
    (
        "rt13a-pl-ask_when-01",
        "ask_when",
        "pl",
        "whatsapp",
        "pojutrze po poludniu",
        {"when": "day after tomorrow afternoon"},
    ),
    ("rt13a-pl-ask_when-02", "ask_when", "pl", "sms", "w sobote jakby moglo byc", {"when": "saturday"}),
    ("rt13a-pl-ask_when-03", "ask_when", "pl", "whatsapp", "jeszcze nie wiem", {"unclear": True}),
    ("rt13a-pl-ask_urgency-01", "ask_urgency", "pl", "whatsapp", "to pilne, dzisiaj", {"urgency": "today"}),
    ("rt13a-pl-ask_urgency-02", "ask_urgency", "pl", "sms", "moze poczekac", {"urgency": "any"}),
    (
        "rt13a-pl-invitation-01",
        "invitation",
        "pl",
        "whatsapp",
        "tak, moge ale dopiero po 16",
        {"answer": "yes", "condition": "after 16:00"},
    ),
    ("rt13a-pl-invitation-02", "invitation", "pl", "sms", "niestety nie moge", {"answer": "no"}),
    (
        "rt13a-pl-invitation-03",
        "invitation",
        "pl",
        "whatsapp",
        "teraz nie, moze pozniej",
        {"answer": "later"},
    ),
    ("rt13a-pl-any_state-01", "any_state", "pl", "sms", "prosze przestac pisac", {"intent": "stop"}),
    (
        "rt13a-pl-any_state-02",
        "any_state",
        "pl",
        "whatsapp",
        "chce rozmawiac z czlowiekiem",
        {"intent": "human"},
    ),
    # --- (a) Ukrainian: Cyrillic and Latin letters
    (
        "rt13a-uk-first_message-01",
        "first_message",
        "uk",
        "whatsapp",
        "добрий день, чи може хтось допомогти з покупками завтра",
        {"intent": "ask", "category": "boodschappen", "when": "tomorrow"},
    ),
    (
        "rt13a-uk-first_message-02",
        "first_message",
        "uk",
        "whatsapp",
        "dobryi den, ya hochu dopomagaty",
        {"intent": "offer"},
    ),
    (
        "rt13a-uk-first_message-03",
        "first_message",
        "uk",
        "sms",
        "привіт, мені треба до huisarts у четвер, хтось може підвезти?",
        {"intent": "ask", "category": "vervoer", "when": "thursday"},
    ),
    (
        "rt13a-uk-first_message-04",
        "first_message",
        "uk",
        "whatsapp",
        "добрий день, отримала лист від gemeente, не розумію що там",
        {"intent": "ask", "category": "formulieren"},
    ),
    ("rt13a-uk-menu-01", "menu", "uk", "sms", "один", {"intent": "ask"}),
    ("rt13a-uk-menu-02", "menu", "uk", "whatsapp", "хочу допомагати", {"intent": "offer"}),
    ("rt13a-uk-name-01", "name", "uk", "whatsapp", "добрий день, мене звати Оксана", {"name": "Оксана"}),
    ("rt13a-uk-name-02", "name", "uk", "sms", "mene zvaty Taras", {"name": "Taras"}),
    ("rt13a-uk-name-03", "name", "uk", "whatsapp", "навіщо вам моє ім'я?", {"not_a_name": True}),
    (
        "rt13a-uk-neighbourhood-01",
        "neighbourhood",
        "uk",
        "whatsapp",
        "ми живемо в Molenwijk, біля школи",
        {"neighbourhood": "Molenwijk"},
    ),
    ("rt13a-uk-neighbourhood-02", "neighbourhood", "uk", "sms", "індекс 7398", {"postcode": "7398"}),
    (
        "rt13a-uk-neighbourhood-03",
        "neighbourhood",
        "uk",
        "whatsapp",
        "не знаю, біля церкви",
        {"unknown": True},
    ),
    ("rt13a-uk-consent-01", "consent", "uk", "whatsapp", "так, згодна", {"answer": "yes"}),
    ("rt13a-uk-consent-02", "consent", "uk", "sms", "ні, не хочу", {"answer": "no"}),
    ("rt13a-uk-consent-03", "consent", "uk", "whatsapp", "а хто це буде бачити?", {"answer": "question"}),
    (
        "rt13a-uk-ask_category-01",
        "ask_category",
        "uk",
        "whatsapp",
        "садок треба прибрати",
        {"category": "tuin"},
    ),
    (
        "rt13a-uk-ask_category-02",
        "ask_category",
        "uk",
        "sms",
        "komp'yuter ne pratsyuye",
        {"category": "computer"},
    ),
    (
        "rt13a-uk-ask_when-01",
        "ask_when",
        "uk",
        "whatsapp",
        "завтра після обіду, якщо можна",
        {"when": "tomorrow afternoon"},
    ),
    ("rt13a-uk-ask_when-02", "ask_when", "uk", "sms", "в неділю", {"when": "sunday"}),
    ("rt13a-uk-ask_when-03", "ask_when", "uk", "whatsapp", "ще не знаю", {"unclear": True}),
    (
        "rt13a-uk-ask_urgency-01",
        "ask_urgency",
        "uk",
        "whatsapp",
        "дуже терміново, сьогодні",
        {"urgency": "today"},
    ),
    ("rt13a-uk-ask_urgency-02", "ask_urgency", "uk", "sms", "ne terminovo", {"urgency": "any"}),
    (
        "rt13a-uk-invitation-01",
        "invitation",
        "uk",
        "whatsapp",
        "так, можу, але тільки зранку",
        {"answer": "yes", "condition": "morning only"},
    ),
    ("rt13a-uk-invitation-02", "invitation", "uk", "sms", "ні, вибачте, не можу", {"answer": "no"}),
    ("rt13a-uk-invitation-03", "invitation", "uk", "whatsapp", "не зараз, пізніше", {"answer": "later"}),
    (
        "rt13a-uk-any_state-01",
        "any_state",
        "uk",
        "sms",
        "будь ласка, зупиніть ці повідомлення",
        {"intent": "stop"},
    ),
    (
        "rt13a-uk-any_state-02",
        "any_state",
        "uk",
        "whatsapp",
        "я хочу поговорити з живою людиною",
        {"intent": "human"},
    ),
    (
        "rt13a-uk-any_state-03",
        "any_state",
        "uk",
        "whatsapp",
        "а можна писати українською?",
        {"intent": "language", "language": "uk"},
    ),
    # --- (b) carers at a check-in
    (
        "rt13a-nl-checkin-01",
        "checkin",
        "nl",
        "whatsapp",
        "gaat wel, maar ik slaap slecht",
        {"answer": "okay"},
    ),
    ("rt13a-nl-checkin-02", "checkin", "nl", "sms", "ach, je doet wat je moet doen", {"answer": "okay"}),
    ("rt13a-nl-checkin-03", "checkin", "nl", "sms", "zwaar hoor, maar het lukt wel", {"answer": "okay"}),
    (
        "rt13a-nl-checkin-04",
        "checkin",
        "nl",
        "whatsapp",
        "hij was weer de hele nacht onrustig",
        {"answer": "heavy"},
    ),
    (
        "rt13a-nl-checkin-05",
        "checkin",
        "nl",
        "whatsapp",
        "prima hoor, ik slaap toch nooit",
        {"answer": "heavy"},
    ),
    (
        "rt13a-nl-checkin-06",
        "checkin",
        "nl",
        "sms",
        "ik kan het eerlijk gezegd niet meer aan",
        {"answer": "heavy", "distress": True},
    ),
    (
        "rt13a-nl-checkin-07",
        "checkin",
        "nl",
        "whatsapp",
        "ik ben echt op, helemaal kapot",
        {"answer": "heavy", "distress": True},
    ),
    (
        "rt13a-nl-checkin-08",
        "checkin",
        "nl",
        "sms",
        "ik trek het gewoon niet meer",
        {"answer": "heavy", "distress": True},
    ),
    ("rt13a-nl-checkin-09", "checkin", "nl", "sms", "moe, maar dat hoort erbij", {"answer": "okay"}),
    (
        "rt13a-nl-checkin-10",
        "checkin",
        "nl",
        "whatsapp",
        "ik ga er nog aan onderdoor",
        {"answer": "heavy", "distress": True, "crisis": False},
    ),
    (
        "rt13a-nl-checkin-11",
        "checkin",
        "nl",
        "whatsapp",
        "ik word er gek van, hij vraagt alles tien keer",
        {"answer": "heavy", "crisis": False},
    ),
    (
        "rt13a-nl-checkin-12",
        "checkin",
        "nl",
        "sms",
        "ik ben doodop, maar het gaat",
        {"answer": "okay", "crisis": False},
    ),
    (
        "rt13a-nl-checkin-13",
        "checkin",
        "nl",
        "whatsapp",
        "redelijk, de dagbesteding helpt",
        {"answer": "okay"},
    ),
    (
        "rt13a-nl-checkin-14",
        "checkin",
        "nl",
        "whatsapp",
        "ik ben helemaal op, ik moet er gewoon even uit",
        {"answer": "heavy", "distress": True, "crisis": False},
    ),
    (
        "rt13a-en-checkin-01",
        "checkin",
        "en",
        "whatsapp",
        "not great if I'm honest, she was up all night again",
        {"answer": "heavy"},
    ),
    (
        "rt13a-en-checkin-02",
        "checkin",
        "en",
        "whatsapp",
        "I'm running on empty, I can't do this anymore",
        {"answer": "heavy", "distress": True, "crisis": False},
    ),
    ("rt13a-en-checkin-03", "checkin", "en", "sms", "tired but coping", {"answer": "okay"}),
    (
        "rt13a-en-checkin-04",
        "checkin",
        "en",
        "whatsapp",
        "oh fine, who needs sleep anyway",
        {"answer": "heavy"},
    ),
    (
        "rt13a-en-checkin-05",
        "checkin",
        "en",
        "telegram",
        "good week actually, his sister came over",
        {"answer": "good"},
    ),
    ("rt13a-tr-checkin-01", "checkin", "tr", "whatsapp", "idare ediyoruz iste", {"answer": "okay"}),
    (
        "rt13a-tr-checkin-02",
        "checkin",
        "tr",
        "whatsapp",
        "cok yoruldum artik dayanamiyorum",
        {"answer": "heavy", "distress": True},
    ),
    ("rt13a-tr-checkin-03", "checkin", "tr", "sms", "iyiyim ama uykusuzum", {"answer": "okay"}),
    ("rt13a-tr-checkin-04", "checkin", "tr", "whatsapp", "bu hafta iyiydi, sukur", {"answer": "good"}),
    (
        "rt13a-tr-checkin-05",
        "checkin",
        "tr",
        "whatsapp",
        "gece boyunca hic uyumadi, ben de uyuyamadim",
        {"answer": "heavy"},
    ),
    (
        "rt13a-ar-checkin-01",
        "checkin",
        "ar",
        "whatsapp",
        "الحمد لله على كل حال، متعبة شوية",
        {"answer": "okay"},
    ),
    (
        "rt13a-ar-checkin-02",
        "checkin",
        "ar",
        "whatsapp",
        "ma b9itch n9der, 3yit bzaf",
        {"answer": "heavy", "distress": True},
    ),
    ("rt13a-ar-checkin-03", "checkin", "ar", "sms", "labas, hamdullah", {"answer": "good"}),
    ("rt13a-ar-checkin-04", "checkin", "ar", "whatsapp", "hadi simana s3iba bzaf", {"answer": "heavy"}),
    ("rt13a-pl-checkin-01", "checkin", "pl", "whatsapp", "jakos leci", {"answer": "okay"}),
    (
        "rt13a-pl-checkin-02",
        "checkin",
        "pl",
        "sms",
        "nie daje juz rady",
        {"answer": "heavy", "distress": True},
    ),
    ("rt13a-pl-checkin-03", "checkin", "pl", "whatsapp", "zmeczona, ale dam rade", {"answer": "okay"}),
    ("rt13a-pl-checkin-04", "checkin", "pl", "whatsapp", "bylo dobrze w tym tygodniu", {"answer": "good"}),
    ("rt13a-pl-checkin-05", "checkin", "pl", "sms", "znowu nie spal cala noc", {"answer": "heavy"}),
    ("rt13a-uk-checkin-01", "checkin", "uk", "whatsapp", "якось тримаюся", {"answer": "okay"}),
    (
        "rt13a-uk-checkin-02",
        "checkin",
        "uk",
        "whatsapp",
        "я більше не витримую",
        {"answer": "heavy", "distress": True},
    ),
    ("rt13a-uk-checkin-03", "checkin", "uk", "sms", "vtomylasya, ale normalno", {"answer": "okay"}),
    (
        "rt13a-uk-checkin-04",
        "checkin",
        "uk",
        "whatsapp",
        "важко, він знову не спав усю ніч",
        {"answer": "heavy"},
    ),
    (
        "rt13b-tr-first_message-01",
        "first_message",
        "tr",
        "whatsapp",
        "slm kolay gelsin, bahcemdeki agaclari budayacak birini ariyorum",
        {"intent": "ask", "category": "tuin"},
    ),
    (
        "rt13b-tr-first_message-02",
        "first_message",
        "tr",
        "sms",
        "Merhaba, ben Ayten, gönüllü olarak yardim etmek isterim",
        {"intent": "offer"},
    ),
    ("rt13b-tr-menu-01", "menu", "tr", "whatsapp", "1 yardim lazim", {"intent": "ask"}),
    ("rt13b-tr-name-01", "name", "tr", "whatsapp", "bana Ali deyin", {"name": "Ali"}),
    (
        "rt13b-tr-neighbourhood-01",
        "neighbourhood",
        "tr",
        "sms",
        "akkers tarafinda oturuyorum",
        {"neighbourhood": "De Akkers"},
    ),
    ("rt13b-tr-consent-01", "consent", "tr", "whatsapp", "evet kaydedebilirsiniz", {"answer": "yes"}),
    (
        "rt13b-tr-ask_category-01",
        "ask_category",
        "tr",
        "whatsapp",
        "vergi formu doldurmam lazim",
        {"category": "formulieren"},
    ),
    ("rt13b-tr-ask_when-01", "ask_when", "tr", "sms", "pazartesi sabah 10da", {"when": "monday 10:00"}),
    (
        "rt13b-tr-ask_urgency-01",
        "ask_urgency",
        "tr",
        "whatsapp",
        "cok acele degil, haftaya da olur",
        {"urgency": "any"},
    ),
    (
        "rt13b-tr-invitation-01",
        "invitation",
        "tr",
        "whatsapp",
        "evet ama sadece cumartesi",
        {"answer": "yes", "condition": "saturday only"},
    ),
    (
        "rt13b-tr-any_state-01",
        "any_state",
        "tr",
        "whatsapp",
        "beni arayabilecek biri var mi? biriyle konusmak istiyorum",
        {"intent": "human"},
    ),
    (
        "rt13b-ar-first_message-01",
        "first_message",
        "ar",
        "whatsapp",
        "salam alikom, mama mrida w bghina chi wa7ed ydwiha l sbitar nhar lkhmis",
        {"intent": "ask", "category": "vervoer", "when": "thursday"},
    ),
    (
        "rt13b-ar-first_message-02",
        "first_message",
        "ar",
        "whatsapp",
        "مرحبا، عندي مشكل مع الهاتف ديالي، واش كاين لي يعاوني؟",
        {"intent": "ask", "category": "computer"},
    ),
    ("rt13b-ar-menu-01", "menu", "ar", "sms", "واحد عافاك", {"intent": "ask"}),
    ("rt13b-ar-name-01", "name", "ar", "whatsapp", "ana smiti Fatima Zahra", {"name": "Fatima Zahra"}),
    (
        "rt13b-ar-neighbourhood-01",
        "neighbourhood",
        "ar",
        "whatsapp",
        "ana f de akkers",
        {"neighbourhood": "De Akkers"},
    ),
    ("rt13b-ar-consent-01", "consent", "ar", "whatsapp", "ايه، ماشي مشكل", {"answer": "yes"}),
    (
        "rt13b-ar-ask_category-01",
        "ask_category",
        "ar",
        "whatsapp",
        "kelb dyali khasso chi wa7ed ykherjo",
        {"category": "huisdieren"},
    ),
    ("rt13b-ar-ask_when-01", "ask_when", "ar", "whatsapp", "غدا فالعشية", {"when": "tomorrow afternoon"}),
    ("rt13b-ar-ask_urgency-01", "ask_urgency", "ar", "sms", "daba 3afak, daruri", {"urgency": "today"}),
    ("rt13b-ar-invitation-01", "invitation", "ar", "whatsapp", "la sm7li, ma n9derch", {"answer": "no"}),
    (
        "rt13b-ar-any_state-01",
        "any_state",
        "ar",
        "whatsapp",
        "kteb liya b l3arbiya 3afak",
        {"intent": "language", "language": "ar"},
    ),
    (
        "rt13b-pl-first_message-01",
        "first_message",
        "pl",
        "whatsapp",
        "dzien dobry, czy ktos moglby pomoc mojemu tacie wypelnic formularz z gemeente?",
        {"intent": "ask", "category": "formulieren"},
    ),
    (
        "rt13b-pl-first_message-02",
        "first_message",
        "pl",
        "whatsapp",
        "hej, moge pomagac w weekendy przy zakupach dla starszych",
        {"intent": "offer", "category": "boodschappen", "when": "weekends"},
    ),
    ("rt13b-pl-menu-01", "menu", "pl", "sms", "jeden", {"intent": "ask"}),
    ("rt13b-pl-name-01", "name", "pl", "whatsapp", "Krystyna, ale mowcie mi Krysia", {"name": "Krysia"}),
    (
        "rt13b-pl-neighbourhood-01",
        "neighbourhood",
        "pl",
        "sms",
        "my mieszkamy w centrum",
        {"neighbourhood": "Oude Haven"},
    ),
    ("rt13b-pl-consent-01", "consent", "pl", "whatsapp", "nie, wolalabym nie", {"answer": "no"}),
    (
        "rt13b-pl-ask_category-01",
        "ask_category",
        "pl",
        "whatsapp",
        "🐶 spacer z psem",
        {"category": "huisdieren"},
    ),
    ("rt13b-pl-ask_when-01", "ask_when", "pl", "sms", "w czwartek po 14", {"when": "thursday after 14:00"}),
    (
        "rt13b-pl-ask_urgency-01",
        "ask_urgency",
        "pl",
        "whatsapp",
        "w tym tygodniu jesli mozna",
        {"urgency": "this_week"},
    ),
    (
        "rt13b-pl-invitation-01",
        "invitation",
        "pl",
        "whatsapp",
        "tak, ale nie dam rady nic dzwigac",
        {"answer": "yes", "condition": "no lifting"},
    ),
    (
        "rt13b-pl-any_state-01",
        "any_state",
        "pl",
        "sms",
        "nie chce juz dostawac wiadomosci",
        {"intent": "stop"},
    ),
    (
        "rt13b-uk-first_message-01",
        "first_message",
        "uk",
        "whatsapp",
        "доброго дня, шукаю когось, хто може вигуляти собаку в суботу",
        {"intent": "ask", "category": "huisdieren", "when": "saturday"},
    ),
    (
        "rt13b-uk-first_message-02",
        "first_message",
        "uk",
        "sms",
        "вітаю, я хотіла б стати волонтеркою",
        {"intent": "offer"},
    ),
    ("rt13b-uk-menu-01", "menu", "uk", "whatsapp", "2, хочу допомогти", {"intent": "offer"}),
    ("rt13b-uk-name-01", "name", "uk", "whatsapp", "Я Наталія, можна просто Наташа", {"name": "Наташа"}),
    (
        "rt13b-uk-neighbourhood-01",
        "neighbourhood",
        "uk",
        "sms",
        "живу в Bloemhof",
        {"neighbourhood": "Bloemhof"},
    ),
    ("rt13b-uk-consent-01", "consent", "uk", "whatsapp", "так, звісно, зберігайте", {"answer": "yes"}),
    (
        "rt13b-uk-ask_category-01",
        "ask_category",
        "uk",
        "whatsapp",
        "допомога з документами",
        {"category": "formulieren"},
    ),
    ("rt13b-uk-ask_when-01", "ask_when", "uk", "whatsapp", "в понеділок зранку", {"when": "monday morning"}),
    (
        "rt13b-uk-ask_urgency-01",
        "ask_urgency",
        "uk",
        "sms",
        "не горить, можна наступного тижня",
        {"urgency": "any"},
    ),
    ("rt13b-uk-invitation-01", "invitation", "uk", "sms", "vybachte, ne mozhu", {"answer": "no"}),
    (
        "rt13b-uk-any_state-01",
        "any_state",
        "uk",
        "whatsapp",
        "говоріть українською будь ласка",
        {"intent": "language", "language": "uk"},
    ),
    ("rt13b-nl-checkin-01", "checkin", "nl", "sms", "tja, het is wat het is met hem", {"answer": "okay"}),
    (
        "rt13b-nl-checkin-02",
        "checkin",
        "nl",
        "whatsapp",
        "ik houd me groot, maar eigenlijk is het niet te doen",
        {"answer": "heavy"},
    ),
    (
        "rt13b-nl-checkin-03",
        "checkin",
        "nl",
        "whatsapp",
        "fijne week gehad, we zijn naar zee geweest",
        {"answer": "good"},
    ),
    ("rt13b-nl-checkin-04", "checkin", "nl", "sms", "het gaat, ik ben alleen wat moe", {"answer": "okay"}),
    (
        "rt13b-nl-checkin-05",
        "checkin",
        "nl",
        "whatsapp",
        "ik sta op knappen",
        {"answer": "heavy", "distress": True},
    ),
    (
        "rt13b-nl-checkin-06",
        "checkin",
        "nl",
        "whatsapp",
        "ik word gek van hem, maar het gaat wel",
        {"answer": "okay", "crisis": False},
    ),
    (
        "rt13b-en-checkin-01",
        "checkin",
        "en",
        "whatsapp",
        "barely holding it together",
        {"answer": "heavy", "distress": True},
    ),
    (
        "rt13b-en-checkin-02",
        "checkin",
        "en",
        "sms",
        "yeah fine, just the usual broken nights",
        {"answer": "okay"},
    ),
    (
        "rt13b-tr-checkin-01",
        "checkin",
        "tr",
        "whatsapp",
        "artik tukendim, kimse yardim etmiyor",
        {"answer": "heavy", "distress": True},
    ),
    ("rt13b-tr-checkin-02", "checkin", "tr", "sms", "idare eder, gece iki kere kalkti", {"answer": "okay"}),
    (
        "rt13b-ar-checkin-01",
        "checkin",
        "ar",
        "whatsapp",
        "لاباس الحمد لله، غير شوية ديال العيا",
        {"answer": "okay"},
    ),
    (
        "rt13b-ar-checkin-02",
        "checkin",
        "ar",
        "whatsapp",
        "ma b9itch 9adra 3lih",
        {"answer": "heavy", "distress": True},
    ),
    (
        "rt13b-pl-checkin-01",
        "checkin",
        "pl",
        "whatsapp",
        "ciezki tydzien, mama byla bardzo niespokojna",
        {"answer": "heavy"},
    ),
    ("rt13b-pl-checkin-02", "checkin", "pl", "sms", "jakos to bedzie", {"answer": "okay"}),
    ("rt13b-uk-checkin-01", "checkin", "uk", "whatsapp", "все добре, дякую", {"answer": "good"}),
    (
        "rt13b-uk-checkin-02",
        "checkin",
        "uk",
        "whatsapp",
        "сил уже немає зовсім",
        {"answer": "heavy", "distress": True},
    ),
    ("rt13b-uk-checkin-03", "checkin", "uk", "sms", "нормально, тільки погано сплю", {"answer": "okay"}),
]
CASES = as_cases(SET)
# Misreadings left alone, with why: none after the fixes.
KNOWN: dict[str, str] = {}
OTHER_LANGUAGES = {"tr", "ar", "pl", "uk"}


def test_the_set_is_new_and_covers_the_two_weak_spots() -> None:
    assert not {case.text.casefold() for case in CASES} & every_earlier_string(__file__)
    assert len({case.id for case in CASES}) == len(CASES) == 214
    assert len({(case.context, case.text.casefold()) for case in CASES}) == len(CASES)
    for batch in ("rt13a", "rt13b"):
        cases = [case for case in CASES if case.id.startswith(batch)]
        residents = [case for case in cases if case.context != "checkin"]
        assert {case.context for case in residents} == set(CONTEXTS) - {"checkin"}
        assert {case.lang for case in residents} == OTHER_LANGUAGES
        carers = [case for case in cases if case.context == "checkin"]
        assert {case.lang for case in carers} == {"nl", "en", "tr", "ar", "pl", "uk"}
    assert not any(case.expect.get("crisis") for case in CASES)  # this round is about the rest
    assert set(KNOWN) <= {case.id for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_message_reads_as_a_careful_social_worker_would(case: Case) -> None:
    assert_case_reads(case, KNOWN)


def test_no_message_of_the_set_raises_a_crisis_and_all_but_the_known_read_right() -> None:
    result = score(CASES, NOW)
    assert result.false_alarms == 0
    assert result.passed >= len(CASES) - len(KNOWN)


# (context, text, what the reading must hold); None for a key: the reading must not have it.
FAMILIES: list[tuple[str, str, dict[str, Any]]] = [
    ("menu", "selamlar, 2", {"intent": "offer"}),
    ("menu", "dzień dobry, jeden", {"intent": "ask"}),
    ("menu", "добрий день, 2", {"intent": "offer"}),
    ("menu", "goedemiddag allemaal", {"intent": "greeting"}),
    (
        "any_state",
        "Hollandaca bilmiyorum, Türkçe konuşabilir misiniz",
        {"intent": "language", "language": "tr"},
    ),
    (
        "any_state",
        "nie rozumiem po niderlandzku, czy można po polsku?",
        {"intent": "language", "language": "pl"},
    ),
    ("any_state", "baraka men had l messages 3afak", {"intent": "stop"}),
    ("any_state", "nie chcę dostawać smsów", {"intent": "stop"}),
    ("any_state", "bana mesaj gönderme artık", {"intent": "stop"}),
    ("first_message", "ya mozhu dopomahaty susidam", {"intent": "offer"}),
    ("first_message", "أحب أن أساعد كبار السن في الحي", {"intent": "offer"}),
    ("ask_urgency", "terminovo", {"urgency": "today"}),
    ("ask_urgency", "нічого не горить", {"urgency": "any", "crisis": None}),
    ("ask_urgency", "nic się nie pali", {"urgency": "any", "crisis": None}),
    ("any_state", "у сусідів горить квартира", {"crisis": "112"}),
    ("name", "mów mi Ola", {"name": "Ola"}),
    ("name", "adımı bilmek zorunda mıyım", {"not_a_name": True}),
    ("name", "mene zvaty Iryna", {"name": "Iryna"}),
    ("invitation", "n9der, ghir mn ba3d 5", {"answer": "yes", "condition": "after 17:00"}),
    ("checkin", "goed, alleen slecht geslapen", {"answer": "okay"}),
    ("checkin", "ze was de hele nacht onrustig", {"answer": "heavy", "distress": None}),
    ("checkin", "prima, wie heeft er nou slaap nodig", {"answer": "heavy"}),
    ("checkin", "doodmoe, maar het gaat", {"answer": "okay", "distress": None}),
    ("checkin", "gaat wel, hij sliep weer slecht", {"answer": "okay"}),
    ("checkin", "ach, het hoort er nu eenmaal bij", {"answer": "okay"}),
    ("checkin", "ik sta echt op knappen", {"answer": "heavy", "distress": True}),
    ("checkin", "ik word gek van die man", {"answer": "heavy", "crisis": None}),
    ("checkin", "moe", {"answer": "heavy"}),
    ("checkin", "het gaat, alleen een beetje moe", {"answer": "okay"}),
    ("checkin", "dam radę", {"answer": "okay"}),
    ("checkin", "nie dam rady", {"answer": "heavy", "distress": True}),
    ("checkin", "важко, але якось тримаємося", {"answer": "heavy"}),
    ("checkin", "тримаюся", {"answer": "okay"}),
    ("checkin", "iyiyim ama kötü uyuyorum", {"answer": "okay"}),
    ("checkin", "сил уже зовсім немає", {"answer": "heavy", "distress": True}),
    ("checkin", "mab9itch 9adra", {"answer": "heavy", "distress": True}),
    # A known miss until round 16 (tests/test_understanding_redteam16.py: Darija respelled by its key).
    ("checkin", "mab9itch n9dar", {"answer": "heavy", "distress": True}),
]

# Paraphrases the mechanisms do not reach yet, with why.
KNOWN_FAMILIES: list[tuple[str, str, dict[str, Any], str]] = [
    (
        "checkin",
        "oh great, another sleepless night",
        {"answer": "heavy"},
        "irony is read from marker words only ([irony]); 'oh great, another ...' has none, so the good and the reason give the middle answer",
    ),
]


def test_the_families_are_not_the_sets_sentences() -> None:
    texts = {case.text.casefold() for case in CASES} | every_earlier_string(__file__)
    family_texts = [text for _, text, _ in FAMILIES] + [text for _, text, _, _ in KNOWN_FAMILIES]
    assert not {text.casefold() for text in family_texts} & texts


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
