//! Who produces the signature: a key in memory, OpenSSL, or an external device or service.

use ed25519_dalek::pkcs8::DecodePrivateKey as _;

use super::{Algorithm, JadesError};

/// Produces JWS signatures over the bytes it is given.
///
/// Implement it to keep the key in an HSM, a QSCD or a remote eSeal service; or use
/// [`super::Sealer::prepare`] and [`super::PreparedSeal::finish`] when the signature comes back
/// asynchronously.
pub trait Signer {
    /// The algorithm of the signatures it makes.
    fn algorithm(&self) -> Algorithm;
    /// Signs `input`, returning the JWS signature bytes (for ES256, `r || s`, 64 bytes).
    fn sign(&self, input: &[u8]) -> Result<Vec<u8>, JadesError>;
}

/// An Ed25519 key in memory (`EdDSA`), pure Rust. The key is wiped on drop.
pub struct Ed25519Signer(ed25519_dalek::SigningKey);

impl Ed25519Signer {
    /// From a PKCS#8 PEM `PRIVATE KEY`.
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, JadesError> {
        ed25519_dalek::SigningKey::from_pkcs8_pem(pem)
            .map(Self)
            .map_err(|_| JadesError::Key("not a PKCS#8 Ed25519 key"))
    }

    /// From the 32-byte secret seed.
    pub fn from_seed(seed: &[u8; 32]) -> Self {
        Self(ed25519_dalek::SigningKey::from_bytes(seed))
    }
}

impl Signer for Ed25519Signer {
    fn algorithm(&self) -> Algorithm {
        Algorithm::EdDSA
    }

    fn sign(&self, input: &[u8]) -> Result<Vec<u8>, JadesError> {
        use ed25519_dalek::Signer as _;
        Ok(self.0.sign(input).to_bytes().to_vec())
    }
}

impl std::fmt::Debug for Ed25519Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Ed25519Signer(<redacted>)")
    }
}

/// A P-256 key in memory (`ES256`), pure Rust, with deterministic nonces (RFC 6979), so signing
/// needs no random number generator. The key is wiped on drop.
pub struct P256Signer(p256::ecdsa::SigningKey);

impl P256Signer {
    /// From a PKCS#8 PEM `PRIVATE KEY`.
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, JadesError> {
        use p256::pkcs8::DecodePrivateKey as _;
        p256::ecdsa::SigningKey::from_pkcs8_pem(pem)
            .map(Self)
            .map_err(|_| JadesError::Key("not a PKCS#8 P-256 key"))
    }
}

impl Signer for P256Signer {
    fn algorithm(&self) -> Algorithm {
        Algorithm::ES256
    }

    fn sign(&self, input: &[u8]) -> Result<Vec<u8>, JadesError> {
        use signature::Signer as _;
        let signature: p256::ecdsa::Signature = self
            .0
            .try_sign(input)
            .map_err(|_| JadesError::Signer("ECDSA signing failed".into()))?;
        Ok(signature.to_bytes().to_vec())
    }
}

impl std::fmt::Debug for P256Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("P256Signer(<redacted>)")
    }
}

/// A signer for a PKCS#8 PEM private key of any supported type: Ed25519 and P-256 in pure Rust;
/// RSA (RS256 by default, or PS256) through OpenSSL when the `openssl` feature is on.
///
/// `alg` picks the algorithm where the key allows several; `None` takes the usual one.
pub fn signer_from_pem(
    pem: &str,
    alg: Option<Algorithm>,
) -> Result<Box<dyn Signer + Send + Sync>, JadesError> {
    if let Ok(signer) = Ed25519Signer::from_pkcs8_pem(pem) {
        return match alg {
            None | Some(Algorithm::EdDSA) => Ok(Box::new(signer)),
            Some(other) => Err(wrong_alg(other)),
        };
    }
    if let Ok(signer) = P256Signer::from_pkcs8_pem(pem) {
        return match alg {
            None | Some(Algorithm::ES256) => Ok(Box::new(signer)),
            Some(other) => Err(wrong_alg(other)),
        };
    }
    rsa_signer(pem, alg.unwrap_or(Algorithm::RS256))
}

fn wrong_alg(alg: Algorithm) -> JadesError {
    JadesError::Key(match alg {
        Algorithm::RS256 | Algorithm::PS256 => "RS256 and PS256 need an RSA key",
        Algorithm::ES256 => "ES256 needs a P-256 key",
        Algorithm::EdDSA => "EdDSA needs an Ed25519 key",
    })
}

#[cfg(feature = "openssl")]
fn rsa_signer(pem: &str, alg: Algorithm) -> Result<Box<dyn Signer + Send + Sync>, JadesError> {
    if !matches!(alg, Algorithm::RS256 | Algorithm::PS256) {
        return Err(wrong_alg(alg));
    }
    Ok(Box::new(super::openssl::OpensslSigner::from_pkcs8_pem(
        pem.as_bytes(),
        alg,
    )?))
}

#[cfg(not(feature = "openssl"))]
fn rsa_signer(pem: &str, _alg: Algorithm) -> Result<Box<dyn Signer + Send + Sync>, JadesError> {
    if pem.contains("PRIVATE KEY") {
        // Pure-Rust RSA private-key operations are open to the Marvin timing attack
        // (RUSTSEC-2023-0071), so RSA signing is only offered through OpenSSL.
        Err(JadesError::Key(
            "RSA keys need the `openssl` feature (or an external signer), or the key is not PKCS#8",
        ))
    } else {
        Err(JadesError::Key("no PKCS#8 `PRIVATE KEY` block"))
    }
}
