"""bot/channels/http.py: httpx's API over aiohttp, against real local sockets (no respx here).

The adapters' unit tests mock providers with respx, which patches `AiohttpPool.handle_async_request`
(tests/conftest.py); these tests cover what that leaves out: the pool's own I/O and how its failures
map to the httpx exceptions the adapters classify (connect failure = not sent; anything later = may
have been sent). The adapters' end-to-end tests (test_e2e, test_fault) run them against the emulators.
"""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
import respx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.channels.base import OutboundMessage
from bot.channels.http import AiohttpPool, AiohttpTransport, ProviderPost
from bot.channels.telegram import TelegramAdapter
from bot.channels.twilio import TwilioAdapter
from tests.e2e_support import free_port, raw_tcp_server
from tests.emulators.server import run_asgi
from tests.emulators.telegram_api import TelegramEmulator
from tests.emulators.twilio_api import TwilioEmulator


async def _echo(request: Request) -> Response:
    body = await request.body()
    return JSONResponse(
        {
            "method": request.method,
            "path": request.url.path,
            "query": request.url.query,
            "body": body.decode(),
            "authorization": request.headers.get("authorization"),
            "content_type": request.headers.get("content-type"),
            "x_many": request.headers.getlist("x-many"),
        },
        status_code=201,
        headers={"Retry-After": "7", "X-Twice": "a"},
    )


ECHO = Starlette(routes=[Route("/{path:path}", _echo, methods=["GET", "POST"])])


def provider_client(timeout: float | httpx.Timeout) -> httpx.AsyncClient:
    """httpx over the aiohttp pool, as python-telegram-bot's calls off the hot path use it."""
    return httpx.AsyncClient(transport=AiohttpTransport(), timeout=timeout)


def poster(url: str, pool: AiohttpPool, *, read_timeout: float = 2.0) -> ProviderPost:
    return ProviderPost(
        url,
        {"Content-Type": "application/x-www-form-urlencoded", "Authorization": "Basic QUMxOnNlY3JldA=="},
        connect_timeout=2.0,
        read_timeout=read_timeout,
        pool_timeout=2.0,
        pool=pool,
    )


async def test_a_request_and_its_answer_pass_through_unchanged() -> None:
    with run_asgi(ECHO) as url:
        async with provider_client(timeout=5.0) as client:
            assert isinstance(client._transport, AiohttpTransport)
            answer = await client.post(
                f"{url}/2010-04-01/Accounts/AC1/Messages.json",
                params={"To": "+31 6/1?&"},
                data={"Body": "één & twee", "StatusCallback": "http://x/s?o=5"},
                auth=("AC1", "secret"),
                headers=[("X-Many", "1"), ("X-Many", "2")],
            )
    assert answer.status_code == 201
    assert answer.headers["retry-after"] == "7"
    echoed = answer.json()
    assert echoed["method"] == "POST"
    assert echoed["path"] == "/2010-04-01/Accounts/AC1/Messages.json"
    assert httpx.QueryParams(echoed["query"])["To"] == "+31 6/1?&"
    assert httpx.QueryParams(echoed["body"]) == httpx.QueryParams(
        {"Body": "één & twee", "StatusCallback": "http://x/s?o=5"}
    )
    assert echoed["authorization"].startswith("Basic ")
    assert echoed["content_type"] == "application/x-www-form-urlencoded"
    assert echoed["x_many"] == ["1", "2"]
    assert answer.http_version == "HTTP/1.1" and answer.reason_phrase == "Created"


async def test_a_closed_client_opens_a_new_session_when_used_again() -> None:
    pool = AiohttpPool()
    with run_asgi(ECHO) as url:
        for _ in range(2):
            transport = AiohttpTransport()
            transport._pool = pool
            async with httpx.AsyncClient(transport=transport) as client:
                assert (await client.get(f"{url}/x")).status_code == 201


async def test_nobody_listening_is_a_connect_error() -> None:
    async with provider_client(timeout=5.0) as client:
        with pytest.raises(httpx.ConnectError):
            await client.post(f"http://127.0.0.1:{free_port()}/x", json={})


async def _read_request(reader: asyncio.StreamReader) -> None:
    await reader.readuntil(b"\r\n\r\n")


async def test_no_answer_in_time_is_a_read_timeout() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        await asyncio.sleep(2)
        writer.close()

    async for url in raw_tcp_server(silent):
        async with provider_client(timeout=httpx.Timeout(0.2, connect=2.0)) as client:
            with pytest.raises(httpx.ReadTimeout):
                await client.post(f"{url}/x", json={})


async def test_a_connection_closed_without_answer_is_a_protocol_error() -> None:
    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.close()

    async for url in raw_tcp_server(hang_up):
        async with provider_client(timeout=2.0) as client:
            with pytest.raises(httpx.RemoteProtocolError):
                await client.post(f"{url}/x", json={})


async def test_a_garbled_answer_is_a_transport_error_after_sending() -> None:
    async def garbage(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.write(b"NOT HTTP AT ALL\r\n\r\n")
        await writer.drain()
        writer.close()

    async for url in raw_tcp_server(garbage):
        async with provider_client(timeout=2.0) as client:
            with pytest.raises(httpx.TransportError) as raised:
                await client.post(f"{url}/x", json={})
    assert not isinstance(raised.value, httpx.ConnectError | httpx.ConnectTimeout)


async def test_the_adapters_send_through_the_pool_to_the_emulators() -> None:
    telegram, twilio = TelegramEmulator(), TwilioEmulator()
    with run_asgi(telegram.app) as telegram_url, run_asgi(twilio.app) as twilio_url:
        bot = TelegramAdapter(telegram.token, api_base_url=f"{telegram_url}/bot")
        await bot.start()
        account = TwilioAdapter(
            twilio.account_sid, twilio.auth_token, "+3197010000001", None, api_base_url=twilio_url
        )
        try:
            sent = await bot.send(OutboundMessage(1, "telegram", "4242", "Hallo", (("ja", "Ja"),)))
            texted = await account.send(OutboundMessage(2, "sms", "+31612345678", "Hoi"))
            telegram.fail_next(1, 429, retry_after=3)
            refused = await bot.send(OutboundMessage(3, "telegram", "4242", "Nog een"))
        finally:
            await bot.aclose()
            await account.aclose()
        gone = await bot.send(OutboundMessage(4, "telegram", "4242", "Dicht"))
    assert sent.outcome == "sent" and texted.outcome == "sent" and texted.provider_id
    assert refused.outcome == "retry" and refused.retry_after == 3.0
    assert gone.error == "telegram:closed"
    assert telegram.sent_texts("4242") == ["Hallo"]
    assert telegram.messages("4242")[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "ja"
    assert twilio.sent_texts("+31612345678") == ["Hoi"]


# --- ProviderPost: the hot path's request, prepared once --------------------------------------------------


async def test_a_provider_post_sends_its_headers_and_body_and_reads_the_answer() -> None:
    pool = AiohttpPool()
    with run_asgi(ECHO) as url:
        post = poster(f"{url}/2010-04-01/Accounts/AC1/Messages.json", pool)
        for body in (b"Body=%C3%A9%C3%A9n&To=%2B31", b"Body=twee"):  # the prepared values are reused
            answer = await post.post(body)
            assert answer.status == 201
            assert answer.header("retry-after") == "7" and answer.header("x-absent") is None
            echoed = json.loads(answer.body)
            assert echoed["method"] == "POST" and echoed["path"] == "/2010-04-01/Accounts/AC1/Messages.json"
            assert echoed["body"] == body.decode()
            assert echoed["authorization"] == "Basic QUMxOnNlY3JldA=="
            assert echoed["content_type"] == "application/x-www-form-urlencoded"
    await pool.aclose()


async def test_a_provider_post_maps_failures_to_httpx_errors() -> None:
    """Connect failure: certainly not sent (ConnectError); silence or a hang-up after sending: not that."""

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        await asyncio.sleep(2)

    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.close()

    pool = AiohttpPool()
    with pytest.raises(httpx.ConnectError):
        await poster(f"http://127.0.0.1:{free_port()}/x", pool).post(b"a=1")
    async for url in raw_tcp_server(silent):
        with pytest.raises(httpx.ReadTimeout):
            await poster(f"{url}/x", pool, read_timeout=0.2).post(b"a=1")
    async for url in raw_tcp_server(hang_up):
        with pytest.raises(httpx.RemoteProtocolError):
            await poster(f"{url}/x", pool).post(b"a=1")
    await pool.aclose()


async def test_respx_sees_a_provider_post_as_any_other_request() -> None:
    """The hot path goes through `AiohttpPool.handle_async_request`, which respx patches (conftest)."""
    pool = AiohttpPool()
    with respx.mock(assert_all_mocked=True) as mock:
        route = mock.post("http://provider.test/x").mock(return_value=httpx.Response(202, text="ok"))
        answer = await poster("http://provider.test/x", pool).post(b"a=1")
    assert (answer.status, answer.body) == (202, b"ok")
    request = route.calls.last.request
    assert request.content == b"a=1" and request.headers["Authorization"] == "Basic QUMxOnNlY3JldA=="
    await pool.aclose()
