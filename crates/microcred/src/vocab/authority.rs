//! Publications Office authority tables: countries, languages, file types.

use super::{Vocabulary, scheme};

const AUTHORITY: &str = "http://publications.europa.eu/resource/authority/";

/// Declares a table keyed by an upper-case code, with its English labels.
macro_rules! authority_table {
    ($(#[$meta:meta])* $name:ident, table $table:literal, scheme $scheme:expr, rows $rows:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name {
            code: &'static str,
            label: &'static str,
        }

        impl $name {
            /// The entry with this code (upper case, as the Publications Office writes it).
            pub fn new(code: &str) -> Option<Self> {
                $rows.iter().find(|row| row.0.eq_ignore_ascii_case(code)).map(|row| $name { code: row.0, label: row.1 })
            }

            /// The code.
            pub fn code(&self) -> &'static str {
                self.code
            }
        }

        impl Vocabulary for $name {
            const SCHEME: &'static str = $scheme;
            const NOTATION: Option<&'static str> = Some($table);

            fn iri(&self) -> String {
                format!("{AUTHORITY}{}/{}", $table, self.code)
            }

            fn label(&self) -> String {
                self.label.to_owned()
            }

            fn from_iri(iri: &str) -> Option<Self> {
                iri.strip_prefix(AUTHORITY)?.strip_prefix(concat!($table, "/")).and_then(Self::new)
            }
        }
    };
}

authority_table! {
    /// A country (ISO 3166-1 alpha-3 code, as the Publications Office uses).
    Country, table "country", scheme scheme::COUNTRY, rows COUNTRIES
}

authority_table! {
    /// A language (Publications Office code, mostly ISO 639-2/B upper case: `ENG`, `FRA`).
    Language, table "language", scheme scheme::LANGUAGE, rows LANGUAGES
}

authority_table! {
    /// A file type.
    FileType, table "file-type", scheme scheme::FILE_TYPE, rows FILE_TYPES
}

/// (alpha-3 code, English name, alpha-2 code).
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("BEL", "Belgium", "BE"),
    ("ESP", "Spain", "ES"),
    ("IRL", "Ireland", "IE"),
    ("ITA", "Italy", "IT"),
];

/// (code, English name, ISO 639-1 code).
const LANGUAGES: &[(&str, &str, &str)] = &[("ENG", "English", "en")];

/// (code, label, media type).
const FILE_TYPES: &[(&str, &str, &str)] = &[
    ("JPEG", "JPEG", "image/jpeg"),
    ("PNG", "PNG", "image/png"),
    ("SVG", "SVG", "image/svg+xml"),
    ("PDF", "PDF", "application/pdf"),
];

impl Country {
    /// The country with this ISO 3166-1 alpha-2 code (`IE`).
    pub fn from_alpha2(code: &str) -> Option<Self> {
        COUNTRIES.iter().find(|row| row.2.eq_ignore_ascii_case(code)).map(|row| Country { code: row.0, label: row.1 })
    }
}

impl Language {
    /// The language with this ISO 639-1 code (`en`), which is also its language-map key.
    pub fn from_iso639_1(code: &str) -> Option<Self> {
        LANGUAGES.iter().find(|row| row.2.eq_ignore_ascii_case(code)).map(|row| Language { code: row.0, label: row.1 })
    }

    /// The ISO 639-1 code, used as the key of language maps.
    pub fn iso639_1(&self) -> &'static str {
        LANGUAGES.iter().find(|row| row.0 == self.code).map(|row| row.2).unwrap_or("en")
    }
}

impl FileType {
    /// The media type (`image/png`).
    pub fn media_type(&self) -> &'static str {
        FILE_TYPES.iter().find(|row| row.0 == self.code).map(|row| row.2).unwrap_or("application/octet-stream")
    }
}
