import { sql } from "drizzle-orm";
import { openDatabase } from "/work/main/db/client";
const db = openDatabase("http://127.0.0.1:18555");
console.log(await db.all(sql`select 1 as a, ${2.0} as b, 'x' as c`));
console.log(await db.all(sql`select 1 as a limit ${2} offset ${0}`).catch(e => String(e)));
console.log(await db.all(sql`select 1 as a limit cast(${2} as integer) offset cast(${0} as integer)`).catch(e => String(e)));
