//! The course template: what a registrar writes once per course, in JSON or TOML.
//!
//! Every field is optional to serde so that a missing required field is reported by
//! [`CourseTemplate::validate`] with its path (`issue.missing_field`), not as a parse error.
//! Unknown keys are parse errors (`issue.template_syntax`), so a typo is never silently dropped.

use serde::{Deserialize, Deserializer, Serialize};

use super::error::IssueError;
use super::text::{DateText, Text};

/// A course as a registrar describes it: everything a micro-credential says that is the same
/// for every learner. Keys are snake_case; see `examples/course.toml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a course template: a table of course fields"
)]
#[non_exhaustive]
pub struct CourseTemplate {
    /// The course title (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// A description of the course.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The learning outcomes (at least one is required).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub learning_outcomes: Vec<Outcome>,
    /// A summary of the learning outcomes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning_outcome_summary: Option<Text>,
    /// ECTS credits (at least one of `ects` and `hours` is required).
    #[serde(
        default,
        deserialize_with = "numbers::ects",
        skip_serializing_if = "Option::is_none"
    )]
    pub ects: Option<f64>,
    /// Notional learning hours.
    #[serde(
        default,
        deserialize_with = "numbers::hours",
        skip_serializing_if = "Option::is_none"
    )]
    pub hours: Option<u32>,
    /// The EQF level, 1 to 8.
    #[serde(
        default,
        deserialize_with = "numbers::eqf",
        skip_serializing_if = "Option::is_none"
    )]
    pub eqf: Option<u8>,
    /// The level in a national qualification framework.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nqf: Option<ConceptRef>,
    /// ISCED-F fields of education (`0613`, `003`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub isced_f: Vec<String>,
    /// The language of instruction and of the credential: ISO 639-1 (`en`) or the Publications
    /// Office code (`ENG`) (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Form of participation: `online`, `blended` or `presential` (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Learning setting: `formal` or `non-formal` (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<String>,
    /// How learners are assessed (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
    /// Supervision and identity verification during assessment, by name
    /// (`unsupervised-without-id-verification`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervision: Option<String>,
    /// The type of quality assurance (required; Annex I makes it mandatory).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality_assurance: Option<QualityAssurance>,
    /// Prerequisites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_requirements: Option<Text>,
    /// Whether the course is part of a larger qualification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_partial: Option<bool>,
    /// The longest time the course may take, ISO 8601 (`P6M`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_duration: Option<String>,
    /// The course's code in the institution's catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course_code: Option<String>,
    /// The course's web page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    /// Further information (Annex I's optional last element).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub further_information: Option<Text>,
    /// Public documents about the course (URLs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supplementary_documents: Vec<String>,
    /// Who awards the credential; also its issuer (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awarding_body: Option<AwardingBody>,
    /// How the credential is displayed (default: the course title and a generated card).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<DisplayOptions>,
    /// How long the credential stays valid, ISO 8601 (`P5Y`); absent means no expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_for: Option<String>,
    /// The grade written when a learner record has none (EDC requires a grade).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_grade: Option<String>,
}

/// A learning outcome: its text, or a table with the text and related ESCO skills.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Outcome {
    /// The outcome as text.
    Text(Text),
    /// The outcome with related skills.
    Detailed(DetailedOutcome),
}

/// A learning outcome with related ESCO skills.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a learning outcome: text, or a table with `title` and `esco_skills`"
)]
#[non_exhaustive]
pub struct DetailedOutcome {
    /// The outcome (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// ESCO skills, by IRI (`http://data.europa.eu/esco/skill/...`) or as `{iri, label}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub esco_skills: Vec<SkillRef>,
}

/// An ESCO skill: its IRI, or its IRI and label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SkillRef {
    /// The skill's IRI.
    Iri(String),
    /// The skill's IRI and preferred label.
    Labelled(LabelledSkill),
}

/// An ESCO skill with its label.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an ESCO skill with its label: a table with `iri` and `label`"
)]
#[non_exhaustive]
pub struct LabelledSkill {
    /// The IRI.
    pub iri: String,
    /// The preferred label (English).
    pub label: String,
}

/// A plain string is an outcome's text; a table with `title` is a detailed outcome; any other
/// table is text by language. Decided by hand so that a typo inside a detailed outcome is
/// reported by its key name rather than as "did not match any variant".
impl<'de> Deserialize<'de> for Outcome {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = serde_json::Value::deserialize(deserializer)?;
        match &value {
            serde_json::Value::String(text) => Ok(Outcome::Text(Text::Plain(text.clone()))),
            serde_json::Value::Object(map)
                if map.contains_key("title") || map.contains_key("esco_skills") =>
            {
                serde_json::from_value(value)
                    .map(Outcome::Detailed)
                    .map_err(D::Error::custom)
            }
            serde_json::Value::Object(_) => serde_json::from_value(value)
                .map(|map| Outcome::Text(Text::Translated(map)))
                .map_err(|_| {
                    D::Error::custom(
                        "a learning outcome in several languages maps language codes to text",
                    )
                }),
            _ => Err(D::Error::custom(
                "a learning outcome is text or a table with `title` and `esco_skills`",
            )),
        }
    }
}

/// A string is the skill's IRI; a table is the IRI with a label. Decided by hand so that a wrong
/// shape is reported in words rather than as "did not match any variant".
impl<'de> Deserialize<'de> for SkillRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = serde_json::Value::deserialize(deserializer)?;
        match value {
            serde_json::Value::String(iri) => Ok(SkillRef::Iri(iri)),
            serde_json::Value::Object(_) => serde_json::from_value(value)
                .map(SkillRef::Labelled)
                .map_err(D::Error::custom),
            _ => Err(D::Error::custom(
                "an ESCO skill is its IRI, or a table with `iri` and `label`",
            )),
        }
    }
}

/// A concept from a vocabulary microcred has no table for (a national framework level, a
/// DEQAR decision): its IRI, label and scheme.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a concept: a table with `iri`, `label` and `scheme`"
)]
#[non_exhaustive]
pub struct ConceptRef {
    /// The concept IRI (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iri: Option<String>,
    /// The label (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// The IRI of the concept scheme (required: EDC rejects concepts without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
}

/// How learners are assessed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an assessment: a table with `type`, `title` and more"
)]
#[non_exhaustive]
pub struct Assessment {
    /// The type, by name (`written_examination`) or code of the Europass assessment list
    /// (required).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The assessment's title (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The mode of the assessment when it differs from the course's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// How grades are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grading_scheme: Option<GradingScheme>,
}

/// How grades are given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a grading scheme: a table with `title` and `description`"
)]
#[non_exhaustive]
pub struct GradingScheme {
    /// The scheme's title (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// The course's quality assurance, written as an ELM `Accreditation` on the qualification.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a quality assurance: a table with `type`, `title`, `agency` and more"
)]
#[non_exhaustive]
pub struct QualityAssurance {
    /// The kind, by name (`programme-quality-assurance`, `institutional-quality-assurance`,
    /// `programme-licensing`, `institutional-licensing`) or code (required).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// A title, such as the name of the review (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The quality assurance agency (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<Agency>,
    /// The decision, as a concept of the agency's list (DEQAR).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<ConceptRef>,
    /// The published report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_url: Option<String>,
    /// When the decision was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<DateText>,
    /// When the quality assurance expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<DateText>,
}

/// A quality assurance agency.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an agency: a table with `legal_name`, `country` and more"
)]
#[non_exhaustive]
pub struct Agency {
    /// The legal name (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<Text>,
    /// The country, ISO 3166-1 alpha-2 or alpha-3 (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    /// An identifier, such as its DEQAR or EQAR id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
}

/// The awarding body, which is also the issuer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an awarding body: a table with `legal_name`, `country` and more"
)]
#[non_exhaustive]
pub struct AwardingBody {
    /// The legal name (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<Text>,
    /// A short name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<Text>,
    /// The country, ISO 3166-1 alpha-2 (`IE`) or alpha-3 (`IRL`) (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The eIDAS legal identifier (EDC replaces it with the seal certificate's at sealing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eidas_identifier: Option<String>,
    /// The VAT number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_identifier: Option<String>,
    /// The number in a business or education register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<String>,
    /// The web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    /// A contact email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The postal address, as one text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Text>,
    /// Other identifiers (Erasmus code, SCHAC home organisation, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<OrgIdentifier>,
    /// The logo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Image>,
}

/// An identifier of an organisation in some scheme.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an identifier: a table with `value` and `scheme`"
)]
#[non_exhaustive]
pub struct OrgIdentifier {
    /// The identifier (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The scheme's name (`Erasmus code`) (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
}

/// How the credential is displayed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "display options: a table with `title`, `description` or `image`"
)]
#[non_exhaustive]
pub struct DisplayOptions {
    /// The displayed title (default: the course title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The displayed description (default: the course description).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The page image for every language (default: a generated SVG card per language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
}

/// An embedded image.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an image: a table with `content` and `content_type`"
)]
#[non_exhaustive]
pub struct Image {
    /// The file, base64-encoded (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// `PNG`, `JPEG` or `SVG`, or the media type (`image/png`) (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
}

impl CourseTemplate {
    /// Reads a template from JSON.
    pub fn from_json(text: &str) -> Result<Self, IssueError> {
        within_limit(text)?;
        serde_json::from_str(text).map_err(|e| IssueError::from_json_template(&e))
    }

    /// Reads a template from TOML.
    pub fn from_toml(text: &str) -> Result<Self, IssueError> {
        within_limit(text)?;
        toml::from_str(text).map_err(|e| IssueError::from_toml_template(&e, text))
    }

    /// Writes the template as pretty JSON.
    pub fn to_json(&self) -> String {
        // The template holds only strings, numbers, booleans, lists and maps.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    // `validate` and `problems` are with the resolution they run, in `course.rs` (which reads
    // this file's types; this file reads nothing of it).
}

fn within_limit(text: &str) -> Result<(), IssueError> {
    if text.len() > super::limits::MAX_TEMPLATE_BYTES {
        return Err(IssueError::TemplateTooLarge {
            size: text.len(),
            limit: super::limits::MAX_TEMPLATE_BYTES,
        });
    }
    Ok(())
}

/// The template's numbers, read with messages in the registrar's terms (serde's own name the Rust
/// type: "expected u8").
mod numbers {
    use serde::Deserializer;
    use serde::de::{Error, Unexpected, Visitor};
    use std::fmt;

    /// A number, whole or not, as the format gives it.
    struct Number(&'static str);

    #[derive(Clone, Copy)]
    enum Read {
        Whole(i128),
        Fraction(f64),
    }

    impl<'de> Visitor<'de> for Number {
        type Value = Read;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_i64<E: Error>(self, v: i64) -> Result<Read, E> {
            Ok(Read::Whole(v.into()))
        }
        fn visit_u64<E: Error>(self, v: u64) -> Result<Read, E> {
            Ok(Read::Whole(v.into()))
        }
        fn visit_f64<E: Error>(self, v: f64) -> Result<Read, E> {
            Ok(Read::Fraction(v))
        }
    }

    fn read<'de, D: Deserializer<'de>>(d: D, what: &'static str) -> Result<Read, D::Error> {
        d.deserialize_any(Number(what))
    }

    fn out_of_range<E: Error>(read: Read, what: &'static str) -> E {
        match read {
            Read::Whole(v) => match i64::try_from(v) {
                Ok(v) => E::invalid_value(Unexpected::Signed(v), &what),
                Err(_) => E::custom(format!("a number out of range, expected {what}")),
            },
            Read::Fraction(v) => E::invalid_value(Unexpected::Float(v), &what),
        }
    }

    const EQF: &str = "an EQF level, a whole number from 1 to 8";
    const HOURS: &str = "a whole number of hours";
    const ECTS: &str = "a number of ECTS credits";

    pub(super) fn eqf<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
        let read = read(d, EQF)?;
        match read {
            Read::Whole(v) => u8::try_from(v)
                .map(Some)
                .map_err(|_| out_of_range(read, EQF)),
            Read::Fraction(_) => Err(out_of_range(read, EQF)),
        }
    }

    pub(super) fn hours<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        let read = read(d, HOURS)?;
        match read {
            Read::Whole(v) => u32::try_from(v)
                .map(Some)
                .map_err(|_| out_of_range(read, HOURS)),
            Read::Fraction(_) => Err(out_of_range(read, HOURS)),
        }
    }

    pub(super) fn ects<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        // ECTS are small numbers: a whole number reads exactly as a float.
        #[allow(clippy::cast_precision_loss)]
        match read(d, ECTS)? {
            Read::Whole(v) => Ok(Some(v as f64)),
            Read::Fraction(v) => Ok(Some(v)),
        }
    }
}
