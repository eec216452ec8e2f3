import type { MessageStrings } from "./en";

const pl: MessageStrings = {
  lang: "pl",
  dir: "ltr",
  locale: "pl-PL",
  greeting: "Dzień dobry,",
  phoneLine: (property, phone) => `Pytania? Zadzwoń do ${property}: ${phone}.`,
  unsubscribe: "Nie wysyłaj mi tych e-maili",
  invitation: {
    subject: (v) => `Zamelduj się online przed pobytem w ${v.property}`,
    email: (v) => [
      `Dziękujemy za rezerwację w ${v.property}. Przyjazd: ${v.arrival}.`,
      "Zamelduj się online przed przyjazdem: zajmie to około dwóch minut, a kod do drzwi będzie gotowy na Twój przyjazd.",
    ],
    linkText: "Zamelduj się online",
    sms: (v) => `${v.property}: zamelduj się online przed przyjazdem: ${v.link}`,
  },
  reminder: {
    subject: (v) => `Przyjazd jutro: zamelduj się online w ${v.property}`,
    email: (v) => [
      `Przyjeżdżasz do ${v.property} ${v.arrival} i nie zameldowałeś się jeszcze.`,
      "Zamelduj się teraz, a kod do drzwi będzie gotowy. Jeśli już zacząłeś, wrócisz tam, gdzie skończyłeś.",
    ],
    linkText: "Dokończ meldunek",
    sms: (v) => `${v.property}: zamelduj się online: ${v.link}`,
  },
  doorCode: {
    subject: (v) => `Twój kod do drzwi w ${v.property}`,
    email: (v) => [
      `Meldunek w ${v.property} zakończony.`,
      v.code
        ? `Twój kod do drzwi to ${v.code.code}. Otwiera drzwi od ${v.code.from} do ${v.code.until}.`
        : "Twój kod do drzwi jest na stronie Twojego pobytu.",
    ],
    linkText: "Otwórz stronę pobytu",
    sms: (v) =>
      v.code ? `${v.property}: kod do drzwi ${v.code.code}. ${v.link}` : `${v.property}: kod do drzwi: ${v.link}`,
  },
  codeConfirmed: {
    subject: (v) => `Twój kod do drzwi jest gotowy w ${v.property}`,
    email: (v) => [`Zamki w ${v.property} potwierdziły Twój kod. Jest gotowy na Twój przyjazd.`],
    linkText: "Otwórz stronę pobytu",
    sms: (v) => `${v.property}: kod gotowy. ${v.link}`,
  },
  test: {
    subject: (v) => `Wiadomość testowa od ${v.property}`,
    email: (v) => [`To jest test wiadomości ${v.property}.`],
    linkText: "Otwórz Frontdoor",
    sms: (v) => `${v.property}: test. ${v.link}`,
  },
};

export default pl;
