//! `issue(course, learner, ...)`: one credential from a course template and a learner record,
//! as the CLI's `microcred issue` makes it.

use std::path::Path;

use microcred::issue::{CourseTemplate, Issuance, IssueContext, LearnerRecord};
use microcred::json::Form;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::credential::Credential;
use crate::errors::to_py;
use crate::input;

/// Issues one credential. `course` is a course template and `learner` a learner record, each a
/// dict, JSON text (TOML too for the course) or a path (a course file is read as TOML or JSON
/// by its extension, as the CLI does). `now` (an aware `datetime`, default: the clock) is the
/// issue time; `credential_id` (a UUID, `str` or `uuid.UUID`; default: a random one) names
/// the credential `urn:credential:<uuid>`.
#[pyfunction]
#[pyo3(signature = (course, learner, *, now = None, credential_id = None))]
pub fn issue(
    py: Python<'_>,
    course: &Bound<'_, PyAny>,
    learner: &Bound<'_, PyAny>,
    now: Option<&Bound<'_, PyAny>>,
    credential_id: Option<&Bound<'_, PyAny>>,
) -> PyResult<Credential> {
    let template = template(course)?;
    let record = record(learner)?;
    let now = match now {
        None => OffsetDateTime::now_utc(),
        Some(at) => {
            let text = input::aware_datetime(at, "now")?;
            OffsetDateTime::parse(&text, &Rfc3339)
                .map_err(|_| PyValueError::new_err("now: not representable as RFC 3339"))?
        }
    };
    let id = match credential_id {
        None => Uuid::new_v4(),
        Some(id) => {
            let uuid_class = py.import("uuid")?.getattr("UUID")?;
            if !(id.is_instance_of::<pyo3::types::PyString>() || id.is_instance(&uuid_class)?) {
                return Err(PyTypeError::new_err(
                    "credential_id: expected a str or uuid.UUID",
                ));
            }
            Uuid::parse_str(&id.str()?.to_string())
                .map_err(|_| PyValueError::new_err("credential_id: not a UUID"))?
        }
    };
    let credential = py
        .detach(|| {
            let issuance = Issuance::new(&template)?;
            issuance.issue(&record, IssueContext::new(now, id))
        })
        .map_err(|e| to_py(&e))?;
    Ok(Credential::new(credential, Form::Plain))
}

fn template(course: &Bound<'_, PyAny>) -> PyResult<CourseTemplate> {
    let read = if course.is_instance_of::<PyDict>() {
        CourseTemplate::from_json(&input::json_text(course)?)
    } else {
        let (text, path) = input::text(course, "course")?;
        match path
            .as_deref()
            .and_then(Path::extension)
            .and_then(|e| e.to_str())
        {
            Some("toml") => CourseTemplate::from_toml(&text),
            Some("json") => CourseTemplate::from_json(&text),
            _ => CourseTemplate::from_text(&text),
        }
    };
    read.map_err(|e| to_py(&e))
}

fn record(learner: &Bound<'_, PyAny>) -> PyResult<LearnerRecord> {
    let text = if learner.is_instance_of::<PyDict>() {
        input::json_text(learner)?
    } else {
        input::text(learner, "learner")?.0
    };
    LearnerRecord::from_json(&text).map_err(|e| to_py(&e))
}
