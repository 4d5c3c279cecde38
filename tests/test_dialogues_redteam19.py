# ruff: noqa: RUF001
"""Red team of whole conversations, round 19: volunteers and follow-ups in their own words.

"Is het gelukt?" answered with nuance (late, half, did not come, praise, a complaint about behaviour, a
no with a new day), a volunteer's days or kinds changed in words at the menu, and invitations answered
with conditions and questions, in six languages and with typos. Replayed at the golden clock (Monday 23
November 2026, 10:00 UTC). "Main" is the branch point (5cbd714).

Figures (turns as expected / turns; dialogues fully as expected):
- Batch 1 (BATCH_1, 43 dialogues, written before reading the code): main 43/75, 14/43 as first
  written. Two expectations were then changed by decision: a wish to meet "nog een keer" asks the
  other for every week (`meet_weekly_asked`, round 5's choice) rather than "Volgende week weer?", and
  "alleen in het weekend" is read back as "in het weekend" (not "zaterdag"); main on the expectations
  as they stand 44/75, 15/43. After its fixes 75/75, 43/43.
- Batch 2 (BATCH_2, 37 dialogues, held out: written after batch 1's fixes): main 41/63, 16/37; before
  its own fixes (the honest figure) 54/63, 28/37; after 63/63, 37/37. Its misses were: a yes with a
  reservation ("jazeker, alleen zat ze vooral op haar telefoon", "het ging goed maar hij heeft mijn
  sleutel meegenomen"), "kwam wel wat later", "hij stond er niet, ik heb een half uur gewacht" (read
  as a yes through "half"), "same time next week?", "niemiły", "bot tegen mij", a daypart alone
  ("kan alleen nog s avonds"), and "I can't do Mondays anymore" (the time reader's negation hid the day).
- Guards (GUARDS, 8 dialogues, after batch 2's fixes): main 10/12, 6/8; after 12/12, 8/8.

What changed (mechanisms):
- flows/meetings.py `check_in_words`, before the usual answer at "Is het gelukt?": how the other
  behaved (conversation.toml [round19_meet_complaint]) goes to the team (`alert_staff` kind
  `meet_complaint`, rank 1; `meet_complaint_heard`), with the yes or no when one is said; a remark
  ([round19_meet_remark], or a yes with a reservation after "maar"/"alleen"/"but" that is no praise
  and no wish to meet again) is heard and passed on beside the yes (`meet_remark`, rank 3); "kwam
  niet opdagen" and "niet gelukt" are a no, praise or "het is gelukt maar ..." (the first clause) a
  yes; a no with a coming day asks for the new time at once (`meet_reschedule`, the day read back in
  `meet_new_day_heard`). `wants_again` also hears "nog een keertje", "same time next week".
- flows/offer_change.py, at the plain menu for someone who offers (before the menu's own reading): days
  (the time reader, a daypart alone too) and kinds said with "niet meer", "alleen", "ook"/"wel" or
  "voortaan" (life.toml [round19_offer_*], six languages) change a draft of the offer, read back in
  its summary (`offer_change_heard`) and saved only on the yes; "meer tijd" asks how often. A request
  ([asks_help]) or distress goes first; a one-off day ("morgen") and days without such a word change
  nothing. flows/offer.py `_describe_times` names a few days ("woensdag", "maandagochtend") when the
  slots are not the coarse answers ("doordeweeks overdag" was shown for Monday and Wednesday alone).
- conversation.py `_condition`: an invitation's yes with a condition that is no time ("ja als ik mijn
  kleinzoon mee mag nemen") keeps the words as the note for the resident, as a time condition did.

Known misses / left: a yes with a reservation is a remark for the team even when it is only a detail
("jazeker, wel even zoeken naar het huis"); a new day said with a no is read back, but the new plan
still asks when (the meeting's plan takes no hint for an existing meeting); "vanaf januari" is not
kept: the change or the question happens now.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import INVITE, RIA, Dialogue, as_params, assert_holds, menu_state
from tests.test_dialogues_redteam5 import MEETING, OFFER, VOLUNTEER_MEETING

D = Dialogue
MISS = ["not_understood", "*_again"]
VOL = {"first_name": "Henk", "neighbourhood": "molenwijk", "consented": True, "offer": OFFER}
CHECK = {"internal": "meet_check", "meta": {"meeting": {**MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}}}
VCHECK = {
    "internal": "meet_check",
    "meta": {"meeting": {**VOLUNTEER_MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}},
}
ASKED = {"keys": ["meet_check"]}
INVITED = {"keys": ["invite"]}
RIA_T = {**RIA, "threads": [{"id": 3, "other_name": "Henk", "category": "boodschappen", "status": "open"}]}
VOL_T = {**VOL, "threads": [{"id": 3, "other_name": "Ans", "category": "boodschappen", "status": "open"}]}


def outcome(answer: str, **more: Any) -> dict[str, Any]:
    return {"effect_has": {"meet_outcome": {"outcome": answer}}, "not_keys": MISS, **more}


def complaint(**more: Any) -> dict[str, Any]:
    return {"effect_has": {"alert_staff": {"kind": "meet_complaint"}}, "not_keys": MISS, **more}


def remark(answer: str, **more: Any) -> dict[str, Any]:
    """A yes (or no) with a remark for the team (late, short): heard and passed to staff."""
    return {
        "effect_has": {"meet_outcome": {"outcome": answer}, "alert_staff": {"kind": "meet_remark"}},
        "not_keys": MISS,
        **more,
    }


def summary(says: list[str], not_says: list[str] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    """The changed offer read back to confirm, nothing saved yet."""
    return {
        "keys": ["offer_summary"],
        "says": says,
        "not_says": list(not_says),
        "not_keys": MISS,
        "no_effect": ["save_offer"],
    }


SAVED = {"effect": ["save_offer"], "keys": ["offer_updated"]}


def yes_with(note: str, **more: Any) -> dict[str, Any]:
    """An invitation's yes that keeps the volunteer's words for the resident."""
    return {
        "effect_has": {"answer_invitation": {"answer": "yes"}},
        "note_has": note,
        "not_keys": MISS,
        **more,
    }


def question(**more: Any) -> dict[str, Any]:
    """A question at an invitation: answered, nothing decided, the invitation still open."""
    return {"no_effect": ["answer_invitation"], "not_keys": MISS, "state": {"flow": "menu"}, **more}


def in_lang(lang: str) -> dict[str, Any]:
    return menu_state(lang)


BATCH_1 = [
    # "Is het gelukt?" with nuance.
    D(
        "check: 'jawel maar hij was een uur te laat' is a yes and the lateness reaches the team",
        ((CHECK, ASKED), ("jawel maar hij was een uur te laat", remark("yes", keys=["meet_thanks"]))),
        profile=RIA_T,
    ),
    D(
        "check: 'half, we moeten nog een keer' asks to meet again (weekly asked of the other)",
        ((CHECK, ASKED), ("half, we moeten nog een keer", outcome("yes", keys=["meet_weekly_asked"]))),
        profile=RIA_T,
    ),
    D(
        "check: 'hij kwam niet opdagen' is a no",
        ((CHECK, ASKED), ("hij kwam niet opdagen", outcome("no", keys=["meet_not_happened"]))),
        profile=RIA_T,
    ),
    D(
        "check: 'ze was heel aardig, volgende week weer?' (volunteer) asks weekly",
        (
            (VCHECK, ASKED),
            ("ze was heel aardig, volgende week weer?", outcome("yes", effect=["meet_weekly"])),
        ),
        profile=VOL_T,
    ),
    D(
        "check: 'nee ze was ziek, we doen het maandag' is a no with a new time (monday)",
        (
            (VCHECK, ASKED),
            (
                "nee ze was ziek, we doen het maandag",
                outcome("no", not_says=["Iemand anders"], says=["maandag"]),
            ),
        ),
        profile=VOL_T,
    ),
    D(
        "check: praise 'Henk is een schat, alles netjes gedaan!' is a yes",
        ((CHECK, ASKED), ("Henk is een schat, alles netjes gedaan!", outcome("yes", keys=["meet_thanks"]))),
        profile=RIA_T,
    ),
    D(
        "check: 'nee, hij was onbeschoft en schreeuwde tegen me' goes to the team as a complaint",
        ((CHECK, ASKED), ("nee, hij was onbeschoft en schreeuwde tegen me", complaint())),
        profile=RIA_T,
    ),
    D(
        "check: 'het is gelukt maar hij rook naar drank' is a yes and a complaint",
        ((CHECK, ASKED), ("het is gelukt maar hij rook naar drank", complaint(effect=["meet_outcome"]))),
        profile=RIA_T,
    ),
    D(
        "check: 'ja hoor. wel kwam ze 45 min later dan gezegd' is a yes with a remark",
        ((CHECK, ASKED), ("ja hoor. wel kwam ze 45 min later dan gezegd", remark("yes"))),
        profile=RIA_T,
    ),
    D(
        "check (en): 'yes but he turned up an hour late'",
        ((CHECK, ASKED), ("yes but he turned up an hour late", remark("yes"))),
        profile=RIA_T,
        state=in_lang("en"),
    ),
    D(
        "check (tr): 'evet ama bir saat geç geldi'",
        ((CHECK, ASKED), ("evet ama bir saat geç geldi", remark("yes"))),
        profile=RIA_T,
        state=in_lang("tr"),
    ),
    D(
        "check (pl): 'nie przyszedł wcale' is a no",
        ((CHECK, ASKED), ("nie przyszedł wcale", outcome("no", keys=["meet_not_happened"]))),
        profile=RIA_T,
        state=in_lang("pl"),
    ),
    D(
        "check (uk): 'він був грубий зі мною' is a complaint",
        ((CHECK, ASKED), ("він був грубий зі мною", complaint())),
        profile=RIA_T,
        state=in_lang("uk"),
    ),
    D(
        "check (ar): 'لم يحضر' is a no",
        ((CHECK, ASKED), ("لم يحضر", outcome("no", keys=["meet_not_happened"]))),
        profile=RIA_T,
        state=in_lang("ar"),
    ),
    D(
        "check: 'was wel gezellig maar we zijn niet klaar, nog een keertje?'",
        (
            (CHECK, ASKED),
            (
                "was wel gezellig maar we zijn niet klaar, nog een keertje?",
                outcome("yes", keys=["meet_weekly_asked"]),
            ),
        ),
        profile=RIA_T,
    ),
    # Availability changed in words.
    D(
        "offer: 'ik kan voortaan alleen nog op woensdag' read back, then confirmed",
        (
            ("ik kan voortaan alleen nog op woensdag", summary(["woensdag"], ["maandag"])),
            ("ja klopt", SAVED),
        ),
        profile=VOL,
    ),
    D(
        "offer: 'vanaf januari heb ik meer tijd' asks how often",
        (("vanaf januari heb ik meer tijd", {"keys": ["offer_limit*"], "not_keys": MISS}),),
        profile=VOL,
    ),
    D(
        "offer: 'niet meer op maandag' keeps wednesday",
        (("ik kan niet meer op maandag", summary(["woensdag"], ["maandag"])), ("ja prima zo", SAVED)),
        profile=VOL,
    ),
    D(
        "offer: 'even geen klussen meer, wel boodschappen'",
        (
            ("even geen klussen meer, wel boodschappen", summary(["boodschappen"], ["klusjes"])),
            ("klopt", {**SAVED, "effect_has": {"save_offer": {"categories": ["boodschappen"]}}}),
        ),
        profile=VOL,
    ),
    D(
        "offer: 'ik ben verhuisd naar Bloemhof' is heard, the neighbourhood changes",
        (("ik ben verhuisd naar Bloemhof", {"not_keys": MISS, "says": ["Bloemhof"]}),),
        profile=VOL,
    ),
    D(
        "offer: 'ik kan nu ook op vrijdagmiddag' adds friday",
        (("ik kan nu ook op vrijdagmiddag", summary(["vrijdag", "maandag"])),),
        profile=VOL,
    ),
    D(
        "offer: 'geen klusjes meer voor mij, mijn rug wil niet meer'",
        (("geen klusjes meer voor mij, mijn rug wil niet meer", summary(["boodschappen"], ["klusjes"])),),
        profile=VOL,
    ),
    D(
        "offer: 'ik heb voortaan alleen in het weekend tijd'",
        (("ik heb voortaan alleen in het weekend tijd", summary(["weekend"], ["maandag"])),),
        profile=VOL,
    ),
    D(
        "offer (en): 'from now on I can only do wednesdays'",
        (("from now on I can only do wednesdays", summary(["wednesday"], ["monday"])),),
        profile=VOL,
        state=in_lang("en"),
    ),
    D(
        "offer (tr): 'artık sadece çarşamba günleri müsaitim'",
        (("artık sadece çarşamba günleri müsaitim", summary(["çarşamba"], ["pazartesi"])),),
        profile=VOL,
        state=in_lang("tr"),
    ),
    D(
        "offer (pl): 'od teraz mogę tylko w środy'",
        (("od teraz mogę tylko w środy", summary(["środa"], ["poniedziałek"])),),
        profile=VOL,
        state=in_lang("pl"),
    ),
    D(
        "offer (uk): 'тепер я можу тільки по середах'",
        (("тепер я можу тільки по середах", summary(["серед"], ["понеділ"])),),
        profile=VOL,
        state=in_lang("uk"),
    ),
    D(
        "offer (ar): 'من الآن أستطيع فقط يوم الأربعاء'",
        (("من الآن أستطيع فقط يوم الأربعاء", summary(["الأربعاء"], ["الاثنين"])),),
        profile=VOL,
        state=in_lang("ar"),
    ),
    D(
        "offer, typo: 'kan vanaf nu allen nog woensdags'",
        (("kan vanaf nu allen nog woensdags", summary(["woensdag"], ["maandag"])),),
        profile=VOL,
    ),
    # Invitation replies with conditions and questions.
    D(
        "invite: 'ja maar pas na tweeën hoor'",
        ((INVITE, INVITED), ("ja maar pas na tweeën hoor", yes_with("na tweeën"))),
        profile=VOL,
    ),
    D(
        "invite: 'hoe ver is het?' is a question, the invitation stays open",
        ((INVITE, INVITED), ("hoe ver is het?", question())),
        profile=VOL,
    ),
    D(
        "invite: 'kan ook zaterdag?' is a yes on another day",
        ((INVITE, INVITED), ("kan ook zaterdag?", yes_with("zaterdag"))),
        profile=VOL,
    ),
    D(
        "invite: 'ja als ik mijn kleinzoon mee mag nemen' keeps the condition for Ans",
        ((INVITE, INVITED), ("ja als ik mijn kleinzoon mee mag nemen", yes_with("kleinzoon"))),
        profile=VOL,
    ),
    D(
        "invite: 'misschien, ik weet het vrijdag' is neither yes nor no",
        (
            (INVITE, INVITED),
            ("misschien, ik weet het vrijdag", {"not_keys": MISS, "answer_not": ["yes", "no"]}),
        ),
        profile=VOL,
    ),
    D(
        "invite (en): 'yes but only after 3pm'",
        ((INVITE, INVITED), ("yes but only after 3pm", yes_with("3pm"))),
        profile=VOL,
        state=in_lang("en"),
    ),
    D(
        "invite (en): 'how far away is she from me?'",
        ((INVITE, INVITED), ("how far away is she from me?", question())),
        profile=VOL,
        state=in_lang("en"),
    ),
    D(
        "invite (tr): 'evet ama saat 2den sonra'",
        ((INVITE, INVITED), ("evet ama saat 2den sonra", yes_with("2den sonra"))),
        profile=VOL,
        state=in_lang("tr"),
    ),
    D(
        "invite (pl): 'tak, ale dopiero po 14'",
        ((INVITE, INVITED), ("tak, ale dopiero po 14", yes_with("po 14"))),
        profile=VOL,
        state=in_lang("pl"),
    ),
    D(
        "invite (uk): 'так, але тільки після обіду'",
        ((INVITE, INVITED), ("так, але тільки після обіду", yes_with("після обіду"))),
        profile=VOL,
        state=in_lang("uk"),
    ),
    D(
        "invite (ar): 'نعم لكن بعد الساعة الثانية'",
        ((INVITE, INVITED), ("نعم لكن بعد الساعة الثانية", yes_with("بعد الساعة"))),
        profile=VOL,
        state=in_lang("ar"),
    ),
    D(
        "invite, typos: 'jaa hoor als mn kleinzoon mee mag'",
        ((INVITE, INVITED), ("jaa hoor als mn kleinzoon mee mag", yes_with("kleinzoon"))),
        profile=VOL,
    ),
    D(
        "invite, typos: 'zou zaterdg ook kunnen?'",
        ((INVITE, INVITED), ("zou zaterdg ook kunnen?", yes_with("zaterdg"))),
        profile=VOL,
    ),
    D(
        "invite: 'misschien.. weet ik morgen pas' is neither yes nor no",
        (
            (INVITE, INVITED),
            ("misschien.. weet ik morgen pas", {"not_keys": MISS, "answer_not": ["yes", "no"]}),
        ),
        profile=VOL,
    ),
]


ALERTED = {"effect": ["alert_staff"], "not_keys": MISS}
NEITHER = {"not_keys": MISS, "answer_not": ["yes", "no"]}

# Batch 2, held out: written after batch 1's fixes, not aimed at them; scored before its own fixes.
BATCH_2 = [
    D(
        "check: 'jazeker, alleen zat ze vooral op haar telefoon' is a yes, heard",
        ((CHECK, ASKED), ("jazeker, alleen zat ze vooral op haar telefoon", outcome("yes", **ALERTED))),
        profile=RIA_T,
    ),
    D(
        "check: 'nee, ze heeft afgebeld' is a no",
        ((VCHECK, ASKED), ("nee, ze heeft afgebeld", outcome("no", keys=["meet_not_happened"]))),
        profile=VOL_T,
    ),
    D(
        "check: 'hij stond er niet, ik heb een half uur gewacht' is a no",
        ((CHECK, ASKED), ("hij stond er niet, ik heb een half uur gewacht", outcome("no"))),
        profile=RIA_T,
    ),
    D(
        "check: 'ja top! mag ze vaker komen?' asks weekly",
        ((CHECK, ASKED), ("ja top! mag ze vaker komen?", outcome("yes", keys=["meet_weekly_asked"]))),
        profile=RIA_T,
    ),
    D(
        "check: 'het ging goed maar hij heeft mijn sleutel meegenomen' reaches the team",
        ((CHECK, ASKED), ("het ging goed maar hij heeft mijn sleutel meegenomen", outcome("yes", **ALERTED))),
        profile=RIA_T,
    ),
    D(
        "check: 'nee hij was verkouden, volgende week dinsdag dan' is a no with a new day",
        (
            (CHECK, ASKED),
            ("nee hij was verkouden, volgende week dinsdag dan", outcome("no", says=["dinsdag"])),
        ),
        profile=RIA_T,
    ),
    D(
        "check: 'jawel, kwam wel wat later' is a yes with a remark",
        ((CHECK, ASKED), ("jawel, kwam wel wat later", remark("yes"))),
        profile=RIA_T,
    ),
    D(
        "check (en): 'no, she never turned up'",
        ((VCHECK, ASKED), ("no, she never turned up", outcome("no"))),
        profile=VOL_T,
        state=in_lang("en"),
    ),
    D(
        "check (en): 'it went great, thanks! same time next week?'",
        (
            (CHECK, ASKED),
            ("it went great, thanks! same time next week?", outcome("yes", effect=["meet_weekly"])),
        ),
        profile=RIA_T,
        state=in_lang("en"),
    ),
    D(
        "check (tr): 'evet, çok iyiydi'",
        ((CHECK, ASKED), ("evet, çok iyiydi", outcome("yes", keys=["meet_thanks"]))),
        profile=RIA_T,
        state=in_lang("tr"),
    ),
    D(
        "check (pl): 'tak, ale był niemiły'",
        ((CHECK, ASKED), ("tak, ale był niemiły", complaint())),
        profile=RIA_T,
        state=in_lang("pl"),
    ),
    D(
        "check (uk): 'ні, він так і не прийшов'",
        ((CHECK, ASKED), ("ні, він так і не прийшов", outcome("no"))),
        profile=RIA_T,
        state=in_lang("uk"),
    ),
    D(
        "check (ar): 'نعم كان لطيف جدا'",
        ((CHECK, ASKED), ("نعم كان لطيف جدا", outcome("yes"))),
        profile=RIA_T,
        state=in_lang("ar"),
    ),
    D(
        "check: 'hij was nogal bot tegen mij' is a complaint",
        ((CHECK, ASKED), ("hij was nogal bot tegen mij", complaint())),
        profile=RIA_T,
    ),
    D(
        "offer: 'ik kan vanaf volgende maand alleen nog dinsdags'",
        (("ik kan vanaf volgende maand alleen nog dinsdags", summary(["dinsdag"], ["maandag", "woensdag"])),),
        profile=VOL,
    ),
    D(
        "offer: 'maandags lukt het me niet meer'",
        (
            ("maandags lukt het me niet meer", summary(["woensdag"], ["maandag"])),
            ("ja hoor dat klopt", SAVED),
        ),
        profile=VOL,
    ),
    D(
        "offer: 'ik doe voortaan ook de zaterdagochtend'",
        (("ik doe voortaan ook de zaterdagochtend", summary(["zaterdag", "woensdag"])),),
        profile=VOL,
    ),
    D(
        "offer: 'geen boodschappen meer, ik heb geen auto meer'",
        (("geen boodschappen meer, ik heb geen auto meer", summary(["klusjes"], ["boodschappen"])),),
        profile=VOL,
    ),
    D(
        "offer: 'Ik heb weer meer tijd, mijn project is klaar' asks how often",
        (("Ik heb weer meer tijd, mijn project is klaar", {"keys": ["offer_limit*"], "not_keys": MISS}),),
        profile=VOL,
    ),
    D(
        "offer: 'kan alleen nog s avonds' keeps the evenings",
        (("kan alleen nog s avonds", summary(["avond"], ["maandag"])),),
        profile=VOL,
    ),
    D(
        "offer (en): 'I can't do Mondays anymore'",
        (("I can't do Mondays anymore", summary(["wednesday"], ["monday"])),),
        profile=VOL,
        state=in_lang("en"),
    ),
    D(
        "offer (tr): 'pazartesi artık gelemiyorum'",
        (("pazartesi artık gelemiyorum", summary(["çarşamba"], ["pazartesi"])),),
        profile=VOL,
        state=in_lang("tr"),
    ),
    D(
        "offer (pl): 'w poniedziałki już nie mogę'",
        (("w poniedziałki już nie mogę", summary(["środa"], ["poniedziałek"])),),
        profile=VOL,
        state=in_lang("pl"),
    ),
    D(
        "offer (uk): 'по понеділках я більше не можу'",
        (("по понеділках я більше не можу", summary(["серед"], ["понеділ"])),),
        profile=VOL,
        state=in_lang("uk"),
    ),
    D(
        "offer (ar): 'لم أعد أستطيع يوم الاثنين'",
        (("لم أعد أستطيع يوم الاثنين", summary(["الأربعاء"], ["الاثنين"])),),
        profile=VOL,
        state=in_lang("ar"),
    ),
    D(
        "offer: 'ik wil alleen nog boodschappen doen'",
        (("ik wil alleen nog boodschappen doen", summary(["boodschappen"], ["klusjes"])),),
        profile=VOL,
    ),
    D(
        "invite: 'ja hoor, maar ik moet wel mijn hond meenemen'",
        ((INVITE, INVITED), ("ja hoor, maar ik moet wel mijn hond meenemen", yes_with("hond"))),
        profile=VOL,
    ),
    D(
        "invite: 'waar woont ze precies?' is a question",
        ((INVITE, INVITED), ("waar woont ze precies?", question())),
        profile=VOL,
    ),
    D(
        "invite: 'kan het ook morgenochtend?' is a yes at another time",
        ((INVITE, INVITED), ("kan het ook morgenochtend?", yes_with("morgenochtend"))),
        profile=VOL,
    ),
    D(
        "invite: 'misschien hoor, moet eerst in m'n agenda kijken' is neither",
        ((INVITE, INVITED), ("misschien hoor, moet eerst in m'n agenda kijken", NEITHER)),
        profile=VOL,
    ),
    D(
        "invite: 'ja mits het niet te zwaar is'",
        ((INVITE, INVITED), ("ja mits het niet te zwaar is", yes_with("zwaar"))),
        profile=VOL,
    ),
    D(
        "invite (en): 'sure, if I can bring my daughter'",
        ((INVITE, INVITED), ("sure, if I can bring my daughter", yes_with("daughter"))),
        profile=VOL,
        state=in_lang("en"),
    ),
    D(
        "invite (tr): 'evet, kızımı da getirebilirsem'",
        ((INVITE, INVITED), ("evet, kızımı da getirebilirsem", yes_with("kızımı"))),
        profile=VOL,
        state=in_lang("tr"),
    ),
    D(
        "invite (pl): 'może, dam znać jutro'",
        ((INVITE, INVITED), ("może, dam znać jutro", NEITHER)),
        profile=VOL,
        state=in_lang("pl"),
    ),
    D(
        "invite (uk): 'а скільки це займе часу?'",
        ((INVITE, INVITED), ("а скільки це займе часу?", question())),
        profile=VOL,
        state=in_lang("uk"),
    ),
    D(
        "invite (ar): 'نعم إذا كان قريب مني'",
        ((INVITE, INVITED), ("نعم إذا كان قريب مني", yes_with("قريب"))),
        profile=VOL,
        state=in_lang("ar"),
    ),
    D(
        "invite, typo: 'jah maar pas na vieren'",
        ((INVITE, INVITED), ("jah maar pas na vieren", yes_with("vieren"))),
        profile=VOL,
    ),
]


NOT_RESIDENT = {"first_name": "Ria", "neighbourhood": "molenwijk", "consented": True}
# Guards, written after batch 2's fixes: what the fixes must leave alone.
GUARDS = [
    D(
        "guard: 'ja hoor, ging wel goed' is a plain yes, nothing for the team",
        ((CHECK, ASKED), ("ja hoor, ging wel goed", outcome("yes", no_effect=["alert_staff"]))),
        profile=RIA_T,
    ),
    D(
        "guard: 'niet gelukt, ze lag in het ziekenhuis' is a no, not words for the neighbour",
        ((VCHECK, ASKED), ("niet gelukt, ze lag in het ziekenhuis", outcome("no", no_effect=["relay"]))),
        profile=VOL_T,
    ),
    D(
        "guard: a volunteer's 'ik kan woensdag' (no change said) is no change of the offer",
        (("ik kan woensdag", {"not_keys": ["offer_summary", "offer_change_heard"]}),),
        profile=VOL,
    ),
    D(
        "guard: a volunteer's request 'kan iemand alleen op woensdag mijn ramen lappen?' stays a request",
        (
            (
                "kan iemand alleen op woensdag mijn ramen lappen?",
                {"not_keys": ["offer_summary", "offer_change_heard"]},
            ),
        ),
        profile=VOL,
    ),
    D(
        "guard: someone who offers nothing: 'ik kan voortaan alleen nog op vrijdag' changes no offer",
        (("ik kan voortaan alleen nog op vrijdag", {"not_keys": ["offer_summary", "offer_change_heard"]}),),
        profile=NOT_RESIDENT,
    ),
    D(
        "guard: 'morgen kan ik niet meer' (a one-off day) changes no offer",
        (("morgen kan ik niet meer", {"not_keys": ["offer_summary", "offer_change_heard"]}),),
        profile=VOL,
    ),
    D(
        "guard: a plain 'ja graag hoor, doe ik' at an invitation carries no note",
        (
            (INVITE, INVITED),
            (
                "ja graag hoor, doe ik",
                {"effect_has": {"answer_invitation": {"answer": "yes"}}, "no_note": True},
            ),
        ),
        profile=VOL,
    ),
    D(
        "guard: the offer changed, then 'nee' at the read back saves nothing",
        (
            ("ik kan vanaf nu alleen nog op donderdag", summary(["donderdag"], ["maandag"])),
            ("nee", {"no_effect": ["save_offer"]}),
        ),
        profile=VOL,
    ),
]


def check(expect: dict[str, Any], result: Any) -> list[str]:
    """This round's own checks: the words kept with an invitation's answer, an answer that must not be."""
    problems = []
    answers = [e.data for e in result.effects if e.kind in ("answer_invitation", "invite_note")]
    if "note_has" in expect:
        notes = [str(a.get("note", "")) for a in answers]
        if not any(expect["note_has"].lower() in n.lower() for n in notes):
            problems.append(f"no note with {expect['note_has']!r} ({notes})")
    if expect.get("no_note") and any(a.get("note") for a in answers):
        problems.append(f"a note: {answers}")
    for answer in expect.get("answer_not", ()):
        if any(a.get("answer") == answer for a in answers):
            problems.append(f"answered {answer}")
    return problems


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)
