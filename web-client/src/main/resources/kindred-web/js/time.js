// Formatting of times and durations for people.

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function clockTime(ts) {
  return clock.format(new Date(ts));
}

export function isoTime(ts) {
  return new Date(ts).toISOString();
}

/** "45 seconds", "3 minutes", "2 hours", "4 days". */
export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return plural(s, 'second');
  if (s < 3600) return plural(Math.round(s / 60), 'minute');
  if (s < 86400) return plural(Math.round(s / 3600), 'hour');
  return plural(Math.round(s / 86400), 'day');
}

function plural(n, unit) {
  return n + ' ' + unit + (n === 1 ? '' : 's');
}
