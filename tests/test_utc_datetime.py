"""Timestamps are stored as naive UTC on both databases; the bound value of a recent instant is
remembered (storage.models.UTCDateTime.bind_processor), and must be what converting it anew gives."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from storage.models import UTCDateTime

DIALECTS = {"sqlite": sqlite.dialect(), "postgresql": postgresql.psycopg.dialect()}


def _fresh(dialect: Dialect, value: datetime) -> object:
    """The value bound without the memory: the conversion, then the dialect's own processor."""
    converted = UTCDateTime().process_bind_param(value, dialect)
    impl = UTCDateTime().impl_instance.dialect_impl(dialect).bind_processor(dialect)
    return converted if impl is None else impl(converted)


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_a_remembered_instant_binds_as_a_fresh_conversion_in_any_zone(name: str) -> None:
    dialect = DIALECTS[name]
    bind = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
    assert bind is not None
    randomness = random.Random(16)
    start = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # the night the clocks change
    instants = [start + timedelta(microseconds=randomness.randrange(10**11)) for _ in range(400)]
    zones = [UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=2)), timezone(timedelta(hours=-5))]
    for round_ in range(3):  # the first round fills the memory, the later ones read it
        for index, instant in enumerate(instants):
            value = instant.astimezone(zones[(index + round_) % len(zones)])
            assert bind(value) == _fresh(dialect, value), (round_, value)
    assert bind(None) is None


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_a_naive_timestamp_is_refused_even_when_its_aware_twin_was_bound(name: str) -> None:
    dialect = DIALECTS[name]
    bind = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
    assert bind is not None
    aware = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
    bind(aware)
    with pytest.raises(ValueError, match="naive"):
        bind(aware.replace(tzinfo=None))
