// @ts-check
// Reading with a filter: handlers that query the database and answer with JSON.
//
//   curl -X POST http://127.0.0.1:7071/people -d '{"name":"Ada","age":36,"city":"London"}'
//   curl 'http://127.0.0.1:7071/people?city=London'
//   curl -X POST http://127.0.0.1:7071/people/search -d '{"minAge":30}'
import { CosmosDB, FunctionsApp, Internet } from 'azure-microvium';

const people = new CosmosDB('people-db', { api: 'mongo-db' });

const add = new FunctionsApp('add-person', person => {
  if (typeof person !== 'object' || person === null || typeof person.name !== 'string') {
    throw new TypeError('a person is an object with a name');
  }
  return { id: people.insert(person) };
});

// GET /people[?city=NAME]: the query string arrives in the handler's second argument.
const list = new FunctionsApp('list-people', (body, request) => {
  const filter = {};
  if (request.query.city !== undefined) filter.city = request.query.city;
  return people.find(filter, { sort: { name: 1 } });
});

// POST /people/search {"minAge": N, "city": NAME}: a filter built from a JSON body.
const search = new FunctionsApp('search-people', criteria => {
  const c = criteria || {};
  const filter = {};
  if (c.minAge !== undefined) filter.age = { $gte: c.minAge };
  if (c.city !== undefined) filter.city = c.city;
  const found = people.find(filter, { sort: { age: -1 } });
  return { count: people.count(filter), people: found };
});

Internet.listenAt('https://people.example.com/people', 'POST', add);
Internet.listenAt('https://people.example.com/people', 'GET', list);
Internet.listenAt('https://people.example.com/people/search', 'POST', search);
