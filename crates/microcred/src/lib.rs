#![doc = include_str!("../../../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

pub mod issue;
pub mod json;
pub mod model;
pub mod profile;
pub mod terms;
pub mod vocab;

pub use json::{parse, parse_unverified, ParseError};
pub use model::EuropeanDigitalCredential;
pub use profile::{check, Finding, Severity};
