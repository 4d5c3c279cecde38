"""Crisis words for the conversation: a message that may mean danger gets the right emergency numbers at
once, staff are alerted with high priority, and nothing automatic (no flow step, no matching, no relay)
uses it.

The reading itself lives in `flows.understanding.crisis` (six languages, concepts and rules, idioms that
must not fire; words in flows/understanding/data/crisis.toml). This module keeps the names the
conversation's texts and alerts use: "suicide" (113), "medical" (112), "violence" (Veilig Thuis).
"""

from __future__ import annotations

from flows.understanding import crisis as reader

KINDS = ("suicide", "violence", "medical")
# The reader's numbers under the conversation's names (texts crisis_<kind>, alerts crisis_<kind>).
_NAMES = {"113": "suicide", "112": "medical", "veilig_thuis": "violence"}


def detect(text: str) -> str | None:
    """The kind of crisis a message may signal (suicide, violence, medical), or None. Every language is
    read: someone may switch language in a crisis."""
    found = reader.detect(text)
    return _NAMES[found] if found else None
