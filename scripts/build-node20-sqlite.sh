#!/bin/sh
# Builds better-sqlite3 for the machine's Node 20 (/usr/bin/node, NODE_MODULE_VERSION 115), offline,
# from Node 20's headers in /usr/include/node: node_modules holds the Node 24 build (137). For the
# Node 20 vs Node 24 bench (issue #14): the binding is meant for better-sqlite3's nativeBinding option.
set -e
cd "$(dirname "$0")/.."
out=.tmp/node20
rm -rf "$out/better-sqlite3" && mkdir -p "$out" && cp -r node_modules/better-sqlite3 "$out/"
cd "$out/better-sqlite3" && rm -rf build
# a clean environment: under `npm run`, npm's npm_config_* variables (nodedir, target) would point
# node-gyp at Node 24's headers
env -i PATH=/usr/bin:/bin HOME="$HOME" /usr/bin/node ../../../node_modules/.bin/node-gyp rebuild --nodedir=/usr --release -j 2 > ../gyp.log 2>&1
echo "$PWD/build/Release/better_sqlite3.node"
