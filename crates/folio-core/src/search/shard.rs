//! Reading the index: the shard directory, shard files, and which shards a token needs.

use serde::Serialize;

use super::INDEX_VERSION;

use super::bits::{BitReader, MAX_RICE_PARAMETER};

pub(crate) const MAGIC: &[u8; 3] = b"FSI";

/// BM25 term-frequency saturation and length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Letters of [`SearchDirectory::lengths`], one per length class (URL-safe base64).
pub(crate) const LENGTH_CLASSES: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// Length classes per doubling of a post's length.
const CLASSES_PER_OCTAVE: f32 = 8.0;
/// The class of a post of average length.
const AVERAGE_CLASS: f32 = 32.0;

/// The small file a search reads first: which shard holds which tokens.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchDirectory {
    pub version: u32,
    /// Number of posts indexed (the manifest's posts).
    pub posts: u32,
    /// Each post's length relative to the average, one letter of
    /// [`LENGTH_CLASSES`] per post: class `c` is `2^((c − 32) / 8)` times the average.
    pub lengths: String,
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
    /// Reads `directory.json`. Through serde_json's `Value`, which the app
    /// reads anyway (a post's unknown front matter), rather than a
    /// `Deserialize` of its own: a derived one is several KiB of WASM.
    pub fn from_json(json: &str) -> Result<SearchDirectory, String> {
        let fields: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(json).map_err(|err| err.to_string())?;
        let field = |name: &str| {
            fields
                .get(name)
                .ok_or_else(|| format!("the search index lacks `{name}`"))
        };
        let wrong = |name: &str| format!("the search index's `{name}` is not what this app reads");
        let number = |name: &str| {
            field(name)?
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| wrong(name))
        };
        let text = |name: &str| {
            field(name)?
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| wrong(name))
        };
        let version = number("version")?;
        if version != INDEX_VERSION {
            return Err(format!(
                "search index version {version} (this app reads {INDEX_VERSION})"
            ));
        }
        let mut first = Vec::new();
        for token in field("first")?.as_array().ok_or_else(|| wrong("first"))? {
            first.push(token.as_str().ok_or_else(|| wrong("first"))?.to_owned());
        }
        let mut continued = Vec::new();
        if let Some(ids) = fields.get("continued") {
            for id in ids.as_array().ok_or_else(|| wrong("continued"))? {
                let id = id.as_u64().and_then(|n| u32::try_from(n).ok());
                continued.push(id.ok_or_else(|| wrong("continued"))?);
            }
        }
        let directory = SearchDirectory {
            version,
            posts: number("posts")?,
            lengths: text("lengths")?,
            build: text("build")?,
            first,
            continued,
        };
        if directory.lengths.len() != directory.posts as usize {
            return Err("the search index gives a length for each post".to_owned());
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

/// A token and the posts holding it, as (post, term frequency) pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub token: String,
    /// Term frequencies are weighted: an occurrence in the title counts 3, in a tag 2.
    pub postings: Vec<(u32, u32)>,
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

/// Length class of a post `length` long, when the average is `average`.
pub(crate) fn length_class(length: f32, average: f32) -> u8 {
    let class = (CLASSES_PER_OCTAVE * (length.max(1.0) / average).log2() + AVERAGE_CLASS).round();
    LENGTH_CLASSES[class.clamp(0.0, 63.0) as usize]
}

/// The length class a letter of [`LENGTH_CLASSES`] stands for: its position there.
fn class_of(letter: u8) -> Option<u8> {
    match letter {
        b'A'..=b'Z' => Some(letter - b'A'),
        b'a'..=b'z' => Some(letter - b'a' + 26),
        b'0'..=b'9' => Some(letter - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

impl SearchDirectory {
    /// BM25 of a post holding a token `tf` times, when `df` posts hold it.
    pub fn score(&self, df: usize, tf: u32, post: u32) -> f32 {
        let posts = self.posts as f32;
        let df = df as f32;
        let idf = ln(1.0 + (posts - df + 0.5) / (df + 0.5));
        let class = self
            .lengths
            .as_bytes()
            .get(post as usize)
            .and_then(|letter| class_of(*letter))
            .unwrap_or(AVERAGE_CLASS as u8);
        let relative = relative_length(class);
        let tf = tf as f32;
        idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * relative))
    }
}

/// The natural logarithm, from Rust's `f32::ln`.
#[cfg(not(target_arch = "wasm32"))]
fn ln(x: f32) -> f32 {
    x.ln()
}

/// The natural logarithm from the browser's `Math.log`, rounded to `f32`:
/// Rust's `logf` would add its own code to the WASM for what every browser
/// has. Both are within an ulp of the exact value.
#[cfg(target_arch = "wasm32")]
fn ln(x: f32) -> f32 {
    js_sys::Math::log(f64::from(x)) as f32
}

/// `2^((class − 32) / 8)`, the length relative to the average that `class`
/// stands for: as `exp2` gives it (see the tests), from a table of eighths
/// and an exact power of two, so the WASM needs no `exp2`.
fn relative_length(class: u8) -> f32 {
    const EIGHTHS: [f32; 8] = [
        1.0,
        1.090_507_7,
        1.189_207_1,
        1.296_839_6,
        std::f32::consts::SQRT_2,
        1.542_210_8,
        1.681_792_9,
        1.834_008_1,
    ];
    let steps = i32::from(class.min(63)) - AVERAGE_CLASS as i32;
    let octave = steps.div_euclid(CLASSES_PER_OCTAVE as i32);
    let power_of_two = f32::from_bits(((octave + 127) as u32) << 23);
    EIGHTHS[steps.rem_euclid(CLASSES_PER_OCTAVE as i32) as usize] * power_of_two
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
            let k = u32::from(*bytes.get(at).ok_or(ShardError::Truncated)?);
            if k >= MAX_RICE_PARAMETER {
                return Err(ShardError::Format);
            }
            let mut bits = BitReader::new(bytes, at + 1);
            let mut list = Vec::with_capacity(postings.min(1 << 16));
            let mut next = 0u32;
            for _ in 0..postings {
                let post = next.checked_add(bits.rice(k)?).ok_or(ShardError::Format)?;
                list.push((post, bits.gamma()?));
                next = post.checked_add(1).ok_or(ShardError::Format)?;
            }
            at = bits.byte_end();
            entries.push(Entry {
                token,
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
    /// By id, `None` where not fetched. A page fetches a few of a site's
    /// shards, so this costs little memory, and it is less WASM than a map.
    shards: Vec<Option<Shard>>,
}

impl ShardSet {
    pub fn insert(&mut self, id: u32, bytes: &[u8]) -> Result<(), ShardError> {
        self.keep(id, Shard::decode(bytes)?);
        Ok(())
    }

    pub(crate) fn keep(&mut self, id: u32, shard: Shard) {
        let at = id as usize;
        if self.shards.len() <= at {
            self.shards.resize_with(at + 1, || None);
        }
        self.shards[at] = Some(shard);
    }

    pub fn get(&self, id: u32) -> Option<&Shard> {
        self.shards.get(id as usize)?.as_ref()
    }

    pub fn contains(&self, id: u32) -> bool {
        self.get(id).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_lengths_are_what_exp2_gives() {
        for class in 0..64u8 {
            let exp2 = ((f32::from(class) - AVERAGE_CLASS) / CLASSES_PER_OCTAVE).exp2();
            assert_eq!(relative_length(class).to_bits(), exp2.to_bits(), "{class}");
        }
    }

    #[test]
    fn a_length_letter_reads_back_as_its_class() {
        for (class, letter) in LENGTH_CLASSES.iter().enumerate() {
            assert_eq!(class_of(*letter), Some(class as u8));
        }
        assert_eq!(class_of(b'='), None);
    }
}
