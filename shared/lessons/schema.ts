// The lesson file format (documented in docs/lessons.md): a scenario (a preset's name, or one
// inline) and narration steps, each triggered by the start, an event in the log or a moment of
// virtual time. Invalid files get errors that name the JSON path, like scenario files.
import { z } from 'zod';
import { jsonPath, scenarioSchema, type ScenarioInput } from '../sim/scenario';
import { parseDuration } from '../units';
import { eventFields, eventTypeNames } from './eventFields';

export const LESSON_FORMAT = 'tracker-lab-lesson';

/** The panels a step can bring forward. */
export const lessonTabs = ['requests', 'truth', 'charts', 'sequence'] as const;
export type LessonTab = (typeof lessonTabs)[number];

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'lower-case letters, digits and - (at most 80)');
const clientName = z.string().min(1).max(64);

/** Virtual time: a number of milliseconds, or a duration such as "15m" or "900100ms". */
const virtualTime = z.union([z.number().int().min(0), z.string()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : parseDuration(value);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `not a time (ms, or e.g. "15m"): ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return ms;
});

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const eventTrigger = z
  .object({
    on: z.literal('event'),
    type: z.enum(eventTypeNames),
    /** Only events about this client (by its `clientId`, or its announce's `requestId`). */
    client: clientName.optional(),
    /** Fields that must equal these values. */
    match: z.record(z.string(), fieldValue).default({}),
    /** The nth matching event after the previous step triggered. */
    nth: z.number().int().min(1).max(100_000).default(1),
  })
  .strict()
  .superRefine((trigger, ctx) => {
    const fields: readonly string[] = eventFields[trigger.type];
    for (const key of Object.keys(trigger.match)) {
      if (!fields.includes(key))
        ctx.addIssue({
          code: 'custom',
          message: `${trigger.type} has no field "${key}" to match (it has ${fields.join(', ')})`,
          path: ['match', key],
        });
    }
  });

export const triggerSchema = z.discriminatedUnion('on', [
  z.object({ on: z.literal('start') }).strict(),
  eventTrigger,
  z.object({ on: z.literal('time'), at: virtualTime }).strict(),
]);

export const predictionSchema = z
  .object({
    question: z.string().min(1).max(500),
    choices: z.array(z.string().min(1).max(300)).min(2).max(6),
    /** The index of the right choice (0 for the first). */
    answer: z.number().int().min(0),
    /** Shown once the learner has answered: why the right choice is right. */
    explain: z.string().min(1).max(2000),
  })
  .strict()
  .refine((p) => p.answer < p.choices.length, {
    message: 'must be the index of one of the choices',
    path: ['answer'],
  });

export const stepSchema = z
  .object({
    id: slug,
    title: z.string().min(1).max(120),
    /** Narration: plain text; blank lines separate paragraphs, `code` and **bold** are shown as such. */
    text: z.string().min(1).max(4000),
    trigger: triggerSchema,
    /** The engine pauses when the step triggers, so the learner can read (and predict). */
    pause: z.boolean().default(false),
    predict: predictionSchema.optional(),
    focus: z
      .object({ client: clientName.optional(), tab: z.enum(lessonTabs).optional() })
      .strict()
      .optional(),
  })
  .strict();

/** An inline scenario is checked like a scenario file, but kept as written (it is sent as is). */
const inlineScenario = z.custom<ScenarioInput>().superRefine((value, ctx) => {
  const parsed = scenarioSchema.safeParse(value);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      ctx.addIssue({
        code: 'custom',
        message: issue.message,
        path: issue.path.map((p) => p as string | number),
      });
});

export const lessonSchema = z
  .object({
    format: z.literal(LESSON_FORMAT),
    version: z.literal(1),
    name: slug,
    title: z.string().min(1).max(120),
    summary: z.string().min(1).max(1000),
    /** A preset scenario's name (see `npm run sim -- list`) … */
    preset: slug.optional(),
    /** … or a whole scenario, in the scenario file format. */
    scenario: inlineScenario.optional(),
    steps: z.array(stepSchema).min(1).max(100),
  })
  .strict()
  .superRefine((lesson, ctx) => {
    if ((lesson.preset === undefined) === (lesson.scenario === undefined))
      ctx.addIssue({
        code: 'custom',
        message: 'give either "preset" or "scenario", not both',
        path: ['preset'],
      });
    const ids = new Set<string>();
    lesson.steps.forEach((step, i) => {
      if (ids.has(step.id))
        ctx.addIssue({ code: 'custom', message: `duplicate step id "${step.id}"`, path: ['steps', i, 'id'] });
      ids.add(step.id);
    });
  });

export type LessonInput = z.input<typeof lessonSchema>;
export type Lesson = z.output<typeof lessonSchema>;
export type LessonStep = Lesson['steps'][number];
export type LessonTrigger = LessonStep['trigger'];
export type LessonPrediction = NonNullable<LessonStep['predict']>;

export type LessonParse = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

/** Validates a lesson file's contents; each problem names its JSON path (`steps[2].trigger.type`). */
export function parseLesson(input: unknown): LessonParse {
  const parsed = lessonSchema.safeParse(input);
  if (parsed.success) return { ok: true, lesson: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${jsonPath(issue.path)}: ${issue.message}`),
  };
}

/** The scenario a lesson runs, as the host's `loadPreset` / `loadScenario` requests want it. */
export function lessonScenario(lesson: Lesson): { preset: string } | { scenario: ScenarioInput } {
  return lesson.scenario !== undefined ? { scenario: lesson.scenario } : { preset: lesson.preset ?? '' };
}
