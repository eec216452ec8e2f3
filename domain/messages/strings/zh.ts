import type { MessageStrings } from "./en";

const zh: MessageStrings = {
  lang: "zh",
  dir: "ltr",
  locale: "zh-CN",
  greeting: "您好：",
  phoneLine: (property, phone) => `如有疑问，请致电${property}：${phone}。`,
  unsubscribe: "不再接收这些邮件",
  invitation: {
    subject: (v) => `请为您在${v.property}的住宿办理在线入住`,
    email: (v) => [
      `感谢您预订${v.property}。您的到达日期是${v.arrival}。`,
      "请在到达前办理在线入住：只需约两分钟，您到达时门锁密码就已准备好。",
    ],
    linkText: "办理在线入住",
    sms: (v) => `${v.property}：请在${v.arrival}到达前办理在线入住：${v.link}`,
  },
  reminder: {
    subject: (v) => `您明天到达：请为${v.property}办理在线入住`,
    email: (v) => [
      `您将于${v.arrival}到达${v.property}，尚未办理入住。`,
      "请现在办理在线入住，以便准备好门锁密码。如果您已经开始，可以从中断处继续。",
    ],
    linkText: "完成入住",
    sms: (v) => `${v.property}：您将于${v.arrival}到达，请现在办理在线入住：${v.link}`,
  },
  doorCode: {
    subject: (v) => `您在${v.property}的门锁密码`,
    email: (v) => [
      `您已在${v.property}办理入住。`,
      v.code
        ? `您的门锁密码是 ${v.code.code}，有效时间为${v.code.from}至${v.code.until}。`
        : "您的门锁密码在您的住宿页面上。",
    ],
    linkText: "打开您的住宿页面",
    sms: (v) =>
      v.code
        ? `${v.property}：您的门锁密码是 ${v.code.code}。${v.link}`
        : `${v.property}：您已办理入住。门锁密码：${v.link}`,
  },
  codeConfirmed: {
    subject: (v) => `您在${v.property}的门锁密码已就绪`,
    email: (v) => [`${v.property}的门锁已确认您的密码，可在您到达时使用。`],
    linkText: "打开您的住宿页面",
    sms: (v) => `${v.property}：门锁已确认您的密码，已就绪。${v.link}`,
  },
  test: {
    subject: (v) => `来自${v.property}的测试消息`,
    email: (v) => [`这是${v.property}住客消息的测试。`],
    linkText: "打开 Frontdoor",
    sms: (v) => `${v.property}：Frontdoor 测试消息。${v.link}`,
  },
};

export default zh;
