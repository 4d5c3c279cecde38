"""The ASGI app: webhooks, health, metrics and (in the demo) the simulator."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.routing import Route

from bot.runtime import Runtime
from bot.web import ops, simulator, webhooks


def create_app(runtime: Runtime, *, worker: bool = True) -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await runtime.start(worker=worker)
        try:
            yield
        finally:
            await runtime.stop()

    routes = [
        Route("/webhooks/telegram", webhooks.telegram_webhook, methods=["POST"]),
        Route("/webhooks/twilio/messages", webhooks.twilio_messages_webhook, methods=["POST"]),
        Route("/webhooks/twilio/status", webhooks.twilio_status_webhook, methods=["POST"]),
        Route("/healthz", ops.healthz, methods=["GET"]),
        Route("/metrics", ops.metrics_endpoint, methods=["GET"]),
    ]
    if runtime.settings.voordeur_simulator:
        routes += [
            Route("/simulator", simulator.page, methods=["GET"]),
            Route("/simulator/api/messages", simulator.post_message, methods=["POST"]),
            Route("/simulator/api/messages", simulator.get_messages, methods=["GET"]),
        ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.runtime = runtime
    return app
