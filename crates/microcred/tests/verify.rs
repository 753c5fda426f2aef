//! The Verifier: one ordered report per credential, with EDC check IRIs, statuses and codes.

// Helpers outside #[test] functions state expectations with unwrap too.
#![allow(clippy::unwrap_used)]
// The test PKI is behind a feature (the workspace test command turns it on through the CLI).
#![cfg(feature = "test-pki")]

mod shared;

use std::io::Write;

use base64::Engine;
use microcred::jades::{Sealer, signer_from_pem};
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
    let key = test_pki::eseal(TestKey::P256);
    let signer = signer_from_pem(key.key_pem, None).unwrap();
    Sealer::from_pem(key.chain_pem)
        .unwrap()
        .seal(credential, signer.as_ref(), SEALED_AT)
        .unwrap()
        .into_string()
        .into_bytes()
}

fn verifier() -> Verifier {
    Verifier::new(NOW).with_trust_anchors(test_pki::trust_anchors())
}

fn status_of(report: &microcred::verify::Report, kind: CheckKind) -> (Status, &'static str) {
    let check = report.check(kind).unwrap();
    (check.status, check.code)
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
        check.status_iri,
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

    let key = test_pki::eseal(TestKey::Untrusted);
    let signer = signer_from_pem(key.key_pem, None).unwrap();
    let sealed = Sealer::from_pem(key.chain_pem)
        .unwrap()
        .seal(
            &microcred::issue::demo_credential(),
            signer.as_ref(),
            SEALED_AT,
        )
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
fn status_list(purpose: &str, set: &[usize]) -> Vec<u8> {
    let mut bits = vec![0u8; 16 * 1024];
    for &i in set {
        bits[i / 8] |= 0x80 >> (i % 8);
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&bits).unwrap();
    let encoded = format!(
        "u{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(gz.finish().unwrap())
    );
    serde_json::to_vec(&json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "https://university.example/status/1",
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": "did:example:university",
        "credentialSubject": {
            "id": "https://university.example/status/1#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encoded
        }
    }))
    .unwrap()
}

fn with_status(index: u64) -> Vec<u8> {
    let mut credential = microcred::issue::demo_credential();
    credential.credential_status = vec![json!({
        "id": format!("https://university.example/status/1#{index}"),
        "type": "BitstringStatusListEntry",
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
        status_list("revocation", &[42]),
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

#[test]
fn a_data_integrity_proof_is_verified_and_its_did_trusted_on_request() {
    use microcred::proof::{DataIntegrity, Ed25519KeyPair};
    let key = Ed25519KeyPair::from_seed([9; 32]);
    let credential: serde_json::Value =
        serde_json::from_str(&microcred::issue::demo_credential_json()).unwrap();
    let signed = DataIntegrity::new(&key)
        .created(SEALED_AT)
        .sign(&credential)
        .unwrap();
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

    let trusting = Verifier::new(NOW).with_trusted_dids([key.did_key()]);
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
