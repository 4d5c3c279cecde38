"""Who is asked first for a request: hard filters, ranking order, dayparts and wave timeouts."""

from __future__ import annotations

import dataclasses
import math
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.matching import (
    CATEGORIES,
    DAYPARTS,
    LANGUAGES,
    VERIFIED_REQUIRED,
    WEIGHTS,
    WHEN_KINDS,
    Candidate,
    HelpNeed,
    Ranked,
    daypart_of,
    exclusion,
    next_wave,
    rank,
    wave_timeout,
)

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2024, 6, 10, 9, 0, tzinfo=AMS)  # Monday morning
WEDNESDAY_AFTERNOON = datetime(2024, 6, 12, 14, 0, tzinfo=AMS)  # (2, "middag")
REQUESTER = 1


def need(**changes: Any) -> HelpNeed:
    base = HelpNeed(
        request_id=500,
        requester_id=REQUESTER,
        category="boodschappen",
        neighbourhood="centrum",
        language="nl",
        when_kind="moment",
        when_start=WEDNESDAY_AFTERNOON,
        urgent=False,
    )
    return dataclasses.replace(base, **changes)


def cand(person_id: int, **changes: Any) -> Candidate:
    base = Candidate(
        person_id=person_id,
        neighbourhood="centrum",
        distance_km=0.0,
        categories=frozenset({"boodschappen"}),
        availability=frozenset(),
        tasks_this_week=0,
        weekly_limit=3,
        languages=frozenset({"nl"}),
        verified=False,
        paused_until=None,
        helped_requester_before=0,
        declined_this_request=False,
        already_asked=False,
    )
    return dataclasses.replace(base, **changes)


def order(ranked: list[Ranked]) -> list[int]:
    return [r.person_id for r in ranked]


MONDAY_MORNING = frozenset({(0, "ochtend")})

# (id, need changes, candidates, expected order of person_ids)
RANKING_CASES: list[tuple[str, dict[str, Any], list[Candidate], list[int]]] = [
    (
        "continuity_first_beats_same_neighbourhood",
        {},
        [
            cand(10),  # same neighbourhood, free then, no tasks: the best a stranger can be
            cand(
                11,
                neighbourhood="oost",
                distance_km=4.9,
                availability=MONDAY_MORNING,
                tasks_this_week=2,
                helped_requester_before=1,
            ),
        ],
        [11, 10],
    ),
    (
        "helped_more_often_first",
        {},
        [cand(20, helped_requester_before=1), cand(21, helped_requester_before=4)],
        [21, 20],
    ),
    (
        "same_neighbourhood_beats_closer_by_distance_adjacent",
        {},
        [cand(31, neighbourhood="oost", distance_km=0.2), cand(30, distance_km=0.9)],
        [30, 31],
    ),
    (
        "nearer_beats_farther",
        {},
        [cand(40, neighbourhood="oost", distance_km=3.0), cand(41, neighbourhood="west", distance_km=1.0)],
        [41, 40],
    ),
    (
        "unavailable_at_that_daypart_ranks_below_available",
        {},
        [
            cand(50, availability=MONDAY_MORNING),
            cand(51, availability=frozenset({(2, "middag")})),
            cand(52),  # empty availability: any time
        ],
        [51, 52, 50],
    ),
    (
        "daypart_need_uses_its_slot",
        {"when_kind": "daypart", "when_start": datetime(2024, 6, 12, 12, 0, tzinfo=AMS)},
        [cand(60, availability=frozenset({(2, "avond")})), cand(61, availability=frozenset({(2, "middag")}))],
        [61, 60],
    ),
    (
        "nearby_and_free_beats_next_door_but_not_free",
        {},
        [cand(70, availability=MONDAY_MORNING), cand(71, neighbourhood="oost", distance_km=1.0)],
        [71, 70],
    ),
    (
        "availability_beats_spare_capacity",
        {},
        [cand(80, availability=MONDAY_MORNING), cand(81, tasks_this_week=2)],
        [81, 80],
    ),
    (
        "spare_capacity_breaks_otherwise_equal",
        {},
        [cand(90, tasks_this_week=2), cand(91, tasks_this_week=1, weekly_limit=5)],
        [91, 90],
    ),
    (
        "deterministic_tie_break_by_person_id",
        {},
        [cand(102), cand(100), cand(101)],
        [100, 101, 102],
    ),
    (
        "asap_ignores_availability",
        {"when_kind": "asap", "when_start": None},
        [cand(111, availability=frozenset({(2, "middag")})), cand(110, availability=MONDAY_MORNING)],
        [110, 111],
    ),
    (
        "flexible_ignores_availability",
        {"when_kind": "flexible", "when_start": None},
        [cand(121, availability=frozenset({(2, "middag")})), cand(120, availability=MONDAY_MORNING)],
        [120, 121],
    ),
    (
        "night_time_moment_ignores_availability",
        {"when_start": datetime(2024, 6, 12, 23, 30, tzinfo=AMS)},
        [cand(131, availability=frozenset({(2, "avond")})), cand(130, availability=MONDAY_MORNING)],
        [130, 131],
    ),
    (
        "moment_given_in_utc_uses_the_local_daypart",
        # 11:30 UTC is 13:30 in Amsterdam in June: middag, not ochtend.
        {"when_start": datetime(2024, 6, 12, 11, 30, tzinfo=UTC)},
        [
            cand(140, availability=frozenset({(2, "ochtend")})),
            cand(141, availability=frozenset({(2, "middag")})),
        ],
        [141, 140],
    ),
    (
        "anders_goes_to_those_who_offer_anders",
        {"category": "anders"},
        [cand(150), cand(151, categories=frozenset({"anders"})), cand(152, categories=frozenset(CATEGORIES))],
        [151, 152],
    ),
    (
        "english_request_only_to_english_speakers",
        {"language": "en"},
        [cand(160), cand(161, languages=frozenset({"nl", "en"})), cand(162, languages=frozenset({"en"}))],
        [161, 162],
    ),
    (
        "oppas_only_verified",
        {"category": "oppas"},
        [
            cand(170, categories=frozenset({"oppas"})),
            cand(171, categories=frozenset({"oppas"}), verified=True),
        ],
        [171],
    ),
    (
        "mixed_exclusions_leave_the_eligible_in_order",
        {},
        [
            cand(REQUESTER),
            cand(180, declined_this_request=True),
            cand(181, already_asked=True),
            cand(182, tasks_this_week=3),
            cand(183, paused_until=NOW + timedelta(days=2)),
            cand(184, neighbourhood="oost", distance_km=6.0),
            cand(185, neighbourhood="oost", distance_km=2.0),
            cand(186),
        ],
        [186, 185],
    ),
]


@pytest.mark.parametrize(
    ("changes", "candidates", "expected"),
    [case[1:] for case in RANKING_CASES],
    ids=[case[0] for case in RANKING_CASES],
)
def test_ranking_order(changes: dict[str, Any], candidates: list[Candidate], expected: list[int]) -> None:
    assert order(rank(need(**changes), candidates, NOW)) == expected


# (id, need changes, candidate, rank keyword arguments, expected exclusion key or None)
EXCLUSION_CASES: list[tuple[str, dict[str, Any], Candidate, dict[str, Any], str | None]] = [
    ("eligible", {}, cand(2), {}, None),
    ("requester_themself", {}, cand(REQUESTER), {}, "is_requester"),
    ("category_not_offered", {}, cand(2, categories=frozenset({"vervoer"})), {}, "category_not_offered"),
    ("anders_is_no_wildcard", {}, cand(2, categories=frozenset({"anders"})), {}, "category_not_offered"),
    ("anders_need_other_offer", {"category": "anders"}, cand(2), {}, "category_not_offered"),
    ("anders_need_anders_offer", {"category": "anders"}, cand(2, categories=frozenset({"anders"})), {}, None),
    ("paused_until_later", {}, cand(2, paused_until=NOW + timedelta(days=1)), {}, "paused"),
    ("pause_ended", {}, cand(2, paused_until=NOW - timedelta(seconds=1)), {}, None),
    ("pause_ends_now", {}, cand(2, paused_until=NOW), {}, None),
    ("pause_in_utc", {}, cand(2, paused_until=datetime(2024, 6, 10, 7, 30, tzinfo=UTC)), {}, "paused"),
    ("at_weekly_limit", {}, cand(2, tasks_this_week=3), {}, "weekly_limit_reached"),
    ("over_weekly_limit", {}, cand(2, tasks_this_week=5), {}, "weekly_limit_reached"),
    ("zero_weekly_limit", {}, cand(2, weekly_limit=0), {}, "weekly_limit_reached"),
    ("under_weekly_limit", {}, cand(2, tasks_this_week=2), {}, None),
    ("declined", {}, cand(2, declined_this_request=True), {}, "declined"),
    ("already_asked", {}, cand(2, already_asked=True), {}, "already_asked"),
    ("too_far", {}, cand(2, neighbourhood="oost", distance_km=5.1), {}, "too_far"),
    ("at_max_distance", {}, cand(2, neighbourhood="oost", distance_km=5.0), {}, None),
    (
        "custom_max_distance",
        {},
        cand(2, neighbourhood="oost", distance_km=3.0),
        {"max_distance_km": 2.0},
        "too_far",
    ),
    ("unknown_distance", {}, cand(2, neighbourhood="oost", distance_km=math.nan), {}, "too_far"),
    ("same_neighbourhood_never_too_far", {}, cand(2, distance_km=9.0), {}, None),
    ("oppas_unverified", {"category": "oppas"}, cand(2, categories=frozenset({"oppas"})), {}, "not_verified"),
    (
        "oppas_verified",
        {"category": "oppas"},
        cand(2, categories=frozenset({"oppas"}), verified=True),
        {},
        None,
    ),
    (
        "gezelschap_unverified",
        {"category": "gezelschap"},
        cand(2, categories=frozenset({"gezelschap"})),
        {},
        "not_verified",
    ),
    ("boodschappen_needs_no_vog", {}, cand(2, verified=False), {}, None),
    (
        "staff_dropped_the_vog_rule",
        {"category": "oppas"},
        cand(2, categories=frozenset({"oppas"})),
        {"verified_required": frozenset()},
        None,
    ),
    (
        "staff_added_a_vog_rule",
        {"category": "klusjes"},
        cand(2, categories=frozenset({"klusjes"})),
        {"verified_required": VERIFIED_REQUIRED | {"klusjes"}},
        "not_verified",
    ),
    ("english_need_dutch_only", {"language": "en"}, cand(2), {}, "language_not_spoken"),
    ("dutch_need_english_only", {}, cand(2, languages=frozenset({"en"})), {}, "language_not_spoken"),
    ("no_languages_known", {}, cand(2, languages=frozenset()), {}, "language_not_spoken"),
]


@pytest.mark.parametrize(
    ("changes", "candidate", "kwargs", "expected"),
    [case[1:] for case in EXCLUSION_CASES],
    ids=[case[0] for case in EXCLUSION_CASES],
)
def test_exclusions(
    changes: dict[str, Any], candidate: Candidate, kwargs: dict[str, Any], expected: str | None
) -> None:
    the_need = need(**changes)
    assert exclusion(the_need, candidate, NOW, **kwargs) == expected
    ranked = rank(the_need, [candidate], NOW, **kwargs)
    assert order(ranked) == ([] if expected else [candidate.person_id])


def test_paused_is_excluded_until_the_date_and_included_after() -> None:
    until = datetime(2024, 6, 11, 8, 0, tzinfo=AMS)
    volunteer = cand(2, paused_until=until)
    the_need = need(when_kind="asap", when_start=None)
    assert rank(the_need, [volunteer], NOW) == []
    assert rank(the_need, [volunteer], until - timedelta(microseconds=1)) == []
    assert order(rank(the_need, [volunteer], until)) == [2]
    assert order(rank(the_need, [volunteer], until + timedelta(days=1))) == [2]


def test_reasons_name_the_signals_that_scored() -> None:
    ranked = rank(
        need(),
        [
            cand(2, helped_requester_before=2, availability=frozenset({(2, "middag")})),
            cand(3, neighbourhood="oost", distance_km=1.0, availability=MONDAY_MORNING, tasks_this_week=2),
        ],
        NOW,
    )
    assert [(r.person_id, r.reasons) for r in ranked] == [
        (2, ("helped_before", "same_neighbourhood", "available_then", "spare_capacity")),
        (3, ("nearby",)),
    ]
    assert ranked[0].score > ranked[1].score > 0


def test_duplicate_person_is_ranked_once_and_any_exclusion_wins() -> None:
    ranked = rank(need(), [cand(2, tasks_this_week=2), cand(2), cand(3)], NOW)
    assert order(ranked) == [2, 3]
    assert ranked[0] == rank(need(), [cand(2)], NOW)[0]
    assert order(rank(need(), [cand(2), cand(2, declined_this_request=True), cand(3)], NOW)) == [3]


def test_default_weights_keep_the_documented_priorities() -> None:
    w = WEIGHTS
    assert w.helped_before > w.same_neighbourhood + w.available_then + w.spare_capacity
    assert w.same_neighbourhood > w.nearby
    assert w.available_then > w.spare_capacity
    assert w.nearby + w.available_then > w.same_neighbourhood  # nearby-and-free beats next-door-not-free


def test_rank_refuses_naive_now_and_bad_distance() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        rank(need(), [cand(2)], datetime(2024, 6, 10, 9, 0))
    with pytest.raises(ValueError, match="max_distance_km"):
        rank(need(), [cand(2)], NOW, max_distance_km=-1.0)
    with pytest.raises(ValueError, match="max_distance_km"):
        rank(need(), [cand(2)], NOW, max_distance_km=math.nan)


def test_zero_max_distance_keeps_only_distance_zero() -> None:
    candidates = [
        cand(2, neighbourhood="oost", distance_km=0.0),
        cand(3, neighbourhood="oost", distance_km=0.1),
    ]
    assert order(rank(need(), candidates, NOW, max_distance_km=0.0)) == [2]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"category": "tuinieren"}, "unknown category"),
        ({"language": "de"}, "unknown language"),
        ({"when_kind": "someday"}, "unknown when_kind"),
        ({"when_kind": "moment", "when_start": None}, "needs when_start"),
        ({"when_kind": "daypart", "when_start": None}, "needs when_start"),
        ({"when_start": datetime(2024, 6, 12, 14, 0)}, "timezone-aware"),
    ],
)
def test_help_need_is_validated(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        need(**changes)


def test_next_wave() -> None:
    ranked = rank(need(), [cand(i) for i in range(10, 15)], NOW)
    assert order(next_wave(ranked)) == [10, 11, 12]
    assert order(next_wave(ranked, size=2)) == [10, 11]
    assert order(next_wave(ranked[3:])) == [13, 14]
    assert next_wave([]) == []
    with pytest.raises(ValueError):
        next_wave(ranked, size=0)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Local boundaries on a Monday.
        (datetime(2024, 6, 10, 0, 0, tzinfo=AMS), None),
        (datetime(2024, 6, 10, 5, 59, 59, tzinfo=AMS), None),
        (datetime(2024, 6, 10, 6, 0, tzinfo=AMS), (0, "ochtend")),
        (datetime(2024, 6, 10, 11, 59, 59, tzinfo=AMS), (0, "ochtend")),
        (datetime(2024, 6, 10, 12, 0, tzinfo=AMS), (0, "middag")),
        (datetime(2024, 6, 10, 16, 59, 59, tzinfo=AMS), (0, "middag")),
        (datetime(2024, 6, 10, 17, 0, tzinfo=AMS), (0, "avond")),
        (datetime(2024, 6, 10, 22, 59, 59, tzinfo=AMS), (0, "avond")),
        (datetime(2024, 6, 10, 23, 0, tzinfo=AMS), None),
        (datetime(2024, 6, 16, 10, 0, tzinfo=AMS), (6, "ochtend")),  # Sunday
        # UTC moments land in the local daypart: +2 in summer, +1 in winter.
        (datetime(2024, 6, 12, 11, 30, tzinfo=UTC), (2, "middag")),
        (datetime(2024, 1, 17, 11, 30, tzinfo=UTC), (2, "middag")),
        (datetime(2024, 1, 17, 10, 30, tzinfo=UTC), (2, "ochtend")),
        (datetime(2024, 6, 12, 3, 59, tzinfo=UTC), None),
        (datetime(2024, 6, 12, 4, 0, tzinfo=UTC), (2, "ochtend")),
        (datetime(2024, 1, 17, 4, 59, tzinfo=UTC), None),
        (datetime(2024, 1, 17, 5, 0, tzinfo=UTC), (2, "ochtend")),
        (datetime(2024, 6, 12, 21, 0, tzinfo=UTC), None),
        (datetime(2024, 1, 17, 21, 59, tzinfo=UTC), (2, "avond")),
        # DST starts Sunday 2024-03-31 (02:00 CET -> 03:00 CEST).
        (datetime(2024, 3, 31, 0, 30, tzinfo=UTC), None),
        (datetime(2024, 3, 30, 5, 0, tzinfo=UTC), (5, "ochtend")),  # 06:00 CET
        (datetime(2024, 3, 31, 4, 0, tzinfo=UTC), (6, "ochtend")),  # 06:00 CEST
        (datetime(2024, 3, 30, 15, 30, tzinfo=UTC), (5, "middag")),  # 16:30 CET
        (datetime(2024, 3, 31, 15, 30, tzinfo=UTC), (6, "avond")),  # 17:30 CEST
        # DST ends Sunday 2024-10-27 (03:00 CEST -> 02:00 CET).
        (datetime(2024, 10, 27, 0, 30, tzinfo=UTC), None),  # 02:30 CEST, the first of two
        (datetime(2024, 10, 27, 4, 59, tzinfo=UTC), None),  # 05:59 CET
        (datetime(2024, 10, 27, 5, 0, tzinfo=UTC), (6, "ochtend")),  # 06:00 CET
        (datetime(2024, 10, 26, 15, 0, tzinfo=UTC), (5, "avond")),  # 17:00 CEST
        (datetime(2024, 10, 27, 15, 0, tzinfo=UTC), (6, "middag")),  # 16:00 CET
        (datetime(2024, 10, 27, 16, 0, tzinfo=UTC), (6, "avond")),  # 17:00 CET
        # Local wall time given with the zone on the transition day.
        (datetime(2024, 10, 27, 2, 30, fold=1, tzinfo=AMS), None),
        (datetime(2024, 10, 27, 12, 0, tzinfo=AMS), (6, "middag")),
    ],
)
def test_daypart_of(moment: datetime, expected: tuple[int, str] | None) -> None:
    assert daypart_of(moment, AMS) == expected


def test_daypart_of_other_zone_and_naive() -> None:
    new_york = ZoneInfo("America/New_York")
    assert daypart_of(datetime(2024, 6, 12, 11, 30, tzinfo=UTC), new_york) == (2, "ochtend")
    assert daypart_of(datetime(2024, 6, 12, 11, 30, tzinfo=UTC)) == (2, "middag")  # default zone
    with pytest.raises(ValueError, match="timezone-aware"):
        daypart_of(datetime(2024, 6, 12, 14, 0), AMS)


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"when_kind": "asap", "when_start": None}, minutes(30)),
        ({"when_kind": "asap", "when_start": None, "urgent": True}, minutes(30)),
        ({"when_start": NOW + timedelta(days=3), "urgent": True}, minutes(30)),
        ({"when_kind": "flexible", "when_start": None}, timedelta(hours=4)),
        ({"when_kind": "flexible", "when_start": NOW + timedelta(minutes=20)}, timedelta(hours=4)),
        ({"when_start": NOW + timedelta(days=3)}, timedelta(hours=4)),
        ({"when_start": NOW + timedelta(hours=24, minutes=1)}, timedelta(hours=4)),
        ({"when_start": NOW + timedelta(hours=24)}, timedelta(hours=1)),
        ({"when_start": NOW + timedelta(hours=5)}, timedelta(hours=1)),
        ({"when_kind": "daypart", "when_start": NOW + timedelta(hours=5)}, timedelta(hours=1)),
        ({"when_start": NOW + timedelta(hours=2)}, timedelta(hours=1)),
        ({"when_start": NOW + minutes(90)}, minutes(45)),  # never past halfway to the start
        ({"when_start": NOW + minutes(40)}, minutes(20)),  # start within the timeout: half the time left
        ({"when_start": NOW + minutes(40), "urgent": True}, minutes(20)),
        ({"when_start": NOW + minutes(80), "urgent": True}, minutes(30)),
        ({"when_start": NOW + minutes(15)}, minutes(10)),  # floor
        ({"when_start": NOW - timedelta(hours=1)}, minutes(10)),  # already started (a daypart under way)
        ({"when_start": NOW + timedelta(days=3, hours=1), "urgent": False}, timedelta(hours=4)),
        # A UTC start is the same instant: 09:30 UTC is 11:30 in Amsterdam, 2.5 hours after NOW.
        ({"when_start": datetime(2024, 6, 10, 9, 30, tzinfo=UTC)}, minutes(60)),
        ({"when_start": datetime(2024, 6, 10, 7, 40, tzinfo=UTC)}, minutes(20)),
    ],
)
def test_wave_timeout(changes: dict[str, Any], expected: timedelta) -> None:
    assert wave_timeout(need(**changes), NOW) == expected


def test_wave_timeout_refuses_naive_now() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        wave_timeout(need(), datetime(2024, 6, 10, 9, 0))


# Property: whatever storage hands over, rank is total, consistent with `exclusion` and order-free.

PEOPLE = st.integers(min_value=1, max_value=12)  # small, so duplicates and the requester turn up
SLOTS = st.tuples(st.integers(min_value=0, max_value=6), st.sampled_from(DAYPARTS))
DISTANCES = st.one_of(
    st.floats(min_value=0.0, max_value=8.0),
    st.sampled_from([0.0, 5.0, -1.0, math.inf, -math.inf, math.nan]),
)
OFFSETS = st.integers(min_value=-3 * 24 * 60, max_value=10 * 24 * 60).map(lambda m: timedelta(minutes=m))
ZONES = st.sampled_from([AMS, UTC])

CANDIDATES = st.builds(
    Candidate,
    person_id=PEOPLE,
    neighbourhood=st.sampled_from(["centrum", "oost", "west"]),
    distance_km=DISTANCES,
    categories=st.frozensets(st.sampled_from(CATEGORIES), max_size=4),
    availability=st.frozensets(SLOTS, max_size=5),
    tasks_this_week=st.integers(min_value=-1, max_value=6),
    weekly_limit=st.integers(min_value=-1, max_value=6),
    languages=st.frozensets(st.sampled_from(["nl", "en", "ar"]), max_size=3),
    verified=st.booleans(),
    paused_until=st.one_of(st.none(), OFFSETS.map(lambda d: NOW + d)),
    helped_requester_before=st.integers(min_value=-1, max_value=9),
    declined_this_request=st.booleans(),
    already_asked=st.booleans(),
)


@st.composite
def needs(draw: st.DrawFn) -> HelpNeed:
    when_kind = draw(st.sampled_from(WHEN_KINDS))
    start = None
    if when_kind in ("moment", "daypart") or draw(st.booleans()):
        start = (NOW + draw(OFFSETS)).astimezone(draw(ZONES))
    return HelpNeed(
        request_id=draw(st.integers(min_value=1, max_value=10**6)),
        requester_id=draw(PEOPLE),
        category=draw(st.sampled_from(CATEGORIES)),
        neighbourhood=draw(st.sampled_from(["centrum", "oost"])),
        language=draw(st.sampled_from(LANGUAGES)),
        when_kind=when_kind,
        when_start=start,
        urgent=draw(st.booleans()),
    )


@settings(max_examples=300, deadline=None)
@given(
    the_need=needs(),
    candidates=st.lists(CANDIDATES, max_size=25),
    max_distance_km=st.sampled_from([0.0, 2.5, 5.0]),
    data=st.data(),
)
def test_rank_properties(
    the_need: HelpNeed, candidates: list[Candidate], max_distance_km: float, data: st.DataObject
) -> None:
    ranked = rank(the_need, candidates, NOW, max_distance_km=max_distance_km)

    ids = order(ranked)
    assert len(ids) == len(set(ids))
    everyone = {c.person_id for c in candidates}
    excluded = {
        c.person_id
        for c in candidates
        if exclusion(the_need, c, NOW, max_distance_km=max_distance_km) is not None
    }
    # Exactly the people with no excluded copy are ranked.
    assert set(ids) == everyone - excluded
    for r in ranked:
        assert math.isfinite(r.score) and r.score >= 0
        assert r.reasons
    keys = [(-r.score, r.person_id) for r in ranked]
    assert keys == sorted(keys)

    shuffled = data.draw(st.permutations(candidates))
    assert rank(the_need, shuffled, NOW, max_distance_km=max_distance_km) == ranked

    # next_wave and wave_timeout are total on the same inputs.
    assert next_wave(ranked) == ranked[:3]
    assert wave_timeout(the_need, NOW) >= timedelta(minutes=10)
