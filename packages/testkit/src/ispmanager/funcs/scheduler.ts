/** Cron jobs (`scheduler`), with the panel's field names for the schedule. */
import { invalid } from '../context.js';
import { crud } from '../crud.js';

const CRON: Record<string, string> = {
  every_hour: '0 * * * *',
  every_day: '0 0 * * *',
  every_week: '0 0 * * 0',
  every_month: '0 0 1 * *',
};

export const jobs = crud({
  func: 'scheduler',
  table: 'scheduler',
  entity: 'scheduler',
  key: 'key',
  fields: [
    'command',
    'description',
    'mailto',
    'schedule_type',
    'run_every',
    'input_min',
    'input_hour',
    'input_dmonth',
    'input_month',
    'input_dweek',
  ],
  required: ['command', 'schedule_type'],
  owned: true,
  suspend: true,
  prepare: (row, ctx, creating) => {
    if (creating) row.key = String(ctx.state.nextJob++);
    if (row.schedule_type === 'type_basic') {
      const schedule = CRON[row.run_every ?? ''];
      if (!schedule) throw invalid('run_every', row.run_every ?? '');
      row.schedule = schedule;
    } else if (row.schedule_type === 'type_expert') {
      row.schedule = ['input_min', 'input_hour', 'input_dmonth', 'input_month', 'input_dweek']
        .map((f) => row[f] ?? '*')
        .join(' ');
    } else throw invalid('schedule_type', row.schedule_type ?? '');
  },
});
