"""serve and worker run on uvloop unless VOORDEUR_EVENT_LOOP says asyncio (bot/cli/main.py `run_on_loop`)."""

from __future__ import annotations

import asyncio

import pytest

from bot.cli.main import run_on_loop
from bot.settings import load_settings


async def _loop_module() -> str:
    return type(asyncio.get_running_loop()).__module__


@pytest.mark.parametrize(
    ("choice", "module"), [("auto", "uvloop"), ("uvloop", "uvloop"), ("asyncio", "asyncio")]
)
def test_the_event_loop_the_settings_choose(choice: str, module: str) -> None:
    settings = load_settings(_env_file=None, VOORDEUR_EVENT_LOOP=choice)
    assert run_on_loop(settings, _loop_module()).split(".")[0] == module


def test_a_wrong_event_loop_setting_is_refused() -> None:
    with pytest.raises(Exception, match="VOORDEUR_EVENT_LOOP"):
        load_settings(_env_file=None, VOORDEUR_EVENT_LOOP="tokio")
