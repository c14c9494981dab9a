import { readGatewayConfig } from "./config";
import { startGateway } from "./server";

if (require.main === module) {
  startGateway(readGatewayConfig())
    .then((gateway) => {
      console.log(JSON.stringify({ level: "info", service: "gateway", msg: "listening", url: gateway.url }));
      const stop = () =>
        void gateway.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    })
    .catch((error: unknown) => {
      console.error("[gateway] échec du démarrage :", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
