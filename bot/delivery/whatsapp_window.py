"""WhatsApp's 24-hour window: free-form messages only within 24 hours of the person's last message.

Outside it, WhatsApp accepts only an approved template (Twilio: a Content `ContentSid` with
`ContentVariables`). VOORDEUR_WHATSAPP_TEMPLATES maps our text keys to such templates:

    {"meet_reminder": {"content_sid": "HX...", "variables": ["name", "time"]}}

`variables` names the text's parameters in the order of the template's placeholders {{1}}, {{2}}, ...
The setting is that JSON itself or the path of a .json or .toml file holding it (TOML: one table per key).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

WINDOW = timedelta(hours=24)
# A message handed to Twilio just before the window closes may reach WhatsApp just after: keep a margin.
MARGIN = timedelta(minutes=5)
_CONTENT_SID = re.compile(r"^HX[0-9a-fA-F]{32}$")


def window_open(last_inbound_at: datetime | None, now: datetime) -> bool:
    """Whether a free-form WhatsApp message may go to someone whose last message came at `last_inbound_at`."""
    return last_inbound_at is not None and now < last_inbound_at + WINDOW - MARGIN


@dataclass(frozen=True, slots=True)
class Template:
    """An approved WhatsApp template for one text key."""

    content_sid: str
    variables: tuple[str, ...] = ()

    def fill(self, params: Mapping[str, str] | None) -> dict[str, str] | None:
        """Twilio's ContentVariables ({"1": ..., "2": ...}) from the text's parameters; None when one
        is missing (the template cannot be sent then)."""
        params = params or {}
        if any(name not in params for name in self.variables):
            return None
        return {str(position): str(params[name]) for position, name in enumerate(self.variables, start=1)}


def parse_templates(raw: str) -> dict[str, Template]:
    """The setting's value: JSON, or the path of a .json or .toml file. ValueError says what is wrong."""
    raw = raw.strip()
    if not raw:
        return {}
    data: Any
    if raw.startswith("{"):
        data = _json(raw)
    else:
        path = Path(raw)
        if not path.is_file():
            raise ValueError(f"no such file {raw!r} (give JSON or the path of a .json or .toml file)")
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                raise ValueError(f"{raw}: not valid TOML ({exc})") from None
        else:
            data = _json(text)
    if not isinstance(data, dict):
        raise ValueError("must map text keys to {content_sid, variables}")
    return {str(key): _template(str(key), value) for key, value in data.items()}


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None


def _template(key: str, value: Any) -> Template:
    if not isinstance(value, dict):
        raise ValueError(f"{key}: must be an object with content_sid and variables")
    sid = value.get("content_sid")
    if not isinstance(sid, str) or not _CONTENT_SID.match(sid):
        raise ValueError(f"{key}: content_sid must be a Twilio Content SID (HX and 32 hex digits)")
    variables = value.get("variables", [])
    if not isinstance(variables, list) or not all(isinstance(name, str) and name for name in variables):
        raise ValueError(f"{key}: variables must be a list of parameter names")
    return Template(content_sid=sid, variables=tuple(variables))
