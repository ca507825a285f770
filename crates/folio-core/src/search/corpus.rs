//! A synthetic Korean blog, for search tests and benchmarks: deterministic
//! posts of nouns carrying particles, verbs carrying endings, and a few English words.

/// Nouns every corpus uses, so tests can name them.
pub const COMMON_NOUNS: &[&str] = &[
    "서울",
    "부산",
    "제주",
    "여행",
    "회고",
    "책",
    "도시",
    "바다",
    "커피",
    "학교",
    "사람",
    "음식",
    "시간",
    "친구",
    "공원",
    "산책",
    "서점",
    "골목",
    "지하철",
    "주말",
    "겨울",
    "봄",
    "계획",
    "개발",
    "코드",
    "서버",
    "배포",
    "테스트",
    "디자인",
    "글쓰기",
    "사진",
    "기록",
    "고양이",
    "음악",
    "영화",
    "도서관",
    "카페",
    "시장",
    "하늘",
    "강",
    "산",
    "길",
    "집",
    "회사",
    "프로젝트",
    "일정",
    "문서",
    "검색",
    "한글",
    "글꼴",
];

const PREDICATES: &[&str] = &[
    "갔다",
    "보았다",
    "좋았습니다",
    "먹었다",
    "만들었다",
    "읽었다",
    "했습니다",
    "걸었다",
    "기억한다",
    "배웠다",
    "찾았다",
    "남겼다",
    "바뀌었다",
    "즐거웠다",
    "생각했다",
];

const ENGLISH: &[&str] = &[
    "Rust",
    "WASM",
    "Kubernetes",
    "Leptos",
    "API",
    "CSS",
    "Linux",
    "Git",
];

const TAGS: &[&str] = &[
    "여행", "회고", "개발", "독서", "일상", "사진", "rust", "음악",
];

/// Particles that follow a syllable with a final consonant, and without one.
const PARTICLES: &[(&str, &str)] = &[
    ("은", "는"),
    ("이", "가"),
    ("을", "를"),
    ("과", "와"),
    ("으로", "로"),
    ("에서", "에서"),
    ("에", "에"),
    ("까지", "까지"),
    ("부터", "부터"),
    ("의", "의"),
    ("도", "도"),
    ("만", "만"),
    ("에게", "에게"),
    ("처럼", "처럼"),
];

/// One generated post.
#[derive(Debug, Clone)]
pub struct CorpusPost {
    pub title: String,
    pub tags: Vec<String>,
    pub body: String,
    /// Nouns the post uses, each with whether it ever appears without a particle.
    pub nouns: Vec<(String, bool)>,
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards small indices, as word frequencies are.
    fn skewed(&mut self, n: usize) -> usize {
        let r = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((r * r * r) * n as f64) as usize
    }
}

/// The final consonant's index of a syllable, 0 for none.
fn final_of(syllable: char) -> u32 {
    (syllable as u32 - 0xAC00) % 28
}

fn has_final(word: &str) -> bool {
    word.chars()
        .last()
        .is_some_and(|c| (0xAC00..=0xD7A3).contains(&(c as u32)) && final_of(c) > 0)
}

/// A particle chosen for `noun`, in the form its last syllable takes.
pub fn attach(noun: &str, particle: usize) -> String {
    let (after_final, after_vowel) = PARTICLES[particle % PARTICLES.len()];
    format!(
        "{noun}{}",
        if has_final(noun) {
            after_final
        } else {
            after_vowel
        }
    )
}

/// How many particles [`attach`] knows.
pub const PARTICLE_COUNT: usize = PARTICLES.len();

/// The noun vocabulary: the common nouns, then made-up ones from frequent syllables.
pub fn vocabulary(size: usize) -> Vec<String> {
    const SYLLABLES: &str = "가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히강산정현민준서연우진영수경철호성동상";
    let syllables: Vec<char> = SYLLABLES.chars().collect();
    let mut words: Vec<String> = COMMON_NOUNS.iter().map(|w| (*w).to_owned()).collect();
    let mut rng = Rng(0x5eed_f011_0000);
    while words.len() < size {
        let len = 2 + rng.below(2);
        let word: String = (0..len)
            .map(|_| syllables[rng.below(syllables.len())])
            .collect();
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// `count` posts, the same for the same arguments.
pub fn generate(count: usize, seed: u64) -> Vec<CorpusPost> {
    let vocab = vocabulary(4000);
    let mut rng = Rng(seed | 1);
    (0..count)
        .map(|_| {
            let mut nouns: Vec<(String, bool)> = Vec::new();
            let mut use_noun = |rng: &mut Rng, bare: bool| {
                let noun = vocab[rng.skewed(vocab.len())].clone();
                match nouns.iter_mut().find(|(n, _)| *n == noun) {
                    Some(entry) => entry.1 |= bare,
                    None => nouns.push((noun.clone(), bare)),
                }
                noun
            };
            let title_words = 2 + rng.below(3);
            let title = (0..title_words)
                .map(|_| use_noun(&mut rng, true))
                .collect::<Vec<_>>()
                .join(" ");
            let tags = (0..1 + rng.below(2))
                .map(|_| TAGS[rng.below(TAGS.len())].to_owned())
                .collect();
            let mut body = String::new();
            let paragraphs = 3 + rng.below(5);
            for _ in 0..paragraphs {
                for _ in 0..3 + rng.below(4) {
                    for _ in 0..3 + rng.below(6) {
                        if rng.below(25) == 0 {
                            body.push_str(ENGLISH[rng.below(ENGLISH.len())]);
                        } else if rng.below(6) == 0 {
                            body.push_str(&use_noun(&mut rng, true));
                        } else {
                            let noun = use_noun(&mut rng, false);
                            body.push_str(&attach(&noun, rng.below(PARTICLES.len())));
                        }
                        body.push(' ');
                    }
                    body.push_str(PREDICATES[rng.below(PREDICATES.len())]);
                    body.push_str(". ");
                }
                body.push_str("\n\n");
            }
            CorpusPost {
                title,
                tags,
                body,
                nouns,
            }
        })
        .collect()
}
