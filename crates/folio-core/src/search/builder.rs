//! Writing the index: each token's posts and term frequencies, packed into range shards.

use rustc_hash::FxHashMap;

use super::bits::{best_rice_parameter, gamma_len, rice_len, BitWriter};
use super::shard::{length_class, write_varint, SearchDirectory, MAGIC};
use super::tokenize::{for_each_index_token, Field};
use super::{INDEX_VERSION, SHARD_BYTES};

/// How many body occurrences one occurrence in the title, or in a tag, counts for.
const TITLE_WEIGHT: u32 = 3;
const TAG_WEIGHT: u32 = 2;

/// What of a post is searchable.
#[derive(Debug, Clone, Copy)]
pub struct SearchDoc<'a> {
    pub title: &'a str,
    pub tags: &'a [String],
    /// The post's visible text (see [`crate::markdown::scan_markdown`]).
    pub text: &'a str,
}

/// The weighted term frequencies of one post: worked out for each post on
/// its own (in parallel, by the indexer), then added in manifest order.
#[derive(Debug, Clone, Default)]
pub struct DocTerms {
    terms: Vec<(String, u32)>,
    /// Weighted length, in tokens.
    length: u32,
}

impl DocTerms {
    pub fn of(doc: SearchDoc<'_>) -> DocTerms {
        let mut counts: FxHashMap<String, u32> = FxHashMap::default();
        let mut length = 0;
        let fields = std::iter::once((doc.title, Field::Title, TITLE_WEIGHT))
            .chain(
                doc.tags
                    .iter()
                    .map(|t| (t.as_str(), Field::Tags, TAG_WEIGHT)),
            )
            .chain(std::iter::once((doc.text, Field::Body, 1)));
        for (text, field, weight) in fields {
            for_each_index_token(text, field, |token| {
                match counts.get_mut(token) {
                    Some(count) => *count += weight,
                    None => {
                        counts.insert(token.to_owned(), weight);
                    }
                }
                length += weight;
            });
        }
        // In any order: the builder sorts the tokens once, when it packs them.
        DocTerms {
            terms: counts.into_iter().collect(),
            length,
        }
    }
}

/// Collects posts in manifest order, then writes the shards.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    /// Token → (post, weighted term frequency), posts ascending. Hashed
    /// while posts are added; sorted once, when the shards are packed.
    postings: FxHashMap<String, Vec<(u32, u32)>>,
    /// Weighted length of each post, in tokens.
    lengths: Vec<u32>,
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
        self.add_terms(DocTerms::of(doc));
    }

    /// Adds the next post's terms ([`DocTerms::of`]), in the manifest's order.
    pub fn add_terms(&mut self, doc: DocTerms) {
        let post = self.lengths.len() as u32;
        for (token, tf) in doc.terms {
            match self.postings.get_mut(&token) {
                Some(list) => list.push((post, tf)),
                None => {
                    self.postings.insert(token, vec![(post, tf)]);
                }
            }
        }
        self.lengths.push(doc.length);
    }

    /// Packs the tokens into shards of at most [`SHARD_BYTES`].
    pub fn build(self) -> SearchFiles {
        self.build_with(SHARD_BYTES)
    }

    pub fn build_with(self, shard_bytes: usize) -> SearchFiles {
        let total: u64 = self.lengths.iter().map(|l| u64::from(*l)).sum();
        let average = (total as f32 / self.lengths.len().max(1) as f32).max(1.0);
        let lengths = self
            .lengths
            .iter()
            .map(|l| char::from(length_class(*l as f32, average)))
            .collect();
        let mut packer = Packer::new(shard_bytes);
        let mut tokens: Vec<(&String, &Vec<(u32, u32)>)> = self.postings.iter().collect();
        tokens.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (token, list) in tokens {
            packer.add(token, list);
        }
        let (shards, first, continued) = packer.finish();
        let build = format!("{:016x}", fnv1a(shards.iter().flatten().copied()));
        SearchFiles {
            directory: SearchDirectory {
                version: INDEX_VERSION,
                posts: self.lengths.len() as u32,
                lengths,
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

    fn add(&mut self, token: &str, mut postings: &[(u32, u32)]) {
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
            let k = best_rice_parameter(gaps(postings));
            let mut bits = 0u64;
            let taken = gaps(postings)
                .zip(postings)
                .take_while(|(gap, (_, tf))| {
                    bits += rice_len(*gap, k) + gamma_len(*tf);
                    bits.div_ceil(8) <= room as u64
                })
                .count();
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
            self.body.push(k as u8);
            let mut writer = BitWriter::default();
            for (gap, (_, tf)) in gaps(postings).zip(&postings[..taken]) {
                writer.push_rice(gap, k);
                writer.push_gamma(*tf);
            }
            self.body.append(&mut writer.bytes);
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

/// The gaps a posting list stores: the first post, then how many posts each skips after the one before.
fn gaps(postings: &[(u32, u32)]) -> impl Iterator<Item = u32> + Clone + '_ {
    let mut next = 0;
    postings.iter().map(move |(post, _)| {
        let gap = post - next;
        next = post + 1;
        gap
    })
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}
