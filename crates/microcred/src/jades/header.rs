//! The JAdES protected header: reading it strictly and writing it as EDC does.

use base64::Engine;
use serde::Serialize;
use serde_json::{Map, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::strict_json::{self, StrictError};
use super::{Algorithm, B64, B64URL, JadesError};

/// The header parameters this verifier understands when they are listed in `crit` (RFC 7797
/// `b64`; ETSI TS 119 182-1 `sigT` and `adoTst`). Anything else in `crit` is refused, as RFC 7515
/// §4.1.11 requires.
const UNDERSTOOD_CRIT: [&str; 3] = ["b64", "sigT", "adoTst"];

/// Parameters RFC 7515 defines itself: they must never appear in `crit`.
const JWS_REGISTERED: [&str; 11] = [
    "alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit",
];

/// The protected header of a JAdES seal, as read from the file.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ProtectedHeader {
    /// The signature algorithm.
    pub alg: Algorithm,
    /// The content type (`octet-stream` in EDC seals).
    pub cty: Option<String>,
    /// The key identifier: base64 DER IssuerSerial of the signing certificate.
    pub kid: Option<String>,
    /// `x5t#S256`: base64url SHA-256 of the signing certificate.
    pub x5t_s256: Option<String>,
    /// The certificate chain, signing certificate first, as DER.
    pub x5c: Vec<Vec<u8>>,
    /// The type (`jose+json`).
    pub typ: Option<String>,
    /// The claimed signing time (`sigT`).
    pub signing_time: OffsetDateTime,
    /// The content time-stamp tokens (`adoTst`), as DER.
    pub content_timestamps: Vec<Vec<u8>>,
    /// The critical parameters.
    pub crit: Vec<String>,
    /// Every parameter, as read.
    pub raw: Map<String, Value>,
}

impl ProtectedHeader {
    /// Reads and checks the base64url protected header of an EDC seal: a known `alg` (never `none`
    /// or HMAC), only understood `crit` entries, `b64: false` listed in `crit`, a `sigT`, and a
    /// non-empty `x5c`.
    pub fn parse(protected_b64: &str) -> Result<Self, JadesError> {
        let bytes = B64URL
            .decode(protected_b64)
            .map_err(|_| JadesError::MalformedHeader("not base64url".into()))?;
        let raw = match strict_json::parse(&bytes) {
            Ok(Value::Object(map)) => map,
            Ok(_) => return Err(JadesError::MalformedHeader("not a JSON object".into())),
            Err(StrictError::Duplicate(key)) => return Err(JadesError::DuplicateKey(short(&key))),
            Err(StrictError::Syntax) => return Err(JadesError::MalformedHeader("not JSON".into())),
        };

        let alg = match raw.get("alg") {
            Some(Value::String(name)) => Algorithm::from_name(name)?,
            Some(_) => return Err(JadesError::MalformedHeader("`alg` is not a string".into())),
            None => return Err(JadesError::MalformedHeader("`alg` is missing".into())),
        };
        let crit = read_crit(&raw)?;
        check_b64(&raw, &crit)?;

        let signing_time = match raw.get("sigT") {
            Some(Value::String(text)) => parse_utc(text).ok_or(JadesError::MissingSigningTime)?,
            _ => return Err(JadesError::MissingSigningTime),
        };
        let x5c = match raw.get("x5c") {
            None => return Err(JadesError::MissingCertificate),
            Some(Value::Array(items)) if items.is_empty() => {
                return Err(JadesError::MissingCertificate);
            }
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| {
                    item.as_str()
                        .and_then(|text| B64.decode(text).ok())
                        .ok_or_else(|| JadesError::MalformedHeader("`x5c` entry".into()))
                })
                .collect::<Result<Vec<_>, _>>()?,
            Some(_) => return Err(JadesError::MalformedHeader("`x5c` is not an array".into())),
        };
        let content_timestamps = match raw.get("adoTst") {
            None => Vec::new(),
            Some(value) => read_tokens(value, "adoTst")?,
        };

        Ok(ProtectedHeader {
            alg,
            cty: optional_string(&raw, "cty")?,
            kid: optional_string(&raw, "kid")?,
            x5t_s256: optional_string(&raw, "x5t#S256")?,
            x5c,
            typ: optional_string(&raw, "typ")?,
            signing_time,
            content_timestamps,
            crit,
            raw,
        })
    }
}

/// `crit`: when present, a non-empty list of distinct, understood names, each present in the
/// header.
fn read_crit(raw: &Map<String, Value>) -> Result<Vec<String>, JadesError> {
    let Some(value) = raw.get("crit") else {
        return Ok(Vec::new());
    };
    let Some(items) = value.as_array().filter(|items| !items.is_empty()) else {
        return Err(JadesError::UnknownCrit("(not a non-empty list)".into()));
    };
    let mut names: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        let Some(name) = item.as_str() else {
            return Err(JadesError::UnknownCrit("(not a string)".into()));
        };
        if !UNDERSTOOD_CRIT.contains(&name) || JWS_REGISTERED.contains(&name) {
            return Err(JadesError::UnknownCrit(short(name)));
        }
        if names.iter().any(|n| n == name) || !raw.contains_key(name) {
            return Err(JadesError::UnknownCrit(short(name)));
        }
        names.push(name.to_owned());
    }
    Ok(names)
}

/// EDC seals the credential JSON as is (`b64: false`, RFC 7797), which only works when every
/// verifier knows it: hence `b64` must be in `crit`. A `b64: true` (or absent) header on an EDC
/// file would make a verifier base64url-decode the JSON text.
fn check_b64(raw: &Map<String, Value>, crit: &[String]) -> Result<(), JadesError> {
    match raw.get("b64") {
        Some(Value::Bool(false)) if crit.iter().any(|c| c == "b64") => Ok(()),
        Some(Value::Bool(false)) => Err(JadesError::B64Mismatch("`b64` is not listed in `crit`")),
        Some(Value::Bool(true)) | None => Err(JadesError::B64Mismatch(
            "the payload is sealed unencoded, but `b64` is not false",
        )),
        Some(_) => Err(JadesError::MalformedHeader("`b64` is not a boolean".into())),
    }
}

fn optional_string(raw: &Map<String, Value>, key: &str) -> Result<Option<String>, JadesError> {
    match raw.get(key) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(JadesError::MalformedHeader(format!(
            "`{key}` is not a string"
        ))),
    }
}

/// The DER tokens of a `{"tstTokens": [{"val": base64}, ...]}` time-stamp property.
pub(crate) fn read_tokens(value: &Value, name: &str) -> Result<Vec<Vec<u8>>, JadesError> {
    let malformed = || JadesError::MalformedTimestamp(name.to_owned());
    let tokens = value
        .get("tstTokens")
        .and_then(Value::as_array)
        .filter(|tokens| !tokens.is_empty())
        .ok_or_else(malformed)?;
    tokens
        .iter()
        .map(|token| {
            token
                .get("val")
                .and_then(Value::as_str)
                .and_then(|text| B64.decode(text).ok())
                .ok_or_else(malformed)
        })
        .collect()
}

/// An RFC 3339 time in UTC (JAdES `sigT` is `YYYY-MM-DDThh:mm:ssZ`).
fn parse_utc(text: &str) -> Option<OffsetDateTime> {
    let t = OffsetDateTime::parse(text, &Rfc3339).ok()?;
    (t.offset().is_utc() && text.ends_with('Z')).then_some(t)
}

/// A header name as it may appear in a message: printable and short.
pub(crate) fn short(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_control())
        .take(32)
        .collect::<String>()
}

/// The header EDC writes, in EDC's order.
#[derive(Serialize)]
pub(crate) struct HeaderOut<'a> {
    pub alg: &'a str,
    pub cty: &'a str,
    pub kid: String,
    #[serde(rename = "x5t#S256")]
    pub x5t_s256: String,
    pub x5c: Vec<String>,
    pub typ: &'a str,
    pub b64: bool,
    #[serde(rename = "sigT")]
    pub sig_t: String,
    pub crit: [&'a str; 2],
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(header: &str) -> String {
        B64URL.encode(header)
    }

    const GOOD: &str = r#"{"alg":"ES256","x5c":["AAAA"],"b64":false,"sigT":"2024-01-02T03:04:05Z","crit":["b64","sigT"]}"#;

    #[test]
    fn reads_a_minimal_edc_header() {
        let header = ProtectedHeader::parse(&encode(GOOD)).unwrap();
        assert_eq!(header.alg, Algorithm::ES256);
        assert_eq!(header.x5c, vec![vec![0, 0, 0]]);
        assert_eq!(header.crit, ["b64", "sigT"]);
    }

    fn code_of(header: &str) -> &'static str {
        ProtectedHeader::parse(&encode(header)).unwrap_err().code()
    }

    #[test]
    fn refuses_each_bad_header_with_its_code() {
        let cases = [
            (GOOD.replace("ES256", "none"), "seal.alg_none"),
            (GOOD.replace("ES256", "HS256"), "seal.alg_hmac"),
            (GOOD.replace("ES256", "RS1"), "seal.unsupported_algorithm"),
            (
                GOOD.replace(r#""sigT"]"#, r#""sigT","exp"]"#),
                "seal.unknown_crit",
            ),
            (
                GOOD.replace(r#""sigT"]"#, r#""sigT","alg"]"#),
                "seal.unknown_crit",
            ),
            (
                GOOD.replace(r#""sigT"]"#, r#""sigT","b64"]"#),
                "seal.unknown_crit",
            ),
            (
                GOOD.replace(r#""sigT"]"#, r#""sigT","adoTst"]"#),
                "seal.unknown_crit",
            ),
            (
                GOOD.replace(r#""crit":["b64","sigT"]"#, r#""crit":[]"#),
                "seal.unknown_crit",
            ),
            (GOOD.replace("false", "true"), "seal.b64_mismatch"),
            (GOOD.replace(r#""b64","#, ""), "seal.b64_mismatch"),
            (GOOD.replace(r#""b64":false,"#, ""), "seal.unknown_crit"),
            (
                GOOD.replace("2024-01-02T03:04:05Z", "yesterday"),
                "seal.missing_sig_time",
            ),
            (
                GOOD.replace("T03:04:05Z", "T03:04:05+01:00"),
                "seal.missing_sig_time",
            ),
            (
                GOOD.replace(r#","sigT":"2024-01-02T03:04:05Z""#, ""),
                "seal.unknown_crit",
            ),
            (
                GOOD.replace(r#"["AAAA"]"#, "[]"),
                "seal.missing_certificate",
            ),
            (
                GOOD.replace(r#"["AAAA"]"#, r#"["*"]"#),
                "seal.malformed_header",
            ),
            (
                GOOD.replace(r#"{"alg""#, r#"{"alg":"none","alg""#),
                "seal.duplicate_key",
            ),
            ("[1]".to_owned(), "seal.malformed_header"),
            ("{".to_owned(), "seal.malformed_header"),
        ];
        for (header, code) in cases {
            assert_eq!(code_of(&header), code, "{header}");
        }
        let without_sig_t = r#"{"alg":"ES256","x5c":["AAAA"],"b64":false,"crit":["b64"]}"#;
        assert_eq!(code_of(without_sig_t), "seal.missing_sig_time");
        assert_eq!(
            ProtectedHeader::parse("e30=").unwrap_err().code(),
            "seal.malformed_header"
        );
    }
}
