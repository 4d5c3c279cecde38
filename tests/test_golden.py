"""Every golden transcript file replays exactly (see tests/golden_runner.py)."""

from __future__ import annotations

import pytest

from flows import catalogue
from tests.golden_runner import GOLDEN_DIR, check_file

FILES = sorted(path.name for path in GOLDEN_DIR.glob("*.json"))


def test_there_are_golden_files() -> None:
    assert "menu.json" in FILES


@pytest.mark.parametrize("name", FILES)
def test_golden_transcripts(name: str) -> None:
    for case_name, expected, actual in check_file(name):
        assert actual == expected, f"{name}: case {case_name!r} differs (VOORDEUR_REGEN_GOLDEN=1 to review)"


def as_sms(rendered: str) -> str:
    """A transcript message as SMS shows it: "[key] label" lines become numbered options."""
    lines = rendered.split("\n")
    text = [line for line in lines if not line.startswith("[")]
    options = [line.split("] ", 1)[1] for line in lines if line.startswith("[")]
    return "\n".join(text + [f"{n} {label}" for n, label in enumerate(options, start=1)])


# Texts that repeat the person's own words cannot promise one segment; they are flagged without
# `sms = true` in flows/texts.toml and recognised here by their fixed opening.
OWN_WORDS = (
    "Je vraag:",
    "Your request:",
    "Wil je deze vraag annuleren?",
    "Do you want to cancel this request?",
    # The offer summary lists every choice (kinds, where, when, how often, languages) so that nothing
    # is signed up for unseen; with a few kinds and its three or four choices it already needs two
    # segments, and splitting it would only spread one question over more messages.
    "Je aanbod:",
    "Your offer:",
)


REPAIR_LEADS = (
    *(
        catalogue.render(key, "nl", {"phone": ""}) + " "
        for key in ("repair_lead", "repair_offer_human", "repair_offer_human_nophone")
    ),
    # A question at an invitation ("hoe laat precies?", dialogue round 8) rides in front of the
    # invitation it asks again, as a repair lead does.
    catalogue.render("invite_question_lead", "nl", {"name": catalogue.render("neighbour_fallback", "nl")})
    + " ",
)


def _without_lead(message: str) -> str:
    for lead in REPAIR_LEADS:
        if message.startswith(lead):
            return message.removeprefix(lead)
    return message


# Conversations in Turkish, Arabic, Polish or Ukrainian are UCS-2 by nature: their budget is measured
# per language (bench/sms_budget.py, docs/languages.md), not held to one GSM-7 segment.
OTHER_LANGUAGE_FILES = frozenset({"people_languages.json"})


@pytest.mark.parametrize("name", sorted(set(FILES) - OTHER_LANGUAGE_FILES))
def test_every_transcript_message_fits_one_gsm7_sms(name: str) -> None:
    from tests.test_catalogue import gsm7_length

    too_long = []
    for case_name, expected, _ in check_file(name):
        for turn in expected:
            for message in turn["out"]:
                if isinstance(message, str) and not message.startswith(OWN_WORDS):
                    # A repair lead ("Dat begreep ik niet helemaal.") rides in front of the question it
                    # repeats: one message, where the question itself must fit one segment.
                    sms = as_sms(_without_lead(message))
                    length = gsm7_length(sms)
                    if length is None or length > 160:
                        too_long.append((case_name, length, sms))
    assert too_long == []


def test_a_first_time_resident_with_a_request_sends_it_within_seven_messages() -> None:
    """Issue 15: a first message that says what and when reaches volunteers in at most 7 messages."""
    [(_, _, turns)] = [case for case in check_file("people.json") if "first-time SMS resident" in case[0]]
    sent_at = next(
        number
        for number, turn in enumerate(turns, start=1)
        if any(isinstance(out, dict) and out.get("effect") == "create_request" for out in turn["out"])
    )
    assert sent_at <= 7
