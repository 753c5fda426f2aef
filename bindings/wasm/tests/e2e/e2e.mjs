// The verifier page (bindings/wasm/www) in headless Chromium, as a person uses it: served by a
// small static server on localhost, a credential chosen with the file input, the result read
// off the page. Run by run.sh (which installs playwright-core and axe-core, pinned, and builds
// the package when needed). No browser download: Debian's chromium.
//
//   (a) the EC's signed micro-credential (../shared, skipped with a reason when absent) and a
//       test-PKI sealed vector with its root as trust anchor: title, ECTS, seal result;
//   (b) the same with one payload byte changed: the failure is shown;
//   a Data Integrity credential pasted, intact and tampered;
//   a status list on another site: not requested, shown as could not check;
//   (c) markup and scripts in a credential's strings and an SVG display image with a script:
//       shown as text, nothing runs, no console error, no request leaves the page's origin;
//   (d) axe-core: no serious or critical violation; "Download as RDF/XML" saves RDF/XML;
//   (e) screenshots at 1280 and 375 px wide, and no sideways scrolling at 375;
//   and the timings: page load to first result, and the median `verify` in the page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { EC_SAMPLE, ROOT, TARGET, WWW, launch, requireTool, serve } from './site.mjs';

const OUT = path.join(TARGET, 'test-output/www');
const AXE = fs.readFileSync(requireTool.resolve('axe-core/axe.min.js'), 'utf8');

const vector = (p) => fs.readFileSync(path.join(ROOT, 'vectors', p));

assert.ok(fs.existsSync(path.join(WWW, 'pkg/web/microcred.js')), 'no www/pkg: run bindings/wasm/build.sh first');

// --- a static server for www/ (site.mjs) -------------------------------------------------------
const server = await serve();
const ORIGIN = server.origin;

const browser = await launch();
const results = [];
const ok = (what) => {
  results.push(what);
  console.log(`e2e: ok: ${what}`);
};

// A fresh page, watched: dialogs, console errors, uncaught errors and requests off the origin.
async function open(width = 1280) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const seen = { dialogs: [], errors: [], offsite: [] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('console', (m) => m.type() === 'error' && seen.errors.push(m.text()));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(ORIGIN + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) seen.offsite.push(url);
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => document.body.dataset.runs === '0');
  return { page, seen };
}

// Gives the page a file through an input (as a person choosing it) and waits for the result.
async function choose(page, input, name, bytes) {
  const before = Number(await page.evaluate(() => document.body.dataset.runs));
  await page.setInputFiles(input, { name, mimeType: 'application/json', buffer: Buffer.from(bytes) });
  if (input === '#file') await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, before);
}

const fact = (page, term) =>
  page.evaluate((t) => {
    const dt = [...document.querySelectorAll('#facts dt')].find((d) => d.textContent === t);
    return dt ? dt.nextElementSibling.textContent : null;
  }, term);
const check = (page, kind) =>
  page.evaluate((k) => {
    const li = document.querySelector(`#checks li[data-kind="${k}"]`);
    return li && { status: li.dataset.status, text: li.textContent };
  }, kind);
const verdict = (page) => page.evaluate(() => document.getElementById('verdict').dataset.verdict);

// One payload byte changed: the first character of the credential's id (inside the payload).
function tamper(bytes) {
  const sealed = JSON.parse(Buffer.from(bytes).toString('utf8'));
  const at = sealed.payload.indexOf('urn:credential:') + 'urn:credential:'.length;
  const was = sealed.payload[at];
  sealed.payload = sealed.payload.slice(0, at) + (was === 'a' ? 'b' : 'a') + sealed.payload.slice(at + 1);
  return JSON.stringify(sealed);
}

// --- (a), (b): sealed credentials, intact and tampered ---------------------------------------
const sealedCases = [
  {
    what: 'test-PKI sealed vector (vectors/sealed/sealed-es256.json, root-ca.pem trusted)',
    name: 'sealed-es256.json',
    bytes: vector('sealed/sealed-es256.json'),
    anchor: vector('pki/root-ca.pem'),
    title: 'Creating Open Digital Learning Content',
    ects: '5',
    verdict: 'valid',
  },
];
if (fs.existsSync(EC_SAMPLE)) {
  sealedCases.push({
    what: "the EC's signed micro-credential (Sample-MC-Annex1-signed.jsonld, no trust anchor)",
    name: 'Sample-MC-Annex1-signed.jsonld',
    bytes: fs.readFileSync(EC_SAMPLE),
    title: 'Micro-Credential',
    ects: '2',
    verdict: 'indeterminate', // its seal holds; nothing given vouches for the EU test sealer
  });
} else {
  console.log(`e2e: skipped: the EC sample (${EC_SAMPLE} is absent; ../shared is not beside the checkout)`);
}

for (const c of sealedCases) {
  const { page, seen } = await open();
  if (c.anchor) await choose(page, '#trust', 'root-ca.pem', c.anchor);
  await choose(page, '#file', c.name, c.bytes);
  assert.equal(await fact(page, 'Title'), c.title, c.what);
  assert.equal(await fact(page, 'ECTS credits'), c.ects, c.what);
  const seal = await check(page, 'seal');
  assert.equal(seal.status, 'ok', c.what);
  assert.match(seal.text, /Passed/);
  assert.equal(await verdict(page), c.verdict, c.what);
  assert.match(await page.textContent('#verdict'), c.verdict === 'valid' ? /^✓ Valid/ : /^\? Undecided/);
  if (c.anchor) assert.equal((await check(page, 'trust')).status, 'ok', c.what);
  assert.ok(await page.isVisible('#display'), `${c.what}: the display image is shown`);
  ok(`(a) ${c.what}: title, ECTS, seal ok, verdict ${c.verdict}`);

  await choose(page, '#file', `tampered-${c.name}`, tamper(c.bytes));
  assert.equal(await verdict(page), 'invalid', `${c.what}, tampered`);
  const tampered = await check(page, 'seal');
  assert.equal(tampered.status, 'failed', `${c.what}, tampered`);
  assert.match(tampered.text, /✗\s*Failed/);
  assert.match(await page.textContent('#verdict'), /^✗ Not valid/);
  ok(`(b) ${c.what} with one payload byte changed: the seal check fails, verdict invalid`);
  assert.deepEqual(seen, { dialogs: [], errors: [], offsite: [] });
  await page.close();
}

// --- a Data Integrity proof, pasted: intact (no trusted DID given: undecided), then tampered ---
{
  const { page, seen } = await open();
  for (const [file, sealStatus, expected] of [['signed-di.json', 'ok', 'indeterminate'], ['signed-di-tampered.json', 'failed', 'invalid']]) {
    await page.fill('#paste', vector(`sealed/${file}`).toString('utf8'));
    const before = Number(await page.evaluate(() => document.body.dataset.runs));
    await page.click('#verify-paste');
    await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, before);
    assert.equal((await check(page, 'seal')).status, sealStatus, file);
    assert.equal(await verdict(page), expected, file);
  }
  assert.equal(await fact(page, 'ECTS credits'), '5');
  assert.deepEqual(seen, { dialogs: [], errors: [], offsite: [] });
  ok('Data Integrity proof, pasted: proof holds (verdict indeterminate, no trusted DID); tampered: proof fails');
  await page.close();
}

// --- status lists: fetched only from the page's origin; another is shown as not checked -----
{
  const { page, seen } = await open();
  await choose(page, '#trust', 'root-ca.pem', vector('pki/root-ca.pem'));
  await choose(page, '#file', 'status-clear.json', vector('sealed/status-clear.json'));
  const revocation = await check(page, 'revocation');
  assert.equal(revocation.status, 'indeterminate');
  assert.match(revocation.text, /Could not check the status list https:\/\/university\.example\/status\/revocation \(another site\)/);
  assert.equal(await verdict(page), 'indeterminate');
  assert.deepEqual(seen, { dialogs: [], errors: [], offsite: [] });
  ok('status list on another site: not requested, shown as could not check');
  await page.close();
}

// --- (c): hostile strings and an SVG display image with a script ------------------------------
{
  const SCRIPT = '<script>alert("title")</script>';
  const IMG = '<img src=x onerror=alert("learner")><img src="https://evil.example/beacon.png">';
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" onload="alert(\'svg onload\')">'
    + '<script>alert("svg script");fetch("https://evil.example/svg")</script>'
    + '<image href="https://evil.example/svg.png" width="10" height="10"/>'
    + '<text x="10" y="50">display</text></svg>';
  let text = vector('cases/valid-1.json').toString('utf8');
  const credential = JSON.parse(text);
  const json = (s) => JSON.stringify(s).slice(1, -1);
  const image = credential.displayParameter.individualDisplay.displayDetail.image;
  text = text
    .replaceAll('Creating Open Digital Learning Content', json(`Course ${SCRIPT}`))
    .replaceAll('Dragan Moretti', json(`Dragan ${IMG}`))
    .replace(image.content, Buffer.from(svg).toString('base64'));
  const { page, seen } = await open();
  await choose(page, '#file', 'hostile.json', text);
  assert.equal(await fact(page, 'Title'), `Course ${SCRIPT}`);
  assert.equal(await fact(page, 'Learner'), `Dragan ${IMG}`);
  const src = await page.getAttribute('#display', 'src');
  assert.ok(src.startsWith('data:image/svg+xml;base64,'), 'the SVG is shown only from a data: URL');
  // Nothing the credential holds became an element.
  assert.equal(await page.evaluate(() => document.querySelectorAll('script').length), 1);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 1);
  // And it stays so when pasted instead of chosen.
  await page.fill('#paste', text);
  const before = Number(await page.evaluate(() => document.body.dataset.runs));
  await page.click('#verify-paste');
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, before);
  assert.equal(await fact(page, 'Title'), `Course ${SCRIPT}`);
  await page.waitForTimeout(300); // time for an image's onerror or an SVG's script, were they to run
  assert.deepEqual(seen, { dialogs: [], errors: [], offsite: [] });
  ok('(c) <script>, <img onerror> and an SVG with a script: shown as text; no dialog, console error or request off the origin');
  await page.close();
}

// --- (d), (e): accessibility, screenshots, timings -------------------------------------------
const shown = sealedCases.at(-1); // the EC sample when present
fs.mkdirSync(OUT, { recursive: true });
for (const width of [1280, 375]) {
  const { page, seen } = await open(width);
  if (shown.anchor) await choose(page, '#trust', 'root-ca.pem', shown.anchor);
  await choose(page, '#file', shown.name, shown.bytes);
  if (width === 1280) {
    const timing = await page.evaluate(() => {
      const at = (n) => performance.getEntriesByName(n)[0].startTime;
      return { ready: at('microcred-ready'), verify: at('result-rendered') - at('verify-start'), total: at('result-rendered') };
    });
    const module = fs.statSync(path.join(WWW, 'pkg/microcred_bg.wasm')).size;
    console.log(`e2e: timing with www/pkg/microcred_bg.wasm of ${(module / 1e6).toFixed(2)} MB (dev build ~15 MB, release ~2.8 MB)`);
    console.log(
      `e2e: timing (${shown.name}): page load to verifier ready ${timing.ready.toFixed(0)} ms; `
        + `file read to result shown ${timing.verify.toFixed(0)} ms; page load to first result ${timing.total.toFixed(0)} ms`,
    );
    const b64 = Buffer.from(shown.bytes).toString('base64');
    const median = await page.evaluate(async (data) => {
      const m = await import('./pkg/web/microcred.js');
      const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
      const times = [];
      for (let i = 0; i < 21; i++) {
        const t = performance.now();
        m.verify(bytes);
        times.push(performance.now() - t);
      }
      return times.sort((x, y) => x - y)[10];
    }, b64);
    console.log(`e2e: timing (${shown.name}): median verify in Chromium ${median.toFixed(1)} ms (21 runs)`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const xml = fs.readFileSync(await download.path(), 'utf8');
    assert.equal(download.suggestedFilename(), shown.name.replace(/\.[^.]*$/, '') + '.rdf');
    assert.match(xml, /^<\?xml[^>]*>\s*<rdf:RDF/);
    ok(`download as RDF/XML: ${download.suggestedFilename()}, ${xml.length} characters`);

    await page.evaluate(AXE);
    const axe = await page.evaluate(() => window.axe.run(document));
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), []);
    ok(`(d) axe-core ${axe.testEngine.version}: no serious or critical violation (${axe.violations.length} minor or moderate)`);
  } else {
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= width, `no sideways scrolling at ${width} px (page is ${wide} px wide)`);
  }
  const file = path.join(OUT, `verifier-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  ok(`(e) screenshot at ${width} px: ${file}`);
  assert.deepEqual(seen, { dialogs: [], errors: [], offsite: [] });
  await page.close();
}

await browser.close();
await server.close();
console.log(`e2e: ${results.length} checks passed`);
