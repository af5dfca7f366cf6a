import { useText } from '../i18n/use-text';
import { coreSentenceText } from '../i18n/core-sentence';
import { useId, useState, type FormEvent } from 'react';
import { checkArticleEdit, MAX_AUTHOR_LENGTH, MAX_TITLE_LENGTH } from '../../electron/shared/article-edit';
import type { ArticleMeta } from '../../electron/shared/models';
import { Dialog, DialogFormEnd } from '../components/Dialog';
import { useEditArticle } from './article-mutations';

interface EditArticleDialogProps {
  article: ArticleMeta;
  onSaved: (article: ArticleMeta) => void;
  onCancel: () => void;
}

/**
 * "Edit details": an article's title, author and tags. The form is checked by the core's own
 * rules (article-edit.ts) before it is sent, so a bad title is refused here in the same sentence
 * the core would say, and nothing is written.
 */
export function EditArticleDialog({ article, onSaved, onCancel }: EditArticleDialogProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const editing = useEditArticle();
  const text = useText();
  const [title, setTitle] = useState(article.title);
  const [author, setAuthor] = useState(article.byline ?? '');
  const [tags, setTags] = useState(article.tags.join(', '));
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkArticleEdit({ title, byline: author, tags: tags.split(',') });
    if (!checked.ok) {
      setError(text(checked.sentence.id, checked.sentence.values));
      return;
    }
    void editing.mutateAsync({ id: article.id, edit: checked.edit }).then(onSaved, (failure: Error) => setError(coreSentenceText(text, failure)));
  };
  const field = (name: string, label: string, value: string, set: (value: string) => void, maxLength?: number) => (
    <>
      <label htmlFor={`${id}-${name}`} className="field-label">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        className="note-input"
        type="text"
        value={value}
        // A little over the limit, so that the sentence says what is wrong instead of typing stopping short.
        maxLength={maxLength === undefined ? undefined : maxLength + 50}
        dir="auto"
        aria-invalid={error !== null || undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          set(event.target.value);
          setError(null);
        }}
      />
    </>
  );
  return (
    <Dialog title={text('editArticle.title')} onCancel={onCancel}>
      <form className="edit-article-form" onSubmit={submit} noValidate>
        {field('title', text('editArticle.field.title'), title, setTitle, MAX_TITLE_LENGTH)}
        {field('author', text('editArticle.field.author'), author, setAuthor, MAX_AUTHOR_LENGTH)}
        {field('tags', text('editArticle.field.tags'), tags, setTags)}
        <DialogFormEnd
          error={error}
          errorId={errorId}
          onCancel={onCancel}
          submitLabel={text(editing.isPending ? 'common.saving' : 'common.save')}
          submitDisabled={editing.isPending}
        />
      </form>
    </Dialog>
  );
}
