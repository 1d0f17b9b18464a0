import type { RouterOutputs } from '@stayhub/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useAnnounce } from '../announcer.tsx';
import { useTRPC } from '../api.ts';
import { ErrorMessage, Loading, SignedIn } from '../components.tsx';
import { count } from '../format.ts';
import { MESSAGE_MAX_LENGTH, MESSAGES_POLL_MS, sendErrorMessage } from '../messages.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

type Conversation = RouterOutputs['messages']['conversations']['items'][number];
type Message = RouterOutputs['messages']['list']['items'][number];

/** The inbox's one page: enough for an example; the same query (and cache entry) names a thread's heading. */
const INBOX = { limit: 50 } as const;
/** The newest messages of a thread; older ones are not shown. */
const THREAD_LIMIT = 50;

const sentAt = (date: Date) =>
  date.toLocaleString('en', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export function InboxPage() {
  return (
    <section aria-labelledby="messages-heading">
      <h1 id="messages-heading">Messages</h1>
      <SignedIn purpose="to see your messages">
        <Inbox />
      </SignedIn>
    </section>
  );
}

function Inbox() {
  const trpc = useTRPC();
  const { user } = useSession();
  const conversations = useQuery({
    ...trpc.messages.conversations.queryOptions(INBOX),
    refetchInterval: MESSAGES_POLL_MS,
  });
  if (conversations.isPending) return <Loading what="your conversations" />;
  if (conversations.isError) return <ErrorMessage error={conversations.error} />;
  if (conversations.data.items.length === 0) {
    return <p>No conversations yet. Write to a host from a listing or from one of your trips.</p>;
  }
  return (
    <ul className="conversations" aria-label="Conversations">
      {conversations.data.items.map((conversation) => (
        <li key={conversation.conversationId} className={conversation.unreadCount > 0 ? 'unread' : undefined}>
          <ConversationSummary conversation={conversation} myUserId={user?.userId} />
        </li>
      ))}
    </ul>
  );
}

function ConversationSummary(props: { conversation: Conversation; myUserId: string | undefined }) {
  const { conversation } = props;
  const last = conversation.lastMessage;
  return (
    <>
      <p className="conversation-title">
        <Link to={`/messages/${conversation.conversationId}`}>
          {conversation.otherParticipant.firstName} · {conversation.property.name}
        </Link>{' '}
        <span className="muted">({conversation.myRole === 'host' ? 'your guest' : 'your host'})</span>
        {conversation.unreadCount > 0 && (
          <strong className="badge">{count(conversation.unreadCount, 'unread message')}</strong>
        )}
      </p>
      {last && (
        <p className="muted preview">
          {last.senderId === props.myUserId ? 'You: ' : ''}
          {last.messageBody.length > 120 ? `${last.messageBody.slice(0, 120)}…` : last.messageBody} ·{' '}
          {sentAt(last.sentAt)}
        </p>
      )}
    </>
  );
}

export function ConversationPage(props: { conversationId: string }) {
  return (
    <section aria-labelledby="conversation-heading">
      <p>
        <Link to="/messages">All messages</Link>
      </p>
      <SignedIn purpose="to see this conversation">
        <Thread conversationId={props.conversationId} />
      </SignedIn>
    </section>
  );
}

function Thread(props: { conversationId: string }) {
  const { conversationId } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const { user } = useSession();
  const inbox = useQuery({
    ...trpc.messages.conversations.queryOptions(INBOX),
    refetchInterval: MESSAGES_POLL_MS,
  });
  const listInput = { conversationId, limit: THREAD_LIMIT };
  // New messages arrive by polling while the page is open: no reload, no socket.
  const messages = useQuery({
    ...trpc.messages.list.queryOptions(listInput),
    refetchInterval: MESSAGES_POLL_MS,
  });
  const conversation = inbox.data?.items.find((item) => item.conversationId === conversationId);
  const otherName = conversation?.otherParticipant.firstName ?? 'them';
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.messages.list.queryKey(listInput) }),
      queryClient.invalidateQueries({ queryKey: trpc.messages.conversations.pathKey() }),
    ]);

  const markRead = useMutation(
    trpc.messages.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.messages.conversations.pathKey() }),
    }),
  );
  const items = messages.data?.items;
  useMarkRead(items, user?.userId, (upToMessageId) => markRead.mutate({ conversationId, upToMessageId }));
  useAnnounceIncoming(items, user?.userId, otherName);

  const send = useMutation(trpc.messages.send.mutationOptions());
  const onSend = (messageBody: string, sent: () => void) =>
    send.mutate(
      { conversationId, messageBody },
      {
        onSuccess: async () => {
          sent();
          announce(`Message sent to ${otherName}.`);
          await refresh();
        },
      },
    );

  // The list is newest first (keyset-paged); a thread reads oldest first.
  const thread = items ? [...items].reverse() : [];
  return (
    <>
      <h1 id="conversation-heading">
        {conversation ? `${otherName} · ${conversation.property.name}` : 'Conversation'}
      </h1>
      {conversation && (
        <p className="muted">
          {conversation.myRole === 'host' ? 'Your guest' : 'Your host'} {otherName} ·{' '}
          <Link to={`/listings/${conversation.property.propertyId}`}>View the listing</Link>
        </p>
      )}
      {messages.isPending && <Loading what="messages" />}
      <ErrorMessage error={messages.error} />
      {messages.data?.nextCursor && <p className="muted">Older messages are not shown.</p>}
      {thread.length > 0 && (
        <ol className="thread" aria-label={`Messages with ${otherName}`}>
          {thread.map((message) => (
            <MessageItem
              key={message.messageId}
              message={message}
              mine={message.senderId === user?.userId}
              otherName={otherName}
            />
          ))}
        </ol>
      )}
      {messages.data?.items.length === 0 && <p>No messages yet.</p>}
      {messages.isSuccess && (
        <Composer
          label="Your message"
          formLabel={`Reply to ${otherName}`}
          submitLabel="Send"
          pending={send.isPending}
          error={send.error}
          onSend={onSend}
        />
      )}
    </>
  );
}

function MessageItem(props: { message: Message; mine: boolean; otherName: string }) {
  const { message, mine } = props;
  return (
    <li className={mine ? 'message mine' : 'message theirs'}>
      <p className="meta">
        <strong>{mine ? 'You' : props.otherName}</strong>
        <span className="visually-hidden"> wrote</span> ·{' '}
        <time dateTime={message.sentAt.toISOString()}>{sentAt(message.sentAt)}</time>
        {mine && message.readAt && ' · Read'}
      </p>
      <p className="body">{message.messageBody}</p>
    </li>
  );
}

/** Marks what the viewer has now seen read, once per newest unread message (not on every poll). */
function useMarkRead(items: Message[] | undefined, myUserId: string | undefined, mark: (id: string) => void) {
  const marked = useRef<string | null>(null);
  const newestUnread = items?.find((message) => message.recipientId === myUserId && message.readAt === null);
  const markRef = useRef(mark);
  markRef.current = mark;
  useEffect(() => {
    if (!newestUnread || marked.current === newestUnread.messageId) return;
    marked.current = newestUnread.messageId;
    markRef.current(newestUnread.messageId);
  }, [newestUnread]);
}

/** A message from the other side that arrives while the thread is open is read out. */
function useAnnounceIncoming(items: Message[] | undefined, myUserId: string | undefined, otherName: string) {
  const announce = useAnnounce();
  const newest = useRef<string | null>(null);
  useEffect(() => {
    const latest = items?.[0];
    if (!latest) return;
    const previous = newest.current;
    newest.current = latest.messageId;
    if (previous !== null && previous !== latest.messageId && latest.senderId !== myUserId) {
      announce(`New message from ${otherName}.`);
    }
  }, [items, myUserId, otherName, announce]);
}

/**
 * A labelled text box and a send button. It sends what is typed, empty or long, and lets the server say
 * no: the reply's reason becomes the words shown (messages.ts).
 */
export function Composer(props: {
  label: string;
  formLabel: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSend: (messageBody: string, sent: () => void) => void;
}) {
  const ids = { body: useId(), hint: useId() };
  const [body, setBody] = useState('');
  const [attempted, setAttempted] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(body);
    props.onSend(body, () => setBody(''));
  };
  return (
    <form className="composer" onSubmit={submit} aria-label={props.formLabel}>
      <label htmlFor={ids.body}>{props.label}</label>
      <textarea
        id={ids.body}
        name="messageBody"
        rows={3}
        value={body}
        aria-describedby={ids.hint}
        onChange={(event) => setBody(event.target.value)}
      />
      <p id={ids.hint} className="hint">
        Up to {MESSAGE_MAX_LENGTH.toLocaleString('en')} characters.
      </p>
      {props.error ? (
        <p className="error" role="alert">
          {sendErrorMessage(props.error, attempted)}
        </p>
      ) : null}
      <button type="submit" disabled={props.pending}>
        {props.pending ? 'Sending…' : props.submitLabel}
      </button>
    </form>
  );
}

/**
 * Writes to a listing's host: before booking (about the listing) or about a booking. The server opens the
 * conversation, or reuses the one there is, and the page goes to it.
 */
export function ContactHost(props: { propertyId: string; bookingId?: string; hostName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const start = useMutation(trpc.messages.start.mutationOptions());
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Message {props.hostName}
      </button>
    );
  }
  const onSend = (messageBody: string, sent: () => void) =>
    start.mutate(
      {
        propertyId: props.propertyId,
        ...(props.bookingId ? { bookingId: props.bookingId } : {}),
        messageBody,
      },
      {
        onSuccess: async (started) => {
          sent();
          announce(`Message sent to ${props.hostName}.`);
          await queryClient.invalidateQueries({ queryKey: trpc.messages.pathKey() });
          navigate(`/messages/${started.conversation.conversationId}`);
        },
      },
    );
  return (
    <Composer
      label={`Message to ${props.hostName}`}
      formLabel={`Write to ${props.hostName}`}
      submitLabel="Send message"
      pending={start.isPending}
      error={start.error}
      onSend={onSend}
    />
  );
}
