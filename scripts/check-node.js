// Runs before npm start, test, bench and loadtest: the hub is built and tested on the Node.js major
// of .node-version only (Node 20 is end of life; some gateway dependencies need ≥ 22.15).
const fs = require("node:fs");
const path = require("node:path");

const wanted = fs.readFileSync(path.join(__dirname, "..", ".node-version"), "utf8").trim();
const major = (version) => Number(version.split(".")[0]);
if (major(process.versions.node) < major(wanted)) {
  console.error(
    `Node.js ${process.versions.node} est trop ancien : le hub tourne sur Node.js ${major(wanted)} (.node-version : ${wanted}).\n` +
      "Lancez d'abord `. scripts/use-node.sh` (il prend Node.js depuis le registre npm si besoin), ou installez-le avec nvm/fnm.",
  );
  process.exit(1);
}
