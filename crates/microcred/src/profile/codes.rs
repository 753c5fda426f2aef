//! Every code the profile check can emit, with its severity and meaning.
//!
//! One table feeds both the findings and [`CODES`], so a code cannot be emitted without being
//! listed, and the message of a finding is always the listed meaning.

use super::Severity;

/// A code with its default severity and meaning.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Code {
    pub code: &'static str,
    pub severity: Severity,
    pub meaning: &'static str,
}

macro_rules! codes {
    (
        $( $name:ident = $code:literal, $severity:ident, $meaning:literal; )*
        @too_many { $( $key:literal => $too_many:literal, )* }
    ) => {
        $( pub(crate) const $name: Code = Code { code: $code, severity: Severity::$severity, meaning: $meaning }; )*

        /// The code for several values in `key`, where the model and the EDC profile hold one.
        pub(crate) fn too_many(key: &str) -> Option<Code> {
            match key {
                $( $key => Some(Code {
                    code: $too_many,
                    severity: Severity::Error,
                    meaning: concat!("several values where the EDC profile allows one (", $key, ")"),
                }), )*
                _ => None,
            }
        }

        /// Every code the profile check can emit: (code, default severity, what it means).
        ///
        /// [`check_before_sealing`](super::check_before_sealing) lowers the few codes EDC resolves
        /// when sealing to [`Severity::Info`]; everything else is always reported at the severity
        /// listed here.
        pub const CODES: &[(&str, Severity, &str)] = &[
            $( ($code, Severity::$severity, $meaning), )*
            $( ($too_many, Severity::Error, concat!("several values where the EDC profile allows one (", $key, ")")), )*
        ];
    };
}

codes! {
    // The credential envelope.
    EDC_CREDENTIAL_SCHEMA = "edc.missing.credential_schema", Error,
        "the credential names no credentialSchema (the EDC application profile)";
    EDC_CREDENTIAL_SUBJECT = "edc.missing.credential_subject", Error, "the credential has no credentialSubject";
    EDC_ISSUER = "edc.missing.issuer", Error, "the credential has no issuer";
    EDC_EIDAS_IDENTIFIER = "edc.missing.eidas_identifier", Error,
        "the issuer has no eIDASIdentifier (EDC requires exactly one)";
    EDC_ISSUED = "edc.missing.issued", Error, "the credential has no issued date";
    EDC_VALID_FROM = "edc.missing.valid_from", Error, "the credential has no validFrom date";
    EDC_CREDENTIAL_PROFILES = "edc.missing.credential_profiles", Error, "the credential has no credentialProfiles";
    EDC_DISPLAY_PARAMETER = "edc.missing.display_parameter", Error, "the credential has no displayParameter";
    // People, organisations, places.
    EDC_HAS_CLAIM = "edc.missing.has_claim", Error, "the credential subject has no hasClaim";
    EDC_LEGAL_NAME = "edc.missing.legal_name", Error, "an organisation has no legalName";
    EDC_LOCATION = "edc.missing.location", Error, "an organisation has no location";
    EDC_ADDRESS = "edc.missing.address", Error, "a location has no address";
    EDC_COUNTRY_CODE = "edc.missing.country_code", Error, "an address has no countryCode";
    EDC_NOTATION = "edc.missing.notation", Error, "an identifier has no notation";
    EDC_SPATIAL = "edc.missing.spatial", Error, "a legal identifier has no spatial (issuing country)";
    EDC_PREF_LABEL = "edc.missing.pref_label", Error, "a group has no prefLabel";
    EDC_ACCREDITATION_TYPE = "edc.missing.accreditation_type", Error,
        "an accreditation has no dcType (kind of quality assurance)";
    EDC_ACCREDITING_AGENT = "edc.missing.accrediting_agent", Error, "an accreditation has no accreditingAgent";
    EDC_ACCREDITATION_EXPIRED = "edc.accreditation.expired", Error,
        "an accreditation's expiryDate is earlier than its dateIssued or than the credential's issued date (validFrom when there is none): it had expired when the credential was issued, which the Verifier reports as accreditation.expired";
    // Claims and what specifies them.
    EDC_TITLE = "edc.missing.title", Error,
        "a claim, specification, learning outcome, grading scheme, accreditation or display parameter has no title";
    EDC_AWARDED_BY = "edc.missing.awarded_by", Error, "a claim has no awardedBy";
    EDC_AWARDING_BODY = "edc.missing.awarding_body", Error, "an awarding process has no awardingBody";
    EDC_GRADE = "edc.missing.grade", Error, "a learning assessment has no grade";
    EDC_FRAMEWORK = "edc.missing.framework", Error, "a credit point has no framework";
    EDC_POINT = "edc.missing.point", Error, "a credit point has no point";
    EDC_ENTITLEMENT_TYPE = "edc.missing.entitlement_type", Error, "an entitlement specification has no dcType";
    EDC_ENTITLEMENT_STATUS = "edc.missing.entitlement_status", Error,
        "an entitlement specification has no entitlementStatus";
    // Display, media, notes, links, evidence.
    EDC_PRIMARY_LANGUAGE = "edc.missing.primary_language", Error, "the display parameter has no primaryLanguage";
    EDC_LANGUAGE = "edc.missing.language", Error, "a display parameter or individual display has no language";
    EDC_INDIVIDUAL_DISPLAY = "edc.missing.individual_display", Error, "the display parameter has no individualDisplay";
    EDC_DISPLAY_DETAIL = "edc.missing.display_detail", Error, "an individual display has no displayDetail";
    EDC_IMAGE = "edc.missing.image", Error, "a display detail has no image";
    EDC_PAGE = "edc.missing.page", Error, "a display detail has no page number";
    EDC_CONTENT = "edc.missing.content", Error, "a media object has no content";
    EDC_CONTENT_ENCODING = "edc.missing.content_encoding", Error, "a media object has no contentEncoding";
    EDC_CONTENT_TYPE = "edc.missing.content_type", Error, "a media object has no contentType";
    EDC_NOTE_LITERAL = "edc.missing.note_literal", Error, "a note has no noteLiteral";
    EDC_CONTENT_URL = "edc.missing.content_url", Error, "a web resource has no contentURL";
    EDC_EVIDENCE_TYPE = "edc.missing.evidence_type", Error, "an evidence has no dcType";
    // Controlled values.
    EDC_CONCEPT_ID = "edc.concept.missing_id", Error, "a controlled value (Concept) has no id";
    EDC_CONCEPT_SCHEME = "edc.concept.missing_scheme", Error,
        "a controlled value (Concept) has no inScheme with an id";

    // The graph as a whole.
    EDC_CONFLICTING_NODE = "edc.conflicting_node", Error,
        "two copies of one node (the same id) hold different values of a property that holds one, so the graph merges them into one contradictory node";

    // What JSON-LD would leave out of the graph EDC validates (`check_jsonld`).
    EDC_JSONLD_UNDEFINED_TERM = "edc.jsonld.undefined_term", Error,
        "a member whose name no JSON-LD context of the credential defines, so JSON-LD drops it and everything below it from the graph EDC validates";
    EDC_JSONLD_DROPPED_VALUE = "edc.jsonld.dropped_value", Error,
        "a value JSON-LD leaves out of the graph EDC validates (an id or type that is not an absolute IRI, a malformed language tag, ...)";
    EDC_JSONLD_INVALID = "edc.jsonld.invalid", Error,
        "the credential is not valid JSON-LD, so it has no graph for EDC to validate";
    EDC_JSONLD_UNCHECKED = "edc.jsonld.unchecked", Warning,
        "what JSON-LD would leave out of the graph was not checked: the credential is outside the fast JSON-LD path and this build has no full JSON-LD processor (the npm package loads it with loadFullProcessor())";

    // Annex I of Council Recommendation 2022/C 243/02.
    MC_LEARNING_ACHIEVEMENT = "mc.missing.learning_achievement", Error,
        "the credential claims no learning achievement, so it certifies no micro-credential";
    MC_LEARNER_IDENTIFICATION = "mc.missing.learner_identification", Error,
        "the learner has no name, nationalID, dateOfBirth or identifier";
    MC_TITLE = "mc.missing.title", Error, "the learning achievement has no title";
    MC_ISSUER_COUNTRY = "mc.missing.issuer_country", Error,
        "the awarding body has no location.address.countryCode (country/region of the issuer)";
    MC_AWARDING_BODY = "mc.missing.awarding_body", Error, "the learning achievement names no awarding body";
    MC_DATE_OF_ISSUING = "mc.missing.date_of_issuing", Error, "the credential has no issued date (date of issuing)";
    MC_LEARNING_OUTCOMES = "mc.missing.learning_outcomes", Error, "the specification lists no learningOutcome";
    MC_WORKLOAD = "mc.missing.workload", Error,
        "the specification has neither a creditPoint nor a volumeOfLearning (notional workload)";
    MC_LEVEL = "mc.missing.level", Warning,
        "the specification has neither an eqfLevel nor an nqfLevel (level, if applicable)";
    MC_ASSESSMENT_TYPE = "mc.missing.assessment_type", Error,
        "no assessment of the achievement has a specifiedBy.dcType (type of assessment)";
    MC_FORM_OF_PARTICIPATION = "mc.missing.form_of_participation", Error,
        "the specification has no mode (online, blended or presential)";
    MC_LEARNING_SETTING = "mc.missing.learning_setting", Warning,
        "the specification has no learningSetting (formal or non-formal)";
    MC_QUALITY_ASSURANCE = "mc.missing.quality_assurance", Error,
        "neither the specification nor the awarding body has an accreditation (type of quality assurance)";
    MC_PREREQUISITES = "mc.missing.prerequisites", Info, "the specification has no entryRequirement (prerequisites)";
    MC_SUPERVISION = "mc.missing.supervision", Info,
        "no assessment has an idVerification (supervision and identity verification)";
    MC_GRADE = "mc.missing.grade", Info, "no assessment of the achievement has a grade";
    MC_STACKABILITY = "mc.missing.stackability", Info,
        "nothing says how the achievement stacks (isPartialQualification, hasPart, isPartOf, entitlesTo)";
    MC_FURTHER_INFORMATION = "mc.missing.further_information", Info,
        "neither the achievement nor its specification has an additionalNote, supplementaryDocument or homepage";
    MC_INVALID_WORKLOAD = "mc.invalid.workload", Error, "a credit point's point is not a positive number";
    MC_INVALID_LEVEL = "mc.invalid.level", Error, "the eqfLevel is not a level of the EQF scheme";
    MC_INVALID_FORM_OF_PARTICIPATION = "mc.invalid.form_of_participation", Error,
        "a mode is not online, blended or presential (the learning-assessment list)";
    MC_INVALID_LEARNING_SETTING = "mc.invalid.learning_setting", Warning,
        "the learningSetting is not formal or non-formal (the learning-setting list)";
    MC_INVALID_QUALITY_ASSURANCE = "mc.invalid.quality_assurance", Warning,
        "the specification carries an accreditation but is not typed Qualification (ELM defines accreditation there)";

    // Values that did not fit their place when the credential was read (kept as they were).
    EDC_UNEXPECTED_CLASS = "edc.unexpected_class", Error,
        "a node of a class that cannot stand in this place (the EDC shapes expect another class here)";
    EDC_INVALID_VALUE = "edc.invalid_value", Error,
        "a value has the wrong shape for its place (a string where a node belongs, ...) or is not a valid literal of its datatype";

    // Where ELM 3.1 and 3.2 (same context URL, different contexts and shapes) read the credential
    // differently: reported, never failed.
    EDC_VERSION_NATIONAL_ID = "edc.version.national_id", Info,
        "nationalID is elm:nationalID in ELM 3.1 and elm:nationalId in ELM 3.2: a reader of the other version sees another property";
    EDC_VERSION_EMBEDDED_PROOF = "edc.version.embedded_proof", Warning,
        "an embedded proof: the ELM 3.2 shapes reject it unless it is an elm:Proof node (EDC 3.2 seals with JAdES instead)";
    EDC_VERSION_CREDENTIAL_STATUS = "edc.version.credential_status", Warning,
        "a credentialStatus entry that is not typed CredentialStatus, which the ELM 3.2 shapes require";
    EDC_VERSION_TERMS_OF_USE = "edc.version.terms_of_use", Warning,
        "a termsOfUse entry that is not typed TermsOfUse, which the ELM 3.2 shapes require";

    // One code per property the model holds once: `edc.too_many.<property>`.
    @too_many {
        "accreditingAgent" => "edc.too_many.accrediting_agent",
        "areaDialingCode" => "edc.too_many.area_dialing_code",
        "attachmentType" => "edc.too_many.attachment_type",
        "awardedBy" => "edc.too_many.awarded_by",
        "awardingDate" => "edc.too_many.awarding_date",
        "content" => "edc.too_many.content",
        "contentEncoding" => "edc.too_many.content_encoding",
        "contentSize" => "edc.too_many.content_size",
        "contentType" => "edc.too_many.content_type",
        "contentURL" => "edc.too_many.content_url",
        "countryCode" => "edc.too_many.country_code",
        "countryDialing" => "edc.too_many.country_dialing",
        "credentialSubject" => "edc.too_many.credential_subject",
        "dateIssued" => "edc.too_many.date_issued",
        "dateOfBirth" => "edc.too_many.date_of_birth",
        "dcType" => "edc.too_many.dc_type",
        "decision" => "edc.too_many.decision",
        "dialNumber" => "edc.too_many.dial_number",
        "displayParameter" => "edc.too_many.display_parameter",
        "eIDASIdentifier" => "edc.too_many.eidas_identifier",
        "educationalSystemNote" => "edc.too_many.educational_system_note",
        "endDate" => "edc.too_many.end_date",
        "entitlementStatus" => "edc.too_many.entitlement_status",
        "entryRequirement" => "edc.too_many.entry_requirement",
        "eqfLevel" => "edc.too_many.eqf_level",
        "evidenceStatement" => "edc.too_many.evidence_statement",
        "expirationDate" => "edc.too_many.expiration_date",
        "expiryDate" => "edc.too_many.expiry_date",
        "framework" => "edc.too_many.framework",
        "fullAddress" => "edc.too_many.full_address",
        "gender" => "edc.too_many.gender",
        "grade" => "edc.too_many.grade",
        "gradeStatus" => "edc.too_many.grade_status",
        "gradingScheme" => "edc.too_many.grading_scheme",
        "holder" => "edc.too_many.holder",
        "idVerification" => "edc.too_many.id_verification",
        "image" => "edc.too_many.image",
        "inScheme" => "edc.too_many.in_scheme",
        "isPartialQualification" => "edc.too_many.is_partial_qualification",
        "issuanceDate" => "edc.too_many.issuance_date",
        "issued" => "edc.too_many.issued",
        "issuer" => "edc.too_many.issuer",
        "language" => "edc.too_many.language",
        "learningOutcomeSummary" => "edc.too_many.learning_outcome_summary",
        "learningSetting" => "edc.too_many.learning_setting",
        "levelOfCompletion" => "edc.too_many.level_of_completion",
        "logo" => "edc.too_many.logo",
        "maximumDuration" => "edc.too_many.maximum_duration",
        "nationalID" => "edc.too_many.national_id",
        "notation" => "edc.too_many.notation",
        "noteFormat" => "edc.too_many.note_format",
        "organisation" => "edc.too_many.organisation",
        "page" => "edc.too_many.page",
        "phoneNumber" => "edc.too_many.phone_number",
        "placeOfBirth" => "edc.too_many.place_of_birth",
        "point" => "edc.too_many.point",
        "primaryLanguage" => "edc.too_many.primary_language",
        "registration" => "edc.too_many.registration",
        "report" => "edc.too_many.report",
        "reusabilityLevel" => "edc.too_many.reusability_level",
        "reviewDate" => "edc.too_many.review_date",
        "schemeId" => "edc.too_many.scheme_id",
        "schemeName" => "edc.too_many.scheme_name",
        "schemeVersion" => "edc.too_many.scheme_version",
        "spatial" => "edc.too_many.spatial",
        "specifiedBy" => "edc.too_many.specified_by",
        "startDate" => "edc.too_many.start_date",
        "status" => "edc.too_many.status",
        "subject" => "edc.too_many.subject",
        "summaryDisplay" => "edc.too_many.summary_display",
        "validFrom" => "edc.too_many.valid_from",
        "validUntil" => "edc.too_many.valid_until",
        "volumeOfLearning" => "edc.too_many.volume_of_learning",
        "workload" => "edc.too_many.workload",
    }
}

#[cfg(test)]
mod tests {
    use super::{CODES, too_many};
    use crate::model::{AnyNode, DecodeErrorKind};

    /// Every property the model holds once has an `edc.too_many.*` code.
    #[test]
    fn every_single_valued_property_has_a_too_many_code() {
        let mut checked = 0;
        for (class, keys) in AnyNode::CLASSES {
            for key in *keys {
                let node = AnyNode::read(&serde_json::json!({"type": class, *key: [null, null]}));
                for stray in node.strays() {
                    if stray.error.kind == DecodeErrorKind::TooMany {
                        assert!(
                            too_many(key).is_some(),
                            "{class}.{key} has no edc.too_many code"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 60, "{checked}");
    }

    #[test]
    fn codes_are_unique_and_namespaced() {
        let mut seen = std::collections::BTreeSet::new();
        for (code, _, meaning) in CODES {
            assert!(seen.insert(*code), "{code} listed twice");
            assert!(
                code.starts_with("edc.") || code.starts_with("mc."),
                "{code}"
            );
            assert!(!meaning.is_empty(), "{code}");
        }
    }
}
