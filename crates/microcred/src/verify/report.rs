//! The verification report: an ordered list of checks, each with EDC's check IRI, a status, a
//! stable code and the JSON path concerned.

use serde::Serialize;

use crate::profile::Finding;

/// The EDC verification check list (`http://data.europa.eu/snb/verification/25831c2`).
const EDC_VERIFICATION: &str = "http://data.europa.eu/snb/verification/";

/// What a check looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CheckKind {
    /// The EDC application profile rules.
    Format,
    /// Completeness as an EU micro-credential (Council Recommendation 2022/C 243/02, Annex I).
    /// Advisory: an EDC credential need not be a micro-credential.
    MicroCredential,
    /// The seal or proof: integrity and the signer's key.
    Seal,
    /// Whether the seal certificate chains to a trust anchor (and is qualified).
    Trust,
    /// `validFrom`, `validUntil` / `expirationDate`.
    Expiry,
    /// Status lists (revocation, suspension).
    Revocation,
    /// The quality assurance the credential relies on.
    Accreditation,
    /// Whether the credential belongs to the expected learner.
    Owner,
}

impl CheckKind {
    /// The EDC check IRI; `None` for checks EDC does not have.
    pub fn iri(self) -> Option<String> {
        let code = match self {
            Self::Format => "2f5b89b96f",
            Self::Seal | Self::Trust => "f9c2016fe9",
            Self::Owner => "1faf8d450f",
            Self::Revocation => "271aef9eb4",
            Self::Accreditation => "e2bbc86a28",
            Self::Expiry => "94d828f160",
            Self::MicroCredential => return None,
        };
        Some(format!("{EDC_VERIFICATION}{code}"))
    }

    /// The name used in reports (`micro_credential`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Format => "format",
            Self::MicroCredential => "micro_credential",
            Self::Seal => "seal",
            Self::Trust => "trust",
            Self::Expiry => "expiry",
            Self::Revocation => "revocation",
            Self::Accreditation => "accreditation",
            Self::Owner => "owner",
        }
    }
}

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Passed.
    Ok,
    /// Failed: the credential is invalid in this respect ("no").
    Failed,
    /// Not applicable or not requested.
    Skipped,
    /// Could not be decided (a status list unreachable, no trust anchor): neither "yes" nor "no".
    Indeterminate,
}

impl Status {
    /// The EDC status IRI (OK, error, skipped); `None` for indeterminate, which EDC lacks.
    pub fn iri(self) -> Option<&'static str> {
        match self {
            Self::Ok => Some("http://data.europa.eu/snb/verification/9895008394"),
            Self::Failed => Some("http://data.europa.eu/snb/verification/9d26eb9a37"),
            Self::Skipped => Some("http://data.europa.eu/snb/verification/641f0c5e5d"),
            Self::Indeterminate => None,
        }
    }
}

/// One check of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Check {
    /// What was checked.
    pub kind: CheckKind,
    /// The EDC check IRI, when EDC has this check.
    pub iri: Option<String>,
    /// The outcome.
    pub status: Status,
    /// The EDC status IRI, when EDC has this status.
    pub status_iri: Option<&'static str>,
    /// A stable machine code (`seal.signature_mismatch`, `expiry.expired`, `revocation.ok`).
    pub code: &'static str,
    /// The JSON path concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// A sentence for people; never contains personal data from the credential.
    pub message: String,
    /// Whether the check leaves the verdict alone (micro-credential completeness).
    pub advisory: bool,
    /// The profile findings behind a format or micro-credential check.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

impl Check {
    pub(crate) fn new(
        kind: CheckKind,
        status: Status,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Check {
            kind,
            iri: kind.iri(),
            status,
            status_iri: status.iri(),
            code,
            path: None,
            message: message.into(),
            advisory: kind == CheckKind::MicroCredential,
            findings: Vec::new(),
        }
    }

    pub(crate) fn at(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    pub(crate) fn with_findings(mut self, findings: Vec<Finding>) -> Self {
        self.findings = findings;
        self
    }
}

/// The overall answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every check that counts passed or was skipped.
    Valid,
    /// At least one check failed.
    Invalid,
    /// Nothing failed, but at least one check could not be decided.
    Indeterminate,
}

/// How the credential was secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Securing {
    /// A JAdES seal, as EDC issues.
    Jades,
    /// An embedded W3C Data Integrity proof.
    DataIntegrity,
    /// Nothing (a plain credential or an EDC upload form).
    None,
    /// The input could not be read far enough to tell.
    Unknown,
}

/// What the seal says about who sealed, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SealSummary {
    /// `RS256`, `ES256`, ...
    pub algorithm: &'static str,
    /// The claimed signing time (RFC 3339).
    pub signing_time: String,
    /// The seal certificate's subject (an organisation).
    pub certificate_subject: String,
    /// The certificate's issuer.
    pub certificate_issuer: String,
    /// The certificate's serial number (hex).
    pub certificate_serial: String,
    /// Whether the certificate chains to a trust anchor.
    pub trusted: bool,
    /// Whether the certificate declares an EU qualified eSeal (QcCompliance and QcType eseal).
    pub qualified_certificate: bool,
    /// Whether the seal is a qualified electronic seal (trusted and qualified certificate).
    pub qualified: bool,
    /// The JAdES baseline level reached (`B-B` ... `B-LTA`).
    pub level: &'static str,
    /// What the seal's revocation values (`rVals`) say about the seal certificate at the signing
    /// time (`not revoked (OCSP issued ...)`, `not checked: ...`).
    pub certificate_revocation: String,
    /// The time-stamps checked, each with what its authority is worth.
    pub timestamps: Vec<TimestampSummary>,
}

/// One time-stamp of a seal and the authority behind it, judged at the time-stamp's time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TimestampSummary {
    /// Where it was: `adoTst`, `sigTst` or `arcTst`.
    pub property: String,
    /// The time-stamp's time (RFC 3339).
    pub time: String,
    /// The subject of the time-stamping authority's certificate.
    pub authority: String,
    /// `ok` (the authority chains to a trust anchor), `indeterminate` (it reaches none) or
    /// `failed` (its certificate was unfit at that time).
    pub status: Status,
    /// The stable code (`timestamp.trusted`, `timestamp.untrusted`, `timestamp.tsa_expired`,
    /// `timestamp.tsa_not_yet_valid`, `timestamp.tsa_usage`, `timestamp.invalid_chain`,
    /// `timestamp.tsa_revoked`).
    pub code: &'static str,
    /// What the seal's revocation values say about the authority's certificate at that time.
    pub revocation: String,
}

impl From<&crate::jades::TsaCheck> for TimestampSummary {
    fn from(check: &crate::jades::TsaCheck) -> Self {
        use crate::jades::TsaStatus;
        TimestampSummary {
            property: check.property.to_owned(),
            time: check
                .time
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
            authority: check.certificate.subject_text(),
            status: match check.status {
                TsaStatus::Trusted => Status::Ok,
                TsaStatus::Untrusted => Status::Indeterminate,
                TsaStatus::Failed => Status::Failed,
            },
            code: check.code,
            revocation: check.revocation.to_string(),
        }
    }
}

/// The verification report of one credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// The overall answer.
    pub verdict: Verdict,
    /// How the credential was secured.
    pub securing: Securing,
    /// The time the checks were made for (RFC 3339).
    pub checked_at: String,
    /// The credential id, when it could be read.
    pub credential_id: Option<String>,
    /// The issuer's legal name (an organisation, not personal data), when it could be read.
    pub issuer: Option<String>,
    /// The credential title shown to people, when it could be read.
    pub title: Option<String>,
    /// About the seal, for JAdES credentials whose seal could be read.
    pub seal: Option<SealSummary>,
    /// The checks, in order: format, micro_credential, seal, trust, expiry, revocation,
    /// accreditation, owner.
    pub checks: Vec<Check>,
}

impl Report {
    /// Whether the verdict is valid.
    pub fn is_valid(&self) -> bool {
        self.verdict == Verdict::Valid
    }

    /// The check of a kind.
    pub fn check(&self, kind: CheckKind) -> Option<&Check> {
        self.checks.iter().find(|c| c.kind == kind)
    }

    /// The report as JSON.
    pub fn to_json(&self) -> String {
        // A report holds only strings, booleans and lists: serialising it cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub(crate) fn decide(checks: &[Check]) -> Verdict {
        let counted = checks.iter().filter(|c| !c.advisory);
        let mut verdict = Verdict::Valid;
        for check in counted {
            match check.status {
                Status::Failed => return Verdict::Invalid,
                Status::Indeterminate => verdict = Verdict::Indeterminate,
                Status::Ok | Status::Skipped => {}
            }
        }
        verdict
    }
}
