"""Offering help (Hulp bieden): which kinds, where, when, how often, which languages; then one summary.

Built like asking (flows/ask.py): short questions, each answerable with numbers, words or a button,
skipped when known, and a summary to confirm, change or cancel. Confirming is an effect
(`save_offer`) the engine stores. Someone who already offers sees their offer instead, with change,
pause (or end the pause) and stop; MIJN AANBOD, PAUZE and HERVAT reach the same from anywhere.

Decisions:
- Kinds and times take several answers at once: "1 3 5", "1,3,5", "1, 3 en 5", "boodschappen en
  klusjes" (dialogue.chosen_many). ALLES is every kind but childcare (categories.EVERYTHING says why).
  A tapped button picks one kind; typing numbers picks several. The kinds chosen are read back.
- Kinds that need a VOG (matching.VERIFIED_REQUIRED) can be offered; the person hears honestly that
  those requests only come once the buurtverbinder has seen it.
- When: four coarse answers, each a set of (weekday, daypart) slots (`TIME_SLOTS`). "Maakt niet uit",
  also next to others, is no slots (= any time, as matching reads it); so are all three others.
- How often: 1, 2 or "vaker" (`MORE` times); a typed count 1-7 too ("4", "3 keer"). A bare "3" is
  the third choice, "vaker", as the numbered list shows.
- Languages: no list to choose from. The language we talk in is spoken; one yes/no question asks about
  the other one (Dutch speakers about English, English speakers about Dutch).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from functools import cache
from typing import Any

from flows import catalogue, categories, repair
from flows.dialogue import YES_NO, chosen, chosen_many, label_of, language, prompt, repeat_prompt, say
from flows.matching import DAYPARTS, VERIFIED_REQUIRED, Slot
from flows.normalise import number_in, simplify, words_of
from flows.pause import names_a_length, pause_for, pause_until, until_in_words
from flows.profile import OfferSummary, Profile
from flows.types import Choice, Effect, Event, Reply, StepResult
from flows.understanding.answers import read_yes_no
from flows.understanding.text import lexicon
from flows.when import AMSTERDAM, When, describe_weekday, describe_when

REACH_CHOICES = (
    Choice("own", "reach_own"),
    Choice("nearby", "reach_nearby"),
    Choice("anywhere", "reach_anywhere"),
)
REACHES = frozenset(choice.key for choice in REACH_CHOICES)
TIME_CHOICES = (
    Choice("weekday_day", "times_weekday_day"),
    Choice("weekday_evening", "times_weekday_evening"),
    Choice("weekend", "times_weekend"),
    Choice("any", "times_any"),
)
WEEKDAYS = range(5)
WEEKEND = (5, 6)
# The three answers that name times partition the week: every slot belongs to exactly one.
TIME_SLOTS: Mapping[str, frozenset[Slot]] = {
    "weekday_day": frozenset((day, part) for day in WEEKDAYS for part in ("ochtend", "middag")),
    "weekday_evening": frozenset((day, "avond") for day in WEEKDAYS),
    "weekend": frozenset((day, part) for day in WEEKEND for part in DAYPARTS),
}
ALL_SLOTS: frozenset[Slot] = frozenset(slot for slots in TIME_SLOTS.values() for slot in slots)
MORE = 5
MAX_LIMIT = 7
LIMIT_CHOICES = (Choice("once", "limit_once"), Choice("twice", "limit_twice"), Choice("more", "limit_more"))
LIMITS = {"once": 1, "twice": 2, "more": MORE}
SUMMARY_CHOICES = (
    Choice("confirm", "offer_confirm"),
    Choice("change", "summary_change"),
    Choice("cancel", "summary_cancel"),
)
CHANGE_CHOICES = (
    Choice("categories", "change_category"),
    Choice("reach", "change_where"),
    Choice("availability", "change_when"),
    Choice("weekly_limit", "change_limit"),
    Choice("languages", "change_languages"),
)
FIELDS = tuple(choice.key for choice in CHANGE_CHOICES)
# Never "stop": that key is the global opt-out (flows/conversation.py).
CHANGE_IT = Choice("change", "offer_change_it")
PAUSE = Choice("pause", "offer_pause")
RESUME = Choice("resume", "offer_resume")
END = Choice("end", "offer_end")
BACK = Choice("back", "choice_back")
PAUSE_CHOICES = (
    Choice("week", "pause_week"),
    Choice("two_weeks", "pause_two_weeks"),
    Choice("four_weeks", "pause_four_weeks"),
)
PAUSE_DAYS = {"week": 7, "two_weeks": 14, "four_weeks": 28}


def start(state: dict[str, Any], profile: Profile, now: datetime) -> StepResult:
    """ "Hulp bieden": the offer as it stands for someone who offers, else the questions."""
    if profile.offering:
        pending = state.get("pending") or {}
        named = _kinds_named(pending) if pending.get("intent") == "offer" else []
        added = _kinds_added(state, profile)
        state.pop("pending", None)  # not left for a later request to take up
        if added is not None:
            return added
        shown = show(state, profile, now)
        if not named:
            return shown
        # "ik wil ook wel koken" (round 23): what the words name is offered already; said, then the offer.
        known = say("offer_kinds_known", {"categories": _category_list(named, language(state))})
        return replace(shown, replies=(known, *shown.replies))
    state["flow"] = "offer"
    state["offer"] = {}
    before = [say("offer_intro")]
    pending = state.pop("pending", None)
    keys = {choice.key for choice in categories.CATEGORY_CHOICES}
    if pending and pending.get("intent") == "offer" and pending.get("category") in keys:
        # "ik heb een auto en wil mensen naar het ziekenhuis rijden": the kind is read back, not asked;
        # every kind the words name ("boodschappen en wandelen", session 27: only the first was kept).
        named = _kinds_named(pending)
        state["offer"]["categories"] = named
        before = [say("offer_intro_kept")]
        before += _categories_read_back(named, profile, language(state), again=True)
    if pending and pending.get("intent") == "offer":
        before += _times_said(state, str(pending.get("text") or ""))
    return _ask_next(state, before)


def _kinds_named(pending: dict[str, Any]) -> list[str]:
    """Every kind an offer's kept words name, with the kind read with them, in the list's order."""
    text = str(pending.get("text") or "")
    found = categories.recognise_all(text) | _kinds_read(text)
    if pending.get("category"):
        found |= {pending["category"]}
    return [choice.key for choice in categories.CATEGORY_CHOICES if choice.key in found]


def _kinds_read(text: str) -> set[str]:
    """Round dialogue32: the kinds the understanding layer's reader names outright, in the six languages
    ("przy zakupach i w ogrodzie", "shopping and the garden": flows/data/categories.toml knows
    Dutch and English only, so only the first kind was kept)."""
    from flows.interpret import CATEGORY_KEYS
    from flows.understanding.categories import STRONG, mentions, prepare

    hits = mentions(prepare(text)) if text.strip() else ()
    return {CATEGORY_KEYS.get(hit.key, hit.key) for hit in hits if hit.weight >= STRONG}


def _slots_named(text: str) -> list[list[Any]] | None:
    """The availability slots the words name ("alleen in het weekend"), or None when they name no time."""
    times = _recognise_times(" ".join(words_of(text)))
    return [list(slot) for slot in _slots(times)] if times else None


def _times_said(state: dict[str, Any], text: str) -> list[Reply]:
    """The times an offer's first words name ("alleen in het weekend", "'s avonds"): kept and read back,
    not asked again; nothing when they name none."""
    slots = _slots_named(text)
    if slots is None:
        return []
    state["offer"]["availability"] = slots
    return [say("when_understood", {"when": _describe_times(slots, language(state))})]


def _kinds_added(state: dict[str, Any], profile: Profile) -> StepResult | None:
    """Someone who offers already names kinds not in their offer ("ik wil ook met tuinieren helpen";
    session 27: read as a request for help with the garden): the offer with them added, to confirm."""
    pending = state.get("pending") or {}
    if profile.offer is None or pending.get("intent") != "offer":
        return None
    current = list(profile.offer.categories)
    added = [kind for kind in _kinds_named(pending) if kind not in current]
    if not added:
        return None
    state.pop("pending", None)
    state["flow"] = "offer"
    state["offer"] = {**_draft_of(profile.offer), "existing": True, "categories": [*current, *added]}
    lang = language(state)
    noted = say("offer_kinds_added", {"categories": _category_list(added, lang)})
    return _summary(state, [noted, *_categories_read_back(added, profile, lang, again=False)])


def show(state: dict[str, Any], profile: Profile, now: datetime) -> StepResult:
    """The person's offer, with change, pause (or end the pause), stop offering and back."""
    assert profile.offer is not None
    offer = profile.offer
    state["flow"] = "offer"
    state["step"] = "current"
    state.pop("offer", None)
    params = summary_params(_draft_of(offer), language(state))
    if offer.paused(now) and offer.paused_until is not None:
        params["until"] = _describe_day(offer.paused_until, language(state))
        choices = (CHANGE_IT, RESUME, END, BACK)
        return StepResult(state, (prompt(state, "offer_current_paused", choices, params),))
    return StepResult(state, (prompt(state, "offer_current", (CHANGE_IT, PAUSE, END, BACK), params),))


def handle(state: dict[str, Any], event: Event, profile: Profile, now: datetime) -> StepResult:
    step = state.get("step")
    if step == "current":
        return _on_current(state, event, profile, now)
    if step == "pause":
        return _on_pause_length(state, event, now)
    if step == "end":
        return _on_end(state, event)
    draft: dict[str, Any] = state.setdefault("offer", {})
    answer = chosen(state, event)
    if step == "summary":
        return _on_summary(state, answer)
    if step == "change":
        if answer in FIELDS:
            draft.pop(answer, None)
            draft["editing"] = True
            return _ask_next(state, [])
        return StepResult(state, (prompt(state, "ask_change", CHANGE_CHOICES),))
    corrects = step in ("limit", "languages") and event.kind == "text"
    if corrects and (corrected := _times_corrected(state, event.text)) is not None:
        return corrected
    before: list[Reply] = []
    if step == "categories":
        picked = _categories_from(state, event)
        if picked is None:
            reply = prompt(state, "offer_categories_numbers", categories.CATEGORY_CHOICES)
            return StepResult(state, (reply,))
        draft["categories"] = list(picked)
        # When changing, the summary that follows reads them back already.
        before = _categories_read_back(picked, profile, language(state), again=not draft.get("editing"))
    elif step == "reach":
        if answer not in REACHES:
            return StepResult(state, (prompt(state, "offer_reach", REACH_CHOICES),))
        draft["reach"] = answer
    elif step == "times":
        times = chosen_many(state, event, _recognise_times)
        if times is None:
            return StepResult(state, (prompt(state, "offer_times_again", TIME_CHOICES),))
        draft["availability"] = [list(slot) for slot in _slots(times)]
    elif step == "limit":
        limit = LIMITS.get(answer or "") or _count(event.text if event.kind == "text" else "")
        if limit is None:
            return StepResult(state, (prompt(state, "offer_limit_again", LIMIT_CHOICES),))
        draft["weekly_limit"] = limit
    elif step == "languages":
        if answer not in ("yes", "no"):
            return StepResult(state, (prompt(state, "offer_languages", YES_NO),))
        spoken = language(state)
        # "Do you also speak Dutch / English?": the other of the two, not every language we know.
        others = [other for other in ("nl", "en") if other != spoken]
        draft["languages"] = [spoken, *others] if answer == "yes" else [spoken]
    return _ask_next(state, before)


def command(state: dict[str, Any], name: str, argument: str, profile: Profile, now: datetime) -> StepResult:
    """MIJN AANBOD (`my_offer`), PAUZE (`pause`, with what followed it) and HERVAT (`resume`), for
    someone who offers (else see `not_offering`). A pause or resume in the middle of another flow
    (asking for help) leaves that flow where it was and asks its question again.
    """
    assert profile.offer is not None
    if name == "my_offer":
        return show(state, profile, now)
    if state.get("flow") == "offer":
        _leave(state)
    again = () if state.get("flow") == "menu" else repeat_prompt(state)
    if name == "pause":
        until = until_in_words(argument, now)
        if until is None:
            # A reason beside PAUZE ("ik heb het even te druk, stop maar even met vragen") is no length
            # misread: how long is asked as at PAUZE alone, without "Dat begreep ik niet".
            key = "offer_pause_again" if names_a_length(argument, now) else "offer_pause_how_long"
            return _ask_pause_length(state, key)
        result = _paused(state, until)
        return StepResult(result.state, (*result.replies, *again), result.effects)
    if not profile.offer.paused(now):
        return StepResult(state, (say("offer_not_paused"), *again))
    return StepResult(state, (say("offer_resumed"), *again), (Effect("resume_offer"),))


def not_offering(state: dict[str, Any]) -> StepResult:
    """MIJN AANBOD, PAUZE or HERVAT from someone who does not offer help: a kind word (then the menu)."""
    _leave(state)
    return StepResult(state, (say("offer_none"),))


def cancel(state: dict[str, Any]) -> StepResult:
    """ANNULEREN while offering: a new offer is not saved; an existing one stays as it was."""
    new = "offer" in state and not state["offer"].get("existing")
    _leave(state)
    return StepResult(state, (say("offer_cancelled" if new else "offer_unchanged"),))


# --- the questions ----------------------------------------------------------------------------------


def _ask_next(state: dict[str, Any], before: list[Reply]) -> StepResult:
    """The first question still open, or the summary once everything is known."""
    draft: dict[str, Any] = state["offer"]
    if draft.get("editing") and all(field in draft for field in FIELDS):
        return _summary(state, before)
    if "categories" not in draft:
        key = "offer_categories_numbers" if draft.get("editing") else "offer_categories"
        return _question(state, "categories", before, prompt(state, key, categories.CATEGORY_CHOICES))
    if "reach" not in draft:
        return _question(state, "reach", before, prompt(state, "offer_reach", REACH_CHOICES))
    if "availability" not in draft:
        return _question(state, "times", before, prompt(state, "offer_times", TIME_CHOICES))
    if "weekly_limit" not in draft:
        return _question(state, "limit", before, prompt(state, "offer_limit", LIMIT_CHOICES))
    if "languages" not in draft:
        return _question(state, "languages", before, prompt(state, "offer_languages", YES_NO))
    return _summary(state, before)


def _question(state: dict[str, Any], step: str, before: list[Reply], reply: Reply) -> StepResult:
    state["step"] = step
    return StepResult(state, (*before, reply))


def _categories_from(state: dict[str, Any], event: Event) -> tuple[str, ...] | None:
    if event.kind == "text" and simplify(event.text) in categories.EVERYTHING_WORDS:
        return categories.EVERYTHING
    return chosen_many(state, event, categories.recognise_all)


def _categories_read_back(picked: Iterable[str], profile: Profile, lang: str, *, again: bool) -> list[Reply]:
    """ "Je kiest: ..." (if `again`), and for kinds that need a VOG not yet checked, what that means."""
    picked = list(picked)
    replies = []
    if again:
        replies.append(say("offer_categories_understood", {"categories": _category_list(picked, lang)}))
    verified = profile.offer is not None and profile.offer.verified
    need_check = [key for key in picked if key in VERIFIED_REQUIRED]
    if need_check and not verified:
        replies.append(say("offer_vog_needed", {"categories": _category_list(need_check, lang)}))
    return replies


@cache
def _time_words() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each answer's stems and phrases (times.toml [dialogue32_offer_times]), simplified as the text is."""
    table = lexicon("times")["dialogue32_offer_times"]
    return {
        group: (
            tuple(simplify(entry) for entry in entries if " " not in entry),
            tuple(f" {simplify(entry)} " for entry in entries if " " in entry),
        )
        for group, entries in table.items()
    }


def _recognise_times(text: str) -> set[str]:
    """The time answers that words point to: "zaterdag" is the weekend, "doordeweeks" both weekday
    answers unless a daypart says which, "overdag" or "'s avonds" alone the weekdays."""
    plain = " ".join(words_of(simplify(text)))
    words, spaced = plain.split(), f" {plain} "
    table = _time_words()

    def has(group: str) -> bool:
        stems, phrases = table[group]
        return any(word.startswith(stem) for word in words for stem in stems) or any(
            p in spaced for p in phrases
        )

    found: set[str] = set()
    if has("any"):
        found.add("any")
    weekend, weekday = has("weekend"), has("weekday")
    if weekend:
        found.add("weekend")
    day, evening = has("day"), has("evening")
    if weekday or not weekend:
        if day or (weekday and not evening):
            found.add("weekday_day")
        if evening or (weekday and not day):
            found.add("weekday_evening")
    return found


def _times_corrected(state: dict[str, Any], text: str) -> StepResult | None:
    """A correction of the times at a later question ("nee wacht, toch alleen in het weekend" at the
    limit question), as the ask flow's: a message that says it corrects (`repair.is_correction`) and
    names other times changes them, reads them back and asks the open question again."""
    draft = state["offer"]
    if "availability" not in draft or not repair.is_correction(text, language(state)):
        return None
    slots = _slots_named(text)
    if slots is None or slots == draft["availability"]:
        return None
    draft["availability"] = slots
    noted = say("correction_noted", {"value": _describe_times(slots, language(state))})
    return StepResult(state, (noted, *repeat_prompt(state)))


def _slots(times: Iterable[str]) -> list[Slot]:
    """The (weekday, daypart) slots of the time answers; empty (any time) for "any" or all of them."""
    chosen_times = set(times)
    if "any" in chosen_times:
        return []
    slots = {slot for key in chosen_times for slot in TIME_SLOTS[key]}
    return [] if slots == ALL_SLOTS else sorted(slots, key=lambda slot: (slot[0], DAYPARTS.index(slot[1])))


_COUNT = re.compile(
    r"(?P<count>\d{1,2}|[a-z]+)\s*(?:x|keer|maal|times?)?(?:\s*(?:per|in\s+de|a|each|every)\s+week)?"
)


_TIMES = re.compile(r"x|keer|maal|times?")


def _count(text: str) -> int | None:
    """A typed weekly limit: "4", "3 keer", "twee keer per week", "4 times a week"; 1 to 7. With words
    around it ("1 keer per week is genoeg"): the one count in the answer, in digits or before "keer"
    ("een paar keer" is no count)."""
    match = _COUNT.fullmatch(simplify(text))
    if match is not None:
        count = number_in(match["count"])
    else:
        words = words_of(simplify(text))
        counts = [
            number_in(word)
            for i, word in enumerate(words)
            if number_in(word) is not None
            and (word.isdigit() or (i + 1 < len(words) and _TIMES.fullmatch(words[i + 1])))
        ]
        count = counts[0] if len(counts) == 1 else None
    return count if count is not None and 1 <= count <= MAX_LIMIT else None


# --- summary, change, confirm -----------------------------------------------------------------------


def _summary(state: dict[str, Any], before: list[Reply]) -> StepResult:
    state["step"] = "summary"
    state["offer"].pop("editing", None)
    params = summary_params(state["offer"], language(state))
    return StepResult(state, (*before, prompt(state, "offer_summary", SUMMARY_CHOICES, params)))


def summary_params(draft: Mapping[str, Any], lang: str) -> dict[str, str]:
    """An offer in words: for the summary and for showing the current offer."""
    reach = next(choice for choice in REACH_CHOICES if choice.key == draft["reach"])
    limit = int(draft["weekly_limit"])
    return {
        "categories": _category_list(draft["categories"], lang),
        "reach": _lower_first(label_of(reach, lang)),
        "times": _describe_times(draft["availability"], lang),
        "limit": catalogue.render("limit_count_one", lang)
        if limit == 1
        else catalogue.render("limit_count", lang, {"count": str(limit)}),
        "languages": _listing(
            [catalogue.render(f"language_{code}", lang) for code in draft["languages"]], lang
        ),
    }


def _on_summary(state: dict[str, Any], answer: str | None) -> StepResult:
    draft = state["offer"]
    if answer == "confirm":
        offer = {field: draft[field] for field in FIELDS}
        existing = bool(draft.get("existing"))
        _leave(state)
        replies = (say("offer_updated"),) if existing else (say("offer_saved"), say("offer_saved_more"))
        return StepResult(state, replies, (Effect("save_offer", offer),))
    if answer == "change":
        state["step"] = "change"
        return StepResult(state, (prompt(state, "ask_change", CHANGE_CHOICES),))
    if answer == "cancel":
        return cancel(state)
    params = summary_params(draft, language(state))
    return StepResult(state, (prompt(state, "offer_summary", SUMMARY_CHOICES, params),))


# --- an existing offer: change, pause, resume, stop ---------------------------------------------------


def _on_current(state: dict[str, Any], event: Event, profile: Profile, now: datetime) -> StepResult:
    answer = chosen(state, event)
    if profile.offer is None or not profile.offering:
        _leave(state)
        return StepResult(state)
    if answer == "change":
        state["offer"] = {**_draft_of(profile.offer), "existing": True}
        state["step"] = "change"
        return StepResult(state, (prompt(state, "ask_change", CHANGE_CHOICES),))
    if answer == "pause":
        return _ask_pause_length(state, "offer_pause_how_long")
    if answer == "resume":
        _leave(state)
        return StepResult(state, (say("offer_resumed"),), (Effect("resume_offer"),))
    if answer == "end":
        state["step"] = "end"
        return StepResult(state, (prompt(state, "offer_end_question", YES_NO),))
    if answer == "back":
        _leave(state)
        return StepResult(state)
    return show(state, profile, now)


def _ask_pause_length(state: dict[str, Any], key: str) -> StepResult:
    state["flow"] = "offer"
    state["step"] = "pause"
    # Asked after news of an absence, "keep" stays one of the choices when the length is asked again.
    choices = (*PAUSE_CHOICES, Choice("keep", "life_keep")) if _keep_offered(state) else PAUSE_CHOICES
    return StepResult(state, (prompt(state, key, choices),))


def _on_pause_length(state: dict[str, Any], event: Event, now: datetime) -> StepResult:
    answer = chosen(state, event)
    if answer == "keep":
        # "Niets veranderen" after news of an absence (flows/life_events.py): the offer as it is.
        _leave(state)
        return StepResult(state, (say("offer_kept"),))
    if answer in PAUSE_DAYS:
        return _paused(state, pause_for(PAUSE_DAYS[answer], now))
    text = event.text if event.kind == "text" else ""
    until = pause_until(text, now) if text.strip() else None
    if until is None and _keep_offered(state):
        until = until_in_words(text, now) if text.strip() else None
        if until is None and read_yes_no(text, language(state))[0] == "no":
            # "nee hoor, laat maar" to "Zal ik je even geen hulpvragen sturen?": nothing changes.
            _leave(state)
            return StepResult(state, (say("offer_kept"),))
    if until is None:
        return _ask_pause_length(state, "offer_pause_again")
    return _paused(state, until)


def _keep_offered(state: dict[str, Any]) -> bool:
    """The pause question offers "Niets veranderen" (asked after news of an absence)."""
    return any(str(key) == "keep" for key, _ in state.get("offered") or [])


def paused_until_result(state: dict[str, Any], until: datetime) -> StepResult:
    """The break until `until`, as PAUZE with a date gives it (for news of an absence)."""
    return _paused(state, until)


def draft_of(offer: OfferSummary) -> dict[str, Any]:
    """The offer as a draft to change (for news of less time, flows/life_events.py)."""
    return _draft_of(offer)


def summary_with(state: dict[str, Any], before: list[Reply]) -> StepResult:
    """The summary of the draft in `state["offer"]`, to confirm, change or cancel, after `before`."""
    return _summary(state, before)


def ask_limit(state: dict[str, Any], before: list[Reply]) -> StepResult:
    """How often a week, asked for the draft in `state["offer"]` (then its summary)."""
    return _question(state, "limit", before, prompt(state, "offer_limit", LIMIT_CHOICES))


def _paused(state: dict[str, Any], until: datetime) -> StepResult:
    if state.get("flow") == "offer":
        _leave(state)
    reply = say("offer_paused", {"until": _describe_day(until, language(state))})
    return StepResult(state, (reply,), (Effect("pause_offer", {"until": until.isoformat()}),))


def _on_end(state: dict[str, Any], event: Event) -> StepResult:
    answer = chosen(state, event)
    if answer == "yes":
        _leave(state)
        return StepResult(state, (say("offer_ended"),), (Effect("stop_offer"),))
    if answer == "no":
        _leave(state)
        return StepResult(state, (say("offer_kept"),))
    return StepResult(state, (prompt(state, "offer_end_question", YES_NO),))


def end_asked(state: dict[str, Any], *, busy: bool) -> StepResult:
    """Dialogue round 23: "ik stop ermee, te druk" from someone who offers help is about helping, not about
    all messages (it was the stop question, whose yes silenced them): whether to stop offering, with a
    pause named for who is only busy for a while (`busy`)."""
    _leave(state)
    state["flow"], state["step"] = "offer", "end"
    asked = prompt(state, "offer_end_question", YES_NO)
    return StepResult(state, (replace(asked, lead="offer_end_pause_lead") if busy else asked,))


def _leave(state: dict[str, Any]) -> None:
    for key in ("offer", "step", "prompt"):
        state.pop(key, None)
    state["offered"] = []
    state["flow"] = "menu"


# --- in words -----------------------------------------------------------------------------------------


def _draft_of(offer: OfferSummary) -> dict[str, Any]:
    return {
        "categories": list(offer.categories),
        "reach": offer.reach,
        "availability": [list(slot) for slot in offer.availability],
        "weekly_limit": offer.weekly_limit,
        "languages": list(offer.languages),
    }


def _category_list(keys: Iterable[str], lang: str) -> str:
    return _listing([catalogue.render(f"cat_short_{key}", lang) for key in keys], lang)


def _describe_times(availability: Iterable[Iterable[Any]], lang: str) -> str:
    """The time answers that cover the slots; a slot set by staff outside them shows its answer too."""
    slots = {(int(day), str(part)) for day, part in availability}
    if not slots:
        return catalogue.render("times_any_short", lang)
    whole = [c for c in TIME_CHOICES if c.key in TIME_SLOTS and TIME_SLOTS[c.key] <= slots]
    left = slots - {slot for choice in whole for slot in TIME_SLOTS[choice.key]}
    if len(left) > len(slots) // 2 and len({day for day, _ in left}) <= MAX_DAYS_NAMED:
        # Round 19: a few days ("alleen nog op woensdag") are named, not read as "doordeweeks overdag".
        named = [_lower_first(label_of(choice, lang)) for choice in whole]
        return _listing([*named, *_days_described(left, lang)], lang)
    covered = [
        choice for choice in TIME_CHOICES if choice.key in TIME_SLOTS and TIME_SLOTS[choice.key] & slots
    ]
    return _listing([_lower_first(label_of(choice, lang)) for choice in covered], lang)


# At most this many days are named one by one in an offer's times; more read as the coarse answers.
MAX_DAYS_NAMED = 3


def _days_described(slots: set[tuple[int, str]], lang: str) -> list[str]:
    """ "woensdag" (its usual hours: morning and afternoon, or the whole day), "maandagochtend"."""
    out: list[str] = []
    for day in sorted({day for day, _ in slots}):
        parts = [part for part in DAYPARTS if (day, part) in slots]
        if parts == usual_dayparts(day) or parts == list(DAYPARTS):
            out.append(describe_weekday(day, None, lang))
        else:
            out.extend(describe_weekday(day, part, lang) for part in parts)
    return out


def usual_dayparts(day: int) -> list[str]:
    """The hours a day said without a daypart means: a weekday morning and afternoon, a weekend day all."""
    return ["ochtend", "middag"] if day in WEEKDAYS else list(DAYPARTS)


def _describe_day(moment: datetime, lang: str) -> str:
    """ "maandag 7 december": the day a pause ends on (it ends at the start of that day)."""
    return describe_when(When("flexible", start=moment.astimezone(AMSTERDAM)), lang)


def _listing(items: list[str], lang: str) -> str:
    """ "a", "a en b", "a, b en c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {catalogue.render('list_and', lang)} {items[-1]}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
