import type { Strings } from "./en";

const L = "es-ES";

const es: Strings = {
  lang: "es",
  dir: "ltr",
  locale: L,
  languageLabel: "Idioma",
  serviceName: "Registro en línea",
  stepOf: (n, total) => `Paso ${n} de ${total}`,
  continue: "Continuar",
  back: "Atrás",
  change: "Cambiar",
  loading: "Cargando su registro…",
  reconnecting: "Se ha perdido la conexión. Reconectando…",
  errorSummaryTitle: "Hay un problema",
  errorPrefix: "Error:",
  checkInComplete: "Registro completado",
  somethingWentWrong: "Algo ha fallado. Inténtelo de nuevo.",
  bookingRefLabel: "Código de reserva",

  lookupTitle: "Haga el registro en línea",
  lookupHint: "Lo encontrará en el correo de confirmación de su reserva, por ejemplo FD1001.",
  lookupRefMissing: "Introduzca su código de reserva",
  lookupRefInvalid: "Introduzca el código de reserva de su confirmación, por ejemplo FD1001",
  lookupNotFound: (ref) =>
    `No hemos encontrado la reserva ${ref} con esos datos. Compruebe el código y el apellido, el correo o el teléfono de su reserva`,
  lookupNotFoundHelp: "Qué hacer si no encontramos su reserva",
  tooManyAttempts: {
    one: "Demasiados intentos. Vuelva a intentarlo dentro de # segundo.",
    other: "Demasiados intentos. Vuelva a intentarlo dentro de # segundos.",
  },
  linkOpening: "Buscando su reserva…",
  linkProblemTitle: "Este enlace de registro no funciona",
  linkNotFound:
    "No hemos encontrado ninguna reserva para este enlace. Puede que se haya cancelado o que el enlace se copiara incompleto.",
  linkExpired: "Este enlace de registro ha caducado porque la estancia para la que era ya ha terminado.",
  linkCheckedIn:
    "Esta reserva ya tiene el registro hecho. Introduzca su código de reserva para volver a ver su estancia.",
  enterReferenceInstead: "Introduzca su código de reserva",
  sessionExpired: "Se ha agotado el tiempo de su registro. Introduzca su código de reserva para empezar de nuevo.",
  sessionGone: "No hemos encontrado ese registro. Introduzca su código de reserva para empezar de nuevo.",

  returningTitle: "Ya ha hecho el registro",
  returningIntro: (ref) =>
    `La reserva ${ref} ya está registrada. Su código de la puerta está en la página de su estancia: abra el enlace en el dispositivo con el que hizo el registro.`,
  proofLabel: "Apellido, o el correo o teléfono de la reserva",
  proofHint: "Como en su reserva, por ejemplo Lovelace.",
  proofMissing: "Introduzca su apellido, o el correo o teléfono de la reserva",
  returningDeskHelp: "¿En otro dispositivo? Llame a recepción al {phone} y le ayudaremos.",
  copyStayLink: "Copiar el enlace a esta página",
  stayLinkKeep: "Guarde este enlace: abre esta página, con su código de la puerta, en cualquier dispositivo.",
  stayLinkCopied: "Enlace copiado",
  showMyStay: "Ver mi código de la puerta",
  useAnotherBooking: "Usar otro código de reserva",
  stayLinkResendButton: "Enviarme de nuevo el enlace de mi estancia",
  stayLinkResendHint: "Lo enviamos al correo electrónico o al teléfono de su reserva.",
  stayLinkResentTo: (to: string) =>
    `Hemos enviado el enlace de su estancia a ${to}. Puede tardar unos minutos en llegar.`,
  stayLinkResendNoContact:
    "No tenemos ningún correo electrónico ni teléfono de esta reserva al que podamos enviarlo. Llame a recepción al {phone}.",
  stayLinkResendLimit:
    "Ya le hemos enviado el enlace de su estancia varias veces en la última hora. Revise su correo y sus mensajes SMS, o vuelva a intentarlo más tarde.",

  detailsTitle: "Sus datos",
  fullNameLabel: "Nombre completo",
  phoneLabel: "Número de teléfono",
  phoneHint: "Solo lo usaremos si hay algún problema con su estancia.",
  countryLabel: "País de su número de teléfono",
  emailLabel: "Correo electrónico (opcional)",
  startAgain: "¿No es su reserva? Empiece de nuevo",

  parkingTitle: "¿Viene en coche?",
  parkingHint: "Si llega en coche, necesitamos la matrícula para el aparcamiento.",
  yes: "Sí",
  no: "No",
  parkingChoiceMissing: "Seleccione «Sí» si viene en coche",
  registrationLabel: "Matrícula del coche",
  registrationHint: "Por ejemplo, 1234 BCD",

  confirmTitle: "Revise sus respuestas",
  confirmIntro: "Compruebe que todo está bien y después confirme su registro.",
  summaryBooking: "Reserva",
  summaryRoom: "Habitación",
  summaryDates: "Fechas",
  summaryName: "Nombre",
  summaryPhone: "Teléfono",
  summaryEmail: "Correo electrónico",
  summaryCar: "Matrícula",
  noEmail: "Sin indicar",
  noCar: "Sin coche",
  confirmButton: "Confirmar el registro",
  preparing: "Preparando sus códigos de la puerta…",
  preparingHint: "Esta página avanzará sola cuando estén listos. No tiene que pulsar nada.",

  notFoundTitle: "No hemos encontrado su reserva",
  notFoundBody: (ref) => `No hay ninguna reserva con el código ${ref} que llegue en estas fechas.`,
  notFoundNext:
    "Compruebe el código en el correo de confirmación de su reserva e inténtelo de nuevo. Si sigue sin funcionar, " +
    "llame a recepción.",
  tryAgain: "Intentar de nuevo",

  errorTitle: "No hemos podido terminar su registro",
  errorBody: "Algo ha fallado al preparar sus códigos de la puerta. Sus datos están guardados.",
  errorOtherBody: "No se ha podido terminar este registro.",
  errorNextWithPhone: "Llame a recepción al {phone}. Allí pueden terminar el registro por usted.",
  errorNextNoPhone: "Llame a recepción. Allí pueden terminar el registro por usted.",
  errorWaiting: "Deje esta página abierta: avanzará sola cuando recepción lo haya solucionado.",
  yourBookingRef: (ref) => `Su código de reserva es ${ref}.`,

  stayTitle: (property) => `Su estancia en ${property}`,
  stayWelcome: (name) => `Bienvenido/a, ${name}. Ya está registrado/a.`,
  stayRoom: "Habitación",
  stayCheckIn: "Llegada",
  stayCheckOut: "Salida",
  stayFrom: (time) => `desde las ${time}`,
  stayUntil: (time) => `hasta las ${time}`,
  stayEarly: "llegada anticipada",
  stayLate: "salida tardía",
  stayPinTitle: "Su código de la puerta",
  stayPinOpens: (room, from, until) => `Abre la puerta principal y ${room} desde ${from} hasta ${until}.`,
  stayPinMissing: "Su código de la puerta aún no está listo. Llame a recepción al {phone}.",
  copy: "Copiar el código",
  copied: "Código copiado",
  copyFailed: "No se ha podido copiar. Seleccione el código y cópielo usted.",
  stayCar: "Matrícula del coche",
  stayFrontDesk: "¿Alguna pregunta? Llame a recepción al {phone}.",
  stayNotFoundTitle: "No hemos encontrado su estancia",
  stayNotFoundBody: "Este enlace no es válido. Introduzca su código de reserva para ver su código de la puerta.",
  stayLoadFailed: "No hemos podido cargar su estancia. Compruebe su conexión e inténtelo de nuevo.",

  stayFrontDoor: "Puerta principal",
  stayLockSetting: "Enviado a la cerradura",
  stayLockSet: "Confirmado en la cerradura",
  stayLockFailed: "La cerradura no aceptó el código",
  stayLockRemoved: "Eliminado de la cerradura",
  stayCodeReady: "Su código está listo en la puerta.",
  stayCodeWaiting: "Su código se ha enviado a las cerraduras. Esta página indica cuándo lo confirma cada cerradura.",
  stayBackupTitle: "Código de reserva",
  stayBackupBody:
    "Si su código no abre una puerta, use el código de reserva de esa puerta. Sirve durante toda su estancia.",
  stayBackupFrontDoor: "Código de reserva de la puerta principal",
  stayBackupRoom: (room) => `Código de reserva para ${room}`,
  stayBackupAdded: "Se ha añadido un código de reserva a esta página.",
  doorTroubleQuestion: "¿Problemas en la puerta?",
  doorTroubleButton: "¿El código no funciona?",
  doorTroubleTitle: "Si su código no funciona",
  doorTroubleSent: "Recepción ha sido avisada y puede ver su puerta.",
  doorTroubleNotSent: "No pudimos avisar a recepción desde esta página. Llame al {phone}.",
  doorTroubleRetype:
    "Vuelva a escribir el código despacio, dígito a dígito, y pulse la tecla de confirmar de la cerradura.",
  doorTroubleUseBackup: "Pruebe el código de reserva que aparece arriba.",
  doorTroubleCall: "¿Sigue sin poder entrar? Llame a recepción al {phone}.",

  pageNotFoundTitle: "Página no encontrada",

  fieldErrors: {
    name_required: "Introduzca su nombre completo",
    name_too_long: "El nombre completo debe tener 120 caracteres como máximo",
    phone_required: "Introduzca su número de teléfono",
    phone_invalid: "Introduzca un número de teléfono del país elegido, o empiece con + y el prefijo del país",
    email_invalid: "Introduzca un correo como nombre@ejemplo.com, o déjelo en blanco",
    registration_required: "Introduzca la matrícula de su coche",
    registration_invalid: "La matrícula debe tener entre 2 y 10 letras y números",
  },
  checkedInElsewhereBody:
    "Esta reserva se acaba de registrar en otro dispositivo. Vuelva a introducir su código de reserva para ver su " +
    "estancia.",
};

export default es;
