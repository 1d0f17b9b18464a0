import net from 'node:net';

export interface SmtpSink {
  url: string;
  /** Each delivered message: envelope and the DATA section, dot-unstuffed, lines joined with \n. */
  messages: Array<{ from: string; to: string[]; data: string }>;
  close(): Promise<void>;
}

/**
 * Just enough of an SMTP server to accept mail from nodemailer on localhost: greeting, EHLO, MAIL,
 * RCPT, DATA, QUIT. No TLS and no auth are advertised, so none are attempted.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SmtpSink['messages'] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    let buffered = '';
    let envelope = { from: '', to: [] as string[] };
    let data: string[] | undefined;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink ESMTP');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      for (;;) {
        const end = buffered.indexOf('\r\n');
        if (end < 0) break;
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (data) {
          if (line === '.') {
            messages.push({ ...envelope, data: data.join('\n') });
            envelope = { from: '', to: [] };
            data = undefined;
            reply('250 queued');
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') reply('250 sink');
        else if (verb === 'MAIL') {
          envelope.from = line.slice('MAIL FROM:'.length).trim();
          reply('250 ok');
        } else if (verb === 'RCPT') {
          envelope.to.push(line.slice('RCPT TO:'.length).trim());
          reply('250 ok');
        } else if (verb === 'DATA') {
          data = [];
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else reply('250 ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('SMTP sink has no TCP address');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
