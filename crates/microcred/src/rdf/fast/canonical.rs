//! RDFC-1.0 straight from the walk, for a document with at most one blank node.
//!
//! With no blank node RDFC-1.0 has nothing to relabel, and with one it labels it `c14n0` (its
//! first-degree hash is unique): the canonical form is each distinct quad in canonical N-Quads,
//! the lines sorted by code point. `sophia_c14n` gets there through an indexed dataset and a
//! sort that serialises both terms at every comparison; here each quad is written once as the
//! walk emits it, into one buffer, then the lines are sorted and duplicates dropped. A proof
//! configuration (its node has no `@id`) is the common one-blank-node document.
//!
//! The lines are the ones `sophia_c14n` writes (its `nq`: IRIs as they are, literals escaped,
//! `xsd:string` left implicit), and sorting whole lines orders them as its term-by-term sort
//! does: no term is a prefix of another one it can be compared with, except a literal before its
//! `^^`/`@` (both above the space that follows a term); with one blank node label there is no
//! other label to be a prefix of. Distinct quads give distinct lines, so deduplicating lines
//! deduplicates quads, except for language tags that differ in case only (sophia lowercases
//! them): the sink declines upper-case tags. It declines a second blank node too: the caller
//! then takes the general path.

use std::ops::Range;

use super::context::{Fast, Unsupported};
use super::walk::{Node, Object, Sink};

const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
const SEC_PROOF: &str = "https://w3id.org/security#proof";
/// The label RDFC-1.0 gives the first (here: the only) blank node.
const FIRST_LABEL: &str = "_:c14n0";

/// The canonical N-Quads of a document, and whether its default graph links to a proof graph.
pub(crate) struct Canonical {
    pub(crate) nquads: String,
    pub(crate) top_level_proof: bool,
    /// The walk covered the whole document, a member left unsaid included: expanding it gives
    /// no error (see [`super::Leave::Unsaid`]).
    pub(crate) whole: bool,
}

/// Collects the canonical N-Quads line of each quad.
#[derive(Default)]
pub(super) struct Lines {
    /// Every line, one after the other.
    text: String,
    lines: Vec<Range<usize>>,
    /// The walk's label of the one blank node met so far.
    blank: Option<std::sync::Arc<str>>,
    top_level_proof: bool,
}

impl Lines {
    pub(super) fn finish(mut self) -> Canonical {
        let text = &self.text;
        self.lines
            .sort_unstable_by(|a, b| text[a.clone()].cmp(&text[b.clone()]));
        self.lines
            .dedup_by(|a, b| text[a.clone()] == text[b.clone()]);
        let mut nquads = String::with_capacity(self.lines.iter().map(|l| l.len()).sum());
        for line in &self.lines {
            nquads.push_str(&text[line.clone()]);
        }
        Canonical {
            nquads,
            top_level_proof: self.top_level_proof,
            whole: false,
        }
    }

    fn write_node(&mut self, node: &Node) -> Fast<()> {
        match node {
            Node::Iri(iri) => write_iri(&mut self.text, iri),
            Node::Blank(label) => {
                match &self.blank {
                    None => self.blank = Some(label.clone()),
                    Some(first) if first == label => {}
                    Some(_) => return Err(Unsupported),
                }
                self.text.push_str(FIRST_LABEL);
            }
        }
        Ok(())
    }
}

impl Sink for Lines {
    fn emit(&mut self, s: &Node, p: &str, o: &Object<'_>, g: Option<&Node>) -> Fast<()> {
        let start = self.text.len();
        self.write_node(s)?;
        self.text.push(' ');
        write_iri(&mut self.text, p);
        self.text.push(' ');
        match o {
            Object::Node(node) => self.write_node(node)?,
            Object::Literal(lexical, datatype) => {
                write_literal(&mut self.text, lexical);
                if *datatype != XSD_STRING {
                    self.text.push_str("^^");
                    write_iri(&mut self.text, datatype);
                }
            }
            Object::Language(lexical, tag) => {
                if tag.bytes().any(|b| b.is_ascii_uppercase()) {
                    return Err(Unsupported);
                }
                write_literal(&mut self.text, lexical);
                self.text.push('@');
                self.text.push_str(tag);
            }
        }
        self.text.push(' ');
        if let Some(graph) = g {
            self.write_node(graph)?;
            self.text.push(' ');
        } else if p == SEC_PROOF {
            self.top_level_proof = true;
        }
        self.text.push_str(".\n");
        self.lines.push(start..self.text.len());
        Ok(())
    }
}

fn write_iri(out: &mut String, iri: &str) {
    out.push('<');
    out.push_str(iri);
    out.push('>');
}

/// A lexical form between quotes, escaped as canonical N-Quads require (the one escaper of
/// `rdf::nquads`).
fn write_literal(out: &mut String, lexical: &str) {
    out.push('"');
    crate::rdf::nquads::escape_into(out, lexical);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::rdf::{Canonicalizer, Expander};

    /// The fast canonical form, checked against `sophia_c14n` on the general dataset.
    fn same_as_general(document: &Value) -> bool {
        let expander = Expander::new();
        let general = Canonicalizer::new()
            .canonical_nquads(&expander.expand_value(document).expect("expands"))
            .expect("canonicalises");
        match expander.canonical_fast(document) {
            Some(fast) => {
                assert_eq!(fast.nquads, general);
                true
            }
            None => false,
        }
    }

    #[test]
    fn equals_sophia_c14n_on_the_demo_credential_and_the_ec_samples() {
        let demo: Value =
            serde_json::from_str(&crate::issue::demo_credential_json()).expect("JSON");
        same_as_general(&demo);
        let samples = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/upstream/elm-repo/json-ld-v3"
        );
        let Ok(entries) = std::fs::read_dir(samples) else {
            eprintln!("skipped the EC samples: {samples} is absent");
            return;
        };
        let mut covered = 0;
        for entry in entries.flatten() {
            let Ok(bytes) = std::fs::read(entry.path()) else {
                continue;
            };
            let Ok(document) = serde_json::from_slice::<Value>(&bytes) else {
                continue;
            };
            if Expander::new().expand_value(&document).is_ok() && same_as_general(&document) {
                covered += 1;
            }
        }
        assert!(covered > 0, "no EC sample took the fast canonical path");
    }

    #[test]
    fn escapes_duplicates_and_what_it_declines() {
        let context = json!(["https://www.w3.org/2018/credentials/v1"]);
        let document = json!({
            "@context": context,
            "id": "urn:x:1",
            "type": ["VerifiableCredential", "VerifiableCredential"],
            "issuer": "urn:x:issuer",
            "issuanceDate": "2024-01-01T00:00:00Z",
            "credentialSubject": [
                {"id": "urn:x:s", "type": "urn:x:T\"q"},
                {"id": "urn:x:s", "type": "urn:x:T\"q"}
            ],
            "description": "tab\there \"quoted\" back\\slash\u{7f}\u{1}\u{8}\u{c}\r\n é",
        });
        // The description is not a VC 1.1 term: safe mode refuses it, so neither path runs.
        assert!(Expander::new().expand_value(&document).is_err());
        let mut ok = document.clone();
        ok.as_object_mut().unwrap().remove("description");
        ok["credentialSubject"][0]["id"] = json!("urn:x:s\u{1}");
        if Expander::new().expand_value(&ok).is_ok() {
            same_as_general(&ok);
        }
        // A blank node (a subject without an id): declined.
        let mut blank = ok.clone();
        blank["credentialSubject"] = json!([{"type": "urn:x:T"}, {"type": "urn:x:U"}]);
        assert!(Expander::new().canonical_fast(&blank).is_none());
    }

    #[test]
    fn one_blank_node_is_c14n0_and_two_are_declined() {
        // The credential has no id: it is the one blank node.
        let credential = json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential"],
            "issuer": "urn:x:issuer",
            "name": ["twice", "twice"],
            "description": "tab\there \"quoted\" back\\slash\u{7f}\u{1}\u{8}\u{c}\r\n é€",
            "credentialSubject": {"id": "urn:x:s"}
        });
        assert!(same_as_general(&credential));
        let fast = Expander::new().canonical_fast(&credential).expect("fast");
        assert!(fast.nquads.contains("_:c14n0 "));
        // Two blank nodes: the general path relabels them.
        let mut two = credential.clone();
        two["credentialSubject"] = json!({"type": "urn:x:T"});
        assert!(Expander::new().expand_value(&two).is_ok());
        assert!(Expander::new().canonical_fast(&two).is_none());
    }

    #[test]
    fn a_proof_is_walked_unsaid_or_left_out() {
        let signed: Value =
            serde_json::from_str(include_str!("../../../../../vectors/sealed/signed-di.json"))
                .expect("JSON");
        let expander = Expander::new();
        let mut unsecured = signed.clone();
        unsecured.as_object_mut().expect("object").remove("proof");
        let expected = expander.canonical_fast(&unsecured).expect("fast").nquads;

        // Walked unsaid: the same lines, and the whole document is in the subset.
        let canonical = expander
            .canonical_fast_without(&signed, "proof", None)
            .expect("fast");
        assert!(canonical.whole && !canonical.top_level_proof);
        assert_eq!(canonical.nquads, expected);
        assert!(expander.check_value(&signed).is_ok());

        // A proof the fast path declines (a float goes to the generic path): left out, the rest
        // the same, and nothing said of the whole.
        let mut declined = signed.clone();
        declined["proof"]["nonce"] = json!(1.5);
        let canonical = expander
            .canonical_fast_without(&declined, "proof", None)
            .expect("fast");
        assert!(!canonical.whole);
        assert_eq!(canonical.nquads, expected);

        // A proof with a context of its own: the rest is read with that context, the proof left
        // out.
        let context = signed["@context"].clone();
        let canonical = expander
            .canonical_fast_without(&signed, "proof", Some(&context))
            .expect("fast");
        assert!(!canonical.whole);
        assert_eq!(canonical.nquads, expected);
    }
}
