"""Structured logs: JSON lines when not on a terminal, readable lines on one.

Log records carry ids (inbound_id, outbox_id, person_id), channels, outcomes and reasons. Never a phone
number, chat id, name or message body: code passes only such ids in `extra`, and the formatter drops
any extra field not on the allow-list, so a careless `extra={"text": ...}` cannot leak.
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

SAFE_FIELDS = frozenset(
    {
        "inbound_id",
        "outbox_id",
        "person_id",
        "channel",
        "outcome",
        "reason",
        "attempt",
        "count",
        "route",
        "status",
        "duplicate",
        "channels",
        "worker",
        "request_id",
        "host",
        "port",
        "url",
        "event_id",
        "kind",
    }
)


# The id of the HTTP request being handled (bot/web/app.py sets it); background work the request starts
# inherits it, so a webhook, its flow step and its reply share one id in the logs.
REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)


_make_record = logging.getLogRecordFactory()


def _record_with_request_id(*args: Any, **kwargs: Any) -> logging.LogRecord:
    """Stamp the request id when a record is made: formatting may happen later, outside the request."""
    record = _make_record(*args, **kwargs)
    request_id = REQUEST_ID.get()
    if request_id is not None and not hasattr(record, "request_id"):
        record.request_id = request_id
    return record


logging.setLogRecordFactory(_record_with_request_id)


def safe_exception(exc_info: Any) -> str:
    """A traceback without the exception's message: where it failed and what kind of error, never the
    text (Python's own errors quote their input: int("Mijn nummer is 06..."), KeyError(name), and a
    database error quotes the data it refused)."""
    kind, _value, tb = exc_info
    frames = "".join(traceback.format_tb(tb)) if tb is not None else ""
    name = kind.__qualname__ if kind is not None else "Exception"
    return f"Traceback (most recent call last):\n{frames}{name} (message withheld)"


def _extras(record: logging.LogRecord) -> dict[str, object]:
    return {key: value for key, value in record.__dict__.items() if key in SAFE_FIELDS}


class JsonFormatter(logging.Formatter):
    def formatException(self, ei: Any) -> str:
        return safe_exception(ei)

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            **_extras(record),
        }
        if record.exc_info:
            entry["exception"] = safe_exception(record.exc_info)
        return _ENCODER.encode(entry)


# Built once (json.dumps with options builds an encoder per call): a record per message and per send.
_ENCODER = json.JSONEncoder(default=str, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    def formatException(self, ei: Any) -> str:
        return safe_exception(ei)

    def format(self, record: logging.LogRecord) -> str:
        extras = " ".join(f"{key}={value}" for key, value in sorted(_extras(record).items()))
        line = f"{record.levelname.lower():7} {record.name}: {record.getMessage()}"
        line = f"{line}  {extras}" if extras else line
        if record.exc_info:
            line += "\n" + safe_exception(record.exc_info)
        return line


def configure(log_format: str = "auto", level: int = logging.INFO) -> None:
    use_json = log_format == "json" or (log_format == "auto" and not sys.stderr.isatty())
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if use_json else TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # The formatters write no caller's file and line, thread or process: not looking them up for each
    # record (a stack walk, the current thread and process) takes a sixth off a record's cost.
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    logging._srcfile = None
    # Libraries that log request URLs or bodies at INFO/DEBUG would leak tokens or numbers.
    # aiosqlite logs every statement with its parameters at DEBUG (numbers, names, message texts).
    for noisy in ("httpx", "httpcore", "twilio", "telegram", "apscheduler", "uvicorn.access", "aiosqlite"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
