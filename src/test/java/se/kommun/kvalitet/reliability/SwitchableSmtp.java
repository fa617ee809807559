package se.kommun.kvalitet.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of a real SMTP server that can be switched to "hang": it then accepts
 * connections and never answers, so the client blocks in its read until its own timeout. Switched to
 * "swallow accepts" it relays the whole conversation but drops the server's answer to the end of the mail
 * data: the server has accepted and stored the mail, the sender still waits for the 250 — a send in flight.
 */
final class SwitchableSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final AtomicInteger hungConnections = new AtomicInteger();
    /** Mails the server accepted whose acceptance the sender never heard of. */
    final AtomicInteger swallowedAccepts = new AtomicInteger();
    volatile boolean hang;
    volatile boolean swallowAccepts;

    SwitchableSmtp(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "switchable-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                if (hang) {
                    hungConnections.incrementAndGet();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(upstream);
                Conversation conversation = new Conversation();
                InputStream fromClient = client.getInputStream();
                OutputStream toUpstream = upstream.getOutputStream();
                InputStream fromUpstream = upstream.getInputStream();
                OutputStream toClient = client.getOutputStream();
                start(() -> toServer(fromClient, toUpstream, conversation));
                start(() -> toClient(fromUpstream, toClient, conversation));
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** What one relayed connection has seen. */
    private static final class Conversation {
        volatile boolean dataEnded;
        boolean swallowed;
    }

    /** CR LF . CR LF: the end of the mail data (dot-stuffing keeps it out of the body). */
    private static final long END_OF_DATA = 0x0D0A2E0D0AL;

    private void toServer(InputStream in, OutputStream out, Conversation conversation) {
        try (in; out) {
            byte[] buffer = new byte[8192];
            long window = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    window = ((window << 8) | (buffer[i] & 0xFF)) & 0xFFFFFFFFFFL;
                    if (window == END_OF_DATA) {
                        // Marked before the terminator goes out, so the server's answer cannot overtake it.
                        conversation.dataEnded = true;
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        }
    }

    private void toClient(InputStream in, OutputStream out, Conversation conversation) {
        try (in; out) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (swallowAccepts && conversation.dataEnded) {
                    if (!conversation.swallowed) {
                        conversation.swallowed = true;
                        swallowedAccepts.incrementAndGet();
                    }
                    continue;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        }
    }

    private static void start(Runnable pipe) {
        Thread thread = new Thread(pipe, "switchable-smtp-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
