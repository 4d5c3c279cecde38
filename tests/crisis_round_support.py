# Messages are kept as typed (Turkish dotless i).
# ruff: noqa: RUF001
"""What the crisis rounds (tests/test_understanding_redteam28.py, 30.py) share: where a case is sent from,
the replay of its messages through `step`, and the cases as pytest parameters."""

from __future__ import annotations

from typing import Any

import pytest

from flows.profile import after
from tests.dialogue_redteam_support import CARER, CHECKIN, CLOCK, INVITE, RIA, event_of, menu_state, step
from tests.test_dialogues_redteam5 import OFFER
from tests.test_dialogues_redteam10 import THREAD

IN_A_THREAD = {**RIA, "threads": [THREAD]}
HENK = {"first_name": "Henk", "neighbourhood": "molenwijk", "consented": True, "offer": OFFER}
ASKED = {
    "nl": "boodschappen doen voor deze week",
    "en": "shopping for this week",
    "tr": "haftalık market alışverişi",
    "ar": "مشتريات الأسبوع",
    "pl": "zakupy na ten tydzień",
    "uk": "покупки на цей тиждень",
}


def start_of(start: str) -> tuple[dict[str, Any], dict[str, Any], tuple[Any, ...]]:
    """ "menu", "checkin", "ask_when", "invitation" or "thread", with ":lang" (nl when none): the state,
    the profile and what is sent first to get there."""
    place, _, lang = start.partition(":")
    lang = lang or "nl"
    if place == "ask_when":
        return (menu_state(lang), RIA, ("1", "1", ASKED[lang]))
    if place == "checkin":
        return (menu_state(lang), CARER, (CHECKIN,))
    if place == "invitation":
        return (menu_state(lang), HENK, (INVITE,))
    if place == "thread":
        return (menu_state(lang), IN_A_THREAD, ())
    return (menu_state(lang), RIA, ())


def replay_messages(start: str, messages: tuple[Any, ...]) -> tuple[list[Any], list[dict[str, Any]]]:
    """The results of `messages` sent from `start`, and the state just before each."""
    from tests.golden_runner import profile_from

    state, profile_data, before = start_of(start)
    state = dict(state)
    profile = profile_from(dict(profile_data))
    results, priors = [], []
    for index, sent in enumerate((*before, *messages)):
        prior = state
        result = step(state, event_of(sent), CLOCK, profile)
        profile = after(profile, result.effects)
        state = result.state
        if index >= len(before):
            results.append(result)
            priors.append(prior)
    return results, priors


def case_params(cases: list[Any]) -> list[Any]:
    """The cases named by their ids; a known gap is a strict xfail."""
    return [
        pytest.param(
            case, id=case.id, marks=[pytest.mark.xfail(strict=True, reason=case.gap)] if case.gap else []
        )
        for case in cases
    ]
