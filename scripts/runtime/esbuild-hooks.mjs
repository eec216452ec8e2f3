// Module hooks registered by partykit-preload.cjs: partykit's `import esbuild from "esbuild"`
// gets esbuild with one change, a default `host` for the asset server partykit starts with
// `ctx.serve({ port, servedir })`, which esbuild would otherwise open on every interface.
const WRAPPER = "frontdoor-esbuild:";

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (specifier !== "esbuild" || !context.parentURL?.includes("/node_modules/partykit/")) return resolved;
  return { url: `${WRAPPER}${encodeURIComponent(resolved.url)}`, format: "module", shortCircuit: true };
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith(WRAPPER)) return nextLoad(url, context);
  const real = JSON.stringify(decodeURIComponent(url.slice(WRAPPER.length)));
  const source = `
import esbuild from ${real};
export * from ${real};
const host = process.env.FRONTDOOR_BIND_HOST;
export default {
  ...esbuild,
  async context(options) {
    const ctx = await esbuild.context(options);
    return { ...ctx, serve: (serveOptions = {}) => ctx.serve({ host, ...serveOptions }) };
  },
};
`;
  return { format: "module", source, shortCircuit: true };
}
