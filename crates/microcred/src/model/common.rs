//! Small classes used everywhere: concepts, notes, media objects, web resources, periods.

use super::{DateTime, LangMap, elm_class};

elm_class! {
    /// A value from a controlled vocabulary, always embedded with its scheme and label
    /// (a bare IRI fails the EDC shapes). See [`crate::vocab`] for typed constructors.
    pub struct Concept as ["Concept"] {
        /// The vocabulary the concept belongs to.
        pub in_scheme: Option<ConceptScheme> = "inScheme",
        /// A short code, such as `country` on Publications Office concepts.
        pub notation: Option<String> = "notation",
        /// The preferred label.
        pub pref_label: LangMap = "prefLabel",
        /// Alternative labels.
        pub alt_label: LangMap = "altLabel",
        /// A definition.
        pub definition: LangMap = "definition",
    }
}

elm_class! {
    /// A controlled vocabulary, named by its IRI in `id`.
    pub struct ConceptScheme as ["ConceptScheme"] {}
}

elm_class! {
    /// A free-text note, in several languages.
    pub struct Note as ["Note"] {
        /// The text.
        pub note_literal: LangMap = "noteLiteral",
        /// What the note is about.
        pub subject: Option<Concept> = "subject",
        /// The format of the text (plain, HTML).
        pub note_format: Option<Concept> = "noteFormat",
    }
}

elm_class! {
    /// An embedded file: an image of a display page, a logo, an attachment.
    pub struct MediaObject as ["MediaObject"] {
        /// A title.
        pub title: LangMap = "title",
        /// A description.
        pub description: LangMap = "description",
        /// The file type (Publications Office `file-type` authority table).
        pub content_type: Option<Concept> = "contentType",
        /// What the attachment is.
        pub attachment_type: Option<Concept> = "attachmentType",
        /// The encoding of `content` (base64).
        pub content_encoding: Option<Concept> = "contentEncoding",
        /// The size in bytes.
        pub content_size: Option<u64> = "contentSize",
        /// The content, encoded as `content_encoding` says.
        pub content: Option<String> = "content",
        /// Where the content can be found instead.
        pub content_url: Option<String> = "contentURL",
    }
}

elm_class! {
    /// A link to a web page.
    pub struct WebResource as ["WebResource"] {
        /// A title.
        pub title: LangMap = "title",
        /// The language of the page.
        pub language: Vec<Concept> = "language",
        /// The URL.
        pub content_url: Option<String> = "contentURL",
    }
}

elm_class! {
    /// A period with a start and an end.
    pub struct PeriodOfTime as ["PeriodOfTime"] {
        /// A label.
        pub pref_label: LangMap = "prefLabel",
        /// The start.
        pub start_date: Option<DateTime> = "startDate",
        /// The end.
        pub end_date: Option<DateTime> = "endDate",
    }
}
