// azure-microvium: the cloud resources a program declares, and their run-time clients.
//
// The program runs once at deploy time. Declaring a resource (new CosmosDB, new FunctionsApp,
// Internet.listenAt) asks the host to create or update it; the host's answers (a connection
// string, an export id) are kept in closures, so they travel inside the image to every function
// that needs them and are never visible as properties. At run time, in a handler, only the
// data-plane methods (db.insert, db.find, ...) are allowed.
//
// Host import IDs 0xFE00-0xFEFF belong to this module (azure_microvium/imports.py is the table).

const hostPhase = vmImport(0xFE00);
const hostEnsureDatabase = vmImport(0xFE01);
const hostEnsureFunctionApp = vmImport(0xFE02);
const hostBindRoute = vmImport(0xFE03);
const dbInsert = vmImport(0xFE10);
const dbFind = vmImport(0xFE11);
const dbFindOne = vmImport(0xFE12);
const dbUpdate = vmImport(0xFE13);
const dbDelete = vmImport(0xFE14);
const dbCount = vmImport(0xFE15);

// Collection used by the methods of a CosmosDB object itself.
const DEFAULT_COLLECTION = 'items';

// Infrastructure exists once, described by the top level; a handler that declared resources
// would create them on every request, so it is an error with a message that says where to move
// the call.
function requireDeployTime(what) {
  if (hostPhase() !== 'deploy') {
    throw new Error(what + ' declares infrastructure and is only allowed at deploy time ' +
      '(the top level of the program), not inside a handler');
  }
}

// The data-plane client of one collection. `connection` stays in this closure.
function Collection(connection, database, name) {
  if (typeof name !== 'string' || name === '') {
    throw new TypeError('a collection name must be a non-empty string');
  }
  this.name = name;
  this.insert = function (doc) {
    return dbInsert(connection, database, name, doc);
  };
  this.find = function (filter, options) {
    return dbFind(connection, database, name, filter, options);
  };
  this.findOne = function (filter) {
    return dbFindOne(connection, database, name, filter);
  };
  this.update = function (filter, update) {
    return dbUpdate(connection, database, name, filter, update);
  };
  this.delete = function (filter) {
    return dbDelete(connection, database, name, filter);
  };
  this.count = function (filter) {
    return dbCount(connection, database, name, filter);
  };
}

// new CosmosDB(name, { api: 'mongo-db' }): a document database. Its own methods use the
// collection 'items'; db.collection(name) gives any other collection.
export function CosmosDB(name, options) {
  requireDeployTime("new CosmosDB('" + name + "')");
  const info = hostEnsureDatabase(name, options);
  const connection = info.connection;
  const database = info.database;
  const items = new Collection(connection, database, DEFAULT_COLLECTION);
  this.name = name;
  this.insert = items.insert;
  this.find = items.find;
  this.findOne = items.findOne;
  this.update = items.update;
  this.delete = items.delete;
  this.count = items.count;
  this.collection = function (collectionName) {
    return new Collection(connection, database, collectionName);
  };
}

// Every FunctionsApp made by this program, so that Internet.listenAt can tell a real one from
// an object that only looks like it.
const apps = [];

function isFunctionsApp(value) {
  for (let i = 0; i < apps.length; i++) {
    if (apps[i] === value) return true;
  }
  return false;
}

// new HttpResponse({ status, headers, body, jsonBody }): what a handler returns to choose its
// status code and headers. body: a string (sent as text/plain) or a Uint8Array (application/
// octet-stream); jsonBody: any value, sent as JSON; neither: no body. A Content-Type header
// replaces the default type. Checked here, where the handler's error location is useful.
export function HttpResponse(init) {
  const o = init === undefined ? {} : init;
  if (o === null || typeof o !== 'object') {
    throw new TypeError('new HttpResponse(init): init must be an object');
  }
  const status = o.status === undefined ? 200 : o.status;
  if (typeof status !== 'number' || status % 1 !== 0 || status < 200 || status > 599) {
    throw new RangeError('new HttpResponse(init): status must be an integer from 200 to 599, ' +
      'not ' + status);
  }
  const headers = {};
  if (o.headers !== undefined) {
    if (o.headers === null || typeof o.headers !== 'object') {
      throw new TypeError('new HttpResponse(init): headers must be an object of strings');
    }
    for (const name in o.headers) headers[name] = String(o.headers[name]);
  }
  if (o.body !== undefined && o.jsonBody !== undefined) {
    throw new TypeError('new HttpResponse(init): give body or jsonBody, not both');
  }
  let kind = 'none';
  if (o.jsonBody !== undefined) {
    kind = 'json';
  } else if (typeof o.body === 'string') {
    kind = 'text';
  } else if (o.body instanceof Uint8Array) {
    kind = 'bytes';
  } else if (o.body !== undefined) {
    throw new TypeError('new HttpResponse(init): body must be a string or a Uint8Array ' +
      '(jsonBody sends any value as JSON)');
  }
  this.status = status;
  this.headers = headers;
  this.body = kind === 'json' ? o.jsonBody : o.body;
  this.kind = kind;
}

// What a handler's export gives the host (azure_microvium/instances.py reads it): [0, value]
// for a plain value, sent as JSON; [1, status, headers, body, kind] for an HttpResponse. An
// async handler's promise is followed; the host waits for it to settle.
function toReply(result) {
  if (result instanceof HttpResponse) {
    return [1, result.status, result.headers, result.body, result.kind];
  }
  return [0, result];
}

function serve(handler) {
  return function (body, request) {
    const result = handler(body, request);
    return result instanceof Promise ? result.then(toReply) : toReply(result);
  };
}

// new FunctionsApp(name, handler, options): a function app whose handler is called with
// (body, request) for each HTTP request routed to it. options.isolation: 'warm' (default: an
// instance keeps its heap between requests) or 'per-request' (a fresh copy of the image each
// time); options.instances: how many warm instances may serve requests at once.
export function FunctionsApp(name, handler, options) {
  requireDeployTime("new FunctionsApp('" + name + "')");
  if (typeof handler !== 'function') {
    throw new TypeError("new FunctionsApp('" + name + "'): the handler must be a function");
  }
  const exportId = hostEnsureFunctionApp(name, options);
  vmExport(exportId, serve(handler));
  this.name = name;
  apps.push(this);
}

export const Internet = {
  // Routes requests for url's path and this HTTP method to the function app.
  listenAt: function (url, method, app) {
    requireDeployTime('Internet.listenAt()');
    if (!isFunctionsApp(app)) {
      throw new TypeError('Internet.listenAt(url, method, app): app must be a FunctionsApp');
    }
    hostBindRoute(url, method, app.name);
  }
};
