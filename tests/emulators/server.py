"""Run ASGI apps on 127.0.0.1 in a background thread, and record what emulated providers receive.

End-to-end tests need real sockets: the app under test talks HTTP to the provider emulators, and the tests
talk HTTP to the app. Each server gets its own thread and event loop, so sync tests, async tests and the
app's own loop never block one another. The port is bound here (port 0) before uvicorn starts, so there is
no race for a "free" port between parallel runs.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Literal

import uvicorn
from uvicorn._types import ASGIApplication

__all__ = ["Journal", "RecordedRequest", "ServerThread", "run_asgi"]

Lifespan = Literal["on", "off", "auto"]


class ServerThread:
    """One uvicorn server on 127.0.0.1, served from a daemon thread; use as a context manager.

    Args:
        app: any ASGI application (or an import string, as uvicorn accepts).
        host: interface to bind; keep the loopback default in tests.
        port: 0 picks a free port; `url` tells which one was taken.
        lifespan: "off" for bare emulators; "on" to run the app's startup/shutdown (a failed startup makes
            `start()` raise).
        graceful_timeout: seconds to wait for requests still in progress (e.g. a deliberately delayed
            answer) before cancelling them on `stop()`.
    """

    def __init__(
        self,
        app: ASGIApplication | Callable[..., Any] | str,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        lifespan: Lifespan = "off",
        graceful_timeout: float = 2.0,
    ) -> None:
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            lifespan=lifespan,
            log_level="warning",
            log_config=None,  # leave the process-wide logging config (and pytest's caplog) alone
            access_log=False,
            loop="asyncio",
            ws="none",
            # As a provider's edge does, idle connections are kept longer than our client reuses them
            # (bot.channels.http.KEEPALIVE_SECONDS); uvicorn's own 5 s would race the client's reuse.
            timeout_keep_alive=60,
            timeout_graceful_shutdown=max(1, round(graceful_timeout)),
        )
        self._host = host
        self._port = port
        self._server = uvicorn.Server(config)
        self._socket: socket.socket | None = None
        self._thread = threading.Thread(target=self._run, name=f"asgi-{host}", daemon=True)
        self._error: BaseException | None = None

    @property
    def url(self) -> str:
        """Base URL without a trailing slash, e.g. "http://127.0.0.1:54321"."""
        if self._socket is None:
            raise RuntimeError("server not started")
        host, port = self._socket.getsockname()[:2]
        return f"http://{host}:{port}"

    def start(self, timeout: float = 10.0) -> str:
        """Bind, start serving, and return `url` once the server accepts connections."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self._host, self._port))
        self._socket = sock
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive():
                sock.close()
                raise RuntimeError(
                    "ASGI server stopped during startup (lifespan startup failed?)"
                ) from self._error
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"ASGI server did not start within {timeout}s")
            time.sleep(0.01)
        return self.url

    def stop(self, timeout: float = 10.0) -> None:
        """Ask uvicorn to exit (runs lifespan shutdown when on) and wait for the thread to end."""
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout)
            if self._thread.is_alive():
                self._server.force_exit = True
                self._thread.join(timeout)
        if self._socket is not None:
            self._socket.close()

    def _run(self) -> None:
        try:
            self._server.run(sockets=[self._socket] if self._socket is not None else None)
        except BaseException as exc:  # kept for start()'s error message; the thread must not die noisily
            self._error = exc

    def __enter__(self) -> str:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


@contextmanager
def run_asgi(
    app: ASGIApplication | Callable[..., Any] | str,
    *,
    lifespan: Lifespan = "off",
    graceful_timeout: float = 2.0,
    startup_timeout: float = 10.0,
) -> Iterator[str]:
    """Serve `app` on a free loopback port for the duration of the block; yields "http://127.0.0.1:PORT"."""
    server = ServerThread(app, lifespan=lifespan, graceful_timeout=graceful_timeout)
    url = server.start(timeout=startup_timeout)
    try:
        yield url
    finally:
        server.stop()


# Headers worth asserting on; everything else (and Authorization, which carries secrets) is dropped.
RECORDED_HEADERS = (
    "content-type",
    "user-agent",
    "accept",
    "x-telegram-bot-api-secret-token",
    "i-twilio-idempotency-token",
    "x-twilio-signature",
)


@dataclass(frozen=True)
class RecordedRequest:
    """One request an emulator answered: what came in and which HTTP status went out."""

    method: str
    path: str
    endpoint: str  # API-level name: "sendMessage", "Messages.create", "Messages.list", ...
    params: dict[str, Any]
    headers: dict[str, str]
    status: int
    received_at: float = field(default_factory=time.time)

    @staticmethod
    def pick_headers(headers: Mapping[str, str]) -> dict[str, str]:
        """The subset of `headers` kept in the journal."""
        return {name: headers[name] for name in RECORDED_HEADERS if name in headers}


class Journal:
    """Thread-safe request log shared by the emulators, with waiting instead of blind sleeps.

    The emulator's handlers run on the server thread; tests read from theirs. Everything goes through one
    re-entrant `threading.Condition`, so subclasses keep their own state under `self._cond` too and call
    `self._cond.notify_all()` after changing it.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.RLock())
        self._requests: list[RecordedRequest] = []

    def _record(self, request: RecordedRequest) -> None:
        with self._cond:
            self._requests.append(request)
            self._cond.notify_all()

    def requests(self, endpoint: str | None = None) -> list[RecordedRequest]:
        """Every answered request, oldest first; only those for `endpoint` when given."""
        with self._cond:
            return [r for r in self._requests if endpoint is None or r.endpoint == endpoint]

    def clear(self) -> None:
        """Forget recorded requests (subclasses also forget deliveries; scripted failures stay)."""
        with self._cond:
            self._requests.clear()
            self._cond.notify_all()

    def wait_until(
        self, predicate: Callable[[], bool], timeout: float = 5.0, what: str = "condition"
    ) -> None:
        """Block until `predicate()` (evaluated under the lock) is true; TimeoutError after `timeout` s."""
        with self._cond:
            if not self._cond.wait_for(predicate, timeout):
                raise TimeoutError(f"timed out after {timeout}s waiting for {what}")

    def wait_for_requests(
        self, count: int, endpoint: str | None = None, timeout: float = 5.0
    ) -> list[RecordedRequest]:
        """Wait until at least `count` requests (for `endpoint`) were answered; returns all of them."""
        self.wait_until(
            lambda: len(self.requests(endpoint)) >= count,
            timeout,
            f"{count} request(s) to {endpoint or 'any'}",
        )
        return self.requests(endpoint)

    async def wait_for_requests_async(
        self, count: int, endpoint: str | None = None, timeout: float = 5.0
    ) -> list[RecordedRequest]:
        """`wait_for_requests` for async tests: waits in a worker thread, so the event loop keeps running."""
        return await asyncio.to_thread(self.wait_for_requests, count, endpoint, timeout)
