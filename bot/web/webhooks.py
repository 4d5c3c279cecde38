"""Provider webhooks: verify at the edge, store once, answer 200, then let the engine work.

Failing verification answers 403 and stores nothing. Whatever a sender can send gets a 4xx at worst.
"""

from __future__ import annotations

import hmac
import logging
import time

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from twilio.request_validator import RequestValidator

from bot import metrics
from bot.channels import telegram, twilio
from bot.channels.base import AddressBlocked, Ignored, InboundMessage
from bot.runtime import Runtime
from bot.web.requests import BadRequest, parse_form, parse_json_object, read_body

log = logging.getLogger("voordeur.webhooks")

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
# What PTB and our parser raise for a well-formed JSON object with fields of the wrong type or range.
_PARSER_ERRORS = (TypeError, AttributeError, KeyError, OverflowError, OSError, RecursionError)
# Outbox ids are 64-bit on PostgreSQL; anything else in `?o=` is not one of ours.
_MAX_ID = 2**63 - 1


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def _reject(route: str, status: int, reason: str) -> Response:
    metrics.WEBHOOK_REJECTED.labels(route, str(status)).inc()
    log.info("webhook rejected", extra={"route": route, "status": status, "reason": reason})
    return PlainTextResponse(reason, status_code=status)


async def telegram_webhook(request: Request) -> Response:
    route = "telegram"
    runtime = _runtime(request)
    started = time.perf_counter()
    adapter = runtime.telegram
    secret = runtime.settings.telegram_webhook_secret
    if adapter is None or not secret:
        return _reject(route, 404, "telegram channel is off")
    given = request.headers.get("x-telegram-bot-api-secret-token", "")
    if not hmac.compare_digest(given.encode(), secret.encode()):
        return _reject(route, 403, "bad secret token")
    try:
        data = parse_json_object(await read_body(request, runtime.settings.voordeur_max_body_bytes))
        parsed = telegram.parse_update(data, adapter.bot)
    except BadRequest as exc:
        return _reject(route, exc.status, exc.reason)
    except ValueError:
        return _reject(route, 400, "not a telegram update")
    except _PARSER_ERRORS as exc:
        # The parser let a malformed field through (a number as text, a date out of range): still the
        # sender's fault, so a 400, but named in the log by exception type only (no payload data).
        log.warning("telegram update broke the parser", extra={"exception": type(exc).__name__})
        return _reject(route, 400, "not a telegram update")
    await _accept(runtime, parsed)
    metrics.WEBHOOK_SECONDS.labels(route).observe(time.perf_counter() - started)
    return PlainTextResponse("ok")


async def twilio_messages_webhook(request: Request) -> Response:
    route = "twilio_messages"
    runtime = _runtime(request)
    started = time.perf_counter()
    form_or_error = await _verified_twilio_form(request, runtime, route)
    if isinstance(form_or_error, Response):
        return form_or_error
    try:
        parsed = twilio.parse_inbound(form_or_error)
    except ValueError:
        return _reject(route, 400, "not a twilio message")
    await _accept(runtime, parsed)
    metrics.WEBHOOK_SECONDS.labels(route).observe(time.perf_counter() - started)
    return Response(EMPTY_TWIML, media_type="text/xml")


async def twilio_status_webhook(request: Request) -> Response:
    route = "twilio_status"
    runtime = _runtime(request)
    form_or_error = await _verified_twilio_form(request, runtime, route)
    if isinstance(form_or_error, Response):
        return form_or_error
    try:
        status = twilio.parse_status(form_or_error)
    except ValueError:
        return _reject(route, 400, "not a twilio status callback")
    await runtime.record_delivery(status, _outbox_id(request.query_params.get("o")))
    return Response(EMPTY_TWIML, media_type="text/xml")


def _outbox_id(value: str | None) -> int | None:
    """The outbox id our status callback URL carries (`?o=123`), or None if it is not a plausible one.

    Strict ASCII digits ("²".isdigit() is True but int() refuses it) and within a 64-bit id: a larger
    number would make the database query fail with a 500.
    """
    if not value or not (value.isascii() and value.isdigit()) or len(value) > 19:
        return None
    number = int(value)
    return number if 0 < number <= _MAX_ID else None


async def _verified_twilio_form(request: Request, runtime: Runtime, route: str) -> dict[str, str] | Response:
    """The form, once its X-Twilio-Signature matches.

    Twilio signs the URL it called: behind a TLS proxy that is PUBLIC_BASE_URL + path (+ query), not the
    URL this process sees, so we rebuild it from the setting.
    """
    settings = runtime.settings
    if not settings.twilio_enabled or not settings.twilio_auth_token or not settings.public_base_url:
        return _reject(route, 404, "twilio channels are off")
    try:
        form = parse_form(request, await read_body(request, settings.voordeur_max_body_bytes))
    except BadRequest as exc:
        return _reject(route, exc.status, exc.reason)
    url = settings.public_base_url + request.url.path
    if request.url.query:
        url += "?" + request.url.query
    signature = request.headers.get("x-twilio-signature", "")
    if not signature or not RequestValidator(settings.twilio_auth_token).validate(url, form, signature):
        return _reject(route, 403, "bad signature")
    return form


async def _accept(runtime: Runtime, parsed: InboundMessage | AddressBlocked | Ignored) -> None:
    """Store what deserves storing (committed before we answer), then hand it to the engine."""
    if isinstance(parsed, Ignored):
        log.info("update ignored", extra={"reason": parsed.reason})
        return
    if isinstance(parsed, AddressBlocked):
        await runtime.engine.mark_blocked(parsed.channel, parsed.address, "blocked_bot")
        return
    stored = await runtime.engine.store(parsed)
    log.info(
        "inbound stored",
        extra={
            "channel": parsed.channel,
            "inbound_id": stored.inbound_id,
            "person_id": stored.person_id,
            "duplicate": stored.duplicate,
        },
    )
    if parsed.callback_query_id and runtime.telegram is not None:
        runtime.background(runtime.telegram.answer_callback(parsed.callback_query_id))
    if not stored.duplicate:
        runtime.kick(stored.person_id)
