// Kitchen display: follows GET /stores/{id}/orders/stream with fetch() (an EventSource cannot send the
// Authorization header, and a token never goes in a URL), parses the Server-Sent Events itself and reconnects
// with Last-Event-ID, so a network drop loses nothing. No framework, no build step.
'use strict';

(() => {
  const OPEN = ['created', 'confirmed', 'preparing', 'ready'];
  const NEXT = { created: 'confirmed', confirmed: 'preparing', preparing: 'ready', ready: 'completed' };
  const NEXT_LABEL = { confirmed: 'Confirm', preparing: 'Start', ready: 'Ready', completed: 'Hand over' };
  const SILENCE_MS = 40000; // the server sends a heartbeat every 15 s: this long without a byte means the line is dead

  const match = location.pathname.match(/^\/stores\/([0-9a-fA-F]{24})\/kitchen\/?$/);
  const store = match ? match[1].toLowerCase() : null;
  const tokenKey = 'pos.kitchen.token.' + store;
  const $ = (id) => document.getElementById(id);
  const tickets = new Map(); // order id -> { sequence, order }
  let lastEventId = null;
  let controller = null;
  let retryMs = 1000;
  let silenceTimer = null;
  let reconnectTimer = null;

  function token() { return localStorage.getItem(tokenKey); }

  function message(text) {
    $('message').textContent = text || '';
    $('message').hidden = !text;
  }

  function setOnline(online) {
    const c = $('connection');
    c.textContent = online ? 'Live' : 'Offline: reconnecting';
    c.className = online ? 'online' : 'offline';
    document.body.classList.toggle('is-offline', !online);
  }

  function showLogin(text) {
    stop();
    localStorage.removeItem(tokenKey);
    tickets.clear();
    lastEventId = null;
    $('board').hidden = true;
    $('sign-out').hidden = true;
    $('login').hidden = false;
    setOnline(false);
    $('connection').textContent = 'Signed out';
    message(text);
  }

  async function login(event) {
    event.preventDefault();
    message('');
    try {
      const res = await fetch('/auth/login', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: $('username').value, password: $('password').value })
      });
      if (!res.ok) { message('Sign-in refused (' + res.status + ')'); return; }
      let credential = (await res.json()).access_token;
      if ($('pair').checked) {
        const paired = await fetch('/stores/' + store + '/displays', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + credential },
          body: JSON.stringify({ name: $('screen-name').value || 'Kitchen' })
        });
        if (!paired.ok) { message('Pairing refused (' + paired.status + '): managers and admins of this store only'); return; }
        credential = (await paired.json()).token;
      }
      $('password').value = '';
      localStorage.setItem(tokenKey, credential);
      startBoard();
    } catch (e) {
      message('The server cannot be reached: ' + e.message);
    }
  }

  function startBoard() {
    $('login').hidden = true;
    $('board').hidden = false;
    $('sign-out').hidden = false;
    connect();
  }

  function stop() {
    if (controller) { controller.abort(); controller = null; }
    clearTimeout(silenceTimer);
    clearTimeout(reconnectTimer);
  }

  function scheduleReconnect() {
    stop();
    setOnline(false);
    reconnectTimer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 10000);
  }

  function armSilence() {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(scheduleReconnect, SILENCE_MS);
  }

  async function connect() {
    stop();
    const credential = token();
    if (!credential) { showLogin(); return; }
    const mine = new AbortController();
    controller = mine;
    const headers = { Authorization: 'Bearer ' + credential, Accept: 'text/event-stream' };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    try {
      const res = await fetch('/stores/' + store + '/orders/stream', { headers, signal: mine.signal, cache: 'no-store' });
      if (res.status === 401) { showLogin('The sign-in or pairing has ended: sign in again'); return; }
      if (res.status === 404) { showLogin('This store is not one of yours'); return; }
      if (res.status === 400) { lastEventId = null; }
      if (!res.ok || !res.body) { scheduleReconnect(); return; }
      setOnline(true);
      retryMs = 1000;
      armSilence();
      await read(res.body.getReader(), mine);
    } catch (e) {
      // network drop, abort: fall through to reconnect
    }
    if (controller === mine) scheduleReconnect();
  }

  async function read(reader, mine) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done || controller !== mine) return;
      armSilence();
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        dispatch(block);
      }
    }
  }

  function dispatch(block) {
    let name = 'message';
    let id = null;
    const data = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Math.max(1000, Number(value));
    }
    const payload = data.length ? JSON.parse(data.join('\n')) : null;
    if (name === 'snapshot') {
      tickets.clear();
      payload.orders.forEach(apply);
    } else if (name === 'order') {
      apply(payload);
    } else if (name === 'reset') {
      tickets.clear();
    } else if (name === 'end') {
      message(payload ? payload.reason : '');
    }
    if (id !== null) lastEventId = id;
    render();
  }

  function apply(change) {
    const known = tickets.get(change.order.id);
    if (known && known.sequence >= change.sequence) return;
    if (OPEN.includes(change.order.status)) {
      tickets.set(change.order.id, { sequence: change.sequence, order: change.order });
    } else {
      tickets.delete(change.order.id);
    }
  }

  async function bump(order, button) {
    const next = NEXT[order.status];
    button.disabled = true;
    try {
      const res = await fetch('/orders/' + order.id + '/status', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token() },
        body: JSON.stringify({ status: next })
      });
      if (res.status === 401) { showLogin('The sign-in or pairing has ended: sign in again'); return; }
      if (!res.ok && res.status !== 409) message('Not moved (' + res.status + ')');
    } catch (e) {
      message('Not moved: the server cannot be reached');
    } finally {
      button.disabled = false;
    }
  }

  function age(order) {
    const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(order.created_at)) / 1000));
    return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
  }

  function render() {
    for (const column of document.querySelectorAll('.column')) {
      const status = column.dataset.status;
      const list = column.querySelector('ol');
      const orders = [...tickets.values()].map((t) => t.order).filter((o) => o.status === status)
        .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
      list.replaceChildren(...orders.map(ticket));
    }
  }

  function ticket(order) {
    const li = document.createElement('li');
    li.className = 'ticket';
    li.dataset.orderId = order.id;
    li.dataset.status = order.status;
    const head = document.createElement('div');
    head.className = 'head';
    const name = document.createElement('span');
    name.textContent = '#' + order.id.slice(-6);
    const elapsed = document.createElement('span');
    elapsed.className = 'age';
    elapsed.dataset.createdAt = order.created_at;
    elapsed.textContent = age(order);
    head.append(name, elapsed);
    const lines = document.createElement('ul');
    for (const item of order.items || []) {
      const line = document.createElement('li');
      line.textContent = item.qty + ' \u00d7 ' + (item.name || item.sku || item.product_id);
      lines.append(line);
    }
    const next = NEXT[order.status];
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'bump';
    button.textContent = NEXT_LABEL[next] || next;
    button.addEventListener('click', () => bump(order, button));
    li.append(head, lines, button);
    return li;
  }

  function tick() {
    for (const el of document.querySelectorAll('.ticket .age')) {
      el.textContent = age({ created_at: el.dataset.createdAt });
      el.classList.toggle('late', Date.now() - Date.parse(el.dataset.createdAt) > 15 * 60000);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    if (!store) { message('No store in the address: open /stores/{store id}/kitchen'); return; }
    $('store').textContent = store;
    $('login').addEventListener('submit', login);
    $('sign-out').addEventListener('click', () => showLogin(''));
    window.addEventListener('online', () => { if (token()) { retryMs = 1000; connect(); } });
    // the line is down: drop the stream now rather than wait for it to time out; 'online' resumes it
    window.addEventListener('offline', () => { stop(); setOnline(false); });
    setInterval(tick, 1000);
    if (token()) startBoard(); else showLogin('');
  });
})();
