import { readSignerConfig } from "./config";
import { startSigner } from "./server";

if (require.main === module) {
  Promise.resolve()
    .then(() => startSigner(readSignerConfig()))
    .then((signer) => {
      console.log(JSON.stringify({ level: "info", service: "router-signer", msg: "listening", url: signer.url }));
      const stop = () =>
        void signer.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    })
    .catch((error: unknown) => {
      console.error("[router-signer] échec du démarrage :", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
