// The package from ESM in Node: `import` gives the Node build; `init` is there and does nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import init, { verify, summary, statusListsNeeded, toXml, fromXml } from 'microcred';

await init();
const vectors = process.env.VECTORS;
const manifest = JSON.parse(fs.readFileSync(path.join(vectors, 'verify.json'), 'utf8'));
const anchors = fs.readFileSync(path.join(vectors, manifest.trust_anchors), 'utf8');
const at = new Date(manifest.clock);
for (const c of manifest.cases) {
  const input = fs.readFileSync(path.join(vectors, c.input));
  // The two-phase status path: the lists a file needs, "fetched" from the vectors.
  const statusLists = {};
  for (const { url } of statusListsNeeded(input)) {
    const file = manifest.status_lists[url];
    if (file) statusLists[url] = fs.readFileSync(path.join(vectors, file));
  }
  const report = verify(input, { trustAnchors: anchors, at, statusLists });
  assert.equal(report.verdict, c.expect.verdict, c.name);
}
const sealed = fs.readFileSync(path.join(vectors, manifest.cases[0].input), 'utf8');
const s = summary(sealed);
assert.equal(typeof s.title, 'string');
const back = fromXml(toXml(sealed));
assert.equal(back.id, JSON.parse(JSON.parse(sealed).payload).id);
console.log(`import: ${manifest.cases.length} verification vectors, "${s.title}"`);
