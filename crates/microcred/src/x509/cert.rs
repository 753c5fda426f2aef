//! One X.509 certificate: the DER as received, its parsed form, and the fields seals need (the
//! extensions are decoded in `extensions.rs`, names rendered in `name.rs`).

use std::fmt;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use base64::Engine as _;
use der::asn1::ObjectIdentifier;
use der::{Decode, Reader, SliceReader};
use sha2::Digest;
use time::OffsetDateTime;

use super::asn1::tlv;

use super::extensions::{ExtendedKeyUsage, Extensions, KeyUsage, extensions};
use super::key::PublicKey;
use super::name::{name_attribute, name_text};
use super::qc::QcInfo;
use super::{X509Error, oids};

/// An X.509 certificate: the exact DER it was read from (hashes and signatures are computed over
/// those bytes, never over a re-encoding) and the parsed structure.
///
/// Cloning is cheap: the parsed data is shared.
#[derive(Clone)]
pub struct Certificate {
    inner: Arc<Inner>,
}

struct Inner {
    der: Vec<u8>,
    parsed: x509_cert::Certificate,
    /// Byte ranges in `der` of the parts that are compared or re-used as they are.
    raw: RawParts,
    not_before: OffsetDateTime,
    not_after: OffsetDateTime,
    ext: Extensions,
    /// The certified key, decoded when first asked.
    public_key: OnceLock<Result<PublicKey, X509Error>>,
    /// The `SubjectPublicKeyInfo` DER of the issuers whose key was found to verify this
    /// certificate's signature: a certificate met again while building several chains for one
    /// seal (the seal's and each time-stamping authority's) is not verified twice.
    signed_by: Mutex<Vec<Vec<u8>>>,
}

struct RawParts {
    tbs: Range<usize>,
    serial: Range<usize>,
    issuer: Range<usize>,
    subject: Range<usize>,
    spki: Range<usize>,
}

impl Certificate {
    /// Parses a DER certificate. Every extension this crate reads (key usage, basic constraints,
    /// key identifiers, certificate policies, QC statements) must decode, or the certificate is
    /// malformed.
    pub fn from_der(der: &[u8]) -> Result<Certificate, X509Error> {
        let parsed = x509_cert::Certificate::from_der(der)
            .map_err(|e| X509Error::malformed("certificate", e))?;
        let raw = raw_parts(der).map_err(|e| X509Error::malformed("certificate", e))?;
        let validity = parsed.tbs_certificate().validity();
        let not_before = to_offset(validity.not_before);
        let not_after = to_offset(validity.not_after);
        let ext = extensions(&parsed)?;
        Ok(Certificate {
            inner: Arc::new(Inner {
                der: der.to_vec(),
                parsed,
                raw,
                not_before,
                not_after,
                ext,
                public_key: OnceLock::new(),
                signed_by: Mutex::new(Vec::new()),
            }),
        })
    }

    /// Parses standard base64 (padded, as in a JOSE `x5c` entry or an XML `X509Certificate`)
    /// of a DER certificate. ASCII whitespace inside the text is ignored.
    pub fn from_base64(text: &str) -> Result<Certificate, X509Error> {
        let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(compact)
            .map_err(|e| X509Error::malformed("base64 certificate", e))?;
        Certificate::from_der(&der)
    }

    /// Every `CERTIFICATE` block of a PEM text, in order. Other blocks (keys, CRLs) and text
    /// between blocks are skipped; a text without any certificate is `x509.no_certificate`.
    pub fn from_pem(pem: &str) -> Result<Vec<Certificate>, X509Error> {
        let blocks = super::pem::certificate_blocks(pem)?;
        if blocks.is_empty() {
            return Err(X509Error::NoCertificate {
                source_kind: "PEM text".into(),
            });
        }
        blocks
            .iter()
            .enumerate()
            .map(|(i, der)| {
                Certificate::from_der(der).map_err(|e| match e {
                    X509Error::Malformed { what, reason } => X509Error::Malformed {
                        what: format!("{what} (PEM certificate {})", i + 1),
                        reason,
                    },
                    other => other,
                })
            })
            .collect()
    }

    /// The DER bytes, exactly as read.
    pub fn der(&self) -> &[u8] {
        &self.inner.der
    }

    /// The parsed certificate.
    pub(crate) fn parsed(&self) -> &x509_cert::Certificate {
        &self.inner.parsed
    }

    /// The certificate as the `x509-cert` crate (0.3) parsed it, for anything this type does not
    /// expose. An escape hatch outside the stable API: it changes with that crate's version.
    #[doc(hidden)]
    pub fn as_x509_cert(&self) -> &x509_cert::Certificate {
        &self.inner.parsed
    }

    /// SHA-256 of the DER (the JAdES `x5t#S256` header, base64url without padding).
    pub fn sha256(&self) -> [u8; 32] {
        sha2::Sha256::digest(self.der()).into()
    }

    /// The DER of an RFC 5035 `IssuerSerial`: the issuer name as the single `directoryName` of a
    /// `GeneralNames`, then the serial number, both copied byte for byte from the certificate.
    /// The JAdES `kid` header is this, in padded standard base64.
    pub fn issuer_serial_der(&self) -> Vec<u8> {
        let issuer = self.raw(&self.inner.raw.issuer);
        let serial = self.raw(&self.inner.raw.serial);
        // [4] is EXPLICIT because Name is a CHOICE (X.680 31.2.7).
        let directory_name = tlv(0xA4, issuer);
        let general_names = tlv(0x30, &directory_name);
        let mut content = general_names;
        content.extend_from_slice(serial);
        tlv(0x30, &content)
    }

    /// The DER of the signed part (`tbsCertificate`), exactly as read.
    pub fn tbs_der(&self) -> &[u8] {
        self.raw(&self.inner.raw.tbs)
    }

    /// The DER of the subject name, exactly as read.
    pub fn subject_der(&self) -> &[u8] {
        self.raw(&self.inner.raw.subject)
    }

    /// The DER of the issuer name, exactly as read.
    pub fn issuer_der(&self) -> &[u8] {
        self.raw(&self.inner.raw.issuer)
    }

    /// The DER of the `SubjectPublicKeyInfo`, exactly as read.
    pub fn spki_der(&self) -> &[u8] {
        self.raw(&self.inner.raw.spki)
    }

    fn raw(&self, range: &Range<usize>) -> &[u8] {
        // The ranges were cut from this very buffer at parse time.
        self.inner.der.get(range.clone()).unwrap_or_default()
    }

    /// Subject organisation name (O, 2.5.4.10).
    pub fn organisation(&self) -> Option<String> {
        self.subject_attribute_oid(oids::ORGANISATION)
    }

    /// Subject organisation identifier (2.5.4.97), e.g. `VATES-A00000000` (ETSI EN 319 412-1
    /// semantics: scheme, country, `-`, identifier).
    pub fn organisation_identifier(&self) -> Option<String> {
        self.subject_attribute_oid(oids::ORGANISATION_IDENTIFIER)
    }

    /// Subject country (C, ISO 3166 alpha-2).
    pub fn country(&self) -> Option<String> {
        self.subject_attribute_oid(oids::COUNTRY)
    }

    /// Subject common name (CN).
    pub fn common_name(&self) -> Option<String> {
        self.subject_attribute_oid(oids::COMMON_NAME)
    }

    /// The first value of a subject attribute, as text; `oid` is the attribute type in
    /// dotted-decimal form (`2.5.4.3` is the common name). `None` when it is absent or `oid` is
    /// not an OID.
    pub fn subject_attribute(&self, oid: &str) -> Option<String> {
        let oid = ObjectIdentifier::new(oid).ok()?;
        self.subject_attribute_oid(oid)
    }

    fn subject_attribute_oid(&self, oid: ObjectIdentifier) -> Option<String> {
        name_attribute(self.inner.parsed.tbs_certificate().subject(), oid)
    }

    /// The subject name for reports, RFC 4514 style (`CN=...,O=...,C=..`: last RDN first).
    pub fn subject_text(&self) -> String {
        name_text(self.inner.parsed.tbs_certificate().subject())
    }

    /// The issuer name for reports, RFC 4514 style.
    pub fn issuer_text(&self) -> String {
        name_text(self.inner.parsed.tbs_certificate().issuer())
    }

    /// The serial number in lower-case hexadecimal, without the sign byte DER adds to serials
    /// whose first bit is set.
    pub fn serial_hex(&self) -> String {
        let bytes = self
            .inner
            .parsed
            .tbs_certificate()
            .serial_number()
            .as_bytes();
        let bytes = match bytes {
            [0, next, ..] if *next >= 0x80 => &bytes[1..],
            _ => bytes,
        };
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Start of the validity period.
    pub fn not_before(&self) -> OffsetDateTime {
        self.inner.not_before
    }

    /// End of the validity period (inclusive).
    pub fn not_after(&self) -> OffsetDateTime {
        self.inner.not_after
    }

    /// Whether `at` lies within the validity period (both ends inclusive, RFC 5280 4.1.2.5).
    pub fn valid_at(&self, at: OffsetDateTime) -> bool {
        self.inner.not_before <= at && at <= self.inner.not_after
    }

    /// The key usage extension, or `None` when the certificate has none.
    pub fn key_usage(&self) -> Option<KeyUsage> {
        self.inner.ext.key_usage
    }

    /// The extended key usage extension, or `None` when the certificate has none.
    pub fn extended_key_usage(&self) -> Option<&ExtendedKeyUsage> {
        self.inner.ext.extended_key_usage.as_ref()
    }

    /// Whether basic constraints say this is a CA certificate.
    pub fn is_ca(&self) -> bool {
        matches!(self.inner.ext.basic_constraints, Some((true, _)))
    }

    /// The basic constraints path length limit of a CA certificate.
    pub fn path_len_constraint(&self) -> Option<u8> {
        self.inner.ext.basic_constraints.and_then(|(_, len)| len)
    }

    /// The subject key identifier extension value.
    pub fn subject_key_identifier(&self) -> Option<&[u8]> {
        self.inner.ext.subject_key_id.as_deref()
    }

    /// The `keyIdentifier` of the authority key identifier extension.
    pub fn authority_key_identifier(&self) -> Option<&[u8]> {
        self.inner.ext.authority_key_id.as_deref()
    }

    /// Whether subject and issuer are the same name (a root or a self-issued CA certificate).
    pub fn is_self_issued(&self) -> bool {
        self.subject_der() == self.issuer_der()
    }

    /// What the QC statements and certificate policies say about this certificate.
    pub fn qualification(&self) -> QcInfo {
        self.inner.ext.qc.clone()
    }

    /// Critical extensions this crate does not process (dotted OIDs). Chain validation refuses a
    /// certificate that has any (RFC 5280 4.2).
    pub fn unhandled_critical_extensions(&self) -> &[String] {
        &self.inner.ext.unhandled_critical
    }

    /// The certified public key.
    pub fn public_key(&self) -> Result<PublicKey, X509Error> {
        self.inner
            .public_key
            .get_or_init(|| PublicKey::from_spki_der(self.spki_der()))
            .clone()
    }

    /// Verifies this certificate's signature with `issuer`'s key (see
    /// [`Certificate::verify_signature`]). A success is remembered, so checking the same pair
    /// again costs nothing.
    pub fn verify_issued_by(&self, issuer: &Certificate) -> Result<(), X509Error> {
        let spki = issuer.spki_der();
        let known = |list: &Vec<Vec<u8>>| list.iter().any(|k| k.as_slice() == spki);
        if self.inner.signed_by.lock().is_ok_and(|list| known(&list)) {
            return Ok(());
        }
        self.verify_signature(&issuer.public_key()?)?;
        if let Ok(mut list) = self.inner.signed_by.lock()
            && !known(&list)
        {
            list.push(spki.to_vec());
        }
        Ok(())
    }
}

impl PartialEq for Certificate {
    fn eq(&self, other: &Self) -> bool {
        self.der() == other.der()
    }
}

impl Eq for Certificate {}

impl fmt::Debug for Certificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Certificate")
            .field("subject", &self.subject_text())
            .field("issuer", &self.issuer_text())
            .field("serial", &self.serial_hex())
            .field("not_before", &self.not_before())
            .field("not_after", &self.not_after())
            .finish_non_exhaustive()
    }
}

/// Cuts the raw parts out of a certificate that `x509_cert` already accepted.
fn raw_parts(der: &[u8]) -> der::Result<RawParts> {
    let offset = |part: &[u8]| {
        let start = part.as_ptr() as usize - der.as_ptr() as usize;
        start..start + part.len()
    };
    let mut reader = SliceReader::new(der)?;
    let tbs = reader.sequence(|outer| {
        let tbs = outer.tlv_bytes()?;
        let rest = outer.remaining_len();
        outer.drain(rest)?;
        Ok::<_, der::Error>(tbs)
    })?;
    let mut reader = SliceReader::new(tbs)?;
    let parts = reader.sequence(|t| {
        // version [0] EXPLICIT, absent in v1 certificates
        if t.peek_byte() == Some(0xA0) {
            t.tlv_bytes()?;
        }
        let serial = t.tlv_bytes()?;
        let _signature = t.tlv_bytes()?;
        let issuer = t.tlv_bytes()?;
        let _validity = t.tlv_bytes()?;
        let subject = t.tlv_bytes()?;
        let spki = t.tlv_bytes()?;
        let rest = t.remaining_len();
        t.drain(rest)?;
        Ok::<_, der::Error>((serial, issuer, subject, spki))
    })?;
    Ok(RawParts {
        tbs: offset(tbs),
        serial: offset(parts.0),
        issuer: offset(parts.1),
        subject: offset(parts.2),
        spki: offset(parts.3),
    })
}

pub(crate) fn to_offset(time: x509_cert::time::Time) -> OffsetDateTime {
    // X.509 times are 1950..9999 and `x509_cert` clamps below at 1970, so this always fits.
    let secs = i64::try_from(time.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
    OffsetDateTime::from_unix_timestamp(secs).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tlv_lengths() {
        assert_eq!(tlv(0x30, &[]), vec![0x30, 0]);
        assert_eq!(tlv(0x04, &[7; 0x7f])[..2], [0x04, 0x7f]);
        assert_eq!(tlv(0x04, &[7; 0x80])[..3], [0x04, 0x81, 0x80]);
        assert_eq!(tlv(0x04, &[7; 0x1234])[..4], [0x04, 0x82, 0x12, 0x34]);
    }

    #[test]
    fn garbage_gives_codes() {
        for bytes in [
            &b""[..],
            b"\x30",
            b"\x30\x80",
            b"\x30\x03\x02\x01\x01",
            &[0x30; 64],
        ] {
            let e = Certificate::from_der(bytes).unwrap_err();
            assert_eq!(e.code(), "x509.malformed");
        }
    }
}
