//! Revocation data carried with a signature (the JAdES `rVals` property): certificate revocation
//! lists (RFC 5280 section 5) and OCSP responses (RFC 6960), checked offline. Nothing is fetched:
//! what the file does not carry is reported as not checked.

use std::fmt;

use der::asn1::{AnyRef, ObjectIdentifier, OctetStringRef};
use der::{Decode, Tag, Tagged};
use sha2::Digest;
use spki::AlgorithmIdentifierOwned;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::asn1::{all_items, explicit, generalized_time_of, is_context, items, tlv_der, tlvs};
use super::chain::verify_signed;
use super::{Certificate, X509Error, oids};

/// Why a certificate was revoked (RFC 5280 section 5.3.1, `CRLReason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RevocationReason {
    /// `unspecified` (0).
    Unspecified,
    /// `keyCompromise` (1).
    KeyCompromise,
    /// `cACompromise` (2).
    CaCompromise,
    /// `affiliationChanged` (3).
    AffiliationChanged,
    /// `superseded` (4).
    Superseded,
    /// `cessationOfOperation` (5).
    CessationOfOperation,
    /// `certificateHold` (6).
    CertificateHold,
    /// `removeFromCRL` (8).
    RemoveFromCrl,
    /// `privilegeWithdrawn` (9).
    PrivilegeWithdrawn,
    /// `aACompromise` (10).
    AaCompromise,
    /// A value the standard does not define.
    Other(u8),
}

impl RevocationReason {
    /// The reason of an encoded `CRLReason` value.
    pub fn from_code(code: u8) -> Self {
        match code {
            0 => Self::Unspecified,
            1 => Self::KeyCompromise,
            2 => Self::CaCompromise,
            3 => Self::AffiliationChanged,
            4 => Self::Superseded,
            5 => Self::CessationOfOperation,
            6 => Self::CertificateHold,
            8 => Self::RemoveFromCrl,
            9 => Self::PrivilegeWithdrawn,
            10 => Self::AaCompromise,
            other => Self::Other(other),
        }
    }

    /// The encoded value.
    pub fn code(self) -> u8 {
        match self {
            Self::Unspecified => 0,
            Self::KeyCompromise => 1,
            Self::CaCompromise => 2,
            Self::AffiliationChanged => 3,
            Self::Superseded => 4,
            Self::CessationOfOperation => 5,
            Self::CertificateHold => 6,
            Self::RemoveFromCrl => 8,
            Self::PrivilegeWithdrawn => 9,
            Self::AaCompromise => 10,
            Self::Other(code) => code,
        }
    }

    /// The ASN.1 name (`keyCompromise`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Unspecified => "unspecified",
            Self::KeyCompromise => "keyCompromise",
            Self::CaCompromise => "cACompromise",
            Self::AffiliationChanged => "affiliationChanged",
            Self::Superseded => "superseded",
            Self::CessationOfOperation => "cessationOfOperation",
            Self::CertificateHold => "certificateHold",
            Self::RemoveFromCrl => "removeFromCRL",
            Self::PrivilegeWithdrawn => "privilegeWithdrawn",
            Self::AaCompromise => "aACompromise",
            Self::Other(_) => "other",
        }
    }
}

/// Where a revocation answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RevocationSource {
    /// A certificate revocation list.
    Crl,
    /// An OCSP response.
    Ocsp,
}

impl RevocationSource {
    /// `CRL` or `OCSP`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Crl => "CRL",
            Self::Ocsp => "OCSP",
        }
    }
}

/// What the revocation data says about one certificate at one time.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RevocationStatus {
    /// A CRL or OCSP response that verifies with the issuer's key says the certificate was not
    /// revoked: it was issued at or after the time asked, or was current then.
    Good {
        /// What said so.
        source: RevocationSource,
        /// When that CRL or response was issued (`thisUpdate`).
        issued: OffsetDateTime,
    },
    /// A CRL or OCSP response that verifies with the issuer's key lists the certificate as
    /// revoked, at any time: compare `time` with the time that matters (the earliest revocation
    /// found is kept).
    Revoked {
        /// What said so.
        source: RevocationSource,
        /// The revocation time.
        time: OffsetDateTime,
        /// The reason, when given.
        reason: Option<RevocationReason>,
    },
    /// Nothing carried decides it.
    NotChecked {
        /// Why (no data for this certificate, data that does not verify, stale data).
        detail: String,
    },
}

impl fmt::Display for RevocationStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Good { source, issued } => write!(
                f,
                "not revoked ({} issued {})",
                source.name(),
                rfc3339(*issued)
            ),
            Self::Revoked {
                source,
                time,
                reason,
            } => {
                write!(f, "revoked on {} ({}", rfc3339(*time), source.name())?;
                if let Some(reason) = reason {
                    write!(f, ", reason {}", reason.name())?;
                }
                write!(f, ")")
            }
            Self::NotChecked { detail } => write!(f, "not checked: {detail}"),
        }
    }
}

/// One revoked certificate of a CRL.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CrlEntry {
    /// The serial number's content bytes, as in the certificate.
    serial: Vec<u8>,
    time: OffsetDateTime,
    reason: Option<RevocationReason>,
}

/// A certificate revocation list (RFC 5280 section 5), as read.
#[derive(Clone, PartialEq, Eq)]
pub struct Crl {
    tbs: Vec<u8>,
    algorithm: AlgorithmIdentifierOwned,
    signature: Vec<u8>,
    issuer: Vec<u8>,
    issuer_text: String,
    this_update: OffsetDateTime,
    next_update: Option<OffsetDateTime>,
    entries: Vec<CrlEntry>,
    /// Why the list cannot be relied on for a plain certificate (a delta CRL, an indirect or
    /// partitioned one: a critical extension this reader does not process).
    unusable: Option<String>,
}

impl fmt::Debug for Crl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Crl")
            .field("issuer", &self.issuer_text)
            .field("this_update", &self.this_update)
            .field("next_update", &self.next_update)
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

impl Crl {
    /// Reads a DER CRL. Its signature is checked when it is used.
    pub fn from_der(der: &[u8]) -> Result<Crl, X509Error> {
        let bad = |e: der::Error| X509Error::malformed("CRL", e);
        let list =
            x509_cert::crl::CertificateList::<x509_cert::certificate::Rfc5280>::from_der(der)
                .map_err(bad)?;
        let outer = AnyRef::from_der(der).map_err(bad)?;
        let malformed = || X509Error::malformed("CRL", "not a CertificateList");
        let [tbs_any] = items::<1>(outer, Tag::Sequence).ok_or_else(malformed)?;
        let tbs = tlv_der(tbs_any).ok_or_else(malformed)?;
        let tbs_items = all_items(tbs_any, Tag::Sequence).ok_or_else(malformed)?;
        let skip = usize::from(tbs_items.first().map(|i| i.tag()) == Some(Tag::Integer));
        let issuer = tbs_items
            .get(skip + 1)
            .and_then(|i| tlv_der(*i))
            .ok_or_else(malformed)?;
        let list_tbs = &list.tbs_cert_list;
        let mut unusable = None;
        for ext in list_tbs.crl_extensions.iter().flatten() {
            if ext.critical && ext.extn_id != oids::CRL_NUMBER {
                unusable.get_or_insert(format!("critical CRL extension {}", ext.extn_id));
            }
        }
        let mut entries = Vec::new();
        for revoked in list_tbs.revoked_certificates.iter().flatten() {
            let mut reason = None;
            for ext in revoked.crl_entry_extensions.iter().flatten() {
                match ext.extn_id {
                    oids::CRL_REASON => {
                        reason = Some(RevocationReason::from_code(
                            enumerated(ext.extn_value.as_bytes())
                                .ok_or_else(|| X509Error::malformed("CRL", "bad reason code"))?,
                        ));
                    }
                    oids::INVALIDITY_DATE => {}
                    other if ext.critical => {
                        // certificateIssuer (an indirect CRL) or anything else not processed.
                        unusable.get_or_insert(format!("critical entry extension {other}"));
                    }
                    _ => {}
                }
            }
            entries.push(CrlEntry {
                serial: revoked.serial_number.as_bytes().to_vec(),
                time: super::cert::to_offset(revoked.revocation_date),
                reason,
            });
        }
        let signature = list
            .signature
            .as_bytes()
            .ok_or_else(|| X509Error::malformed("CRL", "signature with unused bits"))?
            .to_vec();
        Ok(Crl {
            tbs,
            algorithm: list.signature_algorithm.clone(),
            signature,
            issuer,
            issuer_text: super::name::name_text(&list_tbs.issuer),
            this_update: super::cert::to_offset(list_tbs.this_update),
            next_update: list_tbs.next_update.map(super::cert::to_offset),
            entries,
            unusable,
        })
    }

    /// The issuer name for reports.
    pub fn issuer_text(&self) -> &str {
        &self.issuer_text
    }

    /// When the list was issued.
    pub fn this_update(&self) -> OffsetDateTime {
        self.this_update
    }

    /// When the next list is due.
    pub fn next_update(&self) -> Option<OffsetDateTime> {
        self.next_update
    }

    /// Checks the list's signature with `issuer`'s key; the issuer must be allowed to sign CRLs
    /// (key usage `cRLSign`, when the certificate states a key usage).
    pub fn verify(&self, issuer: &Certificate) -> Result<(), X509Error> {
        if issuer.subject_der() != self.issuer.as_slice()
            || issuer.key_usage().is_some_and(|ku| !ku.crl_sign)
        {
            return Err(X509Error::BadSignature);
        }
        let key = issuer.public_key()?;
        verify_signed(&self.algorithm, &self.tbs, &self.signature, &key)
    }
}

/// The reason code in a `CRLReason` extension value (`ENUMERATED`).
fn enumerated(der: &[u8]) -> Option<u8> {
    match der {
        [0x0a, 0x01, value] => Some(*value),
        _ => None,
    }
}

/// How an OCSP response names its responder.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Responder {
    /// The DER of the responder's subject name.
    ByName(Vec<u8>),
    /// SHA-1 of the responder's public key (the `subjectPublicKey` bits).
    ByKey(Vec<u8>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum CertStatus {
    Good,
    Revoked {
        time: OffsetDateTime,
        reason: Option<RevocationReason>,
    },
    Unknown,
}

/// One `SingleResponse`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SingleResponse {
    hash: ObjectIdentifier,
    issuer_name_hash: Vec<u8>,
    issuer_key_hash: Vec<u8>,
    serial: Vec<u8>,
    status: CertStatus,
    this_update: OffsetDateTime,
    next_update: Option<OffsetDateTime>,
}

/// A basic OCSP response (RFC 6960 section 4.2), as read.
#[derive(Clone, PartialEq, Eq)]
pub struct OcspResponse {
    tbs: Vec<u8>,
    algorithm: AlgorithmIdentifierOwned,
    signature: Vec<u8>,
    certificates: Vec<Certificate>,
    responder: Responder,
    produced_at: OffsetDateTime,
    responses: Vec<SingleResponse>,
}

impl fmt::Debug for OcspResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OcspResponse")
            .field("produced_at", &self.produced_at)
            .field("responses", &self.responses.len())
            .finish_non_exhaustive()
    }
}

impl OcspResponse {
    /// Reads a DER `OCSPResponse` (what JAdES `ocspVals` carry) or a bare `BasicOCSPResponse`.
    /// A response whose status is not `successful` is refused. Its signature is checked when it
    /// is used.
    pub fn from_der(der: &[u8]) -> Result<OcspResponse, X509Error> {
        parse_ocsp(der)
            .ok_or_else(|| X509Error::malformed("OCSP response", "not a basic OCSP response"))
    }

    /// When the responder produced the response.
    pub fn produced_at(&self) -> OffsetDateTime {
        self.produced_at
    }

    /// The certificates the response carries (a delegated responder's, usually).
    pub fn certificates(&self) -> &[Certificate] {
        &self.certificates
    }

    /// Checks the response's signature: made by `issuer` itself, or by a responder certificate
    /// (carried in the response or among `extra`) that `issuer` signed, that has the OCSP signing
    /// extended key usage and was valid when the response was produced (RFC 6960 4.2.2.2).
    fn verify(&self, issuer: &Certificate, extra: &[Certificate]) -> Result<(), X509Error> {
        let names = |cert: &Certificate| match &self.responder {
            Responder::ByName(name) => cert.subject_der() == name.as_slice(),
            Responder::ByKey(hash) => {
                key_hash(cert, oids::SHA1).as_deref() == Some(hash.as_slice())
            }
        };
        let responder = if names(issuer) {
            issuer.clone()
        } else {
            let delegate = self
                .certificates
                .iter()
                .chain(extra)
                .find(|cert| names(cert))
                .ok_or(X509Error::BadSignature)?;
            let authorised = delegate.issuer_der() == issuer.subject_der()
                && delegate
                    .extended_key_usage()
                    .is_some_and(|eku| eku.allows_oid(oids::KP_OCSP_SIGNING))
                && delegate.valid_at(self.produced_at);
            if !authorised {
                return Err(X509Error::BadSignature);
            }
            delegate.verify_issued_by(issuer)?;
            delegate.clone()
        };
        let key = responder.public_key()?;
        verify_signed(&self.algorithm, &self.tbs, &self.signature, &key)
    }
}

fn parse_ocsp(der: &[u8]) -> Option<OcspResponse> {
    let outer = AnyRef::from_der(der).ok()?;
    let fields = all_items(outer, Tag::Sequence)?;
    let basic = match fields.first()?.tag() {
        // OCSPResponse: responseStatus ENUMERATED, responseBytes [0] EXPLICIT.
        Tag::Enumerated => {
            (fields.first()?.value() == [0]).then_some(())?;
            let [bytes] = explicit::<1>(*fields.get(1)?, 0)?;
            let [kind, response] = items::<2>(bytes, Tag::Sequence)?;
            (kind.decode_as::<ObjectIdentifier>().ok()? == oids::OCSP_BASIC).then_some(())?;
            response.decode_as::<&OctetStringRef>().ok()?.as_bytes()
        }
        Tag::Sequence => der,
        _ => return None,
    };
    let basic = AnyRef::from_der(basic).ok()?;
    let parts = all_items(basic, Tag::Sequence)?;
    let tbs_any = *parts.first()?;
    let algorithm = AlgorithmIdentifierOwned::from_der(&tlv_der(*parts.get(1)?)?).ok()?;
    let signature = parts
        .get(2)?
        .decode_as::<der::asn1::BitStringRef<'_>>()
        .ok()?
        .as_bytes()?
        .to_vec();
    let certificates = match parts.get(3) {
        Some(certs) => {
            let [list] = explicit::<1>(*certs, 0)?;
            all_items(list, Tag::Sequence)?
                .into_iter()
                .filter_map(|c| Certificate::from_der(&tlv_der(c)?).ok())
                .collect()
        }
        None => Vec::new(),
    };
    let data = all_items(tbs_any, Tag::Sequence)?;
    let skip = usize::from(data.first().is_some_and(|d| is_context(*d, 0, true)));
    let responder_any = *data.get(skip)?;
    let responder = if is_context(responder_any, 1, true) {
        let [name] = explicit::<1>(responder_any, 1)?;
        Responder::ByName(tlv_der(name)?)
    } else if is_context(responder_any, 2, true) {
        let [hash] = explicit::<1>(responder_any, 2)?;
        Responder::ByKey(
            hash.decode_as::<&OctetStringRef>()
                .ok()?
                .as_bytes()
                .to_vec(),
        )
    } else {
        return None;
    };
    let produced_at = generalized_time_of(*data.get(skip + 1)?)?;
    let responses = all_items(*data.get(skip + 2)?, Tag::Sequence)?
        .into_iter()
        .map(single_response)
        .collect::<Option<Vec<_>>>()?;
    Some(OcspResponse {
        tbs: tlv_der(tbs_any)?,
        algorithm,
        signature,
        certificates,
        responder,
        produced_at,
        responses,
    })
}

fn single_response(any: AnyRef<'_>) -> Option<SingleResponse> {
    let fields = all_items(any, Tag::Sequence)?;
    let [algorithm, name_hash, key_hash, serial] = items::<4>(*fields.first()?, Tag::Sequence)?;
    let hash = super::asn1::first_oid(algorithm)?;
    let octets = |a: AnyRef<'_>| {
        a.decode_as::<&OctetStringRef>()
            .ok()
            .map(|o| o.as_bytes().to_vec())
    };
    (serial.tag() == Tag::Integer).then_some(())?;
    let status_any = *fields.get(1)?;
    let status = if is_context(status_any, 0, false) {
        CertStatus::Good
    } else if is_context(status_any, 1, true) {
        let info = tlvs(status_any.value())?;
        let time = generalized_time_of(*info.first()?)?;
        let reason = match info.get(1) {
            Some(reason) => {
                let [value] = explicit::<1>(*reason, 0)?;
                Some(RevocationReason::from_code(enumerated(&tlv_der(value)?)?))
            }
            None => None,
        };
        CertStatus::Revoked { time, reason }
    } else if is_context(status_any, 2, false) {
        CertStatus::Unknown
    } else {
        return None;
    };
    let this_update = generalized_time_of(*fields.get(2)?)?;
    let next_update = match fields.get(3) {
        Some(next) if is_context(*next, 0, true) => {
            let [time] = explicit::<1>(*next, 0)?;
            Some(generalized_time_of(time)?)
        }
        _ => None,
    };
    Some(SingleResponse {
        hash,
        issuer_name_hash: octets(name_hash)?,
        issuer_key_hash: octets(key_hash)?,
        serial: serial.value().to_vec(),
        status,
        this_update,
        next_update,
    })
}

/// The hash of `cert`'s public key bits (the `subjectPublicKey` BIT STRING content), as OCSP
/// `CertID` and `ResponderID` use it. `None` for a hash algorithm not handled.
fn key_hash(cert: &Certificate, algorithm: ObjectIdentifier) -> Option<Vec<u8>> {
    let bits = cert
        .parsed()
        .tbs_certificate()
        .subject_public_key_info()
        .subject_public_key
        .raw_bytes();
    hash(algorithm, bits)
}

/// SHA-1 serves only to name certificates here (OCSP `CertID` and `ResponderID`), never to
/// check a signature.
fn hash(algorithm: ObjectIdentifier, data: &[u8]) -> Option<Vec<u8>> {
    Some(match algorithm {
        oids::SHA1 => sha1::Sha1::digest(data).to_vec(),
        oids::SHA256 => sha2::Sha256::digest(data).to_vec(),
        oids::SHA384 => sha2::Sha384::digest(data).to_vec(),
        oids::SHA512 => sha2::Sha512::digest(data).to_vec(),
        _ => return None,
    })
}

impl SingleResponse {
    fn names(&self, cert: &Certificate, issuer: &Certificate) -> bool {
        self.serial == serial_of(cert)
            && hash(self.hash, issuer.subject_der()).as_deref()
                == Some(self.issuer_name_hash.as_slice())
            && key_hash(issuer, self.hash).as_deref() == Some(self.issuer_key_hash.as_slice())
    }
}

/// The content bytes of a certificate's serial number.
fn serial_of(cert: &Certificate) -> &[u8] {
    cert.parsed().tbs_certificate().serial_number().as_bytes()
}

/// Whether an answer issued at `this_update`, due again at `next_update`, speaks for `at`:
/// issued at or after it, or current then.
fn speaks_for(
    this_update: OffsetDateTime,
    next_update: Option<OffsetDateTime>,
    at: OffsetDateTime,
) -> bool {
    this_update >= at || next_update.is_some_and(|next| next >= at)
}

/// The revocation data at hand: CRLs and OCSP responses, plus certificates that may have signed
/// them (delegated OCSP responders).
#[derive(Debug, Clone, Default)]
pub struct RevocationValues {
    crls: Vec<Crl>,
    ocsp: Vec<OcspResponse>,
    unreadable: usize,
}

impl RevocationValues {
    /// No data.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a CRL.
    pub fn add_crl(&mut self, crl: Crl) {
        self.crls.push(crl);
    }

    /// Adds an OCSP response.
    pub fn add_ocsp(&mut self, response: OcspResponse) {
        self.ocsp.push(response);
    }

    /// Counts an entry that could not be read (it is reported, never relied on).
    pub fn add_unreadable(&mut self) {
        self.unreadable += 1;
    }

    /// The CRLs.
    pub fn crls(&self) -> &[Crl] {
        &self.crls
    }

    /// The OCSP responses.
    pub fn ocsp_responses(&self) -> &[OcspResponse] {
        &self.ocsp
    }

    /// Whether there is nothing.
    pub fn is_empty(&self) -> bool {
        self.crls.is_empty() && self.ocsp.is_empty()
    }

    /// Whether any CRL names `cert`'s issuer or any OCSP response `cert`'s serial number: a
    /// cheap test (no signature checked) of whether finding the issuer is worth it.
    pub fn may_cover(&self, cert: &Certificate) -> bool {
        let serial = serial_of(cert);
        self.crls.iter().any(|c| c.issuer == cert.issuer_der())
            || self
                .ocsp
                .iter()
                .any(|r| r.responses.iter().any(|s| s.serial == serial))
    }

    /// What the data says about `cert`, issued by `issuer`, at `at`. Only CRLs and responses that
    /// verify with `issuer`'s key (or its authorised OCSP responder's, found in a response or in
    /// `extra`) count. A CRL that does not list the certificate speaks for `at` when it was issued
    /// at or after `at` (but not after the certificate expired, since a CA may drop expired
    /// certificates from its lists), or was current at `at`; the same for an OCSP `good`.
    pub fn status(
        &self,
        cert: &Certificate,
        issuer: &Certificate,
        at: OffsetDateTime,
        extra: &[Certificate],
    ) -> RevocationStatus {
        self.about(cert, issuer, extra).status_at(at)
    }

    /// The data about `cert`, issued by `issuer`, with every signature checked once: ask
    /// [`CertificateRevocation::status_at`] for as many times as needed (the same answers as
    /// [`RevocationValues::status`]).
    pub fn about(
        &self,
        cert: &Certificate,
        issuer: &Certificate,
        extra: &[Certificate],
    ) -> CertificateRevocation {
        let mut out = CertificateRevocation {
            not_after: cert.not_after(),
            answers: Vec::new(),
            notes: Vec::new(),
        };
        let serial = serial_of(cert);
        for crl in self.crls.iter().filter(|c| c.issuer == cert.issuer_der()) {
            if let Some(why) = &crl.unusable {
                out.notes
                    .push(format!("a CRL of the issuer is not used ({why})"));
                continue;
            }
            if crl.verify(issuer).is_err() {
                out.notes
                    .push("a CRL naming the issuer does not verify with its key".into());
                continue;
            }
            let entry = crl.entries.iter().find(|e| e.serial == serial);
            out.answers.push(Answer {
                source: RevocationSource::Crl,
                this_update: crl.this_update,
                next_update: crl.next_update,
                status: match entry {
                    Some(entry) => CertStatus::Revoked {
                        time: entry.time,
                        reason: entry.reason,
                    },
                    None => CertStatus::Good,
                },
            });
        }
        for response in &self.ocsp {
            let singles: Vec<&SingleResponse> = response
                .responses
                .iter()
                .filter(|s| s.names(cert, issuer))
                .collect();
            if singles.is_empty() {
                continue;
            }
            if response.verify(issuer, extra).is_err() {
                out.notes.push(
                    "an OCSP response about the certificate does not verify with the issuer's \
                     key or an authorised responder's"
                        .into(),
                );
                continue;
            }
            out.answers.extend(singles.into_iter().map(|single| Answer {
                source: RevocationSource::Ocsp,
                this_update: single.this_update,
                next_update: single.next_update,
                status: single.status.clone(),
            }));
        }
        if self.unreadable > 0 {
            out.notes.push(format!(
                "{} revocation value(s) could not be read",
                self.unreadable
            ));
        }
        out
    }
}

/// One verified answer about a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Answer {
    source: RevocationSource,
    this_update: OffsetDateTime,
    next_update: Option<OffsetDateTime>,
    status: CertStatus,
}

/// The verified revocation data about one certificate (from [`RevocationValues::about`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateRevocation {
    not_after: OffsetDateTime,
    answers: Vec<Answer>,
    /// Why data was set aside.
    notes: Vec<String>,
}

impl CertificateRevocation {
    /// The status at `at` (see [`RevocationValues::status`]).
    pub fn status_at(&self, at: OffsetDateTime) -> RevocationStatus {
        let mut notes = Vec::new();
        let mut good: Option<(RevocationSource, OffsetDateTime)> = None;
        let mut revoked: Option<(RevocationSource, OffsetDateTime, Option<RevocationReason>)> =
            None;
        for answer in &self.answers {
            let what = match answer.source {
                RevocationSource::Crl => "the CRL",
                RevocationSource::Ocsp => "the OCSP response",
            };
            match &answer.status {
                CertStatus::Revoked { time, reason } => {
                    if revoked.as_ref().is_none_or(|(_, t, _)| time < t) {
                        revoked = Some((answer.source, *time, *reason));
                    }
                }
                CertStatus::Good
                    if answer.source == RevocationSource::Crl
                        && answer.this_update > self.not_after =>
                {
                    notes.push(format!(
                        "{what} issued {} postdates the certificate's expiry and may omit it",
                        rfc3339(answer.this_update)
                    ));
                }
                CertStatus::Good if speaks_for(answer.this_update, answer.next_update, at) => {
                    if good.as_ref().is_none_or(|(_, t)| answer.this_update > *t) {
                        good = Some((answer.source, answer.this_update));
                    }
                }
                CertStatus::Good => notes.push(format!(
                    "{what} issued {} was no longer current at {}",
                    rfc3339(answer.this_update),
                    rfc3339(at)
                )),
                CertStatus::Unknown => {
                    notes.push("the OCSP responder does not know the certificate".into());
                }
            }
        }
        if let Some((source, time, reason)) = revoked {
            return RevocationStatus::Revoked {
                source,
                time,
                reason,
            };
        }
        if let Some((source, issued)) = good {
            return RevocationStatus::Good { source, issued };
        }
        let detail = if notes.is_empty() && self.notes.is_empty() {
            "no CRL or OCSP response at hand covers the certificate".to_owned()
        } else {
            self.notes
                .iter()
                .chain(&notes)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ")
        };
        RevocationStatus::NotChecked { detail }
    }
}

fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_else(|_| at.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_malformed() {
        for bytes in [&b""[..], b"\x30\x00", b"\x30\x03\x0a\x01\x01", &[0x30; 16]] {
            assert_eq!(Crl::from_der(bytes).unwrap_err().code(), "x509.malformed");
            assert_eq!(
                OcspResponse::from_der(bytes).unwrap_err().code(),
                "x509.malformed"
            );
        }
    }

    #[test]
    fn reasons_round_trip() {
        for code in 0..=11u8 {
            assert_eq!(RevocationReason::from_code(code).code(), code);
        }
        assert_eq!(RevocationReason::from_code(1).name(), "keyCompromise");
        assert_eq!(enumerated(&[0x0a, 0x01, 4]), Some(4));
        assert_eq!(enumerated(&[0x02, 0x01, 4]), None);
    }

    #[test]
    fn speaking_for_a_time() {
        let t = |s: i64| OffsetDateTime::from_unix_timestamp(s).unwrap();
        assert!(speaks_for(t(10), None, t(10)));
        assert!(speaks_for(t(5), Some(t(10)), t(10)));
        assert!(!speaks_for(t(5), Some(t(9)), t(10)));
        assert!(!speaks_for(t(5), None, t(10)));
    }
}
