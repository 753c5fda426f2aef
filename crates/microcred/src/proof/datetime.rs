//! `xsd:dateTime` as Data Integrity writes and reads it (`created`, `expires`).

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// `at` in UTC to the second, `2023-02-24T23:36:38Z` (how Digital Bazaar writes `created`), or
/// `None` outside years 0–9999 (which `xsd:dateTime` writes differently).
pub(crate) fn format(at: OffsetDateTime) -> Option<String> {
    let at = at.to_offset(UtcOffset::UTC);
    if !(0..=9999).contains(&at.year()) {
        return None;
    }
    at.format(format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
    ))
    .ok()
}

/// An `xsd:dateTime`: RFC 3339 (with an offset), or without a timezone, read as UTC.
pub(crate) fn parse(text: &str) -> Option<OffsetDateTime> {
    if let Ok(at) = OffsetDateTime::parse(text, &Rfc3339) {
        return Some(at);
    }
    PrimitiveDateTime::parse(
        text,
        format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
        ),
    )
    .ok()
    .map(PrimitiveDateTime::assume_utc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn formats_in_utc_to_the_second() {
        assert_eq!(
            format(datetime!(2023-02-25 00:36:38.75 +01:00)).as_deref(),
            Some("2023-02-24T23:36:38Z")
        );
        assert_eq!(format(datetime!(-0001-01-01 0:00 UTC)), None);
    }

    #[test]
    fn parses_xsd_date_times() {
        let expected = datetime!(2023-02-24 23:36:38 UTC);
        assert_eq!(parse("2023-02-24T23:36:38Z"), Some(expected));
        assert_eq!(parse("2023-02-25T00:36:38+01:00"), Some(expected));
        assert_eq!(parse("2023-02-24T23:36:38"), Some(expected));
        assert_eq!(
            parse("2023-02-24T23:36:38.5"),
            Some(datetime!(2023-02-24 23:36:38.5 UTC))
        );
        for bad in ["2023-02-24", "yesterday", "2023-02-30T00:00:00Z", ""] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
