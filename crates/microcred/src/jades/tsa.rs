//! Who stands behind each time-stamp: the time-stamping authority's certificate at the time-stamp's
//! time (validity, extended key usage, revocation as the seal's `rVals` tell it) and its chain to
//! the trust anchors.
//!
//! A time-stamp is only as good as its authority. RFC 3161 section 2.3 requires the authority's
//! certificate to carry exactly one extended key usage, `id-kp-timeStamping`, marked critical;
//! section 4 says which revocations undo earlier tokens: a revocation for `unspecified`,
//! `affiliationChanged`, `superseded` or `cessationOfOperation` leaves the tokens made before it
//! valid, while a key compromise, or a revocation that gives no reason, invalidates every token
//! the key signed. A `certificateHold` (a suspension, not a finding against the key) is treated
//! like the first group.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::seal::CheckedTimestamp;
use crate::x509::{
    Certificate, CertificateRevocation, ChainOutcome, RevocationReason, RevocationStatus,
    RevocationValues, TrustAnchors, find_issuer, oids, revalidate_at, validate_timestamping_chain,
};

/// The verdict on one time-stamp's authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TsaStatus {
    /// The authority's certificate was fit for time-stamping at the time-stamp's time and chains
    /// to a trust anchor.
    Trusted,
    /// Nothing is wrong with the certificate, but it reaches no trust anchor: the time-stamp's
    /// time is unconfirmed (indeterminate, not invalid).
    Untrusted,
    /// The certificate was not fit for time-stamping at that time (expired, not yet valid,
    /// without the time-stamping usage, revoked, or on a broken chain): the time-stamp proves
    /// nothing.
    Failed,
}

/// What the verifier can tell about the authority behind one time-stamp.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TsaCheck {
    /// Where the time-stamp was: `adoTst`, `sigTst` or `arcTst`.
    pub property: &'static str,
    /// The time-stamp's time (`genTime`), at which everything below is judged.
    pub time: OffsetDateTime,
    /// The authority's certificate (whose signature on the token was checked).
    pub certificate: Certificate,
    /// Its path to a trust anchor at `time`, or why there is none.
    pub chain: ChainOutcome,
    /// What the seal's revocation values say about it at `time`.
    pub revocation: RevocationStatus,
    /// The verdict.
    pub status: TsaStatus,
    /// A stable code: `timestamp.trusted`, `timestamp.untrusted`, `timestamp.tsa_expired`,
    /// `timestamp.tsa_not_yet_valid`, `timestamp.tsa_usage`, `timestamp.invalid_chain` or
    /// `timestamp.tsa_revoked`.
    pub code: &'static str,
    /// A sentence for reports (names the certificate, never credential data).
    pub detail: String,
}

impl TsaCheck {
    /// The code of the verifier's trust check for this outcome: `trust.timestamp_untrusted`,
    /// `trust.timestamp_expired`, `trust.timestamp_not_yet_valid`, `trust.timestamp_usage`,
    /// `trust.timestamp_invalid_chain`, `trust.timestamp_revoked`; `None` when trusted.
    pub fn trust_code(&self) -> Option<&'static str> {
        Some(match self.code {
            "timestamp.untrusted" => "trust.timestamp_untrusted",
            "timestamp.tsa_expired" => "trust.timestamp_expired",
            "timestamp.tsa_not_yet_valid" => "trust.timestamp_not_yet_valid",
            "timestamp.tsa_usage" => "trust.timestamp_usage",
            "timestamp.invalid_chain" => "trust.timestamp_invalid_chain",
            "timestamp.tsa_revoked" => "trust.timestamp_revoked",
            _ => return None,
        })
    }
}

/// Judges the authority behind each of `stamps` at its time. `known` are the certificates at hand
/// besides those each token carries (the seal's `x5c` and `xVals`); `values` the seal's
/// revocation values. An authority met again (EDC's `sigTst` and `arcTst` share theirs) is not
/// searched or verified again: its trusted path is re-checked at the new time, and its verified
/// revocation data asked about the new time.
pub(crate) fn check_authorities(
    stamps: &[CheckedTimestamp],
    known: &[Certificate],
    anchors: &TrustAnchors,
    values: &RevocationValues,
) -> Vec<TsaCheck> {
    struct Seen {
        certificate: Certificate,
        chain: ChainOutcome,
        revocation: Result<CertificateRevocation, String>,
    }
    let mut seen: Vec<Seen> = Vec::new();
    let mut out = Vec::with_capacity(stamps.len());
    for stamp in stamps {
        let mut intermediates = stamp.carried.clone();
        intermediates.extend(known.iter().cloned());
        let index = match seen.iter().position(|s| s.certificate == stamp.certificate) {
            Some(index) => index,
            None => {
                let chain = validate_timestamping_chain(
                    &stamp.certificate,
                    &intermediates,
                    anchors,
                    stamp.time,
                );
                let issuer = match &chain {
                    ChainOutcome::Trusted { path } if path.len() > 1 => Some(path[1].clone()),
                    _ if !values.may_cover(&stamp.certificate) => None,
                    _ => {
                        let mut candidates = intermediates.clone();
                        candidates.extend(anchors.certificates().iter().cloned());
                        candidates.extend(anchors.timestamping().iter().cloned());
                        find_issuer(&stamp.certificate, &candidates)
                    }
                };
                let revocation = match issuer {
                    Some(issuer) => Ok(values.about(&stamp.certificate, &issuer, &intermediates)),
                    None if !values.may_cover(&stamp.certificate) => Err(if values.is_empty() {
                        "the seal carries no revocation values".to_owned()
                    } else {
                        "no CRL or OCSP response in the seal covers the certificate".to_owned()
                    }),
                    None => {
                        Err("the certificate of the authority's issuer is not at hand".to_owned())
                    }
                };
                seen.push(Seen {
                    certificate: stamp.certificate.clone(),
                    chain,
                    revocation,
                });
                seen.len() - 1
            }
        };
        let entry = &seen[index];
        let chain = revalidate_at(&entry.chain, stamp.time).unwrap_or_else(|| {
            validate_timestamping_chain(&stamp.certificate, &intermediates, anchors, stamp.time)
        });
        let revocation = match &entry.revocation {
            Ok(data) => data.status_at(stamp.time),
            Err(detail) => RevocationStatus::NotChecked {
                detail: detail.clone(),
            },
        };
        let (status, code, detail) = judge(&stamp.certificate, stamp.time, &chain, &revocation);
        out.push(TsaCheck {
            property: stamp.property,
            time: stamp.time,
            certificate: stamp.certificate.clone(),
            chain,
            revocation,
            status,
            code,
            detail,
        });
    }
    out
}

fn judge(
    cert: &Certificate,
    time: OffsetDateTime,
    chain: &ChainOutcome,
    revocation: &RevocationStatus,
) -> (TsaStatus, &'static str, String) {
    let failed = |code, detail: String| (TsaStatus::Failed, code, detail);
    let who = cert.subject_text();
    if time < cert.not_before() {
        return failed(
            "timestamp.tsa_not_yet_valid",
            format!(
                "the authority's certificate ({who}) was not yet valid at {} (valid from {})",
                rfc3339(time),
                rfc3339(cert.not_before())
            ),
        );
    }
    if time > cert.not_after() {
        return failed(
            "timestamp.tsa_expired",
            format!(
                "the authority's certificate ({who}) had expired at {} (valid until {})",
                rfc3339(time),
                rfc3339(cert.not_after())
            ),
        );
    }
    if let Some(problem) = usage_problem(cert) {
        return failed(
            "timestamp.tsa_usage",
            format!("the authority's certificate ({who}) {problem}"),
        );
    }
    if let ChainOutcome::Invalid { code, detail } = chain {
        return failed(
            "timestamp.invalid_chain",
            format!("the authority's certificate chain is unusable ({code}): {detail}"),
        );
    }
    if let RevocationStatus::Revoked {
        time: revoked,
        reason,
        ..
    } = revocation
    {
        let reason_text = reason.map_or("no reason given", RevocationReason::name);
        if *revoked <= time {
            return failed(
                "timestamp.tsa_revoked",
                format!(
                    "the authority's certificate ({who}) was revoked on {} ({reason_text}), \
                     before the time-stamp",
                    rfc3339(*revoked)
                ),
            );
        }
        if !keeps_earlier_tokens(*reason) {
            return failed(
                "timestamp.tsa_revoked",
                format!(
                    "the authority's certificate ({who}) was revoked on {} ({reason_text}), which \
                     invalidates every token its key signed (RFC 3161 section 4)",
                    rfc3339(*revoked)
                ),
            );
        }
    }
    match chain {
        ChainOutcome::Trusted { .. } => (
            TsaStatus::Trusted,
            "timestamp.trusted",
            format!("{who} chains to a trust anchor; revocation {revocation}"),
        ),
        ChainOutcome::Untrusted { code, detail } => (
            TsaStatus::Untrusted,
            "timestamp.untrusted",
            format!("{who} reaches no trust anchor ({code}: {detail})"),
        ),
        // Handled above.
        ChainOutcome::Invalid { code, .. } => (
            TsaStatus::Failed,
            "timestamp.invalid_chain",
            format!("the authority's certificate chain is unusable ({code})"),
        ),
    }
}

/// What is wrong with the certificate's usage for time-stamping, if anything.
fn usage_problem(cert: &Certificate) -> Option<&'static str> {
    if cert
        .key_usage()
        .is_some_and(|ku| !(ku.digital_signature || ku.non_repudiation))
    {
        return Some("may not sign (key usage)");
    }
    let Some(eku) = cert.extended_key_usage() else {
        return Some("has no extended key usage; RFC 3161 requires id-kp-timeStamping");
    };
    if !eku.allows_oid(oids::KP_TIME_STAMPING) {
        return Some("is not for time-stamping (no id-kp-timeStamping extended key usage)");
    }
    if eku.purposes.len() > 1 {
        return Some("lists purposes besides id-kp-timeStamping, which RFC 3161 forbids");
    }
    if !eku.critical {
        return Some("has a non-critical extended key usage; RFC 3161 requires it critical");
    }
    None
}

/// Whether tokens made before a revocation for `reason` stay valid (RFC 3161 section 4).
fn keeps_earlier_tokens(reason: Option<RevocationReason>) -> bool {
    matches!(
        reason,
        Some(
            RevocationReason::Unspecified
                | RevocationReason::AffiliationChanged
                | RevocationReason::Superseded
                | RevocationReason::CessationOfOperation
                | RevocationReason::CertificateHold
        )
    )
}

/// The seal certificate is revoked, and that bears on the seal.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignerRevoked {
    /// Revoked at or before the signing time (`sigT`): the seal is invalid
    /// (`trust.certificate_revoked`).
    BeforeSigning {
        /// A sentence for reports.
        detail: String,
    },
    /// Revoked after the claimed signing time, but no trusted time-stamp over the signature
    /// (`sigTst`, `arcTst`) proves the seal existed before the revocation; `sigT` alone is the
    /// signer's claim, which a holder of a compromised key could backdate. Undecided
    /// (`trust.certificate_revoked_no_poe`).
    WithoutProofOfExistence {
        /// A sentence for reports.
        detail: String,
    },
}

impl SignerRevoked {
    /// The verifier's trust check code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::BeforeSigning { .. } => "trust.certificate_revoked",
            Self::WithoutProofOfExistence { .. } => "trust.certificate_revoked_no_poe",
        }
    }

    /// The sentence for reports.
    pub fn detail(&self) -> &str {
        match self {
            Self::BeforeSigning { detail } | Self::WithoutProofOfExistence { detail } => detail,
        }
    }
}

/// How the seal certificate's revocation status (from [`super::Seal::signer_revocation`]) bears
/// on a seal made at `signing_time` whose time-stamps' authorities were judged in `authorities`.
/// `None` when it does not: not revoked, not checked, or revoked after a trusted time-stamp over
/// the signature.
pub fn signer_revoked(
    revocation: &RevocationStatus,
    signing_time: OffsetDateTime,
    authorities: &[TsaCheck],
) -> Option<SignerRevoked> {
    let RevocationStatus::Revoked {
        time,
        reason,
        source,
    } = revocation
    else {
        return None;
    };
    let reason_text = reason.map_or("no reason given", RevocationReason::name);
    if *time <= signing_time {
        return Some(SignerRevoked::BeforeSigning {
            detail: format!(
                "the seal certificate was revoked on {} ({reason_text}, per {}), before the                  seal was made",
                rfc3339(*time),
                source.name()
            ),
        });
    }
    let proven = authorities.iter().any(|a| {
        a.status == TsaStatus::Trusted
            && matches!(a.property, "sigTst" | "arcTst")
            && a.time < *time
    });
    (!proven).then(|| SignerRevoked::WithoutProofOfExistence {
        detail: format!(
            "the seal certificate was revoked on {} ({reason_text}, per {}), after the claimed              signing time, and no trusted time-stamp shows the seal existed before that",
            rfc3339(*time),
            source.name()
        ),
    })
}

fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_else(|_| at.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_revocations_keep_earlier_tokens() {
        assert!(!keeps_earlier_tokens(None));
        assert!(!keeps_earlier_tokens(Some(RevocationReason::KeyCompromise)));
        assert!(!keeps_earlier_tokens(Some(RevocationReason::CaCompromise)));
        assert!(keeps_earlier_tokens(Some(RevocationReason::Superseded)));
        assert!(keeps_earlier_tokens(Some(
            RevocationReason::CessationOfOperation
        )));
    }
}
