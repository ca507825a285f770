//! A short fingerprint of the manifest's text. `folio build` writes it into
//! every page; the app compares it with the manifest it fetched, and adopts
//! the prerendered page only when both were built from the same data (an old
//! cached page under a new deploy is rendered afresh instead).

/// FNV-1a, 64 bits, as 16 hex digits: a few lines in the WASM, where a
/// cryptographic hash would cost kilobytes, and enough to tell deploys apart.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn known_values_and_sensitivity() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
        assert_ne!(
            fingerprint("{\"posts\":[]}"),
            fingerprint("{\"posts\":[ ]}")
        );
    }
}
