"""The webhook routes as plain ASGI: the path every inbound message takes, without Starlette's layers.

Starlette answers everything else. For a webhook each of its layers (ServerErrorMiddleware,
ExceptionMiddleware, the router, `Request`, `Response`, the request-id and HSTS middlewares wrapping
`send`) cost more CPU than verifying and parsing the webhook itself (bench/README.md, "Ingest alone").
`VoordeurApp` hands a POST to a webhook path straight to its `Webhook`, which keeps what those layers
gave it: the request id in the logs' context and the response, Strict-Transport-Security behind https,
a 413 for a body over the limit (before reading it when Content-Length says so), and a plain 500 for an
unexpected error (raised on to uvicorn, which logs it, as Starlette's ServerErrorMiddleware does).
"""

from __future__ import annotations

import os
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.types import Receive, Scope, Send

from bot.logs import REQUEST_ID
from bot.web.requests import BadRequest
from bot.web.staff.security import HSTS

_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def request_id(given: bytes | None) -> str:
    """The proxy's X-Request-ID when it is a plain token, else a new random one (32 hex digits)."""
    text = given.decode("latin-1") if given else ""
    return text if _SAFE_REQUEST_ID.fullmatch(text) else os.urandom(16).hex()


class Incoming:
    """One webhook request: path, query, headers (first value of each, as Starlette's `headers.get`)
    and the body, read on demand within a size limit."""

    __slots__ = ("_receive", "headers", "path", "query")

    def __init__(self, scope: Scope, receive: Receive) -> None:
        self.path: str = scope["path"]
        self.query: str = scope.get("query_string", b"").decode("latin-1")
        headers: dict[bytes, bytes] = {}
        for name, value in scope["headers"]:
            headers.setdefault(name, value)
        self.headers = headers
        self._receive = receive

    def header(self, name: bytes) -> str:
        """A header's value as text ("" if absent); `name` in lower case."""
        return self.headers.get(name, b"").decode("latin-1")

    async def body(self, limit: int) -> bytes:
        """The body, refused with 413 as soon as it is known to be over `limit` bytes."""
        declared = self.headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit():  # bytes: ASCII digits only ("²" is not one)
                raise BadRequest(400, "bad content-length")
            if int(declared) > limit:
                raise BadRequest(413, "body too large")
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await self._receive()
            if message["type"] != "http.request":  # the client went away
                raise ClientGone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise BadRequest(413, "body too large")
            chunks.append(chunk)
            if not message.get("more_body", False):
                return chunks[0] if len(chunks) == 1 else b"".join(chunks)


class ClientGone(Exception):
    """The client disconnected before its body arrived: nobody is left to answer."""


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: bytes
    content_type: bytes


PLAIN = b"text/plain; charset=utf-8"
XML = b"text/xml; charset=utf-8"
_SERVER_ERROR = Answer(500, b"Internal Server Error", PLAIN)

Handler = Callable[[Any, Incoming], Awaitable[Answer]]


class Webhook:
    """A webhook route: `handle(runtime, incoming)` answers, this sends it as Starlette would have."""

    def __init__(self, handle: Handler) -> None:
        self.handle = handle

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """As a Starlette route's endpoint (for a method other than POST the router answers 405 first)."""
        app: VoordeurApp = scope["app"]
        await self.serve(app.state.runtime, app.hsts, scope, receive, send)

    async def serve(self, runtime: Any, hsts: bool, scope: Scope, receive: Receive, send: Send) -> None:
        incoming = Incoming(scope, receive)
        rid = request_id(incoming.headers.get(b"x-request-id"))
        token = REQUEST_ID.set(rid)
        try:
            try:
                answer = await self.handle(runtime, incoming)
            except ClientGone:
                return
            except Exception:
                await _send(send, _SERVER_ERROR, rid, hsts)
                raise
            await _send(send, answer, rid, hsts)
        finally:
            REQUEST_ID.reset(token)


async def _send(send: Send, answer: Answer, rid: str, hsts: bool) -> None:
    headers = [
        (b"content-length", str(len(answer.body)).encode()),
        (b"content-type", answer.content_type),
        (b"x-request-id", rid.encode()),
    ]
    if hsts:
        headers.append((b"strict-transport-security", HSTS))
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body})


class VoordeurApp(Starlette):
    """Starlette, but a POST to a webhook path goes straight to its `Webhook`."""

    def __init__(self, *args: Any, webhooks: dict[str, Webhook], hsts: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.webhooks = webhooks
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            webhook = self.webhooks.get(scope["path"])
            if webhook is not None:
                await webhook.serve(self.state.runtime, self.hsts, scope, receive, send)
                return
        await super().__call__(scope, receive, send)
