// The channels the scheduler sends through, picked by EMAIL_PROVIDER and SMS_PROVIDER.
// Without an account each one talks to the local simulator (party/messagesim) through the
// same adapter, so `npm start` and every test run the real provider code.
import type { RuntimeEnv } from "../env";
import type { MessageChannel } from "./channel";
import { resendConnection, twilioConnection } from "./connections";
import { resendChannel } from "./resend/channel";
import { twilioChannel } from "./twilio/channel";

export function messageChannels(env: RuntimeEnv): { email: MessageChannel; sms: MessageChannel } {
  const email = (() => {
    switch (env.EMAIL_PROVIDER) {
      case "resend":
        return resendChannel(() => resendConnection(env));
    }
  })();
  const sms = (() => {
    switch (env.SMS_PROVIDER) {
      case "twilio":
        return twilioChannel(() => twilioConnection(env));
    }
  })();
  // Twilio reports delivery only to a callback named with each message: this deployment's route.
  const statusCallbackUrl = twilioStatusCallbackUrl(env);
  return {
    email,
    sms: {
      ...sms,
      channel: sms.channel,
      provider: sms.provider,
      send: (message) => sms.send({ statusCallbackUrl, ...message }),
      ...(sms.findSent ? { findSent: sms.findSent.bind(sms) } : {}),
    },
  };
}

/** Where Twilio posts a message's status: given per message, so it must be this deployment's public URL. */
export const twilioStatusCallbackUrl = (env: RuntimeEnv) => `${env.SELF_URL}/api/webhooks/twilio/status`;
