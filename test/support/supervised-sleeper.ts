// A process that supervises a group of two sleeps (under their lifeline), prints the group's id, and then
// waits: with "exit", until a line on stdin and then exits; otherwise for a signal.
// For the supervisor's clean-up tests.
import { groupMembers } from "../../scripts/proc";
import { supervise } from "../../scripts/supervisor";

const sleeper = supervise("sleeper", "sh", ["-c", "sleep 60 & exec sleep 60"], {
  cwd: process.cwd(),
  env: process.env,
  onLine: () => {},
});
// Up once the lifeline runs sh and sh has exec'd into the second sleep.
const deadline = Date.now() + 10_000;
while (groupMembers(sleeper.pid).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
console.log(sleeper.pid);
if (process.argv[2] === "exit") process.stdin.once("data", () => process.exit(0));
else setInterval(() => {}, 1000);
