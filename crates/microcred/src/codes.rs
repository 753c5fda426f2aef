//! The catalogue of every code the crate can produce: error codes, profile finding codes,
//! verification check codes, status and certificate-path outcomes.
//!
//! Each code is listed once, with its [`Category`], its severity (profile findings only) and a
//! one-line meaning. [`catalogue`] gives the list sorted by code, [`lookup`] one entry, and
//! [`to_json`] the list as JSON: the text of `vectors/codes.json` and of `microcred codes --json`,
//! from which the bindings generate their exception maps and code unions.
//!
//! # Categories
//!
//! A category is a family of codes, and what a binding keys its exceptions on:
//!
//! | category | codes | exception |
//! |---|---|---|
//! | `parse` | `json.*`, `xml.*`: the input cannot be read | `ParseError` |
//! | `rdf` | `rdf.*`: JSON-LD expansion, contexts, canonicalisation, graphs | `RdfError` |
//! | `profile` | `edc.*`, `mc.*` findings; `seal.refused.*` | `ProfileError` |
//! | `seal` | `seal.*` errors: JAdES seals, sealing keys and chains, time-stamps | `SealError` |
//! | `proof` | `proof.*` errors: Data Integrity proofs | `ProofError` |
//! | `certificate` | `x509.*`: certificates, keys, trusted lists, certificate paths | `CertificateError` |
//! | `status` | `status.*`: status entries and lists | `StatusError` |
//! | `issue` | `issue.*`: templates and learner records | `IssueError` |
//! | `config` | `config.*`: a verifier configuration that cannot make a verifier | `ConfigError` |
//! | `check` | codes of verification report checks (`format.ok`, `trust.untrusted_root`, ...) | `VerificationError` |
//!
//! A check that fails because of an error carries that error's code (`seal.signature_mismatch`
//! on a seal check), listed under the error's category. Codes of the `check` category are never
//! the code of an error: they describe a report.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::profile::Severity;

/// The family of a code (see the [module documentation](self)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Category {
    /// The input cannot be read: `json.*`, `xml.*`.
    Parse,
    /// JSON-LD expansion, contexts, canonicalisation, RDF graphs: `rdf.*`.
    Rdf,
    /// Profile findings (`edc.*`, `mc.*`) and refusals to seal (`seal.refused.*`).
    Profile,
    /// JAdES seals, sealing keys and chains, time-stamps: `seal.*`.
    Seal,
    /// Data Integrity proofs: `proof.*`.
    Proof,
    /// Certificates, keys, trusted lists, certificate paths: `x509.*`.
    Certificate,
    /// Status entries and status lists: `status.*`.
    Status,
    /// Issuing from templates and learner records: `issue.*`.
    Issue,
    /// A verifier configuration that cannot make a verifier: `config.*`.
    Config,
    /// Verification report checks that are not the code of an error.
    Check,
}

impl Category {
    /// Every category, in catalogue order.
    pub const ALL: [Category; 10] = [
        Category::Parse,
        Category::Rdf,
        Category::Profile,
        Category::Seal,
        Category::Proof,
        Category::Certificate,
        Category::Status,
        Category::Issue,
        Category::Config,
        Category::Check,
    ];

    /// The name, as serialised (`parse`, `certificate`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Category::Parse => "parse",
            Category::Rdf => "rdf",
            Category::Profile => "profile",
            Category::Seal => "seal",
            Category::Proof => "proof",
            Category::Certificate => "certificate",
            Category::Status => "status",
            Category::Issue => "issue",
            Category::Config => "config",
            Category::Check => "check",
        }
    }

    /// The exception class a binding raises for errors of this category (`ParseError`, ...).
    pub fn exception(self) -> &'static str {
        match self {
            Category::Parse => "ParseError",
            Category::Rdf => "RdfError",
            Category::Profile => "ProfileError",
            Category::Seal => "SealError",
            Category::Proof => "ProofError",
            Category::Certificate => "CertificateError",
            Category::Status => "StatusError",
            Category::Issue => "IssueError",
            Category::Config => "ConfigError",
            Category::Check => "VerificationError",
        }
    }

    /// What the category holds, in one line.
    pub fn meaning(self) -> &'static str {
        match self {
            Category::Parse => "the input cannot be read as a credential (json.*, xml.*)",
            Category::Rdf => "JSON-LD expansion, contexts, canonicalisation and RDF graphs (rdf.*)",
            Category::Profile => {
                "EDC profile and micro-credential findings (edc.*, mc.*) and refusals to seal (seal.refused.*)"
            }
            Category::Seal => "JAdES seals, sealing keys and chains, time-stamps (seal.*)",
            Category::Proof => "W3C Data Integrity proofs (proof.*)",
            Category::Certificate => {
                "certificates, keys, trusted lists and certificate paths (x509.*)"
            }
            Category::Status => "status entries and status lists (status.*)",
            Category::Issue => "issuance from course templates and learner records (issue.*)",
            Category::Config => "a verifier configuration that cannot make a verifier (config.*)",
            Category::Check => {
                "verification report checks that are not the code of an error (format.*, trust.*, expiry.*, ...)"
            }
        }
    }

    /// The category of `code`: its catalogue entry's, or for a code not in the catalogue the
    /// category of its prefix.
    pub fn of(code: &str) -> Category {
        match lookup(code) {
            Some(info) => info.category,
            None => Category::of_prefix(code),
        }
    }

    fn of_prefix(code: &str) -> Category {
        let family = code.split('.').next().unwrap_or_default();
        match family {
            "json" | "xml" => Category::Parse,
            "rdf" => Category::Rdf,
            "edc" | "mc" => Category::Profile,
            "seal" if code.starts_with("seal.refused.") => Category::Profile,
            "seal" => Category::Seal,
            "proof" => Category::Proof,
            "x509" => Category::Certificate,
            "status" => Category::Status,
            "issue" => Category::Issue,
            "config" => Category::Config,
            _ => Category::Check,
        }
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

/// One code of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CodeInfo {
    /// The code (`seal.signature_mismatch`).
    pub code: &'static str,
    /// Its family.
    pub category: Category,
    /// The default severity, for profile findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// What it means, in one line.
    pub meaning: &'static str,
}

/// Error codes (and the outcome codes of status checks and certificate paths), with their
/// meanings. Profile and verification codes come from their own tables
/// ([`crate::profile::CODES`], [`crate::verify::CODES`]).
const ERRORS: &[(&str, &str)] = &[
    // json::ParseError, model::DecodeError, model::InvalidLiteral
    (
        "json.too_large",
        "the input is larger than the reader's limit",
    ),
    (
        "json.too_deep",
        "objects and arrays nest deeper than the reader's limit",
    ),
    ("json.truncated", "the input ends before the JSON text does"),
    ("json.syntax", "the input is not JSON"),
    (
        "json.legacy_xml",
        "legacy EDCI XML (before ELM 3), which is not read",
    ),
    (
        "json.xml",
        "XML given where JSON-LD is read (RDF/XML is read by xml::from_rdf_xml)",
    ),
    (
        "json.nquads",
        "N-Quads or N-Triples given where a credential is read, which is not read",
    ),
    ("json.missing_context", "the credential has no @context"),
    (
        "json.foreign_context",
        "a context that is not bundled; contexts are never fetched",
    ),
    (
        "json.not_a_credential",
        "the JSON is not a European Digital Credential",
    ),
    (
        "json.sealed_input",
        "a sealed file given to a reader that does not verify",
    ),
    (
        "json.wrong_type",
        "a value has the wrong JSON type for the model",
    ),
    (
        "json.unexpected_class",
        "an object's type names a class that cannot stand there",
    ),
    ("json.too_many", "several values where the model holds one"),
    (
        "json.invalid_value",
        "a string that is not a valid value of its datatype (a date, a duration)",
    ),
    // xml::XmlError
    (
        "xml.too_large",
        "the RDF/XML document is larger than the reader's limit",
    ),
    (
        "xml.too_deep",
        "XML elements nest deeper than the reader's limit",
    ),
    (
        "xml.dtd_forbidden",
        "a DTD or entity declaration, refused before parsing",
    ),
    ("xml.encoding", "the document is not UTF-8"),
    ("xml.syntax", "not well-formed XML"),
    ("xml.not_rdf", "well-formed XML whose root is not rdf:RDF"),
    (
        "xml.invalid_rdf",
        "XML under rdf:RDF that breaks the RDF/XML grammar",
    ),
    (
        "xml.unrepresentable",
        "a dataset the writer cannot express in RDF/XML",
    ),
    (
        "xml.named_graphs",
        "a dataset with named graphs, which RDF/XML cannot hold",
    ),
    // rdf::RdfError
    (
        "rdf.unknown_context",
        "a context that is not registered; nothing is fetched",
    ),
    (
        "rdf.invalid_context",
        "a context document that cannot be used",
    ),
    (
        "rdf.context_file",
        "a context file or contexts index that cannot be read",
    ),
    (
        "rdf.undefined_term",
        "safe mode: a key the active contexts do not define",
    ),
    (
        "rdf.dropped_value",
        "safe mode: a value JSON-LD would silently drop",
    ),
    (
        "rdf.too_deep",
        "the document nests deeper than the JSON-LD expander allows",
    ),
    ("rdf.invalid_jsonld", "the document is not valid JSON-LD"),
    (
        "rdf.needs_full_processor",
        "the document is outside the fast JSON-LD path and this build has no full JSON-LD processor (the npm package loads it with loadFullProcessor())",
    ),
    ("rdf.canon_limit", "RDFC-1.0 stopped at a work limit"),
    (
        "rdf.canon_unsupported",
        "RDFC-1.0 is not defined for this dataset",
    ),
    // rdf::GraphError
    (
        "rdf.graph.no_credential",
        "no node of the default graph is a European Digital Credential",
    ),
    (
        "rdf.graph.several_credentials",
        "several nodes of the default graph are credentials",
    ),
    (
        "rdf.graph.invalid_literal",
        "a literal that does not fit its property",
    ),
    (
        "rdf.graph.unexpected_node",
        "a node where the property takes a literal",
    ),
    ("rdf.graph.unsupported", "a term the JSON form cannot carry"),
    (
        "rdf.graph.unrepresentable_iri",
        "an IRI JSON-LD would read back as a compact IRI",
    ),
    (
        "rdf.graph.unreachable",
        "triples the walk from the credential never reaches",
    ),
    (
        "rdf.graph.too_deep",
        "graph nodes nest deeper than the limit",
    ),
    (
        "rdf.graph.too_large",
        "embedding the graph takes more nodes than the limit",
    ),
    (
        "rdf.graph.model",
        "the graph's JSON form does not fit the model (the source says where)",
    ),
    // jades::JadesError
    (
        "seal.malformed_envelope",
        "not a JWS JSON serialization as EDC writes it",
    ),
    (
        "seal.signature_count",
        "the seal carries more or fewer signatures than one",
    ),
    (
        "seal.malformed_header",
        "the protected header is not base64url JSON of the expected shape",
    ),
    (
        "seal.duplicate_key",
        "a JSON object in the seal repeats a key",
    ),
    (
        "seal.duplicate_header",
        "a header parameter in both the protected and the unprotected header",
    ),
    ("seal.alg_none", "the seal is unsigned (alg: none)"),
    ("seal.alg_hmac", "alg is a shared-secret MAC, not a seal"),
    (
        "seal.unsupported_algorithm",
        "alg is not RS256, PS256, ES256 or EdDSA",
    ),
    (
        "seal.unknown_crit",
        "crit names a header parameter that is not processed",
    ),
    (
        "seal.b64_mismatch",
        "the payload encoding is not EDC's (b64: false, listed in crit)",
    ),
    (
        "seal.missing_sig_time",
        "the protected header has no valid sigT",
    ),
    (
        "seal.missing_certificate",
        "the protected header carries no x5c",
    ),
    (
        "seal.malformed_certificate",
        "a certificate in x5c is not valid DER X.509 (the source says why)",
    ),
    (
        "seal.thumbprint_mismatch",
        "x5t#S256 is missing or is not the hash of x5c[0]",
    ),
    ("seal.kid_mismatch", "kid is not the IssuerSerial of x5c[0]"),
    (
        "seal.key_algorithm_mismatch",
        "the certificate's key cannot verify the header's algorithm",
    ),
    (
        "seal.signature_mismatch",
        "the signature does not match the sealed content",
    ),
    (
        "seal.certificate_expired",
        "the signing certificate had expired at the signing time",
    ),
    (
        "seal.certificate_not_yet_valid",
        "the signing certificate was not yet valid at the signing time",
    ),
    (
        "seal.certificate_key_usage",
        "the signing certificate's key usage is not for signatures",
    ),
    (
        "seal.signing_time_in_future",
        "sigT is later than the current time",
    ),
    (
        "seal.invalid_chain",
        "a certificate on the path to the trust anchor is unusable",
    ),
    (
        "seal.malformed_timestamp",
        "a time-stamp token is not a valid RFC 3161 token",
    ),
    (
        "seal.timestamp_mismatch",
        "a time-stamp token does not cover this seal",
    ),
    (
        "seal.timestamp_signature",
        "a time-stamp authority's signature does not hold (the source says why)",
    ),
    (
        "seal.timestamp_authority",
        "a time-stamp's authority was not fit for time-stamping at its time",
    ),
    (
        "seal.certificate_revoked",
        "the seal certificate was revoked before the seal was made",
    ),
    (
        "seal.malformed_unsigned_property",
        "an etsiU entry is not base64url JSON",
    ),
    (
        "seal.payload_not_credential",
        "the sealed payload is not a credential (the source says why)",
    ),
    ("seal.key", "the sealing key cannot be read"),
    (
        "seal.chain",
        "the certificate chain for sealing is empty or unreadable (the source says why)",
    ),
    (
        "seal.chain_order",
        "the certificates for sealing are not in path order and cannot be sorted",
    ),
    (
        "seal.certificate_subject",
        "the seal certificate lacks a subject attribute EDC copies",
    ),
    (
        "seal.key_mismatch",
        "the key does not belong to the seal certificate",
    ),
    (
        "seal.signer",
        "an external signer or the crypto library failed",
    ),
    (
        "seal.password_missing",
        "the key or PKCS#12 file is encrypted and no password was given",
    ),
    ("seal.pkcs12", "a PKCS#12 file could not be opened"),
    (
        "seal.serialise",
        "the credential could not be serialised for sealing",
    ),
    // jades::TokenSignatureError
    (
        "seal.timestamp_unreadable",
        "a time-stamp token carries no readable signer information",
    ),
    (
        "seal.timestamp_no_certificate",
        "no certificate of a time-stamp's authority is carried",
    ),
    (
        "seal.timestamp_unsupported_algorithm",
        "a time-stamp token is signed with an algorithm not checked",
    ),
    (
        "seal.timestamp_signature_mismatch",
        "a time-stamp token's signature does not match its content",
    ),
    // proof::ProofError
    ("proof.missing", "the document has no proof"),
    ("proof.multiple", "the document carries more than one proof"),
    (
        "proof.already_signed",
        "signing a document that already has a proof",
    ),
    (
        "proof.hidden_proof",
        "a member other than proof holds a proof",
    ),
    (
        "proof.invalid_document",
        "not a document a proof can be added to or checked on",
    ),
    (
        "proof.malformed",
        "a proof member is missing or has the wrong shape",
    ),
    (
        "proof.wrong_type",
        "a proof of another type than DataIntegrityProof (indeterminate when verifying)",
    ),
    (
        "proof.wrong_cryptosuite",
        "a cryptosuite other than eddsa-rdfc-2022 (indeterminate when verifying)",
    ),
    (
        "proof.malformed_value",
        "proofValue is not a base58btc multibase Ed25519 signature",
    ),
    (
        "proof.signature_mismatch",
        "the signature does not match the document and proof options",
    ),
    (
        "proof.context_mismatch",
        "the proof's @context is not the start of the document's",
    ),
    (
        "proof.unsupported_did",
        "a verification method that is not a did:key (indeterminate when verifying)",
    ),
    (
        "proof.unsupported_key",
        "a did:key that is not an Ed25519 key (indeterminate when verifying)",
    ),
    (
        "proof.invalid_verification_method",
        "a did:key URL whose fragment does not name its key",
    ),
    (
        "proof.invalid_key",
        "Ed25519 key material that cannot be used",
    ),
    (
        "proof.purpose_not_authorized",
        "a proof purpose the did:key key is not authorised for",
    ),
    // x509::X509Error
    ("x509.malformed", "not a well-formed DER certificate or key"),
    (
        "x509.no_certificate",
        "a PEM text or trusted list holds no certificate",
    ),
    (
        "x509.unsupported_key",
        "a public key of an algorithm or curve not verified with",
    ),
    (
        "x509.unsupported_algorithm",
        "a signature algorithm not verified",
    ),
    (
        "x509.bad_signature",
        "a signature does not verify with the key",
    ),
    (
        "x509.wrong_key_type",
        "the signature scheme needs another kind of key",
    ),
    (
        "x509.bad_trusted_list",
        "an EU trusted list that cannot be read",
    ),
    (
        "x509.trusted_list_dtd",
        "a trusted list that declares a DTD",
    ),
    // x509::ChainOutcome
    (
        "x509.no_trust_anchor",
        "certificate path: no trust anchor configured",
    ),
    (
        "x509.untrusted_root",
        "certificate path: no configured anchor is reached",
    ),
    (
        "x509.not_valid_at_time",
        "certificate path: a certificate outside its validity at the time",
    ),
    (
        "x509.unsupported_critical_extension",
        "certificate path: a critical extension not processed",
    ),
    (
        "x509.not_ca",
        "certificate path: an issuing certificate that is not a CA",
    ),
    (
        "x509.no_cert_sign",
        "certificate path: an issuing certificate without keyCertSign",
    ),
    (
        "x509.path_len_exceeded",
        "certificate path: longer than a pathLenConstraint allows",
    ),
    // status::StatusError, status::FetchError, status::StatusOutcome
    (
        "status.invalid_entry",
        "a credentialStatus entry that is not usable",
    ),
    (
        "status.malformed_list",
        "not a status list credential of a supported kind",
    ),
    (
        "status.bad_encoding",
        "encodedList is not base64url of GZIP data",
    ),
    (
        "status.list_too_large",
        "a status list larger than the limit",
    ),
    (
        "status.offline",
        "status lists cannot be fetched here (offline)",
    ),
    ("status.list_not_found", "no status list at the URL"),
    ("status.fetch_failed", "fetching a status list failed"),
    (
        "status.unsupported_type",
        "a credentialStatus of a type that is not checked",
    ),
    (
        "status.list_type_mismatch",
        "the entry and the list follow different specifications",
    ),
    (
        "status.purpose_mismatch",
        "the list is not for the entry's purpose",
    ),
    (
        "status.index_out_of_range",
        "the entry's index is beyond the list",
    ),
    // issue::IssueError
    ("issue.missing_field", "a required field is absent or blank"),
    (
        "issue.invalid_field",
        "a field has a value that does not fit",
    ),
    (
        "issue.too_long",
        "a text or value is longer than issuance takes",
    ),
    (
        "issue.template_too_large",
        "the template file is larger than a template may be",
    ),
    (
        "issue.credential_too_large",
        "the template's credentials would be too large once sealed",
    ),
    (
        "issue.template_syntax",
        "the template is not valid JSON or TOML, or has an unknown key",
    ),
    (
        "issue.learner_syntax",
        "a learner record is not valid JSON or has an unknown key",
    ),
    ("issue.csv.encoding", "the learner file is not UTF-8"),
    ("issue.csv.empty", "the learner file has no learner rows"),
    (
        "issue.csv.no_header",
        "the first line names no learner record field",
    ),
    (
        "issue.csv.unknown_column",
        "a header column that names no learner record field",
    ),
    ("issue.csv.empty_column", "a header column without a name"),
    (
        "issue.csv.duplicate_column",
        "a header column that repeats an earlier one",
    ),
    (
        "issue.csv.missing_column",
        "a field every record needs has no column",
    ),
    (
        "issue.csv.field_count",
        "a row with more or fewer fields than the header",
    ),
    ("issue.csv.syntax", "the learner file cannot be read as CSV"),
    (
        "issue.csv.duplicate_learner",
        "a row for a learner an earlier row already has",
    ),
    // profile::Refusal
    (
        "seal.refused.edc_profile",
        "sealing refused: the profile check has an error EDC rejects",
    ),
    (
        "seal.refused.micro_credential",
        "sealing refused: the policy requires a complete micro-credential",
    ),
];

/// Every code the crate can produce, sorted by code.
pub fn catalogue() -> &'static [CodeInfo] {
    static CATALOGUE: OnceLock<Vec<CodeInfo>> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let mut all = std::collections::BTreeMap::new();
        let plain = |code: &'static str, category: Category, meaning: &'static str| CodeInfo {
            code,
            category,
            severity: None,
            meaning,
        };
        for &(code, meaning) in ERRORS {
            all.entry(code)
                .or_insert_with(|| plain(code, Category::of_prefix(code), meaning));
        }
        for &(code, meaning) in crate::verify::CONFIG_CODES {
            all.entry(code)
                .or_insert_with(|| plain(code, Category::Config, meaning));
        }
        for &(code, severity, meaning) in crate::profile::CODES {
            all.entry(code).or_insert(CodeInfo {
                code,
                category: Category::Profile,
                severity: Some(severity),
                meaning,
            });
        }
        // A check code that is also an error's (proof.wrong_type) keeps the error's entry.
        for &(code, meaning) in crate::verify::CODES {
            all.entry(code)
                .or_insert_with(|| plain(code, Category::Check, meaning));
        }
        all.into_values().collect()
    })
}

/// The catalogue entry of `code`.
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    let all = catalogue();
    all.binary_search_by(|info| info.code.cmp(code))
        .ok()
        .map(|i| &all[i])
}

/// The catalogue as JSON (pretty-printed, ending in a newline): `vectors/codes.json`.
pub fn to_json() -> String {
    #[derive(Serialize)]
    struct CategoryOut {
        name: &'static str,
        exception: &'static str,
        meaning: &'static str,
    }
    let categories: Vec<CategoryOut> = Category::ALL
        .iter()
        .map(|c| CategoryOut {
            name: c.name(),
            exception: c.exception(),
            meaning: c.meaning(),
        })
        .collect();
    let document = serde_json::json!({
        "description": "Every code microcred can produce: error codes, profile finding codes, verification check codes, status and certificate-path outcomes. Each has its category (what a binding keys its exceptions on), the default severity for profile findings, and a one-line meaning.",
        "generator": "cargo run -p microcred-vectors, or microcred codes --json (--check verifies the committed file)",
        "categories": categories,
        "codes": catalogue(),
    });
    // Plain strings, numbers and lists: serialising cannot fail.
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_described() {
        let all = catalogue();
        assert!(all.windows(2).all(|w| w[0].code < w[1].code));
        for info in all {
            assert!(!info.meaning.is_empty(), "{}", info.code);
            assert_eq!(lookup(info.code), Some(info));
            assert_eq!(
                info.severity.is_some(),
                info.category == Category::Profile && !info.code.starts_with("seal."),
                "{}",
                info.code
            );
        }
        assert_eq!(lookup("no.such_code"), None);
    }

    #[test]
    fn categories_follow_the_prefixes() {
        assert_eq!(Category::of("seal.signature_mismatch"), Category::Seal);
        assert_eq!(Category::of("seal.ok"), Category::Check);
        assert_eq!(Category::of("seal.refused.edc_profile"), Category::Profile);
        assert_eq!(Category::of("proof.wrong_type"), Category::Proof);
        assert_eq!(Category::of("edc.too_many.issued"), Category::Profile);
        assert_eq!(Category::of("x509.not_ca"), Category::Certificate);
        assert_eq!(Category::of("trust.ok"), Category::Check);
        for info in catalogue() {
            if info.category != Category::Check {
                assert_eq!(
                    Category::of_prefix(info.code),
                    info.category,
                    "{}",
                    info.code
                );
            }
        }
    }

    #[test]
    fn json_lists_every_code() {
        let json: serde_json::Value = serde_json::from_str(&to_json()).unwrap();
        assert_eq!(json["codes"].as_array().unwrap().len(), catalogue().len());
        assert_eq!(
            json["categories"].as_array().unwrap().len(),
            Category::ALL.len()
        );
        let too_many = &json["codes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == "edc.too_many.issued")
            .unwrap();
        assert_eq!(too_many["severity"], "error");
        assert_eq!(too_many["category"], "profile");
    }
}
