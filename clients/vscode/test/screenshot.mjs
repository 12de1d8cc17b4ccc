// Saves a PNG of the page that the headless Chromium shows, through the DevTools protocol:
//   node screenshot.mjs DEVTOOLS_PORT OUT.png
// Needs Node 22+ (global WebSocket and fetch).
import { writeFileSync } from 'node:fs';

const [port, out] = process.argv.slice(2);
const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const page = targets.find((target) => target.type === 'page');
if (!page) {
  console.error(`screenshot.mjs: no page among ${JSON.stringify(targets.map((target) => target.type))}`);
  process.exit(1);
}

const socket = new WebSocket(page.webSocketDebuggerUrl);
const timer = setTimeout(() => {
  console.error('screenshot.mjs: no answer from Chromium in 20 s');
  process.exit(1);
}, 20_000);
socket.addEventListener('open', () => {
  socket.send(JSON.stringify({ id: 1, method: 'Page.captureScreenshot', params: { format: 'png' } }));
});
socket.addEventListener('message', (event) => {
  const message = JSON.parse(event.data);
  if (message.id !== 1) {
    return;
  }
  clearTimeout(timer);
  if (message.error) {
    console.error(`screenshot.mjs: ${JSON.stringify(message.error)}`);
    process.exit(1);
  }
  writeFileSync(out, Buffer.from(message.result.data, 'base64'));
  socket.close();
  process.exit(0);
});
socket.addEventListener('error', (event) => {
  console.error(`screenshot.mjs: ${event.message || 'WebSocket error'}`);
  process.exit(1);
});
