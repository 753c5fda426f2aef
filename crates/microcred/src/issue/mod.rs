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
//! let credential = Issuance::new(&template).issue(&learner, context)?;
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
/// The template is checked once, when the issuance is made: [`Issuance::problems_at`] lists its
/// problems before any learner is looked at, and [`Issuance::issue`] refuses every learner while
/// there are any.
#[derive(Debug, Clone)]
pub struct Issuance {
    course: Result<course::Course, Vec<IssueError>>,
}

impl Issuance {
    /// Issuance for the course `template` describes.
    pub fn new(template: &CourseTemplate) -> Self {
        Issuance {
            course: course::Course::resolve_all(template),
        }
    }

    /// Every problem of the template for issuing at `now`, in the order of its fields: those of
    /// [`CourseTemplate::problems`], and a quality assurance that has expired by `now`. Empty
    /// when credentials can be issued.
    pub fn problems_at(&self, now: OffsetDateTime) -> Vec<IssueError> {
        match &self.course {
            Ok(course) => course.problem_at(now).into_iter().collect(),
            Err(problems) => problems.clone(),
        }
    }

    /// The problems of a learner file for this course, reported once rather than on every row:
    /// no `grade` column when the template has no `default_grade`.
    pub fn table_problems(&self, table: &LearnerTable) -> Vec<IssueError> {
        let has_default = self
            .course
            .as_ref()
            .is_ok_and(|c| c.default_grade.is_some());
        if table.column_of("grade").is_none() && !has_default {
            vec![IssueError::MissingColumn {
                field: "grade".to_owned(),
            }]
        } else {
            Vec::new()
        }
    }

    /// The credential for one learner: checks the record, then builds. A template with problems
    /// gives its first problem for every learner.
    ///
    /// Errors name the template or record field at fault and never repeat a value.
    pub fn issue(
        &self,
        learner: &LearnerRecord,
        context: IssueContext,
    ) -> Result<EuropeanDigitalCredential, IssueError> {
        let course = match &self.course {
            Ok(course) => course,
            Err(problems) => {
                return Err(problems.first().cloned().unwrap_or_else(|| {
                    IssueError::invalid(Input::Template, "(template)", "a complete template")
                }));
            }
        };
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
