//! Controlled vocabularies.
