//! `microcred seal`: seal a credential as EDC does (JAdES, `b64: false`).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use microcred::jades::{Algorithm, Pkcs12Key, Sealer, Signer, signer_from_pem};
use microcred::json::{Form, Reader};
use microcred::profile::{self, SealingPolicy, Severity};
use time::OffsetDateTime;

use crate::report;

/// Where the key and certificates come from.
pub enum KeySource<'a> {
    /// A PKCS#8 PEM key and a PEM chain (seal certificate first).
    Pem { key: &'a Path, chain: &'a Path },
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
    let (credential, form) = Reader::new()
        .read_any_unverified(&bytes)
        .map_err(|e| anyhow::anyhow!("{} ({})", e, e.code()))?;
    if form == Form::SealedUnverified {
        bail!("the input is already sealed");
    }
    // The core decides what blocks sealing; this only shows it.
    let policy = if options.require_micro_credential {
        SealingPolicy::micro_credential()
    } else {
        SealingPolicy::edc()
    };
    let check = profile::check_for_sealing(&credential, policy);
    if check.findings.iter().any(|f| f.severity != Severity::Info) {
        eprintln!(
            "== Profile check before sealing: {} ==",
            report::summary(&check.findings)
        );
        report::print_findings(&check.findings);
    }
    if let Some(refusal) = check.refusal {
        if !options.force {
            eprintln!(
                "not sealed: {refusal}; fix the errors above, or pass --force to seal anyway"
            );
            return Ok(ExitCode::FAILURE);
        }
        eprintln!("sealing anyway (--force): {refusal}");
    }

    let (sealer, signer): (Sealer, Box<dyn Signer + Send + Sync>) = match options.keys {
        KeySource::Pem { key, chain } => {
            let key_pem = std::fs::read_to_string(key)
                .with_context(|| format!("cannot read {}", key.display()))?;
            let chain_pem = std::fs::read_to_string(chain)
                .with_context(|| format!("cannot read {}", chain.display()))?;
            (
                Sealer::from_pem(&chain_pem).map_err(coded)?,
                signer_from_pem(&key_pem, options.alg).map_err(coded)?,
            )
        }
        KeySource::Pkcs12 { file, password_env } => {
            let der =
                std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
            let password = std::env::var(password_env).unwrap_or_default();
            let p12 = Pkcs12Key::open(&der, &password).map_err(coded)?;
            (
                Sealer::new(p12.chain().to_vec()).map_err(coded)?,
                p12.signer(options.alg).map_err(coded)?,
            )
        }
    };
    let at = options.at.unwrap_or_else(OffsetDateTime::now_utc);
    let sealed = sealer
        .seal(&credential, signer.as_ref(), at)
        .map_err(coded)?;
    std::fs::write(options.out, sealed.as_str())
        .with_context(|| format!("cannot write {}", options.out.display()))?;
    eprintln!(
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

fn coded(e: microcred::jades::JadesError) -> anyhow::Error {
    anyhow::anyhow!("{e} ({})", e.code())
}
