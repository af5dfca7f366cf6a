import { useText } from '../i18n/use-text';
import { coreSentenceText } from '../i18n/core-sentence';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
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
  const inputProps = (name: string, value: string, set: (value: string) => void, maxLength?: number) => ({
    id: `${id}-${name}`,
    className: 'note-input',
    value,
    // A little over the limit, so that the sentence says what is wrong instead of typing stopping short.
    maxLength: maxLength === undefined ? undefined : maxLength + 50,
    dir: 'auto',
    'aria-invalid': error !== null || undefined,
    'aria-describedby': error ? errorId : undefined,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      set(event.target.value);
      setError(null);
    },
  });
  const label = (name: string, text: string) => (
    <label htmlFor={`${id}-${name}`} className="field-label">
      {text}
    </label>
  );
  return (
    <Dialog title={text('editArticle.title')} onCancel={onCancel}>
      <form className="edit-article-form" onSubmit={submit} noValidate>
        {label('title', text('editArticle.field.title'))}
        {/* A title wraps, so a long one is read whole (a one-line field at phone width showed its
            last words only). It is still one line of text: Enter saves, and a line break pasted in
            becomes a space. */}
        <textarea
          {...inputProps('title', title, (value) => setTitle(value.replace(/[\r\n]+/g, ' ')), MAX_TITLE_LENGTH)}
          className="note-input title-input"
          rows={1}
          onKeyDown={(event) => {
            // Not while an input method is composing (Enter there chooses the characters).
            if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }}
        />
        {label('author', text('editArticle.field.author'))}
        <input type="text" {...inputProps('author', author, setAuthor, MAX_AUTHOR_LENGTH)} />
        {label('tags', text('editArticle.field.tags'))}
        <input type="text" {...inputProps('tags', tags, setTags)} />
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
