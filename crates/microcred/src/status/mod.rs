//! Credential status (revocation and suspension lists), without network access of its own.
//!
//! A credential's `credentialStatus` names a status list credential by URL and an index in it.
//! [`entries`] reads those entries; [`check`] fetches the list through a [`StatusFetcher`] the
//! caller supplies, decodes it and reads the entry's bit. Supported: W3C Bitstring Status List
//! v1.0 (`BitstringStatusListEntry`, VCDM 2.0) and W3C Status List 2021 (`StatusList2021Entry`,
//! VCDM 1.1).
//!
//! Lists fetched beforehand are given as [`StatusLists`] (URL to bytes), which is also a fetcher:
//! the second phase of
//! [`Verifier::verify_with_status_lists`](crate::verify::Verifier::verify_with_status_lists).
//!
//! When the list cannot be had or read the outcome is [`StatusOutcome::Indeterminate`], never
//! "not revoked". [`check`] does not verify the status list credential's own proof: a caller that
//! needs that (it should) uses [`parse_list`] and verifies [`StatusList::credential`] first.
//!
//! ```
//! use microcred::status::{self, NoFetcher, StatusOutcome};
//! let status = serde_json::json!({
//!     "id": "https://example.org/status/3#94567",
//!     "type": "BitstringStatusListEntry",
//!     "statusPurpose": "revocation",
//!     "statusListIndex": "94567",
//!     "statusListCredential": "https://example.org/status/3"
//! });
//! let entries = status::entries(&status).unwrap();
//! // Offline: the verdict is "could not decide", with a code.
//! let outcome = status::check(&entries[0], &NoFetcher);
//! assert!(matches!(outcome, StatusOutcome::Indeterminate { code: "status.offline", .. }));
//! ```

mod entry;
mod error;
mod fetch;
mod given;
mod list;

pub use entry::{StatusEntry, entries};
pub use error::{FetchError, StatusError};
pub use fetch::{CachingFetcher, NoFetcher, StaticFetcher, StatusFetcher};
pub use given::StatusLists;
pub use list::{ListKind, MAX_LIST_BYTES, StatusList, parse_list};

/// The result of checking one status entry. Closed on purpose: a caller maps it onto
/// ok / failed / could-not-decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusOutcome {
    /// The entry's status is not set: for `revocation`, not revoked.
    Clear {
        /// The entry's purpose.
        purpose: String,
    },
    /// The entry's status is set (`revocation`: revoked; `suspension`: suspended; wider entries:
    /// a non-zero value).
    Set {
        /// The entry's purpose: `revocation`, `suspension`, ...
        purpose: String,
    },
    /// The status could not be decided: the list could not be fetched or read, does not match
    /// the entry (type or purpose), or does not reach the entry's index; or the entry is of a type
    /// this crate does not check. Codes: every [`FetchError`] and [`StatusError`] code, and
    /// `status.unsupported_type`, `status.list_type_mismatch`, `status.purpose_mismatch`,
    /// `status.index_out_of_range`.
    Indeterminate {
        /// The stable code.
        code: &'static str,
        /// A description for reports (names URLs and sizes, never credential data).
        detail: String,
    },
}

/// Checks one status entry against its list, fetched with `fetcher`.
pub fn check(entry: &StatusEntry, fetcher: &dyn StatusFetcher) -> StatusOutcome {
    let (kind, purpose, index, list_url, size) = match entry {
        StatusEntry::Bitstring {
            purpose,
            index,
            list_url,
            status_size,
            ..
        } => (ListKind::Bitstring, purpose, *index, list_url, *status_size),
        StatusEntry::StatusList2021 {
            purpose,
            index,
            list_url,
            ..
        } => (ListKind::StatusList2021, purpose, *index, list_url, 1),
        StatusEntry::Other { type_name } => {
            return indeterminate(
                "status.unsupported_type",
                if type_name.is_empty() {
                    "a credentialStatus given as a bare IRI cannot be checked".to_owned()
                } else {
                    format!("credentialStatus of type {type_name} cannot be checked")
                },
            );
        }
    };
    let bytes = match fetcher.fetch(list_url) {
        Ok(bytes) => bytes,
        Err(e) => return indeterminate(e.code(), e.to_string()),
    };
    let list = match parse_list(&bytes) {
        Ok(list) => list,
        Err(e) => return indeterminate(e.code(), format!("{list_url}: {e}")),
    };
    check_in(&list, kind, purpose, index, size, list_url)
}

/// Checks an entry against a list the caller already has (and has verified).
pub fn check_with_list(entry: &StatusEntry, list: &StatusList) -> StatusOutcome {
    match entry {
        StatusEntry::Bitstring {
            purpose,
            index,
            list_url,
            status_size,
            ..
        } => check_in(
            list,
            ListKind::Bitstring,
            purpose,
            *index,
            *status_size,
            list_url,
        ),
        StatusEntry::StatusList2021 {
            purpose,
            index,
            list_url,
            ..
        } => check_in(list, ListKind::StatusList2021, purpose, *index, 1, list_url),
        other => check(other, &NoFetcher),
    }
}

fn check_in(
    list: &StatusList,
    kind: ListKind,
    purpose: &str,
    index: u64,
    size: u64,
    list_url: &str,
) -> StatusOutcome {
    if list.kind != kind {
        return indeterminate(
            "status.list_type_mismatch",
            format!("{list_url}: the entry and the list follow different specifications"),
        );
    }
    if !list.purposes.iter().any(|p| p == purpose) {
        return indeterminate(
            "status.purpose_mismatch",
            format!("{list_url}: the list is not for the entry's purpose {purpose}"),
        );
    }
    match list.value(index, size) {
        Some(0) => StatusOutcome::Clear {
            purpose: purpose.to_owned(),
        },
        Some(_) => StatusOutcome::Set {
            purpose: purpose.to_owned(),
        },
        None => indeterminate(
            "status.index_out_of_range",
            format!(
                "{list_url}: entry {index} ({size} bit(s)) is beyond the list's {} bits",
                list.bit_len()
            ),
        ),
    }
}

fn indeterminate(code: &'static str, detail: String) -> StatusOutcome {
    StatusOutcome::Indeterminate { code, detail }
}
