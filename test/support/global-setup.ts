// Builds the client once for the whole run, so each test stack skips `vite build`.
import { buildClientBundle } from "../../scripts/stack";

export default async function setup() {
  const lines: string[] = [];
  try {
    await buildClientBundle((line) => lines.push(line));
  } catch (err) {
    console.error(lines.join("\n"));
    throw err;
  }
}
