"""What a first message, or a message at the menu, wants; and words about the conversation itself."""

from __future__ import annotations

from dataclasses import dataclass

INTENTS = ("ask", "offer", "service_question", "activity", "human", "stop", "greeting", "crisis")
# Intents whose message may carry a time worth reading.
WITH_TIME = frozenset({"ask", "offer", "activity"})


@dataclass(frozen=True, slots=True)
class IntentReading:
    intent: str | None
    category: str | None = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class StateWords:
    """Words about the conversation in any state: stop, human, menu, language (with `language`)."""

    intent: str
    language: str | None = None
    confidence: float = 1.0


def read_intent(text: str, lang: str = "nl", *, context: str = "first_message") -> IntentReading:
    return IntentReading(None)


def read_any_state(text: str, lang: str = "nl") -> StateWords | None:
    return None


def command_in(text: str, lang: str = "nl") -> str | None:
    """A bot command said in plain words ("ik wil mijn vragen zien" -> "my_requests"), or None."""
    return None
