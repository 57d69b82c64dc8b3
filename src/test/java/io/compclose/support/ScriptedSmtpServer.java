package io.compclose.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real SMTP server on a free local port that answers RCPT TO by script, for what GreenMail
 * cannot do: refuse a recipient for good (5xx) or for now (4xx). A recipient's scripted replies
 * are used one per attempt, then it is accepted. Every accepted message is kept with its recipient.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** A message the server accepted. */
    public record Received(String recipient, String data) {
    }

    private final ServerSocket socket;
    private final Map<String, Deque<String>> replies = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;

    public ScriptedSmtpServer() {
        try {
            socket = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::serve, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The next RCPT TO of {@code recipient} gets these replies, one per attempt, e.g. "451 4.7.1 try later". */
    public ScriptedSmtpServer refuse(String recipient, String... nextReplies) {
        replies.computeIfAbsent(recipient.toLowerCase(Locale.ROOT), r -> new ArrayDeque<>())
                .addAll(List.of(nextReplies));
        return this;
    }

    /** Clears what was scripted for a recipient: it is accepted from now on. */
    public void accept(String recipient) {
        replies.remove(recipient.toLowerCase(Locale.ROOT));
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<String> recipients() {
        return received().stream().map(Received::recipient).toList();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                // the client hung up or the server is closing: wait for the next connection
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
        reply(out, "220 scripted ESMTP");
        String recipient = null;
        for (String line; (line = in.readLine()) != null; ) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 scripted");
            } else if (command.startsWith("MAIL FROM")) {
                recipient = null;
                reply(out, "250 2.1.0 OK");
            } else if (command.startsWith("RCPT TO")) {
                String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
                Deque<String> scripted = replies.get(address);
                String answer = scripted == null ? null : scripted.poll();
                if (answer == null) {
                    recipient = address;
                    reply(out, "250 2.1.5 OK");
                } else {
                    reply(out, answer);
                }
            } else if (command.equals("DATA")) {
                reply(out, "354 end with <CRLF>.<CRLF>");
                StringBuilder data = new StringBuilder();
                for (String d; (d = in.readLine()) != null && !d.equals("."); ) {
                    data.append(d).append('\n');
                }
                received.add(new Received(recipient, data.toString()));
                reply(out, "250 2.0.0 accepted");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 2.0.0 bye");
                return;
            } else {
                reply(out, "250 OK"); // RSET, NOOP
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
