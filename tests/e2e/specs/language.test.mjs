// A Korean blog reads as Korean and an English blog as English: `<html lang>`,
// the interface's words, dates and reading times on the home page, a post,
// the tags, the timeline and the 404 page, with JavaScript off (the
// prerendered pages) and on (pages the app draws as the reader navigates).
//
// The expected words are written out here, not read from the catalogues, so a
// wrong or missing translation fails.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { buildSite, serveStatic, launchBrowser, openPage, readManifest, postPath, repoRoot, waitForApp, markDocument, isSameDocument, demoContent } from '../harness.mjs';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const interfaces = {
  ko: {
    skip: '본문으로 건너뛰기',
    nav: ['글', '태그', '타임라인'],
    allPosts: '모든 글',
    tags: '태그',
    timeline: '타임라인',
    notFound: '페이지를 찾을 수 없습니다',
    back: '모든 글로 돌아가기',
    feeds: ['Atom 피드', 'RSS 피드'],
    date: ({ year, month, day }) => `${year}년 ${month}월 ${day}일`,
    reading: (minutes) => `${Math.max(1, minutes)}분`,
    count: (n) => `${n}개의 글`,
    month: (year, month) => `${year}년 ${month}월`,
  },
  en: {
    skip: 'Skip to content',
    nav: ['Posts', 'Tags', 'Timeline'],
    allPosts: 'All posts',
    tags: 'Tags',
    timeline: 'Timeline',
    notFound: 'Page not found',
    back: 'Back to all posts',
    feeds: ['Atom feed', 'RSS feed'],
    date: ({ year, month, day }) => `${MONTHS[month - 1]} ${day}, ${year}`,
    reading: (minutes) => `${Math.max(1, minutes)} min read`,
    count: (n) => (n === 1 ? '1 post' : `${n} posts`),
    month: (year, month) => `${MONTHS[month - 1]} ${year}`,
  },
};

const sites = [
  { lang: 'ko', content: demoContent },
  { lang: 'en', content: path.join(repoRoot, 'tests/fixtures/site') },
];

/** The interface around every page: `<html lang>`, skip link, navigation, feeds. */
async function assertFrame(page, lang) {
  const words = interfaces[lang];
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
  assert.equal(await page.locator('.skip-link').textContent(), words.skip);
  const nav = page.locator('.site-header nav a');
  assert.deepEqual(await nav.allTextContents(), words.nav);
  const footer = await page.locator('.site-footer').textContent();
  for (const feed of words.feeds) assert.ok(footer.includes(feed), `${feed} in "${footer}"`);
}

/** A post of the site's own language: its card and page use the site's words. */
function postInSiteLanguage(manifest, lang) {
  const post = manifest.posts.find((p) => (p.lang ?? manifest.site.lang) === lang);
  assert.ok(post, `a ${lang} post`);
  return post;
}

async function assertHome(page, lang, manifest) {
  const words = interfaces[lang];
  await page.locator('main h1').filter({ hasText: words.allPosts }).waitFor();
  assert.equal(await page.locator('.result-count').textContent(), words.count(manifest.posts.length));
  const post = postInSiteLanguage(manifest, lang);
  const card = page.locator('.post-card').filter({ has: page.getByRole('link', { name: post.title, exact: true }) });
  assert.equal(await card.locator('time').textContent(), words.date(post.local_date));
  assert.equal(await card.locator('.post-card-reading').textContent(), words.reading(post.reading_minutes));
}

async function assertPost(page, lang, post) {
  const words = interfaces[lang];
  await page.locator('main h1.post-title').filter({ hasText: post.title }).waitFor();
  assert.equal(await page.locator('.post-meta time').textContent(), words.date(post.local_date));
  assert.ok((await page.locator('.post-meta').textContent()).includes(words.reading(post.reading_minutes)));
}

async function assertTags(page, lang) {
  await page.locator('main h1').filter({ hasText: interfaces[lang].tags }).waitFor();
}

async function assertTimeline(page, lang, manifest) {
  const words = interfaces[lang];
  await page.locator('main h1').filter({ hasText: words.timeline }).waitFor();
  const newest = manifest.posts[0].local_date;
  assert.equal(await page.locator('.timeline-months h3').first().textContent(), words.month(newest.year, newest.month));
  const inYear = manifest.posts.filter((p) => p.local_date.year === newest.year).length;
  assert.equal(await page.locator('.timeline-count').first().textContent(), words.count(inYear));
}

async function assertNotFound(page, lang) {
  const words = interfaces[lang];
  await page.locator('main h1').filter({ hasText: words.notFound }).waitFor();
  assert.equal(await page.locator('main a.button').textContent(), words.back);
}

for (const { lang, content } of sites) {
  describe(lang === 'ko' ? 'a Korean site' : 'an English site', () => {
    let server, manifest, site;

    before(async () => {
      site = buildSite({ content });
      manifest = readManifest(site.siteDir);
      assert.equal(manifest.site.lang, lang);
      server = await serveStatic(site.root, { notFoundPage: path.join(site.siteDir, '404.html') });
    });

    after(() => server?.stop());

    it(`[static] speaks ${lang} on every prerendered page, without JavaScript`, async () => {
      const browser = await launchBrowser({ javaScriptEnabled: false });
      try {
        const page = await openPage(browser);
        await page.goto(server.origin + '/');
        await assertFrame(page, lang);
        await assertHome(page, lang, manifest);
        const post = postInSiteLanguage(manifest, lang);
        await page.goto(server.origin + postPath('/', post.slug));
        await assertFrame(page, lang);
        await assertPost(page, lang, post);
        await page.goto(server.origin + '/tags/');
        await assertFrame(page, lang);
        await assertTags(page, lang);
        await page.goto(server.origin + '/timeline/');
        await assertFrame(page, lang);
        await assertTimeline(page, lang, manifest);
        await page.goto(server.origin + '/no/such/page/');
        await assertFrame(page, lang);
        await assertNotFound(page, lang);
      } finally {
        await browser.close();
      }
    });

    it(`[app] speaks ${lang} on every page the app draws`, async () => {
      const browser = await launchBrowser();
      try {
        const page = await openPage(browser);
        await page.goto(server.origin + '/');
        await waitForApp(page);
        await markDocument(page);
        const [, tagsLink, timelineLink] = interfaces[lang].nav;
        await page.locator('.site-header nav').getByRole('link', { name: tagsLink, exact: true }).click();
        await assertTags(page, lang);
        await page.locator('.site-header nav').getByRole('link', { name: timelineLink, exact: true }).click();
        await assertTimeline(page, lang, manifest);
        const post = postInSiteLanguage(manifest, lang);
        await page.locator('.timeline').getByRole('link', { name: post.title, exact: true }).click();
        await assertPost(page, lang, post);
        await page.locator('.site-title').click();
        await assertHome(page, lang, manifest);
        await assertFrame(page, lang);
        assert.ok(await isSameDocument(page), 'every page above was drawn by the app');

        // An address the host answers with its 404 page: the app draws it afresh.
        await page.goto(server.origin + '/no/such/page/');
        await waitForApp(page);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'rendered');
        await assertNotFound(page, lang);
        await assertFrame(page, lang);
        assert.deepEqual(page.errors, []);
      } finally {
        await browser.close();
      }
    });
  });
}

describe('a post in another language than its site', () => {
  it('[static] keeps the site\'s interface and gives the article its own language and date', async () => {
    const site = buildSite({ content: path.join(repoRoot, 'tests/fixtures/site') });
    const manifest = readManifest(site.siteDir);
    const post = manifest.posts.find((p) => p.lang === 'ko');
    assert.ok(post, 'the English fixture site has a Korean post');
    const server = await serveStatic(site.root);
    const browser = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await openPage(browser);
      await page.goto(server.origin + postPath('/', post.slug));
      await assertFrame(page, 'en');
      assert.equal(await page.locator('article.post').getAttribute('lang'), 'ko');
      await assertPost(page, 'ko', post);
    } finally {
      await browser.close();
      server.stop();
    }
  });
});
