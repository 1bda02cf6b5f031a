"""Fixtures for the outside-in suite: a real Odoo server on a scratch database.

The session fixture installs kinerja_asn with its demo data and Indonesian into a fresh
database, starts ``odoo-bin`` on a free local port and tears both down at the end. Tests talk
to it only over HTTP (JSON-RPC), as any integration or browser would.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
ODOO_SRC = Path(os.environ.get("ODOO_SRC", "/opt/odoo/18.0"))
DB = os.environ.get("KINERJA_PYTEST_DB", "kinerja_pytest")
VAR = ROOT / "var"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _odoo(*args):
    return [sys.executable, str(ODOO_SRC / "odoo-bin"), f"--addons-path={ODOO_SRC / 'addons'}", "-d", DB, *args]


class RpcError(Exception):
    """A JSON-RPC error answered by the server (access denied, validation error, ...)."""

    def __init__(self, error):
        self.error = error
        data = error.get("data") or {}
        self.name = data.get("name", "")
        self.message = data.get("message") or error.get("message", "")
        super().__init__(f"{self.name}: {self.message}")


class Client:
    """A logged-in user of the server, calling models the way external integrations do."""

    def __init__(self, url, login, password):
        self.url, self.login, self.password = url, login, password
        self.uid = self._call("common", "login", DB, login, password)
        if not self.uid:
            raise AssertionError(f"login {login!r} refused")

    def _call(self, service, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": list(args)},
            "id": 1,
        }
        response = requests.post(f"{self.url}/jsonrpc", json=payload, timeout=120)
        response.raise_for_status()
        body = response.json()
        if "error" in body:
            raise RpcError(body["error"])
        return body["result"]

    def call(self, model, method, *args, **kwargs):
        return self._call("object", "execute_kw", DB, self.uid, self.password, model, method, list(args), kwargs)


@pytest.fixture(scope="session")
def server():
    VAR.mkdir(exist_ok=True)
    subprocess.run(["dropdb", "--if-exists", DB], check=True)
    install_log = VAR / "pytest-install.log"
    install_log.unlink(missing_ok=True)  # Odoo appends to its logfile
    install = subprocess.run(
        _odoo("-i", "kinerja_asn", "--load-language=id_ID", "--stop-after-init", f"--logfile={install_log}"),
        check=False,
    )
    assert install.returncode == 0, f"installing kinerja_asn failed: see {install_log}"
    logged = install_log.read_text()
    assert "demo data failed to install" not in logged, f"the demo data did not load: see {install_log}"
    port = _free_port()
    log = VAR / "pytest-server.log"
    log.unlink(missing_ok=True)
    proc = subprocess.Popen(
        _odoo(f"--http-port={port}", "--http-interface=127.0.0.1", f"--logfile={log}", "--max-cron-threads=0")
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                if requests.get(f"{url}/web/health", timeout=5).ok:
                    break
            except requests.ConnectionError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                raise AssertionError(f"the Odoo server did not start: see {log}")
            time.sleep(1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        subprocess.run(["dropdb", "--if-exists", DB], check=False)


@pytest.fixture(scope="session")
def login(server):
    """``login("perawat.fadli")`` returns a Client logged in as that demo user."""
    cache = {}

    def _login(user, password=None):
        if user not in cache:
            cache[user] = Client(server, user, password or user)
        return cache[user]

    return _login


@pytest.fixture(scope="session")
def admin(login):
    return login("admin")
