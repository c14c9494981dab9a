/**
 * `npm run token -- <organisation>`: prints a bearer token for an organisation, signed with this
 * installation's local key (embedded set-up). In production tokens come from the OIDC provider.
 *   npm run token -- caf:44        npm run token -- ars:52        npm run token -- national
 */
import { readDatabaseConfig } from "../subgraphs/platform/config";
import { ensureLocalSecrets } from "../subgraphs/platform/auth/config";
import { signLocalToken } from "../subgraphs/platform/auth/tokens";

const organisation = process.argv[2];
if (!organisation) {
  console.error("Usage : npm run token -- <organisation>   (ars:<région>, dreets:<région>, caf:<département>, cd:<département>, national)");
  process.exit(2);
}
signLocalToken(ensureLocalSecrets(readDatabaseConfig().dataDir).privateKeyFile, organisation, { name: process.argv[3] })
  .then((token) => console.log(token))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
