//! RFC 3161 time-stamp tokens inside a JAdES seal: what they cover and when.
//!
//! A token is a CMS SignedData whose content is a TSTInfo. We read the TSTInfo's message imprint and
//! time, and the signer info needed to check the time-stamping authority's signature, with `der`'s
//! generic TLV reader: the RustCrypto `cms` crate for der 0.8 exists only as a release candidate,
//! and its full model is more than these checks need.

use std::cell::OnceCell;

use der::asn1::{AnyRef, ObjectIdentifier, OctetStringRef};
use der::{Decode, Tag, Tagged};
use sha2::{Digest, Sha256, Sha384, Sha512};
use time::OffsetDateTime;

use crate::x509::asn1::{
    all_items, explicit, first_oid, generalized_time, is_context, items, tlvs,
};
use crate::x509::{Certificate, Hash, SignatureScheme};

/// CMS `signedData`.
const SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
/// `id-ct-TSTInfo`.
const TST_INFO: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.4");
const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");

/// CMS `messageDigest` signed attribute.
const MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");

/// What a time-stamp token says: the hash it time-stamped and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampToken {
    /// The hash algorithm of the imprint (dotted OID).
    pub hash_algorithm: String,
    /// The time-stamped hash.
    pub imprint: Vec<u8>,
    /// The time-stamping authority's time.
    pub time: OffsetDateTime,
    signed: Option<SignerData>,
}

/// What the authority's signature covers and how to check it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SignerData {
    /// The TSTInfo, as signed (through the `messageDigest` attribute).
    content: Vec<u8>,
    /// Certificates carried in the token.
    certificates: Vec<Vec<u8>>,
    /// Issuer name (DER) and serial (content bytes) of the signing certificate, or its key id.
    issuer: Vec<u8>,
    serial: Vec<u8>,
    key_id: Vec<u8>,
    digest_algorithm: ObjectIdentifier,
    /// The signed attributes re-tagged as a SET, which is what the signature covers (RFC 5652 §5.4).
    signed_attributes: Vec<u8>,
    message_digest: Vec<u8>,
    signature_algorithm: ObjectIdentifier,
    signature: Vec<u8>,
}

/// Why a token's signature does not hold. Each variant has a stable [`code`](Self::code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TokenSignatureError {
    /// The token carries no signer information we can read (no signed attributes).
    #[error("the time-stamp token carries no readable signer information")]
    Unreadable,
    /// Neither the token nor the seal carries the authority's certificate.
    #[error("neither the time-stamp token nor the seal carries the authority's certificate")]
    NoCertificate,
    /// The algorithm is not one this library checks.
    #[error("the time-stamp token is signed with an algorithm this library does not check")]
    UnsupportedAlgorithm,
    /// The signed attributes do not hash the TSTInfo, or the signature is wrong.
    #[error("the time-stamp token's signature does not match its content")]
    Mismatch,
}

impl TokenSignatureError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            TokenSignatureError::Unreadable => "seal.timestamp_unreadable",
            TokenSignatureError::NoCertificate => "seal.timestamp_no_certificate",
            TokenSignatureError::UnsupportedAlgorithm => "seal.timestamp_unsupported_algorithm",
            TokenSignatureError::Mismatch => "seal.timestamp_signature_mismatch",
        }
    }
}

impl TimestampToken {
    /// Reads a DER token. `None` when it is not a CMS SignedData carrying a TSTInfo.
    pub fn parse(der: &[u8]) -> Option<TimestampToken> {
        let content_info = AnyRef::from_der(der).ok()?;
        let [content_type, content] = items::<2>(content_info, Tag::Sequence)?;
        (content_type.decode_as::<ObjectIdentifier>().ok()? == SIGNED_DATA).then_some(())?;
        let [signed_data] = explicit::<1>(content, 0)?;
        let signed_data_items = all_items(signed_data, Tag::Sequence)?;
        let encapsulated = *signed_data_items.get(2)?;
        let [e_content_type, e_content] = items::<2>(encapsulated, Tag::Sequence)?;
        (e_content_type.decode_as::<ObjectIdentifier>().ok()? == TST_INFO).then_some(())?;
        let [octets] = explicit::<1>(e_content, 0)?;
        let tst_info =
            AnyRef::from_der(octets.decode_as::<&OctetStringRef>().ok()?.as_bytes()).ok()?;

        let fields = all_items(tst_info, Tag::Sequence)?;
        let [algorithm, hashed] = items::<2>(*fields.get(2)?, Tag::Sequence)?;
        let algorithm_oid = all_items(algorithm, Tag::Sequence)?
            .first()?
            .decode_as::<ObjectIdentifier>()
            .ok()?;
        let imprint = hashed
            .decode_as::<&OctetStringRef>()
            .ok()?
            .as_bytes()
            .to_vec();
        let gen_time = *fields.get(4)?;
        (gen_time.tag() == Tag::GeneralizedTime).then_some(())?;
        let content = octets
            .decode_as::<&OctetStringRef>()
            .ok()?
            .as_bytes()
            .to_vec();
        Some(TimestampToken {
            hash_algorithm: algorithm_oid.to_string(),
            imprint,
            time: generalized_time(gen_time.value())?,
            signed: signer_data(&signed_data_items, content),
        })
    }

    /// Checks the authority's signature on the token, with a certificate the token carries or one
    /// of `extra` (the seal's validation material); returns the authority's certificate. Whether
    /// that certificate is trusted is a separate question.
    pub fn verify_signature(
        &self,
        extra: &[Certificate],
    ) -> Result<Certificate, TokenSignatureError> {
        let signed = self
            .signed
            .as_ref()
            .ok_or(TokenSignatureError::Unreadable)?;
        let digest =
            hash_of(signed.digest_algorithm).ok_or(TokenSignatureError::UnsupportedAlgorithm)?;
        if digest.digest(&signed.content) != signed.message_digest {
            return Err(TokenSignatureError::Mismatch);
        }
        let scheme = scheme_of(signed.signature_algorithm, digest)
            .ok_or(TokenSignatureError::UnsupportedAlgorithm)?;
        let carried = signed
            .certificates
            .iter()
            .filter_map(|der| Certificate::from_der(der).ok());
        let signer = carried
            .chain(extra.iter().cloned())
            .find(|cert| {
                (!signed.key_id.is_empty()
                    && cert.subject_key_identifier() == Some(signed.key_id.as_slice()))
                    || (cert.issuer_der() == signed.issuer.as_slice()
                        && serial_content(cert) == signed.serial)
            })
            .ok_or(TokenSignatureError::NoCertificate)?;
        let key = signer
            .public_key()
            .map_err(|_| TokenSignatureError::UnsupportedAlgorithm)?;
        key.verify(scheme, &signed.signed_attributes, &signed.signature)
            .map_err(|_| TokenSignatureError::Mismatch)?;
        Ok(signer)
    }

    /// The certificates the token carries (unreadable ones are skipped): usually the authority's
    /// own, sometimes its chain.
    pub fn certificates(&self) -> Vec<Certificate> {
        self.signed
            .iter()
            .flat_map(|signed| &signed.certificates)
            .filter_map(|der| Certificate::from_der(der).ok())
            .collect()
    }

    /// Whether the token time-stamps exactly `data`. An unknown hash algorithm never covers.
    pub fn covers(&self, data: &[u8]) -> bool {
        Digests::new(data).covers(self, &[])
    }
}

/// Hashes of one shared prefix (the payload), each computed once and continued for every token
/// that covers the prefix followed by more: `adoTst` covers the payload and `arcTst` the payload
/// and what follows it, so the 100 KB payload is hashed once, not once per token.
pub(crate) struct Digests<'a> {
    prefix: &'a [u8],
    sha256: OnceCell<Sha256>,
    sha384: OnceCell<Sha384>,
    sha512: OnceCell<Sha512>,
}

impl<'a> Digests<'a> {
    pub(crate) fn new(prefix: &'a [u8]) -> Self {
        Digests {
            prefix,
            sha256: OnceCell::new(),
            sha384: OnceCell::new(),
            sha512: OnceCell::new(),
        }
    }

    /// Whether `token` time-stamps the prefix followed by `rest`.
    pub(crate) fn covers(&self, token: &TimestampToken, rest: &[&[u8]]) -> bool {
        fn finish<D: Digest + Clone>(state: &D, rest: &[&[u8]]) -> Vec<u8> {
            let mut state = state.clone();
            for part in rest {
                state.update(part);
            }
            state.finalize().to_vec()
        }
        let expected = match token.hash_algorithm.parse::<ObjectIdentifier>() {
            Ok(oid) if oid == SHA256 => {
                finish(self.sha256.get_or_init(|| start(self.prefix)), rest)
            }
            Ok(oid) if oid == SHA384 => {
                finish(self.sha384.get_or_init(|| start(self.prefix)), rest)
            }
            Ok(oid) if oid == SHA512 => {
                finish(self.sha512.get_or_init(|| start(self.prefix)), rest)
            }
            _ => return false,
        };
        expected == token.imprint
    }
}

fn start<D: Digest>(prefix: &[u8]) -> D {
    let mut state = D::new();
    state.update(prefix);
    state
}

/// The first signer info of a SignedData (its items, in order).
fn signer_data(signed_data: &[AnyRef<'_>], content: Vec<u8>) -> Option<SignerData> {
    let certificates = signed_data
        .iter()
        .find(|item| is_context(**item, 0, true))
        .map(|certs| {
            tlvs(certs.value())
                .unwrap_or_default()
                .iter()
                .filter_map(|cert| der::Encode::to_der(cert).ok())
                .collect()
        })
        .unwrap_or_default();
    let signer_infos = *signed_data.last()?;
    let signer = *all_items(signer_infos, Tag::Set)?.first()?;
    let fields = all_items(signer, Tag::Sequence)?;
    let (issuer, serial, key_id) = match fields.get(1)? {
        sid if sid.tag() == Tag::Sequence => {
            let [issuer, serial] = items::<2>(*sid, Tag::Sequence)?;
            (
                der::Encode::to_der(&issuer).ok()?,
                serial.value().to_vec(),
                Vec::new(),
            )
        }
        sid if is_context(*sid, 0, false) => (Vec::new(), Vec::new(), sid.value().to_vec()),
        _ => return None,
    };
    let digest_algorithm = first_oid(*fields.get(2)?)?;
    let attributes = *fields.get(3)?;
    is_context(attributes, 0, true).then_some(())?;
    let mut message_digest = None;
    for attribute in tlvs(attributes.value())? {
        let [oid, values] = items::<2>(attribute, Tag::Sequence)?;
        if oid.decode_as::<ObjectIdentifier>().ok()? == MESSAGE_DIGEST {
            let [value] = items::<1>(values, Tag::Set)?;
            message_digest = Some(
                value
                    .decode_as::<&OctetStringRef>()
                    .ok()?
                    .as_bytes()
                    .to_vec(),
            );
        }
    }
    let signature_algorithm = first_oid(*fields.get(4)?)?;
    let signature = fields
        .get(5)?
        .decode_as::<&OctetStringRef>()
        .ok()?
        .as_bytes()
        .to_vec();
    Some(SignerData {
        content,
        certificates,
        issuer,
        serial,
        key_id,
        digest_algorithm,
        signed_attributes: as_set(attributes.value()),
        message_digest: message_digest?,
        signature_algorithm,
        signature,
    })
}

/// The serial number's content bytes as encoded in the certificate.
fn serial_content(cert: &Certificate) -> Vec<u8> {
    cert.parsed()
        .tbs_certificate()
        .serial_number()
        .as_bytes()
        .to_vec()
}

/// `value` wrapped as a DER SET (tag 0x31 and a definite length).
fn as_set(value: &[u8]) -> Vec<u8> {
    let mut out = vec![0x31];
    let len = value.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(value);
    out
}

fn hash_of(oid: ObjectIdentifier) -> Option<Hash> {
    match oid {
        o if o == SHA256 => Some(Hash::Sha256),
        o if o == SHA384 => Some(Hash::Sha384),
        o if o == SHA512 => Some(Hash::Sha512),
        _ => None,
    }
}

/// The signature scheme of a CMS signature algorithm, with the signer info's digest.
fn scheme_of(oid: ObjectIdentifier, digest: Hash) -> Option<SignatureScheme> {
    Some(match oid.to_string().as_str() {
        "1.2.840.113549.1.1.1" => SignatureScheme::RsaPkcs1(digest),
        "1.2.840.113549.1.1.11" => SignatureScheme::RsaPkcs1(Hash::Sha256),
        "1.2.840.113549.1.1.12" => SignatureScheme::RsaPkcs1(Hash::Sha384),
        "1.2.840.113549.1.1.13" => SignatureScheme::RsaPkcs1(Hash::Sha512),
        "1.2.840.113549.1.1.10" => SignatureScheme::RsaPss(digest),
        "1.2.840.10045.4.3.2" => SignatureScheme::Ecdsa {
            hash: Hash::Sha256,
            der: true,
        },
        "1.2.840.10045.4.3.3" => SignatureScheme::Ecdsa {
            hash: Hash::Sha384,
            der: true,
        },
        "1.3.101.112" => SignatureScheme::Ed25519,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_not_a_token() {
        assert!(TimestampToken::parse(&[]).is_none());
        assert!(TimestampToken::parse(&[0x30, 0x03, 0x06, 0x01, 0x00]).is_none());
        assert!(TimestampToken::parse(&[0x30, 0x80]).is_none());
    }
}
