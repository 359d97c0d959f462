/**
 * JavaScript evaluated inside the QuickJS sandbox once per context, after chai: Postman's `pm`
 * subset over a plain state object. Nothing here reaches the host: the host writes the state in as
 * JSON (`__kx.begin`) and reads it back as JSON (`__kx.end`) around each script.
 *
 * Kept as a string (not a function's `.toString()`) so no bundler helper can leak into it.
 */
export const PM_PRELUDE = String.raw`
(function () {
  'use strict';
  var g = globalThis;
  var chai = g.__kx_chai;
  delete g.__kx_chai;
  var expect = chai.expect;
  var S = null; // the state of the script being run

  function supportedError(path) {
    var e = new Error(path + ' is not supported by the Kinde API Explorer runner (see docs/runner.md for the pm subset)');
    e.name = 'UnsupportedError';
    return e;
  }
  // pm.sendRequest, pm.cookies.get(...), postman.setNextRequest(...): usable as values, fail when called.
  function unsupported(path) {
    var f = function () { throw supportedError(path + '()'); };
    return new Proxy(f, {
      get: function (t, p) {
        if (p === Symbol.toPrimitive || p === 'toString') return function () { return '[unsupported ' + path + ']'; };
        if (typeof p === 'symbol') return undefined;
        return unsupported(path + '.' + p);
      },
      apply: function () { throw supportedError(path + '()'); },
      construct: function () { throw supportedError('new ' + path + '()'); },
    });
  }
  function strict(path, obj) {
    return new Proxy(obj, {
      get: function (t, p, r) {
        if (typeof p === 'symbol' || p in t) return Reflect.get(t, p, r);
        if (p === 'then' || p === 'toJSON') return undefined;
        return unsupported(path + '.' + p);
      },
    });
  }
  function str(v) {
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'object') { try { return JSON.stringify(v); } catch (e) { return String(v); } }
    return String(v);
  }
  function format(args) {
    var out = [];
    for (var i = 0; i < args.length; i++) {
      var a = args[i];
      if (typeof a === 'string') out.push(a);
      else if (a instanceof Error) out.push(a.name + ': ' + a.message);
      else if (typeof a === 'function') out.push('[Function ' + (a.name || 'anonymous') + ']');
      else if (a === undefined) out.push('undefined');
      else { try { out.push(JSON.stringify(a)); } catch (e) { out.push(String(a)); } }
    }
    return out.join(' ');
  }
  function errorText(e) {
    if (e && typeof e === 'object' && typeof e.message === 'string') return (e.name && e.name !== 'Error' && e.name !== 'AssertionError' ? e.name + ': ' : '') + e.message;
    return String(e);
  }

  // ------------------------------------------------------------ variables
  function isSecret(key) { return S.secretKeys.indexOf(String(key)) !== -1; }
  function scope(name, label, writable) {
    var api = {
      get: function (key) {
        if (name === 'environment' && isSecret(key)) return undefined;
        var s = S.vars[name];
        return Object.prototype.hasOwnProperty.call(s, key) ? s[key] : undefined;
      },
      has: function (key) {
        if (name === 'environment' && isSecret(key)) return false;
        return Object.prototype.hasOwnProperty.call(S.vars[name], key);
      },
      toObject: function () {
        var o = {}, s = S.vars[name];
        for (var k in s) if (!(name === 'environment' && isSecret(k))) o[k] = s[k];
        return o;
      },
      replaceIn: function (text) { return replaceIn(text); },
    };
    if (writable) {
      api.set = function (key, value) {
        key = String(key);
        if (isSecret(key)) throw new Error(label + '.set("' + key + '"): "' + key + '" is a secret of the environment; scripts cannot write secrets');
        S.vars[name][key] = value === undefined ? '' : (typeof value === 'object' && value !== null ? str(value) : value);
        S.changed[name][key] = true;
      };
      api.unset = function (key) {
        key = String(key);
        if (isSecret(key)) throw new Error(label + '.unset("' + key + '"): "' + key + '" is a secret of the environment; scripts cannot change secrets');
        delete S.vars[name][key];
        S.changed[name][key] = true;
      };
      api.clear = function () {
        for (var k in S.vars[name]) { delete S.vars[name][k]; S.changed[name][k] = true; }
      };
    }
    return strict(label, api);
  }
  // Postman's precedence: local, iteration data, environment, collection.
  function lookup(key) {
    var order = ['local', 'data', 'environment', 'collection'];
    for (var i = 0; i < order.length; i++) {
      var n = order[i];
      if (n === 'environment' && isSecret(key)) continue;
      if (Object.prototype.hasOwnProperty.call(S.vars[n], key)) return S.vars[n][key];
    }
    return undefined;
  }
  function replaceIn(text) {
    return String(text).replace(/\{\{([^{}]+)\}\}/g, function (m, k) {
      var v = lookup(k.trim());
      return v === undefined ? m : str(v);
    });
  }
  var variables = scope('local', 'pm.variables', true);
  var localGet = variables.get;
  variables = strict('pm.variables', {
    get: function (key) { return lookup(String(key)); },
    has: function (key) { return lookup(String(key)) !== undefined; },
    set: variables.set,
    unset: variables.unset,
    toObject: function () {
      var o = {}, order = ['collection', 'environment', 'data', 'local'];
      for (var i = 0; i < order.length; i++) {
        var s = S.vars[order[i]];
        for (var k in s) if (!(order[i] === 'environment' && isSecret(k))) o[k] = s[k];
      }
      return o;
    },
    replaceIn: replaceIn,
  });
  void localGet;

  // ------------------------------------------------------------ headers
  function headerList(rows, label, writable) {
    function find(name) {
      name = String(name).toLowerCase();
      for (var i = 0; i < rows.length; i++) if (rows[i].enabled !== false && String(rows[i].key).toLowerCase() === name) return rows[i];
      return undefined;
    }
    var api = {
      get: function (name) { var h = find(name); return h ? h.value : undefined; },
      has: function (name, value) { var h = find(name); return !!h && (value === undefined || h.value === value); },
      toObject: function () { var o = {}; rows.forEach(function (h) { if (h.enabled !== false) o[String(h.key).toLowerCase()] = h.value; }); return o; },
      all: function () { return rows.filter(function (h) { return h.enabled !== false; }).map(function (h) { return { key: h.key, value: h.value }; }); },
      each: function (fn) { rows.filter(function (h) { return h.enabled !== false; }).forEach(function (h) { fn({ key: h.key, value: h.value }); }); },
      count: function () { return rows.filter(function (h) { return h.enabled !== false; }).length; },
    };
    if (writable) {
      api.add = function (h) { rows.push({ key: String(h.key), value: str(h.value) }); };
      api.upsert = function (h) { var f = find(h.key); if (f) f.value = str(h.value); else rows.push({ key: String(h.key), value: str(h.value) }); };
      api.remove = function (name) {
        name = String(typeof name === 'object' ? name.key : name).toLowerCase();
        for (var i = rows.length - 1; i >= 0; i--) if (String(rows[i].key).toLowerCase() === name) rows.splice(i, 1);
      };
    }
    return strict(label, api);
  }

  // ------------------------------------------------------------ pm.request
  function makeRequest() {
    var r = S.request;
    var headers = headerList(r.headers, 'pm.request.headers', S.phase === 'prerequest');
    function urlObject() {
      return strict('pm.request.url', {
        toString: function () { return r.url; },
        getHost: function () { var m = /^[a-z]+:\/\/([^/?#]*)/i.exec(r.url); return m ? m[1] : ''; },
        getPath: function () { var m = /^[a-z]+:\/\/[^/?#]*([^?#]*)/i.exec(r.url); return m ? (m[1] || '/') : r.url.split(/[?#]/)[0]; },
        getQueryString: function () { var i = r.url.indexOf('?'); return i === -1 ? '' : r.url.slice(i + 1).split('#')[0]; },
        update: function (u) { if (S.phase !== 'prerequest') throw new Error('pm.request.url.update() works in a pre-request script only'); r.url = str(u); },
      });
    }
    var body = {
      get mode() { return r.body ? (r.body.mode === 'json' || r.body.mode === 'text' ? 'raw' : r.body.mode) : undefined; },
      get raw() { return r.body ? (r.body.mode === 'json' ? r.body.json : r.body.mode === 'text' ? r.body.text : undefined) : undefined; },
      set raw(text) {
        if (S.phase !== 'prerequest') throw new Error('pm.request.body can be changed in a pre-request script only');
        text = str(text);
        if (r.body && r.body.mode === 'text') r.body.text = text; else r.body = { mode: 'json', json: text };
      },
      toString: function () { return this.raw === undefined ? '' : this.raw; },
      update: function (v) {
        if (typeof v === 'string') { this.raw = v; return; }
        if (v && v.mode === 'raw') { this.raw = v.raw; return; }
        throw supportedError('pm.request.body.update() with mode ' + (v && v.mode));
      },
    };
    var req = {
      get url() { return urlObject(); },
      set url(u) { if (S.phase !== 'prerequest') throw new Error('pm.request.url can be changed in a pre-request script only'); r.url = str(u); },
      get method() { return r.method; },
      set method(m) { if (S.phase !== 'prerequest') throw new Error('pm.request.method can be changed in a pre-request script only'); r.method = String(m).toUpperCase(); },
      headers: headers,
      get body() { return strict('pm.request.body', body); },
      set body(v) { body.update(v); },
      addHeader: function (h) { headers.add(h); },
      removeHeader: function (n) { headers.remove(n); },
      upsertHeader: function (h) { headers.upsert(h); },
    };
    return strict('pm.request', req);
  }

  // ------------------------------------------------------------ pm.response
  function makeResponse() {
    var res = S.response;
    if (!res) return unsupported('pm.response (there is no response in a pre-request script)');
    var headers = headerList(res.headers, 'pm.response.headers', false);
    var parsed, parsedOk = false;
    function json() {
      if (!parsedOk) {
        try { parsed = JSON.parse(res.body); } catch (e) { throw new Error('pm.response.json(): the response body is not JSON (' + e.message + ')'); }
        parsedOk = true;
      }
      return parsed;
    }
    function statusAssert(expected) {
      var ok = typeof expected === 'number' ? res.code === expected : String(res.status).toLowerCase() === String(expected).toLowerCase();
      if (!ok) throw new chai.AssertionError('expected response to have status ' + (typeof expected === 'number' ? 'code ' : 'reason ') + expected + ' but got ' + res.code + ' ' + res.status);
    }
    function classAssert(name, lo, hi) {
      if (res.code < lo || res.code > hi) throw new chai.AssertionError('expected response to be ' + name + ' but got ' + res.code + ' ' + res.status);
    }
    var to = {
      have: strict('pm.response.to.have', {
        status: statusAssert,
        header: function (name, value) {
          var v = headers.get(name);
          if (v === undefined) throw new chai.AssertionError('expected response to have header ' + name);
          if (value !== undefined && v !== value) throw new chai.AssertionError('expected response header ' + name + ' to be ' + JSON.stringify(value) + ' but got ' + JSON.stringify(v));
        },
        body: function (expected) {
          if (expected === undefined) { if (res.body === '') throw new chai.AssertionError('expected response to have a body'); return; }
          if (expected instanceof RegExp ? !expected.test(res.body) : res.body !== expected) throw new chai.AssertionError('expected response body to ' + (expected instanceof RegExp ? 'match ' + expected : 'equal ' + JSON.stringify(expected)));
        },
        jsonBody: function (path, value) {
          var body = json();
          if (path === undefined) return;
          expect(body).to.have.nested.property(path);
          if (arguments.length > 1) expect(body).to.have.nested.property(path).that.deep.equals(value);
        },
      }),
      be: strict('pm.response.to.be', {
        get ok() { classAssert('ok (2xx)', 200, 299); return true; },
        get success() { classAssert('success (2xx)', 200, 299); return true; },
        get clientError() { classAssert('a client error (4xx)', 400, 499); return true; },
        get serverError() { classAssert('a server error (5xx)', 500, 599); return true; },
        get error() { classAssert('an error (4xx or 5xx)', 400, 599); return true; },
        get json() { json(); return true; },
      }),
    };
    to.not = unsupported('pm.response.to.not');
    return strict('pm.response', {
      code: res.code,
      status: res.status,
      responseTime: res.responseTime,
      responseSize: res.responseSize,
      headers: headers,
      json: json,
      text: function () { return res.body; },
      to: strict('pm.response.to', to),
    });
  }

  // ------------------------------------------------------------ pm.test
  function test(name, fn) {
    name = String(name);
    if (typeof fn !== 'function') { S.tests.push({ name: name, passed: false, error: 'pm.test("' + name + '") needs a function' }); return; }
    var entry = { name: name, passed: true };
    S.tests.push(entry);
    try {
      var out = fn();
      if (out && typeof out.then === 'function') {
        entry.pending = true;
        out.then(function () { delete entry.pending; }, function (e) { delete entry.pending; entry.passed = false; entry.error = errorText(e); });
      }
    } catch (e) {
      entry.passed = false;
      entry.error = errorText(e);
    }
  }
  test.skip = function (name) { S.skipped.push(String(name)); };

  function makeConsole() {
    function level(l) { return function () { S.console.push({ level: l, message: format(arguments) }); }; }
    return { log: level('log'), info: level('info'), warn: level('warn'), error: level('error'), debug: level('debug') };
  }

  function makePm() {
    var data = S.vars.data;
    return strict('pm', {
      test: test,
      expect: expect,
      response: makeResponse(),
      request: makeRequest(),
      environment: scope('environment', 'pm.environment', true),
      collectionVariables: scope('collection', 'pm.collectionVariables', true),
      variables: variables,
      iterationData: strict('pm.iterationData', {
        get: function (k) { return Object.prototype.hasOwnProperty.call(data, k) ? data[k] : undefined; },
        has: function (k) { return Object.prototype.hasOwnProperty.call(data, k); },
        toObject: function () { var o = {}; for (var k in data) o[k] = data[k]; return o; },
        toJSON: function () { return this.toObject(); },
      }),
      info: strict('pm.info', S.info),
      globals: unsupported('pm.globals'),
      sendRequest: unsupported('pm.sendRequest'),
      cookies: unsupported('pm.cookies'),
      visualizer: unsupported('pm.visualizer'),
      execution: unsupported('pm.execution'),
      vault: unsupported('pm.vault'),
      require: unsupported('pm.require'),
    });
  }

  // Postman's older global API, still common in imported collections.
  function legacy() {
    var env = scope('environment', 'postman.setEnvironmentVariable', true);
    var coll = scope('collection', 'postman.setCollectionVariable', true);
    var res = S.response;
    var tests = {};
    S.legacyTests = tests;
    var headersObj = {};
    if (res) res.headers.forEach(function (h) { headersObj[h.key] = h.value; });
    return {
      tests: tests,
      postman: strict('postman', {
        setEnvironmentVariable: function (k, v) { env.set(k, v); },
        getEnvironmentVariable: function (k) { return env.get(k); },
        clearEnvironmentVariable: function (k) { env.unset(k); },
        setCollectionVariable: function (k, v) { coll.set(k, v); },
        getCollectionVariable: function (k) { return coll.get(k); },
        clearCollectionVariable: function (k) { coll.unset(k); },
        getResponseHeader: function (n) { return res ? headerList(res.headers, 'headers', false).get(n) : undefined; },
        setNextRequest: unsupported('postman.setNextRequest'),
        setGlobalVariable: unsupported('postman.setGlobalVariable'),
        getGlobalVariable: unsupported('postman.getGlobalVariable'),
      }),
      responseBody: res ? res.body : undefined,
      responseCode: res ? { code: res.code, name: res.status, detail: res.status } : undefined,
      responseTime: res ? res.responseTime : undefined,
      responseHeaders: res ? headersObj : undefined,
    };
  }

  var kx = {
    begin: function (json) {
      S = JSON.parse(json);
      S.tests = []; S.skipped = []; S.console = []; S.changed = { local: {}, environment: {}, collection: {} };
      var l = legacy();
      g.pm = makePm();
      g.console = makeConsole();
      g.tests = l.tests;
      g.postman = l.postman;
      g.responseBody = l.responseBody;
      g.responseCode = l.responseCode;
      g.responseTime = l.responseTime;
      g.responseHeaders = l.responseHeaders;
      g.iteration = S.info.iteration;
      g.data = S.vars.data;
    },
    settle: function (promise) {
      promise.then(undefined, function (e) { if (S && S.scriptError === undefined) S.scriptError = errorText(e); });
    },
    end: function () {
      for (var name in S.legacyTests) S.tests.push({ name: name, passed: !!S.legacyTests[name], error: S.legacyTests[name] ? undefined : 'tests["' + name + '"] is false' });
      S.tests.forEach(function (t) { if (t.pending) { t.passed = false; t.error = 'the test\'s promise did not settle before the script ended'; delete t.pending; } });
      var out = { tests: S.tests, console: S.console, vars: S.vars, changed: S.changed, request: S.request, scriptError: S.scriptError };
      S = null;
      return JSON.stringify(out);
    },
  };
  Object.defineProperty(g, '__kx', { value: Object.freeze(kx), enumerable: false });
  g.require = function (name) { throw supportedError('require("' + name + '")'); };
  ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval'].forEach(function (n) { g[n] = unsupported(n); });
})();
`;

/** What chai 6 needs from the host environment and QuickJS lacks (chai announces plugins on an EventTarget). */
export const EVENT_SHIM = String.raw`
(function () {
  if (typeof globalThis.EventTarget === 'function') return;
  class Event { constructor(type) { this.type = String(type); } }
  class EventTarget {
    constructor() { this._listeners = {}; }
    addEventListener(type, fn) { (this._listeners[type] = this._listeners[type] || []).push(fn); }
    removeEventListener(type, fn) { var l = this._listeners[type] || []; var i = l.indexOf(fn); if (i !== -1) l.splice(i, 1); }
    dispatchEvent(event) { (this._listeners[event.type] || []).slice().forEach(function (fn) { fn.call(this, event); }, this); return true; }
  }
  globalThis.Event = Event;
  globalThis.EventTarget = EventTarget;
})();
`;
