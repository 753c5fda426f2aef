"""to_pandas, to_arrow and report_rows over the verification vectors: one row per credential (a
presentation's credentials each get a row with the presentation's source), the verdicts and check
statuses of vectors/verify.json, typed columns, learner data only when asked for."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest

import microcred
from conftest import VECTORS, load_json

MANIFEST = load_json(VECTORS / "verify.json")
CLOCK = datetime.datetime.fromisoformat(MANIFEST["clock"].replace("Z", "+00:00"))
UTC = datetime.timezone.utc


def verifier() -> microcred.Verifier:
    lists = {url: (VECTORS / file).read_bytes() for url, file in MANIFEST["status_lists"].items()}
    return microcred.Verifier(at=CLOCK, trust_anchors=VECTORS / MANIFEST["trust_anchors"],
                              status_lists=lists)


FILES = [VECTORS / case["input"] for case in MANIFEST["cases"]]


@pytest.fixture(scope="module")
def reports() -> List[microcred.Report]:
    return verifier().verify_many(FILES)


def expected_rows() -> List[Dict[str, Any]]:
    """What each row should say, from the manifest alone: source, verdict, check statuses and
    the code that keeps the credential from being valid."""
    rows = []
    for case, file in zip(MANIFEST["cases"], FILES):
        held = case["expect"].get("credentials") or [case["expect"]]
        for expect in held:
            statuses = {kind: None for kind in microcred.CHECK_KINDS}
            statuses.update({c["kind"]: c["status"] for c in expect["checks"]})
            counted = [c for c in expect["checks"] if c["kind"] != "micro_credential"]
            reason = next((c["code"] for c in counted if c["status"] == "failed"),
                          next((c["code"] for c in counted if c["status"] == "indeterminate"),
                               None))
            rows.append({"source": str(file), "verdict": expect["verdict"], **statuses,
                         "first_failure": reason})
    return rows


def test_the_kinds_are_the_core_s_in_report_order() -> None:
    assert microcred.CHECK_KINDS == ("format", "micro_credential", "seal", "trust", "expiry",
                                     "revocation", "accreditation", "owner")


def test_rows_follow_the_vectors(reports: List[microcred.Report]) -> None:
    rows = microcred.report_rows(reports)
    expected = expected_rows()
    keys = ["source", "verdict", *microcred.CHECK_KINDS, "first_failure"]
    assert [{k: row[k] for k in keys} for row in rows] == expected
    # A presentation gives one row per credential it holds, each with the presentation's source.
    presentation = str(VECTORS / "sealed" / "sealed-presentation.json")
    held = [row for row in rows if row["source"] == presentation]
    assert [row["verdict"] for row in held] == ["valid", "valid", "indeterminate"]
    assert [row["seal"] for row in held] == ["ok", "ok", "ok"]
    # An empty presentation keeps one row, its own, so that no file drops out of the table.
    [empty] = [row for row in rows if row["source"].endswith("sealed-presentation-empty.json")]
    assert (empty["format"], empty["expiry"]) == ("ok", None)


def test_rows_carry_the_credential_and_its_seal(reports: List[microcred.Report]) -> None:
    rows = {Path(row["source"]).name: row for row in microcred.report_rows(reports)}
    sealed = rows["sealed-es256.json"]
    credential = microcred.Credential.from_jsonld_unverified(VECTORS / "sealed" / "sealed-es256.json")
    assert sealed["credential_id"] == credential.id
    assert sealed["issuer"] == "Microcred Test University"
    assert sealed["title"] == credential.title
    assert (sealed["country"], sealed["ects"], sealed["eqf_level"]) == (
        credential.country, credential.ects, credential.eqf_level)
    assert isinstance(sealed["ects"], float) and sealed["eqf_level"] == credential.eqf_level
    assert sealed["issued"] == credential.issued and sealed["issued"].tzinfo is not None
    assert sealed["sealed_at"] == datetime.datetime(2026, 1, 15, 10, tzinfo=UTC)
    assert (sealed["seal_level"], sealed["qualified"]) == ("B-B", True)
    # A Data Integrity proof is no seal: no seal columns.
    signed = rows["signed-di.json"]
    assert (signed["sealed_at"], signed["seal_level"], signed["qualified"]) == (None, None, None)
    assert signed["title"] == sealed["title"]
    # A file that cannot be read has nothing but its verdict and checks.
    truncated = rows["sealed-truncated.json"]
    assert truncated["first_failure"] == "json.truncated"
    assert all(truncated[k] is None for k in ("issuer", "title", "issued", "ects", "qualified"))


def test_learner_only_when_asked(reports: List[microcred.Report]) -> None:
    assert all("learner" not in row for row in microcred.report_rows(reports))
    rows = microcred.report_rows(reports, include_learner=True)
    sealed = next(r for r in rows if r["source"].endswith("sealed-es256.json"))
    assert sealed["learner"] == reports[FILES.index(VECTORS / "sealed" / "sealed-es256.json")
                                        ].learner()
    assert sealed["learner"]
    assert list(rows[0])[-1] == "learner"


def test_to_pandas_types_the_columns(reports: List[microcred.Report]) -> None:
    pd = pytest.importorskip("pandas")
    table = microcred.to_pandas(reports)
    rows = microcred.report_rows(reports)
    assert list(table.columns) == list(rows[0])
    assert "learner" not in table.columns
    assert len(table) == len(rows) == len(expected_rows())
    assert list(table["verdict"]) == [row["verdict"] for row in expected_rows()]
    dtypes = {name: str(dtype) for name, dtype in table.dtypes.items()}
    assert dtypes["ects"] == "float64" and dtypes["eqf_level"] == "Int64"
    assert dtypes["issued"] == dtypes["sealed_at"] == "datetime64[us, UTC]"
    assert dtypes["qualified"] == "boolean"
    assert all(isinstance(table[c].dtype, pd.StringDtype)
               for c in ("source", "verdict", "seal", "first_failure", "issuer", "country"))
    sealed = table[table["source"].str.endswith("sealed-es256.json")].iloc[0]
    assert sealed["sealed_at"] == pd.Timestamp("2026-01-15T10:00:00Z")
    assert bool(sealed["qualified"]) and sealed["seal_level"] == "B-B"
    unread = table[table["source"].str.endswith("sealed-truncated.json")].iloc[0]
    assert pd.isna(unread["eqf_level"]) and pd.isna(unread["qualified"])
    assert pd.isna(unread["issued"]) and pd.isna(unread["ects"])
    with_learner = microcred.to_pandas(reports, include_learner=True)
    assert list(with_learner.columns) == [*table.columns, "learner"]
    # No reports: the same columns and types, no rows.
    empty = microcred.to_pandas([])
    assert list(empty.columns) == list(table.columns) and len(empty) == 0
    assert {n: str(d) for n, d in empty.dtypes.items()} == dtypes


def test_to_arrow_holds_the_same_rows(reports: List[microcred.Report]) -> None:
    pa = pytest.importorskip("pyarrow")
    table = microcred.to_arrow(reports)
    assert table.to_pylist() == microcred.report_rows(reports)
    schema = table.schema
    assert schema.field("ects").type == pa.float64()
    assert schema.field("eqf_level").type == pa.int64()
    assert schema.field("issued").type == pa.timestamp("us", tz="UTC")
    assert schema.field("qualified").type == pa.bool_()
    assert schema.field("verdict").type == pa.string()
    assert "learner" not in schema.names
    assert microcred.to_arrow(reports, include_learner=True).column("learner").to_pylist() == [
        row["learner"] for row in microcred.report_rows(reports, include_learner=True)]
    assert microcred.to_arrow([]).schema == schema


def test_a_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch,
                                  reports: List[microcred.Report]) -> None:
    # A None entry in sys.modules makes the import raise ImportError.
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"pip install 'microcred\[pandas\]'"):
        microcred.to_pandas(reports)
    with pytest.raises(ImportError, match=r"pip install 'microcred\[arrow\]'"):
        microcred.to_arrow(reports)


def test_only_reports_make_rows() -> None:
    with pytest.raises(TypeError, match="microcred.Report"):
        microcred.report_rows([{"verdict": "valid"}])
