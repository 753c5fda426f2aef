//! The `microcred` command end to end, on the example files and the shared vectors.

use std::path::PathBuf;
use std::process::{Command, Output};

fn microcred(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_microcred"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("the microcred binary runs")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("microcred-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn demo_issues_a_credential_without_error_findings() {
    let out = microcred(&["demo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\"EuropeanDigitalCredential\""));
    assert!(stdout.contains("Profile check: 0 errors"), "{stdout}");
}

#[test]
fn issue_one_learner_to_standard_output() {
    let out = microcred(&[
        "issue",
        "--course",
        "examples/course.toml",
        "--learner",
        "examples/learner.json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let credential = microcred::parse(&out.stdout).expect("the output is a credential");
    assert!(!microcred::profile::has_errors(&microcred::check(
        &credential
    )));
}

#[test]
fn issue_a_batch_then_validate_it() {
    let dir = scratch("batch");
    let dir_arg = dir.to_string_lossy().into_owned();
    let out = microcred(&[
        "issue",
        "--course",
        "examples/course.json",
        "--learners",
        "examples/learners.csv",
        "--out",
        &dir_arg,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let files: Vec<String> = std::fs::read_dir(&dir)
        .expect("output folder")
        .map(|e| e.expect("entry").path().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 3);

    let mut args = vec!["validate", "--json"];
    args.extend(files.iter().map(String::as_str));
    let out = microcred(&args);
    assert!(out.status.success(), "{}", text(&out.stdout));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report.as_array().map(Vec::len), Some(3));
    assert!(
        report
            .as_array()
            .expect("array")
            .iter()
            .all(|r| r["valid"] == true)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn validate_fails_on_an_invalid_or_unreadable_file() {
    let out = microcred(&[
        "validate",
        "vectors/cases/mc.missing.learning_outcomes.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("mc.missing.learning_outcomes"));

    let out = microcred(&[
        "validate",
        "--json",
        "vectors/cases/json.truncated.json",
        "vectors/cases/valid-1.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report[0]["error"]["code"], "json.truncated");
    assert_eq!(report[1]["valid"], true);
}

#[test]
fn validate_before_sealing_tolerates_what_sealing_adds() {
    let file = "vectors/cases/edc.missing.eidas_identifier.json";
    assert_eq!(microcred(&["validate", file]).status.code(), Some(1));
    assert!(
        microcred(&["validate", "--before-sealing", file])
            .status
            .success()
    );
}

#[test]
fn a_broken_template_names_the_field_and_not_the_learner() {
    let dir = scratch("template");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let course =
        std::fs::read_to_string(repo().join("examples/course.json")).expect("example course");
    let mut course: serde_json::Value = serde_json::from_str(&course).expect("JSON");
    course["awarding_body"]
        .as_object_mut()
        .expect("awarding body")
        .remove("country");
    let path = dir.join("course.json");
    std::fs::write(&path, course.to_string()).expect("write");
    let out = microcred(&[
        "issue",
        "--course",
        &path.to_string_lossy(),
        "--learner",
        "examples/learner.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("issue.missing_field") && stderr.contains("awarding_body.country"),
        "{stderr}"
    );
    let learner = std::fs::read_to_string(repo().join("examples/learner.json")).expect("learner");
    let learner: serde_json::Value = serde_json::from_str(&learner).expect("JSON");
    assert!(!stderr.contains(learner["family_name"].as_str().expect("family name")));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn batch_rows_that_fail_are_reported_by_row_without_learner_data() {
    let dir = scratch("rows");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let csv = dir.join("learners.csv");
    std::fs::write(&csv, "given_name,family_name,email,completion_date,grade\nZyxwv,Qwerty,z@example.org,2025-06-01,Pass\nOnly,Name,,2025-06-01,Pass\n")
        .expect("write");
    let out_dir = dir.join("out");
    let out = microcred(&[
        "issue",
        "--course",
        "examples/course.toml",
        "--learners",
        &csv.to_string_lossy(),
        "--out",
        &out_dir.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("row 3"), "{stderr}");
    assert!(
        !stderr.contains("Only") && !stderr.contains("Zyxwv"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_dir(&out_dir).expect("out").count(), 1);
    let _ = std::fs::remove_dir_all(dir);
}

/// The course description shown in the README issues a valid credential.
#[test]
fn the_readme_course_description_works() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README");
    let start = readme.find("```toml\n").expect("a toml block") + "```toml\n".len();
    let block = &readme[start..start + readme[start..].find("```").expect("closed block")];
    let dir = scratch("readme");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let course = dir.join("course.toml");
    std::fs::write(&course, block).expect("write");
    let out = microcred(&[
        "issue",
        "--course",
        &course.to_string_lossy(),
        "--learner",
        "examples/learner.json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let credential = microcred::parse(&out.stdout).expect("a credential");
    let findings = microcred::check(&credential);
    assert!(!microcred::profile::has_errors(&findings), "{findings:#?}");
    let _ = std::fs::remove_dir_all(dir);
}

/// `convert` turns a credential into RDF/XML and back without changing it, and writes N-Quads.
#[test]
fn convert_to_rdf_xml_and_back() {
    let dir = scratch("convert");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let xml = dir.join("credential.rdf");
    let back = dir.join("credential.jsonld");
    let out = microcred(&[
        "convert",
        "vectors/cases/valid-1.json",
        "--to",
        "xml",
        "--out",
        &xml.to_string_lossy(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        std::fs::read_to_string(&xml)
            .expect("xml")
            .contains("<rdf:RDF")
    );
    let out = microcred(&[
        "convert",
        &xml.to_string_lossy(),
        "--to",
        "jsonld",
        "--out",
        &back.to_string_lossy(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let original = microcred::parse(
        &std::fs::read(repo().join("vectors/cases/valid-1.json")).expect("vector"),
    )
    .expect("reads");
    let again = microcred::parse(&std::fs::read(&back).expect("converted")).expect("reads");
    assert_eq!(again, original);

    let out = microcred(&["convert", "vectors/cases/valid-1.json", "--to", "canonical"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let nquads = text(&out.stdout);
    assert!(nquads.lines().all(|l| l.ends_with(" .")), "N-Quads lines");
    assert!(nquads.contains("<http://data.europa.eu/snb/model/elm/EuropeanDigitalCredential>"));
    let _ = std::fs::remove_dir_all(dir);
}

/// A DTD in XML input is refused, not expanded.
#[test]
fn convert_refuses_xml_entities() {
    let dir = scratch("xxe");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let bomb = dir.join("bomb.rdf");
    std::fs::write(&bomb, "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">&lol2;</rdf:RDF>\n").expect("write");
    let out = microcred(&["convert", &bomb.to_string_lossy(), "--to", "jsonld"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("xml.dtd_forbidden"),
        "{}",
        text(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(dir);
}
