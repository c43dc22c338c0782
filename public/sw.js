/**
 * The offline cache (issue 7, "installable as a PWA with an offline cache"): once the app has been
 * opened online, it opens again with the network cut. Hand-written, no build step: Vite copies
 * public/ to the root of the build, next to index.html.
 *
 * What is kept: index.html, every asset it names, and every chunk those name in turn (the lazy chunks
 * of the Word writer, the import worker ..., and the library's index pack and the 64 shards of its
 * texts, which its client names), found by their hashed file names, so a feature first used offline
 * still loads. Navigations go to the network first, so a new build is picked up as soon as it is
 * served, and the cache is then refreshed to that build; assets (content-hashed, so immutable) come
 * from the cache first. The drafts themselves live in IndexedDB and never pass through here.
 */
const CACHE = 'resolution-drafter-app-v1';
const INDEX = './';
/**
 * Vite's output names, with an 8-character hash: "index-BjeKLYqe.js", "ExportDialog-CoAPR9V6.js",
 * "library-index-Bg4wTCC3.pack", "library-texts-07-3LGWL-5-.pack", "library-completion-D0xh3Ikq.json".
 */
const CHUNK = /[\w.-]+-[\w-]{8}\.(?:js|css|pack|json)(?![\w.-])/g;

/**
 * What the cache holds besides the build's files: the index.html of the last pass that kept every
 * file (the same page served again means the same build, already kept whole), and the chunk names
 * each kept script names (a kept file never changes under its hashed name, so it is read once).
 */
const WHOLE = './__kept-whole';
const NAMES = './__chunk-names';

/**
 * Fetches the served build: index.html, then everything reachable from it. A file already kept is
 * taken from the cache, not fetched again: this runs after every navigation, and fetching (and, for a
 * script, compiling) the whole app again each time competed with the first keystrokes of every visit.
 */
async function precache() {
  const cache = await caches.open(CACHE);
  const index = await fetch(INDEX, { cache: 'no-cache' });
  if (!index.ok) return;
  const html = await index.clone().text();
  const whole = await cache.match(WHOLE);
  if (whole && (await whole.text()) === html && (await cache.match(INDEX))) return;
  const namesKept = await cache.match(NAMES);
  /** url → the chunk names that script names. */
  const names = namesKept ? await namesKept.json().catch(() => ({})) : {};
  const queue = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"?#]+)"/g)].map((m) => m[1]);
  const kept = new Set([WHOLE, NAMES, INDEX].map((path) => new URL(path, self.registration.scope).href));
  // Whether every asset was fetched or found: a pass cut short (the network lost mid-way) deletes nothing.
  let complete = true;
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    const url = new URL(path, self.registration.scope).href;
    if (kept.has(url)) continue;
    let response = await cache.match(url, { ignoreVary: true });
    if (!response) {
      response = await fetch(url, { cache: 'no-cache' }).catch(() => undefined);
      if (!response) {
        // No network: this file is not kept yet, and the pass is not whole.
        complete = false;
        continue;
      }
      // A name that only looked like a chunk (a 404) is skipped; index.html's own assets never are.
      if (!response.ok) continue;
      await cache.put(url, response.clone());
    }
    kept.add(url);
    if (/\.js$/.test(path)) {
      names[url] ??= [...(await response.text()).matchAll(CHUNK)].map(([name]) => name);
      for (const name of names[url]) queue.push(`assets/${name}`);
    }
  }
  for (const url of Object.keys(names)) if (!kept.has(url)) delete names[url];
  await cache.put(
    NAMES,
    new Response(JSON.stringify(names), { headers: { 'Content-Type': 'application/json' } }),
  );
  await cache.put(INDEX, index);
  if (complete) {
    await cache.put(WHOLE, new Response(html));
    // What the previous build left behind.
    for (const request of await cache.keys()) if (!kept.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          // Online: the build served now is the one to keep for next time.
          if (response.ok) event.waitUntil(precache().catch(() => undefined));
          return response;
        })
        .catch(async () => (await caches.match(INDEX, { ignoreVary: true })) ?? Response.error()),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { ignoreVary: true }).then(
      (cached) =>
        cached ??
        fetch(request).then(async (response) => {
          if (response.ok && new URL(request.url).pathname.includes('/assets/'))
            await (await caches.open(CACHE)).put(request, response.clone());
          return response;
        }),
    ),
  );
});
