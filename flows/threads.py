"""Talking through the bot after a match: relayed messages, KLAAR, MELD, MENS and DEEL NUMMER.

A plain message from someone in a thread is passed on to the other side, prefixed with their first
name; numbers stay hidden until both sides send DEEL NUMMER. With several threads the bot asks once
whom a message is for, and from then on writes to the thread that last spoke (or was chosen).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from flows import catalogue, interpret
from flows.dialogue import language, prompt, say
from flows.normalise import command_in as normalise_command
from flows.normalise import conversation_words, folded_words, says_any
from flows.profile import Profile, ThreadSummary
from flows.types import Choice, Effect, Event, Reply, StepResult
from flows.understanding import intent

MAX_RELAY = 1000
THREAD_COMMANDS = frozenset({"close_thread", "report", "human", "share_number"})
INTERNAL = {
    "relayed",
    "thread_closed",
    "thread_frozen",
    "share_asked",
    "share_waiting",
    "numbers_shared",
    "number_unavailable",
    "relay_limited",
}


def current(state: dict[str, Any], profile: Profile) -> ThreadSummary | None:
    """The thread a message goes to: the chosen or last active one, or the only one."""
    open_threads = [t for t in profile.threads if t.status == "open"]
    chosen = next((t for t in open_threads if t.id == state.get("thread")), None)
    if chosen is not None:
        return chosen
    return open_threads[0] if len(open_threads) == 1 else None


def relay(state: dict[str, Any], text: str, profile: Profile) -> StepResult:
    """A plain message from someone in a thread: pass it on, or first ask for whom it is."""
    if not profile.threads:
        return StepResult(state)
    if all(t.status == "frozen" for t in profile.threads):
        return StepResult(state, (say("thread_is_paused"),))
    thread = current(state, profile)
    if thread is None:
        state["pending_relay"] = text[:MAX_RELAY]
        choices = tuple(
            Choice(f"thread:{t.id}", label=_name(t, language(state)))
            for t in profile.threads
            if t.status == "open"
        )
        return StepResult(state, (prompt(state, "which_thread", choices),))
    result = _relay_to(state, thread, text)
    if thread.status == "open" and offers_own_number(text):
        # "mag Henk mijn telefoonnummer hebben?": the words go to Henk, and it is DEEL NUMMER too.
        share = Effect("share_number", {"thread_id": thread.id})
        return StepResult(result.state, result.replies, (*result.effects, share))
    return result


def relay_to_thread(state: dict[str, Any], thread_id: Any, text: str, profile: Profile) -> StepResult | None:
    """Words for the neighbour of one thread (round 17: a reminder's answer that says more than "it goes
    ahead", written in the middle of another question): passed on; None when that thread is not open."""
    thread = next((t for t in profile.threads if t.id == thread_id and t.status == "open"), None)
    return None if thread is None else _relay_to(state, thread, text[:MAX_RELAY])


def offers_own_number(text: str) -> bool:
    """DEEL NUMMER said in a sentence to the neighbour ("mag Henk mijn telefoonnummer hebben? dan kan hij
    bellen", "you can have my number"): the person's own number and a word of giving or having it,
    without a no. Asking for the other's number ("mag ik jouw nummer?") names no own number: only
    passed on; a number typed out is passed on without its digits (`PHONE_NUMBER`, round dialogue28)."""
    if not says_any(text, "own_number") or any(char.isdigit() for char in text.replace("06", "")):
        return False
    return not says_any(text, "refusing") and says_any(text, "giving")


# Round dialogue28: a phone number typed in a message (nine digits or more, spaces, dashes or dots between,
# "+31" or "0031" before) is taken out of what goes to the neighbour: numbers are shared only when both
# send DEEL NUMMER. Times, dates, amounts and postcodes have fewer digits.
PHONE_NUMBER = re.compile(r"(?<!\w)(?:\+|00)?\d(?:[\s\-./]?\d){8,}(?!\w)")
NUMBER_HIDDEN = "•••"


def _relay_to(state: dict[str, Any], thread: ThreadSummary, text: str) -> StepResult:
    state["thread"] = thread.id
    masked = PHONE_NUMBER.sub(NUMBER_HIDDEN, text[:MAX_RELAY])
    effect = Effect("relay", {"thread_id": thread.id, "text": masked})
    if masked != text[:MAX_RELAY]:
        # Said each time: the person meant the number to arrive, and it did not.
        return StepResult(
            state, (say("thread_number_masked", {"name": _name(thread, language(state))}),), (effect,)
        )
    acked = set(state.get("relay_acked", []))
    replies: tuple[Reply, ...] = ()
    if thread.id not in acked:
        # Once per thread, so someone on SMS knows their words went somewhere.
        replies = (say("relay_sent", {"name": _name(thread, language(state))}),)
        state["relay_acked"] = sorted(acked | {thread.id})
    return StepResult(state, replies, (effect,))


# KLAAR said inside a longer message ("we zijn klaar, bedankt voor alles Henk!"): the words go to the
# neighbour, and the bot asks once whether the help is done before it closes the conversation.
CLOSE_CHECK = "thread_close"


def close_said(text: str, lang: str) -> bool:
    """A part of the message (not the whole: that is KLAAR itself) says the help is done."""
    parts = [part for part in re.split(r"[,.;!?]+", text) if part.strip()]
    return len(parts) > 1 and any(intent.command_in(part, lang) == "close_thread" for part in parts)


def ask_close(state: dict[str, Any], thread_id: int, profile: Profile) -> Reply | None:
    thread = next((t for t in profile.threads if t.id == thread_id and t.status == "open"), None)
    if thread is None:
        return None
    choices = (
        Choice(f"{CLOSE_CHECK}:{thread.id}:yes", "choice_yes"),
        Choice(f"{CLOSE_CHECK}:{thread.id}:no", "choice_no"),
    )
    return prompt(state, "thread_close_check", choices, {"name": _name(thread, language(state))})


def _on_close_check(state: dict[str, Any], choice: str, profile: Profile) -> StepResult:
    _, raw_id, answer = choice.split(":")
    state["offered"] = []
    state.pop("prompt", None)
    thread = next((t for t in profile.threads if str(t.id) == raw_id and t.status == "open"), None)
    if thread is None:
        return StepResult(state)
    name = {"name": _name(thread, language(state))}
    if answer != "yes":
        return StepResult(state, (say("thread_kept", name),))
    if state.get("thread") == thread.id:
        state.pop("thread", None)
    closed = Effect("close_thread", {"thread_id": thread.id})
    return StepResult(state, (say("thread_closed", name),), (closed,))


# Round 12: words about the neighbour written in the thread ("ik wil niet meer met hem praten", "hij doet
# raar") are not passed on: the person chooses to end the conversation, tell the team, or pass them on.
WORRY = "thread_worry"
WORRY_ANSWERS = ("end", "report", "send")


def about_other(state: dict[str, Any], text: str, profile: Profile) -> StepResult | None:
    """Words in a thread about the other one rather than to them (conversation.toml round 12). Feeling
    unsafe ([round12_thread_unsafe], or a word of fear with him or her: [round12_fear] and
    [round12_third_person]) reaches a person at once: MELD (the thread frozen, a high-priority alert),
    nothing passed on. Not wanting to talk to them any more ([round12_thread_leave]) or odd behaviour
    with him or her ([round12_odd]) asks what to do: end the conversation (KLAAR), tell the team (MELD),
    or pass the words on after all. Feeling unsafe said with no conversation open asks for a person
    (MENS). None for other words, and when no open thread is the one meant."""
    thread = current(state, profile)
    if not profile.threads and says_any(text, "round12_thread_unsafe"):
        # "ik voel me niet veilig bij hem" with no conversation open: a person, as MENS.
        return on_command(state, "human", profile)
    if thread is None or thread.status != "open":
        return None
    about_them = says_any(text, "round12_third_person")
    if _report_first(text):
        # Round dialogue28: "MELD, hij was heel onaardig": MELD with its reason after it.
        state["thread"] = thread.id
        return on_command(state, "report", profile)
    if _how_asked(text) and says_any(text, "dialogue28_sharing_numbers"):
        # "hoe werkt dat nummer delen eigenlijk?": how it works.
        state["thread"] = thread.id
        return StepResult(state, (say("thread_numbers_hidden", {"name": _name(thread, language(state))}),))
    if _unsafe(text, about_them):
        state["thread"] = thread.id
        return on_command(state, "report", profile)
    if _how_asked(text) and _chat_said(text) and says_any(text, "dialogue30_end"):
        # Round dialogue30: "how do I stop talking to her?" (also tr, pl, uk, ar): for the bot; is the help
        # done? (then the conversation closes, as KLAAR).
        state["thread"] = thread.id
        asked = ask_close(state, thread.id, profile)
        return StepResult(state, (asked,) if asked is not None else ())
    if _their_number_asked(text, thread):
        # Round 23: "wat is het nummer van Ans?" asks the bot, not Ans: how numbers are shared (DEEL
        # NUMMER from both sides), and nothing passed on.
        state["thread"] = thread.id
        return StepResult(state, (say("thread_number_asked", {"name": _name(thread, language(state))}),))
    if (about_them or _how_asked(text)) and _own_number_asked(text):
        # "kan hij mijn nummer zien?", and round dialogue28's "hoe kan ik mijn nummer delen": how it works.
        state["thread"] = thread.id
        return StepResult(state, (say("thread_numbers_hidden", {"name": _name(thread, language(state))}),))
    if _at_door(text):
        return None  # the door shut: passed on, and the team alerted (`no_answer_at_door`)
    leaving = (
        says_any(text, "round12_thread_leave")
        or says_any(text, "thread_other_helper")
        or says_any(text, "dialogue28_leave")
        # Round dialogue30: round 25's words at "Is het gelukt?" ("не хочу більше з нею"), more words, and a
        # change of helper asked ("bghit nbeddel had lbenevole").
        or says_any(text, "dialogue25_not_again")
        or says_any(text, "dialogue30_leave")
        or says_any(text, "dialogue30_leave_more")
        or (says_any(text, "dialogue30_change") and says_any(text, "dialogue30_helper"))
    )
    conduct = _conduct(thread, text, about_them)
    worried = (
        conduct
        or (about_them and says_any(text, "round12_odd"))
        or _concern_about(thread, text, about_them)
        or _no_reply(thread, text, about_them)
    )
    if not leaving and not worried:
        return None
    state["thread"] = thread.id
    state["pending_relay"] = text[:MAX_RELAY]
    labels = {"end": "choice_thread_end", "report": "choice_thread_report", "send": "choice_thread_send"}
    choices = tuple(Choice(f"{WORRY}:{thread.id}:{answer}", labels[answer]) for answer in WORRY_ANSWERS)
    asked = prompt(state, "thread_worry", choices, {"name": _name(thread, language(state))})
    if not conduct:
        return StepResult(state, (asked,))
    # Round dialogue28: money asked, drunk, pushy or rude: the team hears of it at once (the person
    # still chooses what happens with the conversation).
    alert = Effect("alert_staff", {"kind": "thread_conduct", "priority": "normal", "thread_id": thread.id})
    return StepResult(state, (replace(asked, lead="thread_team_told"),), (alert,))


def _unsafe(text: str, about_them: bool) -> bool:
    """Feeling unsafe with the neighbour ([round12_thread_unsafe], round dialogue30's [dialogue30_unsafe]:
    "أنا خائفة منه", "ana khayfa minnou"), or a word of fear with him or her ([round12_fear],
    [dialogue30_fear]: "ona mnie straszy", "вона мене лякає")."""
    if (
        says_any(text, "round12_thread_unsafe")
        or says_any(text, "dialogue30_unsafe")
        or says_any(text, "dialogue30_unsafe_more")
    ):
        return True
    them = about_them or says_any(text, "dialogue30_them")
    if them and says_any(text, "dialogue30_afraid") and not says_any(text, "dialogue30_afraid_not"):
        return True  # "я боюся цього чоловіка", "die man ik vertrouw niet"
    return about_them and (says_any(text, "round12_fear") or says_any(text, "dialogue30_fear"))


def _chat_said(text: str) -> bool:
    return says_any(text, "dialogue30_chat") or says_any(text, "dialogue30_chat_more")


def _conduct(thread: ThreadSummary, text: str, about_them: bool) -> bool:
    """Round dialogue28: how the neighbour behaved, told of him or her, that the team must hear of at once:
    money asked (`money_asked`), drunk, pushy or rude ([dialogue28_conduct])."""
    them = about_them or _of_them(thread, text) or says_any(text, "dialogue30_them")
    behaved = says_any(text, "dialogue28_conduct") or says_any(text, "dialogue30_conduct")
    if behaved and not them:
        # Round dialogue30: a verb that says him or her in itself ("wczoraj krzyczał na mnie", "kan sakran
        # melli ja"): no one else named and not the writer ([dialogue30_i]).
        return _alone_said(text) and not says_any(text, "dialogue30_i")
    return them and (behaved or money_asked(text))


def _no_reply(thread: ThreadSummary, text: str, about_them: bool) -> bool:
    """Round dialogue28: the neighbour does not reply or pick up ([dialogue28_no_reply], "Marieke reageert
    niet", "ze neemt niet op", "لا ترد على الهاتف"), not at the door (`_at_door`): held back and asked
    about, no alarm. Said of him or her, by name, or in a verb form of the third person alone."""
    if not says_any(text, "dialogue28_no_reply"):
        return False
    return about_them or _of_them(thread, text) or _alone_said(text)


def _of_them(thread: ThreadSummary, text: str) -> bool:
    """The neighbour said by name, as "ze" or "die vrijwilliger" ([thread_concern_person]), as "deze man"
    or in "vroeg me" ([dialogue28_person])."""
    return (
        _named(thread, text)
        or says_any(text, "thread_concern_person")
        or says_any(text, "dialogue28_person")
        or says_any(text, "dialogue30_person")  # round dialogue30: "benden", "menni" (asked from me)
    )


def _alone_said(text: str) -> bool:
    """Nobody else named: the verb itself says him or her ("nie odbiera od rana", "لا ترد على الهاتف")."""
    return not says_any(text, "dialogue28_someone_else")


def no_reply_only(text: str, thread: ThreadSummary | None) -> bool:
    """Round dialogue28: whether a message read as an emergency only says that the neighbour of the open
    thread, named, does not reply ("Marieke reageert niet", "Marieke is not responding"): a clause of the
    name, a no-reply phrase ([dialogue28_no_reply]) and light words ([dialogue28_no_reply_light]), and
    the rest of the message no emergency, also beside someone who does not answer ("... en hij antwoordt
    niet": a fall or someone lying down still is one). Only asked when the crisis reader found one."""
    if thread is None or thread.status != "open" or not _named(thread, text):
        return False
    from flows import crisis

    name = folded_words(thread.other_name or "").split()
    light = {word.strip() for word in conversation_words("dialogue28_no_reply_light")} | set(name)
    phrases = sorted(conversation_words("dialogue28_no_reply"), key=len, reverse=True)
    rest, found = [], False
    for clause in _CLAUSES.split(text):
        words = folded_words(clause)
        if _named(thread, clause) and any(phrase in words for phrase in phrases):
            for phrase in phrases:
                words = words.replace(phrase, " ")
            if set(words.split()) <= light:
                found = True
                continue
        rest.append(clause)
    if not found:
        return False
    others = " , ".join(part for part in rest if part.strip())
    return crisis.detect(f"{others} en hij antwoordt niet") is None


def _report_first(text: str) -> bool:
    """MELD as the first clause of a longer message ("MELD, hij was heel onaardig"), or as its first word
    written in capitals ("MELD hij scheldt")."""
    first = _CLAUSES.split(text.strip(), maxsplit=1)[0]
    if first.strip() != text.strip() and normalise_command(first) == "report":
        return True
    word = text.strip().split(maxsplit=1)
    return len(word) > 1 and word[0].isupper() and normalise_command(word[0]) == "report"


def _how_asked(text: str) -> bool:
    return says_any(text, "dialogue28_how") or says_any(text, "dialogue30_how")


def how_numbers_shared(state: dict[str, Any], text: str, profile: Profile) -> StepResult | None:
    """Round dialogue28: DEEL NUMMER's words inside a question how ("hoe kan ik mijn nummer delen"): how
    numbers are shared (both send DEEL NUMMER), the sharing not yet asked. None outside an open thread."""
    thread = current(state, profile)
    if thread is None or thread.status != "open" or not _how_asked(text):
        return None
    state["thread"] = thread.id
    return StepResult(state, (say("thread_numbers_hidden", {"name": _name(thread, language(state))}),))


def _at_door(text: str) -> bool:
    """Round 23's no answer at the door ("ik sta voor de deur maar ze doet niet open"): a no-answer phrase
    and the door said (round dialogue28: a phone not answered alone is no alarm)."""
    return says_any(text, "round23_no_answer") and says_any(text, "dialogue28_at_door")


def _concern_about(thread: ThreadSummary, text: str, about_them: bool) -> bool:
    """Session 29: a worry about the neighbour told to the bot (conversation.toml [thread_concern]: money
    asked, the bill wrong, not turning up, no answer any more), said of him or her, by name or as "ze" or
    "die vrijwilliger" ("hij vroeg of ik hem geld kon lenen", "Marieke is niet gekomen")."""
    if not (about_them or _named(thread, text) or says_any(text, "thread_concern_person")):
        return False
    return money_asked(text) or says_any(text, "thread_concern")


def money_asked(text: str) -> bool:
    """Money the helper wanted or asked, in one clause ("hij wilde er 10 euro voor hebben", "hij vroeg of ik
    hem geld kon lenen"): at "Is het gelukt?" a complaint (flows/meetings.py, round dialogue25), in a
    thread a worry held back. A question about paying ("moet ik iets betalen?") says no past wanting or
    asking; money of the shopping itself (change, a receipt, the groceries) is no payment for the help."""
    return any(
        (says_any(clause, "dialogue25_money") or says_any(clause, "dialogue30_money"))
        and (
            says_any(clause, "dialogue25_money_wanted")
            or says_any(clause, "dialogue30_money_wanted")
            or says_any(clause, "dialogue30_money_wanted_more")
        )
        and not says_any(clause, "dialogue25_money_given")  # "ze wilde me geld geven"
        and not says_any(clause, "dialogue25_money_fine")  # "hij vroeg 20 euro voor de boodschappen"
        for clause in _CLAUSES.split(text)
    )


_CLAUSES = re.compile(r"[,.;:!?؟]+")


def _own_number_asked(text: str) -> bool:
    """Whether one's own number is seen, asked of him or her ("kan hij mijn nummer zien?"), or how it is
    shared ("how can I share my phone number with her?", round dialogue28), not giving it ("hij mag mijn
    nummer hebben": DEEL NUMMER, `offers_own_number`) and no number typed out (`PHONE_NUMBER`)."""
    if any(char.isdigit() for char in text.replace("06", "")) or not says_any(text, "thread_numbers_asked"):
        return False
    return says_any(text, "thread_numbers_seen") or _how_asked(text) or not offers_own_number(text)


def _their_number_asked(text: str, thread: ThreadSummary) -> bool:
    """The other one's number asked of the bot: "haar nummer", "її номер" ([round23_their_number]), or
    "het nummer van Ans" ([round23_number_of] with the other's name)."""
    if says_any(text, "round23_their_number"):
        return True
    return _named(thread, text) and says_any(text, "round23_number_of")


def _named(thread: ThreadSummary, text: str) -> bool:
    """Whether the text names the other one by their first name ("Marieke is niet gekomen")."""
    name = folded_words(thread.other_name or "").strip()
    return bool(name) and f" {name} " in folded_words(text)


def no_answer_at_door(text: str, thread_id: int) -> tuple[Reply, Effect] | None:
    """Dialogue round 23: words passed on that say the other does not open the door or answer the phone
    ("ik sta voor de deur maar ze doet niet open en neemt niet op", [round23_no_answer]): the one who
    came may be the only one to notice something is wrong, so the team is alerted (high: a fall is
    possible) and 112 is named; the words still went to the other side."""
    if not _at_door(text):
        return None
    alert = Effect("alert_staff", {"kind": "no_answer_at_door", "priority": "high", "thread_id": thread_id})
    return say("thread_no_answer"), alert


def _on_worry(state: dict[str, Any], choice: str, profile: Profile) -> StepResult:
    _, raw_id, answer = choice.split(":")
    state["offered"] = []
    state.pop("prompt", None)
    pending = state.pop("pending_relay", None)
    thread = next((t for t in profile.threads if str(t.id) == raw_id and t.status == "open"), None)
    if thread is None:
        return StepResult(state)
    state["thread"] = thread.id
    if answer == "send":
        return _relay_to(state, thread, pending) if pending else StepResult(state)
    if answer != "end":
        return on_command(state, "report", profile)
    # Ended over words about the other one ("ik wil niet meer met hem"): not matched with them again.
    return on_command(state, "close_thread", profile, not_again=True)


# Round 12: "Henk wil graag nummers met je delen" answered in words ("ja dat is prima", "nee liever niet").
SHARE_ASKED = "share_asked"


def share_answer(state: dict[str, Any], thread_id: int, text: str, profile: Profile) -> StepResult | None:
    """The message right after the other side asked to share numbers, read as a yes or no to it: a yes
    is DEEL NUMMER, a no keeps the number hidden (`share_kept`); neither is passed on. Anything else (a
    question, other words) goes on as before. None when that thread is no longer open."""
    thread = next((t for t in profile.threads if t.id == thread_id and t.status == "open"), None)
    if thread is None or not text.strip():
        return None
    answer = interpret.reading("consent", text, language(state)).answer
    if answer == "yes":
        state["thread"] = thread.id
        return on_command(state, "share_number", profile)
    if answer == "no":
        return StepResult(state, (say("share_kept", {"name": _name(thread, language(state))}),))
    return None


def on_choice(state: dict[str, Any], choice: str, profile: Profile) -> StepResult | None:
    """The answer to "for whom is this message?" (or to "is the help done?", or to words about the
    other one)."""
    parts = choice.split(":")
    if len(parts) == 3 and parts[0] == CLOSE_CHECK and parts[1].isdigit() and parts[2] in ("yes", "no"):
        return _on_close_check(state, choice, profile)
    if len(parts) == 3 and parts[0] == WORRY and parts[1].isdigit() and parts[2] in WORRY_ANSWERS:
        return _on_worry(state, choice, profile)
    if not choice.startswith("thread:") or not choice[7:].isdigit():
        return None
    thread = next((t for t in profile.threads if t.id == int(choice[7:]) and t.status == "open"), None)
    pending = state.pop("pending_relay", None)
    state["offered"] = []
    state.pop("prompt", None)
    if thread is None or not pending:
        return StepResult(state)
    return _relay_to(state, thread, pending)


def on_command(
    state: dict[str, Any], command: str, profile: Profile, *, not_again: bool = False
) -> StepResult:
    """KLAAR, MELD, MENS, DEEL NUMMER. MENS works without a thread too: anyone may ask for a person.
    `not_again`: KLAAR chosen over a worry about the other one ("ik wil niet meer met hem praten")."""
    thread = current(state, profile) or (profile.threads[0] if profile.threads else None)
    if command == "human":
        data = {"thread_id": thread.id} if thread is not None else {}
        state["person_contact"] = 3  # the next messages may say when she is reachable (conversation.py)
        return StepResult(state, (say("human_requested"),), (Effect("request_human", data),))
    if thread is None:
        return StepResult(state, (say("no_thread"),))
    name = {"name": _name(thread, language(state))}
    if command == "report":
        return StepResult(
            state, (say("thread_reported", name),), (Effect("report_thread", {"thread_id": thread.id}),)
        )
    if thread.status == "frozen":
        return StepResult(state, (say("thread_is_paused"),))
    if command == "close_thread":
        state.pop("thread", None)
        closed: dict[str, Any] = {"thread_id": thread.id}
        if not_again:
            closed["not_again"] = True  # the two are not matched again (bot/effects/threads.py `close`)
        return StepResult(state, (say("thread_closed", name),), (Effect("close_thread", closed),))
    return StepResult(state, (), (Effect("share_number", {"thread_id": thread.id}),))


def on_internal(state: dict[str, Any], event: Event) -> StepResult | None:
    name = event.command or ""
    if name not in INTERNAL:
        return None
    data = dict(event.meta)
    lang = language(state)
    params = {
        "name": str(data.get("name") or "") or catalogue.render("neighbour_fallback", lang),
        "text": str(data.get("text", "")),
        "number": str(data.get("number", "")),
    }
    if name == "relayed":
        state["thread"] = int(data["thread_id"])
    if name == "share_asked" and data.get("thread_id") is not None:
        state[SHARE_ASKED] = int(data["thread_id"])  # the next message may answer it in words (round 12)
    if name == "thread_closed" and state.get("thread") == data.get("thread_id"):
        state.pop("thread", None)
    key = {
        "relayed": "relay",
        "thread_closed": "thread_closed_by_other",
        "thread_frozen": "thread_paused",
    }.get(name, name)
    return StepResult(state, (say(key, params),))


def _name(thread: ThreadSummary, lang: str) -> str:
    return thread.other_name or catalogue.render("neighbour_fallback", lang)
