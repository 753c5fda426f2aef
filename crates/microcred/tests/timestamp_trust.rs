//! Time-stamping authorities: each time-stamp's authority is judged at the time-stamp's time
//! (validity, `id-kp-timeStamping`, revocation from the seal's `rVals`) and chained to the trust
//! anchors; the Verifier reports an authority outside them as undecided and an unfit one as failed.

// Helpers outside #[test] functions state expectations with unwrap too.
#![allow(clippy::unwrap_used)]
// The test PKI is behind a feature (the workspace test command turns it on through the CLI).
#![cfg(feature = "test-pki")]

mod shared;

use microcred::jades::{self, Seal, Sealer, TsaStatus, signer_from_pem};
use microcred::test_pki::{self, TestKey, TestOcspStatus, TestTsa};
use microcred::verify::{CheckKind, Report, Status, TrustPolicy, Verdict, Verifier};
use microcred::x509::{
    Certificate, Crl, RevocationReason, RevocationSource, RevocationStatus, RevocationValues,
    TrustAnchors,
};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const NOW: OffsetDateTime = datetime!(2026-11-23 12:00 UTC);
const SEALED_AT: OffsetDateTime = datetime!(2026-01-15 10:00 UTC);
/// The signature time-stamp, a few seconds after the seal.
const STAMPED_AT: OffsetDateTime = datetime!(2026-01-15 10:00:05 UTC);
const SIGNED: [&str; 2] = [
    "upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld",
    "upstream/elm-repo/json-ld-v3/Sample-CertOfPart-signed.jsonld",
];

fn by_common_name(certs: &[Certificate], name: &str) -> Certificate {
    certs
        .iter()
        .find(|c| c.common_name().as_deref() == Some(name))
        .unwrap()
        .clone()
}

/// The EC samples carry time-stamps of Nowina's test TSA (`good-tsa`, under Nowina's test
/// `root-ca`, both in `xVals`), a CRL of that root (in `rVals`) and an OCSP response about the
/// seal certificate, signed by ANF's delegated responder.
#[test]
fn the_ec_samples_timestamp_authority_is_judged_from_what_the_file_carries() {
    for path in SIGNED {
        let Some(bytes) = shared::shared_file(path) else {
            return;
        };
        let seal = Seal::parse(&bytes).unwrap();
        let timestamps = seal.check_timestamps().unwrap();
        let x_vals = seal.validation_certificates();
        let nowina_root = by_common_name(&x_vals, "root-ca");
        let anf_ca = x_vals
            .iter()
            .find(|c| c.subject_der() == seal.signing_certificate().issuer_der())
            .unwrap()
            .clone();

        let values = seal.revocation_values();
        assert_eq!(values.crls().len(), 1, "{path}");
        assert_eq!(values.ocsp_responses().len(), 1, "{path}");

        // No anchors: every authority is fit at its time, but undecided.
        let checks = seal.check_timestamp_authorities(&timestamps, &TrustAnchors::new());
        let names: Vec<_> = checks.iter().map(|c| c.property).collect();
        assert_eq!(names, ["adoTst", "sigTst", "arcTst"], "{path}");
        for check in &checks {
            assert_eq!(check.status, TsaStatus::Untrusted, "{}", check.detail);
            assert_eq!(check.code, "timestamp.untrusted");
            assert_eq!(check.certificate.common_name().as_deref(), Some("good-tsa"));
            // Not revoked per the root's CRL of 2023-09-26, current at the time-stamp (the TSA
            // certificate has expired since, in 2023: that does not matter).
            match &check.revocation {
                RevocationStatus::Good { source, issued } => {
                    assert_eq!(*source, RevocationSource::Crl);
                    assert_eq!(issued.date(), time::macros::date!(2023 - 09 - 26));
                }
                other => panic!("{other:?}"),
            }
        }

        // Nowina's root as an anchor: trusted at the time-stamps' time (the root expired in 2024).
        let nowina: TrustAnchors = [nowina_root.clone()].into_iter().collect();
        let checks = seal.check_timestamp_authorities(&timestamps, &nowina);
        for check in &checks {
            assert_eq!(check.status, TsaStatus::Trusted, "{}", check.detail);
            assert_eq!(check.code, "timestamp.trusted");
        }
        // The same root as a time-stamping-only anchor serves the authorities, not the seal.
        let mut tsa_only = TrustAnchors::new();
        tsa_only.add_timestamping(nowina_root.clone());
        assert!(
            seal.check_timestamp_authorities(&timestamps, &tsa_only)
                .iter()
                .all(|c| c.status == TsaStatus::Trusted)
        );
        assert!(!seal.chain(&tsa_only).is_trusted());

        // The seal certificate: good per the OCSP response, with or without anchors.
        for anchors in [TrustAnchors::new(), nowina.clone()] {
            match seal.signer_revocation(&seal.chain(&anchors), &anchors) {
                RevocationStatus::Good { source, .. } => assert_eq!(source, RevocationSource::Ocsp),
                other => panic!("{other:?}"),
            }
        }

        // The Verifier: ANF's CA as the only anchor trusts the seal, not the time-stamps.
        let anf: TrustAnchors = [anf_ca.clone()].into_iter().collect();
        let report = Verifier::new(NOW).with_trust_anchors(anf).verify(&bytes);
        let trust = report.check(CheckKind::Trust).unwrap();
        assert_eq!(
            (trust.status, &*trust.code),
            (Status::Indeterminate, "trust.timestamp_untrusted"),
            "{}",
            report.to_json()
        );
        assert_eq!(report.verdict, Verdict::Indeterminate);
        let summary = report.seal.as_ref().unwrap();
        assert!(summary.trusted);
        assert_eq!(summary.timestamps.len(), 3);
        assert!(
            summary
                .timestamps
                .iter()
                .all(|t| t.status == Status::Indeterminate)
        );
        assert!(
            summary
                .certificate_revocation
                .starts_with("not revoked (OCSP"),
            "{}",
            summary.certificate_revocation
        );

        // Both anchors: trusted throughout.
        let both: TrustAnchors = [anf_ca, nowina_root].into_iter().collect();
        let report = Verifier::new(NOW)
            .with_trust_anchors(both.clone())
            .verify(&bytes);
        let trust = report.check(CheckKind::Trust).unwrap();
        assert_eq!(trust.status, Status::Ok, "{}", report.to_json());
        let summary = report.seal.as_ref().unwrap();
        assert!(summary.timestamps.iter().all(|t| t.status == Status::Ok
            && t.code == "timestamp.trusted"
            && t.authority.contains("good-tsa")));
        let verified = jades::verify(&bytes, &both, NOW).unwrap();
        assert!(verified.is_trusted() && verified.timestamps_trusted());
        assert!(verified.revoked_without_proof.is_none());
    }
}

/// The demo credential sealed with the test P-256 eSeal at [`SEALED_AT`].
fn sealed() -> String {
    let key = test_pki::eseal(TestKey::P256);
    let signer = signer_from_pem(key.key_pem, None).unwrap();
    Sealer::from_pem(key.chain_pem)
        .unwrap()
        .seal(
            &microcred::issue::demo_credential(),
            signer.as_ref(),
            SEALED_AT,
        )
        .unwrap()
        .into_string()
}

/// [`sealed`] with a signature time-stamp of `tsa` at `at`, and `crls` in `rVals`.
fn stamped(tsa: TestTsa, at: OffsetDateTime, crls: &[Vec<u8>]) -> String {
    test_pki::add_signature_timestamp(&sealed(), &test_pki::tsa(tsa), at, crls, &[])
}

fn verify(file: &str) -> Report {
    Verifier::new(NOW)
        .with_trust_anchors(test_pki::trust_anchors())
        .verify(file.as_bytes())
}

/// Whether the Verifier's catalogue lists `code`.
fn documented(code: &str) -> bool {
    microcred::verify::CODES.iter().any(|(c, _)| *c == code)
}

fn trust(report: &Report) -> (Status, &str) {
    let check = report.check(CheckKind::Trust).unwrap();
    assert!(documented(&check.code), "{} is not in CODES", check.code);
    (check.status, &*check.code)
}

/// The one time-stamp's summary in a report.
fn stamp(report: &Report) -> (Status, &str, String) {
    let seal = report.seal.as_ref().unwrap();
    assert_eq!(seal.timestamps.len(), 1, "{}", report.to_json());
    let t = &seal.timestamps[0];
    assert_eq!(t.property, "sigTst");
    assert!(documented(&t.code), "{} is not in CODES", t.code);
    (t.status, &*t.code, t.revocation.clone())
}

fn jades_code(file: &str) -> &'static str {
    match jades::verify(file.as_bytes(), &test_pki::trust_anchors(), NOW) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.code(),
    }
}

/// A CRL of the test root, current at [`STAMPED_AT`], revoking `revoked`.
fn root_crl(revoked: &[(Certificate, OffsetDateTime, Option<RevocationReason>)]) -> Vec<u8> {
    test_pki::root_crl(
        revoked,
        datetime!(2026-01-01 0:00 UTC),
        datetime!(2026-02-01 0:00 UTC),
    )
}

#[test]
fn extended_key_usage_is_read() {
    let time_stamping = "1.3.6.1.5.5.7.3.8";
    let good = test_pki::tsa(TestTsa::Good).certificate();
    let eku = good.extended_key_usage().unwrap();
    assert!(eku.critical && eku.allows(time_stamping));
    assert_eq!(eku.purposes.len(), 1);
    let loose = test_pki::tsa(TestTsa::LooseUsage).certificate();
    let eku = loose.extended_key_usage().unwrap();
    assert!(!eku.critical && eku.allows(time_stamping));
    assert_eq!(eku.purposes.len(), 2);
    assert!(
        test_pki::tsa(TestTsa::NoTimestamping)
            .certificate()
            .extended_key_usage()
            .is_none()
    );
    // A critical extended key usage is processed: it does not break chains.
    let chain = test_pki::tsa(TestTsa::Good).chain();
    // A trusted path re-checked at another time: only validity changes the answer.
    let outcome = microcred::x509::validate_timestamping_chain(
        &chain[0],
        &chain[1..],
        &test_pki::trust_anchors(),
        STAMPED_AT,
    );
    let again = microcred::x509::revalidate_at(&outcome, STAMPED_AT + Duration::days(1)).unwrap();
    assert!(again.is_trusted());
    let late = microcred::x509::revalidate_at(&outcome, datetime!(2041-01-01 0:00 UTC)).unwrap();
    assert_eq!(late.code(), Some("x509.not_valid_at_time"));
    let untrusted = microcred::x509::validate_timestamping_chain(
        &chain[0],
        &[],
        &TrustAnchors::new(),
        STAMPED_AT,
    );
    assert!(microcred::x509::revalidate_at(&untrusted, STAMPED_AT).is_none());
    assert!(
        microcred::x509::validate_chain(
            &chain[0],
            &chain[1..],
            &test_pki::trust_anchors(),
            STAMPED_AT
        )
        .is_trusted()
    );
}

#[test]
fn a_timestamp_from_a_trusted_authority_is_ok() {
    let file = stamped(TestTsa::Good, STAMPED_AT, &[root_crl(&[])]);
    let report = verify(&file);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_json());
    assert_eq!(trust(&report), (Status::Ok, "trust.qualified"));
    let (status, code, revocation) = stamp(&report);
    assert_eq!((status, code), (Status::Ok, "timestamp.trusted"));
    assert!(
        revocation.starts_with("not revoked (CRL issued 2026-01-01"),
        "{revocation}"
    );
    let seal = report.seal.as_ref().unwrap();
    assert_eq!(seal.level, "B-LT");
    assert_eq!(
        seal.timestamps[0].authority,
        "CN=Microcred Test TSA,O=Microcred Test PKI,C=BE"
    );
    assert_eq!(seal.timestamps[0].time, "2026-01-15T10:00:05Z");
    // The seal certificate's issuer has no CRL in the file.
    assert!(
        seal.certificate_revocation.starts_with("not checked"),
        "{}",
        seal.certificate_revocation
    );

    let verified = jades::verify(file.as_bytes(), &test_pki::trust_anchors(), NOW).unwrap();
    assert!(verified.timestamps_trusted());
    let check = &verified.timestamp_authorities[0];
    assert_eq!(check.status, TsaStatus::Trusted);
    assert_eq!(
        check.certificate,
        test_pki::tsa(TestTsa::Good).certificate()
    );
    assert!(check.chain.is_trusted());

    // Without rVals the authority is still trusted; its revocation is not checked.
    let report = verify(&stamped(TestTsa::Good, STAMPED_AT, &[]));
    assert_eq!(trust(&report), (Status::Ok, "trust.qualified"));
    let (_, code, revocation) = stamp(&report);
    assert_eq!(code, "timestamp.trusted");
    assert!(revocation.starts_with("not checked"), "{revocation}");
}

#[test]
fn an_authority_outside_the_anchors_leaves_the_report_undecided() {
    let file = stamped(TestTsa::Untrusted, STAMPED_AT, &[]);
    let report = verify(&file);
    assert_eq!(
        report.verdict,
        Verdict::Indeterminate,
        "{}",
        report.to_json()
    );
    assert_eq!(
        trust(&report),
        (Status::Indeterminate, "trust.timestamp_untrusted")
    );
    assert_eq!(report.check(CheckKind::Seal).unwrap().status, Status::Ok);
    let (status, code, _) = stamp(&report);
    assert_eq!(
        (status, code),
        (Status::Indeterminate, "timestamp.untrusted")
    );
    // The later checks still run.
    assert_eq!(report.check(CheckKind::Expiry).unwrap().status, Status::Ok);
    // A strict verifier fails it, as it fails an untrusted seal certificate.
    let strict = Verifier::new(NOW)
        .with_trust_anchors(test_pki::trust_anchors())
        .with_trust_policy(TrustPolicy::Strict)
        .verify(file.as_bytes());
    assert_eq!(strict.verdict, Verdict::Invalid);
    assert_eq!(
        trust(&strict),
        (Status::Failed, "trust.timestamp_untrusted")
    );
    // Not an error of the one-call verification: the outcome says it.
    let verified = jades::verify(file.as_bytes(), &test_pki::trust_anchors(), NOW).unwrap();
    assert!(verified.is_trusted() && !verified.timestamps_trusted());
    assert_eq!(
        verified.timestamp_authorities[0].chain.code(),
        Some("x509.untrusted_root")
    );

    // Trusting the other root for time-stamps only makes it trusted again.
    let mut anchors = test_pki::trust_anchors();
    anchors.add_timestamping(
        Certificate::from_pem(test_pki::UNTRUSTED_ROOT_CA_PEM).unwrap()[0].clone(),
    );
    let report = Verifier::new(NOW)
        .with_trust_anchors(anchors)
        .verify(file.as_bytes());
    assert_eq!(trust(&report), (Status::Ok, "trust.qualified"));
}

#[test]
fn an_authority_unfit_at_the_timestamps_time_fails() {
    for (tsa, at, code, trust_code) in [
        (
            TestTsa::Expired,
            STAMPED_AT,
            "timestamp.tsa_expired",
            "trust.timestamp_expired",
        ),
        (
            TestTsa::Good,
            datetime!(2023-12-31 23:59 UTC),
            "timestamp.tsa_not_yet_valid",
            "trust.timestamp_not_yet_valid",
        ),
        (
            TestTsa::NoTimestamping,
            STAMPED_AT,
            "timestamp.tsa_usage",
            "trust.timestamp_usage",
        ),
        (
            TestTsa::LooseUsage,
            STAMPED_AT,
            "timestamp.tsa_usage",
            "trust.timestamp_usage",
        ),
        (
            TestTsa::Forged,
            STAMPED_AT,
            "timestamp.invalid_chain",
            "trust.timestamp_invalid_chain",
        ),
    ] {
        let file = stamped(tsa, at, &[]);
        let report = verify(&file);
        assert_eq!(
            report.verdict,
            Verdict::Invalid,
            "{tsa:?}: {}",
            report.to_json()
        );
        assert_eq!(trust(&report), (Status::Failed, trust_code), "{tsa:?}");
        // The signature holds: the seal check is fine, the trust check says why it fails.
        assert_eq!(report.check(CheckKind::Seal).unwrap().status, Status::Ok);
        assert!(
            report
                .check(CheckKind::Trust)
                .unwrap()
                .message
                .contains("sigTst")
        );
        let (status, stamp_code, _) = stamp(&report);
        assert_eq!((status, stamp_code), (Status::Failed, code), "{tsa:?}");
        assert_eq!(jades_code(&file), "seal.timestamp_authority", "{tsa:?}");
        let seal = Seal::parse(file.as_bytes()).unwrap();
        let checks = seal
            .check_timestamp_authorities(&seal.check_timestamps().unwrap(), &TrustAnchors::new());
        if tsa != TestTsa::Forged {
            assert_eq!(checks[0].code, code, "{tsa:?}: without anchors too");
        } else {
            // Without an anchor there is no path to find broken: undecided.
            assert_eq!(checks[0].code, "timestamp.untrusted");
        }
    }
}

#[test]
fn an_authority_revoked_before_the_timestamp_fails() {
    let tsa = test_pki::tsa(TestTsa::Good).certificate();
    let before = STAMPED_AT - Duration::days(3);
    let after = STAMPED_AT + Duration::days(3);
    let crl = |time, reason| {
        test_pki::root_crl(
            &[(tsa.clone(), time, reason)],
            datetime!(2026-01-01 0:00 UTC),
            datetime!(2026-02-01 0:00 UTC),
        )
    };
    // Revoked before the time-stamp, for whatever reason.
    for reason in [
        None,
        Some(RevocationReason::KeyCompromise),
        Some(RevocationReason::Superseded),
    ] {
        let file = stamped(TestTsa::Good, STAMPED_AT, &[crl(before, reason)]);
        let report = verify(&file);
        assert_eq!(
            trust(&report),
            (Status::Failed, "trust.timestamp_revoked"),
            "{reason:?}"
        );
        let (_, code, revocation) = stamp(&report);
        assert_eq!(code, "timestamp.tsa_revoked");
        assert!(
            revocation.starts_with("revoked on 2026-01-12"),
            "{revocation}"
        );
        assert_eq!(jades_code(&file), "seal.timestamp_authority");
    }
    // Revoked after it: RFC 3161 keeps earlier tokens for a superseded key, not for a compromised
    // one or when no reason is given.
    for (reason, fails) in [
        (Some(RevocationReason::Superseded), false),
        (Some(RevocationReason::CessationOfOperation), false),
        (Some(RevocationReason::KeyCompromise), true),
        (None, true),
    ] {
        let file = stamped(TestTsa::Good, STAMPED_AT, &[crl(after, reason)]);
        let report = verify(&file);
        if fails {
            assert_eq!(
                trust(&report),
                (Status::Failed, "trust.timestamp_revoked"),
                "{reason:?}"
            );
        } else {
            assert_eq!(
                trust(&report),
                (Status::Ok, "trust.qualified"),
                "{reason:?}"
            );
            let (_, code, revocation) = stamp(&report);
            assert_eq!(code, "timestamp.trusted");
            assert!(
                revocation.starts_with("revoked on 2026-01-18"),
                "{revocation}"
            );
        }
    }
}

#[test]
fn revocation_data_counts_only_when_it_verifies_and_is_current() {
    let tsa = test_pki::tsa(TestTsa::Good).certificate();
    let root = test_pki::root_ca();
    let revoking = vec![(tsa.clone(), STAMPED_AT - Duration::days(3), None)];

    // A CRL signed by another key is ignored: not checked, not revoked.
    let forged = test_pki::crl(
        &root,
        test_pki::UNTRUSTED_ROOT_CA_KEY_PEM,
        &revoking,
        datetime!(2026-01-01 0:00 UTC),
        datetime!(2026-02-01 0:00 UTC),
    );
    let report = verify(&stamped(
        TestTsa::Good,
        STAMPED_AT,
        std::slice::from_ref(&forged),
    ));
    assert_eq!(trust(&report), (Status::Ok, "trust.qualified"));
    let (_, code, revocation) = stamp(&report);
    assert_eq!(code, "timestamp.trusted");
    assert!(revocation.contains("does not verify"), "{revocation}");

    let mut values = RevocationValues::new();
    values.add_crl(Crl::from_der(&forged).unwrap());
    assert!(matches!(
        values.status(&tsa, &root, STAMPED_AT, &[]),
        RevocationStatus::NotChecked { .. }
    ));

    // A CRL that was no longer current at the time-stamp says nothing.
    let stale = test_pki::root_crl(
        &[],
        datetime!(2025-11-01 0:00 UTC),
        datetime!(2025-12-01 0:00 UTC),
    );
    let mut values = RevocationValues::new();
    values.add_crl(Crl::from_der(&stale).unwrap());
    match values.status(&tsa, &root, STAMPED_AT, &[]) {
        RevocationStatus::NotChecked { detail } => {
            assert!(detail.contains("no longer current"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
    // One issued after the time-stamp speaks for it.
    let later = test_pki::root_crl(
        &[],
        datetime!(2026-03-01 0:00 UTC),
        datetime!(2026-04-01 0:00 UTC),
    );
    let mut values = RevocationValues::new();
    values.add_crl(Crl::from_der(&later).unwrap());
    assert!(matches!(
        values.status(&tsa, &root, STAMPED_AT, &[]),
        RevocationStatus::Good {
            source: RevocationSource::Crl,
            ..
        }
    ));
    // A CRL of another issuer does not cover the certificate.
    let other = test_pki::intermediate_crl(
        &[],
        datetime!(2026-01-01 0:00 UTC),
        datetime!(2026-02-01 0:00 UTC),
    );
    let mut values = RevocationValues::new();
    values.add_crl(Crl::from_der(&other).unwrap());
    assert!(matches!(
        values.status(&tsa, &root, STAMPED_AT, &[]),
        RevocationStatus::NotChecked { .. }
    ));
    // Unreadable revocation values are skipped and said.
    let report = verify(&stamped(
        TestTsa::Good,
        STAMPED_AT,
        &[b"not a CRL".to_vec()],
    ));
    assert_eq!(trust(&report), (Status::Ok, "trust.qualified"));
    let (_, _, revocation) = stamp(&report);
    assert!(revocation.contains("could not be read"), "{revocation}");
}

#[test]
fn a_seal_certificate_revoked_per_the_seals_revocation_values() {
    let eseal = test_pki::eseal(TestKey::P256).certificate();
    let crl = |time| {
        test_pki::intermediate_crl(
            &[(eseal.clone(), time, Some(RevocationReason::KeyCompromise))],
            datetime!(2026-01-01 0:00 UTC),
            datetime!(2026-03-01 0:00 UTC),
        )
    };
    // Revoked before the seal was made: invalid.
    let file = stamped(
        TestTsa::Good,
        STAMPED_AT,
        &[crl(SEALED_AT - Duration::days(1))],
    );
    let report = verify(&file);
    assert_eq!(
        trust(&report),
        (Status::Failed, "trust.certificate_revoked")
    );
    assert!(
        report
            .seal
            .as_ref()
            .unwrap()
            .certificate_revocation
            .starts_with("revoked on 2026-01-14"),
        "{}",
        report.to_json()
    );
    assert_eq!(jades_code(&file), "seal.certificate_revoked");

    // Revoked later, and a trusted time-stamp shows the seal existed before: fine.
    let later = SEALED_AT + Duration::days(10);
    let file = stamped(TestTsa::Good, STAMPED_AT, &[crl(later)]);
    let report = verify(&file);
    assert_eq!(
        trust(&report),
        (Status::Ok, "trust.qualified"),
        "{}",
        report.to_json()
    );
    let verified = jades::verify(file.as_bytes(), &test_pki::trust_anchors(), NOW).unwrap();
    assert!(verified.revoked_without_proof.is_none());
    assert!(matches!(
        verified.revocation,
        RevocationStatus::Revoked { .. }
    ));

    // Revoked later, and the only time-stamp's authority is not trusted: undecided.
    let file = stamped(TestTsa::Untrusted, STAMPED_AT, &[crl(later)]);
    let report = verify(&file);
    assert_eq!(
        trust(&report),
        (Status::Indeterminate, "trust.certificate_revoked_no_poe")
    );
    let verified = jades::verify(file.as_bytes(), &test_pki::trust_anchors(), NOW).unwrap();
    assert_eq!(
        verified.revoked_without_proof.as_ref().map(|r| r.code()),
        Some("trust.certificate_revoked_no_poe")
    );
}

#[test]
fn ocsp_responses_in_the_seal_count_too() {
    let tsa = test_pki::tsa(TestTsa::Good).certificate();
    let root = test_pki::root_ca();
    let response = |status| {
        test_pki::ocsp_response(
            &tsa,
            &root,
            test_pki::ROOT_CA_KEY_PEM,
            status,
            datetime!(2026-01-15 9:00 UTC),
            datetime!(2026-01-22 9:00 UTC),
        )
    };
    let with = |status| {
        test_pki::add_signature_timestamp(
            &sealed(),
            &test_pki::tsa(TestTsa::Good),
            STAMPED_AT,
            &[],
            &[response(status)],
        )
    };
    let report = verify(&with(TestOcspStatus::Good));
    assert_eq!(trust(&report), (Status::Ok, "trust.qualified"));
    let (_, code, revocation) = stamp(&report);
    assert_eq!(code, "timestamp.trusted");
    assert!(revocation.starts_with("not revoked (OCSP"), "{revocation}");

    let revoked = TestOcspStatus::Revoked(
        datetime!(2026-01-10 0:00 UTC),
        Some(RevocationReason::KeyCompromise),
    );
    let file = with(revoked);
    let report = verify(&file);
    assert_eq!(trust(&report), (Status::Failed, "trust.timestamp_revoked"));
    let (_, _, revocation) = stamp(&report);
    assert!(
        revocation.starts_with("revoked on 2026-01-10T00:00:00Z (OCSP, reason keyCompromise)"),
        "{revocation}"
    );

    // A response about another certificate, or signed by a key that is not the issuer's, does
    // not count.
    let mut values = RevocationValues::new();
    values.add_ocsp(
        microcred::x509::OcspResponse::from_der(&test_pki::ocsp_response(
            &tsa,
            &root,
            test_pki::UNTRUSTED_ROOT_CA_KEY_PEM,
            revoked,
            datetime!(2026-01-15 9:00 UTC),
            datetime!(2026-01-22 9:00 UTC),
        ))
        .unwrap(),
    );
    values.add_ocsp(
        microcred::x509::OcspResponse::from_der(&test_pki::ocsp_response(
            &test_pki::tsa(TestTsa::Expired).certificate(),
            &root,
            test_pki::ROOT_CA_KEY_PEM,
            revoked,
            datetime!(2026-01-15 9:00 UTC),
            datetime!(2026-01-22 9:00 UTC),
        ))
        .unwrap(),
    );
    match values.status(&tsa, &root, STAMPED_AT, &[]) {
        RevocationStatus::NotChecked { detail } => {
            assert!(detail.contains("does not verify"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
}
