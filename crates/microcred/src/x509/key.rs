//! Public keys and signature verification (pure Rust: RSA, P-256, P-384, Ed25519).

use const_oid::ObjectIdentifier;
use der::Decode;
use der::asn1::AnyRef;
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::traits::PublicKeyParts;
use sha2::Digest;
use signature::hazmat::PrehashVerifier;
use spki::SubjectPublicKeyInfoRef;

use super::X509Error;
use super::oids;

/// A public key that signatures can be verified with: RSA, ECDSA on P-256 or P-384, or Ed25519.
///
/// The key's algorithm is [`kind`](Self::kind); its bytes are the certificate's
/// [`spki_der`](super::Certificate::spki_der). The RustCrypto key inside is not part of the API, so
/// upgrading those crates changes nothing for callers.
#[derive(Debug, Clone)]
pub struct PublicKey(pub(crate) Key);

/// The algorithm of a [`PublicKey`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyKind {
    /// RSA (`rsaEncryption`, or an RSASSA-PSS key).
    Rsa,
    /// ECDSA on NIST P-256.
    P256,
    /// ECDSA on NIST P-384.
    P384,
    /// Ed25519.
    Ed25519,
}

/// The RustCrypto key inside a [`PublicKey`].
#[derive(Debug, Clone)]
pub(crate) enum Key {
    /// An RSA key (`rsaEncryption`, or an RSASSA-PSS key).
    Rsa(rsa::PublicKey),
    /// An ECDSA key on NIST P-256.
    P256(p256::ecdsa::VerifyingKey),
    /// An ECDSA key on NIST P-384.
    P384(p384::ecdsa::VerifyingKey),
    /// An Ed25519 key.
    Ed25519(ed25519_dalek::VerifyingKey),
}

/// A SHA-2 hash function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Hash {
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl Hash {
    /// The digest of `message`.
    pub fn digest(self, message: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha256 => sha2::Sha256::digest(message).to_vec(),
            Hash::Sha384 => sha2::Sha384::digest(message).to_vec(),
            Hash::Sha512 => sha2::Sha512::digest(message).to_vec(),
        }
    }

    /// The digest length in bytes.
    pub fn output_len(self) -> usize {
        match self {
            Hash::Sha256 => 32,
            Hash::Sha384 => 48,
            Hash::Sha512 => 64,
        }
    }

    /// The number in the JOSE algorithm names (`256` for RS256, ES256, PS256).
    fn bits(self) -> u16 {
        match self {
            Hash::Sha256 => 256,
            Hash::Sha384 => 384,
            Hash::Sha512 => 512,
        }
    }

    /// The hash named by a digest algorithm OID.
    pub(crate) fn from_oid(oid: ObjectIdentifier) -> Option<Hash> {
        match oid {
            oids::SHA256 => Some(Hash::Sha256),
            oids::SHA384 => Some(Hash::Sha384),
            oids::SHA512 => Some(Hash::Sha512),
            _ => None,
        }
    }
}

/// How a signature was made: padding or curve encoding plus hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureScheme {
    /// RSASSA-PKCS1-v1_5 (JOSE RS256/384/512; `sha256WithRSAEncryption` ...).
    RsaPkcs1(Hash),
    /// RSASSA-PSS with MGF1 over the same hash and a salt as long as the hash (JOSE PS256/384/512).
    RsaPss(Hash),
    /// ECDSA over the key's curve. `der: true` takes an ASN.1 DER `Ecdsa-Sig-Value` (X.509, CMS);
    /// `der: false` the fixed-size `r || s` of JWS (ES256/ES384).
    Ecdsa {
        /// The hash of the message.
        hash: Hash,
        /// Whether the signature is DER (`true`) or fixed `r || s` (`false`).
        der: bool,
    },
    /// Ed25519 (JOSE EdDSA with an Ed25519 key).
    Ed25519,
}

impl SignatureScheme {
    /// The scheme of a JWS `alg` value (RS*, PS*, ES256/384/512, EdDSA), or `None` for anything
    /// else (`none`, HMAC, unknown). ECDSA signatures are taken in the JWS `r || s` form.
    pub fn from_jws_alg(alg: &str) -> Option<SignatureScheme> {
        let hash = |bits: &str| match bits {
            "256" => Some(Hash::Sha256),
            "384" => Some(Hash::Sha384),
            "512" => Some(Hash::Sha512),
            _ => None,
        };
        match alg.split_at_checked(2)? {
            ("RS", bits) => hash(bits).map(SignatureScheme::RsaPkcs1),
            ("PS", bits) => hash(bits).map(SignatureScheme::RsaPss),
            ("ES", bits) => hash(bits).map(|hash| SignatureScheme::Ecdsa { hash, der: false }),
            _ if alg == "EdDSA" => Some(SignatureScheme::Ed25519),
            _ => None,
        }
    }

    /// A short name for reports: the JOSE name where there is one (`RS256`, `ES384`), with
    /// ` (DER)` for DER-encoded ECDSA.
    pub fn name(self) -> String {
        match self {
            SignatureScheme::RsaPkcs1(h) => format!("RS{}", h.bits()),
            SignatureScheme::RsaPss(h) => format!("PS{}", h.bits()),
            SignatureScheme::Ecdsa { hash, der: false } => format!("ES{}", hash.bits()),
            SignatureScheme::Ecdsa { hash, der: true } => format!("ES{} (DER)", hash.bits()),
            SignatureScheme::Ed25519 => "EdDSA".to_owned(),
        }
    }
}

impl PublicKey {
    /// Reads a DER `SubjectPublicKeyInfo` (the public key of a certificate, or a `PUBLIC KEY` PEM
    /// block decoded).
    pub fn from_spki_der(der: &[u8]) -> Result<PublicKey, X509Error> {
        let spki = SubjectPublicKeyInfoRef::from_der(der)
            .map_err(|e| X509Error::malformed("subjectPublicKeyInfo", e))?;
        let key_bytes = spki.subject_public_key.as_bytes().ok_or_else(|| {
            X509Error::malformed("subjectPublicKeyInfo", "the key bit string has unused bits")
        })?;
        let algorithm = spki.algorithm.oid;
        match algorithm {
            oids::RSA_ENCRYPTION | oids::RSASSA_PSS => rsa::PublicKey::from_pkcs1_der(key_bytes)
                .map(|k| PublicKey(Key::Rsa(k)))
                .map_err(|e| X509Error::malformed("RSA public key", e)),
            oids::EC_PUBLIC_KEY => {
                let curve = spki
                    .algorithm
                    .parameters
                    .as_ref()
                    .and_then(|p: &AnyRef<'_>| p.decode_as::<ObjectIdentifier>().ok());
                match curve {
                    Some(oids::SECP256R1) => p256::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes)
                        .map(|k| PublicKey(Key::P256(k)))
                        .map_err(|_| X509Error::malformed("P-256 public key", "not a curve point")),
                    Some(oids::SECP384R1) => p384::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes)
                        .map(|k| PublicKey(Key::P384(k)))
                        .map_err(|_| X509Error::malformed("P-384 public key", "not a curve point")),
                    Some(other) => Err(X509Error::UnsupportedKey {
                        algorithm: format!("{algorithm} on curve {other}"),
                    }),
                    None => Err(X509Error::UnsupportedKey {
                        algorithm: format!("{algorithm} without a named curve"),
                    }),
                }
            }
            oids::ED25519 => {
                let bytes: &[u8; 32] = key_bytes
                    .try_into()
                    .map_err(|_| X509Error::malformed("Ed25519 public key", "not 32 bytes long"))?;
                ed25519_dalek::VerifyingKey::from_bytes(bytes)
                    .map(|k| PublicKey(Key::Ed25519(k)))
                    .map_err(|_| X509Error::malformed("Ed25519 public key", "not a curve point"))
            }
            other => Err(X509Error::UnsupportedKey {
                algorithm: other.to_string(),
            }),
        }
    }

    /// The key's algorithm.
    pub fn kind(&self) -> KeyKind {
        match &self.0 {
            Key::Rsa(_) => KeyKind::Rsa,
            Key::P256(_) => KeyKind::P256,
            Key::P384(_) => KeyKind::P384,
            Key::Ed25519(_) => KeyKind::Ed25519,
        }
    }

    /// The key size in bits: the RSA modulus length, or the curve's size (256, 384, 255 for
    /// Ed25519's curve).
    pub fn bits(&self) -> u32 {
        match &self.0 {
            Key::Rsa(key) => key.n().bit_width(),
            Key::P256(_) => 256,
            Key::P384(_) => 384,
            Key::Ed25519(_) => 255,
        }
    }

    /// A short description for reports: `RSA 2048`, `P-256`, `P-384`, `Ed25519`.
    pub fn description(&self) -> String {
        match &self.0 {
            Key::Rsa(key) => format!("RSA {}", key.n().bit_width()),
            Key::P256(_) => "P-256".to_owned(),
            Key::P384(_) => "P-384".to_owned(),
            Key::Ed25519(_) => "Ed25519".to_owned(),
        }
    }

    /// Verifies `signature` over `message` (the message itself, not its hash).
    ///
    /// A scheme that does not fit the key gives `x509.wrong_key_type`; a signature that does not
    /// verify (including one of the wrong length or encoding) gives `x509.bad_signature`.
    pub fn verify(
        &self,
        scheme: SignatureScheme,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), X509Error> {
        match (&self.0, scheme) {
            (Key::Rsa(key), SignatureScheme::RsaPkcs1(hash)) => {
                verify_rsa_pkcs1(key, hash, message, signature)
            }
            (Key::Rsa(key), SignatureScheme::RsaPss(hash)) => {
                verify_rsa_pss(key, hash, Some(hash.output_len()), message, signature)
            }
            (Key::P256(key), SignatureScheme::Ecdsa { hash, der }) => {
                let sig = if der {
                    p256::ecdsa::DerSignature::from_bytes(signature)
                        .ok()
                        .and_then(|s| p256::ecdsa::Signature::try_from(s).ok())
                } else {
                    p256::ecdsa::Signature::from_slice(signature).ok()
                };
                let sig = sig.ok_or(X509Error::BadSignature)?;
                key.verify_prehash(&hash.digest(message), &sig)
                    .map_err(|_| X509Error::BadSignature)
            }
            (Key::P384(key), SignatureScheme::Ecdsa { hash, der }) => {
                let sig = if der {
                    p384::ecdsa::DerSignature::from_bytes(signature)
                        .ok()
                        .and_then(|s| p384::ecdsa::Signature::try_from(s).ok())
                } else {
                    p384::ecdsa::Signature::from_slice(signature).ok()
                };
                let sig = sig.ok_or(X509Error::BadSignature)?;
                key.verify_prehash(&hash.digest(message), &sig)
                    .map_err(|_| X509Error::BadSignature)
            }
            (Key::Ed25519(key), SignatureScheme::Ed25519) => {
                let sig = ed25519_dalek::Signature::from_slice(signature)
                    .map_err(|_| X509Error::BadSignature)?;
                // Strict verification: rejects small-order keys and non-canonical encodings, which
                // an honest signer never produces.
                key.verify_strict(message, &sig)
                    .map_err(|_| X509Error::BadSignature)
            }
            (_, scheme) => Err(X509Error::WrongKeyType {
                scheme: scheme.name(),
                key: self.description(),
            }),
        }
    }
}

fn verify_rsa_pkcs1(
    key: &rsa::PublicKey,
    hash: Hash,
    message: &[u8],
    signature: &[u8],
) -> Result<(), X509Error> {
    let padding = match hash {
        Hash::Sha256 => rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
        Hash::Sha384 => rsa::Pkcs1v15Sign::new::<sha2::Sha384>(),
        Hash::Sha512 => rsa::Pkcs1v15Sign::new::<sha2::Sha512>(),
    };
    key.verify(padding, &hash.digest(message), signature)
        .map_err(|_| X509Error::BadSignature)
}

/// RSASSA-PSS with MGF1 over `hash`. `salt_len` `None` accepts any salt length.
pub(crate) fn verify_rsa_pss(
    key: &rsa::PublicKey,
    hash: Hash,
    salt_len: Option<usize>,
    message: &[u8],
    signature: &[u8],
) -> Result<(), X509Error> {
    fn pss<D: Digest>(salt_len: Option<usize>) -> rsa::Pss<D> {
        rsa::Pss {
            blinded: false,
            digest: D::new(),
            salt_len,
        }
    }
    let hashed = hash.digest(message);
    let result = match hash {
        Hash::Sha256 => key.verify(pss::<sha2::Sha256>(salt_len), &hashed, signature),
        Hash::Sha384 => key.verify(pss::<sha2::Sha384>(salt_len), &hashed, signature),
        Hash::Sha512 => key.verify(pss::<sha2::Sha512>(salt_len), &hashed, signature),
    };
    result.map_err(|_| X509Error::BadSignature)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jws_algorithms() {
        assert_eq!(
            SignatureScheme::from_jws_alg("RS256"),
            Some(SignatureScheme::RsaPkcs1(Hash::Sha256))
        );
        assert_eq!(
            SignatureScheme::from_jws_alg("ES384"),
            Some(SignatureScheme::Ecdsa {
                hash: Hash::Sha384,
                der: false
            })
        );
        assert_eq!(
            SignatureScheme::from_jws_alg("EdDSA"),
            Some(SignatureScheme::Ed25519)
        );
        for refused in ["none", "HS256", "RS1", "ES", "", "é", "PS2566"] {
            assert_eq!(SignatureScheme::from_jws_alg(refused), None, "{refused}");
        }
        assert_eq!(SignatureScheme::RsaPss(Hash::Sha512).name(), "PS512");
    }

    #[test]
    fn garbage_keys_give_codes() {
        for bytes in [&b""[..], b"\x30\x00", b"\x30\x03\x02\x01\x01", &[0xff; 40]] {
            let e = PublicKey::from_spki_der(bytes).unwrap_err();
            assert_eq!(e.code(), "x509.malformed");
        }
    }
}
