//! The micro-credential profile check: is this credential one EDC accepts, and is it a
//! micro-credential in the sense of the Council Recommendation?
//!
//! [`check`] returns a list of [`Finding`]s, each with a stable code, a [`Severity`], the JSON path
//! concerned and a message. Messages say what is missing in general terms and never quote the
//! credential, so findings are safe to log. Paths point into the JSON as microcred writes it
//! (`$.credentialSubject.hasClaim.specifiedBy.learningOutcome`): a list of one is written as the
//! value itself, so an index (`location[1]`) appears only in lists of several. Findings come in a
//! stable order: the EDC findings in document order, then the JSON-LD finding, then the Annex I
//! findings in the Annex's order.
//! [`CODES`] lists every code with its severity and meaning.
//!
//! ```
//! use microcred::model::EuropeanDigitalCredential;
//! use microcred::profile::{check, has_errors};
//! let findings = check(&EuropeanDigitalCredential::default());
//! assert!(has_errors(&findings));
//! assert!(findings.iter().any(|f| f.code == "edc.missing.issuer" && f.path == "$.issuer"));
//! assert!(findings.iter().any(|f| f.code == "mc.missing.learning_achievement"));
//! ```
//!
//! # `edc.*`: the EDC application profile
//!
//! What the SHACL shapes of the EDC application profile (`EDC-generic-no-cv.ttl`) require with
//! `sh:minCount`, all errors since EDC refuses the credential otherwise ([`check_edc`]):
//! - `edc.missing.<element>` for the envelope (`credential_schema`, `credential_subject`, `issuer`,
//!   `issued`, `valid_from`, `credential_profiles`, `display_parameter`), the issuer's
//!   `eidas_identifier`, the subject's `has_claim`, and in every node of the credential wherever it
//!   sits: each claim's `title` and `awarded_by` (nested assessments, activities, parts and
//!   entitlements included), each awarding process's `awarding_body`, each assessment's `grade`,
//!   each organisation's `legal_name` and `location`, each location's `address`, each address's
//!   `country_code`, each credit point's `framework` and `point`, the display's `title`,
//!   `language`, `primary_language`, `individual_display`, `display_detail`, `image` and `page`,
//!   each media object's `content`, `content_encoding` and `content_type`, each identifier's
//!   `notation`, each legal identifier's `spatial`, each note's `note_literal`, each web resource's
//!   `content_url`, each group's `pref_label`, each evidence's `evidence_type`, each entitlement
//!   specification's `entitlement_type` and `entitlement_status`, each accreditation's
//!   `accreditation_type`, `accrediting_agent` and `title`. Specifications, learning outcomes and
//!   grading schemes need a `title` too.
//! - `edc.concept.missing_id` and `edc.concept.missing_scheme`: every controlled value must be an
//!   embedded `Concept` with an `id` and an `inScheme` naming its scheme; the controlled-vocabulary
//!   shapes (`EDC-generic-full.ttl`) match values by that scheme.
//! - `edc.conflicting_node`: two copies of one node (the same `id`) disagree on a value it holds
//!   once (a plain value, one language of `title`, `description`, `legalName` or `prefLabel`, or
//!   the `eIDASIdentifier`, `registration` or `countryCode` node). JSON-LD merges the copies, so
//!   the graph EDC validates would hold both values, which its shapes reject.
//! - `edc.accreditation.expired`: an accreditation whose `expiryDate` is earlier than its
//!   `dateIssued`, or than the credential's `issued` date (`validFrom` when there is none): it had
//!   expired when the credential was issued, which the Verifier reports as `accreditation.expired`
//!   (the rule is [`Accreditation::expired_at`](crate::model::Accreditation::expired_at), shared by
//!   both and by issuance). A date-time without a time zone is read as UTC.
//!
//! # `edc.jsonld.*`: what a JSON-LD processor would drop
//!
//! EDC validates the RDF graph of a credential, so what JSON-LD leaves out of that graph is never
//! checked nor sealed by EDC, however it reads as JSON. [`check_jsonld`] expands the credential
//! in safe mode (the [`crate::rdf`] expansion, offline, with the bundled contexts) and reports
//! the first member that would not reach the graph, as an error:
//! - `edc.jsonld.undefined_term`: a member whose name no context of the credential defines
//!   (`credentialSubject.nickname`), at the member's path;
//! - `edc.jsonld.dropped_value`: a value JSON-LD drops (an `id` or `type` that is not an
//!   absolute IRI, a malformed language tag), at its path, the message saying which;
//! - `edc.jsonld.invalid`: not valid JSON-LD at all (a `@type` that is not a string, an inline
//!   `@context` that is not a context, nesting past the expansion's limit).
//!
//! [`check`], [`check_as`] and [`check_before_sealing`], hence the sealing gate, include it;
//! [`check_edc`] and [`check_micro_credential`] look at the typed model only. The expansion costs
//! more than the rest of the check together on the EC sample (see `BENCHMARKS.md`).
//!
//! Members that did not fit their place when the credential was read are kept as they were (see
//! [`crate::model::Node::strays`]) and reported here, each at its path:
//! - `edc.unexpected_class`: a node of a class that cannot stand there (a `Qualification` under
//!   `provenBy.specifiedBy`, an unknown class in `hasClaim`); the finding's `expected` and `found`
//!   name the classes, and the node is still checked as the class it says it is;
//! - `edc.too_many.<property>`: several values where the EDC profile allows one (two
//!   `eIDASIdentifier`s on the issuer: `edc.too_many.eidas_identifier`); one code per property
//!   the model holds once;
//! - `edc.invalid_value`: a value of the wrong shape (a string where a node belongs) or a literal
//!   that is not valid for its datatype (a date that is not a date).
//!
//! Such a member is not also reported as missing.
//!
//! # ELM 3.1 and 3.2
//!
//! EDC serves ELM 3.1 (EDC AP 1.1, what its issuer and the EC samples use) and ELM 3.2 (EDC AP 1.2)
//! under the same context URL, and their mandatory elements are the same, so one check serves
//! both. [`check_as`] names the version the credential is read as and adds where the two differ,
//! as info or warnings, never errors: `edc.version.national_id` (the key `nationalID` is another
//! property in 3.2), and under 3.2 `edc.version.embedded_proof`, `edc.version.credential_status`
//! and `edc.version.terms_of_use` (the 3.2 shapes want these as typed ELM nodes). For RDF,
//! [`crate::rdf::Contexts::bundled_for`] gives the 3.2 context.
//!
//! # `mc.*`: Annex I of Council Recommendation 2022/C 243/02
//!
//! Read from the credential's first learning achievement (`hc`, in `credentialSubject.hasClaim`)
//! and its specification (`spec`, `hc.specifiedBy`) by [`check_micro_credential`]:
//!
//! | element | code | severity | where |
//! |---|---|---|---|
//! | identification of the learner | `mc.missing.learner_identification` | error | a name, `nationalID`, `dateOfBirth` or `identifier` on `credentialSubject` |
//! | title | `mc.missing.title` | error | `hc.title` |
//! | country/region of the issuer | `mc.missing.issuer_country` | error | `hc.awardedBy.awardingBody.location.address.countryCode` |
//! | awarding body | `mc.missing.awarding_body` | error | `hc.awardedBy.awardingBody` |
//! | date of issuing | `mc.missing.date_of_issuing` | error | `issued` |
//! | learning outcomes | `mc.missing.learning_outcomes` | error | `spec.learningOutcome` |
//! | notional workload | `mc.missing.workload` | error | `spec.creditPoint` or `spec.volumeOfLearning` |
//! | level, if applicable | `mc.missing.level` | warning | `spec.eqfLevel` or `spec.nqfLevel` |
//! | type of assessment | `mc.missing.assessment_type` | error | `hc.provenBy.specifiedBy.dcType` (or `spec.provenBy.dcType`) |
//! | form of participation | `mc.missing.form_of_participation` | error | `spec.mode` |
//! | … and its learning setting | `mc.missing.learning_setting` | warning | `spec.learningSetting` |
//! | type of quality assurance | `mc.missing.quality_assurance` | error | an `Accreditation`, see below |
//! | prerequisites | `mc.missing.prerequisites` | info | `spec.entryRequirement` |
//! | supervision and identity verification | `mc.missing.supervision` | info | `hc.provenBy.idVerification` |
//! | grade | `mc.missing.grade` | info | `hc.provenBy.grade` |
//! | integration/stackability | `mc.missing.stackability` | info | `spec.isPartialQualification`, `hasPart`, `isPartOf`, `hc.entitlesTo` |
//! | further information | `mc.missing.further_information` | info | `additionalNote`, `supplementaryDocument`, `homepage` on `hc` or `spec` |
//!
//! The country is judged only when there is an awarding body, so a missing body is one finding.
//! `mc.invalid.*` codes check values: `workload` (a credit point's `point` that is not a positive
//! number), `level` (an `eqfLevel` outside the EQF scheme), `form_of_participation` (a `mode` that
//! is not online, blended or presential), `learning_setting` (a warning: not formal or non-formal)
//! and `quality_assurance` (a warning: an accreditation on a specification not typed
//! `Qualification`). A credential with no learning achievement at all, such as a certificate of
//! participation claiming only an activity, gets the single error `mc.missing.learning_achievement`.
//!
//! ## Type of quality assurance
//!
//! The EC samples carry none, and ELM has no property of that name. microcred expresses it as an
//! ELM [`Accreditation`](crate::model::Accreditation): its `dcType` says the kind of quality
//! assurance ([`AccreditationType`](crate::vocab::AccreditationType): programme or institutional
//! quality assurance, licensing), its `title` names it and its `accreditingAgent` is the quality
//! assurance body. It sits on the qualification (`spec.accreditation`, which ELM defines on
//! `Qualification`) or, for quality assurance of the institution as a whole, on the awarding body
//! (`hc.awardedBy.awardingBody.accreditation`). Either satisfies the element. The EDC shape wants
//! the accreditation's `dcType`, `title` and `accreditingAgent`, reported as
//! `edc.missing.accreditation_type`, `edc.missing.title` and `edc.missing.accrediting_agent`.
//!
//! # Before sealing
//!
//! EDC fills some elements in when it seals: `issued`, and the issuer from the seal certificate
//! (the issuer itself in the upload form, its legal name, its eIDAS identifier and a location with
//! the certificate's country). [`check_before_sealing`] reports their absence as [`Severity::Info`]
//! instead of an error, so an unsigned credential ready for EDC checks clean.
//!
//! # The sealing gate
//!
//! [`check_for_sealing`] decides whether a credential may be sealed under a [`SealingPolicy`]:
//! what EDC would reject (any error outside Annex I) always blocks, with the refusal code
//! `seal.refused.edc_profile`; Annex I completeness (`mc.*`) is lowered to warnings unless the
//! policy requires a micro-credential ([`SealingPolicy::micro_credential`], refusal
//! `seal.refused.micro_credential`). EDC itself seals any credential its profile accepts, a
//! certificate of participation as well as a micro-credential.

mod annex;
mod codes;
mod edc;
mod finding;
mod gate;
mod jsonld;
mod nodes;
mod path;
mod version;

pub use codes::CODES;
pub use finding::{Finding, Severity, has_errors};
pub use gate::{Refusal, SealingCheck, SealingPolicy, check_for_sealing};
pub use jsonld::{check_jsonld, check_jsonld_as, check_jsonld_with};

use crate::json::Form;
use crate::model::EuropeanDigitalCredential;
pub use crate::terms::ElmVersion;

/// Every check: the EDC application profile, what JSON-LD would drop ([`check_jsonld`]), then
/// Annex I.
pub fn check(credential: &EuropeanDigitalCredential) -> Vec<Finding> {
    full(credential, None)
}

/// Like [`check`], for a credential read as a given ELM version: the same findings, and the
/// `edc.version.*` ones saying where ELM 3.1 and 3.2 read it differently.
pub fn check_as(credential: &EuropeanDigitalCredential, version: ElmVersion) -> Vec<Finding> {
    full(credential, Some(version))
}

/// Everything, with the credential written to JSON once for the two checks that read it as JSON
/// (copies of one node, JSON-LD expansion).
fn full(credential: &EuropeanDigitalCredential, version: Option<ElmVersion>) -> Vec<Finding> {
    let mut findings = edc_and_jsonld(credential, version, |document| {
        jsonld::check_document_as(document, version.unwrap_or_default())
    });
    // An element given several times is reported as such (`edc.too_many.*`), not also as missing.
    let doubled: Vec<String> = findings
        .iter()
        .filter(|f| f.code.starts_with("edc.too_many."))
        .map(|f| f.path.clone())
        .collect();
    findings.extend(
        check_micro_credential(credential)
            .into_iter()
            .filter(|f| !(f.code.starts_with("mc.missing.") && doubled.contains(&f.path))),
    );
    findings
}

/// The EDC findings (with `edc.version.*` when a version is named) and what JSON-LD would drop,
/// the credential written to JSON once for the two checks that read it as JSON (copies of one
/// node, the expansion by `expand`).
fn edc_and_jsonld(
    credential: &EuropeanDigitalCredential,
    version: Option<ElmVersion>,
    expand: impl FnOnce(serde_json::Value) -> Vec<Finding>,
) -> Vec<Finding> {
    let document = crate::json::to_value(credential);
    let mut findings = edc::Walker::check(credential);
    findings.extend(nodes::check_document(&document));
    if let Some(version) = version {
        findings.extend(version::check(credential, version));
    }
    findings.extend(expand(document));
    findings
}

/// The findings of the format check that read a credential as JSON: repeated node identifiers
/// and what JSON-LD would drop.
pub(crate) struct JsonFindings {
    nodes: Vec<Finding>,
    jsonld: Vec<Finding>,
}

/// [`JsonFindings`] of a credential's JSON document as it came, with the contexts of `expander`:
/// the Verifier takes them before the typed reader consumes the document, so the credential is
/// not written back to JSON for them (a third of the verification of an EC sample), and they
/// are about the file itself, which is what EDC expands. `None` when the document has no
/// `@context`: the typed credential's JSON, written with EDC's, is checked then. `in_subset`: the
/// fast JSON-LD path has covered the whole document with the contexts of `expander` already
/// (verifying a Data Integrity proof), so it expands without an error and is not walked again.
pub(crate) fn check_json_with(
    document: &serde_json::Value,
    expander: &crate::rdf::Expander,
    in_subset: bool,
) -> Option<JsonFindings> {
    document.get("@context")?;
    Some(JsonFindings {
        nodes: nodes::check_document(document),
        jsonld: if in_subset {
            Vec::new()
        } else {
            jsonld::check(document, expander)
        },
    })
}

/// [`check_edc`] (or [`check_edc_as`] when a version is named) and what JSON-LD would drop with
/// the contexts of `expander`: the Verifier's format check. `json` holds the findings of the
/// document as read ([`check_json_with`]); without them the credential is written to JSON.
pub(crate) fn check_format_with(
    credential: &EuropeanDigitalCredential,
    version: Option<ElmVersion>,
    expander: &crate::rdf::Expander,
    json: Option<JsonFindings>,
) -> Vec<Finding> {
    let Some(json) = json else {
        return edc_and_jsonld(credential, version, |document| {
            jsonld::expand(document, expander)
        });
    };
    // In the order of `edc_and_jsonld`.
    let mut findings = edc::Walker::check(credential);
    findings.extend(json.nodes);
    if let Some(version) = version {
        findings.extend(version::check(credential, version));
    }
    findings.extend(json.jsonld);
    findings
}

/// The EDC application profile's mandatory elements (codes `edc.*`; the same in ELM 3.1 and 3.2).
pub fn check_edc(credential: &EuropeanDigitalCredential) -> Vec<Finding> {
    let mut findings = edc::Walker::check(credential);
    findings.extend(nodes::check(credential));
    findings
}

/// [`check_edc`] for a credential read as `version`, with the `edc.version.*` findings.
pub fn check_edc_as(credential: &EuropeanDigitalCredential, version: ElmVersion) -> Vec<Finding> {
    let mut findings = check_edc(credential);
    findings.extend(version::check(credential, version));
    findings
}

/// The elements of Annex I of Council Recommendation 2022/C 243/02 (codes `mc.*`).
pub fn check_micro_credential(credential: &EuropeanDigitalCredential) -> Vec<Finding> {
    annex::check(credential)
}

/// Like [`check`], for a credential EDC has yet to seal: what EDC fills in when sealing is
/// reported as [`Severity::Info`].
pub fn check_before_sealing(credential: &EuropeanDigitalCredential) -> Vec<Finding> {
    filled_when_sealing(check(credential))
}

/// `findings` with what EDC fills in when sealing lowered to [`Severity::Info`].
fn filled_when_sealing(mut findings: Vec<Finding>) -> Vec<Finding> {
    for finding in &mut findings {
        if FILLED_WHEN_SEALING
            .iter()
            .any(|&(code, path)| finding.code == code && finding.path == path)
        {
            finding.severity = Severity::Info;
        }
    }
    findings
}

/// The findings for a credential as it was read: the EDC upload form is by definition unsealed
/// (EDC fills in the issuer and the issue date when it seals), so it is checked as
/// [`check_before_sealing`] does; a plain or sealed credential as [`check`] does.
///
/// ```
/// use microcred::json::{Form, Reader};
///
/// let bytes = microcred::issue::demo_credential_json();
/// let (credential, form) = Reader::new().read_any_unverified(bytes.as_bytes())?;
/// assert_eq!(form, Form::Plain);
/// assert!(!microcred::profile::has_errors(&microcred::profile::check_as_read(&credential, form)));
/// # Ok::<(), microcred::ParseError>(())
/// ```
pub fn check_as_read(credential: &EuropeanDigitalCredential, form: Form) -> Vec<Finding> {
    match form {
        Form::UploadForm => check_before_sealing(credential),
        _ => check(credential),
    }
}

/// [`check_as_read`] for a credential read as a given ELM version (as [`check_as`] adds the
/// `edc.version.*` findings to [`check`]); the upload form is still checked as unsealed.
///
/// ```
/// use microcred::json::Reader;
/// use microcred::profile::{ElmVersion, check_as_read_as};
///
/// let bytes = microcred::issue::demo_credential_json();
/// let (credential, form) = Reader::new().read_any_unverified(bytes.as_bytes())?;
/// let findings = check_as_read_as(&credential, form, ElmVersion::V3_2);
/// assert!(findings.iter().all(|f| f.severity != microcred::Severity::Error));
/// # Ok::<(), microcred::ParseError>(())
/// ```
pub fn check_as_read_as(
    credential: &EuropeanDigitalCredential,
    form: Form,
    version: ElmVersion,
) -> Vec<Finding> {
    match form {
        Form::UploadForm => filled_when_sealing(check_as(credential, version)),
        _ => check_as(credential, version),
    }
}

/// The findings EDC resolves when it seals: (code, path).
const FILLED_WHEN_SEALING: &[(&str, &str)] = &[
    (codes::EDC_ISSUED.code, "$.issued"),
    (codes::MC_DATE_OF_ISSUING.code, "$.issued"),
    (codes::EDC_ISSUER.code, "$.issuer"),
    (codes::EDC_EIDAS_IDENTIFIER.code, "$.issuer.eIDASIdentifier"),
    (codes::EDC_LEGAL_NAME.code, "$.issuer.legalName"),
    (codes::EDC_LOCATION.code, "$.issuer.location"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::Expander;

    /// The Verifier's format check reads the JSON findings from the document as it came; they
    /// are the findings of the credential written back to JSON, on the demo credential and on
    /// every EC sample the reader takes, with or without findings.
    #[test]
    fn json_findings_of_the_document_as_read_equal_those_of_the_credential_written() {
        let expander = Expander::new();
        let mut documents = vec![
            serde_json::from_str::<serde_json::Value>(&crate::issue::demo_credential_json())
                .expect("JSON"),
        ];
        let samples = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/upstream/elm-repo/json-ld-v3"
        );
        match std::fs::read_dir(samples) {
            Ok(entries) => documents.extend(entries.flatten().filter_map(|entry| {
                serde_json::from_slice(&std::fs::read(entry.path()).ok()?).ok()
            })),
            Err(_) => eprintln!("skipped the EC samples: {samples} is absent"),
        }
        let expected = documents.len();
        let mut compared = 0;
        for document in documents {
            let Some(json) = check_json_with(&document, &expander, false) else {
                continue;
            };
            let Ok((credential, _)) = crate::json::Reader::new().read_value(document) else {
                continue;
            };
            for version in [None, Some(ElmVersion::V3_2)] {
                let json = JsonFindings {
                    nodes: json.nodes.clone(),
                    jsonld: json.jsonld.clone(),
                };
                assert_eq!(
                    check_format_with(&credential, version, &expander, Some(json)),
                    check_format_with(&credential, version, &expander, None)
                );
            }
            compared += 1;
        }
        // Sealed samples are JWS files, which the reader does not take as credentials.
        eprintln!("compared {compared} of {expected} documents");
        assert!(compared >= 1);
    }
}
