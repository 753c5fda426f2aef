"""microcred: European Learning Model (ELM 3) micro-credentials, as the EU's European Digital
Credentials (EDC) write them. Read, convert, issue and verify credentials; the work is done by the
Rust crate ``microcred``, this package converts types and maps errors.

>>> import microcred
>>> microcred.ParseError.__mro__[1:3] == (microcred.MicrocredError, ValueError)
True
>>> microcred.exception_for("json.syntax") is microcred.ParseError
True
"""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path
from typing import (TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, NamedTuple, Optional,
                    Tuple, Type, Union)

from . import _native
from ._native import (Check, Credential, Finding, Report, Sealer, Verifier, detect_format, issue,
                      sign_di)

if TYPE_CHECKING:
    import pandas
    import pyarrow

__version__: str = _native.__version__


class MicrocredError(Exception):
    """Base of every error the core raises. ``code`` is the core's stable code
    (``json.syntax``, ``seal.signature_mismatch``, ...), ``path`` the JSON path or input field
    concerned (or None), ``category`` the code's family in the catalogue (``parse``, ...)."""

    code: str
    path: Optional[str]
    category: str

    def __init__(self, message: str = "", code: str = "", path: Optional[str] = None,
                 category: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.path = path
        self.category = category

    def __reduce__(self):  # type: ignore[override]
        return (type(self), (str(self), self.code, self.path, self.category))


class CodeInfo(NamedTuple):
    """One code of the core's catalogue."""

    code: str
    category: str
    exception: str
    severity: Optional[str]
    meaning: str


# Categories whose errors are about a value the caller passed (the input, a template, a
# configuration): their classes are also ValueError, so `except ValueError` catches them.
_VALUE_ERRORS = {"parse", "issue", "config"}


def _make_classes() -> Dict[str, Type[MicrocredError]]:
    """One exception class per category of the core's catalogue, named as the core names it."""
    classes: Dict[str, Type[MicrocredError]] = {}
    for name, exception, meaning in _native.categories():
        bases = (MicrocredError, ValueError) if name in _VALUE_ERRORS else (MicrocredError,)
        cls = type(exception, bases, {"__doc__": f"Errors of the category {name!r}: {meaning}.",
                                      "__module__": __name__})
        classes[name] = cls
        globals()[exception] = cls
    return classes


_CLASSES = _make_classes()
_native._register_exceptions(_CLASSES)

#: Every code of the core's catalogue (errors, profile findings, report checks).
CATALOGUE: List[CodeInfo] = [CodeInfo(*row) for row in _native.catalogue()]
_BY_CODE: Dict[str, CodeInfo] = {info.code: info for info in CATALOGUE}


def exception_for(code: str) -> Type[MicrocredError]:
    """The exception class raised for an error with this code."""
    info = _BY_CODE.get(code)
    if info is None:
        raise KeyError(code)
    return _CLASSES[info.category]


def verify_dir(path: Union[str, "os.PathLike[str]"], pattern: str = "*.json*", *,
               verifier: Optional[Verifier] = None, threads: Optional[int] = None,
               progress: bool = False, **options: Any) -> List[Report]:
    """Verifies every file under the folder ``path`` whose name matches ``pattern`` (subfolders
    included), in sorted order; each report's ``source`` is the file's path. ``verifier`` is used
    as given, else one is made from ``options`` (the keywords of ``Verifier``). The files are read
    in chunks as they are verified (see ``Verifier.verify_many``); ``progress=True`` shows a
    progress bar: tqdm's when tqdm is installed, else a counter on stderr.

    For example (from the repository root)::

        reports = verify_dir("vectors/sealed", trust_anchors=Path("vectors/pki/root-ca.pem"))
        failed = [r.source for r in reports if not r.valid]
    """
    folder = Path(path)
    if not folder.is_dir():
        raise NotADirectoryError(f"verify_dir: {folder} is not a folder")
    files = sorted(p for p in folder.rglob(pattern) if p.is_file())
    return _verifier(verifier, options).verify_many(files, threads=threads, progress=progress)


def verify_jsonl(path: Union[str, "os.PathLike[str]"], *, verifier: Optional[Verifier] = None,
                 threads: Optional[int] = None, progress: bool = False,
                 **options: Any) -> List[Report]:
    """Verifies a JSON Lines file: one credential (or sealed file, or presentation) per line;
    blank lines are skipped. Each report's ``source`` is ``"<path>:<line number>"``.
    ``verifier``, ``options`` and ``progress`` as for ``verify_dir``.

    The file is streamed: lines are read as they are verified, a chunk at a time, so a file of any
    size is verified in bounded memory (the reports are kept). With ``progress=True`` the file is
    read once more beforehand to count its lines, which sizes the bar."""
    file = Path(path)
    items = (line for _, line in _jsonl_lines(file))
    # The line numbers are read in step with the lines, from a second reader of the same file:
    # verify_many takes a source name for each item it takes.
    sources = (f"{file}:{number}" for number, _ in _jsonl_lines(file))
    if progress:
        items = _Counted(items, sum(1 for _ in _jsonl_lines(file)))
    return _verifier(verifier, options).verify_many(items, threads=threads, sources=sources,
                                                    progress=progress)


def _jsonl_lines(file: Path) -> Iterator[Tuple[int, bytes]]:
    """The non-blank lines of a JSON Lines file, with their numbers (from 1)."""
    with file.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield number, line


class _Counted:
    """An iterable read once whose length is known beforehand: the length sizes the progress
    bar of ``verify_many``, the items are still read one at a time."""

    def __init__(self, items: Iterable[Any], count: int) -> None:
        self._items = items
        self._count = count

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __len__(self) -> int:
        return self._count


def _progress(total: Optional[int]) -> Any:
    """The progress bar of ``progress=True`` (``verify_many``, ``verify_dir``, ``verify_jsonl``):
    ``tqdm.auto.tqdm`` when tqdm is installed (a widget in notebooks, a bar on stderr elsewhere),
    else ``_Counter``, a plain counter on stderr. ``total`` is None when the number of items is
    not known beforehand (a generator). The caller calls ``update(n)`` after each chunk and
    ``close()`` at the end."""
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return _Counter(total)
    return tqdm(total=total, unit="credential", desc="microcred: verifying")


class _Counter:
    """``progress=True`` without tqdm: ``microcred: verified N of M`` on stderr, rewritten in
    place after each chunk, with a line break at the end."""

    def __init__(self, total: Optional[int]) -> None:
        self.total = total
        self.done = 0
        self._shown = False

    def update(self, count: int) -> None:
        self.done += count
        of = f" of {self.total}" if self.total is not None else ""
        sys.stderr.write(f"\rmicrocred: verified {self.done}{of}")
        sys.stderr.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


# Tables of reports: one row per credential, the same columns for pandas and Arrow.

#: The kinds of check in the core's report order; each is a status column of the tables.
CHECK_KINDS: Tuple[str, ...] = tuple(_native._CHECK_KINDS)

# The columns after the check statuses, with their type: "text", "float", "int", "time" (an
# aware datetime, UTC in the tables) or "bool".
_FIELDS: Tuple[Tuple[str, str], ...] = (
    ("first_failure", "text"),
    ("issuer", "text"),
    ("country", "text"),
    ("title", "text"),
    ("ects", "float"),
    ("eqf_level", "int"),
    ("issued", "time"),
    ("sealed_at", "time"),
    ("seal_level", "text"),
    ("qualified", "bool"),
)


def _columns(include_learner: bool) -> List[Tuple[str, str]]:
    columns = [("source", "text"), ("credential_id", "text"), ("verdict", "text")]
    columns += [(kind, "text") for kind in CHECK_KINDS]
    columns += list(_FIELDS)
    if include_learner:
        columns.append(("learner", "text"))
    return columns


def report_rows(reports: Iterable[Report], *, include_learner: bool = False
                ) -> List[Dict[str, Any]]:
    """The rows of ``to_pandas`` and ``to_arrow`` as plain dicts, one per credential: a
    presentation's report gives one row per credential it holds (an empty presentation one row,
    its own), each with the presentation's ``source``. The columns, in order:

    - ``source``, ``credential_id``, ``verdict`` (the credential's own);
    - one column per check kind, in the core's order (``CHECK_KINDS``: ``format``,
      ``micro_credential``, ``seal``, ``trust``, ``expiry``, ``revocation``, ``accreditation``,
      ``owner``), holding the check's status (``"ok"``, ``"failed"``, ``"skipped"``,
      ``"indeterminate"``) or None when the report has no such check;
    - ``first_failure``: the code of the first check that keeps the credential from being valid
      (the first that failed, else the first undecided one; advisory checks never count), None
      for a valid credential;
    - ``issuer``, ``country``, ``title``, ``ects`` (float), ``eqf_level`` (int), ``issued``
      (aware datetime), when the credential could be read;
    - ``sealed_at`` (the seal's claimed signing time, an aware datetime), ``seal_level`` (the
      JAdES baseline level, ``B-B`` ... ``B-LTA``) and ``qualified`` (a qualified eSeal) for a
      JAdES seal, None otherwise;
    - ``learner`` (the learner's full name: personal data) only with ``include_learner=True``.

    The rows are built here once for both tables; as plain dicts they also suit ``csv.DictWriter``
    or a JSON Lines writer.

    >>> import datetime, microcred
    >>> at = datetime.datetime(2026, 2, 1, tzinfo=datetime.timezone.utc)
    >>> [row] = microcred.report_rows([microcred.Verifier(at=at).verify(b"not JSON")])
    >>> row["verdict"], row["format"], row["seal"], row["first_failure"]
    ('invalid', 'failed', 'skipped', 'json.syntax')
    >>> row["issuer"] is None and "learner" not in row
    True
    """
    rows: List[Dict[str, Any]] = []
    for report in reports:
        if not isinstance(report, Report):
            raise TypeError(f"reports: expected microcred.Report objects, not "
                            f"{type(report).__name__}")
        held = report.credentials
        for credential in held if held else [report]:
            rows.append(_row(credential, report.source, include_learner))
    return rows


def _row(report: Report, source: Optional[str], include_learner: bool) -> Dict[str, Any]:
    statuses: Dict[str, Optional[str]] = dict.fromkeys(CHECK_KINDS)
    failed: Optional[str] = None
    undecided: Optional[str] = None
    for check in report.checks:
        statuses[check.kind] = check.status
        if check.advisory:
            continue
        if check.status == "failed" and failed is None:
            failed = check.code
        elif check.status == "indeterminate" and undecided is None:
            undecided = check.code
    seal = report.seal
    row: Dict[str, Any] = {"source": source, "credential_id": report.credential_id,
                           "verdict": report.verdict}
    row.update(statuses)
    row.update({
        "first_failure": failed if failed is not None else undecided,
        "issuer": report.issuer,
        "country": report.country,
        "title": report.title,
        "ects": None if report.ects is None else float(report.ects),
        "eqf_level": report.eqf_level,
        "issued": report.issued,
        "sealed_at": _aware(seal["signing_time"]) if seal else None,
        "seal_level": seal["level"] if seal else None,
        "qualified": seal["qualified"] if seal else None,
    })
    if include_learner:
        row["learner"] = report.learner()
    return row


def _aware(value: Any) -> Optional[datetime.datetime]:
    """An RFC 3339 time (text or datetime) as an aware datetime."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    # Python < 3.11 reads no "Z".
    return datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def to_pandas(reports: Iterable[Report], *, include_learner: bool = False) -> "pandas.DataFrame":
    """The reports as a ``pandas.DataFrame``, one row per credential, with the columns of
    ``report_rows`` typed: text as ``string``, ``ects`` as ``float64``, ``eqf_level`` as
    ``Int64`` (nullable), ``issued`` and ``sealed_at`` as ``datetime64[us, UTC]``,
    ``qualified`` as ``boolean`` (nullable). No learner data unless ``include_learner=True``.
    Needs pandas: ``pip install 'microcred[pandas]'``."""
    try:
        import pandas as pd
    except ImportError as error:
        raise ImportError("microcred.to_pandas needs pandas: pip install 'microcred[pandas]'"
                          ) from error
    rows = report_rows(reports, include_learner=include_learner)
    data: Dict[str, Any] = {}
    for name, kind in _columns(include_learner):
        values = [row[name] for row in rows]
        if kind == "time":
            # Aware datetimes (or None) in UTC, in microseconds whatever the values (a column of
            # nulls, a partition of a larger table): Python's resolution, and years up to 9999.
            times = pd.to_datetime(pd.Series(values, dtype=object), utc=True)
            data[name] = times.astype("datetime64[us, UTC]")
        else:
            dtype = {"text": "string", "float": "float64", "int": "Int64", "bool": "boolean"}[kind]
            data[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(data)


def to_arrow(reports: Iterable[Report], *, include_learner: bool = False) -> "pyarrow.Table":
    """The reports as a ``pyarrow.Table``, one row per credential, with the columns of
    ``report_rows`` typed: text as ``string``, ``ects`` as ``float64``, ``eqf_level`` as
    ``int64``, ``issued`` and ``sealed_at`` as ``timestamp[us, tz=UTC]``, ``qualified`` as
    ``bool``; missing values are nulls. No learner data unless ``include_learner=True``. Needs
    pyarrow: ``pip install 'microcred[arrow]'``."""
    try:
        import pyarrow as pa
    except ImportError as error:
        raise ImportError("microcred.to_arrow needs pyarrow: pip install 'microcred[arrow]'"
                          ) from error
    types = {"text": pa.string(), "float": pa.float64(), "int": pa.int64(),
             "time": pa.timestamp("us", tz="UTC"), "bool": pa.bool_()}
    rows = report_rows(reports, include_learner=include_learner)
    schema = pa.schema([(name, types[kind]) for name, kind in _columns(include_learner)])
    return pa.Table.from_pylist(rows, schema=schema)


def _verifier(verifier: Optional[Verifier], options: Dict[str, Any]) -> Verifier:
    if verifier is not None and options:
        raise TypeError("give either a verifier or the options to make one, not both")
    return verifier if verifier is not None else Verifier(**options)


def _verifier_from_config(config_json: str) -> Verifier:
    """Unpickles a Verifier (see ``Verifier.__reduce__``)."""
    return Verifier.from_config_json(config_json)


def _credential_from_pickle(jsonld: str, form: str) -> Credential:
    """Unpickles a Credential (see ``Credential.__reduce__``)."""
    return Credential._from_pickle(jsonld, form)


def _report_from_pickle(json: str, learners: List[Optional[str]], source: Optional[str]) -> Report:
    """Unpickles a Report (see ``Report.__reduce__``)."""
    return Report._from_pickle(json, learners, source)


__all__ = [
    "CATALOGUE",
    "CHECK_KINDS",
    "Check",
    "CodeInfo",
    "Credential",
    "Finding",
    "MicrocredError",
    "Report",
    "Sealer",
    "Verifier",
    "detect_format",
    "exception_for",
    "issue",
    "report_rows",
    "sign_di",
    "to_arrow",
    "to_pandas",
    "verify_dir",
    "verify_jsonl",
    *[cls.__name__ for cls in _CLASSES.values()],
]
