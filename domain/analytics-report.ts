// The desk's analytics report for one property and date range: what the charts draw
// and the CSV export writes.
import type { DeviceType } from "./device-type";
import type { DropOff, FunnelCounts, FunnelStage } from "./funnel";

export interface DeviceFunnel extends FunnelCounts {
  deviceType: DeviceType;
  completionRate: number | null;
}

/** The funnel by the language guests read it in; null for sessions whose device never said. */
export interface LanguageFunnel extends FunnelCounts {
  language: string | null;
  completionRate: number | null;
}

export interface DailyCounts {
  date: string;
  started: number;
  completed: number;
}

export interface AnalyticsReport {
  propertyId: string;
  timeZone: string;
  from: string;
  to: string;
  sessionsStarted: number;
  completed: number;
  completionRate: number | null;
  medianCompletionMs: number | null;
  funnel: FunnelStage[];
  biggestDropOff: DropOff | null;
  devices: DeviceFunnel[];
  languages?: LanguageFunnel[];
  daily: DailyCounts[];
  /** Times guests said "code not working" in the range (absent from reports made before it was counted). */
  doorTrouble?: number;
}
