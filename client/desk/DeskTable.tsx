// The desk's data tables: a sideways-scrolling wrapper for narrow screens, one header
// row and one body. Each page still writes its own rows, where their meaning is.
import { For, type JSX, Show } from "solid-js";

/** A column heading; `{ hidden }` is read by screen readers only (an actions column). */
export type DeskColumn = string | { hidden: string };

export function DeskTable<T>(props: {
  columns: readonly DeskColumn[];
  rows: readonly T[];
  /** One `<tr>` per row. */
  children: (row: T) => JSX.Element;
  testId?: string;
  /** Read by screen readers only: what the table lists, where no heading says it. */
  caption?: JSX.Element;
  /**
   * The id of the heading that names the table. The scrolling region then becomes a named,
   * focusable section, so keyboard users can scroll a table that holds no buttons.
   */
  labelledBy?: string;
  /** No scrolling wrapper: the table sits in a card or a disclosure that has its own. */
  bare?: boolean;
}) {
  const table = (
    <table class="desk-table" data-testid={props.testId}>
      <Show when={props.caption}>
        <caption class="visually-hidden">{props.caption}</caption>
      </Show>
      <thead>
        <tr>
          <For each={props.columns}>
            {(column) => (
              <th scope="col">
                {typeof column === "string" ? column : <span class="visually-hidden">{column.hidden}</span>}
              </th>
            )}
          </For>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>{(row) => props.children(row)}</For>
      </tbody>
    </table>
  );
  if (props.bare) return table;
  if (props.labelledBy) {
    return (
      <section class="table-wrap" tabindex="0" aria-labelledby={props.labelledBy}>
        {table}
      </section>
    );
  }
  return <div class="table-wrap">{table}</div>;
}
