// Shared set-up for the browser tests: build a demo site with the `folio`
// binary, serve it with a plain static server (no rewrites), drive Debian's
// Chromium through playwright-core.

import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const outputDir = path.join(repoRoot, 'tests/output');
export const demoContent = path.join(repoRoot, 'demo/content');

const folioBin = process.env.FOLIO_BIN ?? path.join(repoRoot, 'target/debug/folio');
const appDir = process.env.FOLIO_APP_DIR ?? path.join(repoRoot, 'target/folio-app');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
  return { root, siteDir, basePath };
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

/** Opens a page that fails the test on any uncaught error or WASM panic. */
export async function openPage(context) {
  const page = await context.newPage();
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

export function readManifest(siteDir) {
  return JSON.parse(fs.readFileSync(path.join(siteDir, 'manifest.json'), 'utf8'));
}

/** Percent-encoded path of a post, as links in the app carry it. */
export function postPath(basePath, slug) {
  return `${basePath}posts/${encodeURIComponent(slug)}/`;
}

/**
 * Waits until the app has started: adopted the prerendered page
 * (`data-app="adopted"` on `<html>`) or rendered one afresh (`"rendered"`).
 */
export async function waitForApp(page) {
  await page.waitForFunction(() => document.documentElement.dataset.app && document.getElementById('folio-app'));
}
