"""The neighbourhood agenda in chat: AGENDA shows this week's activities near the person, a few at a
time; "Ik doe mee" signs them up, and a reminder comes the day before. A date they joined is offered
as "Afmelden" in the same list, so plans that change need no other command.

The engine looks the activities up when asked (the `agenda_lookup` effect) and hands this week's
dates back as an internal event, `agenda_list`: like the social map, the list is read fresh when it
is needed rather than loaded into the Profile for every message. The dates of a weekly activity and
the reminder time are computed here, purely, also for storage (`this_week`, `reminder_at`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date

from flows import catalogue, places
from flows.dialogue import language, prompt, say
from flows.normalise import folded_words
from flows.types import Choice, Effect, Event, Reply, StepResult
from flows.when import AMSTERDAM

PAGE_SIZE = 3
# The date just joined, kept for the next message only ("kan iemand me halen?": a ride to it).
JOINED = "agenda_joined"
DAYS_AHEAD = 7
# The reminder goes at this local time the day before: early enough to plan, before quiet hours.
REMINDER_TIME = time(18, 0)


@dataclass(frozen=True, slots=True)
class ActivityInfo:
    """A weekly activity (storage/models.py `Activity`); `weekday` 0 = Monday, `start` local "HH:MM"."""

    id: int
    title: str
    weekday: int
    start: str
    place: str
    neighbourhood: str
    organiser: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One date of a weekly activity, and when it starts (UTC)."""

    activity: ActivityInfo
    on: date
    starts_at: datetime

    def to_json(self, signed_up: bool = False) -> dict[str, Any]:
        a = self.activity
        return {
            "activity_id": a.id,
            "on": self.on.isoformat(),
            "title": a.title,
            "start": a.start,
            "place": a.place,
            "neighbourhood": a.neighbourhood,
            "signed_up": signed_up,
        }


def starts_at(activity: ActivityInfo, on: date, zone: ZoneInfo = AMSTERDAM) -> datetime:
    return _start(on, activity.start, zone)


def item_starts_at(item: Mapping[str, Any], zone: ZoneInfo = AMSTERDAM) -> datetime:
    """When a date as the lists carry it (`Occurrence.to_json`) starts (UTC)."""
    return _start(date.fromisoformat(str(item["on"])), str(item["start"]), zone)


def _start(on: date, start: str, zone: ZoneInfo) -> datetime:
    hour, minute = (int(part) for part in start.split(":"))
    return datetime.combine(on, time(hour, minute), tzinfo=zone).astimezone(ZoneInfo("UTC"))


def this_week(
    activities: Iterable[ActivityInfo], now: datetime, days: int = DAYS_AHEAD, zone: ZoneInfo = AMSTERDAM
) -> list[Occurrence]:
    """Every date of these weekly activities that starts after `now` within `days`, soonest first."""
    today = now.astimezone(zone).date()
    found = []
    for activity in activities:
        for offset in range(days + 1):
            day = today + timedelta(days=offset)
            if day.weekday() != activity.weekday:
                continue
            start = starts_at(activity, day, zone)
            if now < start <= now + timedelta(days=days):
                found.append(Occurrence(activity, day, start))
    found.sort(
        key=lambda occurrence: (occurrence.starts_at, occurrence.activity.title, occurrence.activity.id)
    )
    return found


def near(neighbourhood: str | None) -> tuple[str, ...]:
    """The neighbourhoods whose activities count as near: own and adjacent (all if unknown)."""
    municipality = places.load_municipality()
    if neighbourhood is None:
        return tuple(n.key for n in municipality.neighbourhoods)
    own = municipality.get(neighbourhood)
    if own is None:
        return (neighbourhood,)
    return (own.key, *own.adjacent)


def reminder_at(on: date, zone: ZoneInfo = AMSTERDAM) -> datetime:
    """When the reminder for an activity on `on` goes out: REMINDER_TIME local time, the day before."""
    return datetime.combine(on - timedelta(days=1), REMINDER_TIME, tzinfo=zone).astimezone(ZoneInfo("UTC"))


def start(state: dict[str, Any]) -> StepResult:
    state["flow"] = "agenda"
    state["step"] = "waiting"
    state["offered"] = []
    state.pop("prompt", None)
    return StepResult(state, (), (Effect("agenda_lookup", {}),))


def on_internal(state: dict[str, Any], event: Event) -> StepResult | None:
    if event.command == "agenda_list":
        items = [dict(item) for item in event.meta.get("items", [])]
        if not items:
            state["flow"] = "menu"
            state["offered"] = []
            state.pop("prompt", None)
            return StepResult(state, (say("agenda_empty"),))
        state["flow"] = "agenda"
        state["agenda"] = items
        state["page"] = 0
        return StepResult(state, _page(state))
    if event.command == "agenda_reminder":
        return StepResult(state, (say("agenda_reminder", item_params(state, dict(event.meta))),))
    return None


def handle(state: dict[str, Any], event: Event, answer: str | None, now: datetime) -> StepResult:
    items: list[dict[str, Any]] = list(state.get("agenda", []))
    if answer == "more":
        state["page"] = int(state.get("page", 0)) + 1
        return StepResult(state, _page(state))
    if answer is not None and answer.startswith("leave:"):
        item = items[int(answer.removeprefix("leave:"))]
        _done(state)
        effect = Effect("agenda_cancel", {"activity_id": item["activity_id"], "on": item["on"]})
        return StepResult(state, (say("agenda_left", item_params(state, item)),), (effect,))
    if answer is not None and answer.startswith("join:"):
        item = items[int(answer.removeprefix("join:"))]
        _done(state)
        state[JOINED] = dict(item)
        effect = Effect("agenda_signup", {"activity_id": item["activity_id"], "on": item["on"]})
        # The reminder promise only when there is a day before left to remind on.
        reminded = reminder_at(date.fromisoformat(str(item["on"]))) > now
        key = "agenda_signed_up" if reminded else "agenda_signed_up_soon"
        return StepResult(state, (say(key, item_params(state, item)),), (effect,))
    if answer == "back":
        _done(state)
        return StepResult(state, ())
    if answer is None and event.kind == "text" and (named := _named(state, event.text)) is not None:
        return handle(state, event, named, now)
    return StepResult(state, (say("not_understood"), *_page(state)))


def _named(state: Mapping[str, Any], text: str) -> str | None:
    """Dialogue round 14: an activity of the page shown named by its title ("doe maar de koffieochtend"):
    its join (or leave) choice, when exactly one shown activity has that title."""
    said = folded_words(text)
    offered = [str(key) for key, _ in state.get("offered") or [] if str(key).startswith(("join:", "leave:"))]
    items = list(state.get("agenda", []))
    meant = [key for key in offered if folded_words(str(items[int(key.split(":")[1])]["title"])) in said]
    if not meant:
        # Round dialogue27: its number in a sentence ("ik doe mee met 3, maar ik kan er niet zelf komen").
        numbers = {int(word) for word in said.split() if word.isascii() and word.isdigit()}
        meant = [offered[n - 1] for n in numbers if 1 <= n <= len(offered)] if len(numbers) == 1 else []
    return meant[0] if len(meant) == 1 else None


def _done(state: dict[str, Any]) -> None:
    state["flow"] = "menu"
    state["offered"] = []
    for key in ("agenda", "page", "prompt", "step"):
        state.pop(key, None)


def _page(state: dict[str, Any]) -> tuple[Reply, ...]:
    items = list(state.get("agenda", []))
    first = int(state.get("page", 0)) * PAGE_SIZE
    shown = items[first : first + PAGE_SIZE]
    replies: list[Reply] = [say("agenda_intro")] if first == 0 else []
    choices: list[Choice] = []
    for number, item in enumerate(shown, start=1):
        joined = bool(item.get("signed_up"))
        key = "agenda_item_joined" if joined else "agenda_item"
        replies.append(say(key, {**item_params(state, item), "number": str(number)}))
        # A date someone already joined offers the way out instead: "Afmelden voor 2".
        if joined:
            choices.append(Choice(f"leave:{first + number - 1}", f"agenda_leave_{number}"))
        else:
            choices.append(Choice(f"join:{first + number - 1}", f"agenda_join_{number}"))
    if first + PAGE_SIZE < len(items):
        choices.append(Choice("more", "agenda_more"))
    choices.append(Choice("back", "choice_back"))
    replies.append(prompt(state, "agenda_pick", tuple(choices)))
    return tuple(replies)


def item_params(state: Mapping[str, Any], item: Mapping[str, Any]) -> dict[str, str]:
    """A date of the list as its texts say it, in the person's language: title, day, time, place."""
    lang = language(state)
    day = format_date(date.fromisoformat(str(item["on"])), "EEEE d MMMM", locale=catalogue.LOCALES[lang])
    place = places.load_municipality()
    found = place.get(str(item.get("neighbourhood", "")))
    area = found.name if found is not None else str(item.get("neighbourhood", ""))
    return {
        "title": str(item["title"]),
        "day": day,
        "time": str(item["start"]),
        "place": str(item["place"]),
        "neighbourhood": area,
    }
