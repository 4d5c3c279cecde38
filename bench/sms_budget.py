"""SMS budgets per language: how many `sms = true` texts fit one segment, and the average segments.

Dutch and English must fit one GSM-7 segment (tests/test_catalogue.py). Turkish, Arabic, Polish and
Ukrainian letters force UCS-2 (70 characters a segment), so there the catalogue only aims short; this
prints what it costs. Texts are measured as sent before their parameters are filled in (a name or a time
adds a few characters), with the menu's numbered choices for the texts that come with the menu.

    PYTHONPATH=$PWD .venv/bin/python -m bench.sms_budget
"""

from __future__ import annotations

from dataclasses import dataclass

from flows import catalogue

# Texts sent together with the main menu's numbered choices.
WITH_MENU = frozenset({"welcome", "menu", "start_confirmed", "language_set", "language_set_other"})


def sms_text(key: str, language: str) -> str:
    """The text as an SMS carries it: with the menu's numbered choices where the menu follows."""
    from bot.channels.render import numbered
    from flows.menu import MENU_CHOICES

    text = catalogue.template(key, language)
    if key not in WITH_MENU:
        return text
    menu = tuple((choice.key, catalogue.render(choice.label_key, language)) for choice in MENU_CHOICES)
    return numbered(text, menu)


def sms_keys() -> list[str]:
    return [key for key, entry in sorted(catalogue.entries().items()) if entry.get("sms")]


@dataclass(frozen=True)
class Budget:
    language: str
    texts: int  # sms texts written in the language itself (not fallen back)
    one_segment: int
    segments: int  # total over those texts
    ucs2: int  # texts that need UCS-2 (70 characters a segment)

    @property
    def share_one(self) -> float:
        return self.one_segment / self.texts if self.texts else 0.0

    @property
    def average(self) -> float:
        return self.segments / self.texts if self.texts else 0.0


def budget(language: str, *, core_only: bool = False) -> Budget:
    """The sms texts written in `language` itself (all of them, or those on the core path)."""
    texts = [
        sms_text(key, language)
        for key in sms_keys()
        if catalogue.own_text(key, language) is not None and (catalogue.is_core(key) or not core_only)
    ]
    counts = [catalogue.sms_segments(text) for text in texts]
    ucs2 = sum(1 for text in texts if catalogue.gsm7_length(text) is None)
    return Budget(language, len(counts), sum(1 for n in counts if n == 1), sum(counts), ucs2)


def table(*, core_only: bool = False) -> str:
    total = len([key for key in sms_keys() if catalogue.is_core(key) or not core_only])
    lines = [
        "| language | sms texts translated | in one segment | share | average segments | need UCS-2 |",
        "|---|---|---|---|---|---|",
    ]
    for language in catalogue.LANGUAGES:
        b = budget(language, core_only=core_only)
        lines.append(
            f"| {language} | {b.texts} of {total} | {b.one_segment} | {b.share_one:.0%} "
            f"| {b.average:.2f} | {b.ucs2} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print("All `sms = true` texts:\n")
    print(table())
    print("\nThe core path only (catalogue.CORE_PATH):\n")
    print(table(core_only=True))
