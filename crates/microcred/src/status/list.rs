//! Status list credentials: the JSON, and the bitstring it carries.

use std::fmt;
use std::io::Read;

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use serde_json::Value;

use super::StatusError;

/// Largest status list credential read, and largest bitstring decompressed from one. The W3C
/// minimum list is 16 KiB; a list of 16 MiB addresses over 134 million credentials.
pub const MAX_LIST_BYTES: usize = 16 * 1024 * 1024;

/// base64url, padding optional: the specs say unpadded, some encoders pad anyway.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Which specification a status list follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ListKind {
    /// `BitstringStatusListCredential` (W3C Bitstring Status List v1.0, VCDM 2.0): `encodedList`
    /// is multibase (`u` + base64url) of GZIP data.
    Bitstring,
    /// `StatusList2021Credential` (W3C Status List 2021, VCDM 1.1): `encodedList` is base64url of
    /// GZIP data.
    StatusList2021,
}

/// A parsed status list credential.
///
/// Parsing does not verify the credential's proof or its validity period: the caller does that
/// with [`credential`](Self::credential) (a status list signed by someone else says nothing).
#[derive(Clone)]
#[non_exhaustive]
pub struct StatusList {
    /// The specification the list follows.
    pub kind: ListKind,
    /// The list credential's `id`, if any.
    pub id: Option<String>,
    /// The `statusPurpose` values of the list (one, or several for multi-purpose lists).
    pub purposes: Vec<String>,
    /// The whole list credential, for the caller to verify.
    pub credential: Value,
    bits: Vec<u8>,
}

impl fmt::Debug for StatusList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StatusList")
            .field("kind", &self.kind)
            .field("id", &self.id)
            .field("purposes", &self.purposes)
            .field("bit_len", &self.bit_len())
            .finish_non_exhaustive()
    }
}

impl StatusList {
    /// The decompressed bitstring.
    pub fn bytes(&self) -> &[u8] {
        &self.bits
    }

    /// The number of bits in the list.
    pub fn bit_len(&self) -> u64 {
        self.bits.len() as u64 * 8
    }

    /// The bit at `position`: position 0 is the most significant bit of the first byte (both
    /// specifications say so). `None` past the end.
    pub fn bit(&self, position: u64) -> Option<bool> {
        let byte = usize::try_from(position / 8).ok()?;
        let shift = 7 - (position % 8);
        self.bits.get(byte).map(|b| (b >> shift) & 1 == 1)
    }

    /// The status value of entry `index` when each entry is `size` bits wide (1 for revocation
    /// and suspension), most significant bit first. `None` when the entry does not fit in the
    /// list or `size` is 0 or over 64.
    pub fn value(&self, index: u64, size: u64) -> Option<u64> {
        if !(1..=64).contains(&size) {
            return None;
        }
        let start = index.checked_mul(size)?;
        let end = start.checked_add(size)?;
        if end > self.bit_len() {
            return None;
        }
        (start..end).try_fold(0u64, |value, position| {
            Some((value << 1) | u64::from(self.bit(position)?))
        })
    }
}

/// Reads a status list credential (JSON): its kind, purposes and decompressed bitstring.
///
/// Refuses input over [`MAX_LIST_BYTES`], and stops decompressing at that size
/// (`status.list_too_large`), so a GZIP bomb costs at most that much memory.
pub fn parse_list(bytes: &[u8]) -> Result<StatusList, StatusError> {
    if bytes.len() > MAX_LIST_BYTES {
        return Err(StatusError::ListTooLarge {
            limit: MAX_LIST_BYTES,
        });
    }
    let malformed = |reason: &str| StatusError::MalformedList {
        reason: reason.to_owned(),
    };
    let credential: Value =
        serde_json::from_slice(bytes).map_err(|e| StatusError::MalformedList {
            // Position only: serde_json's messages can quote the input.
            reason: format!("not JSON (line {}, column {})", e.line(), e.column()),
        })?;
    let types = strings(credential.get("type"));
    let (kind, subject_type) = if types.contains(&"BitstringStatusListCredential") {
        (ListKind::Bitstring, "BitstringStatusList")
    } else if types.contains(&"StatusList2021Credential") {
        (ListKind::StatusList2021, "StatusList2021")
    } else {
        return Err(malformed(
            "type names neither BitstringStatusListCredential nor StatusList2021Credential",
        ));
    };
    let subject = match credential.get("credentialSubject") {
        Some(Value::Array(items)) if items.len() == 1 => &items[0],
        Some(other) => other,
        None => return Err(malformed("no credentialSubject")),
    };
    if !strings(subject.get("type")).contains(&subject_type) {
        return Err(StatusError::MalformedList {
            reason: format!("credentialSubject.type is not {subject_type}"),
        });
    }
    let purposes: Vec<String> = strings(subject.get("statusPurpose"))
        .into_iter()
        .map(str::to_owned)
        .collect();
    if purposes.is_empty() {
        return Err(malformed("credentialSubject.statusPurpose is missing"));
    }
    let encoded = subject
        .get("encodedList")
        .and_then(Value::as_str)
        .ok_or_else(|| malformed("credentialSubject.encodedList is missing or not a string"))?;
    // Multibase `u` is base64url; GZIP data in base64 always starts `H4sI`, so a `u` in front is
    // never part of the data and both kinds can be read with or without it.
    let encoded = encoded.strip_prefix('u').unwrap_or(encoded);
    let compressed = BASE64URL
        .decode(encoded)
        .map_err(|e| StatusError::BadEncoding {
            reason: e.to_string(),
        })?;
    let bits = gunzip(&compressed)?;
    let id = credential
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_owned);
    Ok(StatusList {
        kind,
        id,
        purposes,
        credential,
        bits,
    })
}

/// A string, or the strings of an array (other members ignored).
fn strings(value: Option<&Value>) -> Vec<&str> {
    match value {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn gunzip(compressed: &[u8]) -> Result<Vec<u8>, StatusError> {
    let limit = MAX_LIST_BYTES as u64;
    let mut out = Vec::new();
    // One byte past the limit tells "exactly at the limit" from "over it".
    flate2::read::GzDecoder::new(compressed)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| StatusError::BadEncoding {
            reason: e.to_string(),
        })?;
    if out.len() as u64 > limit {
        return Err(StatusError::ListTooLarge {
            limit: MAX_LIST_BYTES,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(bits: Vec<u8>) -> StatusList {
        StatusList {
            kind: ListKind::Bitstring,
            id: None,
            purposes: vec!["revocation".into()],
            credential: Value::Null,
            bits,
        }
    }

    #[test]
    fn bit_order_is_most_significant_first() {
        let l = list(vec![0b1000_0001, 0b0100_0000]);
        assert_eq!(l.bit_len(), 16);
        assert_eq!(l.bit(0), Some(true));
        assert_eq!(l.bit(1), Some(false));
        assert_eq!(l.bit(7), Some(true));
        assert_eq!(l.bit(9), Some(true));
        assert_eq!(l.bit(16), None);
        assert_eq!(l.bit(u64::MAX), None);
        assert_eq!(l.value(0, 2), Some(0b10));
        assert_eq!(l.value(3, 2), Some(0b01));
        assert_eq!(l.value(4, 2), Some(0b01));
        assert_eq!(l.value(8, 2), None);
        assert_eq!(l.value(0, 0), None);
        assert_eq!(l.value(u64::MAX, 2), None);
    }
}
