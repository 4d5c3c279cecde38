"""What a flow may know about the person beyond its own state: loaded by the engine, read-only here.

Flows change it only through effects (`update_profile`, `record_consent`), which the engine applies in
the same transaction as the replies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from flows.types import Effect

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
class Profile:
    first_name: str | None = None
    neighbourhood: str | None = None
    consented: bool = False
    open_requests: tuple[RequestSummary, ...] = ()
    threads: tuple[ThreadSummary, ...] = ()

    @property
    def ready_to_match(self) -> bool:
        """Nothing is matched without consent, and matching needs a neighbourhood."""
        return self.consented and self.neighbourhood is not None


def after(profile: Profile, effects: Iterable[Effect]) -> Profile:
    """The profile as it will be once the engine has applied these effects (for the rest of a step)."""
    for effect in effects:
        if effect.kind == "update_profile":
            known = {k: v for k, v in effect.data.items() if k in ("first_name", "neighbourhood")}
            profile = replace(profile, **known)
        elif effect.kind == "record_consent":
            profile = replace(profile, consented=True)
        elif effect.kind == "cancel_request":
            cancelled = effect.data["request_id"]
            profile = replace(
                profile, open_requests=tuple(r for r in profile.open_requests if r.id != cancelled)
            )
    return profile
