// The "Report" reason picker: a native <dialog> (focus is trapped and restored by the
// browser, Escape closes it). Resolves with {reason, note} or null when cancelled.
import { byId } from './dom.js';
import { msg, put } from './i18n.js';


export function askReportReason(excerpt) {
  const dialog = byId('report-dialog');
  const form = byId('report-form');
  byId('report-excerpt').textContent = excerpt;
  form.reset();
  put(byId('report-error'), '');
  return new Promise(resolve => {
    const onSubmit = e => {
      e.preventDefault();
      const reason = form.elements.reason.value;
      if (!reason) {
        put(byId('report-error'), msg('report.chooseReason'));
        form.querySelector('input[name="reason"]').focus();
        return;
      }
      const note = form.elements.note.value.trim();
      done({ reason, note: note || undefined });
    };
    const onCancel = () => done(null);
    const done = value => {
      form.removeEventListener('submit', onSubmit);
      byId('report-cancel').removeEventListener('click', onCancel);
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      resolve(value);
    };
    form.addEventListener('submit', onSubmit);
    byId('report-cancel').addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onCancel);
    dialog.showModal();
  });
}
