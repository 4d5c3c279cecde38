"""Cases in the corpus format (`../shared/understanding/README.md`) and how a reading is scored.

A case passes when the reading says exactly what `expect` says: every expected key with its value,
and no key `expect` lacks (an added category, time or crisis is a mistake). `"crisis": false` in
`expect` marks a look-alike: it passes only when no crisis is read. Crises and look-alikes are
counted apart: a missed crisis is far worse than a false alarm.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from flows.understanding.reading import read


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    context: str
    text: str
    lang: str | None = None
    channel: str | None = None
    expect: Mapping[str, Any] = field(default_factory=dict)


def load(path: Path) -> Iterator[Case]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            data = json.loads(line)
            try:
                yield Case(
                    id=str(data["id"]),
                    context=str(data["context"]),
                    text=str(data["text"]),
                    lang=data.get("lang"),
                    channel=data.get("channel"),
                    expect=data.get("expect") or {},
                )
            except KeyError as exc:
                raise ValueError(f"{path.name} line {number}: missing {exc}") from None


def reading_of(case: Case, now: datetime | None = None) -> dict[str, Any]:
    """The reading in corpus keys. The case's `lang` is the language the person wrote in, which the
    bot does not know beforehand on a first message: it is passed only as the conversation's
    language would be, so detection is exercised where it matters (first message, any state)."""
    hint = None if case.context in ("first_message", "any_state") else case.lang
    return read(case.context, case.text, lang=hint, channel=case.channel, now=now).to_corpus()


def _same(key: str, expected: Any, got: Any) -> bool:
    if isinstance(expected, str) and isinstance(got, str):
        return " ".join(expected.casefold().split()) == " ".join(got.casefold().split())
    return bool(expected == got)


def passes(expect: Mapping[str, Any], reading: Mapping[str, Any]) -> bool:
    wanted = {key: value for key, value in expect.items() if value is not False}
    if set(reading) != set(wanted):
        return False
    return all(_same(key, value, reading[key]) for key, value in wanted.items())


@dataclass
class Score:
    total: int = 0
    passed: int = 0
    by_context: Counter[str] = field(default_factory=Counter)
    passed_by_context: Counter[str] = field(default_factory=Counter)
    by_lang: Counter[str] = field(default_factory=Counter)
    passed_by_lang: Counter[str] = field(default_factory=Counter)
    crises: int = 0
    crises_recalled: int = 0  # a crisis read, with the right number
    lookalikes: int = 0
    false_alarms: int = 0  # a crisis read where there is none (look-alikes and ordinary cases)
    failures: list[tuple[Case, dict[str, Any]]] = field(default_factory=list)

    def add(self, case: Case, reading: Mapping[str, Any]) -> None:
        ok = passes(case.expect, reading)
        lang = case.lang or "?"
        self.total += 1
        self.by_context[case.context] += 1
        self.by_lang[lang] += 1
        if ok:
            self.passed += 1
            self.passed_by_context[case.context] += 1
            self.passed_by_lang[lang] += 1
        else:
            self.failures.append((case, dict(reading)))
        expected_crisis = case.expect.get("crisis")
        if expected_crisis:
            self.crises += 1
            self.crises_recalled += reading.get("crisis") == expected_crisis
        else:
            self.lookalikes += expected_crisis is False
            self.false_alarms += "crisis" in reading

    @property
    def share(self) -> float:
        return self.passed / self.total if self.total else 0.0

    def report(self) -> str:
        lines = [f"understood {self.passed}/{self.total} ({self.share:.1%})"]
        lines.append(f"crises recalled with the right number {self.crises_recalled}/{self.crises}")
        lines.append(f"false alarms {self.false_alarms} (look-alike cases {self.lookalikes})")
        for name, totals, passed in (
            ("context", self.by_context, self.passed_by_context),
            ("language", self.by_lang, self.passed_by_lang),
        ):
            for key in sorted(totals):
                lines.append(f"  {name} {key}: {passed[key]}/{totals[key]}")
        return "\n".join(lines)


def score(cases: Iterable[Case], now: datetime | None = None) -> Score:
    result = Score()
    for case in cases:
        result.add(case, reading_of(case, now))
    return result
