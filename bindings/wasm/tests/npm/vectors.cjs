// The shared vectors through the installed package in Node, from check.cjs (require) and
// check.mjs (import): the same assertions as bindings/wasm/tests/vectors.rs, over the two
// WebAssembly modules as shipped. Node loads the second one (the full JSON-LD processor) from
// disk the first time a document needs it; the vectors hold such documents (an undefined term,
// RDF/XML), so they also show it is loaded then, and only then. Each verification vector also
// goes through one `Verifier` made from the same options: the same report as `verify`.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

/** Whether Node has loaded the package's second module's glue (node/microcred_jsonld.cjs). */
const fullProcessorLoaded = () =>
  Object.keys(require.cache).some((file) => file.endsWith(`${path.sep}microcred_jsonld.cjs`));

/** The verdict and each check's kind, status and code, and the same for each credential held. */
function outline(report) {
  const got = {
    verdict: report.verdict,
    checks: report.checks.map(({ kind, status, code }) => ({ kind, status, code })),
  };
  if (report.credentials) got.credentials = report.credentials.map(outline);
  return got;
}

/** `detectFormat`'s name, or null when the input is unreadable (then it throws a ParseError). */
function detected(mc, input) {
  try {
    return mc.detectFormat(input);
  } catch (e) {
    assert.ok(e instanceof Error && e.message, 'an Error with a message');
    assert.deepEqual([e.name, e.category], ['ParseError', 'parse']);
    return null;
  }
}

/**
 * Runs every case of vectors/manifest.json and vectors/verify.json (in `dir`) through `mc`, the
 * package as required or imported, and asserts the recorded outcomes; returns what it ran.
 */
function checkVectors(mc, dir) {
  const read = (name) => fs.readFileSync(path.join(dir, name));
  const catalogue = new Map(mc.codes().map((c) => [c.code, c]));

  // The fast path needs only the first module: a sealed EDC credential verifies without the second.
  const verifyManifest = JSON.parse(read('verify.json'));
  const options = {
    trustAnchors: read(verifyManifest.trust_anchors).toString('utf8'),
    at: new Date(verifyManifest.clock),
    statusLists: Object.fromEntries(Object.entries(verifyManifest.status_lists).map(([url, file]) => [url, read(file)])),
  };
  const first = verifyManifest.cases[0];
  assert.deepEqual(outline(mc.verify(read(first.input), options)), first.expect, first.name);
  assert.equal(fullProcessorLoaded(), false, 'the second module is loaded before any document needs it');

  const manifest = JSON.parse(read('manifest.json'));
  // A Verifier (configured once) meets a document outside the fast path (a term no context
  // defines): Node loads the second module then, and the format check has the answer.
  const verifier = new mc.Verifier(options);
  const misspelt = manifest.cases.find((c) => c.target === 'edc.jsonld.undefined_term');
  const format = verifier.verify(read(misspelt.input)).checks.find((k) => k.kind === 'format');
  assert.deepEqual([format.status, format.code], ['failed', 'edc.jsonld.undefined_term'], misspelt.name);
  assert.equal(fullProcessorLoaded(), true, 'the second module was not loaded for an undefined term');

  assert.ok(manifest.cases.length > 60, `only ${manifest.cases.length} cases`);
  for (const c of manifest.cases) {
    const input = read(c.input);
    assert.equal(detected(mc, input), c.format, `${c.name}: format`);
    const { expect } = c;
    let credential;
    try {
      credential = mc.parse(input, { unverified: c.read === 'parse_unverified' });
    } catch (e) {
      if (!expect.error) throw new Error(`${c.name}: unexpected error ${e.code}: ${e.message}`);
      const info = catalogue.get(expect.error);
      assert.ok(info, `${c.name}: ${expect.error} is catalogued`);
      assert.ok(e instanceof Error && e.message, c.name);
      assert.deepEqual([e.code, e.name, e.category], [expect.error, info.errorName, info.category], c.name);
      continue;
    }
    assert.equal(expect.error, undefined, `${c.name}: expected the error ${expect.error}`);
    assert.equal(typeof credential, 'object', `${c.name}: parse gives an object`);
    const found = mc.findings(input, c.check === 'elm_3_2' ? { elmVersion: '3.2' } : {});
    assert.deepEqual(found.map(({ code, severity, path: at }) => ({ code, severity, path: at })), expect.findings, c.name);
    assert.ok(found.every((f) => typeof f.message === 'string' && f.message !== ''), c.name);
    assert.equal(!found.some((f) => f.severity === 'error'), expect.valid, c.name);
    if (c.target) assert.ok(found.some((f) => f.code === c.target), `${c.name}: ${c.target}`);
  }

  assert.ok(verifyManifest.cases.length >= 25, `only ${verifyManifest.cases.length} cases`);
  for (const c of verifyManifest.cases) {
    const data = read(c.input);
    assert.equal(detected(mc, data), c.format, `${c.name}: format`);
    const report = mc.verify(data, options);
    assert.deepEqual(outline(report), c.expect, c.name);
    assert.equal(report.valid, c.expect.verdict === 'valid', c.name);
    // Text gives the same report as bytes.
    assert.deepEqual(outline(mc.verify(data.toString('utf8'), options)), c.expect, `${c.name} (text)`);
    // The Verifier made once gives the same report, learner included, and names the same lists.
    const again = verifier.verify(data);
    assert.deepEqual(again, report, `${c.name} (Verifier)`);
    assert.equal(again.learner, report.learner, `${c.name} (Verifier): learner`);
    assert.deepEqual(verifier.statusListsNeeded(data), mc.statusListsNeeded(data, options), `${c.name} (Verifier)`);
    // The two-phase status path: the lists the file needs, "fetched" from the vectors (any
    // other URL is unavailable).
    const statusLists = {};
    for (const { url, purpose } of mc.statusListsNeeded(data)) {
      assert.equal(typeof purpose, 'string', `${c.name}: purpose`);
      const file = verifyManifest.status_lists[url];
      if (file) statusLists[url] = read(file);
    }
    assert.deepEqual(outline(mc.verify(data, { ...options, statusLists })), c.expect, `${c.name} (two phases)`);
  }

  // RDF/XML both ways (the reader is in the second module): the credential comes back.
  const sealed = read(first.input).toString('utf8');
  const back = mc.fromXml(mc.toXml(sealed));
  assert.equal(back.id, JSON.parse(JSON.parse(sealed).payload).id);
  const plain = read(manifest.cases[0].input);
  assert.deepEqual(mc.fromXml(mc.toXml(plain)), mc.parse(plain));
  // Options that cannot make a Verifier throw at construction, as `verify` does.
  assert.throws(() => new mc.Verifier({ trustAnchors: 'no PEM here' }),
    (e) => e instanceof Error && e.code === 'config.trust_anchor' && e.path === 'options.trustAnchors[0]');
  assert.throws(() => new mc.Verifier({ at: 'yesterday' }), (e) => e.code === 'config.invalid_time');
  verifier.free();
  return { manifest: manifest.cases.length, verify: verifyManifest.cases.length };
}

module.exports = { checkVectors, fullProcessorLoaded, outline };
