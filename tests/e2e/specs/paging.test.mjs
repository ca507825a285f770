// Long lists in pages: 45 posts make three pages of the home page and two of
// a tag's, as real folders with JavaScript off and as app navigation with it
// on, through back and forward across pages and filters. With 230 posts, the
// cards come in three chunks, each fetched only when a page shows it, and
// the timeline reads one file of titles.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite, serveStatic, launchBrowser, openPage, readManifest, waitForApp, markDocument, isSameDocument } from '../harness.mjs';

const POSTS = 45;

/**
 * `count` English posts, one a day; every third is tagged `third`, the
 * others `rest`, and the `oldest` first ones `old` too.
 */
function writeContent(count = POSTS, oldest = 0) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-paging-'));
  fs.writeFileSync(path.join(dir, 'folio.toml'), 'title = "Many posts"\nlang = "en"\n');
  for (let n = 1; n <= count; n++) {
    const day = new Date(Date.UTC(2024, 0, n)).toISOString().slice(0, 10);
    const tags = `[${n % 3 === 0 ? 'third' : 'rest'}${n <= oldest ? ', old' : ''}]`;
    fs.writeFileSync(path.join(dir, `post-${n}.md`), `---\ntitle: Post number ${n}\ndate: ${day}\ntags: ${tags}\n---\n\nThe text of post ${n}.\n`);
  }
  return dir;
}

const titles = (page) => page.locator('.post-card-title').allTextContents();

describe('paged lists', () => {
  let server, manifest;
  const newestFirst = (filter = () => true) => manifest.posts.filter(filter).map((p) => p.title);

  before(async () => {
    const site = buildSite({ content: writeContent() });
    manifest = readManifest(site.siteDir);
    assert.equal(manifest.posts.length, POSTS);
    server = await serveStatic(site.root, { notFoundPage: path.join(site.siteDir, '404.html') });
  });

  after(() => server?.stop());

  it('[static] pages through the list and a tag with JavaScript off', async () => {
    const browser = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await openPage(browser);
      await page.goto(server.origin + '/');
      assert.deepEqual(await titles(page), newestFirst().slice(0, 20));
      const pagination = page.getByRole('navigation', { name: 'Pagination' });
      assert.deepEqual(await pagination.locator('li').allTextContents(), ['1', '2', '3']);
      await pagination.getByRole('link', { name: 'Page 2' }).click();
      await page.waitForURL(server.origin + '/page/2/');
      assert.deepEqual(await titles(page), newestFirst().slice(20, 40));
      assert.equal(await page.title(), 'Page 2 · Many posts');
      await pagination.getByRole('link', { name: 'Next' }).click();
      await page.waitForURL(server.origin + '/page/3/');
      assert.deepEqual(await titles(page), newestFirst().slice(40));
      assert.equal(await pagination.getByRole('link', { name: 'Next' }).count(), 0, 'no next on the last page');

      const rest = newestFirst((p) => p.tags.includes('rest'));
      await page.goto(server.origin + '/tags/rest/page/2/');
      assert.deepEqual(await titles(page), rest.slice(20));
      await pagination.getByRole('link', { name: 'Previous' }).click();
      await page.waitForURL(server.origin + '/tags/rest/');
      assert.deepEqual(await titles(page), rest.slice(0, 20));

      const missing = await page.goto(server.origin + '/page/4/');
      assert.equal(missing.status(), 404, 'no page past the last');
    } finally {
      await browser.close();
    }
  });

  it('[app] pages and filters in the app, back and forward included, keeping cards in place', async () => {
    const browser = await launchBrowser();
    try {
      const page = await openPage(browser);
      await page.goto(server.origin + '/');
      await waitForApp(page);
      await markDocument(page);
      const pagination = page.getByRole('navigation', { name: 'Pagination' });

      await pagination.getByRole('link', { name: 'Page 2' }).click();
      await page.waitForURL(server.origin + '/page/2/');
      await page.waitForFunction((first) => document.querySelector('.post-card-title')?.textContent === first, newestFirst()[20]);
      assert.deepEqual(await titles(page), newestFirst().slice(20, 40));
      assert.equal(await pagination.locator('[aria-current="page"]').textContent(), '2');
      assert.equal(await page.title(), 'Page 2 · Many posts');

      // A tag chip starts its list at page 1; a card shown before and after
      // the change is the same element (the list is keyed, not rebuilt).
      const thirds = newestFirst((p) => p.tags.includes('third'));
      const kept = thirds.find((title) => newestFirst().slice(20, 40).includes(title));
      await page.locator('.post-card').filter({ hasText: kept }).evaluate((card) => { card.dataset.mark = 'kept'; });
      await page.locator('.chip-row').getByRole('link', { name: /#third/ }).click();
      await page.waitForURL(server.origin + '/tags/third/');
      await page.waitForFunction((count) => document.querySelectorAll('.post-card').length === count, 15);
      assert.deepEqual(await titles(page), thirds);
      assert.equal(await page.locator('.post-card[data-mark="kept"] .post-card-title').textContent(), kept);
      assert.equal(await pagination.count(), 0, 'one page needs no pagination');

      await page.goBack();
      await page.waitForURL(server.origin + '/page/2/');
      await page.waitForFunction((first) => document.querySelector('.post-card-title')?.textContent === first, newestFirst()[20]);
      assert.deepEqual(await titles(page), newestFirst().slice(20, 40));
      await page.goBack();
      await page.waitForURL(server.origin + '/');
      await page.waitForFunction((first) => document.querySelector('.post-card-title')?.textContent === first, newestFirst()[0]);
      await page.goForward();
      await page.waitForURL(server.origin + '/page/2/');
      await page.waitForFunction((first) => document.querySelector('.post-card-title')?.textContent === first, newestFirst()[20]);
      assert.ok(await isSameDocument(page), 'every change was the app’s, without a document load');

      // A page opened directly is adopted as it was prerendered.
      await page.goto(server.origin + '/page/3/');
      await waitForApp(page);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'adopted');
      assert.deepEqual(await titles(page), newestFirst().slice(40));
      assert.deepEqual(page.errors, []);
    } finally {
      await browser.close();
    }
  });
});

describe('cards in chunks', () => {
  let server, manifest;
  const COUNT = 230;

  before(async () => {
    const site = buildSite({ content: writeContent(COUNT, 10) });
    manifest = readManifest(site.siteDir);
    assert.equal(manifest.cards.hashes.length, 3, 'three chunks of cards');
    server = await serveStatic(site.root, { notFoundPage: path.join(site.siteDir, '404.html') });
  });

  after(() => server?.stop());

  it('[app] fetches a chunk that failed offline again by itself once back online', async () => {
    const browser = await launchBrowser();
    try {
      const page = await openPage(browser);
      await page.goto(server.origin + '/');
      await waitForApp(page);
      await browser.setOffline(true);
      await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Page 12' }).click();
      await page.waitForURL(server.origin + '/page/12/');
      await page.getByRole('alert').getByText('Not available offline').waitFor();
      await browser.setOffline(false);
      await page.waitForFunction((first) => document.querySelector('.post-card-title')?.textContent === first, manifest.posts[220].title);
      assert.deepEqual(await titles(page), manifest.posts.slice(220).map((p) => p.title));
      assert.equal(await page.getByRole('alert').count(), 0);
    } finally {
      await browser.setOffline(false);
      await browser.close();
    }
  });

  it('[app] fetches only the chunks a page shows, and says when one fails, with a retry', async () => {
    const browser = await launchBrowser();
    try {
      const page = await openPage(browser);
      // Which chunks were fetched (by the page, or again by the service worker).
      const fetched = new Set();
      let titlesFetched = false;
      const chunks = () => [...fetched].sort();
      page.on('request', (request) => {
        const match = new URL(request.url()).pathname.match(/^\/list\/(\d+)\.json$/);
        if (match) fetched.add(Number(match[1]));
        if (new URL(request.url()).pathname === '/list/titles.json') titlesFetched = true;
      });
      await page.goto(server.origin + '/');
      await waitForApp(page);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'adopted');
      await markDocument(page);
      assert.deepEqual(chunks(), [0], 'the first page needs the first chunk only');

      // The last page's cards are in the last chunk.
      const pagination = page.getByRole('navigation', { name: 'Pagination' });
      await pagination.getByRole('link', { name: 'Page 12' }).click();
      await page.waitForURL(server.origin + '/page/12/');
      await page.waitForFunction((first) => document.querySelector('.post-card-title')?.textContent === first, manifest.posts[220].title);
      assert.deepEqual(await titles(page), manifest.posts.slice(220).map((p) => p.title));
      assert.deepEqual(chunks(), [0, 2]);

      // A chunk that cannot be fetched: the cards stay, an alert says why, and
      // Try again fetches it.
      await browser.route('**/list/1.json*', (route) => route.fulfill({ status: 503, body: 'busy' }));
      await pagination.getByRole('link', { name: 'Page 10' }).click();
      await page.waitForURL(server.origin + '/page/10/');
      const alert = page.getByRole('alert');
      await alert.getByText('the list of posts').waitFor();
      await browser.unroute('**/list/1.json*');
      await alert.getByRole('button', { name: 'Try again' }).click();
      await page.waitForFunction((first) => document.querySelector('.post-card-title')?.textContent === first, manifest.posts[180].title);
      assert.deepEqual(await titles(page), manifest.posts.slice(180, 200).map((p) => p.title));
      assert.equal(await page.getByRole('alert').count(), 0);

      // A pointer over a chip fetches the cards its list starts with, so the
      // click finds them at hand: `#old` is the ten oldest posts, in the last chunk.
      await page.goto(server.origin + '/');
      await waitForApp(page);
      await markDocument(page);
      fetched.clear();
      const old = page.locator('.chip-row').getByRole('link', { name: /#old/ });
      await Promise.all([
        page.waitForRequest((request) => new URL(request.url()).pathname === '/list/2.json'),
        old.hover(),
      ]);
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/list/2.json') && e.responseEnd > 0));
      fetched.clear();
      await old.click();
      await page.waitForURL(server.origin + '/tags/old/');
      await page.waitForFunction((first) => document.querySelector('.post-card-title')?.textContent === first, manifest.posts[220].title);
      assert.deepEqual(await titles(page), manifest.posts.slice(220).map((p) => p.title));
      assert.deepEqual(chunks(), [], 'the click fetched nothing more');

      // The timeline names every post by title: one file of titles, no cards.
      fetched.clear();
      await page.getByRole('navigation').getByRole('link', { name: 'Timeline' }).first().click();
      await page.waitForURL(server.origin + '/timeline/');
      await page.waitForFunction((count) => document.querySelectorAll('.timeline-months a').length === count, COUNT);
      assert.deepEqual(
        await page.locator('.timeline-months a').evaluateAll((links) => links.map((a) => a.textContent)),
        manifest.posts.map((p) => p.title),
      );
      assert.deepEqual(chunks(), [], 'no chunk of cards for the timeline');
      assert.ok(titlesFetched, 'the titles were fetched');
      assert.ok(await isSameDocument(page), 'every change was the app’s');
      assert.deepEqual(page.errors.filter((e) => !/503|Service Unavailable/.test(e)), []);
    } finally {
      await browser.close();
    }
  });
});
