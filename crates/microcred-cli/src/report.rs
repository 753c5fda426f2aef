//! Printing findings for people.

use microcred::profile::{Finding, Severity};

use crate::out::outln;

/// One line per finding, errors first.
pub fn print_findings(findings: &[Finding]) {
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| f.severity);
    for f in sorted {
        let tag = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        outln!("  {tag:<7} {:<40} {}  ({})", f.code, f.message, f.path);
    }
}

/// "2 errors, 1 warning, 3 notes".
pub fn summary(findings: &[Finding]) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    format!(
        "{} errors, {} warnings, {} notes",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    )
}
