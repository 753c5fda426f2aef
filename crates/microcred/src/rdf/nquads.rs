//! N-Quads output.
//!
//! Written here rather than with `sophia_turtle`'s serializer: that crate's parser stamps blank
//! node labels with a UUID v7, so depending on it pulls the clock and OS randomness into the core
//! and breaks the wasm32 build. The output format is small and fixed (one quad a line, the
//! escapes of canonical N-Quads), and the tests read it back with `sophia_turtle`'s parser.

use std::fmt::Write;

use sophia_api::dataset::Dataset as _;
use sophia_api::ns::xsd;
use sophia_api::quad::Quad;
use sophia_api::term::{Term, TermKind};

use super::Dataset;

/// The dataset as N-Quads, one quad a line in the dataset's order, blank node labels as they
/// are. For a form that does not depend on order or labels, use
/// [`canonical_nquads`](super::canonical_nquads).
pub fn to_nquads(dataset: &Dataset) -> String {
    let mut out = String::new();
    // A LightDataset's quads() cannot fail.
    for quad in dataset.0.quads().flatten() {
        write_term(&mut out, quad.s());
        out.push(' ');
        write_term(&mut out, quad.p());
        out.push(' ');
        write_term(&mut out, quad.o());
        out.push(' ');
        if let Some(graph) = quad.g() {
            write_term(&mut out, graph);
            out.push(' ');
        }
        out.push_str(".\n");
    }
    out
}

fn write_term<T: Term>(out: &mut String, term: T) {
    match term.kind() {
        TermKind::Iri => {
            if let Some(iri) = term.iri() {
                out.push('<');
                out.push_str(&iri);
                out.push('>');
            }
        }
        TermKind::BlankNode => {
            if let Some(id) = term.bnode_id() {
                out.push_str("_:");
                out.push_str(&id);
            }
        }
        TermKind::Literal => {
            out.push('"');
            if let Some(lexical) = term.lexical_form() {
                escape_into(out, &lexical);
            }
            out.push('"');
            if let Some(tag) = term.language_tag() {
                out.push('@');
                out.push_str(&tag);
            } else if let Some(datatype) = term.datatype() {
                if !Term::eq(&datatype, xsd::string) {
                    out.push_str("^^<");
                    out.push_str(&datatype);
                    out.push('>');
                }
            }
        }
        // JSON-LD never produces triple terms or variables.
        TermKind::Triple | TermKind::Variable => {}
    }
}

/// Escapes a literal's lexical form as canonical N-Quads does: `"` and `\`, the control
/// characters with a short escape by it, the others (and DEL) as `\u00XX`.
pub(crate) fn escape_into(out: &mut String, lexical: &str) {
    let needs_escape = |b: u8| b < 0x20 || b == b'"' || b == b'\\' || b == 0x7f;
    // Most lexical forms have nothing to escape (an embedded image is 100 KB of base64): a scan
    // without an early exit, which the compiler turns into wide compares, says so.
    if !lexical.bytes().fold(false, |any, b| any | needs_escape(b)) {
        out.push_str(lexical);
        return;
    }
    // Every character escaped is ASCII, so the text between two of them is whole UTF-8: copied
    // as one slice.
    let mut plain = 0;
    for (at, byte) in lexical.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f | 0x7f => "",
            _ => continue,
        };
        out.push_str(&lexical[plain..at]);
        if escape.is_empty() {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{:04X}", byte);
        } else {
            out.push_str(escape);
        }
        plain = at + 1;
    }
    out.push_str(&lexical[plain..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_canonical_nquads() {
        let mut out = String::new();
        escape_into(&mut out, "a\"b\\c\nd\re\tf\u{8}\u{c}\u{1}\u{7f}é");
        assert_eq!(out, "a\\\"b\\\\c\\nd\\re\\tf\\b\\f\\u0001\\u007Fé");
    }
}
