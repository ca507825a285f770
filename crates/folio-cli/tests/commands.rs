//! The `folio` binary as an author runs it: `check` exit codes and messages,
//! and `serve` rebuilding and signalling open pages after a post changes.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn folio() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_folio"));
    command.env_remove("FOLIO_QUIET_NOTES");
    command
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

#[test]
fn check_exits_non_zero_and_names_file_line_and_fix_on_errors() {
    let output = folio()
        .args(["check", "--content"])
        .arg(fixture("mixed"))
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error: tab-indented.md:4:1: YAML front matter is indented with a tab"),
        "{stderr}"
    );
    assert!(stderr.contains("  fix: indent with spaces"), "{stderr}");
    assert!(stderr.contains("error: unterminated.md:1:1:"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("Folder of posts: 9 posts, 0 pages, 0 sections, 1 draft, 1 skipped, 3 with errors (14 files read)"),
        "{stdout}"
    );
}

#[test]
fn check_exits_zero_on_a_generator_site_and_summarises_what_it_transformed() {
    let output = folio()
        .args(["check", "--content"])
        .arg(fixture("sites/hugo"))
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("Hugo site: 4 posts, 1 page, 2 sections"),
        "{stdout}"
    );
    assert!(stdout.contains("shortcode: "), "{stdout}");
    assert!(stdout.contains("math: "), "{stdout}");
}

#[test]
fn check_explains_a_missing_folder() {
    let output = folio()
        .args(["check", "--content", "no/such/folder"])
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(stderr.contains("fix: pass --content"), "{stderr}");
}

/// A stand-in app bundle: the page template and worker Trunk's output has.
fn fake_app(dir: &Path) {
    std::fs::create_dir_all(dir).expect("app dir");
    std::fs::write(
        dir.join("index.html"),
        "<!DOCTYPE html>\n<html>\n<head>\n  <meta charset=\"utf-8\">\n  \
         <meta name=\"folio-base\" content=\"/__folio_base__/\">\n  \
         <meta name=\"folio-content-base\" content=\"__folio_content_base__\">\n  \
         <title>Folio</title>\n</head>\n<body>\n</body>\n</html>\n",
    )
    .expect("template");
    std::fs::write(
        dir.join("sw.js"),
        "const FOLIO_PRECACHE = { version: 'dev', base: '/', content: '/', files: [] }; // replaced by folio build\n",
    )
    .expect("worker");
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
}

fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let started = Instant::now();
    while !ready() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

struct Serving(Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_rebuilds_after_a_post_changes_and_tells_open_pages_to_reload() {
    let temp = tempfile::tempdir().expect("temp dir");
    let content = temp.path().join("content");
    std::fs::create_dir_all(&content).expect("content dir");
    let post = content.join("2024-05-01-draft-of-a-walk.md");
    std::fs::write(
        &post,
        "---\ntitle: A walk\n---\nThe first version of the walk.\n",
    )
    .expect("post");
    let app = temp.path().join("app");
    fake_app(&app);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let _serving = Serving(
        folio()
            .args(["serve", "--port", &port.to_string(), "--content"])
            .arg(&content)
            .arg("--out")
            .arg(temp.path().join("preview"))
            .arg("--app-dir")
            .arg(&app)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("folio serve starts"),
    );
    let page = || get(port, "/posts/draft-of-a-walk/").unwrap_or_default();
    wait_for("the first build", || page().contains("The first version"));
    assert!(page().contains("<script src=\"/__folio/live-reload.js\"></script></body>"));
    let script = get(port, "/__folio/live-reload.js").unwrap_or_default();
    assert!(script.contains("location.reload()"));
    let first = get(port, "/__folio/generation").unwrap_or_default();

    std::fs::write(
        &post,
        "---\ntitle: A walk\n---\nThe second version of the walk.\n",
    )
    .expect("edit");
    wait_for("the rebuild", || page().contains("The second version"));
    wait_for("a new generation", || {
        get(port, "/__folio/generation").is_some_and(|g| !g.is_empty() && g != first)
    });
}
