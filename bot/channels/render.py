"""Rendering of choices for channels that have no buttons (SMS, WhatsApp without templates)."""

from __future__ import annotations


def numbered(text: str, choices: tuple[tuple[str, str], ...]) -> str:
    """Append choices as numbered lines: "1 Ja", "2 Nee". The flow maps a typed "1" back to the key."""
    if not choices:
        return text
    lines = [f"{index} {label}" for index, (_key, label) in enumerate(choices, start=1)]
    return text + "\n" + "\n".join(lines)
