//! `Credential`: a read (or issued) credential, its serialisations and its profile findings.

use std::sync::OnceLock;

use microcred::json::{Form, Reader};
use microcred::model::Summary;
use microcred::{EuropeanDigitalCredential, ParseError, json, profile, rdf, xml};
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};

use crate::errors::to_py;
use crate::input;

/// A European Digital Credential (ELM 3), read from EDC JSON-LD (plain or the upload form) or
/// RDF/XML, or issued by `microcred.issue`.
#[derive(Debug)]
#[pyclass(frozen, module = "microcred")]
pub struct Credential {
    pub(crate) credential: EuropeanDigitalCredential,
    pub(crate) form: Form,
    /// The core's summary, made on first use (the properties read it).
    summary: OnceLock<Summary>,
}

impl Credential {
    pub(crate) fn new(credential: EuropeanDigitalCredential, form: Form) -> Self {
        Credential {
            credential,
            form,
            summary: OnceLock::new(),
        }
    }

    fn summary_ref(&self) -> &Summary {
        self.summary.get_or_init(|| self.credential.summary())
    }
}

#[pymethods]
impl Credential {
    /// Reads EDC JSON-LD: a plain credential or the upload form `{"credential": {...}}`.
    /// `data` is the text (`str` or `bytes`) or a path. A sealed file is refused
    /// (`json.sealed_input`): verify it with a `Verifier`.
    #[classmethod]
    fn from_jsonld(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let (bytes, _) = input::bytes(data, "data")?;
        let (credential, form) = py
            .detach(|| read_not_sealed(&bytes))
            .map_err(|e| to_py(&e))?;
        Ok(Credential::new(credential, form))
    }

    /// Reads any form, a JAdES-sealed file included, **without verifying the seal**: for
    /// display and conversion only.
    #[classmethod]
    fn from_jsonld_unverified(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let (bytes, _) = input::bytes(data, "data")?;
        let (credential, form) = py
            .detach(|| Reader::new().read_any_unverified(&bytes))
            .map_err(|e| to_py(&e))?;
        Ok(Credential::new(credential, form))
    }

    /// The built-in demo micro-credential (what `microcred demo` issues): the same on every run,
    /// for trying things out.
    ///
    /// >>> import microcred
    /// >>> c = microcred.Credential.demo()
    /// >>> c.eqf_level, c.issued.isoformat()
    /// (6, '2026-01-15T10:00:00+00:00')
    #[staticmethod]
    fn demo() -> Self {
        Credential::new(microcred::issue::demo_credential(), Form::Plain)
    }

    /// Reads RDF/XML of the ELM graph (as `to_xml` writes it).
    #[classmethod]
    fn from_xml(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let (bytes, _) = input::bytes(data, "data")?;
        let credential = py
            .detach(|| xml::from_rdf_xml(&bytes))
            .map_err(|e| to_py(&e))?;
        Ok(Credential::new(credential, Form::Plain))
    }

    /// EDC JSON-LD text (indented unless `pretty=False`); `upload_form=True` writes the EDC
    /// upload form instead.
    #[pyo3(signature = (*, pretty = true, upload_form = false))]
    fn to_jsonld(&self, pretty: bool, upload_form: bool) -> String {
        if upload_form {
            json::to_upload_form(&self.credential)
        } else if pretty {
            json::to_string_pretty(&self.credential)
        } else {
            json::to_string(&self.credential)
        }
    }

    /// The JSON-LD as Python objects (dicts, lists, strings, numbers).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        input::from_json(py, &json::to_string(&self.credential))
    }

    /// RDF/XML of the ELM graph.
    fn to_xml(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| xml::to_rdf_xml(&self.credential))
            .map_err(|e| to_py(&e))
    }

    /// N-Quads of the credential's RDF dataset; `canonical=True` gives RDFC-1.0 canonical
    /// N-Quads.
    #[pyo3(signature = (*, canonical = false))]
    fn to_nquads(&self, py: Python<'_>, canonical: bool) -> PyResult<String> {
        py.detach(|| {
            let dataset = rdf::to_dataset(&self.credential)?;
            if canonical {
                rdf::canonical_nquads(&dataset)
            } else {
                Ok(rdf::to_nquads(&dataset))
            }
        })
        .map_err(|e| to_py(&e))
    }

    /// The profile findings (EDC application profile and micro-credential completeness). The
    /// upload form is checked as unsealed (EDC fills the issuer and issue date when it seals).
    /// `elm_version="3.2"` (or `"3.1"`) adds the `edc.version.*` findings saying where that
    /// version reads the credential differently.
    #[pyo3(signature = (*, elm_version = None))]
    fn findings(&self, py: Python<'_>, elm_version: Option<&str>) -> PyResult<Vec<Finding>> {
        let version = elm_version
            .map(|v| {
                serde_json::from_value::<profile::ElmVersion>(v.into()).map_err(|_| {
                    pyo3::exceptions::PyValueError::new_err(format!(
                        "elm_version: \"3.1\" or \"3.2\", not {v:?}"
                    ))
                })
            })
            .transpose()?;
        let findings = py.detach(|| match version {
            None => profile::check_as_read(&self.credential, self.form),
            Some(v) => profile::check_as_read_as(&self.credential, self.form, v),
        });
        Ok(findings
            .into_iter()
            .map(|f| Finding {
                code: f.code.into_owned(),
                severity: f.severity.as_str(),
                path: f.path,
                message: f.message,
            })
            .collect())
    }

    /// The form it was read in: `"plain"`, `"upload_form"` or `"sealed_unverified"`.
    #[getter]
    fn form(&self) -> &'static str {
        match self.form {
            Form::UploadForm => "upload_form",
            Form::SealedUnverified => "sealed_unverified",
            _ => "plain",
        }
    }

    /// The title shown to people (English first), when there is one.
    #[getter]
    fn title(&self) -> Option<String> {
        self.summary_ref().title.clone()
    }

    /// The issuer's legal name (English first), when there is one.
    #[getter]
    fn issuer(&self) -> Option<String> {
        self.summary_ref().issuer.clone()
    }

    /// The issuer's country as a Publications Office code (`"BEL"`); the awarding body's when
    /// the issuer names none.
    #[getter]
    fn country(&self) -> Option<String> {
        self.summary_ref().country.clone()
    }

    /// The ECTS credits of what the credential certifies.
    #[getter]
    fn ects(&self) -> Option<f64> {
        self.summary_ref().ects
    }

    /// The EQF level (1 to 8) of what the credential certifies.
    #[getter]
    fn eqf_level(&self) -> Option<u8> {
        self.summary_ref().eqf_level
    }

    /// When it was issued, as an aware `datetime` (`None` when the credential does not say, or
    /// says it in a form that is not an XML Schema date-time; `to_dict()` has the text).
    #[getter]
    fn issued<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        input::to_datetime(py, self.summary_ref().issued.as_deref())
    }

    /// The learner's name (full name, else given and family names). Personal data.
    #[getter]
    fn learner(&self) -> Option<String> {
        self.summary_ref().learner.clone()
    }

    /// The learning outcomes of what the credential certifies, by title.
    #[getter]
    fn learning_outcomes(&self) -> Vec<String> {
        self.summary_ref().learning_outcomes.clone()
    }

    /// The assessments the learner took (else those the specification plans), each a dict with
    /// `title`, `kind` (exam, portfolio, ...), `grade` and `supervision`.
    #[getter]
    fn assessment<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.summary_ref().assessments)
    }

    /// The quality assurance (accreditations) of the qualification, else of the awarding bodies,
    /// each a dict with `kind`, `title` and `agency`.
    #[getter]
    fn quality_assurance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.summary_ref().quality_assurance)
    }

    /// Everything a person looks at first, as a dict: the properties above plus `achievement`,
    /// `participation` (forms of participation), `awarded`, `valid_from`, `valid_until` (as
    /// written) and `image` (the credential's own display image: `media_type` and `base64`, or
    /// None).
    ///
    /// >>> import microcred
    /// >>> s = microcred.Credential.demo().summary()
    /// >>> s["eqf_level"], s["participation"], s["assessments"][0]["kind"]
    /// (6, ['Online'], 'portfolio')
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.summary_ref())
    }

    /// The credential id (`urn:credential:...`), when it has one.
    #[getter]
    fn id(&self) -> Option<String> {
        self.credential.id.clone()
    }

    /// Pickles as its JSON-LD and the form it was read in (JSON-LD is lossless).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let restore = py.import("microcred")?.getattr("_credential_from_pickle")?;
        let args = (json::to_string(&this.credential), this.form()).into_pyobject(py)?;
        (restore, args).into_pyobject(py)
    }

    /// Unpickles (see `__reduce__`).
    #[staticmethod]
    fn _from_pickle(py: Python<'_>, jsonld: &str, form: &str) -> PyResult<Self> {
        let form = match form {
            "upload_form" => Form::UploadForm,
            "sealed_unverified" => Form::SealedUnverified,
            _ => Form::Plain,
        };
        let credential = py
            .detach(|| Reader::new().read_any_unverified(jsonld.as_bytes()))
            .map_err(|e| to_py(&e))?
            .0;
        Ok(Credential::new(credential, form))
    }

    fn __repr__(&self) -> String {
        format!(
            "<Credential {} ({})>",
            self.credential.id.as_deref().unwrap_or("without id"),
            self.form()
        )
    }
}

/// A serialisable value of the core as Python objects, through its JSON.
fn to_python<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value)
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
    input::from_json(py, &text)
}

/// A plain credential or the upload form; a sealed file is `json.sealed_input`.
fn read_not_sealed(bytes: &[u8]) -> Result<(EuropeanDigitalCredential, Form), ParseError> {
    match Reader::new().read_any_unverified(bytes)? {
        (_, Form::SealedUnverified) => Err(ParseError::Sealed),
        read => Ok(read),
    }
}

/// One profile finding.
#[derive(Debug)]
#[pyclass(frozen, module = "microcred", get_all)]
pub struct Finding {
    /// The stable code (`edc.missing.title`).
    code: String,
    /// `"error"`, `"warning"` or `"info"`.
    severity: &'static str,
    /// The JSON path concerned.
    path: String,
    /// What the code means.
    message: String,
}

#[pymethods]
impl Finding {
    fn __repr__(&self) -> String {
        format!("<Finding {} {} at {}>", self.severity, self.code, self.path)
    }
}

/// What `data` holds (`"jades"`, `"edc_json_ld"`, `"upload_form"`, `"rdf_xml"`, ...), as the core
/// tells formats apart. Input the core cannot read raises its error (`json.syntax`, ...).
#[pyfunction]
pub fn detect_format(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    let (bytes, _) = input::bytes(data, "data")?;
    py.detach(|| microcred::Format::detect(&bytes))
        .map(microcred::Format::name)
        .map_err(|e| to_py(&e))
}
