// The verifier page (bindings/wasm/www) in headless Chromium, as a person uses it: served by a
// small static server on localhost, a credential chosen with the file input, the result read
// off the page. Run by run.sh (which installs playwright-core and axe-core, pinned, and builds
// the package when needed). No browser download: Debian's chromium.
//
//   (a) the EC's signed micro-credential (../shared, skipped with a reason when absent) and a
//       test-PKI sealed vector with its root as trust anchor: title, ECTS, seal result, and the
//       package's second module (the full JSON-LD processor) not requested;
//   (b) the same with one payload byte changed: the failure is shown;
//   a credential with a misspelt member: the page loads the second module (once) and shows the
//       format check failing; with that module unavailable, the check undecided as the core says;
//   a Data Integrity credential pasted, intact and tampered, and trusted once its DID is entered;
//   a presentation: its own checks, then each credential it holds with its title and verdict;
//   status lists: one on another site is not requested (shown as could not check); the page
//       served from the site that serves the lists (routed) fetches them: not revoked, revoked;
//   (c) markup and scripts in a credential's strings and an SVG display image with a script:
//       shown as text, nothing runs, no console error, no request leaves the page's origin;
//   (d) axe-core: no serious or critical violation; "Download as RDF/XML" saves RDF/XML;
//   (e) screenshots at 1280 and 375 px wide, and no sideways scrolling at 375 (a presentation's
//       too);
//   (the timings are scripts/bench-wasm.sh's: bindings/wasm/bench/page.mjs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { EC_SAMPLE, ROOT, TARGET, WWW, contentType, launch, requireTool, serve, wwwFile } from './site.mjs';

const OUT = path.join(TARGET, 'test-output/www');
const AXE = fs.readFileSync(requireTool.resolve('axe-core/axe.min.js'), 'utf8');

const vector = (p) => fs.readFileSync(path.join(ROOT, 'vectors', p));

assert.ok(fs.existsSync(path.join(WWW, 'pkg/web/microcred.js')), 'no www/pkg: run bindings/wasm/build.sh first');
fs.mkdirSync(OUT, { recursive: true });

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
// With `site`, the page is served from that origin instead (as its deployer would host it there):
// every request is routed, www/ and `extra` (URL path -> file) served, any other origin refused.
async function open(width = 1280, site = null) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const origin = site ? site.origin : ORIGIN;
  if (site) {
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== site.origin) return route.abort();
      const file = site.extra?.[url.pathname] ?? wwwFile(url.pathname);
      if (!file) return route.fulfill({ status: 404 });
      return route.fulfill({ status: 200, contentType: site.extra?.[url.pathname] ? 'application/json' : contentType(file), body: fs.readFileSync(file) });
    });
  }
  const seen = { dialogs: [], errors: [], offsite: [] };
  const jsonld = []; // requests for the second module, microcred_jsonld_bg.wasm
  page.on('request', (r) => new URL(r.url()).pathname.endsWith('/microcred_jsonld_bg.wasm') && jsonld.push(r.url()));
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('console', (m) => m.type() === 'error' && seen.errors.push(m.text()));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) seen.offsite.push(url);
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.body.dataset.runs === '0');
  return { page, seen, jsonld };
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
// Each credential a presentation holds, as shown: title, verdict and its checks.
const held = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#held-list details')].map((d) => ({
      open: d.open,
      title: d.querySelector('summary .held-title').textContent,
      verdict: d.dataset.verdict,
      summary: d.querySelector('summary').textContent,
      issuer: [...d.querySelectorAll('dt')].find((dt) => dt.textContent === 'Issuer')?.nextElementSibling.textContent,
      checks: [...d.querySelectorAll('li.check')].map((li) => ({ kind: li.dataset.kind, status: li.dataset.status, text: li.textContent })),
    })));
// Runs `action` (a click, a field left) and waits for the page's next result.
async function rerun(page, action) {
  const before = Number(await page.evaluate(() => document.body.dataset.runs));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, before);
}
// The expectations of a case of vectors/verify.json.
const VERIFY = JSON.parse(vector('verify.json'));
const expected = (name) => VERIFY.cases.find((c) => c.name === name).expect;
// The DID that made the test vectors' Data Integrity proofs (its verification method without the
// fragment).
const DID = JSON.parse(vector('sealed/signed-di.json')).proof.verificationMethod.split('#')[0];

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
  const { page, seen, jsonld } = await open();
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
  assert.deepEqual(jsonld, [], `${c.what}: the full JSON-LD processor is not requested`);
  ok(`(a) ${c.what}: title, ECTS, seal ok, verdict ${c.verdict}; microcred_jsonld_bg.wasm not requested`);

  await choose(page, '#file', `tampered-${c.name}`, tamper(c.bytes));
  assert.equal(await verdict(page), 'invalid', `${c.what}, tampered`);
  const tampered = await check(page, 'seal');
  assert.equal(tampered.status, 'failed', `${c.what}, tampered`);
  assert.match(tampered.text, /✗\s*Failed/);
  assert.match(await page.textContent('#verdict'), /^✗ Not valid/);
  assert.deepEqual(jsonld, [], `${c.what}, tampered: the full JSON-LD processor is not requested`);
  ok(`(b) ${c.what} with one payload byte changed: the seal check fails, verdict invalid`);
  assert.deepEqual(seen, { dialogs: [], errors: [], offsite: [] });
  await page.close();
}

// --- a misspelt member (a term no context defines) takes the page outside the fast JSON-LD
//     path: it loads the second module, once, and shows the real answer; when that module cannot
//     be loaded, the format check stays undecided, as the core says ------------------------------
{
  const MANIFEST = JSON.parse(vector('manifest.json'));
  const misspelt = MANIFEST.cases.find((c) => c.target === 'edc.jsonld.undefined_term');
  const bytes = vector(misspelt.input);
  const { page, seen, jsonld } = await open();
  // Every text the status line shows.
  await page.evaluate(() => {
    window.said = [];
    const status = document.getElementById('status');
    new MutationObserver(() => window.said.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await choose(page, '#file', 'misspelt.json', bytes);
  const format = await check(page, 'format');
  assert.equal(format.status, 'failed', format.text);
  assert.match(format.text, /edc\.jsonld\.undefined_term/);
  assert.doesNotMatch(format.text, /rdf\.needs_full_processor/);
  assert.equal(await verdict(page), 'invalid');
  assert.ok((await page.evaluate(() => window.said)).includes('Loading the full JSON-LD processor…'));
  assert.equal(jsonld.length, 1, `microcred_jsonld_bg.wasm requested ${jsonld.length} times`);
  // Again, pasted: the module is loaded already.
  await page.fill('#paste', bytes.toString('utf8'));
  await rerun(page, () => page.click('#verify-paste'));
  assert.equal((await check(page, 'format')).status, 'failed');
  assert.equal(jsonld.length, 1, `microcred_jsonld_bg.wasm requested ${jsonld.length} times`);
  assert.deepEqual(seen, { dialogs: [], errors: [], offsite: [] });
  ok(`a misspelt member (${misspelt.input}): the full JSON-LD processor loaded once, format check failed with edc.jsonld.undefined_term`);
  await page.close();

  // The second module unavailable (its file not found): the answer as the first module gives it.
  const missing = await open(1280, { origin: 'https://verifier.example', extra: {} });
  await missing.page.route('**/microcred_jsonld_bg.wasm', (route) => route.fulfill({ status: 404 }));
  await choose(missing.page, '#file', 'misspelt.json', bytes);
  const undecided = await check(missing.page, 'format');
  assert.equal(undecided.status, 'indeterminate', undecided.text);
  assert.match(undecided.text, /rdf\.needs_full_processor/);
  assert.equal(missing.jsonld.length, 1);
  assert.match(await missing.page.textContent('#status'), /^Verified misspelt\.json: /);
  // RDF/XML of it needs the processor too: the page says so, and does not try to load it again.
  await missing.page.click('#download');
  await missing.page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Could not convert'));
  assert.match(await missing.page.textContent('#status'), /\(rdf\.needs_full_processor\)\.$/);
  assert.equal(missing.jsonld.length, 1);
  ok('the full JSON-LD processor unavailable (404): the format check shown undecided (rdf.needs_full_processor), '
    + 'and "Download as RDF/XML" says it cannot convert');
  await missing.page.close();
}

// --- a Data Integrity proof, pasted: intact (no trusted DID given: undecided), then tampered;
//     then trusted once its DID is in the trusted DIDs field ------------------------------------
{
  const { page, seen } = await open();
  const signed = vector('sealed/signed-di.json').toString('utf8');
  for (const [text, file, sealStatus, expected] of [
    [signed, 'signed-di.json', 'ok', 'indeterminate'],
    [vector('sealed/signed-di-tampered.json').toString('utf8'), 'signed-di-tampered.json', 'failed', 'invalid'],
  ]) {
    await page.fill('#paste', text);
    await rerun(page, () => page.click('#verify-paste'));
    assert.equal((await check(page, 'seal')).status, sealStatus, file);
    assert.equal(await verdict(page), expected, file);
  }
  assert.equal(await fact(page, 'ECTS credits'), '5');
  ok('Data Integrity proof, pasted: proof holds (verdict indeterminate, no trusted DID); tampered: proof fails');

  const did = DID;
  await page.fill('#paste', signed);
  await rerun(page, () => page.click('#verify-paste'));
  const untrusted = await check(page, 'trust');
  assert.equal(untrusted.status, 'indeterminate');
  assert.match(untrusted.text, /trust\.unknown_did/);
  assert.equal(await page.getAttribute('#dids', 'aria-describedby'), 'dids-hint');
  await page.fill('#dids', `\n  ${did}  \n`);
  await rerun(page, () => page.press('#dids', 'Tab')); // leaving the field verifies again
  const trusted = await check(page, 'trust');
  assert.equal(trusted.status, 'ok');
  assert.match(trusted.text, /trust\.trusted_did/);
  assert.equal(await verdict(page), 'valid');
  await page.fill('#dids', 'did:key:z6MkNotTheSigner');
  await rerun(page, () => page.press('#dids', 'Tab'));
  assert.equal((await check(page, 'trust')).status, 'indeterminate');
  assert.equal(await verdict(page), 'indeterminate');
  assert.deepEqual(seen, { dialogs: [], errors: [], offsite: [] });
  ok(`trusted DIDs: ${did} entered, the proof's trust check passes (verdict valid); another DID: undecided`);
  await page.close();
}

// --- a presentation: its own checks, then each credential it holds ---------------------------
{
  const { page, seen } = await open();
  await choose(page, '#trust', 'root-ca.pem', vector('pki/root-ca.pem'));
  await choose(page, '#file', 'sealed-presentation.json', vector('sealed/sealed-presentation.json'));
  const expect = expected('sealed-presentation');
  assert.equal(await page.textContent('#credential-heading'), 'The presentation');
  assert.equal(await fact(page, 'Credentials held'), String(expect.credentials.length));
  assert.match(await fact(page, 'Presentation'), /^urn:uuid:/);
  assert.ok(await page.isHidden('#download'), 'no RDF/XML download for a presentation');
  assert.deepEqual(
    await page.evaluate(() => [...document.querySelectorAll('#checks li')].map((li) => `${li.dataset.kind} ${li.dataset.status}`)),
    expect.checks.map((c) => `${c.kind} ${c.status}`),
  );
  assert.equal(await verdict(page), expect.verdict);
  const shownHeld = await held(page);
  const titles = ['Creating Open Digital Learning Content', 'Creating Open Digital Learning Content', 'Course completion'];
  const words = { valid: 'Valid', invalid: 'Not valid', indeterminate: 'Undecided' };
  assert.equal(shownHeld.length, expect.credentials.length);
  shownHeld.forEach((h, i) => {
    const want = expect.credentials[i];
    assert.equal(h.title, titles[i], `credential ${i + 1}`);
    assert.equal(h.verdict, want.verdict, `credential ${i + 1}`);
    assert.ok(h.open, `credential ${i + 1} is shown open`);
    assert.ok(h.summary.includes(`Credential ${i + 1} of ${shownHeld.length}: ${titles[i]} — ${words[want.verdict]}`), h.summary);
    assert.deepEqual(h.checks.map((c) => `${c.kind} ${c.status}`), want.checks.map((c) => `${c.kind} ${c.status}`), `credential ${i + 1}`);
    want.checks.forEach((c, j) => assert.ok(h.checks[j].text.includes(c.code), `credential ${i + 1}: ${c.code}`));
  });
  assert.equal(shownHeld[1].issuer, 'Example University of Technology');
  ok(`presentation: its checks (${expect.checks.map((c) => c.code).join(', ')}), then ${shownHeld.length} credentials: `
    + shownHeld.map((h) => `${h.title} (${h.verdict})`).join(', '));

  await page.evaluate(AXE);
  const axe = await page.evaluate(() => window.axe.run(document));
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), []);
  const file = path.join(OUT, 'verifier-presentation-1280.png');
  await page.screenshot({ path: file, fullPage: true });
  ok(`presentation: axe-core no serious or critical violation; screenshot ${file}`);
  // Keyboard: the first credential's summary takes the focus (Tab from the field before
  // it), Enter closes and opens it.
  await page.focus('#dids');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#held-list details:first-child') !== null), true);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('#held-list details').open), false);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('#held-list details').open), true);
  ok('presentation: each credential opens and closes from the keyboard');

  // The W3C credential's proof is by the DID of the test vectors: trusted, all three are valid.
  await page.fill('#dids', DID);
  await rerun(page, () => page.press('#dids', 'Tab'));
  assert.deepEqual((await held(page)).map((h) => h.verdict), ['valid', 'valid', 'valid']);
  assert.equal(await verdict(page), 'valid');
  assert.deepEqual(seen, { dialogs: [], errors: [], offsite: [] });
  ok('presentation with the W3C credential\'s DID trusted: every credential valid, verdict valid');
  await page.setViewportSize({ width: 375, height: 900 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 375, `presentation: no sideways scrolling at 375 px (page is ${wide} px wide)`);
  const phone = path.join(OUT, 'verifier-presentation-375.png');
  await page.screenshot({ path: phone, fullPage: true });
  ok(`presentation at 375 px: no sideways scrolling; screenshot ${phone}`);
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

// --- status lists served by the page's own site: the page, deployed on the site that serves the
//     lists (https://university.example, routed to www/ and vectors/status/), fetches them -----
{
  const extra = {};
  let origin = null;
  for (const [url, file] of Object.entries(VERIFY.status_lists)) {
    const u = new URL(url);
    origin ??= u.origin;
    assert.equal(u.origin, origin, 'the vectors\' status lists are on one site');
    extra[u.pathname] = path.join(ROOT, 'vectors', file);
  }
  const { page, seen } = await open(1280, { origin, extra });
  const fetched = [];
  page.on('request', (r) => r.url().includes('/status/') && fetched.push(r.url()));
  await choose(page, '#trust', 'root-ca.pem', vector('pki/root-ca.pem'));

  await choose(page, '#file', 'status-clear.json', vector('sealed/status-clear.json'));
  const clear = await check(page, 'revocation');
  assert.equal(clear.status, 'ok');
  assert.match(clear.text, /not revoked/);
  assert.doesNotMatch(clear.text, /Could not check/);
  assert.equal(await verdict(page), expected('status-clear').verdict);
  assert.deepEqual(fetched, [`${origin}/status/revocation`]);
  ok(`status list served by the page's site (${origin}): fetched, status-clear shown not revoked, verdict valid`);

  await choose(page, '#file', 'status-revoked.json', vector('sealed/status-revoked.json'));
  const revoked = await check(page, 'revocation');
  assert.equal(revoked.status, 'failed');
  assert.match(revoked.text, /✗\s*Failed.*revoked/s);
  assert.match(revoked.text, /revocation\.revoked/);
  assert.equal(await verdict(page), 'invalid');
  ok('status list served by the page\'s site: status-revoked shown revoked, verdict invalid');

  await choose(page, '#file', 'status-presentation.json', vector('sealed/status-presentation.json'));
  const shownHeld = await held(page);
  assert.deepEqual(shownHeld.map((h) => h.verdict), expected('status-presentation').credentials.map((c) => c.verdict));
  const revocation = shownHeld.map((h) => h.checks.find((c) => c.kind === 'revocation'));
  assert.equal(revocation[0].status, 'ok');
  assert.match(revocation[0].text, /not revoked/);
  assert.equal(revocation[1].status, 'failed');
  assert.match(revocation[1].text, /revocation\.revoked/);
  assert.equal(await verdict(page), 'invalid');
  ok('status lists for a presentation: its first credential not revoked, its second revoked');
  assert.deepEqual(seen, { dialogs: [], errors: [], offsite: [] });
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

// --- (d), (e): accessibility, screenshots ----------------------------------------------------
const shown = sealedCases.at(-1); // the EC sample when present
for (const width of [1280, 375]) {
  const { page, seen } = await open(width);
  if (shown.anchor) await choose(page, '#trust', 'root-ca.pem', shown.anchor);
  await choose(page, '#file', shown.name, shown.bytes);
  if (width === 1280) {
    // The timings (page load to first result, verify in the page) are measured by
    // scripts/bench-wasm.sh (bindings/wasm/bench/page.mjs), not here.
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
