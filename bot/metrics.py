"""Prometheus metrics. Labels are channels, outcomes and reasons: never numbers, chat ids or texts."""

from __future__ import annotations

import functools
from typing import Any, TypeVar

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

INBOUND = Counter(
    "voordeur_inbound_messages_total",
    "Inbound messages by channel; result is stored or duplicate (a provider retry).",
    ["channel", "result"],
    registry=REGISTRY,
)
INBOUND_SET_ASIDE = Counter(
    "voordeur_inbound_set_aside_total",
    "Inbound messages that broke their batch on their own: marked message_failed and raised to staff.",
    registry=REGISTRY,
)
WEBHOOK_REJECTED = Counter(
    "voordeur_webhook_rejected_total",
    "Webhook requests refused, by route and HTTP status.",
    ["route", "status"],
    registry=REGISTRY,
)
OUTBOUND = Counter(
    "voordeur_outbound_messages_total",
    "Send attempts by channel and outcome (sent, retry, failed, unknown, cancelled).",
    ["channel", "outcome"],
    registry=REGISTRY,
)
RESENT_AFTER_UNKNOWN = Counter(
    "voordeur_resent_after_unknown_total",
    "Sends repeated because the first attempt's outcome was unknown (a crash or a timeout after the request"
    " left) and the provider could not confirm it: each one may have reached the person twice.",
    ["channel"],
    registry=REGISTRY,
)
SEND_FAILURES = Counter(
    "voordeur_send_failures_total",
    "Permanent send failures by channel and reason (e.g. twilio:21610, telegram:forbidden).",
    ["channel", "reason"],
    registry=REGISTRY,
)
WORKERS_ALIVE = Gauge(
    "voordeur_workers_alive",
    "Workers whose heartbeat row is fresh (storage/health.py).",
    registry=REGISTRY,
)
WORKERS_STALE = Gauge(
    "voordeur_workers_stale",
    "Workers whose heartbeat stopped over a minute ago without a clean stop (dead or hung).",
    registry=REGISTRY,
)
OUTBOX_OLDEST_SECONDS = Gauge(
    "voordeur_outbox_oldest_due_seconds",
    "How long the oldest due, unsent outbox row has waited: grows when the outbox stops draining.",
    registry=REGISTRY,
)
CRISIS_UNHANDLED = Gauge(
    "voordeur_crisis_alerts_unhandled",
    "Crisis alerts no staff member has resolved within 15 minutes.",
    registry=REGISTRY,
)
QUEUE_DEPTH = Gauge(
    "voordeur_outbox_queue_depth",
    "Outbox rows waiting to be sent (pending or awaiting reconciliation).",
    registry=REGISTRY,
)
WEBHOOK_SECONDS = Histogram(
    "voordeur_webhook_seconds",
    "Time to store an inbound webhook and answer it.",
    ["route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
    registry=REGISTRY,
)
FLOW_STEP_SECONDS = Histogram(
    "voordeur_flow_step_seconds",
    "Time of one pure flow step.",
    buckets=(0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05),
    registry=REGISTRY,
)
REPLY_LATENCY_SECONDS = Histogram(
    "voordeur_reply_latency_seconds",
    "From the outbox row's creation to the provider accepting it.",
    ["channel"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
    registry=REGISTRY,
)
OUTBOX_TAKEN = Counter(
    "voordeur_outbox_taken_total",
    "Outbox rows this process's sender took, by path: born (claimed in the engine's transaction, free"
    " address), behind (born behind its address's row in this sender's lane), left (inserted pending:"
    " another row in the way), no_room (inserted pending: the sender holds its most), claimed (taken by"
    " the claim query), given_back (born behind a lane that then stopped).",
    ["path"],
    registry=REGISTRY,
)


MetricT = TypeVar("MetricT", Counter, Gauge, Histogram)


def labelled(metric: MetricT, *values: str) -> MetricT:
    """`metric.labels(*values)`, the child kept: prometheus_client checks the values and takes a lock on
    every `labels()` call, and the sender and ingest ask for the same few children per message. The
    label values are a small closed set (channels, outcomes, reasons), so the cache stays small."""
    return _child(metric, values)  # type: ignore[no-any-return]


@functools.cache
def _child(metric: Any, values: tuple[str, ...]) -> Any:
    return metric.labels(*values)
