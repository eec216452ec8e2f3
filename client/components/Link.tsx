import { splitProps, type JSX } from "solid-js";
import { followLink } from "../router";

/** An ordinary link that stays inside the app for plain clicks. */
export function Link(props: JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const [own, rest] = splitProps(props, ["onClick"]);
  return (
    <a
      {...rest}
      onClick={(e) => {
        if (typeof own.onClick === "function") own.onClick(e);
        followLink(e);
      }}
    />
  );
}
