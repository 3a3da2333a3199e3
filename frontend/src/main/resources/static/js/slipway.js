// Small progressive enhancements; every page works without them.
(() => {
  // Typed-name confirmation: the delete button stays disabled until the name matches.
  document.querySelectorAll('form[data-confirm-name]').forEach((form) => {
    const input = form.querySelector('input[data-expected]');
    const button = form.querySelector('button[type=submit]');
    const update = () => { button.disabled = input.value.trim() !== input.dataset.expected; };
    input.addEventListener('input', update);
    update();
  });

  // Click a .copyable element to copy its text.
  document.querySelectorAll('.copyable').forEach((element) => {
    element.title = 'Click to copy';
    element.addEventListener('click', () => {
      if (navigator.clipboard) {
        navigator.clipboard.writeText(element.textContent.trim()).then(() => {
          element.dataset.copied = 'true';
          element.title = 'Copied';
        });
      }
    });
  });
})();

// Live build output: follow the server-sent lines, keeping the view at the bottom unless the user scrolled up.
(() => {
  document.querySelectorAll('pre[data-stream]').forEach((pre) => {
    const atBottom = () => pre.scrollHeight - pre.scrollTop - pre.clientHeight < 40;
    const source = new EventSource(pre.dataset.stream + '?after=' + pre.dataset.after);
    pre.scrollTop = pre.scrollHeight;
    source.onmessage = (event) => {
      const follow = atBottom();
      pre.append(event.data + '\n');
      if (follow) {
        pre.scrollTop = pre.scrollHeight;
      }
    };
    source.addEventListener('end', (event) => {
      source.close();
      const status = document.querySelector('[data-build-status]');
      if (status) {
        status.textContent = event.data;
        status.className = 'status status-' + event.data;
      }
    });
  });
})();

// A config change restarts the dynos in the background: follow it until it is done.
(() => {
  const status = document.querySelector('[data-config-status]');
  if (!status) {
    return;
  }
  const poll = () => {
    fetch(status.dataset.configStatus, { headers: { Accept: 'application/json' } })
      .then((response) => (response.status === 200 ? response.json() : null))
      .then((body) => {
        if (!body) {
          return;
        }
        status.textContent = body.message;
        status.className = 'rollout rollout-' + body.state;
        if (body.state === 'restarting') {
          setTimeout(poll, 1000);
        }
      })
      .catch(() => setTimeout(poll, 2000));
  };
  setTimeout(poll, 500);
})();
