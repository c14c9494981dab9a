import http from "node:http";
import { dashboardRoutes } from "./dashboard/routes";
import { dsfrRoutes } from "./dsfr/routes";
import { mapRoutes } from "./map/routes";
import { exportRoutes } from "./exports/routes";
import { healthRoutes } from "./health";

/**
 * HTTP routes the gateway serves beside GraphQL (pages, file exports…). Each feature adds its
 * entry here; GraphQL and GraphiQL stay Hive Gateway's own.
 */
export interface GatewayRoute {
  method: "GET" | "POST";
  /** Exact path, or a pattern on the path. */
  path: string | RegExp;
  handle(req: http.IncomingMessage, res: http.ServerResponse, context: { graphqlUrl: string }): Promise<void> | void;
}

export const GATEWAY_ROUTES: GatewayRoute[] = [...healthRoutes(), ...dsfrRoutes(), ...dashboardRoutes(), ...mapRoutes(), ...exportRoutes()];

export function findRoute(routes: readonly GatewayRoute[], method: string | undefined, pathname: string): GatewayRoute | undefined {
  return routes.find((r) => r.method === method && (typeof r.path === "string" ? r.path === pathname : r.path.test(pathname)));
}
