//! `sign_di`: a W3C Data Integrity proof (`eddsa-rdfc-2022`, `did:key`), as the CLI's
//! `microcred sign-di` adds it.

use microcred::json::{self, Reader};
use microcred::proof::{DataIntegrity, Ed25519KeyPair};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::credential::Credential;
use crate::errors::to_py;
use crate::input;

/// Adds a Data Integrity proof (`eddsa-rdfc-2022`) made with an Ed25519 key (PKCS#8 PEM text,
/// bytes or a path) to `document`: a `Credential`, a dict, or JSON text, bytes or a path.
/// Returns the signed document as JSON bytes. `created` (an aware `datetime`, default: now) is
/// the proof's time.
#[pyfunction]
#[pyo3(signature = (document, ed25519_key_pem, *, created = None))]
pub fn sign_di<'py>(
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
    ed25519_key_pem: &Bound<'py, PyAny>,
    created: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let value = if let Ok(credential) = document.cast::<Credential>() {
        json::to_value(&credential.get().credential)
    } else {
        let bytes = if document.is_instance_of::<PyDict>() {
            input::json_text(document)?.into_bytes()
        } else {
            input::bytes(document, "document")?.0
        };
        Reader::new().parse_value(&bytes).map_err(|e| to_py(&e))?
    };
    let (pem, _) = input::text(ed25519_key_pem, "ed25519_key_pem")?;
    let key = Ed25519KeyPair::from_pkcs8_pem(&pem).map_err(|e| to_py(&e))?;
    let created = match created {
        None => OffsetDateTime::now_utc(),
        Some(at) => OffsetDateTime::parse(&input::aware_datetime(at, "created")?, &Rfc3339)
            .map_err(|_| pyo3::exceptions::PyValueError::new_err("created: not RFC 3339"))?,
    };
    let signed = py
        .detach(|| DataIntegrity::new(key).created(created).sign(&value))
        .map_err(|e| to_py(&e))?;
    let text = serde_json::to_string_pretty(&signed)
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
    Ok(PyBytes::new(py, text.as_bytes()))
}
