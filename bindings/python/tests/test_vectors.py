"""The shared vectors, as crates/microcred/tests/vectors.rs runs them: the same inputs give the
same format, reader error codes, findings and verification reports from Python."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional

import pytest

import microcred
from conftest import VECTORS, load_json

MANIFEST = load_json(VECTORS / "manifest.json")
VERIFY = load_json(VECTORS / "verify.json")


def detected(data: bytes) -> Optional[str]:
    """`Format::detect`'s answer as the vectors record it: its name, None when unreadable."""
    try:
        return microcred.detect_format(data)
    except microcred.ParseError:
        return None


def test_the_manifests_are_not_empty() -> None:
    assert len(MANIFEST["cases"]) > 60
    assert len(VERIFY["cases"]) >= 25


@pytest.mark.parametrize("case", MANIFEST["cases"], ids=lambda c: c["name"])
def test_manifest_case(case: Dict[str, Any]) -> None:
    data = (VECTORS / case["input"]).read_bytes()
    assert detected(data) == case["format"]
    read = (microcred.Credential.from_jsonld_unverified if case["read"] == "parse_unverified"
            else microcred.Credential.from_jsonld)
    expect = case["expect"]
    if "error" in expect:
        with pytest.raises(microcred.MicrocredError) as raised:
            read(data)
        assert raised.value.code == expect["error"]
        assert type(raised.value) is microcred.exception_for(expect["error"])
        return
    credential = read(data)
    if case["check"] == "before_sealing":
        assert credential.form == "upload_form"  # checked as unsealed because of its form
    findings = credential.findings(elm_version="3.2" if case["check"] == "elm_3_2" else None)
    got = [{"code": f.code, "severity": f.severity, "path": f.path} for f in findings]
    assert got == expect["findings"]
    assert all(f.message for f in findings)
    assert (not any(f.severity == "error" for f in findings)) == expect["valid"]
    if case["target"]:
        assert case["target"] in {f.code for f in findings}


def outline(report: microcred.Report) -> Dict[str, Any]:
    """The verdict and each check's kind, status and code (and each held credential's)."""
    got: Dict[str, Any] = {
        "verdict": report.verdict,
        "checks": [{"kind": c.kind, "status": c.status, "code": c.code} for c in report.checks],
    }
    if report.credentials is not None:
        got["credentials"] = [outline(r) for r in report.credentials]
    return got


def vector_verifier(**more: Any) -> microcred.Verifier:
    lists = {url: (VECTORS / file).read_bytes() for url, file in VERIFY["status_lists"].items()}
    return microcred.Verifier(
        trust_anchors=VECTORS / VERIFY["trust_anchors"],
        at=datetime.fromisoformat(VERIFY["clock"].replace("Z", "+00:00")),
        status_lists=lists,
        **more,
    )


@pytest.fixture(scope="module")
def verifier() -> microcred.Verifier:
    return vector_verifier()


@pytest.mark.parametrize("case", VERIFY["cases"], ids=lambda c: c["name"])
def test_verification_case(case: Dict[str, Any], verifier: microcred.Verifier) -> None:
    path = VECTORS / case["input"]
    assert detected(path.read_bytes()) == case["format"]
    report = verifier.verify(path)
    assert outline(report) == case["expect"]
    assert report.valid == (case["expect"]["verdict"] == "valid")
    assert report.source == str(path)


def test_verify_many_gives_the_reports_of_verify_in_order(verifier: microcred.Verifier) -> None:
    paths = [VECTORS / c["input"] for c in VERIFY["cases"]]
    expected: List[Dict[str, Any]] = [c["expect"] for c in VERIFY["cases"]]
    for threads in (None, 1, 2):
        reports = verifier.verify_many(paths, threads=threads)
        assert [outline(r) for r in reports] == expected
    # Bytes and text too, and any iterable.
    reports = verifier.verify_many(p.read_text(encoding="utf-8") for p in paths)
    assert [outline(r) for r in reports] == expected


def test_the_report_serialises_as_the_core_does(verifier: microcred.Verifier) -> None:
    case = VERIFY["cases"][0]
    report = verifier.verify(VECTORS / case["input"])
    as_dict = report.to_dict()
    assert as_dict == microcred_json_loads(report.to_json())
    assert as_dict["verdict"] == report.verdict
    assert [c["code"] for c in as_dict["checks"]] == [c.code for c in report.checks]
    seal = next(c for c in report.checks if c.kind == "seal")
    assert seal.iri == "http://data.europa.eu/snb/verification/f9c2016fe9"
    mc = next(c for c in report.checks if c.kind == "micro_credential")
    assert mc.iri is None and mc.advisory
    text = repr(report)
    assert text.startswith(f"<Report {report.verdict}")
    assert all(c.code in text for c in report.checks)


def microcred_json_loads(text: str) -> Any:
    import json

    return json.loads(text)
