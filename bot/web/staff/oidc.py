"""OpenID Connect sign-in for municipalities that have their own identity provider
(VOORDEUR_OIDC_ISSUER, VOORDEUR_OIDC_CLIENT_ID, VOORDEUR_OIDC_CLIENT_SECRET; off when the issuer is empty).

The authorization code flow with PKCE (S256), a state and a nonce. The three random values travel in a
short-lived HttpOnly cookie of this site (SameSite=Lax, so it comes back on the provider's redirect), and
the callback compares them: a callback from someone else's sign-in, or a replayed one, is refused.

The provider vouches for an email address; the console's account with that address must exist and be
active: accounts are still made by invitation (the accounts page), never by signing in. An account that
must use a second factor (coordinators, admins, and anyone who set one up) is only let in when the ID
token's `amr` says the provider itself used a second factor (RFC 8176: "mfa", "otp", "hwk", ...);
otherwise the password and code on the login form remain the way in.

authlib builds the authorization request and checks the provider's metadata; the ID token's signature
and claims are checked with joserfc (authlib's successor for JOSE, which authlib 1.9 depends on; its own
authlib.jose is deprecated).
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from authlib.common.security import generate_token
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from authlib.oidc.discovery import OpenIDProviderMetadata
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.settings import Settings
from bot.web.staff import auth
from bot.web.staff.render import page
from bot.web.staff.views import refused, runtime_of

COOKIE = "voordeur_staff_oidc"
FLOW_SECONDS = 600
CALLBACK = "/staff/login/oidc/callback"
SCOPE = "openid email profile"
# Signatures accepted on an ID token; never "none", never a shared-secret HMAC.
ALGORITHMS = ("RS256", "PS256", "ES256")
LEEWAY_SECONDS = 60
TIMEOUT = 10.0
# RFC 8176 methods that are a second factor by themselves.
MULTI_FACTOR = frozenset({"mfa", "otp", "hwk", "swk", "sms", "tel", "fpt", "face", "iris", "retina", "vbm"})


log = logging.getLogger("voordeur.staff.oidc")


class SignInFailed(Exception):
    """The provider's answer was not a valid sign-in (the reason is for the log, never for the page)."""


@dataclass(frozen=True, slots=True)
class Provider:
    issuer: str
    client_id: str
    client_secret: str
    redirect_uri: str

    @classmethod
    def of(cls, settings: Settings) -> Provider | None:
        if not settings.voordeur_oidc_issuer:
            return None
        return cls(
            issuer=settings.voordeur_oidc_issuer,
            client_id=settings.voordeur_oidc_client_id or "",
            client_secret=settings.voordeur_oidc_client_secret or "",
            redirect_uri=f"{settings.public_base_url}{CALLBACK}",
        )


@dataclass(frozen=True, slots=True)
class SignedIn:
    email: str
    multi_factor: bool


async def metadata(client: httpx.AsyncClient, provider: Provider) -> OpenIDProviderMetadata:
    """The provider's discovery document, checked (authlib) and for this very issuer."""
    response = await client.get(provider.issuer + "/.well-known/openid-configuration")
    if response.status_code != 200:
        raise SignInFailed(f"discovery answered {response.status_code}")
    found = OpenIDProviderMetadata(response.json())
    try:
        found.validate()
    except ValueError as exc:
        raise SignInFailed(f"discovery: {exc}") from None
    if found["issuer"] != provider.issuer:
        raise SignInFailed("discovery names another issuer")
    return found


def begin(provider: Provider, found: Mapping[str, Any]) -> tuple[str, str]:
    """The provider's authorization URL and the cookie value that proves the callback is ours."""
    state, nonce, verifier = generate_token(32), generate_token(32), generate_token(64)
    url = prepare_grant_uri(
        found["authorization_endpoint"],
        provider.client_id,
        "code",
        redirect_uri=provider.redirect_uri,
        scope=SCOPE,
        state=state,
        nonce=nonce,
        code_challenge=create_s256_code_challenge(verifier),
        code_challenge_method="S256",
    )
    return url, f"{state}.{nonce}.{verifier}"


async def finish(
    client: httpx.AsyncClient,
    provider: Provider,
    found: Mapping[str, Any],
    cookie: str,
    query: Mapping[str, str],
    now: datetime,
) -> SignedIn:
    """Check the callback against the cookie, exchange the code, verify the ID token."""
    parts = cookie.split(".")
    if len(parts) != 3 or not all(parts):
        raise SignInFailed("no sign-in under way")
    state, nonce, verifier = parts
    if "error" in query:
        raise SignInFailed("the provider refused")
    if not hmac.compare_digest(query.get("state", "").encode(), state.encode()) or not query.get("code"):
        raise SignInFailed("state does not match")
    answer = await client.post(
        found["token_endpoint"],
        auth=(provider.client_id, provider.client_secret),
        data={
            "grant_type": "authorization_code",
            "code": query["code"],
            "redirect_uri": provider.redirect_uri,
            "code_verifier": verifier,
        },
        headers={"Accept": "application/json"},
    )
    if answer.status_code != 200:
        raise SignInFailed(f"token endpoint answered {answer.status_code}")
    id_token = answer.json().get("id_token")
    if not isinstance(id_token, str):
        raise SignInFailed("no id_token")
    keys = await client.get(found["jwks_uri"])
    if keys.status_code != 200:
        raise SignInFailed(f"jwks answered {keys.status_code}")
    try:
        token = jwt.decode(id_token, KeySet.import_key_set(keys.json()), algorithms=list(ALGORITHMS))
        jwt.JWTClaimsRegistry(
            now=int(now.timestamp()),
            leeway=LEEWAY_SECONDS,
            iss={"essential": True, "value": provider.issuer},
            aud={"essential": True, "value": provider.client_id},
            nonce={"essential": True, "value": nonce},
            exp={"essential": True},
            sub={"essential": True},
        ).validate(token.claims)
    except (JoseError, ValueError) as exc:
        raise SignInFailed(f"id_token: {type(exc).__name__}") from None
    claims = token.claims
    audience = claims.get("aud")
    if isinstance(audience, list) and len(audience) > 1 and claims.get("azp") != provider.client_id:
        raise SignInFailed("id_token: for another client")
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email or claims.get("email_verified") is False:
        raise SignInFailed("id_token: no verified email")
    methods = claims.get("amr") or []
    methods = {m for m in methods if isinstance(m, str)} if isinstance(methods, list) else set()
    return SignedIn(email=email.strip().lower(), multi_factor=bool(MULTI_FACTOR & methods))


def http_client() -> httpx.AsyncClient:
    """A client for the provider's endpoints (tests mock them with respx)."""
    return httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False)


# --- the console's routes -------------------------------------------------------------------------------


async def start(request: Request) -> Response:
    """GET /staff/login/oidc: off to the provider (a plain link on the login page; no JavaScript)."""
    runtime = runtime_of(request)
    provider = Provider.of(runtime.settings)
    if provider is None:
        return refused(request, None, 404, "error_not_found")
    try:
        async with http_client() as client:
            found = await metadata(client, provider)
    except (SignInFailed, httpx.HTTPError, ValueError) as exc:
        log.warning("staff sign-in through the provider failed", extra={"reason": _reason(exc)})
        return _login_again(request, "oidc_failed")
    url, cookie = begin(provider, found)
    response = RedirectResponse(url, status_code=303)
    auth.set_cookie(response, runtime, COOKIE, cookie, FLOW_SECONDS)
    return response


async def callback(request: Request) -> Response:
    """GET /staff/login/oidc/callback: the provider's answer; a session, or the login page saying why."""
    runtime = runtime_of(request)
    provider = Provider.of(runtime.settings)
    if provider is None:
        return refused(request, None, 404, "error_not_found")
    query = {key: value[:2000] for key, value in request.query_params.items()}
    try:
        async with http_client() as client:
            found = await metadata(client, provider)
            signed_in = await finish(
                client, provider, found, request.cookies.get(COOKIE, ""), query, runtime.clock()
            )
        token = await auth.provider_log_in(
            runtime, signed_in.email, auth.client_ip(request), signed_in.multi_factor
        )
    except auth.LoginRefused as refusal:
        log.info("staff sign-in through the provider refused", extra={"reason": refusal.reason})
        return _login_again(request, refusal.reason)
    except (SignInFailed, httpx.HTTPError, ValueError) as exc:
        log.warning("staff sign-in through the provider failed", extra={"reason": _reason(exc)})
        return _login_again(request, "oidc_failed")
    response = RedirectResponse("/staff/", status_code=303)
    auth.set_cookie(response, runtime, auth.SESSION_COOKIE, token, int(auth.SESSION_TTL.total_seconds()))
    response.delete_cookie(COOKIE, path="/staff")
    return response


def _reason(exc: Exception) -> str:
    """What went wrong, for the log: our own words or the exception's type, never a token or address."""
    return str(exc) if isinstance(exc, SignInFailed) else type(exc).__name__


def _login_again(request: Request, reason: str) -> Response:
    """The login form, saying why the sign-in through the provider did not work."""
    runtime = runtime_of(request)
    fresh = secrets.token_urlsafe(24)
    response = page(request, "login.html", None, status_code=401, login_csrf=fresh, failed=reason, oidc=True)
    auth.set_cookie(response, runtime, auth.LOGIN_CSRF_COOKIE, fresh, 3600)
    response.delete_cookie(COOKIE, path="/staff")
    return response
