//! How faithfully Folio reads a real exported blog: how many posts were read,
//! published and dropped (with reasons), and how many rendered posts still
//! show template syntax, HTML as text or raw TeX. Run by `scripts/bench-exports.sh`.
//!
//! Usage: `cargo run --release -p folio-cli --example export_report -- <content folder>…`
//!
//! With `FOLIO_REPORT_DUMP=<text>` set, the rendered HTML of every post whose
//! file path contains that text is printed too, to read what the residue
//! detector cannot judge. With `FOLIO_REPORT_RESIDUE=1`, every leak of every
//! post is listed, not only the first of each kind.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use folio_cli::content::{index_content, IndexOptions};
use folio_cli::diagnostics::Severity;
use folio_cli::normalize::residue::{find_residue, ResidueKind};
use folio_cli::site::open_content;
use folio_core::markdown::{render_markdown, RenderOptions};

fn main() -> ExitCode {
    let folders: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if folders.is_empty() {
        eprintln!("usage: export_report <content folder>…");
        return ExitCode::FAILURE;
    }
    for folder in folders {
        if let Err(err) = report(&folder) {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

fn report(folder: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let started = std::time::Instant::now();
    let mut opened = open_content(folder, None)?;
    let options = IndexOptions {
        detect: opened.detect,
        ..IndexOptions::default()
    };
    let index = index_content(&opened.source, &mut opened.site, options, |_, _| {})?;
    let elapsed = started.elapsed();
    println!(
        "{} ({})",
        folder.display(),
        index.summary(opened.source.generator)
    );
    let dated = index.posts.len() + index.failed.len();
    println!(
        "  published          {:>6} of {} dated posts ({:.1} %), indexed in {} ms",
        index.posts.len(),
        dated,
        percent(index.posts.len(), dated),
        elapsed.as_millis()
    );
    println!("  dropped            {:>6}", index.failed.len());
    for diagnostic in index
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        println!("    {diagnostic}");
    }
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for diagnostic in &index.diagnostics {
        if let Some(reason) = diagnostic.message.strip_prefix("not published: ") {
            *reasons.entry(reason.to_owned()).or_default() += 1;
        }
    }
    for (reason, n) in reasons {
        println!("    skipped {n:>4}: {reason}");
    }

    let mut with_residue = 0;
    let mut by_kind: BTreeMap<ResidueKind, (usize, String)> = BTreeMap::new();
    for post in &index.posts {
        let html = render_markdown(
            &post.body,
            &RenderOptions {
                post_dir_href: "/",
                ..Default::default()
            },
        )
        .html;
        if let Ok(wanted) = std::env::var("FOLIO_REPORT_DUMP") {
            if post.file.to_string_lossy().contains(&wanted) {
                println!("----- {}\n{}\n-----", post.file.display(), html);
            }
        }
        let residue = find_residue(&html);
        if residue.is_empty() {
            continue;
        }
        with_residue += 1;
        if std::env::var_os("FOLIO_REPORT_RESIDUE").is_some() {
            for leak in &residue {
                println!(
                    "    leak in {} ({}): …{}…",
                    post.file.display(),
                    leak.kind.label(),
                    leak.snippet.replace('\n', " ")
                );
            }
        }
        for leak in residue {
            let entry = by_kind
                .entry(leak.kind)
                .or_insert_with(|| (0, format!("{}: …{}…", post.file.display(), leak.snippet)));
            entry.0 += 1;
        }
    }
    println!(
        "  posts with residue {:>6} ({:.2} % of published; target < 0.5 %)",
        with_residue,
        percent(with_residue, index.posts.len())
    );
    for (kind, (n, example)) in by_kind {
        println!("    {:<20} {n:>5}  e.g. {example}", kind.label());
    }
    if let Some(transformed) = index.transformation_summary() {
        println!("  {}", transformed.replace('\n', "\n  "));
    }
    Ok(())
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}
