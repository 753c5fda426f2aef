//! The trust check: whether someone the verifier is configured to trust vouches for the seal
//! (its certificate chain, its revocation values, its time-stamps' authorities) or the proof (its
//! DID). The trust policy decides, in one place, what "nobody vouches" means.

use super::Verifier;
use super::report::{Check, CheckKind, Status};
use crate::jades::{SignerRevoked, TsaCheck, TsaStatus};
use crate::x509::ChainOutcome;

impl Verifier {
    /// The trust check of a seal: the seal certificate's chain, then what the seal's revocation
    /// values and its time-stamps' authorities add. Anything failed fails the check; otherwise an
    /// untrusted seal chain, a revocation after `sigT` without proof of an earlier seal, or a
    /// time-stamp authority outside the anchors leaves it undecided.
    pub(super) fn trust_check(
        &self,
        chain: &ChainOutcome,
        qualified_certificate: bool,
        authorities: &[TsaCheck],
        revoked: Option<&SignerRevoked>,
    ) -> Check {
        let kind = CheckKind::Trust;
        let seal_trust = self.chain_check(chain, qualified_certificate);
        if seal_trust.status == Status::Failed {
            return seal_trust;
        }
        if let Some(revoked @ SignerRevoked::BeforeSigning { .. }) = revoked {
            return Check::new(kind, Status::Failed, revoked.code(), revoked.detail());
        }
        if let Some(tsa) = authorities.iter().find(|a| a.status == TsaStatus::Failed) {
            let code = tsa.trust_code().unwrap_or("trust.timestamp_invalid_chain");
            let message = format!("the time-stamp in `{}`: {}", tsa.property, tsa.detail);
            return Check::new(kind, Status::Failed, code, message);
        }
        if seal_trust.status != Status::Ok {
            return seal_trust;
        }
        if let Some(revoked) = revoked {
            return Check::new(
                kind,
                Status::Indeterminate,
                revoked.code(),
                revoked.detail(),
            );
        }
        if let Some(tsa) = authorities
            .iter()
            .find(|a| a.status == TsaStatus::Untrusted)
        {
            let message = format!(
                "the seal certificate is trusted, but the authority of the time-stamp in `{}` \
                 does not chain to a configured trust anchor, so its time is unconfirmed",
                tsa.property
            );
            return Check::new(
                kind,
                self.trust_policy.untrusted(),
                "trust.timestamp_untrusted",
                message,
            );
        }
        seal_trust
    }

    fn chain_check(&self, chain: &ChainOutcome, qualified_certificate: bool) -> Check {
        let kind = CheckKind::Trust;
        match chain {
            ChainOutcome::Trusted { path } => {
                if self.require_qualified && !qualified_certificate {
                    return Check::new(
                        kind,
                        Status::Failed,
                        "trust.not_qualified",
                        "the seal certificate is not an EU qualified eSeal certificate",
                    );
                }
                let (code, what) = if qualified_certificate {
                    ("trust.qualified", "a qualified electronic seal")
                } else {
                    (
                        "trust.ok",
                        "an advanced electronic seal (certificate not qualified)",
                    )
                };
                Check::new(
                    kind,
                    Status::Ok,
                    code,
                    format!(
                        "chains to a trust anchor in {} step(s): {what}",
                        path.len().saturating_sub(1)
                    ),
                )
            }
            ChainOutcome::Untrusted { code, .. } => {
                let (code, message) = if *code == "x509.no_trust_anchor" || self.anchors.is_empty()
                {
                    (
                        "trust.no_trust_anchor",
                        "no trust anchors are configured, so the sealer's identity is unconfirmed",
                    )
                } else {
                    (
                        "trust.untrusted_root",
                        "the seal certificate does not chain to a configured trust anchor",
                    )
                };
                Check::new(kind, self.trust_policy.untrusted(), code, message)
            }
            ChainOutcome::Invalid { code, .. } => Check::new(
                kind,
                Status::Failed,
                "trust.invalid_chain",
                format!("a certificate on the path to the trust anchor is unusable ({code})"),
            ),
        }
    }

    /// The trust check of a Data Integrity proof that holds, made by `controller`.
    pub(super) fn did_check(&self, controller: &str) -> Check {
        if self.trusted_dids.iter().any(|did| did == controller) {
            Check::new(
                CheckKind::Trust,
                Status::Ok,
                "trust.trusted_did",
                "signed by a trusted DID",
            )
        } else {
            Check::new(
                CheckKind::Trust,
                self.trust_policy.untrusted(),
                "trust.unknown_did",
                "the signing DID is not among the trusted ones",
            )
        }
    }
}
