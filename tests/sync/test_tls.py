"""HTTPS: ``mzdesk serve --tls-cert --tls-key`` on 127.0.0.1 with a certificate from a
throwaway private CA made here. The client verifies the server: with the CA given at
enrolment it syncs (and keeps using it), without it it stops with a clear certificate
message, a pinned certificate works without any CA, and a wrong pin is refused before the
token is sent. The server database is SQLite (TLS does not depend on it)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import ipaddress
import os
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from mzdesk.store.engine import Store, open_store
from mzdesk.sync.client import SyncFailure, enroll
from mzdesk.sync.device import get_setting, set_setting
from tests.cli.test_server_and_sync import mz
from tests.helpers.actors import SETUP
from tests.sync.conftest import ROOT, ServerProcess, sync
from tests.sync.helpers import dump, outbox_states, seed

HOME = "证书测试院"


@dataclass
class Pki:
    ca_pem: str
    cert: Path
    key: Path
    fingerprint: str  # SHA-256 of the server certificate (DER), hex


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


_CA_USAGE = x509.KeyUsage(
    digital_signature=True,
    content_commitment=False,
    key_encipherment=False,
    data_encipherment=False,
    key_agreement=False,
    key_cert_sign=True,
    crl_sign=True,
    encipher_only=False,
    decipher_only=False,
)


def make_pki(folder: Path) -> Pki:
    """A CA and a server certificate for 127.0.0.1 signed by it (ECDSA P-256, one day)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("民政测试 CA"))
        .issuer_name(_name("民政测试 CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_CA_USAGE, critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    cert_path, key_path = folder / "server.crt", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return Pki(
        ca.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        cert_path,
        key_path,
        hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest(),
    )


class TlsServer(ServerProcess):
    """``mzdesk serve --tls-cert … --tls-key …`` in its own process."""

    def __init__(self, db_url: str, log: Path, pki: Pki) -> None:
        super().__init__(db_url, log)
        self.pki = pki
        self.url = f"https://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mzdesk", "serve", "--db", self.db_url,
                 "--port", str(self.port), "--tls-cert", str(self.pki.cert),
                 "--tls-key", str(self.pki.key)],
                stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
            )  # fmt: skip
        trust = ssl.create_default_context(cadata=self.pki.ca_pem)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text(errors='replace')}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url + "/health", timeout=1, verify=trust).status_code == 200:
                    return
            time.sleep(0.1)
        raise RuntimeError("server did not come up")


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[TlsServer]:
    process = TlsServer(
        f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server.log", make_pki(tmp_path)
    )
    process.start()
    process.institution(HOME)
    yield process
    process.stop()


def _enrol(tmp_path: Path, server: TlsServer, name: str, **tls: str) -> Store:
    store = open_store(tmp_path / f"{name}.db")
    asyncio.run(enroll(store, SETUP, server.url, server.code(institution=HOME), name, **tls))
    return store


def test_with_the_private_ca_the_client_syncs_and_keeps_verifying(tls_server, tmp_path):
    a = _enrol(tmp_path, tls_server, "A", ca_pem=tls_server.pki.ca_pem)
    b = _enrol(tmp_path, tls_server, "B", ca_pem=tls_server.pki.ca_pem)
    sync(a)
    seed(a, beds=4, residents=2)
    sync(a)
    sync(b)
    assert outbox_states(a) == {"acked": sum(outbox_states(a).values())}
    assert dump(a) == dump(b)
    with b.read() as session:  # the CA is kept with the enrolment and used at every sync
        assert get_setting(session, "tls_ca") == tls_server.pki.ca_pem
    a.close()
    b.close()


def test_without_the_ca_the_server_is_not_trusted_and_nothing_is_sent(tls_server, tmp_path):
    store = open_store(tmp_path / "c.db")
    code = tls_server.code(institution=HOME)
    with pytest.raises(SyncFailure) as failure:
        asyncio.run(enroll(store, SETUP, tls_server.url, code, "C"))
    assert failure.value.code == "certificate"
    assert "证书" in failure.value.message and "CERTIFICATE_VERIFY_FAILED" in failure.value.detail
    with store.read() as session:
        assert get_setting(session, "device_id") is None  # not enrolled
    # the code was never used: with the CA the same code enrols
    asyncio.run(enroll(store, SETUP, tls_server.url, code, "C", ca_pem=tls_server.pki.ca_pem))
    sync(store)
    # an enrolled device whose CA is gone stops at the certificate, its outbox untouched
    seed(store, beds=2, residents=1)
    pending = outbox_states(store)
    with store.write(SETUP) as session:
        set_setting(session, "tls_ca", None)
    with pytest.raises(SyncFailure) as failure:
        sync(store)
    assert failure.value.code == "certificate"
    assert outbox_states(store) == pending
    store.close()


def test_a_pinned_certificate_is_enough_and_a_wrong_pin_is_refused(tls_server, tmp_path):
    pin = tls_server.pki.fingerprint
    shown = ":".join(pin[i : i + 2] for i in range(0, 64, 2)).upper()  # as tools print it
    a = _enrol(tmp_path, tls_server, "A", pin=shown)  # no CA: the pin alone
    sync(a)
    seed(a, beds=2, residents=1)
    sync(a)
    with a.read() as session:
        assert get_setting(session, "tls_pin") == pin
    assert "pending" not in outbox_states(a)

    wrong = hashlib.sha256(b"another server").hexdigest()
    store = open_store(tmp_path / "w.db")
    with pytest.raises(SyncFailure) as failure:
        asyncio.run(
            enroll(store, SETUP, tls_server.url, tls_server.code(institution=HOME), "W", pin=wrong)
        )
    assert failure.value.code == "certificate_pin" and pin in failure.value.detail
    with store.read() as session:
        assert get_setting(session, "device_id") is None
    with pytest.raises(SyncFailure) as failure:
        asyncio.run(enroll(store, SETUP, tls_server.url, "X", "W", pin="not-a-fingerprint"))
    assert failure.value.code == "bad_pin"
    with pytest.raises(SyncFailure) as failure:
        asyncio.run(enroll(store, SETUP, tls_server.url, "X", "W", ca_pem="not a certificate"))
    assert failure.value.code == "bad_ca"

    seed(a, beds=2, residents=1, building="2号楼")  # a pin changed under an enrolled device
    with a.write(SETUP) as session:
        set_setting(session, "tls_pin", wrong)
    with pytest.raises(SyncFailure) as failure:
        sync(a)
    assert failure.value.code == "certificate_pin"
    assert "pending" in outbox_states(a)
    a.close()
    store.close()


def test_enrolment_with_a_ca_file_from_the_command_line(tls_server, tmp_path):
    ca = tmp_path / "bureau-ca.pem"
    ca.write_text(tls_server.pki.ca_pem, encoding="ascii")
    site = tmp_path / "site.db"
    refused = mz("sync", "--db", str(site), "--server", tls_server.url, "--enroll",
                 tls_server.code(institution=HOME), ok=False)  # fmt: skip
    assert refused.returncode == 1 and "证书" in refused.stderr
    out = mz("sync", "--db", str(site), "--server", tls_server.url, "--enroll",
             tls_server.code(institution=HOME), "--name", "站点电脑", "--ca", str(ca)).stdout  # fmt: skip
    assert "已注册" in out
    assert "同步完成" in mz("sync", "--db", str(site)).stdout  # the CA was kept
    alone = mz("sync", "--db", str(site), "--pin", tls_server.pki.fingerprint, ok=False)
    assert alone.returncode == 1 and "--enroll" in alone.stderr
