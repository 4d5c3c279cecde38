"""What a flow may know about the person beyond its own state: loaded by the engine, read-only here.

Flows change it only through effects (`update_profile`, `record_consent`), which the engine applies in
the same transaction as the replies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from flows.recurrence import Rule, next_occurrence
from flows.types import Effect

# How many recent check-ins a registration carries (storage/care.py `TREND`, which reads them).
CARE_TREND = 6

# Bump when the consent text (`consent_question`) changes in substance: consent is stored per version.
CONSENT_VERSION = "2026-11-v1"
CONSENT_TEXT_KEY = "consent_question"


@dataclass(frozen=True, slots=True)
class RequestSummary:
    """One of the person's own open help requests, enough to list and cancel it."""

    id: int
    category: str
    description: str
    when: Mapping[str, Any]
    status: str


@dataclass(frozen=True, slots=True)
class ThreadSummary:
    """A masked conversation the person is in: whom with (first name only) and about what."""

    id: int
    other_name: str
    category: str
    status: str  # open | frozen


@dataclass(frozen=True, slots=True)
class OfferSummary:
    """The person's help offer as stored (storage/models.py `HelpOffer`), enough to show and change it.

    `availability` holds (weekday, daypart) slots; empty means any time. `verified` is set by staff only.
    """

    categories: tuple[str, ...]
    reach: str
    availability: tuple[tuple[int, str], ...]
    weekly_limit: int
    languages: tuple[str, ...]
    verified: bool = False
    active: bool = True
    paused_until: datetime | None = None

    @classmethod
    def from_effect(cls, data: Mapping[str, Any], before: OfferSummary | None) -> OfferSummary:
        """The offer a `save_offer` effect leaves: staff's `verified` and a running pause are kept."""
        return cls(
            categories=tuple(data["categories"]),
            reach=str(data["reach"]),
            availability=tuple((int(day), str(part)) for day, part in data["availability"]),
            weekly_limit=int(data["weekly_limit"]),
            languages=tuple(data["languages"]),
            verified=before.verified if before is not None else False,
            active=True,
            paused_until=before.paused_until if before is not None and before.active else None,
        )

    def paused(self, now: datetime) -> bool:
        return self.paused_until is not None and self.paused_until > now


@dataclass(frozen=True, slots=True)
class CareSummary:
    """The person's registration as mantelzorger (storage/models.py `CareRegistration`).

    `recent` holds the last check-ins, newest first: good | okay | heavy, or missed (no answer came
    before the next one), or asked (the current one, not answered yet). `resumes_at`: after a pause
    (`care_pause`), when the next check-in comes (the rhythm's first from the pause's end); None
    when there is no pause.
    """

    care_for: str
    relation: str
    hours: str
    rhythm: Rule
    recent: tuple[str, ...] = ()
    resumes_at: datetime | None = None

    @classmethod
    def from_effect(cls, data: Mapping[str, Any], before: CareSummary | None) -> CareSummary:
        return cls(
            care_for=str(data["care_for"]),
            relation=str(data["relation"]),
            hours=str(data["hours"]),
            rhythm=Rule.from_json(data["rhythm"]),
            recent=before.recent if before is not None else (),
        )


@dataclass(frozen=True, slots=True)
class ReminderSummary:
    """One of the person's own reminders: their words and when (storage/models.py `Reminder`)."""

    id: int
    text: str
    rule: Rule


@dataclass(frozen=True, slots=True)
class CircleMemberSummary:
    """Someone in the person's care circle: the row id, how to show them, invited or active."""

    id: int
    label: str  # their first name once known, else the number or Telegram name they were invited by
    status: str  # invited | active


@dataclass(frozen=True, slots=True)
class JoinedCircle:
    """A circle the person is a member of: whose, by first name."""

    owner_id: int
    name: str


@dataclass(frozen=True, slots=True)
class CircleSummary:
    """The person's care circle (kring): members, what it sees, and the circles they are in.

    `shares` holds the item types chosen one by one; any other type follows `share_default`, which is
    False until the person chooses: nothing is shared without that choice.
    """

    members: tuple[CircleMemberSummary, ...] = ()
    share_default: bool = False
    shares: tuple[tuple[str, bool], ...] = ()
    joined: tuple[JoinedCircle, ...] = ()

    def sees(self, item_type: str) -> bool:
        return dict(self.shares).get(item_type, self.share_default)


@dataclass(frozen=True, slots=True)
class Profile:
    first_name: str | None = None
    neighbourhood: str | None = None
    consented: bool = False
    open_requests: tuple[RequestSummary, ...] = ()
    threads: tuple[ThreadSummary, ...] = ()
    # The person's help offer, also after they stopped offering (then `active` is False).
    offer: OfferSummary | None = None
    # Registered as mantelzorger (flows/care.py), and their own reminders (flows/reminders.py).
    care: CareSummary | None = None
    reminders: tuple[ReminderSummary, ...] = ()
    circle: CircleSummary = CircleSummary()

    @property
    def ready_to_match(self) -> bool:
        """Nothing is matched without consent, and matching needs a neighbourhood."""
        return self.consented and self.neighbourhood is not None

    @property
    def offering(self) -> bool:
        """The person offers help (paused or not)."""
        return self.offer is not None and self.offer.active


def after(profile: Profile, effects: Iterable[Effect]) -> Profile:
    """The profile as it will be once the engine has applied these effects (for the rest of a step)."""
    for effect in effects:
        if effect.kind == "update_profile":
            known = {k: v for k, v in effect.data.items() if k in ("first_name", "neighbourhood")}
            profile = replace(profile, **known)
        elif effect.kind == "record_consent":
            profile = replace(profile, consented=True)
        elif effect.kind == "withdraw_consent":
            profile = replace(profile, consented=False)
        elif effect.kind == "cancel_request":
            cancelled = effect.data["request_id"]
            profile = replace(
                profile, open_requests=tuple(r for r in profile.open_requests if r.id != cancelled)
            )
        elif effect.kind == "change_request":
            changed = effect.data["request_id"]
            items = {k: effect.data[k] for k in ("when", "description") if k in effect.data}
            profile = replace(
                profile,
                open_requests=tuple(
                    replace(r, **items) if r.id == changed else r for r in profile.open_requests
                ),
            )
        elif effect.kind == "save_offer":
            profile = replace(profile, offer=OfferSummary.from_effect(effect.data, profile.offer))
        elif effect.kind == "pause_offer" and profile.offer is not None:
            until = datetime.fromisoformat(str(effect.data["until"]))
            profile = replace(profile, offer=replace(profile.offer, paused_until=until))
        elif effect.kind == "resume_offer" and profile.offer is not None:
            profile = replace(profile, offer=replace(profile.offer, paused_until=None))
        elif effect.kind == "stop_offer" and profile.offer is not None:
            profile = replace(profile, offer=replace(profile.offer, active=False, paused_until=None))
        elif effect.kind == "care_register":
            profile = replace(profile, care=CareSummary.from_effect(effect.data, profile.care))
        elif effect.kind == "care_stop":
            profile = replace(profile, care=None)
        elif effect.kind == "care_answer" and profile.care is not None:
            # As storage/care.py `trend` reads it next time: the open check-in ("asked") now answered.
            before = profile.care.recent
            rest = before[1:] if before[:1] == ("asked",) else before
            recent = (str(effect.data["answer"]), *rest)[:CARE_TREND]
            profile = replace(profile, care=replace(profile.care, recent=recent))
        elif effect.kind == "care_pause" and profile.care is not None:
            # As the engine schedules it (bot/effects/care.py `pause`): the rhythm's first after the end.
            until = datetime.fromisoformat(str(effect.data["until"]))
            resumes = next_occurrence(profile.care.rhythm, until)
            profile = replace(profile, care=replace(profile.care, resumes_at=resumes))
        elif effect.kind == "remind_delete":
            gone = effect.data["reminder_id"]
            profile = replace(profile, reminders=tuple(r for r in profile.reminders if r.id != gone))
    return profile
