// Where verification spends its time in Node (`Verifier.verify`, as node.mjs times it): a V8 CPU
// profile (node --cpu-prof) of the release module with its function names, summarised as the
// share of the time spent inside each function (inclusive), for the functions whose name matches
// a pattern. Run by scripts/bench-wasm.sh --profile after the timings.
//
//   node profile.mjs MODULE_JS OUT_DIR RUNS NAME=FILE[:CONTEXTS_JSON]...
//
// MODULE_JS: a `--target experimental-nodejs-module` wasm-bindgen build of the release module
// before wasm-opt (wasm-opt -Oz drops the name section; the code is otherwise the same build),
// with microcred_jsonld.js beside it (the second module, the same way) when the package has one.
// Each NAME=FILE is verified RUNS times (one Verifier) in a child process under --cpu-prof (a Data
// Integrity file with its did:key trusted and, when given, the contexts of CONTEXTS_JSON); the
// profile stays in OUT_DIR/NAME.cpuprofile (Chrome DevTools opens it).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

if (process.argv[2] === '--child') {
  // The profiled process: verify FILE RUNS times.
  const [moduleJs, file, runs, contextsFile] = process.argv.slice(3);
  const microcred = await import(pathToFileURL(moduleJs).href);
  // The second module (the generic JSON-LD processor), wired as the package's Node glue wires it.
  const jsonldJs = path.join(path.dirname(moduleJs), 'microcred_jsonld.js');
  if (typeof microcred.useFullProcessor === 'function' && fs.existsSync(jsonldJs)) {
    const jsonld = await import(pathToFileURL(jsonldJs).href);
    microcred.useFullProcessor(jsonld.serve);
  }
  const bytes = fs.readFileSync(file);
  let options;
  const proof = JSON.parse(bytes.toString('utf8')).proof;
  if (proof?.verificationMethod) {
    options = { trustedDids: [proof.verificationMethod.split('#')[0]] };
    if (contextsFile) options.contexts = JSON.parse(fs.readFileSync(contextsFile, 'utf8'));
  }
  // One Verifier, made before the runs, as node.mjs times it.
  const verifier = new microcred.Verifier(options);
  const seal = verifier.verify(bytes).checks.find((c) => c.kind === 'seal');
  if (seal?.status !== 'ok') {
    console.error(`profile: ${file}: the seal or proof check is ${seal?.status} (${seal?.code}), not ok`);
    process.exit(1);
  }
  for (let i = 0; i < Number(runs); i++) verifier.verify(bytes);
  process.exit(0);
}

const [moduleJs, out, runs, ...cases] = process.argv.slice(2);
// The functions worth naming: the core's steps and the crates that do its heavy lifting.
const SHOWN = /^(microcred|sha2|rsa|p256|p384|ed25519|curve25519|x509|serde_json::de::from_slice|dlmalloc|\(garbage collector\)|\(program\))/;
const short = (name) => name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');

fs.mkdirSync(out, { recursive: true });
const summary = {};
for (const c of cases) {
  const [name, spec] = c.split(/=(.*)/s);
  const [file, contextsFile] = spec.split(':');
  const dir = fs.mkdtempSync(path.join(out, `${name}-`));
  execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, process.argv[1], '--child', moduleJs, file, runs, ...(contextsFile ? [contextsFile] : [])], { stdio: 'inherit' });
  const written = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const profileFile = path.join(out, `${name}.cpuprofile`);
  fs.renameSync(path.join(dir, written), profileFile);
  fs.rmSync(dir, { recursive: true });

  // Inclusive time per function name: each sample counts once for every distinct function on
  // its stack.
  const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const inclusive = new Map();
  let total = 0;
  profile.samples.forEach((sample, i) => {
    const dt = profile.timeDeltas[i];
    total += dt;
    const seen = new Set();
    for (let id = sample; id !== undefined; id = parent.get(id)) {
      const fn = short(nodes.get(id).callFrame.functionName);
      if (!seen.has(fn)) {
        seen.add(fn);
        inclusive.set(fn, (inclusive.get(fn) ?? 0) + dt);
      }
    }
  });
  const top = [...inclusive]
    .filter(([fn]) => SHOWN.test(fn))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([fn, us]) => ({ share: us / total, msPerVerify: us / 1e3 / Number(runs), fn }));
  summary[name] = { runs: Number(runs), msPerVerify: total / 1e3 / Number(runs), profile: profileFile, top };
  console.log(`\n${name}: ${(total / 1e3 / Number(runs)).toFixed(2)} ms per verify under the profiler (${runs} runs); time inside each function:`);
  for (const t of top) console.log(`  ${(t.share * 100).toFixed(1).padStart(5)}%  ${t.msPerVerify.toFixed(2).padStart(6)} ms  ${t.fn.slice(0, 140)}`);
}
fs.writeFileSync(path.join(out, 'profile.json'), JSON.stringify(summary, null, 2) + '\n');
