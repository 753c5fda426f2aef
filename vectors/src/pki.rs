//! The seeded test PKI of `vectors/pki/`: a root, a qualified-eSeal-style intermediate, eSeal
//! certificates for RSA, P-256 and Ed25519 keys, negative fixtures (expired, not yet valid,
//! no signing usage, an untrusted hierarchy, an expired CA, a forged issuer), and time-stamping
//! authority certificates (a good one, and expired, wrong-usage and untrusted ones).
//!
//! Everything comes from [`PKI_SEED`]: each key has its own ChaCha20 stream keyed by
//! SHA-256(seed, file name), so adding a fixture never changes the existing ones. Dates are
//! fixed, never the clock. ECDSA (RFC 6979) and Ed25519 signatures are deterministic, so the
//! certificates are byte-for-byte reproducible.

use const_oid::ObjectIdentifier as Oid;
use der::asn1::{Any, OctetString};
use der::pem::LineEnding;
use der::{Encode, EncodePem, Sequence, Tag};
use rand_chacha_010::ChaCha20Rng;
use rand_chacha_010::rand_core::{Rng, SeedableRng};
use sha2::{Digest, Sha256};
use spki::SubjectPublicKeyInfoOwned;
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::certificate::{Certificate, TbsCertificate};
use x509_cert::ext::Extension;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies, ExtendedKeyUsage, KeyUsage,
    KeyUsages, SubjectKeyIdentifier, certpolicy::PolicyInformation,
};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};

/// The seed of every key in `vectors/pki/`.
pub const PKI_SEED: u64 = 0x00E1_3000_0509;

const QCP_L: Oid = Oid::new_unwrap("0.4.0.194112.1.1");
const QC_STATEMENTS: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.1.3");
const QC_COMPLIANCE: Oid = Oid::new_unwrap("0.4.0.1862.1.1");
const QC_TYPE: Oid = Oid::new_unwrap("0.4.0.1862.1.6");
const QC_TYPE_ESEAL: Oid = Oid::new_unwrap("0.4.0.1862.1.6.2");

const README: &str = "\
# Test PKI (published keys: tests and demos only)

Every private key in this folder is public: it is committed to this repository and anyone can
read it. These certificates and keys exist so that the tests, the examples and the demo verifier
can seal and check credentials without a real certificate. **Never use them to seal a real
credential**, and never configure `root-ca.pem` as a trust anchor outside tests: a seal made with
one of these keys proves nothing about who made it. The certificates say they are qualified
(QcCompliance, QcType eseal, policy QCP-l) only so that the qualification checks have something to
read; no trust service stands behind them.

| file | what it is |
|---|---|
| `root-ca.pem`, `root-ca.key.pem` | Microcred Test Root CA (P-256), 2020-01-01 .. 2050-01-01 |
| `intermediate-ca.pem`, `.key.pem` | Microcred Test Qualified eSeal CA (P-256), under the root, pathLen 0 |
| `eseal-rsa.*`, `eseal-p256.*`, `eseal-ed25519.*` | eSeal certificates (RSA 2048, P-256, Ed25519), 2024-01-01 .. 2040-01-01 |
| `eseal-expired.*` | valid 2020-01-01 .. 2021-01-01 only |
| `eseal-not-yet-valid.*` | valid 2045-01-01 .. 2049-01-01 only |
| `eseal-no-signing-usage.*` | key usage keyEncipherment only |
| `untrusted-root-ca.pem`, `eseal-untrusted.*` | a separate hierarchy that is not under the test root |
| `intermediate-expired-ca.pem`, `eseal-expired-ca.*` | a CA under the test root that expired in 2022, and an eSeal it issued |
| `eseal-forged.*` | names the test intermediate as its issuer but is signed by the untrusted root's key |
| `sub-ca-beyond-path-len.pem`, `eseal-beyond-path-len.*` | a CA under the intermediate (whose pathLen 0 forbids it), and an eSeal it issued |
| `ca-without-cert-sign.pem`, `eseal-no-cert-sign-ca.*` | a CA under the root whose key usage lacks keyCertSign, and an eSeal it issued |
| `eseal-issued-by-eseal.*` | issued by the P-256 eSeal (an end-entity certificate, not a CA) |
| `tsa.*` | Microcred Test TSA (P-256), under the root, 2024-01-01 .. 2040-01-01, key usage digitalSignature, extended key usage id-kp-timeStamping only and critical (RFC 3161) |
| `tsa-expired.*` | the same, valid 2020-01-01 .. 2021-01-01 only |
| `tsa-no-timestamping.*` | the same without any extended key usage |
| `tsa-loose-usage.*` | the same with a non-critical extended key usage listing id-kp-timeStamping and id-kp-serverAuth |
| `tsa-untrusted.*` | a TSA under the untrusted root |
| `tsa-forged.*` | a TSA that names the test root as its issuer but is signed by the untrusted root's key |

For each eSeal and TSA, `NAME.pem` is the certificate, `NAME.key.pem` its PKCS#8 private key and
`NAME.chain.pem` the certificate followed by the CA certificate that issued it. The eSeal subjects
are C=BE, O=Microcred Test University, organizationIdentifier VATBE-0000000097,
CN=Microcred Test eSeal; the TSA subjects C=BE, O=Microcred Test PKI, CN=Microcred Test TSA.
Time-stamp tokens and CRLs are not stored: `microcred::test_pki` makes them with these keys when
a test needs one.

The files are generated, not edited: `cargo run -p microcred-vectors` writes them from a fixed
seed (`PKI_SEED` in `vectors/src/pki.rs`) and fixed dates, and
`cargo run -p microcred-vectors -- --check` regenerates them in memory and fails if anything
here differs. In Rust tests, the `test-pki` feature of `microcred` exposes them
(`microcred::test_pki`).
";

/// The kinds of end-entity key.
#[derive(Clone, Copy)]
enum LeafKey {
    Rsa,
    P256,
    Ed25519,
}

/// A CA: its certificate, signing key and key identifier.
struct Ca {
    cert: Certificate,
    key: p256::ecdsa::SigningKey,
    key_id: Vec<u8>,
}

/// The PKI files: (file name, bytes), README included.
pub fn generate() -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Files::default();
    files.add("README.md", README.as_bytes().to_vec());

    let root = files.root_ca("root-ca", "Microcred Test Root CA")?;
    let intermediate = files.intermediate_ca(
        "intermediate-ca",
        "Microcred Test Qualified eSeal CA",
        &root,
        (2020, 2050),
    )?;
    let signing = KeyUsages::DigitalSignature | KeyUsages::NonRepudiation;
    let current = (2024, 2040);
    files.eseal("eseal-rsa", LeafKey::Rsa, &intermediate, current, signing)?;
    let p256_eseal = files.eseal("eseal-p256", LeafKey::P256, &intermediate, current, signing)?;
    files.eseal(
        "eseal-ed25519",
        LeafKey::Ed25519,
        &intermediate,
        current,
        signing,
    )?;
    files.eseal(
        "eseal-expired",
        LeafKey::P256,
        &intermediate,
        (2020, 2021),
        signing,
    )?;
    files.eseal(
        "eseal-not-yet-valid",
        LeafKey::P256,
        &intermediate,
        (2045, 2049),
        signing,
    )?;
    let encipher_only = KeyUsages::KeyEncipherment.into();
    files.eseal(
        "eseal-no-signing-usage",
        LeafKey::P256,
        &intermediate,
        current,
        encipher_only,
    )?;

    let untrusted = files.root_ca("untrusted-root-ca", "Microcred Untrusted Test Root CA")?;
    files.eseal(
        "eseal-untrusted",
        LeafKey::P256,
        &untrusted,
        current,
        signing,
    )?;

    let expired_ca = files.intermediate_ca(
        "intermediate-expired-ca",
        "Microcred Test Expired eSeal CA",
        &root,
        (2020, 2022),
    )?;
    files.eseal(
        "eseal-expired-ca",
        LeafKey::P256,
        &expired_ca,
        current,
        signing,
    )?;

    // Claims the intermediate (its name and key identifier) but the untrusted root's key signs.
    let forger = Ca {
        cert: intermediate.cert.clone(),
        key: untrusted.key.clone(),
        key_id: intermediate.key_id.clone(),
    };
    files.eseal("eseal-forged", LeafKey::P256, &forger, current, signing)?;

    // A CA below the intermediate, whose pathLen 0 forbids one.
    let beyond = files.ca_with(
        "sub-ca-beyond-path-len",
        "Microcred Test Sub-CA Beyond Path Length",
        &intermediate,
        (2020, 2050),
        None,
        KeyUsages::KeyCertSign | KeyUsages::CRLSign,
    )?;
    files.eseal(
        "eseal-beyond-path-len",
        LeafKey::P256,
        &beyond,
        current,
        signing,
    )?;
    // A CA (cA true) whose key usage lacks keyCertSign.
    let no_cert_sign = files.ca_with(
        "ca-without-cert-sign",
        "Microcred Test CA Without keyCertSign",
        &root,
        (2020, 2050),
        Some(0),
        KeyUsages::CRLSign.into(),
    )?;
    files.eseal(
        "eseal-no-cert-sign-ca",
        LeafKey::P256,
        &no_cert_sign,
        current,
        signing,
    )?;
    // An end-entity certificate (the P-256 eSeal) used as if it were a CA.
    let eseal_as_ca = Ca {
        key_id: key_identifier(p256_eseal.tbs_certificate().subject_public_key_info()),
        cert: p256_eseal,
        key: p256_key("eseal-p256"),
    };
    files.eseal(
        "eseal-issued-by-eseal",
        LeafKey::P256,
        &eseal_as_ca,
        current,
        signing,
    )?;

    // Time-stamping authorities (RFC 3161 2.3: id-kp-timeStamping, the only purpose, critical).
    let strict = Some((true, vec![KP_TIME_STAMPING]));
    files.tsa("tsa", &root, current, strict.clone())?;
    files.tsa("tsa-expired", &root, (2020, 2021), strict.clone())?;
    files.tsa("tsa-no-timestamping", &root, current, None)?;
    files.tsa(
        "tsa-loose-usage",
        &root,
        current,
        Some((false, vec![KP_TIME_STAMPING, KP_SERVER_AUTH])),
    )?;
    files.tsa("tsa-untrusted", &untrusted, current, strict.clone())?;
    // Claims the test root as its issuer (name and key identifier), signed by the untrusted
    // root's key: a broken chain.
    let root_forger = Ca {
        cert: root.cert.clone(),
        key: untrusted.key.clone(),
        key_id: root.key_id.clone(),
    };
    files.tsa("tsa-forged", &root_forger, current, strict)?;
    Ok(files.0)
}

#[derive(Default)]
struct Files(Vec<(String, Vec<u8>)>);

impl Files {
    fn add(&mut self, name: &str, bytes: Vec<u8>) {
        self.0.push((name.to_owned(), bytes));
    }

    fn root_ca(&mut self, label: &str, common_name: &str) -> Result<Ca, String> {
        let key = p256_key(label);
        let spki = spki_of(key.verifying_key())?;
        let key_id = key_identifier(&spki);
        let name = name(&[
            (COUNTRY, "BE"),
            (ORGANISATION, "Microcred Test PKI"),
            (COMMON_NAME, common_name),
        ])?;
        let extensions = vec![
            ext(
                BASIC_CONSTRAINTS,
                true,
                &BasicConstraints {
                    ca: true,
                    path_len_constraint: None,
                },
            )?,
            ext(
                KEY_USAGE,
                true,
                &KeyUsage(KeyUsages::KeyCertSign | KeyUsages::CRLSign),
            )?,
            ext(
                SUBJECT_KEY_ID,
                false,
                &SubjectKeyIdentifier(octets(&key_id)?),
            )?,
        ];
        let cert = sign(
            Fixed {
                subject: name.clone(),
                issuer: name,
                extensions,
            },
            serial(label)?,
            validity((2020, 2050))?,
            spki,
            &key,
        )?;
        self.add(&format!("{label}.pem"), pem(&cert)?);
        self.add(&format!("{label}.key.pem"), p256_pkcs8(&key)?);
        Ok(Ca { cert, key, key_id })
    }

    /// A CA certificate under `issuer`: pathLen 0 and keyCertSign + cRLSign unless a negative
    /// fixture asks otherwise.
    fn intermediate_ca(
        &mut self,
        label: &str,
        common_name: &str,
        issuer: &Ca,
        years: (i32, i32),
    ) -> Result<Ca, String> {
        let usage = KeyUsages::KeyCertSign | KeyUsages::CRLSign;
        self.ca_with(label, common_name, issuer, years, Some(0), usage)
    }

    fn ca_with(
        &mut self,
        label: &str,
        common_name: &str,
        issuer: &Ca,
        years: (i32, i32),
        path_len: Option<u8>,
        usage: der::flagset::FlagSet<KeyUsages>,
    ) -> Result<Ca, String> {
        let key = p256_key(label);
        let spki = spki_of(key.verifying_key())?;
        let key_id = key_identifier(&spki);
        let subject = name(&[
            (COUNTRY, "BE"),
            (ORGANISATION, "Microcred Test PKI"),
            (COMMON_NAME, common_name),
        ])?;
        let extensions = vec![
            ext(
                BASIC_CONSTRAINTS,
                true,
                &BasicConstraints {
                    ca: true,
                    path_len_constraint: path_len,
                },
            )?,
            ext(KEY_USAGE, true, &KeyUsage(usage))?,
            ext(
                SUBJECT_KEY_ID,
                false,
                &SubjectKeyIdentifier(octets(&key_id)?),
            )?,
            ext(AUTHORITY_KEY_ID, false, &authority_key_id(&issuer.key_id)?)?,
        ];
        let cert = sign(
            Fixed {
                subject,
                issuer: issuer.cert.tbs_certificate().subject().clone(),
                extensions,
            },
            serial(label)?,
            validity(years)?,
            spki,
            &issuer.key,
        )?;
        self.add(&format!("{label}.pem"), pem(&cert)?);
        self.add(&format!("{label}.key.pem"), p256_pkcs8(&key)?);
        Ok(Ca { cert, key, key_id })
    }

    /// A time-stamping authority certificate (P-256), its key and its chain; `usage` is the
    /// extended key usage (critical, purposes), or none.
    fn tsa(
        &mut self,
        label: &str,
        issuer: &Ca,
        years: (i32, i32),
        usage: Option<(bool, Vec<Oid>)>,
    ) -> Result<(), String> {
        let (spki, key_pem) = leaf_key(label, LeafKey::P256)?;
        let subject = name(&[
            (COUNTRY, "BE"),
            (ORGANISATION, "Microcred Test PKI"),
            (COMMON_NAME, "Microcred Test TSA"),
        ])?;
        let mut extensions = vec![
            ext(
                BASIC_CONSTRAINTS,
                true,
                &BasicConstraints {
                    ca: false,
                    path_len_constraint: None,
                },
            )?,
            ext(
                KEY_USAGE,
                true,
                &KeyUsage(KeyUsages::DigitalSignature.into()),
            )?,
        ];
        if let Some((critical, purposes)) = usage {
            extensions.push(ext(
                EXTENDED_KEY_USAGE,
                critical,
                &ExtendedKeyUsage(purposes),
            )?);
        }
        extensions.push(ext(
            SUBJECT_KEY_ID,
            false,
            &SubjectKeyIdentifier(octets(&key_identifier(&spki))?),
        )?);
        extensions.push(ext(
            AUTHORITY_KEY_ID,
            false,
            &authority_key_id(&issuer.key_id)?,
        )?);
        self.leaf(label, issuer, subject, extensions, years, (spki, key_pem))
            .map(drop)
    }

    /// An eSeal certificate, its key and its chain (the certificate, then its issuer's).
    fn eseal(
        &mut self,
        label: &str,
        kind: LeafKey,
        issuer: &Ca,
        years: (i32, i32),
        usage: der::flagset::FlagSet<KeyUsages>,
    ) -> Result<Certificate, String> {
        let (spki, key_pem) = leaf_key(label, kind)?;
        let subject = name(&[
            (COUNTRY, "BE"),
            (ORGANISATION, "Microcred Test University"),
            (ORGANISATION_IDENTIFIER, "VATBE-0000000097"),
            (COMMON_NAME, "Microcred Test eSeal"),
        ])?;
        let policies = CertificatePolicies(vec![PolicyInformation {
            policy_identifier: QCP_L,
            policy_qualifiers: None,
        }]);
        let extensions = vec![
            ext(
                BASIC_CONSTRAINTS,
                true,
                &BasicConstraints {
                    ca: false,
                    path_len_constraint: None,
                },
            )?,
            ext(KEY_USAGE, true, &KeyUsage(usage))?,
            ext(CERTIFICATE_POLICIES, false, &policies)?,
            Extension {
                extn_id: QC_STATEMENTS,
                critical: false,
                extn_value: octets(&qc_statements()?)?,
            },
            ext(
                SUBJECT_KEY_ID,
                false,
                &SubjectKeyIdentifier(octets(&key_identifier(&spki))?),
            )?,
            ext(AUTHORITY_KEY_ID, false, &authority_key_id(&issuer.key_id)?)?,
        ];
        self.leaf(label, issuer, subject, extensions, years, (spki, key_pem))
    }

    /// Signs an end-entity certificate under `issuer` and writes it, its key and its chain (the
    /// certificate, then its issuer's).
    fn leaf(
        &mut self,
        label: &str,
        issuer: &Ca,
        subject: Name,
        extensions: Vec<Extension>,
        years: (i32, i32),
        (spki, key_pem): (SubjectPublicKeyInfoOwned, Vec<u8>),
    ) -> Result<Certificate, String> {
        let cert = sign(
            Fixed {
                subject,
                issuer: issuer.cert.tbs_certificate().subject().clone(),
                extensions,
            },
            serial(label)?,
            validity(years)?,
            spki,
            &issuer.key,
        )?;
        let cert_pem = pem(&cert)?;
        let mut chain = cert_pem.clone();
        chain.extend(pem(&issuer.cert)?);
        self.add(&format!("{label}.pem"), cert_pem);
        self.add(&format!("{label}.key.pem"), key_pem);
        self.add(&format!("{label}.chain.pem"), chain);
        Ok(cert)
    }
}

const COUNTRY: Oid = Oid::new_unwrap("2.5.4.6");
const ORGANISATION: Oid = Oid::new_unwrap("2.5.4.10");
const COMMON_NAME: Oid = Oid::new_unwrap("2.5.4.3");
const ORGANISATION_IDENTIFIER: Oid = Oid::new_unwrap("2.5.4.97");
const BASIC_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.19");
const KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.15");
const SUBJECT_KEY_ID: Oid = Oid::new_unwrap("2.5.29.14");
const AUTHORITY_KEY_ID: Oid = Oid::new_unwrap("2.5.29.35");
const CERTIFICATE_POLICIES: Oid = Oid::new_unwrap("2.5.29.32");
const EXTENDED_KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.37");
const KP_SERVER_AUTH: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.1");
const KP_TIME_STAMPING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.8");

/// A profile that states every field itself: the builder's own profiles (CA/B Forum, DevID)
/// add extensions that a qualified eSeal certificate does not carry.
struct Fixed {
    subject: Name,
    issuer: Name,
    extensions: Vec<Extension>,
}

impl BuilderProfile for Fixed {
    fn get_issuer(&self, _subject: &Name) -> Name {
        self.issuer.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        _spk: spki::SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: spki::SubjectPublicKeyInfoRef<'_>,
        _tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        Ok(self.extensions.clone())
    }
}

fn sign(
    profile: Fixed,
    serial: SerialNumber,
    validity: Validity,
    spki: SubjectPublicKeyInfoOwned,
    signer: &p256::ecdsa::SigningKey,
) -> Result<Certificate, String> {
    let builder = CertificateBuilder::new(profile, serial, validity, spki)
        .map_err(|e| format!("certificate builder: {e}"))?;
    builder
        .build::<_, p256::ecdsa::DerSignature>(signer)
        .map_err(|e| format!("signing a certificate: {e}"))
}

/// The generator of one key: ChaCha20 keyed by SHA-256(seed, label).
fn rng(label: &str) -> ChaCha20Rng {
    let mut hasher = Sha256::new();
    hasher.update(PKI_SEED.to_be_bytes());
    hasher.update(label.as_bytes());
    ChaCha20Rng::from_seed(hasher.finalize().into())
}

fn p256_key(label: &str) -> p256::ecdsa::SigningKey {
    let mut rng = rng(label);
    loop {
        // A uniformly drawn scalar is valid except with probability ~2^-32.
        let mut bytes = [0u8; 32];
        rng.fill_bytes(&mut bytes);
        if let Ok(key) = p256::ecdsa::SigningKey::from_slice(&bytes) {
            return key;
        }
    }
}

/// The public key info and the PKCS#8 PEM private key of a leaf.
fn leaf_key(label: &str, kind: LeafKey) -> Result<(SubjectPublicKeyInfoOwned, Vec<u8>), String> {
    match kind {
        LeafKey::P256 => {
            let key = p256_key(label);
            Ok((spki_of(key.verifying_key())?, p256_pkcs8(&key)?))
        }
        LeafKey::Ed25519 => {
            use ed25519_dalek::pkcs8::EncodePrivateKey;
            let mut secret = [0u8; 32];
            rng(label).fill_bytes(&mut secret);
            let key = ed25519_dalek::SigningKey::from_bytes(&secret);
            // PKCS#8 v1 (no embedded public key): OpenSSL 3.0 and Node refuse the v2 form that
            // `SigningKey::to_pkcs8_pem` writes, and the test keys must load everywhere.
            let pem = ed25519_dalek::pkcs8::KeypairBytes {
                secret_key: secret,
                public_key: None,
            }
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(|e| format!("Ed25519 PKCS#8: {e}"))?;
            Ok((spki_of(&key.verifying_key())?, pem.as_bytes().to_vec()))
        }
        LeafKey::Rsa => {
            use rsa::pkcs8::EncodePrivateKey;
            let key = rsa::PrivateKey::new(&mut rng(label), 2048)
                .map_err(|e| format!("RSA key generation: {e}"))?;
            let pem = key
                .to_pkcs8_pem(LineEnding::LF)
                .map_err(|e| format!("RSA PKCS#8: {e}"))?;
            Ok((spki_of(key.as_public_key())?, pem.as_bytes().to_vec()))
        }
    }
}

fn p256_pkcs8(key: &p256::ecdsa::SigningKey) -> Result<Vec<u8>, String> {
    use p256::pkcs8::EncodePrivateKey;
    key.to_pkcs8_pem(LineEnding::LF)
        .map(|pem| pem.as_bytes().to_vec())
        .map_err(|e| format!("P-256 PKCS#8: {e}"))
}

fn spki_of(key: &impl spki::EncodePublicKey) -> Result<SubjectPublicKeyInfoOwned, String> {
    SubjectPublicKeyInfoOwned::from_key(key).map_err(|e| format!("public key info: {e}"))
}

/// RFC 7093 method 1: the leftmost 160 bits of the SHA-256 of the subject public key.
fn key_identifier(spki: &SubjectPublicKeyInfoOwned) -> Vec<u8> {
    Sha256::digest(spki.subject_public_key.raw_bytes())[..20].to_vec()
}

fn authority_key_id(key_id: &[u8]) -> Result<AuthorityKeyIdentifier, String> {
    Ok(AuthorityKeyIdentifier {
        key_identifier: Some(octets(key_id)?),
        ..AuthorityKeyIdentifier::default()
    })
}

/// A positive 16-byte serial derived from the label.
fn serial(label: &str) -> Result<SerialNumber, String> {
    let mut bytes = [0u8; 16];
    rng(&format!("{label}/serial")).fill_bytes(&mut bytes);
    bytes[0] = 0x10 | (bytes[0] & 0x3f);
    SerialNumber::new(&bytes).map_err(|e| format!("serial number: {e}"))
}

fn validity((from, to): (i32, i32)) -> Result<Validity, String> {
    let start = |year: i32| -> Result<Time, String> {
        let year = u16::try_from(year).map_err(|e| e.to_string())?;
        let date = der::DateTime::new(year, 1, 1, 0, 0, 0).map_err(|e| e.to_string())?;
        Ok(Time::from(date))
    };
    Ok(Validity::new(start(from)?, start(to)?))
}

/// A name from (attribute, value) pairs, one attribute per RDN, in order. The country is a
/// PrintableString (RFC 5280 requires it), everything else UTF8String.
fn name(attributes: &[(Oid, &str)]) -> Result<Name, String> {
    let mut rdns = Vec::new();
    for (oid, value) in attributes {
        let tag = if *oid == COUNTRY {
            Tag::PrintableString
        } else {
            Tag::Utf8String
        };
        let value = Any::new(tag, value.as_bytes()).map_err(|e| e.to_string())?;
        let atv = x509_cert::attr::AttributeTypeAndValue { oid: *oid, value };
        rdns.push(
            x509_cert::name::RelativeDistinguishedName::try_from(vec![atv])
                .map_err(|e| e.to_string())?,
        );
    }
    let sequence = x509_cert::name::RdnSequence::from(rdns);
    let der = sequence.to_der().map_err(|e| e.to_string())?;
    <Name as der::Decode>::from_der(&der).map_err(|e| e.to_string())
}

/// `QCStatements` with QcCompliance and QcType eseal (ETSI EN 319 412-5), hand-encoded:
/// x509-cert has no type for them.
fn qc_statements() -> Result<Vec<u8>, String> {
    #[derive(Sequence)]
    struct QcStatement {
        statement_id: Oid,
        #[asn1(optional = "true")]
        statement_info: Option<Any>,
    }
    let types = Any::encode_from(&vec![QC_TYPE_ESEAL]).map_err(|e| e.to_string())?;
    let statements = vec![
        QcStatement {
            statement_id: QC_COMPLIANCE,
            statement_info: None,
        },
        QcStatement {
            statement_id: QC_TYPE,
            statement_info: Some(types),
        },
    ];
    statements.to_der().map_err(|e| e.to_string())
}

fn ext(oid: Oid, critical: bool, value: &impl Encode) -> Result<Extension, String> {
    let der = value.to_der().map_err(|e| e.to_string())?;
    Ok(Extension {
        extn_id: oid,
        critical,
        extn_value: octets(&der)?,
    })
}

fn octets(bytes: &[u8]) -> Result<OctetString, String> {
    OctetString::new(bytes).map_err(|e| e.to_string())
}

fn pem(cert: &Certificate) -> Result<Vec<u8>, String> {
    cert.to_pem(LineEnding::LF)
        .map(String::into_bytes)
        .map_err(|e| format!("PEM: {e}"))
}
