// A static server that behaves like a CDN in front of a Folio site: brotli or
// gzip by Accept-Encoding, the Cache-Control rules of the site's `_headers`
// file (and revalidation for everything else), folders served by their
// index.html, and the site's 404.html for missing files. For measuring, not
// for production.
//
// Usage: node cdn_server.mjs PORT ROOT

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const [port, root] = process.argv.slice(2);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.md': 'text/markdown; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.xml': 'application/xml', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};
// Like a CDN edge: each file is compressed once, off the event loop, so a
// big file never holds up the small ones requested beside it.
const compressedCache = new Map();
function compressed(file, body, encoding) {
  const key = `${encoding} ${file} ${fs.statSync(file).mtimeMs}`;
  if (!compressedCache.has(key)) {
    compressedCache.set(key, new Promise((resolve, reject) => {
      const done = (error, result) => (error ? reject(error) : resolve(result));
      if (encoding === 'br') zlib.brotliCompress(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }, done);
      else zlib.gzip(body, { level: 9 }, done);
    }));
  }
  return compressedCache.get(key);
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.md', '.svg', '.xml', '.webmanifest', '.txt']);

/** `_headers`: a path line, then indented `Name: value` lines (Netlify and Cloudflare Pages format). */
function readHeaderRules() {
  const rules = new Map();
  let current = null;
  const file = path.join(root, '_headers');
  if (!fs.existsSync(file)) return rules;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = line.trim();
      rules.set(current, {});
    } else if (current) {
      const [name, ...value] = line.trim().split(':');
      rules.get(current)[name.trim()] = value.join(':').trim();
    }
  }
  return rules;
}
const rules = readHeaderRules();

http.createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  let pathname = decodeURIComponent(url.pathname);
  let file = path.join(root, pathname);
  if (!file.startsWith(path.resolve(root))) file = path.join(root, '404.html');
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    if (!pathname.endsWith('/')) {
      response.writeHead(301, { Location: `${url.pathname}/` });
      return response.end();
    }
    file = path.join(file, 'index.html');
    pathname += 'index.html';
  }
  let status = 200;
  if (!fs.existsSync(file)) {
    status = 404;
    file = path.join(root, '404.html');
  }
  const extension = path.extname(file);
  let body = fs.readFileSync(file);
  const headers = {
    'Content-Type': TYPES[extension] ?? 'application/octet-stream',
    'Cache-Control': 'public, max-age=0, must-revalidate',
    ...(rules.get(url.pathname) ?? {}),
  };
  const accepted = request.headers['accept-encoding'] ?? '';
  if (COMPRESSIBLE.has(extension)) {
    const encoding = accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : null;
    if (encoding) {
      body = await compressed(file, body, encoding);
      headers['Content-Encoding'] = encoding;
    }
    headers.Vary = 'Accept-Encoding';
  }
  headers['Content-Length'] = body.length;
  response.writeHead(status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}).listen(Number(port), '127.0.0.1');
