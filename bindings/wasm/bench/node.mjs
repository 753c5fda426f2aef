// microcred's verification in Node, from the built npm package (bindings/wasm/pkg, imported as a
// user imports it), timed: N runs after a warm-up, median and p90 in ms. One JSON object on stdout.
// Run by scripts/bench-wasm.sh, once per round, in turn with vc-js (interop/vc-js/di.mjs
// bench-verify) on the same Data Integrity files.
//
// Each case is verified as a caller with many files does: one `new microcred.Verifier(options)`
// per case, made before timing (it reads the options, the trust anchors and the contexts once),
// then `verifier.verify(bytes)` timed. vc-js is timed likewise with what it keeps between calls:
// di.mjs makes its offline document loader once (and jsonld.js keeps the contexts it has
// resolved), creating only the small suite and purpose objects per call. The EC sample is also
// timed through the one-shot `verify(bytes, options)` (case `ec-signed-one-shot`), which makes a
// verifier on every call.
//
//   node node.mjs N CONTEXTS_JSON [DI_SIGNED...]
//
// Inputs:
//   - the EC's signed micro-credential (../shared or $MICROCRED_SHARED; JAdES, sealed by the EU's
//     test sealer), with no options, as the verifier page verifies a dropped file (verdict
//     indeterminate: nothing given vouches for the sealer; the seal holds);
//   - the test-PKI sealed vectors sealed-rs256 and sealed-es256 with vectors/verify.json's
//     options (root-ca.pem as trust anchor, its clock, its status lists): verdict as there;
//   - each DI_SIGNED file (eddsa-rdfc-2022, signed by scripts/bench-wasm.sh with di_interop),
//     with its did:key trusted and the CONTEXTS_JSON documents given as `contexts` (those
//     microcred does not bundle: see scripts/bench-wasm.sh): the whole report (format, profile,
//     proof, trust, dates), where vc-js checks the proof only.
// Each report is checked once before timing (verdict and the seal/proof check); a wrong report
// stops the benchmark. The timed loop does not assert.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { EC_SAMPLE, ROOT } from '../tests/e2e/site.mjs';
import { time } from './stats.mjs';

const PKG = path.join(ROOT, 'bindings/wasm/pkg');
const VECTORS = path.join(ROOT, 'vectors');

const [n, contextsFile, ...diFiles] = process.argv.slice(2);
const N = Math.max(1, Number.parseInt(n, 10));
if (!contextsFile || Number.isNaN(N)) {
  console.error('usage: node node.mjs N CONTEXTS_JSON [DI_SIGNED...]');
  process.exit(2);
}

// Loading the package: import, which instantiates the module in Node.
let start = performance.now();
const microcred = await import(pathToFileURL(path.join(PKG, 'node/microcred.mjs')).href);
const importMs = performance.now() - start;
// The package keeps the generic JSON-LD processor in a second module; in Node it is loaded on
// first need, and loadFullProcessor() (for browsers) does nothing. Called as code shared with
// browsers would; its time is in results.json, not in the table.
let fullProcessorMs = null;
if (typeof microcred.loadFullProcessor === 'function') {
  start = performance.now();
  await microcred.loadFullProcessor();
  fullProcessorMs = performance.now() - start;
}

const cases = [];
async function bench(c) {
  // One Verifier per case, made before timing; `oneShot` times `verify(bytes, options)` instead.
  const verifier = c.oneShot ? null : new microcred.Verifier(c.options);
  const once = c.oneShot ? () => microcred.verify(c.bytes, c.options) : () => verifier.verify(c.bytes);
  const report = once();
  const seal = report.checks.find((k) => k.kind === 'seal');
  if (c.verdict !== undefined) assert.equal(report.verdict, c.verdict, `${c.name}: verdict`);
  assert.equal(seal?.code, c.seal, `${c.name}: seal check`);
  const timing = await time(N, once);
  verifier?.free();
  cases.push({ name: c.name, group: c.group, input: c.input, bytes: c.bytes.length, verdict: report.verdict, ...timing });
  console.error(`node: ${c.name}: median ${timing.median.toFixed(2)} ms, p90 ${timing.p90.toFixed(2)} ms`);
}

// The EC's signed micro-credential: through a Verifier, then through the one-shot `verify`.
if (fs.existsSync(EC_SAMPLE)) {
  const sample = {
    group: 'jades', input: path.basename(EC_SAMPLE), bytes: fs.readFileSync(EC_SAMPLE),
    options: undefined, verdict: 'indeterminate', seal: 'seal.ok',
  };
  await bench({ ...sample, name: 'ec-signed' });
  await bench({ ...sample, name: 'ec-signed-one-shot', oneShot: true });
} else {
  console.error(`node: skipped: the EC's signed micro-credential (${EC_SAMPLE} is absent)`);
}

// Test-PKI sealed vectors, with vectors/verify.json's options.
const vectors = JSON.parse(fs.readFileSync(path.join(VECTORS, 'verify.json'), 'utf8'));
const statusLists = Object.fromEntries(
  Object.entries(vectors.status_lists).map(([url, file]) => [url, fs.readFileSync(path.join(VECTORS, file))]),
);
const pkiOptions = {
  trustAnchors: fs.readFileSync(path.join(VECTORS, vectors.trust_anchors), 'utf8'),
  at: new Date(vectors.clock),
  statusLists,
};
for (const name of ['sealed-rs256', 'sealed-es256']) {
  const c = vectors.cases.find((v) => v.name === name);
  assert.ok(c, `${name} is not in vectors/verify.json`);
  await bench({
    name, group: 'jades', input: c.input, bytes: fs.readFileSync(path.join(VECTORS, c.input)),
    options: pkiOptions, verdict: c.expect.verdict, seal: 'seal.ok',
  });
}

// Data Integrity: the signer's did:key trusted, the contexts of CONTEXTS_JSON given.
const contexts = JSON.parse(fs.readFileSync(contextsFile, 'utf8'));
for (const file of diFiles) {
  const bytes = fs.readFileSync(file);
  const proof = JSON.parse(bytes.toString('utf8')).proof;
  await bench({
    name: `di:${path.basename(file)}`, group: 'di', input: path.basename(file), bytes,
    options: { trustedDids: [proof.verificationMethod.split('#')[0]], contexts },
    verdict: undefined, seal: 'proof.ok', // the verdict also weighs the profile (see the report)
  });
}

console.log(JSON.stringify({
  node: process.version,
  importMs,
  fullProcessorMs,
  version: microcred.version(),
  cases,
}));
