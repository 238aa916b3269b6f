// Every vendor oracle, in the order of issue #12's list.
import { calendlyOracle } from './calendly.js';
import { coinbaseCommerceOracle } from './coinbase-commerce.js';
import { discordOracle } from './discord.js';
import { githubOracle } from './github.js';
import { hubspotOracle } from './hubspot.js';
import { intercomOracle } from './intercom.js';
import { lemonSqueezyOracle } from './lemon-squeezy.js';
import { lineOracle } from './line.js';
import { linearOracle } from './linear.js';
import { mailgunOracle } from './mailgun.js';
import { metaOracle } from './meta.js';
import { muxOracle } from './mux.js';
import type { Oracle } from './oracle.js';
import { paddleOracle } from './paddle.js';
import { razorpayOracle } from './razorpay.js';
import { sendgridOracle } from './sendgrid.js';
import { sentryOracle } from './sentry.js';
import { shopifyOracle } from './shopify.js';
import { slackOracle } from './slack.js';
import { squareOracle } from './square.js';
import { standardWebhooksV1aOracle, standardWebhooksV1Oracle } from './standard-webhooks.js';
import { stripeOracle } from './stripe.js';
import { twilioJsonOracle, twilioOracle } from './twilio.js';
import { twitchOracle } from './twitch.js';
import { typeformOracle } from './typeform.js';
import { vercelOracle } from './vercel.js';
import { zoomOracle } from './zoom.js';

export const oracles: Oracle[] = [
  stripeOracle,
  githubOracle,
  standardWebhooksV1Oracle,
  standardWebhooksV1aOracle,
  slackOracle,
  shopifyOracle,
  twilioOracle,
  twilioJsonOracle,
  squareOracle,
  lineOracle,
  paddleOracle,
  discordOracle,
  sendgridOracle,
  mailgunOracle,
  linearOracle,
  zoomOracle,
  hubspotOracle,
  razorpayOracle,
  muxOracle,
  twitchOracle,
  metaOracle,
  typeformOracle,
  calendlyOracle,
  lemonSqueezyOracle,
  coinbaseCommerceOracle,
  sentryOracle,
  vercelOracle,
  intercomOracle,
];
