//! The cardinalities of the EDC application profile (`sh:minCount` in `EDC-generic-no-cv.ttl`),
//! checked by walking every node of the typed credential.
//!
//! The walk follows the model rather than the SHACL targets, so every organisation, claim,
//! media object, note and concept is checked wherever it sits: awarding bodies, the issuer,
//! `directedBy`, `assessedBy`, accrediting agents, logos, page images. A node reached along two
//! paths (the same awarding body under the achievement and under its assessment) is reported at
//! each path, since each is a separate copy in the JSON.
//!
//! Which fields a node has and which nodes they hold comes from the model (`elm_class!` generates
//! it), what each field needs from the table in [`rules`]; the few checks that are not
//! cardinalities (controlled values, accreditations) are [`Walker::values`].

mod rules;
mod strays;
#[cfg(test)]
mod tests;

use super::Finding;
use super::codes::{self, Code};
use super::path::{item, key};
use crate::model::walk::Member;
use crate::model::{EuropeanDigitalCredential, NodeRef};

/// Collects findings while walking a credential.
#[derive(Debug, Default)]
pub(super) struct Walker {
    findings: Vec<Finding>,
    /// The paths of members kept as they were read because they did not fit (see `strays`).
    stray_members: Vec<String>,
    /// When the credential was issued (`issued`, else `validFrom`), for the accreditations.
    issued: Option<time::OffsetDateTime>,
    /// Each node walked: the slot it sits in (parent class, key) and its class.
    #[cfg(test)]
    visited: Vec<(Option<(&'static str, &'static str)>, &'static str)>,
}

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
        walker.node(NodeRef::EuropeanDigitalCredential(credential), "$", None);
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

    /// Checks `node`, found at `at` in a `slot` of its parent (class, key): what it kept that did
    /// not fit, then each field in the writer's order (the claims' `title` and `awardedBy` first),
    /// then its values.
    fn node(&mut self, node: NodeRef<'_>, at: &str, slot: Option<(&'static str, &'static str)>) {
        self.strays(node, at);
        let class = node.class();
        #[cfg(test)]
        self.visited.push((slot, class));
        let needs = [rules::of_class(class), rules::of_slot(slot)];
        let first = rules::first(class);
        // `None`: the other fields, after those that come first.
        for only in first.iter().copied().map(Some).chain([None]) {
            node.fields(&mut |k, field| {
                if only.map_or(!first.contains(&k), |only| only == k) {
                    self.field((class, k), field, at, &needs);
                }
            });
        }
        self.values(node, at);
    }

    /// One field of a node: reported when it holds fewer values than the table wants, then each
    /// node it holds is checked.
    fn field(
        &mut self,
        slot: (&'static str, &'static str),
        field: &dyn Member,
        at: &str,
        needs: &[&[rules::Need]],
    ) {
        let need = needs
            .iter()
            .flat_map(|n| n.iter())
            .find(|n| n.key == slot.1);
        if let Some(need) = need
            && field.count() < need.min
        {
            self.report(need.code, key(at, slot.1));
        }
        // The path is written only for a field that holds nodes.
        let mut here = None;
        field.nodes(&mut |i, len, child| {
            let here = here.get_or_insert_with(|| key(at, slot.1));
            self.node(child, &item(here, i, len), Some(slot));
        });
    }

    /// The checks that are not cardinalities.
    fn values(&mut self, node: NodeRef<'_>, at: &str) {
        match node {
            // A controlled value: the EDC shapes want a typed node, and the controlled-vocabulary
            // shapes (`EDC-generic-full.ttl`) match its `inScheme`, so both ids are needed.
            NodeRef::Concept(c) => {
                if c.id.as_deref().is_none_or(|id| id.trim().is_empty()) {
                    self.report(codes::EDC_CONCEPT_ID, at.to_owned());
                }
                let scheme = c.in_scheme.as_ref().and_then(|s| s.id.as_deref());
                if scheme.is_none_or(|id| id.trim().is_empty()) {
                    self.report(codes::EDC_CONCEPT_SCHEME, key(at, "inScheme"));
                }
            }
            // The Verifier's rule (`accreditation.expired`), at the one time the credential fixes.
            NodeRef::Accreditation(a)
                if a.expires_before_issued() || self.issued.is_some_and(|t| a.expired_at(t)) =>
            {
                self.report(codes::EDC_ACCREDITATION_EXPIRED, key(at, "expiryDate"));
            }
            _ => {}
        }
    }
}
