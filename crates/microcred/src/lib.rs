#![doc = include_str!("../../../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

mod bytes;
pub mod codes;
pub mod error;
pub mod format;
pub mod issue;
pub mod jades;
pub mod json;
pub mod model;
pub mod profile;
pub mod proof;
pub mod rdf;
pub mod status;
pub mod terms;
#[cfg(feature = "test-pki")]
pub mod test_pki;
mod threads;
pub mod verify;
pub mod vocab;
pub mod x509;
pub mod xml;

pub use error::{Error, ErrorCode};
pub use format::Format;
pub use json::{ParseError, parse, parse_unverified};
pub use model::EuropeanDigitalCredential;
pub use profile::{Finding, Severity, check};
