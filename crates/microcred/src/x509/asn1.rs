//! A few readers over `der`'s generic TLVs, for the structures read field by field (time-stamp
//! tokens, OCSP responses) rather than through a full typed model: the RustCrypto `cms` and
//! `x509-ocsp` crates for der 0.8 exist only as release candidates.

use der::asn1::{AnyRef, ObjectIdentifier};
use der::{Decode, Reader, SliceReader, Tag, Tagged};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

/// Every TLV in `bytes`.
pub(crate) fn tlvs(bytes: &[u8]) -> Option<Vec<AnyRef<'_>>> {
    let mut reader = SliceReader::new(bytes).ok()?;
    let mut out = Vec::new();
    while !reader.is_finished() {
        out.push(AnyRef::decode(&mut reader).ok()?);
    }
    Some(out)
}

/// The TLVs inside `any`, which must carry `tag`.
pub(crate) fn all_items(any: AnyRef<'_>, tag: Tag) -> Option<Vec<AnyRef<'_>>> {
    (any.tag() == tag).then_some(())?;
    tlvs(any.value())
}

/// The first `N` TLVs inside `any` (more may follow).
pub(crate) fn items<const N: usize>(any: AnyRef<'_>, tag: Tag) -> Option<[AnyRef<'_>; N]> {
    let all = all_items(any, tag)?;
    all.get(..N)?.try_into().ok()
}

/// The content of an `[number] EXPLICIT` wrapper holding exactly `N` TLVs.
pub(crate) fn explicit<const N: usize>(any: AnyRef<'_>, number: u32) -> Option<[AnyRef<'_>; N]> {
    is_context(any, number, true).then_some(())?;
    tlvs(any.value())?.try_into().ok()
}

/// Whether `any` is context-specific `[number]`, constructed or primitive as asked.
pub(crate) fn is_context(any: AnyRef<'_>, number: u32, constructed: bool) -> bool {
    let tag = any.tag();
    tag.is_context_specific() && tag.is_constructed() == constructed && tag.number().0 == number
}

/// The OID of an `AlgorithmIdentifier`.
pub(crate) fn first_oid(algorithm: AnyRef<'_>) -> Option<ObjectIdentifier> {
    all_items(algorithm, Tag::Sequence)?
        .first()?
        .decode_as::<ObjectIdentifier>()
        .ok()
}

/// The DER of a TLV (tag, length and value), re-encoded from its parts.
pub(crate) fn tlv_der(any: AnyRef<'_>) -> Option<Vec<u8>> {
    der::Encode::to_der(&any).ok()
}

/// A `GeneralizedTime` TLV.
pub(crate) fn generalized_time_of(any: AnyRef<'_>) -> Option<OffsetDateTime> {
    (any.tag() == Tag::GeneralizedTime).then_some(())?;
    generalized_time(any.value())
}

/// `YYYYMMDDhhmmss[.f*]Z`. Time-stamping authorities and OCSP responders often add fractions of a
/// second, which `der`'s strict DER GeneralizedTime refuses, so the digits are read here.
pub(crate) fn generalized_time(text: &[u8]) -> Option<OffsetDateTime> {
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

/// DER tag-length-value with a one-byte tag.
pub(crate) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
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
}
