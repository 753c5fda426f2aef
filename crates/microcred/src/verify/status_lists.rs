//! Status lists in two phases, with no callback: the verifier says which lists a file needs
//! ([`Verifier::status_lists_needed`]), the caller fetches them however it can (an HTTP client,
//! a browser's `fetch()`, a cache), and verification completes with them
//! ([`Verifier::verify_with_status_lists`]).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::input::{self, Kind};
use super::run::Run;
use super::{Owner, Report, Verifier};
use crate::status::{self, FetchError, StatusFetcher, StatusLists};

/// A status list credential a file needs for its revocation checks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NeededStatusList {
    /// The status list credential's URL (`statusListCredential`).
    pub url: String,
    /// The purpose the entry reads it for (`revocation`, `suspension`, ...).
    pub purpose: String,
}

impl Verifier {
    /// The status lists verifying `bytes` would consult: for a credential, and for every
    /// credential a presentation holds; each URL and purpose once, in the order met. Reads only:
    /// no seal or proof is checked here, and a file that cannot be read needs nothing. Status
    /// entries that cannot be checked (unknown types, incomplete entries) need no list.
    ///
    /// ```
    /// use microcred::status::StatusLists;
    /// use microcred::verify::Verifier;
    ///
    /// let verifier = Verifier::new(time::macros::datetime!(2026-01-15 10:00 UTC));
    /// let credential = br#"{"type": "VerifiableCredential", "credentialStatus": {
    ///     "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
    ///     "statusListIndex": "7", "statusListCredential": "https://example.org/status/1"}}"#;
    /// let needed = verifier.status_lists_needed(credential);
    /// assert_eq!(needed[0].url, "https://example.org/status/1");
    /// // Fetch them, then:
    /// let lists = StatusLists::new(); // .with(url, bytes) for each list fetched
    /// let report = verifier.verify_with_status_lists(credential, &lists);
    /// # let _ = report;
    /// ```
    pub fn status_lists_needed(&self, bytes: &[u8]) -> Vec<NeededStatusList> {
        let mut needed = Vec::new();
        if let Ok(root) = self.reader.parse_value(bytes) {
            self.needs_of_file(&root, false, &mut needed);
        }
        needed
    }

    /// Verifies one file with status lists fetched beforehand (for the lists
    /// [`status_lists_needed`](Self::status_lists_needed) named). A list not given is asked of the
    /// verifier's own fetcher, if any; with none it is `status.offline` (indeterminate), as without
    /// the two phases. A list given that is not usable gives the codes a fetched one would.
    pub fn verify_with_status_lists(&self, bytes: &[u8], lists: &StatusLists) -> Report {
        self.run_with(bytes, None, lists)
    }

    /// [`verify_with_status_lists`](Self::verify_with_status_lists), and that the credential
    /// belongs to `owner`.
    pub fn verify_owned_by_with_status_lists(
        &self,
        bytes: &[u8],
        owner: &Owner,
        lists: &StatusLists,
    ) -> Report {
        self.run_with(bytes, Some(owner), lists)
    }

    /// [`verify_many`](Self::verify_many) with status lists fetched beforehand for all of them.
    pub fn verify_many_with_status_lists<B: AsRef<[u8]> + Sync>(
        &self,
        inputs: &[B],
        lists: &StatusLists,
    ) -> Vec<Report> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            inputs
                .par_iter()
                .map(|b| self.verify_with_status_lists(b.as_ref(), lists))
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            inputs
                .iter()
                .map(|b| self.verify_with_status_lists(b.as_ref(), lists))
                .collect()
        }
    }

    fn run_with(&self, bytes: &[u8], owner: Option<&Owner>, lists: &StatusLists) -> Report {
        let fetcher = Given {
            lists,
            otherwise: self.fetcher.as_ref(),
        };
        let run = Run {
            verifier: self,
            now: self.clock.now(),
            owner,
            fetcher: &fetcher,
        };
        run.file(bytes, false)
    }

    /// A file as [`Run::file`] reads it: a JWS envelope's payload, or the document itself.
    fn needs_of_file(&self, root: &Value, nested: bool, needed: &mut Vec<NeededStatusList>) {
        if !input::is_jws(root) {
            return self.needs_of_document(root, nested, needed);
        }
        if let Some(Value::String(payload)) = root.get("payload")
            && let Ok(document) = self.reader.parse_value(payload.as_bytes())
        {
            self.needs_of_document(&document, nested, needed);
        }
    }

    /// A document as [`Run`] classifies it: a presentation's entries (not nested), or a
    /// credential's `credentialStatus`.
    fn needs_of_document(
        &self,
        document: &Value,
        nested: bool,
        needed: &mut Vec<NeededStatusList>,
    ) {
        match input::classify(document) {
            Ok(Kind::Presentation) if !nested => {
                let entries = match document.get("verifiableCredential") {
                    Some(Value::Array(entries)) => entries.iter().collect(),
                    None | Some(Value::Null) => Vec::new(),
                    Some(one) => vec![one],
                };
                for entry in entries {
                    match entry {
                        Value::String(text) if text.trim().starts_with('{') => {
                            if let Ok(root) = self.reader.parse_value(text.as_bytes()) {
                                self.needs_of_file(&root, true, needed);
                            }
                        }
                        Value::String(_) => {}
                        other => self.needs_of_file(other, true, needed),
                    }
                }
            }
            Ok(Kind::Credential { .. }) => {
                let credential = input::credential_object(document);
                let statuses = match credential.get("credentialStatus") {
                    None | Some(Value::Null) => Vec::new(),
                    Some(Value::Array(items)) => items.iter().collect(),
                    Some(one) => vec![one],
                };
                let entries = statuses
                    .into_iter()
                    .filter_map(|value| status::entries(value).ok())
                    .flatten();
                for entry in entries {
                    if let (Some(url), Some(purpose)) = (entry.list_url(), entry.purpose()) {
                        let need = NeededStatusList {
                            url: url.to_owned(),
                            purpose: purpose.to_owned(),
                        };
                        if !needed.contains(&need) {
                            needed.push(need);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// The lists given for one run, then the verifier's own fetcher.
struct Given<'a> {
    lists: &'a StatusLists,
    otherwise: &'a dyn StatusFetcher,
}

impl StatusFetcher for Given<'_> {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        match self.lists.get(url) {
            Some(bytes) => Ok(bytes.to_vec()),
            None => self.otherwise.fetch(url),
        }
    }
}
