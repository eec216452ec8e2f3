// One Vite app for every browser page (guest wizard, stay page, desk). partykit
// serves the scripts and styles from dist/client; the main party serves the HTML shell
// (see shared/page-shell.ts) for every page path, and the client router takes over.
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";
import { assembleShell, prerenderLookupPages } from "./scripts/prerender";
import { PAGE_SHELL_ASSET } from "./shared/page-shell";

/**
 * Moves the built index.html into the JSON shell the main party serves, with its CSS
 * inlined (no stylesheet round trip before the first paint) and the booking-reference
 * page prerendered for /checkin/ (scripts/prerender.ts).
 */
function pageShell(): Plugin {
  return {
    name: "frontdoor-page-shell",
    apply: "build",
    enforce: "post",
    async generateBundle(_options, bundle) {
      const html = bundle["index.html"];
      if (html?.type !== "asset") this.error("index.html was not built");
      delete bundle["index.html"];
      const pages = await prerenderLookupPages(root);
      const { shell, inlined } = assembleShell(
        String(html.source),
        (file) => {
          const asset = bundle[file];
          if (asset?.type !== "asset") this.error(`${file} is linked from index.html but was not built`);
          return String(asset.source);
        },
        pages,
      );
      // Inlined into every page, so nothing fetches the file.
      for (const file of inlined) delete bundle[file];
      this.emitFile({ type: "asset", fileName: PAGE_SHELL_ASSET, source: JSON.stringify(shell) });
    },
  };
}

const root = fileURLToPath(new URL("./client", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/client", import.meta.url));

// `npx vite` against a running `npm start`: FRONTDOOR_API=http://127.0.0.1:1999 npx vite
const api = process.env.FRONTDOOR_API;

export default defineConfig({
  root,
  plugins: [solid(), pageShell()],
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2022",
  },
  server: api
    ? {
        proxy: {
          "/api": { target: api, changeOrigin: true },
          "/parties": { target: api, ws: true, changeOrigin: true },
        },
      }
    : undefined,
});
