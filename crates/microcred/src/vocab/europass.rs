//! Europass controlled lists (`http://data.europa.eu/snb/<list>/<code>`).

use super::{Vocabulary, scheme};

const SNB: &str = "http://data.europa.eu/snb/";

/// Declares a Europass list as an enum of its codes and English labels.
macro_rules! europass_list {
    (
        $(#[$meta:meta])*
        $name:ident, list $list:literal, scheme $scheme:expr,
        { $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $label:literal; )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every value of the list.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The code in the list (the last IRI segment).
            pub fn code(&self) -> &'static str {
                match self { $( $name::$variant => $code, )* }
            }

            /// The value with this code.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $( $code => Some($name::$variant), )* _ => None }
            }
        }

        impl Vocabulary for $name {
            const SCHEME: &'static str = $scheme;

            fn iri(&self) -> String {
                format!("{SNB}{}/{}", $list, self.code())
            }

            fn label(&self) -> String {
                match self { $( $name::$variant => $label, )* }.to_owned()
            }

            fn from_iri(iri: &str) -> Option<Self> {
                iri.strip_prefix(SNB)?.strip_prefix(concat!($list, "/")).and_then(Self::from_code)
            }
        }
    };
}

europass_list! {
    /// Credit systems.
    CreditFramework, list "education-credit", scheme scheme::EDUCATION_CREDIT, {
        /// European Credit Transfer and Accumulation System.
        Ects = "6fcec5c5af", "European Credit Transfer System";
    }
}

europass_list! {
    /// Whether learning was formal or non-formal.
    LearningSetting, list "learning-setting", scheme scheme::LEARNING_SETTING, {
        /// Formal learning.
        Formal = "6fd4685715", "formal learning";
        /// Non-formal learning.
        NonFormal = "e207a81fc7", "non-formal learning";
    }
}

europass_list! {
    /// Form of participation: online, blended or presential. (Upstream calls the list
    /// `learning-assessment`.)
    Mode, list "learning-assessment", scheme scheme::MODE, {
        /// Online.
        Online = "920fbb3cbe", "Online";
        /// Blended.
        Blended = "e92d221e4d", "Blended";
        /// Presential (in person).
        Presential = "9191af2ed9", "Presential";
    }
}

europass_list! {
    /// Types of assessment.
    AssessmentType, list "assessment", scheme scheme::ASSESSMENT, {
        /// Peer assessment.
        PeerAssessment = "19a2e5e671", "peer assessment";
        /// Marked assignment.
        MarkedAssignment = "2939dae15f", "marked assignment";
        /// Continuous evaluation.
        ContinuousEvaluation = "3484bd7e51", "continuous evaluation";
        /// Portfolio.
        Portfolio = "4f03b91c0e", "portfolio";
        /// Group performance.
        GroupPerformance = "56539a6507", "group performance";
        /// Practical assessment.
        PracticalAssessment = "6a4db9f11d", "practical assessment";
        /// Written examination.
        WrittenExamination = "6e6cb2cc78", "written examination";
        /// Level of attendance.
        LevelOfAttendance = "7331eb4762", "level of attendance";
        /// Project work.
        ProjectWork = "795dac4096", "project work";
        /// Peer review.
        PeerReview = "812e3b0ae1", "peer review";
        /// Quiz.
        Quiz = "b1b68f6735", "quiz";
        /// Problem-based learning.
        ProblemBasedLearning = "c4256a2726", "problem based learning";
        /// Presentation.
        Presentation = "c_04b30a72", "Presentation";
        /// Self-assessment.
        SelfAssessment = "c_2b3bd410", "Self-assessment";
        /// Guided self-assessment.
        GuidedSelfAssessment = "c_4f874951", "Guided self-assessment";
        /// Oral examination.
        OralExamination = "d30284d7df", "oral examination";
        /// Artefact assessment.
        ArtefactAssessment = "de4d165a6c", "artefact assessment";
    }
}

europass_list! {
    /// Supervision and identity verification during assessment.
    Supervision, list "supervision-verification", scheme scheme::SUPERVISION, {
        /// Unsupervised, identity not verified.
        UnsupervisedWithoutIdVerification = "c598449d64", "Unsupervised without ID Verification";
        /// Unsupervised, identity verified.
        UnsupervisedWithIdVerification = "df2880c5cb", "Unsupervised with ID verification";
    }
}

europass_list! {
    /// Credential types (the `credentialProfiles` of a credential).
    CredentialType, list "credential", scheme scheme::CREDENTIAL, {
        /// The generic profile, which micro-credentials use.
        Generic = "e34929035b", "Generic";
        /// A diploma supplement.
        DiplomaSupplement = "6dff8a0f87", "Diploma Supplement";
        /// An accreditation credential.
        Accreditation = "c_ae121a00", "Accredited";
        /// Issued by mandate.
        IssuedByMandate = "c_9a31f32a", "Issued by mandate";
        /// Converted from another format.
        Converted = "c_7e400154", "Converted";
    }
}

europass_list! {
    /// Types of accreditation, the kinds of quality assurance.
    AccreditationType, list "accreditation", scheme scheme::ACCREDITATION, {
        /// Quality assurance of a programme (the usual answer for a micro-credential).
        ProgrammeQualityAssurance = "820101cba6", "Programme Quality Assurance";
        /// Quality assurance of the institution as a whole.
        InstitutionalQualityAssurance = "bb4618238e", "Institutional Quality Assurance";
        /// A licence for a programme.
        ProgrammeLicensing = "e57dddfcf3", "Programme Licensing";
        /// A licence for the institution to operate.
        InstitutionalLicensing = "003293d2ce", "Institutional Licensing";
    }
}

europass_list! {
    /// Content encodings of media objects.
    Encoding, list "encoding", scheme scheme::ENCODING, {
        /// Base64.
        Base64 = "6146cde7dd", "base64";
    }
}

/// An EQF level, 1 to 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Eqf(u8);

impl Eqf {
    /// The level, when it is 1 to 8.
    pub fn new(level: u8) -> Option<Self> {
        (1..=8).contains(&level).then_some(Eqf(level))
    }

    /// The level number.
    pub fn level(&self) -> u8 {
        self.0
    }
}

impl Vocabulary for Eqf {
    const SCHEME: &'static str = scheme::EQF;

    fn iri(&self) -> String {
        format!("{SNB}eqf/{}", self.0)
    }

    fn label(&self) -> String {
        format!("Level {}", self.0)
    }

    fn from_iri(iri: &str) -> Option<Self> {
        iri.strip_prefix(SNB)?.strip_prefix("eqf/")?.parse().ok().and_then(Eqf::new)
    }
}

/// A field of education and training (ISCED-F 2013): broad (2 digits), narrow (3) or detailed (4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IscedF {
    code: &'static str,
    label: &'static str,
}

impl IscedF {
    /// The field with this ISCED-F code, such as `0688` or `003`.
    pub fn new(code: &str) -> Option<Self> {
        ISCED_F.iter().find(|(c, _)| *c == code).map(|(code, label)| IscedF { code, label })
    }

    /// The ISCED-F code.
    pub fn code(&self) -> &'static str {
        self.code
    }
}

impl Vocabulary for IscedF {
    const SCHEME: &'static str = scheme::ISCED_F;

    fn iri(&self) -> String {
        format!("{SNB}isced-f/{}", self.code)
    }

    fn label(&self) -> String {
        self.label.to_owned()
    }

    fn from_iri(iri: &str) -> Option<Self> {
        iri.strip_prefix(SNB)?.strip_prefix("isced-f/").and_then(IscedF::new)
    }
}

/// ISCED-F 2013 codes and English names.
const ISCED_F: &[(&str, &str)] = &[
    ("00", "Generic programmes and qualifications"),
    ("003", "Personal skills and development"),
    ("0688", "Inter-disciplinary programmes and qualifications involving Information and Communication Technologies (ICTs)"),
];
