//! Claims (achievements, activities, assessments, entitlements) and their specifications.

use serde_json::Value;

use super::agent::{Accreditation, Identifier, Location, Organisation};
use super::codec::{Codec, JsonPath, Node, Rejected, Stray, type_names, unexpected_class};
use super::common::{Concept, Note, PeriodOfTime, WebResource};
use super::{DateTime, Duration, LangMap, elm_class};

/// What a credential says about the learner (`hasClaim`): the `type` picks the variant.
// A credential holds one or two claims, so the size gap between variants costs nothing worth
// an extra indirection in every pattern match.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    /// Learning outcomes acquired (the usual claim of a micro-credential).
    Achievement(LearningAchievement),
    /// Participation in an activity (certificates of participation).
    Activity(LearningActivity),
    /// The result of an assessment.
    Assessment(LearningAssessment),
    /// A right, such as access to further study.
    Entitlement(LearningEntitlement),
}

impl Claim {
    /// The claim when it is an achievement.
    pub fn as_achievement(&self) -> Option<&LearningAchievement> {
        match self {
            Claim::Achievement(a) => Some(a),
            _ => None,
        }
    }

    /// The claim's title.
    pub fn title(&self) -> &LangMap {
        match self {
            Claim::Achievement(c) => &c.title,
            Claim::Activity(c) => &c.title,
            Claim::Assessment(c) => &c.title,
            Claim::Entitlement(c) => &c.title,
        }
    }

    /// The claim's awarding process.
    pub fn awarded_by(&self) -> Option<&AwardingProcess> {
        match self {
            Claim::Achievement(c) => c.awarded_by.as_ref(),
            Claim::Activity(c) => c.awarded_by.as_ref(),
            Claim::Assessment(c) => c.awarded_by.as_ref(),
            Claim::Entitlement(c) => c.awarded_by.as_ref(),
        }
    }
}

impl Codec for Claim {
    fn decode(value: Value, at: &JsonPath<'_>) -> Result<Self, Rejected> {
        let names = match value.get("type") {
            Some(t) => match type_names(t, &at.key("type")) {
                Ok(names) => names,
                Err(error) => return Err(Rejected::new(error, value)),
            },
            None => vec!["LearningAchievement"],
        };
        let kind = names.iter().find_map(|name| match *name {
            "LearningAchievement" => Some(0),
            "LearningActivity" => Some(1),
            "LearningAssessment" => Some(2),
            "LearningEntitlement" => Some(3),
            _ => None,
        });
        match kind {
            Some(0) => Codec::decode(value, at).map(Claim::Achievement),
            Some(1) => Codec::decode(value, at).map(Claim::Activity),
            Some(2) => Codec::decode(value, at).map(Claim::Assessment),
            Some(3) => Codec::decode(value, at).map(Claim::Entitlement),
            _ => {
                let expected = "LearningAchievement, LearningActivity, LearningAssessment or LearningEntitlement";
                let error = unexpected_class(expected, &names, &at.key("type"));
                Err(Rejected::new(error, value))
            }
        }
    }

    fn to_json<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Claim::Achievement(c) => c.to_json(serializer),
            Claim::Activity(c) => c.to_json(serializer),
            Claim::Assessment(c) => c.to_json(serializer),
            Claim::Entitlement(c) => c.to_json(serializer),
        }
    }
}

impl Node for Claim {
    fn extra(&self) -> &super::Extra {
        match self {
            Claim::Achievement(c) => c.extra(),
            Claim::Activity(c) => c.extra(),
            Claim::Assessment(c) => c.extra(),
            Claim::Entitlement(c) => c.extra(),
        }
    }

    fn strays(&self) -> Vec<Stray<'_>> {
        match self {
            Claim::Achievement(c) => c.strays(),
            Claim::Activity(c) => c.strays(),
            Claim::Assessment(c) => c.strays(),
            Claim::Entitlement(c) => c.strays(),
        }
    }
}

impl From<LearningAchievement> for Claim {
    fn from(a: LearningAchievement) -> Self {
        Claim::Achievement(a)
    }
}

elm_class! {
    /// Learning outcomes a person acquired: the claim a micro-credential makes.
    pub struct LearningAchievement as ["LearningAchievement"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// Who awarded it, and when (mandatory in EDC).
        pub awarded_by: Option<AwardingProcess> = "awardedBy",
        /// The activities that led to it.
        pub influenced_by: Vec<LearningActivity> = "influencedBy",
        /// The assessments that prove it.
        pub proven_by: Vec<LearningAssessment> = "provenBy",
        /// What was achieved: the course or qualification.
        pub specified_by: Option<LearningAchievementSpecification> = "specifiedBy",
        /// Rights it gives.
        pub entitles_to: Vec<LearningEntitlement> = "entitlesTo",
        /// Credit received.
        pub credit_received: Vec<CreditPoint> = "creditReceived",
        /// Parts (stackability).
        pub has_part: Vec<LearningAchievement> = "hasPart",
        /// Wholes it is part of (stackability).
        pub is_part_of: Vec<LearningAchievement> = "isPartOf",
        /// A description.
        pub description: LangMap = "description",
        /// Kinds.
        pub dc_type: Vec<Concept> = "dcType",
        /// Notes.
        pub additional_note: Vec<Note> = "additionalNote",
        /// Supplementary documents.
        pub supplementary_document: Vec<WebResource> = "supplementaryDocument",
        /// The title (mandatory).
        pub title: LangMap = "title",
    }
}

elm_class! {
    /// Who awarded a claim, and when.
    pub struct AwardingProcess as ["AwardingProcess"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// The awarding body (mandatory in EDC).
        pub awarding_body: Vec<Organisation> = "awardingBody",
        /// When it was awarded.
        pub awarding_date: Option<DateTime> = "awardingDate",
        /// Where.
        pub location: Vec<Location> = "location",
        /// A description.
        pub description: LangMap = "description",
        /// Notes.
        pub additional_note: Vec<Note> = "additionalNote",
        /// A note on the education system.
        pub educational_system_note: Option<Concept> = "educationalSystemNote",
    }
}

elm_class! {
    /// What a learning achievement certifies: a course, a module, a qualification.
    ///
    /// A `Qualification` (the class the EC samples use, and the one that can carry an
    /// accreditation) reads into this struct too; [`Self::is_qualification`] tells them apart.
    pub struct LearningAchievementSpecification as ["LearningAchievementSpecification"] also ["Qualification"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// The EQF level.
        pub eqf_level: Option<Concept> = "eqfLevel",
        /// Fields of education (ISCED-F).
        pub thematic_area: Vec<Concept> = "thematicArea",
        /// National qualification framework levels.
        pub nqf_level: Vec<Concept> = "nqfLevel",
        /// Credit (ECTS, ...).
        pub credit_point: Vec<CreditPoint> = "creditPoint",
        /// Prerequisites.
        pub entry_requirement: Option<Note> = "entryRequirement",
        /// Whether it is part of a larger qualification.
        pub is_partial_qualification: Option<bool> = "isPartialQualification",
        /// Learning outcomes.
        pub learning_outcome: Vec<LearningOutcome> = "learningOutcome",
        /// A summary of the learning outcomes.
        pub learning_outcome_summary: Option<Note> = "learningOutcomeSummary",
        /// Formal or non-formal learning.
        pub learning_setting: Option<Concept> = "learningSetting",
        /// The longest time it may take.
        pub maximum_duration: Option<Duration> = "maximumDuration",
        /// Online, blended or presential.
        pub mode: Vec<Concept> = "mode",
        /// The notional workload.
        pub volume_of_learning: Option<Duration> = "volumeOfLearning",
        /// Quality assurance of the qualification.
        pub accreditation: Vec<Accreditation> = "accreditation",
        /// Qualification codes.
        pub qualification_code: Vec<Concept> = "qualificationCode",
        /// Education subjects.
        pub education_subject: Vec<Concept> = "educationSubject",
        /// Education levels.
        pub education_level: Vec<Concept> = "educationLevel",
        /// Target groups.
        pub target_group: Vec<Concept> = "targetGroup",
        /// How it is assessed.
        pub proven_by: Vec<LearningAssessmentSpecification> = "provenBy",
        /// How it is learnt.
        pub influenced_by: Vec<LearningActivitySpecification> = "influencedBy",
        /// Parts.
        pub has_part: Vec<LearningAchievementSpecification> = "hasPart",
        /// Wholes it is part of.
        pub is_part_of: Vec<LearningAchievementSpecification> = "isPartOf",
        /// Languages of instruction.
        pub language: Vec<Concept> = "language",
        /// The title.
        pub title: LangMap = "title",
        /// Other titles.
        pub alt_label: LangMap = "altLabel",
        /// A description.
        pub description: LangMap = "description",
        /// Kinds (short learning programme, ...).
        pub dc_type: Vec<Concept> = "dcType",
        /// Notes.
        pub additional_note: Vec<Note> = "additionalNote",
        /// Supplementary documents.
        pub supplementary_document: Vec<WebResource> = "supplementaryDocument",
        /// The web page.
        pub homepage: Vec<WebResource> = "homepage",
        /// A status.
        pub status: Option<String> = "status",
    }
}

impl LearningAchievementSpecification {
    /// True when the `type` says `Qualification`.
    pub fn is_qualification(&self) -> bool {
        self.types.iter().any(|t| t == "Qualification")
    }

    /// Marks the specification as a `Qualification`.
    pub fn set_qualification(&mut self) {
        self.types = vec!["Qualification".to_owned()];
    }
}

elm_class! {
    /// A learning outcome.
    pub struct LearningOutcome as ["LearningOutcome"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// Related ESCO skills.
        pub related_esco_skill: Vec<Concept> = "relatedESCOSkill",
        /// Other related skills.
        pub related_skill: Vec<Concept> = "relatedSkill",
        /// How transferable the skill is.
        pub reusability_level: Option<Concept> = "reusabilityLevel",
        /// Kinds.
        pub dc_type: Option<Concept> = "dcType",
        /// Notes.
        pub additional_note: Vec<Note> = "additionalNote",
        /// The outcome as text (mandatory).
        pub title: LangMap = "title",
    }
}

elm_class! {
    /// Credit in a framework such as ECTS.
    pub struct CreditPoint as ["CreditPoint"] {
        /// The framework (mandatory in EDC).
        pub framework: Option<Concept> = "framework",
        /// The amount, as text (mandatory in EDC).
        pub point: Option<String> = "point",
    }
}

elm_class! {
    /// Participation in a learning activity.
    pub struct LearningActivity as ["LearningActivity"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// Who awarded it.
        pub awarded_by: Option<AwardingProcess> = "awardedBy",
        /// Who directed it.
        pub directed_by: Vec<Organisation> = "directedBy",
        /// What the activity is.
        pub specified_by: Option<LearningActivitySpecification> = "specifiedBy",
        /// When.
        pub temporal: Vec<PeriodOfTime> = "temporal",
        /// Where.
        pub location: Vec<Location> = "location",
        /// The workload.
        pub workload: Option<Duration> = "workload",
        /// Percentage completed.
        pub level_of_completion: Option<u64> = "levelOfCompletion",
        /// Parts.
        pub has_part: Vec<LearningActivity> = "hasPart",
        /// A description.
        pub description: LangMap = "description",
        /// Kinds.
        pub dc_type: Vec<Concept> = "dcType",
        /// Notes.
        pub additional_note: Vec<Note> = "additionalNote",
        /// Supplementary documents.
        pub supplementary_document: Vec<WebResource> = "supplementaryDocument",
        /// The title (mandatory).
        pub title: LangMap = "title",
    }
}

elm_class! {
    /// What a learning activity is.
    pub struct LearningActivitySpecification as ["LearningActivitySpecification"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// Online, blended or presential.
        pub mode: Vec<Concept> = "mode",
        /// The notional workload.
        pub volume_of_learning: Option<Duration> = "volumeOfLearning",
        /// Contact hours.
        pub contact_hour: Vec<String> = "contactHour",
        /// Languages of instruction.
        pub language: Vec<Concept> = "language",
        /// The title.
        pub title: LangMap = "title",
        /// Other titles.
        pub alt_label: LangMap = "altLabel",
        /// A description.
        pub description: LangMap = "description",
        /// Kinds.
        pub dc_type: Vec<Concept> = "dcType",
        /// Notes.
        pub additional_note: Vec<Note> = "additionalNote",
        /// Supplementary documents.
        pub supplementary_document: Vec<WebResource> = "supplementaryDocument",
        /// The web page.
        pub homepage: Vec<WebResource> = "homepage",
    }
}

elm_class! {
    /// The result of an assessment.
    pub struct LearningAssessment as ["LearningAssessment"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// Who awarded it.
        pub awarded_by: Option<AwardingProcess> = "awardedBy",
        /// Who assessed.
        pub assessed_by: Vec<Organisation> = "assessedBy",
        /// The grade (mandatory in EDC).
        pub grade: Option<Note> = "grade",
        /// Whether the grade is final.
        pub grade_status: Option<Concept> = "gradeStatus",
        /// Supervision and identity verification.
        pub id_verification: Option<Concept> = "idVerification",
        /// What the assessment is.
        pub specified_by: Option<LearningAssessmentSpecification> = "specifiedBy",
        /// When it was issued.
        pub date_issued: Option<DateTime> = "dateIssued",
        /// Where.
        pub location: Vec<Location> = "location",
        /// Parts.
        pub has_part: Vec<LearningAssessment> = "hasPart",
        /// A description.
        pub description: LangMap = "description",
        /// Kinds.
        pub dc_type: Vec<Concept> = "dcType",
        /// Notes.
        pub additional_note: Vec<Note> = "additionalNote",
        /// Supplementary documents.
        pub supplementary_document: Vec<WebResource> = "supplementaryDocument",
        /// The title (mandatory).
        pub title: LangMap = "title",
    }
}

elm_class! {
    /// What an assessment is.
    pub struct LearningAssessmentSpecification as ["LearningAssessmentSpecification"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// How grades are given.
        pub grading_scheme: Option<GradingScheme> = "gradingScheme",
        /// Online, blended or presential.
        pub mode: Vec<Concept> = "mode",
        /// Languages.
        pub language: Vec<Concept> = "language",
        /// The title.
        pub title: LangMap = "title",
        /// Other titles.
        pub alt_label: LangMap = "altLabel",
        /// A description.
        pub description: LangMap = "description",
        /// The type of assessment (the `assessment` vocabulary).
        pub dc_type: Option<Concept> = "dcType",
        /// Notes.
        pub additional_note: Vec<Note> = "additionalNote",
        /// Supplementary documents.
        pub supplementary_document: Vec<WebResource> = "supplementaryDocument",
        /// The web page.
        pub homepage: Vec<WebResource> = "homepage",
    }
}

elm_class! {
    /// How grades are given.
    pub struct GradingScheme as ["GradingScheme"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// A description.
        pub description: LangMap = "description",
        /// The title.
        pub title: LangMap = "title",
        /// Supplementary documents.
        pub supplementary_document: Vec<WebResource> = "supplementaryDocument",
    }
}

elm_class! {
    /// A right the learner has, such as access to further study.
    pub struct LearningEntitlement as ["LearningEntitlement"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// Who awarded it.
        pub awarded_by: Option<AwardingProcess> = "awardedBy",
        /// What the entitlement is.
        pub specified_by: Option<LearningEntitlementSpecification> = "specifiedBy",
        /// When it was issued.
        pub date_issued: Option<DateTime> = "dateIssued",
        /// When it expires.
        pub expiry_date: Option<DateTime> = "expiryDate",
        /// A description.
        pub description: LangMap = "description",
        /// Kinds.
        pub dc_type: Vec<Concept> = "dcType",
        /// Notes.
        pub additional_note: Vec<Note> = "additionalNote",
        /// The title (mandatory).
        pub title: LangMap = "title",
    }
}

elm_class! {
    /// What an entitlement is.
    pub struct LearningEntitlementSpecification as ["LearningEntitlementSpecification"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// Status of the entitlement (mandatory in EDC).
        pub entitlement_status: Option<Concept> = "entitlementStatus",
        /// Jurisdictions where it holds.
        pub limit_jurisdiction: Vec<Concept> = "limitJurisdiction",
        /// The title.
        pub title: LangMap = "title",
        /// A description.
        pub description: LangMap = "description",
        /// Kinds (mandatory in EDC).
        pub dc_type: Vec<Concept> = "dcType",
    }
}
