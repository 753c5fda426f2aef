"""Bad input of every kind gives the right exception or verdict, never a crash: not JSON,
truncated, oversized (the core's 16 MiB limit), too deep, a tampered seal, and values of the
wrong Python type."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

import microcred
from conftest import VECTORS

AT = datetime(2026, 2, 1, tzinfo=timezone.utc)
SEALED = VECTORS / "sealed" / "sealed-es256.json"
OVER_LIMIT = 16 * 1024 * 1024 + 1


@pytest.fixture(scope="module")
def verifier() -> microcred.Verifier:
    return microcred.Verifier(trust_anchors=VECTORS / "pki" / "root-ca.pem", at=AT)


def failing(report: microcred.Report) -> list:
    return [(c.kind, c.code) for c in report.checks if c.status == "failed"]


@pytest.mark.parametrize("data, code", [
    (b"this is not JSON", "json.syntax"),
    (b'{"type": ["VerifiableCredential"', "json.truncated"),
    (b"[" * 100 + b"]" * 100, "json.too_deep"),
    (b" " * OVER_LIMIT, "json.too_large"),
    (b"", "json.truncated"),
    ("\u00e9t\u00e9", "json.syntax"),
    (b"\xff\xfe\x00garbage", "json.syntax"),
])
def test_unreadable_input(data: Any, code: str, verifier: microcred.Verifier) -> None:
    with pytest.raises(microcred.ParseError) as raised:
        microcred.Credential.from_jsonld(data)
    assert raised.value.code == code
    report = verifier.verify(data)
    assert report.verdict == "invalid"
    assert failing(report)[0] == ("format", code)


def test_a_truncated_sealed_file(verifier: microcred.Verifier) -> None:
    data = SEALED.read_bytes()
    report = verifier.verify(data[: len(data) // 2])
    assert report.verdict == "invalid"
    assert failing(report)[0] == ("format", "json.truncated")


def test_a_seal_tampered_from_python(verifier: microcred.Verifier) -> None:
    envelope = json.loads(SEALED.read_bytes())
    assert verifier.verify(json.dumps(envelope)).verdict == "valid"
    payload = json.loads(envelope["payload"])
    payload["validFrom"] = "2020-01-01T00:00:00Z"
    envelope["payload"] = json.dumps(payload)
    report = verifier.verify(json.dumps(envelope).encode())
    assert report.verdict == "invalid"
    assert ("seal", "seal.signature_mismatch") in failing(report)
    # A flipped signature byte too.
    envelope = json.loads(SEALED.read_bytes())
    signature = envelope["signatures"][0]["signature"]
    envelope["signatures"][0]["signature"] = ("A" if signature[0] != "A" else "B") + signature[1:]
    report = verifier.verify(json.dumps(envelope))
    assert report.verdict == "invalid"
    assert [kind for kind, _ in failing(report)][:1] == ["seal"]


def test_a_sealed_file_is_not_read_as_plain() -> None:
    with pytest.raises(microcred.ParseError) as raised:
        microcred.Credential.from_jsonld(SEALED)
    assert raised.value.code == "json.sealed_input"
    unverified = microcred.Credential.from_jsonld_unverified(SEALED)
    assert unverified.form == "sealed_unverified"


@pytest.mark.parametrize("value", [None, 42, 4.2, ["a"], {"credential": {}}, object()])
def test_wrong_python_types_are_type_errors(value: Any, verifier: microcred.Verifier) -> None:
    with pytest.raises(TypeError, match="expected bytes, str or a path"):
        microcred.Credential.from_jsonld(value)
    with pytest.raises(TypeError):
        microcred.Credential.from_xml(value)
    with pytest.raises(TypeError):
        verifier.verify(value)
    with pytest.raises(TypeError):
        microcred.detect_format(value)


def test_verify_many_refuses_an_item_of_the_wrong_type(verifier: microcred.Verifier) -> None:
    good = SEALED.read_bytes()
    for items in ([good, None], [good, 3, "x"], [SEALED, b"{}", 1.5]):
        with pytest.raises(TypeError, match=r"items\[\d\]"):
            verifier.verify_many(items)
    with pytest.raises(TypeError):
        verifier.verify_many(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        verifier.verify_many(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not one file"):
        verifier.verify_many(good)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        verifier.verify_many([good], threads=0)
    # Mixed but valid kinds are fine; an unreadable item is an invalid report, not an error.
    reports = verifier.verify_many([good, good.decode(), SEALED, bytearray(good), b"nope"])
    assert [r.verdict for r in reports] == ["valid"] * 4 + ["invalid"]
    assert verifier.verify_many([]) == []


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        microcred.Credential.from_jsonld(tmp_path / "absent.json")


def test_wrong_verifier_arguments() -> None:
    with pytest.raises(ValueError, match="naive"):
        microcred.Verifier(at=datetime(2026, 2, 1))
    with pytest.raises(TypeError):
        microcred.Verifier(at="2026-02-01T00:00:00Z")
    with pytest.raises(TypeError):
        microcred.Verifier(trust_anchors=[None])
    with pytest.raises(TypeError):
        microcred.Verifier(status_lists={"https://example.org/s": None})
    with pytest.raises(TypeError):
        microcred.Verifier(status_lists=[b"x"])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        microcred.Verifier(contexts={"https://example.org/c": 3})
    with pytest.raises(TypeError):
        microcred.Verifier(AT)  # type: ignore[misc]  (keyword arguments only)


def test_ten_thousand_bad_items_in_one_call(verifier: microcred.Verifier) -> None:
    """10,000 small bad items in one call: every one gets its report, nothing raises."""
    items = [b"{" * (i % 7) for i in range(10_000)]
    reports = verifier.verify_many(items)
    assert len(reports) == 10_000
    assert {r.verdict for r in reports} == {"invalid"}
