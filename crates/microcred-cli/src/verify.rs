//! `microcred verify`: verify sealed credentials (and Data Integrity proofs) offline.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use microcred::profile::Severity;
use microcred::rdf::Contexts;
use microcred::verify::{
    AnchorConfig, ConfigError, Report, Status, TrustPolicy, Verdict, Verifier, VerifierConfig,
};
use time::OffsetDateTime;

use crate::errors;
use crate::out::outln;

pub struct Options<'a> {
    pub files: &'a [PathBuf],
    pub trust: &'a [PathBuf],
    pub trusted_lists: &'a [PathBuf],
    pub trusted_dids: &'a [String],
    pub status_lists: &'a [(String, PathBuf)],
    pub contexts: &'a [(String, PathBuf)],
    pub context_dirs: &'a [PathBuf],
    pub at: Option<OffsetDateTime>,
    pub strict: bool,
    pub require_qualified: bool,
    pub elm: Option<microcred::terms::ElmVersion>,
    pub json: bool,
}

/// The verifier the options describe, built from a [`VerifierConfig`] as the bindings build theirs:
/// this only reads the files named on the command line into it.
pub fn verifier(options: &Options<'_>) -> Result<Verifier> {
    let read = |path: &PathBuf| {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
    };
    let mut config = match options.at {
        Some(at) => VerifierConfig::at(at),
        None => VerifierConfig::now(),
    };
    for path in options.trust {
        let bytes = read(path)?;
        config.trust_anchors.push(match String::from_utf8(bytes) {
            Ok(pem) if pem.contains("-----BEGIN") => AnchorConfig::Pem(pem),
            Ok(text) => AnchorConfig::Der(text.into_bytes()),
            Err(e) => AnchorConfig::Der(e.into_bytes()),
        });
    }
    for path in options.trusted_lists {
        let xml = String::from_utf8(read(path)?).map_err(|_| {
            anyhow::anyhow!("{}: the trusted list is not UTF-8 text", path.display())
        })?;
        config.trusted_lists.push(xml);
    }
    for (url, path) in options.status_lists {
        config.status_lists.insert(url.clone(), read(path)?);
    }
    let mut contexts = Contexts::new();
    for dir in options.context_dirs {
        contexts
            .register_dir(dir)
            .map_err(|e| anyhow::anyhow!("--contexts: {}", errors::code_last(&e)))?;
    }
    for (url, path) in options.contexts {
        contexts
            .register_file(url, path)
            .map_err(|e| anyhow::anyhow!("--context {url}: {}", errors::code_last(&e)))?;
    }
    for url in contexts.urls() {
        if let Some(document) = contexts.get(url) {
            config.contexts.insert(url.to_owned(), document.clone());
        }
    }
    config.elm_version = options.elm;
    config.trust_policy = if options.strict {
        TrustPolicy::Strict
    } else {
        TrustPolicy::Indeterminate
    };
    config.require_qualified = options.require_qualified;
    config.trusted_dids = options.trusted_dids.to_vec();
    Verifier::from_config(&config).map_err(|e| match &e {
        // Name the file a trust anchor or trusted list came from, not its place in the config.
        ConfigError::TrustAnchor { index, source } => file_error(&options.trust[*index], source),
        ConfigError::TrustedList { index, source } => {
            file_error(&options.trusted_lists[*index], source)
        }
        e => errors::fail(e.clone()),
    })
}

fn file_error(path: &Path, e: &microcred::x509::X509Error) -> anyhow::Error {
    anyhow::anyhow!("{}: {}", path.display(), errors::code_last(e))
}

pub fn run(options: Options<'_>) -> Result<ExitCode> {
    let verifier = verifier(&options)?;
    // A file that cannot be read is reported in its place; the others are still verified.
    let inputs: Vec<Result<Vec<u8>, String>> = options
        .files
        .iter()
        .map(|p| std::fs::read(p).map_err(|e| e.to_string()))
        .collect();
    let readable: Vec<&[u8]> = inputs.iter().filter_map(|i| i.as_deref().ok()).collect();
    let mut reports = verifier.verify_many(&readable).into_iter();
    let outcomes: Vec<Result<Report, &str>> = inputs
        .iter()
        .map(|input| match input {
            Ok(_) => reports.next().ok_or("no report"),
            Err(e) => Err(e.as_str()),
        })
        .collect();
    if options.json {
        let all: Vec<serde_json::Value> = options
            .files
            .iter()
            .zip(&outcomes)
            .map(|(path, outcome)| {
                let mut value = match outcome {
                    Ok(report) => serde_json::to_value(report).unwrap_or_default(),
                    Err(e) => serde_json::json!({"error": {"code": "io.read", "message": e}}),
                };
                value["file"] = path.display().to_string().into();
                value
            })
            .collect();
        crate::out::raw(&serde_json::to_string_pretty(&all)?);
    } else {
        for (path, outcome) in options.files.iter().zip(&outcomes) {
            match outcome {
                Ok(report) => print_report(path, report),
                Err(e) => outln!("{}: UNREADABLE [io.read] {e}", path.display()),
            }
        }
    }
    if outcomes.iter().any(Result::is_err) {
        return Ok(ExitCode::from(2));
    }
    let reports: Vec<Report> = outcomes.into_iter().filter_map(Result::ok).collect();
    Ok(exit_code(&reports))
}

/// 0 when every credential is valid, 1 when one is invalid, 3 when none is invalid but one could
/// not be decided.
pub fn exit_code(reports: &[Report]) -> ExitCode {
    if reports.iter().any(|r| r.verdict == Verdict::Invalid) {
        ExitCode::from(1)
    } else if reports.iter().any(|r| r.verdict == Verdict::Indeterminate) {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn print_report(path: &Path, report: &Report) {
    outln!("{}: {}", path.display(), verdict(report));
    print_body(report, "  ");
}

fn verdict(report: &Report) -> &'static str {
    match report.verdict {
        Verdict::Valid => "VALID",
        Verdict::Invalid => "INVALID",
        Verdict::Indeterminate => "INDETERMINATE",
    }
}

fn print_body(report: &Report, indent: &str) {
    if let Some(presentation) = &report.presentation {
        match presentation.credentials.len() {
            0 => outln!("{indent}presentation  holds no credential"),
            n => outln!("{indent}presentation  holds {n} credential(s)"),
        }
    }
    if let Some(title) = &report.title {
        outln!("{indent}credential  {title}");
    }
    if let Some(issuer) = &report.issuer {
        outln!("{indent}issuer      {issuer}");
    }
    if let Some(seal) = &report.seal {
        outln!(
            "{indent}sealed by   {} ({}; {}{})",
            seal.certificate_subject,
            seal.algorithm,
            seal.level,
            if seal.qualified { ", qualified" } else { "" }
        );
        outln!("{indent}sealed at   {}", seal.signing_time);
    }
    for check in &report.checks {
        let status = match check.status {
            Status::Ok => "ok",
            Status::Failed if check.advisory => "warning",
            Status::Failed => "FAILED",
            Status::Skipped => "skipped",
            Status::Indeterminate => "undecided",
        };
        let path = check
            .path
            .as_deref()
            .map(|p| format!("  ({p})"))
            .unwrap_or_default();
        outln!(
            "{indent}{:<16} {:<9} {:<32} {}{path}",
            check.kind.name(),
            status,
            check.code,
            check.message
        );
        // What broke a failed check: its error findings (a warning's missing elements too).
        if check.status == Status::Failed {
            for finding in check
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
            {
                outln!(
                    "{indent}    {:<40} {}  ({})",
                    finding.code,
                    finding.message,
                    finding.path
                );
            }
        }
    }
    if let Some(presentation) = &report.presentation {
        let count = presentation.credentials.len();
        for (i, credential) in presentation.credentials.iter().enumerate() {
            outln!(
                "{indent}credential {} of {count}: {}",
                i + 1,
                verdict(credential)
            );
            print_body(credential, &format!("{indent}  "));
        }
    }
}
