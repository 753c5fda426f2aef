//! Sealing refuses what verification would reject (issue 9, items 2, 11 and 12): a certificate
//! outside its validity or not for signatures, a signing time after the caller's clock, a header
//! name in both the protected and the unprotected header; and how keys are read (encrypted, DER)
//! and chains ordered.

// Helpers outside #[test] functions state expectations with unwrap too.
#![allow(clippy::unwrap_used)]
// The test PKI is behind a feature (the workspace test command turns it on through the CLI).
#![cfg(feature = "test-pki")]

use microcred::jades::{self, JadesError, Sealer, signer_from_pem};
use microcred::test_pki::{self, TestKey};
use time::OffsetDateTime;
use time::macros::datetime;

/// Inside the validity of the good test eSeals (2024-01-01 .. 2040-01-01).
const AT: OffsetDateTime = test_pki::VALIDATION_TIME;

fn code<T>(result: Result<T, JadesError>) -> &'static str {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.code(),
    }
}

/// Seals the demo credential with a test key's chain, as `seal` does.
fn seal_with(
    sealer: &Sealer,
    key_pem: &str,
    at: OffsetDateTime,
) -> Result<jades::SealedCredential, JadesError> {
    let signer = signer_from_pem(key_pem, None)?;
    sealer.seal(&microcred::issue::demo_credential(), signer.as_ref(), at)
}

fn seal_test_key(kind: TestKey, at: OffsetDateTime) -> Result<jades::SealedCredential, JadesError> {
    test_pki::eseal(kind).seal(&microcred::issue::demo_credential(), at)
}

#[test]
fn sealing_refuses_a_certificate_verification_rejects_with_the_same_code() {
    // Item 2: each of these sealed with exit 0, and `verify` then said INVALID.
    let cases = [
        (TestKey::Expired, "seal.certificate_expired"),
        (TestKey::NotYetValid, "seal.certificate_not_yet_valid"),
        (TestKey::NoSigningUsage, "seal.certificate_key_usage"),
    ];
    for (kind, expected) in cases {
        assert_eq!(code(seal_test_key(kind, AT)), expected, "{kind:?}");
        // The external-signer path checks the same.
        let key = test_pki::eseal(kind);
        let prepared = Sealer::from_pem(key.chain_pem).unwrap().prepare(
            &microcred::issue::demo_credential(),
            jades::Algorithm::ES256,
            AT,
        );
        assert_eq!(code(prepared), expected, "{kind:?} (prepare)");
    }
    // A good certificate used outside its validity (`--at` before or after it).
    assert_eq!(
        code(seal_test_key(TestKey::P256, datetime!(2041-01-01 0:00 UTC))),
        "seal.certificate_expired"
    );
    assert_eq!(
        code(seal_test_key(
            TestKey::P256,
            datetime!(2023-12-31 23:59:59 UTC)
        )),
        "seal.certificate_not_yet_valid"
    );
    // The certificate is checked before the EDC rules read its subject, as verification would.
    let usage = Sealer::from_pem(test_pki::eseal(TestKey::NoSigningUsage).chain_pem)
        .unwrap()
        .without_edc_rules();
    assert_eq!(
        code(seal_with(
            &usage,
            test_pki::eseal(TestKey::NoSigningUsage).key_pem,
            AT
        )),
        "seal.certificate_key_usage"
    );
}

#[test]
fn sealing_any_json_checks_the_certificate_too() {
    let key = test_pki::eseal(TestKey::Expired);
    let signer = signer_from_pem(key.key_pem, None).unwrap();
    let presentation = serde_json::json!({"type": ["VerifiablePresentation"]});
    assert_eq!(
        code(Sealer::from_pem(key.chain_pem).unwrap().seal_json(
            &presentation,
            signer.as_ref(),
            AT
        )),
        "seal.certificate_expired"
    );
    let key = test_pki::eseal(TestKey::P256);
    let signer = signer_from_pem(key.key_pem, None).unwrap();
    let sealer = Sealer::from_pem(key.chain_pem)
        .unwrap()
        .with_current_time(AT);
    assert_eq!(
        code(sealer.seal_json(
            &presentation,
            signer.as_ref(),
            AT + time::Duration::hours(1)
        )),
        "seal.signing_time_in_future"
    );
    sealer
        .seal_json(&presentation, signer.as_ref(), AT)
        .unwrap();
}

#[test]
fn sealing_refuses_a_ca_certificate() {
    // The test eSeal CA (keyCertSign and cRLSign only) with its own key.
    let chain = format!("{}{}", test_pki::INTERMEDIATE_CA_PEM, test_pki::ROOT_CA_PEM);
    for sealer in [
        Sealer::from_pem(&chain).unwrap(),
        Sealer::from_pem(&chain).unwrap().without_edc_rules(),
    ] {
        assert_eq!(
            code(seal_with(&sealer, test_pki::INTERMEDIATE_CA_KEY_PEM, AT)),
            "seal.certificate_key_usage"
        );
    }
}

#[test]
fn a_good_certificate_still_seals_and_verifies() {
    for kind in [TestKey::P256, TestKey::Ed25519] {
        let sealed = seal_test_key(kind, AT).unwrap();
        jades::verify(sealed.as_str().as_bytes(), &test_pki::trust_anchors(), AT).unwrap();
    }
}

/// A good seal with `header` as its unprotected header.
fn with_unprotected_header(sealed: &str, header: serde_json::Value) -> Vec<u8> {
    let mut file: serde_json::Value = serde_json::from_str(sealed).unwrap();
    file["signatures"][0]["header"] = header;
    serde_json::to_vec(&file).unwrap()
}

#[test]
fn a_header_name_in_both_headers_is_refused() {
    // Item 12: RFC 7515 §7.2.1 wants the protected and unprotected header names disjoint; a
    // second `x5c` or `sigT` outside the signature lets two readers see different values.
    let sealed = seal_test_key(TestKey::P256, AT).unwrap();
    let anchors = test_pki::trust_anchors();
    let other = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        test_pki::eseal(TestKey::Rsa).certificate().der(),
    );
    for (name, header) in [
        ("x5c", serde_json::json!({"x5c": [other]})),
        ("sigT", serde_json::json!({"sigT": "2030-01-01T00:00:00Z"})),
        ("alg", serde_json::json!({"etsiU": [], "alg": "none"})),
    ] {
        let bytes = with_unprotected_header(sealed.as_str(), header.clone());
        assert_eq!(
            code(jades::Seal::parse(&bytes)),
            "seal.duplicate_header",
            "{header}"
        );
        assert_eq!(
            code(jades::verify(&bytes, &anchors, AT)),
            "seal.duplicate_header",
            "{header}"
        );
        // The message names the parameter, nothing of the credential.
        let message = jades::Seal::parse(&bytes).unwrap_err().to_string();
        assert!(message.contains(&format!("`{name}`")), "{message}");
    }
    // Names only in the unprotected header are fine (`etsiU`, or one JAdES does not define).
    for header in [
        serde_json::json!({"etsiU": []}),
        serde_json::json!({"x-note": "kept"}),
    ] {
        let bytes = with_unprotected_header(sealed.as_str(), header);
        jades::verify(&bytes, &anchors, AT).unwrap();
    }
}

#[test]
fn a_signing_time_after_the_callers_clock_is_refused() {
    // Item 2, `--at` in the future: the caller passes its clock; the core reads none.
    let key = test_pki::eseal(TestKey::P256);
    let now = datetime!(2026-01-15 10:00 UTC);
    let sealer = Sealer::from_pem(key.chain_pem)
        .unwrap()
        .with_current_time(now);
    assert_eq!(
        code(seal_with(
            &sealer,
            key.key_pem,
            now + time::Duration::seconds(1)
        )),
        "seal.signing_time_in_future"
    );
    assert_eq!(
        code(sealer.prepare(
            &microcred::issue::demo_credential(),
            jades::Algorithm::ES256,
            datetime!(2027-01-01 0:00 UTC)
        )),
        "seal.signing_time_in_future"
    );
    // Sealing at the clock's time, or earlier (a back-dated `--at` within the validity), is fine
    // and verifies at that clock.
    for at in [now, datetime!(2025-06-01 0:00 UTC)] {
        let sealed = seal_with(&sealer, key.key_pem, at).unwrap();
        jades::verify(sealed.as_str().as_bytes(), &test_pki::trust_anchors(), now).unwrap();
    }
    // The fraction of a second `sigT` cannot hold is not "in the future".
    seal_with(
        &sealer,
        key.key_pem,
        now + time::Duration::milliseconds(400),
    )
    .unwrap();
}

#[test]
fn an_unsorted_chain_is_sorted_or_refused() {
    // The eSeal CA first, then the eSeal: sorted, the seal certificate first in `x5c`.
    let key = test_pki::eseal(TestKey::P256);
    let reversed = format!(
        "{}{}{}",
        test_pki::ROOT_CA_PEM,
        test_pki::INTERMEDIATE_CA_PEM,
        key.cert_pem
    );
    let sealer = Sealer::from_pem(&reversed).unwrap();
    assert_eq!(sealer.certificate().der(), key.certificate().der());
    let sealed = seal_with(&sealer, key.key_pem, AT).unwrap();
    let seal = jades::Seal::parse(sealed.as_str().as_bytes()).unwrap();
    let subjects: Vec<String> = seal
        .certificates()
        .iter()
        .map(|c| c.subject_text())
        .collect();
    let expected: Vec<String> = [
        key.certificate(),
        test_pki::intermediate_ca(),
        test_pki::root_ca(),
    ]
    .iter()
    .map(|c| c.subject_text())
    .collect();
    assert_eq!(subjects, expected);
    let verified =
        jades::verify(sealed.as_str().as_bytes(), &test_pki::trust_anchors(), AT).unwrap();
    assert!(verified.is_trusted());

    // The root first, the eSeal CA left out: the end-entity certificate is the seal certificate.
    let gap = format!("{}{}", test_pki::ROOT_CA_PEM, key.cert_pem);
    let sealer = Sealer::from_pem(&gap).unwrap();
    assert_eq!(sealer.certificate().der(), key.certificate().der());

    // A CA first and two certificates it could be for: which one seals cannot be told.
    let ambiguous = format!(
        "{}{}{}",
        test_pki::INTERMEDIATE_CA_PEM,
        key.cert_pem,
        test_pki::eseal(TestKey::Rsa).cert_pem
    );
    assert_eq!(code(Sealer::from_pem(&ambiguous)), "seal.chain_order");
    let message = Sealer::from_pem(&ambiguous).unwrap_err().to_string();
    assert!(message.contains("seal certificate first"), "{message}");
    // CAs only, the first of them an issuer of another: no seal certificate at all.
    let cas = format!(
        "{}{}{}",
        test_pki::ROOT_CA_PEM,
        test_pki::INTERMEDIATE_CA_PEM,
        test_pki::UNTRUSTED_ROOT_CA_PEM
    );
    assert_eq!(code(Sealer::from_pem(&cas)), "seal.chain_order");
}

/// Keys made in the tests from the published test keys: encrypted, DER, traditional.
#[cfg(feature = "openssl")]
mod key_files {
    use super::*;
    use jades::{Pkcs12Key, signer_from_key};
    use openssl::pkey::PKey;
    use openssl::symm::Cipher;

    const PASSWORD: &str = "correct horse";

    fn pkey(kind: TestKey) -> PKey<openssl::pkey::Private> {
        PKey::private_key_from_pem(test_pki::eseal(kind).key_pem.as_bytes()).unwrap()
    }

    fn encrypted_pkcs8_pem(kind: TestKey) -> Vec<u8> {
        pkey(kind)
            .private_key_to_pem_pkcs8_passphrase(Cipher::aes_256_cbc(), PASSWORD.as_bytes())
            .unwrap()
    }

    /// Seals with a signer read from `file`, and verifies.
    fn seals_with(kind: TestKey, file: &[u8], password: Option<&str>) -> Result<(), JadesError> {
        let key = test_pki::eseal(kind);
        let signer = signer_from_key(file, password, None)?;
        let sealed = Sealer::from_pem(key.chain_pem)?.seal(
            &microcred::issue::demo_credential(),
            signer.as_ref(),
            AT,
        )?;
        jades::verify(sealed.as_str().as_bytes(), &test_pki::trust_anchors(), AT).map(drop)
    }

    #[test]
    fn an_encrypted_key_needs_its_password_and_never_prompts() {
        // Item 11: OpenSSL asked for the pass phrase on the terminal (twice without one, and
        // forever on a terminal with no input). Now: a coded error, or the password given.
        for kind in [TestKey::Rsa, TestKey::P256, TestKey::Ed25519] {
            let file = encrypted_pkcs8_pem(kind);
            let text = std::str::from_utf8(&file).unwrap();
            assert!(text.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
            assert_eq!(
                code(signer_from_pem(text, None)),
                "seal.password_missing",
                "{kind:?}"
            );
            assert_eq!(
                code(signer_from_key(&file, None, None)),
                "seal.password_missing",
                "{kind:?}"
            );
            assert_eq!(
                code(signer_from_key(&file, Some("wrong"), None)),
                "seal.key",
                "{kind:?}"
            );
            seals_with(kind, &file, Some(PASSWORD)).unwrap();
        }
        // The traditional encrypted form (`Proc-Type: 4,ENCRYPTED`) too.
        let rsa = pkey(TestKey::Rsa).rsa().unwrap();
        let traditional = rsa
            .private_key_to_pem_passphrase(Cipher::aes_128_cbc(), PASSWORD.as_bytes())
            .unwrap();
        assert!(String::from_utf8_lossy(&traditional).contains("Proc-Type: 4,ENCRYPTED"));
        assert_eq!(
            code(signer_from_key(&traditional, None, None)),
            "seal.password_missing"
        );
        assert_eq!(
            code(signer_from_pem(
                std::str::from_utf8(&traditional).unwrap(),
                None
            )),
            "seal.password_missing"
        );
        seals_with(TestKey::Rsa, &traditional, Some(PASSWORD)).unwrap();
        // A password for a key that has none is not needed, and harmless.
        seals_with(
            TestKey::P256,
            test_pki::eseal(TestKey::P256).key_pem.as_bytes(),
            Some(PASSWORD),
        )
        .unwrap();
    }

    #[test]
    fn der_and_traditional_key_files_are_read() {
        for kind in [TestKey::Rsa, TestKey::P256, TestKey::Ed25519] {
            let der = pkey(kind).private_key_to_pkcs8().unwrap();
            seals_with(kind, &der, None).unwrap();
            let encrypted = pkey(kind)
                .private_key_to_pkcs8_passphrase(Cipher::aes_256_cbc(), PASSWORD.as_bytes())
                .unwrap();
            assert_eq!(
                code(signer_from_key(&encrypted, None, None)),
                "seal.password_missing",
                "{kind:?}"
            );
            seals_with(kind, &encrypted, Some(PASSWORD)).unwrap();
        }
        // PKCS#1 RSA and SEC1 EC keys, as PEM and as DER.
        let rsa = pkey(TestKey::Rsa).rsa().unwrap();
        seals_with(TestKey::Rsa, &rsa.private_key_to_pem().unwrap(), None).unwrap();
        seals_with(TestKey::Rsa, &rsa.private_key_to_der().unwrap(), None).unwrap();
        let ec = pkey(TestKey::P256).ec_key().unwrap();
        seals_with(TestKey::P256, &ec.private_key_to_pem().unwrap(), None).unwrap();
        seals_with(TestKey::P256, &ec.private_key_to_der().unwrap(), None).unwrap();
        // What is no key says so.
        for junk in [
            &b"not a key"[..],
            &[0x30, 0x03, 0x02, 0x01, 0x00][..],
            &[0x30, 0xff][..],
            b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        ] {
            assert_eq!(code(signer_from_key(junk, None, None)), "seal.key");
        }
    }

    #[test]
    fn a_pkcs12_file_without_its_password_says_so() {
        let key = test_pki::eseal(TestKey::P256);
        let cert = openssl::x509::X509::from_pem(key.cert_pem.as_bytes()).unwrap();
        let make = |password: &str| {
            openssl::pkcs12::Pkcs12::builder()
                .name("eseal")
                .pkey(&pkey(TestKey::P256))
                .cert(&cert)
                .build2(password)
                .unwrap()
                .to_der()
                .unwrap()
        };
        let protected = make(PASSWORD);
        assert_eq!(
            code(Pkcs12Key::open_without_password(&protected)),
            "seal.password_missing"
        );
        assert_eq!(code(Pkcs12Key::open(&protected, "wrong")), "seal.pkcs12");
        Pkcs12Key::open(&protected, PASSWORD).unwrap();
        // A file without a password opens without one.
        let open = Pkcs12Key::open_without_password(&make("")).unwrap();
        assert_eq!(open.chain()[0].der(), key.certificate().der());
        assert_eq!(
            code(Pkcs12Key::open_without_password(b"not pkcs12")),
            "seal.pkcs12"
        );
    }
}
