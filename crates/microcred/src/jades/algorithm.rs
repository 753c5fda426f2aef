//! The JWS signature algorithms a seal may use.

use crate::x509::{Hash, SignatureScheme};

use super::JadesError;

/// A JWS `alg` this library seals and verifies with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Algorithm {
    /// RSASSA-PKCS1-v1_5 with SHA-256: what EDC and qualified eSeal certificates use in practice.
    RS256,
    /// RSASSA-PSS with SHA-256.
    PS256,
    /// ECDSA on P-256 with SHA-256 (signature as `r || s`).
    ES256,
    /// Ed25519.
    EdDSA,
}

impl Algorithm {
    /// Every algorithm, in a stable order.
    pub const ALL: [Algorithm; 4] = [Self::RS256, Self::PS256, Self::ES256, Self::EdDSA];

    /// The JWS name (`RS256`).
    pub fn name(self) -> &'static str {
        match self {
            Self::RS256 => "RS256",
            Self::PS256 => "PS256",
            Self::ES256 => "ES256",
            Self::EdDSA => "EdDSA",
        }
    }

    /// Reads a JWS `alg`, naming why a value is refused: `none` and HMAC get their own codes
    /// because accepting them is the classic JOSE downgrade.
    pub fn from_name(name: &str) -> Result<Self, JadesError> {
        match name {
            "RS256" => Ok(Self::RS256),
            "PS256" => Ok(Self::PS256),
            "ES256" => Ok(Self::ES256),
            "EdDSA" | "Ed25519" => Ok(Self::EdDSA),
            n if n.eq_ignore_ascii_case("none") => Err(JadesError::AlgNone),
            n if n.starts_with("HS") => Err(JadesError::AlgHmac(n.to_owned())),
            n => Err(JadesError::UnsupportedAlgorithm(
                n.chars().take(32).collect(),
            )),
        }
    }

    /// How a certificate key checks this algorithm's signatures.
    pub(crate) fn scheme(self) -> SignatureScheme {
        match self {
            Self::RS256 => SignatureScheme::RsaPkcs1(Hash::Sha256),
            Self::PS256 => SignatureScheme::RsaPss(Hash::Sha256),
            Self::ES256 => SignatureScheme::Ecdsa {
                hash: Hash::Sha256,
                der: false,
            },
            Self::EdDSA => SignatureScheme::Ed25519,
        }
    }
}

impl std::fmt::Display for Algorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Algorithm {
    type Err = JadesError;
    fn from_str(name: &str) -> Result<Self, JadesError> {
        Self::from_name(name)
    }
}
