"""Validates sealed credentials against the EDC SHACL shapes with pySHACL.

    shacl.py SHARED_DIR PATH...

An oracle independent of microcred: rdflib turns each credential (the payload of a JAdES seal, or
a plain credential) into RDF with its own JSON-LD parser, and pySHACL checks that graph against
`EDC-generic-full.ttl` and the `EDC-generic-no-cv.ttl` it imports (pySHACL does not follow
`owl:imports` by itself, and would fetch it from the network if asked to). Both come from
SHARED_DIR/upstream/elm-repo/shacl-edc/. JSON-LD contexts are never fetched: a local document
loader serves them from SHARED_DIR/contexts/ (index.json maps URL -> file) and refuses any other
URL, and sockets are disabled for the whole run.

First the baseline: the EC's own sealed samples must pass and their unsigned forms must fail
(or the setup is wrong). Then every PATH: a file, or a folder whose *.json and *.jsonld files are
taken. A presentation's EDC credentials are checked one by one. In a folder with a verify.json
beside it (vectors/sealed/), the expected reports decide: a vector microcred finds well-formed
must pass, one microcred fails with an `edc.*` code must fail the shapes too, and vectors that
are not EDC credentials are skipped. Prints one line per file and ends with `shacl: N passed, N failed, N skipped`; exits 1
when a file fails. Shapes are parsed once; one process validates everything.
"""

import json
import socket
import sys
from pathlib import Path

# Nothing in this run may reach the network.
def _no_network(*_args, **_kwargs):
    raise OSError("shacl.py runs offline: no network access")


socket.socket.connect = _no_network  # type: ignore[method-assign]
socket.create_connection = _no_network  # type: ignore[assignment]

import rdflib  # noqa: E402
from rdflib.plugins.shared.jsonld import context as jsonld_context  # noqa: E402
from pyshacl import validate  # noqa: E402

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
VERIFIABLE_CREDENTIAL = rdflib.URIRef("https://www.w3.org/2018/credentials#VerifiableCredential")

# Files that are not credentials on purpose, with the reason.
NOT_CREDENTIALS = {
    "sealed-truncated.json": "the first half of a sealed file (a reader-error vector), not JSON",
}


def expectations(folder: Path) -> dict[str, tuple[str, str]]:
    """For the verification vectors: file name -> (expected format status, code), from the
    verify.json beside their folder. A vector microcred finds well-formed must pass the shapes,
    one it fails with an EDC profile code must fail them too (a cross-check of the profile
    check), and the others (presentations, credentials that are not EDC, unknown contexts)
    are not for these shapes."""
    manifest = folder.parent / "verify.json"
    if not manifest.is_file():
        return {}
    out = {}
    for case in json.loads(manifest.read_text())["cases"]:
        checks = {c["kind"]: c for c in case["expect"].get("checks", [])}
        fmt = checks.get("format", {})
        out[Path(case["input"]).name] = (fmt.get("status", ""), fmt.get("code", ""))
    return out

# Shapes that the EC's own sealed samples fail, with the reason (none so far: both pass).
EXCLUDED_SHAPES: dict[str, str] = {}

# The EC's own sealed samples must pass; their unsigned forms must fail (they lack what EDC adds
# when sealing: `issued` and the issuer's eIDAS identifier), which shows the oracle can say no.
BASELINE = [
    "upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld",
    "upstream/elm-repo/json-ld-v3/Sample-CertOfPart-signed.jsonld",
]
MUST_FAIL = [
    "upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld",
    "upstream/elm-repo/json-ld-v3/Sample-CertOfPart-unsigned.jsonld",
]


def install_context_loader(contexts: Path) -> None:
    index = json.loads((contexts / "index.json").read_text(encoding="utf-8"))
    cache: dict[str, object] = {}

    def load(url, *_args, **_kwargs):
        name = index.get(url)
        if name is None:
            raise ValueError(f"the JSON-LD context {url} is not available offline")
        if url not in cache:
            cache[url] = json.loads((contexts / name).read_text(encoding="utf-8"))
        return cache[url], None

    # rdflib's JSON-LD parser fetches remote contexts through this one function.
    if not hasattr(jsonld_context, "source_to_json"):
        raise SystemExit("shacl.py: this rdflib has no jsonld context loader to replace")
    jsonld_context.source_to_json = load


def credential_of(document):
    """The credential in a sealed file (its payload), or the document itself."""
    if isinstance(document, dict) and isinstance(document.get("payload"), str):
        return json.loads(document["payload"]), "payload"
    return document, "plain"


def describe(results_graph, node):
    def one(predicate):
        value = results_graph.value(node, predicate)
        return "" if value is None else str(value)

    constraint = one(SH.sourceConstraintComponent).rsplit("#", 1)[-1]
    return (
        f"{one(SH.focusNode)} {one(SH.resultPath)}: {constraint}: {one(SH.resultMessage)}",
        one(SH.sourceShape),
        results_graph.value(node, SH.resultSeverity),
    )


def check(path: Path, shapes) -> tuple[str, list[str], str]:
    """(status, problems, note): status is ok, fail or skip."""
    if path.name in NOT_CREDENTIALS:
        return "skip", [], NOT_CREDENTIALS[path.name]
    try:
        document, form = credential_of(json.loads(path.read_bytes()))
    except Exception as error:  # the reason is the report
        return "fail", [f"cannot read it as JSON: {error}"], ""
    if "VerifiablePresentation" in types_of(document):
        return check_presentation(document, shapes)
    return check_credential(document, form, shapes)


def types_of(node) -> list[str]:
    kinds = node.get("type", []) if isinstance(node, dict) else []
    return [kinds] if isinstance(kinds, str) else list(kinds)


def check_presentation(presentation, shapes) -> tuple[str, list[str], str]:
    """Each EDC credential inside a presentation (embedded, or a nested sealed file) against the
    shapes: the presentation's own graph holds them in named graphs, which the shapes do not
    reach, so each is checked on its own."""
    entries = presentation.get("verifiableCredential", [])
    entries = entries if isinstance(entries, list) else [entries]
    problems, checked = [], 0
    for i, entry in enumerate(entries):
        if isinstance(entry, str):
            entry = json.loads(entry)
        credential, _ = credential_of(entry)
        if "EuropeanDigitalCredential" not in types_of(credential):
            continue
        if "@context" not in credential:
            credential = {**credential, "@context": presentation.get("@context")}
        status, found, _ = check_credential(credential, "embedded", shapes)
        checked += 1
        problems += [f"[{i}] {p}" for p in found]
    note = f"presentation, {checked} EDC credential(s) inside"
    return ("fail" if problems else "ok"), problems, note


def check_credential(credential, form, shapes) -> tuple[str, list[str], str]:
    try:
        graph = rdflib.Graph().parse(data=json.dumps(credential), format="json-ld")
    except Exception as error:  # the reason is the report
        return "fail", [f"cannot read it as JSON-LD: {error}"], ""
    # An empty graph conforms to everything: the credential itself must be in it.
    if (None, rdflib.RDF.type, VERIFIABLE_CREDENTIAL) not in graph:
        return "fail", ["no VerifiableCredential node in its RDF (no @context?)"], ""
    _conforms, results, _text = validate(
        graph, shacl_graph=shapes, inference="none", allow_warnings=True
    )
    violations, warnings = [], 0
    for node in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        line, shape, severity = describe(results, node)
        if shape in EXCLUDED_SHAPES:
            continue
        if severity == SH.Violation:
            violations.append(line)
        else:
            warnings += 1
    note = f"{form}, {len(graph)} triples" + (f", {warnings} warnings" if warnings else "")
    return ("fail" if violations else "ok"), sorted(violations), note


def shown(path: Path, shared: Path) -> str:
    """The path as printed: below SHARED_DIR relative to it."""
    try:
        return f"../shared/{path.relative_to(shared)}"
    except ValueError:
        return str(path)


def files_of(paths: list[str]) -> list[Path]:
    out = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonld")))
        else:
            out.append(path)
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    shared = Path(argv[0])
    install_context_loader(shared / "contexts")
    shapes_dir = shared / "upstream/elm-repo/shacl-edc"
    shapes = rdflib.Graph()
    for name in ("EDC-generic-full.ttl", "EDC-generic-no-cv.ttl"):
        shapes.parse(shapes_dir / name, format="turtle")

    baseline_ok = True
    for path in (shared / m for m in MUST_FAIL):
        status, problems, note = check(path, shapes)
        # Caught by the shapes, not by failing to read it.
        caught = status == "fail" and note != ""
        print(f"{'ok   ' if caught else 'FAIL '} baseline (must fail): {shown(path, shared)}  ({len(problems)} violations)")
        baseline_ok &= caught

    counts = {"ok": 0, "fail": 0, "skip": 0}
    for label, files in (
        ("baseline", [shared / b for b in BASELINE]),
        ("sealed", files_of(argv[1:])),
    ):
        expected_of = {}
        for folder in {p.parent for p in files}:
            expected_of.update(expectations(folder))
        for path in files:
            expected = expected_of.get(path.name)
            if (
                expected
                and expected[0] != "ok"
                and not expected[1].startswith(("edc.", "presentation."))
            ):
                print(f"skip  {label}: {shown(path, shared)}  (microcred reports {expected[1]}: not an EDC credential for these shapes)")
                counts["skip"] += 1
                continue
            status, problems, note = check(path, shapes)
            if expected and expected[1].startswith("edc.") and status == "fail" and note:
                # microcred reports a profile error here: the shapes must reject it too.
                print(f"ok    {label}: {shown(path, shared)}  (rejected, as microcred's {expected[1]}; {len(problems)} violations)")
                counts["ok"] += 1
                continue
            if expected and expected[1].startswith("edc.") and status == "ok":
                problems = [f"microcred reports {expected[1]} but the shapes accept it"]
                status = "fail"
            tag = {"ok": "ok   ", "fail": "FAIL ", "skip": "skip "}[status]
            print(f"{tag} {label}: {shown(path, shared)}  ({note})")
            for problem in problems:
                print(f"        {problem}")
            counts[status] += 1
            if label == "baseline" and status != "ok":
                baseline_ok = False
    if not baseline_ok:
        print("the EC's own sealed samples fail the shapes: the setup is wrong", file=sys.stderr)
    print(f"shacl: {counts['ok']} passed, {counts['fail']} failed, {counts['skip']} skipped")
    return 0 if counts["fail"] == 0 and baseline_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
