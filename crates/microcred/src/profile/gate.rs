//! The sealing gate: which findings stop a credential from being sealed.
//!
//! The decision is made here, once, so that the CLI and the bindings only show it.

use std::fmt;

use serde::Serialize;

use super::{Finding, Severity, check_before_sealing};
use crate::model::EuropeanDigitalCredential;

/// What a credential must be before it is sealed.
///
/// The default, [`SealingPolicy::edc`], refuses what EDC would reject and only warns about
/// micro-credential completeness: EDC seals any valid credential, a certificate of participation
/// as well as a micro-credential. [`SealingPolicy::micro_credential`] also refuses a credential
/// that misses an element Annex I requires; issuing from a course template always produces one
/// that passes it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct SealingPolicy {
    /// Refuse a credential that is not a complete micro-credential (an `mc.*` error).
    pub require_micro_credential: bool,
}

impl SealingPolicy {
    /// Refuse only what EDC would reject (every error except the `mc.*` ones).
    pub fn edc() -> Self {
        SealingPolicy::default()
    }

    /// Refuse what EDC would reject and what is not a complete micro-credential.
    pub fn micro_credential() -> Self {
        SealingPolicy {
            require_micro_credential: true,
        }
    }
}

/// Why a credential is not sealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "&'static str")]
#[non_exhaustive]
pub enum Refusal {
    /// The profile check has an error that would make EDC reject the credential (an `edc.*`
    /// code, or any error outside Annex I).
    EdcProfile,
    /// The policy requires a complete micro-credential and an Annex I element is missing or
    /// invalid (an `mc.*` error); nothing EDC would reject.
    MicroCredential,
}

impl Refusal {
    /// The stable code: `seal.refused.edc_profile` or `seal.refused.micro_credential`.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::EdcProfile => "seal.refused.edc_profile",
            Refusal::MicroCredential => "seal.refused.micro_credential",
        }
    }

    /// What it means, in general terms.
    pub fn message(&self) -> &'static str {
        match self {
            Refusal::EdcProfile => {
                "EDC would reject the credential: the errors above must be fixed"
            }
            Refusal::MicroCredential => {
                "the credential is not a complete micro-credential (Annex I), which the policy requires"
            }
        }
    }
}

impl From<Refusal> for &'static str {
    fn from(refusal: Refusal) -> Self {
        refusal.code()
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message(), self.code())
    }
}

/// The profile check of a credential about to be sealed, judged by a [`SealingPolicy`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SealingCheck {
    /// The policy applied.
    pub policy: SealingPolicy,
    /// The findings of [`check_before_sealing`], with the policy applied to their severity: the
    /// errors are exactly what blocks sealing; under a policy that does not require a
    /// micro-credential, Annex I errors are lowered to warnings.
    pub findings: Vec<Finding>,
    /// Why the credential must not be sealed, or `None` when it may.
    pub refusal: Option<Refusal>,
}

impl SealingCheck {
    /// True when the credential may be sealed.
    pub fn allows_sealing(&self) -> bool {
        self.refusal.is_none()
    }

    /// The findings that block sealing (the errors).
    pub fn blocking(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    /// The findings shown but not blocking (warnings and notes).
    pub fn advisory(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity != Severity::Error)
    }
}

/// Whether `credential` may be sealed under `policy`, and what to show about it.
///
/// ```
/// use microcred::model::EuropeanDigitalCredential;
/// use microcred::profile::{SealingPolicy, check_for_sealing};
///
/// // A micro-credential issued from a course template passes the strictest policy.
/// let credential = microcred::issue::demo_credential();
/// assert!(check_for_sealing(&credential, SealingPolicy::micro_credential()).allows_sealing());
///
/// // An empty credential is one EDC would reject, whatever the policy.
/// let check = check_for_sealing(&EuropeanDigitalCredential::default(), SealingPolicy::edc());
/// assert_eq!(check.refusal.map(|r| r.code()), Some("seal.refused.edc_profile"));
/// assert!(check.blocking().all(|f| !f.code.starts_with("mc.")));
/// ```
pub fn check_for_sealing(
    credential: &EuropeanDigitalCredential,
    policy: SealingPolicy,
) -> SealingCheck {
    let mut findings = check_before_sealing(credential);
    let mut edc_error = false;
    let mut annex_error = false;
    for finding in &mut findings {
        if finding.severity != Severity::Error {
            continue;
        }
        if is_annex_code(&finding.code) {
            annex_error = true;
            if !policy.require_micro_credential {
                finding.severity = Severity::Warning;
            }
        } else {
            edc_error = true;
        }
    }
    let refusal = if edc_error {
        Some(Refusal::EdcProfile)
    } else if annex_error && policy.require_micro_credential {
        Some(Refusal::MicroCredential)
    } else {
        None
    };
    SealingCheck {
        policy,
        findings,
        refusal,
    }
}

/// Annex I findings: micro-credential completeness, not EDC acceptance.
fn is_annex_code(code: &str) -> bool {
    code.starts_with("mc.")
}
