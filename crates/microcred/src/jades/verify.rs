//! Verifying a seal in one call.

use time::OffsetDateTime;

use super::seal::{BaselineLevel, CheckedTimestamp, Seal};
use super::tsa::{SignerRevoked, TsaCheck, TsaStatus, signer_revoked};
use super::{Algorithm, JadesError};
use crate::model::EuropeanDigitalCredential;
use crate::x509::{Certificate, ChainOutcome, QcInfo, RevocationStatus, TrustAnchors};

/// A seal whose signature, certificate and time-stamps hold, with what it tells about the signer.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct VerifiedSeal {
    /// The sealed credential.
    pub credential: EuropeanDigitalCredential,
    /// The sealed payload, exactly as signed.
    pub payload: String,
    /// The signature algorithm.
    pub algorithm: Algorithm,
    /// The claimed signing time (`sigT`).
    pub signing_time: OffsetDateTime,
    /// The seal certificate.
    pub certificate: Certificate,
    /// The path to a trust anchor, or why there is none.
    pub chain: ChainOutcome,
    /// What the certificate says about qualification.
    pub qualification: QcInfo,
    /// The baseline level the seal's properties reach.
    pub level: BaselineLevel,
    /// The time-stamps found, each checked against what it covers.
    pub timestamps: Vec<CheckedTimestamp>,
    /// The authority behind each time-stamp, judged at the time-stamp's time.
    pub timestamp_authorities: Vec<TsaCheck>,
    /// What the seal's revocation values say about the seal certificate at the signing time.
    pub revocation: RevocationStatus,
    /// The seal certificate was revoked after the claimed signing time and no trusted time-stamp
    /// proves the seal older ([`SignerRevoked::WithoutProofOfExistence`]); `None` otherwise.
    pub revoked_without_proof: Option<SignerRevoked>,
}

impl VerifiedSeal {
    /// Whether the seal certificate chains to one of the trust anchors.
    pub fn is_trusted(&self) -> bool {
        matches!(self.chain, ChainOutcome::Trusted { .. })
    }

    /// Whether every time-stamp's authority chains to a trust anchor (true when there is none).
    pub fn timestamps_trusted(&self) -> bool {
        self.timestamp_authorities
            .iter()
            .all(|a| a.status == TsaStatus::Trusted)
    }

    /// Whether the seal is a qualified electronic seal: trusted, and the certificate declares
    /// itself an EU qualified certificate for electronic seals.
    pub fn is_qualified(&self) -> bool {
        self.is_trusted() && self.qualification.is_qualified_eseal()
    }
}

/// Verifies a sealed file at `now`: the structure and header rules, the signature over the stored
/// bytes, the seal certificate at the signing time, every time-stamp's imprint and authority, the
/// chain to `anchors`, the revocation values the seal carries, and that the payload is a
/// credential.
///
/// A chain that reaches no anchor is not an error: see [`VerifiedSeal::chain`] and
/// [`VerifiedSeal::timestamp_authorities`]. A chain that is broken (a bad certificate signature,
/// an expired CA) is, and so is a time-stamping authority unfit at its time-stamp's time
/// (`seal.timestamp_authority`) and a seal certificate revoked before the signing time
/// (`seal.certificate_revoked`).
pub fn verify(
    bytes: &[u8],
    anchors: &TrustAnchors,
    now: OffsetDateTime,
) -> Result<VerifiedSeal, JadesError> {
    let seal = Seal::parse(bytes)?;
    seal.verify_signature()?;
    seal.check_certificate(now)?;
    let timestamps = seal.check_timestamps()?;
    let chain = seal.chain(anchors);
    if let ChainOutcome::Invalid { code, .. } = chain {
        return Err(JadesError::InvalidChain { code });
    }
    let timestamp_authorities = seal.check_timestamp_authorities(&timestamps, anchors);
    if let Some(failed) = timestamp_authorities
        .iter()
        .find(|a| a.status == TsaStatus::Failed)
    {
        return Err(JadesError::TimestampAuthority {
            property: failed.property.to_owned(),
            code: failed.code,
        });
    }
    let revocation = seal.signer_revocation(&chain, anchors);
    let revoked_without_proof =
        match signer_revoked(&revocation, seal.signing_time(), &timestamp_authorities) {
            Some(SignerRevoked::BeforeSigning { .. }) => {
                return Err(JadesError::CertificateRevoked);
            }
            other => other,
        };
    let payload = seal.payload_unverified().to_owned();
    let credential =
        crate::json::parse(payload.as_bytes()).map_err(JadesError::PayloadNotCredential)?;
    Ok(VerifiedSeal {
        credential,
        payload,
        algorithm: seal.header().alg,
        signing_time: seal.signing_time(),
        certificate: seal.signing_certificate().clone(),
        qualification: seal.qualification(),
        level: seal.level(),
        chain,
        timestamps,
        timestamp_authorities,
        revocation,
        revoked_without_proof,
    })
}
