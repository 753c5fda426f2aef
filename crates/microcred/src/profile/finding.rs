//! What the profile check reports: one [`Finding`] per missing or invalid element.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::codes::Code;

/// How much a finding matters.
///
/// The order is the order of importance, so sorting findings puts errors first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The credential does not meet the profile: EDC refuses it, or it is not a micro-credential
    /// in the sense of Annex I.
    Error,
    /// The credential meets the profile, but an element that usually applies is missing or odd.
    Warning,
    /// An optional element is absent; worth knowing, nothing to fix.
    Info,
}

impl Severity {
    /// The lowercase name, as serialised.
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One result of the profile check.
///
/// The message says what is missing or wrong in general terms; it never quotes a value from the
/// credential, so findings can be logged and shown without leaking personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The stable code (`edc.missing.title`, `mc.missing.learning_outcomes`, ...), listed in
    /// [`CODES`](super::CODES). Borrowed when the check makes it, owned when read back from
    /// JSON; it compares with a `&str`.
    pub code: Cow<'static, str>,
    /// How much it matters.
    pub severity: Severity,
    /// The JSON path of the element concerned, in the JSON microcred writes
    /// (`$.credentialSubject.hasClaim.title`).
    pub path: String,
    /// What the code means.
    pub message: String,
    /// For `edc.unexpected_class`: the classes the place accepts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// For `edc.unexpected_class`: the class found (the node's `type` names).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
}

impl Finding {
    pub(super) fn new(code: Code, path: String) -> Self {
        Finding {
            code: Cow::Borrowed(code.code),
            severity: code.severity,
            path,
            message: code.meaning.to_owned(),
            expected: None,
            found: None,
        }
    }

    /// Adds a detail to the message: a fixed description, never a value from the credential.
    pub(super) fn with_detail(mut self, detail: &str) -> Self {
        self.message = format!("{}: {detail}", self.message);
        self
    }

    /// Adds what was expected and what was found to the finding and its message. Both are class
    /// or datatype names, never values from the credential.
    pub(super) fn with_classes(mut self, expected: &str, found: Option<&str>) -> Self {
        let expected = expected.trim();
        self.message = match found {
            Some(found) => format!("{}: expected {expected}, found {found}", self.message),
            None => format!("{}: expected {expected}", self.message),
        };
        self.expected = Some(expected.to_owned());
        self.found = found.map(str::to_owned);
        self
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} at {}: {}",
            self.severity, self.code, self.path, self.message
        )
    }
}

/// True when at least one finding is an [`Severity::Error`].
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}
