// The verifier page: reads a credential (dropped, chosen or pasted), verifies it with the
// microcred package's web build and shows it as a person reads it, with each check explained.
// Every string from a credential goes into the page as text (textContent), never as markup; its
// display image only as <img src="data:..."> (an SVG's scripts do not run there).
import init, { verify, summary, statusListsNeeded, toXml, codes, version, loadFullProcessor } from './pkg/web/microcred.js';

const $ = (id) => document.getElementById(id);

// What each check asks, in plain words; the core's message says what it found.
const ASKS = {
  format: 'Is this a well-formed credential, as the EU Digital Credentials (EDC) write them?',
  micro_credential: 'Does it carry everything an EU micro-credential must state?',
  seal: 'Is the seal intact: has nothing been changed since the issuer sealed it?',
  trust: 'Is the sealer vouched for by a trust anchor or Trusted List you gave?',
  expiry: 'Is the credential within its validity period?',
  revocation: 'Has the issuer revoked or suspended it?',
  accreditation: 'Is the quality assurance it names valid?',
  owner: 'Does it belong to the expected learner?',
};
const STATUS = {
  ok: ['✓', 'Passed'],
  failed: ['✗', 'Failed'],
  skipped: ['–', 'Not checked'],
  indeterminate: ['?', 'Could not be decided'],
};
const VERDICT = {
  valid: ['✓', 'Valid: every check that applies passed.'],
  invalid: ['✗', 'Not valid: a check failed (see below).'],
  indeterminate: ['?', 'Undecided: nothing failed, but a check could not be decided (see below).'],
};
// The verdict of one credential in a presentation, in a word.
const SHORT = { valid: 'Valid', invalid: 'Not valid', indeterminate: 'Undecided' };

// The origins the page fetches status lists from: its own. The page's Content-Security-Policy
// (connect-src 'self') says the same; to fetch from another site, add its origin both here and
// to connect-src in index.html, and that site must allow it (Access-Control-Allow-Origin).
const STATUS_LIST_ORIGINS = [location.origin];

// The package's second module, the full JSON-LD processor (pkg/web/microcred_jsonld.js and
// pkg/microcred_jsonld_bg.wasm, same-origin files): every EDC credential takes the fast JSON-LD
// path without it; another document (a misspelt member, an inline @context, RDF/XML) gets this
// code until it is loaded, which the page does once, on first need.
const NEEDS_FULL_PROCESSOR = 'rdf.needs_full_processor';
let fullProcessor = null; // the one load: a promise of true (loaded) or false (failed)

let current = null; // { bytes, name }
const trust = { anchors: [], lists: [], names: [] };
let meanings = new Map();
let runs = 0; // results shown so far (body[data-runs]: tests wait on it)

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function say(text) {
  $('status').textContent = text;
}

function fact(list, term, value) {
  if (value === undefined || value === null || value === '') return;
  list.append(el('dt', term), el('dd', value));
}

function fill(list, items, block) {
  list.replaceChildren(...items.map((item) => el('li', item)));
  $(block).hidden = items.length === 0;
}

// The trusted DIDs field: one DID per line; the core decides what matches.
function trustedDids() {
  return $('dids').value.split('\n').map((line) => line.trim()).filter(Boolean);
}

function options(statusLists) {
  const o = {};
  if (trust.anchors.length) o.trustAnchors = trust.anchors;
  if (trust.lists.length) o.trustedList = trust.lists;
  const dids = trustedDids();
  if (dids.length) o.trustedDids = dids;
  if (statusLists) o.statusLists = statusLists;
  return o;
}

// Status lists come from STATUS_LIST_ORIGINS only (this origin); any other is reported as not
// checked rather than requested.
async function fetchStatusLists(bytes) {
  const lists = {};
  const missed = [];
  for (const { url } of statusListsNeeded(bytes, options())) {
    try {
      if (!STATUS_LIST_ORIGINS.includes(new URL(url, location.href).origin)) throw new Error('another site');
      const response = await fetch(url, { credentials: 'omit' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      lists[url] = new Uint8Array(await response.arrayBuffer());
    } catch (e) {
      missed.push(`${url} (${e.message})`);
    }
  }
  return { lists, missed };
}

function showCredential(s) {
  $('credential-heading').textContent = 'The credential';
  $('download').hidden = false;
  const facts = $('facts');
  facts.replaceChildren();
  const img = $('display');
  img.hidden = true;
  img.removeAttribute('src');
  if (!s) {
    facts.append(el('dt', 'Content'), el('dd', 'This file could not be read as a credential.'));
    fill($('outcomes'), [], 'outcomes-block');
    fill($('assessments'), [], 'assessments-block');
    fill($('qa'), [], 'qa-block');
    return;
  }
  if (s.image && /^data:image\/(png|jpeg|svg\+xml);base64,/.test(s.image.dataUrl)) {
    img.src = s.image.dataUrl;
    img.hidden = false;
  }
  fact(facts, 'Title', s.title);
  if (s.achievement && s.achievement !== s.title) fact(facts, 'Achievement', s.achievement);
  fact(facts, 'Learner', s.learner);
  fact(facts, 'Issuer', s.issuer);
  fact(facts, 'Country', s.country);
  fact(facts, 'ECTS credits', s.ects);
  fact(facts, 'EQF level', s.eqfLevel);
  fact(facts, 'Participation', s.participation.join(', '));
  fact(facts, 'Awarded', s.awarded);
  fact(facts, 'Issued', s.issued);
  fact(facts, 'Valid from', s.validFrom);
  fact(facts, 'Valid until', s.validUntil);
  fill($('outcomes'), s.learningOutcomes, 'outcomes-block');
  fill(
    $('assessments'),
    s.assessments.map((a) => [a.title, a.kind && `(${a.kind})`, a.grade && `grade: ${a.grade}`, a.supervision]
      .filter(Boolean).join(' · ')),
    'assessments-block',
  );
  fill(
    $('qa'),
    s.qualityAssurance.map((q) => [q.kind, q.title, q.agency && `by ${q.agency}`].filter(Boolean).join(' · ')),
    'qa-block',
  );
}

// A presentation: its own facts in the left column (its credentials come below the checks; no
// RDF/XML download, which is of one credential).
function showPresentation(report) {
  showCredential(null);
  $('credential-heading').textContent = 'The presentation';
  $('download').hidden = true;
  const facts = $('facts');
  facts.replaceChildren();
  fact(facts, 'Presentation', report.presentationId);
  fact(facts, 'Credentials held', String(report.credentials.length));
}

function sealFacts(list, seal) {
  list.replaceChildren();
  if (!seal) return;
  fact(list, 'Sealed by', seal.sealedBy);
  fact(list, 'Sealed at', seal.sealedAt);
  fact(list, 'Seal', `${seal.algorithm}, ${seal.level}${seal.qualified ? ', qualified' : ''}`);
}

// One <li> per check: its status as a mark and a word, what it asks, what the core found, its
// code and the code's meaning.
function checkItems(checks, missed) {
  return checks.map((check) => {
    const [symbol, status] = STATUS[check.status] ?? ['?', check.status];
    const li = el('li', null, 'check');
    li.dataset.kind = check.kind;
    li.dataset.status = check.status;
    const head = el('p', null, 'check-head');
    head.append(el('span', symbol, 'mark'), el('strong', `${status}${check.advisory ? ' (advisory)' : ''}: `), el('span', ASKS[check.kind] ?? check.kind));
    li.append(head, el('p', check.message, 'found'));
    const meaning = meanings.get(check.code);
    const code = el('p', null, 'code');
    code.append(el('code', check.code));
    if (meaning) code.append(` — ${meaning}`);
    li.append(code);
    if (check.findings.length) {
      li.append(el('ul', null, 'findings'));
      li.lastChild.append(...check.findings.map((f) => el('li', `${f.severity}: ${f.message} (${f.code})`)));
    }
    if (check.kind === 'revocation' && check.status === 'indeterminate' && missed.length) {
      li.append(el('p', `Could not check the status list ${missed.join('; ')}.`, 'found'));
    }
    return li;
  });
}

// Each credential a presentation holds: a <details> whose <summary> gives its title and verdict
// (keyboard: Tab to it, Enter or Space opens and closes), then what its report says of it and
// its checks. The report carries these facts; learning outcomes and the display image need the
// credential's summary, which `summary` gives for one credential only.
function heldCredential(report, index, count, missed) {
  const [mark] = VERDICT[report.verdict] ?? ['?'];
  const details = el('details', null, 'held');
  details.open = true;
  details.dataset.verdict = report.verdict;
  const summaryLine = el('summary');
  summaryLine.append(
    el('span', mark, 'mark'),
    `Credential ${index + 1} of ${count}: `,
    el('strong', report.title ?? 'untitled', 'held-title'),
    ' — ',
    el('span', SHORT[report.verdict] ?? report.verdict, 'held-verdict'),
  );
  const facts = el('dl');
  fact(facts, 'Title', report.title);
  fact(facts, 'Learner', report.learner);
  fact(facts, 'Issuer', report.issuer);
  fact(facts, 'Country', report.country);
  fact(facts, 'ECTS credits', report.ects);
  fact(facts, 'EQF level', report.eqfLevel);
  fact(facts, 'Issued', report.issued);
  const seal = el('dl');
  sealFacts(seal, report.seal);
  const checks = el('ol', null, 'plain checks');
  checks.append(...checkItems(report.checks, missed));
  const about = el('div');
  about.append(facts, seal);
  const body = el('div', null, 'columns');
  body.append(about, checks);
  details.append(summaryLine, body);
  return details;
}

function showReport(report, missed) {
  const [mark, words] = VERDICT[report.verdict] ?? ['?', report.verdict];
  const verdict = $('verdict');
  verdict.textContent = `${mark} ${words}`;
  verdict.dataset.verdict = report.verdict;
  sealFacts($('seal'), report.seal);
  $('checks').replaceChildren(...checkItems(report.checks, missed));
  const held = report.credentials ?? [];
  $('held-list').replaceChildren(...held.map((r, i) => heldCredential(r, i, held.length, missed)));
  $('held').hidden = !report.credentials;
}

// Whether a report, or a report of a credential it holds, has a check that needs the full
// JSON-LD processor.
function needsFullProcessor(report) {
  return report.checks.some((c) => c.code === NEEDS_FULL_PROCESSOR) || (report.credentials ?? []).some(needsFullProcessor);
}

// Runs `action`; when it throws `rdf.needs_full_processor` or its result `needs` the full JSON-LD
// processor, loads that (once for the page) and runs it again. If loading fails, the first
// answer stands (an indeterminate check, or the error).
async function withFullProcessor(action, needs) {
  let result;
  try {
    result = await action();
    if (!needs(result)) return result;
  } catch (e) {
    if (e?.code !== NEEDS_FULL_PROCESSOR) throw e;
    result = e;
  }
  fullProcessor ??= (async () => {
    say('Loading the full JSON-LD processor…');
    await loadFullProcessor();
    return true;
  })().catch(() => false);
  if (await fullProcessor) return action();
  if (result instanceof Error) throw result;
  return result;
}

// The summary (null when the file is not readable as a credential: the report's format check
// says why), the lists fetched and the report.
async function verifyFile(bytes) {
  let s = null;
  let needs = false;
  try {
    s = summary(bytes);
  } catch (e) {
    needs = e?.code === NEEDS_FULL_PROCESSOR;
  }
  const { lists, missed } = await fetchStatusLists(bytes).catch(() => ({ lists: {}, missed: [] }));
  const report = verify(bytes, options(lists));
  return { s, report, missed, needs: needs || needsFullProcessor(report) };
}

async function run() {
  if (!current) return;
  const { bytes, name } = current;
  say(`Verifying ${name}…`);
  performance.mark('verify-start');
  try {
    const { s, report, missed } = await withFullProcessor(() => verifyFile(bytes), (r) => r.needs);
    if (report.credentials) showPresentation(report);
    else showCredential(s);
    showReport(report, missed);
    $('result').hidden = false;
    say(`Verified ${name}: ${report.verdict}.`);
  } catch (e) {
    // Options the verifier refuses (a trust anchor that is not a certificate, ...).
    $('result').hidden = true;
    say(`Could not verify: ${e.message}${e.code ? ` (${e.code})` : ''}.`);
  }
  performance.mark('result-rendered');
  document.body.dataset.runs = String(++runs);
}

async function readFile(file) {
  return new Uint8Array(await file.arrayBuffer());
}

async function takeFile(file) {
  if (!file) return;
  current = { bytes: await readFile(file), name: file.name };
  await run();
}

async function download() {
  if (!current) return;
  const { bytes } = current;
  let xml;
  try {
    xml = await withFullProcessor(() => toXml(bytes), () => false);
  } catch (e) {
    say(`Could not convert to RDF/XML: ${e.message} (${e.code}).`);
    return;
  }
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/rdf+xml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = current.name.replace(/\.[^.]*$/, '') + '.rdf';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function addTrust(files) {
  for (const file of files) {
    const text = await file.text();
    if (text.includes('-----BEGIN')) trust.anchors.push(text);
    else trust.lists.push(text);
    trust.names.push(file.name);
  }
  $('trust-list').replaceChildren(...trust.names.map((n) => el('li', `Trusted: ${n}`)));
  $('trust-clear').hidden = trust.names.length === 0;
  await run();
}

async function start() {
  await init();
  meanings = new Map(codes().map((c) => [c.code, c.meaning]));
  $('version').textContent = version();
  for (const id of ['file', 'trust', 'dids', 'verify-paste']) $(id).disabled = false;

  $('file').addEventListener('change', (e) => takeFile(e.target.files[0]));
  $('verify-paste').addEventListener('click', () => {
    const text = $('paste').value.trim();
    if (!text) return say('Paste a credential first.');
    current = { bytes: new TextEncoder().encode(text), name: 'the pasted credential' };
    run();
  });
  $('trust').addEventListener('change', (e) => addTrust([...e.target.files]));
  $('trust-clear').addEventListener('click', () => {
    trust.anchors = [];
    trust.lists = [];
    trust.names = [];
    $('trust').value = '';
    $('trust-list').replaceChildren();
    $('trust-clear').hidden = true;
    run();
  });
  $('dids').addEventListener('change', () => run());
  $('download').addEventListener('click', download);

  // A file dropped anywhere on the page; the zone shows where.
  const drop = $('drop');
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  document.addEventListener('dragleave', () => drop.classList.remove('over'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    takeFile(e.dataTransfer.files[0]);
  });
  performance.mark('microcred-ready');
  document.body.dataset.runs = '0';
  say('Ready: choose, drop or paste a credential.');
}

start().catch((e) => say(`The verifier could not start: ${e.message}`));
