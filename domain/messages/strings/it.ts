import type { MessageStrings } from "./en";

const it: MessageStrings = {
  lang: "it",
  dir: "ltr",
  locale: "it-IT",
  greeting: "Buongiorno,",
  phoneLine: (property, phone) => `Domande? Chiami ${property} al numero ${phone}.`,
  unsubscribe: "Non ricevere più queste email",
  invitation: {
    subject: (v) => `Fai il check-in online per il soggiorno a ${v.property}`,
    email: (v) => [
      `Grazie per aver prenotato a ${v.property}. Arrivi il ${v.arrival}.`,
      "Fai il check-in online prima di arrivare: bastano circa due minuti e il codice della porta sarà pronto al tuo arrivo.",
    ],
    linkText: "Fai il check-in online",
    sms: (v) => `${v.property}: fai il check-in online prima dell'arrivo il ${v.arrival}: ${v.link}`,
  },
  reminder: {
    subject: (v) => `Arrivi domani: fai il check-in online a ${v.property}`,
    email: (v) => [
      `Arrivi a ${v.property} il ${v.arrival} e non hai ancora fatto il check-in.`,
      "Fallo ora, così il codice della porta sarà pronto. Se hai già iniziato, riprendi da dove ti eri fermato.",
    ],
    linkText: "Completa il check-in",
    sms: (v) => `${v.property}: arrivi il ${v.arrival}. Fai ora il check-in online: ${v.link}`,
  },
  doorCode: {
    subject: (v) => `Il tuo codice della porta per ${v.property}`,
    email: (v) => [
      `Hai fatto il check-in a ${v.property}.`,
      v.code
        ? `Il tuo codice della porta è ${v.code.code}. Apre le porte dal ${v.code.from} al ${v.code.until}.`
        : "Il tuo codice della porta è nella pagina del tuo soggiorno.",
    ],
    linkText: "Apri la pagina del tuo soggiorno",
    sms: (v) =>
      v.code
        ? `${v.property}: il tuo codice della porta è ${v.code.code}, dal ${v.code.from} al ${v.code.until}. ${v.link}`
        : `${v.property}: check-in fatto. Il tuo codice della porta: ${v.link}`,
  },
  codeConfirmed: {
    subject: (v) => `Il tuo codice della porta è pronto a ${v.property}`,
    email: (v) => [`Le serrature di ${v.property} hanno confermato il tuo codice. È pronto per il tuo arrivo.`],
    linkText: "Apri la pagina del tuo soggiorno",
    sms: (v) => `${v.property}: la porta ha confermato il tuo codice. È pronto. ${v.link}`,
  },
  test: {
    subject: (v) => `Messaggio di prova da ${v.property}`,
    email: (v) => [`Questa è una prova dei messaggi di ${v.property}.`],
    linkText: "Apri Frontdoor",
    sms: (v) => `${v.property}: messaggio di prova da Frontdoor. ${v.link}`,
  },
};

export default it;
