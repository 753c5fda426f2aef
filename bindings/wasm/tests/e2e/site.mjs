// What the page's end-to-end test (e2e.mjs) and the page benchmark (bindings/wasm/bench/page.mjs)
// share: the paths, a static file server for bindings/wasm/www on 127.0.0.1 (a free port), and
// Debian's chromium driven by playwright-core from target/tools (run.sh installs it; no browser
// download).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../../../..');
export const WWW = path.join(ROOT, 'bindings/wasm/www');
export const TARGET = process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target');
export const TOOLS = process.env.TOOLS ?? path.join(TARGET, 'tools');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The EC's signed micro-credential (../shared beside the checkout, or $MICROCRED_SHARED; may be absent). */
export const SHARED = path.resolve(process.env.MICROCRED_SHARED ?? path.join(ROOT, '../shared'));
export const EC_SAMPLE = path.join(SHARED, 'upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld');
/** `require` for the npm tools installed in target/tools (playwright-core, axe-core). */
export const requireTool = createRequire(path.join(TOOLS, 'package.json'));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** The file of www/ a URL path names, or null. */
export function wwwFile(pathname, dir = WWW) {
  const file = path.join(dir, path.normalize(decodeURIComponent(pathname)).replace(/\/$/, '/index.html'));
  return file.startsWith(dir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

/** The content type a static server gives `file`. */
export const contentType = (file) => TYPES[path.extname(file)] ?? 'application/octet-stream';

/** Serves `dir` (www/ by default) as a static site; resolves to `{ origin, close() }`. */
export async function serve(dir = WWW) {
  const server = http.createServer((req, res) => {
    const file = wwwFile(new URL(req.url, 'http://localhost').pathname, dir);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType(file) });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Headless Debian chromium through playwright-core. */
export function launch() {
  const { chromium } = requireTool('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM });
}
