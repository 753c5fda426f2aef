"""Paths shared by the tests: the repository's vectors and, when present, ../shared."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Optional

import pytest

ROOT = Path(__file__).resolve().parents[3]
VECTORS = ROOT / "vectors"


def shared_dir() -> Optional[Path]:
    """The `shared` folder beside the repository (or $MICROCRED_SHARED), when present."""
    env = os.environ.get("MICROCRED_SHARED")
    path = Path(env) if env else ROOT.parent / "shared"
    return path if path.is_dir() else None


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is absent (set MICROCRED_SHARED to its path to run this test)")
    return path
