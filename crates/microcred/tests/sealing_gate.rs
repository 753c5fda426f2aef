//! The sealing gate: what EDC would reject blocks sealing; micro-credential completeness (Annex I)
//! is advisory unless the policy requires a micro-credential.

// Helpers outside #[test] functions state expectations with unwrap too.
#![allow(clippy::unwrap_used)]

mod shared;

use microcred::EuropeanDigitalCredential;
use microcred::profile::{Refusal, SealingCheck, SealingPolicy, Severity, check_for_sealing};
use serde_json::Value;

fn read(bytes: &[u8]) -> EuropeanDigitalCredential {
    microcred::json::Reader::new()
        .read_any_unverified(bytes)
        .unwrap()
        .0
}

/// The demo credential as JSON, edited, read back.
fn edited_demo(edit: impl FnOnce(&mut Value)) -> EuropeanDigitalCredential {
    let mut value = microcred::json::to_value(&microcred::issue::demo_credential());
    edit(&mut value);
    read(&serde_json::to_vec(&value).unwrap())
}

fn codes(check: &SealingCheck, severity: Severity) -> Vec<&str> {
    check
        .findings
        .iter()
        .filter(|f| f.severity == severity)
        .map(|f| &*f.code)
        .collect()
}

#[test]
fn a_micro_credential_from_a_course_template_passes_the_strict_policy() {
    let demo = microcred::issue::demo_credential();
    for policy in [SealingPolicy::edc(), SealingPolicy::micro_credential()] {
        let check = check_for_sealing(&demo, policy);
        assert_eq!(check.refusal, None, "{policy:?}");
        assert!(check.allows_sealing());
        assert_eq!(check.blocking().count(), 0);
        assert_eq!(codes(&check, Severity::Warning), Vec::<&str>::new());
    }
}

#[test]
fn annex_errors_are_warnings_unless_a_micro_credential_is_required() {
    // No quality assurance: complete for EDC, not a micro-credential under Annex I.
    let credential = edited_demo(|v| {
        let spec = &mut v["credentialSubject"]["hasClaim"]["specifiedBy"];
        spec.as_object_mut()
            .unwrap()
            .remove("accreditation")
            .unwrap();
    });
    let lenient = check_for_sealing(&credential, SealingPolicy::edc());
    assert_eq!(lenient.refusal, None);
    assert_eq!(
        codes(&lenient, Severity::Warning),
        ["mc.missing.quality_assurance"]
    );
    assert_eq!(lenient.advisory().count(), lenient.findings.len());

    let strict = check_for_sealing(&credential, SealingPolicy::micro_credential());
    assert_eq!(strict.refusal, Some(Refusal::MicroCredential));
    assert_eq!(
        strict.refusal.map(|r| r.code()),
        Some("seal.refused.micro_credential")
    );
    assert_eq!(
        strict.blocking().map(|f| &*f.code).collect::<Vec<_>>(),
        ["mc.missing.quality_assurance"]
    );
}

#[test]
fn what_edc_rejects_blocks_under_every_policy() {
    // No display parameter: EDC rejects it; the Annex I elements are all there.
    let credential = edited_demo(|v| {
        v.as_object_mut()
            .unwrap()
            .remove("displayParameter")
            .unwrap();
    });
    for policy in [SealingPolicy::edc(), SealingPolicy::micro_credential()] {
        let check = check_for_sealing(&credential, policy);
        assert_eq!(check.refusal, Some(Refusal::EdcProfile), "{policy:?}");
        assert_eq!(
            check.refusal.map(|r| r.code()),
            Some("seal.refused.edc_profile")
        );
        assert_eq!(
            check.blocking().map(|f| &*f.code).collect::<Vec<_>>(),
            ["edc.missing.display_parameter"]
        );
    }
    // Both kinds at once: the EDC refusal wins, and under the strict policy both block.
    let both = edited_demo(|v| {
        v.as_object_mut()
            .unwrap()
            .remove("displayParameter")
            .unwrap();
        let spec = &mut v["credentialSubject"]["hasClaim"]["specifiedBy"];
        spec.as_object_mut()
            .unwrap()
            .remove("accreditation")
            .unwrap();
    });
    let strict = check_for_sealing(&both, SealingPolicy::micro_credential());
    assert_eq!(strict.refusal, Some(Refusal::EdcProfile));
    assert_eq!(strict.blocking().count(), 2);
    let lenient = check_for_sealing(&both, SealingPolicy::edc());
    assert_eq!(lenient.refusal, Some(Refusal::EdcProfile));
    assert_eq!(
        lenient.blocking().map(|f| &*f.code).collect::<Vec<_>>(),
        ["edc.missing.display_parameter"]
    );
}

#[test]
fn what_edc_fills_in_when_sealing_does_not_block() {
    let credential = edited_demo(|v| {
        let map = v.as_object_mut().unwrap();
        map.remove("issuer").unwrap();
        map.remove("issued").unwrap();
    });
    let check = check_for_sealing(&credential, SealingPolicy::micro_credential());
    assert_eq!(check.refusal, None, "{:?}", check.findings);
}

#[test]
fn the_ec_unsigned_samples_may_be_sealed_but_are_not_complete_micro_credentials() {
    let samples: Vec<_> = shared::ec_samples()
        .into_iter()
        .filter(|(name, _)| name.contains("unsigned"))
        .collect();
    if samples.is_empty() {
        return; // shared_file printed why
    }
    for (name, bytes) in samples {
        let credential = read(&bytes);
        let lenient = check_for_sealing(&credential, SealingPolicy::edc());
        assert_eq!(lenient.refusal, None, "{name}: {:?}", lenient.findings);
        // The Annex I gap is shown, as a warning.
        let expected = if name.starts_with("Sample-CertOfPart") {
            "mc.missing.learning_achievement"
        } else {
            "mc.missing.quality_assurance"
        };
        assert!(
            codes(&lenient, Severity::Warning).contains(&expected),
            "{name}: {:?}",
            lenient.findings
        );
        let strict = check_for_sealing(&credential, SealingPolicy::micro_credential());
        assert_eq!(strict.refusal, Some(Refusal::MicroCredential), "{name}");
        assert_eq!(
            strict.blocking().map(|f| &*f.code).collect::<Vec<_>>(),
            [expected],
            "{name}"
        );
    }
}

#[test]
fn refusals_have_distinct_stable_codes_and_serialise_as_them() {
    assert_eq!(Refusal::EdcProfile.code(), "seal.refused.edc_profile");
    assert_eq!(
        Refusal::MicroCredential.code(),
        "seal.refused.micro_credential"
    );
    assert_eq!(
        serde_json::to_value(Refusal::MicroCredential).unwrap(),
        "seal.refused.micro_credential"
    );
    let check = check_for_sealing(&EuropeanDigitalCredential::default(), SealingPolicy::edc());
    let json = serde_json::to_value(&check).unwrap();
    assert_eq!(json["refusal"], "seal.refused.edc_profile");
    assert_eq!(json["policy"]["require_micro_credential"], false);
    // The message names no value from the credential, only the rule.
    assert!(
        Refusal::EdcProfile
            .to_string()
            .contains("seal.refused.edc_profile")
    );
}

#[test]
fn one_organisation_node_with_two_legal_names_is_refused() {
    // What sealing used to write: the issuer renamed in place, on the id the awarding body uses.
    let credential = edited_demo(|v| {
        let body_id = v["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"]["id"].clone();
        v["issuer"]["id"] = body_id;
        v["issuer"]["legalName"] = serde_json::json!({"en": "Another Name"});
    });
    let check = check_for_sealing(&credential, SealingPolicy::edc());
    assert_eq!(check.refusal, Some(Refusal::EdcProfile));
    let blocking: Vec<_> = check
        .blocking()
        .map(|f| (&*f.code, f.path.as_str()))
        .collect();
    assert!(
        blocking.contains(&("edc.conflicting_node", "$.issuer.legalName")),
        "{blocking:?}"
    );
    // Without the second name, the two copies agree again.
    let consistent = edited_demo(|v| {
        let body = v["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"].clone();
        v["issuer"] = body;
    });
    assert_eq!(
        check_for_sealing(&consistent, SealingPolicy::edc()).refusal,
        None
    );
}
