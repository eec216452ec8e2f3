// The front desk: sign-in, the live board and funnel analytics under /desk/. Loaded
// lazily by the guest app's router, so guests never download it. The session lives
// in an HttpOnly cookie; this app only learns who is signed in from GET /api/desk/me.
import { createSignal, Match, onMount, Show, Switch } from "solid-js";
import { here, navigate } from "../router";
import { deskApi, whenUnauthorized } from "./api";
import AnalyticsPage from "./AnalyticsPage";
import BoardPage from "./BoardPage";
import { DeskLayout } from "./DeskLayout";
import LoginPage from "./LoginPage";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { useEnglishZodMessages } from "../../shared/zod-locale";
import "./desk.css";

// Staff read English: zod's messages are installed with the desk's chunk, not before the
// guest wizard's first paint, where guests are shown codes worded in their own language.
useEnglishZodMessages();

export const DESK_PATHS = { login: "/desk/login", board: "/desk/", analytics: "/desk/analytics" } as const;

type MeState = { status: "loading" } | { status: "signed-out" } | { status: "signed-in"; me: DeskMe } | { status: "error"; message: string };

export default function DeskApp() {
  const [me, setMe] = createSignal<MeState>({ status: "loading" });
  const path = () => here().path.replace(/\/+$/, "") || "/";
  const page = () => (path() === "/desk/login" ? "login" : path() === "/desk/analytics" ? "analytics" : "board");

  const goToLogin = () => {
    setMe({ status: "signed-out" });
    if (page() !== "login") navigate(DESK_PATHS.login, { replace: true });
  };
  whenUnauthorized(goToLogin);

  const loadMe = async () => {
    const result = await deskApi.me();
    if (result.ok) setMe({ status: "signed-in", me: result.value });
    else if (result.failure.kind === "unauthorized") goToLogin();
    else setMe({ status: "error", message: "The desk could not load. Refresh the page to try again." });
  };

  onMount(() => {
    if (path() !== "/desk/login" && path() !== "/desk/analytics" && path() !== "/desk") {
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
              current={page() as "board" | "analytics"}
              onSignedOut={() => {
                setMe({ status: "signed-out" });
                navigate(DESK_PATHS.login, { replace: true });
              }}
            >
              <Show when={page() === "analytics"} fallback={<BoardPage me={who()} />}>
                <AnalyticsPage me={who()} />
              </Show>
            </DeskLayout>
          )}
        </Match>
      </Switch>
    </div>
  );
}
