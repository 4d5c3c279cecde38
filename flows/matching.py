"""Who to ask first when a resident asks for help: hard filters, a score, and waves of asks.

A request is offered to volunteers a few at a time, best first; the first "yes" wins. Storage runs an
indexed SQL prefilter and hands this module a few hundred `Candidate`s; `rank` decides who is eligible
and in what order, `next_wave` takes the next few, `wave_timeout` says how long to wait for a yes.

Like every flow this is pure: no clock reads (`now` is an input and must be timezone-aware), no I/O.
It is also on the hot path of every request (the budget is p99 < 5 ms for query plus ranking), so
`rank` is one pass with constant work per candidate and one sort: O(n log n), and the only allocation
per candidate is its `Ranked` row. Reason and exclusion keys are stored in logs and shown to staff,
so renaming one is a migration.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from operator import attrgetter
from typing import Literal, get_args
from zoneinfo import ZoneInfo

from flows.when import DAYPARTS as DAYPART_HOURS
from flows.when import HELPING_HOURS, When

ZONE = ZoneInfo("Europe/Amsterdam")

Category = Literal[
    "boodschappen",
    "vervoer",
    "klusjes",
    "gezelschap",
    "administratie",
    "digitaal",
    "tuin",
    "huisdieren",
    "oppas",
    "anders",
]
CATEGORIES: tuple[Category, ...] = get_args(Category)

# Categories that mean being alone with a vulnerable person in their home (babysitting, keeping
# someone company): only volunteers whose VOG (certificate of conduct) staff have checked get these.
# Staff may widen or narrow the set later, which is why `rank` takes it as a parameter.
VERIFIED_REQUIRED: frozenset[str] = frozenset({"oppas", "gezelschap"})

Language = Literal["nl", "en", "tr", "ar", "pl", "uk"]
LANGUAGES: tuple[Language, ...] = ("nl", "en", "tr", "ar", "pl", "uk")

Daypart = Literal["ochtend", "middag", "avond"]
DAYPARTS: tuple[Daypart, ...] = ("ochtend", "middag", "avond")

# Weekday 0 is Monday, as datetime.weekday() counts.
Slot = tuple[int, Daypart]
# The (weekday, daypart) slots a volunteer said they are usually free. Empty means "any time": most
# volunteers never fill it in, and an empty answer must not rank them below everyone else.
Availability = frozenset[Slot]

WhenKind = Literal["asap", "moment", "daypart", "flexible"]
WHEN_KINDS: tuple[WhenKind, ...] = ("asap", "moment", "daypart", "flexible")

ExclusionKey = Literal[
    "is_requester",
    "category_not_offered",
    "not_verified",
    "language_not_spoken",
    "declined",
    "already_asked",
    "paused",
    "weekly_limit_reached",
    "too_far",
]


@dataclass(frozen=True, slots=True)
class HelpNeed:
    """What is asked, where, in which language and when: everything ranking needs from a request.

    `when_start` is the moment (`moment`) or the start of the daypart (`daypart`), required for those two
    and timezone-aware; for `asap` and `flexible` it is ignored. Validated here so that a typo in a
    category fails where the request is built, not as "nobody matched".
    """

    request_id: int
    requester_id: int
    category: Category
    neighbourhood: str
    language: Language
    when_kind: WhenKind
    when_start: datetime | None
    urgent: bool

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")
        if self.language not in LANGUAGES:
            raise ValueError(f"unknown language {self.language!r}")
        if self.when_kind not in WHEN_KINDS:
            raise ValueError(f"unknown when_kind {self.when_kind!r}")
        if self.when_kind in ("moment", "daypart") and self.when_start is None:
            raise ValueError(f"a {self.when_kind} need needs when_start")
        if self.when_start is not None:
            _require_aware(self.when_start, "when_start")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One volunteer as the storage prefilter returns them, with their standing for this request.

    `distance_km` is computed by the caller (0 for the same neighbourhood). `languages` must hold at
    least the language the volunteer talks to us in. Datetimes are timezone-aware. Not validated:
    candidates are built by the hundred per request and `rank` copes with odd values.
    """

    person_id: int
    neighbourhood: str
    distance_km: float
    categories: frozenset[str]
    availability: Availability
    tasks_this_week: int
    weekly_limit: int
    languages: frozenset[str]
    verified: bool
    paused_until: datetime | None
    helped_requester_before: int
    declined_this_request: bool
    already_asked: bool


@dataclass(frozen=True, slots=True)
class Ranked:
    """A volunteer worth asking, their score and the reason keys behind it (for logs and staff).

    `reasons` names the soft signals that earned points, in weight order; passing the hard filters is
    not a reason, since everyone ranked passed them.
    """

    person_id: int
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Weights:
    """Every soft-scoring weight in one place. Scores are sums of these; higher is asked earlier.

    The sizes follow the design's priorities and keep these guarantees (tests hold them):
    - continuity first: `helped_before` exceeds everything else a stranger can score together
      (same neighbourhood + available + full capacity), so someone who helped this person before is
      always asked first; a familiar face matters most to the people this service is for;
    - `same_neighbourhood` exceeds the best `nearby` score, so the neighbourhood key beats any distance
      figure (the caller's distances are centroid estimates; "my own neighbourhood" is what people feel);
    - `available_then` exceeds `spare_capacity`: someone free then beats someone less busy this week.
    It is a sum, not a strict order on purpose: a volunteer a street away who said they are free that
    afternoon (nearby + available) outranks a next-door neighbour who said they are not (same only).
    """

    helped_before: float = 100.0
    # Each earlier help beyond the first adds a little, up to `helped_before_extra_cap` of them.
    helped_before_each_extra: float = 2.0
    helped_before_extra_cap: int = 5
    same_neighbourhood: float = 40.0
    # Another neighbourhood: this much at 0 km, falling linearly to 0 at the maximum distance.
    nearby: float = 25.0
    available_then: float = 30.0
    # Times the unused share of the weekly limit (0 tasks: all of it).
    spare_capacity: float = 10.0


WEIGHTS = Weights()


def daypart_of(moment: datetime, zone: tzinfo = ZONE) -> Slot | None:
    """The local (weekday, daypart) of a moment: ochtend 06-12, middag 12-17, avond 17-23, else None.

    The moment is converted to `zone` first, so a UTC timestamp lands in the daypart people on the
    street would name, on either side of a DST change. A naive moment is refused: guessing its zone is
    exactly the bug this guards against.
    """
    _require_aware(moment, "moment")
    local = moment.astimezone(zone)
    hour = local.hour
    if 6 <= hour < 12:
        return (local.weekday(), "ochtend")
    if 12 <= hour < 17:
        return (local.weekday(), "middag")
    if 17 <= hour < 23:
        return (local.weekday(), "avond")
    return None


def exclusion(
    need: HelpNeed,
    candidate: Candidate,
    now: datetime,
    *,
    max_distance_km: float = 5.0,
    verified_required: frozenset[str] = VERIFIED_REQUIRED,
) -> ExclusionKey | None:
    """Why this candidate must not be asked for this need, or None if they may be.

    The one place the hard filters live; `rank` uses it too. Decisions on the less obvious ones:
    - "anders" is no wildcard either way: an "anders" request goes to those who offer "anders" (they
      said they are open to other things), and offering "anders" does not match other categories.
    - Language always has to match, Dutch included: volunteers who talk to us in Dutch have "nl" in
      their languages, and someone who only reads English should not be asked in Dutch.
    - The same neighbourhood is never too far, whatever `distance_km` says: the key is authoritative.
    - `paused_until` equal to `now` is no longer paused.
    """
    return _exclusion(need, candidate, now, max_distance_km, verified_required)


def _exclusion(
    need: HelpNeed,
    candidate: Candidate,
    now: datetime,
    max_distance_km: float,
    verified_required: frozenset[str],
) -> ExclusionKey | None:
    if candidate.person_id == need.requester_id:
        return "is_requester"
    if need.category not in candidate.categories:
        return "category_not_offered"
    if need.category in verified_required and not candidate.verified:
        return "not_verified"
    if need.language not in candidate.languages:
        return "language_not_spoken"
    if candidate.declined_this_request:
        return "declined"
    if candidate.already_asked:
        return "already_asked"
    if candidate.paused_until is not None and candidate.paused_until > now:
        return "paused"
    if candidate.weekly_limit <= 0 or candidate.tasks_this_week >= candidate.weekly_limit:
        return "weekly_limit_reached"
    # Written as `not <=` so that a NaN distance counts as too far.
    if candidate.neighbourhood != need.neighbourhood and not candidate.distance_km <= max_distance_km:
        return "too_far"
    return None


def rank(
    need: HelpNeed,
    candidates: Iterable[Candidate],
    now: datetime,
    *,
    max_distance_km: float = 5.0,
    verified_required: frozenset[str] = VERIFIED_REQUIRED,
    weights: Weights = WEIGHTS,
    zone: tzinfo = ZONE,
) -> list[Ranked]:
    """The candidates who may be asked, best first; ties go to the lower person_id.

    Availability counts only for `moment` and `daypart` needs whose start falls in a daypart; for
    `asap`, `flexible` and night-time starts nobody's declared slots can tell them apart, so everyone
    counts as available (and the volunteer's yes or no settles it).

    A person_id that appears more than once (a caller bug) is ranked once: excluded if any copy is
    excluded (a decline recorded anywhere counts), otherwise with their best copy. The result depends
    only on the candidates, not their order.
    """
    _require_aware(now, "now")
    if not max_distance_km >= 0 or math.isinf(max_distance_km):
        raise ValueError(f"max_distance_km must be a finite number >= 0, not {max_distance_km!r}")

    slot = None
    if need.when_kind in ("moment", "daypart") and need.when_start is not None:
        slot = daypart_of(need.when_start, zone)

    neighbourhood = need.neighbourhood
    best: dict[int, Ranked] = {}
    excluded: set[int] = set()
    for candidate in candidates:
        person_id = candidate.person_id
        if _exclusion(need, candidate, now, max_distance_km, verified_required) is not None:
            excluded.add(person_id)
            continue
        ranked = _score(candidate, neighbourhood, slot, max_distance_km, weights)
        earlier = best.get(person_id)
        if earlier is None or _order(ranked) < _order(earlier):
            best[person_id] = ranked

    result = [ranked for person_id, ranked in best.items() if person_id not in excluded]
    # The same order as `_order`, as two stable sorts with C-level keys: cheaper than a Python key.
    result.sort(key=_BY_ID)
    result.sort(key=_BY_SCORE, reverse=True)
    return result


def next_wave(ranked: list[Ranked], size: int = 3) -> list[Ranked]:
    """The next `size` volunteers to ask.

    Callers rank again before every wave (with the ones already asked marked `already_asked`), so the
    next wave is simply the top of a fresh ranking and reflects pauses and tasks taken meanwhile.
    """
    if size < 1:
        raise ValueError(f"a wave has at least one volunteer, not {size}")
    return ranked[:size]


URGENT_TIMEOUT = timedelta(minutes=30)
SOON_TIMEOUT = timedelta(hours=1)
DEFAULT_TIMEOUT = timedelta(hours=4)
SOON = timedelta(hours=24)
MIN_TIMEOUT = timedelta(minutes=10)


def wave_timeout(need: HelpNeed, now: datetime) -> timedelta:
    """How long a wave waits for a yes before the next wave (or, with nobody left, staff) gets it.

    Base: urgent or asap 30 minutes; a moment or daypart starting within 24 hours 1 hour; otherwise
    4 hours. With a start time, a wave never takes more than half the time left until it, so later
    waves and staff keep at least as much time again to find someone. This is slightly stricter than
    "halve only when the start falls inside the timeout" (a start in 90 minutes gives 45, not 60) but
    has no jump at the boundary. Never under 10 minutes: people need time to read an SMS, even if the
    start is that close or already past (a daypart under way). `asap` and `flexible` have no start
    to miss. A wave that would start after the time is over is not sent at all (`time_ends`).
    """
    _require_aware(now, "now")
    start = need.when_start if need.when_kind in ("moment", "daypart") else None
    if need.urgent or need.when_kind == "asap":
        base = URGENT_TIMEOUT
    elif start is not None and start - now <= SOON:
        base = SOON_TIMEOUT
    else:
        base = DEFAULT_TIMEOUT
    if start is not None:
        base = min(base, (start - now) / 2)
    return max(base, MIN_TIMEOUT)


# A request for a moment stays open this long after its start for the volunteers already asked.
LATE_YES = timedelta(minutes=15)


def time_ends(when: When) -> datetime | None:
    """The end of a one-off time: a moment's start, the end of a daypart ("dinsdagochtend": 12:00), the
    end of the helping hours of a day without an hour ("zaterdag": 21:00). None for a time that does
    not end: as soon as possible, "maakt niet uit", a window over days, and anything that repeats (the
    next week is still ahead when the first one passed without help).

    It is also until when new volunteers are asked: nobody is invited for a moment that has begun
    (someone who still has to come cannot take a resident to the doctor at 10:00 when asked at
    10:05), while a daypart or a day may still be helped as long as it lasts."""
    start = when.start
    if start is None or when.recurrence is not None or when.kind == "asap":
        return None
    if when.kind == "moment":
        return start
    zone = start.tzinfo if isinstance(start.tzinfo, ZoneInfo) else ZONE
    local = start.astimezone(zone)
    end = DAYPART_HOURS[when.daypart][1] if when.daypart is not None else HELPING_HOURS[1]
    return datetime.combine(local.date(), end, tzinfo=zone)


def lapse_at(when: When) -> datetime | None:
    """When a request that found nobody is over: the end of its time, for a moment `LATE_YES` later.
    Volunteers asked before the start may still say yes a little late ("boodschappen om 10:00" is
    still helped at 10:10; the two agree the hour when they plan the meeting); after that the resident
    hears that nobody was found in time."""
    ends = time_ends(when)
    if ends is None:
        return None
    return ends + LATE_YES if when.kind == "moment" else ends


def _score(
    candidate: Candidate, neighbourhood: str, slot: Slot | None, max_distance_km: float, weights: Weights
) -> Ranked:
    """The soft score of an eligible candidate; see `Weights` for the why of each term.

    Plain arithmetic on attributes and no builtin calls: this runs for every eligible candidate.
    """
    score = 0.0

    helped_count = candidate.helped_requester_before
    helped = helped_count > 0
    if helped:
        extra = helped_count - 1
        if extra > weights.helped_before_extra_cap:
            extra = weights.helped_before_extra_cap
        score += weights.helped_before + extra * weights.helped_before_each_extra

    place: str
    if candidate.neighbourhood == neighbourhood:
        place = "same_neighbourhood"
        score += weights.same_neighbourhood
    else:
        place = "nearby"
        # `weights.nearby` at 0 km, falling linearly to 0 at the maximum distance. Eligible means
        # distance <= max, so the division is safe when positive and the share never goes below 0.
        distance = candidate.distance_km
        score += weights.nearby * (1.0 - distance / max_distance_km if distance > 0 else 1.0)

    availability = candidate.availability
    available = slot is None or not availability or slot in availability
    if available:
        score += weights.available_then

    used = candidate.tasks_this_week
    if used < 0:
        used = 0
    limit = candidate.weekly_limit
    score += weights.spare_capacity * (limit - used) / limit
    spare = used * 2 <= limit

    return Ranked(candidate.person_id, score, _REASONS[(helped, place, available, spare)])


def _reasons(helped: bool, place: str, available: bool, spare: bool) -> tuple[str, ...]:
    reasons: list[str] = []
    if helped:
        reasons.append("helped_before")
    reasons.append(place)
    if available:
        reasons.append("available_then")
    if spare:
        # At most half of the weekly limit used.
        reasons.append("spare_capacity")
    return tuple(reasons)


# Reason tuples are shared between candidates: 16 combinations, built once, no allocation per candidate.
_REASONS: dict[tuple[bool, str, bool, bool], tuple[str, ...]] = {
    (helped, place, available, spare): _reasons(helped, place, available, spare)
    for helped in (False, True)
    for place in ("same_neighbourhood", "nearby")
    for available in (False, True)
    for spare in (False, True)
}


_BY_ID = attrgetter("person_id", "reasons")
_BY_SCORE = attrgetter("score")


def _order(ranked: Ranked) -> tuple[float, int, tuple[str, ...]]:
    """Score descending, then person_id: deterministic whatever order storage returned rows in."""
    return (-ranked.score, ranked.person_id, ranked.reasons)


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got {moment!r}")
