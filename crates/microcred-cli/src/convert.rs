//! `microcred convert`: one credential between JSON-LD, RDF/XML, N-Quads and canonical N-Quads.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::ValueEnum;
use microcred::{EuropeanDigitalCredential, json, rdf, xml};

use crate::errors;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The EDC JSON-LD form.
    Jsonld,
    /// RDF/XML of the same graph.
    Xml,
    /// N-Quads.
    Nquads,
    /// RDFC-1.0 canonical N-Quads.
    Canonical,
}

/// Reads JSON-LD (plain, upload form or sealed, the seal not verified) or RDF/XML, by content.
fn read(bytes: &[u8]) -> Result<EuropeanDigitalCredential> {
    // Text formats are told from their first bytes, so JSON is parsed once, by the reader.
    match microcred::Format::sniff_text(bytes) {
        Some(microcred::Format::RdfXml | microcred::Format::Xml) => {
            xml::from_rdf_xml(bytes).map_err(errors::fail_code_first)
        }
        // Any other format: the JSON reader reads it or names what it is (N-Quads, legacy XML, ...).
        _ => json::parse_unverified(bytes).map_err(errors::fail_code_first),
    }
}

fn render(credential: &EuropeanDigitalCredential, to: Format) -> Result<String> {
    Ok(match to {
        Format::Jsonld => json::to_string_pretty(credential),
        Format::Xml => xml::to_rdf_xml(credential).map_err(errors::fail_code_first)?,
        Format::Nquads | Format::Canonical => {
            let dataset = rdf::to_dataset(credential).map_err(errors::fail_code_first)?;
            if to == Format::Nquads {
                rdf::to_nquads(&dataset)
            } else {
                rdf::canonical_nquads(&dataset).map_err(errors::fail_code_first)?
            }
        }
    })
}

pub fn run(input: &Path, to: Format, out: Option<&Path>) -> Result<ExitCode> {
    let bytes = std::fs::read(input).with_context(|| format!("reading {}", input.display()))?;
    let credential = read(&bytes).with_context(|| input.display().to_string())?;
    let text = render(&credential, to)?;
    match out {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?
        }
        None => crate::out::raw_exact(&text),
    }
    Ok(ExitCode::SUCCESS)
}
