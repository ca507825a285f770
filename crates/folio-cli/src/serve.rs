//! `folio serve`: build, serve on localhost, rebuild when content changes.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::site::{build_site, AppBundle, BuildOptions};

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
    rebuild(&options.build, app);
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
        let is_change = event.is_ok_and(|e| {
            matches!(
                e.kind,
                notify::EventKind::Create(_)
                    | notify::EventKind::Modify(_)
                    | notify::EventKind::Remove(_)
            )
        });
        if is_change {
            let _ = changed_tx.send(());
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
            while changed_rx.recv().is_ok() {
                // Editors write several events per save; settle before rebuilding.
                std::thread::sleep(Duration::from_millis(150));
                while changed_rx.try_recv().is_ok() {}
                rebuild(&options.build, app);
            }
        });
        for request in server.incoming_requests() {
            let response = respond(&root, &base, request.url());
            let _ = request.respond(response);
        }
    });
    Ok(())
}

fn rebuild(options: &BuildOptions, app: &AppBundle) {
    match build_site(options, app, |_, _| {}) {
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
                "rebuilt: {} posts, {} errors",
                report.index.posts.len(),
                report.index.failed.len()
            );
        }
        Err(err) => eprintln!("error: {err}"),
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
    match std::fs::read(&file) {
        Ok(bytes) => tiny_http::Response::from_data(bytes)
            .with_header(header("Content-Type", content_type(&file))),
        Err(_) => {
            let page =
                std::fs::read(root.join("404.html")).unwrap_or_else(|_| b"Not found".to_vec());
            tiny_http::Response::from_data(page)
                .with_status_code(404)
                .with_header(header("Content-Type", "text/html; charset=utf-8"))
        }
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
