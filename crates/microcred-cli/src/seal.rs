//! `microcred seal`: seal a credential as EDC does (JAdES, `b64: false`).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use microcred::jades::{Algorithm, JadesError, Pkcs12Key, Sealer, Signer, signer_from_key};
use microcred::json::Reader;
use microcred::profile::{self, SealingPolicy, Severity};
use time::OffsetDateTime;

use crate::errors;
use crate::report;

use crate::out::errln;

/// Where the key and certificates come from.
pub enum KeySource<'a> {
    /// A key file (PEM or DER, encrypted or not), a PEM chain, and the environment variable
    /// holding the key's password when it is encrypted.
    Pem {
        key: &'a Path,
        chain: &'a Path,
        password_env: &'a str,
    },
    /// A PKCS#12 file and the environment variable holding its password.
    Pkcs12 {
        file: &'a Path,
        password_env: &'a str,
    },
}

pub struct Options<'a> {
    pub input: &'a Path,
    pub keys: KeySource<'a>,
    pub alg: Option<Algorithm>,
    pub at: Option<OffsetDateTime>,
    pub out: &'a Path,
    pub force: bool,
    pub require_micro_credential: bool,
}

pub fn run(options: Options<'_>) -> Result<ExitCode> {
    let bytes = std::fs::read(options.input)
        .with_context(|| format!("cannot read {}", options.input.display()))?;
    // A sealed input is refused by the reader (`json.sealed_input`).
    let credential = Reader::new().read(&bytes).map_err(errors::fail)?;
    // The core decides what blocks sealing; this only shows it.
    let policy = if options.require_micro_credential {
        SealingPolicy::micro_credential()
    } else {
        SealingPolicy::edc()
    };
    let check = profile::check_for_sealing(&credential, policy);
    if check.findings.iter().any(|f| f.severity != Severity::Info) {
        errln!(
            "== Profile check before sealing: {} ==",
            report::summary(&check.findings)
        );
        report::print_findings(&check.findings);
    }
    if let Some(refusal) = check.refusal {
        if !options.force {
            errln!("not sealed: {refusal}; fix the errors above, or pass --force to seal anyway");
            return Ok(ExitCode::FAILURE);
        }
        errln!("sealing anyway (--force): {refusal}");
    }

    let (sealer, signer): (Sealer, Box<dyn Signer + Send + Sync>) = match options.keys {
        KeySource::Pem {
            key,
            chain,
            password_env,
        } => {
            let key_file =
                std::fs::read(key).with_context(|| format!("cannot read {}", key.display()))?;
            let chain_pem = std::fs::read_to_string(chain)
                .with_context(|| format!("cannot read {}", chain.display()))?;
            let password = password_from(password_env)?;
            let signer = signer_from_key(&key_file, password.as_deref(), options.alg)
                .map_err(|e| match e {
                    JadesError::PasswordMissing(_) => anyhow::anyhow!(
                        "the key is encrypted and the environment variable {password_env} holding its password is not set (--password-env names another); it is never asked for ({})",
                        e.code()
                    ),
                    e => coded(e),
                })?;
            (Sealer::from_pem(&chain_pem).map_err(coded)?, signer)
        }
        KeySource::Pkcs12 { file, password_env } => {
            let der =
                std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
            let p12 = match password_from(password_env)? {
                Some(password) => Pkcs12Key::open(&der, &password),
                None => Pkcs12Key::open_without_password(&der),
            }
            .map_err(|e| match e {
                JadesError::PasswordMissing(_) => anyhow::anyhow!(
                    "the PKCS#12 file is protected by a password and the environment variable {password_env} that should hold it is not set (--password-env names another) ({})",
                    e.code()
                ),
                e => coded(e),
            })?;
            (
                Sealer::new(p12.chain().to_vec()).map_err(coded)?,
                p12.signer(options.alg).map_err(coded)?,
            )
        }
    };
    // The core reads no clock: the system time is passed in, so that a `--at` in the future is
    // refused as verification would refuse it.
    let now = OffsetDateTime::now_utc();
    let at = options.at.unwrap_or(now);
    let sealer = sealer.with_current_time(now);
    let sealed = sealer
        .seal(&credential, signer.as_ref(), at)
        .map_err(coded)?;
    std::fs::write(options.out, sealed.as_str())
        .with_context(|| format!("cannot write {}", options.out.display()))?;
    errln!(
        "sealed with {} at {} by {} -> {}",
        signer.algorithm(),
        sealed
            .credential()
            .issued
            .as_ref()
            .map(|d| d.as_str())
            .unwrap_or("?"),
        sealer.certificate().subject_text(),
        options.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The password in the environment variable `name`: `None` when it is not set. (Not wiped after
/// use: the process environment holds it anyway.)
fn password_from(name: &str) -> Result<Option<String>> {
    match std::env::var(name) {
        Ok(password) => Ok(Some(password)),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => {
            bail!("the environment variable {name} is not valid Unicode")
        }
    }
}

fn coded(e: JadesError) -> anyhow::Error {
    errors::fail(e)
}
