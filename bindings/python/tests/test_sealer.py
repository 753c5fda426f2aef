"""Sealer: JAdES eSeals with the test PKI's keys (vectors/pki), checked by the Verifier; the
profile check before sealing refuses what EDC would reject, as the CLI does."""

from __future__ import annotations

import json
import pickle
from datetime import datetime, timedelta, timezone

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
