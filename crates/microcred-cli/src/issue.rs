//! `microcred issue`: one learner or a CSV export, with a progress bar for batches on a terminal.
//!
//! What concerns every learner (the template, the learner file's encoding and header, `--out`)
//! is checked first and reported once, naming the file; then each row is issued on its own and
//! reported at its line in the file. A batch ends with a summary on standard error, and standard
//! output lists `line N<TAB>file` for each credential written. Messages name files, lines,
//! columns and fields, never learner data.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use microcred::issue::{
    CourseTemplate, Issuance, IssueContext, IssueError, LearnerRecord, LearnerTable,
};
use microcred::{EuropeanDigitalCredential, json};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::errors;
use crate::out::{errln, outln};

/// Problems already printed, one per line: the command exits with 2 without another message.
#[derive(Debug)]
pub struct Reported;

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("problems reported above")
    }
}

impl std::error::Error for Reported {}

/// Prints each problem once, as `FILE: [code] message`, and gives up.
fn report_all(file: &Path, problems: &[IssueError]) -> anyhow::Error {
    for problem in problems {
        errln!("{}: {}", file.display(), errors::code_first(problem));
    }
    anyhow::Error::new(Reported)
}

fn load_template(path: &Path) -> Result<CourseTemplate> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let template = match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => CourseTemplate::from_toml(&text),
        Some("json") => CourseTemplate::from_json(&text),
        // Any other name: the core tells JSON from TOML by the text.
        _ => CourseTemplate::from_text(&text),
    };
    template.map_err(|e| report_all(path, &[e]))
}

fn render(credential: &EuropeanDigitalCredential, upload_form: bool) -> String {
    if upload_form {
        json::to_upload_form(credential)
    } else {
        json::to_string_pretty(credential)
    }
}

/// The output folder, created when missing; an error when `--out` names something else.
fn out_folder(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        bail!("--out {}: not a folder", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))
}

pub fn run(
    course: &Path,
    learner: Option<&Path>,
    learners: Option<&Path>,
    out: Option<&Path>,
    upload_form: bool,
) -> Result<ExitCode> {
    let template = load_template(course)?;
    // Every problem of the template at once, rather than the first one `Issuance::new` gives.
    let issuance =
        Issuance::new(&template).map_err(|_| report_all(course, &template.problems()))?;
    let now = OffsetDateTime::now_utc();
    let problems = issuance.problems_at(now);
    if !problems.is_empty() {
        return Err(report_all(course, &problems));
    }
    match (learner, learners, out) {
        (Some(path), _, out) => one(&issuance, now, path, out, upload_form),
        (None, Some(path), Some(dir)) => batch(&issuance, now, path, dir, upload_form),
        _ => bail!("--learners needs --out"),
    }
}

fn one(
    issuance: &Issuance,
    now: OffsetDateTime,
    path: &Path,
    out: Option<&Path>,
    upload_form: bool,
) -> Result<ExitCode> {
    if let Some(dir) = out {
        out_folder(dir)?;
    }
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let record = LearnerRecord::from_json(&text).map_err(|e| report_all(path, &[e]))?;
    let credential = issuance
        .issue(&record, IssueContext::new(now, Uuid::new_v4()))
        .map_err(|e| report_all(path, &[e]))?;
    match out {
        Some(dir) => {
            let file = write(dir, &credential, upload_form)?;
            errln!("wrote {}", file.display());
        }
        None => crate::out::raw(&render(&credential, upload_form)),
    }
    Ok(ExitCode::SUCCESS)
}

fn batch(
    issuance: &Issuance,
    now: OffsetDateTime,
    path: &Path,
    dir: &Path,
    upload_form: bool,
) -> Result<ExitCode> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let table = LearnerTable::from_csv(&bytes).map_err(|problems| report_all(path, &problems))?;
    let problems = issuance.table_problems(&table);
    if !problems.is_empty() {
        return Err(report_all(path, &problems));
    }
    out_folder(dir)?;

    // On a terminal only: indicatif draws nothing when standard error is not one.
    let bar = ProgressBar::new(table.rows.len() as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} credentials")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let (mut issued, mut skipped, mut failed) = (0, 0, 0);
    for row in &table.rows {
        let outcome = row
            .record
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|record| issuance.issue(record, IssueContext::new(now, Uuid::new_v4())));
        match outcome {
            Ok(credential) => match write(dir, &credential, upload_form) {
                Ok(file) => {
                    issued += 1;
                    bar.suspend(|| outln!("line {}\t{}", row.line, file.display()));
                }
                Err(e) => {
                    failed += 1;
                    bar.suspend(|| errln!("{}, line {}: {e:#}", path.display(), row.line));
                }
            },
            Err(e) => {
                if e.code() == "issue.csv.duplicate_learner" {
                    skipped += 1;
                } else {
                    failed += 1;
                }
                let at = location(path, row.line, &table, &e);
                bar.suspend(|| errln!("{at}: {}", errors::code_first(&e)));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    errln!(
        "{}: {} learner row(s): {issued} issued, {skipped} skipped, {failed} failed; credentials in {}",
        path.display(),
        table.rows.len(),
        dir.display()
    );
    Ok(if issued == table.rows.len() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `FILE, line N` and, when the problem is in one field, `, column C (field)`.
fn location(path: &Path, line: usize, table: &LearnerTable, e: &IssueError) -> String {
    if e.line().is_some() {
        // The message names the line itself.
        return path.display().to_string();
    }
    let column = e
        .field()
        .and_then(|field| table.column_of(field).map(|c| (c, field)));
    match column {
        Some((column, field)) => {
            format!("{}, line {line}, column {column} ({field})", path.display())
        }
        None => format!("{}, line {line}", path.display()),
    }
}

fn write(dir: &Path, credential: &EuropeanDigitalCredential, upload_form: bool) -> Result<PathBuf> {
    let id = credential
        .id
        .as_deref()
        .unwrap_or("credential")
        .trim_start_matches("urn:credential:");
    let file = dir.join(format!("{id}.jsonld"));
    std::fs::write(&file, render(credential, upload_form))
        .with_context(|| format!("writing {}", file.display()))?;
    Ok(file)
}
