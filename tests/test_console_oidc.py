"""Sign-in through the municipality's OpenID Connect provider (bot/web/staff/oidc.py), against a fake
provider (respx: discovery, token endpoint, JWKS) that signs real RS256 ID tokens and checks the PKCE
verifier, the client's credentials and the redirect URI like a real one.

In: an active account by its verified email; a coordinator only when the provider reports a second
factor (`amr`). Out: an unknown or deactivated account, a coordinator without the provider's second
factor, a forged state, a token signed by another key, for another client, with another nonce, or
expired. Off when VOORDEUR_OIDC_ISSUER is empty."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import respx
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from sqlalchemy import select

from bot.runtime import Runtime
from bot.settings import SettingsError
from bot.web.app import create_app
from storage.models import StaffAccount, StaffLoginAttempt
from tests.conftest import FixedClock, make_settings
from tests.staff_support import add_account

PUBLIC = "https://voordeur.example.nl"
ISSUER = "https://login.gemeente.test/realms/staff"
CLIENT, SECRET = "voordeur-console", "client-secret-for-tests"
MIRA, ANNA = "mira@example.nl", "anna@example.nl"
_codes = itertools.count(1)


class FakeProvider:
    """The provider's side: a sign-in at `sign_in` gives a code; the token endpoint trades it once."""

    def __init__(self, clock: FixedClock) -> None:
        self.clock = clock
        self.key = RSAKey.generate_key(2048, parameters={"kid": "k1", "use": "sig"})
        self.codes: dict[str, tuple[dict[str, Any], str, str]] = {}
        self.token_calls = 0

    def metadata(self) -> dict[str, Any]:
        return {
            "issuer": ISSUER,
            "authorization_endpoint": f"{ISSUER}/protocol/openid-connect/auth",
            "token_endpoint": f"{ISSUER}/protocol/openid-connect/token",
            "jwks_uri": f"{ISSUER}/protocol/openid-connect/certs",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
        }

    def sign_in(self, authorize_url: str, email: str, **claims: Any) -> str:
        """The person signs in at the provider: returns the callback's query (code and state)."""
        asked = {k: v[0] for k, v in parse_qs(urlsplit(authorize_url).query).items()}
        assert authorize_url.startswith(self.metadata()["authorization_endpoint"] + "?")
        assert asked["client_id"] == CLIENT and asked["response_type"] == "code"
        assert asked["redirect_uri"] == PUBLIC + "/staff/login/oidc/callback"
        assert asked["code_challenge_method"] == "S256" and "openid" in asked["scope"].split()
        now = int(self.clock().timestamp())
        payload = {
            "iss": ISSUER,
            "aud": CLIENT,
            "sub": f"user-{email}",
            "iat": now,
            "exp": now + 300,
            "nonce": asked["nonce"],
            "email": email,
            "email_verified": True,
            "amr": ["pwd"],
        }
        payload.update(claims)
        code = f"code-{next(_codes)}"
        self.codes[code] = (payload, asked["code_challenge"], asked["redirect_uri"])
        return f"code={code}&state={asked['state']}"

    def id_token(self, payload: dict[str, Any], key: RSAKey | None = None) -> str:
        return jwt.encode({"alg": "RS256", "kid": "k1"}, payload, key or self.key)

    def token(self, request: httpx.Request) -> httpx.Response:
        self.token_calls += 1
        credentials = base64.b64encode(f"{CLIENT}:{SECRET}".encode()).decode()
        if request.headers.get("Authorization") != f"Basic {credentials}":
            return httpx.Response(401, json={"error": "invalid_client"})
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        found = self.codes.pop(form.get("code", ""), None)
        if found is None:
            return httpx.Response(400, json={"error": "invalid_grant"})
        payload, challenge, redirect_uri = found
        verifier = form.get("code_verifier", "")
        made = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if made != challenge or form.get("redirect_uri") != redirect_uri:
            return httpx.Response(400, json={"error": "invalid_grant"})
        forged = payload.pop("_forged_key", None)
        body = {"access_token": "at", "token_type": "Bearer", "id_token": self.id_token(payload, forged)}
        return httpx.Response(200, json=body)


@pytest.fixture
def provider(clock: FixedClock) -> Iterator[FakeProvider]:
    fake = FakeProvider(clock)
    with respx.mock(assert_all_mocked=True, assert_all_called=False) as router:
        router.get(f"{ISSUER}/.well-known/openid-configuration").respond(json=fake.metadata())
        router.post(fake.metadata()["token_endpoint"]).mock(side_effect=fake.token)
        router.get(fake.metadata()["jwks_uri"]).respond(json=KeySet([fake.key]).as_dict(private=False))
        yield fake


@pytest.fixture
async def oidc_runtime(database_url: str, clock: FixedClock) -> AsyncIterator[Runtime]:
    settings = make_settings(
        database_url,
        PUBLIC_BASE_URL=PUBLIC,
        VOORDEUR_OIDC_ISSUER=ISSUER,
        VOORDEUR_OIDC_CLIENT_ID=CLIENT,
        VOORDEUR_OIDC_CLIENT_SECRET=SECRET,
    )
    instance = Runtime(settings, clock=clock)
    yield instance
    await instance.close()


@pytest.fixture
async def client(oidc_runtime: Runtime, provider: FakeProvider) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(oidc_runtime))
    async with httpx.AsyncClient(transport=transport, base_url=PUBLIC) as http:
        yield http


async def sign_in(
    client: httpx.AsyncClient, provider: FakeProvider, email: str, **claims: Any
) -> httpx.Response:
    """The whole round: the login page's link, the provider, the callback."""
    login = await client.get("/staff/login")
    assert 'id="oidc-login"' in login.text
    started = await client.get("/staff/login/oidc")
    assert started.status_code == 303
    query = provider.sign_in(started.headers["location"], email, **claims)
    return await client.get(f"/staff/login/oidc/callback?{query}")


async def attempts(runtime: Runtime) -> list[tuple[str, bool]]:
    async with runtime.sessions() as session:
        rows = (await session.execute(select(StaffLoginAttempt).order_by(StaffLoginAttempt.id))).scalars()
        return [(row.email, row.success) for row in rows]


async def test_a_buurtverbinder_signs_in_through_the_provider(
    oidc_runtime: Runtime, client: httpx.AsyncClient, provider: FakeProvider
) -> None:
    await add_account(oidc_runtime, MIRA, "buurtverbinder", ["molenwijk"], name="Mira de Vries")
    done = await sign_in(client, provider, MIRA.upper())
    assert done.status_code == 303 and done.headers["location"] == "/staff/"
    home = await client.get("/staff/")
    assert home.status_code == 200 and "Mira de Vries" in home.text
    assert await attempts(oidc_runtime) == [(MIRA, True)]
    # The flow's cookie is spent: the same callback again is refused, and the code was single-use anyway.
    again = await client.get("/staff/login/oidc/callback?code=code-x&state=whatever")
    assert again.status_code == 401 and "lukte niet" in again.text


async def test_a_coordinator_needs_the_providers_second_factor(
    oidc_runtime: Runtime, client: httpx.AsyncClient, provider: FakeProvider
) -> None:
    await add_account(oidc_runtime, ANNA, "coordinator")
    refused = await sign_in(client, provider, ANNA)
    assert refused.status_code == 401 and "tweede stap" in refused.text
    assert "voordeur_staff=" not in refused.headers.get("set-cookie", "")
    assert (await client.get("/staff/")).headers.get("location", "").endswith("/staff/login")
    done = await sign_in(client, provider, ANNA, amr=["pwd", "mfa"])
    assert done.status_code == 303
    assert (await client.get("/staff/")).status_code == 200
    assert await attempts(oidc_runtime) == [(ANNA, False), (ANNA, True)]


async def test_unknown_and_deactivated_accounts_are_refused(
    oidc_runtime: Runtime, client: httpx.AsyncClient, provider: FakeProvider
) -> None:
    unknown = await sign_in(client, provider, "nobody@example.nl")
    assert unknown.status_code == 401 and "geen actief Voordeur-account" in unknown.text
    account_id = await add_account(oidc_runtime, MIRA, "buurtverbinder", ["molenwijk"])
    async with oidc_runtime.sessions() as session, session.begin():
        account = await session.get(StaffAccount, account_id)
        assert account is not None
        account.active = False
    gone = await sign_in(client, provider, MIRA)
    assert gone.status_code == 401 and "geen actief Voordeur-account" in gone.text
    assert (await client.get("/staff/")).status_code == 303


@pytest.mark.parametrize(
    "claims",
    [
        {"_forged_key": RSAKey.generate_key(2048, parameters={"kid": "k1"})},
        {"aud": "another-client"},
        {"nonce": "another-nonce"},
        {"iss": "https://login.elders.test"},
        {"exp": 1},
        {"email_verified": False},
    ],
    ids=["other-key", "other-client", "other-nonce", "other-issuer", "expired", "unverified-email"],
)
async def test_a_bad_id_token_is_refused(
    oidc_runtime: Runtime, client: httpx.AsyncClient, provider: FakeProvider, claims: dict[str, Any]
) -> None:
    await add_account(oidc_runtime, MIRA, "buurtverbinder", ["molenwijk"])
    refused = await sign_in(client, provider, MIRA, **claims)
    assert refused.status_code == 401 and "lukte niet" in refused.text
    assert (await client.get("/staff/")).status_code == 303
    assert await attempts(oidc_runtime) == []


async def test_a_forged_state_never_reaches_the_token_endpoint(
    oidc_runtime: Runtime, client: httpx.AsyncClient, provider: FakeProvider
) -> None:
    await add_account(oidc_runtime, MIRA, "buurtverbinder", ["molenwijk"])
    started = await client.get("/staff/login/oidc")
    query = provider.sign_in(started.headers["location"], MIRA)
    forged = query.split("&state=")[0] + "&state=someone-elses"
    refused = await client.get(f"/staff/login/oidc/callback?{forged}")
    assert refused.status_code == 401 and provider.token_calls == 0
    # Without the flow's cookie (another browser), even the right state is refused.
    async with httpx.AsyncClient(transport=client._transport, base_url=PUBLIC) as other:
        stranger = await other.get(f"/staff/login/oidc/callback?{query}")
    assert stranger.status_code == 401 and provider.token_calls == 0


async def test_off_without_an_issuer(runtime: Runtime) -> None:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(runtime)), base_url="http://testserver"
    ) as http:
        login = await http.get("/staff/login")
        assert login.status_code == 200 and "oidc-login" not in login.text
        assert (await http.get("/staff/login/oidc")).status_code == 404
        assert (await http.get("/staff/login/oidc/callback?code=a&state=b")).status_code == 404


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"VOORDEUR_OIDC_ISSUER": ISSUER}, "VOORDEUR_OIDC_CLIENT_ID"),
        (
            {"VOORDEUR_OIDC_ISSUER": "http://login.test", "VOORDEUR_OIDC_CLIENT_ID": "c"},
            "VOORDEUR_OIDC_ISSUER",
        ),
    ],
)
def test_settings_name_what_is_missing(database_url: str, settings: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError) as error:
        make_settings(database_url, PUBLIC_BASE_URL=PUBLIC, **settings)
    assert str(error.value).startswith(f"setting {named}: ")
    assert json.dumps(str(error.value)).count("\\n") == 0
