import type { Strings } from "./en";

const L = "de-DE";

const de: Strings = {
  lang: "de",
  dir: "ltr",
  locale: L,
  languageLabel: "Sprache",
  serviceName: "Online-Anmeldung",
  stepOf: (n, total) => `Schritt ${n} von ${total}`,
  continue: "Weiter",
  back: "Zurück",
  change: "Ändern",
  loading: "Ihre Anmeldung wird geladen…",
  reconnecting: "Verbindung unterbrochen. Neue Verbindung wird aufgebaut…",
  errorSummaryTitle: "Es gibt ein Problem",
  errorPrefix: "Fehler:",
  checkInComplete: "Anmeldung abgeschlossen",
  somethingWentWrong: "Etwas ist schiefgelaufen. Bitte versuchen Sie es noch einmal.",
  bookingRefLabel: "Buchungsnummer",

  lookupTitle: "Online einchecken",
  lookupHint: "Sie finden sie in der Bestätigungs-E-Mail Ihrer Buchung, zum Beispiel FD1001.",
  lookupRefMissing: "Geben Sie Ihre Buchungsnummer ein",
  lookupRefInvalid: "Geben Sie die Buchungsnummer aus Ihrer Bestätigung ein, zum Beispiel FD1001",
  lookupNotFound: (ref) =>
    `Wir konnten die Buchung ${ref} mit diesen Angaben nicht finden. Prüfen Sie die Nummer und den Nachnamen, die E-Mail oder das Telefon Ihrer Buchung`,
  lookupNotFoundHelp: "Was tun, wenn wir Ihre Buchung nicht finden",
  tooManyAttempts: {
    one: "Zu viele Versuche. Bitte versuchen Sie es in # Sekunde noch einmal.",
    other: "Zu viele Versuche. Bitte versuchen Sie es in # Sekunden noch einmal.",
  },
  linkOpening: "Ihre Buchung wird gesucht…",
  linkProblemTitle: "Dieser Check-in-Link funktioniert nicht",
  linkNotFound:
    "Zu diesem Link haben wir keine Buchung gefunden. Vielleicht wurde sie storniert, oder der Link wurde nur teilweise kopiert.",
  linkExpired: "Dieser Check-in-Link ist abgelaufen, weil der Aufenthalt, für den er galt, vorbei ist.",
  linkCheckedIn:
    "Für diese Buchung ist der Check-in bereits erledigt. Geben Sie Ihre Buchungsnummer ein, um Ihren Aufenthalt wieder anzuzeigen.",
  enterReferenceInstead: "Buchungsnummer eingeben",
  sessionExpired: "Ihre Anmeldung ist abgelaufen. Geben Sie Ihre Buchungsnummer ein, um neu zu beginnen.",
  sessionGone: "Wir konnten diese Anmeldung nicht finden. Geben Sie Ihre Buchungsnummer ein, um neu zu beginnen.",

  returningTitle: "Sie sind bereits angemeldet",
  returningIntro: (ref) =>
    `Die Buchung ${ref} ist bereits angemeldet. Ihr Türcode steht auf Ihrer Aufenthaltsseite: Öffnen Sie den Link auf dem Gerät, mit dem Sie sich angemeldet haben.`,
  proofLabel: "Nachname oder die E-Mail oder Telefonnummer Ihrer Buchung",
  proofHint: "Wie in Ihrer Buchung, zum Beispiel Lovelace.",
  proofMissing: "Geben Sie Ihren Nachnamen oder die E-Mail oder Telefonnummer Ihrer Buchung ein",
  returningDeskHelp: "Auf einem anderen Gerät? Rufen Sie die Rezeption unter {phone} an, wir helfen Ihnen.",
  copyStayLink: "Link zu dieser Seite kopieren",
  stayLinkKeep: "Bewahren Sie diesen Link auf: Er öffnet diese Seite mit Ihrem Türcode auf jedem Gerät.",
  stayLinkCopied: "Link kopiert",
  showMyStay: "Meinen Türcode zeigen",
  useAnotherBooking: "Eine andere Buchungsnummer verwenden",
  stayLinkResendButton: "Meinen Aufenthaltslink erneut senden",
  stayLinkResendHint: "Wir senden ihn an die E-Mail-Adresse oder Telefonnummer Ihrer Buchung.",
  stayLinkResentTo: (to: string) =>
    `Wir haben Ihren Aufenthaltslink an ${to} gesendet. Es kann einige Minuten dauern, bis er ankommt.`,
  stayLinkResendNoContact:
    "Für diese Buchung haben wir keine E-Mail-Adresse oder Telefonnummer, an die wir ihn senden können. Rufen Sie die Rezeption unter {phone} an.",
  stayLinkResendLimit:
    "Wir haben Ihren Aufenthaltslink in der letzten Stunde bereits mehrmals gesendet. Sehen Sie in Ihren E-Mails und SMS nach oder versuchen Sie es später erneut.",

  detailsTitle: "Ihre Angaben",
  fullNameLabel: "Vollständiger Name",
  phoneLabel: "Telefonnummer",
  phoneHint: "Wir nutzen sie nur, falls es während Ihres Aufenthalts ein Problem gibt.",
  countryLabel: "Land Ihrer Telefonnummer",
  emailLabel: "E-Mail-Adresse (freiwillig)",
  startAgain: "Nicht Ihre Buchung? Neu beginnen",

  parkingTitle: "Kommen Sie mit dem Auto?",
  parkingHint: "Wenn Sie mit dem Auto anreisen, brauchen wir das Kennzeichen für den Parkplatz.",
  yes: "Ja",
  no: "Nein",
  parkingChoiceMissing: "Wählen Sie „Ja“, wenn Sie mit dem Auto kommen",
  registrationLabel: "Autokennzeichen",
  registrationHint: "Zum Beispiel M-AB 1234",

  confirmTitle: "Prüfen Sie Ihre Angaben",
  confirmIntro: "Prüfen Sie, ob alles stimmt, und bestätigen Sie dann Ihre Anmeldung.",
  summaryBooking: "Buchung",
  summaryRoom: "Zimmer",
  summaryDates: "Reisedaten",
  summaryName: "Name",
  summaryPhone: "Telefon",
  summaryEmail: "E-Mail-Adresse",
  summaryCar: "Kennzeichen",
  noEmail: "Nicht angegeben",
  noCar: "Kein Auto",
  confirmButton: "Anmeldung bestätigen",
  preparing: "Ihre Türcodes werden erstellt…",
  preparingHint: "Diese Seite geht von selbst weiter, sobald sie fertig sind. Sie müssen nichts drücken.",

  notFoundTitle: "Wir konnten Ihre Buchung nicht finden",
  notFoundBody: (ref) => `Zur Zeit reist keine Buchung mit der Nummer ${ref} an.`,
  notFoundNext:
    "Prüfen Sie die Nummer in der Bestätigungs-E-Mail Ihrer Buchung und versuchen Sie es noch einmal. Klappt es " +
    "weiterhin nicht, rufen Sie die Rezeption an.",
  tryAgain: "Noch einmal versuchen",

  errorTitle: "Wir konnten Ihre Anmeldung nicht abschließen",
  errorBody: "Beim Erstellen Ihrer Türcodes ist etwas schiefgelaufen. Ihre Angaben sind gespeichert.",
  errorOtherBody: "Diese Anmeldung konnte nicht abgeschlossen werden.",
  errorNextWithPhone: "Rufen Sie die Rezeption unter {phone} an. Dort kann man die Anmeldung für Sie abschließen.",
  errorNextNoPhone: "Rufen Sie die Rezeption an. Dort kann man die Anmeldung für Sie abschließen.",
  errorWaiting:
    "Lassen Sie diese Seite offen: Sie geht von selbst weiter, sobald die Rezeption das Problem behoben hat.",
  yourBookingRef: (ref) => `Ihre Buchungsnummer ist ${ref}.`,

  stayTitle: (property) => `Ihr Aufenthalt im ${property}`,
  stayWelcome: (name) => `Willkommen, ${name}. Sie sind angemeldet.`,
  stayRoom: "Zimmer",
  stayCheckIn: "Anreise",
  stayCheckOut: "Abreise",
  stayFrom: (time) => `ab ${time}`,
  stayUntil: (time) => `bis ${time}`,
  stayEarly: "frühe Anreise",
  stayLate: "späte Abreise",
  stayPinTitle: "Ihr Türcode",
  stayPinOpens: (room, from, until) => `Öffnet die Haustür und ${room} von ${from} bis ${until}.`,
  stayPinMissing: "Ihr Türcode ist noch nicht fertig. Rufen Sie die Rezeption unter {phone} an.",
  copy: "Code kopieren",
  copied: "Code kopiert",
  copyFailed: "Kopieren nicht möglich. Markieren Sie den Code und kopieren Sie ihn selbst.",
  stayCar: "Autokennzeichen",
  stayFrontDesk: "Fragen? Rufen Sie die Rezeption unter {phone} an.",
  stayNotFoundTitle: "Wir konnten Ihren Aufenthalt nicht finden",
  stayNotFoundBody: "Dieser Link ist ungültig. Geben Sie Ihre Buchungsnummer ein, um Ihren Türcode zu finden.",
  stayLoadFailed:
    "Wir konnten Ihren Aufenthalt nicht laden. Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.",

  stayFrontDoor: "Haustür",
  stayLockSetting: "An das Schloss gesendet",
  stayLockSet: "Am Schloss bestätigt",
  stayLockFailed: "Das Schloss hat den Code nicht angenommen",
  stayLockRemoved: "Vom Schloss entfernt",
  stayCodeReady: "Ihr Code ist an der Tür bereit.",
  stayCodeWaiting: "Ihr Code wurde an die Schlösser gesendet. Diese Seite zeigt, wenn jedes Schloss ihn bestätigt.",
  stayBackupTitle: "Ersatzcode",
  stayBackupBody:
    "Wenn Ihr Code eine Tür nicht öffnet, verwenden Sie den Ersatzcode für diese Tür. Er gilt für Ihren ganzen Aufenthalt.",
  stayBackupFrontDoor: "Ersatzcode für die Haustür",
  stayBackupRoom: (room) => `Ersatzcode für ${room}`,
  stayPinOpensOne: (door, from, until) => `Öffnet ${door} von ${from} bis ${until}.`,
  stayManualCodeFor: (door) => `Code für ${door}`,
  stayManualAppears: (door, when) => `Ihr Code für ${door} erscheint hier am ${when}.`,
  stayManualNotSet: (door) =>
    `Der Code für ${door} ist noch nicht festgelegt. Rufen Sie die Rezeption unter {phone} an.`,
  stayManualChanged: (door) => `Der Code für ${door} hat sich geändert.`,
  stayBackupAdded: "Ein Ersatzcode wurde dieser Seite hinzugefügt.",
  doorTroubleQuestion: "Probleme an der Tür?",
  doorTroubleButton: "Code funktioniert nicht?",
  doorTroubleTitle: "Wenn Ihr Code nicht funktioniert",
  doorTroubleSent: "Die Rezeption wurde informiert und sieht Ihre Tür.",
  doorTroubleNotSent: "Wir konnten die Rezeption von dieser Seite aus nicht erreichen. Rufen Sie sie unter {phone} an.",
  doorTroubleRetype:
    "Geben Sie den Code langsam erneut ein, Ziffer für Ziffer, und drücken Sie dann die Bestätigungstaste des Schlosses.",
  doorTroubleUseBackup: "Versuchen Sie den oben angezeigten Ersatzcode.",
  doorTroubleCall: "Immer noch ausgesperrt? Rufen Sie die Rezeption unter {phone} an.",

  pageNotFoundTitle: "Seite nicht gefunden",

  fieldErrors: {
    name_required: "Geben Sie Ihren vollständigen Namen ein",
    name_too_long: "Der vollständige Name darf höchstens 120 Zeichen lang sein",
    phone_required: "Geben Sie Ihre Telefonnummer ein",
    phone_invalid: "Geben Sie eine Nummer aus dem gewählten Land ein oder beginnen Sie mit + und der Landesvorwahl",
    email_invalid: "Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein oder lassen Sie das Feld leer",
    registration_required: "Geben Sie Ihr Autokennzeichen ein",
    registration_invalid: "Das Kennzeichen muss aus 2 bis 10 Buchstaben und Ziffern bestehen",
  },
  checkedInElsewhereBody:
    "Diese Buchung wurde gerade auf einem anderen Gerät angemeldet. Geben Sie Ihre Buchungsnummer erneut ein, um " +
    "Ihren Aufenthalt zu sehen.",
};

export default de;
