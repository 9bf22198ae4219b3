'use strict';
// Node's built-in URL implements the same WHATWG URL standard as the whatwg-url package.
module.exports = { URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams };
