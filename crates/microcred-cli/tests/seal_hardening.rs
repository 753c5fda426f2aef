//! `microcred seal` refuses what `verify` would reject, reads keys as they come (encrypted, DER,
//! PKCS#12 without its password) and never prompts; `validate` and `seal` report JSON-LD that a
//! processor would drop; `verify` refuses a header name given twice (issue 9, items 2, 8, 11, 12).

// Helpers outside #[test] functions state expectations with unwrap too.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use openssl::pkey::PKey;
use openssl::symm::Cipher;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("microcred-seal-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `microcred` with no terminal and no input, without the password variables unless
/// `env` sets them, and fails the test if it has not finished within a minute (a prompt waits
/// forever).
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_microcred"));
    command
        .args(args)
        .current_dir(repo())
        .env_remove("MICROCRED_KEY_PASSWORD")
        .env_remove("MICROCRED_P12_PASSWORD")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().expect("the microcred binary runs");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("microcred {args:?} did not finish: waiting for input?");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The demo credential, written to `dir`.
fn credential(dir: &Path) -> PathBuf {
    let file = dir.join("credential.jsonld");
    std::fs::write(&file, microcred::issue::demo_credential_json()).unwrap();
    file
}

/// `microcred seal` of `input` with a key and a chain file, writing `out`.
fn seal(input: &Path, key: &str, chain: &str, out: &Path, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = [
        "seal",
        path(input),
        "--key",
        key,
        "--cert",
        chain,
        "--out",
        path(out),
    ]
    .map(str::to_owned)
    .to_vec();
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args
}

fn run_owned(args: &[String], env: &[(&str, &str)]) -> Output {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&args, env)
}

#[test]
fn seal_refuses_certificates_and_times_that_verify_rejects() {
    let dir = scratch("refuse");
    let input = credential(&dir);
    let out = dir.join("sealed.jsonld");
    let pki = |name: &str| format!("vectors/pki/{name}");
    let cases: [(String, String, &[&str], &str); 6] = [
        (
            pki("eseal-expired.key.pem"),
            pki("eseal-expired.chain.pem"),
            &[],
            "seal.certificate_expired",
        ),
        (
            pki("eseal-not-yet-valid.key.pem"),
            pki("eseal-not-yet-valid.chain.pem"),
            &[],
            "seal.certificate_not_yet_valid",
        ),
        (
            // keyEncipherment only.
            pki("eseal-no-signing-usage.key.pem"),
            pki("eseal-no-signing-usage.chain.pem"),
            &[],
            "seal.certificate_key_usage",
        ),
        (
            // A CA certificate (keyCertSign and cRLSign) with its key.
            pki("intermediate-ca.key.pem"),
            pki("intermediate-ca.pem"),
            &[],
            "seal.certificate_key_usage",
        ),
        (
            // `--at` before the certificate's validity (2024-01-01 .. 2040-01-01).
            pki("eseal-p256.key.pem"),
            pki("eseal-p256.chain.pem"),
            &["--at", "2023-06-01T00:00:00Z"],
            "seal.certificate_not_yet_valid",
        ),
        (
            // `--at` later than now.
            pki("eseal-p256.key.pem"),
            pki("eseal-p256.chain.pem"),
            &["--at", "2039-06-01T00:00:00Z"],
            "seal.signing_time_in_future",
        ),
    ];
    for (key, chain, extra, expected) in cases {
        let output = run_owned(&seal(&input, &key, &chain, &out, extra), &[]);
        assert_eq!(output.status.code(), Some(2), "{key} {extra:?}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains(expected), "{key} {extra:?}: {stderr}");
        assert!(!out.exists(), "{key} {extra:?}: a seal was written");
    }
    // What is within the rules still seals, back-dated `--at` included.
    let output = run_owned(
        &seal(
            &input,
            &pki("eseal-p256.key.pem"),
            &pki("eseal-p256.chain.pem"),
            &out,
            &["--at", "2025-06-01T00:00:00Z"],
        ),
        &[],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
}

fn p256_key() -> PKey<openssl::pkey::Private> {
    let pem = std::fs::read(repo().join("vectors/pki/eseal-p256.key.pem")).unwrap();
    PKey::private_key_from_pem(&pem).unwrap()
}

#[test]
fn an_encrypted_key_takes_its_password_from_the_environment_and_never_prompts() {
    let dir = scratch("encrypted");
    let input = credential(&dir);
    let out = dir.join("sealed.jsonld");
    let key = dir.join("encrypted.key.pem");
    std::fs::write(
        &key,
        p256_key()
            .private_key_to_pem_pkcs8_passphrase(Cipher::aes_256_cbc(), b"s3cret")
            .unwrap(),
    )
    .unwrap();
    let args = seal(
        &input,
        path(&key),
        "vectors/pki/eseal-p256.chain.pem",
        &out,
        // A fixed signing time, so that verifying at a fixed time below holds on any day.
        &["--at", "2026-01-15T10:00:00Z"],
    );

    // No password: a coded error naming the variable, and no prompt (OpenSSL's prompt used to
    // come through, twice without a terminal, and waited forever on one).
    let output = run_owned(&args, &[]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("seal.password_missing"), "{stderr}");
    assert!(stderr.contains("MICROCRED_KEY_PASSWORD"), "{stderr}");
    assert!(!stderr.to_lowercase().contains("pass phrase"), "{stderr}");
    assert!(!out.exists());

    // A wrong password says so, without echoing it.
    let output = run_owned(&args, &[("MICROCRED_KEY_PASSWORD", "guess")]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("wrong password") && stderr.contains("seal.key"),
        "{stderr}"
    );
    assert!(!stderr.contains("guess"), "{stderr}");

    // The right one, from the default variable or from one named by --password-env.
    let output = run_owned(&args, &[("MICROCRED_KEY_PASSWORD", "s3cret")]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    std::fs::remove_file(&out).unwrap();
    let mut named = args.clone();
    named.extend(["--password-env".to_owned(), "SEAL_KEY_PASS".to_owned()]);
    let output = run_owned(&named, &[("SEAL_KEY_PASS", "s3cret")]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let output = run(
        &[
            "verify",
            path(&out),
            "--trust",
            "vectors/pki/root-ca.pem",
            "--at",
            "2026-01-15T12:00:00Z",
        ],
        &[],
    );
    assert!(output.status.success(), "{}", text(&output.stdout));
}

#[test]
fn a_der_key_file_is_read() {
    let dir = scratch("der");
    let input = credential(&dir);
    let out = dir.join("sealed.jsonld");
    let key = dir.join("eseal.key.der");
    std::fs::write(&key, p256_key().private_key_to_pkcs8().unwrap()).unwrap();
    let output = run_owned(
        &seal(
            &input,
            path(&key),
            "vectors/pki/eseal-p256.chain.pem",
            &out,
            &[],
        ),
        &[],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    // A file that is neither PEM nor DER says what is expected.
    std::fs::write(&key, b"\xff\xfe not a key").unwrap();
    let output = run_owned(
        &seal(
            &input,
            path(&key),
            "vectors/pki/eseal-p256.chain.pem",
            &dir.join("other.jsonld"),
            &[],
        ),
        &[],
    );
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("expected PEM") && stderr.contains("seal.key"),
        "{stderr}"
    );
}

#[test]
fn an_unset_pkcs12_password_variable_is_reported_as_unset() {
    let dir = scratch("p12");
    let input = credential(&dir);
    let out = dir.join("sealed.jsonld");
    let cert = std::fs::read(repo().join("vectors/pki/eseal-p256.pem")).unwrap();
    let p12 = openssl::pkcs12::Pkcs12::builder()
        .name("eseal")
        .pkey(&p256_key())
        .cert(&openssl::x509::X509::from_pem(&cert).unwrap())
        .build2("s3cret")
        .unwrap();
    let file = dir.join("eseal.p12");
    std::fs::write(&file, p12.to_der().unwrap()).unwrap();
    let args = [
        "seal",
        path(&input),
        "--p12",
        path(&file),
        "--out",
        path(&out),
    ];
    let output = run(&args, &[]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("MICROCRED_P12_PASSWORD") && stderr.contains("not set"),
        "{stderr}"
    );
    assert!(stderr.contains("seal.password_missing"), "{stderr}");
    assert!(!stderr.contains("wrong password"), "{stderr}");
    // Set, but wrong: that is a wrong password.
    let output = run(&args, &[("MICROCRED_P12_PASSWORD", "guess")]);
    assert!(text(&output.stderr).contains("wrong password"));
    let output = run(&args, &[("MICROCRED_P12_PASSWORD", "s3cret")]);
    assert!(output.status.success(), "{}", text(&output.stderr));
}

#[test]
fn an_unsorted_chain_is_sorted() {
    let dir = scratch("chain");
    let input = credential(&dir);
    let out = dir.join("sealed.jsonld");
    let read = |name: &str| std::fs::read_to_string(repo().join("vectors/pki").join(name)).unwrap();
    let chain = dir.join("chain.pem");
    std::fs::write(
        &chain,
        format!("{}{}", read("intermediate-ca.pem"), read("eseal-p256.pem")),
    )
    .unwrap();
    let output = run_owned(
        &seal(
            &input,
            "vectors/pki/eseal-p256.key.pem",
            path(&chain),
            &out,
            &[],
        ),
        &[],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let output = run(
        &["verify", path(&out), "--trust", "vectors/pki/root-ca.pem"],
        &[],
    );
    assert!(output.status.success(), "{}", text(&output.stdout));
}

#[test]
fn verify_refuses_a_header_name_in_both_headers() {
    let dir = scratch("duplicate-header");
    let input = credential(&dir);
    let out = dir.join("sealed.jsonld");
    let output = run_owned(
        &seal(
            &input,
            "vectors/pki/eseal-p256.key.pem",
            "vectors/pki/eseal-p256.chain.pem",
            &out,
            &[],
        ),
        &[],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let mut file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    file["signatures"][0]["header"] = serde_json::json!({"sigT": "2020-01-01T00:00:00Z"});
    let doubled = dir.join("doubled.jsonld");
    std::fs::write(&doubled, file.to_string()).unwrap();
    let output = run(
        &[
            "verify",
            path(&doubled),
            "--trust",
            "vectors/pki/root-ca.pem",
        ],
        &[],
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stdout));
    assert!(
        text(&output.stdout).contains("seal.duplicate_header"),
        "{}",
        text(&output.stdout)
    );
}

/// The demo credential with one edit.
fn edited(dir: &Path, name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> PathBuf {
    let mut value: serde_json::Value =
        serde_json::from_str(&microcred::issue::demo_credential_json()).unwrap();
    edit(&mut value);
    let file = dir.join(name);
    std::fs::write(&file, value.to_string()).unwrap();
    file
}

#[test]
fn validate_and_seal_report_what_json_ld_would_drop() {
    let dir = scratch("jsonld");
    let nickname = edited(&dir, "nickname.jsonld", |v| {
        v["credentialSubject"]["nickname"] = serde_json::json!("Bea");
    });
    let bad_id = edited(&dir, "bad-id.jsonld", |v| {
        v["credentialSubject"]["id"] = serde_json::json!("learner 42");
    });
    for (file, code, at) in [
        (
            &nickname,
            "edc.jsonld.undefined_term",
            "$.credentialSubject.nickname",
        ),
        (&bad_id, "edc.jsonld.dropped_value", "$.credentialSubject"),
    ] {
        let output = run(&["validate", "--json", path(file)], &[]);
        assert_eq!(output.status.code(), Some(1), "{}", text(&output.stdout));
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report[0]["valid"], false);
        let findings = report[0]["findings"].as_array().unwrap();
        assert!(
            findings
                .iter()
                .any(|f| f["code"] == code && f["path"].as_str().unwrap().starts_with(at)),
            "{findings:?}"
        );
        // The message never repeats the value.
        let stdout = text(&output.stdout);
        assert!(!stdout.contains("Bea") && !stdout.contains("learner 42"));

        let out = dir.join("sealed.jsonld");
        let output = run_owned(
            &seal(
                file,
                "vectors/pki/eseal-p256.key.pem",
                "vectors/pki/eseal-p256.chain.pem",
                &out,
                &[],
            ),
            &[],
        );
        let shown = text(&output.stdout) + &text(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{shown}");
        assert!(shown.contains(code), "{shown}");
        assert!(shown.contains("seal.refused.edc_profile"), "{shown}");
        assert!(!out.exists());
    }
}
