"""The ceiling: the same web stack as `voordeur serve` answering a bare Twilio-form POST with empty TwiML.

    python bench/ceiling.py --port 9200 [--loop asyncio|uvloop] [--max-seconds 600]

Starlette + uvicorn (httptools), started exactly as `bot/cli/main.py` starts the app (`uvicorn.Config`
with the same options, run with `asyncio.run(server.serve())`, which uses asyncio's default loop,
not uvloop: uvicorn installs its loop only in `Server.run()`). `--loop uvloop` shows what that costs.
The handler reads the form with the app's own bounded reader and parser, and answers the app's
empty TwiML; no signature check, no database.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.web.requests import parse_form, read_body
from bot.web.webhooks import EMPTY_TWIML


async def twilio_messages(request: Request) -> Response:
    form = parse_form(request.headers.get("content-type", ""), await read_body(request, 65536))
    if not form.get("MessageSid"):
        return Response("missing MessageSid", status_code=400)
    return Response(EMPTY_TWIML, media_type="text/xml")


app = Starlette(routes=[Route("/webhooks/twilio/messages", twilio_messages, methods=["POST"])])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--loop", choices=["asyncio", "uvloop"], default="asyncio")
    parser.add_argument("--max-seconds", type=float, default=900.0)
    args = parser.parse_args()
    # The same options as bot/cli/main.py::_serve.
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=args.port,
        lifespan="on",
        log_config=None,
        timeout_graceful_shutdown=10,
        proxy_headers=True,
        server_header=False,
    )
    server = uvicorn.Server(config)

    async def run() -> None:
        async def deadline() -> None:
            await asyncio.sleep(args.max_seconds)
            server.should_exit = True

        task = asyncio.ensure_future(deadline())
        await server.serve()
        task.cancel()

    if args.loop == "uvloop":
        import uvloop

        uvloop.run(run())
    else:
        asyncio.run(run())


if __name__ == "__main__":
    main()
