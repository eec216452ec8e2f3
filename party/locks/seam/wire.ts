// The parts of Seam's HTTP API that Frontdoor reads, as zod schemas. Only the fields we
// use are declared and the rest pass through, so Seam adding fields never breaks us,
// while a missing id or state is caught at the boundary instead of deep in the PIN task.
import { z } from "zod";

export const seamIssue = z.object({
  error_code: z.string().optional(),
  warning_code: z.string().optional(),
  message: z.string().optional(),
});

export const seamAccessCode = z.object({
  access_code_id: z.string(),
  device_id: z.string(),
  name: z.string().nullable().optional(),
  code: z.string().nullable().optional(),
  status: z.string(),
  starts_at: z.string().nullable().optional(),
  ends_at: z.string().nullable().optional(),
  errors: z.array(seamIssue).default([]),
  warnings: z.array(seamIssue).default([]),
  is_backup: z.boolean().nullable().optional(),
  is_backup_access_code_available: z.boolean().nullable().optional(),
});
export type SeamAccessCode = z.infer<typeof seamAccessCode>;

export const seamCodeConstraint = z.object({ constraint_type: z.string() });

export const seamDevice = z.object({
  device_id: z.string(),
  display_name: z.string().optional(),
  errors: z.array(seamIssue).default([]),
  properties: z.object({
    name: z.string().optional(),
    online: z.boolean().default(true),
    battery_level: z.number().optional(),
    supported_code_lengths: z.array(z.number().int()).optional(),
    code_constraints: z.array(seamCodeConstraint).optional(),
    supports_backup_access_code_pool: z.boolean().optional(),
  }),
});
export type SeamDevice = z.infer<typeof seamDevice>;

export const seamPagination = z
  .object({ has_next_page: z.boolean(), next_page_cursor: z.string().nullable().optional() })
  .optional();

export const seamErrorBody = z.object({
  error: z.object({ type: z.string(), message: z.string().default("") }),
});

export const accessCodeResponse = z.object({ access_code: seamAccessCode });
/** `/access_codes/pull_backup_access_code` answers under its own key. */
export const backupAccessCodeResponse = z.object({ backup_access_code: seamAccessCode });
export const accessCodesResponse = z.object({ access_codes: z.array(seamAccessCode), pagination: seamPagination });
export const deviceResponse = z.object({ device: seamDevice });
export const devicesResponse = z.object({ devices: z.array(seamDevice), pagination: seamPagination });
