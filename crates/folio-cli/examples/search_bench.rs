//! Search figures for `scripts/bench-search.sh`.
//!
//! `search_bench corpus <dir> <posts>` writes a synthetic Korean blog;
//! `search_bench measure <content dir> <built site>` prints index size, bytes
//! per cold query and query times for the site `folio build` wrote;
//! `search_bench share <with.wasm> <without.wasm>` prints what search adds
//! to the app's WASM, raw and brotli.

use std::io::Write as _;
use std::path::Path;
use std::time::Instant;

use folio_core::routes::Route;
use folio_core::search::corpus::{self, attach, PARTICLE_COUNT};
use folio_core::search::{search, Query, SearchDirectory, ShardSet, DIRECTORY_PATH};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["corpus", dir, posts] => write_corpus(Path::new(dir), posts.parse().expect("a count")),
        ["measure", content, site] => measure(Path::new(content), Path::new(site)),
        ["share", with, without] => {
            let read = |file: &str| Size::of(&std::fs::read(file).expect("reads the file"));
            let (with, without) = (read(with), read(without));
            println!(
                "search adds {} brotli ({} bytes) to the app's WASM ({} → {}), {} raw",
                kib(with.br - without.br),
                with.br - without.br,
                kib(without.br),
                kib(with.br),
                kib(with.raw - without.raw)
            );
        }
        _ => {
            eprintln!(
                "usage: search_bench corpus <dir> <posts> | measure <content dir> <built site> | share <with.wasm> <without.wasm>"
            );
            std::process::exit(2);
        }
    }
}

fn write_corpus(dir: &Path, count: usize) {
    std::fs::create_dir_all(dir).expect("creates the corpus folder");
    std::fs::write(
        dir.join("folio.toml"),
        "title = \"합성 한국어 블로그\"\nlang = \"ko\"\ntime_zone = \"Asia/Seoul\"\n",
    )
    .expect("writes folio.toml");
    for (i, post) in corpus::generate(count, 42).iter().enumerate() {
        // One post every nine hours, back from the end of 2025.
        let hours = i as i64 * 9;
        let day = 365 - hours / 24 % 365;
        let year = 2025 - hours / 24 / 365;
        let (month, dom) = month_day(day as u32);
        let front = format!(
            "---\ntitle: \"{}\"\ndate: {year}-{month:02}-{dom:02}T{:02}:00:00+09:00\ntags: [{}]\n---\n\n",
            post.title,
            hours % 24,
            post.tags.join(", ")
        );
        let mut file = std::fs::File::create(dir.join(format!("p{i:05}.md"))).expect("creates");
        file.write_all(front.as_bytes()).expect("writes");
        file.write_all(post.body.as_bytes()).expect("writes");
    }
}

fn month_day(day_of_year: u32) -> (u32, u32) {
    const DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut day = day_of_year.clamp(1, 365);
    for (m, len) in DAYS.iter().enumerate() {
        if day <= *len {
            return (m as u32 + 1, day);
        }
        day -= len;
    }
    (12, 31)
}

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("compresses");
    encoder.finish().expect("compresses").len()
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("compresses");
    out.len()
}

#[derive(Default, Clone, Copy)]
struct Size {
    raw: usize,
    gz: usize,
    br: usize,
}

impl Size {
    fn of(bytes: &[u8]) -> Size {
        Size {
            raw: bytes.len(),
            gz: gzip(bytes),
            br: brotli(bytes),
        }
    }
    fn add(&mut self, other: Size) {
        self.raw += other.raw;
        self.gz += other.gz;
        self.br += other.br;
    }
}

fn kib(n: usize) -> String {
    format!("{:.1} KiB", n as f64 / 1024.0)
}

fn markdown_size(dir: &Path) -> Size {
    let mut total = Size::default();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.expect("reads the content folder");
        if entry.path().extension().is_some_and(|e| e == "md") {
            total.add(Size::of(&std::fs::read(entry.path()).expect("reads")));
        }
    }
    total
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn measure(content: &Path, site: &Path) {
    let directory_bytes =
        std::fs::read(site.join(DIRECTORY_PATH)).expect("the site has a search index");
    let directory =
        SearchDirectory::from_json(std::str::from_utf8(&directory_bytes).expect("utf-8"))
            .expect("parses");
    let shard_bytes: Vec<Vec<u8>> = (0..directory.first.len())
        .map(|id| std::fs::read(site.join(format!("search/{id}.bin"))).expect("reads a shard"))
        .collect();
    let shard_sizes: Vec<Size> = shard_bytes.iter().map(|b| Size::of(b)).collect();
    let markdown = markdown_size(content);
    let mut index = Size::of(&directory_bytes);
    for size in &shard_sizes {
        index.add(*size);
    }
    let directory_size = Size::of(&directory_bytes);
    let (mut tokens, mut postings, mut rare) = (0usize, 0usize, 0usize);
    for bytes in &shard_bytes {
        for entry in folio_core::search::Shard::decode(bytes)
            .expect("decodes")
            .entries
        {
            tokens += 1;
            postings += entry.postings.len();
            if entry.postings.len() <= 2 {
                rare += entry.postings.len();
            }
        }
    }
    println!(
        "posts indexed: {}, shards: {}, token entries: {tokens}, postings: {postings} ({rare} in tokens of at most 2 posts)",
        directory.posts,
        shard_bytes.len()
    );
    println!(
        "markdown: {} raw, {} gzip",
        kib(markdown.raw),
        kib(markdown.gz)
    );
    println!(
        "index:    {} raw ({:.1} % of the markdown), {} gzip ({:.1} % of the markdown's gzip), {} brotli",
        kib(index.raw),
        100.0 * index.raw as f64 / markdown.raw as f64,
        kib(index.gz),
        100.0 * index.gz as f64 / markdown.gz as f64,
        kib(index.br)
    );
    println!(
        "directory: {} raw, {} gzip, {} brotli; largest shard {} gzip, {} brotli",
        kib(directory_size.raw),
        kib(directory_size.gz),
        kib(directory_size.br),
        kib(shard_sizes.iter().map(|s| s.gz).max().unwrap_or(0)),
        kib(shard_sizes.iter().map(|s| s.br).max().unwrap_or(0)),
    );

    // Fixed queries, then nouns of the synthetic vocabulary with and without particles.
    let mut queries: Vec<String> = [
        "서울에서",
        "제주 여행",
        "고양이를",
        "커피",
        "rust",
        "ㅎㄱ",
        "도서관까지",
        "개발 코드를",
        "kube",
        "타이포그래피",
        "책",
        "서울 산책",
        "Rust 서버",
        "회고",
        "여행은",
    ]
    .iter()
    .map(|q| (*q).to_owned())
    .collect();
    for (i, noun) in corpus::vocabulary(4000).iter().enumerate().step_by(80) {
        queries.push(if i % 2 == 0 {
            noun.clone()
        } else {
            attach(noun, i % PARTICLE_COUNT)
        });
    }
    let mut cold_bytes: Vec<(usize, usize, usize)> = Vec::new();
    let mut cold_ms: Vec<f64> = Vec::new();
    let mut warm_ms: Vec<f64> = Vec::new();
    let manifest =
        folio_core::list::read_list(|file| std::fs::read_to_string(site.join(file)).ok())
            .expect("the site's list data reads");
    let mut excerpt_bytes: Vec<f64> = Vec::new();
    let mut results = 0usize;
    for text in &queries {
        // Cold: the directory and the needed shards arrive as bytes; parse, decode, score.
        let start = Instant::now();
        let dir = SearchDirectory::from_json(std::str::from_utf8(&directory_bytes).expect("utf-8"))
            .expect("parses");
        let query = Query::parse(text);
        let needed = query.shards_needed(&dir);
        let mut shards = ShardSet::default();
        for id in &needed {
            shards
                .insert(*id, &shard_bytes[*id as usize])
                .expect("decodes");
        }
        let hits = search(&dir, &shards, &query, 20).expect("all shards loaded");
        cold_ms.push(start.elapsed().as_secs_f64() * 1000.0);
        results += hits.len();
        // Excerpts come from the bodies of the results shown, the first
        // five: the pages the app fetches them from.
        excerpt_bytes.push(
            hits.iter()
                .take(5)
                .map(|hit| {
                    let post = &manifest.posts[hit.post as usize];
                    let page = site.join(Route::Post(post.slug.clone()).output_file());
                    gzip(&std::fs::read(page).expect("reads a post's page"))
                })
                .sum::<usize>() as f64,
        );
        // Warm: shards already decoded; best of five runs.
        let warm = (0..5)
            .map(|_| {
                let start = Instant::now();
                let query = Query::parse(text);
                let hits = search(&dir, &shards, &query, 20).expect("all shards loaded");
                std::hint::black_box(hits);
                start.elapsed().as_secs_f64() * 1000.0
            })
            .fold(f64::MAX, f64::min);
        warm_ms.push(warm);
        let mut bytes = (directory_size.raw, directory_size.gz, directory_size.br);
        for id in &needed {
            let s = shard_sizes[*id as usize];
            bytes.0 += s.raw;
            bytes.1 += s.gz;
            bytes.2 += s.br;
        }
        cold_bytes.push(bytes);
    }
    let mut gz: Vec<f64> = cold_bytes.iter().map(|b| b.1 as f64).collect();
    let mut br: Vec<f64> = cold_bytes.iter().map(|b| b.2 as f64).collect();
    gz.sort_by(f64::total_cmp);
    br.sort_by(f64::total_cmp);
    cold_ms.sort_by(f64::total_cmp);
    warm_ms.sort_by(f64::total_cmp);
    println!(
        "{} queries, {:.1} results each on average (limit 20)",
        queries.len(),
        results as f64 / queries.len() as f64
    );
    println!(
        "downloaded per cold query (directory + shards): median {} gzip / {} brotli, max {} gzip / {} brotli",
        kib(percentile(&gz, 0.5) as usize),
        kib(percentile(&br, 0.5) as usize),
        kib(percentile(&gz, 1.0) as usize),
        kib(percentile(&br, 1.0) as usize),
    );
    excerpt_bytes.sort_by(f64::total_cmp);
    println!(
        "bodies fetched for the excerpts of the first five results: median {} gzip, max {} gzip",
        kib(percentile(&excerpt_bytes, 0.5) as usize),
        kib(percentile(&excerpt_bytes, 1.0) as usize),
    );
    println!(
        "time to results, native: cold median {:.2} ms, max {:.2} ms; warm median {:.3} ms, max {:.3} ms",
        percentile(&cold_ms, 0.5),
        percentile(&cold_ms, 1.0),
        percentile(&warm_ms, 0.5),
        percentile(&warm_ms, 1.0),
    );
    let worst = cold_bytes
        .iter()
        .zip(&queries)
        .max_by_key(|(b, _)| b.1)
        .map(|(_, q)| q.clone())
        .unwrap_or_default();
    println!("largest cold download: query {worst:?}");
}
