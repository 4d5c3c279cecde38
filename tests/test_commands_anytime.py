"""Every command word works at any point of a first conversation: as the very first message, right
after the greeting (no name, no postcode, no consent yet) and at each question of asking for help. Each
gets an answer and none breaks its batch (a broken message is set aside for staff, which the person
experiences as silence)."""

from __future__ import annotations

from sqlalchemy import select

from bot.runtime import Runtime
from flows.normalise import COMMAND_WORDS
from storage.models import InboundMessage
from tests.community import keys_for, say
from tests.dbutil import identity

# One word per command (the first listed), as a person would type it.
FIRST_WORDS = {command: word for word, command in reversed(COMMAND_WORDS.items())}
# The golden first conversation (bench/conversations.py walks it too), cut at each question.
NEED = ("Hallo, ik heb hulp nodig met mijn tuin", "Ria", "7391 AB", "ja", "donderdagochtend", "2", "2", "1")
STAGES = {
    "first message": (),
    "after the greeting": ("hallo",),
    **{f"after {NEED[:n][-1]!r}": NEED[:n] for n in range(1, len(NEED) + 1)},
}


async def _answers(runtime: Runtime, address: str) -> int:
    person_id = (await identity(runtime, "simulator", address)).person_id
    return len(await keys_for(runtime, person_id))


async def test_every_command_is_answered_before_onboarding_is_done(runtime: Runtime) -> None:
    unanswered = []
    for stage, before in STAGES.items():
        for number, (command, word) in enumerate(sorted(FIRST_WORDS.items())):
            address = f"+3162{len(before)}{number:06d}" if before != ("hallo",) else f"+3163{number:06d}"
            await say(runtime, address, *before)
            answered = await _answers(runtime, address) if before else 0
            await say(runtime, address, word.upper())
            if await _answers(runtime, address) == answered and command != "stop":
                unanswered.append((stage, word))
    assert unanswered == []
    async with runtime.sessions() as session:
        failed = await session.execute(
            select(InboundMessage.event, InboundMessage.error).where(InboundMessage.error.is_not(None))
        )
        assert list(failed) == []
