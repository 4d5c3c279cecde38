"""Every command word, and odd answers (emoji, other scripts, a long story), work at any point of a first
conversation: as the very first message, right after the greeting (no name, no postcode, no consent yet),
at each question of asking for help, and on both sides of a match. Each gets an answer and none breaks
its batch (a broken message is set aside for staff, which the person experiences as silence)."""

from __future__ import annotations

from sqlalchemy import select

from bot.runtime import Runtime
from flows.normalise import COMMAND_WORDS
from storage.models import InboundMessage
from tests.community import ASK_BOODSCHAPPEN, add_person, keys_for, say
from tests.conftest import FixedClock
from tests.dbutil import identity

# One word per command (the first listed), as a person would type it.
FIRST_WORDS = {command: word for word, command in reversed(COMMAND_WORDS.items())}
# The golden first conversation (bench/conversations.py walks it too), cut at each question.
NEED = ("Hallo, ik heb hulp nodig met mijn tuin", "Ria", "7391 AB", "ja", "donderdagochtend", "2", "2", "1")
STAGES = {
    "first message": (),
    "after the greeting": ("hallo",),
    # Keyed by the answer's place: "2" answers two questions.
    **{f"after answer {n} ({NEED[n - 1]!r})": NEED[:n] for n in range(1, len(NEED) + 1)},
}


def _address(series: int, place: int, number: int) -> str:
    """A new person's number for each test (series), point of the conversation (place) and case."""
    return f"+316{series}{place}{number:06d}"


async def _answers(runtime: Runtime, address: str, channel: str = "simulator") -> int:
    person_id = (await identity(runtime, channel, address)).person_id
    return len(await keys_for(runtime, person_id))


async def test_every_command_is_answered_before_onboarding_is_done(runtime: Runtime) -> None:
    unanswered = []
    for place, (stage, before) in enumerate(STAGES.items()):
        for number, (command, word) in enumerate(sorted(FIRST_WORDS.items())):
            address = _address(2, place, number)
            await say(runtime, address, *before)
            answered = await _answers(runtime, address) if before else 0
            await say(runtime, address, word.upper())
            if await _answers(runtime, address) == answered and command != "stop":
                unanswered.append((stage, word))
    assert unanswered == []
    await _nothing_failed(runtime)


async def _nothing_failed(runtime: Runtime) -> None:
    async with runtime.sessions() as session:
        failed = await session.execute(
            select(InboundMessage.event, InboundMessage.error).where(InboundMessage.error.is_not(None))
        )
        assert list(failed) == []


async def test_every_command_is_answered_on_both_sides_of_a_match(
    runtime: Runtime, clock: FixedClock
) -> None:
    """A volunteer with an invitation open, and both people of a match talking through the bot."""
    unanswered = []
    for number, (command, word) in enumerate(sorted(FIRST_WORDS.items())):
        resident, volunteer = _address(4, 0, number), _address(5, 0, number)
        await add_person(runtime, clock, resident, "Wil", "molenwijk", channel="sms")
        await add_person(
            runtime, clock, volunteer, "Henk", "molenwijk", offers=("boodschappen",), channel="sms"
        )
        await say(runtime, resident, *ASK_BOODSCHAPPEN, channel="sms")
        for stage, who in (("invited", volunteer), ("matched", resident)):
            if stage == "matched":
                await say(runtime, volunteer, "ja", channel="sms")
            answered = await _answers(runtime, who, "sms")
            await say(runtime, who, word.upper(), channel="sms")
            if await _answers(runtime, who, "sms") == answered and command != "stop":
                unanswered.append((stage, word))
    assert unanswered == []
    await _nothing_failed(runtime)


# What people also send at any question: a thumb, a question mark, a number out of range, a long story,
# other scripts and languages, a link, a phone number, a time with a condition.
ODD = (
    "👍",
    "?",
    "99",
    "0",
    "-1",
    "ja maar pas na 2 uur",
    "أحتاج مساعدة في التسوق",
    "alışverişe yardım lazım",  # noqa: RUF001 (Turkish dotless i)
    "Потрібна допомога",
    "https://example.org/x",
    "bel me op 06-12345678",
    "ik weet het niet " * 60,
)


async def test_odd_answers_at_every_question_are_answered_and_break_nothing(runtime: Runtime) -> None:
    unanswered = []
    for place, (stage, before) in enumerate(STAGES.items()):
        for number, text in enumerate(ODD):
            address = _address(6, place, number)
            await say(runtime, address, *before)
            answered = await _answers(runtime, address) if before else 0
            await say(runtime, address, text)
            if await _answers(runtime, address) == answered:
                unanswered.append((stage, text[:20]))
    assert unanswered == []
    await _nothing_failed(runtime)
