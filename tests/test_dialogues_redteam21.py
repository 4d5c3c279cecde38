# ruff: noqa: RUF001, RUF002
"""Red team of whole conversations, round 21: matched people agreeing and keeping real meetings in Turkish,
Arabic (also Darija in Latin letters with digits), Polish, Ukrainian and English.

Replayed at the golden clock (Monday 23 November 2026, 10:00 UTC); the fixtures are round 5's (a thread
with Henk, AFSPRAAK's questions, "Past dat?", the reminder, "Is het gelukt?") and round 14's (an activity
after a weekly meeting). Every turn must stay in the person's language (`state.lang`).

FIGURES
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.dialogue_redteam_support import Dialogue, as_params, assert_holds, menu_state, score
from tests.redteam_support import every_earlier_string
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
        ((PLAN, {}), ("benim evde", lang("tr", **WHEN)), ("çarşamba sabah saat 10da", lang("tr", **PROPOSED))),
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
        ((CHECK, {}), ("hayır gelmedi, haber de vermedi", lang("tr", keys=["meet_not_happened"], **outcome("tr", "no")))),
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
        (*ACTIVITY, ("yok, teşekkürler, şimdilik istemiyorum", lang("tr", keys=["meet_activity_no"], no_effect=["agenda_signup", "relay"]))),
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
        ((CHECK, {}), ("nie, nikt nie przyszedł", lang("pl", keys=["meet_not_happened"], **outcome("pl", "no")))),
        state=thread("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl: 'Is het gelukt?' very nice, gladly again next week",
        ((CHECK, {}), ("było bardzo miło, chętnie spotkam się znowu w przyszłym tygodniu", outcome("pl", "yes", "meet_weekly"))),
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
        ((CHECK, {}), ("no, she never turned up", lang("en", keys=["meet_not_happened"], **outcome("en", "no")))),
        state=thread("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en: AFSPRAAK, 'the community centre please', then 'wednesday 11am'",
        ((PLAN, {}), ("the community centre please", lang("en", **WHEN)), ("wednesday 11am", lang("en", **PROPOSED))),
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


def _earlier_dialogue_strings() -> set[str]:
    here = Path(__file__)
    seen: set[str] = set()
    for path in here.parent.glob("test_dialogues_redteam*.py"):
        if path.name != here.name:
            seen |= {
                t.casefold() for t in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"))
            }
    return seen


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    earlier = every_earlier_string(__file__) | _earlier_dialogue_strings()
    sent = {text for d in (*BATCH_1, *BATCH_2) for text, _ in d.turns if isinstance(text, str) and len(text.split()) > 2}
    assert sorted(t for t in sent if t.casefold() in earlier) == []


def figures(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    return score(dialogues, any_key)
