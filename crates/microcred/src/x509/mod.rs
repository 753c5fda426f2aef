//! X.509 certificates for seals: parsing, qualification (eIDAS QC statements), public keys and
//! signature verification, trust anchors (PEM or an EU trusted list), chain validation, and the
//! revocation data a seal carries (CRLs and OCSP responses).
//!
//! Pure Rust on the RustCrypto stack, so it runs in WASM: no clock (the validation time is a
//! parameter), no network (no AIA fetching, no OCSP requests: only the CRLs and OCSP responses
//! given are read), no randomness.
//!
//! ```no_run
//! use microcred::x509::{Certificate, ChainOutcome, TrustAnchors, validate_chain};
//! # fn demo(chain_pem: &str, anchors_pem: &str) -> Result<(), microcred::x509::X509Error> {
//! let chain = Certificate::from_pem(chain_pem)?;
//! let anchors = TrustAnchors::from_pem(anchors_pem)?;
//! let at = time::macros::datetime!(2026-01-15 10:00 UTC);
//! match validate_chain(&chain[0], &chain[1..], &anchors, at) {
//!     ChainOutcome::Trusted { path } => println!("trusted, {} certificates", path.len()),
//!     ChainOutcome::Untrusted { code, .. } => println!("indeterminate: {code}"),
//!     ChainOutcome::Invalid { code, .. } => println!("invalid: {code}"),
//! }
//! println!("qualified eSeal: {}", chain[0].qualification().is_qualified_eseal());
//! # Ok(())
//! # }
//! ```

mod anchors;
pub(crate) mod asn1;
mod cert;
mod chain;
mod error;
mod extensions;
mod key;
mod name;
pub(crate) mod oids;
mod pem;
mod qc;
mod revocation;

pub use anchors::{SERVICE_TYPE_CA_QC, SERVICE_TYPE_TSA_QTST, STATUS_GRANTED, TrustAnchors};
pub use cert::Certificate;
pub use chain::{
    ChainOutcome, MAX_PATH_LEN, find_issuer, revalidate_at, validate_chain,
    validate_timestamping_chain,
};
pub use error::X509Error;
pub use extensions::{ExtendedKeyUsage, KeyUsage};
pub use key::{Hash, KeyKind, PublicKey, SignatureScheme};
pub use qc::{QCP_L, QCP_L_QSCD, QCP_N, QCP_N_QSCD, QcInfo, QcType};
pub use revocation::{
    CertificateRevocation, Crl, OcspResponse, RevocationReason, RevocationSource, RevocationStatus,
    RevocationValues,
};
