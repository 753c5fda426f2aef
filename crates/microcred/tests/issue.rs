//! Issuing micro-credentials from a course template and learner records: the demo, the example
//! files in `examples/`, and every way a template or record can be wrong.

use std::collections::BTreeMap;
use std::path::PathBuf;

use base64::Engine as _;
use microcred::issue::{
    self, CourseTemplate, Image, Issuance, IssueContext, IssueError, LearnerRecord, LearnerTable,
    Text,
};
use microcred::model::{EuropeanDigitalCredential, LearningAchievement};
use microcred::profile::{self, Severity};
use serde_json::{Value, json};
use time::macros::datetime;
use uuid::Uuid;

// ---------------------------------------------------------------------------------------------
// Helpers

fn context() -> IssueContext {
    IssueContext {
        now: datetime!(2026-01-15 10:00:00 UTC),
        credential_id: Uuid::from_u128(0x1234_5678_9abc_4def_8123_4567_89ab_cdef),
    }
}

fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn example(name: &str) -> String {
    std::fs::read_to_string(examples_dir().join(name))
        .unwrap_or_else(|e| panic!("examples/{name} cannot be read: {e}"))
}

fn issue(
    template: &CourseTemplate,
    learner: &LearnerRecord,
) -> Result<EuropeanDigitalCredential, IssueError> {
    Issuance::new(template)?.issue(learner, context())
}

fn achievement(credential: &EuropeanDigitalCredential) -> &LearningAchievement {
    credential
        .achievement()
        .expect("the credential claims a learning achievement")
}

/// The demo template as JSON, to be edited and read back like a registrar's file.
fn demo_template_json() -> Value {
    serde_json::from_str(&issue::demo_template().to_json()).expect("the template writes JSON")
}

fn demo_learner_json() -> Value {
    serde_json::to_value(issue::demo_learner()).expect("the record writes JSON")
}

/// Removes the member at a dotted path (`awarding_body.country`), which must exist.
fn remove(value: &mut Value, path: &str) {
    let (parent, last) = match path.rsplit_once('.') {
        Some((parent, last)) => (Some(parent), last),
        None => (None, path),
    };
    let mut object = &mut *value;
    for key in parent.into_iter().flat_map(|p| p.split('.')) {
        object = object
            .get_mut(key)
            .unwrap_or_else(|| panic!("{path}: no member {key}"));
    }
    let removed = object.as_object_mut().and_then(|o| o.remove(last));
    assert!(removed.is_some(), "{path} is not in the demo template");
}

/// Sets the member at a dotted path, creating the objects on the way.
fn set(value: &mut Value, path: &str, new: Value) {
    let mut target = &mut *value;
    for key in path.split('.') {
        if target.is_null() {
            *target = json!({});
        }
        target = match target {
            Value::Object(map) => map.entry(key.to_owned()).or_insert(Value::Null),
            _ => panic!("{path}: {key} is below a non-object"),
        };
    }
    *target = new;
}

fn template_from(value: &Value) -> Result<CourseTemplate, IssueError> {
    CourseTemplate::from_json(&value.to_string())
}

fn learner_from(value: &Value) -> LearnerRecord {
    LearnerRecord::from_json(&value.to_string()).expect("the edited record still reads")
}

/// The error findings of the profile check for a credential EDC has yet to seal.
fn profile_errors(credential: &EuropeanDigitalCredential) -> Vec<String> {
    profile::check_before_sealing(credential)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.to_string())
        .collect()
}

/// A minimal XML well-formedness check for the generated SVG: tags balance, attributes are
/// quoted, and every `&` starts one of the five predefined entities.
fn assert_well_formed(xml: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find(['<', '&']) {
        assert!(
            !rest[..open].contains('>'),
            "a raw `>` in text: {}",
            &rest[..open]
        );
        rest = &rest[open..];
        if rest.starts_with('&') {
            let entity_ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                .iter()
                .any(|e| rest.starts_with(e));
            assert!(entity_ok, "a bare `&` at: {}", &rest[..rest.len().min(20)]);
            rest = &rest[1..];
            continue;
        }
        let close = rest.find('>').expect("every tag is closed");
        let tag = &rest[1..close];
        assert!(!tag.contains('<'), "a `<` inside a tag: {tag}");
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unbalanced quotes in: {tag}"
        );
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "mismatched closing tag");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().expect("a tag name");
            stack.push(name.to_owned());
        }
        rest = &rest[close + 1..];
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
}

/// The generated page images of a credential, decoded.
fn page_images(credential: &EuropeanDigitalCredential) -> Vec<String> {
    let display = credential
        .display_parameter
        .as_ref()
        .expect("display parameter");
    display
        .individual_display
        .iter()
        .flat_map(|d| &d.display_detail)
        .map(|detail| {
            let image = detail.image.as_ref().expect("every page has an image");
            let content = image.content.as_deref().expect("image content");
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(content)
                .expect("base64");
            String::from_utf8(bytes).expect("the SVG is UTF-8")
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The demo and the examples produce credentials EDC and Annex I accept

#[test]
fn the_demo_credential_passes_the_profile_check() {
    let credential = issue::demo_credential();
    assert_eq!(profile_errors(&credential), Vec::<String>::new());
    // Every Annex I element is there, so even the plain check (which counts what EDC fills in
    // when sealing) finds no error: the demo carries an eIDAS identifier and `issued`.
    let findings = profile::check(&credential);
    assert!(!profile::has_errors(&findings), "{findings:#?}");
    assert!(
        !findings
            .iter()
            .any(|f| f.code.starts_with("mc.") && f.severity != Severity::Info),
        "Annex I warnings: {findings:#?}"
    );
}

#[test]
fn the_example_template_and_records_pass_the_profile_check() {
    let template = CourseTemplate::from_toml(&example("course.toml")).expect("course.toml reads");
    template.validate().expect("course.toml is valid");
    let mut learners =
        vec![LearnerRecord::from_json(&example("learner.json")).expect("learner.json reads")];
    learners.extend(csv_records(&example("learners.csv")));
    assert_eq!(learners.len(), 4);
    for (i, learner) in learners.iter().enumerate() {
        let credential = issue(&template, learner).unwrap_or_else(|e| panic!("learner {i}: {e}"));
        assert_eq!(
            profile_errors(&credential),
            Vec::<String>::new(),
            "learner {i}"
        );
    }
}

/// Reads the example CSV the way the CLI does (header row = field names, blank = absent),
/// without a CSV crate: the example has no quoted cells.
fn csv_records(text: &str) -> Vec<LearnerRecord> {
    let mut lines = text.lines();
    let headers: Vec<&str> = lines.next().expect("a header row").split(',').collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            assert_eq!(cells.len(), headers.len(), "row {line:?}");
            let object: serde_json::Map<String, Value> = headers
                .iter()
                .zip(cells)
                .filter(|(_, cell)| !cell.is_empty())
                .map(|(h, cell)| ((*h).to_owned(), Value::String(cell.to_owned())))
                .collect();
            serde_json::from_value(Value::Object(object))
                .expect("the CSV header names are record fields")
        })
        .collect()
}

#[test]
fn toml_and_json_versions_of_the_example_give_equal_credentials() {
    let from_toml = CourseTemplate::from_toml(&example("course.toml")).expect("course.toml reads");
    let from_json = CourseTemplate::from_json(&example("course.json")).expect("course.json reads");
    assert_eq!(from_toml, from_json);
    let learner = LearnerRecord::from_json(&example("learner.json")).expect("learner.json reads");
    let a = issue(&from_toml, &learner).expect("issues");
    let b = issue(&from_json, &learner).expect("issues");
    assert_eq!(a, b);
    assert_eq!(
        microcred::json::to_string(&a),
        microcred::json::to_string(&b)
    );
}

#[test]
fn the_example_template_reaches_the_credential() {
    let template = CourseTemplate::from_toml(&example("course.toml")).expect("course.toml reads");
    let learner = LearnerRecord::from_json(&example("learner.json")).expect("learner.json reads");
    let credential = issue(&template, &learner).expect("issues");
    let spec = achievement(&credential)
        .specified_by
        .as_ref()
        .expect("specification");
    assert_eq!(
        spec.eqf_level.as_ref().and_then(|c| c.id.as_deref()),
        Some("http://data.europa.eu/snb/eqf/5")
    );
    assert_eq!(spec.credit_point[0].point.as_deref(), Some("3"));
    assert_eq!(
        spec.volume_of_learning.as_ref().map(|d| d.as_str()),
        Some("PT75H")
    );
    assert_eq!(spec.is_partial_qualification, Some(true));
    assert_eq!(
        spec.maximum_duration.as_ref().map(|d| d.as_str()),
        Some("P4M")
    );
    assert_eq!(spec.learning_outcome.len(), 3);
    let skill = &spec.learning_outcome[0].related_esco_skill[0];
    assert_eq!(
        skill.pref_label.get("en"),
        Some("communicate with target community")
    );
    assert_eq!(
        skill.in_scheme.as_ref().and_then(|s| s.id.as_deref()),
        Some("http://data.europa.eu/esco/concept-scheme/skills")
    );
    let accreditation = &spec.accreditation[0];
    assert_eq!(
        accreditation.dc_type.as_ref().and_then(|c| c.id.as_deref()),
        Some("http://data.europa.eu/snb/accreditation/bb4618238e")
    );
    // A bare TOML date becomes an xsd:dateTime at midnight UTC.
    assert_eq!(
        accreditation.expiry_date.as_ref().map(|d| d.as_str()),
        Some("2030-05-13T00:00:00Z")
    );
    assert_eq!(
        accreditation.date_issued.as_ref().map(|d| d.as_str()),
        Some("2024-05-14T00:00:00Z")
    );
    let agent = accreditation.accrediting_agent.as_ref().expect("agency");
    assert_eq!(
        agent.country().and_then(|c| c.id.as_deref()),
        Some("http://publications.europa.eu/resource/authority/country/BEL")
    );
    assert_eq!(
        credential.identifier[0].notation.as_deref(),
        Some("FUAS-2025-0001")
    );
    let issuer = credential.issuer.as_ref().expect("issuer");
    assert_eq!(
        issuer.vat_identifier[0].notation.as_deref(),
        Some("BE0000000000")
    );
    assert_eq!(
        issuer.identifier[0].scheme_name.as_deref(),
        Some("Erasmus code")
    );
    let display = credential.display_parameter.as_ref().expect("display");
    assert_eq!(
        display.description.get("en"),
        Some("has successfully completed a micro-credential course")
    );
    let assessment = &achievement(&credential).proven_by[0];
    assert_eq!(
        assessment
            .grade
            .as_ref()
            .and_then(|g| g.note_literal.get("en")),
        Some("15/20")
    );
    let grading = assessment
        .specified_by
        .as_ref()
        .and_then(|s| s.grading_scheme.as_ref())
        .expect("grading scheme");
    assert_eq!(grading.title.get("en"), Some("Scale of 0 to 20"));
}

// ---------------------------------------------------------------------------------------------
// The credential has the EC sample's shape

#[test]
fn the_credential_has_the_ec_sample_shape() {
    let credential = issue::demo_credential();
    let value: Value =
        serde_json::from_str(&microcred::json::to_string(&credential)).expect("JSON");
    assert_eq!(value["@context"], json!(microcred::model::EDC_CONTEXT));
    assert_eq!(
        value["id"],
        "urn:credential:6d1c2e4a-7b3f-4c5d-9e8f-0a1b2c3d4e5f"
    );
    assert_eq!(
        value["type"],
        json!(["VerifiableCredential", "EuropeanDigitalCredential"])
    );
    assert_eq!(
        value["credentialProfiles"]["id"],
        "http://data.europa.eu/snb/credential/e34929035b"
    );
    assert_eq!(
        value["credentialSchema"],
        json!({"id": issue::EDC_GENERIC_FULL, "type": "ShaclValidator2017"})
    );
    assert_eq!(value["issued"], "2026-01-15T10:00:00Z");
    assert_eq!(value["validFrom"], "2026-01-15T10:00:00Z");
    assert!(
        value.get("validUntil").is_none(),
        "the demo course sets no valid_for"
    );

    let display = &value["displayParameter"];
    assert_eq!(
        display["title"],
        json!({"en": "Creating Open Digital Learning Content"})
    );
    assert_eq!(
        display["primaryLanguage"]["id"],
        "http://publications.europa.eu/resource/authority/language/ENG"
    );
    let image = &display["individualDisplay"]["displayDetail"]["image"];
    assert_eq!(display["individualDisplay"]["displayDetail"]["page"], 1);
    assert_eq!(
        image["contentType"]["id"],
        "http://publications.europa.eu/resource/authority/file-type/SVG"
    );
    assert_eq!(
        image["contentEncoding"]["id"],
        "http://data.europa.eu/snb/encoding/6146cde7dd"
    );

    let issuer = &value["issuer"];
    assert_eq!(issuer["id"], "urn:epass:org:2");
    assert_eq!(
        issuer["legalName"],
        json!({"en": "Example University of Technology"})
    );
    assert_eq!(issuer["eIDASIdentifier"]["notation"], "VATIE-0000000X");
    assert_eq!(
        issuer["location"]["address"]["countryCode"]["id"],
        "http://publications.europa.eu/resource/authority/country/IRL"
    );

    let subject = &value["credentialSubject"];
    assert_eq!(subject["type"], "Person");
    assert_eq!(subject["givenName"], json!({"en": "Ada"}));
    assert_eq!(subject["fullName"], json!({"en": "Ada Example"}));
    assert_eq!(subject["dateOfBirth"], "2000-02-29T00:00:00Z");
    assert_eq!(
        subject["contactPoint"]["emailAddress"]["id"],
        "mailto:ada.example@learner.example"
    );
    assert_eq!(subject["identifier"]["notation"], "S0000001");

    let claim = &subject["hasClaim"];
    assert_eq!(claim["id"], "urn:epass:learningAchievement:1");
    assert_eq!(claim["awardedBy"]["id"], "urn:epass:awardingProcess:1");
    // The awarding body is the same organisation as the issuer, but its own node with its own
    // eIDAS identifier node (sealing rewrites the issuer only); the parts sealing leaves alone
    // are shared.
    let body = &claim["awardedBy"]["awardingBody"];
    assert_eq!(body["id"], "urn:epass:org:1");
    assert_eq!(body["eIDASIdentifier"]["id"], "urn:epass:legalIdentifier:1");
    assert_ne!(
        issuer["eIDASIdentifier"]["id"],
        body["eIDASIdentifier"]["id"]
    );
    let mut same = body.clone();
    same["id"] = issuer["id"].clone();
    same["eIDASIdentifier"]["id"] = issuer["eIDASIdentifier"]["id"].clone();
    assert_eq!(
        same, *issuer,
        "apart from the two ids, the issuer is the awarding body"
    );
    assert_eq!(claim["awardedBy"]["awardingDate"], "2026-01-09T00:00:00Z");

    let spec = &claim["specifiedBy"];
    assert_eq!(spec["type"], "Qualification");
    assert_eq!(
        spec["dcType"]["id"],
        "http://data.europa.eu/snb/learning-opportunity/74a4a268e8"
    );
    assert_eq!(
        spec["dcType"]["inScheme"]["id"],
        "http://data.europa.eu/snb/learning-opportunity/25831c2"
    );
    assert_eq!(
        spec["creditPoint"]["point"], "5",
        "EDC writes the point as a string"
    );
    assert_eq!(
        spec["creditPoint"]["framework"]["id"],
        "http://data.europa.eu/snb/education-credit/6fcec5c5af"
    );
    assert_eq!(spec["volumeOfLearning"], "PT125H");
    assert_eq!(spec["eqfLevel"]["id"], "http://data.europa.eu/snb/eqf/6");
    assert_eq!(
        spec["mode"]["id"],
        "http://data.europa.eu/snb/learning-assessment/920fbb3cbe"
    );
    assert_eq!(
        spec["learningSetting"]["id"],
        "http://data.europa.eu/snb/learning-setting/e207a81fc7"
    );
    assert_eq!(spec["learningOutcome"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        spec["accreditation"]["dcType"]["id"],
        "http://data.europa.eu/snb/accreditation/820101cba6"
    );
    assert_eq!(
        spec["accreditation"]["accreditingAgent"]["legalName"],
        json!({"en": "Example Qualifications Authority"})
    );

    let assessment = &claim["provenBy"];
    assert_eq!(assessment["grade"]["noteLiteral"], json!({"en": "Pass"}));
    assert_eq!(assessment["awardedBy"], claim["awardedBy"]);
    assert_eq!(
        assessment["idVerification"]["id"],
        "http://data.europa.eu/snb/supervision-verification/df2880c5cb"
    );
    assert_eq!(
        assessment["specifiedBy"]["dcType"]["id"],
        "http://data.europa.eu/snb/assessment/4f03b91c0e"
    );
}

/// Node ids follow `urn:epass:<class>:<n>`, and a repeated id always stands for the same node
/// (EDC embeds a shared node, such as the issuer, in full wherever it appears).
#[test]
fn node_ids_are_numbered_per_class_and_consistent() {
    fn collect(value: &Value, seen: &mut BTreeMap<String, Value>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(id)) = map.get("id") {
                    if id.starts_with("urn:epass:") {
                        let parts: Vec<&str> = id.split(':').collect();
                        assert_eq!(parts.len(), 4, "{id}");
                        assert!(parts[3].parse::<u32>().is_ok_and(|n| n >= 1), "{id}");
                        if let Some(earlier) = seen.insert(id.clone(), value.clone()) {
                            assert_eq!(&earlier, value, "two different nodes share {id}");
                        }
                    }
                }
                map.values().for_each(|v| collect(v, seen));
            }
            Value::Array(items) => items.iter().for_each(|v| collect(v, seen)),
            _ => {}
        }
    }
    let value = microcred::json::to_value(&issue::demo_credential());
    let mut seen = BTreeMap::new();
    collect(&value, &mut seen);
    for id in [
        "urn:epass:displayParameter:1",
        "urn:epass:person:1",
        "urn:epass:learningAchievement:1",
        "urn:epass:awardingProcess:1",
        "urn:epass:org:1",
        "urn:epass:org:2",
        "urn:epass:org:3",
        "urn:epass:learningAssessment:1",
        "urn:epass:learningAssessmentSpec:1",
        "urn:epass:qualification:1",
        "urn:epass:accreditation:1",
    ] {
        assert!(seen.contains_key(id), "{id} is missing");
    }
    // Numbering has no gaps within a class.
    let mut per_class: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for id in seen.keys() {
        let parts: Vec<&str> = id.split(':').collect();
        per_class
            .entry(parts[2].to_owned())
            .or_default()
            .push(parts[3].parse().expect("number"));
    }
    for (class, mut numbers) in per_class {
        numbers.sort_unstable();
        assert_eq!(
            numbers,
            (1..=numbers.len() as u32).collect::<Vec<_>>(),
            "{class}"
        );
    }
}

#[test]
fn the_credential_round_trips_through_json() {
    let credential = issue::demo_credential();
    let written = microcred::json::to_string(&credential);
    let read = microcred::json::parse(written.as_bytes()).expect("the written credential parses");
    assert_eq!(read, credential);
    let pretty = issue::demo_credential_json();
    assert_eq!(
        microcred::json::parse(pretty.as_bytes()).expect("pretty JSON parses"),
        credential
    );
}

#[test]
fn the_demo_is_reproducible() {
    let demo = issue::demo_credential();
    assert_eq!(demo, issue::demo_credential());
    assert_eq!(issue::demo_credential_json(), issue::demo_credential_json());
    // The same inputs under another UUID differ only in the id and the card that prints it.
    let mut other = issue(&issue::demo_template(), &issue::demo_learner()).expect("issues");
    assert_ne!(other.id, demo.id);
    assert_ne!(other.display_parameter, demo.display_parameter);
    other.id.clone_from(&demo.id);
    other.display_parameter.clone_from(&demo.display_parameter);
    assert_eq!(other, demo);
}

#[test]
fn the_template_survives_json_and_toml_round_trips() {
    let template = CourseTemplate::from_toml(&example("course.toml")).expect("reads");
    assert_eq!(
        CourseTemplate::from_json(&template.to_json()).expect("rereads"),
        template
    );
    let demo = issue::demo_template();
    assert_eq!(
        CourseTemplate::from_json(&demo.to_json()).expect("rereads"),
        demo
    );
}

#[test]
fn valid_for_sets_valid_until_on_the_calendar() {
    let mut template = demo_template_json();
    set(&mut template, "valid_for", json!("P2Y6M"));
    let credential = issue(
        &template_from(&template).expect("reads"),
        &issue::demo_learner(),
    )
    .expect("issues");
    assert_eq!(
        credential.valid_until.as_ref().map(|d| d.as_str()),
        Some("2028-07-15T10:00:00Z")
    );
}

#[test]
fn the_default_grade_stands_in_for_a_missing_one() {
    let mut learner = demo_learner_json();
    remove(&mut learner, "grade");
    let learner = learner_from(&learner);
    let err = issue(&issue::demo_template(), &learner).expect_err("no grade, no default");
    assert_eq!(
        (err.code(), err.field()),
        ("issue.missing_field", Some("grade"))
    );

    let mut template = demo_template_json();
    set(&mut template, "default_grade", json!("Pass"));
    let credential = issue(&template_from(&template).expect("reads"), &learner)
        .expect("issues with the default");
    let grade = achievement(&credential).proven_by[0]
        .grade
        .as_ref()
        .expect("grade");
    assert_eq!(grade.note_literal.get("en"), Some("Pass"));
}

#[test]
fn a_template_image_replaces_the_generated_card() {
    let png = base64::engine::general_purpose::STANDARD.encode(b"\x89PNG\r\n\x1a\n0000");
    let mut template = issue::demo_template();
    let mut display = microcred::issue::DisplayOptions::default();
    let mut image = Image::default();
    image.content = Some(png.clone());
    image.content_type = Some("image/png".into());
    display.image = Some(image);
    template.display = Some(display);
    let credential = issue(&template, &issue::demo_learner()).expect("issues");
    let detail = &credential
        .display_parameter
        .as_ref()
        .expect("display")
        .individual_display[0]
        .display_detail[0];
    let image = detail.image.as_ref().expect("image");
    assert_eq!(image.content.as_deref(), Some(png.as_str()));
    assert_eq!(
        image.content_type.as_ref().and_then(|c| c.id.as_deref()),
        Some("http://publications.europa.eu/resource/authority/file-type/PNG")
    );
}

#[test]
fn the_national_id_carries_its_country() {
    let mut learner = issue::demo_learner();
    learner.national_id = Some("TEST-0001".into());
    learner.national_id_country = Some("ITA".into());
    let credential = issue(&issue::demo_template(), &learner).expect("issues");
    let id = credential
        .credential_subject
        .as_ref()
        .and_then(|p| p.national_id.as_ref())
        .expect("national id");
    assert_eq!(id.notation.as_deref(), Some("TEST-0001"));
    assert_eq!(
        id.spatial.as_ref().and_then(|c| c.id.as_deref()),
        Some("http://publications.europa.eu/resource/authority/country/ITA")
    );
}

#[test]
fn a_title_in_several_languages_gives_a_page_per_language() {
    let mut template = demo_template_json();
    set(
        &mut template,
        "title",
        json!({"en": "Open Content", "ga": "Ábhar Oscailte"}),
    );
    let credential = issue(
        &template_from(&template).expect("reads"),
        &issue::demo_learner(),
    )
    .expect("issues");
    let display = credential.display_parameter.as_ref().expect("display");
    let languages: Vec<_> = display
        .language
        .iter()
        .filter_map(|c| c.id.as_deref())
        .collect();
    assert_eq!(
        languages,
        [
            "http://publications.europa.eu/resource/authority/language/ENG",
            "http://publications.europa.eu/resource/authority/language/GLE"
        ]
    );
    assert_eq!(
        display
            .primary_language
            .as_ref()
            .and_then(|c| c.id.as_deref()),
        Some("http://publications.europa.eu/resource/authority/language/ENG")
    );
    assert_eq!(display.individual_display.len(), 2);
    assert_eq!(display.title.get("ga"), Some("Ábhar Oscailte"));
    let images = page_images(&credential);
    assert!(images[0].contains("Open Content") && images[0].contains("xml:lang=\"en\""));
    assert!(images[1].contains("Ábhar Oscailte") && images[1].contains("xml:lang=\"ga\""));
    assert_eq!(
        achievement(&credential).title.get("ga"),
        Some("Ábhar Oscailte")
    );
    assert_eq!(profile_errors(&credential), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// The generated card

#[test]
fn the_generated_card_is_well_formed_and_escaped() {
    let mut template = issue::demo_template();
    template.title = Some(Text::from("Data <Science> & \"AI\" for R&D"));
    let mut learner = issue::demo_learner();
    learner.given_name = Some("Séan <b>".into());
    learner.family_name = Some("O'Brien & Co\u{1}".into());
    let credential = issue(&template, &learner).expect("issues");
    let images = page_images(&credential);
    assert_eq!(images.len(), 1);
    let svg = &images[0];
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.ends_with("</svg>"));
    assert!(
        svg.contains("Data &lt;Science&gt; &amp; &quot;AI&quot; for R&amp;D"),
        "{svg}"
    );
    assert!(
        svg.contains("Séan &lt;b&gt; O&apos;Brien &amp; Co"),
        "{svg}"
    );
    assert!(!svg.contains("<Science>") && !svg.contains("<b>") && !svg.contains('\u{1}'));
    assert!(
        svg.contains("5 ECTS credits") && svg.contains("EQF level 6") && svg.contains("2026-01-09")
    );
    assert!(svg.contains("Example University of Technology"));
    assert_well_formed(svg);
}

#[test]
fn the_demo_card_is_well_formed() {
    for svg in page_images(&issue::demo_credential()) {
        assert_well_formed(&svg);
        assert!(svg.contains("Ada Example"));
    }
}

// ---------------------------------------------------------------------------------------------
// Missing template fields

#[test]
fn each_required_template_field_is_named_when_missing() {
    let cases: &[(&str, &[&str])] = &[
        ("title", &["title"]),
        ("learning_outcomes", &["learning_outcomes"]),
        ("ects or hours", &["ects", "hours"]),
        ("language", &["language"]),
        ("mode", &["mode"]),
        ("setting", &["setting"]),
        ("assessment", &["assessment"]),
        ("assessment.type", &["assessment.type"]),
        ("assessment.title", &["assessment.title"]),
        ("quality_assurance", &["quality_assurance"]),
        ("quality_assurance.type", &["quality_assurance.type"]),
        ("quality_assurance.title", &["quality_assurance.title"]),
        ("quality_assurance.agency", &["quality_assurance.agency"]),
        (
            "quality_assurance.agency.legal_name",
            &["quality_assurance.agency.legal_name"],
        ),
        (
            "quality_assurance.agency.country",
            &["quality_assurance.agency.country"],
        ),
        ("awarding_body", &["awarding_body"]),
        ("awarding_body.legal_name", &["awarding_body.legal_name"]),
        ("awarding_body.country", &["awarding_body.country"]),
    ];
    for (field, removed) in cases {
        let mut template = demo_template_json();
        for path in *removed {
            remove(&mut template, path);
        }
        let template = template_from(&template).unwrap_or_else(|e| panic!("{field}: {e}"));
        let err = template.validate().expect_err(field);
        assert_eq!(err.code(), "issue.missing_field", "{field}: {err}");
        assert_eq!(err.field(), Some(*field), "{field}: {err}");
        assert!(err.to_string().contains(field), "{field}: {err}");
        // Issuing reports the same problem first.
        let issued = issue(&template, &issue::demo_learner()).expect_err(field);
        assert_eq!(issued, err);
    }
}

#[test]
fn a_blank_required_field_counts_as_missing() {
    let mut template = demo_template_json();
    set(&mut template, "awarding_body.country", json!("  "));
    let err = template_from(&template)
        .expect("reads")
        .validate()
        .expect_err("blank country");
    assert_eq!(
        (err.code(), err.field()),
        ("issue.missing_field", Some("awarding_body.country"))
    );
}

#[test]
fn every_problem_is_listed_at_once() {
    let mut template = demo_template_json();
    remove(&mut template, "title");
    set(&mut template, "eqf", json!(9));
    set(&mut template, "mode", json!("by carrier pigeon"));
    let template = template_from(&template).expect("reads");
    let problems = template.problems();
    let fields: Vec<_> = problems.iter().filter_map(|p| p.field()).collect();
    assert_eq!(fields, ["title", "eqf", "mode"]);
    assert!(issue::demo_template().problems().is_empty());
    // The issuance resolves the template once and refuses it with its first problem.
    let err = Issuance::new(&template).expect_err("a template with problems");
    assert_eq!(err, problems[0]);
}

// ---------------------------------------------------------------------------------------------
// Invalid template values

#[test]
fn invalid_template_values_name_the_field() {
    let cases: &[(&str, Value, &str)] = &[
        ("eqf", json!(9), "eqf"),
        ("eqf", json!(0), "eqf"),
        ("ects", json!(-1), "ects"),
        ("hours", json!(0), "hours"),
        ("language", json!("xx"), "language"),
        ("mode", json!("hybridish"), "mode"),
        ("setting", json!("informal-ish"), "setting"),
        ("supervision", json!("proctored by owls"), "supervision"),
        (
            "assessment.type",
            json!("interpretive dance"),
            "assessment.type",
        ),
        (
            "assessment.mode",
            json!("carrier pigeon"),
            "assessment.mode",
        ),
        (
            "quality_assurance.type",
            json!("vibes"),
            "quality_assurance.type",
        ),
        (
            "quality_assurance.agency.country",
            json!("XX"),
            "quality_assurance.agency.country",
        ),
        (
            "quality_assurance.valid_until",
            json!("2030-13-01"),
            "quality_assurance.valid_until",
        ),
        (
            "quality_assurance.report_url",
            json!("not a url"),
            "quality_assurance.report_url",
        ),
        (
            "awarding_body.country",
            json!("ZZZ"),
            "awarding_body.country",
        ),
        (
            "awarding_body.email",
            json!("registrar-at-university"),
            "awarding_body.email",
        ),
        (
            "awarding_body.homepage",
            json!("ftp://university.example"),
            "awarding_body.homepage",
        ),
        ("max_duration", json!("6 months"), "max_duration"),
        ("valid_for", json!("P1.5Y"), "valid_for"),
        ("valid_for", json!("forever"), "valid_for"),
        ("isced_f", json!(["0688", "9999"]), "isced_f[1]"),
        ("title", json!({"en": "Title", "zz": "Titre"}), "title.zz"),
        ("title", json!({"fr": "Titre"}), "title"),
        (
            "learning_outcomes",
            json!([{"title": "Outcome", "esco_skills": ["https://example.org/skill/1"]}]),
            "learning_outcomes[0].esco_skills[0]",
        ),
        (
            "nqf",
            json!({"iri": "not an iri", "label": "Level 6", "scheme": "http://data.europa.eu/snb/qdr/25831c2"}),
            "nqf.iri",
        ),
        (
            "display.image",
            json!({"content": "!!!not base64", "content_type": "PNG"}),
            "display.image.content",
        ),
        (
            "display.image",
            json!({"content": "aGVsbG8=", "content_type": "PNG"}),
            "display.image.content",
        ),
        (
            "display.image",
            json!({"content": "aGVsbG8=", "content_type": "image/gif"}),
            "display.image.content_type",
        ),
    ];
    for (path, value, field) in cases {
        let mut template = demo_template_json();
        set(&mut template, path, value.clone());
        let template = template_from(&template).unwrap_or_else(|e| panic!("{path}: {e}"));
        let err = template.validate().expect_err(path);
        assert_eq!(err.code(), "issue.invalid_field", "{path}: {err}");
        assert_eq!(err.field(), Some(*field), "{path} = {value}: {err}");
        assert!(err.to_string().contains("expected"), "{err}");
    }
}

#[test]
fn names_codes_and_publications_office_codes_are_accepted() {
    let mut template = demo_template_json();
    set(&mut template, "language", json!("ENG"));
    set(&mut template, "mode", json!("Presential"));
    set(&mut template, "setting", json!("formal"));
    set(&mut template, "assessment.type", json!("6e6cb2cc78"));
    set(&mut template, "awarding_body.country", json!("IRL"));
    set(
        &mut template,
        "quality_assurance.type",
        json!("Institutional Quality Assurance"),
    );
    let credential = issue(
        &template_from(&template).expect("reads"),
        &issue::demo_learner(),
    )
    .expect("issues");
    let spec = achievement(&credential)
        .specified_by
        .as_ref()
        .expect("spec");
    assert_eq!(
        spec.mode[0].id.as_deref(),
        Some("http://data.europa.eu/snb/learning-assessment/9191af2ed9")
    );
    let kind = achievement(&credential).proven_by[0]
        .specified_by
        .as_ref()
        .and_then(|s| s.dc_type.as_ref());
    assert_eq!(
        kind.and_then(|c| c.pref_label.get("en")),
        Some("written examination")
    );
}

#[test]
fn an_nqf_level_is_written_as_a_concept_with_its_scheme() {
    let mut template = demo_template_json();
    let nqf = json!({"iri": "http://data.europa.eu/snb/qdr/c_c392e7a2", "label": "RQF Level 6", "scheme": "http://data.europa.eu/snb/qdr/25831c2"});
    set(&mut template, "nqf", nqf);
    let credential = issue(
        &template_from(&template).expect("reads"),
        &issue::demo_learner(),
    )
    .expect("issues");
    let level = &achievement(&credential)
        .specified_by
        .as_ref()
        .expect("spec")
        .nqf_level[0];
    assert_eq!(
        level.id.as_deref(),
        Some("http://data.europa.eu/snb/qdr/c_c392e7a2")
    );
    assert_eq!(
        level.in_scheme.as_ref().and_then(|s| s.id.as_deref()),
        Some("http://data.europa.eu/snb/qdr/25831c2")
    );
    assert_eq!(level.pref_label.get("en"), Some("RQF Level 6"));
}

// ---------------------------------------------------------------------------------------------
// Template syntax

#[test]
fn unknown_keys_are_syntax_errors_naming_the_key() {
    let mut template = demo_template_json();
    set(&mut template, "titel", json!("typo"));
    let err = template_from(&template).expect_err("unknown key");
    assert_eq!(err.code(), "issue.template_syntax");
    assert!(err.to_string().contains("titel"), "{err}");

    let mut nested = demo_template_json();
    set(&mut nested, "awarding_body.contry", json!("IE"));
    let err = template_from(&nested).expect_err("unknown nested key");
    assert_eq!(err.code(), "issue.template_syntax");
    assert!(err.to_string().contains("contry"), "{err}");

    let toml = example("course.toml").replace("\nhours = 75", "\nhuors = 75");
    let err = CourseTemplate::from_toml(&toml).expect_err("unknown TOML key");
    assert_eq!(err.code(), "issue.template_syntax");
    assert!(err.to_string().contains("huors"), "{err}");
    let line = example("course.toml")
        .lines()
        .position(|l| l.starts_with("hours"))
        .expect("hours line")
        + 1;
    assert!(
        matches!(err, IssueError::TemplateSyntax { line: Some(l), .. } if l == line),
        "{err:?}"
    );

    let toml = example("course.toml").replace("[assessment]\n", "[assessment]\ngrade_scale = 20\n");
    let err = CourseTemplate::from_toml(&toml).expect_err("unknown key in a table");
    assert!(err.to_string().contains("grade_scale"), "{err}");

    let err = CourseTemplate::from_json(r#"{"title": "Unclosed""#).expect_err("bad JSON");
    assert_eq!(err.code(), "issue.template_syntax");
    let err = CourseTemplate::from_toml("title = ").expect_err("bad TOML");
    assert_eq!(err.code(), "issue.template_syntax");
}

#[test]
fn a_typo_inside_a_detailed_learning_outcome_is_named() {
    let mut template = demo_template_json();
    set(
        &mut template,
        "learning_outcomes",
        json!([{"title": "Outcome", "esco_skill": []}]),
    );
    let err = template_from(&template).expect_err("typo");
    assert_eq!(err.code(), "issue.template_syntax");
    assert!(err.to_string().contains("esco_skill"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Learner records

#[test]
fn learner_record_problems_name_the_field() {
    /// (fields removed, fields changed, expected code, expected field)
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, Value)], &'a str, &'a str);
    let cases: &[Case] = &[
        (
            &["completion_date"],
            &[],
            "issue.missing_field",
            "completion_date",
        ),
        (
            &["given_name", "family_name"],
            &[],
            "issue.missing_field",
            "given_name, family_name or full_name",
        ),
        (
            &["date_of_birth", "email", "student_id"],
            &[],
            "issue.missing_field",
            "date_of_birth, national_id, email or student_id",
        ),
        (
            &[],
            &[("national_id", json!("X-1"))],
            "issue.missing_field",
            "national_id_country",
        ),
        (
            &[],
            &[
                ("national_id", json!("X-1")),
                ("national_id_country", json!("QQ")),
            ],
            "issue.invalid_field",
            "national_id_country",
        ),
        (
            &[],
            &[("email", json!("not an address"))],
            "issue.invalid_field",
            "email",
        ),
        (
            &[],
            &[("date_of_birth", json!("01/02/2000"))],
            "issue.invalid_field",
            "date_of_birth",
        ),
        (
            &[],
            &[("date_of_birth", json!("2026-01-10"))],
            "issue.invalid_field",
            "date_of_birth",
        ),
        (
            &[],
            &[("completion_date", json!("2026-02-30"))],
            "issue.invalid_field",
            "completion_date",
        ),
        (
            &[],
            &[("completion_date", json!("2026-01-16"))],
            "issue.invalid_field",
            "completion_date",
        ),
    ];
    for (removed, changed, code, field) in cases {
        let mut learner = demo_learner_json();
        for path in *removed {
            remove(&mut learner, path);
        }
        for (path, value) in *changed {
            set(&mut learner, path, value.clone());
        }
        let err = issue(&issue::demo_template(), &learner_from(&learner)).expect_err(field);
        assert_eq!((err.code(), err.field()), (*code, Some(*field)), "{err}");
        assert_eq!(err.input(), Some(issue::Input::Learner));
    }
}

#[test]
fn one_identifier_is_enough() {
    for keep in ["date_of_birth", "email", "student_id"] {
        let mut learner = demo_learner_json();
        for other in ["date_of_birth", "email", "student_id"]
            .into_iter()
            .filter(|f| *f != keep)
        {
            remove(&mut learner, other);
        }
        let credential = issue(&issue::demo_template(), &learner_from(&learner))
            .unwrap_or_else(|e| panic!("{keep}: {e}"));
        assert_eq!(profile_errors(&credential), Vec::<String>::new(), "{keep}");
    }
}

#[test]
fn numbers_in_a_record_read_as_text() {
    let record = LearnerRecord::from_json(
        r#"{"given_name": "Ada", "family_name": "Example", "student_id": 12345, "grade": 8.5, "completion_date": "2025-06-01"}"#,
    )
    .expect("numbers are accepted for identifiers and grades");
    assert_eq!(record.student_id.as_deref(), Some("12345"));
    assert_eq!(record.grade.as_deref(), Some("8.5"));
    record.validate().expect("valid");
}

#[test]
fn unknown_learner_keys_are_syntax_errors() {
    let err = LearnerRecord::from_json(r#"{"given_name": "Ada", "birthday": "2000-01-01"}"#)
        .expect_err("unknown key");
    assert_eq!(err.code(), "issue.learner_syntax");
    assert!(err.to_string().contains("birthday"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// No personal data in errors

#[test]
fn error_messages_never_repeat_learner_values() {
    let secrets = [
        "Zebulon",
        "Quetzalcoatl",
        "1987-03-14",
        "zq@nowhere",
        "SECRET-ID-4242",
        "99 points",
    ];
    let base = json!({
        "given_name": "Zebulon",
        "family_name": "Quetzalcoatl",
        "date_of_birth": "1987-03-14",
        "national_id": "SECRET-ID-4242",
        "national_id_country": "IE",
        "grade": "99 points",
        "completion_date": "2025-06-01",
    });
    let mut broken: Vec<Value> = Vec::new();
    for (key, value) in [
        ("email", json!("zq@nowhere")),
        ("date_of_birth", json!("1987-03-14x")),
        ("completion_date", json!("2099-01-01")),
        ("national_id_country", json!("Quetzalcoatl")),
        ("completion_date", json!("1987-03-14")),
    ] {
        let mut record = base.clone();
        set(&mut record, key, value);
        broken.push(record);
    }
    let mut errors: Vec<IssueError> = broken
        .iter()
        .map(|r| issue(&issue::demo_template(), &learner_from(r)).expect_err("broken record"))
        .collect();
    // Syntax errors: serde_json would quote the value in "invalid type: string ...".
    for text in [
        r#"{"given_name": ["Zebulon"], "family_name": "Quetzalcoatl"}"#,
        r#"{"given_name": "Zebulon", "family_name": {"x": "Quetzalcoatl"}}"#,
        r#"{"date_of_birth": [19870314], "given_name": "Zebulon"}"#,
        r#"{"given_name": "Zebulon", "grade": true}"#,
        r#"{"given_name": "Zebulon" "family_name": "Quetzalcoatl"}"#,
    ] {
        errors.push(LearnerRecord::from_json(text).expect_err("bad JSON"));
    }
    assert_eq!(errors.len(), 10);
    for err in &errors {
        let message = format!("{err} {err:?}");
        for secret in secrets.iter().chain(["19870314"].iter()) {
            assert!(!message.contains(secret), "{message} repeats {secret}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Issue 9: hardening

/// Issue 9 item 3: a date-time without a time zone is read as UTC, so the date checks run on it.
#[test]
fn a_date_time_without_a_time_zone_is_still_checked() {
    let template = issue::demo_template();
    let check = |changes: &[(&str, &str)]| {
        let mut learner = demo_learner_json();
        for (key, value) in changes {
            set(&mut learner, key, json!(value));
        }
        issue(&template, &learner_from(&learner))
    };
    // Later than the issue time (2026-01-15T10:00:00Z), with and without a zone.
    for late in [
        "2999-01-01T10:00:00",
        "2999-01-01T10:00:00Z",
        "2026-01-15T10:00:01",
    ] {
        let err = check(&[("completion_date", late)]).expect_err(late);
        assert_eq!(
            (err.code(), err.field()),
            ("issue.invalid_field", Some("completion_date")),
            "{late}: {err}"
        );
    }
    // Born after completing the course, whichever of the two has a zone.
    for (born, done) in [
        ("2025-06-02T00:00:00", "2025-06-01T10:00:00"),
        ("2025-06-02", "2025-06-01T10:00:00"),
        ("2025-06-02T00:00:00", "2025-06-01T10:00:00+02:00"),
        ("2025-06-01T10:00:00", "2025-06-01T10:00:00Z"),
    ] {
        let err = check(&[("date_of_birth", born), ("completion_date", done)])
            .expect_err("born after completion");
        assert_eq!(
            (err.code(), err.field()),
            ("issue.invalid_field", Some("date_of_birth")),
            "{born} / {done}: {err}"
        );
    }
    // A date-time that names no instant is refused, not skipped.
    let err = check(&[("completion_date", "2025-06-01T10:00:60")]).expect_err("no such second");
    assert_eq!(err.field(), Some("completion_date"), "{err}");
    // Accepted without a zone, it is written with one.
    let credential = check(&[
        ("completion_date", "2025-06-01T10:00:00"),
        ("date_of_birth", "2000-02-03T04:05:06"),
    ])
    .expect("a local date-time in the past");
    let awarded = achievement(&credential)
        .awarded_by
        .as_ref()
        .and_then(|a| a.awarding_date.as_ref())
        .map(|d| d.as_str().to_owned());
    assert_eq!(awarded.as_deref(), Some("2025-06-01T10:00:00Z"));
    let born = credential
        .credential_subject
        .as_ref()
        .and_then(|s| s.date_of_birth.as_ref())
        .map(|d| d.as_str().to_owned());
    assert_eq!(born.as_deref(), Some("2000-02-03T04:05:06Z"));
}

/// Issue 9 item 5: numbers in a JSON learner record keep the text they were written with.
#[test]
fn numbers_in_a_json_record_keep_their_digits() {
    let record = LearnerRecord::from_json(
        r#"{"given_name": "Ada", "family_name": "Example", "student_id": 12345678901234567890123,
            "grade": 15.50, "certificate_number": 1e3, "national_id": -0, "national_id_country": "IE",
            "completion_date": "2025-06-01"}"#,
    )
    .expect("numbers are read as their text");
    assert_eq!(
        record.student_id.as_deref(),
        Some("12345678901234567890123")
    );
    assert_eq!(record.grade.as_deref(), Some("15.50"));
    assert_eq!(record.certificate_number.as_deref(), Some("1e3"));
    assert_eq!(record.national_id.as_deref(), Some("-0"));
    let credential = issue(&issue::demo_template(), &record).expect("issued");
    let text = microcred::json::to_string_pretty(&credential);
    assert!(text.contains("\"12345678901234567890123\""), "{text}");
    assert!(text.contains("\"15.50\""));
    // Other kinds of value are refused, naming the key and not the value.
    for (text, key) in [
        (r#"{"grade": true}"#, "grade"),
        (r#"{"student_id": [1, 2]}"#, "student_id"),
        (r#"{"email": {"a": "b"}}"#, "email"),
    ] {
        let err = LearnerRecord::from_json(text).expect_err(text);
        assert_eq!(err.code(), "issue.learner_syntax", "{err}");
        assert!(err.to_string().contains(&format!("`{key}`")), "{err}");
    }
    // A key given twice is refused, not silently overwritten.
    let err = LearnerRecord::from_json(r#"{"grade": "A", "grade": "B"}"#).expect_err("twice");
    assert!(err.to_string().contains("grade"), "{err}");
    assert!(!err.to_string().contains("\"A\""), "{err}");
}

/// Issue 9 item 7: an expired quality assurance is refused when issuing and reported by the
/// profile check, with the rule the Verifier applies (`accreditation.expired`).
#[test]
fn an_expired_quality_assurance_is_refused_everywhere() {
    let field = Some("quality_assurance.valid_until");
    // Expiring before it was issued: a problem of the template itself.
    let mut value = demo_template_json();
    set(&mut value, "quality_assurance.issued", json!("2024-05-14"));
    set(
        &mut value,
        "quality_assurance.valid_until",
        json!("2024-05-13"),
    );
    let template = template_from(&value).expect("reads");
    let problems = template.problems();
    assert!(
        problems
            .iter()
            .any(|p| p.code() == "issue.invalid_field" && p.field() == field),
        "{problems:?}"
    );
    assert_eq!(
        issue(&template, &issue::demo_learner())
            .expect_err("expired")
            .field(),
        field
    );

    // Expired by the issue time (2026-01-15), without a time zone too.
    for until in ["2025-12-31", "2026-01-15T09:59:59", "2026-01-15T09:59:59Z"] {
        let mut value = demo_template_json();
        set(&mut value, "quality_assurance.valid_until", json!(until));
        let template = template_from(&value).expect("reads");
        assert_eq!(
            template.problems(),
            Vec::new(),
            "{until}: no clock, no problem"
        );
        let issuance = Issuance::new(&template).expect("no clock, no problem");
        let problems = issuance.problems_at(context().now);
        assert_eq!(problems.len(), 1, "{until}: {problems:?}");
        assert_eq!(problems[0].field(), field);
        let err = issuance
            .issue(&issue::demo_learner(), context())
            .expect_err(until);
        assert_eq!(err.field(), field, "{until}: {err}");
    }
    // Still valid at the issue time: issued.
    let mut value = demo_template_json();
    set(
        &mut value,
        "quality_assurance.valid_until",
        json!("2026-01-15T10:00:00Z"),
    );
    issue(
        &template_from(&value).expect("reads"),
        &issue::demo_learner(),
    )
    .expect("valid until now");

    // The profile check: an accreditation that had expired when the credential was issued, or
    // that expires before it was issued, is an error that blocks sealing.
    let path = "$.credentialSubject.hasClaim.specifiedBy.accreditation.expiryDate";
    for (date_issued, expiry) in [
        (None, "2026-01-14T00:00:00Z"),
        (None, "2026-01-15T09:00:00"),
        (Some("2024-05-14"), "2024-05-13"),
        (Some("2027-01-01T00:00:00Z"), "2026-06-01T00:00:00Z"),
    ] {
        let mut credential = issue::demo_credential();
        let claim = credential
            .credential_subject
            .as_mut()
            .and_then(|s| s.has_claim.first_mut());
        let Some(microcred::model::Claim::Achievement(achievement)) = claim else {
            panic!("the demo claims an achievement");
        };
        let spec = achievement.specified_by.as_mut().expect("specification");
        let accreditation = spec.accreditation.first_mut().expect("accreditation");
        accreditation.date_issued = date_issued.map(|d| d.parse().expect("date"));
        accreditation.expiry_date = Some(expiry.parse().expect("date"));
        let findings = profile::check(&credential);
        assert!(
            findings
                .iter()
                .any(|f| f.code == "edc.accreditation.expired"
                    && f.path == path
                    && f.severity == Severity::Error),
            "{expiry}: {findings:?}"
        );
        let gate = profile::check_for_sealing(&credential, profile::SealingPolicy::edc());
        assert_eq!(
            gate.refusal.map(|r| r.code()),
            Some("seal.refused.edc_profile")
        );
    }
    let credential = issue::demo_credential();
    assert!(
        !profile::check(&credential)
            .iter()
            .any(|f| f.code == "edc.accreditation.expired")
    );
}

/// Issue 9 item 6: template text has limits consistent with the reader's, checked when the
/// template is read, so that `issue` never writes a credential microcred cannot read back.
#[test]
fn templates_cannot_give_credentials_too_large_to_read_back() {
    use microcred::issue::limits;
    // A 4 MB title (which gave a 17.4 MB credential): named, before any learner.
    let mut value = demo_template_json();
    set(&mut value, "title", json!("T".repeat(4_000_000)));
    let template = template_from(&value).expect("reads");
    let problems = template.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        (problems[0].code(), problems[0].field()),
        ("issue.too_long", Some("title"))
    );
    assert!(problems[0].to_string().contains("1000"), "{}", problems[0]);
    // The same in another language, and in a long text.
    let mut value = demo_template_json();
    set(
        &mut value,
        "description",
        json!({"en": "ok", "ga": "d".repeat(20_001)}),
    );
    let problems = template_from(&value).expect("reads").problems();
    assert_eq!(problems[0].field(), Some("description.ga"), "{problems:?}");
    // Longest allowed values pass.
    let mut value = demo_template_json();
    set(
        &mut value,
        "title",
        json!("T".repeat(limits::MAX_TITLE_CHARS)),
    );
    set(
        &mut value,
        "description",
        json!("d".repeat(limits::MAX_TEXT_CHARS)),
    );
    assert_eq!(template_from(&value).expect("reads").problems(), Vec::new());

    // Fields each within their limit that together give too large a credential: the display
    // image is written on every page, one page per display language.
    let mut image = b"\x89PNG\r\n\x1a\n".to_vec();
    image.resize(3 * 1024 * 1024 - 1024, 0);
    let content = base64::engine::general_purpose::STANDARD.encode(&image);
    assert!(content.len() <= limits::MAX_IMAGE_CHARS);
    let mut value = demo_template_json();
    set(
        &mut value,
        "display.image",
        json!({"content": content, "content_type": "PNG"}),
    );
    let one_page = template_from(&value).expect("reads");
    assert_eq!(one_page.problems(), Vec::new());
    let credential = issue(&one_page, &issue::demo_learner()).expect("one page fits");
    let bytes = microcred::json::to_string_pretty(&credential);
    assert!(bytes.len() <= limits::MAX_CREDENTIAL_BYTES);
    microcred::json::parse(bytes.as_bytes()).expect("read back");
    set(
        &mut value,
        "display.title",
        json!({"en": "Data literacy", "ga": "Litearthacht sonraí", "fr": "Culture des données"}),
    );
    let problems = template_from(&value).expect("reads").problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].code(), "issue.credential_too_large");
    let err = issue(
        &template_from(&value).expect("reads"),
        &issue::demo_learner(),
    )
    .expect_err("too large");
    assert_eq!(err.code(), "issue.credential_too_large");

    // The template file itself.
    let huge = format!("title = \"{}\"", "x".repeat(limits::MAX_TEMPLATE_BYTES));
    let err = CourseTemplate::from_toml(&huge).expect_err("too large");
    assert_eq!(err.code(), "issue.template_too_large");

    // Learner fields: named, never repeated.
    let mut learner = demo_learner_json();
    set(
        &mut learner,
        "family_name",
        json!("Q".repeat(limits::MAX_LEARNER_CHARS + 1)),
    );
    let err = issue(&issue::demo_template(), &learner_from(&learner)).expect_err("too long");
    assert_eq!(
        (err.code(), err.field()),
        ("issue.too_long", Some("family_name"))
    );
    assert!(!err.to_string().contains("QQ"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Learner files (CSV)

const HEADER: &str = "given_name,family_name,email,grade,completion_date";

fn table(bytes: &[u8]) -> Result<LearnerTable, Vec<IssueError>> {
    LearnerTable::from_csv(bytes)
}

fn codes(errors: &[IssueError]) -> Vec<&'static str> {
    errors.iter().map(IssueError::code).collect()
}

/// Issue 9 item 4: a file that is not UTF-8 is refused with the line, never read by position;
/// UTF-8 with or without a byte order mark reads the same.
#[test]
fn a_learner_file_must_be_utf8() {
    let plain = format!("{HEADER}\nZoë,Ñúñez,z@example.org,Pass,2025-06-01\n");
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), plain.as_bytes()].concat();
    let read = table(plain.as_bytes()).expect("UTF-8");
    assert_eq!(read, table(&with_bom).expect("UTF-8 with a BOM"));
    assert_eq!(
        read.rows[0]
            .record
            .as_ref()
            .expect("record")
            .given_name
            .as_deref(),
        Some("Zoë")
    );

    // A header that is not UTF-8 (here Latin-1): refused at line 1, not mapped by position.
    let mut latin1_header = b"given_name,family_name\xE9,email,grade,completion_date\n".to_vec();
    latin1_header.extend_from_slice(b"Ann,Bee,a@example.org,Pass,2025-06-01\n");
    let errors = table(&latin1_header).expect_err("not UTF-8");
    assert_eq!(codes(&errors), ["issue.csv.encoding"]);
    assert_eq!(errors[0].line(), Some(1));
    // A row further down: its line, counting blank lines.
    let latin1_row = [
        plain.as_bytes(),
        b"\nAnn,M\xFCller,a@example.org,Pass,2025-06-01\n".as_slice(),
    ]
    .concat();
    let errors = table(&latin1_row).expect_err("not UTF-8");
    assert_eq!(
        (errors[0].code(), errors[0].line()),
        ("issue.csv.encoding", Some(4))
    );
    assert!(errors[0].to_string().contains("UTF-8"), "{}", errors[0]);
    // UTF-16, with and without a byte order mark, either byte order.
    let utf16le: Vec<u8> = plain.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16be: Vec<u8> = plain.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [
        ("LE with BOM", [b"\xFF\xFE".as_slice(), &utf16le].concat()),
        ("BE with BOM", [b"\xFE\xFF".as_slice(), &utf16be].concat()),
        ("LE", utf16le.clone()),
        ("BE", utf16be.clone()),
    ] {
        let errors = table(&bytes).expect_err(name);
        assert_eq!(codes(&errors), ["issue.csv.encoding"], "{name}");
        assert!(
            errors[0].to_string().contains("UTF-16"),
            "{name}: {}",
            errors[0]
        );
        assert!(
            !errors[0].to_string().contains("date_of_birth"),
            "{}",
            errors[0]
        );
    }
}

/// Issue 9 item 14: rows know the line they start on in the file, blank lines included, and
/// problems name the column.
#[test]
fn rows_carry_their_line_in_the_file() {
    let text = format!(
        "\n{HEADER}\n\nAnn,Bee,a@example.org,Pass,2025-06-01\n\n\nCy,Dee,not-an-address,Pass,2025-06-01\n\"Multi\nline\",Eff,e@example.org,Pass,2025-06-01\nGee,Aitch,g@example.org,Pass\n,,,,\n"
    );
    let read = table(text.as_bytes()).expect("reads");
    let lines: Vec<usize> = read.rows.iter().map(|r| r.line).collect();
    assert_eq!(
        lines,
        [4, 7, 8, 10],
        "the all-blank row on line 11 is skipped"
    );
    let err = read.rows[3].record.as_ref().expect_err("four fields");
    assert_eq!(
        (err.code(), err.line()),
        ("issue.csv.field_count", Some(10))
    );
    assert!(
        err.to_string()
            .contains("4 field(s) where the header has 5"),
        "{err}"
    );
    // The bad email of line 7 is in column 3.
    let record = read.rows[1].record.as_ref().expect("a record");
    let err = issue(&issue::demo_template(), record).expect_err("bad email");
    assert_eq!(err.field(), Some("email"));
    assert_eq!(read.column_of("email"), Some(3));
    assert_eq!(read.column_of("student_id"), None);
}

/// Issue 9 item 13 and the messages: header problems are found once, all of them, before any
/// row; a semicolon-separated file is read as such.
#[test]
fn header_problems_are_reported_once_and_together() {
    let rows = "\nAnn,Bee,,a@example.org,Pass,2025-06-01,x\n".repeat(50);
    let text = format!("given_name,famly_name,,email,grade,completion_date,email{rows}");
    let errors = table(text.as_bytes()).expect_err("bad header");
    assert_eq!(
        codes(&errors),
        [
            "issue.csv.unknown_column",
            "issue.csv.empty_column",
            "issue.csv.duplicate_column"
        ]
    );
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        messages[0].contains("column 2") && messages[0].contains("`family_name`"),
        "{}",
        messages[0]
    );
    assert!(
        !messages[0].contains("famly"),
        "the header's text is not echoed"
    );
    assert!(messages[1].contains("column 3"), "{}", messages[1]);
    assert!(
        messages[2].contains("column 7") && messages[2].contains("column 4"),
        "{}",
        messages[2]
    );

    // Required columns.
    let errors = table(b"grade,email\nPass,a@example.org\n").expect_err("no names");
    assert_eq!(
        codes(&errors),
        ["issue.csv.missing_column", "issue.csv.missing_column"]
    );
    assert!(
        errors[0]
            .to_string()
            .contains("given_name, family_name or full_name")
    );
    assert!(errors[1].to_string().contains("completion_date"));
    // No header at all: the first row is a learner.
    let errors = table(b"Ann,Bee,a@example.org,Pass,2025-06-01\n").expect_err("no header");
    assert_eq!(codes(&errors), ["issue.csv.no_header"]);
    assert!(!errors[0].to_string().contains("Ann"));
    // The template decides whether `grade` is needed.
    let no_grade =
        table(b"given_name,family_name,email,completion_date\nAnn,Bee,a@example.org,2025-06-01\n")
            .expect("reads");
    let issuance = Issuance::new(&issue::demo_template()).expect("valid");
    assert_eq!(
        codes(&issuance.table_problems(&no_grade)),
        ["issue.csv.missing_column"]
    );
    let mut with_default = demo_template_json();
    set(&mut with_default, "default_grade", json!("Pass"));
    let issuance = Issuance::new(&template_from(&with_default).expect("reads")).expect("valid");
    assert_eq!(issuance.table_problems(&no_grade), Vec::new());

    // Semicolons and tabs, and header names as people write them.
    for (separator, header) in [
        (';', "Given Name;family-name;EMAIL;grade;completion_date"),
        (
            '\t',
            "given_name\tfamily_name\temail\tgrade\tcompletion_date",
        ),
    ] {
        let text = format!(
            "{header}\nAnn{separator}Bee{separator}a@example.org{separator}15,5{separator}2025-06-01\n"
        );
        let read = table(text.as_bytes()).expect("reads");
        assert_eq!(read.separator(), separator);
        let record = read.rows[0].record.as_ref().expect("record");
        assert_eq!(record.grade.as_deref(), Some("15,5"));
        assert_eq!(record.family_name.as_deref(), Some("Bee"));
    }
}

#[test]
fn an_empty_learner_file_is_reported() {
    for text in [
        "",
        "\n\n",
        "\u{FEFF}",
        &format!("{HEADER}\n"),
        &format!("{HEADER}\n,,,,\n\n"),
    ] {
        let errors = table(text.as_bytes()).expect_err(text);
        assert_eq!(codes(&errors), ["issue.csv.empty"], "{text:?}");
    }
}

#[test]
fn a_learner_twice_in_a_file_is_refused_the_second_time() {
    let text = "given_name,family_name,student_id,email,date_of_birth,grade,completion_date\n\
        Ann,Bee,r1,a@example.org,2000-01-01,Pass,2025-06-01\n\
        Cy,Dee,r2,c@example.org,2000-01-02,Pass,2025-06-01\n\
        Ann,Bee,r1,,,Pass,2025-06-01\n\
        Eve,Eff,r5,C@Example.org,,Pass,2025-06-01\n\
        ann,BEE,r9,,2000-01-01,Pass,2025-06-01\n\
        Gus,Gee,r7,g@example.org,2000-01-01,Pass,2025-06-01\n";
    let read = table(text.as_bytes()).expect("reads");
    let outcome: Vec<Option<(usize, &str)>> = read
        .rows
        .iter()
        .map(|row| match &row.record {
            Err(IssueError::DuplicateLearner {
                first_line, field, ..
            }) => Some((*first_line, *field)),
            Err(e) => panic!("{e}"),
            Ok(_) => None,
        })
        .collect();
    assert_eq!(
        outcome,
        [
            None,
            None,
            Some((2, "student_id")),
            Some((3, "email")),
            Some((2, "date_of_birth")),
            None
        ]
    );
    let err = read.rows[2].record.as_ref().expect_err("duplicate");
    assert_eq!(
        (err.code(), err.line()),
        ("issue.csv.duplicate_learner", Some(4))
    );
    assert!(!err.to_string().contains("r1"), "{err}");
}

/// The messages of template syntax errors are in the registrar's words: no Rust type names
/// ("expected u8", "untagged enum SkillRef", "struct AwardingBody").
#[test]
fn template_syntax_errors_name_no_rust_types() {
    let cases: &[(&str, Value)] = &[
        ("title", json!(5)),
        ("title", json!(["a"])),
        ("ects", json!("3")),
        ("ects", json!(true)),
        ("hours", json!(-1)),
        ("hours", json!(1.5)),
        ("hours", json!(5_000_000_000_u64)),
        ("eqf", json!(300)),
        ("eqf", json!("5")),
        ("eqf", json!(-3)),
        ("learning_outcomes", json!("x")),
        ("learning_outcomes", json!([5])),
        (
            "learning_outcomes",
            json!([{"title": "t", "esco_skills": [5]}]),
        ),
        (
            "learning_outcomes",
            json!([{"title": "t", "esco_skills": [{"iri": 5}]}]),
        ),
        ("nqf", json!("x")),
        ("isced_f", json!("003")),
        ("language", json!(5)),
        ("assessment", json!("x")),
        ("assessment.grading_scheme", json!(5)),
        ("quality_assurance", json!(5)),
        ("quality_assurance.agency", json!("x")),
        ("quality_assurance.decision", json!(5)),
        ("quality_assurance.issued", json!(5)),
        ("awarding_body", json!("x")),
        ("awarding_body.identifiers", json!("x")),
        ("awarding_body.identifiers", json!([5])),
        ("awarding_body.logo", json!(5)),
        ("display", json!(5)),
        ("display.image", json!("x")),
        ("is_partial", json!("yes")),
        ("supplementary_documents", json!(5)),
    ];
    let rust = [
        "u8", "u32", "u64", "i64", "f64", "usize", "struct", "enum", "untagged", "variant",
        "Option", "String", "Vec", "sequence", "SkillRef", "Outcome", "Text", "Template",
    ];
    for (path, value) in cases {
        let mut template = demo_template_json();
        set(&mut template, path, value.clone());
        let err = template_from(&template).expect_err(path);
        assert_eq!(err.code(), "issue.template_syntax", "{path}: {err}");
        let message = err.to_string();
        for word in rust {
            assert!(!message.contains(word), "{path} = {value}: {message}");
        }
        // TOML gives its own messages: the same rule holds.
        let toml = toml::to_string(&template_toml_value(&template)).expect("TOML");
        if let Err(err) = CourseTemplate::from_toml(&toml) {
            let message = err.to_string();
            for word in rust {
                assert!(
                    !message.contains(word),
                    "{path} = {value} (TOML): {message}"
                );
            }
        }
    }
    // The limit of `ects` is said.
    let mut template = demo_template_json();
    set(&mut template, "ects", json!(1000));
    let problems = template_from(&template).expect("reads").problems();
    assert!(
        problems[0].to_string().contains("at most 999"),
        "{}",
        problems[0]
    );
}

/// The JSON value as a TOML value (the template writes no nulls).
fn template_toml_value(value: &Value) -> toml::Value {
    toml::Value::try_from(value).expect("no nulls in the template")
}
