// Runs Pagefind's own search script in Node against a built site, counting
// the bytes it fetches: `node pagefind-query.mjs <site> <query>...`.
// Prints, per query, the bytes of a cold search (a fresh Pagefind instance)
// and the time to results, then the bytes to show the first five results.
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";

const [site, ...queries] = process.argv.slice(2);
let fetched = 0;
globalThis.fetch = async (url) => {
  const path = fileURLToPath(new URL(String(url)));
  const bytes = await readFile(path.split("?")[0]);
  fetched += bytes.length;
  return new Response(bytes);
};

const rows = [];
for (const [i, query] of queries.entries()) {
  fetched = 0;
  const url = pathToFileURL(`${site}/pagefind/pagefind.js`).href + `?q=${i}`;
  const pagefind = await import(url);
  await pagefind.options({ basePath: pathToFileURL(`${site}/pagefind/`).href });
  const start = performance.now();
  const search = await pagefind.search(query);
  const cold = performance.now() - start;
  const searchBytes = fetched;
  const warmStart = performance.now();
  await pagefind.search(query);
  const warm = performance.now() - warmStart;
  await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  rows.push({ query, results: search.results.length, searchBytes, withFiveExcerpts: fetched, cold, warm });
}
for (const r of rows) {
  console.log(`pagefind ${JSON.stringify(r.query)}: ${r.results} results, ${(r.searchBytes / 1024).toFixed(1)} KiB to search cold ` +
    `(${(r.withFiveExcerpts / 1024).toFixed(1)} KiB with five excerpts), ${r.cold.toFixed(1)} ms cold, ${r.warm.toFixed(1)} ms warm`);
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`pagefind median: ${(median(rows.map((r) => r.searchBytes)) / 1024).toFixed(1)} KiB per cold search, ` +
  `${median(rows.map((r) => r.cold)).toFixed(1)} ms cold, ${median(rows.map((r) => r.warm)).toFixed(1)} ms warm`);
