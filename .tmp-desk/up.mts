import { startStack } from "/work/main/scripts/stack";
const s = await startStack({ dataDir: "/tmp/deskexp/stack", log: (l) => { if (!/GET|POST/.test(l)) console.log(l); }, runtimeVars: { SIM_LOCK_FAILURE_RATE: process.env.FAIL ?? "0", PIN_MAX_ATTEMPTS: "2", PIN_RETRY_BASE_MS: "50", PIN_RETRY_MAX_MS: "100" } });
console.log("URL", s.url, s.libsqlUrl);
process.on("SIGTERM", async () => { await s.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
