"""Golden transcripts: a conversation as data, replayed through the pure flow with a fixed clock.

A case file holds a list of cases; each is a start (language hint, stopped or not) and turns of
`in` (what the person does) and `out` (the rendered replies and the effects). Rendering happens in the
person's language through the real catalogue, so a missing text fails here. Set
VOORDEUR_REGEN_GOLDEN=1 to rewrite the files from the current behaviour and review the diff like code.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flows import catalogue
from flows.conversation import step
from flows.dialogue import label_of
from flows.profile import (
    CareSummary,
    CircleMemberSummary,
    CircleSummary,
    JoinedCircle,
    OfferSummary,
    Profile,
    ReminderSummary,
    RequestSummary,
    ThreadSummary,
    after,
)
from flows.recurrence import Rule
from flows.types import Event

GOLDEN_DIR = Path(__file__).with_name("golden")
REGENERATE = os.environ.get("VOORDEUR_REGEN_GOLDEN") == "1"
CLOCK = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def profile_from(data: dict[str, Any]) -> Profile:
    requests = tuple(RequestSummary(**r) for r in data.get("open_requests", []))
    threads = tuple(ThreadSummary(**t) for t in data.get("threads", []))
    offer = offer_from(data.get("offer"))
    care = data.get("care")
    care_summary = (
        CareSummary(
            **{**care, "rhythm": Rule.from_json(care["rhythm"]), "recent": tuple(care.get("recent", ()))}
        )
        if care
        else None
    )
    reminders = tuple(
        ReminderSummary(r["id"], r["text"], Rule.from_json(r["rule"])) for r in data.get("reminders", [])
    )
    return Profile(
        **{
            **data,
            "open_requests": requests,
            "threads": threads,
            "offer": offer,
            "care": care_summary,
            "reminders": reminders,
            "circle": circle_from(data.get("circle", {})),
        }
    )


def circle_from(data: dict[str, Any]) -> CircleSummary:
    """`{"members": [{"id": 1, "label": "Ans", "status": "active"}], "share_default": false,
    "shares": {"requests": true}, "joined": [{"owner_id": 7, "name": "Ria"}]}`."""
    return CircleSummary(
        members=tuple(CircleMemberSummary(**m) for m in data.get("members", [])),
        share_default=bool(data.get("share_default", False)),
        shares=tuple(sorted(data.get("shares", {}).items())),
        joined=tuple(JoinedCircle(**j) for j in data.get("joined", [])),
    )


def offer_from(data: dict[str, Any] | None) -> OfferSummary | None:
    """`{"categories": [...], "reach": ..., ..., "paused_until": "2026-12-07T00:00:00+01:00"}`."""
    if data is None:
        return None
    paused = data.get("paused_until")
    return OfferSummary(
        **{
            **data,
            "categories": tuple(data["categories"]),
            "availability": tuple((day, part) for day, part in data["availability"]),
            "languages": tuple(data["languages"]),
            "paused_until": datetime.fromisoformat(paused) if paused else None,
        }
    )


def event_from(spec: dict[str, Any], stopped: bool, hint: str | None) -> Event:
    """`{"text": "1"}`, `{"choice": "ask"}`, `{"command": "start"}`, `{"kind": "media"}`."""
    if "choice" in spec:
        return Event(kind="choice", choice=spec["choice"], address_stopped=stopped, language_hint=hint)
    if spec.get("kind") == "internal":
        return Event(kind="internal", command=spec["command"], meta=spec.get("meta", {}))
    if "command" in spec:
        return Event(kind="command", command=spec["command"], address_stopped=stopped, language_hint=hint)
    kind = spec.get("kind", "text")
    return Event(kind=kind, text=spec.get("text", ""), address_stopped=stopped, language_hint=hint)


def run_case(case: dict[str, Any]) -> list[dict[str, Any]]:
    """Replay a case. `profile` (optional) starts from a known person; `state` from a known state."""
    state: dict[str, Any] = dict(case.get("state", {}))
    profile = profile_from(case.get("profile", {}))
    stopped = bool(case.get("stopped", False))
    hint = case.get("language_hint")
    turns = []
    for turn in case["turns"]:
        result = step(state, event_from(turn["in"], stopped, hint), CLOCK, profile)
        profile = after(profile, result.effects)
        state = result.state
        language = catalogue.language_or_default(state.get("lang"))
        out: list[Any] = []
        for reply in result.replies:
            text = catalogue.message_with_lead(reply.key, language, reply.params, lead=reply.lead)
            for choice in reply.choices:
                text += f"\n[{choice.key}] {label_of(choice, language)}"
            out.append(text)
        for effect in result.effects:
            out.append({"effect": effect.kind, **dict(effect.data)})
            if effect.kind == "set_stopped":
                stopped = bool(effect.data["stopped"])
        turns.append({"in": turn["in"], "out": out})
    return turns


def check_file(name: str) -> list[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]]:
    """Replay every case of a golden file; returns (case name, expected turns, actual turns)."""
    path = GOLDEN_DIR / name
    cases = json.loads(path.read_text(encoding="utf-8"))
    results = [(case["name"], case["turns"], run_case(case)) for case in cases]
    if REGENERATE:
        for case, (_, _, actual) in zip(cases, results, strict=True):
            case["turns"] = actual
        path.write_text(json.dumps(cases, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return results
