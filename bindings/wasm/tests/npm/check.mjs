// The package from ESM in Node: `import` gives the Node build; `init` and `loadFullProcessor`
// are there and do nothing (Node loads the second module on first need).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as mc from 'microcred';
import init, { loadFullProcessor, summary } from 'microcred';
import { checkVectors } from './vectors.cjs';

await init();
const vectors = process.env.VECTORS;
const ran = checkVectors(mc, vectors);
assert.equal(await loadFullProcessor(), undefined);
const manifest = JSON.parse(fs.readFileSync(path.join(vectors, 'verify.json'), 'utf8'));
const s = summary(fs.readFileSync(path.join(vectors, manifest.cases[0].input), 'utf8'));
assert.equal(typeof s.title, 'string');
console.log(`import: ${ran.manifest} manifest and ${ran.verify} verification vectors, RDF/XML both ways, "${s.title}"`);
