"""The HTTP client every provider call goes through: httpx's API, aiohttp's I/O.

Measured with bench/http_client.py (bench/README.md): an httpx request costs about 1.9 ms of CPU on
this machine, nearly all of it in httpcore's connection pool on anyio (lock and event set-up per
request, a scan of every pooled connection, a readability poll and peer-name lookups per reuse, and an
`import sniffio` that, sniffio not being installed, searches sys.path several times per request);
aiohttp does the same request in about 0.15 ms. python-telegram-bot's calls off the hot path keep
httpx's API (its HTTPXRequest) and only the pool under httpx's transport is replaced: `AiohttpPool`
answers `httpcore.Request`s with one `aiohttp.ClientSession`, so `httpx.AsyncHTTPTransport` still
builds the request, maps errors and wraps the response exactly as it does over httpcore.

Tests: respx patches `handle_async_request` of httpcore's pool classes; `AiohttpPool` is added to its
targets (tests/conftest.py), so `respx.mock` intercepts every provider call at the same layer as
before. The pool's own I/O and error mapping are tested against local servers (tests/test_http_pool.py).

Errors keep the distinction the senders rely on: only a failure to connect (the request certainly did
not leave) becomes `ConnectError`/`ConnectTimeout`; anything after the connection was made is a read
or protocol error, which the adapters treat as "may have been sent" (unknown).

The hot path (issue 16): `sendMessage` and Twilio's `Messages.json` skip httpx's client layer and the
SDKs' request building (0.3-0.6 ms of CPU a request, bench/README.md). `ProviderPost` holds one
endpoint's URL, headers and timeouts, built once, and posts a ready body: an `httpcore.Request` into the
same `AiohttpPool.handle_async_request`, so respx still intercepts every provider call in the tests. The
request also carries its prebuilt request head (`_PREPARED`), and the pool sends it over its lean
keep-alive connections (bot/channels/http11.py: about half of aiohttp's CPU a request) instead of
aiohttp. Its errors come out as httpx's exceptions (httpcore's mapped as httpx's transport maps them), so
the adapters keep one table of outcomes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Final

import aiohttp
import httpcore
import httpx
from yarl import URL

from bot.channels.http11 import KEEPALIVE_SECONDS, Endpoint, Http11Pool

# The extension key under which a `ProviderPost` request carries its prebuilt form for the lean client.
_PREPARED: Final = "voordeur.prepared"


class AiohttpPool:
    """Stands in for `httpcore.AsyncConnectionPool` under `httpx.AsyncHTTPTransport`: aiohttp for any
    request, the lean client of bot/channels/http11.py for a `ProviderPost`'s."""

    def __init__(self, *, max_connections: int = 100) -> None:
        self._max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None
        self._lean: Http11Pool | None = None

    def _open(self) -> aiohttp.ClientSession:
        # Created on first use, inside the running loop; httpx decodes content-encoding itself.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(
                    limit=self._max_connections, keepalive_timeout=KEEPALIVE_SECONDS
                ),
                auto_decompress=False,
                skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding", "Content-Type"),
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        return self._session

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        prepared: _Prepared | None = request.extensions.get(_PREPARED)
        if prepared is not None:  # a ProviderPost: its prebuilt request over a lean connection
            if self._lean is None:
                self._lean = Http11Pool(max_connections=self._max_connections)
            return await self._lean.send(
                prepared.endpoint,
                prepared.body,
                connect_timeout=prepared.connect_timeout,
                read_timeout=prepared.read_timeout,
                pool_timeout=prepared.pool_timeout,
            )
        session = self._open()
        timeout = client_timeout(request.extensions.get("timeout", {}))
        url = yarl_url(_target(request.url))
        headers = [
            (name.decode("latin-1"), value.decode("latin-1"))
            for name, value in request.headers
            if name.lower() not in (b"host", b"content-length", b"transfer-encoding")
        ]
        body = b"".join([chunk async for chunk in request.stream])  # type: ignore[union-attr]
        try:
            async with session.request(
                request.method.decode(),
                url,
                headers=headers,
                data=body or None,
                allow_redirects=False,
                timeout=timeout,
            ) as answer:
                content = await answer.read()
                version = answer.version or aiohttp.HttpVersion11
                return httpcore.Response(
                    status=answer.status,
                    headers=list(answer.raw_headers),
                    content=content,
                    extensions={
                        "http_version": b"HTTP/%d.%d" % (version.major, version.minor),
                        "reason_phrase": (answer.reason or "").encode("latin-1"),
                    },
                )
        except aiohttp.ConnectionTimeoutError as exc:
            raise httpcore.ConnectTimeout(type(exc).__name__) from exc
        except aiohttp.ClientConnectorError as exc:  # DNS, refused, TLS: nothing was sent
            raise httpcore.ConnectError(type(exc).__name__) from exc
        except TimeoutError as exc:
            raise httpcore.ReadTimeout(type(exc).__name__) from exc
        except (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError) as exc:
            raise httpcore.RemoteProtocolError(type(exc).__name__) from exc
        except aiohttp.ClientError as exc:  # reset mid-request and the like: it may have arrived
            raise httpcore.ReadError(type(exc).__name__) from exc

    async def aclose(self) -> None:
        if self._lean is not None:
            await self._lean.aclose()
            self._lean = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> AiohttpPool:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        await self.aclose()


def yarl_url(text: str) -> URL:
    """The URL as httpx already encoded it: aiohttp must not re-quote the path or query."""
    return URL(text, encoded=True)


def _target(url: httpcore.URL) -> str:
    port = f":{url.port}" if url.port is not None else ""
    return f"{url.scheme.decode()}://{url.host.decode()}{port}{url.target.decode()}"


def client_timeout(timeouts: Mapping[str, float | None]) -> aiohttp.ClientTimeout:
    """httpx's timeouts (connect, read, write, pool) as aiohttp's."""
    connect, pool = timeouts.get("connect"), timeouts.get("pool")
    return aiohttp.ClientTimeout(
        total=None,
        # aiohttp's `connect`: waiting for a free connection plus opening one (httpx: pool + connect).
        connect=None if connect is None or pool is None else connect + pool,
        sock_connect=connect,
        sock_read=timeouts.get("read"),
    )


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One `ProviderPost` request as the lean client sends it: built from the same values as its
    httpcore form (which respx sees in the tests)."""

    endpoint: Endpoint
    body: bytes
    connect_timeout: float
    read_timeout: float
    pool_timeout: float


@dataclass(frozen=True, slots=True)
class Answer:
    """A provider's answer: status, raw headers, body."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes

    def header(self, name: str) -> str | None:
        """The first value of header `name` (case-insensitive), or None."""
        wanted = name.lower().encode("latin-1")
        for key, value in self.headers:
            if key.lower() == wanted:
                return value.decode("latin-1")
        return None


# httpcore's exceptions as httpx's transport maps them (httpx._transports.default), so a real failure and
# one respx raises (httpx's own) are classified by one table.
_HTTPX_OF: Final[tuple[tuple[type[Exception], type[httpx.HTTPError]], ...]] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)
_HTTPCORE_ERRORS: Final = tuple(core for core, _ in _HTTPX_OF)


class ProviderPost:
    """POSTs to one provider endpoint (URL, headers and timeouts fixed) through an `AiohttpPool`.

    Raises httpx's exceptions: `ConnectError`/`ConnectTimeout`/`PoolTimeout` when the request certainly
    did not leave, any other `httpx.HTTPError` when it may have arrived.
    """

    def __init__(
        self,
        url: str,
        headers: Mapping[str, str],
        *,
        connect_timeout: float,
        read_timeout: float,
        pool_timeout: float,
        pool: AiohttpPool,
    ) -> None:
        """Timeouts as httpx's: `pool` waits for a free connection, `connect` opens one."""
        self._pool = pool
        self._url = httpcore.URL(url)
        self._headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]
        self._endpoint = Endpoint.post(url, dict(headers))
        self._timeouts = {
            "connect": connect_timeout,
            "read": read_timeout,
            "write": read_timeout,
            "pool": pool_timeout,
        }

    async def post(self, body: bytes) -> Answer:
        timeouts = self._timeouts
        prepared = _Prepared(self._endpoint, body, timeouts["connect"], timeouts["read"], timeouts["pool"])
        request = httpcore.Request(
            b"POST",
            self._url,
            headers=self._headers,
            content=body,
            extensions={"timeout": self._timeouts, _PREPARED: prepared},
        )
        try:
            response = await self._pool.handle_async_request(request)
            content = await response.aread()
        except _HTTPCORE_ERRORS as exc:
            raise _as_httpx(exc) from exc
        return Answer(response.status, response.headers, content)


def _as_httpx(exc: Exception) -> httpx.HTTPError:
    for core, mapped in _HTTPX_OF:
        if isinstance(exc, core):
            return mapped(type(exc).__name__)
    return httpx.TransportError(type(exc).__name__)  # pragma: no cover - every httpcore error is listed


class AiohttpTransport(httpx.AsyncHTTPTransport):
    """`httpx.AsyncHTTPTransport` over `AiohttpPool`: httpx's request building and error mapping kept."""

    def __init__(self, *, max_connections: int = 100) -> None:
        # Not super().__init__(): that builds an httpcore pool (and an SSL context) we would not use.
        self._pool = AiohttpPool(max_connections=max_connections)  # type: ignore[assignment]
