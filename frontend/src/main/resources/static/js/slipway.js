// Small progressive enhancements; every page works without them.

// A page fragment as HTML, or null when the server did not send one.
const fetchHtml = (url) => fetch(url, { headers: { Accept: 'text/html' } })
  .then((response) => (response.ok ? response.text() : null));

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
const followBuildOutput = (pre) => {
  const atBottom = () => pre.scrollHeight - pre.scrollTop - pre.clientHeight < 40;
  const source = new EventSource(pre.dataset.stream + '?after=' + pre.dataset.after);
  // The page closes it when it swaps in another build's output.
  pre.source = source;
  pre.scrollTop = pre.scrollHeight;
  source.onmessage = (event) => {
    const following = atBottom();
    pre.append(event.data + '\n');
    if (following) {
      pre.scrollTop = pre.scrollHeight;
    }
  };
  source.addEventListener('end', (event) => {
    source.close();
    const container = pre.closest('[data-build-output]');
    const status = container && container.querySelector('[data-build-status]');
    if (status) {
      status.textContent = event.data;
      status.className = 'status status-' + event.data;
    }
  });
};
document.querySelectorAll('pre[data-stream]').forEach(followBuildOutput);

// A config change is saved and rolled out in the background: its status is followed, and once it is
// over the config vars section is fetched again so the table shows what was saved.
(() => {
  const status = document.querySelector('[data-config-status]');
  if (!status) {
    return;
  }
  const reloadSection = () => {
    fetchHtml(location.pathname)
      .then((html) => {
        const fresh = html && new DOMParser().parseFromString(html, 'text/html').getElementById('config-vars');
        const current = document.getElementById('config-vars');
        if (fresh && current) {
          current.replaceWith(fresh);
        }
      })
      .catch(() => {});
  };
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
        } else {
          reloadSection();
        }
      })
      .catch(() => setTimeout(poll, 2000));
  };
  setTimeout(poll, 500);
})();

// Parts of a page that change on their own (dynos, builds, releases): the server names a part on the
// page's change stream when it shows something else, and only that part is fetched and replaced, so
// focus and a pending click elsewhere are not lost. A newer build's output is followed once swapped in.
(() => {
  const main = document.querySelector('[data-parts]');
  if (!main) {
    return;
  }
  const fetched = {};
  const source = new EventSource(main.dataset.parts + '/changes?' + main.dataset.partVersions);
  source.addEventListener('changed', (event) => {
    const name = event.data;
    const element = document.querySelector('[data-part="' + name + '"]');
    if (!element) {
      return;
    }
    // Of two changes in quick succession, the later answer wins even if it arrives first.
    const request = (fetched[name] || 0) + 1;
    fetched[name] = request;
    // A fetch the network cut off (a changed connection, say) is tried again: the change it carries
    // is not announced twice.
    const load = (attempt) => fetchHtml(main.dataset.parts + '/' + name)
      .then((html) => {
        if (html === null || fetched[name] !== request) {
          return;
        }
        element.querySelectorAll('pre[data-stream]').forEach((pre) => pre.source && pre.source.close());
        element.innerHTML = html;
        element.querySelectorAll('pre[data-stream]').forEach(followBuildOutput);
        document.dispatchEvent(new Event('slipway:refreshed'));
      })
      .catch(() => {
        if (attempt < 5 && fetched[name] === request) {
          setTimeout(() => load(attempt + 1), 1000 * attempt);
        }
      });
    load(1);
  });
})();

// Uptimes: how long ago each <time data-since> was, kept current.
(() => {
  const format = (seconds) => {
    if (seconds < 60) {
      return seconds + 's';
    }
    if (seconds < 3600) {
      return Math.floor(seconds / 60) + 'm ' + (seconds % 60) + 's';
    }
    if (seconds < 86400) {
      return Math.floor(seconds / 3600) + 'h ' + Math.floor((seconds % 3600) / 60) + 'm';
    }
    return Math.floor(seconds / 86400) + 'd ' + Math.floor((seconds % 86400) / 3600) + 'h';
  };
  const update = () => {
    document.querySelectorAll('time[data-since]').forEach((element) => {
      const since = Date.parse(element.getAttribute('datetime'));
      if (!Number.isNaN(since)) {
        element.textContent = format(Math.max(0, Math.floor((Date.now() - since) / 1000)));
        element.title = new Date(since).toLocaleString();
      }
    });
  };
  update();
  setInterval(update, 1000);
  document.addEventListener('slipway:refreshed', update);
})();

// The new app's name is checked as it is typed, with the reason when it does not fit.
(() => {
  const form = document.querySelector('form[data-validate-name]');
  if (!form) {
    return;
  }
  const input = form.querySelector('input[name=name]');
  const feedback = form.querySelector('.field-feedback');
  const pattern = new RegExp(input.dataset.pattern);
  const check = () => {
    const name = input.value.trim();
    let problem = '';
    if (name === '') {
      problem = '';
    } else if (name.length < 3) {
      problem = 'At least 3 characters.';
    } else if (name.length > 30) {
      problem = 'At most 30 characters.';
    } else if (!/^[a-z]/.test(name)) {
      problem = 'Start with a lowercase letter.';
    } else if (/[^a-z0-9-]/.test(name)) {
      problem = 'Only lowercase letters, digits and dashes.';
    } else if (name.endsWith('-')) {
      problem = 'End with a letter or digit.';
    } else if (!pattern.test(name)) {
      problem = 'Not a valid name.';
    }
    feedback.textContent = problem || (name ? name + ' is a valid name.' : '');
    feedback.classList.toggle('invalid', Boolean(problem));
    input.setAttribute('aria-invalid', String(Boolean(problem)));
  };
  input.addEventListener('input', check);
  check();
})();

// On a phone the tables stack their cells; each cell is labelled with its column's heading.
(() => {
  const label = () => {
    document.querySelectorAll('table.list').forEach((table) => {
      const headings = Array.from(table.querySelectorAll('thead th'))
        .map((th) => (th.querySelector('.visually-hidden') ? '' : th.textContent.trim()));
      table.querySelectorAll('tbody tr').forEach((row) => {
        Array.from(row.children).forEach((cell, index) => {
          if (headings[index] && index > 0 && !cell.dataset.label) {
            cell.dataset.label = headings[index];
          }
        });
      });
    });
  };
  label();
  document.addEventListener('slipway:refreshed', label);
})();
