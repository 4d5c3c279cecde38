"""A volunteer's offer changed in words at the menu (dialogue round 19, tests/test_dialogues_redteam19.py).

"ik kan voortaan alleen nog op woensdag", "niet meer op maandag", "ik kan nu ook op vrijdagmiddag",
"even geen klussen meer, wel boodschappen", "vanaf januari heb ik meer tijd": what someone who offers
help says about their days or kinds is their offer changing. The changed offer is read back in the
offer's summary (`offer_change_heard`, then "Klopt dit?"); only the yes saves it (`save_offer`), as
AANPASSEN would. More time without a count asks how often.

How the words are read (phrases in flows/understanding/data/life.toml, sections round19_offer_*): the
message is cut into clauses (at punctuation and "maar", "wel", "but"); a clause's days come from the time
reader (a weekday, "weekend", with a daypart or not; a one-off day such as "morgen" is no change of the
offer), its kinds from the categories' words. A clause that says "no longer" takes them out; one that
says "also" ("ook", "wel") adds them; one that says "only", or any clause of a message that says "from
now on", makes them the offer's days (or kinds). Days or kinds without such a word change nothing: "ik
kan woensdag" is no news about the offer. A request for help in the same words goes first (life.toml
[asks_help]), and so does distress ("ik kan het niet meer aan").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from flows import categories, offer, overload
from flows.dialogue import language, say
from flows.life_events import says
from flows.matching import DAYPARTS
from flows.profile import Profile
from flows.types import StepResult
from flows.understanding.time_compose import read_time

# Where a clause ends: punctuation, or a word that starts another part ("maar", "wel", "but").
_CLAUSES = re.compile(
    r"[,.;:!?؟]+|\s(?=(?:maar|wel|but|ama|fakat|ale|але|لكن|بس)\s)|\s(?:en|and|ve|i|та|و)\s(?=\S+\s+(?:geen|niet)\b)",
    re.IGNORECASE,
)
# Words of "no longer" that stop the time reader from reading the day they are about ("niet meer op maandag").
_NEGATION = re.compile(
    r"\b\w+n(?:'|\u2019)t\b|\b(?:cannot|can t|won t|don t|niet|geen|nooit|meer|langer|not|no|longer|anymore|"
    r"never|nie|już|juz|не|більше|вже|уже|değil|degil|yok|لم|لا|ما|أعد|بقيتش|عدتش)\b",
    re.IGNORECASE,
)
# A (weekday, daypart) slot as this module handles it (flows.matching.Slot, its daypart as a plain str).
Pair = tuple[int, str]
_ORDER: list[str] = list(DAYPARTS)
# The words of a change; without one the message is no news about the offer.
_MARKERS = (
    "round19_offer_no_longer",
    "round19_offer_only",
    "round19_offer_also",
    "round19_offer_from_now",
    "round19_offer_more_time",
)
_PARTS = {"morning": "ochtend", "afternoon": "middag", "evening": "avond"}
_WEEK = {"weekend": (5, 6), "next_weekend": (5, 6), "weekends": (5, 6), "weekdays": (0, 1, 2, 3, 4)}


def said(state: dict[str, Any], text: str, profile: Profile, now: datetime) -> StepResult | None:
    """The changed offer to confirm (or how often, for more time), or None when the words change nothing."""
    if not profile.offering or profile.offer is None or not text.strip():
        return None
    if not any(says(text, section) for section in _MARKERS):
        return None  # most messages: no word of a change, nothing else read
    if says(text, "asks_help") or overload.said(text):
        return None
    draft: dict[str, Any] = {**offer.draft_of(profile.offer), "existing": True}
    clauses = [clause for clause in _CLAUSES.split(text) if clause and clause.strip()]
    from_now = says(text, "round19_offer_from_now")
    slots = _slots_changed(draft["availability"], clauses, from_now, language(state), now)
    kinds = _kinds_changed(draft["categories"], clauses, profile)
    if slots is None and kinds is None:
        if not says(text, "round19_offer_more_time"):
            return None
        state["flow"] = "offer"
        state["offer"] = {**draft, "editing": True}
        state["offer"].pop("weekly_limit", None)
        return offer.ask_limit(state, [say("offer_more_time_heard")])
    if slots is not None:
        draft["availability"] = slots
    if kinds is not None:
        draft["categories"] = kinds
    state["flow"] = "offer"
    state["offer"] = draft
    return offer.summary_with(state, [say("offer_change_heard")])


def _how(clause: str, from_now: bool) -> str | None:
    """What a clause does with what it names: "out", "add", "only", or None (nothing said)."""
    if says(clause, "round19_offer_no_longer"):
        return "out"
    if says(clause, "round19_offer_also"):
        return "add"
    if says(clause, "round19_offer_only") or from_now:
        return "only"
    return None


def _slots_changed(
    current: Iterable[Iterable[Any]], clauses: list[str], from_now: bool, lang: str, now: datetime
) -> list[list[Any]] | None:
    out: set[Pair] = set()
    added: set[Pair] = set()
    only: set[Pair] | None = None
    for clause in clauses:
        how = _how(clause, from_now)
        if how is None:
            continue
        out_of = how == "out"
        named = _slots_in(_NEGATION.sub(" ", clause) if out_of else clause, lang, now, whole=out_of)
        if not named:
            continue
        if how == "out":
            out |= named
        elif how == "add":
            added |= named
        else:
            only = (only or set()) | named
    if not (out or added or only):
        return None
    slots = {(int(day), str(part)) for day, part in current} or set(offer.ALL_SLOTS)
    if only is not None:
        slots = set(only)
    slots = (slots | added) - out
    if not slots:
        return None  # every day taken out: that is stopping, which the person says otherwise
    return [list(slot) for slot in sorted(slots, key=lambda slot: (slot[0], _ORDER.index(slot[1])))]


def _slots_in(clause: str, lang: str, now: datetime, *, whole: bool) -> set[Pair]:
    """The (weekday, daypart) slots a clause names: its days with the daypart said, else their usual
    hours (weekdays morning and afternoon, the weekend all day; `whole`: every daypart, for a day taken
    out); a daypart alone is that daypart on weekdays (every day, taken out). Nothing for a one-off day
    ("morgen", "3 december")."""
    found = read_time(clause, lang, now, mode="message")
    if found is None or found.relative_day is not None or found.date is not None or found.options:
        return set()
    days = set(found.days) | set(_WEEK.get(found.week or "", ()))
    part = _PARTS.get(found.daypart or "")
    if not days and part is not None:
        # A daypart alone ("alleen nog 's avonds", "niet meer 's ochtends"): on weekdays, or on every
        # day for one taken out.
        return {(day, part) for day in range(7 if whole else 5)}
    if not days:
        return set()
    slots: set[Pair] = set()
    for day in days:
        if part is not None:
            slots.add((day, part))
        else:
            slots |= {(day, p) for p in (_ORDER if whole else offer.usual_dayparts(day))}
    return slots


def _kinds_changed(current: list[str], clauses: list[str], profile: Profile) -> list[str] | None:
    """The offer's kinds after the words, or None: a kind taken out ("geen klusjes meer") or kept
    alone ("alleen nog boodschappen"); kinds added beside that ("wel boodschappen") are kept too."""
    asked = {request.category for request in profile.open_requests}
    out: set[str] = set()
    added: set[str] = set()
    only: set[str] | None = None
    for clause in clauses:
        how = _how(clause, from_now=False)
        named = set(categories.recognise_all(clause))
        if how is None or not named:
            continue
        if how == "out":
            out |= (named & set(current)) - asked  # "geen boodschappen meer" may be about her own request
        elif how == "add":
            added |= named
        else:
            only = (only or set()) | named
    if not out and only is None:
        return None
    kept = [kind for kind in current if only is None or kind in only]
    kept += [kind for kind in sorted((only or set()) | added) if kind not in kept]
    kept = [kind for kind in kept if kind not in out]
    order = [choice.key for choice in categories.CATEGORY_CHOICES]
    kept = sorted(kept, key=lambda kind: order.index(kind) if kind in order else len(order))
    return kept or None
