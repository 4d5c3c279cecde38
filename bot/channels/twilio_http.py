"""An asynchronous twilio `HttpClient` on top of one shared `httpx.AsyncClient`.

Why not twilio's own `AsyncTwilioHttpClient`: it needs aiohttp (a second HTTP stack beside the httpx we use
everywhere else), it hides which transport error happened, and respx cannot intercept it in tests. This one
lets httpx exceptions through untouched, so the adapter can tell "certainly not sent" (connect error) from
"may have been sent" (read timeout), and it never logs query strings, which carry phone numbers.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import Any

import httpx
from twilio.http import AsyncHttpClient
from twilio.http.response import Response

from bot.channels.http import provider_client

_logger = logging.getLogger("voordeur.twilio_http")

# The last response this task received. Twilio's error exceptions carry no headers, yet a 429's
# Retry-After lives there; a ContextVar keeps concurrent sends (separate tasks) apart.
_last_response: ContextVar[Response | None] = ContextVar("twilio_last_response", default=None)


class HttpxTwilioHttpClient(AsyncHttpClient):
    """Twilio's async HTTP client interface, served by httpx.

    Args:
        http: a shared `httpx.AsyncClient`; when None, one is created here (`provider_client`: httpx over
            aiohttp, bot/channels/http.py) and closed by `aclose()`.
        connect_timeout: seconds to open a connection (short: failing here is always safe to retry).
        read_timeout: seconds to wait for the answer; twilio's per-request `timeout` overrides it.
    """

    def __init__(
        self,
        http: httpx.AsyncClient | None = None,
        *,
        connect_timeout: float = 5.0,
        read_timeout: float = 15.0,
        logger: logging.Logger = _logger,
    ) -> None:
        super().__init__(logger, is_async=True, timeout=read_timeout)
        if connect_timeout <= 0:
            raise ValueError(connect_timeout)
        self._connect_timeout = connect_timeout
        self._owns_http = http is None
        self._http = http if http is not None else provider_client()

    async def request(
        self,
        method: str,
        uri: str,
        params: dict[str, object] | None = None,
        data: dict[str, object] | None = None,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,
        allow_redirects: bool = False,
    ) -> Response:
        """Send one request and return twilio's `Response`; httpx errors propagate unchanged."""
        if timeout is not None and timeout <= 0:
            raise ValueError(timeout)
        _last_response.set(None)
        read_timeout = timeout if timeout is not None else self.timeout
        self.logger.debug("twilio request %s %s", method.upper(), httpx.URL(uri).path)
        answer = await self._http.request(
            method.upper(),
            uri,
            params=_query(params),
            data=_form(data),
            headers=headers,
            auth=httpx.BasicAuth(*auth) if auth is not None else None,
            timeout=httpx.Timeout(read_timeout, connect=self._connect_timeout),
            follow_redirects=allow_redirects,
        )
        response = Response(answer.status_code, answer.text, answer.headers)
        _last_response.set(response)
        self.logger.debug("twilio response %s", answer.status_code)
        return response

    def last_response(self) -> Response | None:
        """The last response received in the current task, also when twilio turned it into an exception."""
        return _last_response.get()

    def forget_last_response(self) -> None:
        """Clear `last_response()` before a call, so a call without an answer does not see an old one."""
        _last_response.set(None)

    async def aclose(self) -> None:
        """Close the httpx client if this object created it; a shared one belongs to its owner."""
        if self._owns_http:
            await self._http.aclose()


def _query(params: dict[str, object] | None) -> dict[str, Any] | None:
    """Drop None values: twilio leaves unset filters out, and httpx would send them as empty strings."""
    if not params:
        return None
    return {key: value for key, value in params.items() if value is not None}


def _form(data: dict[str, object] | None) -> dict[str, Any] | None:
    """Form fields for httpx: lists (e.g. `MediaUrl`) become repeated keys, None values are left out."""
    if not data:
        return None
    return {key: value for key, value in data.items() if value is not None}
