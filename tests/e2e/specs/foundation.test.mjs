// A reader opens the demo blog: the list, a post, deep links and reloads,
// at the site root and under a sub-path, on a static server with no rewrites.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite, serveStatic, launchBrowser, openPage, screenshot, readManifest, postPath, waitForApp, markDocument, isSameDocument, firstWordsOfBody } from '../harness.mjs';

for (const basePath of ['/', '/blog/']) {
  describe(`the demo blog served at ${basePath}`, () => {
    let site, server, browser, manifest;

    before(async () => {
      site = buildSite({ basePath });
      server = await serveStatic(site.root);
      browser = await launchBrowser();
      manifest = readManifest(site.siteDir);
    });

    after(async () => {
      await browser?.close();
      server?.stop();
    });

    it('[app] lists every demo post, newest first', async () => {
      const page = await openPage(browser);
      await page.goto(server.origin + basePath);
      await waitForApp(page);
      const titles = await page.locator('#folio-app .post-card-title').allTextContents();
      assert.equal(titles.length, 13);
      assert.deepEqual(titles, manifest.posts.map((p) => p.title));
      const dates = await page.locator('.post-card time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
      const sorted = [...dates].sort().reverse();
      assert.deepEqual(dates, sorted, 'cards are in date order, newest first');
      assert.deepEqual(page.errors, []);
      if (basePath === '/') await screenshot(page, 'home-1280-light');
    });

    it('[app] opens a post from the list in the page and shows its rendered text', async () => {
      const page = await openPage(browser);
      await page.goto(server.origin + basePath);
      await waitForApp(page);
      await markDocument(page);
      const bundle = manifest.posts.find((p) => p.slug === '2023-seoul-walk');
      await page.getByRole('link', { name: bundle.title, exact: true }).click();
      await page.waitForURL(server.origin + postPath(basePath, bundle.slug));
      await assertPostShown(page, site, bundle);
      assert.ok(await isSameDocument(page), 'the app navigated without loading a document');
      await page.waitForFunction((title) => document.title.startsWith(title), bundle.title);
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new heading');
      // The page bundle's relative image resolves against the post's folder.
      const image = page.locator('.post-body figure img');
      await image.waitFor();
      assert.equal(await image.evaluate((img) => img.complete && img.naturalWidth > 0), true);
      assert.equal(await page.locator('.post-body figcaption').textContent(), '북촌, 아침 여덟 시');
      assert.deepEqual(page.errors, []);
      if (basePath === '/') await screenshot(page, 'post-ko-1280-light');
    });

    it('[app] opens every post by deep link and again after a reload', async () => {
      const page = await openPage(browser);
      for (const post of manifest.posts) {
        await page.goto(server.origin + postPath(basePath, post.slug));
        await waitForApp(page);
        await assertPostShown(page, site, post);
      }
      const korean = manifest.posts.find((p) => p.slug === '회고-2024');
      await page.goto(server.origin + postPath(basePath, korean.slug));
      await page.reload();
      await waitForApp(page);
      await assertPostShown(page, site, korean);
      assert.deepEqual(page.errors, []);
    });
  });
}

/** The app shows the post: its title is the heading and its first paragraph is in the body. */
async function assertPostShown(page, site, post) {
  await page.locator('#folio-app h1.post-title').waitFor();
  assert.equal(await page.locator('#folio-app h1.post-title').textContent(), post.title);
  await page.locator('#folio-app .post-body').waitFor();
  const firstWords = firstWordsOfBody(site.siteDir, post);
  const text = await page.locator('#folio-app .post-body').textContent();
  assert.ok(text.includes(firstWords), `post ${post.slug} shows “${firstWords}”`);
}
