//! Sealing a credential as EDC does: the EDC sealing rules, the header, the signature.

use base64::Engine;
use sha2::{Digest, Sha256};
use time::{OffsetDateTime, UtcOffset};

use super::header::HeaderOut;
use super::seal::{check_signature, check_signing_certificate, signing_input};
use super::{Algorithm, B64, B64URL, JadesError, Signer};
use crate::model::{
    Address, EuropeanDigitalCredential, LangMap, LegalIdentifier, Location, Organisation,
};
use crate::vocab::{Country, Vocabulary};
use crate::x509::{Certificate, PublicKey, X509Error};

/// Seals credentials with one certificate chain.
///
/// ```
/// # #[cfg(feature = "test-pki")] {
/// use microcred::jades::{Sealer, signer_from_pem};
/// use microcred::test_pki::{self, TestKey};
///
/// let key = test_pki::eseal(TestKey::Ed25519);
/// let signer = signer_from_pem(key.key_pem, None)?;
/// let now = time::macros::datetime!(2026-01-15 10:00 UTC);
/// let sealed = Sealer::from_pem(key.chain_pem)?
///     .seal(&microcred::issue::demo_credential(), signer.as_ref(), now)?;
/// let verified = microcred::jades::verify(sealed.as_str().as_bytes(), &test_pki::trust_anchors(), now)?;
/// assert!(verified.is_trusted());
/// # }
/// # Ok::<(), microcred::jades::JadesError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Sealer {
    chain: Vec<Certificate>,
    edc_rules: bool,
    /// The caller's current time, when given (see [`Sealer::with_current_time`]).
    now: Option<OffsetDateTime>,
    /// Whether the seal certificate is checked (always, except for test fixtures).
    check_certificate: bool,
}

impl Sealer {
    /// A sealer for `chain`: the seal certificate and its issuers (the root may be left out).
    ///
    /// The seal header lists them in path order (RFC 7515 §4.1.6: each certifies the one
    /// before), so they are sorted when given in another order: the seal certificate is the one
    /// that issued none of the others. When that is not one certificate, the chain is
    /// `seal.chain_order`.
    pub fn new(chain: Vec<Certificate>) -> Result<Self, JadesError> {
        if chain.is_empty() {
            return Err(JadesError::Chain(X509Error::NoCertificate {
                source_kind: "the certificate chain".into(),
            }));
        }
        let chain = path_order(chain)?;
        Ok(Sealer {
            chain,
            edc_rules: true,
            now: None,
            check_certificate: true,
        })
    }

    /// A sealer for the certificates of a PEM bundle, seal certificate first.
    pub fn from_pem(chain_pem: &str) -> Result<Self, JadesError> {
        let chain = Certificate::from_pem(chain_pem).map_err(JadesError::Chain)?;
        Self::new(chain)
    }

    /// Seals the credential exactly as given, without EDC's changes (see [`apply_edc_rules`]).
    pub fn without_edc_rules(mut self) -> Self {
        self.edc_rules = false;
        self
    }

    /// The caller's current time. Sealing then refuses a signing time later than `now`
    /// (`seal.signing_time_in_future`), as verification at `now` would. Without it, the signing
    /// time is taken to be the current time. The core reads no clock: the caller passes it.
    pub fn with_current_time(mut self, now: OffsetDateTime) -> Self {
        self.now = Some(now);
        self
    }

    /// Seals even with a certificate that verification rejects (expired, not yet valid, not for
    /// signatures), to make negative test vectors. Only with the `test-pki` feature.
    #[cfg(feature = "test-pki")]
    pub fn without_certificate_checks_for_tests(mut self) -> Self {
        self.check_certificate = false;
        self
    }

    /// The seal certificate.
    pub fn certificate(&self) -> &Certificate {
        &self.chain[0]
    }

    /// Seals `credential` with `signer` at `signing_time`.
    ///
    /// The seal certificate is checked first, by the rules verification applies
    /// ([`super::Seal::check_certificate`]), with the same codes: it must be valid at the signing
    /// time (`seal.certificate_expired`, `seal.certificate_not_yet_valid`) and allow signatures
    /// (`seal.certificate_key_usage`); the signing time must not be after the current time when
    /// one was given (`seal.signing_time_in_future`, see [`Sealer::with_current_time`]).
    pub fn seal(
        &self,
        credential: &EuropeanDigitalCredential,
        signer: &dyn Signer,
        signing_time: OffsetDateTime,
    ) -> Result<SealedCredential, JadesError> {
        let prepared = self.prepare(credential, signer.algorithm(), signing_time)?;
        let signature = signer.sign(&prepared.signing_input())?;
        prepared.finish(&signature)
    }

    /// The first half of sealing with an external signer: checks the seal certificate (as
    /// [`Sealer::seal`] does), applies the EDC rules, serialises the credential and builds the
    /// header. Send [`PreparedSeal::signing_input`] to the signer, then
    /// call [`PreparedSeal::finish`] with the signature it returns.
    pub fn prepare(
        &self,
        credential: &EuropeanDigitalCredential,
        alg: Algorithm,
        signing_time: OffsetDateTime,
    ) -> Result<PreparedSeal, JadesError> {
        // `sigT` holds whole seconds: check what verification will read.
        let signing_time = whole_seconds_utc(signing_time);
        self.check_certificate(signing_time)?;
        let mut credential = credential.clone();
        if self.edc_rules {
            apply_edc_rules(&mut credential, self.certificate(), signing_time)?;
        }
        let payload = crate::json::to_string(&credential);
        let (protected, key) = self.protected_header(alg, signing_time)?;
        Ok(PreparedSeal {
            protected,
            payload,
            alg,
            key,
            credential,
            signing_time,
        })
    }

    /// Seals any JSON document as it is (a verifiable presentation, say): written compactly as
    /// the payload, with the same header as a credential and none of the EDC rules. Returns the
    /// sealed file. The seal certificate is checked as by [`Sealer::seal`], and the signature
    /// against it (`seal.key_mismatch`).
    pub fn seal_json(
        &self,
        document: &serde_json::Value,
        signer: &dyn Signer,
        signing_time: OffsetDateTime,
    ) -> Result<String, JadesError> {
        let alg = signer.algorithm();
        let signing_time = whole_seconds_utc(signing_time);
        self.check_certificate(signing_time)?;
        let payload =
            serde_json::to_string(document).map_err(|e| JadesError::Serialise(e.to_string()))?;
        let (protected, key) = self.protected_header(alg, signing_time)?;
        let input = signing_input(&protected, &payload);
        let signature = signer.sign(&input)?;
        match check_signature(&key, alg, &input, &signature) {
            Ok(()) => Ok(envelope(&protected, &payload, &signature)),
            Err(JadesError::SignatureMismatch) => Err(JadesError::KeyMismatch),
            Err(other) => Err(other),
        }
    }

    /// The seal certificate by verification's rules, at the signing time and the current time
    /// (before anything reads its subject, so that the code is verification's).
    fn check_certificate(&self, signing_time: OffsetDateTime) -> Result<(), JadesError> {
        if !self.check_certificate {
            return Ok(());
        }
        check_signing_certificate(
            self.certificate(),
            signing_time,
            self.now.unwrap_or(signing_time),
        )
    }

    /// The protected header (base64url) for a seal made at `signing_time`, and the seal
    /// certificate's key.
    fn protected_header(
        &self,
        alg: Algorithm,
        signing_time: OffsetDateTime,
    ) -> Result<(String, PublicKey), JadesError> {
        let leaf = self.certificate();
        let key = leaf.public_key().map_err(JadesError::Chain)?;
        let sig_t = crate::model::DateTime::from(signing_time);
        let header = HeaderOut {
            alg: alg.name(),
            cty: "octet-stream",
            kid: B64.encode(leaf.issuer_serial_der()),
            x5t_s256: B64URL.encode(leaf.sha256()),
            x5c: self.chain.iter().map(|c| B64.encode(c.der())).collect(),
            typ: "jose+json",
            b64: false,
            sig_t: sig_t.as_str().to_owned(),
            crit: ["b64", "sigT"],
        };
        let header_json =
            serde_json::to_vec(&header).map_err(|e| JadesError::Serialise(e.to_string()))?;
        Ok((B64URL.encode(header_json), key))
    }
}

/// The certificates in path order: the seal certificate, its issuer, that one's issuer, ...;
/// certificates on no path from the seal certificate follow in the order given.
fn path_order(mut certs: Vec<Certificate>) -> Result<Vec<Certificate>, JadesError> {
    // `a` issued `b` (by name; the signatures are verification's business).
    let issued =
        |a: &Certificate, b: &Certificate| a.subject_der() == b.issuer_der() && a.der() != b.der();
    let issued_another = |i: usize| {
        certs
            .iter()
            .enumerate()
            .any(|(j, other)| j != i && issued(&certs[i], other))
    };
    // The seal certificate comes first as given, unless the first certificate issued another of
    // them or is a CA given with an end-entity certificate: then the seal certificate is the one
    // that issued none of the others (of several, the one that is no CA).
    let first_is_issuer =
        issued_another(0) || (certs[0].is_ca() && certs[1..].iter().any(|c| !c.is_ca()));
    let leaf = if first_is_issuer {
        let mut leaves: Vec<usize> = (0..certs.len()).filter(|&i| !issued_another(i)).collect();
        if leaves.len() > 1 {
            leaves.retain(|&i| !certs[i].is_ca());
        }
        match leaves.as_slice() {
            [one] => *one,
            [] => {
                return Err(JadesError::ChainOrder(
                    "no certificate is an end-entity certificate that issued none of the others",
                ));
            }
            _ => {
                return Err(JadesError::ChainOrder(
                    "the first certificate is a CA and several others could be the seal certificate: put the seal certificate first",
                ));
            }
        }
    } else {
        0
    };
    let mut ordered = vec![certs.remove(leaf)];
    while let Some(next) = certs.iter().position(|c| {
        ordered
            .last()
            .is_some_and(|last| !last.is_self_issued() && issued(c, last))
    }) {
        ordered.push(certs.remove(next));
    }
    ordered.extend(certs);
    Ok(ordered)
}

/// The sealed file: the JWS JSON general serialization with one signature.
fn envelope(protected: &str, payload: &str, signature: &[u8]) -> String {
    serde_json::json!({
        "payload": payload,
        "signatures": [{
            "protected": protected,
            "signature": B64URL.encode(signature),
        }],
    })
    .to_string()
}

/// A seal waiting for its signature (see [`Sealer::prepare`]).
#[derive(Debug, Clone)]
pub struct PreparedSeal {
    protected: String,
    payload: String,
    alg: Algorithm,
    key: PublicKey,
    credential: EuropeanDigitalCredential,
    signing_time: OffsetDateTime,
}

impl PreparedSeal {
    /// The bytes to sign: `ASCII(protected header) || "." || payload`.
    pub fn signing_input(&self) -> Vec<u8> {
        signing_input(&self.protected, &self.payload)
    }

    /// The algorithm the signature must use.
    pub fn algorithm(&self) -> Algorithm {
        self.alg
    }

    /// Completes the seal with the signer's signature (JWS form: ES256 as `r || s`). The signature
    /// is checked against the seal certificate first, so a key that does not belong to the
    /// certificate is caught here (`seal.key_mismatch`), not by the credential's first verifier.
    pub fn finish(self, signature: &[u8]) -> Result<SealedCredential, JadesError> {
        match check_signature(&self.key, self.alg, &self.signing_input(), signature) {
            Ok(()) => {}
            Err(JadesError::SignatureMismatch) => return Err(JadesError::KeyMismatch),
            Err(other) => return Err(other),
        }
        Ok(SealedCredential {
            json: envelope(&self.protected, &self.payload, signature),
            credential: self.credential,
            signing_time: self.signing_time,
        })
    }
}

/// A sealed credential: the JAdES file and the credential it carries.
#[derive(Debug, Clone)]
pub struct SealedCredential {
    json: String,
    credential: EuropeanDigitalCredential,
    signing_time: OffsetDateTime,
}

impl SealedCredential {
    /// The sealed file (JSON).
    pub fn as_str(&self) -> &str {
        &self.json
    }

    /// The sealed file (JSON).
    pub fn into_string(self) -> String {
        self.json
    }

    /// The credential as sealed (after the EDC rules).
    pub fn credential(&self) -> &EuropeanDigitalCredential {
        &self.credential
    }

    /// The signing time written in `sigT` and `issued`.
    pub fn signing_time(&self) -> OffsetDateTime {
        self.signing_time
    }
}

/// What EDC changes when it seals: `issued` and `issuanceDate` become the signing time, and the
/// issuer is rewritten from the seal certificate's subject so that the credential names exactly the
/// organisation the qualified certificate vouches for: its legal name (O), short name (CN), eIDAS
/// identifier (organizationIdentifier, issued in C) and a location in that country (C).
///
/// As EDC does, the rewritten issuer becomes a node of its own: it gets a fresh id, and so do its
/// new eIDAS identifier, location and address. Everything else the issuer had (logo, homepage,
/// other locations, identifiers) is kept. In an unsigned credential the issuer is often the same
/// node as the awarding body (`urn:epass:org:1` in the EC samples); rewriting that node in place
/// would give one organisation two legal names (which EDC's shapes reject) and silently rename the
/// awarding body. With a fresh id, no other node changes.
pub fn apply_edc_rules(
    credential: &mut EuropeanDigitalCredential,
    certificate: &Certificate,
    signing_time: OffsetDateTime,
) -> Result<(), JadesError> {
    let name = certificate
        .organisation()
        .ok_or(JadesError::CertificateSubject("organisation (O)"))?;
    let identifier = certificate
        .organisation_identifier()
        .ok_or(JadesError::CertificateSubject("organizationIdentifier"))?;
    let country = certificate
        .country()
        .and_then(|code| Country::from_alpha2(&code))
        .ok_or(JadesError::CertificateSubject("known country (C)"))?;

    let at = crate::model::DateTime::from(whole_seconds_utc(signing_time));
    let fresh = fresh_issuer_uuid(credential.id.as_deref(), &at, certificate);
    credential.issued = Some(at.clone());
    credential.issuance_date = Some(at);

    let issuer = credential.issuer.get_or_insert_with(Organisation::default);
    issuer.id = Some(format!("urn:epass:org:{fresh}"));
    issuer.legal_name = LangMap::en(name);
    if let Some(common_name) = certificate.common_name() {
        issuer.alt_label = LangMap::en(common_name);
    }
    issuer.eidas_identifier = Some(LegalIdentifier {
        id: Some(format!("urn:epass:legalIdentifier:{fresh}")),
        notation: Some(identifier),
        spatial: Some(country.concept()),
        ..Default::default()
    });
    issuer.location.push(Location {
        id: Some(format!("urn:epass:location:{fresh}")),
        address: vec![Address {
            id: Some(format!("urn:epass:address:{fresh}")),
            country_code: Some(country.concept()),
            ..Default::default()
        }],
        ..Default::default()
    });
    Ok(())
}

/// The UUID of the nodes [`apply_edc_rules`] creates.
///
/// EDC draws a random UUID. microcred derives it instead, so that sealing stays a function of its
/// inputs: the core reads no clock and draws no random numbers (it builds for WebAssembly, and the
/// seeded test vectors must regenerate byte for byte), and an external signer sees the same
/// payload on every `prepare`. The UUID is name-based, RFC 9562 version 8 with SHA-256 (the
/// construction of its appendix B.2), over the credential id, the signing time and the seal
/// certificate: the three together single out one seal, so two seals of different credentials, or
/// of one credential at different times or by different organisations, never share an issuer id.
fn fresh_issuer_uuid(
    credential_id: Option<&str>,
    signing_time: &crate::model::DateTime,
    certificate: &Certificate,
) -> uuid::Uuid {
    let mut hash = Sha256::new();
    hash.update(b"microcred:sealed-issuer");
    // Each part with its length in front, so no two different inputs hash the same bytes.
    for part in [
        credential_id.unwrap_or_default().as_bytes(),
        signing_time.as_str().as_bytes(),
        &certificate.sha256(),
    ] {
        hash.update((part.len() as u64).to_be_bytes());
        hash.update(part);
    }
    let digest = hash.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

fn whole_seconds_utc(t: OffsetDateTime) -> OffsetDateTime {
    let t = t.to_offset(UtcOffset::UTC);
    t.replace_nanosecond(0).unwrap_or(t)
}
