//! The code catalogue (`microcred::codes`) against what the crate does:
//!
//! - every code produced by running the shared vectors (reader errors, profile findings,
//!   verification checks and summaries) and by the errors provoked here is catalogued, and so is
//!   every code-shaped literal in the crate's sources;
//! - every catalogued code is produced or asserted by a vector or a test;
//! - `vectors/codes.json` is the catalogue;
//! - verification reports and findings round-trip through serde.

// Helpers outside #[test] functions state expectations with unwrap too.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use microcred::codes::{self, Category};
use microcred::error::code_of;
use microcred::json::Reader;
use microcred::profile::{self, Finding};
use microcred::status::StatusFetcher;
use microcred::{Error, ErrorCode};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read_json(path: &str) -> Value {
    serde_json::from_slice(&std::fs::read(root().join(path)).expect(path)).expect(path)
}

fn catalogued(code: &str) -> bool {
    codes::lookup(code).is_some()
}

/// The files under `dir` (recursively) ending in `.rs`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of a Rust text that look like codes of a catalogued family
/// (`"seal.signature_mismatch"`).
fn code_literals(text: &str) -> BTreeSet<String> {
    let families: BTreeSet<&str> = codes::catalogue()
        .iter()
        .map(|info| info.code.split('.').next().unwrap_or_default())
        .collect();
    let mut found = BTreeSet::new();
    // Every piece between two quotes, not every other one: a `'"'` or a `\"` would shift the
    // parity, and a code-shaped piece (no spaces) between two literals is unlikely.
    for piece in text.split('"') {
        let shaped = piece.contains('.')
            && piece
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
            && !piece.starts_with('.')
            && !piece.ends_with('.');
        if shaped && families.contains(piece.split('.').next().unwrap_or_default()) {
            found.insert(piece.to_owned());
        }
    }
    found
}

/// The `#[cfg(test)] mod ... { ... }` blocks of a source file, from the attribute to the line
/// that closes the module: the sources are formatted by rustfmt, so a module at the top level
/// ends at the first line that is a lone `}` (counting braces would trip on `"{"` literals).
fn test_modules(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("#[cfg(test)]\nmod ").map(|(at, _)| {
        let rest = &text[at..];
        let end = rest.find("\n}\n").map_or(rest.len(), |i| i + 2);
        &rest[..end]
    })
}

/// Literals of a code family's shape that are not codes: JSON paths of proof members, named in
/// `ProofError::Malformed { field }`.
const NOT_CODES: &[&str] = &[
    "proof.created",
    "proof.expires",
    "proof.type",
    "proof.cryptosuite",
];

#[test]
fn every_code_literal_in_the_sources_is_catalogued() {
    let mut files = Vec::new();
    rust_files(&root().join("crates/microcred/src"), &mut files);
    rust_files(&root().join("crates/microcred-cli/src"), &mut files);
    assert!(files.len() > 50, "{} files", files.len());
    let mut missing = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a source file");
        for code in code_literals(&text) {
            if !catalogued(&code) && !NOT_CODES.contains(&code.as_str()) {
                missing.push(format!("{code} ({})", file.display()));
            }
        }
    }
    assert!(missing.is_empty(), "not in the catalogue: {missing:#?}");
}

/// Codes no vector or test produces or asserts, each with the reason.
const UNEXERCISED: &[(&str, &str)] = &[
    (
        "rdf.canon_unsupported",
        "RDFC-1.0 is undefined only for a blank-node predicate, which neither the JSON-LD \
         expansion (safe mode) nor the RDF/XML reader produces",
    ),
    (
        "rdf.graph.model",
        "the tolerant reader keeps a value that does not fit as a stray (the profile check \
         reports it), so no graph reaches the model error today",
    ),
    (
        "seal.serialise",
        "serde_json fails only on map keys that are not strings, which a credential cannot hold",
    ),
    (
        "seal.signer",
        "raised when OpenSSL or an external signer fails; no test signer fails",
    ),
    (
        "seal.timestamp_unreadable",
        "needs a hand-built CMS token without signed attributes; the test authority always \
         writes them",
    ),
    (
        "seal.timestamp_unsupported_algorithm",
        "needs a token signed with an algorithm not checked; the test authority signs with \
         P-256 and SHA-256",
    ),
    (
        "trust.not_qualified",
        "every test PKI eSeal claims to be qualified, so requiring a qualified seal cannot fail \
         with it",
    ),
    (
        "x509.unsupported_algorithm",
        "needs a certificate signed with SHA-1 or a PSS variant; the test PKI has none",
    ),
    (
        "x509.unsupported_critical_extension",
        "needs a certificate with an unknown critical extension; the test PKI has none",
    ),
];

#[test]
fn every_catalogued_code_is_produced_or_asserted_by_a_vector_or_a_test() {
    // The vectors, the integration tests of the core and the CLI, and the unit-test modules of
    // the core (what follows `#[cfg(test)]` in a source file).
    let mut texts = vec![
        std::fs::read_to_string(root().join("vectors/manifest.json")).expect("manifest"),
        std::fs::read_to_string(root().join("vectors/verify.json")).expect("verify.json"),
    ];
    let mut files = Vec::new();
    rust_files(&root().join("crates/microcred/tests"), &mut files);
    rust_files(&root().join("crates/microcred-cli/tests"), &mut files);
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a test file");
        if file.file_name().is_some_and(|n| n == "codes.rs") {
            // This file's own tests, not its list of exemptions.
            let at = text.find(PROVOKED_HERE).expect("the marker");
            texts.push(text[at..].to_owned());
        } else {
            texts.push(text);
        }
    }
    let mut sources = Vec::new();
    rust_files(&root().join("crates/microcred/src"), &mut sources);
    for file in &sources {
        let text = std::fs::read_to_string(file).expect("a source file");
        texts.extend(test_modules(&text).map(str::to_owned));
    }
    let mut exercised = BTreeSet::new();
    for text in &texts {
        exercised.extend(code_literals(text));
    }
    let mut missing = Vec::new();
    for info in codes::catalogue() {
        let exempt = UNEXERCISED.iter().any(|(code, _)| *code == info.code)
            // One code per single-valued property of the model: the code table's unit test ties
            // the family to the model, and the vectors carry members of it.
            || info.code.starts_with("edc.too_many.");
        if !exempt && !exercised.contains(info.code) {
            missing.push(info.code);
        }
    }
    for (code, reason) in UNEXERCISED {
        assert!(catalogued(code), "{code} is exempt but not catalogued");
        assert!(
            !exercised.contains(*code),
            "{code} is exercised now: remove its exemption ({reason})"
        );
    }
    assert!(
        exercised.iter().any(|c| c.starts_with("edc.too_many.")),
        "no vector stands for edc.too_many.*"
    );
    assert!(
        missing.is_empty(),
        "{} catalogued codes no vector or test produces: {missing:#?}",
        missing.len()
    );
}

#[test]
fn codes_json_is_the_catalogue() {
    let committed = std::fs::read_to_string(root().join("vectors/codes.json"))
        .expect("vectors/codes.json is committed");
    assert_eq!(
        committed,
        codes::to_json(),
        "vectors/codes.json is stale: run `cargo run -p microcred-vectors`"
    );
    let json: Value = serde_json::from_str(&committed).expect("JSON");
    let categories: Vec<&str> = json["categories"]
        .as_array()
        .expect("categories")
        .iter()
        .map(|c| c["name"].as_str().expect("name"))
        .collect();
    for code in json["codes"].as_array().expect("codes") {
        let category = code["category"].as_str().expect("category");
        assert!(categories.contains(&category), "{code}");
    }
}

/// The codes of the findings, checks and time-stamp summaries of a report (and of the reports
/// of a presentation's credentials).
#[cfg(feature = "test-pki")]
fn report_codes(report: &microcred::verify::Report, out: &mut BTreeSet<String>) {
    for check in &report.checks {
        out.insert(check.code.to_string());
        out.extend(check.findings.iter().map(|f| f.code.to_string()));
    }
    if let Some(seal) = &report.seal {
        out.extend(seal.timestamps.iter().map(|t| t.code.to_string()));
    }
    if let Some(presentation) = &report.presentation {
        for credential in &presentation.credentials {
            report_codes(credential, out);
        }
    }
}

fn assert_error_catalogued(error: &Error, produced: &mut BTreeSet<String>) {
    produced.insert(error.code().to_owned());
    for (code, _) in error.causes() {
        produced.extend(code.map(str::to_owned));
    }
}

#[test]
fn every_produced_code_is_catalogued() {
    let mut produced = BTreeSet::new();

    // The reader and the profile check over every case of the shared vectors.
    let manifest = read_json("vectors/manifest.json");
    for case in manifest["cases"].as_array().expect("cases") {
        let bytes = std::fs::read(root().join("vectors").join(case["input"].as_str().unwrap()))
            .expect("input");
        let reader = Reader::new();
        match reader.read_any_unverified(&bytes) {
            Err(e) => assert_error_catalogued(&Error::from(e), &mut produced),
            Ok((credential, _)) => {
                for findings in [
                    profile::check(&credential),
                    profile::check_before_sealing(&credential),
                    profile::check_as(&credential, profile::ElmVersion::V3_2),
                ] {
                    produced.extend(findings.iter().map(|f| f.code.to_string()));
                }
            }
        }
        if let Err(e) = reader.read(&bytes) {
            assert_error_catalogued(&Error::from(e), &mut produced);
        }
    }

    // Errors provoked by hand, one or more per error type.
    let errors: Vec<Error> = vec![
        microcred::json::parse(b"{").unwrap_err().into(),
        microcred::json::parse(b"<rdf:RDF/>").unwrap_err().into(),
        microcred::model::DateTime::parse("tomorrow")
            .unwrap_err()
            .into(),
        microcred::xml::from_rdf_xml(b"<a><b></a>")
            .unwrap_err()
            .into(),
        microcred::xml::from_rdf_xml(b"<root/>").unwrap_err().into(),
        microcred::x509::Certificate::from_pem("no PEM here")
            .unwrap_err()
            .into(),
        microcred::jades::Sealer::from_pem("no PEM here")
            .map(|_| ())
            .unwrap_err()
            .into(),
        microcred::jades::Seal::parse(b"{\"payload\": 1}")
            .map(|_| ())
            .unwrap_err()
            .into(),
        microcred::status::parse_list(b"not a list")
            .map(|_| ())
            .unwrap_err()
            .into(),
        microcred::status::StaticFetcher::default()
            .fetch("https://status.example/1")
            .map(|_| ())
            .unwrap_err()
            .into(),
        microcred::proof::verify(
            &serde_json::json!({"type": "x"}),
            &microcred::rdf::Contexts::new(),
        )
        .map(|_| ())
        .unwrap_err()
        .into(),
    ];
    let mut errors = errors;
    errors.extend(
        microcred::issue::LearnerTable::from_csv(b"")
            .map(|_| ())
            .unwrap_err()
            .into_iter()
            .map(Error::from),
    );
    for error in &errors {
        assert_error_catalogued(error, &mut produced);
        assert!(!error.to_string().is_empty());
        assert_eq!(Category::of(error.code()), error.category());
        assert_ne!(error.category(), Category::Check, "{}", error.code());
    }

    // Every verification vector: check codes, their findings, time-stamp summaries.
    #[cfg(feature = "test-pki")]
    for report in verification_reports() {
        report_codes(&report, &mut produced);
    }

    let missing: Vec<&String> = produced.iter().filter(|c| !catalogued(c)).collect();
    assert!(
        missing.is_empty(),
        "produced but not catalogued: {missing:?}"
    );
    assert!(
        produced.len() > 100,
        "only {} codes produced",
        produced.len()
    );
}

#[test]
fn error_sources_carry_their_codes() {
    let error = microcred::jades::Sealer::from_pem("no PEM here")
        .map(|_| ())
        .unwrap_err();
    assert_eq!(error.code(), "seal.chain");
    let source = std::error::Error::source(&error).expect("the certificate error");
    assert_eq!(code_of(source), Some("x509.no_certificate"));
    let error = Error::from(error);
    assert_eq!(error.category(), Category::Seal);
    assert_eq!(ErrorCode::path(&error), None);
    assert_eq!(
        error.causes().first().and_then(|(code, _)| *code),
        Some("x509.no_certificate")
    );
}

/// The report of every case of `vectors/verify.json`.
#[cfg(feature = "test-pki")]
fn verification_reports() -> Vec<microcred::verify::Report> {
    use microcred::verify::Verifier;
    use time::format_description::well_known::Rfc3339;

    let manifest = read_json("vectors/verify.json");
    let clock =
        time::OffsetDateTime::parse(manifest["clock"].as_str().unwrap(), &Rfc3339).expect("clock");
    let anchors = std::fs::read_to_string(
        root()
            .join("vectors")
            .join(manifest["trust_anchors"].as_str().unwrap()),
    )
    .expect("anchors");
    let verifier = Verifier::new(clock)
        .with_trust_anchors(microcred::x509::TrustAnchors::from_pem(&anchors).expect("PEM"));
    manifest["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|case| {
            let input = root().join("vectors").join(case["input"].as_str().unwrap());
            verifier.verify(&std::fs::read(input).expect("input"))
        })
        .collect()
}

#[cfg(feature = "test-pki")]
fn without_learners(report: &microcred::verify::Report) -> microcred::verify::Report {
    let mut report = report.clone();
    report.learner = Default::default();
    for nested in report
        .presentation
        .iter_mut()
        .flat_map(|p| &mut p.credentials)
    {
        nested.learner = Default::default();
    }
    report
}

#[cfg(feature = "test-pki")]
#[test]
fn every_verification_report_round_trips_through_serde() {
    use microcred::verify::Report;

    let reports = verification_reports();
    assert!(reports.len() >= 25);
    let mut with_seal = 0;
    let mut with_findings = 0;
    for report in &reports {
        let json = report.to_json();
        let back: Report = serde_json::from_str(&json).expect("a report reads back");
        // The learner's name is never serialised: the rest reads back whole.
        assert_eq!(back, without_learners(report), "{json}");
        assert_eq!(back.to_json(), json);
        // Codes read back owned, and still compare with literals.
        for (a, b) in back.checks.iter().zip(&report.checks) {
            assert!(matches!(a.code, std::borrow::Cow::Owned(_)));
            assert!(a.code == *b.code);
        }
        with_seal += usize::from(report.seal.is_some());
        with_findings += usize::from(report.checks.iter().any(|c| !c.findings.is_empty()));
    }
    assert!(
        with_seal > 5 && with_findings > 0,
        "{with_seal} {with_findings}"
    );
}

#[test]
fn findings_round_trip_through_serde() {
    let manifest = read_json("vectors/manifest.json");
    let mut count = 0;
    for case in manifest["cases"].as_array().expect("cases") {
        let bytes = std::fs::read(root().join("vectors").join(case["input"].as_str().unwrap()))
            .expect("input");
        if let Ok((credential, _)) = Reader::new().read_any_unverified(&bytes) {
            let findings = profile::check(&credential);
            let json = serde_json::to_string(&findings).expect("JSON");
            let back: Vec<Finding> = serde_json::from_str(&json).expect("findings read back");
            assert_eq!(back, findings);
            count += findings.len();
        }
    }
    assert!(count > 50, "{count}");
}

/// Where the tests of this file that provoke codes begin.
const PROVOKED_HERE: &str = "mod through_the_verifier {";

/// Codes that no other test asserts, each provoked through the Verifier.
#[cfg(feature = "test-pki")]
mod through_the_verifier {
    use microcred::jades::{Sealer, signer_from_pem};
    use microcred::model::{Accreditation, EuropeanDigitalCredential};
    use microcred::test_pki::{self, TestKey};
    use microcred::verify::{
        AccreditationSource, AccreditationStatus, CheckKind, Report, Status, Verifier,
    };
    use serde_json::{Value, json};
    use time::OffsetDateTime;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-23 12:00 UTC);
    const SEALED_AT: OffsetDateTime = datetime!(2026-01-15 10:00 UTC);

    fn seal_with(kind: TestKey, credential: &EuropeanDigitalCredential) -> Vec<u8> {
        test_pki::eseal(kind)
            .seal(credential, SEALED_AT)
            .unwrap()
            .into_string()
            .into_bytes()
    }

    /// The demo credential, edited as JSON.
    fn demo(edit: impl FnOnce(&mut Value)) -> EuropeanDigitalCredential {
        let mut value = microcred::json::to_value(&microcred::issue::demo_credential());
        edit(&mut value);
        microcred::json::parse(&serde_json::to_vec(&value).unwrap()).unwrap()
    }

    fn verifier() -> Verifier {
        Verifier::new(NOW).with_trust_anchors(test_pki::trust_anchors())
    }

    fn outcome(report: &Report, kind: CheckKind) -> (Status, &str) {
        let check = report.check(kind).unwrap();
        (check.status, &*check.code)
    }

    struct Register;

    impl AccreditationSource for Register {
        fn status(&self, _: &Accreditation) -> AccreditationStatus {
            AccreditationStatus::Unknown
        }
    }

    /// Every `accreditation` array of the JSON, wherever it is.
    fn accreditations(value: &mut Value, f: &mut dyn FnMut(&mut Value)) {
        match value {
            Value::Object(map) => {
                for (key, child) in map.iter_mut() {
                    if key == "accreditation" {
                        f(child);
                    } else {
                        accreditations(child, f);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| accreditations(v, f)),
            _ => {}
        }
    }

    #[test]
    fn accreditation_codes() {
        let sealed = seal_with(TestKey::P256, &microcred::issue::demo_credential());
        let report = verifier()
            .with_accreditation_source(Register)
            .verify(&sealed);
        assert_eq!(
            outcome(&report, CheckKind::Accreditation),
            (Status::Indeterminate, "accreditation.unconfirmed")
        );

        let none = demo(|v| accreditations(v, &mut |a| *a = json!([])));
        let report = verifier().verify(&seal_with(TestKey::P256, &none));
        assert_eq!(
            outcome(&report, CheckKind::Accreditation),
            (Status::Skipped, "accreditation.none")
        );

        let elsewhere = demo(|v| {
            accreditations(v, &mut |a| {
                let items: Vec<&mut Value> = match a {
                    Value::Array(items) => items.iter_mut().collect(),
                    single => vec![single],
                };
                for item in items {
                    item["limitEQFLevel"] = json!({
                        "id": "http://data.europa.eu/snb/eqf/1",
                        "type": "Concept",
                        "inScheme": {"id": "http://data.europa.eu/snb/eqf/25831c2", "type": "ConceptScheme"},
                        "prefLabel": {"en": "Level 1"}
                    });
                }
            })
        });
        let report = verifier().verify(&seal_with(TestKey::P256, &elsewhere));
        assert_eq!(
            outcome(&report, CheckKind::Accreditation),
            (Status::Failed, "accreditation.out_of_scope"),
            "{}",
            report.to_json()
        );
    }

    #[test]
    fn expiry_status_micro_credential_and_chain_codes() {
        let later = demo(|v| v["validFrom"] = json!("2030-01-01T00:00:00Z"));
        let report = verifier().verify(&seal_with(TestKey::P256, &later));
        assert_eq!(
            outcome(&report, CheckKind::Expiry),
            (Status::Failed, "expiry.not_yet_valid")
        );

        let mut other = microcred::issue::demo_credential();
        other.credential_status = vec![json!({
            "id": "https://university.example/status/1#4",
            "type": "CredentialStatusOfAnotherKind"
        })];
        let report = verifier().verify(&seal_with(TestKey::P256, &other));
        assert_eq!(
            outcome(&report, CheckKind::Revocation),
            (Status::Indeterminate, "revocation.unsupported_status_type"),
            "{}",
            report.to_json()
        );

        let incomplete = demo(|v| accreditations(v, &mut |a| *a = json!([])));
        let report = verifier().verify(&seal_with(TestKey::P256, &incomplete));
        assert_eq!(
            outcome(&report, CheckKind::MicroCredential),
            (Status::Failed, "micro_credential.incomplete"),
            "{}",
            report.to_json()
        );

        // A broken chain: the Verifier fails the trust check; jades::verify refuses the seal.
        let sealed = seal_with(TestKey::ExpiredCa, &microcred::issue::demo_credential());
        let report = verifier().verify(&sealed);
        assert_eq!(
            outcome(&report, CheckKind::Trust),
            (Status::Failed, "trust.invalid_chain")
        );
        let error = microcred::jades::verify(&sealed, &test_pki::trust_anchors(), NOW)
            .map(|_| ())
            .unwrap_err();
        assert_eq!(error.code(), "seal.invalid_chain");
    }

    /// The sealed file as JSON, its one signature edited.
    fn edit_signature(sealed: &[u8], edit: impl FnOnce(&mut Value)) -> Vec<u8> {
        let mut value: Value = serde_json::from_slice(sealed).unwrap();
        edit(&mut value["signatures"][0]);
        serde_json::to_vec(&value).unwrap()
    }

    fn b64(bytes: &[u8]) -> String {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    }

    #[test]
    fn seal_codes() {
        use base64::Engine;
        let sealed = seal_with(TestKey::P256, &microcred::issue::demo_credential());
        let anchors = test_pki::trust_anchors();

        // An RSA algorithm over a P-256 certificate.
        let rsa = edit_signature(&sealed, |signature| {
            let protected = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(signature["protected"].as_str().unwrap())
                .unwrap();
            let mut header: Value = serde_json::from_slice(&protected).unwrap();
            header["alg"] = json!("RS256");
            signature["protected"] = json!(b64(&serde_json::to_vec(&header).unwrap()));
        });
        let error = microcred::jades::verify(&rsa, &anchors, NOW)
            .map(|_| ())
            .unwrap_err();
        assert_eq!(error.code(), "seal.key_algorithm_mismatch");

        // A signature time-stamp without tokens.
        let stamped = edit_signature(&sealed, |signature| {
            let property = json!({"sigTst": {"tstTokens": []}});
            signature["header"] = json!({"etsiU": [b64(&serde_json::to_vec(&property).unwrap())]});
        });
        let error = microcred::jades::verify(&stamped, &anchors, NOW)
            .map(|_| ())
            .unwrap_err();
        assert_eq!(error.code(), "seal.malformed_timestamp");

        // A time-stamping authority's certificate names no organisation to copy.
        let tsa = test_pki::tsa(test_pki::TestTsa::Good);
        let signer = signer_from_pem(tsa.key_pem, None).unwrap();
        let error = Sealer::from_pem(tsa.chain_pem)
            .unwrap()
            .seal(
                &microcred::issue::demo_credential(),
                signer.as_ref(),
                SEALED_AT,
            )
            .map(|_| ())
            .unwrap_err();
        assert_eq!(error.code(), "seal.certificate_subject");
    }

    #[test]
    fn a_suspended_credential() {
        use std::io::Write;

        let mut bits = vec![0u8; 16 * 1024];
        bits[0] = 0x80 >> 5;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&bits).unwrap();
        let list = serde_json::to_vec(&json!({
            "@context": [
                "https://www.w3.org/2018/credentials/v1",
                microcred::rdf::STATUS_LIST_2021_V1
            ],
            "id": "https://university.example/status/2",
            "type": ["VerifiableCredential", "StatusList2021Credential"],
            "issuer": "did:example:university",
            "credentialSubject": {
                "id": "https://university.example/status/2#list",
                "type": "StatusList2021",
                "statusPurpose": "suspension",
                "encodedList": b64(&gz.finish().unwrap())
            }
        }))
        .unwrap();
        let mut fetcher = microcred::status::StaticFetcher::new();
        fetcher.insert("https://university.example/status/2".to_owned(), list);

        let mut credential = microcred::issue::demo_credential();
        credential.context = microcred::model::EDC_CONTEXT
            .iter()
            .map(|c| (*c).to_owned())
            .chain([microcred::rdf::STATUS_LIST_2021_V1.to_owned()])
            .collect();
        credential.credential_status = vec![json!({
            "id": "https://university.example/status/2#5",
            "type": "StatusList2021Entry",
            "statusPurpose": "suspension",
            "statusListIndex": "5",
            "statusListCredential": "https://university.example/status/2"
        })];
        let report = verifier()
            .with_status_fetcher(fetcher)
            .verify(&seal_with(TestKey::P256, &credential));
        assert_eq!(
            outcome(&report, CheckKind::Revocation),
            (Status::Failed, "revocation.suspended"),
            "{}",
            report.to_json()
        );
    }

    #[test]
    fn a_key_on_another_curve() {
        // SubjectPublicKeyInfo: id-ecPublicKey on secp256k1, which is not verified with.
        let mut der = vec![0x30, 0x56, 0x30, 0x10];
        der.extend([0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]);
        der.extend([0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x0a]);
        der.extend([0x03, 0x42, 0x00, 0x04]);
        der.extend([7u8; 64]);
        let error = microcred::x509::PublicKey::from_spki_der(&der).unwrap_err();
        assert_eq!(error.code(), "x509.unsupported_key");
    }
}

#[test]
fn n_quads_are_named_by_the_reader() {
    let error = microcred::json::parse(b"<urn:a> <urn:b> <urn:c> .\n").unwrap_err();
    assert_eq!(error.code(), "json.nquads");
    assert_eq!(Error::from(error).category(), Category::Parse);
}
