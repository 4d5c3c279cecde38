"""A local stand-in for Twilio's Content API (v1): create content, request WhatsApp approval, read the
approval state. Enough for `voordeur whatsapp templates sync`; approvals are decided by the test."""

from __future__ import annotations

import base64
import threading
import uuid
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.emulators.twilio_api import DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN


class ContentEmulator:
    def __init__(self, account_sid: str = DEFAULT_ACCOUNT_SID, auth_token: str = DEFAULT_AUTH_TOKEN) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.contents: dict[str, dict[str, Any]] = {}
        self.approvals: dict[str, dict[str, Any]] = {}
        self.calls: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self.app = Starlette(
            routes=[
                Route("/v1/Content", self._create, methods=["POST"]),
                Route("/v1/Content/{sid}/ApprovalRequests/whatsapp", self._submit, methods=["POST"]),
                Route("/v1/Content/{sid}/ApprovalRequests", self._approval, methods=["GET"]),
            ]
        )

    def decide(self, sid: str, status: str) -> None:
        """Meta's decision: approved, rejected, ..."""
        with self._lock:
            self.approvals[sid]["status"] = status

    def _authorised(self, request: Request) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return request.headers.get("authorization") == f"Basic {expected}"

    async def _create(self, request: Request) -> JSONResponse:
        self.calls.append(("create", ""))
        if not self._authorised(request):
            return JSONResponse({"code": 20003, "status": 401}, status_code=401)
        body = await request.json()
        if not body.get("friendly_name") or "twilio/text" not in body.get("types", {}):
            return JSONResponse({"code": 20001, "status": 400}, status_code=400)
        sid = "HX" + uuid.uuid4().hex
        with self._lock:
            self.contents[sid] = {**body, "sid": sid, "account_sid": self.account_sid}
        return JSONResponse(self.contents[sid], status_code=201)

    async def _submit(self, request: Request) -> JSONResponse:
        sid = request.path_params["sid"]
        self.calls.append(("submit", sid))
        if not self._authorised(request) or sid not in self.contents:
            return JSONResponse({"code": 20404, "status": 404}, status_code=404)
        body = await request.json()
        with self._lock:
            self.approvals[sid] = {
                "name": body.get("name"),
                "category": body.get("category"),
                "status": "received",
            }
        return JSONResponse({**self.approvals[sid], "content_type": "twilio/text"}, status_code=201)

    async def _approval(self, request: Request) -> JSONResponse:
        sid = request.path_params["sid"]
        self.calls.append(("approval", sid))
        if not self._authorised(request) or sid not in self.contents:
            return JSONResponse({"code": 20404, "status": 404}, status_code=404)
        with self._lock:
            whatsapp = dict(self.approvals.get(sid, {"status": "unsubmitted"}))
        return JSONResponse({"sid": sid, "account_sid": self.account_sid, "whatsapp": whatsapp})
