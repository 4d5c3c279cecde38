# ruff: noqa: RUF001, RUF002, E501
"""Red team of whole conversations, round 11: people who write in pieces and repair themselves.

(docstring: figures and mechanisms are filled in below as the round goes.)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.dialogue_redteam_support import INVITE, Dialogue, as_params, assert_holds, menu_state, score
from tests.redteam_support import every_earlier_string

D = Dialogue
# A turn that is no miss: no "Dat begreep ik niet", no question asked again as a repair, no menu.
MISS = ["not_understood", "*_again", "menu"]


def _at(data: Any, path: str) -> Any:
    for name in path.split("."):
        data = data.get(name) if isinstance(data, dict) else None
    return data


def draft_check(expect: dict[str, Any], result: Any) -> list[str]:
    """This round's own items: `draft` {dotted.path: value} and `draft_says` {dotted.path: substring} on
    the request being asked (state["ask"]); `effect_keys` {kind: [key, ...]}: an effect of that kind
    carries those keys."""
    problems = []
    draft = result.state.get("ask") or {}
    for path, value in expect.get("draft", {}).items():
        if _at(draft, path) != value:
            problems.append(f"draft {path}={_at(draft, path)!r}, not {value!r}")
    for path, part in expect.get("draft_says", {}).items():
        if part.lower() not in str(_at(draft, path) or "").lower():
            problems.append(f"draft {path}={_at(draft, path)!r} does not say {part!r}")
    for kind, keys in expect.get("effect_keys", {}).items():
        datas = [e.data for e in result.effects if e.kind == kind]
        if not any(all(_at(d, k) is not None for k in keys) for d in datas):
            problems.append(f"no effect {kind} with {keys}")
    return problems


def holds(dialogue: Dialogue) -> None:
    assert_holds(dialogue, draft_check)


def L(lang: str, **kw: Any) -> dict[str, Any]:
    return dict(state=menu_state(lang), **kw)


def ok(*keys: str, **kw: Any) -> dict[str, Any]:
    """A turn that asks `keys` and is no miss."""
    return {"keys": list(keys), "not_keys": MISS, **kw}


# The request, step by step (Ria, Molenwijk; Monday 23 November 2026).
TO_DESC = (("1", {"keys": ["ask_category"]}), ("1", {"keys": ["ask_description"]}))
TO_WHEN = (*TO_DESC, ("boodschappen doen bij de Jumbo op het plein", {"keys": ["ask_when"]}))
TO_URGENCY = (*TO_WHEN, ("dinsdag", {"keys": ["ask_urgency"]}))
TO_VIS = (*TO_URGENCY, ("3", {"keys": ["ask_visibility"]}))
TO_SUMMARY = (*TO_VIS, ("1", {"keys": ["ask_summary"]}))
# A volunteer's invitation.
INVITED = ((INVITE, {"keys": ["invite"]}),)

# Batch 1, written before reading the flows' code closely, scored on the unchanged code.
BATCH_1 = [
    # a request in pieces, each answered by the bot in between
    D(
        "nl pieces: 'kan er iemand' / 'dinsdag met me mee' / 'naar de dokter in de Molenwijk'",
        (
            ("kan er iemand", {"keys": ["ask_category"], "not_keys": ["not_understood"]}),
            ("dinsdag met me mee", {"not_keys": ["ask_when*", "ask_category*", "not_understood"]}),
            ("naar de dokter in de Molenwijk", ok("ask_urgency", draft_says={"description": "dokter"})),
            ("2", {"keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"], "says": ["dinsdag 24 november", "dokter"]}),
        ),
    ),
    D(
        "nl pieces: a greeting, who, what, then a time before the description is asked",
        (
            ("hoi", {"not_keys": ["not_understood"]}),
            ("ik zoek iemand die kan helpen", {"keys": ["ask_category"]}),
            ("met de boodschappen", ok("ask_description", draft={"category": "boodschappen"})),
            ("morgenochtend graag", ok("ask_description", draft={"when.daypart": "ochtend"})),
            ("brood, melk en koffie", ok("ask_urgency")),
        ),
    ),
    D(
        "nl pieces: the description goes on at the time question",
        (
            ("Ik wil graag iets vragen", {"not_says": ["begreep"]}),
            ("mijn kraan in de keuken lekt", ok("ask_when")),
            ("kan er iemand naar kijken", ok("ask_when", draft_says={"description": "kraan"})),
            ("liefst donderdag", ok("ask_urgency")),
            ("3", {"keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"], "says": ["kraan", "donderdag"]}),
        ),
    ),
    D(
        "nl pieces: 'ik moet' / 'naar het ziekenhuis voor controle' / 'vrijdag om 9 uur'",
        (
            ("1", {"keys": ["ask_category"]}),
            ("2", {"keys": ["ask_description"]}),
            ("ik moet", {"not_keys": MISS}),
            ("naar het ziekenhuis voor controle", {"not_keys": MISS, "draft_says": {"description": "ziekenhuis"}}),
            ("vrijdag om 9 uur", ok("ask_urgency", says=["vrijdag 27 november"])),
        ),
    ),
    D(
        "nl pieces: the time in two parts, 'volgende week' then 'woensdag dan'",
        (
            *TO_WHEN,
            ("volgende week", {"keys": ["ask_urgency"]}),
            ("woensdag dan", ok("ask_urgency", says=["woensdag 2 december"])),
            ("3", {"keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"], "says": ["woensdag 2 december"]}),
        ),
    ),
    D(
        "nl pieces: a time said at the category question is kept",
        (
            ("1", {"keys": ["ask_category"]}),
            ("morgen om tien uur", ok("ask_category", draft={"when.start": "2026-11-24T10:00:00+01:00"})),
            ("boodschappen", {"keys": ["ask_description"]}),
            ("een krat water en wc-papier", ok("ask_urgency", not_keys=["ask_when", *MISS])),
        ),
    ),
    D(
        "nl pieces: 'het is dringend' said with the description is not asked again (read as soon as possible)",
        (
            ("1", {"keys": ["ask_category"]}),
            ("tuin", {"keys": ["ask_description"]}),
            (
                "de heg moet geknipt worden, het is dringend",
                ok("ask_visibility", says=["zo snel mogelijk"], not_keys=["ask_urgency", *MISS]),
            ),
        ),
    ),
    D(
        "en pieces: 'hi' / 'can someone help me' / 'with my laptop' / 'tomorrow afternoon'",
        (
            ("hi", {"not_keys": ["not_understood"]}),
            ("can someone help me", {"keys": ["ask_category"], "state": {"lang": "en"}}),
            ("with my laptop, it won't start", ok("ask_when", draft={"category": "digitaal"})),
            ("tomorrow afternoon", {"not_keys": ["ask_when*", *MISS], "says": ["afternoon"]}),
        ),
        **L("en"),
    ),
    D(
        "tr pieces: 'merhaba' / 'bir yardım lazım' / 'alışveriş için' / a description / 'yarın sabah'",
        (
            ("merhaba", {"not_keys": ["not_understood"]}),
            ("bir yardım lazım", {"keys": ["ask_category"]}),
            ("alışveriş için", ok("ask_description", draft={"category": "boodschappen"})),
            ("ekmek, süt ve yumurta lazım", ok("ask_when")),
            ("yarın sabah", {"not_keys": ["ask_when*", *MISS]}),
        ),
        **L("tr"),
    ),
    D(
        "pl pieces: the description goes on at the time question ('i jeszcze leki z apteki')",
        (
            *TO_DESC,
            ("chleb i mleko", {"keys": ["ask_when"]}),
            ("i jeszcze leki z apteki", ok("ask_when", draft_says={"description": "apteki"})),
            ("jutro rano", ok("ask_urgency")),
        ),
        **L("pl"),
    ),
    # additions after the bot moved on
    D(
        "nl addition: 'o ja, en het is dringend' at the visibility question",
        (
            *TO_VIS,
            ("o ja, en het is dringend", ok("ask_visibility", draft={"urgent": True})),
            ("1", {"keys": ["ask_summary"], "not_says": ["Maakt niet uit"]}),
        ),
    ),
    D(
        "nl addition: 'vergeten te zeggen: het is in de Oude Haven' at the urgency question",
        (
            *TO_URGENCY,
            ("vergeten te zeggen: het is in de Oude Haven", ok("ask_urgency", draft={"neighbourhood": "oude_haven"})),
            ("3", {"keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"], "says": ["Oude Haven"]}),
        ),
    ),
    D(
        "nl addition: 'o ja, het moet elke week' at the summary",
        (
            *TO_SUMMARY,
            ("o ja, het moet elke week", ok("ask_summary", says=["elke week"])),
            ("1", {"keys": ["ask_sent"], "effect": ["create_request"]}),
        ),
    ),
    D(
        "nl addition: 'en ook even langs de apotheek graag' at the summary",
        (
            *TO_SUMMARY,
            ("en ook even langs de apotheek graag", ok("ask_summary", says=["apotheek", "Jumbo"])),
        ),
    ),
    D(
        "nl addition: 'vergeten te zeggen: pas na 2 uur' to a day said before",
        (
            *TO_URGENCY,
            ("vergeten te zeggen: pas na 2 uur", ok("ask_urgency", says=["14:00"])),
            ("3", {"keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"], "says": ["dinsdag", "14:00"]}),
        ),
    ),
    # corrections of an earlier piece
    D(
        "nl correction: 'nee wacht, niet dinsdag maar woensdag' at the visibility question",
        (
            *TO_VIS,
            ("nee wacht, niet dinsdag maar woensdag", ok("ask_visibility", says=["woensdag"])),
            ("1", {"keys": ["ask_summary"], "says": ["woensdag 25 november"], "not_says": ["dinsdag"]}),
        ),
    ),
    D(
        "nl correction: 'nee wacht, niet dinsdag maar woensdag' at the summary",
        (
            *TO_SUMMARY,
            (
                "nee wacht, niet dinsdag maar woensdag",
                ok("ask_summary", says=["woensdag 25 november"], not_says=["dinsdag"]),
            ),
            ("1", {"keys": ["ask_sent"]}),
        ),
    ),
    D(
        "nl correction: 'sorry verkeerd getypt, ik bedoelde 2' at the description question",
        (
            ("1", {"keys": ["ask_category"]}),
            ("3", {"keys": ["ask_description"]}),
            ("sorry verkeerd getypt, ik bedoelde 2", ok("ask_description", draft={"category": "vervoer"})),
        ),
    ),
    D(
        "nl correction: 'sorry verkeerd getypt, moest 3 zijn' after an urgency answer",
        (
            *TO_URGENCY,
            ("1", {"keys": ["ask_visibility"]}),
            ("sorry verkeerd getypt, moest 3 zijn", ok("ask_visibility", draft={"urgent": False})),
            ("1", {"keys": ["ask_summary"], "says": ["Maakt niet uit"]}),
        ),
    ),
    D(
        "nl half words: 'boodsch' and 'donderd middag'",
        (
            ("1", {"keys": ["ask_category"]}),
            ("boodsch", ok("ask_description", draft={"category": "boodschappen"})),
            ("brood halen", {"keys": ["ask_when"]}),
            ("donderd middag", ok("ask_urgency", says=["donderdag"])),
        ),
    ),
    D(
        "nl 'sorry verkeerd getypt' after a slip is no second miss",
        (
            *TO_URGENCY,
            ("jk", {"keys": ["ask_urgency*"], "says": ["begreep"]}),
            ("sorry verkeerd getypt", {"keys": ["ask_urgency*"], "not_says": ["MENS"], "not_keys": ["menu"]}),
            ("2", {"keys": ["ask_visibility"]}),
        ),
    ),
    # impatience and checking
    D(
        "nl 'hallo??' at the description question keeps the question",
        (
            *TO_DESC,
            ("hallo??", ok("ask_description", state={"step": "description"})),
            ("twee pakken melk", {"keys": ["ask_when"]}),
        ),
    ),
    D(
        "nl '???' at the time question keeps the question",
        (
            *TO_WHEN,
            ("???", {"not_keys": ["menu", "not_understood"], "state": {"step": "when"}}),
            ("donderdag", {"keys": ["ask_urgency"]}),
        ),
    ),
    D(
        "nl 'is daar iemand' at the urgency question",
        (
            *TO_URGENCY,
            ("is daar iemand", ok("ask_urgency", not_keys=["human_requested", *MISS])),
            ("2", {"keys": ["ask_visibility"]}),
        ),
    ),
    D(
        "nl 'werkt dit wel?' at the visibility question",
        (
            *TO_VIS,
            ("werkt dit wel?", ok("ask_visibility")),
            ("1", {"keys": ["ask_summary"]}),
        ),
    ),
    D(
        "nl the description sent twice",
        (
            *TO_WHEN,
            ("boodschappen doen bij de Jumbo op het plein", ok("ask_when", draft={"description": "boodschappen doen bij de Jumbo op het plein"})),
            ("vrijdag", {"keys": ["ask_urgency"]}),
        ),
    ),
    D(
        "nl the time sent twice",
        (
            *TO_WHEN,
            ("morgen om 11 uur", {"keys": ["ask_urgency"]}),
            ("morgen om 11 uur", {"not_keys": ["correction_noted", *MISS]}),
        ),
    ),
    D(
        "nl 👍 at the urgency question",
        (*TO_URGENCY, ("👍", ok("ask_urgency", state={"step": "urgency"})), ("2", {"keys": ["ask_visibility"]})),
    ),
    D(
        "nl 🙏 at the time question",
        (*TO_WHEN, ("🙏", ok("ask_when", state={"step": "when"})), ("zaterdag", {"keys": ["ask_urgency"]})),
    ),
    D(
        "nl 'ok' at the time question is no time",
        (*TO_WHEN, ("ok", {"not_keys": ["ask_urgency", "menu"], "state": {"step": "when"}})),
    ),
    D(
        "nl 'dank je wel hoor' at the urgency question",
        (*TO_URGENCY, ("dank je wel hoor", ok("ask_urgency")), ("3", {"keys": ["ask_visibility"]})),
    ),
    # carried over: a day left to the bot, after dinner, two kinds
    D(
        "nl time: 'kies jij maar, als het maar niet in het weekend is' at the time question",
        (*TO_WHEN, ("kies jij maar een dag, als het maar niet in het weekend is", ok("ask_urgency", says=["dinsdag 24 november"]))),
    ),
    D(
        "nl care day: 'doe maar een dag die jou uitkomt, maar geen zaterdag of zondag'",
        (
            ("MANTELZORG", {}),
            ("Jan", {}),
            ("partner", {}),
            ("12", {"keys": ["care_rhythm"]}),
            ("elke week", {"keys": ["care_day"]}),
            (
                "doe maar een dag die jou uitkomt, maar geen zaterdag of zondag",
                {"effect": ["care_register"], "not_keys": MISS},
            ),
        ),
    ),
    D(
        "nl time: 'wel na het eten' is the evening",
        (*TO_WHEN, ("wel na het eten", ok("ask_urgency", says=["avond"]))),
    ),
    D(
        "nl two kinds as examples: both kept in the words, no category asked",
        (
            (
                "zoek iemand die me kan helpen, bv met boodschappen of met de tuin",
                {
                    "keys": ["ask_when"],
                    "not_keys": ["ask_category", *MISS],
                    "draft_says": {"description": "tuin"},
                },
            ),
        ),
    ),
    # volunteers answering an invitation in pieces
    D(
        "nl volunteer: 'ja' / 'maar pas na 2 uur'",
        (
            *INVITED,
            ("ja", {"effect": ["answer_invitation"]}),
            ("maar pas na 2 uur", {"effect_has": {"answer_invitation": {"condition.start": "14:00:00"}}}),
        ),
        gap="a condition sent after a bare yes is noted as a second yes and dropped: the matchmaker takes one answer per invitation (bot/effects/matchmaker.py), so passing it on needs an engine change",
    ),
    D(
        "nl volunteer: 'ja hoor' / 'wel pas morgen, vandaag lukt niet'",
        (
            *INVITED,
            ("ja hoor", {"effect": ["answer_invitation"]}),
            ("wel pas morgen, vandaag lukt niet", {"effect_keys": {"answer_invitation": ["condition"]}}),
        ),
        gap="a condition sent after a bare yes is noted as a second yes and dropped: the matchmaker takes one answer per invitation (bot/effects/matchmaker.py), so passing it on needs an engine change",
    ),
    D(
        "nl volunteer: 'even kijken hoor' / 'ja dat lukt wel'",
        (
            *INVITED,
            ("even kijken hoor", {"no_effect": ["answer_invitation"], "not_keys": ["not_understood"]}),
            ("ja dat lukt wel", {"effect_has": {"answer_invitation": {"answer": "yes"}}}),
        ),
        gap="thinking aloud alone ('even kijken hoor') is a later, as round 21 decided for the reader; the flow does not wait for the answer after it",
    ),
    D(
        "en volunteer: 'yes' / 'but only after 3pm'",
        (
            *INVITED,
            ("yes", {"effect": ["answer_invitation"]}),
            ("but only after 3pm", {"effect_has": {"answer_invitation": {"condition.start": "15:00:00"}}}),
        ),
        **L("en"),
        gap="a condition sent after a bare yes is noted as a second yes and dropped: the matchmaker takes one answer per invitation (bot/effects/matchmaker.py), so passing it on needs an engine change",
    ),
    # other languages
    D(
        "uk correction: 'ой ні, не завтра, а в четвер' at the urgency question",
        (
            *TO_WHEN,
            ("завтра", {"keys": ["ask_urgency"]}),
            ("ой ні, не завтра, а в четвер", ok("ask_urgency", draft={"when.start": "2026-11-26T09:00:00+01:00"})),
        ),
        **L("uk"),
    ),
    D(
        "ar pieces: 'مرحبا' / 'أحتاج مساعدة' / 'في التسوق'",
        (
            ("مرحبا", {"not_keys": ["not_understood"]}),
            ("أحتاج مساعدة", {"keys": ["ask_category"]}),
            ("في التسوق", ok("ask_description", draft={"category": "boodschappen"})),
        ),
        **L("ar"),
    ),
    D(
        "pl 'halo??' at the urgency question",
        (*TO_URGENCY, ("halo??", ok("ask_urgency")), ("2", {"keys": ["ask_visibility"]})),
        **L("pl"),
    ),
    D(
        "tr 'teşekkürler 🙏' at the urgency question",
        (*TO_URGENCY, ("teşekkürler 🙏", ok("ask_urgency")), ("3", {"keys": ["ask_visibility"]})),
        **L("tr"),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    holds(dialogue)


def _earlier_dialogue_strings() -> set[str]:
    here = Path(__file__)
    seen: set[str] = set()
    for path in here.parent.glob("test_dialogues_redteam*.py"):
        if path.name != here.name:
            seen |= {t.casefold() for t in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"))}
    return seen


# Known misses of earlier rounds, carried over word for word on purpose (in another context).
CARRIED: set[str] = set()


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    earlier = every_earlier_string(__file__) | _earlier_dialogue_strings()
    sent = {
        text
        for d in BATCH_1
        for text, _ in d.turns
        if isinstance(text, str) and len(text.split()) > 2
    }
    assert sorted(t for t in sent if t.casefold() in earlier and t not in CARRIED) == []

