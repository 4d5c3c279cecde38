"""WhatsApp templates as part of the product: which texts may open a conversation, their approved
wording (flows/whatsapp_templates.toml), and their creation at Twilio through the Content API.

`sync` is idempotent: a template without a recorded ContentSid is created and submitted for WhatsApp
approval; one with a ContentSid has its approval state fetched. Everything is recorded in
`whatsapp_templates` (text key, language, ContentSid, state), and the outbox sender uses the approved
ones outside the 24-hour window (bot/delivery/sender.py), with VOORDEUR_WHATSAPP_TEMPLATES still taking
precedence for an operator who manages templates elsewhere.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from flows import catalogue
from storage import whatsapp_templates as recorded

DEFAULT_CONTENT_BASE_URL = "https://content.twilio.com"
TEMPLATES_FILE = Path(catalogue.__file__).with_name("whatsapp_templates.toml")
_PLACEHOLDER = re.compile(r"\{\{(\d+)\}\}")


@dataclass(frozen=True, slots=True)
class Wording:
    """One text that may open a conversation, in one language."""

    text_key: str
    language: str
    category: str
    variables: tuple[str, ...]
    body: str

    @property
    def friendly_name(self) -> str:
        """Twilio's name for it (lower case, digits, underscores), unique per key and language."""
        return f"voordeur_{self.text_key}_{self.language}"


def load(path: Path = TEMPLATES_FILE) -> list[Wording]:
    """Every template wording, checked: each text key exists, placeholders run 1..n for n variables,
    each variable is a parameter of the chat text, no template starts or ends with a placeholder."""
    data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    found = []
    for key, entry in data.items():
        variables = tuple(entry.get("variables", ()))
        for language in catalogue.LANGUAGES:
            if language not in entry and language not in catalogue.COMPLETE_LANGUAGES:
                # No wording of its own (yet): the sender falls back to the Dutch template.
                continue
            body = entry[language]
            numbers = sorted({int(n) for n in _PLACEHOLDER.findall(body)})
            if numbers != list(range(1, len(variables) + 1)):
                raise ValueError(f"{key}.{language}: placeholders {numbers} do not match {list(variables)}")
            stripped = body.strip()
            if stripped.startswith("{{") or stripped.endswith("}}"):
                raise ValueError(f"{key}.{language}: WhatsApp refuses a variable at the start or end")
            chat_text = catalogue.template(key, language)
            missing = [name for name in variables if "{" + name + "}" not in chat_text]
            if missing:
                raise ValueError(f"{key}: {missing} are not parameters of the text")
            found.append(Wording(key, language, str(entry.get("category", "UTILITY")), variables, body))
    return found


class ContentApiError(Exception):
    """Twilio's Content API refused or could not be reached (the message names the status only)."""


class ContentApi:
    """The few Content API calls `sync` needs, over httpx (the twilio SDK's Content client cannot be
    pointed at TWILIO_CONTENT_BASE_URL, which the tests' emulator needs)."""

    def __init__(self, base_url: str, account_sid: str, auth_token: str, *, timeout: float = 15.0) -> None:
        self._client = httpx.AsyncClient(
            base_url=base_url.rstrip("/"), auth=(account_sid, auth_token), timeout=timeout
        )

    async def create(self, wording: Wording) -> str:
        body = {
            "friendly_name": wording.friendly_name,
            "language": wording.language,
            "variables": {str(n): name for n, name in enumerate(wording.variables, start=1)},
            "types": {"twilio/text": {"body": wording.body}},
        }
        created = await self._call("POST", "/v1/Content", json=body)
        return str(created["sid"])

    async def submit(self, sid: str, wording: Wording) -> str:
        answer = await self._call(
            "POST",
            f"/v1/Content/{sid}/ApprovalRequests/whatsapp",
            json={"name": wording.friendly_name, "category": wording.category},
        )
        return str(answer.get("status", "received"))

    async def approval(self, sid: str) -> str:
        answer = await self._call("GET", f"/v1/Content/{sid}/ApprovalRequests")
        whatsapp = answer.get("whatsapp") or {}
        return str(whatsapp.get("status") or "unsubmitted")

    async def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = await self._client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise ContentApiError(type(exc).__name__) from None
        if response.status_code >= 400:
            raise ContentApiError(f"HTTP {response.status_code} for {method} {path}")
        data: dict[str, Any] = response.json()
        return data

    async def aclose(self) -> None:
        await self._client.aclose()


async def sync(session: AsyncSession, api: ContentApi, wordings: list[Wording], now: datetime) -> None:
    """Create what is missing, refresh the approval state of what exists; record both."""
    known = {(row.text_key, row.language): row for row in await recorded.all_rows(session)}
    for wording in wordings:
        row = known.get((wording.text_key, wording.language))
        if row is not None and row.body == wording.body:
            status = await api.approval(row.content_sid)
            await recorded.record(
                session, wording.text_key, wording.language, row.content_sid, status, row.body, now
            )
            continue
        # New, or its wording changed: approved templates cannot be edited, so a new one is made.
        sid = await api.create(wording)
        status = await api.submit(sid, wording)
        await recorded.record(session, wording.text_key, wording.language, sid, status, wording.body, now)


async def print_list(session: AsyncSession, wordings: list[Wording], out: TextIO) -> None:
    known = {(row.text_key, row.language): row for row in await recorded.all_rows(session)}
    for wording in wordings:
        row = known.get((wording.text_key, wording.language))
        state = "not synced" if row is None else f"{row.content_sid} {row.status}"
        if row is not None and row.body != wording.body:
            state += " (wording changed: sync again)"
        names = ", ".join(wording.variables) or "-"
        out.write(f"{wording.text_key} [{wording.language}] {wording.category}: {state}\n")
        out.write(f"    variables: {names}\n    {wording.body}\n")
