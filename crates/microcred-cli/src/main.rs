//! `microcred`: issue, validate and inspect ELM 3 micro-credentials from the command line.

mod codes;
mod convert;
mod demo;
mod errors;
mod issue;
mod out;
mod report;
mod seal;
mod sign_di;
mod validate;
mod verify;

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
    /// Seal a credential as EDC does (JAdES eSeal, `b64: false`).
    ///
    /// EDC's sealing rules apply: `issued` becomes the signing time, and the issuer becomes a node
    /// of its own whose legal name, eIDAS identifier and country come from the certificate. The
    /// credential is checked first (as before sealing) and not sealed when EDC would reject it
    /// (`seal.refused.edc_profile`), unless `--force`. Missing micro-credential elements (Annex
    /// I) are shown as warnings, and block only with `--require-micro-credential`.
    Seal {
        /// The credential (plain JSON-LD or EDC upload form).
        input: PathBuf,
        /// The private key (PEM or DER; PKCS#8, or PKCS#1/SEC1; encrypted keys take their
        /// password from the environment, see `--password-env`), with `--cert`.
        #[arg(long, requires = "cert", conflicts_with = "p12")]
        key: Option<PathBuf>,
        /// The certificate chain (PEM, seal certificate first), with `--key`.
        #[arg(long, requires = "key")]
        cert: Option<PathBuf>,
        /// A PKCS#12 file (.p12/.pfx) holding the key and its certificates.
        #[arg(long, required_unless_present = "key")]
        p12: Option<PathBuf>,
        /// The environment variable holding the password of the PKCS#12 file or of an encrypted
        /// key (default: MICROCRED_P12_PASSWORD with `--p12`, MICROCRED_KEY_PASSWORD with
        /// `--key`). Passwords are never taken on the command line nor asked for.
        #[arg(long)]
        password_env: Option<String>,
        /// The algorithm (default: RS256 for RSA keys, ES256 for P-256, EdDSA for Ed25519).
        #[arg(long)]
        alg: Option<microcred::jades::Algorithm>,
        /// The signing time (RFC 3339; default: now).
        #[arg(long, value_parser = parse_time)]
        at: Option<time::OffsetDateTime>,
        /// Where to write the sealed credential.
        #[arg(long)]
        out: PathBuf,
        /// Seal even when the profile check finds errors.
        #[arg(long)]
        force: bool,
        /// Refuse a credential that is not a complete micro-credential (Annex I of the Council
        /// Recommendation), not only what EDC would reject (`seal.refused.micro_credential`).
        #[arg(long)]
        require_micro_credential: bool,
    },
    /// Add a W3C Data Integrity proof (`eddsa-rdfc-2022`, `did:key`) for VCDM verifiers.
    ///
    /// EDC itself only accepts JAdES seals; this is for exchange with VCDM wallets and verifiers.
    SignDi {
        /// The credential (JSON-LD, VCDM 1.1 or 2.0).
        input: PathBuf,
        /// An Ed25519 private key (PKCS#8 PEM); the proof names it as a `did:key`.
        #[arg(long)]
        key: PathBuf,
        /// The proof's `created` time (RFC 3339; default: now).
        #[arg(long, value_parser = parse_time)]
        created: Option<time::OffsetDateTime>,
        /// Where to write the signed credential.
        #[arg(long)]
        out: PathBuf,
    },
    /// Verify credentials and presentations offline: the seal or proof, trust, expiry,
    /// revocation, accreditation.
    ///
    /// Takes EDC credentials (sealed or not), any W3C verifiable credential with a Data Integrity
    /// proof, and sealed presentations (a report per credential inside). Exits with 0 only when
    /// every file is valid; 1 when one is invalid; 3 when none is invalid but one could not be
    /// decided (no trust anchor, status list unavailable, a context not supplied).
    Verify {
        /// Credential files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Trust anchors (PEM bundle); may be repeated.
        #[arg(long)]
        trust: Vec<PathBuf>,
        /// An EU Trusted List (XML) whose qualified CA certificates become trust anchors.
        #[arg(long)]
        trusted_list: Vec<PathBuf>,
        /// A status list credential available offline, as URL=FILE; may be repeated.
        #[arg(long, value_parser = parse_mapping)]
        status_list: Vec<(String, PathBuf)>,
        /// Verify as of this time (RFC 3339; default: now).
        #[arg(long, value_parser = parse_time)]
        at: Option<time::OffsetDateTime>,
        /// A DID whose Data Integrity proofs are trusted; may be repeated.
        #[arg(long)]
        trust_did: Vec<String>,
        /// A JSON-LD context available offline, as URL=FILE; may be repeated. Contexts are never
        /// fetched.
        #[arg(long, value_parser = parse_mapping)]
        context: Vec<(String, PathBuf)>,
        /// A folder of JSON-LD contexts with an index.json mapping each URL to a file name in the
        /// folder; may be repeated.
        #[arg(long)]
        contexts: Vec<PathBuf>,
        /// A seal that reaches no trust anchor fails instead of being undecided.
        #[arg(long)]
        strict: bool,
        /// Fail seals that are not qualified electronic seals.
        #[arg(long)]
        require_qualified: bool,
        /// Read EDC credentials as this ELM version (3.1 or 3.2; both use one context URL) and
        /// report where the two versions read them differently.
        #[arg(long, value_parser = parse_elm_version)]
        elm: Option<microcred::terms::ElmVersion>,
        /// Print the reports as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The whole flow on built-in test data: issue a micro-credential, seal it with the test PKI
    /// (published test keys, never for real credentials) and verify it.
    Demo,
    /// List every code microcred can produce (errors, profile findings, verification checks),
    /// with its category, severity and meaning.
    Codes {
        /// Print the catalogue as JSON (the text of vectors/codes.json).
        #[arg(long)]
        json: bool,
    },
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
        Command::Seal {
            input,
            key,
            cert,
            p12,
            password_env,
            alg,
            at,
            out,
            force,
            require_micro_credential,
        } => {
            let keys = match (&key, &cert, &p12) {
                (Some(key), Some(chain), _) => seal::KeySource::Pem {
                    key,
                    chain,
                    password_env: password_env.as_deref().unwrap_or("MICROCRED_KEY_PASSWORD"),
                },
                (_, _, Some(file)) => seal::KeySource::Pkcs12 {
                    file,
                    password_env: password_env.as_deref().unwrap_or("MICROCRED_P12_PASSWORD"),
                },
                _ => unreachable!("clap requires --key with --cert, or --p12"),
            };
            seal::run(seal::Options {
                input: &input,
                keys,
                alg,
                at,
                out: &out,
                force,
                require_micro_credential,
            })
        }
        Command::SignDi {
            input,
            key,
            created,
            out,
        } => sign_di::run(&input, &key, created, &out),
        Command::Verify {
            files,
            trust,
            trust_did,
            trusted_list,
            status_list,
            context,
            contexts,
            at,
            strict,
            require_qualified,
            elm,
            json,
        } => verify::run(verify::Options {
            files: &files,
            trust: &trust,
            trusted_lists: &trusted_list,
            trusted_dids: &trust_did,
            status_lists: &status_list,
            contexts: &context,
            context_dirs: &contexts,
            at,
            strict,
            require_qualified,
            elm,
            json,
        }),
        Command::Demo => demo::run(),
        Command::Codes { json } => codes::run(json),
    };
    match outcome {
        Ok(code) => code,
        Err(e) if e.is::<issue::Reported>() => ExitCode::from(2),
        Err(e) => {
            out::err_line(&format!("error: {e:#}"));
            ExitCode::from(2)
        }
    }
}

fn parse_time(text: &str) -> Result<time::OffsetDateTime, String> {
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .map_err(|_| "expected an RFC 3339 time such as 2026-01-15T10:00:00Z".to_owned())
}

fn parse_elm_version(text: &str) -> Result<microcred::terms::ElmVersion, String> {
    microcred::terms::ElmVersion::parse(text).ok_or_else(|| "expected 3.1 or 3.2".to_owned())
}

fn parse_mapping(text: &str) -> Result<(String, PathBuf), String> {
    let (url, file) = text
        .split_once('=')
        .ok_or_else(|| "expected URL=FILE".to_owned())?;
    Ok((url.to_owned(), PathBuf::from(file)))
}
