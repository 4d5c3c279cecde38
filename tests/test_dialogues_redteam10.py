# ruff: noqa: RUF001, RUF002
"""Red team of whole conversations, round 10: people who write in Turkish, Arabic, Polish, Ukrainian
and English, from their first message on (round 7: tests/test_dialogues_redteam7.py).

Figures (turns as expected / turns, dialogues fully as expected), before and after, per language
(the dialogue's language; guards are mostly Dutch):
- Batch 1 (BATCH_1, 19 dialogues written before reading the flows: first contact in tr/ar/pl/uk
  (Cyrillic and Latin letters)/en through onboarding, a whole Polish request, times in one's own
  words, switching language, repair, MIJN VRAGEN in words, a thread with a Dutch neighbour and "did
  it happen?"), on main (e3c75de): 60/68 turns, 15/19 dialogues; ar 11/14, 2/4; en 9/9, 2/2; pl 9/12,
  2/3; tr 18/18, 6/6; uk 13/15, 3/4. After: 68/68, 19/19 (every language whole). The very first run
  crashed in this file's own language check (a parameter left out of a template) and two expectations
  named the flow's order wrongly (the Polish dialogue expected "where?", which the flow did not ask;
  "did it happen?" answered yes asks "meet again?"); those were corrected before the figure above, no
  code was changed for them.
- Batch 2 (BATCH_2, 20 dialogues, held out: written after batch 1's fixes, not aimed at them), on
  the code after batch 1 (fb7db09): 54/62 turns, 15/20 dialogues; ar 8/9, 3/4; en 12/12, 3/3; pl
  11/12, 3/4; tr 14/15, 3/4; uk 9/14, 3/5 (the same on main: batch 1's fixes did not touch it). As
  first scored 53/62, 14/20: the language check flagged MIJN VRAGEN in a Turkish text, a command
  word kept Dutch by decision (docs/languages.md); the check now leaves words in capitals alone.
  After: 62/62, 20/20.
- Guards (GUARDS, 6 dialogues, 20 turns): 20/20, 6/6 on main and after.
- KNOWN (1 dialogue, strict xfail) and the reader checks TIMES / LANGUAGE_OF: written while fixing.

What failed and what changed (mechanisms):
- A postcode typed on an Arabic keyboard ("٧٣٩٣") was "invalid". `places._postcode_shapes` reads
  Arabic-Indic and Persian digits as digits (tests/test_places.py said the opposite: changed on
  purpose, "٠١٢٣" and five digits are still no postcode).
- A neighbourhood written in Cyrillic ("Де Аккерс") was unknown. `places._fold` compares a name by its
  Latin sounds (`crisis_phrases.cyrillic_as_latin`, the crisis reader's letter table).
- A Dutch question answered in Arabic or Cyrillic in fewer than five words ("يوم الجمعة في الصباح") was
  read, but the conversation stayed Dutch (the read-back "vrijdag 27 november, ochtend" in Dutch).
  `conversation._follow_language` follows a script only one of the six languages writes at any length
  (`language.script_language`); Latin-letter messages keep the five-word rule.
- At "Hoe dringend?" an answer naming a time and a "not" ("w tym tygodniu, nie pilne", "deze week,
  niet dringend") was taken as a correction of the time (Thursday 14:30 became "until Sunday" or
  "whenever"). `ask._correction` now leaves it when the answer names an urgency and the new time has
  no day; a day still corrects ("nee, liever vrijdag", a guard).
- Ukrainian in Latin letters read as Polish or Dutch by the classifier ("pohovoryty z kymos za
  kavoyu" switched a Ukrainian conversation to Polish; "Dobryi vechir, potriben khtos ..." stayed
  Dutch at first contact). `language.detect` says Ukrainian when `translit.cyrillic` (no hint: two
  longer Ukrainian lexicon words that are no Dutch, English or Polish word) finds it, after the
  Turkish/Polish letter signs.
- "talk with someone over a coffee" (en, pl, uk) at the description of a request for company was
  HUMAN (a call from the team). At the description question after a category of
  conversation.toml [talk_is_the_request] (gezelschap) the human intent is the description
  (`conversation._talk_is_the_request`, in `_command` and `_conversation_words`); the HUMAN word and
  other steps are unchanged.
- Times: "yarın öğleden sonra ikide" lost its hour: a Turkish hour word with the locative ending
  right after a daypart is an hour (`time_compose._locative`; "iki kişi" stays a number); Turkish
  "üç buçuk(ta)" and Arabic "الثالثة والنصف", "٣ ونص" are half past (times.toml [half_past],
  `time_words._half_past`; not before an hour unit: "bir buçuk saat" is a duration); Polish and
  Ukrainian afternoon ordinals "o piętnastej", "о п'ятнадцятій" (times.toml hourword:13..20).
- Texts: `remind_none` and `remind_not_understood` fell back whole to Dutch/English for tr/ar/pl/uk
  (left so on purpose: the example only works in Dutch and English). Now the sentence is in the
  person's language and the example to send stays Dutch (tr, ar) or English (pl, uk), as the command
  words do (docs/languages.md updated). No other text of the dialogues falls back (checked per turn:
  every reply, lead and label from the language's own text).

Decided:
- A name or a one-word answer in Arabic or Cyrillic letters switches the conversation to Arabic or
  Ukrainian: its writer reads that script. A language the person chose (ENGLISH) is kept (guard).
- Command words inside texts stay Dutch for tr/ar and English for pl/uk (docs/languages.md); the
  language check here ignores words in capitals.
- "deze week, niet dringend" at the urgency question is read as "maakt niet uit" (the choices
  reader's pick), not "deze week": both are not urgent; left.
- "I want to talk to a real person" at the description of a request for company is taken as the
  description; HUMAN (the word) still asks the team.

Known misses (KNOWN, strict xfail):
- A neighbourhood written in Arabic letters ("مولنفيك") is not read: Arabic script leaves the vowels
  out; the question comes again in Arabic with the neighbourhoods as choices.

Replayed through `flows.conversation.step` with the golden transcripts' fixed clock (Monday 23 November
2026, 10:00 UTC); each dialogue is data (tests/dialogue_redteam_support.py). A turn's "lang" says the
language everything the person receives in that turn must be in: the state's language, every reply's
text and lead and every choice label taken from that language's own catalogue text (not a fallback),
and no Dutch words of the bot's own in the rendered text (a neighbour's relayed words aside).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from flows import catalogue
from flows.conversation import new_state
from tests.dialogue_redteam_support import CLOCK, RIA, Dialogue, as_params, assert_holds, menu_state
from tests.redteam_support import every_earlier_string

D = Dialogue
MISSES = ["not_understood"]  # and any key ending in "_again" (checked in `run`, unless "again_ok")
NEW: dict[str, Any] = {}  # a person who has never written before


def first(lang: str = "nl") -> dict[str, Any]:
    """The state of someone whose first message has not arrived yet (the channel's hint: Dutch)."""
    return new_state(lang)


def in_lang(lang: str, **expect: Any) -> dict[str, Any]:
    """A turn that must be wholly in `lang`, and not a miss unless the turn says otherwise."""
    return {"lang": lang, "not_keys": MISSES, **expect}


# Words of the bot's own Dutch that no text in another language should carry (not "ja", "je", "de":
# Polish and Turkish words too).
DUTCH_WORDS = frozenset(
    " ".join(
        (
            "jouw wilt graag vraag vragen niet het een morgen vandaag maandag dinsdag woensdag donderdag",
            "vrijdag zaterdag zondag ochtend middag avond boodschappen bedankt wanneer waar buurt klopt",
            "verstuur annuleren alleen helpt dringend noteer",
        )
    ).split()
)


def language_problems(lang: str, result: Any) -> list[str]:
    """What of one turn's replies to the person is not in `lang`."""
    problems = []
    if result.state.get("lang") != lang:
        problems.append(f"state lang {result.state.get('lang')!r}, not {lang!r}")
    for reply in result.replies:
        if reply.to_person is not None:
            continue
        for key in (reply.key, reply.lead):
            if key and catalogue.source_language(key, lang) != lang:
                problems.append(f"{key} falls back to {catalogue.source_language(key, lang)}")
        for choice in reply.choices:
            if choice.label is None and catalogue.source_language(choice.label_key, lang) != lang:
                problems.append(f"label {choice.label_key} not in {lang}")
        if lang != "nl":
            params = {
                name: "" if name in ("text", "description") else value for name, value in reply.params.items()
            }
            text = catalogue.message_with_lead(reply.key, lang, params, lead=reply.lead)
            # Command words in capitals stay Dutch in tr/ar texts by decision (docs/languages.md).
            dutch = {word.casefold() for word in re.findall(r"\w+", text) if not word.isupper()} & DUTCH_WORDS
            if dutch:
                problems.append(f"Dutch words {sorted(dutch)} in {text[:120]!r}")
    return problems


def in_own_language(expect: dict[str, Any], result: Any) -> list[str]:
    """A turn that names the person's language: every text in it, and not the question asked again
    (unless the turn allows it)."""
    if "lang" not in expect:
        return []
    problems = language_problems(expect["lang"], result)
    again = [r.key for r in result.replies if r.key.endswith("_again") or r.lead == "not_understood"]
    if again and not expect.get("again_ok"):
        problems.append(f"asked again: {again}")
    return problems


# A matched neighbour who writes Dutch, the thread with her, and the meeting's "did it happen?".
THREAD = {"id": 5, "other_name": "Marieke", "category": "boodschappen", "status": "open"}
MATCH = {
    "internal": "match_found",
    "meta": {"thread_id": 5, "name": "Marieke", "category": "boodschappen", "when": {"kind": "asap"}},
}
RELAYED = {
    "internal": "relayed",
    "meta": {"thread_id": 5, "name": "Marieke", "text": "Hallo! Ik kan donderdag om 2 uur. Is dat goed?"},
}
MEETING = {
    "id": 9,
    "thread_id": 5,
    "name": "Marieke",
    "host": "Marieke",
    "host_is_me": False,
    "centre": "",
    "place_kind": "home",
    "place_text": None,
    "starts_at": "2026-11-21T13:00:00+00:00",
    "zone": "Europe/Amsterdam",
    "status": "agreed",
    "recurring": False,
    "role": "requester",
}
CHECK = {"internal": "meet_check", "meta": {"meeting": MEETING}}
OPEN = {
    "id": 21,
    "category": "boodschappen",
    "description": "zakupy",
    "when": {"kind": "asap"},
    "status": "open",
}


def person(lang: str, **more: Any) -> dict[str, Any]:
    return {
        **RIA,
        "first_name": {"tr": "Fatma", "ar": "Khadija", "pl": "Krystyna", "uk": "Halyna"}.get(lang, "Ria"),
        **more,
    }


# Batch 1, written before reading the flows in detail: first contact in one's own language and the
# journey on, switching language, times in one's own words, repair.
BATCH_1 = [
    D(
        "Turkish first contact with age and a doctor's visit, through onboarding to the summary",
        (
            (
                "Merhaba, ben 78 yaşındayım, yarın doktora gitmem lazım, biri benimle gelebilir mi?",
                in_lang("tr", keys=["ask_name"], restart_ok=True),
            ),
            ("Fatma", in_lang("tr", keys=["ask_neighbourhood"])),
            ("Bloemhof", in_lang("tr", keys=["consent*"])),
            ("evet", in_lang("tr", effect=["record_consent"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Arabic first contact about shopping on Thursday, a postcode in Arabic-Indic digits",
        (
            (
                "السلام عليكم، أحتاج مساعدة في التسوق يوم الخميس من فضلكم",
                in_lang("ar", keys=["ask_name"], restart_ok=True),
            ),
            ("خديجة", in_lang("ar", keys=["ask_neighbourhood"])),
            (
                "٧٣٩٣",
                in_lang(
                    "ar", keys=["consent*"], effect_has={"update_profile": {"neighbourhood": "oude_haven"}}
                ),
            ),
            ("نعم", in_lang("ar", effect=["record_consent"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Polish first contact, then 'o wpół do trzeciej w czwartek' at the when-question",
        (
            (
                "Dzień dobry, potrzebuję kogoś do pomocy z zakupami",
                in_lang("pl", keys=["ask_name"], restart_ok=True),
            ),
            ("Krystyna", in_lang("pl", keys=["ask_neighbourhood"])),
            ("Molenwijk", in_lang("pl", keys=["consent*"])),
            ("tak", in_lang("pl", effect=["record_consent"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Ukrainian in Cyrillic, first contact with age and Friday",
        (
            (
                "Доброго дня! Мені 81 рік, чи може хтось допомогти з покупками в п'ятницю?",
                in_lang("uk", keys=["ask_name"], restart_ok=True),
            ),
            ("Галина", in_lang("uk", keys=["ask_neighbourhood"])),
            ("Де Аккерс", in_lang("uk", keys=["consent*"])),
            ("так, я згодна", in_lang("uk", effect=["record_consent"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Ukrainian in Latin letters, first contact",
        (
            (
                "Dobryi den, meni potribna dopomoha z pokupkamy, bud laska",
                in_lang("uk", keys=["ask_name"], restart_ok=True),
            ),
            ("Oksana", in_lang("uk", keys=["ask_neighbourhood"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "English first contact, Dutch not good, a letter from the council",
        (
            (
                "Hello, sorry my Dutch is not good. I got a letter from the gemeente and need help to "
                "understand it",
                in_lang("en", keys=["ask_name"], restart_ok=True),
            ),
            ("I'm Grace", in_lang("en", keys=["ask_neighbourhood"])),
            ("my postcode is 7391 AB", in_lang("en", keys=["consent*"])),
            ("yes that's fine", in_lang("en", effect=["record_consent"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "a Turkish greeting alone, then the request: Turkish from the first reply on",
        (
            ("Merhaba, iyi günler", in_lang("tr", restart_ok=True)),
            ("annemle hastaneye gidecek birine ihtiyacım var", in_lang("tr")),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Polish through the whole request: what, 'czwartek, o wpół do trzeciej', urgency, who sees, send",
        (
            ("1", in_lang("pl", keys=["ask_category"])),
            ("1", in_lang("pl", keys=["ask_description"])),
            ("chleb, mleko i ziemniaki z Albert Heijn", in_lang("pl", keys=["ask_when"])),
            (
                "czwartek, o wpół do trzeciej",
                in_lang("pl", keys=["when_understood", "ask_urgency"], says=["14:30"]),
            ),
            ("w tym tygodniu, nie pilne", in_lang("pl", keys=["ask_visibility"])),
            ("tylko ta osoba, która pomoże", in_lang("pl", keys=["ask_summary"])),
            ("tak, wyślij", in_lang("pl", effect=["create_request"])),
        ),
        state=menu_state("pl"),
        profile=person("pl"),
    ),
    D(
        "Ukrainian: 'у четвер о пів на третю' at the when-question",
        (
            ("1", in_lang("uk")),
            ("1", in_lang("uk")),
            ("купити ліки в аптеці", in_lang("uk", keys=["ask_when"])),
            ("у четвер о пів на третю", in_lang("uk", keys=["when_understood"], says=["14:30"])),
        ),
        state=menu_state("uk"),
        profile=person("uk"),
    ),
    D(
        "Turkish: 'perşembe saat üçte' at the when-question is Thursday 15:00",
        (
            ("1", in_lang("tr")),
            ("2", in_lang("tr")),
            ("göz doktoruna gitmem lazım", in_lang("tr", keys=["ask_when"])),
            ("perşembe saat üçte", in_lang("tr", keys=["when_understood"], says=["15:00"])),
        ),
        state=menu_state("tr"),
        profile=person("tr"),
    ),
    D(
        "Arabic: 'الخميس الساعة ٣' with an Arabic-Indic digit at the when-question",
        (
            ("1", in_lang("ar")),
            ("1", in_lang("ar")),
            ("خبز وحليب", in_lang("ar", keys=["ask_when"])),
            ("الخميس الساعة ٣", in_lang("ar", keys=["when_understood"], says=["15:00"])),
        ),
        state=menu_state("ar"),
        profile=person("ar"),
    ),
    D(
        "'can we speak English?' at a Dutch when-question: English, and the question again",
        (
            ("1", {}),
            ("1", {}),
            ("boodschappen doen bij de Jumbo", {"keys": ["ask_when"]}),
            ("can we speak English please?", in_lang("en", keys=["ask_when"])),
            ("friday morning would be good", in_lang("en", keys=["when_understood"])),
        ),
        profile=person("en"),
    ),
    D(
        "'türkçe yazabilir misin?' at the Dutch menu: Turkish from then on",
        (
            ("türkçe yazabilir misin?", in_lang("tr")),
            ("bir konuda yardım istiyorum", in_lang("tr")),
        ),
        profile=person("tr"),
    ),
    D(
        "a Dutch when-question answered in Arabic: read, and Arabic from then on",
        (
            ("1", {}),
            ("1", {}),
            ("brood en melk", {"keys": ["ask_when"]}),
            ("يوم الجمعة في الصباح", in_lang("ar", keys=["when_understood"])),
        ),
        profile=person("ar"),
    ),
    D(
        "an unclear Turkish answer at the when-question: the question again in Turkish, not the menu",
        (
            ("1", in_lang("tr")),
            ("1", in_lang("tr")),
            ("ekmek ve süt", in_lang("tr", keys=["ask_when"])),
            ("hmm bilemedim", {"lang": "tr", "keys": ["ask_when*"], "not_keys": ["menu"], "again_ok": True}),
            ("cuma sabah", in_lang("tr", keys=["when_understood"])),
        ),
        state=menu_state("tr"),
        profile=person("tr"),
    ),
    D(
        "MIJN VRAGEN asked in Polish words: her request, in Polish",
        (("pokaż moje prośby", in_lang("pl", not_keys=["ask_*", *MISSES])),),
        state=menu_state("pl"),
        profile=person("pl", open_requests=[OPEN]),
    ),
    D(
        "Ukrainian: a match, the Dutch neighbour's message, an answer passed on, then 'did it happen?'",
        (
            (MATCH, in_lang("uk", keys=["match_found"])),
            (RELAYED, in_lang("uk", keys=["relay"])),
            ("так, четвер о другій мені підходить, дякую", {"lang": "uk", "effect": ["relay"]}),
            (CHECK, in_lang("uk", keys=["meet_check"])),
            ("так, все було добре, дуже дякую", in_lang("uk", keys=["meet_again"], again_ok=True)),
        ),
        state=menu_state("uk"),
        profile=person("uk", threads=[THREAD]),
    ),
    D(
        "Arabic in a thread: 'did it happen?' answered 'لا، ما جاتش'",
        (
            (CHECK, in_lang("ar", keys=["meet_check"])),
            ("لا، ما جاتش", in_lang("ar", keys=["meet_not_happened"])),
        ),
        state=menu_state("ar"),
        profile=person("ar", threads=[THREAD]),
    ),
    D(
        "a Turkish-Dutch mix at first contact: Turkish",
        (
            (
                "Selam, yarın boodschappen için yardım lazım, dizim ağrıyor",
                in_lang("tr", keys=["ask_name"], restart_ok=True),
            ),
        ),
        state=first(),
        profile=NEW,
    ),
]


# Batch 2, held out: written after batch 1's fixes, not aimed at them, and scored before fixing.
BATCH_2 = [
    D(
        "Turkish first message with a name, a neighbourhood and Friday's pharmacy",
        (
            (
                "Selamün aleyküm, adım Hatice, Molenwijk'te oturuyorum. "
                "Cuma günü eczaneye gidecek biri lazım",
                in_lang("tr", restart_ok=True),
            ),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Darija in Latin letters at first contact: Arabic",
        (("salam, bghit chi wahed y3awni f tqdia nhar ljem3a", in_lang("ar", restart_ok=True)),),
        state=first(),
        profile=NEW,
    ),
    D(
        "Polish at the consent question: 'nie rozumiem, co to znaczy?' gets it again in Polish, not the menu",
        (
            ("Dzień dobry, szukam pomocy przy przeprowadzce szafy", in_lang("pl", restart_ok=True)),
            ("Ewa", in_lang("pl")),
            ("mieszkam w Bloemhof", in_lang("pl", keys=["consent*"])),
            (
                "nie rozumiem, co to znaczy?",
                {"lang": "pl", "keys": ["consent*"], "not_keys": ["menu"], "again_ok": True},
            ),
            ("dobrze, zgadzam się", in_lang("pl", effect=["record_consent"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Ukrainian in Latin letters: 'v subotu vranci' at the when-question",
        (
            ("1", in_lang("uk")),
            ("4", in_lang("uk")),
            ("pohovoryty z kymos za kavoyu", in_lang("uk", keys=["ask_when"])),
            ("v subotu vranci", in_lang("uk", keys=["when_understood"], says=["субота"])),
        ),
        state=menu_state("uk"),
        profile=person("uk"),
    ),
    D(
        "English: who may see it in words, then the summary and send",
        (
            ("1", in_lang("en")),
            ("1", in_lang("en")),
            ("pick up my prescription at the pharmacy", in_lang("en", keys=["ask_when"])),
            ("as soon as you can", in_lang("en", keys=["when_understood"])),
            ("yes, near me", in_lang("en", keys=["ask_visibility"])),
            ("only the helper please", in_lang("en", keys=["ask_summary"])),
            ("yes send it", in_lang("en", effect=["create_request"])),
        ),
        state=menu_state("en"),
        profile=person("en"),
    ),
    D(
        "'Przepraszam, nie mówię po holendersku' at the Dutch menu: Polish",
        (("Przepraszam, nie mówię po holendersku", in_lang("pl")),),
        profile=person("pl"),
    ),
    D(
        "'Can you write in English?' at the Dutch name question: English, the question again",
        (
            ("Hoi", {"restart_ok": True}),
            ("Can you write in English?", in_lang("en", keys=["ask_name"])),
            ("Mary", in_lang("en", keys=["ask_neighbourhood"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Turkish summary confirmed in words: 'evet, gönderebilirsin'",
        (
            ("1", in_lang("tr")),
            ("3", in_lang("tr")),
            ("mutfak dolabının kapağı düştü", in_lang("tr", keys=["ask_when"])),
            ("bu hafta bir gün", in_lang("tr")),
            ("evet", in_lang("tr")),
            ("fark etmez bence", in_lang("tr")),
            ("sadece yardım eden", in_lang("tr", keys=["ask_summary"])),
            ("evet, gönderebilirsin", in_lang("tr", effect=["create_request"])),
        ),
        state=menu_state("tr"),
        profile=person("tr"),
    ),
    D(
        "Arabic: 'شنو وقع فطلبي؟' at the menu is how her request stands",
        (("شنو وقع فطلبي؟", in_lang("ar", not_keys=["ask_*", *MISSES])),),
        state=menu_state("ar"),
        profile=person("ar", open_requests=[OPEN]),
    ),
    D(
        "Ukrainian in a thread: a Dutch neighbour's message, her answer passed on, Ukrainian kept",
        (
            (RELAYED, in_lang("uk", keys=["relay"])),
            ("добре, чекаю вас у четвер", {"lang": "uk", "effect": ["relay"]}),
        ),
        state=menu_state("uk"),
        profile=person("uk", threads=[THREAD]),
    ),
    D(
        "Polish 'did it happen?': 'nie, nie przyszła' is not happened",
        (
            (CHECK, in_lang("pl", keys=["meet_check"])),
            ("nie, nie przyszła", in_lang("pl", keys=["meet_not_happened"])),
        ),
        state=menu_state("pl"),
        profile=person("pl", threads=[THREAD]),
    ),
    D(
        "Turkish 'did it happen?': 'evet geldi, çok iyi biriydi' is a yes",
        (
            (CHECK, in_lang("tr", keys=["meet_check"])),
            ("evet geldi, çok iyi biriydi", in_lang("tr", keys=["meet_again"], again_ok=True)),
        ),
        state=menu_state("tr"),
        profile=person("tr", threads=[THREAD]),
    ),
    D(
        "Turkish 'yarın öğleden sonra ikide' is tomorrow 14:00",
        (
            ("1", in_lang("tr")),
            ("1", in_lang("tr")),
            ("pazardan sebze ve meyve", in_lang("tr", keys=["ask_when"])),
            ("yarın öğleden sonra ikide", in_lang("tr", keys=["when_understood"], says=["14:00"])),
        ),
        state=menu_state("tr"),
        profile=person("tr"),
    ),
    D(
        "Arabic 'غدا على الساعة الثالثة والنصف' is tomorrow 15:30",
        (
            ("1", in_lang("ar")),
            ("1", in_lang("ar")),
            ("دواء من الصيدلية", in_lang("ar", keys=["ask_when"])),
            ("غدا على الساعة الثالثة والنصف", in_lang("ar", keys=["when_understood"], says=["15:30"])),
        ),
        state=menu_state("ar"),
        profile=person("ar"),
    ),
    D(
        "Polish 'jutro o piętnastej' is tomorrow 15:00",
        (
            ("1", in_lang("pl")),
            ("1", in_lang("pl")),
            ("kupić leki w aptece", in_lang("pl", keys=["ask_when"])),
            ("jutro o piętnastej", in_lang("pl", keys=["when_understood"], says=["15:00"])),
        ),
        state=menu_state("pl"),
        profile=person("pl"),
    ),
    D(
        "Ukrainian 'завтра о третій дня' is tomorrow 15:00",
        (
            ("1", in_lang("uk")),
            ("1", in_lang("uk")),
            ("хліб і молоко", in_lang("uk", keys=["ask_when"])),
            ("завтра о третій дня", in_lang("uk", keys=["when_understood"], says=["15:00"])),
        ),
        state=menu_state("uk"),
        profile=person("uk"),
    ),
    D(
        "Arabic 'ماذا تقصد؟' at the description question: the question again in Arabic, not the menu",
        (
            ("1", in_lang("ar")),
            ("1", in_lang("ar")),
            (
                "ماذا تقصد؟",
                {"lang": "ar", "keys": ["ask_description*"], "not_keys": ["menu"], "again_ok": True},
            ),
        ),
        state=menu_state("ar"),
        profile=person("ar"),
    ),
    D(
        "a Dutch start that asks for Ukrainian in Cyrillic: Ukrainian",
        (
            (
                "Hallo, ik ben Oksana, ik spreek weinig Nederlands, можна українською?",
                in_lang("uk", restart_ok=True),
            ),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "English: 'hi' then a request: English from the request on",
        (
            ("hi", {"restart_ok": True}),
            ("I need help with groceries, I just moved here and don't speak Dutch", in_lang("en")),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Ukrainian in Latin letters at the neighbourhood question: 'ja zhyvu v Oude Haven'",
        (
            ("Dobryi vechir, potriben khtos dopomohty z komp'yuterom", in_lang("uk", restart_ok=True)),
            ("Taras", in_lang("uk")),
            ("ja zhyvu v Oude Haven", in_lang("uk", keys=["consent*"])),
        ),
        state=first(),
        profile=NEW,
    ),
]

# What the fixes must not change.
GUARDS = [
    D(
        "Dutch: 'nee, liever vrijdag' at the urgency question still corrects the day",
        (
            ("1", {}),
            ("1", {}),
            ("melk en eieren", {"keys": ["ask_when"]}),
            ("donderdag om half drie", {"keys": ["when_understood"]}),
            ("nee, liever vrijdag", in_lang("nl", keys=["when_understood", "ask_urgency"], says=["vrijdag"])),
        ),
    ),
    D(
        "Dutch: 'deze week graag' at the urgency question answers it",
        (
            ("1", {}),
            ("1", {}),
            ("melk en eieren", {"keys": ["ask_when"]}),
            ("donderdag om half drie", {"keys": ["when_understood"]}),
            ("deze week graag hoor", in_lang("nl", keys=["ask_visibility"])),
        ),
    ),
    D(
        "Dutch onboarding: 'ik woon in de Molenwijk' and a Latin name keep Dutch",
        (
            ("Hallo, ik zoek iemand die mijn gras kan maaien", in_lang("nl", restart_ok=True)),
            ("Wim", in_lang("nl", keys=["ask_neighbourhood"])),
            ("ik woon zelf in de Molenwijk", in_lang("nl", keys=["consent*"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "a phone number at the neighbourhood question is still no postcode",
        (
            ("Hallo, ik zoek iemand die mijn gras kan maaien", in_lang("nl", restart_ok=True)),
            ("Wim", in_lang("nl", keys=["ask_neighbourhood"])),
            ("06 1234 5678", {"lang": "nl", "not_keys": ["consent*"]}),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "an emoji or 'ok' from a Ukrainian does not switch her back to Dutch",
        (("👍", {"lang": "uk"}), ("ok", {"lang": "uk"})),
        state=menu_state("uk"),
        profile=person("uk"),
    ),
    D(
        "a chosen language is kept: ENGLISH, then Cyrillic words",
        (("ENGLISH", {"lang": "en"}), ("дякую", {"lang": "en"})),
        profile=person("en"),
    ),
]

# Known misses, decided and left (strict xfail: a fix shows up).
KNOWN = [
    D(
        "a neighbourhood written in Arabic letters ('مولنفيك') is not read",
        (
            ("مرحبا، أحتاج من يرافقني إلى الطبيب", in_lang("ar", restart_ok=True)),
            ("فاطمة", in_lang("ar", keys=["ask_neighbourhood"])),
            ("مولنفيك", in_lang("ar", keys=["consent*"])),
        ),
        state=first(),
        profile=NEW,
        gap="Arabic script has no vowels to compare a Dutch name by; the question comes again in Arabic "
        "with the neighbourhoods as choices (a postcode in Arabic-Indic digits is read)",
    ),
]


def _all_sent() -> set[str]:
    return {
        sent.casefold()
        for d in (*BATCH_1, *BATCH_2, *GUARDS, *KNOWN)
        for sent, _ in d.turns
        if isinstance(sent, str) and len(sent.split()) > 1
    }


def test_strings_are_new() -> None:
    assert not _all_sent() & every_earlier_string(__file__)


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, in_own_language)


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, in_own_language)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue, in_own_language)


@pytest.mark.parametrize("dialogue", as_params(KNOWN))
def test_known(dialogue: Dialogue) -> None:
    assert_holds(dialogue, in_own_language)


# The reader alone: times in one's own words and script, and what must stay as it was.
TIMES = [
    ("yarın öğleden sonra ikide", "tr", "tomorrow 14:00"),
    ("cuma akşam altıda", "tr", "friday 18:00"),
    ("yarın saat üç buçukta", "tr", "tomorrow 15:30"),
    ("غدا على الساعة الثالثة والنصف", "ar", "tomorrow 15:30"),
    ("غدا الساعة ٣ ونص", "ar", "tomorrow 15:30"),
    ("jutro o piętnastej", "pl", "tomorrow 15:00"),
    ("jutro po szesnastej", "pl", "tomorrow after 16:00"),
    ("завтра о п'ятнадцятій", "uk", "tomorrow 15:00"),
    # must not change
    ("bir buçuk saat sürer", "tr", None),
    ("yarın öğleden sonra iki kişi gelsin", "tr", "tomorrow afternoon"),
    ("tomorrow morning one of my neighbours", "en", "tomorrow morning"),
]


@pytest.mark.parametrize(("text", "lang", "when"), TIMES)
def test_times(text: str, lang: str, when: str | None) -> None:
    from flows.understanding.reading import read

    assert read("ask_when", text, lang=lang, now=CLOCK).when == when


# Which language a message is in: Ukrainian in Latin letters, and what stays.
LANGUAGE_OF = [
    ("pohovoryty z kymos za kavoyu", "nl", "uk"),
    ("Dobryi vechir, potriben khtos dopomohty z komp'yuterom", "nl", "uk"),
    ("Przepraszam, nie mówię po holendersku", "uk", "pl"),
    ("nie mam czasu jutro", "nl", "pl"),
    ("ik heb hulp nodig met boodschappen morgen", "uk", "nl"),
]


@pytest.mark.parametrize(("text", "hint", "lang"), LANGUAGE_OF)
def test_language_of(text: str, hint: str, lang: str) -> None:
    from flows.understanding.language import detect

    assert detect(text, hint) == lang
