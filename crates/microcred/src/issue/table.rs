//! A grade export: a CSV file with a header row of learner record field names
//! (`examples/learners.csv`), read into learner records that remember their line.
//!
//! What is wrong with the file as a whole is found before any row is looked at and reported
//! once: the encoding (UTF-8 is required; a UTF-8 byte order mark is fine), a header that is not
//! one, unknown, unnamed or repeated columns, a column every record needs, and a file without
//! learner rows. Then each row is read on its own, with the line it starts on in the file (blank
//! lines count), so a problem in one row is reported at its line and the others are issued.
//!
//! Choices:
//! - **The separator** is read from the header: a comma, or a semicolon or tab when the header is
//!   separated by those (spreadsheets in many European locales save "CSV" with semicolons).
//! - **Header names** are the learner record's field names (`given_name`, ...), in any case, with
//!   spaces or hyphens for underscores.
//! - **Rows whose fields are all blank** (what spreadsheets leave after the data) are skipped.
//! - **A learner who appears twice** (the same `student_id`, national identifier, email, or name
//!   and date of birth) is issued once: the later row is refused with
//!   `issue.csv.duplicate_learner`.
//!
//! Messages name lines, columns and fields, never a cell's content.

use std::collections::HashMap;

use super::error::IssueError;
use super::learner::LearnerRecord;

/// The learner record's fields, in the order of the example file.
pub(super) const FIELDS: [&str; 11] = [
    "given_name",
    "family_name",
    "full_name",
    "date_of_birth",
    "national_id",
    "national_id_country",
    "email",
    "student_id",
    "grade",
    "completion_date",
    "certificate_number",
];

/// Fields every record needs, one of each group.
const REQUIRED: &[&[&str]] = &[
    &["given_name", "family_name", "full_name"],
    &["date_of_birth", "national_id", "email", "student_id"],
    &["completion_date"],
];

/// A learner file read into records.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LearnerTable {
    /// The field of each column, in order.
    columns: Vec<&'static str>,
    /// The separator found in the header.
    separator: char,
    /// The rows with learner data, in file order.
    pub rows: Vec<LearnerRow>,
}

/// One row of a learner file.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LearnerRow {
    /// The line of the file the row starts on (the first line is 1).
    pub line: usize,
    /// The record, or why the row gives none: a wrong number of fields
    /// (`issue.csv.field_count`) or a learner an earlier row has (`issue.csv.duplicate_learner`).
    pub record: Result<LearnerRecord, IssueError>,
}

impl LearnerTable {
    /// Reads a CSV learner file. The errors concern the file as a whole (every problem found in
    /// the header, or the one encoding or emptiness problem); rows carry their own.
    pub fn from_csv(bytes: &[u8]) -> Result<LearnerTable, Vec<IssueError>> {
        let text = utf8(bytes).map_err(|e| vec![e])?;
        let Some((header_line, header)) = text
            .lines()
            .enumerate()
            .find(|(_, line)| !line.trim().is_empty())
        else {
            return Err(vec![IssueError::EmptyTable]);
        };
        let header_line = header_line + 1;
        let separator = separator(header);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(separator as u8)
            .from_reader(text.as_bytes());
        let mut records = reader.records();
        let header = match records.next() {
            Some(Ok(header)) => header,
            Some(Err(e)) => return Err(vec![syntax(text, &e, header_line)]),
            None => return Err(vec![IssueError::EmptyTable]),
        };
        let columns = columns(&header, header_line)?;
        let mut table = LearnerTable {
            columns,
            separator,
            rows: Vec::new(),
        };
        let mut seen = Seen::default();
        for record in records {
            let record = match record {
                Ok(record) => record,
                Err(e) => return Err(vec![syntax(text, &e, header_line)]),
            };
            if record.iter().all(|field| field.trim().is_empty()) {
                continue;
            }
            let line = line_of(text, record.position()).unwrap_or(header_line);
            let record = if record.len() == table.columns.len() {
                let learner = table.learner(&record);
                match seen.check(&learner, line) {
                    Some(duplicate) => Err(duplicate),
                    None => Ok(learner),
                }
            } else {
                Err(IssueError::FieldCount {
                    line,
                    expected: table.columns.len(),
                    found: record.len(),
                })
            };
            table.rows.push(LearnerRow { line, record });
        }
        if table.rows.is_empty() {
            return Err(vec![IssueError::EmptyTable]);
        }
        Ok(table)
    }

    /// The column holding `field`, counted from 1, when the file has one.
    pub fn column_of(&self, field: &str) -> Option<usize> {
        self.columns.iter().position(|c| *c == field).map(|i| i + 1)
    }

    /// The fields of the columns, in order.
    pub fn columns(&self) -> &[&'static str] {
        &self.columns
    }

    /// The separator the file uses: `,`, `;` or a tab.
    pub fn separator(&self) -> char {
        self.separator
    }

    fn learner(&self, record: &csv::StringRecord) -> LearnerRecord {
        let mut learner = LearnerRecord::default();
        for (field, cell) in self.columns.iter().zip(record.iter()) {
            let cell = Some(cell.to_owned()).filter(|c| !c.trim().is_empty());
            let slot = match *field {
                "given_name" => &mut learner.given_name,
                "family_name" => &mut learner.family_name,
                "full_name" => &mut learner.full_name,
                "date_of_birth" => &mut learner.date_of_birth,
                "national_id" => &mut learner.national_id,
                "national_id_country" => &mut learner.national_id_country,
                "email" => &mut learner.email,
                "student_id" => &mut learner.student_id,
                "grade" => &mut learner.grade,
                "completion_date" => &mut learner.completion_date,
                _ => &mut learner.certificate_number,
            };
            *slot = cell;
        }
        learner
    }
}

/// The text, when the bytes are UTF-8 (a byte order mark is dropped).
fn utf8(bytes: &[u8]) -> Result<&str, IssueError> {
    let encoding = |found| IssueError::Encoding { line: 1, found };
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(encoding("UTF-32 text"));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(encoding("UTF-16 text"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let line = |offset: usize| memchr::memchr_iter(b'\n', &bytes[..offset]).count() + 1;
    // UTF-16 without a byte order mark: every other byte of ASCII text is zero.
    if let Some(zero) = memchr::memchr(0, bytes) {
        let utf16 = zero < 2 && bytes[zero..].iter().step_by(2).take(64).all(|b| *b == 0);
        let found = if utf16 {
            "UTF-16 text"
        } else {
            "a zero byte, which text files do not have"
        };
        return Err(IssueError::Encoding {
            line: line(zero),
            found,
        });
    }
    std::str::from_utf8(bytes).map_err(|e| IssueError::Encoding {
        line: line(e.valid_up_to()),
        found: "text that is not UTF-8 (another encoding, such as Windows-1252)",
    })
}

/// The separator of the header line: the one that splits it into the most known field names.
fn separator(header: &str) -> char {
    let known = |sep: char| {
        header
            .split(sep)
            .filter(|name| field(name).is_some())
            .count()
    };
    [',', ';', '\t']
        .into_iter()
        .fold((',', 0), |(best, most), sep| {
            let n = known(sep);
            if n > most { (sep, n) } else { (best, most) }
        })
        .0
}

/// The field a header name stands for.
fn field(name: &str) -> Option<&'static str> {
    let name = name
        .trim()
        .trim_matches('"')
        .trim()
        .to_ascii_lowercase()
        .replace([' ', '-'], "_");
    FIELDS.into_iter().find(|f| *f == name)
}

/// The field of each header column, or every problem of the header.
fn columns(header: &csv::StringRecord, line: usize) -> Result<Vec<&'static str>, Vec<IssueError>> {
    let mut problems = Vec::new();
    let mut columns = Vec::new();
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let column = i + 1;
        if name.trim().is_empty() {
            problems.push(IssueError::EmptyColumn { column });
            continue;
        }
        match field(name) {
            Some(field) => {
                if let Some(&earlier) = first.get(field) {
                    problems.push(IssueError::DuplicateColumn {
                        column,
                        first: earlier,
                        field,
                    });
                } else {
                    first.insert(field, column);
                }
                columns.push(field);
            }
            None => problems.push(IssueError::UnknownColumn {
                column,
                suggestion: similar(name),
            }),
        }
    }
    if columns.is_empty() {
        return Err(vec![IssueError::NoHeader { line }]);
    }
    for group in REQUIRED {
        if !group.iter().any(|f| columns.contains(f)) {
            let field = match group {
                [one] => (*one).to_owned(),
                [init @ .., last] => format!("{} or {last}", init.join(", ")),
                [] => continue,
            };
            problems.push(IssueError::MissingColumn { field });
        }
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}

/// A field whose name is close to `name` (a typo, or words in another order), for the message.
fn similar(name: &str) -> Option<&'static str> {
    let name = name.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    FIELDS
        .into_iter()
        .map(|f| (f, distance(&name, f)))
        .filter(|(f, d)| *d <= 2.max(f.len() / 5))
        .min_by_key(|(_, d)| *d)
        .map(|(f, _)| f)
}

/// The Levenshtein distance, on short ASCII names.
fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > 3 || a.len() > 64 {
        return usize::MAX;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The line a record starts on. The reader's own line count skips blank lines, so the line is
/// counted from the record's byte offset, past the line breaks the reader skipped before it.
fn line_of(text: &str, position: Option<&csv::Position>) -> Option<usize> {
    let start = usize::try_from(position?.byte()).ok()?.min(text.len());
    let skipped = text.as_bytes()[start..]
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .count();
    let start = start + skipped;
    Some(memchr::memchr_iter(b'\n', &text.as_bytes()[..start]).count() + 1)
}

fn syntax(text: &str, e: &csv::Error, fallback: usize) -> IssueError {
    IssueError::CsvSyntax {
        line: line_of(text, e.position()).unwrap_or(fallback),
    }
}

/// The learners of earlier rows, by what identifies them.
#[derive(Debug, Default)]
struct Seen(HashMap<(&'static str, String), usize>);

impl Seen {
    /// The duplicate problem when an earlier row has this learner; else remembers the learner.
    fn check(&mut self, learner: &LearnerRecord, line: usize) -> Option<IssueError> {
        let clean = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let email =
            clean(&learner.email).map(|e| e.strip_prefix("mailto:").unwrap_or(&e).to_lowercase());
        let national = clean(&learner.national_id).map(|id| {
            format!(
                "{id}\u{0}{}",
                clean(&learner.national_id_country)
                    .unwrap_or_default()
                    .to_ascii_uppercase()
            )
        });
        let named = clean(&learner.date_of_birth).map(|born| {
            [
                &learner.given_name,
                &learner.family_name,
                &learner.full_name,
            ]
            .iter()
            .map(|v| clean(v).unwrap_or_default().to_lowercase())
            .chain([born])
            .collect::<Vec<_>>()
            .join("\u{0}")
        });
        let keys = [
            ("student_id", clean(&learner.student_id)),
            ("national_id", national),
            ("email", email),
            ("date_of_birth", named),
        ];
        for (field, key) in &keys {
            if let Some(key) = key
                && let Some(&first_line) = self.0.get(&(*field, key.clone()))
            {
                return Some(IssueError::DuplicateLearner {
                    line,
                    first_line,
                    field,
                });
            }
        }
        for (field, key) in keys {
            if let Some(key) = key {
                self.0.entry((field, key)).or_insert(line);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_suggest_the_field() {
        assert_eq!(similar("gradde"), Some("grade"));
        assert_eq!(similar("Given Nmae"), Some("given_name"));
        assert_eq!(similar("studentid"), Some("student_id"));
        assert_eq!(similar("shoe size"), None);
    }

    /// The reader cannot fail on text already checked to be UTF-8; should it fail all the same,
    /// the error is reported with its line, not swallowed.
    #[test]
    fn a_reader_error_is_reported_with_its_line() {
        struct Broken;
        impl std::io::Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("broken"))
            }
        }
        let mut reader = csv::Reader::from_reader(Broken);
        let error = reader
            .records()
            .next()
            .and_then(Result::err)
            .map(|e| syntax("", &e, 3));
        assert_eq!(
            error.map(|e| (e.code(), e.line())),
            Some(("issue.csv.syntax", Some(3)))
        );
    }

    #[test]
    fn the_separator_is_the_one_the_header_uses() {
        assert_eq!(separator("given_name,family_name"), ',');
        assert_eq!(separator("given_name;family_name;email"), ';');
        assert_eq!(separator("given_name\tfamily_name"), '\t');
        assert_eq!(separator("nothing known"), ',');
    }
}
