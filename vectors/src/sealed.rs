//! Verification vectors: sealed and signed credentials (valid and each kind of bad seal) with the
//! report the Verifier gives, written to `vectors/verify.json` + `vectors/sealed/`.
//!
//! Every signature here is deterministic (Ed25519, ECDSA with RFC 6979 nonces, RSA PKCS#1 v1.5),
//! so regenerating reproduces the same bytes. Each case names the seal or proof code it is meant to
//! produce; generation fails when the Verifier says otherwise.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use microcred::EuropeanDigitalCredential;
use microcred::jades::{Sealer, signer_from_pem};
use microcred::proof::{DataIntegrity, Ed25519KeyPair};
use microcred::status::StatusLists;
use microcred::test_pki::{self, TestKey, TestTsa};
use microcred::verify::{CheckKind, Report, Verifier};
use microcred::x509::RevocationReason;
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::macros::datetime;

/// When the credentials were sealed.
const SEALED_AT: OffsetDateTime = datetime!(2026-01-15 10:00 UTC);
/// When the signature time-stamps were made.
const STAMPED_AT: OffsetDateTime = datetime!(2026-01-15 10:00:05 UTC);
/// The verifier's clock for every case.
const CLOCK: &str = "2026-02-01T00:00:00Z";
const CLOCK_TIME: OffsetDateTime = datetime!(2026-02-01 0:00 UTC);

pub(crate) struct Case {
    pub(crate) name: &'static str,
    pub(crate) what: &'static str,
    pub(crate) bytes: Vec<u8>,
    /// The code the seal check must give.
    pub(crate) seal_code: &'static str,
}

/// `sealed` with a signature time-stamp of `tsa` and its validation material (`crls` in `rVals`).
fn stamped(sealed: &[u8], tsa: TestTsa, crls: &[Vec<u8>]) -> Result<Vec<u8>, String> {
    let text = std::str::from_utf8(sealed).map_err(|e| e.to_string())?;
    Ok(
        test_pki::add_signature_timestamp(text, &test_pki::tsa(tsa), STAMPED_AT, crls, &[])
            .into_bytes(),
    )
}

/// The time-stamped cases and the trust code each must give.
fn timestamp_cases(es256: &[u8]) -> Result<Vec<(Case, &'static str)>, String> {
    let crl = |revoked: &[_]| {
        test_pki::root_crl(
            revoked,
            datetime!(2026-01-01 0:00 UTC),
            datetime!(2026-02-01 0:00 UTC),
        )
    };
    let good_tsa = test_pki::tsa(TestTsa::Good).certificate();
    let revoked = [(
        good_tsa,
        datetime!(2026-01-10 0:00 UTC),
        Some(RevocationReason::KeyCompromise),
    )];
    Ok(vec![
        (
            Case {
                name: "sealed-timestamped",
                what: "ES256 with a signature time-stamp from the test TSA (under the root) and the root's CRL (B-LT)",
                bytes: stamped(es256, TestTsa::Good, &[crl(&[])])?,
                seal_code: "seal.ok",
            },
            "trust.qualified",
        ),
        (
            Case {
                name: "sealed-timestamp-untrusted-tsa",
                what: "a signature time-stamp from a TSA under the untrusted root",
                bytes: stamped(es256, TestTsa::Untrusted, &[])?,
                seal_code: "seal.ok",
            },
            "trust.timestamp_untrusted",
        ),
        (
            Case {
                name: "sealed-timestamp-expired-tsa",
                what: "a signature time-stamp from a TSA whose certificate expired in 2021",
                bytes: stamped(es256, TestTsa::Expired, &[])?,
                seal_code: "seal.ok",
            },
            "trust.timestamp_expired",
        ),
        (
            Case {
                name: "sealed-timestamp-tsa-usage",
                what: "a signature time-stamp from a TSA certificate without id-kp-timeStamping",
                bytes: stamped(es256, TestTsa::NoTimestamping, &[])?,
                seal_code: "seal.ok",
            },
            "trust.timestamp_usage",
        ),
        (
            Case {
                name: "sealed-timestamp-revoked-tsa",
                what: "a signature time-stamp from a TSA that the root's CRL (in rVals) revoked before it",
                bytes: stamped(es256, TestTsa::Good, &[crl(&revoked)])?,
                seal_code: "seal.ok",
            },
            "trust.timestamp_revoked",
        ),
    ])
}

fn seal(credential: &EuropeanDigitalCredential, kind: TestKey) -> Result<Vec<u8>, String> {
    seal_as(credential, kind, |sealer| sealer)
}

/// A seal made with a certificate that verification rejects: the sealer refuses those, unless
/// told that it is making a test fixture.
fn seal_unusable(credential: &EuropeanDigitalCredential, kind: TestKey) -> Result<Vec<u8>, String> {
    seal_as(
        credential,
        kind,
        Sealer::without_certificate_checks_for_tests,
    )
}

fn seal_as(
    credential: &EuropeanDigitalCredential,
    kind: TestKey,
    configure: fn(Sealer) -> Sealer,
) -> Result<Vec<u8>, String> {
    let key = test_pki::eseal(kind);
    let signer = signer_from_pem(key.key_pem, None).map_err(|e| e.to_string())?;
    Ok(Sealer::from_pem(key.chain_pem)
        .map(configure)
        .and_then(|s| s.seal(credential, signer.as_ref(), SEALED_AT))
        .map_err(|e| format!("sealing with {kind:?}: {e}"))?
        .into_string()
        .into_bytes())
}

/// Rewrites the protected header of a sealed file (the signature is left as it was).
fn with_header(sealed: &[u8], edit: impl FnOnce(&mut Value)) -> Result<Vec<u8>, String> {
    let mut file: Value = serde_json::from_slice(sealed).map_err(|e| e.to_string())?;
    let protected = file["signatures"][0]["protected"]
        .as_str()
        .ok_or("no protected header")?;
    let bytes = URL_SAFE_NO_PAD
        .decode(protected)
        .map_err(|e| e.to_string())?;
    let mut header: Value = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    edit(&mut header);
    file["signatures"][0]["protected"] =
        json!(URL_SAFE_NO_PAD.encode(serde_json::to_vec(&header).map_err(|e| e.to_string())?));
    serde_json::to_vec(&file).map_err(|e| e.to_string())
}

fn replace_once(bytes: &[u8], from: &str, to: &str) -> Result<Vec<u8>, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    if !text.contains(from) {
        return Err(format!("`{from}` is not in the sealed file"));
    }
    Ok(text.replacen(from, to, 1).into_bytes())
}

fn cases(credential: &EuropeanDigitalCredential) -> Result<Vec<Case>, String> {
    let es256 = seal(credential, TestKey::P256)?;
    let title = credential
        .display_parameter
        .as_ref()
        .and_then(|d| d.title.get("en"))
        .ok_or("the credential has an English title")?
        .to_owned();
    let mut changed_title = title.clone();
    changed_title.push('!');
    let other_cert = test_pki::eseal(TestKey::Rsa).certificate();

    let stamped = timestamp_cases(&es256)?;
    let mut out = vec![
        Case {
            name: "sealed-es256",
            what: "sealed with the test PKI's P-256 eSeal (ES256)",
            bytes: es256.clone(),
            seal_code: "seal.ok",
        },
        Case {
            name: "sealed-eddsa",
            what: "sealed with the test PKI's Ed25519 eSeal (EdDSA)",
            bytes: seal(credential, TestKey::Ed25519)?,
            seal_code: "seal.ok",
        },
        Case {
            name: "sealed-rs256",
            what: "sealed with the test PKI's RSA eSeal (RS256, as EDC seals)",
            bytes: seal(credential, TestKey::Rsa)?,
            seal_code: "seal.ok",
        },
        Case {
            name: "sealed-untrusted-root",
            what: "sealed with an eSeal whose root is not a trust anchor",
            bytes: seal(credential, TestKey::Untrusted)?,
            seal_code: "seal.ok",
        },
        Case {
            name: "sealed-tampered-payload",
            what: "the title changed after sealing",
            bytes: replace_once(&es256, &title, &changed_title)?,
            seal_code: "seal.signature_mismatch",
        },
        Case {
            name: "sealed-tampered-header",
            what: "sigT changed after sealing",
            bytes: with_header(&es256, |h| h["sigT"] = json!("2026-01-15T10:00:01Z"))?,
            seal_code: "seal.signature_mismatch",
        },
        Case {
            name: "sealed-swapped-certificate",
            what: "x5c[0] replaced by another certificate, x5t#S256 left",
            bytes: with_header(&es256, |h| {
                h["x5c"][0] = json!(STANDARD.encode(other_cert.der()))
            })?,
            seal_code: "seal.thumbprint_mismatch",
        },
        Case {
            name: "sealed-alg-none",
            what: "alg set to none",
            bytes: with_header(&es256, |h| h["alg"] = json!("none"))?,
            seal_code: "seal.alg_none",
        },
        Case {
            name: "sealed-alg-hs256",
            what: "alg set to HS256",
            bytes: with_header(&es256, |h| h["alg"] = json!("HS256"))?,
            seal_code: "seal.alg_hmac",
        },
        Case {
            name: "sealed-unknown-crit",
            what: "crit lists a parameter the verifier does not process",
            bytes: with_header(&es256, |h| {
                h["crit"] = json!(["b64", "sigT", "exp"]);
                h["exp"] = json!(1);
            })?,
            seal_code: "seal.unknown_crit",
        },
        Case {
            name: "sealed-b64-true",
            what: "b64 set to true on an EDC seal",
            bytes: with_header(&es256, |h| h["b64"] = json!(true))?,
            seal_code: "seal.b64_mismatch",
        },
        Case {
            name: "sealed-missing-sigt",
            what: "sigT removed",
            bytes: with_header(&es256, |h| {
                if let Some(map) = h.as_object_mut() {
                    map.remove("sigT");
                }
                h["crit"] = json!(["b64"]);
            })?,
            seal_code: "seal.missing_sig_time",
        },
        Case {
            name: "sealed-expired-certificate",
            what: "sealed after the eSeal certificate expired",
            bytes: seal_unusable(credential, TestKey::Expired)?,
            seal_code: "seal.certificate_expired",
        },
        Case {
            name: "sealed-not-yet-valid-certificate",
            what: "sealed before the eSeal certificate became valid",
            bytes: seal_unusable(credential, TestKey::NotYetValid)?,
            seal_code: "seal.certificate_not_yet_valid",
        },
        Case {
            name: "sealed-no-signing-usage",
            what: "the eSeal certificate's key usage excludes signatures",
            bytes: seal_unusable(credential, TestKey::NoSigningUsage)?,
            seal_code: "seal.certificate_key_usage",
        },
        Case {
            name: "sealed-truncated",
            what: "the first half of a sealed file",
            bytes: es256[..es256.len() / 2].to_vec(),
            seal_code: "seal.not_checked",
        },
        Case {
            name: "unsealed",
            what: "a plain credential, neither sealed nor signed",
            bytes: microcred::json::to_string_pretty(credential).into_bytes(),
            seal_code: "seal.unsealed",
        },
    ];

    out.extend(stamped.into_iter().map(|(case, _)| case));

    let mut broken = credential.clone();
    broken.credential_profiles.clear();
    out.push(Case {
        name: "sealed-profile-error",
        what: "sealed, but without credentialProfiles (an EDC profile error): the format check fails with the finding's code and the later checks still run",
        bytes: seal(&broken, TestKey::P256)?,
        seal_code: "seal.ok",
    });

    let key = Ed25519KeyPair::from_seed([0x5e; 32]);
    let document = microcred::json::to_value(credential);
    let signed = DataIntegrity::new(key.clone())
        .created(SEALED_AT)
        .sign(&document)
        .map_err(|e| format!("DI signing: {e}"))?;
    let signed_bytes = serde_json::to_vec_pretty(&signed).map_err(|e| e.to_string())?;
    out.push(Case {
        name: "signed-di",
        what: "a Data Integrity eddsa-rdfc-2022 proof (did:key, not in the trusted DIDs)",
        bytes: signed_bytes.clone(),
        seal_code: "proof.ok",
    });
    out.push(Case {
        name: "signed-di-tampered",
        what: "a Data Integrity proof, the title changed after signing",
        bytes: replace_once(&signed_bytes, &title, &changed_title)?,
        seal_code: "proof.signature_mismatch",
    });

    let w3c = w3c_credential(&key, None)?;
    let w3c_bytes = serde_json::to_vec_pretty(&w3c).map_err(|e| e.to_string())?;
    out.push(Case {
        name: "signed-di-w3c",
        what: "a W3C VCDM 2.0 credential that is not an EDC one, with a Data Integrity proof: the EDC checks are skipped",
        bytes: w3c_bytes,
        seal_code: "proof.ok",
    });
    out.push(Case {
        name: "signed-di-unknown-context",
        what: "a W3C credential over a context the verifier is not given: the proof check is indeterminate",
        bytes: serde_json::to_vec_pretty(&w3c_credential(&key, Some(COURSE_CONTEXT))?)
            .map_err(|e| e.to_string())?,
        seal_code: "proof.unknown_context",
    });

    let sealed_text = String::from_utf8(es256.clone()).map_err(|e| e.to_string())?;
    let presentation = json!({
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "id": PRESENTATION_ID,
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [
            sealed_text,
            microcred::json::to_value(credential),
            w3c,
        ],
    });
    let sealed_presentation = seal_json(&presentation, TestKey::P256)?;
    out.push(Case {
        name: "sealed-presentation",
        what: "a sealed presentation holding a sealed credential (JAdES string), an EDC credential covered by the presentation's seal and a W3C credential with its own proof",
        bytes: sealed_presentation.clone(),
        seal_code: "seal.ok",
    });
    out.push(Case {
        name: "sealed-presentation-tampered",
        what: "the sealed presentation with its id changed after sealing: the credential covered only by the presentation's seal fails, the others hold on their own",
        bytes: replace_once(
            &sealed_presentation,
            PRESENTATION_ID,
            "urn:uuid:00000000-0000-4000-8000-000000000000",
        )?,
        seal_code: "seal.signature_mismatch",
    });
    out.push(Case {
        name: "sealed-presentation-empty",
        what: "a sealed presentation that holds no credential, as in EDC's own JAdES test files",
        bytes: seal_json(
            &json!({
                "@context": ["https://www.w3.org/2018/credentials/v1"],
                "type": ["VerifiablePresentation"],
                "verifiableCredential": [],
            }),
            TestKey::P256,
        )?,
        seal_code: "seal.ok",
    });
    Ok(out)
}

/// The presentation id of the presentation vectors.
const PRESENTATION_ID: &str = "urn:uuid:6f1c8a52-3c1e-4b55-9d7a-2f8e5b0c4d11";
/// A context no verifier is given (the unknown-context vector).
const COURSE_CONTEXT: &str = "https://university.example/contexts/course/v1";

/// Seals any JSON document (a presentation) with a test eSeal.
pub(crate) fn seal_json(document: &Value, kind: TestKey) -> Result<Vec<u8>, String> {
    let key = test_pki::eseal(kind);
    let signer = signer_from_pem(key.key_pem, None).map_err(|e| e.to_string())?;
    Sealer::from_pem(key.chain_pem)
        .and_then(|s| s.seal_json(document, signer.as_ref(), SEALED_AT))
        .map(String::into_bytes)
        .map_err(|e| format!("sealing a presentation with {kind:?}: {e}"))
}

/// A VCDM 2.0 credential that is not an EDC one, signed with `key`; over `extra_context` too when
/// given (registered for signing only).
fn w3c_credential(key: &Ed25519KeyPair, extra_context: Option<&str>) -> Result<Value, String> {
    let mut context = vec![json!("https://www.w3.org/ns/credentials/v2")];
    let mut contexts = microcred::rdf::Contexts::bundled();
    if let Some(url) = extra_context {
        context.push(json!(url));
        contexts
            .register(
                url,
                json!({"@context": {"courseCode": "https://university.example/vocab#courseCode"}}),
            )
            .map_err(|e| e.to_string())?;
    }
    let mut subject = json!({"id": "did:example:learner-1"});
    if extra_context.is_some() {
        subject["courseCode"] = json!("CS-101");
    }
    let credential = json!({
        "@context": context,
        "id": "urn:uuid:0b4e4d1e-2a8c-4a7e-9a55-3f0b7c9e1d20",
        "type": ["VerifiableCredential"],
        "name": "Course completion",
        "issuer": {"id": key.did_key(), "name": "Microcred Test University"},
        "validFrom": "2026-01-01T00:00:00Z",
        "validUntil": "2030-01-01T00:00:00Z",
        "credentialSubject": subject,
    });
    DataIntegrity::new(key.clone())
        .created(SEALED_AT)
        .contexts(&contexts)
        .sign(&credential)
        .map_err(|e| format!("DI signing a W3C credential: {e}"))
}

/// `verify.json` and the case files (name under `sealed/`, bytes).
pub fn generate(credential: &EuropeanDigitalCredential) -> Result<crate::Generated, String> {
    let lists = crate::status::served()?;
    let verifier = Verifier::new(CLOCK_TIME)
        .with_trust_anchors(test_pki::trust_anchors())
        .with_status_fetcher(lists.clone());
    let mut entries = Vec::new();
    let mut files = Vec::new();
    let status_cases = crate::status::cases()?;
    let revocation_codes: Vec<(&str, Option<&str>)> = status_cases
        .iter()
        .map(|(case, code)| (case.name, *code))
        .collect();
    let es256 = seal(credential, TestKey::P256)?;
    let trust_codes: Vec<(&str, &str)> = timestamp_cases(&es256)?
        .into_iter()
        .map(|(case, code)| (case.name, code))
        .collect();
    let all = cases(credential)?
        .into_iter()
        .chain(status_cases.into_iter().map(|(case, _)| case));
    for case in all {
        let report = verifier.verify(&case.bytes);
        // The two-phase path (the lists named, then given) must report the same.
        let needed: StatusLists = verifier
            .status_lists_needed(&case.bytes)
            .into_iter()
            .filter_map(|need| lists.get(&need.url).map(|b| (need.url.clone(), b.to_vec())))
            .collect();
        let two_phase = verifier.verify_with_status_lists(&case.bytes, &needed);
        if two_phase.to_json() != report.to_json() {
            return Err(format!(
                "{}: the two-phase status path reports otherwise",
                case.name
            ));
        }
        let seal = report
            .check(CheckKind::Seal)
            .ok_or_else(|| format!("{}: no seal check", case.name))?;
        if seal.code != case.seal_code {
            return Err(format!(
                "{}: the seal check gave {}, the case is meant to give {}",
                case.name, seal.code, case.seal_code
            ));
        }
        if let Some((_, code)) = trust_codes.iter().find(|(name, _)| *name == case.name) {
            let trust = report
                .check(CheckKind::Trust)
                .ok_or_else(|| format!("{}: no trust check", case.name))?;
            if trust.code != *code {
                return Err(format!(
                    "{}: the trust check gave {}, the case is meant to give {code}",
                    case.name, trust.code
                ));
            }
        }
        if let Some((_, Some(code))) = revocation_codes.iter().find(|(name, _)| *name == case.name)
        {
            let revocation = report
                .check(CheckKind::Revocation)
                .ok_or_else(|| format!("{}: no revocation check", case.name))?;
            if revocation.code != *code {
                return Err(format!(
                    "{}: the revocation check gave {}, the case is meant to give {code}",
                    case.name, revocation.code
                ));
            }
        }
        let file = format!("{}.json", case.name);
        entries.push(json!({
            "name": case.name,
            "what": case.what,
            "input": format!("sealed/{file}"),
            "format": crate::detected(&case.bytes),
            "expect": expected(&report),
        }));
        files.push((file, case.bytes));
    }
    let mut status_lists = serde_json::Map::new();
    for (url, file, _) in crate::status::lists()? {
        status_lists.insert(url.to_owned(), json!(format!("status/{file}")));
    }
    let manifest = json!({
        "description": "Verification vectors: each input verified with the test PKI's root as the only trust anchor (vectors/pki/root-ca.pem), no trusted DIDs, the status list credentials of `status_lists` (URL -> file; any other URL is unavailable, as offline: `status.offline`), no contexts beyond the bundled ones, at `clock`; `format` is what Format::detect says the input is; `expect` is the verdict and the status and code of each check, in order, and for a presentation the same for each credential it holds (`credentials`). Giving the status lists by a fetcher or in two phases (Verifier::status_lists_needed, then verify_with_status_lists) gives the same report.",
        "generator": "cargo run -p microcred-vectors (--check verifies the committed files)",
        "clock": CLOCK,
        "trust_anchors": "pki/root-ca.pem",
        "status_lists": status_lists,
        "cases": entries,
    });
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
    Ok((text, files))
}

/// The verdict and each check's kind, status and code; for a presentation, the same for each
/// credential it holds.
fn expected(report: &Report) -> Value {
    let mut expect = json!({
        "verdict": report.verdict,
        "checks": report.checks.iter().map(|c| json!({
            "kind": c.kind,
            "status": c.status,
            "code": c.code,
        })).collect::<Vec<_>>(),
    });
    if let Some(presentation) = &report.presentation {
        expect["credentials"] = presentation.credentials.iter().map(expected).collect();
    }
    expect
}
