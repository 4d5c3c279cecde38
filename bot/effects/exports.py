"""EXPORT: the one-time download link (the effect that makes it, the page that serves it once)."""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from bot.effects.mailbox import EffectContext
from flows import catalogue
from storage import exports

log = logging.getLogger("voordeur.exports")

# The page runs no script and loads nothing; its one form posts back to itself.
PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
NO_STORE = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer"}


async def create_link(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    """Without PUBLIC_BASE_URL there is no address to send: the flow says so and offers a person."""
    url = ""
    if ctx.public_base_url:
        token = await exports.create_link(ctx.session, ctx.person.id, ctx.now)
        url = f"{ctx.public_base_url}/export/{token}"
    key = f"export_link:{ctx.person.id}:{ctx.now.timestamp()}"
    await ctx.touched.post(ctx.session, ctx.person.id, "export_link", {"url": url}, ctx.now, key)


def _expired() -> Response:
    text = "\n\n".join(catalogue.message("export_expired", language) for language in catalogue.LANGUAGES)
    return PlainTextResponse(text, status_code=404, headers=NO_STORE)


async def page(request: Request) -> Response:
    """GET /export/{token}: a page with a download button; never spends the link.

    Link-preview fetchers (Telegram's, WhatsApp clients', SMS link scanners) open links with a GET; they
    must neither use the link up nor receive the data. Only the button, a POST, does either. Unknown,
    used or expired: 404, the same answer for each, so a guess learns nothing.
    """
    runtime = request.app.state.runtime
    token = request.path_params["token"]
    async with runtime.sessions() as session:
        valid = await exports.is_open(session, token, runtime.clock())
    if not valid:
        return _expired()
    sections = "".join(
        f'<section lang="{language}"><h1>{_html(catalogue.message("export_page_title", language))}</h1>'
        f"<p>{_html(catalogue.message('export_page_intro', language))}</p>"
        f'<form method="post"><button type="submit">'
        f"{_html(catalogue.message('export_page_button', language))}</button></form></section>"
        for language in catalogue.LANGUAGES
    )
    document = (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>{_html(catalogue.message('export_page_title', catalogue.DEFAULT_LANGUAGE))}</title>"
        f"</head><body>{sections}</body></html>"
    )
    headers = {**NO_STORE, "Content-Security-Policy": PAGE_POLICY}
    return HTMLResponse(document, headers=headers)


async def download(request: Request) -> Response:
    """POST /export/{token} (the page's button): the person's data as a JSON file, once."""
    runtime = request.app.state.runtime
    token = request.path_params["token"]
    now = runtime.clock()
    async with runtime.sessions() as session, session.begin():
        person_id = await exports.redeem(session, token, now)
        document = await exports.document(session, person_id, now) if person_id is not None else None
    if document is None:
        return _expired()
    log.info("export downloaded", extra={"person_id": person_id})
    body = json.dumps(document, ensure_ascii=False, indent=1)
    headers = {**NO_STORE, "Content-Disposition": 'attachment; filename="voordeur-gegevens.json"'}
    return Response(body, media_type="application/json; charset=utf-8", headers=headers)


def _html(text: str) -> str:
    return html.escape(text, quote=True)
