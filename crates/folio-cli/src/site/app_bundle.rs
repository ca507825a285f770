//! The browser app, built once by Trunk with a placeholder base path, so one
//! bundle serves a site at `/` or under any sub-path without rebuilding.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Trunk's public URL at build time; `folio build` replaces it with the real base path.
pub const BASE_PLACEHOLDER: &str = "/__folio_base__/";
/// Where the app fetches content from; `folio build` writes the base path or `content_url`.
pub const CONTENT_BASE_PLACEHOLDER: &str = "__folio_content_base__";

#[derive(Debug, thiserror::Error)]
pub enum AppBundleError {
    #[error("no app bundle in {0}\n  fix: build it with `trunk build --release --public-url {BASE_PLACEHOLDER}`, or leave out --app-dir")]
    Missing(PathBuf),
    #[error("cannot run trunk: {0}\n  fix: run the set-up script (scripts/setup.sh) to install the build tools")]
    TrunkMissing(std::io::Error),
    #[error("trunk failed to build the app (exit status {0})\n  fix: see trunk's output above")]
    TrunkFailed(std::process::ExitStatus),
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A built app: its folder and its `index.html`, the template of every page.
#[derive(Debug, Clone)]
pub struct AppBundle {
    pub dir: PathBuf,
    pub index_html: String,
}

impl AppBundle {
    /// Reads a bundle Trunk already built.
    pub fn open(dir: &Path) -> Result<AppBundle, AppBundleError> {
        let index = dir.join("index.html");
        if !index.exists() {
            return Err(AppBundleError::Missing(dir.to_path_buf()));
        }
        let index_html =
            std::fs::read_to_string(&index).map_err(|source| AppBundleError::Read {
                path: index.clone(),
                source,
            })?;
        Ok(AppBundle {
            dir: dir.to_path_buf(),
            index_html,
        })
    }

    /// Builds the app from its source with Trunk in release mode, then opens it.
    pub fn build(workspace: &Path) -> Result<AppBundle, AppBundleError> {
        let dist = workspace.join("target/folio-app");
        // The set-up script installs wasm-opt from npm into `tools/`; Trunk
        // looks for it on the PATH.
        let tools = workspace.join("tools/node_modules/.bin");
        let path = std::env::var_os("PATH").unwrap_or_default();
        let path = std::env::join_paths(std::iter::once(tools).chain(std::env::split_paths(&path)))
            .unwrap_or(path);
        let status = Command::new("trunk")
            .current_dir(workspace)
            .env("PATH", path)
            .args([
                "build",
                "--release",
                "--public-url",
                BASE_PLACEHOLDER,
                "--dist",
            ])
            .arg(&dist)
            .status()
            .map_err(AppBundleError::TrunkMissing)?;
        if !status.success() {
            return Err(AppBundleError::TrunkFailed(status));
        }
        AppBundle::open(&dist)
    }

    /// The app's source folder, when `folio` runs from its own repository.
    pub fn source_workspace() -> Option<PathBuf> {
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        workspace
            .join("Trunk.toml")
            .exists()
            .then(|| workspace.canonicalize().unwrap_or(workspace))
    }

    /// The same bundle with the content base filled into its page template.
    pub fn with_content_base(&self, content_base: &str) -> AppBundle {
        AppBundle {
            dir: self.dir.clone(),
            index_html: self
                .index_html
                .replace(CONTENT_BASE_PLACEHOLDER, content_base),
        }
    }

    /// Copies every file of the bundle except `index.html` (the page template).
    pub fn copy_assets_to(&self, out: &Path) -> Result<(), (PathBuf, std::io::Error)> {
        for entry in walkdir::WalkDir::new(&self.dir)
            .into_iter()
            .filter_map(Result::ok)
        {
            let Ok(relative) = entry.path().strip_prefix(&self.dir) else {
                continue;
            };
            if !entry.file_type().is_file() || relative == Path::new("index.html") {
                continue;
            }
            let to = out.join(relative);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent).map_err(|e| (parent.to_path_buf(), e))?;
            }
            std::fs::copy(entry.path(), &to).map_err(|e| (to.clone(), e))?;
        }
        Ok(())
    }
}
