// The verifier page: reads a credential (dropped, chosen or pasted), verifies it with the
// microcred package's web build and shows it as a person reads it, with each check explained.
// Every string from a credential goes into the page as text (textContent), never as markup; its
// display image only as <img src="data:..."> (an SVG's scripts do not run there).
import init, { verify, summary, statusListsNeeded, toXml, codes, version } from './pkg/web/microcred.js';

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

function options(statusLists) {
  const o = {};
  if (trust.anchors.length) o.trustAnchors = trust.anchors;
  if (trust.lists.length) o.trustedList = trust.lists;
  if (statusLists) o.statusLists = statusLists;
  return o;
}

// Status lists come from this origin only (the page's Content-Security-Policy); any other is
// reported as not checked rather than requested.
async function fetchStatusLists(bytes) {
  const lists = {};
  const missed = [];
  for (const { url } of statusListsNeeded(bytes, options())) {
    try {
      if (new URL(url, location.href).origin !== location.origin) throw new Error('another site');
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

function showReport(report, missed) {
  const [mark, words] = VERDICT[report.verdict] ?? ['?', report.verdict];
  const verdict = $('verdict');
  verdict.textContent = `${mark} ${words}`;
  verdict.dataset.verdict = report.verdict;

  const seal = $('seal');
  seal.replaceChildren();
  if (report.seal) {
    fact(seal, 'Sealed by', report.seal.sealedBy);
    fact(seal, 'Sealed at', report.seal.sealedAt);
    fact(seal, 'Seal', `${report.seal.algorithm}, ${report.seal.level}${report.seal.qualified ? ', qualified' : ''}`);
  }
  const items = report.checks.map((check) => {
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
    if (check.kind === 'revocation' && missed.length) {
      li.append(el('p', `Could not check the status list ${missed.join('; ')}.`, 'found'));
    }
    return li;
  });
  $('checks').replaceChildren(...items);
}

async function run() {
  if (!current) return;
  const { bytes, name } = current;
  say(`Verifying ${name}…`);
  performance.mark('verify-start');
  let s = null;
  try {
    s = summary(bytes);
  } catch {
    // Not readable as a credential: the report's format check says why.
  }
  try {
    const { lists, missed } = await fetchStatusLists(bytes).catch(() => ({ lists: {}, missed: [] }));
    const report = verify(bytes, options(lists));
    showCredential(s);
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

function download() {
  if (!current) return;
  let xml;
  try {
    xml = toXml(current.bytes);
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
  for (const id of ['file', 'trust', 'verify-paste']) $(id).disabled = false;

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
