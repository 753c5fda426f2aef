"""verify_many on many items: chunks (progress reported after each, inputs held one chunk at a
time), progress bars (tqdm, or a counter on stderr without it), and memory bounded on 10,000
items from a generator and from a JSON Lines file."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import List, Optional

import pytest

import microcred
from conftest import ROOT, VECTORS

AT = datetime.datetime(2026, 2, 1, tzinfo=datetime.timezone.utc)
SEALED = (VECTORS / "sealed" / "sealed-es256.json").read_bytes()


def verifier() -> microcred.Verifier:
    return microcred.Verifier(at=AT, trust_anchors=VECTORS / "pki" / "root-ca.pem")


class Recorder:
    """Stands for the progress bar: records what verify_many tells it."""

    made: List["Recorder"] = []

    def __init__(self, total: Optional[int]) -> None:
        self.total = total
        self.updates: List[int] = []
        self.closed = False
        Recorder.made.append(self)

    def update(self, count: int) -> None:
        self.updates.append(count)

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> List[Recorder]:
    Recorder.made = []
    monkeypatch.setattr(microcred, "_progress", Recorder)
    return Recorder.made


def test_progress_is_reported_after_each_chunk(recorder: List[Recorder]) -> None:
    items = [SEALED if i % 50 == 0 else b"not JSON" for i in range(600)]
    reports = verifier().verify_many(items, progress=True)
    [bar] = recorder
    assert (bar.total, bar.updates, bar.closed) == (600, [256, 256, 88], True)
    assert [r.valid for r in reports] == [i % 50 == 0 for i in range(600)]
    # A generator has no length: the bar has no total; without progress=, no bar.
    verifier().verify_many((b"x" for _ in range(3)), progress=True)
    assert (recorder[1].total, recorder[1].updates) == (None, [3])
    verifier().verify_many([b"x"])
    assert len(recorder) == 2


def test_the_bar_is_closed_when_an_item_is_refused(recorder: List[Recorder]) -> None:
    items = [b"x"] * 300 + [42]
    with pytest.raises(TypeError, match=r"items\[300\]"):
        verifier().verify_many(items, progress=True)
    [bar] = recorder
    assert (bar.updates, bar.closed) == ([256], True)


def test_progress_uses_tqdm_when_installed(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    verifier().verify_many([SEALED] * 10, progress=True)
    err = capsys.readouterr().err
    assert "10/10" in err and "microcred: verifying" in err


def test_progress_without_tqdm_is_a_counter_on_stderr(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A None entry in sys.modules makes `import tqdm.auto` raise ImportError.
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    reports = verifier().verify_many([SEALED] * 10, progress=True)
    assert all(r.valid for r in reports)
    assert capsys.readouterr().err == "\rmicrocred: verified 10 of 10\n"
    verifier().verify_many(iter([SEALED] * 3), progress=True)
    assert capsys.readouterr().err == "\rmicrocred: verified 3\n"


def test_verify_jsonl_and_verify_dir_show_progress(tmp_path: Path,
                                                   recorder: List[Recorder]) -> None:
    file = tmp_path / "many.jsonl"
    file.write_bytes(b"\n".join([b"not JSON", b"", b"{}"] * 200) + b"\n")
    reports = microcred.verify_jsonl(file, verifier=verifier(), progress=True)
    assert (recorder[0].total, recorder[0].updates) == (400, [256, 144])
    assert reports[-1].source == f"{file}:{3 * 200}"
    assert len(microcred.verify_dir(VECTORS / "sealed", "sealed-*.json", verifier=verifier(),
                                    progress=True)) == recorder[1].total > 0


def test_sources_are_read_in_step_with_the_items() -> None:
    reports = verifier().verify_many((b"x" for _ in range(3)), sources=(f"n{i}" for i in range(3)))
    assert [r.source for r in reports] == ["n0", "n1", "n2"]
    with pytest.raises(ValueError, match="sources: 2 names for more items"):
        verifier().verify_many((b"x" for _ in range(3)), sources=iter(["a", "b"]))
    with pytest.raises(ValueError, match="sources: more names than the 1 items"):
        verifier().verify_many(iter([b"x"]), sources=iter(["a", "b"]))
    with pytest.raises(TypeError, match="sources"):
        verifier().verify_many([b"x"], sources="a")


# Memory: each case runs in a fresh interpreter, which reports the growth of its peak resident
# memory (ru_maxrss, KiB on Linux) over verifying 10,000 items; the reports are kept (the output),
# the inputs must not be. The inputs total about 200 MB, which a verify_many that held them all
# (as a list of bytes in Python or of buffers in Rust) would add to the peak; holding one chunk
# at a time adds the reports (a few KiB each) and one chunk.
LIMIT_MB = 100
PAD = 20_000

MEMORY_SCRIPT = textwrap.dedent("""
    import datetime, json, pathlib, resource, sys
    import microcred

    case, pad, folder = sys.argv[1], int(sys.argv[2]), pathlib.Path(sys.argv[3])
    sealed = pathlib.Path("vectors/sealed/sealed-es256.json").read_bytes()
    at = datetime.datetime(2026, 2, 1, tzinfo=datetime.timezone.utc)
    verifier = microcred.Verifier(at=at, trust_anchors=pathlib.Path("vectors/pki/root-ca.pem"))

    def items():
        # Mixed input, made one item at a time: the sealed vector (1 in 100), truncated JSON and
        # not JSON at all, both padded to `pad` bytes.
        for i in range(10_000):
            if i % 100 == 0:
                yield sealed
            elif i % 2:
                yield b"{" + b" " * pad
            else:
                yield b"x" * pad

    if case == "jsonl":
        file = folder / "many.jsonl"
        with file.open("wb") as out:
            for item in items():
                out.write(item.replace(b"\\n", b"") + b"\\n")
    verifier.verify_many([sealed, b"x"])  # the thread pool and the first allocations
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if case == "generator":
        reports = verifier.verify_many(items(), sources=(f"item {i}" for i in range(10_000)))
    else:
        reports = microcred.verify_jsonl(file, verifier=verifier)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    verdicts = {}
    for report in reports:
        key = report.checks[0].code if not report.valid else "valid"
        verdicts[key] = verdicts.get(key, 0) + 1
    print(json.dumps({"growth_mb": (after - before) / 1024, "count": len(reports),
                      "verdicts": verdicts, "second": reports[1].source}))
""")


@pytest.mark.parametrize("case", ["generator", "jsonl"])
def test_memory_stays_bounded_on_10000_items(case: str, tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("ru_maxrss is read in KiB as Linux gives it")
    done = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, case, str(PAD), str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    got = json.loads(done.stdout)
    assert got["count"] == 10_000
    # 100 valid sealed vectors; the rest are invalid, each for the reason it was made with.
    assert got["verdicts"] == {"valid": 100, "json.truncated": 5000, "json.syntax": 4900}
    expected = "item 1" if case == "generator" else f"{tmp_path / 'many.jsonl'}:2"
    assert got["second"] == expected
    growth = got["growth_mb"]
    assert growth < LIMIT_MB, f"peak memory grew by {growth:.0f} MB on 10,000 items"
