"""Answers to the bot's closed questions: yes/no, an option, urgency, an invitation."""

from __future__ import annotations

from datetime import datetime

from flows.understanding import categories


def read_yes_no(text: str, lang: str = "nl", *, allow_question: bool = False) -> tuple[str | None, float]:
    """("yes" / "no" / "question" or None, confidence)."""
    return None, 0.0


def read_category(text: str, lang: str = "nl") -> tuple[str | None, float]:
    """(kind of help or None, confidence): see `flows.understanding.categories.read_category`."""
    return categories.read_category(text, lang)


def read_urgency(text: str, lang: str = "nl") -> tuple[str | None, float]:
    return None, 0.0


def read_invitation(
    text: str, lang: str = "nl", now: datetime | None = None
) -> tuple[str | None, str | None, float]:
    """(answer "yes"/"no"/"later" or None, condition or None, confidence)."""
    return None, None, 0.0
