"""WhatsApp templates from the catalogue: listed, created through Twilio's Content API (an emulator),
recorded with their approval state, and used by the sender once approved."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.delivery.whatsapp_templates import TEMPLATES_FILE, load
from flows import catalogue
from tests.e2e_support import clean_environment, voordeur_command
from tests.emulators.content_api import ContentEmulator
from tests.emulators.server import run_asgi

OPENERS = {"care_checkin", "remind_due", "meet_reminder_evening", "meet_reminder_soon", "invite"}


def test_the_catalogue_marks_the_texts_that_open_a_conversation() -> None:
    wordings = load()
    assert {w.text_key for w in wordings} >= OPENERS
    # Dutch and English for every opener; other languages use the Dutch template until they have their own.
    for key in OPENERS:
        assert {w.language for w in wordings if w.text_key == key} >= set(catalogue.COMPLETE_LANGUAGES)
    for wording in wordings:
        assert not wording.body.startswith("{{") and not wording.body.endswith("}}")


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('variables = ["name"]\nnl = "Hoi {{1}} en {{2}}."\nen = "Hi {{1}}."', "placeholders"),
        ('variables = ["name"]\nnl = "{{1}}, hoe gaat het?"\nen = "Hi {{1}}."', "start or end"),
        ('variables = ["nope"]\nnl = "Hoi {{1}}."\nen = "Hi {{1}}."', "not parameters"),
    ],
)
def test_a_wrong_wording_is_refused(tmp_path: Path, entry: str, problem: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(f"[care_checkin]\n{entry}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        load(path)


def run(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    emulator = ContentEmulator()
    env = clean_environment(
        DATABASE_URL=f"sqlite:///{tmp_path}/v.db",
        TWILIO_ACCOUNT_SID=emulator.account_sid,
        TWILIO_AUTH_TOKEN=emulator.auth_token,
        TWILIO_CONTENT_BASE_URL=url,
        TWILIO_WHATSAPP_NUMBER="whatsapp:+3197010000002",
        PUBLIC_BASE_URL="https://voordeur.test",
        VOORDEUR_LOG_FORMAT="json",
    )
    return subprocess.run(
        [*voordeur_command(), "whatsapp", "templates", *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_sync_creates_submits_records_and_refreshes(tmp_path: Path) -> None:
    emulator = ContentEmulator()
    count = len(load())
    with run_asgi(emulator.app) as url:
        listed = run(tmp_path, url)
        assert listed.returncode == 0, listed.stderr
        assert listed.stdout.count("not synced") == count
        assert emulator.calls == [], "listing asks Twilio nothing"

        first = run(tmp_path, url, "sync")
        assert first.returncode == 0, first.stderr
        assert len(emulator.contents) == count
        assert [kind for kind, _ in emulator.calls].count("submit") == count
        assert first.stdout.count(" received") == count
        bodies = {c["friendly_name"]: c["types"]["twilio/text"]["body"] for c in emulator.contents.values()}
        assert "{{1}}" in bodies["voordeur_care_checkin_nl"]
        checkin = next(
            c for c in emulator.contents.values() if c["friendly_name"] == "voordeur_care_checkin_nl"
        )
        assert checkin["variables"] == {"1": "name"} and checkin["language"] == "nl"

        emulator.decide(checkin["sid"], "approved")
        again = run(tmp_path, url, "sync")
        assert again.returncode == 0, again.stderr
        assert len(emulator.contents) == count, "nothing is created twice"
        assert f"care_checkin [nl] UTILITY: {checkin['sid']} approved" in again.stdout


def test_sync_without_credentials_or_with_a_refusing_api_is_one_line(tmp_path: Path) -> None:
    env = clean_environment(DATABASE_URL=f"sqlite:///{tmp_path}/v.db", VOORDEUR_LOG_FORMAT="json")
    done = subprocess.run(
        [*voordeur_command(), "whatsapp", "templates", "sync"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "TWILIO_ACCOUNT_SID" in done.stderr
    emulator = ContentEmulator(auth_token="another-token-0000000000000000000")
    with run_asgi(emulator.app) as url:
        refused = run(tmp_path, url, "sync")
    assert refused.returncode == 1
    assert (
        refused.stderr.strip().splitlines()[-1]
        == "voordeur: Twilio Content API: HTTP 401 for POST /v1/Content"
    )


def test_the_templates_file_is_shipped() -> None:
    assert TEMPLATES_FILE.is_file()
