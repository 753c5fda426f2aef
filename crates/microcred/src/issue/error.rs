//! What can go wrong when issuing from a template.

use std::fmt;

/// The input a field belongs to, so that an error says where to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Input {
    /// The course template.
    Template,
    /// The learner record.
    Learner,
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Input::Template => "course template",
            Input::Learner => "learner record",
        })
    }
}

/// Why a credential could not be issued.
///
/// Messages name the field and what was expected; they never repeat a value, because learner
/// records hold personal data (names, dates of birth, identifiers, grades).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IssueError {
    /// A required field is absent or blank.
    #[error("{input}: `{field}` is missing")]
    MissingField {
        /// Which input.
        input: Input,
        /// The field, as a path into the input (`awarding_body.country`).
        field: String,
    },
    /// A field has a value that does not fit.
    #[error("{input}: `{field}` is invalid: expected {expected}")]
    InvalidField {
        /// Which input.
        input: Input,
        /// The field, as a path into the input (`learning_outcomes[1].esco_skills[0]`).
        field: String,
        /// What the field should hold.
        expected: String,
    },
    /// A text or value is longer than issuance takes (see [`super::limits`]).
    #[error("{input}: `{field}` is too long: at most {limit} characters")]
    TooLong {
        /// Which input.
        input: Input,
        /// The field, as a path into the input.
        field: String,
        /// The most characters the field takes.
        limit: usize,
    },
    /// The template file is larger than a template may be.
    #[error("course template: {size} bytes, more than the {limit} a template may have")]
    TemplateTooLarge {
        /// The size of the file, in bytes.
        size: usize,
        /// The limit, in bytes ([`super::limits::MAX_TEMPLATE_BYTES`]).
        limit: usize,
    },
    /// The template's credentials would be larger than microcred reads back once sealed.
    #[error(
        "course template: its credentials would take up to {size} bytes, more than the {limit} an issued credential may have (microcred reads credentials of up to 16 MiB, and a seal can double the size): make its texts or images smaller"
    )]
    CredentialTooLarge {
        /// The largest credential the template can give, in bytes.
        size: usize,
        /// The limit, in bytes ([`super::limits::MAX_CREDENTIAL_BYTES`]).
        limit: usize,
    },
    /// The template is not valid JSON or TOML, or has a key the template does not know.
    #[error("course template ({format}){}: {message}", at_line(*line))]
    TemplateSyntax {
        /// `json` or `toml`.
        format: &'static str,
        /// The line of the problem, when known.
        line: Option<usize>,
        /// The parser's message (it may name a key; templates hold no personal data).
        message: String,
    },
    /// The learner file is not UTF-8 text.
    #[error(
        "learner file, line {line}: {found}; save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\")"
    )]
    Encoding {
        /// The first line where the text is not UTF-8.
        line: usize,
        /// What was found instead, in general terms (`UTF-16 text`).
        found: &'static str,
    },
    /// The learner file has no learner rows (it is empty, or holds only the header).
    #[error("learner file: no learner rows")]
    EmptyTable,
    /// The first line of the learner file names none of the learner record's fields.
    #[error(
        "learner file, line {line}: not a header row: it names none of the learner record fields ({fields})",
        fields = super::table::FIELDS.join(", ")
    )]
    NoHeader {
        /// The line of the header (after any blank lines).
        line: usize,
    },
    /// A header column that names no learner record field.
    #[error(
        "learner file, header, column {column}: not a learner record field{}; the fields are {fields}",
        suggestion.map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default(),
        fields = super::table::FIELDS.join(", ")
    )]
    UnknownColumn {
        /// The column, counted from 1.
        column: usize,
        /// A field with a similar name.
        suggestion: Option<&'static str>,
    },
    /// A header column without a name.
    #[error("learner file, header, column {column}: the column has no name")]
    EmptyColumn {
        /// The column, counted from 1.
        column: usize,
    },
    /// A header column that repeats an earlier one.
    #[error("learner file, header, column {column}: `{field}` is already column {first}")]
    DuplicateColumn {
        /// The column, counted from 1.
        column: usize,
        /// The column that first names the field.
        first: usize,
        /// The field.
        field: &'static str,
    },
    /// A field every record needs has no column.
    #[error("learner file, header: no `{field}` column (every learner record needs one)")]
    MissingColumn {
        /// The field, or the fields of which one is needed (`given_name, family_name or full_name`).
        field: String,
    },
    /// A row with more or fewer fields than the header.
    #[error("learner file, line {line}: {found} field(s) where the header has {expected}")]
    FieldCount {
        /// The line the row starts on.
        line: usize,
        /// The header's number of columns.
        expected: usize,
        /// The row's number of fields.
        found: usize,
    },
    /// The CSV cannot be read (the reader's own error, without the text).
    #[error("learner file, line {line}: not readable as CSV")]
    CsvSyntax {
        /// The line of the problem.
        line: usize,
    },
    /// A row for a learner an earlier row already has: not issued twice.
    #[error(
        "learner file, line {line}: the same learner as line {first_line} (same `{field}`), so not issued twice"
    )]
    DuplicateLearner {
        /// The line of the repeated learner.
        line: usize,
        /// The line that has the learner first.
        first_line: usize,
        /// The field that tells them apart (`student_id`, `email`, ...).
        field: &'static str,
    },
    /// A learner record is not valid JSON or has a key the record does not know.
    #[error("learner record{}: {message}", at_line(*line))]
    LearnerSyntax {
        /// The line of the problem, when known.
        line: Option<usize>,
        /// What is wrong, naming keys only, never values.
        message: String,
    },
}

fn at_line(line: Option<usize>) -> String {
    line.map(|l| format!(" line {l}")).unwrap_or_default()
}

impl IssueError {
    /// The stable code of this error, for tests, logs and bindings.
    pub fn code(&self) -> &'static str {
        match self {
            IssueError::MissingField { .. } => "issue.missing_field",
            IssueError::InvalidField { .. } => "issue.invalid_field",
            IssueError::TooLong { .. } => "issue.too_long",
            IssueError::TemplateTooLarge { .. } => "issue.template_too_large",
            IssueError::CredentialTooLarge { .. } => "issue.credential_too_large",
            IssueError::TemplateSyntax { .. } => "issue.template_syntax",
            IssueError::LearnerSyntax { .. } => "issue.learner_syntax",
            IssueError::Encoding { .. } => "issue.csv.encoding",
            IssueError::EmptyTable => "issue.csv.empty",
            IssueError::NoHeader { .. } => "issue.csv.no_header",
            IssueError::UnknownColumn { .. } => "issue.csv.unknown_column",
            IssueError::EmptyColumn { .. } => "issue.csv.empty_column",
            IssueError::DuplicateColumn { .. } => "issue.csv.duplicate_column",
            IssueError::MissingColumn { .. } => "issue.csv.missing_column",
            IssueError::FieldCount { .. } => "issue.csv.field_count",
            IssueError::CsvSyntax { .. } => "issue.csv.syntax",
            IssueError::DuplicateLearner { .. } => "issue.csv.duplicate_learner",
        }
    }

    /// The field concerned, for the field errors.
    pub fn field(&self) -> Option<&str> {
        match self {
            IssueError::MissingField { field, .. }
            | IssueError::InvalidField { field, .. }
            | IssueError::TooLong { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The line of the file concerned, when known (1 is the first line).
    pub fn line(&self) -> Option<usize> {
        match self {
            IssueError::Encoding { line, .. }
            | IssueError::NoHeader { line }
            | IssueError::FieldCount { line, .. }
            | IssueError::CsvSyntax { line }
            | IssueError::DuplicateLearner { line, .. } => Some(*line),
            IssueError::TemplateSyntax { line, .. } | IssueError::LearnerSyntax { line, .. } => {
                *line
            }
            _ => None,
        }
    }

    /// The input concerned, for the field errors.
    pub fn input(&self) -> Option<Input> {
        match self {
            IssueError::MissingField { input, .. }
            | IssueError::InvalidField { input, .. }
            | IssueError::TooLong { input, .. } => Some(*input),
            IssueError::TemplateSyntax { .. }
            | IssueError::TemplateTooLarge { .. }
            | IssueError::CredentialTooLarge { .. } => Some(Input::Template),
            IssueError::LearnerSyntax { .. }
            | IssueError::Encoding { .. }
            | IssueError::EmptyTable
            | IssueError::NoHeader { .. }
            | IssueError::UnknownColumn { .. }
            | IssueError::EmptyColumn { .. }
            | IssueError::DuplicateColumn { .. }
            | IssueError::MissingColumn { .. }
            | IssueError::FieldCount { .. }
            | IssueError::CsvSyntax { .. }
            | IssueError::DuplicateLearner { .. } => Some(Input::Learner),
        }
    }

    pub(crate) fn missing(input: Input, field: impl Into<String>) -> Self {
        IssueError::MissingField {
            input,
            field: field.into(),
        }
    }

    pub(crate) fn invalid(
        input: Input,
        field: impl Into<String>,
        expected: impl Into<String>,
    ) -> Self {
        IssueError::InvalidField {
            input,
            field: field.into(),
            expected: expected.into(),
        }
    }

    pub(crate) fn from_json_template(error: &serde_json::Error) -> Self {
        IssueError::TemplateSyntax {
            format: "json",
            line: (error.line() > 0).then_some(error.line()),
            message: in_plain_words(&without_position(error)),
        }
    }

    pub(crate) fn from_toml_template(error: &toml::de::Error, source: &str) -> Self {
        let line = error.span().map(|span| line_of(source, span.start));
        IssueError::TemplateSyntax {
            format: "toml",
            line,
            message: in_plain_words(error.message().trim()),
        }
    }

    /// serde_json messages can quote the offending value ("invalid type: string \"Ana\""), so
    /// only the kinds of message that name keys are kept; the rest become a neutral description.
    pub(crate) fn from_json_learner(error: &serde_json::Error) -> Self {
        let message = without_position(error);
        let names_keys_only = ["unknown field", "missing field", "duplicate field"]
            .iter()
            .any(|prefix| message.starts_with(prefix));
        let message = if names_keys_only {
            message
        } else if message.ends_with("expected a JSON object of learner fields") {
            "expected a JSON object of learner fields".to_owned()
        } else {
            match error.classify() {
                serde_json::error::Category::Data => "a value has the wrong type".to_owned(),
                serde_json::error::Category::Eof => "the JSON ends too early".to_owned(),
                _ => "not valid JSON".to_owned(),
            }
        };
        IssueError::LearnerSyntax {
            line: (error.line() > 0).then_some(error.line()),
            message,
        }
    }
}

/// serde's words for shapes, in the words of a template's reader: a list, a table.
fn in_plain_words(message: &str) -> String {
    message
        .replace("expected a sequence", "expected a list")
        .replace("expected a map", "expected a table")
        .replace("invalid type: sequence", "invalid type: list")
        .replace("invalid type: map", "invalid type: table")
}

/// serde_json appends " at line L column C"; the line is kept in its own field instead.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_owned()
}

fn line_of(source: &str, offset: usize) -> usize {
    let end = offset.min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}
