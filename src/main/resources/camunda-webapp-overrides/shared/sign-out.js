/*
 * The webapps' own "Logga ut" ends only this application's session: with the municipality's sign-in (OIDC) the
 * next visit would sign in again silently while the provider's session lasts. When the server names a single
 * sign-out address, the click goes there instead and ends both (RP-initiated logout, docs/security.md).
 * Loaded by each webapp's config.js as a custom script; without OIDC the server answers 204 and nothing changes.
 */
const signOut = fetch('/session/sign-out', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
  .then(response => (response.status === 200 ? response.json() : null))
  .then(body => (body && typeof body.url === 'string' && body.url.startsWith('/') ? body.url : null))
  .catch(() => null);

let answer; // undefined while the server is asked, then the address or null
signOut.then(url => {
  answer = url;
});

// Capture phase on the document: runs before AngularJS's ng-click on the link, which would end only our session.
document.addEventListener('click', event => {
  const link = event.target instanceof Element ? event.target.closest('li.logout a') : null;
  if (!link || answer === null) {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  signOut.then(url => {
    if (url) {
      window.location.assign(url);
    } else {
      link.click(); // the answer came after the click: hand it to Camunda's own logout after all
    }
  });
}, true);
