"""A Verifier pickles as its configuration (the core's VerifierConfig), so the same verifier
runs in other processes (multiprocessing, Dask, Spark) and gives the same reports."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List

import microcred
from conftest import VECTORS, load_json

VERIFY = load_json(VECTORS / "verify.json")


def make_verifier(**more: Any) -> microcred.Verifier:
    lists = {url: (VECTORS / file).read_bytes() for url, file in VERIFY["status_lists"].items()}
    return microcred.Verifier(
        trust_anchors=(VECTORS / VERIFY["trust_anchors"]).read_text(),
        at=datetime(2026, 2, 1, 1, tzinfo=timezone(timedelta(hours=1))),
        status_lists=lists,
        **more,
    )


def inputs() -> List[bytes]:
    return [(VECTORS / c["input"]).read_bytes() for c in VERIFY["cases"]]


def test_a_pickled_verifier_verifies_the_same() -> None:
    verifier = make_verifier(strict=True, require_qualified=True)
    copy = pickle.loads(pickle.dumps(verifier))
    assert isinstance(copy, microcred.Verifier)
    assert copy.config_json() == verifier.config_json()
    assert repr(copy) == repr(verifier)
    for data in inputs():
        assert copy.verify(data).to_dict() == verifier.verify(data).to_dict()


def test_the_configuration_carries_every_argument() -> None:
    verifier = make_verifier(strict=True, require_qualified=True)
    config: Dict[str, Any] = load_json_text(verifier.config_json())
    assert config["clock"] == "2026-02-01T01:00:00+01:00"
    assert config["trust_policy"] == "strict"
    assert config["require_qualified"] is True
    assert sorted(config["status_lists"]) == sorted(VERIFY["status_lists"])
    assert len(config["trust_anchors"]) == 1
    # Without `at` the verifier reads the clock at each verification, and says so.
    assert load_json_text(microcred.Verifier().config_json())["clock"] == "now"


def load_json_text(text: str) -> Any:
    import json

    return json.loads(text)


def verify_in_worker(verifier: microcred.Verifier, data: bytes) -> Dict[str, Any]:
    return verifier.verify(data).to_dict()


def test_a_verifier_crosses_processes() -> None:
    verifier = make_verifier()
    data = inputs()
    with ProcessPoolExecutor(max_workers=2) as pool:
        remote = list(pool.map(verify_in_worker, [verifier] * len(data), data))
    assert remote == [r.to_dict() for r in verifier.verify_many(data)]


def test_a_credential_pickles_with_its_form() -> None:
    for path in ("cases/valid-1.json", "cases/valid-upload-form.json"):
        credential = microcred.Credential.from_jsonld(VECTORS / path)
        copy = pickle.loads(pickle.dumps(credential))
        assert copy.form == credential.form
        assert copy.to_jsonld() == credential.to_jsonld()
        assert copy.summary() == credential.summary()
    sealed = microcred.Credential.from_jsonld_unverified(VECTORS / "sealed" / "sealed-es256.json")
    assert pickle.loads(pickle.dumps(sealed)).form == "sealed_unverified"


def test_a_report_pickles_with_its_learner_which_its_json_leaves_out() -> None:
    verifier = make_verifier()
    for data in inputs():
        report = verifier.verify(data)
        copy = pickle.loads(pickle.dumps(report))
        assert copy.to_dict() == report.to_dict()
        assert copy.learner() == report.learner()
        assert copy.issued == report.issued and copy.ects == report.ects
        nested = report.credentials or []
        assert [r.learner() for r in copy.credentials or []] == [r.learner() for r in nested]
    named = [verifier.verify(data) for data in inputs()]
    assert any(r.learner() for r in named)
    for report in named:
        if report.learner():
            assert report.learner() not in report.to_json()
            assert report.learner() not in repr(report)


def test_reports_come_back_from_worker_processes_whole() -> None:
    verifier = make_verifier()
    with ProcessPoolExecutor(max_workers=2) as pool:
        remote = list(pool.map(verifier.verify, inputs()))
    local = [verifier.verify(data) for data in inputs()]
    assert [r.to_dict() for r in remote] == [r.to_dict() for r in local]
    assert [r.learner() for r in remote] == [r.learner() for r in local]
