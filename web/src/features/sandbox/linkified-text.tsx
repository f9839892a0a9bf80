import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';

const urlPattern = /(https?:\/\/[^\s<>"']+)/g;
/** Punctuation that ends a sentence rather than the URL ("… at https://x.in/a."). */
const trailing = /[.,;:!?)\]]+$/;

type Piece = { kind: 'text'; value: string } | { kind: 'link'; href: string };

/** Splits text into plain pieces and URLs; nothing is ever interpreted as HTML. */
export function splitLinks(text: string): Piece[] {
  const pieces: Piece[] = [];
  const addText = (value: string) => {
    const last = pieces.at(-1);
    if (last?.kind === 'text') last.value += value;
    else pieces.push({ kind: 'text', value });
  };
  for (const [index, part] of text.split(urlPattern).entries()) {
    if (!part) continue;
    if (index % 2 === 0) {
      addText(part);
      continue;
    }
    const tail = trailing.exec(part)?.[0] ?? '';
    pieces.push({ kind: 'link', href: part.slice(0, part.length - tail.length) });
    if (tail) addText(tail);
  }
  return pieces;
}

function SmartLink({ href }: { href: string }) {
  const url = new URL(href);
  if (url.origin === window.location.origin) {
    // This app's own pages (verify e-mail, reset password, invitations) open in this tab.
    return (
      <Anchor component={Link} to={`${url.pathname}${url.search}${url.hash}`}>
        {href}
      </Anchor>
    );
  }
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer">
      {href}
    </Anchor>
  );
}

/** A plain-text e-mail body with every URL a clickable link, rendered as React text nodes. */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <Text
      component="div"
      size="sm"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit' }}
    >
      {splitLinks(text).map((piece, index) =>
        piece.kind === 'link' ? (
          <SmartLink key={index} href={piece.href} />
        ) : (
          <span key={index}>{piece.value}</span>
        ),
      )}
    </Text>
  );
}
