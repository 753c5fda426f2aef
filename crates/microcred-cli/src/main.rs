//! `microcred`: issue, validate and inspect ELM 3 micro-credentials from the command line.

mod convert;
mod demo;
mod issue;
mod report;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "microcred",
    version,
    about = "European Learning Model (ELM 3) micro-credentials"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Issue micro-credentials from a course description and learner records.
    Issue {
        /// The course description (TOML or JSON, by extension).
        #[arg(long)]
        course: PathBuf,
        /// One learner record (JSON).
        #[arg(
            long,
            conflicts_with = "learners",
            required_unless_present = "learners"
        )]
        learner: Option<PathBuf>,
        /// Learner records, one per row (CSV with a header row of field names).
        #[arg(long, requires = "out")]
        learners: Option<PathBuf>,
        /// Folder to write the credentials to (default for one learner: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write the EDC upload form (`{"credential": ...}`) instead of the plain credential.
        #[arg(long)]
        upload_form: bool,
    },
    /// Check credentials against the EDC application profile and the micro-credential elements.
    ///
    /// Reads plain, upload-form and sealed files (a seal is not verified here). Exits with 0 only
    /// when no file has an error finding.
    Validate {
        /// Credential files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print a JSON report instead of text.
        #[arg(long)]
        json: bool,
        /// Treat every file as not yet sealed: what EDC fills in at sealing (issued, the issuer's
        /// eIDAS identifier) is reported as a note, not an error. Upload-form files always are.
        #[arg(long)]
        before_sealing: bool,
    },
    /// Convert a credential between JSON-LD, RDF/XML, N-Quads and canonical N-Quads.
    ///
    /// The input format is detected: JSON-LD (plain, upload form, or sealed — the seal is not
    /// verified here) or RDF/XML.
    Convert {
        /// The credential file.
        input: PathBuf,
        /// The output format.
        #[arg(long, value_enum)]
        to: convert::Format,
        /// Write here instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Issue a sample micro-credential with built-in test data and print it with its findings.
    Demo,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Issue {
            course,
            learner,
            learners,
            out,
            upload_form,
        } => issue::run(
            &course,
            learner.as_deref(),
            learners.as_deref(),
            out.as_deref(),
            upload_form,
        ),
        Command::Validate {
            files,
            json,
            before_sealing,
        } => validate::run(&files, json, before_sealing),
        Command::Convert { input, to, out } => convert::run(&input, to, out.as_deref()),
        Command::Demo => demo::run(),
    };
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
