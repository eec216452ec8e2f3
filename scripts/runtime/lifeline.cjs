// Runs one command inside this process group and ends the group when the launcher that
// started it goes away, however it went: a kill -9 of the launcher runs none of its exit
// hooks, but the kernel still closes the launcher's end of our stdin, and that EOF is
// the one signal that cannot be missed. Nothing here looks at parents or ancestors, so
// nohup, setsid or a re-parenting supervisor change nothing.
"use strict";
const { spawn } = require("node:child_process");

const GRACE_MS = 3000;
const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"] });
let childExited = false;
let ending = false;

function endGroup() {
  if (ending) return;
  ending = true;
  try {
    process.kill(-process.pid, "SIGTERM");
  } catch {}
  setTimeout(() => {
    try {
      process.kill(-process.pid, "SIGKILL");
    } catch {}
  }, GRACE_MS).unref();
}

process.stdin.on("end", endGroup);
process.stdin.on("error", endGroup);
process.stdin.resume();

// A stop signal is for the command: pass it on and leave when it has gone, with its outcome.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (childExited) process.exit(0);
    if (!ending) child.kill(signal);
  });
}

child.on("error", (error) => {
  process.stderr.write(`failed to start ${command}: ${error.message}\n`);
  process.exit(127);
});

child.on("exit", (code, signal) => {
  childExited = true;
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
