// @ts-check
// The mission's example: one program declares a database, a function that writes to it, and
// the public URL that triggers the function. `mvc dev` deploys it to the local cloud.
import { CosmosDB, FunctionsApp, Internet } from 'azure-microvium';

const db = new CosmosDB('my-database', { api: 'mongo-db' });
const fn = new FunctionsApp('my-function', aMessage => { db.insert(aMessage); });
Internet.listenAt('https://mycompany.com/insert-object-into-my-database', 'POST', fn);
