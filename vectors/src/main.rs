//! Generates `vectors/manifest.json` and `vectors/cases/*`: valid micro-credentials issued from
//! seeded course and learner data, one invalid credential per profile finding code, and one
//! malformed input per reader error code; the test PKI in `vectors/pki/`; and the verification
//! vectors `vectors/verify.json` + `vectors/sealed/` (sealed and signed credentials, good and bad);
//! and `vectors/codes.json`, the catalogue of every code (`microcred::codes`).
//!
//! `cargo run -p microcred-vectors` rewrites the files; `-- --check` regenerates in memory and
//! fails when anything differs from what is committed (CI runs this), so the vectors always say
//! what the current code does and every change to them shows up in review.

mod mutations;
mod pki;
mod sealed;
mod status;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use microcred::EuropeanDigitalCredential;
use microcred::issue::{CourseTemplate, Issuance, IssueContext, LearnerRecord, demo_template};
use microcred::json::{self, Reader};
use microcred::profile::{self, Finding, Severity};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;
use serde_json::{Value, json};
use time::macros::datetime;

const SEED: u64 = 0x00E1_3000_2026;
const VALID_COUNT: usize = 4;

/// Codes the reader can report that no committed vector carries, with the reason.
const UNCOVERED_READER_CODES: &[(&str, &str)] = &[
    (
        "json.too_large",
        "needs an input over 16 MiB; crates/microcred/tests/bad_input.rs covers it with a small configured limit",
    ),
    (
        "json.unexpected_class",
        "the reader keeps a node of another class where it stands and the profile check reports it (edc.unexpected_class); the document itself is refused as not a credential first (json.not_a_credential)",
    ),
    (
        "json.invalid_value",
        "the reader keeps a value that is not a valid literal and the profile check reports it (edc.invalid_value)",
    ),
    (
        "json.too_many",
        "the reader keeps several values where the model holds one and the profile check reports them (edc.too_many.*)",
    ),
];

/// The code catalogue as Markdown: one table per category, codes in order.
fn codes_markdown() -> String {
    use microcred::codes::{Category, catalogue};
    use std::fmt::Write as _;

    let mut page = String::from(
        "# microcred codes\n\nEvery code microcred can produce, by category. Generated from \
         `microcred::codes::catalogue()` by `cargo run -p microcred-vectors` (the same list as \
         `codes.json` and `microcred codes --json`); do not edit by hand.\n",
    );
    for category in Category::ALL {
        let codes: Vec<_> = catalogue()
            .iter()
            .filter(|c| c.category == category)
            .collect();
        let _ = write!(
            page,
            "\n## {} ({} codes; exception `{}`)\n\n{}\n\n| code | severity | meaning |\n|---|---|---|\n",
            category.name(),
            codes.len(),
            category.exception(),
            category.meaning()
        );
        for info in codes {
            let severity = info.severity.map(|s| s.as_str()).unwrap_or("");
            let meaning = info.meaning.replace('|', "\\|");
            let _ = writeln!(page, "| `{}` | {severity} | {meaning} |", info.code);
        }
    }
    page
}

/// What [`microcred::Format::detect`] says the input is (`null` when it is not readable at all),
/// so that every binding checks the same answer.
pub(crate) fn detected(bytes: &[u8]) -> Option<&'static str> {
    microcred::Format::detect(bytes)
        .ok()
        .map(microcred::Format::name)
}

struct Case {
    name: String,
    bytes: Vec<u8>,
    read: &'static str,
    check: &'static str,
    target: Option<&'static str>,
}

fn main() -> ExitCode {
    let check_only = std::env::args().any(|a| a == "--check");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (manifest, files) = match generate() {
        Ok(generated) => generated,
        Err(e) => {
            eprintln!("vector generation failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut expected: BTreeMap<PathBuf, Vec<u8>> = files
        .into_iter()
        .map(|(name, bytes)| (root.join("cases").join(name), bytes))
        .collect();
    expected.insert(root.join("manifest.json"), manifest.into_bytes());
    // The code catalogue, from which the bindings generate their exception maps.
    expected.insert(
        root.join("codes.json"),
        microcred::codes::to_json().into_bytes(),
    );
    // The same catalogue as a page for people.
    expected.insert(root.join("codes.md"), codes_markdown().into_bytes());
    match pki::generate() {
        Ok(files) => expected.extend(
            files
                .into_iter()
                .map(|(name, bytes)| (root.join("pki").join(name), bytes)),
        ),
        Err(e) => {
            eprintln!("test PKI generation failed: {e}");
            return ExitCode::FAILURE;
        }
    }
    let mut rng = ChaCha20Rng::seed_from_u64(SEED);
    let sealed = issue_seeded(&mut rng).and_then(|first| sealed::generate(&first));
    match sealed {
        Ok((manifest, files)) => {
            expected.insert(root.join("verify.json"), manifest.into_bytes());
            expected.extend(
                files
                    .into_iter()
                    .map(|(name, bytes)| (root.join("sealed").join(name), bytes)),
            );
        }
        Err(e) => {
            eprintln!("verification vector generation failed: {e}");
            return ExitCode::FAILURE;
        }
    }
    match status::lists() {
        Ok(lists) => expected.extend(
            lists
                .into_iter()
                .map(|(_, name, bytes)| (root.join("status").join(name), bytes)),
        ),
        Err(e) => {
            eprintln!("status list generation failed: {e}");
            return ExitCode::FAILURE;
        }
    }
    if check_only {
        check(&root, &expected)
    } else {
        write(&root, &expected)
    }
}

/// The manifest text and the case files (name, bytes).
type Generated = (String, Vec<(String, Vec<u8>)>);

fn generate() -> Result<Generated, String> {
    let mut rng = ChaCha20Rng::seed_from_u64(SEED);
    let mut cases = Vec::new();

    let valid: Vec<EuropeanDigitalCredential> = (0..VALID_COUNT)
        .map(|_| issue_seeded(&mut rng))
        .collect::<Result<_, _>>()?;
    for (i, credential) in valid.iter().enumerate() {
        cases.push(Case {
            name: format!("valid-{}", i + 1),
            bytes: json::to_string_pretty(credential).into_bytes(),
            read: "parse",
            check: "full",
            target: None,
        });
    }
    cases.push(Case {
        name: "valid-upload-form".into(),
        bytes: json::to_upload_form(&valid[0]).into_bytes(),
        read: "parse",
        check: "before_sealing",
        target: None,
    });

    let base = json::to_value(&valid[0]);
    for mutation in mutations::all() {
        let mut value = base.clone();
        (mutation.edit)(&mut value);
        let bytes = serde_json::to_vec_pretty(&value).map_err(|e| e.to_string())?;
        cases.push(Case {
            name: mutation.target.to_owned(),
            bytes,
            read: "parse",
            // The differences between ELM versions are reported when a version is named.
            check: if mutation.target.starts_with("edc.version.") {
                "elm_3_2"
            } else {
                "full"
            },
            target: Some(mutation.target),
        });
    }

    for (code, bytes, read) in malformed(&base) {
        cases.push(Case {
            name: code.to_owned(),
            bytes,
            read,
            check: "full",
            target: Some(code),
        });
    }

    let mut entries = Vec::new();
    let mut covered = Vec::new();
    for case in &cases {
        let file = format!("{}.json", case.name);
        let expect = expect(case)?;
        if let Some(target) = case.target {
            covered.push(target);
        }
        entries.push(json!({
            "name": case.name,
            "input": format!("cases/{file}"),
            "format": detected(&case.bytes),
            "read": case.read,
            "check": case.check,
            "target": case.target,
            "expect": expect,
        }));
    }
    // One vector stands for the `edc.too_many.*` family (one code per single-valued property,
    // tied to the model by the code table's unit test).
    for (code, _, _) in profile::CODES {
        // `edc.jsonld.unchecked` arises only in builds without the full JSON-LD processor (the
        // npm package's first module): crates/microcred/src/rdf/processor.rs tests it there.
        if !covered.contains(code)
            && !code.starts_with("edc.too_many.")
            && *code != "edc.jsonld.unchecked"
        {
            return Err(format!(
                "no vector for finding code {code}: add a mutation in vectors/src/mutations.rs"
            ));
        }
    }
    let manifest = json!({
        "description": "Shared test vectors: valid and invalid ELM 3 micro-credentials. Each case names its input, its format as Format::detect names it (null: not readable), how to read it (parse: plain or upload form; parse_unverified: any form), which check to run (full: profile::check; before_sealing: profile::check_before_sealing; elm_3_2: profile::check_as with ELM 3.2) and the expected reader error code or the expected findings.",
        "generator": "cargo run -p microcred-vectors (--check verifies the committed files)",
        "seed": SEED,
        "uncovered_reader_codes": UNCOVERED_READER_CODES.iter().map(|(code, why)| json!({"code": code, "why": why})).collect::<Vec<_>>(),
        "cases": entries,
    });
    let manifest = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
    let files = cases
        .into_iter()
        .map(|c| (format!("{}.json", c.name), c.bytes))
        .collect();
    Ok((manifest, files))
}

/// Issues a credential from the demo course varied by the seed, for a seeded fictional learner.
fn issue_seeded(rng: &mut ChaCha20Rng) -> Result<EuropeanDigitalCredential, String> {
    const GIVEN: [&str; 6] = ["Aino", "Bram", "Chiara", "Dragan", "Eilis", "Fatou"];
    const FAMILY: [&str; 6] = [
        "Virtanen", "Janssens", "Moretti", "Petrovic", "Byrne", "Diallo",
    ];
    const MODES: [&str; 3] = ["online", "blended", "presential"];
    const GRADES: [&str; 4] = ["Pass", "Merit", "Distinction", "8/10"];

    let mut course = serde_json::to_value(demo_template()).map_err(|e| e.to_string())?;
    course["mode"] = json!(MODES[rng.random_range(0..MODES.len())]);
    course["eqf"] = json!(rng.random_range(4..=7));
    course["ects"] = json!(rng.random_range(1..=10));
    let template = CourseTemplate::from_json(&course.to_string())
        .map_err(|e| format!("seeded template: {e}"))?;

    let given = GIVEN[rng.random_range(0..GIVEN.len())];
    let family = FAMILY[rng.random_range(0..FAMILY.len())];
    let learner: LearnerRecord = serde_json::from_value(json!({
        "given_name": given,
        "family_name": family,
        "date_of_birth": format!("{}-{:02}-{:02}", rng.random_range(1970..2006), rng.random_range(1..=12), rng.random_range(1..=28)),
        "email": format!("{}.{}@example.org", given.to_lowercase(), family.to_lowercase()),
        "student_id": format!("S{:06}", rng.random_range(0..1_000_000)),
        "grade": GRADES[rng.random_range(0..GRADES.len())],
        "completion_date": format!("2025-{:02}-{:02}", rng.random_range(1..=12), rng.random_range(1..=28)),
    }))
    .map_err(|e| format!("seeded learner: {e}"))?;
    let context = IssueContext {
        now: datetime!(2026-01-15 10:00 UTC),
        credential_id: uuid::Uuid::from_u128(rng.random()),
    };
    Issuance::new(&template)
        .and_then(|issuance| issuance.issue(&learner, context))
        .map_err(|e| format!("issuing a seeded credential: {e}"))
}

/// One malformed input per reader error code: (code, bytes, reader).
fn malformed(base: &Value) -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let text = base.to_string();
    let edited = |edit: fn(&mut Value)| {
        let mut v = base.clone();
        edit(&mut v);
        v.to_string().into_bytes()
    };
    vec![
        (
            "json.syntax",
            b"{\"@context\": [\"https://www.w3.org/2018/credentials/v1\"], \"type\": tru}".to_vec(),
            "parse",
        ),
        (
            "json.legacy_xml",
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<europassCredential xmlns=\"http://data.europa.eu/snb\" id=\"urn:credential:1\"/>\n".to_vec(),
            "parse",
        ),
        (
            "json.xml",
            b"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>".to_vec(),
            "parse",
        ),
        (
            "json.truncated",
            text.as_bytes()[..text.len() / 2].to_vec(),
            "parse",
        ),
        (
            // Inside the credential a value of the wrong shape is kept and reported by the
            // profile check (edc.invalid_value); only the document itself must be an object.
            "json.wrong_type",
            b"[\"not\", \"a\", \"credential\"]".to_vec(),
            "parse",
        ),
        (
            "json.missing_context",
            edited(|v| mutations::remove(v, "@context")),
            "parse",
        ),
        (
            "json.foreign_context",
            edited(|v| {
                mutations::set(
                    v,
                    "@context",
                    json!([
                        "https://www.w3.org/2018/credentials/v1",
                        "https://example.org/other-context.jsonld"
                    ]),
                )
            }),
            "parse",
        ),
        (
            "json.not_a_credential",
            edited(|v| mutations::set(v, "type", json!("Person"))),
            "parse",
        ),
        (
            "json.too_deep",
            format!("{}{}", "[".repeat(100), "]".repeat(100)).into_bytes(),
            "parse",
        ),
        (
            "json.sealed_input",
            json!({"payload": text, "signatures": []})
                .to_string()
                .into_bytes(),
            "parse",
        ),
        (
            "seal.malformed_envelope",
            json!({"payload": base, "signatures": []})
                .to_string()
                .into_bytes(),
            "parse_unverified",
        ),
    ]
}

/// What reading and checking the case gives now; the generator refuses a case that misses its target.
fn expect(case: &Case) -> Result<Value, String> {
    let reader = Reader::new();
    let read = match case.read {
        "parse_unverified" => reader.read_any_unverified(&case.bytes).map(|(c, _)| c),
        _ => reader.read(&case.bytes),
    };
    let credential = match read {
        Err(e) => {
            if case.target != Some(e.code()) {
                return Err(format!("{}: reader said {} instead", case.name, e.code()));
            }
            return Ok(json!({"error": e.code()}));
        }
        Ok(credential) => credential,
    };
    let findings: Vec<Finding> = match case.check {
        "before_sealing" => profile::check_before_sealing(&credential),
        "elm_3_2" => profile::check_as(&credential, profile::ElmVersion::V3_2),
        _ => profile::check(&credential),
    };
    match case.target {
        None if profile::has_errors(&findings) => {
            return Err(format!(
                "{}: a valid case has errors: {findings:?}",
                case.name
            ));
        }
        Some(target) if !findings.iter().any(|f| f.code == target) => {
            return Err(format!(
                "{}: the edit did not produce {target}: {findings:?}",
                case.name
            ));
        }
        _ => {}
    }
    let listed: Vec<Value> = findings
        .iter()
        .map(|f| json!({"code": f.code, "severity": severity(f.severity), "path": f.path}))
        .collect();
    Ok(json!({"valid": !profile::has_errors(&findings), "findings": listed}))
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn check(root: &Path, expected: &BTreeMap<PathBuf, Vec<u8>>) -> ExitCode {
    let mut stale = Vec::new();
    for (path, bytes) in expected {
        if std::fs::read(path).ok().as_deref() != Some(bytes.as_slice()) {
            stale.push(path.display().to_string());
        }
    }
    let on_disk: Vec<PathBuf> = ["cases", "pki", "sealed", "status"]
        .iter()
        .filter_map(|dir| std::fs::read_dir(root.join(dir)).ok())
        .flat_map(|d| d.filter_map(|e| e.ok().map(|e| e.path())))
        .collect();
    stale.extend(
        on_disk
            .iter()
            .filter(|p| !expected.contains_key(*p))
            .map(|p| format!("{} (not generated)", p.display())),
    );
    if stale.is_empty() {
        println!("vectors: {} files up to date", expected.len());
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "vectors differ from the generator's output; run `cargo run -p microcred-vectors` and review:\n  {}",
            stale.join("\n  ")
        );
        ExitCode::FAILURE
    }
}

fn write(root: &Path, files: &BTreeMap<PathBuf, Vec<u8>>) -> ExitCode {
    for dir in ["cases", "pki", "sealed", "status"] {
        let _ = std::fs::remove_dir_all(root.join(dir));
    }
    for (path, bytes) in files {
        if let Some(parent) = path.parent()
            && let Err(e) = std::fs::create_dir_all(parent)
        {
            eprintln!("{}: {e}", parent.display());
            return ExitCode::FAILURE;
        }
        if let Err(e) = std::fs::write(path, bytes) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!("vectors: wrote {} files", files.len());
    ExitCode::SUCCESS
}
