// Small formatters for the desk: durations, rates and the board's wording.
import type { BoardSession } from "../../domain/board";
import type { PinStatus } from "../../domain/checkin-types";
import type { DeviceType } from "../../domain/device-type";
import { type StepName, STEP_NUMBER } from "../../domain/steps";

export function formatDuration(ms: number): string {
  const totalMinutes = Math.floor(Math.max(0, ms) / 60_000);
  if (totalMinutes < 1) return `${Math.max(0, Math.floor(ms / 1000))} s`;
  if (totalMinutes < 60) return `${totalMinutes} min`;
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** Median and other short spans: "4 min 12 s". */
export function formatSpan(ms: number | null): string {
  if (ms === null) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
}

export function formatRate(r: number | null): string {
  return r === null ? "—" : `${(r * 100).toFixed(r >= 0.995 || r === 0 ? 0 : 1)}%`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-GB");
}

export const STEP_LABEL: Record<StepName, string> = {
  lookup: "Booking found",
  details: "Guest details",
  parking: "Parking",
  confirm: "Confirm",
  completed: "Checked in",
  error: "Needs help",
  expired: "Timed out",
};

export function stepText(step: StepName): string {
  if (step === "completed" || step === "expired") return STEP_LABEL[step];
  return `Step ${STEP_NUMBER[step]} of 4 · ${STEP_LABEL[step]}`;
}

export const DEVICE_LABEL: Record<DeviceType, string> = { mobile: "Phone", tablet: "Tablet", desktop: "Computer" };

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/** The guest's language in English, for staff: "Spanish", "Japanese"; null before their device said. */
export function languageLabel(code: string | null | undefined): string {
  return code ? (languageNames.of(code) ?? code) : "Not known yet";
}

export function pinText(s: Pick<BoardSession, "pinStatus" | "pinAttempts">): string {
  const labels: Record<PinStatus, string> = {
    idle: "Not started",
    creating: "Creating…",
    ready: "Ready",
    failed: "Failed",
  };
  const attempts =
    s.pinAttempts > 0 && s.pinStatus !== "idle"
      ? ` (${s.pinAttempts} ${s.pinAttempts === 1 ? "attempt" : "attempts"})`
      : "";
  return labels[s.pinStatus] + attempts;
}

export function clockTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(ms));
}
