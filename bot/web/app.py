"""The ASGI app: webhooks, health, metrics and (in the demo) the simulator."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.effects import exports
from bot.logs import REQUEST_ID
from bot.runtime import Runtime
from bot.web import edge, ops, simulator, staff, webhooks
from bot.web.staff.security import StrictTransport, hsts_enabled


class RequestIdMiddleware:
    """Give every request an id (the proxy's X-Request-ID when it is a plain token, else a new one),
    put it in the logs' context and in the response, so one request can be followed across log lines."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = edge.request_id(dict(scope.get("headers") or []).get(b"x-request-id"))
        token = REQUEST_ID.set(request_id)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            REQUEST_ID.reset(token)


def create_app(runtime: Runtime, *, worker: bool = True) -> edge.VoordeurApp:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await runtime.start(worker=worker)
        try:
            yield
        finally:
            await runtime.stop()

    # Every inbound message comes through these: plain ASGI (bot/web/edge.py). Their routes stay in the
    # router too, which answers 405 to other methods.
    hooks = {
        "/webhooks/telegram": edge.Webhook(webhooks.telegram_webhook),
        "/webhooks/twilio/messages": edge.Webhook(webhooks.twilio_messages_webhook),
        "/webhooks/twilio/status": edge.Webhook(webhooks.twilio_status_webhook),
    }
    routes = [
        *(Route(path, hook, methods=["POST"]) for path, hook in hooks.items()),
        Route("/healthz", ops.healthz, methods=["GET"]),
        Route("/metrics", ops.metrics_endpoint, methods=["GET"]),
        Route("/export/{token}", exports.page, methods=["GET"]),
        Route("/export/{token}", exports.download, methods=["POST"]),
        *staff.routes(),
    ]
    if runtime.settings.voordeur_simulator:
        routes += [
            Route("/simulator", simulator.page, methods=["GET"]),
            Route("/simulator/api/messages", simulator.post_message, methods=["POST"]),
            Route("/simulator/api/messages", simulator.get_messages, methods=["GET"]),
            Route("/simulator/api/clock", simulator.get_clock, methods=["GET"]),
            Route("/simulator/api/clock", simulator.advance_clock, methods=["POST"]),
            Route("/simulator/staff", simulator.staff_login, methods=["GET"]),
        ]
    public_base_url = runtime.settings.public_base_url
    app = edge.VoordeurApp(
        webhooks=hooks,
        hsts=hsts_enabled(public_base_url),
        routes=routes,
        lifespan=lifespan,
        middleware=[
            Middleware(RequestIdMiddleware),
            Middleware(StrictTransport, public_base_url=public_base_url),
        ],
    )
    app.state.runtime = runtime
    return app
