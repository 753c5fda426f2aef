//! Any node of the model, typed by what it says it is rather than by the slot it sits in.
//!
//! A member that did not fit its slot is kept as JSON (see [`Node::strays`](super::Node::strays));
//! [`AnyNode::read`] types it again by its own `type`, so that a `Qualification` found where an
//! assessment specification belongs can still be read, shown and checked as a qualification.
//!
//! ```
//! use microcred::model::AnyNode;
//! let node = AnyNode::read(&serde_json::json!({"type": "Qualification", "title": {"en": "X"}}));
//! assert_eq!(node.class_name(), Some("Qualification"));
//! assert!(matches!(node, AnyNode::LearningAchievementSpecification(_)));
//! ```

use serde_json::Value;

use super::codec::{Class, Codec, JsonPath, Node, type_names};
use super::walk::{Fields, Member};
use super::*;

macro_rules! any_node {
    ($( $class:ident ),* $(,)?) => {
        /// A node typed by its own `type`: one variant per class of the model, and
        /// [`AnyNode::Untyped`] for anything else.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum AnyNode {
            $(
                #[doc = concat!("A `", stringify!($class), "`.")]
                $class(Box<$class>),
            )*
            /// A node of a class the model does not know, a node without `type`, or not a node
            /// at all (a string, a number, a list), as read.
            Untyped(Value),
        }

        /// A node of the model, borrowed: one variant per class (what the profile walker visits).
        #[derive(Debug, Clone, Copy)]
        pub(crate) enum NodeRef<'a> {
            $( $class(&'a $class), )*
        }

        impl<'a> NodeRef<'a> {
            /// The class's name in the model (`Organisation`, `CredentialSchema`).
            pub(crate) fn class(self) -> &'static str {
                match self {
                    $( NodeRef::$class(_) => stringify!($class), )*
                }
            }

            /// Each typed field of the node with its JSON key (see [`Fields`]).
            pub(crate) fn fields(self, visit: &mut dyn FnMut(&'static str, &'a dyn Member)) {
                match self {
                    $( NodeRef::$class(node) => node.fields(visit), )*
                }
            }

            /// The members of the node that did not fit their place (see [`Node::strays`]).
            pub(crate) fn strays(self) -> Vec<super::Stray<'a>> {
                match self {
                    $( NodeRef::$class(node) => node.strays(), )*
                }
            }
        }

        impl AnyNode {
            /// Every class of the model: its `type` name and the JSON keys of its fields.
            pub const CLASSES: &'static [(&'static str, &'static [&'static str])] = &[
                $( (
                    match <$class as Class>::TYPES.last() {
                        Some(name) => name,
                        None => stringify!($class),
                    },
                    <$class as Class>::KEYS,
                ), )*
            ];

            /// The node, borrowed; `None` when untyped.
            pub(crate) fn as_node(&self) -> Option<NodeRef<'_>> {
                match self {
                    $( AnyNode::$class(node) => Some(NodeRef::$class(node)), )*
                    AnyNode::Untyped(_) => None,
                }
            }

            /// The members of the node that did not fit their place (see [`Node::strays`]); none
            /// for an untyped node.
            pub fn strays(&self) -> Vec<super::Stray<'_>> {
                match self {
                    $( AnyNode::$class(node) => node.strays(), )*
                    AnyNode::Untyped(_) => Vec::new(),
                }
            }

            /// Types `value` by the first of its `type` names the model knows: a class's own name
            /// first, then the names a class also accepts (`Qualification`).
            pub fn read(value: &Value) -> AnyNode {
                let names = match value.get("type") {
                    Some(names) if value.is_object() => {
                        type_names(names, &JsonPath::Root).unwrap_or_default()
                    }
                    _ => Vec::new(),
                };
                for name in &names {
                    $(
                        if <$class as Class>::TYPES.last() == Some(name) {
                            if let Ok(node) = <$class as Codec>::decode(value.clone(), &JsonPath::Root) {
                                return AnyNode::$class(Box::new(node));
                            }
                        }
                    )*
                }
                for name in &names {
                    $(
                        if <$class as Class>::ALSO.contains(name) {
                            if let Ok(node) = <$class as Codec>::decode(value.clone(), &JsonPath::Root) {
                                return AnyNode::$class(Box::new(node));
                            }
                        }
                    )*
                }
                AnyNode::Untyped(value.clone())
            }

            /// The class the node says it is (its last `type` name), or `None` when untyped.
            pub fn class_name(&self) -> Option<&str> {
                match self {
                    $(
                        AnyNode::$class(node) => Some(
                            node.types
                                .last()
                                .map(String::as_str)
                                .or(<$class as Class>::TYPES.last().copied())
                                .unwrap_or(stringify!($class)),
                        ),
                    )*
                    AnyNode::Untyped(_) => None,
                }
            }
        }
    };
}

any_node! {
    EuropeanDigitalCredential,
    CredentialSchema,
    Evidence,
    DisplayParameter,
    IndividualDisplay,
    DisplayDetail,
    Person,
    Organisation,
    Group,
    Accreditation,
    Identifier,
    LegalIdentifier,
    Location,
    Address,
    ContactPoint,
    Mailbox,
    Phone,
    Concept,
    ConceptScheme,
    Note,
    MediaObject,
    WebResource,
    PeriodOfTime,
    LearningAchievement,
    AwardingProcess,
    LearningAchievementSpecification,
    LearningOutcome,
    CreditPoint,
    LearningActivity,
    LearningActivitySpecification,
    LearningAssessment,
    LearningAssessmentSpecification,
    GradingScheme,
    LearningEntitlement,
    LearningEntitlementSpecification,
}

impl AnyNode {
    /// Every node in `value`: the value itself, or each element of a list, with its path relative
    /// to `value` (`$`, `$[1]`).
    pub fn read_all(value: &Value) -> Vec<(String, AnyNode)> {
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| (format!("$[{i}]"), AnyNode::read(item)))
                .collect(),
            single => vec![("$".to_owned(), AnyNode::read(single))],
        }
    }
}
