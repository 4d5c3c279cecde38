"""When a request's time is over (flows/matching.py `time_ends`, `lapse_at`), and what
the resident and their circle read when nobody was found in time. Pure: no database, no clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from flows import catalogue
from flows.conversation import step
from flows.matching import LATE_YES, lapse_at, time_ends
from flows.profile import Profile
from flows.types import Event, StepResult
from flows.when import AMSTERDAM, When, parse_when

# Monday 23 November 2026, 11:00 in Amsterdam.
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
TUESDAY = datetime(2026, 11, 24, tzinfo=AMSTERDAM)
RIA = Profile(first_name="Ria", neighbourhood="molenwijk", consented=True)


def at(day: datetime, hour: int, minute: int = 0) -> datetime:
    return day.replace(hour=hour, minute=minute)


@pytest.mark.parametrize(
    ("said", "ends", "lapses"),
    [
        # A moment: nobody new is asked once it began; those asked may say yes a little late.
        ("morgen om 10 uur", at(TUESDAY, 10), at(TUESDAY, 10) + LATE_YES),
        # A daypart and a day without an hour: until their end.
        ("dinsdagochtend", at(TUESDAY, 12), at(TUESDAY, 12)),
        ("morgenavond", at(TUESDAY, 21), at(TUESDAY, 21)),
        ("dinsdag", at(TUESDAY, 21), at(TUESDAY, 21)),
        # A daypart under way ends when it would have anyway (start is now, 11:00).
        (
            "vanochtend",
            datetime(2026, 11, 23, 12, 0, tzinfo=AMSTERDAM),
            datetime(2026, 11, 23, 12, 0, tzinfo=AMSTERDAM),
        ),
    ],
)
def test_a_one_off_time_ends_at_its_start_or_at_the_end_of_its_daypart_or_day(
    said: str, ends: datetime, lapses: datetime
) -> None:
    when = parse_when(said, NOW)
    assert when is not None
    assert time_ends(when) == ends
    assert lapse_at(when) == lapses


@pytest.mark.parametrize(
    "said", ["zo snel mogelijk", "maakt niet uit", "elke dinsdag om 10 uur", "elke ochtend"]
)
def test_a_time_that_does_not_end_never_lapses(said: str) -> None:
    """As soon as possible, any time, and what repeats (next week is still ahead) are matched as before."""
    when = parse_when(said, NOW)
    assert when is not None
    assert time_ends(when) is None and lapse_at(when) is None


def test_the_end_of_a_daypart_is_local_time_across_a_clock_change() -> None:
    """Sunday 29 March 2026 the clocks go forward: the evening still ends at 21:00 on the street."""
    when = When("daypart", datetime(2026, 3, 29, 17, 0, tzinfo=AMSTERDAM), "avond")
    ends = time_ends(when)
    assert ends is not None and ends.astimezone(AMSTERDAM).hour == 21
    assert ends.astimezone(UTC) == datetime(2026, 3, 29, 19, 0, tzinfo=UTC)


def test_a_stored_time_with_only_an_offset_ends_in_amsterdam() -> None:
    stored = When("daypart", datetime(2026, 11, 24, 9, 0, tzinfo=AMSTERDAM), "ochtend").to_json()
    stored["zone"] = None
    ends = time_ends(When.from_json(stored))
    assert ends is not None and ends.astimezone(UTC) == datetime(2026, 11, 24, 11, 0, tzinfo=UTC)


def internal(command: str, **meta: Any) -> Event:
    return Event(kind="internal", command=command, meta=meta)


def said(result: StepResult, lang: str) -> list[str]:
    return [catalogue.message_with_lead(r.key, lang, r.params, lead=r.lead) for r in result.replies]


TUESDAY_10 = When("moment", at(TUESDAY, 10)).to_json()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "nl",
            "Sorry, voor je vraag (boodschappen, dinsdag 24 november, 10:00) is niemand op tijd gevonden.",
        ),
        ("en", "Sorry, nobody was found in time for your request (groceries, Tuesday 24 November, 10:00)."),
    ],
)
def test_the_resident_hears_once_that_nobody_was_found_in_time_and_how_to_ask_again(
    lang: str, words: str
) -> None:
    state = {"greeted": True, "flow": "menu", "lang": lang, "offered": []}
    result = step(
        state, internal("request_expired", request_id=7, category="boodschappen", when=TUESDAY_10), NOW, RIA
    )
    [body] = said(result, lang)
    assert body.startswith(words)
    assert "MENU" in body and result.effects == ()


@pytest.mark.parametrize("lang", catalogue.LANGUAGES)
def test_the_lapse_texts_exist_in_every_language_with_the_same_placeholders(lang: str) -> None:
    for key in ("request_expired", "circle_update_request_expired"):
        assert catalogue.entries()[key].get(lang), (key, lang)
    text = catalogue.render("request_expired", lang, {"category": "X", "when": "Y"})
    assert "X" in text and "Y" in text and "MENU" in text


def test_the_circle_reads_that_nobody_was_found_in_time() -> None:
    state = {"greeted": True, "flow": "menu", "lang": "nl", "offered": []}
    event = internal(
        "circle_update",
        kind="request_expired",
        name="Ria",
        request_id=7,
        category="boodschappen",
        when=TUESDAY_10,
    )
    [body] = said(step(state, event, NOW + timedelta(days=1), RIA), "nl")
    assert body == (
        "Voor de hulpvraag van Ria over boodschappen (dinsdag 24 november, 10:00) is op tijd niemand "
        "gevonden. De vraag is gestopt."
    )
