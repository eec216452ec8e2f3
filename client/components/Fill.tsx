import type { JSX } from "solid-js";

/**
 * Renders a string-table sentence with `{name}` slots filled by elements (a phone
 * link, say), so translators keep whole sentences and word order stays theirs.
 */
export function Fill(props: { template: string; values: Record<string, JSX.Element> }) {
  return (
    <>
      {props.template.split(/(\{\w+\})/).map((part) => {
        const slot = /^\{(\w+)\}$/.exec(part);
        return slot ? props.values[slot[1]!] : part;
      })}
    </>
  );
}
