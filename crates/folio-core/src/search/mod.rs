//! Full-text search from static files, for Korean and English posts.

pub mod normalize;
pub mod tokenize;
