use test_case::test_case;

use super::*;

#[test_case("ko", Some(Lang::Ko); "bare korean")]
#[test_case("ko-KR", Some(Lang::Ko); "korean with region")]
#[test_case("ko_kr", Some(Lang::Ko); "underscore and lower case")]
#[test_case("en-US", Some(Lang::En); "english with region")]
#[test_case("EN", Some(Lang::En); "upper case")]
#[test_case(" en ", Some(Lang::En); "surrounding spaces")]
#[test_case("ja", None; "no catalogue")]
#[test_case("", None; "empty")]
fn parses_bcp47_tags(tag: &str, expected: Option<Lang>) {
    assert_eq!(Lang::parse(tag), expected);
}

#[test]
fn unknown_languages_fall_back_to_english() {
    assert_eq!(Lang::from_tag("fr-CA"), Lang::En);
    assert_eq!(Lang::from_tag(""), Lang::En);
}

#[test]
fn each_catalogue_is_its_own_language() {
    for lang in Lang::ALL {
        assert_eq!(messages(lang).lang(), lang);
        assert_eq!(Lang::parse(lang.tag()), Some(lang));
    }
}

/// Every message is written in every language: none empty, none left in
/// English in another catalogue (brand names aside).
#[test]
fn every_message_exists_in_every_language() {
    let english = messages(Lang::En);
    for lang in Lang::ALL {
        let catalogue = messages(lang);
        for &text in Text::ALL {
            let words = catalogue.text(text);
            assert!(!words.trim().is_empty(), "{lang:?} {text:?} is empty");
            if lang != Lang::En {
                assert_ne!(
                    words,
                    english.text(text),
                    "{lang:?} {text:?} is untranslated"
                );
            }
        }
    }
}

/// `Text::ALL` lists every variant: this match stops compiling when a
/// variant is added, and the count keeps the list in step with it.
#[test]
fn text_all_lists_every_variant() {
    let listed = |text: Text| match text {
        Text::SkipToContent
        | Text::MainNavigation
        | Text::PagesNavigation
        | Text::Posts
        | Text::Tags
        | Text::Timeline
        | Text::DarkTheme
        | Text::AtomFeed
        | Text::RssFeed
        | Text::MadeWithFolio
        | Text::AllPosts
        | Text::FilterByTag
        | Text::FilterByYear
        | Text::ClearFilters
        | Text::AllTags
        | Text::NoPostsMatch
        | Text::MatchingAllShowAny
        | Text::MatchingAnyShowAll
        | Text::Contents
        | Text::TableOfContents
        | Text::ReadingProgress
        | Text::MorePosts
        | Text::Newer
        | Text::Older
        | Text::RelatedPosts
        | Text::Copy
        | Text::Copied
        | Text::CopyFailed
        | Text::Previous
        | Text::Next
        | Text::Pagination
        | Text::SavePostOffline
        | Text::SaveListOffline
        | Text::SavingOffline
        | Text::AvailableOffline
        | Text::NotAvailableOffline
        | Text::OfflineNotice
        | Text::OfflineNotSaved
        | Text::UpdateAvailable
        | Text::Reload
        | Text::LoadingPosts
        | Text::LoadingPost
        | Text::SomethingWentWrong
        | Text::TryAgain
        | Text::ListOfPosts
        | Text::NotFound
        | Text::PageNotFound
        | Text::NotFoundExplanation
        | Text::BackToAllPosts
        | Text::PageMovedTo
        | Text::NeedsJavaScript
        | Text::Search
        | Text::SearchPlaceholder
        | Text::SearchPrompt
        | Text::SearchNeedsJavaScript
        | Text::Searching
        | Text::NoResults
        | Text::SearchResults
        | Text::SearchIndexMissing
        | Text::SearchIndexMissingOffline
        | Text::SearchIndex => 1,
    };
    assert_eq!(Text::ALL.iter().map(|&t| listed(t)).sum::<usize>(), 61);
    let mut unique = Text::ALL.to_vec();
    unique.sort_by_key(|t| format!("{t:?}"));
    unique.dedup();
    assert_eq!(unique.len(), Text::ALL.len());
}

#[test_case(Lang::En, 0, "0 posts")]
#[test_case(Lang::En, 1, "1 post")]
#[test_case(Lang::En, 2, "2 posts")]
#[test_case(Lang::En, 13, "13 posts")]
#[test_case(Lang::Ko, 1, "1개의 글")]
#[test_case(Lang::Ko, 13, "13개의 글")]
fn post_counts(lang: Lang, n: usize, expected: &str) {
    assert_eq!(messages(lang).post_count(n), expected);
}

#[test_case(Lang::En, 0, "1 min read"; "english never zero")]
#[test_case(Lang::En, 9, "9 min read")]
#[test_case(Lang::Ko, 0, "1분"; "korean never zero")]
#[test_case(Lang::Ko, 9, "9분")]
fn reading_times(lang: Lang, minutes: u32, expected: &str) {
    assert_eq!(messages(lang).reading_time(minutes), expected);
}

#[test_case(Lang::En, 2023, 1, 6, "January 6, 2023")]
#[test_case(Lang::En, 2024, 12, 31, "December 31, 2024")]
#[test_case(Lang::Ko, 2023, 1, 6, "2023년 1월 6일")]
#[test_case(Lang::Ko, 2024, 12, 31, "2024년 12월 31일")]
fn long_dates(lang: Lang, year: i32, month: u32, day: u32, expected: &str) {
    let date = LocalDate { year, month, day };
    assert_eq!(messages(lang).long_date(date), expected);
}

#[test_case(Lang::En, 1, "January")]
#[test_case(Lang::En, 12, "December")]
#[test_case(Lang::En, 0, "?"; "english month zero")]
#[test_case(Lang::En, 13, "?"; "english month thirteen")]
#[test_case(Lang::Ko, 1, "1월")]
#[test_case(Lang::Ko, 12, "12월")]
#[test_case(Lang::Ko, 13, "?"; "korean month thirteen")]
fn month_names(lang: Lang, month: u32, expected: &str) {
    assert_eq!(messages(lang).month_name(month), expected);
}

#[test]
fn every_month_is_named_in_every_language() {
    for lang in Lang::ALL {
        let names: Vec<&str> = (1..=12).map(|m| messages(lang).month_name(m)).collect();
        assert!(names.iter().all(|n| *n != "?"), "{lang:?}");
        let mut unique = names.clone();
        unique.dedup();
        assert_eq!(unique.len(), 12, "{lang:?}");
    }
}

#[test_case(
    Lang::En,
    "January 2023",
    "Page 3",
    "Saving 3 of 10…",
    "Posts from 2022"
)]
#[test_case(Lang::Ko, "2023년 1월", "3쪽", "10개 중 3개 저장 중…", "2022년의 글")]
fn numbered_messages(lang: Lang, month: &str, page: &str, saving: &str, year: &str) {
    let m = messages(lang);
    assert_eq!(m.month_of_year(2023, 1), month);
    assert_eq!(m.page_number(3), page);
    assert_eq!(m.saving_progress(3, 10), saving);
    assert_eq!(m.posts_from_year(2022), year);
}

#[test]
fn fetch_errors_name_what_failed() {
    let en = messages(Lang::En);
    assert_eq!(
        en.fetch_status_error(&en.the_post("Trip"), 404),
        "Could not load the post “Trip”: the server answered 404."
    );
    assert_eq!(
        en.fetch_network_error(en.text(Text::ListOfPosts), "offline"),
        "Could not load the list of posts: the network request failed (offline)."
    );
    let ko = messages(Lang::Ko);
    assert_eq!(
        ko.fetch_status_error(&ko.the_post("여행"), 404),
        "글 “여행”을 불러오지 못했습니다. 서버 응답 코드: 404."
    );
    assert_eq!(
        ko.fetch_network_error(ko.text(Text::ListOfPosts), "offline"),
        "글 목록을 불러오지 못했습니다. 네트워크 요청이 실패했습니다(offline)."
    );
    assert!(ko.manifest_version_error(2, 1).contains("버전 2"));
}

#[test_case("목록", "을" ; "after a final consonant")]
#[test_case("페이지", "를" ; "after a vowel")]
#[test_case("글 “바다”", "를" ; "quotes are not letters")]
#[test_case("Rust", "을(를)" ; "a Latin word cannot tell")]
fn korean_object_particles(word: &str, expected: &str) {
    assert_eq!(super::ko::object_particle(word), expected);
}

#[test_case(
    Lang::En,
    "1 post tagged #rust on Notes.",
    "3 posts from 2022 on Notes."
)]
#[test_case(
    Lang::Ko,
    "Notes에서 #rust 태그가 붙은 1개의 글.",
    "Notes에서 2022년에 쓴 3개의 글."
)]
fn list_descriptions(lang: Lang, tag: &str, year: &str) {
    let m = messages(lang);
    assert_eq!(m.tag_description(1, "rust", "Notes"), tag);
    assert_eq!(m.year_description(3, 2022, "Notes"), year);
    assert!(m
        .timeline_description(13, "Notes")
        .contains(&m.post_count(13)));
    assert!(m
        .tag_index_description(13, "Notes")
        .contains(&m.post_count(13)));
    assert!(m.home_description(13, "Notes").contains(&m.post_count(13)));
}

#[test_case(Lang::En, 1, "1 post found for “서울”")]
#[test_case(Lang::En, 3, "3 posts found for “서울”")]
#[test_case(Lang::Ko, 3, "“서울” 검색 결과 3개")]
fn search_result_counts(lang: Lang, n: usize, expected: &str) {
    assert_eq!(messages(lang).search_result_count(n, "서울"), expected);
}
