//! `Credential`: a read (or issued) credential, its serialisations and its profile findings.

use microcred::json::{Form, Reader};
use microcred::{EuropeanDigitalCredential, ParseError, json, profile, rdf, xml};
use pyo3::prelude::*;
use pyo3::types::PyType;

use crate::errors::to_py;
use crate::input;

/// A European Digital Credential (ELM 3), read from EDC JSON-LD (plain or the upload form) or
/// RDF/XML, or issued by `microcred.issue`.
#[derive(Debug)]
#[pyclass(frozen, module = "microcred")]
pub struct Credential {
    pub(crate) credential: EuropeanDigitalCredential,
    pub(crate) form: Form,
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
        Ok(Credential { credential, form })
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
        Ok(Credential { credential, form })
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
        Ok(Credential {
            credential,
            form: Form::Plain,
        })
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
        self.credential.summary().title
    }

    /// The issuer's legal name (English first), when there is one.
    #[getter]
    fn issuer(&self) -> Option<String> {
        self.credential.summary().issuer
    }

    /// The issuer's country as a Publications Office code (`"BEL"`); the awarding body's when
    /// the issuer names none.
    #[getter]
    fn country(&self) -> Option<String> {
        self.credential.summary().country
    }

    /// The ECTS credits of what the credential certifies.
    #[getter]
    fn ects(&self) -> Option<f64> {
        self.credential.summary().ects
    }

    /// The EQF level (1 to 8) of what the credential certifies.
    #[getter]
    fn eqf_level(&self) -> Option<u8> {
        self.credential.summary().eqf_level
    }

    /// The issue date-time as written (RFC 3339 text, `"2026-01-15T10:00:00Z"`).
    #[getter]
    fn issued(&self) -> Option<String> {
        self.credential.summary().issued
    }

    /// The credential id (`urn:credential:...`), when it has one.
    #[getter]
    fn id(&self) -> Option<String> {
        self.credential.id.clone()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Credential {} ({})>",
            self.credential.id.as_deref().unwrap_or("without id"),
            self.form()
        )
    }
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
