"""The municipality's dashboard: counts and shares only, never a name or a message.

Requests per week by category, the median time to a match, the share matched, the share of matches
that led to a real meeting and the mantelzorgers' check-in trend. A share with nothing to count yet
(no request matched) says "no data yet". Charts are inline SVG built here, so the page needs no
script and no chart library.
"""

from __future__ import annotations

import csv
import io
import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

from markupsafe import Markup
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from flows.matching import CATEGORIES
from storage.models import CareCheckin, HelpRequest, Meeting, Person

WEEKS = 8
# In this order in the chart (storage.models.CareCheckin.answer).
CHECKIN_ANSWERS = ("good", "okay", "heavy")
COLOURS = ("#2f6f4f", "#d08c2c", "#4a6fa5", "#b04a5a", "#7a5fa0", "#3f8f8f", "#8a8a3a", "#666666")


@dataclass
class Figures:
    weeks: list[str]
    per_week: dict[str, list[int]]  # category -> count per week
    total: int
    median_minutes: float | None
    share_matched: float | None
    share_met: float | None  # None: nothing matched yet
    checkins: dict[str, list[int]] = field(default_factory=dict)  # answer -> count per week


def _week_starts(now: datetime, zone: ZoneInfo) -> list[datetime]:
    local = now.astimezone(zone)
    monday = (local - timedelta(days=local.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    return [monday - timedelta(weeks=WEEKS - 1 - i) for i in range(WEEKS)]


def _week_index(moment: datetime, starts: list[datetime]) -> int | None:
    for index in range(len(starts) - 1, -1, -1):
        if moment >= starts[index]:
            return index
    return None


async def figures(session: AsyncSession, now: datetime, zone: ZoneInfo, tenant: str = "default") -> Figures:
    """The tenant's figures (a coordinator sees their own municipality's, never another's)."""
    starts = _week_starts(now, zone)
    since = starts[0]
    labels = [f"{start.isocalendar().year}-W{start.isocalendar().week:02d}" for start in starts]
    rows = (
        await session.execute(
            select(HelpRequest.created_at, HelpRequest.category, HelpRequest.status, HelpRequest.matched_at)
            .join(Person, Person.id == HelpRequest.person_id)
            .where(HelpRequest.created_at >= since, Person.tenant == tenant)
        )
    ).all()
    per_week = {category: [0] * WEEKS for category in CATEGORIES}
    waits: list[float] = []
    matched = decided = 0
    for created_at, category, status, matched_at in rows:
        index = _week_index(created_at, starts)
        if index is not None:
            per_week.setdefault(category, [0] * WEEKS)[index] += 1
        if matched_at is not None:
            matched += 1
            decided += 1
            waits.append((matched_at - created_at).total_seconds() / 60)
        elif status in ("unmatched", "expired"):
            decided += 1
    return Figures(
        weeks=labels,
        per_week={k: v for k, v in per_week.items() if any(v)},
        total=len(rows),
        median_minutes=statistics.median(waits) if waits else None,
        share_matched=matched / decided if decided else None,
        share_met=await _share_met(session, since, matched, tenant),
        checkins=await _checkins(session, starts, tenant),
    )


async def _share_met(session: AsyncSession, since: datetime, matched: int, tenant: str) -> float | None:
    """Of the requests matched in the period, the share with a meeting that happened
    (storage.models.Meeting status "happened", as recorded after "Is het gelukt?")."""
    if not matched:
        return None
    met = await session.execute(
        select(func.count(func.distinct(Meeting.request_id)))
        .join(HelpRequest, HelpRequest.id == Meeting.request_id)
        .join(Person, Person.id == HelpRequest.person_id)
        .where(
            Person.tenant == tenant,
            Meeting.status == "happened",
            HelpRequest.created_at >= since,
            HelpRequest.matched_at.is_not(None),
        )
    )
    return min(1.0, int(met.scalar_one()) / matched)


async def _checkins(session: AsyncSession, starts: list[datetime], tenant: str) -> dict[str, list[int]]:
    """Mantelzorgers' check-in answers per week (good, okay, heavy), by when they answered."""
    rows = await session.execute(
        select(CareCheckin.answered_at, CareCheckin.answer)
        .join(Person, Person.id == CareCheckin.person_id)
        .where(Person.tenant == tenant, CareCheckin.answered_at >= starts[0], CareCheckin.answer.is_not(None))
    )
    trend: dict[str, list[int]] = {answer: [0] * WEEKS for answer in CHECKIN_ANSWERS}
    for answered_at, answer in rows:
        index = _week_index(answered_at, starts)
        if index is not None:
            trend.setdefault(str(answer), [0] * WEEKS)[index] += 1
    return {answer: counts for answer, counts in trend.items() if any(counts)}


def bar_chart(weeks: list[str], series: dict[str, list[int]], labels: dict[str, str], title: str) -> Markup:
    """A stacked bar chart as inline SVG, with a legend and a <title> for screen readers."""
    width, height, left, bottom, top = 640, 260, 36, 40, 16
    plot_h = height - bottom - top
    totals = [sum(values[i] for values in series.values()) for i in range(len(weeks))]
    peak = max([*totals, 1])
    slot = (width - left - 8) / max(len(weeks), 1)
    bar_w = slot * 0.6
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height + 24 * ((len(series) + 3) // 4)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 4}" y2="{top + plot_h}" stroke="#999"/>',
        f'<text x="4" y="{top + 8}" font-size="11">{peak}</text>',
    ]
    for i, week in enumerate(weeks):
        x = left + i * slot + (slot - bar_w) / 2
        y: float = top + plot_h
        for j, (key, values) in enumerate(series.items()):
            if not values[i]:
                continue
            h = values[i] / peak * plot_h
            y -= h
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                f'fill="{COLOURS[j % len(COLOURS)]}"><title>{escape(labels.get(key, key))} {week}: '
                f"{values[i]}</title></rect>"
            )
        parts.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 14}" font-size="10" text-anchor="middle">'
            f"{escape(week[-3:])}</text>"
        )
        if totals[i]:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" font-size="10" text-anchor="middle">'
                f"{totals[i]}</text>"
            )
    for j, key in enumerate(series):
        lx, ly = left + (j % 4) * 150, height + 4 + 24 * (j // 4)
        parts.append(f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{COLOURS[j % len(COLOURS)]}"/>')
        parts.append(
            f'<text x="{lx + 16}" y="{ly + 11}" font-size="12">{escape(labels.get(key, key))}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def to_csv(data: Figures) -> str:
    """The dashboard's figures as CSV: one row per (measure, week, key), aggregate numbers only."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["measure", "week", "key", "value"])
    for category, values in data.per_week.items():
        for week, value in zip(data.weeks, values, strict=True):
            writer.writerow(["requests", week, category, value])
    for answer, values in data.checkins.items():
        for week, value in zip(data.weeks, values, strict=True):
            writer.writerow(["checkins", week, answer, value])
    period = f"{data.weeks[0]}..{data.weeks[-1]}"
    writer.writerow(["requests_total", period, "", data.total])
    writer.writerow(["median_minutes_to_match", period, "", _num(data.median_minutes)])
    writer.writerow(["share_matched", period, "", _num(data.share_matched)])
    writer.writerow(["share_matches_met", period, "", _num(data.share_met)])
    return out.getvalue()


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"
