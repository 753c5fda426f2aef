"""Sealer: JAdES eSeals with the test PKI's keys (vectors/pki), checked by the Verifier; the
profile check before sealing refuses what EDC would reject, as the CLI does."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import microcred
from conftest import ROOT, VECTORS

PKI = VECTORS / "pki"
SEALED_AT = datetime(2026, 3, 1, 9, tzinfo=timezone.utc)


def sealer(name: str, **more: object) -> microcred.Sealer:
    return microcred.Sealer(key_pem=PKI / f"eseal-{name}.key.pem",
                            cert_chain_pem=PKI / f"eseal-{name}.chain.pem", **more)


@pytest.fixture(scope="module")
def credential() -> microcred.Credential:
    return microcred.issue(ROOT / "examples" / "course.toml", ROOT / "examples" / "learner.json",
                           now=SEALED_AT)


@pytest.fixture(scope="module")
def verifier() -> microcred.Verifier:
    return microcred.Verifier(trust_anchors=PKI / "root-ca.pem",
                              at=SEALED_AT + timedelta(days=1))


@pytest.mark.parametrize("name, alg", [("rsa", "RS256"), ("p256", "ES256"), ("ed25519", "EdDSA")])
def test_each_key_seals_what_the_verifier_accepts(
    name: str, alg: str, credential: microcred.Credential, verifier: microcred.Verifier
) -> None:
    s = sealer(name)
    assert s.algorithm == alg
    sealed = s.seal(credential, at=SEALED_AT)
    assert isinstance(sealed, bytes)
    assert microcred.detect_format(sealed) == "jades"
    report = verifier.verify(sealed)
    assert report.verdict == "valid", repr(report)
    assert report.to_dict()["seal"]["algorithm"] == alg
    assert report.to_dict()["seal"]["signing_time"] == "2026-03-01T09:00:00Z"
    # The seal covers the exact bytes: one changed character in the payload breaks it.
    envelope = json.loads(sealed)
    envelope["payload"] = envelope["payload"].replace("Sam", "Tom", 1)
    tampered = verifier.verify(json.dumps(envelope))
    assert ("seal", "failed", "seal.signature_mismatch") in {
        (c.kind, c.status, c.code) for c in tampered.checks}


def test_rsa_with_pss(credential: microcred.Credential, verifier: microcred.Verifier) -> None:
    sealed = sealer("rsa", alg="PS256").seal(credential, at=SEALED_AT)
    assert verifier.verify(sealed).valid


def test_what_edc_would_reject_is_not_sealed(verifier: microcred.Verifier) -> None:
    bad = microcred.Credential.from_jsonld(VECTORS / "cases" / "edc.missing.title.json")
    with pytest.raises(microcred.ProfileError) as raised:
        sealer("p256").seal(bad, at=SEALED_AT)
    assert raised.value.code == "seal.refused.edc_profile"
    forced = sealer("p256").seal(bad, at=SEALED_AT, force=True)
    report = verifier.verify(forced)
    assert report.verdict == "invalid"
    assert next(c for c in report.checks if c.kind == "format").status == "failed"


def test_sealing_errors(credential: microcred.Credential) -> None:
    with pytest.raises(microcred.SealError) as raised:
        sealer("p256").seal(credential, at=datetime.now(timezone.utc) + timedelta(days=2))
    assert raised.value.code == "seal.signing_time_in_future"
    with pytest.raises(microcred.SealError) as raised:
        sealer("expired").seal(credential, at=SEALED_AT)
    assert raised.value.code == "seal.certificate_expired"
    with pytest.raises(microcred.MicrocredError):
        microcred.Sealer(key_pem=PKI / "eseal-p256.key.pem", cert_chain_pem="not PEM")
    with pytest.raises(microcred.MicrocredError):
        microcred.Sealer(key_pem=b"not a key", cert_chain_pem=PKI / "eseal-p256.chain.pem")
    with pytest.raises(microcred.SealError):
        sealer("ed25519", alg="RS256")
    with pytest.raises(ValueError, match="naive"):
        sealer("p256").seal(credential, at=datetime(2026, 3, 1))
    with pytest.raises(TypeError):
        sealer("p256").seal(b"{}")  # type: ignore[arg-type]


def test_a_sealer_is_not_pickled_and_hides_its_key() -> None:
    s = sealer("p256")
    with pytest.raises(TypeError, match="private key"):
        pickle.dumps(s)
    assert "PRIVATE" not in repr(s) and "ES256" in repr(s)


def pkcs12(tmp_path: Path, name: str, password: str) -> Path:
    """The test PKI's key and chain as a PKCS#12 file, made by the openssl command."""
    out = tmp_path / f"{name}.p12"
    chain = (PKI / f"eseal-{name}.chain.pem").read_text()
    leaf, _, rest = chain.partition("-----END CERTIFICATE-----\n")
    (tmp_path / "leaf.pem").write_text(leaf + "-----END CERTIFICATE-----\n")
    (tmp_path / "ca.pem").write_text(rest)
    subprocess.run(
        ["openssl", "pkcs12", "-export", "-inkey", str(PKI / f"eseal-{name}.key.pem"),
         "-in", str(tmp_path / "leaf.pem"), "-certfile", str(tmp_path / "ca.pem"),
         "-passout", f"pass:{password}", "-out", str(out)],
        check=True, capture_output=True)
    return out


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl command makes the .p12")
def test_a_pkcs12_file_seals_like_its_key_and_chain(
    tmp_path: Path, credential: microcred.Credential, verifier: microcred.Verifier
) -> None:
    p12 = pkcs12(tmp_path, "p256", "s3cret")
    from_p12 = microcred.Sealer(p12=p12, password="s3cret")
    assert from_p12.algorithm == "ES256"
    report = verifier.verify(from_p12.seal(credential, at=SEALED_AT))
    assert report.valid, repr(report)
    assert report.seal is not None
    assert report.seal["certificate_subject"] == verifier.verify(
        sealer("p256").seal(credential, at=SEALED_AT)).seal["certificate_subject"]
    assert microcred.Sealer(p12=p12.read_bytes(), password="s3cret").algorithm == "ES256"
    with pytest.raises(microcred.SealError) as raised:
        microcred.Sealer(p12=p12, password="wrong")
    assert raised.value.code == "seal.pkcs12"
    with pytest.raises(microcred.SealError) as raised:
        microcred.Sealer(p12=p12)
    assert raised.value.code == "seal.password_missing"
    with pytest.raises(microcred.SealError) as raised:
        microcred.Sealer(p12=b"not a pkcs12 file", password="x")
    assert raised.value.code == "seal.pkcs12"
    with pytest.raises(TypeError):
        microcred.Sealer(p12=p12, key_pem=PKI / "eseal-p256.key.pem", password="s3cret")
    with pytest.raises(TypeError):
        microcred.Sealer(key_pem=PKI / "eseal-p256.key.pem")


def test_the_report_reads_the_seal_and_the_credential(
    credential: microcred.Credential, verifier: microcred.Verifier
) -> None:
    report = verifier.verify(sealer("p256").seal(credential, at=SEALED_AT))
    assert report.seal is not None
    assert (report.seal["algorithm"], report.seal["signing_time"]) == ("ES256", "2026-03-01T09:00:00Z")
    assert report.seal["level"] == report.to_dict()["seal"]["level"]
    assert (report.country, report.ects, report.eqf_level) == (
        credential.country, credential.ects, credential.eqf_level)
    assert report.issued == credential.issued == SEALED_AT
    assert report.learner() == credential.learner == "Sam Sample"
    assert "Sam Sample" not in report.to_json() and "Sam Sample" not in repr(report)
    assert microcred.Verifier().verify(b"{}").seal is None
