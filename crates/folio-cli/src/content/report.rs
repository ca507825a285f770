//! What `folio check` and `folio build` say about a content folder as a whole:
//! where every file went, and what normalisation did to make posts readable.

use super::generator::Generator;
use super::ContentIndex;

impl ContentIndex {
    /// One line accounting for every file read, e.g.
    /// `Hugo site: 12 posts, 1 page, 2 sections, 0 drafts, 1 skipped, 0 with errors (16 files read)`.
    pub fn summary(&self, generator: Generator) -> String {
        let site = match generator {
            Generator::Folio => "Folder of posts".to_owned(),
            other => format!("{other} site"),
        };
        format!(
            "{site}: {}, {}, {}, {}, {} skipped, {} with errors ({} files read)",
            count(self.posts.len(), "post", "posts"),
            count(self.pages.len(), "page", "pages"),
            count(self.sections.len(), "section", "sections"),
            count(self.drafts.len(), "draft", "drafts"),
            self.skipped.len(),
            self.failed.len(),
            self.input_count()
        )
    }

    /// What normalisation did, grouped by kind, most frequent first:
    /// `shortcode: youtube ×3, figure ×1; math: inline ×12`. `None` when nothing was transformed.
    pub fn transformation_summary(&self) -> Option<String> {
        let mut kinds: Vec<(&str, Vec<(&str, usize)>)> = Vec::new();
        for ((kind, name), n) in &self.transformations.0 {
            match kinds.iter_mut().find(|(k, _)| k == kind) {
                Some((_, names)) => names.push((name, *n)),
                None => kinds.push((kind, vec![(name, *n)])),
            }
        }
        if kinds.is_empty() {
            return None;
        }
        let lines: Vec<String> = kinds
            .into_iter()
            .map(|(kind, mut names)| {
                names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                let listed: Vec<String> = names
                    .iter()
                    .map(|(name, n)| format!("{name} ×{n}"))
                    .collect();
                format!("  {kind}: {}", listed.join(", "))
            })
            .collect();
        Some(format!("transformed:\n{}", lines.join("\n")))
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_account_for_every_file_and_group_transformations() {
        let mut index = ContentIndex::default();
        index.failed.push("bad.md".into());
        index.skipped.push("README.md".into());
        index.transformations.count("shortcode", "youtube");
        index.transformations.count("shortcode", "youtube");
        index.transformations.count("shortcode", "figure");
        index.transformations.count("math", "inline");
        assert_eq!(
            index.summary(Generator::Hugo),
            "Hugo site: 0 posts, 0 pages, 0 sections, 0 drafts, 1 skipped, 1 with errors (2 files read)"
        );
        assert_eq!(
            index.transformation_summary().as_deref(),
            Some("transformed:\n  math: inline ×1\n  shortcode: youtube ×2, figure ×1")
        );
        assert_eq!(ContentIndex::default().transformation_summary(), None);
    }
}
