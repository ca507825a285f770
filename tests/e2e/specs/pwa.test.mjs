// Installable and readable offline: Chromium reports the site installable,
// read posts open with the network gone, unread ones say so kindly, and a new
// deploy is offered as an update that shows the new text.

import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildSite, serveStatic, launchBrowser, openPage, readManifest, postPath, demoContent, repoRoot, waitForApp, appBroken, breakApp } from '../harness.mjs';

async function waitForWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

for (const basePath of ['/', '/blog/']) {
  it(`[app] is installable at ${basePath}`, async () => {
    const site = buildSite({ basePath });
    const server = await serveStatic(site.root);
    const browser = await launchBrowser();
    try {
      const page = await openPage(browser);
      await page.goto(server.origin + basePath);
      await waitForApp(page);
      await waitForWorker(page);
      const cdp = await browser.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, []);
      const webManifest = JSON.parse(fs.readFileSync(path.join(site.siteDir, 'manifest.webmanifest'), 'utf8'));
      assert.equal(webManifest.start_url, basePath);
      assert.equal(webManifest.scope, basePath);
    } finally {
      await browser.close();
      server.stop();
    }
  });
}

describe('reading offline', () => {
  let site, server, browser, manifest, content;

  before(async () => {
    // A copy of the demo content, so a second deploy can change a post.
    content = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-content-'));
    fs.cpSync(demoContent, content, { recursive: true });
    site = buildSite({ content, basePath: '/blog/' });
    server = await serveStatic(site.root, { notFoundPage: path.join(site.siteDir, '404.html') });
    browser = await launchBrowser();
    manifest = readManifest(site.siteDir);
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  // A failed test must not leave the next one offline.
  afterEach(() => browser.setOffline(false));

  it('[app] opens read posts offline, explains unread ones, and recovers when back online', async () => {
    const page = await openPage(browser);
    const [first, second, unread] = manifest.posts;
    await page.goto(server.origin + '/blog/');
    await waitForApp(page);
    await waitForWorker(page);
    for (const post of [first, second]) {
      await page.goto(server.origin + postPath('/blog/', post.slug));
      // The prerendered post is adopted; the app then fetches its body once,
      // in the background, so the worker keeps it for offline reading.
      await waitForApp(page);
      await page.waitForLoadState('networkidle');
    }

    await browser.setOffline(true);
    await page.goto(server.origin + '/blog/');
    await waitForApp(page);
    await page.getByText('오프라인 상태입니다').waitFor();
    assert.equal(await page.locator('#folio-app .post-card').count(), manifest.posts.length);
    await page.waitForFunction(() => document.querySelectorAll('#folio-app .post-card .saved-mark').length === 2);
    assert.equal(await page.locator('#folio-app .post-card .saved-mark').count(), 2, 'the two read posts are marked');
    for (const post of [first, second]) {
      await page.goto(server.origin + postPath('/blog/', post.slug));
      await page.locator('#folio-app .post-body').waitFor();
      assert.equal(await page.locator('h1.post-title').textContent(), post.title);
    }
    await page.goto(server.origin + postPath('/blog/', unread.slug));
    await page.getByRole('alert').getByText('오프라인에서 읽을 수 없음').waitFor();

    await browser.setOffline(false);
    await page.locator('#folio-app .post-body').waitFor();
    assert.ok((await page.locator('#folio-app .post-body').textContent()).length > 100);
    assert.deepEqual(page.errors, []);
  });

  it('[app] keeps what the very first visit read, so the post opens offline after a reload', async () => {
    // A new profile: no worker yet, nothing cached; the post is opened directly.
    const fresh = await launchBrowser();
    try {
      const page = await openPage(fresh);
      const post = manifest.posts[3];
      await page.goto(server.origin + postPath('/blog/', post.slug));
      await waitForApp(page);
      await waitForWorker(page);
      // What the page fetched before the worker ran is fetched again through
      // it: the list, the chunk of cards and the post's page (its body data).
      await page.waitForFunction(async (hash) => {
        const keys = await (await caches.open('folio-posts')).keys();
        const data = await (await caches.open('folio-data')).keys();
        return keys.some((request) => request.url.endsWith(`/?v=${hash}`))
          && keys.some((request) => /\/list\/\d+\.json\?v=/.test(request.url))
          && data.some((request) => request.url.endsWith('/manifest.json'));
      }, post.hash);
      await page.waitForLoadState('networkidle');
      await fresh.setOffline(true);
      await page.reload();
      await page.locator('#folio-app .post-body').waitFor();
      assert.equal(await page.locator('h1.post-title').textContent(), post.title);
      assert.ok((await page.locator('#folio-app .post-body').textContent()).length > 100);
      await page.getByText('오프라인 상태입니다').waitFor();
    } finally {
      await fresh.setOffline(false);
      await fresh.close();
    }
  });

  it('[app] saves every post for offline reading with visible progress', async () => {
    const page = await openPage(browser);
    await page.goto(server.origin + '/blog/');
    await waitForApp(page);
    await waitForWorker(page);
    // Slow the bodies (posts' pages) and images down so the progress can be seen.
    const isBodyOrImage = (url) => url.pathname.includes('/content/') || (url.pathname.includes('/posts/') && url.searchParams.has('v'));
    await browser.route(isBodyOrImage, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      await route.continue();
    });
    await page.getByRole('button', { name: '이 글들을 오프라인에서 읽도록 저장' }).click();
    await page.getByRole('progressbar', { name: '오프라인에서 읽도록 저장하는 중' }).waitFor();
    await page.getByText(/\d+개 중 \d+개 저장 중…/).waitFor();
    await page.locator('.list-tools .saved-mark', { hasText: '오프라인에서 읽을 수 있음' }).waitFor();
    await browser.unroute(isBodyOrImage);
    assert.equal(await page.locator('.post-card .saved-mark').count(), manifest.posts.length);
    await browser.setOffline(true);
    const last = manifest.posts.at(-1);
    await page.goto(server.origin + postPath('/blog/', last.slug));
    await page.locator('#folio-app .post-body').waitFor();
    await browser.setOffline(false);
  });

  it('[app] never keeps an error response as if it were content', async () => {
    const page = await openPage(browser);
    await page.goto(server.origin + '/blog/');
    await waitForApp(page);
    await waitForWorker(page);
    const status = await page.evaluate(async () => (await fetch('/blog/content/missing.md?v=1')).status);
    assert.equal(status, 404);
    await browser.setOffline(true);
    const offline = await page.evaluate(async () => {
      try { return (await fetch('/blog/content/missing.md?v=1')).status; } catch { return 'network error'; }
    });
    await browser.setOffline(false);
    assert.equal(offline, 'network error');
  });

  it('[app] offers a new deploy of the app as an update, reloads into it and leaves no old caches', async () => {
    const page = await openPage(browser);
    const post = manifest.posts.find((p) => p.slug === 'hello-folio');
    await page.goto(server.origin + postPath('/blog/', post.slug));
    await waitForApp(page);
    await page.locator('#folio-app .post-body').waitFor();
    await waitForWorker(page);
    const cachesBefore = await page.evaluate(() => caches.keys());

    // The second deploy changes the app bundle itself (its stylesheet) and a post.
    const app = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-app-v2-'));
    fs.cpSync(path.join(repoRoot, 'target/folio-app'), app, { recursive: true });
    // As Trunk would write it: new content under a new hashed name.
    const css = fs.readdirSync(app).find((f) => f.endsWith('.css'));
    const renamed = css.replace(/-[0-9a-f]{16}\.css$/, '-5ec0d5ec0d5ec0d5.css');
    assert.notEqual(renamed, css);
    fs.renameSync(path.join(app, css), path.join(app, renamed));
    fs.appendFileSync(path.join(app, renamed), '\n:root { --folio-deploy: "second"; }\n');
    const template = path.join(app, 'index.html');
    const integrity = (file) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(app, file))).digest('base64')}`;
    const oldIntegrity = `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(repoRoot, 'target/folio-app', css))).digest('base64')}`;
    fs.writeFileSync(template, fs.readFileSync(template, 'utf8').replaceAll(css, renamed).replaceAll(oldIntegrity, integrity(renamed)));
    const file = path.join(content, '2021-04-10-hello-folio.md');
    const marker = 'This sentence arrived with the second deploy.';
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8') + `\n\n${marker}\n`);
    execFileSync(path.join(repoRoot, 'target/debug/folio'), ['build', '--content', content, '--out', site.siteDir,
      '--base-path', '/blog/', '--app-dir', app], { stdio: 'ignore', env: { ...process.env, FOLIO_APP_DIR: '' } });
    if (appBroken) breakApp(site.siteDir);

    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.getByText('이 블로그의 새 버전이 있습니다.').waitFor();
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '새로 고침' }).click()]);
    await waitForApp(page);
    await page.locator('#folio-app .post-body').waitFor();
    assert.ok((await page.locator('#folio-app .post-body').textContent()).includes(marker));
    const deploy = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--folio-deploy').trim());
    assert.equal(deploy, '"second"', 'the new app bundle is running');

    // The old deploy's shell and pages are gone; only this deploy's remain.
    const cachesAfter = await page.evaluate(() => caches.keys());
    const shells = cachesAfter.filter((name) => name.startsWith('folio-shell-'));
    const pages = cachesAfter.filter((name) => name.startsWith('folio-pages-'));
    assert.equal(shells.length, 1, `one shell cache: ${cachesAfter}`);
    assert.ok(pages.length <= 1, `at most one page cache: ${cachesAfter}`);
    for (const old of cachesBefore.filter((name) => name.startsWith('folio-shell-') || name.startsWith('folio-pages-'))) {
      assert.ok(!cachesAfter.includes(old), `old cache ${old} was deleted`);
    }
  });
});
