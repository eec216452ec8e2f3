// Every word the guest reads. Another language is a new file next to this one
// (`fr.ts` exporting a `Strings` object as default); i18n/index.ts finds it by name.
import type { FieldErrorCode } from "../../domain/field-errors";
import type { PluralForms } from "./numbers";

const en = {
  lang: "en",
  dir: "ltr" as "ltr" | "rtl",
  /** For dates, times, numbers, plurals and country names. */
  locale: "en-GB",
  languageLabel: "Language",
  serviceName: "Online check-in",
  /** Both numbers come already written in the language (numbers.ts). */
  stepOf: (n: string, total: string) => `Step ${n} of ${total}`,
  continue: "Continue",
  back: "Back",
  change: "Change",
  loading: "Loading your check-in…",
  reconnecting: "Connection lost. Reconnecting…",
  errorSummaryTitle: "There is a problem",
  errorPrefix: "Error:",
  checkInComplete: "Check-in complete",
  somethingWentWrong: "Something went wrong. Try again.",
  bookingRefLabel: "Booking reference",

  lookupTitle: "Check in online",
  lookupHint: "You can find it in your booking confirmation email, for example FD1001.",
  lookupRefMissing: "Enter your booking reference",
  lookupRefInvalid: "Enter the booking reference from your confirmation, for example FD1001",
  lookupNotFound: (ref: string) =>
    `We could not find booking ${ref} with those details. Check the reference, and the surname, email or phone on your booking`,
  lookupNotFoundHelp: "What to do if we cannot find your booking",
  tooManyAttempts: {
    one: "Too many attempts. Try again in # second.",
    other: "Too many attempts. Try again in # seconds.",
  } as PluralForms,
  linkOpening: "Finding your booking…",
  linkProblemTitle: "This check-in link doesn't work",
  linkNotFound:
    "We could not find a booking for this link. It may have been cancelled, or the link was copied only in part.",
  linkExpired: "This check-in link has expired because the stay it was for has ended.",
  linkCheckedIn: "This booking has already been checked in. Enter your booking reference to see your stay again.",
  enterReferenceInstead: "Enter your booking reference",
  sessionExpired: "Your check-in timed out. Enter your booking reference to start again.",
  sessionGone: "We could not find that check-in. Enter your booking reference to start again.",

  returningTitle: "You have already checked in",
  returningIntro: (ref: string) =>
    `Booking ${ref} is already checked in. Your door code is on your stay page: open the stay link on the phone or computer you checked in with.`,
  proofLabel: "Surname, or the email or phone you booked with",
  proofHint: "As on your booking, for example Lovelace.",
  proofMissing: "Enter your surname, or the email or phone you booked with",
  returningDeskHelp: "On another phone or computer? Call the front desk on {phone} and they will help you.",
  copyStayLink: "Copy the link to this page",
  stayLinkKeep: "Keep this link: it opens this page, with your door code, on any phone or computer.",
  stayLinkCopied: "Link copied",
  showMyStay: "Show my door code",
  useAnotherBooking: "Use a different booking reference",
  stayLinkResendButton: "Send my stay link again",
  stayLinkResendHint: "We send it to the email address or phone number on your booking.",
  stayLinkResentTo: (to: string) => `We sent your stay link to ${to}. It can take a few minutes to arrive.`,
  stayLinkResendNoContact:
    "We have no email address or phone number for this booking that we can send it to. Call the front desk on {phone}.",
  stayLinkResendLimit:
    "We have already sent your stay link several times in the last hour. Check your email and text messages, or try again later.",

  detailsTitle: "Your details",
  fullNameLabel: "Full name",
  phoneLabel: "Phone number",
  phoneHint: "We only use it if there is a problem with your stay.",
  countryLabel: "Country of your phone number",
  emailLabel: "Email (optional)",
  startAgain: "Not your booking? Start again",

  parkingTitle: "Do you have a car?",
  parkingHint: "If you are arriving by car, we need its registration for parking.",
  yes: "Yes",
  no: "No",
  parkingChoiceMissing: "Select yes if you have a car",
  registrationLabel: "Car registration",
  registrationHint: "For example AB12 CDE",

  confirmTitle: "Check your answers",
  confirmIntro: "Make sure everything is right, then confirm your check-in.",
  summaryBooking: "Booking",
  summaryRoom: "Room",
  summaryDates: "Dates",
  summaryName: "Name",
  summaryPhone: "Phone",
  summaryEmail: "Email",
  summaryCar: "Car registration",
  noEmail: "Not given",
  noCar: "No car",
  confirmButton: "Confirm check-in",
  preparing: "Preparing your door codes…",
  preparingHint: "This page will move on by itself when they are ready. You do not need to press anything.",

  notFoundTitle: "We could not find your booking",
  notFoundBody: (ref: string) => `There is no booking with the reference ${ref} checking in at this time.`,
  notFoundNext:
    "Check the reference in your booking confirmation email and try again. If it still does not work, call the " +
    "front desk.",
  tryAgain: "Try again",

  errorTitle: "We could not finish your check-in",
  errorBody: "Something went wrong while we were setting up your door codes. Your details are saved.",
  errorOtherBody: "This check-in could not be finished.",
  /** `{phone}` becomes a link to call. */
  errorNextWithPhone: "Call the front desk on {phone}. They can finish your check-in for you.",
  errorNextNoPhone: "Call the front desk. They can finish your check-in for you.",
  errorWaiting: "Keep this page open: it will move on by itself when the front desk has fixed it.",
  yourBookingRef: (ref: string) => `Your booking reference is ${ref}.`,

  stayTitle: (property: string) => `Your stay at ${property}`,
  stayWelcome: (name: string) => `Welcome, ${name}. You are checked in.`,
  stayRoom: "Room",
  stayCheckIn: "Check-in",
  stayCheckOut: "Checkout",
  stayFrom: (time: string) => `from ${time}`,
  stayUntil: (time: string) => `until ${time}`,
  stayEarly: "early check-in",
  stayLate: "late checkout",
  stayPinTitle: "Your door code",
  stayPinOpens: (room: string, from: string, until: string) =>
    `Opens the front door and ${room} from ${from} to ${until}.`,
  stayPinMissing: "Your door code is not ready yet. Call the front desk on {phone}.",
  copy: "Copy code",
  copied: "Code copied",
  copyFailed: "Could not copy. Select the code and copy it yourself.",
  stayCar: "Car registration",
  stayFrontDesk: "Questions? Call the front desk on {phone}.",
  stayNotFoundTitle: "We could not find your stay",
  stayNotFoundBody: "This link is not valid. Enter your booking reference to find your door code.",
  stayLoadFailed: "We could not load your stay. Check your connection and try again.",

  stayFrontDoor: "Front door",
  stayLockSetting: "Sent to the lock",
  stayLockSet: "Confirmed on the lock",
  stayLockFailed: "The lock did not accept the code",
  stayLockRemoved: "Removed from the lock",
  stayCodeReady: "Your code is ready at the door.",
  stayCodeWaiting: "Your code has been sent to the locks. This page says when each lock confirms it.",
  stayBackupTitle: "Backup code",
  stayBackupBody: "If your code does not open a door, use the backup code for that door. It works for your whole stay.",
  stayBackupFrontDoor: "Front door backup code",
  stayBackupRoom: (room: string) => `Backup code for ${room}`,
  stayPinOpensOne: (door: string, from: string, until: string) => `Opens ${door} from ${from} to ${until}.`,
  stayManualCodeFor: (door: string) => `Code for ${door}`,
  stayManualAppears: (door: string, when: string) => `Your code for ${door} appears here on ${when}.`,
  stayManualNotSet: (door: string) => `The code for ${door} is not set yet. Call the front desk on {phone}.`,
  stayManualChanged: (door: string) => `The code for ${door} has changed.`,
  stayBackupAdded: "A backup code has been added to this page.",
  doorTroubleQuestion: "Trouble at the door?",
  doorTroubleButton: "Code not working?",
  doorTroubleTitle: "If your code does not work",
  doorTroubleSent: "The front desk has been told and can see your door.",
  doorTroubleNotSent: "We could not tell the front desk from this page. Call them on {phone}.",
  doorTroubleRetype: "Type the code again slowly, one digit at a time, then press the lock's confirm key.",
  doorTroubleUseBackup: "Try the backup code shown above.",
  doorTroubleCall: "Still locked out? Call the front desk on {phone}.",

  pageNotFoundTitle: "Page not found",

  /** Words for the reason codes the room sends (shared/protocol.ts FIELD_ERROR_CODES). */
  fieldErrors: {
    name_required: "Enter your full name",
    name_too_long: "Full name must be 120 characters or fewer",
    phone_required: "Enter your phone number",
    phone_invalid: "Enter a phone number from the country you chose, or start it with + and the country code",
    email_invalid: "Enter an email address like name@example.com, or leave it empty",
    registration_required: "Enter your car registration",
    registration_invalid: "Car registration must be 2 to 10 letters and numbers",
  } satisfies Record<FieldErrorCode, string>,
  checkedInElsewhereBody:
    "This booking has just been checked in on another device. Enter your booking reference again to open your stay.",
};

export type Strings = typeof en;
export default en;
