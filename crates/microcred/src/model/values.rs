//! The literal shapes that recur across the model: language maps, dates and durations.

use std::collections::BTreeMap;
use std::fmt;

use serde::ser::{SerializeMap, Serializer};
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::codec::{Codec, DecodeError, DecodeErrorKind, JsonPath, Rejected};

/// A language map (`{"en": "Title", "fr": "Titre"}`); each language may hold several strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LangMap(pub BTreeMap<String, Vec<String>>);

impl LangMap {
    /// A map with one English string, the usual shape of EDC labels.
    pub fn en(text: impl Into<String>) -> Self {
        Self::new().with("en", text)
    }

    /// An empty map.
    pub fn new() -> Self {
        LangMap(BTreeMap::new())
    }

    /// Adds a string in `lang` and returns the map.
    pub fn with(mut self, lang: impl Into<String>, text: impl Into<String>) -> Self {
        self.insert(lang, text);
        self
    }

    /// Adds a string in `lang`.
    pub fn insert(&mut self, lang: impl Into<String>, text: impl Into<String>) {
        self.0.entry(lang.into()).or_default().push(text.into());
    }

    /// The first string in `lang`.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.0
            .get(lang)
            .and_then(|texts| texts.first())
            .map(String::as_str)
    }

    /// The first string in the first of `langs` present, else in English, else in any language.
    pub fn best(&self, langs: &[&str]) -> Option<&str> {
        langs
            .iter()
            .chain(["en"].iter())
            .find_map(|lang| self.get(lang))
            .or_else(|| self.0.values().flatten().next().map(String::as_str))
    }

    /// True when no language has a non-blank string.
    pub fn is_blank(&self) -> bool {
        self.0.values().flatten().all(|text| text.trim().is_empty())
    }

    /// True when the map has no entry.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Codec for LangMap {
    fn decode(value: Value, at: &JsonPath<'_>) -> Result<Self, Rejected> {
        let object = match value {
            Value::Object(object) => object,
            Value::Null => return Ok(LangMap::new()),
            other => {
                return Err(Rejected::new(
                    DecodeError::wrong_type("a language map", at),
                    other,
                ));
            }
        };
        // Checked before anything is taken, so that a malformed map goes back whole.
        for (lang, texts) in &object {
            let here = at.key(lang);
            let problem = match texts {
                Value::String(_) => None,
                Value::Array(items) => items
                    .iter()
                    .position(|item| !item.is_string())
                    .map(|i| DecodeError::wrong_type("a string", &here.index(i))),
                _ => Some(DecodeError::wrong_type(
                    "a string or an array of strings",
                    &here,
                )),
            };
            if let Some(error) = problem {
                return Err(Rejected::new(error, Value::Object(object)));
            }
        }
        let mut map = BTreeMap::new();
        for (lang, texts) in object {
            let texts = match texts {
                Value::String(text) => vec![text],
                Value::Array(items) => items
                    .into_iter()
                    .filter_map(|item| match item {
                        Value::String(text) => Some(text),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            map.insert(lang, texts);
        }
        Ok(LangMap(map))
    }

    fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (lang, texts) in &self.0 {
            match texts.as_slice() {
                [single] => map.serialize_entry(lang, single)?,
                many => map.serialize_entry(lang, many)?,
            }
        }
        map.end()
    }

    fn is_absent(&self) -> bool {
        self.0.is_empty()
    }
}

/// Declares a string newtype validated by `$check` when read, so a bad date is a decode error
/// with a path rather than a surprise later.
macro_rules! checked_string {
    ($(#[$meta:meta])* $name:ident, $what:literal, $check:path) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// Validates `text`.
            pub fn parse(text: &str) -> Result<Self, InvalidLiteral> {
                if $check(text) {
                    Ok($name(text.to_owned()))
                } else {
                    Err(InvalidLiteral { expected: $what })
                }
            }

            /// The lexical form, as read or written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = InvalidLiteral;
            fn from_str(text: &str) -> Result<Self, InvalidLiteral> {
                Self::parse(text)
            }
        }

        impl Codec for $name {
            fn decode(value: Value, at: &JsonPath<'_>) -> Result<Self, Rejected> {
                match value {
                    Value::String(text) if $check(&text) => Ok($name(text)),
                    Value::String(text) => Err(Rejected::new(
                        DecodeError::new(DecodeErrorKind::InvalidValue { expected: $what }, at),
                        Value::String(text),
                    )),
                    other => Err(Rejected::new(DecodeError::wrong_type($what, at), other)),
                }
            }

            fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }
    };
}

/// A literal that does not match its datatype.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid {expected}")]
pub struct InvalidLiteral {
    /// The datatype expected.
    pub expected: &'static str,
}

impl InvalidLiteral {
    /// The stable code of this error: `json.invalid_value`, as for a value read from JSON.
    pub fn code(&self) -> &'static str {
        "json.invalid_value"
    }
}

checked_string!(
    /// An `xsd:dateTime` (`2023-09-27T13:54:17+02:00`); a bare date (`1999-10-01`) is accepted too,
    /// since registrars write dates of birth that way.
    DateTime,
    "date-time",
    is_date_time
);

checked_string!(
    /// An ISO 8601 duration (`PT60H`, `P1M`), as in `volumeOfLearning` and `maximumDuration`.
    Duration,
    "duration",
    is_duration
);

impl DateTime {
    /// The instant the literal names. A bare date is midnight UTC, and a date-time without a time
    /// zone (`2025-06-30T10:00:00`, which XSD leaves unanchored) is read as UTC too, so that every
    /// date check (expiry, accreditation, issuance) applies to it rather than skipping it. `None`
    /// only for a literal that names no instant (`2025-06-30T10:00:60`, a malformed value).
    pub fn to_offset(&self) -> Option<OffsetDateTime> {
        if let Ok(t) = OffsetDateTime::parse(&self.0, &Rfc3339) {
            return Some(t);
        }
        if self.0.len() > 10 && !self.has_time_zone() {
            return OffsetDateTime::parse(&format!("{}Z", self.0), &Rfc3339).ok();
        }
        if self.0.len() == 10 {
            let date = time::Date::parse(
                &self.0,
                time::macros::format_description!("[year]-[month]-[day]"),
            )
            .ok()?;
            return Some(date.midnight().assume_utc());
        }
        None
    }

    /// Whether the literal ends in a time zone (`Z`, `+02:00`); a bare date has none.
    pub fn has_time_zone(&self) -> bool {
        self.0
            .split_once('T')
            .is_some_and(|(_, clock)| clock.ends_with(['Z', 'z']) || clock.contains(['+', '-']))
    }
}

impl From<OffsetDateTime> for DateTime {
    fn from(t: OffsetDateTime) -> Self {
        let t = t.replace_nanosecond(0).unwrap_or(t);
        // Formatting a whole-second time as RFC 3339 cannot fail for years 0..=9999.
        DateTime(t.format(&Rfc3339).unwrap_or_default())
    }
}

impl Duration {
    /// A duration of whole hours (`PT60H`).
    pub fn hours(hours: u32) -> Self {
        Duration(format!("PT{hours}H"))
    }

    /// A duration of whole months (`P6M`).
    pub fn months(months: u32) -> Self {
        Duration(format!("P{months}M"))
    }
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    matches!(parts.as_slice(), [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2))
        && time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).is_ok()
}

/// `YYYY-MM-DD` optionally followed by `Thh:mm:ss(.fraction)` and a zone (`Z` or `±hh:mm`).
fn is_date_time(s: &str) -> bool {
    let Some((date, rest)) = s.split_once('T') else {
        return is_date(s);
    };
    if !is_date(date) {
        return false;
    }
    let (clock, zone) = match rest.find(['Z', '+', '-']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let zone_ok = zone.is_empty()
        || zone == "Z"
        || (zone.len() == 6
            && digits(&zone[1..3], 2)
            && &zone[3..4] == ":"
            && digits(&zone[4..], 2));
    let (hms, fraction) = clock.split_once('.').unwrap_or((clock, "0"));
    let hms: Vec<&str> = hms.split(':').collect();
    let clock_ok = matches!(hms.as_slice(), [h, m, s] if digits(h, 2) && digits(m, 2) && digits(s, 2)
        && h < &"24" && m < &"60" && s < &"61")
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b.is_ascii_digit());
    zone_ok && clock_ok
}

/// `P` then date parts `nY nM nW nD`, optionally `T` and time parts `nH nM nS` (seconds may have a
/// fraction); at least one part.
fn is_duration(s: &str) -> bool {
    let Some(body) = s.strip_prefix('P') else {
        return false;
    };
    let (date, time) = match body.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (body, None),
    };
    fn parts(s: &str, units: &str, fraction_unit: Option<char>) -> Option<usize> {
        let mut count = 0;
        let mut number = String::new();
        let mut allowed = units;
        for c in s.chars() {
            if c.is_ascii_digit() || (c == '.' && !number.is_empty()) {
                number.push(c);
                continue;
            }
            let pos = allowed.find(c)?;
            if number.is_empty() || (number.contains('.') && Some(c) != fraction_unit) {
                return None;
            }
            allowed = &allowed[pos + 1..];
            number.clear();
            count += 1;
        }
        number.is_empty().then_some(count)
    }
    let Some(date_parts) = parts(date, "YMWD", None) else {
        return false;
    };
    match time {
        None => date_parts > 0,
        Some(t) => matches!(parts(t, "HMS", Some('S')), Some(n) if n > 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times() {
        for ok in [
            "2023-09-27T13:54:17+02:00",
            "1999-10-01T22:00:00Z",
            "2023-01-01T00:00:00",
            "2023-01-01T00:00:00.5Z",
            "1999-10-01",
        ] {
            assert!(is_date_time(ok), "{ok}");
        }
        for bad in [
            "",
            "2023-13-01",
            "2023-02-30T00:00:00Z",
            "2023-01-01T25:00:00Z",
            "2023-01-01T00:00Z",
            "yesterday",
            "2023-01-01T00:00:00+0200",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }

    #[test]
    fn a_date_time_without_a_time_zone_reads_as_utc() {
        let at = |s: &str| DateTime::parse(s).ok().and_then(|d| d.to_offset());
        assert_eq!(
            at("2999-01-01T10:00:00"),
            Some(time::macros::datetime!(2999-01-01 10:00:00 UTC))
        );
        assert_eq!(at("2999-01-01T10:00:00.25"), at("2999-01-01T10:00:00.25Z"));
        assert_eq!(
            at("2025-06-30"),
            Some(time::macros::datetime!(2025-06-30 0:00 UTC))
        );
        assert_eq!(
            at("2025-06-30T12:00:00+02:00"),
            Some(time::macros::datetime!(2025-06-30 10:00 UTC))
        );
        assert_eq!(at("2025-06-30T10:00:60"), None);
        for (text, zone) in [
            ("2025-06-30T10:00:00", false),
            ("2025-06-30", false),
            ("2025-06-30T10:00:00Z", true),
            ("2025-06-30T10:00:00-05:00", true),
        ] {
            assert_eq!(DateTime(text.to_owned()).has_time_zone(), zone, "{text}");
        }
    }

    #[test]
    fn durations() {
        for ok in ["PT60H", "P1M", "P60M", "P1Y2M3DT4H5M6.5S", "P2W"] {
            assert!(is_duration(ok), "{ok}");
        }
        for bad in ["", "P", "PT", "60H", "P1H", "PT1.5H", "P1M1Y", "PTH"] {
            assert!(!is_duration(bad), "{bad}");
        }
    }

    #[test]
    fn lang_map_reads_strings_and_arrays() {
        let v = serde_json::json!({"en": "A", "fr": ["B", "C"]});
        let m = LangMap::from_json(v.clone(), &JsonPath::Root).unwrap();
        assert_eq!(m.get("fr"), Some("B"));
        assert_eq!(m.0["fr"].len(), 2);
        assert_eq!(serde_json::to_value(super::super::Ser(&m)).unwrap(), v);
        let bad = serde_json::json!({"en": 3});
        let err = LangMap::from_json(bad, &JsonPath::Root).unwrap_err();
        assert_eq!(err.path, "$.en");
    }
}
