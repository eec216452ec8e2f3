// Child output as prefixed log lines, with a tail per child kept for error messages.
export type LogOption = boolean | ((line: string) => void);

const TAIL_LINES = 80;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escapes is the point.
const ANSI_ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]/g;

export interface Logger {
  line(prefix: string, text: string): void;
  tail(prefix: string): string;
}

/** true: to stdout; false: kept only for tails; a function: a line sink. */
export function makeLogger(option: LogOption): Logger {
  const tails = new Map<string, string[]>();
  return {
    line(prefix, raw) {
      // partykit draws with ink: cursor codes and blank lines carry nothing in a log.
      const text = raw.replace(ANSI_ESCAPE, "").trimEnd();
      if (text === "") return;
      const tail = tails.get(prefix) ?? [];
      tail.push(text);
      if (tail.length > TAIL_LINES) tail.shift();
      tails.set(prefix, tail);
      const out = `[${prefix}] ${text}`;
      if (option === true) console.log(out);
      else if (typeof option === "function") option(out);
    },
    tail(prefix) {
      return (tails.get(prefix) ?? []).map((l) => `  [${prefix}] ${l}`).join("\n");
    },
  };
}
