// The OpenAPI 3.1 document of /api/v1, built from the zod schemas the routes validate with
// (zod 4's own JSON Schema output, whose 2020-12 dialect is OpenAPI 3.1's), so it cannot
// describe a request the server would refuse or miss a field it accepts.
import { z } from "zod/mini";
import {
  apiError,
  apiReservation,
  apiReservationInput,
  apiReservationsPage,
  apiReservationsQuery,
  apiRooms,
  apiWebhookEvent,
} from "../../../shared/api-v1-protocol";

type JsonSchema = Record<string, unknown>;

const schema = (s: z.core.$ZodType, io: "input" | "output" = "output"): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: string) => ({ "application/json": { schema: ref(name) } });
const errorResponse = (description: string) => ({ description, content: jsonContent("Error") });

const referenceParameter = {
  name: "ref",
  in: "path",
  required: true,
  description: "The booking reference (4 to 16 letters or digits; case does not matter).",
  schema: { type: "string", pattern: "^[A-Za-z0-9]{4,16}$" },
};

function queryParameters(): JsonSchema[] {
  const shape = apiReservationsQuery.def.shape as Record<string, z.core.$ZodType>;
  return Object.entries(shape).map(([name, s]) => ({ name, in: "query", required: false, schema: schema(s, "input") }));
}

const common = {
  "401": errorResponse("No API key, a malformed one or a revoked one."),
  "429": {
    ...errorResponse("Over this key's rate limit; wait the `Retry-After` seconds."),
    headers: { "Retry-After": { schema: { type: "integer" } } },
  },
};

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Frontdoor API",
      version: "1.0.0",
      description:
        "Reservations and rooms of the property an API key belongs to. Managers create keys on the desk's " +
        "Integrations page. Every error is `{ error: { code, message, fields? } }`.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ apiKey: [] }],
    paths: {
      "/reservations": {
        get: {
          operationId: "listReservations",
          summary: "List reservations by arrival date, a page at a time",
          parameters: queryParameters(),
          responses: {
            "200": { description: "A page of reservations", content: jsonContent("ReservationsPage") },
            "400": errorResponse("A query parameter is not valid; `fields` says which."),
            ...common,
          },
        },
      },
      "/reservations/{ref}": {
        get: {
          operationId: "getReservation",
          summary: "Get a reservation by its reference",
          parameters: [referenceParameter],
          responses: {
            "200": { description: "The reservation", content: jsonContent("Reservation") },
            "404": errorResponse("No reservation with that reference at this key's property."),
            ...common,
          },
        },
        put: {
          operationId: "upsertReservation",
          summary: "Create or update a reservation by its reference",
          description:
            "Idempotent: the same body again changes nothing and answers the same reservation. A checked-in " +
            "reservation's room, dates and times cannot change (409).",
          parameters: [referenceParameter],
          requestBody: { required: true, content: jsonContent("ReservationInput") },
          responses: {
            "200": { description: "Updated (or already as given)", content: jsonContent("Reservation") },
            "201": { description: "Created", content: jsonContent("Reservation") },
            "400": errorResponse("The body is not valid; `fields` names each problem."),
            "409": errorResponse("Not allowed in the reservation's state, or the reference is in use elsewhere."),
            "413": errorResponse("Body over 16 KB."),
            "415": errorResponse("Body not sent as application/json."),
            ...common,
          },
        },
      },
      "/reservations/{ref}/cancel": {
        post: {
          operationId: "cancelReservation",
          summary: "Cancel a reservation (a cancelled one is answered as it is)",
          parameters: [referenceParameter],
          responses: {
            "200": { description: "The cancelled reservation", content: jsonContent("Reservation") },
            "404": errorResponse("No reservation with that reference at this key's property."),
            "409": errorResponse("A no-show or a checked-in reservation cannot be cancelled."),
            ...common,
          },
        },
      },
      "/rooms": {
        get: {
          operationId: "listRooms",
          summary: "List the property's rooms",
          responses: { "200": { description: "The rooms", content: jsonContent("Rooms") }, ...common },
        },
      },
    },
    webhooks: {
      event: {
        post: {
          summary: "checkin.completed, checkin.failed and reservation.changed, signed in `Frontdoor-Signature`",
          parameters: [
            {
              name: "Frontdoor-Signature",
              in: "header",
              required: true,
              description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the endpoint\'s secret>',
              schema: { type: "string" },
            },
          ],
          requestBody: { required: true, content: jsonContent("WebhookEvent") },
          responses: { "200": { description: "Any 2xx acknowledges; anything else is retried for 24 hours." } },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key, fd_live_…" } },
      schemas: {
        Reservation: schema(apiReservation),
        ReservationInput: schema(apiReservationInput, "input"),
        ReservationsPage: schema(apiReservationsPage),
        Rooms: schema(apiRooms),
        Error: schema(apiError),
        WebhookEvent: schema(apiWebhookEvent),
      },
    },
  };
}
