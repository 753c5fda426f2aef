//! Certificates: the real EC eSeal certificate from the signed samples, the seeded test PKI
//! (feature `test-pki`), chain validation, signature schemes, trusted lists and bad input.

mod shared;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use microcred::x509::{
    Certificate, ChainOutcome, Hash, KeyKind, PublicKey, QcType, SignatureScheme, TrustAnchors,
    validate_chain,
};
use serde_json::Value;
use time::macros::datetime;

const SIGNED_SAMPLES: [&str; 2] = [
    "upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld",
    "upstream/elm-repo/json-ld-v3/Sample-CertOfPart-signed.jsonld",
];

/// The first signature's protected header and unsigned `etsiU` entries (decoded), or `None` when
/// `../shared` is absent.
fn sample_headers(relative: &str) -> Option<(Value, Vec<Value>)> {
    let bytes = shared::shared_file(relative)?;
    let envelope: Value = serde_json::from_slice(&bytes).expect("the sample is JSON");
    let signature = &envelope["signatures"][0];
    let protected = URL_SAFE_NO_PAD
        .decode(
            signature["protected"]
                .as_str()
                .expect("protected is a string"),
        )
        .expect("protected is base64url");
    let protected: Value = serde_json::from_slice(&protected).expect("the header is JSON");
    let unsigned = signature["header"]["etsiU"]
        .as_array()
        .expect("etsiU is an array")
        .iter()
        .map(|entry| {
            let json = URL_SAFE_NO_PAD
                .decode(entry.as_str().expect("an etsiU entry is a string"))
                .expect("an etsiU entry is base64url");
            serde_json::from_slice(&json).expect("an etsiU entry is JSON")
        })
        .collect();
    Some((protected, unsigned))
}

#[test]
fn ec_sample_seal_certificate() {
    for relative in SIGNED_SAMPLES {
        let Some((header, _)) = sample_headers(relative) else {
            return;
        };
        let x5c = header["x5c"].as_array().unwrap();
        let leaf = Certificate::from_base64(x5c[0].as_str().unwrap()).unwrap();

        assert_eq!(leaf.organisation().as_deref(), Some("ORGANIZACION TEST"));
        assert_eq!(
            leaf.organisation_identifier().as_deref(),
            Some("VATES-A00000000")
        );
        assert_eq!(leaf.country().as_deref(), Some("ES"));
        assert_eq!(leaf.common_name().as_deref(), Some("TEST SEAL"));
        // Any attribute by its dotted OID (2.5.4.3: the common name).
        assert_eq!(
            leaf.subject_attribute("2.5.4.3").as_deref(),
            Some("TEST SEAL")
        );
        assert_eq!(leaf.subject_attribute("2.5.4.999"), None);
        assert_eq!(leaf.subject_attribute("not an OID"), None);
        let key = leaf.public_key().unwrap();
        assert_eq!((key.kind(), key.bits()), (KeyKind::Rsa, 2048));
        assert_eq!(key.description(), "RSA 2048");

        let usage = leaf
            .key_usage()
            .expect("the seal certificate has key usage");
        assert!(usage.digital_signature && usage.non_repudiation);
        assert!(!usage.key_encipherment && !usage.key_cert_sign && !usage.crl_sign);
        assert!(!leaf.is_ca());

        let qc = leaf.qualification();
        println!("{relative}: {qc:?}");
        // What the certificate carries: QcCompliance, QcRetentionPeriod, QcType eseal and the
        // pkixQCSyntax-v2 statement; no QcSSCD. Policies: the CA's own and QCP-l.
        assert!(qc.compliance);
        assert!(!qc.sscd);
        assert_eq!(qc.types, vec![QcType::ESeal]);
        assert!(qc.is_qualified_eseal());
        assert_eq!(
            qc.statements,
            [
                "0.4.0.1862.1.1",
                "0.4.0.1862.1.3",
                "0.4.0.1862.1.6",
                "1.3.6.1.5.5.7.11.2"
            ]
        );
        assert_eq!(
            qc.policies,
            ["1.3.6.1.4.1.18332.25.1.1.10", microcred::x509::QCP_L]
        );

        assert_eq!(
            STANDARD.encode(leaf.issuer_serial_der()),
            header["kid"].as_str().unwrap()
        );
        assert_eq!(
            URL_SAFE_NO_PAD.encode(leaf.sha256()),
            header["x5t#S256"].as_str().unwrap()
        );
        assert_eq!(leaf.not_before(), datetime!(2023-05-11 14:31:15 UTC));
        assert_eq!(leaf.not_after(), datetime!(2025-05-10 14:31:15 UTC));
        assert!(leaf.valid_at(datetime!(2023-09-27 11:54:17 UTC)));
        assert!(!leaf.valid_at(datetime!(2025-05-10 14:31:16 UTC)));
        assert_eq!(leaf.serial_hex(), "03378f4d568b289fb8ed0c03");
        assert_eq!(
            leaf.issuer_text(),
            "CN=ANF AC Qualified Certificates for eSeal,\
             OU=Certificados Cualificados de Sello Electronico,\
             organizationIdentifier=VATES-G63287510,O=ANF Autoridad de Certificacion,C=ES"
        );
        assert!(leaf.subject_text().starts_with("L=BARCELONA,ST=BARCELONA,"));
    }
}

#[test]
fn ec_sample_validation_certificates() {
    for relative in SIGNED_SAMPLES {
        let Some((header, unsigned)) = sample_headers(relative) else {
            return;
        };
        let leaf = Certificate::from_base64(header["x5c"][0].as_str().unwrap()).unwrap();
        let x_vals: Vec<Certificate> = unsigned
            .iter()
            .filter_map(|entry| entry.get("xVals"))
            .flat_map(|vals| vals.as_array().unwrap().iter())
            .map(|val| Certificate::from_base64(val["x509Cert"]["val"].as_str().unwrap()).unwrap())
            .collect();
        for cert in &x_vals {
            println!(
                "{relative}: xVals {} issued by {} ({} .. {}), CA {}",
                cert.subject_text(),
                cert.issuer_text(),
                cert.not_before(),
                cert.not_after(),
                cert.is_ca()
            );
        }
        assert_eq!(x_vals.len(), 4);
        // The test TSA's root and the TSA itself (Nowina's test PKI), and ANF's eSeal CA with its
        // OCSP responder.
        let subjects: Vec<String> = x_vals.iter().map(Certificate::subject_text).collect();
        assert!(subjects.contains(&"C=LU,OU=PKI-TEST,O=Nowina Solutions,CN=root-ca".to_owned()));
        assert!(subjects.contains(&"C=LU,OU=PKI-TEST,O=Nowina Solutions,CN=good-tsa".to_owned()));
        let root = x_vals
            .iter()
            .find(|c| c.common_name().as_deref() == Some("root-ca"))
            .unwrap();
        let tsa = x_vals
            .iter()
            .find(|c| c.common_name().as_deref() == Some("good-tsa"))
            .unwrap();
        assert!(root.is_ca() && root.is_self_issued());
        // Real signatures from a foreign PKI: the TSA certificate (SHA-512 with RSA) under its root.
        tsa.verify_signature(&root.public_key().unwrap()).unwrap();
        let anchors: TrustAnchors = [root.clone()].into_iter().collect();
        let at = datetime!(2023-09-27 12:00 UTC);
        assert!(validate_chain(tsa, &[], &anchors, at).is_trusted());

        // The seal certificate chains to ANF's eSeal CA, which the file carries too. With that CA
        // configured as an anchor the path is trusted at signing time and expired now.
        let anf_ca = x_vals
            .iter()
            .find(|c| c.subject_der() == leaf.issuer_der())
            .expect("xVals holds the seal's issuing CA");
        let anchors: TrustAnchors = [anf_ca.clone()].into_iter().collect();
        let signing_time = datetime!(2023-09-27 11:54:17 UTC);
        match validate_chain(&leaf, &x_vals, &anchors, signing_time) {
            ChainOutcome::Trusted { path } => assert_eq!(path.len(), 2),
            other => panic!("{other:?}"),
        }
        let outcome = validate_chain(&leaf, &x_vals, &anchors, datetime!(2026-01-01 0:00 UTC));
        assert_eq!(outcome.code(), Some("x509.not_valid_at_time"));
        // Without that anchor, ANF's root is not there: untrusted, not invalid.
        let outcome = validate_chain(
            &leaf,
            &x_vals,
            &TrustAnchors::from_pem(&pem(root)).unwrap(),
            signing_time,
        );
        assert!(
            matches!(
                outcome,
                ChainOutcome::Untrusted {
                    code: "x509.untrusted_root",
                    ..
                }
            ),
            "{outcome:?}"
        );
    }
}

/// PEM text of one certificate.
fn pem(cert: &Certificate) -> String {
    let body = STANDARD.encode(cert.der());
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).expect("base64 is ASCII"))
        .collect();
    format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        lines.join("\n")
    )
}

#[test]
fn bad_input_gives_codes() {
    let cases: [(&[u8], &str); 4] = [
        (b"", "x509.malformed"),
        (b"\x30\x82\x01", "x509.malformed"),
        (b"-----BEGIN CERTIFICATE-----", "x509.malformed"),
        (&[0u8; 100], "x509.malformed"),
    ];
    for (bytes, code) in cases {
        assert_eq!(Certificate::from_der(bytes).unwrap_err().code(), code);
    }
    for (text, code) in [
        ("", "x509.no_certificate"),
        ("hello", "x509.no_certificate"),
        (
            "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n",
            "x509.malformed",
        ),
        (
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            "x509.malformed",
        ),
        ("-----BEGIN CERTIFICATE-----\nMIIB\n", "x509.malformed"),
    ] {
        assert_eq!(
            Certificate::from_pem(text).unwrap_err().code(),
            code,
            "{text}"
        );
        assert_eq!(
            TrustAnchors::from_pem(text).unwrap_err().code(),
            code,
            "{text}"
        );
    }
    assert_eq!(
        Certificate::from_base64("%%%").unwrap_err().code(),
        "x509.malformed"
    );
    let e = PublicKey::from_spki_der(b"\x30\x00").unwrap_err();
    assert_eq!(e.code(), "x509.malformed");
}

#[test]
fn truncated_real_certificate() {
    let Some((header, _)) = sample_headers(SIGNED_SAMPLES[0]) else {
        return;
    };
    let der = STANDARD.decode(header["x5c"][0].as_str().unwrap()).unwrap();
    for cut in [1, 2, 4, 100, der.len() / 2, der.len() - 1] {
        let e = Certificate::from_der(&der[..cut]).unwrap_err();
        assert_eq!(e.code(), "x509.malformed");
    }
    let mut longer = der.clone();
    longer.push(0);
    assert_eq!(
        Certificate::from_der(&longer).unwrap_err().code(),
        "x509.malformed"
    );
}

#[test]
fn wrong_key_type_and_bad_signature() {
    let Some((header, _)) = sample_headers(SIGNED_SAMPLES[0]) else {
        return;
    };
    let leaf = Certificate::from_base64(header["x5c"][0].as_str().unwrap()).unwrap();
    let key = leaf.public_key().unwrap();
    let e = key
        .verify(SignatureScheme::Ed25519, b"message", &[0; 64])
        .unwrap_err();
    assert_eq!(e.code(), "x509.wrong_key_type");
    let e = key
        .verify(
            SignatureScheme::RsaPkcs1(Hash::Sha256),
            b"message",
            &[0; 256],
        )
        .unwrap_err();
    assert_eq!(e.code(), "x509.bad_signature");
    let e = key
        .verify(SignatureScheme::RsaPkcs1(Hash::Sha256), b"message", b"")
        .unwrap_err();
    assert_eq!(e.code(), "x509.bad_signature");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn from_der_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = Certificate::from_der(&bytes);
            let _ = PublicKey::from_spki_der(&bytes);
        }

        #[test]
        fn der_prefixed_noise_never_panics(tail in proptest::collection::vec(any::<u8>(), 0..300)) {
            // A plausible start (SEQUENCE, SEQUENCE, version) so the decoder gets further in.
            let mut bytes = vec![0x30, 0x82, 0x01, 0x2c, 0x30, 0x82, 0x01, 0x10, 0xa0, 0x03, 0x02, 0x01, 0x02];
            bytes.extend(tail);
            let _ = Certificate::from_der(&bytes);
        }

        #[test]
        fn pem_text_never_panics(text in ".{0,300}") {
            let _ = Certificate::from_pem(&text);
            let _ = Certificate::from_pem(&format!("-----BEGIN CERTIFICATE-----\n{text}\n-----END CERTIFICATE-----"));
            let _ = TrustAnchors::from_trusted_list_xml(text.as_bytes());
        }
    }
}

#[cfg(feature = "test-pki")]
mod test_pki {
    use super::*;
    use microcred::test_pki::{self, TestKey, VALIDATION_TIME};

    fn chain_of(kind: TestKey) -> Vec<Certificate> {
        test_pki::eseal(kind).chain()
    }

    fn validate(
        chain: &[Certificate],
        anchors: &TrustAnchors,
        at: time::OffsetDateTime,
    ) -> ChainOutcome {
        validate_chain(&chain[0], &chain[1..], anchors, at)
    }

    #[test]
    fn eseal_certificates() {
        for (kind, key) in [
            (TestKey::Rsa, "RSA 2048"),
            (TestKey::P256, "P-256"),
            (TestKey::Ed25519, "Ed25519"),
        ] {
            let cert = test_pki::eseal(kind).certificate();
            assert_eq!(cert.country().as_deref(), Some("BE"));
            assert_eq!(
                cert.organisation().as_deref(),
                Some("Microcred Test University")
            );
            assert_eq!(
                cert.organisation_identifier().as_deref(),
                Some("VATBE-0000000097")
            );
            assert_eq!(cert.common_name().as_deref(), Some("Microcred Test eSeal"));
            assert_eq!(
                cert.subject_text(),
                "CN=Microcred Test eSeal,organizationIdentifier=VATBE-0000000097,\
                 O=Microcred Test University,C=BE"
            );
            assert_eq!(
                cert.issuer_text(),
                "CN=Microcred Test Qualified eSeal CA,O=Microcred Test PKI,C=BE"
            );
            assert_eq!(cert.public_key().unwrap().description(), key);
            let usage = cert.key_usage().unwrap();
            assert!(usage.digital_signature && usage.non_repudiation && !usage.key_cert_sign);
            let qc = cert.qualification();
            assert!(qc.compliance && !qc.sscd && qc.is_qualified_eseal());
            assert_eq!(qc.policies, [microcred::x509::QCP_L]);
            assert!(!cert.is_ca());
            assert_eq!(cert.not_before(), datetime!(2024-01-01 0:00 UTC));
            assert_eq!(cert.not_after(), datetime!(2040-01-01 0:00 UTC));
            assert_eq!(cert.serial_hex().len(), 32);
            // kid and x5t#S256 round trip through the parser.
            let kid = cert.issuer_serial_der();
            assert_eq!(kid[0], 0x30);
            assert!(
                kid.windows(cert.issuer_der().len())
                    .any(|w| w == cert.issuer_der())
            );
            assert_eq!(cert.sha256().len(), 32);
        }
        let root = test_pki::root_ca();
        assert!(root.is_ca() && root.is_self_issued());
        assert_eq!(root.path_len_constraint(), None);
        let ku = root.key_usage().unwrap();
        assert!(ku.key_cert_sign && ku.crl_sign && !ku.digital_signature);
        assert_eq!(root.not_after(), datetime!(2050-01-01 0:00 UTC));
        let intermediate = test_pki::intermediate_ca();
        assert_eq!(intermediate.path_len_constraint(), Some(0));
        assert_eq!(
            intermediate.authority_key_identifier(),
            root.subject_key_identifier()
        );

        let no_usage = test_pki::eseal(TestKey::NoSigningUsage).certificate();
        let ku = no_usage.key_usage().unwrap();
        assert!(ku.key_encipherment && !ku.digital_signature && !ku.non_repudiation);
    }

    #[test]
    fn trusted_chains() {
        let anchors = test_pki::trust_anchors();
        for kind in [
            TestKey::Rsa,
            TestKey::P256,
            TestKey::Ed25519,
            TestKey::NoSigningUsage,
        ] {
            match validate(&chain_of(kind), &anchors, VALIDATION_TIME) {
                ChainOutcome::Trusted { path } => {
                    assert_eq!(path.len(), 3, "{kind:?}");
                    assert_eq!(path[2], test_pki::root_ca());
                    assert_eq!(path[1], test_pki::intermediate_ca());
                }
                other => panic!("{kind:?}: {other:?}"),
            }
        }
        // Intermediates in any order, with extra unrelated certificates.
        let leaf = test_pki::eseal(TestKey::P256).certificate();
        let extra = [
            Certificate::from_pem(test_pki::UNTRUSTED_ROOT_CA_PEM)
                .unwrap()
                .remove(0),
            test_pki::eseal(TestKey::Rsa).certificate(),
            test_pki::intermediate_ca(),
        ];
        assert!(validate_chain(&leaf, &extra, &anchors, VALIDATION_TIME).is_trusted());
        // An intermediate as anchor ends the path there.
        let anchors: TrustAnchors = [test_pki::intermediate_ca()].into_iter().collect();
        match validate_chain(&leaf, &[], &anchors, VALIDATION_TIME) {
            ChainOutcome::Trusted { path } => assert_eq!(path.len(), 2),
            other => panic!("{other:?}"),
        }
        // A pinned end-entity certificate is its own path.
        let anchors: TrustAnchors = [leaf.clone()].into_iter().collect();
        match validate_chain(&leaf, &[], &anchors, VALIDATION_TIME) {
            ChainOutcome::Trusted { path } => assert_eq!(path, std::slice::from_ref(&leaf)),
            other => panic!("{other:?}"),
        }
        // Anchors from PEM: the anchor PEM may hold several certificates.
        let pem = format!(
            "{}{}",
            test_pki::ROOT_CA_PEM,
            test_pki::UNTRUSTED_ROOT_CA_PEM
        );
        let anchors = TrustAnchors::from_pem(&pem).unwrap();
        assert_eq!(anchors.len(), 2);
        assert!(validate(&chain_of(TestKey::Untrusted), &anchors, VALIDATION_TIME).is_trusted());
    }

    #[test]
    fn untrusted_root() {
        let anchors = test_pki::trust_anchors();
        let outcome = validate(&chain_of(TestKey::Untrusted), &anchors, VALIDATION_TIME);
        match &outcome {
            ChainOutcome::Untrusted { code, detail } => {
                assert_eq!(*code, "x509.untrusted_root");
                assert!(
                    detail.contains("Microcred Untrusted Test Root CA"),
                    "{detail}"
                );
            }
            other => panic!("{other:?}"),
        }
        // The intermediate missing: no path either.
        let leaf = test_pki::eseal(TestKey::P256).certificate();
        let outcome = validate_chain(&leaf, &[], &anchors, VALIDATION_TIME);
        assert_eq!(outcome.code(), Some("x509.untrusted_root"));
        assert!(matches!(outcome, ChainOutcome::Untrusted { .. }));
    }

    #[test]
    fn no_anchors() {
        let outcome = validate(
            &chain_of(TestKey::P256),
            &TrustAnchors::new(),
            VALIDATION_TIME,
        );
        assert!(matches!(
            outcome,
            ChainOutcome::Untrusted {
                code: "x509.no_trust_anchor",
                ..
            }
        ));
        assert!(TrustAnchors::default().is_empty());
    }

    #[test]
    fn validity_periods() {
        let anchors = test_pki::trust_anchors();
        for (kind, position) in [
            (TestKey::Expired, "certificate 1"),
            (TestKey::NotYetValid, "certificate 1"),
            (TestKey::ExpiredCa, "certificate 2"),
        ] {
            match validate(&chain_of(kind), &anchors, VALIDATION_TIME) {
                ChainOutcome::Invalid { code, detail } => {
                    assert_eq!(code, "x509.not_valid_at_time", "{kind:?}");
                    assert!(detail.starts_with(position), "{kind:?}: {detail}");
                }
                other => panic!("{kind:?}: {other:?}"),
            }
        }
        // The expired CA's eSeal was fine while the CA was.
        assert!(
            validate(
                &chain_of(TestKey::ExpiredCa),
                &anchors,
                datetime!(2024-06-01 0:00 UTC)
            )
            .code()
                == Some("x509.not_valid_at_time")
        );
        assert!(
            validate(
                &chain_of(TestKey::Expired),
                &anchors,
                datetime!(2020-06-01 0:00 UTC)
            )
            .is_trusted()
        );
        assert!(
            validate(
                &chain_of(TestKey::NotYetValid),
                &anchors,
                datetime!(2046-06-01 0:00 UTC)
            )
            .is_trusted()
        );
        // Boundaries are inclusive; the anchor's own validity counts too.
        let p256 = chain_of(TestKey::P256);
        assert!(validate(&p256, &anchors, datetime!(2040-01-01 0:00 UTC)).is_trusted());
        assert_eq!(
            validate(&p256, &anchors, datetime!(2040-01-01 0:00:01 UTC)).code(),
            Some("x509.not_valid_at_time")
        );
        let root_only: Vec<Certificate> = vec![test_pki::root_ca()];
        assert_eq!(
            validate(&root_only, &anchors, datetime!(2050-01-01 0:00:01 UTC)).code(),
            Some("x509.not_valid_at_time")
        );
    }

    #[test]
    fn tampered_certificates() {
        let anchors = test_pki::trust_anchors();
        let chain = chain_of(TestKey::Rsa);
        // A flipped bit in the signature value (the last byte of the DER).
        let mut der = chain[0].der().to_vec();
        let last = der.len() - 1;
        der[last] ^= 0x01;
        let tampered = Certificate::from_der(&der).unwrap();
        let outcome = validate_chain(&tampered, &chain[1..], &anchors, VALIDATION_TIME);
        assert!(
            matches!(
                outcome,
                ChainOutcome::Invalid {
                    code: "x509.bad_signature",
                    ..
                }
            ),
            "{outcome:?}"
        );
        // An edited subject: the signed part changed.
        let mut der = chain[0].der().to_vec();
        let at = der.windows(6).position(|w| w == b"VATBE-").unwrap();
        der[at + 6] = b'1';
        let tampered = Certificate::from_der(&der).unwrap();
        assert_eq!(
            tampered.organisation_identifier().as_deref(),
            Some("VATBE-1000000097")
        );
        let outcome = validate_chain(&tampered, &chain[1..], &anchors, VALIDATION_TIME);
        assert_eq!(outcome.code(), Some("x509.bad_signature"));
        // The intermediate tampered with instead.
        let mut der = chain[1].der().to_vec();
        let last = der.len() - 3;
        der[last] ^= 0x80;
        let intermediate = Certificate::from_der(&der).unwrap();
        let outcome = validate_chain(&chain[0], &[intermediate], &anchors, VALIDATION_TIME);
        assert!(
            matches!(outcome, ChainOutcome::Invalid { .. }),
            "{outcome:?}"
        );
    }

    #[test]
    fn wrong_issuer() {
        let anchors = test_pki::trust_anchors();
        // Names the test intermediate (and its key identifier) but another key signed it.
        let outcome = validate(&chain_of(TestKey::Forged), &anchors, VALIDATION_TIME);
        match outcome {
            ChainOutcome::Invalid { code, detail } => {
                assert_eq!(code, "x509.bad_signature");
                assert!(detail.contains("certificate 1"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
        // A leaf offered with an unrelated CA as its "intermediate".
        let leaf = test_pki::eseal(TestKey::P256).certificate();
        let untrusted_root = Certificate::from_pem(test_pki::UNTRUSTED_ROOT_CA_PEM).unwrap();
        let outcome = validate_chain(&leaf, &untrusted_root, &anchors, VALIDATION_TIME);
        assert_eq!(outcome.code(), Some("x509.untrusted_root"));
        // Checking a certificate's signature against the wrong key directly.
        let e = leaf
            .verify_signature(&untrusted_root[0].public_key().unwrap())
            .unwrap_err();
        assert_eq!(e.code(), "x509.bad_signature");
        leaf.verify_signature(&test_pki::intermediate_ca().public_key().unwrap())
            .unwrap();
        // Another end-entity certificate offered as the intermediate: its name is not the
        // leaf's issuer.
        let rsa = test_pki::eseal(TestKey::Rsa).certificate();
        let outcome = validate_chain(&leaf, &[rsa], &anchors, VALIDATION_TIME);
        assert_eq!(outcome.code(), Some("x509.untrusted_root"));
    }

    #[test]
    fn issuers_must_be_allowed_to_issue() {
        let anchors = test_pki::trust_anchors();
        let intermediate = test_pki::intermediate_ca();
        for (kind, code, position) in [
            (
                TestKey::BeyondPathLen,
                "x509.path_len_exceeded",
                "certificate 3",
            ),
            (TestKey::NoCertSignCa, "x509.no_cert_sign", "certificate 2"),
            (TestKey::IssuedByEseal, "x509.not_ca", "certificate 2"),
        ] {
            let mut chain = chain_of(kind);
            chain.push(intermediate.clone());
            match validate(&chain, &anchors, VALIDATION_TIME) {
                ChainOutcome::Invalid { code: got, detail } => {
                    assert_eq!(got, code, "{kind:?}: {detail}");
                    assert!(detail.starts_with(position), "{kind:?}: {detail}");
                }
                other => panic!("{kind:?}: {other:?}"),
            }
        }
        // The same sub-CA is fine when it is itself the anchor: nothing above it constrains it.
        let sub_ca = Certificate::from_pem(test_pki::SUB_CA_BEYOND_PATH_LEN_PEM).unwrap();
        let anchors: TrustAnchors = sub_ca.into_iter().collect();
        assert!(
            validate(&chain_of(TestKey::BeyondPathLen), &anchors, VALIDATION_TIME).is_trusted()
        );
    }

    #[test]
    fn search_is_bounded() {
        // Hundreds of candidate issuers with the right name cannot make the search blow up.
        let anchors = test_pki::trust_anchors();
        let chain = chain_of(TestKey::P256);
        let original = *chain[1].der().last().unwrap();
        let copies: Vec<Certificate> = (0..=255u8)
            .filter(|i| *i != original)
            .map(|i| {
                // The last byte belongs to the signature: every copy parses and none verifies.
                let mut der = chain[1].der().to_vec();
                let last = der.len() - 1;
                der[last] = i;
                Certificate::from_der(&der).unwrap()
            })
            .collect();
        let started = std::time::Instant::now();
        let outcome = validate_chain(&chain[0], &copies, &anchors, VALIDATION_TIME);
        assert!(started.elapsed().as_secs() < 20);
        assert_eq!(outcome.code(), Some("x509.bad_signature"), "{outcome:?}");
    }

    /// A deterministic byte source for the RSA-PSS salt (rsa's signing API asks for a generator).
    struct CountingRng(u8);

    impl rsa::rand_core::TryRng for CountingRng {
        type Error = std::convert::Infallible;
        fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
            let mut b = [0; 4];
            self.try_fill_bytes(&mut b)?;
            Ok(u32::from_le_bytes(b))
        }
        fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
            let mut b = [0; 8];
            self.try_fill_bytes(&mut b)?;
            Ok(u64::from_le_bytes(b))
        }
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
            for b in dst {
                self.0 = self.0.wrapping_mul(31).wrapping_add(7);
                *b = self.0;
            }
            Ok(())
        }
    }

    impl rsa::rand_core::TryCryptoRng for CountingRng {}

    const MESSAGE: &[u8] = b"eyJhbGciOiJFUzI1NiJ9.{\"payload\":\"as stored\"}";

    /// Verifies, then checks that a flipped bit and a truncated signature fail.
    fn verifies(key: &PublicKey, scheme: SignatureScheme, signature: &[u8]) {
        key.verify(scheme, MESSAGE, signature)
            .unwrap_or_else(|e| panic!("{}: {e}", scheme.name()));
        let mut flipped = signature.to_vec();
        flipped[signature.len() / 2] ^= 0x04;
        assert_eq!(
            key.verify(scheme, MESSAGE, &flipped)
                .expect_err("must not verify")
                .code(),
            "x509.bad_signature",
            "{}",
            scheme.name()
        );
        assert_eq!(
            key.verify(scheme, MESSAGE, &signature[1..])
                .expect_err("must not verify")
                .code(),
            "x509.bad_signature"
        );
        assert_eq!(
            key.verify(scheme, b"another message", signature)
                .expect_err("must not verify")
                .code(),
            "x509.bad_signature"
        );
    }

    #[test]
    fn jws_rsa() {
        use rsa::pkcs8::DecodePrivateKey;
        let seal = test_pki::eseal(TestKey::Rsa);
        let private = rsa::PrivateKey::from_pkcs8_pem(seal.key_pem).unwrap();
        let key = seal.certificate().public_key().unwrap();
        for hash in [Hash::Sha256, Hash::Sha384, Hash::Sha512] {
            let hashed = hash.digest(MESSAGE);
            let padding = match hash {
                Hash::Sha256 => rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
                Hash::Sha384 => rsa::Pkcs1v15Sign::new::<sha2::Sha384>(),
                _ => rsa::Pkcs1v15Sign::new::<sha2::Sha512>(),
            };
            let signature = private.sign(padding, &hashed).unwrap();
            verifies(&key, SignatureScheme::RsaPkcs1(hash), &signature);
            // PKCS#1 v1.5 and PSS are not interchangeable.
            assert!(
                key.verify(SignatureScheme::RsaPss(hash), MESSAGE, &signature)
                    .is_err()
            );

            let mut rng = CountingRng(1);
            let signature = match hash {
                Hash::Sha256 => {
                    private.sign_with_rng(&mut rng, rsa::Pss::<sha2::Sha256>::new(), &hashed)
                }
                Hash::Sha384 => {
                    private.sign_with_rng(&mut rng, rsa::Pss::<sha2::Sha384>::new(), &hashed)
                }
                _ => private.sign_with_rng(&mut rng, rsa::Pss::<sha2::Sha512>::new(), &hashed),
            }
            .unwrap();
            verifies(&key, SignatureScheme::RsaPss(hash), &signature);
        }
        let e = key
            .verify(
                SignatureScheme::Ecdsa {
                    hash: Hash::Sha256,
                    der: false,
                },
                MESSAGE,
                &[0; 64],
            )
            .unwrap_err();
        assert_eq!(e.code(), "x509.wrong_key_type");
        assert_eq!(
            e.to_string(),
            "the key (RSA 2048) cannot verify ES256 signatures"
        );
    }

    #[test]
    fn jws_p256() {
        use p256::ecdsa::signature::Signer;
        use p256::ecdsa::signature::hazmat::PrehashSigner;
        use p256::pkcs8::DecodePrivateKey;
        let seal = test_pki::eseal(TestKey::P256);
        let private = p256::ecdsa::SigningKey::from_pkcs8_pem(seal.key_pem).unwrap();
        let key = seal.certificate().public_key().unwrap();
        assert_eq!((key.kind(), key.bits()), (KeyKind::P256, 256));

        let fixed: p256::ecdsa::Signature = private.sign(MESSAGE);
        let es256 = SignatureScheme::from_jws_alg("ES256").unwrap();
        assert_eq!(fixed.to_bytes().len(), 64);
        verifies(&key, es256, &fixed.to_bytes());
        let der: p256::ecdsa::DerSignature = private.sign(MESSAGE);
        verifies(
            &key,
            SignatureScheme::Ecdsa {
                hash: Hash::Sha256,
                der: true,
            },
            der.as_bytes(),
        );
        // The two encodings are not interchangeable.
        assert!(key.verify(es256, MESSAGE, der.as_bytes()).is_err());
        // Another hash with the same curve (as ecdsa-with-SHA384 allows).
        let prehashed: p256::ecdsa::Signature =
            private.sign_prehash(&Hash::Sha384.digest(MESSAGE)).unwrap();
        verifies(
            &key,
            SignatureScheme::Ecdsa {
                hash: Hash::Sha384,
                der: false,
            },
            &prehashed.to_bytes(),
        );

        assert_eq!(
            key.verify(
                SignatureScheme::RsaPkcs1(Hash::Sha256),
                MESSAGE,
                &fixed.to_bytes()
            )
            .unwrap_err()
            .code(),
            "x509.wrong_key_type"
        );
        // The same key read from its SubjectPublicKeyInfo.
        let again = PublicKey::from_spki_der(seal.certificate().spki_der()).unwrap();
        again.verify(es256, MESSAGE, &fixed.to_bytes()).unwrap();
    }

    #[test]
    fn jws_ed25519() {
        use ed25519_dalek::Signer;
        use ed25519_dalek::pkcs8::DecodePrivateKey;
        let seal = test_pki::eseal(TestKey::Ed25519);
        let private = ed25519_dalek::SigningKey::from_pkcs8_pem(seal.key_pem).unwrap();
        let key = seal.certificate().public_key().unwrap();
        let signature = private.sign(MESSAGE);
        verifies(&key, SignatureScheme::Ed25519, &signature.to_bytes());
        assert_eq!(
            key.verify(
                SignatureScheme::RsaPss(Hash::Sha256),
                MESSAGE,
                &signature.to_bytes()
            )
            .unwrap_err()
            .code(),
            "x509.wrong_key_type"
        );
    }

    /// A synthetic trusted list in the shape of ETSI TS 119 612 (written for this test): a granted
    /// CA/QC service with the test intermediate, a withdrawn one with the untrusted root, a
    /// granted time-stamping service with the test root, and service history that must be
    /// ignored.
    fn trusted_list() -> String {
        let b64 = |cert: &Certificate| {
            let text = STANDARD.encode(cert.der());
            // Line-wrapped, as real lists are.
            text.as_bytes()
                .chunks(76)
                .map(|c| std::str::from_utf8(c).expect("base64 is ASCII"))
                .collect::<Vec<_>>()
                .join("\n          ")
        };
        let intermediate = b64(&test_pki::intermediate_ca());
        let untrusted =
            b64(&Certificate::from_pem(test_pki::UNTRUSTED_ROOT_CA_PEM).expect("test PKI")[0]);
        let root = b64(&test_pki::root_ca());
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<tsl:TrustServiceStatusList xmlns:tsl="http://uri.etsi.org/02231/v2#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" TSLTag="http://uri.etsi.org/19612/TSLTag">
  <tsl:SchemeInformation>
    <tsl:TSLVersionIdentifier>6</tsl:TSLVersionIdentifier>
    <tsl:SchemeTerritory>BE</tsl:SchemeTerritory>
  </tsl:SchemeInformation>
  <tsl:TrustServiceProviderList>
    <tsl:TrustServiceProvider>
      <tsl:TSPInformation><tsl:TSPName><tsl:Name xml:lang="en">Microcred Test Trust Services &amp; Co</tsl:Name></tsl:TSPName></tsl:TSPInformation>
      <tsl:TSPServices>
        <tsl:TSPService>
          <tsl:ServiceInformation>
            <tsl:ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</tsl:ServiceTypeIdentifier>
            <tsl:ServiceName><tsl:Name xml:lang="en">Test qualified eSeal CA</tsl:Name></tsl:ServiceName>
            <tsl:ServiceDigitalIdentity>
              <tsl:DigitalId>
                <tsl:X509Certificate>
          {intermediate}
                </tsl:X509Certificate>
              </tsl:DigitalId>
              <tsl:DigitalId><tsl:X509SubjectName>CN=Microcred Test Qualified eSeal CA</tsl:X509SubjectName></tsl:DigitalId>
            </tsl:ServiceDigitalIdentity>
            <tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted</tsl:ServiceStatus>
            <tsl:StatusStartingTime>2024-01-01T00:00:00Z</tsl:StatusStartingTime>
          </tsl:ServiceInformation>
          <tsl:ServiceHistory>
            <tsl:ServiceHistoryInstance>
              <tsl:ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</tsl:ServiceTypeIdentifier>
              <tsl:ServiceDigitalIdentity><tsl:DigitalId><tsl:X509Certificate>{untrusted}</tsl:X509Certificate></tsl:DigitalId></tsl:ServiceDigitalIdentity>
              <tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted</tsl:ServiceStatus>
            </tsl:ServiceHistoryInstance>
          </tsl:ServiceHistory>
        </tsl:TSPService>
        <tsl:TSPService>
          <tsl:ServiceInformation>
            <tsl:ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</tsl:ServiceTypeIdentifier>
            <tsl:ServiceDigitalIdentity><tsl:DigitalId><tsl:X509Certificate>{untrusted}</tsl:X509Certificate></tsl:DigitalId></tsl:ServiceDigitalIdentity>
            <tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn</tsl:ServiceStatus>
          </tsl:ServiceInformation>
        </tsl:TSPService>
        <tsl:TSPService>
          <tsl:ServiceInformation>
            <tsl:ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST</tsl:ServiceTypeIdentifier>
            <tsl:ServiceDigitalIdentity><tsl:DigitalId><tsl:X509Certificate>{root}</tsl:X509Certificate></tsl:DigitalId></tsl:ServiceDigitalIdentity>
            <tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted</tsl:ServiceStatus>
          </tsl:ServiceInformation>
        </tsl:TSPService>
      </tsl:TSPServices>
    </tsl:TrustServiceProvider>
  </tsl:TrustServiceProviderList>
  <ds:Signature Id="not-checked-here"/>
</tsl:TrustServiceStatusList>
"#
        )
    }

    #[test]
    fn trusted_list_anchors() {
        let xml = trusted_list();
        let anchors = TrustAnchors::from_trusted_list_xml(xml.as_bytes()).unwrap();
        assert_eq!(anchors.len(), 1);
        assert_eq!(anchors.certificates()[0], test_pki::intermediate_ca());
        // The granted TSA/QTST service is a time-stamping anchor, which never makes a seal
        // certificate trusted.
        assert_eq!(anchors.timestamping(), [test_pki::root_ca()]);
        assert!(!anchors.contains(&test_pki::root_ca()));
        let tsa = test_pki::tsa(test_pki::TestTsa::Good).chain();
        assert!(
            microcred::x509::validate_timestamping_chain(&tsa[0], &[], &anchors, VALIDATION_TIME)
                .is_trusted()
        );
        assert_eq!(
            validate(&tsa, &anchors, VALIDATION_TIME).code(),
            Some("x509.untrusted_root")
        );
        // A list granting only a time-stamp service is still a list of anchors.
        let tsa_only = xml.replace("Svctype/CA/QC", "Svctype/CA/PKC");
        let tsa_anchors = TrustAnchors::from_trusted_list_xml(tsa_only.as_bytes()).unwrap();
        assert!(tsa_anchors.is_empty());
        assert_eq!(tsa_anchors.timestamping().len(), 1);
        // Merging keeps each kind apart.
        let mut merged = TrustAnchors::new();
        merged.merge(tsa_anchors);
        merged.merge(test_pki::trust_anchors());
        assert_eq!((merged.len(), merged.timestamping().len()), (1, 1));
        match validate(&chain_of(TestKey::P256), &anchors, VALIDATION_TIME) {
            ChainOutcome::Trusted { path } => assert_eq!(path.len(), 2),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            validate(&chain_of(TestKey::Untrusted), &anchors, VALIDATION_TIME).code(),
            Some("x509.untrusted_root")
        );

        // The same list with a default namespace instead of a prefix.
        let unprefixed = xml.replace("tsl:", "").replace("xmlns:tsl=", "xmlns=");
        assert_eq!(
            TrustAnchors::from_trusted_list_xml(unprefixed.as_bytes())
                .unwrap()
                .len(),
            1
        );
        // Elements in another namespace do not count.
        let foreign = xml.replace("http://uri.etsi.org/02231/v2#", "urn:example:not-a-tsl");
        assert_eq!(
            TrustAnchors::from_trusted_list_xml(foreign.as_bytes())
                .unwrap_err()
                .code(),
            "x509.bad_trusted_list"
        );
        // Nothing granted.
        let none = xml.replace("Svcstatus/granted", "Svcstatus/withdrawn");
        assert_eq!(
            TrustAnchors::from_trusted_list_xml(none.as_bytes())
                .unwrap_err()
                .code(),
            "x509.no_certificate"
        );
        // A damaged certificate value in a granted CA/QC service.
        let damaged = xml.replacen("<tsl:X509Certificate>", "<tsl:X509Certificate>AAAA", 1);
        assert_eq!(
            TrustAnchors::from_trusted_list_xml(damaged.as_bytes())
                .unwrap_err()
                .code(),
            "x509.bad_trusted_list"
        );
        // A DTD, even a harmless-looking one, is refused.
        let with_dtd = xml.replacen(
            "<tsl:TrustServiceStatusList",
            "<!DOCTYPE tsl:TrustServiceStatusList [<!ENTITY x \"y\">]>\n<tsl:TrustServiceStatusList",
            1,
        );
        assert_eq!(
            TrustAnchors::from_trusted_list_xml(with_dtd.as_bytes())
                .unwrap_err()
                .code(),
            "x509.trusted_list_dtd"
        );
        // An undefined entity is an error, not an expansion.
        let entity = xml.replacen("&amp; Co", "&x; Co", 1);
        assert_eq!(
            TrustAnchors::from_trusted_list_xml(entity.as_bytes())
                .unwrap_err()
                .code(),
            "x509.bad_trusted_list"
        );
        // Truncated.
        let truncated = &xml.as_bytes()[..xml.len() / 2];
        assert_eq!(
            TrustAnchors::from_trusted_list_xml(truncated)
                .unwrap_err()
                .code(),
            "x509.bad_trusted_list"
        );
    }
}
