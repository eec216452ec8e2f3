import type { MessageStrings } from "./en";

const fr: MessageStrings = {
  lang: "fr",
  dir: "ltr",
  locale: "fr-FR",
  greeting: "Bonjour,",
  phoneLine: (property, phone) => `Une question ? Appelez ${property} au ${phone}.`,
  unsubscribe: "Ne plus recevoir ces e-mails",
  invitation: {
    subject: (v) => `Enregistrez-vous en ligne pour votre séjour à ${v.property}`,
    email: (v) => [
      `Merci d'avoir réservé à ${v.property}. Vous arrivez le ${v.arrival}.`,
      "Enregistrez-vous en ligne avant votre arrivée : cela prend environ deux minutes, et votre code de porte sera prêt à votre arrivée.",
    ],
    linkText: "S'enregistrer en ligne",
    sms: (v) => `${v.property} : enregistrez-vous en ligne avant votre arrivée le ${v.arrival} : ${v.link}`,
  },
  reminder: {
    subject: (v) => `Vous arrivez demain : enregistrez-vous en ligne pour ${v.property}`,
    email: (v) => [
      `Vous arrivez à ${v.property} le ${v.arrival} et vous n'êtes pas encore enregistré.`,
      "Enregistrez-vous maintenant pour que votre code de porte soit prêt. Si vous avez déjà commencé, vous reprenez là où vous vous êtes arrêté.",
    ],
    linkText: "Terminer l'enregistrement",
    sms: (v) => `${v.property} : vous arrivez le ${v.arrival}. Enregistrez-vous en ligne : ${v.link}`,
  },
  doorCode: {
    subject: (v) => `Votre code de porte pour ${v.property}`,
    email: (v) => [
      `Vous êtes enregistré à ${v.property}.`,
      v.code
        ? `Votre code de porte est ${v.code.code}. Il ouvre les portes du ${v.code.from} au ${v.code.until}.`
        : "Votre code de porte est sur la page de votre séjour.",
    ],
    linkText: "Ouvrir la page de votre séjour",
    sms: (v) =>
      v.code
        ? `${v.property} : votre code de porte est ${v.code.code}, du ${v.code.from} au ${v.code.until}. ${v.link}`
        : `${v.property} : vous êtes enregistré. Votre code de porte : ${v.link}`,
  },
  codeConfirmed: {
    subject: (v) => `Votre code de porte est prêt à ${v.property}`,
    email: (v) => [`Les serrures de ${v.property} ont confirmé votre code. Il est prêt pour votre arrivée.`],
    linkText: "Ouvrir la page de votre séjour",
    sms: (v) => `${v.property} : la porte a confirmé votre code. Il est prêt. ${v.link}`,
  },
  test: {
    subject: (v) => `Message de test de ${v.property}`,
    email: (v) => [`Ceci est un test des messages de ${v.property}.`],
    linkText: "Ouvrir Frontdoor",
    sms: (v) => `${v.property} : message de test de Frontdoor. ${v.link}`,
  },
};

export default fr;
