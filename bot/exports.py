"""EXPORT: the one-time download link (the effect that makes it, the page that serves it once)."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.mailbox import EffectContext
from flows import catalogue
from storage import exports

log = logging.getLogger("voordeur.exports")

NO_STORE = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer"}


async def create_link(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    """Without PUBLIC_BASE_URL there is no address to send: the flow says so and offers a person."""
    url = ""
    if ctx.public_base_url:
        token = await exports.create_link(ctx.session, ctx.person.id, ctx.now)
        url = f"{ctx.public_base_url}/export/{token}"
    key = f"export_link:{ctx.person.id}:{ctx.now.timestamp()}"
    await ctx.touched.post(ctx.session, ctx.person.id, "export_link", {"url": url}, ctx.now, key)


async def download(request: Request) -> Response:
    """GET /export/{token}: the person's data as a JSON file, once. Unknown, used or expired: 404, the
    same answer for each, so a guess learns nothing."""
    runtime = request.app.state.runtime
    token = request.path_params["token"]
    now = runtime.clock()
    async with runtime.sessions() as session, session.begin():
        person_id = await exports.redeem(session, token, now)
        document = await exports.document(session, person_id, now) if person_id is not None else None
    if document is None:
        text = "\n\n".join(catalogue.message("export_expired", language) for language in catalogue.LANGUAGES)
        return PlainTextResponse(text, status_code=404, headers=NO_STORE)
    log.info("export downloaded", extra={"person_id": person_id})
    body = json.dumps(document, ensure_ascii=False, indent=1)
    headers = {**NO_STORE, "Content-Disposition": 'attachment; filename="voordeur-gegevens.json"'}
    return Response(body, media_type="application/json; charset=utf-8", headers=headers)
