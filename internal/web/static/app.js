// Lokadaya's only script: small enhancements; every page works without it.
"use strict";
