//! Controlled vocabularies as typed values.
//!
//! EDC requires every controlled value to be an embedded [`Concept`] with its `inScheme` and a
//! `prefLabel`; these types produce exactly that shape and recognise it when reading:
//!
//! ```
//! use microcred::vocab::{Eqf, Vocabulary};
//! let level = Eqf::new(6).expect("1..=8");
//! let concept = level.concept();
//! assert_eq!(concept.id.as_deref(), Some("http://data.europa.eu/snb/eqf/6"));
//! assert_eq!(Eqf::from_concept(&concept), Some(level));
//! ```
//!
//! Europass lists live at `http://data.europa.eu/snb/<list>/<code>` with the scheme
//! `http://data.europa.eu/snb/<list>/25831c2`; Publications Office tables (countries, languages,
//! file types) at `http://publications.europa.eu/resource/authority/<table>/<CODE>`.
//!
//! The Europass lists are enums; [`from_name`](Mode::from_name) takes what a registrar writes in
//! a course description or a configuration file:
//!
//! ```
//! use microcred::vocab::{AssessmentType, LearningSetting, Mode, Vocabulary};
//! assert_eq!(Mode::from_name("online"), Some(Mode::Online));
//! assert_eq!(LearningSetting::from_name("non-formal"), Some(LearningSetting::NonFormal));
//! let exam = AssessmentType::from_name("Written examination").expect("a listed type");
//! assert_eq!(exam.iri(), "http://data.europa.eu/snb/assessment/6e6cb2cc78");
//! assert_eq!(exam.name(), "written_examination");
//! ```

mod authority;
mod europass;
mod isced;

pub use authority::{Country, FileType, Language};
pub use europass::{
    AccreditationType, AssessmentType, CredentialType, CreditFramework, Encoding, Eqf,
    LearningSetting, Mode, Supervision,
};
pub use isced::{IscedF, IscedLevel};

use crate::model::{Concept, ConceptScheme, LangMap};

/// Scheme IRIs of the vocabularies microcred knows.
pub mod scheme {
    /// EQF levels.
    pub const EQF: &str = "http://data.europa.eu/snb/eqf/25831c2";
    /// Credit systems (ECTS, ...).
    pub const EDUCATION_CREDIT: &str = "http://data.europa.eu/snb/education-credit/25831c2";
    /// Formal / non-formal / informal.
    pub const LEARNING_SETTING: &str = "http://data.europa.eu/snb/learning-setting/25831c2";
    /// Online / blended / presential (the list is called learning-assessment upstream).
    pub const MODE: &str = "http://data.europa.eu/snb/learning-assessment/25831c2";
    /// Types of assessment.
    pub const ASSESSMENT: &str = "http://data.europa.eu/snb/assessment/25831c2";
    /// Supervision and identity verification.
    pub const SUPERVISION: &str = "http://data.europa.eu/snb/supervision-verification/25831c2";
    /// Credential types (profiles).
    pub const CREDENTIAL: &str = "http://data.europa.eu/snb/credential/25831c2";
    /// ISCED-F fields of education.
    pub const ISCED_F: &str = "http://data.europa.eu/snb/isced-f/25831c2";
    /// Accreditation (quality assurance) types.
    pub const ACCREDITATION: &str = "http://data.europa.eu/snb/accreditation/25831c2";
    /// Content encodings.
    pub const ENCODING: &str = "http://data.europa.eu/snb/encoding/25831c2";
    /// Publications Office countries.
    pub const COUNTRY: &str = "http://publications.europa.eu/resource/authority/country";
    /// Publications Office languages.
    pub const LANGUAGE: &str = "http://publications.europa.eu/resource/authority/language";
    /// Publications Office file types.
    pub const FILE_TYPE: &str = "http://publications.europa.eu/resource/authority/file-type";
}

/// A controlled vocabulary whose values are embedded as [`Concept`]s.
pub trait Vocabulary: Sized {
    /// The scheme IRI.
    const SCHEME: &'static str;
    /// The `notation` EDC writes on this vocabulary's concepts (Publications Office tables carry
    /// their table name; Europass lists none).
    const NOTATION: Option<&'static str> = None;

    /// The concept IRI.
    fn iri(&self) -> String;
    /// The English label.
    fn label(&self) -> String;
    /// The value for a concept IRI, when it belongs to this vocabulary.
    fn from_iri(iri: &str) -> Option<Self>;

    /// The embedded concept EDC expects: id, type, inScheme, notation (for Publications Office
    /// tables) and an English prefLabel.
    fn concept(&self) -> Concept {
        Concept {
            id: Some(self.iri()),
            in_scheme: Some(ConceptScheme {
                id: Some(Self::SCHEME.to_owned()),
                ..Default::default()
            }),
            notation: Self::NOTATION.map(str::to_owned),
            pref_label: LangMap::en(self.label()),
            ..Default::default()
        }
    }

    /// The value a concept stands for, by its IRI.
    fn from_concept(concept: &Concept) -> Option<Self> {
        concept.id.as_deref().and_then(Self::from_iri)
    }
}

/// True when the concept's `inScheme` is `scheme`.
pub fn in_scheme(concept: &Concept, scheme: &str) -> bool {
    concept.in_scheme.as_ref().and_then(|s| s.id.as_deref()) == Some(scheme)
}
