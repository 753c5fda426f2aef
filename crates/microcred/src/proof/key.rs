//! Ed25519 keys as Data Integrity names them: Multikey (multibase base58btc over a multicodec
//! header) and `did:key`, resolved offline.

use std::fmt;

use ed25519_dalek::pkcs8::DecodePrivateKey;
use ed25519_dalek::{SigningKey, VerifyingKey};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::ProofError;

/// The multicodec header of an Ed25519 public key (`ed25519-pub`, 0xed as a varint).
const ED25519_PUB: [u8; 2] = [0xed, 0x01];
/// The multicodec header of an Ed25519 private key (`ed25519-priv`, 0x1300 as a varint).
const ED25519_PRIV: [u8; 2] = [0x80, 0x26];
/// The multibase prefix of base58btc.
const BASE58BTC: char = 'z';

/// The `z`-prefixed base58btc multibase encoding of `bytes`.
pub(crate) fn encode_base58btc(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(1 + bytes.len() * 138 / 100 + 1);
    out.push(BASE58BTC);
    out.push_str(&bs58::encode(bytes).into_string());
    out
}

/// The longest multibase string decoded: base58 decoding takes time quadratic in the length, and
/// nothing this module reads (a key of up to 66 bytes, a 64-byte signature) needs more than 92
/// characters.
const MAX_MULTIBASE_LEN: usize = 128;

/// The bytes of a `z`-prefixed base58btc multibase string, or `None` (also for strings longer
/// than any key or signature).
pub(crate) fn decode_base58btc(text: &str) -> Option<Vec<u8>> {
    if text.len() > MAX_MULTIBASE_LEN {
        return None;
    }
    let body = text.strip_prefix(BASE58BTC)?;
    bs58::decode(body).into_vec().ok()
}

/// An Ed25519 key pair for signing Data Integrity proofs.
///
/// The secret key is wiped from memory when the pair is dropped, and `Debug` shows only the
/// public key.
///
/// ```
/// use microcred::proof::Ed25519KeyPair;
///
/// // The key pair of the W3C vc-di-eddsa test vectors.
/// let key = Ed25519KeyPair::from_multikey(
///     "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
///     "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq",
/// )
/// .unwrap();
/// assert_eq!(
///     key.verification_method(),
///     "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2\
///      #z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
/// );
/// assert!(!format!("{key:?}").contains("z3u2"));
/// ```
pub struct Ed25519KeyPair {
    // SigningKey wipes itself on drop (ed25519-dalek's `zeroize` feature, on by default).
    signing: SigningKey,
}

impl ZeroizeOnDrop for Ed25519KeyPair {}

// Each copy wipes its own secret when dropped (`SigningKey` zeroizes on drop).
impl Clone for Ed25519KeyPair {
    fn clone(&self) -> Self {
        Ed25519KeyPair {
            signing: self.signing.clone(),
        }
    }
}

impl fmt::Debug for Ed25519KeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ed25519KeyPair")
            .field("public", &self.public_multibase())
            .field("secret", &"<redacted>")
            .finish()
    }
}

impl Ed25519KeyPair {
    /// The key pair of a 32-byte Ed25519 seed (the RFC 8032 secret key). This copy of the seed
    /// is wiped; the caller's is the caller's to wipe.
    pub fn from_seed(seed: [u8; 32]) -> Self {
        let mut seed = seed;
        let signing = SigningKey::from_bytes(&seed);
        seed.zeroize();
        Ed25519KeyPair { signing }
    }

    /// The key pair of a W3C Multikey pair, as in the vc-di-eddsa test vectors' `keyPair.json`:
    /// `publicKeyMultibase` (`z6Mk...`: base58btc over `0xed01` and 32 bytes) and
    /// `privateKeyMultibase`/`secretKeyMultibase` (`z3u2...`: base58btc over `0x8026` and the
    /// 32-byte seed, or the 64 bytes seed ‖ public key that `@digitalbazaar/ed25519-multikey`
    /// writes).
    ///
    /// Errors with `proof.invalid_key` when either is malformed or the public key is not the
    /// secret key's.
    pub fn from_multikey(
        public_multibase: &str,
        secret_multibase: &str,
    ) -> Result<Self, ProofError> {
        let invalid = |reason| ProofError::InvalidKey { reason };
        let secret = Zeroizing::new(
            decode_base58btc(secret_multibase)
                .ok_or(invalid("the secret key is not multibase base58btc"))?,
        );
        let body = secret.strip_prefix(&ED25519_PRIV).ok_or(invalid(
            "the secret key is not an Ed25519 private key multikey",
        ))?;
        let (seed, public_half) = match body.len() {
            32 => (body, None),
            64 => (&body[..32], Some(&body[32..])),
            _ => return Err(invalid("the secret key is not 32 or 64 bytes long")),
        };
        let mut bytes = Zeroizing::new([0u8; 32]);
        bytes.copy_from_slice(seed);
        let pair = Ed25519KeyPair {
            signing: SigningKey::from_bytes(&bytes),
        };
        let derived = pair.signing.verifying_key().to_bytes();
        if public_half.is_some_and(|half| half != derived) {
            return Err(invalid(
                "the secret key's public half is not its public key",
            ));
        }
        let public = public_key_from_multibase(public_multibase).map_err(|e| match e {
            ProofError::UnsupportedKey => invalid("the public key is not an Ed25519 multikey"),
            other => other,
        })?;
        if public.to_bytes() != derived {
            return Err(invalid("the public key does not belong to the secret key"));
        }
        Ok(pair)
    }

    /// The key pair of a PKCS#8 Ed25519 private key in PEM (`-----BEGIN PRIVATE KEY-----`, as
    /// `openssl genpkey -algorithm ed25519` writes it). Errors with `proof.invalid_key`.
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, ProofError> {
        SigningKey::from_pkcs8_pem(pem)
            .map(|signing| Ed25519KeyPair { signing })
            .map_err(|_| ProofError::InvalidKey {
                reason: "not a PKCS#8 Ed25519 private key in PEM",
            })
    }

    /// The 32-byte public key.
    pub fn public_key(&self) -> [u8; 32] {
        self.signing.verifying_key().to_bytes()
    }

    /// The public key as a Multikey: `z6Mk...`.
    pub fn public_multibase(&self) -> String {
        public_multibase(&self.signing.verifying_key())
    }

    /// The `did:key` DID of the public key: `did:key:z6Mk...`.
    pub fn did_key(&self) -> String {
        format!("did:key:{}", self.public_multibase())
    }

    /// The verification method of the key in its `did:key` document:
    /// `did:key:z6Mk...#z6Mk...`.
    pub fn verification_method(&self) -> String {
        let key = self.public_multibase();
        format!("did:key:{key}#{key}")
    }

    /// The Ed25519 signature of `message`.
    pub(crate) fn sign(&self, message: &[u8]) -> [u8; 64] {
        use ed25519_dalek::Signer as _;
        self.signing.sign(message).to_bytes()
    }
}

fn public_multibase(key: &VerifyingKey) -> String {
    let mut bytes = [0u8; 34];
    bytes[..2].copy_from_slice(&ED25519_PUB);
    bytes[2..].copy_from_slice(key.as_bytes());
    encode_base58btc(&bytes)
}

/// The Ed25519 public key of a Multikey (`z6Mk...`).
fn public_key_from_multibase(multibase: &str) -> Result<VerifyingKey, ProofError> {
    let invalid = |reason| ProofError::InvalidKey { reason };
    let bytes =
        decode_base58btc(multibase).ok_or(invalid("the public key is not multibase base58btc"))?;
    let key = bytes
        .strip_prefix(&ED25519_PUB)
        .ok_or(ProofError::UnsupportedKey)?;
    let key: &[u8; 32] = key
        .try_into()
        .map_err(|_| invalid("the public key is not 32 bytes long"))?;
    let key = VerifyingKey::from_bytes(key)
        .map_err(|_| invalid("the public key is not a curve point"))?;
    if key.is_weak() {
        // A small-order point: any signature verifies under it with cofactored equations.
        return Err(invalid("the public key is a small-order point"));
    }
    Ok(key)
}

/// A `did:key` verification method, resolved without any network access.
#[derive(Debug, Clone)]
pub(crate) struct DidKey {
    /// The DID (the controller): `did:key:z6Mk...`.
    pub(crate) did: String,
    /// The public key.
    pub(crate) key: VerifyingKey,
}

/// Resolves a verification method URL of the form `did:key:<mb>#<mb>` to its Ed25519 key.
///
/// `did:key` is the only DID method resolved, and only for Ed25519 keys: anything else is an
/// error, never a fetch.
pub(crate) fn resolve_did_key(verification_method: &str) -> Result<DidKey, ProofError> {
    let rest = verification_method
        .strip_prefix("did:key:")
        .ok_or(ProofError::UnsupportedDid)?;
    let (multibase, fragment) =
        rest.split_once('#')
            .ok_or(ProofError::InvalidVerificationMethod {
                reason: "a did:key verification method ends in #<key>",
            })?;
    if fragment != multibase {
        return Err(ProofError::InvalidVerificationMethod {
            reason: "the fragment does not name the DID's own key",
        });
    }
    if multibase.contains(['/', '?', ':']) {
        return Err(ProofError::InvalidVerificationMethod {
            reason: "a did:key has no path, query or version",
        });
    }
    let key = public_key_from_multibase(multibase)?;
    Ok(DidKey {
        did: format!("did:key:{multibase}"),
        key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUBLIC: &str = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    const SECRET: &str = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";

    #[test]
    fn multikey_round_trip() {
        let key = Ed25519KeyPair::from_multikey(PUBLIC, SECRET).expect("the W3C key pair");
        assert_eq!(key.public_multibase(), PUBLIC);
        assert_eq!(key.did_key(), format!("did:key:{PUBLIC}"));
        let resolved = resolve_did_key(&key.verification_method()).expect("resolves");
        assert_eq!(resolved.did, key.did_key());
        assert_eq!(resolved.key.to_bytes(), key.public_key());
    }

    #[test]
    fn sixty_four_byte_secret_keys_are_read_and_checked() {
        let key = Ed25519KeyPair::from_multikey(PUBLIC, SECRET).expect("the W3C key pair");
        let seed = decode_base58btc(SECRET).expect("base58");
        let mut long = seed.clone();
        long.extend_from_slice(&key.public_key());
        let again =
            Ed25519KeyPair::from_multikey(PUBLIC, &encode_base58btc(&long)).expect("64 bytes");
        assert_eq!(again.public_key(), key.public_key());
        let last = long.len() - 1;
        long[last] ^= 1;
        let err = Ed25519KeyPair::from_multikey(PUBLIC, &encode_base58btc(&long))
            .expect_err("mismatched halves");
        assert_eq!(err.code(), "proof.invalid_key");
    }

    #[test]
    fn bad_multikeys_are_invalid_keys() {
        let other = Ed25519KeyPair::from_seed([7; 32]);
        for (public, secret) in [
            (PUBLIC, "3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"),
            (PUBLIC, "z0OIl"),
            (PUBLIC, "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"),
            (other.public_multibase().as_str(), SECRET),
            ("z6Mk", SECRET),
        ] {
            let err = Ed25519KeyPair::from_multikey(public, secret).expect_err("invalid");
            assert_eq!(err.code(), "proof.invalid_key", "{public} {secret}");
            assert!(
                !err.to_string().contains("3u2en7"),
                "no key material in messages"
            );
        }
    }

    #[test]
    fn long_multibase_strings_are_not_decoded() {
        let long = format!("z{}", "2".repeat(100_000));
        assert_eq!(decode_base58btc(&long), None);
        let err = resolve_did_key(&format!("did:key:{long}#{long}")).expect_err("too long");
        assert_eq!(err.code(), "proof.invalid_key");
        assert!(decode_base58btc(&encode_base58btc(&[0xff; 66])).is_some());
    }

    #[test]
    fn debug_is_redacted() {
        let key = Ed25519KeyPair::from_seed([1; 32]);
        let debug = format!("{key:?}");
        assert!(debug.contains("<redacted>"));
        assert!(debug.contains(&key.public_multibase()));
    }

    #[test]
    fn pkcs8_pem_rfc8410() {
        // RFC 8410 §10.3.
        let pem = "-----BEGIN PRIVATE KEY-----\n\
                   MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n\
                   -----END PRIVATE KEY-----\n";
        let key = Ed25519KeyPair::from_pkcs8_pem(pem).expect("RFC 8410 key");
        assert_eq!(
            key.public_key()[..4],
            [0x19, 0xbf, 0x44, 0x09],
            "RFC 8410 §10.1 public key 19bf44096984cdfe..."
        );
        let err = Ed25519KeyPair::from_pkcs8_pem(
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        )
        .expect_err("garbage");
        assert_eq!(err.code(), "proof.invalid_key");
    }

    #[test]
    fn did_key_resolution_errors() {
        let cases = [
            ("did:web:example.org#key-1", "proof.unsupported_did"),
            ("https://example.org/keys/1", "proof.unsupported_did"),
            // A P-256 did:key (multicodec 0x1200).
            (
                "did:key:zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76#zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76",
                "proof.unsupported_key",
            ),
            (
                &format!("did:key:{PUBLIC}"),
                "proof.invalid_verification_method",
            ),
            (
                &format!("did:key:{PUBLIC}#key-1"),
                "proof.invalid_verification_method",
            ),
            ("did:key:z0#z0", "proof.invalid_key"),
            ("did:key:abc#abc", "proof.invalid_key"),
        ];
        for (vm, code) in cases {
            let err = resolve_did_key(vm).expect_err(vm);
            assert_eq!(err.code(), code, "{vm}");
        }
    }

    #[test]
    fn small_order_keys_are_refused() {
        // The identity point (y = 1) has order 1.
        let mut identity = vec![0xed, 0x01, 1];
        identity.extend_from_slice(&[0; 31]);
        let mb = encode_base58btc(&identity);
        let err = resolve_did_key(&format!("did:key:{mb}#{mb}")).expect_err("weak");
        assert_eq!(err.code(), "proof.invalid_key");
    }
}
