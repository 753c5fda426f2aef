//! The credential envelope and how it is displayed.

use serde_json::Value;

use super::agent::{Identifier, Organisation, Person};
use super::common::{Concept, MediaObject};
use super::{DateTime, LangMap, elm_class};

elm_class! {
    /// A European Digital Credential: the envelope around the learner and the claims.
    ///
    /// Any W3C verifiable credential reads into it too (its `type` is then kept in `types`, and
    /// [`EuropeanDigitalCredential::is_edc`] says false).
    pub struct EuropeanDigitalCredential as ["VerifiableCredential", "EuropeanDigitalCredential"] also ["VerifiableCredential", "EuropeanDigitalCredential"] {
        /// The credential profiles (generic, ...; mandatory in EDC).
        pub credential_profiles: Vec<Concept> = "credentialProfiles",
        /// How the credential is displayed (mandatory in EDC).
        pub display_parameter: Option<DisplayParameter> = "displayParameter",
        /// Identifiers such as a certificate number.
        pub identifier: Vec<Identifier> = "identifier",
        /// Attachments.
        pub attachment: Vec<MediaObject> = "attachment",
        /// The application profile the credential follows (mandatory in EDC).
        pub credential_schema: Vec<CredentialSchema> = "credentialSchema",
        /// The learner (mandatory).
        pub credential_subject: Option<Person> = "credentialSubject",
        /// Evidence, such as EDC's statement on the seal.
        pub evidence: Vec<Evidence> = "evidence",
        /// The VCDM 1.1 issuance date (ELM uses `issued` and may omit it).
        pub issuance_date: Option<DateTime> = "issuanceDate",
        /// When the credential was issued (mandatory in EDC; set when sealing).
        pub issued: Option<DateTime> = "issued",
        /// The issuer (mandatory).
        pub issuer: Option<Organisation> = "issuer",
        /// Valid from (mandatory in EDC).
        pub valid_from: Option<DateTime> = "validFrom",
        /// Valid until.
        pub valid_until: Option<DateTime> = "validUntil",
        /// The VCDM 1.1 expiration date.
        pub expiration_date: Option<DateTime> = "expirationDate",
        /// Status entries (revocation lists), kept as JSON.
        pub credential_status: Vec<Value> = "credentialStatus",
        /// Terms of use, kept as JSON.
        pub terms_of_use: Vec<Value> = "termsOfUse",
        /// The holder, kept as JSON.
        pub holder: Option<Value> = "holder",
        /// Embedded proofs, kept as JSON.
        pub proof: Vec<Value> = "proof",
        /// The JSON-LD contexts (empty in the EDC upload form).
        pub context: Vec<String> = "@context",
    }
}

elm_class! {
    /// The application profile a credential follows (`ShaclValidator2017`).
    pub struct CredentialSchema as ["ShaclValidator2017"] also ["JsonSchemaValidator2018", "JsonSchema"] {}
}

elm_class! {
    /// Evidence supporting the credential.
    pub struct Evidence as ["Evidence"] {
        /// The statement.
        pub evidence_statement: Option<String> = "evidenceStatement",
        /// The kind of evidence.
        pub dc_type: Option<Concept> = "dcType",
        /// Embedded evidence.
        pub embedded_evidence: Vec<MediaObject> = "embeddedEvidence",
    }
}

elm_class! {
    /// How the credential is displayed: title, languages and one image per page.
    pub struct DisplayParameter as ["DisplayParameter"] {
        /// One display per language (mandatory).
        pub individual_display: Vec<IndividualDisplay> = "individualDisplay",
        /// The main language (mandatory).
        pub primary_language: Option<Concept> = "primaryLanguage",
        /// A description.
        pub description: LangMap = "description",
        /// The languages the credential is displayed in (mandatory).
        pub language: Vec<Concept> = "language",
        /// A summary, as text.
        pub summary_display: Option<String> = "summaryDisplay",
        /// The title (mandatory).
        pub title: LangMap = "title",
    }
}

elm_class! {
    /// The display in one language.
    pub struct IndividualDisplay as ["IndividualDisplay"] {
        /// The pages (mandatory).
        pub display_detail: Vec<DisplayDetail> = "displayDetail",
        /// The language (mandatory).
        pub language: Option<Concept> = "language",
    }
}

elm_class! {
    /// One displayed page.
    pub struct DisplayDetail as ["DisplayDetail"] {
        /// The page image (mandatory).
        pub image: Option<MediaObject> = "image",
        /// The page number (mandatory).
        pub page: Option<u64> = "page",
    }
}

/// The `@context` EDC writes on every credential.
pub const EDC_CONTEXT: [&str; 2] = [
    "https://www.w3.org/2018/credentials/v1",
    "http://data.europa.eu/snb/model/context/edc-ap",
];

impl EuropeanDigitalCredential {
    /// The learner's claims, when there is a subject.
    pub fn claims(&self) -> &[super::Claim] {
        self.credential_subject
            .as_ref()
            .map(|p| p.has_claim.as_slice())
            .unwrap_or_default()
    }

    /// True when the credential says it is a European Digital Credential (or says nothing, as
    /// the model's own values do until they are written).
    pub fn is_edc(&self) -> bool {
        self.types.is_empty() || self.types.iter().any(|t| t == "EuropeanDigitalCredential")
    }

    /// The first learning achievement, which is what a micro-credential certifies.
    pub fn achievement(&self) -> Option<&super::LearningAchievement> {
        self.claims().iter().find_map(super::Claim::as_achievement)
    }
}
