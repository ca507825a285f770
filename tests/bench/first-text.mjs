// Time to visible post text for a deep link, cold cache, median of several
// loads: Folio's built site against the same post in docsify, in one Chromium.
// Usage: node first-text.mjs <folio site dir (built at /)> <content dir it was built from> <post slug> [runs]

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(path.join(here, '../e2e/package.json'))('playwright-core');
const [siteDir, contentDir, slug, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 7);

const manifest = JSON.parse(fs.readFileSync(path.join(siteDir, 'manifest.json'), 'utf8'));
const cards = manifest.cards.hashes.flatMap((_, n) =>
  JSON.parse(fs.readFileSync(path.join(siteDir, 'list', `${n}.json`), 'utf8')));
const post = cards.find((p) => p.slug === slug);
// The post as its author wrote it (the site publishes it rendered), without front matter.
const markdown = fs.readFileSync(path.join(contentDir, post.source.replace(/^content\//, '')), 'utf8');
const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
const phrase = body.split(/\n\s*\n/).map((b) => b.trim()).find((b) => /^[\p{L}]/u.test(b)).slice(0, 16);

// The same post as a docsify site: its script, its theme, the Markdown file.
const docsify = fs.mkdtempSync(path.join(os.tmpdir(), 'docsify-'));
const lib = path.join(here, 'node_modules/docsify/lib');
fs.copyFileSync(path.join(lib, 'docsify.min.js'), path.join(docsify, 'docsify.min.js'));
fs.copyFileSync(path.join(lib, 'themes/vue.css'), path.join(docsify, 'vue.css'));
fs.mkdirSync(path.join(docsify, 'posts'));
fs.writeFileSync(path.join(docsify, 'posts', 'post.md'), `# ${post.title}\n\n${body}`);
fs.writeFileSync(path.join(docsify, 'README.md'), `# ${manifest.site.title}\n`);
fs.writeFileSync(path.join(docsify, 'index.html'), `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="vue.css"></head><body><div id="app"></div>
<script>window.$docsify = { name: 'docsify' }</script><script src="docsify.min.js"></script></body></html>`);

function serve(root, port) {
  return spawn('python3', [path.join(here, '../e2e/static_server.py'), String(port), root], { stdio: 'ignore' });
}
const folioPort = 9100 + Math.floor(Math.random() * 400);
const servers = [serve(siteDir, folioPort), serve(docsify, folioPort + 1)];
await new Promise((r) => setTimeout(r, 600));
const targets = {
  Folio: `http://127.0.0.1:${folioPort}/posts/${encodeURIComponent(slug)}/`,
  docsify: `http://127.0.0.1:${folioPort + 1}/#/posts/post`,
};

/** Milliseconds from navigation start until the phrase is in the page. */
async function coldLoad(url) {
  const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await context.newPage();
  await page.addInitScript((text) => {
    const check = () => {
      if (window.__firstText === undefined && document.body && document.body.textContent.includes(text)) {
        window.__firstText = performance.now();
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
    document.addEventListener('DOMContentLoaded', check);
  }, phrase);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstText !== undefined, null, { timeout: 20000 });
  const ms = await page.evaluate(() => window.__firstText);
  await context.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { Folio: [], docsify: [] };
try {
  for (let i = 0; i < runs; i++) {
    for (const name of Object.keys(targets)) results[name].push(await coldLoad(targets[name]));
  }
} finally {
  servers.forEach((s) => s.kill());
}
const folio = median(results.Folio);
const other = median(results.docsify);
console.log(`Time to visible post text, deep link, cold cache, median of ${runs}:`);
console.log(`  Folio    ${folio.toFixed(0)} ms`);
console.log(`  docsify  ${other.toFixed(0)} ms`);
console.log(`  docsify / Folio = ${(other / folio).toFixed(2)}`);
