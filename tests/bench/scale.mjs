// What a reader of a big blog waits for, in Chromium behind a compressing,
// CDN-like server: bytes transferred until the app has started on the home
// page (compressed, WASM included), when the first post link was painted,
// and how long a tag click takes to show the filtered list. Prints figures,
// asserts nothing.
//
// Usage: node scale.mjs <site dir built at /> [runs]

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(path.join(here, '../e2e/package.json'))('playwright-core');
const [siteDir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);

const port = 9500 + Math.floor(Math.random() * 400);
const server = spawn('node', [path.join(here, 'cdn_server.mjs'), String(port), siteDir], { stdio: 'ignore' });
const origin = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try { await fetch(origin + '/'); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
}

// A warm edge: the big files compressed once before anything is measured.
const chunks = fs.readdirSync(path.join(siteDir, 'list')).map((file) => `/list/${file}`);
for (const file of ['/', '/manifest.json', ...chunks]) {
  for (const encoding of ['br', 'gzip']) await fetch(origin + file, { headers: { 'Accept-Encoding': encoding } });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function launch() {
  return chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scale-')), {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
}

/** A cold visit of the home page: bytes on the wire until the app started, and the first link's paint. */
async function coldHome() {
  const context = await launch();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  const byType = {};
  const types = new Map();
  cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    const type = types.get(event.requestId) ?? 'Other';
    byType[type] = (byType[type] ?? 0) + event.encodedDataLength;
  });
  await page.addInitScript(() => {
    const seen = () => {
      if (window.__linkInDom === undefined && document.querySelector('.post-card-title a')) {
        window.__linkInDom = performance.now();
      }
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  });
  await page.goto(origin + '/');
  await page.waitForSelector('html[data-app]', { state: 'attached', timeout: 120000 });
  await page.waitForTimeout(500);
  // The link arrives with the HTML; it is painted with the first contentful
  // paint, or later if it only arrived after it.
  const firstLink = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity;
    return Math.max(window.__linkInDom ?? Infinity, fcp);
  });
  await context.close();
  return { bytes, byType, firstLink };
}

/**
 * Milliseconds from a click on a tag chip to the filtered list, all its
 * cards, in the DOM and painted. With `rest`, the pointer rests on the chip
 * that long before the click, as a reader's does (the app fetches the cards
 * a chip's list starts with when a pointer enters it); without, the click
 * comes out of nowhere, as a script's does.
 */
async function tagClicks(rest = 0) {
  const context = await launch();
  const page = await context.newPage();
  await page.goto(origin + '/');
  await page.waitForSelector('html[data-app]', { state: 'attached', timeout: 120000 });
  const times = [];
  const tagChips = '.chip-row a.chip:not(.chip-more)[href*="/tags/"]';
  for (let i = 0; i < runs; i++) {
    // Five chips in turn, so every click changes the list.
    const nth = i % Math.min(await page.locator(tagChips).count(), 5);
    if (rest > 0) {
      await page.locator(tagChips).nth(nth).hover();
      await page.waitForTimeout(rest);
    }
    const timing = await page.evaluate(async ({ selector, nth }) => {
      const chip = document.querySelectorAll(selector)[nth];
      const before = document.querySelector('.post-card-title')?.textContent;
      const heading = document.querySelector('#page-heading')?.textContent;
      const start = performance.now();
      chip.click();
      const chunksBefore = performance.getEntriesByType('resource').filter((e) => e.name.includes('/list/')).length;
      // Changed, and every card of the new list here (none waits for its chunk).
      const updated = await new Promise((resolve) => {
        const check = () => {
          const now = document.querySelector('#page-heading')?.textContent;
          const changed = now !== heading || document.querySelector('.post-card-title')?.textContent !== before;
          if (!changed || document.querySelector('.post-list[aria-busy]')) return;
          observer.disconnect();
          resolve(performance.now());
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
        check();
      });
      const fetched = performance.getEntriesByType('resource').filter((e) => e.name.includes('/list/')).length - chunksBefore;
      const painted = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      return { dom: updated - start, painted: painted - start, fetched };
    }, { selector: tagChips, nth });
    times.push(timing);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(200);
    await page.goBack();
    await page.waitForTimeout(300);
  }
  await context.close();
  return times;
}

try {
  const visits = [];
  for (let i = 0; i < Math.min(runs, 3); i++) visits.push(await coldHome());
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const last = visits[visits.length - 1];
  console.log(`home page, cold: ${kib(median(visits.map((v) => v.bytes)))} transferred until the app started (compressed)`);
  console.log(`  by type: ${Object.entries(last.byType).map(([t, b]) => `${t} ${kib(b)}`).join(', ')}`);
  console.log(`  first post link painted: ${median(visits.map((v) => v.firstLink)).toFixed(0)} ms after navigation start (median of ${visits.length})`);
  const clicks = await tagClicks();
  const report = (label, some) => some.length && console.log(`tag click → filtered list, ${label}: ${median(some.map((c) => c.dom)).toFixed(1)} ms in the DOM, ${median(some.map((c) => c.painted)).toFixed(1)} ms to the next frame (median of ${some.length}; max ${Math.max(...some.map((c) => c.painted)).toFixed(1)} ms)`);
  report('cards at hand', clicks.filter((c) => c.fetched === 0));
  report('fetching a chunk of cards', clicks.filter((c) => c.fetched > 0));
  const rested = await tagClicks(150);
  report('after the pointer rested 150 ms on the chip', rested);
} finally {
  server.kill();
}
