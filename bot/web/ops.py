"""Health and metrics for operators and their monitoring."""

from __future__ import annotations

import asyncio

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from bot import metrics

HEALTH_FIGURES_TIMEOUT = 3.0
# A due message waiting this long means no worker sends (or every send fails and backs off).
OUTBOX_STUCK_SECONDS = 300.0


async def healthz(request: Request) -> Response:
    """200 while this process and its database work (a load balancer keeps sending webhooks here); the
    body also says what the deployment as a whole lacks: stale workers, an outbox that stopped draining.
    Those make `status` "degraded", not a 503: a web process cannot fix a dead worker by being removed."""
    runtime = request.app.state.runtime
    ok = await runtime.healthy()
    body: dict[str, object] = {
        "status": "ok" if ok else "unavailable",
        "database": "ok" if ok else "unreachable",
        "channels": runtime.channels(),
    }
    if ok:
        try:
            figures = await asyncio.wait_for(runtime.health_figures(), HEALTH_FIGURES_TIMEOUT)
        except Exception:
            figures = None
        if figures is not None:
            body["workers"] = {"alive": figures.workers_alive, "stale": figures.workers_stale}
            body["outbox_oldest_due_seconds"] = round(figures.outbox_oldest_seconds, 1)
            body["crisis_alerts_unhandled"] = figures.crisis_unhandled
            degraded = (
                figures.workers_stale > 0
                or figures.workers_alive == 0
                or figures.outbox_oldest_seconds > OUTBOX_STUCK_SECONDS
            )
            body["status"] = "degraded" if degraded else "ok"
    return JSONResponse(body, status_code=200 if ok else 503)


async def metrics_endpoint(request: Request) -> Response:
    return Response(generate_latest(metrics.REGISTRY), media_type=CONTENT_TYPE_LATEST)
