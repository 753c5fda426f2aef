//! Errors of the status layer: status entries, status list credentials and fetching.

/// Why a `credentialStatus` entry or a status list credential cannot be used. Each variant has a
/// stable [`code`](Self::code); messages name JSON paths and limits, never values from a
/// credential.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatusError {
    /// A `credentialStatus` entry that is not usable (not an object, a required member missing
    /// or of the wrong type, an index that is not a string of digits).
    #[error("{path}: {reason}")]
    InvalidEntry {
        /// The JSON path of the member concerned (`credentialStatus[1].statusListIndex`).
        path: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// The fetched bytes are not a status list credential of a supported kind.
    #[error("status list credential: {reason}")]
    MalformedList {
        /// What is wrong.
        reason: String,
    },
    /// `encodedList` is not base64url of GZIP data.
    #[error("status list credential: encodedList is not base64url of GZIP data: {reason}")]
    BadEncoding {
        /// What the decoder reported.
        reason: String,
    },
    /// The list credential, or its bitstring once decompressed, is larger than the limit (a
    /// GZIP bomb, or not a status list at all).
    #[error("status list larger than {limit} bytes")]
    ListTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
}

impl StatusError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            StatusError::InvalidEntry { .. } => "status.invalid_entry",
            StatusError::MalformedList { .. } => "status.malformed_list",
            StatusError::BadEncoding { .. } => "status.bad_encoding",
            StatusError::ListTooLarge { .. } => "status.list_too_large",
        }
    }
}

/// Why a status list could not be fetched. The result of the status check is then indeterminate,
/// never "not revoked".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// Fetching is not available (an offline verifier: [`NoFetcher`](super::NoFetcher)).
    #[error("status lists cannot be fetched here (offline)")]
    Offline,
    /// Nothing is known at that URL.
    #[error("no status list at {url}")]
    NotFound {
        /// The status list URL.
        url: String,
    },
    /// The fetch failed (network error, HTTP status, timeout ...).
    #[error("fetching {url} failed: {reason}")]
    Failed {
        /// The status list URL.
        url: String,
        /// What went wrong.
        reason: String,
    },
}

impl FetchError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            FetchError::Offline => "status.offline",
            FetchError::NotFound { .. } => "status.list_not_found",
            FetchError::Failed { .. } => "status.fetch_failed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        let e = StatusError::InvalidEntry {
            path: "credentialStatus.statusListIndex".into(),
            reason: "not a string of digits",
        };
        assert_eq!(e.code(), "status.invalid_entry");
        assert_eq!(
            e.to_string(),
            "credentialStatus.statusListIndex: not a string of digits"
        );
        assert_eq!(FetchError::Offline.code(), "status.offline");
        assert_eq!(
            StatusError::ListTooLarge { limit: 16 }.code(),
            "status.list_too_large"
        );
    }
}
