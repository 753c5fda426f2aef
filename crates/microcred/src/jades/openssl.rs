//! RSA and ECDSA signing through OpenSSL, and PKCS#12 key files (native builds with the `openssl`
//! feature).
//!
//! OpenSSL's RSA is constant-time, unlike the pure-Rust `rsa` crate's private-key operations
//! (RUSTSEC-2023-0071, the Marvin attack), so RSA seals are made here. `josekit` does the JWS
//! signature encoding (ECDSA as `r || s`).

use josekit::jws::{ES256, EdDSA, JwsSigner, PS256, RS256};
use openssl::pkey::{PKey, Private};
use zeroize::Zeroizing;

use super::{Algorithm, JadesError, Signer};
use crate::x509::Certificate;

/// A private key held by OpenSSL.
pub struct OpensslSigner {
    alg: Algorithm,
    inner: Box<dyn JwsSigner>,
}

impl OpensslSigner {
    /// From a PKCS#8 (or traditional) PEM private key, for `alg`.
    pub fn from_pkcs8_pem(pem: &[u8], alg: Algorithm) -> Result<Self, JadesError> {
        // OpenSSL reads the PEM (josekit's own PEM reader refuses a PKCS#8 `rsaEncryption` key
        // for PS256) and hands josekit the PKCS#8 DER.
        let key = read_pem_without_prompt(pem)?;
        let der = Zeroizing::new(
            key.private_key_to_pkcs8()
                .map_err(|_| JadesError::Key("OpenSSL cannot export the private key"))?,
        );
        let bad_key = |_| JadesError::Key("the key does not suit the algorithm");
        let inner: Box<dyn JwsSigner> = match alg {
            Algorithm::RS256 => Box::new(RS256.signer_from_der(&*der).map_err(bad_key)?),
            Algorithm::PS256 => Box::new(PS256.signer_from_der(&*der).map_err(bad_key)?),
            Algorithm::ES256 => Box::new(ES256.signer_from_der(&*der).map_err(bad_key)?),
            Algorithm::EdDSA => Box::new(EdDSA.signer_from_der(&*der).map_err(bad_key)?),
        };
        Ok(OpensslSigner { alg, inner })
    }
}

/// Reads a PEM private key, refusing an encrypted one instead of letting OpenSSL ask for its
/// pass phrase on the terminal (its default when no password is given).
fn read_pem_without_prompt(pem: &[u8]) -> Result<PKey<Private>, JadesError> {
    if std::str::from_utf8(pem).is_ok_and(super::signer::is_encrypted_pem) {
        return Err(JadesError::PasswordMissing("the key"));
    }
    // An explicit (empty) pass phrase: OpenSSL then never prompts, whatever the input holds.
    PKey::private_key_from_pem_passphrase(pem, b"")
        .map_err(|_| JadesError::Key("OpenSSL cannot read the private key"))
}

/// A traditional (PKCS#1, SEC1) or encrypted PEM key as plain PKCS#8 PEM. With a password, the
/// key is decrypted with it; without, an encrypted key is `seal.password_missing`.
pub(super) fn to_pkcs8_pem(
    pem: &[u8],
    password: Option<&[u8]>,
) -> Result<Zeroizing<String>, JadesError> {
    let key = match password {
        // OpenSSL takes the pass phrase as a C string.
        Some(password) if password.contains(&0) => {
            return Err(JadesError::Key("the password contains a NUL character"));
        }
        Some(password) => PKey::private_key_from_pem_passphrase(pem, password).map_err(|_| {
            JadesError::Key(
                "cannot decrypt the key: wrong password, or an encryption OpenSSL does not support",
            )
        })?,
        None => read_pem_without_prompt(pem)?,
    };
    let bytes = Zeroizing::new(
        key.private_key_to_pem_pkcs8()
            .map_err(|_| JadesError::Key("OpenSSL cannot export the private key"))?,
    );
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| JadesError::Key("OpenSSL cannot export the private key"))?;
    Ok(Zeroizing::new(text.to_owned()))
}

impl Signer for OpensslSigner {
    fn algorithm(&self) -> Algorithm {
        self.alg
    }

    fn sign(&self, input: &[u8]) -> Result<Vec<u8>, JadesError> {
        self.inner
            .sign(input)
            .map_err(|_| JadesError::Signer("OpenSSL could not sign".into()))
    }
}

impl std::fmt::Debug for OpensslSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OpensslSigner({}, <redacted>)", self.alg)
    }
}

/// The key and certificates of a PKCS#12 file (`.p12`/`.pfx`, how eSeal keys are usually
/// exported).
pub struct Pkcs12Key {
    key_pem: Zeroizing<Vec<u8>>,
    chain: Vec<Certificate>,
}

impl Pkcs12Key {
    /// Opens a PKCS#12 file with its password. The chain is the key's certificate followed by the
    /// other certificates in the file.
    pub fn open(der: &[u8], password: &str) -> Result<Self, JadesError> {
        let file = openssl::pkcs12::Pkcs12::from_der(der)
            .map_err(|_| JadesError::Pkcs12("not a PKCS#12 file".into()))?;
        let parsed = file.parse2(password).map_err(|_| {
            JadesError::Pkcs12(
                "wrong password, or an encryption OpenSSL 3 no longer enables (RC2/3DES)".into(),
            )
        })?;
        let key = parsed
            .pkey
            .ok_or_else(|| JadesError::Pkcs12("the file holds no private key".into()))?;
        let leaf = parsed.cert.ok_or_else(|| {
            JadesError::Pkcs12("the file holds no certificate for the key".into())
        })?;
        let key_pem = Zeroizing::new(
            key.private_key_to_pem_pkcs8()
                .map_err(|_| JadesError::Pkcs12("the key cannot be exported".into()))?,
        );
        let mut chain = vec![to_certificate(&leaf)?];
        for cert in parsed.ca.into_iter().flatten() {
            chain.push(to_certificate(&cert)?);
        }
        Ok(Pkcs12Key { key_pem, chain })
    }

    /// Opens a PKCS#12 file when no password was given: one protected by no (or an empty)
    /// password opens; any other is `seal.password_missing`, not a wrong password.
    pub fn open_without_password(der: &[u8]) -> Result<Self, JadesError> {
        let file = openssl::pkcs12::Pkcs12::from_der(der)
            .map_err(|_| JadesError::Pkcs12("not a PKCS#12 file".into()))?;
        if file.parse2("").is_err() {
            return Err(JadesError::PasswordMissing("the PKCS#12 file"));
        }
        Self::open(der, "")
    }

    /// The certificates, seal certificate first.
    pub fn chain(&self) -> &[Certificate] {
        &self.chain
    }

    /// A signer for the key: `alg`, or the usual algorithm of the key type when `None`.
    pub fn signer(
        &self,
        alg: Option<Algorithm>,
    ) -> Result<Box<dyn Signer + Send + Sync>, JadesError> {
        let pem = std::str::from_utf8(&self.key_pem)
            .map_err(|_| JadesError::Pkcs12("the key cannot be exported".into()))?;
        super::signer_from_pem(pem, alg)
    }
}

impl std::fmt::Debug for Pkcs12Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Pkcs12Key(<redacted key>, {} certificates)",
            self.chain.len()
        )
    }
}

fn to_certificate(cert: &openssl::x509::X509Ref) -> Result<Certificate, JadesError> {
    let der = cert
        .to_der()
        .map_err(|_| JadesError::Pkcs12("a certificate cannot be read".into()))?;
    Certificate::from_der(&der).map_err(|e| JadesError::Pkcs12(e.code().into()))
}
