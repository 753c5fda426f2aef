//! JAdES electronic seals, as EDC makes them.
//!
//! An EDC credential is sealed with a JWS in the JSON general serialization, enveloping and
//! unencoded (`b64: false`, RFC 7797): `{"payload": "<credential JSON>", "signatures": [{"protected",
//! "header": {"etsiU": [...]}, "signature"}]}`. The signature covers `ASCII(protected) || "." ||
//! payload`, so the payload is verified as stored and never re-serialised.
//!
//! - [`verify`] checks a sealed file in one call; [`Seal`] exposes each step (the
//!   [`crate::verify::Verifier`] reports them one by one).
//! - [`Sealer`] seals with a [`Signer`] ([`signer_from_key`] reads a key file: PEM or DER, plain
//!   or encrypted, never prompting): [`Ed25519Signer`] and [`P256Signer`] in pure Rust,
//!   `OpensslSigner` (RSA, ECDSA) and `Pkcs12Key` with the `openssl` feature, or any device through
//!   [`Sealer::prepare`] / [`PreparedSeal::finish`].

mod algorithm;
mod error;
mod header;
#[cfg(feature = "openssl")]
mod openssl;
mod seal;
mod sealer;
mod signer;
mod strict_json;
mod timestamp;
mod tsa;
mod verify;

pub use algorithm::Algorithm;
pub use error::JadesError;
pub use header::ProtectedHeader;
#[cfg(feature = "openssl")]
pub use openssl::{OpensslSigner, Pkcs12Key};
pub use seal::{BaselineLevel, CheckedTimestamp, Seal, UnsignedProperty};
pub use sealer::{PreparedSeal, SealedCredential, Sealer, apply_edc_rules};
pub use signer::{Ed25519Signer, P256Signer, Signer, signer_from_key, signer_from_pem};
pub use timestamp::{TimestampToken, TokenSignatureError};
pub use tsa::{SignerRevoked, TsaCheck, TsaStatus, signer_revoked};
pub use verify::{VerifiedSeal, verify};

use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};

/// base64url without padding, as JWS uses for the header, signature and `x5t#S256`.
pub(crate) const B64URL: GeneralPurpose = URL_SAFE_NO_PAD;

/// Standard base64 for `x5c`, `kid` and time-stamp tokens. Padding is written, and tolerated when
/// missing on read, since some signers drop it.
pub(crate) const B64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);
