"""What staff set off in someone's conversation: internal events posted by the staff console's actions.

`staff_phone_contact`: a volunteer matched to a caller who phoned in without a mobile number is told
whom at Voordeur to call. `staff_handed_back`: staff end their takeover and the bot answers again.
"""

from __future__ import annotations

from typing import Any

from flows.dialogue import say
from flows.types import Event, StepResult

NOTICES = frozenset({"staff_phone_contact", "staff_handed_back"})


def on_internal(state: dict[str, Any], event: Event) -> StepResult | None:
    name = event.command or ""
    if name not in NOTICES:
        return None
    params = {key: str(value) for key, value in dict(event.meta).items()}
    if name == "staff_handed_back":
        # "kan ik later nog eens met haar praten?" right after: a person asked for again (conversation.py).
        state["person_contact"] = 3
    return StepResult(state, (say(name, params),))
