"""Someone close has died: "Jan is vorige week overleden", "mijn moeder is vannacht ingeslapen".

A mantelzorger answers the weekly "Hoe gaat het met zorgen voor Jan?" so, or writes it at the menu.
Before, the check-in said "Dat begreep ik niet helemaal" and asked again how caring for Jan goes. What
a person expects instead: condolence, no more questions about caring for someone who is gone (a
registered carer's check-ins end, `care_stop`), the buurtteam told (a staff item, so a buurtverbinder
can reach out) and the offer of a call, answered as the offers after ZWAAR are (`care_offer::...`).
The words are data (flows/understanding/data/carer.toml [bereaved]); a death long ago ("mijn vader is
al jaren dood") is not news and is left to the other readers.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from flows import care
from flows.dialogue import prompt
from flows.profile import CareSummary, Profile
from flows.types import Choice, Effect, StepResult
from flows.understanding.phrases import Phrases, compile_phrases, normal
from flows.understanding.text import lexicon

# "is de buurman overleden?": a question whether someone died, no news of it.
_ASKED = re.compile(r"^(is|zijn|was|waren|has|have|did)\s")
_YEAR = re.compile(r"\b(19|20)\d\d\b")  # "in 2010 overleden": a death long ago, no news
_SOMEONE_ELSE = re.compile(r"\b(de|het|mijn|mn|onze|ons|my|our|the)\s+\w+\s+(is|zijn|has|have|had)\b")
# The buurtteam is told (normal priority: a death is no crisis), so a buurtverbinder can reach out.
ALERT = Effect("alert_staff", {"kind": "bereavement", "priority": "normal"})
CALL_CHOICES = (
    Choice("care_offer::callback", "care_offer_callback"),
    Choice("care_offer::none", "care_offer_none"),
)


@cache
def _words() -> tuple[Phrases | None, Phrases | None]:
    table = lexicon("carer")["bereaved"]
    return compile_phrases(table["phrases"]), compile_phrases(table["bereaved_long_ago"])


def told(text: str) -> bool:
    """The message tells that someone has died, recently (not "al jaren geleden")."""
    died, long_ago = _words()
    plain = normal(text)
    if died is None or not died.search(plain) or _YEAR.search(plain) or _ASKED.match(plain):
        return False
    return long_ago is None or not long_ago.search(plain)


def condolence(state: dict[str, Any], text: str, profile: Profile, *, at_checkin: bool) -> StepResult:
    """Condolence, staff told, a call offered; the check-ins ended when the one who died is the one the
    carer registered for (`_the_one_cared_for`). The question that was open (a request being asked)
    comes back after the answer (`care._resume`)."""
    care.keep_resume(state)
    state[care.BEREAVED] = True
    effects = [ALERT]
    if profile.care is not None and _the_one_cared_for(text, profile.care, at_checkin=at_checkin):
        effects.insert(0, Effect("care_stop"))
        reply = prompt(state, "care_bereaved", CALL_CHOICES, {"name": profile.care.care_for})
    else:
        reply = prompt(state, "bereaved", CALL_CHOICES)
    return StepResult(state, (reply,), tuple(effects))


def _the_one_cared_for(text: str, registration: CareSummary, *, at_checkin: bool) -> bool:
    """Whether the message is about the person the carer registered for: named ("Jan is overleden"),
    or their relation said ("mijn man" for a partner), or, as the answer to the check-in about them, no
    one else named ("hij is vannacht ingeslapen"). "Mijn moeder is overleden" from Jan's wife is about
    someone else: her check-ins about Jan go on."""
    name = registration.care_for.strip().casefold()
    if name and name in normal(text).split():
        return True
    relation = care.relation_in(text)
    if relation is not None:
        return relation == registration.relation
    # "de kat is overleden", "onze buurman is overleden": someone (or some pet) else is the subject.
    return at_checkin and not _SOMEONE_ELSE.search(normal(text))
