//! Copies of one node that disagree (`edc.conflicting_node`).
//!
//! In JSON-LD a node may appear several times, each copy carrying its id; a JSON-LD processor, and
//! so EDC's SHACL validation, merges the copies into one node holding the values of all of them.
//! EDC writes every copy in full and identical. When two copies hold different values of a
//! property that holds one, the merged node holds two: an organisation with two English legal
//! names, an identifier with two notations. EDC's shapes reject that (`sh:uniqueLang`,
//! `sh:maxCount 1`), and a reader of either copy alone sees only half of it.
//!
//! What counts as holding one value, judged on the JSON as microcred writes it: a plain value
//! (string, number, boolean), a language of a language map whose property the shapes mark
//! `sh:uniqueLang` (`title`, `description`, `legalName`, `prefLabel`), and the node of a property
//! the shapes limit to one (`eIDASIdentifier`, `registration`, `countryCode`). A copy that leaves a
//! property out does not disagree (a short reference to a node described elsewhere is fine), and
//! neither do lists, which merge.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::Finding;
use super::codes;
use crate::model::{EuropeanDigitalCredential, JsonPath};

/// Language maps the EDC shapes allow one string per language in (`sh:uniqueLang true`).
const UNIQUE_LANGUAGE: &[&str] = &["title", "description", "legalName", "prefLabel"];
/// Node-valued properties the EDC shapes allow once (`sh:maxCount 1`) wherever they appear.
const SINGLE_NODE: &[&str] = &["eIDASIdentifier", "registration", "countryCode"];

/// One finding per property on which a later copy of a node disagrees with the first copy, at
/// the later copy's path.
pub(super) fn check(credential: &EuropeanDigitalCredential) -> Vec<Finding> {
    check_document(&crate::json::to_value(credential))
}

/// [`check`] on the credential as written (`json::to_value`), when the caller has it already.
pub(super) fn check_document(document: &Value) -> Vec<Finding> {
    let mut first = HashMap::new();
    let mut findings = Vec::new();
    walk(document, &JsonPath::Root, &mut first, &mut findings);
    findings
}

/// The path is built on the stack and rendered only for a finding: formatting one per member
/// cost more than the rest of the walk.
fn walk<'v>(
    value: &'v Value,
    path: &JsonPath<'_>,
    first: &mut HashMap<&'v str, &'v Map<String, Value>>,
    findings: &mut Vec<Finding>,
) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(id)), true) = (map.get("id"), map.contains_key("type")) {
                match first.get(id.as_str()) {
                    Some(earlier) => disagreements(earlier, map, path, findings),
                    None => {
                        first.insert(id, map);
                    }
                }
            }
            for (key, member) in map {
                if key != "@context" && (member.is_object() || member.is_array()) {
                    walk(member, &path.key(key), first, findings);
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                walk(item, &path.index(index), first, findings);
            }
        }
        _ => {}
    }
}

fn disagreements(
    earlier: &Map<String, Value>,
    later: &Map<String, Value>,
    path: &JsonPath<'_>,
    findings: &mut Vec<Finding>,
) {
    for (key, b) in later {
        let Some(a) = earlier.get(key) else { continue };
        if key == "id" || key == "type" || a == b {
            continue;
        }
        let conflict = match (a, b) {
            (Value::Object(a), Value::Object(b)) if UNIQUE_LANGUAGE.contains(&key.as_str()) => {
                is_language_map(a)
                    && is_language_map(b)
                    && a.iter().any(|(language, x)| match (x, b.get(language)) {
                        (Value::String(x), Some(Value::String(y))) => x != y,
                        _ => false,
                    })
            }
            (Value::Object(a), Value::Object(b)) if SINGLE_NODE.contains(&key.as_str()) => {
                matches!((a.get("id"), b.get("id")), (Some(x), Some(y)) if x != y)
            }
            (Value::Object(_) | Value::Array(_) | Value::Null, _)
            | (_, Value::Object(_) | Value::Array(_) | Value::Null) => false,
            // Two different plain values.
            _ => true,
        };
        if conflict {
            findings.push(Finding::new(
                codes::EDC_CONFLICTING_NODE,
                format!("{path}.{key}"),
            ));
        }
    }
}

/// `{"en": "...", "fr": ["...", "..."]}`: no node keys, only strings or lists of strings.
fn is_language_map(map: &Map<String, Value>) -> bool {
    !map.contains_key("id")
        && !map.contains_key("type")
        && map.values().all(|v| match v {
            Value::String(_) => true,
            Value::Array(items) => items.iter().all(Value::is_string),
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    fn codes_at(value: serde_json::Value) -> Vec<String> {
        let credential = crate::json::parse(value.to_string().as_bytes()).expect("parses");
        super::check(&credential)
            .into_iter()
            .map(|f| {
                assert_eq!(f.code, "edc.conflicting_node");
                f.path
            })
            .collect()
    }

    fn org(id: &str, name: &str, notation: &str, eidas: &str) -> serde_json::Value {
        json!({
            "id": id, "type": "Organisation",
            "legalName": {"en": name, "fr": "Université"},
            "altLabel": {"en": name},
            "eIDASIdentifier": {"id": eidas, "type": "LegalIdentifier", "notation": notation},
        })
    }

    fn credential(issuer: serde_json::Value, body: serde_json::Value) -> serde_json::Value {
        json!({
            "@context": ["https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap"],
            "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
            "issuer": issuer,
            "credentialSubject": {"id": "urn:epass:person:1", "type": "Person", "hasClaim": {
                "id": "urn:epass:learningAchievement:1", "type": "LearningAchievement",
                "awardedBy": {"id": "urn:epass:awardingProcess:1", "type": "AwardingProcess", "awardingBody": body},
            }},
        })
    }

    #[test]
    fn identical_copies_and_short_references_agree() {
        let a = org(
            "urn:epass:org:1",
            "Uni",
            "X1",
            "urn:epass:legalIdentifier:1",
        );
        assert_eq!(codes_at(credential(a.clone(), a)), Vec::<String>::new());
        let reference = json!({"id": "urn:epass:org:1", "type": "Organisation"});
        let a = org(
            "urn:epass:org:1",
            "Uni",
            "X1",
            "urn:epass:legalIdentifier:1",
        );
        assert_eq!(codes_at(credential(a, reference)), Vec::<String>::new());
    }

    #[test]
    fn one_node_with_two_legal_names_or_notations_is_reported() {
        // What sealing did before the issuer got its own node: the certificate's names on the
        // node the awarding body shares. altLabel may hold several names per language: not a
        // conflict.
        let issuer = org(
            "urn:epass:org:1",
            "Cert Org",
            "VATBE-1",
            "urn:epass:legalIdentifier:1",
        );
        let body = org(
            "urn:epass:org:1",
            "Uni",
            "X1",
            "urn:epass:legalIdentifier:1",
        );
        let paths = codes_at(credential(issuer, body));
        assert!(paths.iter().any(|p| p.ends_with(".legalName")), "{paths:?}");
        assert!(
            paths
                .iter()
                .any(|p| p.ends_with(".eIDASIdentifier.notation")),
            "{paths:?}"
        );
        assert!(!paths.iter().any(|p| p.ends_with("altLabel")), "{paths:?}");
        // Two eIDAS identifier nodes on one organisation.
        let issuer = org(
            "urn:epass:org:1",
            "Uni",
            "X1",
            "urn:epass:legalIdentifier:1",
        );
        let body = org(
            "urn:epass:org:1",
            "Uni",
            "X1",
            "urn:epass:legalIdentifier:2",
        );
        assert_eq!(
            codes_at(credential(issuer, body)),
            ["$.issuer.eIDASIdentifier"]
        );
    }
}
