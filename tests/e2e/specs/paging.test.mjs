// Long lists in pages: 45 posts make three pages of the home page and two of
// a tag's, as real folders with JavaScript off and as app navigation with it
// on, through back and forward across pages and filters.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite, serveStatic, launchBrowser, openPage, readManifest, waitForApp, markDocument, isSameDocument } from '../harness.mjs';

const POSTS = 45;

/** 45 English posts, one a day; every third is tagged `third`, the others `rest`. */
function writeContent() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-paging-'));
  fs.writeFileSync(path.join(dir, 'folio.toml'), 'title = "Many posts"\nlang = "en"\n');
  for (let n = 1; n <= POSTS; n++) {
    const day = new Date(Date.UTC(2024, 0, n)).toISOString().slice(0, 10);
    const tags = n % 3 === 0 ? '[third]' : '[rest]';
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
