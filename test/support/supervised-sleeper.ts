// A process that supervises a group of two sleeps, prints the group's id, and then
// waits: with "exit", until a line on stdin and then exits; otherwise for a signal.
// For the supervisor's clean-up tests.
import { supervise } from "../../scripts/supervisor";

const sleeper = supervise("sleeper", "sh", ["-c", "sleep 60 & exec sleep 60"], {
  cwd: process.cwd(),
  env: process.env,
  onLine: () => {},
});
// Both sleeps are up once sh has exec'd into the second: its command line says so.
await new Promise((r) => setTimeout(r, 300));
console.log(sleeper.pid);
if (process.argv[2] === "exit") process.stdin.once("data", () => process.exit(0));
else setInterval(() => {}, 1000);
