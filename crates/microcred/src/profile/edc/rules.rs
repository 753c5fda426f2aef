//! What the EDC shapes require of each class: the `sh:minCount` of `EDC-generic-no-cv.ttl` and
//! `EDC-generic-full.ttl`, as (class, key, least number of values, code). The `sh:maxCount 1`
//! side is the model's: a field it holds once (an `Option`) keeps several values aside when
//! reading, reported as `edc.too_many.<key>`; a test compares both sides with the shapes.

use crate::profile::codes::{self, Code};

/// A field of a class that must hold at least `min` values, else `code` at the field's path.
#[derive(Debug)]
pub(super) struct Need {
    pub key: &'static str,
    pub min: usize,
    pub code: Code,
}

const fn one(key: &'static str, code: Code) -> Need {
    Need { key, min: 1, code }
}

/// What every claim needs, whatever its class.
const CLAIM: &[Need] = &[
    one("title", codes::EDC_TITLE),
    one("awardedBy", codes::EDC_AWARDED_BY),
];

/// The requirements of each class (named as in the model), in no particular order: findings
/// follow the fields.
pub(super) const CLASSES: &[(&str, &[Need])] = &[
    (
        "EuropeanDigitalCredential",
        &[
            one("credentialProfiles", codes::EDC_CREDENTIAL_PROFILES),
            one("displayParameter", codes::EDC_DISPLAY_PARAMETER),
            one("credentialSchema", codes::EDC_CREDENTIAL_SCHEMA),
            one("credentialSubject", codes::EDC_CREDENTIAL_SUBJECT),
            one("issued", codes::EDC_ISSUED),
            one("issuer", codes::EDC_ISSUER),
            one("validFrom", codes::EDC_VALID_FROM),
        ],
    ),
    (
        "DisplayParameter",
        &[
            one("individualDisplay", codes::EDC_INDIVIDUAL_DISPLAY),
            one("primaryLanguage", codes::EDC_PRIMARY_LANGUAGE),
            one("language", codes::EDC_LANGUAGE),
            one("title", codes::EDC_TITLE),
        ],
    ),
    (
        "IndividualDisplay",
        &[
            one("displayDetail", codes::EDC_DISPLAY_DETAIL),
            one("language", codes::EDC_LANGUAGE),
        ],
    ),
    (
        "DisplayDetail",
        &[one("image", codes::EDC_IMAGE), one("page", codes::EDC_PAGE)],
    ),
    (
        "MediaObject",
        &[
            one("contentType", codes::EDC_CONTENT_TYPE),
            one("contentEncoding", codes::EDC_CONTENT_ENCODING),
            one("content", codes::EDC_CONTENT),
        ],
    ),
    ("Evidence", &[one("dcType", codes::EDC_EVIDENCE_TYPE)]),
    ("Note", &[one("noteLiteral", codes::EDC_NOTE_LITERAL)]),
    ("WebResource", &[one("contentURL", codes::EDC_CONTENT_URL)]),
    ("Person", &[one("hasClaim", codes::EDC_HAS_CLAIM)]),
    (
        "Organisation",
        &[
            one("location", codes::EDC_LOCATION),
            one("legalName", codes::EDC_LEGAL_NAME),
        ],
    ),
    ("Group", &[one("prefLabel", codes::EDC_PREF_LABEL)]),
    ("Location", &[one("address", codes::EDC_ADDRESS)]),
    ("Address", &[one("countryCode", codes::EDC_COUNTRY_CODE)]),
    ("Identifier", &[one("notation", codes::EDC_NOTATION)]),
    (
        "LegalIdentifier",
        &[
            one("notation", codes::EDC_NOTATION),
            one("spatial", codes::EDC_SPATIAL),
        ],
    ),
    (
        "Accreditation",
        &[
            one("dcType", codes::EDC_ACCREDITATION_TYPE),
            one("title", codes::EDC_TITLE),
            one("accreditingAgent", codes::EDC_ACCREDITING_AGENT),
        ],
    ),
    ("LearningAchievement", CLAIM),
    ("LearningActivity", CLAIM),
    (
        "LearningAssessment",
        &[
            one("title", codes::EDC_TITLE),
            one("awardedBy", codes::EDC_AWARDED_BY),
            one("grade", codes::EDC_GRADE),
        ],
    ),
    ("LearningEntitlement", CLAIM),
    (
        "AwardingProcess",
        &[one("awardingBody", codes::EDC_AWARDING_BODY)],
    ),
    (
        "LearningAchievementSpecification",
        &[one("title", codes::EDC_TITLE)],
    ),
    ("LearningOutcome", &[one("title", codes::EDC_TITLE)]),
    (
        "CreditPoint",
        &[
            one("framework", codes::EDC_FRAMEWORK),
            one("point", codes::EDC_POINT),
        ],
    ),
    (
        "LearningActivitySpecification",
        &[one("title", codes::EDC_TITLE)],
    ),
    (
        "LearningAssessmentSpecification",
        &[one("title", codes::EDC_TITLE)],
    ),
    ("GradingScheme", &[one("title", codes::EDC_TITLE)]),
    (
        "LearningEntitlementSpecification",
        &[
            one("entitlementStatus", codes::EDC_ENTITLEMENT_STATUS),
            one("title", codes::EDC_TITLE),
            one("dcType", codes::EDC_ENTITLEMENT_TYPE),
        ],
    ),
];

/// Requirements of a node in one place only: (parent class, key, requirements).
pub(super) const SLOTS: &[(&str, &str, &[Need])] = &[
    // The issuer is an organisation with, in EDC, exactly one eIDAS identifier (the model holds
    // at most one).
    (
        "EuropeanDigitalCredential",
        "issuer",
        &[one("eIDASIdentifier", codes::EDC_EIDAS_IDENTIFIER)],
    ),
];

/// The requirements of `class`.
pub(super) fn of_class(class: &str) -> &'static [Need] {
    CLASSES
        .iter()
        .find(|(c, _)| *c == class)
        .map_or(&[], |(_, needs)| needs)
}

/// The requirements of the node in `slot` (parent class, key), beyond those of its class.
pub(super) fn of_slot(slot: Option<(&str, &str)>) -> &'static [Need] {
    let Some((parent, key)) = slot else {
        return &[];
    };
    SLOTS
        .iter()
        .find(|(p, k, _)| *p == parent && *k == key)
        .map_or(&[], |(_, _, needs)| needs)
}

/// The fields checked before the others: a claim's title and awarding process come first, as
/// they always have (the other fields follow the writer's order).
pub(super) fn first(class: &str) -> &'static [&'static str] {
    match class {
        "LearningAchievement"
        | "LearningActivity"
        | "LearningAssessment"
        | "LearningEntitlement" => &["title", "awardedBy"],
        _ => &[],
    }
}
