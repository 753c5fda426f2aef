//! How each invalid vector is made from a valid credential: one edit per finding code.
//!
//! Paths are dotted JSON member names; where a member holds an array, the path goes into its first
//! element. Every edit names the finding code it is meant to produce; the generator checks that
//! the profile check really reports it.

use serde_json::{Value, json};

/// An edit to a valid credential's JSON that should produce `target`.
pub struct Mutation {
    pub target: &'static str,
    pub edit: fn(&mut Value),
}

const SPEC: &str = "credentialSubject.hasClaim.specifiedBy";
const ASSESSMENT: &str = "credentialSubject.hasClaim.provenBy";
const IMAGE: &str = "displayParameter.individualDisplay.displayDetail.image";

/// The member at `path`, descending into first elements of arrays.
pub fn at<'v>(root: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    let mut node = root;
    for key in path.split('.') {
        if node.is_array() {
            node = node.get_mut(0)?;
        }
        node = node.get_mut(key)?;
    }
    if node.is_array() {
        node.get_mut(0)
    } else {
        Some(node)
    }
}

/// Removes the member at `path` (the last segment is removed from its parent).
pub fn remove(root: &mut Value, path: &str) {
    let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
    let parent = if parent.is_empty() {
        Some(root)
    } else {
        at(root, parent)
    };
    if let Some(Value::Object(map)) = parent {
        map.remove(key);
    }
}

/// Sets the member at `path`.
pub fn set(root: &mut Value, path: &str, value: Value) {
    let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
    let parent = if parent.is_empty() {
        Some(root)
    } else {
        at(root, parent)
    };
    if let Some(Value::Object(map)) = parent {
        map.insert(key.to_owned(), value);
    }
}

fn concept(id: &str, scheme: &str, label: &str) -> Value {
    json!({"id": id, "type": "Concept", "inScheme": {"id": scheme, "type": "ConceptScheme"}, "prefLabel": {"en": label}})
}

fn entitlement(spec: Value) -> Value {
    json!({
        "id": "urn:epass:learningEntitlement:1",
        "type": "LearningEntitlement",
        "title": {"en": "Access to the follow-up module"},
        "awardedBy": {"id": "urn:epass:awardingProcess:9", "type": "AwardingProcess", "awardingBody": {"id": "urn:epass:org:9", "type": "Organisation", "legalName": {"en": "Registry"}, "location": {"id": "urn:epass:location:9", "type": "Location", "address": {"id": "urn:epass:address:9", "type": "Address", "countryCode": concept("http://publications.europa.eu/resource/authority/country/BEL", "http://publications.europa.eu/resource/authority/country", "Belgium")}}}},
        "specifiedBy": spec
    })
}

/// One edit per finding code the profile check can report.
pub fn all() -> Vec<Mutation> {
    macro_rules! m {
        ($target:literal, |$v:ident| $body:expr) => {
            Mutation {
                target: $target,
                edit: |$v: &mut Value| $body,
            }
        };
    }
    vec![
        // Values that do not fit their place: read, kept, reported.
        m!("edc.unexpected_class", |v| set(
            v,
            "credentialSubject.hasClaim.provenBy.specifiedBy",
            json!({"id": "urn:epass:qualification:99", "type": "Qualification", "title": {"en": "Misplaced"}})
        )),
        m!("edc.invalid_value", |v| set(
            v,
            "validFrom",
            json!("the first of May")
        )),
        m!("edc.too_many.eidas_identifier", |v| {
            if let Some(identifier) = at(v, "issuer.eIDASIdentifier") {
                let one = identifier.take();
                let mut other = one.clone();
                other["id"] = json!("urn:epass:legalIdentifier:99");
                *identifier = json!([one, other]);
            }
        }),
        // Where ELM 3.1 and 3.2 read the credential differently (checked as ELM 3.2).
        m!("edc.version.national_id", |v| set(
            v,
            "credentialSubject.nationalID",
            json!({"id": "urn:epass:legalIdentifier:50", "type": "LegalIdentifier", "notation": "X-1", "spatial": concept("http://publications.europa.eu/resource/authority/country/IRL", "http://publications.europa.eu/resource/authority/country", "Ireland")})
        )),
        // Each in terms the credential's contexts define (the VC 1.1 proof terms, absolute IRIs
        // elsewhere), so that only the version difference is reported, not a dropped member.
        m!("edc.version.embedded_proof", |v| set(
            v,
            "proof",
            json!({"type": "Ed25519Signature2018", "created": "2026-01-15T10:00:00Z", "proofPurpose": "assertionMethod", "verificationMethod": "did:example:issuer#key-1", "jws": "eyJhbGciOiJFZERTQSJ9..c2ln"})
        )),
        m!("edc.version.credential_status", |v| set(
            v,
            "credentialStatus",
            json!({"id": "https://status.example/list/1#7", "type": "https://www.w3.org/ns/credentials/status#BitstringStatusListEntry", "https://www.w3.org/ns/credentials/status#statusPurpose": "revocation", "https://www.w3.org/ns/credentials/status#statusListIndex": "7"})
        )),
        m!("edc.version.terms_of_use", |v| set(
            v,
            "termsOfUse",
            json!({"id": "https://university.example/terms", "type": "https://university.example/vocab#IssuerPolicy"})
        )),
        m!("edc.missing.credential_schema", |v| remove(
            v,
            "credentialSchema"
        )),
        m!("edc.missing.credential_subject", |v| remove(
            v,
            "credentialSubject"
        )),
        m!("edc.missing.issuer", |v| remove(v, "issuer")),
        m!("edc.missing.eidas_identifier", |v| remove(
            v,
            "issuer.eIDASIdentifier"
        )),
        m!("edc.missing.issued", |v| remove(v, "issued")),
        m!("edc.missing.valid_from", |v| remove(v, "validFrom")),
        m!("edc.missing.credential_profiles", |v| remove(
            v,
            "credentialProfiles"
        )),
        m!("edc.missing.display_parameter", |v| remove(
            v,
            "displayParameter"
        )),
        m!("edc.missing.has_claim", |v| remove(
            v,
            "credentialSubject.hasClaim"
        )),
        m!("edc.missing.legal_name", |v| remove(v, "issuer.legalName")),
        // The issuer on the awarding body's id, under another legal name: one node, two names.
        m!("edc.conflicting_node", |v| {
            let body = "credentialSubject.hasClaim.awardedBy.awardingBody.id";
            if let Some(id) = at(v, body).cloned() {
                set(v, "issuer.id", id);
            }
            set(v, "issuer.legalName", json!({"en": "Another Legal Name"}));
        }),
        // What a JSON-LD processor would leave out of the graph EDC validates.
        m!("edc.jsonld.undefined_term", |v| set(
            v,
            "credentialSubject.nickname",
            json!("Ace")
        )),
        m!("edc.jsonld.dropped_value", |v| set(
            v,
            "credentialSubject.id",
            json!("learner 42")
        )),
        m!("edc.jsonld.invalid", |v| set(
            v,
            "credentialSubject.@type",
            json!(5)
        )),
        m!("edc.missing.location", |v| remove(v, "issuer.location")),
        m!("edc.missing.address", |v| remove(
            v,
            "issuer.location.address"
        )),
        m!("edc.missing.country_code", |v| remove(
            v,
            "issuer.location.address.countryCode"
        )),
        m!("edc.missing.notation", |v| remove(
            v,
            "issuer.eIDASIdentifier.notation"
        )),
        m!("edc.missing.spatial", |v| remove(
            v,
            "issuer.eIDASIdentifier.spatial"
        )),
        m!("edc.missing.pref_label", |v| set(
            v,
            "issuer.groupMemberOf",
            json!({"id": "urn:epass:group:1", "type": "Group"})
        )),
        m!("edc.missing.accreditation_type", |v| remove(
            v,
            &format!("{SPEC}.accreditation.dcType")
        )),
        m!("edc.missing.accrediting_agent", |v| remove(
            v,
            &format!("{SPEC}.accreditation.accreditingAgent")
        )),
        // Quality assurance that had expired a day before the credential was issued.
        m!("edc.accreditation.expired", |v| set(
            v,
            &format!("{SPEC}.accreditation.expiryDate"),
            json!("2026-01-14T10:00:00Z")
        )),
        m!("edc.missing.title", |v| remove(
            v,
            &format!("{SPEC}.learningOutcome.title")
        )),
        m!("edc.missing.awarded_by", |v| remove(
            v,
            "credentialSubject.hasClaim.awardedBy"
        )),
        m!("edc.missing.awarding_body", |v| remove(
            v,
            "credentialSubject.hasClaim.awardedBy.awardingBody"
        )),
        m!("edc.missing.grade", |v| remove(
            v,
            &format!("{ASSESSMENT}.grade")
        )),
        m!("edc.missing.framework", |v| remove(
            v,
            &format!("{SPEC}.creditPoint.framework")
        )),
        m!("edc.missing.point", |v| remove(
            v,
            &format!("{SPEC}.creditPoint.point")
        )),
        m!("edc.missing.entitlement_type", |v| set(
            v,
            "credentialSubject.hasClaim.entitlesTo",
            entitlement(
                json!({"id": "urn:epass:learningEntitlementSpec:1", "type": "LearningEntitlementSpecification", "title": {"en": "Access"}, "entitlementStatus": concept("http://data.europa.eu/snb/entitlement-status/5b8d7a3d8e", "http://data.europa.eu/snb/entitlement-status/25831c2", "actual")})
            )
        )),
        m!("edc.missing.entitlement_status", |v| set(
            v,
            "credentialSubject.hasClaim.entitlesTo",
            entitlement(
                json!({"id": "urn:epass:learningEntitlementSpec:1", "type": "LearningEntitlementSpecification", "title": {"en": "Access"}, "dcType": concept("http://data.europa.eu/snb/entitlement/64aad92881", "http://data.europa.eu/snb/entitlement/25831c2", "learning opportunity")})
            )
        )),
        m!("edc.missing.primary_language", |v| remove(
            v,
            "displayParameter.primaryLanguage"
        )),
        m!("edc.missing.language", |v| remove(
            v,
            "displayParameter.language"
        )),
        m!("edc.missing.individual_display", |v| remove(
            v,
            "displayParameter.individualDisplay"
        )),
        m!("edc.missing.display_detail", |v| remove(
            v,
            "displayParameter.individualDisplay.displayDetail"
        )),
        m!("edc.missing.image", |v| remove(v, IMAGE)),
        m!("edc.missing.page", |v| remove(
            v,
            "displayParameter.individualDisplay.displayDetail.page"
        )),
        m!("edc.missing.content", |v| remove(
            v,
            &format!("{IMAGE}.content")
        )),
        m!("edc.missing.content_encoding", |v| remove(
            v,
            &format!("{IMAGE}.contentEncoding")
        )),
        m!("edc.missing.content_type", |v| remove(
            v,
            &format!("{IMAGE}.contentType")
        )),
        m!("edc.missing.note_literal", |v| remove(
            v,
            &format!("{ASSESSMENT}.grade.noteLiteral")
        )),
        m!("edc.missing.content_url", |v| set(
            v,
            "issuer.homepage",
            json!({"id": "urn:epass:webResource:9", "type": "WebResource"})
        )),
        m!("edc.missing.evidence_type", |v| set(
            v,
            "evidence",
            json!({"id": "urn:epass:evidence:1", "type": "Evidence", "evidenceStatement": "Issued by the registrar."})
        )),
        m!("edc.concept.missing_id", |v| remove(
            v,
            "credentialProfiles.id"
        )),
        m!("edc.concept.missing_scheme", |v| remove(
            v,
            "credentialProfiles.inScheme"
        )),
        m!("mc.missing.learning_achievement", |v| {
            if let Some(claim) = at(v, "credentialSubject.hasClaim") {
                claim["type"] = json!("LearningActivity");
                if let Value::Object(map) = claim {
                    map.retain(|k, _| ["id", "type", "title", "awardedBy"].contains(&k.as_str()));
                }
            }
        }),
        m!("mc.missing.learner_identification", |v| {
            for key in [
                "fullName",
                "givenName",
                "familyName",
                "dateOfBirth",
                "nationalID",
                "identifier",
                "birthName",
                "patronymicName",
            ] {
                remove(v, &format!("credentialSubject.{key}"));
            }
        }),
        m!("mc.missing.title", |v| remove(
            v,
            "credentialSubject.hasClaim.title"
        )),
        m!("mc.missing.issuer_country", |v| remove(
            v,
            "credentialSubject.hasClaim.awardedBy.awardingBody.location.address.countryCode"
        )),
        m!("mc.missing.awarding_body", |v| remove(
            v,
            "credentialSubject.hasClaim.awardedBy.awardingBody"
        )),
        m!("mc.missing.date_of_issuing", |v| remove(v, "issued")),
        m!("mc.missing.learning_outcomes", |v| remove(
            v,
            &format!("{SPEC}.learningOutcome")
        )),
        m!("mc.missing.workload", |v| {
            remove(v, &format!("{SPEC}.creditPoint"));
            remove(v, &format!("{SPEC}.volumeOfLearning"));
        }),
        m!("mc.missing.level", |v| {
            remove(v, &format!("{SPEC}.eqfLevel"));
            remove(v, &format!("{SPEC}.nqfLevel"));
        }),
        m!("mc.missing.assessment_type", |v| remove(
            v,
            &format!("{ASSESSMENT}.specifiedBy.dcType")
        )),
        m!("mc.missing.form_of_participation", |v| remove(
            v,
            &format!("{SPEC}.mode")
        )),
        m!("mc.missing.learning_setting", |v| remove(
            v,
            &format!("{SPEC}.learningSetting")
        )),
        m!("mc.missing.quality_assurance", |v| remove(
            v,
            &format!("{SPEC}.accreditation")
        )),
        m!("mc.missing.prerequisites", |v| remove(
            v,
            &format!("{SPEC}.entryRequirement")
        )),
        m!("mc.missing.supervision", |v| remove(
            v,
            &format!("{ASSESSMENT}.idVerification")
        )),
        m!("mc.missing.grade", |v| remove(
            v,
            &format!("{ASSESSMENT}.grade")
        )),
        m!("mc.missing.stackability", |v| remove(
            v,
            &format!("{SPEC}.isPartialQualification")
        )),
        m!("mc.missing.further_information", |v| {
            for key in ["additionalNote", "supplementaryDocument", "homepage"] {
                remove(v, &format!("{SPEC}.{key}"));
                remove(v, &format!("credentialSubject.hasClaim.{key}"));
            }
        }),
        m!("mc.invalid.workload", |v| set(
            v,
            &format!("{SPEC}.creditPoint.point"),
            json!("-3")
        )),
        m!("mc.invalid.level", |v| set(
            v,
            &format!("{SPEC}.eqfLevel.id"),
            json!("http://data.europa.eu/snb/eqf/9")
        )),
        m!("mc.invalid.form_of_participation", |v| set(
            v,
            &format!("{SPEC}.mode.id"),
            json!("http://data.europa.eu/snb/learning-assessment/0000000000")
        )),
        m!("mc.invalid.learning_setting", |v| set(
            v,
            &format!("{SPEC}.learningSetting.id"),
            json!("http://data.europa.eu/snb/learning-setting/0000000000")
        )),
        m!("mc.invalid.quality_assurance", |v| set(
            v,
            &format!("{SPEC}.type"),
            json!("LearningAchievementSpecification")
        )),
    ]
}
