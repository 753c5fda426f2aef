"""The EC's own ELM 3 samples (../shared/upstream/elm-repo/json-ld-v3), as the Rust tests read and
verify them (crates/microcred/tests/samples.rs, verify.rs). Skipped, saying why, without
../shared."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

import microcred

NAMES = [
    "Sample-MC-Annex1-signed.jsonld",
    "Sample-MC-Annex1-unsigned.jsonld",
    "Sample-MC-Annex1-unsigned-uploadable.json",
    "Sample-CertOfPart-signed.jsonld",
    "Sample-CertOfPart-unsigned.jsonld",
    "Sample-CertOfPart-unsigned-uploadable.json",
]
NOW = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)


def sample(shared: Path, name: str) -> Path:
    path = shared / "upstream" / "elm-repo" / "json-ld-v3" / name
    assert path.is_file(), f"../shared is present but {name} is not"
    return path


@pytest.mark.parametrize("name", NAMES)
def test_every_sample_reads_and_round_trips(shared: Path, name: str) -> None:
    path = sample(shared, name)
    credential = microcred.Credential.from_jsonld_unverified(path)
    signed = "-signed." in name
    form = ("sealed_unverified" if signed
            else "upload_form" if "uploadable" in name else "plain")
    assert credential.form == form
    assert microcred.detect_format(path) == {
        "sealed_unverified": "jades", "upload_form": "upload_form", "plain": "edc_json_ld"}[form]
    again = microcred.Credential.from_jsonld(credential.to_jsonld())
    assert again.to_dict() == credential.to_dict()
    if not signed:
        assert microcred.Credential.from_jsonld(path).to_dict() == credential.to_dict()


@pytest.mark.parametrize("name", [n for n in NAMES if "-signed." in n])
def test_the_sealed_samples_verify_but_their_issuer_is_undecided(shared: Path, name: str) -> None:
    path = sample(shared, name)
    report = microcred.Verifier(at=NOW).verify(path)
    status = {c.kind: (c.status, c.code) for c in report.checks}
    assert report.verdict == "indeterminate", report.to_json()
    assert status["seal"] == ("ok", "seal.ok")
    assert status["format"] == ("ok", "format.ok")
    assert status["trust"] == ("indeterminate", "trust.no_trust_anchor")
    seal = report.to_dict()["seal"]
    assert (seal["level"], seal["algorithm"]) == ("B-LTA", "RS256")
    assert seal["signing_time"].startswith("2023-09-27")
    if name.startswith("Sample-MC"):
        mc = next(c for c in report.checks if c.kind == "micro_credential")
        assert (mc.status, mc.advisory) == ("failed", True)
        findings = next(c for c in report.to_dict()["checks"] if c["kind"] == "micro_credential")
        assert "mc.missing.quality_assurance" in {f["code"] for f in findings["findings"]}
    assert microcred.Verifier(at=NOW, strict=True).verify(path).verdict == "invalid"


def test_many_samples_at_once(shared: Path) -> None:
    paths = [sample(shared, n) for n in NAMES]
    single = [microcred.Verifier(at=NOW).verify(p).to_dict() for p in paths]
    many = microcred.Verifier(at=NOW).verify_many(paths, threads=2)
    assert [r.to_dict() for r in many] == single
