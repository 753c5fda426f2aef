//! Trust anchors: the certificates a chain must end at, from PEM or from an EU trusted list.

use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};

use super::{Certificate, X509Error};

/// The trusted list namespace of ETSI TS 119 612 (all versions since v2 keep it).
const TSL_NS: &[u8] = b"http://uri.etsi.org/02231/v2#";
/// Service type of a CA issuing qualified certificates.
pub const SERVICE_TYPE_CA_QC: &str = "http://uri.etsi.org/TrstSvc/Svctype/CA/QC";
/// Current status "granted" (eIDAS qualified status).
pub const STATUS_GRANTED: &str = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted";
/// Element nesting a real trusted list never comes close to; deeper input is refused.
const MAX_DEPTH: usize = 64;

/// The certificates that chains are validated against. A path that reaches one of them ends
/// there: its signature is not checked (it is trusted as configured), its validity period is.
#[derive(Debug, Clone, Default)]
pub struct TrustAnchors {
    certificates: Vec<Certificate>,
}

impl TrustAnchors {
    /// No anchors: every chain is then untrusted (`x509.no_trust_anchor`).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an anchor (a certificate already present is not added twice).
    pub fn add(&mut self, cert: Certificate) {
        if !self.certificates.contains(&cert) {
            self.certificates.push(cert);
        }
    }

    /// Every certificate of a PEM text as an anchor.
    pub fn from_pem(pem: &str) -> Result<Self, X509Error> {
        let mut anchors = Self::new();
        for cert in Certificate::from_pem(pem)? {
            anchors.add(cert);
        }
        Ok(anchors)
    }

    /// The CA certificates of an EU trusted list (ETSI TS 119 612) that the list currently
    /// grants qualified status as a CA issuing qualified certificates: each `TSPService` whose
    /// current `ServiceInformation` has `ServiceTypeIdentifier` [`SERVICE_TYPE_CA_QC`] and
    /// `ServiceStatus` [`STATUS_GRANTED`] contributes the `X509Certificate` values of its
    /// `ServiceDigitalIdentity`. Service history is ignored.
    ///
    /// The list's own XAdES signature is **not** verified here: read a list obtained from a
    /// source you trust (or verified by other means). A DTD is refused (`x509.trusted_list_dtd`);
    /// a list without any granted CA/QC service is `x509.no_certificate` (the EU list of trusted
    /// lists, for example, only points to national lists).
    pub fn from_trusted_list_xml(xml: &[u8]) -> Result<Self, X509Error> {
        let mut anchors = Self::new();
        for cert in trusted_list_certificates(xml)? {
            anchors.add(cert);
        }
        if anchors.is_empty() {
            return Err(X509Error::NoCertificate {
                source_kind: "trusted list (no granted CA/QC service)".into(),
            });
        }
        Ok(anchors)
    }

    /// The number of anchors.
    pub fn len(&self) -> usize {
        self.certificates.len()
    }

    /// Whether there is no anchor.
    pub fn is_empty(&self) -> bool {
        self.certificates.is_empty()
    }

    /// The anchors, in the order added.
    pub fn certificates(&self) -> &[Certificate] {
        &self.certificates
    }

    /// Whether `cert` is one of the anchors (same DER).
    pub fn contains(&self, cert: &Certificate) -> bool {
        self.certificates.contains(cert)
    }
}

impl Extend<Certificate> for TrustAnchors {
    fn extend<I: IntoIterator<Item = Certificate>>(&mut self, iter: I) {
        for cert in iter {
            self.add(cert);
        }
    }
}

impl FromIterator<Certificate> for TrustAnchors {
    fn from_iter<I: IntoIterator<Item = Certificate>>(iter: I) -> Self {
        let mut anchors = Self::new();
        anchors.extend(iter);
        anchors
    }
}

/// What one `TSPService` says in its current `ServiceInformation`.
#[derive(Default)]
struct Service {
    type_identifier: String,
    status: String,
    certificates: Vec<String>,
}

/// Where the reader is, by the TSL-namespace local names of the open elements (other elements
/// are recorded as `None`, so they never match a TSL path).
fn ends_with(stack: &[Option<Vec<u8>>], path: &[&str]) -> bool {
    stack.len() >= path.len()
        && stack[stack.len() - path.len()..]
            .iter()
            .zip(path)
            .all(|(open, want)| open.as_deref() == Some(want.as_bytes()))
}

fn trusted_list_certificates(xml: &[u8]) -> Result<Vec<Certificate>, X509Error> {
    let bad = |reason: String| X509Error::TrustedList { reason };
    let mut reader = quick_xml::NsReader::from_reader(xml);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.check_comments = true;

    let mut stack: Vec<Option<Vec<u8>>> = Vec::new();
    let mut seen_root = false;
    let mut service: Option<Service> = None;
    let mut text = String::new();
    let mut out = Vec::new();
    loop {
        let (namespace, event) = reader
            .read_resolved_event()
            .map_err(|e| bad(format!("not well-formed XML: {e}")))?;
        let in_tsl = matches!(namespace, ResolveResult::Bound(Namespace(ns)) if ns == TSL_NS);
        match event {
            Event::DocType(_) => return Err(X509Error::TrustedListDtd),
            Event::Start(start) => {
                let local = start.local_name().as_ref().to_vec();
                if stack.is_empty() {
                    if seen_root || !in_tsl || local != b"TrustServiceStatusList" {
                        return Err(bad(
                            "the root element is not a TSL TrustServiceStatusList".into()
                        ));
                    }
                    seen_root = true;
                }
                stack.push(in_tsl.then_some(local));
                if stack.len() > MAX_DEPTH {
                    return Err(bad(format!("elements nest deeper than {MAX_DEPTH}")));
                }
                if ends_with(&stack, &["TSPServices", "TSPService"]) {
                    service = Some(Service::default());
                }
                text.clear();
            }
            Event::Empty(_) if stack.is_empty() => {
                return Err(bad(
                    "the root element is not a TSL TrustServiceStatusList".into()
                ));
            }
            Event::Text(t) => {
                let t = t
                    .unescape()
                    .map_err(|e| bad(format!("bad character data: {e}")))?;
                text.push_str(&t);
            }
            Event::CData(t) => text.push_str(&String::from_utf8_lossy(&t)),
            Event::End(_) => {
                let info = ["TSPService", "ServiceInformation"];
                if let Some(current) = service.as_mut() {
                    if ends_with(&stack, &[info[0], info[1], "ServiceTypeIdentifier"]) {
                        current.type_identifier = text.trim().to_owned();
                    } else if ends_with(&stack, &[info[0], info[1], "ServiceStatus"]) {
                        current.status = text.trim().to_owned();
                    } else if ends_with(
                        &stack,
                        &[
                            info[0],
                            info[1],
                            "ServiceDigitalIdentity",
                            "DigitalId",
                            "X509Certificate",
                        ],
                    ) {
                        current.certificates.push(std::mem::take(&mut text));
                    }
                }
                if ends_with(&stack, &["TSPServices", "TSPService"])
                    && let Some(done) = service.take()
                    && done.type_identifier == SERVICE_TYPE_CA_QC
                    && done.status == STATUS_GRANTED
                {
                    for value in &done.certificates {
                        let cert = Certificate::from_base64(value).map_err(|e| {
                            bad(format!("an X509Certificate of a CA/QC service: {e}"))
                        })?;
                        out.push(cert);
                    }
                }
                stack.pop();
                text.clear();
            }
            Event::Eof => {
                if !seen_root {
                    return Err(bad("no TrustServiceStatusList element".into()));
                }
                if !stack.is_empty() {
                    // quick-xml reports the end of input, not unclosed elements: a truncated
                    // list must not pass as a shorter one.
                    return Err(bad("the document ends inside an element".into()));
                }
                return Ok(out);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_dtds_and_other_documents() {
        let dtd = br#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>"#;
        assert_eq!(
            TrustAnchors::from_trusted_list_xml(dtd).unwrap_err().code(),
            "x509.trusted_list_dtd"
        );
        for other in [
            &b"<html/>"[..],
            b"<TrustServiceStatusList/>",
            b"not xml <",
            b"",
            b"<a><b></a>",
        ] {
            assert_eq!(
                TrustAnchors::from_trusted_list_xml(other)
                    .unwrap_err()
                    .code(),
                "x509.bad_trusted_list",
                "{}",
                String::from_utf8_lossy(other)
            );
        }
        let empty = br#"<TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#"></TrustServiceStatusList>"#;
        assert_eq!(
            TrustAnchors::from_trusted_list_xml(empty)
                .unwrap_err()
                .code(),
            "x509.no_certificate"
        );
    }
}
