//! The learner record: one row of a grade export.

use serde::{Deserialize, Serialize};

use super::check::Checker;
use super::error::{Input, IssueError};
use super::limits;
use crate::model::DateTime;
use crate::vocab::Country;

/// One learner's result, flat so that a CSV row with these column names reads into it
/// (`examples/learners.csv`). Blank cells count as absent.
///
/// Every field is text, so a CSV reader hands cells over verbatim: a student number `007` keeps
/// its zeros. [`LearnerRecord::from_json`] also takes JSON numbers (`"student_id": 12345`).
///
/// A record must name the learner (`given_name`/`family_name` or `full_name`) and identify them
/// by at least one of `date_of_birth`, `national_id`, `email` and `student_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LearnerRecord {
    /// Given names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// Family names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    /// The full name (default: given names, a space, family names).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// The date of birth, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// A national identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_id: Option<String>,
    /// The country that issued `national_id`, ISO 3166-1 alpha-2 or alpha-3 (required with it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_id_country: Option<String>,
    /// An email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The student number at the awarding body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub student_id: Option<String>,
    /// The grade, as text (`Pass`, `A`, `72`) (required unless the template has `default_grade`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// When the learner completed the course: the awarding date, `YYYY-MM-DD` or a date-time
    /// (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_date: Option<String>,
    /// A certificate number for this credential.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_number: Option<String>,
}

/// A checked learner record.
#[derive(Debug, Clone)]
pub(super) struct Learner {
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub full_name: String,
    pub date_of_birth: Option<DateTime>,
    pub national_id: Option<(String, Country)>,
    pub email: Option<String>,
    pub student_id: Option<String>,
    pub grade: String,
    pub completion_date: DateTime,
    pub certificate_number: Option<String>,
}

impl Learner {
    /// The largest record issuance accepts, to measure the largest credential a template gives:
    /// every field at its longest, of the character that takes most room in JSON (a control
    /// character, written `\u0001`).
    pub(super) fn largest() -> Learner {
        let text = || "\u{1}".repeat(limits::MAX_LEARNER_CHARS);
        let date = DateTime::parse("2000-01-01T00:00:00.123456789+00:00").ok();
        Learner {
            given_name: Some(text()),
            family_name: Some(text()),
            full_name: text(),
            date_of_birth: date.clone(),
            national_id: Country::from_alpha2("IE").map(|c| (text(), c)),
            email: Some(text()),
            student_id: Some(text()),
            grade: text(),
            completion_date: date
                .unwrap_or_else(|| DateTime::from(time::OffsetDateTime::UNIX_EPOCH)),
            certificate_number: Some(text()),
        }
    }
}

/// How a missing grade is treated.
#[derive(Debug, Clone, Copy)]
pub(super) enum Grade<'a> {
    /// EDC requires a grade: the record's, else the template's default.
    Required {
        /// The template's `default_grade`.
        default: Option<&'a str>,
    },
    /// Only the record is being checked.
    Unchecked,
}

/// The members of a JSON object in order, each value as its source text.
struct Members(Vec<(String, Box<serde_json::value::RawValue>)>);

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Members;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object of learner fields")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Members, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

const IDENTIFIERS: &str = "date_of_birth, national_id, email or student_id";

impl LearnerRecord {
    /// Reads a record from a JSON object. A number stands for the text it is written with
    /// (`12345678901234567890123`, `15.50`), since exports often write student numbers and grades
    /// as numbers and a number type would lose digits or trailing zeros.
    pub fn from_json(text: &str) -> Result<Self, IssueError> {
        let Members(members) =
            serde_json::from_str(text).map_err(|e| IssueError::from_json_learner(&e))?;
        let mut object = serde_json::Map::new();
        for (key, raw) in members {
            let syntax = |what: &str| IssueError::LearnerSyntax {
                line: None,
                message: format!("`{key}` {what}"),
            };
            if object.contains_key(&key) {
                return Err(syntax("is given twice"));
            }
            let source = raw.get();
            let value = match source.as_bytes().first() {
                Some(b'"') => {
                    serde_json::from_str(source).map_err(|e| IssueError::from_json_learner(&e))?
                }
                Some(b'-' | b'0'..=b'9') => serde_json::Value::String(source.to_owned()),
                Some(b'n') => serde_json::Value::Null,
                _ => {
                    return Err(syntax(
                        "holds a list, an object or a boolean: expected text or a number",
                    ));
                }
            };
            object.insert(key, value);
        }
        serde_json::from_value(serde_json::Value::Object(object))
            .map_err(|e| IssueError::from_json_learner(&e))
    }

    /// Checks the record on its own and returns its first problem, if any. A missing grade is
    /// not a problem here: the template may supply a default, so issuing checks it.
    pub fn validate(&self) -> Result<(), IssueError> {
        self.resolve(Grade::Unchecked).map(|_| ())
    }

    /// The checked record.
    pub(super) fn resolve(&self, grade_rule: Grade<'_>) -> Result<Learner, IssueError> {
        let mut c = Checker::new(Input::Learner);
        let given_name = c.string(self.given_name.as_ref(), "given_name", false);
        let family_name = c.string(self.family_name.as_ref(), "family_name", false);
        let full_name = c
            .string(self.full_name.as_ref(), "full_name", false)
            .or_else(|| {
                let parts: Vec<&str> = [given_name.as_deref(), family_name.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                (!parts.is_empty()).then(|| parts.join(" "))
            });
        if full_name.is_none() {
            c.missing("given_name, family_name or full_name");
        }
        let date_of_birth = c.date(self.date_of_birth.as_ref(), "date_of_birth", false);
        let national_id = c.string(self.national_id.as_ref(), "national_id", false);
        let national_id_country = c.country(
            self.national_id_country.as_ref(),
            "national_id_country",
            national_id.is_some(),
        );
        let email = c.email(self.email.as_ref(), "email");
        let student_id = c.string(self.student_id.as_ref(), "student_id", false);
        let identified = [
            &self.date_of_birth,
            &self.national_id,
            &self.email,
            &self.student_id,
        ]
        .iter()
        .any(|v| v.as_deref().is_some_and(|s| !s.trim().is_empty()));
        if !identified {
            c.missing(IDENTIFIERS);
        }
        let grade = c
            .string(self.grade.as_ref(), "grade", false)
            .or_else(|| match grade_rule {
                Grade::Required { default } => default.map(str::to_owned),
                Grade::Unchecked => Some(String::new()),
            });
        if grade.is_none() {
            c.missing("grade");
        }
        let completion_date = c.date(self.completion_date.as_ref(), "completion_date", true);
        let certificate_number = c.string(
            self.certificate_number.as_ref(),
            "certificate_number",
            false,
        );
        if let (Some(birth), Some(done)) = (&date_of_birth, &completion_date) {
            if birth
                .to_offset()
                .zip(done.to_offset())
                .is_some_and(|(b, d)| b >= d)
            {
                c.invalid("date_of_birth", "a date before completion_date");
            }
        }
        if let Some(problem) = c.problems.into_iter().next() {
            return Err(problem);
        }
        match (full_name, grade, completion_date) {
            (Some(full_name), Some(grade), Some(completion_date)) => Ok(Learner {
                given_name,
                family_name,
                full_name,
                date_of_birth,
                national_id: national_id.zip(national_id_country),
                email,
                student_id,
                grade,
                completion_date,
                certificate_number,
            }),
            _ => Err(IssueError::missing(Input::Learner, "completion_date")),
        }
    }
}
