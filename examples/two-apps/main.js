// @ts-check
// Two function apps sharing one database: one takes orders, the other reports on them.
// Both handlers capture the same `orders` object; each app gets the same image and runs
// only its own handler.
//
//   curl -X POST http://127.0.0.1:7071/orders -d '{"item":"tea","quantity":2}'
//   curl http://127.0.0.1:7071/orders/report
import { CosmosDB, FunctionsApp, Internet } from 'azure-microvium';

const shop = new CosmosDB('shop-db', { api: 'mongo-db' });
const orders = shop.collection('orders');

const intake = new FunctionsApp('order-intake', order => {
  if (typeof order.item !== 'string' || typeof order.quantity !== 'number') {
    throw new TypeError('an order is {"item": string, "quantity": number}');
  }
  const id = orders.insert({ item: order.item, quantity: order.quantity, status: 'new' });
  return { id: id, status: 'new' };
});

const report = new FunctionsApp('order-report', () => {
  const byItem = {};
  const all = orders.find({});
  for (let i = 0; i < all.length; i++) {
    const o = all[i];
    byItem[o.item] = (byItem[o.item] || 0) + o.quantity;
  }
  return { orders: all.length, open: orders.count({ status: 'new' }), quantities: byItem };
});

Internet.listenAt('https://shop.example.com/orders', 'POST', intake);
Internet.listenAt('https://shop.example.com/orders/report', 'GET', report);
