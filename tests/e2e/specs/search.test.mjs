// Searching the demo blog: Korean words found whatever particle they carry,
// results as one types, the keyboard (`/`, arrows, Enter, Escape), a shared
// `search/?q=` link, the plain form without JavaScript, and a search that
// needs a part of the index the reader cannot fetch offline.

import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildSite, serveStatic, launchBrowser, openPage, readManifest, postPath, screenshot, waitForApp, markDocument, isSameDocument } from '../harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// 책방 appears in one post only with particles attached (책방은, 책방을,
// 책방과, 책방마다); the query carries yet another one.
const KOREAN_QUERY = '책방에서';
const BOOKSHOPS = '제주, 동네 책방을 따라 걷다';
// A long stem: besides its word-start token it needs tokens from the other
// shard of the demo's index than a Latin word does.
const LONG_STEM_QUERY = '쿠버네티스를';
const KUBERNETES_RETRO = '2022 회고: 쿠버네티스와 보낸 일 년';

describe('searching the demo blog', () => {
  let site, server, browser, manifest, origin;

  before(async () => {
    site = buildSite({ basePath: '/' });
    fs.writeFileSync(path.join(site.siteDir, 'axe.min.js'), axeSource);
    server = await serveStatic(site.root, { notFoundPage: path.join(site.siteDir, '404.html') });
    origin = server.origin;
    // Offline here means no network at all, not a worker's cache.
    browser = await launchBrowser({ serviceWorkers: 'block' });
    manifest = readManifest(site.siteDir);
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  afterEach(() => browser.setOffline(false));

  /** Titles of the results the running app shows, once it shows some. */
  const resultTitles = async (page) => {
    await page.locator('#folio-app .search-result-title').first().waitFor();
    return page.locator('#folio-app .search-result-title').allTextContents();
  };

  const titlesTagged = (tag) => manifest.posts.filter((p) => p.tags.includes(tag)).map((p) => p.title);

  it('[app] finds a Korean word by its stem whatever particle it carries, as one types', async () => {
    const page = await openPage(browser);
    await page.goto(origin + '/');
    await waitForApp(page);
    await markDocument(page);
    await page.locator('#search-box').click();
    await page.keyboard.type(KOREAN_QUERY, { delay: 30 });
    assert.deepEqual(await resultTitles(page), [BOOKSHOPS]);
    // The matched words are marked, in the title and in the excerpt from the body.
    const result = page.locator('#folio-app .search-result').first();
    assert.equal(await result.locator('.search-result-title mark').first().textContent(), '책방');
    await page.waitForFunction(() => document.querySelectorAll('.search-result-excerpt mark').length > 0);
    assert.ok((await result.locator('.search-result-excerpt mark').allTextContents()).every((m) => m === '책방'));
    assert.match(await result.locator('time').textContent(), /2025년 4월 20일/);
    assert.deepEqual(await result.locator('.tag').allTextContents(), ['#여행', '#reading']);
    // The address follows what is typed, without loading a document.
    await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === KOREAN_QUERY);
    assert.ok(await isSameDocument(page));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-box', 'typing goes on in the box');

    // Typing on replaces the results; a tag with a particle finds every post of the tag.
    await page.locator('#search-box').fill('회고를');
    await page.waitForFunction(() => [...document.querySelectorAll('.search-result-title')].every((t) => !t.textContent.includes('책방')));
    const retros = await resultTitles(page);
    for (const title of titlesTagged('회고')) assert.ok(retros.includes(title), `${title} in ${retros}`);
    assert.match(await page.locator('#folio-app .result-count').textContent(), /“회고를” 검색 결과 \d+개/);

    await page.locator('#search-box').fill('없는낱말입니다');
    await page.locator('#folio-app .result-count').getByText('검색어와 맞는 글이 없습니다.').waitFor();
    await screenshot(page, 'search-no-results');
    assert.deepEqual(page.errors, []);
  });

  it('[app] is reached with `/`, walked with the arrow keys, opened with Enter, cleared with Escape', async () => {
    const page = await openPage(browser);
    await page.goto(origin + postPath('/', 'hello-folio'));
    await waitForApp(page);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-box');
    await page.keyboard.type('rust');
    const titles = await resultTitles(page);
    assert.ok(titles.length >= 2, `${titles}`);
    await screenshot(page, 'search-results');
    // `/` typed into the box is text, not the shortcut.
    await page.keyboard.type('/');
    assert.equal(await page.locator('#search-box').inputValue(), 'rust/');
    await page.waitForURL((url) => url.searchParams.get('q') === 'rust/');
    await page.keyboard.press('Backspace');
    await page.waitForURL((url) => url.searchParams.get('q') === 'rust');
    await page.locator('#folio-app .result-count').getByText('“rust”').waitFor();

    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), titles[0]);
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), titles[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-box', 'up from the first result');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await markDocument(page);
    await page.keyboard.press('Enter');
    const second = manifest.posts.find((p) => p.title === titles[1]);
    await page.waitForURL(origin + postPath('/', second.slug));
    await page.locator('#folio-app .post-title').getByText(second.title).waitFor();
    assert.ok(await isSameDocument(page), 'the result opened inside the app');

    // Back to the results, then Escape empties the box and the search.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('q') === 'rust');
    assert.equal(await page.locator('#search-box').inputValue(), 'rust');
    await page.locator('#search-box').focus();
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#search-box').inputValue(), '');
    await page.waitForURL(origin + '/search/');
    await page.locator('#folio-app .search-prompt .chip').first().waitFor();
    assert.deepEqual(page.errors, []);
  });

  it('[app] shows the results of a shared search link opened directly', async () => {
    const page = await openPage(browser);
    await page.goto(`${origin}/search/?q=${encodeURIComponent('서울')}`);
    await waitForApp(page);
    const titles = await resultTitles(page);
    assert.equal(titles[0], '서울 걷기: 북촌에서 서촌까지');
    assert.equal(await page.locator('#search-box').inputValue(), '서울');
    await page.waitForFunction(() => document.title.startsWith('서울 · 검색'));
    // On a 320 px phone the box and the results fit without sideways scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320));
    await screenshot(page, 'search-phone');
    assert.deepEqual(page.errors, []);
  });

  it('[app] suggests tags before anything is typed, and passes an axe audit with results', async () => {
    const page = await openPage(browser);
    await page.goto(origin + '/search/');
    await waitForApp(page);
    await page.locator('#folio-app .search-prompt .needs-js').waitFor();
    assert.equal(await page.locator('#folio-app .search-prompt .without-js').isVisible(), false);
    const chips = page.locator('#folio-app .search-prompt .chip');
    await chips.first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/tags/'));
    await page.locator('#folio-app .post-card').first().waitFor();

    await page.goto(`${origin}/search/?q=${encodeURIComponent('회고')}`);
    await waitForApp(page);
    await resultTitles(page);
    await page.waitForFunction(() => document.querySelectorAll('.search-result-excerpt mark').length > 0);
    await page.addScriptTag({ url: '/axe.min.js' });
    const violations = await page.evaluate(async () => {
      const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
      return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    });
    assert.deepEqual(violations, []);
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('[role=search]').count(), 1);
    assert.deepEqual(page.errors, []);
  });

  it('[app] offline, answers from the index already fetched and explains a search that needs more until back online', async () => {
    const page = await openPage(browser);
    const shards = [];
    page.on('request', (request) => { if (/\/search\/\d+\.bin/.test(request.url())) shards.push(request.url()); });
    await page.goto(`${origin}/search/?q=rust`);
    await waitForApp(page);
    const online = await resultTitles(page);
    await page.waitForLoadState('networkidle');
    const fetchedOnline = shards.length;
    assert.ok(fetchedOnline >= 1);

    await browser.setOffline(true);
    // A search needing a part of the index not fetched yet says so, never a blank page.
    await page.locator('#search-box').fill(LONG_STEM_QUERY);
    const alert = page.getByRole('alert');
    await alert.getByText('이 검색을 마치지 못했습니다').waitFor();
    await alert.getByText('오프라인 상태이고').waitFor();
    await screenshot(page, 'search-offline');
    // What was fetched before still answers.
    await page.locator('#search-box').fill('rust');
    assert.deepEqual(await resultTitles(page), online);

    await page.locator('#search-box').fill(LONG_STEM_QUERY);
    await alert.waitFor();
    // Back online, the search completes by itself.
    await browser.setOffline(false);
    assert.ok((await resultTitles(page)).includes(KUBERNETES_RETRO));
    assert.ok(shards.length > fetchedOnline, 'the missing part was fetched');
    assert.deepEqual(page.errors, []);
  });

  it('[app] says why a part of the index failed to load, and loads it with Try again', async () => {
    const page = await openPage(browser);
    await page.route('**/search/*.bin*', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await page.goto(`${origin}/search/?q=rust`);
    await waitForApp(page);
    const alert = page.getByRole('alert');
    await alert.getByText('503').waitFor();
    await page.unroute('**/search/*.bin*');
    await alert.getByRole('button', { name: '다시 시도' }).click();
    const titles = await resultTitles(page);
    assert.ok(titles.includes('First steps with Rust and WebAssembly'), `${titles}`);
    assert.deepEqual(page.errors, []);
  });

  it('[app] shows a summary for a result whose body cannot be fetched, and asks for that body once', async () => {
    const page = await openPage(browser);
    const asked = [];
    // Excerpts come from the results' pages, fetched with their hash.
    await page.route((url) => url.pathname.includes('/posts/') && url.searchParams.has('v'), (route) => {
      asked.push(route.request().url());
      return route.fulfill({ status: 503, body: 'unavailable' });
    });
    await page.goto(`${origin}/search/?q=rust`);
    await waitForApp(page);
    const titles = await resultTitles(page);
    assert.ok(titles.includes('First steps with Rust and WebAssembly'), `${titles}`);
    // Each search data change reruns the search; a failed body must not be asked for again each time.
    await page.waitForTimeout(1000);
    assert.ok(asked.length > 0, 'the excerpts asked for bodies');
    assert.equal(new Set(asked).size, asked.length, `${asked.length} requests for ${new Set(asked).size} bodies`);
    const excerpts = await page.locator('#folio-app .search-result-excerpt').allTextContents();
    assert.ok(excerpts.length > 0 && excerpts.every((text) => text.trim().length > 0), `${excerpts}`);
    assert.deepEqual(page.errors, []);
  });

  it('[app] answers a search made before from the worker\'s cache after a reload offline', async () => {
    const withWorker = await launchBrowser();
    try {
      const page = await openPage(withWorker);
      await page.goto(`${origin}/search/?q=rust`);
      await waitForApp(page);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
        }
      });
      // Now through the worker, which keeps the directory and the shards.
      await page.reload();
      await waitForApp(page);
      const online = await resultTitles(page);
      await page.waitForLoadState('networkidle');
      await withWorker.setOffline(true);
      await page.reload();
      await waitForApp(page);
      assert.deepEqual(await resultTitles(page), online);
      assert.deepEqual(page.errors, []);
    } finally {
      await withWorker.close();
    }
  });

  it('[static] without JavaScript, the search box is a form that opens the search page, which suggests tags', async () => {
    const jsOff = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await openPage(jsOff);
      await page.goto(origin + '/');
      const form = page.locator('form[role=search]');
      assert.equal(await form.getAttribute('action'), '/search/');
      assert.equal(await form.getAttribute('method'), 'get');
      await page.locator('input[type=search][name=q]').fill('서울');
      await page.locator('input[type=search][name=q]').press('Enter');
      await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === '서울');
      assert.equal(await page.locator('h1').textContent(), '검색');
      await page.locator('.search-prompt .without-js').waitFor();
      assert.equal(await page.locator('.search-prompt .needs-js').isVisible(), false);
      const tags = await page.locator('.search-prompt .chip').count();
      assert.ok(tags > 0);
      await page.locator('.search-prompt .chip').first().click();
      await page.waitForURL((url) => url.pathname.startsWith('/tags/'));
    } finally {
      await jsOff.close();
    }
  });
});
