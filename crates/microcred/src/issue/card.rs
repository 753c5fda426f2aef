//! The generated display page: an SVG certificate card.
//!
//! EDC requires an image on every display page. When the template brings none, each language
//! gets a card with the title in that language, the learner's name, the awarding body, the
//! awarding date and the workload. Everything is drawn as text and XML-escaped; the few fixed
//! words are English.

/// What a card shows; all of it already chosen for one language.
#[derive(Debug, Clone, Default)]
pub(super) struct Card<'a> {
    pub lang: &'a str,
    pub title: &'a str,
    pub learner: &'a str,
    pub awarding_body: &'a str,
    /// `YYYY-MM-DD`.
    pub date: &'a str,
    pub ects: Option<f64>,
    pub hours: Option<u32>,
    pub eqf: Option<u8>,
    pub credential_id: &'a str,
}

const WIDTH: u32 = 1200;
const HEIGHT: u32 = 850;
const INK: &str = "#1f2a44";
const ACCENT: &str = "#2b4c9b";

impl Card<'_> {
    /// The card as an SVG document (UTF-8, no XML declaration).
    pub(super) fn svg(&self) -> String {
        let mut out = String::with_capacity(2048);
        out.push_str(&format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" xml:lang=\"{}\" font-family=\"DejaVu Sans, Arial, sans-serif\" fill=\"{INK}\">",
            escape(self.lang)
        ));
        out.push_str(&format!("<title>{}</title>", escape(self.title)));
        out.push_str(&format!(
            "<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>"
        ));
        out.push_str(&format!(
            "<rect x=\"24\" y=\"24\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{ACCENT}\" stroke-width=\"6\"/>",
            WIDTH - 48,
            HEIGHT - 48
        ));
        let centre = WIDTH / 2;
        let mut text = |y: u32, size: u32, weight: &str, content: &str| {
            out.push_str(&format!(
                "<text x=\"{centre}\" y=\"{y}\" font-size=\"{size}\" font-weight=\"{weight}\" text-anchor=\"middle\">{}</text>",
                escape(content)
            ));
        };
        text(120, 30, "normal", &clip(self.awarding_body, 60));
        text(190, 22, "bold", "MICRO-CREDENTIAL");
        let title_lines = wrap(self.title, 38, 3);
        let mut y = 280;
        for line in &title_lines {
            text(y, 42, "bold", line);
            y += 58;
        }
        let y = y.max(400) + 20;
        text(y, 22, "normal", "awarded to");
        text(y + 60, 40, "normal", &clip(self.learner, 45));
        text(y + 120, 22, "normal", &format!("on {}", self.date));
        let details = self.details();
        if !details.is_empty() {
            text(y + 190, 24, "normal", &details);
        }
        text(HEIGHT - 50, 14, "normal", self.credential_id);
        out.push_str("</svg>");
        out
    }

    fn details(&self) -> String {
        let mut parts = Vec::new();
        if let Some(ects) = self.ects {
            parts.push(format!("{ects} ECTS credits"));
        }
        if let Some(hours) = self.hours {
            parts.push(format!("{hours} hours"));
        }
        if let Some(eqf) = self.eqf {
            parts.push(format!("EQF level {eqf}"));
        }
        parts.join(" · ")
    }
}

/// Escapes the five XML special characters and drops characters XML 1.0 forbids (control
/// characters), so any registrar or learner text yields a well-formed document.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters, with an ellipsis when cut.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Greedy word wrap into at most `lines` lines of `width` characters; the last line is clipped.
fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let word = clip(word, width);
        let needed = if current.is_empty() {
            word.chars().count()
        } else {
            current.chars().count() + 1 + word.chars().count()
        };
        if needed > width && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&word);
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.len() > lines {
        let rest = out[lines - 1..].join(" ");
        out.truncate(lines - 1);
        out.push(clip(&rest, width));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_control_characters() {
        assert_eq!(escape("a<b>&\"c'\u{1}\n"), "a&lt;b&gt;&amp;&quot;c&apos; ");
    }

    #[test]
    fn long_titles_wrap_and_clip() {
        let lines = wrap("one two three four five six seven eight nine ten", 10, 3);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], "one two");
        assert!(lines[2].ends_with('…'));
        assert!(lines.iter().all(|l| l.chars().count() <= 10));
        assert_eq!(wrap("", 10, 3), Vec::<String>::new());
    }
}
