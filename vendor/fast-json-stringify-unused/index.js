'use strict';
// graphql-jit calls this only under its customJSONSerializer option, which LeadGraph never sets.
module.exports = function fastJsonStringify() {
  throw new Error(
    "fast-json-stringify is not installed: LeadGraph compiles queries without graphql-jit's customJSONSerializer (see vendor/README.md)",
  );
};
module.exports.default = module.exports;
