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
//! Configuring: the builder methods (`Verifier::new(clock).with_trust_anchors(..)`), or a
//! [`VerifierConfig`], plain data with serde both ways (a JavaScript options object, a pickle),
//! through [`Verifier::from_config`] (errors: [`ConfigError`], codes `config.*`).
//!
//! Status lists: a [`StatusFetcher`] the verifier calls, or two phases with no callback:
//! [`Verifier::status_lists_needed`] names the lists a file needs, the caller fetches them as it
//! can, and [`Verifier::verify_with_status_lists`] completes with them. Both give the same report.
//!
//! Files: `mod.rs` the verifier and its builder; `config.rs` the plain-data configuration;
//! `options.rs` clock, owner, trust policy and accreditation register; `run.rs` one verification
//! in report order; `input.rs` what a JSON document is; `secured.rs` the seal and proof checks;
//! `trust.rs` the trust check; `checks.rs` the checks that read the credential;
//! `status_lists.rs` the two-phase status path; `report.rs` the report.
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
mod config;
mod input;
mod options;
mod report;
mod run;
mod secured;
mod status_lists;
mod trust;

use std::sync::Arc;

pub use config::{AnchorConfig, CONFIG_CODES, ClockConfig, ConfigError, VerifierConfig};
pub use options::{AccreditationSource, AccreditationStatus, Clock, Owner, TrustPolicy};
pub use report::{
    CODES, Check, CheckKind, Personal, PresentationReport, Report, SealSummary, Securing, Status,
    TimestampSummary, Verdict,
};
pub use status_lists::NeededStatusList;

use crate::json::{Limits, Reader};
use crate::proof::DataIntegrityVerifier;
use crate::rdf::{Contexts, EDC_AP, Expander, edc_ap_context_for};
use crate::status::{NoFetcher, StatusFetcher};
use crate::terms::ElmVersion;
use crate::x509::TrustAnchors;
use run::Run;

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
    /// The configuration this verifier was built from, until a builder method changes it.
    config: Option<Arc<VerifierConfig>>,
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
    /// A verifier that reads the time from `clock` (an [`OffsetDateTime`](time::OffsetDateTime)
    /// verifies as of that moment), with no trust anchors, no status-list access and no
    /// accreditation register.
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
            config: None,
        }
    }

    /// Reads the time from `clock` instead (a fixed [`OffsetDateTime`](time::OffsetDateTime), or a
    /// closure called at each verification). For a binding whose platform has no system clock
    /// (`wasm32-unknown-unknown`): build from a [`VerifierConfig`] with any fixed time, then give
    /// the platform's clock here.
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> Self {
        self.config = None;
        self.clock = Arc::new(clock);
        self
    }

    /// The certificates seals, and the authorities of their time-stamps, must chain to (see
    /// [`TrustAnchors::add_timestamping`] for anchors that serve time-stamps only).
    pub fn with_trust_anchors(mut self, anchors: TrustAnchors) -> Self {
        self.config = None;
        self.anchors = Arc::new(anchors);
        self
    }

    /// How status lists are obtained (there is no network access otherwise).
    pub fn with_status_fetcher(mut self, fetcher: impl StatusFetcher + 'static) -> Self {
        self.config = None;
        self.fetcher = Arc::new(fetcher);
        self
    }

    /// A register that confirms accreditations.
    pub fn with_accreditation_source(mut self, source: impl AccreditationSource + 'static) -> Self {
        self.config = None;
        self.accreditation = Some(Arc::new(source));
        self
    }

    /// What an untrusted chain means (indeterminate by default).
    pub fn with_trust_policy(mut self, policy: TrustPolicy) -> Self {
        self.config = None;
        self.trust_policy = policy;
        self
    }

    /// Fails seals that are not qualified electronic seals.
    pub fn require_qualified(mut self, required: bool) -> Self {
        self.config = None;
        self.require_qualified = required;
        self
    }

    /// The DIDs whose Data Integrity proofs are trusted (a `did:key` names a key, not an
    /// organisation, so trusting one is the caller's decision).
    pub fn with_trusted_dids(mut self, dids: impl IntoIterator<Item = String>) -> Self {
        self.config = None;
        self.trusted_dids = Arc::new(dids.into_iter().collect());
        self
    }

    /// Size and depth limits for the credential JSON.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.config = None;
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
        self.config = None;
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
        self.config = None;
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
            fetcher: self.fetcher.as_ref(),
        };
        run.file(bytes, false)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicI64, Ordering};

    use time::OffsetDateTime;
    use time::format_description::well_known::Rfc3339;
    use time::macros::datetime;

    use super::{ClockConfig, Verifier, VerifierConfig};

    /// The report's `checked_at` of an unreadable file (no credential needed to read the clock).
    fn checked_at(verifier: &Verifier) -> OffsetDateTime {
        let text = verifier.verify(b"not json").checked_at;
        OffsetDateTime::parse(&text, &Rfc3339).expect("RFC 3339")
    }

    #[test]
    fn with_clock_replaces_the_clock_and_forgets_the_config() {
        let config = VerifierConfig::at(datetime!(2026-01-15 10:00 UTC));
        let verifier = Verifier::from_config(&config).expect("a verifier");
        assert_eq!(checked_at(&verifier), datetime!(2026-01-15 10:00 UTC));
        assert!(matches!(
            verifier.config().map(|c| &c.clock),
            Some(ClockConfig::At(_))
        ));
        // A fixed time.
        let fixed = verifier.clone().with_clock(datetime!(2030-06-01 00:00 UTC));
        assert_eq!(checked_at(&fixed), datetime!(2030-06-01 00:00 UTC));
        assert!(
            fixed.config().is_none(),
            "the config no longer describes it"
        );
        // A closure is called at each verification.
        static SECONDS: AtomicI64 = AtomicI64::new(1_800_000_000);
        let ticking = verifier.with_clock(|| {
            OffsetDateTime::from_unix_timestamp(SECONDS.fetch_add(60, Ordering::SeqCst))
                .expect("in range")
        });
        let first = checked_at(&ticking);
        let second = checked_at(&ticking);
        assert_eq!(first.unix_timestamp(), 1_800_000_000);
        assert_eq!(second - first, time::Duration::minutes(1));
    }
}
