//! How much issuance takes, so that every credential it writes is one microcred reads back.
//!
//! The credential reader takes files of up to 16 MiB ([`crate::json::Limits`]), and a JAdES seal
//! carries the credential as an escaped JSON string, which can double its size. So an issued
//! credential may take at most [`MAX_CREDENTIAL_BYTES`]: when a template is checked, the largest
//! credential it can give (its own texts and images with the longest learner record) is built
//! and measured, and a template over the limit is refused (`issue.credential_too_large`) before
//! any learner is issued. Single fields have limits of their own (`issue.too_long`), so that a
//! runaway value is named where it is.

/// The largest template file, in bytes: the reader's limit for a credential.
pub const MAX_TEMPLATE_BYTES: usize = 16 * 1024 * 1024;

/// The largest issued credential, in bytes: under half the reader's 16 MiB, with room for the
/// seal's headers.
pub const MAX_CREDENTIAL_BYTES: usize = 7 * 1024 * 1024;

/// The longest title, name or label (`title`, `legal_name`, `short_name`, `label`), in characters.
pub const MAX_TITLE_CHARS: usize = 1_000;

/// The longest other text (descriptions, learning outcomes, notes, addresses), in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// The longest single value of a template (a URL, an IRI, a code, an identifier), in characters.
pub const MAX_VALUE_CHARS: usize = 2_000;

/// The longest embedded image, as base64 text (about 3 MiB of image).
pub const MAX_IMAGE_CHARS: usize = 4 * 1024 * 1024;

/// The longest field of a learner record, in characters.
pub const MAX_LEARNER_CHARS: usize = 500;

/// Whether a text field is a title, a name or a label (the shorter limit), by its last key.
pub(super) fn is_title(field: &str) -> bool {
    let last = field.rsplit('.').next().unwrap_or(field);
    let last = last.split('[').next().unwrap_or(last);
    matches!(last, "title" | "legal_name" | "short_name" | "label")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_credential_of_the_largest_size_is_read_back() {
        let reader = crate::json::Limits::default().max_bytes;
        assert!(2 * MAX_CREDENTIAL_BYTES + 1024 * 1024 <= reader);
        assert!(MAX_TEMPLATE_BYTES <= reader);
    }

    #[test]
    fn titles_names_and_labels_are_told_apart() {
        for title in [
            "title",
            "assessment.title",
            "awarding_body.legal_name",
            "nqf.label",
        ] {
            assert!(is_title(title), "{title}");
        }
        for text in [
            "description",
            "learning_outcomes[2]",
            "awarding_body.address",
        ] {
            assert!(!is_title(text), "{text}");
        }
        assert!(is_title("learning_outcomes[2].title"));
    }
}
