// A recording host for the component flows (core/flows/*-flow.ts): counts renders, records events,
// words text keys with a component's zh-CN table (as the kit wrapper does) and hands out the client.
const { format } = require('../../helpers/kit').internal('components/common/texts');
const { clientOrError } = require('../../helpers/kit').internal('components/common/client');

function recordingHost(texts, { client, extra = {} } = {}) {
  const rec = { changes: 0, events: [] };
  const host = {
    getClient: () => (client ? [null, client] : clientOrError({}, texts.notConfigured)),
    onChange: () => { rec.changes += 1; },
    emit: (name, detail) => rec.events.push({ name, detail }),
    text: (key, params = {}) => {
      const p = { ...params };
      if (typeof p.field === 'string') p.field = texts[`field_${p.field}`] || p.field;
      return format(texts[key] === undefined ? key : texts[key], p);
    },
    ...extra,
  };
  return { host, rec };
}

module.exports = { recordingHost };
