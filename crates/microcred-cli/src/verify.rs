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

/// Files read and verified per batch: enough to keep every core busy, few enough that the memory
/// used stays the same for ten files or a hundred thousand.
const BATCH: usize = 256;

pub fn run(options: Options<'_>) -> Result<ExitCode> {
    let verifier = verifier(&options)?;
    let mut output = Output::new(options.json);
    let mut unreadable = false;
    let mut verdicts = Vec::with_capacity(options.files.len());
    for paths in options.files.chunks(BATCH) {
        // A file that cannot be read is reported in its place; the others are still verified.
        let inputs: Vec<Result<Vec<u8>, String>> = paths
            .iter()
            .map(|p| std::fs::read(p).map_err(|e| e.to_string()))
            .collect();
        let readable: Vec<&[u8]> = inputs.iter().filter_map(|i| i.as_deref().ok()).collect();
        let mut reports = verifier.verify_many(&readable).into_iter();
        for (path, input) in paths.iter().zip(&inputs) {
            let outcome = match input {
                Ok(_) => reports.next().ok_or("no report"),
                Err(e) => Err(e.as_str()),
            };
            match &outcome {
                Ok(report) => verdicts.push(report.verdict),
                Err(_) => unreadable = true,
            }
            output.report(path, outcome)?;
        }
    }
    output.finish();
    if unreadable {
        return Ok(ExitCode::from(2));
    }
    Ok(exit_code(verdicts))
}

/// Writes each file's report as soon as it is made: lines for people, or the elements of one
/// JSON array (the same bytes as pretty-printing the whole array at once).
struct Output {
    json: bool,
    written: usize,
}

impl Output {
    fn new(json: bool) -> Self {
        Output { json, written: 0 }
    }

    fn report(&mut self, path: &Path, outcome: Result<Report, &str>) -> Result<()> {
        if !self.json {
            match outcome {
                Ok(report) => print_report(path, &report),
                Err(e) => outln!("{}: UNREADABLE [io.read] {e}", path.display()),
            }
            return Ok(());
        }
        let mut value = match outcome {
            Ok(report) => serde_json::to_value(&report).unwrap_or_default(),
            Err(e) => serde_json::json!({"error": {"code": "io.read", "message": e}}),
        };
        value["file"] = path.display().to_string().into();
        // An array element is its pretty JSON indented by two spaces (JSON strings hold no raw
        // line breaks, so indenting each line is exact).
        let element = serde_json::to_string_pretty(&value)?.replace('\n', "\n  ");
        let separator = if self.written == 0 { "[\n  " } else { ",\n  " };
        crate::out::raw_exact(&format!("{separator}{element}"));
        self.written += 1;
        Ok(())
    }

    fn finish(self) {
        if self.json {
            crate::out::raw(if self.written == 0 { "[]" } else { "\n]" });
        }
    }
}

/// 0 when every credential is valid, 1 when one is invalid, 3 when none is invalid but one could
/// not be decided.
pub fn exit_code(verdicts: impl IntoIterator<Item = Verdict>) -> ExitCode {
    let verdicts: Vec<Verdict> = verdicts.into_iter().collect();
    if verdicts.contains(&Verdict::Invalid) {
        ExitCode::from(1)
    } else if verdicts.contains(&Verdict::Indeterminate) {
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
