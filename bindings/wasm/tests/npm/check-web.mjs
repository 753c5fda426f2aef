// The browser build (`microcred/web`, what bundlers and pages load), driven from Node: it needs
// `init` first, here with the module's bytes (a page gives a URL or nothing). Its second module,
// the full JSON-LD processor, is loaded only by `loadFullProcessor` (here with its bytes): before
// that, a document outside the fast JSON-LD path gets `rdf.needs_full_processor`; after, the answer.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import init, { Verifier, verify, detectFormat, fromXml, toXml, toNQuads, findings, loadFullProcessor } from 'microcred/web';

const require = createRequire(import.meta.url);
const wasm = fs.readFileSync(require.resolve('microcred/microcred_bg.wasm'));
await init({ module_or_path: wasm });
const vectors = process.env.VECTORS;
const read = (name) => new Uint8Array(fs.readFileSync(path.join(vectors, name)));
const manifest = JSON.parse(fs.readFileSync(path.join(vectors, 'verify.json'), 'utf8'));
const c = manifest.cases[0];
const input = read(c.input);
assert.equal(detectFormat(input), 'jades');
const report = verify(input, {
  trustAnchors: fs.readFileSync(path.join(vectors, manifest.trust_anchors), 'utf8'),
  at: new Date(manifest.clock),
});
assert.equal(report.verdict, c.expect.verdict);
assert.throws(() => verify(input, { trustAnchor: 'x' }), (e) => e.code === 'config.malformed' && e.path === 'options.trustAnchor');

// Outside the fast path, before loadFullProcessor: a misspelt member (a term no context defines),
// RDF/XML read back, canonical N-Quads with two blank nodes (a Data Integrity proof and its graph).
const cases = JSON.parse(fs.readFileSync(path.join(vectors, 'manifest.json'), 'utf8')).cases;
const caseFor = (target) => read(cases.find((k) => k.target === target).input);
const misspelt = caseFor('edc.jsonld.undefined_term');
const blankNodes = read(manifest.cases.find((k) => k.name === 'signed-di').input);
assert.equal(new Set(toNQuads(blankNodes).match(/_:\w+/g)).size, 2);
const xml = toXml(read(cases[0].input)); // RDF/XML out is in the first module
const NEEDS = 'rdf.needs_full_processor';
const format = (r) => r.checks.find((k) => k.kind === 'format');
const before = verify(misspelt);
assert.deepEqual([format(before).status, format(before).code], ['indeterminate', NEEDS]);
// A Verifier made before the load: the same answer now, and the loaded module's after it.
const verifier = new Verifier();
assert.deepEqual(format(verifier.verify(misspelt)).code, NEEDS);
assert.deepEqual(findings(misspelt).map((f) => f.code), ['edc.jsonld.unchecked']);
for (const action of [() => fromXml(xml), () => toNQuads(blankNodes, { canonical: true })]) {
  assert.throws(action, (e) => e instanceof Error && e.code === NEEDS && e.category === 'rdf' && e.name === 'RdfError');
}

// A failed load rejects and can be tried again; later calls share the first success.
await assert.rejects(loadFullProcessor(new Uint8Array([0, 97, 115, 109])));
const second = fs.readFileSync(require.resolve('microcred/microcred_jsonld_bg.wasm'));
const loading = loadFullProcessor(second);
assert.equal(loadFullProcessor(), loading);
await loading;
const after = verify(misspelt);
assert.deepEqual([format(after).status, format(after).code], ['failed', 'edc.jsonld.undefined_term']);
assert.equal(after.verdict, 'invalid');
assert.deepEqual(format(verifier.verify(misspelt)), format(after));
verifier.free();
assert.deepEqual(findings(misspelt).map((f) => f.code), ['edc.jsonld.undefined_term']);
assert.equal(fromXml(xml).id, JSON.parse(fs.readFileSync(path.join(vectors, cases[0].input), 'utf8')).id);
assert.match(toNQuads(blankNodes, { canonical: true }), /_:c14n0 /);
console.log(`web build: ${report.verdict}; before loadFullProcessor ${NEEDS}, after it ${format(after).code} and RDF/XML read`);
