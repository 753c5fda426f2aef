//! Members that did not fit their place when the credential was read: a node of another class,
//! several values where the profile allows one, a value of the wrong shape. The reader keeps them
//! as they were; here they are reported, and every node they hold is checked as the class it says
//! it is, so nothing in the credential escapes the profile check by being misplaced.

use super::Walker;
use crate::model::{AnyNode, DecodeErrorKind, NodeRef};
use crate::profile::Finding;
use crate::profile::codes;
use crate::profile::path::key;

/// `base` followed by a path relative to it (`$`, `$[1]`, `$.en`).
fn join(base: &str, relative: &str) -> String {
    format!("{base}{}", relative.strip_prefix('$').unwrap_or(relative))
}

impl Walker {
    /// Reports the strays of `node`, found at `at`, and checks what they hold.
    pub(super) fn strays(&mut self, node: NodeRef<'_>, at: &str) {
        for stray in node.strays() {
            let member = key(at, stray.key);
            self.stray_members.push(member.clone());
            let finding = match &stray.error.kind {
                DecodeErrorKind::UnexpectedClass { expected, found } => {
                    // The reader points at the node's `type`; the finding names the node.
                    let relative = stray.error.path.strip_suffix(".type");
                    let here = join(&member, relative.unwrap_or(&stray.error.path));
                    Finding::new(codes::EDC_UNEXPECTED_CLASS, here)
                        .with_classes(expected, Some(found))
                }
                DecodeErrorKind::TooMany => {
                    match codes::too_many(stray.key) {
                        Some(code) => Finding::new(code, member.clone()),
                        // Every property the model holds once has its code (a unit test checks).
                        None => Finding::new(codes::EDC_INVALID_VALUE, member.clone())
                            .with_classes("one value", Some("several")),
                    }
                }
                DecodeErrorKind::WrongType { expected }
                | DecodeErrorKind::InvalidValue { expected } => {
                    Finding::new(codes::EDC_INVALID_VALUE, join(&member, &stray.error.path))
                        .with_classes(expected, None)
                }
            };
            self.findings.push(finding);
            for (relative, node) in AnyNode::read_all(stray.value) {
                self.any_node(&node, &join(&member, &relative));
            }
        }
    }

    /// Checks a node as the class it says it is; a credential found inside another only for
    /// what it kept that did not fit.
    fn any_node(&mut self, node: &AnyNode, at: &str) {
        match node.as_node() {
            Some(credential @ NodeRef::EuropeanDigitalCredential(_)) => self.strays(credential, at),
            Some(node) => self.node(node, at, None),
            None => {}
        }
    }
}
