"""Reading webhook bodies safely: bounded size, clear 4xx answers, never a 500 for sender input."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request


class BadRequest(Exception):
    """What the sender sent cannot be accepted; `status` is the HTTP answer (400, 413, 415)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to be over `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise BadRequest(400, "bad content-length")
        if int(declared) > limit:
            raise BadRequest(413, "body too large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BadRequest(413, "body too large")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_json_object(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadRequest(400, "malformed json") from None
    if not isinstance(data, dict):
        raise BadRequest(400, "json is not an object")
    return data


def parse_form(request: Request, body: bytes) -> dict[str, str]:
    """An application/x-www-form-urlencoded body as a dict (Twilio sends each field once)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise BadRequest(415, "expected application/x-www-form-urlencoded")
    try:
        text = body.decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text))
    except (UnicodeDecodeError, ValueError):
        raise BadRequest(400, "malformed form") from None
    form: dict[str, str] = {}
    for key, value in pairs:
        if key in form:
            raise BadRequest(400, "repeated form field")
        form[key] = value
    return form
