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

from typing import Dict, List, NamedTuple, Optional, Type

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


def _verifier_from_config(config_json: str) -> Verifier:
    """Unpickles a Verifier (see ``Verifier.__reduce__``)."""
    return Verifier.from_config_json(config_json)


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
    *[cls.__name__ for cls in _CLASSES.values()],
]
