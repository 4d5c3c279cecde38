"""The test suite's Telegram or Twilio emulator as its own process, for benchmarks.

    python bench/emulators.py twilio   --port 9101 [--sender-mps 10]
    python bench/emulators.py telegram --port 9102 [--global-per-second 30 --chat-per-second 1]

It serves `tests/emulators/*` unchanged (same wire format, same journal) under uvicorn with uvloop and
httptools, plus one route for the benchmark to read what arrived and when:

    GET /__bench/journal?since=N  ->  {"next": M, "rows": [[endpoint, recipient, status, received_at], ...]}
    GET /__bench/journal?since=N&text=1  ->  the same with the message text as a fifth column
    GET /__bench/journal?count=1  ->  {"next": M}: only how many requests arrived so far

`received_at` is the emulator's `time.time()` when it answered, so latencies can be taken against the
load generator's wall clock on the same machine.

With a rate limit the emulator answers like the real provider above its limit: Twilio 429 with error
20429 when a sender (`From`) exceeds its messages per second; Telegram 429 "Too Many Requests: retry
after N" above the overall rate or above one message per chat per second. The limits are token buckets
with a burst of one second's worth (Twilio queues a little in reality; this is the strict reading).
Only loopback addresses are served.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.emulators.server import RecordedRequest
from tests.emulators.telegram_api import TelegramEmulator
from tests.emulators.twilio_api import TwilioEmulator


class Bucket:
    """A token bucket: `rate` per second, holding at most `burst` tokens."""

    __slots__ = ("burst", "rate", "stamp", "tokens")

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.stamp = time.monotonic()

    def take(self) -> float:
        """0 when a token was taken, else the seconds until one is free."""
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.rate


def _recipient(row: RecordedRequest) -> Any:
    return row.params.get("To") if "To" in row.params else row.params.get("chat_id")


def _text(row: RecordedRequest) -> Any:
    return row.params.get("Body") if "Body" in row.params else row.params.get("text")


def journal_route(emulator: Any) -> Route:
    async def journal(request: Request) -> JSONResponse:
        if request.query_params.get("count"):
            with emulator._cond:
                return JSONResponse({"next": len(emulator._requests)})
        since = int(request.query_params.get("since", "0"))
        with emulator._cond:  # the journal's own lock; the list only grows
            rows = emulator._requests[since:]
        if request.query_params.get("text"):
            listed = [[r.endpoint, _recipient(r), r.status, r.received_at, _text(r)] for r in rows]
        else:
            listed = [[r.endpoint, _recipient(r), r.status, r.received_at] for r in rows]
        return JSONResponse({"next": since + len(rows), "rows": listed})

    return Route("/__bench/journal", journal, methods=["GET"])


class TwilioRateLimit:
    """ASGI middleware: Messages.create above `mps` per sender gets Twilio's 429 (code 20429)."""

    def __init__(self, app: Any, emulator: TwilioEmulator, mps: float) -> None:
        self.app = app
        self.emulator = emulator
        self.mps = mps
        self.buckets: dict[str, Bucket] = {}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "POST"
            or not scope["path"].endswith("Messages.json")
        ):
            await self.app(scope, receive, send)
            return
        chunks = []
        more = True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        form = dict(parse_qsl(body.decode()))
        sender = form.get("From", "")
        bucket = self.buckets.get(sender)
        if bucket is None:
            bucket = self.buckets[sender] = Bucket(self.mps, self.mps)
        wait = bucket.take()
        if wait:
            response = JSONResponse(
                {
                    "code": 20429,
                    "message": "Too Many Requests",
                    "more_info": "https://www.twilio.com/docs/errors/20429",
                    "status": 429,
                },
                status_code=429,
            )
            self.emulator._record(
                RecordedRequest(
                    method="POST",
                    path=scope["path"],
                    endpoint="Messages.create",
                    params={"To": form.get("To"), "From": sender},
                    headers={},
                    status=429,
                )
            )
            await response(scope, receive, send)
            return
        delivered = False

        async def replay() -> dict[str, Any]:
            nonlocal delivered
            if delivered:
                return await receive()
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


class TelegramRateLimit:
    """ASGI middleware: sendMessage above `overall` per second, or above `per_chat` per second to one
    chat, gets Telegram's 429 with `parameters.retry_after` (whole seconds, at least 1)."""

    def __init__(self, app: Any, emulator: TelegramEmulator, overall: float, per_chat: float) -> None:
        self.app = app
        self.emulator = emulator
        self.overall = Bucket(overall, overall)
        self.per_chat = per_chat
        self.chats: dict[str, Bucket] = {}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].endswith("/sendMessage"):
            await self.app(scope, receive, send)
            return
        chunks = []
        more = True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        headers = dict(scope["headers"])
        if headers.get(b"content-type", b"").startswith(b"application/json"):
            params = json.loads(body or b"{}")
        else:
            params = dict(parse_qsl(body.decode()))
        chat = str(params.get("chat_id", ""))
        bucket = self.chats.get(chat)
        if bucket is None:
            bucket = self.chats[chat] = Bucket(self.per_chat, 1.0)
        # Both limits must allow it; a refused chat token is not charged to the overall bucket.
        wait = bucket.take()
        if not wait:
            wait = self.overall.take()
            if wait:
                bucket.tokens += 1.0
        if wait:
            retry_after = max(1, int(wait + 0.999))
            response = JSONResponse(
                {
                    "ok": False,
                    "error_code": 429,
                    "description": f"Too Many Requests: retry after {retry_after}",
                    "parameters": {"retry_after": retry_after},
                },
                status_code=429,
            )
            self.emulator._record(
                RecordedRequest(
                    method="POST",
                    path=scope["path"],
                    endpoint="sendMessage",
                    params={"chat_id": chat},
                    headers={},
                    status=429,
                )
            )
            await response(scope, receive, send)
            return
        delivered = False

        async def replay() -> dict[str, Any]:
            nonlocal delivered
            if delivered:
                return await receive()
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


def build(args: argparse.Namespace) -> Any:
    if args.provider == "twilio":
        emulator: Any = TwilioEmulator()
    else:
        emulator = TelegramEmulator()
    app: Any = Starlette(routes=[journal_route(emulator), Mount("/", app=emulator.app)])
    if args.provider == "twilio" and args.sender_mps:
        app = TwilioRateLimit(app, emulator, args.sender_mps)
    if args.provider == "telegram" and (args.global_per_second or args.chat_per_second):
        app = TelegramRateLimit(app, emulator, args.global_per_second or 1e9, args.chat_per_second or 1e9)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("provider", choices=["twilio", "telegram"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--sender-mps", type=float, default=0.0, help="Twilio: messages/s per sender")
    parser.add_argument("--global-per-second", type=float, default=0.0, help="Telegram: overall limit")
    parser.add_argument("--chat-per-second", type=float, default=0.0, help="Telegram: per chat limit")
    parser.add_argument("--max-seconds", type=float, default=900.0, help="exit after this long anyway")
    args = parser.parse_args()
    config = uvicorn.Config(
        build(args), host="127.0.0.1", port=args.port, log_level="warning", access_log=False, lifespan="off"
    )
    server = uvicorn.Server(config)

    async def run() -> None:
        async def deadline() -> None:
            await asyncio.sleep(args.max_seconds)
            server.should_exit = True

        task = asyncio.ensure_future(deadline())
        await server.serve()
        task.cancel()

    import uvloop

    uvloop.run(run())


if __name__ == "__main__":
    main()
