// Shared set-up for the browser tests: build a demo site with the `folio`
// binary, serve it with a plain static server (no rewrites), drive Debian's
// Chromium through playwright-core.

import { afterEach } from 'node:test';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const outputDir = path.join(repoRoot, 'tests/output');
export const demoContent = path.join(repoRoot, 'demo/content');

const folioBin = process.env.FOLIO_BIN ?? path.join(repoRoot, 'target/debug/folio');
const appDir = process.env.FOLIO_APP_DIR ?? path.join(repoRoot, 'target/folio-app');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `scripts/test-the-tests.sh` sets this: every site is built with a WASM file
 * that fails to instantiate, so each test of the app must fail, and the
 * tests of prerendered pages (JavaScript off) must still pass. Waits are
 * short then, since nothing is coming.
 */
export const appBroken = process.env.FOLIO_BREAK_APP === '1';
const DEFAULT_TIMEOUT = appBroken ? 4000 : 30000;

/** Pages opened by the current test, checked for CSP violations after it. */
const openPages = new Set();

// Any Content-Security-Policy violation fails the test it happened in: the
// policy must allow everything Folio does, and nothing else.
afterEach(() => {
  const violations = [...openPages].flatMap((page) => page.cspViolations);
  openPages.clear();
  if (violations.length > 0) {
    throw new Error(`Content-Security-Policy violations:\n${violations.join('\n')}`);
  }
});

/** Chromium flags for a sandbox-less, network-less machine. */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Builds `content` into a fresh folder. With a base path such as `/blog/`, the
 * site is written to `<root>/blog/` so a server rooted at `<root>` serves it there.
 * Returns the served root and the site folder.
 */
export function buildSite({ content = demoContent, basePath = '/', extraArgs = [] } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-site-'));
  const siteDir = path.join(root, ...basePath.split('/').filter(Boolean));
  execFileSync(folioBin, [
    'build', '--content', content, '--out', siteDir, '--base-path', basePath, '--app-dir', appDir, ...extraArgs,
  ], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, FOLIO_QUIET_NOTES: '1' } });
  if (appBroken) breakApp(siteDir);
  return { root, siteDir, basePath };
}

/**
 * A post's body data as the app reads it from the post's page: the HTML of
 * `.post-body`, then (in an inert JSON block after it) its outline and images.
 */
export function bodyData(siteDir, post) {
  const page = fs.readFileSync(path.join(siteDir, 'posts', post.slug, 'index.html'), 'utf8');
  const open = '<div class="post-body">';
  const marker = '<script type="application/json" id="folio-body">';
  const start = page.indexOf(open);
  const at = page.indexOf(marker, start);
  if (start < 0 || at < 0) throw new Error(`${post.slug}'s page holds no body data`);
  const json = page.slice(at + marker.length, page.indexOf('</script>', at));
  return { outline: [], images: [], ...JSON.parse(json), html: page.slice(start + open.length, at) };
}

/**
 * The first words of the first paragraph of `post`'s body as the build
 * rendered it (its body data), up to the first markup: what a reader must
 * see in the post's text.
 */
export function firstWordsOfBody(siteDir, post) {
  const { html } = bodyData(siteDir, post);
  const text = [...html.matchAll(/<p>([^<]*)/gu)]
    .map((m) => m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim())
    .find((t) => /^[\p{L}\p{N}]/u.test(t));
  if (!text) throw new Error(`${post.slug} has no paragraph of text`);
  return text.slice(0, 12);
}

/** Replaces the site's WASM with bytes that fail to instantiate. */
export function breakApp(siteDir) {
  for (const file of fs.readdirSync(siteDir)) {
    if (file.endsWith('.wasm')) fs.writeFileSync(path.join(siteDir, file), 'this is not WebAssembly');
  }
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Serves `root` as a plain static host does: folders give index.html, nothing is
 * rewritten; with `notFoundPage` (a file path) missing files get that page with status 404.
 */
export async function serveStatic(root, { notFoundPage, cors = false, port } = {}) {
  port ??= await freePort();
  const script = path.join(repoRoot, 'tests/e2e/static_server.py');
  const args = [script, String(port), root, ...(notFoundPage ? ['--not-found', notFoundPage] : []), ...(cors ? ['--cors'] : [])];
  const child = spawn('python3', args, { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(origin + '/');
      if (response.status < 500) break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { origin, stop: () => child.kill() };
}

/** A fresh Chromium profile each time, as a first-time reader has. */
export async function launchBrowser(options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  return context;
}

/**
 * Opens a page that records uncaught errors and WASM panics (tests assert
 * `page.errors` is empty) and Content-Security-Policy violations (any fails
 * the test).
 */
export async function openPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(DEFAULT_TIMEOUT);
  page.cspViolations = [];
  openPages.add(page);
  await page.exposeFunction('__folioReportCspViolation', (report) => page.cspViolations.push(report));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__folioReportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`);
    });
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /panicked|RuntimeError|unreachable/.test(message.text())) {
      errors.push(message.text());
    }
  });
  page.dialogs = [];
  page.on('dialog', async (dialog) => {
    page.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.errors = errors;
  return page;
}

export async function screenshot(page, name) {
  const dir = path.join(outputDir, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}

/** Reviewed screenshots live here; `FOLIO_UPDATE_BASELINES=1` rewrites them after a deliberate change. */
const baselineDir = path.join(repoRoot, 'tests/e2e/baselines');
/** Share of pixels that may differ (anti-aliasing), far below any real change of layout or colour. */
const BASELINE_TOLERANCE = 0.005;

/**
 * Takes a screenshot and compares it with its reviewed baseline; a difference
 * beyond anti-aliasing fails the test and leaves `<name>.diff.png` beside the
 * screenshot in `tests/output/screenshots/`.
 */
export async function matchesBaseline(page, name) {
  const dir = path.join(outputDir, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const shot = await page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled', caret: 'hide' });
  const baselinePath = path.join(baselineDir, `${name}.png`);
  if (process.env.FOLIO_UPDATE_BASELINES === '1') {
    fs.mkdirSync(baselineDir, { recursive: true });
    fs.writeFileSync(baselinePath, shot);
    return;
  }
  if (!fs.existsSync(baselinePath)) {
    throw new Error(`no baseline for ${name}: review tests/output/screenshots/${name}.png, then run with FOLIO_UPDATE_BASELINES=1`);
  }
  const actual = PNG.sync.read(shot);
  const expected = PNG.sync.read(fs.readFileSync(baselinePath));
  if (actual.width !== expected.width || actual.height !== expected.height) {
    throw new Error(`${name}: ${actual.width}×${actual.height}, baseline ${expected.width}×${expected.height}`);
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  const share = changed / (actual.width * actual.height);
  if (share > BASELINE_TOLERANCE) {
    fs.writeFileSync(path.join(dir, `${name}.diff.png`), PNG.sync.write(diff));
    throw new Error(`${name} differs from its baseline in ${(share * 100).toFixed(2)} % of its pixels (see ${name}.diff.png)`);
  }
}

/**
 * The built site's posts and pages as a reader sees them: `manifest.json`
 * keeps each post's slug, date and tags, and `list/<n>.json` its card.
 */
export function readManifest(siteDir) {
  const index = JSON.parse(fs.readFileSync(path.join(siteDir, 'manifest.json'), 'utf8'));
  const posts = index.cards.hashes.flatMap((_, n) =>
    JSON.parse(fs.readFileSync(path.join(siteDir, 'list', `${n}.json`), 'utf8')));
  return { ...index, posts };
}

/** Percent-encoded path of a post, as links in the app carry it. */
export function postPath(basePath, slug) {
  return `${basePath}posts/${encodeURIComponent(slug)}/`;
}

/**
 * Marks the current document, so a test can tell a navigation inside the app
 * (the mark survives) from a document load (it does not).
 */
export async function markDocument(page) {
  await page.evaluate(() => { window.__folioSameDocument = true; });
}

export async function isSameDocument(page) {
  return page.evaluate(() => window.__folioSameDocument === true);
}

/**
 * Waits for the app's ready signal: `data-app` on `<html>`, set once the
 * running app has adopted the prerendered page (`"adopted"`) or rendered one
 * afresh (`"rendered"`); the prerendered copy alone never has it.
 */
export async function waitForApp(page) {
  await page.waitForSelector('html[data-app]', { state: 'attached' });
}
