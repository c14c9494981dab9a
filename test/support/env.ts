// Tests read results, not logs: request logs stay quiet unless LOG_LEVEL asks for them.
process.env.LOG_LEVEL ??= "error";

// The gateway loads its Rust query planner with a dynamic import(), which Jest only allows with
// Node's --experimental-vm-modules: say so plainly instead of 68 "Unexpected error." failures.
const vmModules = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].includes("--experimental-vm-modules");
if (!vmModules)
  throw new Error(
    "Lancez les tests avec « npm run jest -- <fichiers> » (ou npm test) : Jest a besoin de --experimental-vm-modules pour charger le planificateur Rust de la passerelle.",
  );
