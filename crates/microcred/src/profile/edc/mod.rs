//! The cardinalities of the EDC application profile (`sh:minCount` in `EDC-generic-no-cv.ttl`),
//! checked by walking every node of the typed credential.
//!
//! The walk follows the model rather than the SHACL targets, so every organisation, claim,
//! media object, note and concept is checked wherever it sits: awarding bodies, the issuer,
//! `directedBy`, `assessedBy`, accrediting agents, logos, page images. A node reached along two
//! paths (the same awarding body under the achievement and under its assessment) is reported at
//! each path, since each is a separate copy in the JSON.

mod agent;
mod learning;
mod strays;

use super::Finding;
use super::codes::{self, Code};
use super::path::{each, key};
use crate::model::{
    Concept, DisplayDetail, DisplayParameter, EuropeanDigitalCredential, Evidence,
    IndividualDisplay, MediaObject, Node, Note, WebResource,
};

/// Collects findings while walking a credential.
#[derive(Debug, Default)]
pub(super) struct Walker {
    findings: Vec<Finding>,
    /// The paths of members kept as they were read because they did not fit (see `strays`).
    stray_members: Vec<String>,
    /// When the credential was issued (`issued`, else `validFrom`), for the accreditations.
    issued: Option<time::OffsetDateTime>,
}

/// A function that checks one node found at a path.
type Walk<T> = fn(&mut Walker, &T, &str);

impl Walker {
    /// The findings of the EDC application profile for `credential`, in document order.
    pub(super) fn check(credential: &EuropeanDigitalCredential) -> Vec<Finding> {
        let mut walker = Walker {
            issued: credential
                .issued
                .as_ref()
                .or(credential.valid_from.as_ref())
                .and_then(|d| d.to_offset()),
            ..Walker::default()
        };
        walker.strays(credential, "$");
        walker.credential(credential);
        // A member that is there but did not fit is reported as such, not also as missing.
        let Walker {
            mut findings,
            stray_members,
            ..
        } = walker;
        findings
            .retain(|f| !(f.code.starts_with("edc.missing.") && stray_members.contains(&f.path)));
        findings
    }

    fn report(&mut self, code: Code, at: String) {
        self.findings.push(Finding::new(code, at));
    }

    /// Reports `code` at `at.k` unless the element is present.
    fn need(&mut self, present: bool, code: Code, at: &str, k: &str) {
        if !present {
            self.report(code, key(at, k));
        }
    }

    /// Walks an optional node (and what it kept that did not fit).
    fn one<T: Node>(&mut self, value: Option<&T>, at: &str, k: &str, walk: Walk<T>) {
        if let Some(value) = value {
            let here = key(at, k);
            self.strays(value, &here);
            walk(self, value, &here);
        }
    }

    /// Walks every node of a list.
    fn all<T: Node>(&mut self, list: &[T], at: &str, k: &str, walk: Walk<T>) {
        let at = key(at, k);
        for (here, value) in each(&at, list) {
            self.strays(value, &here);
            walk(self, value, &here);
        }
    }

    /// Walks a mandatory node, reporting `code` when it is absent.
    fn required<T: Node>(
        &mut self,
        value: Option<&T>,
        code: Code,
        at: &str,
        k: &str,
        walk: Walk<T>,
    ) {
        self.need(value.is_some(), code, at, k);
        self.one(value, at, k, walk);
    }

    /// Walks a mandatory list, reporting `code` when it is empty.
    fn required_all<T: Node>(&mut self, list: &[T], code: Code, at: &str, k: &str, walk: Walk<T>) {
        self.need(!list.is_empty(), code, at, k);
        self.all(list, at, k, walk);
    }

    fn credential(&mut self, c: &EuropeanDigitalCredential) {
        let at = "$";
        self.required_all(
            &c.credential_profiles,
            codes::EDC_CREDENTIAL_PROFILES,
            at,
            "credentialProfiles",
            Self::concept,
        );
        self.required(
            c.display_parameter.as_ref(),
            codes::EDC_DISPLAY_PARAMETER,
            at,
            "displayParameter",
            Self::display,
        );
        self.all(&c.identifier, at, "identifier", Self::identifier);
        self.all(&c.attachment, at, "attachment", Self::media);
        self.required_all(
            &c.credential_schema,
            codes::EDC_CREDENTIAL_SCHEMA,
            at,
            "credentialSchema",
            Self::only_strays,
        );
        self.required(
            c.credential_subject.as_ref(),
            codes::EDC_CREDENTIAL_SUBJECT,
            at,
            "credentialSubject",
            Self::person,
        );
        self.all(&c.evidence, at, "evidence", Self::evidence);
        self.need(c.issued.is_some(), codes::EDC_ISSUED, at, "issued");
        self.required(
            c.issuer.as_ref(),
            codes::EDC_ISSUER,
            at,
            "issuer",
            Self::issuer,
        );
        self.need(
            c.valid_from.is_some(),
            codes::EDC_VALID_FROM,
            at,
            "validFrom",
        );
    }

    fn display(&mut self, d: &DisplayParameter, at: &str) {
        self.required_all(
            &d.individual_display,
            codes::EDC_INDIVIDUAL_DISPLAY,
            at,
            "individualDisplay",
            Self::individual_display,
        );
        self.required(
            d.primary_language.as_ref(),
            codes::EDC_PRIMARY_LANGUAGE,
            at,
            "primaryLanguage",
            Self::concept,
        );
        self.required_all(
            &d.language,
            codes::EDC_LANGUAGE,
            at,
            "language",
            Self::concept,
        );
        self.need(!d.title.is_blank(), codes::EDC_TITLE, at, "title");
    }

    fn individual_display(&mut self, d: &IndividualDisplay, at: &str) {
        self.required_all(
            &d.display_detail,
            codes::EDC_DISPLAY_DETAIL,
            at,
            "displayDetail",
            Self::display_detail,
        );
        self.required(
            d.language.as_ref(),
            codes::EDC_LANGUAGE,
            at,
            "language",
            Self::concept,
        );
    }

    fn display_detail(&mut self, d: &DisplayDetail, at: &str) {
        self.required(d.image.as_ref(), codes::EDC_IMAGE, at, "image", Self::media);
        self.need(d.page.is_some(), codes::EDC_PAGE, at, "page");
    }

    fn media(&mut self, m: &MediaObject, at: &str) {
        self.required(
            m.content_type.as_ref(),
            codes::EDC_CONTENT_TYPE,
            at,
            "contentType",
            Self::concept,
        );
        self.one(
            m.attachment_type.as_ref(),
            at,
            "attachmentType",
            Self::concept,
        );
        self.required(
            m.content_encoding.as_ref(),
            codes::EDC_CONTENT_ENCODING,
            at,
            "contentEncoding",
            Self::concept,
        );
        self.need(
            m.content.as_deref().is_some_and(|c| !c.is_empty()),
            codes::EDC_CONTENT,
            at,
            "content",
        );
    }

    fn evidence(&mut self, e: &Evidence, at: &str) {
        self.required(
            e.dc_type.as_ref(),
            codes::EDC_EVIDENCE_TYPE,
            at,
            "dcType",
            Self::concept,
        );
        self.all(&e.embedded_evidence, at, "embeddedEvidence", Self::media);
    }

    fn note(&mut self, n: &Note, at: &str) {
        self.need(
            !n.note_literal.is_blank(),
            codes::EDC_NOTE_LITERAL,
            at,
            "noteLiteral",
        );
        self.one(n.subject.as_ref(), at, "subject", Self::concept);
        self.one(n.note_format.as_ref(), at, "noteFormat", Self::concept);
    }

    fn web_resource(&mut self, w: &WebResource, at: &str) {
        self.all(&w.language, at, "language", Self::concept);
        let present = w
            .content_url
            .as_deref()
            .is_some_and(|u| !u.trim().is_empty());
        self.need(present, codes::EDC_CONTENT_URL, at, "contentURL");
    }

    /// A node with no rule of its own: walking it reports only what did not fit (see `strays`).
    fn only_strays<T>(&mut self, _node: &T, _at: &str) {}

    /// A controlled value: the EDC shapes want a typed node, and the controlled-vocabulary shapes
    /// (`EDC-generic-full.ttl`) match its `inScheme`, so both the id and the scheme are needed.
    fn concept(&mut self, c: &Concept, at: &str) {
        self.one(c.in_scheme.as_ref(), at, "inScheme", Self::only_strays);
        if c.id.as_deref().is_none_or(|id| id.trim().is_empty()) {
            self.report(codes::EDC_CONCEPT_ID, at.to_owned());
        }
        let scheme = c.in_scheme.as_ref().and_then(|s| s.id.as_deref());
        if scheme.is_none_or(|id| id.trim().is_empty()) {
            self.report(codes::EDC_CONCEPT_SCHEME, key(at, "inScheme"));
        }
    }
}
