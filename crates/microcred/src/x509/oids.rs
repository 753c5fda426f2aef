//! Object identifiers this module reads. Spelled out here rather than taken from `const-oid`'s
//! database so that a reader can check each against its standard.

use const_oid::ObjectIdentifier as Oid;

// Key and signature algorithms (RFC 8017, RFC 5480, RFC 5758, RFC 8410).
pub const RSA_ENCRYPTION: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
pub const RSASSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
pub const SHA256_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.11");
pub const SHA384_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.12");
pub const SHA512_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.13");
pub const MGF1: Oid = Oid::new_unwrap("1.2.840.113549.1.1.8");
pub const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
pub const SECP256R1: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
pub const SECP384R1: Oid = Oid::new_unwrap("1.3.132.0.34");
pub const ECDSA_WITH_SHA256: Oid = Oid::new_unwrap("1.2.840.10045.4.3.2");
pub const ECDSA_WITH_SHA384: Oid = Oid::new_unwrap("1.2.840.10045.4.3.3");
pub const ECDSA_WITH_SHA512: Oid = Oid::new_unwrap("1.2.840.10045.4.3.4");
pub const ED25519: Oid = Oid::new_unwrap("1.3.101.112");
pub const SHA1: Oid = Oid::new_unwrap("1.3.14.3.2.26");
pub const SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
pub const SHA384: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.2");
pub const SHA512: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.3");

// Name attributes (X.520, RFC 5280 appendix A, RFC 4519).
pub const COMMON_NAME: Oid = Oid::new_unwrap("2.5.4.3");
pub const SURNAME: Oid = Oid::new_unwrap("2.5.4.4");
pub const SERIAL_NUMBER: Oid = Oid::new_unwrap("2.5.4.5");
pub const COUNTRY: Oid = Oid::new_unwrap("2.5.4.6");
pub const LOCALITY: Oid = Oid::new_unwrap("2.5.4.7");
pub const STATE: Oid = Oid::new_unwrap("2.5.4.8");
pub const STREET: Oid = Oid::new_unwrap("2.5.4.9");
pub const ORGANISATION: Oid = Oid::new_unwrap("2.5.4.10");
pub const ORGANISATIONAL_UNIT: Oid = Oid::new_unwrap("2.5.4.11");
pub const TITLE: Oid = Oid::new_unwrap("2.5.4.12");
pub const GIVEN_NAME: Oid = Oid::new_unwrap("2.5.4.42");
pub const ORGANISATION_IDENTIFIER: Oid = Oid::new_unwrap("2.5.4.97");
pub const DOMAIN_COMPONENT: Oid = Oid::new_unwrap("0.9.2342.19200300.100.1.25");
pub const USER_ID: Oid = Oid::new_unwrap("0.9.2342.19200300.100.1.1");
pub const EMAIL_ADDRESS: Oid = Oid::new_unwrap("1.2.840.113549.1.9.1");

// Certificate extensions (RFC 5280 section 4.2, RFC 3739).
pub const SUBJECT_KEY_IDENTIFIER: Oid = Oid::new_unwrap("2.5.29.14");
pub const KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.15");
pub const SUBJECT_ALT_NAME: Oid = Oid::new_unwrap("2.5.29.17");
pub const ISSUER_ALT_NAME: Oid = Oid::new_unwrap("2.5.29.18");
pub const BASIC_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.19");
pub const CRL_DISTRIBUTION_POINTS: Oid = Oid::new_unwrap("2.5.29.31");
pub const CERTIFICATE_POLICIES: Oid = Oid::new_unwrap("2.5.29.32");
pub const AUTHORITY_KEY_IDENTIFIER: Oid = Oid::new_unwrap("2.5.29.35");
pub const EXTENDED_KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.37");
pub const AUTHORITY_INFO_ACCESS: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.1.1");
pub const QC_STATEMENTS: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.1.3");

// Key purposes (RFC 5280 4.2.1.12).
pub const KP_TIME_STAMPING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.8");
pub const KP_OCSP_SIGNING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.9");

// CRL and CRL entry extensions (RFC 5280 5.2, 5.3).
pub const CRL_NUMBER: Oid = Oid::new_unwrap("2.5.29.20");
pub const CRL_REASON: Oid = Oid::new_unwrap("2.5.29.21");
pub const INVALIDITY_DATE: Oid = Oid::new_unwrap("2.5.29.24");

// OCSP (RFC 6960).
pub const OCSP_BASIC: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.48.1.1");

// ETSI EN 319 412-5 statements and ETSI EN 319 411-2 policies.
pub const QC_COMPLIANCE: Oid = Oid::new_unwrap("0.4.0.1862.1.1");
pub const QC_SSCD: Oid = Oid::new_unwrap("0.4.0.1862.1.4");
pub const QC_TYPE: Oid = Oid::new_unwrap("0.4.0.1862.1.6");
pub const QC_TYPE_ESIGN: Oid = Oid::new_unwrap("0.4.0.1862.1.6.1");
pub const QC_TYPE_ESEAL: Oid = Oid::new_unwrap("0.4.0.1862.1.6.2");
pub const QC_TYPE_WEB: Oid = Oid::new_unwrap("0.4.0.1862.1.6.3");
