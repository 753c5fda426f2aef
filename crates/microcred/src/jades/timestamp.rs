//! RFC 3161 time-stamp tokens inside a JAdES seal: what they cover and when.
//!
//! A token is a CMS SignedData whose content is a TSTInfo. We read only the path to the TSTInfo's
//! message imprint and time, with `der`'s generic TLV reader: the RustCrypto `cms` crate for der
//! 0.8 exists only as a release candidate, and its full model is more than this check needs.

use std::cell::OnceCell;

use der::asn1::{AnyRef, ObjectIdentifier, OctetStringRef};
use der::{Decode, Reader, SliceReader, Tag, Tagged};
use sha2::{Digest, Sha256, Sha384, Sha512};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

/// CMS `signedData`.
const SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
/// `id-ct-TSTInfo`.
const TST_INFO: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.4");
const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");

/// What a time-stamp token says: the hash it time-stamped and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampToken {
    /// The hash algorithm of the imprint (dotted OID).
    pub hash_algorithm: String,
    /// The time-stamped hash.
    pub imprint: Vec<u8>,
    /// The time-stamping authority's time.
    pub time: OffsetDateTime,
}

impl TimestampToken {
    /// Reads a DER token. `None` when it is not a CMS SignedData carrying a TSTInfo.
    pub fn parse(der: &[u8]) -> Option<TimestampToken> {
        let content_info = AnyRef::from_der(der).ok()?;
        let [content_type, content] = items::<2>(content_info, Tag::Sequence)?;
        (content_type.decode_as::<ObjectIdentifier>().ok()? == SIGNED_DATA).then_some(())?;
        let [signed_data] = explicit::<1>(content)?;
        let signed_data_items = all_items(signed_data, Tag::Sequence)?;
        let encapsulated = *signed_data_items.get(2)?;
        let [e_content_type, e_content] = items::<2>(encapsulated, Tag::Sequence)?;
        (e_content_type.decode_as::<ObjectIdentifier>().ok()? == TST_INFO).then_some(())?;
        let [octets] = explicit::<1>(e_content)?;
        let tst_info =
            AnyRef::from_der(octets.decode_as::<&OctetStringRef>().ok()?.as_bytes()).ok()?;

        let fields = all_items(tst_info, Tag::Sequence)?;
        let [algorithm, hashed] = items::<2>(*fields.get(2)?, Tag::Sequence)?;
        let algorithm_oid = all_items(algorithm, Tag::Sequence)?
            .first()?
            .decode_as::<ObjectIdentifier>()
            .ok()?;
        let imprint = hashed
            .decode_as::<&OctetStringRef>()
            .ok()?
            .as_bytes()
            .to_vec();
        let gen_time = *fields.get(4)?;
        (gen_time.tag() == Tag::GeneralizedTime).then_some(())?;
        Some(TimestampToken {
            hash_algorithm: algorithm_oid.to_string(),
            imprint,
            time: generalized_time(gen_time.value())?,
        })
    }

    /// Whether the token time-stamps exactly `data`. An unknown hash algorithm never covers.
    pub fn covers(&self, data: &[u8]) -> bool {
        Digests::new(data).covers(self, &[])
    }
}

/// Hashes of one shared prefix (the payload), each computed once and continued for every token
/// that covers the prefix followed by more: `adoTst` covers the payload and `arcTst` the payload
/// and what follows it, so the 100 KB payload is hashed once, not once per token.
pub(crate) struct Digests<'a> {
    prefix: &'a [u8],
    sha256: OnceCell<Sha256>,
    sha384: OnceCell<Sha384>,
    sha512: OnceCell<Sha512>,
}

impl<'a> Digests<'a> {
    pub(crate) fn new(prefix: &'a [u8]) -> Self {
        Digests {
            prefix,
            sha256: OnceCell::new(),
            sha384: OnceCell::new(),
            sha512: OnceCell::new(),
        }
    }

    /// Whether `token` time-stamps the prefix followed by `rest`.
    pub(crate) fn covers(&self, token: &TimestampToken, rest: &[&[u8]]) -> bool {
        fn finish<D: Digest + Clone>(state: &D, rest: &[&[u8]]) -> Vec<u8> {
            let mut state = state.clone();
            for part in rest {
                state.update(part);
            }
            state.finalize().to_vec()
        }
        let expected = match token.hash_algorithm.parse::<ObjectIdentifier>() {
            Ok(oid) if oid == SHA256 => {
                finish(self.sha256.get_or_init(|| start(self.prefix)), rest)
            }
            Ok(oid) if oid == SHA384 => {
                finish(self.sha384.get_or_init(|| start(self.prefix)), rest)
            }
            Ok(oid) if oid == SHA512 => {
                finish(self.sha512.get_or_init(|| start(self.prefix)), rest)
            }
            _ => return false,
        };
        expected == token.imprint
    }
}

fn start<D: Digest>(prefix: &[u8]) -> D {
    let mut state = D::new();
    state.update(prefix);
    state
}

/// The TLVs inside `any`, which must carry `tag`.
fn all_items(any: AnyRef<'_>, tag: Tag) -> Option<Vec<AnyRef<'_>>> {
    (any.tag() == tag).then_some(())?;
    let mut reader = SliceReader::new(any.value()).ok()?;
    let mut out = Vec::new();
    while !reader.is_finished() {
        out.push(AnyRef::decode(&mut reader).ok()?);
    }
    Some(out)
}

/// The first `N` TLVs inside `any` (more may follow).
fn items<const N: usize>(any: AnyRef<'_>, tag: Tag) -> Option<[AnyRef<'_>; N]> {
    let all = all_items(any, tag)?;
    all.get(..N)?.try_into().ok()
}

/// The content of an `[0] EXPLICIT` wrapper.
fn explicit<const N: usize>(any: AnyRef<'_>) -> Option<[AnyRef<'_>; N]> {
    let tag = any.tag();
    (tag.is_context_specific() && tag.is_constructed() && tag.number().0 == 0).then_some(())?;
    let mut reader = SliceReader::new(any.value()).ok()?;
    let mut out = Vec::new();
    while !reader.is_finished() {
        out.push(AnyRef::decode(&mut reader).ok()?);
    }
    out.try_into().ok()
}

/// `YYYYMMDDhhmmss[.f*]Z`. TSAs often add fractions of a second, which `der`'s strict DER
/// GeneralizedTime refuses, so the digits are read here.
fn generalized_time(text: &[u8]) -> Option<OffsetDateTime> {
    let text = std::str::from_utf8(text).ok()?;
    let text = text.strip_suffix('Z')?;
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    if whole.len() != 14 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| whole[range].parse::<u32>().ok();
    let date = Date::from_calendar_date(
        i32::try_from(number(0..4)?).ok()?,
        Month::try_from(u8::try_from(number(4..6)?).ok()?).ok()?,
        u8::try_from(number(6..8)?).ok()?,
    )
    .ok()?;
    let mut nanos = 0u32;
    if let Some(fraction) = fraction {
        if fraction.is_empty()
            || fraction.len() > 9
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        nanos = fraction.parse::<u32>().ok()? * 10u32.pow(9 - fraction.len() as u32);
    }
    let time = Time::from_hms_nano(
        u8::try_from(number(8..10)?).ok()?,
        u8::try_from(number(10..12)?).ok()?,
        u8::try_from(number(12..14)?).ok()?,
        nanos,
    )
    .ok()?;
    Some(PrimitiveDateTime::new(date, time).assume_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_generalized_times_with_and_without_fractions() {
        let t = generalized_time(b"20230927115420Z").unwrap();
        assert_eq!(t.unix_timestamp(), 1_695_815_660);
        let t = generalized_time(b"20230927115420.25Z").unwrap();
        assert_eq!(t.nanosecond(), 250_000_000);
        for bad in [
            &b"20230927115420"[..],
            b"2023092711542Z",
            b"20231327115420Z",
            b"20230927115420.Z",
            b"\xff",
        ] {
            assert!(generalized_time(bad).is_none());
        }
    }

    #[test]
    fn garbage_is_not_a_token() {
        assert!(TimestampToken::parse(&[]).is_none());
        assert!(TimestampToken::parse(&[0x30, 0x03, 0x06, 0x01, 0x00]).is_none());
        assert!(TimestampToken::parse(&[0x30, 0x80]).is_none());
    }
}
