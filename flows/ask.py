"""Asking for help (vraagverheldering): what, a few words, when, where, how urgent, who may see it.

A handful of short questions, each answerable with a number, a word or a button. The understood time is
read back. At the end one summary to confirm, correct or cancel; confirming creates the request (an
effect) and matching starts. Every step is skipped when the answer is already known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from flows import categories, conditions, interpret, places, repair, smalltalk
from flows.conditions import describe_request_when
from flows.dialogue import YES_NO, chosen, label_of, language, prompt, repeat_prompt, say
from flows.normalise import choice_in, conversation_words, folded_words, says_any, simplify
from flows.profile import Profile
from flows.types import Choice, Effect, Event, Reply, StepResult
from flows.understanding.answers import read_yes_no, says_nothing_more
from flows.understanding.categories import mentions, prepare
from flows.understanding.time_compose import read_time
from flows.when import AMSTERDAM, DAYPARTS, Daypart, When, at_night, parse_when

MAX_DESCRIPTION = 300
MIN_DESCRIPTION = 3
STEPS = ("category", "description", "when", "where", "where_other", "urgency", "visibility")
# Three answers people give: today, this week, any time. Only "today" makes a request urgent.
URGENCY_CHOICES = (
    Choice("today", "urgency_today"),
    Choice("this_week", "urgency_week"),
    Choice("any", "urgency_any"),
)
URGENCY_KEYS = frozenset(choice.key for choice in URGENCY_CHOICES)
# Buttons of the two-answer question asked before (a keyboard can stay on screen for days).
OLD_URGENCY_BUTTONS = {"urgent": "today", "normal": "any"}
VISIBILITY_CHOICES = (
    Choice("helper", "visibility_helper"),
    Choice("helper_and_staff", "visibility_helper_and_staff"),
)
# Keyed yes/no so that "ja" and "nee" answer "is it in your neighbourhood?".
WHERE_CHOICES = (Choice("yes", "where_home"), Choice("no", "where_elsewhere"))
SUMMARY_CHOICES = (
    Choice("send", "summary_send"),
    Choice("change", "summary_change"),
    Choice("cancel", "summary_cancel"),
)
CHANGE_CHOICES = (
    Choice("category", "change_category"),
    Choice("description", "change_description"),
    Choice("when", "change_when"),
    Choice("where", "change_where"),
    Choice("visibility", "change_visibility"),
)


def start(state: dict[str, Any], profile: Profile, now: datetime) -> StepResult:
    state["flow"] = "ask"
    # A request started from elsewhere (a mantelzorger's "Zwaar") is marked with where it came from.
    source = state.pop("ask_source", None)
    state["ask"] = {"source": source} if source else {}
    pending = state.pop("pending", None)
    if pending and pending.get("intent") == "ask":
        _prefill(state["ask"], pending, profile, language(state))
    return _ask_next(state, profile, [])


def _prefill(draft: dict[str, Any], pending: dict[str, Any], profile: Profile, lang: str) -> None:
    """A request read from free text ("kan er iemand dinsdag met me naar de dokter"): its kind, time
    and words fill the draft, the person's own neighbourhood is where, and the urgency follows from
    the time. The summary reads it all back, so anything read wrong is changed there, in one step."""
    if pending.get("category") in {choice.key for choice in categories.CATEGORY_CHOICES}:
        draft["category"] = pending["category"]
    text = smalltalk.description_of(str(pending.get("text") or ""), lang)
    if MIN_DESCRIPTION <= len(text) <= MAX_DESCRIPTION and not _only_frame(text):
        # "kan er iemand" says no more than that help is wanted: the description is asked.
        draft["description"] = text
    if pending.get("when"):
        draft["when"] = pending["when"]
        kind = When.from_json(pending["when"]).kind
        draft["urgent"] = kind == "asap"
    if profile.neighbourhood is not None:
        draft["neighbourhood"] = profile.neighbourhood
    elif (named := place_named(text)) is not None:
        draft["neighbourhood"] = named  # asked for someone here by someone who lives elsewhere
    if says_any(text, "lives_elsewhere"):
        # "kan iemand mijn vader naar het ziekenhuis brengen? hij woont in een andere wijk": the one it is
        # for lives where the words say (a neighbourhood named), else the where question is asked.
        match = places.find_neighbourhood(text, places.load_municipality())
        if match.status == "found" and match.neighbourhood is not None:
            draft["neighbourhood"] = match.neighbourhood.key
        else:
            draft.pop("neighbourhood", None)
    if "category" in draft and "when" in draft:
        # Who may see it: the most private choice unless the person changes it in the summary.
        draft.setdefault("visibility", "helper")


def handle(state: dict[str, Any], event: Event, profile: Profile, now: datetime) -> StepResult:
    draft: dict[str, Any] = state.setdefault("ask", {})
    step = state.get("step")
    answer = chosen(state, event)
    text = event.text.strip() if event.kind == "text" else ""
    if (wished := _wish(state, event, text)) is not None:
        return wished
    if (another := _another_request(state, event, step, text, answer, now, profile)) is not None:
        return another
    if (corrected := _correction(state, step, text, now, answer)) is not None:
        return corrected
    if (
        step in HOUR_LATER
        and not _exact_choice(state, event)
        and (hour := _hour_for_the_day(state, text, now) or _day_in_the_week(state, text, now))
    ):
        draft["when"] = hour
        return _corrected(
            state, say("when_understood", {"when": describe_request_when(hour, language(state))})
        )
    if (placed := _place_told(state, event, step, text, answer)) is not None:
        return placed
    if (combined := _time_combined(state, event, step, text, answer, now, profile)) is not None:
        return combined
    if (piece := _piece(state, step, text, answer, now)) is not None:
        return piece
    asked = {
        "step": step,
        "prompt": {"key": (state.get("prompt") or {}).get("key")},
        "offered": deepcopy(state.get("offered")),
    }
    before: list[Reply] = []
    if step == "summary":
        return _on_summary(state, answer, profile, now)
    if step == "change":
        if answer in {choice.key for choice in CHANGE_CHOICES}:
            draft.pop("where_confirmed", None) if answer == "where" else None
            draft.pop(answer if answer != "where" else "neighbourhood", None)
            draft["editing"] = True
            return _ask_next(state, profile, [])
        return StepResult(state, (prompt(state, "ask_change", CHANGE_CHOICES),))
    if step == "category":
        category = answer or categories.recognise(text)
        told = _time_told(state, text, now, alone=category is None) if "when" not in draft else None
        if category is None:
            if told is not None:
                # "morgen om 10 uur" before the kind of help was asked: kept, and the question again.
                draft["when"] = told
                return _question(state, "category", [_when_noted(state, told)], _category_prompt(state))
            return StepResult(state, (prompt(state, "ask_category_again", categories.CATEGORY_CHOICES),))
        draft["category"] = category
        if told is not None:
            draft["when"] = told
            before.append(_when_noted(state, told))
        if _tells_more(text) and "description" not in draft:
            # "with my laptop, it won't start": the kind of help and the words of it at once.
            draft["description"] = smalltalk.description_of(" ".join(text.split()), language(state))
    elif step == "description":
        if says_nothing_more(text):
            # "oke", "weet ik niet": no description; the question again, with its example.
            return StepResult(state, repair.again(state))
        alone = len(text.split()) <= TIME_ONLY_WORDS and not _names_help(state, text)
        told = _time_told(state, text, now, alone=alone) if "when" not in draft else None
        if told is not None and alone:
            # "morgenochtend graag" before the time was asked: kept, and the description asked again.
            draft["when"] = told
            return _question(
                state, "description", [_when_noted(state, told)], prompt(state, "ask_description")
            )
        if not MIN_DESCRIPTION <= len(text) <= MAX_DESCRIPTION:
            key = "ask_description_long" if len(text) > MAX_DESCRIPTION else "ask_description_again"
            return StepResult(state, (prompt(state, key, params={"max": str(MAX_DESCRIPTION)}),))
        draft["description"] = smalltalk.description_of(" ".join(text.split()), language(state))
        if told is not None:
            # "een lamp ophangen, vrijdag graag": the time said with it is the answer to come.
            draft["when"] = told
            before.append(_when_noted(state, told))
    elif step == "when_night":
        candidate = draft.pop("night_candidate", None)
        if answer != "yes" and text and _when_from(state, text, now) is not None:
            # "nee, ik bedoel 10 uur 's ochtends": the time said with the no is the answer (round 14).
            state["step"] = "when"
            return handle(state, event, profile, now)
        if answer != "yes" or not candidate:
            return _question(state, "when", [], prompt(state, "ask_when"))
        draft["when"] = candidate
        agreed = describe_request_when(candidate, language(state))
        return _ask_next(state, profile, [say("when_understood", {"when": agreed})])
    elif step == "when":
        data = _when_from(state, text, now)
        if data is None:
            return StepResult(state, (prompt(state, "ask_when_again"),))
        if at_night(When.from_json(data)):
            # Help at 03:00 is asked back, never taken as it stands.
            draft["night_candidate"] = data
            params = {"when": describe_request_when(data, language(state))}
            return _question(state, "when_night", [], prompt(state, "night_check", YES_NO, params))
        draft["when"] = data
        before = [say("when_understood", {"when": describe_request_when(data, language(state))})]
        return _ask_next(state, profile, before)
    elif step == "where":
        if answer == "yes" and profile.neighbourhood is not None:
            draft["neighbourhood"] = profile.neighbourhood
        elif answer == "no":
            state["step"] = "where_other"
            return StepResult(state, (_neighbourhood_prompt(state, "ask_where_other"),))
        else:
            return StepResult(state, (_where_prompt(state, profile),))
    elif step == "where_other":
        found = _neighbourhood_from(state, event, answer)
        if found is None:
            return StepResult(state, (_neighbourhood_prompt(state, "ask_where_again"),))
        draft["neighbourhood"] = found
    elif step == "urgency":
        if answer is None and event.kind == "choice":
            answer = OLD_URGENCY_BUTTONS.get(event.choice or "")
        if answer not in URGENCY_KEYS:
            return StepResult(state, repair.again(state))
        draft["urgent"] = answer == "today"
        draft["urgency"] = answer
    elif step == "visibility":
        answer = answer if answer is not None else _visibility_in_words(text)
        if answer is None and _any_visibility(text, language(state)):
            # "ja", "maakt niet uit", "weet ik niet" (session 27: a miss): the most private, read back.
            answer = "helper"
            kept = label_of(VISIBILITY_CHOICES[0], language(state))
            before.append(say("visibility_default", {"choice": kept}))
        if answer not in ("helper", "helper_and_staff"):
            return StepResult(state, repair.again(state))
        draft["visibility"] = answer
    draft["last"] = asked
    return _ask_next(state, profile, before)


# Where a wish about who helps is heard (round 12): once the request is described, before it is sent.
WISH_STEPS = frozenset({"when", "where", "where_other", "urgency", "visibility", "summary"})


def _wish(state: dict[str, Any], event: Event, text: str) -> StepResult | None:
    """A wish about who helps said after the description ("alleen een vrouw graag", "liefst iemand die
    Turks spreekt"; conversation.toml [round12_helper_wish]): added to the request's words, which the
    neighbour reads, and the open question asked again (the summary anew, with it). Voordeur keeps no
    such facts of volunteers and chooses no one by it; the text says only that whoever helps reads it.
    Not a button or an answer of the open question, and never read as the summary's yes ("graag")."""
    draft = state.get("ask") or {}
    if (
        state.get("step") not in WISH_STEPS
        or not text
        or not draft.get("description")
        or _exact_choice(state, event)
    ):
        return None
    # Round dialogue33: for whom it is, corrected ("oh sorry, het is voor mijn moeder, niet voor mij") is
    # kept the same way: the neighbour reads it; nothing said so far is lost.
    # Where she lives said with it ("het is voor mijn moeder, ze woont in de Molenwijk") is the place's
    # (`_place_told`, round 22).
    for_whom = says_any(text, "dialogue33_for_whom") and place_named(text) is None
    if not for_whom and not says_any(text, "round12_helper_wish"):
        return None
    wish = " ".join(text.split())
    if wish.casefold() not in str(draft["description"]).casefold():
        joined = f"{draft['description']}. {wish}"
        draft["description"] = joined if len(joined) <= MAX_DESCRIPTION else str(draft["description"])
    noted = say("ask_for_whom_noted" if for_whom else "ask_wish_noted")
    if state.get("step") == "summary":
        return _summary(state, [noted])
    again = repeat_prompt(state)
    return StepResult(state, (noted, *again))


def _any_visibility(text: str, lang: str) -> bool:
    """An answer to "Wie mag je vraag zien?" that chooses neither: a yes, "maakt niet uit", "weet ik niet"."""
    if not text:
        return False
    said, confidence = read_yes_no(text, lang)
    # "ok", "prima", "👍" only acknowledge the question (round 11): it stays open.
    # A bare yes only: "yes, near me" may mean a choice and is asked again.
    bare = len(text.split()) <= BARE_YES_WORDS
    yes = said == "yes" and confidence >= interpret.CONFIDENT and bare and smalltalk.kind_of(text) != "ok"
    return (
        yes
        or says_any(text, "meet_place_any")
        or says_any(text, "visibility_unsure")
        or says_any(text, "send_it_now")
    )


def _visibility_in_words(text: str) -> str | None:
    """ "ik wil niet dat de buren weten dat ik hulp krijg" at "Wie mag je vraag zien?": only who helps;
    "het buurtteam mag het ook zien": the team too (conversation.toml [round12_only_helper|team_too])."""
    if not text:
        return None
    only, team = says_any(text, "round12_only_helper"), says_any(text, "round12_team_too")
    if only == team:
        return None
    return "helper" if only else "helper_and_staff"


# Questions asked after the kind of help, the time and the urgency: an answer there may correct one
# of those instead.
AFTER_CATEGORY = frozenset(STEPS[1:]) | {"summary", "change"}
AFTER_WHEN = frozenset({"where", "where_other", "urgency", "visibility", "summary", "change"})
# "maakt mij niet uit" and the like, as a whole short answer: no correction of an earlier one.
INDIFFERENT_WORDS = 5
BARE_YES_WORDS = 2
AFTER_URGENCY = frozenset({"visibility", "summary", "change"})
# Where a correction puts the new value: after "maar", "but", a comma ("nee, niet donderdag maar vrijdag").
# Turkish puts "değil" after the old value ("perşembe değil cuma": not Thursday, Friday): what follows it.
LAST_PART = re.compile(r",|;|،|\b(?:maar|but|ama|ale|але|لكن|بل|tylko|\u0430)\b|\bdeğil\b(?=\s*\w)")
# ...or before a negation that names the old one ("donderdag, niet dinsdag", "الخميس وليس الثلاثاء").
NOT_AFTER = re.compile(r"\b(?:niet|not|değil|nie|не|وليس|وليست|ليس)\b")


def _correction(
    state: dict[str, Any], step: str | None, text: str, now: datetime, answer: str | None = None
) -> StepResult | None:
    """A correction of an earlier answer at a later question ("nee, ik bedoel vrijdag", "wacht, het is
    toch niet zo dringend", "geen boodschappen, het is een klusje"): the earlier answer is changed, the
    new value read back, and the open question asked again; nothing already known is lost. Only a
    message that says it corrects something (`repair.is_correction`) and names a new value counts."""
    draft = state["ask"]
    if not text or step not in AFTER_CATEGORY:
        return None
    adds = says_any(text, "addition_marks")
    if not adds and not repair.is_correction(text, language(state)):
        return None
    if len(text.split()) <= INDIFFERENT_WORDS and says_any(text, "meet_place_any"):
        return None  # "maakt niet uit" answers the open question; its "niet" corrects nothing (session 27)
    lang = language(state)
    other = categories.recognise_all(text) - {draft.get("category")}
    if "category" in draft and len(other) == 1 and not adds:
        draft["category"] = category = next(iter(other))
        label = label_of(next(c for c in categories.CATEGORY_CHOICES if c.key == category), lang)
        return _corrected(state, say("correction_noted", {"value": label.lower()}))
    if step in AFTER_WHEN and (day := _named_time(state, text, now)) is not None:
        # A day, a date or a repeat named ("niet dinsdag maar woensdag", "o ja, het moet elke week"):
        # the time, before any urgency its weekday might suggest.
        draft["when"] = day
        return _corrected(state, say("when_understood", {"when": describe_request_when(day, lang)}))
    if step in AFTER_URGENCY and "urgency" in draft:
        offered = [[c.key, label_of(c, lang)] for c in URGENCY_CHOICES]
        context = {"offered": offered, "prompt": {"key": "ask_urgency"}, "lang": state.get("lang")}
        urgency = chosen(context, Event(kind="text", text=text))
        if urgency in URGENCY_KEYS and urgency != draft["urgency"]:
            draft["urgent"] = urgency == "today"
            draft["urgency"] = urgency
            label = label_of(next(c for c in URGENCY_CHOICES if c.key == urgency), lang)
            return _corrected(state, say("correction_noted", {"value": label.lower()}))
    if adds and step in AFTER_URGENCY and "urgency" not in draft:
        # "o ja, en het is dringend" after the urgency was answered by a day's time.
        urgency = interpret.reading("ask_urgency", text, lang, now).urgency
        if urgency in URGENCY_KEYS:
            draft["urgent"] = urgency == "today"
            draft["urgency"] = urgency
            label = label_of(next(c for c in URGENCY_CHOICES if c.key == urgency), lang)
            return _corrected(state, say("correction_noted", {"value": label.lower()}))
    if step in AFTER_WHEN and (place := _other_neighbourhood(draft, text)) is not None:
        # "vergeten te zeggen: het is in de Oude Haven": where, said after the bot moved on.
        draft["neighbourhood"] = place.key
        return _corrected(state, say("correction_noted", {"value": place.name}))
    if step not in AFTER_WHEN:
        return None
    data = _named_time(state, text, now, any_time=True)
    if data is None:
        return None
    if step == "urgency" and answer in URGENCY_KEYS and data.get("start") is None:
        # "deze week, niet dringend", "w tym tygodniu, nie pilne" at the urgency question: its "niet" is
        # no "no" and its time no day; it answers how urgent (a day named, "maar vrijdag", still corrects).
        return None
    draft["when"] = data
    if data["kind"] == "asap":
        draft["urgent"] = True
    return _corrected(state, say("when_understood", {"when": describe_request_when(data, lang)}))


def _named_time(
    state: dict[str, Any], text: str, now: datetime, *, any_time: bool = False
) -> dict[str, Any] | None:
    """The time a correction or an addition names, as the request's new `when` data: read from the
    last part ("niet donderdag maar vrijdag"), else the whole; a repeat or hours without a day are put
    on the day known (`_merged_time`). Only a day, a date or a repeat unless `any_time`; None when it
    names nothing new or a time at night."""
    draft = state["ask"]
    parts = [part.strip() for part in LAST_PART.split(text) if part.strip()]
    # The new value is after "maar" ("niet dinsdag maar woensdag"), or before a negation that names the
    # old one ("الخميس وليس الثلاثاء": Thursday, not Tuesday): the first part that reads another time.
    data = None
    before_not = [NOT_AFTER.split(part)[0].strip() for part in parts[-1:]]
    known = draft.get("when")
    if known and says_any(text, "round15_once_only"):
        known = {**known, "recurrence": None}
    for part in (*parts[-1:], *[p for p in before_not if p], *parts[:1], text):
        # Put together with the time known as a change of a sent request is (`time_changed`): "niet
        # dinsdag maar donderdag" keeps 10:00, "toch liever om 11 uur" keeps Tuesday (round dialogue22).
        read = time_changed(known, part, language(state), now) if known else None
        if read is None and (read := _when_from(state, part, now)) is not None:
            read = _merged_time(known, read)  # "liefst voor 12 uur": those hours on the day known
        if read is not None and read != draft.get("when"):
            data = read
            break
    if data is None or at_night(When.from_json(data)):
        return None
    if not any_time and data.get("start") is None and not data.get("recurrence"):
        return None
    return data


# A value of a window that is an hour of the day, no date (flows/conditions.py `request_time`).
_HOUR = re.compile(r"^\d{2}:\d{2}(?::\d{2})?$")


def _merged_time(known: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """A time said after another as an addition to it: a repeat without a day ("elke week") on the
    day known is that day every week; hours without a day ("pas na 2 uur") on a day known without a
    window are that day at those hours. Anything else is the new time as it stands."""
    if (
        known
        and known.get("recurrence")
        and not new.get("recurrence")
        and new.get("start") is not None
        and not new.get("window")
        and new.get("kind") != "asap"
    ):
        # "dinsdag om 10 uur" said after "elke week": that day and hour, every week (round 15).
        return {**new, "recurrence": known["recurrence"]}
    if not known or new.get("start") is not None or known.get("start") is None:
        return new
    if new.get("recurrence") and not new.get("window"):
        return {**known, "recurrence": new["recurrence"]}
    window = new.get("window") or {}
    hours_only = all(_HOUR.match(str(value)) for value in window.values())
    if window and hours_only and "window" not in known and not known.get("recurrence"):
        day = datetime.fromisoformat(known["start"]).astimezone(AMSTERDAM)
        if window.get("start"):
            hour = datetime.strptime(str(window["start"]), "%H:%M:%S").time()
            day = datetime.combine(day.date(), hour, tzinfo=AMSTERDAM)
        return {**new, "start": day.isoformat(), "zone": known.get("zone") or "Europe/Amsterdam"}
    return new


def place_named(text: str) -> str | None:
    """The municipality's neighbourhood the words of a request name ("mijn moeder woont in de
    Molenwijk"), or None."""
    municipality = places.load_municipality()
    # Sentence by sentence: a number or another town elsewhere in the message ("(87)", "ik woon zelf in
    # Utrecht") must not hide the neighbourhood one sentence names.
    for part in (text, *re.split(r"[.!?;]+", text)):
        match = places.find_neighbourhood(part, municipality) if part.strip() else None
        if match is not None and match.status == "found" and match.neighbourhood is not None:
            return match.neighbourhood.key
    return None


def _other_neighbourhood(draft: dict[str, Any], text: str) -> places.Neighbourhood | None:
    """A neighbourhood the words name that is not the request's."""
    match = places.find_neighbourhood(text, places.load_municipality())
    if match.status != "found" or match.neighbourhood is None:
        return None
    return None if match.neighbourhood.key == draft.get("neighbourhood") else match.neighbourhood


def _day_in_the_week(state: dict[str, Any], text: str, now: datetime) -> dict[str, Any] | None:
    """A weekday said on its own after the time question ("woensdag dan") when the request's time is
    a week ("volgende week"): that weekday of that week."""
    known = state["ask"].get("when")
    window = (known or {}).get("window") or {}
    if not text or not window.get("from_date") or not window.get("until") or known.get("start"):
        return None
    data = _when_from(state, text, now)
    if data is None or data.get("start") is None or data.get("window") or data.get("recurrence"):
        return None
    start = datetime.fromisoformat(data["start"]).astimezone(AMSTERDAM)
    first = datetime.fromisoformat(str(window["from_date"])).date()
    last = datetime.fromisoformat(str(window["until"])).date()
    day = first + (start.date() - first) % timedelta(days=7)
    if not first <= day <= last:
        return None
    moved = datetime.combine(day, start.timetz().replace(tzinfo=None), tzinfo=AMSTERDAM)
    return {**data, "start": moved.isoformat()}


# Steps where a further piece of the request can come in, after the words of it were given.
PIECE_STEPS = frozenset({"when", "where", "urgency", "visibility", "summary"})
# A time said before its question is kept only when read this surely, strictly, as inside a message.
EARLY_TIME_CONFIDENCE = 0.9
# At the description question, a time in at most this many words is the time, said early.
TIME_ONLY_WORDS = 4
# A message of at least this many words said with the kind of help describes it too.
TELLS_MORE_WORDS = 4


def _piece(
    state: dict[str, Any], step: str | None, text: str, answer: str | None, now: datetime
) -> StepResult | None:
    """A further piece of the request after the bot moved on ("kan er iemand naar kijken" at the time
    question, "en ook even langs de apotheek graag" at the summary): added to the description, and the
    open question again; the description sent again is only the question again. None for an answer to
    the open question or words that do not go on with the request."""
    draft = state["ask"]
    if not text or step not in PIECE_STEPS or "description" not in draft:
        return None
    adds = says_any(text, "addition_marks")
    if answer is not None and not adds:
        return None
    if step == "when" and _when_from(state, text, now) is not None:
        return None
    if adds and not _goes_on(state, step, _without_marks(text), now, marked=True):
        return None  # "trouwens, bedankt voor de hulp", "o ja, en dat was het"
    description = str(draft["description"])
    if simplify(text) and simplify(text) in simplify(description):
        return _plainly_again(state, None)
    if not (adds or _goes_on(state, step, text, now)):
        return None
    joined = f"{description} {' '.join(text.split())}"
    if len(joined) > MAX_DESCRIPTION or says_nothing_more(_without_marks(text)):
        return None
    draft["description"] = joined
    return _plainly_again(state, say("description_added"))


def _place_told(
    state: dict[str, Any], event: Event, step: str | None, text: str, answer: str | None
) -> StepResult | None:
    """Where the help is, told at a later question with no word of correcting ("het is bij mijn vader in
    de Akkers" at "Hoe dringend?", round dialogue22: was "Dat begreep ik niet"): the neighbourhood named
    after a word of place ("in", conversation.toml [round22_place_in]) is where, read back, and the open
    question asked again. Not a name after "uit"/"van" ("kan het ook iemand uit de Bloemhof zijn?" asks
    who may help: flows/faq.py), nor an answer to the open question."""
    if step not in AFTER_WHEN or answer is not None or not text or _exact_choice(state, event):
        return None
    place = places.named_in(text)
    if place is None or place.key == state["ask"].get("neighbourhood"):
        return None
    if not says_any(text, "round22_place_in"):
        return None
    state["ask"]["neighbourhood"] = place.key
    return _corrected(state, say("correction_noted", {"value": place.name}))


# Where another request may be said beside this one: once this one's words and time are known.
NEXT_REQUEST_STEPS = frozenset({"where", "where_other", "urgency", "visibility", "summary"})


def _another_request(
    state: dict[str, Any],
    event: Event,
    step: str | None,
    text: str,
    answer: str | None,
    now: datetime,
    profile: Profile,
) -> StepResult | None:
    """Another request said before this one is sent ("en kan er ook iemand mijn gras maaien?" at the
    summary, round dialogue22: was "Dat begreep ik niet", or added to this one's words, and so lost):
    kept, this one goes on (its open question again; with a yes at the summary it is sent), and the other
    is asked as soon as this one is sent. Only a request for another kind of help than this one's ("en ook
    even langs de apotheek" adds to it), not a correction of this one's kind ("nee, het is geen
    boodschappen maar de tuin"), not an answer to the open question; one kept at a time. The reader runs
    only when the words name another kind at all (the word lists' look-up is cheap; the reader is not)."""
    draft = state["ask"]
    if (
        step not in NEXT_REQUEST_STEPS
        or not text
        or "category" not in draft
        or "next" in draft
        or (answer is not None and step != "summary")
        or _exact_choice(state, event)
    ):
        return None
    lang = language(state)
    named = {interpret.category_key(hit.key) for hit in mentions(prepare(text))}
    kinds = categories.recognise_all(text) | named
    if not kinds - {draft["category"]} or draft["category"] in kinds:
        return None
    if repair.is_correction(text, lang) and not says_any(text, "addition_marks"):
        return None
    found = interpret.reading("menu", text, lang, now)
    category = interpret.category_key(found.category)
    if found.intent != "ask" or found.confidence < interpret.CONFIDENT or found.crisis:
        return None
    if category is None or category == draft["category"]:
        return None
    pending = interpret.pending_request(found, text, now)
    if "when" not in pending and not says_any(text, "round22_someone_asked"):
        # "en de vuilniszakken naar buiten" at "Hoe dringend?" (round 11): one more thing to do on the same
        # visit, added to this one (`_piece`). A request of its own asks someone, or has its own time.
        return None
    draft["next"] = pending
    if answer == "send" and not says_any(text, "addition_marks"):
        return _on_summary(state, answer, profile, now)  # "ja, en kan er ook iemand ...": sent, then that one
    noted = say("ask_next_noted", {"category": _category_label(category, state)})
    return _plainly_again(state, noted)


def _category_label(category: str, state: dict[str, Any]) -> str:
    """The kind of help's label in the person's language, inside a sentence ("tuin")."""
    label = label_of(next(c for c in categories.CATEGORY_CHOICES if c.key == category), language(state))
    return label[:1].lower() + label[1:]


def _plainly_again(state: dict[str, Any], noted: Reply | None) -> StepResult:
    """The open question again as first asked (not its re-ask after a miss: the piece was no miss)."""
    if state.get("step") in ("summary", "change"):
        return _corrected(state, noted)
    last = dict(state.get("prompt") or {})
    if str(last.get("key") or "").endswith("_again"):
        state["prompt"] = {**last, "key": str(last["key"]).removesuffix("_again")}
    return _corrected(state, noted)


def _goes_on(
    state: dict[str, Any], step: str | None, text: str, now: datetime, *, marked: bool = False
) -> bool:
    """The words go on with the request: they open with "en", "and", "i", ... or name a kind of help;
    at the time question also words the reader takes for a request ("kan er iemand naar kijken"). Not
    a question put to the bot."""
    words = folded_words(text).split()
    if not words or text.rstrip().endswith("?") or _says_words(text, "nothing_more"):
        return False
    rest = words[1:] if f" {words[0]} " in conversation_words("continuation_starts") else words
    if not rest or f" {rest[0]} " in conversation_words("question_starts"):
        return False  # "en wat gebeurt er nu": a question put without its question mark
    if smalltalk.kind_of(" ".join(rest)) is not None or smalltalk.kind_of(rest[0]) == "thanks":
        return False  # "en bedankt hoor", "trouwens, bedankt voor de hulp"
    if (marked or len(rest) < len(words)) and len(rest) >= 2:
        return True
    if len(words) < 3:
        return False
    if categories.recognise_all(text):
        return True
    if step != "when":
        return False
    if f" {words[0]} " in conversation_words("purpose_starts"):
        return True  # "voor mijn paspoort" after "naar het gemeentehuis" (no time in it: read first)
    found = interpret.reading("menu", text, language(state), now)
    if found.intent != "ask" or found.confidence < interpret.CONFIDENT or found.crisis:
        return False
    # "ik kan niet meer" reads as asking for help too: words of being at one's limit are no piece.
    return not interpret.reading("checkin", text, language(state)).distress


def _says_words(text: str, section: str) -> bool:
    """`says_any` with the phrases folded as the message is ("that's all" is "that s all")."""
    from flows.understanding.text import lexicon

    table = lexicon("conversation")[section]
    words = folded_words(text)
    return any(folded_words(phrase) in words for phrase in table.get("phrases", table.get("words", ())))


def _without_marks(text: str) -> str:
    folded = folded_words(text)
    for mark in conversation_words("addition_marks"):
        folded = folded.replace(mark, " ")
    return folded.strip()


def _only_frame(text: str) -> bool:
    """Words that only ask for help ("kan er iemand", "can someone help me"), no description."""
    words = folded_words(text).split()
    return bool(words) and all(f" {word} " in conversation_words("request_frame") for word in words)


def _tells_more(text: str) -> bool:
    """Words that say more than asking for a kind of help ("with my laptop, it won't start"; not "ik wil
    hulp met boodschappen"): at least two words that are no frame words and name no kind of help."""
    if len(text.split()) < TELLS_MORE_WORDS or says_nothing_more(text):
        return False
    frame = conversation_words("request_frame")
    content = [
        w for w in folded_words(text).split() if f" {w} " not in frame and categories.recognise(w) is None
    ]
    return len(content) >= 2


def _time_told(
    state: dict[str, Any], text: str, now: datetime, *, alone: bool = False
) -> dict[str, Any] | None:
    """The time a message says beside other words, read as a request at the menu reads it; `alone`: a
    short message that may be only a time ("morgenochtend graag"), read as at the time question."""
    if not text:
        return None
    strict = read_time(text, language(state), now, mode="message")
    if strict is None or strict.confidence < EARLY_TIME_CONFIDENCE:
        return None  # "pazardan sebze ve meyve" (from the market) names no Sunday for sure
    if alone and len(text.split()) <= TIME_ONLY_WORDS and (data := _when_from(state, text, now)) is not None:
        return None if at_night(When.from_json(data)) else data
    found = interpret.reading("menu", text, language(state), now)
    if found.time is None or found.crisis:
        return None
    data = interpret.pending_request(found, text, now).get("when")
    # Inside a description only a day or an hour ("voor de hele week" is what, not when).
    if not isinstance(data, dict) or (data.get("start") is None and data.get("kind") != "asap"):
        return None
    return data


def _names_help(state: dict[str, Any], text: str) -> bool:
    """A short answer that names a kind of help ("boodschappen voor het weekend", "zakupy na ten
    tydzień", "покупки на цей тиждень", Turkish weekly market shopping) says what, not only when. The Dutch
    stems first; the reader's categories in the person's language after (round dialogue31: a Turkish,
    Polish or Ukrainian description with a time word in it was read as the time alone and lost)."""
    if categories.recognise_all(text):
        return True
    return interpret.reading("menu", text, language(state)).category is not None


def _category_prompt(state: dict[str, Any]) -> Reply:
    return prompt(state, "ask_category", categories.CATEGORY_CHOICES)


def _when_noted(state: dict[str, Any], data: dict[str, Any]) -> Reply:
    return say("when_understood", {"when": describe_request_when(data, language(state))})


def mistyped(state: dict[str, Any], text: str, profile: Profile, now: datetime) -> StepResult:
    """ "sorry, verkeerd getypt" in the middle of a request: right after a miss, the miss was the slip
    (the question again, kindly); else the answer before the open question was: changed at once when
    the message names the right one ("ik bedoelde 2", "moest 3 zijn"), else taken back and asked
    again. Nothing else said is lost."""
    draft = state.setdefault("ask", {})
    last = draft.get("last")
    if state.get("misses") or not isinstance(last, dict) or last.get("step") not in _FIELDS:
        return StepResult(state, (say("mistyped_ok"), *repeat_prompt(state)))
    field = _FIELDS[str(last["step"])]
    offered: list[Any] = list(last.get("offered") or [])
    context = {"offered": offered, "prompt": last.get("prompt") or {}, "lang": state.get("lang")}
    value = LAST_PART.split(text)[-1].strip()
    number = re.findall(r"\d+", value)
    picked = None
    if offered:
        picked = chosen(context, Event(kind="text", text=number[0] if len(number) == 1 else value))
    if picked is not None and picked != draft.get(field):
        draft["last"] = None
        if field == "urgency":
            draft["urgent"] = picked == "today"
        draft[field] = picked
        label = next((str(label) for key, label in offered if key == picked), picked)
        return _corrected(state, say("correction_noted", {"value": label.lower()}))
    draft.pop(field, None)
    if field == "urgency":
        draft.pop("urgent", None)
    draft.pop("last", None)
    result = _ask_next(state, profile, [say("mistyped_ok")])
    return result


# The draft's item each step's answer fills.
_FIELDS = {
    "category": "category",
    "description": "description",
    "urgency": "urgency",
    "visibility": "visibility",
    "where": "neighbourhood",
    "where_other": "neighbourhood",
}


# Questions after the time where an hour said alone ("om 10 uur") completes a day said earlier.
HOUR_LATER = frozenset({"where", "urgency", "visibility", "summary", "change"})
_DAYPARTS: dict[str, Daypart] = {"morning": "ochtend", "afternoon": "middag", "evening": "avond"}


def _exact_choice(state: dict[str, Any], event: Event) -> bool:
    """A button, a number or a label of the open question (not free words read as one: "graag om 2
    uur" at the summary adds an hour, it does not send)."""
    offered = [(str(key), str(label)) for key, label in state.get("offered") or []]
    if event.kind != "text":
        return True
    return choice_in(event.text, [key for key, _ in offered], dict(offered)) is not None


def _hour_for_the_day(state: dict[str, Any], text: str, now: datetime) -> dict[str, Any] | None:
    """An hour or part of the day said on its own after the time question ("om 10 uur", "liefst 's
    middags") when the request's time is a day ("dinsdag", "dinsdag om 9 uur", "elke dinsdag"): that
    day at that hour, its repeat kept, as the `when` data (round 15: an hour already known is changed
    too; before, "om 10 uur" at the summary of "dinsdag om 9 uur" was not understood). None when the
    time is no such day, the words say more than an hour, or nothing changes."""
    known = state["ask"].get("when")
    if not text or not known or "window" in known:
        return None
    when = When.from_json(known)
    if when.kind not in ("flexible", "moment", "daypart") or when.start is None:
        return None
    read = _hours_only(state, text, now)
    if read is None:
        return None
    day = when.start.astimezone(AMSTERDAM).date()
    found: When | None = None
    if read.at is not None and not (read.after or read.before):
        found = When("moment", datetime.combine(day, read.at, tzinfo=AMSTERDAM), recurrence=when.recurrence)
    elif read.daypart in _DAYPARTS and read.at is None:
        part = _DAYPARTS[read.daypart]
        start = datetime.combine(day, DAYPARTS[part][0], tzinfo=AMSTERDAM)
        found = When("daypart", start, daypart=part, recurrence=when.recurrence)
    if found is None or at_night(found) or found.to_json() == known:
        return None
    return found.to_json()


def _hours_only(state: dict[str, Any], text: str, now: datetime) -> Any:
    """The reader's time of words that name only an hour or a part of the day ("om 10 uur", "'s
    middags"), no day, date, week or repeat; else None."""
    found = interpret.reading("ask_when", text, language(state), now)
    read = found.time
    if read is None or found.confidence < interpret.CONFIDENT or read.options or read.recurrence:
        return None
    if read.days or read.relative_day is not None or read.week or read.date or read.holiday or read.delay:
        return None
    return read


def _corrected(state: dict[str, Any], noted: Reply | None) -> StepResult:
    """The new value read back, then the question that was open, again (the summary anew)."""
    before = [noted] if noted is not None else []
    if state.get("step") in ("summary", "change"):
        return _summary(state, before)
    return StepResult(state, (*before, *repeat_prompt(state)))


# At most this many words: a message that is only a time ("op dinsdag om 10 uur graag").
TIME_ALONE_WORDS = 7


def _time_combined(
    state: dict[str, Any],
    event: Event,
    step: str | None,
    text: str,
    answer: str | None,
    now: datetime,
    profile: Profile,
) -> StepResult | None:
    """Dialogue round 15: a time said alone after the time question was answered ("dinsdag om 10 uur"
    at the summary of "elke week", "elke week" after "dinsdag om 10 uur") is put together with the
    time known (`_merged_time`: that day and hour every week) and read back, the open question asked
    again. At the summary (and its change list) a time said alone also simply replaces the time
    ("woensdag" for "dinsdag"); at the other questions only a time that builds on the known one is
    taken, so "morgen" at "Hoe dringend?" stays its answer. Never an option of the open question."""
    draft = state["ask"]
    known = draft.get("when")
    urgency = answer if step == "urgency" and answer in URGENCY_KEYS else None
    if (
        not text
        or step not in HOUR_LATER
        or not known
        or (answer is not None and urgency is None and step not in ("summary", "change"))
        or _exact_choice(state, event)
        or len(text.split()) > TIME_ALONE_WORDS
        or categories.recognise_all(text)
    ):
        return None
    new = _when_from(state, text, now)
    if new is None or (new.get("start") is None and not new.get("recurrence")):
        return None
    if new.get("start") is not None and _hours_only(state, text, now) is not None:
        return None  # "om 10 uur" names no day: `_hour_for_the_day` puts it on the known one, or nothing
    base = {**known, "recurrence": None} if says_any(text, "round15_once_only") else known
    # A day said as a change ("kan het ook woensdag?", "of liever woensdag"; anything at the summary)
    # keeps the hour agreed, as for a request already sent (round dialogue22).
    marked = says_any(text, "round15_change_marks")
    moved = marked or step in ("summary", "change")
    merged = _merged_time(base, _keep_the_hour(base, new) if moved else new)
    if merged == known or at_night(When.from_json(merged)):
        return None
    if merged == new and not moved:
        return None
    if marked:
        urgency = None  # "kan het ook woensdag?" at "Hoe dringend?" moves the day; it says no urgency
    draft["when"] = merged
    if merged.get("kind") == "asap":
        draft["urgent"] = True
    if urgency is not None:
        # "dinsdag om 10 uur" at "Hoe dringend?" after "elke week": the time, and the urgency it says.
        draft["urgent"], draft["urgency"] = urgency == "today", urgency
        return _ask_next(state, profile, [_when_noted(state, merged)])
    return _corrected(state, _when_noted(state, merged))


def _when_from(state: dict[str, Any], text: str, now: datetime) -> dict[str, Any] | None:
    """The time of an answer as the request's `when` data (`when_data`); what the readers do not take,
    in words of the conversation (`_said_otherwise`)."""
    if not text:
        return None
    return when_data(text, language(state), now, unsure=lambda: _said_otherwise(state, text, now))


def when_data(
    text: str,
    lang: str,
    now: datetime,
    zone: ZoneInfo = AMSTERDAM,
    *,
    unsure: Callable[[], dict[str, Any] | None] = lambda: None,
) -> dict[str, Any] | None:
    """A time said as the request's `when` data, as the chat reads an answer and staff's phone intake
    reads "Wanneer?": the planner's own reading first ("morgen om 10 uur"), then the reader's ("na
    tweeën", "do of vr na 4") where it can be planned with, then a window the `When` cannot hold ("vanaf
    14:00", "donderdag na 2 uur", "zaterdag tussen 10 en 12"), kept next to it (flows/conditions.py
    `request_time`). `unsure`: what to give when the reader is not sure either (None: not clear)."""
    when = parse_when(text, now, zone)
    if when is not None:
        return when.to_json()
    found = interpret.reading("ask_when", text, lang, now)
    if found.time is None or found.confidence < interpret.CONFIDENT:
        return unsure()
    when = found.time.to_when(now, zone)
    if when is not None:
        return when.to_json()
    return conditions.request_time(found.time, now)


def _said_otherwise(state: dict[str, Any], text: str, now: datetime) -> dict[str, Any] | None:
    """A time the readers do not take, said in words of the conversation: the day left to the bot
    ("kies jij maar, als het maar niet in het weekend is": the next weekday, read back so it can be
    changed; without the weekend ruled out, any time), or after dinner with no part of the day said
    ("wel na het eten": the evening)."""
    if says_any(text, "leave_it_to_you"):
        if not says_any(text, "not_weekend"):
            return When("flexible", None).to_json()
        day = now.astimezone(AMSTERDAM).date() + timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return When("flexible", datetime.combine(day, DAYPARTS["ochtend"][0], tzinfo=AMSTERDAM)).to_json()
    if says_any(text, "after_dinner"):
        return _when_from(state, "vanavond", now)
    return None


def _ask_next(state: dict[str, Any], profile: Profile, before: list[Reply]) -> StepResult:
    """The first question still open, or the summary once everything is known."""
    draft: dict[str, Any] = state["ask"]
    if draft.get("editing") and _complete(draft):
        return _summary(state, before)
    if "category" not in draft:
        return _question(
            state, "category", before, prompt(state, "ask_category", categories.CATEGORY_CHOICES)
        )
    if "description" not in draft:
        return _question(state, "description", before, prompt(state, "ask_description"))
    if "when" not in draft:
        return _question(state, "when", before, prompt(state, "ask_when"))
    if "neighbourhood" not in draft:
        if profile.neighbourhood is None:
            reply = _neighbourhood_prompt(state, "ask_where_other")
            return _question(state, "where_other", before, reply)
        return _question(state, "where", before, _where_prompt(state, profile))
    if "urgent" not in draft:
        if When.from_json(draft["when"]).kind == "asap":
            draft["urgent"] = True
        else:
            return _question(state, "urgency", before, prompt(state, "ask_urgency", URGENCY_CHOICES))
    if "visibility" not in draft:
        return _question(state, "visibility", before, prompt(state, "ask_visibility", VISIBILITY_CHOICES))
    return _summary(state, before)


def _complete(draft: dict[str, Any]) -> bool:
    return all(
        key in draft for key in ("category", "description", "when", "neighbourhood", "urgent", "visibility")
    )


def _question(state: dict[str, Any], step: str, before: list[Reply], reply: Reply) -> StepResult:
    state["step"] = step
    return StepResult(state, (*before, reply))


def _summary(state: dict[str, Any], before: list[Reply]) -> StepResult:
    state["step"] = "summary"
    state["ask"].pop("editing", None)
    return StepResult(state, (*before, prompt(state, "ask_summary", SUMMARY_CHOICES, summary_params(state))))


def summary_params(state: dict[str, Any]) -> dict[str, str]:
    """The draft in words, for the summary (and later for the volunteer's prompt)."""
    draft = state["ask"]
    lang = language(state)
    neighbourhood = places.load_municipality().neighbourhood(draft["neighbourhood"])
    category = next(c for c in categories.CATEGORY_CHOICES if c.key == draft["category"])
    visibility = next(c for c in VISIBILITY_CHOICES if c.key == draft["visibility"])
    return {
        "category": label_of(category, lang),
        "description": draft["description"],
        "when": describe_request_when(draft["when"], lang),
        "neighbourhood": neighbourhood.name if neighbourhood is not None else draft["neighbourhood"],
        "urgency": label_of(_urgency_choice(draft), lang),
        "visibility": label_of(visibility, lang),
    }


def _urgency_choice(draft: dict[str, Any]) -> Choice:
    key = draft.get("urgency") or ("today" if draft["urgent"] else "any")
    return next(choice for choice in URGENCY_CHOICES if choice.key == key)


def _on_summary(state: dict[str, Any], answer: str | None, profile: Profile, now: datetime) -> StepResult:
    draft = state["ask"]
    if answer == "send":
        request = {
            key: draft[key]
            for key in ("category", "description", "when", "neighbourhood", "urgent", "visibility", "source")
            if key in draft
        }
        following = draft.get("next")
        _leave(state)
        sent = StepResult(state, (say("ask_sent"),), (Effect("create_request", request),))
        if not isinstance(following, dict):
            return sent
        # The other request said on the way (`_another_request`): asked now, as one said at the menu.
        state["pending"] = following
        started = start(state, profile, now)
        told = say("ask_next_start", {"category": _category_label(str(following["category"]), state)})
        return StepResult(started.state, (*sent.replies, told, *started.replies), sent.effects)
    if answer == "change":
        state["step"] = "change"
        return StepResult(state, (prompt(state, "ask_change", CHANGE_CHOICES),))
    if answer == "cancel":
        _leave(state)
        return StepResult(state, (say("ask_cancelled"),))
    return StepResult(state, repair.again(state))


def cancel(state: dict[str, Any]) -> StepResult:
    """CANCEL (ANNULEREN) in the middle of asking: nothing is kept."""
    _leave(state)
    return StepResult(state, (say("ask_cancelled"),))


def _leave(state: dict[str, Any]) -> None:
    state.pop("ask", None)
    state.pop("step", None)
    state.pop("prompt", None)
    state["offered"] = []
    state["flow"] = "menu"


def _where_prompt(state: dict[str, Any], profile: Profile) -> Reply:
    neighbourhood = places.load_municipality().get(profile.neighbourhood or "")
    name = neighbourhood.name if neighbourhood is not None else ""
    return prompt(state, "ask_where", WHERE_CHOICES, {"neighbourhood": name})


def _neighbourhood_prompt(state: dict[str, Any], key: str) -> Reply:
    choices = tuple(Choice(n.key, label=n.name) for n in places.load_municipality().neighbourhoods)
    return prompt(state, key, choices)


def _neighbourhood_from(state: dict[str, Any], event: Event, answer: str | None) -> str | None:
    municipality = places.load_municipality()
    if answer is not None and municipality.get(answer) is not None:
        return answer
    if event.kind != "text" or not simplify(event.text):
        return None
    match = places.find_neighbourhood(event.text, municipality)
    return match.neighbourhood.key if match.status == "found" and match.neighbourhood is not None else None


# Where the old value is named after the new one ("11 uur in plaats van 10", "wednesday instead of tuesday").
INSTEAD_OF = re.compile(
    r"\b(?:in plaats van|ipv|i\.p\.v\.?|instead of|rather than|zamiast|замість|بدل|بدلا من)\b.*$",
    re.IGNORECASE,
)


# ... or before it (Turkish "X yerine Y": Y instead of X).
OLD_BEFORE = re.compile(r"^.*\byerine\b", re.IGNORECASE)


def time_changed(known: dict[str, Any], text: str, lang: str, now: datetime) -> dict[str, Any] | None:
    """Dialogue round 15: the time of a request already sent, as changed by these words ("kan het ook
    woensdag?", "het wordt 11 uur in plaats van 10", "het moet toch om half 3"), put together with the
    time that stands as at the summary: an hour goes on the day known, a day without an hour keeps the
    hour known, a repeat stays. The old value named after "in plaats van" (before "yerine") is left
    out. None when the words name no other time, or a time at night."""
    words = OLD_BEFORE.sub("", INSTEAD_OF.sub("", text)).strip() or text
    state: dict[str, Any] = {"lang": lang, "ask": {"when": known}}
    if _hours_only(state, words, now) is not None:
        return _hour_for_the_day(state, words, now)
    new = _when_from(state, words, now)
    if new is None or (new.get("start") is None and not new.get("recurrence")):
        return None
    new = _keep_the_hour(known, new)
    merged = _merged_time(known, new)
    if merged == known or at_night(When.from_json(merged)):
        return None
    return merged


def _keep_the_hour(known: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """A day said without an hour ("woensdag") for a request at an hour or a part of the day: that
    day at the hour or part of the day known."""
    if new.get("kind") != "flexible" or new.get("start") is None or new.get("window"):
        return new
    old = When.from_json(known)
    if old.start is None or old.kind not in ("moment", "daypart"):
        return new
    day = datetime.fromisoformat(str(new["start"])).astimezone(AMSTERDAM).date()
    hour = old.start.astimezone(AMSTERDAM).timetz().replace(tzinfo=None)
    start = datetime.combine(day, hour, tzinfo=AMSTERDAM)
    recurrence = new.get("recurrence") or old.recurrence
    return When(old.kind, start, daypart=old.daypart, recurrence=recurrence).to_json()


def time_in(text: str, lang: str, now: datetime) -> dict[str, Any] | None:
    """The time a message names, read as the time question reads an answer (round 15: "kan ik Ahmed
    weer vragen voor volgende week?", which the menu's reader reads no time in); None at night."""
    data = _when_from({"lang": lang}, text, now)
    return None if data is None or at_night(When.from_json(data)) else data
