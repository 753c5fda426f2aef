// Gathers one run of scripts/bench-wasm.sh into a table (stdout, Markdown) and
// OUT/results.json. Per Node input: the median over the rounds of each round's median and p90.
// microcred's Node rows time `Verifier.verify` (one Verifier per input, made before timing, as
// vc-js keeps its loader and suite), and the EC sample once more through the one-shot `verify`.
//
//   node report.mjs OUT_DIR
//
// OUT_DIR holds: machine.json (written by the script), node-R.json (node.mjs, one per round),
// pair-R.json (di-paired.mjs: Data Integrity, microcred and vc-js in one process, one per round),
// page.json (page.mjs), sizes.tsv. The Data Integrity ratio is the median of the rounds' ratios,
// each taken between timings made in the same minutes.
import fs from 'node:fs';
import path from 'node:path';

import { median } from './stats.mjs';

const OUT = process.argv[2];
const read = (f) => fs.readFileSync(path.join(OUT, f), 'utf8');
const files = fs.readdirSync(OUT);
const rounds = (prefix) => files.filter((f) => f.startsWith(prefix)).sort();

const machine = JSON.parse(read('machine.json'));
const sizes = read('sizes.tsv').trim().split('\n').map((line) => {
  const [file, raw, gzip] = line.split('\t');
  return { file, raw: Number(raw), gzip: Number(gzip) };
});

// microcred in Node: case name -> per-round timings.
const nodeRuns = rounds('node-').map((f) => JSON.parse(read(f)));
const pairRuns = rounds('pair-').map((f) => JSON.parse(read(f)));
const byCase = new Map();
for (const run of [...nodeRuns, ...pairRuns]) {
  for (const c of run.cases) {
    if (!byCase.has(c.name)) byCase.set(c.name, { ...c, medians: [], p90s: [] });
    byCase.get(c.name).medians.push(c.median);
    byCase.get(c.name).p90s.push(c.p90);
  }
}
const node = [...byCase.values()].map(({ medians, p90s, median: _m, p90: _p, ...c }) => ({
  ...c, rounds: medians.length, median: median(medians), p90: median(p90s), roundMedians: medians,
}));

// vc-js in Node: input file -> per-round timings.
const vcRuns = new Map();
const roundRatios = new Map();
for (const run of pairRuns) {
  for (const r of run.vcjs) {
    if (!vcRuns.has(r.input)) vcRuns.set(r.input, { ...r, medians: [], p90s: [] });
    vcRuns.get(r.input).medians.push(r.median);
    vcRuns.get(r.input).p90s.push(r.p90);
    const mine = run.cases.find((c) => c.input === r.input);
    if (!roundRatios.has(r.input)) roundRatios.set(r.input, []);
    roundRatios.get(r.input).push(r.median / mine.median);
  }
}
const di = node.filter((c) => c.group === 'di').map((c) => {
  const vc = vcRuns.get(c.input);
  const vcjs = vc && { api: vc.api, rounds: vc.medians.length, median: median(vc.medians), p90: median(vc.p90s), roundMedians: vc.medians };
  const ratios = roundRatios.get(c.input) ?? [];
  return { input: c.input, bytes: c.bytes, microcred: c, vcjs, roundRatios: ratios, ratio: ratios.length ? median(ratios) : null };
});
const page = JSON.parse(read('page.json'));

const results = {
  ...machine,
  importMs: median(nodeRuns.map((r) => r.importMs)),
  fullProcessorMs: nodeRuns[0]?.fullProcessorMs ?? null,
  sizes,
  node: node.filter((c) => c.group !== 'di'),
  dataIntegrity: di,
  target: { dataIntegrityRatio: 5, met: di.length > 0 && di.every((d) => d.ratio >= 5) },
  page,
};
fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');

// --- the table ---------------------------------------------------------------------------------
const ms = (v) => (v == null ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const kb = (b) => `${(b / 1e3).toFixed(0)} KB`;
const perSecond = (v) => (v ? `${Math.round(1000 / v).toLocaleString('en')}/s` : '');
const rows = [];
const row = (what, t, note = '') => rows.push([what, `${ms(t.median)} ms`, `${ms(t.p90)} ms`, perSecond(t.median), note]);
rows.push(['Node: import the package (instantiate the module)', `${ms(results.importMs)} ms`, '', '', '']);
const label = {
  'ec-signed': "the EC's signed micro-credential (JAdES RS256, EU test sealer, no options), `Verifier.verify`",
  'ec-signed-one-shot': "the EC's signed micro-credential, one-shot `verify(bytes, options)`",
  'sealed-rs256': 'test-PKI vector sealed-rs256 (root as anchor, status lists, clock), `Verifier.verify`',
  'sealed-es256': 'test-PKI vector sealed-es256 (root as anchor, status lists, clock), `Verifier.verify`',
};
for (const c of results.node) row(`Node: verify ${label[c.name] ?? c.name}`, c, `verdict ${c.verdict}`);
if (page.verify) row(`Chromium: verify ${page.credential} in the page`, page.verify, `verdict ${page.verdict}`);
for (const d of di) {
  row(`Node: DI verify ${d.input}, microcred \`Verifier.verify\` (whole report)`, d.microcred, d.ratio == null ? '' : `**${d.ratio.toFixed(1)}×** vc-js`);
  if (d.vcjs) row(`Node: DI verify ${d.input}, vc-js 7.3 (${d.vcjs.api}, the proof)`, d.vcjs, '1.0×');
}
const range = (t) => `${ms(t.min)}–${ms(t.max)} ms`;
row(`Chromium: page load to verifier ready (${page.loads} fresh loads)`, page.ready, range(page.ready));
row('Chromium: page load to first result in the DOM', page.shown, range(page.shown));
row('Chromium: page load to first result painted', page.painted, range(page.painted));
row('Chromium: first verification in the page (file read to result in the DOM)', page.firstVerification, range(page.firstVerification));
for (const r of rows) if (r[0].startsWith('Chromium: page') || r[0].startsWith('Chromium: first')) r[3] = '';

console.log(`WASM timings (issue 12), ${machine.date}, commit ${machine.commit}`);
console.log(`${machine.cores} cores, load average ${machine.loadBefore} before, ${machine.loadAfter} after; node ${nodeRuns[0]?.node}, chromium ${page.chromium}`);
console.log(`Node: ${machine.n} runs after a warm-up, ${machine.rounds} rounds, median of the round medians and p90s; Data Integrity: microcred and vc-js in one process, alternating blocks of 5 runs with a garbage collection before each, the ratio the median of the rounds' ratios; Chromium: ${page.verify?.runs} runs, ${page.loads} page loads`);
console.log(`module: ${sizes.map((z) => `${z.file} ${(z.raw / 1e6).toFixed(2)} MB, ${kb(z.gzip)} gzip -9`).join('; ')}`);
console.log('');
console.log('| what | median | p90 | per second | |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('');
for (const d of di) {
  const each = d.roundRatios.map((r) => `${r.toFixed(1)}×`).join(', ');
  const met = d.ratio != null && d.ratio >= 5;
  console.log(`DI target (at least 5× vc-js) ${met ? 'met' : 'not met'} on ${d.input}: ${d.ratio?.toFixed(1)}× (rounds: ${each})`);
}
console.log(`results: ${path.join(OUT, 'results.json')}`);
