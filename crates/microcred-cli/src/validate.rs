//! `microcred validate`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use microcred::json::{Form, Reader};
use microcred::profile::{self, Finding};
use serde_json::json;

use crate::report;

use crate::out::outln;

struct Outcome {
    form: Option<Form>,
    findings: Vec<Finding>,
    error: Option<(String, String)>,
}

fn validate(path: &Path, before_sealing: bool) -> Outcome {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Outcome {
                form: None,
                findings: Vec::new(),
                error: Some(("io.read".into(), e.to_string())),
            };
        }
    };
    match Reader::new().read_any_unverified(&bytes) {
        Ok((credential, form)) => {
            let findings = if before_sealing {
                profile::check_before_sealing(&credential)
            } else {
                profile::check_as_read(&credential, form)
            };
            Outcome {
                form: Some(form),
                findings,
                error: None,
            }
        }
        Err(e) => Outcome {
            form: None,
            findings: Vec::new(),
            error: Some((e.code().into(), e.to_string())),
        },
    }
}

pub fn run(files: &[PathBuf], as_json: bool, before_sealing: bool) -> Result<ExitCode> {
    let outcomes: Vec<(&PathBuf, Outcome)> = files
        .iter()
        .map(|f| (f, validate(f, before_sealing)))
        .collect();
    let failed = outcomes
        .iter()
        .any(|(_, o)| o.error.is_some() || profile::has_errors(&o.findings));
    if as_json {
        let report: Vec<_> = outcomes
            .iter()
            .map(|(file, o)| {
                json!({
                    "file": file.display().to_string(),
                    "form": o.form.map(|f| format!("{f:?}")),
                    "valid": o.error.is_none() && !profile::has_errors(&o.findings),
                    "error": o.error.as_ref().map(|(code, message)| json!({"code": code, "message": message})),
                    "findings": o.findings,
                })
            })
            .collect();
        crate::out::raw(&serde_json::to_string_pretty(&report)?);
    } else {
        for (file, o) in &outcomes {
            match &o.error {
                Some((code, message)) => {
                    outln!("{}: unreadable [{code}] {message}", file.display())
                }
                None => {
                    let verdict = if profile::has_errors(&o.findings) {
                        "INVALID"
                    } else {
                        "valid"
                    };
                    outln!(
                        "{}: {verdict} ({})",
                        file.display(),
                        report::summary(&o.findings)
                    );
                    report::print_findings(&o.findings);
                }
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
