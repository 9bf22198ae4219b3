/** An error as a sentence in an alert region (screen readers announce it), with a retry when one helps. */
import { describeError } from '../errors/describe-error';

export interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
}

export function ErrorNotice({ error, onRetry }: ErrorNoticeProps) {
  const { message, requestId } = describeError(error);
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {requestId ? <p className="muted">Request id: {requestId}</p> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
