//! Problems found in content, with the place and the fix, printed like a compiler's.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something Folio guessed; the post is kept, the author may confirm it.
    Note,
    /// The post is kept but something about it is likely wrong.
    Warning,
    /// The post could not be built.
    Error,
}

/// One problem in one file, pointing at a line and column when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the content folder.
    pub file: PathBuf,
    /// 1-based; 0 when the problem is about the whole file.
    pub line: usize,
    /// 1-based; 0 when unknown.
    pub column: usize,
    pub message: String,
    /// One line telling the author what to do.
    pub fix: String,
}

impl Diagnostic {
    pub fn new(severity: Severity, file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: file.into(),
            line: 0,
            column: 0,
            message: message.into(),
            fix: String::new(),
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    pub fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = fix.into();
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{label}: {}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        write!(f, ": {}", self.message)?;
        if !self.fix.is_empty() {
            write!(f, "\n  fix: {}", self.fix)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_file_line_column_and_fix() {
        let d = Diagnostic::new(Severity::Error, "posts/a.md", "tab in YAML indentation")
            .at(3, 1)
            .fix("indent with spaces");
        assert_eq!(
            d.to_string(),
            "error: posts/a.md:3:1: tab in YAML indentation\n  fix: indent with spaces"
        );
    }
}
