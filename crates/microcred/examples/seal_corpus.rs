//! Seals every kind of credential the test suite seals, with every algorithm, into a folder: the
//! input of the EDC shapes check (`scripts/shacl.sh`, which validates each sealed payload against
//! EDC's SHACL shapes with pySHACL, an implementation independent of microcred).
//!
//! ```text
//! seal_corpus OUT_DIR [EC_SAMPLES_DIR]
//! ```
//!
//! Inputs: the built-in demo credential, the README's course example (`examples/course.toml` with
//! `examples/learner.json`) and, when `EC_SAMPLES_DIR` (`../shared/upstream/elm-repo/json-ld-v3`)
//! is given, the EC's unsigned samples and their upload forms. Each is sealed with the test PKI
//! (published test keys) as RS256, PS256, ES256 and EdDSA, at a fixed time, after the sealing gate
//! of the CLI (`SealingPolicy::edc`). Writes `<input>.<alg>.json` and prints one line per file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use microcred::EuropeanDigitalCredential;
use microcred::issue::{CourseTemplate, Issuance, IssueContext, LearnerRecord};
use microcred::jades::{Algorithm, Sealer, signer_from_pem};
use microcred::profile::{SealingPolicy, check_for_sealing};
use microcred::test_pki::{self, TestKey};
use time::macros::datetime;

const EC_SAMPLES: [&str; 4] = [
    "Sample-MC-Annex1-unsigned.jsonld",
    "Sample-MC-Annex1-unsigned-uploadable.json",
    "Sample-CertOfPart-unsigned.jsonld",
    "Sample-CertOfPart-unsigned-uploadable.json",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, samples) = match args.as_slice() {
        [out] => (PathBuf::from(out), None),
        [out, samples] => (PathBuf::from(out), Some(PathBuf::from(samples))),
        _ => {
            eprintln!("usage: seal_corpus OUT_DIR [EC_SAMPLES_DIR]");
            return ExitCode::from(2);
        }
    };
    match run(&out, samples.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("seal_corpus: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(out: &Path, samples: Option<&Path>) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut inputs = vec![
        ("demo".to_owned(), microcred::issue::demo_credential()),
        ("course-example".to_owned(), course_example()?),
    ];
    for name in samples
        .into_iter()
        .flat_map(|dir| EC_SAMPLES.map(|n| dir.join(n)))
    {
        let bytes = std::fs::read(&name).map_err(|e| format!("{}: {e}", name.display()))?;
        let (credential, _) = microcred::json::Reader::new()
            .read_any_unverified(&bytes)
            .map_err(|e| format!("{}: {e} ({})", name.display(), e.code()))?;
        let stem = name
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.split('.').next())
            .unwrap_or("sample");
        inputs.push((stem.to_owned(), credential));
    }

    let at = datetime!(2026-01-15 10:00 UTC);
    for (name, credential) in &inputs {
        let check = check_for_sealing(credential, SealingPolicy::edc());
        if let Some(refusal) = check.refusal {
            return Err(format!("{name}: the sealing gate refuses it: {refusal}"));
        }
        for (key, alg) in [
            (TestKey::Rsa, Algorithm::RS256),
            (TestKey::Rsa, Algorithm::PS256),
            (TestKey::P256, Algorithm::ES256),
            (TestKey::Ed25519, Algorithm::EdDSA),
        ] {
            let pki = test_pki::eseal(key);
            let signer = signer_from_pem(pki.key_pem, Some(alg)).map_err(|e| e.to_string())?;
            let sealed = Sealer::from_pem(pki.chain_pem)
                .and_then(|sealer| sealer.seal(credential, signer.as_ref(), at))
                .map_err(|e| format!("{name} {alg}: {e} ({})", e.code()))?;
            let file = out.join(format!("{name}.{alg}.json"));
            std::fs::write(&file, sealed.as_str())
                .map_err(|e| format!("{}: {e}", file.display()))?;
            println!("{}", file.display());
        }
    }
    Ok(())
}

/// The README's course description issued for its example learner, as the CLI tests do.
fn course_example() -> Result<EuropeanDigitalCredential, String> {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let read = |name: &str| {
        std::fs::read_to_string(examples.join(name)).map_err(|e| format!("examples/{name}: {e}"))
    };
    let template = CourseTemplate::from_toml(&read("course.toml")?).map_err(|e| e.to_string())?;
    let learner = LearnerRecord::from_json(&read("learner.json")?).map_err(|e| e.to_string())?;
    let context = IssueContext::new(
        datetime!(2026-01-15 09:00 UTC),
        uuid::Uuid::from_u128(0x5eed_c0de_0000_4000_8000_0000_0000_0001),
    );
    Issuance::new(&template)
        .and_then(|issuance| issuance.issue(&learner, context))
        .map_err(|e| e.to_string())
}
