//! Issuance: a micro-credential from a course template and a learner record.
//!
//! A registrar describes a course once ([`CourseTemplate`], JSON or TOML; see
//! `examples/course.toml`) and exports one [`LearnerRecord`] per learner (JSON, or a CSV row with
//! the same column names). [`Issuance`] turns the two into a complete EDC credential in the shape
//! of the EC's micro-credential sample, ready to be sealed:
//!
//! ```
//! use microcred::issue::{self, Issuance, IssueContext};
//! use time::macros::datetime;
//!
//! let template = issue::demo_template();
//! let learner = issue::demo_learner();
//! let context = IssueContext {
//!     now: datetime!(2026-01-15 10:00:00 UTC),
//!     credential_id: uuid::Uuid::from_u128(0x0f1e2d3c_4b5a_4697_8877_665544332211),
//! };
//! let credential = Issuance::new(&template)?.issue(&learner, context)?;
//! assert_eq!(credential.id.as_deref(), Some("urn:credential:0f1e2d3c-4b5a-4697-8877-665544332211"));
//! # Ok::<(), microcred::issue::IssueError>(())
//! ```
//!
//! Choices, for reviewers and registrars:
//! - **Time and identity are the caller's.** The core reads no clock and draws no random numbers
//!   (it must build for WebAssembly); [`IssueContext`] carries the issue time and the UUID.
//! - **`validFrom` is the issue time**, not the completion date: a credential cannot be valid
//!   before it exists. The completion date is the `awardingDate`. `issued` is the issue time too
//!   (EDC replaces it when sealing). `validUntil` is the issue time plus `valid_for`.
//! - **Quality assurance** (an Annex I element the EC samples leave out) is an ELM
//!   `Accreditation` on the Qualification: `dcType` from the accreditation list, `title`, and the
//!   agency as `accreditingAgent`.
//! - **The grade is required**: EDC rejects a `LearningAssessment` without one. A template's
//!   `default_grade` stands in for records that have none.
//! - **Bare dates** (`2025-06-30`) become midnight UTC, since EDC types dates as `xsd:dateTime`,
//!   and a **date-time without a time zone** (`2025-06-30T10:00:00`) is read as UTC and written
//!   with `Z`, so every date check applies to it: the completion date not later than the issue
//!   time, the date of birth before the completion date, the quality assurance not expired.
//! - **Quality assurance dates** follow the Verifier's rule
//!   ([`Accreditation::expired_at`](crate::model::Accreditation::expired_at)): `valid_until`
//!   before `issued` is a template problem, and a quality assurance expired by the issue time
//!   is refused ([`Issuance::problems_at`]), as `verify` would say `accreditation.expired`.
//! - **The template is resolved once**, by [`Issuance::new`]: the issuance owns the checked
//!   course (no borrow of the template), so it can be kept, shared between threads and used for
//!   any number of learners without reading the template again.
//! - **Sizes** stay within what microcred reads back, sealed: see [`limits`].
//! - **Numbers in a JSON learner record** stand for the text they are written with
//!   (`"student_id": 12345678901234567890123`, `"grade": 15.50`), digits and zeros kept.
//! - **Learner files** (CSV) are read by [`LearnerTable`]: UTF-8 only, the header checked once,
//!   each row with its line in the file, a learner on two rows issued once.
//! - **Display**: one page per display language (the course language, then any other language
//!   the title is given in). Without a template image each page is a generated SVG card.

mod build;
mod card;
mod check;
mod course;
mod demo;
mod error;
mod learner;
pub mod limits;
mod names;
mod period;
mod table;
mod template;
mod text;

use time::OffsetDateTime;
use uuid::Uuid;

pub use build::EDC_GENERIC_FULL;
pub use demo::{demo_credential, demo_credential_json, demo_learner, demo_template};
pub use error::{Input, IssueError};
pub use learner::LearnerRecord;
pub use table::{LearnerRow, LearnerTable};
pub use template::{
    Agency, Assessment, AwardingBody, ConceptRef, CourseTemplate, DetailedOutcome, DisplayOptions,
    GradingScheme, Image, LabelledSkill, OrgIdentifier, Outcome, QualityAssurance, SkillRef,
};
pub use text::{DateText, Text};

use crate::model::EuropeanDigitalCredential;

/// What the caller supplies for each credential: the issue time and the credential's UUID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueContext {
    /// The issue time (`issued`, `validFrom`, and the start of `valid_for`).
    pub now: OffsetDateTime,
    /// The credential's UUID (`urn:credential:<uuid>`); use a fresh random (v4) UUID per credential.
    pub credential_id: Uuid,
}

impl IssueContext {
    /// A context with this time and UUID.
    pub fn new(now: OffsetDateTime, credential_id: Uuid) -> Self {
        IssueContext { now, credential_id }
    }
}

/// Issues micro-credentials for one course.
///
/// The template is checked and resolved once, by [`Issuance::new`], which refuses a template with
/// problems ([`CourseTemplate::problems`] lists them all); the issuance owns what it resolved, so
/// it borrows nothing and can be kept for any number of learners.
#[derive(Debug, Clone)]
pub struct Issuance {
    course: course::Course,
}

impl Issuance {
    /// Issuance for the course `template` describes, or the template's first problem (in the
    /// order of its fields; [`CourseTemplate::problems`] gives every one).
    pub fn new(template: &CourseTemplate) -> Result<Self, IssueError> {
        Ok(Issuance {
            course: course::Course::resolve(template)?,
        })
    }

    /// The problems of issuing at `now` that depend on the time: a quality assurance that has
    /// expired by `now`. Empty when credentials can be issued at `now`.
    pub fn problems_at(&self, now: OffsetDateTime) -> Vec<IssueError> {
        self.course.problem_at(now).into_iter().collect()
    }

    /// The problems of a learner file for this course, reported once rather than on every row:
    /// no `grade` column when the template has no `default_grade`.
    pub fn table_problems(&self, table: &LearnerTable) -> Vec<IssueError> {
        if table.column_of("grade").is_none() && self.course.default_grade.is_none() {
            vec![IssueError::MissingColumn {
                field: "grade".to_owned(),
            }]
        } else {
            Vec::new()
        }
    }

    /// The credential for one learner: checks the record, then builds. A quality assurance
    /// expired by the issue time is refused (see [`problems_at`](Self::problems_at)).
    ///
    /// Errors name the template or record field at fault and never repeat a value.
    pub fn issue(
        &self,
        learner: &LearnerRecord,
        context: IssueContext,
    ) -> Result<EuropeanDigitalCredential, IssueError> {
        let course = &self.course;
        if let Some(problem) = course.problem_at(context.now) {
            return Err(problem);
        }
        let learner = learner.resolve(learner::Grade::Required {
            default: course.default_grade.as_deref(),
        })?;
        if learner
            .completion_date
            .to_offset()
            .is_some_and(|done| done > context.now)
        {
            return Err(IssueError::invalid(
                Input::Learner,
                "completion_date",
                "a date not later than the issue time",
            ));
        }
        Ok(build::credential(course, &learner, &context))
    }
}
