//! `microcred sign-di`: add a W3C Data Integrity proof (`eddsa-rdfc-2022`, `did:key`).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use microcred::proof::{DataIntegrity, Ed25519KeyPair};
use time::OffsetDateTime;

use crate::out::errln;

pub fn run(
    input: &Path,
    key: &Path,
    created: Option<OffsetDateTime>,
    out: &Path,
) -> Result<ExitCode> {
    let bytes = std::fs::read(input).with_context(|| format!("cannot read {}", input.display()))?;
    let document: serde_json::Value = serde_json::from_slice(&bytes)
        .with_context(|| format!("{} is not JSON", input.display()))?;
    let pem =
        std::fs::read_to_string(key).with_context(|| format!("cannot read {}", key.display()))?;
    let key = Ed25519KeyPair::from_pkcs8_pem(&pem).map_err(crate::errors::fail)?;
    let signed = DataIntegrity::new(key.clone())
        .created(created.unwrap_or_else(OffsetDateTime::now_utc))
        .sign(&document)
        .map_err(crate::errors::fail)?;
    std::fs::write(out, serde_json::to_string_pretty(&signed)?)
        .with_context(|| format!("cannot write {}", out.display()))?;
    errln!("signed by {} -> {}", key.did_key(), out.display());
    Ok(ExitCode::SUCCESS)
}
