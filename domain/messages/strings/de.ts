import type { MessageStrings } from "./en";

const de: MessageStrings = {
  lang: "de",
  dir: "ltr",
  locale: "de-DE",
  greeting: "Guten Tag,",
  phoneLine: (property, phone) => `Fragen? Rufen Sie ${property} unter ${phone} an.`,
  unsubscribe: "Diese E-Mails abbestellen",
  invitation: {
    subject: (v) => `Online einchecken für Ihren Aufenthalt in ${v.property}`,
    email: (v) => [
      `Danke für Ihre Buchung in ${v.property}. Sie reisen am ${v.arrival} an.`,
      "Checken Sie vor der Anreise online ein: Es dauert etwa zwei Minuten, und Ihr Türcode ist bei Ihrer Ankunft bereit.",
    ],
    linkText: "Online einchecken",
    sms: (v) => `${v.property}: Bitte checken Sie vor Ihrer Anreise am ${v.arrival} online ein: ${v.link}`,
  },
  reminder: {
    subject: (v) => `Sie reisen morgen an: online einchecken in ${v.property}`,
    email: (v) => [
      `Sie reisen am ${v.arrival} in ${v.property} an und haben noch nicht eingecheckt.`,
      "Checken Sie jetzt online ein, damit Ihr Türcode bereit ist. Wenn Sie schon begonnen haben, machen Sie dort weiter, wo Sie aufgehört haben.",
    ],
    linkText: "Check-in abschließen",
    sms: (v) => `${v.property}: Sie reisen am ${v.arrival} an. Jetzt online einchecken: ${v.link}`,
  },
  doorCode: {
    subject: (v) => `Ihr Türcode für ${v.property}`,
    email: (v) => [
      `Sie sind in ${v.property} eingecheckt.`,
      v.code
        ? `Ihr Türcode ist ${v.code.code}. Er öffnet die Türen vom ${v.code.from} bis ${v.code.until}.`
        : "Ihr Türcode steht auf der Seite Ihres Aufenthalts.",
    ],
    linkText: "Seite Ihres Aufenthalts öffnen",
    sms: (v) =>
      v.code
        ? `${v.property}: Ihr Türcode ist ${v.code.code}, vom ${v.code.from} bis ${v.code.until}. ${v.link}`
        : `${v.property}: Sie sind eingecheckt. Ihr Türcode: ${v.link}`,
  },
  codeConfirmed: {
    subject: (v) => `Ihr Türcode ist in ${v.property} bereit`,
    email: (v) => [`Die Schlösser in ${v.property} haben Ihren Code bestätigt. Er ist für Ihre Ankunft bereit.`],
    linkText: "Seite Ihres Aufenthalts öffnen",
    sms: (v) => `${v.property}: Die Tür hat Ihren Code bestätigt. Er ist bereit. ${v.link}`,
  },
  test: {
    subject: (v) => `Testnachricht von ${v.property}`,
    email: (v) => [`Dies ist ein Test der Gästenachrichten von ${v.property}.`],
    linkText: "Frontdoor öffnen",
    sms: (v) => `${v.property}: Testnachricht von Frontdoor. ${v.link}`,
  },
};

export default de;
