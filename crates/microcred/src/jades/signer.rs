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
/// `alg` picks the algorithm where the key allows several; `None` takes the usual one. An
/// encrypted key is `seal.password_missing` (see [`signer_from_key`], which takes a password):
/// it is never handed to OpenSSL, whose default is to ask for a pass phrase on the terminal.
pub fn signer_from_pem(
    pem: &str,
    alg: Option<Algorithm>,
) -> Result<Box<dyn Signer + Send + Sync>, JadesError> {
    if is_encrypted_pem(pem) {
        return Err(JadesError::PasswordMissing("the key"));
    }
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

/// A signer for a private key file as it is stored: PEM or DER; PKCS#8, plain or encrypted
/// (`ENCRYPTED PRIVATE KEY`); with the `openssl` feature also the traditional RSA (PKCS#1) and EC
/// (SEC1) forms, plain or encrypted.
///
/// An encrypted key is decrypted with `password` (which needs the `openssl` feature); without one
/// it is `seal.password_missing`, and with a wrong one `seal.key`. Nothing ever prompts for a
/// password, so reading a key never waits on a terminal. `alg` is as in [`signer_from_pem`].
pub fn signer_from_key(
    key: &[u8],
    password: Option<&str>,
    alg: Option<Algorithm>,
) -> Result<Box<dyn Signer + Send + Sync>, JadesError> {
    let pem = KeyPem::read(key)?;
    if pem.encrypted {
        let password = password.ok_or(JadesError::PasswordMissing("the key"))?;
        let plain = to_pkcs8_pem(&pem.text, Some(password))?;
        signer_from_pem(&plain, alg)
    } else if pem.label == "PRIVATE KEY" {
        signer_from_pem(&pem.text, alg)
    } else {
        signer_from_pem(&to_pkcs8_pem(&pem.text, None)?, alg)
    }
}

/// Whether a PEM text holds an encrypted private key (PKCS#8 `ENCRYPTED PRIVATE KEY`, or the
/// traditional form with a `Proc-Type: 4,ENCRYPTED` header).
pub(super) fn is_encrypted_pem(pem: &str) -> bool {
    pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || pem.contains("Proc-Type: 4,ENCRYPTED")
}

/// One private key as PEM text, whatever form the file had.
struct KeyPem {
    /// The PEM label (`PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, `RSA PRIVATE KEY`, `EC PRIVATE KEY`).
    label: &'static str,
    /// The PEM block (wiped on drop).
    text: zeroize::Zeroizing<String>,
    encrypted: bool,
}

/// The PEM labels of private keys this reader knows.
const KEY_LABELS: [&str; 4] = [
    "ENCRYPTED PRIVATE KEY",
    "RSA PRIVATE KEY",
    "EC PRIVATE KEY",
    "PRIVATE KEY",
];

impl KeyPem {
    fn read(bytes: &[u8]) -> Result<KeyPem, JadesError> {
        let start = bytes
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(bytes.len());
        let bytes = &bytes[start..];
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if bytes.starts_with(b"-----BEGIN ") {
            let text = std::str::from_utf8(bytes)
                .map_err(|_| JadesError::Key("the PEM key file is not text"))?;
            Self::from_pem(text)
        } else if bytes.first() == Some(&0x30) {
            Self::from_der(bytes)
        } else {
            Err(JadesError::Key(
                "not a private key file: expected PEM (`-----BEGIN PRIVATE KEY-----`) or DER",
            ))
        }
    }

    /// The first private-key block of a PEM file (a file may also hold certificates).
    fn from_pem(text: &str) -> Result<KeyPem, JadesError> {
        for (at, _) in text.match_indices("-----BEGIN ") {
            let rest = &text[at + "-----BEGIN ".len()..];
            let Some(label) = KEY_LABELS
                .into_iter()
                .find(|label| rest.starts_with(label) && rest[label.len()..].starts_with("-----"))
            else {
                continue;
            };
            let end_marker = format!("-----END {label}-----");
            let end = rest
                .find(&end_marker)
                .ok_or(JadesError::Key("the PEM key block has no END line"))?;
            let block = &text[at..at + "-----BEGIN ".len() + end + end_marker.len()];
            let mut pem = zeroize::Zeroizing::new(String::with_capacity(block.len() + 1));
            pem.push_str(block);
            pem.push('\n');
            return Ok(KeyPem {
                label,
                encrypted: is_encrypted_pem(block),
                text: pem,
            });
        }
        Err(JadesError::Key("the PEM file holds no private key"))
    }

    /// A DER key, told apart by the shape of its first two fields: PKCS#8 `PrivateKeyInfo`
    /// (version, algorithm) or `EncryptedPrivateKeyInfo` (algorithm, data), PKCS#1
    /// `RSAPrivateKey` (version, modulus) or SEC1 `ECPrivateKey` (version, key).
    fn from_der(der: &[u8]) -> Result<KeyPem, JadesError> {
        use base64::Engine as _;
        use der::{Decode as _, Tag, Tagged as _, asn1::AnyRef};

        let unknown = JadesError::Key(
            "the DER file is not a private key (PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1)",
        );
        let outer = AnyRef::from_der(der).map_err(|_| unknown.clone())?;
        if outer.tag() != Tag::Sequence {
            return Err(unknown);
        }
        let mut reader = der::SliceReader::new(outer.value()).map_err(|_| unknown.clone())?;
        let first = AnyRef::decode(&mut reader).map_err(|_| unknown.clone())?;
        let second = AnyRef::decode(&mut reader).map_err(|_| unknown.clone())?;
        let label = match (first.tag(), second.tag()) {
            (Tag::Sequence, Tag::OctetString) => "ENCRYPTED PRIVATE KEY",
            (Tag::Integer, Tag::Sequence) => "PRIVATE KEY",
            (Tag::Integer, Tag::Integer) => "RSA PRIVATE KEY",
            (Tag::Integer, Tag::OctetString) => "EC PRIVATE KEY",
            _ => return Err(unknown),
        };
        let encoded = zeroize::Zeroizing::new(super::B64.encode(der));
        let mut pem = zeroize::Zeroizing::new(String::with_capacity(encoded.len() + 100));
        pem.push_str(&format!("-----BEGIN {label}-----\n"));
        for line in encoded.as_bytes().chunks(64) {
            // Base64 is ASCII, so every chunk is text.
            pem.push_str(std::str::from_utf8(line).unwrap_or_default());
            pem.push('\n');
        }
        pem.push_str(&format!("-----END {label}-----\n"));
        Ok(KeyPem {
            label,
            encrypted: label == "ENCRYPTED PRIVATE KEY",
            text: pem,
        })
    }
}

/// A traditional or encrypted PEM key as plain PKCS#8 PEM, through OpenSSL.
#[cfg(feature = "openssl")]
fn to_pkcs8_pem(
    pem: &str,
    password: Option<&str>,
) -> Result<zeroize::Zeroizing<String>, JadesError> {
    super::openssl::to_pkcs8_pem(pem.as_bytes(), password.map(str::as_bytes))
}

#[cfg(not(feature = "openssl"))]
fn to_pkcs8_pem(
    _pem: &str,
    _password: Option<&str>,
) -> Result<zeroize::Zeroizing<String>, JadesError> {
    Err(JadesError::Key(
        "encrypted and traditional (PKCS#1, SEC1) keys need the `openssl` feature; convert the key to plain PKCS#8",
    ))
}
