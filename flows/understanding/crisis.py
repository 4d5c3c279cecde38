"""Crisis in every language: 113 (suicidal thoughts, self-harm), 112 (a fall without getting up,
someone not responding, chest pain, danger from a stranger), Veilig Thuis (violence or threats at home).
"""

from __future__ import annotations

from flows import crisis as old

_KINDS = {"suicide": "113", "medical": "112", "violence": "veilig_thuis"}


def detect(text: str, lang: str = "nl") -> str | None:
    """ "113", "112", "veilig_thuis" or None."""
    kind = old.detect(text)
    return _KINDS[kind] if kind else None
