//! RDFC-1.0 straight from the walk, for a document without blank nodes.
//!
//! Without blank nodes RDFC-1.0 has nothing to relabel: the canonical form is each distinct quad
//! in canonical N-Quads, the lines sorted by code point. `sophia_c14n` gets there through an
//! indexed dataset and a sort that serialises both terms at every comparison; here each quad is
//! written once as the walk emits it, then the lines are sorted and duplicates dropped.
//!
//! The lines are the ones `sophia_c14n` writes (its `nq`: IRIs as they are, literals escaped,
//! `xsd:string` left implicit), and sorting whole lines orders them as its term-by-term sort
//! does: no term is a prefix of another one it can be compared with, except a blank node label
//! (there are none here) and a literal before its `^^`/`@` (both above the space that follows a
//! term). Distinct quads give distinct lines, so deduplicating lines deduplicates quads, except
//! for language tags that differ in case only (sophia lowercases them): the sink declines
//! upper-case tags. It declines blank nodes too: the caller then takes the general path.

use sophia_api::term::SimpleTerm;

use super::context::{Fast, Unsupported};
use super::walk::Sink;

const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
const SEC_PROOF: &str = "https://w3id.org/security#proof";

/// The canonical N-Quads of a document, and whether its default graph links to a proof graph.
pub(crate) struct Canonical {
    pub(crate) nquads: String,
    pub(crate) top_level_proof: bool,
}

/// Collects the canonical N-Quads line of each quad.
#[derive(Default)]
pub(super) struct Lines {
    lines: Vec<String>,
    top_level_proof: bool,
}

impl Lines {
    pub(super) fn finish(mut self) -> Canonical {
        self.lines.sort_unstable();
        self.lines.dedup();
        let mut nquads = String::with_capacity(self.lines.iter().map(String::len).sum());
        for line in &self.lines {
            nquads.push_str(line);
        }
        Canonical {
            nquads,
            top_level_proof: self.top_level_proof,
        }
    }
}

impl Sink for Lines {
    fn emit(
        &mut self,
        s: &SimpleTerm<'static>,
        p: &SimpleTerm<'static>,
        o: &SimpleTerm<'static>,
        g: Option<&SimpleTerm<'static>>,
    ) -> Fast<()> {
        let mut line = String::new();
        for term in [s, p, o].into_iter().chain(g) {
            write_term(&mut line, term)?;
            line.push(' ');
        }
        line.push_str(".\n");
        if g.is_none() && matches!(p, SimpleTerm::Iri(iri) if iri.as_str() == SEC_PROOF) {
            self.top_level_proof = true;
        }
        self.lines.push(line);
        Ok(())
    }
}

fn write_term(out: &mut String, term: &SimpleTerm<'static>) -> Fast<()> {
    match term {
        SimpleTerm::Iri(iri) => {
            out.push('<');
            out.push_str(iri.as_str());
            out.push('>');
        }
        SimpleTerm::LiteralDatatype(lexical, datatype) => {
            write_literal(out, lexical);
            if datatype.as_str() != XSD_STRING {
                out.push_str("^^<");
                out.push_str(datatype.as_str());
                out.push('>');
            }
        }
        SimpleTerm::LiteralLanguage(lexical, tag, None) => {
            if tag.as_str().bytes().any(|b| b.is_ascii_uppercase()) {
                return Err(Unsupported);
            }
            write_literal(out, lexical);
            out.push('@');
            out.push_str(tag.as_str());
        }
        _ => return Err(Unsupported),
    }
    Ok(())
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
        blank["credentialSubject"] = json!({"type": "urn:x:T"});
        assert!(Expander::new().canonical_fast(&blank).is_none());
    }
}
