//! Publications Office authority tables: countries, languages, file types.
//!
//! Each table holds the entries a European university meets, with the English label the
//! Publications Office gives (its short country names follow the EU Interinstitutional Style
//! Guide: `Czechia`, `Türkiye`, `North Macedonia`, `Greece` under `GRC`, `United Kingdom` under
//! `GBR`). A code not in a table reads as `None`; the concept itself is kept by the model.

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
            /// The entry with this code (upper case, as the Publications Office writes it; the
            /// lookup ignores case).
            pub fn new(code: &str) -> Option<Self> {
                $rows.iter().find(|row| row.0.eq_ignore_ascii_case(code)).map(|row| $name { code: row.0, label: row.1 })
            }

            /// The code.
            pub fn code(&self) -> &'static str {
                self.code
            }

            /// Every entry microcred knows, in table order.
            pub fn all() -> impl Iterator<Item = Self> {
                $rows.iter().map(|row| $name { code: row.0, label: row.1 })
            }

            fn row(&self) -> Option<&'static (&'static str, &'static str, &'static str)> {
                $rows.iter().find(|row| row.0 == self.code)
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
                // The IRI names the code exactly: `country/irl` is not the concept `country/IRL`.
                let code = iri.strip_prefix(AUTHORITY)?.strip_prefix(concat!($table, "/"))?;
                Self::new(code).filter(|found| found.code == code)
            }
        }
    };
}

authority_table! {
    /// A country (ISO 3166-1 alpha-3 code, as the Publications Office uses).
    Country, table "country", scheme scheme::COUNTRY, rows COUNTRIES
}

authority_table! {
    /// A language (Publications Office code, the ISO 639-2 terminology code in upper case:
    /// `ENG`, `DEU`, `FRA`, `CES`, `ELL`).
    Language, table "language", scheme scheme::LANGUAGE, rows LANGUAGES
}

authority_table! {
    /// A file type.
    FileType, table "file-type", scheme scheme::FILE_TYPE, rows FILE_TYPES
}

/// (alpha-3 code, English name, alpha-2 code).
const COUNTRIES: &[(&str, &str, &str)] = &[
    // EU Member States.
    ("AUT", "Austria", "AT"),
    ("BEL", "Belgium", "BE"),
    ("BGR", "Bulgaria", "BG"),
    ("HRV", "Croatia", "HR"),
    ("CYP", "Cyprus", "CY"),
    ("CZE", "Czechia", "CZ"),
    ("DNK", "Denmark", "DK"),
    ("EST", "Estonia", "EE"),
    ("FIN", "Finland", "FI"),
    ("FRA", "France", "FR"),
    ("DEU", "Germany", "DE"),
    ("GRC", "Greece", "GR"),
    ("HUN", "Hungary", "HU"),
    ("IRL", "Ireland", "IE"),
    ("ITA", "Italy", "IT"),
    ("LVA", "Latvia", "LV"),
    ("LTU", "Lithuania", "LT"),
    ("LUX", "Luxembourg", "LU"),
    ("MLT", "Malta", "MT"),
    ("NLD", "Netherlands", "NL"),
    ("POL", "Poland", "PL"),
    ("PRT", "Portugal", "PT"),
    ("ROU", "Romania", "RO"),
    ("SVK", "Slovakia", "SK"),
    ("SVN", "Slovenia", "SI"),
    ("ESP", "Spain", "ES"),
    ("SWE", "Sweden", "SE"),
    // EEA/EFTA States, Switzerland and the United Kingdom.
    ("ISL", "Iceland", "IS"),
    ("LIE", "Liechtenstein", "LI"),
    ("NOR", "Norway", "NO"),
    ("CHE", "Switzerland", "CH"),
    ("GBR", "United Kingdom", "GB"),
    // European microstates.
    ("AND", "Andorra", "AD"),
    ("MCO", "Monaco", "MC"),
    ("SMR", "San Marino", "SM"),
    ("VAT", "Vatican City", "VA"),
    // Candidate countries, Eastern neighbourhood and Russia.
    ("ALB", "Albania", "AL"),
    ("BIH", "Bosnia and Herzegovina", "BA"),
    ("GEO", "Georgia", "GE"),
    ("MDA", "Moldova", "MD"),
    ("MNE", "Montenegro", "ME"),
    ("MKD", "North Macedonia", "MK"),
    ("SRB", "Serbia", "RS"),
    ("TUR", "Türkiye", "TR"),
    ("UKR", "Ukraine", "UA"),
    ("ARM", "Armenia", "AM"),
    ("AZE", "Azerbaijan", "AZ"),
    ("BLR", "Belarus", "BY"),
    ("RUS", "Russia", "RU"),
    // Southern neighbourhood.
    ("DZA", "Algeria", "DZ"),
    ("EGY", "Egypt", "EG"),
    ("ISR", "Israel", "IL"),
    ("JOR", "Jordan", "JO"),
    ("LBN", "Lebanon", "LB"),
    ("LBY", "Libya", "LY"),
    ("MAR", "Morocco", "MA"),
    ("PSE", "Palestine", "PS"),
    ("SYR", "Syria", "SY"),
    ("TUN", "Tunisia", "TN"),
    // Partners from beyond Europe that universities meet most.
    ("USA", "United States", "US"),
    ("CAN", "Canada", "CA"),
    ("MEX", "Mexico", "MX"),
    ("AUS", "Australia", "AU"),
    ("NZL", "New Zealand", "NZ"),
    ("JPN", "Japan", "JP"),
    ("CHN", "China", "CN"),
    ("IND", "India", "IN"),
    ("BRA", "Brazil", "BR"),
    ("KOR", "South Korea", "KR"),
    ("PRK", "North Korea", "KP"),
    ("TWN", "Taiwan", "TW"),
    // The other member states of the United Nations.
    ("AFG", "Afghanistan", "AF"),
    ("AGO", "Angola", "AO"),
    ("ATG", "Antigua and Barbuda", "AG"),
    ("ARG", "Argentina", "AR"),
    ("BHS", "Bahamas", "BS"),
    ("BHR", "Bahrain", "BH"),
    ("BGD", "Bangladesh", "BD"),
    ("BRB", "Barbados", "BB"),
    ("BLZ", "Belize", "BZ"),
    ("BEN", "Benin", "BJ"),
    ("BTN", "Bhutan", "BT"),
    ("BOL", "Bolivia", "BO"),
    ("BWA", "Botswana", "BW"),
    ("BRN", "Brunei", "BN"),
    ("BFA", "Burkina Faso", "BF"),
    ("BDI", "Burundi", "BI"),
    ("CPV", "Cabo Verde", "CV"),
    ("KHM", "Cambodia", "KH"),
    ("CMR", "Cameroon", "CM"),
    ("CAF", "Central African Republic", "CF"),
    ("TCD", "Chad", "TD"),
    ("CHL", "Chile", "CL"),
    ("COL", "Colombia", "CO"),
    ("COM", "Comoros", "KM"),
    ("COG", "Congo", "CG"),
    ("COD", "Democratic Republic of the Congo", "CD"),
    ("CRI", "Costa Rica", "CR"),
    ("CIV", "Côte d’Ivoire", "CI"),
    ("CUB", "Cuba", "CU"),
    ("DJI", "Djibouti", "DJ"),
    ("DMA", "Dominica", "DM"),
    ("DOM", "Dominican Republic", "DO"),
    ("ECU", "Ecuador", "EC"),
    ("SLV", "El Salvador", "SV"),
    ("GNQ", "Equatorial Guinea", "GQ"),
    ("ERI", "Eritrea", "ER"),
    ("SWZ", "Eswatini", "SZ"),
    ("ETH", "Ethiopia", "ET"),
    ("FJI", "Fiji", "FJ"),
    ("GAB", "Gabon", "GA"),
    ("GMB", "Gambia", "GM"),
    ("GHA", "Ghana", "GH"),
    ("GRD", "Grenada", "GD"),
    ("GTM", "Guatemala", "GT"),
    ("GIN", "Guinea", "GN"),
    ("GNB", "Guinea-Bissau", "GW"),
    ("GUY", "Guyana", "GY"),
    ("HTI", "Haiti", "HT"),
    ("HND", "Honduras", "HN"),
    ("IDN", "Indonesia", "ID"),
    ("IRN", "Iran", "IR"),
    ("IRQ", "Iraq", "IQ"),
    ("JAM", "Jamaica", "JM"),
    ("KAZ", "Kazakhstan", "KZ"),
    ("KEN", "Kenya", "KE"),
    ("KIR", "Kiribati", "KI"),
    ("KWT", "Kuwait", "KW"),
    ("KGZ", "Kyrgyzstan", "KG"),
    ("LAO", "Laos", "LA"),
    ("LSO", "Lesotho", "LS"),
    ("LBR", "Liberia", "LR"),
    ("MDG", "Madagascar", "MG"),
    ("MWI", "Malawi", "MW"),
    ("MYS", "Malaysia", "MY"),
    ("MDV", "Maldives", "MV"),
    ("MLI", "Mali", "ML"),
    ("MHL", "Marshall Islands", "MH"),
    ("MRT", "Mauritania", "MR"),
    ("MUS", "Mauritius", "MU"),
    ("FSM", "Micronesia", "FM"),
    ("MNG", "Mongolia", "MN"),
    ("MOZ", "Mozambique", "MZ"),
    ("MMR", "Myanmar/Burma", "MM"),
    ("NAM", "Namibia", "NA"),
    ("NRU", "Nauru", "NR"),
    ("NPL", "Nepal", "NP"),
    ("NIC", "Nicaragua", "NI"),
    ("NER", "Niger", "NE"),
    ("NGA", "Nigeria", "NG"),
    ("OMN", "Oman", "OM"),
    ("PAK", "Pakistan", "PK"),
    ("PLW", "Palau", "PW"),
    ("PAN", "Panama", "PA"),
    ("PNG", "Papua New Guinea", "PG"),
    ("PRY", "Paraguay", "PY"),
    ("PER", "Peru", "PE"),
    ("PHL", "Philippines", "PH"),
    ("QAT", "Qatar", "QA"),
    ("RWA", "Rwanda", "RW"),
    ("KNA", "Saint Kitts and Nevis", "KN"),
    ("LCA", "Saint Lucia", "LC"),
    ("VCT", "Saint Vincent and the Grenadines", "VC"),
    ("WSM", "Samoa", "WS"),
    ("STP", "São Tomé and Príncipe", "ST"),
    ("SAU", "Saudi Arabia", "SA"),
    ("SEN", "Senegal", "SN"),
    ("SYC", "Seychelles", "SC"),
    ("SLE", "Sierra Leone", "SL"),
    ("SGP", "Singapore", "SG"),
    ("SLB", "Solomon Islands", "SB"),
    ("SOM", "Somalia", "SO"),
    ("ZAF", "South Africa", "ZA"),
    ("SSD", "South Sudan", "SS"),
    ("LKA", "Sri Lanka", "LK"),
    ("SDN", "Sudan", "SD"),
    ("SUR", "Suriname", "SR"),
    ("TJK", "Tajikistan", "TJ"),
    ("TZA", "Tanzania", "TZ"),
    ("THA", "Thailand", "TH"),
    ("TLS", "Timor-Leste", "TL"),
    ("TGO", "Togo", "TG"),
    ("TON", "Tonga", "TO"),
    ("TTO", "Trinidad and Tobago", "TT"),
    ("TKM", "Turkmenistan", "TM"),
    ("TUV", "Tuvalu", "TV"),
    ("UGA", "Uganda", "UG"),
    ("ARE", "United Arab Emirates", "AE"),
    ("URY", "Uruguay", "UY"),
    ("UZB", "Uzbekistan", "UZ"),
    ("VUT", "Vanuatu", "VU"),
    ("VEN", "Venezuela", "VE"),
    ("VNM", "Vietnam", "VN"),
    ("YEM", "Yemen", "YE"),
    ("ZMB", "Zambia", "ZM"),
    ("ZWE", "Zimbabwe", "ZW"),
    // Territories with a code of their own.
    ("HKG", "Hong Kong", "HK"),
    ("MAC", "Macao", "MO"),
    ("GRL", "Greenland", "GL"),
    ("FRO", "Faroes", "FO"),
    ("ABW", "Aruba", "AW"),
    ("BMU", "Bermuda", "BM"),
    ("CUW", "Curaçao", "CW"),
    ("GIB", "Gibraltar", "GI"),
    ("GGY", "Guernsey", "GG"),
    ("IMN", "Isle of Man", "IM"),
    ("JEY", "Jersey", "JE"),
    ("NCL", "New Caledonia", "NC"),
    ("PYF", "French Polynesia", "PF"),
    ("PRI", "Puerto Rico", "PR"),
];

/// (code, English name, ISO 639-1 code).
const LANGUAGES: &[(&str, &str, &str)] = &[
    // The 24 official languages of the EU.
    ("BUL", "Bulgarian", "bg"),
    ("CES", "Czech", "cs"),
    ("DAN", "Danish", "da"),
    ("DEU", "German", "de"),
    ("ELL", "Greek", "el"),
    ("ENG", "English", "en"),
    ("EST", "Estonian", "et"),
    ("FIN", "Finnish", "fi"),
    ("FRA", "French", "fr"),
    ("GLE", "Irish", "ga"),
    ("HRV", "Croatian", "hr"),
    ("HUN", "Hungarian", "hu"),
    ("ITA", "Italian", "it"),
    ("LAV", "Latvian", "lv"),
    ("LIT", "Lithuanian", "lt"),
    ("MLT", "Maltese", "mt"),
    ("NLD", "Dutch", "nl"),
    ("POL", "Polish", "pl"),
    ("POR", "Portuguese", "pt"),
    ("RON", "Romanian", "ro"),
    ("SLK", "Slovak", "sk"),
    ("SLV", "Slovenian", "sl"),
    ("SPA", "Spanish", "es"),
    ("SWE", "Swedish", "sv"),
    // Other European languages.
    ("ISL", "Icelandic", "is"),
    ("NOR", "Norwegian", "no"),
    ("NOB", "Norwegian Bokmål", "nb"),
    ("NNO", "Norwegian Nynorsk", "nn"),
    ("TUR", "Turkish", "tr"),
    ("MKD", "Macedonian", "mk"),
    ("SRP", "Serbian", "sr"),
    ("BOS", "Bosnian", "bs"),
    ("SQI", "Albanian", "sq"),
    ("UKR", "Ukrainian", "uk"),
    ("RUS", "Russian", "ru"),
    ("BEL", "Belarusian", "be"),
    ("KAT", "Georgian", "ka"),
    ("HYE", "Armenian", "hy"),
    ("AZE", "Azerbaijani", "az"),
    ("CAT", "Catalan", "ca"),
    ("EUS", "Basque", "eu"),
    ("GLG", "Galician", "gl"),
    ("CYM", "Welsh", "cy"),
    ("LTZ", "Luxembourgish", "lb"),
    // Languages from beyond Europe.
    ("ARA", "Arabic", "ar"),
    ("HEB", "Hebrew", "he"),
    ("FAS", "Persian", "fa"),
    ("ZHO", "Chinese", "zh"),
    ("JPN", "Japanese", "ja"),
    ("KOR", "Korean", "ko"),
    ("HIN", "Hindi", "hi"),
    ("VIE", "Vietnamese", "vi"),
    ("IND", "Indonesian", "id"),
    ("LAT", "Latin", "la"),
];

/// (code, label, media type).
const FILE_TYPES: &[(&str, &str, &str)] = &[
    // Images, for display pages and logos.
    ("JPEG", "JPEG", "image/jpeg"),
    ("PNG", "PNG", "image/png"),
    ("SVG", "SVG", "image/svg+xml"),
    ("GIF", "GIF", "image/gif"),
    ("TIFF", "TIFF", "image/tiff"),
    // Documents, for attachments.
    ("PDF", "PDF", "application/pdf"),
    ("HTML", "HTML", "text/html"),
    ("TXT", "TXT", "text/plain"),
    ("XML", "XML", "application/xml"),
    ("JSON", "JSON", "application/json"),
    ("JSON_LD", "JSON-LD", "application/ld+json"),
    ("RDF_XML", "RDF/XML", "application/rdf+xml"),
    ("CSV", "CSV", "text/csv"),
    (
        "DOCX",
        "DOCX",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("DOC", "DOC", "application/msword"),
    ("ODT", "ODT", "application/vnd.oasis.opendocument.text"),
    (
        "XLSX",
        "XLSX",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ("XLS", "XLS", "application/vnd.ms-excel"),
    (
        "ODS",
        "ODS",
        "application/vnd.oasis.opendocument.spreadsheet",
    ),
    ("ZIP", "ZIP", "application/zip"),
];

impl Country {
    /// The country with this ISO 3166-1 alpha-2 code (`IE`), ignoring case. The EU's own
    /// abbreviations `EL` (Greece) and `UK` (United Kingdom) are accepted too.
    pub fn from_alpha2(code: &str) -> Option<Self> {
        let code = if code.eq_ignore_ascii_case("EL") {
            "GR"
        } else if code.eq_ignore_ascii_case("UK") {
            "GB"
        } else {
            code
        };
        COUNTRIES
            .iter()
            .find(|row| row.2.eq_ignore_ascii_case(code))
            .map(|row| Country {
                code: row.0,
                label: row.1,
            })
    }

    /// The ISO 3166-1 alpha-2 code (`IE`; `GR` for Greece, `GB` for the United Kingdom).
    pub fn alpha2(&self) -> &'static str {
        self.row().map_or("", |row| row.2)
    }
}

impl Language {
    /// The language with this ISO 639-1 code (`en`), which is also its language-map key; case is
    /// ignored.
    pub fn from_iso639_1(code: &str) -> Option<Self> {
        LANGUAGES
            .iter()
            .find(|row| row.2.eq_ignore_ascii_case(code))
            .map(|row| Language {
                code: row.0,
                label: row.1,
            })
    }

    /// The ISO 639-1 code, used as the key of language maps.
    pub fn iso639_1(&self) -> &'static str {
        self.row().map_or("en", |row| row.2)
    }
}

impl FileType {
    /// The media type (`image/png`).
    pub fn media_type(&self) -> &'static str {
        self.row().map_or("application/octet-stream", |row| row.2)
    }

    /// The file type of a media type (`image/png`), ignoring case and parameters such as
    /// `; charset=utf-8`.
    pub fn from_media_type(media_type: &str) -> Option<Self> {
        let essence = media_type.split(';').next().unwrap_or_default().trim();
        FILE_TYPES
            .iter()
            .find(|row| row.2.eq_ignore_ascii_case(essence))
            .map(|row| FileType {
                code: row.0,
                label: row.1,
            })
    }
}
