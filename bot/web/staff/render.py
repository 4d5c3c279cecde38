"""Pages: jinja2 templates in bot/web/templates/staff, texts from the console's own catalogue.

The console's words (texts.toml next to this file, Dutch and English side by side) are web texts for
staff, not chat texts: what a person receives stays in flows/texts.toml.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from bot.web.staff.auth import Staff
from bot.web.staff.words import word

TEXTS_FILE = Path(__file__).with_name("texts.toml")
TEMPLATES = Path(__file__).parents[1] / "templates" / "staff"
LANGUAGES = ("nl", "en")
LANG_COOKIE = "voordeur_staff_lang"


@cache
def texts() -> Mapping[str, Mapping[str, str]]:
    with TEXTS_FILE.open("rb") as handle:
        return tomllib.load(handle)


def text(key: str, language: str, **params: Any) -> str:
    entry = texts().get(key)
    if entry is None or language not in entry:
        raise KeyError(f"staff text {key}/{language}")
    return entry[language].format(**params) if params else entry[language]


def language_of(request: Request) -> str:
    chosen = request.cookies.get(LANG_COOKIE, "nl")
    return chosen if chosen in LANGUAGES else "nl"


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page(
    request: Request,
    template: str,
    staff: Staff | None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    language = language_of(request)
    zone = ZoneInfo(request.app.state.runtime.settings.voordeur_timezone)

    def local(moment: datetime | None, fmt: str = "%d-%m %H:%M") -> str:
        return moment.astimezone(zone).strftime(fmt) if moment is not None else ""

    html = (
        environment()
        .get_template(template)
        .render(
            t=lambda key, **params: text(key, language, **params),
            has=lambda key: key in texts(),
            w=lambda group, code: word(group, code, language),
            lang=language,
            staff=staff,
            csrf=staff.csrf_token if staff is not None else "",
            local=local,
            path=request.url.path,
            **context,
        )
    )
    response = HTMLResponse(html, status_code=status_code)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'"
    )
    response.headers["Referrer-Policy"] = "same-origin"
    return response
