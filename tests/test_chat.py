"""`voordeur chat`: a terminal conversation through the real engine, printed as its channel shows it."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bot.channels.base import OutboundMessage
from bot.cli import chat
from bot.cli.demo import seed
from storage.db import make_engine, make_sessionmaker
from storage.models import InboundMessage, OutboxMessage
from tests.community import ASK_BOODSCHAPPEN
from tests.conftest import make_settings

# First contact (welcome, name, neighbourhood, consent), then the menu's request for groceries.
LINES = ["hallo", "Ria", "Molenwijk", "ja", *ASK_BOODSCHAPPEN[1:]]


async def test_a_whole_request_in_the_terminal_reaches_a_volunteer(database_url: str) -> None:
    await seed(database_url, datetime.now(UTC))
    out = io.StringIO()
    runtime = chat.terminal_runtime(make_settings(database_url), "sms", "+31612345678", out)
    stdin = io.StringIO("\n".join([*LINES, "/quit", "never read"]) + "\n")
    assert await chat.run(runtime, "sms", "+31612345678", stdin, out) == 0
    shown = out.getvalue()
    # The person's own messages, SMS style: numbered choices, no buttons.
    assert "voordeur> Hoe mag ik je noemen?" in shown
    assert "\n          1 Molenwijk\n" in shown
    assert "[" not in shown.split("[aan", 1)[0], "no buttons on SMS"
    # The matching invited a demo volunteer: printed with channel and a masked address, never the number.
    assert "[aan simulator …4321]" in shown
    assert "+31687654321" not in shown and "+31612345678" not in shown
    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine)() as session:
            stored = await session.scalar(
                select(func.count()).where(
                    InboundMessage.channel == "sms", InboundMessage.processed_at.isnot(None)
                )
            )
            unsent = await session.scalar(select(func.count()).where(OutboxMessage.status != "sent"))
    finally:
        await engine.dispose()
    assert stored == len(LINES), "every line stored and handled once; nothing after /quit"
    assert unsent == 0, "every reply was printed (marked sent)"


def test_telegram_choices_are_shown_as_buttons() -> None:
    message = OutboundMessage(1, "telegram", "42", "Is dat goed?", (("yes", "Ja"), ("no", "Nee")))
    assert chat.render(message) == "Is dat goed?\n[Ja]  [Nee]"
    sms = OutboundMessage(2, "sms", "+31612345678", "Is dat goed?", (("yes", "Ja"), ("no", "Nee")))
    assert chat.render(sms) == "Is dat goed?\n1 Ja\n2 Nee"


@pytest.mark.parametrize(
    ("channel", "given", "expected"),
    [
        ("sms", "06 12345678", "+31612345678"),
        ("whatsapp", "whatsapp:+31612345678", "+31612345678"),
        ("telegram", "123456789", "123456789"),
    ],
)
def test_addresses_are_normalised(channel: str, given: str, expected: str) -> None:
    assert chat.normalise_address(channel, given) == expected


@pytest.mark.parametrize(("channel", "given"), [("sms", "hallo"), ("sms", "+3161"), ("telegram", "@ria")])
def test_a_wrong_address_is_refused(channel: str, given: str) -> None:
    with pytest.raises(chat.AddressError):
        chat.normalise_address(channel, given)


def test_the_command_names_a_wrong_from_in_one_line(tmp_path: object) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--channel", "telegram", "--from", "@ria"],
        capture_output=True,
        text=True,
        cwd=str(tmp_path),
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "voordeur: --from: a Telegram chat id is a number, e.g. 123456789"
    ]
