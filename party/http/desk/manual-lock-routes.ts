// The desk's manual locks: everyone sees them (name, last two digits, who set the code
// and when, whether a new one is due); managers add one and set its code. Setting a
// code is audited, and the stay pages of guests still in their stay hear of it at once.
import { Hono } from "hono";
import { recordAudit } from "../../../db/queries/audit";
import { addManualLock, manualLocksOf, setManualCode } from "../../../db/queries/manual-locks";
import { maskedHint } from "../../../domain/backup-codes";
import { manualLockRef, validateManualCode, validateManualLockName } from "../../../domain/manual-lock";
import {
  deskManualCodeInput,
  deskManualLockInput,
  type DeskManualLock,
  type DeskManualLocksResponse,
} from "../../../shared/manual-lock-protocol";
import { MANUAL_CODE_PATH } from "../../checkin/stay-channel";
import { sealCode } from "../../doors/backup-code-crypto";
import { rotationDue, sessionsInStayOn } from "../../doors/manual-codes";
import { apiErrorResponse, readJsonBody } from "../../http-json";
import { loggableError } from "../../log-safe";
import { callParty } from "../../party-client";
import { randomId } from "../../random";
import { noProperty, requireManager, type DeskEnv } from "./context";

export const manualLockRoutes = new Hono<DeskEnv>();

manualLockRoutes.get("/manual-locks", async (c) => {
  const p = c.get("staff").property;
  if (!p) return noProperty();
  const db = c.get("db");
  const rows = await manualLocksOf(db, p.id);
  const due = await rotationDue(db, p, rows, Date.now());
  const body: DeskManualLocksResponse = {
    locks: rows.map(
      (r): DeskManualLock => ({
        id: r.id,
        lockId: manualLockRef(r.id),
        name: r.name,
        hint: r.hint,
        codeSetAt: r.codeSetAt,
        codeSetBy: r.codeSetBy,
        rotateSince: due.get(r.id) ?? null,
      }),
    ),
  };
  return c.json(body);
});

manualLockRoutes.post("/manual-locks", requireManager, async (c) => {
  const staff = c.get("staff");
  const p = staff.property;
  if (!p) return noProperty();
  const body = await readJsonBody(c.req.raw, deskManualLockInput);
  if (!body.ok) return body.response;
  const name = validateManualLockName(body.value.name);
  const code = validateManualCode(body.value.code);
  if (!name.ok || !code.ok) {
    return apiErrorResponse(400, "validation", "Check the lock's name and code.", {
      fields: { ...(name.ok ? {} : { name: name.reason }), ...(code.ok ? {} : { code: code.reason }) },
    });
  }
  const id = `mlk_${randomId(12)}`;
  const now = Date.now();
  const db = c.get("db");
  await addManualLock(db, {
    id,
    propertyId: p.id,
    name: name.name,
    codeCipher: await sealCode(c.get("env").SESSION_SECRET, code.code),
    hint: maskedHint(code.code),
    codeSetBy: staff.displayName,
    codeSetAt: now,
    createdAt: now,
  });
  await recordAudit(db, { staffId: staff.staffId, action: "manual-lock.add", detail: id, at: now });
  return c.json({ id, lockId: manualLockRef(id) }, 201);
});

manualLockRoutes.put("/manual-locks/:id/code", requireManager, async (c) => {
  const staff = c.get("staff");
  const p = staff.property;
  if (!p) return noProperty();
  const body = await readJsonBody(c.req.raw, deskManualCodeInput);
  if (!body.ok) return body.response;
  const code = validateManualCode(body.value.code);
  if (!code.ok) return apiErrorResponse(400, "validation", "Check the code.", { fields: { code: code.reason } });
  const id = c.req.param("id").slice(0, 100);
  const now = Date.now();
  const db = c.get("db");
  const sealed = await sealCode(c.get("env").SESSION_SECRET, code.code);
  const hint = maskedHint(code.code);
  if (!(await setManualCode(db, p.id, id, { codeCipher: sealed, hint, codeSetBy: staff.displayName, codeSetAt: now })))
    return apiErrorResponse(404, "not_found", "No manual lock with that id at this property.");
  await recordAudit(db, { staffId: staff.staffId, action: "manual-lock.code", detail: id, at: now });
  // Guests in their stay now hold a code that no longer opens the door: their pages follow.
  const sessions = await sessionsInStayOn(db, p, manualLockRef(id), now);
  const env = c.get("env");
  const told = sessions.map((sessionId) =>
    callParty(
      env,
      c.env.lobby.parties,
      { party: "checkin", roomId: sessionId, path: MANUAL_CODE_PATH },
      { method: "POST", body: {} },
    ).catch((err) => console.warn(`[desk] a stay page missed a new manual code: ${loggableError(err)}`)),
  );
  await Promise.all(told);
  return c.json({ id, hint, codeSetAt: now, codeSetBy: staff.displayName });
});
