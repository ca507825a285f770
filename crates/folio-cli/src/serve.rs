//! `folio serve`: build, serve on localhost, rebuild when content changes,
//! and reload the pages open in the browser once the rebuild is done.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::content::Changes;
use crate::site::{
    build_site_again, write_search_index, AppBundle, BuildMemory, BuildOptions, BuildReport,
};

/// Counts builds; open pages poll it and reload when it changes.
const GENERATION_PATH: &str = "/__folio/generation";
/// The preview's reload script: a file, so the pages' Content-Security-Policy
/// (script only from the site's own files) allows it as it is.
const LIVE_RELOAD_PATH: &str = "/__folio/live-reload.js";
const LIVE_RELOAD_SCRIPT: &str = r#"// folio serve: reload this page when the preview has been rebuilt.
(() => {
  let seen;
  const check = async () => {
    try {
      const response = await fetch("/__folio/generation", { cache: "no-store" });
      const generation = await response.text();
      if (seen !== undefined && generation !== seen) location.reload();
      seen = generation;
    } catch (error) {
      // The preview is restarting; try again on the next tick.
    }
  };
  check();
  setInterval(check, 500);
})();
"#;

pub struct ServeOptions {
    pub build: BuildOptions,
    pub port: u16,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on 127.0.0.1:{port}: {message}\n  fix: pass another --port")]
    Listen { port: u16, message: String },
    #[error("cannot watch {path}: {source}")]
    Watch {
        path: PathBuf,
        source: notify::Error,
    },
}

pub fn serve(options: &ServeOptions, app: &AppBundle) -> Result<(), ServeError> {
    // Kept between builds: a rebuild renders and writes only what changed.
    let mut memory = BuildMemory::default();
    rebuild(&options.build, app, &mut memory);
    let generation = &AtomicU64::new(1);
    let server =
        tiny_http::Server::http(("127.0.0.1", options.port)).map_err(|err| ServeError::Listen {
            port: options.port,
            message: err.to_string(),
        })?;
    let root = options.build.out_dir.clone();
    let base =
        folio_core::routes::normalize_base_path(options.build.base_path.as_deref().unwrap_or("/"));
    println!(
        "serving http://127.0.0.1:{}{base} (Ctrl+C to stop)",
        options.port
    );

    let (changed_tx, changed_rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading the content while indexing raises access events; only changes count.
        if let Ok(event) = event {
            if matches!(
                event.kind,
                notify::EventKind::Create(_)
                    | notify::EventKind::Modify(_)
                    | notify::EventKind::Remove(_)
            ) {
                let _ = changed_tx.send(event.paths);
            }
        }
    })
    .map_err(|source| ServeError::Watch {
        path: options.build.content_dir.clone(),
        source,
    })?;
    watcher
        .watch(&options.build.content_dir, RecursiveMode::Recursive)
        .map_err(|source| ServeError::Watch {
            path: options.build.content_dir.clone(),
            source,
        })?;

    std::thread::scope(|scope| {
        scope.spawn(move || {
            while let Ok(mut paths) = changed_rx.recv() {
                // Editors write several events per save; settle before rebuilding.
                std::thread::sleep(Duration::from_millis(50));
                while let Ok(more) = changed_rx.try_recv() {
                    paths.extend(more);
                }
                memory.changed(Changes::Files(paths));
                let report = rebuild(&options.build, app, &mut memory);
                generation.fetch_add(1, Ordering::SeqCst);
                // The pages reload first; search catches up a moment later.
                if let Some(report) = report.filter(|report| report.search_pending) {
                    let started = Instant::now();
                    match write_search_index(&options.build.out_dir, &report.index.posts) {
                        Ok(()) => println!(
                            "search index rewritten in {} ms",
                            started.elapsed().as_millis()
                        ),
                        Err(err) => eprintln!("error: {err}"),
                    }
                }
            }
        });
        for request in server.incoming_requests() {
            let response = match request.url().split('?').next().unwrap_or_default() {
                GENERATION_PATH => tiny_http::Response::from_data(
                    generation.load(Ordering::SeqCst).to_string().into_bytes(),
                )
                .with_header(header("Cache-Control", "no-store"))
                .with_header(header("Content-Type", "text/plain")),
                LIVE_RELOAD_PATH => {
                    tiny_http::Response::from_data(LIVE_RELOAD_SCRIPT.as_bytes().to_vec())
                        .with_header(header("Content-Type", "text/javascript"))
                }
                _ => respond(&root, &base, request.url()),
            };
            let _ = request.respond(response);
        }
    });
    Ok(())
}

/// Builds again, keeping what `memory` says is unchanged; reports what it did.
fn rebuild(
    options: &BuildOptions,
    app: &AppBundle,
    memory: &mut BuildMemory,
) -> Option<BuildReport> {
    let started = Instant::now();
    match build_site_again(options, app, |_, _| {}, memory, true) {
        Ok(report) => {
            for diagnostic in report
                .index
                .diagnostics
                .iter()
                .filter(|d| d.severity != crate::diagnostics::Severity::Note)
            {
                eprintln!("{diagnostic}");
            }
            println!(
                "rebuilt in {} ms: {} posts, {} errors, {} of {} pages written",
                started.elapsed().as_millis(),
                report.index.posts.len(),
                report.index.failed.len(),
                report.pages_written,
                report.pages
            );
            Some(report)
        }
        Err(err) => {
            eprintln!("error: {err}");
            None
        }
    }
}

/// Serves files as a plain static host does: a folder gives its `index.html`,
/// anything missing gives `404.html` with status 404. No rewrites.
fn respond(root: &Path, base: &str, url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let decoded = folio_core::routes::decode_component(path);
    let relative = decoded
        .strip_prefix(base.trim_end_matches('/'))
        .unwrap_or(&decoded);
    let mut file = root.to_path_buf();
    for part in relative
        .split('/')
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
    {
        file.push(part);
    }
    if file.is_dir() {
        if !path.ends_with('/') {
            let location = format!("{path}/");
            return tiny_http::Response::from_data(Vec::new())
                .with_status_code(301)
                .with_header(header("Location", &location));
        }
        file.push("index.html");
    }
    let is_html = content_type(&file).starts_with("text/html");
    match std::fs::read(&file) {
        Ok(bytes) => {
            let bytes = if is_html {
                with_live_reload(bytes)
            } else {
                bytes
            };
            tiny_http::Response::from_data(bytes)
                .with_header(header("Content-Type", content_type(&file)))
        }
        Err(_) => {
            let page =
                std::fs::read(root.join("404.html")).unwrap_or_else(|_| b"Not found".to_vec());
            tiny_http::Response::from_data(with_live_reload(page))
                .with_status_code(404)
                .with_header(header("Content-Type", "text/html; charset=utf-8"))
        }
    }
}

/// A page of the preview, with the reload script before `</body>`.
fn with_live_reload(page: Vec<u8>) -> Vec<u8> {
    let text = match String::from_utf8(page) {
        Ok(text) => text,
        Err(err) => return err.into_bytes(),
    };
    let tag = format!("<script src=\"{LIVE_RELOAD_PATH}\"></script>");
    match text.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|_| {
        tiny_http::Header::from_bytes(&b"X-Folio"[..], &b"1"[..]).expect("static header is valid")
    })
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "md" => "text/markdown; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "webmanifest" => "application/manifest+json",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}
