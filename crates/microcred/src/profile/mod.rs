//! Profile check.
/// x
#[derive(Debug)]
pub struct Finding;
/// x
#[derive(Debug)]
pub enum Severity {}
/// x
pub fn check() {}
