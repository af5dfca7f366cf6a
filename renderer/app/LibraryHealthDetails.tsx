/**
 * What the library check at start repaired and what still needs the user, line by line, in the
 * interface language: the notice's Details. Paths stay as they are (they name files), isolated
 * so a right-to-left sentence keeps them whole.
 */
import { useId, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../electron/shared/i18n/catalogs';
import type { LibraryHealth } from '../../electron/shared/library-health';
import { Dialog } from '../components/Dialog';
import { checkLineText } from '../i18n/core-sentence';
import { useText } from '../i18n/use-text';

/** The command that says more, in every language (a command is not translated). */
const CHECK_COMMAND = 'quire check';

/** A problem after the path it is at, the path isolated so a right-to-left sentence keeps it whole. */
const lineAt = (where: string | null, line: string): ReactNode =>
  where === null ? line : <FormattedMessage id="health.details.problemAt" values={{ where: <bdi>{where}</bdi>, problem: line }} />;

/** One list of the details under its heading (with its count); nothing when it is empty. */
function HealthPart({ id, heading, lines }: { id: string; heading: MessageId; lines: { key: string; line: ReactNode }[] }) {
  const headingId = useId();
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className={`health-details-part health-details-${id}`}>
      <h3 id={headingId} className="health-details-heading">
        <FormattedMessage id={heading} values={{ count: lines.length }} />
      </h3>
      <ul className="health-details-lines">
        {lines.map(({ key, line }) => (
          <li key={key}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

export function LibraryHealthDetails({ health, onClose }: { health: LibraryHealth; onClose: () => void }) {
  const text = useText();
  const problems = health.problems.map((message, index) => {
    const said = health.problemSentences[index];
    // A line from a newer core without a sentence: its English, path included.
    const line = said === undefined ? message : lineAt(said.where, checkLineText(text, { message, sentence: said.sentence }));
    return { key: `${index}`, line };
  });
  const repaired = health.repaired.map((message, index) => ({
    key: `${index}`,
    line: checkLineText(text, { message, sentence: health.repairedSentences[index] }),
  }));
  return (
    <Dialog title={text('health.details.title')} onCancel={onClose}>
      <HealthPart id="problems" heading="health.details.problems" lines={problems} />
      <HealthPart id="repaired" heading="health.details.repaired" lines={repaired} />
      <p className="health-details-more">
        <FormattedMessage id="health.details.more" values={{ command: <code>{CHECK_COMMAND}</code> }} />
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          <FormattedMessage id="common.close" />
        </button>
      </div>
    </Dialog>
  );
}
