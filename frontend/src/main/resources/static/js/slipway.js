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
