//! The certificate extensions this crate acts on (RFC 5280 section 4.2), decoded once when a
//! certificate is read: key usage, extended key usage, basic constraints, key identifiers,
//! policies and the eIDAS QC statements.

use der::Decode;
use der::asn1::ObjectIdentifier;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies, KeyUsages, SubjectKeyIdentifier,
};

use super::qc::{self, QcInfo};
use super::{X509Error, oids};

/// The extensions this crate acts on, decoded once at parse time.
#[derive(Default)]
pub(crate) struct Extensions {
    pub(crate) key_usage: Option<KeyUsage>,
    pub(crate) basic_constraints: Option<(bool, Option<u8>)>,
    pub(crate) subject_key_id: Option<Vec<u8>>,
    pub(crate) authority_key_id: Option<Vec<u8>>,
    pub(crate) policies: Vec<String>,
    pub(crate) extended_key_usage: Option<ExtendedKeyUsage>,
    pub(crate) qc: QcInfo,
    /// Critical extensions that none of the above covers (dotted OIDs).
    pub(crate) unhandled_critical: Vec<String>,
}

/// The key usage extension (RFC 5280 section 4.2.1.3): what the certified key may be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct KeyUsage {
    /// `digitalSignature`: signatures other than on certificates and CRLs.
    pub digital_signature: bool,
    /// `nonRepudiation` (also called `contentCommitment`): what qualified seals and signatures
    /// carry.
    pub non_repudiation: bool,
    /// `keyEncipherment`.
    pub key_encipherment: bool,
    /// `dataEncipherment`.
    pub data_encipherment: bool,
    /// `keyAgreement`.
    pub key_agreement: bool,
    /// `keyCertSign`: signing certificates (a CA).
    pub key_cert_sign: bool,
    /// `cRLSign`: signing revocation lists.
    pub crl_sign: bool,
    /// `encipherOnly`.
    pub encipher_only: bool,
    /// `decipherOnly`.
    pub decipher_only: bool,
}

/// The extended key usage extension (RFC 5280 section 4.2.1.12): the purposes the certified key
/// may be used for, beyond [`KeyUsage`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ExtendedKeyUsage {
    /// The key purposes as dotted-decimal OIDs (`1.3.6.1.5.5.7.3.8` is time stamping), in the
    /// order of the certificate.
    pub purposes: Vec<String>,
    /// Whether the extension is marked critical.
    pub critical: bool,
}

impl ExtendedKeyUsage {
    /// Whether `purpose` (a dotted-decimal OID) is listed.
    pub fn allows(&self, purpose: &str) -> bool {
        self.purposes.iter().any(|p| p == purpose)
    }

    /// Whether `purpose` is listed.
    pub(crate) fn allows_oid(&self, purpose: ObjectIdentifier) -> bool {
        self.allows(&purpose.to_string())
    }
}

pub(crate) fn extensions(cert: &x509_cert::Certificate) -> Result<Extensions, X509Error> {
    let mut out = Extensions::default();
    let mut seen: Vec<ObjectIdentifier> = Vec::new();
    let mut statements = None;
    for ext in cert.tbs_certificate().extensions().into_iter().flatten() {
        if seen.contains(&ext.extn_id) {
            // RFC 5280 4.2: "a certificate MUST NOT include more than one instance of a
            // particular extension"; which one would count is ambiguous, so refuse.
            return Err(X509Error::malformed(
                "certificate",
                format!("extension {} appears twice", ext.extn_id),
            ));
        }
        seen.push(ext.extn_id);
        let value = ext.extn_value.as_bytes();
        let bad = |name: &str, e: der::Error| X509Error::malformed(format!("{name} extension"), e);
        match ext.extn_id {
            oids::KEY_USAGE => {
                let ku = x509_cert::ext::pkix::KeyUsage::from_der(value)
                    .map_err(|e| bad("keyUsage", e))?;
                out.key_usage = Some(key_usage(ku));
            }
            oids::BASIC_CONSTRAINTS => {
                let bc =
                    BasicConstraints::from_der(value).map_err(|e| bad("basicConstraints", e))?;
                out.basic_constraints = Some((bc.ca, bc.path_len_constraint));
            }
            oids::SUBJECT_KEY_IDENTIFIER => {
                let ski = SubjectKeyIdentifier::from_der(value)
                    .map_err(|e| bad("subjectKeyIdentifier", e))?;
                out.subject_key_id = Some(ski.0.as_bytes().to_vec());
            }
            oids::AUTHORITY_KEY_IDENTIFIER => {
                let aki = AuthorityKeyIdentifier::from_der(value)
                    .map_err(|e| bad("authorityKeyIdentifier", e))?;
                out.authority_key_id = aki.key_identifier.map(|k| k.as_bytes().to_vec());
            }
            oids::CERTIFICATE_POLICIES => {
                let policies = CertificatePolicies::from_der(value)
                    .map_err(|e| bad("certificatePolicies", e))?;
                out.policies = policies
                    .0
                    .iter()
                    .map(|p| p.policy_identifier.to_string())
                    .collect();
            }
            oids::QC_STATEMENTS => {
                statements = Some(value);
            }
            oids::EXTENDED_KEY_USAGE => {
                let eku = x509_cert::ext::pkix::ExtendedKeyUsage::from_der(value)
                    .map_err(|e| bad("extKeyUsage", e))?;
                out.extended_key_usage = Some(ExtendedKeyUsage {
                    purposes: eku.0.iter().map(ToString::to_string).collect(),
                    critical: ext.critical,
                });
            }
            // Read elsewhere or informational only; processing them is not needed to decide
            // whether a path is valid for a seal.
            oids::SUBJECT_ALT_NAME
            | oids::ISSUER_ALT_NAME
            | oids::CRL_DISTRIBUTION_POINTS
            | oids::AUTHORITY_INFO_ACCESS => {}
            other if ext.critical => out.unhandled_critical.push(other.to_string()),
            _ => {}
        }
    }
    out.qc = qc::qc_info(statements, &out.policies)?;
    Ok(out)
}

fn key_usage(ku: x509_cert::ext::pkix::KeyUsage) -> KeyUsage {
    let has = |flag: KeyUsages| ku.0.contains(flag);
    KeyUsage {
        digital_signature: has(KeyUsages::DigitalSignature),
        non_repudiation: has(KeyUsages::NonRepudiation),
        key_encipherment: has(KeyUsages::KeyEncipherment),
        data_encipherment: has(KeyUsages::DataEncipherment),
        key_agreement: has(KeyUsages::KeyAgreement),
        key_cert_sign: has(KeyUsages::KeyCertSign),
        crl_sign: has(KeyUsages::CRLSign),
        encipher_only: has(KeyUsages::EncipherOnly),
        decipher_only: has(KeyUsages::DecipherOnly),
    }
}
