//! `Verifier`: built from keyword arguments through the core's `VerifierConfig`, so that it
//! pickles as that configuration (Dask, Spark, multiprocessing).

use microcred::status::StatusLists;
use microcred::verify::{
    AnchorConfig, ClockConfig, TrustPolicy, Verifier as CoreVerifier, VerifierConfig,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyList, PyString, PyTuple};

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
    /// order. `items` is a list (or any iterable, a generator included) of `bytes`, `str` or
    /// paths; `threads` bounds the threads used (all cores when `None`); `sources` names each
    /// item in its report (a path's own name otherwise), e.g. `"file.jsonl:3"`: a list, or any
    /// iterable read in step with `items`.
    ///
    /// The items are read in chunks of at most 256 items or 32 MiB: each chunk is verified on the
    /// core's thread pool with the GIL released, then dropped, so that only one chunk of inputs is
    /// held at a time (the reports are kept). `progress=True` shows a progress bar (see
    /// `microcred._progress`: tqdm when installed, else a counter on stderr), advanced after
    /// each chunk.
    #[pyo3(signature = (items, *, threads = None, sources = None, progress = false))]
    fn verify_many(
        &self,
        py: Python<'_>,
        items: &Bound<'_, PyAny>,
        threads: Option<usize>,
        sources: Option<&Bound<'_, PyAny>>,
        progress: bool,
    ) -> PyResult<Vec<Report>> {
        if is_one_file(items)? {
            return Err(PyTypeError::new_err(
                "items: expected an iterable of files (bytes, str or paths), not one file",
            ));
        }
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads: at least 1"));
        }
        // The count when the items know it (a list, a tuple): for the progress bar, and to check
        // `sources` before any work.
        let total = items.len().ok();
        let sources = match sources {
            None => None,
            Some(given) => {
                if is_one_file(given)? {
                    return Err(PyTypeError::new_err(
                        "sources: expected a list of names, one per item",
                    ));
                }
                if let (Some(total), Ok(names)) = (total, given.len()) {
                    if names != total {
                        return Err(PyValueError::new_err(format!(
                            "sources: {names} names for {total} items"
                        )));
                    }
                }
                Some(given.try_iter()?)
            }
        };
        let pool = match threads {
            None => None,
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?,
            ),
        };
        let bar = if progress {
            Some(
                py.import("microcred")?
                    .getattr("_progress")?
                    .call1((total,))?,
            )
        } else {
            None
        };
        let run = Chunks {
            verifier: &self.verifier,
            pool: pool.as_ref(),
            bar: bar.as_ref(),
        };
        let reports = run.all(py, items, sources, total);
        // The bar is closed whatever happened, so that a failed run leaves the terminal clean.
        if let Some(bar) = &bar {
            bar.call_method0("close")?;
        }
        reports
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

/// At most this many items are held at once by `verify_many` (and at most `CHUNK_BYTES` of them,
/// whichever comes first): enough to keep every thread of the pool busy, few enough to bound
/// memory on any number of items.
const CHUNK_ITEMS: usize = 256;
const CHUNK_BYTES: usize = 32 << 20;

/// `verify_many`'s loop: read a chunk of items (with the GIL), verify it (without), report
/// progress, drop the inputs, go on.
struct Chunks<'a, 'py> {
    verifier: &'a CoreVerifier,
    pool: Option<&'a rayon::ThreadPool>,
    bar: Option<&'a Bound<'py, PyAny>>,
}

impl<'py> Chunks<'_, 'py> {
    fn all(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        mut sources: Option<Bound<'py, PyIterator>>,
        total: Option<usize>,
    ) -> PyResult<Vec<Report>> {
        let mut reports = Vec::with_capacity(total.unwrap_or(0));
        let mut inputs: Vec<Vec<u8>> = Vec::new();
        let mut names: Vec<Option<String>> = Vec::new();
        let mut held = 0usize;
        let mut index = 0usize;
        let mut iter = items.try_iter()?;
        loop {
            let next = iter.next().transpose()?;
            if let Some(item) = &next {
                let (bytes, path) = input::bytes(item, &format!("items[{index}]"))?;
                let name = match sources.as_mut() {
                    None => path.map(|p| p.display().to_string()),
                    Some(names) => match names.next().transpose()? {
                        Some(name) => Some(name.extract::<String>().map_err(|_| {
                            PyTypeError::new_err(format!("sources[{index}]: expected a str"))
                        })?),
                        None => {
                            return Err(PyValueError::new_err(format!(
                                "sources: {index} names for more items"
                            )));
                        }
                    },
                };
                index += 1;
                held += bytes.len();
                inputs.push(bytes);
                names.push(name);
                if inputs.len() < CHUNK_ITEMS && held < CHUNK_BYTES {
                    continue;
                }
            }
            if !inputs.is_empty() {
                let done = self.verify(py, &inputs);
                let count = done.len();
                reports.extend(
                    done.into_iter()
                        .zip(names.drain(..))
                        .map(|(report, source)| Report::new(report, source)),
                );
                inputs.clear();
                held = 0;
                if let Some(bar) = self.bar {
                    bar.call_method1("update", (count,))?;
                }
            }
            if next.is_none() {
                break;
            }
        }
        if let Some(names) = sources.as_mut() {
            if names.next().transpose()?.is_some() {
                return Err(PyValueError::new_err(format!(
                    "sources: more names than the {index} items"
                )));
            }
        }
        Ok(reports)
    }

    /// One chunk on the core's thread pool (or the `threads=` pool), the GIL released.
    fn verify(&self, py: Python<'_>, inputs: &[Vec<u8>]) -> Vec<microcred::verify::Report> {
        let (verifier, pool) = (self.verifier, self.pool);
        py.detach(move || match pool {
            None => verifier.verify_many(inputs),
            Some(pool) => pool.install(|| verifier.verify_many(inputs)),
        })
    }
}

/// Whether `value` is one file (text, bytes or a path) rather than an iterable of them.
fn is_one_file(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(value.is_instance_of::<PyString>()
        || value.cast::<pyo3::types::PyBytes>().is_ok()
        || value.cast::<pyo3::types::PyByteArray>().is_ok()
        || value.hasattr("__fspath__")?)
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
