//! BCP 47 language tags for sophia, with the API of `sophia_bcp47` 0.10.0, checked by `langtag`
//! (a parser of the RFC 5646 grammar) rather than a regular expression: see Cargo.toml for why.
//!
//! Tags compare, order and hash without regard to ASCII case, as BCP 47 asks.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

/// Whether `tag` is a well-formed BCP 47 language tag (RFC 5646: a language tag, a private-use
/// tag or a grandfathered one). Registry membership of the subtags is not checked.
pub fn is_valid(tag: &str) -> bool {
    langtag::LanguageTag::parse(tag).is_ok()
}

/// A BCP 47 language tag over any string holder.
#[derive(Clone, Copy, Debug)]
pub struct LanguageTag<T: Borrow<str>>(T);

impl<T: Borrow<str>> LanguageTag<T> {
    /// `tag` as a language tag; an error when it is not well-formed BCP 47.
    pub fn new(tag: T) -> Result<Self, InvalidLanguageTag> {
        if is_valid(tag.borrow()) {
            Ok(LanguageTag(tag))
        } else {
            Err(InvalidLanguageTag(tag.borrow().to_owned()))
        }
    }

    /// `tag` as a language tag, trusted to be well-formed (checked in debug builds only).
    pub fn new_unchecked(tag: T) -> Self {
        debug_assert!(is_valid(tag.borrow()), "not a BCP 47 language tag");
        LanguageTag(tag)
    }

    /// The string holder.
    pub fn unwrap(self) -> T {
        self.0
    }

    /// The tag as text.
    pub fn as_str(&self) -> &str {
        self.0.borrow()
    }

    /// A borrowing copy.
    pub fn as_ref(&self) -> LanguageTag<&str> {
        LanguageTag(self.0.borrow())
    }

    /// The tag over another holder made by `f`, trusted to hold the same text.
    pub fn map_unchecked<F, U>(self, f: F) -> LanguageTag<U>
    where
        F: FnOnce(T) -> U,
        U: Borrow<str>,
    {
        LanguageTag(f(self.0))
    }
}

impl LanguageTag<&'static str> {
    /// A constant tag, trusted to be well-formed.
    pub const fn new_unchecked_const(tag: &'static str) -> Self {
        LanguageTag(tag)
    }
}

impl<T: Borrow<str>> std::ops::Deref for LanguageTag<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Borrow<str>> AsRef<T> for LanguageTag<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}

impl<T: Borrow<str>> AsRef<str> for LanguageTag<T> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl<T: Borrow<str>> Borrow<T> for LanguageTag<T> {
    fn borrow(&self) -> &T {
        &self.0
    }
}

impl<T: Borrow<str>> Borrow<str> for LanguageTag<T> {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

/// The tag's characters, ASCII-lowercased: what comparing, ordering and hashing look at.
fn folded(tag: &str) -> impl Iterator<Item = char> + '_ {
    tag.chars().map(|c| c.to_ascii_lowercase())
}

impl<T: Borrow<str>, U: Borrow<str>> PartialEq<LanguageTag<T>> for LanguageTag<U> {
    fn eq(&self, other: &LanguageTag<T>) -> bool {
        self.as_str().eq_ignore_ascii_case(other.as_str())
    }
}

impl<T: Borrow<str>> PartialEq<str> for LanguageTag<T> {
    fn eq(&self, other: &str) -> bool {
        self.as_str().eq_ignore_ascii_case(other)
    }
}

impl<T: Borrow<str>> Eq for LanguageTag<T> {}

impl<T: Borrow<str>> PartialOrd for LanguageTag<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T: Borrow<str>> PartialOrd<str> for LanguageTag<T> {
    fn partial_cmp(&self, other: &str) -> Option<Ordering> {
        Some(folded(self.as_str()).cmp(folded(other)))
    }
}

impl<T: Borrow<str>> Ord for LanguageTag<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        folded(self.as_str()).cmp(folded(other.as_str()))
    }
}

impl<T: Borrow<str>> Hash for LanguageTag<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        folded(self.as_str()).for_each(|c| c.hash(state));
    }
}

impl<T: Borrow<str>> std::fmt::Display for LanguageTag<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `"chat" * fr`: a string with its language.
impl<'a> std::ops::Mul<LanguageTag<&'a str>> for &'a str {
    type Output = I18nString<&'a str>;

    fn mul(self, language: LanguageTag<&'a str>) -> I18nString<&'a str> {
        I18nString::new(self, language)
    }
}

/// A text that is not a well-formed BCP 47 language tag.
#[derive(Debug, thiserror::Error)]
#[error("The given language tag '{0}' does not comply with BCP47")]
pub struct InvalidLanguageTag(pub String);

/// A text with its language.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct I18nString<T: Borrow<str>> {
    /// The text.
    pub value: T,
    /// Its language.
    pub language: LanguageTag<T>,
}

impl<T: Borrow<str>> I18nString<T> {
    /// A text with its language.
    pub fn new(value: T, language: LanguageTag<T>) -> Self {
        I18nString { value, language }
    }

    /// A borrowing copy.
    pub fn as_ref(&self) -> I18nString<&str> {
        I18nString::new(self.value.borrow(), self.language.as_ref())
    }

    /// The same text and tag over another holder made by `f`.
    pub fn map_unchecked<F, U>(self, mut f: F) -> I18nString<U>
    where
        F: FnMut(T) -> U,
        U: Borrow<str>,
    {
        let value = f(self.value);
        I18nString {
            value,
            language: self.language.map_unchecked(f),
        }
    }
}

impl<T: Borrow<str>> std::fmt::Display for I18nString<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} [{}]", self.value.borrow(), self.language)
    }
}

#[cfg(feature = "serde")]
mod serde_impl {
    use std::borrow::Borrow;

    use serde::de::{Error, Unexpected};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::LanguageTag;

    impl<'de, T: Borrow<str> + Deserialize<'de>> Deserialize<'de> for LanguageTag<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            LanguageTag::new(T::deserialize(deserializer)?).map_err(|e| {
                D::Error::invalid_value(Unexpected::Str(&e.0), &"a BCP 47 language tag")
            })
        }
    }

    impl<T: Borrow<str>> Serialize for LanguageTag<T> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_tags() {
        for tag in [
            "en",
            "fr-BE",
            "de-CH-1996",
            "zh-Hant-TW",
            "sr-Latn-RS",
            "es-419",
            "en-GB-oed",
            "i-klingon",
            "x-private",
            "en-a-bbb-x-a-ccc",
            "EN-gb",
            "mt",
            "ga",
        ] {
            assert!(LanguageTag::new(tag).is_ok(), "{tag}");
        }
    }

    #[test]
    fn malformed_tags() {
        for tag in [
            "",
            "-",
            "en-",
            "e",
            "abcdefghi",
            "en_GB",
            "en--GB",
            "fr-BE-",
            "x",
            "é",
        ] {
            let err = LanguageTag::new(tag).expect_err(tag);
            assert_eq!(err.0, tag);
            assert!(err.to_string().contains("BCP47"));
        }
    }

    #[test]
    fn case_does_not_matter() {
        let a = LanguageTag::new("en-GB").expect("tag");
        let b = LanguageTag::new("EN-gb".to_owned()).expect("tag");
        assert_eq!(a, b);
        assert!(a == *"en-gb");
        assert_eq!(
            a.cmp(&LanguageTag::new("EN-GB").expect("tag")),
            Ordering::Equal
        );
        assert!(LanguageTag::new("de").expect("tag") < LanguageTag::new("EN").expect("tag"));
        let hash = |t: &LanguageTag<&str>| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            t.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&a), hash(&b.as_ref()));
        assert_eq!(a.to_string(), "en-GB");
    }

    #[test]
    fn strings_with_a_language() {
        let s = "chat" * LanguageTag::new("fr").expect("tag");
        assert_eq!(s.to_string(), "chat [fr]");
        let owned = s.map_unchecked(str::to_owned);
        assert_eq!(owned.language.as_str(), "fr");
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_checks_the_tag() {
        let tag: LanguageTag<String> = serde_json::from_str("\"fr-BE\"").expect("tag");
        assert_eq!(serde_json::to_string(&tag).expect("json"), "\"fr-BE\"");
        assert!(serde_json::from_str::<LanguageTag<String>>("\"not a tag\"").is_err());
    }
}
