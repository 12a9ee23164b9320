package dev.appointments.faults.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay in front of an engine, to cut it off as a network outage would:
 * {@link #cut()} closes the listening socket and every open connection, so that new
 * connections are refused and pooled ones break; {@link #restore()} listens again on the
 * same port. The engine itself keeps running with its data, as a real queue service does
 * while a client cannot reach it.
 */
public final class TcpProxy implements AutoCloseable {

    private final int targetPort;

    private final int port;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private volatile ServerSocket listener;

    private TcpProxy(int targetPort, int port) {
        this.targetPort = targetPort;
        this.port = port;
    }

    /** Relays a free loopback port to the given endpoint's port. */
    static TcpProxy to(URI target) {
        TcpProxy proxy = new TcpProxy(target.getPort(), Ports.free());
        proxy.restore();
        return proxy;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean isCut() {
        return listener == null;
    }

    /** Refuses new connections and breaks open ones. */
    public synchronized void cut() {
        ServerSocket current = listener;
        listener = null;
        closeQuietly(current);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Accepts connections again on the same port. */
    public synchronized void restore() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            listener = socket;
            Thread.ofVirtual().name("tcp-proxy-accept-" + port).start(() -> accept(socket));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, ex);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pipe(client, upstream));
                Thread.ofVirtual().start(() -> pipe(upstream, client));
            }
            catch (IOException closedOrRefused) {
                // Cut, or the engine is not there: the client sees its connection fail.
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
        catch (IOException broken) {
            // One side closed or was cut; closing both ends below tells the other side.
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            }
            catch (IOException ignored) {
                // Closing is all that is asked.
            }
        }
    }

    @Override
    public void close() {
        cut();
    }

}
