"""A mantelzorger's answer to "Hoe gaat het met zorgen voor ...? 1 Goed 2 Gaat wel 3 Zwaar"."""

from __future__ import annotations


def read_checkin(text: str, lang: str = "nl") -> tuple[str | None, bool, float]:
    """(answer "good"/"okay"/"heavy" or None, distress, confidence)."""
    return None, False, 0.0
