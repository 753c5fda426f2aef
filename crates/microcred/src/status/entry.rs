//! `credentialStatus` entries: which list to consult, at which index, for which purpose.

use serde_json::Value;

use super::StatusError;

/// One entry of a credential's `credentialStatus`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StatusEntry {
    /// `BitstringStatusListEntry` (W3C Bitstring Status List v1.0, VCDM 2.0).
    Bitstring {
        /// The entry's `id`, if any.
        id: Option<String>,
        /// `statusPurpose`: `revocation`, `suspension`, `refresh`, `message`, ...
        purpose: String,
        /// `statusListIndex`.
        index: u64,
        /// `statusListCredential`: the URL of the status list credential.
        list_url: String,
        /// `statusSize`: bits per entry (1 unless stated).
        status_size: u64,
    },
    /// `StatusList2021Entry` (W3C Status List 2021, VCDM 1.1).
    StatusList2021 {
        /// The entry's `id`, if any.
        id: Option<String>,
        /// `statusPurpose`: `revocation` or `suspension`.
        purpose: String,
        /// `statusListIndex`.
        index: u64,
        /// `statusListCredential`: the URL of the status list credential.
        list_url: String,
    },
    /// An entry of another type, which this crate cannot check. `type_name` is empty when the
    /// entry is a bare IRI (the EDC profile types `credentialStatus` as `xsd:anyURI`).
    Other {
        /// The entry's `type` (the first one when it has several).
        type_name: String,
    },
}

impl StatusEntry {
    /// The status purpose of a list entry.
    pub fn purpose(&self) -> Option<&str> {
        match self {
            StatusEntry::Bitstring { purpose, .. }
            | StatusEntry::StatusList2021 { purpose, .. } => Some(purpose),
            StatusEntry::Other { .. } => None,
        }
    }

    /// The status list credential URL of a list entry.
    pub fn list_url(&self) -> Option<&str> {
        match self {
            StatusEntry::Bitstring { list_url, .. }
            | StatusEntry::StatusList2021 { list_url, .. } => Some(list_url),
            StatusEntry::Other { .. } => None,
        }
    }
}

/// Longest `statusListIndex` accepted: u64 has 20 digits.
const MAX_INDEX_DIGITS: usize = 20;
/// Widest entry accepted (`statusSize`); the W3C spec expects small values (1 for revocation and
/// suspension, a few bits for messages).
const MAX_STATUS_SIZE: u64 = 64;

/// The entries of a `credentialStatus` value: one object, or an array of them. A bare IRI string
/// becomes [`StatusEntry::Other`] with an empty type. Entries of unknown types are returned as
/// [`StatusEntry::Other`], not refused; entries of known types must be complete.
pub fn entries(credential_status: &Value) -> Result<Vec<StatusEntry>, StatusError> {
    match credential_status {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| entry(item, &format!("credentialStatus[{i}]")))
            .collect(),
        single => Ok(vec![entry(single, "credentialStatus")?]),
    }
}

fn entry(value: &Value, path: &str) -> Result<StatusEntry, StatusError> {
    let invalid = |member: &str, reason: &'static str| StatusError::InvalidEntry {
        path: if member.is_empty() {
            path.to_owned()
        } else {
            format!("{path}.{member}")
        },
        reason,
    };
    let object = match value {
        Value::Object(object) => object,
        Value::String(_) => {
            return Ok(StatusEntry::Other {
                type_name: String::new(),
            });
        }
        _ => return Err(invalid("", "not an object")),
    };
    let types: Vec<&str> = match object.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        Some(_) => return Err(invalid("type", "not a string or an array of strings")),
        None => return Err(invalid("type", "missing")),
    };
    let is_bitstring = types.contains(&"BitstringStatusListEntry");
    let is_2021 = types.contains(&"StatusList2021Entry");
    if !is_bitstring && !is_2021 {
        return Ok(StatusEntry::Other {
            type_name: types.first().map(|t| (*t).to_owned()).unwrap_or_default(),
        });
    }
    let string = |member: &str| -> Result<String, StatusError> {
        match object.get(member) {
            Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
            Some(Value::String(_)) => Err(invalid(member, "empty")),
            Some(_) => Err(invalid(member, "not a string")),
            None => Err(invalid(member, "missing")),
        }
    };
    let id = match object.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        None => None,
        Some(_) => return Err(invalid("id", "not a string")),
    };
    let purpose = string("statusPurpose")?;
    let list_url = string("statusListCredential")?;
    let index = match object.get("statusListIndex") {
        Some(Value::String(s)) => digits(s).ok_or(invalid(
            "statusListIndex",
            "not a string of decimal digits that fits 64 bits",
        ))?,
        // The specs say a string; a plain JSON integer means the same and costs nothing to read.
        Some(Value::Number(n)) => n
            .as_u64()
            .ok_or(invalid("statusListIndex", "not a non-negative integer"))?,
        Some(_) => return Err(invalid("statusListIndex", "not a string of digits")),
        None => return Err(invalid("statusListIndex", "missing")),
    };
    if is_2021 {
        return Ok(StatusEntry::StatusList2021 {
            id,
            purpose,
            index,
            list_url,
        });
    }
    let status_size = match object.get("statusSize") {
        None => 1,
        Some(v) => v
            .as_u64()
            .filter(|size| (1..=MAX_STATUS_SIZE).contains(size))
            .ok_or(invalid("statusSize", "not an integer from 1 to 64"))?,
    };
    Ok(StatusEntry::Bitstring {
        id,
        purpose,
        index,
        list_url,
        status_size,
    })
}

fn digits(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > MAX_INDEX_DIGITS || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_digits() {
        assert_eq!(digits("0"), Some(0));
        assert_eq!(digits("0042"), Some(42));
        assert_eq!(digits("18446744073709551615"), Some(u64::MAX));
        for bad in [
            "",
            "-1",
            "+1",
            "1.5",
            " 1",
            "1e3",
            "18446744073709551616",
            "١",
        ] {
            assert_eq!(digits(bad), None, "{bad}");
        }
    }
}
