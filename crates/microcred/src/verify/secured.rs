//! How a document is secured, as checked: the seal and trust checks of a JAdES file, of a Data
//! Integrity proof, of a credential covered by its presentation's seal, or of nothing at all.

use serde_json::Value;
use time::OffsetDateTime;

use super::Verifier;
use super::report::{Check, CheckKind, SealSummary, Securing, Status, TimestampSummary};
use super::run::rfc3339;
use crate::jades::{self, Seal};
use crate::json::ParseError;
use crate::proof::ProofError;
use crate::rdf::RdfError;
use crate::x509::ChainOutcome;

/// How a document is secured, as checked: the seal (or proof) check, the trust check, and what
/// the seal says about itself.
pub(super) struct Secured {
    pub(super) securing: Securing,
    pub(super) seal: Check,
    pub(super) trust: Check,
    pub(super) summary: Option<SealSummary>,
}

/// A JAdES file as checked: its payload (read whether or not the seal holds, so the format
/// findings can be shown) and its seal.
pub(super) struct JadesFile {
    pub(super) payload: Result<Value, ParseError>,
    pub(super) secured: Secured,
}

impl Secured {
    pub(super) fn holds(&self) -> bool {
        self.seal.status == Status::Ok
    }

    /// Nothing checked: the document is not something a seal or proof is looked for on.
    pub(super) fn not_checked(why: &str) -> Self {
        Secured {
            securing: Securing::Unknown,
            seal: Check::new(CheckKind::Seal, Status::Skipped, "seal.not_checked", why),
            trust: skipped_trust(why),
            summary: None,
        }
    }

    pub(super) fn unsealed(what: &str) -> Self {
        Secured {
            securing: Securing::None,
            seal: Check::new(
                CheckKind::Seal,
                Status::Failed,
                "seal.unsealed",
                format!("the {what} carries neither a seal nor a proof"),
            ),
            trust: skipped_trust("nothing to trust: not sealed"),
            summary: None,
        }
    }

    /// A JAdES seal that does not hold (or cannot be read).
    fn jades_failed(e: &jades::JadesError, why: &str) -> Self {
        Secured {
            securing: Securing::Jades,
            seal: Check::new(CheckKind::Seal, Status::Failed, e.code(), e.to_string()),
            trust: skipped_trust(why),
            summary: None,
        }
    }

    /// A Data Integrity proof's seal check, with the trust check it leads to.
    fn data_integrity(seal: Check, trust: Check) -> Self {
        Secured {
            securing: Securing::DataIntegrity,
            seal,
            trust,
            summary: None,
        }
    }

    /// For a credential with no seal of its own inside a presentation secured by `self`.
    pub(super) fn inherited(&self) -> Self {
        if self.securing == Securing::None {
            return Secured {
                seal: Check::new(
                    CheckKind::Seal,
                    Status::Failed,
                    "seal.unsealed",
                    "neither the credential nor the presentation holding it is sealed",
                ),
                ..Secured::unsealed("credential")
            };
        }
        if self.holds() {
            let mut trust = self.trust.clone();
            trust.message = format!("the presentation's sealer: {}", trust.message);
            return Secured {
                securing: Securing::Presentation,
                seal: Check::new(
                    CheckKind::Seal,
                    Status::Ok,
                    "seal.by_presentation",
                    "no seal of its own: covered by the presentation's seal, which holds (the \
                     presentation's sealer vouches for it, not necessarily its issuer)",
                ),
                trust,
                summary: None,
            };
        }
        let status = match self.seal.status {
            Status::Indeterminate => Status::Indeterminate,
            _ => Status::Failed,
        };
        Secured {
            securing: Securing::Presentation,
            seal: Check::new(
                CheckKind::Seal,
                status,
                "seal.presentation_failed",
                "no seal of its own, and the presentation's seal does not hold",
            ),
            trust: skipped_trust("the presentation's seal does not hold"),
            summary: None,
        }
    }
}

impl Verifier {
    /// The seal and trust checks of a JAdES file, and its payload as JSON.
    pub(super) fn jades(&self, bytes: &[u8], root: &Value, now: OffsetDateTime) -> JadesFile {
        let seal = match Seal::parse(bytes) {
            Ok(seal) => seal,
            Err(e) => {
                // Still read what the file claims, so the format findings can be shown.
                let payload = match root.get("payload") {
                    Some(Value::String(payload)) => self.reader.parse_value(payload.as_bytes()),
                    _ => Err(ParseError::MalformedSeal {
                        path: "$.payload".into(),
                        expected: "the sealed document as a JSON string (b64: false)",
                    }),
                };
                return JadesFile {
                    payload,
                    secured: Secured::jades_failed(&e, "the seal could not be read"),
                };
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
                return JadesFile {
                    payload,
                    secured: Secured::jades_failed(&e, "the seal does not hold"),
                };
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
        JadesFile {
            payload,
            secured: Secured {
                securing: Securing::Jades,
                seal: Check::new(CheckKind::Seal, Status::Ok, "seal.ok", message),
                trust,
                summary: Some(summary),
            },
        }
    }

    /// The seal and trust checks of a credential with an embedded Data Integrity proof.
    /// The proof of `root`; `whole` as
    /// [`crate::proof::DataIntegrityVerifier::verify_noting_coverage`] sets
    /// it (the proof's verifier and the format check's expander have the same contexts).
    pub(super) fn data_integrity(&self, root: &Value, whole: &mut bool) -> Secured {
        let e = match self.data_integrity.verify_noting_coverage(root, whole) {
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
                return Secured::data_integrity(seal, self.did_check(&proof.controller));
            }
            Err(e) => e,
        };
        if let Some(RdfError::UnknownContext { url }) = e.rdf_error() {
            let seal = Check::new(
                CheckKind::Seal,
                Status::Indeterminate,
                "proof.unknown_context",
                format!(
                    "the JSON-LD context {url} is neither bundled nor supplied, so the proof \
                     cannot be checked offline; supply it (microcred verify --context URL=FILE \
                     or --contexts DIR; Verifier::with_contexts)"
                ),
            )
            .at("$.@context");
            return Secured::data_integrity(seal, skipped_trust("the proof could not be checked"));
        }
        if let Some(RdfError::NeedsFullProcessor) = e.rdf_error() {
            let seal = Check::new(
                CheckKind::Seal,
                Status::Indeterminate,
                "rdf.needs_full_processor",
                format!("{e}; the proof cannot be checked without it"),
            )
            .at("$");
            return Secured::data_integrity(seal, skipped_trust("the proof could not be checked"));
        }
        // A kind of proof or key this verifier does not check: undecided, not invalid.
        if matches!(
            e,
            ProofError::WrongType
                | ProofError::WrongCryptosuite
                | ProofError::UnsupportedDid
                | ProofError::UnsupportedKey
        ) {
            let seal = Check::new(
                CheckKind::Seal,
                Status::Indeterminate,
                e.code(),
                format!(
                    "{e}: this verifier checks eddsa-rdfc-2022 proofs by did:key Ed25519 keys \
                     only, so it cannot decide"
                ),
            )
            .at("$.proof");
            return Secured::data_integrity(seal, skipped_trust("the proof could not be checked"));
        }
        let seal =
            Check::new(CheckKind::Seal, Status::Failed, e.code(), e.to_string()).at("$.proof");
        Secured::data_integrity(seal, skipped_trust("the proof does not hold"))
    }
}

/// The trust check when the seal or proof gives nothing to trust.
pub(super) fn skipped_trust(why: &str) -> Check {
    Check::new(CheckKind::Trust, Status::Skipped, "trust.not_checked", why)
}
