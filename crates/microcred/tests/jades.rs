//! JAdES seals: the real EC sealed credentials verify offline and fail when tampered; sealing with
//! the test PKI round-trips for every algorithm; each bad input has its code.

// Helpers outside #[test] functions state expectations with unwrap too.
#![allow(clippy::unwrap_used)]
// The test PKI is behind a feature (the workspace test command turns it on through the CLI).
#![cfg(feature = "test-pki")]

mod shared;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use microcred::jades::{
    self, Algorithm, BaselineLevel, Ed25519Signer, JadesError, P256Signer, Seal, Sealer,
    signer_from_pem,
};
use microcred::test_pki::{self, TestKey};
use microcred::x509::{ChainOutcome, TrustAnchors};
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-23 12:00 UTC);
const SIGNED: [&str; 2] = [
    "upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld",
    "upstream/elm-repo/json-ld-v3/Sample-CertOfPart-signed.jsonld",
];

/// The parts of a sealed file, to rebuild it after a change.
struct Parts {
    payload: String,
    header: Value,
    signature: String,
    unsigned: Option<Value>,
}

impl Parts {
    fn of(bytes: &[u8]) -> Parts {
        let file: Value = serde_json::from_slice(bytes).unwrap();
        let sig = &file["signatures"][0];
        let protected = URL_SAFE_NO_PAD
            .decode(sig["protected"].as_str().unwrap())
            .unwrap();
        Parts {
            payload: file["payload"].as_str().unwrap().to_owned(),
            header: serde_json::from_slice(&protected).unwrap(),
            signature: sig["signature"].as_str().unwrap().to_owned(),
            unsigned: sig.get("header").cloned(),
        }
    }

    /// The protected header exactly as stored.
    fn protected_of(bytes: &[u8]) -> String {
        let file: Value = serde_json::from_slice(bytes).unwrap();
        file["signatures"][0]["protected"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    fn build(&self, protected: &str) -> Vec<u8> {
        let mut sig = json!({"protected": protected, "signature": self.signature});
        if let Some(unsigned) = &self.unsigned {
            sig["header"] = unsigned.clone();
        }
        serde_json::to_vec(&json!({"payload": self.payload, "signatures": [sig]})).unwrap()
    }

    fn build_with_header(&self) -> Vec<u8> {
        let protected = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&self.header).unwrap());
        self.build(&protected)
    }
}

fn code<T>(result: Result<T, JadesError>) -> &'static str {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.code(),
    }
}

#[test]
fn the_signed_ec_samples_verify_offline() {
    for path in SIGNED {
        let Some(bytes) = shared::shared_file(path) else {
            return;
        };
        let seal = Seal::parse(&bytes).unwrap();
        seal.verify_signature().unwrap();
        seal.check_certificate(NOW).unwrap();
        assert_eq!(seal.header().alg, Algorithm::RS256);
        assert_eq!(seal.level(), BaselineLevel::LTA, "{path}");
        let timestamps = seal.check_timestamps().unwrap();
        let names: Vec<_> = timestamps.iter().map(|t| t.property).collect();
        assert_eq!(names, ["adoTst", "sigTst", "arcTst"], "{path}");
        for t in &timestamps {
            let after = t.time - seal.signing_time();
            assert!(after >= time::Duration::ZERO && after < time::Duration::minutes(5));
            // The authority's signature on each token was checked (a test TSA of Nowina's).
            assert!(t.authority.contains("Nowina"), "{}", t.authority);
        }
        let cert = seal.signing_certificate();
        assert_eq!(cert.organisation().as_deref(), Some("ORGANIZACION TEST"));
        assert_eq!(
            cert.organisation_identifier().as_deref(),
            Some("VATES-A00000000")
        );
        // The issuing CA is not in the file: with no anchors the chain cannot be decided.
        assert!(matches!(
            seal.chain(&TrustAnchors::new()),
            ChainOutcome::Untrusted {
                code: "x509.no_trust_anchor",
                ..
            }
        ));

        let verified = jades::verify(&bytes, &TrustAnchors::new(), NOW).unwrap();
        assert!(!verified.is_trusted());
        assert!(!verified.is_qualified());
        assert_eq!(
            verified
                .credential
                .issuer
                .as_ref()
                .unwrap()
                .legal_name
                .get("en"),
            Some("ORGANIZACION TEST")
        );
        assert_eq!(verified.payload, Parts::of(&bytes).payload);
    }
}

#[test]
fn flipping_a_payload_byte_breaks_the_seal() {
    let Some(bytes) = shared::shared_file(SIGNED[0]) else {
        return;
    };
    let parts = Parts::of(&bytes);
    let protected = Parts::protected_of(&bytes);
    let payload = parts.payload.as_bytes();
    // Every 97th byte, plus the first and the last: RSA verification of 111 KB per case in a
    // debug build makes all 111,126 positions too slow for a unit test.
    let positions = (0..payload.len()).step_by(97).chain([payload.len() - 1]);
    let mut tried = 0;
    for i in positions {
        let mut changed = payload.to_vec();
        changed[i] ^= 0x01;
        let Ok(text) = String::from_utf8(changed) else {
            continue;
        };
        let tampered = Parts {
            payload: text,
            ..Parts::of(&bytes)
        }
        .build(&protected);
        let seal = Seal::parse(&tampered).unwrap();
        assert_eq!(
            code(seal.verify_signature()),
            "seal.signature_mismatch",
            "byte {i}"
        );
        tried += 1;
    }
    assert!(tried > 1000, "{tried}");
}

#[test]
fn tampering_with_the_header_or_signature_is_caught() {
    let Some(bytes) = shared::shared_file(SIGNED[0]) else {
        return;
    };

    // A later signing time in an otherwise identical header.
    let mut parts = Parts::of(&bytes);
    parts.header["sigT"] = json!("2023-09-27T11:54:18Z");
    let seal = Seal::parse(&parts.build_with_header()).unwrap();
    assert_eq!(code(seal.verify_signature()), "seal.signature_mismatch");

    // One bit of the signature.
    let mut parts = Parts::of(&bytes);
    let mut signature = URL_SAFE_NO_PAD.decode(&parts.signature).unwrap();
    signature[10] ^= 0x80;
    parts.signature = URL_SAFE_NO_PAD.encode(signature);
    let seal = Seal::parse(&parts.build(&Parts::protected_of(&bytes))).unwrap();
    assert_eq!(code(seal.verify_signature()), "seal.signature_mismatch");

    // A signature made by another key over the same bytes.
    let parts = Parts::of(&bytes);
    let seal = Seal::parse(&bytes).unwrap();
    let other = Ed25519Signer::from_seed(&[7; 32]);
    let forged = Parts {
        signature: URL_SAFE_NO_PAD
            .encode(microcred::jades::Signer::sign(&other, &seal.signing_input()).unwrap()),
        ..parts
    };
    let seal = Seal::parse(&forged.build(&Parts::protected_of(&bytes))).unwrap();
    assert_eq!(code(seal.verify_signature()), "seal.signature_mismatch");
}

#[test]
fn a_swapped_certificate_is_caught() {
    let Some(bytes) = shared::shared_file(SIGNED[0]) else {
        return;
    };
    let test_cert = test_pki::eseal(TestKey::Rsa).chain_pem;
    let der = microcred::x509::Certificate::from_pem(test_cert).unwrap()[0]
        .der()
        .to_vec();

    // x5c swapped, x5t#S256 left: the binding check refuses it.
    let mut parts = Parts::of(&bytes);
    parts.header["x5c"] = json!([STANDARD.encode(&der)]);
    assert_eq!(
        code(Seal::parse(&parts.build_with_header())),
        "seal.thumbprint_mismatch"
    );

    // x5c and x5t#S256 swapped together, kid left: the IssuerSerial no longer matches.
    let cert = microcred::x509::Certificate::from_der(&der).unwrap();
    parts.header["x5t#S256"] = json!(URL_SAFE_NO_PAD.encode(cert.sha256()));
    assert_eq!(
        code(Seal::parse(&parts.build_with_header())),
        "seal.kid_mismatch"
    );

    // All three swapped: the header parses, but the signature was not made by this key.
    parts.header["kid"] = json!(STANDARD.encode(cert.issuer_serial_der()));
    let seal = Seal::parse(&parts.build_with_header()).unwrap();
    assert_eq!(code(seal.verify_signature()), "seal.signature_mismatch");
}

#[test]
fn bad_headers_on_a_real_file_have_their_codes() {
    let Some(bytes) = shared::shared_file(SIGNED[0]) else {
        return;
    };
    let cases: [(&str, Value, &str); 8] = [
        ("alg", json!("none"), "seal.alg_none"),
        ("alg", json!("HS256"), "seal.alg_hmac"),
        ("alg", json!("RS1"), "seal.unsupported_algorithm"),
        (
            "crit",
            json!(["b64", "sigT", "adoTst", "sigD"]),
            "seal.unknown_crit",
        ),
        ("b64", json!(true), "seal.b64_mismatch"),
        ("sigT", json!("27/09/2023"), "seal.missing_sig_time"),
        ("x5c", json!([]), "seal.missing_certificate"),
        ("x5c", json!(["MIIB"]), "seal.malformed_certificate"),
    ];
    for (field, value, expected) in cases {
        let mut parts = Parts::of(&bytes);
        parts.header[field] = value;
        assert_eq!(
            code(Seal::parse(&parts.build_with_header())),
            expected,
            "{field}"
        );
    }
    let mut parts = Parts::of(&bytes);
    parts.header.as_object_mut().unwrap().remove("sigT");
    parts.header["crit"] = json!(["b64", "adoTst"]);
    assert_eq!(
        code(Seal::parse(&parts.build_with_header())),
        "seal.missing_sig_time"
    );
}

#[test]
fn hs256_with_the_certificate_key_as_secret_is_refused() {
    // The classic JOSE confusion: a verifier that accepts HS256 and uses the public key bytes as
    // the HMAC secret lets anyone forge. We refuse on the algorithm, before any key is used.
    let Some(bytes) = shared::shared_file(SIGNED[0]) else {
        return;
    };
    let mut parts = Parts::of(&bytes);
    parts.header["alg"] = json!("HS256");
    let protected = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&parts.header).unwrap());
    let x5c = STANDARD
        .decode(parts.header["x5c"][0].as_str().unwrap())
        .unwrap();
    let mut input = protected.clone().into_bytes();
    input.push(b'.');
    input.extend_from_slice(parts.payload.as_bytes());
    parts.signature = URL_SAFE_NO_PAD.encode(hmac_sha256(&x5c, &input));
    assert_eq!(code(Seal::parse(&parts.build(&protected))), "seal.alg_hmac");
}

/// HMAC-SHA256 (RFC 2104), enough to build the forged input.
fn hmac_sha256(key: &[u8], data: &[u8]) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.iter().map(|b| b ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::digest([pad(0x36), data.to_vec()].concat());
    Sha256::digest([pad(0x5c), inner.to_vec()].concat()).to_vec()
}

#[test]
fn duplicate_header_keys_and_broken_envelopes_are_refused() {
    let Some(bytes) = shared::shared_file(SIGNED[0]) else {
        return;
    };
    let parts = Parts::of(&bytes);
    let header = serde_json::to_string(&parts.header).unwrap();
    // The same key twice, wherever serde_json put `alg` in the object.
    let doubled = header.replacen('{', "{\"alg\":\"RS256\",", 1);
    assert_ne!(header, doubled);
    let protected = URL_SAFE_NO_PAD.encode(doubled);
    assert_eq!(
        code(Seal::parse(&parts.build(&protected))),
        "seal.duplicate_key"
    );

    assert_eq!(
        code(Seal::parse(&bytes[..bytes.len() / 2])),
        "seal.malformed_envelope"
    );
    assert_eq!(code(Seal::parse(b"")), "seal.malformed_envelope");
    assert_eq!(code(Seal::parse(b"[]")), "seal.malformed_envelope");
    assert_eq!(
        code(Seal::parse(br#"{"payload":"x","signatures":[]}"#)),
        "seal.signature_count"
    );

    let file: Value = serde_json::from_slice(&bytes).unwrap();
    let mut two = file.clone();
    let first = two["signatures"][0].clone();
    two["signatures"].as_array_mut().unwrap().push(first);
    assert_eq!(
        code(Seal::parse(&serde_json::to_vec(&two).unwrap())),
        "seal.signature_count"
    );

    // A time-stamp that covers something else.
    let mut parts = Parts::of(&bytes);
    let entries = parts.unsigned.as_mut().unwrap()["etsiU"]
        .as_array_mut()
        .unwrap();
    entries.swap(0, 3);
    let seal = Seal::parse(&parts.build(&Parts::protected_of(&bytes))).unwrap();
    assert_eq!(code(seal.check_timestamps()), "seal.timestamp_mismatch");
    // A token whose authority signature was altered (the last byte of the DER is the signature's).
    let mut parts = Parts::of(&bytes);
    let file: Value = serde_json::from_slice(&bytes).unwrap();
    let entry = file["signatures"][0]["header"]["etsiU"][0]
        .as_str()
        .unwrap();
    let mut sig_tst: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(entry).unwrap()).unwrap();
    let mut der = STANDARD
        .decode(sig_tst["sigTst"]["tstTokens"][0]["val"].as_str().unwrap())
        .unwrap();
    *der.last_mut().unwrap() ^= 0x01;
    sig_tst["sigTst"]["tstTokens"][0]["val"] = json!(STANDARD.encode(der));
    parts.unsigned.as_mut().unwrap()["etsiU"][0] =
        json!(URL_SAFE_NO_PAD.encode(serde_json::to_vec(&sig_tst).unwrap()));
    let seal = Seal::parse(&parts.build(&Parts::protected_of(&bytes))).unwrap();
    assert_eq!(code(seal.check_timestamps()), "seal.timestamp_signature");

    let mut parts = Parts::of(&bytes);
    parts.unsigned.as_mut().unwrap()["etsiU"][1] = json!("%%%");
    assert_eq!(
        code(Seal::parse(&parts.build(&Parts::protected_of(&bytes)))),
        "seal.malformed_unsigned_property"
    );
}

fn seal_demo(
    kind: TestKey,
    alg: Option<Algorithm>,
    at: OffsetDateTime,
) -> Result<String, JadesError> {
    let key = test_pki::eseal(kind);
    let signer = signer_from_pem(key.key_pem, alg)?;
    // The sealer refuses the certificates verification rejects (tests/sealing_checks.rs); these
    // tests need such seals to verify.
    let sealed = Sealer::from_pem(key.chain_pem)?
        .without_certificate_checks_for_tests()
        .seal(&microcred::issue::demo_credential(), signer.as_ref(), at)?;
    Ok(sealed.into_string())
}

#[test]
fn sealing_with_each_algorithm_round_trips_and_applies_the_edc_rules() {
    let at = datetime!(2026-01-15 10:00:00.75 UTC);
    let mut cases = vec![
        (TestKey::Ed25519, None, Algorithm::EdDSA),
        (TestKey::P256, None, Algorithm::ES256),
    ];
    if cfg!(feature = "openssl") {
        cases.push((TestKey::Rsa, None, Algorithm::RS256));
        cases.push((TestKey::Rsa, Some(Algorithm::PS256), Algorithm::PS256));
    }
    for (kind, alg, expected) in cases {
        let sealed = seal_demo(kind, alg, at).unwrap();
        let verified = jades::verify(sealed.as_bytes(), &test_pki::trust_anchors(), NOW).unwrap();
        assert_eq!(verified.algorithm, expected);
        assert!(verified.is_trusted(), "{expected}");
        assert!(verified.is_qualified(), "{expected}");
        assert_eq!(verified.level, BaselineLevel::B);
        assert_eq!(verified.signing_time, datetime!(2026-01-15 10:00 UTC));

        let credential = &verified.credential;
        assert_eq!(
            credential.issued.as_ref().unwrap().as_str(),
            "2026-01-15T10:00:00Z"
        );
        assert_eq!(credential.issuance_date, credential.issued);
        let issuer = credential.issuer.as_ref().unwrap();
        assert_eq!(
            issuer.legal_name.get("en"),
            Some("Microcred Test University")
        );
        let eidas = issuer.eidas_identifier.as_ref().unwrap();
        assert_eq!(eidas.notation.as_deref(), Some("VATBE-0000000097"));
        assert_eq!(
            eidas.spatial.as_ref().unwrap().id.as_deref(),
            Some("http://publications.europa.eu/resource/authority/country/BEL")
        );
        // What was sealed is what EDC's profile wants of a sealed credential.
        let findings = microcred::profile::check_edc(credential);
        assert!(!microcred::profile::has_errors(&findings), "{findings:?}");

        // The header is EDC's.
        let header = Parts::of(sealed.as_bytes()).header;
        assert_eq!(header["typ"], "jose+json");
        assert_eq!(header["cty"], "octet-stream");
        assert_eq!(header["b64"], false);
        assert_eq!(header["crit"], json!(["b64", "sigT"]));
        assert_eq!(header["x5c"].as_array().unwrap().len(), 2);
    }
}

#[test]
fn an_external_signer_completes_a_prepared_seal() {
    let key = test_pki::eseal(TestKey::P256);
    let sealer = Sealer::from_pem(key.chain_pem).unwrap();
    let at = datetime!(2026-01-15 10:00 UTC);
    let prepared = sealer
        .prepare(&microcred::issue::demo_credential(), Algorithm::ES256, at)
        .unwrap();
    // The "device" holds the key and only ever sees the bytes to sign.
    let device = P256Signer::from_pkcs8_pem(key.key_pem).unwrap();
    let signature = microcred::jades::Signer::sign(&device, &prepared.signing_input()).unwrap();
    let sealed = prepared.clone().finish(&signature).unwrap();
    jades::verify(sealed.as_str().as_bytes(), &test_pki::trust_anchors(), NOW).unwrap();

    // A device holding another key is caught when the signature comes back.
    let other = P256Signer::from_pkcs8_pem(test_pki::eseal(TestKey::Expired).key_pem).unwrap();
    let wrong = microcred::jades::Signer::sign(&other, &prepared.signing_input()).unwrap();
    assert_eq!(code(prepared.clone().finish(&wrong)), "seal.key_mismatch");
    assert_eq!(code(prepared.finish(&[0; 3])), "seal.key_mismatch");
}

#[test]
fn certificates_outside_their_validity_or_usage_fail() {
    let at = datetime!(2026-01-15 10:00 UTC);
    let expired = seal_demo(TestKey::Expired, None, at).unwrap();
    assert_eq!(
        code(jades::verify(
            expired.as_bytes(),
            &test_pki::trust_anchors(),
            NOW
        )),
        "seal.certificate_expired"
    );
    let early = seal_demo(TestKey::NotYetValid, None, at).unwrap();
    assert_eq!(
        code(jades::verify(
            early.as_bytes(),
            &test_pki::trust_anchors(),
            NOW
        )),
        "seal.certificate_not_yet_valid"
    );
    let usage = seal_demo(TestKey::NoSigningUsage, None, at).unwrap();
    assert_eq!(
        code(jades::verify(
            usage.as_bytes(),
            &test_pki::trust_anchors(),
            NOW
        )),
        "seal.certificate_key_usage"
    );
    // Sealed "in the future" relative to the verifier's clock.
    let future = seal_demo(TestKey::P256, None, datetime!(2030-01-01 0:00 UTC)).unwrap();
    assert_eq!(
        code(jades::verify(
            future.as_bytes(),
            &test_pki::trust_anchors(),
            NOW
        )),
        "seal.signing_time_in_future"
    );
}

#[test]
fn an_untrusted_root_is_undecided_not_a_crash() {
    let at = datetime!(2026-01-15 10:00 UTC);
    let sealed = seal_demo(TestKey::Untrusted, None, at).unwrap();
    let verified = jades::verify(sealed.as_bytes(), &test_pki::trust_anchors(), NOW).unwrap();
    assert!(!verified.is_trusted());
    assert!(matches!(verified.chain, ChainOutcome::Untrusted { .. }));
}

#[test]
fn a_payload_that_is_not_a_credential_is_reported() {
    // Sealed correctly, but the payload is not JSON.
    let key = test_pki::eseal(TestKey::Ed25519);
    let sealed = seal_demo(TestKey::Ed25519, None, datetime!(2026-01-15 10:00 UTC)).unwrap();
    let parts = Parts::of(sealed.as_bytes());
    let protected = Parts::protected_of(sealed.as_bytes());
    let payload = "this is not JSON".to_owned();
    let signer = Ed25519Signer::from_pkcs8_pem(key.key_pem).unwrap();
    let input = [protected.as_bytes(), b".", payload.as_bytes()].concat();
    let signature = microcred::jades::Signer::sign(&signer, &input).unwrap();
    let file = Parts {
        payload,
        signature: URL_SAFE_NO_PAD.encode(signature),
        ..parts
    }
    .build(&protected);
    assert_eq!(
        code(jades::verify(&file, &test_pki::trust_anchors(), NOW)),
        "seal.payload_not_credential"
    );
}

#[test]
fn keys_are_read_or_refused_clearly() {
    assert_eq!(code(signer_from_pem("not a key", None)), "seal.key");
    let ed = test_pki::eseal(TestKey::Ed25519).key_pem;
    assert_eq!(
        code(signer_from_pem(ed, Some(Algorithm::ES256))),
        "seal.key"
    );
    assert_eq!(code(Sealer::from_pem("")), "seal.chain");
    // Debug output never shows key material.
    let signer = Ed25519Signer::from_pkcs8_pem(ed).unwrap();
    assert_eq!(format!("{signer:?}"), "Ed25519Signer(<redacted>)");
}

#[cfg(feature = "openssl")]
mod with_openssl {
    use super::*;
    use microcred::jades::{OpensslSigner, Pkcs12Key};

    fn p12(kind: TestKey, password: &str) -> Vec<u8> {
        let key = test_pki::eseal(kind);
        let pkey = openssl::pkey::PKey::private_key_from_pem(key.key_pem.as_bytes()).unwrap();
        let mut chain = openssl::x509::X509::stack_from_pem(key.chain_pem.as_bytes()).unwrap();
        let leaf = chain.remove(0);
        let mut cas = openssl::stack::Stack::new().unwrap();
        for cert in chain {
            cas.push(cert).unwrap();
        }
        openssl::pkcs12::Pkcs12::builder()
            .name("microcred test eSeal")
            .pkey(&pkey)
            .cert(&leaf)
            .ca(cas)
            .build2(password)
            .unwrap()
            .to_der()
            .unwrap()
    }

    #[test]
    fn a_pkcs12_file_seals() {
        let der = p12(TestKey::Rsa, "correct horse");
        let key = Pkcs12Key::open(&der, "correct horse").unwrap();
        assert_eq!(key.chain().len(), 2);
        let signer = key.signer(None).unwrap();
        let sealed = Sealer::new(key.chain().to_vec())
            .unwrap()
            .seal(
                &microcred::issue::demo_credential(),
                signer.as_ref(),
                datetime!(2026-01-15 10:00 UTC),
            )
            .unwrap();
        let verified =
            jades::verify(sealed.as_str().as_bytes(), &test_pki::trust_anchors(), NOW).unwrap();
        assert!(verified.is_qualified());
        assert_eq!(code(Pkcs12Key::open(&der, "wrong")), "seal.pkcs12");
        assert_eq!(code(Pkcs12Key::open(b"garbage", "")), "seal.pkcs12");
        assert!(!format!("{key:?}").contains("PRIVATE"));
    }

    /// josekit (OpenSSL) is an independent JWS implementation: it must accept our pure-Rust
    /// signatures, and we must accept its.
    #[test]
    fn josekit_and_microcred_agree_on_signatures() {
        use josekit::jws::{ES256, EdDSA, JwsVerifier};
        let at = datetime!(2026-01-15 10:00 UTC);
        for kind in [TestKey::P256, TestKey::Ed25519] {
            let key = test_pki::eseal(kind);
            let sealed = seal_demo(kind, None, at).unwrap();
            let seal = Seal::parse(sealed.as_bytes()).unwrap();
            let signature = URL_SAFE_NO_PAD
                .decode(&Parts::of(sealed.as_bytes()).signature)
                .unwrap();
            let leaf = openssl::x509::X509::stack_from_pem(key.chain_pem.as_bytes()).unwrap()[0]
                .public_key()
                .unwrap()
                .public_key_to_pem()
                .unwrap();
            let verifier: Box<dyn JwsVerifier> = match kind {
                TestKey::P256 => Box::new(ES256.verifier_from_pem(&leaf).unwrap()),
                _ => Box::new(EdDSA.verifier_from_pem(&leaf).unwrap()),
            };
            verifier.verify(&seal.signing_input(), &signature).unwrap();

            // And the other way: OpenSSL signs, microcred verifies.
            let alg = seal.header().alg;
            let openssl = OpensslSigner::from_pkcs8_pem(key.key_pem.as_bytes(), alg).unwrap();
            let sealer = Sealer::from_pem(key.chain_pem).unwrap();
            let sealed = sealer
                .seal(&microcred::issue::demo_credential(), &openssl, at)
                .unwrap();
            jades::verify(sealed.as_str().as_bytes(), &test_pki::trust_anchors(), NOW).unwrap();
        }
    }
}

#[test]
fn any_json_document_can_be_sealed_as_it_is() {
    let key = test_pki::eseal(TestKey::P256);
    let signer = signer_from_pem(key.key_pem, None).unwrap();
    let sealer = Sealer::from_pem(key.chain_pem).unwrap();
    let presentation = json!({
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [],
    });
    let sealed = sealer
        .seal_json(&presentation, signer.as_ref(), NOW)
        .unwrap();
    // `jades::verify` wants a credential inside; the steps hold for any payload.
    let seal = Seal::parse(sealed.as_bytes()).unwrap();
    seal.verify_signature().unwrap();
    seal.check_certificate(NOW).unwrap();
    assert!(matches!(
        seal.chain(&test_pki::trust_anchors()),
        ChainOutcome::Trusted { .. }
    ));
    // The payload is the document, written compactly, with no EDC rule applied.
    assert_eq!(
        seal.payload_unverified(),
        serde_json::to_string(&presentation).unwrap()
    );
    assert_eq!(seal.header().alg, Algorithm::ES256);

    // A key that is not the certificate's (another P-256 eSeal) is caught when sealing.
    let other = signer_from_pem(test_pki::eseal(TestKey::Expired).key_pem, None).unwrap();
    let err = sealer
        .seal_json(&presentation, other.as_ref(), NOW)
        .unwrap_err();
    assert_eq!(err.code(), "seal.key_mismatch");
}

/// Every node of a JSON value that has an id, by id; panics when one id stands for two different
/// nodes (the graph would merge them into one contradictory node).
fn nodes_by_id(value: &Value) -> std::collections::BTreeMap<String, Value> {
    fn collect(value: &Value, seen: &mut std::collections::BTreeMap<String, Value>) {
        match value {
            Value::Object(map) => {
                if let (Some(Value::String(id)), Some(_)) = (map.get("id"), map.get("type")) {
                    if let Some(earlier) = seen.insert(id.clone(), value.clone()) {
                        assert_eq!(&earlier, value, "two different nodes share {id}");
                    }
                }
                map.values().for_each(|v| collect(v, seen));
            }
            Value::Array(items) => items.iter().for_each(|v| collect(v, seen)),
            _ => {}
        }
    }
    let mut seen = std::collections::BTreeMap::new();
    collect(value, &mut seen);
    seen
}

/// What sealing starts from: the demo credential and, when `../shared` is present, the EC's
/// unsigned samples and upload forms.
fn unsigned_inputs() -> Vec<(String, microcred::EuropeanDigitalCredential)> {
    let mut inputs = vec![("demo".to_owned(), microcred::issue::demo_credential())];
    for (name, bytes) in shared::ec_samples() {
        if name.contains("unsigned") {
            let (credential, _) = microcred::json::Reader::new()
                .read_any_unverified(&bytes)
                .unwrap();
            inputs.push((name.to_owned(), credential));
        }
    }
    inputs
}

#[test]
fn sealing_gives_the_issuer_a_node_of_its_own_and_changes_no_other() {
    let key = test_pki::eseal(TestKey::Ed25519);
    let signer = signer_from_pem(key.key_pem, None).unwrap();
    let sealer = Sealer::from_pem(key.chain_pem).unwrap();
    let at = datetime!(2026-01-15 10:00 UTC);
    for (name, credential) in unsigned_inputs() {
        let before = microcred::json::to_value(&credential);
        let sealed = sealer.seal(&credential, signer.as_ref(), at).unwrap();
        let payload: Value =
            serde_json::from_str(Parts::of(sealed.as_str().as_bytes()).payload.as_str()).unwrap();
        // No id stands for two different nodes after sealing (the defect: the issuer and the
        // awarding body were one node, `urn:epass:org:1`, with two legal names).
        let after_nodes = nodes_by_id(&payload);

        // The issuer has a fresh id that no other node uses, and so have its new eIDAS
        // identifier and the certificate's location.
        let issuer = &payload["issuer"];
        let id = issuer["id"].as_str().unwrap();
        let uuid = id.strip_prefix("urn:epass:org:").unwrap();
        let uuid = uuid::Uuid::parse_str(uuid).unwrap();
        assert_eq!(uuid.get_version_num(), 8, "{name}: a name-based UUID");
        let before_nodes = nodes_by_id(&before);
        for fresh in [
            id.to_owned(),
            format!("urn:epass:legalIdentifier:{uuid}"),
            format!("urn:epass:location:{uuid}"),
            format!("urn:epass:address:{uuid}"),
        ] {
            assert!(after_nodes.contains_key(&fresh), "{name}: {fresh}");
            assert!(!before_nodes.contains_key(&fresh), "{name}: {fresh}");
        }
        assert_eq!(issuer["eIDASIdentifier"]["notation"], "VATBE-0000000097");
        assert_eq!(
            issuer["legalName"],
            json!({"en": "Microcred Test University"})
        );
        let locations = issuer["location"]
            .as_array()
            .cloned()
            .unwrap_or_else(|| vec![issuer["location"].clone()]);
        let certificate_location = locations.last().unwrap();
        assert_eq!(
            certificate_location["address"]["countryCode"]["id"],
            "http://publications.europa.eu/resource/authority/country/BEL"
        );

        // Every node that existed before sealing is unchanged, the awarding body included. Only
        // the old issuer node and its old eIDAS identifier may be gone, where nothing else used
        // them.
        let replaced = [
            before["issuer"]["id"].as_str(),
            before["issuer"]["eIDASIdentifier"]["id"].as_str(),
        ];
        for (id, node) in &before_nodes {
            if id.starts_with("urn:credential:") {
                continue; // the credential itself: `issued` and `issuer` change, as they should
            }
            match after_nodes.get(id) {
                Some(after) => assert_eq!(after, node, "{name}: {id} changed"),
                None => assert!(
                    replaced.contains(&Some(id.as_str())),
                    "{name}: {id} is gone"
                ),
            }
        }
        // Besides the issuer and the dates, the credential is as it was.
        let strip = |mut v: Value| {
            for key in ["issuer", "issued", "issuanceDate"] {
                v.as_object_mut().unwrap().remove(key);
            }
            v
        };
        assert_eq!(strip(payload.clone()), strip(before), "{name}");
    }
}

#[test]
fn the_fresh_issuer_id_is_reproducible_and_unique_per_seal() {
    let key = test_pki::eseal(TestKey::Ed25519);
    let signer = signer_from_pem(key.key_pem, None).unwrap();
    let sealer = Sealer::from_pem(key.chain_pem).unwrap();
    let demo = microcred::issue::demo_credential();
    let issuer_id = |credential: &microcred::EuropeanDigitalCredential, at| {
        sealer
            .seal(credential, signer.as_ref(), at)
            .unwrap()
            .credential()
            .issuer
            .as_ref()
            .and_then(|i| i.id.clone())
            .unwrap()
    };
    let at = datetime!(2026-01-15 10:00 UTC);
    let first = issuer_id(&demo, at);
    // Same credential, same time, same certificate: the same bytes (the vectors rely on it).
    assert_eq!(first, issuer_id(&demo, at));
    assert_eq!(
        sealer.seal(&demo, signer.as_ref(), at).unwrap().as_str(),
        sealer.seal(&demo, signer.as_ref(), at).unwrap().as_str()
    );
    // Another second, another credential, another certificate: another id.
    assert_ne!(first, issuer_id(&demo, datetime!(2026-01-15 10:00:01 UTC)));
    let mut other = demo.clone();
    other.id = Some("urn:credential:00000000-0000-4000-8000-000000000001".to_owned());
    assert_ne!(first, issuer_id(&other, at));
    let p256 = test_pki::eseal(TestKey::P256);
    let by_other_certificate = Sealer::from_pem(p256.chain_pem)
        .unwrap()
        .seal(
            &demo,
            signer_from_pem(p256.key_pem, None).unwrap().as_ref(),
            at,
        )
        .unwrap();
    assert_ne!(
        by_other_certificate
            .credential()
            .issuer
            .as_ref()
            .unwrap()
            .id
            .as_ref(),
        Some(&first)
    );
}
