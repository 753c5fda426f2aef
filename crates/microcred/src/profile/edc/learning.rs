//! Claims (achievements, activities, assessments, entitlements) and their specifications.
//!
//! Every claim, nested ones included (`provenBy`, `influencedBy`, `hasPart`, `isPartOf`,
//! `entitlesTo`), needs a title and an awarding process; every assessment needs a grade.

use super::Walker;
use crate::model::{
    AwardingProcess, Claim, CreditPoint, GradingScheme, LangMap, LearningAchievement,
    LearningAchievementSpecification, LearningActivity, LearningActivitySpecification,
    LearningAssessment, LearningAssessmentSpecification, LearningEntitlement,
    LearningEntitlementSpecification, LearningOutcome,
};
use crate::profile::codes;

impl Walker {
    pub(super) fn claim(&mut self, c: &Claim, at: &str) {
        match c {
            Claim::Achievement(a) => self.achievement(a, at),
            Claim::Activity(a) => self.activity(a, at),
            Claim::Assessment(a) => self.assessment(a, at),
            Claim::Entitlement(e) => self.entitlement(e, at),
        }
    }

    /// What every claim needs, whatever its class.
    fn claim_core(&mut self, title: &LangMap, awarded_by: Option<&AwardingProcess>, at: &str) {
        self.need(!title.is_blank(), codes::EDC_TITLE, at, "title");
        self.required(
            awarded_by,
            codes::EDC_AWARDED_BY,
            at,
            "awardedBy",
            Self::awarding_process,
        );
    }

    pub(super) fn achievement(&mut self, a: &LearningAchievement, at: &str) {
        self.claim_core(&a.title, a.awarded_by.as_ref(), at);
        self.all(&a.identifier, at, "identifier", Self::identifier);
        self.all(&a.influenced_by, at, "influencedBy", Self::activity);
        self.all(&a.proven_by, at, "provenBy", Self::assessment);
        self.one(
            a.specified_by.as_ref(),
            at,
            "specifiedBy",
            Self::achievement_spec,
        );
        self.all(&a.entitles_to, at, "entitlesTo", Self::entitlement);
        self.all(&a.credit_received, at, "creditReceived", Self::credit_point);
        self.all(&a.has_part, at, "hasPart", Self::achievement);
        self.all(&a.is_part_of, at, "isPartOf", Self::achievement);
        self.all(&a.dc_type, at, "dcType", Self::concept);
        self.all(&a.additional_note, at, "additionalNote", Self::note);
        self.all(
            &a.supplementary_document,
            at,
            "supplementaryDocument",
            Self::web_resource,
        );
    }

    pub(super) fn activity(&mut self, a: &LearningActivity, at: &str) {
        self.claim_core(&a.title, a.awarded_by.as_ref(), at);
        self.all(&a.identifier, at, "identifier", Self::identifier);
        self.all(&a.directed_by, at, "directedBy", Self::organisation);
        self.one(
            a.specified_by.as_ref(),
            at,
            "specifiedBy",
            Self::activity_spec,
        );
        self.all(&a.temporal, at, "temporal", Self::only_strays);
        self.all(&a.location, at, "location", Self::location);
        self.all(&a.has_part, at, "hasPart", Self::activity);
        self.all(&a.dc_type, at, "dcType", Self::concept);
        self.all(&a.additional_note, at, "additionalNote", Self::note);
        self.all(
            &a.supplementary_document,
            at,
            "supplementaryDocument",
            Self::web_resource,
        );
    }

    pub(super) fn assessment(&mut self, a: &LearningAssessment, at: &str) {
        self.claim_core(&a.title, a.awarded_by.as_ref(), at);
        self.all(&a.identifier, at, "identifier", Self::identifier);
        self.all(&a.assessed_by, at, "assessedBy", Self::organisation);
        self.required(a.grade.as_ref(), codes::EDC_GRADE, at, "grade", Self::note);
        self.one(a.grade_status.as_ref(), at, "gradeStatus", Self::concept);
        self.one(
            a.id_verification.as_ref(),
            at,
            "idVerification",
            Self::concept,
        );
        self.one(
            a.specified_by.as_ref(),
            at,
            "specifiedBy",
            Self::assessment_spec,
        );
        self.all(&a.location, at, "location", Self::location);
        self.all(&a.has_part, at, "hasPart", Self::assessment);
        self.all(&a.dc_type, at, "dcType", Self::concept);
        self.all(&a.additional_note, at, "additionalNote", Self::note);
        self.all(
            &a.supplementary_document,
            at,
            "supplementaryDocument",
            Self::web_resource,
        );
    }

    pub(super) fn entitlement(&mut self, e: &LearningEntitlement, at: &str) {
        self.claim_core(&e.title, e.awarded_by.as_ref(), at);
        self.all(&e.identifier, at, "identifier", Self::identifier);
        self.one(
            e.specified_by.as_ref(),
            at,
            "specifiedBy",
            Self::entitlement_spec,
        );
        self.all(&e.dc_type, at, "dcType", Self::concept);
        self.all(&e.additional_note, at, "additionalNote", Self::note);
    }

    pub(super) fn awarding_process(&mut self, p: &AwardingProcess, at: &str) {
        self.all(&p.identifier, at, "identifier", Self::identifier);
        self.required_all(
            &p.awarding_body,
            codes::EDC_AWARDING_BODY,
            at,
            "awardingBody",
            Self::organisation,
        );
        self.all(&p.location, at, "location", Self::location);
        self.all(&p.additional_note, at, "additionalNote", Self::note);
        self.one(
            p.educational_system_note.as_ref(),
            at,
            "educationalSystemNote",
            Self::concept,
        );
    }

    pub(super) fn achievement_spec(&mut self, s: &LearningAchievementSpecification, at: &str) {
        self.all(&s.identifier, at, "identifier", Self::identifier);
        self.one(s.eqf_level.as_ref(), at, "eqfLevel", Self::concept);
        self.all(&s.thematic_area, at, "thematicArea", Self::concept);
        self.all(&s.nqf_level, at, "nqfLevel", Self::concept);
        self.all(&s.credit_point, at, "creditPoint", Self::credit_point);
        self.one(
            s.entry_requirement.as_ref(),
            at,
            "entryRequirement",
            Self::note,
        );
        self.all(
            &s.learning_outcome,
            at,
            "learningOutcome",
            Self::learning_outcome,
        );
        self.one(
            s.learning_outcome_summary.as_ref(),
            at,
            "learningOutcomeSummary",
            Self::note,
        );
        self.one(
            s.learning_setting.as_ref(),
            at,
            "learningSetting",
            Self::concept,
        );
        self.all(&s.mode, at, "mode", Self::concept);
        self.all(&s.accreditation, at, "accreditation", Self::accreditation);
        self.all(
            &s.qualification_code,
            at,
            "qualificationCode",
            Self::concept,
        );
        self.all(&s.education_subject, at, "educationSubject", Self::concept);
        self.all(&s.education_level, at, "educationLevel", Self::concept);
        self.all(&s.target_group, at, "targetGroup", Self::concept);
        self.all(&s.proven_by, at, "provenBy", Self::assessment_spec);
        self.all(&s.influenced_by, at, "influencedBy", Self::activity_spec);
        self.all(&s.has_part, at, "hasPart", Self::achievement_spec);
        self.all(&s.is_part_of, at, "isPartOf", Self::achievement_spec);
        self.all(&s.language, at, "language", Self::concept);
        self.need(!s.title.is_blank(), codes::EDC_TITLE, at, "title");
        self.all(&s.dc_type, at, "dcType", Self::concept);
        self.all(&s.additional_note, at, "additionalNote", Self::note);
        self.all(
            &s.supplementary_document,
            at,
            "supplementaryDocument",
            Self::web_resource,
        );
        self.all(&s.homepage, at, "homepage", Self::web_resource);
    }

    pub(super) fn learning_outcome(&mut self, o: &LearningOutcome, at: &str) {
        self.all(&o.identifier, at, "identifier", Self::identifier);
        self.all(&o.related_esco_skill, at, "relatedESCOSkill", Self::concept);
        self.all(&o.related_skill, at, "relatedSkill", Self::concept);
        self.one(
            o.reusability_level.as_ref(),
            at,
            "reusabilityLevel",
            Self::concept,
        );
        self.one(o.dc_type.as_ref(), at, "dcType", Self::concept);
        self.all(&o.additional_note, at, "additionalNote", Self::note);
        self.need(!o.title.is_blank(), codes::EDC_TITLE, at, "title");
    }

    pub(super) fn credit_point(&mut self, c: &CreditPoint, at: &str) {
        self.required(
            c.framework.as_ref(),
            codes::EDC_FRAMEWORK,
            at,
            "framework",
            Self::concept,
        );
        self.need(
            c.point.as_deref().is_some_and(|p| !p.trim().is_empty()),
            codes::EDC_POINT,
            at,
            "point",
        );
    }

    pub(super) fn activity_spec(&mut self, s: &LearningActivitySpecification, at: &str) {
        self.all(&s.identifier, at, "identifier", Self::identifier);
        self.all(&s.mode, at, "mode", Self::concept);
        self.all(&s.language, at, "language", Self::concept);
        self.need(!s.title.is_blank(), codes::EDC_TITLE, at, "title");
        self.all(&s.dc_type, at, "dcType", Self::concept);
        self.all(&s.additional_note, at, "additionalNote", Self::note);
        self.all(
            &s.supplementary_document,
            at,
            "supplementaryDocument",
            Self::web_resource,
        );
        self.all(&s.homepage, at, "homepage", Self::web_resource);
    }

    pub(super) fn assessment_spec(&mut self, s: &LearningAssessmentSpecification, at: &str) {
        self.all(&s.identifier, at, "identifier", Self::identifier);
        self.one(
            s.grading_scheme.as_ref(),
            at,
            "gradingScheme",
            Self::grading_scheme,
        );
        self.all(&s.mode, at, "mode", Self::concept);
        self.all(&s.language, at, "language", Self::concept);
        self.need(!s.title.is_blank(), codes::EDC_TITLE, at, "title");
        self.one(s.dc_type.as_ref(), at, "dcType", Self::concept);
        self.all(&s.additional_note, at, "additionalNote", Self::note);
        self.all(
            &s.supplementary_document,
            at,
            "supplementaryDocument",
            Self::web_resource,
        );
        self.all(&s.homepage, at, "homepage", Self::web_resource);
    }

    pub(super) fn grading_scheme(&mut self, g: &GradingScheme, at: &str) {
        self.all(&g.identifier, at, "identifier", Self::identifier);
        self.need(!g.title.is_blank(), codes::EDC_TITLE, at, "title");
        self.all(
            &g.supplementary_document,
            at,
            "supplementaryDocument",
            Self::web_resource,
        );
    }

    pub(super) fn entitlement_spec(&mut self, s: &LearningEntitlementSpecification, at: &str) {
        self.all(&s.identifier, at, "identifier", Self::identifier);
        let status = s.entitlement_status.as_ref();
        self.required(
            status,
            codes::EDC_ENTITLEMENT_STATUS,
            at,
            "entitlementStatus",
            Self::concept,
        );
        self.all(
            &s.limit_jurisdiction,
            at,
            "limitJurisdiction",
            Self::concept,
        );
        self.need(!s.title.is_blank(), codes::EDC_TITLE, at, "title");
        self.required_all(
            &s.dc_type,
            codes::EDC_ENTITLEMENT_TYPE,
            at,
            "dcType",
            Self::concept,
        );
    }
}
