//! The plain objects the package returns and takes, in JavaScript's conventions (camelCase).
//! Their TypeScript declarations are generated from these types by tsify; each is made from the
//! core's own type, field by field, with no decision of its own.

use std::collections::BTreeMap;

use microcred::verify;
use serde::{Deserialize, Serialize};
use tsify::Tsify;
use wasm_bindgen::JsValue;

/// Options objects: their members' JavaScript names, to refuse the others.
pub trait Options: serde::de::DeserializeOwned + Default {
    /// The members, camelCase.
    const MEMBERS: &'static [&'static str];
}

impl Options for VerifyOptions {
    const MEMBERS: &'static [&'static str] = &[
        "trustAnchors",
        "trustedList",
        "at",
        "statusLists",
        "contexts",
        "strict",
        "requireQualified",
        "trustedDids",
        "elmVersion",
    ];
}

impl Options for FindingsOptions {
    const MEMBERS: &'static [&'static str] = &["elmVersion"];
}

impl Options for ParseOptions {
    const MEMBERS: &'static [&'static str] = &["unverified"];
}

impl Options for NQuadsOptions {
    const MEMBERS: &'static [&'static str] = &["canonical"];
}

/// The options of `verify` and `statusListsNeeded`: the core's verifier configuration.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct VerifyOptions {
    /// Certificates to trust, as PEM text (one or more certificates), or a list of such texts.
    #[tsify(optional, type = "string | string[]")]
    pub trust_anchors: Option<OneOrMany>,
    /// EU trusted lists (ETSI TS 119 612 XML text), one or a list.
    #[tsify(optional, type = "string | string[]")]
    pub trusted_list: Option<OneOrMany>,
    /// The time to verify at; the current time when absent. A `Date` or RFC 3339 text.
    #[tsify(optional, type = "Date | string")]
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub at: JsValue,
    /// Status list credentials fetched beforehand (`statusListsNeeded`), by URL.
    #[tsify(optional, type = "Record<string, Uint8Array | string>")]
    pub status_lists: Option<BTreeMap<String, FileBytes>>,
    /// JSON-LD context documents by URL, beside the bundled ones (objects or JSON text).
    #[tsify(optional, type = "Record<string, object | string>")]
    pub contexts: Option<BTreeMap<String, serde_json::Value>>,
    /// An untrusted seal fails instead of being indeterminate.
    #[tsify(optional)]
    pub strict: bool,
    /// A seal that is not a qualified electronic seal fails.
    #[tsify(optional)]
    pub require_qualified: bool,
    /// DIDs whose Data Integrity proofs are trusted (`did:key:z6Mk...`).
    #[tsify(optional)]
    pub trusted_dids: Vec<String>,
    /// The ELM version EDC credentials are read as.
    #[tsify(optional)]
    pub elm_version: Option<ElmVersion>,
}

/// One text or a list of texts.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// One.
    One(String),
    /// Several.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The texts.
    pub fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(one) => vec![one],
            OneOrMany::Many(many) => many,
        }
    }
}

/// A file given in an option: bytes (`Uint8Array`) or text.
#[derive(Debug)]
pub struct FileBytes(pub Vec<u8>);

impl<'de> Deserialize<'de> for FileBytes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = FileBytes;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a Uint8Array or a string")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<FileBytes, E> {
                Ok(FileBytes(v.to_vec()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<FileBytes, E> {
                Ok(FileBytes(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FileBytes, E> {
                Ok(FileBytes(v.as_bytes().to_vec()))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// An ELM version.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Tsify)]
pub enum ElmVersion {
    /// ELM 3.1 (EDC AP 1.1).
    #[serde(rename = "3.1")]
    V3_1,
    /// ELM 3.2 (EDC AP 1.2).
    #[serde(rename = "3.2")]
    V3_2,
}

impl From<ElmVersion> for microcred::terms::ElmVersion {
    fn from(v: ElmVersion) -> Self {
        match v {
            ElmVersion::V3_1 => microcred::terms::ElmVersion::V3_1,
            ElmVersion::V3_2 => microcred::terms::ElmVersion::V3_2,
        }
    }
}

/// The options of `findings`.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct FindingsOptions {
    /// Adds the `edc.version.*` findings saying where that ELM version reads the credential
    /// differently.
    #[tsify(optional)]
    pub elm_version: Option<ElmVersion>,
}

/// The options of `parse`.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ParseOptions {
    /// Reads a JAdES-sealed file's payload too, **without verifying the seal** (for display
    /// and conversion); without it a sealed file is refused (`json.sealed_input`).
    #[tsify(optional)]
    pub unverified: bool,
}

/// The options of `toNQuads`.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct NQuadsOptions {
    /// RDFC-1.0 canonical N-Quads.
    #[tsify(optional)]
    pub canonical: bool,
}

/// The verification report of one file.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The overall answer.
    #[tsify(type = "Verdict")]
    pub verdict: &'static str,
    /// Whether the verdict is `"valid"`.
    pub valid: bool,
    /// How the file was secured.
    #[tsify(type = "\"jades\" | \"data_integrity\" | \"presentation\" | \"none\" | \"unknown\"")]
    pub securing: String,
    /// The time the checks were made for (RFC 3339).
    pub checked_at: String,
    /// The credential id, when it could be read.
    pub credential_id: Option<String>,
    /// The issuer's legal name, when it could be read.
    pub issuer: Option<String>,
    /// The credential's title, when it could be read.
    pub title: Option<String>,
    /// The issuer's country (Publications Office code), when it could be read.
    pub country: Option<String>,
    /// The ECTS credits of the achievement.
    pub ects: Option<f64>,
    /// The EQF level of the achievement.
    pub eqf_level: Option<u8>,
    /// The issue date-time, as written.
    pub issued: Option<String>,
    /// About the seal, for a JAdES file whose seal could be read.
    pub seal: Option<SealSummary>,
    /// The checks, in order: format, micro_credential, seal, trust, expiry, revocation,
    /// accreditation, owner (for a presentation: format, seal, trust).
    pub checks: Vec<Check>,
    /// For a presentation: the report of each credential it holds (absent for a credential).
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credentials: Option<Vec<Report>>,
    /// For a presentation: its `id`, when it has one.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presentation_id: Option<String>,
}

/// One check of a report.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    /// What was checked.
    #[tsify(
        type = "\"format\" | \"micro_credential\" | \"seal\" | \"trust\" | \"expiry\" | \"revocation\" | \"accreditation\" | \"owner\""
    )]
    pub kind: &'static str,
    /// The outcome.
    #[tsify(type = "CheckStatus")]
    pub status: &'static str,
    /// The stable code (`seal.signature_mismatch`).
    #[tsify(type = "Code")]
    pub code: String,
    /// A sentence for people (never learner data).
    pub message: String,
    /// The JSON path concerned, when there is one.
    pub path: Option<String>,
    /// The EDC verification check IRI, when EDC has this check.
    pub iri: Option<String>,
    /// The EDC status IRI, when EDC has this status.
    pub status_iri: Option<String>,
    /// Whether the check leaves the verdict alone (micro-credential completeness).
    pub advisory: bool,
    /// The profile findings behind a format or micro-credential check.
    pub findings: Vec<Finding>,
}

/// What the seal says about who sealed, for display.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct SealSummary {
    /// The seal certificate's subject (an organisation).
    pub sealed_by: String,
    /// The claimed signing time (RFC 3339).
    pub sealed_at: String,
    /// `RS256`, `ES256`, ...
    pub algorithm: String,
    /// The JAdES baseline level reached (`B-B` ... `B-LTA`).
    pub level: String,
    /// Whether the seal is a qualified electronic seal (trusted and qualified certificate).
    pub qualified: bool,
    /// Whether the certificate declares an EU qualified eSeal (QcCompliance and QcType eseal).
    pub qualified_certificate: bool,
    /// Whether the certificate chains to a trust anchor.
    pub trusted: bool,
    /// The certificate's issuer.
    pub certificate_issuer: String,
    /// The certificate's serial number (hex).
    pub certificate_serial: String,
    /// What the seal's revocation values say about the seal certificate at the signing time.
    pub certificate_revocation: String,
    /// The time-stamps checked.
    pub timestamps: Vec<Timestamp>,
}

/// One time-stamp of a seal and the authority behind it.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct Timestamp {
    /// Where it was: `adoTst`, `sigTst` or `arcTst`.
    pub property: String,
    /// The time-stamp's time (RFC 3339).
    pub time: String,
    /// The subject of the time-stamping authority's certificate.
    pub authority: String,
    /// What the authority is worth at that time.
    #[tsify(type = "CheckStatus")]
    pub status: &'static str,
    /// The stable code (`timestamp.trusted`, ...).
    #[tsify(type = "Code")]
    pub code: String,
    /// What the seal's revocation values say about the authority's certificate.
    pub revocation: String,
}

/// One profile finding.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// The stable code (`edc.missing.title`).
    #[tsify(type = "Code")]
    pub code: String,
    /// How much it matters.
    #[tsify(type = "\"error\" | \"warning\" | \"info\"")]
    pub severity: &'static str,
    /// The JSON path concerned.
    pub path: String,
    /// What the code means.
    pub message: String,
}

/// A status list credential a file needs for its revocation checks.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct NeededStatusList {
    /// The status list credential's URL: fetch it and give its bytes in `statusLists`.
    pub url: String,
    /// The purpose the entry reads it for (`revocation`, `suspension`, ...).
    pub purpose: String,
}

/// One code of the catalogue.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct CodeInfo {
    /// The code.
    #[tsify(type = "Code")]
    pub code: &'static str,
    /// Its family (the `category` of an error with this code).
    #[tsify(type = "Category")]
    pub category: &'static str,
    /// The `name` of an error with this code (`ParseError`, ...).
    pub error_name: &'static str,
    /// The default severity, for profile findings.
    #[tsify(type = "\"error\" | \"warning\" | \"info\" | null")]
    pub severity: Option<&'static str>,
    /// What it means, in one line.
    pub meaning: &'static str,
}

fn verdict(v: verify::Verdict) -> &'static str {
    match v {
        verify::Verdict::Valid => "valid",
        verify::Verdict::Invalid => "invalid",
        verify::Verdict::Indeterminate => "indeterminate",
    }
}

fn status(s: verify::Status) -> &'static str {
    match s {
        verify::Status::Ok => "ok",
        verify::Status::Failed => "failed",
        verify::Status::Skipped => "skipped",
        verify::Status::Indeterminate => "indeterminate",
    }
}

/// A unit enum's serde name (`data_integrity`).
fn serde_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl From<&microcred::Finding> for Finding {
    fn from(f: &microcred::Finding) -> Self {
        Finding {
            code: f.code.to_string(),
            severity: f.severity.as_str(),
            path: f.path.clone(),
            message: f.message.clone(),
        }
    }
}

impl From<&verify::Report> for Report {
    fn from(r: &verify::Report) -> Self {
        Report {
            verdict: verdict(r.verdict),
            valid: r.is_valid(),
            securing: serde_name(&r.securing),
            checked_at: r.checked_at.clone(),
            credential_id: r.credential_id.clone(),
            issuer: r.issuer.clone(),
            title: r.title.clone(),
            country: r.country.clone(),
            ects: r.ects,
            eqf_level: r.eqf_level,
            issued: r.issued.clone(),
            seal: r.seal.as_ref().map(|s| SealSummary {
                sealed_by: s.certificate_subject.clone(),
                sealed_at: s.signing_time.clone(),
                algorithm: s.algorithm.to_string(),
                level: s.level.to_string(),
                qualified: s.qualified,
                qualified_certificate: s.qualified_certificate,
                trusted: s.trusted,
                certificate_issuer: s.certificate_issuer.clone(),
                certificate_serial: s.certificate_serial.clone(),
                certificate_revocation: s.certificate_revocation.clone(),
                timestamps: s
                    .timestamps
                    .iter()
                    .map(|t| Timestamp {
                        property: t.property.clone(),
                        time: t.time.clone(),
                        authority: t.authority.clone(),
                        status: status(t.status),
                        code: t.code.to_string(),
                        revocation: t.revocation.clone(),
                    })
                    .collect(),
            }),
            checks: r
                .checks
                .iter()
                .map(|c| Check {
                    kind: c.kind.name(),
                    status: status(c.status),
                    code: c.code.to_string(),
                    message: c.message.clone(),
                    path: c.path.clone(),
                    iri: c.iri.clone(),
                    status_iri: c.status_iri.as_ref().map(|s| s.to_string()),
                    advisory: c.advisory,
                    findings: c.findings.iter().map(Finding::from).collect(),
                })
                .collect(),
            credentials: r
                .presentation
                .as_ref()
                .map(|p| p.credentials.iter().map(Report::from).collect()),
            presentation_id: r.presentation.as_ref().and_then(|p| p.id.clone()),
        }
    }
}

/// What people look at first in a credential (the core's `model::Summary`). `learner` is
/// personal data: show it to the person who asked, never log it.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The title shown to people (English when the credential has English).
    pub title: Option<String>,
    /// The issuer's legal name.
    pub issuer: Option<String>,
    /// The issuer's country as a Publications Office code (`BEL`); the awarding body's when the
    /// issuer names none.
    pub country: Option<String>,
    /// The ECTS credits of what the credential certifies.
    pub ects: Option<f64>,
    /// The EQF level (1 to 8) of what the credential certifies.
    pub eqf_level: Option<u8>,
    /// The issue date-time as written (RFC 3339 text).
    pub issued: Option<String>,
    /// The learner's name. Personal data.
    pub learner: Option<String>,
    /// The title of the achievement the credential certifies.
    pub achievement: Option<String>,
    /// The learning outcomes, by title.
    pub learning_outcomes: Vec<String>,
    /// The forms of participation (online, blended, ...), by label.
    pub participation: Vec<String>,
    /// The assessments the learner took (else the ones the specification plans).
    pub assessments: Vec<Assessment>,
    /// The quality assurance of the qualification, else of the awarding bodies.
    pub quality_assurance: Vec<QualityAssurance>,
    /// When the achievement was awarded, as written.
    pub awarded: Option<String>,
    /// Valid from, as written.
    pub valid_from: Option<String>,
    /// Valid until, as written.
    pub valid_until: Option<String>,
    /// The first page of the credential's own display: show it only through
    /// `<img src={image.dataUrl}>` (an SVG's scripts do not run there).
    pub image: Option<DisplayImage>,
}

/// One assessment, as a person reads it.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// Its title.
    pub title: Option<String>,
    /// The kind of assessment (exam, presentation, ...).
    pub kind: Option<String>,
    /// The grade obtained (personal to the learner).
    pub grade: Option<String>,
    /// Supervision and identity verification.
    pub supervision: Option<String>,
}

/// One quality assurance (an ELM accreditation), as a person reads it.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct QualityAssurance {
    /// The kind (programme or institutional quality assurance).
    pub kind: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// The accrediting agency's legal name.
    pub agency: Option<String>,
}

/// An image of the credential's display.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DisplayImage {
    /// `image/png`, `image/jpeg` or `image/svg+xml`.
    #[tsify(type = "\"image/png\" | \"image/jpeg\" | \"image/svg+xml\"")]
    pub media_type: &'static str,
    /// The image bytes in base64, as the credential holds them.
    pub base64: String,
    /// The `data:` URL of the image, for an `<img>`.
    pub data_url: String,
}

impl From<microcred::model::Summary> for Summary {
    fn from(s: microcred::model::Summary) -> Self {
        Summary {
            title: s.title,
            issuer: s.issuer,
            country: s.country,
            ects: s.ects,
            eqf_level: s.eqf_level,
            issued: s.issued,
            learner: s.learner,
            achievement: s.achievement,
            learning_outcomes: s.learning_outcomes,
            participation: s.participation,
            assessments: s
                .assessments
                .into_iter()
                .map(|a| Assessment {
                    title: a.title,
                    kind: a.kind,
                    grade: a.grade,
                    supervision: a.supervision,
                })
                .collect(),
            quality_assurance: s
                .quality_assurance
                .into_iter()
                .map(|q| QualityAssurance {
                    kind: q.kind,
                    title: q.title,
                    agency: q.agency,
                })
                .collect(),
            awarded: s.awarded,
            valid_from: s.valid_from,
            valid_until: s.valid_until,
            image: s.image.map(|i| DisplayImage {
                data_url: i.data_url(),
                media_type: i.media_type,
                base64: i.base64,
            }),
        }
    }
}
