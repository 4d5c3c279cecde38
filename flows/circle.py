"""The care circle (kring): family, friends or a professional carer who may follow along.

KRING shows the circle. The person invites someone by mobile number (they get one SMS or WhatsApp
message) or by Telegram name (Telegram bots cannot write first to a name, so the person gets a code
to pass on: "KRING 123456"). The invitee must say yes; either side can end it at any time. The person
chooses what the circle sees, per item type (help requests, agreed meetings, mantelzorg check-ins)
and as a default; nothing is shared until they choose, and a change holds from the next item on.

Members get short updates on their own channel, can offer to do a shared request themselves ("ik
doe het wel", before the neighbourhood is asked) and can send the person a message through the bot.
Everything the engine does for this is an effect (bot/effects/community.py); what members and the person
hear arrives as internal events.
"""

from __future__ import annotations

import re
from typing import Any

import phonenumbers

from flows import catalogue, categories, meetings
from flows.conditions import describe_request_when
from flows.dialogue import chosen, label_of, language, prompt, repeat_prompt, say
from flows.profile import CircleSummary, Profile
from flows.types import Choice, Effect, Event, Reply, StepResult

SHARE_TYPES = ("requests", "meetings", "checkins")
MAX_MESSAGE = 1000
ANSWERS = ("yes", "no")
_TELEGRAM_NAME = re.compile(r"^@([A-Za-z][A-Za-z0-9_]{4,31})$")
_CODE = re.compile(r"^[0-9]{6}$")

INTERNAL_SAY = {
    "circle_answered_yes": "circle_member_joined",
    "circle_answered_no": "circle_member_declined",
    "circle_member_left": "circle_member_left",
    "circle_removed": "circle_removed",
    "circle_code": "circle_code",
    "circle_code_unknown": "circle_code_unknown",
    "circle_message": "circle_message",
    "circle_help_late": "circle_help_late",
}


def parse_address(text: str) -> tuple[str, str] | None:
    """("phone", "+31612345678") for a valid number (Dutch by default), ("telegram", "@name"), or None."""
    plain = text.strip()
    if (name := _TELEGRAM_NAME.match(plain)) is not None:
        return "telegram", f"@{name.group(1)}"
    try:
        number = phonenumbers.parse(plain, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return "phone", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def is_answer(choice: str | None) -> bool:
    """An invitee's yes or no ("circle:12:yes"), or a member's offer for a request ("circlehelp:7:yes")."""
    if choice is None:
        return False
    head, _, rest = choice.partition(":")
    return head in ("circle", "circlehelp") and rest.rsplit(":", 1)[-1] in ANSWERS


def on_answer(state: dict[str, Any], choice: str) -> StepResult:
    head, ident, answer = choice.split(":")
    state["offered"] = []
    state.pop("prompt", None)
    if head == "circle":
        effect = Effect("circle_answer", {"member_id": int(ident), "answer": answer})
        key = "circle_welcome" if answer == "yes" else "circle_no_thanks"
        return StepResult(state, (say(key),), (effect,))
    effect = Effect("circle_help", {"request_id": int(ident), "answer": answer})
    # A yes is answered by the outcome (the match, or "someone was quicker").
    replies = () if answer == "yes" else (say("circle_help_no_thanks"),)
    return StepResult(state, replies, (effect,))


def join_by_code(state: dict[str, Any], code: str) -> StepResult:
    """KRING 123456 from someone invited by Telegram name: their invitation follows."""
    if not _CODE.match(code):
        return StepResult(state, (say("circle_code_unknown"),))
    return StepResult(state, (), (Effect("circle_use_code", {"code": code}),))


def start(state: dict[str, Any], profile: Profile) -> StepResult:
    """KRING: who is in the circle, and what to do."""
    state["flow"] = "circle"
    state["step"] = "home"
    circle = profile.circle
    lang = language(state)
    labels = [
        m.label if m.status == "active" else catalogue.render("circle_invited_label", lang, {"name": m.label})
        for m in circle.members
    ]
    members = ", ".join(labels) if labels else catalogue.render("circle_nobody", lang)
    choices = [Choice("invite", "circle_choice_invite"), Choice("share", "circle_choice_share")]
    if circle.members:
        choices.append(Choice("remove", "circle_choice_remove"))
    if circle.joined:
        choices.append(Choice("joined", "circle_choice_joined"))
    choices.append(Choice("back", "choice_back"))
    return StepResult(state, (prompt(state, "circle_home", tuple(choices), {"members": members}),))


def handle(state: dict[str, Any], event: Event, profile: Profile) -> StepResult:
    step = state.get("step")
    answer = chosen(state, event)
    if answer == "back" and step in ("home", "remove", "joined", "joined_action"):
        return _done(state, ())
    if step == "home":
        return _home(state, answer, profile)
    if step == "address":
        return _address(state, event)
    if step == "channel":
        return _channel(state, answer)
    if step == "share":
        return _share(state, answer)
    if step == "remove":
        return _remove(state, answer, profile)
    if step == "joined":
        return _joined(state, answer, profile)
    if step == "joined_action":
        return _joined_action(state, answer)
    if step == "message":
        return _message(state, event)
    return _done(state, ())


def _home(state: dict[str, Any], answer: str | None, profile: Profile) -> StepResult:
    if answer == "invite":
        state["step"] = "address"
        state["offered"] = []
        state["prompt"] = {"key": "circle_ask_address", "params": {}, "choices": []}
        return StepResult(state, (say("circle_ask_address"),))
    if answer == "share":
        return _share_prompt(state, profile.circle, ())
    if answer == "remove":
        state["step"] = "remove"
        choices = tuple(Choice(f"member:{m.id}", label=m.label) for m in profile.circle.members)
        return StepResult(
            state, (prompt(state, "circle_remove_who", (*choices, Choice("back", "choice_back"))),)
        )
    if answer == "joined":
        state["step"] = "joined"
        choices = tuple(Choice(f"owner:{c.owner_id}", label=c.name) for c in profile.circle.joined)
        return StepResult(
            state, (prompt(state, "circle_joined_who", (*choices, Choice("back", "choice_back"))),)
        )
    return StepResult(state, (say("not_understood"), *repeat_prompt(state)))


def _address(state: dict[str, Any], event: Event) -> StepResult:
    parsed = parse_address(event.text) if event.kind == "text" else None
    if parsed is None:
        return StepResult(state, (say("circle_address_invalid"), *repeat_prompt(state)))
    kind, address = parsed
    if kind == "telegram":
        # The code to pass on comes back as `circle_code`, which ends this flow.
        state["step"] = "code"
        state["offered"] = []
        state.pop("prompt", None)
        return StepResult(state, (), (Effect("circle_invite", {"channel": "telegram", "address": address}),))
    state["step"] = "channel"
    state["invite_address"] = address
    choices = (Choice("sms", "circle_choice_sms"), Choice("whatsapp", "circle_choice_whatsapp"))
    return StepResult(state, (prompt(state, "circle_ask_channel", choices),))


def _channel(state: dict[str, Any], answer: str | None) -> StepResult:
    if answer not in ("sms", "whatsapp"):
        return StepResult(state, (say("not_understood"), *repeat_prompt(state)))
    address = str(state.pop("invite_address", ""))
    effect = Effect("circle_invite", {"channel": answer, "address": address})
    return _done(state, (say("circle_invite_sent", {"address": address}),), (effect,))


def _share_prompt(state: dict[str, Any], circle: CircleSummary, before: tuple[Reply, ...]) -> StepResult:
    state["step"] = "share"
    default = bool(state.get("share_default", circle.share_default))
    shares = dict(state.get("shares", dict(circle.shares)))
    state["share_default"], state["shares"] = default, shares
    lang = language(state)
    yes, no = catalogue.render("circle_shared_yes", lang), catalogue.render("circle_shared_no", lang)
    params = {kind: (yes if shares.get(kind, default) else no) for kind in SHARE_TYPES}
    choices = (
        Choice("all", "circle_share_all"),
        Choice("none", "circle_share_none"),
        *(Choice(kind, f"circle_share_{kind}") for kind in SHARE_TYPES),
        Choice("done", "circle_share_done"),
    )
    return StepResult(state, (*before, prompt(state, "circle_share", choices, params)))


def _share(state: dict[str, Any], answer: str | None) -> StepResult:
    if answer == "done" or answer is None:
        if answer is None:
            return StepResult(state, (say("not_understood"), *repeat_prompt(state)))
        for key in ("share_default", "shares"):
            state.pop(key, None)
        return _done(state, (say("circle_share_saved"),))
    default = bool(state.get("share_default", False))
    shares = {str(k): bool(v) for k, v in dict(state.get("shares", {})).items()}
    if answer in ("all", "none"):
        default, shares = answer == "all", {}
    else:
        shares[answer] = not shares.get(answer, default)
    state["share_default"], state["shares"] = default, shares
    effect = Effect("circle_share", {"default": default, "shares": dict(sorted(shares.items()))})
    result = _share_prompt(state, CircleSummary(), ())
    return StepResult(result.state, result.replies, (effect,))


def _remove(state: dict[str, Any], answer: str | None, profile: Profile) -> StepResult:
    member = next((m for m in profile.circle.members if answer == f"member:{m.id}"), None)
    if member is None:
        return StepResult(state, (say("not_understood"), *repeat_prompt(state)))
    effect = Effect("circle_remove", {"member_id": member.id})
    return _done(state, (say("circle_remove_done", {"name": member.label}),), (effect,))


def _joined(state: dict[str, Any], answer: str | None, profile: Profile) -> StepResult:
    circle = next((c for c in profile.circle.joined if answer == f"owner:{c.owner_id}"), None)
    if circle is None:
        return StepResult(state, (say("not_understood"), *repeat_prompt(state)))
    state["step"] = "joined_action"
    state["owner"], state["owner_name"] = circle.owner_id, circle.name
    choices = (
        Choice("message", "circle_choice_message"),
        Choice("leave", "circle_choice_leave"),
        Choice("back", "choice_back"),
    )
    return StepResult(state, (prompt(state, "circle_joined_what", choices, {"name": circle.name}),))


def _joined_action(state: dict[str, Any], answer: str | None) -> StepResult:
    name = {"name": str(state.get("owner_name", ""))}
    if answer == "message":
        state["step"] = "message"
        state["offered"] = []
        state["prompt"] = {"key": "circle_ask_message", "params": name, "choices": []}
        return StepResult(state, (say("circle_ask_message", name),))
    if answer == "leave":
        effect = Effect("circle_leave", {"owner_id": int(state["owner"])})
        return _done(state, (say("circle_left", name),), (effect,))
    return StepResult(state, (say("not_understood"), *repeat_prompt(state)))


def _message(state: dict[str, Any], event: Event) -> StepResult:
    text = event.text.strip() if event.kind == "text" else ""
    if not text:
        return StepResult(state, repeat_prompt(state))
    name = {"name": str(state.get("owner_name", ""))}
    effect = Effect("circle_message", {"owner_id": int(state["owner"]), "text": text[:MAX_MESSAGE]})
    return _done(state, (say("circle_message_sent", name),), (effect,))


def _done(state: dict[str, Any], replies: tuple[Reply, ...], effects: tuple[Effect, ...] = ()) -> StepResult:
    state["flow"] = "menu"
    state["offered"] = []
    for key in ("step", "prompt", "owner", "owner_name", "invite_address"):
        state.pop(key, None)
    return StepResult(state, replies, effects)


def on_internal(state: dict[str, Any], event: Event) -> StepResult | None:
    name = event.command or ""
    data = dict(event.meta)
    lang = language(state)
    params = {
        "name": str(data.get("name") or "") or catalogue.render("neighbour_fallback", lang),
        "text": str(data.get("text", "")),
        "code": str(data.get("code", "")),
        "address": str(data.get("address", "")),
    }
    if name == "circle_invited":
        choices = tuple(Choice(f"circle:{int(data['member_id'])}:{a}", f"circle_invite_{a}") for a in ANSWERS)
        return StepResult(state, (prompt(state, "circle_invited", choices, params),))
    if name == "circle_request":
        request_id = int(data["request_id"])
        choices = tuple(Choice(f"circlehelp:{request_id}:{a}", f"circle_help_{a}") for a in ANSWERS)
        return StepResult(
            state, (prompt(state, "circle_request", choices, _request_params(params, data, lang)),)
        )
    if name == "circle_update":
        kind = str(data.get("kind", ""))
        if kind == "request_matched" and data.get("when"):
            kind = "request_matched_at"  # with the request's time (an agreed other time included)
        return StepResult(state, (say(f"circle_update_{kind}", _request_params(params, data, lang)),))
    if name in INTERNAL_SAY:
        if name == "circle_code" and state.get("flow") == "circle":
            _done(state, ())
        return StepResult(state, (say(INTERNAL_SAY[name], params),))
    return None


def _request_params(params: dict[str, str], data: dict[str, Any], lang: str) -> dict[str, str]:
    out = dict(params)
    if "category" in data:
        category = next((c for c in categories.CATEGORY_CHOICES if c.key == data["category"]), None)
        out["category"] = label_of(category, lang).lower() if category is not None else str(data["category"])
    if "when" in data:
        out["when"] = describe_request_when(data["when"], lang)
    if "answer" in data:
        # A mantelzorg check-in: the answer as the person chose it ("Goed", "Gaat wel", "Zwaar").
        out["summary"] = catalogue.render(f"care_{data['answer']}", lang).lower()
    if isinstance(data.get("meeting"), dict):
        # An agreed meeting: when and where, as the kring member sees it ("bij Ria thuis").
        meeting = data["meeting"]
        out["summary"] = f"{meetings.when_words(meeting, lang)}, {meetings.place_words(meeting, lang)}"
    for key in ("summary", "date"):
        if key in data:
            out[key] = str(data[key])
    return out
