/**
 * Code that runs in every fresh context before the pack's script, inside the isolate. It is a
 * string on purpose: it never runs in the host. A context is prepared (this, then the pack's
 * script) before the call that uses it, and serves that one call only.
 *
 * It removes what a pure pack has no use for and what would let it reach past its limits:
 * - `WebAssembly` (compiles outside the CPU timeout and allocates memory outside the heap),
 *   `SharedArrayBuffer` and `Atomics` (blocking waits), `WeakRef` and `FinalizationRegistry`
 *   (callbacks that run after the call, outside its timeout).
 * - The clock: `Date.now()`, `new Date()` and `Intl.DateTimeFormat#format()` without a date
 *   answer the instant the host passed in as `now` (the Unix epoch when the request has none,
 *   and while the script's top level runs), so output depends only on the request.
 * - Randomness: `Math.random` is a generator seeded afresh at each call, so the same
 *   request gives the same answer on every call.
 *
 * Its completion value is the one function the host calls: it runs `invoke` and always
 * returns a string whose first character says what happened (R response, T thrown, M no
 * global, F invoke is not a function, N not a string, B too big), so no pack value other than
 * a string ever crosses. Built-ins it needs are captured before the pack's code can run.
 */
export const PRELUDE_SOURCE = String.raw`(function (global) {
  'use strict';
  var fixedNow = 0;
  var finite = isFinite;
  var reflectApply = Reflect.apply;
  var reflectConstruct = Reflect.construct;
  var defineProperty = Object.defineProperty;
  var StringOf = String;
  var sliceOf = String.prototype.slice;
  function clip(text) { return reflectApply(sliceOf, StringOf(text), [0, 600]); }

  ['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'WeakRef', 'FinalizationRegistry'].forEach(function (name) {
    delete global[name];
  });

  var RealDate = global.Date;
  var realDateString = RealDate.prototype.toString;
  function Date() {
    var args = Array.prototype.slice.call(arguments);
    if (!new.target) return reflectApply(realDateString, new RealDate(fixedNow), []);
    return reflectConstruct(RealDate, args.length === 0 ? [fixedNow] : args, new.target);
  }
  Date.prototype = RealDate.prototype;
  Date.now = function now() { return fixedNow; };
  Date.UTC = RealDate.UTC;
  Date.parse = RealDate.parse;
  defineProperty(RealDate.prototype, 'constructor', { value: Date, writable: true, configurable: true, enumerable: false });
  defineProperty(global, 'Date', { value: Date, writable: true, configurable: true, enumerable: false });

  if (typeof Intl === 'object' && Intl !== null && typeof Intl.DateTimeFormat === 'function') {
    var dtf = Intl.DateTimeFormat.prototype;
    var formatGetter = Object.getOwnPropertyDescriptor(dtf, 'format').get;
    var formatToParts = dtf.formatToParts;
    defineProperty(dtf, 'format', {
      configurable: true,
      get: function () {
        var bound = reflectApply(formatGetter, this, []);
        return function format(date) { return bound(date === undefined ? fixedNow : date); };
      },
    });
    dtf.formatToParts = function (date) {
      return reflectApply(formatToParts, this, [date === undefined ? fixedNow : date]);
    };
  }

  var SEED = 0x9e3779b9;
  var seed = SEED;
  defineProperty(Math, 'random', {
    writable: true,
    configurable: true,
    value: function random() {
      seed = (seed + 0x6d2b79f5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  });

  function describe(thrown) {
    try {
      if (thrown !== null && (typeof thrown === 'object' || typeof thrown === 'function')) {
        var name = thrown.name;
        var message = thrown.message;
        return (typeof name === 'string' ? name : 'Error') + ': ' + (typeof message === 'string' ? message : '(no message)');
      }
      return 'a thrown ' + typeof thrown + (typeof thrown === 'string' ? ': ' + thrown : '');
    } catch (e) {
      return 'a value that cannot be printed';
    }
  }

  return function call(operation, requestJson, maxChars, clockMs) {
    var pack, invoke, out;
    fixedNow = typeof clockMs === 'number' && finite(clockMs) ? clockMs : 0;
    seed = SEED;
    try {
      pack = global.__repogenPack;
      if (pack === null || (typeof pack !== 'object' && typeof pack !== 'function')) return 'M';
      invoke = pack.invoke;
    } catch (e) {
      return 'T' + clip(describe(e));
    }
    if (typeof invoke !== 'function') return 'F';
    try {
      out = reflectApply(invoke, pack, [operation, requestJson]);
    } catch (e) {
      return 'T' + clip(describe(e));
    }
    if (typeof out !== 'string') return 'N' + (out === null ? 'null' : typeof out);
    if (out.length > maxChars) return 'B' + out.length;
    return 'R' + out;
  };
})(globalThis)`;
