import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../electron/shared/i18n/catalogs';

/** What a view says when it has nothing to list yet: what is missing, and how to get some. */
export function EmptyState({ titleId, hintId }: { titleId: MessageId; hintId: MessageId }) {
  return (
    <div className="empty-state">
      <p className="empty-title">
        <FormattedMessage id={titleId} />
      </p>
      <p className="empty-hint">
        <FormattedMessage id={hintId} />
      </p>
    </div>
  );
}
