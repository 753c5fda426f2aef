//! One verification: from the bytes to a report, for a credential or a presentation.
//!
//! The order is fixed. The file is parsed as JSON; a JWS envelope has its seal checked and its
//! payload taken as the document, anything else is the document and its Data Integrity proof (if
//! any) is checked. The document is then classified from its JSON alone (a presentation, an EDC
//! credential, another W3C credential), so that the typed reader only reads what it models. The
//! checks that read the credential (expiry, revocation, accreditation, owner) run whenever the seal
//! or proof holds.

use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::input::{self, Kind};
use super::report::{
    Check, CheckKind, Personal, PresentationReport, Report, SealSummary, Securing, Status,
};
use super::secured::{JadesFile, Secured, skipped_trust};
use super::{Owner, Verifier, checks};
use crate::json::ParseError;
use crate::model::EuropeanDigitalCredential;
use crate::profile;
use crate::status::StatusFetcher;

/// Every check of a credential's report, in report order.
const ORDER: &[CheckKind] = CheckKind::ALL;

/// One verification under a verifier's configuration.
pub(super) struct Run<'v> {
    pub(super) verifier: &'v Verifier,
    pub(super) now: OffsetDateTime,
    pub(super) owner: Option<&'v Owner>,
    /// Where the status lists come from: the verifier's fetcher, or the lists given for this run.
    pub(super) fetcher: &'v dyn StatusFetcher,
}

impl Run<'_> {
    /// A file (or a sealed entry of a presentation, `nested`).
    pub(super) fn file(&self, bytes: &[u8], nested: bool) -> Report {
        match self.verifier.reader.parse_value(bytes) {
            Ok(root) => self.root(bytes, root, nested),
            Err(e) => self.unreadable(&e, "the file cannot be read"),
        }
    }

    fn root(&self, bytes: &[u8], root: Value, nested: bool) -> Report {
        if input::is_jws(&root) {
            let JadesFile { payload, secured } = self.verifier.jades(bytes, &root, self.now);
            return match payload {
                Ok(document) => {
                    let kind = input::classify(&document);
                    self.document(document, kind, secured, nested, false)
                }
                Err(e) => self.not_a_credential(&e, secured),
            };
        }
        let kind = input::classify(&root);
        let mut in_subset = false;
        let secured = match &kind {
            Err(_) => Secured::not_checked("the file is not a credential"),
            Ok(_) if root.get("proof").is_some() => {
                self.verifier.data_integrity(&root, &mut in_subset)
            }
            Ok(Kind::Presentation) => Secured::unsealed("presentation"),
            Ok(Kind::Credential { .. } | Kind::Flattened) => Secured::unsealed("credential"),
        };
        self.document(root, kind, secured, nested, in_subset)
    }

    fn document(
        &self,
        document: Value,
        kind: Result<Kind, ParseError>,
        secured: Secured,
        nested: bool,
        in_subset: bool,
    ) -> Report {
        match kind {
            Err(e) => self.not_a_credential(&e, secured),
            Ok(Kind::Presentation) if nested => {
                self.not_a_credential(&ParseError::NotACredential { path: "$".into() }, secured)
            }
            Ok(Kind::Presentation) => self.presentation(document, secured),
            Ok(Kind::Credential { edc }) => self.credential(document, edc, secured, in_subset),
            Ok(Kind::Flattened) => self.flattened(secured),
        }
    }

    /// A credential written as a flattened `@graph`: a credential, but not in the compacted form
    /// EDC writes and this verifier reads.
    fn flattened(&self, secured: Secured) -> Report {
        let why = "the credential is a flattened @graph, which is not read here";
        let checks = vec![
            Check::new(
                CheckKind::Format,
                Status::Indeterminate,
                "format.flattened",
                "a credential written as a flattened @graph: only the compacted form (as EDC \
                 writes it) is read here, so its content cannot be checked",
            )
            .at("$.@graph"),
            not_reached(CheckKind::MicroCredential, why),
            secured.seal,
            secured.trust,
        ];
        let checks = skip_rest(checks, why);
        self.report(
            secured.securing,
            secured.summary,
            checks,
            Identity::default(),
        )
    }

    /// Input that is not JSON (or not JSON within the limits): nothing else can be checked.
    fn unreadable(&self, e: &ParseError, message: &str) -> Report {
        let format = Check::new(CheckKind::Format, Status::Failed, e.code(), message)
            .at(e.path().unwrap_or("$").to_owned());
        let checks = skip_rest(vec![format], message);
        self.report(Securing::Unknown, None, checks, Identity::default())
    }

    /// JSON that is no credential (or a sealed payload that is none): the seal and trust checks
    /// as made, nothing read from the content.
    fn not_a_credential(&self, e: &ParseError, secured: Secured) -> Report {
        let checks = vec![
            Check::new(
                CheckKind::Format,
                Status::Failed,
                e.code(),
                format!("not a credential, so it cannot be read as one: {e}"),
            )
            .at(e.path().unwrap_or("$").to_owned()),
            not_reached(CheckKind::MicroCredential, "not a credential"),
            secured.seal,
            secured.trust,
        ];
        let checks = skip_rest(checks, "not a credential");
        self.report(
            secured.securing,
            secured.summary,
            checks,
            Identity::default(),
        )
    }

    /// `in_subset`: the proof's walk covered the whole document, so JSON-LD drops nothing from
    /// it (see [`profile::check_json_with`]).
    fn credential(&self, document: Value, edc: bool, secured: Secured, in_subset: bool) -> Report {
        let verifier = self.verifier;
        let holds = secured.holds();
        // What is read from the JSON itself, before the typed reader takes the document.
        let object = input::credential_object(&document);
        let from_json = holds.then(|| {
            let owner = match (edc, self.owner) {
                (_, None) => Some(checks::owner_not_requested()),
                (false, Some(owner)) => Some(checks::owner_of_json(object, owner)),
                (true, Some(_)) => None,
            };
            (
                checks::expiry(object, self.now),
                checks::revocation(object, self.fetcher),
                owner,
            )
        });
        let json_identity = Identity::of_json(object);
        // The format check's JSON findings, from the document as it came (before the typed
        // reader takes it).
        let json = edc
            .then(|| profile::check_json_with(&document, &verifier.expander, in_subset))
            .flatten();
        let typed = edc.then(|| {
            verifier
                .reader
                .read_value(document)
                .map(|(credential, _)| credential)
        });

        let mut checks = Vec::with_capacity(8);
        match &typed {
            Some(Ok(credential)) => {
                checks.push(checks::format(
                    credential,
                    verifier.elm_version,
                    &verifier.expander,
                    json,
                ));
                checks.push(checks::micro_credential(credential));
            }
            Some(Err(e)) => {
                checks.push(unfit(e));
                checks.push(unread(CheckKind::MicroCredential));
            }
            None => {
                checks.push(not_edc(
                    CheckKind::Format,
                    "format.not_edc",
                    "the EDC application profile does not apply",
                ));
                checks.push(not_edc(
                    CheckKind::MicroCredential,
                    "micro_credential.not_edc",
                    "an EU micro-credential is an EDC credential",
                ));
            }
        }
        checks.push(secured.seal);
        checks.push(secured.trust);
        match from_json {
            Some((expiry, revocation, owner)) => {
                checks.push(expiry);
                checks.push(revocation);
                checks.push(match &typed {
                    Some(Ok(credential)) => checks::accreditation(
                        credential,
                        verifier.accreditation.as_deref(),
                        self.now,
                    ),
                    Some(Err(_)) => unread(CheckKind::Accreditation),
                    None => not_edc(
                        CheckKind::Accreditation,
                        "accreditation.not_edc",
                        "accreditations are read from the ELM model",
                    ),
                });
                checks.push(match (owner, &typed) {
                    (Some(owner), _) => owner,
                    (None, Some(Ok(credential))) => checks::owner(credential, self.owner),
                    (None, _) => unread(CheckKind::Owner),
                });
            }
            None => checks = skip_rest(checks, "the credential's integrity is not established"),
        }
        let identity = match &typed {
            Some(Ok(credential)) => Identity::of(credential),
            _ => json_identity,
        };
        self.report(secured.securing, secured.summary, checks, identity)
    }

    fn presentation(&self, mut document: Value, secured: Secured) -> Report {
        let id = input::id(&document);
        let entries = match document.get_mut("verifiableCredential").map(Value::take) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(entries)) => entries,
            Some(one) => vec![one],
        };
        let format = if entries.is_empty() {
            Check::new(
                CheckKind::Format,
                Status::Ok,
                "presentation.empty",
                "a verifiable presentation that holds no credential",
            )
        } else {
            Check::new(
                CheckKind::Format,
                Status::Ok,
                "presentation.ok",
                format!(
                    "a verifiable presentation holding {} credential(s)",
                    entries.len()
                ),
            )
        };
        let credentials: Vec<Report> = entries
            .into_iter()
            .map(|entry| self.entry(entry, &secured))
            .collect();
        let mut report = self.report(
            secured.securing,
            secured.summary,
            vec![format, secured.seal, secured.trust],
            Identity::default(),
        );
        report.verdict = credentials
            .iter()
            .fold(report.verdict, |verdict, r| verdict.worst(r.verdict));
        report.presentation = Some(PresentationReport { id, credentials });
        report
    }

    /// One entry of a presentation's `verifiableCredential`.
    fn entry(&self, entry: Value, presentation: &Secured) -> Report {
        match entry {
            Value::String(text) => {
                let trimmed = text.trim();
                if trimmed.starts_with('{') {
                    // A sealed file (or a credential) held as a JSON string.
                    match self.verifier.reader.parse_value(text.as_bytes()) {
                        Ok(root) if input::is_jws(&root) => self.root(text.as_bytes(), root, true),
                        Ok(root) => self.embedded(root, presentation),
                        Err(e) => self.unreadable(&e, "the entry cannot be read"),
                    }
                } else if input::is_compact_jws(trimmed) {
                    self.compact_jws()
                } else {
                    self.not_a_credential(
                        &ParseError::NotACredential { path: "$".into() },
                        Secured::not_checked("the entry is not a credential"),
                    )
                }
            }
            Value::Object(_) if input::is_jws(&entry) => {
                // The envelope is rewritten, which a seal does not cover: the payload string and
                // the protected header are kept exactly.
                let bytes = serde_json::to_vec(&entry).unwrap_or_default();
                self.root(&bytes, entry, true)
            }
            other => self.embedded(other, presentation),
        }
    }

    /// A credential embedded as an object: its own proof, or the presentation's seal.
    fn embedded(&self, document: Value, presentation: &Secured) -> Report {
        let kind = input::classify(&document);
        let mut in_subset = false;
        let secured = match &kind {
            Err(_) => Secured::not_checked("the entry is not a credential"),
            Ok(_) if document.get("proof").is_some() => {
                self.verifier.data_integrity(&document, &mut in_subset)
            }
            Ok(_) => presentation.inherited(),
        };
        self.document(document, kind, secured, true, in_subset)
    }

    /// A compact JWS entry (a VC-JWT, say), which this verifier does not check.
    fn compact_jws(&self) -> Report {
        let why = "a compact JWS (a VC-JWT, say) is not checked here";
        let checks = vec![
            not_reached(CheckKind::Format, why),
            not_reached(CheckKind::MicroCredential, why),
            Check::new(
                CheckKind::Seal,
                Status::Indeterminate,
                "seal.unsupported_jws",
                "a compact JWS: this verifier checks JAdES seals and Data Integrity proofs, not \
                 JWTs",
            ),
            skipped_trust(why),
        ];
        let checks = skip_rest(checks, why);
        self.report(Securing::Unknown, None, checks, Identity::default())
    }

    fn report(
        &self,
        securing: Securing,
        seal: Option<SealSummary>,
        checks: Vec<Check>,
        identity: Identity,
    ) -> Report {
        Report {
            verdict: Report::decide(&checks),
            securing,
            checked_at: rfc3339(self.now),
            credential_id: identity.id,
            issuer: identity.issuer,
            title: identity.title,
            country: identity.country,
            ects: identity.ects,
            eqf_level: identity.eqf_level,
            issued: identity.issued,
            learner: Personal::new(identity.learner),
            seal,
            checks,
            presentation: None,
        }
    }
}

/// What a report says the credential is, for people.
#[derive(Default)]
struct Identity {
    id: Option<String>,
    issuer: Option<String>,
    title: Option<String>,
    country: Option<String>,
    ects: Option<f64>,
    eqf_level: Option<u8>,
    issued: Option<String>,
    learner: Option<String>,
}

impl Identity {
    /// What can be read of a credential that did not read into the model.
    fn of_json(credential: &Value) -> Self {
        Identity {
            id: input::id(credential),
            issuer: input::issuer(credential),
            title: input::title(credential),
            ..Identity::default()
        }
    }

    fn of(credential: &EuropeanDigitalCredential) -> Self {
        let summary = credential.headline();
        Identity {
            id: credential.id.clone(),
            issuer: summary.issuer,
            title: summary.title,
            country: summary.country,
            ects: summary.ects,
            eqf_level: summary.eqf_level,
            issued: summary.issued,
            learner: summary.learner,
        }
    }
}

/// Completes `checks`, the first checks of a report in report order, with the remaining ones,
/// skipped because of `why`.
fn skip_rest(mut checks: Vec<Check>, why: &str) -> Vec<Check> {
    debug_assert!(
        checks.iter().zip(ORDER).all(|(c, kind)| c.kind == *kind),
        "checks out of report order"
    );
    for &kind in ORDER.iter().skip(checks.len()) {
        checks.push(not_reached(kind, why));
    }
    checks
}

/// A check skipped because an earlier step did not let it run.
fn not_reached(kind: CheckKind, why: &str) -> Check {
    let code = match kind {
        CheckKind::Seal => "seal.not_checked",
        CheckKind::Trust => "trust.not_checked",
        _ => "check.not_reached",
    };
    Check::new(kind, Status::Skipped, code, format!("not checked: {why}"))
}

/// A time as RFC 3339 text, for reports.
pub(super) fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

fn not_edc(kind: CheckKind, code: &'static str, why: &str) -> Check {
    Check::new(
        kind,
        Status::Skipped,
        code,
        format!(
            "not an EDC credential (neither the EuropeanDigitalCredential type nor the EDC \
             context): {why}"
        ),
    )
}

/// A check that needs the typed credential, when the EDC credential does not fit the model.
fn unread(kind: CheckKind) -> Check {
    Check::new(
        kind,
        Status::Skipped,
        "check.model_unreadable",
        "not checked: the credential does not fit the ELM model (see the format check)",
    )
}

/// The format check of an EDC credential the typed reader refuses.
fn unfit(e: &ParseError) -> Check {
    let path = e.path().unwrap_or("$").to_owned();
    match e {
        ParseError::ForeignContext { context, .. } => {
            let what = if context.starts_with("an inline") {
                "an inline context, whose terms".to_owned()
            } else {
                format!(
                    "the context {context}, which is neither bundled nor supplied (microcred \
                     verify --context URL=FILE or --contexts DIR; Verifier::with_contexts); its \
                     terms"
                )
            };
            Check::new(
                CheckKind::Format,
                Status::Indeterminate,
                "format.unknown_context",
                format!(
                    "the credential uses {what} cannot be taken to mean what the EDC profile \
                     defines"
                ),
            )
            .at(path)
        }
        other => Check::new(
            CheckKind::Format,
            Status::Failed,
            other.code(),
            format!("the credential does not fit the ELM model: {other}"),
        )
        .at(path),
    }
}
