"""Replaying red-team dialogues (tests/test_dialogues_redteam.py) through `step` and checking each turn.

A dialogue is data: a start (profile, state) and turns of (what is sent, what must hold). What must hold
is said on catalogue keys, effects, the state and, where a value matters, on the rendered text:

- `keys` / `not_keys`: reply keys that must (not) be among the replies (a prefix ending in "*" matches
  any key that starts with it);
- `crisis`: a crisis reply and a high-priority `alert_staff` effect;
- `effect` / `no_effect`: effect kinds that must (not) be there;
- `effect_has`: {kind: {dotted.path: value}}: items an effect of that kind must carry
  ({"create_request": {"when.window.start": "14:00:00"}});
- `says` / `not_says`: substrings (case-insensitive) of the rendered replies, in the person's language;
- `state`: items the state must hold.

Every turn also must not restart: no welcome text, unless the turn allows it (`restart_ok`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fnmatch import fnmatchcase
from typing import Any

import pytest

from flows import catalogue
from flows.conversation import step
from flows.dialogue import label_of
from flows.profile import Profile, after
from flows.types import Event

CLOCK = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # a Monday morning, as in the golden transcripts
RIA = {"first_name": "Ria", "neighbourhood": "molenwijk", "consented": True}


def menu_state(lang: str = "nl") -> dict[str, Any]:
    return {"greeted": True, "flow": "menu", "lang": lang, "offered": []}


@dataclass(frozen=True)
class Dialogue:
    name: str
    turns: tuple[tuple[Any, dict[str, Any]], ...]
    state: dict[str, Any] = field(default_factory=menu_state)
    profile: dict[str, Any] = field(default_factory=lambda: dict(RIA))
    gap: str = ""  # a known gap: the dialogue is expected to fail (xfail with this reason)


def event_of(sent: Any) -> Event:
    """ "text", {"choice": ...}, {"command": ...} or {"internal": ..., "meta": {...}}."""
    if isinstance(sent, str):
        return Event(kind="text", text=sent)
    if "choice" in sent:
        return Event(kind="choice", choice=sent["choice"])
    if "internal" in sent:
        return Event(kind="internal", command=sent["internal"], meta=sent.get("meta", {}))
    return Event(kind="command", command=sent["command"])


# Keys that end in "_again" but ask something new, not a question again: "Volgende week weer afspreken?",
# "Zal ik Henk weer vragen?", the heavy week told again.
NEW_QUESTIONS_AGAIN = frozenset({"meet_again", "helper_again", "care_heavy_again"})


def _key_matches(pattern: str, keys: list[str]) -> bool:
    """A reply key, or a pattern with `*` anywhere ("meet_*"; "*_again": a question asked again). Until
    session 30 only a `*` at the end was read, so every round's "*_again" in `not_keys` matched nothing."""
    if "*" not in pattern:
        return pattern in keys
    return any(
        fnmatchcase(k, pattern) and not (pattern == "*_again" and k in NEW_QUESTIONS_AGAIN) for k in keys
    )


def check_turn(expect: dict[str, Any], result: Any) -> list[str]:
    """What does not hold of one turn's result (empty: the turn behaves as expected)."""
    keys = [r.key for r in result.replies]
    lang = catalogue.language_or_default(result.state.get("lang"))
    text = ""
    for reply in result.replies:
        text += catalogue.message_with_lead(reply.key, lang, reply.params, lead=reply.lead) + "\n"
        for choice in reply.choices:
            text += label_of(choice, lang) + "\n"
    kinds = [e.kind for e in result.effects]
    problems = []
    if not expect.get("restart_ok") and "welcome" in keys:
        problems.append("restarted with the welcome text")
    for key in expect.get("keys", ()):
        if not _key_matches(key, keys):
            problems.append(f"missing key {key}")
    for key in expect.get("not_keys", ()):
        if _key_matches(key, keys):
            problems.append(f"unexpected key {key}")
    if expect.get("crisis"):
        alert = [e for e in result.effects if e.kind == "alert_staff" and e.data.get("priority") == "high"]
        if not alert or not any(k.startswith("crisis_") for k in keys):
            problems.append("no crisis answer")
    for kind in expect.get("effect", ()):
        if kind not in kinds:
            problems.append(f"missing effect {kind}")
    for kind in expect.get("no_effect", ()):
        if kind in kinds:
            problems.append(f"unexpected effect {kind}")
    for kind, items in expect.get("effect_has", {}).items():
        datas = [e.data for e in result.effects if e.kind == kind]
        for path, value in items.items():
            if not any(_at(data, path) == value for data in datas):
                problems.append(f"no effect {kind} with {path}={value!r}")
    for part in expect.get("says", ()):
        if part.lower() not in text.lower():
            problems.append(f"does not say {part!r}")
    for part in expect.get("not_says", ()):
        if part.lower() in text.lower():
            problems.append(f"says {part!r}")
    for name, value in expect.get("state", {}).items():
        if result.state.get(name) != value:
            problems.append(f"state {name}={result.state.get(name)!r}, not {value!r}")
    if problems:
        problems.append(f"(keys {keys}; text {text.strip()[:200]!r})")
    return problems


def _at(data: Any, path: str) -> Any:
    for name in path.split("."):
        data = data.get(name) if isinstance(data, dict) else None
    return data


# A round's own check of a turn, beside `check_turn`'s (round 10: every text in the person's language).
TurnCheck = Callable[[dict[str, Any], Any], list[str]]


def run(dialogue: Dialogue, check: TurnCheck | None = None) -> list[list[str]]:
    """The problems of each turn, in order."""
    from tests.golden_runner import profile_from

    state = dict(dialogue.state)
    profile: Profile = profile_from(dict(dialogue.profile))
    out = []
    for sent, expect in dialogue.turns:
        result = step(state, event_of(sent), CLOCK, profile)
        profile = after(profile, result.effects)
        state = result.state
        problems = check_turn(expect, result)
        if check is not None:
            problems += check(expect, result)
        out.append(problems)
    return out


# What the rounds' dialogues start from: a crisis turn's check, a volunteer's invitation, a carer's check-in
# and a registered carer (Ria with Jan).
CRISIS = {"crisis": True}
INVITE = {
    "internal": "invite",
    "meta": {
        "request_id": 41,
        "name": "Ans",
        "category": "boodschappen",
        "neighbourhood": "molenwijk",
        "when": {"kind": "asap"},
        "description": "brood halen",
    },
}
CHECKIN = {"internal": "care_checkin", "meta": {"checkin_id": 7, "name": "Jan"}}
CARER = {
    **RIA,
    "care": {
        "care_for": "Jan",
        "relation": "partner",
        "hours": "8_20",
        "rhythm": {"freq": "weekly", "at": "10:00", "weekday": 0},
    },
}


def as_params(dialogues: list[Dialogue]) -> list[Any]:
    """The dialogues as pytest parameters named after them; a known gap is a strict xfail."""
    return [
        pytest.param(d, id=d.name, marks=[pytest.mark.xfail(reason=d.gap, strict=True)] if d.gap else [])
        for d in dialogues
    ]


def assert_holds(dialogue: Dialogue, check: TurnCheck | None = None) -> None:
    """Every turn of `dialogue` as expected; the message names the turns that were not."""
    problems = run(dialogue, check)
    assert all(not p for p in problems), [(i, p) for i, p in enumerate(problems) if p]


def score(dialogues: list[Dialogue], check: TurnCheck | None = None) -> tuple[int, int, int, int]:
    """(turns as expected, turns, dialogues fully as expected, dialogues)."""
    good = total = whole = 0
    for dialogue in dialogues:
        problems = run(dialogue, check)
        good += sum(1 for p in problems if not p)
        total += len(problems)
        whole += all(not p for p in problems)
    return good, total, whole, len(dialogues)


def replay_texts(texts: list[str], state: dict[str, Any], profile: dict[str, Any]) -> list[Any]:
    """Each text's step result, in order, from `state` and `profile` (as golden transcripts write it)."""
    return replay_items(texts, state, profile)


def replay_items(items: list[Any], state: dict[str, Any], profile: dict[str, Any]) -> list[Any]:
    """Each item's step result, in order: texts, buttons, commands and internal events (`event_of`)."""
    from tests.golden_runner import profile_from

    current = dict(state)
    person: Profile = profile_from(dict(profile))
    results = []
    for item in items:
        result = step(current, event_of(item), CLOCK, person)
        person = after(person, result.effects)
        current = result.state
        results.append(result)
    return results


def repeated_messages(this_round: str, dialogues: list[Dialogue]) -> list[str]:
    """The messages of more than two words of a round's `dialogues` that an earlier round or corpus holds
    word for word (`this_round`: the asking module's `__file__`); a round's test asserts none."""
    import re
    from pathlib import Path

    from tests.redteam_support import every_earlier_string

    here = Path(this_round)
    earlier = every_earlier_string(this_round)
    for path in here.parent.glob("test_dialogues_redteam*.py"):
        if path.name != here.name:
            found = re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"))
            earlier |= {text.casefold() for text in found}
    sent = {text for d in dialogues for text, _ in d.turns if isinstance(text, str) and len(text.split()) > 2}
    return sorted(text for text in sent if text.casefold() in earlier)
