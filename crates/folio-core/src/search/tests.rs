//! Search end to end: posts in, shards serialised, queries through the engine.

use test_case::test_case;

use super::corpus::{self, attach, PARTICLE_COUNT};
use super::*;

struct Index {
    directory: SearchDirectory,
    shards: ShardSet,
}

fn index_of(docs: &[(&str, &[&str], &str)], shard_bytes: usize) -> Index {
    let mut builder = IndexBuilder::new();
    let tags: Vec<Vec<String>> = docs
        .iter()
        .map(|(_, tags, _)| tags.iter().map(|t| (*t).to_owned()).collect())
        .collect();
    for ((title, _, text), tags) in docs.iter().zip(&tags) {
        builder.add(SearchDoc { title, tags, text });
    }
    load(builder.build_with(shard_bytes))
}

/// Through the bytes and JSON the site serves, as the app would read them.
fn load(files: SearchFiles) -> Index {
    let directory = SearchDirectory::from_json(&files.directory_json()).expect("directory parses");
    let mut shards = ShardSet::default();
    for (id, bytes) in files.shards.iter().enumerate() {
        assert!(bytes.len() <= SHARD_BYTES.max(256));
        shards.insert(id as u32, bytes).expect("shard decodes");
    }
    Index { directory, shards }
}

impl Index {
    fn find(&self, query: &str) -> Vec<u32> {
        let query = Query::parse(query);
        search(&self.directory, &self.shards, &query, usize::MAX)
            .expect("all shards are loaded")
            .into_iter()
            .map(|hit| hit.post)
            .collect()
    }
}

const POSTS: &[(&str, &[&str], &str)] = &[
    // 0: newest
    (
        "2024년 회고",
        &["회고"],
        "올해는 서울에서 일했다. Rust로 작은 서버를 만들었다.",
    ),
    (
        "제주 여행",
        &["여행"],
        "제주까지 배를 탔다. 바다는 맑았다. 서울은 멀었다.",
    ),
    (
        "Kubernetes 배포 기록",
        &["개발"],
        "쿠버네티스에 Rust 서비스를 배포했다. 책을 읽으며 기다렸다.",
    ),
    (
        "서울 산책",
        &["여행", "서울"],
        "서울의 골목을 걸었다. 서울까지 가는 길, 서울은 넓다.",
    ),
    (
        "책 이야기",
        &["독서"],
        "책이 좋다. 책은 오래 남는다. 책으로 배운다.",
    ),
];

#[test_case("서울", &[3, 0, 1] ; "bare stem finds every particle")]
#[test_case("서울에서", &[3, 0, 1] ; "query particle is stripped")]
#[test_case("서울까지", &[3, 0, 1] ; "another particle")]
#[test_case("책", &[4, 2] ; "one syllable stem by prefix")]
#[test_case("책을", &[4, 2] ; "one syllable stem with particle")]
#[test_case("rust", &[0, 2] ; "latin case folded")]
#[test_case("RUST 서울", &[0] ; "mixed query needs both words")]
#[test_case("kube", &[2] ; "last word is a prefix")]
#[test_case("kube ", &[] ; "finished word is exact")]
#[test_case("ㅎㄱ", &[0] ; "choseong over titles and tags")]
#[test_case("ㅈㅈ ㅇㅎ", &[1] ; "choseong of two words")]
#[test_case("바다 없는말", &[1] ; "falls back to any word when none has all")]
fn finds(query: &str, expected: &[u32]) {
    let index = index_of(POSTS, SHARD_BYTES);
    let mut found = index.find(query);
    found.sort_unstable();
    let mut expected = expected.to_vec();
    expected.sort_unstable();
    assert_eq!(found, expected, "query {query:?}");
}

#[test]
fn title_and_tags_outrank_body() {
    let index = index_of(
        &[
            ("아침 기록", &[], "커피를 마셨다."),
            ("커피", &[], "아침을 먹었다."),
            ("아침 기록", &["커피"], "아침을 먹었다."),
        ],
        SHARD_BYTES,
    );
    assert_eq!(index.find("커피"), [1, 2, 0]);
}

#[test]
fn rarer_words_weigh_more_and_newer_wins_ties() {
    let index = index_of(
        &[
            ("가", &[], "고양이 산책"),
            ("나", &[], "고양이 산책"),
            ("다", &[], "고양이 도서관"),
        ],
        SHARD_BYTES,
    );
    // 도서관 is in one post, 산책 in two: the post with 도서관 ranks first.
    assert_eq!(index.find("고양이 산책"), [0, 1]);
    assert_eq!(index.find("고양이"), [0, 1, 2]);
    assert_eq!(index.find("산책 도서관"), [2, 0, 1]);
}

#[test]
fn a_prefix_may_span_shards() {
    let dir = directory(&["a", "mb", "s"], &[]);
    assert_eq!(dir.shards_for("m", true), [0, 1]);
    assert_eq!(dir.shards_for("mb", true), [1]);
}

fn directory(first: &[&str], continued: &[u32]) -> SearchDirectory {
    SearchDirectory {
        version: INDEX_VERSION,
        posts: 1,
        lengths: "g".into(),
        build: "b".into(),
        first: first.iter().map(|t| (*t).to_owned()).collect(),
        continued: continued.to_vec(),
    }
}

#[test_case("a", false, &[0] ; "first token of first shard")]
#[test_case("az", false, &[0] ; "inside first shard")]
#[test_case("m", false, &[1] ; "first token of a shard")]
#[test_case("zz", false, &[2] ; "after the last first token")]
#[test_case("m", true, &[1] ; "prefix inside one shard")]
#[test_case("l", true, &[0] ; "prefix before a shard")]
#[test_case("0", false, &[] ; "before every shard")]
#[test_case("s", false, &[1, 2] ; "a token continued into the next shard")]
#[test_case("t", true, &[2] ; "prefix after the continued token")]
fn picks_shards(token: &str, prefix: bool, expected: &[u32]) {
    let dir = directory(&["a", "m", "s"], &[2]);
    assert_eq!(dir.shards_for(token, prefix), expected);
}

#[test]
fn split_posting_lists_survive_the_round_trip() {
    // Tiny shards force long posting lists across several files.
    let docs: Vec<(String, Vec<String>, String)> = (0..1000)
        .map(|i| {
            (
                format!("글 {i}"),
                vec![],
                format!("서울에서 {i}번째 하루를 보냈다"),
            )
        })
        .collect();
    let mut builder = IndexBuilder::new();
    for (title, tags, text) in &docs {
        builder.add(SearchDoc { title, tags, text });
    }
    let files = builder.build_with(200);
    assert!(files.shards.len() > 5);
    assert!(!files.directory.continued.is_empty());
    assert!(files.shards.iter().all(|s| s.len() <= 200));
    let index = load(files);
    let found = index.find("서울은");
    assert_eq!(found.len(), 1000);
    let query = Query::parse("서울은");
    assert!(query.shards_needed(&index.directory).len() > 1);
}

#[test]
fn asks_for_missing_shards_before_scoring() {
    let mut builder = IndexBuilder::new();
    builder.add(SearchDoc {
        title: "서울",
        tags: &[],
        text: "바다",
    });
    let files = builder.build();
    let directory = files.directory.clone();
    let query = Query::parse("서울");
    let empty = ShardSet::default();
    let needed = query.shards_needed(&directory);
    assert_eq!(
        search(&directory, &empty, &query, 10),
        Err(MissingShard(needed.clone()))
    );
    assert_eq!(
        directory.shard_path(needed[0]),
        format!("search/0.bin?v={}", directory.build)
    );
}

#[test]
fn rejects_a_shard_of_another_format() {
    assert_eq!(Shard::decode(b"FSI\x09\x00"), Err(ShardError::Format));
    assert_eq!(Shard::decode(b"FSI\x01\x00"), Err(ShardError::Format));
    assert_eq!(
        Shard::decode(b"FSI\x02\x01\x00"),
        Err(ShardError::Truncated)
    );
}

#[test]
fn a_cut_or_damaged_shard_is_an_error_not_a_panic() {
    let index = index_of(POSTS, SHARD_BYTES);
    let bytes = index.shards.get(0).expect("shard 0 is loaded");
    let files = {
        let mut builder = IndexBuilder::new();
        for (title, tags, text) in POSTS {
            let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
            builder.add(SearchDoc {
                title,
                tags: &tags,
                text,
            });
        }
        builder.build()
    };
    assert_eq!(Shard::decode(&files.shards[0]).as_ref(), Ok(bytes));
    let shard = &files.shards[0];
    for end in 0..shard.len() {
        assert!(Shard::decode(&shard[..end]).is_err(), "cut at {end}");
    }
    for at in 4..shard.len() {
        let mut damaged = shard.clone();
        damaged[at] ^= 0xFF;
        let _ = Shard::decode(&damaged);
    }
}

fn marked(excerpt: &Excerpt) -> String {
    let mut out = String::new();
    let mut at = 0;
    for range in &excerpt.marks {
        out.push_str(&excerpt.text[at..range.start]);
        out.push('[');
        out.push_str(&excerpt.text[range.clone()]);
        out.push(']');
        at = range.end;
    }
    out.push_str(&excerpt.text[at..]);
    out
}

#[test_case("서울에서", "서울은 넓다.", "[서울]은 넓다." ; "stem marked inside the word")]
#[test_case("rust", "I like RUST, really.", "I like [RUST], really." ; "case folded")]
#[test_case("ru", "Rust runs", "[Rust] [runs]" ; "prefix marks whole words")]
#[test_case("서울 rust", "Rust로 서울에서", "[Rust]로 [서울]에서" ; "mixed")]
#[test_case("책", "책이 좋다", "[책]이 좋다" ; "one syllable")]
fn marks_matches(query: &str, text: &str, expected: &str) {
    let query = Query::parse(query);
    let found = excerpt(&query, text, 80).expect("matches");
    assert_eq!(marked(&found), expected);
}

#[test]
fn excerpt_windows_the_best_place_and_cuts_at_spaces() {
    let filler = "그냥 지나가는 문장입니다. ".repeat(20);
    let text = format!("{filler}서울에서 커피를 마셨다. {filler}커피만 남았다.");
    let query = Query::parse("서울 커피");
    let found = excerpt(&query, &text, 60).expect("matches");
    assert!(found.text.starts_with("… "), "{}", found.text);
    assert!(found.text.ends_with(" …"), "{}", found.text);
    assert!(found.text.chars().count() <= 64);
    assert!(
        marked(&found).contains("[서울]에서 [커피]를"),
        "{}",
        marked(&found)
    );
    assert_eq!(excerpt(&Query::parse("부산"), &text, 60), None);
}

#[test]
fn highlights_titles_by_choseong() {
    let query = Query::parse("ㅎㄱ");
    let marks: Vec<std::ops::Range<usize>> = highlight(&query, "2024년 회고");
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0], 8..14);
}

/// The recall requirement: a word a post only carries with particles
/// is found by the bare word and by the word with a different particle.
#[test]
fn finds_words_that_only_appear_with_particles() {
    let posts = corpus::generate(400, 7);
    let mut builder = IndexBuilder::new();
    for post in &posts {
        builder.add(SearchDoc {
            title: &post.title,
            tags: &post.tags,
            text: &post.body,
        });
    }
    let index = load(builder.build());
    let mut checked = 0;
    for (id, post) in posts.iter().enumerate() {
        for (noun, bare) in post.nouns.iter().filter(|(_, bare)| !bare).take(4) {
            assert!(!bare);
            // A particle the post may not use with this noun.
            let other = attach(noun, (id + noun.len()) % PARTICLE_COUNT);
            for query in [noun.clone(), other] {
                assert!(
                    index.find(&query).contains(&(id as u32)),
                    "post {id} has {noun} only with particles; {query:?} misses it"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

mod results {
    use super::super::*;
    use super::{index_of, POSTS};
    use crate::model::tests::sample;
    use crate::PostMeta;
    use test_case::test_case;

    fn posts() -> Vec<PostMeta> {
        POSTS
            .iter()
            .enumerate()
            .map(|(i, (title, tags, text))| {
                let mut post = sample(&format!("post-{i}"), &format!("content/{i}.md"));
                post.title = (*title).to_owned();
                post.tags = tags.iter().map(|t| (*t).to_owned()).collect();
                post.summary = text.chars().take(12).collect();
                post
            })
            .collect()
    }

    #[test]
    fn a_korean_query_with_a_particle_gives_titles_and_marked_excerpts() {
        let index = index_of(POSTS, SHARD_BYTES);
        let posts = posts();
        let query = Query::parse("서울에서");
        let SearchState::Found(hits) = search_state(&query, &index.directory, &index.shards, &[])
        else {
            panic!("서울 is in three posts");
        };
        let bodies: Vec<String> = POSTS
            .iter()
            .map(|(_, _, text)| (*text).to_owned())
            .collect();
        let results = search_results(
            |at| posts.get(at),
            &hits,
            &query,
            |post| {
                posts
                    .iter()
                    .position(|p| p.slug == post.slug)
                    .map(|i| bodies[i].as_str())
            },
        );
        let titles: Vec<&str> = results.iter().map(|r| r.title.text.as_str()).collect();
        // 서울 once in each body: the shorter post (제주 여행) ranks above the longer.
        assert_eq!(titles, ["서울 산책", "제주 여행", "2024년 회고"]);
        for result in &results {
            let marked: Vec<&str> = marked_parts(&result.excerpt.text, &result.excerpt.marks)
                .into_iter()
                .filter(|(_, marked)| *marked)
                .map(|(part, _)| part)
                .collect();
            assert!(!marked.is_empty(), "{:?}", result.excerpt);
            assert!(marked.iter().all(|m| *m == "서울"), "{:?}", result.excerpt);
        }
    }

    #[test]
    fn without_a_body_the_summary_is_the_excerpt_and_the_title_is_marked() {
        let index = index_of(POSTS, SHARD_BYTES);
        let posts = posts();
        let query = Query::parse("제주");
        let SearchState::Found(hits) = search_state(&query, &index.directory, &index.shards, &[])
        else {
            panic!("제주 is in a post");
        };
        let results = search_results(|at| posts.get(at), &hits, &query, |_| None);
        let first = &results[0];
        assert_eq!(first.excerpt.text, posts[first.post].summary);
        assert_eq!(&first.title.text[first.title.marks[0].clone()], "제주");
    }

    #[test]
    fn hits_beyond_the_posts_are_left_out() {
        let posts = posts();
        let hits = [
            Hit {
                post: 99,
                score: 2.0,
            },
            Hit {
                post: 1,
                score: 1.0,
            },
        ];
        let results = search_results(|at| posts.get(at), &hits, &Query::parse("x"), |_| None);
        assert_eq!(results.iter().map(|r| r.post).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn a_search_waits_for_its_shards_and_says_when_one_failed() {
        let index = index_of(POSTS, 128);
        let query = Query::parse("서울 rust");
        let needed = query.shards_needed(&index.directory);
        assert!(!needed.is_empty());
        let mut some = ShardSet::default();
        let none: [u32; 0] = [];
        assert_eq!(
            search_state(&query, &index.directory, &some, &none),
            SearchState::Waiting
        );
        let failed = [needed[0]];
        assert_eq!(
            search_state(&query, &index.directory, &some, &failed),
            SearchState::Unavailable
        );
        // Another query, whose shards are all here, still works.
        for id in &needed {
            let shard = index.shards.get(*id).expect("every shard is loaded");
            some.keep(*id, shard.clone());
        }
        assert!(matches!(
            search_state(&query, &index.directory, &some, &failed),
            SearchState::Found(_)
        ));
        assert_eq!(
            search_state(&Query::parse("  "), &index.directory, &some, &none),
            SearchState::Prompt
        );
        assert_eq!(
            search_state(
                &Query::parse("qqqq"),
                &index.directory,
                &index.shards,
                &none
            ),
            SearchState::NothingFound
        );
    }

    #[test_case("<p>서울에서 <em>골목</em>을 걸었다.</p>", "서울에서 골목을 걸었다." ; "inline elements join words")]
    #[test_case("<h2 id=\"a\">하나</h2><p>둘</p>", "하나 둘" ; "blocks are word breaks")]
    #[test_case("<p>a &amp; b &lt;T&gt; &#xAC00;&#44032; &nbsp;&bogus; &</p>", "a & b <T> 가가  &bogus; &" ; "character references")]
    #[test_case("<p>&#X41;&#+66;&#x;&#;&#12a;&#x110000;&#4294967296;</p>", "AB&#x;&#;&#12a;&#x110000;&#4294967296;" ; "numeric references as from_str_radix reads them")]
    #[test_case("<p>x<!-- note -->y</p>", "xy" ; "comments")]
    #[test_case("<img alt=\"a > b\" src=\"x.png\"><p>text</p>", "text" ; "quoted greater than in an attribute")]
    #[test_case("<math><mi>x</mi><annotation encoding=\"TeX\">x^2</annotation></math> y", "x y" ; "tex annotations are skipped")]
    #[test_case("<h2 id=\"why\">Why Rust<a class=\"heading-anchor\" href=\"#why\">#</a></h2><p>Because<sup class=\"footnote-reference\"><a href=\"#n\">1</a></sup>.</p>", "Why Rust Because." ; "heading anchors and footnote numbers are not text")]
    #[test_case("<pre><code><span class=\"tok-keyword\">fn</span> main</code></pre>", "fn main" ; "highlighted code")]
    fn html_bodies_read_as_text(html: &str, text: &str) {
        let read = html_text(html);
        assert_eq!(
            read.split_whitespace().collect::<Vec<_>>().join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }

    #[test_case("서울에서", &[(0, 6)], &[("서울", true), ("에서", false)] ; "mark at the start")]
    #[test_case("abc", &[(1, 2)], &[("a", false), ("b", true), ("c", false)] ; "mark inside")]
    #[test_case("서울", &[(1, 3), (0, 6)], &[("서울", true)] ; "mark off a character boundary is ignored")]
    #[test_case("abcd", &[(0, 2), (1, 3), (9, 12)], &[("ab", true), ("cd", false)] ; "overlapping and out of range marks are ignored")]
    #[test_case("", &[], &[] ; "empty")]
    fn marks_split_text_into_parts(text: &str, marks: &[(usize, usize)], parts: &[(&str, bool)]) {
        let marks: Vec<_> = marks.iter().map(|&(start, end)| start..end).collect();
        assert_eq!(marked_parts(text, &marks), parts);
    }

    #[test_case("서울에서", &[(0, 6)], "<mark>서울</mark>에서" ; "a mark")]
    #[test_case("<b>&", &[(0, 3)], "<mark>&lt;b&gt;</mark>&amp;" ; "text is escaped, in marks and out")]
    #[test_case("abc", &[], "abc" ; "no marks")]
    fn marks_render_as_escaped_html(text: &str, marks: &[(usize, usize)], html: &str) {
        let excerpt = Excerpt {
            text: text.to_owned(),
            marks: marks.iter().map(|&(start, end)| start..end).collect(),
        };
        assert_eq!(marked_html(&excerpt), html);
    }

    #[test]
    fn a_result_renders_as_one_list_item_with_everything_escaped() {
        let mut post = sample("a&b", "content/a.md");
        post.title = "<b>\"서울\"</b>".to_owned();
        post.tags = vec!["여행".to_owned(), "\"><script>".to_owned()];
        post.lang = Some("ko\"x".to_owned());
        let query = Query::parse("서울");
        let result = SearchResult {
            post: 0,
            title: Excerpt {
                marks: highlight(&query, &post.title),
                text: post.title.clone(),
            },
            excerpt: Excerpt {
                text: "서울 & <i>".to_owned(),
                marks: highlight(&query, "서울 & <i>"),
            },
        };
        let mut html = String::new();
        push_result_html(
            &mut html,
            &result,
            &post,
            crate::Lang::Ko,
            "/b/",
            "태그 \"목록\"",
        );
        let date = post.local_date;
        let expected = format!(
            "<li class=\"search-result\" lang=\"ko&quot;x\"><h2 class=\"search-result-title\">\
             <a class=\"search-result-link\" href=\"/b/posts/a%26b/\">&lt;b&gt;&quot;<mark>서울</mark>&quot;&lt;/b&gt;</a></h2>\
             <p class=\"post-card-meta\"><time datetime=\"{}\">{}</time></p>\
             <p class=\"search-result-excerpt\"><mark>서울</mark> &amp; &lt;i&gt;</p>\
             <ul class=\"tag-list\" aria-label=\"태그 &quot;목록&quot;\">\
             <li><a class=\"tag\" href=\"/b/tags/%EC%97%AC%ED%96%89/\">#여행</a></li>\
             <li><a class=\"tag\" href=\"{}\">#&quot;&gt;&lt;script&gt;</a></li></ul></li>",
            date.iso(),
            date.long(crate::Lang::Ko),
            crate::routes::Route::Tag("\"><script>".to_owned()).href("/b/"),
        );
        assert_eq!(html, expected);
    }
}
