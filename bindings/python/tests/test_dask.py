"""examples/python/dask_verify.py on a LocalCluster of 2 worker processes gives the table that
to_pandas(verify_many(...)) gives on the same files. One cluster serves the module's tests (it
takes seconds to start)."""

from __future__ import annotations

import datetime
import shutil
import sys
from pathlib import Path
from typing import Iterator, List

import pytest

import microcred
from conftest import ROOT, VECTORS, load_json

pd = pytest.importorskip("pandas")
pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

EXAMPLES = ROOT / "examples" / "python"
MANIFEST = load_json(VECTORS / "verify.json")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    # The example's worker function is imported by name on the workers: its folder goes on the
    # path the worker processes start with (spawned processes get the parent's sys.path).
    sys.path.insert(0, str(EXAMPLES))
    try:
        with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                      dashboard_address=None) as cluster:
            yield cluster.scheduler_address
    finally:
        sys.path.remove(str(EXAMPLES))


def options() -> List[str]:
    args = ["--trust-anchors", str(VECTORS / MANIFEST["trust_anchors"]), "--at", MANIFEST["clock"]]
    for url, file in MANIFEST["status_lists"].items():
        args += ["--status-list", f"{url}={VECTORS / file}"]
    return args


def test_the_dask_table_equals_verify_many(scheduler: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    import dask_verify

    # The sealed vectors, and a subfolder with a copy of some of them: 2 workers, 4 partitions.
    folder = tmp_path / "credentials"
    shutil.copytree(VECTORS / "sealed", folder)
    shutil.copytree(VECTORS / "sealed", folder / "again", ignore=shutil.ignore_patterns("status-*"))
    csv, parquet = tmp_path / "table.csv", tmp_path / "table.parquet"
    table = dask_verify.main([str(folder), *options(), "--scheduler", scheduler, "--partitions",
                              "4", "--csv", str(csv), "--parquet", str(parquet)])

    files = sorted(p for p in folder.rglob("*.json*") if p.is_file())
    at = datetime.datetime.fromisoformat(MANIFEST["clock"].replace("Z", "+00:00"))
    lists = {url: (VECTORS / f).read_bytes() for url, f in MANIFEST["status_lists"].items()}
    verifier = microcred.Verifier(trust_anchors=VECTORS / MANIFEST["trust_anchors"], at=at,
                                  status_lists=lists)
    expected = microcred.to_pandas(verifier.verify_many(files))

    def by_source(frame: "pd.DataFrame") -> "pd.DataFrame":
        # Stable: a presentation's credentials keep their order.
        return frame.sort_values("source", kind="stable").reset_index(drop=True)

    pd.testing.assert_frame_equal(by_source(table), by_source(expected))
    # Real content: every file is there, with the verdict the vectors give it.
    verdicts = {Path(c["input"]).name: c["expect"]["verdict"] for c in MANIFEST["cases"]}
    plain = table[~table["source"].str.contains("presentation")]
    assert {Path(s).name: v for s, v in zip(plain["source"], plain["verdict"])} == {
        name: verdict for name, verdict in verdicts.items() if "presentation" not in name}
    assert table["source"].nunique() == len(files)
    out = capsys.readouterr().out
    assert out.startswith(f"{len(table)} credentials from {len(files)} files")
    assert f"  {'valid':<14} {int((table['verdict'] == 'valid').sum())}\n" in out
    # The files written hold the same table.
    pd.testing.assert_frame_equal(pd.read_parquet(parquet), table)
    assert list(pd.read_csv(csv)["verdict"]) == list(table["verdict"])


def test_a_folder_without_credentials_gives_an_empty_table(scheduler: str, tmp_path: Path) -> None:
    import dask_verify

    table = dask_verify.main([str(tmp_path), "--scheduler", scheduler])
    assert len(table) == 0 and list(table.columns) == list(microcred.to_pandas([]).columns)
