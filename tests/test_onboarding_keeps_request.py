"""A request written instead of an onboarding answer is kept, said to be kept, and not asked again.

"hallo" starts onboarding; at "Hoe mag ik je noemen?" many people write what they came for ("kan er
iemand dinsdag met me naar de dokter"). That is no name: before, the bot only said "Stuur alleen je
voornaam" (the person heard nothing of their request) and kept the request without its time, so after
onboarding the ask flow asked "Wanneer?" about a Tuesday already said. Now the request is kept with its
time (flows/onboarding.py `_kept`, `now` from the turn), the person hears "Eerst nog een paar korte
vragen. Daarna zetten we je vraag uit." and the open question as first asked; the same at the
neighbourhood and consent questions. Replayed through `flows.conversation.step` (pure, no network).
"""

# ruff: noqa: RUF001

from __future__ import annotations

import pytest

from flows.types import StepResult
from tests.dialogue_redteam_support import replay_texts


def replay(texts: list[str]) -> list[StepResult]:
    """A new person (no state, no profile) sending these texts."""
    return replay_texts(texts, state={}, profile={})


def keys(result: StepResult) -> list[str]:
    return [reply.key for reply in result.replies]


@pytest.mark.parametrize(
    ("request_text", "category", "followed"),
    [
        ("kan er iemand dinsdag met me naar de dokter", "vervoer", []),
        ("ik zoek iemand die dinsdag boodschappen voor me doet", "boodschappen", []),
        # A whole sentence in another language: the bot goes on in it (flows/conversation.py).
        ("I need someone to take me to the doctor on tuesday", "vervoer", ["language_followed"]),
        ("salı günü markete gidecek birine ihtiyacım var", "boodschappen", ["language_followed"]),
    ],
)
def test_a_request_at_the_name_question_is_kept_with_its_time(
    request_text: str, category: str, followed: list[str]
) -> None:
    hello, kept, named, placed, consented = replay(["hallo", request_text, "Joke", "7391", "ja"])
    assert keys(hello)[-1] == "ask_name"
    assert keys(kept) == [*followed, "request_kept_onboarding", "ask_name"]
    assert kept.state["pending"]["category"] == category
    assert kept.state["pending"]["when"], "the Tuesday is kept, placed on the calendar"
    assert keys(named)[0] == "name_thanks"
    assert "ask_neighbourhood" in keys(placed) or "consent_question" in keys(placed)
    # After consent the request goes on from what was said: no "Wanneer?" about the Tuesday.
    assert "ask_when" not in keys(consented)
    assert keys(consented)[-1] == "ask_summary"
    assert consented.state["ask"]["category"] == category
    assert consented.state["ask"]["when"]["start"].startswith("2026-11-24")


def test_a_request_at_the_neighbourhood_question_is_kept_and_the_question_asked_again() -> None:
    *_, kept, placed, consented = replay(
        ["hallo", "Joke", "ik zoek iemand voor mijn tuin, zaterdag", "bloemhof", "ja"]
    )
    assert keys(kept) == ["request_kept_onboarding", "ask_neighbourhood"]
    assert kept.replies[1].choices, "the neighbourhoods to pick from, as first asked"
    assert keys(placed) == ["neighbourhood_thanks", "consent_question"]
    assert keys(consented)[-1] == "ask_summary"
    assert consented.state["ask"]["category"] == "tuin"


def test_a_request_at_the_consent_question_is_kept_and_consent_asked_again() -> None:
    *_, kept, consented = replay(
        ["hallo", "Joke", "molenwijk", "kan iemand morgen mijn boodschappen doen", "ja"]
    )
    assert keys(kept) == ["request_kept_onboarding", "consent_question"]
    assert "record_consent" not in [e.kind for e in kept.effects]
    assert keys(consented)[-1] == "ask_summary"


def test_what_is_no_request_still_gets_the_plain_question_again() -> None:
    """A question back, a word that is no name, an unknown place: asked again as before, nothing kept. A
    question about Voordeur itself is answered first (flows/faq.py; it was "ask_name_again" alone)."""
    _, at_name = replay(["hallo", "wie ben jij eigenlijk"])
    assert keys(at_name) == ["faq_who", "ask_name"] and "pending" not in at_name.state
    *_, at_place = replay(["hallo", "Joke", "weet ik niet precies"])
    assert keys(at_place) == ["neighbourhood_unknown"] and "pending" not in at_place.state
    *_, at_consent = replay(["hallo", "Joke", "molenwijk", "wat betekent dat"])
    assert keys(at_consent) == ["consent_again"] and "pending" not in at_consent.state


def test_a_second_request_does_not_replace_the_first() -> None:
    """The first message's request is kept; another at the name question is not taken over it."""
    first, second = replay(["ik zoek iemand die boodschappen voor me doet", "ik wil ook hulp met de tuin"])
    assert first.state["pending"]["category"] == "boodschappen"
    assert keys(second) == ["ask_name_again"]
    assert second.state["pending"]["category"] == "boodschappen"
