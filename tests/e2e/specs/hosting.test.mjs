// Any static host: the content may live on another origin (a bucket with
// CORS), every route kind opens by deep link and reload under a sub-path.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildSite, serveStatic, launchBrowser, openPage, readManifest, postPath, freePort, repoRoot, waitForApp, markDocument, isSameDocument } from '../harness.mjs';

describe('content served from another origin', () => {
  let appServer, contentServer, browser, manifest;

  before(async () => {
    const contentPort = await freePort();
    const contentOrigin = `http://127.0.0.1:${contentPort}`;
    const site = buildSite({ basePath: '/', extraArgs: ['--content-url', `${contentOrigin}/`] });
    manifest = readManifest(site.siteDir);
    // The bucket gets the manifest and content; the app's host keeps everything else.
    const bucket = fs.mkdtempSync(path.join(path.dirname(site.root), 'folio-bucket-'));
    fs.renameSync(path.join(site.siteDir, 'manifest.json'), path.join(bucket, 'manifest.json'));
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
    assert.ok(fetched.some((p) => p.startsWith('/content/') && p.endsWith('.md')), 'the app fetched the body across origins');
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
      ['/blog/', 'All posts'],
      [postPath('/blog/', '회고-2024'), manifest.posts.find((p) => p.slug === '회고-2024').title],
      ['/blog/tags/', 'Tags'],
      [`/blog/tags/${encodeURIComponent('여행')}/`, '#여행'],
      ['/blog/timeline/', 'Timeline'],
      ['/blog/years/2023/', 'Posts from 2023'],
      ['/blog/404.html', 'Page not found'],
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
      const titles = await page.locator('#folio-static .post-card-title').allTextContents();
      assert.deepEqual(titles, manifest.posts.map((p) => p.title));
      for (const post of manifest.posts) {
        await page.goto(server.origin + '/blog/');
        await page.locator('#folio-static').getByRole('link', { name: post.title, exact: true }).click();
        await page.waitForURL(server.origin + postPath('/blog/', post.slug));
        assert.equal(await page.locator('h1').textContent(), post.title);
        const body = fs.readFileSync(path.join(site.siteDir, post.source), 'utf8');
        const words = body.split(/\n\s*\n/).map((b) => b.trim()).find((b) => /^[\p{L}]/u.test(b)).split(/[*_`[\]()]/)[0].slice(0, 12);
        assert.ok((await page.locator('.post-body').textContent()).includes(words), `${post.slug} is readable`);
      }
      await page.locator('#folio-static .tag-list a').first().click();
      assert.match(await page.locator('h1').textContent(), /^#/);
      assert.ok(await page.locator('#folio-static .post-card').count() >= 1);
      await page.locator('#folio-static').getByRole('link', { name: 'Timeline' }).click();
      assert.ok(await page.locator('#folio-static .timeline-year').count() >= 4);
    } finally {
      await browser.close();
    }
  });

  it('[app] shows the post text before the WASM has loaded, and nothing moves when the app takes over', async () => {
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
      assert.equal(await page.evaluate(() => window.wasmBindings), undefined, 'the app has not started');
      const paragraph = page.locator('.post-body p').first();
      const before = { title: await title.boundingBox(), paragraph: await paragraph.boundingBox(), text: await paragraph.textContent() };

      releaseWasm();
      await waitForApp(page);
      await page.locator('#folio-app .post-body p').first().waitFor();
      const after = { title: await title.boundingBox(), paragraph: await paragraph.boundingBox(), text: await paragraph.textContent() };
      assert.equal(after.text, before.text);
      assert.ok(Math.abs(after.title.y - before.title.y) <= 1, `title moved ${before.title.y} → ${after.title.y}`);
      assert.ok(Math.abs(after.paragraph.y - before.paragraph.y) <= 1, `text moved ${before.paragraph.y} → ${after.paragraph.y}`);
      assert.equal(await page.locator('h1').count(), 1, 'no duplicated content');
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
