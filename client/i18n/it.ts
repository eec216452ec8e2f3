import type { Strings } from "./en";

const L = "it-IT";

const it: Strings = {
  lang: "it",
  dir: "ltr",
  locale: L,
  languageLabel: "Lingua",
  serviceName: "Registrazione online",
  stepOf: (n, total) => `Passaggio ${n} di ${total}`,
  continue: "Continua",
  back: "Indietro",
  change: "Modifica",
  loading: "Caricamento della registrazione…",
  reconnecting: "Connessione persa. Riconnessione in corso…",
  errorSummaryTitle: "C’è un problema",
  errorPrefix: "Errore:",
  checkInComplete: "Registrazione completata",
  somethingWentWrong: "Qualcosa è andato storto. Riprovi.",
  bookingRefLabel: "Codice di prenotazione",

  lookupTitle: "Faccia il check-in online",
  lookupHint: "Lo trova nell’e-mail di conferma della prenotazione, per esempio FD1001.",
  lookupRefMissing: "Inserisca il codice di prenotazione",
  lookupRefInvalid: "Inserisca il codice di prenotazione indicato nella conferma, per esempio FD1001",
  lookupNotFound: (ref) =>
    `Non abbiamo trovato la prenotazione ${ref} con questi dati. Controlli il codice e il cognome, l’e-mail o il telefono della prenotazione`,
  lookupNotFoundHelp: "Cosa fare se non troviamo la sua prenotazione",
  tooManyAttempts: {
    one: "Troppi tentativi. Riprovi tra # secondo.",
    other: "Troppi tentativi. Riprovi tra # secondi.",
  },
  linkOpening: "Stiamo cercando la sua prenotazione…",
  linkProblemTitle: "Questo link per il check-in non funziona",
  linkNotFound:
    "Non abbiamo trovato nessuna prenotazione per questo link. Potrebbe essere stata cancellata, oppure il link è stato copiato solo in parte.",
  linkExpired: "Questo link per il check-in è scaduto perché il soggiorno a cui si riferiva è terminato.",
  linkCheckedIn:
    "Il check-in di questa prenotazione è già stato fatto. Inserisca il codice di prenotazione per rivedere il suo soggiorno.",
  enterReferenceInstead: "Inserisca il codice di prenotazione",
  sessionExpired: "La registrazione è scaduta. Inserisca il codice di prenotazione per ricominciare.",
  sessionGone: "Non abbiamo trovato questa registrazione. Inserisca il codice di prenotazione per ricominciare.",

  returningTitle: "Ha già fatto il check-in",
  returningIntro: (ref) =>
    `La prenotazione ${ref} risulta già registrata. Il codice della porta è nella pagina del soggiorno: apra il link sul dispositivo usato per la registrazione.`,
  proofLabel: "Cognome, o l’e-mail o il telefono della prenotazione",
  proofHint: "Come nella prenotazione, per esempio Lovelace.",
  proofMissing: "Inserisca il cognome, o l’e-mail o il telefono della prenotazione",
  returningDeskHelp: "Su un altro dispositivo? Chiami la reception al {phone} e la aiuteremo.",
  copyStayLink: "Copia il link a questa pagina",
  stayLinkKeep: "Conservi questo link: apre questa pagina, con il codice della porta, su qualsiasi dispositivo.",
  stayLinkCopied: "Link copiato",
  showMyStay: "Mostra il mio codice della porta",
  useAnotherBooking: "Usa un altro codice di prenotazione",
  stayLinkResendButton: "Inviami di nuovo il link del soggiorno",
  stayLinkResendHint: "Lo inviamo all’indirizzo email o al numero di telefono della prenotazione.",
  stayLinkResentTo: (to: string) =>
    `Abbiamo inviato il link del soggiorno a ${to}. Potrebbero volerci alcuni minuti prima che arrivi.`,
  stayLinkResendNoContact:
    "Per questa prenotazione non abbiamo un indirizzo email o un numero di telefono a cui inviarlo. Chiami la reception al {phone}.",
  stayLinkResendLimit:
    "Le abbiamo già inviato il link del soggiorno più volte nell’ultima ora. Controlli email e SMS, oppure riprovi più tardi.",

  detailsTitle: "I suoi dati",
  fullNameLabel: "Nome e cognome",
  phoneLabel: "Numero di telefono",
  phoneHint: "Lo useremo solo in caso di problemi durante il soggiorno.",
  countryLabel: "Paese del suo numero di telefono",
  emailLabel: "Indirizzo e-mail (facoltativo)",
  startAgain: "Non è la sua prenotazione? Ricominci",

  parkingTitle: "Arriva in auto?",
  parkingHint: "Se arriva in auto, ci serve la targa per il parcheggio.",
  yes: "Sì",
  no: "No",
  parkingChoiceMissing: "Selezioni «Sì» se arriva in auto",
  registrationLabel: "Targa dell’auto",
  registrationHint: "Per esempio AB 123 CD",

  confirmTitle: "Controlli le sue risposte",
  confirmIntro: "Verifichi che tutto sia corretto, poi confermi la registrazione.",
  summaryBooking: "Prenotazione",
  summaryRoom: "Camera",
  summaryDates: "Date",
  summaryName: "Nome",
  summaryPhone: "Telefono",
  summaryEmail: "E-mail",
  summaryCar: "Targa",
  noEmail: "Non indicata",
  noCar: "Nessuna auto",
  confirmButton: "Conferma la registrazione",
  preparing: "Stiamo preparando i codici della porta…",
  preparingHint: "Questa pagina andrà avanti da sola quando saranno pronti. Non deve premere nulla.",

  notFoundTitle: "Non abbiamo trovato la sua prenotazione",
  notFoundBody: (ref) => `Non risulta nessuna prenotazione con il codice ${ref} in arrivo in questo periodo.`,
  notFoundNext:
    "Controlli il codice nell’e-mail di conferma della prenotazione e riprovi. Se ancora non funziona, chiami la " +
    "reception.",
  tryAgain: "Riprova",

  errorTitle: "Non siamo riusciti a completare la registrazione",
  errorBody: "Qualcosa è andato storto mentre preparavamo i codici della porta. I suoi dati sono salvati.",
  errorOtherBody: "Non è stato possibile completare questa registrazione.",
  errorNextWithPhone: "Chiami la reception al numero {phone}. Possono completare la registrazione per lei.",
  errorNextNoPhone: "Chiami la reception. Possono completare la registrazione per lei.",
  errorWaiting: "Tenga aperta questa pagina: andrà avanti da sola quando la reception avrà risolto il problema.",
  yourBookingRef: (ref) => `Il suo codice di prenotazione è ${ref}.`,

  stayTitle: (property) => `Il suo soggiorno presso ${property}`,
  stayWelcome: (name) => `Benvenuto/a, ${name}. La registrazione è completata.`,
  stayRoom: "Camera",
  stayCheckIn: "Arrivo",
  stayCheckOut: "Partenza",
  stayFrom: (time) => `dalle ${time}`,
  stayUntil: (time) => `entro le ${time}`,
  stayEarly: "arrivo anticipato",
  stayLate: "partenza posticipata",
  stayPinTitle: "Il suo codice della porta",
  stayPinOpens: (room, from, until) => `Apre il portone d’ingresso e ${room} da ${from} a ${until}.`,
  stayPinMissing: "Il codice della porta non è ancora pronto. Chiami la reception al numero {phone}.",
  copy: "Copia il codice",
  copied: "Codice copiato",
  copyFailed: "Impossibile copiare. Selezioni il codice e lo copi a mano.",
  stayCar: "Targa dell’auto",
  stayFrontDesk: "Domande? Chiami la reception al numero {phone}.",
  stayNotFoundTitle: "Non abbiamo trovato il suo soggiorno",
  stayNotFoundBody: "Questo link non è valido. Inserisca il codice di prenotazione per trovare il codice della porta.",
  stayLoadFailed: "Non siamo riusciti a caricare il suo soggiorno. Controlli la connessione e riprovi.",

  stayFrontDoor: "Portone d’ingresso",
  stayLockSetting: "Inviato alla serratura",
  stayLockSet: "Confermato sulla serratura",
  stayLockFailed: "La serratura non ha accettato il codice",
  stayLockRemoved: "Rimosso dalla serratura",
  stayCodeReady: "Il tuo codice è pronto alla porta.",
  stayCodeWaiting:
    "Il tuo codice è stato inviato alle serrature. Questa pagina indica quando ogni serratura lo conferma.",
  stayBackupTitle: "Codice di riserva",
  stayBackupBody:
    "Se il tuo codice non apre una porta, usa il codice di riserva di quella porta. Vale per tutto il soggiorno.",
  stayBackupFrontDoor: "Codice di riserva del portone",
  stayBackupRoom: (room) => `Codice di riserva per ${room}`,
  stayPinOpensOne: (door, from, until) => `Apre ${door} da ${from} a ${until}.`,
  stayManualCodeFor: (door) => `Codice per ${door}`,
  stayManualAppears: (door, when) => `Il codice per ${door} comparirà qui il ${when}.`,
  stayManualNotSet: (door) =>
    `Il codice per ${door} non è ancora stato impostato. Chiami la reception al numero {phone}.`,
  stayManualChanged: (door) => `Il codice per ${door} è cambiato.`,
  stayBackupAdded: "Un codice di riserva è stato aggiunto a questa pagina.",
  doorTroubleQuestion: "Problemi alla porta?",
  doorTroubleButton: "Il codice non funziona?",
  doorTroubleTitle: "Se il tuo codice non funziona",
  doorTroubleSent: "La reception è stata avvisata e vede la tua porta.",
  doorTroubleNotSent: "Non siamo riusciti ad avvisare la reception da questa pagina. Chiamala al {phone}.",
  doorTroubleRetype:
    "Digita di nuovo il codice lentamente, una cifra alla volta, poi premi il tasto di conferma della serratura.",
  doorTroubleUseBackup: "Prova il codice di riserva mostrato sopra.",
  doorTroubleCall: "Ancora chiuso fuori? Chiama la reception al {phone}.",

  pageNotFoundTitle: "Pagina non trovata",

  fieldErrors: {
    name_required: "Inserisca nome e cognome",
    name_too_long: "Nome e cognome non possono superare i 120 caratteri",
    phone_required: "Inserisca il suo numero di telefono",
    phone_invalid: "Inserisca un numero del paese scelto, oppure inizi con + e il prefisso del paese",
    email_invalid: "Inserisca un indirizzo e-mail come nome@esempio.it, oppure lasci vuoto il campo",
    registration_required: "Inserisca la targa dell’auto",
    registration_invalid: "La targa deve avere da 2 a 10 lettere e cifre",
  },
  checkedInElsewhereBody:
    "Questa prenotazione è appena stata registrata su un altro dispositivo. Inserisca di nuovo il codice di " +
    "prenotazione per vedere il soggiorno.",
};

export default it;
