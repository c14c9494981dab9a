// Tests read results, not logs: request logs stay quiet unless LOG_LEVEL asks for them.
process.env.LOG_LEVEL ??= "error";
