// Every page is the same HTML shell; the client router picks the page. The build
// stores it as JSON under this name so partykit's static server never answers a page
// itself (it cannot add headers): the main party serves the shell, with the security
// headers, for every page path. As JSON it cannot render as a page if fetched directly.
export const PAGE_SHELL_ASSET = "page-shell.json";

export interface PageShell {
  html: string;
}
