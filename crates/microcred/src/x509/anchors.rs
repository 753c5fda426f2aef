//! Trust anchors: the certificates a chain must end at, from PEM or from an EU trusted list.

use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};

use super::{Certificate, X509Error};

/// The trusted list namespace of ETSI TS 119 612 (all versions since v2 keep it).
const TSL_NS: &[u8] = b"http://uri.etsi.org/02231/v2#";
/// Service type of a CA issuing qualified certificates.
pub const SERVICE_TYPE_CA_QC: &str = "http://uri.etsi.org/TrstSvc/Svctype/CA/QC";
/// Service type of a qualified electronic time-stamp service.
pub const SERVICE_TYPE_TSA_QTST: &str = "http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST";
/// Current status "granted" (eIDAS qualified status).
pub const STATUS_GRANTED: &str = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted";
/// Element nesting a real trusted list never comes close to; deeper input is refused.
const MAX_DEPTH: usize = 64;

/// The certificates that chains are validated against. A path that reaches one of them ends
/// there: its signature is not checked (it is trusted as configured), its validity period is.
///
/// Two kinds, as a trusted list keeps its services apart: the anchors of [`Self::add`] serve every
/// chain, seal certificates and time-stamping authorities alike (a CA one trusts vouches for the
/// time-stamping units it certifies, whose extended key usage is checked separately); those of
/// [`Self::add_timestamping`] serve time-stamping authorities only, so that a time-stamping
/// service listed in a trusted list never makes a seal certificate trusted.
#[derive(Debug, Clone, Default)]
pub struct TrustAnchors {
    certificates: Vec<Certificate>,
    timestamping: Vec<Certificate>,
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

    /// Adds an anchor for time-stamping authorities only (not for seal certificates).
    pub fn add_timestamping(&mut self, cert: Certificate) {
        if !self.timestamping.contains(&cert) {
            self.timestamping.push(cert);
        }
    }

    /// Adds every anchor of `other`, each kind to its kind.
    pub fn merge(&mut self, other: TrustAnchors) {
        for cert in other.certificates {
            self.add(cert);
        }
        for cert in other.timestamping {
            self.add_timestamping(cert);
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

    /// The anchors of an EU trusted list (ETSI TS 119 612) for the services it currently grants
    /// qualified status: each `TSPService` whose current `ServiceInformation` has `ServiceStatus`
    /// [`STATUS_GRANTED`] contributes the `X509Certificate` values of its `ServiceDigitalIdentity`,
    /// as an anchor for every chain when its `ServiceTypeIdentifier` is [`SERVICE_TYPE_CA_QC`] (a CA
    /// issuing qualified certificates), and as a time-stamping anchor
    /// ([`Self::add_timestamping`]) when it is [`SERVICE_TYPE_TSA_QTST`] (a qualified time-stamp
    /// service). Other service types and the service history are ignored.
    ///
    /// The list's own XAdES signature is **not** verified here: read a list obtained from a
    /// source you trust (or verified by other means). A DTD is refused (`x509.trusted_list_dtd`);
    /// a list without any granted CA/QC or TSA/QTST service is `x509.no_certificate` (the EU list
    /// of trusted lists, for example, only points to national lists).
    pub fn from_trusted_list_xml(xml: &[u8]) -> Result<Self, X509Error> {
        let mut anchors = Self::new();
        for (service_type, cert) in trusted_list_certificates(xml)? {
            if service_type == SERVICE_TYPE_CA_QC {
                anchors.add(cert);
            } else {
                anchors.add_timestamping(cert);
            }
        }
        if anchors.is_empty() && anchors.timestamping.is_empty() {
            return Err(X509Error::NoCertificate {
                source_kind: "trusted list (no granted CA/QC or TSA/QTST service)".into(),
            });
        }
        Ok(anchors)
    }

    /// The number of anchors for every chain (time-stamping-only anchors not counted).
    pub fn len(&self) -> usize {
        self.certificates.len()
    }

    /// Whether there is no anchor for every chain (there may be time-stamping-only anchors).
    pub fn is_empty(&self) -> bool {
        self.certificates.is_empty()
    }

    /// The anchors for every chain, in the order added.
    pub fn certificates(&self) -> &[Certificate] {
        &self.certificates
    }

    /// The anchors for time-stamping authorities only, in the order added.
    pub fn timestamping(&self) -> &[Certificate] {
        &self.timestamping
    }

    /// Whether `cert` is one of the anchors for every chain (same DER).
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

/// The certificates of the granted CA/QC and TSA/QTST services, each with its service type.
fn trusted_list_certificates(xml: &[u8]) -> Result<Vec<(&'static str, Certificate)>, X509Error> {
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
                    && done.status == STATUS_GRANTED
                    && let Some(kind) = [SERVICE_TYPE_CA_QC, SERVICE_TYPE_TSA_QTST]
                        .into_iter()
                        .find(|kind| done.type_identifier == *kind)
                {
                    let label = if kind == SERVICE_TYPE_CA_QC {
                        "CA/QC"
                    } else {
                        "TSA/QTST"
                    };
                    for value in &done.certificates {
                        let cert = Certificate::from_base64(value).map_err(|e| {
                            bad(format!("an X509Certificate of a {label} service: {e}"))
                        })?;
                        out.push((kind, cert));
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
