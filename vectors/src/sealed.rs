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

struct Case {
    name: &'static str,
    what: &'static str,
    bytes: Vec<u8>,
    /// The code the seal check must give.
    seal_code: &'static str,
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
    let key = test_pki::eseal(kind);
    let signer = signer_from_pem(key.key_pem, None).map_err(|e| e.to_string())?;
    Ok(Sealer::from_pem(key.chain_pem)
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
            bytes: seal(credential, TestKey::Expired)?,
            seal_code: "seal.certificate_expired",
        },
        Case {
            name: "sealed-not-yet-valid-certificate",
            what: "sealed before the eSeal certificate became valid",
            bytes: seal(credential, TestKey::NotYetValid)?,
            seal_code: "seal.certificate_not_yet_valid",
        },
        Case {
            name: "sealed-no-signing-usage",
            what: "the eSeal certificate's key usage excludes signatures",
            bytes: seal(credential, TestKey::NoSigningUsage)?,
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

    let key = Ed25519KeyPair::from_seed([0x5e; 32]);
    let document = microcred::json::to_value(credential);
    let signed = DataIntegrity::new(&key)
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
    Ok(out)
}

/// `verify.json` and the case files (name under `sealed/`, bytes).
pub fn generate(credential: &EuropeanDigitalCredential) -> Result<crate::Generated, String> {
    let verifier = Verifier::new(CLOCK_TIME).with_trust_anchors(test_pki::trust_anchors());
    let mut entries = Vec::new();
    let mut files = Vec::new();
    let es256 = seal(credential, TestKey::P256)?;
    let trust_codes: Vec<(&str, &str)> = timestamp_cases(&es256)?
        .into_iter()
        .map(|(case, code)| (case.name, code))
        .collect();
    for case in cases(credential)? {
        let report = verifier.verify(&case.bytes);
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
        let file = format!("{}.json", case.name);
        entries.push(json!({
            "name": case.name,
            "what": case.what,
            "input": format!("sealed/{file}"),
            "expect": expected(&report),
        }));
        files.push((file, case.bytes));
    }
    let manifest = json!({
        "description": "Verification vectors: each input verified with the test PKI's root as the only trust anchor (vectors/pki/root-ca.pem), no trusted DIDs, no status lists, at `clock`; `expect` is the verdict and the status and code of each check, in order.",
        "generator": "cargo run -p microcred-vectors (--check verifies the committed files)",
        "clock": CLOCK,
        "trust_anchors": "pki/root-ca.pem",
        "cases": entries,
    });
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
    Ok((text, files))
}

fn expected(report: &Report) -> Value {
    json!({
        "verdict": report.verdict,
        "checks": report.checks.iter().map(|c| json!({
            "kind": c.kind,
            "status": c.status,
            "code": c.code,
        })).collect::<Vec<_>>(),
    })
}
