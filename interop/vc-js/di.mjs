#!/usr/bin/env node
// The Digital Bazaar side of the Data Integrity interop and peer scripts: sign, verify and time
// eddsa-rdfc-2022 proofs with @digitalbazaar/vc, jsonld-signatures and
// @digitalbazaar/eddsa-rdfc-2022-cryptosuite, with an offline document loader.
//
//   node di.mjs sign SEED_HEX CREATED CONTEXTS_JSON IN OUT
//   node di.mjs verify CONTEXTS_JSON IN          exit 0 when verified, 1 when not
//   node di.mjs bench SEED_HEX N CONTEXTS_JSON IN...   median sign and verify ms per input,
//                                                      and the proofValue
//   node di.mjs bench-verify N CONTEXTS_JSON SIGNED...  verify only, each signed file as given:
//                                                      one JSON line per file (median and p90
//                                                      ms of N runs after a warm-up); the loop
//                                                      scripts/bench-wasm.sh runs beside
//                                                      microcred's (bindings/wasm/bench/node.mjs)
//
// Imported as a module (bindings/wasm/bench/di-paired.mjs), it exports loaderFor, verify,
// errorsOf and usesJsigs, and runs nothing.
//
// CONTEXTS_JSON is a file {url: context document} with the contexts npm has no package for (the
// EDC application-profile context, the VC examples v2 context); `di_interop contexts` writes it.
// The W3C contexts come from Digital Bazaar's context packages. did:key URLs are resolved by
// @digitalbazaar/did-method-key from the URL itself. Any other URL is an error: nothing is
// fetched.
//
// Which API: a VC 2.0 credential, or a VC 1.1 one with issuanceDate, goes through vc-js
// (vc.issue / vc.verifyCredential, with an assertionMethod purpose since the test credentials'
// issuers are not the signing did:key). A VC 1.1 credential without issuanceDate (ELM omits it)
// goes through jsonld-signatures directly, the library vc-js signs and verifies proofs with:
// vc.issue would add an issuanceDate to the data, and vc.verifyCredential requires one.

import {readFileSync, writeFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {pathToFileURL} from 'node:url';

import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as didKey from '@digitalbazaar/did-method-key';
import {contexts as credentialsContexts} from
  '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import didContext from 'did-context';

const {AssertionProofPurpose} = jsigs.purposes;
const VC_V1 = 'https://www.w3.org/2018/credentials/v1';

export function loaderFor(contextsFile) {
  const documents = new Map();
  for(const [url, document] of credentialsContexts) {
    documents.set(url, document);
  }
  for(const [url, document] of dataIntegrityContext.contexts) {
    documents.set(url, document);
  }
  for(const [url, document] of multikeyContext.contexts) {
    documents.set(url, document);
  }
  for(const [url, document] of didContext.contexts) {
    documents.set(url, document);
  }
  const extra = JSON.parse(readFileSync(contextsFile, 'utf8'));
  for(const [url, document] of Object.entries(extra)) {
    documents.set(url, document);
  }

  const didKeyDriver = didKey.driver();
  didKeyDriver.use({
    multibaseMultikeyHeader: 'z6Mk',
    fromMultibase: Ed25519Multikey.from
  });

  return async url => {
    if(documents.has(url)) {
      return {contextUrl: null, documentUrl: url, document: documents.get(url)};
    }
    if(url.startsWith('did:key:')) {
      const document = await didKeyDriver.get({url});
      return {contextUrl: null, documentUrl: url, document};
    }
    throw new Error(`offline document loader: unknown URL ${url}`);
  };
}

async function keyPairFor(seedHex) {
  const seed = Uint8Array.from(Buffer.from(seedHex, 'hex'));
  if(seed.length !== 32) {
    throw new Error('SEED_HEX: 64 hex digits');
  }
  const pair = await Ed25519Multikey.generate({seed});
  const controller = `did:key:${pair.publicKeyMultibase}`;
  return Ed25519Multikey.generate({
    seed, controller, id: `${controller}#${pair.publicKeyMultibase}`
  });
}

export function usesJsigs(credential) {
  const context = [].concat(credential['@context'] ?? []);
  return context[0] === VC_V1 && !('issuanceDate' in credential);
}

async function sign({credential, keyPair, created, documentLoader}) {
  const suite = new DataIntegrityProof({
    signer: keyPair.signer(), date: created, cryptosuite: eddsaRdfc2022
  });
  const purpose = new AssertionProofPurpose();
  // Both APIs mutate their input; each run signs a fresh copy.
  credential = structuredClone(credential);
  if(usesJsigs(credential)) {
    return jsigs.sign(credential, {suite, purpose, documentLoader});
  }
  return vc.issue({credential, suite, purpose, documentLoader});
}

export async function verify({credential, documentLoader}) {
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const purpose = new AssertionProofPurpose();
  if(usesJsigs(credential)) {
    return jsigs.verify(credential, {suite, purpose, documentLoader});
  }
  return vc.verifyCredential({credential, suite, purpose, documentLoader});
}

export function errorsOf(result) {
  const errors = [];
  const walk = error => {
    if(!error) {
      return;
    }
    if(Array.isArray(error)) {
      error.forEach(walk);
      return;
    }
    if(error.errors) {
      walk(error.errors);
    } else {
      errors.push(error.message ?? String(error));
    }
  };
  walk(result.error);
  for(const r of result.results ?? []) {
    walk(r.error);
  }
  return errors;
}

function median(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function p90(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.9) - 1];
}

async function main([command, ...args]) {
  if(command === 'sign' && args.length === 5) {
    const [seedHex, created, contextsFile, input, output] = args;
    const documentLoader = loaderFor(contextsFile);
    const keyPair = await keyPairFor(seedHex);
    const credential = JSON.parse(readFileSync(input, 'utf8'));
    const signed = await sign({credential, keyPair, created, documentLoader});
    writeFileSync(output, JSON.stringify(signed, null, 2));
    return 0;
  }
  if(command === 'verify' && args.length === 2) {
    const [contextsFile, input] = args;
    const documentLoader = loaderFor(contextsFile);
    const credential = JSON.parse(readFileSync(input, 'utf8'));
    const result = await verify({credential, documentLoader});
    const api = usesJsigs(credential) ? 'jsonld-signatures' : 'vc-js';
    if(result.verified) {
      console.log(JSON.stringify({verified: true, api}));
      return 0;
    }
    console.log(JSON.stringify({verified: false, api, errors: errorsOf(result)}));
    return 1;
  }
  if(command === 'bench' && args.length >= 4) {
    const [seedHex, n, contextsFile, ...inputs] = args;
    const iterations = Math.max(1, Number.parseInt(n, 10));
    const documentLoader = loaderFor(contextsFile);
    const keyPair = await keyPairFor(seedHex);
    const created = '2025-01-01T00:00:00Z';
    for(const input of inputs) {
      const credential = JSON.parse(readFileSync(input, 'utf8'));
      const signed = await sign({credential, keyPair, created, documentLoader});
      for(let i = 0; i < Math.max(3, Math.floor(iterations / 10)); ++i) {
        await sign({credential, keyPair, created, documentLoader});
        await verify({credential: signed, documentLoader});
      }
      const signTimes = [];
      const verifyTimes = [];
      for(let i = 0; i < iterations; ++i) {
        let start = performance.now();
        await sign({credential, keyPair, created, documentLoader});
        signTimes.push(performance.now() - start);
        start = performance.now();
        const result = await verify({credential: signed, documentLoader});
        verifyTimes.push(performance.now() - start);
        if(!result.verified) {
          throw new Error(`${input}: ${errorsOf(result).join('; ')}`);
        }
      }
      const name = input.split('/').pop();
      console.log(`${name}\t${median(signTimes).toFixed(3)}\t` +
        `${median(verifyTimes).toFixed(3)}\t${signed.proof.proofValue}`);
    }
    return 0;
  }
  if(command === 'bench-verify' && args.length >= 3) {
    const [n, contextsFile, ...inputs] = args;
    const iterations = Math.max(1, Number.parseInt(n, 10));
    const documentLoader = loaderFor(contextsFile);
    for(const input of inputs) {
      const credential = JSON.parse(readFileSync(input, 'utf8'));
      // The same object is verified each time (as `bench` does; microcred's side reuses its
      // bytes); every result is checked, outside the timed span.
      const once = async () => {
        const start = performance.now();
        const result = await verify({credential, documentLoader});
        const time = performance.now() - start;
        if(!result.verified) {
          throw new Error(`${input}: ${errorsOf(result).join('; ')}`);
        }
        return time;
      };
      for(let i = 0; i < Math.max(3, Math.floor(iterations / 10)); ++i) {
        await once();
      }
      const times = [];
      for(let i = 0; i < iterations; ++i) {
        times.push(await once());
      }
      console.log(JSON.stringify({
        input: input.split('/').pop(), runs: iterations,
        median: median(times), p90: p90(times),
        api: usesJsigs(credential) ? 'jsonld-signatures' : 'vc-js',
        proofValue: credential.proof.proofValue
      }));
    }
    return 0;
  }
  console.error('usage: node di.mjs sign SEED_HEX CREATED CONTEXTS_JSON IN OUT' +
    ' | verify CONTEXTS_JSON IN | bench SEED_HEX N CONTEXTS_JSON IN...' +
    ' | bench-verify N CONTEXTS_JSON SIGNED...');
  return 2;
}

if(process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
  }, error => {
    console.error(`di.mjs: ${error.stack ?? error}`);
    process.exitCode = 2;
  });
}
