"""MIJN GEGEVENS and VERWIJDER MIJ: the person sees what is kept about them and can have it erased.

Erasure asks once for confirmation, then says goodbye: from that moment nothing else is sent, open
requests are withdrawn and conversations end (the other side hears only that it stopped), and the data
itself is erased by a scheduled job a few minutes later, after the goodbye has gone out.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from babel.dates import format_date

from flows import catalogue, places
from flows.dialogue import YES_NO, chosen, language, prompt, say
from flows.types import Effect, Event, StepResult

INTERNAL = {"my_data", "counterpart_left", "export_link"}


def ask_erase(state: dict[str, Any]) -> StepResult:
    state["flow"] = "erase"
    return StepResult(state, (prompt(state, "erase_confirm", YES_NO),))


def handle(state: dict[str, Any], event: Event) -> StepResult:
    answer = chosen(state, event)
    if answer == "yes":
        _leave(state)
        return StepResult(state, (say("erase_done"),), (Effect("erase_me"),))
    if answer == "no":
        _leave(state)
        return StepResult(state, (say("erase_kept"),))
    return StepResult(state, (prompt(state, "erase_confirm", YES_NO),))


def withdraw_consent(state: dict[str, Any]) -> StepResult:
    """TOESTEMMING INTREKKEN: from now on nothing is matched or shared; the data stays until VERWIJDER MIJ."""
    return StepResult(state, (say("consent_withdrawn"),), (Effect("withdraw_consent"),))


def my_data(state: dict[str, Any]) -> StepResult:
    """The summary needs counts from the database: the engine sends them back as an internal event."""
    return StepResult(state, (), (Effect("send_my_data"),))


def export(state: dict[str, Any]) -> StepResult:
    """EXPORT: everything, as a download behind a one-time link (never the data itself over SMS)."""
    return StepResult(state, (), (Effect("create_export_link"),))


def on_internal(state: dict[str, Any], event: Event) -> StepResult | None:
    name = event.command or ""
    if name not in INTERNAL:
        return None
    if name == "counterpart_left":
        if state.get("thread") == event.meta.get("thread_id"):
            state.pop("thread", None)
        return StepResult(state, (say("counterpart_left"),))
    if name == "export_link":
        url = str(event.meta.get("url") or "")
        return StepResult(state, (say("export_link", {"url": url}) if url else say("export_unavailable"),))
    data = dict(event.meta)
    replies = [say("my_data", _summary_params(state, data))]
    if data.get("care_for") or data.get("checkins") or data.get("reminders"):
        replies.append(say("care_my_data", _care_params(state, data)))
    if data.get("circle_members") or data.get("circles_joined") or data.get("signups"):
        counts = {key: str(data.get(key, 0)) for key in ("circle_members", "circles_joined", "signups")}
        replies.append(say("circle_my_data", counts))
    return StepResult(state, tuple(replies))


def _summary_params(state: dict[str, Any], data: dict[str, Any]) -> dict[str, str]:
    lang = language(state)
    unknown = catalogue.render("my_data_unknown", lang)
    place = places.load_municipality().get(str(data.get("neighbourhood") or ""))
    consent = data.get("consent_given_at")
    given = (
        format_date(datetime.fromisoformat(consent), "d MMMM yyyy", locale=catalogue.LOCALES[lang])
        if consent
        else None
    )
    return {
        "name": str(data.get("first_name") or unknown),
        "neighbourhood": place.name if place is not None else unknown,
        "messages": str(data.get("messages", 0)),
        "requests": str(data.get("requests", 0)),
        "offering": catalogue.render("choice_yes" if data.get("offering") else "choice_no", lang).lower(),
        "consent": given or unknown,
    }


def _care_params(state: dict[str, Any], data: dict[str, Any]) -> dict[str, str]:
    unknown = catalogue.render("my_data_unknown", language(state))
    return {
        "name": str(data.get("care_for") or unknown),
        "checkins": str(data.get("checkins", 0)),
        "reminders": str(data.get("reminders", 0)),
    }


def _leave(state: dict[str, Any]) -> None:
    state.pop("prompt", None)
    state["offered"] = []
    state["flow"] = "menu"
