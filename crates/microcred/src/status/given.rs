//! Status lists the caller fetched beforehand, by URL: the second phase of verification without a
//! callback (see [`Verifier::status_lists_needed`](crate::verify::Verifier::status_lists_needed)).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{FetchError, StatusFetcher};
use crate::bytes::Bytes;

/// Status list credentials given by URL: the bytes as fetched (JSON), for one verification
/// ([`Verifier::verify_with_status_lists`](crate::verify::Verifier::verify_with_status_lists)) or
/// in a [`VerifierConfig`](crate::verify::VerifierConfig).
///
/// A URL that is not given is answered as the offline [`NoFetcher`](super::NoFetcher) answers it
/// ([`FetchError::Offline`], `status.offline`): the status check is then indeterminate. Bytes that
/// are not a usable status list give the codes a fetched list would give.
///
/// In JSON: an object from URL to the bytes in base64.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StatusLists {
    lists: BTreeMap<String, Bytes>,
}

impl StatusLists {
    /// No lists.
    pub fn new() -> Self {
        Self::default()
    }

    /// Gives `bytes` for `url` (replacing what was there).
    pub fn insert(&mut self, url: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.lists.insert(url.into(), Bytes(bytes.into()));
    }

    /// [`insert`](Self::insert), builder style.
    pub fn with(mut self, url: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        self.insert(url, bytes);
        self
    }

    /// The bytes given for `url`.
    pub fn get(&self, url: &str) -> Option<&[u8]> {
        self.lists.get(url).map(|b| b.0.as_slice())
    }

    /// The URLs given, in order.
    pub fn urls(&self) -> impl Iterator<Item = &str> {
        self.lists.keys().map(String::as_str)
    }

    /// The number of lists given.
    pub fn len(&self) -> usize {
        self.lists.len()
    }

    /// Whether no list is given.
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }
}

impl<U: Into<String>, B: Into<Vec<u8>>> FromIterator<(U, B)> for StatusLists {
    fn from_iter<I: IntoIterator<Item = (U, B)>>(iter: I) -> Self {
        let mut lists = StatusLists::new();
        for (url, bytes) in iter {
            lists.insert(url, bytes);
        }
        lists
    }
}

impl StatusFetcher for StatusLists {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        self.get(url).map(<[u8]>::to_vec).ok_or(FetchError::Offline)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_not_given_is_offline() {
        let lists = StatusLists::new().with("https://example.org/1", b"{}".to_vec());
        assert_eq!(
            lists.fetch("https://example.org/1").ok(),
            Some(b"{}".to_vec())
        );
        assert_eq!(
            lists.fetch("https://example.org/2"),
            Err(FetchError::Offline)
        );
        let json = serde_json::to_string(&lists).unwrap_or_default();
        assert_eq!(json, r#"{"https://example.org/1":"e30="}"#);
        let back: StatusLists = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, lists);
    }
}
