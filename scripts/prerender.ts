// Build step (run by vite.config.ts's page-shell plugin): renders the booking-reference
// page into the HTML shell at build time, so /checkin/ paints its heading, fields and
// button from the document itself, before any script or stylesheet arrives.
//
// Solid's server renderer needs the components compiled for it, so the page is built a
// second time by Vite for the server (client/prerender.tsx) into a scratch directory
// and run here in Node. It is rendered as plain markup, not for hydration: the client
// replaces it with the live page in the same task (client/prerendered.ts), which keeps
// the client bundle free of hydration code and lets the live page differ (a remembered
// session, another language) without a mismatch.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "vite";
import solid from "vite-plugin-solid";
import { LANGUAGES, type Language } from "../domain/languages";
import type { PageShell } from "../shared/page-shell";
import type { PrerenderedLookup } from "../client/prerender";

const ENTRY = "prerender.tsx";

/** The shell's first stylesheet links, replaced by <style> elements holding the same CSS. */
const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g;

export async function prerenderLookupPages(clientRoot: string): Promise<Record<Language, PrerenderedLookup>> {
  const outDir = mkdtempSync(join(tmpdir(), "frontdoor-prerender-"));
  try {
    await build({
      configFile: false,
      root: clientRoot,
      logLevel: "warn",
      plugins: [solid({ ssr: true, solid: { hydratable: false } })],
      // Everything bundled (solid-js's server build included), so the output runs from a scratch directory.
      ssr: { noExternal: true },
      build: { ssr: join(clientRoot, ENTRY), outDir, emptyOutDir: true, target: "node20", minify: false },
    });
    return await withBrowserStandIns(async () => {
      const mod = (await import(
        pathToFileURL(join(outDir, "prerender.js")).href
      )) as typeof import("../client/prerender");
      const pages = {} as Record<Language, PrerenderedLookup>;
      // One at a time: the string table is one signal.
      for (const lang of LANGUAGES) pages[lang] = await mod.prerenderLookup(lang);
      return pages;
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * The client's modules read the address and listen for history changes when they load;
 * under the server renderer nothing else of the browser is reached.
 */
async function withBrowserStandIns<T>(run: () => Promise<T>): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  const standIns: Record<string, unknown> = {
    location: new URL("https://prerender.invalid/checkin/"),
    addEventListener: () => {},
    removeEventListener: () => {},
    history: { replaceState() {}, pushState() {} },
    document: { documentElement: {} },
  };
  const saved = Object.keys(standIns).map((k) => [k, Object.getOwnPropertyDescriptor(g, k)] as const);
  for (const [k, v] of Object.entries(standIns))
    Object.defineProperty(g, k, { value: v, configurable: true, writable: true });
  try {
    return await run();
  } finally {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(g, k, d);
      else delete g[k];
    }
  }
}

export const cspHash = (source: string) => `'sha256-${createHash("sha256").update(source, "utf8").digest("base64")}'`;

/** Vite's entry script and the preloads of its static imports, in the built index.html's head. */
const ENTRY_SCRIPT = /\s*<script type="module" crossorigin src="(\/[^"]+\.js)"><\/script>/;
const MODULE_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="(\/[^"]+\.js)">/g;

/**
 * /checkin/'s scripts start after the prerendered page has painted. Loaded from the head,
 * they would run before the first paint on a fast connection and be counted as what the
 * paint waited for (Lighthouse's simulation of a slow phone does exactly that), and the
 * live page would replace markup never painted. Inline, so it needs no request; allowed by
 * its hash. A hidden tab paints nothing, so it loads at once there. A form submitted
 * before the live page exists is held, and the live page submits it (client/prerendered.ts).
 */
function loadAfterFirstPaint(entry: string, preloads: string[]): string {
  const tags = [...preloads.map((href) => ["link", "modulepreload", href]), ["script", "module", entry]];
  return [
    "(function(){",
    'document.addEventListener("submit",function(e){var a=document.getElementById("app");',
    'if(a&&a.hasAttribute("data-prerendered")){e.preventDefault();a.setAttribute("data-submit-pending","")}},true);',
    "function load(){",
    `${JSON.stringify(tags)}.forEach(function(t){`,
    'var e=document.createElement(t[0]);e.crossOrigin="";',
    'if(t[0]==="link"){e.rel=t[1];e.href=t[2]}else{e.type=t[1];e.src=t[2]}',
    "document.head.appendChild(e)})}",
    'if(document.visibilityState==="hidden")load();',
    "else requestAnimationFrame(function(){setTimeout(load,0)})",
    "})()",
  ].join("");
}

/**
 * The built index.html with its stylesheets inlined, plain (every page) and with the
 * booking-reference page already in #app (/checkin/, one per language).
 * `css` maps a linked file (as in its href, without the leading slash) to its text.
 */
export function assembleShell(
  indexHtml: string,
  css: (file: string) => string,
  pages: Record<Language, PrerenderedLookup>,
): { shell: PageShell; inlined: string[] } {
  const inlined: string[] = [];
  const styles: string[] = [];
  const html = indexHtml.replace(STYLESHEET_LINK, (_, file: string) => {
    inlined.push(file);
    const source = css(file);
    // A "</style" inside the CSS would end the element early; Vite's minified CSS never has one.
    if (/<\/style/i.test(source)) throw new Error(`${file} contains "</style"`);
    styles.push(source);
    return `<style>${source}</style>`;
  });
  if (!html.includes('<div id="app"></div>')) throw new Error('index.html has no empty <div id="app"></div>');
  const entry = ENTRY_SCRIPT.exec(html)?.[1];
  if (!entry) throw new Error("index.html has no module entry script");
  const preloads = [...html.matchAll(MODULE_PRELOAD)].map((m) => m[1]!);
  const loader = loadAfterFirstPaint(entry, preloads);
  const withoutScripts = html.replace(ENTRY_SCRIPT, "").replace(MODULE_PRELOAD, "");
  const checkin = {} as Record<Language, string>;
  for (const lang of LANGUAGES) {
    const page = pages[lang];
    checkin[lang] = withoutScripts
      .replace(/<html lang="en">/, `<html lang="${attr(page.lang)}" dir="${page.dir}">`)
      .replace(/<title>[^<]*<\/title>/, `<title>${text(page.title)}</title>`)
      .replace('<div id="app"></div>', `<div id="app" data-prerendered="${lang}">${page.html}</div>`)
      .replace("</body>", `<script>${loader}</script>\n  </body>`);
  }
  return {
    shell: { html, checkin, styleHashes: [...new Set(styles.map(cspHash))], checkinScriptHashes: [cspHash(loader)] },
    inlined,
  };
}

const text = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const attr = (s: string) => text(s).replace(/"/g, "&quot;");
