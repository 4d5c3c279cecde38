"""Small helpers every flow uses: asking with choices, and reading the answer back.

The choices last offered are kept in the state, so a typed "2" or "Hulp bieden" means the same as the
tapped button, on any channel.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any

from flows import catalogue, interpret
from flows.normalise import choice_in, list_parts, says_any, words_of
from flows.types import Choice, Event, Reply

YES_NO = (Choice("yes", "choice_yes"), Choice("no", "choice_no"))


def language(state: Mapping[str, Any]) -> str:
    return catalogue.language_or_default(state.get("lang"))


def label_of(choice: Choice, lang: str) -> str:
    return choice.label if choice.label is not None else catalogue.render(choice.label_key, lang)


def prompt(
    state: dict[str, Any], key: str, choices: tuple[Choice, ...] = (), params: Mapping[str, str] | None = None
) -> Reply:
    """A question; its choices become what a typed number or label is matched against."""
    state["offered"] = [[choice.key, label_of(choice, language(state))] for choice in choices]
    state["prompt"] = {
        "key": key,
        "params": dict(params or {}),
        "choices": [[c.key, c.label_key, c.label] for c in choices],
    }
    return Reply(key, dict(params or {}), choices)


def repeat_prompt(state: dict[str, Any]) -> tuple[Reply, ...]:
    """The last question again (after "I did not understand", a photo, a language switch)."""
    last = state.get("prompt")
    if not last:
        return ()
    choices = tuple(Choice(key, label_key, label) for key, label_key, label in last.get("choices", []))
    return (prompt(state, str(last["key"]), choices, last.get("params")),)


def say(key: str, params: Mapping[str, str] | None = None) -> Reply:
    return Reply(key, dict(params or {}))


def chosen(state: Mapping[str, Any], event: Event) -> str | None:
    """The offered choice this event means: a button's key, a number, yes/no, a label, or free words
    that the reader understands in the context of the open question."""
    offered = [(str(key), str(label)) for key, label in state.get("offered") or []]
    keys = [key for key, _ in offered]
    if event.kind == "choice":
        return event.choice if event.choice in keys else None
    if event.kind != "text":
        return None
    exact = choice_in(event.text, keys, dict(offered))
    if exact is not None:
        return exact
    # Free words: read in the context of the open question ("ja hoor", "de eerste", "na 2 uur kan ik").
    read = interpret.choice_from_text(state, event.text, offered, state.get("lang"))
    return read if read is not None else option_in_words(state, event.text)


OPTION_WORDS = "option_"


def option_in_words(state: Mapping[str, Any], text: str) -> str | None:
    """Dialogue round 14: an option said by its meaning rather than its label ("maar 1 uur van tevoren"
    for "Alleen 1 uur ervoor", "zeg maar af" for "Afzeggen"): the phrases of the section
    `option_<label key>` of flows/understanding/data/conversation.toml. Only when exactly one offered
    option is meant; two (or none) leave the question open, as before."""
    from flows.understanding.text import lexicon

    sections = lexicon("conversation")
    offered = {str(key) for key, _ in state.get("offered") or []}
    meant = {
        str(key)
        for key, label_key, _label in (state.get("prompt") or {}).get("choices") or []
        if label_key
        and f"{OPTION_WORDS}{label_key}" in sections
        and says_any(text, f"{OPTION_WORDS}{label_key}")
    }
    meant &= offered
    return meant.pop() if len(meant) == 1 else None


def chosen_many(
    state: Mapping[str, Any],
    event: Event,
    recognise: Callable[[str], Collection[str]] = lambda _words: (),
) -> tuple[str, ...] | None:
    """Several offered choices in one answer, in the order offered; None if any part means nothing.

    Accepted: a button; "1 3 5", "1,3,5", "1, 3 en 5"; labels ("Computer, telefoon", its comma
    included); and words that `recognise` maps to choice keys ("boodschappen en klusjes"). A part
    with a number or a recognised word may hold filler ("ik help graag met 1"); a part with neither,
    or a number that is not offered, makes the whole answer unclear: better to ask again than to
    guess what someone signs up for.
    """
    offered = [(str(key), str(label)) for key, label in state.get("offered") or []]
    keys = [key for key, _ in offered]
    if event.kind == "choice":
        return (event.choice,) if event.choice in keys else None
    if event.kind != "text":
        return None
    whole = choice_in(event.text, keys, dict(offered))
    if whole is not None:
        return (whole,)
    found: set[str] = set()
    for part in list_parts(event.text):
        single = choice_in(part, keys, dict(offered))
        if single is not None:
            found.add(single)
            continue
        words = words_of(part)
        numbers = [int(word) for word in words if word.isdecimal()]
        if any(not 1 <= number <= len(keys) for number in numbers):
            return None
        meant = {keys[number - 1] for number in numbers}
        meant |= set(recognise(" ".join(word for word in words if not word.isdigit()))) & set(keys)
        if not meant:
            return None
        found |= meant
    return tuple(key for key in keys if key in found) or None
