//! Compile-time proof that the types meant to be shared across threads (a verifier in a thread
//! pool, a Python object with the GIL released, a Dask worker) are `Send + Sync`. A field that
//! breaks this (an `Rc`, a `RefCell`, a trait object without the bounds) fails the build here.

use crate::issue::{CourseTemplate, Issuance, IssueError, LearnerRecord, LearnerTable};
use crate::jades::{JadesError, PreparedSeal, Seal, SealedCredential, Sealer};
use crate::json::{ParseError, Reader};
use crate::model::EuropeanDigitalCredential;
use crate::profile::Finding;
use crate::proof::{DataIntegrity, DataIntegrityVerifier, Ed25519KeyPair, ProofError};
use crate::rdf::{Contexts, Expander, RdfError};
use crate::status::{
    CachingFetcher, FetchError, StaticFetcher, StatusError, StatusList, StatusLists,
};
use crate::verify::{ConfigError, NeededStatusList, Report, Verifier, VerifierConfig};
use crate::x509::{Certificate, TrustAnchors, X509Error};
use crate::xml::XmlError;

const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    // Verification.
    shared::<Verifier>();
    shared::<VerifierConfig>();
    shared::<Report>();
    shared::<NeededStatusList>();
    shared::<TrustAnchors>();
    shared::<Certificate>();
    shared::<Contexts>();
    shared::<Expander>();
    shared::<Reader>();
    shared::<StatusLists>();
    shared::<StatusList>();
    shared::<StaticFetcher>();
    shared::<CachingFetcher<StaticFetcher>>();
    shared::<DataIntegrityVerifier>();
    shared::<Seal>();
    // Issuing and sealing.
    shared::<EuropeanDigitalCredential>();
    shared::<CourseTemplate>();
    shared::<Issuance>();
    shared::<LearnerRecord>();
    shared::<LearnerTable>();
    shared::<Sealer>();
    shared::<PreparedSeal>();
    shared::<SealedCredential>();
    shared::<Ed25519KeyPair>();
    shared::<DataIntegrity>();
    shared::<Finding>();
    // Errors (carried across threads by a pool's results).
    shared::<ParseError>();
    shared::<ConfigError>();
    shared::<JadesError>();
    shared::<ProofError>();
    shared::<RdfError>();
    shared::<X509Error>();
    shared::<XmlError>();
    shared::<StatusError>();
    shared::<FetchError>();
    shared::<IssueError>();
    shared::<crate::jades::TokenSignatureError>();
    shared::<crate::Error>();
};
