//! `Report` and `Check`: the core's verification report, read-only.

use microcred::verify::{Personal, Report as CoreReport, Status, Verdict};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::input;

/// The verification report of one file.
#[derive(Debug)]
#[pyclass(frozen, module = "microcred")]
pub struct Report {
    report: CoreReport,
    source: Option<String>,
}

impl Report {
    pub fn new(report: CoreReport, source: Option<String>) -> Self {
        Report { report, source }
    }
}

fn verdict_name(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Valid => "valid",
        Verdict::Invalid => "invalid",
        Verdict::Indeterminate => "indeterminate",
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Failed => "failed",
        Status::Skipped => "skipped",
        Status::Indeterminate => "indeterminate",
    }
}

#[pymethods]
impl Report {
    /// `"valid"`, `"invalid"` or `"indeterminate"` (could not decide: no trust anchor, a
    /// status list unavailable).
    #[getter]
    fn verdict(&self) -> &'static str {
        verdict_name(self.report.verdict)
    }

    /// Whether the verdict is `"valid"`.
    #[getter]
    fn valid(&self) -> bool {
        self.report.is_valid()
    }

    /// The checks, in order: format, micro_credential, seal, trust, expiry, revocation,
    /// accreditation, owner.
    #[getter]
    fn checks(&self) -> Vec<Check> {
        self.report
            .checks
            .iter()
            .map(|c| Check {
                kind: c.kind.name(),
                status: status_name(c.status),
                code: c.code.to_string(),
                message: c.message.clone(),
                path: c.path.clone(),
                iri: c.iri.clone(),
                advisory: c.advisory,
            })
            .collect()
    }

    /// For a presentation, the report of each credential it holds (empty for an empty
    /// presentation); `None` for a credential.
    #[getter]
    fn credentials(&self) -> Option<Vec<Report>> {
        self.report.presentation.as_ref().map(|p| {
            p.credentials
                .iter()
                .map(|r| Report::new(r.clone(), None))
                .collect()
        })
    }

    /// `"jades"`, `"data_integrity"`, `"presentation"`, `"none"` or `"unknown"`.
    #[getter]
    fn securing(&self) -> PyResult<String> {
        serde_json::to_value(self.report.securing)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err("securing"))
    }

    /// The credential id, when it could be read.
    #[getter]
    fn credential_id(&self) -> Option<String> {
        self.report.credential_id.clone()
    }

    /// The issuer's legal name, when it could be read.
    #[getter]
    fn issuer(&self) -> Option<String> {
        self.report.issuer.clone()
    }

    /// The credential's title, when it could be read.
    #[getter]
    fn title(&self) -> Option<String> {
        self.report.title.clone()
    }

    /// The issuer's country (Publications Office code, `"BEL"`), when it could be read.
    #[getter]
    fn country(&self) -> Option<String> {
        self.report.country.clone()
    }

    /// The ECTS credits of what the credential certifies, when it could be read.
    #[getter]
    fn ects(&self) -> Option<f64> {
        self.report.ects
    }

    /// The EQF level (1 to 8), when it could be read.
    #[getter]
    fn eqf_level(&self) -> Option<u8> {
        self.report.eqf_level
    }

    /// When the credential was issued, as an aware `datetime`, when it could be read.
    #[getter]
    fn issued<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        input::to_datetime(py, self.report.issued.as_deref())
    }

    /// The learner's name, when it could be read. Personal data: a method, not a property, and
    /// never in `to_dict()`, `to_json()` or `repr()`, so that printing or logging reports does not
    /// show it.
    fn learner(&self) -> Option<String> {
        self.report.learner.get().map(str::to_owned)
    }

    /// About the seal of a JAdES file whose seal could be read (a dict: `algorithm`,
    /// `signing_time`, `certificate_subject`, `certificate_issuer`, `certificate_serial`,
    /// `trusted`, `qualified_certificate`, `qualified`, `level`, `certificate_revocation`,
    /// `timestamps`), else `None`.
    #[getter]
    fn seal<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.report
            .seal
            .as_ref()
            .map(|seal| {
                let text = serde_json::to_string(seal)
                    .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
                input::from_json(py, &text)
            })
            .transpose()
    }

    /// The time the checks were made for (RFC 3339).
    #[getter]
    fn checked_at(&self) -> String {
        self.report.checked_at.clone()
    }

    /// The path the file was read from, when a path was given.
    #[getter]
    fn source(&self) -> Option<String> {
        self.source.clone()
    }

    /// The report as JSON text (the core's serialisation).
    fn to_json(&self) -> String {
        self.report.to_json()
    }

    /// The report as Python objects.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        input::from_json(py, &self.report.to_json())
    }

    /// Pickles as the report's JSON, the learners' names (which the JSON leaves out) and the
    /// source.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let restore = py.import("microcred")?.getattr("_report_from_pickle")?;
        let args = (
            this.report.to_json(),
            learners(&this.report),
            this.source.clone(),
        )
            .into_pyobject(py)?;
        (restore, args).into_pyobject(py)
    }

    /// Unpickles (see `__reduce__`).
    #[staticmethod]
    fn _from_pickle(
        json: &str,
        learners: Vec<Option<String>>,
        source: Option<String>,
    ) -> PyResult<Self> {
        let mut report: CoreReport = serde_json::from_str(json)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("not a report: {e}")))?;
        let mut names = learners.into_iter();
        report.learner = Personal::new(names.next().flatten());
        if let Some(presentation) = report.presentation.as_mut() {
            for credential in &mut presentation.credentials {
                credential.learner = Personal::new(names.next().flatten());
            }
        }
        Ok(Report { report, source })
    }

    fn __repr__(&self) -> String {
        let mut lines = vec![format!(
            "<Report {}{}>",
            self.verdict(),
            self.report
                .title
                .as_deref()
                .map(|t| format!(": {t}"))
                .unwrap_or_default()
        )];
        for c in &self.report.checks {
            lines.push(format!(
                "  {:<16} {:<13} {}",
                c.kind.name(),
                status_name(c.status),
                c.code
            ));
        }
        lines.join("\n")
    }
}

/// The learner of a report, then of each credential of a presentation (what its JSON omits).
fn learners(report: &CoreReport) -> Vec<Option<String>> {
    let nested = report.presentation.iter().flat_map(|p| &p.credentials);
    std::iter::once(report)
        .chain(nested)
        .map(|r| r.learner.get().map(str::to_owned))
        .collect()
}

/// One check of a report.
#[derive(Debug)]
#[pyclass(frozen, module = "microcred", get_all)]
pub struct Check {
    /// What was checked (`seal`, `trust`, ...).
    kind: &'static str,
    /// `"ok"`, `"failed"`, `"skipped"` or `"indeterminate"`.
    status: &'static str,
    /// The stable code (`seal.signature_mismatch`).
    code: String,
    /// A sentence for people (never learner data).
    message: String,
    /// The JSON path concerned, when there is one.
    path: Option<String>,
    /// The EDC verification check IRI, when EDC has this check.
    iri: Option<String>,
    /// Whether the check leaves the verdict alone (micro-credential completeness).
    advisory: bool,
}

#[pymethods]
impl Check {
    fn __repr__(&self) -> String {
        format!("<Check {} {} {}>", self.kind, self.status, self.code)
    }
}
