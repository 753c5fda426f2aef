// The package's TypeScript declarations, compiled strictly against the installed package
// (smoke.sh runs `tsc --noEmit` on this file): the types are usable as documented.
import initWeb, { verify as verifyInBrowser, loadFullProcessor as loadInBrowser } from 'microcred/web';
import init, { Verifier, verify, summary, codes, statusListsNeeded, parse, loadFullProcessor, type Report, type Code, type MicrocredError } from 'microcred';

export async function demo(file: Uint8Array, pem: string): Promise<string> {
  await init();
  const needed = statusListsNeeded(file);
  const statusLists: Record<string, Uint8Array> = {};
  for (const { url } of needed) statusLists[url] = new Uint8Array();
  const report: Report = verify(file, { trustAnchors: [pem], at: new Date(), statusLists, strict: true });
  const codesSeen: Code[] = report.checks.map((c) => c.code);
  // Configured once, for many files.
  const verifier = new Verifier({ trustAnchors: pem, at: new Date(), statusLists });
  const reports: Report[] = [file, file].map((f) => verifier.verify(f));
  const lists: string[] = verifier.statusListsNeeded(file).map((n) => n.url);
  verifier.free();
  const sealedBy: string | undefined = report.seal?.sealedBy;
  const learner: string | null = report.learner;
  const s = summary(file);
  const image: string | undefined = s.image?.dataUrl;
  const ects: number | null = s.ects;
  const meaning = codes().find((c) => c.code === 'json.syntax')?.meaning;
  try {
    parse(file, { unverified: false });
  } catch (e) {
    const error = e as MicrocredError;
    const code: Code = error.code;
    return code;
  }
  // Node: nothing to load (the second module comes on first need); the same line runs in both.
  const loaded: Promise<void> = loadFullProcessor();
  await loaded;
  await initWeb({ module_or_path: new URL('https://example.org/microcred_bg.wasm') });
  let again: Report = verifyInBrowser(file);
  // Browsers: a document outside the fast JSON-LD path needs the second module.
  const needs: Code = 'rdf.needs_full_processor';
  if (again.checks.some((c) => c.code === needs)) {
    await loadInBrowser();
    await loadInBrowser(new URL('https://example.org/microcred_jsonld_bg.wasm'));
    again = verifyInBrowser(file);
  }
  // The declarations are not `any`: a number is not a file, and an unknown option is an error.
  // @ts-expect-error
  verify(42);
  // @ts-expect-error
  verify(file, { trustAnchor: pem });
  // @ts-expect-error
  new Verifier({ trustAnchor: pem });
  // @ts-expect-error
  new Verifier().verify(42);
  // @ts-expect-error
  const wrong: Code = 'not.a.code';
  return [report.verdict, again.verdict, reports.length, lists, wrong, codesSeen.length, sealedBy, learner, image, ects, meaning].join();
}
