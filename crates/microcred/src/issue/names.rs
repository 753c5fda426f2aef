//! Finding a value of a Europass list by what a registrar types: the name the vocabulary module
//! gives it (`written_examination`, `non-formal`, any case and separators), the code
//! (`6e6cb2cc78`) or the full IRI.

use crate::vocab::{
    AccreditationType, AssessmentType, LearningSetting, Mode, Supervision, Vocabulary,
};

/// A Europass list with names; the methods are the lists' own, gathered so that one generic
/// function serves every list.
pub(super) trait Named: Vocabulary + Copy + 'static {
    /// Every value.
    fn all() -> &'static [Self];
    /// The value with this name or English label.
    fn by_name(name: &str) -> Option<Self>;
    /// The value with this code.
    fn by_code(code: &str) -> Option<Self>;
    /// The snake_case name.
    fn snake_name(&self) -> String;
}

macro_rules! named {
    ($($list:ty),*) => {$(
        impl Named for $list {
            fn all() -> &'static [Self] {
                <$list>::ALL
            }
            fn by_name(name: &str) -> Option<Self> {
                <$list>::from_name(name)
            }
            fn by_code(code: &str) -> Option<Self> {
                <$list>::from_code(code)
            }
            fn snake_name(&self) -> String {
                self.name()
            }
        }
    )*};
}

named!(
    Mode,
    LearningSetting,
    AssessmentType,
    Supervision,
    AccreditationType
);

/// The value `text` names, by name, code or IRI.
pub(super) fn lookup<V: Named>(text: &str) -> Option<V> {
    let text = text.trim();
    V::by_name(text)
        .or_else(|| V::by_code(text))
        .or_else(|| V::from_iri(text))
}

/// The names a list accepts, for error messages.
pub(super) fn names<V: Named>() -> String {
    V::all()
        .iter()
        .map(V::snake_name)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_codes_and_iris_find_the_value() {
        assert_eq!(lookup::<Mode>("online"), Some(Mode::Online));
        assert_eq!(lookup::<Mode>(" Presential "), Some(Mode::Presential));
        assert_eq!(
            lookup::<LearningSetting>("non-formal"),
            Some(LearningSetting::NonFormal)
        );
        assert_eq!(
            lookup::<LearningSetting>("formal"),
            Some(LearningSetting::Formal)
        );
        assert_eq!(
            lookup::<AssessmentType>("written_examination"),
            Some(AssessmentType::WrittenExamination)
        );
        assert_eq!(
            lookup::<AssessmentType>("de4d165a6c"),
            Some(AssessmentType::ArtefactAssessment)
        );
        assert_eq!(
            lookup::<AssessmentType>("http://data.europa.eu/snb/assessment/c_2b3bd410"),
            Some(AssessmentType::SelfAssessment)
        );
        assert_eq!(
            lookup::<AccreditationType>("programme-quality-assurance"),
            Some(AccreditationType::ProgrammeQualityAssurance)
        );
        assert_eq!(lookup::<Mode>("by carrier pigeon"), None);
        assert_eq!(lookup::<Mode>(""), None);
        assert!(names::<Mode>().starts_with("online, blended, presential"));
    }
}
