//! Korean (한국어). Korean counts have one form: `1개의 글`, `13개의 글`.

use super::{Catalogue, Lang, Text};
use crate::LocalDate;

/// The Korean catalogue.
pub struct Korean;

const MONTHS: [&str; 12] = [
    "1월", "2월", "3월", "4월", "5월", "6월", "7월", "8월", "9월", "10월", "11월", "12월",
];

fn posts(n: usize) -> String {
    format!("{n}개의 글")
}

/// The object particle that fits `word`: `을` after a final consonant
/// (`목록을`), `를` after a vowel (`페이지를`), judged by its last Hangul
/// syllable; `을(를)` when the word ends in something else (`Rust`), as
/// Korean interfaces write it when they cannot tell.
pub fn object_particle(word: &str) -> &'static str {
    let last = word.chars().rev().find(|c| c.is_alphanumeric());
    match last {
        Some(c @ '\u{AC00}'..='\u{D7A3}') => {
            if (u32::from(c) - 0xAC00) % 28 == 0 {
                "를"
            } else {
                "을"
            }
        }
        _ => "을(를)",
    }
}

impl Catalogue for Korean {
    fn lang(&self) -> Lang {
        Lang::Ko
    }

    fn text(&self, text: Text) -> &'static str {
        match text {
            Text::SkipToContent => "본문으로 건너뛰기",
            Text::MainNavigation => "주 메뉴",
            Text::PagesNavigation => "페이지",
            Text::Posts => "글",
            Text::Tags => "태그",
            Text::Timeline => "타임라인",
            Text::DarkTheme => "어두운 테마",
            Text::AtomFeed => "Atom 피드",
            Text::RssFeed => "RSS 피드",
            Text::MadeWithFolio => "Folio로 만들었습니다",
            Text::AllPosts => "모든 글",
            Text::FilterByTag => "태그로 거르기",
            Text::FilterByYear => "연도로 거르기",
            Text::ClearFilters => "필터 지우기",
            Text::AllTags => "모든 태그",
            Text::NoPostsMatch => "조건에 맞는 글이 없습니다.",
            Text::MatchingAllShowAny => {
                "이 태그를 모두 가진 글을 보고 있습니다. 하나라도 가진 글 보기"
            }
            Text::MatchingAnyShowAll => {
                "이 태그 중 하나라도 가진 글을 보고 있습니다. 모두 가진 글 보기"
            }
            Text::Contents => "목차",
            Text::TableOfContents => "목차",
            Text::ReadingProgress => "읽은 정도",
            Text::MorePosts => "다른 글",
            Text::Newer => "최신 글",
            Text::Older => "이전 글",
            Text::RelatedPosts => "관련 글",
            Text::Copy => "복사",
            Text::Copied => "복사했습니다",
            Text::CopyFailed => "복사하지 못했습니다",
            Text::Previous => "이전",
            Text::Next => "다음",
            Text::Pagination => "페이지 이동",
            Text::SavePostOffline => "오프라인에서 읽도록 저장",
            Text::SaveListOffline => "이 글들을 오프라인에서 읽도록 저장",
            Text::SavingOffline => "오프라인에서 읽도록 저장하는 중",
            Text::AvailableOffline => "오프라인에서 읽을 수 있음",
            Text::NotAvailableOffline => "오프라인에서 읽을 수 없음",
            Text::OfflineNotice => {
                "오프라인 상태입니다. 오프라인용으로 저장한 글은 계속 열 수 있습니다."
            }
            Text::OfflineNotSaved => "오프라인 상태이고 이 글은 오프라인용으로 저장되지 않았습니다. 다시 연결되면 불러옵니다.",
            Text::UpdateAvailable => "이 블로그의 새 버전이 있습니다.",
            Text::Reload => "새로 고침",
            Text::LoadingPosts => "글 목록을 불러오는 중",
            Text::LoadingPost => "글을 불러오는 중",
            Text::SomethingWentWrong => "문제가 생겼습니다",
            Text::TryAgain => "다시 시도",
            Text::ListOfPosts => "글 목록",
            Text::NotFound => "찾을 수 없음",
            Text::PageNotFound => "페이지를 찾을 수 없습니다",
            Text::NotFoundExplanation => {
                "이 주소에는 아무것도 없습니다. 옮겨졌거나 링크가 잘못되었을 수 있습니다."
            }
            Text::BackToAllPosts => "모든 글로 돌아가기",
            Text::PageMovedTo => "이 페이지는 다음 주소로 옮겨졌습니다:",
            Text::NeedsJavaScript => "이 블로그 리더로 글을 보려면 JavaScript가 필요합니다.",
            Text::Search => "검색",
            Text::SearchPlaceholder => "글 검색",
            Text::SearchPrompt => "찾을 낱말을 입력하거나 태그를 고르세요:",
            Text::SearchNeedsJavaScript => "검색하려면 자바스크립트가 필요합니다. 태그로 글을 찾아보세요:",
            Text::Searching => "검색하는 중…",
            Text::NoResults => "검색어와 맞는 글이 없습니다.",
            Text::SearchResults => "검색 결과",
            Text::SearchIndexMissing => "이 검색을 마치지 못했습니다",
            Text::SearchIndexMissingOffline => "오프라인 상태이고, 이 검색에 필요한 색인 일부가 아직 저장되지 않았습니다. 전에 한 검색은 그대로 됩니다. 다시 연결되면 이 검색도 됩니다.",
            Text::SearchIndex => "검색 색인",
        }
    }

    fn post_count(&self, n: usize) -> String {
        posts(n)
    }

    fn reading_time(&self, minutes: u32) -> String {
        format!("{}분", minutes.max(1))
    }

    fn long_date(&self, date: LocalDate) -> String {
        format!("{}년 {}월 {}일", date.year, date.month, date.day)
    }

    fn month_name(&self, month: u32) -> &'static str {
        month
            .checked_sub(1)
            .and_then(|m| MONTHS.get(m as usize))
            .copied()
            .unwrap_or("?")
    }

    fn month_of_year(&self, year: i32, month: u32) -> String {
        format!("{year}년 {}", self.month_name(month))
    }

    fn page_number(&self, page: usize) -> String {
        format!("{page}쪽")
    }

    fn saving_progress(&self, done: usize, total: usize) -> String {
        format!("{total}개 중 {done}개 저장 중…")
    }

    fn posts_from_year(&self, year: i32) -> String {
        format!("{year}년의 글")
    }

    fn tag_joiner(&self, all: bool) -> &'static str {
        if all {
            " + "
        } else {
            " 또는 "
        }
    }

    fn the_post(&self, title: &str) -> String {
        format!("글 “{title}”")
    }

    fn the_page(&self, title: &str) -> String {
        format!("페이지 “{title}”")
    }

    fn fetch_network_error(&self, what: &str, message: &str) -> String {
        let particle = object_particle(what);
        format!("{what}{particle} 불러오지 못했습니다. 네트워크 요청이 실패했습니다({message}).")
    }

    fn fetch_status_error(&self, what: &str, status: u16) -> String {
        let particle = object_particle(what);
        format!("{what}{particle} 불러오지 못했습니다. 서버 응답 코드: {status}.")
    }

    fn fetch_malformed_error(&self, what: &str, message: &str) -> String {
        let particle = object_particle(what);
        format!("{what}{particle} 읽지 못했습니다: {message}.")
    }

    fn manifest_version_error(&self, found: u32, expected: u32) -> String {
        format!("이 사이트의 색인은 버전 {found}이지만 이 리더가 읽는 버전은 {expected}입니다. 같은 버전의 Folio로 사이트를 다시 만드세요.")
    }

    fn tag_description(&self, count: usize, tag: &str, site: &str) -> String {
        format!("{site}에서 #{tag} 태그가 붙은 {}.", posts(count))
    }

    fn year_description(&self, count: usize, year: i32, site: &str) -> String {
        format!("{site}에서 {year}년에 쓴 {}.", posts(count))
    }

    fn tag_index_description(&self, count: usize, site: &str) -> String {
        format!(
            "{site}의 모든 태그를 많이 쓰인 순서로 모았습니다. 모두 {}.",
            posts(count)
        )
    }

    fn timeline_description(&self, count: usize, site: &str) -> String {
        format!("{site}의 연도별, 월별 기록: {}.", posts(count))
    }

    fn home_description(&self, count: usize, site: &str) -> String {
        format!("{site}: {}.", posts(count))
    }

    fn search_result_count(&self, count: usize, query: &str) -> String {
        format!("“{query}” 검색 결과 {count}개")
    }
}
