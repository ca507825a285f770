//! Running a query: which shards it needs, then ranked posts once they are fetched.

use std::collections::HashMap;

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
                    let terms = if stem.chars().count() == 1 {
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
        let mut ids: Vec<u32> = self
            .words
            .iter()
            .flat_map(|w| &w.terms)
            .flat_map(|t| directory.shards_for(&t.token, t.prefix))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
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

/// Each post holding `term`, with its best BM25 score for it.
fn term_scores(term: &Term, directory: &SearchDirectory, shards: &ShardSet) -> HashMap<u32, f32> {
    let entries: Vec<&Entry> = directory
        .shards_for(&term.token, term.prefix)
        .into_iter()
        .filter_map(|id| shards.shards.get(&id))
        .flat_map(|shard| shard.lookup(&term.token, term.prefix))
        .collect();
    // A long posting list goes on across shards: its posts are counted together.
    let mut df: HashMap<&str, usize> = HashMap::new();
    for entry in &entries {
        *df.entry(&entry.token).or_default() += entry.postings.len();
    }
    let mut scores: HashMap<u32, f32> = HashMap::new();
    for entry in entries {
        let token = entry.token.as_str();
        let spelled = token == term.token || term.preferred.as_deref() == Some(token);
        let weight = if spelled { 1.0 } else { OTHER_EXPANSION };
        for (post, tf) in &entry.postings {
            let score = directory.score(df[token], *tf, *post) * weight;
            let best = scores.entry(*post).or_default();
            *best = best.max(score);
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
    // Per word: post → score, for posts holding every term of the word.
    let mut per_word: Vec<HashMap<u32, f32>> = Vec::with_capacity(query.words.len());
    for word in &query.words {
        let mut word_scores: Option<HashMap<u32, f32>> = None;
        for term in &word.terms {
            let scores = term_scores(term, directory, shards);
            word_scores = Some(match word_scores {
                None => scores,
                Some(mut so_far) => {
                    so_far.retain(|post, _| scores.contains_key(post));
                    for (post, score) in so_far.iter_mut() {
                        *score += scores[post];
                    }
                    so_far
                }
            });
        }
        per_word.push(word_scores.unwrap_or_default());
    }
    let mut totals: HashMap<u32, (f32, usize)> = HashMap::new();
    for scores in &per_word {
        for (post, score) in scores {
            let total = totals.entry(*post).or_default();
            total.0 += score;
            total.1 += 1;
        }
    }
    let all = per_word.len();
    let mut hits: Vec<Hit> = if totals.values().any(|(_, n)| *n == all) {
        totals
            .iter()
            .filter(|(_, (_, n))| *n == all)
            .map(|(post, (score, _))| Hit {
                post: *post,
                score: *score,
            })
            .collect()
    } else {
        totals
            .iter()
            .map(|(post, (score, _))| Hit {
                post: *post,
                score: *score,
            })
            .collect()
    };
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.post.cmp(&b.post)));
    hits.truncate(limit);
    Ok(hits)
}
