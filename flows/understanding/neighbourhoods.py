"""A neighbourhood by name, alias, typo or postcode (in digits or in words)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PlaceReading:
    neighbourhood: str | None = None
    postcode: str | None = None
    confidence: float = 0.0


def read_neighbourhood(text: str, lang: str = "nl", municipality: Any = None) -> PlaceReading:
    return PlaceReading()
