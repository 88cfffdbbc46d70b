// Code passed to worker.evaluate() runs in the extension's service worker, where `chrome` exists.
/// <reference types="chrome" />
