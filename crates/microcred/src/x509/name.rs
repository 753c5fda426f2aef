//! Distinguished names as text: one attribute's value, and the RFC 4514 rendering used in
//! reports.

use der::asn1::{Any, ObjectIdentifier};
use der::{Tag, Tagged};
use x509_cert::name::Name;

use super::oids;

pub(crate) fn name_attribute(name: &Name, oid: ObjectIdentifier) -> Option<String> {
    name.iter()
        .find(|atv| atv.oid == oid)
        .and_then(|atv| directory_string(&atv.value))
}

/// The text of a `DirectoryString` (or the PrintableString/IA5String some attributes use).
fn directory_string(value: &Any) -> Option<String> {
    let bytes = value.value();
    match value.tag() {
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String | Tag::VisibleString => {
            std::str::from_utf8(bytes).ok().map(str::to_owned)
        }
        // T.61 in theory; in certificates it is Latin-1 in practice.
        Tag::TeletexString => Some(bytes.iter().map(|b| char::from(*b)).collect()),
        Tag::BmpString => {
            let units: Vec<u16> = bytes
                .chunks(2)
                .map(|c| match c {
                    [hi, lo] => u16::from_be_bytes([*hi, *lo]),
                    _ => 0xFFFD,
                })
                .collect();
            Some(String::from_utf16_lossy(&units))
        }
        _ => None,
    }
}

fn attribute_label(oid: ObjectIdentifier) -> Option<&'static str> {
    Some(match oid {
        oids::COMMON_NAME => "CN",
        oids::SURNAME => "SN",
        oids::SERIAL_NUMBER => "serialNumber",
        oids::COUNTRY => "C",
        oids::LOCALITY => "L",
        oids::STATE => "ST",
        oids::STREET => "STREET",
        oids::ORGANISATION => "O",
        oids::ORGANISATIONAL_UNIT => "OU",
        oids::TITLE => "title",
        oids::GIVEN_NAME => "GN",
        oids::ORGANISATION_IDENTIFIER => "organizationIdentifier",
        oids::DOMAIN_COMPONENT => "DC",
        oids::USER_ID => "UID",
        oids::EMAIL_ADDRESS => "emailAddress",
        _ => return None,
    })
}

pub(crate) fn name_text(name: &Name) -> String {
    let mut out = String::new();
    // RFC 4514 2.1: the last RDN of the sequence comes first.
    for (i, rdn) in name
        .iter_rdn()
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .enumerate()
    {
        if i > 0 {
            out.push(',');
        }
        for (j, atv) in rdn.iter().enumerate() {
            if j > 0 {
                out.push('+');
            }
            match attribute_label(atv.oid) {
                Some(label) => out.push_str(label),
                None => out.push_str(&atv.oid.to_string()),
            }
            out.push('=');
            match directory_string(&atv.value) {
                Some(text) => escape_into(&mut out, &text),
                None => {
                    // RFC 4514 2.4: an unknown value type is written as `#` and its DER in hex.
                    out.push('#');
                    let der = der::Encode::to_der(&atv.value).unwrap_or_default();
                    for b in der {
                        out.push_str(&format!("{b:02x}"));
                    }
                }
            }
        }
    }
    out
}

fn escape_into(out: &mut String, text: &str) {
    let last = text.chars().count().saturating_sub(1);
    for (i, c) in text.chars().enumerate() {
        match c {
            '#' | ' ' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            ' ' if i == last => out.push_str("\\ "),
            '"' | '+' | ',' | ';' | '<' | '>' | '\\' | '=' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:02x}", u32::from(c) & 0xff)),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        let mut s = String::new();
        escape_into(&mut s, " a,b+c ");
        assert_eq!(s, "\\ a\\,b\\+c\\ ");
    }
}
