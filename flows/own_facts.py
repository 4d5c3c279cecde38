"""One's own facts changed in words at the menu (round 12 of the dialogues, test_dialogues_redteam12.py):
"ik ben verhuisd naar de Bloemhof" changes the neighbourhood, "mijn naam is eigenlijk Marietje" the name.

Pure: the change is the `update_profile` effect onboarding uses, read back in one line. A move to a
neighbourhood the words do not name clearly asks onboarding's neighbourhood question (postcode or a
choice), which then goes back to the menu. Only at the plain menu: in the middle of a question the words
are an answer to it. In a conversation with a neighbour they go to the neighbour; a move there is one's own
as well when it names the neighbourhood clearly (`move_in_thread`).
"""

from __future__ import annotations

import re
from typing import Any

from flows import interpret, menu, onboarding
from flows.dialogue import language, say
from flows.normalise import conversation_words, folded_words, says_any
from flows.profile import Profile
from flows.types import Effect, Reply, StepResult


def in_words(state: dict[str, Any], text: str, profile: Profile) -> StepResult | None:
    """A move or another name said at the menu (conversation.toml [round12_moved], [round12_name_lead]);
    None for anything else, and for a move told with a request (the request goes first; the move is not
    noted then)."""
    # Round dialogue33: "verkeerde wijk, ik woon in de Molenwijk" is a change of the wijk as a move is.
    if says_any(text, "round12_moved") or says_any(text, "dialogue33_wrong_neighbourhood"):
        found = interpret.reading("menu", text, language(state), None)
        if found.intent in ("ask", "offer") and found.confidence >= interpret.CONFIDENT:
            return None  # "ik ben verhuisd en krijg de kasten niet opgehangen, wie helpt?": a request first
        return _moved(state, text, profile)
    if (rest := _after_lead(text)) is not None:
        # "zeg maar Riet, zo noemt iedereen me": the name is the first part after the lead.
        found = interpret.reading("name", re.split(r"[,.;!?]", rest)[0], language(state))
        if found.name:
            name = found.name[: onboarding.MAX_NAME_LENGTH]
            result = menu.show(state, "menu")
            effect = Effect("update_profile", {"first_name": name})
            return StepResult(result.state, (say("name_changed", {"name": name}), *result.replies), (effect,))
    return None


def move_in_thread(state: dict[str, Any], text: str, profile: Profile) -> tuple[Reply, Effect] | None:
    """A move told in a conversation with a neighbour ("ik ben verhuisd naar de Bloemhof"): the words go
    to the neighbour, and the neighbourhood named clearly is one's own too (read back in one line; round 12
    changed it only at the menu). None when no move is said, no neighbourhood is named clearly (no
    question is asked in the middle of a conversation), or it is the one already known."""
    if not says_any(text, "round12_moved"):
        return None
    found = _named_move(state, text)
    if found is None or found[1].get("neighbourhood") == profile.neighbourhood:
        return None
    name, data = found
    return say("neighbourhood_changed", {"neighbourhood": name}), Effect("update_profile", data)


def _named_move(state: dict[str, Any], text: str) -> tuple[str, dict[str, Any]] | None:
    """The neighbourhood (or postcode) the words name clearly, as its name and the profile's fields."""
    found = onboarding.neighbourhood_named(state, text)
    if found is None:
        return None
    neighbourhood, postcode4 = found
    data: dict[str, Any] = {"neighbourhood": neighbourhood.key}
    if postcode4 is not None:
        data["postcode4"] = postcode4
    return neighbourhood.name, data


def _moved(state: dict[str, Any], text: str, profile: Profile) -> StepResult:
    """The move read back and the menu; a neighbourhood not named clearly is asked."""
    found = _named_move(state, text)
    if found is not None:
        name, data = found
        result = menu.show(state, "menu")
        changed = say("neighbourhood_changed", {"neighbourhood": name})
        return StepResult(result.state, (changed, *result.replies), (Effect("update_profile", data),))
    # Not named, or not clearly: onboarding's question, then back to the menu.
    state["flow"] = "onboarding"
    state["then"] = "menu"
    return StepResult(state, (onboarding.neighbourhood_question(state, "neighbourhood_unknown"),))


def _after_lead(text: str) -> str | None:
    """The words after a lead that gives another name ("mijn naam is eigenlijk Marietje" -> "Marietje")."""
    words = folded_words(text)
    for lead in conversation_words("round12_name_lead"):
        at = words.find(lead)
        if at >= 0:
            count = len(lead.split())
            before = len(words[:at].split())
            rest = text.split()[before + count :]
            return " ".join(rest) or None
    return None
