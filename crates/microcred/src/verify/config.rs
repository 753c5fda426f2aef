//! [`VerifierConfig`]: a verifier's configuration as plain data, serialisable both ways, from
//! which [`Verifier::from_config`] builds a verifier. A JavaScript options object, a Python
//! pickle (Dask, Spark) and a JSON file all carry it.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{TrustPolicy, Verifier};
use crate::json::Limits;
use crate::rdf::{Contexts, RdfError};
use crate::status::StatusLists;
use crate::terms::ElmVersion;
use crate::x509::{Certificate, TrustAnchors, X509Error};

/// Everything a [`Verifier`] is configured with, as plain data. Serde both ways; in JSON:
///
/// ```json
/// {
///   "clock": "2026-02-01T00:00:00Z",
///   "trust_anchors": [{"pem": "-----BEGIN CERTIFICATE-----\n..."}, {"der": "MIIB..."}],
///   "trusted_lists": ["<?xml version=\"1.0\"?><TrustServiceStatusList ..."],
///   "contexts": {"https://example.org/terms/v1": {"@context": {}}},
///   "status_lists": {"https://university.example/status/1": "eyJAY29udGV4dCI6..."},
///   "trust_policy": "indeterminate",
///   "require_qualified": false,
///   "trusted_dids": ["did:key:z6Mk..."],
///   "elm_version": "3.2",
///   "limits": {"max_bytes": 16777216, "max_depth": 64}
/// }
/// ```
///
/// `clock` is required (`"now"` or an RFC 3339 date-time); every other member may be left out and
/// takes the value of [`Verifier::new`]. Unknown members are refused, so a misspelt policy is an
/// error rather than a default. Bytes (`der`, `status_lists`) are base64 in JSON, raw bytes in
/// binary serde formats. Parts that need code (a status-list fetcher, an accreditation register)
/// are not data: add them to the built verifier with the builder methods.
///
/// ```
/// use microcred::verify::{Verifier, VerifierConfig};
///
/// let config =
///     VerifierConfig::from_json(r#"{"clock": "2026-01-15T10:00:00Z", "trust_policy": "strict"}"#)?;
/// let verifier = Verifier::from_config(&config)?;
/// assert_eq!(verifier.config(), Some(&config));
/// # Ok::<(), microcred::verify::ConfigError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct VerifierConfig {
    /// The time verification happens at.
    pub clock: ClockConfig,
    /// Trust anchors for seals and time-stamps (see [`Verifier::with_trust_anchors`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trust_anchors: Vec<AnchorConfig>,
    /// EU trusted lists (ETSI TS 119 612) as XML text: their granted CA/QC services anchor every
    /// chain, their TSA/QTST services time-stamps only ([`TrustAnchors::from_trusted_list_xml`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trusted_lists: Vec<String>,
    /// JSON-LD context documents by URL, beside the bundled ones ([`Verifier::with_contexts`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub contexts: BTreeMap<String, Value>,
    /// Status list credentials by URL, fetched beforehand. With none, status lists are not
    /// fetched (`status.offline`) unless a fetcher is added to the built verifier.
    #[serde(default, skip_serializing_if = "StatusLists::is_empty")]
    pub status_lists: StatusLists,
    /// What an untrusted seal or proof means.
    #[serde(default)]
    pub trust_policy: TrustPolicy,
    /// Fail seals that are not qualified electronic seals.
    #[serde(default)]
    pub require_qualified: bool,
    /// DIDs whose Data Integrity proofs are trusted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trusted_dids: Vec<String>,
    /// The ELM version EDC credentials are read as ([`Verifier::with_elm_version`]); none reads
    /// ELM 3.1 and reports nothing version-specific.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elm_version: Option<ElmVersion>,
    /// Size and depth limits for the credential JSON.
    #[serde(default)]
    pub limits: Limits,
}

/// Where a configured verifier takes the time from. In JSON: `"now"` or an RFC 3339 date-time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum ClockConfig {
    /// The system clock, read at each verification. Not available on `wasm32-unknown-unknown`,
    /// where the standard library has no clock (`config.clock_unavailable`): give the time there.
    Now,
    /// A fixed time, as RFC 3339 text (checked by [`Verifier::from_config`]:
    /// `config.invalid_time`).
    At(String),
}

impl ClockConfig {
    /// A fixed time.
    pub fn at(time: OffsetDateTime) -> Self {
        ClockConfig::At(time.format(&Rfc3339).unwrap_or_default())
    }
}

impl From<String> for ClockConfig {
    fn from(text: String) -> Self {
        if text == "now" {
            ClockConfig::Now
        } else {
            ClockConfig::At(text)
        }
    }
}

impl From<ClockConfig> for String {
    fn from(clock: ClockConfig) -> String {
        match clock {
            ClockConfig::Now => "now".to_owned(),
            ClockConfig::At(text) => text,
        }
    }
}

/// One trust anchor source. In JSON: `{"pem": "<PEM text>"}` (every certificate in it) or
/// `{"der": "<base64 DER>"}` (one certificate).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum AnchorConfig {
    /// PEM text holding one or more certificates.
    Pem(String),
    /// One DER certificate.
    Der(#[serde(with = "der_bytes")] Vec<u8>),
}

impl fmt::Debug for AnchorConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnchorConfig::Pem(text) => write!(f, "Pem({} byte(s))", text.len()),
            AnchorConfig::Der(der) => write!(f, "Der({} byte(s))", der.len()),
        }
    }
}

/// DER bytes as [`Bytes`] (base64 in JSON).
mod der_bytes {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::bytes::Bytes;

    pub(super) fn serialize<S: Serializer>(der: &[u8], s: S) -> Result<S::Ok, S::Error> {
        Bytes(der.to_vec()).serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        Bytes::deserialize(d).map(|b| b.0)
    }
}

impl VerifierConfig {
    /// A configuration that verifies as of `time`, with everything else as [`Verifier::new`] has
    /// it.
    pub fn at(time: OffsetDateTime) -> Self {
        Self::with_clock(ClockConfig::at(time))
    }

    /// A configuration that reads the system clock at each verification (see
    /// [`ClockConfig::Now`]).
    pub fn now() -> Self {
        Self::with_clock(ClockConfig::Now)
    }

    fn with_clock(clock: ClockConfig) -> Self {
        VerifierConfig {
            clock,
            trust_anchors: Vec::new(),
            trusted_lists: Vec::new(),
            contexts: BTreeMap::new(),
            status_lists: StatusLists::new(),
            trust_policy: TrustPolicy::default(),
            require_qualified: false,
            trusted_dids: Vec::new(),
            elm_version: None,
            limits: Limits::default(),
        }
    }

    /// Reads a configuration from JSON (`config.malformed` when it is not JSON of this shape).
    pub fn from_json(json: &str) -> Result<Self, ConfigError> {
        serde_json::from_str(json).map_err(|e| ConfigError::Malformed {
            line: e.line(),
            column: e.column(),
            reason: e.to_string(),
        })
    }

    /// The configuration as JSON.
    pub fn to_json(&self) -> String {
        // Every member serialises (strings, numbers, JSON values and maps with string keys).
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Why a [`VerifierConfig`] cannot make a verifier. Each variant has a stable
/// [`code`](Self::code) and names the member concerned ([`path`](Self::path)); messages never
/// quote certificates or documents.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The configuration is not JSON, or not JSON of the configuration's shape.
    #[error("the verifier configuration cannot be read (line {line}, column {column}): {reason}")]
    Malformed {
        /// Line of the problem (1-based; 0 when not from a text).
        line: usize,
        /// Column of the problem (1-based; 0 when not from a text).
        column: usize,
        /// What the JSON reader reported (it names members, not values).
        reason: String,
    },
    /// `clock` is neither `"now"` nor an RFC 3339 date-time.
    #[error("clock: neither \"now\" nor an RFC 3339 date-time with a time zone")]
    InvalidTime,
    /// `clock` is `"now"` where the standard library has no clock (`wasm32-unknown-unknown`).
    #[error("clock: \"now\" is not available on this platform; give the time")]
    ClockUnavailable,
    /// A trust anchor is not a certificate (bad PEM or DER).
    #[error("trust_anchors[{index}]: {source}")]
    TrustAnchor {
        /// Its position in `trust_anchors`.
        index: usize,
        /// Why it cannot be read.
        #[source]
        source: X509Error,
    },
    /// A trusted list cannot be read, or grants no service.
    #[error("trusted_lists[{index}]: {source}")]
    TrustedList {
        /// Its position in `trusted_lists`.
        index: usize,
        /// Why it cannot be used.
        #[source]
        source: X509Error,
    },
    /// A context document cannot be registered (its URL is not an absolute IRI, or the document
    /// has no `@context`).
    #[error("contexts[{url}]: {source}")]
    Context {
        /// The URL it is given for.
        url: String,
        /// Why it cannot be used.
        #[source]
        source: RdfError,
    },
}

impl ConfigError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            ConfigError::Malformed { .. } => "config.malformed",
            ConfigError::InvalidTime => "config.invalid_time",
            ConfigError::ClockUnavailable => "config.clock_unavailable",
            ConfigError::TrustAnchor { .. } => "config.trust_anchor",
            ConfigError::TrustedList { .. } => "config.trusted_list",
            ConfigError::Context { .. } => "config.context",
        }
    }

    /// The JSON path of the configuration member concerned (`$.trust_anchors[1]`), when known.
    pub fn path(&self) -> Option<String> {
        match self {
            ConfigError::Malformed { .. } => None,
            ConfigError::InvalidTime | ConfigError::ClockUnavailable => Some("$.clock".to_owned()),
            ConfigError::TrustAnchor { index, .. } => Some(format!("$.trust_anchors[{index}]")),
            ConfigError::TrustedList { index, .. } => Some(format!("$.trusted_lists[{index}]")),
            ConfigError::Context { url, .. } => Some(format!(
                "$.contexts[{}]",
                serde_json::to_string(url).unwrap_or_default()
            )),
        }
    }
}

/// Every code of [`ConfigError`], with its meaning.
pub const CONFIG_CODES: &[(&str, &str)] = &[
    (
        "config.malformed",
        "the configuration is not JSON of the configuration's shape",
    ),
    (
        "config.invalid_time",
        "clock is neither \"now\" nor an RFC 3339 date-time",
    ),
    (
        "config.clock_unavailable",
        "clock is \"now\" on a platform without a clock (wasm32-unknown-unknown)",
    ),
    (
        "config.trust_anchor",
        "a trust anchor is not a PEM or DER certificate",
    ),
    (
        "config.trusted_list",
        "a trusted list cannot be read or grants no CA/QC or TSA/QTST service",
    ),
    (
        "config.context",
        "a context document cannot be registered under its URL",
    ),
];

impl Verifier {
    /// A verifier configured by `config`. Nothing is fetched: trust anchors, trusted lists,
    /// contexts and status lists are all in the configuration. The result remembers `config`
    /// ([`Verifier::config`]) until a builder method changes it.
    ///
    /// Errors: `config.invalid_time`, `config.clock_unavailable`, `config.trust_anchor`,
    /// `config.trusted_list`, `config.context` (see [`ConfigError`]).
    pub fn from_config(config: &VerifierConfig) -> Result<Verifier, ConfigError> {
        let mut verifier = match &config.clock {
            ClockConfig::Now => system_clock()?,
            ClockConfig::At(text) => Verifier::new(
                OffsetDateTime::parse(text.trim(), &Rfc3339)
                    .map_err(|_| ConfigError::InvalidTime)?,
            ),
        };
        let mut anchors = TrustAnchors::new();
        for (index, anchor) in config.trust_anchors.iter().enumerate() {
            let error = |source| ConfigError::TrustAnchor { index, source };
            match anchor {
                AnchorConfig::Pem(pem) => {
                    anchors.merge(TrustAnchors::from_pem(pem).map_err(error)?)
                }
                AnchorConfig::Der(der) => anchors.add(Certificate::from_der(der).map_err(error)?),
            }
        }
        for (index, xml) in config.trusted_lists.iter().enumerate() {
            let more = TrustAnchors::from_trusted_list_xml(xml.as_bytes())
                .map_err(|source| ConfigError::TrustedList { index, source })?;
            anchors.merge(more);
        }
        if let Some(version) = config.elm_version {
            verifier = verifier.with_elm_version(version);
        }
        if !config.contexts.is_empty() {
            let mut contexts = Contexts::new();
            for (url, document) in &config.contexts {
                contexts.register(url, document.clone()).map_err(|source| {
                    ConfigError::Context {
                        url: url.clone(),
                        source,
                    }
                })?;
            }
            verifier = verifier.with_contexts(contexts);
        }
        if !config.status_lists.is_empty() {
            verifier = verifier.with_status_fetcher(config.status_lists.clone());
        }
        let mut verifier = verifier
            .with_trust_anchors(anchors)
            .with_trust_policy(config.trust_policy)
            .require_qualified(config.require_qualified)
            .with_trusted_dids(config.trusted_dids.iter().cloned())
            .with_limits(config.limits);
        verifier.config = Some(Arc::new(config.clone()));
        Ok(verifier)
    }

    /// The configuration this verifier was built from ([`Verifier::from_config`]), for a binding
    /// to serialise it (a pickle). `None` for a verifier built with [`Verifier::new`] or changed by
    /// a builder method since, whose parts (a fetcher, a register) need not be data.
    pub fn config(&self) -> Option<&VerifierConfig> {
        self.config.as_deref()
    }
}

/// A verifier on the system clock, where there is one.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn system_clock() -> Result<Verifier, ConfigError> {
    Ok(Verifier::new(OffsetDateTime::now_utc))
}

/// `wasm32-unknown-unknown` has no clock in the standard library (reading it panics): the
/// binding gives the time.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn system_clock() -> Result<Verifier, ConfigError> {
    Err(ConfigError::ClockUnavailable)
}
