import type { MessageStrings } from "./en";

const es: MessageStrings = {
  lang: "es",
  dir: "ltr",
  locale: "es-ES",
  greeting: "Hola:",
  phoneLine: (property, phone) => `¿Preguntas? Llame a ${property} al ${phone}.`,
  unsubscribe: "Dejar de recibir estos correos",
  invitation: {
    subject: (v) => `Haga el check-in online para su estancia en ${v.property}`,
    email: (v) => [
      `Gracias por reservar en ${v.property}. Llega el ${v.arrival}.`,
      "Haga el check-in online antes de llegar: tarda unos dos minutos y su código de la puerta estará listo cuando llegue.",
    ],
    linkText: "Hacer el check-in online",
    sms: (v) => `${v.property}: haga el check-in online antes de llegar el ${v.arrival}: ${v.link}`,
  },
  reminder: {
    subject: (v) => `Llega mañana: haga el check-in online en ${v.property}`,
    email: (v) => [
      `Llega a ${v.property} el ${v.arrival} y aún no ha hecho el check-in.`,
      "Hágalo ahora para que su código de la puerta esté listo. Si ya empezó, continuará donde lo dejó.",
    ],
    linkText: "Terminar el check-in",
    sms: (v) => `${v.property}: llega el ${v.arrival}. Haga el check-in online ahora: ${v.link}`,
  },
  doorCode: {
    subject: (v) => `Su código de la puerta de ${v.property}`,
    email: (v) => [
      `Ha hecho el check-in en ${v.property}.`,
      v.code
        ? `Su código de la puerta es ${v.code.code}. Abre las puertas desde el ${v.code.from} hasta el ${v.code.until}.`
        : "Su código de la puerta está en la página de su estancia.",
    ],
    linkText: "Abrir la página de su estancia",
    sms: (v) =>
      v.code
        ? `${v.property}: su código de la puerta es ${v.code.code}, del ${v.code.from} al ${v.code.until}. ${v.link}`
        : `${v.property}: check-in hecho. Su código de la puerta: ${v.link}`,
  },
  codeConfirmed: {
    subject: (v) => `Su código de la puerta está listo en ${v.property}`,
    email: (v) => [`Las cerraduras de ${v.property} han confirmado su código. Está listo para su llegada.`],
    linkText: "Abrir la página de su estancia",
    sms: (v) => `${v.property}: la puerta ha confirmado su código. Está listo. ${v.link}`,
  },
  test: {
    subject: (v) => `Mensaje de prueba de ${v.property}`,
    email: (v) => [`Esto es una prueba de los mensajes de ${v.property}.`],
    linkText: "Abrir Frontdoor",
    sms: (v) => `${v.property}: mensaje de prueba de Frontdoor. ${v.link}`,
  },
};

export default es;
