import type { Strings } from "./en";

const L = "fr-FR";

const fr: Strings = {
  lang: "fr",
  dir: "ltr",
  locale: L,
  languageLabel: "Langue",
  serviceName: "Enregistrement en ligne",
  stepOf: (n, total) => `Étape ${n} sur ${total}`,
  continue: "Continuer",
  back: "Retour",
  change: "Modifier",
  loading: "Chargement de votre enregistrement…",
  reconnecting: "Connexion perdue. Reconnexion en cours…",
  errorSummaryTitle: "Il y a un problème",
  errorPrefix: "Erreur :",
  checkInComplete: "Enregistrement terminé",
  somethingWentWrong: "Un problème est survenu. Veuillez réessayer.",
  bookingRefLabel: "Numéro de réservation",

  lookupTitle: "Enregistrez-vous en ligne",
  lookupHint: "Vous le trouverez dans l’e-mail de confirmation de votre réservation, par exemple FD1001.",
  lookupRefMissing: "Saisissez votre numéro de réservation",
  lookupRefInvalid: "Saisissez le numéro de réservation indiqué dans votre confirmation, par exemple FD1001",
  lookupNotFound: (ref) =>
    `Nous n’avons pas trouvé la réservation ${ref} avec ces informations. Vérifiez le numéro, et le nom, l’e-mail ou le téléphone de votre réservation`,
  lookupNotFoundHelp: "Que faire si nous ne trouvons pas votre réservation",
  tooManyAttempts: {
    one: "Trop de tentatives. Réessayez dans # seconde.",
    other: "Trop de tentatives. Réessayez dans # secondes.",
  },
  linkOpening: "Recherche de votre réservation…",
  linkProblemTitle: "Ce lien d’enregistrement ne fonctionne pas",
  linkNotFound:
    "Nous n’avons trouvé aucune réservation pour ce lien. Elle a peut-être été annulée, ou le lien n’a été copié qu’en partie.",
  linkExpired: "Ce lien d’enregistrement a expiré, car le séjour auquel il correspondait est terminé.",
  linkCheckedIn:
    "L’enregistrement de cette réservation est déjà fait. Saisissez votre numéro de réservation pour revoir votre séjour.",
  enterReferenceInstead: "Saisir votre numéro de réservation",
  sessionExpired: "Votre enregistrement a expiré. Saisissez votre numéro de réservation pour recommencer.",
  sessionGone: "Nous n’avons pas trouvé cet enregistrement. Saisissez votre numéro de réservation pour recommencer.",

  returningTitle: "Vous êtes déjà enregistré",
  returningIntro: (ref) =>
    `La réservation ${ref} est déjà enregistrée. Votre code de porte est sur la page de votre séjour : ouvrez le lien sur l’appareil utilisé pour l’enregistrement.`,
  proofLabel: "Nom de famille, ou l’e-mail ou le téléphone de la réservation",
  proofHint: "Comme sur votre réservation, par exemple Lovelace.",
  proofMissing: "Saisissez votre nom de famille, ou l’e-mail ou le téléphone de la réservation",
  returningDeskHelp: "Sur un autre appareil ? Appelez la réception au {phone}, nous vous aiderons.",
  copyStayLink: "Copier le lien de cette page",
  stayLinkKeep: "Gardez ce lien : il ouvre cette page, avec votre code de porte, sur n’importe quel appareil.",
  stayLinkCopied: "Lien copié",
  showMyStay: "Voir mon code de porte",
  useAnotherBooking: "Utiliser un autre numéro de réservation",
  stayLinkResendButton: "Renvoyer le lien de mon séjour",
  stayLinkResendHint: "Nous l’envoyons à l’adresse e-mail ou au numéro de téléphone de votre réservation.",
  stayLinkResentTo: (to: string) =>
    `Nous avons envoyé le lien de votre séjour à ${to}. Il peut mettre quelques minutes à arriver.`,
  stayLinkResendNoContact:
    "Nous n’avons pour cette réservation aucune adresse e-mail ni aucun numéro de téléphone auquel l’envoyer. Appelez la réception au {phone}.",
  stayLinkResendLimit:
    "Nous avons déjà envoyé le lien de votre séjour plusieurs fois au cours de la dernière heure. Consultez vos e-mails et vos SMS, ou réessayez plus tard.",

  detailsTitle: "Vos coordonnées",
  fullNameLabel: "Nom complet",
  phoneLabel: "Numéro de téléphone",
  phoneHint: "Nous ne l’utiliserons qu’en cas de problème pendant votre séjour.",
  countryLabel: "Pays de votre numéro de téléphone",
  emailLabel: "Adresse e-mail (facultatif)",
  startAgain: "Ce n’est pas votre réservation ? Recommencez",

  parkingTitle: "Venez-vous en voiture ?",
  parkingHint: "Si vous arrivez en voiture, nous avons besoin de son immatriculation pour le parking.",
  yes: "Oui",
  no: "Non",
  parkingChoiceMissing: "Sélectionnez « Oui » si vous venez en voiture",
  registrationLabel: "Immatriculation de la voiture",
  registrationHint: "Par exemple AB-123-CD",

  confirmTitle: "Vérifiez vos réponses",
  confirmIntro: "Vérifiez que tout est correct, puis confirmez votre enregistrement.",
  summaryBooking: "Réservation",
  summaryRoom: "Chambre",
  summaryDates: "Dates du séjour",
  summaryName: "Nom",
  summaryPhone: "Téléphone",
  summaryEmail: "Adresse e-mail",
  summaryCar: "Immatriculation",
  noEmail: "Non indiquée",
  noCar: "Pas de voiture",
  confirmButton: "Confirmer l’enregistrement",
  preparing: "Préparation de vos codes de porte…",
  preparingHint: "Cette page avancera d’elle-même quand ils seront prêts. Vous n’avez rien à faire.",

  notFoundTitle: "Nous n’avons pas trouvé votre réservation",
  notFoundBody: (ref) => `Aucune réservation portant le numéro ${ref} n’arrive en ce moment.`,
  notFoundNext:
    "Vérifiez le numéro dans l’e-mail de confirmation de votre réservation et réessayez. Si cela ne fonctionne " +
    "toujours pas, appelez la réception.",
  tryAgain: "Réessayer",

  errorTitle: "Nous n’avons pas pu terminer votre enregistrement",
  errorBody: "Un problème est survenu pendant la création de vos codes de porte. Vos coordonnées sont enregistrées.",
  errorOtherBody: "Cet enregistrement n’a pas pu être terminé.",
  errorNextWithPhone: "Appelez la réception au {phone}. Elle peut terminer l’enregistrement pour vous.",
  errorNextNoPhone: "Appelez la réception. Elle peut terminer l’enregistrement pour vous.",
  errorWaiting: "Gardez cette page ouverte : elle avancera d’elle-même quand la réception aura réglé le problème.",
  yourBookingRef: (ref) => `Votre numéro de réservation est ${ref}.`,

  stayTitle: (property) => `Votre séjour à ${property}`,
  stayWelcome: (name) => `Bienvenue, ${name}. Votre enregistrement est fait.`,
  stayRoom: "Chambre",
  stayCheckIn: "Arrivée",
  stayCheckOut: "Départ",
  stayFrom: (time) => `à partir de ${time}`,
  stayUntil: (time) => `jusqu’à ${time}`,
  stayEarly: "arrivée anticipée",
  stayLate: "départ tardif",
  stayPinTitle: "Votre code de porte",
  stayPinOpens: (room, from, until) => `Ouvre la porte d’entrée et ${room} du ${from} au ${until}.`,
  stayPinMissing: "Votre code de porte n’est pas encore prêt. Appelez la réception au {phone}.",
  copy: "Copier le code",
  copied: "Code copié",
  copyFailed: "Impossible de copier. Sélectionnez le code et copiez-le vous-même.",
  stayCar: "Immatriculation de la voiture",
  stayFrontDesk: "Des questions ? Appelez la réception au {phone}.",
  stayNotFoundTitle: "Nous n’avons pas trouvé votre séjour",
  stayNotFoundBody:
    "Ce lien n’est pas valide. Saisissez votre numéro de réservation pour retrouver votre code de porte.",
  stayLoadFailed: "Nous n’avons pas pu charger votre séjour. Vérifiez votre connexion et réessayez.",

  stayFrontDoor: "Porte d’entrée",
  stayLockSetting: "Envoyé à la serrure",
  stayLockSet: "Confirmé sur la serrure",
  stayLockFailed: "La serrure n’a pas accepté le code",
  stayLockRemoved: "Retiré de la serrure",
  stayCodeReady: "Votre code est prêt à la porte.",
  stayCodeWaiting: "Votre code a été envoyé aux serrures. Cette page indique quand chaque serrure le confirme.",
  stayBackupTitle: "Code de secours",
  stayBackupBody:
    "Si votre code n’ouvre pas une porte, utilisez le code de secours de cette porte. Il est valable pendant tout votre séjour.",
  stayBackupFrontDoor: "Code de secours de la porte d’entrée",
  stayBackupRoom: (room) => `Code de secours pour ${room}`,
  stayPinOpensOne: (door, from, until) => `Ouvre ${door} du ${from} au ${until}.`,
  stayManualCodeFor: (door) => `Code pour ${door}`,
  stayManualAppears: (door, when) => `Votre code pour ${door} apparaîtra ici le ${when}.`,
  stayManualNotSet: (door) => `Le code pour ${door} n’est pas encore défini. Appelez la réception au {phone}.`,
  stayManualChanged: (door) => `Le code pour ${door} a changé.`,
  stayBackupAdded: "Un code de secours a été ajouté à cette page.",
  doorTroubleQuestion: "Un problème à la porte ?",
  doorTroubleButton: "Le code ne fonctionne pas ?",
  doorTroubleTitle: "Si votre code ne fonctionne pas",
  doorTroubleSent: "La réception a été prévenue et voit votre porte.",
  doorTroubleNotSent: "Nous n’avons pas pu prévenir la réception depuis cette page. Appelez-la au {phone}.",
  doorTroubleRetype:
    "Saisissez à nouveau le code lentement, chiffre par chiffre, puis appuyez sur la touche de validation de la serrure.",
  doorTroubleUseBackup: "Essayez le code de secours affiché ci-dessus.",
  doorTroubleCall: "Toujours bloqué dehors ? Appelez la réception au {phone}.",

  pageNotFoundTitle: "Page introuvable",

  fieldErrors: {
    name_required: "Saisissez votre nom complet",
    name_too_long: "Le nom complet ne doit pas dépasser 120 caractères",
    phone_required: "Saisissez votre numéro de téléphone",
    phone_invalid: "Saisissez un numéro du pays choisi, ou commencez par + et l’indicatif du pays",
    email_invalid: "Saisissez une adresse e-mail comme nom@exemple.fr, ou laissez le champ vide",
    registration_required: "Saisissez l’immatriculation de votre voiture",
    registration_invalid: "L’immatriculation doit compter de 2 à 10 lettres et chiffres",
  },
  checkedInElsewhereBody:
    "Cette réservation vient d’être enregistrée sur un autre appareil. Saisissez à nouveau votre numéro de " +
    "réservation pour voir votre séjour.",
};

export default fr;
