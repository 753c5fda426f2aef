#!/usr/bin/env python3
"""Benchmarks of the Python binding (BENCHMARKS.md, "Python binding"); run by
scripts/bench-python.sh, which builds the release wheel and prints the tables.

    bench.py make DIR N                 N sealed credentials (test PKI, RS256 and ES256 in turn)
    bench.py verify DIR THREADS         verify_many over DIR's files: one JSON line of figures
    bench.py di N CONTEXTS PYLD_DI IN...  Data Integrity verification, microcred and pyld
    bench.py import                     import time of microcred (median of fresh interpreters)
    bench.py cli-row N THREADS SECONDS KIB   the table row of a CLI run

Each prints Markdown table rows.

Each figure that depends on memory is taken in a process of its own (peak RSS is per process).
"""

from __future__ import annotations

import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PKI = ROOT / "vectors" / "pki"
ISSUED = datetime(2026, 3, 1, 9, tzinfo=timezone.utc)
AT = ISSUED + timedelta(days=30)


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make(folder: Path, n: int) -> None:
    import microcred

    folder.mkdir(parents=True, exist_ok=True)
    sealers = [
        microcred.Sealer(key_pem=PKI / f"eseal-{name}.key.pem",
                         cert_chain_pem=PKI / f"eseal-{name}.chain.pem")
        for name in ("rsa", "p256")
    ]
    course = ROOT / "examples" / "course.toml"
    learner = json.loads((ROOT / "examples" / "learner.json").read_text())
    for i in range(n):
        record = dict(learner, student_id=f"r{i:07d}", certificate_number=f"BENCH-{i:07d}")
        credential = microcred.issue(course, record, now=ISSUED,
                                     credential_id=uuid.UUID(int=i + 1, version=4))
        sealed = sealers[i % 2].seal(credential, at=ISSUED)
        (folder / f"credential-{i:05d}.json").write_bytes(sealed)


def verify(folder: Path, threads: int) -> None:
    import microcred

    files = sorted(folder.glob("*.json"))
    verifier = microcred.Verifier(trust_anchors=PKI / "root-ca.pem", at=AT)
    before = peak_rss_mib()
    start = time.perf_counter()
    reports = verifier.verify_many(files, threads=threads)
    seconds = time.perf_counter() - start
    valid = sum(r.valid for r in reports)
    if valid != len(files):
        raise SystemExit(f"{len(files) - valid} of {len(files)} credentials are not valid")
    print(f"| Python `verify_many` | {threads} | {len(files) / seconds:,.0f} | {seconds:.2f} s | "
          f"{peak_rss_mib():.0f} MiB (after import: {before:.0f} MiB) |")


def cli_row(n: int, threads: str, seconds: float, kib: int) -> None:
    print(f"| CLI `microcred verify --json` (reads, verifies, prints) | {threads} | "
          f"{n / seconds:,.0f} | {seconds:.2f} s | {kib / 1024:.0f} MiB |")


def load_pyld_di(path: str):
    spec = importlib.util.spec_from_file_location("pyld_di", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(function, n: int) -> float:
    """Median milliseconds of n calls, after n/10 (at least 3) warm-up calls."""
    for _ in range(max(3, n // 10)):
        function()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def di(n: int, contexts_file: str, pyld_di_path: str, inputs: list) -> None:
    """For each input: microcred signs it (Ed25519 test key), then the signed document is
    verified by microcred (the proof alone, and the whole Verifier) and by pyld + PyNaCl (the
    proof, as interop/peers/pyld_di.py does it), one after the other in this process."""
    import microcred
    from nacl.signing import SigningKey

    print("| input | microcred `Verifier.verify` | `verify_many`, 1 thread | `verify_many`, 2 "
          "threads | pyld + PyNaCl | pyld ÷ `verify` | pyld ÷ `verify_many` (2) |")
    print("|---|---|---|---|---|---|---|")
    pyld_di = load_pyld_di(pyld_di_path)
    contexts = json.loads(Path(contexts_file).read_text())
    load = pyld_di.loader_for(contexts)
    seed = bytes.fromhex("9f3c1d2e4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0")
    created = "2025-01-01T00:00:00Z"
    for path in inputs:
        document = json.loads(Path(path).read_text())
        # pyld signs (its way of completing the context) and both verify that same document.
        signed = pyld_di.sign(document, SigningKey(seed), created, load)
        signed_text = json.dumps(signed)
        did = signed["proof"]["verificationMethod"].split("#")[0]
        verifier = microcred.Verifier(at=AT, trusted_dids=[did], contexts=contexts)
        report = verifier.verify(signed_text)
        proof_check = next(c for c in report.checks if c.kind == "seal")
        if proof_check.code != "proof.ok":
            raise SystemExit(f"{path}: microcred does not accept pyld's proof: {report!r}")
        pyld_di.verify(signed, load)
        rows = {
            "microcred Verifier.verify": timed(lambda: verifier.verify(signed_text), n),
            "pyld + PyNaCl verify": timed(lambda: pyld_di.verify(signed, load), n),
        }
        batch = [signed_text.encode()] * max(200, n)
        for threads in (1, 2):
            start = time.perf_counter()
            verifier.verify_many(batch, threads=threads)
            rows[threads] = (time.perf_counter() - start) * 1e3 / len(batch)
        mc, pyld = rows["microcred Verifier.verify"], rows["pyld + PyNaCl verify"]
        print(f"| {Path(path).name} ({len(signed_text):,} bytes) | {mc:.2f} | {rows[1]:.2f} | "
              f"{rows[2]:.2f} | {pyld:.2f} | {pyld / mc:.1f}× | {pyld / rows[2]:.1f}× |")


def import_time(runs: int = 15) -> None:
    code = "import time; s = time.perf_counter(); import microcred; print(time.perf_counter() - s)"
    times = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                  text=True).stdout) * 1e3 for _ in range(runs)]
    print(f"| `import microcred` (median of {runs} fresh interpreters) | "
          f"{statistics.median(times):.1f} ms |")


def main(argv: list) -> int:
    if argv[:1] == ["make"] and len(argv) == 3:
        make(Path(argv[1]), int(argv[2]))
    elif argv[:1] == ["verify"] and len(argv) == 3:
        verify(Path(argv[1]), int(argv[2]))
    elif argv[:1] == ["di"] and len(argv) >= 5:
        di(int(argv[1]), argv[2], argv[3], argv[4:])
    elif argv[:1] == ["cli-row"] and len(argv) == 5:
        cli_row(int(argv[1]), argv[2], float(argv[3]), int(argv[4]))
    elif argv == ["import"]:
        import_time()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
