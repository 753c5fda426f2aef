//! Core errors as Python exceptions. The classes are made in `microcred/__init__.py` from the
//! core's code catalogue ([`catalogue`]) and registered here once; an error is raised as the class
//! of its code's category, with `code`, `path` and `category` set from the core's error.

use microcred::ErrorCode;
use microcred::codes::Category;
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};

/// Exception class by category name (`parse` -> `ParseError`), set by `_register_exceptions`.
static CLASSES: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

/// Every code of the core's catalogue: `(code, category, exception class name, severity or
/// None, meaning)`.
#[pyfunction]
pub fn catalogue(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let rows: Vec<(&str, &str, &str, Option<&str>, &str)> = microcred::codes::catalogue()
        .iter()
        .map(|info| {
            (
                info.code,
                info.category.name(),
                info.category.exception(),
                info.severity.map(|s| s.as_str()),
                info.meaning,
            )
        })
        .collect();
    PyList::new(py, rows)
}

/// Every category: `(name, exception class name, meaning)`, in catalogue order.
#[pyfunction]
pub fn categories(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let rows: Vec<(&str, &str, &str)> = Category::ALL
        .iter()
        .map(|c| (c.name(), c.exception(), c.meaning()))
        .collect();
    PyList::new(py, rows)
}

/// Registers the exception class of each category (`{"parse": ParseError, ...}`).
#[pyfunction]
#[pyo3(name = "_register_exceptions")]
pub fn register_exceptions(py: Python<'_>, classes: Bound<'_, PyDict>) -> PyResult<()> {
    for category in Category::ALL {
        if classes.get_item(category.name())?.is_none() {
            return Err(PyRuntimeError::new_err(format!(
                "no exception class for the category {}",
                category.name()
            )));
        }
    }
    CLASSES
        .set(py, classes.unbind())
        .map_err(|_| PyRuntimeError::new_err("the exception classes are already registered"))
}

/// The Python exception for a core error: the class of its category, with `code`, `path` and
/// `category`. The message is the core's (it never quotes learner data).
pub fn to_py<E: ErrorCode>(error: &E) -> PyErr {
    let path = error.path().map(|p| p.into_owned());
    raise(error.code(), path, error.category(), error.to_string())
}

/// The exception of `category` with these fields.
pub fn raise(code: &str, path: Option<String>, category: Category, message: String) -> PyErr {
    Python::attach(|py| {
        let made = (|| -> PyResult<PyErr> {
            let classes = CLASSES.get(py).ok_or_else(|| {
                PyRuntimeError::new_err(format!(
                    "{code}: {message} (import microcred, not microcred._native)"
                ))
            })?;
            let class = classes
                .bind(py)
                .get_item(category.name())?
                .ok_or_else(|| PyRuntimeError::new_err(format!("{code}: {message}")))?;
            let exception = class.call1((message.clone(),))?;
            exception.setattr("code", code)?;
            exception.setattr("path", path.clone())?;
            exception.setattr("category", category.name())?;
            Ok(PyErr::from_value(exception))
        })();
        made.unwrap_or_else(|e| e)
    })
}
