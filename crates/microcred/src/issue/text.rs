//! Small value shapes of the template: text in one or several languages, and dates TOML may
//! write bare.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

/// Text in the template's language (`"Data literacy"`) or in several languages
/// (`{ en = "Data literacy", ga = "Litearthacht sonraí" }`, keyed by ISO 639-1 code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Text {
    /// Text in the template's `language`.
    Plain(String),
    /// Text by ISO 639-1 language code.
    Translated(BTreeMap<String, String>),
}

impl Text {
    /// True when there is no non-blank text in any language.
    pub fn is_blank(&self) -> bool {
        match self {
            Text::Plain(text) => text.trim().is_empty(),
            Text::Translated(map) => map.values().all(|text| text.trim().is_empty()),
        }
    }

    /// The text in `lang`, or the plain text.
    pub fn get(&self, lang: &str) -> Option<&str> {
        match self {
            Text::Plain(text) => Some(text),
            Text::Translated(map) => map.get(lang).map(String::as_str),
        }
    }
}

/// Written by hand so that a wrong shape is reported as such, not as "did not match any variant".
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> serde::de::Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("text, or a table of texts keyed by language code")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Text, E> {
                Ok(Text::Plain(text.to_owned()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut texts = BTreeMap::new();
                while let Some((lang, text)) = map.next_entry::<String, String>()? {
                    texts.insert(lang, text);
                }
                Ok(Text::Translated(texts))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Plain(text.to_owned())
    }
}

/// A date or date-time. Written as a string in JSON; TOML may also write it bare
/// (`valid_until = 2027-06-30`), which this accepts too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct DateText(pub String);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Text(String),
            Toml(toml::value::Datetime),
        }
        match Either::deserialize(deserializer) {
            Ok(Either::Text(text)) => Ok(DateText(text)),
            Ok(Either::Toml(datetime)) => Ok(DateText(datetime.to_string())),
            Err(_) => Err(serde::de::Error::custom(
                "expected a date (YYYY-MM-DD) or a date-time",
            )),
        }
    }
}

impl From<&str> for DateText {
    fn from(text: &str) -> Self {
        DateText(text.to_owned())
    }
}
