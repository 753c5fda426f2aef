//! Building the credential from a checked course and learner, in the shape of the EC's
//! micro-credential sample (`Sample-MC-Annex1-unsigned.jsonld`).

use std::collections::BTreeMap;

use base64::Engine as _;

use super::IssueContext;
use super::card::Card;
use super::course::{Body, Course};
use super::learner::Learner;
use crate::model::{
    Accreditation, Address, AwardingProcess, Claim, ContactPoint, CredentialSchema, CreditPoint,
    DateTime, DisplayDetail, DisplayParameter, Duration, EDC_CONTEXT, EuropeanDigitalCredential,
    GradingScheme, Identifier, IndividualDisplay, LangMap, LearningAchievement,
    LearningAchievementSpecification, LearningAssessment, LearningAssessmentSpecification,
    LearningOutcome, LegalIdentifier, Location, Mailbox, MediaObject, Note, Organisation, Person,
    WebResource,
};
use crate::model::{Concept, ConceptScheme};
use crate::vocab::{Country, CredentialType, CreditFramework, Encoding, FileType, Vocabulary};

/// The application profile EDC validates generic credentials against.
pub const EDC_GENERIC_FULL: &str = "http://data.europa.eu/snb/model/ap/edc-generic-full";
/// "Short learning programme" in the learning-opportunity list, as the EC sample types its
/// micro-credential.
const SHORT_LEARNING_PROGRAMME: &str = "http://data.europa.eu/snb/learning-opportunity/74a4a268e8";
const LEARNING_OPPORTUNITY_SCHEME: &str = "http://data.europa.eu/snb/learning-opportunity/25831c2";

/// Numbers nodes per class, `urn:epass:<class>:<n>`, as EDC does.
#[derive(Debug, Default)]
struct Ids(BTreeMap<&'static str, u32>);

impl Ids {
    fn next(&mut self, class: &'static str) -> Option<String> {
        let n = self.0.entry(class).or_insert(0);
        *n += 1;
        Some(format!("urn:epass:{class}:{n}"))
    }
}

pub(super) fn credential(
    course: &Course,
    learner: &Learner,
    context: &IssueContext,
) -> EuropeanDigitalCredential {
    let mut ids = Ids::default();
    let now = DateTime::from(context.now);
    let credential_id = format!("urn:credential:{}", context.credential_id.hyphenated());
    let lang = course.language.iso639_1();

    let display_parameter = display(course, learner, &credential_id, &mut ids);
    // The awarding body and the issuer describe the same organisation but are two nodes, each
    // with its own eIDAS identifier node: sealing rewrites the issuer from the seal certificate,
    // and with one shared node that would rename the awarding body too. The parts that sealing
    // leaves alone (location, logo, homepage, other identifiers) stay shared, as in EDC's output.
    let awarding_body = organisation(&course.body, &mut ids);
    let mut issuer = awarding_body.clone();
    issuer.id = ids.next("org");
    if let Some(eidas) = &mut issuer.eidas_identifier {
        eidas.id = ids.next("legalIdentifier");
    }
    let awarding = AwardingProcess {
        id: ids.next("awardingProcess"),
        awarding_body: vec![awarding_body],
        awarding_date: Some(learner.completion_date.clone()),
        ..Default::default()
    };
    let achievement = LearningAchievement {
        id: ids.next("learningAchievement"),
        title: course.title.clone(),
        awarded_by: Some(awarding.clone()),
        proven_by: vec![assessment(course, learner, awarding, &mut ids)],
        specified_by: Some(qualification(course, &mut ids)),
        ..Default::default()
    };
    let subject = person(learner, lang, achievement, &mut ids);
    let identifier = learner
        .certificate_number
        .as_ref()
        .map(|n| Identifier {
            id: ids.next("identifier"),
            notation: Some(n.clone()),
            scheme_name: Some("Certificate number".to_owned()),
            ..Default::default()
        })
        .into_iter()
        .collect();
    EuropeanDigitalCredential {
        id: Some(credential_id),
        credential_profiles: vec![CredentialType::Generic.concept()],
        display_parameter: Some(display_parameter),
        identifier,
        credential_schema: vec![CredentialSchema {
            id: Some(EDC_GENERIC_FULL.to_owned()),
            ..Default::default()
        }],
        credential_subject: Some(subject),
        issued: Some(now.clone()),
        issuer: Some(issuer),
        valid_from: Some(now),
        valid_until: course
            .valid_for
            .and_then(|p| p.after(context.now))
            .map(DateTime::from),
        context: EDC_CONTEXT.iter().map(|c| (*c).to_owned()).collect(),
        ..Default::default()
    }
}

/// The size in bytes of the largest credential `course` gives: built for the largest learner
/// record, in the larger of the two forms `issue` writes (plain and upload form), with room for
/// what the record's characters can add to the generated card.
pub(super) fn largest_size(course: &Course) -> usize {
    let context = IssueContext {
        now: time::OffsetDateTime::UNIX_EPOCH,
        credential_id: uuid::Uuid::nil(),
    };
    let credential = credential(course, &Learner::largest(), &context);
    let plain = crate::json::to_string_pretty(&credential).len();
    let upload = crate::json::to_upload_form(&credential).len();
    // The card clips the learner's name to 45 characters and escapes it for XML (`&` takes 5
    // bytes), then base64 adds a third, on each page.
    let card_slack = 45 * 5 * 4 / 3 * course.languages.len();
    plain.max(upload) + card_slack
}

fn display(
    course: &Course,
    learner: &Learner,
    credential_id: &str,
    ids: &mut Ids,
) -> DisplayParameter {
    let mut parameter = DisplayParameter {
        id: ids.next("displayParameter"),
        title: course.display_title.clone(),
        description: course.display_description.clone().unwrap_or_default(),
        language: course.languages.iter().map(Vocabulary::concept).collect(),
        primary_language: Some(course.language.concept()),
        ..Default::default()
    };
    let course_lang = course.language.iso639_1();
    for language in &course.languages {
        let lang = language.iso639_1();
        let image = match &course.display_image {
            Some((content, file_type)) => media(content.clone(), Some(*file_type), ids),
            None => {
                let card = Card {
                    lang,
                    title: course
                        .display_title
                        .best(&[lang, course_lang])
                        .unwrap_or_default(),
                    learner: &learner.full_name,
                    awarding_body: course
                        .body
                        .legal_name
                        .best(&[lang, course_lang])
                        .unwrap_or_default(),
                    date: learner
                        .completion_date
                        .as_str()
                        .get(..10)
                        .unwrap_or_default(),
                    ects: course.ects,
                    hours: course.hours,
                    eqf: course.eqf.map(|e| e.level()),
                    credential_id,
                };
                let content = base64::engine::general_purpose::STANDARD.encode(card.svg());
                media(content, FileType::new("SVG"), ids)
            }
        };
        parameter.individual_display.push(IndividualDisplay {
            id: ids.next("individualDisplay"),
            language: Some(language.concept()),
            display_detail: vec![DisplayDetail {
                id: ids.next("displayDetail"),
                page: Some(1),
                image: Some(image),
                ..Default::default()
            }],
            ..Default::default()
        });
    }
    parameter
}

fn media(content: String, file_type: Option<FileType>, ids: &mut Ids) -> MediaObject {
    MediaObject {
        id: ids.next("mediaObject"),
        content: Some(content),
        content_encoding: Some(Encoding::Base64.concept()),
        content_type: file_type.map(|t| t.concept()),
        ..Default::default()
    }
}

fn organisation(body: &Body, ids: &mut Ids) -> Organisation {
    let id = ids.next("org");
    let legal = |notation: &String, ids: &mut Ids| LegalIdentifier {
        id: ids.next("legalIdentifier"),
        notation: Some(notation.clone()),
        spatial: body.country.map(|c| c.concept()),
        ..Default::default()
    };
    let eidas_identifier = body.eidas_identifier.as_ref().map(|n| legal(n, ids));
    let vat_identifier = body.vat_identifier.iter().map(|n| legal(n, ids)).collect();
    let registration = body.registration.as_ref().map(|n| legal(n, ids));
    let location = body
        .country
        .map(|country| location(country, body.address.clone(), ids))
        .into_iter()
        .collect();
    let identifier = body
        .identifiers
        .iter()
        .map(|(value, scheme)| Identifier {
            id: ids.next("identifier"),
            notation: Some(value.clone()),
            scheme_name: scheme.clone(),
            ..Default::default()
        })
        .collect();
    let contact_point = body
        .email
        .as_ref()
        .map(|email| contact(email, ids))
        .into_iter()
        .collect();
    let logo = body
        .logo
        .as_ref()
        .map(|(content, file_type)| media(content.clone(), Some(*file_type), ids));
    Organisation {
        id,
        legal_name: body.legal_name.clone(),
        alt_label: body.short_name.clone().unwrap_or_default(),
        eidas_identifier,
        vat_identifier,
        registration,
        location,
        identifier,
        contact_point,
        logo,
        homepage: body
            .homepage
            .as_ref()
            .map(|url| web(url, ids))
            .into_iter()
            .collect(),
        ..Default::default()
    }
}

fn location(country: Country, address: Option<LangMap>, ids: &mut Ids) -> Location {
    Location {
        id: ids.next("location"),
        address: vec![Address {
            id: ids.next("address"),
            country_code: Some(country.concept()),
            full_address: address.map(|a| note(a, ids)),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn contact(email: &str, ids: &mut Ids) -> ContactPoint {
    ContactPoint {
        id: ids.next("contactPoint"),
        email_address: vec![Mailbox {
            id: Some(format!("mailto:{email}")),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn web(url: &str, ids: &mut Ids) -> WebResource {
    WebResource {
        id: ids.next("webResource"),
        content_url: Some(url.to_owned()),
        ..Default::default()
    }
}

fn note(text: LangMap, ids: &mut Ids) -> Note {
    Note {
        id: ids.next("note"),
        note_literal: text,
        ..Default::default()
    }
}

fn assessment(
    course: &Course,
    learner: &Learner,
    awarding: AwardingProcess,
    ids: &mut Ids,
) -> LearningAssessment {
    let a = &course.assessment;
    let id = ids.next("learningAssessment");
    let grade = note(
        LangMap::new().with(course.language.iso639_1(), learner.grade.clone()),
        ids,
    );
    let grading_scheme = a
        .grading_scheme
        .as_ref()
        .map(|(title, description)| GradingScheme {
            id: ids.next("gradingScheme"),
            title: title.clone(),
            description: description.clone().unwrap_or_default(),
            ..Default::default()
        });
    LearningAssessment {
        id,
        title: a.title.clone(),
        awarded_by: Some(awarding),
        grade: Some(grade),
        id_verification: course.supervision.map(|s| s.concept()),
        specified_by: Some(LearningAssessmentSpecification {
            id: ids.next("learningAssessmentSpec"),
            title: a.title.clone(),
            description: a.description.clone().unwrap_or_default(),
            dc_type: Some(a.kind.concept()),
            mode: vec![a.mode.concept()],
            language: vec![course.language.concept()],
            grading_scheme,
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn qualification(course: &Course, ids: &mut Ids) -> LearningAchievementSpecification {
    let mut spec = LearningAchievementSpecification {
        id: ids.next("qualification"),
        title: course.title.clone(),
        description: course.description.clone().unwrap_or_default(),
        eqf_level: course.eqf.map(|e| e.concept()),
        nqf_level: course.nqf.clone().into_iter().collect(),
        thematic_area: course.isced_f.iter().map(Vocabulary::concept).collect(),
        credit_point: course
            .ects
            .map(|ects| CreditPoint {
                id: ids.next("creditPoint"),
                framework: Some(CreditFramework::Ects.concept()),
                point: Some(ects.to_string()),
                ..Default::default()
            })
            .into_iter()
            .collect(),
        volume_of_learning: course.hours.map(Duration::hours),
        entry_requirement: course.entry_requirements.clone().map(|t| note(t, ids)),
        is_partial_qualification: course.is_partial,
        maximum_duration: course.max_duration.clone(),
        learning_setting: Some(course.setting.concept()),
        mode: vec![course.mode.concept()],
        language: vec![course.language.concept()],
        dc_type: vec![short_learning_programme()],
        ..Default::default()
    };
    spec.learning_outcome = course
        .outcomes
        .iter()
        .map(|(title, skills)| LearningOutcome {
            id: ids.next("learningOutcome"),
            title: title.clone(),
            related_esco_skill: skills.clone(),
            ..Default::default()
        })
        .collect();
    spec.learning_outcome_summary = course.outcome_summary.clone().map(|t| note(t, ids));
    spec.accreditation = vec![accreditation(course, ids)];
    spec.identifier = course
        .course_code
        .as_ref()
        .map(|code| Identifier {
            id: ids.next("identifier"),
            notation: Some(code.clone()),
            scheme_name: Some("Course code".to_owned()),
            ..Default::default()
        })
        .into_iter()
        .collect();
    spec.homepage = course.homepage.iter().map(|url| web(url, ids)).collect();
    spec.additional_note = course
        .further_information
        .clone()
        .map(|t| note(t, ids))
        .into_iter()
        .collect();
    spec.supplementary_document = course
        .supplementary_documents
        .iter()
        .map(|url| web(url, ids))
        .collect();
    spec.set_qualification();
    spec
}

fn accreditation(course: &Course, ids: &mut Ids) -> Accreditation {
    let q = &course.quality;
    let id = ids.next("accreditation");
    Accreditation {
        id,
        dc_type: Some(q.kind.concept()),
        title: q.title.clone(),
        description: q.description.clone().unwrap_or_default(),
        accrediting_agent: Some(Box::new(organisation(&q.agency, ids))),
        decision: q.decision.clone(),
        report: q.report_url.as_ref().map(|url| web(url, ids)),
        date_issued: q.issued.clone(),
        expiry_date: q.valid_until.clone(),
        ..Default::default()
    }
}

fn short_learning_programme() -> Concept {
    Concept {
        id: Some(SHORT_LEARNING_PROGRAMME.to_owned()),
        in_scheme: Some(ConceptScheme {
            id: Some(LEARNING_OPPORTUNITY_SCHEME.to_owned()),
            ..Default::default()
        }),
        pref_label: LangMap::en("Short learning programme"),
        ..Default::default()
    }
}

fn person(
    learner: &Learner,
    lang: &str,
    achievement: LearningAchievement,
    ids: &mut Ids,
) -> Person {
    let id = ids.next("person");
    let name = |text: &Option<String>| {
        text.as_ref()
            .map(|t| LangMap::new().with(lang, t.clone()))
            .unwrap_or_default()
    };
    let national_id = learner
        .national_id
        .as_ref()
        .map(|(value, country)| LegalIdentifier {
            id: ids.next("legalIdentifier"),
            notation: Some(value.clone()),
            spatial: Some(country.concept()),
            ..Default::default()
        });
    let identifier = learner
        .student_id
        .as_ref()
        .map(|number| Identifier {
            id: ids.next("identifier"),
            notation: Some(number.clone()),
            scheme_name: Some("Student number".to_owned()),
            ..Default::default()
        })
        .into_iter()
        .collect();
    Person {
        id,
        full_name: LangMap::new().with(lang, learner.full_name.clone()),
        given_name: name(&learner.given_name),
        family_name: name(&learner.family_name),
        date_of_birth: learner.date_of_birth.clone(),
        national_id,
        identifier,
        contact_point: learner
            .email
            .as_ref()
            .map(|e| contact(e, ids))
            .into_iter()
            .collect(),
        has_claim: vec![Claim::from(achievement)],
        ..Default::default()
    }
}
