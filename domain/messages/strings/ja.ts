import type { MessageStrings } from "./en";

const ja: MessageStrings = {
  lang: "ja",
  dir: "ltr",
  locale: "ja-JP",
  greeting: "こんにちは。",
  phoneLine: (property, phone) => `ご不明な点は${property}（${phone}）までお電話ください。`,
  unsubscribe: "このメールの配信を停止する",
  invitation: {
    subject: (v) => `${v.property}のオンラインチェックインのご案内`,
    email: (v) => [
      `${v.property}をご予約いただきありがとうございます。到着日は${v.arrival}です。`,
      "到着前にオンラインでチェックインしてください。約2分で終わり、到着時にはドアの暗証番号が用意されています。",
    ],
    linkText: "オンラインでチェックイン",
    sms: (v) => `${v.property}：${v.arrival}の到着前にオンラインでチェックインしてください：${v.link}`,
  },
  reminder: {
    subject: (v) => `明日ご到着です：${v.property}のオンラインチェックイン`,
    email: (v) => [
      `${v.arrival}に${v.property}にご到着予定ですが、まだチェックインがお済みではありません。`,
      "ドアの暗証番号を用意するため、今すぐチェックインしてください。途中まで進めた方は、その続きから再開できます。",
    ],
    linkText: "チェックインを完了する",
    sms: (v) => `${v.property}：${v.arrival}にご到着です。今すぐチェックイン：${v.link}`,
  },
  doorCode: {
    subject: (v) => `${v.property}のドアの暗証番号`,
    email: (v) => [
      `${v.property}のチェックインが完了しました。`,
      v.code
        ? `ドアの暗証番号は ${v.code.code} です。${v.code.from}から${v.code.until}まで使えます。`
        : "ドアの暗証番号はご滞在ページに表示されています。",
    ],
    linkText: "ご滞在ページを開く",
    sms: (v) =>
      v.code
        ? `${v.property}：ドアの暗証番号は ${v.code.code} です。${v.link}`
        : `${v.property}：チェックイン完了。暗証番号：${v.link}`,
  },
  codeConfirmed: {
    subject: (v) => `${v.property}のドアの暗証番号の準備ができました`,
    email: (v) => [`${v.property}のドアがお客様の暗証番号を確認しました。ご到着時にお使いいただけます。`],
    linkText: "ご滞在ページを開く",
    sms: (v) => `${v.property}：ドアが暗証番号を確認しました。${v.link}`,
  },
  test: {
    subject: (v) => `${v.property}からのテストメッセージ`,
    email: (v) => [`これは${v.property}のゲスト向けメッセージのテストです。`],
    linkText: "Frontdoor を開く",
    sms: (v) => `${v.property}：Frontdoor のテストメッセージ。${v.link}`,
  },
};

export default ja;
