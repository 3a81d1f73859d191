// A form with data-confirm asks before it is sent: taking someone out of a company is not undone
// by a click.
document.addEventListener("submit", (event) => {
  const question = event.target.dataset ? event.target.dataset.confirm : null;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
