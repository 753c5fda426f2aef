//! The profile check against the EC samples, one deleted element at a time, and against a
//! micro-credential built in code (which runs without `../shared`).

mod shared;

use std::collections::BTreeSet;

use microcred::model::{
    Accreditation, Address, AwardingProcess, Claim, CredentialSchema, CreditPoint, DateTime,
    DisplayDetail, DisplayParameter, EuropeanDigitalCredential, IndividualDisplay, LangMap,
    LearningAchievement, LearningAchievementSpecification, LearningAssessment,
    LearningAssessmentSpecification, LearningOutcome, LegalIdentifier, Location, MediaObject, Note,
    Organisation, Person,
};
use microcred::profile::{self, CODES, Finding, Severity};
use microcred::vocab::{
    AccreditationType, AssessmentType, Country, CredentialType, CreditFramework, Encoding, Eqf,
    FileType, Language, LearningSetting, Mode, Supervision, Vocabulary,
};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Helpers

/// The signed EC micro-credential's payload as JSON, or `None` when `../shared` is absent.
fn signed_mc() -> Option<Value> {
    Some(serde_json::from_str(&shared::signed_mc_payload()?).expect("payload is JSON"))
}

fn parse(value: &Value) -> EuropeanDigitalCredential {
    let bytes = serde_json::to_vec(value).expect("serialises");
    microcred::json::parse(&bytes)
        .unwrap_or_else(|e| panic!("the edited payload no longer parses: {e}"))
}

/// Splits `$.a.b[1].c` into steps.
fn steps(path: &str) -> Vec<Result<String, usize>> {
    if path == "$" {
        return Vec::new();
    }
    let rest = path
        .strip_prefix("$.")
        .unwrap_or_else(|| panic!("{path}: paths start with $."));
    let mut out = Vec::new();
    for part in rest.split('.') {
        let (name, indexes) = part.split_once('[').map_or((part, ""), |(n, i)| (n, i));
        out.push(Ok(name.to_owned()));
        for index in indexes.split('[').filter(|s| !s.is_empty()) {
            out.push(Err(index.trim_end_matches(']').parse().expect("index")));
        }
    }
    out
}

fn at<'v>(value: &'v mut Value, path: &str) -> &'v mut Value {
    steps(path).into_iter().fold(value, |v, step| match step {
        Ok(key) => v
            .get_mut(&key)
            .unwrap_or_else(|| panic!("{path}: no member {key}")),
        Err(i) => v
            .get_mut(i)
            .unwrap_or_else(|| panic!("{path}: no element {i}")),
    })
}

/// Removes the member at `path`, which must exist.
fn remove(value: &mut Value, path: &str) {
    let (parent, last) = path.rsplit_once('.').expect("a member path");
    let object = at(value, parent)
        .as_object_mut()
        .unwrap_or_else(|| panic!("{parent} is not an object"));
    assert!(object.remove(last).is_some(), "{path} is not in the sample");
}

fn errors(findings: &[Finding]) -> BTreeSet<(String, String)> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.code.to_string(), f.path.clone()))
        .collect()
}

fn with_severity(findings: &[Finding], severity: Severity) -> Vec<(&str, &str)> {
    findings
        .iter()
        .filter(|f| f.severity == severity)
        .map(|f| (&*f.code, f.path.as_str()))
        .collect()
}

/// Applies `setup` to the signed payload (the baseline), then `edit`, and asserts that the
/// errors `edit` adds are exactly `expected` (code, path) and that it removes none.
fn assert_new_errors(
    case: &str,
    setup: fn(&mut Value),
    edit: impl FnOnce(&mut Value),
    expected: &[(&str, &str)],
) {
    let Some(mut payload) = signed_mc() else {
        return;
    };
    setup(&mut payload);
    let before = errors(&profile::check(&parse(&payload)));
    edit(&mut payload);
    let after = errors(&profile::check(&parse(&payload)));
    let lost: Vec<_> = before.difference(&after).collect();
    assert!(lost.is_empty(), "{case}: the edit removed errors {lost:?}");
    let added: BTreeSet<_> = after.difference(&before).cloned().collect();
    let expected: BTreeSet<_> = expected
        .iter()
        .map(|(c, p)| ((*c).to_owned(), (*p).to_owned()))
        .collect();
    assert_eq!(added, expected, "{case}: new errors");
}

fn no_setup(_: &mut Value) {}

/// One test per element: delete the listed members (after an optional setup) and expect exactly
/// these new errors.
macro_rules! deleting {
    (@setup) => { no_setup };
    (@setup $setup:ident) => { $setup };
    ($name:ident $(with $setup:ident)?: [$($path:literal),+] => [$($code:literal @ $at:literal),+]) => {
        #[test]
        fn $name() {
            assert_new_errors(
                stringify!($name),
                deleting!(@setup $($setup)?),
                |payload| { $(remove(payload, $path);)+ },
                &[$(($code, $at)),+],
            );
        }
    };
}

const HC: &str = "$.credentialSubject.hasClaim";

/// A complete accreditation, as JSON, with a quality assurance agency.
fn accreditation() -> Value {
    serde_json::to_value(Accreditation {
        id: Some("urn:epass:accreditation:1".into()),
        dc_type: Some(AccreditationType::ProgrammeQualityAssurance.concept()),
        title: LangMap::en("Programme accreditation"),
        accrediting_agent: Some(Box::new(organisation("Quality Agency", "IRL"))),
        ..Default::default()
    })
    .expect("serialises")
}

fn with_accreditation(payload: &mut Value) {
    at(payload, "$.credentialSubject.hasClaim.specifiedBy")["accreditation"] = accreditation();
}

/// A complete entitlement, as JSON, awarded like the achievement.
fn with_entitlement(payload: &mut Value) {
    let awarded_by = at(payload, "$.credentialSubject.hasClaim.awardedBy").clone();
    let concept = |list: &str, code: &str, label: &str| {
        json!({
            "id": format!("http://data.europa.eu/snb/{list}/{code}"),
            "type": "Concept",
            "inScheme": {"id": format!("http://data.europa.eu/snb/{list}/25831c2"), "type": "ConceptScheme"},
            "prefLabel": {"en": label}
        })
    };
    at(payload, HC)["entitlesTo"] = json!({
        "id": "urn:epass:learningEntitlement:1",
        "type": "LearningEntitlement",
        "title": {"en": "Access to the full programme"},
        "awardedBy": awarded_by,
        "specifiedBy": {
            "id": "urn:epass:learningEntitlementSpec:1",
            "type": "LearningEntitlementSpecification",
            "title": {"en": "Admission"},
            "dcType": concept("entitlement", "64aad92881", "learning opportunity"),
            "entitlementStatus": concept("entitlement-status", "5b8d6b34fb", "prospective")
        }
    });
}

// ---------------------------------------------------------------------------------------------
// 1. The signed EC micro-credential

#[test]
fn the_signed_sample_lacks_only_quality_assurance() {
    let Some(payload) = signed_mc() else { return };
    let findings = profile::check(&parse(&payload));
    assert_eq!(
        with_severity(&findings, Severity::Error),
        [(
            "mc.missing.quality_assurance",
            "$.credentialSubject.hasClaim.specifiedBy.accreditation"
        )]
    );
    assert_eq!(with_severity(&findings, Severity::Warning), []);
    assert_eq!(
        with_severity(&findings, Severity::Info),
        [(
            "mc.missing.further_information",
            "$.credentialSubject.hasClaim.additionalNote"
        )]
    );
    assert!(profile::has_errors(&findings));
    assert_eq!(profile::check_edc(&parse(&payload)), []);
}

#[test]
fn findings_serialise_with_a_lowercase_severity_and_no_credential_values() {
    let Some(payload) = signed_mc() else { return };
    let findings = profile::check(&parse(&payload));
    let json = serde_json::to_value(&findings).expect("serialises");
    assert_eq!(json[0]["code"], "mc.missing.quality_assurance");
    assert_eq!(json[0]["severity"], "error");
    assert_eq!(
        json[0]["path"],
        "$.credentialSubject.hasClaim.specifiedBy.accreditation"
    );
    for finding in &findings {
        for personal in [
            "Ana",
            "Andromeda",
            "LA-234218",
            "1999-10-01",
            "Zed",
            "Digital micro-credential",
        ] {
            assert!(!finding.message.contains(personal), "{finding}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Each mandatory Annex I element, deleted

deleting!(learner_identification: [
    "$.credentialSubject.fullName", "$.credentialSubject.givenName", "$.credentialSubject.familyName",
    "$.credentialSubject.nationalID", "$.credentialSubject.dateOfBirth"
] => ["mc.missing.learner_identification" @ "$.credentialSubject"]);

deleting!(title: ["$.credentialSubject.hasClaim.title"] => [
    "mc.missing.title" @ "$.credentialSubject.hasClaim.title",
    "edc.missing.title" @ "$.credentialSubject.hasClaim.title"
]);

deleting!(issuer_country: ["$.credentialSubject.hasClaim.awardedBy.awardingBody.location.address.countryCode"] => [
    "mc.missing.issuer_country" @ "$.credentialSubject.hasClaim.awardedBy.awardingBody.location.address.countryCode",
    "edc.missing.country_code" @ "$.credentialSubject.hasClaim.awardedBy.awardingBody.location.address.countryCode"
]);

deleting!(awarding_body: ["$.credentialSubject.hasClaim.awardedBy.awardingBody"] => [
    "mc.missing.awarding_body" @ "$.credentialSubject.hasClaim.awardedBy.awardingBody",
    "edc.missing.awarding_body" @ "$.credentialSubject.hasClaim.awardedBy.awardingBody"
]);

deleting!(date_of_issuing: ["$.issued"] => [
    "mc.missing.date_of_issuing" @ "$.issued",
    "edc.missing.issued" @ "$.issued"
]);

deleting!(learning_outcomes: ["$.credentialSubject.hasClaim.specifiedBy.learningOutcome"] => [
    "mc.missing.learning_outcomes" @ "$.credentialSubject.hasClaim.specifiedBy.learningOutcome"
]);

deleting!(workload: [
    "$.credentialSubject.hasClaim.specifiedBy.creditPoint", "$.credentialSubject.hasClaim.specifiedBy.volumeOfLearning"
] => ["mc.missing.workload" @ "$.credentialSubject.hasClaim.specifiedBy.creditPoint"]);

deleting!(assessment_type: ["$.credentialSubject.hasClaim.provenBy.specifiedBy.dcType"] => [
    "mc.missing.assessment_type" @ "$.credentialSubject.hasClaim.provenBy.specifiedBy.dcType"
]);

deleting!(form_of_participation: ["$.credentialSubject.hasClaim.specifiedBy.mode"] => [
    "mc.missing.form_of_participation" @ "$.credentialSubject.hasClaim.specifiedBy.mode"
]);

/// Either half of the workload is enough.
#[test]
fn credit_points_or_volume_of_learning_each_give_the_workload() {
    for keep in ["creditPoint", "volumeOfLearning"] {
        let drop = if keep == "creditPoint" {
            "volumeOfLearning"
        } else {
            "creditPoint"
        };
        assert_new_errors(
            keep,
            no_setup,
            |p| {
                remove(
                    p,
                    &format!("$.credentialSubject.hasClaim.specifiedBy.{drop}"),
                )
            },
            &[],
        );
    }
}

/// Level ("if applicable") and learning setting are warnings, the optional elements are infos.
#[test]
fn optional_elements_are_warnings_or_infos() {
    let Some(mut payload) = signed_mc() else {
        return;
    };
    let spec = "$.credentialSubject.hasClaim.specifiedBy";
    for member in [
        "eqfLevel",
        "nqfLevel",
        "learningSetting",
        "entryRequirement",
        "isPartialQualification",
    ] {
        remove(&mut payload, &format!("{spec}.{member}"));
    }
    for member in ["idVerification", "grade"] {
        remove(&mut payload, &format!("{HC}.provenBy.{member}"));
    }
    let findings = profile::check_micro_credential(&parse(&payload));
    assert_eq!(
        with_severity(&findings, Severity::Warning),
        [
            (
                "mc.missing.level",
                "$.credentialSubject.hasClaim.specifiedBy.eqfLevel"
            ),
            (
                "mc.missing.learning_setting",
                "$.credentialSubject.hasClaim.specifiedBy.learningSetting"
            ),
        ]
    );
    assert_eq!(
        with_severity(&findings, Severity::Info),
        [
            (
                "mc.missing.prerequisites",
                "$.credentialSubject.hasClaim.specifiedBy.entryRequirement"
            ),
            (
                "mc.missing.supervision",
                "$.credentialSubject.hasClaim.provenBy.idVerification"
            ),
            (
                "mc.missing.grade",
                "$.credentialSubject.hasClaim.provenBy.grade"
            ),
            (
                "mc.missing.stackability",
                "$.credentialSubject.hasClaim.specifiedBy.isPartialQualification"
            ),
            (
                "mc.missing.further_information",
                "$.credentialSubject.hasClaim.additionalNote"
            ),
        ]
    );
    assert_eq!(
        with_severity(&findings, Severity::Error),
        [(
            "mc.missing.quality_assurance",
            "$.credentialSubject.hasClaim.specifiedBy.accreditation"
        )]
    );
}

// Values that are present but wrong.

#[test]
fn a_credit_point_that_is_not_a_positive_number_is_invalid() {
    for bad in ["two", "0", "-2"] {
        assert_new_errors(
            bad,
            no_setup,
            |p| at(p, "$.credentialSubject.hasClaim.specifiedBy.creditPoint")["point"] = json!(bad),
            &[(
                "mc.invalid.workload",
                "$.credentialSubject.hasClaim.specifiedBy.creditPoint.point",
            )],
        );
    }
    assert_new_errors(
        "2,5",
        no_setup,
        |p| at(p, "$.credentialSubject.hasClaim.specifiedBy.creditPoint")["point"] = json!("2,5"),
        &[],
    );
}

#[test]
fn an_eqf_level_outside_the_eqf_scheme_is_invalid() {
    let expected = [(
        "mc.invalid.level",
        "$.credentialSubject.hasClaim.specifiedBy.eqfLevel",
    )];
    assert_new_errors(
        "level 9",
        no_setup,
        |p| {
            at(p, "$.credentialSubject.hasClaim.specifiedBy.eqfLevel")["id"] =
                json!("http://data.europa.eu/snb/eqf/9")
        },
        &expected,
    );
    assert_new_errors(
        "foreign scheme",
        no_setup,
        |p| {
            at(
                p,
                "$.credentialSubject.hasClaim.specifiedBy.eqfLevel.inScheme",
            )["id"] = json!("http://data.europa.eu/snb/qdr/25831c2")
        },
        &expected,
    );
}

#[test]
fn a_mode_outside_the_three_forms_is_invalid_and_indexed_in_a_list() {
    let Some(mut payload) = signed_mc() else {
        return;
    };
    let spec = at(&mut payload, "$.credentialSubject.hasClaim.specifiedBy");
    let blended = spec["mode"].clone();
    let mut other = blended.clone();
    other["id"] = json!("http://data.europa.eu/snb/learning-assessment/0000000000");
    spec["mode"] = json!([blended, other]);
    let findings = profile::check_micro_credential(&parse(&payload));
    assert!(
        findings
            .iter()
            .any(|f| f.code == "mc.invalid.form_of_participation"
                && f.path == "$.credentialSubject.hasClaim.specifiedBy.mode[1]"
                && f.severity == Severity::Error),
        "{findings:?}"
    );
    assert!(!findings.iter().any(|f| f.path.ends_with("mode[0]")));
}

#[test]
fn a_learning_setting_outside_its_list_is_a_warning() {
    let Some(mut payload) = signed_mc() else {
        return;
    };
    at(
        &mut payload,
        "$.credentialSubject.hasClaim.specifiedBy.learningSetting",
    )["id"] = json!("http://example.org/informal");
    let findings = profile::check_micro_credential(&parse(&payload));
    assert!(with_severity(&findings, Severity::Warning).contains(&(
        "mc.invalid.learning_setting",
        "$.credentialSubject.hasClaim.specifiedBy.learningSetting"
    )));
}

// ---------------------------------------------------------------------------------------------
// 2 (continued). Each EDC element, deleted

deleting!(credential_schema: ["$.credentialSchema"] => ["edc.missing.credential_schema" @ "$.credentialSchema"]);
// Without a subject or claims the quality-assurance error of the baseline goes too, so these
// start from a sample with an accreditation.
deleting!(credential_subject with with_accreditation: ["$.credentialSubject"] => [
    "edc.missing.credential_subject" @ "$.credentialSubject",
    "mc.missing.learning_achievement" @ "$.credentialSubject.hasClaim"
]);
deleting!(issuer: ["$.issuer"] => ["edc.missing.issuer" @ "$.issuer"]);
deleting!(eidas_identifier: ["$.issuer.eIDASIdentifier"] => ["edc.missing.eidas_identifier" @ "$.issuer.eIDASIdentifier"]);
deleting!(valid_from: ["$.validFrom"] => ["edc.missing.valid_from" @ "$.validFrom"]);
deleting!(credential_profiles: ["$.credentialProfiles"] => ["edc.missing.credential_profiles" @ "$.credentialProfiles"]);
deleting!(display_parameter: ["$.displayParameter"] => ["edc.missing.display_parameter" @ "$.displayParameter"]);
deleting!(has_claim with with_accreditation: ["$.credentialSubject.hasClaim"] => [
    "edc.missing.has_claim" @ "$.credentialSubject.hasClaim",
    "mc.missing.learning_achievement" @ "$.credentialSubject.hasClaim"
]);
deleting!(legal_name: ["$.credentialSubject.hasClaim.influencedBy.directedBy.legalName"] => [
    "edc.missing.legal_name" @ "$.credentialSubject.hasClaim.influencedBy.directedBy.legalName"
]);
deleting!(location: ["$.credentialSubject.hasClaim.provenBy.assessedBy.location"] => [
    "edc.missing.location" @ "$.credentialSubject.hasClaim.provenBy.assessedBy.location"
]);
deleting!(location_of_the_awarding_body: ["$.credentialSubject.hasClaim.awardedBy.awardingBody.location"] => [
    "edc.missing.location" @ "$.credentialSubject.hasClaim.awardedBy.awardingBody.location",
    "mc.missing.issuer_country" @ "$.credentialSubject.hasClaim.awardedBy.awardingBody.location.address.countryCode"
]);
deleting!(address: ["$.issuer.location[0].address"] => ["edc.missing.address" @ "$.issuer.location[0].address"]);
deleting!(country_code: ["$.issuer.location[1].address.countryCode"] => [
    "edc.missing.country_code" @ "$.issuer.location[1].address.countryCode"
]);
deleting!(notation: ["$.identifier.notation"] => ["edc.missing.notation" @ "$.identifier.notation"]);
deleting!(legal_identifier_notation: ["$.issuer.eIDASIdentifier.notation"] => [
    "edc.missing.notation" @ "$.issuer.eIDASIdentifier.notation"
]);
deleting!(spatial: ["$.credentialSubject.nationalID.spatial"] => ["edc.missing.spatial" @ "$.credentialSubject.nationalID.spatial"]);
deleting!(pref_label: ["$.issuer.groupMemberOf.prefLabel"] => ["edc.missing.pref_label" @ "$.issuer.groupMemberOf.prefLabel"]);
deleting!(specification_title: ["$.credentialSubject.hasClaim.specifiedBy.title"] => [
    "edc.missing.title" @ "$.credentialSubject.hasClaim.specifiedBy.title"
]);
deleting!(learning_outcome_title: ["$.credentialSubject.hasClaim.specifiedBy.learningOutcome[1].title"] => [
    "edc.missing.title" @ "$.credentialSubject.hasClaim.specifiedBy.learningOutcome[1].title"
]);
deleting!(assessment_title: ["$.credentialSubject.hasClaim.provenBy.title"] => [
    "edc.missing.title" @ "$.credentialSubject.hasClaim.provenBy.title"
]);
deleting!(activity_specification_title: ["$.credentialSubject.hasClaim.influencedBy.specifiedBy.title"] => [
    "edc.missing.title" @ "$.credentialSubject.hasClaim.influencedBy.specifiedBy.title"
]);
deleting!(grading_scheme_title: ["$.credentialSubject.hasClaim.provenBy.specifiedBy.gradingScheme.title"] => [
    "edc.missing.title" @ "$.credentialSubject.hasClaim.provenBy.specifiedBy.gradingScheme.title"
]);
deleting!(display_title: ["$.displayParameter.title"] => ["edc.missing.title" @ "$.displayParameter.title"]);
deleting!(awarded_by: ["$.credentialSubject.hasClaim.provenBy.awardedBy"] => [
    "edc.missing.awarded_by" @ "$.credentialSubject.hasClaim.provenBy.awardedBy"
]);
deleting!(awarded_by_of_the_achievement: ["$.credentialSubject.hasClaim.awardedBy"] => [
    "edc.missing.awarded_by" @ "$.credentialSubject.hasClaim.awardedBy",
    "mc.missing.awarding_body" @ "$.credentialSubject.hasClaim.awardedBy.awardingBody"
]);
deleting!(awarding_body_of_an_activity: ["$.credentialSubject.hasClaim.influencedBy.awardedBy.awardingBody"] => [
    "edc.missing.awarding_body" @ "$.credentialSubject.hasClaim.influencedBy.awardedBy.awardingBody"
]);
deleting!(grade: ["$.credentialSubject.hasClaim.provenBy.grade"] => ["edc.missing.grade" @ "$.credentialSubject.hasClaim.provenBy.grade"]);
deleting!(framework: ["$.credentialSubject.hasClaim.specifiedBy.creditPoint.framework"] => [
    "edc.missing.framework" @ "$.credentialSubject.hasClaim.specifiedBy.creditPoint.framework"
]);
deleting!(point: ["$.credentialSubject.hasClaim.specifiedBy.creditPoint.point"] => [
    "edc.missing.point" @ "$.credentialSubject.hasClaim.specifiedBy.creditPoint.point"
]);
deleting!(primary_language: ["$.displayParameter.primaryLanguage"] => ["edc.missing.primary_language" @ "$.displayParameter.primaryLanguage"]);
deleting!(display_language: ["$.displayParameter.language"] => ["edc.missing.language" @ "$.displayParameter.language"]);
deleting!(individual_display_language: ["$.displayParameter.individualDisplay.language"] => [
    "edc.missing.language" @ "$.displayParameter.individualDisplay.language"
]);
deleting!(individual_display: ["$.displayParameter.individualDisplay"] => [
    "edc.missing.individual_display" @ "$.displayParameter.individualDisplay"
]);
deleting!(display_detail: ["$.displayParameter.individualDisplay.displayDetail"] => [
    "edc.missing.display_detail" @ "$.displayParameter.individualDisplay.displayDetail"
]);
deleting!(image: ["$.displayParameter.individualDisplay.displayDetail.image"] => [
    "edc.missing.image" @ "$.displayParameter.individualDisplay.displayDetail.image"
]);
deleting!(page: ["$.displayParameter.individualDisplay.displayDetail.page"] => [
    "edc.missing.page" @ "$.displayParameter.individualDisplay.displayDetail.page"
]);
deleting!(content: ["$.issuer.logo.content"] => ["edc.missing.content" @ "$.issuer.logo.content"]);
deleting!(content_encoding: ["$.displayParameter.individualDisplay.displayDetail.image.contentEncoding"] => [
    "edc.missing.content_encoding" @ "$.displayParameter.individualDisplay.displayDetail.image.contentEncoding"
]);
deleting!(content_type: ["$.credentialSubject.hasClaim.awardedBy.awardingBody.logo.contentType"] => [
    "edc.missing.content_type" @ "$.credentialSubject.hasClaim.awardedBy.awardingBody.logo.contentType"
]);
deleting!(note_literal: ["$.credentialSubject.hasClaim.provenBy.grade.noteLiteral"] => [
    "edc.missing.note_literal" @ "$.credentialSubject.hasClaim.provenBy.grade.noteLiteral"
]);
deleting!(content_url: ["$.issuer.homepage.contentURL"] => ["edc.missing.content_url" @ "$.issuer.homepage.contentURL"]);
deleting!(evidence_type: ["$.evidence.dcType"] => ["edc.missing.evidence_type" @ "$.evidence.dcType"]);
deleting!(concept_id: ["$.credentialSubject.hasClaim.specifiedBy.dcType.id"] => [
    "edc.concept.missing_id" @ "$.credentialSubject.hasClaim.specifiedBy.dcType"
]);
deleting!(concept_scheme: ["$.credentialSubject.hasClaim.specifiedBy.learningSetting.inScheme"] => [
    "edc.concept.missing_scheme" @ "$.credentialSubject.hasClaim.specifiedBy.learningSetting.inScheme"
]);
deleting!(concept_scheme_of_an_eqf_level: ["$.credentialSubject.hasClaim.specifiedBy.eqfLevel.inScheme"] => [
    "edc.concept.missing_scheme" @ "$.credentialSubject.hasClaim.specifiedBy.eqfLevel.inScheme"
]);
deleting!(accreditation_type with with_accreditation: ["$.credentialSubject.hasClaim.specifiedBy.accreditation.dcType"] => [
    "edc.missing.accreditation_type" @ "$.credentialSubject.hasClaim.specifiedBy.accreditation.dcType"
]);
deleting!(accreditation_title with with_accreditation: ["$.credentialSubject.hasClaim.specifiedBy.accreditation.title"] => [
    "edc.missing.title" @ "$.credentialSubject.hasClaim.specifiedBy.accreditation.title"
]);
deleting!(accrediting_agency_country with with_accreditation: [
    "$.credentialSubject.hasClaim.specifiedBy.accreditation.accreditingAgent.location.address.countryCode"
] => [
    "edc.missing.country_code" @ "$.credentialSubject.hasClaim.specifiedBy.accreditation.accreditingAgent.location.address.countryCode"
]);
deleting!(entitlement_title with with_entitlement: ["$.credentialSubject.hasClaim.entitlesTo.title"] => [
    "edc.missing.title" @ "$.credentialSubject.hasClaim.entitlesTo.title"
]);
deleting!(entitlement_type with with_entitlement: ["$.credentialSubject.hasClaim.entitlesTo.specifiedBy.dcType"] => [
    "edc.missing.entitlement_type" @ "$.credentialSubject.hasClaim.entitlesTo.specifiedBy.dcType"
]);
deleting!(entitlement_status with with_entitlement: ["$.credentialSubject.hasClaim.entitlesTo.specifiedBy.entitlementStatus"] => [
    "edc.missing.entitlement_status" @ "$.credentialSubject.hasClaim.entitlesTo.specifiedBy.entitlementStatus"
]);

#[test]
fn a_complete_entitlement_adds_no_error() {
    assert_new_errors("entitlement", no_setup, with_entitlement, &[]);
}

/// Every error code the module lists is exercised by one of the deletion tests above (or by the
/// quality-assurance and certificate-of-participation tests below); this keeps the two in step.
#[test]
fn every_error_code_is_covered_by_a_test() {
    let source = include_str!("profile.rs");
    // The `edc.too_many.*` family (one code per single-valued property) is checked against the
    // model by a unit test of the code table; one of them is exercised here.
    assert!(source.contains("\"edc.too_many.eidas_identifier\""));
    for (code, severity, _) in CODES {
        if *severity == Severity::Error && !code.starts_with("edc.too_many.") {
            assert!(
                source.matches(&format!("\"{code}\"")).count() >= 1,
                "{code} has no test"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Values that do not fit their place: read, kept, reported

/// Replaces the member at `path` (which must exist) with `new`.
fn replace(payload: &mut Value, path: &str, new: Value) {
    *at(payload, path) = new;
}

#[test]
fn a_qualification_where_an_assessment_specification_belongs() {
    assert_new_errors(
        "qualification under provenBy.specifiedBy",
        no_setup,
        |payload| {
            let spec = at(payload, "$.credentialSubject.hasClaim.specifiedBy").clone();
            replace(
                payload,
                "$.credentialSubject.hasClaim.provenBy.specifiedBy",
                spec,
            );
        },
        &[
            (
                "edc.unexpected_class",
                "$.credentialSubject.hasClaim.provenBy.specifiedBy",
            ),
            (
                "mc.missing.assessment_type",
                "$.credentialSubject.hasClaim.provenBy.specifiedBy.dcType",
            ),
        ],
    );
    let Some(mut payload) = signed_mc() else {
        return;
    };
    let spec = at(&mut payload, "$.credentialSubject.hasClaim.specifiedBy").clone();
    replace(
        &mut payload,
        "$.credentialSubject.hasClaim.provenBy.specifiedBy",
        spec,
    );
    let credential = parse(&payload);
    assert_eq!(
        microcred::json::to_value(&credential),
        payload,
        "kept as it was"
    );
    let finding = profile::check_edc(&credential)
        .into_iter()
        .find(|f| f.code == "edc.unexpected_class")
        .expect("reported");
    assert_eq!(
        finding.expected.as_deref(),
        Some("LearningAssessmentSpecification")
    );
    assert_eq!(finding.found.as_deref(), Some("Qualification"));
    assert!(
        finding.message.contains("found Qualification"),
        "{}",
        finding.message
    );
}

#[test]
fn a_misplaced_node_is_still_checked_as_its_own_class() {
    // The qualification moved into the assessment loses its title: that is reported at its
    // new place, as a qualification's missing title.
    assert_new_errors(
        "untitled qualification under provenBy.specifiedBy",
        no_setup,
        |payload| {
            let mut spec = at(payload, "$.credentialSubject.hasClaim.specifiedBy").clone();
            spec.as_object_mut().expect("object").remove("title");
            replace(
                payload,
                "$.credentialSubject.hasClaim.provenBy.specifiedBy",
                spec,
            );
        },
        &[
            (
                "edc.unexpected_class",
                "$.credentialSubject.hasClaim.provenBy.specifiedBy",
            ),
            (
                "edc.missing.title",
                "$.credentialSubject.hasClaim.provenBy.specifiedBy.title",
            ),
            (
                "mc.missing.assessment_type",
                "$.credentialSubject.hasClaim.provenBy.specifiedBy.dcType",
            ),
        ],
    );
}

#[test]
fn several_eidas_identifiers_on_the_issuer() {
    assert_new_errors(
        "two eIDAS identifiers",
        no_setup,
        |payload| {
            let one = at(payload, "$.issuer.eIDASIdentifier").clone();
            let mut other = one.clone();
            other["id"] = json!("urn:epass:legalIdentifier:99");
            replace(payload, "$.issuer.eIDASIdentifier", json!([one, other]));
        },
        &[("edc.too_many.eidas_identifier", "$.issuer.eIDASIdentifier")],
    );
}

#[test]
fn several_issued_dates_and_a_date_that_is_not_one() {
    assert_new_errors(
        "two issued dates, a bad validFrom",
        no_setup,
        |payload| {
            let issued = at(payload, "$.issued").clone();
            replace(payload, "$.issued", json!([issued, "2020-01-01T00:00:00Z"]));
            replace(payload, "$.validFrom", json!("soon"));
        },
        &[
            ("edc.too_many.issued", "$.issued"),
            ("edc.invalid_value", "$.validFrom"),
        ],
    );
}

#[test]
fn a_claim_of_an_unknown_class() {
    let Some(mut payload) = signed_mc() else {
        return;
    };
    replace(
        &mut payload,
        "$.credentialSubject.hasClaim.type",
        json!("ex:Badge"),
    );
    let credential = parse(&payload);
    assert_eq!(
        microcred::json::to_value(&credential),
        payload,
        "kept as it was"
    );
    // The claim is not an achievement, so the Annex I check has nothing to look at.
    assert_eq!(
        errors(&profile::check(&credential)),
        BTreeSet::from([
            ("edc.unexpected_class".to_owned(), HC.to_owned()),
            ("mc.missing.learning_achievement".to_owned(), HC.to_owned()),
        ])
    );
}

// ---------------------------------------------------------------------------------------------
// ELM 3.1 and 3.2

#[test]
fn the_elm_3_2_sample_checks_under_3_2_with_the_differences_reported() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo-3.2-LTS/rdf-samples/credential-sample.jsonld")
    else {
        return;
    };
    let credential = microcred::json::parse(&bytes).expect("the 3.2 sample reads");
    let under_3_1 = profile::check(&credential);
    let under_3_2 = profile::check_as(&credential, profile::ElmVersion::V3_2);
    // The sample is clean JSON-LD in its own version. Under 3.1 its `CredentialStatus` type is
    // a class the 3.1 context does not define, which JSON-LD drops.
    assert!(
        !under_3_2.iter().any(|f| f.code.starts_with("edc.jsonld.")),
        "{under_3_2:?}"
    );
    let dropped: Vec<(&str, &str)> = under_3_1
        .iter()
        .filter(|f| f.code.starts_with("edc.jsonld."))
        .map(|f| (&*f.code, f.path.as_str()))
        .collect();
    assert_eq!(
        dropped,
        [("edc.jsonld.dropped_value", "$.credentialStatus.type")]
    );
    // Otherwise the mandatory elements are the same in both versions: only `edc.version.*`
    // differs, and never as an error.
    let without_version = |findings: &[Finding]| -> Vec<Finding> {
        findings
            .iter()
            .filter(|f| !f.code.starts_with("edc.version.") && !f.code.starts_with("edc.jsonld."))
            .cloned()
            .collect()
    };
    assert_eq!(without_version(&under_3_2), without_version(&under_3_1));
    for finding in under_3_2
        .iter()
        .filter(|f| f.code.starts_with("edc.version."))
    {
        assert_ne!(finding.severity, Severity::Error, "{finding}");
    }
    println!("{} findings under 3.2", under_3_2.len());
}

#[test]
fn differences_between_3_1_and_3_2_are_reported_not_failed() {
    let Some(mut payload) = signed_mc() else {
        return;
    };
    payload["credentialStatus"] = json!({
        "id": "https://status.example/1#5",
        "type": "StatusList2021Entry",
        "statusPurpose": "revocation",
        "statusListIndex": "5",
        "statusListCredential": "https://status.example/1"
    });
    payload["proof"] = json!({"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022"});
    payload["termsOfUse"] = json!({"id": "https://terms.example", "type": "TermsOfUse"});
    let credential = parse(&payload);
    let codes = |version| {
        profile::check_as(&credential, version)
            .into_iter()
            .filter(|f| f.code.starts_with("edc.version."))
            .map(|f| {
                // The catalogue's &'static str, so the tuple compares with literals.
                let code = microcred::codes::lookup(&f.code).unwrap().code;
                (code, f.severity, f.path)
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        codes(profile::ElmVersion::V3_1),
        [(
            "edc.version.national_id",
            Severity::Info,
            "$.credentialSubject.nationalID".to_owned()
        )]
    );
    assert_eq!(
        codes(profile::ElmVersion::V3_2),
        [
            (
                "edc.version.national_id",
                Severity::Info,
                "$.credentialSubject.nationalID".to_owned()
            ),
            (
                "edc.version.embedded_proof",
                Severity::Warning,
                "$.proof".to_owned()
            ),
            (
                "edc.version.credential_status",
                Severity::Warning,
                "$.credentialStatus".to_owned()
            ),
        ]
    );
    // The plain check names no version.
    assert!(
        profile::check(&credential)
            .iter()
            .all(|f| !f.code.starts_with("edc.version."))
    );
}

#[test]
fn every_published_elm_3_2_term_change_is_in_the_term_table() {
    // The keys whose meaning differs are exactly those the two published contexts disagree on.
    let (Some(a), Some(b)) = (
        shared::shared_file("contexts/edc-ap-3.1.jsonld"),
        shared::shared_file("contexts/edc-ap-3.2.jsonld"),
    ) else {
        return;
    };
    let a: Value = serde_json::from_slice(&a).expect("JSON");
    let b: Value = serde_json::from_slice(&b).expect("JSON");
    let (a, b) = (
        a["@context"].as_object().expect("map"),
        b["@context"].as_object().expect("map"),
    );
    let mut differing: Vec<&str> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k) && k.starts_with(char::is_lowercase))
        .map(String::as_str)
        .collect();
    differing.sort_unstable();
    differing.dedup();
    let mut listed = microcred::terms::ElmVersion::changed_terms().to_vec();
    listed.sort_unstable();
    assert_eq!(differing, listed);
}

// ---------------------------------------------------------------------------------------------
// 3. The unsigned sample before and after sealing

#[test]
fn the_unsigned_sample_is_ready_for_sealing() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld")
    else {
        return;
    };
    let credential = microcred::json::parse(&bytes).expect("parses");
    let before = profile::check_before_sealing(&credential);
    assert_eq!(
        with_severity(&before, Severity::Error),
        [(
            "mc.missing.quality_assurance",
            "$.credentialSubject.hasClaim.specifiedBy.accreditation"
        )]
    );
    let lowered: Vec<_> = with_severity(&before, Severity::Info)
        .into_iter()
        .filter(|(c, _)| *c != "mc.missing.further_information")
        .collect();
    assert_eq!(
        lowered,
        [
            ("edc.missing.issued", "$.issued"),
            ("edc.missing.eidas_identifier", "$.issuer.eIDASIdentifier"),
            ("mc.missing.date_of_issuing", "$.issued"),
        ]
    );
    let sealed = profile::check(&credential);
    assert_eq!(
        with_severity(&sealed, Severity::Error),
        [
            ("edc.missing.issued", "$.issued"),
            ("edc.missing.eidas_identifier", "$.issuer.eIDASIdentifier"),
            ("mc.missing.date_of_issuing", "$.issued"),
            (
                "mc.missing.quality_assurance",
                "$.credentialSubject.hasClaim.specifiedBy.accreditation"
            ),
        ]
    );
}

#[test]
fn the_upload_form_without_issuer_is_ready_for_sealing() {
    let Some(mut payload) = signed_mc() else {
        return;
    };
    with_accreditation(&mut payload);
    for member in ["$.issuer", "$.issued"] {
        remove(&mut payload, member);
    }
    let credential = parse(&payload);
    assert!(!profile::has_errors(&profile::check_before_sealing(
        &credential
    )));
    assert_eq!(
        errors(&profile::check(&credential)),
        [
            ("edc.missing.issued", "$.issued"),
            ("edc.missing.issuer", "$.issuer"),
            ("mc.missing.date_of_issuing", "$.issued")
        ]
        .map(|(c, p)| (c.to_owned(), p.to_owned()))
        .into()
    );
}

/// Only what EDC fills in is lowered: an issuer whose address lacks its country stays an error.
#[test]
fn sealing_does_not_excuse_other_issuer_defects() {
    let Some(mut payload) = signed_mc() else {
        return;
    };
    with_accreditation(&mut payload);
    remove(&mut payload, "$.issuer.location[0].address.countryCode");
    let findings = profile::check_before_sealing(&parse(&payload));
    assert_eq!(
        with_severity(&findings, Severity::Error),
        [(
            "edc.missing.country_code",
            "$.issuer.location[0].address.countryCode"
        )]
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Quality assurance as an Accreditation

#[test]
fn an_accreditation_on_the_qualification_gives_the_quality_assurance() {
    let Some(mut payload) = signed_mc() else {
        return;
    };
    with_accreditation(&mut payload);
    let findings = profile::check(&parse(&payload));
    assert!(!profile::has_errors(&findings), "{findings:?}");
    assert_eq!(with_severity(&findings, Severity::Warning), []);
}

#[test]
fn an_accreditation_of_the_awarding_body_gives_the_quality_assurance() {
    let Some(mut payload) = signed_mc() else {
        return;
    };
    let mut institutional = accreditation();
    institutional["dcType"] =
        serde_json::to_value(AccreditationType::InstitutionalQualityAssurance.concept())
            .expect("serialises");
    at(
        &mut payload,
        "$.credentialSubject.hasClaim.awardedBy.awardingBody",
    )["accreditation"] = institutional;
    assert!(!profile::has_errors(&profile::check(&parse(&payload))));
}

deleting!(accrediting_agent with with_accreditation: ["$.credentialSubject.hasClaim.specifiedBy.accreditation.accreditingAgent"] => [
    "edc.missing.accrediting_agent" @ "$.credentialSubject.hasClaim.specifiedBy.accreditation.accreditingAgent"
]);

/// The element is there, only incomplete: the EDC error replaces the quality-assurance one.
#[test]
fn an_accreditation_without_its_agent_is_an_edc_error() {
    let Some(mut payload) = signed_mc() else {
        return;
    };
    with_accreditation(&mut payload);
    remove(
        &mut payload,
        "$.credentialSubject.hasClaim.specifiedBy.accreditation.accreditingAgent",
    );
    let findings = profile::check(&parse(&payload));
    assert_eq!(
        with_severity(&findings, Severity::Error),
        [(
            "edc.missing.accrediting_agent",
            "$.credentialSubject.hasClaim.specifiedBy.accreditation.accreditingAgent"
        )]
    );
}

#[test]
fn an_accreditation_on_a_plain_specification_is_a_warning() {
    let Some(mut payload) = signed_mc() else {
        return;
    };
    with_accreditation(&mut payload);
    at(&mut payload, "$.credentialSubject.hasClaim.specifiedBy")["type"] =
        json!("LearningAchievementSpecification");
    let findings = profile::check(&parse(&payload));
    assert!(!profile::has_errors(&findings));
    assert_eq!(
        with_severity(&findings, Severity::Warning),
        [(
            "mc.invalid.quality_assurance",
            "$.credentialSubject.hasClaim.specifiedBy.accreditation"
        )]
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Certificates of participation

#[test]
fn a_certificate_of_participation_is_no_micro_credential() {
    for (name, bytes) in shared::ec_samples()
        .into_iter()
        .filter(|(n, _)| n.starts_with("Sample-CertOfPart"))
    {
        let credential = microcred::json::parse_unverified(&bytes).expect("parses");
        let annex = profile::check_micro_credential(&credential);
        assert_eq!(
            with_severity(&annex, Severity::Error),
            [(
                "mc.missing.learning_achievement",
                "$.credentialSubject.hasClaim"
            )],
            "{name}"
        );
        assert_eq!(annex.len(), 1, "{name}: no per-element findings");
        let edc = profile::check_edc(&credential);
        if name == "Sample-CertOfPart-signed.jsonld" {
            assert_eq!(edc, [], "{name}");
        } else {
            assert_eq!(
                with_severity(&edc, Severity::Error),
                [
                    ("edc.missing.issued", "$.issued"),
                    ("edc.missing.eidas_identifier", "$.issuer.eIDASIdentifier")
                ],
                "{name}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Without ../shared: a micro-credential built from the model

fn concept<V: Vocabulary>(value: Option<V>) -> microcred::model::Concept {
    value.expect("known vocabulary value").concept()
}

fn organisation(name: &str, country: &str) -> Organisation {
    Organisation {
        legal_name: LangMap::en(name),
        location: vec![Location {
            address: vec![Address {
                country_code: Some(concept(Country::new(country))),
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn built_micro_credential() -> EuropeanDigitalCredential {
    let awarded = || AwardingProcess {
        awarding_body: vec![organisation("University of Example", "IRL")],
        ..Default::default()
    };
    let english = || concept(Language::new("ENG"));
    let assessment = LearningAssessment {
        title: LangMap::en("Final project"),
        awarded_by: Some(awarded()),
        grade: Some(Note {
            note_literal: LangMap::en("Pass"),
            ..Default::default()
        }),
        id_verification: Some(Supervision::UnsupervisedWithIdVerification.concept()),
        specified_by: Some(LearningAssessmentSpecification {
            title: LangMap::en("Project assessment"),
            dc_type: Some(AssessmentType::ProjectWork.concept()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let mut spec = LearningAchievementSpecification {
        title: LangMap::en("Data literacy"),
        eqf_level: Some(concept(Eqf::new(6))),
        credit_point: vec![CreditPoint {
            framework: Some(CreditFramework::Ects.concept()),
            point: Some("3".into()),
            ..Default::default()
        }],
        learning_outcome: vec![LearningOutcome {
            title: LangMap::en("Clean a data set"),
            ..Default::default()
        }],
        mode: vec![Mode::Online.concept()],
        learning_setting: Some(LearningSetting::NonFormal.concept()),
        entry_requirement: Some(Note {
            note_literal: LangMap::en("None"),
            ..Default::default()
        }),
        is_partial_qualification: Some(false),
        accreditation: vec![Accreditation {
            dc_type: Some(AccreditationType::ProgrammeQualityAssurance.concept()),
            title: LangMap::en("Programme review"),
            accrediting_agent: Some(Box::new(organisation("Quality Agency", "IRL"))),
            ..Default::default()
        }],
        additional_note: vec![Note {
            note_literal: LangMap::en("Part of a series"),
            ..Default::default()
        }],
        ..Default::default()
    };
    spec.set_qualification();
    let achievement = LearningAchievement {
        title: LangMap::en("Data literacy"),
        awarded_by: Some(awarded()),
        proven_by: vec![assessment],
        specified_by: Some(spec),
        ..Default::default()
    };
    let page = MediaObject {
        content: Some("AAAA".into()),
        content_encoding: Some(Encoding::Base64.concept()),
        content_type: Some(concept(FileType::new("JPEG"))),
        ..Default::default()
    };
    let mut issuer = organisation("University of Example", "IRL");
    issuer.eidas_identifier = Some(LegalIdentifier {
        notation: Some("IE-0000".into()),
        spatial: Some(concept(Country::new("IRL"))),
        ..Default::default()
    });
    EuropeanDigitalCredential {
        credential_profiles: vec![CredentialType::Generic.concept()],
        display_parameter: Some(DisplayParameter {
            title: LangMap::en("Micro-credential"),
            language: vec![english()],
            primary_language: Some(english()),
            individual_display: vec![IndividualDisplay {
                language: Some(english()),
                display_detail: vec![DisplayDetail {
                    image: Some(page),
                    page: Some(1),
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        }),
        credential_schema: vec![CredentialSchema {
            id: Some("http://data.europa.eu/snb/model/ap/edc-generic-full".into()),
            ..Default::default()
        }],
        credential_subject: Some(Person {
            full_name: LangMap::en("Learner"),
            has_claim: vec![Claim::Achievement(achievement)],
            ..Default::default()
        }),
        issued: Some(DateTime::parse("2025-01-15T10:00:00Z").expect("date")),
        valid_from: Some(DateTime::parse("2025-01-15T10:00:00Z").expect("date")),
        issuer: Some(issuer),
        ..Default::default()
    }
}

#[test]
fn a_complete_built_micro_credential_has_no_findings() {
    let findings = profile::check(&built_micro_credential());
    assert_eq!(findings, []);
}

#[test]
fn several_claims_index_the_achievement() {
    let mut credential = built_micro_credential();
    let subject = credential.credential_subject.as_mut().expect("subject");
    let Claim::Achievement(achievement) = &mut subject.has_claim[0] else {
        panic!("achievement")
    };
    achievement.title = LangMap::new();
    let activity = microcred::model::LearningActivity {
        title: LangMap::en("Workshop"),
        awarded_by: achievement.awarded_by.clone(),
        ..Default::default()
    };
    subject.has_claim.insert(0, Claim::Activity(activity));
    let findings = profile::check(&credential);
    assert_eq!(
        with_severity(&findings, Severity::Error),
        [
            ("edc.missing.title", "$.credentialSubject.hasClaim[1].title"),
            ("mc.missing.title", "$.credentialSubject.hasClaim[1].title"),
        ]
    );
}

#[test]
fn a_missing_specification_reports_each_element_it_holds() {
    let mut credential = built_micro_credential();
    let Some(Claim::Achievement(achievement)) = credential
        .credential_subject
        .as_mut()
        .and_then(|s| s.has_claim.first_mut())
    else {
        panic!("achievement")
    };
    achievement.specified_by = None;
    let findings = profile::check(&credential);
    let spec = "$.credentialSubject.hasClaim.specifiedBy";
    assert_eq!(
        with_severity(&findings, Severity::Error),
        [
            (
                "mc.missing.learning_outcomes",
                format!("{spec}.learningOutcome").as_str()
            ),
            (
                "mc.missing.workload",
                format!("{spec}.creditPoint").as_str()
            ),
            (
                "mc.missing.form_of_participation",
                format!("{spec}.mode").as_str()
            ),
            (
                "mc.missing.quality_assurance",
                format!("{spec}.accreditation").as_str()
            ),
        ]
    );
}

#[test]
fn before_sealing_lowers_only_the_sealed_elements() {
    let mut credential = built_micro_credential();
    credential.issued = None;
    credential.issuer = None;
    assert!(profile::has_errors(&profile::check(&credential)));
    let findings = profile::check_before_sealing(&credential);
    assert!(!profile::has_errors(&findings));
    assert_eq!(
        with_severity(&findings, Severity::Info),
        [
            ("edc.missing.issued", "$.issued"),
            ("edc.missing.issuer", "$.issuer"),
            ("mc.missing.date_of_issuing", "$.issued")
        ]
    );
    credential.valid_from = None;
    assert_eq!(
        with_severity(&profile::check_before_sealing(&credential), Severity::Error),
        [("edc.missing.valid_from", "$.validFrom")]
    );
}

#[test]
fn codes_list_what_check_emits() {
    let listed: BTreeSet<&str> = CODES.iter().map(|(code, _, _)| *code).collect();
    let mut credential = built_micro_credential();
    credential.credential_subject = Some(Person::default());
    credential.display_parameter = Some(DisplayParameter::default());
    for finding in profile::check(&credential)
        .iter()
        .chain(&profile::check(&EuropeanDigitalCredential::default()))
    {
        assert!(
            listed.contains(&*finding.code),
            "{} is not in CODES",
            finding.code
        );
        let (_, severity, meaning) = CODES
            .iter()
            .find(|(c, _, _)| *c == finding.code)
            .expect("listed");
        assert_eq!(
            (finding.severity, finding.message.as_str()),
            (*severity, *meaning)
        );
    }
    let mut severities: Vec<Severity> = vec![Severity::Info, Severity::Error, Severity::Warning];
    severities.sort();
    assert_eq!(
        severities,
        [Severity::Error, Severity::Warning, Severity::Info]
    );
}

// ---------------------------------------------------------------------------------------------
// Copies of one node that disagree

/// The EC's sealed micro-credential with the issuer put back on the awarding body's id: one
/// organisation node with the certificate's legal name and the university's (what sealing in
/// place produced before the issuer got a node of its own).
#[test]
fn one_node_with_two_legal_names_is_an_error() {
    let Some(mut payload) = signed_mc() else {
        return;
    };
    assert_eq!(profile::check_edc(&parse(&payload)), []);
    let body_id =
        payload["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"]["id"].clone();
    payload["issuer"]["id"] = body_id;
    let findings = profile::check_edc(&parse(&payload));
    let conflicts: Vec<_> = findings
        .iter()
        .filter(|f| f.code == "edc.conflicting_node")
        .map(|f| (f.severity, f.path.as_str()))
        .collect();
    assert_eq!(conflicts, [(Severity::Error, "$.issuer.legalName")]);
    // Read as either ELM version, the same rule holds.
    for version in [profile::ElmVersion::V3_1, profile::ElmVersion::V3_2] {
        let as_version = profile::check_edc_as(&parse(&payload), version);
        assert!(
            as_version.iter().any(|f| f.code == "edc.conflicting_node"),
            "{version:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// What JSON-LD would drop (issue 9, item 8)

/// The demo credential with one JSON edit, read back.
fn demo_edited(edit: impl FnOnce(&mut Value)) -> microcred::EuropeanDigitalCredential {
    let mut value = microcred::json::to_value(&microcred::issue::demo_credential());
    edit(&mut value);
    microcred::json::parse(value.to_string().as_bytes()).expect("still a credential")
}

#[test]
fn members_json_ld_would_drop_are_errors() {
    // Each was VALID for `validate`, `seal` and `verify` while `convert` refused it.
    type Case = (fn(&mut Value), &'static str, &'static str);
    let cases: [Case; 5] = [
        (
            |v| v["credentialSubject"]["nickname"] = json!("Bea"),
            "edc.jsonld.undefined_term",
            "$.credentialSubject.nickname",
        ),
        (
            |v| v["credentialSubject"]["id"] = json!("learner 42"),
            "edc.jsonld.dropped_value",
            "$.credentialSubject.id",
        ),
        (
            |v| v["displayParameter"]["title"] = json!({"e n": "Title"}),
            "edc.jsonld.dropped_value",
            "$.displayParameter.title",
        ),
        (
            |v| v["credentialSubject"]["@type"] = json!(5),
            "edc.jsonld.invalid",
            "$.credentialSubject.@type",
        ),
        (
            |v| v["credentialSubject"]["@context"] = json!(5),
            "edc.jsonld.invalid",
            "$.credentialSubject.@context",
        ),
    ];
    for (edit, code, path) in cases {
        let credential = demo_edited(edit);
        let findings = profile::check(&credential);
        let found: Vec<(&str, &str)> = findings
            .iter()
            .filter(|f| f.code.starts_with("edc.jsonld."))
            .map(|f| (&*f.code, f.path.as_str()))
            .collect();
        assert_eq!(found, [(code, path)]);
        let finding = findings.iter().find(|f| f.code == code).unwrap();
        assert_eq!(finding.severity, Severity::Error);
        for value in ["Bea", "learner 42", "Title"] {
            assert!(!finding.message.contains(value), "{}", finding.message);
        }
        // The same in every full check, and it blocks sealing.
        assert_eq!(profile::check_jsonld(&credential).len(), 1);
        assert!(
            profile::check_before_sealing(&credential)
                .iter()
                .any(|f| f.code == code)
        );
        let gate = profile::check_for_sealing(&credential, profile::SealingPolicy::edc());
        assert_eq!(
            gate.refusal.map(|r| r.code()),
            Some("seal.refused.edc_profile")
        );
        // `convert` refuses the same credential, for the same reason.
        assert!(microcred::rdf::to_dataset(&credential).is_err());
    }
    // What is only typed-model checking (`check_edc`) does not expand.
    let credential = demo_edited(|v| v["credentialSubject"]["nickname"] = json!("Bea"));
    assert!(!profile::has_errors(&profile::check_edc(&credential)));
}

#[test]
fn a_credential_written_without_a_context_is_expanded_with_edcs() {
    let mut credential = microcred::issue::demo_credential();
    credential.context.clear();
    assert!(profile::check_jsonld(&credential).is_empty());
    credential.context = vec!["https://www.w3.org/2018/credentials/v1".into()];
    // The VC context alone does not define the ELM terms.
    let findings = profile::check_jsonld(&credential);
    assert_eq!(findings[0].code, "edc.jsonld.undefined_term");
}

/// Issue 9 item 7: quality assurance that had expired when the credential was issued, or that
/// expires before it was issued, is an error (the Verifier says `accreditation.expired`).
#[test]
fn an_accreditation_expired_at_issue_is_an_error() {
    let path = "$.credentialSubject.hasClaim.specifiedBy.accreditation.expiryDate";
    let with_dates = |issued: Option<&str>, expiry: &str, credential_issued: Option<&str>| {
        let mut credential = built_micro_credential();
        if let Some(Claim::Achievement(a)) = credential
            .credential_subject
            .as_mut()
            .and_then(|s| s.has_claim.first_mut())
            && let Some(spec) = a.specified_by.as_mut()
        {
            spec.accreditation[0].date_issued = issued.map(|d| DateTime::parse(d).expect("date"));
            spec.accreditation[0].expiry_date = Some(DateTime::parse(expiry).expect("date"));
        }
        if let Some(t) = credential_issued {
            credential.issued = Some(DateTime::parse(t).expect("date"));
        }
        errors(&profile::check(&credential))
    };
    let expired = BTreeSet::from([("edc.accreditation.expired".to_owned(), path.to_owned())]);
    // The credential was issued 2025-01-15T10:00:00Z.
    assert_eq!(with_dates(None, "2025-01-15T09:59:59Z", None), expired);
    assert_eq!(
        with_dates(None, "2025-01-15T09:59:59", None),
        expired,
        "no time zone: UTC"
    );
    assert_eq!(with_dates(Some("2024-06-01"), "2024-05-31", None), expired);
    assert_eq!(with_dates(Some("2030-01-01"), "2029-01-01", None), expired);
    // Without `issued`, `validFrom` stands for the issue time.
    let mut credential = built_micro_credential();
    credential.issued = None;
    credential.valid_from = Some(DateTime::parse("2025-01-15T10:00:00Z").expect("date"));
    if let Some(Claim::Achievement(a)) = credential
        .credential_subject
        .as_mut()
        .and_then(|s| s.has_claim.first_mut())
        && let Some(spec) = a.specified_by.as_mut()
    {
        spec.accreditation[0].expiry_date = Some(DateTime::parse("2025-01-01").expect("date"));
    }
    assert!(
        profile::check(&credential)
            .iter()
            .any(|f| f.code == "edc.accreditation.expired")
    );
    // Valid when issued (it may expire later: that is the Verifier's business, at its time).
    assert_eq!(
        with_dates(None, "2025-01-15T10:00:00Z", None),
        BTreeSet::new()
    );
    assert_eq!(
        with_dates(
            Some("2024-06-01"),
            "2025-06-01",
            Some("2025-05-31T00:00:00Z")
        ),
        BTreeSet::new()
    );
}

/// `check_as_read_as`: the findings of `check_as` for the version, with the upload form still
/// checked as unsealed (what EDC fills in when sealing is information, as in
/// `check_before_sealing`).
#[test]
fn check_as_read_as_keeps_the_upload_form_unsealed_and_adds_the_version_findings() {
    use microcred::json::{Form, Reader};
    use microcred::profile::ElmVersion;

    let vectors = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../vectors/cases");
    let upload = std::fs::read(vectors.join("valid-upload-form.json")).expect("vector");
    let (credential, form) = Reader::new().read_any_unverified(&upload).expect("reads");
    assert_eq!(form, Form::UploadForm);
    let read_as = profile::check_as_read_as(&credential, form, ElmVersion::V3_2);
    let mut expected = profile::check_before_sealing(&credential);
    for finding in profile::check_as(&credential, ElmVersion::V3_2) {
        if finding.code.starts_with("edc.version.") {
            expected.push(finding);
        }
    }
    let key = |f: &Finding| (f.code.to_string(), f.path.clone(), f.severity);
    let mut got: Vec<_> = read_as.iter().map(key).collect();
    let mut want: Vec<_> = expected.iter().map(key).collect();
    got.sort();
    want.sort();
    assert_eq!(got, want);
    assert!(
        !profile::has_errors(&read_as),
        "the upload form is checked as unsealed"
    );
    assert!(
        profile::has_errors(&profile::check_as(&credential, ElmVersion::V3_2)),
        "checked as sealed, the upload form lacks the issuer"
    );

    let plain = std::fs::read(vectors.join("edc.version.national_id.json")).expect("vector");
    let (credential, form) = Reader::new().read_any_unverified(&plain).expect("reads");
    assert_eq!(form, Form::Plain);
    let read_as = profile::check_as_read_as(&credential, form, ElmVersion::V3_2);
    assert_eq!(read_as, profile::check_as(&credential, ElmVersion::V3_2));
    assert!(read_as.iter().any(|f| f.code == "edc.version.national_id"));
}
