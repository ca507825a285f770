// Runs Lighthouse on a built site in Debian's Chromium, behind a CDN-like
// server (brotli/gzip, the site's cache headers), and prints the four
// category scores of each route and the paint and layout metrics behind
// Performance. Figures, not a test.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const [siteRoot, ...routes] = process.argv.slice(2);
const port = 8000 + Math.floor(Math.random() * 1000);
const server = spawn('node', [path.resolve('cdn_server.mjs'), String(port), siteRoot], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'folio-lh-')),
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // The first audit in a new Chromium also pays for the browser's own start
  // (its caches, its JIT); one unprinted run first, so every route is measured alike.
  await lighthouse(`http://127.0.0.1:${port}${routes[0]}`, { port: chrome.port, output: 'json', logLevel: 'error' });
  for (const route of routes) {
    const url = `http://127.0.0.1:${port}${route}`;
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const scores = ['performance', 'accessibility', 'best-practices', 'seo']
      .map((id) => lhr.categories[id])
      .map((c) => `${c.title} ${Math.round(c.score * 100)}`);
    console.log(`${decodeURIComponent(route).padEnd(32)} ${scores.join('  ')}`);
    const metric = (id) => lhr.audits[id].displayValue;
    console.log(`    FCP ${metric('first-contentful-paint')} · LCP ${metric('largest-contentful-paint')} · TBT ${metric('total-blocking-time')} · CLS ${metric('cumulative-layout-shift')}`);
    for (const [id, audit] of Object.entries(lhr.audits)) {
      if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary') console.log(`    failing: ${id}: ${audit.title}`);
    }
  }
} finally {
  await chrome.kill();
  server.kill();
}
