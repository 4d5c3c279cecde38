"""The HTTP client every provider call goes through: httpx's API, aiohttp's I/O.

Measured with bench/http_client.py (bench/README.md): an httpx request costs about 1.9 ms of CPU on
this machine, nearly all of it in httpcore's connection pool on anyio (lock and event set-up per
request, a scan of every pooled connection, a readability poll and peer-name lookups per reuse, and an
`import sniffio` that, sniffio not being installed, searches sys.path several times per request);
aiohttp does the same request in about 0.15 ms. The adapters keep httpx's API (python-telegram-bot's
HTTPXRequest, twilio's HTTP client in twilio_http.py, the exceptions they classify) and only the pool
under httpx's transport is replaced: `AiohttpPool` answers `httpcore.Request`s with one
`aiohttp.ClientSession`, so `httpx.AsyncHTTPTransport` still builds the request, maps errors and wraps
the response exactly as it does over httpcore.

Tests: respx patches `handle_async_request` of httpcore's pool classes; `AiohttpPool` is added to its
targets (tests/conftest.py), so `respx.mock` intercepts every provider call at the same layer as
before. The pool's own I/O and error mapping are tested against local servers (tests/test_http_pool.py).

Errors keep the distinction the senders rely on: only a failure to connect (the request certainly did
not leave) becomes `ConnectError`/`ConnectTimeout`; anything after the connection was made is a read
or protocol error, which the adapters treat as "may have been sent" (unknown).
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

import aiohttp
import httpcore
import httpx


class AiohttpPool:
    """Stands in for `httpcore.AsyncConnectionPool` under `httpx.AsyncHTTPTransport`."""

    def __init__(self, *, max_connections: int = 100) -> None:
        self._max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        # Created on first use, inside the running loop; httpx decodes content-encoding itself.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._max_connections),
                auto_decompress=False,
                skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding", "Content-Type"),
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        return self._session

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        session = self._open()
        timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
        connect, pool = timeouts.get("connect"), timeouts.get("pool")
        timeout = aiohttp.ClientTimeout(
            total=None,
            # aiohttp's `connect`: waiting for a free connection plus opening one (httpx: pool + connect).
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            sock_read=timeouts.get("read"),
        )
        url = request.url
        port = f":{url.port}" if url.port is not None else ""
        target = f"{url.scheme.decode()}://{url.host.decode()}{port}{url.target.decode()}"
        headers = [
            (name.decode("latin-1"), value.decode("latin-1"))
            for name, value in request.headers
            if name.lower() not in (b"host", b"content-length", b"transfer-encoding")
        ]
        body = b"".join([chunk async for chunk in request.stream])  # type: ignore[union-attr]
        try:
            async with session.request(
                request.method.decode(),
                yarl_url(target),
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


def yarl_url(text: str) -> Any:
    """The URL as httpx already encoded it: aiohttp must not re-quote the path or query."""
    from yarl import URL

    return URL(text, encoded=True)


class AiohttpTransport(httpx.AsyncHTTPTransport):
    """`httpx.AsyncHTTPTransport` over `AiohttpPool`: httpx's request building and error mapping kept."""

    def __init__(self, *, max_connections: int = 100) -> None:
        # Not super().__init__(): that builds an httpcore pool (and an SSL context) we would not use.
        self._pool = AiohttpPool(max_connections=max_connections)  # type: ignore[assignment]


def provider_client(**kwargs: Any) -> httpx.AsyncClient:
    """An `httpx.AsyncClient` for provider APIs (Twilio's HTTP client); same arguments as httpx's."""
    return httpx.AsyncClient(transport=AiohttpTransport(), **kwargs)
