//! Time-stamping authorities: each time-stamp's authority is judged at the time-stamp's time
//! (validity, `id-kp-timeStamping`, revocation from the seal's `rVals`) and chained to the trust
//! anchors; the Verifier reports an authority outside them as undecided and an unfit one as failed.

// Helpers outside #[test] functions state expectations with unwrap too.
#![allow(clippy::unwrap_used)]
// The test PKI is behind a feature (the workspace test command turns it on through the CLI).
#![cfg(feature = "test-pki")]

mod shared;

use microcred::jades::{self, Seal, TsaStatus};
use microcred::verify::{CheckKind, Status, Verdict, Verifier};
use microcred::x509::{Certificate, RevocationSource, RevocationStatus, TrustAnchors};
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-23 12:00 UTC);
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
            (trust.status, trust.code),
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
