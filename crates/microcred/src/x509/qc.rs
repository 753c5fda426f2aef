//! What a certificate says about its qualification under eIDAS: QC statements (ETSI EN 319 412-5)
//! and certificate policies (ETSI EN 319 411-2).

use der::asn1::{Any, ObjectIdentifier};
use der::{Decode, Sequence};

use super::{X509Error, oids};

/// ETSI EN 319 411-2 policy for EU qualified certificates issued to legal persons (QCP-l).
pub const QCP_L: &str = "0.4.0.194112.1.1";
/// ETSI EN 319 411-2 policy for EU qualified certificates issued to legal persons, key in a QSCD
/// (QCP-l-qscd).
pub const QCP_L_QSCD: &str = "0.4.0.194112.1.3";
/// ETSI EN 319 411-2 policy for EU qualified certificates issued to natural persons (QCP-n).
pub const QCP_N: &str = "0.4.0.194112.1.0";
/// ETSI EN 319 411-2 policy for EU qualified certificates issued to natural persons, key in a
/// QSCD (QCP-n-qscd).
pub const QCP_N_QSCD: &str = "0.4.0.194112.1.2";

/// The qualification of a certificate: its QC statements and certificate policies.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct QcInfo {
    /// `QcCompliance` (0.4.0.1862.1.1): issued as an EU qualified certificate.
    pub compliance: bool,
    /// `QcSSCD` (0.4.0.1862.1.4): the private key sits in a qualified signature/seal creation
    /// device.
    pub sscd: bool,
    /// `QcType` (0.4.0.1862.1.6): what the qualified certificate is for.
    pub types: Vec<QcType>,
    /// The certificate policy OIDs, dotted, in order (e.g. [`QCP_L`]).
    pub policies: Vec<String>,
    /// Every QC statement OID present, dotted, in order (including those this crate does not
    /// interpret, such as the retention period or PDS locations).
    pub statements: Vec<String>,
}

impl QcInfo {
    /// A qualified electronic seal certificate: `QcCompliance` and `QcType` eseal.
    ///
    /// Whether the issuing CA is actually a qualified trust service is a matter of the trust
    /// anchors (an EU trusted list), not of this flag.
    pub fn is_qualified_eseal(&self) -> bool {
        self.compliance && self.types.contains(&QcType::ESeal)
    }

    /// Whether the certificate names the given policy OID (dotted).
    pub fn has_policy(&self, oid: &str) -> bool {
        self.policies.iter().any(|p| p == oid)
    }
}

/// A `QcType` value (ETSI EN 319 412-5 4.2.3).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum QcType {
    /// `id-etsi-qct-esign` (0.4.0.1862.1.6.1): electronic signatures of natural persons.
    ESign,
    /// `id-etsi-qct-eseal` (0.4.0.1862.1.6.2): electronic seals of legal persons.
    ESeal,
    /// `id-etsi-qct-web` (0.4.0.1862.1.6.3): website authentication.
    Web,
    /// Any other type OID, dotted.
    Other(String),
}

impl QcType {
    fn from_oid(oid: ObjectIdentifier) -> QcType {
        match oid {
            oids::QC_TYPE_ESIGN => QcType::ESign,
            oids::QC_TYPE_ESEAL => QcType::ESeal,
            oids::QC_TYPE_WEB => QcType::Web,
            other => QcType::Other(other.to_string()),
        }
    }
}

/// `QCStatement ::= SEQUENCE { statementId OBJECT IDENTIFIER, statementInfo ANY OPTIONAL }`
/// (RFC 3739 3.2.6).
#[derive(Sequence)]
struct QcStatement {
    statement_id: ObjectIdentifier,
    #[asn1(optional = "true")]
    statement_info: Option<Any>,
}

/// Decodes the `qcStatements` extension value (`SEQUENCE OF QCStatement`), when there is one.
pub(crate) fn qc_info(statements: Option<&[u8]>, policies: &[String]) -> Result<QcInfo, X509Error> {
    let mut info = QcInfo {
        policies: policies.to_vec(),
        ..QcInfo::default()
    };
    let Some(value) = statements else {
        return Ok(info);
    };
    let bad = |e: der::Error| X509Error::malformed("qcStatements extension", e);
    let list = Vec::<QcStatement>::from_der(value).map_err(bad)?;
    for statement in list {
        info.statements.push(statement.statement_id.to_string());
        match statement.statement_id {
            oids::QC_COMPLIANCE => info.compliance = true,
            oids::QC_SSCD => info.sscd = true,
            oids::QC_TYPE => {
                // QcType ::= SEQUENCE OF OBJECT IDENTIFIER
                let types: Vec<ObjectIdentifier> = match &statement.statement_info {
                    Some(any) => any.decode_as().map_err(bad)?,
                    None => Vec::new(),
                };
                info.types.extend(types.into_iter().map(QcType::from_oid));
            }
            _ => {}
        }
    }
    Ok(info)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_statements() {
        // QcCompliance, QcRetentionPeriod 15, QcType eseal, pkixQCSyntax-v2 (a real eSeal's).
        let value = [
            0x30, 0x38, 0x30, 0x08, 0x06, 0x06, 0x04, 0x00, 0x8E, 0x46, 0x01, 0x01, 0x30, 0x0B,
            0x06, 0x06, 0x04, 0x00, 0x8E, 0x46, 0x01, 0x03, 0x02, 0x01, 0x0F, 0x30, 0x13, 0x06,
            0x06, 0x04, 0x00, 0x8E, 0x46, 0x01, 0x06, 0x30, 0x09, 0x06, 0x07, 0x04, 0x00, 0x8E,
            0x46, 0x01, 0x06, 0x02, 0x30, 0x0A, 0x06, 0x08, 0x2B, 0x06, 0x01, 0x05, 0x05, 0x07,
            0x0B, 0x02,
        ];
        let info = qc_info(Some(&value), &[QCP_L.to_owned()]).unwrap();
        assert!(info.compliance);
        assert!(!info.sscd);
        assert_eq!(info.types, vec![QcType::ESeal]);
        assert!(info.is_qualified_eseal());
        assert!(info.has_policy(QCP_L));
        assert_eq!(info.statements.len(), 4);
    }

    #[test]
    fn malformed_statements_give_a_code() {
        let e = qc_info(Some(&[0x30, 0x03, 0x02, 0x01]), &[]).unwrap_err();
        assert_eq!(e.code(), "x509.malformed");
        let info = qc_info(None, &[]).unwrap();
        assert!(!info.is_qualified_eseal());
    }
}
