// The package from CommonJS: require('microcred') is the Node build, ready on load.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const mc = require('microcred');
const { checkVectors } = require('./vectors.cjs');

const vectors = process.env.VECTORS;
const manifest = JSON.parse(fs.readFileSync(path.join(vectors, 'verify.json'), 'utf8'));
const sealed = manifest.cases.find((c) => c.name === 'sealed-rs256');
const report = mc.verify(fs.readFileSync(path.join(vectors, sealed.input)), {
  trustAnchors: fs.readFileSync(path.join(vectors, manifest.trust_anchors), 'utf8'),
  at: new Date(manifest.clock),
});
assert.equal(report.verdict, sealed.expect.verdict);
assert.deepEqual(report.checks.map((c) => c.code), sealed.expect.checks.map((c) => c.code));
assert.equal(report.seal.algorithm, 'RS256');
assert.throws(() => mc.parse('{"credentialSubject": '), (e) =>
  e instanceof Error && e.code === 'json.truncated' && e.category === 'parse' && e.name === 'ParseError');
assert.throws(() => mc.verify(42), (e) => e.code === 'json.wrong_type' && e.path === 'input');
const ran = checkVectors(mc, vectors);
assert.equal(typeof mc.loadFullProcessor, 'function');
console.log(`require: ${report.verdict}, ${ran.manifest} manifest and ${ran.verify} verification vectors, `
  + `${mc.codes().length} codes, version ${mc.version()}`);
