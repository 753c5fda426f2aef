//! Decoding JSON values into the typed model and writing them back in the EDC style.
//!
//! The model is decoded from a parsed `serde_json::Value` rather than with derived serde code
//! because ELM's JSON needs three things derive does not give together: a single value or an array
//! in the same slot, dispatch on `type` for the polymorphic slots (`hasClaim`), and a JSON path in
//! every error. The writer emits one canonical style: one value as itself, several as an array.

use std::fmt;

use serde::ser::{Serialize, SerializeSeq, Serializer};
use serde_json::Value;

/// A location in the document, built on the stack while decoding and rendered only for errors.
#[derive(Debug, Clone, Copy)]
pub enum JsonPath<'a> {
    /// The document itself.
    Root,
    /// A member of an object.
    Key(&'a JsonPath<'a>, &'a str),
    /// An element of an array.
    Index(&'a JsonPath<'a>, usize),
}

impl<'a> JsonPath<'a> {
    /// The path of member `key` below this one.
    pub fn key(&'a self, key: &'a str) -> JsonPath<'a> {
        JsonPath::Key(self, key)
    }

    /// The path of element `index` below this one.
    pub fn index(&'a self, index: usize) -> JsonPath<'a> {
        JsonPath::Index(self, index)
    }
}

impl fmt::Display for JsonPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonPath::Root => f.write_str("$"),
            JsonPath::Key(parent, key) => write!(f, "{parent}.{key}"),
            JsonPath::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// Why a JSON value does not fit the model.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The value has the wrong JSON type (an array where a string belongs, ...).
    WrongType {
        /// What the model expects there.
        expected: &'static str,
    },
    /// An object's `type` names a class that cannot stand in this slot.
    UnexpectedClass {
        /// The classes the slot accepts.
        expected: &'static str,
    },
    /// A string that is not a valid value of its datatype (a date, a duration).
    InvalidValue {
        /// What the value should be.
        expected: &'static str,
    },
}

/// A JSON value that does not fit the model, with the path where it sits.
///
/// The message names the path and what was expected, never the value: values may be personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// What is wrong.
    pub kind: DecodeErrorKind,
    /// The JSON path, such as `$.credentialSubject.hasClaim.title`.
    pub path: String,
}

impl DecodeError {
    pub(crate) fn new(kind: DecodeErrorKind, at: &JsonPath<'_>) -> Self {
        DecodeError {
            kind,
            path: at.to_string(),
        }
    }

    pub(crate) fn wrong_type(expected: &'static str, at: &JsonPath<'_>) -> Self {
        Self::new(DecodeErrorKind::WrongType { expected }, at)
    }

    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self.kind {
            DecodeErrorKind::WrongType { .. } => "json.wrong_type",
            DecodeErrorKind::UnexpectedClass { .. } => "json.unexpected_class",
            DecodeErrorKind::InvalidValue { .. } => "json.invalid_value",
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            DecodeErrorKind::WrongType { expected } => {
                write!(f, "{}: expected {expected}", self.path)
            }
            DecodeErrorKind::UnexpectedClass { expected } => {
                write!(f, "{}: `type` must be {expected}", self.path)
            }
            DecodeErrorKind::InvalidValue { expected } => {
                write!(f, "{}: not a valid {expected}", self.path)
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// A value that can be read from ELM JSON and written back in the EDC style.
pub trait Codec: Sized {
    /// Reads the value at `at`, taking it over (strings move into the model rather than being
    /// copied; most of a credential's bytes are base64 images).
    fn from_json(value: Value, at: &JsonPath<'_>) -> Result<Self, DecodeError>;

    /// Writes the value.
    fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// True when the writer leaves the property out (an empty list, `None`, an empty map).
    fn is_absent(&self) -> bool {
        false
    }
}

/// Adapts a [`Codec`] value to serde's `Serialize`.
#[derive(Debug)]
pub struct Ser<'a, T>(pub &'a T);

impl<T: Codec> Serialize for Ser<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.to_json(serializer)
    }
}

impl Codec for String {
    fn from_json(value: Value, at: &JsonPath<'_>) -> Result<Self, DecodeError> {
        match value {
            Value::String(text) => Ok(text),
            _ => Err(DecodeError::wrong_type("a string", at)),
        }
    }

    fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl Codec for bool {
    fn from_json(value: Value, at: &JsonPath<'_>) -> Result<Self, DecodeError> {
        value
            .as_bool()
            .ok_or_else(|| DecodeError::wrong_type("a boolean", at))
    }

    fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(*self)
    }
}

impl Codec for u64 {
    fn from_json(value: Value, at: &JsonPath<'_>) -> Result<Self, DecodeError> {
        value
            .as_u64()
            .ok_or_else(|| DecodeError::wrong_type("a non-negative integer", at))
    }

    fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(*self)
    }
}

impl Codec for Value {
    fn from_json(value: Value, _at: &JsonPath<'_>) -> Result<Self, DecodeError> {
        Ok(value)
    }

    fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }

    fn is_absent(&self) -> bool {
        self.is_null()
    }
}

/// `null` and a missing property both read as `None`.
impl<T: Codec> Codec for Option<T> {
    fn from_json(value: Value, at: &JsonPath<'_>) -> Result<Self, DecodeError> {
        match value {
            Value::Null => Ok(None),
            Value::Array(mut items) if items.len() == 1 => {
                T::from_json(items.swap_remove(0), &at.index(0)).map(Some)
            }
            _ => T::from_json(value, at).map(Some),
        }
    }

    fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => value.to_json(serializer),
            None => serializer.serialize_none(),
        }
    }

    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

/// A list reads a single value or an array; it writes one value as itself, several as an array.
impl<T: Codec> Codec for Vec<T> {
    fn from_json(value: Value, at: &JsonPath<'_>) -> Result<Self, DecodeError> {
        match value {
            Value::Null => Ok(Vec::new()),
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| T::from_json(item, &at.index(i)))
                .collect(),
            single => Ok(vec![T::from_json(single, at)?]),
        }
    }

    fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let [single] = self.as_slice() {
            return single.to_json(serializer);
        }
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self {
            seq.serialize_element(&Ser(item))?;
        }
        seq.end()
    }

    fn is_absent(&self) -> bool {
        self.is_empty()
    }
}

/// Reads the `type` member of an object as a list of names.
pub(crate) fn type_names<'v>(
    value: &'v Value,
    at: &JsonPath<'_>,
) -> Result<Vec<&'v str>, DecodeError> {
    match value {
        Value::String(name) => Ok(vec![name.as_str()]),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                item.as_str()
                    .ok_or_else(|| DecodeError::wrong_type("a string", &at.index(i)))
            })
            .collect(),
        _ => Err(DecodeError::wrong_type(
            "a string or an array of strings",
            at,
        )),
    }
}

/// Writes a list of type names the EDC way: one name as a string, several as an array.
pub(crate) struct TypeNames<'a>(pub &'a [&'a str]);

impl Serialize for TypeNames<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            [single] => serializer.serialize_str(single),
            many => many.serialize(serializer),
        }
    }
}

/// A class of the ELM model: its JSON `type` and the JSON keys of its fields.
pub trait Class {
    /// The `type` names an instance carries (the credential carries two).
    const TYPES: &'static [&'static str];
    /// Other class names accepted in the same slot (`Qualification` for a specification).
    const ALSO: &'static [&'static str];
    /// The JSON keys of the typed fields, in the order the writer emits them.
    const KEYS: &'static [&'static str];
}

/// Checks an object's `type` against a class; returns the names to keep when they are not the
/// class's own (extra names, or a subclass from [`Class::ALSO`]).
pub(crate) fn check_type<C: Class>(
    value: &Value,
    at: &JsonPath<'_>,
    expected: &'static str,
) -> Result<Vec<String>, DecodeError> {
    let names = type_names(value, at)?;
    if names == C::TYPES {
        return Ok(Vec::new());
    }
    let own = C::TYPES.iter().all(|t| names.contains(t));
    let sub = C::ALSO.iter().any(|t| names.contains(t));
    if own || sub {
        Ok(names.into_iter().map(str::to_owned).collect())
    } else {
        Err(DecodeError::new(
            DecodeErrorKind::UnexpectedClass { expected },
            at,
        ))
    }
}

/// Declares a model class: the struct, its [`Class`] facts, its [`Codec`] and serde impls.
///
/// Every field is optional at this level (missing mandatory elements are the profile check's
/// business, not the decoder's); `id`, `types` and `extra` are added to each class.
macro_rules! elm_class {
    (
        $(#[$meta:meta])*
        pub struct $name:ident as [$($ty:literal),+] $(also [$($also:literal),+])? {
            $( $(#[$fmeta:meta])* pub $field:ident : $fty:ty = $key:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            /// The node identifier (`urn:epass:...`, an IRI, ...).
            pub id: Option<String>,
            $( $(#[$fmeta])* pub $field: $fty, )*
            /// The `type` names as read, when they differ from the class's own; empty means the
            /// class's own.
            pub types: Vec<String>,
            /// Properties the model does not know, kept so that a round trip loses nothing.
            pub extra: $crate::model::Extra,
        }

        impl $crate::model::Class for $name {
            const TYPES: &'static [&'static str] = &[$($ty),+];
            const ALSO: &'static [&'static str] = &[$($($also),+)?];
            const KEYS: &'static [&'static str] = &[$($key),*];
        }

        impl $crate::model::Codec for $name {
            fn from_json(
                value: serde_json::Value,
                at: &$crate::model::JsonPath<'_>,
            ) -> Result<Self, $crate::model::DecodeError> {
                let serde_json::Value::Object(object) = value else {
                    return Err($crate::model::DecodeError::wrong_type(concat!("a ", $($ty, " ",)+ "object"), at));
                };
                let mut out = Self::default();
                for (key, member) in object {
                    let here = at.key(&key);
                    match key.as_str() {
                        "id" => out.id = Some(<String as $crate::model::Codec>::from_json(member, &here)?),
                        "type" => {
                            out.types = $crate::model::codec::check_type::<Self>(
                                &member,
                                &here,
                                concat!($($ty, " ",)+ $($("or ", $also, " ",)+)?),
                            )?
                        }
                        $( $key => out.$field = $crate::model::Codec::from_json(member, &here)?, )*
                        _ => {
                            out.extra.insert(key, member);
                        }
                    }
                }
                Ok(out)
            }

            fn to_json<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(None)?;
                if let Some(id) = &self.id {
                    map.serialize_entry("id", id)?;
                }
                if self.types.is_empty() {
                    map.serialize_entry("type", &$crate::model::codec::TypeNames(&[$($ty),+]))?;
                } else {
                    let names: Vec<&str> = self.types.iter().map(String::as_str).collect();
                    map.serialize_entry("type", &$crate::model::codec::TypeNames(&names))?;
                }
                $(
                    if !$crate::model::Codec::is_absent(&self.$field) {
                        map.serialize_entry($key, &$crate::model::Ser(&self.$field))?;
                    }
                )*
                for (key, member) in &self.extra {
                    map.serialize_entry(key, member)?;
                }
                map.end()
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::model::Codec::to_json(self, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                $crate::model::Codec::from_json(value, &$crate::model::JsonPath::Root)
                    .map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use elm_class;
