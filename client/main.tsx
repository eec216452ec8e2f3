// Entry point: picks the language, then renders the page for the current path (over
// /checkin/'s prerendered first screen, see prerendered.ts).
// The desk is a separate lazily loaded chunk, so guests never download it.
import { lazy, Match, onMount, Suspense, Switch } from "solid-js";
import { render } from "solid-js/web";
import { Loading } from "./components/Page";
import { loadStrings } from "./i18n";
import CheckinLink from "./pages/CheckinLink";
import Lookup, { Returning } from "./pages/Lookup";
import { takePrerendered } from "./prerendered";
import { here, navigate, rereadLocation } from "./router";
import { followSession } from "./session/controller";
import { WIZARD_PATHS } from "./session/routing";
import { currentStayToken, moveStayTokenToFragment, STAY_PATH } from "./stay-link";
// Built into the page shell as an inline <style> (vite.config.ts), not fetched.
import "./styles.css";

// Before any request: an old /stay/<token> link must not be re-sent anywhere.
moveStayTokenToFragment();
rereadLocation();

const DeskApp = lazy(() => import("./desk/DeskApp"));
// Every page after the first carries the phone library and its metadata (most of
// the wizard's weight). Splitting them off lets the booking-reference page paint
// first; they are fetched right after, while the guest is still typing.
const Details = lazy(() => import("./pages/Details"));
const Parking = lazy(() => import("./pages/Parking"));
const Confirm = lazy(() => import("./pages/Confirm"));
const ErrorPage = lazy(() => import("./pages/ErrorPage"));
const Stay = lazy(() => import("./pages/Stay"));
const NotFound = lazy(() => import("./pages/NotFound"));
const AFTER_FIRST_PAINT = [Details, Parking, Confirm, ErrorPage, Stay, NotFound, Returning];

/** A booking's check-in link: 43 base64url characters, which no wizard path is. */
const CHECKIN_LINK = /^\/checkin\/([A-Za-z0-9_-]{43})\/$/;

function App() {
  followSession();
  const path = () => here().path;
  const isKnown = () =>
    Object.values(WIZARD_PATHS).includes(path() as never) ||
    path() === STAY_PATH ||
    CHECKIN_LINK.test(path()) ||
    path().startsWith("/desk");
  onMount(() => {
    if (!isKnown()) navigate(WIZARD_PATHS.lookup, { replace: true });
    if (path().startsWith("/checkin")) for (const page of AFTER_FIRST_PAINT) void page.preload();
  });
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Match when={path() === WIZARD_PATHS.lookup}>
          <Lookup />
        </Match>
        <Match when={path() === WIZARD_PATHS.details}>
          <Details />
        </Match>
        <Match when={path() === WIZARD_PATHS.parking}>
          <Parking />
        </Match>
        <Match when={path() === WIZARD_PATHS.confirm}>
          <Confirm />
        </Match>
        <Match when={path() === WIZARD_PATHS.error}>
          <ErrorPage />
        </Match>
        <Match when={path() === WIZARD_PATHS.notFound}>
          <NotFound />
        </Match>
        <Match when={CHECKIN_LINK.exec(path())?.[1]} keyed>
          {(token) => <CheckinLink token={token} />}
        </Match>
        <Match when={path() === STAY_PATH}>
          <Stay token={currentStayToken()} />
        </Match>
        <Match when={path() === "/desk" || path().startsWith("/desk/")}>
          {/* Its own boundary: staff should not see the guest's "Loading your check-in…" */}
          <Suspense>
            <DeskApp />
          </Suspense>
        </Match>
      </Switch>
    </Suspense>
  );
}

void loadStrings().then(() => {
  const app = document.getElementById("app")!;
  const carryOver = takePrerendered(app);
  render(() => <App />, app);
  carryOver();
});
