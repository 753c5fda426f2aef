//! `Verifier`: built from keyword arguments through the core's `VerifierConfig`, so that it
//! pickles as that configuration (Dask, Spark, multiprocessing).

use microcred::status::StatusLists;
use microcred::verify::{
    AnchorConfig, ClockConfig, TrustPolicy, Verifier as CoreVerifier, VerifierConfig,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::errors::to_py;
use crate::input;
use crate::report::Report;

/// Verifies credentials: JAdES seals, Data Integrity proofs, trust, expiry, status lists and
/// the EDC profile, each reported as a check. A bad credential never raises: its report says
/// what is wrong.
#[derive(Debug)]
#[pyclass(frozen, module = "microcred")]
pub struct Verifier {
    verifier: CoreVerifier,
    config: VerifierConfig,
}

#[pymethods]
impl Verifier {
    /// - `trust_anchors`: certificates to trust, as PEM text (`str`), PEM or DER `bytes`, a path,
    ///   or a list of those.
    /// - `trusted_list`: EU trusted lists (ETSI TS 119 612 XML) as text, bytes, a path or a list.
    /// - `contexts`: extra JSON-LD context documents, `{url: dict | str}`.
    /// - `at`: the time to verify at, an aware `datetime`; `None` reads the clock at each
    ///   verification.
    /// - `status_lists`: status list credentials fetched beforehand, `{url: bytes}`.
    /// - `strict`: an untrusted seal fails instead of being indeterminate.
    /// - `require_qualified`: a seal that is not a qualified eSeal fails.
    /// - `trusted_dids`: DIDs whose Data Integrity proofs are trusted (`did:key:z6Mk...`).
    #[new]
    #[pyo3(signature = (*, trust_anchors = None, trusted_list = None, contexts = None, at = None, status_lists = None, strict = false, require_qualified = false, trusted_dids = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        trust_anchors: Option<&Bound<'_, PyAny>>,
        trusted_list: Option<&Bound<'_, PyAny>>,
        contexts: Option<&Bound<'_, PyDict>>,
        at: Option<&Bound<'_, PyAny>>,
        status_lists: Option<&Bound<'_, PyDict>>,
        strict: bool,
        require_qualified: bool,
        trusted_dids: Option<Vec<String>>,
    ) -> PyResult<Self> {
        let mut config = match at {
            None => VerifierConfig::now(),
            Some(at) => {
                let mut config = VerifierConfig::now();
                config.clock = ClockConfig::At(input::aware_datetime(at, "at")?);
                config
            }
        };
        if let Some(anchors) = trust_anchors {
            for item in one_or_many(anchors)? {
                config.trust_anchors.push(anchor(&item)?);
            }
        }
        if let Some(lists) = trusted_list {
            for item in one_or_many(lists)? {
                let (text, _) = input::text(&item, "trusted_list")?;
                config.trusted_lists.push(text);
            }
        }
        if let Some(contexts) = contexts {
            for (url, document) in contexts.iter() {
                let url: String = url
                    .extract()
                    .map_err(|_| PyTypeError::new_err("contexts: the keys are URLs (str)"))?;
                let text = if document.is_instance_of::<PyString>() {
                    document.extract::<String>()?
                } else if document.is_instance_of::<PyDict>() {
                    input::json_text(&document)?
                } else {
                    return Err(PyTypeError::new_err(format!(
                        "contexts[{url:?}]: expected a dict or JSON text"
                    )));
                };
                let value = serde_json::from_str(&text).map_err(|e| {
                    PyValueError::new_err(format!("contexts[{url:?}]: not JSON ({e})"))
                })?;
                config.contexts.insert(url, value);
            }
        }
        if let Some(lists) = status_lists {
            let mut given = StatusLists::new();
            for (url, bytes) in lists.iter() {
                let url: String = url
                    .extract()
                    .map_err(|_| PyTypeError::new_err("status_lists: the keys are URLs (str)"))?;
                let (bytes, _) = input::bytes(&bytes, "status_lists[url]")?;
                given.insert(url, bytes);
            }
            config.status_lists = given;
        }
        config.trust_policy = if strict {
            TrustPolicy::Strict
        } else {
            TrustPolicy::Indeterminate
        };
        config.require_qualified = require_qualified;
        config.trusted_dids = trusted_dids.unwrap_or_default();
        Self::from_config(config)
    }

    /// Verifies one file (`bytes`, `str` or a path): a credential, sealed or not, or a
    /// presentation.
    fn verify(&self, py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Report> {
        let (bytes, path) = input::bytes(data, "data")?;
        let report = py.detach(|| self.verifier.verify(&bytes));
        Ok(Report::new(report, path.map(|p| p.display().to_string())))
    }

    /// Verifies many files in parallel, with the GIL released, returning the reports in input
    /// order. `items` is a list (or any iterable) of `bytes`, `str` or paths; `threads` bounds
    /// the threads used (all cores when `None`); `sources` names each item in its report (a
    /// path's own name otherwise), e.g. `"file.jsonl:3"`.
    #[pyo3(signature = (items, *, threads = None, sources = None))]
    fn verify_many(
        &self,
        py: Python<'_>,
        items: &Bound<'_, PyAny>,
        threads: Option<usize>,
        sources: Option<Vec<String>>,
    ) -> PyResult<Vec<Report>> {
        if items.is_instance_of::<PyString>()
            || items.cast::<pyo3::types::PyBytes>().is_ok()
            || items.hasattr("__fspath__")?
        {
            return Err(PyTypeError::new_err(
                "items: expected an iterable of files (bytes, str or paths), not one file",
            ));
        }
        let mut inputs = Vec::new();
        let mut named = Vec::new();
        for (index, item) in items.try_iter()?.enumerate() {
            let (bytes, path) = input::bytes(&item?, &format!("items[{index}]"))?;
            inputs.push(bytes);
            named.push(path.map(|p| p.display().to_string()));
        }
        let mut names = named;
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads: at least 1"));
        }
        if let Some(given) = sources {
            if given.len() != inputs.len() {
                return Err(PyValueError::new_err(format!(
                    "sources: {} names for {} items",
                    given.len(),
                    inputs.len()
                )));
            }
            names = given.into_iter().map(Some).collect();
        }
        let reports = py.detach(|| -> Result<_, String> {
            match threads {
                None => Ok(self.verifier.verify_many(&inputs)),
                Some(n) => {
                    let pool = rayon::ThreadPoolBuilder::new()
                        .num_threads(n)
                        .build()
                        .map_err(|e| e.to_string())?;
                    Ok(pool.install(|| self.verifier.verify_many(&inputs)))
                }
            }
        });
        let reports = reports.map_err(pyo3::exceptions::PyRuntimeError::new_err)?;
        Ok(reports
            .into_iter()
            .zip(names)
            .map(|(report, source)| Report::new(report, source))
            .collect())
    }

    /// The configuration as JSON (the core's `VerifierConfig`): what a pickle carries.
    fn config_json(&self) -> String {
        self.config.to_json()
    }

    /// A verifier from `config_json()`'s JSON.
    #[staticmethod]
    fn from_config_json(json: &str) -> PyResult<Self> {
        let config = VerifierConfig::from_json(json).map_err(|e| to_py(&e))?;
        Self::from_config(config)
    }

    /// Pickles as its configuration: `Verifier.from_config_json(config_json)`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let rebuild = py.import("microcred")?.getattr("_verifier_from_config")?;
        let args = PyTuple::new(py, [slf.get().config.to_json()])?;
        PyTuple::new(py, [rebuild, args.into_any()])
    }

    fn __repr__(&self) -> String {
        let clock = match &self.config.clock {
            ClockConfig::Now => "now".to_owned(),
            ClockConfig::At(at) => at.clone(),
        };
        format!(
            "<Verifier at={clock} trust_anchors={} trusted_lists={} status_lists={} strict={} require_qualified={}>",
            self.config.trust_anchors.len(),
            self.config.trusted_lists.len(),
            self.config.status_lists.len(),
            self.config.trust_policy == TrustPolicy::Strict,
            self.config.require_qualified,
        )
    }
}

impl Verifier {
    fn from_config(config: VerifierConfig) -> PyResult<Self> {
        let verifier = CoreVerifier::from_config(&config).map_err(|e| to_py(&e))?;
        Ok(Verifier { verifier, config })
    }
}

/// A list or tuple as its items; anything else as one item.
fn one_or_many<'py>(value: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if let Ok(list) = value.cast::<PyList>() {
        return Ok(list.iter().collect());
    }
    if let Ok(tuple) = value.cast::<PyTuple>() {
        return Ok(tuple.iter().collect());
    }
    Ok(vec![value.clone()])
}

/// A trust anchor: PEM text, or bytes / a file holding PEM or one DER certificate.
fn anchor(item: &Bound<'_, PyAny>) -> PyResult<AnchorConfig> {
    if item.is_instance_of::<PyString>() {
        return Ok(AnchorConfig::Pem(item.extract()?));
    }
    let (bytes, _) = input::bytes(item, "trust_anchors")?;
    // PEM is text that starts (after blank space) with an armour line; DER starts with a
    // SEQUENCE tag (0x30), which is never text.
    match String::from_utf8(bytes) {
        Ok(text) if text.trim_start().starts_with("-----BEGIN") => Ok(AnchorConfig::Pem(text)),
        Ok(text) => Ok(AnchorConfig::Der(text.into_bytes())),
        Err(e) => Ok(AnchorConfig::Der(e.into_bytes())),
    }
}
