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
    assert!(
        stdout.contains("Profile check before sealing: 0 errors"),
        "{stdout}"
    );
    assert!(stdout.contains("demo credential: VALID"), "{stdout}");
    assert!(stdout.contains("trust.qualified"), "{stdout}");
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
    assert!(stderr.contains("line 3"), "{stderr}");
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

#[test]
fn seal_then_verify_with_the_test_pki() {
    let dir = scratch("seal");
    std::fs::create_dir_all(&dir).unwrap();
    let credential = dir.join("credential.jsonld");
    let out = microcred(&[
        "issue",
        "--course",
        "examples/course.toml",
        "--learner",
        "examples/learner.json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::write(&credential, &out.stdout).unwrap();

    let at = "2026-01-15T10:00:00Z";
    for (key, alg) in [
        ("eseal-rsa", "RS256"),
        ("eseal-p256", "ES256"),
        ("eseal-ed25519", "EdDSA"),
    ] {
        let sealed = dir.join(format!("{key}.jsonld"));
        let out = microcred(&[
            "seal",
            credential.to_str().unwrap(),
            "--key",
            &format!("vectors/pki/{key}.key.pem"),
            "--cert",
            &format!("vectors/pki/{key}.chain.pem"),
            "--at",
            at,
            "--out",
            sealed.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{key}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains(alg), "{}", text(&out.stderr));

        let out = microcred(&[
            "verify",
            sealed.to_str().unwrap(),
            "--trust",
            "vectors/pki/root-ca.pem",
            "--json",
        ]);
        assert!(out.status.success(), "{key}: {}", text(&out.stdout));
        let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(reports[0]["verdict"], "valid");
        assert_eq!(reports[0]["seal"]["algorithm"], alg);

        // Without the anchor the seal holds but nobody vouches for it: exit code 3.
        let out = microcred(&["verify", sealed.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(3), "{}", text(&out.stdout));
        assert!(text(&out.stdout).contains("INDETERMINATE"));
    }

    // The trust anchor may be given as DER as well as PEM.
    let pem = std::fs::read(repo().join("vectors/pki/root-ca.pem")).unwrap();
    let der = openssl::x509::X509::from_pem(&pem)
        .unwrap()
        .to_der()
        .unwrap();
    let der_file = dir.join("root-ca.der");
    std::fs::write(&der_file, der).unwrap();
    let out = microcred(&[
        "verify",
        dir.join("eseal-p256.jsonld").to_str().unwrap(),
        "--trust",
        der_file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stdout));

    // A sealed file is not sealed again: the reader refuses it with its code.
    let out = microcred(&[
        "seal",
        dir.join("eseal-p256.jsonld").to_str().unwrap(),
        "--key",
        "vectors/pki/eseal-p256.key.pem",
        "--cert",
        "vectors/pki/eseal-p256.chain.pem",
        "--out",
        dir.join("twice.jsonld").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("json.sealed_input"),
        "{}",
        text(&out.stderr)
    );

    // One changed character in the payload: invalid, exit code 1, and no learner data printed.
    let sealed = std::fs::read_to_string(dir.join("eseal-p256.jsonld")).unwrap();
    let tampered = dir.join("tampered.jsonld");
    let changed = sealed.replacen("Community Engagement", "Community Engagemenx", 1);
    assert_ne!(changed, sealed);
    std::fs::write(&tampered, changed).unwrap();
    let out = microcred(&[
        "verify",
        tampered.to_str().unwrap(),
        "--trust",
        "vectors/pki/root-ca.pem",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("seal.signature_mismatch"), "{stdout}");
    let learner = std::fs::read_to_string(repo().join("examples/learner.json")).unwrap();
    let learner: serde_json::Value = serde_json::from_str(&learner).unwrap();
    for value in learner
        .as_object()
        .unwrap()
        .values()
        .filter_map(|v| v.as_str())
    {
        if value.len() > 3 && value != "Pass" {
            assert!(!stdout.contains(value), "the report shows learner data");
        }
    }
}

#[test]
fn seal_refuses_a_credential_with_errors_and_a_wrong_key() {
    let dir = scratch("seal-refuse");
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.jsonld");
    std::fs::write(
        &broken,
        r#"{"credential": {"type": ["VerifiableCredential", "EuropeanDigitalCredential"]}}"#,
    )
    .unwrap();
    let out = microcred(&[
        "seal",
        broken.to_str().unwrap(),
        "--key",
        "vectors/pki/eseal-p256.key.pem",
        "--cert",
        "vectors/pki/eseal-p256.chain.pem",
        "--out",
        dir.join("out.jsonld").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("seal.refused.edc_profile"),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.join("out.jsonld").exists());

    // The key of one certificate with the chain of another.
    let credential = dir.join("credential.jsonld");
    std::fs::write(&credential, microcred::issue::demo_credential_json()).unwrap();
    let out = microcred(&[
        "seal",
        credential.to_str().unwrap(),
        "--key",
        "vectors/pki/eseal-expired.key.pem",
        "--cert",
        "vectors/pki/eseal-p256.chain.pem",
        "--out",
        dir.join("out.jsonld").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("seal.key_mismatch"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn verify_the_ec_samples_offline() {
    let sample =
        repo().join("../shared/upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld");
    if !sample.exists() {
        eprintln!("skipped: ../shared is absent");
        return;
    }
    let out = microcred(&[
        "verify",
        sample.to_str().unwrap(),
        "--at",
        "2026-11-23T12:00:00Z",
    ]);
    let stdout = text(&out.stdout);
    // The seal holds; the issuing CA is not configured, so the issuer is undecided.
    assert_eq!(out.status.code(), Some(3), "{stdout}");
    assert!(stdout.contains("seal.ok"), "{stdout}");
    assert!(stdout.contains("B-LTA"), "{stdout}");
    assert!(stdout.contains("trust.no_trust_anchor"), "{stdout}");
}

#[test]
fn verify_as_elm_3_2_reports_the_version_differences() {
    let sample =
        repo().join("../shared/upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld");
    if !sample.exists() {
        eprintln!("skipped: ../shared is absent");
        return;
    }
    let path = sample.to_str().unwrap();
    let args = ["verify", path, "--at", "2026-11-23T12:00:00Z", "--json"];
    let plain = text(&microcred(&args).stdout);
    let out = microcred(&[&args[..], &["--elm", "3.2"]].concat());
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{stdout}");
    assert!(stdout.contains("edc.version.national_id"), "{stdout}");
    assert!(!plain.contains("edc.version."), "{plain}");
    let bad = microcred(&["verify", path, "--elm", "4.0"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("expected 3.1 or 3.2"));
}

#[test]
fn sign_di_then_verify_with_a_trusted_did() {
    let dir = scratch("sign-di");
    std::fs::create_dir_all(&dir).unwrap();
    let credential = dir.join("credential.jsonld");
    std::fs::write(&credential, microcred::issue::demo_credential_json()).unwrap();
    let signed = dir.join("signed.jsonld");
    let out = microcred(&[
        "sign-di",
        credential.to_str().unwrap(),
        "--key",
        "vectors/pki/eseal-ed25519.key.pem",
        "--created",
        "2026-01-15T10:00:00Z",
        "--out",
        signed.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let did = text(&out.stderr)
        .split_whitespace()
        .find(|w| w.starts_with("did:key:"))
        .unwrap()
        .to_owned();

    let out = microcred(&[
        "verify",
        signed.to_str().unwrap(),
        "--at",
        "2026-02-01T00:00:00Z",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("proof.ok"));
    let out = microcred(&[
        "verify",
        signed.to_str().unwrap(),
        "--at",
        "2026-02-01T00:00:00Z",
        "--trust-did",
        &did,
    ]);
    assert!(out.status.success(), "{}", text(&out.stdout));
}

const W3C_CREDENTIAL: &str = "../shared/conformance/vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json";
const EXAMPLES_V2: &str = "https://www.w3.org/ns/credentials/examples/v2";
const W3C_DID: &str = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

#[test]
fn verify_the_w3c_test_credential_with_its_context_given_offline() {
    let credential = repo().join(W3C_CREDENTIAL);
    if !credential.exists() {
        eprintln!("skipped: ../shared is absent");
        return;
    }
    let credential = credential.to_str().unwrap();
    // Without the context: undecided, naming it and the option that supplies it.
    let out = microcred(&["verify", credential, "--at", "2026-02-01T00:00:00Z"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{stdout}");
    assert!(stdout.contains("proof.unknown_context"), "{stdout}");
    assert!(
        stdout.contains(EXAMPLES_V2) && stdout.contains("--context"),
        "{stdout}"
    );
    assert!(stdout.contains("format.not_edc"), "{stdout}");
    assert!(!stdout.contains("cannot be read"), "{stdout}");

    // With it, as a file and from a folder with an index.
    let dir = scratch("contexts");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("examples-v2.jsonld");
    std::fs::write(
        &file,
        r#"{"@context": {"@vocab": "https://www.w3.org/ns/credentials/examples#"}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("index.json"),
        format!(r#"{{"{EXAMPLES_V2}": "examples-v2.jsonld"}}"#),
    )
    .unwrap();
    let mapping = format!("{EXAMPLES_V2}={}", file.display());
    for args in [
        ["--context", mapping.as_str()],
        ["--contexts", dir.to_str().unwrap()],
    ] {
        let mut all = vec!["verify", credential, "--at", "2026-02-01T00:00:00Z"];
        all.extend(args);
        let out = microcred(&all);
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(3), "{stdout}");
        assert!(stdout.contains("proof.ok"), "{stdout}");
        assert!(stdout.contains("trust.unknown_did"), "{stdout}");
        all.extend(["--trust-did", W3C_DID]);
        let out = microcred(&all);
        assert!(out.status.success(), "{}", text(&out.stdout));
        assert!(text(&out.stdout).contains(": VALID"));
    }

    // A folder that cannot be used is a usage error naming the code.
    let out = microcred(&[
        "verify",
        credential,
        "--contexts",
        dir.join("absent").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("rdf.context_file"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn verify_a_sealed_presentation_prints_and_nests_a_report_per_credential() {
    let out = microcred(&[
        "verify",
        "vectors/sealed/sealed-presentation.json",
        "vectors/sealed/sealed-presentation-empty.json",
        "--trust",
        "vectors/pki/root-ca.pem",
        "--at",
        "2026-02-01T00:00:00Z",
    ]);
    let stdout = text(&out.stdout);
    // The W3C credential inside is signed by a DID nobody trusts here: undecided.
    assert_eq!(out.status.code(), Some(3), "{stdout}");
    assert!(
        stdout.contains("presentation  holds 3 credential(s)"),
        "{stdout}"
    );
    assert!(stdout.contains("credential 2 of 3: VALID"), "{stdout}");
    assert!(stdout.contains("seal.by_presentation"), "{stdout}");
    assert!(
        stdout.contains("credential 3 of 3: INDETERMINATE"),
        "{stdout}"
    );
    assert!(
        stdout.contains("presentation  holds no credential"),
        "{stdout}"
    );
    assert!(stdout.contains("presentation.empty"), "{stdout}");

    let out = microcred(&[
        "verify",
        "vectors/sealed/sealed-presentation-tampered.json",
        "--trust",
        "vectors/pki/root-ca.pem",
        "--at",
        "2026-02-01T00:00:00Z",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let report = &reports[0];
    assert_eq!(report["verdict"], "invalid");
    assert_eq!(
        report["file"],
        "vectors/sealed/sealed-presentation-tampered.json"
    );
    let credentials = report["presentation"]["credentials"].as_array().unwrap();
    let seals: Vec<&str> = credentials
        .iter()
        .map(|c| c["checks"][2]["code"].as_str().unwrap())
        .collect();
    assert_eq!(seals, ["seal.ok", "seal.presentation_failed", "proof.ok"]);
}

#[test]
fn verify_prints_the_findings_behind_a_profile_error() {
    let out = microcred(&[
        "verify",
        "vectors/sealed/sealed-profile-error.json",
        "--trust",
        "vectors/pki/root-ca.pem",
        "--at",
        "2026-02-01T00:00:00Z",
    ]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let format = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("format"))
        .unwrap();
    assert!(format.contains("FAILED") && format.contains("edc.missing.credential_profiles"));
    // The finding itself, under the check; and the later checks ran.
    assert!(
        stdout.lines().any(|l| l
            .trim_start()
            .starts_with("edc.missing.credential_profiles")),
        "{stdout}"
    );
    assert!(stdout.contains("expiry.ok"), "{stdout}");
    assert!(!stdout.contains("integrity is not established"), "{stdout}");
}

/// `microcred seal` with the test PKI's P-256 eSeal at a fixed time, plus `extra` arguments.
fn seal_with_test_pki(input: &std::path::Path, out: &std::path::Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "seal",
        input.to_str().expect("a UTF-8 path"),
        "--key",
        "vectors/pki/eseal-p256.key.pem",
        "--cert",
        "vectors/pki/eseal-p256.chain.pem",
        "--at",
        "2026-01-15T10:00:00Z",
        "--out",
        out.to_str().expect("a UTF-8 path"),
    ];
    args.extend_from_slice(extra);
    microcred(&args)
}

#[test]
fn the_ec_unsigned_samples_seal_with_their_annex_gaps_as_warnings() {
    let folder = repo().join("../shared/upstream/elm-repo/json-ld-v3");
    if !folder.exists() {
        eprintln!("skipped: ../shared is absent");
        return;
    }
    let dir = scratch("seal-ec");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, gap) in [
        (
            "Sample-CertOfPart-unsigned.jsonld",
            "mc.missing.learning_achievement",
        ),
        (
            "Sample-CertOfPart-unsigned-uploadable.json",
            "mc.missing.learning_achievement",
        ),
        (
            "Sample-MC-Annex1-unsigned.jsonld",
            "mc.missing.quality_assurance",
        ),
        (
            "Sample-MC-Annex1-unsigned-uploadable.json",
            "mc.missing.quality_assurance",
        ),
    ] {
        // EDC sealed these: so does microcred, showing what Annex I would still want.
        let sealed = dir.join(name);
        let out = seal_with_test_pki(&folder.join(name), &sealed, &[]);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(
            shown
                .lines()
                .any(|l| l.contains("warning") && l.contains(gap)),
            "{name}: {shown}"
        );
        assert!(!shown.contains("error "), "{name}: {shown}");
        let out = microcred(&[
            "verify",
            sealed.to_str().unwrap(),
            "--trust",
            "vectors/pki/root-ca.pem",
            "--at",
            "2026-02-01T00:00:00Z",
            "--json",
        ]);
        let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(reports[0]["verdict"], "valid", "{name}: {reports}");

        // A registrar who wants only complete micro-credentials sealed says so.
        let refused = dir.join(format!("refused-{name}"));
        let out = seal_with_test_pki(
            &folder.join(name),
            &refused,
            &["--require-micro-credential"],
        );
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out.stderr));
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("seal.refused.micro_credential"),
            "{name}: {stderr}"
        );
        assert!(!refused.exists(), "{name}");
    }
}

#[test]
fn an_edc_error_blocks_sealing_under_every_policy_unless_forced() {
    let dir = scratch("seal-edc-error");
    std::fs::create_dir_all(&dir).unwrap();
    // The demo micro-credential without its display parameter: complete under Annex I, but EDC
    // rejects it.
    let mut value: serde_json::Value =
        serde_json::from_str(&microcred::issue::demo_credential_json()).unwrap();
    value
        .as_object_mut()
        .unwrap()
        .remove("displayParameter")
        .unwrap();
    let input = dir.join("no-display.jsonld");
    std::fs::write(&input, value.to_string()).unwrap();
    let sealed = dir.join("sealed.jsonld");
    for extra in [&[][..], &["--require-micro-credential"][..]] {
        let out = seal_with_test_pki(&input, &sealed, extra);
        assert_eq!(out.status.code(), Some(1), "{extra:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("seal.refused.edc_profile"), "{stderr}");
        let shown = format!("{}{stderr}", text(&out.stdout));
        assert!(shown.contains("edc.missing.display_parameter"), "{shown}");
        assert!(!sealed.exists());
    }
    let out = seal_with_test_pki(&input, &sealed, &["--force"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("--force"));
    assert!(sealed.exists());
}

#[test]
fn a_complete_micro_credential_seals_under_the_strict_policy() {
    let dir = scratch("seal-strict");
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("demo.jsonld");
    std::fs::write(&input, microcred::issue::demo_credential_json()).unwrap();
    let sealed = dir.join("sealed.jsonld");
    let out = seal_with_test_pki(&input, &sealed, &["--require-micro-credential"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(sealed.exists());
}

// ---------------------------------------------------------------------------------------------
// Issue 9: issuance hardening

/// A scratch folder holding `files`; returns it.
fn scratch_with(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).expect("write");
    }
    dir
}

/// `microcred issue --course COURSE --learners LEARNERS --out OUT`.
fn issue_batch(
    course: &std::path::Path,
    learners: &std::path::Path,
    out: &std::path::Path,
) -> Output {
    microcred(&[
        "issue",
        "--course",
        &course.to_string_lossy(),
        "--learners",
        &learners.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ])
}

fn files_in(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

/// The example TOML course with `edit` applied to its text.
fn course_toml(edit: impl Fn(String) -> String) -> Vec<u8> {
    let course = std::fs::read_to_string(repo().join("examples/course.toml")).expect("course");
    edit(course).into_bytes()
}

const LEARNERS_HEADER: &str = "given_name,family_name,email,grade,completion_date\n";

fn learner_rows(n: usize) -> String {
    (0..n)
        .map(|i| format!("Given{i},Family{i},l{i}@example.org,Pass,2025-06-01\n"))
        .collect()
}

/// Issue 9 item 13: template problems are reported once, all of them, naming the template file,
/// before any row; not once per learner row.
#[test]
fn template_problems_are_reported_once_before_any_row() {
    let course = course_toml(|c| {
        c.replace("country = \"BE\"                  #", "#")
            .replace("eqf = 5", "eqf = 9")
    });
    let csv = format!("{LEARNERS_HEADER}{}", learner_rows(1000));
    let dir = scratch_with(
        "once-template",
        &[("my-course.toml", &course), ("l.csv", csv.as_bytes())],
    );
    let out = issue_batch(
        &dir.join("my-course.toml"),
        &dir.join("l.csv"),
        &dir.join("out"),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("[issue.")).collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines.iter().all(|l| l.contains("my-course.toml")),
        "{stderr}"
    );
    assert!(
        stderr.contains("awarding_body.country") && stderr.contains("`eqf`"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("row") && !stderr.contains("line 2"),
        "{stderr}"
    );
    assert_eq!(files_in(&dir.join("out")), 0);
    let _ = std::fs::remove_dir_all(dir);
}

/// Issue 9 item 13: header problems are reported once, before any row; a semicolon-separated
/// file is read; `--out` naming a file is one error.
#[test]
fn header_problems_and_a_file_as_out_are_reported_once() {
    let bad_header = format!(
        "given_name,family_name,,email,grade,completion_date,email,shoe_size\n{}",
        "A,B,,a@example.org,Pass,2025-06-01,a@example.org,42\n".repeat(300)
    );
    let semicolons = "given_name;family_name;email;grade;completion_date\nAnn;Bee;a@example.org;15,5;2025-06-01\n";
    let dir = scratch_with(
        "once-header",
        &[
            ("bad.csv", bad_header.as_bytes()),
            ("semi.csv", semicolons.as_bytes()),
            ("a-file", b""),
        ],
    );
    let course = repo().join("examples/course.toml");
    let out = issue_batch(&course, &dir.join("bad.csv"), &dir.join("out"));
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    let codes: Vec<&str> = stderr
        .lines()
        .filter_map(|l| {
            l.split_once("[issue.")
                .map(|(_, rest)| rest.split(']').next().unwrap_or(""))
        })
        .collect();
    assert_eq!(
        codes,
        [
            "csv.empty_column",
            "csv.duplicate_column",
            "csv.unknown_column"
        ],
        "{stderr}"
    );
    assert!(stderr.contains("bad.csv"), "{stderr}");
    assert_eq!(files_in(&dir.join("out")), 0);

    let out = issue_batch(&course, &dir.join("semi.csv"), &dir.join("out"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(files_in(&dir.join("out")), 1);

    let out = issue_batch(&course, &dir.join("semi.csv"), &dir.join("a-file"));
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("a-file") && stderr.contains("not a folder"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Issue 9 item 14: a bad row is reported at its line in the file, blank lines counted, with
/// its column.
#[test]
fn row_problems_name_the_line_in_the_file_and_the_column() {
    let csv = format!(
        "{LEARNERS_HEADER}\nAnn,Bee,a@example.org,Pass,2025-06-01\n\n\nCy,Dee,not-an-email,Pass,2025-06-01\nEve,Eff,e@example.org,Pass\n"
    );
    let dir = scratch_with("lines", &[("l.csv", csv.as_bytes())]);
    let out = issue_batch(
        &repo().join("examples/course.toml"),
        &dir.join("l.csv"),
        &dir.join("out"),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("l.csv, line 6, column 3 (email): [issue.invalid_field]"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 7") && stderr.contains("4 field(s) where the header has 5"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("not-an-email") && !stderr.contains("Dee"),
        "{stderr}"
    );
    assert_eq!(files_in(&dir.join("out")), 1);
    let _ = std::fs::remove_dir_all(dir);
}

/// Issue 9 item 4: a learner file that is not UTF-8 is refused with its line, never read by
/// position; UTF-16 is named as such.
#[test]
fn a_learner_file_that_is_not_utf8_is_refused() {
    let latin1 = b"given_name,family_name\xE9,email,grade,completion_date\nAnn,Bee,a@example.org,Pass,2025-06-01\n";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "given_name,family_name,date_of_birth,grade,completion_date\nAnn,Bee,2000-01-01,Pass,2025-06-01\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let bom = [
        b"\xEF\xBB\xBF".as_slice(),
        LEARNERS_HEADER.as_bytes(),
        b"Ann,Bee,a@example.org,Pass,2025-06-01\n",
    ]
    .concat();
    let dir = scratch_with(
        "encoding",
        &[
            ("latin1.csv", latin1.as_slice()),
            ("utf16.csv", &utf16),
            ("bom.csv", &bom),
        ],
    );
    let course = repo().join("examples/course.toml");
    for (file, found) in [("latin1.csv", "not UTF-8"), ("utf16.csv", "UTF-16")] {
        let out = issue_batch(&course, &dir.join(file), &dir.join("out"));
        assert_eq!(out.status.code(), Some(2), "{file}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("[issue.csv.encoding]")
                && stderr.contains("line 1")
                && stderr.contains(found),
            "{file}: {stderr}"
        );
        assert!(!stderr.contains("date_of_birth"), "{stderr}");
        assert_eq!(files_in(&dir.join("out")), 0);
    }
    let out = issue_batch(&course, &dir.join("bom.csv"), &dir.join("out"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let _ = std::fs::remove_dir_all(dir);
}

/// The batch summary: issued, skipped and failed counts, and which file is which row, also
/// without a terminal; an empty file and a repeated learner are reported.
#[test]
fn a_batch_prints_a_summary_and_the_file_of_each_row() {
    let csv = format!(
        "{LEARNERS_HEADER}Ann,Bee,a@example.org,Pass,2025-06-01\nCy,Dee,,Pass,2025-06-01\nAnn,Bee,A@example.org,Pass,2025-06-01\nEve,Eff,e@example.org,Pass,2025-06-01\n"
    );
    let dir = scratch_with(
        "summary",
        &[
            ("l.csv", csv.as_bytes()),
            ("empty.csv", LEARNERS_HEADER.as_bytes()),
        ],
    );
    let course = repo().join("examples/course.toml");
    let out = issue_batch(&course, &dir.join("l.csv"), &dir.join("out"));
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    let written: Vec<(&str, &str)> = stdout.lines().filter_map(|l| l.split_once('\t')).collect();
    assert_eq!(written.len(), 2, "{stdout}");
    assert_eq!(written[0].0, "line 2");
    assert_eq!(written[1].0, "line 5");
    for (_, file) in &written {
        let bytes = std::fs::read(file).expect("the file named");
        microcred::parse(&bytes).expect("a credential");
    }
    assert!(
        stderr.contains("line 4")
            && stderr.contains("[issue.csv.duplicate_learner]")
            && stderr.contains("line 2"),
        "{stderr}"
    );
    assert!(stderr.contains("2 issued, 1 skipped, 1 failed"), "{stderr}");
    assert_eq!(files_in(&dir.join("out")), 2);

    let out = issue_batch(&course, &dir.join("empty.csv"), &dir.join("out2"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("[issue.csv.empty]"),
        "{}",
        text(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Issue 9 items 3, 5, 6 and 7 through the command: dates without a time zone are checked,
/// numbers keep their digits, a runaway title and an expired quality assurance are refused.
#[test]
fn issue_refuses_what_would_fail_later() {
    let future = br#"{"given_name": "A", "family_name": "B", "email": "a@example.org", "grade": "Pass", "completion_date": "2999-01-01T10:00:00"}"#;
    let numbers = br#"{"given_name": "A", "family_name": "B", "student_id": 12345678901234567890123, "grade": 15.50, "completion_date": "2025-06-01"}"#;
    let title = course_toml(|c| {
        c.replacen(
            "title = ",
            &format!("title = \"{}\"\nx_title = ", "T".repeat(4_000_000)),
            1,
        )
        .replace("x_title = ", "# ")
    });
    let expired =
        course_toml(|c| c.replace("valid_until = 2030-05-13", "valid_until = 2024-05-13"));
    let dir = scratch_with(
        "refuse",
        &[
            ("future.json", future),
            ("numbers.json", numbers),
            ("title.toml", &title),
            ("expired.toml", &expired),
        ],
    );
    let one = |course: &std::path::Path, learner: &std::path::Path| {
        microcred(&[
            "issue",
            "--course",
            &course.to_string_lossy(),
            "--learner",
            &learner.to_string_lossy(),
        ])
    };
    let course = repo().join("examples/course.toml");
    let learner = repo().join("examples/learner.json");

    let out = one(&course, &dir.join("future.json"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("completion_date"),
        "{}",
        text(&out.stderr)
    );

    let out = one(&course, &dir.join("numbers.json"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\"12345678901234567890123\"") && stdout.contains("\"15.50\""));

    let out = one(&dir.join("title.toml"), &learner);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("title.toml")
            && stderr.contains("[issue.too_long]")
            && stderr.contains("`title`"),
        "{stderr}"
    );
    assert!(stderr.len() < 1000, "the title is not echoed");

    let out = one(&dir.join("expired.toml"), &learner);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("expired.toml") && stderr.contains("quality_assurance.valid_until"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Issue 9 item 7: a credential whose quality assurance had expired when it was issued fails
/// `validate` and is not sealed (as `verify` would say `accreditation.expired`).
#[test]
fn an_expired_accreditation_fails_validate_and_seal() {
    let mut credential: serde_json::Value =
        serde_json::from_str(&microcred::issue::demo_credential_json()).expect("JSON");
    credential["credentialSubject"]["hasClaim"]["specifiedBy"]["accreditation"]["expiryDate"] =
        serde_json::json!("2026-01-01T00:00:00");
    let dir = scratch_with(
        "expired-qa",
        &[("c.json", credential.to_string().as_bytes())],
    );
    let out = microcred(&["validate", &dir.join("c.json").to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("edc.accreditation.expired"),
        "{}",
        text(&out.stdout)
    );
    let out = seal_with_test_pki(&dir.join("c.json"), &dir.join("sealed.json"), &[]);
    assert_ne!(out.status.code(), Some(0));
    assert!(!dir.join("sealed.json").exists());
    let _ = std::fs::remove_dir_all(dir);
}

/// The messages: every template problem at once, the template file's name, the real ECTS limit,
/// no Rust type names.
#[test]
fn template_messages_are_useful() {
    let many = course_toml(|c| {
        c.replace("ects = 3", "ects = 1000")
            .replace("mode = \"blended\"", "mode = \"by pigeon\"")
    });
    let eqf = course_toml(|c| c.replace("eqf = 5", "eqf = 300"));
    let skill = course_toml(|c| c.replacen("esco_skills = [", "esco_skills = [5, ", 1));
    let body = course_toml(|c| c.replace("[awarding_body]", "awarding_body = \"FUAS\"\n[x]"));
    let dir = scratch_with(
        "messages",
        &[
            ("many.toml", &many),
            ("eqf.toml", &eqf),
            ("skill.toml", &skill),
            ("body.toml", &body),
        ],
    );
    let learner = repo().join("examples/learner.json");
    let run = |file: &str| {
        let out = microcred(&[
            "issue",
            "--course",
            &dir.join(file).to_string_lossy(),
            "--learner",
            &learner.to_string_lossy(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{file}");
        text(&out.stderr)
    };
    let stderr = run("many.toml");
    assert!(
        stderr.contains("`ects`") && stderr.contains("999"),
        "{stderr}"
    );
    assert!(stderr.contains("`mode`"), "both problems at once: {stderr}");
    assert!(stderr.lines().all(|l| l.contains("many.toml")), "{stderr}");
    for file in ["eqf.toml", "skill.toml", "body.toml"] {
        let stderr = run(file);
        assert!(
            stderr.contains("[issue.template_syntax]") && stderr.contains(file),
            "{stderr}"
        );
        for rust in [
            "u8",
            "u32",
            "f64",
            "untagged",
            "enum",
            "struct",
            "SkillRef",
            "AwardingBody",
        ] {
            assert!(!stderr.contains(rust), "{file}: {rust} in {stderr}");
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// Runs the command with stdout read for a few bytes and then closed, as `| head -c 64` does.
fn with_stdout_closed_early(args: &[&str]) -> Output {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_microcred"))
        .args(args)
        .current_dir(repo())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the microcred binary runs");
    let mut stdout = child.stdout.take().expect("piped");
    let mut first = [0u8; 64];
    let _ = stdout.read(&mut first);
    drop(stdout);
    child.wait_with_output().expect("it ends")
}

/// Issue 9, item 10: a closed pipe is the end of output, never a panic, in every command that
/// prints much.
#[test]
fn a_closed_pipe_ends_output_quietly() {
    let dir = scratch("pipe");
    std::fs::create_dir_all(&dir).unwrap();
    // Enough files for verify and validate to still be writing when the pipe closes.
    let credential = dir.join("credential.jsonld");
    std::fs::write(&credential, microcred::issue::demo_credential_json()).unwrap();
    let many: Vec<String> = (0..300).map(|_| credential.display().to_string()).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    let cases: Vec<Vec<&str>> = vec![
        vec!["demo"],
        [&["verify"][..], &many].concat(),
        [&["validate"][..], &many].concat(),
        vec![
            "issue",
            "--course",
            "examples/course.toml",
            "--learner",
            "examples/learner.json",
        ],
    ];
    for args in cases {
        let out = with_stdout_closed_early(&args);
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{}: {stderr}", args[0]);
        assert!(!stderr.contains("Broken pipe"), "{}: {stderr}", args[0]);
        assert_ne!(out.status.code(), Some(101), "{}: {stderr}", args[0]);
    }
}

/// Issue 9, item 9: text from a credential cannot forge report lines or steer the terminal in
/// human output; JSON output keeps the exact values.
#[test]
fn untrusted_text_cannot_forge_report_lines() {
    let dir = scratch("forge");
    std::fs::create_dir_all(&dir).unwrap();
    let mut credential = microcred::issue::demo_credential();
    let forged = "Course\nother.jsonld: VALID\u{1b}]0;owned\u{7}\u{1b}[2J";
    if let Some(display) = credential.display_parameter.as_mut() {
        display.title = microcred::model::LangMap::en(forged);
    }
    if let Some(issuer) = credential.issuer.as_mut() {
        issuer.legal_name = microcred::model::LangMap::en("Uni\r\u{202e}versity");
    }
    let path = dir.join("forged.jsonld");
    std::fs::write(&path, microcred::json::to_string(&credential)).unwrap();

    let out = microcred(&["verify", path.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert!(
        !stdout
            .lines()
            .any(|l| l.trim_start().starts_with("other.jsonld")),
        "{stdout}"
    );
    for c in ['\u{1b}', '\u{7}', '\r', '\u{202e}'] {
        assert!(
            !stdout.contains(c),
            "{c:?} reached the terminal: {stdout:?}"
        );
    }
    assert!(
        stdout.contains("Course\\u{a}other.jsonld: VALID\\u{1b}]0;owned"),
        "{stdout}"
    );

    let json = microcred(&["verify", path.to_str().unwrap(), "--json"]);
    let reports: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let title = reports
        .as_array()
        .and_then(|a| a[0]["title"].as_str())
        .or(reports["title"].as_str());
    assert_eq!(title, Some(forged), "JSON keeps the exact value");
}

/// Issue 9 (messages): N-Quads input is named as such, not as malformed XML.
#[test]
fn nquads_input_is_refused_as_nquads() {
    let dir = scratch("nquads");
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("credential.nq");
    std::fs::write(
        &input,
        "# a comment\n<urn:a> <urn:b> \"c\" .\n_:b1 <urn:b> <urn:c> .\n",
    )
    .unwrap();
    let out = microcred(&["convert", input.to_str().unwrap(), "--to", "jsonld"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("[json.nquads]"), "{stderr}");
    assert!(
        stderr.contains("N-Quads input is not supported"),
        "{stderr}"
    );
    // RDF/XML still reads as RDF/XML.
    let xml = dir.join("credential.rdf");
    std::fs::write(
        &xml,
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>",
    )
    .unwrap();
    let out = microcred(&["convert", xml.to_str().unwrap(), "--to", "jsonld"]);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("[rdf.graph.no_credential]"), "{stderr}");
}

/// Issue 9 (messages): a missing file is reported in its place and the others are verified.
#[test]
fn verify_goes_on_when_a_file_is_missing() {
    let out = microcred(&[
        "verify",
        "does-not-exist.jsonld",
        "vectors/sealed/unsealed.json",
        "--at",
        "2026-02-01T00:00:00Z",
    ]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(
        stdout.contains("does-not-exist.jsonld: UNREADABLE [io.read]"),
        "{stdout}"
    );
    assert!(
        stdout.contains("vectors/sealed/unsealed.json: INVALID"),
        "{stdout}"
    );
    let json = microcred(&[
        "verify",
        "does-not-exist.jsonld",
        "vectors/sealed/unsealed.json",
        "--json",
    ]);
    let all: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(all[0]["error"]["code"], "io.read");
    assert_eq!(all[1]["verdict"], "invalid");
}

#[test]
fn codes_lists_the_catalogue_and_its_json_is_the_committed_file() {
    let out = microcred(&["codes", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let committed = std::fs::read(repo().join("vectors/codes.json")).unwrap();
    assert_eq!(text(&out.stdout), text(&committed));

    let out = microcred(&["codes"]);
    assert!(out.status.success());
    let listing = text(&out.stdout);
    let line = listing
        .lines()
        .find(|l| l.starts_with("seal.signature_mismatch "))
        .expect("a line per code");
    assert!(line.contains(" seal "), "{line}");
    assert!(
        listing
            .lines()
            .any(|l| l.starts_with("edc.missing.title ") && l.contains(" error ")),
        "{listing}"
    );
}

#[test]
fn verify_streams_many_files_in_order_as_one_json_array() {
    // More files than one batch, with an unreadable one in the middle: every file gets its
    // element, in the order given, and the output is the pretty JSON of the whole array.
    let dir = scratch("many");
    std::fs::create_dir_all(&dir).unwrap();
    let sealed = repo().join("vectors/sealed/sealed-es256.json");
    let truncated = std::fs::read(repo().join("vectors/cases/valid-1.json")).unwrap();
    let mut files = Vec::new();
    for i in 0..300 {
        let file = dir.join(format!("{i:03}.json"));
        match i % 3 {
            0 => std::fs::copy(&sealed, &file).map(|_| ()).unwrap(),
            1 => std::fs::write(&file, &truncated[..truncated.len() / 2]).unwrap(),
            _ => std::fs::write(&file, b"not json").unwrap(),
        }
        files.push(file.display().to_string());
    }
    files.insert(150, dir.join("missing.json").display().to_string());
    let mut args = vec![
        "verify",
        "--trust",
        "vectors/pki/root-ca.pem",
        "--at",
        "2026-02-01T00:00:00Z",
        "--json",
    ];
    args.extend(files.iter().map(String::as_str));
    let out = microcred(&args);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unreadable file: {}",
        text(&out.stderr)
    );
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON array");
    let reports = reports.as_array().expect("an array");
    assert_eq!(reports.len(), files.len());
    for (report, file) in reports.iter().zip(&files) {
        assert_eq!(report["file"], file.as_str());
    }
    assert_eq!(reports[0]["verdict"], "valid");
    assert_eq!(reports[1]["checks"][0]["code"], "json.truncated");
    assert_eq!(reports[150]["error"]["code"], "io.read");
    assert_eq!(reports[300]["verdict"], "invalid");
    let whole = serde_json::to_string_pretty(&serde_json::Value::Array(reports.clone())).unwrap();
    assert_eq!(text(&out.stdout), format!("{whole}\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}
