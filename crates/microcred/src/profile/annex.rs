//! The elements of Annex I of Council Recommendation 2022/C 243/02, read from the credential's
//! first learning achievement (`hc`) and its specification (`spec`).

use super::Finding;
use super::codes::{self, Code};
use super::path::{item, key};
use crate::model::{
    EuropeanDigitalCredential, LearningAchievement, LearningAchievementSpecification, Person,
};
use crate::vocab::{self, Eqf, LearningSetting, Mode, Vocabulary};

/// The Annex I findings for `credential`, in the order of the Annex.
pub(super) fn check(credential: &EuropeanDigitalCredential) -> Vec<Finding> {
    let mut out = Findings(Vec::new());
    let claims = credential.claims();
    let subject = credential.credential_subject.as_ref();
    let first = claims
        .iter()
        .enumerate()
        .find_map(|(i, c)| c.as_achievement().map(|a| (i, a)));
    let (Some(subject), Some((index, hc))) = (subject, first) else {
        // Without an achievement there is nothing the Annex elements could describe; one finding
        // says so instead of a list of consequences.
        out.report(
            codes::MC_LEARNING_ACHIEVEMENT,
            "$.credentialSubject.hasClaim".to_owned(),
        );
        return out.0;
    };
    let hc_at = item("$.credentialSubject.hasClaim", index, claims.len());
    // An absent specification reads as an empty one: each element it should hold is then missing.
    let empty = LearningAchievementSpecification::default();
    let spec = hc.specified_by.as_ref().unwrap_or(&empty);
    Annex {
        credential,
        subject,
        hc,
        spec,
        hc_at: &hc_at,
        spec_at: &key(&hc_at, "specifiedBy"),
    }
    .check(&mut out);
    out.0
}

struct Findings(Vec<Finding>);

impl Findings {
    fn report(&mut self, code: Code, at: String) {
        self.0.push(Finding::new(code, at));
    }

    fn unless(&mut self, present: bool, code: Code, at: String) {
        if !present {
            self.report(code, at);
        }
    }
}

struct Annex<'a> {
    credential: &'a EuropeanDigitalCredential,
    subject: &'a Person,
    hc: &'a LearningAchievement,
    spec: &'a LearningAchievementSpecification,
    hc_at: &'a str,
    spec_at: &'a str,
}

impl Annex<'_> {
    fn check(&self, out: &mut Findings) {
        let (hc, spec) = (self.hc, self.spec);
        out.unless(
            self.learner_identified(),
            codes::MC_LEARNER_IDENTIFICATION,
            "$.credentialSubject".to_owned(),
        );
        out.unless(
            !hc.title.is_blank(),
            codes::MC_TITLE,
            key(self.hc_at, "title"),
        );
        self.awarding_body(out);
        out.unless(
            self.credential.issued.is_some(),
            codes::MC_DATE_OF_ISSUING,
            "$.issued".to_owned(),
        );
        out.unless(
            !spec.learning_outcome.is_empty(),
            codes::MC_LEARNING_OUTCOMES,
            key(self.spec_at, "learningOutcome"),
        );
        self.workload(out);
        self.level(out);
        self.assessment_type(out);
        self.form_of_participation(out);
        self.quality_assurance(out);
        out.unless(
            spec.entry_requirement.is_some(),
            codes::MC_PREREQUISITES,
            key(self.spec_at, "entryRequirement"),
        );
        let supervised = hc.proven_by.iter().any(|a| a.id_verification.is_some());
        out.unless(
            supervised,
            codes::MC_SUPERVISION,
            self.assessments_at("idVerification"),
        );
        out.unless(
            hc.proven_by.iter().any(|a| a.grade.is_some()),
            codes::MC_GRADE,
            self.assessments_at("grade"),
        );
        self.stackability(out);
        self.further_information(out);
    }

    fn learner_identified(&self) -> bool {
        let p = self.subject;
        let named = [
            &p.full_name,
            &p.given_name,
            &p.family_name,
            &p.birth_name,
            &p.patronymic_name,
        ]
        .iter()
        .any(|name| !name.is_blank());
        named || p.national_id.is_some() || p.date_of_birth.is_some() || !p.identifier.is_empty()
    }

    /// The awarding body and its country; the country is judged only when there is a body.
    fn awarding_body(&self, out: &mut Findings) {
        let bodies = self
            .hc
            .awarded_by
            .as_ref()
            .map(|p| p.awarding_body.as_slice())
            .unwrap_or_default();
        let body_at = key(&key(self.hc_at, "awardedBy"), "awardingBody");
        if bodies.is_empty() {
            out.report(codes::MC_AWARDING_BODY, body_at);
            return;
        }
        let country_at = if bodies.len() == 1 {
            key(&body_at, "location.address.countryCode")
        } else {
            body_at
        };
        out.unless(
            bodies.iter().any(|b| b.country().is_some()),
            codes::MC_ISSUER_COUNTRY,
            country_at,
        );
    }

    fn workload(&self, out: &mut Findings) {
        let spec = self.spec;
        let at = key(self.spec_at, "creditPoint");
        let present = !spec.credit_point.is_empty() || spec.volume_of_learning.is_some();
        out.unless(present, codes::MC_WORKLOAD, at.clone());
        for (i, credit) in spec.credit_point.iter().enumerate() {
            if credit
                .point
                .as_deref()
                .is_some_and(|p| !is_positive_number(p))
            {
                out.report(
                    codes::MC_INVALID_WORKLOAD,
                    key(&item(&at, i, spec.credit_point.len()), "point"),
                );
            }
        }
    }

    fn level(&self, out: &mut Findings) {
        let spec = self.spec;
        let at = key(self.spec_at, "eqfLevel");
        match &spec.eqf_level {
            None => out.unless(!spec.nqf_level.is_empty(), codes::MC_LEVEL, at),
            Some(level) => {
                // A missing scheme is the EDC check's finding; a different one is this one's.
                let scheme_ok = level
                    .in_scheme
                    .as_ref()
                    .and_then(|s| s.id.as_deref())
                    .is_none_or(|s| s == vocab::scheme::EQF);
                out.unless(
                    scheme_ok && Eqf::from_concept(level).is_some(),
                    codes::MC_INVALID_LEVEL,
                    at,
                );
            }
        }
    }

    /// Either the assessment the learner took or the specification's planned assessment may say
    /// what kind of assessment it is.
    fn assessment_type(&self, out: &mut Findings) {
        let taken = self
            .hc
            .proven_by
            .iter()
            .any(|a| a.specified_by.as_ref().is_some_and(|s| s.dc_type.is_some()));
        let planned = self.spec.proven_by.iter().any(|s| s.dc_type.is_some());
        out.unless(
            taken || planned,
            codes::MC_ASSESSMENT_TYPE,
            self.assessments_at("specifiedBy.dcType"),
        );
    }

    fn form_of_participation(&self, out: &mut Findings) {
        let spec = self.spec;
        let at = key(self.spec_at, "mode");
        out.unless(
            !spec.mode.is_empty(),
            codes::MC_FORM_OF_PARTICIPATION,
            at.clone(),
        );
        for (i, mode) in spec.mode.iter().enumerate() {
            if Mode::from_concept(mode).is_none() {
                out.report(
                    codes::MC_INVALID_FORM_OF_PARTICIPATION,
                    item(&at, i, spec.mode.len()),
                );
            }
        }
        let at = key(self.spec_at, "learningSetting");
        match &spec.learning_setting {
            None => out.report(codes::MC_LEARNING_SETTING, at),
            Some(setting) => out.unless(
                LearningSetting::from_concept(setting).is_some(),
                codes::MC_INVALID_LEARNING_SETTING,
                at,
            ),
        }
    }

    /// An accreditation on the qualification, or on an awarding body for institution-level
    /// quality assurance.
    fn quality_assurance(&self, out: &mut Findings) {
        let spec = self.spec;
        let at = key(self.spec_at, "accreditation");
        let on_body = self
            .hc
            .awarded_by
            .iter()
            .flat_map(|p| &p.awarding_body)
            .any(|b| !b.accreditation.is_empty());
        out.unless(
            on_body || !spec.accreditation.is_empty(),
            codes::MC_QUALITY_ASSURANCE,
            at.clone(),
        );
        out.unless(
            spec.accreditation.is_empty() || spec.is_qualification(),
            codes::MC_INVALID_QUALITY_ASSURANCE,
            at,
        );
    }

    fn stackability(&self, out: &mut Findings) {
        let (hc, spec) = (self.hc, self.spec);
        let stated = spec.is_partial_qualification.is_some()
            || !hc.has_part.is_empty()
            || !hc.is_part_of.is_empty()
            || !hc.entitles_to.is_empty()
            || !spec.has_part.is_empty()
            || !spec.is_part_of.is_empty();
        out.unless(
            stated,
            codes::MC_STACKABILITY,
            key(self.spec_at, "isPartialQualification"),
        );
    }

    fn further_information(&self, out: &mut Findings) {
        let (hc, spec) = (self.hc, self.spec);
        let given = !hc.additional_note.is_empty()
            || !hc.supplementary_document.is_empty()
            || !spec.additional_note.is_empty()
            || !spec.supplementary_document.is_empty()
            || !spec.homepage.is_empty();
        out.unless(
            given,
            codes::MC_FURTHER_INFORMATION,
            key(self.hc_at, "additionalNote"),
        );
    }

    /// Where an assessment property belongs: under the one assessment, or at `provenBy` when
    /// there are none or several.
    fn assessments_at(&self, property: &str) -> String {
        let at = key(self.hc_at, "provenBy");
        match self.hc.proven_by.as_slice() {
            [_] => key(&at, property),
            _ => at,
        }
    }
}

/// A credit amount: a positive decimal number; a decimal comma is accepted, as registrars write it.
fn is_positive_number(text: &str) -> bool {
    crate::model::summary::positive_number(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::is_positive_number;

    #[test]
    fn credit_amounts() {
        for ok in ["2", "2.5", "0.5", " 6 ", "2,5", "60"] {
            assert!(is_positive_number(ok), "{ok}");
        }
        for bad in [
            "", "0", "0.0", "-2", "two", "1e3", "NaN", "inf", "2 ECTS", ".",
        ] {
            assert!(!is_positive_number(bad), "{bad}");
        }
    }
}
