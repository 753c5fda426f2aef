//! A built-in example course, learner and credential, for documentation, tests and trying the
//! tool without data. Everything in it is fictional.

use time::macros::datetime;
use uuid::Uuid;

use super::template::{
    Agency, Assessment, AwardingBody, CourseTemplate, DetailedOutcome, GradingScheme,
    OrgIdentifier, Outcome, QualityAssurance, SkillRef,
};
use super::text::Text;
use super::{Issuance, IssueContext, LearnerRecord};
use crate::model::EuropeanDigitalCredential;

/// The demo credential's UUID.
const DEMO_ID: Uuid = Uuid::from_u128(0x6d1c_2e4a_7b3f_4c5d_9e8f_0a1b_2c3d_4e5f);

fn text(s: &str) -> Option<Text> {
    Some(Text::from(s))
}

fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

/// A fictional five-ECTS online course of a fictional university.
pub fn demo_template() -> CourseTemplate {
    CourseTemplate {
        title: text("Creating Open Digital Learning Content"),
        description: text(
            "A short online course on designing, producing and publishing accessible open educational resources.",
        ),
        learning_outcomes: vec![
            Outcome::Detailed(DetailedOutcome {
                title: text("Develop accessible digital learning content with open tools"),
                esco_skills: vec![SkillRef::Iri(
                    "http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a"
                        .to_owned(),
                )],
            }),
            Outcome::Text(Text::from(
                "Choose and apply an open licence to published material",
            )),
            Outcome::Detailed(DetailedOutcome {
                title: text("Plan a resource with partners from other institutions"),
                esco_skills: vec![SkillRef::Iri(
                    "http://data.europa.eu/esco/skill/326809fc-238d-40c2-881e-40042f7f2f0d"
                        .to_owned(),
                )],
            }),
        ],
        ects: Some(5.0),
        hours: Some(125),
        eqf: Some(6),
        isced_f: vec!["0688".to_owned()],
        language: some("en"),
        mode: some("online"),
        setting: some("non-formal"),
        assessment: Some(Assessment {
            kind: some("portfolio"),
            title: text("Portfolio of open learning resources"),
            description: text(
                "Three resources published under an open licence, with a reflective note.",
            ),
            mode: None,
            grading_scheme: Some(GradingScheme {
                title: text("Pass/fail"),
                description: text(
                    "Pass when every resource meets the published accessibility checklist.",
                ),
            }),
        }),
        supervision: some("unsupervised_with_id_verification"),
        quality_assurance: Some(QualityAssurance {
            kind: some("programme-quality-assurance"),
            title: text("Programme validation of short courses"),
            agency: Some(Agency {
                legal_name: text("Example Qualifications Authority"),
                country: some("IE"),
                homepage: some("https://qa-agency.example"),
                identifier: None,
            }),
            ..Default::default()
        }),
        entry_requirements: text("None; basic digital skills are assumed."),
        is_partial: Some(false),
        max_duration: some("P6M"),
        course_code: some("ODLC-101"),
        homepage: some("https://university.example/courses/odlc-101"),
        awarding_body: Some(AwardingBody {
            legal_name: text("Example University of Technology"),
            short_name: text("EUT"),
            country: some("IE"),
            eidas_identifier: some("VATIE-0000000X"),
            homepage: some("https://university.example"),
            email: some("registrar@university.example"),
            address: text("1 Example Square, Dublin"),
            identifiers: vec![OrgIdentifier {
                value: some("IRL-EXAMPLE01"),
                scheme: some("Erasmus code"),
            }],
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// An obviously fictional learner who passed the demo course.
pub fn demo_learner() -> LearnerRecord {
    LearnerRecord {
        given_name: some("Ada"),
        family_name: some("Example"),
        date_of_birth: some("2000-02-29"),
        email: some("ada.example@learner.example"),
        student_id: some("S0000001"),
        grade: some("Pass"),
        completion_date: some("2026-01-09"),
        ..Default::default()
    }
}

/// The demo credential, issued at 2026-01-15T10:00:00Z with a fixed UUID, so that it is the same
/// on every run.
pub fn demo_credential() -> EuropeanDigitalCredential {
    let context = IssueContext {
        now: datetime!(2026-01-15 10:00:00 UTC),
        credential_id: DEMO_ID,
    };
    // The demo inputs are fixed and a test issues them, so this cannot fail at run time.
    Issuance::new(&demo_template())
        .and_then(|issuance| issuance.issue(&demo_learner(), context))
        .expect("the demo template and learner are valid")
}

/// The demo credential as pretty JSON, as EDC would read it.
pub fn demo_credential_json() -> String {
    crate::json::to_string_pretty(&demo_credential())
}
