"""HTTP client CPU per request on the sender's hot path: today's adapters against leaner clients.

    .venv/bin/python -m bench.http_client [--requests 3000] [--concurrency 16] [--rounds 3]

The Telegram and Twilio emulators (bench/emulators.py, no rate limits) run as their own processes;
each variant runs in a fresh process of its own (imports warm, 300 requests of warm-up), sends
`--requests` messages with `--concurrency` in flight, as the outbox sender does, and reports its own
process CPU (time.process_time: every thread) per request and requests/s. Variants alternate within
each round (A B C ... A B C ...), so a busy machine hits them alike; the medians are printed and saved.

Variants:
- `ptb`: `TelegramAdapter.send` (up to main b311b99: python-telegram-bot's Bot.send_message over its
  HTTPXRequest; since session 6: a JSON body through `ProviderPost`, bot/channels/http.py);
- `twilio`: `TwilioAdapter.send` (up to b311b99: twilio's Messages API over httpx; since session 6: a
  form body through `ProviderPost`);
- `provider_post`: a bare `ProviderPost` of the same JSON body to sendMessage (session 6 on);
- `httpx`: one shared `httpx.AsyncClient`, a bare JSON POST to sendMessage;
- `aiohttp`: one `aiohttp.ClientSession`, the same POST;
- `httpx_aiohttp`: the `httpx.AsyncClient` API over a transport that sends with aiohttp;
- `http11`: the send path's lean client alone (bot/channels/http11.py), the same POST.
`BENCH_UVLOOP=1` runs every variant on uvloop's event loop instead of asyncio's.
`--sniffio` on: the variant (suffix `+nosniff`) first makes the missing `sniffio` a cached import
failure (`sys.modules["sniffio"] = None`): httpcore imports it a few times per request and, as it is
not installed, each import searches the whole sys.path. Off by default (`--sniffio off`); it measures
how much of httpx's cost that search is.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import conversations
from bench.common import BENCH, PYTHON, Child, children, cpu_seconds, free_port, save, total_cpu_seconds

VARIANTS = ("ptb", "twilio", "provider_post", "httpx", "aiohttp", "httpx_aiohttp", "http11")
TEXT = "Bericht van de benchmark. Wat wil je doen?"
CHOICES = (("ask", "Hulp vragen"), ("offer", "Hulp bieden"))


async def _drive(send: Any, requests: int, concurrency: int) -> None:
    queue = iter(range(requests))

    async def lane() -> None:
        for i in queue:
            await send(i)

    await asyncio.gather(*(lane() for _ in range(concurrency)))


async def _variant(name: str, telegram: str, twilio: str, requests: int, concurrency: int) -> dict[str, Any]:
    """Run one variant in this process; returns its CPU per request."""
    import aiohttp
    import httpx

    from bot.channels.base import OutboundMessage

    url = f"{telegram}/bot{conversations.TELEGRAM_TOKEN}/sendMessage"
    keyboard = {"inline_keyboard": [[{"text": label, "callback_data": key}] for key, label in CHOICES]}

    def payload(i: int) -> dict[str, Any]:
        return {
            "chat_id": 8_000_000_000 + i,
            "text": TEXT,
            "reply_markup": keyboard,
            "link_preview_options": {"is_disabled": True},
        }

    closers: list[Any] = []
    if name == "ptb":
        from bot.channels.telegram import TelegramAdapter

        adapter = TelegramAdapter(conversations.TELEGRAM_TOKEN, api_base_url=f"{telegram}/bot")
        await adapter.start()
        closers.append(adapter.aclose)

        async def send(i: int) -> None:
            message = OutboundMessage(i, "telegram", str(8_000_000_000 + i), TEXT, CHOICES)
            assert (await adapter.send(message)).outcome == "sent"

    elif name == "twilio":
        from bot.channels.twilio import TwilioAdapter

        account = TwilioAdapter(
            conversations.ACCOUNT_SID,
            conversations.AUTH_TOKEN,
            sms_number=conversations.SMS_NUMBER,
            whatsapp_number=None,
            api_base_url=twilio,
            status_callback_url="http://127.0.0.1:9/webhooks/twilio/status",
        )
        closers.append(account.aclose)

        async def send(i: int) -> None:
            message = OutboundMessage(i, "sms", f"+3165{i % 10_000_000:07d}", TEXT, CHOICES)
            assert (await account.send(message)).outcome == "sent"

    elif name == "provider_post":
        from bot.channels.http import AiohttpPool, ProviderPost

        pool = AiohttpPool()
        closers.append(pool.aclose)
        post = ProviderPost(
            url,
            {"Content-Type": "application/json"},
            connect_timeout=15.0,
            read_timeout=15.0,
            pool_timeout=15.0,
            pool=pool,
        )

        async def send(i: int) -> None:
            answer = await post.post(json.dumps(payload(i)).encode())
            assert answer.status == 200 and json.loads(answer.body)["ok"]

    elif name in ("httpx", "httpx_aiohttp"):
        transport = None
        if name == "httpx_aiohttp":
            from bot.channels.http import AiohttpTransport

            transport = AiohttpTransport()  # the provider client's transport (bot/channels/http.py)
        client = httpx.AsyncClient(transport=transport, timeout=15.0)
        closers.append(client.aclose)

        async def send(i: int) -> None:
            answer = await client.post(url, json=payload(i))
            assert answer.status_code == 200 and answer.json()["ok"]

    elif name == "aiohttp":
        session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15.0))
        closers.append(session.close)

        async def send(i: int) -> None:
            async with session.post(url, json=payload(i)) as answer:
                assert answer.status == 200 and (await answer.json())["ok"]

    elif name == "http11":
        from bot.channels.http11 import Endpoint, Http11Pool

        lean = Http11Pool()
        closers.append(lean.aclose)
        endpoint = Endpoint.post(url, {"Content-Type": "application/json"})

        async def send(i: int) -> None:
            reply = await lean.send(
                endpoint,
                json.dumps(payload(i)).encode(),
                connect_timeout=15.0,
                read_timeout=15.0,
                pool_timeout=15.0,
            )
            assert reply.status == 200 and json.loads(reply.content)["ok"]

    else:
        raise SystemExit(f"unknown variant {name}")
    try:
        await _drive(send, 300, concurrency)  # warm-up: connections, caches, lazy imports
        cpu0, wall0 = time.process_time(), time.perf_counter()
        await _drive(send, requests, concurrency)
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    finally:
        for close in closers:
            await close()
    return {
        "cpu_us_per_request": round(1e6 * cpu / requests, 1),
        "requests_per_s": round(requests / wall, 1),
    }


def child_main(args: argparse.Namespace) -> None:
    if args.sniffio_cache and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]  # a cached "not importable"
    run = asyncio.run
    if os.environ.get("BENCH_UVLOOP"):
        import uvloop

        run = uvloop.run
    result = run(_variant(args.variant, args.telegram, args.twilio, args.requests, args.concurrency))
    print(json.dumps(result), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--sniffio", default="off", help="off, on or off,on: cache sniffio's absence")
    # internal: one variant in this process
    parser.add_argument("--variant")
    parser.add_argument("--telegram")
    parser.add_argument("--twilio")
    parser.add_argument("--sniffio-cache", action="store_true")
    args = parser.parse_args()
    if args.variant:
        child_main(args)
        return
    work = Path(tempfile.mkdtemp(prefix="voordeur-bench-http-"))
    runs: dict[str, list[dict[str, Any]]] = {}
    with children() as running:
        ports = {"twilio": free_port(), "telegram": free_port()}
        for provider, port in ports.items():
            emulator = Child(
                provider,
                [PYTHON, str(BENCH / "emulators.py"), provider, "--port", str(port), "--max-seconds", "3600"],
                work,
            )
            running.append(emulator)
            emulator.wait_http(f"http://127.0.0.1:{port}/__bench/journal")
        urls = {provider: f"http://127.0.0.1:{port}" for provider, port in ports.items()}
        modes = [mode == "on" for mode in args.sniffio.split(",")]
        for round_ in range(1, args.rounds + 1):
            for variant in args.variants.split(","):
                for cached in modes:
                    key = variant + ("+nosniff" if cached else "")
                    argv = [
                        PYTHON,
                        "-m",
                        "bench.http_client",
                        "--variant",
                        variant,
                        "--telegram",
                        urls["telegram"],
                        "--twilio",
                        urls["twilio"],
                        "--requests",
                        str(args.requests),
                        "--concurrency",
                        str(args.concurrency),
                        *(["--sniffio-cache"] if cached else []),
                    ]
                    machine0 = total_cpu_seconds()
                    emulators0 = sum(cpu_seconds(child.pid) for child in running)
                    wall0 = time.perf_counter()
                    done = subprocess.run(argv, capture_output=True, text=True, timeout=600, cwd=BENCH.parent)
                    if done.returncode != 0:
                        raise SystemExit(f"{key} failed:\n{done.stderr[-3000:]}")
                    result = json.loads(done.stdout.strip().splitlines()[-1])
                    wall = time.perf_counter() - wall0
                    result["emulator_cpu_s"] = round(sum(cpu_seconds(c.pid) for c in running) - emulators0, 2)
                    result["machine_busy_cores"] = round((total_cpu_seconds() - machine0) / wall, 2)
                    result["round"] = round_
                    runs.setdefault(key, []).append(result)
                    print(key, result, flush=True)
    medians = {
        key: {
            "cpu_us_per_request": statistics.median(r["cpu_us_per_request"] for r in results),
            "requests_per_s": statistics.median(r["requests_per_s"] for r in results),
            "machine_busy_cores": statistics.median(r["machine_busy_cores"] for r in results),
        }
        for key, results in runs.items()
    }
    for key, figures in medians.items():
        print(f"{key:22s} {figures}")
    print("saved", save("http-client", {"settings": vars(args), "runs": runs, "medians": medians}))


if __name__ == "__main__":
    sys.exit(main())
