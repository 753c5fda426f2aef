//! A checked course template: every name looked up, every code resolved to its vocabulary
//! value, every text turned into a language map. Issuing builds from this, so it cannot fail on
//! the template's account.

use super::check::Checker;
use super::error::{Input, IssueError};
use super::limits;
use super::names::{Named, lookup, names};
use super::period::Period;
use super::template::{self, CourseTemplate, Outcome, SkillRef};
use time::OffsetDateTime;

use crate::model::{Accreditation, Concept, ConceptScheme, DateTime, Duration, LangMap};
use crate::vocab::{
    AccreditationType, AssessmentType, Country, Eqf, FileType, IscedF, Language, LearningSetting,
    Mode, Supervision,
};

const ESCO_SKILL: &str = "http://data.europa.eu/esco/skill/";
const ESCO_SKILLS_SCHEME: &str = "http://data.europa.eu/esco/concept-scheme/skills";

#[derive(Debug, Clone)]
pub(super) struct Course {
    pub language: Language,
    /// The display languages, the course language first.
    pub languages: Vec<Language>,
    pub title: LangMap,
    pub description: Option<LangMap>,
    pub outcomes: Vec<(LangMap, Vec<Concept>)>,
    pub outcome_summary: Option<LangMap>,
    pub ects: Option<f64>,
    pub hours: Option<u32>,
    pub eqf: Option<Eqf>,
    pub nqf: Option<Concept>,
    pub isced_f: Vec<IscedF>,
    pub mode: Mode,
    pub setting: LearningSetting,
    pub assessment: Assessment,
    pub supervision: Option<Supervision>,
    pub quality: Quality,
    pub entry_requirements: Option<LangMap>,
    pub is_partial: Option<bool>,
    pub max_duration: Option<Duration>,
    pub course_code: Option<String>,
    pub homepage: Option<String>,
    pub further_information: Option<LangMap>,
    pub supplementary_documents: Vec<String>,
    pub body: Body,
    pub display_title: LangMap,
    pub display_description: Option<LangMap>,
    pub display_image: Option<(String, FileType)>,
    pub valid_for: Option<Period>,
    pub default_grade: Option<String>,
}

#[derive(Debug, Clone)]
pub(super) struct Assessment {
    pub kind: AssessmentType,
    pub title: LangMap,
    pub description: Option<LangMap>,
    pub mode: Mode,
    pub grading_scheme: Option<(LangMap, Option<LangMap>)>,
}

#[derive(Debug, Clone)]
pub(super) struct Quality {
    pub kind: AccreditationType,
    pub title: LangMap,
    pub description: Option<LangMap>,
    pub agency: Body,
    pub decision: Option<Concept>,
    pub report_url: Option<String>,
    pub issued: Option<DateTime>,
    pub valid_until: Option<DateTime>,
}

/// An organisation: the awarding body or the quality assurance agency.
#[derive(Debug, Clone, Default)]
pub(super) struct Body {
    pub legal_name: LangMap,
    pub short_name: Option<LangMap>,
    pub country: Option<Country>,
    pub eidas_identifier: Option<String>,
    pub vat_identifier: Option<String>,
    pub registration: Option<String>,
    pub homepage: Option<String>,
    pub email: Option<String>,
    pub address: Option<LangMap>,
    /// (value, scheme name).
    pub identifiers: Vec<(String, Option<String>)>,
    pub logo: Option<(String, FileType)>,
}

impl CourseTemplate {
    /// Checks the template and returns its first problem, if any.
    pub fn validate(&self) -> Result<(), IssueError> {
        Course::resolve(self).map(|_| ())
    }

    /// Every problem of the template, in the order of its fields (empty when it is valid).
    pub fn problems(&self) -> Vec<IssueError> {
        Course::resolve_all(self).err().unwrap_or_default()
    }
}

impl Course {
    pub(super) fn resolve(template: &CourseTemplate) -> Result<Course, IssueError> {
        Self::resolve_all(template).map_err(|mut problems| problems.remove(0))
    }

    /// The checked course, or every problem found (never an empty list).
    pub(super) fn resolve_all(t: &CourseTemplate) -> Result<Course, Vec<IssueError>> {
        let mut c = Checker::new(Input::Template);
        let language = language(&mut c, t.language.as_ref());
        let lang = language.map(|l| l.iso639_1()).unwrap_or("en");

        let title = c.text(t.title.as_ref(), "title", lang, true);
        let description = c.text(t.description.as_ref(), "description", lang, false);
        if t.learning_outcomes.is_empty() {
            c.missing("learning_outcomes");
        }
        let outcomes: Vec<_> = t
            .learning_outcomes
            .iter()
            .enumerate()
            .filter_map(|(i, outcome)| {
                self::outcome(&mut c, outcome, &format!("learning_outcomes[{i}]"), lang)
            })
            .collect();
        let outcome_summary = c.text(
            t.learning_outcome_summary.as_ref(),
            "learning_outcome_summary",
            lang,
            false,
        );

        if t.ects.is_none() && t.hours.is_none() {
            c.missing("ects or hours");
        }
        let ects = t.ects.filter(|e| {
            let ok = e.is_finite() && *e > 0.0 && *e <= 999.0;
            if !ok {
                c.invalid("ects", "a number of ECTS credits above 0 and at most 999");
            }
            ok
        });
        let hours = t.hours.filter(|h| {
            if *h == 0 {
                c.invalid("hours", "a positive number of hours");
            }
            *h > 0
        });
        let eqf = t.eqf.and_then(|level| {
            let eqf = Eqf::new(level);
            if eqf.is_none() {
                c.invalid("eqf", "an EQF level from 1 to 8");
            }
            eqf
        });
        let nqf = t
            .nqf
            .as_ref()
            .and_then(|r| concept_ref(&mut c, r, "nqf", lang));
        let isced_f = t
            .isced_f
            .iter()
            .enumerate()
            .filter_map(|(i, code)| {
                let found = IscedF::new(code.trim());
                if found.is_none() {
                    c.invalid(
                        &format!("isced_f[{i}]"),
                        "an ISCED-F 2013 field code (`0613`, `003`, ...)",
                    );
                }
                found
            })
            .collect();

        let mode = list::<Mode>(&mut c, t.mode.as_ref(), "mode", true);
        let setting = list::<LearningSetting>(&mut c, t.setting.as_ref(), "setting", true);
        let assessment = c
            .require(t.assessment.as_ref(), "assessment")
            .and_then(|a| self::assessment(&mut c, a, lang, mode));
        let supervision = list::<Supervision>(&mut c, t.supervision.as_ref(), "supervision", false);
        let quality = c
            .require(t.quality_assurance.as_ref(), "quality_assurance")
            .and_then(|q| self::quality(&mut c, q, lang));
        let entry_requirements = c.text(
            t.entry_requirements.as_ref(),
            "entry_requirements",
            lang,
            false,
        );
        let max_duration = c
            .string(t.max_duration.as_ref(), "max_duration", false)
            .and_then(|d| {
                let parsed = Duration::parse(&d).ok();
                if parsed.is_none() {
                    c.invalid("max_duration", "an ISO 8601 duration (`P6M`, `P1Y`)");
                }
                parsed
            });
        let course_code = c.string(t.course_code.as_ref(), "course_code", false);
        let homepage = c.url(t.homepage.as_ref(), "homepage");
        let further_information = c.text(
            t.further_information.as_ref(),
            "further_information",
            lang,
            false,
        );
        let supplementary_documents = t
            .supplementary_documents
            .iter()
            .enumerate()
            .filter_map(|(i, url)| c.url(Some(url), &format!("supplementary_documents[{i}]")))
            .collect();

        let body = c
            .require(t.awarding_body.as_ref(), "awarding_body")
            .map(|b| awarding_body(&mut c, b, lang));

        let display = t.display.clone().unwrap_or_default();
        let display_title = c.text(display.title.as_ref(), "display.title", lang, false);
        let display_description = c.text(
            display.description.as_ref(),
            "display.description",
            lang,
            false,
        );
        let display_image = display
            .image
            .as_ref()
            .and_then(|i| c.image(i.content.as_ref(), i.content_type.as_ref(), "display.image"));

        let valid_for = c
            .string(t.valid_for.as_ref(), "valid_for", false)
            .and_then(|d| {
                let parsed = Period::parse(&d);
                if parsed.is_none() {
                    c.invalid(
                        "valid_for",
                        "an ISO 8601 duration in whole units (`P5Y`, `P18M`)",
                    );
                }
                parsed
            });
        let default_grade = c.string(t.default_grade.as_ref(), "default_grade", false);

        let (
            Some(language),
            Some(title),
            Some(mode),
            Some(setting),
            Some(assessment),
            Some(quality),
            Some(body),
        ) = (language, title, mode, setting, assessment, quality, body)
        else {
            return Err(some(c.problems));
        };
        if !c.problems.is_empty() {
            return Err(c.problems);
        }
        let display_title = display_title.unwrap_or_else(|| title.clone());
        let languages = display_languages(language, &display_title);
        let course = Course {
            language,
            languages,
            title,
            description: description.clone(),
            outcomes,
            outcome_summary,
            ects,
            hours,
            eqf,
            nqf,
            isced_f,
            mode,
            setting,
            assessment,
            supervision,
            quality,
            entry_requirements,
            is_partial: t.is_partial,
            max_duration,
            course_code,
            homepage,
            further_information,
            supplementary_documents,
            body,
            display_title,
            display_description: display_description.or(description),
            display_image,
            valid_for,
            default_grade,
        };
        let size = super::build::largest_size(&course);
        if size > limits::MAX_CREDENTIAL_BYTES {
            return Err(vec![IssueError::CredentialTooLarge {
                size,
                limit: limits::MAX_CREDENTIAL_BYTES,
            }]);
        }
        Ok(course)
    }
}

/// A failed check always records a problem; this keeps that promise visible if a check forgets.
fn some(problems: Vec<IssueError>) -> Vec<IssueError> {
    if problems.is_empty() {
        vec![IssueError::invalid(
            Input::Template,
            "(template)",
            "a complete template",
        )]
    } else {
        problems
    }
}

fn language(c: &mut Checker, value: Option<&String>) -> Option<Language> {
    let code = c.string(value, "language", true)?;
    let found = match code.len() {
        2 => Language::from_iso639_1(&code),
        3 => Language::new(&code),
        _ => None,
    };
    if found.is_none() {
        c.invalid(
            "language",
            "an ISO 639-1 (`en`) or Publications Office (`ENG`) language code",
        );
    }
    found
}

fn list<V: Named>(
    c: &mut Checker,
    value: Option<&String>,
    field: &str,
    required: bool,
) -> Option<V> {
    let name = c.string(value, field, required)?;
    let found = lookup::<V>(&name);
    if found.is_none() {
        c.invalid(field, format!("one of {}", names::<V>()));
    }
    found
}

fn outcome(
    c: &mut Checker,
    outcome: &Outcome,
    field: &str,
    lang: &str,
) -> Option<(LangMap, Vec<Concept>)> {
    match outcome {
        Outcome::Text(text) => c
            .text(Some(text), field, lang, true)
            .map(|t| (t, Vec::new())),
        Outcome::Detailed(detail) => {
            let title = c.text(detail.title.as_ref(), &format!("{field}.title"), lang, true);
            let skills = detail
                .esco_skills
                .iter()
                .enumerate()
                .filter_map(|(i, skill)| esco_skill(c, skill, &format!("{field}.esco_skills[{i}]")))
                .collect();
            title.map(|t| (t, skills))
        }
    }
}

fn esco_skill(c: &mut Checker, skill: &SkillRef, field: &str) -> Option<Concept> {
    let (iri, label) = match skill {
        SkillRef::Iri(iri) => (iri.trim(), None),
        SkillRef::Labelled(s) => (s.iri.trim(), Some(s.label.trim()).filter(|l| !l.is_empty())),
    };
    if !c.fits(iri, field, limits::MAX_VALUE_CHARS)
        || !label.is_none_or(|l| c.fits(l, &format!("{field}.label"), limits::MAX_TITLE_CHARS))
    {
        return None;
    }
    // The ESCO portal's page links carry the IRI in a `uri=` parameter.
    let iri = iri
        .split_once("uri=")
        .map_or(iri, |(_, tail)| tail.split('&').next().unwrap_or(tail));
    let ok = iri
        .strip_prefix(ESCO_SKILL)
        .is_some_and(|id| !id.is_empty() && !id.contains(['/', ' ', '?', '#']));
    if !ok {
        c.invalid(field, format!("an ESCO skill IRI ({ESCO_SKILL}...)"));
        return None;
    }
    Some(Concept {
        id: Some(iri.to_owned()),
        in_scheme: Some(ConceptScheme {
            id: Some(ESCO_SKILLS_SCHEME.to_owned()),
            ..Default::default()
        }),
        notation: Some("Skill".to_owned()),
        pref_label: label.map(LangMap::en).unwrap_or_default(),
        ..Default::default()
    })
}

fn concept_ref(
    c: &mut Checker,
    r: &template::ConceptRef,
    field: &str,
    lang: &str,
) -> Option<Concept> {
    let iri = c.iri(r.iri.as_ref(), &format!("{field}.iri"), true);
    let label = c.text(r.label.as_ref(), &format!("{field}.label"), lang, true);
    let scheme = c.iri(r.scheme.as_ref(), &format!("{field}.scheme"), true);
    Some(Concept {
        id: Some(iri?),
        in_scheme: Some(ConceptScheme {
            id: Some(scheme?),
            ..Default::default()
        }),
        pref_label: label?,
        ..Default::default()
    })
}

fn assessment(
    c: &mut Checker,
    a: &template::Assessment,
    lang: &str,
    course_mode: Option<Mode>,
) -> Option<Assessment> {
    let kind = list::<AssessmentType>(c, a.kind.as_ref(), "assessment.type", true);
    let title = c.text(a.title.as_ref(), "assessment.title", lang, true);
    let description = c.text(
        a.description.as_ref(),
        "assessment.description",
        lang,
        false,
    );
    let mode = list::<Mode>(c, a.mode.as_ref(), "assessment.mode", false).or(course_mode);
    let grading_scheme = a.grading_scheme.as_ref().and_then(|g| {
        let title = c.text(
            g.title.as_ref(),
            "assessment.grading_scheme.title",
            lang,
            true,
        );
        let description = c.text(
            g.description.as_ref(),
            "assessment.grading_scheme.description",
            lang,
            false,
        );
        title.map(|t| (t, description))
    });
    Some(Assessment {
        kind: kind?,
        title: title?,
        description,
        mode: mode?,
        grading_scheme,
    })
}

fn quality(c: &mut Checker, q: &template::QualityAssurance, lang: &str) -> Option<Quality> {
    let kind = list::<AccreditationType>(c, q.kind.as_ref(), "quality_assurance.type", true);
    let title = c.text(q.title.as_ref(), "quality_assurance.title", lang, true);
    let description = c.text(
        q.description.as_ref(),
        "quality_assurance.description",
        lang,
        false,
    );
    let agency = c
        .require(q.agency.as_ref(), "quality_assurance.agency")
        .map(|a| {
            let field = "quality_assurance.agency";
            Body {
                legal_name: c
                    .text(
                        a.legal_name.as_ref(),
                        &format!("{field}.legal_name"),
                        lang,
                        true,
                    )
                    .unwrap_or_default(),
                country: c.country(a.country.as_ref(), &format!("{field}.country"), true),
                homepage: c.url(a.homepage.as_ref(), &format!("{field}.homepage")),
                identifiers: c
                    .string(a.identifier.as_ref(), &format!("{field}.identifier"), false)
                    .map(|id| vec![(id, None)])
                    .unwrap_or_default(),
                ..Body::default()
            }
        });
    let decision = q
        .decision
        .as_ref()
        .and_then(|d| concept_ref(c, d, "quality_assurance.decision", lang));
    let report_url = c.url(q.report_url.as_ref(), "quality_assurance.report_url");
    let issued = c.date(
        q.issued.as_ref().map(|d| &d.0),
        "quality_assurance.issued",
        false,
    );
    let valid_until = c.date(
        q.valid_until.as_ref().map(|d| &d.0),
        "quality_assurance.valid_until",
        false,
    );
    if dates(issued.as_ref(), valid_until.as_ref()).expires_before_issued() {
        c.invalid(
            "quality_assurance.valid_until",
            "a date not earlier than quality_assurance.issued",
        );
    }
    Some(Quality {
        kind: kind?,
        title: title?,
        description,
        agency: agency?,
        decision,
        report_url,
        issued,
        valid_until,
    })
}

/// An accreditation with only these dates, for the date rule it shares with the Verifier.
fn dates(issued: Option<&DateTime>, valid_until: Option<&DateTime>) -> Accreditation {
    Accreditation {
        date_issued: issued.cloned(),
        expiry_date: valid_until.cloned(),
        ..Accreditation::default()
    }
}

impl Course {
    /// The problem of issuing at `now`: a quality assurance that has expired by then (the
    /// Verifier would report `accreditation.expired`).
    pub(super) fn problem_at(&self, now: OffsetDateTime) -> Option<IssueError> {
        let q = &self.quality;
        dates(q.issued.as_ref(), q.valid_until.as_ref())
            .expired_at(now)
            .then(|| {
                IssueError::invalid(
                    Input::Template,
                    "quality_assurance.valid_until",
                    "a date not earlier than the issue time (the quality assurance has expired)",
                )
            })
    }
}

fn awarding_body(c: &mut Checker, b: &template::AwardingBody, lang: &str) -> Body {
    let identifiers = b
        .identifiers
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let field = format!("awarding_body.identifiers[{i}]");
            let value = c.string(id.value.as_ref(), &format!("{field}.value"), true);
            let scheme = c.string(id.scheme.as_ref(), &format!("{field}.scheme"), true);
            Some((value?, Some(scheme?)))
        })
        .collect();
    Body {
        legal_name: c
            .text(
                b.legal_name.as_ref(),
                "awarding_body.legal_name",
                lang,
                true,
            )
            .unwrap_or_default(),
        short_name: c.text(
            b.short_name.as_ref(),
            "awarding_body.short_name",
            lang,
            false,
        ),
        country: c.country(b.country.as_ref(), "awarding_body.country", true),
        eidas_identifier: c.string(
            b.eidas_identifier.as_ref(),
            "awarding_body.eidas_identifier",
            false,
        ),
        vat_identifier: c.string(
            b.vat_identifier.as_ref(),
            "awarding_body.vat_identifier",
            false,
        ),
        registration: c.string(b.registration.as_ref(), "awarding_body.registration", false),
        homepage: c.url(b.homepage.as_ref(), "awarding_body.homepage"),
        email: c.email(b.email.as_ref(), "awarding_body.email"),
        address: c.text(b.address.as_ref(), "awarding_body.address", lang, false),
        identifiers,
        logo: b.logo.as_ref().and_then(|l| {
            c.image(
                l.content.as_ref(),
                l.content_type.as_ref(),
                "awarding_body.logo",
            )
        }),
    }
}

/// The course language, then every other language the displayed title is given in.
fn display_languages(primary: Language, title: &LangMap) -> Vec<Language> {
    let mut languages = vec![primary];
    for key in title.0.keys() {
        if let Some(l) = Language::from_iso639_1(key).filter(|l| !languages.contains(l)) {
            languages.push(l);
        }
    }
    languages
}
