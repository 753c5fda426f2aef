//! Certificates: the real EC eSeal certificate from the signed samples, the seeded test PKI
//! (feature `test-pki`), chain validation, signature schemes, trusted lists and bad input.

mod shared;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use microcred::x509::{
    Certificate, ChainOutcome, Hash, PublicKey, QcType, SignatureScheme, TrustAnchors,
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
    let envelope: Value = serde_json::from_slice(&bytes).unwrap();
    let signature = &envelope["signatures"][0];
    let protected = URL_SAFE_NO_PAD
        .decode(signature["protected"].as_str().unwrap())
        .unwrap();
    let protected: Value = serde_json::from_slice(&protected).unwrap();
    let unsigned = signature["header"]["etsiU"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            let json = URL_SAFE_NO_PAD.decode(entry.as_str().unwrap()).unwrap();
            serde_json::from_slice(&json).unwrap()
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
        let key = leaf.public_key().unwrap();
        assert!(matches!(key, PublicKey::Rsa(_)));
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
        .map(|c| std::str::from_utf8(c).unwrap())
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
