"""The lean HTTP/1.1 client of the send path (bot/channels/http11.py) against raw local servers: framing
(length, chunked, until close), keep-alive reuse and when a connection must not be reused, and errors
that keep "certainly not sent" apart from "may have been sent"."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpcore
import pytest
from httpcore import Response

from bot.channels import http11
from bot.channels.http11 import Endpoint, Http11Pool
from tests.e2e_support import Handler, free_port, raw_tcp_server


class Server:
    """A raw TCP server running `handler` per connection; counts connections and keeps what arrived."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.connections = 0
        self.requests: list[bytes] = []

    async def read_request(self, reader: asyncio.StreamReader) -> bytes:
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        request = head + await reader.readexactly(length)
        self.requests.append(request)
        return request


async def _serving(server: Server) -> AsyncIterator[str]:
    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        server.connections += 1
        try:
            await server.handler(reader, writer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async for url in raw_tcp_server(serve):
        yield f"{url}/2010-04-01/Messages.json?x=1"


async def _send(pool: Http11Pool, url: str, body: bytes = b"a=1", read_timeout: float = 2.0) -> Response:
    endpoint = Endpoint.post(url, {"Content-Type": "application/x-www-form-urlencoded"})
    reply = await pool.send(endpoint, body, connect_timeout=2.0, read_timeout=read_timeout, pool_timeout=2.0)
    await reply.aread()
    return reply


def _server(answers: list[bytes]) -> Server:
    """Answers each request on a connection with the next of `answers` (all of them, then waits)."""
    server: Server

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for answer in answers:
            await server.read_request(reader)
            writer.write(answer)
            await writer.drain()
        await reader.read()  # until the client closes

    server = Server(handler)
    return server


OK = b"HTTP/1.1 201 Created\r\nContent-Length: 2\r\nRetry-After: 7\r\n\r\nok"


async def test_the_request_is_written_as_prebuilt_and_one_connection_serves_several() -> None:
    server = _server([OK, OK, OK])
    pool = Http11Pool()
    async for url in _serving(server):
        replies = [await _send(pool, url, body) for body in (b"Body=%C3%A9", b"b=2", b"c=3")]
    await pool.aclose()
    assert [(r.status, r.content) for r in replies] == [(201, b"ok")] * 3
    assert (b"Retry-After", b"7") in replies[0].headers
    assert server.connections == 1
    first = server.requests[0]
    assert first.startswith(b"POST /2010-04-01/Messages.json?x=1 HTTP/1.1\r\nHost: 127.0.0.1:")
    assert b"\r\nContent-Type: application/x-www-form-urlencoded\r\n" in first
    assert first.endswith(b"\r\nContent-Length: 11\r\n\r\nBody=%C3%A9")


async def test_chunked_and_until_close_bodies_are_read_whole() -> None:
    chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
    pool = Http11Pool()
    async for url in _serving(_server([chunked])):
        assert (await _send(pool, url)).content == b"abcde"

    async def until_close(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await server.read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\n\r\nall of it")
        await writer.drain()
        writer.close()

    server = Server(until_close)
    async for url in _serving(server):
        reply = await _send(pool, url)
        assert (reply.status, reply.content) == (200, b"all of it")
        await _send(pool, url)  # that connection ended with its answer: a new one
    assert server.connections == 2
    await pool.aclose()


async def test_a_connection_the_server_closes_or_marks_close_is_not_used_again() -> None:
    closing = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    server = _server([closing])
    pool = Http11Pool()
    async for url in _serving(server):
        await _send(pool, url)
        await _send(pool, url)
    assert server.connections == 2

    async def answer_once_then_hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await idle_server.read_request(reader)
        writer.write(OK)
        await writer.drain()
        writer.close()  # an idle timeout on the server's side

    idle_server = Server(answer_once_then_hang_up)
    async for url in _serving(idle_server):
        await _send(pool, url)
        await asyncio.sleep(0.05)  # the close reaches the client while the connection is idle
        assert (await _send(pool, url)).status == 201
    assert idle_server.connections == 2
    await pool.aclose()


async def test_an_idle_connection_past_its_keep_alive_time_is_closed_not_reused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = _server([OK, OK])
    pool = Http11Pool()
    async for url in _serving(server):
        await _send(pool, url)
        monkeypatch.setattr(http11, "KEEPALIVE_SECONDS", 0.0)
        await asyncio.sleep(0.01)
        await _send(pool, url)
    assert server.connections == 2
    await pool.aclose()


async def test_failures_before_and_after_sending_stay_apart() -> None:
    pool = Http11Pool()
    with pytest.raises(httpcore.ConnectError):
        await _send(pool, f"http://127.0.0.1:{free_port()}/x")

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()

    async def garbage(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"NOT HTTP AT ALL\r\n\r\n")
        await writer.drain()
        await reader.read()

    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")  # cut off mid-body
        await writer.drain()

    async for url in _serving(Server(silent)):
        with pytest.raises(httpcore.ReadTimeout):
            await _send(pool, url, read_timeout=0.1)
    async for url in _serving(Server(garbage)):
        with pytest.raises(httpcore.RemoteProtocolError):
            await _send(pool, url)
    async for url in _serving(Server(hang_up)):
        with pytest.raises(httpcore.RemoteProtocolError):
            await _send(pool, url)
    await pool.aclose()


async def test_a_full_pool_waits_for_a_slot_then_gives_up_before_sending() -> None:
    release = asyncio.Event()

    async def slow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await server.read_request(reader)
        await release.wait()
        writer.write(OK)
        await writer.drain()
        await reader.read()

    server = Server(slow)
    pool = Http11Pool(max_connections=1)
    async for url in _serving(server):
        endpoint = Endpoint.post(url, {})
        first = asyncio.ensure_future(_send(pool, url))
        await asyncio.sleep(0.05)
        with pytest.raises(httpcore.PoolTimeout):
            await pool.send(endpoint, b"x", connect_timeout=1.0, read_timeout=1.0, pool_timeout=0.05)
        release.set()
        assert (await first).status == 201
    assert len(server.requests) == 1  # the one that timed out waiting never left
    await pool.aclose()


def test_the_endpoint_names_its_host_as_http_wants_it() -> None:
    assert Endpoint.post("https://api.twilio.com/x", {}).head.startswith(
        b"POST /x HTTP/1.1\r\nHost: api.twilio.com\r\n"
    )
    endpoint = Endpoint.post("http://[::1]:8080/bot1:AA/sendMessage", {"Content-Length": "9"})
    assert (endpoint.host, endpoint.port) == ("::1", 8080)
    assert endpoint.head == b"POST /bot1:AA/sendMessage HTTP/1.1\r\nHost: [::1]:8080\r\nContent-Length: "
    with pytest.raises(ValueError):
        Endpoint.post("ftp://example.org/x", {})
