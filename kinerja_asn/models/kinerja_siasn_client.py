import json
import logging
import threading
import time

import requests

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

# Tokens kept per database, agency and credentials for their lifetime, in this process; a
# token BKN refuses (401) is dropped and fetched again once.
_TOKENS = {}
_TOKENS_LOCK = threading.Lock()
# Longest answer kept on an export line (BKN's answers are short; an HTML error page is not).
ANSWER_MAX = 4000


class SiasnError(Exception):
    """The API could not be reached or refused the credentials: nothing was sent."""


class KinerjaSiasnClient(models.AbstractModel):
    """The SIASN API as BKN's public clients call it (black-coffee04/ws-siasn-php,
    `AuthenticationService` and `KinerjaPeriodikService`): an OAuth2 client-credentials token
    from the API gateway (WSO2) sent as ``Authorization: Bearer``, and, where BKN's SSO is
    configured, a password-grant token sent as ``Auth: bearer``; JSON bodies POSTed to
    ``<base URL>/skp22/save`` and ``<base URL>/kinerjaperiodik/save``."""

    _name = "kinerja.siasn.client"
    _description = "SIASN API Client"

    @api.model
    def _settings(self, company):
        # Named exception: the credentials are readable by administrators only; an officer's
        # push and the scheduled job read them to call the API, never to show them.
        company = company.sudo()
        return {
            "enabled": company.kinerja_siasn_push_enabled,
            "base_url": (company.kinerja_siasn_base_url or "").strip().rstrip("/"),
            "token_url": (company.kinerja_siasn_token_url or "").strip(),
            "client_id": company.kinerja_siasn_client_id or "",
            "client_secret": company.kinerja_siasn_client_secret or "",
            "sso_url": (company.kinerja_siasn_sso_url or "").strip(),
            "sso_client_id": company.kinerja_siasn_sso_client_id or "",
            "username": company.kinerja_siasn_username or "",
            "password": company.kinerja_siasn_password or "",
            "timeout": max(company.kinerja_siasn_timeout or 30, 1),
        }

    @api.model
    def _check_settings(self, company):
        """Raise a UserError naming what is missing for ``company`` to push to SIASN."""
        settings = self._settings(company)
        if not settings["enabled"]:
            raise UserError(
                self.env._(
                    "Sending to SIASN is off for %(company)s: an administrator turns it on in "
                    "Settings > Kinerja > SIASN. Download the JSON file instead.",
                    company=company.name,
                )
            )
        missing = [
            label
            for key, label in (
                ("base_url", self.env._("SIASN API base URL")),
                ("token_url", self.env._("token URL")),
                ("client_id", self.env._("client ID")),
                ("client_secret", self.env._("client secret")),
            )
            if not settings[key]
        ]
        if settings["sso_url"] and not (settings["username"] and settings["password"]):
            missing.append(self.env._("SSO username and password"))
        if missing:
            raise UserError(
                self.env._(
                    "SIASN settings of %(company)s are incomplete: set the %(missing)s in Settings > Kinerja > SIASN.",
                    company=company.name,
                    missing=", ".join(missing),
                )
            )
        return settings

    # ------------------------------------------------------------------------------------
    # Tokens
    # ------------------------------------------------------------------------------------
    @api.model
    def _token_key(self, company, settings):
        return (
            self.env.cr.dbname,
            company.id,
            settings["token_url"],
            settings["client_id"],
            settings["sso_url"],
            settings["username"],
        )

    @api.model
    def _clear_tokens(self):
        with _TOKENS_LOCK:
            _TOKENS.clear()

    @api.model
    def _request_token(self, url, data, settings, auth=None):
        """(access token, lifetime in seconds) from an OAuth2 token endpoint."""
        try:
            response = requests.post(
                url,
                data=data,
                auth=auth,
                headers={"Accept": "application/json"},
                timeout=(min(10, settings["timeout"]), settings["timeout"]),
            )
        except requests.RequestException as error:
            raise SiasnError(
                self.env._("The token endpoint %(url)s cannot be reached: %(error)s", url=url, error=error)
            ) from error
        try:
            body = response.json()
        except ValueError:
            body = {}
        token = body.get("access_token") if isinstance(body, dict) else None
        if response.status_code != 200 or not token:
            raise SiasnError(
                self.env._(
                    "The token endpoint %(url)s refused the credentials (HTTP %(status)s): %(answer)s",
                    url=url,
                    status=response.status_code,
                    answer=response.text[:ANSWER_MAX],
                )
            )
        try:
            lifetime = int(body.get("expires_in") or 3600)
        except (TypeError, ValueError):
            lifetime = 3600
        return token, lifetime

    @api.model
    def _auth_headers(self, company, settings, refresh=False):
        """The headers of an API call: the gateway token, and BKN's SSO token when configured.
        Cached until shortly before they expire; ``refresh`` fetches new ones."""
        key = self._token_key(company, settings)
        with _TOKENS_LOCK:
            cached = _TOKENS.get(key)
            if refresh:
                _TOKENS.pop(key, None)
        if cached and not refresh and cached["expires"] > time.monotonic():
            return cached["headers"]
        token, lifetime = self._request_token(
            settings["token_url"],
            {"grant_type": "client_credentials"},
            settings,
            auth=(settings["client_id"], settings["client_secret"]),
        )
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        if settings["sso_url"]:
            sso_token, sso_lifetime = self._request_token(
                settings["sso_url"],
                {
                    "grant_type": "password",
                    "client_id": settings["sso_client_id"] or settings["client_id"],
                    "username": settings["username"],
                    "password": settings["password"],
                },
                settings,
            )
            headers["Auth"] = f"bearer {sso_token}"
            lifetime = min(lifetime, sso_lifetime)
        with _TOKENS_LOCK:
            _TOKENS[key] = {"headers": headers, "expires": time.monotonic() + max(lifetime - 30, 1)}
        return headers

    # ------------------------------------------------------------------------------------
    # Calls
    # ------------------------------------------------------------------------------------
    @api.model
    def _post(self, company, settings, path, payload):
        """POST ``payload`` to ``<base URL><path>``; on 401 get new tokens once and post
        again. Returns what happened, for the export line's log:
        ``{"ok", "status", "answer", "message", "record_id", "log"}``. Raises SiasnError when
        no token can be had (nothing was sent)."""
        url = f"{settings['base_url']}{path}"
        body = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        log = []
        headers = self._auth_headers(company, settings)
        result = None
        for attempt in (1, 2):
            stamp = fields.Datetime.to_string(fields.Datetime.now())
            try:
                response = requests.post(
                    url,
                    data=body.encode(),
                    headers={**headers, "Content-Type": "application/json"},
                    timeout=(min(10, settings["timeout"]), settings["timeout"]),
                )
            except requests.RequestException as error:
                log.append(f"[{stamp}] POST {url} {body}\n-> {error}")
                return {
                    "ok": False,
                    "status": 0,
                    "answer": str(error)[:ANSWER_MAX],
                    "message": str(error)[:ANSWER_MAX],
                    "record_id": False,
                    "log": log,
                }
            answer = response.text[:ANSWER_MAX]
            log.append(f"[{stamp}] POST {url} {body}\n-> HTTP {response.status_code} {answer}")
            result = self._parse_answer(response.status_code, response.text)
            if response.status_code == 401 and attempt == 1:
                log.append(self.env._("The token was refused (HTTP 401): a new token is requested once."))
                try:
                    headers = self._auth_headers(company, settings, refresh=True)
                except SiasnError as error:
                    log.append(str(error))
                    return {**result, "status": 401, "answer": answer, "message": str(error), "log": log}
                continue
            break
        return {**result, "status": response.status_code, "answer": answer, "log": log}

    @api.model
    def _parse_answer(self, status, text):
        """Whether BKN accepted the record, its message and the id of the record it keeps, read
        as the public clients read BKN's answers (``success`` or ``code``; ``mapData`` holding
        ``rwSkpId`` / ``rwKinerjaPeriodikId``; errors as ``Error`` / ``Message``)."""
        try:
            body = json.loads(text)
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return {"ok": False, "message": (text or "")[:ANSWER_MAX], "record_id": False}
        if "success" in body:
            ok = bool(body["success"])
        elif "code" in body:
            ok = str(body["code"]) == "1"
        else:
            ok = False
        if "Error" in body and str(body["Error"]).lower() not in ("false", "0", ""):
            ok = False
        ok = ok and 200 <= status < 300
        message = body.get("message") or body.get("Message") or ""
        if not message and isinstance(body.get("data"), str):
            message = body["data"]
        record_id = False
        map_data = body.get("mapData")
        if isinstance(map_data, dict):
            record_id = next((str(v) for k, v in map_data.items() if k.lower().endswith("id") and v), False)
        elif isinstance(body.get("data"), dict) and body["data"].get("id"):
            record_id = str(body["data"]["id"])
        return {"ok": ok, "message": str(message)[:ANSWER_MAX], "record_id": record_id}
