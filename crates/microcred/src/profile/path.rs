//! JSON paths as microcred writes the credential: a list of one is written as the value itself,
//! so an index appears only where the list has several elements.

/// The path of member `key` below `at`.
pub(super) fn key(at: &str, key: &str) -> String {
    format!("{at}.{key}")
}

/// The path of element `index` of a list of `len` elements written at `at`.
pub(super) fn item(at: &str, index: usize, len: usize) -> String {
    if len > 1 {
        format!("{at}[{index}]")
    } else {
        at.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_only_lists_of_several() {
        assert_eq!(item("$.a", 0, 1), "$.a");
        assert_eq!(item("$.a", 1, 2), "$.a[1]");
        assert_eq!(item("$.x", 0, 2), "$.x[0]");
        assert_eq!(key("$", "issued"), "$.issued");
    }
}
