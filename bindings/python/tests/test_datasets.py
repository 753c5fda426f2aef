"""verify_dir and verify_jsonl: a folder or a JSON Lines file of credentials, one report each,
with the verdicts of vectors/verify.json."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest

import microcred
from conftest import VECTORS, load_json

MANIFEST = load_json(VECTORS / "verify.json")
CLOCK = datetime.datetime.fromisoformat(MANIFEST["clock"].replace("Z", "+00:00"))
ANCHORS = VECTORS / MANIFEST["trust_anchors"]
EXPECTED = {Path(case["input"]).name: case["expect"]["verdict"] for case in MANIFEST["cases"]}


def options() -> dict:
    lists = {url: (VECTORS / file).read_bytes() for url, file in MANIFEST["status_lists"].items()}
    return {"at": CLOCK, "trust_anchors": ANCHORS, "status_lists": lists}


def test_verify_dir_gives_each_file_its_vector_verdict(tmp_path: Path) -> None:
    # A copy with a subfolder and a file the pattern leaves out.
    folder = tmp_path / "credentials"
    shutil.copytree(VECTORS / "sealed", folder / "nested")
    (folder / "notes.txt").write_text("not a credential", encoding="utf-8")
    reports = microcred.verify_dir(folder, **options())
    got = {Path(r.source).name: r.verdict for r in reports}
    assert got == EXPECTED
    sources = [r.source for r in reports]
    assert sources == sorted(sources), "files are verified in sorted order"
    assert microcred.verify_dir(folder, "sealed-es256.json", **options())[0].verdict == "valid"


def test_verify_dir_takes_a_verifier_or_options_not_both(tmp_path: Path) -> None:
    verifier = microcred.Verifier(**options())
    assert microcred.verify_dir(VECTORS / "sealed", "sealed-es256.json", verifier=verifier)[0].valid
    with pytest.raises(TypeError):
        microcred.verify_dir(VECTORS / "sealed", verifier=verifier, strict=True)
    with pytest.raises(NotADirectoryError):
        microcred.verify_dir(tmp_path / "absent")


def test_verify_jsonl_reports_each_line_with_its_number(tmp_path: Path) -> None:
    names = ["sealed-es256.json", "sealed-tampered-payload.json", "status-revoked.json"]
    # One JSON document per line, as JSON Lines writes it.
    lines = [json_line(VECTORS / "sealed" / name) for name in names]
    file = tmp_path / "credentials.jsonl"
    file.write_bytes(b"\n".join([lines[0], b"", *lines[1:]]) + b"\n")
    reports = microcred.verify_jsonl(file, **options())
    assert [r.verdict for r in reports] == [EXPECTED[n] for n in names]
    numbers = [1] + [n + 3 for n in range(len(names) - 1)]
    assert [r.source for r in reports] == [f"{file}:{n}" for n in numbers]


def test_sources_must_match_the_items() -> None:
    verifier = microcred.Verifier(**options())
    with pytest.raises(ValueError, match="sources"):
        verifier.verify_many([b"{}", b"{}"], sources=["one"])


def json_line(path: Path) -> bytes:
    return json.dumps(json.loads(path.read_text(encoding="utf-8")), separators=(",", ":")).encode()
