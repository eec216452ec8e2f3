import { formatInternational } from "../phone";

/** A number a guest can tap to call, written the way people read it. */
export function PhoneLink(props: { e164: string }) {
  return (
    <a class="nowrap" dir="ltr" href={`tel:${props.e164}`}>
      {formatInternational(props.e164)}
    </a>
  );
}
