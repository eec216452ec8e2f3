// The desk's door actions: a backup code or a brand-new code for a guest at a locked door
// (any staff, from the board), and the property's backup-code pools (managers add and remove codes;
// everyone sees them masked). Every step is audited; no code reaches a log.
import { Hono } from "hono";
import { recordAudit } from "../../../db/queries/audit";
import { addBackupCode, backupCodesOf, deleteUnusedBackupCode } from "../../../db/queries/door-trouble";
import { roomsOf } from "../../../db/queries/rooms";
import { BACKUP_CODE_PATTERN, maskedHint } from "../../../domain/backup-codes";
import { localDate } from "../../../domain/pin-window";
import { decodeJson } from "../../../shared/decode";
import {
  deskBackupCodeInput,
  deskIssueBackupResponse,
  deskNewCodeResponse,
  type DeskBackupCodesResponse,
} from "../../../shared/door-protocol";
import { DOOR_COMMAND_PATH } from "../../checkin/stay-command";
import { sealCode } from "../../doors/backup-code-crypto";
import { apiErrorResponse, readJsonBody } from "../../http-json";
import { callParty } from "../../party-client";
import { randomId } from "../../random";
import { noProperty, requireManager, type DeskEnv } from "./context";
import { sessionInScope } from "./session-scope";

export const doorRoutes = new Hono<DeskEnv>();

doorRoutes.post("/sessions/:sessionId/backup-code", async (c) => {
  const session = await sessionInScope(c);
  if (session instanceof Response) return session;
  const staff = c.get("staff");
  const res = await callParty(
    c.get("env"),
    c.env.lobby.parties,
    { party: "checkin", roomId: session.sessionId, path: DOOR_COMMAND_PATH },
    { method: "POST", body: { type: "issue-backup", staffId: staff.staffId } },
  );
  const answer = decodeJson(await res.text(), deskIssueBackupResponse);
  await recordAudit(c.get("db"), {
    staffId: staff.staffId,
    action: "door.backup",
    bookingRef: session.bookingRef,
    sessionId: session.sessionId,
    detail: answer.ok
      ? `given: ${answer.value.given.join(", ") || "none"}; none left: ${answer.value.missing.join(", ") || "none"}`
      : `refused ${res.status}`,
    at: Date.now(),
  });
  if (!res.ok || !answer.ok) return apiErrorResponse(502, "upstream", "The check-in session could not give a code.");
  return c.json(answer.value);
});

doorRoutes.post("/sessions/:sessionId/new-code", async (c) => {
  const session = await sessionInScope(c);
  if (session instanceof Response) return session;
  const staff = c.get("staff");
  const res = await callParty(
    c.get("env"),
    c.env.lobby.parties,
    { party: "checkin", roomId: session.sessionId, path: DOOR_COMMAND_PATH },
    { method: "POST", body: { type: "new-code", staffId: staff.staffId } },
  );
  const text = await res.text();
  await recordAudit(c.get("db"), {
    staffId: staff.staffId,
    action: "door.new-code",
    bookingRef: session.bookingRef,
    sessionId: session.sessionId,
    detail: res.ok ? "issued" : `refused ${res.status}`,
    at: Date.now(),
  });
  // The room's refusal (not checked in, cancelled, a keypad code) is already in plain words.
  if (res.status === 409) return c.newResponse(text, 409, { "content-type": "application/json" });
  const answer = decodeJson(text, deskNewCodeResponse);
  if (!res.ok || !answer.ok) return apiErrorResponse(502, "upstream", "The check-in session could not issue a code.");
  return c.json(answer.value);
});

doorRoutes.get("/backup-codes", async (c) => {
  const p = c.get("staff").property;
  if (!p) return noProperty();
  const rows = await backupCodesOf(c.get("db"), p.id);
  const body: DeskBackupCodesResponse = {
    codes: rows.map((r) => ({
      id: r.id,
      lockId: r.lockId,
      hint: r.hint,
      createdAt: r.createdAt,
      used: r.assignedSessionId !== null,
    })),
  };
  return c.json(body);
});

doorRoutes.post("/backup-codes", requireManager, async (c) => {
  const staff = c.get("staff");
  const p = staff.property;
  if (!p) return noProperty();
  const body = await readJsonBody(c.req.raw, deskBackupCodeInput);
  if (!body.ok) return body.response;
  const code = body.value.code.replace(/\s/g, "");
  if (!BACKUP_CODE_PATTERN.test(code)) {
    return apiErrorResponse(400, "validation", "Check the backup code.", {
      fields: { code: "Enter the code as 4 to 12 digits" },
    });
  }
  const rooms = await roomsOf(c.get("db"), p.id, localDate(Date.now(), p.timeZone));
  if (!rooms.some((r) => r.frontDoorLockId === body.value.lockId || r.roomLockId === body.value.lockId)) {
    return apiErrorResponse(400, "validation", "Check the lock.", {
      fields: { lockId: "Choose a lock of one of this property's rooms" },
    });
  }
  const id = `bkp_${randomId(12)}`;
  const now = Date.now();
  await addBackupCode(c.get("db"), {
    id,
    propertyId: p.id,
    lockId: body.value.lockId,
    codeCipher: await sealCode(c.get("env").SESSION_SECRET, code),
    hint: maskedHint(code),
    createdAt: now,
  });
  await recordAudit(c.get("db"), { staffId: staff.staffId, action: "backup-code.add", detail: id, at: now });
  return c.json({ id, lockId: body.value.lockId, hint: maskedHint(code), createdAt: now, used: false }, 201);
});

doorRoutes.delete("/backup-codes/:id", requireManager, async (c) => {
  const staff = c.get("staff");
  const p = staff.property;
  if (!p) return noProperty();
  const id = c.req.param("id").slice(0, 100);
  if (!(await deleteUnusedBackupCode(c.get("db"), p.id, id))) {
    return apiErrorResponse(404, "not_found", "No unused backup code with that id at this property.");
  }
  await recordAudit(c.get("db"), { staffId: staff.staffId, action: "backup-code.delete", detail: id, at: Date.now() });
  return c.body(null, 204);
});
