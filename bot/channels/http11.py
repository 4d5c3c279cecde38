"""A lean HTTP/1.1 client for the providers' send endpoints: keep-alive connections, one request at a time
on each, the answer parsed by httptools (the parser uvicorn uses).

Why not aiohttp here: a send is one small POST to one of two fixed endpoints, and aiohttp's general client
(its request and response objects, header multidicts, tracing, cookie and redirect handling, the
connector's bookkeeping) cost about 100 us of CPU a request on this machine, most of what a reply costs
after the engine (bench/README.md, session 12). This client writes a prebuilt request head and body in one
call and reads the answer with httptools' C parser. Everything else (python-telegram-bot's calls, the
operator commands) keeps aiohttp through `bot.channels.http.AiohttpPool`.

Errors keep the distinction the senders rely on (bot/channels/http.py): a failure to connect (the request
certainly did not leave) is `ConnectError`/`ConnectTimeout`, waiting for a free connection too long is
`PoolTimeout`; anything after the request was written is a read error, timeout or protocol error, which the
adapters treat as "may have been sent" (unknown).

What it does not do, on purpose: redirects (providers answer their API directly), compression (no
Accept-Encoding is sent), proxies (as aiohttp with its default `trust_env=False`), HTTP/2, pipelining.
"""

from __future__ import annotations

import asyncio
import ssl
from collections import deque
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

import httpcore
import httptools

# Seconds an idle pooled connection may be reused (here and by bot/channels/http.py's aiohttp pool). A
# server closes idle connections after its own timeout; a request written on a connection the server is
# closing at that moment fails mid-request, and a send that may have left is `unknown` (reconciled,
# resent after the settle delay). Checked when a connection is taken, so it holds on a starved event
# loop too: keep it below the providers' idle timeouts (load balancers commonly 60 s; aiohttp's default
# is this same 15 s).
KEEPALIVE_SECONDS: Final = 15.0

_ssl_context: ssl.SSLContext | None = None


def _tls() -> ssl.SSLContext:
    """The system's trust store, as aiohttp uses by default; made once (it reads the CA files)."""
    global _ssl_context
    if _ssl_context is None:
        _ssl_context = ssl.create_default_context()
    return _ssl_context


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where a prebuilt request goes and the head that precedes its body."""

    scheme: str
    host: str
    port: int
    head: bytes  # "POST /path HTTP/1.1\r\nHost: ...\r\n<headers>Content-Length: "

    @classmethod
    def post(cls, url: str, headers: dict[str, str]) -> Endpoint:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("an http or https URL with a host is needed")
        default = 443 if parts.scheme == "https" else 80
        port = parts.port or default
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        name = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname  # IPv6 keeps its brackets
        host = name if port == default else f"{name}:{port}"
        lines = [f"POST {target} HTTP/1.1", f"Host: {host}"]
        lines += [f"{name}: {value}" for name, value in headers.items() if name.lower() != "content-length"]
        head = ("\r\n".join(lines) + "\r\nContent-Length: ").encode("latin-1")
        return cls(parts.scheme, parts.hostname, port, head)

    def request(self, body: bytes) -> bytes:
        return b"%s%d\r\n\r\n%s" % (self.head, len(body), body)


class _Connection(asyncio.Protocol):
    """One keep-alive connection: a request is written whole, its answer parsed as it arrives."""

    def __init__(self) -> None:
        self._parser = httptools.HttpResponseParser(self)
        self._transport: asyncio.Transport | None = None
        self._waiter: asyncio.Future[httpcore.Response] | None = None
        self._headers: list[tuple[bytes, bytes]] = []
        self._body: list[bytes] = []
        self._until_close = False  # an answer without length: its body ends with the connection
        self.closed = False
        self.reusable = False
        self.idle_since = 0.0

    # --- asyncio.Protocol -------------------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        if self._waiter is None:  # nothing asked: a server that talks out of turn is not reused
            self.close()
            return
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError:
            self._fail(httpcore.RemoteProtocolError("HttpParserError"))

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        waiter = self._waiter
        if waiter is None or waiter.done():
            return
        if self._until_close and self._parser.get_status_code():
            self._finish()
        elif exc is None:
            waiter.set_exception(httpcore.RemoteProtocolError("closed without an answer"))
        else:
            waiter.set_exception(httpcore.ReadError(type(exc).__name__))

    # --- httptools callbacks ----------------------------------------------------------------------
    def on_header(self, name: bytes, value: bytes) -> None:
        self._headers.append((name, value))

    def on_headers_complete(self) -> None:
        framing = {name.lower(): value.lower() for name, value in self._headers}
        chunked = b"chunked" in framing.get(b"transfer-encoding", b"")
        self._until_close = b"content-length" not in framing and not chunked

    def on_body(self, body: bytes) -> None:
        self._body.append(body)

    def on_message_complete(self) -> None:
        self.reusable = self._parser.should_keep_alive()
        self._finish()

    # --- use ----------------------------------------------------------------------------------------
    def _finish(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            body = self._body[0] if len(self._body) == 1 else b"".join(self._body)
            status = self._parser.get_status_code()
            waiter.set_result(httpcore.Response(status=status, headers=self._headers, content=body))

    def _fail(self, exc: Exception) -> None:
        self.close()
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_exception(exc)

    async def exchange(self, request: bytes, read_timeout: float | None) -> httpcore.Response:
        assert self._transport is not None
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[httpcore.Response] = loop.create_future()
        self._waiter = waiter
        self._headers, self._body, self.reusable, self._until_close = [], [], False, False
        self._transport.write(request)
        try:
            if read_timeout is None:
                return await waiter
            async with asyncio.timeout(read_timeout):
                return await waiter
        except TimeoutError as exc:
            self.close()
            raise httpcore.ReadTimeout("TimeoutError") from exc
        except BaseException:
            self.close()  # cancelled or failed mid-answer: never reused
            raise
        finally:
            self._waiter = None

    def close(self) -> None:
        self.closed = True
        if self._transport is not None:
            self._transport.close()


class Http11Pool:
    """Keep-alive connections by origin, at most `max_connections` requests in flight at once."""

    def __init__(self, *, max_connections: int = 100) -> None:
        self._slots = asyncio.Semaphore(max_connections)
        self._idle: dict[tuple[str, str, int], deque[_Connection]] = {}

    async def send(
        self,
        endpoint: Endpoint,
        body: bytes,
        *,
        connect_timeout: float | None,
        read_timeout: float | None,
        pool_timeout: float | None,
    ) -> httpcore.Response:
        try:
            async with asyncio.timeout(pool_timeout):
                await self._slots.acquire()
        except TimeoutError as exc:
            raise httpcore.PoolTimeout("TimeoutError") from exc
        try:
            key = (endpoint.scheme, endpoint.host, endpoint.port)
            connection = self._take(key) or await self._open(endpoint, connect_timeout)
            reply = await connection.exchange(endpoint.request(body), read_timeout)
            if connection.reusable and not connection.closed:
                connection.idle_since = asyncio.get_running_loop().time()
                self._idle.setdefault(key, deque()).append(connection)
            else:
                connection.close()
            return reply
        finally:
            self._slots.release()

    def _take(self, key: tuple[str, str, int]) -> _Connection | None:
        """The most recently used idle connection still open and within its keep-alive time."""
        idle = self._idle.get(key)
        if not idle:
            return None
        oldest_allowed = asyncio.get_running_loop().time() - KEEPALIVE_SECONDS
        while idle:
            connection = idle.pop()
            if not connection.closed and connection.idle_since >= oldest_allowed:
                return connection
            connection.close()
        return None

    async def _open(self, endpoint: Endpoint, connect_timeout: float | None) -> _Connection:
        loop = asyncio.get_running_loop()
        tls = endpoint.scheme == "https"
        try:
            async with asyncio.timeout(connect_timeout):
                _transport, connection = await loop.create_connection(
                    _Connection,
                    endpoint.host,
                    endpoint.port,
                    ssl=_tls() if tls else None,
                    server_hostname=endpoint.host if tls else None,
                )
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout("TimeoutError") from exc
        except OSError as exc:  # refused, unreachable, DNS (socket.gaierror), TLS (ssl.SSLError)
            raise httpcore.ConnectError(type(exc).__name__) from exc
        return connection

    async def aclose(self) -> None:
        for idle in self._idle.values():
            for connection in idle:
                connection.close()
        self._idle.clear()
