//! Unit tests of the model machinery: the term table behind every field, type checks, and the
//! round trip of properties the model does not know.

use serde_json::json;

use super::*;
use crate::terms::{self, TermKind};

/// Every class with the JSON keys of its fields.
fn all_keys() -> Vec<(&'static str, &'static [&'static str])> {
    fn of<C: Class>() -> (&'static str, &'static [&'static str]) {
        (C::TYPES[C::TYPES.len() - 1], C::KEYS)
    }
    vec![
        of::<EuropeanDigitalCredential>(),
        of::<CredentialSchema>(),
        of::<Evidence>(),
        of::<DisplayParameter>(),
        of::<IndividualDisplay>(),
        of::<DisplayDetail>(),
        of::<Person>(),
        of::<Organisation>(),
        of::<Group>(),
        of::<Accreditation>(),
        of::<Identifier>(),
        of::<LegalIdentifier>(),
        of::<Location>(),
        of::<Address>(),
        of::<ContactPoint>(),
        of::<Mailbox>(),
        of::<Phone>(),
        of::<Concept>(),
        of::<ConceptScheme>(),
        of::<Note>(),
        of::<MediaObject>(),
        of::<WebResource>(),
        of::<PeriodOfTime>(),
        of::<LearningAchievement>(),
        of::<AwardingProcess>(),
        of::<LearningAchievementSpecification>(),
        of::<LearningOutcome>(),
        of::<CreditPoint>(),
        of::<LearningActivity>(),
        of::<LearningActivitySpecification>(),
        of::<LearningAssessment>(),
        of::<LearningAssessmentSpecification>(),
        of::<GradingScheme>(),
        of::<LearningEntitlement>(),
        of::<LearningEntitlementSpecification>(),
    ]
}

#[test]
fn every_field_has_a_term_with_an_iri() {
    for (class, keys) in all_keys() {
        for key in keys {
            if *key == "@context" {
                continue;
            }
            let term = terms::by_name(key).unwrap_or_else(|| panic!("{class}.{key} has no term"));
            assert!(term.iri.starts_with("http"), "{class}.{key}: {}", term.iri);
        }
    }
}

#[test]
fn every_class_name_is_in_the_context() {
    for (class, _) in all_keys() {
        let known = terms::CLASSES.iter().any(|(name, _)| *name == class)
            || class == "VerifiableCredential";
        assert!(known, "{class} is not a class of the EDC context");
    }
}

#[test]
fn language_fields_are_language_maps_in_the_term_table() {
    for name in [
        "title",
        "description",
        "prefLabel",
        "legalName",
        "givenName",
        "noteLiteral",
    ] {
        assert_eq!(
            terms::by_name(name).map(|t| t.kind),
            Some(TermKind::Language),
            "{name}"
        );
    }
    assert_eq!(
        terms::by_name("eqfLevel").map(|t| t.iri),
        Some("http://data.europa.eu/snb/model/elm/EQFLevel")
    );
    assert!(terms::by_name("issued").is_some_and(|t| t.is_vc_envelope()));
}

#[test]
fn a_subclass_type_is_kept_and_written_back() {
    let value = json!({"id": "urn:epass:qualification:1", "type": "Qualification", "title": {"en": "Data"}});
    let spec =
        LearningAchievementSpecification::from_json(value.clone(), &JsonPath::Root).expect("reads");
    assert!(spec.is_qualification());
    assert_eq!(serde_json::to_value(Ser(&spec)).expect("writes"), value);

    let mut plain = LearningAchievementSpecification::default();
    assert!(!plain.is_qualification());
    plain.set_qualification();
    assert_eq!(
        serde_json::to_value(Ser(&plain)).expect("writes")["type"],
        "Qualification"
    );
}

#[test]
fn a_missing_type_reads_as_the_slot_class() {
    let note =
        Note::from_json(json!({"noteLiteral": {"en": "Pass"}}), &JsonPath::Root).expect("reads");
    assert_eq!(note.note_literal.get("en"), Some("Pass"));
    assert_eq!(
        serde_json::to_value(Ser(&note)).expect("writes")["type"],
        "Note"
    );
}

#[test]
fn extra_types_and_unknown_properties_survive() {
    let value = json!({
        "id": "urn:epass:org:1",
        "type": ["Organisation", "ex:University"],
        "legalName": {"en": "University of Zed"},
        "ex:ranking": {"@value": 3},
        "foundingYear": 1850
    });
    let org = Organisation::from_json(value.clone(), &JsonPath::Root).expect("reads");
    assert_eq!(org.types, vec!["Organisation", "ex:University"]);
    assert_eq!(org.extra.len(), 2);
    assert_eq!(serde_json::to_value(Ser(&org)).expect("writes"), value);
}

#[test]
fn one_element_lists_are_written_as_the_element() {
    let mut spec = LearningAchievementSpecification::default();
    spec.mode.push(Concept {
        id: Some("http://data.europa.eu/snb/learning-assessment/920fbb3cbe".into()),
        ..Default::default()
    });
    let written = serde_json::to_value(Ser(&spec)).expect("writes");
    assert!(written["mode"].is_object());
    spec.mode.push(Concept::default());
    let written = serde_json::to_value(Ser(&spec)).expect("writes");
    assert_eq!(written["mode"].as_array().map(Vec::len), Some(2));
    assert!(
        written.get("learningOutcome").is_none(),
        "empty lists are left out"
    );
}

#[test]
fn serde_impls_agree_with_the_codec() {
    let text = r#"{"id":"urn:epass:creditPoint:1","type":"CreditPoint","point":"2"}"#;
    let point: CreditPoint = serde_json::from_str(text).expect("deserialises");
    assert_eq!(point.point.as_deref(), Some("2"));
    assert_eq!(serde_json::to_string(&point).expect("serialises"), text);
    let err = serde_json::from_str::<CreditPoint>(r#"{"point": 2}"#)
        .expect_err("a number is not a point");
    assert!(err.to_string().contains("$.point"), "{err}");
}

#[test]
fn display_name_prefers_the_full_name() {
    let person = Person {
        given_name: LangMap::en("Ana"),
        family_name: LangMap::en("Andromeda"),
        ..Default::default()
    };
    assert_eq!(person.display_name("en").as_deref(), Some("Ana Andromeda"));
    let person = Person {
        full_name: LangMap::en("Ana A."),
        ..person
    };
    assert_eq!(person.display_name("fr").as_deref(), Some("Ana A."));
    assert_eq!(Person::default().display_name("en"), None);
}
