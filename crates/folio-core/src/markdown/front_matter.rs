//! Finding the front matter block. Parsing it is the indexer's job; the app
//! only needs to skip it, so this knows delimiters and nothing of YAML or TOML.

/// The syntax of a front matter block, told by its delimiter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatterKind {
    /// `---` … `---`
    Yaml,
    /// `+++` … `+++`
    Toml,
    /// A JSON object starting on the first line, `{` … `}`.
    Json,
}

/// A source split into its front matter block (if any) and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitSource<'a> {
    pub front_matter: Option<(FrontMatterKind, &'a str)>,
    pub body: &'a str,
    /// 1-based line of the source where the front matter text starts, for diagnostics.
    pub front_matter_line: usize,
    /// 1-based line of the source where the body starts.
    pub body_line: usize,
    /// An opening delimiter with no closing one: the whole file is body.
    pub unterminated: Option<FrontMatterKind>,
}

/// Splits `source` (already without BOM, with `\n` or `\r\n` line ends).
pub fn split_front_matter(source: &str) -> SplitSource<'_> {
    let whole = SplitSource {
        front_matter: None,
        body: source,
        front_matter_line: 0,
        body_line: 1,
        unterminated: None,
    };
    // Exports sometimes put blank lines before the opening delimiter.
    let leading = source.len() - source.trim_start_matches(['\n', '\r', ' ', '\t']).len();
    let leading = source[..leading].rfind('\n').map_or(0, |at| at + 1);
    let skipped_lines = source[..leading].matches('\n').count();
    let source = &source[leading..];
    let first_line = source.lines().next().unwrap_or_default().trim_end();
    let (kind, fence) = match first_line {
        "---" => (FrontMatterKind::Yaml, "---"),
        "+++" => (FrontMatterKind::Toml, "+++"),
        "{" => (FrontMatterKind::Json, "}"),
        _ => return whole,
    };
    // The block starts on the next line, whatever trails the opening fence.
    let mut offset = source.find('\n').map_or(source.len(), |at| at + 1);
    let content_start = offset;
    for (line_no, line) in (2..).zip(source[content_start..].split_inclusive('\n')) {
        let end = offset + line.len();
        let bare = line.trim_end();
        // YAML also allows `...` to end a document.
        if bare == fence || (kind == FrontMatterKind::Yaml && bare == "...") {
            let block = match kind {
                FrontMatterKind::Json => &source[..end],
                _ => &source[content_start..offset],
            };
            return SplitSource {
                front_matter: Some((kind, block)),
                body: &source[end..],
                front_matter_line: skipped_lines
                    + if kind == FrontMatterKind::Json { 1 } else { 2 },
                body_line: skipped_lines + line_no + 1,
                unterminated: None,
            };
        }
        offset = end;
    }
    SplitSource {
        unterminated: Some(kind),
        // For an unterminated block: the line of its opening fence.
        front_matter_line: skipped_lines + 1,
        ..whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test]
    fn yaml_block_is_split_from_the_body() {
        let split = split_front_matter("---\ntitle: 안녕\n---\n# Body\n");
        assert_eq!(
            split.front_matter,
            Some((FrontMatterKind::Yaml, "title: 안녕\n"))
        );
        assert_eq!(split.body, "# Body\n");
        assert_eq!(split.body_line, 4);
    }

    #[test]
    fn toml_block_with_crlf() {
        let split = split_front_matter("+++\r\ntitle = \"a\"\r\n+++\r\nbody");
        assert_eq!(
            split.front_matter,
            Some((FrontMatterKind::Toml, "title = \"a\"\r\n"))
        );
        assert_eq!(split.body, "body");
    }

    #[test]
    fn json_block_keeps_its_braces() {
        let split = split_front_matter("{\n\"title\": \"a\"\n}\nbody");
        assert_eq!(
            split.front_matter,
            Some((FrontMatterKind::Json, "{\n\"title\": \"a\"\n}\n"))
        );
        assert_eq!(split.body, "body");
    }

    #[test_case("# Just a post\n" ; "no front matter")]
    #[test_case("" ; "empty file")]
    #[test_case("----\ntitle: x\n----\n" ; "four dashes is a rule, not a fence")]
    fn no_block(source: &str) {
        let split = split_front_matter(source);
        assert_eq!(split.front_matter, None);
        assert_eq!(split.body, source);
        assert_eq!(split.unterminated, None);
    }

    #[test]
    fn unterminated_block_is_reported_and_kept_as_body() {
        let split = split_front_matter("---\ntitle: x\n# never closed\n");
        assert_eq!(split.front_matter, None);
        assert_eq!(split.unterminated, Some(FrontMatterKind::Yaml));
        assert_eq!(split.body, "---\ntitle: x\n# never closed\n");
    }

    #[test]
    fn blank_lines_before_the_block_are_allowed() {
        let split = split_front_matter("\n\n---\ntitle: x\n---\nbody");
        assert_eq!(
            split.front_matter,
            Some((FrontMatterKind::Yaml, "title: x\n"))
        );
        assert_eq!((split.front_matter_line, split.body_line), (4, 6));
        assert_eq!(split.body, "body");
    }

    #[test]
    fn trailing_spaces_after_the_fence_do_not_shift_lines() {
        let split = split_front_matter("--- \ntitle: x\n---\nbody");
        assert_eq!(
            split.front_matter,
            Some((FrontMatterKind::Yaml, "title: x\n"))
        );
        assert_eq!(split.body_line, 4);
        let open = split_front_matter("\n\n---\ntitle: x\n");
        assert_eq!(
            (open.unterminated, open.front_matter_line),
            (Some(FrontMatterKind::Yaml), 3)
        );
    }

    #[test]
    fn yaml_may_end_with_dots() {
        let split = split_front_matter("---\ntitle: x\n...\nbody");
        assert_eq!(split.body, "body");
    }
}
