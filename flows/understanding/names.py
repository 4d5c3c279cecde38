"""The name someone gives when asked "Hoe mag ik je noemen?", or None when the answer is no name."""

from __future__ import annotations


def read_name(text: str, lang: str = "nl") -> tuple[str | None, float]:
    return None, 0.0
