//! [`Summary`]: what people look at first in a credential, read simply (for a binding's
//! properties, a table row, a listing). No learner data: only the credential, its issuer and
//! what it certifies.

use super::{Concept, EuropeanDigitalCredential};
use crate::vocab::{Country, CreditFramework, Eqf, Vocabulary};

/// What people look at first in a credential. Each field is `None` when the credential does not
/// say it (or says it in a form these fields cannot hold: an ECTS amount that is not a positive
/// number, an EQF level outside the list).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Summary {
    /// The title shown to people (`displayParameter.title`, English first).
    pub title: Option<String>,
    /// The issuer's legal name (English first).
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
        let awarding_country = || {
            achievement
                .and_then(|a| a.awarded_by.as_ref())
                .and_then(|p| p.awarding_body.iter().find_map(|b| b.country()))
        };
        Summary {
            title: self
                .display_parameter
                .as_ref()
                .and_then(|d| d.title.best(&["en"]).map(str::to_owned)),
            issuer: self
                .issuer
                .as_ref()
                .and_then(|i| i.legal_name.best(&["en"]).map(str::to_owned)),
            country: self
                .issuer
                .as_ref()
                .and_then(|i| i.country())
                .or_else(awarding_country)
                .and_then(country_code),
            ects: spec.and_then(|s| {
                s.credit_point.iter().find_map(|credit| {
                    let framework = credit.framework.as_ref()?;
                    (CreditFramework::from_concept(framework) == Some(CreditFramework::Ects))
                        .then(|| positive_number(credit.point.as_deref()?))
                        .flatten()
                })
            }),
            eqf_level: spec
                .and_then(|s| s.eqf_level.as_ref())
                .and_then(Eqf::from_concept)
                .map(|e| e.level()),
            issued: self.issued.as_ref().map(|d| d.as_str().to_owned()),
        }
    }
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
