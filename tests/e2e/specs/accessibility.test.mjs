// Everyone can read: an axe-core audit of every kind of page in both themes,
// keyboard use, focus after navigation, no sideways scrolling on a 320 px
// phone, and screenshots of each page at phone and desktop widths.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { createRequire } from 'node:module';
import { buildSite, serveStatic, launchBrowser, openPage, matchesBaseline, readManifest, postPath, waitForApp } from '../harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

describe('accessibility and layout', () => {
  let site, server, manifest, pages;

  before(async () => {
    site = buildSite({ basePath: '/' });
    // Served from the site itself, axe is a script the Content-Security-Policy allows.
    fs.writeFileSync(path.join(site.siteDir, 'axe.min.js'), axeSource);
    server = await serveStatic(site.root, { notFoundPage: path.join(site.siteDir, '404.html') });
    manifest = readManifest(site.siteDir);
    const korean = manifest.posts.find((p) => p.slug === '2023-seoul-walk');
    const english = manifest.posts.find((p) => p.slug === 'footnotes-and-tables');
    pages = {
      home: { path: '/', ready: '.post-card' },
      tag: { path: `/tags/${encodeURIComponent('회고')}/`, ready: '.post-card' },
      timeline: { path: '/timeline/', ready: '.timeline-year' },
      'post-ko': { path: postPath('/', korean.slug), ready: '.post-body' },
      'post-en': { path: postPath('/', english.slug), ready: '.post-body' },
      'not-found': { path: '/posts/missing/', ready: '.not-found' },
    };
  });

  after(() => server?.stop());

  // Light: axe loads as a file of the site, with the CSP in force (any
  // violation fails the test). Dark: axe is injected inline, which the CSP
  // rightly refuses, so that run alone bypasses it.
  for (const [colorScheme, withCsp] of [['light', true], ['dark', false]]) {
    it(`[app] passes an axe audit on every kind of page in the ${colorScheme} theme${withCsp ? ', with the CSP in force' : ''}`, async () => {
      const browser = await launchBrowser({ colorScheme, bypassCSP: !withCsp });
      try {
        const page = await openPage(browser);
        for (const [name, { path: route, ready }] of Object.entries(pages)) {
          await page.goto(server.origin + route);
          // Audit the app's page, once it has taken over from the prerendered copy.
          await waitForApp(page);
          await page.locator(`#folio-app ${ready}`).first().waitFor();
          await page.waitForFunction(() => document.title !== '');
          await page.addScriptTag(withCsp ? { url: '/axe.min.js' } : { content: axeSource });
          const result = await page.evaluate(async () => {
            const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
            return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
          });
          assert.deepEqual(result, [], `${name} in ${colorScheme}`);
          assert.equal(await page.locator('h1').count(), 1, `${name} has one h1`);
          for (const landmark of ['header', 'nav', 'main', 'footer']) {
            assert.ok(await page.locator(landmark).count() >= 1, `${name} has <${landmark}>`);
          }
        }
      } finally {
        await browser.close();
      }
    });
  }

  it('[app] is usable by keyboard: skip link, focus moves to the new page heading, theme toggle', async () => {
    const browser = await launchBrowser();
    try {
      const page = await openPage(browser);
      await page.goto(server.origin + '/');
      await waitForApp(page);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), '본문으로 건너뛰기');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

      // Open a post with the keyboard; focus lands on its heading and the title is announced.
      const first = manifest.posts[0];
      await page.getByRole('link', { name: first.title, exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(server.origin + postPath('/', first.slug));
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), first.title);
      await page.waitForFunction((title) => document.querySelector('[role=status]')?.textContent.startsWith(title), first.title);

      // The theme toggle is a pressed/unpressed button; the choice survives a reload with no flash.
      const toggle = page.getByRole('button', { name: '어두운 테마' });
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      await toggle.focus();
      await page.keyboard.press('Enter');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      await page.reload({ waitUntil: 'commit' });
      await page.waitForFunction(() => document.readyState !== 'loading');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'dark before the app starts');
      await page.locator('.post-body').waitFor();
      // The prerendered button cannot know the reader's choice; the app marks it.
      await waitForApp(page);
      assert.equal(await page.getByRole('button', { name: '어두운 테마' }).getAttribute('aria-pressed'), 'true');
    } finally {
      await browser.close();
    }
  });

  it('[app] never scrolls sideways on a 320 px phone, and keeps touch targets large', async () => {
    const browser = await launchBrowser({ viewport: { width: 320, height: 640 } });
    try {
      const page = await openPage(browser);
      for (const [name, { path: route, ready }] of Object.entries(pages)) {
        await page.goto(server.origin + route);
        await waitForApp(page);
        await page.locator(`#folio-app ${ready}`).first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} overflows by ${overflow}px`);
      }
      await page.goto(server.origin + '/');
      await waitForApp(page);
      await page.locator('#folio-app .chip').first().waitFor();
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('.chip, .site-header nav a, .theme-toggle, .button')]
          .filter((el) => el.getBoundingClientRect().height < 44)
          .map((el) => el.textContent));
      assert.deepEqual(small, []);
    } finally {
      await browser.close();
    }
  });

  it('[app] looks as reviewed: screenshots of each page at 375 and 1280 px in both themes match their baselines', async () => {
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [375, 1280]) {
        // No service worker: whether a post shows as saved would depend on timing.
        const browser = await launchBrowser({ colorScheme, serviceWorkers: 'block', viewport: { width, height: width === 375 ? 812 : 900 } });
        try {
          const page = await openPage(browser);
          for (const name of ['home', 'timeline', 'post-ko', 'post-en']) {
            const { path: route, ready } = pages[name];
            await page.goto(server.origin + route);
            await waitForApp(page);
            await page.locator(`#folio-app ${ready}`).first().waitFor();
            await page.evaluate(() => document.fonts.ready);
            await matchesBaseline(page, `${name}-${width}-${colorScheme}`);
          }
        } finally {
          await browser.close();
        }
      }
    }
  });
});

it('[app] passes an axe audit on a post whose images are missing, in both themes', async () => {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-missing-'));
  fs.writeFileSync(path.join(content, '2024-02-02-gone.md'),
    '---\ntitle: Photos that went missing\n---\nBefore.\n\n![부두의 저녁](harbour.jpg)\n\n![](nameless.png)\n\nAfter.\n');
  const site = buildSite({ content, basePath: '/' });
  const server = await serveStatic(site.root);
  try {
    for (const colorScheme of ['light', 'dark']) {
      const browser = await launchBrowser({ colorScheme, bypassCSP: true });
      try {
        const page = await openPage(browser);
        await page.goto(server.origin + postPath('/', 'gone'));
        await waitForApp(page);
        assert.equal(await page.locator('.post-body .post-image.is-broken[role="img"][aria-label]').count(), 2);
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(async () => {
          const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
          return violations.map((v) => `${v.id}: ${v.help}`);
        });
        assert.deepEqual(result, [], colorScheme);
      } finally {
        await browser.close();
      }
    }
  } finally {
    server.stop();
  }
});
