// Any static host: the content may live on another origin (a bucket with
// CORS), every route kind opens by deep link and reload under a sub-path.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildSite, serveStatic, launchBrowser, openPage, readManifest, postPath, freePort, repoRoot, waitForApp, markDocument, isSameDocument, firstWordsOfBody } from '../harness.mjs';

describe('content served from another origin', () => {
  let appServer, contentServer, browser, manifest;

  before(async () => {
    const contentPort = await freePort();
    const contentOrigin = `http://127.0.0.1:${contentPort}`;
    const site = buildSite({ basePath: '/', extraArgs: ['--content-url', `${contentOrigin}/`] });
    manifest = readManifest(site.siteDir);
    // The bucket gets the manifest, the cards and content; the app's host keeps everything else.
    const bucket = fs.mkdtempSync(path.join(path.dirname(site.root), 'folio-bucket-'));
    fs.renameSync(path.join(site.siteDir, 'manifest.json'), path.join(bucket, 'manifest.json'));
    fs.renameSync(path.join(site.siteDir, 'list'), path.join(bucket, 'list'));
    fs.renameSync(path.join(site.siteDir, 'content'), path.join(bucket, 'content'));
    contentServer = await serveStatic(bucket, { cors: true, port: contentPort });
    appServer = await serveStatic(site.root);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    appServer?.stop();
    contentServer?.stop();
  });

  it('[app] fetches the list and a post from the content origin, and reads them offline', async () => {
    const page = await openPage(browser);
    const fetched = [];
    page.on('requestfinished', (request) => {
      if (request.url().startsWith(contentServer.origin)) fetched.push(new URL(request.url()).pathname);
    });
    await page.goto(appServer.origin + '/');
    await waitForApp(page);
    assert.equal(await page.locator('#folio-app .post-card').count(), manifest.posts.length);
    assert.ok(fetched.includes('/manifest.json'), 'the app fetched the manifest across origins');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    await markDocument(page);
    const post = manifest.posts.find((p) => p.slug === '2023-seoul-walk');
    await page.getByRole('link', { name: post.title, exact: true }).click();
    const image = page.locator('#folio-app .post-body figure img');
    await image.waitFor();
    assert.ok(await isSameDocument(page));
    // The body comes from the post's own page on the site; its image from the content origin.
    assert.ok(fetched.some((p) => p.startsWith('/content/')), 'the app fetched the image across origins');
    assert.ok(!fetched.some((p) => p.startsWith('/posts/')), 'no page was asked of the content origin');
    assert.ok((await image.getAttribute('src')).startsWith(contentServer.origin));
    await image.evaluate((img) => img.complete || new Promise((resolve) => { img.onload = resolve; img.onerror = resolve; }));
    assert.equal(await image.evaluate((img) => img.naturalWidth > 0), true);

    // Offline, the post read from the other origin opens again from the worker's cache.
    await browser.setOffline(true);
    try {
      await page.reload();
      await waitForApp(page);
      await page.locator('#folio-app .post-body p').first().waitFor();
      assert.equal(await page.locator('#folio-app h1').textContent(), post.title);
    } finally {
      await browser.setOffline(false);
    }
    assert.deepEqual(page.errors, []);
  });
});

describe('every route kind under a sub-path', () => {
  let site, server, browser, manifest;

  before(async () => {
    site = buildSite({ basePath: '/blog/' });
    server = await serveStatic(site.root);
    browser = await launchBrowser();
    manifest = readManifest(site.siteDir);
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  it('[app] opens home, a post, the tag index, a Korean tag, the timeline and a year by deep link and reload', async () => {
    const page = await openPage(browser);
    const routes = [
      ['/blog/', '모든 글'],
      [postPath('/blog/', '회고-2024'), manifest.posts.find((p) => p.slug === '회고-2024').title],
      ['/blog/tags/', '태그'],
      [`/blog/tags/${encodeURIComponent('여행')}/`, '#여행'],
      ['/blog/timeline/', '타임라인'],
      ['/blog/years/2023/', '2023년의 글'],
      ['/blog/404.html', '페이지를 찾을 수 없습니다'],
    ];
    for (const [route, heading] of routes) {
      await page.goto(server.origin + route);
      await waitForApp(page);
      await page.locator('#folio-app h1').filter({ hasText: heading }).waitFor();
      await page.reload();
      await waitForApp(page);
      await page.locator('#folio-app h1').filter({ hasText: heading }).waitFor();
    }
    assert.deepEqual(page.errors, []);
  });
});

describe('readable before the app loads', () => {
  let site, server, manifest;

  before(async () => {
    site = buildSite({ basePath: '/blog/' });
    server = await serveStatic(site.root, { notFoundPage: path.join(site.siteDir, '404.html') });
    manifest = readManifest(site.siteDir);
  });

  after(() => server?.stop());

  it('[static] lets a reader with JavaScript off read every post and follow every link', async () => {
    const browser = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await openPage(browser);
      await page.goto(server.origin + '/blog/');
      const titles = await page.locator('#folio-root .post-card-title').allTextContents();
      assert.deepEqual(titles, manifest.posts.map((p) => p.title));
      for (const post of manifest.posts) {
        await page.goto(server.origin + '/blog/');
        await page.locator('#folio-root').getByRole('link', { name: post.title, exact: true }).click();
        await page.waitForURL(server.origin + postPath('/blog/', post.slug));
        assert.equal(await page.locator('h1').textContent(), post.title);
        const words = firstWordsOfBody(site.siteDir, post);
        assert.ok((await page.locator('.post-body').textContent()).includes(words), `${post.slug} is readable`);
      }
      // The table of contents is open beside the text.
      await page.goto(server.origin + postPath('/blog/', 'footnotes-and-tables'));
      assert.equal(await page.locator('details.toc[open]').count(), 1);
      await page.locator('#folio-root .tag-list a').first().click();
      const tag = (await page.locator('h1').textContent()).trim();
      assert.match(tag, /^#/);
      assert.ok(await page.locator('#folio-root .post-card').count() >= 1);
      // A year chip on a tag's page leads to that tag's posts of that year.
      const yearChip = page.locator('.chip-row[aria-label="연도로 거르기"] a').first();
      const year = (await yearChip.textContent()).trim();
      await yearChip.click();
      await page.waitForURL(new RegExp(`/blog/years/${year}/tags/`));
      assert.equal((await page.locator('h1').textContent()).trim(), `${tag} · ${year}`);
      const expected = manifest.posts.filter((p) => p.local_date.year === Number(year) && p.tags.includes(tag.slice(1)));
      assert.deepEqual(await page.locator('#folio-root .post-card-title').allTextContents(), expected.map((p) => p.title));
      assert.ok(expected.length >= 1);
      await page.locator('#folio-root').getByRole('link', { name: '타임라인' }).click();
      assert.ok(await page.locator('#folio-root .timeline-year').count() >= 4);
    } finally {
      await browser.close();
    }
  });

  it('[app] shows the post text before the WASM has loaded, and the app adopts those very nodes', async () => {
    const browser = await launchBrowser();
    try {
      const page = await openPage(browser);
      let releaseWasm;
      const wasmHeld = new Promise((resolve) => { releaseWasm = resolve; });
      await page.route('**/*.wasm', async (route) => {
        await wasmHeld;
        await route.continue();
      });
      const post = manifest.posts.find((p) => p.slug === '2023-seoul-walk');
      await page.goto(server.origin + postPath('/blog/', post.slug), { waitUntil: 'domcontentloaded' });
      const title = page.locator('h1', { hasText: post.title });
      await title.waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'the app has not started');
      const paragraph = page.locator('.post-body p').first();
      const before = { title: await title.boundingBox(), paragraph: await paragraph.boundingBox(), text: await paragraph.textContent() };
      // Mark prerendered nodes, and the document, with properties only these objects carry.
      await page.evaluate(() => {
        window.__sameDocument = true;
        document.querySelector('h1').__prerendered = 'h1';
        document.querySelector('.post-body p').__prerendered = 'p';
        document.querySelector('.site-header').__prerendered = 'header';
        document.querySelector('.tag-list a').__prerendered = 'tag';
      });

      releaseWasm();
      await waitForApp(page);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'adopted', 'hydrated, not rendered again');
      const survivors = await page.evaluate(() => [
        document.querySelector('h1').__prerendered,
        document.querySelector('.post-body p').__prerendered,
        document.querySelector('.site-header').__prerendered,
        document.querySelector('.tag-list a').__prerendered,
      ]);
      assert.deepEqual(survivors, ['h1', 'p', 'header', 'tag'], 'the same nodes, not copies');
      const after = { title: await title.boundingBox(), paragraph: await paragraph.boundingBox(), text: await paragraph.textContent() };
      assert.equal(after.text, before.text);
      assert.ok(Math.abs(after.title.y - before.title.y) <= 1, `title moved ${before.title.y} → ${after.title.y}`);
      assert.ok(Math.abs(after.paragraph.y - before.paragraph.y) <= 1, `text moved ${before.paragraph.y} → ${after.paragraph.y}`);
      assert.equal(await page.locator('h1').count(), 1, 'one h1');

      // Handlers are attached: an internal link navigates without loading a document.
      await page.locator('.tag-list a').first().click();
      await page.waitForURL(/\/blog\/tags\//);
      await page.locator('h1', { hasText: /^#/ }).waitFor();
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no document load');
      assert.equal(await page.locator('h1').count(), 1);
      assert.deepEqual(page.errors, []);
    } finally {
      await browser.close();
    }
  });

  it('[app] renders afresh, not a broken page, when the page was built from other data than the site serves', async () => {
    const browser = await launchBrowser();
    try {
      const page = await openPage(browser);
      // As after a new deploy under an old cached page: a post's card, and
      // so the chunk's hash in the manifest, has changed.
      const post = manifest.posts.find((p) => p.slug === '2023-seoul-walk');
      const index = JSON.parse(fs.readFileSync(path.join(site.siteDir, 'manifest.json'), 'utf8'));
      const chunk = Math.floor(index.posts.findIndex((key) => key[0] === post.slug) / index.cards.size);
      const cards = JSON.parse(fs.readFileSync(path.join(site.siteDir, 'list', `${chunk}.json`), 'utf8'));
      const changedCards = cards.map((p) => (p.slug === post.slug ? { ...p, title: 'A title from the new deploy' } : p));
      index.cards.hashes[chunk] = 'newdeploy';
      await page.route('**/manifest.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(index) }));
      await browser.route(`**/list/${chunk}.json?v=newdeploy*`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(changedCards) }));
      await page.goto(server.origin + postPath('/blog/', post.slug));
      await waitForApp(page);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'rendered');
      await page.locator('h1', { hasText: 'A title from the new deploy' }).waitFor();
      assert.equal(await page.locator('h1').count(), 1);
      await page.locator('.post-body p').first().waitFor();
      assert.deepEqual(page.errors, []);
    } finally {
      await browser.close();
    }
  });

  it('[app] shows, once the app has started, the very markup the folio command rendered', async () => {
    const browser = await launchBrowser();
    try {
      const page = await openPage(browser);
      const routes = ['/blog/', '/blog/tags/', '/blog/timeline/', postPath('/blog/', '2023-seoul-walk'), '/blog/404.html'];
      for (const route of routes) {
        const file = path.join(site.siteDir, decodeURIComponent(route.replace(/^\/blog\//, '')), route.endsWith('/') ? 'index.html' : '');
        const written = fs.readFileSync(file, 'utf8');
        await page.goto(server.origin + route);
        await waitForApp(page);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'adopted', route);
        // Elements, classes, links and text, in order; what the browser owns
        // after adoption (open, pressed, progress, offline marks) is left out.
        const [shown, rendered] = await page.evaluate((html) => {
          const outline = (root) => [...root.querySelectorAll('*')]
            .filter((el) => !el.closest('.save-offline *, .saved-mark')).map((el) =>
            `${el.tagName}.${el.className}${el.getAttribute('href') ? ' ' + el.getAttribute('href') : ''}`
            + (el.children.length ? '' : ` "${el.textContent.trim()}"`));
          const parsed = new DOMParser().parseFromString(html, 'text/html');
          return [outline(document.getElementById('folio-root')), outline(parsed.getElementById('folio-root'))];
        }, written);
        assert.deepEqual(shown, rendered, route);
      }
      assert.deepEqual(page.errors, []);
    } finally {
      await browser.close();
    }
  });
});

describe('old addresses of imported posts', () => {
  it('[static] send the reader from a Hugo alias to the post, with JavaScript off', async () => {
    const site = buildSite({ content: path.join(repoRoot, 'tests/fixtures/generators'), basePath: '/blog/' });
    const server = await serveStatic(site.root);
    const browser = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await openPage(browser);
      await page.goto(server.origin + '/blog/2022/10/busan/');
      await page.waitForURL(server.origin + postPath('/blog/', 'trip-to-busan'));
      await page.locator('h1', { hasText: '부산 여행' }).first().waitFor();
      assert.deepEqual(page.errors, []);
    } finally {
      await browser.close();
      server.stop();
    }
  });
});

describe('covers of imported posts', () => {
  it('[app] shows each cover as a lazy thumbnail of fixed size on the cards', async () => {
    const site = buildSite({ content: path.join(repoRoot, 'tests/fixtures/generators'), basePath: '/' });
    const server = await serveStatic(site.root);
    const browser = await launchBrowser();
    try {
      const page = await openPage(browser);
      await page.goto(server.origin + '/');
      await waitForApp(page);
      const covers = page.locator('#folio-app .post-card-cover');
      assert.equal(await covers.count(), 2, 'the Hugo and Gatsby posts have covers');
      for (const cover of await covers.all()) {
        assert.equal(await cover.getAttribute('loading'), 'lazy');
        assert.ok(await cover.getAttribute('width') && await cover.getAttribute('height'), 'space is reserved');
        await cover.scrollIntoViewIfNeeded();
        await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await cover.elementHandle());
      }
      assert.deepEqual(page.errors, []);
    } finally {
      await browser.close();
      server.stop();
    }
  });
});
