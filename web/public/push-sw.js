/* Loaded into the service worker (workbox importScripts): shows Web Push messages and opens them on a tap.
   The server sends {"title","body","url"} (src/features/notifications/providers/push.ts). */
/* global self, clients */
'use strict';

/** Only addresses inside the app are opened: a message cannot send a member to another site. */
function sameOriginUrl(value) {
  try {
    var url = new URL(typeof value === 'string' && value ? value : '/', self.location.origin);
    return url.origin === self.location.origin ? url.href : self.location.origin + '/';
  } catch (e) {
    return self.location.origin + '/';
  }
}

self.addEventListener('push', function (event) {
  var data = {};
  if (event.data) {
    try {
      data = event.data.json();
    } catch (e) {
      data = { body: event.data.text() };
    }
  }
  var title = typeof data.title === 'string' && data.title ? data.title : 'Sổ tay Đảng viên';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      lang: 'vi',
      data: { url: sameOriginUrl(data.url) },
    }),
  );
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var target = sameOriginUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(
    clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (windows) {
      // Reuse an open window of the app rather than opening a second one.
      for (var i = 0; i < windows.length; i++) {
        var win = windows[i];
        if (new URL(win.url).origin === self.location.origin && 'focus' in win) {
          return win.navigate(target).then(function (w) {
            return (w || win).focus();
          });
        }
      }
      return clients.openWindow(target);
    }),
  );
});
