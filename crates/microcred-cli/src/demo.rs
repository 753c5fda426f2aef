//! `microcred demo`: the whole flow on built-in test data.

use std::process::ExitCode;

use anyhow::Result;
use microcred::profile;

use crate::report;

pub fn run() -> Result<ExitCode> {
    let credential = microcred::issue::demo_credential();
    println!("== Issued micro-credential (EDC JSON-LD) ==");
    println!("{}", microcred::json::to_string_pretty(&credential));
    let findings = profile::check(&credential);
    println!("\n== Profile check: {} ==", report::summary(&findings));
    report::print_findings(&findings);
    Ok(if profile::has_errors(&findings) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
