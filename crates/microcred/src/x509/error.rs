//! Errors of the certificate layer: parsing, keys, signatures and trust anchors.

/// Why a certificate, key, signature or trust-anchor source could not be used. Each variant has a
/// stable [`code`](Self::code); messages name the structure concerned (a certificate field, an
/// algorithm OID, a PEM block number), never values taken from a credential.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum X509Error {
    /// The bytes are not a well-formed DER certificate or key, or a known extension in it cannot
    /// be decoded.
    #[error("malformed {what}: {reason}")]
    Malformed {
        /// The structure that failed (`certificate`, `keyUsage extension`, `PEM block 2`, ...).
        what: String,
        /// What the decoder reported.
        reason: String,
    },
    /// A PEM text (or trusted list) holds no certificate at all.
    #[error("no certificate found in {source_kind}")]
    NoCertificate {
        /// What was searched (`PEM text`, `trusted list`).
        source_kind: String,
    },
    /// A public key of an algorithm or curve this crate does not verify with.
    #[error("unsupported public key: {algorithm}")]
    UnsupportedKey {
        /// The key algorithm OID (and curve OID), dotted.
        algorithm: String,
    },
    /// A signature algorithm this crate does not verify (e.g. SHA-1, or PSS with a different
    /// mask hash).
    #[error("unsupported signature algorithm: {algorithm}")]
    UnsupportedAlgorithm {
        /// The signature algorithm OID or name.
        algorithm: String,
    },
    /// The signature does not verify with the key.
    #[error("the signature does not verify")]
    BadSignature,
    /// The signature scheme needs another kind of key (e.g. ES256 with an RSA key).
    #[error("the key ({key}) cannot verify {scheme} signatures")]
    WrongKeyType {
        /// The scheme asked for.
        scheme: String,
        /// The key at hand ([`PublicKey::description`](super::PublicKey::description)).
        key: String,
    },
    /// An EU trusted list that cannot be read (not XML, not a trusted list, or a bad certificate
    /// value in it).
    #[error("trusted list: {reason}")]
    TrustedList {
        /// What is wrong.
        reason: String,
    },
    /// The trusted list declares a DTD. DTDs (and the entities they define) are refused: a trusted
    /// list never needs one, and entity expansion is a classic denial-of-service vector.
    #[error("trusted list: a DTD is not allowed")]
    TrustedListDtd,
}

impl X509Error {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            X509Error::Malformed { .. } => "x509.malformed",
            X509Error::NoCertificate { .. } => "x509.no_certificate",
            X509Error::UnsupportedKey { .. } => "x509.unsupported_key",
            X509Error::UnsupportedAlgorithm { .. } => "x509.unsupported_algorithm",
            X509Error::BadSignature => "x509.bad_signature",
            X509Error::WrongKeyType { .. } => "x509.wrong_key_type",
            X509Error::TrustedList { .. } => "x509.bad_trusted_list",
            X509Error::TrustedListDtd => "x509.trusted_list_dtd",
        }
    }

    /// A [`Malformed`](Self::Malformed) error for `what`.
    pub(crate) fn malformed(what: impl Into<String>, reason: impl std::fmt::Display) -> Self {
        X509Error::Malformed {
            what: what.into(),
            reason: reason.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        assert_eq!(X509Error::BadSignature.code(), "x509.bad_signature");
        let e = X509Error::malformed("certificate", "unexpected end of input");
        assert_eq!(e.code(), "x509.malformed");
        assert_eq!(
            e.to_string(),
            "malformed certificate: unexpected end of input"
        );
        let e = X509Error::WrongKeyType {
            scheme: "ES256".into(),
            key: "RSA 2048".into(),
        };
        assert_eq!(e.code(), "x509.wrong_key_type");
        assert_eq!(
            e.to_string(),
            "the key (RSA 2048) cannot verify ES256 signatures"
        );
    }
}
