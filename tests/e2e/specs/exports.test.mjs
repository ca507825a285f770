// Blogs brought from other generators, read as their authors wrote them:
// Hugo and Zola shortcodes, Jekyll Liquid and kramdown, MDX components, raw
// HTML and TeX math, old addresses, pages and static files. Tests of the app
// wait for it to take over; the prerendered pages are tested with JavaScript off.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { buildSite, serveStatic, launchBrowser, openPage, postPath, repoRoot, waitForApp } from '../harness.mjs';

const sites = path.join(repoRoot, 'tests/fixtures/sites');

/** Template syntax, HTML shown as text or raw TeX in what a reader sees (code left out). */
async function visibleResidue(locator) {
  return locator.evaluate((body) => {
    const copy = body.cloneNode(true);
    copy.querySelectorAll('pre, code, math').forEach((el) => el.remove());
    const text = copy.textContent;
    const marks = ['{%', '%}', '{{', '}}', '{:', '$$', '\\frac', '\\(', '\\[', '<div', '<img', '<center', '<figure', '<iframe', '</'];
    return marks.filter((mark) => text.includes(mark));
  });
}

/** Embeds would reach the network; they answer from here instead. */
async function answerEmbedsLocally(page) {
  await page.route(/youtube-nocookie\.com|player\.vimeo\.com/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<p>embedded player</p>' }));
}

describe('exported blogs in the running app', () => {
  let hugo, jekyll, gatsby, browser;

  before(async () => {
    hugo = { site: buildSite({ content: path.join(sites, 'hugo'), basePath: '/blog/' }) };
    hugo.server = await serveStatic(hugo.site.root);
    jekyll = { site: buildSite({ content: path.join(sites, 'jekyll'), basePath: '/notes/' }) };
    jekyll.server = await serveStatic(jekyll.site.root);
    gatsby = { site: buildSite({ content: path.join(sites, 'gatsby'), basePath: '/' }) };
    gatsby.server = await serveStatic(gatsby.site.root);
    browser = await launchBrowser({ serviceWorkers: 'block' });
  });

  after(async () => {
    await browser?.close();
    for (const s of [hugo, jekyll, gatsby]) s?.server?.stop();
  });

  it('[app] renders Hugo shortcodes, embeds, raw HTML and math after navigating in the app', async () => {
    const page = await openPage(browser);
    await answerEmbedsLocally(page);
    await page.goto(hugo.server.origin + '/blog/');
    await waitForApp(page);
    const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    await page.getByRole('link', { name: 'Shortcodes everywhere' }).first().click();
    await page.waitForURL(hugo.server.origin + postPath('/blog/', 'shortcodes'));
    const body = page.locator('.post-body');
    await body.locator('figure figcaption').waitFor();
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), loads, 'no document load');
    assert.equal(await body.locator('figcaption').first().textContent(), '항구의 저녁');
    assert.equal(await body.locator('.code-block[data-lang="go"] code').count(), 1);
    assert.ok((await body.locator('.code-block[data-lang="go"] code').textContent()).includes('# not a heading either'));
    assert.equal(await body.locator('h1').count(), 0, 'a comment in highlighted code is not a heading');
    const frames = body.locator('iframe');
    assert.equal(await frames.count(), 2);
    for (const frame of await frames.all()) {
      assert.match(await frame.getAttribute('src'), /^https:\/\/www\.youtube-nocookie\.com\/embed\//);
      assert.ok(await frame.getAttribute('sandbox'));
      assert.ok(await frame.getAttribute('title'));
    }
    const video = body.locator('video');
    assert.equal(await video.evaluate((v) => v.controls && !v.autoplay), true);
    // Chromium lays out MathML itself: the formulas take up space on the page.
    const formulas = body.locator('math');
    assert.equal(await formulas.count(), 3);
    const box = await body.locator('math[display="block"]').first().boundingBox();
    assert.ok(box && box.width > 10 && box.height > 10, `display math has a size: ${JSON.stringify(box)}`);
    assert.ok((await body.textContent()).includes('Text inside an unknown shortcode stays.'));
    assert.deepEqual(await visibleResidue(body), []);
    const ref = body.getByRole('link', { name: 'the Jeju trip' });
    assert.equal(await ref.getAttribute('href'), '/blog/posts/trip-to-jeju/');
    assert.deepEqual(page.errors, []);
  });

  it('[app] reads Jekyll posts that share a file slug, keeps old URLs and links its pages', async () => {
    const origin = jekyll.server.origin;
    const page = await openPage(browser);
    // The address Jekyll published the post at still leads to it.
    await page.goto(origin + '/notes/notes/2021/06/01/liquid-and-kramdown.html');
    await page.waitForURL(origin + postPath('/notes/', '2021-06-01-liquid-and-kramdown'));
    await waitForApp(page);
    const body = page.locator('.post-body');
    await body.locator('.code-block[data-lang="python"]').waitFor();
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('h1').textContent(), 'Liquid, kramdown and a little math');
    assert.equal(await body.locator('.align-center u').textContent(), '가운데 밑줄');
    assert.ok((await body.locator('table').textContent()).includes('Map<K, V>'));
    assert.equal(await body.locator('math').count(), 2, 'inline $$ mid-sentence and a display block');
    assert.equal(await body.locator('p math').first().getAttribute('display'), null, 'kramdown inline $$ stays inline');
    const cover = body.locator('figure img');
    await cover.evaluate((img) => img.complete || new Promise((resolve) => { img.onload = resolve; img.onerror = resolve; }));
    assert.ok(await cover.evaluate((img) => img.naturalWidth > 0), 'the static asset under {{ site.baseurl }} loads');
    assert.deepEqual(await visibleResidue(body), []);

    // The post of the next day, with the same file slug, has its own address.
    await page.goto(origin + postPath('/notes/', '2021-06-02-liquid-and-kramdown'));
    await waitForApp(page);
    assert.equal(await page.locator('h1').textContent(), 'Liquid, the day after');

    // A page is linked from the footer and is not a post.
    await page.getByRole('navigation', { name: '페이지' }).getByRole('link', { name: '소개' }).click();
    await page.waitForURL(origin + '/notes/pages/about/');
    await page.locator('.post-body').waitFor();
    assert.equal(await page.locator('h1').textContent(), '소개');
    await page.goto(origin + '/notes/');
    await waitForApp(page);
    assert.ok(!(await page.locator('.post-card-title').allTextContents()).includes('소개'), 'a page is not listed as a post');
    assert.deepEqual(page.errors, []);
  });

  it('[app] renders MDX components by their children and custom elements as asides', async () => {
    const page = await openPage(browser);
    await page.goto(gatsby.server.origin + postPath('/', 'mdx-post'));
    await waitForApp(page);
    const body = page.locator('.post-body');
    await body.locator('aside.callout-info').waitFor();
    assert.equal(await body.locator('strong').first().textContent(), 'children');
    assert.equal(await body.locator('aside.callout-info em').textContent(), 'Markdown');
    assert.equal(await body.locator('.note').textContent(), 'A note with className.');
    const text = await body.textContent();
    assert.ok(!text.includes('Chart') && !text.includes('import'), text);
    assert.deepEqual(page.errors, []);
  });
});

describe('exported blogs prerendered, JavaScript off', () => {
  let site, server, browser;

  before(async () => {
    site = buildSite({ content: path.join(sites, 'hugo'), basePath: '/' });
    server = await serveStatic(site.root);
    browser = await launchBrowser({ javaScriptEnabled: false, serviceWorkers: 'block' });
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  it('[static] shows Zola shortcodes as an embed, a captioned image and an aside without the app', async () => {
    const zola = buildSite({ content: path.join(sites, 'zola'), basePath: '/' });
    const zolaServer = await serveStatic(zola.root);
    try {
      const page = await openPage(browser);
      await answerEmbedsLocally(page);
      await page.goto(zolaServer.origin + postPath('/', 'zola-shortcodes'));
      const body = page.locator('.post-body');
      assert.equal(await body.locator('figcaption').textContent(), '새벽 하늘');
      assert.ok(await body.locator('figure img').evaluate((img) => img.complete && img.naturalWidth > 0));
      assert.deepEqual(await body.locator('aside.callout strong').allTextContents(), ['조심', 'path'], 'the title and the Markdown inside');
      assert.match(await body.locator('iframe').getAttribute('src'), /youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/);
      assert.equal(await body.locator('math').count(), 2);
      assert.deepEqual(await visibleResidue(body), []);
    } finally {
      zolaServer.stop();
    }
  });

  it('[static] shows shortcodes, figures and MathML without the app', async () => {
    const page = await openPage(browser);
    await answerEmbedsLocally(page);
    await page.goto(server.origin + postPath('/', 'shortcodes'));
    const body = page.locator('.post-body');
    assert.equal(await body.locator('figcaption').first().textContent(), '항구의 저녁');
    assert.equal(await body.locator('math').count(), 3);
    assert.equal(await body.locator('iframe').count(), 2);
    assert.deepEqual(await visibleResidue(body), []);
  });
});
