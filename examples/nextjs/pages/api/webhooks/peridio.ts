// Pages Router: POST /api/webhooks/peridio. Next.js must leave the body unparsed, and reads
// this `config` from the file itself, so it is written out here.
import { createNextApiHandler, type NextApiHandlerLike } from 'hookverify/next';
import { createPeridioReceiver } from '../../../../shared/receivers';

export const config = { api: { bodyParser: false } };

let handle: NextApiHandlerLike | undefined;

const peridioWebhook: NextApiHandlerLike = (req, res) => {
  handle ??= createNextApiHandler(createPeridioReceiver());
  return handle(req, res);
};
export default peridioWebhook;
