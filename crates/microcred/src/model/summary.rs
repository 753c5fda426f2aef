//! [`Summary`]: what people look at first in a credential, read simply (for a binding's
//! properties, a table row, the verifier page). Everything in it is about the credential, its
//! issuer and what it certifies, except [`Summary::learner`], the learner's name.

use serde::Serialize;

use super::{
    Concept, EuropeanDigitalCredential, LangMap, LearningAchievement,
    LearningAchievementSpecification, MediaObject, Person,
};
use crate::vocab::{Country, CreditFramework, Eqf, Vocabulary};

/// What people look at first in a credential. Each field is `None` (or empty) when the
/// credential does not say it, or says it in a form these fields cannot hold: an ECTS amount
/// that is not a positive number, an EQF level outside the list, an image that is not a base64
/// PNG, JPEG or SVG. Texts are English when the credential has English, else its first language.
///
/// `learner` is personal data: show it to the person who asked, never log it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Summary {
    /// The title shown to people (`displayParameter.title`).
    pub title: Option<String>,
    /// The issuer's legal name.
    pub issuer: Option<String>,
    /// The issuer's country as its Publications Office code (`BEL`), or the awarding body's when
    /// the issuer names none (the EDC upload form has no issuer).
    pub country: Option<String>,
    /// The ECTS credits of the first achievement's specification.
    pub ects: Option<f64>,
    /// The EQF level (1 to 8) of the first achievement's specification.
    pub eqf_level: Option<u8>,
    /// The issue date-time, as written (`issued`).
    pub issued: Option<String>,
    /// The learner's full name (else given and family names). Personal data.
    pub learner: Option<String>,
    /// The title of the achievement the credential certifies.
    pub achievement: Option<String>,
    /// The learning outcomes of the achievement's specification, by title.
    pub learning_outcomes: Vec<String>,
    /// The forms of participation (`mode`: online, blended, ...), by label.
    pub participation: Vec<String>,
    /// The assessments the learner took (else the ones the specification plans).
    pub assessments: Vec<AssessmentSummary>,
    /// The quality assurance of the qualification, else of the awarding bodies.
    pub quality_assurance: Vec<QualityAssuranceSummary>,
    /// When the achievement was awarded (`awardedBy.awardingDate`), as written.
    pub awarded: Option<String>,
    /// Valid from, as written.
    pub valid_from: Option<String>,
    /// Valid until (or the VCDM 1.1 expiration date), as written.
    pub valid_until: Option<String>,
    /// The first page of the credential's own display, in its primary language when it has one.
    pub image: Option<DisplayImage>,
}

/// One assessment, as a person reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AssessmentSummary {
    /// Its title.
    pub title: Option<String>,
    /// The kind of assessment (`assessment` vocabulary: exam, presentation, ...).
    pub kind: Option<String>,
    /// The grade obtained (personal to the learner, like the name).
    pub grade: Option<String>,
    /// Supervision and identity verification (`idVerification`).
    pub supervision: Option<String>,
}

/// One quality assurance (an ELM accreditation), as a person reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct QualityAssuranceSummary {
    /// The kind (`accreditation` vocabulary: programme or institutional quality assurance).
    pub kind: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// The accrediting agency's legal name.
    pub agency: Option<String>,
}

/// An image of the credential's display, for an `<img src="data:...">`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DisplayImage {
    /// `image/png`, `image/jpeg` or `image/svg+xml`.
    pub media_type: &'static str,
    /// The image bytes in base64, as the credential holds them (not decoded nor checked).
    pub base64: String,
}

impl DisplayImage {
    /// The `data:` URL of the image.
    pub fn data_url(&self) -> String {
        format!("data:{};base64,{}", self.media_type, self.base64)
    }
}

impl EuropeanDigitalCredential {
    /// What people look at first (see [`Summary`]).
    ///
    /// ```
    /// let summary = microcred::issue::demo_credential().summary();
    /// assert_eq!(summary.eqf_level, Some(6));
    /// assert!(summary.title.is_some());
    /// ```
    pub fn summary(&self) -> Summary {
        let achievement = self.achievement();
        let spec = achievement.and_then(|a| a.specified_by.as_ref());
        Summary {
            achievement: achievement.and_then(|a| text(&a.title)),
            learning_outcomes: spec
                .iter()
                .flat_map(|s| &s.learning_outcome)
                .filter_map(|o| text(&o.title))
                .collect(),
            participation: spec
                .iter()
                .flat_map(|s| &s.mode)
                .filter_map(label)
                .collect(),
            assessments: achievement.map(assessments).unwrap_or_default(),
            quality_assurance: quality_assurance(achievement, spec),
            awarded: achievement
                .and_then(|a| a.awarded_by.as_ref())
                .and_then(|p| p.awarding_date.as_ref())
                .map(|d| d.as_str().to_owned()),
            valid_from: self.valid_from.as_ref().map(|d| d.as_str().to_owned()),
            valid_until: self
                .valid_until
                .as_ref()
                .or(self.expiration_date.as_ref())
                .map(|d| d.as_str().to_owned()),
            image: self.display_image(),
            ..self.headline()
        }
    }

    /// The summary's first fields (title to learner), the rest left empty: what a verification
    /// report names, without copying lists and images for every credential verified.
    pub(crate) fn headline(&self) -> Summary {
        let achievement = self.achievement();
        let spec = achievement.and_then(|a| a.specified_by.as_ref());
        let awarding_country = || {
            achievement
                .and_then(|a| a.awarded_by.as_ref())
                .and_then(|p| p.awarding_body.iter().find_map(|b| b.country()))
        };
        Summary {
            title: self.display_parameter.as_ref().and_then(|d| text(&d.title)),
            issuer: self.issuer.as_ref().and_then(|i| text(&i.legal_name)),
            country: self
                .issuer
                .as_ref()
                .and_then(|i| i.country())
                .or_else(awarding_country)
                .and_then(country_code),
            ects: spec.and_then(ects),
            eqf_level: spec
                .and_then(|s| s.eqf_level.as_ref())
                .and_then(Eqf::from_concept)
                .map(|e| e.level()),
            issued: self.issued.as_ref().map(|d| d.as_str().to_owned()),
            learner: self.credential_subject.as_ref().and_then(learner_name),
            achievement: None,
            learning_outcomes: Vec::new(),
            participation: Vec::new(),
            assessments: Vec::new(),
            quality_assurance: Vec::new(),
            awarded: None,
            valid_from: None,
            valid_until: None,
            image: None,
        }
    }

    /// The first page of the display in the primary language (else of the first display).
    fn display_image(&self) -> Option<DisplayImage> {
        let display = self.display_parameter.as_ref()?;
        let primary = display
            .primary_language
            .as_ref()
            .and_then(|l| l.id.as_deref());
        let individual = display
            .individual_display
            .iter()
            .find(|d| {
                primary.is_some() && d.language.as_ref().and_then(|l| l.id.as_deref()) == primary
            })
            .or(display.individual_display.first())?;
        let first_page = individual
            .display_detail
            .iter()
            .min_by_key(|d| d.page.unwrap_or(u64::MAX))?;
        first_page.image.as_ref().and_then(image)
    }
}

/// A text in English, else in the first language there is.
fn text(map: &LangMap) -> Option<String> {
    map.best(&["en"])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// What a concept is called: its label as written, else its notation, else its IRI.
fn label(concept: &Concept) -> Option<String> {
    text(&concept.pref_label)
        .or_else(|| concept.notation.clone())
        .or_else(|| concept.id.clone())
}

fn learner_name(person: &Person) -> Option<String> {
    text(&person.full_name).or_else(|| {
        let parts: Vec<String> = [&person.given_name, &person.family_name]
            .into_iter()
            .filter_map(text)
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    })
}

fn ects(spec: &LearningAchievementSpecification) -> Option<f64> {
    spec.credit_point.iter().find_map(|credit| {
        let framework = credit.framework.as_ref()?;
        (CreditFramework::from_concept(framework) == Some(CreditFramework::Ects))
            .then(|| positive_number(credit.point.as_deref()?))
            .flatten()
    })
}

/// The assessments taken; when none says what it was, the ones the specification plans.
fn assessments(achievement: &LearningAchievement) -> Vec<AssessmentSummary> {
    let taken: Vec<AssessmentSummary> = achievement
        .proven_by
        .iter()
        .map(|a| AssessmentSummary {
            title: text(&a.title).or_else(|| a.specified_by.as_ref().and_then(|s| text(&s.title))),
            kind: a
                .specified_by
                .as_ref()
                .and_then(|s| s.dc_type.as_ref())
                .and_then(label),
            grade: a.grade.as_ref().and_then(|g| text(&g.note_literal)),
            supervision: a.id_verification.as_ref().and_then(label),
        })
        .collect();
    if !taken.is_empty() {
        return taken;
    }
    achievement
        .specified_by
        .iter()
        .flat_map(|s| &s.proven_by)
        .map(|s| AssessmentSummary {
            title: text(&s.title),
            kind: s.dc_type.as_ref().and_then(label),
            grade: None,
            supervision: None,
        })
        .collect()
}

/// The qualification's accreditations, else the awarding bodies' (institutional quality
/// assurance), as the micro-credential check reads them.
fn quality_assurance(
    achievement: Option<&LearningAchievement>,
    spec: Option<&LearningAchievementSpecification>,
) -> Vec<QualityAssuranceSummary> {
    let on_spec = spec.map(|s| s.accreditation.as_slice()).unwrap_or_default();
    let on_bodies = achievement
        .and_then(|a| a.awarded_by.as_ref())
        .into_iter()
        .flat_map(|p| &p.awarding_body)
        .flat_map(|b| &b.accreditation);
    let chosen: Vec<_> = if on_spec.is_empty() {
        on_bodies.collect()
    } else {
        on_spec.iter().collect()
    };
    chosen
        .into_iter()
        .map(|a| QualityAssuranceSummary {
            kind: a.dc_type.as_ref().and_then(label),
            title: text(&a.title),
            agency: a
                .accrediting_agent
                .as_ref()
                .and_then(|o| text(&o.legal_name)),
        })
        .collect()
}

/// A base64 PNG, JPEG or SVG image, by its `contentType` (a Publications Office file type).
fn image(media: &MediaObject) -> Option<DisplayImage> {
    let file_type = media
        .content_type
        .as_ref()?
        .id
        .as_deref()?
        .rsplit('/')
        .next()?;
    let media_type = match file_type.to_ascii_uppercase().as_str() {
        "PNG" => "image/png",
        "JPEG" | "JPG" => "image/jpeg",
        "SVG" => "image/svg+xml",
        _ => return None,
    };
    let base64 = media.content.as_deref()?.trim();
    (!base64.is_empty()).then(|| DisplayImage {
        media_type,
        base64: base64.to_owned(),
    })
}

/// The Publications Office code of a country concept (`BEL`).
fn country_code(concept: &Concept) -> Option<String> {
    Country::from_concept(concept).map(|c| c.code().to_owned())
}

/// A credit amount as the profile check accepts it (a positive decimal, comma or point).
pub(crate) fn positive_number(text: &str) -> Option<f64> {
    let text = text.trim().replace(',', ".");
    let digits_only = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let number: f64 = text.parse().ok()?;
    (digits_only && number.is_finite() && number > 0.0).then_some(number)
}
