/*
 * Svarsmallar in Tasklist: picking a standard answer puts its text, already filled in for the case, into the answer
 * field, where the officer edits it before sending (docs/enkat.md). Camunda Forms cannot copy one field's choice
 * into another field, so this custom script does it. The texts come with the options the server wrote for the task
 * ([{label, value, text}]); an answer the officer has already changed is only replaced when she confirms.
 */
const PICKS = [
  {choice: 'give_feedback_feedbackTemplate', answer: 'give_feedback_feedback', options: 'feedbackTemplateChoices'},
  {
    choice: 'investigate_case_supplementTemplate',
    answer: 'investigate_case_supplementQuestion',
    options: 'supplementTemplateChoices'
  }
];

const REPLACE_QUESTION = 'Ersätta din text med mallens?\n\nReplace your text with the template\'s?';
const filledByUs = new WeakMap();

/** Tasklist's address: /camunda/app/tasklist/<engine>/#/?task=<id>&... */
function taskUrl(variable) {
  const path = window.location.pathname;
  const root = path.slice(0, path.indexOf('/app/'));
  const engine = path.slice(path.indexOf('/app/tasklist/') + '/app/tasklist/'.length).split('/')[0] || 'default';
  const hash = window.location.hash;
  const task = new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get('task');
  return task && root + '/api/engine/engine/' + encodeURIComponent(engine) + '/task/' + encodeURIComponent(task)
    + '/form-variables?deserializeValues=false&variableNames=' + encodeURIComponent(variable);
}

async function templateText(variable, index) {
  const url = taskUrl(variable);
  if (!url) {
    return null;
  }
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    return null;
  }
  const value = ((await response.json())[variable] || {}).value;
  const options = typeof value === 'string' ? JSON.parse(value) : value;
  const option = Array.isArray(options) ? options[index] : null;
  return option && typeof option.text === 'string' ? option.text : null;
}

/** As if typed: form-js takes the value from the input event and keeps it on blur. */
function fill(answer, text) {
  answer.value = text;
  answer.dispatchEvent(new Event('input', {bubbles: true}));
  answer.dispatchEvent(new FocusEvent('blur'));
  filledByUs.set(answer, text);
}

document.addEventListener('change', async event => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'radio') {
    return;
  }
  const pick = PICKS.find(candidate => input.id.includes('-' + candidate.choice + '-'));
  const form = input.closest('.fjs-container');
  const answer = pick && form ? form.querySelector('textarea[id$="-' + pick.answer + '"]') : null;
  if (!answer) {
    return;
  }
  const text = await templateText(pick.options, Number(input.id.slice(input.id.lastIndexOf('-') + 1)));
  if (text === null) {
    return;
  }
  const edited = answer.value.trim() !== '' && answer.value !== filledByUs.get(answer);
  if (!edited || window.confirm(REPLACE_QUESTION)) {
    fill(answer, text);
  }
});
