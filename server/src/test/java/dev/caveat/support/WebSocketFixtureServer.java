package dev.caveat.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small WebSocket server (RFC 6455, text frames, no extensions) on 127.0.0.2, which the test
 * hosts file names public.example. Each connection's request target is recorded, and the connection
 * is handed to the test's handler on a thread of its own; it stays open after the handler returns
 * until either side ends it.
 */
public final class WebSocketFixtureServer implements AutoCloseable {

  /** What the server does with a new connection. */
  public interface Handler {
    void handle(Connection connection) throws Exception;
  }

  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket server;
  private final List<String> targets = new CopyOnWriteArrayList<>();
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger open = new AtomicInteger();
  private volatile Handler handler = connection -> {};

  public WebSocketFixtureServer() {
    try {
      server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().name("ws-fixture-accept").start(this::acceptAll);
  }

  public void onConnect(Handler handler) {
    this.handler = handler;
  }

  /** The address of a path under the public-looking name. */
  public URI uri(String path) {
    return URI.create("ws://" + FixtureServer.PUBLIC_HOST + ":" + server.getLocalPort() + path);
  }

  /** The request target (path and query) of every connection so far, in order. */
  public List<String> targets() {
    return List.copyOf(targets);
  }

  public int openConnections() {
    return open.get();
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread.ofVirtual().name("ws-fixture-connection").start(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    Connection connection;
    try {
      connection = new Connection(socket, handshake(socket));
    } catch (IOException | RuntimeException e) {
      closeQuietly(socket);
      return;
    }
    connections.add(connection);
    targets.add(connection.target);
    open.incrementAndGet();
    Thread.ofVirtual().name("ws-fixture-read").start(connection::readUntilClosed);
    try {
      handler.handle(connection);
    } catch (Exception e) {
      connection.drop();
    }
  }

  /** Reads the opening request, answers 101, and returns the request target. */
  private static String handshake(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0 || head.size() > 16 * 1024) {
        throw new IOException("no complete opening handshake");
      }
      head.write(b);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String target = lines[0].split(" ")[1];
    String key = null;
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
        key = line.substring(line.indexOf(':') + 1).strip();
      }
    }
    if (key == null) {
      throw new IOException("not a WebSocket request");
    }
    String accept;
    try {
      accept =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-1")
                      .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    OutputStream out = socket.getOutputStream();
    out.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: "
                + accept
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return target;
  }

  /** One open WebSocket connection, as the server sees it. */
  public final class Connection {

    private final Socket socket;
    private final String target;
    private final OutputStream out;

    private Connection(Socket socket, String target) throws IOException {
      this.socket = socket;
      this.target = target;
      this.out = socket.getOutputStream();
    }

    public String target() {
      return target;
    }

    /** Sends one text message in one frame. */
    public void send(String text) throws IOException {
      frame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the connection without a closing handshake, as a crashed or cut-off server would. */
    public void drop() {
      closeQuietly(socket);
    }

    private synchronized void frame(int opcode, byte[] payload) throws IOException {
      out.write(0x80 | opcode);
      if (payload.length < 126) {
        out.write(payload.length);
      } else if (payload.length < 65_536) {
        out.write(126);
        out.write(payload.length >>> 8);
        out.write(payload.length & 0xff);
      } else {
        out.write(127);
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) (((long) payload.length >>> shift) & 0xff));
        }
      }
      out.write(payload);
      out.flush();
    }

    /** Answers pings and the client's close; counts the connection closed when it ends. */
    private void readUntilClosed() {
      try {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        while (true) {
          int first = in.read();
          if (first < 0) {
            return;
          }
          int second = in.readUnsignedByte();
          long length = second & 0x7f;
          if (length == 126) {
            length = in.readUnsignedShort();
          } else if (length == 127) {
            length = in.readLong();
          }
          byte[] mask = new byte[4];
          if ((second & 0x80) != 0) {
            in.readFully(mask);
          }
          byte[] payload = new byte[Math.toIntExact(length)];
          in.readFully(payload);
          for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
          }
          int opcode = first & 0x0f;
          if (opcode == 0x8) {
            frame(0x8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
            return;
          }
          if (opcode == 0x9) {
            frame(0xA, payload);
          }
        }
      } catch (IOException ended) {
        // The socket was dropped, or the client went away.
      } finally {
        closeQuietly(socket);
        open.decrementAndGet();
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException alreadyGone) {
      // Nothing left to release.
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    connections.forEach(Connection::drop);
  }
}
