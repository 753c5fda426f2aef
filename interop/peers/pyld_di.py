#!/usr/bin/env python3
"""The pyld + PyNaCl peer of the Data Integrity benchmark: eddsa-rdfc-2022 sign and verify.

    pyld_di.py bench SEED_HEX N CONTEXTS_JSON IN...

For each input: one line `name<TAB>sign_ms<TAB>verify_ms<TAB>proofValue`, medians over N runs
after a warm-up, and the proofValue of one signature (run.sh compares it with the other
implementations'). CONTEXTS_JSON is {url: context document} (`di_interop contexts --all`); any
other URL is an error, nothing is fetched.

The algorithm is vc-di-eddsa's, written the way Digital Bazaar's libraries run it: a document
whose @context defines neither the VC 2.0 nor the Data Integrity terms gets the Data Integrity
v2 context appended before signing; the proof configuration takes the document's @context.
pyld has no JSON-LD safe mode: undefined terms are dropped silently (a reason microcred and
vc-js refuse them). Benchmark code, not a verifier to rely on.
"""

import copy
import hashlib
import json
import statistics
import sys
import time

from nacl.signing import SigningKey, VerifyKey
from pyld import jsonld

VC_V2 = "https://www.w3.org/ns/credentials/v2"
DI_V2 = "https://w3id.org/security/data-integrity/v2"
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = ALPHABET[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def b58decode(text: str) -> bytes:
    n = 0
    for c in text:
        n = n * 58 + ALPHABET.index(c)
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def loader_for(contexts):
    def load(url, options=None):
        if url in contexts:
            return {"contextUrl": None, "documentUrl": url, "document": contexts[url]}
        raise jsonld.JsonLdError(
            "offline loader: unknown URL", "jsonld.LoadDocumentError", {"url": url}
        )

    return load


def suite_context(context):
    items = context if isinstance(context, list) else [context]
    return items if VC_V2 in items or DI_V2 in items else items + [DI_V2]


def canonical(document, load):
    return jsonld.normalize(
        document,
        {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": load},
    )


def hash_data(document, options, load):
    configuration = {k: v for k, v in options.items() if k != "proofValue"}
    configuration["@context"] = suite_context(document["@context"])
    proof_hash = hashlib.sha256(canonical(configuration, load).encode()).digest()
    document_hash = hashlib.sha256(canonical(document, load).encode()).digest()
    return proof_hash + document_hash


def sign(document, key, created, load):
    document = copy.deepcopy(document)
    document["@context"] = suite_context(document["@context"])
    public = "z" + b58encode(b"\xed\x01" + bytes(key.verify_key))
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": created,
        "verificationMethod": f"did:key:{public}#{public}",
        "proofPurpose": "assertionMethod",
    }
    signature = key.sign(hash_data(document, options, load)).signature
    document["proof"] = dict(options, proofValue="z" + b58encode(signature))
    return document


def verify(document, load):
    document = dict(document)
    proof = document.pop("proof")
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != "eddsa-rdfc-2022":
        raise ValueError("not an eddsa-rdfc-2022 DataIntegrityProof")
    did, _, fragment = proof["verificationMethod"].partition("#")
    multibase = did.removeprefix("did:key:")
    raw = b58decode(multibase[1:])
    if fragment != multibase or raw[:2] != b"\xed\x01" or len(raw) != 34:
        raise ValueError("not a did:key Ed25519 verification method")
    value = proof["proofValue"]
    VerifyKey(raw[2:]).verify(hash_data(document, proof, load), b58decode(value[1:]))


def bench(seed_hex, n, contexts_file, inputs):
    with open(contexts_file, encoding="utf-8") as f:
        load = loader_for(json.load(f))
    key = SigningKey(bytes.fromhex(seed_hex))
    created = "2025-01-01T00:00:00Z"
    for path in inputs:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        signed = sign(document, key, created, load)
        for _ in range(max(3, n // 10)):
            sign(document, key, created, load)
            verify(signed, load)
        sign_times, verify_times = [], []
        for _ in range(n):
            start = time.perf_counter()
            sign(document, key, created, load)
            sign_times.append((time.perf_counter() - start) * 1e3)
            start = time.perf_counter()
            verify(signed, load)
            verify_times.append((time.perf_counter() - start) * 1e3)
        name = path.rsplit("/", 1)[-1]
        print(
            f"{name}\t{statistics.median(sign_times):.3f}\t"
            f"{statistics.median(verify_times):.3f}\t{signed['proof']['proofValue']}",
            flush=True,
        )


def main(argv):
    if len(argv) >= 5 and argv[0] == "bench":
        bench(argv[1], max(1, int(argv[2])), argv[3], argv[4:])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
