//! `microcred issue`: one learner or a CSV export, with a progress bar for batches.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use microcred::issue::{CourseTemplate, Issuance, IssueContext, LearnerRecord};
use microcred::{EuropeanDigitalCredential, json};
use time::OffsetDateTime;
use uuid::Uuid;

fn load_template(path: &Path) -> Result<CourseTemplate> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let template = match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => CourseTemplate::from_toml(&text),
        Some("json") => CourseTemplate::from_json(&text),
        _ => bail!(
            "{}: the course description must be .toml or .json",
            path.display()
        ),
    };
    template.map_err(|e| anyhow::anyhow!("{}: [{}] {e}", path.display(), e.code()))
}

fn render(credential: &EuropeanDigitalCredential, upload_form: bool) -> String {
    if upload_form {
        json::to_upload_form(credential)
    } else {
        json::to_string_pretty(credential)
    }
}

fn issue_one(
    issuance: &Issuance<'_>,
    learner: &LearnerRecord,
) -> Result<EuropeanDigitalCredential, microcred::issue::IssueError> {
    let context = IssueContext {
        now: OffsetDateTime::now_utc(),
        credential_id: Uuid::new_v4(),
    };
    issuance.issue(learner, context)
}

pub fn run(
    course: &Path,
    learner: Option<&Path>,
    learners: Option<&Path>,
    out: Option<&Path>,
    upload_form: bool,
) -> Result<ExitCode> {
    let template = load_template(course)?;
    let issuance = Issuance::new(&template);
    if let Some(path) = learner {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let record = LearnerRecord::from_json(&text)
            .map_err(|e| anyhow::anyhow!("{}: [{}] {e}", path.display(), e.code()))?;
        let credential =
            issue_one(&issuance, &record).map_err(|e| anyhow::anyhow!("[{}] {e}", e.code()))?;
        match out {
            Some(dir) => {
                let file = write(dir, &credential, upload_form)?;
                eprintln!("wrote {}", file.display());
            }
            None => println!("{}", render(&credential, upload_form)),
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(path), Some(dir)) = (learners, out) else {
        bail!("--learners needs --out")
    };
    let mut reader =
        csv::Reader::from_path(path).with_context(|| format!("reading {}", path.display()))?;
    let records: Vec<csv::Result<LearnerRecord>> = reader.deserialize().collect();
    let bar = ProgressBar::new(records.len() as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} credentials {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut failures = 0;
    for (row, record) in records.into_iter().enumerate() {
        // Row numbers count the header as row 1, as spreadsheets do; no learner data is printed.
        let line = row + 2;
        let outcome = record
            .map_err(|e| anyhow::anyhow!("not a learner record: {}", csv_error_without_data(&e)))
            .and_then(|r| {
                issue_one(&issuance, &r).map_err(|e| anyhow::anyhow!("[{}] {e}", e.code()))
            })
            .and_then(|c| write(dir, &c, upload_form));
        if let Err(e) = outcome {
            failures += 1;
            bar.suspend(|| eprintln!("{}: row {line}: {e:#}", path.display()));
        }
        bar.inc(1);
    }
    bar.finish_with_message(format!("({failures} failed)"));
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// CSV errors quote the offending field's value; keep only where and what kind.
fn csv_error_without_data(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Deserialize { err, .. } => match err.field() {
            Some(i) => format!("column {} does not fit the learner record", i + 1),
            None => "a field does not fit the learner record".to_owned(),
        },
        _ => "malformed CSV".to_owned(),
    }
}

fn write(
    dir: &Path,
    credential: &EuropeanDigitalCredential,
    upload_form: bool,
) -> Result<std::path::PathBuf> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
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
