import type { MessageStrings } from "./en";

const nl: MessageStrings = {
  lang: "nl",
  dir: "ltr",
  locale: "nl-NL",
  greeting: "Hallo,",
  phoneLine: (property, phone) => `Vragen? Bel ${property} op ${phone}.`,
  unsubscribe: "Geen e-mails meer ontvangen",
  invitation: {
    subject: (v) => `Check online in voor uw verblijf bij ${v.property}`,
    email: (v) => [
      `Bedankt voor uw boeking bij ${v.property}. U komt aan op ${v.arrival}.`,
      "Check online in voordat u aankomt: het duurt ongeveer twee minuten en uw deurcode staat klaar als u aankomt.",
    ],
    linkText: "Online inchecken",
    sms: (v) => `${v.property}: check online in voor uw aankomst op ${v.arrival}: ${v.link}`,
  },
  reminder: {
    subject: (v) => `U komt morgen aan: check online in bij ${v.property}`,
    email: (v) => [
      `U komt op ${v.arrival} aan bij ${v.property} en bent nog niet ingecheckt.`,
      "Check nu online in, dan staat uw deurcode klaar. Bent u al begonnen, dan gaat u verder waar u was gebleven.",
    ],
    linkText: "Inchecken afronden",
    sms: (v) => `${v.property}: u komt aan op ${v.arrival}. Check nu online in: ${v.link}`,
  },
  doorCode: {
    subject: (v) => `Uw deurcode voor ${v.property}`,
    email: (v) => [
      `U bent ingecheckt bij ${v.property}.`,
      v.code
        ? `Uw deurcode is ${v.code.code}. Hij opent de deuren van ${v.code.from} tot ${v.code.until}.`
        : "Uw deurcode staat op de pagina van uw verblijf.",
    ],
    linkText: "Pagina van uw verblijf openen",
    sms: (v) =>
      v.code
        ? `${v.property}: uw deurcode is ${v.code.code}, van ${v.code.from} tot ${v.code.until}. ${v.link}`
        : `${v.property}: u bent ingecheckt. Uw deurcode: ${v.link}`,
  },
  codeConfirmed: {
    subject: (v) => `Uw deurcode is klaar bij ${v.property}`,
    email: (v) => [`De sloten van ${v.property} hebben uw code bevestigd. Hij is klaar voor uw aankomst.`],
    linkText: "Pagina van uw verblijf openen",
    sms: (v) => `${v.property}: de deur heeft uw code bevestigd. Hij is klaar. ${v.link}`,
  },
  test: {
    subject: (v) => `Testbericht van ${v.property}`,
    email: (v) => [`Dit is een test van de gastberichten van ${v.property}.`],
    linkText: "Frontdoor openen",
    sms: (v) => `${v.property}: testbericht van Frontdoor. ${v.link}`,
  },
};

export default nl;
