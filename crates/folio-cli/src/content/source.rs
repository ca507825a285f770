//! Turning a file's bytes into text: UTF-8 with or without BOM, or EUC-KR from
//! older Korean exports; line endings normalised to `\n`.

/// Text of a post file, with a note of what had to be done to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedSource {
    pub text: String,
    pub repaired: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("not valid UTF-8 (first bad byte at line {line}) and not EUC-KR either")]
    Encoding { line: usize },
    #[error("the file holds binary data (a NUL byte at line {line}), not text")]
    Binary { line: usize },
}

impl DecodeError {
    pub fn line(&self) -> usize {
        match self {
            DecodeError::Encoding { line } | DecodeError::Binary { line } => *line,
        }
    }
}

pub fn decode_source(bytes: &[u8]) -> Result<DecodedSource, DecodeError> {
    // Windows tools save "Unicode" text as UTF-16 with a byte order mark.
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (decoded, had_errors) = encoding.decode_with_bom_removal(bytes);
            if had_errors {
                return Err(DecodeError::Encoding { line: 1 });
            }
            let text = normalise_line_endings(decoded.into_owned());
            return Ok(DecodedSource {
                text,
                repaired: Some("read as UTF-16; re-save the file as UTF-8"),
            });
        }
    }
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        return Err(DecodeError::Binary { line });
    }
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
                return Err(DecodeError::Encoding { line });
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
    Ok(DecodedSource {
        text: normalise_line_endings(text),
        repaired,
    })
}

fn normalise_line_endings(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
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
        assert_eq!(err, DecodeError::Encoding { line: 2 });
        let err = decode_source(b"text\n\n\x00\x01binary").expect_err("binary");
        assert_eq!(err, DecodeError::Binary { line: 3 });
    }

    #[test]
    fn utf16_with_a_bom_is_read_with_a_note() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "---\r\ntitle: 유니코드\r\n---\r\n본문".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let decoded = decode_source(&bytes).expect("utf-16");
        assert_eq!(decoded.text, "---\ntitle: 유니코드\n---\n본문");
        assert!(decoded.repaired.is_some());
    }
}
