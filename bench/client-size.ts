// How much a guest downloads for the check-in wizard. Builds the client with the
// repo's vite.config.ts into a scratch directory and walks Vite's manifest from
// index.html: "first paint" is what /checkin/ needs before it can render; "after"
// is what the wizard fetches next (the later steps and the stay page, preloaded
// while the guest types). The desk's lazy chunks are not part of the wizard and are
// left out. Sizes are gzip -9, what a compressing server would send. The /checkin/
// document itself (its prerendered form and inline CSS, in English) is first paint too;
// stylesheets the build inlined into it are not files any more and are not counted twice.
//
//   npx tsx bench/client-size.ts
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Manifest } from "vite";
import { PAGE_SHELL_ASSET, type PageShell } from "../shared/page-shell";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS = join(REPO_ROOT, "bench/results/client-size.json");
const ENTRY = "index.html";
/** Manifest keys (source paths relative to client/) that belong to the staff desk, not the guest. */
const isDeskSource = (key: string) => key.startsWith("desk/");

type Phase = "first paint" | "after";

interface Row {
  file: string;
  phase: Phase;
  bytes: number;
  gzipBytes: number;
}

const outDir = mkdtempSync(join(tmpdir(), "frontdoor-client-size-"));
try {
  await build({
    configFile: join(REPO_ROOT, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  const manifest = JSON.parse(readFileSync(join(outDir, ".vite/manifest.json"), "utf8")) as Manifest;
  const rows = measure(manifest, outDir);
  print(rows);
  mkdirSync(join(REPO_ROOT, "bench/results"), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      { measuredAt: new Date().toISOString(), compression: "gzip -9", totals: totals(rows), files: rows },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${RESULTS}`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

function measure(manifest: Manifest, dir: string): Row[] {
  const shell = JSON.parse(readFileSync(join(dir, PAGE_SHELL_ASSET), "utf8")) as PageShell;
  const page = Buffer.from(shell.checkin.en, "utf8");
  const document: Row = {
    file: "/checkin/ (document)",
    phase: "first paint",
    bytes: page.length,
    gzipBytes: gzipSync(page, { level: 9 }).length,
  };
  const phaseOf = new Map<string, Phase>();
  // Static imports of the entry: needed before anything renders.
  const firstPaint = closure(manifest, [ENTRY], false);
  for (const key of firstPaint) phaseOf.set(key, "first paint");
  // Everything the guest pages import lazily, minus the desk.
  const lazyRoots = [...firstPaint]
    .flatMap((key) => manifest[key]?.dynamicImports ?? [])
    .filter((k) => !isDeskSource(k));
  for (const key of closure(manifest, lazyRoots, true)) if (!phaseOf.has(key)) phaseOf.set(key, "after");

  const rows: Row[] = [document];
  const seen = new Set<string>();
  for (const [key, phase] of phaseOf) {
    const chunk = manifest[key]!;
    for (const file of [chunk.file, ...(chunk.css ?? [])]) {
      if (seen.has(file) || !/\.(js|css)$/.test(file) || !existsSync(join(dir, file))) continue;
      seen.add(file);
      const content = readFileSync(join(dir, file));
      rows.push({ file, phase, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length });
    }
  }
  return rows.sort((a, b) => (a.phase === b.phase ? b.gzipBytes - a.gzipBytes : a.phase === "first paint" ? -1 : 1));
}

/** Keys reachable from `roots` by static imports (and, for lazy pages, their own non-desk dynamic imports). */
function closure(manifest: Manifest, roots: string[], followDynamic: boolean): Set<string> {
  const out = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const key = stack.pop()!;
    if (out.has(key) || !manifest[key]) continue;
    out.add(key);
    stack.push(...(manifest[key]!.imports ?? []));
    if (followDynamic) stack.push(...(manifest[key]!.dynamicImports ?? []).filter((k) => !isDeskSource(k)));
  }
  return out;
}

function totals(rows: Row[]) {
  const sum = (phase?: Phase) => {
    const picked = rows.filter((r) => !phase || r.phase === phase);
    return { files: picked.length, bytes: total(picked, "bytes"), gzipBytes: total(picked, "gzipBytes") };
  };
  return { firstPaint: sum("first paint"), after: sum("after"), wizard: sum() };
}

function total(rows: Row[], field: "bytes" | "gzipBytes"): number {
  return rows.reduce((n, r) => n + r[field], 0);
}

function print(rows: Row[]) {
  const kb = (n: number) => `${(n / 1000).toFixed(2)} kB`;
  const table: Record<"file" | "loaded" | "size" | "gzip", string>[] = rows.map((r) => ({
    file: r.file,
    loaded: r.phase,
    size: kb(r.bytes),
    gzip: kb(r.gzipBytes),
  }));
  const t = totals(rows);
  table.push(
    {
      file: "total before first paint",
      loaded: "first paint",
      size: kb(t.firstPaint.bytes),
      gzip: kb(t.firstPaint.gzipBytes),
    },
    { file: "total for the whole wizard", loaded: "all", size: kb(t.wizard.bytes), gzip: kb(t.wizard.gzipBytes) },
  );
  const widths = (["file", "loaded", "size", "gzip"] as const).map((k) =>
    Math.max(k.length, ...table.map((r) => r[k].length)),
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(["file", "loaded", "size", "gzip"]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const [i, r] of table.entries()) {
    if (i === rows.length) console.log(widths.map((w) => "-".repeat(w)).join("  "));
    console.log(line([r.file, r.loaded, r.size, r.gzip]));
  }
}
