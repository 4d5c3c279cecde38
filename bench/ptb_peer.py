"""The peer: the same conversation as a python-telegram-bot `ConversationHandler`, behind the same web stack.

    python bench/ptb_peer.py --port P --telegram-api http://127.0.0.1:T/bot [--max-seconds 600]

What a developer would otherwise write: PTB's `Application` (no Updater) fed by a custom Starlette
webhook (PTB's documented "custom webhook" pattern), served by uvicorn exactly as `voordeur serve` is
(same `uvicorn.Config` options, `asyncio.run(server.serve())`). The ConversationHandler walks the
same eight messages: the need and welcome, name, neighbourhood (the app's own postcode/name lookup),
consent, when (the app's own Dutch time parser), urgency, visibility, sent; each state answers with
the same texts from the app's catalogue, and as many messages as Voordeur sends (15 per
conversation, including the "nobody found" one).

What it does not do, and Voordeur does: nothing is stored (PTB keeps state in memory: a restart
forgets every conversation, a message that arrives during a crash is lost), no outbox (a failed send
is an exception in a handler), no per-provider rate limiting, Telegram only. PTB's defaults are kept:
updates are processed one at a time (`concurrent_updates` off, as ConversationHandler expects).
The webhook answers 200 once the update is queued, as Voordeur answers once it is stored.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application, ContextTypes, ConversationHandler, MessageHandler, filters

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.conversations import TELEGRAM_SECRET, TELEGRAM_TOKEN
from flows import catalogue, places
from flows.when import parse_when

NAME, HOOD, CONSENT, WHEN, URGENCY, VISIBILITY, CONFIRM = range(7)
MUNICIPALITY = places.load_municipality()


def t(key: str, **params: str) -> str:
    """The catalogue's Dutch text; parameters this peer does not track are filled with a dash."""
    wanted = catalogue.parameters(key, "nl")
    return catalogue.render(key, "nl", {name: params.get(name, "-") for name in wanted})


async def say(update: Update, *texts: str) -> None:
    assert update.effective_chat is not None
    for text in texts:
        await update.get_bot().send_message(chat_id=update.effective_chat.id, text=text)


def text_of(update: Update) -> str:
    return (update.message.text or "") if update.message else ""


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    context.user_data["description"] = text_of(update)[:200]
    await say(update, t("welcome"), t("request_kept_onboarding"), t("ask_name"))
    return NAME


async def name(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    first = text_of(update).strip().title()[:40]
    context.user_data["first_name"] = first
    await say(update, t("name_thanks", name=first), t("ask_neighbourhood"))
    return HOOD


async def hood(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    found = places.find_neighbourhood(text_of(update), MUNICIPALITY)
    neighbourhood = getattr(found, "neighbourhood", None)
    label = neighbourhood.name if neighbourhood is not None else "?"
    context.user_data["neighbourhood"] = label
    await say(update, t("neighbourhood_thanks", neighbourhood=label), t("consent_question"))
    return CONSENT


async def consent(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    await say(update, t("consent_thanks"), t("ask_when"))
    return WHEN


async def when(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    parsed = parse_when(text_of(update), datetime.now(UTC))
    context.user_data["when"] = parsed
    await say(update, t("when_understood", when=str(parsed.kind) if parsed else "?"), t("ask_urgency"))
    return URGENCY


async def urgency(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    await say(update, t("ask_visibility"))
    return VISIBILITY


async def visibility(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    data = context.user_data
    await say(
        update,
        t(
            "ask_summary",
            description=str(data.get("description")),
            neighbourhood=str(data.get("neighbourhood")),
        ),
    )
    return CONFIRM


async def confirm(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    await say(update, t("ask_sent"), t("no_match", category="tuin"))
    return ConversationHandler.END


def build_application(api_base: str) -> Application[Any, Any, Any, Any, Any, Any]:
    text = filters.TEXT & ~filters.COMMAND
    steps = [name, hood, consent, when, urgency, visibility, confirm]
    handler = ConversationHandler(
        entry_points=[MessageHandler(filters.TEXT, start)],
        states={state: [MessageHandler(text, step)] for state, step in enumerate(steps)},
        fallbacks=[],
    )
    application = Application.builder().token(TELEGRAM_TOKEN).base_url(api_base).updater(None).build()
    application.add_handler(handler)
    return application


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--telegram-api", required=True, help="base URL, e.g. http://127.0.0.1:9102/bot")
    parser.add_argument("--max-seconds", type=float, default=900.0)
    args = parser.parse_args()
    application = build_application(args.telegram_api)

    async def webhook(request: Request) -> Response:
        if request.headers.get("x-telegram-bot-api-secret-token") != TELEGRAM_SECRET:
            return PlainTextResponse("bad secret token", status_code=403)
        await application.update_queue.put(Update.de_json(await request.json(), application.bot))
        return PlainTextResponse("ok")

    async def health(request: Request) -> Response:
        return PlainTextResponse("ok")

    web = Starlette(
        routes=[
            Route("/webhooks/telegram", webhook, methods=["POST"]),
            Route("/healthz", health, methods=["GET"]),
        ]
    )
    config = uvicorn.Config(
        web,
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
        async with application:
            await application.start()
            await server.serve()
            await application.stop()
        task.cancel()

    asyncio.run(run())


if __name__ == "__main__":
    main()
