//! What can go wrong when sealing or verifying a JAdES seal.

use super::TokenSignatureError;
use crate::json::ParseError;
use crate::x509::X509Error;

/// The chain error as the message showed it before the error became a typed source: "no
/// certificate" for an empty chain, the certificate error's code otherwise.
fn chain_reason(e: &X509Error) -> &'static str {
    match e {
        X509Error::NoCertificate { .. } => "no certificate",
        other => other.code(),
    }
}

/// A sealing or verification failure, with a stable [`code`](JadesError::code).
///
/// Messages name the header field or JSON path concerned and never repeat credential values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JadesError {
    /// The file is not a JWS JSON general serialization (`payload` + `signatures`).
    #[error("not a JAdES seal: {0}")]
    MalformedEnvelope(&'static str),
    /// The seal carries more or fewer signatures than one.
    #[error("expected exactly one signature, found {0}")]
    SignatureCount(usize),
    /// The protected header is not base64url-encoded JSON, or a field has the wrong type.
    #[error("malformed protected header: {0}")]
    MalformedHeader(String),
    /// A JSON object in the seal repeats a key, so two readers could see different values.
    #[error("the key `{0}` appears twice in one object of the seal")]
    DuplicateKey(String),
    /// A header parameter is in both the protected and the unprotected header, which RFC 7515
    /// §7.2.1 forbids: readers could take either value, and only one is signed.
    #[error("the header parameter `{0}` is in both the protected and the unprotected header")]
    DuplicateHeader(String),
    /// `alg` is `none`.
    #[error("the seal is unsigned (`alg: none`)")]
    AlgNone,
    /// `alg` is an HMAC algorithm: a shared secret proves nothing about the issuer.
    #[error("`alg: {0}` is a shared-secret MAC, not a seal")]
    AlgHmac(String),
    /// `alg` is not RS256, PS256, ES256 or EdDSA.
    #[error("unsupported algorithm `{0}`")]
    UnsupportedAlgorithm(String),
    /// `crit` names a header parameter this verifier does not understand, or is malformed.
    #[error("`crit` lists `{0}`, which this verifier does not process")]
    UnknownCrit(String),
    /// The payload encoding is not the EDC one (`b64: false`, listed in `crit`).
    #[error("payload encoding mismatch: {0}")]
    B64Mismatch(&'static str),
    /// The header has no `sigT` (claimed signing time), or it is not a UTC date-time.
    #[error("the protected header has no valid `sigT`")]
    MissingSigningTime,
    /// The header names no signing certificate (`x5c`).
    #[error("the protected header carries no signing certificate (`x5c`)")]
    MissingCertificate,
    /// A certificate in `x5c` is not valid DER X.509.
    #[error("`x5c[{index}]` is not a certificate ({})", .source.code())]
    MalformedCertificate {
        /// Position in `x5c`.
        index: usize,
        /// Why the certificate cannot be read.
        source: X509Error,
    },
    /// `x5t#S256` is missing or is not the SHA-256 of `x5c[0]`.
    #[error("`x5t#S256` does not match the certificate in `x5c[0]`")]
    ThumbprintMismatch,
    /// `kid` is not the IssuerSerial of `x5c[0]`.
    #[error("`kid` does not match the certificate in `x5c[0]`")]
    KidMismatch,
    /// The certificate key cannot check signatures of the header's algorithm.
    #[error("the certificate's {key} key cannot verify `{alg}` signatures")]
    KeyAlgorithmMismatch {
        /// The header algorithm.
        alg: &'static str,
        /// The certificate's key type.
        key: String,
    },
    /// The signature does not verify over the stored bytes: the payload, the protected header or
    /// the signature was changed, or another key signed.
    #[error("the signature does not match the sealed content")]
    SignatureMismatch,
    /// The signing certificate had expired at the signing time.
    #[error("the signing certificate had expired at the signing time")]
    CertificateExpired,
    /// The signing certificate was not yet valid at the signing time.
    #[error("the signing certificate was not yet valid at the signing time")]
    CertificateNotYetValid,
    /// The signing certificate's key usage allows neither digital signature nor non-repudiation.
    #[error("the signing certificate is not for signatures (key usage)")]
    CertificateKeyUsage,
    /// `sigT` is later than the current time: the verification time, or when sealing the time
    /// the caller gave as now.
    #[error("the signing time is later than the current time")]
    SigningTimeInFuture,
    /// A certificate on the path to the trust anchor is unusable: bad signature, not a CA, or
    /// outside its validity at the signing time.
    #[error("the certificate chain is invalid ({code})")]
    InvalidChain {
        /// The X.509 code.
        code: &'static str,
    },
    /// A time-stamp token is not a valid RFC 3161 token.
    #[error("the time-stamp token in `{0}` is malformed")]
    MalformedTimestamp(String),
    /// A time-stamp token's message imprint does not match what it should cover.
    #[error("the time-stamp token in `{0}` does not cover this seal")]
    TimestampMismatch(String),
    /// A time-stamp token's signature does not hold, or its authority's certificate is missing.
    #[error("the time-stamping authority's signature on `{property}` does not hold")]
    TimestampSignature {
        /// The property holding the time-stamp (`sigTst`, ...).
        property: String,
        /// Why the signature does not hold.
        source: TokenSignatureError,
    },
    /// A time-stamp's authority was not fit for time-stamping at the time-stamp's time: its
    /// certificate had expired or was not yet valid, lacks the time-stamping usage, was revoked,
    /// or sits on a broken chain. The code is the time-stamp's (`timestamp.tsa_expired`, ...).
    #[error("the time-stamping authority of `{property}` is not acceptable ({code})")]
    TimestampAuthority {
        /// The property holding the time-stamp (`sigTst`, ...).
        property: String,
        /// The time-stamp's code.
        code: &'static str,
    },
    /// The seal's revocation values show the seal certificate revoked at or before the signing
    /// time.
    #[error("the seal certificate was revoked before the seal was made")]
    CertificateRevoked,
    /// An unsigned property (`etsiU` entry) is not base64url JSON.
    #[error("unsigned property {0} of `etsiU` is malformed")]
    MalformedUnsignedProperty(usize),
    /// The sealed payload is not a readable credential; the reader's error is the source.
    #[error("the sealed payload is not a credential: {}", .0.code())]
    PayloadNotCredential(#[source] ParseError),

    // Sealing.
    /// The key could not be read.
    #[error("cannot read the key: {0}")]
    Key(&'static str),
    /// The certificate chain for sealing is empty or unreadable; the certificate error is the
    /// source (`x509.no_certificate` for an empty chain).
    #[error("cannot read the certificate chain: {}", chain_reason(.0))]
    Chain(#[source] X509Error),
    /// The certificates given for sealing are not in order (seal certificate first, then its
    /// issuers), and which one is the seal certificate cannot be told.
    #[error("the certificate chain is out of order: {0}")]
    ChainOrder(&'static str),
    /// The signing certificate lacks a subject attribute EDC copies into the credential.
    #[error("the seal certificate has no {0} in its subject")]
    CertificateSubject(&'static str),
    /// The key does not belong to the signing certificate.
    #[error("the key does not match the seal certificate")]
    KeyMismatch,
    /// An external signer or the crypto library failed.
    #[error("the signer failed: {0}")]
    Signer(String),
    /// The key or PKCS#12 file is encrypted and no password was given. Nothing ever prompts
    /// for one.
    #[error("{0} is encrypted and no password was given")]
    PasswordMissing(&'static str),
    /// A PKCS#12 file could not be opened (wrong password, unsupported encryption, no key).
    #[error("cannot open the PKCS#12 file: {0}")]
    Pkcs12(String),
    /// The credential could not be serialised.
    #[error("cannot serialise the credential: {0}")]
    Serialise(String),
}

impl JadesError {
    /// The stable machine code, such as `seal.signature_mismatch`.
    pub fn code(&self) -> &'static str {
        use JadesError::*;
        match self {
            MalformedEnvelope(_) => "seal.malformed_envelope",
            SignatureCount(_) => "seal.signature_count",
            MalformedHeader(_) => "seal.malformed_header",
            DuplicateKey(_) => "seal.duplicate_key",
            DuplicateHeader(_) => "seal.duplicate_header",
            AlgNone => "seal.alg_none",
            AlgHmac(_) => "seal.alg_hmac",
            UnsupportedAlgorithm(_) => "seal.unsupported_algorithm",
            UnknownCrit(_) => "seal.unknown_crit",
            B64Mismatch(_) => "seal.b64_mismatch",
            MissingSigningTime => "seal.missing_sig_time",
            MissingCertificate => "seal.missing_certificate",
            MalformedCertificate { .. } => "seal.malformed_certificate",
            ThumbprintMismatch => "seal.thumbprint_mismatch",
            KidMismatch => "seal.kid_mismatch",
            KeyAlgorithmMismatch { .. } => "seal.key_algorithm_mismatch",
            SignatureMismatch => "seal.signature_mismatch",
            CertificateExpired => "seal.certificate_expired",
            CertificateNotYetValid => "seal.certificate_not_yet_valid",
            CertificateKeyUsage => "seal.certificate_key_usage",
            SigningTimeInFuture => "seal.signing_time_in_future",
            InvalidChain { .. } => "seal.invalid_chain",
            MalformedTimestamp(_) => "seal.malformed_timestamp",
            TimestampMismatch(_) => "seal.timestamp_mismatch",
            TimestampSignature { .. } => "seal.timestamp_signature",
            TimestampAuthority { .. } => "seal.timestamp_authority",
            CertificateRevoked => "seal.certificate_revoked",
            MalformedUnsignedProperty(_) => "seal.malformed_unsigned_property",
            PayloadNotCredential(_) => "seal.payload_not_credential",
            Key(_) => "seal.key",
            Chain(_) => "seal.chain",
            ChainOrder(_) => "seal.chain_order",
            CertificateSubject(_) => "seal.certificate_subject",
            KeyMismatch => "seal.key_mismatch",
            Signer(_) => "seal.signer",
            PasswordMissing(_) => "seal.password_missing",
            Pkcs12(_) => "seal.pkcs12",
            Serialise(_) => "seal.serialise",
        }
    }
}
