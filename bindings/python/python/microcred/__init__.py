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

import os
from pathlib import Path
from typing import Any, Dict, List, NamedTuple, Optional, Type, Union

from . import _native
from ._native import (Check, Credential, Finding, Report, Sealer, Verifier, detect_format, issue,
                      sign_di)

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
               **options: Any) -> List[Report]:
    """Verifies every file under the folder ``path`` whose name matches ``pattern`` (subfolders
    included), in sorted order; each report's ``source`` is the file's path. ``verifier`` is used
    as given, else one is made from ``options`` (the keywords of ``Verifier``).

    For example (from the repository root)::

        reports = verify_dir("vectors/sealed", trust_anchors=Path("vectors/pki/root-ca.pem"))
        failed = [r.source for r in reports if not r.valid]
    """
    folder = Path(path)
    if not folder.is_dir():
        raise NotADirectoryError(f"verify_dir: {folder} is not a folder")
    files = sorted(p for p in folder.rglob(pattern) if p.is_file())
    return _verifier(verifier, options).verify_many(files, threads=threads)


def verify_jsonl(path: Union[str, "os.PathLike[str]"], *, verifier: Optional[Verifier] = None,
                 threads: Optional[int] = None, **options: Any) -> List[Report]:
    """Verifies a JSON Lines file: one credential (or sealed file, or presentation) per line;
    blank lines are skipped. Each report's ``source`` is ``"<path>:<line number>"``.
    ``verifier`` and ``options`` as for ``verify_dir``."""
    file = Path(path)
    items: List[bytes] = []
    sources: List[str] = []
    with file.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                items.append(line)
                sources.append(f"{file}:{number}")
    return _verifier(verifier, options).verify_many(items, threads=threads, sources=sources)


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
    "sign_di",
    "verify_dir",
    "verify_jsonl",
    *[cls.__name__ for cls in _CLASSES.values()],
]
