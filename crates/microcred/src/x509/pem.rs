//! A lenient reader of PEM text (RFC 7468): certificate blocks in order, anything else skipped.

use base64::Engine as _;

use super::X509Error;

/// The DER of every `CERTIFICATE` block (also the legacy `X509 CERTIFICATE` label) in `text`.
/// Blocks with other labels are skipped; text between blocks is ignored, so a certificate file
/// with comments (as OpenSSL writes them) reads fine. An unterminated block or bad base64 in a
/// certificate block is an error: silently dropping a certificate could change which chain is
/// built.
pub(crate) fn certificate_blocks(text: &str) -> Result<Vec<Vec<u8>>, X509Error> {
    let mut out = Vec::new();
    let mut open: Option<(&str, String)> = None;
    let mut count = 0usize;
    for line in text.lines() {
        let line = line.trim();
        if let Some(label) = boundary(line, "-----BEGIN ") {
            if open.is_some() {
                return Err(X509Error::malformed(
                    format!("PEM block {count}"),
                    "a BEGIN line inside an open block",
                ));
            }
            count += 1;
            open = Some((label, String::new()));
        } else if let Some(label) = boundary(line, "-----END ") {
            let Some((begin, body)) = open.take() else {
                return Err(X509Error::malformed(
                    format!("PEM block {}", count + 1),
                    "an END line without BEGIN",
                ));
            };
            if begin != label {
                return Err(X509Error::malformed(
                    format!("PEM block {count}"),
                    "BEGIN and END labels differ",
                ));
            }
            if is_certificate(label) {
                let der = base64::engine::general_purpose::STANDARD
                    .decode(body.as_bytes())
                    .map_err(|e| X509Error::malformed(format!("PEM block {count}"), e))?;
                out.push(der);
            }
        } else if let Some((_, body)) = open.as_mut() {
            body.extend(line.chars().filter(|c| !c.is_ascii_whitespace()));
        }
    }
    if open.is_some() {
        return Err(X509Error::malformed(
            format!("PEM block {count}"),
            "no END line",
        ));
    }
    Ok(out)
}

fn boundary<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    line.strip_prefix(prefix)?.strip_suffix("-----")
}

fn is_certificate(label: &str) -> bool {
    matches!(label, "CERTIFICATE" | "X509 CERTIFICATE")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_noise() {
        let text = "subject=CN=x\n-----BEGIN CERTIFICATE-----\nAAEC\nAw==\n-----END CERTIFICATE-----\n\
                    -----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
        assert_eq!(certificate_blocks(text).unwrap(), vec![vec![0, 1, 2, 3]]);
        assert!(certificate_blocks("no pem here").unwrap().is_empty());
    }

    #[test]
    fn broken_blocks_give_codes() {
        for text in [
            "-----BEGIN CERTIFICATE-----\nAAEC\n",
            "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----",
            "-----END CERTIFICATE-----",
            "-----BEGIN CERTIFICATE-----\n-----BEGIN CERTIFICATE-----",
            "-----BEGIN CERTIFICATE-----\nAA==\n-----END PRIVATE KEY-----",
        ] {
            assert_eq!(
                certificate_blocks(text).unwrap_err().code(),
                "x509.malformed",
                "{text}"
            );
        }
    }
}
