//! The Rust side of the Data Integrity interop and peer scripts (`scripts/interop.sh`,
//! `interop/peers/run.sh`): sign, verify and time `eddsa-rdfc-2022` proofs from the command
//! line.
//!
//! ```text
//! di_interop contexts [--all]                 JSON {url: context}: the contexts the Node side
//!                                             cannot get from npm (EDC AP, VC examples v2), or
//!                                             all of them (for the Python peer)
//! di_interop demo                             the built-in demo credential (no ../shared needed)
//! di_interop sign SEED_HEX CREATED IN OUT     sign IN with the key of the 32-byte seed
//! di_interop verify IN                        exit 0 and a JSON summary, or exit 1 and the code
//! di_interop tamper value|term IN OUT         change a signed value (validFrom), or add a
//!                                             term (credentialSubject.nickname)
//! di_interop bench SEED_HEX N IN...           median sign and verify times over N runs, and
//!                                             the proofValue (one line per input)
//! di_interop breakdown N IN                   median time of each step of signing IN
//! ```
//!
//! Contexts: the bundled ones plus the VC examples v2 context (for the W3C test credential).

use std::process::ExitCode;
use std::time::Instant;

use microcred::proof::{DataIntegrity, DataIntegrityVerifier, Ed25519KeyPair};
use microcred::rdf::{Contexts, EDC_AP, edc_ap_context};
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

const EXAMPLES_V2: &str = "https://www.w3.org/ns/credentials/examples/v2";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("di_interop: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[&str]) -> Result<ExitCode, String> {
    match args {
        ["contexts"] => {
            let map = json!({
                EDC_AP: edc_ap_context(),
                EXAMPLES_V2: examples_v2()?,
            });
            println!("{}", pretty(&map)?);
        }
        ["contexts", "--all"] => {
            let contexts = contexts()?;
            let map: serde_json::Map<String, Value> = contexts
                .urls()
                .filter_map(|url| Some((url.to_owned(), contexts.get(url)?.clone())))
                .collect();
            println!("{}", pretty(&Value::Object(map))?);
        }
        ["demo"] => println!("{}", microcred::issue::demo_credential_json()),
        ["sign", seed, created, input, output] => {
            let key = key(seed)?;
            let created =
                OffsetDateTime::parse(created, &Rfc3339).map_err(|e| format!("created: {e}"))?;
            let signed = DataIntegrity::new(key.clone())
                .created(created)
                .contexts(&contexts()?)
                .sign(&read(input)?)
                .map_err(|e| format!("{input}: {} ({e})", e.code()))?;
            std::fs::write(output, pretty(&signed)?).map_err(|e| format!("{output}: {e}"))?;
        }
        ["verify", input] => {
            return Ok(
                match DataIntegrityVerifier::new()
                    .contexts(&contexts()?)
                    .verify(&read(input)?)
                {
                    Ok(verified) => {
                        let created = verified.created.and_then(|t| t.format(&Rfc3339).ok());
                        let summary = json!({
                            "verified": true,
                            "controller": verified.controller,
                            "verificationMethod": verified.verification_method,
                            "proofPurpose": verified.proof_purpose,
                            "created": created,
                        });
                        println!("{summary}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        println!("{}", json!({"verified": false, "code": e.code()}));
                        eprintln!("{input}: {} ({e})", e.code());
                        ExitCode::FAILURE
                    }
                },
            );
        }
        ["tamper", how @ ("value" | "term"), input, output] => {
            let mut document = read(input)?;
            let members = document
                .as_object_mut()
                .ok_or_else(|| format!("{input}: not a JSON object"))?;
            if *how == "value" {
                members.insert("validFrom".to_owned(), json!("2001-01-01T00:00:00Z"));
            } else {
                let subject = members
                    .get_mut("credentialSubject")
                    .and_then(Value::as_object_mut)
                    .ok_or_else(|| format!("{input}: no credentialSubject object"))?;
                subject.insert("nickname".to_owned(), json!("Andy"));
            }
            std::fs::write(output, pretty(&document)?).map_err(|e| format!("{output}: {e}"))?;
        }
        ["bench", seed, iterations, inputs @ ..] if !inputs.is_empty() => {
            let key = key(seed)?;
            let n: usize = iterations
                .parse()
                .map_err(|_| "N: a number of iterations".to_owned())?;
            bench(&key, n.max(1), inputs)?;
        }
        ["breakdown", iterations, input] => {
            let n: usize = iterations
                .parse()
                .map_err(|_| "N: a number of iterations".to_owned())?;
            breakdown(n.max(1), input)?;
        }
        _ => {
            return Err(
                "usage: di_interop contexts [--all] | demo | sign SEED_HEX CREATED IN OUT | verify IN | \
                 tamper value|term IN OUT | bench SEED_HEX N IN... | breakdown N IN"
                    .to_owned(),
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One signer and one verifier reused across iterations (as a service would), warmed up first;
/// medians in milliseconds, one line per input: `name<TAB>sign_ms<TAB>verify_ms`.
fn bench(key: &Ed25519KeyPair, n: usize, inputs: &[&str]) -> Result<(), String> {
    let contexts = contexts()?;
    let created = OffsetDateTime::parse("2025-01-01T00:00:00Z", &Rfc3339)
        .map_err(|e| format!("created: {e}"))?;
    let signer = DataIntegrity::new(key.clone())
        .created(created)
        .contexts(&contexts);
    let verifier = DataIntegrityVerifier::new().contexts(&contexts);
    for input in inputs {
        let document = read(input)?;
        let fail = |e: microcred::proof::ProofError| format!("{input}: {}", e.code());
        let signed = signer.sign(&document).map_err(fail)?;
        // Warm-up: a tenth of the runs, at least three.
        for _ in 0..(n / 10).max(3) {
            signer.sign(&document).map_err(fail)?;
            verifier.verify(&signed).map_err(fail)?;
        }
        let mut sign_times = Vec::with_capacity(n);
        let mut verify_times = Vec::with_capacity(n);
        for _ in 0..n {
            let start = Instant::now();
            std::hint::black_box(signer.sign(std::hint::black_box(&document)).map_err(fail)?);
            sign_times.push(start.elapsed().as_secs_f64() * 1e3);
            let start = Instant::now();
            std::hint::black_box(
                verifier
                    .verify(std::hint::black_box(&signed))
                    .map_err(fail)?,
            );
            verify_times.push(start.elapsed().as_secs_f64() * 1e3);
        }
        println!(
            "{}\t{:.3}\t{:.3}\t{}",
            std::path::Path::new(input)
                .file_name()
                .map_or_else(|| (*input).to_owned(), |f| f.to_string_lossy().into_owned()),
            median(&mut sign_times),
            median(&mut verify_times),
            signed["proof"]["proofValue"].as_str().unwrap_or_default()
        );
    }
    Ok(())
}

/// Where the time of one signature goes: each step of `eddsa-rdfc-2022` timed on its own with
/// the same public pieces `DataIntegrity` uses (one `Expander` reused, as a signer reuses it).
fn breakdown(n: usize, input: &str) -> Result<(), String> {
    use ed25519_dalek::{Signer as _, SigningKey};
    use microcred::rdf::{Canonicalizer, Expander};
    use sha2::Digest as _;

    let contexts = contexts()?;
    let key = Ed25519KeyPair::from_seed([1; 32]);
    let created = OffsetDateTime::parse("2025-01-01T00:00:00Z", &Rfc3339)
        .map_err(|e| format!("created: {e}"))?;
    let signer = DataIntegrity::new(key.clone())
        .created(created)
        .contexts(&contexts);
    let original = read(input)?;
    let (document, hash) = signer
        .hash_data(&original)
        .map_err(|e| format!("{input}: {}", e.code()))?;
    let configuration = hash.proof_configuration.clone();
    let expander = Expander::new().with_contexts(contexts.clone());
    let canonicalizer = Canonicalizer::new();
    let fail = |e: microcred::rdf::RdfError| format!("{input}: {}", e.code());
    let document_dataset = expander.expand_value(&document).map_err(fail)?;
    let configuration_dataset = expander.expand_value(&configuration).map_err(fail)?;
    let dalek = SigningKey::from_bytes(&[1; 32]);
    let signature = dalek.sign(&hash.combined());

    let steps: Vec<(&str, Box<Step>)> = vec![
        (
            "JSON-LD expansion of the document (safe mode)",
            Box::new(|| expander.expand_value(&document).map(drop).map_err(fail)),
        ),
        (
            "JSON-LD expansion of the proof configuration",
            Box::new(|| {
                expander
                    .expand_value(&configuration)
                    .map(drop)
                    .map_err(fail)
            }),
        ),
        (
            "RDFC-1.0 of the document",
            Box::new(|| {
                canonicalizer
                    .canonical_nquads(&document_dataset)
                    .map(drop)
                    .map_err(fail)
            }),
        ),
        (
            "RDFC-1.0 of the proof configuration",
            Box::new(|| {
                canonicalizer
                    .canonical_nquads(&configuration_dataset)
                    .map(drop)
                    .map_err(fail)
            }),
        ),
        (
            "SHA-256 of both canonical forms",
            Box::new(|| {
                std::hint::black_box(sha2::Sha256::digest(hash.canonical_document.as_bytes()));
                std::hint::black_box(sha2::Sha256::digest(
                    hash.canonical_proof_configuration.as_bytes(),
                ));
                Ok(())
            }),
        ),
        (
            "Ed25519 sign",
            Box::new(|| {
                std::hint::black_box(dalek.sign(&hash.combined()));
                Ok(())
            }),
        ),
        (
            "Ed25519 verify",
            Box::new(|| {
                dalek
                    .verifying_key()
                    .verify_strict(&hash.combined(), &signature)
                    .map_err(|e| e.to_string())
            }),
        ),
        (
            "whole sign (DataIntegrity::sign)",
            Box::new(|| {
                signer
                    .sign(&original)
                    .map(drop)
                    .map_err(|e| e.code().to_owned())
            }),
        ),
    ];
    for (name, step) in steps {
        for _ in 0..(n / 10).max(3) {
            step()?;
        }
        let mut times = Vec::with_capacity(n);
        for _ in 0..n {
            let start = Instant::now();
            step()?;
            times.push(start.elapsed().as_secs_f64() * 1e3);
        }
        println!("{name}\t{:.3}", median(&mut times));
    }
    Ok(())
}

/// One timed step of [`breakdown`].
type Step<'a> = dyn Fn() -> Result<(), String> + 'a;

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn key(seed_hex: &str) -> Result<Ed25519KeyPair, String> {
    let bytes = (0..seed_hex.len())
        .step_by(2)
        .map(|i| {
            seed_hex
                .get(i..i + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        })
        .collect::<Option<Vec<u8>>>()
        .ok_or("SEED_HEX: 64 hex digits")?;
    let seed: [u8; 32] = bytes.try_into().map_err(|_| "SEED_HEX: 64 hex digits")?;
    Ok(Ed25519KeyPair::from_seed(seed))
}

fn contexts() -> Result<Contexts, String> {
    let mut contexts = Contexts::bundled();
    contexts
        .register(EXAMPLES_V2, examples_v2()?)
        .map_err(|e| e.to_string())?;
    Ok(contexts)
}

fn examples_v2() -> Result<Value, String> {
    serde_json::from_str(ssi_contexts::CREDENTIALS_EXAMPLES_V2).map_err(|e| e.to_string())
}

fn read(path: &str) -> Result<Value, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{path}: {e}"))
}

fn pretty(value: &Value) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
}
