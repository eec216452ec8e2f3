// biome-ignore-all lint/a11y/useValidAnchor: href arrives in the spread props, which the rule cannot see
import { splitProps, type JSX } from "solid-js";
import { followLink } from "../router";

/** An ordinary link that stays inside the app for plain clicks. */
export function Link(props: JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const [own, rest] = splitProps(props, ["onClick"]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a link's Enter key fires click itself
    // biome-ignore lint/a11y/noStaticElementInteractions: it is an <a href>, an interactive element
    <a
      {...rest}
      onClick={(e) => {
        if (typeof own.onClick === "function") own.onClick(e);
        followLink(e);
      }}
    />
  );
}
