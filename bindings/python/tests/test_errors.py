"""The exception classes come from the core's code catalogue (vectors/codes.json is that
catalogue as JSON): one class per category, named as the core names it, and every error code
raises the class of its category."""

from __future__ import annotations

import pickle

import pytest

import microcred
from conftest import VECTORS, load_json

CODES = load_json(VECTORS / "codes.json")


def test_the_catalogue_is_the_cores() -> None:
    got = [(c.code, c.category, c.severity, c.meaning) for c in microcred.CATALOGUE]
    want = [(c["code"], c["category"], c.get("severity"), c["meaning"]) for c in CODES["codes"]]
    assert got == want


def test_one_class_per_category_named_by_the_core() -> None:
    for category in CODES["categories"]:
        cls = getattr(microcred, category["exception"])
        assert issubclass(cls, microcred.MicrocredError)
        assert cls.__name__ == category["exception"]
        assert category["name"] in cls.__doc__
    assert issubclass(microcred.ParseError, ValueError)
    assert not issubclass(microcred.SealError, ValueError)


def test_every_code_maps_to_its_categorys_class() -> None:
    exceptions = {c["name"]: c["exception"] for c in CODES["categories"]}
    for code in CODES["codes"]:
        cls = microcred.exception_for(code["code"])
        assert cls.__name__ == exceptions[code["category"]], code["code"]
    with pytest.raises(KeyError):
        microcred.exception_for("no.such_code")


def test_a_raised_error_carries_code_path_and_category() -> None:
    with pytest.raises(microcred.ParseError) as raised:
        microcred.Credential.from_jsonld(b'{"type": }')
    error = raised.value
    assert error.code == "json.syntax"
    assert error.category == "parse"
    assert isinstance(error, ValueError)
    assert str(error)
    # Exceptions pickle with their fields (multiprocessing, Dask carry them back).
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.code, again.path, again.category, str(again)) == (
        type(error), error.code, error.path, error.category, str(error))


def test_the_path_of_an_error_is_the_cores() -> None:
    with pytest.raises(microcred.ParseError) as raised:
        microcred.Credential.from_jsonld(
            (VECTORS / "cases" / "json.wrong_type.json").read_bytes())
    assert raised.value.code == "json.wrong_type"
    assert raised.value.path and raised.value.path.startswith("$")


def test_a_bad_configuration_is_a_config_error() -> None:
    with pytest.raises(microcred.ConfigError) as raised:
        microcred.Verifier(trust_anchors="-----BEGIN CERTIFICATE-----\nnot base64\n"
                                         "-----END CERTIFICATE-----\n")
    assert raised.value.code == "config.trust_anchor"
    assert raised.value.path == "$.trust_anchors[0]"
    with pytest.raises(microcred.ConfigError) as raised:
        microcred.Verifier.from_config_json('{"clock": "yesterday"}')
    assert raised.value.code == "config.invalid_time"
    with pytest.raises(microcred.ConfigError) as raised:
        microcred.Verifier.from_config_json('{"clock": "now", "trust_policy": "lenient"}')
    assert raised.value.code == "config.malformed"
