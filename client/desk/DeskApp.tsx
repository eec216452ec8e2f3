// The front desk: sign-in, the live board and funnel analytics under /desk/. Loaded
// lazily by the guest app's router, so guests never download it. The session lives
// in an HttpOnly cookie; this app only learns who is signed in from GET /api/desk/me.
import { createSignal, Match, onMount, Switch } from "solid-js";
import { here, navigate } from "../router";
import { deskApi, whenUnauthorized } from "./api";
import AccountPage from "./AccountPage";
import AnalyticsPage from "./AnalyticsPage";
import BoardPage from "./BoardPage";
import BookingsPage from "./BookingsPage";
import { DeskLayout } from "./DeskLayout";
import IntegrationsPage from "./IntegrationsPage";
import LoginPage from "./LoginPage";
import OutboxPage from "./OutboxPage";
import PropertyPage from "./PropertyPage";
import SetPasswordPage from "./SetPasswordPage";
import StaffPage from "./StaffPage";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { useEnglishZodMessages } from "../../shared/zod-locale";
import "./desk.css";

// Staff read English: zod's messages are installed with the desk's chunk, not before the
// guest wizard's first paint, where guests are shown codes worded in their own language.
useEnglishZodMessages();

export const DESK_PATHS = {
  login: "/desk/login",
  board: "/desk/",
  analytics: "/desk/analytics",
  bookings: "/desk/bookings",
  outbox: "/desk/outbox",
  property: "/desk/property",
  staff: "/desk/staff",
  integrations: "/desk/integrations",
  account: "/desk/account",
  setPassword: "/desk/set-password",
} as const;
type DeskPage =
  | "login"
  | "set-password"
  | "board"
  | "analytics"
  | "bookings"
  | "outbox"
  | "property"
  | "staff"
  | "integrations"
  | "account";
/** Pages a signed-out reader may stay on. */
const OPEN_PAGES: readonly DeskPage[] = ["login", "set-password"];
const PAGE_OF_PATH: Record<string, DeskPage> = {
  "/desk/login": "login",
  "/desk/analytics": "analytics",
  "/desk/bookings": "bookings",
  "/desk/outbox": "outbox",
  "/desk/property": "property",
  "/desk/staff": "staff",
  "/desk/integrations": "integrations",
  "/desk/account": "account",
  "/desk/set-password": "set-password",
};

type MeState =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "signed-in"; me: DeskMe }
  | { status: "error"; message: string };

export default function DeskApp() {
  const [me, setMe] = createSignal<MeState>({ status: "loading" });
  const path = () => here().path.replace(/\/+$/, "") || "/";
  const page = (): DeskPage => PAGE_OF_PATH[path()] ?? "board";

  const goToLogin = () => {
    setMe({ status: "signed-out" });
    if (!OPEN_PAGES.includes(page())) navigate(DESK_PATHS.login, { replace: true });
  };
  whenUnauthorized(goToLogin);

  const loadMe = async () => {
    const result = await deskApi.me();
    if (result.ok) setMe({ status: "signed-in", me: result.value });
    else if (result.failure.kind === "unauthorized") goToLogin();
    else setMe({ status: "error", message: "The desk could not load. Refresh the page to try again." });
  };

  onMount(() => {
    if (!PAGE_OF_PATH[path()] && path() !== "/desk") {
      // Unknown desk paths land on the board; "/desk" becomes "/desk/" so links stay relative-safe.
      navigate(DESK_PATHS.board, { replace: true });
    }
    void loadMe();
  });

  const signedIn = () => {
    const m = me();
    return m.status === "signed-in" ? m.me : null;
  };

  return (
    <div class="desk">
      <Switch>
        <Match when={page() === "login"}>
          <LoginPage
            alreadySignedIn={signedIn()}
            onSignedIn={async () => {
              await loadMe();
              navigate(DESK_PATHS.board, { replace: true });
            }}
          />
        </Match>
        <Match when={page() === "set-password"}>
          <SetPasswordPage />
        </Match>
        <Match when={me().status === "loading"}>
          <p class="desk-loading" role="status">
            Loading the front desk…
          </p>
        </Match>
        <Match when={me().status === "error"}>
          <p class="desk-alert" role="alert">
            {(me() as { message: string }).message}
          </p>
        </Match>
        <Match when={signedIn()}>
          {(who) => (
            <DeskLayout
              me={who()}
              current={page() as Exclude<DeskPage, "login" | "set-password">}
              onSignedOut={() => {
                setMe({ status: "signed-out" });
                navigate(DESK_PATHS.login, { replace: true });
              }}
            >
              <Switch fallback={<BoardPage me={who()} />}>
                <Match when={page() === "analytics"}>
                  <AnalyticsPage me={who()} />
                </Match>
                <Match when={page() === "bookings"}>
                  <BookingsPage me={who()} />
                </Match>
                <Match when={page() === "outbox"}>
                  <OutboxPage me={who()} />
                </Match>
                <Match when={page() === "property"}>
                  <PropertyPage me={who()} />
                </Match>
                <Match when={page() === "staff" && who().role === "manager"}>
                  <StaffPage me={who()} />
                </Match>
                <Match when={page() === "integrations" && who().role === "manager"}>
                  <IntegrationsPage me={who()} />
                </Match>
                <Match when={page() === "account"}>
                  <AccountPage me={who()} />
                </Match>
              </Switch>
            </DeskLayout>
          )}
        </Match>
      </Switch>
    </div>
  );
}
