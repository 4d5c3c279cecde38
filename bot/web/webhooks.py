"""Provider webhooks: verify at the edge, store once, answer 200, then let the engine work.

Failing verification answers 403 and stores nothing. Whatever a sender can send gets a 4xx at worst.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from urllib.parse import parse_qsl

from bot import metrics
from bot import tenants as tenant_config
from bot.channels import telegram, twilio
from bot.channels.base import AddressBlocked, Ignored, InboundMessage
from bot.runtime import Runtime
from bot.web.edge import PLAIN, XML, Answer, Incoming
from bot.web.requests import BadRequest, parse_form, parse_json_object

log = logging.getLogger("voordeur.webhooks")

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
# What PTB and our parser raise for a well-formed JSON object with fields of the wrong type or range.
_PARSER_ERRORS = (TypeError, AttributeError, KeyError, OverflowError, OSError, RecursionError)
# Outbox ids are 64-bit on PostgreSQL; anything else in `?o=` is not one of ours.
_MAX_ID = 2**63 - 1


def _reject(route: str, status: int, reason: str) -> Answer:
    metrics.WEBHOOK_REJECTED.labels(route, str(status)).inc()
    log.info("webhook rejected", extra={"route": route, "status": status, "reason": reason})
    return Answer(status, reason.encode(), PLAIN)


_OK = Answer(200, b"ok", PLAIN)
_TWIML = Answer(200, EMPTY_TWIML.encode(), XML)
_TELEGRAM_SECONDS = metrics.WEBHOOK_SECONDS.labels("telegram")
_TWILIO_SECONDS = metrics.WEBHOOK_SECONDS.labels("twilio_messages")


async def telegram_webhook(runtime: Runtime, request: Incoming) -> Answer:
    route = "telegram"
    started = time.perf_counter()
    if not runtime.telegram_bots:
        return _reject(route, 404, "telegram channel is off")
    # The secret header says which tenant's bot this update came to (compared with every tenant's).
    given = request.header(b"x-telegram-bot-api-secret-token")
    tenant = runtime.tenants.by_telegram_secret(given)
    adapter = runtime.telegram_bots.get(tenant.key) if tenant is not None else None
    if tenant is None or adapter is None:
        return _reject(route, 403, "bad secret token")
    try:
        data = parse_json_object(await request.body(runtime.settings.voordeur_max_body_bytes))
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
    await _accept(runtime, _for_tenant(parsed, tenant.key))
    _TELEGRAM_SECONDS.observe(time.perf_counter() - started)
    return _OK


async def twilio_messages_webhook(runtime: Runtime, request: Incoming) -> Answer:
    route = "twilio_messages"
    started = time.perf_counter()
    verified = await _verified_twilio_form(request, runtime, route, _tenant_by_number)
    if isinstance(verified, Answer):
        return verified
    form, tenant = verified
    try:
        parsed = twilio.parse_inbound(form)
    except ValueError:
        return _reject(route, 400, "not a twilio message")
    await _accept(runtime, _for_tenant(parsed, tenant.key))
    _TWILIO_SECONDS.observe(time.perf_counter() - started)
    return _TWIML


async def twilio_status_webhook(runtime: Runtime, request: Incoming) -> Answer:
    route = "twilio_status"
    verified = await _verified_twilio_form(request, runtime, route, _tenant_by_account)
    if isinstance(verified, Answer):
        return verified
    try:
        status = twilio.parse_status(verified[0])
    except ValueError:
        return _reject(route, 400, "not a twilio status callback")
    query = dict(parse_qsl(request.query, keep_blank_values=True))  # as Starlette's query_params
    await runtime.record_delivery(status, _outbox_id(query.get("o")))
    return _TWIML


def _outbox_id(value: str | None) -> int | None:
    """The outbox id our status callback URL carries (`?o=123`), or None if it is not a plausible one.

    Strict ASCII digits ("²".isdigit() is True but int() refuses it) and within a 64-bit id: a larger
    number would make the database query fail with a 500.
    """
    if not value or not (value.isascii() and value.isdigit()) or len(value) > 19:
        return None
    number = int(value)
    return number if 0 < number <= _MAX_ID else None


TenantFinder = Callable[[Runtime, dict[str, str]], Awaitable["tenant_config.Tenant | None"]]


async def _tenant_by_number(runtime: Runtime, form: dict[str, str]) -> tenant_config.Tenant | None:
    """The tenant that owns the number the message was sent to (`To`). With one Twilio tenant only, that
    tenant, whatever `To` says (a single-tenant deployment works as it always did)."""
    found = runtime.tenants.by_twilio_number(form.get("To", ""))
    return found if found is not None else _only_twilio_tenant(runtime)


async def _tenant_by_account(runtime: Runtime, form: dict[str, str]) -> tenant_config.Tenant | None:
    """A status callback's tenant: the one whose Twilio account sent the message (`AccountSid`; tenants
    sharing an account share its auth token), else the tenant of the outbox row the callback names."""
    by_account = runtime.tenants.by_account_sid(form.get("AccountSid", ""))
    if by_account:
        return by_account[0]
    sid = form.get("MessageSid", "")
    key = await runtime.tenant_of_sent(sid) if sid else None
    if key is not None:
        return runtime.tenants.get(key)
    return _only_twilio_tenant(runtime)


def _only_twilio_tenant(runtime: Runtime) -> tenant_config.Tenant | None:
    with_twilio = [tenant for tenant in runtime.tenants if tenant.twilio is not None]
    return with_twilio[0] if len(with_twilio) == 1 else None


async def _verified_twilio_form(
    request: Incoming, runtime: Runtime, route: str, find_tenant: TenantFinder
) -> tuple[dict[str, str], tenant_config.Tenant] | Answer:
    """The form and its tenant, once its X-Twilio-Signature matches that tenant's auth token.

    Twilio signs the URL it called: behind a TLS proxy that is PUBLIC_BASE_URL + path (+ query), not the
    URL this process sees, so we rebuild it from the setting. The form is read before it is verified
    only to find whose token to verify it with; nothing in it is used or stored unless it verifies.
    """
    settings = runtime.settings
    if not runtime.twilio_accounts or not settings.public_base_url:
        return _reject(route, 404, "twilio channels are off")
    try:
        body = await request.body(settings.voordeur_max_body_bytes)
        form = parse_form(request.header(b"content-type"), body)
    except BadRequest as exc:
        return _reject(route, exc.status, exc.reason)
    tenant = await find_tenant(runtime, form)
    if tenant is None or tenant.twilio is None:
        return _reject(route, 403, "unknown number")
    # As Starlette's request.url.path: these characters are escaped there.
    url = settings.public_base_url + request.path.replace("?", "%3F").replace("#", "%23").replace("\\", "%5C")
    if request.query:
        url += "?" + request.query
    signature = request.header(b"x-twilio-signature")
    if not signature or not twilio.valid_signature(tenant.twilio.auth_token, url, form, signature):
        return _reject(route, 403, "bad signature")
    return form, tenant


def _for_tenant(
    parsed: InboundMessage | AddressBlocked | Ignored, tenant: str
) -> InboundMessage | AddressBlocked | Ignored:
    return parsed if isinstance(parsed, Ignored) else replace(parsed, tenant=tenant)


async def _accept(runtime: Runtime, parsed: InboundMessage | AddressBlocked | Ignored) -> None:
    """Store what deserves storing (committed before we answer), then hand it to the engine."""
    if isinstance(parsed, Ignored):
        log.info("update ignored", extra={"reason": parsed.reason})
        return
    if isinstance(parsed, AddressBlocked):
        await runtime.engine.mark_blocked(parsed.channel, parsed.address, "blocked_bot", parsed.tenant)
        return
    stored = await runtime.engine.store(parsed)
    # The stored row is the record; a line per message (ids only, but who wrote when) is a trail
    # outside erasure's reach and a tenth of a message's logging work: only when asked for (debug).
    log.debug(
        "inbound stored",
        extra={
            "channel": parsed.channel,
            "inbound_id": stored.inbound_id,
            "person_id": stored.person_id,
            "duplicate": stored.duplicate,
        },
    )
    bot = runtime.telegram_bots.get(parsed.tenant)
    if parsed.callback_query_id and bot is not None:
        runtime.background(bot.answer_callback(parsed.callback_query_id))
    if not stored.duplicate:
        runtime.kick(stored.person_id)
