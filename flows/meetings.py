"""From a match to a real meeting: agree where and when, reminders, "Is het gelukt?", meet again.

Who proposes and who confirms, so it stays short on SMS: the requester proposes (where: home, the
buurthuis or elsewhere; then when, read back), the volunteer confirms with one tap or makes another
proposal, which the requester then confirms. Each side answers at most two questions per round.

Everything about a meeting arrives as an internal event with the meeting's facts as seen by the
recipient (`meeting` in the event's meta, see bot/effects/meetings.py); buttons carry the meeting id
("meet:12:yes"), so an old button still answers the right meeting, on any channel. The bot keeps the
rows and the reminders; this module only talks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from copy import deepcopy
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from flows import agenda, ask, catalogue, conditions, interpret, life_events, smalltalk, threads
from flows.dialogue import YES_NO, chosen, language, prompt, repeat_prompt, say
from flows.normalise import conversation_words, folded_words, says_any, simplify, without_said
from flows.profile import Profile
from flows.types import Choice, Effect, Event, Reply, StepResult
from flows.understanding.text import lexicon
from flows.understanding.time_compose import read_time
from flows.when import AMSTERDAM, When, at_night, day_names, describe_weekday, describe_when, parse_when

MAX_PLACE = 100
MIN_PLACE = 2
PLACES = ("home", "centre", "other")
# Button prefixes: answer to a proposal, "Is het gelukt?", "meet again?", "what now?", AFSPRAAK's menu,
# and the neighbourhood activity suggested after a meeting that happened ("Doe je mee?").
PREFIXES = ("meet", "meetok", "meetwk", "meetno", "meetm", "meetact", "meetw")
REMINDER_CHOICES = (
    Choice("remind:both", "meet_remind_both"),
    Choice("remind:evening", "meet_remind_evening"),
    Choice("remind:two_hours", "meet_remind_two_hours"),
    Choice("remind:one_hour", "meet_remind_one_hour"),
    Choice("remind:none", "meet_remind_none"),
)
# What each reminder choice means: (the evening before, hours before).
REMINDERS: Mapping[str, tuple[bool, int]] = {
    "both": (True, 2),
    "evening": (True, 0),
    "two_hours": (False, 2),
    "one_hour": (False, 1),
    "none": (False, 0),
}
INTERNAL = frozenset(
    {
        "meet_plan",
        "meet_proposal",
        "meet_agreed",
        "meet_reminder",
        "meet_check",
        "meet_cancelled",
        "meet_ended",
        "meet_status",
        "meet_next_week",
        "nudge_ask",
        "nudge_match",
    }
)
# How many meetings' facts a person's state remembers for answering their buttons.
REMEMBERED = 4
# AFSPRAAK typed: the thread whose plan the person asked for (read by the internal event that follows).
ASKED = "meet_asked"
# A reminder just sent (round 17): its thread and the other's name, for this many of the person's messages.
REMINDED = "meet_reminded"
REMINDED_MESSAGES = 2
# The question left for a plan asked for mid-question, with all that was said (`_plan`, `_done`).
BACK = "meet_back"
# A time and place agreed in words in a thread ("kunnen we donderdag om 2 uur afspreken bij mij
# thuis?"), kept while the bot asks whether to make it a meeting and until the plan arrives.
SAID = "meet_said"
# Round meetings21: the new time said when moving a meeting in words, for the plan that moves it.
MOVED = "meet_moved"


# --- the facts of a meeting, as the recipient sees them ------------------------------------------


def starts(facts: Mapping[str, Any]) -> datetime:
    start = datetime.fromisoformat(str(facts["starts_at"]))
    return start.astimezone(ZoneInfo(str(facts.get("zone") or AMSTERDAM.key)))


def when_words(facts: Mapping[str, Any], lang: str) -> str:
    return describe_when(When("moment", starts(facts)), lang)


def place_words(facts: Mapping[str, Any], lang: str) -> str:
    kind = facts.get("place_kind")
    if kind == "home":
        if facts.get("host_is_me"):
            return catalogue.render("meet_place_my_home", lang)
        return catalogue.render("meet_place_home_of", lang, {"name": _host(facts, lang)})
    if kind == "centre":
        centre = str(facts.get("centre") or "")
        if centre:
            return catalogue.render("meet_place_centre_named", lang, {"centre": centre})
        return catalogue.render("meet_place_centre", lang)
    return str(facts.get("place_text") or "")


def params_of(facts: Mapping[str, Any], lang: str) -> dict[str, str]:
    return {
        "name": _other(facts, lang),
        "when": when_words(facts, lang),
        "clock": starts(facts).strftime("%H:%M"),
        "place": place_words(facts, lang),
    }


def next_week(start: datetime, zone: ZoneInfo) -> datetime:
    """The same local wall-clock time seven days later (10:00 stays 10:00 across DST). A time that
    does not exist that night (02:30 on the last Sunday of March) moves to the real time after it."""
    local = start.astimezone(zone)
    wall = local.replace(tzinfo=None) + timedelta(days=7)
    return wall.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


def _weekly_proposal(state: dict[str, Any], facts: Mapping[str, Any]) -> str:
    """Every week proposed: "zelfde tijd en plek" when the hour is the one of the meeting this person
    remembers of the thread, else the text that names only the first time ("elke dinsdag om 3 uur")."""
    earlier = [
        starts(seen)
        for raw_id, seen in (state.get("meetings") or {}).items()
        if seen.get("thread_id") == facts.get("thread_id")
        and str(raw_id) != str(facts.get("id"))
        and seen.get("starts_at")
    ]
    if not earlier or not facts.get("starts_at"):
        return "meet_proposal_weekly"
    new = starts(facts)
    same = max(earlier).timetz().replace(tzinfo=None) == new.timetz().replace(tzinfo=None)
    return "meet_proposal_weekly" if same else "meet_proposal_weekly_new_time"


def next_on_weekday(
    start: datetime, zone: ZoneInfo, weekday: int, after: datetime, at: time | None = None
) -> datetime:
    """The same local wall-clock time (or `at`) on the first `weekday` (Monday 0) after `start` and
    after `after` (round dialogue27: "kan hij voortaan elke dinsdag?" after a Saturday)."""
    local = start.astimezone(zone)
    days = (weekday - local.weekday()) % 7 or 7
    wall = local.replace(tzinfo=None) + timedelta(days=days)
    if at is not None:
        wall = wall.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    found = wall.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)
    while found <= after:
        found = next_week(found, zone)
    return found


EVENING = time(19)


def reminder_times(
    start: datetime, zone: ZoneInfo, evening: bool, hours_before: int, now: datetime
) -> list[tuple[str, datetime]]:
    """When to remind someone of a meeting at `start`: ("evening", 19:00 local the day before) and
    ("before", `hours_before` hours before), each only if still ahead of `now` and before the start.
    An evening reminder later than the other one is left out (nobody needs two within the hour)."""
    times: list[tuple[str, datetime]] = []
    soon = start - timedelta(hours=hours_before) if hours_before > 0 else None
    if evening:
        day_before = start.astimezone(zone).date() - timedelta(days=1)
        due = datetime.combine(day_before, EVENING, tzinfo=zone).astimezone(UTC)
        if now < due < start and (soon is None or due < soon):
            times.append(("evening", due))
    if soon is not None and now < soon:
        times.append(("before", soon.astimezone(UTC)))
    return times


def _other(facts: Mapping[str, Any], lang: str) -> str:
    return str(facts.get("name") or "") or catalogue.render("neighbour_fallback", lang)


def _host(facts: Mapping[str, Any], lang: str) -> str:
    return str(facts.get("host") or "") or catalogue.render("neighbour_fallback", lang)


# --- internal events ------------------------------------------------------------------------------


def on_internal(state: dict[str, Any], event: Event) -> StepResult | None:
    name = event.command or ""
    if name not in INTERNAL:
        return None
    data = dict(event.meta)
    lang = language(state)
    if name == "nudge_ask":
        return _nudge_ask(state)
    if name == "nudge_match":
        return StepResult(state, (say("meet_nudge_match", {"name": _other(data, lang)}),))
    asked = state.pop(ASKED, None)
    facts: dict[str, Any] = dict(data.get("meeting") or {})
    if name == "meet_plan":
        return _plan(state, data, asked=asked is not None and asked == data.get("thread_id"))
    _remember(state, facts)
    params = params_of(facts, lang)
    if name == "meet_proposal":
        key = "meet_proposal" if not facts.get("recurring") else _weekly_proposal(state, facts)
        choices: tuple[Choice, ...] = (
            Choice(f"meet:{facts['id']}:yes", "meet_choice_fits"),
            Choice(f"meet:{facts['id']}:other", "meet_choice_counter"),
        )
        return _ask(state, key, choices, params)
    if name == "meet_agreed":
        key = "meet_agreed_weekly" if facts.get("recurring") else "meet_agreed"
        return StepResult(state, (say(key, params),))
    if name == "meet_reminder":
        key = "meet_reminder_evening" if data.get("which") == "evening" else "meet_reminder_soon"
        # For the next few messages, an answer to the reminder in the middle of a question is known as one.
        state[REMINDED] = {
            "thread_id": facts.get("thread_id"),
            "name": params["name"],
            "left": REMINDED_MESSAGES,
        }
        return StepResult(state, (say(key, params),))
    if name == "meet_check":
        choices = (
            Choice(f"meetok:{facts['id']}:yes", "choice_yes"),
            Choice(f"meetok:{facts['id']}:no", "choice_no"),
        )
        return _ask(state, "meet_check", choices, params)
    if name == "meet_next_week":
        return StepResult(state, (say("meet_next_week", params),))
    if name == "meet_cancelled":
        return StepResult(state, (say("meet_cancelled_by_other", params),))
    if name == "meet_ended":
        key = "meet_ended_requester" if facts.get("role") == "requester" else "meet_ended_volunteer"
        return StepResult(state, (say(key, params),))
    # meet_status: the answer to AFSPRAAK when a meeting is proposed or agreed.
    key = "meet_status" if facts.get("status") == "agreed" else "meet_status_proposed"
    choices = (
        Choice(f"meetm:{facts['id']}:change", "meet_choice_change"),
        Choice(f"meetm:{facts['id']}:reminders", "meet_choice_reminders"),
        Choice(f"meetm:{facts['id']}:cancel", "meet_choice_cancel"),
    )
    return _ask(state, key, choices, params)


def _remember(state: dict[str, Any], facts: Mapping[str, Any]) -> None:
    """Keep what answering this meeting's buttons needs later (recurring, role, an activity)."""
    if "id" not in facts:
        return
    seen: dict[str, Any] = dict(state.get("meetings") or {})
    seen.pop(str(facts["id"]), None)
    seen[str(facts["id"])] = {
        "recurring": bool(facts.get("recurring")),
        "role": str(facts.get("role") or ""),
        "activity": facts.get("activity"),
        "params": params_of(facts, language(state)),
        "thread_id": facts.get("thread_id"),
        # For a counter-proposal in words ("kan pas om 3 uur"): the same place, another time.
        "starts_at": facts.get("starts_at"),
        "zone": facts.get("zone"),
        "place_kind": facts.get("place_kind"),
        "place_text": facts.get("place_text"),
    }
    state["meetings"] = dict(list(seen.items())[-REMEMBERED:])


def _ask(
    state: dict[str, Any], key: str, choices: tuple[Choice, ...], params: Mapping[str, str]
) -> StepResult:
    """A meeting question that may arrive in the middle of another flow: that flow's question is
    asked again after the answer (as with invitations)."""
    current = state.get("prompt")
    if current and not str(current.get("key", "")).startswith("meet_"):
        state["resume_prompt"] = current
    return StepResult(state, (prompt(state, key, choices, params),))


def _nudge_ask(state: dict[str, Any]) -> StepResult:
    """Once, gently, for a help request left half-way; then the bot lets go."""
    draft = state.get("ask")
    if state.get("flow") != "ask" or not isinstance(draft, dict) or draft.get("nudged"):
        return StepResult(state)
    # A new dict, not the stored one changed in place: the engine saves a state that differs.
    state["ask"] = {**draft, "nudged": True}
    return StepResult(state, (say("meet_nudge_ask"), *repeat_prompt(state)))


# --- agreeing where and when -------------------------------------------------------------------


def _plan(state: dict[str, Any], data: Mapping[str, Any], *, asked: bool = False) -> StepResult:
    """Start proposing: where, then when. In the middle of another flow a hint instead, unless the
    person asked for it there (AFSPRAAK typed mid-question): then the open question is kept (`BACK`)
    and asked again, with all that was said, once the meeting is proposed or left."""
    lang = language(state)
    plan = {
        "thread_id": data.get("thread_id"),
        "meeting_id": data.get("meeting_id"),
        "name": str(data.get("name") or ""),
        "host": str(data.get("host") or ""),
        "host_is_me": bool(data.get("host_is_me")),
        "centre": str(data.get("centre") or ""),
    }
    # A time the requester already agreed to (a volunteer's other time), or the volunteer's window.
    if data.get("starts_at"):
        plan["starts_at"] = str(data["starts_at"])
    if isinstance(data.get("window"), Mapping) and data["window"]:
        plan["window"] = dict(data["window"])
    moved = state.pop(MOVED, None) or {}
    if plan["meeting_id"] is not None and moved.get("thread_id") == str(plan["thread_id"]):
        plan.setdefault("starts_at", str(moved["starts_at"]))  # the time said when moving it in words
    _keep_hints(state, plan)
    if state.get("flow") not in (None, "menu", "meet"):
        if not asked:
            return StepResult(state, (say("meet_plan_later", {"name": _other(plan, lang)}),))
        state[BACK] = {k: deepcopy(v) for k, v in state.items() if k not in ("offered", "misses", BACK)}
    elif state.get("flow") != "meet":
        state.pop(BACK, None)  # one left by a plan that STOP or a crisis broke off is stale now
    state["flow"] = "meet"
    state["meet"] = {**plan, "step": "where"}
    said = state.pop(SAID, None) or {}
    if str(said.get("thread_id")) == str(plan.get("thread_id")) and plan.get("starts_at"):
        # "... afspreken bij mij thuis?" said in the thread and made a meeting: place and time as said.
        place = place_in_words(str(said.get("text") or ""), plan)
        other = None if place is not None else other_place_in_words(str(said.get("text") or ""))
        if other is not None:
            # "... bij de ingang van de Jumbo?" (round 23): a public place, its words as said.
            place, state["meet"]["place_text"] = "other", other
        if place is not None:
            state["meet"]["place_kind"] = place
            return _propose(state, datetime.fromisoformat(str(state["meet"].pop("starts_at"))))
    return StepResult(state, (_where_prompt(state),))


def _keep_hints(state: dict[str, Any], plan: dict[str, Any]) -> None:
    """The agreed time or window of a match outlives its first plan: a plan that arrives in the middle
    of another flow (only "meet_plan_later" is said), or one left half-way, comes back with AFSPRAAK
    as a plan without them; this thread's first plan then gets them back. They go once a proposal
    for the thread is sent (`_propose`); a plan for an existing meeting (a new time after "Nee")
    never takes them."""
    if plan.get("thread_id") is None or plan.get("meeting_id") is not None:
        return
    thread = str(plan["thread_id"])
    kept: dict[str, Any] = dict(state.get("meet_hints") or {})
    hints = {name: plan[name] for name in ("starts_at", "window") if plan.get(name)}
    if hints:
        kept.pop(thread, None)
        kept[thread] = hints
        state["meet_hints"] = dict(list(kept.items())[-REMEMBERED:])
    elif thread in kept:
        plan.update(kept[thread])


def _forget_hints(state: dict[str, Any], thread_id: Any) -> None:
    kept: dict[str, Any] = dict(state.get("meet_hints") or {})
    if kept.pop(str(thread_id), None) is not None:
        state["meet_hints"] = kept


def _where_prompt(state: dict[str, Any], without: str | None = None) -> Reply:
    """Where? With the three places, or (`without`: a place said not to be wanted) the two left."""
    plan = state["meet"]
    lang = language(state)
    if plan["host_is_me"]:
        home = Choice("home", "meet_choice_my_home")
    else:
        home = Choice(
            "home", label=catalogue.render("meet_choice_home_of", lang, {"name": _host(plan, lang)})
        )
    if plan["centre"]:
        centre = Choice(
            "centre", label=catalogue.render("meet_choice_centre_named", lang, {"centre": plan["centre"]})
        )
    else:
        centre = Choice("centre", "meet_choice_centre")
    choices = (home, centre, Choice("other", "meet_choice_other"))
    if without is not None:
        left = tuple(choice for choice in choices if choice.key != without)
        return prompt(state, "meet_where_not_there", left)
    return prompt(state, "meet_where", choices, {"name": _other(plan, lang)})


def still_planning(state: dict[str, Any], profile: Profile) -> bool:
    """Proposing makes sense only while the thread is open (KLAAR, MELD or a re-match end it)."""
    plan = state.get("meet") or {}
    if plan.get("step") == "reminders":
        return True
    return any(t.id == plan.get("thread_id") and t.status == "open" for t in profile.threads)


def leave(state: dict[str, Any]) -> None:
    """The thread ended while planning: the message goes to the menu, and a question left for this
    plan waits there as MENU's way back ("Verder waar ik was")."""
    kept = state.pop(BACK, None)
    _done(state, ())
    if kept is not None:
        state["detour"] = kept


def handle(state: dict[str, Any], event: Event, profile: Profile, now: datetime) -> StepResult:
    """A message while proposing a meeting (state flow "meet")."""
    # A copy: the stored state is never changed in place (the engine saves a state that differs).
    plan: dict[str, Any] = dict(state.get("meet") or {})
    state["meet"] = plan
    step = plan.get("step")
    text = event.text.strip() if event.kind == "text" else ""
    if step == "reminders":
        return _on_reminders(state, chosen(state, event))
    if step == "where":
        if text and profile.threads and not _place_named_in(text, plan):
            # Round dialogue30: words about the other one before a place read in them ("I'd rather have
            # someone else" was "somewhere else"): held back and asked about, as in the thread.
            worried = threads.about_other(state, text, profile)
            if worried is not None:
                return worried
        answer = chosen(state, event)
        if answer in PLACES:
            plan["place_kind"] = answer
            if answer == "other":
                plan["step"] = "where_other"
                return StepResult(state, (prompt(state, "meet_where_other"),))
            return _ask_when(state, now)
        other = None if place_in_words(text, plan) is not None else other_place_in_words(text)
        if other is not None:
            plan["place_text"] = other  # "voor de bibliotheek om 3 uur" (round 23): another place, named
        if text and (place := "other" if other else place_in_words(text, plan)) is not None:
            # "kan ook woensdag om 3 uur bij mij thuis": the place, and the time when it is said too.
            plan["place_kind"] = place
            start = _moment_in_words(state, text, now)
            if start is None and other:
                # Round dialogue34: "przed biblioteką w czwartek o 12": the place's words ("przed" is
                # also "before") are no part of the time.
                start = _moment_in_words(state, text.replace(other, " "), now)
            if start is None:
                return _ask_when(state, now)
            plan.pop("starts_at", None)
            return _propose(state, start)
        if text and says_any(text, "meet_place_any"):
            # "maakt mij niet uit": the buurthuis, a public place for meeting someone new, read back;
            # it used to go to the other side as words for them, the question left open.
            plan["place_kind"] = "centre"
            chosen_place = say("meet_place_any", {"place": place_words(plan, language(state))})
            asked = _ask_when(state, now)
            return replace(asked, replies=(chosen_place, *asked.replies))
        if text and (unwanted := place_not_wanted(text, plan)) is not None:
            # "liever niet in het buurthuis": an answer, not words for the other side; asked again
            # with the places left (it went to the neighbour, the question open).
            return StepResult(state, (_where_prompt(state, without=unwanted),))
        if text and profile.threads:
            # Not an answer: words for the other side. They go on, the question open; unless they are
            # about the other one ("ik voel me niet veilig bij hem"): asked first, as in the thread.
            return threads.about_other(state, text, profile) or threads.relay(state, text, profile)
        return StepResult(state, (_where_prompt(state),))
    if step == "where_other":
        if not MIN_PLACE <= len(text) <= MAX_PLACE:
            return StepResult(
                state, (prompt(state, "meet_where_other_again", params={"max": str(MAX_PLACE)}),)
            )
        plan["place_text"] = " ".join(text.split())
        return _ask_when(state, now)
    if step == "night":
        candidate = plan.pop("night_candidate", None)
        if chosen(state, event) == "yes" and candidate:
            return _propose(state, datetime.fromisoformat(candidate))
        return _ask_when(state, now)
    if step == "when":
        when = parse_when(text, now) if text else None
        if when is None and text:
            # Round meetings21: "çarşamba sabah saat 10da", "w sobotę o 11": read as the ask flow reads
            # a time in the person's language (`parse_when` knows Dutch and English words only).
            when = _when_in_words(state, text, now)
        if when is None:
            return StepResult(state, (prompt(state, "meet_when_again"),))
        if when.kind != "moment" or when.recurrence is not None or when.start is None:
            return StepResult(state, (prompt(state, "meet_when_exact"),))
        if at_night(when):
            # "over 3 uur" at midnight: asked back, never agreed as it stands.
            plan["step"] = "night"
            plan["night_candidate"] = when.start.isoformat()
            params = {"when": describe_when(when, language(state))}
            return StepResult(state, (prompt(state, "night_check", YES_NO, params),))
        return _propose(state, when.start)
    return _done(state, ())


# The place of a meeting said in a sentence at "Waar zien jullie elkaar?": the home of the one who
# speaks, of the other, or anyone's ("thuis"), and the buurthuis.
MY_HOME = (
    "bij mij", "mijn huis", "bij mij thuis", "my place", "my home", "my house", "evimde", "bende", "u mnie",
    "у мене", "عندي", "فداري",  # noqa: RUF001
    "f dari", "fdari", "3ndi", "f dar dyali",  # round dialogue34: Darija in Latin letters
)  # fmt: skip
YOUR_HOME = (
    "bij jou", "bij u", "jouw huis", "uw huis", "your place", "your home", "your house", "sende", "sizde",
    "evinde", "u ciebie", "u pana", "u pani", "у вас", "у тебе", "عندك", "فدارك",  # noqa: RUF001
    "f darek", "fdarek", "3ndek", "f darkom",  # round dialogue34: Darija in Latin letters
)  # fmt: skip
ANY_HOME = ("thuis", "at home", "evde", "w domu", "вдома", "فالدار", "في البيت")
CENTRE = (
    "buurthuis", "wijkcentrum", "buurtcentrum", "community centre", "community center", "toplum merkezi",
    "mahalle merkezi", "dom sąsiedzki", "świetlica", "центр", "громадський центр", "المركز", "دار الحي",
    # round meetings21: the words as said after "in" (Polish, Ukrainian and Turkish endings)
    "świetlicy", "swietlicy", "domu sąsiedzkim", "domu sasiedzkim", "w centrum", "центрі", "центру",
    "громадському центрі", "toplum merkezinde", "mahalle merkezinde", "merkezde", "buurthuiste",
)  # fmt: skip


# A place said with one of these just before it is the place not wanted ("als het maar niet bij mij
# thuis is", "liever niet in het buurthuis"): it is left out of what the sentence names.
NOT_HERE = re.compile(
    r"\b(?:niet|geen|not|no|nie|не|ні|değil|degil|لا|ماشي)\s+(?:\S+\s+)?(?=\S)", re.IGNORECASE
)


def _place_named_in(text: str, plan: Mapping[str, Any]) -> bool:
    return place_in_words(text, plan) is not None or other_place_in_words(text) is not None


def place_in_words(text: str, plan: Mapping[str, Any]) -> str | None:
    """The place "home" or "centre" said in a sentence, from the side of the one planning (the host's home is
    "bij mij" for the host and "bij jou" for the other); None when no place, or another place. A place
    said right after a "not" ("als het maar niet bij mij thuis is") is no place named."""
    return _place_named(_without_places_not_wanted(text), plan)


def other_place_in_words(text: str) -> str | None:
    """Dialogue round 23: a public place to meet named in a sentence ("bij de ingang van de Jumbo", "voor
    de bibliotheek", "at the bus stop", "Jumbo'nun girişinde"): its words as said, from the preposition
    before the first place word (conversation.toml [round23_meeting_places]) to the last one, as the
    place of kind "other". It used to ask "Waar zien jullie elkaar?" again, or pass the answer on.
    None when the words name no such place, or a place not wanted ("niet bij de Jumbo")."""
    places = _meeting_places()
    for clause in re.split(r"[,.;:!?؟]+", text):
        words = clause.split()
        folded = [folded_words(word).split()[:1] for word in words]
        named = [i for i, word in enumerate(folded) if word and _is_place_word(word[0], places)]
        if not named:
            continue
        start = named[0]
        while start > named[0] - NAME_PARTS and _name_part(words, folded, start - 1):
            start -= 1  # round dialogue34: "voor de Albert Heijn": a name of more words, whole
        while start > 0 and folded[start - 1] and folded[start - 1][0] in _PREPOSITIONS | _ARTICLES:
            start -= 1  # "bij de", "in front of the": back to the first preposition before it
        while start < named[0] and folded[start] and folded[start][0] in _ARTICLES:
            start += 1  # no preposition: "de Jumbo" is said as "Jumbo"
        if start > 0 and folded[start - 1] and folded[start - 1][0] in _NOT_THERE:
            continue
        return " ".join(words[start : named[-1] + 1])[:MAX_PLACE] or None
    return None


# A place word said with a capital ("Heijn") takes up to this many capitalised words before it ("Albert").
NAME_PARTS = 2


def _name_part(words: list[str], folded: list[list[str]], at: int) -> bool:
    """The word at `at` is part of the name of the place word after it: both capitalised, and it is no
    preposition or article ("Voor de Albert Heijn": "Albert" is, "Voor" and "de" are not)."""
    if at < 0 or not folded[at] or folded[at][0] in _PREPOSITIONS | _ARTICLES | _TIME_WORDS:
        return False
    if folded[at][0] in day_names():
        return False  # "Morgen Jumbo", "Dinsdag Lidl": a day said first, no part of the name
    return words[at][:1].isupper() and words[at + 1][:1].isupper()


def _is_place_word(word: str, places: frozenset[str]) -> bool:
    # A longer word counts by its start too ("ingangen", "stationsplein", "girişinde").
    return word in places or any(len(place) >= PLACE_STEM and word.startswith(place) for place in places)


# A place word this long or longer also names the words it starts ("ingang" -> "ingangen").
PLACE_STEM = 5
_PREPOSITIONS = frozenset((
    "bij", "voor", "naast", "tegenover", "achter", "op", "aan", "in", "at", "outside", "near", "by",
    "opposite", "front", "of", "przed", "przy", "obok", "pod", "kolo", "біля", "коло", "перед", "عند", "أمام",
    "امام", "قرب", "قدام",
    # round dialogue34: Darija in Latin letters ("qdam lpharmacie", "7da ljame3")
    "qdam", "9dam", "hda", "7da", "f", "fi",
))  # fmt: skip
_ARTICLES = frozenset(("de", "het", "een", "the", "a"))
_TIME_WORDS = frozenset(("morgen", "vandaag", "overmorgen", "vanavond", "today", "tomorrow", "tonight"))
_NOT_THERE = frozenset(("niet", "geen", "not", "no", "nie", "не", "ні"))


@cache
def _meeting_places() -> frozenset[str]:
    return frozenset(phrase.strip() for phrase in conversation_words("round23_meeting_places"))


def place_not_wanted(text: str, plan: Mapping[str, Any]) -> str | None:
    """The place ("home" or "centre") a sentence says it does not want, when it wants none other
    ("liever niet in het buurthuis", "niet bij mij thuis hoor"); None otherwise, and for a question
    ("kan het niet gewoon bij mij thuis?" wants that place: it goes to the other side as before)."""
    if "?" in text or "؟" in text or place_in_words(text, plan) is not None:
        return None
    return _place_named(text, plan)


def _place_named(text: str, plan: Mapping[str, Any]) -> str | None:
    if _has_phrase(text, CENTRE) or (plan.get("centre") and _has_phrase(text, (str(plan["centre"]),))):
        return "centre"
    own, other = (MY_HOME, YOUR_HOME) if plan.get("host_is_me") else (YOUR_HOME, MY_HOME)
    if _has_phrase(text, own):
        return "home"
    if _has_phrase(text, other):
        return None  # the home of the one who is not the host: asked as any other place
    # "thuis" alone, not in a question for the other ("ben je thuis?").
    return "home" if _has_phrase(text, ANY_HOME) and "?" not in text else None


def _without_places_not_wanted(text: str) -> str:
    """The text with each clause cut at a "not" that has a place within its next words, up to a "but"."""
    kept = []
    places = (*MY_HOME, *YOUR_HOME, *ANY_HOME, *CENTRE)
    for clause in re.split(r"([,.;:!?؟]+)", text):
        match = NOT_HERE.search(clause)
        rest = clause[match.start() :] if match else ""
        if match and any(_has_phrase(" ".join(rest.split()[:5]), (place,)) for place in places):
            # "niet bij mij thuis maar in het buurthuis": what comes after the "but" still counts.
            turn = re.search(r"\s(?:maar|but|ale|але|لكن|بل)\s", rest)
            clause = clause[: match.start()] + (rest[turn.end() :] if turn else "")
        elif NOT_AFTER.search(clause) and any(_has_phrase(clause, (place,)) for place in places):
            clause = ""  # "buurthuis liever niet", "bij mij thuis kan niet": the not after the place
        kept.append(clause)
    return "".join(kept)


# A clause that ends in a "not", a word or two after a place ("buurthuis liever niet", "bij mij thuis kan
# niet", "evde olmaz"): the place is not wanted.
NOT_AFTER = re.compile(
    r"(?:^|\s)(?:\S+\s+)?(?:niet|not|nie|не|ні|değil|degil|olmaz|ماشي)(?:\s+(?:hoor|he|hè|graag|please|aub))?\s*$",
    re.IGNORECASE,
)


def _moment_in_words(state: dict[str, Any], text: str, now: datetime) -> datetime | None:
    """One day and time said in a sentence ("kan ook woensdag om 3 uur bij mij thuis"), not at night."""
    found = interpret.reading("ask_when", text, language(state), now)
    when = found.time.to_when(now, AMSTERDAM) if found.time is not None else None
    if when is None or when.kind != "moment" or when.recurrence is not None or when.start is None:
        return None
    return None if at_night(when) or when.start <= now else when.start


def _when_in_words(state: dict[str, Any], text: str, now: datetime) -> When | None:
    """A time read in the person's language (the ask flow's reader), as `parse_when` gives it."""
    found = interpret.reading("ask_when", text, language(state), now)
    return found.time.to_when(now, AMSTERDAM) if found.time is not None else None


def _ask_when(state: dict[str, Any], now: datetime) -> StepResult:
    """When? Not asked when the requester already agreed to a time (a volunteer's other time, still
    ahead): that time is proposed. A volunteer's window is said with the question."""
    plan = state["meet"]
    agreed = plan.pop("starts_at", None)
    if agreed and datetime.fromisoformat(agreed) > now:
        start = datetime.fromisoformat(agreed).astimezone(AMSTERDAM)
        return _propose(state, start)
    plan["step"] = "when"
    if plan.get("window"):
        lang = language(state)
        window = conditions.describe(conditions.Window.from_json(plan["window"]), lang)
        params = {"name": _other(plan, lang), "window": window}
        return StepResult(state, (prompt(state, "meet_when_window", params=params),))
    return StepResult(state, (prompt(state, "meet_when"),))


def _propose(state: dict[str, Any], start: datetime) -> StepResult:
    _forget_hints(state, state["meet"].get("thread_id"))
    reply, effect = _proposal(state["meet"], start, language(state))
    return _done(state, (reply,), (effect,))


def _proposal(plan: Mapping[str, Any], start: datetime, lang: str) -> tuple[Reply, Effect]:
    """The "meet_propose" effect of a plan and the read-back to the proposer."""
    zone = start.tzinfo.key if isinstance(start.tzinfo, ZoneInfo) else AMSTERDAM.key
    facts = {
        "starts_at": start.isoformat(),
        "zone": zone,
        "place_kind": plan["place_kind"],
        "place_text": plan.get("place_text"),
        "host": plan["host"],
        "host_is_me": plan["host_is_me"],
        "centre": plan["centre"],
        "name": plan["name"],
    }
    effect = Effect(
        "meet_propose",
        {
            "thread_id": plan["thread_id"],
            "meeting_id": plan.get("meeting_id"),
            "place_kind": plan["place_kind"],
            "place_text": plan.get("place_text"),
            "starts_at": start.isoformat(),
            "zone": zone,
        },
    )
    return say("meet_proposal_sent", params_of(facts, lang)), effect


def _done(state: dict[str, Any], replies: tuple[Reply, ...], effects: tuple[Effect, ...] = ()) -> StepResult:
    """Back to the menu without showing it: on SMS every extra menu is a message. A question left for
    this plan (AFSPRAAK typed mid-question) is asked again, led by "Dan gaan we verder waar we waren"."""
    kept = state.pop(BACK, None) if state.get("flow") == "meet" else None
    state["flow"] = "menu"
    state.pop("meet", None)
    state.pop("step", None)
    state["offered"] = []
    state.pop("prompt", None)
    if isinstance(kept, dict):
        lang = state.get("lang")
        state.clear()
        state.update(kept)
        state["lang"] = lang
        again = repeat_prompt(state)
        back = (replace(again[0], lead="status_then_back"), *again[1:]) if again else ()
        return StepResult(state, (*replies, *back), effects)
    return StepResult(state, replies, effects)


# --- buttons and numbers that answer a meeting question ------------------------------------------


def is_answer(choice: str | None) -> bool:
    if choice is None or choice.count(":") != 2:
        return False
    prefix, meeting_id, _ = choice.split(":")
    # A forged button is no answer: only ids a row can have (ASCII digits within a 64-bit integer).
    return prefix in PREFIXES and meeting_id.isascii() and meeting_id.isdigit() and len(meeting_id) <= 18


# "Is het gelukt?" answered with a wish to meet again ("ja het was gezellig, volgende week weer?"): the
# "Volgende week weer?" question is answered with it. Whole words, any language of the six.
AGAIN = (
    "volgende week weer", "volgende week nog een keer", "nog een keer", "nog eens", "elke week",
    "iedere week", "wekelijks", "vaker", "weer afspreken", "next week again", "again next week", "every week",
    "weekly", "do it again", "meet again", "haftaya yine", "her hafta", "yine görüşelim", "co tydzień",
    "za tydzień znowu", "jeszcze raz", "щотижня", "наступного тижня знову", "ще раз", "كل أسبوع",
    "كل سيمانة", "مرة أخرى",
)  # fmt: skip


def wants_again(text: str) -> bool:
    # Round 19: also "nog een keertje", "we zijn nog niet klaar" (conversation.toml).
    if says_any(text, "meetings21_thanks_again"):
        # "tekrar teşekkürler", "ще раз дякую": thanks once more, no wish to meet once more.
        text = without_said(text, "meetings21_thanks_again")
    return (
        _has_phrase(text, AGAIN)
        or says_any(text, "round19_meet_once_more")
        or says_any(text, "meetings21_again")
        or says_any(text, "dialogue25_again")
    )


def on_answer(state: dict[str, Any], choice: str, text: str = "", now: datetime | None = None) -> StepResult:
    prefix, raw_id, answer = choice.split(":")
    meeting_id = int(raw_id)
    seen: Mapping[str, Any] = (state.get("meetings") or {}).get(raw_id) or {}
    params: dict[str, str] = dict(seen.get("params") or {})
    state["offered"] = []
    state.pop("prompt", None)
    replies: list[Reply] = []
    effects: list[Effect] = []
    if prefix == "meetw":
        return _said_answer(state, raw_id, answer)
    if prefix == "meet":
        # A yes is answered by "Afgesproken" to both; another proposal by the where question.
        effects.append(Effect("meet_answer", {"meeting_id": meeting_id, "answer": answer}))
    elif prefix == "meetok" and answer in ("yes", "no"):
        effects.append(Effect("meet_outcome", {"meeting_id": meeting_id, "outcome": answer}))
        if answer == "yes":
            replies.append(say("meet_thanks"))
            if seen.get("recurring"):
                pass  # the next week's meeting is already agreed: the bot says when
            elif params and wants_again(text):
                # "ja het was gezellig, volgende week weer?": that is the answer to "meet again?" too;
                # "kan hij voortaan elke dinsdag?" on that weekday (round dialogue27).
                effect, reply = weekly_asked(state, text, meeting_id, seen, now)
                effects.append(effect)
                replies.append(reply)
            elif params:
                choices: tuple[Choice, ...] = (
                    Choice(f"meetwk:{meeting_id}:yes", "meet_choice_weekly"),
                    Choice(f"meetwk:{meeting_id}:no", "meet_choice_no_thanks"),
                )
                replies.append(prompt(state, "meet_again", choices, params))
            if not any(reply.choices for reply in replies):
                replies.extend(_invite_to_activity(state, meeting_id, seen, now))
            # else: one question at a time; the activity comes after "Volgende week weer afspreken?"
        else:
            stop = "meet_choice_rematch" if seen.get("role") == "requester" else "meet_choice_stop"
            choices = (
                Choice(f"meetno:{meeting_id}:again", "meet_choice_new_time"),
                Choice(f"meetno:{meeting_id}:rematch", stop),
                Choice(f"meetno:{meeting_id}:leave", "meet_choice_leave"),
            )
            replies.append(prompt(state, "meet_not_happened", choices))
    elif prefix == "meetwk":
        if answer == "yes":
            effects.append(Effect("meet_weekly", {"meeting_id": meeting_id}))
            replies.append(say("meet_weekly_asked", params))
        else:
            replies.append(say("meet_later_ok"))
        replies.extend(_invite_to_activity(state, meeting_id, seen, now))
    elif prefix == "meetact":
        replies_, effects_ = _activity_answer(state, seen, answer, now)
        replies.extend(replies_)
        effects.extend(effects_)
    elif prefix == "meetno":
        if answer == "again":
            effects.append(Effect("meet_reschedule", {"meeting_id": meeting_id}))
        elif answer == "rematch":
            effects.append(Effect("meet_rematch", {"meeting_id": meeting_id}))
            key = "meet_rematching" if seen.get("role") == "requester" else "meet_stopped_helping"
            replies.append(say(key, params))
        else:
            replies.append(say("meet_later_ok"))
    elif prefix == "meetm":
        if answer == "change":
            effects.append(Effect("meet_reschedule", {"meeting_id": meeting_id}))
        elif answer == "cancel" and seen.get("role") == "volunteer" and not seen.get("recurring"):
            # Round dialogue27: a volunteer who cancels the one meeting leaves the resident without help:
            # the request goes back to matching (`rematch`: the engine ends the meeting and the thread and
            # tells the resident kindly, once).
            effects.append(Effect("meet_cancel", {"meeting_id": meeting_id, "rematch": True}))
            replies.append(say("meet_cancelled_rematch", params))
        elif answer == "cancel":
            effects.append(Effect("meet_cancel", {"meeting_id": meeting_id}))
            replies.append(say("meet_cancelled", params))
        elif answer == "keep":
            replies.append(say("meet_kept", params))
        elif answer == "rematch":
            # An ill or absent volunteer: the thread ends and the request goes to other neighbours.
            effects.append(Effect("meet_rematch", {"meeting_id": meeting_id}))
            replies.append(say("meet_stopped_helping", params))
        elif answer == "reminders":
            state["flow"] = "meet"
            state["meet"] = {"step": "reminders"}
            return StepResult(state, (prompt(state, "meet_reminders", REMINDER_CHOICES),))
    if any(reply.choices for reply in replies):
        # A question follows ("Volgende week weer afspreken?"): the one the person was busy with waits
        # until that is answered too (round 17: it used to be dropped here, the request never asked again).
        return StepResult(state, tuple(replies), tuple(effects))
    resume = state.pop("resume_prompt", None)
    if resume is not None:
        state["prompt"] = resume
        replies.extend(repeat_prompt(state))
    return StepResult(state, tuple(replies), tuple(effects))


def weekly_wish(
    state: dict[str, Any], text: str, seen: Mapping[str, Any], now: datetime | None
) -> tuple[int, time | None] | None:
    """The weekday (Monday 0) and the hour of a weekly wish that names a day ("kan hij voortaan elke
    dinsdag?", "every Tuesday", "щовівторка", round dialogue27; "elke dinsdag om 3 uur"): None when it
    names neither another day nor another hour than the meeting's own; the hour None when it is kept."""
    if now is None or not seen.get("starts_at"):
        return None
    said = interpret.reading("ask_when", text, language(state), now).time
    if said is None or said.recurrence != "weekly" or len(said.days) != 1:
        return None
    day = int(said.days[0])
    own = starts(seen)
    hour = said.at if said.at is not None and said.at != own.time().replace(tzinfo=None) else None
    return None if day == own.weekday() and hour is None else (day, hour)


def weekly_asked(
    state: dict[str, Any], text: str, meeting_id: int, seen: Mapping[str, Any], now: datetime | None
) -> tuple[Effect, Reply]:
    """Every week asked of the other: at the meeting's own day and time, or on the weekday (and hour)
    said; the meeting's place is kept."""
    params = dict(seen.get("params") or {})
    wish = weekly_wish(state, text, seen, now)
    if wish is None:
        return Effect("meet_weekly", {"meeting_id": meeting_id}), say("meet_weekly_asked", params)
    day, hour = wish
    named = describe_weekday(day, None, language(state))
    data: dict[str, Any] = {"meeting_id": meeting_id, "weekday": day}
    if hour is None:
        return Effect("meet_weekly", data), say("meet_weekly_day_asked", {**params, "day": named})
    data["at"] = hour.strftime("%H:%M")
    asked = say("meet_weekly_day_time_asked", {**params, "day": named, "time": data["at"]})
    return Effect("meet_weekly", data), asked


def weekly_in_words(
    state: dict[str, Any], text: str, thread_id: Any, now: datetime
) -> tuple[Reply, Effect] | None:
    """Words to the neighbour that wish to meet every week with a meeting agreed ("kan Henk voortaan
    iedere dinsdag komen?", "ik kan voortaan elke woensdag bij Ans langs"): passed on (by the caller),
    and every week on that day asked of the other, as after "Is het gelukt?" (round dialogue27). None
    without such a wish, a day of the week, or an agreed meeting of this thread that is not weekly yet."""
    if not wants_again(text):
        return None
    known = [
        (raw_id, seen)
        for raw_id, seen in (state.get("meetings") or {}).items()
        if seen.get("thread_id") == thread_id and seen.get("starts_at") and seen.get("params")
    ]
    if not known or any(seen.get("recurring") for _, seen in known):
        return None
    raw_id, seen = max(known, key=lambda item: starts(item[1]))
    said = interpret.reading("ask_when", text, language(state), now).time
    if said is None or said.recurrence != "weekly" or len(said.days) != 1:
        return None
    effect, reply = weekly_asked(state, text, int(raw_id), seen, now)
    return reply, effect


# A message in the thread that says the person cannot come ("ik moet vandaag afzeggen", "ik kan morgen
# toch niet"): besides the words for the neighbour, the meeting can be moved or cancelled.
CANCEL_WORDS = (
    "afzeggen", "afbellen", "zeg af", "zeg ik af", "gaat ... niet door", "kan ... niet komen",
    "kan ... niet meer komen", "kan ... toch niet$", "kun ... toch niet$", "lukt ... toch niet$",
    "cancel", "can t make it", "cannot make it", "cant make it", "can t come", "cannot come", "cant come",
    "iptal", "gelemeyeceğim", "gelemiyorum", "gelemem", "odwołać", "odwołuję", "nie mogę przyjść",
    "nie dam rady przyjść", "скасувати", "скасовую", "не зможу прийти", "не можу прийти", "не зможу",
    "ما نقدرش نجي", "ما غاديش نجي", "لا أستطيع الحضور", "نلغي",
)  # fmt: skip


def _has_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    """A phrase is in the text as whole words; "..." in a phrase stands for up to three words ("kan ...
    toch niet": "ik kan morgen toch niet"); a phrase ending in "$" ends a clause ("kan ... toch niet$" is
    not "ik kan de sleutel toch niet vinden")."""
    clauses = [folded_words(clause) for clause in re.split(r"[,.;:!?؟]+", text)]
    for phrase in phrases:
        at_end = phrase.endswith("$")
        parts = [folded_words(part).strip() for part in phrase.rstrip("$").split("...")]
        pattern = " " + r"(?:\S+ ){0,3}".join(re.escape(part + " ") for part in parts if part)
        if any(re.search(pattern + ("$" if at_end else ""), clause) for clause in clauses):
            return True
    return False


def proposed_in_words(state: dict[str, Any], text: str, thread_id: Any, now: datetime) -> Reply | None:
    """Words passed on to the neighbour that propose to meet at a day and hour ("kunnen we donderdag om 2
    uur afspreken bij mij thuis?", "ik kom woensdag om 10 uur langs"), with no meeting of the thread
    ahead: whether the bot should make it a meeting (both get a reminder, "Is het gelukt?" after). The
    words (conversation.toml [meet_said]) and the time are kept for the plan (`_said_answer`, `_plan`).
    Before (session 27) such words were only passed on: the meeting the flows are built for stayed
    unmade unless someone knew to send AFSPRAAK."""
    said = says_any(text, "meet_said") or says_any(text, "meetings21_meet_said") or _place_said(text)
    if not said or says_any(text, "meet_said_not") or _ahead(state, thread_id, now):
        return None
    start = _moment_in_words(state, text, now)
    if start is None:
        return None
    state[SAID] = {"thread_id": thread_id, "text": text[: MAX_PLACE * 4], "starts_at": start.isoformat()}
    choices = (Choice(f"meetw:{thread_id}:yes", "choice_yes"), Choice(f"meetw:{thread_id}:no", "choice_no"))
    when = describe_when(When("moment", start), language(state))
    return prompt(state, "meet_said_offer", choices, {"when": when})


# Round meetings21: a day and time with a place of meeting named ("perşembe saat 2de bende", "w czwartek
# o 14 u mnie w domu", Ukrainian "... 15:00 v buurthuis") proposes to meet without a verb for it. A plain
# "thuis" is left out ("ik ben morgen om 10 uur thuis" tells where one is).
MEETING_PLACES = (*MY_HOME, *YOUR_HOME, *CENTRE)


def _place_said(text: str) -> bool:
    if _has_phrase(_without_places_not_wanted(text), MEETING_PLACES):
        return True
    # Round 23: a public place ("zal ik zaterdag om 11 uur bij de Lidl op je wachten?"), unless the words
    # tell where one is ("ik ben dinsdag om 10 uur bij de apotheek").
    return other_place_in_words(text) is not None and not says_any(text, "round23_where_i_am")


def _ahead(state: dict[str, Any], thread_id: Any, now: datetime) -> bool:
    """A meeting of this thread still ahead, as far as this conversation has seen."""
    return any(
        seen.get("thread_id") == thread_id
        and seen.get("starts_at")
        and datetime.fromisoformat(str(seen["starts_at"])) > now
        for seen in (state.get("meetings") or {}).values()
    )


def _said_answer(state: dict[str, Any], thread_id: str, answer: str) -> StepResult:
    """Yes: the plan is asked for (AFSPRAAK's effect) with the time said as agreed, the place read from
    the words when it arrives; no: the words went to the neighbour, nothing more."""
    said = state.get(SAID) or {}
    if answer != "yes" or str(said.get("thread_id")) != thread_id:
        state.pop(SAID, None)
        return StepResult(state, (say("meet_said_no"),))
    hints: dict[str, Any] = dict(state.get("meet_hints") or {})
    hints[thread_id] = {"starts_at": said["starts_at"]}
    state["meet_hints"] = dict(list(hints.items())[-REMEMBERED:])
    return StepResult(state, (), (Effect("meet_manage", {"thread_id": int(thread_id)}),))


def cannot_come(state: dict[str, Any], text: str, thread_id: Any, now: datetime) -> Reply | None:
    """Words passed on to the neighbour that say the person cannot come to the meeting still ahead with
    them ("sorry, ik moet vandaag afzeggen", "oh jee, ik kan morgen toch niet"): the question to move
    it or cancel it (or it goes on after all), so the meeting does not stay agreed in the bot while
    both know it will not happen. None when no such meeting is known, or the words do not say so."""
    # "no longer" with a word for helping counts from a volunteer only (a requester who needs no help
    # any more is no volunteer who stops).
    paired = says_any(text, "meetings21_no_longer") and says_any(text, "meetings21_helping")
    stops = says_any(text, "meetings21_stop_helping") or paired
    said_plain = (
        _has_phrase(text, CANCEL_WORDS)
        or says_any(text, "meetings21_cannot_come")
        or _has_phrase(text, _cannot_come_27())
    )
    day_asked = _other_day_asked(state, text, thread_id, now, cannot=said_plain)
    moves = (
        says_any(text, "meetings21_move") or _other_time_said(state, text, thread_id, now) or bool(day_asked)
    )
    said = said_plain or stops or moves
    reason = life_events.absent_said(text) or stops
    absent = reason and not said
    if not (said or absent):
        return None
    ahead = [
        (str(seen["starts_at"]), raw_id, seen)
        for raw_id, seen in (state.get("meetings") or {}).items()
        if seen.get("thread_id") == thread_id
        and seen.get("starts_at")
        and not seen.get("recurring")
        and datetime.fromisoformat(str(seen["starts_at"])) > now
    ]
    if absent:
        ahead = [item for item in ahead if _absent_then(text, datetime.fromisoformat(item[0]), now)]
    if not ahead:
        return None
    _, raw_id, seen = min(ahead, key=lambda item: datetime.fromisoformat(item[0]))
    if (
        paired
        and not (said_plain or moves or life_events.absent_said(text))
        and seen.get("role") != "volunteer"
    ):
        return None
    if moves and (start := _moment_in_words(state, text, now) or day_asked) is not None:
        # "kunnen we het verzetten naar vrijdag om 11 uur?": the new time is proposed once the plan for
        # the meeting comes ("Andere tijd"), after where (`_plan`).
        state[MOVED] = {"thread_id": str(thread_id), "starts_at": start.isoformat()}
    choices: tuple[Choice, ...] = (
        Choice(f"meetm:{raw_id}:change", "meet_choice_change"),
        Choice(f"meetm:{raw_id}:cancel", "meet_choice_cancel"),
        Choice(f"meetm:{raw_id}:keep", "meet_choice_keep"),
    )
    if seen.get("role") == "volunteer":
        # An ill or absent volunteer (round 18), or one who must work (round 23: "ik moet morgen werken,
        # kan niet komen"): someone else may take the request over, so the resident is not left waiting.
        choices = (*choices[:2], Choice(f"meetm:{raw_id}:rematch", "meet_choice_rematch"), choices[2])
    return prompt(state, "meet_cannot_come", choices, dict(seen.get("params") or {}))


def _other_day_asked(
    state: dict[str, Any], text: str, thread_id: Any, now: datetime, *, cannot: bool = False
) -> datetime | None:
    """Round dialogue28: another day asked for the meeting ahead, without an hour ("zou het ook woensdag
    kunnen?", "çarşamba olur mu?"): a question ([dialogue28_day_asked], round 21's [meetings21_move_time])
    naming one day; the meeting's own hour on that day, when that is another day and still ahead.
    Round dialogue34: after words that say they cannot come (`cannot`), a question mark or a maybe asks
    too ("donderdag lukt me niet meer, zaterdag misschien?", "we wtorek nie mogę, może w piątek?"), and
    a message that names two days is read clause by clause from the end: the day asked comes last."""
    asks = says_any(text, "dialogue28_day_asked") or says_any(text, "meetings21_move_time")
    if not asks and not (cannot and ("?" in text or "؟" in text or says_any(text, "round23_undecided"))):
        return None
    clauses = [part for part in re.split(r"[,.;:!?؟]+", text) if part.strip()]
    for part in (text, *reversed(clauses)) if len(clauses) > 1 else (text,):
        if (moved := _day_asked_in(state, part, thread_id, now)) is not None:
            return moved
    return None


def _day_asked_in(state: dict[str, Any], text: str, thread_id: Any, now: datetime) -> datetime | None:
    """The meeting ahead of the thread moved to the one day `text` names, at its own hour."""
    said = interpret.reading("ask_when", text, language(state), now).time
    if said is None or said.at is not None or said.recurrence is not None or len(said.days) > 1:
        return None
    if not (said.days or said.relative_day is not None or said.date is not None):
        return None
    when = said.to_when(now, AMSTERDAM)
    if when is None or when.start is None:
        return None
    day = when.start.astimezone(AMSTERDAM).date()
    for seen in (state.get("meetings") or {}).values():
        if seen.get("thread_id") != thread_id or not seen.get("starts_at") or seen.get("recurring"):
            continue
        starts = datetime.fromisoformat(str(seen["starts_at"])).astimezone(AMSTERDAM)
        moved = datetime.combine(day, starts.timetz().replace(tzinfo=None), AMSTERDAM)
        if starts > now and day != starts.date() and moved > now:
            return moved
    return None


@cache
def _cannot_come_27() -> tuple[str, ...]:
    """Round dialogue27: "morgen gaat het bij mij niet lukken" ("..." gaps and "$" ends as CANCEL_WORDS)."""
    return tuple(str(p) for p in lexicon("conversation")["dialogue27_cannot_come"]["phrases"])


def _other_time_said(state: dict[str, Any], text: str, thread_id: Any, now: datetime) -> bool:
    """Round meetings21: words that propose a time ("cuma günü saat 11e alabilir miyiz?", "kunnen we
    ook donderdag om 2 uur?") while a meeting of the thread is ahead at another time: a move."""
    if not (
        says_any(text, "meet_said")
        or says_any(text, "meetings21_meet_said")
        or says_any(text, "meetings21_move_time")
    ) or says_any(text, "meet_said_not"):
        return False
    said = interpret.reading("ask_when", text, language(state), now).time
    if said is None or not (said.days or said.relative_day is not None or said.date is not None):
        return False  # "ik kom om 2 uur": an hour alone is no other day, it may well be the same meeting
    start = _moment_in_words(state, text, now)
    if start is None:
        return False
    return any(
        seen.get("thread_id") == thread_id
        and seen.get("starts_at")
        and datetime.fromisoformat(str(seen["starts_at"])) > now
        and datetime.fromisoformat(str(seen["starts_at"])) != start
        # Round dialogue27: "ik kom morgen een kwartiertje later": the meeting's own day, no hour: no move.
        and not (said.at is None and _day_named(said, now) == starts(seen).date())
        for seen in (state.get("meetings") or {}).values()
    )


def _day_named(said: Any, now: datetime) -> Any:
    """The local date a reading names by "vandaag"/"morgen" or one weekday (the coming one), else None."""
    today = now.astimezone(AMSTERDAM).date()
    if said.relative_day is not None:
        return today + timedelta(days=int(said.relative_day))
    if len(said.days) == 1:
        return today + timedelta(days=(int(said.days[0]) - today.weekday()) % 7)
    return None


# Ill without a day said: the meetings of the next two days are the ones it touches.
ILL_AHEAD = timedelta(hours=48)


def _absent_then(text: str, starts: datetime, now: datetime) -> bool:
    """Whether an absence or illness told in `text` touches a meeting at `starts`: on a day the words
    name ("ik ben er donderdag niet"), before the end they say ("tot vrijdag"), else within two days.
    "ik ben er vrijdag niet" leaves Tuesday's meeting alone (the words still go to the neighbour)."""
    days = _days_named(text, now)
    if days:
        return starts.astimezone(AMSTERDAM).date() in days
    until = life_events.until_said(text, now)
    if until is not None:
        return starts < until
    return starts - now <= ILL_AHEAD


def _days_named(text: str, now: datetime) -> set[Any]:
    """The dates single words of `text` name ("morgen", "donderdag", "tomorrow"), as `parse_when` reads
    them; a "tot"/"until" date is an end, not a day away."""
    plain = re.split(r"\b(?:tot|until|till|t/m)\b", simplify(text))[0]
    days = set()
    for word in re.findall(r"\w+", plain):
        found = parse_when(word, now)
        if found is not None and found.start is not None and found.recurrence is None:
            days.add(found.start.astimezone(AMSTERDAM).date())
    return days


def shift_minutes(text: str) -> int | None:
    """How far a meeting is asked to move, in minutes (later positive, earlier negative), when a clause
    asks it ("kan het een half uur later?", "could we make it an hour earlier", "pół godziny później?"):
    an amount of conversation.toml [meet_shift_minutes], a direction ([meet_shift_later|earlier]) at
    most three words after it or right before it, and a question mark or a word of asking
    ([meet_shift_asking]) in the message. None otherwise ("ik kom een kwartier later" only tells)."""
    asked = (
        "?" in text
        or "؟" in text
        or any(p in folded_words(text) for p in conversation_words("meet_shift_asking"))
    )
    if not asked:
        return None
    amounts = lexicon("conversation")["meet_shift_minutes"]
    by_length = sorted(
        (
            (int(minutes), f" {simplify(phrase)} ")
            for minutes, phrases in amounts.items()
            for phrase in phrases
        ),
        key=lambda item: len(item[1]),
        reverse=True,
    )
    for clause in re.split(r"[,.;:!?؟]+", text):
        words = folded_words(clause)
        present = [(minutes, amount) for minutes, amount in by_length if amount in words]
        for sign, section in ((1, "meet_shift_later"), (-1, "meet_shift_earlier")):
            for direction in (d for d in conversation_words(section) if present and d in words):
                for minutes, amount in present:
                    gap = r"(?:\S+ ){0,3}"
                    after = re.escape(amount) + gap + re.escape(direction.lstrip())
                    before = re.escape(direction) + r"(?:\S+ )?" + re.escape(amount.lstrip())
                    if re.search(after, words) or re.search(before, words):
                        return sign * minutes
    return None


def _proposal_again(
    seen: Mapping[str, Any], thread_id: Any, raw_id: str, start: datetime, lang: str
) -> tuple[Reply, Effect]:
    """A meeting this person saw proposed, proposed again at `start` at the same place (a counter-
    proposal, a time moved in words). The place as this person saw it ("bij Joke thuis", "bij jou
    thuis"), not rebuilt from its kind."""
    seen_params: Mapping[str, str] = seen.get("params") or {}
    plan = {
        "thread_id": thread_id,
        "meeting_id": int(raw_id),
        "place_kind": seen["place_kind"],
        "place_text": seen.get("place_text"),
        "host": "",
        "host_is_me": False,
        "centre": "",
        "name": str(seen_params.get("name") or ""),
    }
    sent, effect = _proposal(plan, start, lang)
    return say("meet_proposal_sent", {**sent.params, "place": str(seen_params.get("place") or "")}), effect


def shift_in_words(
    state: dict[str, Any], text: str, thread_id: Any, now: datetime
) -> tuple[Reply, Effect] | None:
    """Words to the neighbour that ask to move the meeting ahead with them by a little ("kan het een half
    uur later?"): the moved time at the same place is proposed, as "Andere tijd" would after a when,
    so the other side confirms it with one tap. None when no such meeting is known (a weekly one is
    not moved this way), the words ask no move, or the moved time has passed or falls at night."""
    minutes = shift_minutes(text)
    instead = says_any(text, "dialogue25_instead") or says_any(text, "dialogue25_instead_after")
    hour_asked = ("?" in text or "؟" in text) and says_any(text, "dialogue25_hour_asked")
    if minutes is None and not (instead or hour_asked):
        return None
    ahead = [
        (datetime.fromisoformat(str(seen["starts_at"])), raw_id, seen)
        for raw_id, seen in (state.get("meetings") or {}).items()
        if seen.get("thread_id") == thread_id
        and seen.get("starts_at")
        and seen.get("place_kind")
        and not seen.get("recurring")
        and datetime.fromisoformat(str(seen["starts_at"])) > now
    ]
    if not ahead:
        return None
    start, raw_id, seen = min(ahead, key=lambda item: item[0])
    zone = ZoneInfo(str(seen.get("zone") or AMSTERDAM.key))
    if minutes is not None:
        moved = (start + timedelta(minutes=minutes)).astimezone(zone)
    elif (other := _instead_time(state, text, start.astimezone(zone), now)) is not None:
        moved = other  # round dialogue25: "kan het om 3 uur ipv 2?", "kan hij om half 2?"
    else:
        return None
    if moved <= now or at_night(When("moment", moved)):
        return None
    return _proposal_again(seen, thread_id, raw_id, moved, language(state))


def counter_in_words(state: dict[str, Any], text: str, now: datetime) -> StepResult | None:
    """Words that answer an open proposal with a time that does not suit ("kan pas om 3 uur", "ja,
    maar niet op donderdag"): the same place at the nearest time that fits the words (as a volunteer's
    condition on an invitation: flows/conditions.py) is proposed back, as "Ander voorstel" would after
    a where and a when. None when the words say no time, or one the proposal already fits: then they
    are words for the other side, as before."""
    last = state.get("prompt") or {}
    if last.get("key") not in ("meet_proposal", "meet_proposal_weekly", "meet_proposal_weekly_new_time"):
        return None
    ids = {
        str(choice[0]).split(":")[1]
        for choice in last.get("choices") or []
        if str(choice[0]).startswith("meet:")
    }
    if len(ids) != 1:
        return None
    raw_id = ids.pop()
    seen: Mapping[str, Any] = (state.get("meetings") or {}).get(raw_id) or {}
    if not seen.get("starts_at") or not seen.get("place_kind") or seen.get("thread_id") is None:
        return None
    found = interpret.reading("invitation", text, language(state), now)
    window = conditions.parse(found.condition, now) if found.answer in ("yes", "later") else None
    zone = ZoneInfo(str(seen.get("zone") or AMSTERDAM.key))
    start = datetime.fromisoformat(str(seen["starts_at"])).astimezone(zone)
    if window is None:
        proposal = _better_time(state, text, start, now)
    else:
        proposal = conditions.decide(window, When("moment", start), now, zone).proposal
    if proposal is None:
        return None
    sent, effect = _proposal_again(seen, seen["thread_id"], raw_id, proposal, language(state))
    state["offered"] = []
    state.pop("prompt", None)
    replies: list[Reply] = [sent]
    resume = state.pop("resume_prompt", None)
    if resume is not None:
        state["prompt"] = resume
        replies.extend(repeat_prompt(state))
    return StepResult(state, tuple(replies), (effect,))


def _better_time(state: dict[str, Any], text: str, start: datetime, now: datetime) -> datetime | None:
    """Round meetings21: "om 4 uur is beter", "4pm would suit me better": a time said with "better" or
    "rather" at "Past dat?": that time, on the proposal's day when no day is said. None when it is the
    proposal's own time, or past."""
    if not says_any(text, "meetings21_better"):
        return None
    said = interpret.reading("ask_when", text, language(state), now).time
    if said is None or said.at is None or said.recurrence is not None:
        return None
    if not said.days and said.relative_day is None and said.date is None and said.week is None:
        better = start.replace(hour=said.at.hour, minute=said.at.minute)
    else:
        when = said.to_when(now, AMSTERDAM)
        if when is None or when.kind != "moment" or when.start is None:
            return None
        better = when.start
    return None if better == start or better <= now or at_night(When("moment", better)) else better


def _invite_to_activity(
    state: dict[str, Any], meeting_id: int, seen: Mapping[str, Any], now: datetime | None
) -> tuple[Reply, ...]:
    """After a meeting that happened: the neighbourhood activity the bot found (bot/effects/meetings.py
    `nearby_activity`: soon, near where they met, not joined yet), as a question, once. None found, or
    its start passed meanwhile: nothing."""
    activity = seen.get("activity")
    if not isinstance(activity, Mapping) or seen.get("activity_asked") or not _activity_ahead(activity, now):
        return ()
    _note_seen(state, meeting_id, activity_asked=True)
    choices = (
        Choice(f"meetact:{meeting_id}:yes", "meet_choice_join"),
        Choice(f"meetact:{meeting_id}:no", "meet_choice_no_thanks"),
    )
    return (prompt(state, "meet_activity", choices, agenda.item_params(state, activity)),)


def _activity_answer(
    state: dict[str, Any], seen: Mapping[str, Any], answer: str, now: datetime | None
) -> tuple[tuple[Reply, ...], tuple[Effect, ...]]:
    """ "Doe je mee?": a yes signs up for that date (as AGENDA's "Ik doe mee"), a no is fine."""
    activity = seen.get("activity")
    if answer != "yes" or not isinstance(activity, Mapping):
        return (say("meet_activity_no"),), ()
    params = agenda.item_params(state, activity)
    if not _activity_ahead(activity, now):
        return (say("meet_activity_past", params),), ()
    effect = Effect("agenda_signup", {"activity_id": activity["activity_id"], "on": activity["on"]})
    on = datetime.fromisoformat(str(activity["on"])).date()
    reminded = now is None or agenda.reminder_at(on) > now
    return (say("agenda_signed_up" if reminded else "agenda_signed_up_soon", params),), (effect,)


def _activity_ahead(activity: Mapping[str, Any], now: datetime | None) -> bool:
    """The suggested date has not started yet (answers can come days later)."""
    try:
        starts = agenda.item_starts_at(activity)
    except (KeyError, ValueError):
        return False
    return now is None or starts > now


def _note_seen(state: dict[str, Any], meeting_id: int, **marks: Any) -> None:
    """Marks on what is remembered of a meeting (a new dict: the engine saves a state that differs)."""
    seen = dict(state.get("meetings") or {})
    key = str(meeting_id)
    if key in seen:
        seen[key] = {**seen[key], **marks}
        state["meetings"] = seen


def _on_reminders(state: dict[str, Any], answer: str | None) -> StepResult:
    choice = answer.removeprefix("remind:") if answer else None
    if choice is None or choice not in REMINDERS:
        return StepResult(state, (prompt(state, "meet_reminders", REMINDER_CHOICES),))
    evening, hours = REMINDERS[choice]
    effect = Effect("meet_reminders", {"evening": evening, "hours_before": hours})
    return _done(state, (say("meet_reminders_set"),), (effect,))


def command(state: dict[str, Any], profile: Profile) -> StepResult:
    """AFSPRAAK: the meeting with the current thread's neighbour: plan one, or see, change, cancel it."""
    thread = threads.current(state, profile)
    if thread is None:
        open_threads = [t for t in profile.threads if t.status == "open"]
        thread = open_threads[0] if open_threads else None
    if thread is None:
        return StepResult(state, (say("meet_no_thread"),))
    # Asked for here: the plan that comes back for this thread starts, also mid-question (`_plan`).
    state[ASKED] = thread.id
    return StepResult(state, (), (Effect("meet_manage", {"thread_id": thread.id}),))


# --- Dialogue round 19 (tests/test_dialogues_redteam19.py): "Is het gelukt?" with more than a yes ----------

# Where a yes or no said first ends and the rest begins ("het is gelukt maar hij rook naar drank").
_BUT = re.compile(r"[,.;!?؟]+|\s(?:maar|but|ama|fakat|ale|але|проте|لكن|بس)\s", re.IGNORECASE)


def check_in_words(state: dict[str, Any], text: str, choice: str | None, now: datetime) -> StepResult | None:
    """ "Is het gelukt?" answered with more than a yes or a no: how the other behaved goes to the team
    (`meet_complaint`, with the yes or no when one is said); a remark (late, left early) is heard and
    passed on beside the yes (`meet_remark`); "hij kwam niet opdagen" is a no, praise or "het is gelukt
    maar ..." a yes; a no with a new day ("ze was ziek, we doen het maandag") asks for the new time at
    once (`meet_reschedule`), the day said read back. None: the usual reading stands."""
    asked = state.get("prompt") or {}
    if asked.get("key") != "meet_check" or not text.strip():
        return None
    ids = [str(key).split(":")[1] for key, _ in state.get("offered") or [] if str(key).startswith("meetok:")]
    if not ids:
        return None
    meeting_id = ids[0]
    if (thanked := thanks_alone(state, text)) is not None:
        return thanked
    answer = choice.split(":")[2] if choice is not None and choice.startswith("meetok:") else None
    complaint = (
        says_any(text, "round19_meet_complaint")
        or says_any(text, "dialogue25_complaint")
        or threads.money_asked(text)
    )
    if not complaint and says_any(text, "dialogue25_not_again"):
        # "liever niet meer met hem": not this neighbour again (its "niet" is no "it did not happen").
        return _not_again(state, int(meeting_id), _first_clause_answer(state, text))
    if says_any(text, "round19_meet_no_show") or (answer is None and says_any(text, "round19_meet_not_done")):
        answer = "no"
    if answer is None:
        answer = _first_clause_answer(state, text)
    if answer is None and _good(text) and not complaint:
        answer = "yes"
    remark = answer != "no" and (says_any(text, "round19_meet_remark") or _reservation(text))
    if answer is None and remark:
        answer = "yes"  # "hij was een uur te laat": late, but he came
    if answer is None and wants_again(text) and not says_any(text, "round19_meet_not_good"):
        answer = "yes"  # round dialogue25: "kan Henk elke week komen?", "zelfde tijd volgende week?"
    if complaint:
        return _heard(state, int(meeting_id), answer, "meet_complaint", "meet_complaint_heard")
    if answer is None:
        return None
    seen: Mapping[str, Any] = (state.get("meetings") or {}).get(meeting_id) or {}
    if answer == "no" and seen.get("role") == "requester" and says_any(text, "dialogue25_someone_else"):
        # Round dialogue25: "nee, hij heeft afgezegd. kan iemand anders komen?": someone else at once.
        not_done = on_answer(state, f"meetok:{meeting_id}:no", text, now)
        other = on_answer(not_done.state, f"meetno:{meeting_id}:rematch", text, now)
        return StepResult(other.state, other.replies, (*not_done.effects, *other.effects))
    if answer == "no" and (moment := _new_day_said(state, text, now)) is not None:
        result = on_answer(state, f"meetok:{meeting_id}:no", text, now)
        moved = Effect("meet_reschedule", {"meeting_id": int(meeting_id)})
        result.state["offered"] = []
        result.state.pop("prompt", None)
        heard = say("meet_new_day_heard", {"when": moment})
        return StepResult(result.state, (heard,), (*result.effects, moved))
    result = on_answer(state, f"meetok:{meeting_id}:{answer}", text, now)
    if answer == "no" and says_any(text, "dialogue28_again_missed"):
        # Round dialogue28: "nee ze is weer niet gekomen, al de tweede keer": the team hears of it (a match
        # that keeps failing), and the person still gets the choices of a meeting that did not happen.
        alert = Effect("alert_staff", {"kind": "meet_missed_again", "priority": "normal"})
        first, *others = result.replies or (say("meet_not_happened"),)
        return StepResult(
            result.state, (replace(first, lead="thread_team_told"), *others), (*result.effects, alert)
        )
    if not remark:
        return result
    alert = Effect("alert_staff", {"kind": "meet_remark", "priority": "normal"})
    return StepResult(result.state, (say("meet_remark_heard"), *result.replies), (*result.effects, alert))


def thanks_alone(state: dict[str, Any], text: str) -> StepResult | None:
    """Round dialogue27: thanks alone ("dank je", "bedankt voor het vragen", "🙏") at a meeting's question
    of the bot ("Is het gelukt?", "Doe je mee?") answer nothing (even when the reader took them for a yes)
    and are no words for the neighbour: a kind word, and the question again."""
    if smalltalk.kind_of(text) != "thanks":
        return None
    return StepResult(state, (say("smalltalk_thanks"), *repeat_prompt(state)))


def _first_clause_answer(state: dict[str, Any], text: str) -> str | None:
    """The yes or no of the message's first clause ("het is gelukt maar ...", "was wel gezellig, ...")."""
    first = next((part for part in _BUT.split(f" {text} ") if part.strip()), "")
    if first.strip() == text.strip():
        return None
    picked = interpret.choice_from_text(state, first, state.get("offered") or [], language(state))
    if picked is None and _good(first):
        return "yes"
    return picked.split(":")[2] if picked is not None and picked.startswith("meetok:") else None


def _new_day_said(state: dict[str, Any], text: str, now: datetime) -> str | None:
    """The coming day (and hour) a no names for the meeting instead, in words, or None."""
    found = read_time(text, language(state), now, mode="message")
    if found is None or not (found.days or found.relative_day):
        return None
    when = found.to_when(now, AMSTERDAM)
    return describe_when(when, language(state)) if when is not None and not at_night(when) else None


def _good(text: str) -> bool:
    """Praise, or that it was done ("Henk is een schat", "het is gelukt"), not turned around ("niet
    gelukt")."""
    good = says_any(text, "round19_meet_good") or says_any(text, "meetings21_good")
    return good and not says_any(text, "round19_meet_not_good")


# A yes with a reservation after it ("jazeker, alleen zat ze vooral op haar telefoon"): the clause after
# "maar", "alleen", "wel" that is no praise and no wish to meet again is a remark for the team.
_RESERVATION = re.compile(
    r"(?:^|[\s,.;!?])(?:maar|alleen|wel|but|only|though|although|ama|fakat|sadece|ale|tylko|але|тільки|лише|لكن|بس)\s+(.+)$",
    re.IGNORECASE,
)
MIN_RESERVATION_WORDS = 3


def _reservation(text: str) -> bool:
    found = _RESERVATION.search(text.strip())
    if found is None or len(found[1].split()) < MIN_RESERVATION_WORDS:
        return False
    rest = found[1]
    return not (_good(rest) or wants_again(rest) or says_any(rest, "meet_partly"))


# --- Dialogue round 25 (tests/test_dialogues_redteam25.py): after the help, meeting again -----------------


def _heard(
    state: dict[str, Any], meeting_id: int, answer: str | None, kind: str, key: str, *also: Effect
) -> StepResult:
    """ "Is het gelukt?" answered with words for the team (a complaint, not this neighbour again): the
    yes or no when one is said, the team alerted, the question closed and the one below asked again."""
    effects: list[Effect] = [Effect("alert_staff", {"kind": kind, "priority": "normal"}), *also]
    if answer in ("yes", "no"):
        effects.insert(0, Effect("meet_outcome", {"meeting_id": meeting_id, "outcome": answer}))
    state["offered"] = []
    state.pop("prompt", None)
    replies: list[Reply] = [say(key)]
    if (resume := state.pop("resume_prompt", None)) is not None:
        state["prompt"] = resume
        replies.extend(repeat_prompt(state))
    return StepResult(state, tuple(replies), tuple(effects))


def _not_again(state: dict[str, Any], meeting_id: int, answer: str | None) -> StepResult:
    """ "liever niet meer met hem", "ging prima, maar ik ga liever niet nog een keer naar haar toe": no
    weekly asked and no activity; the team hears it, and the two are not matched again
    (`meet_not_again`): matching asks whoever helped before first, so only a stored pair keeps them apart."""
    apart = Effect("meet_not_again", {"meeting_id": meeting_id})
    return _heard(state, meeting_id, answer, "meet_not_again", "meet_not_again_heard", apart)


def after_help_in_words(
    state: dict[str, Any], text: str, choice: str | None, profile: Profile, now: datetime
) -> StepResult | None:
    """ "Volgende week weer afspreken?" answered "om de week": only every week is arranged, said so, and
    asked again. "Zin om meer buren te zien? ... Doe je mee?" answered with more than a yes or no: a
    ride asked ("ja als iemand me ophaalt", "only if someone can give me a lift") signs up and reads back
    a request for a ride to send; someone to bring along ("mag mijn buurvrouw mee?") is welcome (signed
    up with a yes, else the question again); how to get there, not knowing anyone or a worry about going
    ("ik ken daar niemand") gets a kind word and a ride offered, the question again; "misschien" leaves
    it to AGENDA. Before, such words went to the neighbour. None: the usual reading stands."""
    asked = state.get("prompt") or {}
    if asked.get("key") == "meet_again" and says_any(text, "dialogue25_every_other_week"):
        return _asked_again(state, "meet_weekly_only")
    if asked.get("key") == "meet_again" and choice is None and (again := _again_in_words(state, text, now)):
        return again
    if asked.get("key") != "meet_activity" or not text.strip():
        return None
    ids = [str(key).split(":")[1] for key, _ in state.get("offered") or [] if str(key).startswith("meetact:")]
    if not ids:
        return None
    raw_id = ids[0]
    if (thanked := thanks_alone(state, text)) is not None:
        return thanked  # "ah dank je wel hoor" at "Doe je mee?" (round dialogue27)
    answer = choice.split(":")[2] if choice is not None and choice.startswith("meetact:") else None
    ride = says_any(text, "dialogue25_ride")
    if ride and answer != "no":
        return _ride_to_activity(state, raw_id, profile, now)
    if says_any(text, "dialogue25_bring"):
        if answer == "yes":
            joined = on_answer(state, f"meetact:{raw_id}:yes", text, now)
            return replace(joined, replies=(say("meet_activity_bring"), *joined.replies))
        return _asked_again(state, "meet_activity_bring")
    if says_any(text, "dialogue25_how_there"):
        return _asked_again(state, "meet_activity_how_there")
    if ride or says_any(text, "dialogue25_unsure"):
        return _asked_again(state, "meet_activity_welcome")
    if answer is None and says_any(text, "round23_undecided"):
        # "misschien, ik weet nog niet of ik me goed voel": no sign-up, no push; AGENDA shows it again.
        state["offered"] = []
        state.pop("prompt", None)
        replies: list[Reply] = [say("meet_activity_maybe")]
        if (resume := state.pop("resume_prompt", None)) is not None:
            state["prompt"] = resume
            replies.extend(repeat_prompt(state))
        return StepResult(state, tuple(replies))
    return None


def _again_in_words(state: dict[str, Any], text: str, now: datetime) -> StepResult | None:
    """Round dialogue34: "Volgende week weer afspreken?" answered in words the yes/no reader does not take:
    a wish to meet again ("elke week?", "every week?", "щотижня") is the yes; undecided ("misschien, weet
    ik nog niet", "maybe later") is a no for now, with AFSPRAAK for later. Both went to the neighbour."""
    ids = [str(key).split(":")[1] for key, _ in state.get("offered") or [] if str(key).startswith("meetwk:")]
    if not ids or not text.strip():
        return None
    if says_any(text, "round23_undecided"):
        return on_answer(state, f"meetwk:{ids[0]}:no", text, now)  # "misschien volgende week weer": later
    if wants_again(text) and not says_any(text, "round19_meet_not_good"):
        return on_answer(state, f"meetwk:{ids[0]}:yes", text, now)
    return None


def _asked_again(state: dict[str, Any], lead: str) -> StepResult:
    """The open question again, led by `lead` (a kind word, what can be arranged)."""
    again = repeat_prompt(state)
    return StepResult(state, (replace(again[0], lead=lead), *again[1:]) if again else (say(lead),))


# A ride to an activity is asked for this long before it starts.
RIDE_BEFORE = timedelta(minutes=30)


def _ride_to_activity(state: dict[str, Any], raw_id: str, profile: Profile, now: datetime) -> StepResult:
    """Signed up, and a request for a ride (vervoer, half an hour before the start, the activity in its
    words) read back in the request's summary to send, change or cancel: neighbours give rides, as any
    help. Not when another flow waits below this question (its question comes back instead)."""
    joined = on_answer(state, f"meetact:{raw_id}:yes", "", now)
    activity = ((state.get("meetings") or {}).get(raw_id) or {}).get("activity")
    signed = any(effect.kind == "agenda_signup" for effect in joined.effects)
    if not signed or not isinstance(activity, Mapping) or joined.state.get("prompt"):
        return joined
    return ride_to(joined, activity, profile, now)


def ride_wanted(text: str) -> bool:
    """Words of a ride ("als iemand me ophaalt") or of not getting there alone ("ik kan er niet zelf
    komen", "ik loop slecht"): at AGENDA's sign-up and the message after it (round dialogue27)."""
    return (
        says_any(text, "dialogue25_ride")
        or says_any(text, "dialogue27_cannot_travel")
        or _has_phrase(text, _cannot_travel_gapped())
    )


@cache
def _cannot_travel_gapped() -> tuple[str, ...]:
    """[dialogue27_cannot_travel_gapped]: "niet ... naartoe" ("..." up to three words, as CANCEL_WORDS)."""
    return tuple(str(p) for p in lexicon("conversation")["dialogue27_cannot_travel_gapped"]["phrases"])


def ride_to(joined: StepResult, activity: Mapping[str, Any], profile: Profile, now: datetime) -> StepResult:
    """After a sign-up (`joined`), a request for a ride to `activity` (an agenda date) read back to send."""
    state = joined.state
    lang = language(state)
    start = (agenda.item_starts_at(activity) - RIDE_BEFORE).astimezone(AMSTERDAM)
    what = catalogue.render("meet_activity_ride_what", lang, agenda.item_params(state, activity))
    joined.state["pending"] = {
        "intent": "ask",
        "category": "vervoer",
        "text": what,
        "when": When("moment", start).to_json(),
    }
    started = ask.start(joined.state, profile, now)
    replies = (*joined.replies, say("meet_activity_ride"), *started.replies)
    return StepResult(started.state, replies, (*joined.effects, *started.effects))


# A meeting this far ahead can be answered with being late ("ik ben wat later, kwart over").
LATE_AHEAD = timedelta(hours=48)
# ... and the time said is at most this much after its start.
LATE_AT_MOST = timedelta(hours=2)


def late_in_words(state: dict[str, Any], text: str, thread_id: Any, now: datetime) -> Reply | None:
    """Words to the neighbour that say one will be late to the meeting ahead, with when one will be there
    ("ik ben wat later, kwart over", "ik ben er om half 3, sta in de file"): passed
    on (by the caller) and read back with that time, the meeting as agreed. None without a word of
    being late or arriving, without a time after the start (within two hours), or without a meeting."""
    if not (says_any(text, "dialogue25_late") or says_any(text, "dialogue27_late")):
        return None
    ahead = [
        (starts(seen), seen)
        for seen in (state.get("meetings") or {}).values()
        if seen.get("thread_id") == thread_id
        and seen.get("starts_at")
        and now < datetime.fromisoformat(str(seen["starts_at"])) <= now + LATE_AHEAD
    ]
    if not ahead:
        return None
    start, seen = min(ahead, key=lambda item: item[0])
    there = _arrival(state, text, start, now)
    if there is None or not start < there <= start + LATE_AT_MOST:
        return None
    params = {**dict(seen.get("params") or {}), "clock": there.strftime("%H:%M")}
    return say("meet_late_heard", params)


def _arrival(state: dict[str, Any], text: str, start: datetime, now: datetime) -> datetime | None:
    """When one will be there, by the meeting's `start`: "kwart over" its hour, a time of day said
    ("half 3", "2.15"; an hour before noon that fits only in the afternoon is read so), or an amount
    late ("een kwartier", "на чверть години")."""
    if says_any(text, "dialogue25_quarter_past"):
        there = start.replace(minute=15)
        return there if there > start else there + timedelta(hours=1)
    said = interpret.reading("ask_when", text, language(state), now).time
    if said is not None and said.at is not None and said.recurrence is None:
        if _other_day(said, start, now):
            return None  # "het wordt donderdag half 3": another day, no lateness (round dialogue27)
        there = start.replace(hour=said.at.hour, minute=said.at.minute)
        if there <= start and said.at.hour < 12:
            there += timedelta(hours=12)
        return there
    minutes = _amount_said(text)
    return start + timedelta(minutes=minutes) if minutes else None


def _other_day(said: Any, start: datetime, now: datetime) -> bool:
    """A time read with a day ("morgen half 3", "donderdag om 3 uur") that is not the meeting's day."""
    if not (said.days or said.relative_day is not None or said.date):
        return False
    when = said.to_when(now, AMSTERDAM)
    moment = getattr(when, "start", None) if when is not None else None
    return not isinstance(moment, datetime) or moment.astimezone(start.tzinfo).date() != start.date()


def _amount_said(text: str) -> int | None:
    """An amount of time of conversation.toml [meet_shift_minutes] in the words, the longest found."""
    words = folded_words(text)
    for minutes, amount in _amounts():
        if amount in words:
            return minutes
    return None


@cache
def _amounts() -> tuple[tuple[int, str], ...]:
    """The amounts of [meet_shift_minutes] and [dialogue25_late_minutes], the longest phrase first."""
    tables = (lexicon("conversation")[name] for name in ("meet_shift_minutes", "dialogue25_late_minutes"))
    pairs = (
        (int(minutes), f" {simplify(phrase)} ")
        for table in tables
        for minutes, phrases in table.items()
        for phrase in phrases
    )
    return tuple(sorted(pairs, key=lambda item: len(item[1]), reverse=True))


def _instead_time(state: dict[str, Any], text: str, start: datetime, now: datetime) -> datetime | None:
    """ "kan het om 3 uur ipv 2?": the time said in place of the meeting's own, on its day; the replaced
    time (after "ipv", before "yerine") is left out of the reading."""
    said_time = interpret.reading("ask_when", text, language(state), now).time
    if said_time is not None and (said_time.days or said_time.relative_day is not None or said_time.date):
        return None  # another day: `cannot_come` and the plan move it (round meetings21)
    words = folded_words(text)
    for phrase in conversation_words("dialogue25_instead"):
        words = re.sub(re.escape(phrase) + r"(?:\S+ )?(?:uur |u |o clock |h )?", " ", words)
    for phrase in conversation_words("dialogue25_instead_after"):
        words = re.sub(r" \S+" + re.escape(phrase), " ", words)
    said = interpret.reading("ask_when", words, language(state), now).time
    if said is None or said.at is None or said.recurrence is not None:
        return None
    moved = start.replace(hour=said.at.hour, minute=said.at.minute)
    return None if moved == start else moved
