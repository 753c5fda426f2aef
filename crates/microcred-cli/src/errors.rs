//! How the commands show an error of the core: its message and its stable code, read through the
//! one error contract (`microcred::ErrorCode`), whatever module the error comes from. Two layouts,
//! as the commands have always printed them.

use microcred::ErrorCode;

/// `[code] message`: the code first (convert, issue, validate).
pub fn code_first(e: &impl ErrorCode) -> String {
    format!("[{}] {e}", e.code())
}

/// `message (code)`: the message first (seal, sign-di, verify, demo).
pub fn code_last(e: &impl ErrorCode) -> String {
    format!("{e} ({})", e.code())
}

/// The error to return: `[code] message`.
pub fn fail_code_first(e: impl ErrorCode) -> anyhow::Error {
    anyhow::anyhow!(code_first(&e))
}

/// The error to return: `message (code)`.
pub fn fail(e: impl ErrorCode) -> anyhow::Error {
    anyhow::anyhow!(code_last(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_layouts_name_the_code() {
        let e = microcred::json::parse(b"{").unwrap_err();
        let message = e.to_string();
        assert_eq!(code_first(&e), format!("[json.truncated] {message}"));
        assert_eq!(code_last(&e), format!("{message} (json.truncated)"));
        assert_eq!(fail(e.clone()).to_string(), code_last(&e));
        assert_eq!(fail_code_first(e.clone()).to_string(), code_first(&e));
    }
}
