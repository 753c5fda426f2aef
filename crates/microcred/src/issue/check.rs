//! Field checks shared by the template and the learner record: each records a problem and
//! returns `None`, so that one pass can report every problem at once.

use base64::Engine as _;

use super::error::{Input, IssueError};
use super::limits;
use super::text::Text;
use crate::model::{DateTime, LangMap};
use crate::vocab::{Country, FileType, Language};

/// Collects the problems of one input.
#[derive(Debug)]
pub(super) struct Checker {
    input: Input,
    pub(super) problems: Vec<IssueError>,
}

impl Checker {
    pub(super) fn new(input: Input) -> Self {
        Checker {
            input,
            problems: Vec::new(),
        }
    }

    pub(super) fn missing(&mut self, field: &str) {
        self.problems.push(IssueError::missing(self.input, field));
    }

    pub(super) fn invalid(&mut self, field: &str, expected: impl Into<String>) {
        self.problems
            .push(IssueError::invalid(self.input, field, expected));
    }

    /// Records `issue.too_long` when `text` has more than `limit` characters; true when it fits.
    pub(super) fn fits(&mut self, text: &str, field: &str, limit: usize) -> bool {
        // Counting stops past the limit, so a huge value costs no more than a long one.
        let fits = text.len() <= limit || text.chars().nth(limit).is_none();
        if !fits {
            self.problems.push(IssueError::TooLong {
                input: self.input,
                field: field.to_owned(),
                limit,
            });
        }
        fits
    }

    /// The value, or a missing-field problem.
    pub(super) fn require<'v, T>(&mut self, value: Option<&'v T>, field: &str) -> Option<&'v T> {
        if value.is_none() {
            self.missing(field);
        }
        value
    }

    /// A trimmed, non-blank string; blank counts as absent (CSV cells are often blank).
    pub(super) fn string(
        &mut self,
        value: Option<&String>,
        field: &str,
        required: bool,
    ) -> Option<String> {
        match value.map(|s| s.trim()).filter(|s| !s.is_empty()) {
            Some(s) => {
                let limit = match self.input {
                    Input::Template => limits::MAX_VALUE_CHARS,
                    _ => limits::MAX_LEARNER_CHARS,
                };
                self.fits(s, field, limit).then(|| s.to_owned())
            }
            None => {
                if required {
                    self.missing(field);
                }
                None
            }
        }
    }

    /// Text as a language map; a plain string is in `lang`. Language keys must be known ISO 639-1
    /// codes.
    pub(super) fn text(
        &mut self,
        value: Option<&Text>,
        field: &str,
        lang: &str,
        required: bool,
    ) -> Option<LangMap> {
        let Some(text) = value.filter(|t| !t.is_blank()) else {
            if required {
                self.missing(field);
            }
            return None;
        };
        let limit = if limits::is_title(field) {
            limits::MAX_TITLE_CHARS
        } else {
            limits::MAX_TEXT_CHARS
        };
        match text {
            Text::Plain(s) => self
                .fits(s.trim(), field, limit)
                .then(|| LangMap::new().with(lang, s.trim())),
            Text::Translated(map) => {
                let mut out = LangMap::new();
                for (key, s) in map {
                    if Language::from_iso639_1(key).is_none() || key.len() != 2 {
                        self.invalid(
                            &format!("{field}.{key}"),
                            "an ISO 639-1 language code (`en`, `ga`, ...) as key",
                        );
                    } else if s.trim().is_empty() {
                        self.missing(&format!("{field}.{key}"));
                    } else if self.fits(s.trim(), &format!("{field}.{key}"), limit) {
                        out.insert(key.to_ascii_lowercase(), s.trim());
                    }
                }
                if out.get(lang).is_none() && !self.has_problem_under(field) {
                    self.invalid(field, format!("text in the course language `{lang}`"));
                }
                Some(out)
            }
        }
    }

    fn has_problem_under(&self, field: &str) -> bool {
        self.problems
            .iter()
            .any(|p| p.field().is_some_and(|f| f.starts_with(field)))
    }

    /// A country by ISO 3166-1 alpha-2 or alpha-3 code.
    pub(super) fn country(
        &mut self,
        value: Option<&String>,
        field: &str,
        required: bool,
    ) -> Option<Country> {
        let code = self.string(value, field, required)?;
        let country = match code.len() {
            2 => Country::from_alpha2(&code),
            3 => Country::new(&code),
            _ => None,
        };
        if country.is_none() {
            self.invalid(field, "a known ISO 3166-1 country code (`IE` or `IRL`)");
        }
        country
    }

    /// A date or date-time naming one instant, written with its time zone: a bare date becomes
    /// midnight UTC and a date-time without a time zone is read as UTC (and written with `Z`), so
    /// that every date check applies to it. EDC types these `xsd:dateTime`.
    pub(super) fn date(
        &mut self,
        value: Option<&String>,
        field: &str,
        required: bool,
    ) -> Option<DateTime> {
        let text = self.string(value, field, required)?;
        let parsed = instant(&text);
        if parsed.is_none() {
            self.invalid(field, DATE_EXPECTED);
        }
        parsed
    }

    /// An `http` or `https` URL without spaces.
    pub(super) fn url(&mut self, value: Option<&String>, field: &str) -> Option<String> {
        let url = self.string(value, field, false)?;
        let ok = (url.starts_with("https://") || url.starts_with("http://"))
            && url.len() > "https://".len()
            && !url.chars().any(char::is_whitespace);
        if !ok {
            self.invalid(field, "an http or https URL");
        }
        ok.then_some(url)
    }

    /// An IRI: a scheme, a colon and no spaces.
    pub(super) fn iri(
        &mut self,
        value: Option<&String>,
        field: &str,
        required: bool,
    ) -> Option<String> {
        let iri = self.string(value, field, required)?;
        let ok = iri.split_once(':').is_some_and(|(scheme, rest)| {
            !scheme.is_empty()
                && !rest.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }) && !iri.chars().any(char::is_whitespace);
        if !ok {
            self.invalid(field, "an IRI (`http://...`)");
        }
        ok.then_some(iri)
    }

    /// An email address: something, `@`, a domain with a dot, no spaces.
    pub(super) fn email(&mut self, value: Option<&String>, field: &str) -> Option<String> {
        let email = self.string(value, field, false)?;
        let email = email.strip_prefix("mailto:").unwrap_or(&email).to_owned();
        let ok = email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        }) && !email
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\"".contains(c));
        if !ok {
            self.invalid(field, "an email address");
        }
        ok.then_some(email)
    }

    /// A base64 image (a template `Image`'s `content` and `content_type`) whose bytes match its
    /// declared type.
    pub(super) fn image(
        &mut self,
        content: Option<&String>,
        content_type: Option<&String>,
        field: &str,
    ) -> Option<(String, FileType)> {
        let content_field = format!("{field}.content");
        let content = match content.map(|c| c.trim()) {
            Some(c) if !c.is_empty() => self
                .fits(c, &content_field, limits::MAX_IMAGE_CHARS)
                .then(|| c.to_owned()),
            _ => {
                self.missing(&content_field);
                None
            }
        };
        let kind = self.string(content_type, &format!("{field}.content_type"), true);
        let file_type = kind.and_then(|kind| {
            let found = file_type(&kind);
            if found.is_none() {
                self.invalid(
                    &format!("{field}.content_type"),
                    "PNG, JPEG or SVG (or image/png, image/jpeg, image/svg+xml)",
                );
            }
            found
        });
        let (content, file_type) = (content?, file_type?);
        let compact: String = content.chars().filter(|c| !c.is_whitespace()).collect();
        let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(&compact) else {
            self.invalid(&format!("{field}.content"), "base64 data");
            return None;
        };
        if !looks_like(&bytes, file_type.code()) {
            self.invalid(
                &format!("{field}.content"),
                format!("a {} file, as content_type says", file_type.code()),
            );
            return None;
        }
        Some((compact, file_type))
    }
}

/// What a date field takes, for messages.
pub(super) const DATE_EXPECTED: &str = "a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDThh:mm:ss, with Z or an offset such as +02:00; without one it is read as UTC)";

/// The literal, with a time zone, when it names an instant.
fn instant(text: &str) -> Option<DateTime> {
    let date = DateTime::parse(text).ok()?;
    let anchored = if text.len() == 10 {
        DateTime::parse(&format!("{text}T00:00:00Z")).ok()?
    } else if date.has_time_zone() {
        date
    } else {
        DateTime::parse(&format!("{text}Z")).ok()?
    };
    anchored.to_offset().map(|_| anchored)
}

fn file_type(name: &str) -> Option<FileType> {
    let code = match name.split_once('/') {
        Some((_, subtype)) => subtype.trim_end_matches("+xml").to_ascii_uppercase(),
        None => name.to_ascii_uppercase(),
    };
    let code = if code == "JPG" {
        "JPEG".to_owned()
    } else {
        code
    };
    FileType::new(&code).filter(|t| ["PNG", "JPEG", "SVG"].contains(&t.code()))
}

/// Checks the magic bytes, so that a mislabelled file is caught here rather than by a viewer.
fn looks_like(bytes: &[u8], code: &str) -> bool {
    match code {
        "PNG" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "JPEG" => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
        "SVG" => std::str::from_utf8(bytes).is_ok_and(|s| s.contains("<svg")),
        _ => false,
    }
}
