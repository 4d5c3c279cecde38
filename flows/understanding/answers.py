"""Answers to the bot's closed questions: yes/no, an option, urgency, an invitation."""

from __future__ import annotations

from datetime import datetime


def read_yes_no(text: str, lang: str = "nl", *, allow_question: bool = False) -> tuple[str | None, float]:
    """("yes" / "no" / "question" or None, confidence)."""
    return None, 0.0


def read_category(text: str, lang: str = "nl") -> tuple[str | None, float]:
    return None, 0.0


def read_urgency(text: str, lang: str = "nl") -> tuple[str | None, float]:
    return None, 0.0


def read_invitation(
    text: str, lang: str = "nl", now: datetime | None = None
) -> tuple[str | None, str | None, float]:
    """(answer "yes"/"no"/"later" or None, condition or None, confidence)."""
    return None, None, 0.0


def read_option(text: str, options: list[tuple[str, str]], lang: str = "nl") -> tuple[str | None, float]:
    """The offered option `[(key, label)]` a free answer means, or None, with a confidence."""
    return None, 0.0
