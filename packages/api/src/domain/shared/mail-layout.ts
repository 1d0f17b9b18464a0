import type { MailMessage } from '../../infra/mail/mailer.ts';

/** One block of a mail body: a paragraph, a quote (a message's text), a code to type, or a link to follow. */
export type MailBlock =
  | string
  | { quote: string }
  | { code: string; label: string }
  | { link: string; label: string };

export interface MailContent {
  to: { email: string; firstName: string };
  subject: string;
  blocks: readonly MailBlock[];
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function textOf(block: MailBlock): string {
  if (typeof block === 'string') return block;
  if ('quote' in block)
    return block.quote
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
  if ('code' in block) return `${block.label}: ${block.code}`;
  return `${block.label}: ${block.link}`;
}

function htmlOf(block: MailBlock): string {
  if (typeof block === 'string') return `<p>${escapeHtml(block)}</p>`;
  if ('quote' in block) {
    const lines = block.quote.split('\n').map(escapeHtml).join('<br>');
    return `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:12px">${lines}</blockquote>`;
  }
  if ('code' in block)
    return `<p>${escapeHtml(block.label)}: <code style="font-size:16px">${escapeHtml(block.code)}</code></p>`;
  return `<p><a href="${escapeHtml(block.link)}">${escapeHtml(block.label)}</a></p>`;
}

/**
 * Every StayHub mail: the same blocks as plain text and as simple HTML (one column, no images, no
 * remote content), so clients that show either tell the same thing. Text from users (names, messages) is
 * escaped in the HTML.
 */
export function composeMail(content: MailContent): MailMessage {
  const greeting = `Hi ${content.to.firstName},`;
  const text = [greeting, '', ...content.blocks.flatMap((block) => [textOf(block), ''])].join('\n');
  const html = [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;max-width:600px">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...content.blocks.map(htmlOf),
    '</body></html>',
    '',
  ].join('\n');
  return { to: content.to.email, subject: content.subject, text, html };
}
