// The live log viewer: server-sent events (resumed by the browser with Last-Event-ID), filters,
// pause and resume, following the end until the reader scrolls up, a colour per dyno.
(() => {
  const viewer = document.querySelector('[data-log-viewer]');
  if (!viewer) {
    return;
  }
  const list = viewer.querySelector('[data-log-lines]');
  const filters = viewer.querySelector('[data-log-filters]');
  const status = viewer.querySelector('[data-log-status]');
  const pause = viewer.querySelector('[data-log-pause]');
  const follow = viewer.querySelector('[data-log-follow]');
  const download = viewer.querySelector('[data-log-download]');
  const MAX_LINES = 5000;
  const LINE = /^(\S+) (app|slipway|router)\[([^\]]*)\]: ?(.*)$/s;
  let source = null;
  let paused = false;
  let held = [];

  const colour = (process) => {
    let hash = 0;
    for (const c of process) {
      hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
    }
    return 'dyno-colour-' + (hash % 8);
  };

  const render = (text) => {
    const item = document.createElement('li');
    const match = LINE.exec(text);
    if (!match) {
      item.textContent = text;
      return item;
    }
    const time = document.createElement('time');
    time.textContent = match[1];
    const origin = document.createElement('span');
    origin.className = 'log-origin source-' + match[2] + ' ' + colour(match[3]);
    origin.textContent = match[2] + '[' + match[3] + ']:';
    const body = document.createElement('span');
    body.className = 'log-text';
    body.textContent = match[4];
    item.append(time, ' ', origin, ' ', body);
    return item;
  };

  const append = (texts) => {
    const fragment = document.createDocumentFragment();
    texts.forEach((text) => fragment.append(render(text)));
    list.append(fragment);
    while (list.childElementCount > MAX_LINES) {
      list.firstElementChild.remove();
    }
    if (follow.checked) {
      list.scrollTop = list.scrollHeight;
    }
  };

  const query = () => {
    const params = new URLSearchParams();
    new FormData(filters).forEach((value, key) => {
      if (String(value).trim() !== '') {
        params.set(key, String(value).trim());
      }
    });
    return params;
  };

  const connect = () => {
    if (source) {
      source.close();
    }
    list.replaceChildren();
    held = [];
    const params = query();
    download.href = viewer.dataset.download + (params.toString() ? '?' + params : '');
    source = new EventSource(viewer.dataset.stream + (params.toString() ? '?' + params : ''));
    status.textContent = 'Connecting…';
    source.onopen = () => { status.textContent = paused ? 'Paused' : 'Live'; };
    source.onerror = () => { status.textContent = 'Reconnecting…'; };
    source.onmessage = (event) => {
      if (paused) {
        held.push(event.data);
      } else {
        append([event.data]);
      }
    };
  };

  // Scrolling up stops following the end; scrolling back down starts it again.
  list.addEventListener('scroll', () => {
    follow.checked = list.scrollHeight - list.scrollTop - list.clientHeight < 30;
  });
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.setAttribute('aria-pressed', String(paused));
    pause.textContent = paused ? 'Resume' : 'Pause';
    status.textContent = paused ? 'Paused' : 'Live';
    if (!paused && held.length) {
      append(held);
      held = [];
    }
  });
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    connect();
  });
  connect();
})();
