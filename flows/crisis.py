"""Crisis words for the conversation: a message that may mean danger gets the right emergency numbers at
once, staff are alerted with high priority, and nothing automatic (no flow step, no matching, no relay)
uses it.

The reading itself lives in `flows.understanding.crisis` (six languages, concepts and rules, idioms that
must not fire; words in flows/understanding/data/crisis.toml). This module keeps the names the
conversation's texts and alerts use: "suicide" (113), "medical" (112), "violence" (Veilig Thuis).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from flows.understanding import crisis as reader

KINDS = ("suicide", "violence", "medical")
# The reader's numbers under the conversation's names (texts crisis_<kind>, alerts crisis_<kind>).
_NAMES = {"113": "suicide", "112": "medical", "veilig_thuis": "violence"}


def detect(text: str) -> str | None:
    """The kind of crisis a message may signal (suicide, violence, medical), or None. Every language is
    read: someone may switch language in a crisis."""
    found = reader.detect(text)
    return _NAMES[found] if found else None


# A crisis said in pieces ("ik wil niet" / "meer leven", "mijn man ligt op de grond" / "hij zegt niks meer"):
# the last words of the messages before are kept for a short while and read with the next one.
PIECE = "crisis_piece"
# Pieces come within minutes of each other; older words are another conversation.
PIECE_MINUTES = 10
# The words kept: the end of what came before is what the next piece goes on with, and a short tail keeps
# the state small and far-apart words from meeting.
PIECE_WORDS = 14


def earlier_piece(state: dict[str, Any], now: datetime) -> str | None:
    """The words kept from the messages just before (taken out of the state), or None when there are none
    or they are older than `PIECE_MINUTES`."""
    kept = state.pop(PIECE, None)
    text = kept.get("text") if isinstance(kept, dict) else None
    if not isinstance(kept, dict) or not isinstance(text, str):
        return None
    try:
        recent = (
            timedelta(0)
            <= now - datetime.fromisoformat(str(kept.get("at")))
            <= timedelta(minutes=PIECE_MINUTES)
        )
    except (TypeError, ValueError):  # no time, or one with and one without a time zone
        return None
    return text if recent else None


def detect_in_pieces(earlier: str | None, text: str) -> str | None:
    """The kind of crisis the message says, alone or together with the pieces before it, read as one
    message as the person would have written it (the earlier words read no crisis alone: a crisis answer
    keeps no piece). One thing the earlier words may also do: set up a report ("op tv zag ik" / "dat
    iemand van de flat sprong"), which the message alone would read as a crisis and together does not."""
    alone = detect(text)
    if not earlier:
        return alone
    together = detect(f"{earlier} {text}")
    if alone is not None and together is None and reader.frames_a_report(earlier):
        return None
    return alone or together


def piece_to_keep(earlier: str | None, text: str, now: datetime) -> dict[str, str] | None:
    """What the state keeps of this message for the next one: its last words, after the recent pieces
    before it (three pieces say "ik heb" / "al mijn pillen" / "ingenomen")."""
    words = f"{earlier or ''} {text}".split()
    if not words:
        return None
    return {"text": " ".join(words[-PIECE_WORDS:]), "at": now.isoformat()}
