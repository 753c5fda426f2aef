//! The Python extension `microcred._native`: a thin layer over the `microcred` crate. It converts
//! Python values to the core's types and back and maps the core's errors to the exception classes
//! that `microcred/__init__.py` builds from the core's code catalogue; every decision (what is
//! valid, which code, which message) is the core's.

mod credential;
mod errors;
mod input;
mod issue;
mod proof;
mod report;
mod sealer;
mod verifier;

use pyo3::prelude::*;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<credential::Credential>()?;
    m.add_class::<credential::Finding>()?;
    m.add_class::<verifier::Verifier>()?;
    m.add_class::<report::Report>()?;
    m.add_class::<report::Check>()?;
    m.add_class::<sealer::Sealer>()?;
    m.add_function(wrap_pyfunction!(errors::catalogue, m)?)?;
    m.add_function(wrap_pyfunction!(errors::categories, m)?)?;
    m.add_function(wrap_pyfunction!(errors::register_exceptions, m)?)?;
    m.add_function(wrap_pyfunction!(issue::issue, m)?)?;
    m.add_function(wrap_pyfunction!(proof::sign_di, m)?)?;
    m.add_function(wrap_pyfunction!(credential::detect_format, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // The check kinds in the core's report order: the status columns of `to_pandas`/`to_arrow`.
    let kinds: Vec<&str> = microcred::verify::CheckKind::ALL
        .iter()
        .map(|k| k.name())
        .collect();
    m.add("_CHECK_KINDS", pyo3::types::PyTuple::new(m.py(), kinds)?)?;
    Ok(())
}
