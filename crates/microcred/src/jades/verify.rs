//! Verifying a seal in one call.

use time::OffsetDateTime;

use super::seal::{BaselineLevel, CheckedTimestamp, Seal};
use super::{Algorithm, JadesError};
use crate::model::EuropeanDigitalCredential;
use crate::x509::{Certificate, ChainOutcome, QcInfo, TrustAnchors};

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
}

impl VerifiedSeal {
    /// Whether the seal certificate chains to one of the trust anchors.
    pub fn is_trusted(&self) -> bool {
        matches!(self.chain, ChainOutcome::Trusted { .. })
    }

    /// Whether the seal is a qualified electronic seal: trusted, and the certificate declares
    /// itself an EU qualified certificate for electronic seals.
    pub fn is_qualified(&self) -> bool {
        self.is_trusted() && self.qualification.is_qualified_eseal()
    }
}

/// Verifies a sealed file at `now`: the structure and header rules, the signature over the stored
/// bytes, the seal certificate at the signing time, every time-stamp's imprint, the chain to
/// `anchors`, and that the payload is a credential.
///
/// A chain that reaches no anchor is not an error: see [`VerifiedSeal::chain`]. A chain that is
/// broken (a bad certificate signature, an expired CA) is.
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
    let payload = seal.payload_unverified().to_owned();
    let credential = crate::json::parse(payload.as_bytes())
        .map_err(|e| JadesError::PayloadNotCredential(e.code().to_owned()))?;
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
    })
}
