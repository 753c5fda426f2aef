//! Issuance.

/// Demo.
pub fn demo_credential_json() -> String { String::new() }
