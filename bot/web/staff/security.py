"""Strict-Transport-Security on every response when the public origin is https.

Behind https a browser that once saw the header refuses plain http to this host for a year, so a staff
member's session cookie cannot be caught by a downgrade. In the demo and local tests (http) it is left
out: a browser would otherwise refuse the plain-http test server.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

HSTS = b"max-age=31536000; includeSubDomains"


def hsts_enabled(public_base_url: str | None) -> bool:
    return (public_base_url or "").startswith("https://")


class StrictTransport:
    def __init__(self, app: ASGIApp, public_base_url: str | None) -> None:
        self.app = app
        self.enabled = hsts_enabled(public_base_url)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.enabled:
            await self.app(scope, receive, send)
            return

        async def send_with_hsts(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"strict-transport-security", HSTS)]
            await send(message)

        await self.app(scope, receive, send_with_hsts)
