//! The verification report: an ordered list of checks, each with EDC's check IRI, a status, a
//! stable code and the JSON path concerned.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::profile::Finding;

/// The EDC verification check list (`http://data.europa.eu/snb/verification/25831c2`).
const EDC_VERIFICATION: &str = "http://data.europa.eu/snb/verification/";

/// What a check looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// Every kind, in the order of a credential's report (a presentation's own report has
    /// format, seal and trust). Tables of reports take their columns from it.
    ///
    /// ```
    /// use microcred::verify::CheckKind;
    /// let names: Vec<&str> = CheckKind::ALL.iter().map(|k| k.name()).collect();
    /// assert_eq!(names[..3], ["format", "micro_credential", "seal"]);
    /// ```
    pub const ALL: &'static [CheckKind] = &[
        CheckKind::Format,
        CheckKind::MicroCredential,
        CheckKind::Seal,
        CheckKind::Trust,
        CheckKind::Expiry,
        CheckKind::Revocation,
        CheckKind::Accreditation,
        CheckKind::Owner,
    ];

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Check {
    /// What was checked.
    pub kind: CheckKind,
    /// The EDC check IRI, when EDC has this check.
    pub iri: Option<String>,
    /// The outcome.
    pub status: Status,
    /// The EDC status IRI, when EDC has this status.
    pub status_iri: Option<Cow<'static, str>>,
    /// A stable machine code (`seal.signature_mismatch`, `expiry.expired`, `revocation.ok`),
    /// listed in [`crate::codes::catalogue`]. Borrowed when the verifier makes it, owned when
    /// read back from JSON; it compares with a `&str`.
    pub code: Cow<'static, str>,
    /// The JSON path concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// A sentence for people; never contains personal data from the credential.
    pub message: String,
    /// Whether the check leaves the verdict alone (micro-credential completeness).
    pub advisory: bool,
    /// The profile findings behind a format or micro-credential check.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

impl Check {
    pub(crate) fn new(
        kind: CheckKind,
        status: Status,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Check {
            kind,
            iri: kind.iri(),
            status,
            status_iri: status.iri().map(Cow::Borrowed),
            code: code.into(),
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every check that counts passed or was skipped.
    Valid,
    /// At least one check failed.
    Invalid,
    /// Nothing failed, but at least one check could not be decided.
    Indeterminate,
}

impl Verdict {
    /// The worse of two verdicts: invalid, then indeterminate, then valid.
    pub fn worst(self, other: Verdict) -> Verdict {
        match (self, other) {
            (Verdict::Invalid, _) | (_, Verdict::Invalid) => Verdict::Invalid,
            (Verdict::Indeterminate, _) | (_, Verdict::Indeterminate) => Verdict::Indeterminate,
            _ => Verdict::Valid,
        }
    }
}

/// How the credential was secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Securing {
    /// A JAdES seal, as EDC issues.
    Jades,
    /// An embedded W3C Data Integrity proof.
    DataIntegrity,
    /// No seal of its own: a credential inside a presentation, covered by the presentation's seal.
    Presentation,
    /// Nothing (a plain credential or an EDC upload form).
    None,
    /// The input could not be read far enough to tell.
    Unknown,
}

/// What the seal says about who sealed, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SealSummary {
    /// `RS256`, `ES256`, ...
    pub algorithm: Cow<'static, str>,
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
    pub level: Cow<'static, str>,
    /// What the seal's revocation values (`rVals`) say about the seal certificate at the signing
    /// time (`not revoked (OCSP issued ...)`, `not checked: ...`).
    pub certificate_revocation: String,
    /// The time-stamps checked, each with what its authority is worth.
    pub timestamps: Vec<TimestampSummary>,
}

/// One time-stamp of a seal and the authority behind it, judged at the time-stamp's time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    pub code: Cow<'static, str>,
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
            code: Cow::Borrowed(check.code),
            revocation: check.revocation.to_string(),
        }
    }
}

/// The verification report of one credential, or of one presentation with a report per
/// credential it holds.
///
/// A presentation's report has `presentation` set; its own checks are format (`presentation.ok`
/// or `presentation.empty`), seal and trust, and its verdict is the worst of those and of every
/// credential's verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// The issuer's country (Publications Office code, as in [`crate::model::Summary`]).
    #[serde(default)]
    pub country: Option<String>,
    /// The ECTS credits of the achievement.
    #[serde(default)]
    pub ects: Option<f64>,
    /// The EQF level of the achievement.
    #[serde(default)]
    pub eqf_level: Option<u8>,
    /// The issue date-time, as written.
    #[serde(default)]
    pub issued: Option<String>,
    /// The learner's name, for the caller who asks (`report.learner.get()`). Personal data: never
    /// serialised and shown as `[personal data]` by `Debug`, so a report can be logged.
    #[serde(skip)]
    pub learner: Personal,
    /// About the seal, for JAdES credentials whose seal could be read.
    pub seal: Option<SealSummary>,
    /// The checks, in order: format, micro_credential, seal, trust, expiry, revocation,
    /// accreditation, owner (for a presentation: format, seal, trust).
    pub checks: Vec<Check>,
    /// Set when the file is a verifiable presentation: what it holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presentation: Option<PresentationReport>,
}

/// What a verifiable presentation holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PresentationReport {
    /// The presentation's `id`, when it has one.
    pub id: Option<String>,
    /// One report per entry of `verifiableCredential`, in order; empty for an empty presentation.
    pub credentials: Vec<Report>,
}

impl Report {
    /// Whether the verdict is valid.
    pub fn is_valid(&self) -> bool {
        self.verdict == Verdict::Valid
    }

    /// Whether this is the report of a presentation.
    pub fn is_presentation(&self) -> bool {
        self.presentation.is_some()
    }

    /// The check of a kind.
    pub fn check(&self, kind: CheckKind) -> Option<&Check> {
        self.checks.iter().find(|c| c.kind == kind)
    }

    /// The report as JSON.
    pub fn to_json(&self) -> String {
        // A report holds strings, booleans, finite numbers and lists: serialising it cannot fail.
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

/// The codes the Verifier itself gives, with what each means.
///
/// Checks also carry the codes of the errors behind them: the reader's (`json.*`,
/// `seal.malformed_envelope`) on a format check that cannot read the file, the first profile
/// finding's (`edc.*`, see [`crate::profile::CODES`]) on a failed format check, the seal's
/// ([`crate::jades::JadesError::code`], `seal.*`) and the proof's
/// ([`crate::proof::ProofError::code`], `proof.*`, `rdf.*`) on a failed seal check, and the status
/// list's (`status.*`) on an undecided revocation check.
pub const CODES: &[(&str, &str)] = &[
    ("format.ok", "follows the EDC application profile"),
    (
        "format.not_edc",
        "skipped: not an EDC credential, the EDC profile does not apply",
    ),
    (
        "format.unknown_context",
        "indeterminate: an EDC credential over a context neither bundled nor supplied",
    ),
    (
        "format.flattened",
        "indeterminate: a credential written as a flattened @graph, not read here",
    ),
    (
        "presentation.ok",
        "a verifiable presentation holding credentials",
    ),
    (
        "presentation.empty",
        "a verifiable presentation that holds no credential",
    ),
    (
        "micro_credential.complete",
        "carries every mandatory Annex I element",
    ),
    (
        "micro_credential.incomplete",
        "advisory: a mandatory Annex I element is missing",
    ),
    ("micro_credential.not_edc", "skipped: not an EDC credential"),
    ("seal.ok", "the JAdES seal holds"),
    (
        "seal.unsealed",
        "failed: neither a seal nor a proof (nor a sealed presentation around it)",
    ),
    ("seal.not_checked", "skipped: nothing to check a seal on"),
    (
        "seal.by_presentation",
        "no seal of its own; covered by the presentation's seal, which holds",
    ),
    (
        "seal.presentation_failed",
        "no seal of its own, and the presentation's seal does not hold",
    ),
    (
        "seal.unsupported_jws",
        "indeterminate: a compact JWS (VC-JWT) entry, not checked",
    ),
    ("proof.ok", "the Data Integrity proof holds"),
    (
        "proof.wrong_type",
        "indeterminate: a proof of another type than DataIntegrityProof, not checked here",
    ),
    (
        "proof.wrong_cryptosuite",
        "indeterminate: a cryptosuite other than eddsa-rdfc-2022, not checked here",
    ),
    (
        "proof.unsupported_did",
        "indeterminate: a verification method that is not a did:key",
    ),
    (
        "proof.unsupported_key",
        "indeterminate: a did:key that is not an Ed25519 key",
    ),
    (
        "proof.unknown_context",
        "indeterminate: a context neither bundled nor supplied; give it offline",
    ),
    (
        "trust.qualified",
        "chains to a trust anchor; a qualified electronic seal",
    ),
    (
        "trust.ok",
        "chains to a trust anchor; an advanced electronic seal",
    ),
    (
        "trust.not_qualified",
        "failed: a qualified seal is required and the certificate is not one",
    ),
    (
        "trust.no_trust_anchor",
        "indeterminate (failed when strict): no trust anchor configured",
    ),
    (
        "trust.untrusted_root",
        "indeterminate (failed when strict): no configured anchor is reached",
    ),
    (
        "trust.invalid_chain",
        "failed: a certificate on the path is unusable",
    ),
    (
        "trust.certificate_revoked",
        "failed: the seal's revocation values show the seal certificate revoked at or before sigT",
    ),
    (
        "trust.certificate_revoked_no_poe",
        "indeterminate: the seal certificate was revoked after sigT and no trusted time-stamp shows the seal older",
    ),
    (
        "trust.timestamp_untrusted",
        "indeterminate (failed when strict): a time-stamp's authority reaches no configured anchor",
    ),
    (
        "trust.timestamp_expired",
        "failed: a time-stamp's authority certificate had expired at the time-stamp's time",
    ),
    (
        "trust.timestamp_not_yet_valid",
        "failed: a time-stamp's authority certificate was not yet valid at the time-stamp's time",
    ),
    (
        "trust.timestamp_usage",
        "failed: a time-stamp's authority certificate is not for time-stamping (RFC 3161: id-kp-timeStamping, the only extended key usage, critical)",
    ),
    (
        "trust.timestamp_invalid_chain",
        "failed: a certificate on a time-stamp authority's path is unusable",
    ),
    (
        "trust.timestamp_revoked",
        "failed: a time-stamp's authority was revoked before it, or for a reason that voids all its tokens (RFC 3161)",
    ),
    (
        "timestamp.trusted",
        "seal summary: the time-stamp's authority was fit and chains to a trust anchor",
    ),
    (
        "timestamp.untrusted",
        "seal summary: the time-stamp's authority reaches no configured anchor",
    ),
    (
        "timestamp.tsa_expired",
        "seal summary: the authority's certificate had expired at the time-stamp's time",
    ),
    (
        "timestamp.tsa_not_yet_valid",
        "seal summary: the authority's certificate was not yet valid at the time-stamp's time",
    ),
    (
        "timestamp.tsa_usage",
        "seal summary: the authority's certificate is not for time-stamping",
    ),
    (
        "timestamp.invalid_chain",
        "seal summary: a certificate on the authority's path is unusable",
    ),
    (
        "timestamp.tsa_revoked",
        "seal summary: the authority was revoked before the time-stamp, or for a reason that voids all its tokens",
    ),
    ("trust.trusted_did", "the proof's DID is a trusted one"),
    (
        "trust.unknown_did",
        "indeterminate (failed when strict): the proof's DID is not trusted",
    ),
    ("trust.not_checked", "skipped: no seal or proof holds"),
    ("expiry.ok", "within its validity period"),
    ("expiry.not_yet_valid", "failed: validFrom is after now"),
    (
        "expiry.expired",
        "failed: validUntil or expirationDate has passed",
    ),
    (
        "expiry.invalid_date",
        "failed: a validity date is not an xsd:dateTime",
    ),
    ("revocation.ok", "no status entry is set"),
    ("revocation.no_status", "skipped: no credentialStatus"),
    ("revocation.revoked", "failed: revoked"),
    ("revocation.suspended", "failed: suspended"),
    (
        "revocation.unsupported_status_type",
        "indeterminate: a status entry of an unknown kind",
    ),
    (
        "accreditation.ok",
        "the accreditations' dates and scope hold",
    ),
    ("accreditation.none", "skipped: no accreditation named"),
    (
        "accreditation.expired",
        "failed: an accreditation has expired",
    ),
    (
        "accreditation.out_of_scope",
        "failed: an accreditation does not cover the EQF level",
    ),
    (
        "accreditation.withdrawn",
        "failed: the register lists an accreditation as withdrawn",
    ),
    (
        "accreditation.unconfirmed",
        "indeterminate: the register does not know an accreditation",
    ),
    ("accreditation.not_edc", "skipped: not an EDC credential"),
    ("owner.ok", "issued to the expected owner"),
    ("owner.mismatch", "failed: not issued to the expected owner"),
    ("owner.not_requested", "skipped: no expected owner given"),
    (
        "check.not_reached",
        "skipped: the seal or proof does not hold, or the input is not a credential",
    ),
    (
        "check.model_unreadable",
        "skipped: the EDC credential does not fit the ELM model (see the format check)",
    ),
];

/// A value that is personal data (a learner's name): kept for the caller, left out of `Debug`
/// output so that logging a report never echoes it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Personal(Option<String>);

impl Personal {
    /// Wraps a personal value.
    pub fn new(value: Option<String>) -> Self {
        Personal(value)
    }

    /// The value.
    pub fn get(&self) -> Option<&str> {
        self.0.as_deref()
    }
}

impl std::fmt::Debug for Personal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(_) => f.write_str("[personal data]"),
            None => f.write_str("None"),
        }
    }
}
