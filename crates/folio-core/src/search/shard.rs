//! Reading the index: the shard directory, shard files, and which shards a token needs.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::INDEX_VERSION;

pub(crate) const MAGIC: &[u8; 3] = b"FSI";
/// Highest impact level a posting stores (four bits).
pub const MAX_LEVEL: u8 = 15;

/// The small file a search reads first: which shard holds which tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchDirectory {
    pub version: u32,
    /// Number of posts indexed (the manifest's posts).
    pub posts: u32,
    /// Turns a token's stored `top` into its best BM25 score: `exp(top × scale) − 1`.
    pub scale: f32,
    /// Changes whenever any shard does; the shards' cache key.
    pub build: String,
    /// First token of each shard.
    pub first: Vec<String>,
    /// Shards that begin by continuing the previous shard's last token.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub continued: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShardError {
    /// Not a shard, or one of another format version.
    Format,
    /// The file ends before its entries do.
    Truncated,
}

impl std::fmt::Display for ShardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShardError::Format => {
                write!(f, "not a search shard of version {}", super::INDEX_VERSION)
            }
            ShardError::Truncated => write!(f, "the search shard is cut short"),
        }
    }
}

impl std::error::Error for ShardError {}

impl SearchDirectory {
    pub fn from_json(json: &str) -> Result<SearchDirectory, String> {
        let directory: SearchDirectory =
            serde_json::from_str(json).map_err(|err| err.to_string())?;
        if directory.version != INDEX_VERSION {
            return Err(format!(
                "search index version {} (this app reads {INDEX_VERSION})",
                directory.version
            ));
        }
        Ok(directory)
    }

    /// Site-relative URL of shard `id`, with the build as its cache key.
    pub fn shard_path(&self, id: u32) -> String {
        format!("search/{id}.bin?v={}", self.build)
    }

    fn continues(&self, id: usize) -> bool {
        self.continued.binary_search(&(id as u32)).is_ok()
    }

    /// Shards that may hold `token` (or, with `prefix`, any token starting with it).
    pub fn shards_for(&self, token: &str, prefix: bool) -> Vec<u32> {
        let mut ids = Vec::new();
        for (i, lo) in self.first.iter().enumerate() {
            let hi = self.first.get(i + 1);
            let hi_included = self.continues(i + 1);
            // The smallest token of this shard that could match.
            let smallest = if prefix && lo.as_str() > token {
                if !lo.starts_with(token) {
                    break;
                }
                lo.as_str()
            } else if lo.as_str() <= token {
                token
            } else {
                break;
            };
            let below_hi = match hi {
                None => true,
                Some(hi) => smallest < hi.as_str() || (hi_included && smallest == hi.as_str()),
            };
            if below_hi {
                ids.push(i as u32);
            }
        }
        ids
    }
}

/// One shard file, decoded: tokens in byte order, each with its postings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shard {
    pub entries: Vec<Entry>,
}

/// A token and the posts holding it, as (post, level) pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub token: String,
    /// The token's best score, on the directory's log scale.
    pub top: u8,
    pub postings: Vec<(u32, u8)>,
}

pub(crate) fn read_varint(bytes: &[u8], at: &mut usize) -> Result<u32, ShardError> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at).ok_or(ShardError::Truncated)?;
        *at += 1;
        value |= u32::from(byte & 0x7F) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err(ShardError::Format)
}

pub(crate) fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A posting: `[more:1 delta_low:3 level:4]`, then when `more`, `delta >> 3` as a varint.
pub(crate) fn write_posting(out: &mut Vec<u8>, delta: u32, level: u8) {
    let low = ((delta & 0x07) as u8) << 4 | (level & 0x0F);
    if delta < 8 {
        out.push(low);
    } else {
        out.push(0x80 | low);
        write_varint(out, delta >> 3);
    }
}

impl SearchDirectory {
    /// The BM25 score of a posting: its level (1–15) of its token's top.
    pub fn score_of(&self, top: u8, level: u8) -> f32 {
        ((f32::from(top) * self.scale).exp() - 1.0) * f32::from(level) / f32::from(MAX_LEVEL)
    }
}

impl Shard {
    pub fn decode(bytes: &[u8]) -> Result<Shard, ShardError> {
        if bytes.len() < 4 || &bytes[..3] != MAGIC || u32::from(bytes[3]) != INDEX_VERSION {
            return Err(ShardError::Format);
        }
        let mut at = 4;
        let count = read_varint(bytes, &mut at)? as usize;
        let mut entries: Vec<Entry> = Vec::with_capacity(count.min(1 << 16));
        let mut previous: Vec<u8> = Vec::new();
        for _ in 0..count {
            let shared = read_varint(bytes, &mut at)? as usize;
            let len = read_varint(bytes, &mut at)? as usize;
            let suffix = bytes.get(at..at + len).ok_or(ShardError::Truncated)?;
            at += len;
            previous.truncate(shared.min(previous.len()));
            previous.extend_from_slice(suffix);
            let token = String::from_utf8(previous.clone()).map_err(|_| ShardError::Format)?;
            let postings = read_varint(bytes, &mut at)? as usize;
            let top = *bytes.get(at).ok_or(ShardError::Truncated)?;
            at += 1;
            let mut list = Vec::with_capacity(postings.min(1 << 16));
            let mut post = 0u32;
            for _ in 0..postings {
                let first = *bytes.get(at).ok_or(ShardError::Truncated)?;
                at += 1;
                let mut delta = u32::from(first >> 4 & 0x07);
                if first & 0x80 != 0 {
                    delta |= read_varint(bytes, &mut at)? << 3;
                }
                post += delta;
                list.push((post, first & 0x0F));
            }
            entries.push(Entry {
                token,
                top,
                postings: list,
            });
        }
        Ok(Shard { entries })
    }

    /// The entry of `token`, or of every token starting with it.
    pub fn lookup<'a>(
        &'a self,
        token: &'a str,
        prefix: bool,
    ) -> impl Iterator<Item = &'a Entry> + 'a {
        let start = self.entries.partition_point(|e| e.token.as_str() < token);
        self.entries[start..].iter().take_while(move |e| {
            if prefix {
                e.token.starts_with(token)
            } else {
                e.token == token
            }
        })
    }
}

/// The shards fetched so far, by id. Keep one for the page's life: warm
/// queries then download nothing.
#[derive(Debug, Clone, Default)]
pub struct ShardSet {
    pub shards: HashMap<u32, Shard>,
}

impl ShardSet {
    pub fn insert(&mut self, id: u32, bytes: &[u8]) -> Result<(), ShardError> {
        self.shards.insert(id, Shard::decode(bytes)?);
        Ok(())
    }

    pub fn contains(&self, id: u32) -> bool {
        self.shards.contains_key(&id)
    }
}
