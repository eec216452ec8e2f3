import type { MessageStrings } from "./en";

const ar: MessageStrings = {
  lang: "ar",
  dir: "rtl",
  locale: "ar",
  greeting: "مرحبًا،",
  phoneLine: (property, phone) => `هل لديك أسئلة؟ اتصل بـ ${property} على ${phone}.`,
  unsubscribe: "إيقاف هذه الرسائل",
  invitation: {
    subject: (v) => `سجّل وصولك عبر الإنترنت لإقامتك في ${v.property}`,
    email: (v) => [
      `شكرًا لحجزك في ${v.property}. موعد وصولك ${v.arrival}.`,
      "سجّل وصولك عبر الإنترنت قبل أن تصل: يستغرق ذلك دقيقتين تقريبًا، وسيكون رمز الباب جاهزًا عند وصولك.",
    ],
    linkText: "سجّل وصولك عبر الإنترنت",
    sms: (v) => `${v.property}: سجّل وصولك عبر الإنترنت قبل ${v.arrival}: ${v.link}`,
  },
  reminder: {
    subject: (v) => `تصل غدًا: سجّل وصولك عبر الإنترنت في ${v.property}`,
    email: (v) => [
      `تصل إلى ${v.property} في ${v.arrival} ولم تسجّل وصولك بعد.`,
      "سجّل وصولك الآن ليكون رمز الباب جاهزًا. إن كنت قد بدأت، فستكمل من حيث توقفت.",
    ],
    linkText: "أكمل تسجيل الوصول",
    sms: (v) => `${v.property}: تصل في ${v.arrival}. سجّل وصولك الآن: ${v.link}`,
  },
  doorCode: {
    subject: (v) => `رمز الباب في ${v.property}`,
    email: (v) => [
      `تم تسجيل وصولك في ${v.property}.`,
      v.code
        ? `رمز الباب هو ${v.code.code}. يفتح الأبواب من ${v.code.from} حتى ${v.code.until}.`
        : "رمز الباب موجود في صفحة إقامتك.",
    ],
    linkText: "افتح صفحة إقامتك",
    sms: (v) =>
      v.code
        ? `${v.property}: رمز الباب ${v.code.code}. ${v.link}`
        : `${v.property}: تم تسجيل وصولك. رمز الباب: ${v.link}`,
  },
  codeConfirmed: {
    subject: (v) => `رمز الباب جاهز في ${v.property}`,
    email: (v) => [`أكدت أقفال ${v.property} رمزك. إنه جاهز لوصولك.`],
    linkText: "افتح صفحة إقامتك",
    sms: (v) => `${v.property}: أكد الباب رمزك، وهو جاهز. ${v.link}`,
  },
  test: {
    subject: (v) => `رسالة تجريبية من ${v.property}`,
    email: (v) => [`هذه تجربة لرسائل ${v.property} إلى النزلاء.`],
    linkText: "افتح Frontdoor",
    sms: (v) => `${v.property}: رسالة تجريبية من Frontdoor. ${v.link}`,
  },
};

export default ar;
