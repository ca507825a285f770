//! Running a query: which shards it needs, then ranked posts once they are fetched.

use super::shard::{Entry, SearchDirectory, ShardSet};
use super::tokenize::{bigrams, is_particle, strip_particle, words, Script, CHOSEONG};

/// A token to look up, exactly or as a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub token: String,
    pub prefix: bool,
    /// For a prefix term, the expansion the query spelled out (`^책을` for
    /// `책을`), scored in full; other expansions count for less.
    pub preferred: Option<String>,
}

/// One word of a query: posts must hold all its terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    pub script: Script,
    /// What a word of a post must start with (Hangul, Latin) or contain (other CJK)
    /// to match; for a 초성 word, the initials.
    pub stem: String,
    /// The last word, still being typed: a Latin word matches as a prefix.
    pub prefix: bool,
    pub terms: Vec<Term>,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub words: Vec<QueryWord>,
}

/// A post found, by its position in the manifest's `posts`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub post: u32,
    pub score: f32,
}

/// Shards a query needs that the [`ShardSet`] lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingShard(pub Vec<u32>);

/// Weight of a prefix expansion the query did not spell out.
const OTHER_EXPANSION: f32 = 0.5;

impl Query {
    /// Parses what the reader typed. Hangul words lose a trailing particle or
    /// ending (서울에서 → 서울); the last word, unless followed by a space, is
    /// matched as a prefix; a word of lone consonants (ㅎㄱ) is a 초성 search.
    pub fn parse(input: &str) -> Query {
        let open_end = !input.ends_with(char::is_whitespace);
        let found = words(input);
        let last = found.len().saturating_sub(1);
        let mut query = Query::default();
        for (i, word) in found.iter().enumerate() {
            let typing = open_end && i == last;
            let parsed = match word.script {
                Script::Hangul => {
                    if word.glued && is_particle(&word.text) {
                        continue;
                    }
                    let stem = strip_particle(&word.text);
                    let mut chars = stem.chars();
                    let one_syllable = chars.next().is_some() && chars.next().is_none();
                    let terms = if one_syllable {
                        vec![Term {
                            token: bigrams(stem).remove(0),
                            prefix: true,
                            preferred: Some(bigrams(&word.text).remove(0)),
                        }]
                    } else {
                        exact(bigrams(stem))
                    };
                    QueryWord {
                        script: word.script,
                        stem: stem.to_owned(),
                        prefix: false,
                        terms,
                    }
                }
                Script::OtherCjk => QueryWord {
                    script: word.script,
                    stem: word.text.clone(),
                    prefix: false,
                    terms: exact(bigrams(&word.text)),
                },
                Script::Jamo => {
                    // A consonant typed after a syllable is a syllable being composed.
                    if word.glued {
                        continue;
                    }
                    QueryWord {
                        script: word.script,
                        stem: word.text.clone(),
                        prefix: true,
                        terms: vec![Term {
                            token: format!("{CHOSEONG}{}", word.text),
                            prefix: true,
                            preferred: None,
                        }],
                    }
                }
                Script::Latin => QueryWord {
                    script: word.script,
                    stem: word.text.clone(),
                    prefix: typing,
                    terms: vec![Term {
                        token: word.text.clone(),
                        prefix: typing,
                        preferred: Some(word.text.clone()),
                    }],
                },
            };
            if !query.words.contains(&parsed) {
                query.words.push(parsed);
            }
        }
        query
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The shards to fetch before [`search`] can run, ascending, each once.
    pub fn shards_needed(&self, directory: &SearchDirectory) -> Vec<u32> {
        // Marked by id, then read in order: no sort, which is less WASM.
        let mut needed = vec![false; directory.first.len()];
        for term in self.words.iter().flat_map(|w| &w.terms) {
            for id in directory.shards_for(&term.token, term.prefix) {
                needed[id as usize] = true;
            }
        }
        (0..needed.len() as u32)
            .filter(|id| needed[*id as usize])
            .collect()
    }

    /// [`Query::shards_needed`] minus those already in `shards`.
    pub fn shards_missing(&self, directory: &SearchDirectory, shards: &ShardSet) -> Vec<u32> {
        let mut ids = self.shards_needed(directory);
        ids.retain(|id| !shards.contains(*id));
        ids
    }
}

fn exact(tokens: Vec<String>) -> Vec<Term> {
    tokens
        .into_iter()
        .map(|token| Term {
            token,
            prefix: false,
            preferred: None,
        })
        .collect()
}

/// Each post's best BM25 score for `term`, by position; 0 for posts without it.
fn term_scores(term: &Term, directory: &SearchDirectory, shards: &ShardSet) -> Vec<f32> {
    let mut entries: Vec<&Entry> = Vec::new();
    for id in directory.shards_for(&term.token, term.prefix) {
        if let Some(shard) = shards.get(id) {
            entries.extend(shard.lookup(&term.token, term.prefix));
        }
    }
    let mut scores = vec![0.0f32; directory.posts as usize];
    // A long posting list goes on across shards, in entries side by side:
    // its posts are counted together.
    for parts in entries.chunk_by(|a, b| a.token == b.token) {
        let token = parts[0].token.as_str();
        let df: usize = parts.iter().map(|part| part.postings.len()).sum();
        let spelled = token == term.token || term.preferred.as_deref() == Some(token);
        let weight = if spelled { 1.0 } else { OTHER_EXPANSION };
        for (post, tf) in parts.iter().flat_map(|part| &part.postings) {
            if let Some(best) = scores.get_mut(*post as usize) {
                *best = best.max(directory.score(df, *tf, *post) * weight);
            }
        }
    }
    scores
}

/// Posts matching `query`, best first; among equal scores, newer first.
/// Posts must match every word; when none does, posts matching any word are returned.
pub fn search(
    directory: &SearchDirectory,
    shards: &ShardSet,
    query: &Query,
    limit: usize,
) -> Result<Vec<Hit>, MissingShard> {
    let missing = query.shards_missing(directory, shards);
    if !missing.is_empty() {
        return Err(MissingShard(missing));
    }
    if query.is_empty() {
        return Ok(Vec::new());
    }
    // Per word and post: the score, 0 unless the post holds every term of the word.
    let posts = directory.posts as usize;
    let mut totals = vec![0.0f32; posts];
    let mut words_held = vec![0usize; posts];
    for word in &query.words {
        let mut word_scores: Option<Vec<f32>> = None;
        for term in &word.terms {
            let scores = term_scores(term, directory, shards);
            word_scores = Some(match word_scores {
                None => scores,
                Some(so_far) => so_far
                    .iter()
                    .zip(&scores)
                    .map(|(a, b)| if *a > 0.0 && *b > 0.0 { a + b } else { 0.0 })
                    .collect(),
            });
        }
        for (post, score) in word_scores.unwrap_or_default().into_iter().enumerate() {
            if score > 0.0 {
                totals[post] += score;
                words_held[post] += 1;
            }
        }
    }
    let all = query.words.len();
    let needed = if words_held.contains(&all) { all } else { 1 };
    // The best `limit`, kept in order as the posts go by (newer first, so a
    // post goes after those with its score): no sort, which is less WASM.
    let mut hits: Vec<Hit> = Vec::new();
    for post in (0..posts).filter(|post| words_held[*post] >= needed) {
        let score = totals[post];
        let at = hits.partition_point(|hit| hit.score.total_cmp(&score).is_ge());
        if at < limit {
            hits.insert(
                at,
                Hit {
                    post: post as u32,
                    score,
                },
            );
            hits.truncate(limit);
        }
    }
    Ok(hits)
}
