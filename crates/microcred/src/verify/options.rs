//! What a [`Verifier`](super::Verifier) is configured with beyond data: where the time comes
//! from, an accreditation register, the expected owner and the trust policy.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::report::Status;
use crate::model::Accreditation;

/// Where the verifier gets the time from. Verification never reads the system clock itself.
pub trait Clock: Send + Sync {
    /// The current time.
    fn now(&self) -> OffsetDateTime;
}

/// A fixed time: verify as of that moment.
impl Clock for OffsetDateTime {
    fn now(&self) -> OffsetDateTime {
        *self
    }
}

impl<F: Fn() -> OffsetDateTime + Send + Sync> Clock for F {
    fn now(&self) -> OffsetDateTime {
        self()
    }
}

/// What an accreditation register says about an accreditation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccreditationStatus {
    /// Listed and in force.
    Confirmed,
    /// Listed as withdrawn or revoked.
    Withdrawn,
    /// Not listed, or the register could not be asked.
    Unknown,
}

/// A register of accreditations (a national quality assurance database, DEQAR, a local copy).
pub trait AccreditationSource: Send + Sync {
    /// The register's view of `accreditation` (its `id`, identifiers and accrediting agent).
    fn status(&self, accreditation: &Accreditation) -> AccreditationStatus;
}

/// Who the credential is expected to belong to, for the owner check.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Owner {
    /// An e-mail address of the learner.
    Email(String),
    /// A national identifier, another identifier of the learner, or the subject's id.
    Identifier(String),
}

/// What to do when the seal certificate reaches no configured trust anchor. In a
/// [`VerifierConfig`](super::VerifierConfig): `"indeterminate"` or `"strict"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrustPolicy {
    /// Report *indeterminate*: the seal may be fine, but nobody configured here vouches for it.
    #[default]
    Indeterminate,
    /// Report *failed*: only seals from the configured anchors are acceptable.
    Strict,
}

impl TrustPolicy {
    /// The status of a trust check that found no configured anchor (or trusted DID) vouching.
    pub(super) fn untrusted(self) -> Status {
        match self {
            TrustPolicy::Indeterminate => Status::Indeterminate,
            TrustPolicy::Strict => Status::Failed,
        }
    }
}
