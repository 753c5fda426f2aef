//! What Python passes for a file: `bytes`, `str` (the text itself) or an `os.PathLike` (a file
//! to read). Anything else is a `TypeError` that names the type, never a crash.

use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

/// The bytes of `data`, and the path it was read from when it was a path.
pub fn bytes(data: &Bound<'_, PyAny>, what: &str) -> PyResult<(Vec<u8>, Option<PathBuf>)> {
    if let Ok(b) = data.cast::<PyBytes>() {
        return Ok((b.as_bytes().to_vec(), None));
    }
    if let Ok(b) = data.cast::<PyByteArray>() {
        return Ok((b.to_vec(), None));
    }
    if data.is_instance_of::<PyString>() {
        let text: String = data.extract()?;
        return Ok((text.into_bytes(), None));
    }
    if data.hasattr("__fspath__")? {
        let path: PathBuf = data.extract()?;
        let bytes = std::fs::read(&path)?;
        return Ok((bytes, Some(path)));
    }
    Err(type_error(data, what))
}

/// Text: `str` itself, `bytes` as UTF-8, or a path's content.
pub fn text(data: &Bound<'_, PyAny>, what: &str) -> PyResult<(String, Option<PathBuf>)> {
    let (bytes, path) = bytes(data, what)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| pyo3::exceptions::PyValueError::new_err(format!("{what}: not UTF-8 text")))?;
    Ok((text, path))
}

pub fn type_error(data: &Bound<'_, PyAny>, what: &str) -> PyErr {
    let name = data
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_owned());
    PyTypeError::new_err(format!(
        "{what}: expected bytes, str or a path (os.PathLike), not {name}"
    ))
}

/// A dict (or list) as JSON text, through Python's `json` module.
pub fn json_text(data: &Bound<'_, PyAny>) -> PyResult<String> {
    let json = data.py().import("json")?;
    json.call_method1("dumps", (data,))?.extract()
}

/// JSON text as Python objects.
pub fn from_json<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

/// An aware `datetime` as RFC 3339 text; a naive one is refused (its time zone would be a
/// guess).
pub fn aware_datetime(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    let datetime = value.py().import("datetime")?.getattr("datetime")?;
    if !value.is_instance(&datetime)? {
        return Err(PyTypeError::new_err(format!(
            "{what}: expected a datetime.datetime with a time zone"
        )));
    }
    if value.call_method0("utcoffset")?.is_none() {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "{what}: a naive datetime (no tzinfo) is refused; give an aware one, e.g. \
             datetime(2026, 2, 1, tzinfo=timezone.utc)"
        )));
    }
    value.call_method0("isoformat")?.extract()
}

/// A date-time as the core reads it (`DateTime::to_offset`: a bare date is midnight UTC) as an
/// aware `datetime`; `None` for no text or text that names no instant.
pub fn to_datetime<'py>(
    py: Python<'py>,
    text: Option<&str>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(t) = text
        .and_then(|t| microcred::model::DateTime::parse(t).ok())
        .and_then(|d| d.to_offset())
    else {
        return Ok(None);
    };
    let datetime = py.import("datetime")?;
    let offset = datetime
        .getattr("timedelta")?
        .call1((0, t.offset().whole_seconds()))?;
    let zone = datetime.getattr("timezone")?.call1((offset,))?;
    let value = datetime.getattr("datetime")?.call1((
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.microsecond(),
        zone,
    ))?;
    Ok(Some(value))
}
