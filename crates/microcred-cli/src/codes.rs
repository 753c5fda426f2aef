//! `microcred codes`: the catalogue of every code microcred can produce.

use std::process::ExitCode;

use anyhow::Result;
use microcred::codes;

use crate::out;

/// Prints the catalogue: one line per code, or with `json` the text of `vectors/codes.json`.
pub fn run(json: bool) -> Result<ExitCode> {
    if json {
        out::raw_exact(&codes::to_json());
        return Ok(ExitCode::SUCCESS);
    }
    for info in codes::catalogue() {
        let severity = info.severity.map(|s| s.as_str()).unwrap_or("-");
        out::line(&format!(
            "{:<48} {:<11} {:<7} {}",
            info.code, info.category, severity, info.meaning
        ));
    }
    Ok(ExitCode::SUCCESS)
}
