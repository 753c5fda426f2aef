//! The differences between ELM 3.1 and 3.2 that a credential runs into.
//!
//! EDC serves both versions under one context URL, so nothing in a credential says which it
//! follows. The EDC cardinalities are the same in both; what differs is the meaning of a few keys
//! (`nationalID`) and the shapes of the VC envelope's status, proof and terms of use, which ELM 3.2
//! wants as typed ELM nodes. These are reported (info or warning), never failed: the same bytes
//! are a valid credential of one version or the other.

use serde_json::Value;

use super::Finding;
use super::codes;
use crate::model::EuropeanDigitalCredential;
use crate::terms::ElmVersion;

/// The findings on `credential` read under `version`.
pub(super) fn check(credential: &EuropeanDigitalCredential, version: ElmVersion) -> Vec<Finding> {
    let mut findings = Vec::new();
    if credential
        .credential_subject
        .as_ref()
        .is_some_and(|p| p.national_id.is_some() || p.extra.contains_key("nationalID"))
    {
        findings.push(Finding::new(
            codes::EDC_VERSION_NATIONAL_ID,
            "$.credentialSubject.nationalID".to_owned(),
        ));
    }
    if version == ElmVersion::V3_2 {
        let untyped = |entries: &[Value], class: &str| -> Vec<usize> {
            entries
                .iter()
                .enumerate()
                .filter(|(_, entry)| !has_type(entry, class))
                .map(|(i, _)| i)
                .collect()
        };
        let at = |key: &str, i: usize, len: usize| {
            if len > 1 {
                format!("$.{key}[{i}]")
            } else {
                format!("$.{key}")
            }
        };
        let proofs = &credential.proof;
        for i in untyped(proofs, "Proof") {
            findings.push(Finding::new(
                codes::EDC_VERSION_EMBEDDED_PROOF,
                at("proof", i, proofs.len()),
            ));
        }
        let statuses = &credential.credential_status;
        for i in untyped(statuses, "CredentialStatus") {
            findings.push(Finding::new(
                codes::EDC_VERSION_CREDENTIAL_STATUS,
                at("credentialStatus", i, statuses.len()),
            ));
        }
        let terms = &credential.terms_of_use;
        for i in untyped(terms, "TermsOfUse") {
            findings.push(Finding::new(
                codes::EDC_VERSION_TERMS_OF_USE,
                at("termsOfUse", i, terms.len()),
            ));
        }
    }
    findings
}

/// True when `entry` is a node whose `type` names `class`.
fn has_type(entry: &Value, class: &str) -> bool {
    match entry.get("type") {
        Some(Value::String(name)) => name == class,
        Some(Value::Array(names)) => names.iter().any(|n| n == class),
        _ => false,
    }
}
