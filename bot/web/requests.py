"""Reading webhook bodies safely: bounded size, clear 4xx answers, never a 500 for sender input."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote

from starlette.requests import Request

# A `%` not followed by two hex digits: parse_qsl would keep it literally and carry on.
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


# In a UTF-8 body, a lone surrogate can only come from a `\uD800`-style escape or from raw bytes that
# encode one (json.loads decodes with "surrogatepass"). A body with neither needs no re-encoding check.
_SURROGATE_SOURCES = re.compile(rb"\\u[dD][89a-fA-F]|\xed[\xa0-\xbf]")


def _may_hold_surrogates(body: bytes) -> bool:
    """False only for a UTF-8 JSON object (no byte-order guess to UTF-16/32: no NUL in its first four
    bytes) without escapes or raw bytes that make a surrogate."""
    return not (body[:1] == b"{" and b"\0" not in body[:4]) or _SURROGATE_SOURCES.search(body) is not None


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
        if not (declared.isascii() and declared.isdigit()):  # "²".isdigit() is True, int("²") fails
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
    """A JSON object of valid Unicode.

    Refused with 400: invalid JSON or UTF-8, nesting deep enough to exhaust the parser's recursion
    (`[[[[...` within the size limit raises RecursionError), and strings with unpaired surrogate escapes
    (`"\\ud800"`): they are not text, and PostgreSQL's JSONB would refuse them later with a 500.
    """
    try:
        data = json.loads(body)
        if _may_hold_surrogates(body):
            json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, json.JSONDecodeError, RecursionError):
        raise BadRequest(400, "malformed json") from None
    if not isinstance(data, dict):
        raise BadRequest(400, "json is not an object")
    return data


def parse_form(content_type: str, body: bytes) -> dict[str, str]:
    """An application/x-www-form-urlencoded body (`content_type` is the request's header) as a dict
    (Twilio sends each field once)."""
    if content_type.split(";")[0].strip().lower() != "application/x-www-form-urlencoded":
        raise BadRequest(415, "expected application/x-www-form-urlencoded")
    try:
        text = body.decode("utf-8")
        if _BAD_PERCENT.search(text):
            raise ValueError("bad percent-encoding")
        pairs = form_pairs(text)
    except (UnicodeDecodeError, ValueError):
        raise BadRequest(400, "malformed form") from None
    form: dict[str, str] = {}
    for key, value in pairs:
        if key in form:
            raise BadRequest(400, "repeated form field")
        form[key] = value
    return form


def form_pairs(text: str) -> list[tuple[str, str]]:
    """What `parse_qsl(text, keep_blank_values=True, strict_parsing=True, errors="strict")` returns for a
    form (the oracle in tests/test_web_requests.py), unquoting only the names and values that need it:
    most of a Twilio form is plain, and parse_qsl's per-field work was a tenth of a webhook's CPU.
    errors="strict": a %FF would otherwise become U+FFFD and a changed text would be stored."""
    if not text:
        return []
    pairs = []
    for field in text.split("&"):
        name, separator, value = field.partition("=")
        if not separator:
            raise ValueError("bad form field")
        pairs.append((_unquote_plus(name), _unquote_plus(value)))
    return pairs


def _unquote_plus(text: str) -> str:
    if "+" in text:
        text = text.replace("+", " ")
    return unquote(text, errors="strict") if "%" in text else text
