//! Reading RDF/XML: a guarded pre-scan, then sophia_xml's parser.

use memchr::memmem;
use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};
use sophia_api::dataset::MutableDataset;
use sophia_api::parser::TripleParser;
use sophia_api::source::{StreamError, TripleSource};
use sophia_api::term::SimpleTerm;
use sophia_api::triple::Triple;
use sophia_xml::parser::RdfXmlParser;

use super::XmlError;
use super::write::is_ncname;
use crate::model::EuropeanDigitalCredential;
use crate::rdf::{Dataset, Graph, GraphLimits, from_dataset_with};

const RDF_NS: &[u8] = b"http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// Size and nesting limits for untrusted RDF/XML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest document accepted, in bytes (default 16 MiB).
    pub max_bytes: usize,
    /// The deepest element nesting accepted (default 64; the writer's output of the EC samples
    /// reaches 13).
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 64,
        }
    }
}

/// Reads RDF/XML under configurable limits.
///
/// Before the RDF/XML parser sees a byte, the document must be UTF-8, within the size limit,
/// free of any `<!DOCTYPE` or `<!ENTITY` (anywhere, comments included: refusing is cheaper than
/// proving a declaration harmless), well-formed, within the depth limit, and rooted at
/// `rdf:RDF`. Then sophia_xml parses it.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    limits: Limits,
    graph_limits: GraphLimits,
}

impl Reader {
    /// A reader with the default limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the document limits.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Sets the limits of the walk from the graph to the credential.
    pub fn with_graph_limits(mut self, limits: GraphLimits) -> Self {
        self.graph_limits = limits;
        self
    }

    /// Reads the triples of an RDF/XML document into the default graph of a dataset.
    pub fn read_dataset(&self, bytes: &[u8]) -> Result<Dataset, XmlError> {
        let text = self.prescan(bytes)?;
        let mut dataset = Graph::new();
        let mut source = RdfXmlParser { base: None }.parse_str(text);
        source
            .try_for_each_triple(|t| {
                dataset
                    .insert(t.s(), t.p(), t.o(), None::<&SimpleTerm<'static>>)
                    .map(|_| ())
            })
            .map_err(|e| match e {
                StreamError::SourceError(e) => invalid_rdf(&e),
                // The in-memory dataset only fails when its term index is full.
                StreamError::SinkError(_) => XmlError::TooLarge {
                    size: bytes.len(),
                    limit: self.limits.max_bytes,
                },
            })?;
        Ok(Dataset(dataset))
    }

    /// Reads a credential from RDF/XML (see [`crate::rdf::from_dataset`] for how the graph
    /// becomes the model).
    pub fn read(&self, bytes: &[u8]) -> Result<EuropeanDigitalCredential, XmlError> {
        let dataset = self.read_dataset(bytes)?;
        Ok(from_dataset_with(&dataset, self.graph_limits)?)
    }

    /// Checks everything that must hold before the RDF/XML parser runs; returns the text.
    fn prescan<'b>(&self, bytes: &'b [u8]) -> Result<&'b str, XmlError> {
        if bytes.len() > self.limits.max_bytes {
            return Err(XmlError::TooLarge {
                size: bytes.len(),
                limit: self.limits.max_bytes,
            });
        }
        // Only UTF-8: a UTF-16 document would also hide a declaration from the byte scan below.
        let text = std::str::from_utf8(bytes).map_err(|e| XmlError::Encoding {
            offset: e.valid_up_to(),
        })?;
        // XML 1.0 has no place for C0 controls other than tab and line ends, nor for U+FFFE and
        // U+FFFF, raw or as character references; the tokenizer does not check, and the writer
        // could not write them back.
        let raw = bytes
            .iter()
            .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            .or_else(|| memmem::find(bytes, "\u{FFFE}".as_bytes()))
            .or_else(|| memmem::find(bytes, "\u{FFFF}".as_bytes()));
        if let Some(at) = raw {
            return Err(syntax(bytes, at));
        }
        for at in memmem::find_iter(bytes, b"<!") {
            let rest = &bytes[at + 2..];
            let starts = |word: &[u8]| {
                rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word)
            };
            if starts(b"DOCTYPE") || starts(b"ENTITY") {
                return Err(XmlError::DtdForbidden {
                    line: line_of(bytes, at),
                });
            }
        }
        check_structure(bytes, self.limits.max_depth)?;
        Ok(text)
    }
}

/// Well-formedness, depth and the `rdf:RDF` root, with quick-xml (the tokenizer sophia_xml's
/// parser is built on). The RDF/XML parser has no depth limit of its own.
fn check_structure(bytes: &[u8], max_depth: usize) -> Result<(), XmlError> {
    let mut reader = quick_xml::NsReader::from_reader(bytes);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.check_comments = true;
    let mut depth = 0usize;
    let mut seen_root = false;
    loop {
        let position = reader.buffer_position();
        let event = reader.read_resolved_event();
        let (in_rdf_namespace, event) = match event {
            Ok((namespace, event)) => (
                matches!(namespace, ResolveResult::Bound(Namespace(ns)) if ns == RDF_NS),
                event,
            ),
            Err(_) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(bytes.len());
                return Err(syntax(bytes, at));
            }
        };
        match event {
            Event::DocType(_) => {
                let at = usize::try_from(position).unwrap_or(0);
                return Err(XmlError::DtdForbidden {
                    line: line_of(bytes, at),
                });
            }
            Event::Start(ref start) | Event::Empty(ref start) => {
                // quick-xml reads attributes lazily: check them here so that a malformed one is
                // a syntax error with a position.
                // Names too: the tokenizer takes any run of bytes, and a property element's
                // name becomes a predicate IRI.
                if !is_qname(start.name().as_ref()) {
                    let at = usize::try_from(position).unwrap_or(0);
                    return Err(syntax(bytes, at));
                }
                for attribute in start.attributes() {
                    let well_formed = attribute.is_ok_and(|a| {
                        // A blank node label must also suit sophia (no final `.`), which the
                        // RDF/XML parser does not check.
                        let (ns, local) = reader.resolve_attribute(a.key);
                        let is_node_id = matches!(ns, ResolveResult::Bound(Namespace(n)) if n == RDF_NS)
                            && local.as_ref() == b"nodeID";
                        is_qname(a.key.as_ref())
                            && bad_char_reference(&a.value).is_none()
                            && (!is_node_id || is_blank_node_label(&a.value))
                    });
                    if !well_formed {
                        let at = usize::try_from(position).unwrap_or(0);
                        return Err(syntax(bytes, at));
                    }
                }
                if depth == 0 {
                    let is_rdf = in_rdf_namespace && start.local_name().as_ref() == b"RDF";
                    if seen_root || !is_rdf {
                        return Err(XmlError::NotRdf);
                    }
                    seen_root = true;
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                    if depth > max_depth {
                        let at = usize::try_from(position).unwrap_or(0);
                        return Err(XmlError::TooDeep {
                            limit: max_depth,
                            line: line_of(bytes, at),
                        });
                    }
                }
            }
            Event::Text(ref text) => {
                if let Some(offset) = bad_char_reference(text) {
                    let at = usize::try_from(position).unwrap_or(0) + offset;
                    return Err(syntax(bytes, at));
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Eof => {
                if depth > 0 {
                    return Err(syntax(bytes, bytes.len()));
                }
                if !seen_root {
                    return Err(XmlError::NotRdf);
                }
                return Ok(());
            }
            _ => {}
        }
    }
}

/// An XML name with at most one colon, between two non-empty names (`rdf:about`, `title`).
fn is_qname(name: &[u8]) -> bool {
    let Ok(name) = std::str::from_utf8(name) else {
        return false;
    };
    match name.split_once(':') {
        Some((prefix, local)) => is_ncname(prefix) && is_ncname(local),
        None => is_ncname(name),
    }
}

/// An `rdf:nodeID` value as written: an XML name that does not end with `.` (the blank node
/// labels sophia accepts).
fn is_blank_node_label(raw: &[u8]) -> bool {
    std::str::from_utf8(raw).is_ok_and(|label| is_ncname(label) && !label.ends_with('.'))
}

/// The offset of a character reference to a code point XML 1.0 cannot carry (`&#0;`, `&#x1B;`),
/// if `raw` (escaped text or an attribute value) has one.
fn bad_char_reference(raw: &[u8]) -> Option<usize> {
    memmem::find_iter(raw, b"&#").find(|&at| {
        let rest = &raw[at + 2..];
        let end = memchr::memchr(b';', rest).unwrap_or(rest.len());
        let digits = &rest[..end];
        let value = match digits.split_first() {
            Some((b'x', hex)) => std::str::from_utf8(hex)
                .ok()
                .and_then(|h| u32::from_str_radix(h, 16).ok()),
            _ => std::str::from_utf8(digits)
                .ok()
                .and_then(|d| d.parse().ok()),
        };
        // A malformed reference is the tokenizer's or the parser's to refuse.
        value.is_some_and(|v| !char::from_u32(v).is_some_and(super::write::is_xml_char))
    })
}

fn line_of(bytes: &[u8], at: usize) -> usize {
    let at = at.min(bytes.len());
    memchr::memchr_iter(b'\n', &bytes[..at]).count() + 1
}

fn syntax(bytes: &[u8], at: usize) -> XmlError {
    let at = at.min(bytes.len());
    let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    XmlError::Syntax {
        line: line_of(bytes, at),
        column: at - line_start + 1,
    }
}

/// Maps a parser error to a category. The parser's message may quote the document (a literal
/// value, an IRI), so only its kind is kept; the kind is read from the message's fixed opening
/// because the error type does not expose it.
fn invalid_rdf(error: &sophia_xml::parser::Error) -> XmlError {
    let message = error.to_string();
    let reason = if message.starts_with("error while parsing IRI") {
        "an invalid or relative IRI"
    } else if message.starts_with("error while parsing language tag") {
        "an invalid language tag"
    } else if message.starts_with("Unexpected text event") {
        "text where RDF/XML allows none"
    } else if message.contains("namespace") {
        "an element or attribute without a declared namespace"
    } else {
        "the document does not follow the RDF/XML grammar"
    };
    XmlError::InvalidRdf { reason }
}

/// Reads the triples of an RDF/XML document into a dataset's default graph, with the default
/// [`Limits`].
pub fn rdf_xml_to_dataset(bytes: &[u8]) -> Result<Dataset, XmlError> {
    Reader::new().read_dataset(bytes)
}

/// Reads a credential from RDF/XML, with the default [`Limits`] and graph limits.
///
/// ```
/// let credential = microcred::issue::demo_credential();
/// let xml = microcred::xml::to_rdf_xml(&credential)?;
/// let back = microcred::xml::from_rdf_xml(xml.as_bytes())?;
/// assert_eq!(back.id, credential.id);
/// # Ok::<(), microcred::xml::XmlError>(())
/// ```
pub fn from_rdf_xml(bytes: &[u8]) -> Result<EuropeanDigitalCredential, XmlError> {
    Reader::new().read(bytes)
}
