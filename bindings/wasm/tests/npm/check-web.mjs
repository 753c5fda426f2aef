// The browser build (`microcred/web`, what bundlers and pages load), driven from Node: it needs
// `init` first, here with the module's bytes (a page gives a URL or nothing).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import init, { verify, detectFormat } from 'microcred/web';

const require = createRequire(import.meta.url);
const wasm = fs.readFileSync(require.resolve('microcred/microcred_bg.wasm'));
await init({ module_or_path: wasm });
const vectors = process.env.VECTORS;
const manifest = JSON.parse(fs.readFileSync(path.join(vectors, 'verify.json'), 'utf8'));
const c = manifest.cases[0];
const input = new Uint8Array(fs.readFileSync(path.join(vectors, c.input)));
assert.equal(detectFormat(input), 'jades');
const report = verify(input, {
  trustAnchors: fs.readFileSync(path.join(vectors, manifest.trust_anchors), 'utf8'),
  at: new Date(manifest.clock),
});
assert.equal(report.verdict, c.expect.verdict);
assert.throws(() => verify(input, { trustAnchor: 'x' }), (e) => e.code === 'config.malformed' && e.path === 'options.trustAnchor');
console.log(`web build: ${report.verdict}`);
