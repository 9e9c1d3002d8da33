/* Agenda times in the reader's own time zone, as well as the venue's.
 *
 * The page shows every time in the venue's time zone, named, without JavaScript. For each
 * <time datetime="…" data-local-time> inside an element with data-time-zone (the venue's zone)
 * and data-local-time-label ("{time} your time", translated), this adds "(10:00 your time)"
 * when the browser's clock reads another time at that moment; and the weekday when it is
 * another day there. Progressive enhancement only: nothing changes without Intl.
 */
(function () {
  "use strict";
  if (typeof Intl === "undefined" || !Intl.DateTimeFormat) {
    return;
  }
  var readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

  function format(date, zone, withDay) {
    var options = Object.assign({}, clock, zone ? { timeZone: zone } : {});
    if (withDay) {
      options.weekday = "short";
    }
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined, options).format(date);
  }

  function day(date, zone) {
    var options = { year: "numeric", month: "2-digit", day: "2-digit" };
    if (zone) {
      options.timeZone = zone;
    }
    return new Intl.DateTimeFormat("en-CA", options).format(date);
  }

  document.querySelectorAll("time[data-local-time]").forEach(function (element) {
    var holder = element.closest("[data-time-zone]");
    if (!holder) {
      return;
    }
    var venueZone = holder.getAttribute("data-time-zone");
    var label = holder.getAttribute("data-local-time-label") || "{time}";
    if (!venueZone || venueZone === readerZone) {
      return;
    }
    var date = new Date(element.getAttribute("datetime"));
    if (isNaN(date.getTime())) {
      return;
    }
    var venue, reader, otherDay;
    try {
      venue = format(date, venueZone, false);
      otherDay = day(date, venueZone) !== day(date);
      reader = format(date, undefined, otherDay);
    } catch (error) {
      return; // a zone this browser does not know
    }
    if (!otherDay && venue === reader) {
      return;
    }
    var note = document.createElement("span");
    note.className = "help";
    note.textContent = " (" + label.replace("{time}", reader) + ")";
    element.insertAdjacentElement("afterend", note);
  });
})();
