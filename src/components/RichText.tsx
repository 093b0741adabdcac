import * as React from 'react';
import { looksLikeHtml } from '../model/text';
import { sanitizeHtml } from './sanitizeHtml';

export interface IRichTextProps {
  /** Plain text (line breaks kept) or rich text from a note field. */
  value: string | undefined;
  className?: string;
  /** The data site: images in the rich text may load from its host (and the page's, *.sharepoint.com). */
  siteUrl?: string;
}

/** Renders a list note field safely: sanitised HTML, or plain text with its line breaks. */
export function RichText(props: IRichTextProps): JSX.Element {
  const { value, className } = props;
  if (!value || !value.trim()) return <React.Fragment />;
  if (looksLikeHtml(value)) {
    // Safe: sanitizeHtml strips scripts, handlers and unsafe links (DOMPurify).
    return <div className={className} dangerouslySetInnerHTML={{ __html: sanitizeHtml(value, props.siteUrl) }} />;
  }
  return (
    <div className={className} style={{ whiteSpace: 'pre-line' }}>
      {value.replace(/\r\n/g, '\n').trim()}
    </div>
  );
}
