//! `Sealer`: JAdES eSeals, as the CLI's `microcred seal` makes them (the profile check first,
//! then the seal). RSA and ECDSA keys go through OpenSSL, Ed25519 and P-256 are pure Rust.

use microcred::codes::Category;
use microcred::jades::{Algorithm, Pkcs12Key, Sealer as CoreSealer, Signer, signer_from_key};
use microcred::profile::{self, SealingPolicy};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::credential::Credential;
use crate::errors::{raise, to_py};
use crate::input;

/// Seals credentials with one key and its certificate chain.
#[pyclass(frozen, module = "microcred")]
pub struct Sealer {
    sealer: CoreSealer,
    signer: Box<dyn Signer + Send + Sync>,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The key stays out of any output.
        f.debug_struct("Sealer")
            .field("algorithm", &self.signer.algorithm())
            .finish_non_exhaustive()
    }
}

#[pymethods]
impl Sealer {
    /// Either a key and its certificate chain, or a PKCS#12 file:
    /// - `key_pem`: the private key (PEM or DER; PKCS#8, or PKCS#1 / SEC1 for RSA / EC) as text,
    ///   bytes or a path. An encrypted key needs `password`; nothing ever prompts for one.
    /// - `cert_chain_pem`: the seal certificate and its issuers, PEM text or a path.
    /// - `p12`: a PKCS#12 file (`.p12`/`.pfx`: the key, its certificate and the issuers), bytes
    ///   or a path, opened with `password` (none: a file without a password).
    /// - `alg`: `"RS256"`, `"PS256"`, `"ES256"` or `"EdDSA"` where the key allows several;
    ///   `None` takes the usual one for the key.
    #[new]
    #[pyo3(signature = (*, key_pem = None, cert_chain_pem = None, p12 = None, password = None, alg = None))]
    fn new(
        key_pem: Option<&Bound<'_, PyAny>>,
        cert_chain_pem: Option<&Bound<'_, PyAny>>,
        p12: Option<&Bound<'_, PyAny>>,
        password: Option<&str>,
        alg: Option<&str>,
    ) -> PyResult<Self> {
        let alg = alg
            .map(|name| Algorithm::from_name(name).map_err(|e| to_py(&e)))
            .transpose()?;
        match (key_pem, cert_chain_pem, p12) {
            (Some(key_pem), Some(cert_chain_pem), None) => {
                let (key, _) = input::bytes(key_pem, "key_pem")?;
                let signer = signer_from_key(&key, password, alg).map_err(|e| to_py(&e))?;
                let (chain, _) = input::text(cert_chain_pem, "cert_chain_pem")?;
                let sealer = CoreSealer::from_pem(&chain).map_err(|e| to_py(&e))?;
                Ok(Sealer { sealer, signer })
            }
            (None, None, Some(p12)) => {
                let (der, _) = input::bytes(p12, "p12")?;
                let file = match password {
                    Some(password) => Pkcs12Key::open(&der, password),
                    None => Pkcs12Key::open_without_password(&der),
                }
                .map_err(|e| to_py(&e))?;
                let sealer = CoreSealer::new(file.chain().to_vec()).map_err(|e| to_py(&e))?;
                let signer = file.signer(alg).map_err(|e| to_py(&e))?;
                Ok(Sealer { sealer, signer })
            }
            _ => Err(pyo3::exceptions::PyTypeError::new_err(
                "Sealer: give key_pem= and cert_chain_pem=, or p12= (with password= when it has one)",
            )),
        }
    }

    /// Seals `credential` and returns the sealed file (JAdES JSON) as bytes. The profile check
    /// runs first: a credential EDC would reject is refused (`seal.refused.edc_profile`, a
    /// `ProfileError`), as is an incomplete micro-credential when `require_micro_credential`;
    /// `force=True` seals anyway. `at` (an aware `datetime`, default: now) is the signing time;
    /// a time in the future is refused (`seal.signing_time_in_future`).
    #[pyo3(signature = (credential, *, at = None, force = false, require_micro_credential = false))]
    fn seal<'py>(
        &self,
        py: Python<'py>,
        credential: &Credential,
        at: Option<&Bound<'py, PyAny>>,
        force: bool,
        require_micro_credential: bool,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let policy = if require_micro_credential {
            SealingPolicy::micro_credential()
        } else {
            SealingPolicy::edc()
        };
        if let Some(refusal) = profile::check_for_sealing(&credential.credential, policy).refusal
            && !force
        {
            return Err(raise(
                refusal.code(),
                None,
                Category::of(refusal.code()),
                refusal.message().to_owned(),
            ));
        }
        // As the CLI does: the binding is the caller, and the caller gives the core the time.
        let now = OffsetDateTime::now_utc();
        let at = match at {
            None => now,
            Some(at) => OffsetDateTime::parse(&input::aware_datetime(at, "at")?, &Rfc3339)
                .map_err(|_| pyo3::exceptions::PyValueError::new_err("at: not RFC 3339"))?,
        };
        let sealed = py
            .detach(|| {
                self.sealer.clone().with_current_time(now).seal(
                    &credential.credential,
                    self.signer.as_ref(),
                    at,
                )
            })
            .map_err(|e| to_py(&e))?;
        Ok(PyBytes::new(py, sealed.as_str().as_bytes()))
    }

    /// The signature algorithm (`"RS256"`, `"ES256"`, ...).
    #[getter]
    fn algorithm(&self) -> &'static str {
        self.signer.algorithm().name()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Sealer {} for {}>",
            self.signer.algorithm().name(),
            self.sealer.certificate().subject_text()
        )
    }

    /// A sealer holds a private key: it is not pickled.
    fn __reduce__(&self) -> PyResult<()> {
        Err(pyo3::exceptions::PyTypeError::new_err(
            "a Sealer holds a private key and is not pickled; make one in each process",
        ))
    }
}
