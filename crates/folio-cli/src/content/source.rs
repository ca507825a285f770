//! Turning a file's bytes into text: UTF-8 with or without BOM, or EUC-KR from
//! older Korean exports; line endings normalised to `\n`.

/// Text of a post file, with a note of what had to be done to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedSource {
    pub text: String,
    pub repaired: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not valid UTF-8 (first bad byte at line {line}) and not EUC-KR either")]
pub struct DecodeError {
    pub line: usize,
}

pub fn decode_source(bytes: &[u8]) -> Result<DecodedSource, DecodeError> {
    let (text, repaired) = match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), None),
        Err(err) => {
            let line = bytes[..err.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            let (decoded, _, had_errors) = encoding_rs::EUC_KR.decode(bytes);
            if had_errors {
                return Err(DecodeError { line });
            }
            (
                decoded.into_owned(),
                Some("read as EUC-KR; re-save the file as UTF-8"),
            )
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    Ok(DecodedSource { text, repaired })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_removed() {
        let decoded =
            decode_source("\u{feff}---\r\ntitle: a\r\n---\r\nbody".as_bytes()).expect("utf8");
        assert_eq!(decoded.text, "---\ntitle: a\n---\nbody");
        assert_eq!(decoded.repaired, None);
    }

    #[test]
    fn euc_kr_is_read_with_a_note() {
        let (bytes, _, _) = encoding_rs::EUC_KR.encode("안녕하세요");
        let decoded = decode_source(&bytes).expect("euc-kr");
        assert_eq!(decoded.text, "안녕하세요");
        assert!(decoded.repaired.is_some());
    }

    #[test]
    fn binary_garbage_is_an_error_with_a_line() {
        let err = decode_source(b"line one\nline two \xff\xfe\xff\x80\x80").expect_err("garbage");
        assert_eq!(err.line, 2);
    }
}
