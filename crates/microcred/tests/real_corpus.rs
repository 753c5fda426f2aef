//! The corpus of real and sample EDC credentials found in public repositories
//! (`vectors/real/manifest.json`, described in `vectors/real/README.md`).
//!
//! Every file is verified offline with a fixed clock (the manifest's `verify_at`) and no trust
//! anchors, and its report is compared with the one recorded in the manifest: the verdict, how it
//! was secured, and for each check its kind, status, code and finding codes. Files kept only as
//! fetch instructions are checked when a copy sits in `vectors/real/fetched/` (or in the folder
//! named by `MICROCRED_REAL_FETCHED`), and skipped with a printed reason otherwise.
//!
//! The recorded reports follow the Verifier. After a deliberate change to it, rewrite them with
//!
//! ```text
//! MICROCRED_UPDATE_REAL=1 cargo test -p microcred --test real_corpus
//! ```
//!
//! and review the diff of `vectors/real/manifest.json`: each changed line is a changed answer on a
//! real file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use microcred::verify::Verifier;
use microcred::x509::TrustAnchors;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../vectors/real")
}

fn fetched_dir() -> PathBuf {
    std::env::var_os("MICROCRED_REAL_FETCHED")
        .map(PathBuf::from)
        .unwrap_or_else(|| corpus_dir().join("fetched"))
}

fn updating() -> bool {
    std::env::var_os("MICROCRED_UPDATE_REAL").is_some_and(|v| !v.is_empty() && v != "0")
}

fn manifest_path() -> PathBuf {
    corpus_dir().join("manifest.json")
}

fn load_manifest() -> Value {
    let bytes = std::fs::read(manifest_path()).expect("vectors/real/manifest.json is committed");
    serde_json::from_slice(&bytes).expect("vectors/real/manifest.json is JSON")
}

fn entries(manifest: &Value) -> &Vec<Value> {
    manifest["entries"]
        .as_array()
        .expect("manifest has entries")
}

fn text<'a>(entry: &'a Value, key: &str) -> &'a str {
    entry[key]
        .as_str()
        .unwrap_or_else(|| panic!("entry {} has no {key}", entry["id"]))
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The bytes of an entry: the kept file, or the fetched copy when present. `Err` says why the
/// entry cannot be run here.
fn entry_bytes(entry: &Value) -> Result<Vec<u8>, String> {
    if let Some(file) = entry["file"].as_str() {
        let path = corpus_dir().join(file);
        match std::fs::read(&path) {
            Ok(bytes) => return Ok(bytes),
            Err(e) => panic!("kept file {} cannot be read: {e}", path.display()),
        }
    }
    let fetch = &entry["fetch"];
    let save_as = fetch["save_as"].as_str().expect("fetch.save_as");
    let name = Path::new(save_as)
        .file_name()
        .expect("save_as names a file");
    let path = fetched_dir().join(name);
    std::fs::read(&path).map_err(|_| {
        format!(
            "not kept ({}); fetch {}@{}:{} to {} to run it",
            entry["not_kept"].as_str().unwrap_or("see notes"),
            text(fetch, "repo"),
            text(fetch, "commit"),
            text(fetch, "path"),
            path.display()
        )
    })
}

/// The parts of a report the corpus pins down: verdict, securing, and per check its kind,
/// status, code and finding codes. Nested reports (a presentation's credentials) are summarised
/// the same way under the key that holds them.
fn summarise(report: &Value) -> Value {
    let mut out = Map::new();
    for key in ["verdict", "securing"] {
        if let Some(v) = report.get(key) {
            out.insert(key.to_owned(), v.clone());
        }
    }
    let checks: Vec<Value> = report["checks"]
        .as_array()
        .map(|checks| checks.iter().map(summarise_check).collect())
        .unwrap_or_default();
    out.insert("checks".to_owned(), Value::Array(checks));
    if let Some(object) = report.as_object() {
        for (key, value) in object {
            if key == "checks" {
                continue;
            }
            if let Some(nested) = nested_reports(value) {
                out.insert(key.clone(), nested);
            }
        }
    }
    Value::Object(out)
}

/// The reports held by a member, summarised: a report, a list of reports, or an object holding
/// them (`presentation.credentials`).
fn nested_reports(value: &Value) -> Option<Value> {
    if is_report(value) {
        return Some(summarise(value));
    }
    match value {
        Value::Array(items) if !items.is_empty() && items.iter().all(is_report) => {
            Some(items.iter().map(summarise).collect())
        }
        Value::Object(object) => {
            let inner: Map<String, Value> = object
                .iter()
                .filter_map(|(key, value)| Some((key.clone(), nested_reports(value)?)))
                .collect();
            (!inner.is_empty()).then_some(Value::Object(inner))
        }
        _ => None,
    }
}

fn is_report(value: &Value) -> bool {
    value.get("verdict").is_some() && value.get("checks").is_some()
}

fn summarise_check(check: &Value) -> Value {
    let mut out = json!({
        "kind": check["kind"],
        "status": check["status"],
        "code": check["code"],
    });
    let mut seen = BTreeSet::new();
    let findings: Vec<Value> = check["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["code"].as_str())
        .filter(|code| seen.insert(*code))
        .map(|code| Value::String(code.to_owned()))
        .collect();
    if !findings.is_empty() {
        out["findings"] = Value::Array(findings);
    }
    out
}

fn verifier(manifest: &Value) -> Verifier {
    let at = manifest["verify_at"]
        .as_str()
        .expect("manifest has verify_at");
    let now = OffsetDateTime::parse(at, &Rfc3339).expect("verify_at is RFC 3339");
    let mut anchors = TrustAnchors::new();
    for pem_file in manifest["trust_anchors"].as_array().into_iter().flatten() {
        let path = corpus_dir().join(pem_file.as_str().expect("trust anchor path"));
        let pem = std::fs::read_to_string(&path).expect("trust anchor file");
        for certificate in TrustAnchors::from_pem(&pem)
            .expect("trust anchors are PEM certificates")
            .certificates()
        {
            anchors.add(certificate.clone());
        }
    }
    Verifier::new(now).with_trust_anchors(anchors)
}

#[test]
fn every_real_credential_gives_its_recorded_report() {
    let mut manifest = load_manifest();
    let verifier = verifier(&manifest);
    let update = updating();
    let mut mismatches = Vec::new();
    let (mut ran, mut skipped) = (0, 0);
    for entry in manifest["entries"]
        .as_array_mut()
        .expect("manifest has entries")
    {
        let id = text(entry, "id").to_owned();
        let bytes = match entry_bytes(entry) {
            Ok(bytes) => bytes,
            Err(why) => {
                eprintln!("skipped {id}: {why}");
                skipped += 1;
                continue;
            }
        };
        assert_eq!(
            sha256_hex(&bytes),
            text(entry, "sha256"),
            "{id}: the file is not the one recorded (a changed checkout, or line endings rewritten)"
        );
        let report = serde_json::to_value(verifier.verify(&bytes)).expect("a report is JSON");
        let got = summarise(&report);
        ran += 1;
        if update {
            entry["expected"] = got;
        } else if entry["expected"] != got {
            mismatches.push(format!(
                "{id}:\n  recorded {}\n  now      {}",
                entry["expected"], got
            ));
        }
    }
    eprintln!("real corpus: {ran} verified, {skipped} skipped");
    if update {
        let mut text = serde_json::to_string_pretty(&manifest).expect("manifest is JSON");
        text.push('\n');
        std::fs::write(manifest_path(), text).expect("manifest is writable");
        eprintln!(
            "rewrote the recorded reports in {}",
            manifest_path().display()
        );
        return;
    }
    assert!(
        mismatches.is_empty(),
        "{} real credential(s) now get another report than the one recorded. If the change is \
         intended, run `MICROCRED_UPDATE_REAL=1 cargo test -p microcred --test real_corpus` and \
         review the diff of vectors/real/manifest.json.\n\n{}",
        mismatches.len(),
        mismatches.join("\n\n")
    );
}

#[test]
fn the_manifest_describes_every_file_and_only_kept_files_are_committed() {
    let manifest = load_manifest();
    let mut ids = BTreeSet::new();
    let mut listed = BTreeSet::new();
    let mut kept = 0;
    for entry in entries(&manifest) {
        let id = text(entry, "id");
        assert!(ids.insert(id.to_owned()), "{id} appears twice");
        for key in ["source", "licence", "kind", "model", "origin", "notes"] {
            assert!(!text(entry, key).is_empty(), "{id}: empty {key}");
        }
        assert_eq!(text(entry, "sha256").len(), 64, "{id}: sha256");
        assert!(entry["expected"].is_object(), "{id}: no recorded report");
        match (entry["file"].as_str(), entry["fetch"].is_object()) {
            (Some(file), false) => {
                kept += 1;
                listed.insert(file.to_owned());
                let bytes = std::fs::read(corpus_dir().join(file))
                    .unwrap_or_else(|e| panic!("{id}: kept file {file}: {e}"));
                assert_eq!(sha256_hex(&bytes), text(entry, "sha256"), "{id}");
                assert_eq!(Some(bytes.len() as u64), entry["bytes"].as_u64(), "{id}");
            }
            (None, true) => {
                let fetch = &entry["fetch"];
                let source = format!(
                    "{}@{}:{}",
                    text(fetch, "repo"),
                    text(fetch, "commit"),
                    text(fetch, "path")
                );
                assert_eq!(
                    source,
                    text(entry, "source"),
                    "{id}: fetch and source differ"
                );
                assert!(!text(entry, "not_kept").is_empty(), "{id}: why not kept");
                assert!(
                    text(fetch, "save_as").starts_with("fetched/"),
                    "{id}: fetched copies live in fetched/"
                );
            }
            _ => panic!("{id}: exactly one of file and fetch"),
        }
        // Only licences that allow redistribution may have a kept file.
        if entry["file"].is_string() {
            assert!(
                ["EUPL-1.2", "MIT", "Apache-2.0", "CC-BY-4.0"].contains(&text(entry, "licence")),
                "{id}: kept under {}",
                text(entry, "licence")
            );
        }
    }
    assert!(kept >= 10, "only {kept} kept files");
    // Every data file below vectors/real is one the manifest lists.
    let mut on_disk = BTreeSet::new();
    for folder in std::fs::read_dir(corpus_dir()).expect("vectors/real") {
        let folder = folder.expect("entry");
        let name = folder.file_name().to_string_lossy().into_owned();
        if !folder.path().is_dir() || ["fetched", "LICENSES"].contains(&name.as_str()) {
            continue;
        }
        for file in std::fs::read_dir(folder.path()).expect("folder") {
            let file = file
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            on_disk.insert(format!("{name}/{file}"));
        }
    }
    assert_eq!(
        on_disk, listed,
        "files below vectors/real and the manifest differ"
    );
}

#[test]
fn summaries_keep_nested_reports() {
    let report = json!({
        "verdict": "invalid",
        "securing": "jades",
        "checks": [{"kind": "seal", "status": "ok", "code": "seal.ok", "message": "m",
                    "findings": [{"code": "a"}, {"code": "b"}, {"code": "a"}]}],
        "presentation": {"id": "urn:x", "credentials": [{"verdict": "valid", "checks": []}]},
        "seal": {"algorithm": "RS256"}
    });
    assert_eq!(
        summarise(&report),
        json!({
            "verdict": "invalid",
            "securing": "jades",
            "checks": [{"kind": "seal", "status": "ok", "code": "seal.ok", "findings": ["a", "b"]}],
            "presentation": {"credentials": [{"verdict": "valid", "checks": []}]}
        })
    );
}
