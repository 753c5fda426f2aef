// The verifier page (bindings/wasm/www, with the module bindings/wasm/build.sh copied into
// www/pkg) in headless Chromium, timed. One JSON object on stdout. Run by scripts/bench-wasm.sh.
//
//   node page.mjs N LOADS
//
// 1. Page load to first result, LOADS times, each in a fresh browser context (empty HTTP and
//    code caches: a first visit). The credential is given the moment the page is ready, by a
//    script the page runs before its own (addInitScript): when app.js marks itself ready
//    (body[data-runs="0"]) it hands the file to the file input as a person choosing it would
//    (a File in the input's FileList and a `change` event), with no round trip to Playwright.
//    From the page's own marks (performance.mark in app.js), relative to navigation start:
//    verifier ready (`microcred-ready`), result in the DOM (`result-rendered`), and the first
//    frame after it (`result-painted`: a task queued from requestAnimationFrame, which runs after
//    that frame is produced); and the first verification (`verify-start`, once the file is read,
//    to `result-rendered`: summary, the status-list lookup, verify, rendering).
// 2. `verify` of the same credential in the page (the module app.js loaded), N runs after a
//    warm-up: median and p90.
// The credential: the EC's signed micro-credential (../shared or $MICROCRED_SHARED), else the
// test-PKI vector sealed-es256 (and then its root as trust anchor is not given: the timings are
// of the seal).
import fs from 'node:fs';
import path from 'node:path';

import { EC_SAMPLE, ROOT, WWW, launch, serve } from '../tests/e2e/site.mjs';
import { median, p90, warmups } from './stats.mjs';

const [n = '50', loads = '7'] = process.argv.slice(2);
const N = Math.max(1, Number.parseInt(n, 10));
const LOADS = Math.max(1, Number.parseInt(loads, 10));

if (!fs.existsSync(path.join(WWW, 'pkg/web/microcred.js'))) {
  console.error('page: no www/pkg: run bindings/wasm/build.sh --release first');
  process.exit(1);
}
const credential = fs.existsSync(EC_SAMPLE)
  ? { name: path.basename(EC_SAMPLE), bytes: fs.readFileSync(EC_SAMPLE) }
  : { name: 'sealed-es256.json', bytes: fs.readFileSync(path.join(ROOT, 'vectors/sealed/sealed-es256.json')) };

// Runs in the page before app.js: gives the file as soon as the verifier is ready, and marks the
// first frame after the result.
function handOver({ name, b64 }) {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const observer = new MutationObserver(() => {
    const runs = document.body?.dataset.runs;
    if (runs === '0') {
      const input = document.getElementById('file');
      const files = new DataTransfer();
      files.items.add(new File([bytes], name, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (runs === '1') {
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => {
        performance.mark('result-painted');
        document.body.dataset.painted = '1';
      }, 0));
    }
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-runs'] });
}

const server = await serve();
const browser = await launch();
const b64 = credential.bytes.toString('base64');

const loadsMs = [];
let verifyTiming = null;
let verdict = null;
for (let i = 0; i < LOADS; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(handOver, { name: credential.name, b64 });
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => document.body.dataset.painted === '1', null, { timeout: 60_000 });
  const marks = await page.evaluate(() => {
    const at = (m) => performance.getEntriesByName(m)[0].startTime;
    return {
      ready: at('microcred-ready'),
      shown: at('result-rendered'),
      painted: at('result-painted'),
      firstVerification: at('result-rendered') - at('verify-start'),
      verdict: document.getElementById('verdict').dataset.verdict,
    };
  });
  if (errors.length) throw new Error(`page: errors in the page: ${errors.join('; ')}`);
  verdict = marks.verdict;
  loadsMs.push(marks);
  console.error(`page: load ${i + 1}/${LOADS}: ready ${marks.ready.toFixed(0)} ms, result shown ${marks.shown.toFixed(0)} ms, painted ${marks.painted.toFixed(0)} ms`);

  if (i === LOADS - 1) {
    // verify in the page, with the module app.js loaded (the same URL: the same instance). The
    // loop runs in the page (no Playwright round trip per run); the statistics here.
    const times = await page.evaluate(
      async ({ data, warm, n }) => {
        const m = await import('./pkg/web/microcred.js');
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        for (let k = 0; k < warm; k++) m.verify(bytes);
        const times = [];
        for (let k = 0; k < n; k++) {
          const t = performance.now();
          m.verify(bytes);
          times.push(performance.now() - t);
        }
        return times;
      },
      { data: b64, warm: warmups(N), n: N },
    );
    verifyTiming = { runs: N, median: median(times), p90: p90(times) };
    console.error(`page: verify in Chromium: median ${verifyTiming.median.toFixed(2)} ms, p90 ${verifyTiming.p90.toFixed(2)} ms`);
  }
  await context.close();
}
const chromium = browser.version();
await browser.close();
await server.close();

const summarise = (key) => {
  const values = loadsMs.map((m) => m[key]);
  return { median: median(values), p90: p90(values), min: Math.min(...values), max: Math.max(...values) };
};
console.log(JSON.stringify({
  chromium,
  credential: credential.name,
  verdict,
  loads: LOADS,
  ready: summarise('ready'),
  shown: summarise('shown'),
  painted: summarise('painted'),
  firstVerification: summarise('firstVerification'),
  verify: verifyTiming,
}));
