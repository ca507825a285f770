// What a reader does: filter by tags and years (from the UI and from typed
// URLs, with back and forward), open posts with all their parts, and meet
// helpful pages when something is missing or the network fails.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildSite, serveStatic, launchBrowser, openPage, readManifest, bodyData, postPath, repoRoot, screenshot, waitForApp, markDocument, isSameDocument } from '../harness.mjs';

const KOREAN_TAG = '회고';

describe('browsing and reading the demo blog', () => {
  let site, server, browser, manifest, origin;

  before(async () => {
    site = buildSite({ basePath: '/' });
    // Like GitHub Pages or Netlify: a missing path gets the site's 404.html.
    server = await serveStatic(site.root, { notFoundPage: path.join(site.siteDir, '404.html') });
    origin = server.origin;
    // These tests intercept requests from the page, which a service worker would answer instead.
    browser = await launchBrowser({ serviceWorkers: 'block' });
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    manifest = readManifest(site.siteDir);
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  const titlesWhere = (predicate) => manifest.posts.filter(predicate).map((p) => p.title);
  /** The titles the running app lists: it waits for the app, never reads the prerendered copy. */
  const shownTitles = async (page) => {
    await waitForApp(page);
    await page.locator('#folio-app :is(.post-card-title, .empty-state)').first().waitFor();
    return page.locator('#folio-app .post-card-title').allTextContents();
  };

  it('[app] filters by a Korean tag from the UI and from a typed URL', async () => {
    const page = await openPage(browser);
    await page.goto(origin + '/');
    await waitForApp(page);
    await markDocument(page);
    await page.getByRole('link', { name: `#${KOREAN_TAG}` }).first().click();
    await page.waitForURL(`${origin}/tags/${encodeURIComponent(KOREAN_TAG)}/`);
    const expected = titlesWhere((p) => p.tags.includes(KOREAN_TAG));
    assert.ok(expected.length >= 3);
    assert.deepEqual(await shownTitles(page), expected);
    assert.ok(await isSameDocument(page), 'the list was filtered in the page, without loading another');
    assert.equal(await page.locator('h1').textContent(), `#${KOREAN_TAG}`);
    await page.goto(`${origin}/tags/${encodeURIComponent(KOREAN_TAG)}/`);
    assert.deepEqual(await shownTitles(page), expected);
    assert.deepEqual(page.errors, []);
  });

  it('[app] filters by year, combines a tag with a year, and restores filters on back and forward', async () => {
    const page = await openPage(browser);
    await page.goto(`${origin}/tags/${encodeURIComponent(KOREAN_TAG)}/`);
    await shownTitles(page);
    await page.locator('.chip-row[aria-label="연도로 거르기"]').getByRole('link', { name: '2022' }).click();
    // One tag in one year has a page of its own, prerendered like the others.
    await page.waitForURL(`${origin}/years/2022/tags/${encodeURIComponent(KOREAN_TAG)}/`);
    const both = titlesWhere((p) => p.tags.includes(KOREAN_TAG) && p.local_date.year === 2022);
    assert.equal(both.length, 1);
    assert.deepEqual(await shownTitles(page), both);

    await page.goBack();
    await page.waitForURL(`${origin}/tags/${encodeURIComponent(KOREAN_TAG)}/`);
    assert.deepEqual(await shownTitles(page), titlesWhere((p) => p.tags.includes(KOREAN_TAG)));
    await page.goForward();
    await page.waitForURL(/years\/2022\/tags\//);
    assert.deepEqual(await shownTitles(page), both);

    await page.goto(`${origin}/years/2023/`);
    assert.deepEqual(await shownTitles(page), titlesWhere((p) => p.local_date.year === 2023));
    assert.deepEqual(page.errors, []);
  });

  it('[app] narrows with all of several tags, widens with any of them, and clears in one click', async () => {
    const page = await openPage(browser);
    await page.goto(`${origin}/?tags=${encodeURIComponent(KOREAN_TAG)},rust`);
    const all = titlesWhere((p) => p.tags.includes(KOREAN_TAG) && p.tags.includes('rust'));
    assert.deepEqual(await shownTitles(page), all);
    await page.getByRole('link', { name: /하나라도 가진 글 보기/ }).click();
    await page.waitForURL(/match=any/);
    const any = titlesWhere((p) => p.tags.includes(KOREAN_TAG) || p.tags.includes('rust'));
    assert.deepEqual(await shownTitles(page), any);
    await page.getByRole('link', { name: '필터 지우기' }).click();
    await page.waitForURL(`${origin}/`);
    assert.equal((await shownTitles(page)).length, manifest.posts.length);
  });

  it('[app] says so when nothing matches and offers to clear the filters', async () => {
    const page = await openPage(browser);
    await page.goto(`${origin}/?tags=${encodeURIComponent(KOREAN_TAG)},${encodeURIComponent('여행')}`);
    await page.getByText('조건에 맞는 글이 없습니다.').waitFor();
    await page.locator('.empty-state').getByRole('link', { name: '필터 지우기' }).click();
    await page.waitForURL(`${origin}/`);
    assert.equal((await shownTitles(page)).length, manifest.posts.length);
  });

  it('[app] shows the timeline by year and month, newest first, with counts', async () => {
    const page = await openPage(browser);
    await page.goto(`${origin}/timeline/`);
    await waitForApp(page);
    await page.locator('#folio-app .timeline-year').first().waitFor();
    const years = await page.locator('.timeline-year h2 a').allTextContents();
    assert.deepEqual(years, ['2025', '2024', '2023', '2022', '2021']);
    const counts = await page.locator('.timeline-count').allTextContents();
    const expected = years.map((y) => `${manifest.posts.filter((p) => p.local_date.year === Number(y)).length}개의 글`);
    assert.deepEqual(counts, expected);
    await page.getByRole('link', { name: '2022', exact: true }).click();
    await page.waitForURL(`${origin}/years/2022/`);
    assert.deepEqual(await shownTitles(page), titlesWhere((p) => p.local_date.year === 2022));
    await screenshot(page, 'timeline-year-1280-light');
  });

  it('[app] renders a post with a table, footnotes, highlighted code with a copy button, and a table of contents', async () => {
    const page = await openPage(browser);
    const post = manifest.posts.find((p) => p.slug === 'footnotes-and-tables');
    await page.goto(origin + postPath('/', post.slug));
    // Copy buttons and the current-section mark are the app's work.
    await waitForApp(page);
    await page.locator('.post-body table').waitFor();
    assert.ok((await page.locator('.post-body table tr').count()) >= 3);
    assert.ok(await page.locator('.post-body del').count() >= 1);
    assert.ok(await page.locator('.post-body input[type=checkbox]').count() >= 1);
    assert.ok(await page.locator('.post-body .tok-keyword').count() >= 1, 'code is highlighted');

    // Footnote reference jumps to its definition on the same page.
    const footnoteLink = page.locator('.post-body .footnote-reference a').first();
    const target = (await footnoteLink.getAttribute('href')).slice(1);
    await footnoteLink.click();
    await page.waitForURL(new RegExp(`#${target}$`));
    assert.equal(new URL(page.url()).pathname, postPath('/', post.slug));
    await page.locator(`[id="${target}"]`).waitFor();
    assert.ok(await page.locator(`[id="${target}"]`).isVisible());

    // Copy puts the code on the clipboard.
    const block = page.locator('.post-body .code-block').first();
    const code = await block.locator('code').textContent();
    await block.hover();
    await block.getByRole('button', { name: '복사' }).click();
    await block.getByRole('button', { name: '복사했습니다' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);

    // Table of contents jumps to a section and marks it current.
    const toc = page.locator('nav[aria-label="목차"]');
    // The outline travels with the post's body data (in its page), not in the manifest.
    const { outline } = bodyData(site.siteDir, post);
    assert.ok(outline.length >= 3);
    const top = outline.filter((h) => h.level === Math.min(...outline.map((x) => x.level)));
    const last = top[1];
    await toc.getByRole('link', { name: last.text }).click();
    await page.waitForURL(new RegExp(`#${encodeURIComponent(last.id).replace(/[()]/g, '\\$&')}$`));
    await page.waitForFunction((id) => document.getElementById(id).getBoundingClientRect().top < 200, last.id);
    await page.waitForFunction((text) => document.querySelector('nav[aria-label="목차"] a[aria-current]')?.textContent === text, last.text);
    assert.deepEqual(page.errors, []);
    await screenshot(page, 'post-en-1280-light');
  });

  it('[app] shows previous, next and related posts, and follows the post in the page title', async () => {
    const page = await openPage(browser);
    const index = manifest.posts.findIndex((p) => p.slug === '2023-seoul-walk');
    const post = manifest.posts[index];
    await page.goto(origin + '/');
    await waitForApp(page);
    await markDocument(page);
    await page.getByRole('link', { name: post.title, exact: true }).click();
    await page.locator('#folio-app .post-body').waitFor();
    const expected = `${post.title} · ${manifest.site.title}`;
    // The app sets the title when it navigates; no document was loaded.
    await page.waitForFunction((title) => document.title === title, expected);
    assert.ok(await isSameDocument(page));
    assert.equal(await page.locator('.post-nav-newer').textContent(), `최신 글${manifest.posts[index - 1].title}`);
    assert.equal(await page.locator('.post-nav-older').textContent(), `이전 글${manifest.posts[index + 1].title}`);
  });

  it('[app] shows a not-found page for a missing post, tag or year, with a way home', async () => {
    const page = await openPage(browser);
    for (const missing of ['/posts/no-such-post/', '/tags/no-such-tag/', '/years/1999/', '/no/such/page']) {
      await page.goto(origin + missing);
      await waitForApp(page);
      await page.locator('#folio-app').getByRole('heading', { name: '페이지를 찾을 수 없습니다' }).waitFor();
      assert.equal(await page.getByRole('link', { name: '모든 글로 돌아가기' }).getAttribute('href'), '/');
    }
    assert.deepEqual(page.errors, []);
  });

  it('[app] explains a failed manifest fetch and recovers with Try again', async () => {
    const page = await openPage(browser);
    await page.route('**/manifest.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
    await page.goto(origin + '/');
    await waitForApp(page);
    await page.getByRole('alert').getByText('글 목록을 불러오지 못했습니다. 서버 응답 코드: 500.').waitFor();
    await page.unroute('**/manifest.json');
    await page.getByRole('button', { name: '다시 시도' }).click();
    assert.equal((await shownTitles(page)).length, manifest.posts.length);
  });

  it('[app] explains a malformed manifest and a failed post fetch', async () => {
    const page = await openPage(browser);
    await page.route('**/manifest.json', (route) => route.fulfill({ status: 200, body: '{"version": 1, "posts": [' }));
    await page.goto(origin + '/');
    await waitForApp(page);
    await page.getByRole('alert').getByText(/글 목록을 읽지 못했습니다/).waitFor();
    await page.unroute('**/manifest.json');

    // A prerendered post has its body in the page; a post opened from the
    // list is fetched, and that fetch fails here.
    const post = manifest.posts[0];
    let bodyRequests = 0;
    await page.goto(origin + '/');
    await waitForApp(page);
    // The app fetches a body from the post's page, with its hash.
    const isBody = (url) => url.pathname.includes('/posts/') && url.searchParams.has('v');
    await page.route(isBody, (route) => { bodyRequests += 1; return route.abort('failed'); });
    await page.getByRole('link', { name: post.title, exact: true }).first().click();
    await page.getByRole('alert').getByText(`글 “${post.title}”`, { exact: false }).waitFor();
    // Outlast the page's own retries, so only the button can bring the post.
    let settled = -1;
    while (settled !== bodyRequests) {
      settled = bodyRequests;
      await page.waitForTimeout(2500);
    }
    await page.unroute(isBody);
    await page.waitForTimeout(1000);
    assert.equal(await page.locator('#folio-app .post-body').count(), 0, 'nothing fetched the post by itself');
    await page.getByRole('button', { name: '다시 시도' }).click();
    await page.locator('#folio-app .post-body').waitFor();
    assert.deepEqual(page.errors, []);
  });
});

describe('posts that misbehave', () => {
  let site, server, browser;

  before(async () => {
    site = buildSite({ content: path.join(repoRoot, 'tests/fixtures/hostile'), basePath: '/blog/' });
    server = await serveStatic(site.root);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  it('[app] never runs script from a post', async () => {
    const page = await openPage(browser);
    const url = server.origin + postPath('/blog/', 'xss');
    await page.goto(url);
    await waitForApp(page);
    await page.locator('#folio-app .post-body').getByText('Plain text after the attacks.').waitFor();
    const probe = async (after) => {
      assert.deepEqual(page.dialogs, [], `no dialog after ${after}`);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, `no script ran after ${after}`);
    };
    await probe('the app rendered the post');
    const links = page.locator('#folio-app .post-body a');
    const count = await links.count();
    for (let i = 0; i < count; i++) {
      const link = links.nth(i);
      const label = `clicking link ${i} (${await link.getAttribute('href')})`;
      const opensTab = (await link.getAttribute('target')) === '_blank';
      if (opensTab) {
        // External links open a new tab; the post's page must stay unharmed.
        const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
        await popup.close();
      } else {
        await link.click();
        await page.waitForLoadState();
        if (page.url() !== url) {
          await page.goto(url);
          await waitForApp(page);
        }
      }
      await probe(label);
    }
    await page.locator('#folio-app .post-body h2').focus();
    await probe('focusing the heading');
    // Only the body data block the build appends, which is inert JSON, is a script.
    assert.equal(await page.locator(
      '.post-body :is(script:not(#folio-body[type="application/json"]:last-child), iframe, svg, object, embed, style, [onerror], [onload], [onclick], [style])',
    ).count(), 0);
    assert.ok(await page.locator('.post-body script').count() <= 1);
    const text = await page.locator('.post-body').textContent();
    assert.ok(!text.includes('__pwned = "script"'), 'a script is dropped, not shown');
    assert.ok(text.includes('A div with handlers'), 'a div keeps its text without its handlers');
    for (const href of await page.locator('.post-body a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      assert.ok(!/^\s*(javascript|data):/i.test(href ?? ''), `unsafe link ${href}`);
    }
    assert.equal(await page.locator('.post-body a[href="https://evil.example.com/frame"]').count(), 1, 'an unknown iframe becomes a link');
    assert.equal(await page.locator('.post-body h2[onfocus], .post-body h2[autofocus]').count(), 0);
    assert.equal(await page.locator('#main').count(), 1, 'a post cannot take the page\'s own ids');
    assert.ok(!(await page.locator('.post-body').textContent()).includes('never see'));
    assert.equal(await page.locator('.post-body kbd').count(), 2);
    assert.equal(await page.locator('.post-body details summary').textContent(), 'More');
  });

  it('[static] shows a missing image as its alt text, decided at build time, without requesting it', async () => {
    const jsOff = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await openPage(jsOff);
      const requested = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(server.origin + postPath('/blog/', 'broken-image'));
      const frame = page.locator('.post-body .post-image.is-broken').first();
      assert.equal(await frame.getAttribute('role'), 'img');
      assert.equal(await frame.getAttribute('aria-label'), 'A harbour at dusk in Jeju');
      const shown = await frame.evaluate((el) => getComputedStyle(el, '::after').content);
      assert.equal(shown, '"A harbour at dusk in Jeju"');
      assert.ok(!requested.some((url) => url.includes('missing-harbour')), 'the missing file is never requested');
    } finally {
      await jsOff.close();
    }
  });

  it('[app] shows the alt text in place of an image that fails to load in the reader', async () => {
    const page = await openPage(browser);
    await page.goto(server.origin + postPath('/blog/', 'broken-image'));
    await waitForApp(page);
    // An image on a server that does not answer fails only in the browser; marking it is the app's work.
    const frame = page.locator('#folio-app .post-image.is-broken', { has: page.locator('img') });
    await frame.waitFor();
    assert.equal(await frame.getAttribute('aria-label'), 'A lighthouse in the fog');
    const shown = await frame.evaluate((el) => getComputedStyle(el, '::after').content);
    assert.equal(shown, '"A lighthouse in the fog"');
  });
});
