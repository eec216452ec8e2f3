import type { MessageStrings } from "./en";

const pt: MessageStrings = {
  lang: "pt",
  dir: "ltr",
  locale: "pt-PT",
  greeting: "Olá,",
  phoneLine: (property, phone) => `Dúvidas? Ligue para ${property} através do ${phone}.`,
  unsubscribe: "Deixar de receber estes e-mails",
  invitation: {
    subject: (v) => `Faça o check-in online para a sua estadia em ${v.property}`,
    email: (v) => [
      `Obrigado por reservar em ${v.property}. Chega a ${v.arrival}.`,
      "Faça o check-in online antes de chegar: demora cerca de dois minutos e o seu código da porta estará pronto quando chegar.",
    ],
    linkText: "Fazer o check-in online",
    sms: (v) => `${v.property}: faça o check-in online antes de chegar a ${v.arrival}: ${v.link}`,
  },
  reminder: {
    subject: (v) => `Chega amanhã: faça o check-in online em ${v.property}`,
    email: (v) => [
      `Chega a ${v.property} a ${v.arrival} e ainda não fez o check-in.`,
      "Faça-o agora para que o seu código da porta esteja pronto. Se já começou, continua onde parou.",
    ],
    linkText: "Terminar o check-in",
    sms: (v) => `${v.property}: chega a ${v.arrival}. Faça já o check-in online: ${v.link}`,
  },
  doorCode: {
    subject: (v) => `O seu código da porta para ${v.property}`,
    email: (v) => [
      `Fez o check-in em ${v.property}.`,
      v.code
        ? `O seu código da porta é ${v.code.code}. Abre as portas de ${v.code.from} até ${v.code.until}.`
        : "O seu código da porta está na página da sua estadia.",
    ],
    linkText: "Abrir a página da sua estadia",
    sms: (v) =>
      v.code
        ? `${v.property}: o seu código da porta é ${v.code.code}, de ${v.code.from} a ${v.code.until}. ${v.link}`
        : `${v.property}: check-in feito. O seu código da porta: ${v.link}`,
  },
  codeConfirmed: {
    subject: (v) => `O seu código da porta está pronto em ${v.property}`,
    email: (v) => [`As fechaduras de ${v.property} confirmaram o seu código. Está pronto para a sua chegada.`],
    linkText: "Abrir a página da sua estadia",
    sms: (v) => `${v.property}: a porta confirmou o seu código. Está pronto. ${v.link}`,
  },
  test: {
    subject: (v) => `Mensagem de teste de ${v.property}`,
    email: (v) => [`Isto é um teste das mensagens de ${v.property}.`],
    linkText: "Abrir o Frontdoor",
    sms: (v) => `${v.property}: mensagem de teste do Frontdoor. ${v.link}`,
  },
};

export default pt;
