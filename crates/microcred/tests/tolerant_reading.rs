//! Tolerant reading, strict reporting, as a property: take a real credential (the EC samples, the
//! shared vectors), then move a node into another place, give a single value twice, or wrap a value
//! in a list. The reader never fails on the result, writes it back unchanged, and the profile check
//! names every member that no longer fits, at its path.

mod shared;

use std::path::PathBuf;

use microcred::model::{AnyNode, DecodeErrorKind};
use microcred::profile::{self, Finding};
use proptest::prelude::*;
use serde_json::Value;

/// Members whose values the model keeps as plain JSON (status entries, proofs...): the profile
/// check does not look inside them, so a change there has nothing to be named by.
const OPAQUE: &[&str] = &[
    "credentialStatus",
    "termsOfUse",
    "holder",
    "proof",
    "@context",
];

/// The credentials to mutate: the plain JSON of each EC sample (the payload of a sealed one) and
/// every credential of the shared vectors that reads.
fn corpus() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for (name, bytes) in shared::ec_samples() {
        let value: Value = serde_json::from_slice(&bytes).expect("sample is JSON");
        let plain = match (value.get("payload"), value.get("credential")) {
            (Some(Value::String(payload)), _) => serde_json::from_str(payload).expect("payload"),
            // The upload form lacks `@context`; the plain form of the same credential is in the set.
            (_, Some(_)) => continue,
            _ => value,
        };
        out.push((name.to_owned(), plain));
    }
    let cases = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../vectors/cases");
    let mut names: Vec<_> = std::fs::read_dir(&cases)
        .expect("vectors/cases is committed")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    names.sort();
    for path in names {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        if microcred::json::parse(&bytes).is_err() {
            continue; // the reader-error vectors
        }
        let value: Value = serde_json::from_slice(&bytes).expect("a vector that reads is JSON");
        if value.get("credential").is_some() {
            continue; // the upload form: its plain form is in the set
        }
        out.push((path.display().to_string(), value));
    }
    assert!(out.len() > 60, "only {} credentials", out.len());
    out
}

/// A member of a node: the JSON pointer of the node, the key, and the path the profile check
/// uses for the member (an index only inside lists of several).
#[derive(Debug, Clone)]
struct Slot {
    pointer: String,
    key: String,
    path: String,
}

/// Every member of every node (an object with a `type`) outside opaque members.
fn slots(value: &Value) -> Vec<Slot> {
    fn walk(value: &Value, pointer: &str, path: &str, out: &mut Vec<Slot>) {
        match value {
            Value::Object(members) => {
                let is_node = members.contains_key("type");
                for (key, member) in members {
                    if OPAQUE.contains(&key.as_str()) || key == "type" {
                        continue;
                    }
                    let escaped = key.replace('~', "~0").replace('/', "~1");
                    let here_pointer = format!("{pointer}/{escaped}");
                    let here_path = format!("{path}.{key}");
                    if is_node && key != "id" {
                        out.push(Slot {
                            pointer: pointer.to_owned(),
                            key: key.clone(),
                            path: here_path.clone(),
                        });
                    }
                    walk(member, &here_pointer, &here_path, out);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let here_path = if items.len() > 1 {
                        format!("{path}[{i}]")
                    } else {
                        path.to_owned()
                    };
                    walk(item, &format!("{pointer}/{i}"), &here_path, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, "", "$", &mut out);
    out
}

/// Every node (an object with a `type`) outside opaque members.
fn nodes(value: &Value) -> Vec<Value> {
    fn walk(value: &Value, out: &mut Vec<Value>) {
        match value {
            Value::Object(members) => {
                if members.contains_key("type") {
                    out.push(value.clone());
                }
                for (key, member) in members {
                    if !OPAQUE.contains(&key.as_str()) {
                        walk(member, out);
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut out);
    out
}

#[derive(Debug, Clone, Copy)]
enum Mutation {
    /// Replace the member's value with a copy of another node.
    Move,
    /// Give the member's value twice.
    Duplicate,
    /// Wrap the member's value in a list of one.
    Wrap,
}

/// Applies `mutation` to `slot`; false when it does not apply (a list cannot be duplicated...).
fn mutate(value: &mut Value, slot: &Slot, mutation: Mutation, other: &Value) -> bool {
    let Some(member) = value
        .pointer_mut(&slot.pointer)
        .and_then(|node| node.get_mut(&slot.key))
    else {
        return false;
    };
    match mutation {
        Mutation::Move => *member = other.clone(),
        Mutation::Duplicate if !member.is_array() => {
            let single = member.take();
            *member = Value::Array(vec![single.clone(), single]);
        }
        Mutation::Wrap if !member.is_array() => *member = Value::Array(vec![member.take()]),
        _ => return false,
    }
    true
}

/// True when the node at `pointer` lies inside a member its ancestors keep as read (a stray).
/// True for a member name no class of the model knows (`@type`, a misspelt name): the reader
/// keeps such a member as read.
fn unknown_key(key: &str) -> bool {
    key != "id" && !AnyNode::CLASSES.iter().any(|(_, keys)| keys.contains(&key))
}

fn inside_stray(document: &Value, pointer: &str) -> bool {
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    for depth in 0..segments.len() {
        let here = if depth == 0 {
            String::new()
        } else {
            format!("/{}", segments[..depth].join("/"))
        };
        let Some(node) = document.pointer(&here) else {
            return false;
        };
        let key = segments[depth].replace("~1", "/").replace("~0", "~");
        // Kept as read: a member whose value did not fit (a stray), or one no class of the model
        // knows.
        if node.get("type").is_some()
            && (unknown_key(&key) || AnyNode::read(node).strays().iter().any(|s| s.key == key))
        {
            return true;
        }
    }
    false
}

/// True when a finding names the member at `path` (or something inside a list kept there).
fn named(findings: &[Finding], path: &str) -> bool {
    findings.iter().any(|f| {
        f.path == path
            || f.path.starts_with(&format!("{path}["))
            || f.path.starts_with(&format!("{path}."))
    })
}

fn check_one(name: &str, original: &Value, slot: &Slot, mutation: Mutation, other: &Value) {
    let mut mutated = original.clone();
    if !mutate(&mut mutated, slot, mutation, other) {
        return;
    }
    let bytes = serde_json::to_vec(&mutated).expect("serialises");
    let credential = microcred::json::parse(&bytes).unwrap_or_else(|e| {
        panic!(
            "{name}: {mutation:?} at {}: the reader failed: {e}",
            slot.path
        )
    });
    let written = microcred::json::to_value(&credential);

    // Did the member still fit? Ask the node that holds it, read on its own.
    let parent = mutated.pointer(&slot.pointer).expect("the node is there");
    let stray = AnyNode::read(parent)
        .strays()
        .into_iter()
        .find(|s| s.key == slot.key)
        .map(|s| s.error.kind);
    let findings = profile::check(&credential);

    match stray {
        Some(kind) => {
            assert!(
                written == mutated,
                "{name}: {mutation:?} at {}: not kept unchanged",
                slot.path
            );
            assert!(
                named(&findings, &slot.path),
                "{name}: {mutation:?} at {} ({kind:?}) is not reported: {findings:#?}",
                slot.path
            );
            let code = match kind {
                DecodeErrorKind::UnexpectedClass { .. } => "edc.unexpected_class",
                DecodeErrorKind::TooMany => "edc.too_many.",
                _ => "edc.invalid_value",
            };
            assert!(
                findings
                    .iter()
                    .any(|f| f.code.starts_with(code) && f.path.starts_with(&slot.path)),
                "{name}: {mutation:?} at {}: no {code} finding: {findings:#?}",
                slot.path
            );
        }
        None => match mutation {
            // Inside a member that was already kept as read, everything is kept as read.
            Mutation::Wrap if inside_stray(original, &slot.pointer) || unknown_key(&slot.key) => {
                assert!(
                    written == mutated,
                    "{name}: wrap at {} inside a kept member",
                    slot.path
                );
            }
            // A list of one means the same as its value; the writer writes the value.
            Mutation::Wrap => {
                assert!(
                    written == *original,
                    "{name}: wrap at {} is not written as the value",
                    slot.path
                );
                let before = profile::check(
                    &microcred::json::parse(&serde_json::to_vec(original).expect("serialises"))
                        .expect("reads"),
                );
                assert_eq!(
                    findings, before,
                    "{name}: wrap at {} changed the findings",
                    slot.path
                );
            }
            _ => assert!(
                written == mutated,
                "{name}: {mutation:?} at {}: not kept unchanged",
                slot.path
            ),
        },
    }
    for finding in &findings {
        assert!(finding.path.starts_with('$'), "{finding}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_reader_keeps_what_does_not_fit_and_the_check_names_it(
        which in any::<prop::sample::Index>(),
        target in any::<prop::sample::Index>(),
        source in any::<prop::sample::Index>(),
        kind in 0u8..3,
    ) {
        let corpus = corpus_once();
        let (name, original) = which.get(corpus);
        let targets = slots(original);
        let sources = nodes(original);
        prop_assume!(!targets.is_empty() && !sources.is_empty());
        let slot = target.get(&targets);
        let other = source.get(&sources);
        let mutation = [Mutation::Move, Mutation::Duplicate, Mutation::Wrap][usize::from(kind)];
        with_stack(|| check_one(name, original, slot, mutation, other));
    }
}

/// Runs `f` on a thread with room for the generic JSON-LD expansion that the profile check runs
/// on what the fast path declines (nested lists): an unoptimised build takes about ten times the
/// stack per level of an optimised one (see `rdf::Expander::with_max_depth`), more than a test
/// thread's 2 MiB at the EC sample's depth.
fn with_stack(f: impl FnOnce() + Send) {
    std::thread::scope(|scope| {
        let thread = std::thread::Builder::new()
            .stack_size(16 << 20)
            .spawn_scoped(scope, f)
            .expect("a test thread");
        if let Err(panic) = thread.join() {
            std::panic::resume_unwind(panic);
        }
    });
}

fn corpus_once() -> &'static [(String, Value)] {
    static CORPUS: std::sync::OnceLock<Vec<(String, Value)>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(corpus)
}

/// The mutations the issue names, on the EC micro-credential, each checked once by hand.
#[test]
fn each_kind_of_change_on_the_ec_sample() {
    let Some(payload) = shared::signed_mc_payload() else {
        return;
    };
    let original: Value = serde_json::from_str(&payload).expect("payload is JSON");
    let all = slots(&original);
    let slot = |path: &str| {
        all.iter()
            .find(|s| s.path == path)
            .unwrap_or_else(|| panic!("no slot {path}"))
            .clone()
    };
    let qualification = original["credentialSubject"]["hasClaim"]["specifiedBy"].clone();
    for (path, mutation) in [
        (
            "$.credentialSubject.hasClaim.provenBy.specifiedBy",
            Mutation::Move,
        ),
        ("$.issuer.eIDASIdentifier", Mutation::Duplicate),
        ("$.credentialSubject.hasClaim.title", Mutation::Duplicate),
        (
            "$.credentialSubject.hasClaim.specifiedBy.eqfLevel",
            Mutation::Wrap,
        ),
        ("$.credentialSubject.hasClaim.title", Mutation::Wrap),
    ] {
        let slot = slot(path);
        with_stack(|| {
            check_one(
                "Sample-MC-Annex1-signed",
                &original,
                &slot,
                mutation,
                &qualification,
            )
        });
    }
}
