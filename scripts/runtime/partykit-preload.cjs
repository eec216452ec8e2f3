// Preloaded into `partykit dev` (node --require) for what partykit 0.0.115 has no option for.
//
// FRONTDOOR_VARS_FILE: a JSON object of runtime variables, handed to partykit as `--var`
// flags added to process.argv here, in memory. On the real command line they would be
// readable by every user in `ps`; partykit's own ways (its config, `.env`) rank below the
// repository's `.env`, which would then override them.
//
// FRONTDOOR_BIND_HOST: partykit hard-codes 0.0.0.0 as the address of workerd's entry socket
// and of miniflare's loopback server, opens its inspector proxy on every interface, and
// starts esbuild's asset server with no host; this puts all of them on the given address.
"use strict";
const childProcess = require("node:child_process");
const fs = require("node:fs");
const { register } = require("node:module");
const net = require("node:net");
const { pathToFileURL } = require("node:url");

const varsFile = process.env.FRONTDOOR_VARS_FILE;
if (varsFile) {
  const vars = JSON.parse(fs.readFileSync(varsFile, "utf8"));
  for (const [key, value] of Object.entries(vars)) process.argv.push("--var", `${key}=${value}`);
}

const host = process.env.FRONTDOOR_BIND_HOST;
const WILDCARDS = new Set(["0.0.0.0", "::", ""]);

if (host && !WILDCARDS.has(host)) {
  register("./esbuild-hooks.mjs", pathToFileURL(__filename));
  const socketHost = host.includes(":") ? `[${host}]` : host;
  const entryFlag = "--socket-addr=entry=0.0.0.0:";

  const spawn = childProcess.spawn;
  childProcess.spawn = function spawnBound(command, args, ...rest) {
    const bound = Array.isArray(args)
      ? args.map((a) => (typeof a === "string" && a.startsWith(entryFlag) ? a.replace("0.0.0.0", socketHost) : a))
      : args;
    return spawn.call(this, command, bound, ...rest);
  };

  // Every TCP server partykit dev opens without an address of its own (its DevTools
  // inspector proxy, the port checks) or on a wildcard gets ours instead. Paths and
  // handles (pipes, inherited sockets) are left alone.
  const isPort = (value) => typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value));
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function listenBound(...args) {
    const [first, second] = args;
    if (isPort(first)) {
      if (typeof second !== "string") args.splice(1, 0, host);
      else if (WILDCARDS.has(second)) args[1] = host;
    } else if (first && typeof first === "object" && first.path === undefined && isPort(first.port ?? 0)) {
      if (first.host === undefined || WILDCARDS.has(first.host)) args[0] = { ...first, host };
    }
    return listen.apply(this, args);
  };
}
