//! `microcred verify`: verify sealed credentials (and Data Integrity proofs) offline.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use microcred::profile::Severity;
use microcred::rdf::Contexts;
use microcred::status::StaticFetcher;
use microcred::verify::{Report, Status, TrustPolicy, Verdict, Verifier};

use crate::errors;
use microcred::x509::TrustAnchors;
use time::OffsetDateTime;

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

pub fn verifier(options: &Options<'_>) -> Result<Verifier> {
    let mut anchors = TrustAnchors::new();
    for path in options.trust {
        let pem = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let more = TrustAnchors::from_pem(&pem)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), errors::code_last(&e)))?;
        more.certificates()
            .iter()
            .for_each(|c| anchors.add(c.clone()));
    }
    for path in options.trusted_lists {
        let xml = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let more = TrustAnchors::from_trusted_list_xml(&xml)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), errors::code_last(&e)))?;
        // CA/QC services anchor every chain, TSA/QTST services time-stamps only.
        anchors.merge(more);
    }
    let mut fetcher = StaticFetcher::new();
    for (url, path) in options.status_lists {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        fetcher.insert(url.clone(), bytes);
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
    let now = options.at.unwrap_or_else(OffsetDateTime::now_utc);
    let mut verifier = Verifier::new(now);
    if let Some(version) = options.elm {
        verifier = verifier.with_elm_version(version);
    }
    Ok(verifier
        .with_contexts(contexts)
        .with_trust_anchors(anchors)
        .with_status_fetcher(fetcher)
        .with_trust_policy(if options.strict {
            TrustPolicy::Strict
        } else {
            TrustPolicy::Indeterminate
        })
        .require_qualified(options.require_qualified)
        .with_trusted_dids(options.trusted_dids.iter().cloned()))
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
