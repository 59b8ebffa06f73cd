// A step's prediction: pick a choice, then reveal (or play on) to see whether it was right and why.
import type { LessonPrediction } from '../../../../shared/lessons/schema';
import { useApp } from '../../store/context';
import { chooseAnswer, reveal } from './actions';
import { Narration } from './Narration';

interface Props {
  stepId: string;
  predict: LessonPrediction;
  chosen: number | undefined;
  revealed: boolean;
}

export function Prediction({ stepId, predict, chosen, revealed }: Props) {
  const ctx = useApp();
  return (
    <fieldset className="lesson-predict" data-testid="lesson-predict">
      <legend>Predict</legend>
      <p className="question">{predict.question}</p>
      {predict.choices.map((choice, i) => {
        const mark = revealed && i === predict.answer ? 'right' : revealed && i === chosen ? 'wrong' : '';
        return (
          <label key={i} className={`choice ${mark}`}>
            <input
              type="radio"
              name={`predict-${stepId}`}
              checked={chosen === i}
              disabled={revealed}
              onChange={() => chooseAnswer(ctx, stepId, i)}
              data-testid={`lesson-choice-${i}`}
            />{' '}
            {choice}
          </label>
        );
      })}
      {revealed ? (
        <div className="verdict" data-testid="lesson-verdict">
          <p className={chosen === predict.answer ? 'right' : 'wrong'}>
            {chosen === predict.answer
              ? '✓ Right.'
              : `✗ Not quite: the answer is “${predict.choices[predict.answer]}”.`}
          </p>
          <Narration text={predict.explain} />
        </div>
      ) : (
        <button
          onClick={() => reveal(ctx, stepId)}
          disabled={chosen === undefined}
          data-testid="lesson-reveal"
          title="Check your answer without playing on"
        >
          Reveal
        </button>
      )}
    </fieldset>
  );
}
