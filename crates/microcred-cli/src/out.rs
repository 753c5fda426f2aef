//! Writing to the terminal.
//!
//! Two rules for every command:
//! - **Untrusted text cannot forge output.** A credential's title, an issuer's name, a
//!   certificate's subject, a JSON path, a file name: any of them may hold a newline, a carriage
//!   return or an ANSI/OSC escape sequence that would add a fake report line, retitle the terminal
//!   or clear it. Human output goes through [`line`], which writes control characters (tab
//!   excepted), DEL, the C1 controls and the bidirectional overrides as visible `\u{..}` escapes.
//!   JSON output goes through [`raw`] unchanged: JSON escapes its own control characters, and a
//!   program reading it wants the exact values.
//! - **A closed pipe is the end of output, not a crash** (`microcred demo | head -1`): writing to
//!   a closed stdout or stderr ends the process quietly with status 0.

use std::borrow::Cow;
use std::io::{ErrorKind, Write};

/// `text` with every character that could steer a terminal written as a `\u{..}` escape.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(steers_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if steers_terminal(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// C0 controls but tab, DEL, C1 controls, and the characters that reorder text (Trojan Source).
fn steers_terminal(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// One line of human output on stdout, neutralised.
pub fn line(text: &str) {
    write_out(&mut std::io::stdout().lock(), &format!("{}\n", clean(text)));
}

/// One line of human output on stderr, neutralised.
pub fn err_line(text: &str) {
    write_out(&mut std::io::stderr().lock(), &format!("{}\n", clean(text)));
}

/// Text written to stdout exactly as given (JSON, a credential), with a final newline.
pub fn raw(text: &str) {
    write_out(&mut std::io::stdout().lock(), &format!("{text}\n"));
}

/// Text written to stdout exactly as given, nothing added.
pub fn raw_exact(text: &str) {
    write_out(&mut std::io::stdout().lock(), text);
}

fn write_out(stream: &mut impl Write, text: &str) {
    match stream
        .write_all(text.as_bytes())
        .and_then(|()| stream.flush())
    {
        Ok(()) => {}
        // Whoever read the output has stopped (`| head`): nothing is wrong, there is no one left
        // to tell.
        Err(e) if e.kind() == ErrorKind::BrokenPipe => std::process::exit(0),
        Err(_) => std::process::exit(2),
    }
}

/// `println!` for human output: formats, neutralises untrusted text, survives a closed pipe.
macro_rules! outln {
    () => { $crate::out::line("") };
    ($($arg:tt)*) => { $crate::out::line(&format!($($arg)*)) };
}

/// `eprintln!` for human output, likewise.
macro_rules! errln {
    ($($arg:tt)*) => { $crate::out::err_line(&format!($($arg)*)) };
}

pub(crate) use {errln, outln};

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn control_and_reordering_characters_are_escaped() {
        assert_eq!(clean("Data Science"), "Data Science");
        assert_eq!(clean("a\tb"), "a\tb");
        assert_eq!(
            clean("x\nother.jsonld: VALID"),
            "x\\u{a}other.jsonld: VALID"
        );
        assert_eq!(clean("\u{1b}]0;owned\u{7}"), "\\u{1b}]0;owned\\u{7}");
        assert_eq!(clean("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(
            clean("a\u{202e}b\u{9b}c\u{7f}"),
            "a\\u{202e}b\\u{9b}c\\u{7f}"
        );
        assert_eq!(clean("Université de Liège"), "Université de Liège");
    }
}
