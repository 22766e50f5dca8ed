// Types of the `azure-microvium` module, for editors (`// @ts-check` in a .js file).
// The implementation is index.js beside this file, run by the project's VM, not by Node.

/** A stored document: JSON-like values. `_id` is a string the store assigns on insert. */
export interface Document {
  _id?: string;
  [field: string]: unknown;
}

/** A MongoDB query filter, e.g. `{ age: { $gte: 18 } }`. (`object` so that filters built
 * up property by property type-check.) */
export type Filter = object;

/** A MongoDB update with operators, e.g. `{ $set: { done: true } }` or `{ $inc: { n: 1 } }`. */
export type Update = object;

export interface FindOptions {
  /** Fields to sort by: 1 ascending, -1 descending, e.g. `{ age: -1 }`. */
  sort?: { [field: string]: 1 | -1 };
  skip?: number;
  limit?: number;
}

/** Data-plane methods of one collection. Usable at deploy time and inside handlers. */
export interface Collection {
  readonly name: string;
  /** Stores doc and returns its `_id` (assigned when doc has none). */
  insert(doc: object): string;
  /** Every matching document (all documents when filter is omitted). */
  find(filter?: Filter, options?: FindOptions): Document[];
  /** The first matching document, or null. */
  findOne(filter?: Filter): Document | null;
  /** Applies update to every matching document. */
  update(filter: Filter, update: Update): { matched: number; modified: number };
  /** Deletes every matching document and returns how many there were. */
  delete(filter: Filter): number;
  count(filter?: Filter): number;
}

export interface CosmosDBOptions {
  /** The database API. Only 'mongo-db' is supported. */
  api?: 'mongo-db';
}

/**
 * A document database (Cosmos DB with the MongoDB API on Azure; an embedded store locally).
 * Declare it at the top level of the program. Its own methods work on the collection 'items'.
 */
export declare class CosmosDB implements Collection {
  constructor(name: string, options?: CosmosDBOptions);
  readonly name: string;
  insert(doc: object): string;
  find(filter?: Filter, options?: FindOptions): Document[];
  findOne(filter?: Filter): Document | null;
  update(filter: Filter, update: Update): { matched: number; modified: number };
  delete(filter: Filter): number;
  count(filter?: Filter): number;
  /** Another collection of this database. */
  collection(name: string): Collection;
}

/** What a handler learns about the request besides its body. Header names are lower case. */
export interface RequestInfo {
  method: string;
  path: string;
  query: { [name: string]: string };
  headers: { [name: string]: string };
}

export interface HttpResponseInit {
  /** 200 to 599; default 200. */
  status?: number;
  /** Response headers; values are converted to strings. Content-Type replaces the default. */
  headers?: { [name: string]: string | number };
  /** A string (text/plain) or bytes (application/octet-stream). */
  body?: string | Uint8Array;
  /** Any value, sent as JSON (application/json). Not together with body. */
  jsonBody?: unknown;
}

/** What a handler returns to choose the status code and headers of its response. */
export declare class HttpResponse {
  constructor(init?: HttpResponseInit);
  readonly status: number;
  readonly headers: { [name: string]: string };
}

/**
 * A handler gets the request body (a JSON body as a value, any other body as a string,
 * no body as undefined). Its return value is sent back as JSON (200; undefined gives 204),
 * or it returns an HttpResponse. An async handler's promise is awaited.
 */
export type Handler = (body: any, request: RequestInfo) => unknown;

export interface FunctionsAppOptions {
  /** 'warm' (default): instances keep their heap between requests. 'per-request': a fresh copy each time. */
  isolation?: 'warm' | 'per-request';
  /** How many instances may serve requests at the same time (default 4). */
  instances?: number;
}

/** A function app running handler. Declare it at the top level of the program. */
export declare class FunctionsApp {
  constructor(name: string, handler: Handler, options?: FunctionsAppOptions);
  readonly name: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export declare const Internet: {
  /** Routes requests for the path of url with this method to app. Deploy time only. */
  listenAt(url: string, method: HttpMethod, app: FunctionsApp): void;
};
