"""Credential: reading every form, writing JSON-LD, RDF/XML and N-Quads, and issuing from the
example course and learner as the CLI does."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import microcred
from conftest import ROOT, VECTORS

CASES = VECTORS / "cases"
COURSE_TOML = ROOT / "examples" / "course.toml"
COURSE_JSON = ROOT / "examples" / "course.json"
LEARNER = ROOT / "examples" / "learner.json"
NOW = datetime(2026, 3, 1, 9, tzinfo=timezone.utc)
ID = uuid.UUID("00000000-0000-4000-8000-000000000007")


def test_every_input_kind_reads_the_same() -> None:
    path = CASES / "valid-1.json"
    by_path = microcred.Credential.from_jsonld(path)
    by_str_path = microcred.Credential.from_jsonld(Path(str(path)))
    by_bytes = microcred.Credential.from_jsonld(path.read_bytes())
    by_text = microcred.Credential.from_jsonld(path.read_text(encoding="utf-8"))
    assert by_path.to_jsonld() == by_str_path.to_jsonld() == by_bytes.to_jsonld() \
        == by_text.to_jsonld()
    assert by_path.form == "plain"
    assert by_path.id is not None and by_path.id.startswith("urn:credential:")


def test_json_ld_round_trips() -> None:
    credential = microcred.Credential.from_jsonld(CASES / "valid-2.json")
    again = microcred.Credential.from_jsonld(credential.to_jsonld(pretty=False))
    assert again.to_dict() == credential.to_dict()
    assert json.loads(credential.to_jsonld()) == credential.to_dict()
    assert credential.to_dict()["@context"][0] == "https://www.w3.org/2018/credentials/v1"


def test_the_upload_form_is_checked_as_unsealed() -> None:
    upload = microcred.Credential.from_jsonld(CASES / "valid-upload-form.json")
    assert upload.form == "upload_form"
    assert not [f for f in upload.findings() if f.severity == "error"]
    written = json.loads(upload.to_jsonld(upload_form=True))
    assert set(written) == {"credential"}
    # The same credential read as plain JSON-LD lacks what EDC fills in when sealing.
    plain = microcred.Credential.from_jsonld(upload.to_jsonld())
    assert plain.form == "plain"
    assert [f for f in plain.findings() if f.severity == "error"]


def test_rdf_xml_round_trips() -> None:
    credential = microcred.Credential.from_jsonld(CASES / "valid-1.json")
    xml = credential.to_xml()
    assert microcred.detect_format(xml) == "rdf_xml"
    again = microcred.Credential.from_xml(xml)
    assert again.to_dict() == credential.to_dict()
    assert microcred.Credential.from_xml(xml.encode()).to_dict() == credential.to_dict()


def test_n_quads() -> None:
    credential = microcred.Credential.from_jsonld(CASES / "valid-1.json")
    quads = credential.to_nquads()
    canonical = credential.to_nquads(canonical=True)
    assert len(quads.splitlines()) == len(canonical.splitlines()) > 50
    assert canonical.splitlines() == sorted(canonical.splitlines())
    # Every node of this credential has an id: canonical N-Quads are the same quads, sorted.
    assert "_:" not in quads
    assert sorted(set(quads.splitlines())) == canonical.splitlines()
    with pytest.raises(TypeError):
        credential.to_nquads(True)  # type: ignore[misc]  (keyword only)


def test_findings_have_code_severity_path_and_message() -> None:
    credential = microcred.Credential.from_jsonld(CASES / "edc.missing.title.json")
    findings = credential.findings()
    missing = [f for f in findings if f.code == "edc.missing.title"]
    assert missing and missing[0].severity == "error" and missing[0].path.startswith("$.")
    assert missing[0].message
    assert "edc.missing.title" in repr(missing[0])
    with pytest.raises(ValueError):
        credential.findings(elm_version="4.0")


def issued(course: object, learner: object, **more: object) -> microcred.Credential:
    return microcred.issue(course, learner, now=NOW, credential_id=ID, **more)


def test_issue_takes_paths_text_and_dicts_alike() -> None:
    expected = issued(COURSE_TOML, LEARNER).to_jsonld()
    assert issued(COURSE_JSON, LEARNER).to_jsonld() == expected
    assert issued(COURSE_TOML.read_text(), LEARNER.read_text()).to_jsonld() == expected
    assert issued(json.loads(COURSE_JSON.read_text()),
                  json.loads(LEARNER.read_text())).to_jsonld() == expected
    assert issued(COURSE_TOML, LEARNER.read_bytes()).to_jsonld() == expected


def test_issue_uses_the_given_time_and_id() -> None:
    credential = issued(COURSE_TOML, LEARNER)
    assert credential.id == f"urn:credential:{ID}"
    assert issued(COURSE_TOML, LEARNER).to_jsonld() == credential.to_jsonld()
    data = credential.to_dict()
    assert data["issued"] == "2026-03-01T09:00:00Z"
    later = microcred.issue(COURSE_TOML, LEARNER, now=NOW + timedelta(days=1), credential_id=str(ID))
    assert later.to_dict()["issued"] == "2026-03-02T09:00:00Z"
    assert not [f for f in credential.findings() if f.severity == "error"]
    fresh = microcred.issue(COURSE_TOML, LEARNER)
    assert fresh.id != credential.id


def test_issue_errors() -> None:
    with pytest.raises(microcred.IssueError) as raised:
        microcred.issue({"title": "A course"}, LEARNER, now=NOW)
    assert raised.value.code == "issue.missing_field"
    assert raised.value.path == "language"
    assert isinstance(raised.value, ValueError)
    with pytest.raises(ValueError, match="naive"):
        microcred.issue(COURSE_TOML, LEARNER, now=datetime(2026, 3, 1))
    with pytest.raises(ValueError):
        microcred.issue(COURSE_TOML, LEARNER, credential_id="not-a-uuid")
    with pytest.raises(TypeError):
        microcred.issue(COURSE_TOML, LEARNER, credential_id=7)
    with pytest.raises(TypeError):
        microcred.issue(None, LEARNER)
    with pytest.raises(TypeError):
        microcred.issue(COURSE_TOML, 3)


def test_properties_are_the_cores_summary() -> None:
    credential = microcred.Credential.from_jsonld(CASES / "valid-1.json")
    assert credential.title == "Creating Open Digital Learning Content"
    assert credential.issuer == "Example University of Technology"
    assert credential.country == "IRL"
    assert credential.ects == 5.0
    assert credential.eqf_level == 6
    assert credential.issued == datetime(2026, 1, 15, 10, tzinfo=timezone.utc)
    assert credential.issued.utcoffset() == timedelta(0)
    assert credential.learner == "Dragan Moretti"
    assert credential.learning_outcomes == [
        "Develop accessible digital learning content with open tools",
        "Choose and apply an open licence to published material",
        "Plan a resource with partners from other institutions",
    ]
    assert credential.assessment == [{
        "title": "Portfolio of open learning resources", "kind": "portfolio", "grade": "Pass",
        "supervision": "Unsupervised with ID verification",
    }]
    assert credential.quality_assurance == [{
        "kind": "Programme Quality Assurance", "title": "Programme validation of short courses",
        "agency": "Example Qualifications Authority",
    }]
    summary = credential.summary()
    assert summary["learner"] == credential.learner and summary["ects"] == 5.0
    assert summary["participation"] == ["Presential"]
    assert summary["awarded"] == "2025-11-16T00:00:00Z" and summary["valid_until"] is None
    assert summary["image"]["media_type"] == "image/svg+xml"
    assert summary["image"]["base64"].startswith("PHN2Zy")
    with pytest.raises(AttributeError):
        credential.title = "another"  # type: ignore[misc]  (read-only)
    upload = microcred.Credential.from_jsonld(CASES / "valid-upload-form.json")
    assert upload.issuer is None and upload.country is not None


def test_an_issued_credential_has_the_courses_properties() -> None:
    course = json.loads(COURSE_JSON.read_text())
    credential = issued(course, LEARNER)
    assert credential.ects == float(course["ects"])
    assert credential.eqf_level == course["eqf"]
    assert credential.title == course["title"]
    assert credential.issued == datetime(2026, 3, 1, 9, tzinfo=timezone.utc)
    learner = json.loads(LEARNER.read_text())
    assert credential.learner == f"{learner['given_name']} {learner['family_name']}"
    assert credential.assessment[0]["grade"] == learner["grade"]


def test_issued_keeps_the_credentials_offset() -> None:
    document = json.loads((CASES / "valid-1.json").read_text())
    document["issued"] = "2026-01-15T12:00:00+02:00"
    credential = microcred.Credential.from_jsonld(json.dumps(document))
    assert credential.issued == datetime(2026, 1, 15, 10, tzinfo=timezone.utc)
    assert credential.issued.utcoffset() == timedelta(hours=2)
    del document["issued"]
    assert microcred.Credential.from_jsonld(json.dumps(document)).issued is None


def test_the_demo_credential_is_the_same_on_every_call() -> None:
    demo = microcred.Credential.demo()
    assert demo.to_jsonld() == microcred.Credential.demo().to_jsonld()
    assert not [f for f in demo.findings() if f.severity == "error"]
