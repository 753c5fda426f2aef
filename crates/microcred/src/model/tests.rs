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
    // A number is not a point: it is kept as it was, and named as a stray.
    let odd: CreditPoint = serde_json::from_str(r#"{"point": 2}"#).expect("reads tolerantly");
    assert_eq!(odd.point, None);
    assert_eq!(odd.strays()[0].key, "point");
    assert_eq!(
        serde_json::to_string(&odd).expect("serialises"),
        r#"{"type":"CreditPoint","point":2}"#
    );
    let err = serde_json::from_str::<CreditPoint>(r#"["point"]"#).expect_err("not a node");
    assert!(err.to_string().contains("CreditPoint object"), "{err}");
}

/// The reader keeps what does not fit, writes it back unchanged and says why it did not fit.
#[test]
fn members_that_do_not_fit_are_kept_and_named() {
    let value = json!({
        "id": "urn:epass:assessment:1",
        "type": "LearningAssessment",
        "title": {"en": "Exam"},
        // A qualification where an assessment specification belongs.
        "specifiedBy": {"id": "urn:epass:qualification:9", "type": "Qualification", "title": {"en": "Q"}},
        // Several grades where the model holds one.
        "grade": [{"type": "Note", "noteLiteral": {"en": "A"}}, {"type": "Note", "noteLiteral": {"en": "B"}}],
        // Not a date.
        "dateIssued": "last spring",
        // A list whose second element is of another class: the whole list is kept.
        "hasPart": [{"type": "LearningAssessment", "title": {"en": "Part"}}, {"type": "Mystery"}],
        "ex:unknown": 1
    });
    let assessment = LearningAssessment::from_json(value.clone(), &JsonPath::Root).expect("reads");
    assert_eq!(assessment.title.get("en"), Some("Exam"));
    assert!(assessment.specified_by.is_none() && assessment.grade.is_none());
    assert!(assessment.has_part.is_empty() && assessment.date_issued.is_none());
    assert_eq!(
        serde_json::to_value(Ser(&assessment)).expect("writes"),
        value
    );

    let strays = assessment.strays();
    let reason = |key: &str| {
        strays
            .iter()
            .find(|s| s.key == key)
            .map(|s| (s.error.code(), s.error.path.clone()))
    };
    assert_eq!(
        reason("specifiedBy"),
        Some(("json.unexpected_class", "$.type".into()))
    );
    assert_eq!(reason("grade"), Some(("json.too_many", "$".into())));
    assert_eq!(
        reason("dateIssued"),
        Some(("json.invalid_value", "$".into()))
    );
    assert_eq!(
        reason("hasPart"),
        Some(("json.unexpected_class", "$[1].type".into()))
    );
    assert_eq!(
        reason("ex:unknown"),
        None,
        "unknown properties are not strays"
    );
    let Some(stray) = strays.iter().find(|s| s.key == "specifiedBy") else {
        panic!("specifiedBy is a stray")
    };
    match &stray.error.kind {
        DecodeErrorKind::UnexpectedClass { expected, found } => {
            assert_eq!(expected.trim(), "LearningAssessmentSpecification");
            assert_eq!(found, "Qualification");
        }
        other => panic!("{other:?}"),
    }
    // The misplaced node reads as what it says it is.
    let node = AnyNode::read(stray.value);
    assert_eq!(node.class_name(), Some("Qualification"));
}

#[test]
fn a_list_of_one_that_does_not_fit_is_kept_as_a_list() {
    let value = json!({"type": "Concept", "inScheme": [{"type": "Mystery"}]});
    let concept = Concept::from_json(value.clone(), &JsonPath::Root).expect("reads");
    assert_eq!(serde_json::to_value(Ser(&concept)).expect("writes"), value);
    assert_eq!(concept.strays()[0].error.path, "$[0].type");
}

#[test]
fn a_malformed_language_map_is_kept_whole() {
    let value = json!({"type": "Note", "noteLiteral": {"en": "ok", "fr": ["bien", 3]}});
    let note = Note::from_json(value.clone(), &JsonPath::Root).expect("reads");
    assert!(note.note_literal.is_empty());
    assert_eq!(note.strays()[0].error.path, "$.fr[1]");
    assert_eq!(serde_json::to_value(Ser(&note)).expect("writes"), value);
}

#[test]
fn a_kept_member_never_doubles_a_typed_one() {
    let mut point = CreditPoint::default();
    point.extra.insert("point".into(), json!(["1", "2"]));
    point.point = Some("3".into());
    let written = serde_json::to_string(&point).expect("serialises");
    assert_eq!(written.matches("\"point\"").count(), 1, "{written}");
}

#[test]
fn any_w3c_credential_reads_with_its_own_types() {
    let value =
        json!({"type": ["VerifiableCredential", "OpenBadgeCredential"], "issuer": "did:key:z6Mk"});
    let credential =
        EuropeanDigitalCredential::from_json(value.clone(), &JsonPath::Root).expect("reads");
    assert!(!credential.is_edc());
    assert!(
        credential.issuer.is_none(),
        "a DID is not an Organisation node"
    );
    assert_eq!(
        serde_json::to_value(Ser(&credential)).expect("writes"),
        value
    );
    assert!(EuropeanDigitalCredential::default().is_edc());
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
