//! The typed ELM 3 model of the EDC application profile.
//!
//! Plain structs with public fields, one per ELM class. Every field is optional here: a credential
//! that lacks a mandatory element still reads, and the [profile check](crate::profile) says what is
//! missing. Each struct keeps the properties it does not know in `extra`, so reading and writing a
//! credential loses nothing. Build values with `..Default::default()`:
//!
//! ```
//! use microcred::model::{LangMap, Note};
//! let grade = Note { note_literal: LangMap::en("Pass"), ..Default::default() };
//! assert_eq!(grade.note_literal.get("en"), Some("Pass"));
//! ```

mod agent;
pub(crate) mod codec;
mod common;
mod credential;
mod learning;
mod node;
pub(crate) mod summary;
mod values;
pub(crate) mod walk;

pub use agent::{
    Accreditation, Address, ContactPoint, Group, Identifier, LegalIdentifier, Location, Mailbox,
    Organisation, Person, Phone,
};
pub use codec::{DecodeError, DecodeErrorKind, Node, Rejected, Stray};
// The JSON codec behind every model type: the crate's own plumbing, public only for the
// workspace's tests and tools, and not part of the stable API (read and write credentials with
// `crate::parse` and `crate::json`).
#[doc(hidden)]
pub use codec::{Class, Codec, JsonPath, Ser};
pub use common::{Concept, ConceptScheme, MediaObject, Note, PeriodOfTime, WebResource};
pub use credential::{
    CredentialSchema, DisplayDetail, DisplayParameter, EDC_CONTEXT, EuropeanDigitalCredential,
    Evidence, IndividualDisplay,
};
pub use learning::{
    AwardingProcess, Claim, CreditPoint, GradingScheme, LearningAchievement,
    LearningAchievementSpecification, LearningActivity, LearningActivitySpecification,
    LearningAssessment, LearningAssessmentSpecification, LearningEntitlement,
    LearningEntitlementSpecification, LearningOutcome,
};
pub use node::AnyNode;
pub(crate) use node::NodeRef;
pub use summary::{AssessmentSummary, DisplayImage, QualityAssuranceSummary, Summary};
pub use values::{DateTime, Duration, InvalidLiteral, LangMap};

/// Properties a class does not model, by JSON key.
pub type Extra = serde_json::Map<String, serde_json::Value>;

pub(crate) use codec::elm_class;

/// A boxed value reads and writes like the value (it breaks the Organisation ↔ Accreditation cycle).
impl<T: Codec> Codec for Box<T> {
    fn decode(value: serde_json::Value, at: &JsonPath<'_>) -> Result<Self, Rejected> {
        T::decode(value, at).map(Box::new)
    }

    fn to_json<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).to_json(serializer)
    }

    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
}

#[cfg(test)]
mod tests;
