# ruff: noqa: RUF001, RUF002
"""Red team of whole conversations, round 21: matched people agreeing and keeping real meetings in Turkish,
Arabic (also Darija in Latin letters with digits), Polish, Ukrainian and English.

Replayed at the golden clock (Monday 23 November 2026, 10:00 UTC); the fixtures are round 5's (a thread
with Henk, AFSPRAAK's questions, "Past dat?", the reminder, "Is het gelukt?") and round 14's (an activity
after a weekly meeting). Every turn must stay in the person's language (`state.lang`).

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (e332269).
- Batch 1 (BATCH_1, 41 dialogues; tr 8, ar 7, Darija 6, pl 7, uk 6, en 7), written before studying the
  code that reads these answers, measured on main: 63/81 turns, 24/41 dialogues. By language on main:
  tr 13/17, 5/8; ar 12/14, 5/7; Darija 8/11, 3/6; pl 9/13, 3/7; uk 11/13, 4/6; en 10/13, 4/7. After its
  fixes: 81/81, 41/41.
- Batch 2 (BATCH_2, 34 dialogues, held out: written after batch 1's fixes, not looked at while fixing;
  tr 5, ar 5, Darija 5, pl 6, uk 6, en 7): main 54/72, 18/34; before its own fixes (the honest figure)
  60/72, 23/34 (tr 10/10 5/5; ar 9/11 3/5; Darija 8/9 4/5; pl 9/13 3/6; uk 8/11 3/6; en 16/18 5/7);
  after 72/72, 34/34.
- Guards (GUARDS, 8 dialogues, written with batch 2's fixes): main 12/15, 5/8 (moving in Dutch, "om 4 uur
  is beter" and "tekrar teşekkürler" were misses on main too); after 15/15, 8/8.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What the bot did before: a day and time with a place but without a Dutch-like verb ("perşembe saat 2de
bende çay içelim mi?", "moze w czwartek o 14 u mnie w domu?") was only passed on; AFSPRAAK's "Wanneer?"
read only Dutch and English ("çarşamba sabah saat 10da", "у четвер о 10" were asked again); moving an
agreed meeting in words ("can we move it to friday at 11?", also in Dutch) was only passed on; a volunteer
who stops ("really sorry but I can't volunteer anymore") only passed on; "a bit later?" at "Past dat?"
went to the neighbour with the proposal left open; Darija in Latin letters ("ma n9derch nji", "kol
simana", "l5mis") was not read.

What changed (mechanisms; words in flows/understanding/data/conversation.toml, block "round meetings21";
decisions in flows/meetings.py):
- "Wanneer?" falls back to the ask flow's time reader in the person's language (`_when_in_words`).
- A proposal in the thread (`proposed_in_words`): besides [meet_said], [meetings21_meet_said] ("let's",
  "давайте", "nt9ablo") or a place of meeting named (someone's home, the buurthuis; not a bare "thuis")
  with a day and time.
- A meeting ahead moved in words (`cannot_come`): move words ([meetings21_move]), or a proposal's words
  with another day and time (`_other_time_said`; an hour alone is no other day); the new time is kept
  (`MOVED`) and proposed when the plan to move it comes, after where.
- Cannot come: more wordings ([meetings21_cannot_come]); a volunteer who stops ([meetings21_stop_helping],
  or "no longer" with a word for helping, from a volunteer only): move, cancel or someone else.
- "Past dat?": "a bit later/earlier", "too early" are "Ander voorstel" ([option_meet_choice_counter]); a
  time said to be better ("о 16:00 буде краще", "om 4 uur is beter") is proposed back on the proposal's
  day (`_better_time`).
- "Is het gelukt?": praise ([meetings21_good]) and wishes to meet again ([meetings21_again], Darija in
  Latin letters, "next week" in Arabic and Polish); thanks once more ("tekrar teşekkürler", "ще раз
  дякую") is no wish to meet again ([meetings21_thanks_again]).
- The time reader: Turkish dative after "saat" ("saat 11e"), and "l5mis" (Darija Thursday, times.toml).
- Polish, Ukrainian and Turkish inflections of the buurthuis words ("w świetlicy", "у центрі").

Known misses: none in these batches. Not covered: a move said with only a day ("kan het woensdag?") keeps
no time for the plan (where and when are asked); a weekly meeting ("recurring") is not moved by words.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
    score,
)
from tests.test_dialogues_redteam5 import (
    AGREED,
    CHECK,
    PLAN,
    PROPOSAL,
    REMINDER,
    VOLUNTEER,
    VOLUNTEER_MEETING,
    VOLUNTEER_REMINDER,
    WITH_THREAD,
)
from tests.test_dialogues_redteam14 import ACTIVITY

D = Dialogue
MISS = ["not_understood", "*_again"]
VAGREED = {"internal": "meet_agreed", "meta": {"meeting": VOLUNTEER_MEETING}}


def lang(code: str, **more: Any) -> dict[str, Any]:
    """A turn answered in `code`, plus `more`."""
    return {**more, "state": {**more.get("state", {}), "lang": code}}


def said(code: str) -> dict[str, Any]:
    """A time (and place) proposed in words in the thread: passed on, and a meeting offered."""
    return lang(code, effect=["relay"], keys=["meet_said_offer"], not_keys=MISS)


def passed_on(code: str) -> dict[str, Any]:
    """Only for the neighbour: passed on, the meeting stays as it was."""
    return lang(code, effect=["relay"], not_keys=[*MISS, "meet_cannot_come"], no_effect=["meet_cancel"])


def cannot(code: str) -> dict[str, Any]:
    """Cannot come: passed on, and moving or cancelling offered."""
    return lang(code, effect=["relay"], keys=["meet_cannot_come"])


def moved(code: str) -> dict[str, Any]:
    """A meeting moved to another time in words: passed on, and the change offered (made a meeting, or
    moved through "Kun je niet op ...?")."""
    return lang(code, effect=["relay"], any_keys=["meet_said_offer", "meet_cannot_come"], not_keys=MISS)


def answer(code: str, value: str) -> dict[str, Any]:
    """ "Past dat?" answered in words."""
    return lang(code, effect_has={"meet_answer": {"answer": value}}, no_effect=["relay"], not_keys=MISS)


def counter(code: str) -> dict[str, Any]:
    """ "Past dat?" answered with another time: proposed back."""
    return lang(code, effect=["meet_propose"], keys=["meet_proposal_sent"], not_keys=MISS)


def outcome(code: str, value: str, *more: str) -> dict[str, Any]:
    """ "Is het gelukt?" answered in words."""
    return lang(
        code,
        effect_has={"meet_outcome": {"outcome": value}},
        effect=list(more),
        no_effect=["relay"],
        not_keys=MISS,
    )


def joined(code: str) -> dict[str, Any]:
    return lang(code, effect=["agenda_signup"], no_effect=["relay"], not_keys=MISS)


def any_key(expect: dict[str, Any], result: Any) -> list[str]:
    """`any_keys`: at least one of these reply keys."""
    wanted = expect.get("any_keys")
    keys = [r.key for r in result.replies]
    if wanted and not any(k in keys for k in wanted):
        return [f"none of {wanted} among {keys}"]
    return []


def thread(code: str) -> dict[str, Any]:
    return menu_state(code)


MANAGE = {"effect": ["meet_manage"], "not_keys": MISS}
WHEN = {"keys": ["meet_when"], "no_effect": ["relay"], "not_keys": MISS}
PROPOSED = {"effect": ["meet_propose"], "keys": ["meet_proposal_sent"], "not_keys": MISS}

# Batch 1: written before studying the code that reads these answers; scored on main (e332269).
BATCH_1 = [
    # Turkish
    D(
        "tr: tea on Thursday at 2 at mine, said in the thread, made a meeting with 'evet'",
        (
            ("Henk bey perşembe saat 2de bende çay içelim mi? 😊", said("tr")),
            ("evet", lang("tr", **MANAGE)),
        ),
        state=thread("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "tr: the reminder answered 'tamam yarın geliyorum' is for Henk",
        ((REMINDER, {}), ("tamam yarın geliyorum inşallah 👍", passed_on("tr"))),
        state=thread("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "tr: the reminder answered 'hastayım yarın gelemem': move or cancel",
        ((REMINDER, {}), ("kusura bakma hastayım, yarın gelemem", cannot("tr"))),
        state=thread("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "tr: 'Is het gelukt?' yes and every week",
        ((CHECK, {}), ("evet çok güzeldi, her hafta görüşelim mi?", outcome("tr", "yes", "meet_weekly"))),
        state=thread("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "tr: volunteer accepts the proposal 'olur, uygun'",
        ((PROPOSAL, {}), ("olur uygun bana", answer("tr", "yes"))),
        state=thread("tr"),
        profile=VOLUNTEER,
    ),
    D(
        "tr: volunteer counters with 4 o'clock",
        ((PROPOSAL, {}), ("saat 4te olabilir mi?", counter("tr"))),
        state=thread("tr"),
        profile=VOLUNTEER,
    ),
    D(
        "tr: AFSPRAAK, 'benim evde', then Wednesday morning at 10",
        (
            (PLAN, {}),
            ("benim evde", lang("tr", **WHEN)),
            ("çarşamba sabah saat 10da", lang("tr", **PROPOSED)),
        ),
        state=thread("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "tr: the agreed meeting moved to Friday at 11",
        ((AGREED, {}), ("cuma günü saat 11e alabilir miyiz?", moved("tr"))),
        state=thread("tr"),
        profile=WITH_THREAD,
    ),
    # Arabic
    D(
        "ar: Thursday at 3 at my home, said in the thread",
        (("ممكن نلتقي يوم الخميس الساعة 3 في بيتي؟", said("ar")),),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "ar: the reminder answered 'I'll be ten minutes late' is for Henk",
        ((REMINDER, {}), ("سأتأخر عشر دقائق تقريبا", passed_on("ar"))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "ar: volunteer cannot come today, her son is ill",
        ((VOLUNTEER_REMINDER, {}), ("آسفة، لا أستطيع أن آتي اليوم، ابني مريض", cannot("ar"))),
        state=thread("ar"),
        profile=VOLUNTEER,
    ),
    D(
        "ar: 'Is het gelukt?' no, he did not come",
        ((CHECK, {}), ("لا، ما جاء", lang("ar", keys=["meet_not_happened"], **outcome("ar", "no")))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "ar: 'Is het gelukt?' yes, it was very nice",
        ((CHECK, {}), ("نعم كان لطيف جدا، شكرا لكم", outcome("ar", "yes"))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "ar: the proposal answered 'can it be a bit earlier?'",
        ((PROPOSAL, {}), ("هل ممكن أبكر شوي؟", answer("ar", "other"))),
        state=thread("ar"),
        profile=VOLUNTEER,
    ),
    D(
        "ar: the activity after a weekly meeting: 'yes, I would like to join'",
        (*ACTIVITY, ("نعم أحب أن أشارك", joined("ar"))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    # Darija in Latin letters
    D(
        "darija: Thursday at 3 at my house, said in the thread",
        (("wach nt3awdo nt9ablo nhar l5mis m3a 3 f dari?", said("ar")),),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "darija: the reminder answered 'wakha ghadi nji'",
        ((REMINDER, {}), ("wakha ghadi nji ghda inchallah", passed_on("ar"))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "darija: the reminder answered 'ana mrid, ma n9derch nji'",
        ((REMINDER, {}), ("smhli ana mrid ma n9derch nji ghda", cannot("ar"))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "darija: 'Is het gelukt?' yes, every week",
        ((CHECK, {}), ("ah kan mzyan bzaf, nt9ablo kol simana?", outcome("ar", "yes", "meet_weekly"))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "darija: volunteer accepts the proposal 'wakha mzyan'",
        ((PROPOSAL, {}), ("wakha mzyan 👍", answer("ar", "yes"))),
        state=thread("ar"),
        profile=VOLUNTEER,
    ),
    D(
        "darija: 'Is het gelukt?' no, he did not come",
        ((CHECK, {}), ("la ma jach", lang("ar", keys=["meet_not_happened"], **outcome("ar", "no")))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    # Polish
    D(
        "pl: Thursday at 14 at my home, said without Polish letters",
        (("moze w czwartek o 14 u mnie w domu? 🙂", said("pl")),),
        state=thread("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl: volunteer accepts the proposal 'tak, pasuje mi'",
        ((PROPOSAL, {}), ("tak, to mi pasuje", answer("pl", "yes"))),
        state=thread("pl"),
        profile=VOLUNTEER,
    ),
    D(
        "pl: the proposal answered 'a może trochę później?'",
        ((PROPOSAL, {}), ("a może trochę później?", answer("pl", "other"))),
        state=thread("pl"),
        profile=VOLUNTEER,
    ),
    D(
        "pl: the reminder answered 'spóźnię się 10 minut' is for Henk",
        ((REMINDER, {}), ("spoznie sie jakies 10 minut", passed_on("pl"))),
        state=thread("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl: a volunteer who cannot help anymore, moving house",
        ((VAGREED, {}), ("niestety nie moge juz pomagac, przeprowadzam sie", cannot("pl"))),
        state=thread("pl"),
        profile=VOLUNTEER,
    ),
    D(
        "pl: 'Is het gelukt?' yes, every week",
        ((CHECK, {}), ("tak, było super! może co tydzień?", outcome("pl", "yes", "meet_weekly"))),
        state=thread("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl: the agreed meeting moved to Friday at 10",
        ((AGREED, {}), ("czy możemy przełożyć na piątek na 10?", moved("pl"))),
        state=thread("pl"),
        profile=WITH_THREAD,
    ),
    # Ukrainian
    D(
        "uk: Wednesday at 15:00 in the buurthuis, said in the thread",
        (("давайте в середу о 15:00 в buurthuis?", said("uk")),),
        state=thread("uk"),
        profile=WITH_THREAD,
    ),
    D(
        "uk: the reminder answered 'так, я прийду' is for Henk",
        ((REMINDER, {}), ("так, я прийду 👍", passed_on("uk"))),
        state=thread("uk"),
        profile=WITH_THREAD,
    ),
    D(
        "uk: the reminder answered 'I fell ill, cannot tomorrow'",
        ((REMINDER, {}), ("вибачте, я захворіла, не зможу завтра", cannot("uk"))),
        state=thread("uk"),
        profile=WITH_THREAD,
    ),
    D(
        "uk: 'Is het gelukt?' no, he did not come",
        ((CHECK, {}), ("ні, він не прийшов", lang("uk", keys=["meet_not_happened"], **outcome("uk", "no")))),
        state=thread("uk"),
        profile=WITH_THREAD,
    ),
    D(
        "uk: AFSPRAAK, 'у мене вдома', then Thursday at 10",
        ((PLAN, {}), ("у мене вдома", lang("uk", **WHEN)), ("у четвер о 10", lang("uk", **PROPOSED))),
        state=thread("uk"),
        profile=WITH_THREAD,
    ),
    D(
        "uk: the activity after a weekly meeting: 'так, із задоволенням'",
        (*ACTIVITY, ("так, залюбки прийду", joined("uk"))),
        state=thread("uk"),
        profile=WITH_THREAD,
    ),
    # English
    D(
        "en: Thursday at 2pm at my place, said in the thread",
        (("shall we meet thursday at 2pm at my place?", said("en")),),
        state=thread("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en: the proposal answered 'could we make it a bit later?'",
        ((PROPOSAL, {}), ("could we make it a bit later?", answer("en", "other"))),
        state=thread("en"),
        profile=VOLUNTEER,
    ),
    D(
        "en: the reminder answered 'running 10 mins late'",
        ((REMINDER, {}), ("might be running 10 mins late tmrw", passed_on("en"))),
        state=thread("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en: a volunteer who cannot volunteer anymore, a new job",
        ((VAGREED, {}), ("really sorry but I can't volunteer anymore, new job", cannot("en"))),
        state=thread("en"),
        profile=VOLUNTEER,
    ),
    D(
        "en: 'Is het gelukt?' yes, same time next week",
        ((CHECK, {}), ("yes it went great, same time next week?", outcome("en", "yes", "meet_weekly"))),
        state=thread("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en: the agreed meeting moved to Friday at 11",
        ((AGREED, {}), ("can we move it to friday at 11?", moved("en"))),
        state=thread("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en: cancelling tomorrow",
        ((AGREED, {}), ("i have to cancel tomorrow, so sorry Henk", cannot("en"))),
        state=thread("en"),
        profile=WITH_THREAD,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, any_key)


# Batch 2, held out: written after batch 1's fixes, other wordings, scored before its own fixes.
RESCHEDULE_PLAN = {"internal": "meet_plan", "meta": {**PLAN["meta"], "meeting_id": 7}}
BATCH_2 = [
    # Turkish
    D(
        "tr: volunteer 10 minutes late for traffic, told at the reminder",
        ((VOLUNTEER_REMINDER, {}), ("merhaba Ans hanım, 10 dk geç kalacağım trafik var 🚗", passed_on("tr"))),
        state=thread("tr"),
        profile=VOLUNTEER,
    ),
    D(
        "tr: 'Is het gelukt?' no, she did not come nor tell",
        (
            (CHECK, {}),
            (
                "hayır gelmedi, haber de vermedi",
                lang("tr", keys=["meet_not_happened"], **outcome("tr", "no")),
            ),
        ),
        state=thread("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "tr: the proposal answered 'not that day, another day?'",
        ((PROPOSAL, {}), ("hayır o gün olmaz, başka bir gün?", answer("tr", "other"))),
        state=thread("tr"),
        profile=VOLUNTEER,
    ),
    D(
        "tr: 'shall I come to you tomorrow at 3?' said in the thread",
        (("yarın öğleden sonra saat 3te size geleyim mi?", said("tr")),),
        state=thread("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "tr: the activity after a weekly meeting: 'no thanks, not for now'",
        (
            *ACTIVITY,
            (
                "yok, teşekkürler, şimdilik istemiyorum",
                lang("tr", keys=["meet_activity_no"], no_effect=["agenda_signup", "relay"]),
            ),
        ),
        state=thread("tr"),
        profile=WITH_THREAD,
    ),
    # Arabic
    D(
        "ar: the reminder answered 'God willing I will be there on time'",
        ((REMINDER, {}), ("إن شاء الله سأكون هناك في الموعد", passed_on("ar"))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "ar: the reminder answered 'a doctor's appointment tomorrow, we must cancel'",
        ((REMINDER, {}), ("للأسف عندي موعد عند الطبيب غدا، لازم نلغي", cannot("ar"))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "ar: 'Is het gelukt?' all fine, again next week",
        ((CHECK, {}), ("الحمد لله كل شيء تمام، نعيدها الأسبوع الجاي؟", outcome("ar", "yes", "meet_weekly"))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "ar: AFSPRAAK, 'in the centre', then Wednesday at 11 in the morning",
        ((PLAN, {}), ("في المركز", lang("ar", **WHEN)), ("الأربعاء الساعة 11 صباحا", lang("ar", **PROPOSED))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "ar: a volunteer who can no longer volunteer, moving to another town",
        ((VAGREED, {}), ("أنا آسف، لم أعد أستطيع التطوع، سأنتقل إلى مدينة أخرى", cannot("ar"))),
        state=thread("ar"),
        profile=VOLUNTEER,
    ),
    # Darija
    D(
        "darija: the proposal answered 'not that day, another day?'",
        ((PROPOSAL, {}), ("la ma ymknch dak nhar, chi nhar akhor?", answer("ar", "other"))),
        state=thread("ar"),
        profile=VOLUNTEER,
    ),
    D(
        "darija: the reminder answered 'I'll be some 10 minutes late'",
        ((REMINDER, {}), ("ghadi nt3ettel chi 10 dqayq", passed_on("ar"))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "darija: 'Is het gelukt?' it went well, thanks for everything",
        ((CHECK, {}), ("hamdullah daz mzyan, choukran 3la kolchi", outcome("ar", "yes"))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "darija: the agreed meeting cancelled in words",
        ((AGREED, {}), ("smh lia khassni nlghi lmaw3id dyal ghda", cannot("ar"))),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "darija: 'shall I come to you Saturday at 10 in the morning?' said in the thread",
        (("wach nmchi 3ndek nhar ssebt f 10 dlsba7?", said("ar")),),
        state=thread("ar"),
        profile=WITH_THREAD,
    ),
    # Polish
    D(
        "pl: the reminder answered 'sure, I'll be on time'",
        ((REMINDER, {}), ("jasne, będę punktualnie 😊", passed_on("pl"))),
        state=thread("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl: the reminder answered 'I'm ill, I won't come tomorrow'",
        ((REMINDER, {}), ("przepraszam, jestem chora i jutro nie przyjdę", cannot("pl"))),
        state=thread("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl: 'Is het gelukt?' no, nobody came",
        (
            (CHECK, {}),
            ("nie, nikt nie przyszedł", lang("pl", keys=["meet_not_happened"], **outcome("pl", "no"))),
        ),
        state=thread("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl: 'Is het gelukt?' very nice, gladly again next week",
        (
            (CHECK, {}),
            (
                "było bardzo miło, chętnie spotkam się znowu w przyszłym tygodniu",
                outcome("pl", "yes", "meet_weekly"),
            ),
        ),
        state=thread("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl: AFSPRAAK, 'w świetlicy', then Saturday at 11",
        ((PLAN, {}), ("w świetlicy", lang("pl", **WHEN)), ("w sobotę o 11", lang("pl", **PROPOSED))),
        state=thread("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl: the agreed meeting moved to Wednesday",
        ((AGREED, {}), ("czy da się zmienić termin na środę?", moved("pl"))),
        state=thread("pl"),
        profile=WITH_THREAD,
    ),
    # Ukrainian
    D(
        "uk: volunteer accepts the proposal 'так, мені підходить'",
        ((PROPOSAL, {}), ("так, мені підходить", answer("uk", "yes"))),
        state=thread("uk"),
        profile=VOLUNTEER,
    ),
    D(
        "uk: volunteer counters 'о 16:00 буде краще'",
        ((PROPOSAL, {}), ("о 16:00 буде краще", counter("uk"))),
        state=thread("uk"),
        profile=VOLUNTEER,
    ),
    D(
        "uk: volunteer ill today, told at the reminder",
        ((VOLUNTEER_REMINDER, {}), ("на жаль, сьогодні не вийде, захворів", cannot("uk"))),
        state=thread("uk"),
        profile=VOLUNTEER,
    ),
    D(
        "uk: 'Is het gelukt?' yes, let's make it weekly",
        ((CHECK, {}), ("так, все пройшло добре, давайте щотижня", outcome("uk", "yes", "meet_weekly"))),
        state=thread("uk"),
        profile=WITH_THREAD,
    ),
    D(
        "uk: 'can I come to you on Friday at 14?' said in the thread",
        (("можу прийти до вас у п'ятницу о 14?", said("uk")),),
        state=thread("uk"),
        profile=WITH_THREAD,
    ),
    D(
        "uk: the agreed meeting moved to Saturday",
        ((AGREED, {}), ("можна перенести зустріч на суботу?", moved("uk"))),
        state=thread("uk"),
        profile=WITH_THREAD,
    ),
    # English
    D(
        "en: the reminder answered 'yep see you tomorrow'",
        ((REMINDER, {}), ("yep see you tomorrow 👋", passed_on("en"))),
        state=thread("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en: the reminder answered 'feeling poorly, won't be able to make tomorrow'",
        ((REMINDER, {}), ("feeling poorly, won't be able to make tomorrow sorry", cannot("en"))),
        state=thread("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en: 'Is het gelukt?' no, she never turned up",
        (
            (CHECK, {}),
            (
                "nope, she never turned up at all",
                lang("en", keys=["meet_not_happened"], **outcome("en", "no")),
            ),
        ),
        state=thread("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en: AFSPRAAK, 'the community centre please', then 'wednesday 11am'",
        (
            (PLAN, {}),
            ("the community centre please", lang("en", **WHEN)),
            ("wednesday 11am", lang("en", **PROPOSED)),
        ),
        state=thread("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en: the proposal answered 'a bit early for me, any chance of later?'",
        ((PROPOSAL, {}), ("that's a bit early for me, any chance of later?", answer("en", "other"))),
        state=thread("en"),
        profile=VOLUNTEER,
    ),
    D(
        "en: a Dutch-speaking state, ill in English at the reminder: answered in English",
        ((REMINDER, {}), ("so sorry Henk, I'm ill and can't come tomorrow", cannot("en"))),
        profile=WITH_THREAD,
    ),
    D(
        "en: moved in words to Thursday at 3, 'Andere tijd', the plan proposes that time at her place",
        (
            (AGREED, {}),
            ("could we do thursday at 3 instead?", moved("en")),
            ({"choice": "meetm:7:change"}, lang("en", effect=["meet_reschedule"])),
            (RESCHEDULE_PLAN, lang("en", keys=["meet_where"])),
            (
                "my place",
                lang(
                    "en",
                    keys=["meet_proposal_sent"],
                    effect_has={"meet_propose": {"starts_at": "2026-11-26T15:00:00+01:00"}},
                ),
            ),
        ),
        state=thread("en"),
        profile=WITH_THREAD,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, any_key)


# Guards, written with batch 2's fixes: what the new readings must leave alone.
GUARDS = [
    D(
        "guard nl: 'ik kom om 2 uur hoor' with the meeting ahead is for Henk, no move",
        ((AGREED, {}), ("ik kom om 2 uur hoor, tot dan", passed_on("nl"))),
        profile=WITH_THREAD,
    ),
    D(
        "guard nl: moving the agreed meeting in Dutch is offered too",
        ((AGREED, {}), ("zullen we het verzetten naar donderdag om 2 uur?", moved("nl"))),
        profile=WITH_THREAD,
    ),
    D(
        "guard en: a requester who needs no help anymore is no volunteer who stops",
        (
            (AGREED, {}),
            ("my son is here now so I don't need help anymore", lang("en", not_keys=["meet_cannot_come"])),
        ),
        state=thread("en"),
        profile=WITH_THREAD,
    ),
    D(
        "guard tr: 'tekrar teşekkürler' after a yes is thanks, not a wish to meet weekly",
        (
            (CHECK, {}),
            (
                "evet oldu, tekrar teşekkürler",
                {**outcome("tr", "yes"), "no_effect": ["relay", "meet_weekly"]},
            ),
        ),
        state=thread("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "guard nl: 'ik ben morgen om 10 uur thuis' in a thread is no meeting offered",
        (
            (
                "ik ben morgen om 10 uur thuis, bel maar aan",
                lang("nl", effect=["relay"], not_keys=["meet_said_offer"]),
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "guard nl: 'om 4 uur is beter' at Past dat? proposes 4 o'clock on the same day",
        (
            (PROPOSAL, {}),
            (
                "om 4 uur is beter voor mij",
                lang("nl", effect_has={"meet_propose": {"starts_at": "2026-11-25T16:00:00+01:00"}}),
            ),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "guard nl: 'ja, dat is beter' at Past dat? is a yes",
        ((PROPOSAL, {}), ("ja hoor, dat is beter", answer("nl", "yes"))),
        profile=VOLUNTEER,
    ),
    D(
        "guard pl: 'nie było miło' at Is het gelukt? is no yes",
        (
            (CHECK, {}),
            ("nie, nie było miło", lang("pl", not_keys=["meet_thanks"], no_effect=["meet_weekly"])),
        ),
        state=thread("pl"),
        profile=WITH_THREAD,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue, any_key)


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    assert repeated_messages(__file__, [*BATCH_1, *BATCH_2, *GUARDS]) == []


def figures(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    return score(dialogues, any_key)
