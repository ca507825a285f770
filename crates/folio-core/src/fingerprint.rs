//! Short fingerprints of data: what a page was rendered from
//! ([`crate::list::page_fingerprint`]), cache keys of chunks and the search
//! index. `folio build` writes a page's into it; the app compares it with the
//! data it fetched, and adopts the prerendered page only when both are the
//! same (an old cached page under a new deploy is rendered afresh instead).

/// FNV-1a, 64 bits, as 16 hex digits: a few lines in the WASM, where a
/// cryptographic hash would cost kilobytes, and enough to tell deploys apart.
pub fn fingerprint(text: &str) -> String {
    Fnv::new().text(text).hex()
}

/// FNV-1a fed piece by piece, for fingerprints of several fields.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

impl Fnv {
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// Adds `text` as it is.
    pub fn text(self, text: &str) -> Fnv {
        self.bytes(text.as_bytes())
    }

    /// Adds `bytes` as they are.
    pub fn bytes(mut self, bytes: &[u8]) -> Fnv {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        self
    }

    /// Adds one field: its text and an end mark no text has, so `ab`,`c`
    /// and `a`,`bc` differ.
    pub fn field(self, text: &str) -> Fnv {
        self.text(text).text("\u{0}")
    }

    /// Adds a number as one field.
    pub fn number(self, number: u64) -> Fnv {
        self.field(&number.to_string())
    }

    pub fn finish(self) -> u64 {
        self.0
    }

    /// 16 hex digits.
    pub fn hex(self) -> String {
        format!("{:016x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::{fingerprint, Fnv};

    #[test]
    fn known_values_and_sensitivity() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
        assert_ne!(
            fingerprint("{\"posts\":[]}"),
            fingerprint("{\"posts\":[ ]}")
        );
        assert_eq!(Fnv::new().text("a").text("b").hex(), fingerprint("ab"));
        assert_ne!(
            Fnv::new().field("ab").field("c").finish(),
            Fnv::new().field("a").field("bc").finish()
        );
    }
}
