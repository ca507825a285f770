// What an author sees while writing: `folio serve` rebuilds when a post
// changes and the open page reloads by itself. This tests the preview
// server, not the reader app, so it says `[tool]`: it must pass whether or
// not the app starts.

import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { launchBrowser, openPage, freePort, repoRoot, postPath } from '../harness.mjs';

const folioBin = process.env.FOLIO_BIN ?? path.join(repoRoot, 'target/debug/folio');
const appDir = process.env.FOLIO_APP_DIR ?? path.join(repoRoot, 'target/folio-app');

it('[tool] folio serve rebuilds after a post changes and the open page reloads by itself', async () => {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-authoring-'));
  const post = path.join(content, '2024-05-01-a-walk.md');
  fs.writeFileSync(post, '---\ntitle: 산책\n---\n첫 번째 원고입니다.\n');
  const port = await freePort();
  const serving = spawn(folioBin, ['serve', '--content', content, '--port', String(port),
    '--out', path.join(content, '..', `${path.basename(content)}-preview`), '--app-dir', appDir], { stdio: 'ignore' });
  const browser = await launchBrowser({ serviceWorkers: 'block' });
  try {
    const origin = `http://127.0.0.1:${port}`;
    const page = await openPage(browser);
    for (let attempt = 0; ; attempt++) {
      try {
        await page.goto(origin + postPath('/', 'a-walk'));
        break;
      } catch (error) {
        if (attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await page.getByText('첫 번째 원고입니다.').first().waitFor();
    await page.evaluate(() => { window.__beforeEdit = true; });
    fs.writeFileSync(post, '---\ntitle: 산책\n---\n두 번째 원고입니다.\n');
    await page.getByText('두 번째 원고입니다.').first().waitFor({ timeout: 15000 });
    assert.equal(await page.evaluate(() => window.__beforeEdit), undefined, 'the page was reloaded');
  } finally {
    await browser.close();
    serving.kill();
  }
});
