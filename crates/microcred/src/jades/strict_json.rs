//! JSON reading that refuses repeated keys.
//!
//! serde_json keeps the last of two equal keys, another JOSE library may keep the first: a header
//! such as `{"alg":"RS256","alg":"none"}` would then mean different things to the signer and the
//! verifier. RFC 7515 §4 lets a verifier reject such headers, and we do. serde_json has no switch for
//! this, so this small visitor builds a `Value` and stops at the first repeat.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Why strict reading failed.
#[derive(Debug)]
pub(crate) enum StrictError {
    /// Not JSON (or not UTF-8).
    Syntax,
    /// An object repeats this key.
    Duplicate(String),
}

/// Reads `bytes` as JSON, refusing any object that repeats a key.
pub(crate) fn parse(bytes: &[u8]) -> Result<Value, StrictError> {
    let mut duplicate = None;
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = StrictSeed {
        duplicate: &mut duplicate,
    }
    .deserialize(&mut de);
    match (value, duplicate) {
        (_, Some(key)) => Err(StrictError::Duplicate(key)),
        (Ok(value), None) if de.end().is_ok() => Ok(value),
        _ => Err(StrictError::Syntax),
    }
}

struct StrictSeed<'d> {
    duplicate: &'d mut Option<String>,
}

impl<'de> DeserializeSeed<'de> for StrictSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(StrictSeed {
            duplicate: &mut *self.duplicate,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                *self.duplicate = Some(key);
                return Err(de::Error::custom("duplicate key"));
            }
            let value = map.next_value_seed(StrictSeed {
                duplicate: &mut *self.duplicate,
            })?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ordinary_json() {
        let value = parse(br#"{"a":[1,2.5,"x",null,true,{"b":{}}]}"#).unwrap();
        assert_eq!(value["a"][5]["b"], serde_json::json!({}));
    }

    #[test]
    fn refuses_repeated_keys_at_any_depth() {
        for text in [
            r#"{"alg":"RS256","alg":"none"}"#,
            r#"{"x":[{"k":1,"k":1}]}"#,
        ] {
            match parse(text.as_bytes()) {
                Err(StrictError::Duplicate(key)) => assert!(key == "alg" || key == "k"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn refuses_trailing_data_and_bad_syntax() {
        for text in ["{} {}", "{", "", "\u{0}"] {
            assert!(
                matches!(parse(text.as_bytes()), Err(StrictError::Syntax)),
                "{text:?}"
            );
        }
    }
}
