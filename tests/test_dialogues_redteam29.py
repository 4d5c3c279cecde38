# ruff: noqa: RUF001, RUF002
"""Red team of whole conversations, round 29: mantelzorgers in their own language.

Carers who write Turkish (also without its letters), Arabic (script, and Darija in Latin letters), Polish,
Ukrainian, English, and Dutch learned late, over weeks: signing up (also in words: "kunt u mij elke week
vragen hoe het gaat"), choosing and changing the rhythm, check-in answers (in sentences, emoji, heavy said
sideways: "annem beni tanımıyor artık", "nie śpię od tygodnia"), the offers taken or refused, a person asked
for, pausing, stopping, a crisis in the middle. Every turn is also checked to reach the person wholly in
her language (`C`: round 10's `language_problems`: the state's language, every text and label from that
language's own catalogue text, no Dutch words of the bot's own). Replayed at the golden clock (Monday 23
November 2026, 10:00) with `carer(code)` (asked every Monday 10:00) or `new(code)` (known, no carer yet).

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (563658f).
- Batch 1 (BATCH_1, 26 dialogues, written before reading the flows): main 86/106, 14/26 as first written
  (tr 21/27, 4/6; ar 23/26, 3/6; pl 17/18, 3/4; uk 12/14, 2/4; en 8/9, 1/2; nl 5/12, 1/4). After its fixes
  106/106, 26/26. Two expectations changed: "veel, elke dag" at the hours question names no hours, asked
  again is fair (a turn "ongeveer 40 uur" added); with batch 2's relation words the Ukrainian sign-up "я
  доглядаю за татом" is no longer asked the relation (the turn "тато" dropped). On the final wording main
  is 83/106, 14/26.
- Batch 2 (BATCH_2, 23 dialogues, held out: new wordings, not aimed at batch 1's fixes): main 60/85, 6/23;
  before its own fixes (the honest figure) 66/85, 11/23 (tr 16/18, 4/5; ar 11/16, 0/4; pl 12/15, 2/4; uk
  11/11, 3/3; en 5/9, 1/3; nl 11/16, 1/4). After 84/85, 22/23 (one known miss, below).
- Guards (GUARDS, 6 dialogues, written with batch 2's fixes): 12/12 on main and after.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What the bot did before: "іноді думаю, що краще б мене не було" at a check-in was read as Goed ("Приємно
це чути!"), no crisis; "lepiej żeby mnie nie było", "keşke hiç olmasaydım", "لو لم أكن موجودة" were no
crisis either. "kunt u mij elke week vragen hoe het gaat" started a request; "her hafta bana nasıl
olduğumu sorar mısınız?" was "Bunu tam anlayamadım"; a sign-up that said "elke week" / "كل أسبوع" /
"щотижня" / "once a fortnight" was asked "how often?" again. "annem beni tanımıyor artık", "mijn man wil
niet eten, ik maak zorgen", "babam geceleri bağırıyor, hiç dinlenemiyorum" were no answer at all. At the
offers "bghit chi wahed nhder m3ah" started a request, "biraz nefes almam lazım, bakımı bir süre biri
devralsa" too. "أريد أن أتكلم مع شخص من الفريق" and "ik wil praat met mens, niet computer" were requests.
"wyjeżdżam na dwa tygodnie, proszę wtedy nie pisać" asked whether ALL messages should stop; "off on
holiday for two weeks, pause the check ins" asked how long ("weeks," with its comma was no unit); "ik ga 3
week naar Marokko ... dan niet vragen" was "Dat begreep ik niet". "kol simana", "1 keer in 2 week" at the
rhythm question were "Dat begreep ik niet"; "I don't need the check-ins anymore", "ik wil niet meer deze
vragen", "ما بقيتش محتاجة هاد الأسئلة ... وقفوها" did not stop them; "wolałabym, żebyście pytali w piątki
wieczorem" was a miss; "teściową" was no relation.

What changed (mechanisms; words in blocks marked "round dialogue29"):
- crisis.toml: a wish to be gone or never born in tr/ar/pl/uk (and the nl/en forms not yet there) as a
  rule of its own, guarded by an occasion named ("... na tym zebraniu": a meeting one would rather miss).
- Signing up: carer.toml [checkins_self] (the check-ins asked about oneself, no carer word needed;
  first_contact.registers_in_words, also for a first message); how often said in those words is kept
  (`care.freq_in`, from the time words found in the sentence; `SAID_FREQ` through onboarding) and only
  the day is asked after the hours.
- The rhythm question: how often in words no option holds ("kol simana", "once a fortnight") is that
  choice, the day asked (care.py). time_words: a lead after a count of times is no duration ("1 keer in 2
  weken" is every other week, not "in two weeks"; times.toml [duration] after_count); times.toml: learner
  and English forms of every other week.
- Check-in reader: checkin.toml [illness_told]: not recognised, not eating, shouting at night, no rest,
  worry, in six languages, read as reasons (alone heavy; beside good the middle answer) but, unlike the
  carer's own sleepless nights, no sign of her limit beside tiredness (checkin.py `own_reasons`; the
  flow subset caught "zwaar. hij herkent me niet meer en ik ben zo moe" turned into distress).
- Offers: Darija in Latin letters for a call; a breath or the care taken over for respite.
- A person: intents.toml human for standard Arabic first person and Darija "chi wahed", and Dutch
  learned late ("ik wil praat met mens").
- Pauses: flows/pause.py reads counts said as words in six languages (`amount_words`, times.toml
  [duration.amount]), also in life_events; words keep no comma ("two weeks,"); going away is being away
  (life.toml [being]); "don't ask/write" beside an end is a pause (conversation.toml [dialogue29_dont_ask]);
  at the menu, stopping said with an end is a pause of the check-ins even when they are not named.
- Stopping in words: care_stop_asking (no longer needed), care_checkins ("deze vragen", "the check-ins",
  "pytali"); a request reading of no kind no longer hides the check-ins stopped in words that name them.
  flows/normalise.conversation_words folds phrases as the text is folded: a phrase with an apostrophe
  ("don't need the") now matches; before, such phrases never matched.
- relations.toml: in-laws and the forms after a preposition ("teściową", "за мамою", "الوالدة").

Decided: two earlier expectations changed with a better behaviour (counts said as words are read now):
tests/test_dialogues_redteam18.py "iki hafta tatildeyim" pauses the invitations two weeks (as "ik ben twee
weken op vakantie" does), no longer asks how long; tests/test_dialogues_redteam23.py "wyjeżdżam na dwa
tygodnie" is no longer a known gap. A worry said beside a good ("goed hoor, ik maak me zorgen om zijn hart
maar verder prima") is now the middle answer, as other reasons are.

KNOWN_MISSES (strict xfail): Arabic "شهر" alone (for a month) is no length, so "غادي نسافر للمغرب شهر، ما
تسولنيش حتى نرجع" asks how long; left because "شهر" also opens a month's name ("شهر رمضان"). Not covered:
the Turkish sign-up "annemle ben ilgileniyorum" names no relation the reader knows ("annemle").
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    CARER,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
    score,
)
from tests.test_dialogues_redteam10 import language_problems
from tests.test_dialogues_redteam24 import round_check as round24_check

MISS = ["not_understood", "*_again"]

# Carers who write their own language: a first name, the one cared for, and the state's language.
NAMES = {
    "nl": ("Samira", "Fatima"),
    "en": ("Grace", "Mary"),
    "tr": ("Ayşe", "Fatma"),
    "ar": ("Khadija", "Zahra"),
    "pl": ("Krystyna", "Stefan"),
    "uk": ("Halyna", "Petro"),
}


def carer(code: str, **rhythm: Any) -> dict[str, Any]:
    """A registered carer who writes `code`, asked every Monday at 10:00 unless `rhythm` says else."""
    first, cared = NAMES[code]
    return {
        **CARER,
        "first_name": first,
        "care": {
            **CARER["care"],
            "care_for": cared,
            "relation": "parent",
            "rhythm": {"freq": "weekly", "at": "10:00", "weekday": 0, **rhythm},
        },
    }


def new(code: str) -> dict[str, Any]:
    """Someone known (consented) but no carer yet, who writes `code`."""
    return {**carer(code), "care": None}


def week(n: int, code: str) -> dict[str, Any]:
    """The check-in of week `n` about the one `code`'s carer cares for."""
    return {"internal": "care_checkin", "meta": {"checkin_id": 200 + n, "name": NAMES[code][1]}}


def C(name: str, code: str, turns: tuple[tuple[Any, dict[str, Any]], ...], **kw: Any) -> Dialogue:
    """A conversation in `code`: every turn must reach the person wholly in `code` (the state's language,
    every text and label from that language's catalogue text, no Dutch words of the bot's own)."""
    kw.setdefault("profile", carer(code))
    kw.setdefault("state", menu_state(code))
    turns = tuple((sent, {"lang": code, **expect}) for sent, expect in turns)
    return Dialogue(f"{code}: {name}", turns, **kw)


def reg(**items: object) -> dict[str, Any]:
    """Registered with a rhythm holding `items` ("freq", "weekday", "at")."""
    return {"effect_has": {"care_register": {f"rhythm.{k}": v for k, v in items.items()}}, "not_keys": MISS}


def answered(*answers: str, **more: Any) -> dict[str, Any]:
    """A check-in answered as one of `answers` (good, okay, heavy)."""
    return {"answer_in": answers, "not_keys": [*MISS, *more.pop("not_keys", [])], **more}


HEAVY = answered("heavy", keys=["care_heavy_offers"])
OKAY = answered("okay", not_keys=["care_heavy_offers"])
GOOD = answered("good", not_keys=["care_heavy_offers"])
NOT_HEAVY = answered("good", "okay", not_keys=["care_heavy_offers"])
NOT_GOOD = answered("okay", "heavy", not_keys=["care_thanks_good"])
ASKED = {"keys": ["care_checkin"]}
WHO = {"keys": ["care_who"], "not_keys": ["ask_*", *MISS]}
DAY = {"keys": ["care_day"], "not_keys": MISS}
CRISIS = {"crisis": True}


def offer(name: str, **more: Any) -> dict[str, Any]:
    """An offer after Zwaar taken, recorded on the check-in as its follow-up."""
    return {"effect_has": {"care_followup": {"offer": name}}, "not_keys": MISS, **more}


CALLBACK = {**offer("callback"), "alerts": {"kind": "care_callback", "priority": "high"}}
HUMAN = {"effect": ["request_human"], "not_keys": MISS}
PERSON = {"any_effect": ["request_human", "care_followup"], "not_keys": MISS}


def paused(code: str, **more: Any) -> dict[str, Any]:
    """The check-ins paused, told until when in the person's own words (no Dutch month)."""
    foreign = [] if code in ("nl", "en") else ["december", "januari"]
    return {"effect": ["care_pause"], "keys": ["care_paused"], "not_keys": MISS, "not_says": foreign, **more}


STOP_ASKED = {"keys": ["care_end_question"], "not_keys": MISS}
STOPPED = {"effect": ["care_stop"], "not_keys": MISS}


def round_check(expect: dict[str, Any], result: Any) -> list[str]:
    """Round 24's checks (`answer_in`, `weekday_in`, `alerts`, `any_effect`, `no_alert`), the language
    of every text (`lang`), and `keys_any` (one of these reply keys)."""
    problems = round24_check(expect, result)
    if expect.get("lang"):
        problems += language_problems(expect["lang"], result)
    if "keys_any" in expect:
        keys = [r.key for r in result.replies]
        if not any(k in keys for k in expect["keys_any"]):
            problems.append(f"none of the keys {expect['keys_any']} (keys {keys})")
    return problems


# Batch 1, written before reading the flows (only the test support files and earlier rounds' tests).
BATCH_1 = [
    # Turkish (with and without the letters)
    C(
        "signs up in words, every week said, then only the day is asked",
        "tr",
        (
            ("annemle ben ilgileniyorum, her hafta bana nasıl olduğumu sorar mısınız?", WHO),
            ("Fatma", {"keys": ["care_relation"]}),
            ("annem", {"keys": ["care_hours"]}),
            ("haftada 30 saat kadar", {"keys_any": ["care_day", "care_registered"], "not_keys": MISS}),
            ("salı akşamları", reg(freq="weekly", weekday=1)),
        ),
        profile=new("tr"),
    ),
    C(
        "rhythm without diacritics: 'iki haftada bir', then 'cuma oglen'",
        "tr",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("Mehmet", {}),
            ("babam", {}),
            ("20", {"keys": ["care_rhythm"]}),
            ("iki haftada bir", DAY),
            ("cuma oglen", reg(freq="biweekly", weekday=4)),
        ),
        profile=new("tr"),
    ),
    C(
        "over weeks: good, so-so, sideways heavy, heavy, then a person asked in words",
        "tr",
        (
            (week(1, "tr"), ASKED),
            ("iyiyim cok sukur", GOOD),
            (week(2, "tr"), ASKED),
            ("eh işte, idare eder", OKAY),
            (week(3, "tr"), ASKED),
            ("annem beni tanımıyor artık", NOT_GOOD),
            (week(4, "tr"), ASKED),
            ("cok zor gecti, geceleri hic uyuyamiyorum", HEAVY),
            ("gerçek bir insanla konuşmak istiyorum", CALLBACK),
        ),
    ),
    C(
        "pause for a holiday said in the words of the brief",
        "tr",
        (("ben 2 hafta tatildeyim, o zaman sormayın", paused("tr")),),
    ),
    C(
        "a heavy check-in, refuses the offers, then a crisis in the middle",
        "tr",
        (
            (week(1, "tr"), ASKED),
            ("kötü, çok kötü", HEAVY),
            ("yok sağol, gerek yok", offer("none")),
            ("bazen artık yaşamak istemiyorum", CRISIS),
        ),
    ),
    C(
        "stops the check-ins in words, then confirms",
        "tr",
        (
            ("artık bu soruları sormayın lütfen", STOP_ASKED),
            ("evet eminim", STOPPED),
        ),
    ),
    # Arabic: script and Darija in Latin letters
    C(
        "signs up in words: 'every week' said, the day asked",
        "ar",
        (
            ("أعتني بأمي، ممكن تسألني كل أسبوع كيف حالي؟", WHO),
            ("زهرة", {"keys": ["care_relation"]}),
            ("أمي", {"keys": ["care_hours"]}),
            ("10", {"keys_any": ["care_day", "care_registered"], "not_keys": MISS}),
            ("الأحد في المساء", reg(freq="weekly", weekday=6)),
        ),
        profile=new("ar"),
    ),
    C(
        "rhythm 'كل أسبوع' then the day",
        "ar",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("أحمد", {}),
            ("زوجي", {}),
            ("40", {"keys": ["care_rhythm"]}),
            ("كل أسبوع", DAY),
            ("الخميس بعد العصر", reg(freq="weekly", weekday=3)),
        ),
        profile=new("ar"),
    ),
    C(
        "over weeks in script: good, tired, sleepless: offers, respite accepted",
        "ar",
        (
            (week(1, "ar"), ASKED),
            ("الحمد لله، كل شيء بخير هذا الأسبوع", GOOD),
            (week(2, "ar"), ASKED),
            ("متعبة شوية", NOT_GOOD),
            (week(3, "ar"), ASKED),
            ("ما نمت منذ أيام، لم أعد أستطيع", HEAVY),
            ("أحتاج استراحة من الرعاية", offer("respite")),
        ),
    ),
    C(
        "Darija in Latin letters over weeks: fine, then at the end, then someone to talk to",
        "ar",
        (
            (week(1, "ar"), ASKED),
            ("labas hamdullah", GOOD),
            (week(2, "ar"), ASKED),
            ("3ayya bzaf, ma b9itch n9der", HEAVY),
            ("bghit chi wahed nhder m3ah", CALLBACK),
        ),
    ),
    C(
        "a person asked for at the menu",
        "ar",
        (("أريد أن أتكلم مع شخص من الفريق", HUMAN),),
    ),
    C(
        "a crisis in Darija at a check-in",
        "ar",
        ((week(1, "ar"), ASKED), ("ma b9itch baghya n3ich", CRISIS)),
    ),
    # Polish
    C(
        "rhythm 'co tydzien' without the letter, the day, then a first good check-in",
        "pl",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("Stefan", {}),
            ("mąż", {}),
            ("35", {"keys": ["care_rhythm"]}),
            ("co tydzien", DAY),
            ("w czwartek wieczorem", reg(freq="weekly", weekday=3)),
            (week(1, "pl"), ASKED),
            ("dobrze, dziękuję", GOOD),
        ),
        profile=new("pl"),
    ),
    C(
        "over weeks: so-so, sleepless (sideways), no thanks, heavy again: someone gets in touch",
        "pl",
        (
            (week(1, "pl"), ASKED),
            ("tak sobie", OKAY),
            (week(2, "pl"), ASKED),
            ("nie śpię od tygodnia", HEAVY),
            ("nie, dziękuję, na razie nic", offer("none")),
            (week(3, "pl"), ASKED),
            ("dalej ciężko", {**HEAVY, "says": ["Ktoś od nas się z tobą skontaktuje"]}),
        ),
    ),
    C(
        "a pause for a trip, in words",
        "pl",
        (("wyjeżdżam na dwa tygodnie, proszę wtedy nie pisać", paused("pl")),),
    ),
    C(
        "a person asked for at the menu, then the rhythm changed",
        "pl",
        (
            ("czy mogę porozmawiać z człowiekiem?", HUMAN),
            ("proszę pytać mnie co dwa tygodnie", reg(freq="biweekly")),
        ),
    ),
    # Ukrainian
    C(
        "signs up in words, the day said after",
        "uk",
        (
            ("я доглядаю за татом, можете щотижня питати, як я?", WHO),
            # Changed with batch 2's fixes: "за татом" is read as the relation now, so it is not asked.
            ("Петро", {"keys": ["care_hours"]}),
            ("15", {"keys_any": ["care_day", "care_registered"], "not_keys": MISS}),
            ("у пʼятницю вранці", reg(freq="weekly", weekday=4)),
        ),
        profile=new("uk"),
    ),
    C(
        "over weeks with emoji: good, hard, then a call accepted",
        "uk",
        (
            (week(1, "uk"), ASKED),
            ("все добре 🙂", GOOD),
            (week(2, "uk"), ASKED),
            ("важко 😔", HEAVY),
            ("так, хочу з кимось поговорити", CALLBACK),
        ),
    ),
    C(
        "a crisis said at a check-in",
        "uk",
        ((week(1, "uk"), ASKED), ("іноді думаю, що краще б мене не було", CRISIS)),
    ),
    C(
        "stops the check-ins, confirms",
        "uk",
        (("більше не питайте мене про догляд, будь ласка", STOP_ASKED), ("так", STOPPED)),
    ),
    # English
    C(
        "over weeks with fillers: fine, a fall, running on empty, someone to talk to",
        "en",
        (
            (week(1, "en"), ASKED),
            ("yeah all good thanks x", GOOD),
            (week(2, "en"), ASKED),
            ("ugh. mum had a fall, been a long week tbh", NOT_GOOD),
            (week(3, "en"), ASKED),
            ("honestly I'm running on empty", HEAVY),
            ("could I speak to someone please", CALLBACK),
        ),
    ),
    C(
        "changes the rhythm, then pauses for a holiday",
        "en",
        (
            ("can you check in every other week from now on", reg(freq="biweekly")),
            ("off on holiday for two weeks, pause the check ins please", paused("en")),
        ),
    ),
    # Dutch learned late
    C(
        "signs up: 'kunt u mij elke week vragen hoe het gaat'",
        "nl",
        (
            ("kunt u mij elke week vragen hoe het gaat", WHO),
            ("Fatima", {"keys": ["care_relation"]}),
            ("is mijn moeder", {"keys": ["care_hours"]}),
            # Corrected after the first run: "veel, elke dag" names no hours; asked again is fair.
            ("veel, elke dag", {"keys": ["care_hours"]}),
            ("ongeveer 40 uur", {"keys_any": ["care_day", "care_registered"], "not_keys": MISS}),
            ("maandag", reg(freq="weekly", weekday=0)),
        ),
        profile=new("nl"),
    ),
    C(
        "over weeks: tired, too much, then 'kan ik iemand spreken'",
        "nl",
        (
            (week(1, "nl"), ASKED),
            ("mijn moeder is ziek, ik moet alles doen, ik ben moe", NOT_GOOD),
            (week(2, "nl"), ASKED),
            ("niet goed. geen slaap. te veel", HEAVY),
            ("kan ik iemand spreken", CALLBACK),
        ),
    ),
    C(
        "pause: three weeks to family abroad, in simple words",
        "nl",
        (("ik ga 3 week naar Marokko, familie. dan niet vragen", paused("nl")),),
    ),
    C(
        "a person at the menu in broken Dutch",
        "nl",
        (("ik wil praat met mens, niet computer", HUMAN),),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)


# Batch 2, held out: written after batch 1's fixes, new wordings not aimed at them, scored before its own.
RELATION_OR_HOURS = {"keys_any": ["care_relation", "care_hours"], "not_keys": MISS}
DAY_OR_REGISTERED = {"keys_any": ["care_day", "care_registered"], "not_keys": MISS}
BATCH_2 = [
    # Turkish
    C(
        "signs up without the letters, every other week said",
        "tr",
        (
            ("babama bakiyorum, iki haftada bir halimi sorar misiniz", WHO),
            ("Hasan", RELATION_OR_HOURS),
            ("babam", {"not_keys": MISS}),
            ("haftada 25 saat", DAY_OR_REGISTERED),
            ("persembe aksam", reg(freq="biweekly", weekday=3)),
        ),
        profile=new("tr"),
    ),
    C(
        "over weeks: thumbs up, so-so, nights told, awful, then a break taken",
        "tr",
        (
            (week(1, "tr"), ASKED),
            ("👍 iyi", GOOD),
            (week(2, "tr"), ASKED),
            ("şöyle böyle", OKAY),
            (week(3, "tr"), ASKED),
            ("babam geceleri bağırıyor, hiç dinlenemiyorum", NOT_GOOD),
            (week(4, "tr"), ASKED),
            ("berbat bir hafta", HEAVY),
            ("biraz nefes almam lazım, bakımı bir süre biri devralsa", offer("respite")),
        ),
    ),
    C(
        "a pause: to the village for ten days, no messages",
        "tr",
        (("gelecek hafta köye gidiyoruz, 10 gün mesaj atmayın", paused("tr")),),
    ),
    C(
        "a crisis at a check-in",
        "tr",
        ((week(1, "tr"), ASKED), ("artık dayanamıyorum, kendimi öldürmek istiyorum", CRISIS)),
    ),
    C(
        "a person asked for at the menu",
        "tr",
        (("acaba sizden bir yetkiliyle görüşebilir miyim", HUMAN),),
    ),
    # Arabic
    C(
        "rhythm in Darija, Latin letters: 'kol simana', then Sunday morning",
        "ar",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("Zahra", {}),
            ("mama", {}),
            ("30", {"keys": ["care_rhythm"]}),
            ("kol simana", DAY),
            ("nhar l7ed f sbah", reg(freq="weekly", weekday=6)),
        ),
        profile=new("ar"),
    ),
    C(
        "over weeks in script: fine, mother not eating and afraid, worn out, not now",
        "ar",
        (
            (week(1, "ar"), ASKED),
            ("بخير والحمد لله 🌸", GOOD),
            (week(2, "ar"), ASKED),
            ("الوالدة ما بقاتش كتاكل، وأنا خايفة عليها", NOT_GOOD),
            (week(3, "ar"), ASKED),
            ("تعبت بزاف، ما بقيتش قادرة", HEAVY),
            ("لا شكرا، ماشي دابا", offer("none")),
        ),
    ),
    # KNOWN_MISSES: see the module docstring.
    C(
        "a pause: a month in Morocco, don't ask until back",
        "ar",
        (("غادي نسافر للمغرب شهر، ما تسولنيش حتى نرجع", paused("ar")),),
        gap="Arabic 'شهر' alone (a month) is no length: how long is asked (KNOWN_MISSES)",
    ),
    C(
        "stops the check-ins in Darija, confirms",
        "ar",
        (("ما بقيتش محتاجة هاد الأسئلة على الرعاية، وقفوها عافاكم", STOP_ASKED), ("نعم", STOPPED)),
    ),
    # Polish
    C(
        "signs up for the mother-in-law, every two weeks said",
        "pl",
        (
            ("opiekuję się teściową, czy moglibyście co dwa tygodnie zapytać, jak się trzymam?", WHO),
            ("Irena", RELATION_OR_HOURS),
            ("teściowa", {"not_keys": MISS}),
            ("około 15 godzin", DAY_OR_REGISTERED),
            ("w sobotę rano", reg(freq="biweekly", weekday=5)),
        ),
        profile=new("pl"),
    ),
    C(
        "over weeks: fine, not recognised, worn out, a call",
        "pl",
        (
            (week(1, "pl"), ASKED),
            ("w porządku 🙂", GOOD),
            (week(2, "pl"), ASKED),
            ("mąż coraz częściej mnie nie poznaje", NOT_GOOD),
            (week(3, "pl"), ASKED),
            ("jestem wykończona", HEAVY),
            ("tak, niech ktoś do mnie zadzwoni", CALLBACK),
        ),
    ),
    C(
        "a crisis at a check-in",
        "pl",
        ((week(1, "pl"), ASKED), ("czasem myślę, żeby ze sobą skończyć", CRISIS)),
    ),
    C(
        "the rhythm changed in words",
        "pl",
        (("wolałabym, żebyście pytali w piątki wieczorem", reg(weekday=4)),),
    ),
    # Ukrainian
    C(
        "over weeks: normal, sleepless nights, no strength, a social worker",
        "uk",
        (
            (week(1, "uk"), ASKED),
            ("нормально", NOT_HEAVY),
            (week(2, "uk"), ASKED),
            ("тато вночі не спить і я теж", NOT_GOOD),
            (week(3, "uk"), ASKED),
            ("сил уже немає", HEAVY),
            ("хочу поговорити з соціальним працівником", CALLBACK),
        ),
    ),
    C(
        "a pause: three weeks with family, don't write",
        "uk",
        (("ми їдемо до родини на три тижні, не пишіть поки що", paused("uk")),),
    ),
    C(
        "a person asked for at the menu, then a check-in in Latin letters",
        "uk",
        (
            ("а можна мені поговорити з живою людиною, не з ботом?", HUMAN),
            (week(1, "uk"), ASKED),
            ("vse dobre tsoho tyzhnia, diakuiu", GOOD),
        ),
    ),
    # English
    C(
        "signs up: once a fortnight said, the day after",
        "en",
        (
            ("I look after my dad, could you message me once a fortnight to see how I'm doing?", WHO),
            ("George", RELATION_OR_HOURS),
            ("he's my dad", {"not_keys": MISS}),
            ("about 10", DAY_OR_REGISTERED),
            ("tuesday evening", reg(freq="biweekly", weekday=1)),
        ),
        profile=new("en"),
    ),
    C(
        "a crisis at a check-in",
        "en",
        (
            (week(1, "en"), ASKED),
            ("some days I think everyone would be better off if I just wasn't around", CRISIS),
        ),
    ),
    C(
        "stops the check-ins, confirms",
        "en",
        (("I don't need the check-ins anymore, thanks", STOP_ASKED), ("yes", STOPPED)),
    ),
    # Dutch learned late
    C(
        "over weeks: good, husband not eating, too heavy, a call",
        "nl",
        (
            (week(1, "nl"), ASKED),
            ("goed, dank u", GOOD),
            (week(2, "nl"), ASKED),
            ("mijn man wil niet eten, ik maak zorgen", NOT_GOOD),
            (week(3, "nl"), ASKED),
            ("het is te zwaar voor mij", HEAVY),
            ("ja graag, u mag mij bellen", CALLBACK),
        ),
    ),
    C(
        "pause: to Turkey for two weeks, no messages",
        "nl",
        (("volgende week ik ga Turkije 2 weken, niet sturen berichten", paused("nl")),),
    ),
    C(
        "stop the questions: 'ik wil niet meer deze vragen' is no crisis",
        "nl",
        (
            ("ik wil niet meer deze vragen, dank u", {**STOP_ASKED, "not_keys": ["crisis_*", *MISS]}),
            ("ja", STOPPED),
        ),
    ),
    C(
        "rhythm at the registration: '1 keer in 2 week', then the day",
        "nl",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("Ahmed", {}),
            ("mijn man", {}),
            ("20", {"keys": ["care_rhythm"]}),
            ("1 keer in 2 week", DAY),
            ("woensdag middag", reg(freq="biweekly", weekday=2)),
        ),
        profile=new("nl"),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)


# Guards, written with batch 2's fixes: what the new readings must leave alone.
NO_CRISIS = {"not_keys": ["crisis_*"], "no_alert": True}
GUARDS = [
    C(
        "staying away from a meeting is no wish to be gone",
        "pl",
        (("lepiej żeby mnie nie było na tym zebraniu, i tak nic nie wiem", NO_CRISIS),),
    ),
    C(
        "staying away from a meeting is no wish to be gone",
        "uk",
        (("краще б мене не було на тій зустрічі в п'ятницю", NO_CRISIS),),
    ),
    C(
        "asking how a request goes is no sign-up for the check-ins",
        "nl",
        (("kunt u vragen hoe het gaat met mijn aanvraag voor de tuin?", {"not_keys": ["care_who"]}),),
        profile={**new("nl")},
    ),
    C(
        "still recognised is no sideways heavy",
        "tr",
        ((week(1, "tr"), ASKED), ("iyi, annem beni hala taniyor çok şükür", GOOD)),
    ),
    C(
        "no longer needing the shopping is no stop of the check-ins",
        "en",
        (("don't need the shopping anymore, my son does it now", {"not_keys": ["care_end_question"]}),),
    ),
    C(
        "in two weeks is still a moment, not a rhythm, at the day question",
        "nl",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("Ahmed", {}),
            ("mijn man", {}),
            ("20", {"keys": ["care_rhythm"]}),
            ("1", DAY),
            ("dinsdag om 10 uur graag", reg(freq="weekly", weekday=1)),
        ),
        profile=new("nl"),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    assert repeated_messages(__file__, [*BATCH_1, *BATCH_2, *GUARDS]) == []


def figures(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    return score(dialogues, round_check)
