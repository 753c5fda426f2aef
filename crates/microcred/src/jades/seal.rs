//! A sealed file as read: the envelope, the header, the unsigned properties, and the checks that
//! can be made on it.

use std::sync::OnceLock;

use base64::Engine;
use serde_json::Value;
use time::OffsetDateTime;

use super::header::{ProtectedHeader, read_tokens, short};
use super::strict_json::{self, StrictError};
use super::timestamp::{Digests, TimestampToken};
use super::tsa::{TsaCheck, check_authorities};
use super::{B64, B64URL, JadesError};
use crate::x509::{
    self, Certificate, ChainOutcome, Crl, OcspResponse, QcInfo, RevocationStatus, RevocationValues,
    TrustAnchors,
};

/// How far the seal goes along the JAdES baseline levels (ETSI EN 119 182-1), judged from the
/// properties it carries; each time-stamp's imprint is checked by [`Seal::check_timestamps`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum BaselineLevel {
    /// Signed properties only (signing certificate, signing time).
    #[serde(rename = "B-B")]
    B,
    /// Plus a signature time-stamp (`sigTst`).
    #[serde(rename = "B-T")]
    T,
    /// Plus the validation material (`xVals`/`axVals` and `rVals`/`arVals`).
    #[serde(rename = "B-LT")]
    LT,
    /// Plus an archive time-stamp (`arcTst`).
    #[serde(rename = "B-LTA")]
    LTA,
}

impl BaselineLevel {
    /// The ETSI name (`B-LTA`).
    pub fn name(self) -> &'static str {
        match self {
            Self::B => "B-B",
            Self::T => "B-T",
            Self::LT => "B-LT",
            Self::LTA => "B-LTA",
        }
    }
}

/// One entry of the unsigned header's `etsiU` list.
#[derive(Debug, Clone)]
pub struct UnsignedProperty {
    /// The entry exactly as stored (base64url JSON): archive time-stamps cover these bytes.
    pub encoded: String,
    /// The property name (`sigTst`, `xVals`, `rVals`, `arcTst`, ...).
    pub name: String,
    /// The property value.
    pub value: Value,
}

/// A time-stamp found in the seal and checked against what it must cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedTimestamp {
    /// Where it was: `adoTst`, `sigTst` or `arcTst`.
    pub property: &'static str,
    /// The time-stamping authority's time.
    pub time: OffsetDateTime,
    /// The subject of the authority's certificate (its signature on the token was checked; whether
    /// the authority is trusted is not: see [`Seal::check_timestamp_authorities`]).
    pub authority: String,
    /// The authority's certificate.
    pub certificate: Certificate,
    /// The certificates the token carries (candidates for the authority's chain).
    pub(crate) carried: Vec<Certificate>,
}

/// A JAdES seal read from a file: structure, header rules and certificate binding checked, the
/// signature not yet (see [`Seal::verify_signature`], or [`super::verify`] for everything at once).
#[derive(Debug, Clone)]
pub struct Seal {
    payload: String,
    protected: String,
    signature_b64: String,
    signature: Vec<u8>,
    header: ProtectedHeader,
    unsigned: Vec<UnsignedProperty>,
    certificates: Vec<Certificate>,
    /// What `xVals` and `rVals` hold, read once when first asked.
    validation: OnceLock<Vec<Certificate>>,
    revocation: OnceLock<RevocationValues>,
}

impl Seal {
    /// Reads a sealed file: a JWS JSON general serialization with exactly one signature, a
    /// protected header that passes [`ProtectedHeader::parse`], readable certificates, and a
    /// `x5t#S256` (and `kid`, when present) that name `x5c[0]`.
    pub fn parse(bytes: &[u8]) -> Result<Seal, JadesError> {
        let envelope = match strict_json::parse(bytes) {
            Ok(Value::Object(map)) => map,
            Ok(_) => return Err(JadesError::MalformedEnvelope("not a JSON object")),
            Err(StrictError::Duplicate(key)) => {
                return Err(JadesError::DuplicateKey(key.chars().take(32).collect()));
            }
            Err(StrictError::Syntax) => return Err(JadesError::MalformedEnvelope("not JSON")),
        };
        let payload = match envelope.get("payload") {
            Some(Value::String(payload)) => payload.clone(),
            _ => return Err(JadesError::MalformedEnvelope("no `payload` string")),
        };
        let signatures = match envelope.get("signatures") {
            Some(Value::Array(signatures)) => signatures,
            _ if envelope.contains_key("protected") => {
                return Err(JadesError::MalformedEnvelope(
                    "flattened serialization; EDC seals use the general one",
                ));
            }
            _ => return Err(JadesError::MalformedEnvelope("no `signatures` list")),
        };
        if envelope.len() != 2 {
            return Err(JadesError::MalformedEnvelope(
                "members other than `payload` and `signatures`",
            ));
        }
        let [signature] = signatures.as_slice() else {
            return Err(JadesError::SignatureCount(signatures.len()));
        };
        let field = |name: &'static str| match signature.get(name) {
            Some(Value::String(text)) => Ok(text.clone()),
            _ => Err(JadesError::MalformedEnvelope(
                "a signature lacks `protected` or `signature`",
            )),
        };
        let protected = field("protected")?;
        let signature_b64 = field("signature")?;
        let signature_bytes = B64URL
            .decode(&signature_b64)
            .map_err(|_| JadesError::MalformedEnvelope("`signature` is not base64url"))?;

        let header = ProtectedHeader::parse(&protected)?;
        // RFC 7515 §7.2.1: the names of the protected and the unprotected header are disjoint.
        // A second `x5c` or `sigT` outside the signature would let readers disagree.
        if let Some(Value::Object(unprotected)) = signature.get("header")
            && let Some(name) = unprotected.keys().find(|k| header.raw.contains_key(*k))
        {
            return Err(JadesError::DuplicateHeader(short(name)));
        }
        let unsigned = read_unsigned(signature.get("header"))?;

        let mut certificates = Vec::with_capacity(header.x5c.len());
        for (index, der) in header.x5c.iter().enumerate() {
            let cert = Certificate::from_der(der)
                .map_err(|source| JadesError::MalformedCertificate { index, source })?;
            certificates.push(cert);
        }
        let seal = Seal {
            payload,
            protected,
            signature_b64,
            signature: signature_bytes,
            header,
            unsigned,
            certificates,
            validation: OnceLock::new(),
            revocation: OnceLock::new(),
        };
        seal.check_certificate_binding()?;
        Ok(seal)
    }

    /// `x5t#S256` must be present and be the SHA-256 of `x5c[0]`; `kid`, when present, its
    /// IssuerSerial. Otherwise a verifier shown one certificate could be checking another.
    fn check_certificate_binding(&self) -> Result<(), JadesError> {
        let cert = self.signing_certificate();
        let thumbprint = B64URL.encode(cert.sha256());
        if self.header.x5t_s256.as_deref() != Some(thumbprint.as_str()) {
            return Err(JadesError::ThumbprintMismatch);
        }
        if let Some(kid) = &self.header.kid {
            let issuer_serial = cert.issuer_serial_der();
            let decoded = B64.decode(kid).map_err(|_| JadesError::KidMismatch)?;
            if decoded != issuer_serial {
                return Err(JadesError::KidMismatch);
            }
        }
        Ok(())
    }

    /// The protected header.
    pub fn header(&self) -> &ProtectedHeader {
        &self.header
    }

    /// The signing certificate (`x5c[0]`).
    pub fn signing_certificate(&self) -> &Certificate {
        // `ProtectedHeader::parse` refuses an empty `x5c`, and every entry became a certificate.
        &self.certificates[0]
    }

    /// The certificates of `x5c` (signing certificate first).
    pub fn certificates(&self) -> &[Certificate] {
        &self.certificates
    }

    /// The claimed signing time (`sigT`).
    pub fn signing_time(&self) -> OffsetDateTime {
        self.header.signing_time
    }

    /// The unsigned properties (`etsiU`).
    pub fn unsigned_properties(&self) -> &[UnsignedProperty] {
        &self.unsigned
    }

    /// The sealed payload, **not yet verified**: call [`Seal::verify_signature`] first.
    pub fn payload_unverified(&self) -> &str {
        &self.payload
    }

    /// The bytes the signature covers: `ASCII(protected) || "." || payload` (RFC 7797, unencoded
    /// payload): the stored payload exactly, never re-serialised.
    pub fn signing_input(&self) -> Vec<u8> {
        signing_input(&self.protected, &self.payload)
    }

    /// Checks the signature with the key of `x5c[0]`.
    pub fn verify_signature(&self) -> Result<(), JadesError> {
        let key = self.signing_certificate().public_key().map_err(|_| {
            JadesError::KeyAlgorithmMismatch {
                alg: self.header.alg.name(),
                key: "unsupported".into(),
            }
        })?;
        check_signature(
            &key,
            self.header.alg,
            &self.signing_input(),
            &self.signature,
        )
    }

    /// The signing certificate must have been valid at `sigT`, allow signatures (digital signature
    /// or non-repudiation key usage), and `sigT` must not lie after `now`.
    pub fn check_certificate(&self, now: OffsetDateTime) -> Result<(), JadesError> {
        check_signing_certificate(self.signing_certificate(), self.signing_time(), now)
    }

    /// Checks every time-stamp the seal carries against what it must cover: `adoTst` the payload,
    /// `sigTst` the base64url signature, `arcTst` the payload, protected header, signature and the
    /// unsigned properties before it (each joined as EDC's signer does: `payload.protected.
    /// signature.` then the earlier `etsiU` entries as stored).
    pub fn check_timestamps(&self) -> Result<Vec<CheckedTimestamp>, JadesError> {
        let payload = Digests::new(self.payload.as_bytes());
        let mut known = self.validation_certificates();
        known.extend(self.certificates.iter().cloned());
        let check_token = |der: &[u8], property, prefix: &Digests<'_>, rest: &[&[u8]]| {
            check_token(der, property, prefix, rest, &known)
        };
        let mut checked = Vec::new();
        for der in &self.header.content_timestamps {
            checked.push(check_token(der, "adoTst", &payload, &[])?);
        }
        for (index, property) in self.unsigned.iter().enumerate() {
            let name: &'static str = match property.name.as_str() {
                "sigTst" => "sigTst",
                "arcTst" => "arcTst",
                _ => continue,
            };
            for der in read_tokens(&property.value, name)? {
                let checked_token = if name == "sigTst" {
                    let signature = Digests::new(self.signature_b64.as_bytes());
                    check_token(&der, name, &signature, &[])?
                } else {
                    let mut rest: Vec<&[u8]> = vec![
                        b".",
                        self.protected.as_bytes(),
                        b".",
                        self.signature_b64.as_bytes(),
                        b".",
                    ];
                    rest.extend(self.unsigned[..index].iter().map(|p| p.encoded.as_bytes()));
                    check_token(&der, name, &payload, &rest)?
                };
                checked.push(checked_token);
            }
        }
        Ok(checked)
    }

    /// The baseline level the unsigned properties claim.
    pub fn level(&self) -> BaselineLevel {
        let has = |names: &[&str]| {
            self.unsigned
                .iter()
                .any(|p| names.contains(&p.name.as_str()))
        };
        if !has(&["sigTst"]) {
            BaselineLevel::B
        } else if !(has(&["xVals", "axVals"]) && has(&["rVals", "arVals"])) {
            BaselineLevel::T
        } else if !has(&["arcTst"]) {
            BaselineLevel::LT
        } else {
            BaselineLevel::LTA
        }
    }

    /// Builds the signing certificate's chain to `anchors`, valid at the signing time. The other
    /// `x5c` certificates and those in `xVals` serve as intermediates.
    pub fn chain(&self, anchors: &TrustAnchors) -> ChainOutcome {
        let mut intermediates: Vec<Certificate> = self.certificates[1..].to_vec();
        intermediates.extend(self.validation_certificates());
        x509::validate_chain(
            self.signing_certificate(),
            &intermediates,
            anchors,
            self.signing_time(),
        )
    }

    /// The certificates carried in `xVals`/`axVals`, and in the `xVals` of time-stamp validation
    /// data (`tstVD`). Unreadable ones are skipped: they are only candidates for a chain.
    pub fn validation_certificates(&self) -> Vec<Certificate> {
        self.validation
            .get_or_init(|| self.read_validation_certificates())
            .clone()
    }

    fn read_validation_certificates(&self) -> Vec<Certificate> {
        let mut out = Vec::new();
        for property in &self.unsigned {
            let list = match property.name.as_str() {
                "xVals" | "axVals" => &property.value,
                "tstVD" => match property.value.get("xVals") {
                    Some(list) => list,
                    None => continue,
                },
                _ => continue,
            };
            for item in list.as_array().into_iter().flatten() {
                let der = item
                    .pointer("/x509Cert/val")
                    .and_then(Value::as_str)
                    .and_then(|text| B64.decode(text).ok());
                if let Some(cert) = der.and_then(|der| Certificate::from_der(&der).ok()) {
                    out.push(cert);
                }
            }
        }
        out
    }

    /// The revocation values the seal carries: the CRLs (`crlVals`) and OCSP responses
    /// (`ocspVals`) of `rVals` and of time-stamp validation data (`tstVD`). Entries that cannot be
    /// read are counted, never relied on.
    pub fn revocation_values(&self) -> RevocationValues {
        self.revocation_ref().clone()
    }

    fn revocation_ref(&self) -> &RevocationValues {
        self.revocation
            .get_or_init(|| self.read_revocation_values())
    }

    fn read_revocation_values(&self) -> RevocationValues {
        let mut values = RevocationValues::new();
        for property in &self.unsigned {
            let r_vals = match property.name.as_str() {
                "rVals" => &property.value,
                "tstVD" => match property.value.get("rVals") {
                    Some(r_vals) => r_vals,
                    None => continue,
                },
                _ => continue,
            };
            let entries = |name: &str| {
                r_vals
                    .get(name)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .map(|item| {
                        item.get("val")
                            .and_then(Value::as_str)
                            .and_then(|text| B64.decode(text).ok())
                    })
                    .collect::<Vec<_>>()
            };
            for der in entries("crlVals") {
                match der.and_then(|der| Crl::from_der(&der).ok()) {
                    Some(crl) => values.add_crl(crl),
                    None => values.add_unreadable(),
                }
            }
            for der in entries("ocspVals") {
                match der.and_then(|der| OcspResponse::from_der(&der).ok()) {
                    Some(response) => values.add_ocsp(response),
                    None => values.add_unreadable(),
                }
            }
        }
        values
    }

    /// Judges the authority behind each time-stamp of `timestamps` (from
    /// [`Seal::check_timestamps`]) at the time-stamp's time: its certificate's validity and
    /// extended key usage, its revocation status from [`Seal::revocation_values`], and its chain to
    /// `anchors` (any anchor: see [`TrustAnchors::add_timestamping`]). Intermediates come from the
    /// token, `x5c` and `xVals`. Nothing is fetched.
    pub fn check_timestamp_authorities(
        &self,
        timestamps: &[CheckedTimestamp],
        anchors: &TrustAnchors,
    ) -> Vec<TsaCheck> {
        if timestamps.is_empty() {
            return Vec::new();
        }
        let mut known = self.validation_certificates();
        known.extend(self.certificates.iter().cloned());
        check_authorities(timestamps, &known, anchors, self.revocation_ref())
    }

    /// What the seal's revocation values say about the signing certificate at the signing time.
    /// The issuer is the next certificate of `chain` (from [`Seal::chain`]) when it is trusted,
    /// otherwise the certificate among `x5c`, `xVals` and `anchors` whose key signed it.
    pub fn signer_revocation(
        &self,
        chain: &ChainOutcome,
        anchors: &TrustAnchors,
    ) -> RevocationStatus {
        let values = self.revocation_ref();
        let mut known = self.validation_certificates();
        known.extend(self.certificates.iter().skip(1).cloned());
        if !values.may_cover(self.signing_certificate()) {
            return RevocationStatus::NotChecked {
                detail: if values.is_empty() {
                    "the seal carries no revocation values".into()
                } else {
                    "no CRL or OCSP response in the seal covers the certificate".into()
                },
            };
        }
        let issuer = match chain {
            ChainOutcome::Trusted { path } if path.len() > 1 => Some(path[1].clone()),
            _ => {
                let mut candidates = known.clone();
                candidates.extend(anchors.certificates().iter().cloned());
                x509::find_issuer(self.signing_certificate(), &candidates)
            }
        };
        match issuer {
            Some(issuer) => values.status(
                self.signing_certificate(),
                &issuer,
                self.signing_time(),
                &known,
            ),
            None => RevocationStatus::NotChecked {
                detail: "the certificate of the seal certificate's issuer is not at hand".into(),
            },
        }
    }

    /// What the signing certificate says about qualification (QCStatements, policies).
    pub fn qualification(&self) -> QcInfo {
        self.signing_certificate().qualification()
    }
}

/// The rules a seal certificate must meet, shared by verification ([`Seal::check_certificate`])
/// and sealing ([`super::Sealer::prepare`]) so that a seal is never made that verification would
/// reject: the signing time `at` is not after `now`, lies within the certificate's validity, and
/// the certificate's key usage (when it has one) allows digital signature or non-repudiation.
pub(crate) fn check_signing_certificate(
    cert: &Certificate,
    at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), JadesError> {
    if at > now {
        return Err(JadesError::SigningTimeInFuture);
    }
    if at < cert.not_before() {
        return Err(JadesError::CertificateNotYetValid);
    }
    if at > cert.not_after() {
        return Err(JadesError::CertificateExpired);
    }
    match cert.key_usage() {
        Some(usage) if !(usage.digital_signature || usage.non_repudiation) => {
            Err(JadesError::CertificateKeyUsage)
        }
        _ => Ok(()),
    }
}

/// `ASCII(protected) || "." || payload`.
pub(crate) fn signing_input(protected: &str, payload: &str) -> Vec<u8> {
    let mut input = Vec::with_capacity(protected.len() + 1 + payload.len());
    input.extend_from_slice(protected.as_bytes());
    input.push(b'.');
    input.extend_from_slice(payload.as_bytes());
    input
}

/// Checks a JWS signature with a certificate key.
pub(crate) fn check_signature(
    key: &x509::PublicKey,
    alg: super::Algorithm,
    input: &[u8],
    signature: &[u8],
) -> Result<(), JadesError> {
    match key.verify(alg.scheme(), input, signature) {
        Ok(()) => Ok(()),
        Err(e) if e.code() == "x509.bad_signature" => Err(JadesError::SignatureMismatch),
        Err(_) => Err(JadesError::KeyAlgorithmMismatch {
            alg: alg.name(),
            key: key.description(),
        }),
    }
}

fn check_token(
    der: &[u8],
    property: &'static str,
    prefix: &Digests<'_>,
    rest: &[&[u8]],
    known: &[Certificate],
) -> Result<CheckedTimestamp, JadesError> {
    let token = TimestampToken::parse(der)
        .ok_or_else(|| JadesError::MalformedTimestamp(property.to_owned()))?;
    if !prefix.covers(&token, rest) {
        return Err(JadesError::TimestampMismatch(property.to_owned()));
    }
    // Without the authority's signature, a token is just a claimed time anyone could write.
    let authority =
        token
            .verify_signature(known)
            .map_err(|source| JadesError::TimestampSignature {
                property: property.to_owned(),
                source,
            })?;
    Ok(CheckedTimestamp {
        property,
        time: token.time,
        authority: authority.subject_text(),
        carried: token.certificates(),
        certificate: authority,
    })
}

/// The `header.etsiU` list: base64url JSON objects with one member each.
fn read_unsigned(header: Option<&Value>) -> Result<Vec<UnsignedProperty>, JadesError> {
    let Some(header) = header else {
        return Ok(Vec::new());
    };
    let Some(object) = header.as_object() else {
        return Err(JadesError::MalformedEnvelope(
            "the unprotected `header` is not an object",
        ));
    };
    let Some(entries) = object.get("etsiU") else {
        return Ok(Vec::new());
    };
    let Some(entries) = entries.as_array() else {
        return Err(JadesError::MalformedEnvelope("`etsiU` is not a list"));
    };
    let mut out = Vec::with_capacity(entries.len());
    for (index, entry) in entries.iter().enumerate() {
        let malformed = || JadesError::MalformedUnsignedProperty(index);
        let encoded = entry.as_str().ok_or_else(malformed)?;
        let bytes = B64URL.decode(encoded).map_err(|_| malformed())?;
        let Ok(Value::Object(map)) = strict_json::parse(&bytes) else {
            return Err(malformed());
        };
        let mut members = map.into_iter();
        let (Some((name, value)), None) = (members.next(), members.next()) else {
            return Err(malformed());
        };
        out.push(UnsignedProperty {
            encoded: encoded.to_owned(),
            name,
            value,
        });
    }
    Ok(out)
}
