/** The goal wizard's live check: POST /goals/preview of the draft, debounced, as the draft changes. */
import { useEffect, useState } from 'react';
import { api, type GoalCreateInput, type GoalPreview } from '../../api/index.ts';
import { type Draft, toInput } from './draft.ts';

export function useGoalPreview(draft: Draft): { preview: GoalPreview | null; previewError: unknown } {
  const [preview, setPreview] = useState<GoalPreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const previewKey = JSON.stringify(toInput(draft, true));
  useEffect(() => {
    if (draft.accounts.length === 0) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.goals.preview(JSON.parse(previewKey) as GoalCreateInput, controller.signal).then(
        (p) => {
          setPreview(p);
          setPreviewError(null);
        },
        (e: unknown) => {
          if (e instanceof DOMException && e.name === 'AbortError') return;
          setPreviewError(e);
        },
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [previewKey, draft.accounts.length]);
  return { preview, previewError };
}
