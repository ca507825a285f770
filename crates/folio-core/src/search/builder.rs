//! Writing the index: BM25 impacts per token and post, packed into range shards.

use std::collections::{BTreeMap, HashMap};

use super::shard::{write_posting, write_varint, SearchDirectory, MAGIC, MAX_LEVEL};
use super::tokenize::{index_tokens, Field};
use super::{INDEX_VERSION, SHARD_BYTES};

/// BM25 term-frequency saturation and length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// How many body occurrences one occurrence in the title, or in a tag, counts for.
const TITLE_WEIGHT: f32 = 3.0;
const TAG_WEIGHT: f32 = 2.0;

/// What of a post is searchable.
#[derive(Debug, Clone, Copy)]
pub struct SearchDoc<'a> {
    pub title: &'a str,
    pub tags: &'a [String],
    /// The post's visible text (see [`crate::markdown::scan_markdown`]).
    pub text: &'a str,
}

/// Collects posts in manifest order, then writes the shards.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    /// Token → (post, weighted term frequency), posts ascending.
    postings: BTreeMap<String, Vec<(u32, f32)>>,
    /// Weighted length of each post, in tokens.
    lengths: Vec<f32>,
}

/// The files of an index, ready to write under `search/`.
#[derive(Debug, Clone)]
pub struct SearchFiles {
    pub directory: SearchDirectory,
    /// Shard `i` is `search/<i>.bin`.
    pub shards: Vec<Vec<u8>>,
}

impl SearchFiles {
    pub fn directory_json(&self) -> String {
        serde_json::to_string(&self.directory).expect("the directory is plain data")
    }
}

impl IndexBuilder {
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Adds the next post; posts must come in the manifest's order.
    pub fn add(&mut self, doc: SearchDoc<'_>) {
        let post = self.lengths.len() as u32;
        let mut counts: HashMap<String, f32> = HashMap::new();
        let mut length = 0.0;
        let fields = std::iter::once((doc.title, Field::Title, TITLE_WEIGHT))
            .chain(
                doc.tags
                    .iter()
                    .map(|t| (t.as_str(), Field::Tags, TAG_WEIGHT)),
            )
            .chain(std::iter::once((doc.text, Field::Body, 1.0)));
        for (text, field, weight) in fields {
            for token in index_tokens(text, field) {
                *counts.entry(token).or_default() += weight;
                length += weight;
            }
        }
        for (token, tf) in counts {
            self.postings.entry(token).or_default().push((post, tf));
        }
        self.lengths.push(length);
    }

    /// Scores every posting and packs the tokens into shards of at most `shard_bytes`.
    pub fn build(self) -> SearchFiles {
        self.build_with(SHARD_BYTES)
    }

    pub fn build_with(mut self, shard_bytes: usize) -> SearchFiles {
        let posts = self.lengths.len() as f32;
        let average = (self.lengths.iter().sum::<f32>() / posts.max(1.0)).max(1.0);
        let lengths = &self.lengths;
        let score = |df: usize, tf: f32, post: u32| {
            let df = df as f32;
            let idf = (1.0 + (posts - df + 0.5) / (df + 0.5)).ln();
            let norm = K1 * (1.0 - B + B * lengths[post as usize] / average);
            idf * tf * (K1 + 1.0) / (tf + norm)
        };
        let mut max = 0.0f32;
        for list in self.postings.values_mut() {
            list.sort_by_key(|(post, _)| *post);
            for (post, tf) in list.iter() {
                max = max.max(score(list.len(), *tf, *post));
            }
        }
        // Each token's best score on a log scale of 255 steps (its `top`); each
        // posting's score as a level 1..=15 of that top.
        let scale = if max > 0.0 {
            (1.0 + max).ln() / 255.0
        } else {
            1.0
        };
        let mut packer = Packer::new(shard_bytes);
        for (token, list) in &self.postings {
            let scores: Vec<f32> = list
                .iter()
                .map(|(post, tf)| score(list.len(), *tf, *post))
                .collect();
            let best = scores.iter().copied().fold(0.0, f32::max);
            let top = ((1.0 + best).ln() / scale).ceil().clamp(1.0, 255.0) as u8;
            let top_score = (f32::from(top) * scale).exp() - 1.0;
            let impacts: Vec<(u32, u8)> = list
                .iter()
                .zip(&scores)
                .map(|((post, _), score)| {
                    let level = (f32::from(MAX_LEVEL) * score / top_score).round();
                    (*post, level.clamp(1.0, f32::from(MAX_LEVEL)) as u8)
                })
                .collect();
            packer.add(token, top, &impacts);
        }
        let (shards, first, continued) = packer.finish();
        let build = format!("{:016x}", fnv1a(shards.iter().flatten().copied()));
        SearchFiles {
            directory: SearchDirectory {
                version: INDEX_VERSION,
                posts: self.lengths.len() as u32,
                scale,
                build,
                first,
                continued,
            },
            shards,
        }
    }
}

fn fnv1a(bytes: impl Iterator<Item = u8>) -> u64 {
    bytes.fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Room for the magic, version and entry count of a shard.
const HEADER: usize = 4 + 5;

struct Packer {
    limit: usize,
    shards: Vec<Vec<u8>>,
    first: Vec<String>,
    continued: Vec<u32>,
    body: Vec<u8>,
    entries: u32,
    last: String,
}

impl Packer {
    fn new(limit: usize) -> Packer {
        assert!(limit > HEADER + 64, "a shard must hold at least one entry");
        Packer {
            limit,
            shards: Vec::new(),
            first: Vec::new(),
            continued: Vec::new(),
            body: Vec::new(),
            entries: 0,
            last: String::new(),
        }
    }

    fn add(&mut self, token: &str, top: u8, mut postings: &[(u32, u8)]) {
        let mut split = false;
        while !postings.is_empty() {
            let shared = if self.entries == 0 {
                0
            } else {
                common_prefix(&self.last, token)
            };
            let mut head = Vec::new();
            write_varint(&mut head, shared as u32);
            write_varint(&mut head, (token.len() - shared) as u32);
            head.extend_from_slice(&token.as_bytes()[shared..]);
            let room = self
                .limit
                .saturating_sub(HEADER + self.body.len() + head.len() + 6);
            let mut encoded = Vec::new();
            let mut taken = 0;
            let mut previous = 0;
            for (post, impact) in postings {
                let mut one = Vec::with_capacity(6);
                write_posting(&mut one, post - previous, *impact);
                if encoded.len() + one.len() > room {
                    break;
                }
                encoded.extend_from_slice(&one);
                previous = *post;
                taken += 1;
            }
            // Start a token in a fresh shard rather than split it, when that helps.
            if taken < postings.len() && self.entries > 0 && !split {
                self.flush();
                continue;
            }
            assert!(taken > 0, "a shard has room for one posting");
            if self.entries == 0 {
                self.first.push(token.to_owned());
                if split {
                    self.continued.push(self.shards.len() as u32);
                }
            }
            self.body.extend_from_slice(&head);
            write_varint(&mut self.body, taken as u32);
            self.body.push(top);
            self.body.extend_from_slice(&encoded);
            self.entries += 1;
            self.last = token.to_owned();
            postings = &postings[taken..];
            if !postings.is_empty() {
                self.flush();
                split = true;
            }
        }
    }

    fn flush(&mut self) {
        if self.entries == 0 {
            return;
        }
        let mut shard = Vec::with_capacity(HEADER + self.body.len());
        shard.extend_from_slice(MAGIC);
        shard.push(INDEX_VERSION as u8);
        write_varint(&mut shard, self.entries);
        shard.append(&mut self.body);
        self.shards.push(shard);
        self.entries = 0;
    }

    fn finish(mut self) -> (Vec<Vec<u8>>, Vec<String>, Vec<u32>) {
        self.flush();
        (self.shards, self.first, self.continued)
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}
