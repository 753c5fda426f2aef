"""sign_di: Data Integrity proofs (eddsa-rdfc-2022, did:key) that the Verifier checks; trusted
only when their DID is given."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

import microcred
from conftest import VECTORS

KEY = VECTORS / "pki" / "eseal-ed25519.key.pem"
CREATED = datetime(2026, 1, 20, 8, tzinfo=timezone.utc)
AT = datetime(2026, 2, 1, tzinfo=timezone.utc)


def test_a_signed_credential_verifies_and_is_trusted_by_its_did() -> None:
    credential = microcred.Credential.from_jsonld(VECTORS / "cases" / "valid-1.json")
    signed = microcred.sign_di(credential, KEY, created=CREATED)
    document = json.loads(signed)
    proof = document["proof"]
    assert (proof["type"], proof["cryptosuite"]) == ("DataIntegrityProof", "eddsa-rdfc-2022")
    assert proof["created"] == "2026-01-20T08:00:00Z"
    did = proof["verificationMethod"].split("#")[0]
    assert did.startswith("did:key:z6Mk")

    unknown = microcred.Verifier(at=AT).verify(signed)
    codes = {c.kind: (c.status, c.code) for c in unknown.checks}
    assert unknown.verdict == "indeterminate"
    assert codes["seal"] == ("ok", "proof.ok")
    assert codes["trust"] == ("indeterminate", "trust.unknown_did")

    trusted = microcred.Verifier(at=AT, trusted_dids=[did]).verify(signed)
    assert trusted.verdict == "valid", repr(trusted)
    assert pickle_roundtrip(microcred.Verifier(at=AT, trusted_dids=[did])).verify(signed).valid

    # The same document given as a dict, as text or as bytes signs to the same proof.
    as_dict = microcred.sign_di(credential.to_dict(), KEY, created=CREATED)
    as_text = microcred.sign_di(credential.to_jsonld(), KEY.read_text(), created=CREATED)
    assert json.loads(as_dict) == json.loads(as_text) == document

    document["validFrom"] = "2020-01-01T00:00:00Z"
    tampered = microcred.Verifier(at=AT, trusted_dids=[did]).verify(json.dumps(document))
    assert tampered.verdict == "invalid"
    assert ("seal", "failed", "proof.signature_mismatch") in {
        (c.kind, c.status, c.code) for c in tampered.checks}


def pickle_roundtrip(verifier: microcred.Verifier) -> microcred.Verifier:
    import pickle

    return pickle.loads(pickle.dumps(verifier))


def test_sign_di_errors() -> None:
    credential = microcred.Credential.from_jsonld(VECTORS / "cases" / "valid-1.json")
    signed = microcred.sign_di(credential, KEY, created=CREATED)
    with pytest.raises(microcred.ProofError) as raised:
        microcred.sign_di(signed, KEY, created=CREATED)
    assert raised.value.code == "proof.already_signed"
    with pytest.raises(microcred.ParseError) as raised:
        microcred.sign_di(b"{not json", KEY)
    assert raised.value.code == "json.syntax"
    with pytest.raises(microcred.MicrocredError):
        microcred.sign_di(credential, VECTORS / "pki" / "eseal-p256.key.pem")
    with pytest.raises(TypeError):
        microcred.sign_di(None, KEY)
    with pytest.raises(TypeError):
        microcred.Verifier(trusted_dids="did:key:z6Mk")  # type: ignore[arg-type]
