//! The term table: every JSON key of the EDC application profile with the IRI it stands for.
//!
//! The model's fields point at these entries, so the JSON-LD context can be derived from the model
//! and an RDF view can name each value. The IRIs are those of the ELM 3.1 / EDC AP 1.1 context
//! (`http://data.europa.eu/snb/model/context/edc-ap`) and of the W3C VC 1.1 context for the
//! credential envelope. One upstream quirk is kept as published, since a different IRI would be a
//! different graph: the `clv` prefix (`http://data.europa.eu/m8g`) has no trailing delimiter, and
//! JSON-LD 1.1 only uses a term as a prefix when its IRI ends in one, so `latitude` and `longitude`
//! expand to the IRIs `clv:latitude` and `clv:longitude` themselves.

// Each constant is named after its JSON key and documented by the table itself.
#![allow(missing_docs)]

/// How a term's value is written in JSON-LD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// A node (`"@type": "@id"`): an embedded object or an IRI.
    Node,
    /// A language map (`"@container": "@language"`).
    Language,
    /// A literal with this datatype IRI.
    Literal(&'static str),
    /// A plain literal with no coercion.
    Plain,
    /// The VC envelope's `@graph` container (`proof`).
    Graph,
}

/// One JSON key and its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// The JSON key.
    pub name: &'static str,
    /// The property IRI.
    pub iri: &'static str,
    /// How values are coerced.
    pub kind: TermKind,
}

impl Term {
    const fn new(name: &'static str, iri: &'static str, kind: TermKind) -> Self {
        Term { name, iri, kind }
    }

    /// True when the term comes from the W3C VC 1.1 context rather than the EDC context.
    pub fn is_vc_envelope(&self) -> bool {
        self.iri.starts_with(VC_NS) || self.iri.starts_with(SEC_NS)
    }
}

/// W3C credentials vocabulary namespace (VC 1.1).
pub const VC_NS: &str = "https://www.w3.org/2018/credentials#";
/// W3C security vocabulary namespace.
pub const SEC_NS: &str = "https://w3id.org/security#";
const XSD_DATETIME: &str = "http://www.w3.org/2001/XMLSchema#dateTime";

// The VC 1.1 envelope terms that ELM credentials use.
pub const CREDENTIAL_SCHEMA: Term = Term::new(
    "credentialSchema",
    "https://www.w3.org/2018/credentials#credentialSchema",
    TermKind::Node,
);
pub const CREDENTIAL_STATUS: Term = Term::new(
    "credentialStatus",
    "https://www.w3.org/2018/credentials#credentialStatus",
    TermKind::Node,
);
pub const CREDENTIAL_SUBJECT: Term = Term::new(
    "credentialSubject",
    "https://www.w3.org/2018/credentials#credentialSubject",
    TermKind::Node,
);
pub const EVIDENCE: Term = Term::new(
    "evidence",
    "https://www.w3.org/2018/credentials#evidence",
    TermKind::Node,
);
pub const EXPIRATION_DATE: Term = Term::new(
    "expirationDate",
    "https://www.w3.org/2018/credentials#expirationDate",
    TermKind::Literal(XSD_DATETIME),
);
pub const HOLDER: Term = Term::new(
    "holder",
    "https://www.w3.org/2018/credentials#holder",
    TermKind::Node,
);
pub const ISSUED: Term = Term::new(
    "issued",
    "https://www.w3.org/2018/credentials#issued",
    TermKind::Literal(XSD_DATETIME),
);
pub const ISSUER: Term = Term::new(
    "issuer",
    "https://www.w3.org/2018/credentials#issuer",
    TermKind::Node,
);
pub const ISSUANCE_DATE: Term = Term::new(
    "issuanceDate",
    "https://www.w3.org/2018/credentials#issuanceDate",
    TermKind::Literal(XSD_DATETIME),
);
pub const PROOF: Term = Term::new("proof", "https://w3id.org/security#proof", TermKind::Graph);
pub const TERMS_OF_USE: Term = Term::new(
    "termsOfUse",
    "https://www.w3.org/2018/credentials#termsOfUse",
    TermKind::Node,
);
pub const VALID_FROM: Term = Term::new(
    "validFrom",
    "https://www.w3.org/2018/credentials#validFrom",
    TermKind::Literal(XSD_DATETIME),
);
pub const VALID_UNTIL: Term = Term::new(
    "validUntil",
    "https://www.w3.org/2018/credentials#validUntil",
    TermKind::Literal(XSD_DATETIME),
);

/// The VC 1.1 envelope terms, in the order the writer emits them.
pub const VC_TERMS: &[Term] = &[
    CREDENTIAL_SCHEMA,
    CREDENTIAL_STATUS,
    CREDENTIAL_SUBJECT,
    EVIDENCE,
    EXPIRATION_DATE,
    HOLDER,
    ISSUED,
    ISSUER,
    ISSUANCE_DATE,
    PROOF,
    TERMS_OF_USE,
    VALID_FROM,
    VALID_UNTIL,
];

// The EDC application-profile terms.

pub const ACCREDITATION: Term = Term::new(
    "accreditation",
    "http://data.europa.eu/snb/model/elm/accreditation",
    TermKind::Node,
);
pub const ACCREDITING_AGENT: Term = Term::new(
    "accreditingAgent",
    "http://data.europa.eu/snb/model/elm/accreditingAgent",
    TermKind::Node,
);
pub const ADMISSION_PROCEDURE: Term = Term::new(
    "admissionProcedure",
    "http://data.europa.eu/snb/model/elm/admissionProcedure",
    TermKind::Node,
);
pub const ADDITIONAL_NOTE: Term = Term::new(
    "additionalNote",
    "http://data.europa.eu/snb/model/elm/additionalNote",
    TermKind::Node,
);
pub const ADDRESS: Term = Term::new(
    "address",
    "http://data.europa.eu/snb/model/elm/address",
    TermKind::Node,
);
pub const ALT_LABEL: Term = Term::new(
    "altLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    TermKind::Language,
);
pub const APPLICATION_DEADLINE: Term = Term::new(
    "applicationDeadline",
    "http://data.europa.eu/snb/model/elm/applicationDeadline",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#dateTime"),
);
pub const AREA_DIALING_CODE: Term = Term::new(
    "areaDialingCode",
    "http://data.europa.eu/snb/model/elm/areaDialingCode",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const ASSESSED_BY: Term = Term::new(
    "assessedBy",
    "http://data.europa.eu/snb/model/elm/assessedBy",
    TermKind::Node,
);
pub const ATTACHMENT: Term = Term::new(
    "attachment",
    "http://data.europa.eu/snb/model/elm/attachment",
    TermKind::Node,
);
pub const ATTACHMENT_TYPE: Term = Term::new(
    "attachmentType",
    "http://data.europa.eu/snb/model/elm/attachmentType",
    TermKind::Node,
);
pub const AWARDING_BODY: Term = Term::new(
    "awardingBody",
    "http://data.europa.eu/snb/model/elm/awardingBody",
    TermKind::Node,
);
pub const AWARDING_DATE: Term = Term::new(
    "awardingDate",
    "http://data.europa.eu/snb/model/elm/awardingDate",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#dateTime"),
);
pub const AWARDING_OPPORTUNITY: Term = Term::new(
    "awardingOpportunity",
    "http://data.europa.eu/snb/model/elm/awardingOpportunity",
    TermKind::Node,
);
pub const AWARDED_BY: Term = Term::new(
    "awardedBy",
    "http://data.europa.eu/snb/model/elm/awardedBy",
    TermKind::Node,
);
pub const AWARDS: Term = Term::new(
    "awards",
    "http://data.europa.eu/snb/model/elm/awards",
    TermKind::Node,
);
pub const BANNER_IMAGE: Term = Term::new(
    "bannerImage",
    "http://data.europa.eu/snb/model/elm/bannerImage",
    TermKind::Node,
);
pub const BIRTH_NAME: Term = Term::new(
    "birthName",
    "http://www.w3.org/ns/person#birthName",
    TermKind::Language,
);
pub const CATEGORY: Term = Term::new(
    "category",
    "http://data.europa.eu/snb/model/elm/category",
    TermKind::Language,
);
pub const CITIZENSHIP_COUNTRY: Term = Term::new(
    "citizenshipCountry",
    "http://data.europa.eu/snb/model/elm/citizenshipCountry",
    TermKind::Node,
);
pub const HAS_SUB_ORGANIZATION: Term = Term::new(
    "hasSubOrganization",
    "http://www.w3.org/ns/org#hasSubOrganization",
    TermKind::Node,
);
pub const CONTACT_FORM: Term = Term::new(
    "contactForm",
    "http://data.europa.eu/snb/model/elm/contactForm",
    TermKind::Node,
);
pub const CONTACT_HOUR: Term = Term::new(
    "contactHour",
    "http://data.europa.eu/snb/model/elm/contactHour",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const CONTACT_POINT: Term = Term::new(
    "contactPoint",
    "http://data.europa.eu/snb/model/elm/contactPoint",
    TermKind::Node,
);
pub const CONTENT: Term = Term::new(
    "content",
    "http://data.europa.eu/snb/model/elm/content",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const CONTENT_ENCODING: Term = Term::new(
    "contentEncoding",
    "http://data.europa.eu/snb/model/elm/contentEncoding",
    TermKind::Node,
);
pub const CONTENT_SIZE: Term = Term::new(
    "contentSize",
    "http://data.europa.eu/snb/model/elm/contentSize",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#integer"),
);
pub const CONTENT_TYPE: Term = Term::new(
    "contentType",
    "http://data.europa.eu/snb/model/elm/contentType",
    TermKind::Node,
);
pub const CONTENT_URL: Term = Term::new(
    "contentURL",
    "http://data.europa.eu/snb/model/elm/contentUrl",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#anyURI"),
);
pub const COUNT: Term = Term::new(
    "count",
    "http://data.europa.eu/snb/model/elm/count",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#positiveInteger"),
);
pub const COUNTRY_CODE: Term = Term::new(
    "countryCode",
    "http://data.europa.eu/snb/model/elm/countryCode",
    TermKind::Node,
);
pub const COUNTRY_DIALING: Term = Term::new(
    "countryDialing",
    "http://data.europa.eu/snb/model/elm/countryDialing",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const CREATOR: Term = Term::new(
    "creator",
    "http://purl.org/dc/terms/creator",
    TermKind::Node,
);
pub const CREDIT_POINT: Term = Term::new(
    "creditPoint",
    "http://data.europa.eu/snb/model/elm/creditPoint",
    TermKind::Node,
);
pub const CREDIT_RECEIVED: Term = Term::new(
    "creditReceived",
    "http://data.europa.eu/snb/model/elm/creditReceived",
    TermKind::Node,
);
pub const DATE_CREATED: Term = Term::new(
    "dateCreated",
    "http://purl.org/dc/terms/created",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#dateTime"),
);
pub const DATE_ISSUED: Term = Term::new(
    "dateIssued",
    "http://purl.org/dc/terms/issued",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#dateTime"),
);
pub const DATE_MODIFIED: Term = Term::new(
    "dateModified",
    "http://purl.org/dc/terms/modified",
    TermKind::Node,
);
pub const DATE_OF_BIRTH: Term = Term::new(
    "dateOfBirth",
    "http://data.europa.eu/snb/model/elm/dateOfBirth",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#dateTime"),
);
pub const CREDENTIAL_PROFILES: Term = Term::new(
    "credentialProfiles",
    "http://data.europa.eu/snb/model/elm/credentialProfiles",
    TermKind::Node,
);
pub const DECISION: Term = Term::new(
    "decision",
    "http://data.europa.eu/snb/model/elm/decision",
    TermKind::Node,
);
pub const DESCRIPTION: Term = Term::new(
    "description",
    "http://purl.org/dc/terms/description",
    TermKind::Language,
);
pub const DESCRIPTION_HTML: Term = Term::new(
    "descriptionHtml",
    "http://data.europa.eu/snb/model/elm/descriptionHtml",
    TermKind::Node,
);
pub const DEFINITION: Term = Term::new(
    "definition",
    "http://www.w3.org/2004/02/skos/core#definition",
    TermKind::Language,
);
pub const DIAL_NUMBER: Term = Term::new(
    "dialNumber",
    "http://data.europa.eu/snb/model/elm/dialNumber",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const DIRECTED_BY: Term = Term::new(
    "directedBy",
    "http://data.europa.eu/snb/model/elm/directedBy",
    TermKind::Node,
);
pub const DC_TYPE: Term = Term::new("dcType", "http://purl.org/dc/terms/type", TermKind::Node);
pub const DISPLAY_PARAMETER: Term = Term::new(
    "displayParameter",
    "http://data.europa.eu/snb/model/elm/displayParameter",
    TermKind::Node,
);
pub const DISPLAY_DETAIL: Term = Term::new(
    "displayDetail",
    "http://data.europa.eu/snb/model/elm/displayDetail",
    TermKind::Node,
);
pub const DURATION: Term = Term::new(
    "duration",
    "http://data.europa.eu/snb/model/elm/duration",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#duration"),
);
pub const EDUCATION_LEVEL: Term = Term::new(
    "educationLevel",
    "http://data.europa.eu/snb/model/elm/educationLevel",
    TermKind::Node,
);
pub const EDUCATION_SUBJECT: Term = Term::new(
    "educationSubject",
    "http://data.europa.eu/snb/model/elm/educationSubject",
    TermKind::Node,
);
pub const EIDAS_IDENTIFIER: Term = Term::new(
    "eIDASIdentifier",
    "http://data.europa.eu/snb/model/elm/eidasLegalIdentifier",
    TermKind::Node,
);
pub const ELM_SUBJECT: Term = Term::new(
    "elmSubject",
    "http://data.europa.eu/snb/model/elm/subject",
    TermKind::Node,
);
pub const EMAIL_ADDRESS: Term = Term::new(
    "emailAddress",
    "http://data.europa.eu/snb/model/elm/emailAddress",
    TermKind::Node,
);
pub const EMBEDDED_EVIDENCE: Term = Term::new(
    "embeddedEvidence",
    "http://data.europa.eu/snb/model/elm/embeddedEvidence",
    TermKind::Node,
);
pub const END_DATE: Term = Term::new(
    "endDate",
    "http://data.europa.eu/snb/model/elm/endDate",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#dateTime"),
);
pub const ENTITLES_TO: Term = Term::new(
    "entitlesTo",
    "http://data.europa.eu/snb/model/elm/entitlesTo",
    TermKind::Node,
);
pub const ENTITLED_BY: Term = Term::new(
    "entitledBy",
    "http://data.europa.eu/snb/model/elm/entitledBy",
    TermKind::Node,
);
pub const ENTITLEMENT_STATUS: Term = Term::new(
    "entitlementStatus",
    "http://data.europa.eu/snb/model/elm/entitlementStatus",
    TermKind::Node,
);
pub const ENTRY_REQUIREMENT: Term = Term::new(
    "entryRequirement",
    "http://data.europa.eu/snb/model/elm/entryRequirement",
    TermKind::Node,
);
pub const EQF_LEVEL: Term = Term::new(
    "eqfLevel",
    "http://data.europa.eu/snb/model/elm/EQFLevel",
    TermKind::Node,
);
pub const EVIDENCE_STATEMENT: Term = Term::new(
    "evidenceStatement",
    "http://data.europa.eu/snb/model/elm/evidenceStatement",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const EVIDENCE_TARGET: Term = Term::new(
    "evidenceTarget",
    "http://data.europa.eu/snb/model/elm/evidenceTarget",
    TermKind::Node,
);
pub const EXPIRY_DATE: Term = Term::new(
    "expiryDate",
    "http://data.europa.eu/snb/model/elm/expiryDate",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#dateTime"),
);
pub const FAMILY_NAME: Term = Term::new(
    "familyName",
    "http://xmlns.com/foaf/0.1/familyName",
    TermKind::Language,
);
pub const FULL_NAME: Term = Term::new(
    "fullName",
    "http://xmlns.com/foaf/0.1/fullName",
    TermKind::Language,
);
pub const PRICE_DETAIL: Term = Term::new(
    "priceDetail",
    "http://data.europa.eu/snb/model/elm/priceDetail",
    TermKind::Node,
);
pub const AMOUNT: Term = Term::new(
    "amount",
    "http://data.europa.eu/snb/model/elm/amount",
    TermKind::Node,
);
pub const FRAMEWORK: Term = Term::new(
    "framework",
    "http://data.europa.eu/snb/model/elm/framework",
    TermKind::Node,
);
pub const FULL_ADDRESS: Term = Term::new(
    "fullAddress",
    "http://data.europa.eu/snb/model/elm/fullAddress",
    TermKind::Node,
);
pub const GEOGRAPHIC_NAME: Term = Term::new(
    "geographicName",
    "http://data.europa.eu/snb/model/elm/geographicName",
    TermKind::Language,
);
pub const GENDER: Term = Term::new(
    "gender",
    "http://data.europa.eu/snb/model/elm/gender",
    TermKind::Node,
);
pub const GENERALISATION_OF: Term = Term::new(
    "generalisationOf",
    "http://data.europa.eu/snb/model/elm/generalisationOf",
    TermKind::Node,
);
pub const GIVEN_NAME: Term = Term::new(
    "givenName",
    "http://xmlns.com/foaf/0.1/givenName",
    TermKind::Language,
);
pub const GRADE: Term = Term::new(
    "grade",
    "http://data.europa.eu/snb/model/elm/grade",
    TermKind::Node,
);
pub const GRADE_STATUS: Term = Term::new(
    "gradeStatus",
    "http://data.europa.eu/snb/model/elm/gradeStatus",
    TermKind::Node,
);
pub const GRADING_SCHEME: Term = Term::new(
    "gradingScheme",
    "http://data.europa.eu/snb/model/elm/gradingScheme",
    TermKind::Node,
);
pub const GRANT: Term = Term::new(
    "grant",
    "http://data.europa.eu/snb/model/elm/grant",
    TermKind::Node,
);
pub const GROUP_MEMBER_OF: Term = Term::new(
    "groupMemberOf",
    "http://data.europa.eu/snb/model/elm/groupMemberOf",
    TermKind::Node,
);
pub const HAS_CLAIM: Term = Term::new(
    "hasClaim",
    "http://data.europa.eu/snb/model/elm/hasClaim",
    TermKind::Node,
);
pub const HAS_CREDENTIAL: Term = Term::new(
    "hasCredential",
    "http://data.europa.eu/snb/model/elm/hasCredential",
    TermKind::Node,
);
pub const HAS_PART: Term = Term::new(
    "hasPart",
    "http://data.europa.eu/snb/model/elm/hasPart",
    TermKind::Node,
);
pub const HOMEPAGE: Term = Term::new(
    "homepage",
    "http://xmlns.com/foaf/0.1/homepage",
    TermKind::Node,
);
pub const IMAGE: Term = Term::new(
    "image",
    "http://data.europa.eu/snb/model/elm/image",
    TermKind::Node,
);
pub const IDENTIFIER: Term = Term::new(
    "identifier",
    "http://www.w3.org/ns/adms#identifier",
    TermKind::Node,
);
pub const ID_VERIFICATION: Term = Term::new(
    "idVerification",
    "http://data.europa.eu/snb/model/elm/idVerification",
    TermKind::Node,
);
pub const INFLUENCED_BY: Term = Term::new(
    "influencedBy",
    "http://data.europa.eu/snb/model/elm/influencedBy",
    TermKind::Node,
);
pub const INFLUENCES: Term = Term::new(
    "influences",
    "http://data.europa.eu/snb/model/elm/influences",
    TermKind::Node,
);
pub const IN_SCHEME: Term = Term::new(
    "inScheme",
    "http://www.w3.org/2004/02/skos/core#inScheme",
    TermKind::Node,
);
pub const INDIVIDUAL_DISPLAY: Term = Term::new(
    "individualDisplay",
    "http://data.europa.eu/snb/model/elm/individualDisplay",
    TermKind::Node,
);
pub const IS_PART_OF: Term = Term::new(
    "isPartOf",
    "http://data.europa.eu/snb/model/elm/isPartOf",
    TermKind::Node,
);
pub const IS_PARTIAL_QUALIFICATION: Term = Term::new(
    "isPartialQualification",
    "http://data.europa.eu/snb/model/elm/isPartialQualification",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#boolean"),
);
pub const LABEL: Term = Term::new(
    "label",
    "http://data.europa.eu/snb/model/elm/label",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const LANDING_PAGE: Term = Term::new(
    "landingPage",
    "http://data.europa.eu/snb/model/elm/landingPage",
    TermKind::Node,
);
pub const LANGUAGE: Term = Term::new(
    "language",
    "http://purl.org/dc/terms/language",
    TermKind::Node,
);
pub const LATITUDE: Term = Term::new(
    "latitude",
    "clv:latitude",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const LEARNING_ACHIEVEMENT_SPECIFICATION: Term = Term::new(
    "learningAchievementSpecification",
    "http://data.europa.eu/snb/model/elm/learningAchievementSpecification",
    TermKind::Node,
);
pub const LEGAL_NAME: Term = Term::new(
    "legalName",
    "http://www.w3.org/ns/regorg#legalName",
    TermKind::Language,
);
pub const LONGITUDE: Term = Term::new(
    "longitude",
    "clv:longitude",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const LEARNING_ACTIVITY_SPECIFICATION: Term = Term::new(
    "learningActivitySpecification",
    "http://data.europa.eu/snb/model/elm/learningActivitySpecification",
    TermKind::Node,
);
pub const LEARNING_OPPORTUNITY: Term = Term::new(
    "learningOpportunity",
    "http://data.europa.eu/snb/model/elm/learningOpportunity",
    TermKind::Node,
);
pub const LEARNING_OUTCOME: Term = Term::new(
    "learningOutcome",
    "http://data.europa.eu/snb/model/elm/learningOutcome",
    TermKind::Node,
);
pub const LEARNING_OUTCOME_SUMMARY: Term = Term::new(
    "learningOutcomeSummary",
    "http://data.europa.eu/snb/model/elm/learningOutcomeSummary",
    TermKind::Node,
);
pub const LEARNING_SETTING: Term = Term::new(
    "learningSetting",
    "http://data.europa.eu/snb/model/elm/learningSetting",
    TermKind::Node,
);
pub const LEARNING_SCHEDULE: Term = Term::new(
    "learningSchedule",
    "http://data.europa.eu/snb/model/elm/learningSchedule",
    TermKind::Node,
);
pub const LEVEL_OF_COMPLETION: Term = Term::new(
    "levelOfCompletion",
    "http://data.europa.eu/snb/model/elm/levelOfCompletion",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#positiveInteger"),
);
pub const LIMIT_CREDENTIAL_TYPE: Term = Term::new(
    "limitCredentialType",
    "http://data.europa.eu/snb/model/elm/limitCredentialType",
    TermKind::Node,
);
pub const LIMIT_EQF_LEVEL: Term = Term::new(
    "limitEQFLevel",
    "http://data.europa.eu/snb/model/elm/limitEQFLevel",
    TermKind::Node,
);
pub const LIMIT_FIELD: Term = Term::new(
    "limitField",
    "http://data.europa.eu/snb/model/elm/limitField",
    TermKind::Node,
);
pub const LIMIT_JURISDICTION: Term = Term::new(
    "limitJurisdiction",
    "http://data.europa.eu/snb/model/elm/limitJurisdiction",
    TermKind::Node,
);
pub const LIMIT_NATIONAL_OCCUPATION: Term = Term::new(
    "limitNationalOccupation",
    "http://data.europa.eu/snb/model/elm/limitNationalOccupation",
    TermKind::Node,
);
pub const LIMIT_OCCUPATION: Term = Term::new(
    "limitOccupation",
    "http://data.europa.eu/snb/model/elm/limitOccupation",
    TermKind::Node,
);
pub const LIMIT_ORGANISATION: Term = Term::new(
    "limitOrganisation",
    "http://data.europa.eu/snb/model/elm/limitOrganisation",
    TermKind::Node,
);
pub const LIMIT_QUALIFICATION: Term = Term::new(
    "limitQualification",
    "http://data.europa.eu/snb/model/elm/limitQualification",
    TermKind::Node,
);
pub const LOCATION: Term = Term::new(
    "location",
    "http://data.europa.eu/snb/model/elm/location",
    TermKind::Node,
);
pub const LOGO: Term = Term::new(
    "logo",
    "http://data.europa.eu/snb/model/elm/logo",
    TermKind::Node,
);
pub const MAXIMUM_DURATION: Term = Term::new(
    "maximumDuration",
    "http://data.europa.eu/snb/model/elm/maximumDuration",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#duration"),
);
pub const MAXIMUM_SCORE: Term = Term::new(
    "maximumScore",
    "http://data.europa.eu/snb/model/elm/maxScore",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const MINIMUM_SCORE: Term = Term::new(
    "minimumScore",
    "http://data.europa.eu/snb/model/elm/minScore",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const MEMBER: Term = Term::new("member", "http://xmlns.com/foaf/0.1/member", TermKind::Node);
pub const MEMBER_OF: Term = Term::new(
    "memberOf",
    "http://www.w3.org/ns/org#memberOf",
    TermKind::Node,
);
pub const MODE: Term = Term::new(
    "mode",
    "http://data.europa.eu/snb/model/elm/mode",
    TermKind::Node,
);
pub const EDUCATIONAL_SYSTEM_NOTE: Term = Term::new(
    "educationalSystemNote",
    "http://data.europa.eu/snb/model/elm/educationalSystemNote",
    TermKind::Node,
);
pub const NATIONAL_ID: Term = Term::new(
    "nationalID",
    "http://data.europa.eu/snb/model/elm/nationalID",
    TermKind::Node,
);
pub const NOTATION: Term = Term::new(
    "notation",
    "http://www.w3.org/2004/02/skos/core#notation",
    TermKind::Plain,
);
pub const NOTE_FORMAT: Term = Term::new(
    "noteFormat",
    "http://data.europa.eu/snb/model/elm/noteFormat",
    TermKind::Node,
);
pub const NOTE_LITERAL: Term = Term::new(
    "noteLiteral",
    "http://data.europa.eu/snb/model/elm/noteLiteral",
    TermKind::Language,
);
pub const NQF_LEVEL: Term = Term::new(
    "nqfLevel",
    "http://data.europa.eu/snb/model/elm/NQFLevel",
    TermKind::Node,
);
pub const ORGANISATION: Term = Term::new(
    "organisation",
    "http://data.europa.eu/snb/model/elm/organisation",
    TermKind::Node,
);
pub const PAGE: Term = Term::new(
    "page",
    "http://data.europa.eu/snb/model/elm/page",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#positiveInteger"),
);
pub const PATRONYMIC_NAME: Term = Term::new(
    "patronymicName",
    "http://www.w3.org/ns/person#patronymicName",
    TermKind::Language,
);
pub const PERCENTAGE_EQUAL: Term = Term::new(
    "percentageEqual",
    "http://data.europa.eu/snb/model/elm/percentageEqual",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#integer"),
);
pub const PERCENTAGE_HIGHER: Term = Term::new(
    "percentageHigher",
    "http://data.europa.eu/snb/model/elm/percentageHigher",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#integer"),
);
pub const PERCENTAGE_LOWER: Term = Term::new(
    "percentageLower",
    "http://data.europa.eu/snb/model/elm/percentageLower",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#integer"),
);
pub const PLACE_OF_BIRTH: Term = Term::new(
    "placeOfBirth",
    "http://data.europa.eu/snb/model/elm/placeOfBirth",
    TermKind::Node,
);
pub const PRIMARY_LANGUAGE: Term = Term::new(
    "primaryLanguage",
    "http://data.europa.eu/snb/model/elm/primaryLanguage",
    TermKind::Node,
);
pub const POINT: Term = Term::new(
    "point",
    "http://data.europa.eu/snb/model/elm/point",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const PHONE: Term = Term::new(
    "phone",
    "http://data.europa.eu/snb/model/elm/phone",
    TermKind::Node,
);
pub const PROVEN_BY: Term = Term::new(
    "provenBy",
    "http://data.europa.eu/snb/model/elm/provenBy",
    TermKind::Node,
);
pub const PROVES: Term = Term::new(
    "proves",
    "http://data.europa.eu/snb/model/elm/proves",
    TermKind::Node,
);
pub const PUBLISHER: Term = Term::new(
    "publisher",
    "http://purl.org/dc/terms/publisher",
    TermKind::Node,
);
pub const PREF_LABEL: Term = Term::new(
    "prefLabel",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    TermKind::Language,
);
pub const PHONE_NUMBER: Term = Term::new(
    "phoneNumber",
    "http://data.europa.eu/snb/model/elm/phoneNumber",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const PROVIDED_BY: Term = Term::new(
    "providedBy",
    "http://data.europa.eu/snb/model/elm/providedBy",
    TermKind::Node,
);
pub const QUALIFICATION_CODE: Term = Term::new(
    "qualificationCode",
    "http://data.europa.eu/snb/model/elm/qualificationCode",
    TermKind::Node,
);
pub const REGISTRATION: Term = Term::new(
    "registration",
    "http://www.w3.org/ns/regorg#registration",
    TermKind::Node,
);
pub const RELATED_ESCO_SKILL: Term = Term::new(
    "relatedESCOSkill",
    "http://data.europa.eu/snb/model/elm/relatedESCOSkill",
    TermKind::Node,
);
pub const RELATED_SKILL: Term = Term::new(
    "relatedSkill",
    "http://data.europa.eu/snb/model/elm/relatedSkill",
    TermKind::Node,
);
pub const REPORT: Term = Term::new(
    "report",
    "http://data.europa.eu/snb/model/elm/report",
    TermKind::Node,
);
pub const REVIEW_DATE: Term = Term::new(
    "reviewDate",
    "http://data.europa.eu/snb/model/elm/reviewDate",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#dateTime"),
);
pub const RESULT_DESTRIBUTION: Term = Term::new(
    "resultDestribution",
    "http://data.europa.eu/snb/model/elm/resultDestribution",
    TermKind::Node,
);
pub const RESULT_CATEGORY: Term = Term::new(
    "resultCategory",
    "http://data.europa.eu/snb/model/elm/resultCategory",
    TermKind::Node,
);
pub const REUSABILITY_LEVEL: Term = Term::new(
    "reusabilityLevel",
    "http://data.europa.eu/snb/model/elm/reusabilityLevel",
    TermKind::Node,
);
pub const SCHEDULE_INFORMATION: Term = Term::new(
    "scheduleInformation",
    "http://data.europa.eu/snb/model/elm/scheduleInformation",
    TermKind::Node,
);
pub const SCHEME_AGENCY: Term = Term::new(
    "schemeAgency",
    "http://www.w3.org/ns/adms#schemeAgency",
    TermKind::Language,
);
pub const SCHEME_NAME: Term = Term::new(
    "schemeName",
    "http://data.europa.eu/snb/model/elm/schemeName",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const SCHEME_VERSION: Term = Term::new(
    "schemeVersion",
    "http://data.europa.eu/snb/model/elm/schemeVersion",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const SCHEME_ID: Term = Term::new(
    "schemeId",
    "http://data.europa.eu/snb/model/elm/schemeId",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#anyURI"),
);
pub const SCORE: Term = Term::new(
    "score",
    "http://data.europa.eu/snb/model/elm/score",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const SHORTENED_GRADING: Term = Term::new(
    "shortenedGrading",
    "http://data.europa.eu/snb/model/elm/shortenedGrading",
    TermKind::Node,
);
pub const SPATIAL: Term = Term::new(
    "spatial",
    "http://purl.org/dc/terms/spatial",
    TermKind::Node,
);
pub const SPATIAL_CODE: Term = Term::new(
    "spatialCode",
    "http://data.europa.eu/snb/model/elm/spatialCode",
    TermKind::Node,
);
pub const SPECIALISATION_OF: Term = Term::new(
    "specialisationOf",
    "http://data.europa.eu/snb/model/elm/specialisationOf",
    TermKind::Node,
);
pub const SPECIFIED_BY: Term = Term::new(
    "specifiedBy",
    "http://data.europa.eu/snb/model/elm/specifiedBy",
    TermKind::Node,
);
pub const START_DATE: Term = Term::new(
    "startDate",
    "http://data.europa.eu/snb/model/elm/startDate",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#dateTime"),
);
pub const STATUS: Term = Term::new(
    "status",
    "http://data.europa.eu/snb/model/elm/status",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const SUBJECT: Term = Term::new(
    "subject",
    "http://purl.org/dc/terms/subject",
    TermKind::Node,
);
pub const SUB_ORGANIZATION_OF: Term = Term::new(
    "subOrganizationOf",
    "http://www.w3.org/ns/org#subOrganizationOf",
    TermKind::Node,
);
pub const SUMMARY_DISPLAY: Term = Term::new(
    "summaryDisplay",
    "http://data.europa.eu/snb/model/elm/summaryDisplay",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#string"),
);
pub const SUPPLEMENTARY_DOCUMENT: Term = Term::new(
    "supplementaryDocument",
    "http://data.europa.eu/snb/model/elm/supplementaryDocument",
    TermKind::Node,
);
pub const TARGET_GROUP: Term = Term::new(
    "targetGroup",
    "http://data.europa.eu/snb/model/elm/targetGroup",
    TermKind::Node,
);
pub const TAX_IDENTIFIER: Term = Term::new(
    "taxIdentifier",
    "http://data.europa.eu/snb/model/elm/taxIdentifier",
    TermKind::Node,
);
pub const TEMPORAL: Term = Term::new(
    "temporal",
    "http://purl.org/dc/terms/temporal",
    TermKind::Node,
);
pub const THEMATIC_AREA: Term = Term::new(
    "thematicArea",
    "http://data.europa.eu/snb/model/elm/ISCEDFCode",
    TermKind::Node,
);
pub const TITLE: Term = Term::new(
    "title",
    "http://purl.org/dc/terms/title",
    TermKind::Language,
);
pub const UNIT: Term = Term::new(
    "unit",
    "http://data.europa.eu/snb/model/elm/unit",
    TermKind::Node,
);
pub const USED: Term = Term::new(
    "used",
    "http://data.europa.eu/snb/model/elm/used",
    TermKind::Node,
);
pub const VALID: Term = Term::new(
    "valid",
    "http://purl.org/dc/terms/valid",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#dateTime"),
);
pub const VALUE: Term = Term::new(
    "value",
    "http://data.europa.eu/snb/model/elm/value",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#decimal"),
);
pub const VAT_IDENTIFIER: Term = Term::new(
    "vatIdentifier",
    "http://data.europa.eu/snb/model/elm/vatIdentifier",
    TermKind::Node,
);
pub const VERIFICATION_CHECK: Term = Term::new(
    "verificationCheck",
    "http://data.europa.eu/snb/model/elm/verificationCheck",
    TermKind::Node,
);
pub const VERIFICATION_STATUS: Term = Term::new(
    "verificationStatus",
    "http://data.europa.eu/snb/model/elm/verificationStatus",
    TermKind::Node,
);
pub const VOLUME_OF_LEARNING: Term = Term::new(
    "volumeOfLearning",
    "http://data.europa.eu/snb/model/elm/volumeOfLearning",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#duration"),
);
pub const WORKLOAD: Term = Term::new(
    "workload",
    "http://data.europa.eu/snb/model/elm/workload",
    TermKind::Literal("http://www.w3.org/2001/XMLSchema#duration"),
);

/// Every EDC application-profile term, in the order of the published context.
pub const EDC_TERMS: &[Term] = &[
    ACCREDITATION,
    ACCREDITING_AGENT,
    ADMISSION_PROCEDURE,
    ADDITIONAL_NOTE,
    ADDRESS,
    ALT_LABEL,
    APPLICATION_DEADLINE,
    AREA_DIALING_CODE,
    ASSESSED_BY,
    ATTACHMENT,
    ATTACHMENT_TYPE,
    AWARDING_BODY,
    AWARDING_DATE,
    AWARDING_OPPORTUNITY,
    AWARDED_BY,
    AWARDS,
    BANNER_IMAGE,
    BIRTH_NAME,
    CATEGORY,
    CITIZENSHIP_COUNTRY,
    HAS_SUB_ORGANIZATION,
    CONTACT_FORM,
    CONTACT_HOUR,
    CONTACT_POINT,
    CONTENT,
    CONTENT_ENCODING,
    CONTENT_SIZE,
    CONTENT_TYPE,
    CONTENT_URL,
    COUNT,
    COUNTRY_CODE,
    COUNTRY_DIALING,
    CREATOR,
    CREDIT_POINT,
    CREDIT_RECEIVED,
    DATE_CREATED,
    DATE_ISSUED,
    DATE_MODIFIED,
    DATE_OF_BIRTH,
    CREDENTIAL_PROFILES,
    DECISION,
    DESCRIPTION,
    DESCRIPTION_HTML,
    DEFINITION,
    DIAL_NUMBER,
    DIRECTED_BY,
    DC_TYPE,
    DISPLAY_PARAMETER,
    DISPLAY_DETAIL,
    DURATION,
    EDUCATION_LEVEL,
    EDUCATION_SUBJECT,
    EIDAS_IDENTIFIER,
    ELM_SUBJECT,
    EMAIL_ADDRESS,
    EMBEDDED_EVIDENCE,
    END_DATE,
    ENTITLES_TO,
    ENTITLED_BY,
    ENTITLEMENT_STATUS,
    ENTRY_REQUIREMENT,
    EQF_LEVEL,
    EVIDENCE_STATEMENT,
    EVIDENCE_TARGET,
    EXPIRY_DATE,
    FAMILY_NAME,
    FULL_NAME,
    PRICE_DETAIL,
    AMOUNT,
    FRAMEWORK,
    FULL_ADDRESS,
    GEOGRAPHIC_NAME,
    GENDER,
    GENERALISATION_OF,
    GIVEN_NAME,
    GRADE,
    GRADE_STATUS,
    GRADING_SCHEME,
    GRANT,
    GROUP_MEMBER_OF,
    HAS_CLAIM,
    HAS_CREDENTIAL,
    HAS_PART,
    HOMEPAGE,
    IMAGE,
    IDENTIFIER,
    ID_VERIFICATION,
    INFLUENCED_BY,
    INFLUENCES,
    IN_SCHEME,
    INDIVIDUAL_DISPLAY,
    IS_PART_OF,
    IS_PARTIAL_QUALIFICATION,
    LABEL,
    LANDING_PAGE,
    LANGUAGE,
    LATITUDE,
    LEARNING_ACHIEVEMENT_SPECIFICATION,
    LEGAL_NAME,
    LONGITUDE,
    LEARNING_ACTIVITY_SPECIFICATION,
    LEARNING_OPPORTUNITY,
    LEARNING_OUTCOME,
    LEARNING_OUTCOME_SUMMARY,
    LEARNING_SETTING,
    LEARNING_SCHEDULE,
    LEVEL_OF_COMPLETION,
    LIMIT_CREDENTIAL_TYPE,
    LIMIT_EQF_LEVEL,
    LIMIT_FIELD,
    LIMIT_JURISDICTION,
    LIMIT_NATIONAL_OCCUPATION,
    LIMIT_OCCUPATION,
    LIMIT_ORGANISATION,
    LIMIT_QUALIFICATION,
    LOCATION,
    LOGO,
    MAXIMUM_DURATION,
    MAXIMUM_SCORE,
    MINIMUM_SCORE,
    MEMBER,
    MEMBER_OF,
    MODE,
    EDUCATIONAL_SYSTEM_NOTE,
    NATIONAL_ID,
    NOTATION,
    NOTE_FORMAT,
    NOTE_LITERAL,
    NQF_LEVEL,
    ORGANISATION,
    PAGE,
    PATRONYMIC_NAME,
    PERCENTAGE_EQUAL,
    PERCENTAGE_HIGHER,
    PERCENTAGE_LOWER,
    PLACE_OF_BIRTH,
    PRIMARY_LANGUAGE,
    POINT,
    PHONE,
    PROVEN_BY,
    PROVES,
    PUBLISHER,
    PREF_LABEL,
    PHONE_NUMBER,
    PROVIDED_BY,
    QUALIFICATION_CODE,
    REGISTRATION,
    RELATED_ESCO_SKILL,
    RELATED_SKILL,
    REPORT,
    REVIEW_DATE,
    RESULT_DESTRIBUTION,
    RESULT_CATEGORY,
    REUSABILITY_LEVEL,
    SCHEDULE_INFORMATION,
    SCHEME_AGENCY,
    SCHEME_NAME,
    SCHEME_VERSION,
    SCHEME_ID,
    SCORE,
    SHORTENED_GRADING,
    SPATIAL,
    SPATIAL_CODE,
    SPECIALISATION_OF,
    SPECIFIED_BY,
    START_DATE,
    STATUS,
    SUBJECT,
    SUB_ORGANIZATION_OF,
    SUMMARY_DISPLAY,
    SUPPLEMENTARY_DOCUMENT,
    TARGET_GROUP,
    TAX_IDENTIFIER,
    TEMPORAL,
    THEMATIC_AREA,
    TITLE,
    UNIT,
    USED,
    VALID,
    VALUE,
    VAT_IDENTIFIER,
    VERIFICATION_CHECK,
    VERIFICATION_STATUS,
    VOLUME_OF_LEARNING,
    WORKLOAD,
];

/// The EDC application-profile class names with their IRIs.
pub const CLASSES: &[(&str, &str)] = &[
    (
        "Accreditation",
        "http://data.europa.eu/snb/model/elm/Accreditation",
    ),
    ("Agent", "http://data.europa.eu/snb/model/elm/Agent"),
    ("Amount", "http://data.europa.eu/snb/model/elm/Amount"),
    ("Address", "http://data.europa.eu/snb/model/elm/Address"),
    (
        "AwardingOpportunity",
        "http://data.europa.eu/snb/model/elm/AwardingOpportunity",
    ),
    (
        "AwardingProcess",
        "http://data.europa.eu/snb/model/elm/AwardingProcess",
    ),
    ("Claim", "http://data.europa.eu/snb/model/elm/Claim"),
    ("Concept", "http://www.w3.org/2004/02/skos/core#Concept"),
    (
        "ConceptScheme",
        "http://www.w3.org/2004/02/skos/core#ConceptScheme",
    ),
    (
        "ContactPoint",
        "http://data.europa.eu/snb/model/elm/ContactPoint",
    ),
    (
        "CreditPoint",
        "http://data.europa.eu/snb/model/elm/CreditPoint",
    ),
    (
        "DisplayParameter",
        "http://data.europa.eu/snb/model/elm/DisplayParameter",
    ),
    (
        "DisplayDetail",
        "http://data.europa.eu/snb/model/elm/DisplayDetail",
    ),
    (
        "EuropeanDigitalCredential",
        "http://data.europa.eu/snb/model/elm/EuropeanDigitalCredential",
    ),
    (
        "EuropeanDigitalPresentation",
        "http://data.europa.eu/snb/model/elm/EuropeanDigitalPresentation",
    ),
    ("Evidence", "http://data.europa.eu/snb/model/elm/Evidence"),
    ("Geometry", "http://www.w3.org/ns/locn#Geometry"),
    (
        "GradingScheme",
        "http://data.europa.eu/snb/model/elm/GradingScheme",
    ),
    ("Grant", "http://data.europa.eu/snb/model/elm/Grant"),
    ("Group", "http://data.europa.eu/snb/model/elm/Group"),
    (
        "Identifier",
        "http://data.europa.eu/snb/model/elm/Identifier",
    ),
    (
        "IndividualDisplay",
        "http://data.europa.eu/snb/model/elm/IndividualDisplay",
    ),
    (
        "LearningAchievement",
        "http://data.europa.eu/snb/model/elm/LearningAchievement",
    ),
    (
        "LearningAchievementSpecification",
        "http://data.europa.eu/snb/model/elm/LearningAchievementSpecification",
    ),
    (
        "LearningActivity",
        "http://data.europa.eu/snb/model/elm/LearningActivity",
    ),
    (
        "LearningActivitySpecification",
        "http://data.europa.eu/snb/model/elm/LearningActivitySpecification",
    ),
    (
        "LearningAssessment",
        "http://data.europa.eu/snb/model/elm/LearningAssessment",
    ),
    (
        "LearningAssessmentSpecification",
        "http://data.europa.eu/snb/model/elm/LearningAssessmentSpecification",
    ),
    (
        "LearningEntitlement",
        "http://data.europa.eu/snb/model/elm/LearningEntitlement",
    ),
    (
        "LearningEntitlementSpecification",
        "http://data.europa.eu/snb/model/elm/LearningEntitlementSpecification",
    ),
    (
        "LearningOpportunity",
        "http://data.europa.eu/snb/model/elm/LearningOpportunity",
    ),
    (
        "LearningOutcome",
        "http://data.europa.eu/snb/model/elm/LearningOutcome",
    ),
    (
        "LegalIdentifier",
        "http://data.europa.eu/snb/model/elm/LegalIdentifier",
    ),
    ("Location", "http://purl.org/dc/terms/Location"),
    ("Mailbox", "http://data.europa.eu/snb/model/elm/Mailbox"),
    (
        "MediaObject",
        "http://data.europa.eu/snb/model/elm/MediaObject",
    ),
    ("Note", "http://data.europa.eu/snb/model/elm/Note"),
    (
        "Organisation",
        "http://data.europa.eu/snb/model/elm/Organisation",
    ),
    ("PeriodOfTime", "http://purl.org/dc/terms/PeriodOfTime"),
    ("Person", "http://data.europa.eu/snb/model/elm/Person"),
    ("Phone", "http://data.europa.eu/snb/model/elm/Phone"),
    (
        "PriceDetail",
        "http://data.europa.eu/snb/model/elm/PriceDetail",
    ),
    (
        "Qualification",
        "http://data.europa.eu/snb/model/elm/Qualification",
    ),
    (
        "ResultCategory",
        "http://data.europa.eu/snb/model/elm/ResultCategory",
    ),
    (
        "ResultDistribution",
        "http://data.europa.eu/snb/model/elm/ResultDistribution",
    ),
    (
        "ShaclValidator2017",
        "http://data.europa.eu/snb/model/elm/ShaclValidator2017",
    ),
    (
        "ShortenedGrading",
        "http://data.europa.eu/snb/model/elm/ShortenedGrading",
    ),
    (
        "Specification",
        "http://data.europa.eu/snb/model/elm/Specification",
    ),
    (
        "VerificationCheck",
        "http://data.europa.eu/snb/model/elm/VerificationCheck",
    ),
    (
        "WebResource",
        "http://data.europa.eu/snb/model/elm/WebResource",
    ),
];

/// The namespace prefixes the EDC context declares.
pub const PREFIXES: &[(&str, &str)] = &[
    ("cred", "https://www.w3.org/2018/credentials#"),
    ("elm", "http://data.europa.eu/snb/model/elm/"),
    ("adms", "http://www.w3.org/ns/adms#"),
    ("dc", "http://purl.org/dc/terms/"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("org", "http://www.w3.org/ns/org#"),
    ("rov", "http://www.w3.org/ns/regorg#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("person", "http://www.w3.org/ns/person#"),
    ("clv", "http://data.europa.eu/m8g"),
    ("locn", "http://www.w3.org/ns/locn#"),
    ("vc", "http://data.europa.eu/snb/model/w3c/vc/"),
];

/// The term with JSON key `name`, from the VC envelope or the EDC context.
pub fn by_name(name: &str) -> Option<&'static Term> {
    by_name_in(ElmVersion::V3_1, name)
}

/// The ELM version whose EDC context gives the credential its meaning.
///
/// EDC serves ELM 3.1 (EDC application profile 1.1, what the EC samples and EDC's issuer use) and
/// ELM 3.2 (EDC AP 1.2) under the same context URL, `http://data.europa.eu/snb/model/context/edc-ap`,
/// so a credential does not say which one it follows: the reader chooses. The two contexts differ
/// in a few terms only (see [`ElmVersion::changed_terms`]). In JSON (a verifier configuration):
/// `"3.1"` or `"3.2"`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum ElmVersion {
    /// ELM 3.1, EDC AP 1.1.
    #[default]
    #[serde(rename = "3.1")]
    V3_1,
    /// ELM 3.2, EDC AP 1.2.
    #[serde(rename = "3.2")]
    V3_2,
}

/// `nationalID` in ELM 3.2: the JSON key is the same, the property IRI is not.
const NATIONAL_ID_3_2: Term = Term::new(
    "nationalID",
    "http://data.europa.eu/snb/model/elm/nationalId",
    TermKind::Node,
);
/// ELM 3.2 corrects the spelling of `resultDestribution`.
const RESULT_DISTRIBUTION_3_2: Term = Term::new(
    "resultDistribution",
    "http://data.europa.eu/snb/model/elm/resultDistribution",
    TermKind::Node,
);
/// Classes the ELM 3.2 context adds: the VC envelope's status, proof and terms of use as ELM
/// classes (its shapes want `credentialStatus`, `proof` and `termsOfUse` to be such nodes).
const CLASSES_3_2: &[(&str, &str)] = &[
    (
        "CredentialStatus",
        "http://data.europa.eu/snb/model/elm/CredentialStatus",
    ),
    ("Proof", "http://data.europa.eu/snb/model/elm/Proof"),
    (
        "TermsOfUse",
        "http://data.europa.eu/snb/model/elm/TermsOfUse",
    ),
];

impl ElmVersion {
    /// The name people use: `3.1`, `3.2`.
    pub fn as_str(self) -> &'static str {
        match self {
            ElmVersion::V3_1 => "3.1",
            ElmVersion::V3_2 => "3.2",
        }
    }

    /// The version named `3.1` or `3.2`.
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim() {
            "3.1" => Some(ElmVersion::V3_1),
            "3.2" => Some(ElmVersion::V3_2),
            _ => None,
        }
    }

    /// The EDC context's terms in this version, in table order.
    pub fn edc_terms(self) -> impl Iterator<Item = &'static Term> {
        let v3_2 = self == ElmVersion::V3_2;
        EDC_TERMS.iter().map(move |term| match term.name {
            "nationalID" if v3_2 => &NATIONAL_ID_3_2,
            "resultDestribution" if v3_2 => &RESULT_DISTRIBUTION_3_2,
            _ => term,
        })
    }

    /// The EDC context's class names in this version.
    pub fn classes(self) -> impl Iterator<Item = &'static (&'static str, &'static str)> {
        let added: &'static [(&str, &str)] = match self {
            ElmVersion::V3_1 => &[],
            ElmVersion::V3_2 => CLASSES_3_2,
        };
        CLASSES.iter().chain(added.iter())
    }

    /// The JSON keys whose meaning differs between ELM 3.1 and 3.2: defined with another IRI, or
    /// defined in one version only.
    pub fn changed_terms() -> &'static [&'static str] {
        &["nationalID", "resultDestribution", "resultDistribution"]
    }
}

/// The term named `name` in the VC 1.1 context or in the EDC context of `version`.
pub fn by_name_in(version: ElmVersion, name: &str) -> Option<&'static Term> {
    VC_TERMS
        .iter()
        .chain(version.edc_terms())
        .find(|t| t.name == name)
}
