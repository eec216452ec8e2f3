// Every guest page offers every language, each named in itself. A disclosure rather
// than a <select>: arrowing through a select would change the page under the guest.
// Changing language re-words the page in place, so nothing typed is lost.
import { For } from "solid-js";
import { LANGUAGES, type Language } from "../../domain/languages";
import { language, text } from "../i18n";
import { LANGUAGE_NAMES } from "../i18n/names";
import { chooseLanguage } from "../session/controller";

export function LanguageSwitcher() {
  let disclosure!: HTMLDetailsElement;
  function pick(lang: Language) {
    disclosure.open = false;
    void chooseLanguage(lang);
  }
  return (
    <details class="languages" ref={disclosure}>
      <summary class="languages__toggle">
        {text.languageLabel}: <span lang={language()}>{LANGUAGE_NAMES[language()]}</span>
      </summary>
      <ul class="languages__list">
        <For each={LANGUAGES}>
          {(lang) => (
            <li>
              <button
                class="languages__choice"
                type="button"
                lang={lang}
                aria-current={lang === language() ? "true" : undefined}
                onClick={() => pick(lang)}
              >
                {LANGUAGE_NAMES[lang]}
              </button>
            </li>
          )}
        </For>
      </ul>
    </details>
  );
}
