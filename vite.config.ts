// One Vite app for every browser page (guest wizard, stay page, desk). partykit
// serves dist/client with singlePageApp, so each path falls back to index.html and
// the client router takes over.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const root = fileURLToPath(new URL("./client", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/client", import.meta.url));

// `npx vite` against a running `npm start`: FRONTDOOR_API=http://127.0.0.1:1999 npx vite
const api = process.env.FRONTDOOR_API;

export default defineConfig({
  root,
  plugins: [solid()],
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
