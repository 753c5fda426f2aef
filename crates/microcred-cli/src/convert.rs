//! `microcred convert`: one credential between JSON-LD, RDF/XML, N-Quads and canonical N-Quads.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
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
    let first = bytes
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
    if looks_like_nquads(bytes) {
        return Err(anyhow!(
            "[convert.nquads_input] N-Quads input is not supported: convert from the JSON-LD or RDF/XML form"
        ));
    }
    if first == Some(b'<') {
        xml::from_rdf_xml(bytes).map_err(errors::fail_code_first)
    } else {
        json::parse_unverified(bytes).map_err(errors::fail_code_first)
    }
}

/// True when the first statement reads as N-Quads or N-Triples (`<iri> <iri> ...` or `_:b <iri>`),
/// which also starts with `<` but is not XML.
fn looks_like_nquads(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let Some(first) = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
    else {
        return false;
    };
    let subject_end = if first.starts_with("_:") {
        first.find(char::is_whitespace)
    } else if first.starts_with('<') && !first.starts_with("<?") && !first.starts_with("<!") {
        first.find('>').map(|i| i + 1)
    } else {
        None
    };
    subject_end.is_some_and(|end| {
        first[..end].chars().all(|c| !c.is_whitespace())
            && first[end..].trim_start().starts_with('<')
    })
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
