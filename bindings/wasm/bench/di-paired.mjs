// Data Integrity verification in Node, microcred and Digital Bazaar's vc-js side by side in ONE
// process, in alternating blocks: the machine's speed drifts (a shared virtual machine: the same
// loop ran 1.7 times faster in some rounds than in others, for both libraries), so each side is
// timed in the same minutes as the other and the ratio is taken per round. Run by
// scripts/bench-wasm.sh once per round.
//
//   node di-paired.mjs N CONTEXTS_MICROCRED_JSON CONTEXTS_VCJS_JSON DI_SIGNED...
//
// microcred: one `Verifier` per file, made before timing (the signer's did:key trusted, the
// contexts of CONTEXTS_MICROCRED_JSON given), `Verifier.verify(bytes)` timed: the whole report
// (format, profile, proof, trust, dates). vc-js 7.3: interop/vc-js/di.mjs's `verify` with its
// document loader made once (CONTEXTS_VCJS_JSON), the proof only. Each side's result is checked
// once before timing and each vc-js result in the loop (outside the timed span); a wrong result
// stops the benchmark. After the warm-up, N runs of each side in blocks of BLOCK runs, the side
// going first alternating from block to block, with a full garbage collection before each block
// (untimed; `node --expose-gc`), so that neither side's blocks collect the other's garbage.
//
// Prints one JSON object: { cases: [node.mjs-shaped microcred cases], vcjs: [di.mjs-shaped lines] }.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ROOT } from '../tests/e2e/site.mjs';
import { median, p90, warmups } from './stats.mjs';
import { errorsOf, loaderFor, usesJsigs, verify } from '../../../interop/vc-js/di.mjs';

const BLOCK = 5;
if (typeof globalThis.gc !== 'function') {
  console.error('di-paired.mjs: run with node --expose-gc');
  process.exit(2);
}
const [n, microcredContexts, vcjsContexts, ...files] = process.argv.slice(2);
const N = Math.max(1, Number.parseInt(n, 10));
if (!vcjsContexts || Number.isNaN(N)) {
  console.error('usage: node di-paired.mjs N CONTEXTS_MICROCRED_JSON CONTEXTS_VCJS_JSON DI_SIGNED...');
  process.exit(2);
}
const microcred = await import(pathToFileURL(path.join(ROOT, 'bindings/wasm/pkg/node/microcred.mjs')).href);
const contexts = JSON.parse(fs.readFileSync(microcredContexts, 'utf8'));
const documentLoader = loaderFor(vcjsContexts);

const cases = [];
const vcjs = [];
for (const file of files) {
  const bytes = fs.readFileSync(file);
  const credential = JSON.parse(bytes.toString('utf8'));
  const did = credential.proof.verificationMethod.split('#')[0];
  const verifier = new microcred.Verifier({ trustedDids: [did], contexts });
  const name = path.basename(file);

  const report = verifier.verify(bytes);
  const seal = report.checks.find((k) => k.kind === 'seal');
  assert.equal(seal?.code, 'proof.ok', `${name}: microcred's proof check`);
  const checked = await verify({ credential, documentLoader });
  assert.ok(checked.verified, `${name}: vc-js: ${errorsOf(checked).join('; ')}`);

  const sides = {
    microcred: () => { verifier.verify(bytes); },
    vcjs: async () => {
      const result = await verify({ credential, documentLoader });
      if (!result.verified) throw new Error(`${name}: vc-js: ${errorsOf(result).join('; ')}`);
    },
  };
  const times = { microcred: [], vcjs: [] };
  const run = async (side, record) => {
    const start = performance.now();
    await sides[side]();
    const elapsed = performance.now() - start;
    if (record) times[side].push(elapsed);
  };
  for (let i = 0; i < warmups(N); i++) {
    await run('microcred', false);
    await run('vcjs', false);
  }
  for (let block = 0; times.microcred.length < N; block++) {
    const order = block % 2 === 0 ? ['microcred', 'vcjs'] : ['vcjs', 'microcred'];
    for (const side of order) {
      globalThis.gc?.();
      for (let i = 0; i < BLOCK && times[side].length < N; i++) await run(side, true);
    }
  }
  const stats = (side) => ({ runs: times[side].length, median: median(times[side]), p90: p90(times[side]) });
  cases.push({ name: `di:${name}`, group: 'di', input: name, bytes: bytes.length, verdict: report.verdict, paired: true, ...stats('microcred') });
  vcjs.push({ input: name, api: usesJsigs(credential) ? 'jsonld-signatures' : 'vc-js', ...stats('vcjs') });
  console.error(`paired: ${name}: microcred ${stats('microcred').median.toFixed(2)} ms, vc-js ${stats('vcjs').median.toFixed(2)} ms`);
}
console.log(JSON.stringify({ cases, vcjs }));
