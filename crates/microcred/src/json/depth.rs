//! A pre-scan that bounds nesting depth before the parser recurses.
//!
//! serde_json stops at a fixed depth of 128 with no path; this scan enforces the configured limit
//! first and reports where it was crossed. It is a single pass over the bytes that tracks only
//! strings, brackets, member names and element indices, so it costs far less than the parse.

use super::ParseError;

enum Frame {
    /// An object, with the byte range of the member name being read (rendered only on error).
    Object {
        key: Option<(usize, usize)>,
    },
    Array {
        index: usize,
    },
}

/// Fails when objects and arrays nest deeper than `limit`.
pub(crate) fn check_depth(bytes: &[u8], limit: usize) -> Result<(), ParseError> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    // In an object, the next string is a member name when we are before its ':'.
    let mut expect_key = false;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                // Strings are most of a credential (base64 images): jump to the next quote or
                // backslash instead of stepping byte by byte.
                loop {
                    match memchr::memchr2(b'"', b'\\', bytes.get(i..).unwrap_or_default()) {
                        Some(offset) if bytes[i + offset] == b'"' => {
                            i += offset;
                            break;
                        }
                        Some(offset) => i += offset + 2,
                        None => {
                            i = bytes.len();
                            break;
                        }
                    }
                }
                if expect_key {
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        *key = Some((start, i.min(bytes.len())));
                    }
                    expect_key = false;
                }
            }
            b'{' | b'[' => {
                if stack.len() >= limit {
                    return Err(ParseError::TooDeep {
                        limit,
                        path: render(bytes, &stack),
                    });
                }
                if bytes[i] == b'{' {
                    stack.push(Frame::Object { key: None });
                    expect_key = true;
                } else {
                    stack.push(Frame::Array { index: 0 });
                }
            }
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { .. }) => expect_key = true,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

fn render(bytes: &[u8], stack: &[Frame]) -> String {
    let mut path = String::from("$");
    for frame in stack {
        match frame {
            Frame::Object {
                key: Some((start, end)),
            } => {
                path.push('.');
                path.push_str(&String::from_utf8_lossy(&bytes[*start..*end]));
            }
            Frame::Object { key: None } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_path_where_the_limit_is_crossed() {
        let doc = br#"{"a": [1, {"b\"": {"c": [[[]]]}}]}"#;
        assert!(check_depth(doc, 7).is_ok());
        let err = check_depth(doc, 6).unwrap_err();
        assert_eq!(err.code(), "json.too_deep");
        assert_eq!(err.path(), Some("$.a[1].b\\\".c[0][0]"));
    }

    #[test]
    fn unterminated_strings_and_trailing_escapes_end_the_scan() {
        assert!(check_depth(b"{\"a\": \"never closed [[[[", 2).is_ok());
        assert!(check_depth(b"[\"ends with a backslash\\", 2).is_ok());
        assert!(check_depth(br#"["a\"[[[[[", [[["#, 3).is_err());
    }

    #[test]
    fn brackets_inside_strings_do_not_count() {
        assert!(check_depth(br#"{"a": "[[[[[[[[{{{{{{"}"#, 2).is_ok());
    }
}
