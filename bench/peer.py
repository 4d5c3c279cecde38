"""Voordeur against the python-telegram-bot ConversationHandler peer, same conversation, same run.

    .venv/bin/python -m bench.peer [--runs 3] [--seconds 15] [--connections 32] [--backend sqlite]

Telegram only (the peer speaks nothing else): wrk walks simulated people through the eight-message
conversation as Telegram updates, first against `voordeur serve` (durable: SQLite FULL or PostgreSQL)
then against bench/ptb_peer.py, each with its own fresh Telegram emulator process. Same figures as
bench/inbound.py (completed messages/s, webhook → first reply p50/p99); the ratio is Voordeur / peer.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from bench import conversations
from bench.common import BENCH, PYTHON, VOORDEUR, Child, children, clean_env, free_port, fresh_postgres, save
from bench.inbound import load_phase

MIX = ("telegram",)


def one(kind: str, args: argparse.Namespace, work: Path, run: int) -> dict[str, Any]:
    with children() as running:
        telegram_port, twilio_port, app_port = free_port(), free_port(), free_port()
        telegram_url = f"http://127.0.0.1:{telegram_port}"
        twilio_url = f"http://127.0.0.1:{twilio_port}"
        app_url = f"http://127.0.0.1:{app_port}"
        limit = str(args.seconds * 2 + 1200)
        telegram = Child(
            f"{kind}-telegram",
            [
                PYTHON,
                str(BENCH / "emulators.py"),
                "telegram",
                "--port",
                str(telegram_port),
                "--max-seconds",
                limit,
            ],
            work,
        )
        twilio = Child(
            f"{kind}-twilio",
            [
                PYTHON,
                str(BENCH / "emulators.py"),
                "twilio",
                "--port",
                str(twilio_port),
                "--max-seconds",
                limit,
            ],
            work,
        )
        running += [telegram, twilio]
        telegram.wait_http(telegram_url + "/__bench/journal")
        twilio.wait_http(twilio_url + "/__bench/journal")
        database_url = None
        if kind == "voordeur":
            database_url = (
                f"sqlite:///{work}/peer-{run}.db"
                if args.backend == "sqlite"
                else fresh_postgres("voordeur_bench")
            )
            env = clean_env(
                DATABASE_URL=database_url,
                PUBLIC_BASE_URL=app_url,
                TELEGRAM_BOT_TOKEN=conversations.TELEGRAM_TOKEN,
                TELEGRAM_WEBHOOK_SECRET=conversations.TELEGRAM_SECRET,
                TELEGRAM_API_BASE_URL=f"{telegram_url}/bot",
                VOORDEUR_QUIET_HOURS="",
                VOORDEUR_LOG_FORMAT="json",
                PTB_TIMEDELTA="true",
                # The emulators enforce no limits and the figure is the engine's, not the providers' limits:
                # the worker's own send pacing (bot/delivery/pacing.py) is off, as the peer has none.
                VOORDEUR_TWILIO_MPS="0",
                VOORDEUR_TELEGRAM_MPS="0",
                VOORDEUR_TELEGRAM_CHAT_MPS="0",
            )
            app = Child(
                "voordeur",
                [VOORDEUR, "serve", "--host", "127.0.0.1", "--port", str(app_port)],
                work,
                env=env,
                cwd=work,
            )
        else:
            app = Child(
                "ptb",
                [
                    PYTHON,
                    str(BENCH / "ptb_peer.py"),
                    "--port",
                    str(app_port),
                    "--telegram-api",
                    f"{telegram_url}/bot",
                    "--max-seconds",
                    limit,
                ],
                work,
                env=clean_env(PTB_TIMEDELTA="true"),
            )
        running.append(app)
        app.wait_http(app_url + "/healthz", timeout=60)
        pids = {"app": app.pid, "emulator_telegram": telegram.pid}
        people = conversations.build(
            work / f"{kind}-warm.requests", 40, run=run * 10 + 5, public_base_url=app_url, mix=MIX
        )
        load_phase(
            f"{kind}-warm",
            database_url,
            app_url,
            twilio_url,
            telegram_url,
            people,
            work / f"{kind}-warm.requests",
            work,
            4,
            8,
            0,
            pids,
            8,
        )
        people = conversations.build(
            work / f"{kind}.requests", args.people, run=run * 10 + 6, public_base_url=app_url, mix=MIX
        )
        return load_phase(
            kind,
            database_url,
            app_url,
            twilio_url,
            telegram_url,
            people,
            work / f"{kind}.requests",
            work,
            args.seconds,
            args.connections,
            0,
            pids,
            args.active,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--active", type=int, default=256)
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    for run in range(1, args.runs + 1):
        work = Path(tempfile.mkdtemp(prefix="voordeur-bench-peer-"))
        result: dict[str, Any] = {"settings": vars(args)}
        for kind in ("voordeur", "ptb"):
            result[kind] = one(kind, args, work, run)
            print(kind, json.dumps({k: v for k, v in result[kind].items() if k != "wrk"}), flush=True)
        result["ratio_voordeur_to_ptb"] = round(
            result["voordeur"]["completed_per_s"] / max(result["ptb"]["completed_per_s"], 1e-9), 3
        )
        print("ratio", result["ratio_voordeur_to_ptb"], "saved", save("peer", result), flush=True)
        for item in work.iterdir():
            if item.suffix in (".db", ".db-wal", ".db-shm", ".requests") or ".sendlog" in item.name:
                item.unlink()


if __name__ == "__main__":
    main()
