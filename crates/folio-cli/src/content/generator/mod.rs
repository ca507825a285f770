//! Reading a blog where another static-site generator left it.
//!
//! People move to Folio with a Hugo, Jekyll, Zola, Gatsby or Next.js repository
//! in hand. Pointing `--content` at that repository should just work: this
//! module finds where the posts live, reads the few settings worth keeping
//! from the generator's own config, tells the indexer what each file is to
//! that generator (so theme files and build output are skipped with a reason
//! rather than published), and rebuilds the URL each post used to have so old
//! links can keep working as aliases.
//!
//! Everything here is pure: it reads config files and looks at paths, never
//! writes, never runs the generator.

mod classify;
mod detect;
mod error;
mod permalink;
mod settings;
mod slug;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use classify::{FileRole, FrontMatterHints, SkipReason};
pub use error::GeneratorError;
pub use permalink::OldUrlParts;
pub use settings::{GeneratorSettings, SlugifyPaths};

/// The tool a content folder was written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Generator {
    /// A plain folder of Markdown, or one already laid out for Folio.
    Folio,
    Hugo,
    Jekyll,
    Zola,
    Gatsby,
    NextJs,
}

impl Generator {
    /// The name people know it by, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Generator::Folio => "Folio",
            Generator::Hugo => "Hugo",
            Generator::Jekyll => "Jekyll",
            Generator::Zola => "Zola",
            Generator::Gatsby => "Gatsby",
            Generator::NextJs => "Next.js",
        }
    }
}

impl std::fmt::Display for Generator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A site as its generator sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteSource {
    pub generator: Generator,
    /// The folder the generator's site lives in (where its config file is).
    pub root: PathBuf,
    /// The folder posts are read from; file paths elsewhere are relative to it.
    pub content_dir: PathBuf,
    /// What the generator's own config says (all optional; `folio.toml` overrides later).
    pub settings: GeneratorSettings,
}

/// Works out which generator a folder was made for and where its posts are.
///
/// `path` is what was passed as `--content`: a site root, or the content
/// folder inside one (`content/` for Hugo and Zola, `_posts/` for Jekyll), in
/// which case the site around it is used so its config is not lost.
pub fn detect_site(path: &Path) -> Result<SiteSource, GeneratorError> {
    detect::detect_site(path)
}

impl SiteSource {
    /// What a file is to this generator. `file` is relative to `content_dir`;
    /// `front_matter` is `None` when the file has no front matter block.
    pub fn classify(&self, file: &Path, front_matter: Option<&FrontMatterHints>) -> FileRole {
        classify::classify(self, file, front_matter)
    }

    /// The URL the source generator published a post under, site-relative
    /// without a leading slash (e.g. `2019/05/01/notes.html`, `posts/notes/`),
    /// so Folio can keep it as an alias. `None` when the generator has no such
    /// URL (Folio) or this module cannot reproduce it faithfully.
    pub fn old_post_url(&self, post: &OldUrlParts) -> Option<String> {
        permalink::old_post_url(self, post)
    }
}
