"""Verifies a folder of credentials on a Dask cluster and prints a summary of the table.

    python examples/python/dask_verify.py vectors/sealed --trust-anchors vectors/pki/root-ca.pem \
        --at 2026-02-01T00:00:00Z [--csv reports.csv] [--parquet reports.parquet]

The files are listed here, spread over a ``dask.bag`` and verified on the workers of a
``distributed.LocalCluster`` (2 worker processes, 1 thread each; ``--scheduler ADDRESS`` uses a
running cluster instead). Each worker gets the ``microcred.Verifier`` pickled (a verifier pickles
as its configuration), verifies its partition with ``Verifier.verify_many`` and turns the reports
into a table with ``microcred.to_pandas``; the tables come back and are put together. The result is
the table that ``microcred.to_pandas(verifier.verify_many(files))`` gives on one machine.

Needs ``pip install 'dask[bag]' distributed pandas`` (and pyarrow for ``--parquet``). The worker
function is defined here: run as a script, Dask ships it by value; imported as a module, its
folder must be importable on the workers.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import List, Optional, Sequence

import dask.bag
import pandas as pd
from distributed import Client, LocalCluster

import microcred


def verify_partition(files: Sequence[str], verifier: microcred.Verifier) -> List[pd.DataFrame]:
    """Runs on a worker: one partition's files, verified and made a table there, so that only
    the table's rows come back (no learner names, unlike pickled reports). `threads=1`: Dask's
    worker processes are the parallelism."""
    reports = verifier.verify_many([Path(file) for file in files], threads=1)
    return [microcred.to_pandas(reports)]


def verify_folder(client: Client, folder: Path, verifier: microcred.Verifier,
                  pattern: str = "*.json*", partitions: Optional[int] = None) -> pd.DataFrame:
    """The table of every file under ``folder`` matching ``pattern``, in sorted order."""
    files = sorted(str(p) for p in folder.rglob(pattern) if p.is_file())
    if not files:
        return microcred.to_pandas([])
    workers = max(1, len(client.scheduler_info()["workers"]))
    bag = dask.bag.from_sequence(files, npartitions=partitions or min(len(files), 4 * workers))
    tables = bag.map_partitions(verify_partition, verifier).compute()
    return pd.concat(tables, ignore_index=True)


def make_verifier(args: argparse.Namespace) -> microcred.Verifier:
    at = None
    if args.at:
        at = datetime.datetime.fromisoformat(args.at.replace("Z", "+00:00"))
        if at.tzinfo is None:
            raise SystemExit("--at: give a time zone (2026-02-01T00:00:00Z)")
    lists = {}
    for entry in args.status_list:
        url, sep, file = entry.partition("=")
        if not sep:
            raise SystemExit(f"--status-list: expected URL=FILE, not {entry!r}")
        lists[url] = Path(file).read_bytes()
    return microcred.Verifier(trust_anchors=[Path(p) for p in args.trust_anchors], at=at,
                              status_lists=lists, strict=args.strict)


def parse_args(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the folder of credentials (subfolders too)")
    parser.add_argument("--pattern", default="*.json*", help="file names to verify (*.json*)")
    parser.add_argument("--trust-anchors", action="append", default=[], metavar="PEM",
                        help="a certificate file to trust (repeatable)")
    parser.add_argument("--at", help="verify at this time (RFC 3339), not now")
    parser.add_argument("--status-list", action="append", default=[], metavar="URL=FILE",
                        help="a status list credential fetched beforehand (repeatable)")
    parser.add_argument("--strict", action="store_true", help="an untrusted seal fails")
    parser.add_argument("--scheduler", help="the address of a running Dask scheduler")
    parser.add_argument("--partitions", type=int, help="partitions of the bag (4 per worker)")
    parser.add_argument("--csv", type=Path, help="write the table as CSV")
    parser.add_argument("--parquet", type=Path, help="write the table as Parquet (pyarrow)")
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> pd.DataFrame:
    args = parse_args(argv)
    if not args.folder.is_dir():
        raise SystemExit(f"{args.folder} is not a folder")
    verifier = make_verifier(args)
    if args.scheduler:
        with Client(args.scheduler) as client:
            table = verify_folder(client, args.folder, verifier, args.pattern, args.partitions)
    else:
        with LocalCluster(n_workers=2, processes=True, threads_per_worker=1) as cluster, \
                Client(cluster) as client:
            table = verify_folder(client, args.folder, verifier, args.pattern, args.partitions)
    print(summary(table))
    if args.csv:
        table.to_csv(args.csv, index=False)
    if args.parquet:
        table.to_parquet(args.parquet, index=False)
    return table


def summary(table: pd.DataFrame) -> str:
    """How many credentials of each verdict, and the most frequent reasons."""
    lines = [f"{len(table)} credentials from {table['source'].nunique()} files"]
    for verdict, count in table["verdict"].value_counts().sort_index().items():
        lines.append(f"  {verdict:<14} {count}")
    reasons = table["first_failure"].value_counts().head(10)
    if len(reasons):
        lines.append("most frequent reasons:")
        lines += [f"  {code:<40} {count}" for code, count in reasons.items()]
    return "\n".join(lines)


if __name__ == "__main__":
    main(sys.argv[1:])
