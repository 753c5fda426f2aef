//! Decoding JSON values into the typed model and writing them back in the EDC style.
//!
//! The model is decoded from a parsed `serde_json::Value` rather than with derived serde code
//! because ELM's JSON needs three things derive does not give together: a single value or an array
//! in the same slot, dispatch on `type` for the polymorphic slots (`hasClaim`), and a JSON path in
//! every error. The writer emits one canonical style: one value as itself, several as an array.
//!
//! Reading is tolerant: a member whose value does not fit its typed field (a node of another
//! class, several values where the model holds one, a string where a node belongs, a date that is
//! not a date) is kept as it was in the node's `extra` map, under its own key, and written back
//! unchanged. [`Node::strays`] finds those members again with the reason, which is how the
//! [profile check](crate::profile) reports them. Only the root of a document can fail to read.

use std::fmt;

use serde::ser::{Serialize, SerializeSeq, Serializer};
use serde_json::Value;

/// A location in the document, built on the stack while decoding and rendered only for errors.
#[derive(Debug, Clone, Copy)]
#[doc(hidden)]
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
        /// The `type` names the object carries, joined with `, ` (at most 120 characters).
        found: String,
    },
    /// Several values where the model (and the EDC profile) holds one.
    TooMany,
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
            DecodeErrorKind::TooMany => "json.too_many",
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
            DecodeErrorKind::UnexpectedClass { expected, found } => {
                write!(f, "{}: `type` must be {expected}, not {found}", self.path)
            }
            DecodeErrorKind::TooMany => {
                write!(f, "{}: expected one value, found several", self.path)
            }
            DecodeErrorKind::InvalidValue { expected } => {
                write!(f, "{}: not a valid {expected}", self.path)
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// A value that did not fit, handed back untouched with the reason, so the caller can keep it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    /// Why it does not fit.
    pub error: DecodeError,
    /// The value, exactly as it was read.
    pub value: Value,
}

impl Rejected {
    pub(crate) fn new(error: DecodeError, value: Value) -> Self {
        Rejected { error, value }
    }
}

/// A value that can be read from ELM JSON and written back in the EDC style.
#[doc(hidden)]
pub trait Codec: Sized {
    /// Reads the value at `at`, taking it over (strings move into the model rather than being
    /// copied; most of a credential's bytes are base64 images). A value that does not fit comes
    /// back unchanged in the [`Rejected`]; inside a node, members that do not fit are kept in the
    /// node's `extra`, so only the shape of the value itself can be rejected.
    // The model's own values (the `Ok` side) are larger than a `Rejected`, so boxing the error
    // would save nothing.
    #[allow(clippy::result_large_err)]
    fn decode(value: Value, at: &JsonPath<'_>) -> Result<Self, Rejected>;

    /// Like [`Codec::decode`], keeping only the reason when the value does not fit.
    fn from_json(value: Value, at: &JsonPath<'_>) -> Result<Self, DecodeError> {
        Self::decode(value, at).map_err(|rejected| rejected.error)
    }

    /// Writes the value.
    fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// True when the writer leaves the property out (an empty list, `None`, an empty map).
    fn is_absent(&self) -> bool {
        false
    }
}

/// Adapts a [`Codec`] value to serde's `Serialize`.
#[derive(Debug)]
#[doc(hidden)]
pub struct Ser<'a, T>(pub &'a T);

impl<T: Codec> Serialize for Ser<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.to_json(serializer)
    }
}

impl Codec for String {
    fn decode(value: Value, at: &JsonPath<'_>) -> Result<Self, Rejected> {
        match value {
            Value::String(text) => Ok(text),
            other => Err(Rejected::new(
                DecodeError::wrong_type("a string", at),
                other,
            )),
        }
    }

    fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl Codec for bool {
    fn decode(value: Value, at: &JsonPath<'_>) -> Result<Self, Rejected> {
        match value {
            Value::Bool(flag) => Ok(flag),
            other => Err(Rejected::new(
                DecodeError::wrong_type("a boolean", at),
                other,
            )),
        }
    }

    fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(*self)
    }
}

impl Codec for u64 {
    fn decode(value: Value, at: &JsonPath<'_>) -> Result<Self, Rejected> {
        match value.as_u64() {
            Some(number) => Ok(number),
            None => Err(Rejected::new(
                DecodeError::wrong_type("a non-negative integer", at),
                value,
            )),
        }
    }

    fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(*self)
    }
}

impl Codec for Value {
    fn decode(value: Value, _at: &JsonPath<'_>) -> Result<Self, Rejected> {
        Ok(value)
    }

    fn to_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }

    fn is_absent(&self) -> bool {
        self.is_null()
    }
}

/// `null` and a missing property both read as `None`; a list of one reads as its value; a list
/// of several is rejected ([`DecodeErrorKind::TooMany`]).
impl<T: Codec> Codec for Option<T> {
    fn decode(value: Value, at: &JsonPath<'_>) -> Result<Self, Rejected> {
        match value {
            Value::Null => Ok(None),
            Value::Array(mut items) if items.len() == 1 => {
                match T::decode(items.swap_remove(0), &at.index(0)) {
                    Ok(single) => Ok(Some(single)),
                    Err(rejected) => Err(Rejected::new(
                        rejected.error,
                        Value::Array(vec![rejected.value]),
                    )),
                }
            }
            Value::Array(items) if items.len() > 1 => Err(Rejected::new(
                DecodeError::new(DecodeErrorKind::TooMany, at),
                Value::Array(items),
            )),
            _ => T::decode(value, at).map(Some),
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
/// When one element does not fit, the whole list is rejected as it was (the elements read so far
/// are written back, which the model does without loss), so that its order is kept.
impl<T: Codec> Codec for Vec<T> {
    fn decode(value: Value, at: &JsonPath<'_>) -> Result<Self, Rejected> {
        match value {
            Value::Null => Ok(Vec::new()),
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                let mut rest = items.into_iter().enumerate();
                while let Some((i, item)) = rest.next() {
                    match T::decode(item, &at.index(i)) {
                        Ok(value) => out.push(value),
                        Err(rejected) => {
                            let mut raw: Vec<Value> = out.iter().map(to_value).collect();
                            raw.push(rejected.value);
                            raw.extend(rest.map(|(_, item)| item));
                            return Err(Rejected::new(rejected.error, Value::Array(raw)));
                        }
                    }
                }
                Ok(out)
            }
            single => Ok(vec![T::decode(single, at)?]),
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

/// Writes a model value back as JSON. Serialising the model cannot fail: it holds only strings,
/// numbers, booleans, maps with string keys and JSON values.
pub(crate) fn to_value<T: Codec>(value: &T) -> Value {
    serde_json::to_value(Ser(value)).unwrap_or(Value::Null)
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
#[doc(hidden)]
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
        Err(unexpected_class(expected, &names, at))
    }
}

/// The error for an object whose `type` names a class that cannot stand in its slot.
pub(crate) fn unexpected_class(
    expected: &'static str,
    names: &[&str],
    at: &JsonPath<'_>,
) -> DecodeError {
    let mut found = names.join(", ");
    if found.len() > 120 {
        let mut cut = 117;
        while !found.is_char_boundary(cut) {
            cut -= 1;
        }
        found.truncate(cut);
        found.push_str("...");
    }
    if found.is_empty() {
        found.push_str("no class");
    }
    DecodeError::new(DecodeErrorKind::UnexpectedClass { expected, found }, at)
}

// The per-field steps of the class codecs below. Each class's decoder, writer and stray finder
// make one call per field, to one of these (monomorphised per field type, not per field, and kept
// out of line): written inline, those steps were most of the model's code, about a seventh of the
// browser module (BENCHMARKS.md, "WASM size").

/// Decodes `member` into `slot`; gives the value back when it does not fit.
#[inline(never)]
pub(crate) fn take<T: Codec>(slot: &mut T, member: Value, at: &JsonPath<'_>) -> Option<Value> {
    match T::decode(member, at) {
        Ok(value) => {
            *slot = value;
            None
        }
        Err(rejected) => Some(rejected.value),
    }
}

/// Decodes `member` as a node identifier (a string: unlike an optional field, `null` or a list
/// does not fit); gives the value back when it does not fit.
#[inline(never)]
pub(crate) fn take_id(
    slot: &mut Option<String>,
    member: Value,
    at: &JsonPath<'_>,
) -> Option<Value> {
    match String::decode(member, at) {
        Ok(id) => {
            *slot = Some(id);
            None
        }
        Err(rejected) => Some(rejected.value),
    }
}

/// Writes `field` under `key` unless it is absent.
#[inline(never)]
pub(crate) fn entry<M: serde::ser::SerializeMap, T: Codec>(
    map: &mut M,
    key: &'static str,
    field: &T,
) -> Result<(), M::Error> {
    if field.is_absent() {
        Ok(())
    } else {
        map.serialize_entry(key, &Ser(field))
    }
}

/// Why `value` (a member kept in `extra`) does not decode as a `T`, if it does not.
#[inline(never)]
pub(crate) fn rejection<T: Codec>(value: &Value, at: &JsonPath<'_>) -> Option<DecodeError> {
    T::decode(value.clone(), at)
        .err()
        .map(|rejected| rejected.error)
}

/// A member a node knows by name but could not hold in its typed field, kept in `extra`.
#[derive(Debug, Clone, PartialEq)]
pub struct Stray<'a> {
    /// The JSON key.
    pub key: &'a str,
    /// The value, as read.
    pub value: &'a Value,
    /// Why it did not fit; its path is relative to the member (`$` is the member itself).
    pub error: DecodeError,
}

/// A node of the model as read: what it kept that the model does not hold typed.
pub trait Node {
    /// The properties the model does not know, and the known ones whose value did not fit.
    fn extra(&self) -> &crate::model::Extra;

    /// The members of `extra` the class knows by name, with the reason each did not fit.
    fn strays(&self) -> Vec<Stray<'_>>;
}

impl<T: Node> Node for Box<T> {
    fn extra(&self) -> &crate::model::Extra {
        (**self).extra()
    }

    fn strays(&self) -> Vec<Stray<'_>> {
        (**self).strays()
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
            fn decode(
                value: serde_json::Value,
                at: &$crate::model::JsonPath<'_>,
            ) -> Result<Self, $crate::model::Rejected> {
                let object = match value {
                    serde_json::Value::Object(object) => object,
                    other => {
                        let error = $crate::model::DecodeError::wrong_type(concat!("a ", $($ty, " ",)+ "object"), at);
                        return Err($crate::model::Rejected { error, value: other });
                    }
                };
                let mut out = Self::default();
                // The class is checked before any member is taken, so that a node of another class
                // goes back whole to the caller, which keeps it as it was.
                if let Some(names) = object.get("type") {
                    match $crate::model::codec::check_type::<Self>(
                        names,
                        &at.key("type"),
                        concat!($($ty, " ",)+ $($("or ", $also, " ",)+)?),
                    ) {
                        Ok(types) => out.types = types,
                        Err(error) => {
                            let value = serde_json::Value::Object(object);
                            return Err($crate::model::Rejected { error, value });
                        }
                    }
                }
                for (key, member) in object {
                    let here = at.key(&key);
                    let kept = match key.as_str() {
                        "type" => continue,
                        "id" => match $crate::model::codec::take_id(&mut out.id, member, &here) {
                            None => continue,
                            Some(rejected) => rejected,
                        },
                        $( $key => match $crate::model::codec::take(&mut out.$field, member, &here) {
                            None => continue,
                            Some(rejected) => rejected,
                        }, )*
                        _ => member,
                    };
                    out.extra.insert(key, kept);
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
                $( $crate::model::codec::entry(&mut map, $key, &self.$field)?; )*
                for (key, member) in &self.extra {
                    // A member kept in `extra` under a typed field's key stands for that field
                    // only while the field is empty: never write a key twice.
                    if !self.holds(key) {
                        map.serialize_entry(key, member)?;
                    }
                }
                map.end()
            }
        }

        impl $name {
            /// True when the typed field (or `id`) written under `key` has a value.
            fn holds(&self, key: &str) -> bool {
                match key {
                    "id" => self.id.is_some(),
                    "type" => true,
                    $( $key => !$crate::model::Codec::is_absent(&self.$field), )*
                    _ => false,
                }
            }
        }

        impl $crate::model::Node for $name {
            fn extra(&self) -> &$crate::model::Extra {
                &self.extra
            }

            fn strays(&self) -> Vec<$crate::model::Stray<'_>> {
                let root = $crate::model::JsonPath::Root;
                let mut strays = Vec::new();
                for (key, value) in &self.extra {
                    // Only rejected members are in `extra` under a field's key, so decoding a copy
                    // again gives the reason; strays are rare, so the copy costs nothing in practice.
                    let rejected = match key.as_str() {
                        "id" => $crate::model::codec::rejection::<String>(value, &root),
                        $( $key => $crate::model::codec::rejection::<$fty>(value, &root), )*
                        _ => None,
                    };
                    if let Some(error) = rejected {
                        strays.push($crate::model::Stray { key, value, error });
                    }
                }
                strays
            }
        }

        impl $crate::model::walk::Fields for $name {
            #[allow(unused_variables)] // a class without fields
            fn fields<'a>(&'a self, visit: &mut dyn FnMut(&'static str, &'a dyn $crate::model::walk::Member)) {
                $( visit($key, &self.$field); )*
            }
        }

        impl $crate::model::walk::Member for $name {
            fn count(&self) -> usize {
                1
            }

            fn nodes<'a>(&'a self, visit: &mut dyn FnMut(usize, usize, $crate::model::NodeRef<'a>)) {
                visit(0, 1, $crate::model::NodeRef::$name(self));
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
