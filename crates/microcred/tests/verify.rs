//! The Verifier: one ordered report per credential, with EDC check IRIs, statuses and codes.

// Helpers outside #[test] functions state expectations with unwrap too.
#![allow(clippy::unwrap_used)]
// The test PKI is behind a feature (the workspace test command turns it on through the CLI).
#![cfg(feature = "test-pki")]

mod shared;

use std::io::Write;

use base64::Engine;
use microcred::model::{Accreditation, EuropeanDigitalCredential};
use microcred::status::StaticFetcher;
use microcred::test_pki::{self, TestKey};
use microcred::verify::{
    AccreditationSource, AccreditationStatus, CheckKind, Owner, Securing, Status, TrustPolicy,
    Verdict, Verifier,
};
use serde_json::json;
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-23 12:00 UTC);
const SEALED_AT: OffsetDateTime = datetime!(2026-01-15 10:00 UTC);

fn seal(credential: &EuropeanDigitalCredential) -> Vec<u8> {
    test_pki::eseal(TestKey::P256)
        .seal(credential, SEALED_AT)
        .unwrap()
        .into_string()
        .into_bytes()
}

fn verifier() -> Verifier {
    Verifier::new(NOW).with_trust_anchors(test_pki::trust_anchors())
}

fn status_of(report: &microcred::verify::Report, kind: CheckKind) -> (Status, &str) {
    let check = report.check(kind).unwrap();
    (check.status, &*check.code)
}

#[test]
fn a_credential_sealed_with_the_test_pki_is_valid_and_qualified() {
    let report = verifier().verify(&seal(&microcred::issue::demo_credential()));
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_json());
    assert_eq!(report.securing, Securing::Jades);
    let kinds: Vec<_> = report.checks.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            CheckKind::Format,
            CheckKind::MicroCredential,
            CheckKind::Seal,
            CheckKind::Trust,
            CheckKind::Expiry,
            CheckKind::Revocation,
            CheckKind::Accreditation,
            CheckKind::Owner,
        ]
    );
    assert_eq!(status_of(&report, CheckKind::Seal), (Status::Ok, "seal.ok"));
    assert_eq!(
        status_of(&report, CheckKind::Trust),
        (Status::Ok, "trust.qualified")
    );
    assert_eq!(
        status_of(&report, CheckKind::MicroCredential),
        (Status::Ok, "micro_credential.complete")
    );
    assert_eq!(
        status_of(&report, CheckKind::Revocation),
        (Status::Skipped, "revocation.no_status")
    );
    assert_eq!(
        status_of(&report, CheckKind::Accreditation),
        (Status::Ok, "accreditation.ok")
    );
    let seal = report.seal.as_ref().unwrap();
    assert!(seal.qualified && seal.trusted);
    assert_eq!(seal.level, "B-B");
    assert_eq!(report.issuer.as_deref(), Some("Microcred Test University"));

    let check = report.check(CheckKind::Seal).unwrap();
    assert_eq!(
        check.iri.as_deref(),
        Some("http://data.europa.eu/snb/verification/f9c2016fe9")
    );
    assert_eq!(
        check.status_iri.as_deref(),
        Some("http://data.europa.eu/snb/verification/9895008394")
    );
    // The report never carries the learner's data.
    let json = report.to_json();
    for personal in ["Ada", "ada.example", "2000-02-29", "S0000001"] {
        assert!(!json.contains(personal), "{personal}");
    }
}

#[test]
fn the_ec_samples_verify_but_their_issuer_is_undecided_without_anchors() {
    for name in [
        "Sample-MC-Annex1-signed.jsonld",
        "Sample-CertOfPart-signed.jsonld",
    ] {
        let Some(bytes) = shared::shared_file(&format!("upstream/elm-repo/json-ld-v3/{name}"))
        else {
            return;
        };
        let report = Verifier::new(NOW).verify(&bytes);
        assert_eq!(
            report.verdict,
            Verdict::Indeterminate,
            "{name}: {}",
            report.to_json()
        );
        assert_eq!(status_of(&report, CheckKind::Seal), (Status::Ok, "seal.ok"));
        assert_eq!(
            status_of(&report, CheckKind::Format),
            (Status::Ok, "format.ok")
        );
        assert_eq!(
            status_of(&report, CheckKind::Trust),
            (Status::Indeterminate, "trust.no_trust_anchor")
        );
        let seal = report.seal.as_ref().unwrap();
        assert_eq!(seal.level, "B-LTA");
        assert_eq!(seal.algorithm, "RS256");
        assert_eq!(seal.signing_time.get(..10), Some("2023-09-27"));
        // The seal certificate expired in 2025, after the seal was made: still fine.
        assert!(
            report
                .check(CheckKind::Seal)
                .unwrap()
                .message
                .contains("expired since")
        );

        // The MC sample lacks the quality-assurance element: a warning, not a failure.
        if name.starts_with("Sample-MC") {
            let mc = report.check(CheckKind::MicroCredential).unwrap();
            assert_eq!((mc.status, mc.advisory), (Status::Failed, true));
            assert!(
                mc.findings
                    .iter()
                    .any(|f| f.code == "mc.missing.quality_assurance")
            );
        }

        let strict = Verifier::new(NOW)
            .with_trust_policy(TrustPolicy::Strict)
            .verify(&bytes);
        assert_eq!(strict.verdict, Verdict::Invalid);
    }
}

/// Read as ELM 3.2, the EC's sealed micro-credential verifies the same; the format check adds
/// where the versions differ (its `nationalID`), as information.
#[test]
fn a_verifier_set_to_elm_3_2_reports_the_version_differences_without_failing() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld")
    else {
        return;
    };
    let plain = Verifier::new(NOW).verify(&bytes);
    let v3_2 = Verifier::new(NOW)
        .with_elm_version(microcred::terms::ElmVersion::V3_2)
        .verify(&bytes);
    assert_eq!(v3_2.verdict, plain.verdict);
    let format = v3_2.check(CheckKind::Format).unwrap();
    assert_eq!((format.status, &*format.code), (Status::Ok, "format.ok"));
    let version: Vec<&str> = format
        .findings
        .iter()
        .filter(|f| f.code.starts_with("edc.version."))
        .map(|f| &*f.code)
        .collect();
    assert_eq!(version, ["edc.version.national_id"]);
    assert!(
        plain
            .check(CheckKind::Format)
            .unwrap()
            .findings
            .iter()
            .all(|f| !f.code.starts_with("edc.version.")),
        "the default names no version"
    );
}

/// A Data Integrity proof over an ELM 3.2 credential expands `nationalID` with the 3.2 context:
/// signed under 3.2, it verifies under 3.2 and not under 3.1 (another property, another hash).
#[test]
fn data_integrity_over_an_elm_3_2_credential_uses_the_3_2_context() {
    use microcred::proof::{DataIntegrity, Ed25519KeyPair};
    use microcred::terms::ElmVersion;
    let key = Ed25519KeyPair::from_seed([7; 32]);
    let mut credential = microcred::json::to_value(&microcred::issue::demo_credential());
    credential["credentialSubject"]["nationalID"] = json!({
        "id": "urn:epass:legalIdentifier:77",
        "type": "LegalIdentifier",
        "notation": "X-77",
    });
    let signed = DataIntegrity::new(key.clone())
        .contexts(&microcred::rdf::Contexts::bundled_for(ElmVersion::V3_2))
        .created(SEALED_AT)
        .sign(&credential)
        .unwrap();
    let bytes = serde_json::to_vec(&signed).unwrap();
    let v3_2 = Verifier::new(NOW)
        .with_elm_version(ElmVersion::V3_2)
        .verify(&bytes);
    assert_eq!(status_of(&v3_2, CheckKind::Seal), (Status::Ok, "proof.ok"));
    let v3_1 = Verifier::new(NOW).verify(&bytes);
    assert_eq!(
        status_of(&v3_1, CheckKind::Seal),
        (Status::Failed, "proof.signature_mismatch")
    );
}

#[test]
fn a_tampered_seal_is_invalid_and_later_checks_are_not_reached() {
    let sealed = seal(&microcred::issue::demo_credential());
    let text = String::from_utf8(sealed).unwrap();
    let tampered = text.replacen("Pass", "Fail", 1);
    assert_ne!(text, tampered);
    let report = verifier().verify(tampered.as_bytes());
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(
        status_of(&report, CheckKind::Seal),
        (Status::Failed, "seal.signature_mismatch")
    );
    assert_eq!(
        status_of(&report, CheckKind::Expiry),
        (Status::Skipped, "check.not_reached")
    );
}

#[test]
fn unsealed_unreadable_and_untrusted_inputs() {
    let plain = microcred::issue::demo_credential_json();
    let report = verifier().verify(plain.as_bytes());
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(report.securing, Securing::None);
    assert_eq!(
        status_of(&report, CheckKind::Seal),
        (Status::Failed, "seal.unsealed")
    );

    for (bytes, code) in [
        (&b"{\"payload\""[..], "json.syntax"),
        (b"", "json.syntax"),
        (b"[1, 2]", "json.not_credential"),
    ] {
        let report = verifier().verify(bytes);
        assert_eq!(report.verdict, Verdict::Invalid);
        let format = report.check(CheckKind::Format).unwrap();
        assert_eq!(format.status, Status::Failed);
        assert!(format.code.starts_with("json."), "{}", format.code);
        let _ = code;
    }

    let sealed = test_pki::eseal(TestKey::Untrusted)
        .seal(&microcred::issue::demo_credential(), SEALED_AT)
        .unwrap();
    let report = verifier().verify(sealed.as_str().as_bytes());
    assert_eq!(report.verdict, Verdict::Indeterminate);
    assert_eq!(
        status_of(&report, CheckKind::Trust),
        (Status::Indeterminate, "trust.untrusted_root")
    );
}

#[test]
fn expiry_is_checked_against_the_injected_clock() {
    let mut credential = microcred::issue::demo_credential();
    credential.valid_until = Some("2026-06-30T00:00:00Z".parse().unwrap());
    let sealed = seal(&credential);
    let report = verifier().verify(&sealed);
    assert_eq!(
        status_of(&report, CheckKind::Expiry),
        (Status::Failed, "expiry.expired")
    );
    assert_eq!(
        report.check(CheckKind::Expiry).unwrap().path.as_deref(),
        Some("$.validUntil")
    );
    let earlier = Verifier::new(datetime!(2026-03-01 0:00 UTC))
        .with_trust_anchors(test_pki::trust_anchors())
        .verify(&sealed);
    assert_eq!(earlier.verdict, Verdict::Valid);
}

/// A BitstringStatusList credential with the given bits set.
/// A status list credential of `kind` (`BitstringStatusList` or `StatusList2021`).
fn status_list_of(kind: &str, purpose: &str, set: &[usize]) -> Vec<u8> {
    let mut bits = vec![0u8; 16 * 1024];
    for &i in set {
        bits[i / 8] |= 0x80 >> (i % 8);
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&bits).unwrap();
    let encoded = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(gz.finish().unwrap());
    let (context, encoded) = if kind == "StatusList2021" {
        (
            json!([
                "https://www.w3.org/2018/credentials/v1",
                microcred::rdf::STATUS_LIST_2021_V1
            ]),
            encoded,
        )
    } else {
        (
            json!(["https://www.w3.org/ns/credentials/v2"]),
            format!("u{encoded}"),
        )
    };
    serde_json::to_vec(&json!({
        "@context": context,
        "id": "https://university.example/status/1",
        "type": ["VerifiableCredential", format!("{kind}Credential")],
        "issuer": "did:example:university",
        "credentialSubject": {
            "id": "https://university.example/status/1#list",
            "type": kind,
            "statusPurpose": purpose,
            "encodedList": encoded
        }
    }))
    .unwrap()
}

fn with_status(index: u64) -> Vec<u8> {
    let mut credential = microcred::issue::demo_credential();
    // Under VC 1.1 (what EDC writes) a status entry needs the status list context, or a JSON-LD
    // processor drops it (edc.jsonld.*).
    credential.context = microcred::model::EDC_CONTEXT
        .iter()
        .map(|c| (*c).to_owned())
        .chain([microcred::rdf::STATUS_LIST_2021_V1.to_owned()])
        .collect();
    credential.credential_status = vec![json!({
        "id": format!("https://university.example/status/1#{index}"),
        "type": "StatusList2021Entry",
        "statusPurpose": "revocation",
        "statusListIndex": index.to_string(),
        "statusListCredential": "https://university.example/status/1"
    })];
    seal(&credential)
}

#[test]
fn revocation_goes_through_the_injected_fetcher() {
    let mut fetcher = StaticFetcher::new();
    fetcher.insert(
        "https://university.example/status/1".to_owned(),
        status_list_of("StatusList2021", "revocation", &[42]),
    );
    let verifier = verifier().with_status_fetcher(fetcher);
    let revoked = verifier.verify(&with_status(42));
    assert_eq!(revoked.verdict, Verdict::Invalid);
    assert_eq!(
        status_of(&revoked, CheckKind::Revocation),
        (Status::Failed, "revocation.revoked")
    );
    let fine = verifier.verify(&with_status(43));
    assert_eq!(
        status_of(&fine, CheckKind::Revocation),
        (Status::Ok, "revocation.ok")
    );
    assert_eq!(fine.verdict, Verdict::Valid);

    // No way to reach the list: undecided, never "not revoked".
    let offline = self::verifier().verify(&with_status(43));
    assert_eq!(offline.verdict, Verdict::Indeterminate);
    assert_eq!(
        offline.check(CheckKind::Revocation).unwrap().status,
        Status::Indeterminate
    );
}

struct Register(AccreditationStatus);

impl AccreditationSource for Register {
    fn status(&self, _: &Accreditation) -> AccreditationStatus {
        self.0
    }
}

#[test]
fn accreditations_are_checked_for_dates_scope_and_the_register() {
    let sealed = seal(&microcred::issue::demo_credential());
    let withdrawn = verifier()
        .with_accreditation_source(Register(AccreditationStatus::Withdrawn))
        .verify(&sealed);
    assert_eq!(
        status_of(&withdrawn, CheckKind::Accreditation),
        (Status::Failed, "accreditation.withdrawn")
    );
    let unknown = verifier()
        .with_accreditation_source(Register(AccreditationStatus::Unknown))
        .verify(&sealed);
    assert_eq!(unknown.verdict, Verdict::Indeterminate);
    let confirmed = verifier()
        .with_accreditation_source(Register(AccreditationStatus::Confirmed))
        .verify(&sealed);
    assert_eq!(confirmed.verdict, Verdict::Valid);

    let mut credential = microcred::issue::demo_credential();
    let spec = match &mut credential.credential_subject.as_mut().unwrap().has_claim[0] {
        microcred::model::Claim::Achievement(a) => a.specified_by.as_mut().unwrap(),
        _ => unreachable!(),
    };
    spec.accreditation[0].expiry_date = Some("2025-12-31".parse().unwrap());
    let report = verifier().verify(&seal(&credential));
    assert_eq!(
        status_of(&report, CheckKind::Accreditation),
        (Status::Failed, "accreditation.expired")
    );
}

#[test]
fn the_owner_check_compares_without_echoing() {
    let sealed = seal(&microcred::issue::demo_credential());
    let mine =
        verifier().verify_owned_by(&sealed, &Owner::Email("Ada.Example@learner.example".into()));
    assert_eq!(status_of(&mine, CheckKind::Owner), (Status::Ok, "owner.ok"));
    let theirs = verifier().verify_owned_by(&sealed, &Owner::Email("someone@else.example".into()));
    assert_eq!(
        status_of(&theirs, CheckKind::Owner),
        (Status::Failed, "owner.mismatch")
    );
    assert!(!theirs.to_json().contains("someone@else"));
}

#[test]
fn many_credentials_verify_in_order_with_one_verifier() {
    let good = seal(&microcred::issue::demo_credential());
    let inputs = vec![good.clone(), b"nonsense".to_vec(), good];
    let reports = verifier().verify_many(&inputs);
    let verdicts: Vec<_> = reports.iter().map(|r| r.verdict).collect();
    assert_eq!(verdicts, [Verdict::Valid, Verdict::Invalid, Verdict::Valid]);
}

/// The demo credential with a Data Integrity proof, and the did:key that signed it.
fn di_signed_demo() -> (serde_json::Value, String) {
    use microcred::proof::{DataIntegrity, Ed25519KeyPair};
    let key = Ed25519KeyPair::from_seed([9; 32]);
    let credential: serde_json::Value =
        serde_json::from_str(&microcred::issue::demo_credential_json()).unwrap();
    let signed = DataIntegrity::new(key.clone())
        .created(SEALED_AT)
        .sign(&credential)
        .unwrap();
    (signed, key.did_key())
}

#[test]
fn a_data_integrity_proof_is_verified_and_its_did_trusted_on_request() {
    let (signed, did) = di_signed_demo();
    let bytes = serde_json::to_vec(&signed).unwrap();

    let report = Verifier::new(NOW).verify(&bytes);
    assert_eq!(report.securing, Securing::DataIntegrity);
    assert_eq!(
        status_of(&report, CheckKind::Seal),
        (Status::Ok, "proof.ok")
    );
    assert_eq!(
        status_of(&report, CheckKind::Trust),
        (Status::Indeterminate, "trust.unknown_did")
    );
    assert_eq!(report.verdict, Verdict::Indeterminate);

    let trusting = Verifier::new(NOW).with_trusted_dids([did]);
    let report = trusting.verify(&bytes);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_json());

    let tampered =
        String::from_utf8(bytes)
            .unwrap()
            .replacen("Creating Open", "Creating Closed", 1);
    let report = trusting.verify(tampered.as_bytes());
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(
        status_of(&report, CheckKind::Seal),
        (Status::Failed, "proof.signature_mismatch")
    );
}

#[test]
fn the_format_check_of_a_data_integrity_credential_reads_its_proof_too() {
    let (signed, did) = di_signed_demo();
    let verifier = Verifier::new(NOW).with_trusted_dids([did]);
    // The proof's walk covers the whole document: the format check has nothing to add.
    let report = verifier.verify(&serde_json::to_vec(&signed).unwrap());
    assert_eq!(
        status_of(&report, CheckKind::Format),
        (Status::Ok, "format.ok")
    );
    // A term no context defines, inside the proof: JSON-LD would drop it, so the format check
    // fails on it, as it does on any other member (and the proof no longer holds).
    let mut odd = signed.clone();
    odd["proof"]["undefinedTerm"] = json!("x");
    let report = verifier.verify(&serde_json::to_vec(&odd).unwrap());
    let format = report
        .checks
        .iter()
        .find(|c| c.kind == CheckKind::Format)
        .unwrap();
    assert_eq!(
        (format.status, &*format.code, format.path.as_deref()),
        (
            Status::Failed,
            "edc.jsonld.undefined_term",
            Some("$.proof.undefinedTerm")
        ),
        "{}",
        report.to_json()
    );
    assert_eq!(status_of(&report, CheckKind::Seal).0, Status::Failed);
}

// ---- Any W3C credential, offline contexts, reporting rules, presentations ----

use microcred::proof::{DataIntegrity, Ed25519KeyPair};
use microcred::rdf::Contexts;
use microcred::verify::Report;
use serde_json::Value;

const EXAMPLES_V2: &str = "https://www.w3.org/ns/credentials/examples/v2";

/// Every code in a report (and in the reports of a presentation's credentials) is in the
/// Verifier's catalogue, or comes from an error or finding catalogue of its own.
fn assert_codes_documented(report: &Report) {
    const PASSED_THROUGH: [&str; 8] = [
        "json.", "jsonld.", "jades.", "seal.", "proof.", "rdf.", "edc.", "status.",
    ];
    for check in &report.checks {
        let listed = microcred::verify::CODES
            .iter()
            .any(|(code, _)| *code == check.code);
        assert!(
            listed || PASSED_THROUGH.iter().any(|p| check.code.starts_with(p)),
            "{} is not documented",
            check.code
        );
    }
    for credential in report
        .presentation
        .iter()
        .flat_map(|p| p.credentials.iter())
    {
        assert_codes_documented(credential);
    }
}

/// No check says the integrity is not established while the seal check passed.
fn assert_no_contradiction(report: &Report) {
    if report.check(CheckKind::Seal).map(|c| c.status) == Some(Status::Ok) {
        for check in &report.checks {
            assert!(
                !check.message.contains("integrity is not established"),
                "{}: {}",
                check.code,
                check.message
            );
        }
    }
}

fn checks_of(report: &Report) -> Vec<(CheckKind, Status, &str)> {
    report
        .checks
        .iter()
        .map(|c| (c.kind, c.status, &*c.code))
        .collect()
}

/// A VCDM credential (not EDC) signed with `key`.
fn w3c_credential(key: &Ed25519KeyPair, context: Value, subject: Value) -> Value {
    let credential = json!({
        "@context": context,
        "id": "urn:uuid:3c0d1c9e-6d39-4a0f-8a7e-1b1f8c2d9e40",
        "type": ["VerifiableCredential"],
        "name": "Course completion",
        "issuer": {"id": key.did_key(), "name": "Test University"},
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": subject,
    });
    DataIntegrity::new(key.clone())
        .created(SEALED_AT)
        .sign(&credential)
        .unwrap()
}

#[test]
fn a_w3c_credential_that_is_not_edc_has_its_proof_checked_and_the_edc_checks_skipped() {
    let key = Ed25519KeyPair::from_seed([21; 32]);
    let v2 = w3c_credential(
        &key,
        json!(["https://www.w3.org/ns/credentials/v2"]),
        json!({"id": "did:example:ada"}),
    );
    // VCDM 1.1 has neither `name` nor `validFrom`.
    let v1 = DataIntegrity::new(key.clone())
        .created(SEALED_AT)
        .sign(&json!({
            "@context": ["https://www.w3.org/2018/credentials/v1"],
            "type": ["VerifiableCredential"],
            "issuer": key.did_key(),
            "issuanceDate": "2026-01-01T00:00:00Z",
            "expirationDate": "2030-01-01T00:00:00Z",
            "credentialSubject": {"id": "did:example:ada"},
        }))
        .unwrap();
    for (signed, title, issuer) in [
        (v2, Some("Course completion"), "Test University".to_owned()),
        (v1, None, key.did_key()),
    ] {
        let context = signed["@context"].clone();
        let bytes = serde_json::to_vec(&signed).unwrap();
        let verifier = Verifier::new(NOW).with_trusted_dids([key.did_key()]);
        let report = verifier.verify(&bytes);
        assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_json());
        assert_eq!(report.securing, Securing::DataIntegrity);
        assert_eq!(
            checks_of(&report),
            [
                (CheckKind::Format, Status::Skipped, "format.not_edc"),
                (
                    CheckKind::MicroCredential,
                    Status::Skipped,
                    "micro_credential.not_edc"
                ),
                (CheckKind::Seal, Status::Ok, "proof.ok"),
                (CheckKind::Trust, Status::Ok, "trust.trusted_did"),
                (CheckKind::Expiry, Status::Ok, "expiry.ok"),
                (
                    CheckKind::Revocation,
                    Status::Skipped,
                    "revocation.no_status"
                ),
                (
                    CheckKind::Accreditation,
                    Status::Skipped,
                    "accreditation.not_edc"
                ),
                (CheckKind::Owner, Status::Skipped, "owner.not_requested"),
            ],
            "{context}"
        );
        assert_eq!(report.title.as_deref(), title);
        assert_eq!(report.issuer.as_deref(), Some(issuer.as_str()));
        assert_codes_documented(&report);

        // The owner check reads the subject's id.
        let mine = verifier.verify_owned_by(&bytes, &Owner::Identifier("did:example:ada".into()));
        assert_eq!(status_of(&mine, CheckKind::Owner), (Status::Ok, "owner.ok"));
        let theirs = verifier.verify_owned_by(&bytes, &Owner::Identifier("did:example:bob".into()));
        assert_eq!(
            status_of(&theirs, CheckKind::Owner),
            (Status::Failed, "owner.mismatch")
        );
        assert!(!theirs.to_json().contains("did:example:bob"));
    }
}

#[test]
fn expiry_and_dates_of_a_w3c_credential() {
    let key = Ed25519KeyPair::from_seed([22; 32]);
    let mut credential = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": key.did_key(),
        "validFrom": "2026-01-01T00:00:00Z",
        "validUntil": "2026-06-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:ada"},
    });
    let sign = |c: &Value| {
        serde_json::to_vec(
            &DataIntegrity::new(key.clone())
                .created(SEALED_AT)
                .sign(c)
                .unwrap(),
        )
        .unwrap()
    };
    let report = verifier().verify(&sign(&credential));
    assert_eq!(
        status_of(&report, CheckKind::Expiry),
        (Status::Failed, "expiry.expired")
    );
    credential["validUntil"] = json!("2030-02-30T00:00:00Z");
    let report = verifier().verify(&sign(&credential));
    let expiry = report.check(CheckKind::Expiry).unwrap();
    assert_eq!(
        (expiry.status, &*expiry.code, expiry.path.as_deref()),
        (Status::Failed, "expiry.invalid_date", Some("$.validUntil"))
    );
}

#[test]
fn the_w3c_test_credential_verifies_once_its_context_is_supplied() {
    let Some(bytes) =
        shared::shared_file("conformance/vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json")
    else {
        return;
    };
    // Without the examples context: undecided, naming the URL and how to supply it; never "not
    // a credential".
    let report = Verifier::new(NOW).verify(&bytes);
    assert_eq!(
        report.verdict,
        Verdict::Indeterminate,
        "{}",
        report.to_json()
    );
    let seal = report.check(CheckKind::Seal).unwrap();
    assert_eq!(
        (seal.status, &*seal.code),
        (Status::Indeterminate, "proof.unknown_context")
    );
    assert!(seal.message.contains(EXAMPLES_V2), "{}", seal.message);
    assert!(seal.message.contains("--context"), "{}", seal.message);
    assert_eq!(
        status_of(&report, CheckKind::Format),
        (Status::Skipped, "format.not_edc")
    );
    assert_codes_documented(&report);

    let mut contexts = Contexts::new();
    contexts
        .register(
            EXAMPLES_V2,
            json!({"@context": {"@vocab": "https://www.w3.org/ns/credentials/examples#"}}),
        )
        .unwrap();
    let did = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    let verifier = Verifier::new(NOW)
        .with_contexts(contexts)
        .with_trusted_dids([did.to_owned()]);
    let report = verifier.verify(&bytes);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_json());
    assert_eq!(
        status_of(&report, CheckKind::Seal),
        (Status::Ok, "proof.ok")
    );
    assert_eq!(report.title.as_deref(), Some("Alumni Credential"));

    let mut tampered: Value = serde_json::from_slice(&bytes).unwrap();
    tampered["credentialSubject"]["alumniOf"] = json!("Another School");
    let report = verifier.verify(&serde_json::to_vec(&tampered).unwrap());
    assert_eq!(
        status_of(&report, CheckKind::Seal),
        (Status::Failed, "proof.signature_mismatch")
    );
}

#[test]
fn an_edc_credential_over_an_unknown_context_is_undecided_until_it_is_supplied() {
    const EXTRA: &str = "https://university.example/contexts/extra/v1";
    let mut credential = microcred::issue::demo_credential();
    credential.context.push(EXTRA.to_owned());
    let sealed = seal(&credential);
    let report = verifier().verify(&sealed);
    assert_eq!(
        report.verdict,
        Verdict::Indeterminate,
        "{}",
        report.to_json()
    );
    let format = report.check(CheckKind::Format).unwrap();
    assert_eq!(
        (format.status, &*format.code, format.path.as_deref()),
        (
            Status::Indeterminate,
            "format.unknown_context",
            Some("$.@context[2]")
        )
    );
    assert!(format.message.contains(EXTRA));
    // The seal holds, so the checks that read the credential's JSON run.
    assert_eq!(status_of(&report, CheckKind::Seal), (Status::Ok, "seal.ok"));
    assert_eq!(
        status_of(&report, CheckKind::Expiry),
        (Status::Ok, "expiry.ok")
    );
    assert_eq!(
        status_of(&report, CheckKind::Accreditation),
        (Status::Skipped, "check.model_unreadable")
    );
    assert_no_contradiction(&report);
    assert_codes_documented(&report);

    let mut contexts = Contexts::new();
    contexts
        .register(
            EXTRA,
            json!({"@context": {"note": "https://university.example/vocab#note"}}),
        )
        .unwrap();
    let report = verifier().with_contexts(contexts).verify(&sealed);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_json());
    assert_eq!(
        status_of(&report, CheckKind::Format),
        (Status::Ok, "format.ok")
    );
}

#[test]
fn a_profile_error_fails_the_format_check_with_its_code_and_later_checks_still_run() {
    let mut credential = microcred::issue::demo_credential();
    credential.credential_profiles.clear();
    credential.display_parameter = None;
    let report = verifier().verify(&seal(&credential));
    assert_eq!(report.verdict, Verdict::Invalid);
    let format = report.check(CheckKind::Format).unwrap();
    assert_eq!(format.status, Status::Failed);
    // The first error finding's code and path, with every finding attached.
    let first = format
        .findings
        .iter()
        .find(|f| f.severity == microcred::profile::Severity::Error)
        .unwrap();
    assert_eq!(format.code, first.code);
    assert_eq!(format.path.as_deref(), Some(first.path.as_str()));
    let codes: Vec<&str> = format.findings.iter().map(|f| &*f.code).collect();
    assert!(
        codes.contains(&"edc.missing.credential_profiles"),
        "{codes:?}"
    );
    assert!(
        codes.contains(&"edc.missing.display_parameter"),
        "{codes:?}"
    );
    assert!(!format.message.contains("cannot be read"));
    for kind in [
        CheckKind::Expiry,
        CheckKind::Revocation,
        CheckKind::Accreditation,
        CheckKind::Owner,
    ] {
        assert_ne!(report.check(kind).unwrap().code, "check.not_reached");
    }
    assert_no_contradiction(&report);
    assert_codes_documented(&report);
}

#[test]
fn a_sealed_payload_that_is_no_credential_says_so_without_doubting_the_seal() {
    let sealed = seal_document(&json!({"hello": "world"}));
    let report = verifier().verify(sealed.as_bytes());
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(
        status_of(&report, CheckKind::Format),
        (Status::Failed, "json.not_a_credential")
    );
    assert_eq!(status_of(&report, CheckKind::Seal), (Status::Ok, "seal.ok"));
    assert_no_contradiction(&report);
    assert_codes_documented(&report);
}

/// Seals any JSON document with the test PKI's P-256 eSeal.
fn seal_document(document: &Value) -> String {
    test_pki::eseal(TestKey::P256)
        .seal_json(document, SEALED_AT)
        .unwrap()
}

fn presentation(entries: Value) -> Value {
    json!({
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "id": "urn:uuid:2b7f0d4e-98a1-4c55-8f00-6a3c1d9e7b12",
        "type": ["VerifiablePresentation"],
        "holder": "did:example:ada",
        "verifiableCredential": entries,
    })
}

fn seal_codes(report: &Report) -> Vec<&str> {
    report
        .presentation
        .as_ref()
        .unwrap()
        .credentials
        .iter()
        .map(|r| &*r.check(CheckKind::Seal).unwrap().code)
        .collect()
}

#[test]
fn a_sealed_presentation_has_a_report_per_credential() {
    let demo = microcred::issue::demo_credential();
    let sealed_credential = String::from_utf8(seal(&demo)).unwrap();
    let key = Ed25519KeyPair::from_seed([23; 32]);
    let w3c = w3c_credential(
        &key,
        json!(["https://www.w3.org/ns/credentials/v2"]),
        json!({"id": "did:example:ada"}),
    );
    let entries = json!([
        sealed_credential,
        serde_json::from_str::<Value>(&sealed_credential).unwrap(),
        microcred::json::to_value(&demo),
        w3c,
    ]);
    let sealed = seal_document(&presentation(entries));
    let verifier = verifier().with_trusted_dids([key.did_key()]);
    let report = verifier.verify(sealed.as_bytes());
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_json());
    assert!(report.is_presentation());
    assert_eq!(
        checks_of(&report),
        [
            (CheckKind::Format, Status::Ok, "presentation.ok"),
            (CheckKind::Seal, Status::Ok, "seal.ok"),
            (CheckKind::Trust, Status::Ok, "trust.qualified"),
        ]
    );
    assert!(report.seal.is_some());
    let inner = &report.presentation.as_ref().unwrap();
    assert_eq!(
        inner.id.as_deref(),
        Some("urn:uuid:2b7f0d4e-98a1-4c55-8f00-6a3c1d9e7b12")
    );
    assert_eq!(
        seal_codes(&report),
        ["seal.ok", "seal.ok", "seal.by_presentation", "proof.ok"]
    );
    let securing: Vec<Securing> = inner.credentials.iter().map(|r| r.securing).collect();
    assert_eq!(
        securing,
        [
            Securing::Jades,
            Securing::Jades,
            Securing::Presentation,
            Securing::DataIntegrity
        ]
    );
    for credential in &inner.credentials {
        assert_eq!(
            credential.verdict,
            Verdict::Valid,
            "{}",
            credential.to_json()
        );
        assert!(!credential.is_presentation());
    }
    // The covered credential inherits the presentation's trust, and says whose it is.
    let covered = &inner.credentials[2];
    let trust = covered.check(CheckKind::Trust).unwrap();
    assert_eq!(
        (trust.status, &*trust.code),
        (Status::Ok, "trust.qualified")
    );
    assert!(trust.message.starts_with("the presentation's sealer"));
    assert_codes_documented(&report);

    // The JSON nests the credentials' reports, and holds no learner data.
    let json: Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(
        json["presentation"]["credentials"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(
        json["presentation"]["credentials"][2]["checks"][2]["code"],
        "seal.by_presentation"
    );
    let text = report.to_json();
    for personal in [
        "Ada",
        "ada.example",
        "2000-02-29",
        "S0000001",
        "did:example:ada",
    ] {
        assert!(!text.contains(personal), "{personal}");
    }

    // The owner is checked in every credential.
    let owned = verifier.verify_owned_by(
        sealed.as_bytes(),
        &Owner::Email("ada.example@learner.example".into()),
    );
    let presentation = owned.presentation.unwrap();
    let owners: Vec<_> = presentation
        .credentials
        .iter()
        .map(|r| &*r.check(CheckKind::Owner).unwrap().code)
        .collect();
    assert_eq!(
        owners,
        ["owner.ok", "owner.ok", "owner.ok", "owner.mismatch"]
    );
}

#[test]
fn an_empty_sealed_presentation_is_reported_as_such() {
    let sealed = seal_document(&presentation(json!([])));
    let report = verifier().verify(sealed.as_bytes());
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_json());
    assert_eq!(
        status_of(&report, CheckKind::Format),
        (Status::Ok, "presentation.empty")
    );
    assert!(report.presentation.as_ref().unwrap().credentials.is_empty());
    let json: Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["presentation"]["credentials"], json!([]));
    // No `verifiableCredential` at all is empty too.
    let mut bare = presentation(json!([]));
    bare.as_object_mut().unwrap().remove("verifiableCredential");
    let report = verifier().verify(seal_document(&bare).as_bytes());
    assert_eq!(
        status_of(&report, CheckKind::Format),
        (Status::Ok, "presentation.empty")
    );
}

#[test]
fn a_broken_presentation_seal_fails_what_it_alone_covers() {
    let demo = microcred::issue::demo_credential();
    let sealed_credential = String::from_utf8(seal(&demo)).unwrap();
    let sealed = seal_document(&presentation(json!([
        sealed_credential,
        microcred::json::to_value(&demo),
    ])));
    let tampered = sealed.replacen("2b7f0d4e", "2b7f0d4f", 1);
    assert_ne!(tampered, sealed);
    let report = verifier().verify(tampered.as_bytes());
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(
        status_of(&report, CheckKind::Seal),
        (Status::Failed, "seal.signature_mismatch")
    );
    assert_eq!(seal_codes(&report), ["seal.ok", "seal.presentation_failed"]);
    let credentials = &report.presentation.as_ref().unwrap().credentials;
    assert_eq!(credentials[0].verdict, Verdict::Valid);
    assert_eq!(credentials[1].verdict, Verdict::Invalid);
    assert_eq!(
        status_of(&credentials[1], CheckKind::Expiry),
        (Status::Skipped, "check.not_reached")
    );
    assert_codes_documented(&report);
}

#[test]
fn presentation_entries_of_every_shape() {
    let demo = microcred::issue::demo_credential();
    let entries = json!([
        "eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2lnbmF0dXJl",
        42,
        "https://university.example/credentials/1",
        presentation(json!([])),
        microcred::json::to_string(&demo),
    ]);
    let report = verifier().verify(seal_document(&presentation(entries)).as_bytes());
    let credentials = &report.presentation.as_ref().unwrap().credentials;
    assert_eq!(credentials.len(), 5);
    // A compact JWS (VC-JWT) is not checked here: undecided.
    assert_eq!(
        status_of(&credentials[0], CheckKind::Seal),
        (Status::Indeterminate, "seal.unsupported_jws")
    );
    // A number, a URL and a presentation inside the presentation are no credentials.
    assert_eq!(
        status_of(&credentials[1], CheckKind::Format),
        (Status::Failed, "json.wrong_type")
    );
    for credential in &credentials[2..4] {
        assert_eq!(
            status_of(credential, CheckKind::Format),
            (Status::Failed, "json.not_a_credential")
        );
    }
    // A credential held as a JSON string, covered by the presentation's seal.
    assert_eq!(
        status_of(&credentials[4], CheckKind::Seal),
        (Status::Ok, "seal.by_presentation")
    );
    assert_eq!(credentials[4].verdict, Verdict::Valid);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_codes_documented(&report);
}

#[test]
fn an_unsealed_presentation_vouches_for_nothing() {
    let demo = microcred::issue::demo_credential();
    let sealed_credential = String::from_utf8(seal(&demo)).unwrap();
    let plain = presentation(json!([sealed_credential, microcred::json::to_value(&demo)]));
    let report = verifier().verify(&serde_json::to_vec(&plain).unwrap());
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(report.securing, Securing::None);
    assert_eq!(
        status_of(&report, CheckKind::Seal),
        (Status::Failed, "seal.unsealed")
    );
    assert_eq!(seal_codes(&report), ["seal.ok", "seal.unsealed"]);
    let credentials = &report.presentation.as_ref().unwrap().credentials;
    assert_eq!(credentials[0].verdict, Verdict::Valid);
    assert_codes_documented(&report);
}

#[test]
fn the_edc_jades_presentation_shape_verifies() {
    // EDC's own JAdES test files are presentations like this one: `cty: json` aside, the same
    // shape, sealed with no credential inside.
    let document = json!({
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "holder": "did:ebsi:CT3ZWkGyFyoqiMEQJ4Ntthw2UiN7CdqG5jWog3EskvG3",
        "type": ["VerifiablePresentation"],
        "verifiableCredential": []
    });
    let report = verifier().verify(seal_document(&document).as_bytes());
    assert_eq!(report.verdict, Verdict::Valid);
    assert_eq!(report.securing, Securing::Jades);
    assert!(!report.to_json().contains("CT3ZWkGy"));
}

#[test]
fn a_proof_this_verifier_cannot_check_is_undecided_not_invalid() {
    let key = Ed25519KeyPair::from_seed([24; 32]);
    let signed = w3c_credential(
        &key,
        json!(["https://www.w3.org/ns/credentials/v2"]),
        json!({"id": "did:example:ada"}),
    );
    for (member, value, code) in [
        ("type", json!("Ed25519Signature2020"), "proof.wrong_type"),
        (
            "cryptosuite",
            json!("ecdsa-rdfc-2019"),
            "proof.wrong_cryptosuite",
        ),
        (
            "verificationMethod",
            json!("did:web:university.example#key-1"),
            "proof.unsupported_did",
        ),
    ] {
        let mut other = signed.clone();
        other["proof"][member] = value;
        let report = verifier().verify(&serde_json::to_vec(&other).unwrap());
        assert_eq!(report.verdict, Verdict::Indeterminate, "{code}");
        assert_eq!(
            status_of(&report, CheckKind::Seal),
            (Status::Indeterminate, code)
        );
        assert_codes_documented(&report);
    }
}

#[test]
fn a_flattened_credential_is_recognised_but_not_read() {
    let flattened = json!({
        "@context": ["https://www.w3.org/2018/credentials/v1", microcred::rdf::EDC_AP],
        "@graph": [
            {"id": "urn:epass:person:1", "type": "Person"},
            {"id": "urn:credential:1", "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
             "credentialSubject": "urn:epass:person:1"}
        ]
    });
    let report = verifier().verify(&serde_json::to_vec(&flattened).unwrap());
    assert_eq!(
        status_of(&report, CheckKind::Format),
        (Status::Indeterminate, "format.flattened")
    );
    assert_eq!(
        status_of(&report, CheckKind::Seal),
        (Status::Failed, "seal.unsealed")
    );
    let sealed = seal_document(&flattened);
    let report = verifier().verify(sealed.as_bytes());
    assert_eq!(report.verdict, Verdict::Indeterminate);
    assert_eq!(status_of(&report, CheckKind::Seal), (Status::Ok, "seal.ok"));
    assert_no_contradiction(&report);
    assert_codes_documented(&report);
}
