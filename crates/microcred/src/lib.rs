#![doc = include_str!("../../../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

pub mod issue;
pub mod json;
pub mod model;
pub mod profile;
pub mod rdf;
pub mod terms;
pub mod vocab;
pub mod xml;

pub use json::{ParseError, parse, parse_unverified};
pub use model::EuropeanDigitalCredential;
pub use profile::{Finding, Severity, check};
