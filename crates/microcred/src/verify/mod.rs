//! Verifying credentials: one [`Verifier`], configured once, and a [`Report`] per credential.
//!
//! What it takes:
//! - EDC credentials, JAdES-sealed or with a Data Integrity proof (an unsealed one fails the seal
//!   check): every check applies.
//! - Any other W3C verifiable credential (VCDM 1.1 or 2.0) with a Data Integrity proof: the proof,
//!   trust, expiry, revocation and owner checks apply; the EDC ones are `skipped`
//!   (`format.not_edc`, `micro_credential.not_edc`, `accreditation.not_edc`). Contexts beyond the
//!   bundled ones are given with [`Verifier::with_contexts`]; one that is missing makes the proof
//!   check `indeterminate` (`proof.unknown_context`), since nothing is ever fetched.
//! - Verifiable presentations (EDC seals them with JAdES too): the presentation's own format, seal
//!   and trust checks, and one report per credential it holds in [`Report::presentation`]. A
//!   credential with no seal of its own is covered by the presentation's (`seal.by_presentation`);
//!   a nested JAdES file (an object, or a JSON string) or a Data Integrity proof is checked on its
//!   own.
//!
//! Reporting rules: format fails with "cannot be read" only for input that is no credential at
//! all; a profile error fails it with the first error finding's code (the findings attached); the
//! checks that read the credential run whenever the seal or proof holds. Codes: [`CODES`].
//!
//! ```
//! # #[cfg(feature = "test-pki")] {
//! use microcred::verify::{CheckKind, Status, Verdict, Verifier};
//!
//! let now = time::macros::datetime!(2026-01-15 10:00 UTC);
//! let verifier = Verifier::new(now).with_trust_anchors(microcred::test_pki::trust_anchors());
//! let report = verifier.verify(b"{\"payload\": 1}");
//! assert_eq!(report.verdict, Verdict::Invalid);
//! assert_eq!(report.check(CheckKind::Seal).unwrap().code, "seal.malformed_envelope");
//! # }
//! ```

mod checks;
mod input;
mod report;
mod run;

use std::sync::Arc;

use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

pub use report::{
    CODES, Check, CheckKind, PresentationReport, Report, SealSummary, Securing, Status,
    TimestampSummary, Verdict,
};

use crate::jades::{self, Seal, SignerRevoked, TsaCheck, TsaStatus};
use crate::json::{Limits, Reader};
use crate::model::Accreditation;
use crate::proof::{DataIntegrityVerifier, ProofError};
use crate::rdf::{Contexts, EDC_AP, Expander, RdfError, edc_ap_context_for};
use crate::status::{NoFetcher, StatusFetcher};
use crate::terms::ElmVersion;
use crate::x509::{ChainOutcome, TrustAnchors};
use run::Run;

/// Where the verifier gets the time from. Verification never reads the system clock itself.
pub trait Clock: Send + Sync {
    /// The current time.
    fn now(&self) -> OffsetDateTime;
}

/// A fixed time: verify as of that moment.
impl Clock for OffsetDateTime {
    fn now(&self) -> OffsetDateTime {
        *self
    }
}

impl<F: Fn() -> OffsetDateTime + Send + Sync> Clock for F {
    fn now(&self) -> OffsetDateTime {
        self()
    }
}

/// What an accreditation register says about an accreditation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccreditationStatus {
    /// Listed and in force.
    Confirmed,
    /// Listed as withdrawn or revoked.
    Withdrawn,
    /// Not listed, or the register could not be asked.
    Unknown,
}

/// A register of accreditations (a national quality assurance database, DEQAR, a local copy).
pub trait AccreditationSource: Send + Sync {
    /// The register's view of `accreditation` (its `id`, identifiers and accrediting agent).
    fn status(&self, accreditation: &Accreditation) -> AccreditationStatus;
}

/// Who the credential is expected to belong to, for the owner check.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Owner {
    /// An e-mail address of the learner.
    Email(String),
    /// A national identifier, another identifier of the learner, or the subject's id.
    Identifier(String),
}

/// What to do when the seal certificate reaches no configured trust anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrustPolicy {
    /// Report *indeterminate*: the seal may be fine, but nobody configured here vouches for it.
    #[default]
    Indeterminate,
    /// Report *failed*: only seals from the configured anchors are acceptable.
    Strict,
}

/// Verifies credentials: sealed EDC files, credentials with a Data Integrity proof, or plain ones.
///
/// Configure it once and share it; [`Verifier::verify_many`] checks many credentials in parallel
/// with one set of anchors and one status-list cache (wrap the fetcher in
/// [`crate::status::CachingFetcher`]).
#[derive(Clone)]
pub struct Verifier {
    clock: Arc<dyn Clock>,
    anchors: Arc<TrustAnchors>,
    fetcher: Arc<dyn StatusFetcher>,
    accreditation: Option<Arc<dyn AccreditationSource>>,
    trust_policy: TrustPolicy,
    require_qualified: bool,
    trusted_dids: Arc<Vec<String>>,
    data_integrity: Arc<DataIntegrityVerifier>,
    contexts: Contexts,
    /// The safe-mode expander of the format check, over `contexts` (built once: it compiles the
    /// contexts it meets and reuses them).
    expander: Arc<Expander>,
    reader: Reader,
    elm_version: Option<ElmVersion>,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifier")
            .field("anchors", &self.anchors.len())
            .field("trust_policy", &self.trust_policy)
            .field("require_qualified", &self.require_qualified)
            .finish_non_exhaustive()
    }
}

impl Verifier {
    /// A verifier that reads the time from `clock` (an [`OffsetDateTime`] verifies as of that
    /// moment), with no trust anchors, no status-list access and no accreditation register.
    pub fn new(clock: impl Clock + 'static) -> Self {
        Verifier {
            clock: Arc::new(clock),
            anchors: Arc::new(TrustAnchors::default()),
            fetcher: Arc::new(NoFetcher),
            accreditation: None,
            trust_policy: TrustPolicy::default(),
            require_qualified: false,
            trusted_dids: Arc::new(Vec::new()),
            data_integrity: Arc::new(DataIntegrityVerifier::new()),
            contexts: Contexts::bundled(),
            expander: Arc::new(Expander::new()),
            reader: Reader::new(),
            elm_version: None,
        }
    }

    /// The certificates seals, and the authorities of their time-stamps, must chain to (see
    /// [`TrustAnchors::add_timestamping`] for anchors that serve time-stamps only).
    pub fn with_trust_anchors(mut self, anchors: TrustAnchors) -> Self {
        self.anchors = Arc::new(anchors);
        self
    }

    /// How status lists are obtained (there is no network access otherwise).
    pub fn with_status_fetcher(mut self, fetcher: impl StatusFetcher + 'static) -> Self {
        self.fetcher = Arc::new(fetcher);
        self
    }

    /// A register that confirms accreditations.
    pub fn with_accreditation_source(mut self, source: impl AccreditationSource + 'static) -> Self {
        self.accreditation = Some(Arc::new(source));
        self
    }

    /// What an untrusted chain means (indeterminate by default).
    pub fn with_trust_policy(mut self, policy: TrustPolicy) -> Self {
        self.trust_policy = policy;
        self
    }

    /// Fails seals that are not qualified electronic seals.
    pub fn require_qualified(mut self, required: bool) -> Self {
        self.require_qualified = required;
        self
    }

    /// The DIDs whose Data Integrity proofs are trusted (a `did:key` names a key, not an
    /// organisation, so trusting one is the caller's decision).
    pub fn with_trusted_dids(mut self, dids: impl IntoIterator<Item = String>) -> Self {
        self.trusted_dids = Arc::new(dids.into_iter().collect());
        self
    }

    /// Size and depth limits for the credential JSON.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.reader = self.reader.with_limits(limits);
        self
    }

    /// JSON-LD contexts to use beside the bundled ones (a context registered under a bundled URL
    /// replaces it; calls add up). Nothing is ever fetched: a credential over a context that is
    /// neither bundled nor given here gets an indeterminate proof check
    /// (`proof.unknown_context`) and, for an EDC credential, format check
    /// (`format.unknown_context`).
    ///
    /// ```
    /// use microcred::rdf::Contexts;
    /// use microcred::verify::Verifier;
    ///
    /// let mut contexts = Contexts::new();
    /// contexts.register(
    ///     "https://example.org/terms/v1",
    ///     serde_json::json!({"@context": {"note": "https://example.org/terms#note"}}),
    /// )?;
    /// let now = time::macros::datetime!(2026-01-15 10:00 UTC);
    /// let verifier = Verifier::new(now).with_contexts(contexts);
    /// # Ok::<(), microcred::rdf::RdfError>(())
    /// ```
    pub fn with_contexts(mut self, contexts: Contexts) -> Self {
        self.contexts.extend(&contexts);
        self.data_integrity = Arc::new(DataIntegrityVerifier::new().contexts(&self.contexts));
        self.expander = Arc::new(Expander::new().with_contexts(self.contexts.clone()));
        self.reader = self.reader.with_contexts(self.contexts.clone());
        self
    }

    /// Reads EDC credentials as `version` of ELM. EDC serves ELM 3.1 and 3.2 under one context
    /// URL, so a credential does not say which it follows. Without this the Verifier reads ELM 3.1
    /// (what EDC issues) and reports nothing version-specific; with it, the format check adds the
    /// `edc.version.*` findings (where the two versions read the credential differently: never
    /// errors) and Data Integrity proofs expand with that version's context. Call it before
    /// [`Verifier::with_contexts`] if you supply your own EDC context.
    pub fn with_elm_version(mut self, version: ElmVersion) -> Self {
        self.elm_version = Some(version);
        let mut edc = Contexts::new();
        edc.register(EDC_AP, edc_ap_context_for(version))
            .expect("the generated EDC context is a context document");
        self.with_contexts(edc)
    }

    /// Verifies one file: a credential (sealed with JAdES, with a Data Integrity proof, or
    /// plain), or a verifiable presentation, whose report holds one report per credential.
    pub fn verify(&self, bytes: &[u8]) -> Report {
        self.run(bytes, None)
    }

    /// Verifies one credential and that it belongs to `owner`.
    pub fn verify_owned_by(&self, bytes: &[u8], owner: &Owner) -> Report {
        self.run(bytes, Some(owner))
    }

    /// Verifies many credential files, in parallel when the `parallel` feature is on, returning
    /// the reports in input order.
    pub fn verify_many<B: AsRef<[u8]> + Sync>(&self, inputs: &[B]) -> Vec<Report> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            inputs.par_iter().map(|b| self.verify(b.as_ref())).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            inputs.iter().map(|b| self.verify(b.as_ref())).collect()
        }
    }

    fn run(&self, bytes: &[u8], owner: Option<&Owner>) -> Report {
        let run = Run {
            verifier: self,
            now: self.clock.now(),
            owner,
        };
        run.file(bytes, false)
    }

    /// The seal and trust checks of a JAdES file, and its payload as JSON.
    fn jades(
        &self,
        bytes: &[u8],
        root: &Value,
        now: OffsetDateTime,
    ) -> (
        Result<Value, crate::ParseError>,
        Check,
        Check,
        Option<SealSummary>,
    ) {
        let seal = match Seal::parse(bytes) {
            Ok(seal) => seal,
            Err(e) => {
                // Still read what the file claims, so the format findings can be shown.
                let payload = match root.get("payload") {
                    Some(Value::String(payload)) => self.reader.parse_value(payload.as_bytes()),
                    _ => Err(crate::ParseError::MalformedSeal {
                        path: "$.payload".into(),
                        expected: "the sealed document as a JSON string (b64: false)",
                    }),
                };
                let check = seal_failed(&e);
                return (
                    payload,
                    check,
                    skipped_trust("the seal could not be read"),
                    None,
                );
            }
        };
        let payload = self
            .reader
            .parse_value(seal.payload_unverified().as_bytes());
        let integrity = seal
            .verify_signature()
            .and_then(|()| seal.check_certificate(now))
            .and_then(|()| seal.check_timestamps());
        let timestamps = match integrity {
            Ok(timestamps) => timestamps,
            Err(e) => {
                return (
                    payload,
                    seal_failed(&e),
                    skipped_trust("the seal does not hold"),
                    None,
                );
            }
        };
        let certificate = seal.signing_certificate();
        let qualification = seal.qualification();
        let chain = seal.chain(&self.anchors);
        let trusted = matches!(chain, ChainOutcome::Trusted { .. });
        let qualified = trusted && qualification.is_qualified_eseal();
        let authorities = seal.check_timestamp_authorities(&timestamps, &self.anchors);
        let revocation = seal.signer_revocation(&chain, &self.anchors);
        let revoked = jades::signer_revoked(&revocation, seal.signing_time(), &authorities);
        let trust = self.trust_check(
            &chain,
            qualification.is_qualified_eseal(),
            &authorities,
            revoked.as_ref(),
        );
        let summary = SealSummary {
            algorithm: seal.header().alg.name().into(),
            signing_time: rfc3339(seal.signing_time()),
            certificate_subject: certificate.subject_text(),
            certificate_issuer: certificate.issuer_text(),
            certificate_serial: certificate.serial_hex(),
            trusted,
            qualified_certificate: qualification.is_qualified_eseal(),
            qualified,
            level: seal.level().name().into(),
            certificate_revocation: revocation.to_string(),
            timestamps: authorities.iter().map(TimestampSummary::from).collect(),
        };
        let mut message = format!(
            "{} seal made {} holds ({})",
            summary.algorithm, summary.signing_time, summary.level
        );
        if certificate.not_after() < now {
            message.push_str("; the seal certificate has expired since, which does not affect a seal made while it was valid");
        }
        let seal_ok = Check::new(CheckKind::Seal, Status::Ok, "seal.ok", message);
        (payload, seal_ok, trust, Some(summary))
    }

    /// The trust check of a seal: the seal certificate's chain, then what the seal's revocation
    /// values and its time-stamps' authorities add. Anything failed fails the check; otherwise an
    /// untrusted seal chain, a revocation after `sigT` without proof of an earlier seal, or a
    /// time-stamp authority outside the anchors leaves it undecided.
    fn trust_check(
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
            let status = match self.trust_policy {
                TrustPolicy::Indeterminate => Status::Indeterminate,
                TrustPolicy::Strict => Status::Failed,
            };
            let message = format!(
                "the seal certificate is trusted, but the authority of the time-stamp in `{}` \
                 does not chain to a configured trust anchor, so its time is unconfirmed",
                tsa.property
            );
            return Check::new(kind, status, "trust.timestamp_untrusted", message);
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
                let status = match self.trust_policy {
                    TrustPolicy::Indeterminate => Status::Indeterminate,
                    TrustPolicy::Strict => Status::Failed,
                };
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
                Check::new(kind, status, code, message)
            }
            ChainOutcome::Invalid { code, .. } => Check::new(
                kind,
                Status::Failed,
                "trust.invalid_chain",
                format!("a certificate on the path to the trust anchor is unusable ({code})"),
            ),
        }
    }

    /// The seal and trust checks of a credential with an embedded Data Integrity proof.
    fn data_integrity(&self, root: &Value) -> (Check, Check) {
        match self.data_integrity.verify(root) {
            Ok(proof) => {
                let seal = Check::new(
                    CheckKind::Seal,
                    Status::Ok,
                    "proof.ok",
                    format!(
                        "{} proof ({}) holds",
                        proof.cryptosuite, proof.proof_purpose
                    ),
                )
                .at("$.proof");
                let trust = if self.trusted_dids.contains(&proof.controller) {
                    Check::new(
                        CheckKind::Trust,
                        Status::Ok,
                        "trust.trusted_did",
                        "signed by a trusted DID",
                    )
                } else {
                    let status = match self.trust_policy {
                        TrustPolicy::Indeterminate => Status::Indeterminate,
                        TrustPolicy::Strict => Status::Failed,
                    };
                    Check::new(
                        CheckKind::Trust,
                        status,
                        "trust.unknown_did",
                        "the signing DID is not among the trusted ones",
                    )
                };
                (seal, trust)
            }
            Err(e) => match e.rdf_error() {
                Some(RdfError::UnknownContext { url }) => (
                    Check::new(
                        CheckKind::Seal,
                        Status::Indeterminate,
                        "proof.unknown_context",
                        format!(
                            "the JSON-LD context {url} is neither bundled nor supplied, so the \
                             proof cannot be checked offline; supply it (microcred verify \
                             --context URL=FILE or --contexts DIR; Verifier::with_contexts)"
                        ),
                    )
                    .at("$.@context"),
                    skipped_trust("the proof could not be checked"),
                ),
                // A kind of proof or key this verifier does not check: undecided, not invalid.
                _ if matches!(
                    e,
                    ProofError::WrongType
                        | ProofError::WrongCryptosuite
                        | ProofError::UnsupportedDid
                        | ProofError::UnsupportedKey
                ) =>
                {
                    (
                        Check::new(
                            CheckKind::Seal,
                            Status::Indeterminate,
                            e.code(),
                            format!(
                                "{e}: this verifier checks eddsa-rdfc-2022 proofs by did:key \
                                 Ed25519 keys only, so it cannot decide"
                            ),
                        )
                        .at("$.proof"),
                        skipped_trust("the proof could not be checked"),
                    )
                }
                _ => (
                    Check::new(CheckKind::Seal, Status::Failed, e.code(), e.to_string())
                        .at("$.proof"),
                    skipped_trust("the proof does not hold"),
                ),
            },
        }
    }
}

fn seal_failed(e: &jades::JadesError) -> Check {
    Check::new(CheckKind::Seal, Status::Failed, e.code(), e.to_string())
}

fn skipped_trust(why: &str) -> Check {
    Check::new(CheckKind::Trust, Status::Skipped, "trust.not_checked", why)
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}
