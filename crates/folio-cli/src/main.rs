//! `folio`: build, preview and check a Folio blog.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use folio_cli::content::{index_content, ContentIndex, IndexOptions};
use folio_cli::diagnostics::Severity;
use folio_cli::serve::{serve, ServeOptions};
use folio_cli::site::{
    build_site_again, open_content, AppBundle, BuildError, BuildMemory, BuildOptions, OpenedContent,
};

/// A build allocates and frees many small strings on every core: the
/// system allocator's locks and coalescing cost more time there than mimalloc's
/// per-thread heaps.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "folio",
    version,
    about = "Build, preview and check a Folio blog"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What `build` and `serve` share: which content, under which path, with which app.
#[derive(Args)]
struct SiteArgs {
    /// Folder of Markdown posts (and folio.toml).
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// Path the site is served under, e.g. /blog/ on GitHub Pages.
    #[arg(long)]
    base_path: Option<String>,
    /// Include posts marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Use an app bundle Trunk already built instead of building it.
    #[arg(long, env = "FOLIO_APP_DIR")]
    app_dir: Option<PathBuf>,
}

impl SiteArgs {
    fn build_options(
        self,
        out: PathBuf,
        keep_going: bool,
        content_url: Option<String>,
    ) -> BuildOptions {
        BuildOptions {
            content_dir: self.content,
            out_dir: out,
            base_path: self.base_path,
            include_drafts: self.drafts,
            keep_going,
            content_url,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Build a deployable folder: app, manifest, posts, images, a page per route.
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site; replaced on every build.
        #[arg(long, default_value = "dist")]
        out: PathBuf,
        /// Write the good posts even when some have errors.
        #[arg(long)]
        keep_going: bool,
        /// Absolute URL the manifest and posts will be served from, if not the site itself.
        #[arg(long)]
        content_url: Option<String>,
    },
    /// Preview the blog locally, rebuilding when content changes.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Where the preview is built.
        #[arg(long, default_value = "target/folio-preview")]
        out: PathBuf,
    },
    /// Check every post and print every problem; exits non-zero on errors.
    Check {
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build {
            site,
            out,
            keep_going,
            content_url,
        } => {
            let app_dir = site.app_dir.clone();
            run_build(
                &site.build_options(out, keep_going, content_url),
                app_dir.as_deref(),
            )
        }
        Command::Serve { site, port, out } => {
            let Some(app) = open_app(site.app_dir.as_deref()) else {
                return ExitCode::FAILURE;
            };
            // A preview shows every good post even while others have errors.
            let build = site.build_options(out, true, None);
            match serve(&ServeOptions { build, port }, &app) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("error: {err}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { content } => run_check(&content),
    }
}

fn open_app(app_dir: Option<&Path>) -> Option<AppBundle> {
    let result = match (app_dir, AppBundle::source_workspace()) {
        (Some(dir), _) => AppBundle::open(dir),
        (None, Some(workspace)) => AppBundle::build(&workspace),
        (None, None) => {
            eprintln!("error: no app bundle\n  fix: pass --app-dir with a folder built by `trunk build --release`");
            return None;
        }
    };
    result.map_err(|err| eprintln!("error: {err}")).ok()
}

fn run_build(options: &BuildOptions, app_dir: Option<&Path>) -> ExitCode {
    let Some(app) = open_app(app_dir) else {
        return ExitCode::FAILURE;
    };
    let started = Instant::now();
    let progress = Progress::new();
    let mut memory = BuildMemory::for_one_build();
    let result = build_site_again(
        options,
        &app,
        |done, total| progress.update(done, total),
        &mut memory,
        false,
    );
    progress.finish();
    // The process ends after this build: freeing what it read and made,
    // allocation by allocation, took a 10,000-post build a tenth of its
    // time, and the system takes the memory back at once.
    std::mem::forget(memory);
    match result {
        Ok(report) => {
            print_diagnostics(&report.index);
            for warning in &report.warnings {
                eprintln!("warning: {warning}");
            }
            println!("{}", report.index.summary(report.generator));
            if let Some(transformed) = report.index.transformation_summary() {
                println!("{transformed}");
            }
            println!(
                "built {} posts ({} drafts skipped, {} errors), {} pages in {} ms → {}",
                report.index.posts.len(),
                report.index.drafts.len(),
                report.index.failed.len(),
                report.pages,
                started.elapsed().as_millis(),
                options.out_dir.display()
            );
            let code = if report.index.failed.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
            std::mem::forget(report);
            code
        }
        Err(BuildError::ContentErrors { count }) => {
            // Index again only to show what was wrong; the build wrote nothing.
            if let Some((_, index)) = quick_index(&options.content_dir) {
                print_diagnostics(&index);
            }
            eprintln!("error: {}", BuildError::ContentErrors { count });
            ExitCode::FAILURE
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run_check(content: &Path) -> ExitCode {
    let Some((site, index)) = quick_index(content) else {
        return ExitCode::FAILURE;
    };
    print_diagnostics(&index);
    println!("{}", index.summary(site.source.generator));
    if let Some(transformed) = index.transformation_summary() {
        println!("{transformed}");
    }
    for note in index.assumption_notes() {
        println!("{note}");
    }
    if site.site.url.is_none() {
        println!("note: no site URL, so pages carry no canonical link and previews no absolute address\n  fix: set `url = \"https://…\"` in folio.toml");
    }
    if index.error_count() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn quick_index(content: &Path) -> Option<(OpenedContent, ContentIndex)> {
    let mut opened = open_content(content, None)
        .map_err(|err| eprintln!("error: {err}"))
        .ok()?;
    let options = IndexOptions {
        detect: opened.detect,
        ..IndexOptions::default()
    };
    index_content(&opened.source, &mut opened.site, options, |_, _| {})
        .map_err(|err| eprintln!("error: {err}"))
        .ok()
        .map(|index| (opened, index))
}

fn print_diagnostics(index: &ContentIndex) {
    let mut sorted: Vec<_> = index.diagnostics.iter().collect();
    sorted.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.file.cmp(&b.file))
    });
    for diagnostic in sorted {
        if diagnostic.severity == Severity::Note && std::env::var_os("FOLIO_QUIET_NOTES").is_some()
        {
            continue;
        }
        eprintln!("{diagnostic}");
    }
}

/// A progress bar on a terminal for folders that take a moment; silent otherwise.
struct Progress(std::cell::RefCell<Option<ProgressBar>>);

impl Progress {
    /// Below this many files a build is instant and a bar would only flicker.
    const MIN_FILES: usize = 200;

    fn new() -> Progress {
        Progress(std::cell::RefCell::new(None))
    }

    fn update(&self, done: usize, total: usize) {
        let mut slot = self.0.borrow_mut();
        if slot.is_none() && std::io::stderr().is_terminal() && total >= Self::MIN_FILES {
            let bar = ProgressBar::new(total as u64);
            if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} posts") {
                bar.set_style(style);
            }
            *slot = Some(bar);
        }
        if let Some(bar) = slot.as_ref() {
            bar.set_position(done as u64);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.0.borrow_mut().take() {
            bar.finish_and_clear();
        }
    }
}
