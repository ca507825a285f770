// Renders the app icons' SVG sources to the PNG sizes web app manifests need.
// Run after editing public/icons/*.svg:  node scripts/make-icons.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(path.join(root, 'tests/e2e/package.json'))('playwright-core');
const icons = path.join(root, 'public/icons');
const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'icons-')), {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await context.newPage();
for (const [source, size, target] of [
  ['icon.svg', 192, 'icon-192.png'], ['icon.svg', 512, 'icon-512.png'],
  ['icon-maskable.svg', 512, 'icon-maskable-512.png'], ['icon.svg', 180, 'apple-touch-icon.png'],
]) {
  const svg = fs.readFileSync(path.join(icons, source), 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}">`);
  await page.locator('img').screenshot({ path: path.join(icons, target), omitBackground: true });
}
await context.close();
