// A clean console: every kind of page of the demo, and a post whose images
// are missing from the content folder, load and run without a single console
// error or warning (Lighthouse's best-practices audit counts them).

import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite, serveStatic, launchBrowser, openPage, readManifest, postPath, waitForApp } from '../harness.mjs';

it('[app] logs no console error or warning on any kind of page, missing images included', async () => {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-console-'));
  fs.writeFileSync(path.join(content, '2024-02-02-gone.md'),
    '---\ntitle: Photos that went missing\n---\nBefore.\n\n![부두의 저녁](harbour.jpg)\n\n![](nameless.png)\n\nAfter.\n');
  const sites = [buildSite({ basePath: '/' }), buildSite({ content, basePath: '/' })];
  const browser = await launchBrowser();
  try {
    for (const site of sites) {
      const server = await serveStatic(site.root, { notFoundPage: path.join(site.siteDir, '404.html') });
      try {
        const manifest = readManifest(site.siteDir);
        const post = manifest.posts[0];
        const tag = manifest.posts.flatMap((p) => p.tags)[0];
        const routes = ['/', postPath('/', post.slug), '/tags/', '/timeline/', `/years/${post.local_date.year}/`,
          ...(tag ? [`/tags/${encodeURIComponent(tag)}/`] : []), '/no/such/page'];
        for (const route of routes) {
          const page = await openPage(browser);
          const messages = [];
          page.on('console', (message) => {
            if (['error', 'warning'].includes(message.type())) messages.push(`${message.type()}: ${message.text()}`);
          });
          const response = await page.goto(server.origin + route);
          await waitForApp(page);
          await page.waitForLoadState('networkidle');
          // The not-found page answers 404 by design; the browser logs that status for the document itself.
          const expected = response.status() === 404 ? messages.filter((m) => !m.includes('404')) : messages;
          assert.deepEqual(expected, [], `${route} of ${site.siteDir}`);
          await page.close();
        }
      } finally {
        server.stop();
      }
    }
  } finally {
    await browser.close();
  }
});
