"""The Python blocks of the READMEs run, from the repository root (their paths are relative to
it): bindings/python/README.md and, when it has Python blocks, the top-level README.md. Blocks
fenced ```python no-run (PySpark, which the tests do not install) are only compiled."""

from __future__ import annotations

import re
from pathlib import Path
from typing import List, Tuple

import pytest

from conftest import ROOT

READMES = [ROOT / "bindings" / "python" / "README.md", ROOT / "README.md"]


def python_blocks() -> List[Tuple[str, str]]:
    blocks = []
    for readme in READMES:
        text = readme.read_text(encoding="utf-8")
        for number, block in enumerate(re.findall(r"^```python\n(.*?)^```", text, re.M | re.S)):
            blocks.append((f"{readme.relative_to(ROOT)}#{number + 1}", block))
    return blocks


BLOCKS = python_blocks()


def not_run_blocks() -> List[Tuple[str, str]]:
    """The blocks fenced ```python no-run: snippets for what the tests do not have (Spark)."""
    blocks = []
    for readme in READMES:
        text = readme.read_text(encoding="utf-8")
        for number, block in enumerate(re.findall(r"^```python no-run\n(.*?)^```", text,
                                                  re.M | re.S)):
            blocks.append((f"{readme.relative_to(ROOT)}#no-run-{number + 1}", block))
    return blocks


NOT_RUN = not_run_blocks()


def test_the_binding_readme_has_the_verify_example() -> None:
    first = next(block for name, block in BLOCKS if name.startswith("bindings"))
    assert "Verifier(" in first and ".verify(" in first
    assert len(first.strip().splitlines()) == 5


@pytest.mark.parametrize("name, code", BLOCKS, ids=[name for name, _ in BLOCKS])
def test_readme_block_runs(name: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(code, name, "exec"), {"__name__": "readme"})


def test_the_binding_readme_shows_spark_without_running_it() -> None:
    assert any("mapInPandas" in block for _, block in NOT_RUN)
    assert not any("mapInPandas" in block for _, block in BLOCKS)


@pytest.mark.parametrize("name, code", NOT_RUN, ids=[name for name, _ in NOT_RUN])
def test_readme_block_not_run_compiles(name: str, code: str) -> None:
    compile(code, name, "exec")
